"""Paragraphing is layout: a republication that joins the original's paragraphs or splits one,
every word kept, is the original's text; a join or split with a word changed reports that change
against the text it changes. HTML and Markdown read alike. A paragraph printed out of the
original's order is reported as moved, from where to where, not as one removed and the same added."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

STORY = [
    "The water utility raised its rates twice this year, according to filings with the state commission.",
    "Customers in the eastern district now pay 18 dollars more each month than they did in January.",
    "The utility said the increases cover repairs to pipes laid before 1950, many of which leak.",
    "Two council members have asked for an audit of the repair budget, which has never been published.",
    "A spokeswoman for the utility said the audit request would be reviewed at the next board meeting.",
]
CREDIT = "This story was originally published by ProPublica."


def _html(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"<html><body><article><h1>Water rates</h1>\n{body}<p>{CREDIT}</p></article></body></html>"


def _markdown(paragraphs: list[str]) -> str:
    return "# Water rates\n\n" + "".join(f"{p}\n\n" for p in paragraphs) + f"{CREDIT}\n"


def _check(cli: Any, tmp_path: Path, copy: str, name: str = "copy.html") -> tuple[int, list[str], list[str]]:
    original = write(tmp_path, "original.html", _html(STORY))
    copied = write(tmp_path, name, copy)
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(original), str(copied))
    result = run.json()["files"][0]
    return run.code, [f["evidence"] for f in result["findings"]], [p["evidence"] for p in result["passed"]]


def _halves(paragraph: str, at: str) -> list[str]:
    head, tail = paragraph.split(at, 1)
    return [head + at.rstrip(), tail.lstrip()]


KEPT = {
    "two joined": ([STORY[0], STORY[1] + " " + STORY[2], *STORY[3:]], "paragraphs 2 and 3 of the original are printed as one"),
    "three joined": ([STORY[0], " ".join(STORY[1:4]), STORY[4]], "paragraphs 2, 3 and 4 of the original are printed as one"),
    "the first two joined": ([STORY[0] + " " + STORY[1], *STORY[2:]], "paragraphs 1 and 2 of the original are printed as one"),
    "the last two joined": ([*STORY[:3], STORY[3] + " " + STORY[4]], "paragraphs 4 and 5 of the original are printed as one"),
    "one split in two": ([*STORY[:2], *_halves(STORY[2], "1950,"), *STORY[3:]], "paragraph 3 of the original is printed as 2"),
    "the last split in three": (
        [*STORY[:4], "A spokeswoman for the utility said", "the audit request would be reviewed", "at the next board meeting."],
        "paragraph 5 of the original is printed as 3",
    ),
    "a join and a split": (
        [STORY[0] + " " + STORY[1], *_halves(STORY[2], "1950,"), *STORY[3:]],
        "paragraphs 1 and 2 of the original are printed as one; paragraph 3 of the original is printed as 2",
    ),
}


@pytest.mark.parametrize("case", sorted(KEPT))
@pytest.mark.parametrize("form", ["html", "markdown"])
def test_paragraphs_joined_or_split_with_every_word_kept_pass(cli: Any, tmp_path: Path, case: str, form: str) -> None:
    paragraphs, said = KEPT[case]
    copy, name = (_html(paragraphs), "copy.html") if form == "html" else (_markdown(paragraphs), "copy.md")
    code, findings, passed = _check(cli, tmp_path, copy, name)
    assert (code, findings) == (0, [])
    assert passed == [f"all 5 paragraphs of the original, unchanged beyond style, time and place edits; {said}"]


def test_a_faithful_copy_says_nothing_of_paragraphing(cli: Any, tmp_path: Path) -> None:
    # The story on a page of the republisher's own (the original's very file would be the copy
    # itself, which is not compared with).
    copy = _html(STORY).replace("<html>", '<html lang="en">')
    assert _check(cli, tmp_path, copy)[2] == ["all 5 paragraphs of the original, unchanged beyond style, time and place edits"]


CHANGED = {
    # A number changed inside two joined paragraphs is reported against the joined text, nothing removed.
    "joined, a number changed": ([STORY[0], STORY[1].replace("18", "81") + " " + STORY[2], *STORY[3:]], ["(18 → 81)", "[-18-] {+81+}", "of which leak."]),
    # A negation dropped from the second half of a split paragraph.
    "split, a negation removed": (
        [*STORY[:3], *_halves(STORY[3].replace("has never been", "has been"), "budget,"), STORY[4]],
        ["a negation removed", "[-never-]"],
    ),
    # Three joined and a sentence of new prose put at the end of the join.
    "joined, a sentence added": (
        [STORY[0], " ".join(STORY[1:3]) + " Residents say the water tastes of rust on most mornings.", *STORY[3:]],
        ["{+Residents say the water tastes of rust on most mornings.+}"],
    ),
}


@pytest.mark.parametrize("case", sorted(CHANGED))
def test_a_join_or_split_with_a_word_changed_reports_that_change_alone(cli: Any, tmp_path: Path, case: str) -> None:
    paragraphs, quoted = CHANGED[case]
    code, findings, _ = _check(cli, tmp_path, _html(paragraphs))
    assert code == 1
    assert len(findings) == 1, findings
    assert findings[0].startswith("changed ("), findings
    assert all(part in findings[0] for part in quoted), findings


def test_a_paragraph_cut_beside_a_join_is_still_removed(cli: Any, tmp_path: Path) -> None:
    code, findings, _ = _check(cli, tmp_path, _html([STORY[0] + " " + STORY[1], STORY[3], STORY[4]]))
    assert code == 1
    assert findings == [f'removed: "{STORY[2]}"']


def test_a_story_cut_after_a_joined_paragraph_stops_after_the_last_it_holds(cli: Any, tmp_path: Path) -> None:
    code, findings, _ = _check(cli, tmp_path, _html([STORY[0], STORY[1] + " " + STORY[2]]).replace(f"<p>{CREDIT}</p>", ""))
    assert code == 1
    assert len(findings) == 1
    # The original's page ends with ProPublica's credit line too: that line is the credit rule's, not the story's.
    assert findings[0].startswith("the story stops after paragraph 3 of 5 (")
    assert findings[0].endswith("2 paragraphs, 34 words, are missing from the end")


MOVED = {
    "two swapped": ([STORY[0], STORY[2], STORY[1], *STORY[3:]], 3, "is printed before paragraph 2"),
    "the last put first": ([STORY[4], *STORY[:4]], 5, "is printed before paragraph 1"),
    "the first put last": ([*STORY[1:], STORY[0]], 1, "is printed after paragraph 5"),
    "two joined and moved": ([STORY[0], STORY[3], STORY[1] + " " + STORY[2], STORY[4]], 2, "are printed before paragraph 5 as one"),
    "one moved and split": ([STORY[0], *_halves(STORY[3], "budget,"), *STORY[1:3], STORY[4]], 4, "is printed before paragraph 2 as 2 paragraphs"),
}


@pytest.mark.parametrize("case", sorted(MOVED))
def test_a_paragraph_printed_out_of_order_is_moved_not_removed_and_added(cli: Any, tmp_path: Path, case: str) -> None:
    paragraphs, number, where = MOVED[case]
    code, findings, _ = _check(cli, tmp_path, _html(paragraphs))
    assert code == 1
    assert len(findings) == 1, findings
    which = "paragraphs 2 and 3" if number == 2 and "joined" in case else f"paragraph {number}"
    assert findings[0].startswith(f"moved: {which} of the original (")
    assert findings[0].endswith(where), findings


def test_a_moved_paragraph_with_a_word_changed_is_moved_and_changed(cli: Any, tmp_path: Path) -> None:
    code, findings, _ = _check(cli, tmp_path, _html([STORY[0], STORY[2].replace("1950", "1905"), STORY[1], *STORY[3:]]))
    assert code == 1
    assert [f.split(":")[0] for f in findings] == ["moved", "changed (1950 → 1905)"]
    assert findings[0].endswith("is printed before paragraph 2")


def test_a_paragraph_cut_and_another_added_elsewhere_are_not_a_move(cli: Any, tmp_path: Path) -> None:
    new = "Residents of the western district have asked the utility for a public hearing on the increases."
    code, findings, _ = _check(cli, tmp_path, _html([STORY[0], new, STORY[1], STORY[3], STORY[4]]))
    assert code == 1
    assert sorted(f.split(":")[0] for f in findings) == ["added", "removed"]
