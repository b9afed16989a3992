"""Every person of a byline that gives each one a place or an outlet of their own is credited: "By
Ann Lee in London and Bob Kim in Singapore" names Ann Lee and Bob Kim (the places are the credit),
as "By Ann Lee and Bob Kim" does. Words after the first person's "in" or "for" that name a place,
an outlet or a body ("in Washington and New York", "for Texas Tribune and Houston Chronicle", "of
Procter and Gamble") name nobody more."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By Ann Lee in London and Bob Kim in Singapore", ("Ann Lee", "Bob Kim"), "London, Singapore"),
        ("By Ann Lee in London & Bob Kim in Singapore", ("Ann Lee", "Bob Kim"), "London, Singapore"),
        ("BY ANN LEE IN LONDON AND BOB KIM IN SINGAPORE", ("ANN LEE", "BOB KIM"), "LONDON, SINGAPORE"),
        ("By Ann Lee for Reuters and Bob Kim for AP", ("Ann Lee", "Bob Kim"), "Reuters, AP"),
        ("By Ann Lee in London and Bob Kim", ("Ann Lee", "Bob Kim"), "London"),
        ("By Ann Lee in London, Bob Kim in Singapore and Carla Diaz in Paris", ("Ann Lee", "Bob Kim", "Carla Diaz"), "London, Singapore, Paris"),
        ("By Ann Lee in Washington, D.C., and Bob Kim in New York", ("Ann Lee", "Bob Kim"), "Washington, D.C., New York"),
        ("By Ann Lee in Hong Kong and Kim Lee in Seoul, Reuters", ("Ann Lee", "Kim Lee"), "Hong Kong, Seoul, Reuters"),
        # Lists without places, as before.
        ("By Ann Lee and Bob Kim", ("Ann Lee", "Bob Kim"), ""),
        ("By Ann Lee, Bob Kim and Carla Diaz", ("Ann Lee", "Bob Kim", "Carla Diaz"), ""),
        ("By Ann Lee and Bob Kim in Singapore", ("Ann Lee", "Bob Kim"), "Singapore"),
    ],
)
def test_each_person_with_a_place_or_an_outlet_is_credited(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.problem is None
    assert reading.names == names
    assert reading.credit == credit


@pytest.mark.parametrize(
    ("byline", "credit"),
    [
        ("By Ann Lee in Washington and New York", "Washington and New York"),
        ("By Ann Lee for Texas Tribune and Houston Chronicle", "Texas Tribune and Houston Chronicle"),
        ("By Ann Lee of Procter and Gamble", "Procter and Gamble"),
        ("By Ann Lee for CalMatters and Mother Jones", "CalMatters and Mother Jones"),
        ("By Ann Lee of the Department of Health and Human Services", "the Department of Health and Human Services"),
        ("By Ann Lee in London, Reuters", "London, Reuters"),
        # A name after a comma, with no place of its own, stays in the credit as before.
        ("By Ann Lee for The Texas Tribune, Bob Kim", "The Texas Tribune, Bob Kim"),
    ],
)
def test_places_outlets_and_bodies_after_the_first_person_name_nobody_more(byline: str, credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == ("Ann Lee",)
    assert reading.credit == credit


def test_the_rules_name_both_people() -> None:
    page = (
        "<html><body><article><h1>Senate passes the bill</h1>"
        '<p class="byline">By Ann Lee in London and Bob Kim in Singapore</p>'
        "<p>The Senate passed the bill on Tuesday by a vote of 52 to 48 after a long debate over rural hospital funding.</p>"
        "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge.</p>"
        "</article></body></html>"
    )
    report = check_html(page, packs=["dcnf"])
    (affiliation,) = [finding for finding in report.findings if finding.rule == "dcnf/affiliation"]
    assert affiliation.message == "The byline does not tie Ann Lee and Bob Kim to the Daily Caller News Foundation."


@pytest.mark.parametrize(
    ("byline", "affiliations"),
    [
        ("By Ann Lee in London and Bob Kim in Singapore", (("London",), ("Singapore",))),
        ("By Ann Lee in Boston and Bob Kim in Dallas", (("Boston",), ("Dallas",))),
        ("By Ann Lee in London and Bob Kim for Reuters", (("London",), ("Reuters",))),
        ("By Ann Lee for Reuters and Bob Kim", (("Reuters",), ())),
        # A credit after the last of a list is every one's, as before.
        ("By Ann Lee and Bob Kim for Reuters", (("Reuters",), ("Reuters",))),
        ("By Ann Lee and Bob Kim, Reuters", (("Reuters",), ("Reuters",))),
    ],
)
def test_each_person_has_their_own_place_or_outlet(byline: str, affiliations: tuple[tuple[str, ...], ...]) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert reading.affiliations == affiliations


def _dcnf_page_with_logo_above(byline: str) -> str:
    return (
        "<html><body><article><h1>Senate passes the bill</h1>"
        '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'
        f'<p class="byline">{byline}</p>'
        "<p>The Senate passed the bill on Tuesday by a vote of 52 to 48 after a long debate over rural hospital funding.</p>"
        "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge.</p>"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    "byline",
    ["By Ann Lee in London and Bob Kim in Singapore", "By Ann Lee in Boston and Bob Kim in Dallas", "By Ann Lee and Bob Kim"],
)
def test_places_are_no_affiliation_so_the_logo_beside_the_byline_gives_it(byline: str) -> None:
    report = check_html(_dcnf_page_with_logo_above(byline), packs=["dcnf"])
    assert [finding.rule for finding in report.findings] == []
    assert "dcnf/affiliation" in [passed.rule for passed in report.passed]


def test_an_outlet_of_the_second_person_still_ties_them_elsewhere() -> None:
    report = check_html(_dcnf_page_with_logo_above("By Ann Lee in London and Bob Kim for Reuters"), packs=["dcnf"])
    (affiliation,) = [finding for finding in report.findings if finding.rule == "dcnf/affiliation"]
    assert affiliation.message == "The byline does not tie Ann Lee and Bob Kim to the Daily Caller News Foundation."
    assert affiliation.detail == "byline 'By Ann Lee in London and Bob Kim for Reuters' ties its reporter to Reuters, not the DCNF affiliation"
