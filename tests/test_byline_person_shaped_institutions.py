"""An author's institution known by a short name shaped like a person's ("Jane Roe, Johns
Hopkins", "By Ana Ruiz, Carnegie Mellon", "By Kwame Mensah, Kwame Nkrumah"), as The
Conversation's author lines and academic bylines write it after a full name and a comma: the
institution, never a second author. A person-shaped name no list knows ("By Jane Roe, John Doe",
"By Jane Roe, James Cook") and a known one joined by "and" ("By Jane Roe and George Mason") are
still people; with an institution's word after it ("Johns Hopkins University", "Johns Hopkins
Medicine", "University of Ghana") it was an institution already."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import read_byline
from compliance.document.institution_names import is_person_shaped_institution


@pytest.mark.parametrize(
    ("byline", "names", "institutions"),
    [
        ("Jane Roe, Johns Hopkins", ("Jane Roe",), ("Johns Hopkins",)),
        ("By Jane Roe, Johns Hopkins", ("Jane Roe",), ("Johns Hopkins",)),
        ("By Ana Ruiz, Carnegie Mellon", ("Ana Ruiz",), ("Carnegie Mellon",)),
        ("By Ana Ruiz, Brigham Young", ("Ana Ruiz",), ("Brigham Young",)),
        ("By Ana Ruiz, Simon Fraser", ("Ana Ruiz",), ("Simon Fraser",)),
        ("By Kwame Mensah, Kwame Nkrumah", ("Kwame Mensah",), ("Kwame Nkrumah",)),
        ("By Ana Ruiz, Stephen F. Austin", ("Ana Ruiz",), ("Stephen F. Austin",)),
        ("BY ANA RUIZ, JOHNS HOPKINS", ("ANA RUIZ",), ("JOHNS HOPKINS",)),
        # Each of several authors with their own.
        ("By Jane Roe, Johns Hopkins and Tom Lee, Carnegie Mellon", ("Jane Roe", "Tom Lee"), ("Johns Hopkins", "Carnegie Mellon")),
        ("By Jane Roe and Tom Lee, Johns Hopkins", ("Jane Roe", "Tom Lee"), ("Johns Hopkins", "Johns Hopkins")),
        ("By Jane Roe, George Mason; Tom Lee, Royal Holloway", ("Jane Roe", "Tom Lee"), ("George Mason", "Royal Holloway")),
        # With an institution's word, as before.
        ("Jane Roe, Johns Hopkins University", ("Jane Roe",), ("Johns Hopkins University",)),
        ("By Jane Roe, Johns Hopkins Medicine", ("Jane Roe",), ("Johns Hopkins Medicine",)),
        ("By Kwame Mensah, University of Ghana", ("Kwame Mensah",), ("University of Ghana",)),
    ],
)
def test_a_known_institution_after_a_name_is_the_authors(byline: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.problem is None
    assert reading.names == names
    assert reading.institutions == institutions


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Roe, John Doe", ("Jane Roe", "John Doe")),
        ("By Jane Roe, James Cook", ("Jane Roe", "James Cook")),
        ("By Jane Roe, John Hopkins", ("Jane Roe", "John Hopkins")),
        ("By Jane Roe and George Mason", ("Jane Roe", "George Mason")),
        # The person named like an institution, first: a byline's first name is its author's.
        ("By George Washington, Johns Hopkins", ("George Washington",)),
    ],
)
def test_a_person_is_still_a_person(byline: str, names: tuple[str, ...]) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize(
    ("text", "known"), [("Johns Hopkins", True), ("JOHNS  HOPKINS", True), ("Stephen F Austin", True), ("John Hopkins", False), ("Hopkins", False)]
)
def test_the_list_compares_in_any_letter_case_and_spacing(text: str, known: bool) -> None:
    assert is_person_shaped_institution(text) is known


CONVERSATION_CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-tides-run-late-412345">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/412345/count.gif" alt="The Conversation" width="1" height="1">'
)


def _conversation_page(byline: str) -> str:
    return (
        f'<html><body><article><h1>Why tides run late</h1><p class="byline">{byline}</p>'
        f"<p>Tide gauges show a drift of minutes.</p><p>The drift grows each year.</p>{CONVERSATION_CREDIT}</article></body></html>"
    )


@pytest.mark.parametrize("byline", ["By Renata Okafor, Johns Hopkins", "Renata Okafor, Carnegie Mellon", "By Renata Okafor, Queen Mary"])
def test_the_conversation_takes_it_for_the_authors_institution(byline: str) -> None:
    report = check_html(_conversation_page(byline), packs=["the-conversation"])
    assert "the-conversation/author-institution" not in {finding.rule for finding in report.findings}
    assert "the-conversation/author-institution" in {entry.rule for entry in report.passed}


def test_the_conversation_asks_a_second_persons_institution() -> None:
    report = check_html(_conversation_page("By Renata Okafor, John Hopkins"), packs=["the-conversation"])
    (finding,) = [finding for finding in report.findings if finding.rule == "the-conversation/author-institution"]
    assert finding.detail is not None and "Renata Okafor and John Hopkins" in finding.detail
