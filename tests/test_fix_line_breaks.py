"""The lines `fix` inserts end as most of the file's lines do, and take the file's blank lines as
they are: a paragraph put where blank lines already stand (two after a headline, where a byline
was taken out; one that ends the file) adds no blank line more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.fixes import line_break_of

PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
CREDIT = "This story was originally published by [ProPublica](https://www.propublica.org/article/welds)."


@pytest.mark.parametrize(
    ("source", "eol"),
    [
        ("a\r\nb\r\nc\r\n", "\r\n"),
        ("+++\r\ntitle = 'x'\n+++\r\n# T\n\nBy A\n\nBody\n", "\n"),  # mostly LF: the front matter alone is CR LF
        ("a\r\nb\r\nc\n", "\r\n"),
        ("a\rb\rc\r", "\r"),
        ("one line", "\n"),
    ],
)
def test_the_line_break_is_the_one_most_lines_end_with(source: str, eol: str) -> None:
    assert line_break_of(source) == eol


def _fix(cli: Any, path: Path, *args: str) -> bytes:
    run = cli("fix", "--write", *args, str(path))
    assert run.code == 0, run.err
    return path.read_bytes()


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_a_pixel_after_a_last_blank_line_adds_no_blank_line(cli: Any, tmp_path: Path, eol: str) -> None:
    copy = tmp_path / "copy.md"
    paragraphs = [f"The logs of the inspections on line {n} show the same inspector at two sites on one morning." for n in range(1, 5)]
    text = eol.join(["# Welds", "", "By Pat Doe, ProPublica", "", CREDIT, "", *(eol.join([p, ""]) for p in paragraphs), ""])
    copy.write_bytes(b"\xef\xbb\xbf" + text.encode())
    fixed = _fix(cli, copy, "--pack", "propublica")
    assert fixed == b"\xef\xbb\xbf" + f"{text}{PIXEL}{eol}".encode()


def test_mixed_line_breaks_take_the_file_s_dominant_one(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.md"
    text = "+++\r\ntitle = 'Welds'\n+++\r\n# Welds\n\nBy Pat Doe, ProPublica\r\n\nThe logs show it.\n\nMore.\n"
    copy.write_bytes(text.encode())
    fixed = _fix(cli, copy, "--pack", "propublica", "--meta", "original-url=https://www.propublica.org/article/welds").decode()
    assert f"\n{CREDIT}\n" in fixed and f"\n{PIXEL}\n" in fixed
    assert fixed.count("\r\n") == text.count("\r\n")


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_a_byline_put_where_two_blank_lines_stand_adds_none(cli: Any, tmp_path: Path, eol: str) -> None:
    # A wire copy whose byline was taken out, leaving two blank lines under the headline.
    copy = tmp_path / "copy.txt"
    body = "The administration is reportedly considering an unusual move, officials said on Wednesday."
    text = eol.join(["Headline of the story", "", "", body, "", "Relations remain tense, the report said.", ""])
    copy.write_bytes(text.encode("cp1252"))
    fixed = _fix(cli, copy, "--pack", "dcnf", "--meta", "reporter=Jake Smith").decode("cp1252")
    lines = fixed.split(eol)
    assert lines[:6] == ["Headline of the story", "", "Daily Caller News Foundation logo", "By Jake Smith, Daily Caller News Foundation", "", body]


FIRST = "Garfield County commissioners voted on Tuesday to hire four nurses."
LAST = "The deaths are under review, a spokesperson said yesterday."


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_a_pixel_put_with_a_credit_at_the_end_of_a_file_ending_with_a_blank_line_adds_none(cli: Any, tmp_path: Path, eol: str) -> None:
    # Two fixes at once: the credit line under the byline, the pixel after the last paragraph. A
    # link back tried after the pixel and then dropped as needless (the credit line links the
    # original) left its leading line breaks to the pixel.
    copy = tmp_path / "copy.md"
    text = eol.join(["# Jail care", "", "By Ana Ruiz, ProPublica", "", FIRST, "", LAST, "", ""])
    copy.write_bytes(text.encode())
    fixed = _fix(cli, copy, "--meta", "original-url=https://www.propublica.org/article/welds").decode()
    assert fixed == eol.join(
        [
            "# Jail care",
            "",
            "By Ana Ruiz, ProPublica",
            "",
            CREDIT,
            "",
            FIRST,
            "",
            LAST,
            "",
            PIXEL,
            "",
        ]
    )
