"""A copy that offers the story onward in a "Republish this story" box, beside its own linked
credit line: the box's preview of the credit line (the HTML offered to other sites) is not a
second credit line of the page, so ProPublica's "credit line repeated" is not reported for the
one credit; a credit line printed twice in the story itself still is, and a credit line found only
in the box is not the page's credit."""

from __future__ import annotations

import pytest

from compliance.engine import check_bytes
from compliance.findings import Report
from compliance.loading import load_packs

PACKS = load_packs()
STORY = "https://www.propublica.org/article/water-rates"
CREDIT = f'<p>This story was originally published by <a href="{STORY}">ProPublica</a>.</p>'

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Water rates rise</title><link rel="canonical" href="{story}"></head>
<body><article><h1>Water rates rise</h1>
<p class="byline">By Jane Doe, ProPublica</p>
{credit}
<p>The city council voted on Tuesday to raise water rates by 12 percent, the first increase in a decade, citing aging pipes.</p>
<p>Residents objected at the meeting, saying the increase would hurt families on fixed incomes across the county.</p>
{box}
<script src="https://pixel.propublica.org/pixel.js" async></script>
</article></body></html>"""

BOXES = {
    "titled box with the HTML to copy": (
        '<div class="republish-box"><h3>Republish this story</h3>{credit}'
        "<textarea>&lt;p&gt;This story was originally published by ProPublica.&lt;/p&gt;</textarea></div>"
    ),
    "modal offering the story": '<div class="modal" role="dialog"><p>You may republish this story for free.</p>{credit}</div>',
    "closed details": "<details><summary>Republish this article</summary>{credit}</details>",
}


def run(credit: str, box: str) -> Report:
    page = PAGE.format(story=STORY, credit=credit, box=box.format(credit=CREDIT))
    return check_bytes(page.encode(), "html", PACKS, path="story.html")


def failed(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


@pytest.mark.parametrize("box", BOXES.values(), ids=BOXES.keys())
def test_the_boxs_preview_is_not_a_second_credit_line(box: str) -> None:
    report = run(CREDIT, box)
    assert report.packs == ("propublica",)
    assert not failed(report) & {"propublica/credit-line-repeated", "propublica/credit-line"}


@pytest.mark.parametrize("box", BOXES.values(), ids=BOXES.keys())
def test_a_credit_printed_twice_in_the_story_is_still_repeated(box: str) -> None:
    assert "propublica/credit-line-repeated" in failed(run(CREDIT + CREDIT, box))


def test_a_partner_wrapper_named_republish_is_the_story_and_its_two_credits_count() -> None:
    # `<div class="republish">` around a partner's copy offers nothing to other sites: its blocks are the story's.
    report = run("", f'<div class="republish">{CREDIT}<p>More of the story follows in this paragraph, as the partner printed it.</p>{CREDIT}</div>')
    assert "propublica/credit-line-repeated" in failed(report)


def test_a_credit_only_in_the_box_is_no_credit_of_the_page() -> None:
    report = run("", BOXES["titled box with the HTML to copy"])
    assert "propublica/credit-line" in failed(report)


# A publisher's box as pages spell its word, on a page whose own copy says "republished" too
# (DCNF's licence: "All republished articles must include our logo"): the word as a class or id
# names it (camelCase, capitals, joined by "_" or "-"), or as an offer says it, before an entity.
SPELLED_BOXES = {
    "camelCase class, hidden": '<div class="c-share republishBox" hidden><h4>Share</h4>{credit}</div>',
    "id in capitals, aria-hidden": '<section id="REPUBLISH_PANEL" aria-hidden="true">{credit}</section>',
    "button's class": '<button class="btn-republish">{credit}</button>',
    "dialog in capitals": '<div role="dialog"><h2>REPUBLISH THIS STORY</h2>{credit}</div>',
    "modal, before an entity": '<div class="modal"><h2>Republish&nbsp;this story</h2>{credit}</div>',
    "lightbox, interest in republishing": '<div class="lightbox"><p>Thank you for your interest in republishing.</p>{credit}</div>',
    "closed details, the word alone": "<details><summary>Republish</summary>{credit}</details>",
}
REPUBLISHED = "<p>All republished articles must include our logo, our reporter's byline and our affiliation.</p>"


@pytest.mark.parametrize("box", SPELLED_BOXES.values(), ids=SPELLED_BOXES.keys())
def test_a_box_is_read_however_its_word_is_spelt_beside_a_republished(box: str) -> None:
    report = run(CREDIT + REPUBLISHED, box)
    assert report.packs == ("propublica",)
    assert "propublica/credit-line-repeated" not in failed(report)
    assert "propublica/credit-line" in failed(run(REPUBLISHED, box))


@pytest.mark.parametrize(
    "wrapper", ['<div class="republished-story">{credit}</div>', '<div class="republisher">{credit}</div>', "<div>Republished: {credit}</div>"]
)
def test_a_credit_beside_only_republished_or_republisher_counts_twice(wrapper: str) -> None:
    # No word of a box on the page: both credits are the page's.
    report = run(CREDIT + REPUBLISHED, wrapper)
    assert "propublica/credit-line-repeated" in failed(report)
