"""A person's name is two to five words, and a run of particles inside it counts as one word:
"María José García-Márquez de la Vega" (four names, "de la") and "Ana Ruiz de las Casas" are
names, while a list of institutions joined by "y" ("Universidad de Ciencias y Artes de Chiapas y
Luis Pérez") still parts at its conjunction."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import person_name, read_byline

HEADLINE = "Water board raises groundwater rates for third year"
STORY = "The state water board voted on Tuesday to raise the rates that farms pay for groundwater, the third increase in as many years."


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By María José García-Márquez de la Vega", ("María José García-Márquez de la Vega",), ""),
        ("Por María José García-Márquez de la Vega y Ana Ruiz, CalMatters", ("María José García-Márquez de la Vega", "Ana Ruiz"), "CalMatters"),
        ("By Ana Ruiz de las Casas, CalMatters", ("Ana Ruiz de las Casas",), "CalMatters"),
        ("By Juan Carlos Ortega de los Ríos", ("Juan Carlos Ortega de los Ríos",), ""),
        ("By Pieter Jan van der Berg-de Vries", ("Pieter Jan van der Berg-de Vries",), ""),
    ],
)
def test_a_run_of_particles_counts_as_one_word_of_a_name(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Maria Luisa Teresa Ruiz Gomez",  # six names: no particles to count as one
        "Artes de Chiapas y Luis Pérez",  # single particles each count
        "Juan Pablo de la Cruz de los Santos",  # six words still, runs counted as one
    ],
)
def test_more_than_five_words_are_still_no_name(text: str) -> None:
    assert person_name(text) is None


def test_a_list_of_institutions_joined_by_y_still_parts_its_authors() -> None:
    reading = read_byline("Por Ana García, Universidad de Ciencias y Artes de Chiapas y Luis Pérez, Universidad de Buenos Aires")
    assert reading is not None
    assert reading.names == ("Ana García", "Luis Pérez")


def test_the_page_credits_the_long_name() -> None:
    html = (
        f'<html><body><article><h1>{HEADLINE}</h1><p class="byline">Por María José García-Márquez de la Vega, CalMatters</p>'
        f"{f'<p>{STORY}</p>' * 3}</article></body></html>"
    )
    (byline,) = story_bylines(parse_document(html, "html"))
    assert (byline.names, byline.reading.credit) == (("María José García-Márquez de la Vega",), "CalMatters")
