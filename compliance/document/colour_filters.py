"""The colour transforms of CSS `filter` functions (Filter Effects 1, 13.2: `grayscale()`,
`sepia()`, `saturate()`, `hue-rotate()`, `invert()`, `opacity()`, `brightness()`, `contrast()`),
applied to a colour as Chromium applies them: in sRGB (measured: `brightness(0.5)` paints white
as rgb(128, 128, 128)), each function's result clamped to 0–1 before the next.

A filter that only transforms colours is a chain of steps, `(function, amount)`, applied in the
order written (an ancestor's after its descendant's). A `blur()`, `drop-shadow()` or `url()` does
more than change colours (it smears or adds paint): a value with one is no chain (None), and the
checker then judges nothing by its colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

Colour = tuple[float, float, float, float]
ColourFilter = tuple[tuple[str, float], ...]

# Each function's amount when it has none (`invert()` is `invert(1)`); `hue-rotate`'s is in degrees.
_DEFAULT_AMOUNTS = {"grayscale": 1.0, "sepia": 1.0, "saturate": 1.0, "hue-rotate": 0.0, "invert": 1.0, "opacity": 1.0, "brightness": 1.0, "contrast": 1.0}
# The functions whose amount above 1 is taken as 1 (Filter Effects 1, 13.1).
_AT_MOST_ONE = frozenset({"grayscale", "sepia", "invert", "opacity"})
_DEGREES_PER_UNIT = {"deg": 1.0, "rad": 180.0 / math.pi, "grad": 0.9, "turn": 360.0}


def colour_filter(values: Sequence[Any]) -> ColourFilter | None:
    """The chain of colour steps a `filter` value is, in order (`()` for `none`); None when it
    does more than transform colours (`blur()`, `drop-shadow()`, `url()`) or has an amount not
    read here (a `var()`, a `calc()` left as written)."""
    if len(values) == 1 and values[0].type == "ident" and values[0].lower_value == "none":
        return ()
    steps: list[tuple[str, float]] = []
    for token in values:
        if token.type != "function" or token.lower_name not in _DEFAULT_AMOUNTS:
            return None
        amount = _amount(token)
        if amount is None:
            return None
        steps.append((token.lower_name, amount))
    return tuple(steps)


def _amount(function: Any) -> float | None:
    """A filter function's amount: a number, a percentage as a fraction, `hue-rotate`'s angle in
    degrees; its default when it has none."""
    arguments = [t for t in function.arguments if t.type not in ("whitespace", "comment")]
    name = function.lower_name
    if not arguments:
        return _DEFAULT_AMOUNTS[name]
    if len(arguments) != 1:
        return None
    token = arguments[0]
    if name == "hue-rotate":
        if token.type == "number" and token.value == 0:
            return 0.0
        factor = _DEGREES_PER_UNIT.get(token.lower_unit) if token.type == "dimension" else None
        return None if factor is None else float(token.value) * factor
    if token.type == "number":
        amount = float(token.value)
    elif token.type == "percentage":
        amount = float(token.value) / 100
    else:
        return None
    return min(amount, 1.0) if name in _AT_MOST_ONE else amount


def filtered(colour: Colour, chain: ColourFilter) -> Colour:
    """The colour a chain of filter steps paints `colour` as."""
    for name, amount in chain:
        colour = _step(colour, name, amount)
    return colour


def _step(colour: Colour, name: str, amount: float) -> Colour:
    red, green, blue, alpha = colour
    if name == "opacity":
        return (red, green, blue, alpha * amount)
    if name in ("invert", "brightness", "contrast"):
        # A transfer function on each channel: a slope and an intercept.
        slope, intercept = {"invert": (1 - 2 * amount, amount), "brightness": (amount, 0.0), "contrast": (amount, (1 - amount) / 2)}[name]
        red, green, blue = (channel * slope + intercept for channel in (red, green, blue))
    else:
        matrix = _matrix(name, amount)
        red, green, blue = (row[0] * red + row[1] * green + row[2] * blue for row in matrix)
    return (_clamped(red), _clamped(green), _clamped(blue), alpha)


def _clamped(channel: float) -> float:
    return min(max(channel, 0.0), 1.0)


def _matrix(name: str, amount: float) -> tuple[tuple[float, float, float], ...]:
    """The colour matrix of `grayscale()`, `sepia()`, `saturate()` or `hue-rotate()` (Filter Effects 1, 13.2)."""
    if name == "grayscale":
        rest = 1 - amount
        return (
            (0.2126 + 0.7874 * rest, 0.7152 - 0.7152 * rest, 0.0722 - 0.0722 * rest),
            (0.2126 - 0.2126 * rest, 0.7152 + 0.2848 * rest, 0.0722 - 0.0722 * rest),
            (0.2126 - 0.2126 * rest, 0.7152 - 0.7152 * rest, 0.0722 + 0.9278 * rest),
        )
    if name == "sepia":
        rest = 1 - amount
        return (
            (0.393 + 0.607 * rest, 0.769 - 0.769 * rest, 0.189 - 0.189 * rest),
            (0.349 - 0.349 * rest, 0.686 + 0.314 * rest, 0.168 - 0.168 * rest),
            (0.272 - 0.272 * rest, 0.534 - 0.534 * rest, 0.131 + 0.869 * rest),
        )
    if name == "saturate":
        return (
            (0.213 + 0.787 * amount, 0.715 - 0.715 * amount, 0.072 - 0.072 * amount),
            (0.213 - 0.213 * amount, 0.715 + 0.285 * amount, 0.072 - 0.072 * amount),
            (0.213 - 0.213 * amount, 0.715 - 0.715 * amount, 0.072 + 0.928 * amount),
        )
    cosine, sine = math.cos(math.radians(amount)), math.sin(math.radians(amount))
    return (
        (0.213 + cosine * 0.787 - sine * 0.213, 0.715 - cosine * 0.715 - sine * 0.715, 0.072 - cosine * 0.072 + sine * 0.928),
        (0.213 - cosine * 0.213 + sine * 0.143, 0.715 + cosine * 0.285 + sine * 0.140, 0.072 - cosine * 0.072 - sine * 0.283),
        (0.213 - cosine * 0.213 - sine * 0.787, 0.715 - cosine * 0.715 + sine * 0.715, 0.072 + cosine * 0.928 + sine * 0.072),
    )


# Colours that sample the RGB cube: its corners, the middle of each edge and face, and its
# centre. Each step is an affine map clamped channel by channel, whose extremes over the cube are
# at its corners: the chains that paint everything one colour (`brightness(0)`, `contrast(0)`,
# `invert()` of those, an opacity aside) paint all of these one colour (see `flat_colour`).
_SAMPLES = tuple((r / 2, g / 2, b / 2, 1.0) for r in range(3) for g in range(3) for b in range(3))


def flat_colour(chain: ColourFilter) -> Colour | None:
    """The one colour a chain paints every opaque colour as (`brightness(0)` paints all black,
    `brightness(0) invert(1)` all white: a picture becomes a silhouette of one colour); None when
    it leaves colours apart."""
    if not chain:
        return None
    painted = {filtered(sample, chain) for sample in _SAMPLES}
    if len(painted) != 1:
        # Within a 255th of one another on every channel is one colour on screen.
        first = next(iter(painted))
        if any(max(abs(a - b) for a, b in zip(colour, first, strict=True)) > 1 / 255 for colour in painted):
            return None
    return next(iter(painted))


# The CSS properties that filter an element (`-webkit-filter` an alias Chromium keeps).
FILTER_PROPERTIES = ("filter", "-webkit-filter")


def in_force(own: Sequence[Sequence[Any]], inherited: ColourFilter | None) -> ColourFilter | None:
    """The chain of colour steps painting an element's content: its own (`own`: the values of the
    `filter` and `-webkit-filter` that win its cascade, none when it sets neither) before its
    ancestors' (`inherited`). None when one of them does more than change colours, or the two
    properties disagree (which wins the cascade is not known here)."""
    if not own or inherited is None:
        return inherited
    chains = {colour_filter(values) for values in own}
    chain = chains.pop() if len(chains) == 1 else None
    return None if chain is None else chain + inherited


def paints_beyond_colours(values: Sequence[Any]) -> bool:
    """True for a `filter` value that may paint where its element painted nothing (a
    `drop-shadow()`, an SVG filter by `url()`) or that the checker does not read; `none` and
    chains of colour steps (and `blur()`, which smears what is there) do not."""
    if colour_filter(values) is not None:
        return False
    return any(token.type != "function" or token.lower_name not in (*_DEFAULT_AMOUNTS, "blur") for token in values)
