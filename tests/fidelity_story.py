"""A ProPublica story and its republications for the tests that compare a copy with its original
(`--original`): the headline, the original's page, and one check of the fidelity rule alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import write

HEADLINE = "Inside the County Jails Where Sick Inmates Die Waiting for Care"


def paragraphs(texts: list[str]) -> str:
    """The texts as `<p>` elements, one a line."""
    return "".join(f"<p>{text}</p>\n" for text in texts)


def original_page(story: list[str], byline: str = "by Jane Whitfield and Omar Delgado") -> str:
    """ProPublica's page of the story: its headline, byline and paragraphs in an `<article>`."""
    return f'<html><body><article class="article"><h1 class="hed">{HEADLINE}</h1>\n<p class="byline">{byline}</p>\n{paragraphs(story)}</article></body></html>'


def check_fidelity(cli: Any, tmp_path: Path, original: str, copy: str, name: str = "copy.html") -> tuple[int, list[str]]:
    """The exit code and the findings' evidence of the ProPublica pack's fidelity rule alone on
    `copy` (saved as `name`) against `original`."""
    first = write(tmp_path, "original.html", original)
    second = write(tmp_path, name, copy)
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(first), str(second))
    return run.code, [f["evidence"] for f in run.json()["files"][0]["findings"]]
