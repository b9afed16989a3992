"""A deck (standfirst) under a plain-text or Markdown article's headline, two to five capitalised
words ("Lawmakers Weigh New Rules", "State Budget Fight Continues"), is no bare-name byline: its
words are the story's own, words the headline or the story writes in lower case, as no one's name
is. A name line ("Maria Chen") over the story still credits its person."""

from __future__ import annotations

import pytest

from compliance.api import check_markdown, check_text
from compliance.document import parse_document

HEADLINE = "Regulators approve the biggest electricity rate increase in a decade"
STORY = [
    "State lawmakers will weigh new rules on Tuesday after regulators approved a plan to raise rates by 6% over two years.",
    "The state budget fight continues in the capitol, where a new deal on energy aid has stalled for weeks.",
    "Consumer groups said they would share their objections with the commission before the rules take effect.",
]
DECKS = [
    "Lawmakers Weigh New Rules",
    "State Budget Fight Continues",
    "New Rules Take Effect",
    "Budget Fight Continues",
    "Energy Aid Stalled",
    "Lawmakers Weigh Rules on Rates",
]
# Names whose words are no common word of this story; and names of common words, one of which the
# story uses ("will", "share"), but not every one.
NAMES = ["Maria Chen", "Runa Sandvik", "Sarah Jane Tribble", "Sunny Ray", "Rose Bush", "Hope Young", "Will Smith", "Tomás Ibarra Díaz"]
CREDIT = "This article is republished from The Conversation under a Creative Commons license. Read the original article."


def _text(line: str) -> str:
    return "\n\n".join([HEADLINE, line, *STORY, CREDIT])


def _markdown(line: str) -> str:
    return "\n\n".join([f"# {HEADLINE}", line, *STORY, CREDIT])


@pytest.mark.parametrize("deck", DECKS)
@pytest.mark.parametrize(("fmt", "source"), [("text", _text), ("markdown", _markdown)])
def test_a_deck_under_the_headline_is_no_bare_name_byline(fmt: str, source: object, deck: str) -> None:
    assert callable(source)
    assert parse_document(source(deck), fmt).bylines == ()


@pytest.mark.parametrize("deck", DECKS[:2])
def test_the_byline_rule_fails_a_story_whose_only_line_under_the_headline_is_a_deck(deck: str) -> None:
    for report in (check_text(_text(deck), packs=["the-conversation"]), check_markdown(_markdown(deck), packs=["the-conversation"])):
        assert "creative-commons/author" in {f.rule for f in report.findings}
        assert "creative-commons/author" not in {p.rule for p in report.passed}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("fmt", "source"), [("text", _text), ("markdown", _markdown)])
def test_a_name_line_under_the_headline_still_credits_its_person(fmt: str, source: object, name: str) -> None:
    assert callable(source)
    assert [b.names for b in parse_document(source(name), fmt).bylines] == [(name,)]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # A deck over a "By" line: the "By" line is the byline.
        ("Lawmakers Weigh New Rules\n\nBy Maria Chen", ("Maria Chen",)),
        # A deck's words over an institution line are no name, and a name over one is.
        ("Maria Chen\nAssistant Professor of Biology, University of Michigan", ("Maria Chen",)),
    ],
)
def test_other_byline_lines_under_a_deck_read_as_before(line: str, names: tuple[str, ...]) -> None:
    assert [b.names for b in parse_document(_text(line), "text").bylines] == [names]
