"""An embargo notice dated by its month alone ("until January 2027", "until Jan. 2027") is read as
the month's first day, when the license starts: the notice holds to the day before, and the
message says how the date was read. A month with other words around it, or a year or season
alone, is not guessed at: the notice stays in force."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from compliance.checks.until import read_date
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs


def page(notice: str) -> bytes:
    return (
        "<html><body><article><h1>Inspectors Signed Off on Welds They Never Saw</h1>"
        '<p class="byline">By Hollis Brandt, ProPublica</p>'
        f"<p><em>{notice}</em></p>"
        '<p><em>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</em></p>'
        "<p>On the morning of March 14, an inspector signed off on 41 welds along a new gas line.</p>"
        '<script src="https://pixel.propublica.org/pixel.js" async></script></article></body></html>'
    ).encode()


def embargo(notice: str, today: datetime.date) -> tuple[list[Any], list[str]]:
    """The embargo's findings and, when it passes, what its pass says."""
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    report = check_document(parse_document(page(notice), "html"), packs, path="p.html", auto_detect=False, today=today)
    return [f for f in report.findings if f.rule == "propublica/embargo"], [p.evidence for p in report.passed if p.rule == "propublica/embargo"]


LICENSE = "This article is not subject to ProPublica's Creative Commons license until {date}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("until January 2027.", ("January 2027", datetime.date(2026, 12, 31))),
        ("until Jan. 2027", ("Jan. 2027", datetime.date(2026, 12, 31))),
        ("until Sept. 2027, this article", ("Sept. 2027", datetime.date(2027, 8, 31))),
        ("Until March, 2028", ("March, 2028", datetime.date(2028, 2, 29))),
        ("until may 2027", ("may 2027", datetime.date(2027, 4, 30))),
        # A full date is read as one, whatever follows.
        ("until 15 May 2027", ("15 May 2027", datetime.date(2027, 5, 15))),
        ("until Jan. 20, 2027", ("Jan. 20, 2027", datetime.date(2027, 1, 20))),
        # Other words around the month, a season, a year alone or no year: not guessed at.
        ("until the end of January 2027", None),
        ("until mid-January 2027", None),
        ("until late Jan. 2027", None),
        ("until early 2027", None),
        ("until spring 2027", None),
        ("until 2027", None),
        ("until January", None),
        ("until Januaryy 2027", None),
        ("until January 20270", None),
    ],
)
def test_a_month_and_year_right_after_until_is_read_as_its_first_day(text: str, expected: tuple[str, datetime.date] | None) -> None:
    assert read_date(text) == expected


def test_a_month_only_embargo_holds_to_the_month_s_eve_and_says_how_it_was_read() -> None:
    notice = LICENSE.format(date="Jan. 2027")
    (finding,) = embargo(notice, datetime.date(2026, 12, 31))[0]
    assert finding.severity.name == "ERROR"
    assert (
        "it may not be republished before Jan. 2027, read as from the month's first day (the license starts when the month starts),"
        " so not before 2027-01-01 (today is 2026-12-31)"
    ) in finding.message
    findings, passes = embargo(notice, datetime.date(2027, 1, 1))
    assert findings == []
    assert passes == ["ProPublica's embargo notice ended when Jan. 2027 began, on 2027-01-01 (today is 2027-01-01)"]


def test_the_date_first_form_reads_a_month_too() -> None:
    notice = "Until February 2027, this article is not subject to ProPublica's Creative Commons license."
    (finding,) = embargo(notice, datetime.date(2027, 1, 31))[0]
    assert "so not before 2027-02-01" in finding.message
    assert embargo(notice, datetime.date(2027, 2, 1))[0] == []


@pytest.mark.parametrize("date", ["the end of January 2020", "early 2020", "2020"])
def test_an_ambiguous_month_stays_in_force_even_years_later(date: str) -> None:
    (finding,) = embargo(LICENSE.format(date=date), datetime.date(2026, 12, 5))[0]
    assert "its date could not be read" in finding.message
