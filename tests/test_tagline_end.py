"""KFF Health News' tagline ends the story: nothing but what is not the story (a copyright line,
a share box, a pixel) may follow it; a paragraph of the story after it, even one, means the
tagline is not at the end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
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


# A paywall's or meter's notice after the story: the republisher's access box, not the story.
PAYWALL_NOTICES = [
    "You have read 3 of 5 free articles this month. Subscribe for unlimited access.",
    "You've reached your limit of free articles. Subscribe to continue reading.",
    "This article is for subscribers. Subscribe to keep reading.",
    "This story is available only to paid subscribers.",
    "Already a subscriber? Log in.",
    "You have 2 free articles remaining this month.",
    "Subscribers only: sign in to read the rest.",
]


@pytest.mark.parametrize(
    "box",
    [
        '<div class="paywall-notice"><p>{notice}</p></div>',
        '<div class="leaky-paywall-message-wrap"><div id="leaky_paywall_message"><p>{notice}</p></div></div>',
        '<section class="piano-offer"><p>{notice}</p><p><a href="/login">Already a subscriber? Sign in</a></p></section>',
    ],
)
def test_a_paywall_box_after_the_tagline_in_html(cli: Any, tmp_path: Path, box: str) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Rural hospitals</title></head><body><main><article>'
        '<h1>Rural Hospitals Stop Delivering Babies</h1><p class="byline">By Tomás Ferreira, KFF Health News</p>'
        f'<div class="entry-content"><p>This story was originally published by <a href="{ORIGINAL_URL}">KFF Health News</a>.</p>'
        "<p>When Kayla Brewer went into labor, the hospital near her house had stopped delivering babies.</p>"
        '<p>"I was timing contractions and watching the mile markers," said Brewer, who is 27 years old.</p>'
        "<p><em>KFF Health News is a national newsroom that produces in-depth journalism about health issues"
        " and is one of the core operating programs at KFF.</em></p>"
        + box.format(notice="You have read 4 of 5 free articles this month. Subscribe for unlimited access.")
        + "</div></article></main></body></html>"
    )
    story = write(tmp_path, "story.html", page)
    (entry,) = cli("check", "--pack", "kff-health-news", "--format", "json", str(story)).json()["files"]
    assert "kff-health-news/tagline" not in [f["rule"] for f in entry["findings"]]


@pytest.mark.parametrize(
    ("after", "at_end"),
    [
        *((notice, True) for notice in PAYWALL_NOTICES),
        # The story's own paragraphs about subscribers and reading are the story.
        (
            "The paper told its subscribers that it would keep reading the hospital's filings each month, and that it would publish what it found there.",
            False,
        ),
        (
            "Subscribers to the county's health plan, the board said, had read about the closure in a letter that arrived weeks after the last birth.",
            False,
        ),
    ],
)
def test_a_paywall_notice_may_follow_the_tagline_and_a_story_paragraph_may_not(cli: Any, tmp_path: Path, after: str, at_end: bool) -> None:
    story = write(tmp_path, "story.md", HEAD + "\n\n".join([TAGLINE, after]) + "\n")
    (entry,) = cli("check", "--pack", "kff-health-news", "--format", "json", str(story)).json()["files"]
    assert ("kff-health-news/tagline" in [f["rule"] for f in entry["findings"]]) is not at_end


@pytest.mark.parametrize(
    ("after", "at_end"),
    [
        # The republisher's own promo after the tagline is not the story.
        ("**Sign up for the Courier’s morning newsletter.**", True),
        ("Subscribe to The Ledger’s daily briefing to get stories like this in your inbox.", True),
        ("Support local journalism — donate to the Delta Beacon today.", True),
        ("Follow us on Facebook and Instagram.", True),
        ("Don’t miss a story: get our free app.", True),
        ("Become a member of the Courier and help keep local news free for everyone.", True),
        ("Sign up for our newsletter. Follow us on Facebook.", True),
        # The story's own paragraphs that speak of subscribing or signing up are the story, and so
        # is a call that goes on with the story.
        ("Sign up for updates: Brewer will move to Springfield to give birth.", False),
        ("Subscribe to our podcast — Vega says the baby still has to come out somewhere.", False),
        ("Sign up for our newsletter. Brewer said she would drive to Springfield.", False),
        ("Sign-ups for the county's new maternity transport program reached 300 in its first month, the health department said.", False),
        ("Supporters of the hospital, the board said, had raised $2 million to keep its labor and delivery unit open for another year.", False),
        (
            "Sign up for the program, Brewer said, was the first thing she did when she learned she was pregnant, long before she knew that the"
            " hospital near her house would stop delivering babies, and long before she had timed a single contraction.",
            False,
        ),
    ],
)
def test_the_sites_call_to_action_may_follow_the_tagline_and_a_story_paragraph_may_not(cli: Any, tmp_path: Path, after: str, at_end: bool) -> None:
    story = write(tmp_path, "story.md", HEAD + "\n\n".join([TAGLINE, after]) + "\n")
    (entry,) = cli("check", "--pack", "kff-health-news", "--format", "json", str(story)).json()["files"]
    assert ("kff-health-news/tagline" in [f["rule"] for f in entry["findings"]]) is not at_end


@pytest.mark.parametrize("notice", PAYWALL_NOTICES[:3])
def test_a_paywall_notice_is_within_the_end_for_any_pack(notice: str) -> None:
    pack = load_pack(pack_around("position:\n  check: {text: {phrase: Closing line of the story}}\n  last: 1\n"), "p.yaml")
    page = (
        "<article><h1>Title</h1><p>She found a summons in the mailbox last week and called the clerk.</p>"
        f"<p>Closing line of the story, as the publisher wrote it.</p><p>{notice}</p></article>"
    )
    result = check_document(parse_document(page.encode(), "html"), [pack], path="p.html", auto_detect=False)
    assert [p.rule for p in result.passed] == ["example/rule"]
