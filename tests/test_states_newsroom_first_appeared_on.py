"""States Newsroom outlets publish with the Republication Tracker Tool, whose footer reads "This
article first appeared on Nebraska Examiner and is republished here under a …": "first appeared
on X" with X a States Newsroom outlet is the credit the terms observe as "This story first appeared
in the Maine Morning Star." (publisher-terms §2.5); any other outlet is not."""

from __future__ import annotations

import textwrap

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

PACKS = load_packs()

STORY = """\
    Rural clinics are closing

    By Anna Claire Vollers

    Edna Marsh, 71, has diabetes and no longer drives at night, so she waits for her son to take a day off work.

    The fire station now runs a weekly clinic, which beats driving over the pass in February, the chief said.

    {credit}
    """


def _result(credit: str, *, pack: str | None = None) -> tuple[tuple[str, ...], set[str]]:
    packs = [p for p in PACKS if p.id == pack] if pack else PACKS
    doc = parse_document(textwrap.dedent(STORY.format(credit=credit)).strip().encode(), "text")
    result = check_document(doc, packs, path="story", auto_detect=pack is None)
    return tuple(result.packs), {f.rule for f in result.findings if f.severity == Severity.ERROR}


CREDITS = [
    "This article first appeared on Stateline and is republished here under a Creative Commons license.",
    "This article first appeared on Nebraska Examiner and is republished here under a Creative Commons license.",
    "This article first appeared on Nebraska Examiner and is republished here under a Creative Commons Attribution-NoDerivatives 4.0 International License.",
    "This story first appeared on the Maine Morning Star.",
    "This story first appeared in the Maine Morning Star.",
]
NOT_CREDITS = [
    # Another outlet, or an affiliate's name misspelt.
    "This article first appeared on Valley Courier and is republished here under a Creative Commons license.",
    "This article first appeared on Nebraska Examinr and is republished here under a Creative Commons license.",
    "This story first appeared in the Maine Sunday Telegram.",
]


@pytest.mark.parametrize("credit", CREDITS)
def test_first_appeared_on_a_states_newsroom_outlet_credits_it(credit: str) -> None:
    packs, _ = _result(credit)
    assert "states-newsroom" in packs
    _, errors = _result(credit, pack="states-newsroom")
    assert "states-newsroom/credit" not in errors


@pytest.mark.parametrize("credit", NOT_CREDITS)
def test_first_appeared_on_another_outlet_is_not_the_credit(credit: str) -> None:
    packs, _ = _result(credit)
    assert "states-newsroom" not in packs
    _, errors = _result(credit, pack="states-newsroom")
    assert "states-newsroom/credit" in errors
