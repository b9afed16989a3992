"""What a `mask`, `clip-path` or `filter` that names an element of the page by `url(#id)` leaves
of a box, as Chromium paints it (CSS Masking 1, Filter Effects 1):

- a mask layer whose reference names no element, or one that is not an SVG `<mask>`, is a layer
  of transparent black (it keeps nothing); so is a `<mask>` with nothing in it;
- a `clip-path` naming no element or one that is not a `<clipPath>` is ignored (the box shows),
  while an SVG `<clipPath>` with nothing in it clips everything away;
- a `filter` reference naming no element or one of another kind is skipped (the other filter
  functions apply), while a `<filter>` whose result is an `<feFlood>` paints the box as one
  uniform colour, in which no text or picture can be told.

A `<mask>` or `<clipPath>` with content, and any other `<filter>`, are not judged. Only a
fragment-only URL is read (it names an element of the page itself, wherever the CSS is written);
of several elements with the id, the first is the one named.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from compliance.document.css import Declaration
from compliance.document.elements import ids_of_page, tag_name

REFERRING_PROPERTIES = frozenset({"mask", "mask-image", "clip-path", "filter"})
# Children that describe an SVG element and draw nothing.
_DESCRIPTIVE = frozenset({"title", "desc", "metadata"})


def fragment(token: Any) -> str | None:
    """The id a `url(#id)` or `url("#id")` token names; None for any other token."""
    if token.type == "url":
        value = token.value
    elif token.type == "function" and token.lower_name == "url":
        strings = [t for t in token.arguments if t.type == "string"]
        value = strings[0].value if len(strings) == 1 else ""
    else:
        return None
    return value[1:] if value.startswith("#") and len(value) > 1 else None


def may_hide(declaration: Declaration) -> bool:
    """True for a mask, clip path or filter that names an element of the page (so that the rules
    setting one are matched over the page): what is named decides."""
    return declaration.name in REFERRING_PROPERTIES and any(fragment(t) is not None for t in declaration.values)


# The last page's root and its ids, read once per page (a search of the page for each element
# that names one was square in the page's size: 10,000 paragraphs naming a mask took 39 s). Pages
# are checked one at a time in a process; the root is held until the next page asks.
_LAST_PAGE: list[tuple[Any, dict[str, Any]]] = []


def _named(element: Any, identifier: str) -> Any | None:
    """The first element of `element`'s document with this id, or None; as `getElementById`
    finds it, not in a `<template>`'s content (a document of its own)."""
    root = element.getroottree().getroot()
    last = _LAST_PAGE[0] if _LAST_PAGE else None  # one read: a server checks pages in threads
    if last is None or last[0] is not root:
        last = (root, ids_of_page(root, in_templates=False))
        _LAST_PAGE[:] = [last]
    return last[1].get(identifier)


def _in_svg(element: Any) -> bool:
    """True for an element inside an `<svg>` (an SVG element, not an HTML one of the same name)."""
    return any(tag_name(ancestor) == "svg" for ancestor in element.iterancestors())


def _drawing_children(element: Any) -> list[Any]:
    return [child for child in element if tag_name(child) and tag_name(child) not in _DESCRIPTIVE]


def mask_layer_test(element: Any) -> Callable[[Any], bool]:
    """The test of a mask layer's image on `element`: True for a `url(#id)` that names no
    SVG `<mask>`, or one with nothing in it (the layer keeps nothing)."""

    def keeps_nothing(image: Any) -> bool:
        identifier = fragment(image) if image is not None else None
        if identifier is None:
            return False
        named = _named(element, identifier)
        return named is None or tag_name(named) != "mask" or not _in_svg(named) or not _drawing_children(named)

    return keeps_nothing


def clipped_away(declared: Mapping[str, Declaration], element: Any) -> bool:
    """True for a `clip-path: url(#id)` naming an SVG `<clipPath>` with nothing in it."""
    clip_path = declared.get("clip-path")
    if clip_path is None or len(clip_path.values) != 1 or (identifier := fragment(clip_path.values[0])) is None:
        return False
    named = _named(element, identifier)
    return named is not None and tag_name(named) == "clippath" and _in_svg(named) and not _drawing_children(named)


def flooded(declared: Mapping[str, Declaration], element: Any) -> bool:
    """True for a `filter` one of whose references names an SVG `<filter>` whose result (its last
    primitive) is an `<feFlood>`: what the filters after it do to one colour leaves one colour."""
    found = declared.get("filter")
    return found is not None and any(_floods(element, t) for t in found.values)


def _floods(element: Any, token: Any) -> bool:
    identifier = fragment(token)
    if identifier is None:
        return False
    named = _named(element, identifier)
    if named is None or tag_name(named) != "filter" or not _in_svg(named):
        return False
    primitives: Sequence[Any] = _drawing_children(named)
    return bool(primitives) and (tag_name(primitives[-1]) == "feflood" or _clears_alpha(primitives[-1]))


def _clears_alpha(primitive: Any) -> bool:
    """True for a primitive that makes every pixel fully transparent: an `<feComponentTransfer>`
    whose `<feFuncA>` maps every alpha to 0 (`linear` with `slope` and `intercept` 0, the
    intercept's default; `table` or `discrete` with every value 0), or an `<feColorMatrix
    type="matrix">` whose alpha row is all 0 (Filter Effects 1, 15.x)."""
    tag = tag_name(primitive)
    if tag == "fecomponenttransfer":
        functions = [child for child in _drawing_children(primitive) if tag_name(child) == "fefunca"]
        return bool(functions) and _alpha_to_zero(functions[-1])
    if tag == "fecolormatrix" and (primitive.get("type") or "matrix").strip().lower() == "matrix":
        values = _numbers(primitive.get("values"))
        return values is not None and len(values) == 20 and all(v == 0 for v in values[15:20])
    return False


def _alpha_to_zero(function: Any) -> bool:
    """True for an `<feFuncA>` that maps every alpha to 0 (see `_clears_alpha`)."""
    kind = (function.get("type") or "").strip().lower()
    if kind == "linear":
        slope, intercept = _numbers(function.get("slope") or "1"), _numbers(function.get("intercept") or "0")
        return slope == [0.0] and intercept == [0.0]
    if kind in ("table", "discrete"):
        values = _numbers(function.get("tableValues", function.get("tablevalues")))  # (an HTML parser lower-cases it)
        return bool(values) and all(v == 0 for v in values or ())
    return False


def _numbers(text: str | None) -> list[float] | None:
    """The numbers of an attribute's list (separated by spaces or commas); None when absent or not all numbers."""
    if text is None:
        return None
    try:
        return [float(part) for part in text.replace(",", " ").split()]
    except ValueError:
        return None
