"""What the check kinds that compare a republication with its original story share: the story's
paragraphs, a comparison key for people's names, and a comparison key for link targets. Names are
compared as a reader reads them, through the look-alike letters of `compliance.lookalike`."""

from __future__ import annotations

import urllib.parse

from compliance.document import Block, Document
from compliance.lookalike import plain_letters


def story_paragraphs(doc: Document) -> tuple[Block, ...]:
    """The story's own paragraphs: the article region's visible blocks that are not headings,
    the headline or a byline, in document order."""
    cached: tuple[Block, ...] | None = doc._memo.get("story_paragraphs")
    if cached is None:
        bylines = {b.index for b in doc.bylines}
        headline = doc.headline.index if doc.headline is not None else -1
        cached = tuple(b for b in doc.article_blocks if not b.heading and b.index != headline and b.index not in bylines and b.text.strip())
        doc._memo["story_paragraphs"] = cached
    return cached


def name_key(name: str) -> tuple[str, ...]:
    """A person's name as a comparison key: its words, plain-lettered and sorted, so "José Díaz",
    "jose diaz" and "Díaz, José" are one key."""
    words = "".join(c if c.isalnum() else " " for c in plain_letters(name)).split()
    return tuple(sorted(words))


def url_key(href: str) -> str:
    """A link target as a comparison key: scheme, "www.", fragment, trailing slash and tracking
    parameters (utm_*) do not make two links different."""
    parts = urllib.parse.urlsplit(href.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    path = parts.path.rstrip("/") or ""
    return f"{host}{path}" + (f"?{query}" if query else "")
