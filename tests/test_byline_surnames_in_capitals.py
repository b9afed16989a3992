"""A surname in capitals beside a given name in ordinary case is a person's name, as French,
German, Korean and Japanese styles write it ("Par Jean DUPONT", "By KIM Min-ji"); an outlet's
initials beside ordinary words ("KFF Health News", "NPR Staff") stay an organisation, which is
why a word in capitals in a mixed-case name is otherwise read as an outlet's."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import person_name, read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By KIM Min-ji", ("KIM Min-ji",), ""),
        ("Par Jean DUPONT", ("Jean DUPONT",), ""),
        ("Von Hans MÜLLER, dpa", ("Hans MÜLLER",), "dpa"),
        ("By Tanaka HIROSHI", ("Tanaka HIROSHI",), ""),
        ("By KIM Min-ji and TANAKA Hiroshi", ("KIM Min-ji", "TANAKA Hiroshi"), ""),
        ("Von Anna SCHMIDT und Peter WAGNER, AFP", ("Anna SCHMIDT", "Peter WAGNER"), "AFP"),
        ("Por Carlos RUIZ GARCÍA | EFE", ("Carlos RUIZ GARCÍA",), "EFE"),
        ("di Marco ROSSI", ("Marco ROSSI",), ""),
        ("By Jean-Luc DUPONT and Ana Ruiz", ("Jean-Luc DUPONT", "Ana Ruiz"), ""),
    ],
)
def test_a_surname_in_capitals_is_a_persons(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("byline", "credit"),
    [
        ("By KFF Health News", "KFF Health News"),
        ("By KFF Health", "KFF Health"),
        ("By ABC News", "ABC News"),
        ("By NPR", "NPR"),
        ("By AP", "AP"),
        ("By CNN", "CNN"),
        ("By BBC", "BBC"),
        ("By CNN Politics", "CNN Politics"),
        ("By NBC Chicago", "NBC Chicago"),
        ("By NPR Staff", "NPR Staff"),
        ("By NASA Science", "NASA Science"),
        ("By ETH Zürich", "ETH Zürich"),
        ("By UNICEF Ireland", "UNICEF Ireland"),
    ],
)
def test_an_outlets_initials_stay_an_organisation(byline: str, credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == ((), credit)


@pytest.mark.parametrize("name", ["KFF Health", "NPR Staff", "CNN Politics", "WNYC Newsroom"])
def test_initials_without_a_vowel_make_no_name(name: str) -> None:
    assert person_name(name) is None


def test_initials_and_their_seat_after_a_name_are_its_institution() -> None:
    reading = read_byline("By Tomás Ibarra, ETH Zürich")
    assert reading is not None
    assert (reading.names, reading.affiliations) == (("Tomás Ibarra",), (("ETH Zürich",),))


def test_a_byline_all_in_capitals_still_names_its_person() -> None:
    reading = read_byline("BY JOHN SMITH")
    assert reading is not None
    assert reading.names == ("JOHN SMITH",)


@pytest.mark.parametrize("kind", ["html", "text"])
def test_the_page_credits_the_reporter(kind: str) -> None:
    story = "PARIS — Le conseil municipal a voté mardi une hausse des tarifs de l'eau, la troisième en trois ans."
    if kind == "html":
        byline = '<p class="byline">Par Jean DUPONT, avec AFP</p>'
        page = f'<html lang="fr"><body><article><h1>Le prix de l\'eau augmente</h1>{byline}<p>{story}</p></article></body></html>'
    else:
        page = f"Le prix de l'eau augmente\n\nPar Jean DUPONT, avec AFP\n\n{story}\n"
    bylines = story_bylines(parse_document(page, kind))
    assert [b.names for b in bylines if b.names][:1] == [("Jean DUPONT",)]
