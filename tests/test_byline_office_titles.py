"""A job title led by its head word names no institution, whatever office or field follows it.

"Head of Coastal Partnerships", "Lecturer in Law", "PhD Candidate", "Programme Lead for Climate
Policy": after an author's name these are the author's job, as "Senior Commissioning Editor" is,
so The Conversation's byline still lacks the author's institution. A head word ("Head",
"Director", "Professor", "Lecturer", "Dean", "Reader", "Lead", a student's or researcher's noun
after a degree) followed by "of", "in" or "for" makes a title of any words after it, in any case.
An institution whose name looks like a title ("University of Leeds", "Institute of Development
Studies", "Head Start Association") is still an institution, and a title that says where ("Head
of Research at University of Leeds") gives that place; so does a line under the name that holds a
title and an institution. The byline's evidence quotes such a title as it quotes "Associate
Professor of Geology": a title with an object may say where."""

from __future__ import annotations

import re

import pytest

from compliance.api import check_html, check_text
from compliance.document.byline_reading import read_byline, title_and_institution
from compliance.findings import Report
from tests.conftest import ROOT

RULE = "the-conversation/author-institution"
PACKS = ["the-conversation"]

# Titles of each shape, with made-up offices and fields.
HEADED_TITLES = [
    "Head of Coastal Partnerships",
    "Head of Research",
    "Head of Audience Partnerships",
    "Deputy Head of Member Engagement",
    "Acting Head of Seabird Monitoring",
    "Director of Estuary Programmes",
    "Associate Director of Data Ethics",
    "Professor of Maritime History",
    "Regius Professor of Greek",
    "Assistant Professor in Soil Microbiology",
    "Lecturer in Food Science",
    "Senior Lecturer in Coastal Law",
    "Dean of Graduate Studies",
    "Reader in Urban Sociology",
    "Programme Lead for Climate Policy",
    "Research Fellow in Glacial Hydrology",
    "Chief of Staff",
    "Manager of Coastal Programs",
    "PhD Candidate",
    "PhD Candidate in Marine Biology",
    "PhD student in Estuarine Ecology",
    "Doctoral Researcher in Ornithology",
    "Doctoral candidate",
    "Ph.D. Candidate",
    "DPhil Student",
    "MSc Student in Remote Sensing",
    "Postgraduate Researcher",
    # Any case: lower case as a CMS may print it, capitals as a template may.
    "head of research",
    "HEAD OF COASTAL PARTNERSHIPS",
    "lecturer in food science",
    "PHD CANDIDATE",
]

# Institutions whose names hold a title's words, or open as a title does.
INSTITUTIONS = [
    "University of Leeds",
    "Institute of Development Studies",
    "Head Start Association",
    "London School of Hygiene and Tropical Medicine",
    "Royal College of Nursing",
    "Directors Guild of America",
    "Centre for Ecology and Hydrology",
]


@pytest.mark.parametrize("title", HEADED_TITLES)
def test_a_title_after_the_name_is_no_institution(title: str) -> None:
    reading = read_byline(f"By Priya Ashcombe, {title}")
    assert reading is not None
    assert reading.names == ("Priya Ashcombe",)
    assert reading.affiliations == ((),)


@pytest.mark.parametrize("title", HEADED_TITLES)
def test_a_title_before_the_institution_leaves_the_institution(title: str) -> None:
    reading = read_byline(f"By Priya Ashcombe, {title}, Northern Plains University")
    assert reading is not None
    assert reading.names == ("Priya Ashcombe",)
    assert reading.affiliations == (("Northern Plains University",),)


@pytest.mark.parametrize("institution", INSTITUTIONS)
def test_an_institution_that_looks_like_a_title_is_still_one(institution: str) -> None:
    reading = read_byline(f"By Priya Ashcombe, {institution}")
    assert reading is not None
    assert reading.affiliations == ((institution,),)


@pytest.mark.parametrize(
    ("title", "institution"),
    [
        ("Head of Research at University of Leeds", "University of Leeds"),
        ("Lecturer in Law at Northern Plains University", "Northern Plains University"),
        ("PhD Candidate at Karolinska Institutet", "Karolinska Institutet"),
    ],
)
def test_a_title_that_says_where_gives_that_institution(title: str, institution: str) -> None:
    reading = read_byline(f"By Priya Ashcombe, {title}")
    assert reading is not None and reading.affiliations == ((institution,),)


def _finding(report: Report) -> str | None:
    for finding in report.findings:
        if finding.rule == RULE:
            return finding.message
    assert RULE in {p.rule for p in report.passed}, report.findings
    return None


_STORY = (
    "<p>Seabird colonies along the coast have shifted north by tens of kilometres over thirty years.</p>"
    "<p>We mapped nesting sites from old survey records to measure the change.</p>"
    '<p>This article is republished from <a href="https://theconversation.com/seabirds-220001">The Conversation</a>'
    ' under a Creative Commons license. Read the <a href="https://theconversation.com/seabirds-220001">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/220001/count.gif" alt="The Conversation" width="1" height="1">'
)


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline">By Priya Ashcombe, Head of Coastal Partnerships</p>',
        '<p class="byline">By Priya Ashcombe, Reader in Urban Sociology</p>',
        '<p class="byline">By Priya Ashcombe, PhD Candidate</p>',
        "<ul><li><strong>Written by Harriet Quill, Head of Audience Partnerships, The Conversation</strong></li></ul>",
    ],
)
def test_a_conversation_byline_with_a_title_alone_lacks_the_institution(byline: str) -> None:
    page = f"<html><body><article><h1>Seabird colonies are moving north</h1>{byline}{_STORY}</article></body></html>"
    found = _finding(check_html(page, packs=PACKS))
    assert found is not None and found.endswith("but not their institution.")


def test_a_conversation_byline_with_a_title_and_institution_passes() -> None:
    page = (
        "<html><body><article><h1>Seabird colonies are moving north</h1>"
        '<p class="byline">By Priya Ashcombe, Head of Coastal Partnerships, Northern Plains University</p>'
        f"{_STORY}</article></body></html>"
    )
    assert _finding(check_html(page, packs=PACKS)) is None


def test_a_plain_text_list_byline_with_a_title_alone_lacks_the_institution() -> None:
    text = (
        "Seabird colonies are moving north\n\n"
        "- Written by Harriet Quill, Head of Audience Partnerships, The Conversation\n\n"
        "Seabird colonies along the coast have shifted north by tens of kilometres over thirty years.\n\n"
        "This article is republished from The Conversation (https://theconversation.com/seabirds-220001)"
        " under a Creative Commons license.\n"
    )
    assert _finding(check_text(text, packs=PACKS)) == "The byline credits Harriet Quill but not their institution."


@pytest.mark.parametrize(
    ("line", "institution"),
    [
        ("Head of Research, Northern Plains University", "Northern Plains University"),
        ("Deputy Head of Coastal Partnerships, Karolinska Institutet", "Karolinska Institutet"),
        ("Reader in Urban Sociology, University of Leeds", "University of Leeds"),
    ],
)
def test_a_title_and_institution_line_under_the_name_gives_the_institution(line: str, institution: str) -> None:
    reading = title_and_institution("Priya Ashcombe", line)
    assert reading is not None and reading.affiliations == ((institution,),)


@pytest.mark.parametrize("line", ["Head of Research", "Reader in Urban Sociology", "PhD Candidate"])
def test_a_title_line_alone_under_the_name_gives_none(line: str) -> None:
    assert title_and_institution("Priya Ashcombe", line) is None


def test_the_documented_titles_name_no_institution() -> None:
    doc = " ".join((ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8").split())
    listed = doc.split("after its head word, in any case and whatever the office (", 1)[1].split(")", 1)[0]
    titles = re.findall(r'"([^"]+)"', listed)
    assert len(titles) >= 5
    for title in titles:
        reading = read_byline(f"By Priya Ashcombe, {title}")
        assert reading is not None and reading.affiliations == ((),), title


# A title's head word after its field or rank: a title, naming no person and no institution.
FIELD_LED_TITLES = ["Medical Dean", "Deputy Head", "Clinical Lead", "Public Editor", "Research Lead", "Nursing Director", "Academic Lead", "Associate Dean"]


@pytest.mark.parametrize("title", FIELD_LED_TITLES)
def test_a_title_led_by_its_field_names_no_person_and_no_institution(title: str) -> None:
    reading = read_byline(f"By Ines Harlow, {title}")
    assert reading is not None
    assert reading.names == ("Ines Harlow",)
    assert reading.affiliations == ((),)


@pytest.mark.parametrize("title", FIELD_LED_TITLES[:4])
def test_a_title_led_by_its_field_leaves_the_institution_after_it(title: str) -> None:
    reading = read_byline(f"By Ines Harlow, {title}, Northern Plains University")
    assert reading is not None and reading.affiliations == (("Northern Plains University",),)


@pytest.mark.parametrize("title", ["Medical Dean", "Clinical Lead", "Deputy Head"])
def test_a_conversation_byline_with_a_field_led_title_alone_lacks_the_institution(title: str) -> None:
    page = f'<html><body><article><h1>Seabird colonies are moving north</h1><p class="byline">By Ines Harlow, {title}</p>{_STORY}</article></body></html>'
    found = _finding(check_html(page, packs=PACKS))
    assert found is not None and found.endswith("credits Ines Harlow but not their institution."), found


# People whose given name or surname is an office's word: each is a person, and the institution
# after them is theirs. (byline, names, institution)
PEOPLE_WITH_OFFICE_WORDS = [
    ("By Jonathan Head, BBC News", ("Jonathan Head",), "BBC News"),
    ("By Tom Dean, University of Leeds", ("Tom Dean",), "University of Leeds"),
    ("By Sarah Reader", ("Sarah Reader",), ""),
    ("By Chris Reader, University of Leeds", ("Chris Reader",), "University of Leeds"),
    ("By Anna Lead and Tom Dean, University of Leeds", ("Anna Lead", "Tom Dean"), "University of Leeds"),
    ("By Martin Provost", ("Martin Provost",), ""),
]


@pytest.mark.parametrize(("byline", "names", "institution"), PEOPLE_WITH_OFFICE_WORDS)
def test_a_person_named_with_an_office_word_is_a_person(byline: str, names: tuple[str, ...], institution: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.problem is None
    assert reading.names == names
    assert reading.institutions[0] == institution


@pytest.mark.parametrize("byline", ["By Lead Reporter", "By Head of Research", "By Lead Editor, BBC News"])
def test_a_title_right_after_the_opener_is_still_no_name(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == ()


def test_the_documented_field_led_titles_and_people_read_as_documented() -> None:
    doc = " ".join((ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8").split())
    titles = re.findall(r'"([^"]+)"', doc.split("(titles led by their field: ", 1)[1].split(")", 1)[0])
    people = re.findall(r'"([^"]+)"', doc.split("(people named with office words: ", 1)[1].split(")", 1)[0])
    assert len(titles) >= 3 and len(people) >= 3
    for title in titles:
        reading = read_byline(f"By Ines Harlow, {title}")
        assert reading is not None and reading.names == ("Ines Harlow",) and reading.affiliations == ((),), title
    for person in people:
        reading = read_byline(f"By {person}")
        assert reading is not None and reading.names == (person,), person
