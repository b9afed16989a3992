"""A block `syndcheck fix` puts "at the end" of the story (ProPublica's pixel, a `where: end` fix)
goes after the story's last block whatever its kind: after a list the story closes with (its
findings in bullets, led in by a line or not), in HTML, Markdown and text, not before it. A list
that is the page's and not the story's (links to other stories, a tags or sharing box) is no end
of the story: the block goes after the last paragraph, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
HEAD = (
    '<html><body><article>\n<h1>Rates rise</h1>\n<p class="byline">By Jane Roe, ProPublica</p>\n'
    '<p>This story was originally published by <a href="https://www.propublica.org/article/rates-rise">ProPublica</a>.</p>\n'
    "<p>The bank raised rates on Tuesday, the third rise this year.</p>\n"
)
FOOT = "</article></body></html>\n"


@pytest.mark.parametrize(
    "closing",
    [
        "<p>What we found:</p>\n<ul>\n<li>Rates rose.</li>\n<li>Markets fell.</li>\n</ul>\n",
        "<ul>\n<li>Rates rose.</li>\n<li>Markets fell.</li>\n</ul>\n",
        "<ol>\n<li><p>Rates rose.</p></li>\n<li><p>Markets fell.</p></li>\n</ol>\n",
        "<p>Key dates:</p>\n<dl>\n<dt>March</dt>\n<dd>First rise.</dd>\n</dl>\n",
    ],
)
def test_the_pixel_goes_after_a_list_that_closes_the_story(cli: Any, tmp_path: Path, closing: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(HEAD + closing + FOOT, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(copy))
    assert copy.read_text(encoding="utf-8") == HEAD + closing + PIXEL + "\n" + FOOT, run.err
    assert f"fixed propublica/pixel: inserted '{PIXEL}' after the story's closing list\n" in run.err


@pytest.mark.parametrize(
    "closing",
    [
        # links to other stories
        '<p>Read more:</p>\n<ul>\n<li><a href="/a">Banks brace for more</a></li>\n<li><a href="/b">Savers win</a></li>\n</ul>\n',
        # a list in the tail's tags box
        '<div class="tags"><ul>\n<li>Banking</li>\n<li>Economy</li>\n</ul></div>\n',
    ],
)
def test_a_list_of_the_pages_after_the_story_is_no_end_of_it(cli: Any, tmp_path: Path, closing: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(HEAD + closing + FOOT, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(copy))
    assert copy.read_text(encoding="utf-8") == HEAD + PIXEL + "\n" + closing + FOOT, run.err
    assert f"fixed propublica/pixel: inserted '{PIXEL}' after the story's last paragraph\n" in run.err


@pytest.mark.parametrize("bullet", ["- ", "* ", "1. "])
def test_in_markdown_the_pixel_goes_after_the_closing_list(cli: Any, tmp_path: Path, bullet: str) -> None:
    story = (
        "# Rates rise\n\nBy Jane Roe, ProPublica\n\n"
        "This story was originally published by [ProPublica](https://www.propublica.org/article/rates-rise).\n\n"
        "The bank raised rates on Tuesday, the third rise this year.\n\nWhat we found:\n\n"
        f"{bullet}Rates rose.\n{bullet}Markets fell.\n"
    )
    copy = tmp_path / "copy.md"
    copy.write_text(story, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(copy))
    assert copy.read_text(encoding="utf-8") == story + "\n" + PIXEL + "\n", run.err
    assert f"fixed propublica/pixel: inserted '{PIXEL}' after the story's closing list\n" in run.err
