"""Two readings of words glued after a name without a comma. An organisation's initials that open
its body's name ("By NASA Goddard Space Flight Center", "By NASA Jet Propulsion Laboratory")
credit the body, not a person "NASA Goddard" whose surname is in capitals, and so does an owner's
possessive ("By NASA's Goddard Space Flight Center": no name holds one before its last word); a person whose surname
is in capitals keeps the institution after a place ("KIM Min-ji Seoul National University"). A
three-word name before an outlet that opens with a word no name holds ("By Mary Jo Smith Inside
Climate News"), or before an outlet a loaded pack names ("… KFF Health News"), is the whole name,
not "Mary Jo" of a "Smith Inside Climate News"; a two-word name before an outlet that opens with
a name-like word keeps the outlet whole ("By Ana Ruiz Kaiser Health News")."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    "line",
    [
        "By NASA Goddard Space Flight Center",
        "By NASA Jet Propulsion Laboratory",
        "By NOAA Pacific Marine Environmental Laboratory",
        "By UNICEF Ireland Communications Office",
        "By USDA Agricultural Research Service",
        "By NASA's Goddard Space Flight Center",
        "By NASA’s Jet Propulsion Laboratory",
        "By Google's DeepMind",
    ],
)
def test_initials_opening_a_bodys_name_credit_no_person(line: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert reading.names == ()
    assert reading.credit == line.removeprefix("By ").replace("’", "'")  # read with straight apostrophes


@pytest.mark.parametrize(
    ("line", "name", "credit"),
    [
        ("By KIM Min-ji Seoul National University", "KIM Min-ji", "Seoul National University"),
        ("By Jean DUPONT, Institut Pasteur", "Jean DUPONT", "Institut Pasteur"),
        ("By PARK Ji-hoon Korea Advanced Institute", "PARK Ji-hoon", "Korea Advanced Institute"),
    ],
)
def test_a_surname_in_capitals_keeps_its_institution(line: str, name: str, credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), credit)


@pytest.mark.parametrize(
    ("line", "name", "credit"),
    [
        ("By Mary Jo Smith Inside Climate News", "Mary Jo Smith", "Inside Climate News"),
        ("By Mary Beth Collins Inside Climate News", "Mary Beth Collins", "Inside Climate News"),
        ("By Ana Maria Ruiz Inside Higher Ed News", "Ana Maria Ruiz", "Inside Higher Ed News"),
        ("By Ana Ruiz Inside Climate News", "Ana Ruiz", "Inside Climate News"),
        ("By Ana Ruiz Kaiser Health News", "Ana Ruiz", "Kaiser Health News"),
        ("By Mary Jo Smith Texas Tribune", "Mary Jo Smith", "Texas Tribune"),
    ],
)
def test_a_three_word_name_before_an_outlet_is_whole(line: str, name: str, credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), credit)


@pytest.mark.parametrize(
    ("line", "name", "credit"),
    [
        ("By Ana Maria Ruiz Daily Caller News Foundation", "Ana Maria Ruiz", "Daily Caller News Foundation"),
        ("By Mary Jo Smith States Newsroom", "Mary Jo Smith", "States Newsroom"),
        ("By Ana Ruiz Daily Caller News Foundation", "Ana Ruiz", "Daily Caller News Foundation"),
    ],
)
def test_an_outlet_a_pack_names_ends_the_name(line: str, name: str, credit: str) -> None:
    reading = read_byline(line, outlets=frozenset({"daily caller news foundation", "states newsroom"}))
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), credit)


def test_the_page_credits_the_body_with_no_person() -> None:
    html = (
        '<html><body><article><h1>Webb telescope spots a new moon</h1><p class="byline">By NASA Goddard Space Flight Center</p>'
        "<p>Astronomers using the Webb telescope have found a small moon around a distant planet.</p></article></body></html>"
    )
    assert [b.names for b in story_bylines(parse_document(html, "html")) if b.names] == []
