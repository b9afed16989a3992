"""Offsets written as percentages, in CSS pixels: a margin or a `left` is a share of the
containing block's width (CSS 2, 8.3 and 9.3.2; a margin's top too), a translation a share of the
element's own box (CSS Transforms 1, 6), and `bottom: 100%` puts an absolutely positioned box
wholly above its containing block.

Widths are what the checker knows of them: the containing block's content width where the page's
CSS gives it (`visibility.Rendering.span`), else the screen the checker assumes, 1000px wide (as
viewport units are read: `css._PIXELS_PER_UNIT`), against which its thresholds of "off the
screen" (1000px left or up) are set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.css import VIEWPORT_UNITS_OF_AXIS, Declaration, length_px, split_commas

# The width of the screen the checker assumes, in CSS pixels (`vw` is a hundredth of it).
SCREEN_WIDTH_PX = 1000.0
# The narrowest a reader's screen is taken to be, in CSS pixels (a phone 320px across, WCAG 2.1's
# reflow width); the widest is `LARGEST_SCREEN_PX`.
NARROWEST_SCREEN_PX = 320.0
_TRANSLATIONS = frozenset({"translate", "translatex", "translatey", "translate3d"})


def share_px(token: Any, whole: float | None) -> float | None:
    """A length in CSS pixels, or a percentage of `whole` (None when `whole` is not known); None
    for anything else."""
    if token.type == "percentage":
        return None if whole is None else float(token.value) / 100 * whole
    return length_px(token)


def own_width(declared: Mapping[str, Declaration], containing: float, block: bool) -> float | None:
    """The width of the element's own box, when known: its `width` in pixels, else for a block
    box of `auto` width the containing block's (`containing`); None otherwise (an inline box is
    as wide as its text)."""
    width = declared.get("width")
    if width is not None:
        return share_px(width.values[0], containing) if len(width.values) == 1 else None
    return containing if block else None


def translation(values: Sequence[Any], width: float | None, height: float | None) -> tuple[float, float] | None:
    """How far a `transform` of translations only moves the element (x, y) in CSS pixels, the
    translations added up and a percentage a share of its own box (`width`, `height`; None when
    not known); None when it does anything else or a share of a size not known."""
    x = y = 0.0
    for token in values:
        if token.type != "function" or token.lower_name not in _TRANSLATIONS:
            return None
        arguments = [t for t in token.arguments if t.type not in ("whitespace", "comment", "literal")]
        if not arguments:
            return None
        name = token.lower_name
        first = share_px(arguments[0], height if name == "translatey" else width)
        second = share_px(arguments[1], height) if len(arguments) > 1 and name in ("translate", "translate3d") else 0.0
        if first is None or second is None:
            return None
        x += 0.0 if name == "translatey" else first
        y += first if name == "translatey" else second
    return (x, y)


def beyond_its_containing_block(declared: Mapping[str, Declaration]) -> bool:
    """True for an absolutely positioned box whose `bottom` (or `right`) is 100% or more with no
    `top` (or `left`) to override it: its far edge is at or past its containing block's top (or
    left) edge, so the whole box is above it (or left of it)."""
    position = declared.get("position")
    if position is None or position.keyword != "absolute":
        return False
    for side, opposite in (("bottom", "top"), ("right", "left")):
        value = declared.get(side)
        other = declared.get(opposite)
        if value is not None and value.values[0].type == "percentage" and value.values[0].value >= 100 and (other is None or other.keyword == "auto"):
            return True
    return False


# The widest and the tallest a reader's screen is taken to be, in CSS pixels (a 5K display at its
# native size): a box placed from the far side of the screen (`right`, `bottom`) this far or
# farther is left of or above it on any screen.
LARGEST_SCREEN_PX = 5120.0
# Each far side, with the near side that places the box instead when it is set, and the margin
# that moves it with it.
_FAR_SIDES = (("right", "left", "margin-right"), ("bottom", "top", "margin-bottom"))
# The position of each side's value in a four-side shorthand (`inset`, `margin`), by how many
# values it has.
_SIDE_INDEX = {"top": (0, 0, 0, 0), "right": (0, 1, 1, 1), "bottom": (0, 0, 2, 2), "left": (0, 1, 1, 3)}


def placed_past_the_far_side(declared: Mapping[str, Declaration], margins: Callable[[], Mapping[str, Declaration]], from_the_page: Callable[[], bool]) -> bool:
    """True for an absolutely positioned or fixed box placed from the far side of its containing
    block (`right`, `bottom`, or `inset`'s, with its near side `auto`) as far as the largest screen
    or farther, with its margin on that side (`margins`: the cascade's `margin`, `margin-right`
    and `margin-bottom`, read when asked), or a whole viewport or more in its axis's viewport
    units (`right: 100vw`; with no negative margin on that side): its far edge is then left of or
    above the screen (CSS 2, 10.3.7 and 10.6.4). A `bottom` is judged only where the containing block is the
    screen's (a fixed box, or one placed from the page: `from_the_page`), a `right` wherever
    (a containing block's right edge is on the screen)."""
    position = declared.get("position")
    if position is None or position.keyword not in ("absolute", "fixed"):
        return False
    for side, near, margin in _FAR_SIDES:
        offset = side_px(declared, side, "inset")
        whole_screen = _screens(declared, side) >= 1
        if (offset is None or offset < LARGEST_SCREEN_PX) and not whole_screen:
            continue
        if side_px(declared, near, "inset") is not None:
            continue
        margin_px = side_px(margins(), margin, "margin", side) or 0.0
        if (margin_px < 0) if whole_screen else ((offset or 0.0) + margin_px < LARGEST_SCREEN_PX):
            continue
        if side == "right" or position.keyword == "fixed" or from_the_page():
            return True
    return False


# The viewport units of each far side's axis: a whole viewport of them (`right: 100vw`) places a
# box's far edge at or past the screen's near edge, on every screen.
_VIEWPORT_UNITS = {"right": VIEWPORT_UNITS_OF_AXIS["horizontal"], "bottom": VIEWPORT_UNITS_OF_AXIS["vertical"]}


def _screens(declared: Mapping[str, Declaration], side: str) -> float:
    """How many viewports long the side's offset (`right`, `bottom`, or `inset`'s) is, written
    in its axis's viewport units (`right: 100vw` is 1); 0 for any other value."""
    if side in declared:
        values = declared[side].values
    elif "inset" in declared and 1 <= len(declared["inset"].values) <= 4:
        values = declared["inset"].values
        values = values[_SIDE_INDEX[side][len(values) - 1] :][:1]
    else:
        return 0.0
    token = values[0] if len(values) == 1 else None
    if token is None or token.type != "dimension" or token.lower_unit not in _VIEWPORT_UNITS[side]:
        return 0.0
    return float(token.value) / 100


def far_side_can_hide(declaration: Declaration) -> bool:
    """True for a `right` or `bottom` (or an `inset` with one) as long as the largest screen or
    longer, or a whole viewport in its axis's viewport units (`right: 100vw`), which may place a
    box past the screen (`placed_past_the_far_side`)."""
    if declaration.name in ("right", "bottom"):
        offset = side_px({declaration.name: declaration}, declaration.name, "inset")
        screens = _screens({declaration.name: declaration}, declaration.name)
    elif declaration.name == "inset":
        offset = max((side_px({"inset": declaration}, side, "inset") or 0.0 for side in ("right", "bottom")), default=0.0)
        screens = max(_screens({"inset": declaration}, side) for side in ("right", "bottom"))
    else:
        return False
    return (offset is not None and offset >= LARGEST_SCREEN_PX) or screens >= 1


def side_px(declared: Mapping[str, Declaration], name: str, shorthand: str, side: str | None = None) -> float | None:
    """The length (px) a side's longhand sets, else its shorthand's value for it; None when
    neither sets a length (`auto`, a percentage, none set)."""
    if name in declared:
        values = declared[name].values
        return length_px(values[0]) if len(values) == 1 else None
    if shorthand in declared:
        values = declared[shorthand].values
        index = _SIDE_INDEX[side or name]
        return length_px(values[index[len(values) - 1]]) if 1 <= len(values) <= 4 else None
    return None


# A box's centre this far left of its containing block leaves it off the screen, the box at most
# as wide as the screen (its half, past the 1000px that takes a box off the screen).
_PATH_FAR_LEFT_PX = -1.5 * SCREEN_WIDTH_PX


def placed_off_by_its_path(declared: Mapping[str, Declaration]) -> bool:
    """True for an `offset-path: path("M x y …")` with no `offset-distance` (or one of 0): the
    box's centre is placed at the path's start, here 1500px or more left of its containing
    block (CSS Motion Path 1). A start above it is not judged (the box's height is not known)."""
    path = declared.get("offset-path")
    distance = declared.get("offset-distance")
    if path is None or (distance is not None and not (len(distance.values) == 1 and length_px(distance.values[0]) == 0)):
        return False
    x = path_start_x(path.values)
    return x is not None and x <= _PATH_FAR_LEFT_PX


def path_start_x(values: Sequence[Any]) -> float | None:
    """The x of a `path()`'s first point (its first command, a move, is absolute either way);
    None for another value."""
    if len(values) != 1 or values[0].type != "function" or values[0].lower_name != "path":
        return None
    strings = [t for t in values[0].arguments if t.type == "string"]
    if len(strings) != 1:
        return None
    found = re.match(r"\s*[Mm]\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)", strings[-1].value)
    return float(found.group(1)) if found else None


# The sides an absolutely positioned box is placed from, which `anchor()` may give.
INSET_SIDES = frozenset({"top", "left", "right", "bottom"})


def anchor_fallback(function: Any) -> list[Any] | None:
    """The fallback of an `anchor(--name side, fallback)` (CSS Anchor Positioning 1) that names
    its anchor; None for one without a name or a fallback."""
    pieces = split_commas(function.arguments)
    named = pieces[0] if pieces else []
    if len(pieces) != 2 or not named or named[0].type != "ident" or not named[0].value.startswith("--"):
        return None
    return pieces[1]


def with_anchor_fallbacks(declared: Mapping[str, Declaration], names_anchors: Callable[[], bool]) -> Mapping[str, Declaration]:
    """The declarations with each side that is an `anchor()` with a fallback replaced by its
    fallback where the anchor is not found: the element is not absolutely positioned (an
    `anchor()` resolves only for such a box), or the page names no anchor (`names_anchors`)."""
    sides = {name: fallback for name in INSET_SIDES & declared.keys() if (fallback := _fallback_of(declared[name])) is not None}
    if not sides:
        return declared
    position = declared.get("position")
    if position is not None and position.keyword in ("absolute", "fixed") and names_anchors():
        return declared
    return {**declared, **{name: Declaration(name, tuple(fallback), declared[name].important) for name, fallback in sides.items()}}


def _fallback_of(declaration: Declaration) -> list[Any] | None:
    values = declaration.values
    if len(values) != 1 or values[0].type != "function" or values[0].lower_name != "anchor":
        return None
    return anchor_fallback(values[0])


class Across(NamedTuple):
    """A horizontal length as a browser resolves it on a screen of any width: `px` CSS pixels and
    `screens` times the screen's width (`100vw` is 0px and 1 screen)."""

    px: float
    screens: float


NO_MOVE = Across(0.0, 0.0)
# The units a hundredth of the screen's width (CSS Values 4, 6.1.2: the small, large and dynamic
# viewports are as wide); `vi` is left out (vertical in a vertical writing mode), and `vmax`,
# `vmin` (they measure either axis).
_SCREEN_WIDTH_UNITS = frozenset({"vw", "svw", "lvw", "dvw"})


def across(token: Any, of_the_screen: bool) -> Across | None:
    """A length as pixels and screen widths (`Across`): `vw` (and `svw`, `lvw`, `dvw`) a hundredth
    of a screen, a percentage a hundredth of one where it is of a box as wide as the screen
    (`of_the_screen`: the initial containing block, that of a box placed from the page), any other
    length in px; None for anything else (a percentage of another box, another viewport unit,
    `auto`, a value not read)."""
    if token.type == "dimension" and token.lower_unit in _SCREEN_WIDTH_UNITS:
        return Across(0.0, float(token.value) / 100)
    if token.type == "percentage" and of_the_screen:
        return Across(0.0, float(token.value) / 100)
    if token.type == "dimension" and token.lower_unit in VIEWPORT_UNITS_OF_AXIS["vertical"] | VIEWPORT_UNITS_OF_AXIS["horizontal"]:
        return None
    pixels = length_px(token)
    return None if pixels is None else Across(pixels, 0.0)


def plus(*moves: Across) -> Across:
    """Lengths across added up."""
    return Across(sum(move.px for move in moves), sum(move.screens for move in moves))


def past_the_right_edge(left_edge: Across) -> bool:
    """True when a box's left edge, this far right of the screen's left edge, is at or past the
    screen's right edge on every screen (`NARROWEST_SCREEN_PX` to `LARGEST_SCREEN_PX` wide): the
    edge less the screen's width is linear in that width, so it is 0 or more at both ends.
    `left: 100vw` is (on every screen), `left: 90vw` is not, nor `left: 3000px` (a 4K screen is
    wider), `left: 5120px` is."""
    return all(left_edge.px + (left_edge.screens - 1) * width >= 0 for width in (NARROWEST_SCREEN_PX, LARGEST_SCREEN_PX))
