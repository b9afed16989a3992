"""KFF Health News' tagline ends the story: nothing but what is not the story (a copyright line,
a share box, a pixel) may follow it; a paragraph of the story after it, even one, means the
tagline is not at the end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.errors import PackError
from compliance.packs import load_pack
from tests.conftest import write
from tests.test_check_kinds import pack_around

TAGLINE = (
    "*KFF Health News is a national newsroom that produces in-depth journalism about health issues and is one of the "
    "core operating programs at KFF — the independent source for health policy research, polling, and journalism.*"
)
HEAD = (
    "---\ntitle: Rural Hospitals Stop Delivering Babies\nauthor: Tomás Ferreira, KFF Health News\n---\n\n"
    "*This story was originally published by [KFF Health News](https://kffhealthnews.org/news/article/rural-hospitals/).*\n\n"
    "MOUNTAIN HOME, Ark. — When Kayla Brewer went into labor, the hospital near her house had stopped delivering babies.\n\n"
    '"I was timing contractions and watching the mile markers," said Brewer, who is 27 years old.\n\n'
)
STORY = "Paragraph {n} of the story goes on about rural hospitals and the families who drive for hours."


@pytest.mark.parametrize(
    ("after", "at_end"),
    [
        ([], True),
        (["© 2024 Delta Beacon. All Rights Reserved."], True),
        (["Copyright (c) 2024 Delta Beacon Media Group. All rights reserved."], True),
        (["---", "© 2024 Delta Beacon. All Rights Reserved."], True),
        ([STORY.format(n=1)], False),
        ([STORY.format(n=1), STORY.format(n=2)], False),
        ([STORY.format(n=1), STORY.format(n=2), STORY.format(n=3)], False),
        # A story paragraph that opens with the word is the story's, not a copyright line.
        (["Copyright 2024 filings show the hospital lost money on every birth it handled for years, the board said in its statement."], False),
    ],
)
def test_only_what_is_not_the_story_may_follow_the_tagline(cli: Any, tmp_path: Path, after: list[str], at_end: bool) -> None:
    story = write(tmp_path, "story.md", HEAD + "\n\n".join([TAGLINE, *after]) + "\n")
    (entry,) = cli("check", "--pack", "kff-health-news", "--format", "json", str(story)).json()["files"]
    assert ("kff-health-news/tagline" in [f["rule"] for f in entry["findings"]]) is not at_end


ORIGINAL_URL = "https://kffhealthnews.org/news/article/rural-hospitals/"


@pytest.mark.parametrize(
    ("after", "at_end"),
    [
        # "Link the original": the credit line with its link after the tagline is no part of the story.
        ([f"This article was originally published by [KFF Health News]({ORIGINAL_URL})."], True),
        ([f"*This story was first published by [KFF Health News]({ORIGINAL_URL}).*"], True),
        ([f"Originally published by [khn.org]({ORIGINAL_URL})."], True),
        ([f"THIS STORY WAS REPUBLISHED FROM [KAISER HEALTH NEWS]({ORIGINAL_URL})."], True),
        # With the page's furniture around it.
        ([f"This article was originally published by [KFF Health News]({ORIGINAL_URL}).", "© 2024 Delta Beacon. All Rights Reserved."], True),
        # A story paragraph after the credit line, or before it, is still the story after the tagline.
        ([f"This article was originally published by [KFF Health News]({ORIGINAL_URL}).", STORY.format(n=1)], False),
        ([STORY.format(n=1), f"This article was originally published by [KFF Health News]({ORIGINAL_URL})."], False),
        # A story paragraph that cites KFF Health News is not its credit line.
        (["Last year KFF Health News published an analysis of rural birth centers that the state legislature cited in its debate."], False),
        # Another publisher's credit line is no credit of KFF Health News.
        (["This article was originally published by [Delta Beacon](https://deltabeacon.example/story)."], False),
    ],
)
def test_a_credit_line_of_kff_health_news_may_follow_the_tagline(cli: Any, tmp_path: Path, after: list[str], at_end: bool) -> None:
    head = HEAD.replace(f"*This story was originally published by [KFF Health News]({ORIGINAL_URL}).*\n\n", "")
    assert head != HEAD
    story = write(tmp_path, "story.md", head + "\n\n".join([TAGLINE, *after]) + "\n")
    (entry,) = cli("check", "--pack", "kff-health-news", "--format", "json", str(story)).json()["files"]
    rules = [f["rule"] for f in entry["findings"]]
    assert ("kff-health-news/tagline" in rules) is not at_end


def test_a_credit_line_after_the_tagline_in_html(cli: Any, tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Rural hospitals</title></head><body><main><article>'
        '<h1>Rural Hospitals Stop Delivering Babies</h1><p class="byline">By Tomás Ferreira, KFF Health News</p>'
        '<div class="entry-content"><p>When Kayla Brewer went into labor, the hospital near her house had stopped delivering babies.</p>'
        '<p>"I was timing contractions and watching the mile markers," said Brewer, who is 27 years old.</p>'
        "<p><em>KFF Health News is a national newsroom that produces in-depth journalism about health issues"
        " and is one of the core operating programs at KFF.</em></p>"
        f'<p>This article was originally published by <a href="{ORIGINAL_URL}">KFF Health News</a>.</p>'
        "</div></article></main></body></html>"
    )
    story = write(tmp_path, "story.html", page)
    (entry,) = cli("check", "--pack", "kff-health-news", "--format", "json", str(story)).json()["files"]
    rules = [f["rule"] for f in entry["findings"]]
    assert "kff-health-news/tagline" not in rules and "creative-commons/source-link" not in rules


def test_allow_after_goes_with_last() -> None:
    check = "position:\n  check: {text: {phrase: Tagline}}\n  first: 2\n  allow-after: {text: {phrase: Credit}}\n"
    with pytest.raises(PackError, match="'allow-after' of the 'position' check goes with 'last'"):
        load_pack(pack_around(check), "p.yaml")
