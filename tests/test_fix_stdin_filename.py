"""`syndcheck fix -` takes `--stdin-filename NAME` as `check` does, with the same meaning: the notes
show NAME, its extension gives the article's kind (no sniffing), and NAME is the one the
configuration is found for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

URL = "https://www.propublica.org/article/rates-rise"
# Markdown by its `#` heading, were it sniffed.
STORY = b"# Rates rise\n\nBy Jane Roe, ProPublica\n\nInsurers raised rates for the third year in a row.\n"


@pytest.mark.parametrize(
    ("name", "credit"),
    [
        ("desk/story.md", f"This story was originally published by [ProPublica]({URL})."),
        ("desk/story.txt", "This story was originally published by ProPublica."),
    ],
)
def test_the_name_gives_the_kind_and_names_the_notes(cli: Any, name: str, credit: str) -> None:
    run = cli("fix", "--pack", "propublica", f"--meta=original-url={URL}", "-", "--stdin-filename", name, stdin=STORY)
    assert credit in run.out
    assert f"{name}:5: fixed propublica/credit-line: inserted " in run.err and "<stdin>" not in run.err


def test_the_configuration_is_the_one_found_for_the_name(cli: Any, tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".syndcheck.yaml").write_text("ignore: [propublica/pixel]\n", encoding="utf-8")
    args = ("fix", "--pack", "propublica", f"--meta=original-url={URL}", "--meta=medium=online", "-")
    named = cli(*args, "--stdin-filename", str(desk / "story.md"), stdin=STORY)
    assert f"[ProPublica]({URL})" in named.out and "pixel.js" not in named.out
    unnamed = cli(*args, stdin=STORY)
    assert "pixel.js" in unnamed.out
