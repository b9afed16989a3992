"""CalMatters' credit line printed twice, once in the prescribed words and once in others
("Originally published by CalMatters.", "This article first appeared on CalMatters."), is told by
`calmatters/credit-line-repeated`, and `fix` no longer adds the prescribed line above a reworded
one: it puts it in the reworded one's place. A credit line `fix` moves to the top is the page's own line,
with its link to the original story and its emphasis, in HTML and Markdown. Near-misses: one
reworded line alone is the missing-line error, not a repeat; a sentence of the story that cites
CalMatters in passing is no second credit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ORIGINAL_URL = "https://calmatters.org/environment/2026/11/water-board-kern/"
PRESCRIBED = 'This story was originally published by CalMatters. Sign up for their <a href="https://calmatters.org/newsletters/">newsletters</a>.'
PARAGRAPHS = (
    "The State Water Resources Control Board voted Tuesday to put a Kern County groundwater basin on probation.",
    "Farmers in the basin will have to report how much water they pump and pay fees.",
)


def _original(tmp_path: Path) -> Path:
    path = tmp_path / "original.html"
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    path.write_text(
        f'<html><head><link rel="canonical" href="{ORIGINAL_URL}"></head><body><article><h1>Water board limits pumping</h1>\n'
        f'<p class="byline">By Alex Nguyen</p>\n<div class="entry-content">\n{body}</div></article></body></html>\n',
        encoding="utf-8",
    )
    return path


def _copy(top: str, bottom: str = "", story: tuple[str, ...] = PARAGRAPHS) -> str:
    lines = [f"<p>{top}</p>\n"] if top else []
    lines += [f"<p>{p}</p>\n" for p in story]
    lines += [f"{bottom}\n"] if bottom else []
    return (
        '<html><body><article><h1>Water board limits pumping</h1>\n<p class="byline">By Alex Nguyen, CalMatters</p>\n'
        f'<div class="entry-content">\n{"".join(lines)}</div></article></body></html>\n'
    )


def _findings(cli: Any, tmp_path: Path, page: str) -> dict[str, str]:
    copy = tmp_path / "copy.html"
    copy.write_text(page, encoding="utf-8")
    entry = cli("check", "--pack", "calmatters", "--format", "json", "--original", str(_original(tmp_path)), str(copy)).json()["files"][0]
    return {f["rule"]: f["message"] for f in entry["findings"]}


LINK = f'<a href="{ORIGINAL_URL}">CalMatters</a>'


@pytest.mark.parametrize(
    "reworded",
    [
        f"<p><em>Originally published by {LINK}. Sign up for their newsletters.</em></p>",
        f"<p>This article first appeared on {LINK}.</p>",
        f"<p>First published by {LINK}.</p>",
        f"<p>This story was republished from {LINK}.</p>",
    ],
)
def test_the_prescribed_line_and_a_reworded_twin_are_a_repeated_credit(cli: Any, tmp_path: Path, reworded: str) -> None:
    found = _findings(cli, tmp_path, _copy(PRESCRIBED, reworded))
    assert found == {"calmatters/credit-line-repeated": "The CalMatters credit line is printed more than once."}


@pytest.mark.parametrize(
    ("top", "bottom", "story"),
    [
        # the prescribed line once
        (PRESCRIBED, "", PARAGRAPHS),
        # a story sentence that cites CalMatters in passing is no credit line
        (PRESCRIBED, "", (*PARAGRAPHS, "A report first published by CalMatters last year found the same.")),
    ],
)
def test_one_credit_line_is_no_repeat(cli: Any, tmp_path: Path, top: str, bottom: str, story: tuple[str, ...]) -> None:
    assert _findings(cli, tmp_path, _copy(top, bottom, story)) == {}


def test_a_reworded_line_alone_is_the_missing_line_not_a_repeat(cli: Any, tmp_path: Path) -> None:
    found = _findings(cli, tmp_path, _copy(f"Originally published by {LINK}. Sign up for their newsletters."))
    assert set(found) == {"calmatters/credit-line"}


def test_fix_puts_the_line_in_place_of_a_reworded_one_not_above_it(cli: Any, tmp_path: Path) -> None:
    # Not a second, prescribed line above the reworded one (the credit twice): the reworded one
    # becomes the prescribed line, its emphasis kept.
    page = _copy(f"<em>Originally published by {LINK}. Sign up for their newsletters.</em>")
    copy = tmp_path / "copy.html"
    copy.write_text(page, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "calmatters", "--original", str(_original(tmp_path)), str(copy))
    prescribed = PRESCRIBED.replace("CalMatters.", f"{LINK}.", 1)
    assert copy.read_text(encoding="utf-8") == _copy(f"<em>{prescribed}</em>")
    assert "fixed calmatters/credit-line: replaced 'Originally published by CalMatters. Sign up for their…' with" in run.err
    assert _findings(cli, tmp_path, copy.read_text(encoding="utf-8")) == {}


def test_fix_moves_the_pages_own_credit_line_with_its_link_to_the_original(cli: Any, tmp_path: Path) -> None:
    own = f'<p><em>This story was originally published by {LINK}. <a href="https://calmatters.org/newsletters/">Sign up</a> for their newsletters.</em></p>'
    copy = tmp_path / "copy.html"
    copy.write_text(_copy("", own), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "calmatters", "--original", str(_original(tmp_path)), str(copy))
    moved = _copy("", "").replace('<div class="entry-content">\n', f'<div class="entry-content">\n{own}\n')
    assert copy.read_text(encoding="utf-8") == moved, run.err
    assert "(moved here from line 6, which is taken out)" in run.err
    assert _findings(cli, tmp_path, moved) == {}


def test_fix_moves_a_markdown_credit_line_as_written(cli: Any, tmp_path: Path) -> None:
    own = f"*This story was originally published by [CalMatters]({ORIGINAL_URL}). Sign up for their [newsletters](https://calmatters.org/newsletters/).*"
    story = "\n\n".join(PARAGRAPHS)
    copy = tmp_path / "copy.md"
    copy.write_text(f"# Water board limits pumping\n\nBy Alex Nguyen, CalMatters\n\n{story}\n\n{own}\n", encoding="utf-8")
    run = cli("fix", "--write", "--pack", "calmatters", "--original", str(_original(tmp_path)), str(copy))
    fixed = copy.read_text(encoding="utf-8")
    assert fixed.count(own) == 1 and fixed.index(own) < fixed.index(PARAGRAPHS[0]), run.err
    assert not fixed.rstrip().endswith(own)


# The credit in a wire service's or a feed's words, as a line of its own.
WIRE_WORDED = (
    f"Courtesy of {LINK}.",
    "Courtesy: CalMatters",
    f"Republished courtesy of {LINK}.",
    "Via CalMatters",
    "Credit: CalMatters",
    "Reprinted with permission from CalMatters.",
    "Originally printed in CalMatters.",
    "(c) CalMatters",
    "© 2026 CalMatters. All rights reserved.",
)


def _entry(cli: Any, tmp_path: Path, page: str) -> dict[str, Any]:
    copy = tmp_path / "copy.html"
    copy.write_text(page, encoding="utf-8")
    entry: dict[str, Any] = cli("check", "--pack", "calmatters", "--format", "json", "--original", str(_original(tmp_path)), str(copy)).json()["files"][0]
    return entry


@pytest.mark.parametrize("reworded", WIRE_WORDED)
def test_a_wire_worded_credit_alone_is_quoted_and_pointed_at_never_passed(cli: Any, tmp_path: Path, reworded: str) -> None:
    entry = _entry(cli, tmp_path, _copy(reworded))
    (finding,) = entry["findings"]
    assert finding["rule"] == "calmatters/credit-line"
    # The line the page has (its text, with the link's words), at the line it is on (line 4).
    assert finding["evidence"].startswith(reworded.replace(LINK, "CalMatters").rstrip("."))
    assert finding["line"] == 4
    assert "is a credit line in other words, which does not replace it" in finding["detail"]


@pytest.mark.parametrize("reworded", WIRE_WORDED)
def test_a_wire_worded_credit_beside_the_prescribed_line_is_a_repeated_credit(cli: Any, tmp_path: Path, reworded: str) -> None:
    found = _findings(cli, tmp_path, _copy(PRESCRIBED, f"<p>{reworded}</p>"))
    assert found == {"calmatters/credit-line-repeated": "The CalMatters credit line is printed more than once."}


@pytest.mark.parametrize(
    "sentence",
    [
        # In a sentence of the story, the same words credit nothing.
        "The figures came to us courtesy of CalMatters and the state auditor.",
        "Via CalMatters reporting, the board learned of the wells last spring.",
        # Another outlet, in the same words.
        "Courtesy of the Kern County Record.",
    ],
)
def test_the_same_words_in_a_sentence_or_for_another_outlet_are_not_quoted(cli: Any, tmp_path: Path, sentence: str) -> None:
    entry = _entry(cli, tmp_path, _copy(sentence))
    # (A sentence of prose the original does not have is also a paragraph added: fidelity's finding.)
    (finding,) = [f for f in entry["findings"] if f["rule"] == "calmatters/credit-line"]
    assert finding["evidence"] is None
    assert {f["rule"] for f in entry["findings"]} <= {"calmatters/credit-line", "calmatters/fidelity"}


def test_a_photo_caption_courtesy_of_calmatters_is_no_second_credit(cli: Any, tmp_path: Path) -> None:
    caption = '<figure><img src="/well.jpg" alt="A well"><figcaption>Courtesy of CalMatters</figcaption></figure>'
    assert _findings(cli, tmp_path, _copy(PRESCRIBED, caption)) == {}


@pytest.mark.parametrize("reworded", ["This article first appeared on CalMatters.", "Courtesy of CalMatters.", "Via CalMatters"])
def test_a_passing_repeat_check_never_shows_a_reworded_line_as_its_evidence(cli: Any, tmp_path: Path, reworded: str) -> None:
    entry = _entry(cli, tmp_path, _copy(reworded))
    passed = {p["rule"]: p["evidence"] for p in entry["passed"]}
    assert passed["calmatters/credit-line-repeated"] == 'no line "This story was originally published by CalMatters" in the article, outside photo captions'


def test_a_passing_repeat_check_shows_the_prescribed_line_that_passed(cli: Any, tmp_path: Path) -> None:
    entry = _entry(cli, tmp_path, _copy(PRESCRIBED))
    passed = {p["rule"]: (p["evidence"], p["line"]) for p in entry["passed"]}
    # The line and about 30 characters after the match, as every text hit is quoted: here the
    # whole line, which ends a word later (a quote never stops in half a word).
    assert passed["calmatters/credit-line-repeated"] == ("This story was originally published by CalMatters. Sign up for their newsletters.", 4)
