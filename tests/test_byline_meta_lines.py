"""An article's meta line that opens with page data before the name ("March 4, 2025 · 3 min ·
NAME", as Hugo's PaperMod theme and other blog themes write it; "2025-03-04 | NAME"): the date,
time, reading time or counter parts are no part of the byline. In byline markup the name is the
byline; in a line without byline markup, the name is the byline when the page's own metadata
credits that person (as a name standing alone is)."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import is_page_data, name_among_page_data, read_byline

STORY = (
    "<p>The county commission voted 4-1 on Tuesday to approve a new contract for road repairs, ending months of"
    " debate over the cost of the work and the choice of contractor.</p>"
    "<p>Officials said the repairs would begin in the spring and take about two years to finish.</p>"
    "<p>Residents who spoke at the meeting were split, with several saying the money should go to schools.</p>"
)


def _page(meta_line: str, head: str = "") -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>Road repairs</title>{head}</head><body>'
        '<header class="site-header"><a href="/">The Valley Post</a></header>'
        f"<main><article><h1>County approves road repair contract</h1>{meta_line}{STORY}</article></main>"
        '<aside><h3>Most read</h3><div class="post-meta">May 2, 2025 · Tom Wu</div></aside></body></html>'
    )


def _names(html: str) -> list[tuple[str, ...]]:
    return [byline.names for byline in parse_document(html, "html").bylines]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("March 4, 2025 · 3 min · Nadia Rahman", ("Nadia Rahman",)),
        ("March 4, 2025 · Nadia Rahman", ("Nadia Rahman",)),
        ("4 March 2025 | Nadia Rahman", ("Nadia Rahman",)),
        ("2025-03-04 | Nadia Rahman", ("Nadia Rahman",)),
        ("2025-03-04T10:00:00Z | Nadia Rahman", ("Nadia Rahman",)),
        ("3 min read · Nadia Rahman", ("Nadia Rahman",)),
        ("Tue, Mar 4 · Nadia Rahman", ("Nadia Rahman",)),
        ("Updated: March 4, 2025 at 9:00 a.m. | Nadia Rahman", ("Nadia Rahman",)),
        ("Mar 4, 2025 — Nadia Rahman", ("Nadia Rahman",)),
        ("1.2k views • Nadia Rahman", ("Nadia Rahman",)),
        # PaperMod with its word count turned on.
        ("March 4, 2025 · 3 min · 612 words · Nadia Rahman", ("Nadia Rahman",)),
        ("March 4, 2025 · 3 min · Nadia Rahman, Tom Wu", ("Nadia Rahman", "Tom Wu")),
        # What the cut leaves: an opener after the date, as before.
        ("Mar 4, 2025 | By Nadia Rahman", ("Nadia Rahman",)),
        ("12:30 PM EST — By Nadia Rahman, Reuters", ("Nadia Rahman",)),
    ],
)
def test_page_data_before_the_name_is_cut(line: str, names: tuple[str, ...]) -> None:
    reading = read_byline(line)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize(
    "line",
    [
        "5 Things to know | City council",  # a number opens a headline, not page data
        "10 years | Nadia Rahman",  # a span of years is no date
        "March 4, 2025",  # nothing after the data
        "March 4, 2025 · 3 min",
    ],
)
def test_what_is_not_page_data_before_a_name_is_not_cut(line: str) -> None:
    reading = read_byline(line)
    assert reading is None or reading.names == ()


@pytest.mark.parametrize(
    "part", ["March 4, 2025", "4 March", "03/04/2025", "9:00 a.m. EST", "3 min", "5 minute read", "12 comments", "612 words", "Updated 2025-03-04"]
)
def test_page_data_parts(part: str) -> None:
    assert is_page_data(part)


@pytest.mark.parametrize("part", ["Nadia Rahman", "5 Things to know", "10 years", "March Lee", "Section 4"])
def test_parts_that_are_not_page_data(part: str) -> None:
    assert not is_page_data(part)


def test_the_one_name_among_page_data() -> None:
    assert name_among_page_data("March 4, 2025\xa0·\xa03 min\xa0·\xa0Nadia Rahman") == "Nadia Rahman"
    assert name_among_page_data("Nadia Rahman | 2025-03-04") == "Nadia Rahman"
    assert name_among_page_data("Nadia Rahman") is None  # no separator
    assert name_among_page_data("News | Nadia Rahman | March 4") is None  # two parts are no data


def test_a_byline_class_holding_the_meta_line_names_the_reporter() -> None:
    assert _names(_page('<div class="byline">March 4, 2025&nbsp;·&nbsp;3 min&nbsp;·&nbsp;Nadia Rahman</div>')) == [("Nadia Rahman",)]


META_LINES = [
    # Hugo's PaperMod: the date, the reading time and the author in one `.post-meta`.
    '<div class="post-meta"><span title="2025-03-04 00:00:00 +0000 UTC">March 4, 2025</span>&nbsp;·&nbsp;3 min&nbsp;·&nbsp;Nadia Rahman</div>',
    '<div class="post-meta">Nadia Rahman&nbsp;·&nbsp;March 4, 2025&nbsp;·&nbsp;3 min read</div>',
    '<p class="meta">March 4, 2025 | 5 min read | Nadia Rahman</p>',
    '<div class="post-meta">March 4, 2025&nbsp;·&nbsp;3 min&nbsp;·&nbsp;612 words&nbsp;·&nbsp;Nadia Rahman</div>',
]


@pytest.mark.parametrize("line", META_LINES)
def test_a_meta_line_names_the_person_the_metadata_credits(line: str) -> None:
    assert _names(_page(line, head='<meta name="author" content="Nadia Rahman">')) == [("Nadia Rahman",)]


@pytest.mark.parametrize("line", META_LINES)
def test_a_meta_line_without_the_metadata_credit_names_no_one(line: str) -> None:
    assert _names(_page(line)) == []
    assert _names(_page(line, head='<meta name="author" content="Tom Wu">')) == []


def test_a_meta_line_with_two_parts_that_are_no_data_names_no_one() -> None:
    line = '<div class="post-meta">News · March 4, 2025 · Nadia Rahman</div>'
    assert _names(_page(line, head='<meta name="author" content="Nadia Rahman">')) == []
