"""What an SVG drawing paints: the one reading of SVG's elements that the walk of an inline
`<svg>`'s text (`svg_text`) and the test of a `data:` SVG mask (`vanishing.masks_everything`)
share.

Of an SVG's elements (SVG 2), some are never drawn where they stand (`NEVER_DRAWN`: `<defs>`,
`<title>`, a `<mask>`…), some only group what they hold (`CONTAINERS`), and some paint
(`PAINTING`: the basic shapes, `<path>`, `<image>`, `<use>`, `<foreignObject>`'s HTML; `<text>`
too).
A drawing draws nothing (`draws_nothing`) when none of what it holds paints: each shape has no
size (a `<rect>` without a width or a height, a `<circle>` of no radius, a `<path>` without
data), or paints no fill and no stroke (`fill="none"`, a transparent fill or `fill-opacity="0"`,
with no stroke of a width, opacity and colour), or is hidden (`display="none"`, `opacity="0"`,
`visibility="hidden"`); a `<text>` holds no words. Only presentation attributes and `style`
attributes are read: a drawing with a `<style>` sheet of its own, which may restyle its shapes,
draws nothing only when it holds nothing that may paint at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The SVG elements never drawn where they stand (what they hold is drawn, if at all, where another
# element refers to it), with the descriptive ones and the style sheets and scripts.
NEVER_DRAWN = frozenset("defs symbol clippath mask pattern marker title desc metadata style script lineargradient radialgradient filter".split())
# The elements that group what they hold and draw nothing of their own.
CONTAINERS = frozenset({"svg", "g", "a", "switch"})
# The SVG elements that paint something where they stand (SVG 2, 9 "Basic Shapes", 5.6 "use",
# 12.2 "image", 23.2 "foreignObject"); `<text>` paints its words.
PAINTING = frozenset("rect circle ellipse path polygon polyline line image use foreignobject".split())
# The shapes whose size and paint `draws_nothing` reads; the other painting elements may paint.
_SHAPES = frozenset({"rect", "circle", "ellipse", "path", "polygon", "polyline", "line"})
# The properties a shape's paint is read from, which its children inherit (SVG 2, 13).
_INHERITED = ("fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "visibility")
# What a shape's size is read from.
_GEOMETRY = ("width", "height", "r", "rx", "ry", "d", "points")
_READ = (*_INHERITED, *_GEOMETRY, "display", "opacity")


def local_name(element: Any) -> str:
    """An element's tag without its namespace, lower-cased; "" for a comment or a processing
    instruction."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def is_zero(value: str | None) -> bool:
    """Whether a number, length or percentage is zero (`0`, `0px`, `0%`, `0.0em`)."""
    if value is None:
        return False
    number = value.strip().rstrip("abcdefghijklmnopqrstuvwxyz%")
    try:
        return float(number) == 0
    except ValueError:
        return False


def draws_nothing(root: Any) -> bool:
    """True when nothing an SVG element holds (a `data:` picture's root `<svg>`) paints a pixel
    (see the module): a mask of it keeps nothing. False for anything the checker does not read
    as painting nothing (an `<image>`, a `<use>`, a paint server's `url(#id)`)."""
    restyled = any(local_name(element) == "style" and (element.text or "").strip() for element in root.iter())
    return not _may_paint(root, {}, restyled)


def holds_nothing_to_paint(root: Any) -> bool:
    """True when an `<svg>` holds no element that may paint at all (only a `<title>`, a `<desc>`,
    `<defs>`, empty groups, or nothing): whatever any style sheet says of its elements, it is a
    blank box. Paint read from attributes is not trusted here, since the page's CSS may restyle
    an inline drawing's shapes."""
    return not _may_paint(root, {}, True)


def _may_paint(element: Any, inherited: Mapping[str, str], restyled: bool) -> bool:
    """Whether something the element holds may paint (`inherited`: the paint it passes on;
    `restyled`: a `<style>` sheet of the drawing may change what its elements paint)."""
    for child in element:
        tag = local_name(child)
        if not tag or tag in NEVER_DRAWN:
            continue
        values = _own_values(child)
        if not restyled and (values.get("display") == "none" or is_zero(values.get("opacity"))):
            continue
        passed = {**inherited, **{name: values[name] for name in _INHERITED if name in values}}
        if tag in CONTAINERS:
            if _may_paint(child, passed, restyled):
                return True
        elif restyled or _paints_itself(child, tag, values, passed):
            return True
    return False


def _paints_itself(element: Any, tag: str, values: Mapping[str, str], passed: Mapping[str, str]) -> bool:
    """Whether a `<text>` holds words, or a shape has a size and a fill or a stroke that paints
    (`values`: its own; `passed`: with what it inherits), not hidden; any other element that
    paints (`<image>`, `<use>`, `<foreignObject>`) may. A `<line>` has no fill."""
    if tag not in _SHAPES and tag != "text":
        return True
    if passed.get("visibility") in ("hidden", "collapse"):
        return False
    if tag == "text":
        return bool("".join(element.itertext()).strip())
    return _has_size(tag, values) and (_paints(passed, "stroke") or (tag != "line" and _paints(passed, "fill")))


def _own_values(element: Any) -> dict[str, str]:
    """The properties `_READ` the element sets: its presentation attributes, overridden by its
    `style` attribute."""
    values = {name: value.strip().lower() for name in _READ if (value := element.get(name)) is not None}
    for declaration in (element.get("style") or "").split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip().lower() in _READ:
            values[name.strip().lower()] = value.replace("!important", "").strip().lower()
    return values


def _has_size(tag: str, values: Mapping[str, str]) -> bool:
    """Whether a shape has a size to paint: a `<rect>` a width and a height (`auto`, the initial
    value, is none), a `<circle>` a radius, an `<ellipse>` both radii (one given stands for the
    other), a `<path>` data, a `<polygon>` or `<polyline>` points. A `<line>` is taken to have one."""
    if tag == "rect":
        return all(_given(values.get(name)) for name in ("width", "height"))
    if tag == "circle":
        return _given(values.get("r"))
    if tag == "ellipse":
        rx, ry = values.get("rx"), values.get("ry")
        rx, ry = (ry if rx in (None, "auto") else rx), (rx if ry in (None, "auto") else ry)
        return _given(rx) and _given(ry)
    if tag == "path":
        return values.get("d", "none") not in ("", "none")
    if tag in ("polygon", "polyline"):
        return bool(values.get("points", "").strip())
    return True


def _given(length: str | None) -> bool:
    """Whether a length is given and not zero (or negative, which draws nothing either)."""
    if length is None or length in ("", "auto"):
        return False
    return not is_zero(length) and not length.lstrip().startswith("-")


def _paints(values: Mapping[str, str], which: str) -> bool:
    """Whether the `fill` or `stroke` (`which`) paints: not `none` (the stroke's initial value),
    not a colour of no alpha, not of an opacity of 0, a stroke not of a width of 0."""
    paint = values.get(which, "black" if which == "fill" else "none")
    if paint in ("none", "transparent") or is_zero(values.get(f"{which}-opacity")):
        return False
    if which == "stroke" and is_zero(values.get("stroke-width")):
        return False
    import tinycss2

    from compliance.document.css import colour

    token = tinycss2.parse_one_component_value(paint)
    painted = colour(token) if token.type != "error" else None
    return painted is None or painted[3] > 0
