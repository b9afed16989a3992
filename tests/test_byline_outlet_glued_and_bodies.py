"""An outlet glued after the name without a comma ("By Ana Ruiz Texas Tribune") is the reporter's
outlet, read as "By Ana Ruiz, Texas Tribune" is; an outlet named for its place stays an outlet
("New York Daily News" names no one called New York); and a body whose name looks like a
person's ("American Red Cross", "Habitat for Humanity") is an organisation."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import person_name, read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By Ana Ruiz Texas Tribune", ("Ana Ruiz",), "Texas Tribune"),
        ("By Ana Ruiz The Texas Tribune", ("Ana Ruiz",), "The Texas Tribune"),
        ("By Ana Ruiz KFF Health News", ("Ana Ruiz",), "KFF Health News"),
        ("By Ana Ruiz and Ben Cole Inside Climate News", ("Ana Ruiz", "Ben Cole"), "Inside Climate News"),
        ("By Mary Jo Smith Texas Tribune", ("Mary Jo Smith",), "Texas Tribune"),
        ("By Ana Ruiz Garcia New York Times", ("Ana Ruiz Garcia",), "New York Times"),
        ("By Austin Jackson Texas Tribune", ("Austin Jackson",), "Texas Tribune"),
        ("By MARY CLARE JALONICK Associated Press", ("MARY CLARE JALONICK",), "Associated Press"),
        ("By Jake Smith Energy Reporter", ("Jake Smith",), "Energy Reporter"),
    ],
)
def test_an_outlet_glued_after_the_name_is_its_credit(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    "byline",
    [
        "By New York Daily News",
        "By Los Angeles Daily News",
        "By Las Vegas Review Journal",
        "By Tampa Bay Times",
        "By American Red Cross",
        "By National Weather Service",
        "By Habitat for Humanity International",
        "By Habitat for Humanity",
        "By Teach for America",
    ],
)
def test_a_body_or_an_outlet_named_like_a_person_names_no_one(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert reading.names == ()
    assert reading.credit == byline.removeprefix("By ").replace(" for ", ", ")


@pytest.mark.parametrize("name", ["American Red Cross", "British Heart Foundation", "United Way", "Federal Reserve Board"])
def test_a_bodys_opening_word_is_no_given_name(name: str) -> None:
    assert person_name(name) is None


def test_a_reporter_of_such_a_body_keeps_it_as_affiliation() -> None:
    reading = read_byline("By Ana Ruiz, American Red Cross")
    assert reading is not None
    assert (reading.names, reading.affiliations) == (("Ana Ruiz",), (("American Red Cross",),))


def test_the_page_credits_the_reporter_with_the_outlet() -> None:
    html = (
        '<html><body><article><h1>Water board raises groundwater rates</h1><p class="byline">By Ana Ruiz Texas Tribune</p>'
        "<p>The state water board voted 4-1 on Tuesday to raise the rates that farms pay for groundwater.</p></article></body></html>"
    )
    bylines = [b for b in story_bylines(parse_document(html, "html")) if b.names]
    assert [(b.names, b.reading.credit) for b in bylines][:1] == [(("Ana Ruiz",), "Texas Tribune")]
