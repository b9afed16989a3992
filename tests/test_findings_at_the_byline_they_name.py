"""A finding about the story's byline points at the byline its message names, and at the name it
is about: a theme's "by Web Desk" or "Posted by admin" above "By Mara Quellin, Valley Ledger" is
not where an editor adds the affiliation, and a Ghost author line above "… and <strong>Amara
Lindqvist</strong>" is not where the missing institution goes. `syndcheck fix` puts a block that
goes "before the byline" beside the same byline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html

LOGO = '<p><img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'
LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service,"
    " is available without charge to any legitimate news publisher that can provide a large audience.</p>"
)


def dcnf_page(theme: str, byline: str, *, logo: str = LOGO) -> str:
    """A DCNF copy: the theme's author line on line 3, the story's byline on line 7."""
    lines = [
        "<article>",
        "<h1>County Water Board Delays Vote</h1>",
        theme,
        '<div class="entry-content">',
        logo,
        "<p>A county water board postponed a planned vote on higher household rates.</p>",
        f"<p>{byline}</p>",
        "<p>Board members said they wanted more time.</p>",
        LICENSE,
        "</div>",
        "</article>",
        "",
    ]
    return "\n".join(lines)


THEMES = [
    '<div class="entry-meta"><span class="byline"> by <span class="author vcard">'
    '<a class="url fn n" href="/author/webdesk/">Ledger Web Desk</a></span></span></div>',
    '<div class="post-meta"><span class="meta-author">Posted by <a href="/author/admin/">admin</a></span></div>',
    '<p class="byline author">By Staff</p>',
]


@pytest.mark.parametrize(
    ("theme", "byline", "name"),
    [
        (THEMES[0], "By Mara Quellin, Valley Ledger", "Mara Quellin"),
        (THEMES[1], "By Jake Smith, The Prairie Post", "Jake Smith"),
        (THEMES[2], "By Nick Pope, Hill Country Times", "Nick Pope"),
    ],
)
def test_an_affiliation_finding_is_at_the_reporters_byline_not_the_themes(theme: str, byline: str, name: str) -> None:
    (finding,) = [f for f in check_html(dcnf_page(theme, byline), packs=["dcnf"]).findings if f.rule == "dcnf/affiliation"]
    assert name in finding.message
    assert (finding.location.line, finding.location.column) == (7, 1)


def test_with_the_reporters_byline_first_the_finding_stays_there() -> None:
    # Near miss: no theme line above; the story's byline is the first, as before.
    page = dcnf_page("<p>Updated May 2</p>", "By Mara Quellin, Valley Ledger")
    (finding,) = [f for f in check_html(page, packs=["dcnf"]).findings if f.rule == "dcnf/affiliation"]
    assert finding.location.line == 7


@pytest.mark.parametrize("theme", THEMES)
def test_fix_puts_the_logo_beside_the_reporters_byline(cli: Any, tmp_path: Path, theme: str) -> None:
    path = tmp_path / "copy.html"
    path.write_text(dcnf_page(theme, "By Mara Quellin", logo=""), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--meta=logo-url=https://dailycallernewsfoundation.org/x/dcnf-logo.png", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert run.code == 0, run.err
    assert "dcnf-logo.png" in lines[lines.index("<p>By Mara Quellin</p>") - 1]
    assert cli("check", "--pack", "dcnf", str(path)).code == 0


COUNTER = (
    '<img src="https://counter.theconversation.com/content/224466/count.gif?distributor=republish-lightbox-basic" alt="The Conversation" width="1" height="1">'
)
CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
    ' Read the <a href="https://theconversation.com/why-coral-reefs-recover-faster-in-marine-reserves-224466">original article</a>.</p>'
)
GHOST = '<div class="article-byline"><h4 class="author-name"><a href="/author/editors/">Harbor Notes Editors</a></h4></div>'


def conversation_page(head: str, byline: str) -> str:
    body = "<p>Fish numbers on tropical reefs have fallen for decades, but areas closed to fishing have helped.</p>"
    headline = "<h1>Why coral reefs recover faster in marine reserves</h1>"
    return f"<html><body><article>\n{headline}\n{head}\n{byline}\n{body}\n{CREDIT}\n{COUNTER}\n</article></body></html>\n"


@pytest.mark.parametrize(
    ("head", "byline", "where"),
    [
        # Ghost's author line above; the name in bold, after the other author and her institution.
        (GHOST, "<p><strong>Tobias Wrenfield</strong>, <em>University of Tasmania</em> and <strong>Amara Lindqvist</strong></p>", (4, 83)),
        # The byline written over three source lines: the line that names her.
        (GHOST, '<p class="byline">By Tobias Wrenfield, University of Tasmania,\nand\nAmara Lindqvist</p>', (6, 1)),
        # No theme line; the name linked to an author page, on the byline's second line.
        ("", '<p class="byline">By Inès Marlowe, Monash University, and\n<a href="/author/koa">Amara Lindqvist</a></p>', (5, 23)),
    ],
)
def test_a_missing_institution_is_located_at_the_name_that_lacks_it(head: str, byline: str, where: tuple[int, int]) -> None:
    (finding,) = [
        f for f in check_html(conversation_page(head, byline), packs=["the-conversation"]).findings if f.rule == "the-conversation/author-institution"
    ]
    assert "Amara Lindqvist" in finding.message
    assert (finding.location.line, finding.location.column) == where


def test_two_names_without_institutions_point_at_the_first() -> None:
    page = conversation_page(GHOST, '<p class="byline">By Inès Marlowe and Koa Pālama</p>')
    (finding,) = [f for f in check_html(page, packs=["the-conversation"]).findings if f.rule == "the-conversation/author-institution"]
    assert (finding.location.line, finding.location.column) == (4, 22)


def test_a_name_the_source_does_not_write_as_read_points_at_the_byline() -> None:
    # Near miss: a letter written as a character reference: the byline's own place, not a guess.
    page = conversation_page(GHOST, '<p class="byline">By Tobias Wrenfield, University of Tasmania, and Am&#97;ra Lindqvist</p>')
    (finding,) = [f for f in check_html(page, packs=["the-conversation"]).findings if f.rule == "the-conversation/author-institution"]
    assert (finding.location.line, finding.location.column) == (4, 1)
