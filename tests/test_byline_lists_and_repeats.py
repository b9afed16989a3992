"""Bylines that list people with commas only ("By Jane Doe, John Roe"), bylines repeated on one
page (the byline and its copy in an author box or a sticky header), and a one-word byline that
the page's own markup marks as a person ("By <a href=/author/ziggy>Ziggy</a>")."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import check_html, load_packs
from compliance.document import parse_document
from compliance.document.byline_reading import dateline_places, read_byline
from compliance.packs import Pack

HEADLINE = "Council votes to widen the main road through town"
STORY = "The council voted on Tuesday to widen the main road after a long debate about safety, traffic and the cost to the town's budget."


def _page(top: str, bottom: str = "", outside: str = "") -> str:
    paragraphs = f"<p>{STORY}</p>" * 3
    return f"<html><head><title>t</title></head><body>{outside}<article><h1>{HEADLINE}</h1>{top}{paragraphs}{bottom}</article></body></html>"


# 1. "By A, B": a list of people without "and", and the affiliations it must not swallow.


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jane Doe, John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, John Roe, Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("By Jane Doe, John Roe & Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("By Jane Doe, John Roe and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("Von Jane Doe, John Roe und Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("Por Ana Ruiz, Luis Gómez", ("Ana Ruiz", "Luis Gómez")),
        ("By JANE DOE, JOHN ROE", ("JANE DOE", "JOHN ROE")),
        ("By Jane Doe, John Roe-Smith", ("Jane Doe", "John Roe-Smith")),
        # Short names of two words, East Asian ones among them: some are spelt as the gazetteer's
        # lower-case transliteration keys of a city's name ("bo li", "bei li", "an qing"), which
        # are no place a dateline gives.
        ("By Jake Smith, Bo Li", ("Jake Smith", "Bo Li")),
        ("By Jane Doe, Bei Li", ("Jane Doe", "Bei Li")),
        ("By Jane Doe, An Qing", ("Jane Doe", "An Qing")),
        ("By Jane Doe, Xi An", ("Jane Doe", "Xi An")),
        ("By Jane Doe, Yu Wang, Bo Li", ("Jane Doe", "Yu Wang", "Bo Li")),
        ("By Jane Doe, Li Wei", ("Jane Doe", "Li Wei")),
        ("By Jane Doe, Kim Ji-woo", ("Jane Doe", "Kim Ji-woo")),
        ("By Jane Doe, Al Ng", ("Jane Doe", "Al Ng")),
        ("By JAKE SMITH, AN QING", ("JAKE SMITH", "AN QING")),
    ],
)
def test_names_parted_by_commas_are_each_credited(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, "")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # A job title, an outlet, an institution or a place after the name: the name's, no person.
        ("By Jane Doe, Staff Writer", "Staff Writer"),
        ("By Jane Doe, Senior Fellow", "Senior Fellow"),
        ("By Jane Doe, ProPublica", "ProPublica"),
        ("By Jane Doe, Texas Tribune", "Texas Tribune"),
        ("By Jane Doe, The Conversation", "The Conversation"),
        ("Jane Doe, Associated Press", "Associated Press"),
        ("By Laura Benson, Roll Call", "Roll Call"),
        ("By Laura Benson, Austin American-Statesman", "Austin American-Statesman"),
        ("By Jane Doe, Pittsburgh Post-Gazette", "Pittsburgh Post-Gazette"),
        ("By Jane Doe, Kaiser Health", "Kaiser Health"),
        ("By Anika Foss, Karolinska Institutet", "Karolinska Institutet"),
        ("By Ana Ruiz, Sciences Po", "Sciences Po"),
        ("By Lena Moritz, Universität Wien", "Universität Wien"),
        ("By Jane Doe, New York", "New York"),
        ("By JANE DOE, NEW YORK", "NEW YORK"),
        ("By Jane Doe, Capitol Hill", "Capitol Hill"),
        ("By Jane Doe, Austin, Texas", "Austin, Texas"),
        # Places of two short words stay places: a large city by a written alternate name, a city,
        # a district of the gazetteer.
        ("By Jane Doe, Sao Paulo", "Sao Paulo"),
        ("By Jane Doe, Hong Kong", "Hong Kong"),
        ("By Jane Doe, Abu Dhabi", "Abu Dhabi"),
        ("By Jane Doe, Mong Kok", "Mong Kok"),
        ("By Jane Doe, Al Ain", "Al Ain"),
        # Written otherwise than the name before it: the outlet in Title Case after a name in capitals.
        ("By JANE DOE, Roll Call", "Roll Call"),
        # A dash parts a name from its credit, not from another person ("Raspberry Pi - Various
        # Usage" is a page's title and topic, as a CMS prints them). After a bar, a name of two or
        # three words is the next person: see test_byline_author_separators.py.
        ("By Jane Doe — John Roe", "John Roe"),
        ("Raspberry Pi - Various Usage", "Various Usage"),
    ],
)
def test_a_title_outlet_institution_or_place_after_the_name_is_no_second_person(text: str, credit: str) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (len(reading.names), reading.credit) == (1, credit)


def test_a_comma_list_of_people_without_an_opener_is_no_byline_as_one_with_and_is_none() -> None:
    # A paragraph of names alone is no byline without "By", whether "and" or a comma parts them.
    assert read_byline("Jane Doe, John Roe", require_prefix=True) is None
    assert read_byline("Jane Doe and John Roe", require_prefix=True) is None


PACK = """id: gz
name: G
publisher: G
terms_url: https://e.org
as_of: 2024-05-01
summary: s
rules:
  - id: gz/reporter
    severity: error
    message: 'credit {names}'
    help: h
    check: {original-byline: {}}
"""


@pytest.fixture
def reporter_pack(tmp_path: Path) -> Pack:
    pack = tmp_path / "gz.yaml"
    pack.write_text(PACK, encoding="utf-8")
    return next(p for p in load_packs(pack) if p.id == "gz")


@pytest.mark.parametrize(("byline", "first", "second"), [("By Jane Doe, John Roe", "Jane Doe", "John Roe"), ("By Jake Smith, Bo Li", "Jake Smith", "Bo Li")])
def test_the_second_of_a_comma_list_is_credited_as_a_reporter(reporter_pack: Pack, byline: str, first: str, second: str) -> None:
    # A short East Asian name ("Bo Li") second in the list is a person too.
    for reporter in (f"{first} and {second}", f"{first}, {second}"):
        report = check_html(_page(f'<p class="byline">{byline}</p>'), packs=[reporter_pack], meta={"reporter": reporter}, detect=False)
        assert [p.rule for p in report.passed] == ["gz/reporter"]
        assert report.findings == ()
    # The second alone is the reporter: credited, and the first is another person beside them.
    (finding,) = check_html(_page(f'<p class="byline">{byline}</p>'), packs=[reporter_pack], meta={"reporter": second}, detect=False).findings
    assert finding.detail is not None and finding.detail.endswith(f"({first}, credited too, is not the reporter)")


@pytest.mark.parametrize("second", ["Bo Li", "Tom Li", "An Qing"])
def test_propublica_names_both_people_of_a_comma_list_in_its_fix(second: str) -> None:
    # The fix must keep the co-author: "By Jane Doe, ProPublica" would delete them.
    credit = '<p>This story was originally published by <a href="https://www.propublica.org/article/x">ProPublica</a>.</p>'
    page = _page(credit + f'<p class="byline">By Jane Doe, {second}</p>')
    report = check_html(page, packs=["propublica"])
    [finding] = [f for f in report.findings if f.rule == "propublica/affiliation"]
    assert finding.message == f"The byline does not tie Jane Doe and {second} to ProPublica."


@pytest.mark.parametrize(
    ("part", "is_place"),
    [
        # GeoNames' lower-case transliteration keys of a large city's name are no dateline place.
        ("Bo Li", False),
        ("Bei Li", False),
        ("An Qing", False),
        # Written alternate names of large cities, and cities by their own names, still are.
        ("Sao Paulo", True),
        ("New York", True),
        ("Hong Kong", True),
        ("Abu Dhabi", True),
    ],
)
def test_only_written_alternate_names_of_cities_are_dateline_places(part: str, is_place: bool) -> None:
    assert (dateline_places(part) == {part}) is is_place


def test_an_outlet_after_the_name_is_still_no_reporter(reporter_pack: Pack) -> None:
    report = check_html(_page('<p class="byline">By Jane Doe, Roll Call</p>'), packs=[reporter_pack], meta={"reporter": "Roll Call"}, detect=False)
    assert [f.message for f in report.findings] == ["credit Roll Call"]
    assert "the republication has 'By Jane Doe, Roll Call'" in report.findings[0].detail


# 2. One person's byline repeated on the page is one byline.

BIO = '<div class="author-box"><p class="byline">By <a href="/author/jane-doe">Jane Doe</a></p><p>Jane Doe covers city hall.</p></div>'


@pytest.mark.parametrize(
    ("top", "bottom", "outside"),
    [
        # The byline and its copy in the author box at the end.
        ('<p class="byline">By <a href="/author/jane-doe">Jane Doe</a></p>', BIO, ""),
        # A sticky header repeating the byline above the article.
        ('<p class="byline">By Jane Doe</p>', "", '<div class="sticky-header"><span class="byline">By Jane Doe</span></div>'),
        # "By" line and a name element beside it, in other case.
        ('<div class="meta"><span class="byline">By Jane Doe</span> <span class="author-name">JANE DOE</span></div>', "", ""),
        # The same name spelt without its accents.
        ('<p class="byline">By José Díaz</p>', '<div class="author-box"><p class="byline">By Jose Diaz</p></div>', ""),
    ],
    ids=["author-box", "sticky-header", "name-beside", "accents"],
)
def test_a_repeated_byline_of_one_person_is_one_byline(top: str, bottom: str, outside: str) -> None:
    doc = parse_document(_page(top, bottom, outside), "html")
    assert len(doc.bylines) == 1


def test_the_reporter_rule_quotes_a_repeated_byline_once(reporter_pack: Pack) -> None:
    page = _page('<p class="byline">By <a href="/author/jane-doe">Jane Doe</a></p>', BIO)
    report = check_html(page, packs=[reporter_pack], meta={"reporter": "Ann Poe"}, detect=False)
    (finding,) = report.findings
    assert "the republication has 'By Jane Doe'" in finding.detail
    assert "'By Jane Doe'; 'By Jane Doe'" not in finding.detail


def _author_div(name: str) -> str:
    return f'<div class="byline"><span class="author">{name}</span></div>'


AFFILIATED_BIO = '<div class="author-box"><p class="byline">Jane Doe, Karolinska Institutet</p></div>'


@pytest.mark.parametrize(
    ("top", "bottom", "names"),
    [
        # Two people, each with a byline of their own: two bylines.
        ('<p class="byline">By Jane Doe</p><p class="byline">By John Roe</p>', "", [("Jane Doe",), ("John Roe",)]),
        # Two people whose names share a surname are two people.
        (_author_div("Jane Doe") + _author_div("Jane Roe"), "", [("Jane Doe",), ("Jane Roe",)]),
        # A repeat that adds the affiliation says more than the byline, and stays.
        ('<p class="byline">By Jane Doe</p>', AFFILIATED_BIO, [("Jane Doe",), ("Jane Doe",)]),
    ],
    ids=["two-people", "two-similar-names", "adds-affiliation"],
)
def test_bylines_that_credit_other_people_or_more_are_kept(top: str, bottom: str, names: list[tuple[str, ...]]) -> None:
    doc = parse_document(_page(top, bottom), "html")
    assert [b.names for b in doc.bylines] == names


CONVERSATION_CREDIT = "This article is republished from The Conversation under a Creative Commons license. Read the original article."


@pytest.mark.parametrize(
    ("box", "institution_found"),
    [
        # The author box spells the name with its accents and gives the institution.
        ('<div class="author-box"><p class="byline">José Díaz, Karolinska Institutet</p></div>', True),
        # No author box: the byline alone shows no institution.
        ("", False),
    ],
    ids=["box-with-institution", "no-box"],
)
def test_one_person_spelt_two_ways_has_the_institution_one_byline_gives(box: str, institution_found: bool) -> None:
    page = _page('<p class="byline">By JOSE DIAZ</p>', f"<p>{CONVERSATION_CREDIT}</p>{box}")
    report = check_html(page, packs=["the-conversation"])
    assert ("the-conversation/author-institution" in {p.rule for p in report.passed}) is institution_found
    assert ("the-conversation/author-institution" in {f.rule for f in report.findings}) is not institution_found


# 3. "By Ziggy": one word, an outlet unless the page marks it as a person.


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="author">By <a href="/author/ziggy">Ziggy</a></div>',
        '<p>By <a href="/people/ziggy">Ziggy</a></p>',
        '<p>By <a rel="author" href="/about">Ziggy</a></p>',
        '<div class="byline" itemprop="author" itemscope itemtype="https://schema.org/Person">By <span>Ziggy</span></div>',
    ],
    ids=["author-link", "people-link", "rel-author", "microdata-person"],
)
def test_a_one_word_byline_the_markup_marks_as_a_person_names_them(byline: str) -> None:
    doc = parse_document(_page(byline), "html")
    assert [(b.names, b.reading.problem) for b in doc.bylines] == [(("Ziggy",), None)]


@pytest.mark.parametrize(
    "byline",
    [
        # A byline class says where a byline is, not whom it names.
        '<p class="byline">By Ziggy</p>',
        # A link elsewhere than an author's page.
        '<div class="author">By <a href="/topics/ziggy">Ziggy</a></div>',
        # Microdata typing the author an organisation.
        '<div class="byline">By <span itemprop="author" itemscope itemtype="https://schema.org/Organization">Ziggy</span></div>',
        # Wire services and initials stay outlets, whatever links them.
        '<div class="author">By <a href="/author/reuters">Reuters</a></div>',
        '<div class="author">By <a href="/author/afp">AFP</a></div>',
        '<p>By <a rel="author" href="/author/propublica">ProPublica</a></p>',
    ],
    ids=["byline-class", "topic-link", "microdata-organisation", "reuters", "initials", "brand"],
)
def test_a_one_word_byline_the_markup_does_not_mark_as_a_person_stays_an_outlet(byline: str) -> None:
    doc = parse_document(_page(byline), "html")
    assert [(b.names, b.reading.problem) for b in doc.bylines] == [((), "outlet")]


def test_a_staff_credit_linked_to_an_author_page_stays_a_staff_credit() -> None:
    doc = parse_document(_page('<div class="author">By <a href="/author/staff">Staff</a></div>'), "html")
    assert [(b.names, b.reading.problem) for b in doc.bylines] == [((), "staff")]
