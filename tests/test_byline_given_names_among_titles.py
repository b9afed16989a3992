"""A person whose given name or surname is also a job title's head word is a person.

"By Dean Martin", "By Dean Baquet, University of Leeds" name a reporter called Dean, as "By Earl
Jones" names one called Earl: a title counts when it names its office or field after its head
word ("Dean of Students"), or is the title alone after a name ("Ines Harlow, Dean"). Judge,
Bishop, Marshal(l) and Rector are given names and surnames too."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import read_byline

NAMES = [
    "Dean Martin",
    "Dean Baquet",
    "Dean Koontz",
    "DEAN MARTIN",
    "Martin Dean",
    "Ines Dean",
    "Judge Reinhold",
    "Ines Judge",
    "Bishop Harlow",
    "Mateo Bishop",
    "Marshall Ruskin",
    "Ines Marshal",
    "Rector Harlow",
    "Earl Jones",
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("credit", ["", ", University of Leeds", ", Valley Watch", ", Daily Caller News Foundation"])
def test_the_name_is_read_as_a_person(name: str, credit: str) -> None:
    reading = read_byline(f"By {name}{credit}")
    assert reading is not None and reading.problem is None
    assert reading.names == (name,)


@pytest.mark.parametrize(
    "byline",
    [
        "By Ines Harlow, Dean of Students, University of Leeds",
        "By Ines Harlow, Dean, University of Leeds",
        "By Ines Harlow, Associate Dean, University of Leeds",
        "By Ines Harlow, Assistant Dean for Research, University of Leeds",
    ],
)
def test_the_title_after_a_name_stays_a_title(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == ("Ines Harlow",)
    assert reading.affiliations == (("University of Leeds",),)


@pytest.mark.parametrize("byline", ["By Associate Dean", "By Dean of Students", "By Law Dean"])
def test_a_title_alone_names_no_one(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and not reading.names


def test_a_dcnf_reporter_called_dean_is_credited() -> None:
    page = (
        "<html><body><article><h1>Senate passes the bill</h1>"
        '<img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo">'
        '<p class="byline">By Dean Martin, Daily Caller News Foundation</p>'
        "<p>The Senate passed the bill on Tuesday by a vote of 52 to 48.</p></article></body></html>"
    )
    report = check_html(page, packs=["dcnf"])
    assert not [f for f in report.findings if f.rule == "dcnf/byline"]
    assert [p for p in report.passed if p.rule == "dcnf/byline"]
