"""What a `text-shadow` paints of the glyphs (CSS Text Decoration 3, 4): each shadow is the
glyphs again, moved by its offsets and blurred by its radius, in its colour. Text whose own colour
is transparent is seen only through its shadows: a shadow moved off every screen paints nothing a
reader sees, and one blurred far wider than the glyphs spreads their ink so thin that no colour is
left of it.

Shadows are (colour, x, y, blur) with lengths in CSS pixels and the colour None for
`currentcolor` (the text's own).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

Colour = tuple[float, float, float, float]
# Lengths in CSS pixels; the colour None for the text's own.
Shadow = tuple[Colour | None, float, float, float]

# A shadow moved this far left or up is off the screen, where no scrolling reaches (as a margin
# or an indent that far is: `visibility._FAR_OFF_SCREEN_PX`); moved right, it is past every screen
# only beyond the widest: a 4K screen's 3840 CSS pixels (the text starts at 0 or further right).
FAR_LEFT_OR_UP_PX = -1000.0
PAST_EVERY_SCREEN_PX = 3840.0


def shadows(values: Sequence[Any], read_colour: Callable[[Any], Colour | None], read_length: Callable[[Any], float | None]) -> list[Shadow] | None:
    """The shadows of a `text-shadow` value, in order; empty for `none`; None when one is not read
    here (a `var()`, a length in an unknown unit, a colour not worked out)."""
    if len(values) == 1 and values[0].type == "ident" and values[0].lower_value == "none":
        return []
    found = [_shadow(piece, read_colour, read_length) for piece in _split_at_commas(values)]
    return None if any(shadow is None for shadow in found) else [shadow for shadow in found if shadow is not None]


def _shadow(piece: Sequence[Any], read_colour: Callable[[Any], Colour | None], read_length: Callable[[Any], float | None]) -> Shadow | None:
    """One shadow: two or three lengths and maybe a colour, in any order; None when not read."""
    lengths = [read_length(token) for token in piece if token.type in ("number", "dimension")]
    others = [token for token in piece if token.type not in ("number", "dimension")]
    if not 2 <= len(lengths) <= 3 or len(others) > 1 or any(length is None for length in lengths):
        return None
    painted = read_colour(others[0]) if others else None
    if others and painted is None and not (others[0].type == "ident" and others[0].lower_value == "currentcolor"):
        return None
    x, y, *blur = (length or 0.0 for length in lengths)
    return (painted, x, y, blur[0] if blur else 0.0)


def _split_at_commas(values: Sequence[Any]) -> list[list[Any]]:
    pieces: list[list[Any]] = [[]]
    for token in values:
        if token.type == "literal" and token.value == ",":
            pieces.append([])
        else:
            pieces[-1].append(token)
    return pieces


def off_every_screen(shadow: Shadow) -> bool:
    """True for a shadow moved off every screen: far left or up, or past the widest screen's right edge."""
    _, x, y, blur = shadow
    return x + blur <= FAR_LEFT_OR_UP_PX or y + blur <= FAR_LEFT_OR_UP_PX or x - blur >= PAST_EVERY_SCREEN_PX


# The most of a line's band (one font size high) glyphs ink: Latin text inks a tenth to a fifth
# of it, the heaviest fonts under two fifths.
GLYPH_INK_SHARE = 0.5
# An opacity at which no colour shows on any background: black or white at 4% over its opposite
# is under 3 apart in CIELAB ΔE, within the 5 in which two colours look alike (`colour_difference`).
UNSEEN_OPACITY = 0.04


def thinned(colour: Colour, blur: float, font_px: float) -> Colour:
    """A shadow's colour with the opacity its blur leaves at most: a Gaussian of half the blur
    radius as its deviation spreads a line of glyphs (at most `GLYPH_INK_SHARE` of a band one font
    size high) over its width, its peak `share · font_px / (sqrt(2π) · σ)` of the glyphs' ink."""
    deviation = blur / 2
    if deviation <= 0:
        return colour
    peak = min(1.0, GLYPH_INK_SHARE * font_px / (math.sqrt(2 * math.pi) * deviation))
    return (*colour[:3], colour[3] * peak)


def seen(shadow: Shadow, font_px: float) -> Colour | None:
    """The colour a shadow paints where a reader may see it (`thinned` by its blur); None when it
    is off every screen, blurred too thin to show on any background (`UNSEEN_OPACITY`), or of the
    text's own colour (which shows nothing the text does not)."""
    painted = shadow[0]
    if painted is None or off_every_screen(shadow):
        return None
    painted = thinned(painted, shadow[3], font_px)
    return painted if painted[3] > UNSEEN_OPACITY else None
