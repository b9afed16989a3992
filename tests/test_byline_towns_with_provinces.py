"""A town and its province or state in another country than the US, after a byline's name ("Jane
Roe, Dartmouth, Nova Scotia", "…, Armidale, New South Wales", "…, Guelph, Ont."), is a dateline's
place, as "Jane Roe, Austin, Texas" is: where the story was filed, not the author's institution,
which The Conversation's terms require ("credit authors and their institutions"). An
institution's name stays one ("Jane Roe, Dalhousie University", "…, Dalhousie University,
Halifax, Nova Scotia"), and so does a campus known by its town's name alone ("Jane Roe,
Dartmouth")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import dateline_places

ROOT = Path(__file__).resolve().parent.parent
RULE = "the-conversation/author-institution"
CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-tides-run-late-412345">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/412345/count.gif" alt="The Conversation" width="1" height="1">'
)


def _page(byline: str) -> str:
    return (
        f'<html><body><article><h1>Why tides run late</h1><p class="byline">By {byline}</p>'
        f"<p>Tide gauges show a drift of minutes.</p>{CREDIT}</article></body></html>"
    )


def _finding(byline: str) -> str | None:
    report = check_html(_page(byline), packs=["the-conversation"])
    found = [finding for finding in report.findings if finding.rule == RULE]
    if not found:
        assert RULE in {passed.rule for passed in report.passed}
        return None
    return found[0].detail


@pytest.mark.parametrize(
    ("credit", "places"),
    [
        ("Dartmouth, Nova Scotia", {"Dartmouth", "Nova Scotia"}),
        ("Halifax, N.S.", {"Halifax", "N.S"}),
        ("Perth, Western Australia", {"Perth", "Western Australia"}),
        ("Armidale, New South Wales", {"Armidale", "New South Wales"}),
        ("Ballarat, Vic.", {"Ballarat", "Vic"}),
        ("Guelph, Ont.", {"Guelph", "Ont"}),
        # A town of the smaller towns' table, before its province.
        ("Wolfville, Nova Scotia", {"Wolfville", "Nova Scotia"}),
        # An institution after a town is no region of it.
        ("Durham, Duke University", {"Durham"}),
        ("Toronto, TMU", {"Toronto"}),
        ("Sydney, UTS", {"Sydney"}),
    ],
)
def test_a_town_and_its_province_or_state_is_a_place(credit: str, places: set[str]) -> None:
    assert dateline_places(credit) == places


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Roe, Dartmouth, Nova Scotia",
        "Jane Roe, Dartmouth, N.S.",
        "Jane Roe, Wolfville, Nova Scotia",
        "Jane Roe, Kingston, Ontario",
        "Jane Roe, Perth, Western Australia",
        "Jane Roe, Armidale, New South Wales",
        "Jane Roe, Guelph, Ont.",
        # As before: a US town and its state, a town and its country.
        "Jane Roe, Hanover, New Hampshire",
        "Jane Roe, Cork, Ireland",
    ],
)
def test_a_place_is_no_institution(byline: str) -> None:
    assert _finding(byline) == f"byline 'By {byline}' does not show Jane Roe's institution"


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Roe, Dalhousie University",
        "Jane Roe, Dalhousie University, Halifax, Nova Scotia",
        "Jane Roe, Acadia University, Wolfville, Nova Scotia",
        "Jane Roe, Queen's University, Kingston, Ontario",
        # A college known by its town's name, alone.
        "Jane Roe, Dartmouth",
        "Jane Roe, Durham, Duke University",
    ],
)
def test_an_institution_stays_one(byline: str) -> None:
    assert _finding(byline) is None


def test_the_doc_gives_the_provinces_as_places() -> None:
    doc = " ".join((ROOT / "docs" / "conversation-authors.md").read_text(encoding="utf-8").split())
    for example in re.findall(r"`([^`]+)`", doc[doc.index("`Dartmouth, Nova Scotia`") - 20 : doc.index("gives Dalhousie University")]):
        if "," in example and not example.startswith("Jane Roe"):
            assert _finding(f"Jane Roe, {example}") is not None, example
    assert _finding("Jane Roe, Dalhousie University, Halifax, Nova Scotia") is None


def test_without_pycountrys_table_no_province_is_known_and_nothing_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.machinery

    from compliance.document import places

    finder = importlib.machinery.PathFinder.find_spec

    def without_pycountry(name: str, *args: object, **kwargs: object) -> object:
        return None if name == "pycountry" else finder(name, *args, **kwargs)  # type: ignore[arg-type]

    places._divisions.cache_clear()
    places._division_names.cache_clear()
    monkeypatch.setattr(importlib.machinery.PathFinder, "find_spec", without_pycountry)
    try:
        assert places._divisions() == {}
        assert dateline_places("Perth, Western Australia") == {"Perth"}
    finally:
        places._divisions.cache_clear()
        places._division_names.cache_clear()
