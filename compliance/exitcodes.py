"""The exit-code contract, decided in one place."""

from __future__ import annotations

from collections.abc import Iterable

from compliance.findings import Report, Severity

OK = 0
FINDINGS = 1
USER_ERROR = 2
BUG = 3


def exit_code(reports: Iterable[Report], fail_on: Severity, *, input_errors: int = 0) -> int:
    """0 when nothing reaches `fail_on`, 1 when something does, 2 when an input could not be read."""
    failing = any(f.severity >= fail_on for r in reports for f in r.findings)
    if input_errors:
        return USER_ERROR
    return FINDINGS if failing else OK
