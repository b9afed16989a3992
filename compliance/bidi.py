"""Bidirectional control characters: invisible characters that change the order in which a reader
sees text, found where they disguise a publisher's name or reverse Latin text.

"By Maria Lopez, \\u202eDaily Caller News Foundation\\u202c" holds the name letter for letter, but a
reader sees "noitadnuoF sweN rellaC yliaD": the RIGHT-TO-LEFT OVERRIDE (U+202E) lays the letters
out from right to left until the POP DIRECTIONAL FORMATTING (U+202C) or the paragraph's end.

Two things are found, and both are warned about as look-alike letters are:

- *reversed text*: Latin letters under a right-to-left override. The page is then read as it is
  displayed (`displayed`), so a reversed name does not meet a rule that asks for the name;
- *controls in a name*: any bidirectional control — the embeddings, overrides and their pop
  (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks (U+200E LEFT-TO-RIGHT MARK,
  U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK) — in a block that holds a publisher's name
  (a byline, a credit line, a license paragraph): they have no business in a Latin credit, and in
  a right-to-left context a mark reorders the words around it.

The display order follows the Unicode Bidirectional Algorithm (UAX #9) for what matters here:
explicit levels (X1–X8), neutrals between two letters of one direction taking theirs and other
neutrals the embedding's (N1, N2), letters of the other direction one level up (I1, I2), and
reversal of runs from the highest level down (L2), in a left-to-right paragraph. Pure; never raises.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from compliance.document import Block, Document, Item

# The explicit formatting characters and the implicit marks, by name.
CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
}
_OPENERS = {"\u202a": (False, None), "\u202b": (True, None), "\u202d": (False, "L"), "\u202e": (True, "R")}
_ISOLATES = {"\u2066": False, "\u2067": True, "\u2068": False}
_MAX_DEPTH = 125
_CONTROL = re.compile("[" + "".join(CONTROLS) + "]")


class Control(NamedTuple):
    """One bidirectional control character in a text."""

    offset: int
    char: str

    @property
    def described(self) -> str:
        """'U+202E RIGHT-TO-LEFT OVERRIDE'."""
        return f"U+{ord(self.char):04X} {CONTROLS[self.char]}"


def controls(text: str) -> tuple[Control, ...]:
    """The bidirectional control characters of `text`, in order."""
    if text.isascii():
        return ()
    return tuple(Control(m.start(), m.group()) for m in _CONTROL.finditer(text))


def _strong(char: str) -> str:
    """'L', 'R' or 'N' (neutral, numbers included) as UAX #9 classes the character."""
    kind = unicodedata.bidirectional(char)
    if kind == "L":
        return "L"
    if kind in ("R", "AL"):
        return "R"
    return "N"


def _levels(text: str) -> tuple[list[str], list[int], list[str | None]]:
    """The characters other than the controls, each with its embedding level and the override in
    force (X1–X9, in a left-to-right paragraph)."""
    chars: list[str] = []
    levels: list[int] = []
    overrides: list[str | None] = []
    stack: list[tuple[int, str | None, bool]] = [(0, None, False)]
    for char in text:
        level, override, _ = stack[-1]
        if char in _OPENERS or char in _ISOLATES:
            rtl, forced = _OPENERS.get(char, (_ISOLATES.get(char, False), None))
            new = level + 1 if (level % 2 == 0) == rtl else level + 2
            if new <= _MAX_DEPTH:
                stack.append((new, forced, char in _ISOLATES))
            continue
        if char == "\u202c":
            if len(stack) > 1 and not stack[-1][2]:
                stack.pop()
            continue
        if char == "\u2069":
            while len(stack) > 1 and not stack[-1][2]:
                stack.pop()
            if len(stack) > 1:
                stack.pop()
            continue
        if char in CONTROLS or char in "\n\u2029":
            if char in "\n\u2029":  # a paragraph ends: every embedding closes
                del stack[1:]
                chars.append(char)
                levels.append(0)
                overrides.append(None)
            continue
        chars.append(char)
        levels.append(level)
        overrides.append(override)
    return chars, levels, overrides


def reversed_latin(text: str) -> bool:
    """True when a Latin letter of `text` is laid out right to left (under a right-to-left override)."""
    if "\u202e" not in text:
        return False
    chars, _, overrides = _levels(text)
    return any(o == "R" and c.isalpha() and c.isascii() for c, o in zip(chars, overrides, strict=True))


def displayed(text: str) -> str:
    """`text` in the order a reader sees it, without its bidirectional controls."""
    chars, levels, overrides = _levels(text)
    kinds = [o if o is not None else _strong(c) for c, o in zip(chars, overrides, strict=True)]
    # N1/N2: a run of neutrals between two letters of one direction (at one level) takes theirs;
    # otherwise the direction of its embedding.
    i = 0
    while i < len(kinds):
        if kinds[i] != "N":
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] == "N" and levels[j] == levels[i]:
            j += 1
        before = kinds[i - 1] if i > 0 and levels[i - 1] == levels[i] else ("R" if levels[i] % 2 else "L")
        after = kinds[j] if j < len(kinds) and levels[j] == levels[i] else ("R" if levels[i] % 2 else "L")
        fill = before if before == after else ("R" if levels[i] % 2 else "L")
        for k in range(i, j):
            kinds[k] = fill
        i = j
    # I1/I2: a letter against its level's direction goes one level up.
    resolved = [level + 1 if (kind == "R") != (level % 2 == 1) else level for kind, level in zip(kinds, levels, strict=True)]
    order = list(range(len(chars)))
    highest = max(resolved, default=0)
    lowest_odd = min((level for level in resolved if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if resolved[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and resolved[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return "".join(chars[k] for k in order)


def without_controls(text: str) -> str:
    """`text` with its bidirectional controls removed (the logical order kept)."""
    return _CONTROL.sub("", text)


class BidiTrick(NamedTuple):
    """A text of the page (a block, an image's alt text) whose bidirectional controls reverse
    Latin letters or sit in a publisher's name: the text as written, as a reader sees it, and
    the controls."""

    item: int  # the index of the item
    written: str
    seen: str
    controls: tuple[Control, ...]
    name: str = ""  # the publisher's name the text holds, for a text that is not reversed


def _item_text(item: Item) -> str:
    return item.text if isinstance(item, Block) else item.alt


def read_as_displayed(doc: Document) -> tuple[Document, tuple[BidiTrick, ...]]:
    """The document with every text that reverses Latin letters read as displayed (blocks, image
    alt texts, bylines), and those texts. The same document comes back when none does."""
    if doc.source.isascii() and "&#" not in doc.source:  # written or as a character reference
        return doc, ()
    found: list[BidiTrick] = []
    replaced: dict[int, Item] = {}
    for item in doc.items:
        text = _item_text(item)
        if text.isascii() or not reversed_latin(text):
            continue
        seen = displayed(text)
        found.append(BidiTrick(item.index, text, seen, controls(text)))
        replaced[item.index] = dataclasses.replace(item, text=seen) if isinstance(item, Block) else dataclasses.replace(item, alt=seen)
    if not found:
        return doc, ()

    def shown(text: str) -> str:
        return displayed(text) if reversed_latin(text) else text

    items = tuple(replaced.get(item.index, item) for item in doc.items)
    headline = replaced.get(doc.headline.index) if doc.headline is not None else None
    bylines = tuple(
        dataclasses.replace(
            byline,
            text=shown(byline.text),
            reading=dataclasses.replace(byline.reading, names=tuple(shown(n) for n in byline.reading.names), credit=shown(byline.reading.credit)),
        )
        for byline in doc.bylines
    )
    seen_doc = dataclasses.replace(
        doc,
        items=items,
        blocks=tuple(item for item in items if isinstance(item, Block)),
        images=tuple(item for item in items if not isinstance(item, Block)),
        headline=headline if isinstance(headline, Block) else doc.headline,
        bylines=bylines,
        _memo={},
    )
    return seen_doc, tuple(found)


def controls_in_names(doc: Document, names: Iterable[str], *, skip: Iterable[int] = ()) -> tuple[BidiTrick, ...]:
    """The texts of the page that hold one of the publishers' `names` (any case, any spacing)
    and a bidirectional control (items in `skip`, already reported, left out)."""
    wanted = tuple(name for name in names if name.strip())
    if (doc.source.isascii() and "&" not in doc.source) or not wanted:  # written, or as a reference (&rlm;)
        return ()
    pattern = re.compile("|".join(r"\s+".join(map(re.escape, name.split())) for name in wanted), re.IGNORECASE)
    left_out = set(skip)
    found = []
    for item in doc.items:
        text = _item_text(item)
        found_controls = controls(text) if item.index not in left_out else ()
        if not found_controls:
            continue
        match = pattern.search(without_controls(text))
        if match is not None:
            found.append(BidiTrick(item.index, text, displayed(text), found_controls, match.group()))
    return tuple(found)


__all__ = ["CONTROLS", "BidiTrick", "Control", "controls", "controls_in_names", "displayed", "read_as_displayed", "reversed_latin", "without_controls"]
