"""Bylines whose parts stand in separate elements or lines: an opener in one element and the name in
the next ("by" then `<h3><a>NAME</a></h3>`), a header's byline for another work above the story, a
topic label over an author box, a name line over a line of job title and institution (The
Conversation's author block), and a name line alone in plain text and Markdown."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from compliance.findings import Report, Severity

STORY = (
    "<p>The small child care center Alma Reyes ran in her Tucson home for nine years closed its doors last month, after the grant ran out.</p>"
    "<p>Federal relief money that kept centers open through the pandemic ran out in September, and providers say the effects now show.</p>"
)
NINETEENTH_CREDIT = (
    '<p><em>This article was originally published by <a href="https://19thnews.org/2024/10/child-care-centers-close/">The 19th</a>, '
    "an independent, nonprofit newsroom reporting on gender, politics and policy.</em></p>"
    '<img src="https://19thnews.org/wp-json/the19th/v1/republish-pixel?post=51234" width="1" height="1" alt="">'
)


def _article(header: str) -> str:
    return f"<html><body><article><h1>Child care centers close</h1>{header}{STORY}</article></body></html>"


def _bylines(html: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(b.text, b.names, b.reading.problem) for b in parse_document(html, "html").bylines]


def _errors(report: Report) -> dict[str, str]:
    return {f.rule: f.message for f in report.findings if f.severity is Severity.ERROR}


# A topic or section label over the byline in an author box is no part of it.


@pytest.mark.parametrize("label", ["Tech Industry", "Climate Change", "Politics", "Health Care Policy"])
def test_a_topic_label_over_an_author_box_is_no_co_author(label: str) -> None:
    header = (
        f'<div class="authorInfo"><h6><a href="/topics/x/">{label}</a></h6><div class="profileInfo"><span class="byText">by </span>'
        '<a rel="author" href="/profiles/stribble/"><span itemprop="name">Sarah Jane Tribble</span></a></div></div>'
    )
    bylines = parse_document(_article(header), "html").bylines
    assert bylines and all(b.names == ("Sarah Jane Tribble",) for b in bylines)


def test_the_affiliation_message_names_only_the_author_under_a_topic_label() -> None:
    header = (
        '<div class="authorInfo"><h6><a href="/topics/tech-industry/">Tech Industry</a></h6><span class="byText">by </span>'
        '<a rel="author" href="/profiles/stribble/"><span itemprop="name">Sarah Jane Tribble</span></a></div>'
    )
    report = check_html(_article(header), packs=["kff-health-news"])
    assert _errors(report)["kff-health-news/affiliation"] == "The byline does not tie Sarah Jane Tribble to KFF Health News."


@pytest.mark.parametrize("words", ["Tech Industry", "Health Care", "Climate Policy", "World Money"])
def test_topic_words_alone_are_no_persons_name(words: str) -> None:
    assert parse_document(_article(f'<p class="byline">By {words}</p>'), "html").bylines[0].names == ()


@pytest.mark.parametrize("name", ["Justice Smith", "Art Garfunkel", "Travis Tech Jones"])
def test_a_name_with_one_topic_word_is_still_a_name(name: str) -> None:
    assert parse_document(_article(f'<p class="byline">By {name}</p>'), "html").bylines[0].names == (name,)


def test_a_label_over_a_written_by_line_keeps_the_name_under_it() -> None:
    header = '<div class="byline"><div>Written by</div><div>Sarah Jane Tribble</div></div>'
    assert [b.names for b in parse_document(_article(header), "html").bylines] == [("Sarah Jane Tribble",)]
