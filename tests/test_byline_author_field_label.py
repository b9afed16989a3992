"""A CMS's author field prints its label over its items, one author each (Drupal's
`field__label` "Author" over `field__item`s): the label opens the list as "By" alone on its line
does, so every item is an author. Before, only the first was credited, and a check comparing the
byline with the original's reporters missed the second. A place on the line after the names
stays a dateline, and one name under the label is read as before."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_listed_lines

BODY = "<p>The state water board voted on Tuesday to raise the rates that farms pay for groundwater.</p>"


def _drupal(label: str, items: list[str]) -> str:
    listed = "".join(f'<div class="field__item"><a href="/people/{i}" hreflang="en">{name}</a></div>' for i, name in enumerate(items))
    return (
        "<html><body><article><h1>Water board raises groundwater rates</h1>"
        '<div class="field field--name-field-byline field--type-entity-reference field--label-inline clearfix">'
        f'<div class="field__label">{label}</div><div class="field__items">{listed}</div></div>{BODY}</article></body></html>'
    )


@pytest.mark.parametrize("label", ["Author", "Authors", "Authors:", "Byline", "Reporters", "Written by", "Autores"])
@pytest.mark.parametrize("items", [["Tomás Ferreira", "Inês Rocha"], ["Ana Ruiz", "Ben Cole", "Carla Diaz"]])
def test_every_item_under_an_author_field_s_label_is_an_author(label: str, items: list[str]) -> None:
    bylines = [byline for byline in story_bylines(parse_document(_drupal(label, items), "html")) if byline.names]
    assert bylines and bylines[0].names == tuple(items)


def test_one_item_under_the_label_credits_that_author() -> None:
    (byline,) = story_bylines(parse_document(_drupal("Author", ["Tomás Ferreira"]), "html"))
    assert byline.names == ("Tomás Ferreira",)


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        (["Author", "Tomás Ferreira", "Inês Rocha"], ("Tomás Ferreira", "Inês Rocha")),
        (["Author", "Tomás Ferreira", "New York"], None),  # a dateline's place, no second author
    ],
)
def test_the_label_opens_a_list_of_people_not_of_places(lines: list[str], names: tuple[str, ...] | None) -> None:
    reading = read_listed_lines(lines)
    assert (reading.names if reading is not None else None) == names
