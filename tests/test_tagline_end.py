"""KFF Health News' tagline ends the story: nothing but what is not the story (a copyright line,
a share box, a pixel) may follow it; a paragraph of the story after it, even one, means the
tagline is not at the end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

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
