"""Baselines for archives with known old violations: record today's findings by content-based
fingerprint, then report only new ones; findings of the baseline that are gone are "resolved".

A fingerprint is built from the rule, the file's path and what the finding is about (not its
line), so a baseline survives edits that move lines around.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from compliance.display import json_output, visible
from compliance.errors import ConfigError
from compliance.findings import Notice, Report, Suppressed
from compliance.fingerprint import fingerprints

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One known finding."""

    fingerprint: str
    rule: str
    path: str
    message: str


def entries_for(report: Report, path: str) -> list[BaselineEntry]:
    """The baseline entries of one report (`path` as the baseline names the file)."""
    return [BaselineEntry(fp, f.rule, visible(path), f.message) for fp, f in zip(fingerprints(report, path), report.findings, strict=True)]


def format_baseline(entries: Iterable[BaselineEntry]) -> str:
    """The baseline file's content (JSON, sorted, so that it diffs well in version control)."""
    rows = sorted((dataclasses.asdict(e) for e in entries), key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    # A file name that is not UTF-8 is recorded escaped (`caf\\xe9.html`), as every format shows it.
    return json_output(json.dumps({"version": BASELINE_VERSION, "findings": rows}, indent=2, ensure_ascii=False)) + "\n"


def parse_baseline(text: str, origin: str) -> dict[str, BaselineEntry]:
    """Entries by fingerprint; a ConfigError naming the file when it is not a baseline."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"not a baseline file: {exc}", path=origin, hint="create one with 'syndcheck baseline create'") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError("not a syndcheck baseline (version 1)", path=origin, hint="create one with 'syndcheck baseline create'")
    entries = {}
    for number, row in enumerate(data["findings"], start=1):
        try:
            entry = BaselineEntry(str(row["fingerprint"]), str(row["rule"]), str(row["path"]), str(row.get("message", "")))
        except (KeyError, TypeError):
            raise ConfigError(f"baseline entry {number} lacks fingerprint, rule or path", path=origin) from None
        entries[entry.fingerprint] = entry
    return entries


class BaselineFilter:
    """Drops known findings from reports and remembers which known ones were not seen again."""

    def __init__(self, entries: Mapping[str, BaselineEntry], *, file: str = "the baseline") -> None:
        self._entries = dict(entries)
        self._seen: set[str] = set()
        self._checked_paths: set[str] = set()
        self._gone_paths: set[str] = set()
        self._file = file
        self.known = 0
        # Entries for the findings the baseline did not know, fingerprinted as the whole report.
        self.fresh: list[BaselineEntry] = []

    def apply(self, report: Report, path: str) -> Report:
        """The report without the findings the baseline knows."""
        if not report.checked:
            return report
        recorded = visible(path)  # as the baseline file records it
        self._checked_paths.add(recorded)
        kept = []
        known = []
        for fingerprint, finding in zip(fingerprints(report, path), report.findings, strict=True):
            if fingerprint in self._entries:
                self._seen.add(fingerprint)
                self.known += 1
                known.append(Suppressed(finding, "external", f"recorded in the baseline {self._file}"))
            else:
                kept.append(finding)
                self.fresh.append(BaselineEntry(fingerprint, finding.rule, recorded, finding.message))
        if not known:
            return report
        notice = Notice("baseline", f"{len(known)} known finding{'s' if len(known) != 1 else ''} from the baseline not shown")
        return dataclasses.replace(report, findings=tuple(kept), notices=(*report.notices, notice), suppressed=(*report.suppressed, *known))

    @property
    def paths(self) -> frozenset[str]:
        """The file paths the baseline has entries for, as recorded."""
        return frozenset(e.path for e in self._entries.values())

    def gone(self, paths: Iterable[str]) -> None:
        """Recorded paths whose files no longer exist where this run looked (deleted or renamed):
        their findings are resolved too."""
        self._gone_paths.update(paths)

    def _resolved(self, fingerprint: str, entry: BaselineEntry) -> bool:
        return entry.path in self._gone_paths or (entry.path in self._checked_paths and fingerprint not in self._seen)

    def still_found(self) -> list[BaselineEntry]:
        """The entries to keep when pruning: those seen again, and those of files not checked in this run that still exist."""
        return [e for fp, e in self._entries.items() if not self._resolved(fp, e)]

    def resolved(self) -> list[BaselineEntry]:
        """Known findings of the files checked in this run that are no longer found, and of the files that are gone."""
        return sorted((e for fp, e in self._entries.items() if self._resolved(fp, e)), key=lambda e: (e.path, e.rule))
