"""A byline that writes the surname first, as a catalogue or a CMS's author field does ("By Smith,
John", "MÜLLER, Anna", "Okafor, Dana; Ruiz, Ana"), credits the person a reader reads: John Smith.
The name is kept as written, and the checks compare it with "John Smith" word for word
(`same_person`). Before, "Smith" and "John" were read as an outlet's words and nobody was
credited. A surname before an outlet, a place, a role or an agency's initials ("Smith, Reuters",
"Austin, Texas", "Ruiz, Reporter", "RUIZ, AFP") is no reversed name; so, for now, is a given name
that the gazetteer knows as a large city's ("Lindqvist, Karin"), which is left unread as before."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.checks.story import same_person
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Smith, John", ("Smith, John",)),
        ("By Lindqvist, Erik", ("Lindqvist, Erik",)),
        ("Von MÜLLER, Anna", ("MÜLLER, Anna",)),
        ("By van der Veen, Ludwig", ("van der Veen, Ludwig",)),
        ("By O'Sullivan-Murphy, Siobhán", ("O'Sullivan-Murphy, Siobhán",)),
        ("By Collins, Mary Beth", ("Collins, Mary Beth",)),
        ("By Smith, J.", ("Smith, J.",)),
        ("By Okafor, J.R.", ("Okafor, J.R.",)),
        ("By Okafor, Dana; Ruiz, Ana", ("Okafor, Dana", "Ruiz, Ana")),
        ("Author: Ruiz, Ana", ("Ruiz, Ana",)),
    ],
)
def test_a_surname_first_credits_the_person(line: str, names: tuple[str, ...]) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit, reading.problem) == (names, "", None)


@pytest.mark.parametrize(
    ("written", "person"),
    [("Smith, John", "John Smith"), ("MÜLLER, Anna", "Anna Müller"), ("van der Veen, Ludwig", "Ludwig van der Veen")],
)
def test_the_checks_compare_it_as_the_person(written: str, person: str) -> None:
    assert same_person(written, person)
    assert not same_person(written, "John Smithson")


@pytest.mark.parametrize(
    "line",
    ["By Austin, Texas", "By Ruiz, Reporter", "By RUIZ, AFP", "By Ruiz, Staff", "By Staff, Reuters", "By Smith, Washington", "By Ruiz, Mexico"],
)
def test_a_surname_before_no_given_name_credits_no_reversed_name(line: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert not any("," in name for name in reading.names)


def test_a_list_in_a_script_without_capitals_stays_a_list() -> None:
    reading = read_byline("김민지, 박서준")
    assert reading is not None
    assert reading.names == ("김민지", "박서준")


def test_the_page_credits_the_reversed_name() -> None:
    html = (
        '<html><body><article><h1>Water board raises groundwater rates</h1><p class="byline">By Smith, John</p>'
        "<p>The state water board voted 4-1 on Tuesday to raise the rates that farms pay for groundwater.</p></article></body></html>"
    )
    bylines = [b for b in story_bylines(parse_document(html, "html")) if b.names]
    assert [b.names for b in bylines][:1] == [("Smith, John",)]
