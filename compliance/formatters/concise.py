"""`--format concise`: one line per finding, `path:line:col: severity rule message`, the shape
editors' quickfix lists (Vim's errorformat, Emacs' compilation mode) and grep understand."""

from __future__ import annotations

from collections.abc import Sequence

from compliance.display import path_at_line_start, visible
from compliance.findings import Report, Severity
from compliance.formatters.context import FormatContext
from compliance.formatters.pipeline import not_checked_failure, note_place, pipeline_notes, skipped_note
from compliance.formatters.summary import Summary, not_compared_note, summarize

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def format_concise_report(report: Report, *, color: bool = False) -> str:
    """One report's findings, one line each; then, for each notice that names rules the run did
    not check or a front matter not read, `path:1:1: note syndcheck/not-checked message` (or
    `path:3:14: note syndcheck/front-matter …` at the front matter's bad line; `note`, as compilers mark what is no error, which quickfix lists
    show apart). A document not checked: `path:1:1: error syndcheck/CODE …` when that fails the run,
    `path:1:1: note syndcheck/too-large …` (or `syndcheck/skipped`) when it was skipped. Empty for a
    file checked with neither findings nor such notes."""
    lines = []
    for finding in report.findings:
        severity = finding.severity.label
        if color:
            severity = f"\x1b[{_COLORS[finding.severity]}m{severity}\x1b[0m"
        location = f"{path_at_line_start(report.path)}:{finding.location.line}:{finding.location.column}:"
        lines.append(f"{location} {severity} {visible(finding.rule)} {visible(finding.message)}")
    for rule, notice in pipeline_notes(report):
        line, column, message = note_place(report, notice)
        lines.append(f"{path_at_line_start(report.path)}:{line}:{column}: note {rule} {visible(message)}")
    if failed := not_checked_failure(report):
        # A document not checked fails the run: a quickfix list shows it as an error of its own.
        line, column, message = note_place(report, failed[1])
        lines.append(f"{path_at_line_start(report.path)}:{line}:{column}: error {failed[0]} {visible(message)}")
    elif skipped := skipped_note(report):
        # A file skipped (too large, empty, binary data): a note, so that a CI log shows every file
        # it did not check, and the run's exit code stays as it is.
        lines.append(f"{path_at_line_start(report.path)}:1:1: note {skipped[0]} {visible(skipped[1].message)}")
    return "".join(line + "\n" for line in lines)


def format_not_compared(summary: Summary) -> str:
    """After the findings: the run's one `note:` line naming the rules that were not run for want
    of an original story, and in how many files (see `not_compared_note`); "" when there are none.
    One line for the run, not one per file: nearly every file is checked without its original."""
    note = not_compared_note(summary)
    return f"note: {visible(note)}\n" if note else ""


def format_concise(reports: Sequence[Report], context: FormatContext) -> str:
    """Every finding of the run, one line each, in the order of the files (with its notes of rules
    not checked); then the `note:` line of rules not compared with an original story, and a
    `configuration:` line for each way a configuration file weakened the checks (neither of which
    a quickfix list mistakes for a finding)."""
    from compliance.formatters.text import format_adjustments

    findings = "".join(format_concise_report(report, color=context.color) for report in reports)
    return findings + format_not_compared(summarize(reports)) + format_adjustments(context.adjusted_rules)
