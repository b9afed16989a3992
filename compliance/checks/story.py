"""What the check kinds that compare a republication with its original story share: the story's
paragraphs, a comparison key for people's names, and a comparison key for link targets."""

from __future__ import annotations

import unicodedata
import urllib.parse
from functools import lru_cache

from compliance.document import Block, Document


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


@lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """The Latin letter a look-alike character stands for (Cyrillic а → a), from Unicode's
    confusables table; the character itself when it has none."""
    if char.isascii() or not char.isalpha():
        return char
    from confusable_homoglyphs import confusables  # type: ignore[import-untyped]

    found = confusables.is_confusable(char, preferred_aliases=["latin"], greedy=True) or []
    for entry in found:
        for glyph in entry.get("homoglyphs", ()):
            candidate = str(glyph.get("c", ""))
            if len(candidate) == 1 and candidate.isascii() and candidate.isalpha():
                return candidate
    return char


def plain_letters(text: str) -> str:
    """Text compared as a reader reads it: case folded, diacritics dropped, look-alike letters
    from other scripts read as the Latin letters they imitate."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(_latin(c) for c in folded if not unicodedata.combining(c)).casefold()


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
