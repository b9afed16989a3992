"""Totals over a run, shared by the formatters and the exit-code decision."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from compliance.findings import Report, Severity


class Summary(NamedTuple):
    """Counts for the one-line summary and the JSON `summary` object."""

    files: int = 0
    checked: int = 0
    with_findings: int = 0
    without_pack: int = 0
    skipped: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    passed: int = 0
    # Findings a `syndcheck-disable` comment in the article kept out of the report.
    suppressed: int = 0
    # Rules a checked file's notices say were not checked (one per rule and file), and in how many files.
    rules_not_checked: int = 0
    files_with_rules_not_checked: int = 0

    def add(self, report: Report) -> Summary:
        """This summary with one more report counted."""
        no_pack = report.checked and not report.packs
        return Summary(
            files=self.files + 1,
            checked=self.checked + (1 if report.checked else 0),
            with_findings=self.with_findings + (1 if report.findings else 0),
            without_pack=self.without_pack + (1 if no_pack else 0),
            skipped=self.skipped + (0 if report.checked else 1),
            errors=self.errors + report.count(Severity.ERROR),
            warnings=self.warnings + report.count(Severity.WARNING),
            infos=self.infos + report.count(Severity.INFO),
            passed=self.passed + len(report.passed),
            suppressed=self.suppressed + sum(1 for item in report.suppressed if item.kind == "inSource"),
            rules_not_checked=self.rules_not_checked + len(report.unchecked_rules),
            files_with_rules_not_checked=self.files_with_rules_not_checked + (1 if report.unchecked_rules else 0),
        )

    def as_dict(self) -> dict[str, int]:
        """The JSON `summary` object."""
        return {
            "files": self.files,
            "checked": self.checked,
            "with_findings": self.with_findings,
            "without_pack": self.without_pack,
            "skipped": self.skipped,
            "errors": self.errors,
            "warnings": self.warnings,
            "info": self.infos,
            "passed": self.passed,
            "suppressed": self.suppressed,
        }


def summarize(reports: Iterable[Report]) -> Summary:
    """Totals over reports."""
    summary = Summary()
    for report in reports:
        summary = summary.add(report)
    return summary
