"""GitHub Actions: workflow commands that annotate files, and a Markdown job summary.

`format_github` prints one `::error` / `::warning` / `::notice` command per finding (and an
`::error` titled `syndcheck/no-pack` for a document `--require-pack` fails, an `::error` for a
document not checked that fails the run, a `::warning` for a file skipped: over `--max-bytes`,
empty, binary data). GitHub shows
only a handful of annotations per step, so `format_github_summary` renders every finding as a
Markdown table for `$GITHUB_STEP_SUMMARY`, with the totals and the files that were not checked,
cut to stay under GitHub's 1 MiB limit for a summary (`SUMMARY_LIMIT`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from compliance.display import visible
from compliance.findings import SUMMARY_HEADING, Report, Severity
from compliance.formatters.context import FormatContext
from compliance.formatters.pipeline import (
    display_path,
    file_notices,
    file_of,
    in_payload,
    not_checked_failure,
    note_place,
    nothing_checked_fails,
    pipeline_notes,
    skipped_note,
    unchecked_notices,
    with_required_pack,
)
from compliance.formatters.summary import not_compared_note, summarize
from compliance.text import counted

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# The title of the job's notice naming the rules not run for want of an original story.
NOT_COMPARED_RULE = "syndcheck/no-original"

_BREAKS = {"\r": "%0D", "\n": "%0A"}
_LINE_BREAK = re.compile(r"(\r|\n)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as the Actions runner expects.

    Line breaks are encoded (`%0D`, `%0A`: the runner shows them inside the annotation, they never
    start a command), and every other unsafe character is shown with `visible`."""
    return "".join(_BREAKS.get(piece) or visible(piece).replace("%", "%25") for piece in _LINE_BREAK.split(text))


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title, …), escaped as the Actions runner expects.

    As in `escape_data`, line breaks are encoded (`%0D`, `%0A`), which the runner decodes: a file
    whose name holds one is annotated under its real name. Other unsafe characters have no such
    encoding and are shown with `visible` (the annotation then names the file as reports show it)."""
    return "".join(_BREAKS.get(piece) or visible(piece).replace("%", "%25").replace(":", "%3A").replace(",", "%2C") for piece in _LINE_BREAK.split(text))


def format_github(reports: Sequence[Report], context: FormatContext) -> str:
    """One workflow command per finding: the message, then the fix on the next line; and a
    `::notice` titled `syndcheck/not-checked` for each notice naming rules the run did not check
    (`syndcheck/front-matter` for a front matter not read); last, one `::notice` titled
    `syndcheck/no-original`, on no file, naming the rules not run for want of an original story."""
    lines = []
    nothing_checked = nothing_checked_fails(reports, context)
    for report in reports:
        path = escape_property(file_of(report, context.base_dir))
        for finding in with_required_pack(report, context).findings:
            # A payload's article is no file: the annotation is on the payload, and says which
            # article and which line of its HTML (a line of the payload would point elsewhere).
            where = in_payload(report, finding.location.line)
            place = "" if where else f",line={finding.location.line},col={finding.location.column}"
            properties = f"file={path}{place},title={escape_property(finding.rule)}"
            message = f"{finding.message} ({where})" if where else finding.message
            data = escape_data(f"{message}\n{finding.help}")
            lines.append(f"::{COMMANDS[finding.severity]} {properties}::{data}")
        for rule, notice in pipeline_notes(report):
            where = f"in {report.path}" if report.payload is not None else ""  # the article, not a line of it
            line, column, message = note_place(report, notice) if not where else (1, 1, notice.message)
            properties = f"file={path}{'' if where else f',line={line},col={column}'},title={rule}"
            lines.append(f"::notice {properties}::{escape_data(f'{message} ({where})' if where else message)}")
        if failed := not_checked_failure(report, nothing_checked=nothing_checked):
            # A document not checked fails the run: an error annotation on it, as on a finding.
            where = f"in {report.path}" if report.payload is not None else ""
            line, column, message = note_place(report, failed[1]) if not where else (1, 1, f"{failed[1].message} ({where})")
            lines.append(f"::error file={path}{'' if where else f',line={line},col={column}'},title={failed[0]}::{escape_data(message)}")
        elif skipped := skipped_note(report):
            # A file skipped (too large, empty, binary data): a warning on it, as GitHub's docs have
            # it for what went wrong without failing the build; the exit code stays as it is.
            where = f"in {report.path}" if report.payload is not None else ""
            message = f"{skipped[1].message} ({where})" if where else skipped[1].message
            lines.append(f"::warning file={path}{'' if where else ',line=1,col=1'},title={skipped[0]}::{escape_data(message)}")
    # Each way a configuration file weakened the checks, as a warning on that file.
    for change in context.adjusted_rules:
        file = escape_property(display_path(change.file, context.base_dir))
        lines.append(f"::warning file={file},line={change.line},col=1,title=syndcheck configuration::{escape_data(change.describe())}")
    # Rules not run for want of an original: one notice for the job, on no file (nearly every file
    # has them, and a notice per file would use up the few annotations GitHub shows per step).
    if note := not_compared_note(summarize(reports)):
        lines.append(f"::notice title={NOT_COMPARED_RULE}::{escape_data(note)}")
    return "".join(line + "\n" for line in lines)


def _markdown(text: str) -> str:
    """Text for a Markdown table cell: no HTML, no emphasis or links, no column breaks, one line.

    Line breaks and other unsafe characters are shown as escapes (`a\\nb.html`), as every other
    format shows them, before the Markdown escaping makes their backslash literal."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(visible(text), quote=False))
    return _unlinked(escaped.replace("\t", " "))


# GitHub's Markdown (cmark-gfm with its autolink extension) makes a link of a bare address in
# text: `https://…` (any scheme before `://`), `www.…`, and `name@host.tld` (with `mailto:` or
# `xmpp:` before it or not). A page's byline or credit line quoted in a message would then put a
# link in the job summary. An escaped colon or dot stays text; an address's `@` is found even
# after an escape or a character reference, so an empty comment (which shows nothing) parts it
# from the name before it.
_AUTOLINK_SCHEME = re.compile(r":(?=//)")
_AUTOLINK_WWW = re.compile(r"(?i)(?<=www)\.")
_AUTOLINK_AT = "@"


def _unlinked(markdown: str) -> str:
    """`markdown` (escaped text) with every bare address GitHub would make a link of kept as text;
    what it shows is unchanged."""
    markdown = _AUTOLINK_WWW.sub(r"\\.", _AUTOLINK_SCHEME.sub(r"\\:", markdown))
    return markdown.replace(_AUTOLINK_AT, "<!-- -->@")


# GitHub refuses a step summary over 1 MiB and then shows none of it ("upload aborted, supports
# content up to a size of 1024k"): the summary stays under this many bytes of UTF-8, leaving room
# for what other tools of the same step append.
SUMMARY_LIMIT = 1_000_000
# Room kept for the closing line that says what was left out.
_NOTE_ROOM = 400


def format_github_summary(reports: Sequence[Report], context: FormatContext) -> str:
    """A Markdown job summary: totals, a table of every finding, and the files no pack was applied
    to; at most `SUMMARY_LIMIT` bytes of UTF-8. When it would be longer, rows of the table (and then
    items of the lists) are left out from the end, and a last line says how many and where the full
    report is."""
    summary = summarize(reports)
    counts = [counted(summary.errors, "error"), counted(summary.warnings, "warning"), f"{summary.infos} info"]
    head = [SUMMARY_HEADING, ""]
    head.append(
        f"{counted(summary.checked, 'file')} checked: {', '.join(counts)}; "
        f"{counted(summary.with_findings, 'file')} with findings, {counted(summary.passed, 'requirement')} met"
        + (f", {summary.suppressed} suppressed in the articles." if summary.suppressed else ".")
    )
    rows = [
        f"| {_markdown(display_path(report.path, context.base_dir))} | {f.location.line} | {f.severity.label} | {_markdown(f.rule)} | {_markdown(f.message)} |"
        for report in reports
        for f in report.findings
    ]
    tail: list[str] = []
    if context.adjusted_rules:
        tail += ["", f"### Checks weakened by configuration ({len(context.adjusted_rules)})", ""]
        tail += [f"- {_markdown(change.describe())}" for change in context.adjusted_rules]
    no_pack = "Files with no applicable pack" + (", which fail the run (--require-pack)" if context.require_pack else "")
    for title, selected in (
        (no_pack, [r for r in reports if r.checked and not r.packs]),
        ("Files not checked", [r for r in reports if not r.checked]),
    ):
        if selected:
            tail += ["", f"### {title} ({len(selected)})", ""]
            for report in selected:
                reason = "; ".join(n.message for n in file_notices(report))
                tail.append(f"- {_markdown(display_path(report.path, context.base_dir))}: {_markdown(reason)}")
    if note := not_compared_note(summary):
        tail += ["", f"### Not compared with the original story ({counted(summary.files_not_compared, 'file')})", "", f"- {_markdown(note)}"]
    unchecked = [(report, notice) for report in reports for notice in unchecked_notices(report)]
    if unchecked:
        tail += ["", f"### Rules not checked ({summary.rules_not_checked} in {counted(summary.files_with_rules_not_checked, 'file')})", ""]
        tail += [f"- {_markdown(display_path(report.path, context.base_dir))}: {_markdown(notice.message)}" for report, notice in unchecked]
    return _capped(head, rows, tail, SUMMARY_LIMIT)


_TABLE_HEAD = ["", "| File | Line | Severity | Rule | Message |", "|---|--:|---|---|---|"]


def _size(lines: Sequence[str]) -> int:
    """The bytes of these lines as the summary writes them (UTF-8, each ending with a newline)."""
    return sum(len(line.encode("utf-8", "surrogatepass")) + 1 for line in lines)


def _fitting(lines: Sequence[str], budget: int) -> int:
    """How many of the first lines fit in `budget` bytes."""
    used = 0
    for count, line in enumerate(lines):
        used += _size([line])
        if used > budget:
            return count
    return len(lines)


def _capped(head: list[str], rows: list[str], tail: list[str], limit: int) -> str:
    """The summary's lines joined: the head, the table of `rows` (or "No findings."), then `tail`;
    within `limit` bytes, by leaving out table rows from the end first (the configuration's
    weakenings and the files not checked matter more than the thousandth finding), then list items
    of the tail, and ending with a line that counts what was left out."""
    table = [*_TABLE_HEAD, *rows] if rows else ["", "No findings."]
    if _size(head) + _size(table) + _size(tail) <= limit:
        return "\n".join([*head, *table, *tail]) + "\n"
    budget = limit - _NOTE_ROOM - _size(head) - _size(_TABLE_HEAD)
    kept_tail = tail if _size(tail) <= budget else tail[: _fitting(tail, budget)]
    kept_rows = rows[: _fitting(rows, budget - _size(kept_tail))]
    left_out = len(rows) - len(kept_rows) + sum(1 for line in tail[len(kept_tail) :] if line.startswith("- "))
    table = [*_TABLE_HEAD, *kept_rows] if kept_rows else []
    note = (
        f"*{counted(left_out, 'more row')} not shown: GitHub shows no step summary over 1 MiB. Every finding is in the other formats:"
        " write one with `--output` (e.g. `--output sarif=syndcheck.sarif`) and upload it as an artifact or to code scanning.*"
    )
    return "\n".join([*head, *table, *kept_tail, "", note]) + "\n"
