"""Output formats: pure functions from reports (and a `FormatContext`) to text, in one table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compliance.findings import Report
from compliance.formatters.context import FormatContext
from compliance.formatters.github import format_github, format_github_summary
from compliance.formatters.gitlab import format_gitlab
from compliance.formatters.json import format_json
from compliance.formatters.junit import format_junit
from compliance.formatters.sarif import format_sarif
from compliance.formatters.text import format_text

Formatter = Callable[[Sequence[Report], FormatContext], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "junit": format_junit,
    "github": format_github,
    "gitlab": format_gitlab,
    "github-summary": format_github_summary,
}

__all__ = ["FORMATTERS", "FormatContext", "Formatter"]
