"""A theme's author line (the account that posted the story, printed in a WordPress entry header)
does not stand in for the reporter when the story carries its own byline, one that credits an
outlet ("By Nick Pope, The Daily Caller", or "By , Daily Caller News Foundation" whose name was
lost). Without such a byline, or when both name the same person, every byline counts as before."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from tests.conftest import failed_rules, passed_rules

DCNF_OUTLETS = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf"})
LOGO = (
    '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="80">'
)
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)
THEME_AUTHOR_LINES = [
    # WordPress's entry header: the posting account linked to its author page, and the date.
    '<div class="entry-byline"><span class="entry-author"><a href="/author/sarah" rel="author">Sarah Gooding</a></span>'
    ' <time datetime="2024-06-27">June 27, 2024</time></div>',
    # The same with "By" and a "posted by" class.
    '<div class="posted-by">By <a href="/author/sarah" rel="author">Sarah Gooding</a></div>',
    '<p class="meta-author">Posted by <span class="author vcard">Sarah Gooding</span></p>',
]


def _dcnf_page(theme: str, byline: str) -> str:
    """A DCNF story on a WordPress theme: `theme` in the entry header (line 2), then the logo
    (line 3) and `byline` (line 4)."""
    return (
        '<!doctype html><html><head><title>t</title></head><body><article class="entry">'
        '<header class="entry-header"><h1 class="entry-title">Biden Admin Finalizes Water Heater Rule</h1>\n'
        f'{theme}</header>\n<div class="entry-content">{LOGO}\n<p class="byline">{byline}</p>\n'
        "<p>The Department of Energy finalized a rule Tuesday that tightens efficiency standards for residential water heaters.</p>"
        "<p>The department estimates the standards will save households roughly $7 billion a year on utility bills.</p>"
        f"<p>{LICENSE}</p></div></article></body></html>"
    )


def _kff_page(theme: str, byline: str) -> str:
    """A KFF Health News story with `theme` over its own `byline`, the credit link and the tagline."""
    return (
        "<!doctype html><html><head><title>t</title></head><body><article>"
        f"<h1>As Staffing Costs Climb, Rural Hospitals Stop Delivering Babies</h1>{theme}"
        f'<p class="byline">{byline}</p>'
        "<p>MOUNTAIN HOME, Ark. — When Kayla Brewer went into labor in February, the hospital 10 minutes from her house had stopped delivering babies.</p>"
        "<p>At least 19 rural hospitals in six states have closed their labor and delivery units since 2022.</p>"
        '<p>Read the original story on <a href="https://kffhealthnews.org/news/article/rural-hospitals-labor-delivery-closures/">KFF Health News</a>.</p>'
        '<p><em><a href="https://kffhealthnews.org/about-us">KFF Health News</a> is a national newsroom that produces in-depth journalism'
        " about health issues and is one of the core operating programs at KFF—an independent source of health policy research,"
        " polling, and journalism.</em></p>"
        "</article></body></html>"
    )


@pytest.mark.parametrize("theme", THEME_AUTHOR_LINES)
def test_a_byline_of_another_outlet_under_the_logo_is_not_saved_by_the_theme_author_line(theme: str) -> None:
    report = check_html(_dcnf_page(theme, "By Nick Pope, The Daily Caller"), packs=["dcnf"])
    findings = failed_rules(report)
    assert set(findings) == {"dcnf/affiliation"}
    assert "ties its reporter to The Daily Caller" in findings["dcnf/affiliation"]
    assert "Sarah Gooding" not in findings["dcnf/affiliation"]
    assert passed_rules(report)["dcnf/byline"] == "By Nick Pope, The Daily Caller"


@pytest.mark.parametrize("theme", THEME_AUTHOR_LINES)
@pytest.mark.parametrize("byline", ["By , Daily Caller News Foundation", "By , DCNF", "By  | Daily Caller News Foundation"])
def test_a_byline_that_lost_its_name_is_no_byline_whatever_the_theme_prints(theme: str, byline: str) -> None:
    report = check_html(_dcnf_page(theme, byline), packs=["dcnf"])
    findings = failed_rules(report)
    assert set(findings) == {"dcnf/byline"}
    assert "is empty" in findings["dcnf/byline"]
    assert "Sarah Gooding" not in findings["dcnf/byline"]
    # The finding points at the story's byline, not at the theme's line above it.
    (finding,) = report.findings
    assert finding.location.line == 4


@pytest.mark.parametrize("theme", THEME_AUTHOR_LINES)
def test_a_full_story_byline_under_a_theme_author_line_still_passes(theme: str) -> None:
    report = check_html(_dcnf_page(theme, "By Nick Pope, Daily Caller News Foundation"), packs=["dcnf"])
    assert failed_rules(report) == {}
    assert passed_rules(report)["dcnf/byline"] == "By Nick Pope, Daily Caller News Foundation"


def test_without_a_story_byline_the_theme_author_line_is_the_byline() -> None:
    """No "By …" line credits an outlet: the header's author line is the only byline, and the logo
    beside it gives the affiliation, as before."""
    page = _dcnf_page(THEME_AUTHOR_LINES[0], "").replace('<p class="byline"></p>', "")
    report = check_html(page, packs=["dcnf"])
    assert failed_rules(report) == {}
    assert passed_rules(report)["dcnf/byline"] == "Sarah Gooding June 27, 2024"


@pytest.mark.parametrize(
    ("theme", "kept"),
    [
        # The same person in the header and in the story's byline: both lines stay.
        ('<div class="entry-byline"><a href="/author/nick" rel="author">Nick Pope</a></div>', 2),
        # A theme line that itself credits an outlet is a byline of the story too.
        ('<div class="entry-byline"><a href="/author/sarah" rel="author">Sarah Gooding</a>, The Daily Caller</div>', 2),
        # A different person, crediting no outlet, above the story's own byline: left out.
        ('<div class="entry-byline"><a href="/author/sarah" rel="author">Sarah Gooding</a></div>', 1),
    ],
)
def test_which_author_lines_the_byline_checks_read(theme: str, kept: int) -> None:
    doc = parse_document(_dcnf_page(theme, "By Nick Pope, Daily Caller News Foundation"), "html", outlets=DCNF_OUTLETS)
    assert len(doc.bylines) == 2
    assert len(story_bylines(doc)) == kept
    assert story_bylines(doc)[-1].names == ("Nick Pope",)


@pytest.mark.parametrize("theme", THEME_AUTHOR_LINES)
def test_kff_an_emptied_byline_is_reported_as_empty_not_as_the_theme_authors_affiliation(theme: str) -> None:
    report = check_html(_kff_page(theme, "By , KFF Health News"), packs=["kff-health-news"])
    findings = failed_rules(report)
    assert "common/empty-byline" in findings
    assert "kff-health-news/affiliation" not in findings
    assert all("Sarah Gooding" not in detail for detail in findings.values())


@pytest.mark.parametrize("theme", THEME_AUTHOR_LINES)
def test_kff_a_full_byline_under_a_theme_author_line_passes(theme: str) -> None:
    report = check_html(_kff_page(theme, "By Sarah Jane Tribble, KFF Health News"), packs=["kff-health-news"])
    findings = failed_rules(report)
    assert "common/empty-byline" not in findings
    assert "kff-health-news/affiliation" not in findings
    assert "creative-commons/author" not in findings
    assert passed_rules(report)["kff-health-news/affiliation"] == "By Sarah Jane Tribble, KFF Health News"


@pytest.mark.parametrize(
    "first",
    [
        '<p class="byline">By Ines Marlowe</p>',
        '<p class="byline">Ines Marlowe</p>',
    ],
)
def test_a_second_authors_line_written_as_the_byline_is_not_a_theme_line(first: str) -> None:
    """Two authors' lines of one shape, the second with an institution: both are the story's."""
    page = _dcnf_page("", "By Tomas Reyes, Daily Caller News Foundation").replace('<p class="byline">', f'{first}\n<p class="byline">', 1)
    doc = parse_document(page, "html", outlets=DCNF_OUTLETS)
    assert [b.names for b in story_bylines(doc)] == [("Ines Marlowe",), ("Tomas Reyes",)]


@pytest.mark.parametrize(
    "role_line",
    [
        '<div class="nb-byline">eHow Contributor</div>',  # the corpus's eHow page: a role under the name
        '<div class="byline-role">Staff Writer, The Daily Caller</div>',
        '<p class="dek">Daily Caller News Foundation</p>',
    ],
)
def test_a_line_of_a_role_or_an_outlet_alone_under_the_byline_does_not_push_the_byline_out(role_line: str) -> None:
    """A line that credits an outlet but names no one and says no "By" is the byline's own
    second line, not the story's byline: the person above it stays the byline."""
    page = (
        "<!doctype html><html><head><title>t</title></head><body><article><h1>How to Throw a Party</h1>"
        f'<a class="byline" rel="author" href="/contributor/gina/">By <span>Gina Roberts-Grey</span></a>{role_line}'
        "<p>Graduation parties can cost far more than the family expects, and planning ahead keeps the bill down.</p>"
        "</article></body></html>"
    )
    doc = parse_document(page, "html", outlets=DCNF_OUTLETS)
    assert [b.names for b in story_bylines(doc) if b.names] == [("Gina Roberts-Grey",)]
