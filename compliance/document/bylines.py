"""Finding a document's bylines: byline markup met during the HTML walk (`rel=author`,
`itemprop=author`, byline classes) and "By …" lines at the top of the article, each read by
`byline_reading.read_byline`. Bylines on related-story cards or in sidebars are not this article's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from compliance.document.byline_reading import read_byline
from compliance.document.elements import class_tokens
from compliance.document.model import Block, Byline
from compliance.text import normalize_inline

_BYLINE_CLASSES = frozenset(
    [
        "byline",
        "author",
        "by-author",
        "byline-author",
        "entry-author",
        "article-byline",
        "author-name",
        "post-author",
        "posted-by",
        "article-author",
        "c-byline",
        "byline__author",
        "story-byline",
        "meta-author",
        "contributor",
        "author-byline",
    ]
)
_MAX_BYLINE_SCAN = 15


@functools.lru_cache(maxsize=4096)
def _byline_by_class(value: str) -> bool:
    tokens = class_tokens(value)
    return bool(tokens & _BYLINE_CLASSES) or any("byline" in c for c in tokens)


def is_byline_markup(element: Any) -> bool:
    """True when the element marks a byline: `rel=author`, `itemprop=author` or a byline class."""
    rel = element.get("rel")
    if rel and "author" in rel.lower().split():
        return True
    itemprop = element.get("itemprop")
    if itemprop and "author" in itemprop.lower().split():
        return True
    value = element.get("class")
    return _byline_by_class(value) if value else False


@dataclass(slots=True)
class BylineMark:
    """Byline markup met during the walk, and the visible text captured inside it."""

    element: Any
    index: int
    in_article: bool
    chrome: bool
    capture: list[str] = field(default_factory=list)


def find_bylines(marks: list[BylineMark], blocks: tuple[Block, ...]) -> tuple[Byline, ...]:
    """The article's bylines in document order: from byline markup first, then from "By …" lines
    among the first article blocks that no markup byline already covers."""
    seen_blocks: set[int] = set()
    found = _markup_bylines(marks, blocks, seen_blocks)
    found.extend(_text_bylines(blocks, seen_blocks))
    found.sort(key=lambda b: b.index)
    return tuple(found)


def _markup_bylines(marks: list[BylineMark], blocks: tuple[Block, ...], seen_blocks: set[int]) -> list[Byline]:
    found: list[Byline] = []
    for mark in marks:
        element, index = mark.element, mark.index
        if mark.chrome or (not mark.in_article and not _near_article(index, blocks)):
            continue  # a byline on a "related stories" card or in a sidebar is not this article's
        text = normalize_inline("".join(mark.capture))
        reading = read_byline(text)
        if reading is None:
            continue
        block_index = _block_at(index, blocks, element)
        if block_index is not None:
            seen_blocks.add(block_index)
        found.append(Byline(text, reading, block_index if block_index is not None else index, element.sourceline or 1, "markup", element))
    return found


def _text_bylines(blocks: tuple[Block, ...], seen_blocks: set[int]) -> list[Byline]:
    found: list[Byline] = []
    article_blocks = [b for b in blocks if b.in_article]
    for block in article_blocks[:_MAX_BYLINE_SCAN]:
        if block.index in seen_blocks or block.heading:
            continue
        for line in block.text.split("\n"):
            reading = read_byline(line, require_prefix=True)
            if reading is not None:
                found.append(Byline(normalize_inline(line), reading, block.index, block.line, "text", block.element))
                break
    return found


def _near_article(index: int, blocks: tuple[Block, ...]) -> bool:
    """Bylines in a header just outside the article region still count when the article follows."""
    following = [b for b in blocks if b.index >= index][:3]
    return any(b.in_article for b in following)


def _block_at(index: int, blocks: tuple[Block, ...], element: Any) -> int | None:
    for block in blocks:
        if block.index < index:
            continue
        node = block.element
        while node is not None:
            if node is element:
                return block.index
            node = node.getparent()
        ancestor = element
        while ancestor is not None:
            if ancestor is block.element:
                return block.index
            ancestor = ancestor.getparent()
        return block.index if block.index == index else None
    return None
