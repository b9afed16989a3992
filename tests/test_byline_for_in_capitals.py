"""A byline set in capitals writes its "for" in capitals too ("By JAMES GORDON FOR DAILYMAIL.COM",
as tabloids and agencies set every byline): the person is named and the outlet after "FOR" is the
credit, as "By James Gordon for Dailymail.com" reads; a staff credit in capitals stays a staff
credit."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By JAMES GORDON FOR DAILYMAIL.COM", ("JAMES GORDON",), "DAILYMAIL.COM"),
        ("By JAMES GORDON FOR MAILONLINE", ("JAMES GORDON",), "MAILONLINE"),
        ("By JAMES GORDON AND ANNA SMITH FOR DAILYMAIL.COM", ("JAMES GORDON", "ANNA SMITH"), "DAILYMAIL.COM"),
        ("BY ANA RUIZ OF THE TEXAS TRIBUNE", ("ANA RUIZ",), "THE TEXAS TRIBUNE"),
        # The same byline in ordinary case read as before.
        ("By James Gordon for Dailymail.com", ("James Gordon",), "Dailymail.com"),
    ],
)
def test_for_in_capitals_parts_the_name_from_the_outlet(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize("byline", ["BY STAFF FOR THE COURIER", "BY DAILY MAIL REPORTER FOR MAILONLINE"])
def test_a_staff_credit_in_capitals_still_names_no_one(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert reading.names == ()


def test_a_tabloid_byline_in_capitals_names_its_reporter_on_the_page() -> None:
    page = (
        "<html><body><article><h1>Shoppers stunned as supermarket slashes prices</h1>"
        '<p class="author-section byline-plain">By <a href="/profile/index.html?profile=james-gordon" class="author" rel="nofollow">'
        "JAMES GORDON FOR DAILYMAIL.COM</a></p>"
        "<p>The chain said on Tuesday that it would cut the price of more than a thousand everyday items by an average of ten percent.</p>"
        "</article></body></html>"
    )
    assert [b.names for b in parse_document(page, "html").bylines] == [("JAMES GORDON",)]
