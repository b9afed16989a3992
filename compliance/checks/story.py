"""What the check kinds that compare a republication with its original story share: the story's
paragraphs, a comparison key for people's names, and a comparison key for link targets. Names are
compared as a reader reads them, through the look-alike letters of `compliance.lookalike`."""

from __future__ import annotations

import urllib.parse

from compliance.document import Block, Document
from compliance.lookalike import plain_letters
from compliance.urls import url_host


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


def same_person(credited: str, expected: str) -> bool:
    """Whether a republication's credited name names the original's reporter: the same
    `name_key`, or the same surname (the last word) with the expected given names abbreviated to
    their initials ("J. Smith" or "J.R. Smith" for "Jake Robert Smith", "R. Eskow" for "Richard
    Eskow"). Only the republication abbreviates: it may not add initials ("R.X. Eskow"), expand
    the original's initials into a name ("John Smith" for "J. Smith"), or change a given name."""
    if name_key(credited) == name_key(expected):
        return True
    credited_parts, expected_parts = _given_and_surname(credited), _given_and_surname(expected)
    if credited_parts is None or expected_parts is None or credited_parts[1] != expected_parts[1]:
        return False
    initials, names = credited_parts[0], expected_parts[0]
    if not initials or not all(initial for _, initial in initials) or not names or any(initial for _, initial in names):
        return False
    letters = "".join(word for word, _ in initials)
    spelt = "".join(word[0] for word, _ in names)
    # Every given name's initial, or the first given name's alone.
    return letters in (spelt, spelt[0])


def _given_and_surname(name: str) -> tuple[list[tuple[str, bool]], str] | None:
    """A name's given names, plain-lettered, each with whether it is an initial ("R.", "J", and
    "R.J." or "RJ" split into one per letter), and its surname (the last word); None for a
    single word."""
    written = name.replace(".", ". ").split()
    words = [(bare, "".join(c for c in plain_letters(bare) if c.isalnum())) for bare in (w.rstrip(".") for w in written)]
    words = [(bare, letters) for bare, letters in words if letters]
    if len(words) < 2:
        return None
    given: list[tuple[str, bool]] = []
    for bare, letters in words[:-1]:
        if len(letters) == 1 or (len(bare) <= 3 and bare.isupper() and bare.isalpha()):
            given.extend((letter, True) for letter in letters)
        else:
            given.append((letters, False))
    return given, words[-1][1]


def url_key(href: str) -> str:
    """A link target as a comparison key: scheme, "www.", fragment, trailing slash and tracking
    parameters (utm_*) do not make two links different."""
    try:
        parts = urllib.parse.urlsplit(href.strip())
    except ValueError:
        # A URL no parser reads (`http://[::1/x`) goes nowhere: it is only equal to itself, as written.
        return href.strip()
    host = (url_host(href) or parts.netloc.lower()).removeprefix("www.")
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    path = parts.path.rstrip("/") or ""
    return f"{host}{path}" + (f"?{query}" if query else "")
