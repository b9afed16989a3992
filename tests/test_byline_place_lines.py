"""A line under a byline that a town shares with a person ("Rose Hill", "Morgan Hill", "Carol
Stream") is told from a dateline by the dateline's form, not by the gazetteer alone: a dateline's
place is in capitals ("WASHINGTON", "ROSE HILL"), has its region after a comma ("Rose Hill, Va.")
or ends in a dash ("Rose Hill —"). A name-shaped line without such a form is one more author, as
"Maria Chen" is; a place a dateline gives alone ("New York", a large city) stays a place, and so
does any place after a comma on the byline's own line ("By Jane Doe, Rose Hill"). A second author
on the next line that opens with "and" is named in plain text as in HTML."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import is_dateline_line, read_listed_lines

HEADLINE = "Regulators approve the biggest electricity rate increase in a decade"
STORY = [
    "State lawmakers will weigh new rules on Tuesday after regulators approved a plan to raise rates by 6% over two years.",
    "Consumer groups said they would share their objections with the commission before the rules take effect.",
]


def _html(lines: list[str], *, blocks: bool = False) -> str:
    byline = "".join(f"<p>{line}</p>" for line in lines) if blocks else "<br>".join(lines)
    tag = "div" if blocks else "p"
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return f'<html><body><article><h1>{HEADLINE}</h1><{tag} class="byline">{byline}</{tag}>{story}</article></body></html>'


def _text(lines: list[str]) -> str:
    return "\n\n".join([HEADLINE, "\n".join(lines), *STORY])


def _markdown(lines: list[str]) -> str:
    return "\n\n".join([f"# {HEADLINE}", "  \n".join(lines), *STORY])


SOURCES = [
    pytest.param(lambda lines: parse_document(_html(lines), "html"), id="html-br"),
    pytest.param(lambda lines: parse_document(_html(lines, blocks=True), "html"), id="html-blocks"),
    pytest.param(lambda lines: parse_document(_text(lines), "text"), id="text"),
    pytest.param(lambda lines: parse_document(_markdown(lines), "markdown"), id="markdown"),
]


def _names(document: object) -> list[tuple[str, ...]]:
    return [byline.names for byline in document.bylines]  # type: ignore[attr-defined]


@pytest.mark.parametrize("parse", SOURCES)
@pytest.mark.parametrize("name", ["Rose Hill", "Morgan Hill", "Carol Stream", "Holly Springs", "Maria Chen"])
def test_a_name_a_small_town_shares_on_its_own_line_is_a_second_author(parse: object, name: str) -> None:
    assert callable(parse)
    assert _names(parse(["By Jane Doe", name])) == [("Jane Doe", name)]


@pytest.mark.parametrize("parse", SOURCES)
@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON —",
        "WASHINGTON",
        "ROSE HILL",
        "Rose Hill —",
        "Rose Hill --",
        "Rose Hill, Va.",
        "Morgan Hill, Calif.",
        "Rose Hill, Mauritius",
        "Springfield, Ill. —",
        "New York",
        "San Francisco",
    ],
)
def test_a_dateline_under_the_byline_is_no_author(parse: object, line: str) -> None:
    assert callable(parse)
    assert _names(parse(["By Jane Doe", line])) == [("Jane Doe",)]


@pytest.mark.parametrize("parse", SOURCES)
@pytest.mark.parametrize("name", ["Rose Hill", "Maria Chen"])
def test_and_on_the_next_line_names_a_second_author(parse: object, name: str) -> None:
    assert callable(parse)
    assert _names(parse(["By Jane Doe", f"and {name}"])) == [("Jane Doe", name)]


def test_a_dateline_before_the_story_on_the_next_line_is_no_author() -> None:
    text = "\n\n".join([HEADLINE, "By Jane Doe\nWASHINGTON — State officials said on Tuesday that the plan would go ahead.", *STORY])
    assert _names(parse_document(text, "text")) == [("Jane Doe",)]


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        # After a comma on the byline's own line, a place is the dateline's, as before.
        ("By Jane Doe, Rose Hill", ("Jane Doe",), "Rose Hill"),
        ("By Jane Doe, New York", ("Jane Doe",), "New York"),
        # Near-misses: an author and an institution or an outlet on the next line.
        ("By Jane Doe<br>Maria Chen, Mayo Clinic", ("Jane Doe", "Maria Chen"), "Mayo Clinic"),
        ("By Jane Doe, Mayo Clinic<br>Maria Chen, Yale University", ("Jane Doe", "Maria Chen"), "Mayo Clinic, Yale University"),
        ("By Jane Doe<br>Maria Chen, Rose Hill", ("Jane Doe", "Maria Chen"), "Rose Hill"),
    ],
)
def test_bylines_around_the_place_line_read_as_before(byline: str, names: tuple[str, ...], credit: str) -> None:
    (read,) = parse_document(_html([byline]), "html").bylines
    assert (read.names, read.reading.credit) == (names, credit)


def test_an_unprefixed_name_and_outlet_line_in_text_is_still_a_byline() -> None:
    assert _names(parse_document(_text(["Laura Benson, NPR"]), "text")) == [("Laura Benson",)]


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("WASHINGTON —", True),
        ("NEW YORK", True),
        ("Rose Hill —", True),
        ("Rose Hill, Va.", True),
        ("Rose Hill", False),  # no dateline's form
        ("New York", False),  # no form: the reading tells it by the gazetteer
        ("Maria Chen —", False),
        ("Laura Benson, NPR", False),  # "NPR" would be a state only in the wire style's "any town"
        ("By Jane Doe, Rose Hill", False),  # an opener: a byline
    ],
)
def test_is_dateline_line(line: str, dateline: bool) -> None:
    assert is_dateline_line(line) is dateline


def test_read_listed_lines_drops_the_dateline_line() -> None:
    assert read_listed_lines(["By Jane Doe", "Rose Hill, Va."]) is None
    reading = read_listed_lines(["By Jane Doe", "Rose Hill"])
    assert reading is not None and reading.names == ("Jane Doe", "Rose Hill")
