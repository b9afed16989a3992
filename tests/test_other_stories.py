"""A page that holds stories of their own beside the article checked (the next story an
infinite-scroll theme appends, two wire stories on one page) says so: only the article region is
checked, and a second story with no logo or a staff byline would otherwise pass unseen. Teaser
cards, related-story lists, comments and hidden articles are no such story."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = [p for p in load_packs() if p.id == "dcnf"]
LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story tells what the officials said about the plan and what it would cost the county in the coming year.</p>" for n in range(4)
)
STORY = f'<article><h1>First story</h1>{LOGO}<p class="byline">By Jake Smith, Daily Caller News Foundation</p>{PARAGRAPHS}</article>'


def _notices(html: str) -> list[str]:
    doc = parse_document(f"<html><body><main>{html}</main></body></html>".encode(), "html")
    report = check_document(doc, PACKS, path="page.html", auto_detect=False)
    return [n.message for n in report.notices if n.code == "other-stories"]


@pytest.mark.parametrize(
    ("second", "named"),
    [
        (
            f'<article><h2>Senate passes the defense bill</h2><p class="byline">By Staff</p>{PARAGRAPHS}</article>',
            '"Senate passes the defense bill" (line 1, By Staff)',
        ),
        (f"<article><header><h1>Second story</h1></header>{PARAGRAPHS}</article>", '"Second story" (line 1)'),
        (f'<div class="next-post"><article><h3>Another</h3>{PARAGRAPHS}</article></div>', '"Another" (line 1)'),
    ],
)
def test_a_second_story_on_the_page_is_said_not_checked(second: str, named: str) -> None:
    (note,) = _notices(STORY + second)
    assert note.startswith(f"the page holds 1 other story beside the article checked (line 1): {named}; it was not checked")


def test_two_more_stories_are_counted() -> None:
    second = f"<article><h2>Two</h2>{PARAGRAPHS}</article>"
    (note,) = _notices(STORY + second + second.replace("Two", "Three"))
    assert note.startswith("the page holds 2 other stories beside the article checked") and "they were not checked" in note


@pytest.mark.parametrize(
    "beside",
    [
        # A teaser card: a heading and a line.
        "<article><h3>Related: the budget</h3><p>What the county will spend next year.</p></article>",
        # Cards in a list, a sidebar, a related-stories navigation.
        f"<ul><li><article><h3>Card</h3>{PARAGRAPHS}</article></li></ul>",
        f"<aside><article><h3>Most read</h3>{PARAGRAPHS}</article></aside>",
        f'<div class="related-posts"><article><h3>Related</h3>{PARAGRAPHS}</article></div>',
        # Hidden from readers, and a story without a heading.
        f'<article style="display:none"><h2>Hidden</h2>{PARAGRAPHS}</article>',
        f"<article>{PARAGRAPHS}</article>",
    ],
)
def test_what_is_no_story_of_its_own_says_nothing(beside: str) -> None:
    assert _notices(STORY + beside) == []


def test_an_article_inside_the_story_is_part_of_it() -> None:
    # A quoted post or an embedded card inside the story's own <article>.
    nested = STORY.replace("</article>", f"<article><h2>Embedded</h2>{PARAGRAPHS}</article></article>")
    assert _notices(nested) == []


def test_a_page_no_pack_applies_to_says_nothing() -> None:
    doc = parse_document(f"<html><body>{STORY.replace(LOGO, '').replace(', Daily Caller News Foundation', '')}{STORY}</body></html>".encode(), "html")
    report = check_document(doc, [p for p in load_packs() if p.id == "propublica"], path="page.html", auto_detect=True)
    assert report.packs == () and not [n for n in report.notices if n.code == "other-stories"]


def test_the_notice_is_in_the_json_report(cli: Any, tmp_path: Any) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><main>{STORY}<article><h2>Two</h2>{PARAGRAPHS}</article></main></body></html>", encoding="utf-8")
    entry = cli("check", "--format", "json", str(page)).json()["files"][0]
    assert [n["code"] for n in entry["notices"] if n["code"] == "other-stories"] == ["other-stories"]


# --- A story of its own in a block that is no <article> -------------------------------------------


def _page_notices(page: str) -> list[str]:
    doc = parse_document(page.encode(), "html")
    report = check_document(doc, PACKS, path="page.html", auto_detect=False)
    return [n.message for n in report.notices if n.code == "other-stories"]


@pytest.mark.parametrize(
    ("second", "named"),
    [
        # An infinite-scroll theme's next post in a <div>.
        (
            f'<div class="post next-story" data-infinite>\n<h1 class="entry-title">Senate passes the defense bill</h1>\n'
            f'<p class="byline">By Staff</p>{PARAGRAPHS}</div>',
            '"Senate passes the defense bill" (line 3, By Staff)',
        ),
        # Its headline and byline in a header of their own, the body a level down.
        (
            f'<div class="infinite-post">\n<header><h2>Budget talks resume</h2><div class="meta"><span class="author vcard">Ana Ruiz</span></div></header>'
            f'<div class="text">{PARAGRAPHS}</div></div>',
            '"Budget talks resume" (line 3, Ana Ruiz)',
        ),
        # A second wire story in a <section>, in another language.
        (
            f'<section class="story">\n<h2>El Senado aprueba el presupuesto</h2><p>Por Ana Ruiz, Reuters</p>{PARAGRAPHS}</section>',
            '"El Senado aprueba el presupuesto" (line 3, Por Ana Ruiz, Reuters)',
        ),
    ],
)
def test_a_second_story_in_a_block_of_another_tag_is_said_not_checked(second: str, named: str) -> None:
    page = f"<html><body><main>\n{STORY}\n{second}</main></body></html>"
    (note,) = _page_notices(page)
    assert note.startswith(f"the page holds 1 other story beside the article checked (line 2): {named}; it was not checked")


def test_a_second_story_after_main_is_said_not_checked() -> None:
    second = f'<section class="post">\n<h1>Senate passes the defense bill</h1><p class="byline">By Staff</p>{PARAGRAPHS}</section>'
    page = f"<html><body><main>\n{STORY}\n</main>\n{second}</body></html>"
    (note,) = _page_notices(page)
    assert note.startswith(
        'the page holds 1 other story beside the article checked (line 2): "Senate passes the defense bill" (line 4, By Staff); it was not checked'
    )


@pytest.mark.parametrize(
    "beside",
    [
        # Related-story cards: a headline and a one-line teaser each.
        '<section class="related"><h2>More news</h2>'
        '<article class="teaser"><h3><a href="/b">Senate passes defense bill</a></h3><p>The vote was 84-14.</p></article>'
        '<div class="teaser"><h3><a href="/c">Budget delayed</a></h3><p>By Ana Ruiz</p><p>Talks resume Monday.</p></div></section>',
        # A comment section: bylines of commenters and long comments under a heading.
        f'<div id="comments"><h2>12 comments</h2><div class="comment"><p class="comment-author">By Jake Smith</p>{PARAGRAPHS}</div></div>',
        # A newsletter box, an author's bio (the block itself is the author box), a story-shaped
        # block with no byline (a long "About us" box).
        '<div class="newsletter"><h2>Get the morning briefing</h2><p>Sign up for our newsletter.</p><form><input type="email"></form></div>',
        f'<div class="author-bio"><h2>About Jake Smith</h2><p class="author-name"><a rel="author" href="/author/jake">Jake Smith</a></p>{PARAGRAPHS}</div>',
        f'<div class="about"><h2>About the Ledger</h2>{PARAGRAPHS}</div>',
        # A "Most popular" list of cards, each with a dek and a byline (the deks are no story's body).
        '<section class="c-most-popular"><h2>Most Popular</h2><ol>'
        + "".join(
            f'<li><h3><a href="/{n}">Story {n}</a></h3><p>{PARAGRAPHS[3:120]}</p><div class="c-byline"><a href="/authors/ana/">Ana Ruiz</a></div></li>'
            for n in range(4)
        )
        + "</ol></section>",
        # A second headline with a byline but no story under it.
        '<div class="promo"><h2>Listen: the podcast</h2><p>By Ana Ruiz</p><p>New episodes each week.</p></div>',
        # Hidden from readers.
        f'<div class="next-story" style="display:none"><h1>Hidden</h1><p>By Staff</p>{PARAGRAPHS}</div>',
    ],
)
def test_what_is_no_story_of_its_own_outside_an_article_says_nothing(beside: str) -> None:
    assert _notices(STORY + beside) == []


def test_a_next_story_wrapping_its_own_article_is_one_story() -> None:
    # The theme's wrapper holds the headline and byline, the story's <article> its body.
    second = f'<div class="next-story"><h1>Senate passes the defense bill</h1><p class="byline">By Staff</p><article>{PARAGRAPHS}<h2>More</h2></article></div>'
    (note,) = _notices(STORY + second)
    assert note.startswith("the page holds 1 other story beside the article checked")


# --- A brief beside the article: a few short paragraphs under a headline and byline of its own ---

BRIEF_BODY = (
    "<p>SACRAMENTO — Lawmakers on Tuesday advanced a bill capping rent increases for residents.</p><p>The measure passed 51-17 and heads to the Senate.</p>"
)


@pytest.mark.parametrize(
    ("second", "headline", "byline"),
    [
        # A second <article> with its own <h1> and a "By" line (a wire brief of two sentences).
        (
            f'<article class="post"><h1>Lawmakers advance rent cap</h1><p>By Ben Christopher, CalMatters</p>{BRIEF_BODY}</article>',
            "Lawmakers advance rent cap",
            "By Ben Christopher, CalMatters",
        ),
        # Its headline an <h2> in a header, its byline in byline markup, another outlet.
        (
            (
                '<article><header><h2>Wildfire smoke closes schools</h2><span class="byline">Maria'
                f" Lopez</span></header><p>Smoke from fires closed 40 schools.</p>{BRIEF_BODY}</article>"
            ),
            "Wildfire smoke closes schools",
            "Maria Lopez",
        ),
        # An infinite-scroll theme's next story in a <div>, after the article's <main>.
        (
            f'<div class="next-story"><h1>Senate passes the defense bill</h1><p>By Staff, Reuters</p>{BRIEF_BODY}</div>',
            "Senate passes the defense bill",
            "By Staff, Reuters",
        ),
    ],
)
def test_a_brief_beside_the_article_is_named_by_its_headline_and_byline(second: str, headline: str, byline: str) -> None:
    page = f"<html><body><main>\n{STORY}\n</main>\n{second}</body></html>"
    (note,) = _page_notices(page)
    assert note.startswith(f'the page holds 1 other story beside the article checked (line 2): "{headline}" (line 4, {byline}); it was not checked;')


@pytest.mark.parametrize(
    "beside",
    [
        # A teaser card: headline, byline and one line of dek.
        '<article><h2><a href="/rent">Lawmakers advance rent cap</a></h2><p>By Ben Christopher</p><p>The bill heads to the Senate.</p></article>',
        # A brief's shape with no byline: a "From the archive" box of three short lines.
        f"<article><h2>From the archive</h2><p>What we wrote in 1998.</p>{BRIEF_BODY}</article>",
        # A brief's shape and byline under an <h3>: a card's headline, not a story's.
        f'<div class="card"><h3>Lawmakers advance rent cap</h3><p>By Ben Christopher</p>{BRIEF_BODY}</div>',
    ],
)
def test_a_short_block_that_is_no_brief_says_nothing(beside: str) -> None:
    assert _page_notices(f"<html><body><main>\n{STORY}\n</main>\n{beside}</body></html>") == []


@pytest.mark.parametrize("second_paragraphs", [BRIEF_BODY, PARAGRAPHS * 3])
def test_of_two_articles_the_one_under_the_page_headline_is_checked(second_paragraphs: str) -> None:
    # However long the second story, the page is the one its headline (the first <h1>) names.
    page = (
        f"<html><body><main>\n{STORY}\n<article><h1>Lawmakers advance rent cap</h1><p>By Ben Christopher,"
        f" CalMatters</p>{second_paragraphs}</article></main></body></html>"
    )
    doc = parse_document(page.encode(), "html")
    report = check_document(doc, PACKS, path="page.html", auto_detect=False)
    assert doc.article_line == 2 and [byline.text for byline in doc.bylines] == ["By Jake Smith, Daily Caller News Foundation"]
    assert [f.rule for f in report.findings] == []
    (note,) = [n.message for n in report.notices if n.code == "other-stories"]
    assert '"Lawmakers advance rent cap" (line 3, By Ben Christopher, CalMatters)' in note


def test_a_pack_only_the_other_story_names_is_said_to_judge_the_wrong_story() -> None:
    # The page's story is CalMatters'; the DCNF story after it brings the dcnf pack in.
    cm = f"<article><h1>Lawmakers advance rent cap</h1><p>By Ben Christopher, CalMatters</p>{BRIEF_BODY}</article>"
    page = f"<html><body><main>\n{cm}\n{STORY.replace('<h1>', '<h2>').replace('</h1>', '</h2>')}</main></body></html>"
    (note,) = _page_notices(page)
    assert 'the dcnf rules judged the article checked, though it is the byline of "First story" that names Daily Caller News Foundation' in note
    # The DCNF story checked, the CalMatters one beside it: the dcnf rules judged their own.
    (note,) = _page_notices(f"<html><body><main>\n{STORY}\n{cm}</main></body></html>")
    assert "dcnf rules judged" not in note


def test_an_article_under_the_page_headline_with_no_story_of_its_own_is_not_the_region() -> None:
    # The first <h1> in a short <article> (a site's intro box): the longer story is the region.
    page = f"<html><body>\n<article><h1>The Riverbend Gazette</h1><p>News for the valley.</p></article>\n{STORY}</body></html>"
    doc = parse_document(page.encode(), "html")
    assert doc.article_line == 3 and [byline.text for byline in doc.bylines] == ["By Jake Smith, Daily Caller News Foundation"]
