"""An image's content box, where its picture is drawn (CSS Box Model 3, 2; CSS Images 3, 5.1).

Under `box-sizing: border-box` an image's `width` and `height` include its paddings and borders:
paddings and borders as wide as the width leave a content box of no width (the box grows to hold
them, and the picture is drawn in what is left), and Chromium then draws no picture at all,
whatever the box's background and borders paint. What is read here is a lower bound: a side is
counted only at the least any of its declarations gives it, and a size not in pixels (a
percentage) leaves the image judged seen. An `<img>`'s `width` and `height` attributes size it
where its CSS does not (they are presentational hints for those properties: HTML, 15.4.3), so
`<img width="120" height="40" style="box-sizing: border-box; padding: 20px 60px">` has no content
box either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from compliance.document.css import Declaration, length_px, shorthand_side

_SIDES = ("top", "right", "bottom", "left")
# Each side's flow-relative axis and side, in horizontal, left-to-right text (CSS Logical
# Properties 1, 4): `border-block` sets the top and bottom borders, `border-inline` the left and
# right; in right-to-left text the two inline sides swap, which leaves their sum as it is.
_FLOW_RELATIVE = {"top": ("block", "block-start"), "bottom": ("block", "block-end"), "left": ("inline", "inline-start"), "right": ("inline", "inline-end")}
# Each axis: its size, its minimum size, and its two sides.
_AXES = (("width", "min-width", ("left", "right")), ("height", "min-height", ("top", "bottom")))
# The border widths the keywords stand for, as browsers draw them (CSS Backgrounds 3, 4.3).
_BORDER_KEYWORDS = {"thin": 1.0, "medium": 3.0, "thick": 5.0}
# Border styles that draw no border: its width is then 0.
_NO_BORDER = frozenset({"none", "hidden"})
_BORDER_STYLES = _NO_BORDER | {"dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset"}

# What sizes an image's border box, which `may_be_empty` reads: a page's images are matched
# for these first, and only those it keeps for the paddings and borders too.
SIZES = ("box-sizing", "width", "height", "min-width", "min-height")
# What sizes an image's content box, read whole on demand (`visibility.PageStyle.on_demand`).
SIZING = (
    *SIZES,
    "padding",
    *(f"padding-{side}" for side in _SIDES),
    "border",
    "border-width",
    "border-style",
    *(f"border-{side}" for side in _SIDES),
    *(f"border-{side}-width" for side in _SIDES),
    *(f"border-{side}-style" for side in _SIDES),
    *(f"border-{axis}{end}{part}" for axis in ("block", "inline") for end in ("", "-start", "-end") for part in ("", "-width", "-style")),
)


def empty(declared: Mapping[str, Declaration], *, flow_relative: bool = True, attributes: Mapping[str, float] | None = None) -> bool:
    """True when an image of `box-sizing: border-box` has paddings and borders (in px) as wide or
    as high as its `width` or `height` (in px, or its minimum size when larger), leaving no
    content box for its picture. `declared`: the cascade's winners of `SIZING`; `attributes`: the
    `width`/`height` its attributes give in px, for an axis its CSS does not size; without
    `flow_relative` (a page that may set a vertical `writing-mode`, which turns the block axis
    sideways) the flow-relative borders (`border-block`, `border-inline`…) count as none."""
    for size, sides in _sized_axes(declared, attributes):
        edges = [_padding(declared, side) + _border(declared, side, flow_relative=flow_relative) for side in sides]
        if size <= sum(edges):
            return True
    return False


def may_be_empty(declared: Mapping[str, Declaration], attributes: Mapping[str, float] | None = None) -> bool:
    """Whether `empty` may find an image's content box empty, by the cascade's winners of `SIZES`
    alone (`declared`) and its size attributes (`attributes`, as `empty` reads them): it is of
    `box-sizing: border-box` and has a size in px on some axis. Most images have none (`width:
    100%`, `height: auto`): their paddings and borders need not be matched."""
    return any(True for _ in _sized_axes(declared, attributes))


def _sized_axes(declared: Mapping[str, Declaration], attributes: Mapping[str, float] | None = None) -> Iterator[tuple[float, tuple[str, str]]]:
    """Under `box-sizing: border-box`, each axis with a size in px (its minimum size when larger),
    by its CSS, else by its attribute (`attributes`), with its two sides; none for an image of
    another `box-sizing`."""
    sizing = declared.get("box-sizing")
    if sizing is None or sizing.keyword != "border-box":
        return
    for size_name, minimum_name, sides in _AXES:
        size = _px(declared.get(size_name)) if size_name in declared or attributes is None else attributes.get(size_name)
        minimum = _px(declared.get(minimum_name)) if minimum_name in declared else 0.0
        if size is not None and minimum is not None:
            yield max(size, minimum), sides


def _px(declaration: Declaration | None) -> float | None:
    """A one-value length in pixels; None for anything else."""
    if declaration is None or len(declaration.values) != 1:
        return None
    return length_px(declaration.values[0])


def _padding(declared: Mapping[str, Declaration], side: str) -> float:
    """The least padding (px) the side's declarations give it; 0 when one is not in pixels."""
    found = []
    if f"padding-{side}" in declared:
        found.append(_px(declared[f"padding-{side}"]))
    if "padding" in declared:
        token = shorthand_side(declared["padding"], side)
        found.append(length_px(token) if token is not None else None)
    return 0.0 if any(value is None for value in found) else min((value for value in found if value is not None), default=0.0)


def _border(declared: Mapping[str, Declaration], side: str, *, flow_relative: bool = True) -> float:
    """The least border width (px) the side's declarations give it, physical and (with
    `flow_relative`) flow-relative ones: 0 unless each that sets its style sets one that draws
    (the initial style, `none`, draws none)."""
    axis, logical = _FLOW_RELATIVE[side]
    shorthands = ("border", f"border-{side}", *((f"border-{axis}", f"border-{logical}") if flow_relative else ()))
    read = [_border_shorthand(declared[name]) for name in shorthands if name in declared]
    styles = [style for style, _ in read] + [_style_of(_value_for(declared[name], side)) for name in _longhands(declared, shorthands, "style")]
    widths = [width for _, width in read] + [_border_width(_value_for(declared[name], side)) for name in _longhands(declared, shorthands, "width")]
    if not styles or any(style is None or style in _NO_BORDER for style in styles) or any(width is None for width in widths):
        return 0.0
    return min((width for width in widths if width is not None), default=_BORDER_KEYWORDS["medium"])


def _longhands(declared: Mapping[str, Declaration], shorthands: tuple[str, ...], part: str) -> list[str]:
    """The names of the shorthands' longhands for `part` (`style`, `width`) declared."""
    return [name for name in (f"{shorthand}-{part}" for shorthand in shorthands) if name in declared]


def _style_of(token: Any) -> str | None:
    """The border style a token names; None for a value not read."""
    return token.lower_value if token is not None and token.type == "ident" else None


def _value_for(declaration: Declaration, side: str) -> Any:
    """The token a border longhand gives `side`: one of the four of `border-style` or
    `border-width` (`css.shorthand_side`), the start (first) or end (last) of the one or two of a
    flow-relative axis's (`border-block-width: 30px 0`), or the one value of a side's own."""
    name = declaration.name
    if name in ("border-style", "border-width"):
        return shorthand_side(declaration, side)
    if name.startswith(("border-block-", "border-inline-")) and name.count("-") == 2:
        values = declaration.values
        if not 1 <= len(values) <= 2:
            return None
        return values[0] if _FLOW_RELATIVE[side][1].endswith("start") else values[-1]
    return _one(declaration)


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
    """The width in pixels a border width token gives (a keyword or a length); None for another
    value, or none."""
    if token is None:
        return None
    if token.type == "ident":
        return _BORDER_KEYWORDS.get(token.lower_value)
    return length_px(token)
