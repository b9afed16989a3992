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
    "second",
    [
        f'<article><h2>Senate passes the defense bill</h2><p class="byline">By Staff</p>{PARAGRAPHS}</article>',
        f"<article><header><h1>Second story</h1></header>{PARAGRAPHS}</article>",
        f'<div class="next-post"><article><h3>Another</h3>{PARAGRAPHS}</article></div>',
    ],
)
def test_a_second_story_on_the_page_is_said_not_checked(second: str) -> None:
    (note,) = _notices(STORY + second)
    assert note.startswith("the page holds 1 other story beside the article checked (line 1), at line 1: it was not checked")


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
