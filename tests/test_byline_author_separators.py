"""What parts one author from the next in a byline, beyond commas, semicolons and "and": a line
break inside the byline (one author a line, as a CMS prints it: `NAME, Uni X<br>NAME`, blocks in
an author box, a Markdown hard break, consecutive lines of plain text) and, after an author's
credit, a bar, a slash, a middle dot or a bullet ("NAME, Uni X | NAME"). Near-misses stay as
they were: a line break between a name and its own institution, a bar before a date or a
section, an opener alone on its line. Checked on the reader, on parsed documents and through the
CLI with The Conversation's pack, whose rule needs each author's institution."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import read_byline
from tests.conftest import write

CONVERSATION = frozenset({"the conversation"})
RULE = "the-conversation/author-institution"
STORY = "On a hot afternoon, a street lined with oaks can be 10 degrees cooler than bare pavement, our measurements show."
CREDIT = "This article is republished from The Conversation under a Creative Commons license. Read the original article."
CREDIT_HTML = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-urban-trees-cool-231845">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/231845/count.gif" alt="The Conversation" width="1" height="1">'
)


def _html(byline: str) -> str:
    return f"<html><body><article><h1>Why urban trees cool</h1>{byline}<p>{STORY}</p>{CREDIT_HTML}</article></body></html>"


def _read(doc_text: str, kind: str = "html") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each byline's names and each name's first institution ("" for none)."""
    return [(byline.names, byline.reading.institutions) for byline in parse_document(doc_text, kind).bylines]  # type: ignore[arg-type]


def _verdict(cli: Any, tmp_path: Path, name: str, page: str) -> str | None:
    """The message of the author-institution finding on `page`, or None when the rule passed."""
    path = write(tmp_path, name, page)
    entry = cli("check", "--pack", "the-conversation", "--format", "json", str(path)).json()["files"][0]
    for finding in entry["findings"]:
        if finding["rule"] == RULE:
            return str(finding["message"])
    assert RULE in {passed["rule"] for passed in entry["passed"]}, entry["findings"]
    return None


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Renata Okafor, Northern Plains University | Ana Ruiz", ("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", "")),
        ("By Renata Okafor, Associate Professor, Mayo Clinic / Ana Ruiz", ("Renata Okafor", "Ana Ruiz"), ("Mayo Clinic", "")),
        ("Li Wei, Peking University · Wang Fang", ("Li Wei", "Wang Fang"), ("Peking University", "")),
        ("Par Claire Dubois, Université de Lyon • Luc Martin", ("Claire Dubois", "Luc Martin"), ("Université de Lyon", "")),
        # Each with their own: the bar closes the first author's credit.
        (
            "Por Ana Ruiz, Universidad de Chile | Luis Pérez, Universidad de los Andes",
            ("Ana Ruiz", "Luis Pérez"),
            ("Universidad de Chile", "Universidad de los Andes"),
        ),
        ("Von Anna Weber, Universität Wien | Jonas Berg, Karolinska Institutet", ("Anna Weber", "Jonas Berg"), ("Universität Wien", "Karolinska Institutet")),
    ],
)
def test_a_bar_after_an_authors_credit_parts_the_next_author(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Ana Ruiz | March 3, 2025", ""),
        ("By Ana Ruiz | Politics", "Politics"),
        ("By Ana Ruiz | Health Policy", "Health Policy"),
        ("By Ana Ruiz, Staff Writer | Updated 3 hours ago", "Staff Writer"),
        ("By Ana Ruiz • 7 min read", ""),
        ("By Ana Ruiz, The Texas Tribune | Austin, Texas", "The Texas Tribune, Austin, Texas"),
        ("By Ana Ruiz, Reuters / Staff Writer", "Reuters, Staff Writer"),
    ],
)
def test_a_bar_before_a_date_a_section_or_a_place_names_no_author(text: str, credit: str) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.credit) == (("Ana Ruiz",), credit)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ('<p class="byline">Renata Okafor, Northern Plains University<br>Ana Ruiz</p>', [(("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", ""))]),
        ('<p class="byline">Ana Ruiz<br>Ben Cole</p>', [(("Ana Ruiz", "Ben Cole"), ("", ""))]),
        (
            '<div class="author-box"><div>Renata Okafor, Mayo Clinic</div><div>Ana Ruiz, Karolinska Institutet</div></div>',
            [(("Renata Okafor", "Ana Ruiz"), ("Mayo Clinic", "Karolinska Institutet"))],
        ),
        ("<p>By Renata Okafor, Northern Plains University<br>Ana Ruiz</p>", [(("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", ""))]),
        ('<p class="byline">Por Ana Ruiz, Universidad de Chile<br>Luis Pérez</p>', [(("Ana Ruiz", "Luis Pérez"), ("Universidad de Chile", ""))]),
        # The line break between a name and its institution is one author with an institution.
        ('<p class="byline">Renata Okafor<br>Northern Plains University</p>', [(("Renata Okafor",), ("Northern Plains University",))]),
        ('<p class="byline">By Ana Ruiz<br>March 3, 2025</p>', [(("Ana Ruiz",), ("",))]),
        ('<p class="byline">By<br>Ana Ruiz, Northern Plains University</p>', [(("Ana Ruiz",), ("Northern Plains University",))]),
        ('<p class="byline">By Ana Ruiz<br>Staff Writer</p>', [(("Ana Ruiz",), ("",))]),
        ('<p class="byline">Ana Ruiz and<br>Ben Cole, Mayo Clinic</p>', [(("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "Mayo Clinic"))]),
        ("<p>By Ana Ruiz, Mayo Clinic<br>Every spring the water tastes earthy.</p>", [(("Ana Ruiz",), ("Mayo Clinic",))]),
    ],
)
def test_a_line_break_in_the_byline_parts_authors_as_a_semicolon_does(byline: str, expected: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _read(_html(byline)) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("By Renata Okafor, Northern Plains University\nAna Ruiz", [(("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", ""))]),
        # A line that is a byline of its own is read in its turn.
        (
            "By Renata Okafor, Northern Plains University\nAna Ruiz, Mayo Clinic",
            [(("Renata Okafor",), ("Northern Plains University",)), (("Ana Ruiz",), ("Mayo Clinic",))],
        ),
        # A blank line ends the byline's paragraph.
        ("By Renata Okafor, Northern Plains University\n\nAna Ruiz", [(("Renata Okafor",), ("Northern Plains University",))]),
    ],
)
def test_lines_under_a_plain_text_byline_go_on_with_it(lines: str, expected: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    text = "\n\n".join(["Why urban trees cool", lines, STORY, CREDIT])
    assert _read(text, "text") == expected


def test_a_markdown_hard_break_parts_authors() -> None:
    markdown = "\n\n".join(["# Why urban trees cool", "By Renata Okafor, Northern Plains University  \nBen Cole", STORY, CREDIT])
    assert _read(markdown, "markdown") == [(("Renata Okafor", "Ben Cole"), ("Northern Plains University", ""))]


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ('<p class="byline">Renata Okafor, Northern Plains University<br>Ana Ruiz</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">Renata Okafor, Northern Plains University | Ana Ruiz</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">Renata Okafor, Northern Plains University · Ana Ruiz</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">Renata Okafor<br>Northern Plains University</p>', None),
        ('<p class="byline">Renata Okafor, Northern Plains University<br>Ana Ruiz, Mayo Clinic</p>', None),
        ('<p class="byline">Renata Okafor, Northern Plains University | March 3, 2025</p>', None),
    ],
)
def test_the_conversation_checks_each_author_a_line_or_a_bar_parts(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    assert _verdict(cli, tmp_path, "story.html", _html(byline)) == message
