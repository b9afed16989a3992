"""Value objects shared by the core and the edges: severities, locations, findings, reports."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# The version of the JSON output (README "JSON output"): a key is only ever added within a version.
JSON_VERSION = 1

# The rules of syndcheck's own findings about suppression comments (an unused one, one without a
# reason, one naming an unknown rule; see `compliance.suppress`), which a configuration selects or
# ignores like a pack's rules. Here, not in the suppression reader, so that choosing rules does not
# import that reader: most pages have no suppression comment.
SUPPRESSION_RULES = ("syndcheck/unused-suppression", "syndcheck/suppression-without-reason", "syndcheck/unknown-rule-in-suppression")
# The code of the notice that a rule the user selected by its own id did not apply to a document
# (its `when` did not hold; `engine._not_applicable_notice` writes it out, as the README's table of
# notice codes is checked against the code): the user asked for that rule, so `--quiet` keeps it.
NOT_APPLICABLE = "not-applicable"


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that thresholds compare naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in packs, flags and output."""
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> Severity:
        """Parse `error` / `warning` / `info`."""
        return cls[label.upper()]


SEVERITY_LABELS: tuple[str, ...] = tuple(s.label for s in sorted(Severity, reverse=True))


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A 1-based line and column in the checked document."""

    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


START = Location(1, 1)


@dataclass(frozen=True, slots=True)
class FixBlock:
    """The block a rule's `fix:` puts in, rendered for the document: `text` to paste at `place`
    ("before the byline"; "" when the place the fix names is not in the document). A value not
    known (no original, no metadata) stands as `[NAME]` for the editor to fill in."""

    text: str
    place: str
    # Where in the document the block goes (its anchor's line), when the document has that place:
    # what the HTML report marks for a thing that is missing, where it belongs.
    location: Location | None = None
    # Each `[NAME]` left in `text`, said plainly: what to replace it with before pasting and how to
    # have it filled in ("Replace [ORIGINAL URL] with the original story's URL before pasting; …").
    fill_in: tuple[str, ...] = ()
    # Where the original's address the block writes came from, in words (`fixes.fix_block`): the
    # page's own link back, the metadata or the original story given; "" when it writes none.
    address_from: str = ""
    # True when `text` is what to take out rather than to paste (a copy printed once too often,
    # `fixes.extra_copy_block`): `place` then says which copy stays.
    take_out: bool = False
    # For a block pasted in place of what the page has (a credit line in other words, a link gone
    # elsewhere, a byline's wrong name): what pasting it does to the checked text
    # (`Document.lines_source`), as (offset, characters replaced, text put there); None for a block
    # inserted. The blocks are judged together with it (`engine.blocks_judged_together`).
    splice: tuple[int, int, str] | None = None
    # The rules whose blocks, pasted in place, put this finding right too (ProPublica's credit line
    # linking the original makes its "Read the original story" line needless), joined by ", "; ""
    # when this block is still to be pasted.
    needless_after: str = ""


# What the head of every HTML report syndcheck writes carries (`--format html`), so that a report
# saved in the folder it checked is never checked as an article on the next run.
REPORT_GENERATOR = '<meta name="generator" content="syndcheck">'
# The first line of the Markdown job summary syndcheck writes (`--output github-summary=FILE`);
# the line after the blank one counts the files checked ("3 files checked: …").
SUMMARY_HEADING = "## syndcheck"
# A text report's first line names a file and its packs ("story.html  [dcnf]", "x.html  [not
# checked]"), a line near its end counts the files ("2 files checked; 3 errors"); every line of a
# concise report is a finding or note at a place ("story.html:122:1: error dcnf/logo …") or a
# note or configuration line of the run.
_SUMMARY_COUNTS = r"\d[\d,]* files? checked"
_TEXT_HEADER = r"\S[^\n]*  \[[^\]\n]*\]"
_CONCISE_FINDING = r"[^\n]+:\d+:\d+: (?:error|warning|info|note) \S+ [^\n]*"
_CONCISE_LINE = _CONCISE_FINDING + r"|(?:note|configuration): [^\n]*"
# How many of a text report's last lines may follow its count of files (`--statistics`' table).
_TEXT_TAIL_LINES = 60


def own_report(text: str) -> str | None:
    """What report of syndcheck's own a document's text is, when it is one saved where articles
    are (`--output github-summary=summary.md .`, `syndcheck check . > report.txt`): "a job summary
    syndcheck wrote (--output github-summary)", "a text report syndcheck wrote", "a concise
    report syndcheck wrote"; None for anything else. Checking one would report the findings it
    quotes (a credit line, a byline) as its own. The HTML report has `REPORT_GENERATOR`."""
    import re

    # The first two lines only, without copying the rest of a long page.
    first = text.find("\n")
    head = (text if first < 0 else text[:first]).lstrip("\ufeff").rstrip()
    if head == SUMMARY_HEADING:
        counts = text[first + 1 : first + 200]
        return "a job summary syndcheck wrote (--output github-summary)" if re.match(r"\n" + _SUMMARY_COUNTS + r": ", counts) else None
    if re.fullmatch(_TEXT_HEADER, head):
        tail = text.rstrip().rsplit("\n", _TEXT_TAIL_LINES)[1:]
        return "a text report syndcheck wrote" if any(re.fullmatch(_SUMMARY_COUNTS + r"(?:; [^\n]*)?", line.rstrip()) for line in tail) else None
    if re.fullmatch(_CONCISE_FINDING, head):
        lines = (line for line in text.splitlines() if line.strip())
        return "a concise report syndcheck wrote" if all(re.fullmatch(_CONCISE_LINE, line) for line in lines) else None
    return None


@dataclass(frozen=True, slots=True)
class Finding:
    """A requirement a document does not meet (or a forbidden thing it contains)."""

    rule: str
    severity: Severity
    message: str
    help: str
    location: Location
    evidence: str | None = None
    pack: str = ""
    detail: str | None = None
    # What to paste to put it right, when the rule has a fix for the document's syntax.
    fix: FixBlock | None = field(default=None, compare=False)
    # The required tag is on the page but is kept from loading with it until the reader's
    # "consent" or first "interaction" (a page-speed plugin's delay of scripts), or "never" (what
    # WP Rocket or Rocket Loader delayed, with no script on the page to run it): pasting the
    # rule's block again would load it twice, so `syndcheck fix` leaves it to the editor. "" when not.
    held_back: str = field(default="", compare=False)
    # The requirement is met, but a rule in `@media <this query>` hides what met it on the screens
    # that meet the query (the caveat in `detail`): the remedy is the style sheet, which
    # `syndcheck fix` does not edit, not a second copy. "" when not.
    hidden_on: str = field(default="", compare=False)
    # For the one finding of the copies beyond the count its rule allows (a credit line with
    # `max: 1` printed 6,000 times), how many copies are beyond it (5,999), which its detail says;
    # 0 for any other finding. A fix that adds a copy adds to it (`fixes._regression`).
    extra_copies: int = field(default=0, compare=False)

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Document order first, then the most severe, then rule id."""
        return (self.location.line, self.location.column, -int(self.severity), self.rule)


@dataclass(frozen=True, slots=True)
class Passed:
    """A requirement the document meets, with what satisfied it.

    `placed` is False for a pass that found nothing to point at (a `max: 0` text or element that
    is absent, a story unchanged from its original): its `location` is then the article's start,
    which the machine formats keep as its line, and the editor's formats (text, HTML) show none."""

    rule: str
    evidence: str
    location: Location
    pack: str = ""
    placed: bool = True


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that was not reported, and why: `inSource` (a syndcheck-disable comment, whose
    reason is the justification) or `external` (recorded in a baseline file)."""

    finding: Finding
    kind: str
    justification: str


# The `detail` of the finding of a rule whose pattern ran past its time limit, and the code of the
# notice of a detection marker whose pattern did (see `Report.not_fully_checked`).
PATTERN_TIME_LIMIT = "pattern time limit exceeded"
MARKER_TIME_LIMIT = "marker-time-limit"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the editor should know that is not a rule result (no pack applied, truncated input).

    `unchecked_rules`: the ids of the rules the notice says were not checked (a value the article
    does not give, an original that cannot be compared with), so that `--quiet` keeps the notice
    and the summary counts them; empty for any other notice. `not_compared`: the ids of the rules
    a `no-original` notice says were not run for want of an original story (not counted as
    unchecked: most runs have no original); empty for any other notice. `line` and `column`
    (1-based): the place in the document the notice is about, which its message also names
    (a front matter's bad line: "front matter ignored: story.md:3:14: invalid YAML…"); 0 for a
    notice about the document as a whole."""

    code: str
    message: str
    unchecked_rules: tuple[str, ...] = ()
    not_compared: tuple[str, ...] = ()
    line: int = 0
    column: int = 0


@dataclass(frozen=True, slots=True)
class Detection:
    """Why a pack was (or was not) applied to a document."""

    pack: str
    confidence: float
    markers: tuple[str, ...]
    applied: bool
    # Why the page is the publisher's own (an original), when it is: the pack then does not apply.
    own_page: str = ""
    # The fired markers in words (their labels, or descriptions of their checks), in `markers` order.
    labels: tuple[str, ...] = field(default=(), compare=False)
    # The fired markers found only in text no reader sees (a hidden credit line), among `markers`:
    # they count only when what is shown does not reach the threshold.
    hidden: tuple[str, ...] = field(default=(), compare=False)
    # Why the pack applies though the page's markers do not make it up: the original given is the
    # publisher's story (`engine._applied_by_original`); "" when the page itself made it apply.
    by_original: str = field(default="", compare=False)
    # The markers not evaluated because their patterns ran out of time (`patterns.time_limit`):
    # they may have fired, so the pack may apply though `applied` is False (a `marker-time-limit`
    # notice). `time_limits` are the limits they ran past, in seconds of CPU time, in their order:
    # a search of a long text has a longer one.
    timed_out: tuple[str, ...] = field(default=(), compare=False)
    time_limits: tuple[float, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Days:
    """The days a verdict holds on, both included: `first` to `last` (None: no bound that way).

    A verdict that compares dates with the day of the check (a notice that holds until a date,
    `until-date`) is the same on every day between the last of those dates before the day and
    the first on or after it; `Days()` is every day (a verdict that reads no date).
    """

    first: datetime.date | None = None
    last: datetime.date | None = None

    @classmethod
    def around(cls, today: datetime.date, compared: Iterable[datetime.date]) -> Days:
        """The days on which each of the dates `compared` is, as on `today`, either before the day
        (ended) or the day or later (in force): the verdicts made on `today` hold on all of them."""
        dates = set(compared)
        before = max((d for d in dates if d < today), default=None)
        return cls(None if before is None else before + datetime.timedelta(days=1), min((d for d in dates if d >= today), default=None))

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, datetime.date):
            return False
        return (self.first is None or self.first <= day) and (self.last is None or day <= self.last)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the checker concluded about one document."""

    path: str
    packs: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    passed: tuple[Passed, ...] = ()
    notices: tuple[Notice, ...] = ()
    detections: tuple[Detection, ...] = field(default=(), compare=False)
    checked: bool = True
    # Findings that suppression comments or a baseline kept out of `findings` (SARIF shows them as suppressed).
    suppressed: tuple[Suppressed, ...] = field(default=(), compare=False)
    # Seconds spent per step ("parse", "detect <pack>", "rule <id>") when timing was asked for.
    timings: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    # Suppression comments in the document that were not obeyed (inline suppressions turned off).
    ignored_suppressions: int = field(default=0, compare=False)
    # The ids of the rules that ran on the document to a conclusion: passed, failed, or found
    # nothing (a `when` that does not hold). Not the rules turned off (`--select`, `--ignore`,
    # a configuration), of packs that did not apply, or that could not be checked (see
    # `unchecked_rules`). A baseline calls a known finding resolved only when its rule is here.
    evaluated_rules: frozenset[str] = field(default=frozenset(), compare=False)
    # For an article of a CMS payload (`--input-kind cms-json`, a request to `syndcheck serve`),
    # the payload it came from, as the run names it (`cms.json`, `<stdin>`): `path` is then the
    # article's name (`cms.json#2 (story-42)`), not a file, and its findings' lines are lines of
    # the article's HTML. None for a document that is a file.
    payload: str | None = field(default=None, compare=False)
    # The days on which checking the same document again would reach the same verdicts (a notice
    # that holds until a date ends): what a stored verdict is kept for (`syndcheck audit`).
    holds: Days = field(default=Days(), compare=False)

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def unchecked_rules(self) -> tuple[str, ...]:
        """The ids of the rules that could not be checked on this document, as its notices say."""
        return tuple(rule for notice in self.notices for rule in notice.unchecked_rules)

    @property
    def named_rules_not_applied(self) -> bool:
        """Whether a rule selected by its own id did not apply to this document (a `not-applicable`
        notice): not a rule left unchecked for want of a value, but one the user asked for and
        must hear about, even with `--quiet`."""
        return any(notice.code == NOT_APPLICABLE for notice in self.notices)

    @property
    def not_fully_checked(self) -> bool:
        """Whether a pattern ran past its time limit on this checked document and left something
        it decides not evaluated: a rule (a finding whose `detail` is `PATTERN_TIME_LIMIT`) or a
        detection marker of a pack that was not applied (a `marker-time-limit` notice naming that
        pack's rules not checked). The run then exits 2, as for a document past `--time-limit`."""
        return self.checked and (
            any(f.detail == PATTERN_TIME_LIMIT for f in self.findings) or any(n.code == MARKER_TIME_LIMIT and n.unchecked_rules for n in self.notices)
        )

    def not_fully_checked_notes(self) -> tuple[tuple[Location | None, str], ...]:
        """What left this document not fully checked (`not_fully_checked`), one line each with its
        place, for a command whose own output has no place for notes (`fix`, `baseline`): a rule
        not evaluated, at its finding's place ("Rule slow/tag was not evaluated: … Simplify the
        pattern in slow.yaml:13 …"), and a detection marker not evaluated, with no place, its
        notice's message (which names the marker, its pack and what to do). Empty for a document
        fully checked."""
        if not self.checked:
            return ()
        rules = tuple((f.location, f"{f.message} {f.help}") for f in self.findings if f.detail == PATTERN_TIME_LIMIT)
        return rules + tuple((None, n.message) for n in self.notices if n.code == MARKER_TIME_LIMIT and n.unchecked_rules)

    def worst(self) -> Severity | None:
        """The most severe finding's severity, or None when there is none."""
        return max((f.severity for f in self.findings), default=None)

    def to_json(self) -> dict[str, Any]:
        """This report as the JSON v1 object of one file, as `--format jsonl` prints it (and as
        each entry of `--format json`'s `files`, with `version`): keys named as the attributes."""
        detections = [{"pack": d.pack, "confidence": d.confidence, "markers": list(d.markers), "applied": d.applied} for d in self.detections if d.markers]
        return {
            "version": JSON_VERSION,
            "path": self.path,
            **({"path_bytes": raw} if (raw := path_bytes(self.path)) is not None else {}),
            "checked": self.checked,
            # Added within version 1: false when not checked, and when checked but a pattern ran
            # past its time limit (`not_fully_checked`), which fails the run (exit 2).
            "fully_checked": self.checked and not self.not_fully_checked,
            "packs": list(self.packs),
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity.label,
                    "message": f.message,
                    "help": f.help,
                    "line": f.location.line,
                    "column": f.location.column,
                    "evidence": f.evidence,
                    "detail": f.detail,
                }
                for f in self.findings
            ],
            "passed": [{"rule": p.rule, "evidence": p.evidence, "line": p.location.line} for p in self.passed],
            "notices": [{"code": n.code, "message": n.message} for n in self.notices],
            "detections": detections,
            # The name of `detections` before 2026; kept so that version 1 only ever adds keys.
            "detection": detections,
        }


def path_bytes(path: str) -> str | None:
    """The bytes of a file name that is not valid UTF-8, percent-encoded (`caf%E9.html`, as a
    SARIF URI has them; `/` kept): None for any other name. Its `path` shows such bytes escaped
    (`caf\\xe9.html`), as a name with a real backslash would read: this tells them apart, and
    `urllib.parse.unquote_to_bytes` gives back the name to open. A name is read from the file
    system with Python's surrogate escapes, one lone surrogate (U+DC80–U+DCFF) per such byte."""
    if not any("\udc80" <= char <= "\udcff" for char in path):
        return None
    from urllib.parse import quote_from_bytes

    try:
        return quote_from_bytes(path.encode("utf-8", "surrogateescape"), safe="/")
    except UnicodeEncodeError:  # another lone surrogate (a payload id's): not a file's name
        return None
