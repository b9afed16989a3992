"""The JSON contract for pipelines (versioned; see README "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from compliance.display import json_output
from compliance.findings import JSON_VERSION, Report
from compliance.formatters.context import FormatContext
from compliance.formatters.summary import summarize


def report_dict(report: Report) -> dict[str, Any]:
    """One file's entry in the `files` array (`Report.to_json()` without `version`)."""
    entry = report.to_json()
    del entry["version"]
    return entry


def format_json(reports: Sequence[Report], context: FormatContext | None = None) -> str:
    """The whole run as one JSON document."""
    document: dict[str, Any] = {
        "version": JSON_VERSION,
        "files": [report_dict(r) for r in reports],
        "summary": summarize(reports).as_dict(),
    }
    if context is not None and context.adjusted_rules:
        # Rules a configuration file turned off or demoted: a reviewer must see them.
        document["summary"]["configured"] = [a.as_dict() for a in context.adjusted_rules]
    if context is not None and context.baseline is not None:
        document["baseline"] = {
            "file": context.baseline.file,
            "known": context.baseline.known,
            "resolved": [{"rule": e.rule, "path": e.path, "message": e.message, "fingerprint": e.fingerprint} for e in context.baseline.resolved],
        }
    return json_output(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def format_json_line(report: Report) -> str:
    """`--format jsonl`: one file's entry as a single line (streamed: nothing is held in memory)."""
    return json_output(json.dumps(report.to_json(), ensure_ascii=False)) + "\n"


def format_json_lines(reports: Sequence[Report], context: FormatContext | None = None) -> str:
    """All reports as JSON lines (for `--output jsonl=FILE`)."""
    del context
    return "".join(format_json_line(report) for report in reports)
