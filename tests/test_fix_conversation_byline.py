"""`syndcheck fix` puts back a Conversation copy's byline: where a CMS dropped it, "By" and each
author with their institution, from the original's author line, goes after the headline; a byline
that credits staff or an outlet gets the authors in place of that credit. Without an original that
names each author's institution nothing is guessed: the fix says what it needs."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import DocumentKind, parse_document
from compliance.engine import CheckSettings
from compliance.fixes import plan_fixes
from compliance.packfiles import load_packs

CONVERSATION = [p for p in load_packs() if p.id == "the-conversation"]
URL = "https://theconversation.com/why-wetlands-store-carbon-456789"
ORIGINAL = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Why wetlands store carbon</title>'
    f'<meta property="og:site_name" content="The Conversation"><link rel="canonical" href="{URL}"></head>'
    "<body><article><h1>Why wetlands store carbon</h1>"
    '<p class="byline">{authors}</p><div itemprop="articleBody">'
    "<p>Peat bogs hold twice as much carbon as all the world's forests.</p>"
    "<p>Draining them releases it within a few decades.</p></div></article></body></html>"
)
CREDIT_HTML = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
    f' Read the <a href="{URL}">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/456789/count.gif" alt="The Conversation" width="1" height="1">'
)
TWO = "Saoirse Byrne, Trinity College Dublin and Kwame Mensah, University of Ghana"


def _loader(authors: str) -> Any:
    def load(wanted: str) -> Any:
        del wanted
        return parse_document(ORIGINAL.format(authors=authors), "html")

    return load


def _plan(page: str, kind: DocumentKind, authors: str | None = TWO) -> Any:
    settings = CheckSettings(
        packs=CONVERSATION,
        path=f"copy.{kind}",
        auto_detect=False,
        meta={"original": "original.html"} if authors else {},
        load_original=_loader(authors) if authors else None,
    )
    return plan_fixes(page.encode(), kind, settings)


def _html(byline: str = "") -> str:
    return (
        "<html><body><article>\n<h1>Why wetlands store carbon</h1>\n"
        f"{byline}"
        "<p>Peat bogs hold twice as much carbon as all the world's forests.</p>\n"
        "<p>Draining them releases it within a few decades.</p>\n"
        f"{CREDIT_HTML}\n</article></body></html>\n"
    )


def test_a_dropped_byline_comes_back_after_the_headline_with_each_authors_institution() -> None:
    plan = _plan(_html(), "html")
    assert plan.fixed.decode() == _html(f'<p class="byline">By {TWO}</p>\n')
    assert "creative-commons/author" not in {f.rule for f in plan.after.findings}


@pytest.mark.parametrize("credit", ["By Gazette Staff", "By The Conversation", "By Staff Reports"])
def test_a_staff_or_outlet_byline_gets_the_authors_in_its_place(credit: str) -> None:
    plan = _plan(_html(f'<p class="byline">{credit}</p>\n'), "html", "Lena Vogel, University of Freiburg")
    fixed = plan.fixed.decode()
    assert '<p class="byline">By Lena Vogel, University of Freiburg</p>' in fixed
    assert credit.removeprefix("By ") not in fixed.split("</h1>")[1].split("<p>Peat")[0]
    assert not {"creative-commons/author", "the-conversation/original-reporter"} & {f.rule for f in plan.after.findings}


def test_a_wire_copy_without_a_byline_gets_one_as_a_paragraph_of_its_own() -> None:
    text = (
        "Why wetlands store carbon\n\n"
        "Peat bogs hold twice as much carbon as all the world's forests.\n\n"
        f"This article is republished from The Conversation under a Creative Commons license. Read the original article: {URL}\n"
    )
    plan = _plan(text, "text")
    assert plan.fixed.decode() == text.replace("carbon\n\n", f"carbon\n\nBy {TWO}\n\n", 1)


def test_a_markdown_copy_without_a_byline_gets_one() -> None:
    text = (
        "# Why wetlands store carbon\n\n"
        "Peat bogs hold twice as much carbon as all the world's forests.\n\n"
        "This article is republished from [The Conversation](https://theconversation.com) under a Creative Commons license."
        f" Read the [original article]({URL}).\n"
    )
    plan = _plan(text, "markdown")
    assert f"# Why wetlands store carbon\n\nBy {TWO}\n\nPeat bogs" in plan.fixed.decode()


def test_without_the_original_no_byline_is_made_up() -> None:
    plan = _plan(_html(), "html", authors=None)
    assert plan.fixed == _html().encode()
    (unfixed,) = [u for u in plan.unfixed if u.rule == "creative-commons/author"]
    assert unfixed.reason.startswith("needs each author with their institution")


def test_an_original_that_names_no_institution_gives_no_byline() -> None:
    plan = _plan(_html(), "html", authors="By Saoirse Byrne and Kwame Mensah")
    assert plan.fixed == _html().encode()
    assert [u.rule for u in plan.unfixed if u.rule == "creative-commons/author"] == ["creative-commons/author"]
