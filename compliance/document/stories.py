"""Stories inside the article region: a roundup page that republishes several stories in one
`<article>` (or one Markdown file), each under a heading of its own with its own byline ("Weekend
reading": a Daily Caller News Foundation brief, then a CalMatters brief).

The region is one story to every rule, so a roundup's stories are read as one: a rule of one
publisher judges another publisher's story, and a story whose publisher's pack no marker brought
in is checked by nobody. What is found here lets the report say so, story by story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compliance.document.byline_reading import has_opener, read_byline
from compliance.document.model import Block

# How many blocks may stand between a story's heading and its byline (a credit line, a kicker,
# a dateline), and the longest line read as that byline: a byline, not a paragraph.
_BEFORE_BYLINE = 2
_BYLINE_CHARACTERS = 160


@dataclass(frozen=True, slots=True)
class StoryPart:
    """One story of several in the article region: its heading and byline, the source lines it
    spans (from its heading to the line before the next story's heading, or to the article's last
    block), and its blocks' text, joined by newlines (what says whose story it is: a license
    paragraph, a credit line, a tagline)."""

    headline: str
    byline: str
    first_line: int
    last_line: int
    text: str


def stories_in_article(blocks: Sequence[Block]) -> tuple[StoryPart, ...]:
    """The stories the article region holds when it holds two or more: each a heading of the
    article (the story's headline, a roundup's `<h2>`) followed, within `_BEFORE_BYLINE` blocks and
    before the next heading, by a byline line with an opener ("By Ben Christopher, CalMatters"),
    and then by at least one block of the story's text. () when the region holds one story or
    none: a story's subheadings carry no byline, and one headline over one byline is one story.
    Two headings of the same words (a theme printing the headline twice) are one story; a teaser
    card's heading (in a list item, or all of it a link) heads no story. Pure; reads only the
    blocks after the region's headings."""
    article = [block for block in blocks if block.in_article]
    starts: list[tuple[int, str, str]] = []
    for position, block in enumerate(article):
        if any(block.text == headline for _, headline, _ in starts):
            continue
        byline_at = story_byline_at(article, position)
        if byline_at is not None:
            starts.append((position, block.text, article[byline_at].text))
    if len(starts) < 2:
        return ()
    bounds = [position for position, _, _ in starts[1:]] + [len(article)]
    return tuple(
        StoryPart(headline, byline, article[position].line, article[bound - 1].line, "\n".join(block.text for block in article[position:bound]))
        for (position, headline, byline), bound in zip(starts, bounds, strict=True)
    )


def story_byline_at(article: Sequence[Block], position: int) -> int | None:
    """The position of the byline of the story the block at `position` of the article region's
    blocks `article` starts, when it is a heading that starts a story of its own: no teaser card's
    heading, followed within `_BEFORE_BYLINE` blocks by a byline line with an opener, and then by
    a block of text ("## Farmers brace for a dry summer" over "By Ana Ruiz" over its story); None
    when it starts none."""
    block = article[position]
    if not block.heading or _is_card_heading(block):
        return None
    byline_at = _byline_after(article, position)
    return byline_at if byline_at is not None and _text_after(article, byline_at) else None


def _is_card_heading(block: Block) -> bool:
    """Whether a heading is a teaser card's rather than a story's: in a list item (a list of
    cards, "Most popular"), or all of it a link to the story elsewhere."""
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    if any(ancestor.tag == "li" for ancestor in element.iterancestors()):
        return True
    linked = "".join("".join(link.itertext()) for link in element.iter("a")).split()
    return bool(linked) and linked == "".join(element.itertext()).split()


def _byline_after(article: Sequence[Block], heading_at: int) -> int | None:
    """The position of the byline line among the few blocks after the heading at `heading_at`,
    before another heading; None when there is none."""
    for position in range(heading_at + 1, min(heading_at + 2 + _BEFORE_BYLINE, len(article))):
        block = article[position]
        if block.heading:
            return None
        # An opener is asked for: a subheading over "Jane Doe, a nurse in Fresno" is one story's
        # interview, not another story.
        if len(block.text) <= _BYLINE_CHARACTERS and has_opener(block.text) and read_byline(block.text, require_prefix=True) is not None:
            return position
    return None


def _text_after(article: Sequence[Block], byline_at: int) -> bool:
    """Whether a block of text that is no heading follows the byline at `byline_at`."""
    return byline_at + 1 < len(article) and not article[byline_at + 1].heading
