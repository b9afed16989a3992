"""The JSON contract for pipelines (versioned; see README "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    summary = Summary()

    def entries() -> Iterator[str]:
        nonlocal summary
        for report in reports:
            summary = summary.add(report)
            yield json_entry(report)

    yield from _document(entries(), lambda: summary, context)


def iter_rendered_json(entries: Iterable[str], summary: Summary, context: FormatContext | None = None) -> Iterator[str]:
    """`iter_json`'s text from each file's entry rendered already (`json_entry`, in the order of
    the files) and the summary of the same reports: a run renders each entry as its file's result
    arrives, while other files are still being checked, instead of all of them at its end."""
    return _document(entries, lambda: summary, context)


def json_entry(report: Report) -> str:
    """One file's entry of the `files` array as `iter_json` writes it: indented two levels (the
    first line's indent and the comma before it are the document's), with no unsafe character."""
    entry = json.dumps(report_dict(report), indent=2, ensure_ascii=False)
    # An entry is two levels in; a JSON text has no raw newline inside a string.
    return json_output(entry.replace("\n", "\n    "))


def _document(entries: Iterable[str], summary: Callable[[], Summary], context: FormatContext | None) -> Iterator[str]:
    """The JSON document around the entries; `summary` is asked for once they are all written."""
    yield f'{{\n  "version": {JSON_VERSION},\n  "files": ['
    empty = True
    for entry in entries:
        yield ("\n    " if empty else ",\n    ") + entry
        empty = False
    rest: dict[str, Any] = {"summary": summary().as_dict()}
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
