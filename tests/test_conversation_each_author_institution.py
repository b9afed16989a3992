"""Each author of a Conversation byline is judged with the institution that follows their name
(The Conversation's own bylines put each author's institution after that author): "A, Uni X and
B" credits B without one, in every separator a byline has ("and", ", and", ";", a dash,
parentheses), and the message names only the authors without an institution. An institution
written once after several names ("A and B, Uni X") is theirs together."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_markdown, check_text
from compliance.document.byline_reading import read_byline
from compliance.findings import Report
from compliance.text import possessive

RULE = "the-conversation/author-institution"
OUTLETS = frozenset({"the conversation"})
CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-urban-trees-cool-231845">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/231845/count.gif" alt="The Conversation" width="1" height="1">'
)
STORY = "<p>On a hot afternoon, a street lined with oaks can be 10 degrees cooler than bare pavement.</p>"


def _page(author_line: str, after: str = "") -> str:
    # A short article, as a repro is: the byline stands among the last blocks, where author notes are read.
    return f"<html><body><article><h1>Why urban trees cool</h1>{author_line}{STORY}{after}{CREDIT}</article></body></html>"


def _finding(report: Report) -> tuple[str, str] | None:
    """(message, detail) of the rule's finding, or None when it passed; neither fails the test."""
    for finding in report.findings:
        if finding.rule == RULE:
            return finding.message, finding.detail or ""
    assert RULE in {p.rule for p in report.passed}, report.findings
    return None


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Ines Marlowe, University of Lakeshore and Tomas Reyes", ("Ines Marlowe", "Tomas Reyes"), ("University of Lakeshore", "")),
        ("Ines Marlowe, University of Lakeshore & Tomas Reyes", ("Ines Marlowe", "Tomas Reyes"), ("University of Lakeshore", "")),
        ("Ines Marlowe — Karolinska Institutet and Tomas Reyes", ("Ines Marlowe", "Tomas Reyes"), ("Karolinska Institutet", "")),
        ("By Ines Marlowe, University of Lakeshore; Tomas Reyes", ("Ines Marlowe", "Tomas Reyes"), ("University of Lakeshore", "")),
        (
            "Ines Marlowe, University of Lakeshore and Tomas Reyes, Monash University",
            ("Ines Marlowe", "Tomas Reyes"),
            ("University of Lakeshore", "Monash University"),
        ),
        (
            "Ines Marlowe, University of Lakeshore; Tomas Reyes, Monash University",
            ("Ines Marlowe", "Tomas Reyes"),
            ("University of Lakeshore", "Monash University"),
        ),
        (
            "Ines Marlowe, Lecturer, University of Lakeshore and Tomas Reyes, Professor, Monash University",
            ("Ines Marlowe", "Tomas Reyes"),
            ("University of Lakeshore", "Monash University"),
        ),
        # One institution written once after both names is theirs together, with or without "and".
        ("Ines Marlowe and Tomas Reyes, University of Lakeshore", ("Ines Marlowe", "Tomas Reyes"), ("University of Lakeshore",) * 2),
        ("Ines Marlowe, Tomas Reyes, University of Lakeshore", ("Ines Marlowe", "Tomas Reyes"), ("University of Lakeshore",) * 2),
        # A semicolon closes the first author's credit: the institution after it is the second's.
        ("Ines Marlowe; Tomas Reyes, Monash University", ("Ines Marlowe", "Tomas Reyes"), ("", "Monash University")),
        # Near misses that must read as before: a company named with "and", a title with "and",
        # a list of people, a title after a semicolon.
        ("By Jane Doe, Simon and Schuster", ("Jane Doe",), ("Simon and Schuster",)),
        ("By Jane Doe, Arts and Culture Reporter", ("Jane Doe",), ("",)),
        ("By Jane Doe, John Roe", ("Jane Doe", "John Roe"), ("", "")),
        ("By Jane Doe; Staff Writer", ("Jane Doe",), ("",)),
    ],
)
def test_each_author_has_the_institution_after_their_name(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=OUTLETS)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    "author_line",
    [
        '<p class="byline">Ines Marlowe, University of Lakeshore</p>',
        '<p class="byline">Ines Marlowe, <em>University of Lakeshore</em> and Tomas Reyes, <em>Monash University</em></p>',
        '<p class="byline">By Ines Marlowe, University of Lakeshore; Tomas Reyes, Monash University</p>',
        '<p class="byline">Ines Marlowe (University of Lakeshore) and Tomas Reyes (Monash University)</p>',
        '<p class="byline">Ines Marlowe — University of Lakeshore and Tomas Reyes — Monash University</p>',
        '<p class="byline">Ines Marlowe and Tomas Reyes, University of Lakeshore</p>',
    ],
)
def test_every_author_with_an_institution_passes(author_line: str) -> None:
    assert _finding(check_html(_page(author_line), packs=["the-conversation"])) is None


@pytest.mark.parametrize(
    ("author_line", "bare"),
    [
        ('<p class="byline">Ines Marlowe, <em>University of Lakeshore</em> and Tomas Reyes</p>', "Tomas Reyes"),
        ('<p class="byline">Ines Marlowe, University of Lakeshore, and Tomas Reyes</p>', "Tomas Reyes"),
        ('<p class="byline">By Ines Marlowe, University of Lakeshore; Tomas Reyes</p>', "Tomas Reyes"),
        ('<p class="byline">Ines Marlowe (University of Lakeshore) and Tomas Reyes</p>', "Tomas Reyes"),
        ('<p class="byline">Ines Marlowe — University of Lakeshore and Tomas Reyes</p>', "Tomas Reyes"),
        # The first author bare.
        ('<p class="byline">Ines Marlowe; Tomas Reyes, Monash University</p>', "Ines Marlowe"),
        ('<p class="byline">By Ines Marlowe</p><p class="byline">By Tomas Reyes, Monash University</p>', "Ines Marlowe"),
    ],
)
def test_the_author_without_an_institution_is_the_one_named(author_line: str, bare: str) -> None:
    found = _finding(check_html(_page(author_line), packs=["the-conversation"]))
    assert found is not None
    message, detail = found
    assert message == f"The byline credits {bare} but not their institution."
    assert detail.endswith(f"does not show {possessive(bare)} institution")


def test_every_author_without_an_institution_is_named() -> None:
    found = _finding(check_html(_page('<p class="byline">By Ines Marlowe and Tomas Reyes</p>'), packs=["the-conversation"]))
    assert found is not None
    assert found[0] == "The byline credits Ines Marlowe and Tomas Reyes but not their institution."
    assert found[1].endswith("does not show the institutions of Ines Marlowe and Tomas Reyes")


def test_the_second_author_without_an_institution_fails_in_plain_text_and_markdown() -> None:
    text = "Why urban trees cool\n\nInes Marlowe, University of Lakeshore and Tomas Reyes\n\nOn a hot afternoon, oaks cool the street.\n\n"
    text += "This article is republished from The Conversation under a Creative Commons license.\n"
    for report in (check_text(text, packs=["the-conversation"]), check_markdown(text, packs=["the-conversation"])):
        found = _finding(report)
        assert found is not None and found[0] == "The byline credits Tomas Reyes but not their institution."


@pytest.mark.parametrize(
    ("note", "passes"),
    [
        # An author note near the end names the bare author's institution.
        ("<p>Tomas Reyes is a lecturer in geography at Monash University.</p>", True),
        ("<p>About the authors: Ines Marlowe teaches ecology. Tomas Reyes, a research fellow at the Urban Climate Institute, studies heat.</p>", True),
        # Near misses: a note on the other author only, one naming no institution, or none at all.
        ("<p>Ines Marlowe is a professor at the University of Lakeshore.</p>", False),
        ("<p>Tomas Reyes is a freelance writer based in Denver.</p>", False),
        ("", False),
    ],
)
def test_an_author_note_gives_that_author_alone_an_institution(note: str, passes: bool) -> None:
    page = _page('<p class="byline">Ines Marlowe, University of Lakeshore and Tomas Reyes</p>', after=note)
    assert (_finding(check_html(page, packs=["the-conversation"])) is None) is passes
