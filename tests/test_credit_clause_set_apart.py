"""A credit line in other words followed, in its sentence, by the licence or permission it is used
under, set apart by a comma, a semicolon, a dash or a bracket ("Courtesy of The Conversation, under
a Creative Commons license.", "… (used with permission)", "… — reprinted with permission.") or by a
space before a licence with a version number ("… under CC BY-ND 4.0"), is still the credit line (the
common pack's `credit-end`): the packs whose terms take a credit in any words (The Conversation,
publisher-terms §2.3; The 19th; States Newsroom; The Texas Tribune) pass it. A clause that goes on
about something else is not a credit; The Conversation's credit rule then quotes the line it saw
and says why it is not the credit, instead of saying there is no credit line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

PAGE = """<html><head><meta charset="utf-8"><title>Reefs</title></head><body><article>
<h1>Why coral reefs recover faster in marine reserves</h1>
<p>{byline}</p>
<p>Fish numbers on tropical reefs have fallen for decades, but closed areas helped some recover.</p>
<p>Divers counted twice as many parrotfish inside the reserves as outside them.</p>
<p>{credit}</p>
{tail}
</article></body></html>
"""

# pack → (its credit rule, a byline, the publisher's name linked to a story, what else the page needs)
PUBLISHERS = {
    "the-conversation": (
        "the-conversation/credit",
        "Tobias Wrenfield, University of Tasmania",
        '<a href="https://theconversation.com/why-coral-reefs-recover-faster-224466">The Conversation</a>',
        '<img src="https://counter.theconversation.com/content/224466/count.gif" alt="" width="1" height="1">',
    ),
    "the-19th": ("the-19th/credit", "By Marisol Okafor", '<a href="https://19thnews.org/2024/05/reefs/">The 19th</a>', ""),
    "states-newsroom": ("states-newsroom/credit", "By Elsa Thibodeau", '<a href="https://azmirror.com/2024/05/01/reefs/">Arizona Mirror</a>', ""),
    "texas-tribune": ("texas-tribune/credit", "Staff report", '<a href="https://www.texastribune.org/2024/05/01/reefs/">The Texas Tribune</a>', ""),
}

LEADS = ["Courtesy of {name}", "Republished from {name}", "<em>This article was first published by {name}</em>"]

CLAUSES = [
    ", under a Creative Commons license.",
    ", under CC BY-ND 4.0.",
    " under CC BY-ND 4.0",
    " under a Creative Commons Attribution-NoDerivatives 4.0 International License.",
    ", with permission.",
    " — used with permission.",
    " (used with permission)",
    "; reprinted with permission.",
]


def _findings(cli: Any, path: Path, pack: str) -> dict[str, str]:
    (entry,) = cli("check", "--format", "json", "--pack", pack, str(path)).json()["files"]
    return {f["rule"]: f"{f['message']} {f['detail'] or ''}" for f in entry["findings"]}


def _page(tmp_path: Path, pack: str, credit: str) -> tuple[Path, str]:
    rule, byline, name, tail = PUBLISHERS[pack]
    return write(tmp_path, "story.html", PAGE.format(byline=byline, credit=credit.format(name=name), tail=tail)), rule


@pytest.mark.parametrize("pack", sorted(PUBLISHERS))
@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize("clause", CLAUSES)
def test_a_credit_with_its_licence_clause_set_apart_credits_the_publisher(cli: Any, tmp_path: Path, pack: str, lead: str, clause: str) -> None:
    page, rule = _page(tmp_path, pack, lead + clause)
    assert rule not in _findings(cli, page, pack)


@pytest.mark.parametrize("pack", sorted(PUBLISHERS))
@pytest.mark.parametrize(
    "clause",
    [
        # The clause goes on about something else: the story's prose citing the publisher.
        ", used to map heat deaths across forty cities last summer.",
        ", under the heading of a project on heat deaths, researchers mapped forty cities.",
        " — the numbers it used came from state records.",
        " (which ran a series on heat deaths)",
    ],
)
def test_a_clause_about_something_else_is_still_no_credit(cli: Any, tmp_path: Path, pack: str, clause: str) -> None:
    page, rule = _page(tmp_path, pack, "Courtesy of {name}" + clause)
    assert rule in _findings(cli, page, pack)


@pytest.mark.parametrize(
    "credit",
    [
        "Courtesy of {name}, used to map heat deaths across forty cities last summer.",
        "<strong>Via {name}</strong> — the numbers it used came from state records.",
        "Article courtesy of {name} (which ran a series on heat deaths)",
    ],
)
def test_the_conversation_names_the_line_it_saw_and_why_it_is_no_credit(cli: Any, tmp_path: Path, credit: str) -> None:
    page, rule = _page(tmp_path, "the-conversation", credit)
    said = _findings(cli, page, "the-conversation")[rule]
    assert "(line 6) is a line that opens as a credit to The Conversation but goes on about something else" in said
    assert f'"{credit.format(name="The Conversation").replace("<strong>", "").replace("</strong>", "")[:30]}' in said


def test_the_conversation_with_no_line_naming_it_still_says_there_is_none(cli: Any, tmp_path: Path) -> None:
    page, rule = _page(tmp_path, "the-conversation", "Divers will count the reefs again next year.")
    said = _findings(cli, page, "the-conversation")[rule]
    assert "no credit line of The Conversation in the article" in said
    assert "opens as a credit" not in said
