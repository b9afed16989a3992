"""Output formats: pure functions from reports (and a `FormatContext`) to text, in one table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compliance.findings import Report
from compliance.formatters.context import FormatContext
from compliance.formatters.json import format_json
from compliance.formatters.text import format_text

Formatter = Callable[[Sequence[Report], FormatContext], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
}

__all__ = ["FORMATTERS", "FormatContext", "Formatter"]
