""" "By Ana Ruiz with Ben Cole" (as wires and newspapers credit a second reporter) credits both:
"with" right after a name, followed by people's names alone, joins them as "and" does, in any
case. Before, the second reporter was read as the first one's affiliation, or the byline in
capitals as an outlet's name. "with" before an outlet ("with CalMatters", "with the Associated
Press") still names the outlet the reporter works with."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("line", "names", "credit"),
    [
        ("By Ana Ruiz with Ben Cole", ("Ana Ruiz", "Ben Cole"), ""),
        ("By Ana Ruiz With Ben Cole", ("Ana Ruiz", "Ben Cole"), ""),
        ("BY ANA RUIZ WITH BEN COLE", ("ANA RUIZ", "BEN COLE"), ""),
        ("By Ana Ruiz with Ben Cole, CalMatters", ("Ana Ruiz", "Ben Cole"), "CalMatters"),
        ("By Ana Ruiz with Ben Cole and Carla Diaz", ("Ana Ruiz", "Ben Cole", "Carla Diaz"), ""),
        ("By Ana Ruiz with Ben Cole & Carla Diaz | The Texas Tribune", ("Ana Ruiz", "Ben Cole", "Carla Diaz"), "The Texas Tribune"),
        ("By Ahmed al-Rashid with J.P. de la Torre", ("Ahmed al-Rashid", "J.P. de la Torre"), ""),
    ],
)
def test_with_between_names_credits_each(line: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("By Ana Ruiz with CalMatters", "CalMatters"),
        ("By Ana Ruiz with the Associated Press", "the Associated Press"),
        ("By Ana Ruiz with Mother Jones", "Mother Jones"),
        ("By Ana Ruiz with Sierra Club", "Sierra Club"),
    ],
)
def test_with_before_an_outlet_is_the_affiliation(line: str, credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == (("Ana Ruiz",), credit)


def test_on_a_page_both_reporters_are_the_story_s() -> None:
    page = (
        "<html><body><article><h1>Water board raises groundwater rates</h1>"
        '<p class="byline">By <a href="/author/ana-ruiz">Ana Ruiz</a> with <a href="/author/ben-cole">Ben Cole</a></p>'
        "<p>The state water board voted on Tuesday to raise the rates that farms pay for groundwater.</p></article></body></html>"
    )
    (byline,) = story_bylines(parse_document(page, "html"))
    assert byline.names == ("Ana Ruiz", "Ben Cole")
