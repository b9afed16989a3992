"""Baselines for archives with known old violations: record today's findings by content-based
fingerprint, then report only new ones; findings of the baseline that are gone are "resolved".

A known finding is resolved only when this run could have found it again: its file is gone, or
its rule ran on its file (passed, failed or found nothing) and did not find it. A finding whose
rule did not run there (`--select`, `--pack` of another publisher, a configuration that turns the
rule off, a pack that no longer applies, a rule not checked for want of a value) is "not checked
this run": kept by `prune` and `update`, and never reported resolved.

A fingerprint is built from the rule, the file's path and what the finding is about (not its
line), so a baseline survives edits that move lines around.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from compliance.display import json_output, visible
from compliance.errors import ConfigError
from compliance.findings import PATTERN_TIME_LIMIT, Finding, Notice, Report, Suppressed
from compliance.fingerprint import fingerprints
from compliance.text import counted, listed

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One known finding."""

    fingerprint: str
    rule: str
    path: str
    message: str


def entries_for(report: Report, path: str) -> list[BaselineEntry]:
    """The baseline entries of one report (`path` as the baseline names the file); never a rule
    not evaluated (`recordable`)."""
    return [BaselineEntry(fp, f.rule, visible(path), f.message) for fp, f in zip(fingerprints(report, path), report.findings, strict=True) if recordable(f)]


def recordable(finding: Finding) -> bool:
    """Whether a baseline may know `finding`: not when it says its rule was not evaluated, its
    pattern having run past the time limit (`PATTERN_TIME_LIMIT`). That is no fact about the
    article to accept but a check not done: known, it would pass the document as checked (exit 0
    where the run must exit 2), and hide whatever the rule would have found."""
    return finding.detail != PATTERN_TIME_LIMIT


def format_baseline(entries: Iterable[BaselineEntry]) -> str:
    """The baseline file's content (JSON, sorted, so that it diffs well in version control)."""
    rows = sorted((dataclasses.asdict(e) for e in entries), key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    # A file name that is not UTF-8 is recorded escaped (`caf\\xe9.html`), as every format shows it.
    return json_output(json.dumps({"version": BASELINE_VERSION, "findings": rows}, indent=2, ensure_ascii=False)) + "\n"


_RECREATE = "create one with 'syndcheck baseline create'"
_RESTORE = "restore the entry from version control, or record the baseline again with 'syndcheck baseline create'"
_ENTRY_KEYS = ("fingerprint", "rule", "path")
# What `fingerprints` writes: a SHA-256 in lower-case hexadecimal. Anything else can never match a
# finding, so an entry edited by hand would silently stop suppressing anything.
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


def parse_baseline(text: str, origin: str) -> dict[str, BaselineEntry]:
    """Entries by fingerprint, from a baseline file's text (JSON as `format_baseline` writes it).

    Raises a ConfigError at `origin:line:column` when the text is not JSON, is not a version-1
    baseline, has an entry without a `fingerprint`, `rule` or `path` string, a fingerprint that
    is not one `fingerprints` writes (64 lower-case hexadecimal digits), or one that an earlier
    entry has.
    """
    from compliance.datatext import loads_json

    try:
        data = loads_json(text, object_pairs_hook=_refusing_duplicates)
    except _DuplicateKey as exc:
        line, column = _duplicate_at(text, origin)
        shown = _shortened(visible(exc.key))
        hint = "a JSON reader keeps only the last value; remove one of them"
        raise ConfigError(f"duplicate key '{shown}'", path=origin, line=line, column=column, hint=hint) from None
    except json.JSONDecodeError as exc:
        # (json's "Expecting ..." reads on after the colon; "NaN is not ..." keeps its case.)
        what = exc.msg[:1].lower() + exc.msg[1:] if exc.msg.split(" ", 1)[0][1:].islower() else exc.msg
        raise ConfigError(f"not a baseline file: {what}", path=origin, line=exc.lineno, column=exc.colno, hint=_RECREATE) from None
    except ValueError as exc:
        raise ConfigError(f"not a baseline file: {exc}", path=origin, hint=_RECREATE) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError("not a syndcheck baseline: expected an object with 'version' and a 'findings' list", path=origin, hint=_RECREATE)
    version = data.get("version")
    # `true` and `1.0` equal 1 in Python, but are not the whole number syndcheck writes.
    if type(version) is not int or version != BASELINE_VERSION:
        line, column = _position(text, origin, "version")
        raise ConfigError(
            f"baseline version {json.dumps(version)} is not one this syndcheck reads ({BASELINE_VERSION})",
            path=origin,
            line=line,
            column=column,
            hint="record it again with 'syndcheck baseline create', or use the syndcheck that wrote it",
        )
    entries: dict[str, BaselineEntry] = {}
    for index, row in enumerate(data["findings"]):
        lacking = [key for key in _ENTRY_KEYS if not isinstance(row, dict) or not isinstance(row.get(key), str)]
        if lacking:
            line, column = _position(text, origin, "findings", index)
            raise ConfigError(f"baseline entry {index + 1} needs text for {_listed(lacking)}", path=origin, line=line, column=column, hint=_RESTORE)
        if not _FINGERPRINT.fullmatch(row["fingerprint"]):
            line, column = _position(text, origin, "findings", index)
            raise ConfigError(
                f"baseline entry {index + 1} has fingerprint '{_shortened(visible(row['fingerprint']))}', which no finding can have"
                " (syndcheck writes 64 lower-case hexadecimal digits)",
                path=origin,
                line=line,
                column=column,
                hint=_RESTORE,
            )
        message = row.get("message", "")
        entry = BaselineEntry(row["fingerprint"], row["rule"], row["path"], message if isinstance(message, str) else str(message))
        if entry.fingerprint in entries:
            # A fingerprint is of one finding in one file: syndcheck never writes it twice, and
            # the second entry would take the place of the first, whose finding then shows as new.
            first = next(number for number, known in enumerate(entries, start=1) if known == entry.fingerprint)
            line, column = _position(text, origin, "findings", index)
            raise ConfigError(
                f"baseline entry {index + 1} repeats the fingerprint of entry {first}, which no two findings share",
                path=origin,
                line=line,
                column=column,
                hint=_RESTORE,
            )
        entries[entry.fingerprint] = entry
    return entries


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refusing_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of a baseline file; a key given twice is refused, as configuration files refuse
    it (`json` would keep the last value silently: `"findings"` twice drops the first list)."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(key)
        data[key] = value
    return data


def _duplicate_at(text: str, origin: str) -> tuple[int | None, int | None]:
    """Where the second of a key given twice is written: JSON is YAML, and the YAML reader names
    it with its place (None, None when it does not)."""
    from compliance.yamlsource import parse_yaml

    try:
        parse_yaml(text, origin, error=ConfigError)
    except ConfigError as exc:
        if exc.what.startswith("duplicate key"):
            return exc.line, exc.column
    return None, None


def _shortened(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _listed(keys: list[str]) -> str:
    return listed([f"'{key}'" for key in keys])


def _position(text: str, origin: str, *steps: str | int) -> tuple[int | None, int | None]:
    """Where the value reached by `steps` (mapping keys, list indexes) is written, as 1-based line
    and column, read again with positions only when it is wrong: JSON is YAML, and the YAML
    reader keeps them. (None, None) when the text has no such value."""
    from compliance.yamlsource import YMap, YNode, YSeq, parse_yaml

    try:
        node: YNode | None = parse_yaml(text, origin, error=ConfigError)
    except ConfigError:
        return None, None
    for step in steps:
        if isinstance(step, str) and isinstance(node, YMap):
            node = node.entries.get(step)
        elif isinstance(step, int) and isinstance(node, YSeq) and step < len(node.items):
            node = node.items[step]
        else:
            return None, None
    return (node.mark.line, node.mark.column) if node is not None else (None, None)


class BaselineFilter:
    """Drops known findings from reports and remembers which known ones were not seen again."""

    def __init__(self, entries: Mapping[str, BaselineEntry], *, file: str = "the baseline") -> None:
        self._entries = dict(entries)
        self._seen: set[str] = set()
        self._checked_paths: set[str] = set()
        # Recorded path → the rules that ran on it (`Report.evaluated_rules`) in this run.
        self._ran: dict[str, set[str]] = {}
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
        self._ran.setdefault(recorded, set()).update(report.evaluated_rules)
        kept = []
        known = []
        for fingerprint, finding in zip(fingerprints(report, path), report.findings, strict=True):
            if not recordable(finding):
                kept.append(finding)
                continue
            entry = self._entries.get(fingerprint)
            # The entry's rule and path must be the finding's too: one edited by hand (a path
            # renamed, a rule changed) no longer stands for the finding its fingerprint was made of.
            if entry is not None and entry.rule == finding.rule and entry.path == recorded:
                self._seen.add(fingerprint)
                self.known += 1
                known.append(Suppressed(finding, "external", f"recorded in the baseline {self._file}"))
            else:
                kept.append(finding)
                self.fresh.append(BaselineEntry(fingerprint, finding.rule, recorded, finding.message))
        if not known:
            return report
        notice = Notice("baseline", f"{counted(len(known), 'known finding')} from the baseline not shown")
        return dataclasses.replace(report, findings=tuple(kept), notices=(*report.notices, notice), suppressed=(*report.suppressed, *known))

    @property
    def paths(self) -> frozenset[str]:
        """The file paths the baseline has entries for, as recorded."""
        return frozenset(e.path for e in self._entries.values())

    def gone(self, paths: Iterable[str]) -> None:
        """Recorded paths whose files no longer exist where this run looked (deleted or renamed):
        their findings are resolved too."""
        self._gone_paths.update(paths)

    def unmatched(self, cwd: str) -> str | None:
        """A warning when the baseline records findings and none of the files it records was
        checked in this run or exists from `cwd`: its paths are relative to the folder it was
        created in, so a run from another folder matches none of its entries and reports every
        known finding as new. None otherwise (a run over files the baseline does not record, from
        the right folder, is a partial run and needs no warning; nor is one over a folder from which
        the recorded files were deleted, `gone`)."""
        recorded = self.paths
        # A recorded file found gone, in a folder that is still there, was looked for where the
        # baseline was made: deleted articles, not a run from the wrong folder.
        if not recorded or not self._checked_paths or recorded & (self._checked_paths | self._gone_paths):
            return None
        if any(os.path.lexists(os.path.join(cwd, path)) for path in recorded):
            return None
        files = "file" if len(recorded) == 1 else "files"
        return (
            f"{visible(self._file)}: none of the {len(recorded)} {files} this baseline records is found from the working directory, "
            "so it hid nothing: its paths are relative to the folder it was created in; run from that folder"
        )

    def _missed(self, fingerprint: str, entry: BaselineEntry) -> bool:
        """Whether the entry's file was checked and the finding not seen again."""
        return entry.path in self._checked_paths and fingerprint not in self._seen and entry.path not in self._gone_paths

    def _resolved(self, fingerprint: str, entry: BaselineEntry) -> bool:
        return entry.path in self._gone_paths or (self._missed(fingerprint, entry) and entry.rule in self._ran.get(entry.path, ()))

    def still_found(self) -> list[BaselineEntry]:
        """The entries to keep when pruning: those seen again, those whose rule did not run on their
        file, and those of files not checked in this run that still exist."""
        return [e for fp, e in self._entries.items() if not self._resolved(fp, e)]

    def resolved(self) -> list[BaselineEntry]:
        """Known findings that the rule which found them ran again on their file without finding
        them, and those of files that are gone; sorted by path and rule."""
        return sorted((e for fp, e in self._entries.items() if self._resolved(fp, e)), key=lambda e: (e.path, e.rule))

    def not_checked(self) -> list[BaselineEntry]:
        """Known findings of files checked in this run whose rule did not run there (turned off,
        its pack not applied, not checked for want of a value): neither found nor resolved; sorted
        by path and rule."""
        missed = (e for fp, e in self._entries.items() if self._missed(fp, e) and not self._resolved(fp, e))
        return sorted(missed, key=lambda e: (e.path, e.rule))
