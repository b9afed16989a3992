"""A first-person account's "as told to" credits its writer as "By" does ("As told to Jane Doe",
"By Maria Lopez, as told to Jane Doe", French "Propos recueillis par"); an outlet named "The …"
glued after the name is the reporter's outlet ("By Ben Cole The Conversation"); and a European
newspaper named by its article and one word ("Le Monde", "El País", "Die Zeit") is the credit
after a comma, not a second author."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import person_name, read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        # "As told to" credits the writer.
        ("As told to Jane Doe", ("Jane Doe",), ""),
        ("as told to Jane Doe", ("Jane Doe",), ""),
        ("As told to Jane Doe, Texas Tribune", ("Jane Doe",), "Texas Tribune"),
        ("By Maria Lopez, as told to Jane Doe", ("Maria Lopez", "Jane Doe"), ""),
        ("By John Smith as told to Jane Doe", ("John Smith", "Jane Doe"), ""),
        ("By John Smith, as told to Jane Doe and Ana Ruiz", ("John Smith", "Jane Doe", "Ana Ruiz"), ""),
        ("Propos recueillis par Jeanne Martin", ("Jeanne Martin",), ""),
        ("Propos recueillis par Jeanne Martin, Le Monde", ("Jeanne Martin",), "Le Monde"),
        # An outlet named "The …" glued after the name is its credit.
        ("By Ben Cole The Conversation", ("Ben Cole",), "The Conversation"),
        ("Ben Cole The Conversation", ("Ben Cole",), "The Conversation"),
        ("By Mary Jo Smith The Conversation", ("Mary Jo Smith",), "The Conversation"),
        ("By Ana Ruiz The 19th", ("Ana Ruiz",), "The 19th"),
        ("By Ana Ruiz The Atlantic", ("Ana Ruiz",), "The Atlantic"),
        ("By Jane Doe The Associated Press", ("Jane Doe",), "The Associated Press"),
        # A newspaper named by its article and one word is the credit, not an author.
        ("Par Jeanne Martin, Le Monde", ("Jeanne Martin",), "Le Monde"),
        ("Par Jeanne Martin (Le Monde)", ("Jeanne Martin",), "Le Monde"),
        ("Por Ana Ruiz, El País", ("Ana Ruiz",), "El País"),
        ("Von Anna Schmidt, Der Spiegel", ("Anna Schmidt",), "Der Spiegel"),
        ("By Ana Ruiz, Die Zeit", ("Ana Ruiz",), "Die Zeit"),
    ],
)
def test_the_byline_names_its_writers_and_their_outlet(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Le Monde", None),
        ("La Stampa", None),
        ("Il Post", None),
        ("Het Parool", None),
        ("Marine Le Pen", "Marine Le Pen"),
        ("La Toya Smith", "La Toya Smith"),
        ("Anjali Das", "Anjali Das"),
        ("Ana De Luca", "Ana De Luca"),
    ],
)
def test_an_article_and_one_word_is_no_persons_name(name: str, expected: str | None) -> None:
    assert person_name(name) == expected


def test_an_as_told_to_byline_in_a_pages_markup_names_the_writer() -> None:
    page = (
        "<html><body><article><header><h1>I ran the county's only clinic for twenty years</h1>"
        '<p class="byline">As told to Jane Doe, Texas Tribune</p></header>'
        "<div class='entry-content'><p>I opened the clinic in 2004, when the nearest hospital was an hour away and the road"
        " washed out every spring.</p><p>Most of my patients were farmworkers who could not take a day off to drive to"
        " the city.</p></div></article></body></html>"
    )
    bylines = [b for b in story_bylines(parse_document(page, "html")) if b.names]
    assert [(b.names, b.reading.credit) for b in bylines[:1]] == [(("Jane Doe",), "Texas Tribune")]
