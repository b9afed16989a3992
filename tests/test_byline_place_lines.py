"""A line under a byline that is a place: a dateline by its form, in capitals ("WASHINGTON",
"ROSE HILL"), with its region after a comma ("Rose Hill, Va.") or before a dash ("Rose Hill —"),
or a name alone that the gazetteer has as a town or district ("Beverly Hills", "Palm Beach",
"Rose Hill", "New York"), is no author. A second author on a line of their own comes with a
joiner ("and Rose Hill", "& Rose Hill", "und", "y") or in name markup of their own (`rel=author`,
`.author`, `itemprop=author`), and is named then even where a town shares the name; a person's
name no table has as a place ("Maria Chen") is a second author on a bare line as before. A place
after a comma on the byline's own line is the dateline's, as before."""

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


# Towns and districts of the gazetteer's table of cities, of any size, some of them shared with
# a person's name ("Rose Hill", "Beverly Hills"), others not ("Palm Beach", "Key West").
TOWNS = [
    "Beverly Hills",
    "Palm Beach",
    "Palm Springs",
    "Key West",
    "Chapel Hill",
    "Shaker Heights",
    "Rose Hill",
    "Morgan Hill",
    "Carol Stream",
    "Holly Springs",
]
# People's names no table has as a place.
PEOPLE = ["Maria Chen", "Ben Cole", "Grace Lee", "Jordan Hill", "Sarah Palm"]


@pytest.mark.parametrize("parse", SOURCES)
@pytest.mark.parametrize("town", TOWNS)
def test_a_town_alone_on_the_line_under_the_byline_is_no_author(parse: object, town: str) -> None:
    assert callable(parse)
    assert _names(parse(["By Jane Doe", town])) == [("Jane Doe",)]


@pytest.mark.parametrize("parse", SOURCES)
@pytest.mark.parametrize("name", PEOPLE)
def test_a_name_alone_on_the_line_under_the_byline_is_a_second_author(parse: object, name: str) -> None:
    assert callable(parse)
    assert _names(parse(["By Jane Doe", name])) == [("Jane Doe", name)]


@pytest.mark.parametrize("parse", SOURCES)
def test_a_town_after_a_second_author_is_no_third(parse: object) -> None:
    assert callable(parse)
    assert _names(parse(["By Jane Doe", "Maria Chen", "Beverly Hills"])) == [("Jane Doe", "Maria Chen")]


def _page(byline: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return f"<html><body><article><h1>{HEADLINE}</h1>{byline}{story}</article></body></html>"


# Name markup of its own around the line under the byline: the page says it is an author's name.
MARKED = [
    pytest.param('<p class="byline">By <a rel="author" href="/a/1">Jane Doe</a><br><a rel="author" href="/a/2">{}</a></p>', id="rel-author"),
    pytest.param('<p class="byline">By <a href="/author/jane-doe">Jane Doe</a><br><a href="/author/other">{}</a></p>', id="author-page-link"),
    pytest.param('<div class="byline"><span class="author">Jane Doe</span><br><span class="author">{}</span></div>', id="author-class"),
    pytest.param('<div class="byline"><p class="author">By Jane Doe</p><p class="author">{}</p></div>', id="author-blocks"),
    pytest.param(
        '<div class="byline">By <span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span><br>'
        '<span itemprop="author" itemscope><span itemprop="name">{}</span></span></div>',
        id="itemprop-author",
    ),
]


@pytest.mark.parametrize("markup", MARKED)
@pytest.mark.parametrize("name", ["Rose Hill", "Beverly Hills", "Maria Chen"])
def test_a_name_the_page_marks_as_an_author_is_one_though_a_town_shares_it(markup: str, name: str) -> None:
    assert _names(parse_document(_page(markup.format(name)), "html")) == [("Jane Doe", name)]


@pytest.mark.parametrize("markup", MARKED)
def test_a_large_city_is_no_author_in_name_markup_either(markup: str) -> None:
    # As on the byline's own line ("By Jane Doe; New York"): a place a dateline gives alone.
    assert _names(parse_document(_page(markup.format("New York")), "html")) == [("Jane Doe",)]


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe and<br>{}",
        "By Jane Doe &amp;<br>{}",
        "By Jane Doe<br>&amp; {}",
        "Von Jane Doe<br>und {}",
        "Por Jane Doe<br>y {}",
        "Par Jane Doe<br>et {}",
    ],
)
@pytest.mark.parametrize("name", ["Rose Hill", "Beverly Hills"])
def test_a_joiner_makes_the_town_s_name_a_second_author(byline: str, name: str) -> None:
    html = _page(f'<p class="byline">{byline.format(name)}</p>')
    assert _names(parse_document(html, "html")) == [("Jane Doe", name)]


def test_a_comma_ending_the_line_reads_as_on_one_line() -> None:
    # "By Jane Doe, Beverly Hills" on one line is a name and where it was filed; so over two.
    assert _names(parse_document(_page('<p class="byline">By Jane Doe,<br>Beverly Hills</p>'), "html")) == [("Jane Doe",)]
    assert _names(parse_document(_page('<p class="byline">By Jane Doe,<br>Maria Chen</p>'), "html")) == [("Jane Doe", "Maria Chen")]


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
    assert read_listed_lines(["By Jane Doe", "Rose Hill"]) is None
    reading = read_listed_lines(["By Jane Doe", "Rose Hill"], marked={"Rose Hill"})
    assert reading is not None and reading.names == ("Jane Doe", "Rose Hill")
    reading = read_listed_lines(["By Jane Doe", "and Rose Hill"])
    assert reading is not None and reading.names == ("Jane Doe", "Rose Hill")
