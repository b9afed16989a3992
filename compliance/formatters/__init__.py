"""Output formats: pure functions from reports (and a `FormatContext`) to text, in one table.

The table names each format's module and function; a format's module is imported the first time
it is used, so that printing text for one article does not pay for XML, SARIF or hashing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from compliance.findings import Report

if TYPE_CHECKING:
    from compliance.formatters.context import FormatContext

Formatter = Callable[[Sequence[Report], "FormatContext"], str]


def __getattr__(name: str) -> Any:
    """`FormatContext`, imported when first asked for: a text check, whose reports are printed as
    they come (see `compliance.formatters.text`), makes none."""
    if name == "FormatContext":
        from compliance.formatters.context import FormatContext

        return FormatContext
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_TABLE: dict[str, tuple[str, str]] = {
    "text": ("compliance.formatters.text", "format_text"),
    "json": ("compliance.formatters.json", "format_json"),
    "jsonl": ("compliance.formatters.json", "format_json_lines"),
    "concise": ("compliance.formatters.concise", "format_concise"),
    "sarif": ("compliance.formatters.sarif", "format_sarif"),
    "junit": ("compliance.formatters.junit", "format_junit"),
    "github": ("compliance.formatters.github", "format_github"),
    "gitlab": ("compliance.formatters.gitlab", "format_gitlab"),
    "html": ("compliance.formatters.html", "format_html"),
    "github-summary": ("compliance.formatters.github", "format_github_summary"),
}


class _Formatters(Mapping[str, Formatter]):
    """FORMATTERS[name] -> the format's function, imported on first use."""

    def __getitem__(self, name: str) -> Formatter:
        module, function = _TABLE[name]
        formatter: Formatter = getattr(importlib.import_module(module), function)
        return formatter

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)


FORMATTERS: Mapping[str, Formatter] = _Formatters()

# Formats rendered piece by piece (one piece per file), so that the whole text of a large run is
# never held in memory: the CLI writes each piece as it comes.
_PIECES: dict[str, tuple[str, str]] = {
    "json": ("compliance.formatters.json", "iter_json"),
    "jsonl": ("compliance.formatters.json", "iter_json_lines"),
}


def format_in_pieces(name: str, reports: Sequence[Report], context: FormatContext) -> Iterable[str]:
    """The text of format `name`, in pieces that join to `FORMATTERS[name](reports, context)`:
    one per file for JSON and JSON Lines, the whole text at once for the other formats."""
    if name in _PIECES:
        module, function = _PIECES[name]
        pieces: Callable[[Sequence[Report], FormatContext], Iterable[str]] = getattr(importlib.import_module(module), function)
        return pieces(reports, context)
    return (FORMATTERS[name](reports, context),)


__all__ = ["FORMATTERS", "FormatContext", "Formatter", "format_in_pieces"]
