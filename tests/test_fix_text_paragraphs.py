"""`syndcheck fix` on a plain-text copy puts a credit line in as a paragraph of its own, set apart
as the file sets its paragraphs apart: with blank lines in a wire copy whose paragraphs have them
(else a layout runs the credit into the story's first or last paragraph), on a line alone in a
copy that is one paragraph a line. A line that goes with the byline (DCNF's logo line above it, the
byline below the logo) stays against it, as the original sets them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from compliance.engine import CheckSettings
from compliance.fixes import plan_fixes
from compliance.packfiles import load_packs
from compliance.packs import Pack

PACKS = load_packs()
CONVERSATION = [p for p in PACKS if p.id == "the-conversation"]
THE_19TH = [p for p in PACKS if p.id == "the-19th"]
DCNF = [p for p in PACKS if p.id == "dcnf"]
URL = "https://theconversation.com/why-glaciers-retreat-987654"
CREDIT = f"This article is republished from The Conversation under a Creative Commons license. Read the original article: {URL}"


def _fixed(text: str, packs: Sequence[Pack], meta: dict[str, str] | None = None) -> str:
    plan = plan_fixes(text.encode(), "text", CheckSettings(packs=packs, path="copy.txt", auto_detect=False, meta=meta))
    return plan.fixed.decode()


@pytest.mark.parametrize("blank", ["\n", "   \n", "\n\n"])
def test_a_credit_before_the_body_of_a_wire_copy_is_a_paragraph_of_its_own(blank: str) -> None:
    head = f"Why glaciers retreat\n{blank}By Aiko Tanaka, Hokkaido University\n{blank}"
    body = f"Glaciers in the Alps lost a tenth of their ice.\n{blank}Warmer nights leave no time to refreeze.\n"
    assert _fixed(head + body, CONVERSATION, {"original-url": URL}) == f"{head}{CREDIT}\n\n{body}"


def test_a_wire_copy_with_windows_line_breaks_gets_them_around_the_credit() -> None:
    text = "Why glaciers retreat\r\n\r\nBy Aiko Tanaka, Hokkaido University\r\n\r\nGlaciers lost ice.\r\n\r\nNights are warmer.\r\n"
    fixed = _fixed(text, CONVERSATION, {"original-url": URL})
    assert fixed == text.replace("Glaciers lost", f"{CREDIT}\r\n\r\nGlaciers lost")


def test_a_credit_after_the_last_wrapped_paragraph_is_set_apart_from_it() -> None:
    text = (
        "Child care costs climb again\n\nby Chabeli Carrazana, The 19th\n\n"
        "The average cost of child care rose 6% this year,\naccording to a new report.\n\n"
        "Parents in 20 states pay more for infant care\nthan for in-state college tuition.\n"
    )
    assert _fixed(text, THE_19TH) == text.rstrip("\n") + "\n\nOriginally published by The 19th.\n"


@pytest.mark.parametrize("trailing", ["", "\n\n", "\n\n\n"])
def test_a_copy_that_is_one_paragraph_a_line_gets_the_credit_on_a_line_alone(trailing: str) -> None:
    # Blank lines only at the end are no paragraph spacing: the credit joins the lines as one more.
    text = "Child care costs climb again\nby Chabeli Carrazana, The 19th\nThe average cost rose 6% this year.\nParents pay more for infant care.\n" + trailing
    fixed = _fixed(text, THE_19TH)
    assert fixed.startswith("Child care costs climb again\nby Chabeli Carrazana, The 19th\nThe average cost rose 6% this year.\n")
    assert "Parents pay more for infant care.\nOriginally published by The 19th." in fixed


def test_a_logo_line_goes_against_the_byline_in_a_wire_copy() -> None:
    text = (
        "Fed holds rates\n\nJake Smith, Daily Caller News Foundation\n\nThe Federal Reserve left rates unchanged.\n\n"
        "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge.\n"
    )
    fixed = _fixed(text, DCNF, {"logo-url": "https://dailycallernewsfoundation.org/logo.png"})
    assert "\n\nDaily Caller News Foundation logo\nJake Smith, Daily Caller News Foundation\n\n" in fixed
