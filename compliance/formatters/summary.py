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
    # Not checked on purpose or for want of a readable input (empty, binary, over --max-bytes, unreadable);
    # a file not checked because of an internal error (a bug, a killed worker: exit 3) is counted
    # in `internal_errors` instead, so that a crash never reads as a skip.
    skipped: int = 0
    internal_errors: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    passed: int = 0
    # Findings a `syndcheck-disable` comment in the article kept out of the report.
    suppressed: int = 0
    # Rules a checked file's notices say were not checked (one per rule and file), and in how many files.
    rules_not_checked: int = 0
    files_with_rules_not_checked: int = 0
    # Files whose rules that compare with the original story were not run, none being given
    # (`no-original`), and those rules, each once in the order first met: no count of rules not
    # checked, since most runs have no original, but the CI formats say it once for the run.
    files_not_compared: int = 0
    rules_not_compared: tuple[str, ...] = ()
    # Checked files that a pattern's time limit left not fully checked (`Report.not_fully_checked`):
    # the run exits 2 for them. One whose pack's detection marker was not evaluated is not counted
    # in `without_pack`, since that pack may apply.
    not_fully_checked: int = 0

    def add(self, report: Report) -> Summary:
        """This summary with one more report counted."""
        unfinished = report.not_fully_checked
        no_pack = report.checked and not report.packs and not unfinished
        crashed = not report.checked and any(notice.code == "internal-error" for notice in report.notices)
        not_compared = [rule for notice in report.notices for rule in notice.not_compared]
        return Summary(
            files=self.files + 1,
            checked=self.checked + (1 if report.checked else 0),
            with_findings=self.with_findings + (1 if report.findings else 0),
            without_pack=self.without_pack + (1 if no_pack else 0),
            skipped=self.skipped + (0 if report.checked or crashed else 1),
            internal_errors=self.internal_errors + crashed,
            errors=self.errors + report.count(Severity.ERROR),
            warnings=self.warnings + report.count(Severity.WARNING),
            infos=self.infos + report.count(Severity.INFO),
            passed=self.passed + len(report.passed),
            suppressed=self.suppressed + sum(1 for item in report.suppressed if item.kind == "inSource"),
            rules_not_checked=self.rules_not_checked + len(report.unchecked_rules),
            files_with_rules_not_checked=self.files_with_rules_not_checked + (1 if report.unchecked_rules else 0),
            files_not_compared=self.files_not_compared + (1 if not_compared else 0),
            rules_not_compared=tuple(dict.fromkeys((*self.rules_not_compared, *not_compared))),
            not_fully_checked=self.not_fully_checked + unfinished,
        )

    def as_dict(self) -> dict[str, int]:
        """The JSON `summary` object."""
        return {
            "files": self.files,
            "checked": self.checked,
            "with_findings": self.with_findings,
            "without_pack": self.without_pack,
            "skipped": self.skipped,
            "internal_errors": self.internal_errors,
            "errors": self.errors,
            "warnings": self.warnings,
            "info": self.infos,
            "passed": self.passed,
            "suppressed": self.suppressed,
            "not_fully_checked": self.not_fully_checked,
        }

    def not_fully_checked_part(self) -> str | None:
        """The summary's words for the files not fully checked ("1 not fully checked: a pattern
        ran past its time limit, see its notes"), as the text summary line and the HTML report's
        header both say them; None when every checked file was fully checked."""
        if not self.not_fully_checked:
            return None
        whose = "its notes" if self.not_fully_checked == 1 else "their notes"
        return f"{self.not_fully_checked} not fully checked: a pattern ran past its time limit, see {whose}"


def summarize(reports: Iterable[Report]) -> Summary:
    """Totals over reports."""
    summary = Summary()
    for report in reports:
        summary = summary.add(report)
    return summary


def not_compared_note(summary: Summary) -> str | None:
    """The run's one line saying which rules were not run for want of an original story and in how
    many files (`no-original`), for the formats that show no per-file notes (concise, GitHub);
    None when every file's original was given or no rule needed one."""
    if not summary.files_not_compared:
        return None
    from compliance.advice import GIVE_ORIGINAL

    rules = summary.rules_not_compared
    files = f"{summary.files_not_compared} file{'' if summary.files_not_compared == 1 else 's'}"
    compare = "compares the copy" if len(rules) == 1 else "compare the copy"
    return f"not compared in {files}: {', '.join(rules)} {compare} with the original story, and none was given ({GIVE_ORIGINAL})"
