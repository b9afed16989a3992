"""What a byline says of the reporter's outlet, read by what its words say, not by where an
outlet's name stands: a tie to another outlet in prose ("a reporter for Reuters", "writes for
X"), a tie the byline says is past or denied ("formerly of X", "not affiliated with X"), and an
outlet written before the name ("Daily Caller News Foundation — Jake Smith") or after "via"."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from compliance.document.byline_reading import disowned_parts, institutions_in, present_ties, read_byline
from compliance.findings import Report

DCNF_OUTLETS = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf"})
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher. Contact licensing@dailycallernewsfoundation.org."
)
LOGO = '<p><img src="https://dailycallernewsfoundation.org/logo.png" width="200" height="50" alt="Daily Caller News Foundation logo"></p>'


def _dcnf_page(*top: str, after: str = "") -> str:
    """A DCNF republication whose top lines (logo, byline) are `top`, in order; `after`, lines after the story."""
    lines = "".join(line if line.startswith("<") else f'<p class="byline">{line}</p>' for line in top)
    return (
        f"<html><body><article><h1>Farm bill advances</h1>{lines}"
        "<p>The committee advanced the bill on Thursday.</p><p>Senators will vote next week.</p>"
        f"{after}<p>{LICENSE}</p></article></body></html>"
    )


def _outcome(report: Report, rule: str) -> str | None:
    """None when `rule` passed, else the finding's detail; a rule that neither passed nor failed fails the test."""
    for finding in report.findings:
        if finding.rule == rule:
            return finding.detail or finding.message
    assert rule in {p.rule for p in report.passed}, (rule, report.findings)
    return None


# --- Another outlet tied to the reporter in prose ----------------------------------------------


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("By Jake Smith, a reporter for Reuters", "Reuters"),
        ("By Jake Smith, a contributor to the Daily Caller", "Daily Caller"),
        ("By Jake Smith, writes for Bloomberg News", "Bloomberg News"),
        ("By Jake Smith, who reports for The Texas Tribune", "The Texas Tribune"),
        ("By Jake Smith | Staff Writer for the Harbor Ledger", "Harbor Ledger"),
        ("By Jake Smith, correspondent for NPR", "NPR"),
        ("By Jake Smith, contributing writer to the South China Morning Post", "South China Morning Post"),
        # Wire style's "special to", and titles held for an outlet in other languages.
        ("By Jake Smith, special to The New York Times", "The New York Times"),
        ("Por Jake Smith, reportero de Reuters", "Reuters"),
        ("Por Jake Smith, periodista de El País", "El País"),
        ("Par Jake Smith, journaliste pour Le Monde", "Le Monde"),
    ],
)
def test_an_outlet_a_title_is_held_for_is_another_outlet_the_logo_does_not_replace(byline: str, outlet: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail == f"byline '{byline}' ties its reporter to {outlet}, not the DCNF affiliation"


@pytest.mark.parametrize(
    "byline",
    [
        # DCNF's own, in prose: the affiliation itself.
        "By Jake Smith, a reporter for the Daily Caller News Foundation",
        "By Jake Smith for DCNF",
        "By Jake Smith, with the Daily Caller News Foundation",
        "By Jake Smith, writes for the Daily Caller News Foundation",
        "Jake Smith, Contributor",
    ],
)
def test_the_dcnf_affiliation_in_prose_stays_one(byline: str) -> None:
    report = check_html(_dcnf_page(byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert (_outcome(report, "dcnf/affiliation") is None) == ("Contributor" not in byline)


@pytest.mark.parametrize(
    "byline",
    [
        "By Jake Smith, a correspondent for Southeast Asia",  # a region, no outlet
        "By Jake Smith, correspondent for the Middle East",
        "By Jake Smith, correspondent for Mexico",  # a country the gazetteer knows
        "By Jake Smith, reporter for Health",  # a section
        "By Jake Smith, Senior Adviser to the Minister of Health",  # no newsroom's title
        "By Jake Smith, formerly of Reuters",  # a past tie: no outlet he writes for now
        "By Jake Smith, WASHINGTON",
    ],
)
def test_a_title_held_for_no_outlet_leaves_the_logo_the_affiliation(byline: str) -> None:
    assert _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation") is None


def test_the_outlet_a_title_is_held_for_is_the_persons_institution() -> None:
    reading = read_byline("By Ana Ruiz, a reporter for Reuters")
    assert reading is not None and reading.affiliations == (("Reuters",),)
    assert list(institutions_in("a contributor to the Daily Caller")) == ["Daily Caller"]
    assert list(institutions_in("writes for Bloomberg News")) == ["Bloomberg News"]
    assert list(institutions_in("Senior Adviser to the Minister of Health")) == []
    assert list(institutions_in("a correspondent for Southeast Asia")) == []


# --- A tie that is past or denied -----------------------------------------------------------------


PAST_OR_DENIED = [
    "By Jake Smith, formerly of the Daily Caller News Foundation",
    "By Jake Smith, not affiliated with the Daily Caller News Foundation",
    "By Jake Smith, ex-DCNF",
    "By Jake Smith, a former DCNF reporter",
    "By Jake Smith, Daily Caller News Foundation reporter until 2023",
    "By Jake Smith, previously with the Daily Caller News Foundation",
    "By Jake Smith | no longer with DCNF",
    "By Jake Smith (formerly DCNF)",
    "By Jake Smith, Daily Caller News Foundation alumnus",
    "By Jake Smith, who used to report for the Daily Caller News Foundation",
]


@pytest.mark.parametrize("byline", PAST_OR_DENIED)
def test_a_past_or_denied_affiliation_is_none(byline: str) -> None:
    # The logo at the end of the story, not next to the byline: only the byline can give the affiliation.
    detail = _outcome(check_html(_dcnf_page(byline, after=LOGO), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "only as a tie that is past or denied" in detail


@pytest.mark.parametrize("byline", PAST_OR_DENIED[:4])
def test_the_logo_does_not_stand_in_for_an_affiliation_the_byline_disowns(byline: str) -> None:
    # The same logo right above "By Jake Smith" is the affiliation: the byline's words undo it here.
    assert _outcome(check_html(_dcnf_page(LOGO, "By Jake Smith"), packs=["dcnf"]), "dcnf/affiliation") is None
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "past or denied" in detail


@pytest.mark.parametrize(
    "byline",
    [
        "By Ana Ruiz, formerly of The Texas Tribune",
        "By Ana Ruiz, not affiliated with The Texas Tribune",
        "Von Ana Ruiz, ehemals The Texas Tribune",
    ],
)
def test_every_pack_reads_a_past_or_denied_affiliation_as_none(byline: str) -> None:
    page = f'<html><body><article><h1>Farm bill advances</h1><p class="byline">{byline}</p><p>The committee advanced the bill.</p></article></body></html>'
    detail = _outcome(check_html(page, packs=["texas-tribune"]), "texas-tribune/credit")
    assert detail is not None and "past or denied" in detail


def test_a_present_affiliation_beside_a_past_one_counts() -> None:
    page = '<html><body><article><h1>T</h1><p class="byline">By Ana Ruiz, The Texas Tribune, formerly of Reuters</p><p>Story.</p></article></body></html>'
    assert _outcome(check_html(page, packs=["texas-tribune"]), "texas-tribune/credit") is None


def test_disowned_parts_are_the_parts_with_a_past_or_denying_word() -> None:
    assert disowned_parts("By Jake Smith, formerly of Reuters, DCNF") == ("formerly of Reuters",)
    assert disowned_parts("By Jake Smith, Daily Caller News Foundation") == ()
    assert disowned_parts("By Rex Nottingham, DCNF") == ()  # the words inside names are no cue
    assert present_ties("By Jake Smith, ex-DCNF").strip(" ,") == "By Jake Smith"


# --- The outlet before the name, or after "via" ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("Daily Caller News Foundation — Jake Smith", ("Jake Smith",), "Daily Caller News Foundation"),
        ("Jake Smith via Daily Caller News Foundation", ("Jake Smith",), "Daily Caller News Foundation"),
        ("ProPublica — Hollis Brandt", ("Hollis Brandt",), "ProPublica"),
        ("The Texas Tribune | Ana Ruiz and Ben Cole", ("Ana Ruiz", "Ben Cole"), "The Texas Tribune"),
        ("KFF Health News · Jane Doe, Senior Correspondent", ("Jane Doe",), "Senior Correspondent, KFF Health News"),
        # A section's label is no affiliation: the person, without one.
        ("Politics — Jake Smith", ("Jake Smith",), ""),
        # Near-misses that still credit no reporter.
        ("Daily Caller News Foundation", (), "Daily Caller News Foundation"),
        ("ProPublica Staff", (), "ProPublica Staff"),
        ("ProPublica — Staff", (), "ProPublica, Staff"),
        # A colon after the outlet parts it from the people as a dash does; after a section's
        # label it labels the byline, no affiliation.
        ("Daily Caller News Foundation: Jake Smith", ("Jake Smith",), "Daily Caller News Foundation"),
        ("DCNF: Jake Smith", ("Jake Smith",), "DCNF"),
        ("ProPublica: Hollis Brandt", ("Hollis Brandt",), "ProPublica"),
        ("ProPublica: Hollis Brandt and Mina Park", ("Hollis Brandt", "Mina Park"), "ProPublica"),
        ("KFF Health News: Jane Doe, Senior Correspondent", ("Jane Doe",), "Senior Correspondent, KFF Health News"),
        ("Reuters: María José Núñez", ("María José Núñez",), "Reuters"),
        ("Politics: Jake Smith", ("Jake Smith",), ""),
        ("Opinion: Jake Smith", ("Jake Smith",), ""),
    ],
)
def test_an_outlet_before_the_name_or_after_via_is_the_credit(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text, outlets=DCNF_OUTLETS | {"propublica"})
    assert reading is not None and (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    "byline",
    [
        "Daily Caller News Foundation — Jake Smith",
        "Jake Smith via Daily Caller News Foundation",
        "DCNF | Jake Smith",
        "Daily Caller News Foundation: Jake Smith",
        "DCNF: Jake Smith",
        "Daily Caller News Foundation:  Jake Smith and Ana Ruiz",
    ],
)
def test_dcnf_passes_an_outlet_first_or_via_byline(byline: str) -> None:
    report = check_html(_dcnf_page(byline, after=LOGO), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


def test_a_section_label_before_the_name_gives_no_affiliation() -> None:
    report = check_html(_dcnf_page("Politics — Jake Smith", after=LOGO), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    detail = _outcome(report, "dcnf/affiliation")
    assert detail is not None and "Politics — Jake Smith" in detail and "ties its reporter" not in detail
    # Next to the logo the section is no other outlet: the logo is the affiliation.
    assert _outcome(check_html(_dcnf_page(LOGO, "Politics — Jake Smith"), packs=["dcnf"]), "dcnf/affiliation") is None


def test_the_outlet_alone_still_names_no_reporter() -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, "Daily Caller News Foundation"), packs=["dcnf"]), "dcnf/byline")
    assert detail == "byline 'Daily Caller News Foundation' names an outlet, not a reporter"


def test_a_paragraph_naming_someone_via_an_outlet_is_no_byline_without_markup() -> None:
    # As "NAME of the Outlet" is not: without "By" or byline markup a preposition marks prose or a headline.
    page = "<html><body><article><h1>T</h1><p>Jake Smith via Reuters</p><p>The committee advanced the bill.</p></article></body></html>"
    assert parse_document(page, "html").bylines == ()


# --- The outlet before the name, parted by a colon ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A headline after the outlet's colon names nobody, whatever its capitals.
        "ProPublica: The Year in Review",
        "ProPublica: How We Did It",
        "ProPublica: Inside The Fight",
        "Daily Caller News Foundation: What We Found",
        # "Photo" is neither an outlet nor a section: a photo credit, not a byline.
        "Photo: Jane Doe",
        "Photos: Jane Doe/ProPublica",
    ],
)
def test_a_colon_after_an_outlet_before_a_headline_or_after_a_credit_word_names_no_reporter(text: str) -> None:
    reading = read_byline(text, outlets=DCNF_OUTLETS | {"propublica"})
    assert reading is None or reading.names == ()


def test_dcnf_still_fails_an_outlet_then_colon_then_headline() -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, "Daily Caller News Foundation: What We Found"), packs=["dcnf"]), "dcnf/byline")
    assert detail == "byline 'Daily Caller News Foundation: What We Found' names an outlet, not a reporter"


def test_propublica_author_passes_an_outlet_then_colon_byline() -> None:
    page = (
        '<html><body><article><h1>Welds</h1><p class="byline">ProPublica: Hollis Brandt</p>'
        '<p>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</p>'
        "<p>The inspector signed off on the welds.</p></article></body></html>"
    )
    report = check_html(page, packs=["propublica"])
    assert _outcome(report, "creative-commons/author") is None
    assert _outcome(report, "propublica/affiliation") is None
