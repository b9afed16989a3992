"""The colours of CSS Color 4 and 5 that tinycss2 does not read, as Chromium paints them: system
colours (`Canvas`, `CanvasText`, `Field`, `ButtonFace`…), `light-dark()` and relative colours
(`rgb(from white r g b)`, `hsl(from #333 h s calc(l + 80))`, `hwb(from …)`, `lab(from …)`,
`lch(from …)`, `oklab(from …)`, `oklch(from …)`, `color(from black srgb 1 1 1)`).

A colour is (red, green, blue, alpha), each in 0–1 (sRGB), as `css.colour` gives it. The
functions here take the reader of a colour token (`css.colour`) and of a math function
(`css.math_quantity`) as arguments, so that this module needs nothing of `css`; each returns None
for what it cannot be sure of.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Callable, Sequence
from typing import Any

Colour = tuple[float, float, float, float]
ColourReader = Callable[[Any], "Colour | None"]
# A math function's quantity: (value, unit), the unit "" (a number), "%", "px" or "deg".
MathReader = Callable[[Any], "tuple[float, str] | None"]


def _rgb(red: int, green: int, blue: int, alpha: float = 1.0) -> Colour:
    return (red / 255, green / 255, blue / 255, alpha)


# The system colours (CSS Color 4, 6.2, and the deprecated ones of 6.2.1), as Chromium's light
# colour scheme paints them (measured: getComputedStyle in Chromium 156; tests/test_browser.py
# checks). Without a `color-scheme` the page is in the light scheme; a page that asks for dark
# darkens the canvas too, which the checker then no longer takes for white (`visibility.page_canvas`).
SYSTEM_COLOURS: dict[str, Colour] = {
    **dict.fromkeys(
        """canvas field highlighttext selecteditemtext accentcolortext activecaption appworkspace background inactivecaption
        infobackground menu scrollbar window""".split(),
        _rgb(255, 255, 255),
    ),
    **dict.fromkeys(
        """canvastext fieldtext buttontext buttonborder marktext activeborder captiontext inactiveborder infotext menutext
        threeddarkshadow threedhighlight threedlightshadow threedshadow windowframe windowtext""".split(),
        _rgb(0, 0, 0),
    ),
    **dict.fromkeys(("buttonface", "buttonhighlight", "buttonshadow", "threedface"), _rgb(239, 239, 239)),
    **dict.fromkeys(("graytext", "inactivecaptiontext"), _rgb(128, 128, 128)),
    **dict.fromkeys(("linktext", "-webkit-link"), _rgb(0, 0, 238)),
    "visitedtext": _rgb(85, 26, 139),
    "activetext": _rgb(255, 0, 0),
    "highlight": _rgb(0, 65, 198, 0.8),
    "mark": _rgb(255, 255, 0),
    "selecteditem": _rgb(25, 103, 210),
    "accentcolor": _rgb(0, 117, 255),
}


def light_dark(arguments: Sequence[Sequence[Any]], read: ColourReader) -> Colour | None:
    """`light-dark(LIGHT, DARK)`'s colour (CSS Color 5, 6.1; `arguments`: its two comma-separated
    pieces) when both arms are the same colour, which the page's colour scheme then cannot
    change; None otherwise (which arm a reader sees depends on the scheme the page asks for and
    the reader prefers)."""
    if len(arguments) != 2 or any(len(piece) != 1 for piece in arguments):
        return None
    light, dark = (read(piece[0]) for piece in arguments)
    return light if light is not None and light == dark else None


# The channel keywords of each relative colour function (CSS Color 5, 4.1), in order.
CHANNELS = {
    "rgb": ("r", "g", "b"),
    "rgba": ("r", "g", "b"),
    "hsl": ("h", "s", "l"),
    "hsla": ("h", "s", "l"),
    "hwb": ("h", "w", "b"),
    "lab": ("l", "a", "b"),
    "lch": ("l", "c", "h"),
    "oklab": ("l", "a", "b"),
    "oklch": ("l", "c", "h"),
}
# What 100% of each component is, in its own numbers (CSS Color 4, 9 and 10): 255 for `rgb()`'s
# channels, 100 for `hsl()`'s and `hwb()`'s (`b` is blue in `rgb()`, blackness in `hwb()`), 100
# and 125 for Lab's, 150 for LCH's chroma, 1 and 0.4 for Oklab's and OkLCh's; a hue takes no
# percentage (its 0 here is not used); 100% of the alpha is 1.
_PERCENT_OF = {
    "rgb": (255.0, 255.0, 255.0),
    "rgba": (255.0, 255.0, 255.0),
    "hsl": (0.0, 100.0, 100.0),
    "hsla": (0.0, 100.0, 100.0),
    "hwb": (0.0, 100.0, 100.0),
    "lab": (100.0, 125.0, 125.0),
    "lch": (100.0, 150.0, 0.0),
    "oklab": (1.0, 0.4, 0.4),
    "oklch": (1.0, 0.4, 0.0),
}
# The functions whose channels are those of a space of CSS Color 4 converted by `srgb_of`.
_LAB_LIKE = frozenset({"lab", "lch", "oklab", "oklch"})


def relative(function: Any, arguments: Sequence[Any], read: ColourReader, work_out: MathReader) -> Colour | None:
    """The colour of a relative colour function (`rgb()`, `hsl()`, `hwb()`, `lab()`, `lch()`,
    `oklab()`, `oklch()` or `color()` with `from`:
    CSS Color 5, 4), `arguments` its component values without whitespace: `from ORIGIN c1 c2 c3 [/ A]`
    (`color()`: `from ORIGIN SPACE c1 c2 c3 [/ A]`, see `_relative_in_space`),
    each component a channel keyword of the origin, a number, a percentage, a hue's angle, `none`
    or a math function of those. None for another function, an origin not read here
    (`currentcolor`), or a component not worked out."""
    name = function.lower_name
    if name == "color":
        return _relative_in_space(arguments, read, work_out)
    if name not in CHANNELS or len(arguments) not in (5, 7) or arguments[0].type != "ident" or arguments[0].lower_value != "from":
        return None
    origin = read(arguments[1])
    if origin is None:
        return None
    if len(arguments) == 7 and (arguments[5].type != "literal" or arguments[5].value != "/"):
        return None
    keywords = CHANNELS[name]
    values = dict(zip(keywords, _origin_channels(name, origin), strict=True))
    values["alpha"] = origin[3]
    components = [*arguments[2:5], arguments[6] if len(arguments) == 7 else None]
    hundred = (*_PERCENT_OF[name], 1.0)
    channels = [_component(token, keyword, values, work_out, per) for token, keyword, per in zip(components, (*keywords, "alpha"), hundred, strict=True)]
    if any(channel is None for channel in channels):
        return None
    first, second, third, alpha = (channel or 0.0 for channel in channels)
    painted = _to_rgb(name, first, second, third)
    if painted is None:
        return None
    red, green, blue = (min(max(channel, 0.0), 1.0) for channel in painted)
    return (red, green, blue, min(max(alpha, 0.0), 1.0))


def _origin_channels(name: str, origin: Colour) -> tuple[float, float, float]:
    """The origin colour's channels in the function's own numbers: r g b in 0–255, h in degrees,
    s l w b in 0–100, Lab's, LCH's, Oklab's and OkLCh's as those spaces count them."""
    red, green, blue = origin[:3]
    if name in _LAB_LIKE:
        return _lab_like_of(name, (red, green, blue))
    if name.startswith("rgb"):
        return red * 255, green * 255, blue * 255
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if name.startswith("hsl"):
        return hue * 360, saturation * 100, lightness * 100
    return hue * 360, min(red, green, blue) * 100, (1 - max(red, green, blue)) * 100


def _component(token: Any, keyword: str, values: dict[str, float], work_out: MathReader, hundred: float) -> float | None:
    """One component of a relative colour in the channel's own numbers, `hundred` of them being
    100% (None: not worked out); a missing alpha is the origin's."""
    if token is None:
        return values["alpha"]
    if token.type == "ident":
        lowered = token.lower_value
        return 0.0 if lowered == "none" else values.get(lowered)
    if token.type == "number":
        return float(token.value)
    if token.type == "percentage" and keyword != "h":
        return float(token.value) / 100 * hundred
    if token.type == "dimension" and keyword == "h":
        return _degrees(float(token.value), token.lower_unit)
    if token.type == "function":
        quantity = work_out(_with_channels(token, values))
        if quantity is None or quantity[1] not in ("", "deg" if keyword == "h" else "%"):
            return None
        return quantity[0] / 100 * hundred if quantity[1] == "%" else quantity[0]
    return None


def _degrees(value: float, unit: str) -> float | None:
    factor = {"deg": 1.0, "rad": 57.29577951308232, "grad": 0.9, "turn": 360.0}.get(unit)
    return None if factor is None else value * factor


def _with_channels(function: Any, values: dict[str, float]) -> Any:
    """A math function with each channel keyword in it replaced by the origin's number."""
    import tinycss2.ast

    def replaced(token: Any) -> Any:
        if token.type == "ident" and token.lower_value in values:
            value = values[token.lower_value]
            return tinycss2.ast.NumberToken(token.source_line, token.source_column, value, None, f"{value:g}")
        if token.type == "function":
            return tinycss2.ast.FunctionBlock(token.source_line, token.source_column, token.name, [replaced(t) for t in token.arguments])
        if token.type == "() block":
            return tinycss2.ast.ParenthesesBlock(token.source_line, token.source_column, [replaced(t) for t in token.content])
        return token

    return replaced(function)


def _lab_like_of(name: str, channels: tuple[float, float, float]) -> tuple[float, float, float]:
    """An sRGB colour's (0–1) channels in Lab or LCH (through XYZ D50) or in Oklab or OkLCh
    (through XYZ D65 and LMS: CSS Color 4, 18); a hue in degrees (0–360)."""
    from tinycss2.color4 import Color

    xyz = _times(_LINEAR_SRGB_TO_XYZ_D65, [_srgb_linear(c) for c in channels])
    if name.startswith("ok"):
        lightness, a, b = _times(_LMS_TO_OKLAB, [_signed(c, 1 / 3) for c in _times(_XYZ_D65_TO_LMS, xyz)])
    else:
        lightness, a, b = Color("xyz-d50", _times(_inverse(_D50_TO_D65), xyz), 1.0).to("lab").coordinates
    if name in ("lab", "oklab"):
        return lightness, a, b
    return lightness, math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360


def _to_rgb(name: str, first: float, second: float, third: float) -> tuple[float, float, float] | None:
    """The sRGB channels (0–1) of `rgb(r g b)`, `hsl(h s l)`, `hwb(h w b)`, or of Lab's, LCH's,
    Oklab's or OkLCh's (None: not converted) in their own numbers."""
    if name in _LAB_LIKE:
        from tinycss2.color4 import Color

        return srgb_of(Color(name, (first, second, third), 1.0))
    if name.startswith("rgb"):
        return first / 255, second / 255, third / 255
    hue = (first % 360) / 360
    if name.startswith("hsl"):
        return colorsys.hls_to_rgb(hue, min(max(third, 0.0), 100.0) / 100, min(max(second, 0.0), 100.0) / 100)
    white, black = max(second, 0.0) / 100, max(third, 0.0) / 100
    if white + black >= 1:
        grey = white / (white + black)
        return grey, grey, grey
    pure = colorsys.hls_to_rgb(hue, 0.5, 1.0)
    red, green, blue = (channel * (1 - white - black) + white for channel in pure)
    return red, green, blue


def _relative_in_space(arguments: Sequence[Any], read: ColourReader, work_out: MathReader) -> Colour | None:
    """`color(from ORIGIN SPACE c1 c2 c3 [/ A])` (CSS Color 5, 4.2): the origin converted into one
    of `color()`'s spaces, whose channels (`r g b`, or `x y z` in an XYZ space; 100% is 1) its
    components may name, then painted in sRGB. None for a shape not of that kind, an origin or a
    component not worked out, or a space not of `color()`."""
    shape = _relative_shape(arguments)
    origin = None if shape is None else read(arguments[1])
    if shape is None or origin is None:
        return None
    space, components = shape
    keywords = ("x", "y", "z") if space.startswith("xyz") else ("r", "g", "b")
    converted = _from_srgb(space, origin[:3])
    values = {**dict(zip(keywords, converted, strict=True)), "alpha": origin[3]}
    channels = [_component(token, keyword, values, work_out, 1.0) for token, keyword in zip(components, (*keywords, "alpha"), strict=True)]
    if any(channel is None for channel in channels):
        return None
    first, second, third, alpha = (channel or 0.0 for channel in channels)
    painted = _painted_from(space, (first, second, third), alpha)
    if painted is None:
        return None
    red, green, blue = (min(max(channel, 0.0), 1.0) for channel in painted)
    return (red, green, blue, min(max(alpha, 0.0), 1.0))


def _relative_shape(arguments: Sequence[Any]) -> tuple[str, list[Any]] | None:
    """The space (lower-cased, `xyz` as `xyz-d65`) and the four components (the alpha None when
    not given) of `color(from ORIGIN SPACE c1 c2 c3 [/ A])`; None for another shape or space."""
    if len(arguments) not in (6, 8) or arguments[0].type != "ident" or arguments[0].lower_value != "from" or arguments[2].type != "ident":
        return None
    if len(arguments) == 8 and (arguments[6].type != "literal" or arguments[6].value != "/"):
        return None
    space = _SPACE_NAMES.get(arguments[2].lower_value, arguments[2].lower_value)
    if space != "srgb" and space not in _RGB_SPACES and space not in ("xyz-d50", "xyz-d65"):
        return None
    return space, [*arguments[3:6], arguments[7] if len(arguments) == 8 else None]


def _painted_from(space: str, channels: tuple[float, float, float], alpha: float) -> Sequence[float] | None:
    """The sRGB channels (unclipped for sRGB itself) of a colour of one of `color()`'s spaces."""
    if space == "srgb":
        return channels
    from tinycss2.color4 import Color

    return srgb_of(Color(space, channels, alpha))


# `color()`'s spaces by another name: `xyz` is `xyz-d65`.
_SPACE_NAMES = {"xyz": "xyz-d65"}


def _from_srgb(space: str, channels: Sequence[float]) -> tuple[float, float, float]:
    """An sRGB colour's channels (0–1) in another space of `color()` (`_RGB_SPACES`, `xyz-d50`,
    `xyz-d65`): the inverse of `srgb_of`'s conversion, without clipping."""
    if space == "srgb":
        return (channels[0], channels[1], channels[2])
    xyz = _times(_LINEAR_SRGB_TO_XYZ_D65, [_srgb_linear(c) for c in channels])
    if space in ("xyz-d50", "prophoto-rgb"):
        xyz = _times(_inverse(_D50_TO_D65), xyz)
    if space.startswith("xyz"):
        return xyz
    _, matrix = _RGB_SPACES[space]
    encode = _RGB_ENCODINGS[space]
    first, second, third = (encode(c) for c in _times(_inverse(matrix), xyz))
    return (first, second, third)


def _inverse(matrix: Matrix) -> Matrix:
    """A 3×3 matrix's inverse (by its adjugate)."""
    (a, b, c), (d, e, f), (g, h, i) = matrix
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return (
        ((e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det),
        ((f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det),
        ((d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det),
    )


# Colour spaces to sRGB (CSS Color 4, 18 "Sample code for color conversions"): each predefined
# RGB space's transfer function and its linear-light matrix to CIE XYZ (D65, or D50 for
# ProPhoto), the Bradford adaptation from D50 to D65, and XYZ (D65) to linear-light sRGB.
# tinycss2 converts Lab and LCH to XYZ (D50) and Oklab and OkLCh to XYZ (D65).
Matrix = tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]]

_XYZ_D65_TO_LINEAR_SRGB: Matrix = (
    (12831 / 3959, -329 / 214, -1974 / 3959),
    (-851781 / 878810, 1648619 / 878810, 36519 / 878810),
    (705 / 12673, -2585 / 12673, 705 / 667),
)
_D50_TO_D65: Matrix = (
    (0.955473421488075, -0.02309845494876471, 0.06325924320057072),
    (-0.0283697093338637, 1.0099953980813041, 0.021041441191917323),
    (0.012314014864481998, -0.020507649298898964, 1.330365926242124),
)
_LINEAR_SRGB_TO_XYZ_D65: Matrix = (
    (506752 / 1228815, 87881 / 245763, 12673 / 70218),
    (87098 / 409605, 175762 / 245763, 12673 / 175545),
    (7918 / 409605, 87881 / 737289, 1001167 / 1053270),
)
_LINEAR_P3_TO_XYZ_D65: Matrix = (
    (608311 / 1250200, 189793 / 714400, 198249 / 1000160),
    (35783 / 156275, 247089 / 357200, 198249 / 2500400),
    (0.0, 32229 / 714400, 5220557 / 5000800),
)
_LINEAR_A98_TO_XYZ_D65: Matrix = (
    (573536 / 994567, 263643 / 1420810, 187206 / 994567),
    (591459 / 1989134, 6239551 / 9945670, 374412 / 4972835),
    (53769 / 1989134, 351524 / 4972835, 4929758 / 4972835),
)
_LINEAR_REC2020_TO_XYZ_D65: Matrix = (
    (63426534 / 99577255, 20160776 / 139408157, 47086771 / 278816314),
    (26158966 / 99577255, 472592308 / 697040785, 8267143 / 139408157),
    (0.0, 19567812 / 697040785, 295819943 / 278816314),
)
_LINEAR_PROPHOTO_TO_XYZ_D50: Matrix = (
    (0.7977666449006423, 0.13518129740053308, 0.0313477341283922),
    (0.2880748288194013, 0.711835234241873, 0.00008993693872564),
    (0.0, 0.0, 0.8251046025104602),
)
# CIE XYZ (D65) to Oklab's LMS, and its cube roots to Oklab (CSS Color 4, 18).
_XYZ_D65_TO_LMS: Matrix = (
    (0.8190224379967030, 0.3619062600528904, -0.1288737815209879),
    (0.0329836539323885, 0.9292868615863434, 0.0361446663506424),
    (0.0481771893596242, 0.2642395317527308, 0.6335478284694309),
)
_LMS_TO_OKLAB: Matrix = (
    (0.2104542683093140, 0.7936177747023054, -0.0040720430116193),
    (1.9779985324311684, -2.4285922420485799, 0.4505937096174110),
    (0.0259040424655478, 0.7827717124575296, -0.8086757660095180),
)
_REC2020_ALPHA = 1.09929682680944
_REC2020_BETA = 0.018053968510807


def _times(matrix: Matrix, vector: Sequence[float]) -> tuple[float, float, float]:
    first, second, third = (row[0] * vector[0] + row[1] * vector[1] + row[2] * vector[2] for row in matrix)
    return (first, second, third)


def _signed(value: float, power: float) -> float:
    return math.copysign(abs(value) ** power, value)


def _srgb_linear(value: float) -> float:
    """sRGB's (and Display P3's) transfer function, undone: the linear-light value of a channel."""
    return value / 12.92 if abs(value) <= 0.04045 else math.copysign(((abs(value) + 0.055) / 1.055) ** 2.4, value)


def _srgb_gamma(value: float) -> float:
    """sRGB's transfer function: a channel's value from its linear-light one."""
    return 12.92 * value if abs(value) <= 0.0031308 else math.copysign(1.055 * abs(value) ** (1 / 2.4) - 0.055, value)


def _a98_linear(value: float) -> float:
    return _signed(value, 563 / 256)


def _prophoto_linear(value: float) -> float:
    return value / 16 if abs(value) <= 16 / 512 else _signed(value, 1.8)


def _rec2020_linear(value: float) -> float:
    if abs(value) < _REC2020_BETA * 4.5:
        return value / 4.5
    return math.copysign(((abs(value) + _REC2020_ALPHA - 1) / _REC2020_ALPHA) ** (1 / 0.45), value)


# Each RGB space of `color()` but sRGB: its transfer function undone, and its matrix to XYZ (D65;
# ProPhoto's is to XYZ D50).
_RGB_SPACES: dict[str, tuple[Callable[[float], float], Matrix]] = {
    "srgb-linear": (float, _LINEAR_SRGB_TO_XYZ_D65),
    "display-p3": (_srgb_linear, _LINEAR_P3_TO_XYZ_D65),
    "a98-rgb": (_a98_linear, _LINEAR_A98_TO_XYZ_D65),
    "rec2020": (_rec2020_linear, _LINEAR_REC2020_TO_XYZ_D65),
    "prophoto-rgb": (_prophoto_linear, _LINEAR_PROPHOTO_TO_XYZ_D50),
}


def _rec2020_gamma(value: float) -> float:
    if abs(value) < _REC2020_BETA:
        return value * 4.5
    return math.copysign(_REC2020_ALPHA * abs(value) ** 0.45 - (_REC2020_ALPHA - 1), value)


# Each RGB space's transfer function: a channel's value from its linear-light one.
_RGB_ENCODINGS: dict[str, Callable[[float], float]] = {
    "srgb-linear": float,
    "display-p3": _srgb_gamma,
    "a98-rgb": lambda value: _signed(value, 256 / 563),
    "rec2020": _rec2020_gamma,
    "prophoto-rgb": lambda value: value * 16 if abs(value) <= 1 / 512 else _signed(value, 1 / 1.8),
}


def srgb_of(parsed: Any) -> tuple[float, float, float] | None:
    """The sRGB channels (0–1, each clipped into the gamut as Chromium paints them) of a colour
    tinycss2's `parse_color` read in another space of CSS Color 4: `lab()`, `lch()`, `oklab()`,
    `oklch()`, or `color()` in `srgb-linear`, `display-p3`, `a98-rgb`, `rec2020`,
    `prophoto-rgb`, `xyz`, `xyz-d50` or `xyz-d65` (a missing channel, `none`, counts as 0, as
    CSS Color 4, 4.4 says for a colour that is painted). None for any other space."""
    space = parsed.space
    coordinates = tuple(c or 0.0 for c in parsed.coordinates)
    try:
        if space in _LIGHTNESS_RANGES:
            # The lightness is clamped to its range and the chroma to 0 and up (CSS Color 4, 9.3 and 9.4).
            lightness = min(max(coordinates[0], 0.0), _LIGHTNESS_RANGES[space])
            second = max(coordinates[1], 0.0) if space in ("lch", "oklch") else coordinates[1]
            converted = type(parsed)(space, (lightness, second, coordinates[2]), parsed.alpha).to("xyz-d50" if space in ("lab", "lch") else "xyz-d65")
            xyz, d50 = converted.coordinates, space in ("lab", "lch")
        elif space in ("xyz-d50", "xyz-d65"):
            xyz, d50 = coordinates, space == "xyz-d50"
        elif space in _RGB_SPACES:
            linear, matrix = _RGB_SPACES[space]
            xyz, d50 = _times(matrix, [linear(c) for c in coordinates]), space == "prophoto-rgb"
        else:
            return None
        if d50:
            xyz = _times(_D50_TO_D65, xyz)
        red, green, blue = (_srgb_gamma(c) for c in _times(_XYZ_D65_TO_LINEAR_SRGB, xyz))
    except (OverflowError, ValueError, ZeroDivisionError):
        return None  # numbers too large to convert: not worked out
    if not all(math.isfinite(c) for c in (red, green, blue)):
        return None
    return (min(max(red, 0.0), 1.0), min(max(green, 0.0), 1.0), min(max(blue, 0.0), 1.0))


# The largest lightness of each space with one (Lab's and LCH's in percent, Oklab's as a fraction).
_LIGHTNESS_RANGES = {"lab": 100.0, "lch": 100.0, "oklab": 1.0, "oklch": 1.0}


# The spaces of `color-mix()` in which two colours mix as their linear-light sRGB channels do
# (XYZ is a linear map of linear-light sRGB, so mixing in one is mixing in the other).
_LINEAR_LIGHT_SPACES = frozenset({"srgb-linear", "xyz", "xyz-d50", "xyz-d65"})


def mix(space: str | None, first: Colour, second: Colour, second_share: float) -> Colour | None:
    """Two colours mixed in `space` (`color-mix()`'s interpolation space, lower-cased; CSS Color
    5, 2.1: premultiplied by their alphas), `second_share` (0–1) of the second: in `srgb`, or
    in a linear-light space (`_LINEAR_LIGHT_SPACES`), in `lab` or `oklab`. None in any other
    space (a polar one's hue), whose mixing the checker does not work out."""
    if space in ("lab", "oklab"):
        return _mixed_in_lab_like(space, first, second, second_share)
    if space == "srgb":
        encode: Callable[[float], float] = float
        decode: Callable[[float], float] = float
    elif space in _LINEAR_LIGHT_SPACES:
        encode, decode = _srgb_linear, _srgb_gamma
    else:
        return None
    weight1, weight2 = first[3] * (1 - second_share), second[3] * second_share
    alpha = weight1 + weight2
    if alpha == 0:
        return (0.0, 0.0, 0.0, 0.0)
    red, green, blue = (
        min(max(decode((encode(one) * weight1 + encode(other) * weight2) / alpha), 0.0), 1.0) for one, other in zip(first[:3], second[:3], strict=True)
    )
    return (red, green, blue, alpha)


def _mixed_in_lab_like(space: str, first: Colour, second: Colour, second_share: float) -> Colour | None:
    """`mix` in Lab or Oklab: each colour's channels there, premultiplied by its alpha, mixed,
    then painted in sRGB (None: not converted)."""
    from tinycss2.color4 import Color

    weight1, weight2 = first[3] * (1 - second_share), second[3] * second_share
    alpha = weight1 + weight2
    if alpha == 0:
        return (0.0, 0.0, 0.0, 0.0)
    one, other = _lab_like_of(space, first[:3]), _lab_like_of(space, second[:3])
    channels = tuple((a * weight1 + b * weight2) / alpha for a, b in zip(one, other, strict=True))
    painted = srgb_of(Color(space, channels, alpha))
    return None if painted is None else (*painted, alpha)
