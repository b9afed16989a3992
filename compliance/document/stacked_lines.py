"""How high a box of text can be at most: an upper bound on the height of a box that holds only
text (in plain inline elements), whatever width it is laid out in.

A line breaks only at a break opportunity (CSS Text 3, 5): between words, after each CJK character,
after each character under `word-break: break-all` or `overflow-wrap: anywhere`, at a `<br>`. However
narrow its box, text has at most one line per opportunity and one more, each as high as its line
height (`line-height: normal` read as `NORMAL_LINE_EMS`, more than fonts give), with the box's
paddings and borders around them; a `height` or `min-height` makes it taller. A box placed this
high or more above the page's top edge is off it (`visibility`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import tinycss2

from compliance.document.css import UNREAD_SIDE, Declaration, length_px, number, side_value
from compliance.document.css_grammar import font_size_and_line_height

# `line-height: normal` in ems of the font size: fonts give 1.1 to 1.3 (DejaVu Sans 1.16, Noto
# Sans CJK 1.45), so half an em more than most is a bound for all but a rare display face.
NORMAL_LINE_EMS = 1.5
# What reads the lines' height and how they break, read whole on demand.
SIZING = (
    "line-height",
    "font",
    "height",
    "min-height",
    "padding",
    "padding-top",
    "padding-bottom",
    "border",
    "border-width",
    "border-top",
    "border-bottom",
    "border-top-width",
    "border-bottom-width",
    "word-break",
    "overflow-wrap",
    "word-wrap",
    "writing-mode",
    "display",
)
# Characters after each of which a line may break: CJK ideographs, kana, hangul and their punctuation.
_BREAKS_AFTER_EACH = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# The values that let a line break inside a word: `break-word` too, which does so in a box too
# narrow for the word (one of a declared `width` may be).
_BREAKS_ANYWHERE = frozenset({"break-all", "anywhere", "break-word"})
# The properties read here that inherit (CSS Text 3, CSS Inline 3): an ancestor's is in force
# where the box sets none.
INHERITED = ("line-height", "word-break", "overflow-wrap", "word-wrap")


# The line height a `font` shorthand without one sets: its initial value (CSS Fonts 4, 2.8).
_NORMAL = tinycss2.parse_one_component_value("normal")


def reading_the_font(declared: Mapping[str, Declaration]) -> dict[str, Declaration] | None:
    """One element's cascade winners (`declared`) with its `font` shorthand read as the
    `font-size` and `line-height` it sets (CSS Fonts 4, 2.8: its `/` line height, else `normal`),
    each where no longhand declared with it wins over it (`PageStyle.declarations` keeps a
    longhand only where it does); `declared` as it is without a `font`. None for a `font` not
    read (a system font, a `var()`: `css_grammar.font_size_and_line_height`)."""
    font = declared.get("font")
    if font is None:
        return dict(declared)
    parts = font_size_and_line_height(font.values)
    if parts is None:
        return None
    size, line = parts
    read = {"font-size": Declaration("font-size", (size,), font.important), "line-height": Declaration("line-height", (line or _NORMAL,), font.important)}
    return read | {name: declaration for name, declaration in declared.items() if name != "font"}


def lines_at_most(text: str, breaks: int, declared: Mapping[str, Declaration]) -> int:
    """The most lines `text` can take in any width: one per break opportunity, and one more;
    `breaks`: the forced breaks (`<br>`) in it."""
    if any(name in declared and declared[name].keyword in _BREAKS_ANYWHERE for name in ("word-break", "overflow-wrap", "word-wrap")):
        return len("".join(text.split())) + breaks + 1
    return len(text.split()) + len(_BREAKS_AFTER_EACH.findall(text)) + breaks + 1


# The narrowest screen the checker lays a box out in, in CSS px: WCAG 2.1's reflow width (1.4.10),
# the width pages are made to work at (a phone of 320px across): a box laid out in the screen's
# width is at least this wide unless its own CSS narrows it.
NARROWEST_SCREEN_PX = 320.0
# The most a character is wide, in ems of its font size, in the widest text faces (Verdana,
# Tahoma; a CJK character is one em): capitals, `m`, `w` and any letter outside ASCII one em;
# another small letter 0.65em (Verdana's `n` is 0.63); a digit 0.7em; the rest (a space,
# punctuation) 0.5em.
_WIDEST_EMS = 1.0
_SMALL_LETTER_EMS = 0.65
_DIGIT_EMS = 0.7
_OTHER_EMS = 0.5


def _width_at_most_ems(text: str) -> float:
    """The most `text` is wide, in ems (see `_WIDEST_EMS`)."""
    ems = 0.0
    for character in text:
        if character in "mw" or not character.isascii() or character.isupper():
            ems += _WIDEST_EMS
        elif character.islower():
            ems += _SMALL_LETTER_EMS
        elif character.isdigit():
            ems += _DIGIT_EMS
        else:
            ems += _OTHER_EMS
    return ems


# What lays a box's text out in a width not worked out here: its own sizes, an indent, columns,
# containment, logical paddings, borders and margins (read on demand on the box).
NARROWING = (
    "width",
    "max-width",
    "min-width",
    "padding-inline",
    "padding-inline-start",
    "padding-inline-end",
    "border-inline",
    "border-inline-start",
    "border-inline-end",
    "margin-inline",
    "margin-inline-start",
    "margin-inline-end",
    "inset-inline",
    "inset-inline-start",
    "inset-inline-end",
    "text-indent",
    "columns",
    "column-count",
    "column-width",
    "contain",
)
# What takes from the screen's width the box's text is laid out in, on the left and right: its
# paddings, borders, margins and offsets (read on demand on the box; see `horizontal_edges_px`).
EDGES = (
    "padding",
    "padding-left",
    "padding-right",
    "border",
    "border-width",
    "border-left",
    "border-right",
    "border-left-width",
    "border-right-width",
    "margin",
    "margin-left",
    "margin-right",
    "left",
    "right",
    "inset",
)
# What makes its text wider or breaks it otherwise than between words, on it or inherited from an
# ancestor (read on demand down the tree).
WIDENING = ("letter-spacing", "word-spacing", "font-stretch", "zoom", "white-space", "white-space-collapse", "text-wrap", "writing-mode")


def horizontal_edges_px(declared: Mapping[str, Declaration]) -> float | None:
    """The most (px) a box's left and right paddings, borders, margins and offsets (`EDGES`, the
    cascade's winners) take from the width it is laid out in: each side's longhand, else its value
    in the shorthand (CSS's one to four values: top, right, bottom, left), a negative margin or
    offset and an `auto` one as none (they do not narrow it); None when one is not in px or not
    worked out."""
    total = 0.0
    for side in ("left", "right"):
        for longhand, shorthand in ((f"padding-{side}", "padding"), (f"margin-{side}", "margin"), (side, "inset")):
            token = side_value(declared, side, longhand, shorthand)
            size = None if token is UNREAD_SIDE else _length_or_none(token)
            if size is None:
                return None
            total += size
        border = _border_px(declared, side)
        if border is None:
            return None
        total += border
    return total


def _length_or_none(token: Any) -> float | None:
    """How much (px) one side's value narrows the box: 0 for none, `auto` or a negative length;
    None for a value not in px (a percentage, a function) or not read."""
    if token is None or (getattr(token, "type", "") == "ident" and token.lower_value == "auto"):
        return 0.0
    size = length_px(token) if getattr(token, "type", "") in ("dimension", "number") else None
    return None if size is None else max(size, 0.0)


def _border_px(declared: Mapping[str, Declaration], side: str) -> float | None:
    """The most (px) a left or right border may be, by its longhand and shorthands: a shorthand's
    length where it gives one (its colour or style beside it, `var()` included, says nothing of
    the width), a keyword's thickest (`thick`) where it gives none; None for a width not worked out."""
    found = 0.0
    for name in (f"border-{side}-width", f"border-{side}", "border-width", "border"):
        declaration = declared.get(name)
        if declaration is None:
            continue
        tokens = [token for token in declaration.values if token.type not in ("whitespace", "comment", "hash")]
        lengths = [length_px(token) for token in tokens if token.type in ("dimension", "number")]
        if any(size is None for size in lengths):
            return None
        if lengths:
            found = max([found, *(size for size in lengths if size is not None)])
        elif any(token.type == "function" for token in tokens):
            return None
        elif tokens:
            found = max(found, _THICKEST_KEYWORD_PX)
    return found


def lines_in_width_at_most(text: str, breaks: int, width_px: float, font_px: float) -> int | None:
    """The most lines `text` can take laid out in a box `width_px` wide at `font_px`, breaking
    only between words (`lines_at_most` bounds the rest): each line but the last holds at least the
    box's width less its widest word and a space (a wider word would have fitted), each character
    at most as wide as `_width_at_most_ems` says. None when its widest word may not fit the width
    (the line count is then `lines_at_most`'s)."""
    words = text.split()
    if not words:
        return breaks + 1
    widest = max(_width_at_most_ems(word) for word in words) * font_px
    filled = width_px - widest - _OTHER_EMS * font_px
    if filled <= 0:
        return None
    total = (sum(_width_at_most_ems(word) for word in words) + _OTHER_EMS * (len(words) - 1)) * font_px
    return int(total // filled) + 1 + breaks


def height_at_most(lines: int, font_px: float, declared: Mapping[str, Declaration]) -> float | None:
    """An upper bound (px) on the height of a box of `lines` lines at `font_px`, with its own
    `declared` (the cascade's winners of `SIZING`); None when one of them is not worked out (a
    percentage, a vertical writing mode, a `height` not in pixels)."""
    writing = declared.get("writing-mode")
    if writing is not None and writing.keyword not in ("horizontal-tb", "initial", "unset", "inherit"):
        return None
    if "font" in declared:
        return None  # its line height is not read here
    line = _line_px(declared.get("line-height"), font_px)
    edges = [_edge_px(declared, name) for name in ("padding-top", "padding-bottom", "border-top-width", "border-bottom-width")]
    if line is None or any(edge is None for edge in edges):
        return None
    height = lines * line + sum(edge for edge in edges if edge is not None)
    for name in ("height", "min-height"):
        if name in declared:
            size = length_px(declared[name].values[0]) if len(declared[name].values) == 1 else None
            if size is None and declared[name].keyword not in ("auto", "initial", "unset"):
                return None
            height = max(height, size or 0.0)
    return height


def _line_px(declaration: Declaration | None, font_px: float) -> float | None:
    """The height (px) of one line by a `line-height`: a number or a percentage of the font size,
    a length, or `normal` (`NORMAL_LINE_EMS`); None for a value not worked out."""
    if declaration is None or declaration.keyword in ("normal", "initial", "unset", "inherit"):
        return NORMAL_LINE_EMS * font_px if declaration is None or declaration.keyword != "inherit" else None
    if len(declaration.values) != 1:
        return None
    token = declaration.values[0]
    if token.type == "number":
        factor = number(token)
        return None if factor is None else max(factor, 0.0) * font_px
    if token.type == "percentage":
        return float(token.value) / 100 * font_px
    return length_px(token)


def _edge_px(declared: Mapping[str, Declaration], name: str) -> float | None:
    """The most (px) a top or bottom padding or border width may be, by its longhand and shorthands;
    0 when none is set, None when one is not worked out (a border is counted whatever its style)."""
    side = "top" if "top" in name else "bottom"
    kind = "padding" if name.startswith("padding") else "border"
    found = 0.0
    names = (name, "padding") if kind == "padding" else (name, f"border-{side}", "border-width", "border")
    for source in names:
        declaration = declared.get(source)
        if declaration is None:
            continue
        sizes = [_edge_token_px(token, kind) for token in declaration.values if token.type != "hash"]
        if any(size is None for size in sizes):
            return None
        found = max([found, *(size for size in sizes if size is not None)])
    return found


# The widest border a keyword gives (`thick`), counted for any word of a border shorthand.
_THICKEST_KEYWORD_PX = 5.0


def _edge_token_px(token: Any, kind: str) -> float | None:
    """The most (px) one token of a padding or border declaration may give a side."""
    if token.type in ("dimension", "number"):
        return length_px(token)
    if token.type == "ident" and kind == "border":
        return _THICKEST_KEYWORD_PX  # a style, a colour name or a width keyword
    return None
