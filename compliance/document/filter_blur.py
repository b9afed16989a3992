"""How far a `filter: blur()` smears text (Filter Effects 1, 13.2): each `blur(R)` blurs what its
element paints, its descendants' text with it, by a Gaussian; blurs one inside another (or
listed together in one `filter`) add up as Gaussians do, as the square root of the sum of their
radii's squares. Text blurred by at least half its font size cannot be read (Chromium
screenshots: 16px text under `blur(8px)` is a smear, under `blur(4px)` barely readable).

Radii are in CSS pixels; `em` is relative to the font size of the element that sets the filter,
`rem` to the root's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from compliance.document.css import length_px

# The share of its font size a blur radius must reach to make text unreadable (see above).
UNREADABLE_SHARE = 0.5


def radius_px(values: Sequence[Any], font_px: float, root_px: float) -> float | None:
    """The radius in CSS pixels that the `blur()`s of a `filter` value blur by together; 0.0 for
    a value without one (`none`, colour steps); None when a blur's radius is not read here (a
    `var()`, a `calc()`, a percentage)."""
    squares = 0.0
    for token in values:
        if token.type != "function" or token.lower_name != "blur":
            continue
        arguments = [t for t in token.arguments if t.type not in ("whitespace", "comment")]
        radius = _length(arguments[0], font_px, root_px) if len(arguments) == 1 else 0.0 if not arguments else None
        if radius is None:
            return None
        squares += radius * radius
    return math.sqrt(squares)


def _length(token: Any, font_px: float, root_px: float) -> float | None:
    if token.type == "dimension" and token.lower_unit in ("em", "rem"):
        return float(token.value) * (font_px if token.lower_unit == "em" else root_px)
    return length_px(token)


def may_blur(values: Sequence[Any]) -> bool:
    """True when a `filter` value holds a `blur()` that may blur (any but `blur()` and `blur(0)`):
    a cheap test of whether it is worth reading on the elements."""
    return any(radius_px([token], 1.0, 1.0) != 0.0 for token in values if token.type == "function" and token.lower_name == "blur")


def composed(inherited: float, own: float) -> float:
    """The radius of a blur of `own` inside one of `inherited`: two Gaussians make one whose
    variance is the sum of theirs."""
    return math.hypot(inherited, own) if own else inherited


def unreadable(radius: float, font_px: float) -> bool:
    """True when text of `font_px` blurred by `radius` (both CSS pixels) cannot be read."""
    return radius > 0 and radius >= UNREADABLE_SHARE * font_px
