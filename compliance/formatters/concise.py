"""`--format concise`: one line per finding, `path:line:col: severity rule message`, the shape
editors' quickfix lists (Vim's errorformat, Emacs' compilation mode) and grep understand."""

from __future__ import annotations

from collections.abc import Sequence

from compliance.display import visible
from compliance.findings import Report, Severity
from compliance.formatters.context import FormatContext

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def format_concise_report(report: Report, *, color: bool = False) -> str:
    """One report's findings, one line each (empty for a file without findings)."""
    lines = []
    for finding in report.findings:
        severity = finding.severity.label
        if color:
            severity = f"\x1b[{_COLORS[finding.severity]}m{severity}\x1b[0m"
        location = f"{visible(report.path)}:{finding.location.line}:{finding.location.column}:"
        lines.append(f"{location} {severity} {visible(finding.rule)} {visible(finding.message)}")
    return "".join(line + "\n" for line in lines)


def format_concise(reports: Sequence[Report], context: FormatContext) -> str:
    """Every finding of the run, one line each, in the order of the files; then a `configuration:`
    line for each way a configuration file weakened the checks (which no quickfix list mistakes for a finding)."""
    from compliance.formatters.text import format_adjustments

    return "".join(format_concise_report(report, color=context.color) for report in reports) + format_adjustments(context.adjusted_rules)
