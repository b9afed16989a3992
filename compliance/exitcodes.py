"""The exit-code contract, decided in one place."""

from __future__ import annotations

from compliance.findings import Severity
from compliance.formatters.summary import Summary

OK = 0
FINDINGS = 1
USER_ERROR = 2
BUG = 3


def exit_code(summary: Summary, fail_on: Severity, *, input_errors: int = 0) -> int:
    """0 when nothing reaches `fail_on`, 1 when something does, 2 when an input could not be read."""
    counts = {Severity.ERROR: summary.errors, Severity.WARNING: summary.warnings, Severity.INFO: summary.infos}
    failing = any(count for severity, count in counts.items() if severity >= fail_on)
    if input_errors:
        return USER_ERROR
    return FINDINGS if failing else OK
