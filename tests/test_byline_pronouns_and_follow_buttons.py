"""What an author's profile shows beside the name is no part of it nor of its credit: the
person's pronouns ("Ana Ruiz (she/her)", "Ana Ruiz they/them") and a follow button's word that
a profile card's text runs on ("Ana RuizFollow", "Ana Ruiz · Follow", Medium's)."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By Ana Ruiz (she/her)", ("Ana Ruiz",), ""),
        ("By Ana Ruiz (she/her), Texas Tribune", ("Ana Ruiz",), "Texas Tribune"),
        ("By Sam Lee (they/them), CalMatters", ("Sam Lee",), "CalMatters"),
        ("By Ana Ruiz she/her", ("Ana Ruiz",), ""),
        ("By Ana Ruiz (he/him/his)", ("Ana Ruiz",), ""),
        ("By Ana Ruiz (She/They) and Ben Cole (he/him)", ("Ana Ruiz", "Ben Cole"), ""),
        ("Ana RuizFollow", ("Ana Ruiz",), ""),
        ("Ana Ruiz Follow", ("Ana Ruiz",), ""),
        ("By Ana Ruiz · Follow", ("Ana Ruiz",), ""),
        ("Ana Ruiz·Following", ("Ana Ruiz",), ""),
        ("By Ana Ruiz | Subscribe | CalMatters", ("Ana Ruiz",), "CalMatters"),
    ],
)
def test_pronouns_and_a_follow_button_are_left_out(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize("byline", ["By Ana Ruiz/CalMatters", "By Ana Ruiz and/or Ben Cole"])
def test_a_slash_that_is_no_pronoun_set_stays(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert reading.names[0] == "Ana Ruiz"


def test_a_medium_profile_line_credits_its_author() -> None:
    html = (
        "<html><body><article><h1>Water board raises groundwater rates</h1>"
        '<div class="pw-author"><a data-testid="authorName" href="/@anaruiz" rel="author">Ana Ruiz</a><button>Follow</button></div>'
        "<p>The state water board voted 4-1 on Tuesday to raise the rates that farms pay for groundwater.</p></article></body></html>"
    )
    bylines = [b for b in story_bylines(parse_document(html, "html")) if b.names]
    assert [b.names for b in bylines][:1] == [("Ana Ruiz",)]
