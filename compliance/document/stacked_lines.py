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

from compliance.document.css import Declaration, length_px, number

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


def lines_at_most(text: str, breaks: int, declared: Mapping[str, Declaration]) -> int:
    """The most lines `text` can take in any width: one per break opportunity, and one more;
    `breaks`: the forced breaks (`<br>`) in it."""
    if any(name in declared and declared[name].keyword in _BREAKS_ANYWHERE for name in ("word-break", "overflow-wrap", "word-wrap")):
        return len("".join(text.split())) + breaks + 1
    return len(text.split()) + len(_BREAKS_AFTER_EACH.findall(text)) + breaks + 1


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
