"""The Conversation's authors are academics, and its terms require their institution: a news
outlet's name after an author's (a newspaper, a wire, a broadcaster) is no institution, as "The
Conversation" itself is none, while universities, research institutes, hospitals, think tanks
and journalism schools are, whatever news words their names hold."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_markdown
from compliance.document.byline_reading import is_news_outlet_phrase
from compliance.findings import Report

RULE = "the-conversation/author-institution"
PACKS = ["the-conversation"]
CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com/spring-runoff-123">The Conversation</a> under a'
    ' Creative Commons license. Read the <a href="https://theconversation.com/spring-runoff-123">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/123/count.gif?distributor=republish-lightbox-basic" alt="The Conversation" width="1" height="1">'
)
STORY = (
    "<p>Every spring, some of my neighbors tell me their tap water tastes earthy or smells faintly of a swimming pool.</p>"
    "<p>I study how drinking water changes between the source and the tap, and spring is the busiest time of year.</p>"
)
OUTLETS = [
    "Chicago Tribune",
    "The Denver Post",
    "Associated Press",
    "Hill Country Observer",
    "The New York Times",
    "Reuters",
    "Bloomberg News",
    "NPR",
    "Wisconsin Public Radio",
    "Daily Maverick",
    "Fox News",
    "The Seattle Times",
]
INSTITUTIONS = [
    "Northern Plains University",
    "Columbia Journalism School",
    "Reuters Institute for the Study of Journalism, University of Oxford",
    "Bloomberg School of Public Health",
    "Poynter Institute",
    "Mayo Clinic",
    "Brookings Institution",
    "Pew Research Center",
    "Human Rights Watch",
    "Knight Foundation",
    "Associate Professor, Northern Plains University",
]


def _finding(report: Report) -> str | None:
    """The rule's message, or None when it passed; neither fails the test."""
    for finding in report.findings:
        if finding.rule == RULE:
            return finding.message
    assert RULE in {p.rule for p in report.passed}, report.findings
    return None


def _page(byline: str) -> str:
    return f'<html><body><article><h1>Spring runoff</h1><p class="byline">{byline}</p>{STORY}{CREDIT}</article></body></html>'


@pytest.mark.parametrize("outlet", OUTLETS)
def test_a_news_outlet_after_the_authors_name_is_no_institution(outlet: str) -> None:
    assert _finding(check_html(_page(f"Renata Okafor, {outlet}"), packs=PACKS)) == "The byline credits Renata Okafor but not their institution."


@pytest.mark.parametrize("institution", INSTITUTIONS)
def test_an_academic_or_research_body_is_an_institution_whatever_news_words_it_holds(institution: str) -> None:
    assert _finding(check_html(_page(f"By Renata Okafor, {institution}"), packs=PACKS)) is None


def test_each_author_is_read_on_their_own_the_one_with_an_outlet_fails() -> None:
    message = _finding(check_html(_page("Renata Okafor, Northern Plains University and Ana Ruiz, The Denver Post"), packs=PACKS))
    assert message == "The byline credits Ana Ruiz but not their institution."


def test_an_outlet_beside_an_institution_leaves_the_institution() -> None:
    assert _finding(check_html(_page("Renata Okafor, Mayo Clinic, Chicago Tribune"), packs=PACKS)) is None


def test_an_outlet_in_a_markdown_byline_is_no_institution() -> None:
    markdown = "# Spring runoff\n\nBy Ana Ruiz, Associated Press\n\nEvery spring, some of my neighbors tell me their tap water tastes earthy.\n\n"
    markdown += "This article is republished from [The Conversation](https://theconversation.com) under a Creative Commons license.\n"
    assert _finding(check_markdown(markdown, packs=PACKS)) == "The byline credits Ana Ruiz but not their institution."


@pytest.mark.parametrize(
    ("part", "outlet"),
    [
        ("Chicago Tribune", True),
        ("The Denver Post", True),
        ("NPR", True),
        ("Daily Maverick", True),
        ("Columbia Journalism School", False),
        ("Reuters Institute for the Study of Journalism", False),
        ("Human Rights Watch", False),
        ("Consumer Reports", False),
        ("Northern Plains University", False),
    ],
)
def test_is_news_outlet_phrase(part: str, outlet: bool) -> None:
    assert is_news_outlet_phrase(part) is outlet
