"""The credits a visual or data desk adds to a byline ("Design by C", "Data by C", "Visuals by
C", "Maps by C", "Art by C", "Audio by C", "Fact-checking by C", "Design: C") are a part of the
work, as "Photos by C" is: C is no author of the story, and no author's affiliation. Before, C was
read as one more author ("By A | Photography by B | Design by C"), or "Data and C" as every
author's affiliation ("By A; Illustrations by B; Data by C"). A line with such a credit alone is
a caption; a person whose given name is such a word ("Art Cullen") stays a person."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import credited_for_a_part, credits_only_a_part, read_byline

A, B, C = "Ana Ruiz", "Ben Cole", "Carla Diaz"

ROLES = [
    "Design by",
    "Designed by",
    "Data by",
    "Visuals by",
    "Maps by",
    "Map by",
    "Art by",
    "Artwork by",
    "Audio by",
    "Animation by",
    "Illustrated by",
    "Charts by",
    "Infographics by",
    "Cartography by",
    "Fact-checking by",
    "Fact-checked by",
    "Copy editing by",
]
LABELS = ["Design:", "Designer:", "Data:", "Visuals:", "Maps:", "Art:", "Audio:", "Fact-checking:"]


def _authors(line: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    reading = read_byline(line)
    assert reading is not None
    kept = [(name, parts) for name, parts in zip(reading.names, reading.affiliations, strict=True) if not credited_for_a_part(line, name)]
    return tuple(name for name, _ in kept), tuple(parts for _, parts in kept)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("separator", [" | ", "; ", ". ", ", "])
def test_a_desk_s_credit_after_the_author_is_no_author(role: str, separator: str) -> None:
    assert _authors(f"By {A}{separator}{role} {C}") == ((A,), ((),))


@pytest.mark.parametrize("role", ROLES[:4])
def test_after_two_authors_and_a_photographer_only_the_authors_remain(role: str) -> None:
    assert _authors(f"By {A} and {B}; Photos by {C}; {role} Dana Holt") == ((A, B), ((), ()))
    assert _authors(f"By {A}; Illustrations by {B}; {role} {C}") == ((A,), ((),))


@pytest.mark.parametrize("label", LABELS)
def test_a_desk_s_label_after_the_author_s_is_no_author(label: str) -> None:
    assert _authors(f"Words: {A}. {label} {C}") == ((A,), ((),))


@pytest.mark.parametrize("role", [*ROLES, *LABELS])
def test_such_a_credit_alone_is_a_caption(role: str) -> None:
    assert credits_only_a_part(f"{role} {C}")


@pytest.mark.parametrize("line", [f"By {A} and Art Cullen", "By Art Cullen", f"Art Cullen, {A}"])
def test_a_given_name_spelt_as_a_role_stays_a_person(line: str) -> None:
    reading = read_byline(line)
    assert reading is not None and "Art Cullen" in reading.names
    assert not credited_for_a_part(line, "Art Cullen")


def test_on_a_page_the_story_s_author_is_credited_alone() -> None:
    page = (
        "<html><body><article><h1>Water board raises groundwater rates</h1>"
        f'<p class="byline">By {A} | Photography by {B} | Design by {C}</p>'
        "<p>The state water board voted on Tuesday to raise the rates that farms pay for groundwater.</p></article></body></html>"
    )
    (byline,) = story_bylines(parse_document(page, "html"))
    assert [name for name in byline.names if not credited_for_a_part(byline.text, name)] == [A]
