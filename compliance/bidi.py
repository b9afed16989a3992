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
  a right-to-left context a mark reorders the words around it. Detection and rules read the
  page without them: "Pro\u200ePublica" is the name a reader sees, and the pack applies (then
  warns of the mark).

The display order is the Unicode Bidirectional Algorithm's (UAX #9), in a left-to-right paragraph,
by `python-bidi` (imported only for a text that holds a control); which letters an override lays
out right to left is read from the explicit levels (X1–X9). Pure; never raises.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from compliance.document import Block, Document, Item
from compliance.firstuse import on_first_use

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
# Compiled on first use, and used only on a text that holds a control (few do): a class of
# characters beyond Latin-1 costs the standard compiler a bitmap of the whole plane.
_CONTROL = on_first_use("[" + "".join(CONTROLS) + "]")


def _has_control(text: str) -> bool:
    """Whether `text` holds a bidirectional control (one search for each, in C)."""
    return not text.isascii() and any(char in text for char in CONTROLS)


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
    if not _has_control(text):
        return ()
    return tuple(Control(m.start(), m.group()) for m in _CONTROL().finditer(text))


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
    """`text` in the order a reader sees it (UAX #9 in a left-to-right paragraph), without its
    bidirectional controls."""
    from bidi import get_display  # only texts that hold a control are reordered

    try:
        shown = get_display(text, base_dir="L")
    except UnicodeEncodeError:  # a lone surrogate (a byte of a text file that was not UTF-8)
        shown = get_display(text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"), base_dir="L")
    return without_controls(str(shown))


def without_controls(text: str) -> str:
    """`text` with its bidirectional controls removed (the logical order kept)."""
    return _CONTROL().sub("", text) if _has_control(text) else text


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


def _texts_hold_control(doc: Document) -> bool:
    """Whether a text of the page (a block, an image's alt text) holds a bidirectional control:
    one search of them all joined, worked out once per document for both readings below, rather
    than a search of each text outside ASCII (most of a page's, with a typographic quote or dash)."""
    held: bool | None = doc._memo.get("texts_hold_bidi_control")
    if held is None:
        held = doc._memo["texts_hold_bidi_control"] = _has_control("\n".join([_item_text(item) for item in doc.items]))
    return held


def _seen(text: str) -> str:
    """`text` as a reader sees it: in display order when it reverses Latin letters, else in its
    own order; without its bidirectional controls either way."""
    return displayed(text) if reversed_latin(text) else without_controls(text)


def read_as_displayed(doc: Document) -> tuple[Document, tuple[BidiTrick, ...]]:
    """The document with every text that holds a bidirectional control read as a reader sees it
    (blocks, image alt texts, bylines): in display order when it reverses Latin letters, and
    without its controls ("Pro\u200ePublica" reads "ProPublica", as the prefilter's folding reads
    it), and the texts that reverse Latin letters. The same document comes back when no text
    holds a control."""
    return _read(doc, _seen)


def read_as_written(doc: Document) -> Document:
    """The document with every text that holds a bidirectional control read in the order it is
    written (its logical order, as a search engine indexes it), without its controls: "By
    A\u202ena Lopez, Daily Caller News Foundation" reads "By Ana Lopez, Daily Caller News
    Foundation", which a reader sees reversed. Detection identifies the story from it when what a
    reader sees makes up no pack (`detect.detect_packs`). The same document comes back when no
    text holds a control."""
    return _read(doc, without_controls)[0]


def _read(doc: Document, reading: Callable[[str], str]) -> tuple[Document, tuple[BidiTrick, ...]]:
    """The document with every text that holds a bidirectional control read by `reading` (the
    text in the order a reader sees it, or as written, without its controls either way), and the
    texts that reverse Latin letters."""
    if (doc.source.isascii() and "&" not in doc.source) or not _texts_hold_control(doc):  # written, or as a reference (&#x202E;, &lrm;)
        return doc, ()
    found: list[BidiTrick] = []
    replaced: dict[int, Item] = {}
    for item in doc.items:
        text = _item_text(item)
        if text.isascii() or not _has_control(text):
            continue
        seen = reading(text)
        if reversed_latin(text):
            found.append(BidiTrick(item.index, text, displayed(text), controls(text)))
        replaced[item.index] = dataclasses.replace(item, text=seen) if isinstance(item, Block) else dataclasses.replace(item, alt=seen)
    if not replaced:
        return doc, ()

    def shown(text: str) -> str:
        return reading(text) if _has_control(text) else text

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
    if (doc.source.isascii() and "&" not in doc.source) or not wanted or not _texts_hold_control(doc):  # written, or as a reference (&rlm;)
        return ()
    left_out = set(skip)
    found = []
    # Compiled at the first text with a control: most pages with letters outside ASCII have none.
    pattern: re.Pattern[str] | None = None
    for item in doc.items:
        text = _item_text(item)
        found_controls = controls(text) if item.index not in left_out else ()
        if not found_controls:
            continue
        if pattern is None:
            pattern = re.compile("|".join(r"\s+".join(map(re.escape, name.split())) for name in wanted), re.IGNORECASE)
        match = pattern.search(without_controls(text))
        if match is not None:
            found.append(BidiTrick(item.index, text, displayed(text), found_controls, match.group()))
    return tuple(found)


__all__ = [
    "CONTROLS",
    "BidiTrick",
    "Control",
    "controls",
    "controls_in_names",
    "displayed",
    "read_as_displayed",
    "read_as_written",
    "reversed_latin",
    "without_controls",
]
