"""A ProPublica story and its republications for the tests that compare a copy with its original
(`--original`): the headline, the original's page, and one check of the fidelity rule alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import write

HEADLINE = "Inside the County Jails Where Sick Inmates Die Waiting for Care"
# The story's five paragraphs.
STORY = [
    "When Marcus Hill collapsed in his cell at the Harlan County jail, guards waited six hours before calling a nurse, according to autopsy records.",
    "Hill, 34, had been booked on a probation violation. He died two days later at a hospital in Lexington.",
    "His death was one of at least 41 in Kentucky jails since 2019 in which records show detainees asked for medical help and did not get it.",
    "\u201cWe begged them to take him to the doctor,\u201d said his sister, Tanya Hill. \u201cNobody listened.\u201d",
    "The jail\u2019s administrator did not respond to repeated requests for comment.",
]


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
