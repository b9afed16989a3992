"""A "By" line of byline markup that opens the story's body (`<p class="byline">By Mara Quellin</p>`
under the DCNF logo in `.entry-content`) is the story's byline over a theme's author line in byline
markup in the entry header above it that names another person and no outlet (Jannah's post meta,
Newspack's, Astra's and GeneratePress's entry meta, Avada's meta info: the partner's editor who
posted the story). The byline rules read the story's line, and `original-byline` does not count the
theme's person as credited beside the reporter. Lines in the same header, lines without "By", a "By"
paragraph of the text in the header, lines written alike, lines naming the same person and a theme's
line crediting an outlet all count, as before."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document import parse_document, story_bylines
from tests.conftest import assert_story_byline_beside_a_credited_theme_author, failed_rules

HEADLINE = "County Water Board Delays Vote On Rate Increase"
# Each theme's entry header with its author line ({name}: the account that posted the story), and
# the element its story's content goes in.
THEMES = {
    "jannah": (
        '<div class="entry-header"><h1 class="post-title entry-title">{headline}</h1><div id="single-post-meta" class="post-meta clearfix">'
        '<span class="meta-author"><a href="/author/kmiles/" class="author-name tie-icon" title="{name}">{name}</a></span>'
        ' <span class="date meta-item">June 27, 2024</span></div></div>',
        '<div class="entry-content entry clearfix">{content}</div>',
    ),
    "newspack": (
        '<header class="entry-header"><h1 class="entry-title">{headline}</h1><div class="entry-subhead"><div class="entry-meta">'
        '<span class="byline"><span class="author-prefix">By</span> <span class="author vcard">'
        '<a class="url fn n" href="/author/kmiles/">{name}</a></span></span>'
        '<span class="posted-on"><time class="entry-date published" datetime="2024-06-27">June 27, 2024</time></span></div></div></header>',
        '<div class="entry-content">{content}</div>',
    ),
    "astra": (
        '<header class="entry-header"><h1 class="entry-title" itemprop="headline">{headline}</h1><div class="entry-meta">'
        '<span class="posted-by vcard author" itemprop="author"><a title="View all posts by {name}" href="/author/kmiles/" rel="author" class="url fn n">'
        '<span class="author-name" itemprop="name">{name}</span></a></span> / <span class="published">June 27, 2024</span></div></header>',
        '<div class="entry-content clear" itemprop="text">{content}</div>',
    ),
    "generatepress": (
        '<header class="entry-header"><h1 class="entry-title" itemprop="headline">{headline}</h1><div class="entry-meta">'
        '<span class="posted-on"><time class="entry-date published" datetime="2024-06-27">June 27, 2024</time></span> <span class="byline">by'
        ' <span class="author vcard" itemprop="author"><a class="url fn n" href="/author/kmiles/" rel="author">'
        '<span class="author-name" itemprop="name">{name}</span></a>'
        "</span></span></div></header>",
        '<div class="entry-content" itemprop="text">{content}</div>',
    ),
    "avada": (
        '<h1 class="entry-title fusion-post-title">{headline}</h1><div class="fusion-meta-info"><div class="fusion-meta-info-wrapper">By'
        ' <span class="vcard"><span class="fn"><a href="/author/kmiles/" rel="author">{name}</a></span></span><span class="fusion-inline-sep">|</span>'
        "<span>June 27th, 2024</span></div></div>",
        '<div class="post-content"><div class="fusion-text fusion-text-1">{content}</div></div>',
    ),
}
# The story's own byline as pasted with it, in byline markup ({reporter}).
STORY_LINES = [
    '<p class="byline">By {reporter}</p>',
    '<div class="author">By <a href="/author/mqu">{reporter}</a></div>',
    '<p class="story-byline">By <strong>{reporter}</strong></p>',
]
PROSE = (
    "<p>A county water board postponed a planned vote on higher household rates after residents packed a Tuesday hearing to object.</p>"
    "<p>Board members said they wanted more time to study how the increase would affect retirees on fixed incomes.</p>"
)
DCNF_LOGO = (
    '<p><img src="https://prairiepost.example/wp-content/uploads/2024/06/DCNF-logo.png" alt="Daily Caller News Foundation logo" width="600" height="180"></p>'
)
DCNF_LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</p>"
)
PROPUBLICA_CREDIT = '<p><em>This story was originally published by <a href="https://www.propublica.org/article/water-rates">ProPublica</a>.</em></p>'
KFF_LOGO = '<p><img src="https://prairiepost.example/wp-content/uploads/kff-health-news-logo.png" alt="KFF Health News" width="300" height="60"></p>'
DCNF_OUTLETS = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf"})


def _page(theme: str, editor: str, content: str) -> str:
    """A story on a partner's `theme`: the headline and the theme's line for `editor` in the entry
    header, then the story's `content`."""
    header, body = THEMES[theme]
    return (
        '<!doctype html><html><head><title>t</title></head><body><article class="post">'
        + header.format(headline=HEADLINE, name=editor)
        + "\n"
        + body.format(content=content)
        + "</article></body></html>"
    )


def _dcnf_page(theme: str, editor: str, story_line: str) -> str:
    """A DCNF story: the logo, the story's `story_line`, its text and the license."""
    return _page(theme, editor, f"{DCNF_LOGO}\n{story_line}\n{PROSE}{DCNF_LICENSE}")


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("story_line", STORY_LINES)
@pytest.mark.parametrize(("editor", "reporter"), [("Karen Miles", "Mara Quellin"), ("Dana Whitfield", "Audrey Streb")])
def test_the_storys_byline_markup_is_the_byline_over_the_theme_author(theme: str, story_line: str, editor: str, reporter: str) -> None:
    page = _dcnf_page(theme, editor, story_line.format(reporter=reporter))
    report = check_html(page, packs=["dcnf"], meta={"reporter": reporter})
    assert_story_byline_beside_a_credited_theme_author(report, editor, reporter)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_a_wrong_reporter_in_the_storys_byline_markup_is_the_one_reported(theme: str) -> None:
    report = check_html(_dcnf_page(theme, "Karen Miles", '<p class="byline">By Sam Li</p>'), packs=["dcnf"], meta={"reporter": "Mara Quellin"})
    findings = failed_rules(report)
    assert set(findings) == {"dcnf/original-reporter"}
    assert "'By Sam Li'" in findings["dcnf/original-reporter"]
    assert "Karen Miles" in findings["dcnf/original-reporter"]


@pytest.mark.parametrize("theme", ["newspack", "astra", "jannah"])
@pytest.mark.parametrize(
    ("pack", "top", "outlet"),
    [("propublica", PROPUBLICA_CREDIT, "ProPublica"), ("kff-health-news", KFF_LOGO, "KFF Health News")],
)
def test_the_affiliation_rule_names_the_storys_line_alone(theme: str, pack: str, top: str, outlet: str) -> None:
    """Without the outlet in the story's line, the missing affiliation is the story's line's, not
    the theme's person's too; with it, the rule passes."""
    story_line = '<div class="author">By <a href="/author/sjt">Sarah Jane Tribble</a></div>'
    without = check_html(_page(theme, "Karen Miles", f"{top}\n{story_line}\n{PROSE}"), packs=[pack])
    detail = failed_rules(without)[f"{pack}/affiliation"]
    assert "'By Sarah Jane Tribble'" in detail
    assert "Karen Miles" not in detail
    with_outlet = check_html(_page(theme, "Karen Miles", f'{top}\n<p class="byline">By Sarah Jane Tribble, {outlet}</p>\n{PROSE}'), packs=[pack])
    assert f"{pack}/affiliation" not in failed_rules(with_outlet)


def _people(html: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The people of the document's bylines and of the story's bylines."""
    doc = parse_document(html, "html", outlets=DCNF_OUTLETS)
    return [byline.names for byline in doc.bylines], [byline.names for byline in story_bylines(doc)]


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_theme_author_is_set_aside(theme: str) -> None:
    assert _people(_dcnf_page(theme, "Karen Miles", '<p class="byline">By Mara Quellin</p>')) == (
        [("Karen Miles",), ("Mara Quellin",)],
        [("Mara Quellin",)],
    )


def _dcnf_article(head: str, content: str) -> str:
    return (
        f'<!doctype html><html><body><article class="post"><header class="entry-header"><h1 class="entry-title">{HEADLINE}</h1>{head}</header>'
        f'<div class="entry-content">{DCNF_LOGO}{content}{PROSE}{DCNF_LICENSE}</div></article></body></html>'
    )


POST_META = '<div class="post-meta"><a href="/author/kmiles/" class="author-name">Karen Miles</a></div>'


@pytest.mark.parametrize(
    "html",
    [
        # Both lines in the entry header: the body opens with no byline of its own.
        pytest.param(_dcnf_article(POST_META + '<p class="byline">By Mara Quellin</p>', ""), id="both-in-the-header"),
        # The line in the body has no "By": a name in author markup, as a second author's can be.
        pytest.param(_dcnf_article(POST_META, '<p class="byline">Mara Quellin</p>'), id="no-by"),
        # A "By" paragraph of the text in the header: a second author's line as likely as a theme's.
        pytest.param(_dcnf_article("<p>By Karen Miles</p>", '<p class="byline">By Mara Quellin</p>'), id="text-by-line-in-the-header"),
        # The theme's line credits an outlet of its own: a byline of the story too.
        pytest.param(
            _dcnf_article(
                '<div class="post-meta"><a href="/author/kmiles/" class="author-name">Karen Miles</a>, Prairie Post</div>',
                '<p class="byline">By Mara Quellin</p>',
            ),
            id="theme-line-credits-an-outlet",
        ),
        # No entry header or content wrapper: nothing tells the theme's line from the story's.
        pytest.param(
            f'<!doctype html><html><body><article class="post"><h1 class="entry-title">{HEADLINE}</h1>{POST_META}{DCNF_LOGO}'
            f'<p class="byline">By Mara Quellin</p>{PROSE}{DCNF_LICENSE}</article></body></html>',
            id="one-flat-article",
        ),
    ],
)
def test_author_lines_that_stay_bylines_of_the_story(html: str) -> None:
    people, story = _people(html)
    assert people == [("Karen Miles",), ("Mara Quellin",)]
    assert story == people


@pytest.mark.parametrize("theme", ["newspack", "generatepress"])
def test_a_story_line_written_as_the_themes_is_a_second_authors(theme: str) -> None:
    """Newspack's and GeneratePress's author line is a `span.byline`; the story's written alike is
    read as a second author's byline, as two lines written alike are."""
    people, story = _people(_dcnf_page(theme, "Karen Miles", '<p><span class="byline">By Mara Quellin</span></p>'))
    assert people == [("Karen Miles",), ("Mara Quellin",)]
    assert story == people


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_theme_line_naming_the_reporter_is_one_byline(theme: str) -> None:
    assert _people(_dcnf_page(theme, "Mara Quellin", '<p class="byline">By Mara Quellin</p>')) == ([("Mara Quellin",)], [("Mara Quellin",)])
