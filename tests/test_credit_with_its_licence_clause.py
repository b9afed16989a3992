"""A credit line that ends with the licence it is used under after a comma ("Courtesy of The
Conversation, used under a Creative Commons license.", "…, reprinted with permission.") is still a
credit line of its own (the common pack's `credit-end`). Where the terms take a credit in any words
(The Conversation: "credit The Conversation + link", publisher-terms §2.3; States Newsroom), it
credits the publisher, so `fix` adds no second credit beside it; where they prescribe the line's
words (ProPublica, CalMatters), it is quoted as the line in other words and `fix` puts the
prescribed line in its place. A clause that goes on about something else ("…, used to map heat
deaths") is the story's prose, not a credit. So is a credit saying the story "originally ran in" or
"ran first on" the publisher (`credit-lead`, `credit-other-words`), where "The ad ran in …" is prose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

TC_STORY = "https://theconversation.com/heat-waves-are-the-deadliest-weather-disaster-234567"
TC_PAGE = """<html><head><meta charset="utf-8"><title>Heat waves</title></head><body><article>
<h1>Heat waves are the deadliest weather disaster</h1>
<p class="byline"><strong>Maria Alvarez</strong>, University of Michigan</p>
<p>Heat waves kill more Americans than hurricanes, floods and tornadoes combined.</p>
<p>Cooling centers help, but only if people can reach them before indoor temperatures peak.</p>
{credit}
<img src="https://counter.theconversation.com/content/234567/count.gif?distributor=republish-lightbox-basic" alt="The Conversation" width="1" height="1">
</article></body></html>
"""
TC_LINK = f'<a href="{TC_STORY}">The Conversation</a>'


def _findings(cli: Any, path: Path, pack: str) -> dict[str, str]:
    (entry,) = cli("check", "--format", "json", "--pack", pack, str(path)).json()["files"]
    return {f["rule"]: f"{f['message']} {f['detail'] or ''}" for f in entry["findings"]}


@pytest.mark.parametrize(
    "credit",
    [
        f"<p>Courtesy of {TC_LINK}, used under a Creative Commons license.</p>",
        f"<p><em>Originally published on {TC_LINK}, reprinted with permission.</em></p>",
        f"<p>Courtesy of {TC_LINK}, licensed under CC BY-ND 4.0</p>",
        f"<p><strong>Provided by {TC_LINK}, shared under its Creative Commons licence.</strong></p>",
        f'<div class="credit">Republished from {TC_LINK}, used by kind permission.</div>',
        # "ran": how newsrooms also say a story was published elsewhere first.
        f"<p>This piece originally ran in {TC_LINK} and is republished under a Creative Commons license.</p>",
        f"<p><em>This article ran first on {TC_LINK}.</em></p>",
        f"<p>Originally ran in {TC_LINK}.</p>",
    ],
)
def test_a_conversation_credit_with_its_licence_clause_credits_it(cli: Any, tmp_path: Path, credit: str) -> None:
    page = write(tmp_path, "story.html", TC_PAGE.format(credit=credit))
    assert "the-conversation/credit" not in _findings(cli, page, "the-conversation")
    # Nothing for fix to add: a second credit beside this one would print the credit twice.
    before = page.read_text()
    cli("fix", "--write", "--pack", "the-conversation", str(page))
    assert page.read_text() == before


@pytest.mark.parametrize(
    "credit",
    [
        # The clause goes on about the data, not the story's licence: prose citing The Conversation.
        f"<p>Courtesy of {TC_LINK}, used to map heat deaths across forty cities last summer.</p>",
        f"<p>Courtesy of {TC_LINK}, used by researchers who track heat deaths.</p>",
    ],
)
def test_a_clause_about_something_else_is_no_credit_line(cli: Any, tmp_path: Path, credit: str) -> None:
    page = write(tmp_path, "story.html", TC_PAGE.format(credit=credit))
    assert "the-conversation/credit" in _findings(cli, page, "the-conversation")


PP_STORY = "https://www.propublica.org/article/rates-rise"
PP_PAGE = """<html><body><article><h1>Rates rise</h1>
<p>By Jane Roe, ProPublica</p>
{credit}
<p>Insurers raised rates for the third year in a row, state filings show.</p>
<script async src="https://pixel.propublica.org/pixel.js"></script>
</article></body></html>
"""


@pytest.mark.parametrize(
    "credit",
    [
        f'<p>Courtesy of <a href="{PP_STORY}">ProPublica</a>, used under a Creative Commons license.</p>',
        f'<p class="note">Republished from <a href="{PP_STORY}">ProPublica</a>, used with permission.</p>',
        f'<p><em>Courtesy of <a href="{PP_STORY}">ProPublica</a>, reprinted with permission.</em></p>',
        f'<p>Originally ran in <a href="{PP_STORY}">ProPublica</a>.</p>',
    ],
)
def test_where_the_words_are_prescribed_the_line_is_replaced_not_doubled(cli: Any, tmp_path: Path, credit: str) -> None:
    page = write(tmp_path, "story.html", PP_PAGE.format(credit=credit))
    # Quoted as the line in other words (by the credit line's rule, or by its wording rule).
    said = [message for rule, message in _findings(cli, page, "propublica").items() if rule.startswith("propublica/credit-line")]
    assert said and all("not the wording the terms ask for" in message for message in said)
    cli("fix", "--write", "--pack", "propublica", str(page))
    fixed = page.read_text()
    assert fixed.count("This story was originally published by") == 1
    assert "Creative Commons license" not in fixed
    assert "used with permission" not in fixed
    assert not [rule for rule in _findings(cli, page, "propublica") if rule.startswith("propublica/credit-line")]


@pytest.mark.parametrize(
    ("credit", "credited"),
    [
        ('<p><em>Courtesy of <a href="https://mainemorningstar.com/2026/03/03/x/">Maine Morning Star</a>, used with permission.</em></p>', True),
        ('<p>Courtesy of <a href="https://mainemorningstar.com/2026/03/03/x/">Maine Morning Star</a>, used in a hearing on Tuesday by the sponsor.</p>', False),
        ('<p>This story originally ran in the <a href="https://mainemorningstar.com/2026/03/03/x/">Maine Morning Star</a>.</p>', True),
        ('<p>This story ran first in <a href="https://mainemorningstar.com/2026/03/03/x/">Maine Morning Star</a>.</p>', True),
        # A sentence of the story that says where something ran is no credit of it.
        ('<p>The ad ran in <a href="https://mainemorningstar.com/2026/03/03/x/">Maine Morning Star</a> and three other papers for a month.</p>', False),
    ],
)
def test_a_states_newsroom_credit_with_its_licence_clause(cli: Any, tmp_path: Path, credit: str, credited: bool) -> None:
    page = write(
        tmp_path,
        "story.html",
        "<html><body><article><h1>Lawmakers approve culvert fund</h1>\n<p>By Elsa Thibodeau, Maine Morning Star</p>\n"
        f"{credit}\n<p>Maine lawmakers on Tuesday approved a $12 million fund to replace aging culverts.</p>\n</article></body></html>\n",
    )
    assert ("states-newsroom/credit" not in _findings(cli, page, "states-newsroom")) is credited
