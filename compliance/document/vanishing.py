"""CSS that leaves an element's box on the page but paints none of it where a reader can see it:
a `zoom` next to zero, a rotation that turns the box edge-on (`rotateX(90deg)`), a mask that keeps
nothing (`mask-image: linear-gradient(transparent, transparent)`), an image's picture moved out of
its box (`object-position: -9999px 0`). Each reading is of one declaration, from tinycss2's tokens.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from compliance.document.css import GRADIENTS, NEGLIGIBLE_SCALE, gradient_stops, length_px, number
from compliance.document.data_images import MAX_DATA_SVG_BYTES, svg_root
from compliance.document.data_sheets import url_of
from compliance.document.data_urls import is_data_url, read_data_url
from compliance.document.svg_drawing import draws_nothing

MASK_PROPERTIES = frozenset({"mask", "mask-image", "-webkit-mask", "-webkit-mask-image"})
VANISHING_PROPERTIES = frozenset({"zoom", "transform", "rotate", "object-position", *MASK_PROPERTIES})
# The picture of an image is drawn this far or farther outside its box (the checker's screen is
# 1000px wide: see `css._PIXELS_PER_UNIT`), where the box clips it away.
_FAR_PX = 1000.0
_TURNS = {"deg": 1 / 360, "grad": 1 / 400, "rad": 1 / (2 * math.pi), "turn": 1.0}
# Transform functions that keep a box that is edge-on edge-on (they act in the screen's plane);
# a `perspective()` or a 3D function may turn it back towards the reader.
_FLAT_FUNCTIONS = frozenset({"rotate", "rotatez", "scale", "scalex", "scaley", "translate", "translatex", "translatey", "skew", "skewx", "skewy"})


def paints_nothing(name: str, values: Sequence[Any], image: bool | None) -> bool:
    """True when a declaration of `name` leaves nothing of the element on the screen: `zoom`,
    a `transform` or `rotate` that turns it edge-on, a mask of transparent gradients or empty
    `data:` SVGs only, or
    (`image` True, or None when the element is not known) an `object-position` of 1000px or more."""
    if name == "zoom":
        return _zoomed_away(values)
    if name == "transform":
        return edge_on(values)
    if name == "rotate":
        return _edge_on_rotate_property(values)
    if name in MASK_PROPERTIES:
        return masks_everything(values)
    if name == "object-position" and image is not False:
        return any((px := length_px(t)) is not None and abs(px) >= _FAR_PX for t in values)
    return False


def _zoomed_away(values: Sequence[Any]) -> bool:
    """`zoom` of 0.002 or less (0 is read as 1, and a negative one is refused, as browsers do)."""
    factor = number(values[0]) if len(values) == 1 else None
    return factor is not None and 0 < factor <= NEGLIGIBLE_SCALE


def _turns(token: Any) -> float | None:
    if token.type == "dimension" and token.lower_unit in _TURNS:
        return float(token.value) * _TURNS[token.lower_unit]
    if token.type == "number" and token.value == 0:
        return 0.0
    return None


def _edge_on_angle(token: Any) -> bool:
    turns = _turns(token)
    return turns is not None and abs(math.cos(turns * 2 * math.pi)) <= NEGLIGIBLE_SCALE


def edge_on(values: Sequence[Any]) -> bool:
    """True for a `transform` that turns the box a quarter turn about the X or Y axis
    (`rotateX(90deg)`, `rotateY(-90deg)`, `rotate3d(0, 1, 0, 90deg)`) with nothing but flat
    functions around it: the box is seen from its edge, a line of no width."""
    turned = 0
    for token in values:
        if token.type != "function":
            return False
        name = token.lower_name
        arguments = [t for t in token.arguments if t.type not in ("whitespace", "comment") and not (t.type == "literal" and t.value == ",")]
        if _edge_on_rotation(name, arguments):
            turned += 1
        elif name not in _FLAT_FUNCTIONS:
            return False
    return turned == 1


def _edge_on_rotation(name: str, arguments: Sequence[Any]) -> bool:
    if name in ("rotatex", "rotatey"):
        return len(arguments) == 1 and _edge_on_angle(arguments[0])
    return name == "rotate3d" and len(arguments) == 4 and _about_x_or_y(arguments[:3]) and _edge_on_angle(arguments[3])


def _about_x_or_y(axis: Sequence[Any]) -> bool:
    components = [number(t) for t in axis]
    if any(c is None for c in components):
        return False
    x, y, z = (float(c or 0) for c in components)
    return z == 0 and (x == 0) != (y == 0)


def _edge_on_rotate_property(values: Sequence[Any]) -> bool:
    """The `rotate` property: `x 90deg`, `y 90deg` (or `0 1 0 90deg`)."""
    if len(values) == 2 and values[0].type == "ident" and values[0].lower_value in ("x", "y"):
        return _edge_on_angle(values[1])
    return len(values) == 4 and _about_x_or_y(values[:3]) and _edge_on_angle(values[3])


def masks_everything(values: Sequence[Any]) -> bool:
    """True for a mask whose images all keep nothing: gradients of fully transparent colours, or
    `data:` SVGs that draw nothing (`_draws_nothing`); another `url()`, an image or a colour the
    checker cannot read may keep something."""
    images = [t for t in values if t.type in ("function", "url")]
    return bool(images) and all(_transparent_gradient(t) if t.type == "function" and t.lower_name in GRADIENTS else _draws_nothing(t) for t in images)


def _draws_nothing(image: Any) -> bool:
    """True for a `url()` of a `data:` SVG, well-formed, that draws nothing (`<svg xmlns=…/>`,
    a `<defs>` or an empty `<g/>` alone, shapes of no size or of no paint: see
    `svg_drawing.draws_nothing`): a mask of it is transparent everywhere. Its body is read only
    when the URL is short enough to hold an SVG the checker reads."""
    url = url_of(image) if image.type != "function" or image.lower_name == "url" else None
    return url is not None and data_svg_draws_nothing(url)


def data_svg_draws_nothing(url: str) -> bool:
    """True for a `data:` URL of an SVG, well-formed and short enough to read, that draws nothing
    (`svg_drawing.draws_nothing`): a mask of it keeps nothing, an image of it is a blank."""
    if not is_data_url(url) or len(url) > 3 * MAX_DATA_SVG_BYTES:
        return False
    data = read_data_url(url)
    if data is None or data.media_type != "image/svg+xml":
        return False
    root = svg_root(data.body)
    return root is not None and draws_nothing(root)


def _transparent_gradient(gradient: Any) -> bool:
    stops = gradient_stops(gradient)
    if stops is None:
        return False
    if all(stop[3] == 0 for stop in stops):
        return True
    from compliance.document.masking import transparent_over_the_box  # for a page that paints a gradient

    return transparent_over_the_box(gradient)
