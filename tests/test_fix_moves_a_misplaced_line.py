"""A line the terms want in one place, printed whole in another (KFF Health News' tagline above
the story, The Conversation's credit line at its foot), is moved by `syndcheck fix`, as written,
rather than repeated: taking the old paragraph out needs the paragraph, and a block's text often
opens with a link ("<p><a href=…>KFF Health News</a> is a national newsroom …</p>"), where the
element the text starts in is the `<a>`, not the `<p>`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

STORY = (
    "<p>Three rural hospitals in eastern Oregon have stopped delivering babies since January, leaving families hours from care.</p>\n"
    "<p>Hospital leaders said they could not recruit enough nurses to staff labor and delivery units around the clock.</p>\n"
    "<p>State lawmakers are considering a bill that would pay hospitals a standby fee to keep maternity units open.</p>\n"
)
TAGLINE = (
    '<p><a href="https://kffhealthnews.org">KFF Health News</a> is a national newsroom that produces in-depth journalism about'
    ' health issues and is one of the core operating programs at <a href="https://www.kff.org">KFF</a>—an independent source of'
    " health policy research, polling, and journalism.</p>\n"
)
BYLINE = '<p class="byline">By Sarah Jane Tribble, KFF Health News</p>\n'


def _page(before: str, after: str) -> str:
    return f"<html><body><article>\n<h1>Rural hospitals stop delivering babies</h1>\n{before}{BYLINE}{STORY}{after}</article></body></html>\n"


@pytest.mark.parametrize(
    "tagline",
    [
        TAGLINE,
        # Opening with emphasis, or with a link inside emphasis.
        TAGLINE.replace("<p><a", "<p><em><a").replace("journalism.</p>", "journalism.</em></p>"),
        TAGLINE.replace('<p><a href="https://kffhealthnews.org">KFF Health News</a>', "<p><strong>KFF Health News</strong>"),
    ],
)
def test_a_tagline_above_the_story_is_moved_to_its_end_not_repeated(cli: Any, tmp_path: Path, tagline: str) -> None:
    path = write(tmp_path, "copy.html", _page(tagline, ""))
    run = cli("fix", "--write", "--pack", "kff-health-news", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.count("is a national newsroom") == 1, run.err
    # Taken out above the byline, written after the story's last paragraph as the page wrote it.
    assert fixed.index("is a national newsroom") > fixed.index("standby fee")
    assert tagline.strip() in fixed
    assert "moved here from line" in run.out + run.err
    check = cli("check", "--format", "json", "--pack", "kff-health-news", str(path)).json()
    assert "kff-health-news/tagline" not in {f["rule"] for f in check["files"][0]["findings"]}


def test_a_tagline_inside_a_paragraph_of_the_story_is_not_moved_with_the_story(cli: Any, tmp_path: Path) -> None:
    # Moving the paragraph would move the story's own sentence: a second tagline goes at the end
    # or the fix says why not, and the story's sentence stays where it was.
    inside = TAGLINE.replace("</p>\n", " The hospitals serve three counties.</p>\n")
    path = write(tmp_path, "copy.html", _page(inside, ""))
    cli("fix", "--write", "--pack", "kff-health-news", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.index("The hospitals serve three counties.") < fixed.index("By Sarah Jane Tribble")


def test_a_markdown_tagline_above_the_story_is_moved_too(cli: Any, tmp_path: Path) -> None:
    tagline = (
        "[KFF Health News](https://kffhealthnews.org) is a national newsroom that produces in-depth journalism about health issues"
        " and is one of the core operating programs at [KFF](https://www.kff.org)—an independent source of health policy research,"
        " polling, and journalism."
    )
    story = "\n\n".join(
        [
            "Three rural hospitals in eastern Oregon have stopped delivering babies since January, leaving families hours from care.",
            "Hospital leaders said they could not recruit enough nurses to staff labor and delivery units around the clock.",
            "State lawmakers are considering a bill that would pay hospitals a standby fee to keep maternity units open.",
        ]
    )
    path = write(tmp_path, "copy.md", f"# Rural hospitals stop delivering babies\n\n{tagline}\n\nBy Sarah Jane Tribble, KFF Health News\n\n{story}\n")
    cli("fix", "--write", "--pack", "kff-health-news", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.count("is a national newsroom") == 1
    assert fixed.rstrip().endswith(tagline)
