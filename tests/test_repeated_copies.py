"""Copies beyond what a rule's count allows (`max` of 1 or more: a credit line printed twice, or
thousands of times by a hostile or broken page) are one finding, at the first extra copy, whose
detail gives the count and that copy's line; each forbidden thing (`max: 0`) stays a finding of
its own. Quoting each copy reads only the words around it, so a paragraph of thousands of copies
is checked in time that grows with its length (counts are asserted here, never times)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.packs import load_pack
from compliance.text import excerpt, normalize_inline, ordinal
from tests.conftest import write
from tests.test_check_kinds import pack_around

PP = "This story was originally published by ProPublica."
GV = "This story by Ana Silva originally appeared on Global Voices on March 2, 2026."
CM = "This story was originally published by CalMatters."
NINETEENTH = "Originally published by The 19th."


def _page(byline: str, credits: list[str], *, one_paragraph: bool) -> str:
    body = "<p>" + " ".join(credits) + "</p>\n" if one_paragraph else "".join(f"<p>{credit}</p>\n" for credit in credits)
    return f"<article><h1>Rates rise</h1>\n<p>{byline}</p>\n<p>Rates rose again this spring.</p>\n{body}</article>\n"


def _findings(cli: Any, tmp_path: Path, pack: str, page: str, rule: str) -> list[dict[str, Any]]:
    story = write(tmp_path, "story.html", page)
    (entry,) = cli("check", "--pack", pack, "--format", "json", str(story)).json()["files"]
    return [finding for finding in entry["findings"] if finding["rule"] == rule]


@pytest.mark.parametrize(
    ("pack", "rule", "byline", "credit", "copies", "one_paragraph", "line"),
    [
        ("propublica", "propublica/credit-line-repeated", "By Jake Smith, ProPublica", PP, 400, True, 4),
        ("propublica", "propublica/credit-line-repeated", "By Jake Smith, ProPublica", PP, 400, False, 5),
        ("global-voices", "global-voices/credit-twice", "By Ana Silva", GV, 300, True, 4),
        ("global-voices", "global-voices/credit-twice", "By Ana Silva", GV, 3, False, 5),
        ("calmatters", "calmatters/credit-line-repeated", "By Rosa Ibarra, CalMatters", CM, 250, False, 5),
        ("the-19th", "the-19th/credit-twice", "By Mel Ortiz, The 19th", NINETEENTH, 200, True, 4),
    ],
)
def test_a_credit_printed_many_times_is_one_finding_with_the_count(
    cli: Any, tmp_path: Path, pack: str, rule: str, byline: str, credit: str, copies: int, one_paragraph: bool, line: int
) -> None:
    (finding,) = _findings(cli, tmp_path, pack, _page(byline, [credit] * copies, one_paragraph=one_paragraph), rule)
    assert f"appears {copies} times; at most 1 allowed; the second is at line {line}" in finding["detail"]
    assert finding["line"] == line


@pytest.mark.parametrize(
    ("pack", "rule", "byline", "credit"),
    [
        ("propublica", "propublica/credit-line-repeated", "By Jake Smith, ProPublica", PP),
        ("global-voices", "global-voices/credit-twice", "By Ana Silva", GV),
        ("calmatters", "calmatters/credit-line-repeated", "By Rosa Ibarra, CalMatters", CM),
    ],
)
def test_a_credit_printed_once_is_no_finding(cli: Any, tmp_path: Path, pack: str, rule: str, byline: str, credit: str) -> None:
    assert _findings(cli, tmp_path, pack, _page(byline, [credit], one_paragraph=False), rule) == []


def test_copies_in_other_words_are_counted_into_the_one_finding(cli: Any, tmp_path: Path) -> None:
    # CalMatters' prescribed line beside 120 lines in other words: one finding, both counts.
    credits = [CM] + ["Originally published by CalMatters."] * 120
    (finding,) = _findings(cli, tmp_path, "calmatters", _page("By Rosa Ibarra, CalMatters", credits, one_paragraph=False), "calmatters/credit-line-repeated")
    assert "appears 1 time, and in other words 120 times; at most 1 allowed in all; the second is at line 5" in finding["detail"]


def _user_findings(check: str, body: str) -> list[Any]:
    pack = load_pack(pack_around(check), "count.yaml")
    return list(check_document(parse_document(body.encode(), "html"), [pack], path="story.html", auto_detect=False).findings)


@pytest.mark.parametrize(
    ("check", "body", "detail"),
    [
        # A text count of at most 2 on a page of 9: the third copy is the first extra one.
        (
            "text:\n  phrase: Subscribe to the Gazette\n  min: 0\n  max: 2\n",
            "<article>" + "".join(f"<p>Subscribe to the Gazette, day {n}.</p>\n" for n in range(9)) + "</article>",
            "appears 9 times; at most 2 allowed; the third is at line 3",
        ),
        # An element count: the logo at most once, printed 5 times.
        (
            "element:\n  selector: img.logo\n  min: 0\n  max: 1\n",
            "<article><p>Story text here.</p>\n" + '<img class="logo" src="l.png" alt="Logo">\n' * 5 + "</article>",
            "appears 5 times; at most 1 allowed; the second is at line 3",
        ),
        # A link count.
        (
            "link:\n  href: 'https://gazette\\.example/'\n  min: 0\n  max: 1\n",
            "<article><p>Story text here.</p>\n" + '<p><a href="https://gazette.example/a">Gazette</a></p>\n' * 4 + "</article>",
            "appears 4 times; at most 1 allowed; the second is at line 3",
        ),
    ],
)
def test_every_count_kind_reports_its_extra_copies_once(check: str, body: str, detail: str) -> None:
    (finding,) = _user_findings(check, body)
    assert finding.detail is not None and detail in finding.detail


def test_a_forbidden_thing_stays_a_finding_each() -> None:
    # `max: 0`: each copy is a thing to take out, each its own finding at its own line.
    body = "<article><p>Story.</p>\n" + "<p>All rights reserved.</p>\n" * 3 + "</article>"
    findings = _user_findings("text:\n  phrase: All rights reserved\n  max: 0\n", body)
    assert [finding.location.line for finding in findings] == [2, 3, 4]


def test_fix_takes_out_every_extra_copy_the_one_finding_reports(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", _page("By Jake Smith, ProPublica", [PP] * 60, one_paragraph=False))
    cli("fix", "--write", "--pack", "propublica", str(story))
    assert story.read_text(encoding="utf-8").count("originally published by ProPublica") == 1


def test_an_excerpt_from_an_offset_is_the_shortened_rest() -> None:
    # Read a piece at a time: the same excerpt as normalising the whole rest, with runs of white
    # space and invisible characters longer than the piece read first.
    pieces = ["a", "word ", " " * 300, "\u200b" * 400, "\n" * 40, "é", "\u2019", "\t", "x" * 50]
    chooser = random.Random(7)
    for _ in range(3000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 60)))
        start, limit = chooser.randint(0, len(text)), chooser.choice([5, 120, 140])
        assert excerpt(text, start, limit) == _shortened_whole(text[start:], limit)


def _shortened_whole(text: str, limit: int) -> str:
    """`shorten` as it was written before it read a piece at a time: the whole text normalised."""
    text = normalize_inline(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():
        space = cut.rfind(" ")
        if space >= (limit - 1) * 2 // 3:
            cut = cut[:space]
    return cut.rstrip() + "…"


@pytest.mark.parametrize(("number", "said"), [(1, "first"), (2, "second"), (10, "tenth"), (11, "11th"), (12, "12th"), (21, "21st"), (102, "102nd")])
def test_ordinal(number: int, said: str) -> None:
    assert ordinal(number) == said
