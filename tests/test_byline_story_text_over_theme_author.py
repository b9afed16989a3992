"""A "By" line the story's own text prints ("By Mara Quellin" under the DCNF logo in the entry's
content) is the story's byline over a theme's author line in byline markup above it that names
another person (Jannah's `.post-meta .author-name`, a WordPress entry header's author link: the
partner's editor who posted the story). The byline rules read the story's line, `original-byline`
does not count the theme's person as credited beside the reporter, and `fix` leaves the theme's
line alone. Two "By" lines of the text, two lines written alike, or lines naming the same person
all count, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.document import parse_document, story_bylines
from tests.conftest import assert_story_byline_beside_a_credited_theme_author, failed_rules, passed_rules

DCNF_OUTLETS = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf"})
LOGO = (
    '<p><img src="https://prairiepost.example/wp-content/uploads/2024/06/DCNF-logo.png" alt="Daily Caller News Foundation logo" width="600" height="180"></p>'
)
LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</p>"
)
# Themes' author lines: the account that posted the story, in byline markup.
THEME_LINES = [
    # Jannah's post meta: the author's avatar and name linked to the author's page.
    '<div id="single-post-meta" class="post-meta clearfix"><span class="meta-author"><a href="/author/kmiles/" class="author-name tie-icon"'
    ' title="{name}">{name}</a></span> <span class="date meta-item">June 27, 2024</span></div>',
    # WordPress's entry header.
    '<div class="entry-byline"><span class="entry-author"><a href="/author/kmiles" rel="author">{name}</a></span>'
    ' <time datetime="2024-06-27">June 27, 2024</time></div>',
    # An h-card with "Posted by".
    '<p class="entry-meta">Posted by <span class="author vcard"><a class="url fn n" href="/author/kmiles/">{name}</a></span></p>',
]


def _page(theme: str, byline: str) -> str:
    """A DCNF story on a partner's theme: the headline and `theme` in the entry header (line 2),
    then in the entry's content the logo (line 3) and `byline` (line 4), the story and the license."""
    return (
        '<!doctype html><html><head><title>t</title></head><body><article class="post">'
        f'<header class="entry-header"><h1 class="entry-title">County Water Board Delays Vote On Rate Increase</h1>\n{theme}</header>\n'
        f'<div class="entry-content">{LOGO}\n{byline}\n'
        "<p>A county water board postponed a planned vote on higher household rates after residents packed a Tuesday hearing to object.</p>"
        "<p>Board members said they wanted more time to study how the increase would affect retirees on fixed incomes.</p>"
        f"{LICENSE}</div></article></body></html>"
    )


@pytest.mark.parametrize("theme", THEME_LINES)
@pytest.mark.parametrize(
    ("editor", "reporter"),
    [("Karen Miles", "Mara Quellin"), ("Dana Whitfield", "Nick Pope"), ("Tom Brandt", "Audrey Streb")],
)
def test_the_storys_by_line_is_the_byline_over_the_theme_author(theme: str, editor: str, reporter: str) -> None:
    page = _page(theme.format(name=editor), f"<p>By {reporter}</p>")
    report = check_html(page, packs=["dcnf"], meta={"reporter": reporter})
    assert_story_byline_beside_a_credited_theme_author(report, editor, reporter)
    assert editor not in passed_rules(report)["dcnf/affiliation"]


@pytest.mark.parametrize("theme", THEME_LINES)
def test_a_byline_of_another_outlet_under_the_theme_author_is_the_byline_and_the_theme_author_is_credited_too(theme: str) -> None:
    """The story's byline credits an outlet: the byline check reads it, and original-reporter
    still counts the theme's person as credited beside the reporter."""
    page = _page(theme.format(name="Karen Miles"), '<p class="byline">By Nick Pope, Daily Caller News Foundation</p>')
    report = check_html(page, packs=["dcnf"], meta={"reporter": "Nick Pope"})
    findings = failed_rules(report)
    assert set(findings) == {"dcnf/original-reporter"}
    assert "Karen Miles, credited too" in findings["dcnf/original-reporter"]


@pytest.mark.parametrize("theme", THEME_LINES)
def test_a_wrong_reporter_in_the_storys_line_is_the_one_reported(theme: str) -> None:
    page = _page(theme.format(name="Karen Miles"), "<p>By Sam Li</p>")
    report = check_html(page, packs=["dcnf"], meta={"reporter": "Mara Quellin"})
    findings = failed_rules(report)
    assert set(findings) == {"dcnf/original-reporter"}
    assert "'By Sam Li'" in findings["dcnf/original-reporter"]
    assert "Karen Miles" in findings["dcnf/original-reporter"]
    # The finding points at the first byline crediting someone else: the theme's (line 2).
    (finding,) = report.findings
    assert finding.location.line == 2


def test_fix_puts_the_reporter_in_every_wrong_byline_the_theme_line_included(cli: Any, tmp_path: Path) -> None:
    theme = THEME_LINES[0].format(name="Karen Miles")
    copy = tmp_path / "copy.html"
    copy.write_text(_page(theme, "<p>By Sam Li</p>"), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--meta", "reporter=Mara Quellin", str(copy))
    fixed = copy.read_text(encoding="utf-8")
    assert "Sam Li" not in fixed and "Karen Miles" not in fixed, run.err
    assert "<p>By Mara Quellin, Daily Caller News Foundation</p>" in fixed
    assert cli("check", "--pack", "dcnf", "--meta", "reporter=Mara Quellin", str(copy)).code == 0


@pytest.mark.parametrize(
    ("theme", "byline", "people"),
    [
        # Two "By" lines of the text: a second author's as likely as a theme's.
        ("<p>By Karen Miles</p>", "<p>By Mara Quellin</p>", [("Karen Miles",), ("Mara Quellin",)]),
        # Both written alike: two authors' bylines.
        ('<p class="byline">By Karen Miles</p>', '<p class="byline">By Mara Quellin</p>', [("Karen Miles",), ("Mara Quellin",)]),
        # The theme's line credits an outlet of its own: a byline of the story too.
        (
            '<div class="entry-byline"><a href="/author/kmiles" rel="author">Karen Miles</a>, Prairie Post</div>',
            "<p>By Mara Quellin</p>",
            [("Karen Miles",), ("Mara Quellin",)],
        ),
        # The theme's line names the story's reporter: one byline.
        (THEME_LINES[0].format(name="Mara Quellin"), "<p>By Mara Quellin</p>", [("Mara Quellin",)]),
    ],
)
def test_author_lines_that_stay_bylines_of_the_story(theme: str, byline: str, people: list[tuple[str, ...]]) -> None:
    doc = parse_document(_page(theme, byline), "html", outlets=DCNF_OUTLETS)
    assert [read.names for read in doc.bylines] == people
    assert story_bylines(doc) == doc.bylines


@pytest.mark.parametrize("theme", THEME_LINES)
def test_without_a_by_line_in_the_story_the_theme_author_stays_the_byline(theme: str) -> None:
    doc = parse_document(_page(theme.format(name="Karen Miles"), "<p>Nick Pope Contributor</p>"), "html", outlets=DCNF_OUTLETS)
    assert [byline.names for byline in story_bylines(doc)] == [("Karen Miles",), ("Nick Pope",)]
