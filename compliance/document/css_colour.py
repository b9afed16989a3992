"""The colours of CSS Color 4 and 5 that tinycss2 does not read, as Chromium paints them: system
colours (`Canvas`, `CanvasText`, `Field`, `ButtonFace`…), `light-dark()` and relative colours
(`rgb(from white r g b)`, `hsl(from #333 h s calc(l + 80))`, `hwb(from …)`).

A colour is (red, green, blue, alpha), each in 0–1 (sRGB), as `css.colour` gives it. The
functions here take the reader of a colour token (`css.colour`) and of a math function
(`css.math_quantity`) as arguments, so that this module needs nothing of `css`; each returns None
for what it cannot be sure of.
"""

from __future__ import annotations

import colorsys
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
CHANNELS = {"rgb": ("r", "g", "b"), "rgba": ("r", "g", "b"), "hsl": ("h", "s", "l"), "hsla": ("h", "s", "l"), "hwb": ("h", "w", "b")}
# What 100% of a component is, in its own numbers: 255 for `rgb()`'s channels, 100 for the others
# (`b` is blue in `rgb()`, blackness in `hwb()`), 1 for the alpha; a hue takes no percentage.
_PERCENT_OF = {"rgb": 255.0, "rgba": 255.0, "hsl": 100.0, "hsla": 100.0, "hwb": 100.0}


def relative(function: Any, arguments: Sequence[Any], read: ColourReader, work_out: MathReader) -> Colour | None:
    """The colour of a relative colour function (`rgb()`, `hsl()` or `hwb()` with `from`: CSS
    Color 5, 4), `arguments` its component values without whitespace: `from ORIGIN c1 c2 c3 [/ A]`,
    each component a channel keyword of the origin, a number, a percentage, a hue's angle, `none`
    or a math function of those. None for another function, an origin not read here
    (`currentcolor`), or a component not worked out."""
    name = function.lower_name
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
    hundred = [_PERCENT_OF[name]] * 3 + [1.0]
    channels = [_component(token, keyword, values, work_out, per) for token, keyword, per in zip(components, (*keywords, "alpha"), hundred, strict=True)]
    if any(channel is None for channel in channels):
        return None
    first, second, third, alpha = (channel or 0.0 for channel in channels)
    red, green, blue = (min(max(channel, 0.0), 1.0) for channel in _to_rgb(name, first, second, third))
    return (red, green, blue, min(max(alpha, 0.0), 1.0))


def _origin_channels(name: str, origin: Colour) -> tuple[float, float, float]:
    """The origin colour's channels in the function's own numbers: r g b in 0–255, h in degrees,
    s l w b in 0–100."""
    red, green, blue = origin[:3]
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


def _to_rgb(name: str, first: float, second: float, third: float) -> tuple[float, float, float]:
    """The sRGB channels (0–1) of `rgb(r g b)`, `hsl(h s l)` or `hwb(h w b)` in their own numbers."""
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
