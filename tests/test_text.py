"""Text normalisation: what a reader perceives, used on both sides of every phrase match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.text import normalize, normalize_inline, possessive, shorten


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Typographic quotes from a CMS become ASCII so "reporter’s" matches "reporter's".
        (
            "\u201cWe have a very limited ability to see what they\u2019re doing,\u201d a former officer said.",
            '"We have a very limited ability to see what they\'re doing," a former officer said.',
        ),
        (
            "\u2018Get Rid Of This Menace\u2019: Biden Admin Reportedly Considering Working With Taliban",
            "'Get Rid Of This Menace': Biden Admin Reportedly Considering Working With Taliban",
        ),
        # No-break and other Unicode spaces are plain spaces; runs collapse to one.
        (
            "Republished\u00a0with\u00a0permission of\u2009the Daily\u202fCaller News Foundation.",
            "Republished with permission of the Daily Caller News Foundation.",
        ),
        ("The   council\t\tvoted  7-2 on\u00a0\u00a0 Tuesday.", "The council voted 7-2 on Tuesday."),
        # Invisible characters (zero-width space, soft hyphen, BOM, word joiner) disappear.
        ("\ufeffThe gov\u00adern\u00adment re\u200bsponded with\u2060in hours.", "The government responded within hours."),
        # Leading and trailing whitespace and blank lines go.
        ("  \n  Jake Smith Contributor \n\n", "Jake Smith Contributor"),
        # A line break survives as one newline without the spaces around it.
        ("By Jane Doe \n\n   Energy Reporter", "By Jane Doe\nEnergy Reporter"),
        ("First line\r\nSecond line", "First line\nSecond line"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe\nEnergy Reporter", "By Jane Doe Energy Reporter"),
        ("123 Main Street\n\n  Springfield,\u00a0IL", "123 Main Street Springfield, IL"),
        ("\u201cQuoted\u201d \n headline", '"Quoted" headline'),
        ("  single line already  ", "single line already"),
    ],
)
def test_normalize_inline_joins_lines_with_one_space(raw: str, expected: str) -> None:
    assert normalize_inline(raw) == expected


def test_normalize_is_idempotent_on_article_text() -> None:
    paragraph = (
        "Relations between the West and the Taliban\u00a0\u2014 the Islamist militia group governing over "
        "Afghanistan\u00a0\u2014 have seldom been \u201cparticularly strong\u201d or trusting.\n\n  (RELATED: Story)"
    )
    once = normalize(paragraph)
    assert normalize(once) == once
    assert once == (
        "Relations between the West and the Taliban \u2014 the Islamist militia group governing over "
        'Afghanistan \u2014 have seldom been "particularly strong" or trusting.\n(RELATED: Story)'
    )


SENTENCE = (
    "The Biden administration is reportedly considering an unusual move \u2014 working with the Taliban to fight "
    "a branch of ISIS in Afghanistan, NBC News reported on Wednesday."
)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short caption (Photo by AFP)", 120, "Short caption (Photo by AFP)"),
        ("exactly ten", 11, "exactly ten"),
        (SENTENCE, 40, "The Biden administration is reportedly…"),
        # The cut never leaves a trailing space before the ellipsis.
        (SENTENCE, 39, "The Biden administration is reportedly…"),
        # A cut inside a word moves back to the word boundary: no half word before the ellipsis.
        (SENTENCE, 41, "The Biden administration is reportedly…"),
        ("Line one\n\nline   two\u00a0and three", 120, "Line one line two and three"),
        ("\u201cQuote\u201d then a long tail of words", 12, '"Quote"…'),
    ],
)
def test_shorten(text: str, limit: int, expected: str) -> None:
    result = shorten(text, limit)
    assert result == expected
    assert len(result) <= limit


def test_shorten_default_limit_is_120_characters() -> None:
    text = SENTENCE + " " + SENTENCE
    result = shorten(text)
    assert len(result) == 120
    assert result.endswith("…")
    assert result[:-1] == normalize_inline(text)[:119].rstrip()
    caption = "TOPSHOT \u2013 Taliban fighters sit over a vehicle in Laghman province. (Photo by AFP via Getty Images)"
    assert len(caption) < 120
    # (The en dash reads as a hyphen: text normalisation folds the joining dashes.)
    assert shorten(caption) == caption.replace("\u2013", "-")


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\ufe63", "\uff0d"])
def test_hyphens_and_joining_dashes_read_as_the_ascii_hyphen(hyphen: str) -> None:
    assert normalize(f"a content{hyphen}sharing agreement") == "a content-sharing agreement"


def test_clause_dashes_stay() -> None:
    # The em dash and the horizontal bar set clauses apart: they are not hyphens.
    assert normalize("informs Texans \u2014 and engages \u2015 them") == "informs Texans \u2014 and engages \u2015 them"


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("ProPublica", "ProPublica's"),
        ("Jake Smith", "Jake Smith's"),
        ("CalMatters", "CalMatters'"),
        ("KFF Health News", "KFF Health News'"),
        ("AP NEWS", "AP NEWS'"),
    ],
)
def test_a_possessive_is_written_as_english_writes_a_name(name: str, written: str) -> None:
    assert possessive(name) == written


def test_the_own_page_note_of_a_publisher_ending_in_s(cli: Any, tmp_path: Path) -> None:
    page = tmp_path / "own.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="CalMatters">'
        '<meta property="og:url" content="https://calmatters.org/politics/2026/01/story/"></head>'
        "<body><article><h1>A story</h1><p>By Rosa Ibarra, CalMatters</p><p>Text.</p></article></body></html>",
        encoding="utf-8",
    )
    out = cli("check", str(page)).out
    assert "CalMatters' site" in out and "CalMatters's" not in out
