"""Bylines a new user's try-out found misread: a Conversation author's institution written as its
campus short name ("UMass Amherst", "UC Davis", "KU Leuven", "Cal Poly Humboldt", "Boston
Children's") or as its town's name ("Dartmouth") read as a second person, or as a dateline, and
the author accused of giving no institution; a person-shaped institution ("Johns Hopkins") that
the republish markup links to its institution page or that the original names as the author's
institution; a co-byline whose first name alone is linked read as that name only (Texas
Tribune); and an outlet of the publisher after the reporter ("California Healthline", KFF Health
News' service) named as a person in KFF's message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline
from compliance.findings import Report
from tests.conftest import write

AUTHOR_RULE = "the-conversation/author-institution"
REPORTER_RULE = "the-conversation/original-reporter"
STORY_URL = "https://theconversation.com/why-tides-run-late-412345"
CONVERSATION_CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    f' license. Read the <a href="{STORY_URL}">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/412345/count.gif" alt="The Conversation" width="1" height="1">'
)


def _conversation_page(author_line: str, *, credit: str = CONVERSATION_CREDIT, head: str = "") -> str:
    body = f"<h1>Why tides run late</h1>{author_line}<p>Tide gauges show a drift of minutes.</p><p>The drift grows each year.</p>{credit}"
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def _outcome(report: Report, rule: str) -> str | None:
    """None when `rule` passed, else the finding's detail."""
    for finding in report.findings:
        if finding.rule == rule:
            return finding.detail or finding.message
    assert rule in {p.rule for p in report.passed}, (rule, report.findings)
    return None


# A. A campus's short name after the author's name is the author's institution.
CAMPUS_NAMES = [
    "UMass Amherst",
    "UMass Boston",
    "UConn Health",
    "UC Davis",
    "UC San Diego",
    "UT Austin",
    "UNC-Chapel Hill",
    "KU Leuven",
    "CU Boulder",
    "Cal Poly Humboldt",
    "Boston Children's",
]


@pytest.mark.parametrize("institution", CAMPUS_NAMES)
def test_a_campus_short_name_after_the_name_is_the_authors_institution(institution: str) -> None:
    reading = read_byline(f"By Renata Okafor, {institution}")
    assert reading is not None
    assert reading.names == ("Renata Okafor",)
    assert reading.affiliations == ((institution,),)


@pytest.mark.parametrize("institution", CAMPUS_NAMES)
def test_the_conversation_takes_a_campus_short_name_for_the_institution(institution: str) -> None:
    page = _conversation_page(f'<p class="byline">By Renata Okafor, {institution}</p>')
    assert _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Given names written as initials have no "U"; a country's initials open an office's title.
        ("By Renata Okafor, TJ Holmes", ("Renata Okafor", "TJ Holmes")),
        ("By Renata Okafor, AJ Jackson", ("Renata Okafor", "AJ Jackson")),
        ("By US Rep. Jane Doe", ("US Rep. Jane Doe",)),
        # A Korean or Chinese surname in capitals ending with "U", before no place.
        ("By KU Min-ji", ("KU Min-ji",)),
        ("By WU Xiaoming and LIU Yang", ("WU Xiaoming", "LIU Yang")),
        # In a byline all in capitals, initials are not told from a name.
        ("By JAKE SMITH, VU HAN", ("JAKE SMITH", "VU HAN")),
        # An apostrophe lost from an Irish name leaves one capital before the name's own.
        ("By Ana OBrien", ("Ana OBrien",)),
    ],
)
def test_people_shaped_like_initials_stay_people(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == names


def test_the_conversation_still_reports_a_second_person_without_an_institution() -> None:
    page = _conversation_page('<p class="byline">By Renata Okafor, UC Davis, and Tomás Ibarra</p>')
    detail = _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE)
    assert detail is not None and "does not show Tomás Ibarra's institution" in detail


# A. "Johns Hopkins" is shaped as a person's name: a known institution's short name, the link to
# The Conversation's institution page, or the original's author line says it is the institution.
REPUBLISH_SPAN = (
    '<span><a href="https://theconversation.com/profiles/renata-okafor-1184203">Renata Okafor</a>, '
    '<em><a href="https://theconversation.com/institutions/johns-hopkins-university-1084">Johns Hopkins</a></em></span>'
)


def test_a_person_shaped_institution_linked_to_its_institution_page_is_the_institution() -> None:
    # The republish HTML's span before the story's first paragraph, under a site logo: the
    # byline's block is not at the position of its index in the page's blocks.
    page = (
        '<html><body><header><a href="/"><img src="/logo.png" alt="Valley Ledger"></a></header><article>'
        f"<h1>Why tides run late</h1><div>{REPUBLISH_SPAN}<p>Tide gauges show a drift of minutes.</p>"
        f"<p>The drift grows each year.</p>{CONVERSATION_CREDIT}</div></article></body></html>"
    )
    assert _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE) is None


def test_a_known_person_shaped_institution_without_a_link_is_the_institution() -> None:
    page = _conversation_page('<p class="byline">By Renata Okafor, Johns Hopkins</p>')
    assert _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE) is None


def test_a_person_shaped_name_no_list_knows_without_a_link_is_a_second_person() -> None:
    # James Cook University is written with "University"; "James Cook" alone is a person.
    page = _conversation_page('<p class="byline">By Renata Okafor, James Cook</p>')
    detail = _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE)
    assert detail is not None and "the institutions of Renata Okafor and James Cook" in detail


ORIGINAL = """<html><head><link rel="canonical" href="{url}"></head><body><article>
<h1>Why tides run late</h1>
<div class="author-list"><p class="fn author-name"><a href="/profiles/renata-okafor-1184203">Renata Okafor</a></p>
<p class="role">Associate Professor of Oceanography, <a href="https://theconversation.com/institutions/x-1">{institution}</a></p></div>
<p>Tide gauges show a drift of minutes.</p><p>The drift grows each year.</p>
</article></body></html>"""


def _with_original(cli: Any, tmp_path: Path, original_institution: str, byline: str) -> dict[str, str]:
    original = write(tmp_path, "original.html", ORIGINAL.format(url=STORY_URL, institution=original_institution))
    copy = write(tmp_path, "copy.html", _conversation_page(f'<p class="byline">{byline}</p>'))
    (entry,) = cli("check", "--format", "json", "--pack", "the-conversation", "--original", str(original), str(copy)).json()["files"]
    return {f["rule"]: f["detail"] for f in entry["findings"]}


@pytest.mark.parametrize(
    ("original_institution", "byline"),
    [
        ("Johns Hopkins", "By Renata Okafor, Johns Hopkins"),
        ("Johns Hopkins University", "By Renata Okafor, Johns Hopkins"),
        ("James Cook University", "By Renata Okafor, James Cook"),
    ],
)
def test_the_originals_institution_after_the_name_is_no_second_author(cli: Any, tmp_path: Path, original_institution: str, byline: str) -> None:
    findings = _with_original(cli, tmp_path, original_institution, byline)
    assert AUTHOR_RULE not in findings and REPORTER_RULE not in findings


def test_another_person_than_the_originals_institution_is_still_a_second_author(cli: Any, tmp_path: Path) -> None:
    findings = _with_original(cli, tmp_path, "UMass Amherst", "By Renata Okafor, James Cook")
    assert "James Cook, credited too, is not the reporter" in findings[REPORTER_RULE]
    # The institution asked for is the original's author's: James Cook, none of its authors, is
    # the reporter rule's to report, not one to credit with an institution.
    assert findings[AUTHOR_RULE].endswith("does not show Renata Okafor's institution")


def test_a_known_institution_other_than_the_originals_is_a_wrong_institution(cli: Any, tmp_path: Path) -> None:
    findings = _with_original(cli, tmp_path, "UMass Amherst", "By Renata Okafor, Johns Hopkins")
    assert REPORTER_RULE not in findings and AUTHOR_RULE not in findings
    assert "Johns Hopkins" in findings["the-conversation/original-institution"]


def test_a_campus_short_name_matches_the_originals(cli: Any, tmp_path: Path) -> None:
    findings = _with_original(cli, tmp_path, "UMass Amherst", "By Renata Okafor, UMass Amherst")
    assert not {AUTHOR_RULE, REPORTER_RULE, "the-conversation/original-institution"} & set(findings)


# B. One word after the name: a town a college is known by is the institution; a large city or a
# place and its region is a dateline's.
@pytest.mark.parametrize("institution", ["Dartmouth", "Durham", "Oxford", "Amherst", "Emory", "Cornell"])
def test_a_college_known_by_its_towns_name_is_the_institution(institution: str) -> None:
    page = _conversation_page(f'<p class="byline">By Renata Okafor, {institution}</p>')
    assert _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE) is None


@pytest.mark.parametrize("place", ["Melbourne", "Boston", "Austin", "Paris", "Texas", "Oxford, England"])
def test_a_large_city_or_a_place_and_its_region_is_no_institution(place: str) -> None:
    page = _conversation_page(f'<p class="byline">By Renata Okafor, {place}</p>')
    detail = _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE)
    assert detail is not None and "does not show Renata Okafor's institution" in detail


# C. A co-byline reads the same with its first name linked or not.
TRIBUNE_CREDIT = (
    '<p>This article originally appeared in <a href="https://www.texastribune.org/2024/05/14/texas-water-fund/">The Texas Tribune</a>'
    " at https://www.texastribune.org/2024/05/14/texas-water-fund/.</p>"
)


def _tribune_page(byline: str) -> str:
    return (
        f"<html><body><article><h1>Texas lawmakers approve water fund</h1><p>{byline}</p>"
        "<p>Texas lawmakers on Tuesday approved a fund to fix leaking pipes.</p>"
        f"<p>The fund will be managed by the Texas Water Development Board.</p>{TRIBUNE_CREDIT}</article></body></html>"
    )


LINKED = '<a href="https://www.texastribune.org/about/staff/erin-douglas/">Erin Douglas</a>'


@pytest.mark.parametrize(
    "byline",
    [
        f"by {LINKED}, The Texas Tribune, and Ana Ruiz, ProPublica",
        "by Erin Douglas, The Texas Tribune, and Ana Ruiz, ProPublica",
        f"by {LINKED}, <a href='https://www.texastribune.org/'>The Texas Tribune</a>, and Ana Ruiz, ProPublica",
    ],
)
def test_a_co_byline_reads_the_same_with_its_first_name_linked(byline: str) -> None:
    doc = parse_document(_tribune_page(byline), "html")
    (found,) = doc.bylines
    assert found.names == ("Erin Douglas", "Ana Ruiz")
    assert found.reading.affiliations == (("The Texas Tribune",), ("ProPublica",))
    assert _outcome(check_html(_tribune_page(byline), packs=["texas-tribune"]), "texas-tribune/byline") is None


def test_a_linked_co_byline_without_the_tribune_still_warns() -> None:
    report = check_html(_tribune_page(f"by {LINKED} and Ana Ruiz, ProPublica"), packs=["texas-tribune"])
    detail = _outcome(report, "texas-tribune/byline")
    assert detail is not None and "Texas Tribune" in detail


# D. KFF Health News' own service after the reporter is no person.
def _kff_page(byline: str) -> str:
    return (
        f'<html><body><article><h1>Rural hospitals cut maternity care</h1><p class="byline">{byline}</p>'
        "<p>When the unit closed, mothers began driving 90 minutes to give birth.</p>"
        "<p>Hospital executives say they lost money on every birth.</p></article></body></html>"
    )


def test_california_healthline_after_the_reporter_is_no_person() -> None:
    report = check_html(_kff_page("By Bernard J. Wolfson, California Healthline"), packs=["kff-health-news"])
    (finding,) = [f for f in report.findings if f.rule == "kff-health-news/affiliation"]
    assert finding.message == "The byline does not tie Bernard J. Wolfson to KFF Health News."


def test_california_healthline_and_kff_health_news_pass() -> None:
    report = check_html(_kff_page("By Bernard J. Wolfson, California Healthline for KFF Health News"), packs=["kff-health-news"])
    assert _outcome(report, "kff-health-news/affiliation") is None


def test_a_campus_short_name_unlike_the_originals_is_reported(cli: Any, tmp_path: Path) -> None:
    findings = _with_original(cli, tmp_path, "UC Davis", "By Renata Okafor, UMass Amherst")
    assert "gives Renata Okafor 'UMass Amherst'; the original gives 'UC Davis'" in findings["the-conversation/original-institution"]


# E. An author note that names the author's institution is compared with the original's too.
def _with_note(cli: Any, tmp_path: Path, original_institution: str, note: str) -> dict[str, str]:
    original = write(tmp_path, "original.html", ORIGINAL.format(url=STORY_URL, institution=original_institution))
    credit = f"<p><em>{note}</em></p>{CONVERSATION_CREDIT}"
    copy = write(tmp_path, "copy.html", _conversation_page('<p class="byline">By Renata Okafor</p>', credit=credit))
    (entry,) = cli("check", "--format", "json", "--pack", "the-conversation", "--original", str(original), str(copy)).json()["files"]
    return {f["rule"]: f["detail"] for f in entry["findings"]}


def test_an_author_note_naming_another_institution_than_the_originals_is_reported(cli: Any, tmp_path: Path) -> None:
    note = "Renata Okafor is an associate professor of environmental engineering at the Colorado School of Mines."
    findings = _with_note(cli, tmp_path, "Northern Plains University", note)
    assert findings["the-conversation/original-institution"] == (
        "the author note gives Renata Okafor 'Colorado School of Mines'; the original gives 'Northern Plains University'"
    )


@pytest.mark.parametrize(
    "note",
    [
        "Renata Okafor is an associate professor of environmental engineering at Northern Plains University.",
        # The original's among others, and a field of study that is no institution.
        "Renata Okafor is a professor at Northern Plains University and a fellow at the Brookings Institution.",
        "Renata Okafor, Associate Professor of Environmental Engineering, writes about water.",
    ],
)
def test_an_author_note_naming_the_originals_institution_or_none_passes(cli: Any, tmp_path: Path, note: str) -> None:
    findings = _with_note(cli, tmp_path, "Northern Plains University", note)
    assert "the-conversation/original-institution" not in findings


def test_the_doc_names_the_campus_forms_as_they_are_read() -> None:
    doc = " ".join((Path(__file__).resolve().parent.parent / "docs" / "conversation-authors.md").read_text(encoding="utf-8").split())
    for institution in (
        "UC Davis",
        "UT Austin",
        "UNC-Chapel Hill",
        "UMass Amherst",
        "UConn Health",
        "Cal Poly Humboldt",
        "Boston Children's",
        "Dartmouth",
        "Durham",
    ):
        assert f"`{institution}`" in doc, institution
        page = _conversation_page(f'<p class="byline">By Renata Okafor, {institution}</p>')
        assert _outcome(check_html(page, packs=["the-conversation"]), AUTHOR_RULE) is None, institution
    for place in ("Melbourne", "Austin"):
        assert f"`{place}`" in doc
        assert _outcome(check_html(_conversation_page(f'<p class="byline">By Renata Okafor, {place}</p>'), packs=["the-conversation"]), AUTHOR_RULE)
