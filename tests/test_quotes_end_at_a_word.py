"""A quote a message shortens ends at a word, and with "…": the credit line in other words that
`propublica/credit-line-wording` quotes ("The credit line reads "…"") is the whole line when it
is short, else cut after a whole word of it and ended with "…", never in half a word ("with
permi"); a quote's context before the match starts at a word too. The other messages that quote
text cut to a length (a metadata line of the editor's page, a `medium` value, a rule test's text)
use the same `compliance.text.shorten`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.text import shorten

TAIL = "and is republished with permission under the Creative Commons license as described on the publisher's own website today".split()
OPENING = "This article first appeared on ProPublica"


def _quoted(cli: Any, tmp_path: Path, line: str) -> str:
    page = f"<article>\n<h1>Rates rise</h1>\n<p>By Jane Roe, ProPublica</p>\n<p>{line}</p>\n<p>Insurers raised rates.</p>\n</article>\n"
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    findings = cli("check", "--format", "json", "--pack", "propublica", str(path)).json()["files"][0]["findings"]
    (finding,) = [f for f in findings if f["rule"].endswith("-wording")]
    found = re.search(r'The credit line reads "(.*)", not the wording', finding["message"])
    assert found is not None, finding["message"]
    return found.group(1)


@pytest.mark.parametrize("words", range(0, len(TAIL) + 1, 2))
def test_the_reworded_line_is_quoted_whole_or_cut_after_a_word(cli: Any, tmp_path: Path, words: int) -> None:
    line = " ".join([OPENING, *TAIL[:words]]) + "."
    quoted = _quoted(cli, tmp_path, line)
    if quoted == line:
        return
    assert quoted.endswith("…"), quoted
    kept = quoted.removesuffix("…")
    assert line.startswith(kept) and line[len(kept)] == " ", quoted  # a whole word, then a space
    assert kept.startswith(OPENING)


def test_a_long_line_is_cut_and_a_short_one_is_not(cli: Any, tmp_path: Path) -> None:
    assert _quoted(cli, tmp_path, f"{OPENING} and is republished with permission.") == f"{OPENING} and is republished with permission."
    assert _quoted(cli, tmp_path, " ".join([OPENING, *TAIL]) + ".") == f"{OPENING} and is republished with…"


@pytest.mark.parametrize("text", ["with permission under the license", "x" * 80, "a " * 50])
def test_shorten_ends_at_a_word_with_an_ellipsis(text: str) -> None:
    cut = shorten(text, 20)
    assert len(cut) <= 20 and cut.endswith("…")
    if " " in text.strip():
        assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "


def test_a_medium_value_too_long_is_quoted_cut_at_a_word(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text("<article><h1>Rates</h1><p>By Jane Roe, ProPublica</p><p>Rates rose.</p></article>", encoding="utf-8")
    run = cli("check", "--pack", "propublica", str(path), "--meta", "medium=" + "online and in print on the weekend edition of the paper")
    assert "online and in print on the weekend…" in run.out + run.err
