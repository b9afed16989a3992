"""A byline whose person the page's own author box or author note makes another outlet's staff
("Karen Miles is the web editor of the Prairie Post") is not the licensor's reporter: the logo or
the outlet's name beside the byline does not tie that person to the licensor, and the affiliation
rule fails, quoting what the page says. A bio that names the licensor, another person's bio, a
past job, a sentence about where the story appears, and a correct reporter's byline beside a
partner editor's box do not fail it."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.staff_notes import staff_ties
from compliance.findings import Report

DCNF_LOGO = '<p><img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'
DCNF_LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</p>"
)
STORY = "<p>A county water board postponed a planned vote on higher household rates.</p><p>The board meets again in July.</p>"


def _dcnf_page(theme_author: str, box: str, *, byline: str = "", after_article: str = "") -> str:
    """A DCNF republication on a partner's theme: the theme's post author (Jannah's
    `.post-meta .author-name`), the logo, an optional story byline, the story, the license
    paragraph, then `box` in the article and `after_article` after it."""
    story_byline = f'<p class="byline">{byline}</p>' if byline else ""
    return (
        "<html><body><article><h1>County Water Board Delays Vote On Rate Increase</h1>\n"
        f'<div class="post-meta"><span class="meta-author"><a href="/author/x/" class="author-name">{theme_author}</a></span>'
        ' <span class="date">June 27, 2024</span></div>\n'
        f'<div class="entry-content">{DCNF_LOGO}\n{story_byline}{STORY}{DCNF_LICENSE}</div>\n{box}\n</article>{after_article}</body></html>'
    )


def _rule(report: Report, rule: str) -> str:
    """'fail' when `rule` has a finding, 'pass' when it passed, else 'absent'."""
    if any(f.rule == rule for f in report.findings):
        return "fail"
    return "pass" if any(p.rule == rule for p in report.passed) else "absent"


def _why(report: Report, rule: str) -> str:
    return next(str(f.detail) for f in report.findings if f.rule == rule)


@pytest.mark.parametrize(
    ("name", "box", "after", "says"),
    [
        # Jannah's author box, as the newsroom's try-out found it.
        (
            "Karen Miles",
            '<div class="about-author"><h3 class="author-name">Karen Miles</h3><p>Karen Miles is the web editor of the Prairie Post.</p></div>',
            "",
            "the page's author box says Karen Miles is the web editor of the Prairie Post",
        ),
        # Newspack's author bio after the article, "at".
        (
            "Dana Whitfield",
            "",
            '<div class="author-bio"><p>Dana Whitfield is a reporter at The Valley Ledger. She lives in Omaha.</p></div>',
            "the page's author box says Dana Whitfield is a reporter at The Valley Ledger",
        ),
        # Ghost's author card, a newsroom verb and "for".
        (
            "Owen Tarrant",
            '<section class="author-card"><h2>Owen Tarrant</h2><p>Owen Tarrant covers city hall for the Lakeside Voice.</p></section>',
            "",
            "the page's author box says Owen Tarrant covers city hall for the Lakeside Voice",
        ),
        # A note at the story's end in no box's markup, the outlet's possessive.
        (
            "Owen Tarrant",
            "<p><em>Owen Tarrant, the Harbor Ledger's city editor, curates the wire stories we run.</em></p>",
            "",
            "the page's author note says Owen Tarrant, the Harbor Ledger's city editor",
        ),
        # An "About the author" box, which is read as a byline of its own: the reason quotes it
        # as that byline, which ties her to no DCNF.
        (
            "Karen Miles",
            '<div class="author-box"><h4>About the author</h4><p>Karen Miles is the Prairie Post\'s web editor.</p></div>',
            "",
            "byline 'About the author / Karen Miles is the Prairie Post's web editor.' does not show the DCNF affiliation",
        ),
    ],
)
def test_a_logo_beside_another_outlets_editor_gives_no_dcnf_affiliation(name: str, box: str, after: str, says: str) -> None:
    report = check_html(_dcnf_page(name, box, after_article=after), packs=["dcnf"])
    assert _rule(report, "dcnf/affiliation") == "fail"
    assert says in _why(report, "dcnf/affiliation")


@pytest.mark.parametrize(
    "box",
    [
        # The bio names the licensor: she is its reporter.
        '<div class="about-author"><p>Karen Miles is a reporter for the Daily Caller News Foundation.</p></div>',
        # The licensor, then where her stories appear.
        '<div class="about-author"><p>Karen Miles is a reporter for the Daily Caller News Foundation. Her stories appear in the Prairie Post.</p></div>',
        # Another person's bio.
        '<div class="about-author"><p>Tom Becker is the web editor of the Prairie Post.</p></div>',
        # A past job, in words and in the title.
        '<div class="about-author"><p>Karen Miles previously worked at the Prairie Post.</p></div>',
        '<div class="about-author"><p>Karen Miles is a former reporter at the Prairie Post.</p></div>',
        # The partner only as where the story appears.
        "<p><em>This story appears in the Prairie Post courtesy of the Daily Caller News Foundation.</em></p>",
        # A job title held for a section, not an outlet.
        '<div class="about-author"><p>Karen Miles is the editor for Health.</p></div>',
    ],
)
def test_a_bio_that_does_not_make_her_another_outlets_staff_leaves_the_logo_standing_in(box: str) -> None:
    report = check_html(_dcnf_page("Karen Miles", box), packs=["dcnf"])
    assert _rule(report, "dcnf/affiliation") == "pass"


def test_the_reporters_own_byline_passes_beside_a_partner_editors_box() -> None:
    box = '<div class="about-author"><h3 class="author-name">Karen Miles</h3><p>Karen Miles is the web editor of the Prairie Post.</p></div>'
    report = check_html(_dcnf_page("Karen Miles", box, byline="By Mara Quellin"), packs=["dcnf"])
    assert _rule(report, "dcnf/affiliation") == "pass"
    assert "next to By Mara Quellin" in next(p.evidence for p in report.passed if p.rule == "dcnf/affiliation")


PP_CREDIT = (
    '<p>This article was originally published by <a href="https://www.propublica.org/article/water-board-rates">ProPublica</a>.</p>'
    '<img src="https://pixel.propublica.org/pixel.gif?id=1" width="1" height="1" alt="">'
)
KFF_CREDIT = (
    '<p>Read the original story on <a href="https://kffhealthnews.org/news/article/water-board-rates/">KFF Health News</a>.</p>'
    '<p><em><a href="https://kffhealthnews.org/about-us">KFF Health News</a> is a national newsroom that produces in-depth journalism'
    " about health issues and is one of the core operating programs at KFF—an independent source of health policy research,"
    " polling, and journalism.</em></p>"
)
CM_CREDIT = '<p>This article was <a href="https://calmatters.org/politics/2024/06/water-board-rates/">originally published by CalMatters</a>.</p>'


def _publisher_page(byline: str, credit: str, box: str) -> str:
    return (
        f'<html><body><article><h1>County Water Board Delays Vote On Rate Increase</h1><p class="byline">{byline}</p>'
        f"{STORY}{credit}{box}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("pack", "outlet", "credit"),
    [
        ("propublica", "ProPublica", PP_CREDIT),
        ("kff-health-news", "KFF Health News", KFF_CREDIT),
        ("calmatters", "CalMatters", CM_CREDIT),
    ],
)
def test_the_publishers_name_beside_another_outlets_editor_is_no_affiliation(pack: str, outlet: str, credit: str) -> None:
    rule = f"{pack}/affiliation"
    editor = '<div class="author-bio"><p>Karen Miles is the web editor of the Prairie Post.</p></div>'
    report = check_html(_publisher_page(f"By Karen Miles, {outlet}", credit, editor), packs=[pack])
    assert _rule(report, rule) == "fail"
    assert "the page's author box says Karen Miles is the web editor of the Prairie Post" in _why(report, rule)
    # The publisher's own reporter, or another person's box, or both outlets in the byline: no failure.
    own = f'<div class="author-bio"><p>Karen Miles is a reporter at {outlet}.</p></div>'
    assert _rule(check_html(_publisher_page(f"By Karen Miles, {outlet}", credit, own), packs=[pack]), rule) == "pass"
    assert _rule(check_html(_publisher_page(f"By Hollis Brandt, {outlet}", credit, editor), packs=[pack]), rule) == "pass"
    both = f"By Karen Miles, Prairie Post, and {outlet}"
    assert _rule(check_html(_publisher_page(both, credit, editor), packs=[pack]), rule) == "pass"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Karen Miles is the web editor of the Prairie Post.", "the Prairie Post"),
        ("Karen Miles is now a senior staff writer with Lakeside Voice.", "Lakeside Voice"),
        ("KAREN MILES is the Statehouse bureau chief for The Valley Ledger.", "The Valley Ledger"),
        ("Karen Miles works for KQED.", "KQED"),
        ("Karen Miles writes about schools for the Harbor Ledger.", "the Harbor Ledger"),
    ],
)
def test_a_sentence_that_ties_the_person_to_an_outlet_now(text: str, outlet: str) -> None:
    assert [tie.outlet for tie in staff_ties(text, "Karen Miles")] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "Karen Miles was the web editor of the Prairie Post.",
        "Karen Miles, formerly of the Prairie Post, lives in Omaha.",
        "Karen Miles is the author of Water Wars.",
        "Karen Miles is a correspondent for Mexico.",
        "The Prairie Post thanks Karen Miles.",
        "Karen Milesworth is the web editor of the Prairie Post.",
    ],
)
def test_a_sentence_that_ties_no_one_to_an_outlet_now(text: str) -> None:
    assert staff_ties(text, "Karen Miles") == ()
