"""`syndcheck fix` moves a credit line put at the bottom instead of the top when it wraps over
several lines — a Markdown or text paragraph (consecutive lines that are not blank), an HTML
`<p>` spanning lines with inline links — as it moves a one-line one: the whole paragraph goes,
the notes and the report's block name its lines ("lines 9–10"). A paragraph that holds more than
the credit line, or a credit line written twice, is not moved."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

URL = "https://www.propublica.org/article/welds"
WELDS = "Inspectors signed off on 41 welds in a single morning."
HEAD_MD = f"# Welds\n\nBy Pat Doe, ProPublica\n\n{WELDS}\n\nSecond.\n\n"
HEAD_TXT = f"Welds\n\nBy Pat Doe, ProPublica\n\n{WELDS}\n\nSecond.\n\n"
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
HEAD_HTML = f"<html><body><article>\n<h1>Welds</h1>\n<p>By Pat Doe, ProPublica</p>\n<p>{WELDS}</p>\n<p>Second.</p>\n"


@pytest.mark.parametrize(
    ("name", "source", "lines"),
    [
        ("copy.md", HEAD_MD + "*This story was originally\npublished by ProPublica.*\n\nThird.\n", "lines 9–10"),
        # wrapped after "by", which the line-by-line reader takes for a byline of its own
        ("copy.md", HEAD_MD + "This story was originally published\nby ProPublica.\n", "lines 9–10"),
        ("copy.md", HEAD_MD + "This story\nwas originally\npublished by ProPublica.\n", "lines 9–11"),
        ("copy.txt", HEAD_TXT + "This story was originally\npublished by ProPublica.\n", "lines 9–10"),
        # Windows line breaks
        ("copy.md", (HEAD_MD + "This story was originally\npublished by ProPublica.\n").replace("\n", "\r\n"), "lines 9–10"),
        (
            "copy.html",
            HEAD_HTML + f'<p>This story was originally\n  published by <a href="{URL}">ProPublica</a>.</p>\n</article></body></html>\n',
            "lines 6–7",
        ),
    ],
)
def test_a_credit_line_over_several_lines_is_moved_whole(cli: Any, tmp_path: Path, name: str, source: str, lines: str) -> None:
    path = tmp_path / name
    path.write_bytes(source.encode())
    shown = cli("check", "--format", "html", "--pack", "propublica", f"--meta=original-url={URL}", str(path)).out
    assert f"Move {lines} here: take it out where it is now, so that the text is there once." in shown
    run = cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={URL}", str(path))
    fixed = path.read_bytes().decode()
    assert f"(moved here from {lines}, which are taken out)" in run.err and f"took out {lines}, " in run.err and "' (moved before the body)" in run.err
    # The page's own line is what moves, wrapped as the editor wrote it (its link kept in HTML).
    flowing = " ".join(fixed.split())
    assert "originally" not in fixed[fixed.index(WELDS) :] and flowing.count("originally published by") == 1
    assert flowing.index("originally published by") < flowing.index(WELDS)
    eol = "\r\n" if "\r\n" in source else "\n"
    assert 3 * eol not in fixed and fixed.count("\r\n") == (fixed.count("\n") if eol == "\r\n" else 0)
    checked = cli("check", "--pack", "propublica", f"--meta=original-url={URL}", str(path)).out
    assert re.search(r"\bok\s+propublica/credit-line\s", checked) and not re.search(r"(error|warning)\s+propublica/credit-line", checked)


@pytest.mark.parametrize(
    "ending",
    [
        # the credit line and more in one paragraph: not the credit line alone
        "This story was originally published\nby ProPublica. Republished\nwith permission.\n",
        # written twice: which one to move is not known
        "This story was originally\npublished by ProPublica.\n\nThird.\n\nThis story was originally\npublished by ProPublica.\n",
    ],
)
def test_a_paragraph_that_is_not_the_credit_line_alone_is_not_moved(cli: Any, tmp_path: Path, ending: str) -> None:
    path = tmp_path / "copy.md"
    path.write_text(HEAD_MD + ending, encoding="utf-8")
    run = cli("fix", "--pack", "propublica", f"--meta=original-url={URL}", str(path))
    assert "moved here" not in run.err and "took out" not in run.err


def test_the_editors_page_says_which_lines_to_move() -> None:
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    article = HEAD_MD + "*This story was originally\npublished by ProPublica.*\n"
    page = client.post("/", data={"article": article, "pack": "propublica", "format": "markdown", "original_url": URL}).text
    assert "Move lines 9–10 here: take it out where it is now, so that the text is there once." in page


@pytest.mark.parametrize(
    ("credit", "left"),
    [
        ("<p><em>This story was originally published by ProPublica.</em></p>", ""),
        ("<p><strong><em>This story was originally published by ProPublica.</em></strong></p>", ""),
        ("<p> <i>This story was originally published by ProPublica.</i>\n</p>", ""),
        # A wrapper of the page's structure stays: only the line's own elements go.
        ('<div class="credit"><p><em>This story was originally published by ProPublica.</em></p></div>', '<div class="credit"></div>'),
    ],
)
def test_a_credit_line_in_inline_markup_is_taken_out_with_its_paragraph(cli: Any, tmp_path: Path, credit: str, left: str) -> None:
    # Taking out the <em> alone left an empty <p></p> where the credit line had been.
    path = tmp_path / "copy.html"
    path.write_text(HEAD_HTML + credit + "\n</article></body></html>\n", encoding="utf-8")
    cli("fix", "--write", "--pack", "propublica", f"--meta=original-url={URL}", str(path))
    fixed = path.read_text(encoding="utf-8")
    end = fixed[fixed.index("<p>Second.</p>") + len("<p>Second.</p>") : fixed.index("</article>")]
    # What is left where the credit line was, the pixel the same run inserts at the end aside.
    assert end.replace(PIXEL, "").strip() == left
    assert fixed.count("originally published by") == 1 and fixed.index("originally published by") < fixed.index(WELDS)
