"""The Conversation's credit and the Creative Commons license, as republishers write them.

"You have to credit The Conversation": a credit line of its own that names it as the story's
source, in any words ("Courtesy of The Conversation."), credits it; the republish HTML's license
sentence is creative-commons/license's to ask for. A credit line in Spanish is named for what it
is. The license's name counts in any letter case (a credit set in capitals); its short form
"CC BY" only as the license writes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

STORY_URL = "https://theconversation.com/why-honeybees-dance-for-their-sisters-228114"
PAGE = """<html><head><meta charset="utf-8"><title>Why honeybees dance</title></head><body><article>
<h1>Why honeybees dance for their sisters</h1>
<p class="byline">Jane Doe, University of Vermont</p>
<p>Honeybees dance to tell their sisters where the flowers are, as researchers have long known.</p>
<p>A forager's waggle run points the way and its length says how far the patch lies from the hive.</p>
{credit}
<img src="https://counter.theconversation.com/content/228114/count.gif?distributor=republish-lightbox-basic" alt="The Conversation" width="1" height="1">
</article></body></html>"""
HOME = '<a href="https://theconversation.com">The Conversation</a>'


def _rules(cli: Any, tmp_path: Path, credit: str) -> dict[str, str]:
    page = write(tmp_path, "story.html", PAGE.format(credit=credit))
    (entry,) = cli("check", "--format", "json", "--pack", "the-conversation", str(page)).json()["files"]
    return {f["rule"]: f"{f['message']} {f['detail'] or ''}" for f in entry["findings"]}


@pytest.mark.parametrize(
    "credit",
    [
        f"<p>Courtesy of {HOME}.</p>",
        f"<p><em>Courtesy of {HOME}</em></p>",
        f"<p>Source: {HOME}</p>",
        f"<p>This story was provided by {HOME}, an independent source of news from academic experts.</p>",
        f"<p>COURTESY OF {HOME.replace('The Conversation<', 'THE CONVERSATION<')}.</p>",
    ],
)
def test_a_credit_line_in_other_words_credits_the_conversation(cli: Any, tmp_path: Path, credit: str) -> None:
    rules = _rules(cli, tmp_path, credit)
    assert "the-conversation/credit" not in rules
    # What the republish HTML's credit has and this one lacks is the license: said as such.
    assert rules["creative-commons/license"].startswith("The Creative Commons license is not named.")


@pytest.mark.parametrize(
    "credit",
    [
        # A mention in the story's prose is no credit line.
        f"<p>Researchers told {HOME} that the dances vary from hive to hive, and that some colonies never dance at all.</p>",
        # A photo's caption credits the photo.
        f'<figure><img src="/bee.jpg" alt="A bee" width="600" height="400"><figcaption>Courtesy of {HOME}</figcaption></figure>',
    ],
)
def test_a_mention_or_a_photo_credit_is_no_credit_line(cli: Any, tmp_path: Path, credit: str) -> None:
    assert "the-conversation/credit" in _rules(cli, tmp_path, credit + '<p><a href="https://creativecommons.org/licenses/by-nd/4.0/">CC</a></p>')


def test_a_credit_line_in_spanish_is_named_for_what_it_is(cli: Any, tmp_path: Path) -> None:
    credit = f'<p>Este artículo fue publicado originalmente en <a href="{STORY_URL}">The Conversation</a>. Lea el original.</p>'
    message = _rules(cli, tmp_path, credit)["the-conversation/credit"]
    assert "is a credit line in Spanish, which does not replace it" in message
    assert "No Derivatives" in message
    # Not said of a page without one.
    assert "Spanish" not in _rules(cli, tmp_path, "<p>Thanks for reading.</p>")["the-conversation/credit"]


@pytest.mark.parametrize(
    ("credit", "named"),
    [
        (f"<p>THIS ARTICLE IS REPUBLISHED FROM {HOME} UNDER A CREATIVE COMMONS LICENSE.</p>", True),
        (f"<p>This article is republished from {HOME} under a creative commons license.</p>", True),
        (f"<p>This article is republished from {HOME} under a Creative Commons license.</p>", True),
        (f"<p>This article is republished from {HOME} (CC BY-ND 4.0).</p>", True),
        (f"<p>This article is republished from {HOME}. See CREATIVECOMMONS.ORG/LICENSES/BY-ND/4.0 for the terms.</p>", True),
        # "cc" in lower case is prose, not the license's short form.
        (f"<p>This article is republished from {HOME}; send questions cc by email to the desk.</p>", False),
        (f"<p>This article is republished from {HOME}.</p>", False),
    ],
)
def test_the_license_is_named_in_any_letter_case(cli: Any, tmp_path: Path, credit: str, named: bool) -> None:
    assert ("creative-commons/license" not in _rules(cli, tmp_path, credit)) is named
