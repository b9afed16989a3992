"""Which values a browser takes for the properties that place, size, clip, transform and colour a
box: a declaration whose value the property does not take is dropped, and the one it would have
overridden applies (CSS Syntax 3, 5.4.5; CSS Cascade 4, 4.1). So `position: absolute; left:
-9999px; left: banana` leaves the box off-screen, and `transform: scale(0); transform:
scale(1) banana` leaves it at scale 0.

Each property's grammar here is the shape of its values, as Chromium takes them (measured: the
browser test compares every example in the tests with Chromium's own reading), not every rule of
its specification: the keywords it takes, whether it takes lengths, percentages, angles or plain
numbers, the functions it takes and how many components a value has. The arguments of transform
and colour functions are judged, and math functions (`calc()`, `min()`…) must be well-formed sums,
though their types are not checked against the property's; the `font` shorthand needs a size and
a family (`_refused_font`). A value the grammar cannot judge is taken: a `var()` (judged once
filled in), `env()` or `attr()`, a CSS-wide keyword, the arguments of shape and filter functions,
and the values of the properties with no grammar here. What a page in quirks mode takes is taken,
whatever the page's mode: a unitless number where a length is, for the properties of the
unitless-length quirk (`width: 100` is 100px), and a hex colour without its `#` (`color: FFFFFF`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

# CSS Values 4 (6.1, 6.2, and the container and viewport units): every unit of a <length>.
LENGTH_UNITS = frozenset(
    """px cm mm q in pt pc em rem ex rex cap rcap ch rch ic ric lh rlh vw vh vi vb vmin vmax svw svh svi svb svmin svmax
    lvw lvh lvi lvb lvmin lvmax dvw dvh dvi dvb dvmin dvmax cqw cqh cqi cqb cqmin cqmax""".split()
)
ANGLE_UNITS = frozenset({"deg", "grad", "rad", "turn"})
# Functions filled in at computed-value time, whatever the property: a value with one is judged
# once filled in (`var()`), or not at all.
SUBSTITUTIONS = frozenset({"var", "env", "attr"})
# The math functions of CSS Values 4, taken wherever a number, length, percentage or angle is
# when well formed (`well_formed_math`); their types are not checked against the property's.
MATH_FUNCTIONS = frozenset("calc -webkit-calc min max clamp round mod rem abs sign sin cos tan asin acos atan atan2 pow sqrt hypot log exp".split())
# What a math function's operand may be besides a number: its constants, and `round()`'s strategies.
_MATH_KEYWORDS = frozenset({"e", "pi", "infinity", "-infinity", "nan", "nearest", "up", "down", "to-zero"})
# Functions only some properties take (CSS Box Sizing 4, CSS Anchor Positioning 1), not judged inside.
_SIZE_FUNCTIONS = frozenset({"calc-size", "anchor-size"})
_OFFSET_FUNCTIONS = frozenset({"anchor", "anchor-size"})
_CSS_WIDE = frozenset({"initial", "inherit", "unset", "revert", "revert-layer"})
_SIZE_KEYWORDS = frozenset(
    {"min-content", "max-content", "fit-content", "-webkit-fit-content", "-webkit-min-content", "-webkit-max-content", "-webkit-fill-available", "stretch"}
)
_TRANSFORM_FUNCTIONS = frozenset(
    """matrix matrix3d translate translatex translatey translatez translate3d scale scalex scaley scalez scale3d rotate
    rotatex rotatey rotatez rotate3d skew skewx skewy perspective""".split()
)
_SHAPE_FUNCTIONS = frozenset({"inset", "circle", "ellipse", "polygon", "path", "rect", "xywh", "shape"})
_GEOMETRY_BOXES = frozenset({"border-box", "padding-box", "content-box", "margin-box", "fill-box", "stroke-box", "view-box"})
_FILTER_FUNCTIONS = frozenset({"blur", "brightness", "contrast", "drop-shadow", "grayscale", "hue-rotate", "invert", "opacity", "saturate", "sepia"})
# Colour functions (CSS Color 4 and 5; the arguments of CSS Color 4's are judged by
# `_takes_colour_function`), and the colour keywords tinycss2's colour parser does not know: the
# system colours (CSS Color 4, 6.2, and the deprecated ones of 6.3) and WebKit's own.
_COLOUR_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "color-mix", "light-dark", "contrast-color"})
_SYSTEM_COLOURS = frozenset(
    """accentcolor accentcolortext activetext buttonborder buttonface buttontext canvas canvastext field fieldtext graytext
    highlight highlighttext linktext mark marktext selecteditem selecteditemtext visitedtext activeborder activecaption
    appworkspace background buttonhighlight buttonshadow captiontext inactiveborder inactivecaption inactivecaptiontext
    infobackground infotext menu menutext scrollbar threeddarkshadow threedface threedhighlight threedlightshadow
    threedshadow window windowframe windowtext -webkit-link -webkit-activelink -webkit-focus-ring-color""".split()
)


class Grammar(NamedTuple):
    """The shape of a property's values: `alone`, keywords that are the whole value (`none`,
    `auto`); `keywords`, those that may stand beside other components; whether a component may
    be a length (`lengths`: a length unit, or a zero; any number under the unitless-length quirk
    when `quirk`), a percentage, an angle, a number or a colour; the functions taken (`functions`,
    with `url` for a URL), and at most how many components (`most`). `negative`: whether a
    negative number, length or percentage is taken; `needs_amount`: whether exactly one component
    is other than a keyword; `refused_counts`: numbers of components no value has."""

    alone: frozenset[str] = frozenset()
    keywords: frozenset[str] = frozenset()
    lengths: bool = False
    quirk: bool = False
    percentages: bool = False
    angles: bool = False
    numbers: bool = False
    colour: bool = False
    functions: frozenset[str] = frozenset()
    most: int = 1
    negative: bool = True
    # Whether a value of keywords alone is refused: `text-indent: hanging` indents by nothing.
    needs_amount: bool = False
    # The numbers of components a value may not have (`object-position` has no 3-value form).
    refused_counts: frozenset[int] = frozenset()


def _size(*alone: str) -> Grammar:
    return Grammar(alone=frozenset(alone) | _SIZE_KEYWORDS, lengths=True, quirk=True, percentages=True, functions=_SIZE_FUNCTIONS, negative=False)


_OFFSET = Grammar(alone=frozenset({"auto"}), lengths=True, quirk=True, percentages=True, functions=_OFFSET_FUNCTIONS)
_MARGIN = Grammar(keywords=frozenset({"auto"}), lengths=True, quirk=True, percentages=True, functions=frozenset({"anchor-size"}))
_PADDING = Grammar(lengths=True, quirk=True, percentages=True, negative=False)
_OVERFLOW = frozenset({"visible", "hidden", "clip", "scroll", "auto", "overlay"})
_COLOUR = Grammar(colour=True)

GRAMMARS: dict[str, Grammar] = {
    "position": Grammar(alone=frozenset({"static", "relative", "absolute", "fixed", "sticky"})),
    "left": _OFFSET,
    "top": _OFFSET,
    "right": _OFFSET,
    "bottom": _OFFSET,
    "inset": _OFFSET._replace(alone=frozenset(), keywords=frozenset({"auto"}), most=4),
    "width": _size("auto"),
    "height": _size("auto"),
    "min-width": _size("auto"),
    "min-height": _size("auto"),
    "max-width": _size("none"),
    "max-height": _size("none"),
    "overflow": Grammar(keywords=_OVERFLOW, most=2),
    "overflow-x": Grammar(alone=_OVERFLOW),
    "overflow-y": Grammar(alone=_OVERFLOW),
    "font-size": Grammar(
        alone=frozenset("xx-small x-small small medium large x-large xx-large xxx-large -webkit-xxx-large smaller larger math".split()),
        lengths=True,
        quirk=True,
        percentages=True,
        negative=False,
    ),
    "transform": Grammar(alone=frozenset({"none"}), functions=_TRANSFORM_FUNCTIONS, most=64),
    "clip-path": Grammar(alone=frozenset({"none"}), keywords=_GEOMETRY_BOXES, functions=_SHAPE_FUNCTIONS | {"url"}, most=2),
    "clip": Grammar(alone=frozenset({"auto"}), functions=frozenset({"rect"})),
    "scale": Grammar(alone=frozenset({"none"}), numbers=True, percentages=True, most=3),
    "translate": Grammar(alone=frozenset({"none"}), lengths=True, percentages=True, most=3),
    "rotate": Grammar(alone=frozenset({"none"}), keywords=frozenset({"x", "y", "z"}), angles=True, numbers=True, most=4),
    "margin-left": _MARGIN,
    "margin-top": _MARGIN,
    "margin-right": _MARGIN,
    "margin": _MARGIN._replace(most=4),
    "padding-left": _PADDING,
    "padding-right": _PADDING,
    "padding-top": _PADDING,
    "padding-bottom": _PADDING,
    "padding": _PADDING._replace(most=4),
    "text-indent": Grammar(keywords=frozenset({"hanging", "each-line"}), lengths=True, quirk=True, percentages=True, most=3, needs_amount=True),
    "text-align": Grammar(alone=frozenset("start end left right center justify -webkit-left -webkit-right -webkit-center".split())),
    "text-align-last": Grammar(alone=frozenset("auto start end left right center justify".split())),
    "direction": Grammar(alone=frozenset({"ltr", "rtl"})),
    "letter-spacing": Grammar(alone=frozenset({"normal"}), lengths=True, quirk=True, percentages=True),
    "word-spacing": Grammar(alone=frozenset({"normal"}), lengths=True, quirk=True, percentages=True),
    "zoom": Grammar(alone=frozenset({"normal"}), numbers=True, percentages=True, negative=False),
    "perspective": Grammar(alone=frozenset({"none"}), lengths=True, negative=False),
    "white-space": Grammar(
        keywords=frozenset("normal pre nowrap pre-wrap pre-line break-spaces collapse preserve preserve-breaks preserve-spaces wrap".split()), most=2
    ),
    "object-position": Grammar(
        keywords=frozenset({"left", "right", "top", "bottom", "center"}), lengths=True, percentages=True, most=4, refused_counts=frozenset({3})
    ),
    "content-visibility": Grammar(alone=frozenset({"visible", "hidden", "auto"})),
    "float": Grammar(alone=frozenset({"left", "right", "none", "inline-start", "inline-end"})),
    "writing-mode": Grammar(alone=frozenset("horizontal-tb vertical-rl vertical-lr sideways-rl sideways-lr lr lr-tb rl rl-tb tb tb-rl".split())),
    "-webkit-line-clamp": Grammar(alone=frozenset({"none"}), numbers=True, negative=False),
    "column-count": Grammar(alone=frozenset({"auto"}), numbers=True, negative=False),
    "filter": Grammar(alone=frozenset({"none"}), functions=_FILTER_FUNCTIONS | {"url"}, most=64),
    "color": _COLOUR,
    "background-color": _COLOUR,
    "-webkit-text-fill-color": _COLOUR,
}
# The flow-relative properties (CSS Logical Properties 1) whose physical properties are read here,
# with the physical property each sets in horizontal, left-to-right text (the initial
# `writing-mode` and `direction`, in which the sides read here are read); a shorthand sets its
# start side and then its end side (None where that is not read here). A start side far off the
# screen is as far off it in right-to-left or vertical text, on another side.
FLOW_RELATIVE_LONGHANDS: dict[str, str] = {
    "margin-inline-start": "margin-left",
    "margin-inline-end": "margin-right",
    "margin-block-start": "margin-top",
    "inset-inline-start": "left",
    "inset-inline-end": "right",
    "inset-block-start": "top",
    "inset-block-end": "bottom",
    "padding-inline-start": "padding-left",
    "padding-inline-end": "padding-right",
    "padding-block-start": "padding-top",
    "padding-block-end": "padding-bottom",
    "inline-size": "width",
    "block-size": "height",
    "min-inline-size": "min-width",
    "min-block-size": "min-height",
    "max-inline-size": "max-width",
    "max-block-size": "max-height",
}
FLOW_RELATIVE_SHORTHANDS: dict[str, tuple[str, str | None]] = {
    "margin-inline": ("margin-left", "margin-right"),
    "margin-block": ("margin-top", None),
    "inset-inline": ("left", "right"),
    "inset-block": ("top", "bottom"),
    "padding-inline": ("padding-left", "padding-right"),
    "padding-block": ("padding-top", "padding-bottom"),
}
# They take their physical properties' values, but not under the unitless-length quirk, which
# names physical properties only (Quirks Mode, 3.3); a shorthand takes one or two of its
# longhands' values (`margin-inline: auto -9999px`).
GRAMMARS.update({name: GRAMMARS[physical]._replace(quirk=False) for name, physical in FLOW_RELATIVE_LONGHANDS.items()})
GRAMMARS.update(
    {
        name: GRAMMARS[start]._replace(quirk=False, alone=frozenset(), keywords=GRAMMARS[start].keywords | GRAMMARS[start].alone, most=2)
        for name, (start, _) in FLOW_RELATIVE_SHORTHANDS.items()
    }
)
# Counts that must be whole and at least 1: a line clamp, a column count.
_POSITIVE_COUNTS = frozenset({"-webkit-line-clamp", "column-count"})


def refuses(name: str, values: Sequence[Any]) -> bool:
    """True when a browser drops `name: values` because the property does not take the value
    (`values`: tinycss2 component values, whitespace and comments removed). False for a value it
    takes or that cannot be judged here (see the module's docstring), and for a property with no
    grammar here."""
    if any(token.type == "function" and token.lower_name in SUBSTITUTIONS for token in values):
        return False  # judged once filled in
    keyword = values[0].lower_value if len(values) == 1 and values[0].type == "ident" else None
    if keyword in _CSS_WIDE:
        return False
    if name == "font":
        return keyword not in _SYSTEM_FONTS and _refused_font(values)
    if name in _LISTS:
        return _LISTS[name](values)
    grammar = GRAMMARS.get(name)
    if grammar is None or keyword in grammar.alone:
        return False
    if name in _POSITIVE_COUNTS:
        return len(values) != 1 or (not _math(values[0]) and (values[0].type != "number" or not values[0].is_integer or values[0].value < 1))
    return not _of_its_shape(grammar, values) or not all(_takes(grammar, token) for token in values)


def _of_its_shape(grammar: Grammar, values: Sequence[Any]) -> bool:
    """Whether a value has as many components as the property takes, and as many amounts."""
    if not values or len(values) > grammar.most or len(values) in grammar.refused_counts:
        return False
    # One amount: `text-indent: hanging` and `text-indent: 0 0` are none.
    return not grammar.needs_amount or sum(token.type != "ident" for token in values) == 1


# The `font` shorthand (CSS Fonts 4, 2.8): a system font alone, or optional style, variant,
# weight and stretch, then a size, maybe `/` and a line height, then one or more families.
_SYSTEM_FONTS = frozenset("caption icon menu message-box small-caption status-bar -webkit-small-control -webkit-mini-control -webkit-control".split())
_FONT_SIZE = GRAMMARS["font-size"]


def _refused_font(values: Sequence[Any]) -> bool:
    """Whether a browser drops a `font` shorthand that is no system font: one with no size, or no
    family after it (`font: 16px`, `font: bold`), or a line height that is no number, length or
    percentage."""
    size = next((index for index, token in enumerate(values) if _is_font_size(token)), None)
    if size is None:
        return True
    rest = list(values[size + 1 :])
    if rest and rest[0].type == "literal" and rest[0].value == "/":
        if len(rest) < 2 or not _is_line_height(rest[1]):
            return True
        rest = rest[2:]
    # Families, comma-separated: each a string or one or more words, none empty.
    families = split_at_commas(rest)
    return not rest or any(not family or not all(token.type in ("ident", "string") for token in family) for family in families)


def font_size_and_line_height(values: Sequence[Any]) -> tuple[Any, Any | None] | None:
    """The font size and the line height a `font` shorthand sets (CSS Fonts 4, 2.8: the first
    size after the optional style, variant, weight and stretch, then `/` and a line height, else
    the line height's initial `normal`, given as None), as tinycss2 components; None for a system
    font, a value a `var()` fills in, or one a browser drops (`refuses`)."""
    if any(token.type == "function" and token.lower_name in SUBSTITUTIONS for token in values):
        return None
    if refuses("font", values) or (len(values) == 1 and values[0].type == "ident"):
        return None  # dropped, a system font or a CSS-wide keyword
    size = next(index for index, token in enumerate(values) if _is_font_size(token))
    rest = values[size + 1 : size + 3]
    slashed = len(rest) == 2 and rest[0].type == "literal" and rest[0].value == "/"
    return values[size], rest[1] if slashed else None


# Images, as a mask layer takes one (CSS Images 3 and 4, CSS Masking 1, and the `-webkit-`
# gradients and image sets Chromium keeps): a URL, or one of these functions.
_IMAGE_FUNCTIONS = frozenset(
    """linear-gradient radial-gradient conic-gradient repeating-linear-gradient repeating-radial-gradient
    repeating-conic-gradient -webkit-linear-gradient -webkit-radial-gradient -webkit-repeating-linear-gradient
    -webkit-repeating-radial-gradient -webkit-gradient image-set -webkit-image-set cross-fade -webkit-cross-fade paint""".split()
)


def _refused_mask_image(values: Sequence[Any]) -> bool:
    """Whether a browser drops a `mask-image` (CSS Masking 1, 7.2): one that is not comma-separated
    layers, each `none` or one image (`mask-image: bogus`, `url(a) url(b)`). An image function's
    arguments are not judged."""
    return any(len(layer) != 1 or not _none_or_image(layer[0]) for layer in split_at_commas(values))


def _none_or_image(token: Any) -> bool:
    if token.type == "ident":
        return bool(token.lower_value == "none")
    return token.type == "url" or (token.type == "function" and (token.lower_name == "url" or token.lower_name in _IMAGE_FUNCTIONS))


def _refused_text_shadow(values: Sequence[Any]) -> bool:
    """Whether a browser drops a `text-shadow` (CSS Text Decoration 3, 4): one that is not `none`
    nor comma-separated shadows, each two or three lengths in a row (offsets, then a blur that is
    not negative) with at most one colour, before or after them (`text-shadow: 1px`, `1px red
    1px`, `1px 1px -1px red`)."""
    if len(values) == 1 and values[0].type == "ident" and values[0].lower_value == "none":
        return False
    return any(_refused_shadow(shadow) for shadow in split_at_commas(values))


def _refused_shadow(shadow: Sequence[Any]) -> bool:
    lengths = list(shadow)
    if lengths and _is_colour(lengths[0]):
        lengths = lengths[1:]
    elif lengths and _is_colour(lengths[-1]):
        lengths = lengths[:-1]
    if not 2 <= len(lengths) <= 3 or not all(_is_shadow_length(token) for token in lengths):
        return True
    return len(lengths) == 3 and lengths[2].type in ("number", "dimension") and lengths[2].value < 0


def _is_shadow_length(token: Any) -> bool:
    return (token.type == "dimension" and token.lower_unit in LENGTH_UNITS) or (token.type == "number" and token.value == 0) or _math(token)


def _is_colour(token: Any) -> bool:
    """Whether one component is a colour, as a colour property takes one, but for the hex colour
    without its `#`: that is a quirk of a few properties only, not taken here."""
    return _takes(_COLOUR, token) and not _hashless_colour(token)


# The properties whose values are comma-separated lists, each judged by its own reading.
_LISTS: dict[str, Callable[[Sequence[Any]], bool]] = {"mask-image": _refused_mask_image, "text-shadow": _refused_text_shadow}


def _is_font_size(token: Any) -> bool:
    if token.type == "ident":
        return token.lower_value in _FONT_SIZE.alone
    if token.type == "number":
        return bool(token.value == 0)
    return (token.type in ("dimension", "percentage") and _takes(_FONT_SIZE, token)) or _math(token)


def _is_line_height(token: Any) -> bool:
    if token.type == "ident":
        return bool(token.lower_value == "normal")
    return token.type in ("number", "percentage") or (token.type == "dimension" and token.lower_unit in LENGTH_UNITS) or _math(token)


def _takes(grammar: Grammar, token: Any) -> bool:
    """Whether one component of a value of several (or the only one) is of a kind the property takes."""
    if grammar.colour and _hashless_colour(token):
        return True
    if token.type in ("number", "dimension", "percentage") and not grammar.negative and token.value < 0:
        return False
    judge = _JUDGES.get(token.type)
    return judge is not None and judge(grammar, token)


def _takes_ident(grammar: Grammar, token: Any) -> bool:
    return token.lower_value in grammar.keywords or (grammar.colour and _colour_keyword(token))


def _takes_number(grammar: Grammar, token: Any) -> bool:
    return grammar.numbers or (grammar.lengths and (token.value == 0 or grammar.quirk))


def _takes_dimension(grammar: Grammar, token: Any) -> bool:
    unit = token.lower_unit
    return (grammar.lengths and unit in LENGTH_UNITS) or (grammar.angles and unit in ANGLE_UNITS)


def _takes_function(grammar: Grammar, token: Any) -> bool:
    name = token.lower_name
    if name in MATH_FUNCTIONS:
        return (grammar.lengths or grammar.percentages or grammar.numbers or grammar.angles) and well_formed_math(token)
    if name in grammar.functions:
        return name not in _TRANSFORM_ARGUMENTS or _takes_arguments(token, *_TRANSFORM_ARGUMENTS[name])
    return grammar.colour and name in _COLOUR_FUNCTIONS and _takes_colour_function(token)


# The arguments of each transform function (CSS Transforms 1 and 2): how many, comma-separated,
# and of which kind (`_ARGUMENT_KINDS`). `rotate3d()`'s three numbers and an angle are not judged.
_TRANSFORM_ARGUMENTS: dict[str, tuple[tuple[int, ...], str]] = {
    "matrix": ((6,), "number"),
    "matrix3d": ((16,), "number"),
    "translate": ((1, 2), "length-percentage"),
    "translatex": ((1,), "length-percentage"),
    "translatey": ((1,), "length-percentage"),
    "translatez": ((1,), "length"),
    "translate3d": ((3,), "length-percentage"),
    "scale": ((1, 2), "number-percentage"),
    "scalex": ((1,), "number-percentage"),
    "scaley": ((1,), "number-percentage"),
    "scalez": ((1,), "number-percentage"),
    "scale3d": ((3,), "number-percentage"),
    "rotate": ((1,), "angle"),
    "rotatex": ((1,), "angle"),
    "rotatey": ((1,), "angle"),
    "rotatez": ((1,), "angle"),
    "rotate3d": ((4,), "any"),
    "skew": ((1, 2), "angle"),
    "skewx": ((1,), "angle"),
    "skewy": ((1,), "angle"),
    "perspective": ((1,), "length-or-none"),
}


def _is_length(token: Any) -> bool:
    return (token.type == "dimension" and token.lower_unit in LENGTH_UNITS) or (token.type == "number" and token.value == 0)


# A zero with no unit is a length and an angle in a transform function (CSS Transforms 1, 12).
_ARGUMENT_KINDS: dict[str, Callable[[Any], bool]] = {
    "number": lambda t: t.type == "number",
    "number-percentage": lambda t: t.type in ("number", "percentage"),
    "length-percentage": lambda t: t.type == "percentage" or _is_length(t),
    "length": _is_length,
    "angle": lambda t: (t.type == "dimension" and t.lower_unit in ANGLE_UNITS) or (t.type == "number" and t.value == 0),
    "length-or-none": lambda t: _is_length(t) or (t.type == "ident" and t.lower_value == "none"),
    "any": lambda t: True,
}


def _takes_arguments(function: Any, counts: tuple[int, ...], kind: str) -> bool:
    """Whether a function's comma-separated arguments are as many and of the kind it takes; an
    argument of a function of its own (`calc()`, `var()`) is not judged."""
    arguments = [token for token in function.arguments if token.type not in ("whitespace", "comment")]
    if any(token.type == "function" for token in arguments):
        return True
    separators = arguments[1::2]
    values = arguments[0::2]
    if any(token.type != "literal" or token.value != "," for token in separators) or (arguments and arguments[-1].type == "literal"):
        return False
    return len(values) in counts and all(_ARGUMENT_KINDS[kind](token) for token in values)


def _takes_colour_function(function: Any) -> bool:
    """Whether a colour function has the shape CSS Color 4 gives it: in the legacy form
    (`rgb(255, 0, 0, .5)`, for `rgb()` and `hsl()` only) three or four comma-separated numbers,
    all numbers or all percentages for `rgb()`, percentages for `hsl()`'s saturation and
    lightness; in the modern form three components, any mix of numbers, percentages, a hue's
    angle and `none`, then maybe `/` and an alpha (`color()` first names a colour space). One with
    a function or a relative colour (`from`) among its arguments is not judged; nor are the
    functions of CSS Color 5 (`color-mix()`, `light-dark()`)."""
    name = function.lower_name
    arguments = [token for token in function.arguments if token.type not in ("whitespace", "comment")]
    if name not in _COLOUR_SPACES_OF or any(token.type == "function" or (token.type == "ident" and token.lower_value == "from") for token in arguments):
        return True
    if any(token.type == "literal" and token.value == "," for token in arguments):
        return name in ("rgb", "rgba", "hsl", "hsla") and _legacy_colour(name, arguments)
    if name != "color":
        return _modern_colour(arguments)
    space = arguments[0] if arguments else None
    return space is not None and space.type == "ident" and space.lower_value in _COLOUR_SPACES_OF["color"] and _modern_colour(arguments[1:])


def _modern_colour(arguments: list[Any]) -> bool:
    """Three channels, then maybe `/` and an alpha."""
    channels, alpha = (arguments[:-2], arguments[-2:]) if len(arguments) == 5 else (arguments, [])
    if alpha and (alpha[0].type != "literal" or alpha[0].value != "/"):
        return False
    return len(channels) == 3 and all(_modern_channel(token) for token in (*channels, *alpha[1:]))


def _legacy_colour(name: str, arguments: list[Any]) -> bool:
    values, separators = arguments[0::2], arguments[1::2]
    if len(values) not in (3, 4) or any(token.type != "literal" or token.value != "," for token in separators) or len(arguments) % 2 == 0:
        return False
    channels, alpha = values[:3], values[3:]
    if any(token.type not in ("number", "percentage") for token in alpha):
        return False
    if name.startswith("rgb"):
        return len({token.type for token in channels}) == 1 and channels[0].type in ("number", "percentage")
    hue, *rest = channels
    return (hue.type == "number" or (hue.type == "dimension" and hue.lower_unit in ANGLE_UNITS)) and all(token.type == "percentage" for token in rest)


def _modern_channel(token: Any) -> bool:
    if token.type == "ident":
        return bool(token.lower_value == "none")
    return token.type in ("number", "percentage") or (token.type == "dimension" and token.lower_unit in ANGLE_UNITS)


# The colour functions judged here, and for `color()` the colour spaces it names (CSS Color 4, 10).
_COLOUR_SPACES_OF: dict[str, frozenset[str]] = {
    **dict.fromkeys(("rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch"), frozenset()),
    "color": frozenset({"srgb", "srgb-linear", "display-p3", "a98-rgb", "prophoto-rgb", "rec2020", "xyz", "xyz-d50", "xyz-d65"}),
}


def _takes_hash(grammar: Grammar, token: Any) -> bool:
    return grammar.colour and len(token.value) in (3, 4, 6, 8) and all(c in _HEX_DIGITS for c in token.value)


# How each kind of component is judged; a kind not here (a string, a bracket, a delimiter) is
# taken by none of these properties.
_JUDGES: dict[str, Callable[[Grammar, Any], bool]] = {
    "ident": _takes_ident,
    "number": _takes_number,
    "dimension": _takes_dimension,
    "percentage": lambda grammar, _token: grammar.percentages,
    "function": _takes_function,
    "url": lambda grammar, _token: "url" in grammar.functions,
    "hash": _takes_hash,
}


def _math(token: Any) -> bool:
    return token.type == "function" and token.lower_name in MATH_FUNCTIONS and well_formed_math(token)


def well_formed_math(function: Any) -> bool:
    """Whether a math function's arguments are sums a browser reads (CSS Values 4, 10.8): each
    comma-separated argument operands and operators in turn, a `+` or `-` with white space on
    both sides (`calc(1px+1px)` is two numbers side by side, and refused), each operand a
    number, a dimension, a percentage, a constant (`pi`), a bracketed sum or a math function
    (`var()` too); `calc()` takes one argument, and none is empty."""
    groups = split_at_commas(function.arguments)
    if function.lower_name in ("calc", "-webkit-calc") and len(groups) != 1:
        return False
    return all(_well_formed_sum(group) for group in groups)


def split_at_commas(tokens: Sequence[Any]) -> list[list[Any]]:
    """Component values split at their top-level commas, every other token kept as given (a
    selector's whitespace is a combinator; a math sum's is part of its operators)."""
    pieces: list[list[Any]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            pieces.append([])
        else:
            pieces[-1].append(token)
    return pieces


def _well_formed_sum(tokens: Sequence[Any]) -> bool:
    meaningful = [index for index, token in enumerate(tokens) if token.type not in ("whitespace", "comment")]
    if len(meaningful) % 2 == 0:  # empty, or ending with an operator
        return False
    for position, index in enumerate(meaningful):
        token = tokens[index]
        if position % 2 == 0:
            if not _math_operand(token):
                return False
        elif (
            token.type != "literal"
            or token.value not in "+-*/"
            or (token.value in "+-" and (tokens[index - 1].type != "whitespace" or tokens[index + 1].type != "whitespace"))
        ):
            return False
    return True


def _math_operand(token: Any) -> bool:
    if token.type in ("number", "dimension", "percentage"):
        return True
    if token.type == "ident":
        return token.lower_value in _MATH_KEYWORDS
    if token.type == "() block":
        return _well_formed_sum(token.content)
    return token.type == "function" and (token.lower_name in SUBSTITUTIONS or (token.lower_name in MATH_FUNCTIONS and well_formed_math(token)))


def _hashless_colour(token: Any) -> bool:
    """A hex colour without its `#` (`color: FFFFFF`, `color: 000`), which a page in quirks mode
    takes (the hashless colour quirk of the Quirks Mode standard)."""
    if token.type not in ("ident", "number", "dimension"):
        return False
    text = token.serialize()
    return len(text) in (3, 6) and all(c in _HEX_DIGITS for c in text)


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _colour_keyword(token: Any) -> bool:
    from tinycss2.color4 import parse_color

    return token.lower_value in _SYSTEM_COLOURS or parse_color(token) is not None
