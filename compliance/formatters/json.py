"""The JSON contract for pipelines (versioned; see README "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from compliance.display import json_output
from compliance.findings import JSON_VERSION, Report
from compliance.formatters.context import FormatContext
from compliance.formatters.summary import Summary


def report_dict(report: Report) -> dict[str, Any]:
    """One file's entry in the `files` array (`Report.to_json()` without `version`)."""
    entry = report.to_json()
    del entry["version"]
    return entry


def format_json(reports: Sequence[Report], context: FormatContext | None = None) -> str:
    """The whole run as one JSON document."""
    return "".join(iter_json(reports, context))


def iter_json(reports: Iterable[Report], context: FormatContext | None = None) -> Iterator[str]:
    """`format_json`'s text in pieces, one per file, so that a run over any number of files can
    be written as it is rendered, never whole in memory (the text is what `json.dumps` with
    `indent=2` makes of the whole document, piece by piece)."""
    yield f'{{\n  "version": {JSON_VERSION},\n  "files": ['
    summary = Summary()
    empty = True
    for report in reports:
        summary = summary.add(report)
        entry = json.dumps(report_dict(report), indent=2, ensure_ascii=False)
        # An entry is two levels in; a JSON text has no raw newline inside a string.
        yield ("\n    " if empty else ",\n    ") + json_output(entry.replace("\n", "\n    "))
        empty = False
    rest: dict[str, Any] = {"summary": summary.as_dict()}
    if context is not None and context.adjusted_rules:
        # Rules a configuration file turned off or demoted: a reviewer must see them.
        rest["summary"]["configured"] = [a.as_dict() for a in context.adjusted_rules]
    if context is not None and context.baseline is not None:
        rest["baseline"] = {
            "file": context.baseline.file,
            "known": context.baseline.known,
            "resolved": [{"rule": e.rule, "path": e.path, "message": e.message, "fingerprint": e.fingerprint} for e in context.baseline.resolved],
            # Known findings whose rule did not run on their file this run: neither found nor resolved.
            "not_checked": [{"rule": e.rule, "path": e.path, "message": e.message, "fingerprint": e.fingerprint} for e in context.baseline.not_checked],
        }
    tail = json_output(json.dumps(rest, indent=2, ensure_ascii=False))
    yield ("]," if empty else "\n  ],") + tail.removeprefix("{") + "\n"


def format_json_line(report: Report) -> str:
    """`--format jsonl`: one file's entry as a single line (streamed: nothing is held in memory)."""
    return json_output(json.dumps(report.to_json(), ensure_ascii=False)) + "\n"


def format_json_lines(reports: Sequence[Report], context: FormatContext | None = None) -> str:
    """All reports as JSON lines (for `--output jsonl=FILE`)."""
    return "".join(iter_json_lines(reports, context))


def iter_json_lines(reports: Iterable[Report], context: FormatContext | None = None) -> Iterator[str]:
    """`format_json_lines`'s text, one line at a time."""
    del context
    return (format_json_line(report) for report in reports)
