"""Fidelity compares the story as a reader reads it: a word written with look-alike letters of
another script (Cyrillic а, е, о) reads as the Latin word, whether it mixes scripts or is one
letter alone, so it is no edit (the look-alike warnings name the letters); a diff between words
that look alike names the code points that differ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.fidelity_compare import word_diff
from compliance.lookalike import read_as_latin
from tests.conftest import write

STORY = [
    "A water utility raised its rates twice this year, according to filings with a state commission.",
    "Customers in the eastern district now pay 18 dollars more a month than they did in January.",
    "The utility said the increases cover repairs to pipes laid before 1950, many of which leak.",
    "Two council members have asked for an audit of a repair budget that has never been published.",
]
# Latin letters and the Cyrillic and Greek letters that look like them.
LOOK_ALIKES = str.maketrans({"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "A": "\u0391", "T": "\u03a4"})


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"<html><body><article><h1>Water rates</h1>\n{body}<p>This story was originally published by ProPublica.</p></article></body></html>"


def _check(cli: Any, tmp_path: Path, paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The fidelity findings' evidence, and the rules of the other findings (the page has no
    pixel and no credit link: only the look-alike warnings matter here)."""
    original = write(tmp_path, "original.html", _page(STORY))
    copy = write(tmp_path, "copy.html", _page(paragraphs))
    run = cli("check", "--format", "json", "--pack", "propublica", "--original", str(original), str(copy))
    findings = run.json()["files"][0]["findings"]
    return [f["evidence"] for f in findings if f["rule"] == "propublica/fidelity"], [f["rule"] for f in findings if f["rule"] != "propublica/fidelity"]


@pytest.mark.parametrize("count", [1, 2, 4])
def test_look_alike_letters_through_the_story_are_no_edit_and_are_warned(cli: Any, tmp_path: Path, count: int) -> None:
    fidelity, others = _check(cli, tmp_path, [p.translate(LOOK_ALIKES) for p in STORY[:count]] + STORY[count:])
    assert fidelity == []
    assert "syndcheck/look-alike-letters" in others


def test_a_one_letter_look_alike_word_is_the_latin_word_and_is_warned(cli: Any, tmp_path: Path) -> None:
    fidelity, others = _check(cli, tmp_path, [STORY[0], STORY[1].replace(" a month", " \u0430 month"), *STORY[2:]])
    assert fidelity == []
    # As a longer word with the same letter is: the reader reads "a", and so do the checks.
    assert "syndcheck/look-alike-letters" in others


def test_a_real_edit_among_look_alikes_is_still_reported_in_latin_letters(cli: Any, tmp_path: Path) -> None:
    fidelity, _ = _check(cli, tmp_path, [p.translate(LOOK_ALIKES) for p in [STORY[0], STORY[1].replace("18", "81"), *STORY[2:]]])
    assert len(fidelity) == 1
    assert fidelity[0].startswith("changed (18 → 81): Customers in the")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("\u0430", "a"),  # a one-letter Cyrillic word
        ("N\u0443rs\u0435s", "Nyrses"),  # CYRILLIC SMALL LETTER U looks like y
        ("\u0391\u03a4\u039c", "ATM"),  # a Greek word of capitals
        ("café naïve", "café naïve"),  # Latin letters with diacritics are Latin
        ("plain ASCII text", "plain ASCII text"),
        ("em — dash “quoted”", "em — dash “quoted”"),
    ],
)
def test_read_as_latin_reads_look_alikes_of_other_scripts_only(written: str, read: str) -> None:
    assert read_as_latin(written) == read


def test_a_diff_between_look_alikes_names_the_code_points() -> None:
    assert word_diff("seen by a nurse", "seen by \u0430 nurse") == "seen by [-a-] {+\u0430+} (U+0430 CYRILLIC SMALL LETTER A) nurse"
    assert word_diff("her resume", "her résumé") == "her [-resume-] {+résumé+} (U+00E9 LATIN SMALL LETTER E WITH ACUTE)"
    assert word_diff("a nurse", "a doctor") == "a [-nurse-] {+doctor+}"
