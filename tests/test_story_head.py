"""The story's head outside the element chosen as the article: themes put the headline, the
publisher's logo or credit line and the byline in a `<header>` or hero above `<article>` or
`.entry-content`. That head is part of the article region (logo, credit line, `at: top`, text
scope `article`); the site's masthead, its navigation, sidebars, other stories' cards and the
page footer are not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import find_story_head, parse_html
from tests.conftest import write

HEADLINE = "Regulators approve biggest electricity rate increase in a decade"
LOGO = (
    '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'
)
AMP_LOGO = (
    '<amp-img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" '
    'alt="Daily Caller News Foundation logo" width="300" height="60" layout="fixed"></amp-img>'
)
DCNF_BYLINE = '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
BODY = (
    "<p>LANSING, Mich. — State regulators on Tuesday approved a plan that would let the state's largest utility raise "
    "residential electricity rates by 6% over two years.</p>"
    "<p>The commission trimmed the company's request by about a third.</p>"
)
DCNF_LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, "
    "is available without charge to any legitimate news publisher that can provide a large audience.</p>"
)
SIDEBAR = '<aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Story A</a></li></ul></aside>'
MENU = '<nav class="site-navigation"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
PP_CREDIT = '<p class="credit"><em>This story was originally published by <a href="https://www.propublica.org/article/x">ProPublica</a>.</em></p>'
PP_BYLINE = '<p class="byline">By Hollis Brandt, ProPublica</p>'
PP_PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def _page(body: str, *, html: str = "<html>") -> str:
    return f'<!doctype html>\n{html}<head><meta charset="utf-8"><title>t</title></head><body>\n{body}\n</body></html>\n'


def _verdict(cli: Any, tmp_path: Path, html: str, pack: str, rule: str) -> dict[str, Any] | None:
    """The finding of `rule` when it fails, None when it passes (it must be one or the other)."""
    path = write(tmp_path, "story.html", html)
    entry = cli("check", "-p", pack, "-f", "json", str(path)).json()["files"][0]
    found = [f for f in entry["findings"] if f["rule"] == rule]
    if not found:
        assert rule in {p["rule"] for p in entry["passed"]}
    return found[0] if found else None


DCNF_HEAD = f'<h1 class="entry-title">{HEADLINE}</h1>\n{LOGO}\n{DCNF_BYLINE}'

# Headline, logo and byline above the element the body is in, in the layouts themes use.
DCNF_HEAD_LAYOUTS = {
    "header sibling before <article>": (
        f'<div class="site-content"><header class="entry-header">{DCNF_HEAD}</header>'
        f'<article class="post"><div class="entry-content">{BODY}{DCNF_LICENSE}</div></article>{SIDEBAR}</div>'
    ),
    "hero <div> before .entry-content": (
        f'<div class="layout"><div class="hero"><div class="hero__inner">{DCNF_HEAD}</div></div>'
        f'<div class="share-buttons"><a href="/share">Share</a></div>'
        f'<div class="entry-content">{BODY}{DCNF_LICENSE}</div>{SIDEBAR}</div>'
    ),
    "<header> inside <main> with the h1": (
        f'<main><header class="article-header">{DCNF_HEAD}</header>{SIDEBAR}<article><div class="post-content">{BODY}{DCNF_LICENSE}</div></article></main>'
    ),
    "headline nested deeper than the logo, body nested deeper still": (
        f'<div class="wrap"><div class="article-topper"><div class="headline-wrap"><h1>{HEADLINE}</h1></div>{LOGO}{DCNF_BYLINE}</div>'
        f'<div class="columns"><div class="main-column"><article>{BODY}{DCNF_LICENSE}</article></div>{SIDEBAR}</div></div>'
    ),
}


@pytest.mark.parametrize("layout", DCNF_HEAD_LAYOUTS.values(), ids=DCNF_HEAD_LAYOUTS.keys())
def test_a_logo_under_the_headline_above_the_body_is_in_the_article(cli: Any, tmp_path: Path, layout: str) -> None:
    assert _verdict(cli, tmp_path, _page(layout), "dcnf", "dcnf/logo") is None


def test_an_amp_logo_in_the_header_before_the_article_is_in_the_article(cli: Any, tmp_path: Path) -> None:
    page = _page(f"<header><h1>{HEADLINE}</h1>{AMP_LOGO}{DCNF_BYLINE}</header>{SIDEBAR}<article>{BODY}{DCNF_LICENSE}</article>", html="<html amp>")
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/logo") is None


@pytest.mark.parametrize(
    "layout",
    [
        # the site's masthead above the menu, the story's own header inside <article>
        f'<header class="site-header">{LOGO}{MENU}</header><article><h1>{HEADLINE}</h1>{DCNF_BYLINE}{BODY}{DCNF_LICENSE}</article>',
        # the site's name is the first <h1>, in an unclassed masthead with the menu under it
        f'<div class="top"><h1>The Lansing Ledger</h1>{LOGO}{MENU}</div><article><h2>{HEADLINE}</h2>{DCNF_BYLINE}{BODY}{DCNF_LICENSE}</article>',
        # the site's name as <h1> in a masthead without a menu
        f'<header id="masthead"><h1 class="site-title">The Lansing Ledger</h1>{LOGO}</header><article>{DCNF_BYLINE}{BODY}{DCNF_LICENSE}</article>',
        # the site's name as an <h1> linking to the front page, the story's title an <h2> in the article
        f'<header class="main-title"><h1><a href="/">The Lansing Ledger</a></h1>{LOGO}</header>'
        f"<article><h2>{HEADLINE}</h2>{DCNF_BYLINE}{BODY}{DCNF_LICENSE}</article>",
        # the site's logo as an <h1> in a top bar, over a menu written as a plain list of links
        f'<div class="topbar"><h1 class="topbar__logo__title">Ledger Blogs</h1>{LOGO}'
        f'<ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>'
        f'<li><a href="/travel">Travel</a></li><li><a href="/food">Food</a></li></ul></div>'
        f'<div id="article-box"><div class="entry-content">{DCNF_BYLINE}{BODY}{DCNF_LICENSE}</div></div>',
        # under the headline, but in a sidebar between the header and the body
        f'<header><h1>{HEADLINE}</h1>{DCNF_BYLINE}</header><aside class="sidebar">{LOGO}</aside><article>{BODY}{DCNF_LICENSE}</article>',
        # under the headline, but in another story's card between the header and the body
        f'<header><h1>{HEADLINE}</h1>{DCNF_BYLINE}</header><article class="teaser"><h2>Another story</h2>{LOGO}</article>'
        f'<div class="entry-content">{BODY}{DCNF_LICENSE}</div>',
        # in the page footer after the article
        f'<header><h1>{HEADLINE}</h1>{DCNF_BYLINE}</header><article>{BODY}{DCNF_LICENSE}</article><footer class="site-footer">{LOGO}</footer>',
    ],
    ids=[
        "site masthead above the menu",
        "site name h1 over the menu",
        "site name h1 in a masthead",
        "site name h1 linking home",
        "site logo h1 over a list of links",
        "sidebar under the header",
        "teaser card",
        "site footer",
    ],
)
def test_a_logo_only_in_the_pages_chrome_is_still_missing(cli: Any, tmp_path: Path, layout: str) -> None:
    finding = _verdict(cli, tmp_path, _page(layout), "dcnf", "dcnf/logo")
    assert finding is not None
    assert "outside the article" in finding["detail"]


def test_a_partner_strip_in_the_site_header_does_not_apply_the_pack(cli: Any, tmp_path: Path) -> None:
    strip = f'<header class="site-header"><div class="partners">{LOGO}</div>{MENU}</header>'
    page = _page(f'{strip}<header class="entry-header"><h1>{HEADLINE}</h1><p class="byline">By Ana Ruiz</p></header><article>{BODY}</article>')
    path = write(tmp_path, "story.html", page)
    entry = cli("check", "-f", "json", str(path)).json()["files"][0]
    assert "dcnf" not in entry["packs"]


def test_a_credit_line_under_the_headline_in_a_hero_is_at_the_top(cli: Any, tmp_path: Path) -> None:
    # The deck in the hero is a sentence of more than six words, but the head is never the body:
    # the credit line after it is still before the story's body text.
    deck = "<p>The state's largest utility will charge households more from January.</p>"
    page = _page(
        f'<div class="hero"><h1>{HEADLINE}</h1>{deck}{PP_BYLINE}{PP_CREDIT}</div>{SIDEBAR}'
        f'<div class="entry-content">{BODY}{PP_PIXEL}</div><link rel="canonical" href="https://www.propublica.org/article/x">'
    )
    assert _verdict(cli, tmp_path, page, "propublica", "propublica/credit-line") is None
    assert _verdict(cli, tmp_path, page, "propublica", "creative-commons/source-link") is None


def test_a_credit_line_only_in_the_footer_is_still_missing(cli: Any, tmp_path: Path) -> None:
    page = _page(
        f'<header class="entry-header"><h1>{HEADLINE}</h1>{PP_BYLINE}</header><article><div class="entry-content">{BODY}{PP_PIXEL}</div></article>'
        f'<footer class="site-footer">{PP_CREDIT}</footer>'
    )
    finding = _verdict(cli, tmp_path, page, "propublica", "propublica/credit-line")
    assert finding is not None
    assert "anywhere in the article" in finding["detail"]


def test_the_head_is_the_headline_and_what_follows_it_up_to_the_body() -> None:
    doc = parse_html(_page(DCNF_HEAD_LAYOUTS["header sibling before <article>"]).encode())
    assert [b.text for b in doc.article_blocks][:2] == [HEADLINE, "By Jake Smith, Daily Caller News Foundation"]
    assert [b.text for b in doc.article_blocks][-1].startswith("All content created")
    assert not any("Most read" in b.text for b in doc.article_blocks)
    assert [image.alt for image in doc.images if image.in_article] == ["Daily Caller News Foundation logo"]


def test_no_head_when_the_headline_is_in_the_article_or_after_it() -> None:
    inside = parse_html(_page(f"<article><h1>{HEADLINE}</h1>{BODY}</article>").encode())
    after = parse_html(_page(f"<article>{BODY}</article><section><h1>Comments</h1></section>").encode())
    for doc in (inside, after):
        assert find_story_head(doc.root, doc.article_root) == ()
