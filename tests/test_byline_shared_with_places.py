"""A shared byline whose later person has a place or an outlet of their own ("By Jane Roe,
ProPublica, and John Doe in Rome", "By A. B. Smith, Stateline and Mary Poe in Jackson, Miss."),
as a publisher's reporter shares a story with a local one: both people are credited, the first
one's outlet is their affiliation and the place is the credit's, never part of a name ("John Doe
in Rome", "JOHN DOE IN ROME") nor "ProPublica and John Doe" as an affiliation. Checked on the
reader, on a plain-text article and through DCNF's and ProPublica's byline rules, which credit
the publisher's reporter named beside the local one."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline

PROPUBLICA = frozenset({"propublica"})


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By Jane Roe, ProPublica, and John Doe in Rome", ("Jane Roe", "John Doe"), "ProPublica, Rome"),
        ("By Jane Roe, ProPublica and John Doe in Rome", ("Jane Roe", "John Doe"), "ProPublica, Rome"),
        ("By A. B. Smith, Stateline and Mary Poe in Jackson, Miss.", ("A. B. Smith", "Mary Poe"), "Stateline, Jackson, Miss"),
        ("By Jake Smith, Daily Caller News Foundation, and Tom Lee in Austin", ("Jake Smith", "Tom Lee"), "Daily Caller News Foundation, Austin"),
        ("By Jane Roe, ProPublica, with John Doe in Rome", ("Jane Roe", "John Doe"), "ProPublica, Rome"),
        ("By Jane Roe, ProPublica; John Doe in Rome", ("Jane Roe", "John Doe"), "ProPublica, Rome"),
        ("By JANE ROE, PROPUBLICA, AND JOHN DOE IN ROME", ("JANE ROE", "JOHN DOE"), "PROPUBLICA, ROME"),
        # Each with an outlet of their own, as before.
        ("By Ana Ruiz, ProPublica and Lee Kim, The Texas Tribune", ("Ana Ruiz", "Lee Kim"), "ProPublica, The Texas Tribune"),
        ("By Kim Barker, ProPublica, and Hannah Dreier, The New York Times", ("Kim Barker", "Hannah Dreier"), "ProPublica, The New York Times"),
    ],
)
def test_both_people_are_credited_and_the_place_is_the_credit(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.problem is None
    assert reading.names == names
    assert reading.credit == credit


def test_the_first_persons_outlet_is_theirs_and_the_place_the_second_ones() -> None:
    reading = read_byline("By Jane Roe, ProPublica, and John Doe in Rome")
    assert reading is not None and reading.affiliations == (("ProPublica",), ("Rome",))


@pytest.mark.parametrize(
    "byline",
    [
        # What follows "and" before the place is no person: an outlet, a body, a place, a title.
        "By Jane Roe, ProPublica, and the Texas Tribune in Austin",
        "By Jane Roe, ProPublica, and Procter and Gamble in Cincinnati",
        "By Jane Roe, ProPublica, and New York in Winter",
        "By Jane Roe, ProPublica, and Senior Editor in Rome",
        "By Jane Roe, Stateline and Pew Research Center in Washington",
        # After a comma alone, "Name of Place" is an organisation's name, not a person and a place.
        "By Priya Ashcombe, Directors Guild of America",
    ],
)
def test_no_second_person_where_the_words_before_the_place_name_nobody(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and len(reading.names) == 1


BODY = (
    "<p>The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said.</p>"
    "<p>Patients will be sent to the hospital in the next county, about forty minutes away by car.</p>"
)
PROPUBLICA_FOOT = (
    '<p>This story was originally published by <a href="https://www.propublica.org/article/clinic-closes">ProPublica</a>.</p>'
    '<script src="https://pixel.propublica.org/pixel.js" async></script>'
)
DCNF_FOOT = (
    '<p><img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo"'
    ' width="300" height="60"></p><p>All content created by the Daily Caller News Foundation, an independent and nonpartisan'
    " newswire service, is available without charge to any legitimate news publisher.</p>"
)


def _page(byline: str, foot: str) -> str:
    return f'<html><body><article><h1>Clinic to close</h1><p class="byline">{byline}</p>{BODY}{foot}</article></body></html>'


@pytest.mark.parametrize(
    "byline",
    [
        "By Hollis Brandt, ProPublica, and John Doe in Rome",
        "By Hollis Brandt, ProPublica and Mary Poe in Jackson, Miss.",
        "By HOLLIS BRANDT, PROPUBLICA, AND JOHN DOE IN ROME",
    ],
)
def test_propublica_credits_its_reporter_beside_the_local_one(byline: str) -> None:
    page = _page(byline, PROPUBLICA_FOOT)
    (read,) = parse_document(page, "html", outlets=PROPUBLICA).bylines
    assert len(read.names) == 2 and not any(" IN " in name.upper() for name in read.names)
    report = check_html(page, packs=["propublica"])
    assert not [finding.rule for finding in report.findings if finding.rule.endswith(("affiliation", "author"))]
    passed = {entry.rule for entry in report.passed}
    assert {"propublica/affiliation", "creative-commons/author"} <= passed


def test_propublica_reports_a_shared_byline_that_ties_nobody_to_it() -> None:
    report = check_html(_page("By Hollis Brandt, The Texas Tribune, and John Doe in Rome", PROPUBLICA_FOOT), packs=["propublica"])
    (finding,) = [finding for finding in report.findings if finding.rule == "propublica/affiliation"]
    assert finding.message == "The byline does not tie Hollis Brandt and John Doe to ProPublica."


def test_dcnf_credits_its_reporter_beside_the_local_one() -> None:
    report = check_html(_page("By Jake Smith, Daily Caller News Foundation, and Tom Lee in Austin", DCNF_FOOT), packs=["dcnf"])
    assert not [finding.rule for finding in report.findings]
    assert {"dcnf/byline", "dcnf/affiliation"} <= {entry.rule for entry in report.passed}


def test_dcnf_names_both_people_when_the_byline_ties_neither_to_it() -> None:
    page = _page("By Tom Lee, The Valley Ledger, and Jake Smith in Washington", DCNF_FOOT)
    report = check_html(page, packs=["dcnf"])
    (finding,) = [finding for finding in report.findings if finding.rule == "dcnf/affiliation"]
    assert finding.message == "The byline does not tie Tom Lee and Jake Smith to the Daily Caller News Foundation."


def test_a_plain_text_article_reads_the_shared_byline_alike() -> None:
    text = (
        "Clinic to close\n\nBy Jane Roe, ProPublica, and John Doe in Rome\n\n"
        "The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said.\n\n"
        "This story was originally published by ProPublica.\n"
    )
    document = parse_document(text, "text", outlets=PROPUBLICA)
    assert [byline.names for byline in document.bylines] == [("Jane Roe", "John Doe")]


def test_the_readme_credits_both_people_it_shows() -> None:
    from pathlib import Path

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert '"By Jane Roe, ProPublica, and John Doe in Rome"' in readme
    reading = read_byline("By Jane Roe, ProPublica, and John Doe in Rome")
    assert reading is not None and reading.names == ("Jane Roe", "John Doe") and reading.credit == "ProPublica, Rome"
