"""When a reader cannot tell a text colour from its background: the one rule, and its threshold.

Colours are compared as a reader perceives them, by their distance in CIELAB (CIE 1976 ΔE*ab:
the straight-line distance of two colours in L*a*b*, where equal distances look about equally
different). Text whose colour, blended over the background when translucent, is less than
`INDISTINGUISHABLE_DELTA_E` away from it cannot be told from it: it is hidden. The same rule
holds on a background the page declares and on the browser's white canvas.

It is not a readability test: WCAG's contrast ratio compares luminance only, so it calls
saturated yellow on white (ratio 1.07) nearly invisible; a reader sees yellow text on white
clearly (ΔE about 97), if tiringly. Near-white grey on white (`#f5f5f5`, ΔE about 3.4) is what a
reader does not see.
"""

from __future__ import annotations

import functools

Colour = tuple[float, float, float, float]

# The distance under which text cannot be told from its background. A just-noticeable difference
# is about 2.3; text, thin strokes on a large field, needs more: `#f2f2f2` on white (4.5) or
# `#0b0b0b` on black (3.0) are lost, `#ebebeb` on white (7.0) or `#1a1a1a` on black (9.3) faint
# but there.
INDISTINGUISHABLE_DELTA_E = 5.0
_SQUARED_THRESHOLD = INDISTINGUISHABLE_DELTA_E**2

# The D65 white point (sRGB's), as CIE XYZ.
_WHITE_X, _WHITE_Y, _WHITE_Z = 0.95047, 1.0, 1.08883


def indistinguishable(text: Colour, background: Colour) -> bool:
    """True when text of colour `text` cannot be told from an opaque `background` (sRGB with
    alpha, channels 0–1): a translucent text colour is blended over the background first."""
    if background == _WHITE and text[3] == 1 and (text[0] < _LEAST_RED_NEAR_WHITE or text[1] < _LEAST_GREEN_NEAR_WHITE):
        return False  # far from white in lightness alone (`_LEAST_GREEN_NEAR_WHITE`): no L*a*b* needed
    return squared_difference(lab(blend(text, background)), lab(background)) < _SQUARED_THRESHOLD


_WHITE: Colour = (1.0, 1.0, 1.0, 1.0)
# The least red and green (sRGB, 0–1) of an opaque colour within the threshold of white: its L*
# must exceed 100 − 5, so its relative luminance 0.876, which takes a linear green of 0.827
# (sRGB 0.920) with red and blue at most, and a linear red of 0.418 (sRGB 0.679) with green and
# blue at most. With a margin; most text colours of a page's CSS are told from the white canvas
# by this alone (a test compares it with the full reading).
_LEAST_RED_NEAR_WHITE = 0.65
_LEAST_GREEN_NEAR_WHITE = 0.9


def blend(text: Colour, background: Colour) -> Colour:
    """The opaque colour a text colour shows over an opaque background (itself when opaque)."""
    alpha = text[3]
    if alpha == 1:
        return text
    red, green, blue = (alpha * f + (1 - alpha) * s for f, s in zip(text[:3], background[:3], strict=True))
    return (red, green, blue, 1.0)


def close_enough(first: tuple[float, float, float], second: tuple[float, float, float]) -> bool:
    """`indistinguishable` for two colours already in L*a*b* (the opaque text colour and the background)."""
    return squared_difference(first, second) < _SQUARED_THRESHOLD


def squared_difference(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """The square of ΔE*ab between two L*a*b* colours."""
    return (first[0] - second[0]) ** 2 + (first[1] - second[1]) ** 2 + (first[2] - second[2]) ** 2


# Keyed by colour: a page's text colours are each compared with every background it sets.
@functools.lru_cache(maxsize=4096)
def lab(value: Colour) -> tuple[float, float, float]:
    """An sRGB colour's CIELAB coordinates (D65; its alpha is not read)."""
    red, green, blue = (_linear(channel) for channel in value[:3])
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / _WHITE_X
    y = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / _WHITE_Y
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / _WHITE_Z
    fx, fy, fz = _f(x), _f(y), _f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else float(((channel + 0.055) / 1.055) ** 2.4)


def _f(t: float) -> float:
    return float(t ** (1 / 3)) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
