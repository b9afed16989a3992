"""An image's content box, where its picture is drawn (CSS Box Model 3, 2; CSS Images 3, 5.1).

Under `box-sizing: border-box` an image's `width` and `height` include its paddings and borders:
paddings and borders as wide as the width leave a content box of no width (the box grows to hold
them, and the picture is drawn in what is left), and Chromium then draws no picture at all,
whatever the box's background and borders paint. What is read here is a lower bound: a side is
counted only at the least any of its declarations gives it, and a size not in pixels (a
percentage) leaves the image judged seen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compliance.document.css import Declaration, length_px

_SIDES = ("top", "right", "bottom", "left")
# Each axis: its size, its minimum size, and its two sides.
_AXES = (("width", "min-width", ("left", "right")), ("height", "min-height", ("top", "bottom")))
# The position of each side's value in a four-side shorthand, by how many values it has.
_SHORTHAND_INDEX = {"top": (0, 0, 0, 0), "right": (0, 1, 1, 1), "bottom": (0, 0, 2, 2), "left": (0, 1, 1, 3)}
# The border widths the keywords stand for, as browsers draw them (CSS Backgrounds 3, 4.3).
_BORDER_KEYWORDS = {"thin": 1.0, "medium": 3.0, "thick": 5.0}
# Border styles that draw no border: its width is then 0.
_NO_BORDER = frozenset({"none", "hidden"})
_BORDER_STYLES = _NO_BORDER | {"dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset"}

# What sizes an image's content box, read whole on demand (`visibility.PageStyle.on_demand`).
SIZING = (
    "box-sizing",
    "width",
    "height",
    "min-width",
    "min-height",
    "padding",
    *(f"padding-{side}" for side in _SIDES),
    "border",
    "border-width",
    "border-style",
    *(f"border-{side}" for side in _SIDES),
    *(f"border-{side}-width" for side in _SIDES),
    *(f"border-{side}-style" for side in _SIDES),
)


def empty(declared: Mapping[str, Declaration]) -> bool:
    """True when an image of `box-sizing: border-box` has paddings and borders (in px) as wide or
    as high as its `width` or `height` (in px, or its minimum size when larger), leaving no
    content box for its picture. `declared`: the cascade's winners of `SIZING`."""
    sizing = declared.get("box-sizing")
    if sizing is None or sizing.keyword != "border-box":
        return False
    for size_name, minimum_name, sides in _AXES:
        size = _px(declared.get(size_name))
        minimum = _px(declared.get(minimum_name)) if minimum_name in declared else 0.0
        if size is None or minimum is None:
            continue
        edges = [_padding(declared, side) + _border(declared, side) for side in sides]
        if max(size, minimum) <= sum(edges):
            return True
    return False


def _px(declaration: Declaration | None) -> float | None:
    """A one-value length in pixels; None for anything else."""
    if declaration is None or len(declaration.values) != 1:
        return None
    return length_px(declaration.values[0])


def _side_value(declaration: Declaration, side: str) -> Any:
    """The token a four-side shorthand (`padding: 1px 2px`) gives `side`; None for a malformed one."""
    values = declaration.values
    if not 1 <= len(values) <= 4:
        return None
    return values[_SHORTHAND_INDEX[side][len(values) - 1]]


def _padding(declared: Mapping[str, Declaration], side: str) -> float:
    """The least padding (px) the side's declarations give it; 0 when one is not in pixels."""
    found = []
    if f"padding-{side}" in declared:
        found.append(_px(declared[f"padding-{side}"]))
    if "padding" in declared:
        token = _side_value(declared["padding"], side)
        found.append(length_px(token) if token is not None else None)
    return 0.0 if any(value is None for value in found) else min((value for value in found if value is not None), default=0.0)


def _border(declared: Mapping[str, Declaration], side: str) -> float:
    """The least border width (px) the side's declarations give it: 0 unless each that sets its
    style sets one that draws (the initial style, `none`, draws none)."""
    styles: list[str | None] = []
    widths: list[float | None] = []
    for name in ("border", f"border-{side}"):
        if name in declared:
            style, width = _border_shorthand(declared[name])
            styles.append(style)
            widths.append(width)
    for name in ("border-style", f"border-{side}-style"):
        if name in declared:
            token = _side_value(declared[name], side) if name == "border-style" else _one(declared[name])
            styles.append(token.lower_value if token is not None and token.type == "ident" else None)
    for name in ("border-width", f"border-{side}-width"):
        if name in declared:
            token = _side_value(declared[name], side) if name == "border-width" else _one(declared[name])
            widths.append(_border_width(token) if token is not None else None)
    if not styles or any(style is None or style in _NO_BORDER for style in styles) or any(width is None for width in widths):
        return 0.0
    return min((width for width in widths if width is not None), default=_BORDER_KEYWORDS["medium"])


def _one(declaration: Declaration) -> Any:
    """A declaration's one value; None when it has several."""
    return declaration.values[0] if len(declaration.values) == 1 else None


def _border_shorthand(declaration: Declaration) -> tuple[str | None, float | None]:
    """The style and width a `border` or `border-<side>` shorthand sets (a width left out is
    `medium`, a style left out is `none`); a width not worked out is None."""
    style: str | None = "none"
    width: float | None = _BORDER_KEYWORDS["medium"]
    for token in declaration.values:
        if token.type == "ident" and token.lower_value in _BORDER_STYLES:
            style = token.lower_value
        elif token.type in ("dimension", "number") or (token.type == "ident" and token.lower_value in _BORDER_KEYWORDS):
            width = _border_width(token)
        elif token.type == "function" and token.lower_name in ("calc", "min", "max", "clamp", "var", "env"):
            width = None
    return style, width


def _border_width(token: Any) -> float | None:
    """The width in pixels a border width token gives (a keyword or a length)."""
    if token.type == "ident":
        return _BORDER_KEYWORDS.get(token.lower_value)
    return length_px(token)
