"""What the pipeline formats (SARIF, JUnit, GitHub, GitLab) share: display paths, stable fingerprints,
rule texts with placeholders made generic, the rules applied to a file, why a file has no results,
and the failure of a document no pack applies to under `--require-pack`."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from compliance.findings import MARKER_TIME_LIMIT, NOT_APPLICABLE, Finding, Location, Notice, Report, Severity
from compliance.fingerprint import FINGERPRINT_KEY, display_path, fingerprints
from compliance.formatters.context import FormatContext
from compliance.packs import PLACEHOLDER, Rule

__all__ = [
    "COULD_NOT_CHECK",
    "FINGERPRINT_KEY",
    "NO_PACK_RULE",
    "applied_rules",
    "display_path",
    "file_notices",
    "file_of",
    "fingerprints",
    "generic_text",
    "in_payload",
    "unevaluated_marker",
    "with_required_pack",
]

# The notices of a document that could not be checked although it should have been: unreadable,
# wrongly configured, past --time-limit (the run exits 2), or an internal error (exit 3). A file
# skipped on purpose (binary, empty, too large) is none of these.
COULD_NOT_CHECK = frozenset({"unreadable", "user-error", "time-limit", "internal-error"})

# The id under which the machine formats report a document that `--require-pack` fails (no pack's rule).
NO_PACK_RULE = "syndcheck/no-pack"
NO_PACK_MESSAGE = "No rule pack applies to this document, and --require-pack requires one."
NO_PACK_HELP = (
    "If this is a republished story, name its publisher's pack with --pack (or under 'packs' in the configuration); "
    "if it is not, leave it out of the paths checked."
)

# A placeholder of rule messages (`packs.PLACEHOLDER`) in brackets: `(… {detail})` is dropped.
_BRACKETED_PLACEHOLDER = re.compile(r"\s*\(" + PLACEHOLDER().pattern + r"\)")


def generic_text(template: str) -> str:
    """A rule message or help without a finding's values: `(… {detail})` dropped, other placeholders as `…`."""
    return PLACEHOLDER().sub("…", _BRACKETED_PLACEHOLDER.sub("", template))


def applied_rules(report: Report, context: FormatContext) -> list[Rule]:
    """The rules of the packs applied to a report, each id once, in pack then rule order."""
    seen: set[str] = set()
    rules = []
    for pack_id in report.packs:
        pack = context.pack(pack_id)
        for rule in pack.rules if pack is not None else ():
            if rule.id not in seen:
                seen.add(rule.id)
                rules.append(rule)
    return rules


def required_pack_failed(report: Report, context: FormatContext) -> bool:
    """Whether `--require-pack` fails this document: checked, and no pack applies to it."""
    return context.require_pack and report.checked and not report.packs


def with_required_pack(report: Report, context: FormatContext) -> Report:
    """The report with one error finding (`NO_PACK_RULE`, at line 1) when `--require-pack` fails it,
    so that the formats made of findings (SARIF results, GitHub annotations, GitLab issues) show
    the failure the exit code counts; the report itself otherwise."""
    if not required_pack_failed(report, context):
        return report
    failure = Finding(NO_PACK_RULE, Severity.ERROR, NO_PACK_MESSAGE, NO_PACK_HELP, Location(1))
    return dataclasses.replace(report, findings=(failure, *report.findings))


# The id under which concise and GitHub output name a rule the run did not check (a value the
# article does not give, a medium it does not apply to): it is no finding, and no rule of a pack.
NOT_CHECKED_RULE = "syndcheck/not-checked"
# The id under which they name an article's front matter that was not read (a duplicate key, bad
# YAML): its metadata is lost, which the rules that need it then say.
FRONT_MATTER_RULE = "syndcheck/front-matter"
# ... and a rule selected by name that does not apply to the document (its `when` does not hold).
NOT_APPLICABLE_RULE = "syndcheck/not-applicable"
# The notices that say the check did not cover the whole story, or all of what the page holds: a
# story of its own beside or inside the article checked (`other-stories`), a later page of a story
# split over pages (`later-page`). A pipeline's reader, and `--quiet`, must see them: a pass says
# nothing of what was not checked.
PARTLY_CHECKED = ("other-stories", "later-page")
# The ids concise and GitHub output name the notices of `pipeline_notes` by (besides rules not checked).
_NOTE_IDS = {
    "front-matter": FRONT_MATTER_RULE,
    NOT_APPLICABLE: NOT_APPLICABLE_RULE,
    **{code: f"syndcheck/{code}" for code in PARTLY_CHECKED},
    # A headline changed beyond style that no rule compares: the editor decides.
    "headline-not-compared": "syndcheck/headline-not-compared",
}


def unchecked_notices(report: Report) -> tuple[Notice, ...]:
    """The notices of a checked report that name rules the run did not check: a run that passes
    with them passed without those rules, which a pipeline's reader should see."""
    return tuple(notice for notice in report.notices if notice.unchecked_rules) if report.checked else ()


def pipeline_notes(report: Report) -> tuple[tuple[str, Notice], ...]:
    """The notices concise and GitHub output show beside the findings, each with its id: rules not
    checked (`NOT_CHECKED_RULE`), a front matter that was not read (`FRONT_MATTER_RULE`), a rule
    selected by name that does not apply (`NOT_APPLICABLE_RULE`), a story the check did not cover
    (`PARTLY_CHECKED`: `syndcheck/other-stories`, `syndcheck/later-page`) and a changed headline no
    rule compares (`syndcheck/headline-not-compared`)."""
    if not report.checked:
        return ()
    return tuple(
        (NOT_CHECKED_RULE if notice.unchecked_rules else _NOTE_IDS[notice.code], notice)
        for notice in report.notices
        if notice.unchecked_rules or notice.code in _NOTE_IDS
    )


def partly_checked(report: Report) -> bool:
    """Whether a checked report says the check did not cover all the page holds (`PARTLY_CHECKED`):
    `--quiet` shows such a file, as it does one with a rule not checked."""
    return report.checked and any(notice.code in PARTLY_CHECKED for notice in report.notices)


def note_place(report: Report, notice: Notice) -> tuple[int, int, str]:
    """Where concise and GitHub output put a notice of `pipeline_notes` (or of
    `not_checked_failure`: a front matter key given twice), and what they say there:
    its line and column (1, 1 for a notice about the whole document) and its message, without
    the place it names when the line and column already give it ("story.md:3:14: " out of
    "front matter ignored: story.md:3:14: invalid YAML…"), so that it is not said twice."""
    if not notice.line:
        return 1, 1, notice.message
    return notice.line, notice.column, notice.message.replace(f"{report.path}:{notice.line}:{notice.column}: ", "", 1)


# The notices of a document that was not checked and fails the run for it (exit 2, or 3 for an
# internal error): it could not be read, a user error stopped it, its check ran out of time.
_FAILED_NOTICES = ("unreadable", "user-error", "internal-error", "time-limit")


def nothing_checked_fails(reports: Sequence[Report], context: FormatContext) -> bool:
    """Whether the run fails (exit 2) for having checked nothing: there are documents, none was
    checked, and `--pass-with-nothing-checked` was not given. Each document skipped on purpose
    (empty, binary data, over `--max-bytes`) then fails the run, and is shown as failing it: a
    merge request's widget or a test report that listed only notes would look green on a red job."""
    return bool(reports) and not context.pass_with_nothing_checked and not any(report.checked for report in reports)


def not_checked_failure(report: Report, *, nothing_checked: bool = False) -> tuple[str, Notice] | None:
    """For a document that was not checked and fails the run (`_FAILED_NOTICES`, or any document
    not checked in a run that checked nothing: `nothing_checked`, see `nothing_checked_fails`),
    the id concise and GitHub output give it, `syndcheck/CODE` (`syndcheck/unreadable`), and its
    notice; None for a document checked, or skipped on purpose (empty, binary: the run's exit code
    stays) in a run that checked something else."""
    if report.checked:
        return None
    notice = file_notices(report)[0]
    if notice.code not in _FAILED_NOTICES and not nothing_checked:
        return None
    return f"syndcheck/{notice.code}", notice


def skipped_note(report: Report, *, nothing_checked: bool = False) -> tuple[str, Notice] | None:
    """For a document that was not checked but does not fail the run (skipped on purpose: over
    `--max-bytes`, empty, binary data, a report of syndcheck's own), the id concise and GitHub
    output give it, `syndcheck/CODE` (`syndcheck/too-large`, `syndcheck/skipped`), and its notice:
    a pipeline's log shows every file it did not check. None for a document checked, or one that
    fails the run (`not_checked_failure`)."""
    if report.checked or not_checked_failure(report, nothing_checked=nothing_checked) is not None:
        return None
    notice = file_notices(report)[0]
    return f"syndcheck/{notice.code}", notice


# What GitLab's Code Quality report says to do about a document not checked (`with_not_checked`).
NOT_CHECKED_FAILED_HELP = "The document was not checked, which fails the run: mend what the description says and run the check again."
NOT_CHECKED_SKIPPED_HELP = (
    "The file was not checked, so nothing is known of its credits: do what the description says to have it checked,"
    " or leave it out with --exclude or the configuration's exclude."
)


def with_not_checked(report: Report, *, nothing_checked: bool = False) -> Report:
    """The report of a document that was not checked with one finding that says so, for the formats
    made of findings alone (GitLab's Code Quality report, whose every entry is an issue on a file):
    an error `syndcheck/CODE` at the notice's line when the document fails the run
    (`not_checked_failure`; `nothing_checked`: the run checked nothing), info when it was skipped
    (`skipped_note`). The report itself when it was checked."""
    failed = not_checked_failure(report, nothing_checked=nothing_checked)
    said = failed or skipped_note(report, nothing_checked=nothing_checked)
    if said is None:
        return report
    rule, notice = said
    line, _, message = note_place(report, notice)
    severity, help_text = (Severity.ERROR, NOT_CHECKED_FAILED_HELP) if failed else (Severity.INFO, NOT_CHECKED_SKIPPED_HELP)
    # The code as evidence: its fingerprint stays when the file changes (the byte count, the file type).
    return dataclasses.replace(report, findings=(Finding(rule, severity, message, help_text, Location(line), evidence=rule),))


# The id the formats made of findings alone give a detection marker that ran out of time with
# its pack not applied (`with_unevaluated_markers`), and what it says to do.
MARKER_TIME_LIMIT_RULE = "syndcheck/marker-time-limit"
MARKER_TIME_LIMIT_HELP = "The document was not fully checked, which fails the run: do what the description says and run the check again."


def unevaluated_marker(notice: Notice) -> bool:
    """Whether a notice says a detection marker ran out of time with its pack not applied (a
    `marker-time-limit` notice naming the pack's rules not checked): the run exits 2 for it."""
    return notice.code == MARKER_TIME_LIMIT and bool(notice.unchecked_rules)


def with_unevaluated_markers(report: Report) -> Report:
    """The report with an error finding (`MARKER_TIME_LIMIT_RULE`, at line 1) for each detection
    marker of a pack not applied whose pattern ran out of time (a `marker-time-limit` notice that
    names the pack's rules not checked), for the formats made of findings alone (GitLab's Code
    Quality report): the document was not fully checked, and the run exits 2 for it. The report
    itself when there is none."""
    unevaluated = [n for n in report.notices if unevaluated_marker(n)] if report.checked else []
    if not unevaluated:
        return report
    added = tuple(
        Finding(MARKER_TIME_LIMIT_RULE, Severity.ERROR, notice.message, MARKER_TIME_LIMIT_HELP, Location(1), evidence=MARKER_TIME_LIMIT_RULE)
        for notice in unevaluated
    )
    return dataclasses.replace(report, findings=(*added, *report.findings))


def file_notices(report: Report) -> tuple[Notice, ...]:
    """The notices of a report, with one made up when a report was not checked or had no pack but says nothing why."""
    if report.notices:
        return report.notices
    if not report.checked:
        return (Notice("not-checked", "not checked"),)
    if not report.packs:
        return (Notice("no-pack", "no rule pack applies to this document"),)
    return ()


def file_of(report: Report, base_dir: str) -> str:
    """The file a report's findings are annotated on, as `display_path` shows it: the document
    itself, or for an article of a CMS payload the payload (`cms.json`), never the article's name
    (`cms.json#2 (story-42)` is no file a code host could open)."""
    return display_path(report.payload if report.payload is not None else report.path, base_dir)


def in_payload(report: Report, line: int) -> str:
    """Where in a CMS payload a finding of one of its articles is, in words, for the formats that
    annotate files (they name the payload as the file): `in cms.json#2 (story-42), line 122 of the
    article's HTML`; "" for a document that is a file (its line is the file's)."""
    if report.payload is None:
        return ""
    return f"in {report.path}, line {line} of the article's HTML"
