"""A byline whose name and the reporter's job title are two lines of one short block ("Nick Pope"
over "Contributor", DCNF's own byline form, terms 2.1: "Jake Smith Contributor") is read as the
same text on one line is: the name, with the title as its credit. A name over another body's name,
a place or a date is not a byline, as before."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from tests.conftest import failed_rules, passed_rules

DCNF_OUTLETS = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf"})
LOGO = '<p><img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'
LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</p>"
)


def _dcnf_page(byline: str) -> str:
    """A DCNF story: the headline, the logo, `byline`, the story and the license paragraph."""
    return (
        f"<article>\n<h1>DOE Finalizes Water Heater Rule</h1>\n{LOGO}\n{byline}\n"
        "<p>The Department of Energy on Monday finalized efficiency standards for home water heaters that critics say will raise costs.</p>\n"
        f"{LICENSE}\n</article>"
    )


@pytest.mark.parametrize(
    ("byline", "name", "title"),
    [
        ("<p>Nick Pope<br>Contributor</p>", "Nick Pope", "Contributor"),
        ("<p>Chris White<br>Energy Reporter</p>", "Chris White", "Energy Reporter"),
        ("<p><strong>Reagan Reese</strong><br>White House Correspondent</p>", "Reagan Reese", "White House Correspondent"),
        ("<p>Jason Hopkins<br/>Staff Writer</p>", "Jason Hopkins", "Staff Writer"),
        ("<p>Mara Quellin<br>contributor</p>", "Mara Quellin", "contributor"),
        # Names of three words, all kept.
        ("<p>Mary Lou Smith<br>Contributor</p>", "Mary Lou Smith", "Contributor"),
        ("<p>Jean-Luc Van Damme<br>Energy Reporter</p>", "Jean-Luc Van Damme", "Energy Reporter"),
        # A job title with the licensor's name in it.
        ("<p>Nick Pope<br>DCNF Contributor</p>", "Nick Pope", "DCNF Contributor"),
        # Two parts of one short block, each laid out as a line.
        ('<p><span style="display:block">Audrey Streb</span><span style="display:block">Energy Reporter</span></p>', "Audrey Streb", "Energy Reporter"),
        (
            '<div><span style="display:block">Owen Tarrant</span> <span style="display:block">Investigative Reporter</span></div>',
            "Owen Tarrant",
            "Investigative Reporter",
        ),
        # A date under the two is no part of them.
        ("<p>Nick Pope<br>Contributor<br>June 27, 2024</p>", "Nick Pope", "Contributor"),
    ],
)
def test_a_name_over_its_job_title_is_the_byline(byline: str, name: str, title: str) -> None:
    doc = parse_document(_dcnf_page(byline), "html", outlets=DCNF_OUTLETS)
    (read,) = doc.bylines
    assert read.names == (name,)
    assert read.reading.credit == title
    report = check_html(_dcnf_page(byline), packs=["dcnf"])
    assert failed_rules(report) == {}
    assert passed_rules(report)["dcnf/byline"].startswith(name)


@pytest.mark.parametrize("name", ["Nick Pope", "Mara Quellin"])
def test_the_two_lines_credit_the_original_reporter(name: str) -> None:
    report = check_html(_dcnf_page(f"<p>{name}<br>Contributor</p>"), packs=["dcnf"], meta={"reporter": name})
    assert failed_rules(report) == {}
    assert passed_rules(report)["dcnf/original-reporter"].startswith(name)


def test_a_wrong_reporter_on_two_lines_is_named_as_the_byline() -> None:
    report = check_html(_dcnf_page("<p>Sam Li<br>Contributor</p>"), packs=["dcnf"], meta={"reporter": "Nick Pope"})
    assert set(failed_rules(report)) == {"dcnf/original-reporter"}
    assert "Sam Li" in failed_rules(report)["dcnf/original-reporter"]


@pytest.mark.parametrize(
    "byline",
    [
        # Another body's name, a place, a date: no job title under the name.
        "<p>Jane Doe<br>Getty Images</p>",
        "<p>Jane Doe<br>Washington</p>",
        "<p>Nick Pope<br>June 27, 2024</p>",
        # No person's name over the title.
        "<p>Sponsored<br>Contributor</p>",
        "<p>Energy Policy<br>Energy Reporter</p>",
        # A photo's caption.
        '<figure><img src="/photo.jpg" alt=""><figcaption>Nick Pope<br>Contributor</figcaption></figure>',
        # Two lines in a paragraph that goes on with a sentence.
        '<p><span style="display:block">Nick Pope</span><span style="display:block">Contributor</span> said the rule is final.</p>',
    ],
)
def test_a_name_over_no_job_title_is_no_byline(byline: str) -> None:
    doc = parse_document(_dcnf_page(byline), "html", outlets=DCNF_OUTLETS)
    assert doc.bylines == ()
    report = check_html(_dcnf_page(byline), packs=["dcnf"])
    assert "no visible byline" in failed_rules(report)["dcnf/byline"]


def test_a_plain_text_article_reads_the_two_lines_too() -> None:
    text = (
        "DOE Finalizes Water Heater Rule\n\nDaily Caller News Foundation logo\n\nNick Pope\nEnergy Reporter\n\n"
        "The Department of Energy on Monday finalized efficiency standards for home water heaters that critics say will raise costs.\n"
    )
    doc = parse_document(text, "text", outlets=DCNF_OUTLETS)
    (read,) = doc.bylines
    assert (read.names, read.reading.credit) == (("Nick Pope",), "Energy Reporter")
