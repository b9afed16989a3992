"""A sentence of the story that opens with "By" or a credit's opener ("By Tuesday afternoon the
crews had contained the fire.", "Analysis by the state found …") is no byline: before, a page
without one failed as if this sentence were a byline crediting an outlet or a staff, and quoted
it. A credit written as a sentence ("By the Associated Press.", "By the staff of the Texas Tribune
with additional reporting from wire services.") is read as before, and so is anything in byline
markup."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import read_byline

SENTENCES = [
    "By Tuesday afternoon the crews had contained the fire.",
    "By the end of the hearing the board had voted.",
    "By law the staff must publish the rates within a week.",
    "By Friday Smith had left the building for good.",
    "By the state's count, growers had overpaid for years!",
    "Analysis by the state found the board had overcharged growers for years.",
    "Review by the auditor showed the fund was short by millions.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentence_opening_with_by_is_no_byline_in_a_paragraph(sentence: str) -> None:
    assert read_byline(sentence, require_prefix=True) is None


@pytest.mark.parametrize("sentence", SENTENCES)
def test_in_byline_markup_it_is_still_read_as_the_byline_written_there(sentence: str) -> None:
    reading = read_byline(sentence)
    assert reading is not None and reading.names == () and reading.problem in ("outlet", "staff")


CREDITS = [
    ("By the Associated Press.", "outlet"),
    ("By the staff of the Texas Tribune with additional reporting from wire services.", "staff"),
    ("Written by the board's staff.", "staff"),
    ("By Staff.", "staff"),
    ("By Reuters staff with wire services.", "staff"),
]


@pytest.mark.parametrize(("line", "problem"), CREDITS)
def test_a_credit_written_as_a_sentence_stays_a_credit(line: str, problem: str) -> None:
    reading = read_byline(line, require_prefix=True)
    assert reading is not None
    assert (reading.names, reading.problem) == ((), problem)


def test_a_person_s_byline_ending_in_a_full_stop_stays_one() -> None:
    reading = read_byline("By Ana Ruiz and Ben Cole, with reporting by the wire services of the state.", require_prefix=True)
    assert reading is not None and reading.names[:2] == ("Ana Ruiz", "Ben Cole")


STORY = (
    '<p><em>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</em></p>'
    "<p>On the morning of March 14, an inspector signed off on 41 welds along a new gas line.</p>"
    '<script src="https://pixel.propublica.org/pixel.js" async></script>'
)


@pytest.mark.parametrize("sentence", SENTENCES[:3])
def test_a_page_without_a_byline_says_so_and_quotes_no_sentence(sentence: str) -> None:
    page = f"<html><body><article><h1>Welds</h1><p>{sentence}</p>{STORY}</article></body></html>"
    (author,) = [f for f in check_html(page, packs=["propublica"]).findings if f.rule == "creative-commons/author"]
    assert "no visible byline found in the article" in author.message
    assert sentence[:10] not in author.message


def test_the_reporter_s_byline_under_such_a_sentence_is_read() -> None:
    page = f"<html><body><article><h1>Welds</h1><p>{SENTENCES[0]}</p><p>By Ana Ruiz, ProPublica</p>{STORY}</article></body></html>"
    assert not [f for f in check_html(page, packs=["propublica"]).findings if f.rule == "creative-commons/author"]
