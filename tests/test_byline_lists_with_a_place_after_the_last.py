"""A list of three or more people closed by "and" with the last one's place or outlet after it
("By Ann Smith, Raj Patel and Li Wei in Rome", "By A, B, C and D for Reuters") credits every one
of them, as "By Ann Smith and Raj Patel in Rome" and "By A, B and C, Reuters" do; the place or
the outlet is the credit. Words before the "in" or "for" that are not only people ("Dean and
Professor of Law", "Procter and Gamble", "Texas Tribune and Houston Chronicle") name nobody more."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By Ann Smith, Raj Patel and Li Wei in Rome", ("Ann Smith", "Raj Patel", "Li Wei"), "Rome"),
        ("By Ann Smith, Raj Patel & Li Wei in Rome", ("Ann Smith", "Raj Patel", "Li Wei"), "Rome"),
        ("BY ANN SMITH, RAJ PATEL AND LI WEI IN ROME", ("ANN SMITH", "RAJ PATEL", "LI WEI"), "ROME"),
        ("By Ann Smith, Raj Patel, Li Wei and Bo Kim in New York", ("Ann Smith", "Raj Patel", "Li Wei", "Bo Kim"), "New York"),
        ("By Ann Smith, Raj Patel and Li Wei in Washington, D.C.", ("Ann Smith", "Raj Patel", "Li Wei"), "Washington, D.C"),
        ("By Ann Smith, Raj Patel and Li Wei for Reuters", ("Ann Smith", "Raj Patel", "Li Wei"), "Reuters"),
        ("By Ann Smith, Raj Patel and Li Wei of The Texas Tribune", ("Ann Smith", "Raj Patel", "Li Wei"), "The Texas Tribune"),
        ("Ann Smith, Raj Patel and Li Wei in Rome", ("Ann Smith", "Raj Patel", "Li Wei"), "Rome"),
        # Later people with places of their own, after the list's place.
        ("By Ann Lee, Bob Kim and Carla Diaz in London and Dan Wu in Paris", ("Ann Lee", "Bob Kim", "Carla Diaz", "Dan Wu"), "London, Paris"),
        # The wire's form, an outlet after a comma, as before.
        ("By Ann Smith, Raj Patel and Li Wei, Reuters", ("Ann Smith", "Raj Patel", "Li Wei"), "Reuters"),
        ("By Ann Smith, Raj Patel and Li Wei", ("Ann Smith", "Raj Patel", "Li Wei"), ""),
        ("By Ann Smith and Raj Patel in Rome", ("Ann Smith", "Raj Patel"), "Rome"),
    ],
)
def test_every_person_of_the_list_is_credited(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.problem is None
    assert reading.names == names
    assert reading.credit == credit


@pytest.mark.parametrize(
    ("byline", "credit"),
    [
        ("By Ann Lee, Dean and Professor of Law", "Dean and Professor of Law"),
        ("By Ann Lee, Reporter and Editor in Rome", "Reporter and Editor in Rome"),
        ("By Ann Lee, Health and Science Reporter for Reuters", "Health and Science Reporter for Reuters"),
        ("By Ann Lee, Procter and Gamble in Cincinnati", "Procter and Gamble in Cincinnati"),
        ("By Ann Lee, Texas Tribune and Houston Chronicle in Austin", "Texas Tribune and Houston Chronicle in Austin"),
        ("By Ann Lee, Washington and Lee University", "Washington and Lee University"),
    ],
)
def test_titles_outlets_and_bodies_before_the_place_name_nobody_more(byline: str, credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == ("Ann Lee",)
    assert reading.credit == credit


def _dcnf_page(byline: str, *, logo: bool) -> str:
    image = (
        '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'
        if logo
        else ""
    )
    return (
        f"<html><body><article><h1>Senate passes the bill</h1>{image}"
        f'<p class="byline">{byline}</p>'
        "<p>The Senate passed the bill on Tuesday by a vote of 52 to 48 after a long debate over rural hospital funding.</p>"
        "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge.</p>"
        "</article></body></html>"
    )


def test_the_rules_name_all_three_people() -> None:
    report = check_html(_dcnf_page("By Ann Smith, Raj Patel and Li Wei in Rome", logo=False), packs=["dcnf"])
    (affiliation,) = [finding for finding in report.findings if finding.rule == "dcnf/affiliation"]
    assert affiliation.message == "The byline does not tie Ann Smith, Raj Patel and Li Wei to the Daily Caller News Foundation."


def test_a_place_after_the_list_is_no_affiliation_so_the_logo_beside_the_byline_gives_it() -> None:
    report = check_html(_dcnf_page("By Ann Smith, Raj Patel and Li Wei in Rome", logo=True), packs=["dcnf"])
    assert [finding.rule for finding in report.findings] == []
    assert "dcnf/affiliation" in [passed.rule for passed in report.passed]


def test_the_readme_credits_the_list_it_shows() -> None:
    from pathlib import Path

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert '"By Ann Smith, Raj Patel and Li Wei in Rome"' in readme
    reading = read_byline("By Ann Smith, Raj Patel and Li Wei in Rome")
    assert reading is not None and reading.names == ("Ann Smith", "Raj Patel", "Li Wei")
