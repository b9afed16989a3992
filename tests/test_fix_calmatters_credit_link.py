"""The CalMatters credit line `syndcheck fix` inserts links "CalMatters" to the original story, as
the line of CalMatters' republish box does (and as a moved line keeps its link), whenever the
original's address is known: from the original story given, or `--meta original-url`. CalMatters'
terms ask for no link back, so without the address the line goes in all the same, its words
alone; a publisher whose terms ask for the link (ProPublica) still has the address asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

ORIGINAL = ROOT / "samples/originals/calmatters-original.html"
URL = "https://calmatters.org/housing/2024/07/fair-plan-wildfire-insurance-zip-codes/"
NEWSLETTERS = "https://calmatters.org/newsletters/"
HEAD = "By Rosa Ibarra, CalMatters"
STORY = "California's insurer of last resort now covers most homes in 40 ZIP codes."
PAGES = {
    "md": f"# Fair Plan covers most homes\n\n{HEAD}\n\n{STORY}\n\nThe second paragraph.\n",
    "html": f"<html><body><article>\n<h1>Fair Plan covers most homes</h1>\n<p>{HEAD}</p>\n<p>{STORY}</p>\n<p>The second paragraph.</p>\n"
    "</article></body></html>\n",
}
LINKED = {
    "md": f"This story was originally published by [CalMatters]({URL}). Sign up for their [newsletters]({NEWSLETTERS}).",
    "html": f'<p>This story was originally published by <a href="{URL}">CalMatters</a>. Sign up for their <a href="{NEWSLETTERS}">newsletters</a>.</p>',
}
UNLINKED = {
    "md": f"This story was originally published by CalMatters. Sign up for their [newsletters]({NEWSLETTERS}).",
    "html": f'<p>This story was originally published by CalMatters. Sign up for their <a href="{NEWSLETTERS}">newsletters</a>.</p>',
}


@pytest.mark.parametrize("given", [("--original", str(ORIGINAL)), (f"--meta=original-url={URL}",)])
@pytest.mark.parametrize("kind", ["md", "html"])
def test_the_inserted_line_links_calmatters_to_the_original(cli: Any, tmp_path: Path, kind: str, given: tuple[str, ...]) -> None:
    path = tmp_path / f"copy.{kind}"
    path.write_text(PAGES[kind], encoding="utf-8")
    run = cli("fix", "--write", "--pack", "calmatters", *given, str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "fixed calmatters/credit-line: inserted" in run.err, run.err
    assert LINKED[kind] in fixed
    assert fixed.index(LINKED[kind]) < fixed.index(STORY)


@pytest.mark.parametrize("kind", ["md", "html"])
def test_without_the_address_the_line_goes_in_with_its_words_alone(cli: Any, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"copy.{kind}"
    path.write_text(PAGES[kind], encoding="utf-8")
    run = cli("fix", "--write", "--pack", "calmatters", str(path))
    assert "fixed calmatters/credit-line: inserted" in run.err, run.err
    assert UNLINKED[kind] in path.read_text(encoding="utf-8")
    assert "calmatters/credit-line" not in cli("check", "--format", "concise", "--pack", "calmatters", str(path)).out
