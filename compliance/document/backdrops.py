"""Text laid over a picture: boxes whose backdrop the checker cannot know.

A white byline or logo laid over a hero photo or video is seen: what is behind it is the
picture, not the page's white background. The checker does not lay pages out, so it cannot tell
which part of a picture is behind a box; such a box's backdrop is unknown (`Rendering.background`
None), and its text colour is not judged against the background of the page or of a box around it.

A box lies over (or under) a picture when a box that is not around it paints one (a replaced
element: `<img>` with an address that is not a wholly transparent `data:` image (a spacer GIF,
an SVG that draws nothing), or a lazy loader's or `<picture>`'s source; `<video>` with a source
or poster, `<canvas>`, `<svg>` that draws something, `<iframe>` with a document, `<object>`,
`<embed>`; or a box whose `background` paints an image, a gradient or a colour that can be told
from white), not sized to (almost) nothing (2px or less either way, by its CSS or, where its CSS
sets no size, its `width` and `height` attributes), and the two may overlap, by the page's own CSS:

- positioned out of the flow: a box of `position: absolute` (or `fixed`) is placed in its
  containing block (the nearest ancestor that is positioned, or transformed or filtered: CSS
  Positioned Layout 3, 3.1) over what that block holds; it lies over a picture the block holds.
  One whose containing block is the page itself is not read (a hero's caption is placed in the
  hero: a box placed on the page only to escape this reading is not). An absolutely placed
  picture that stretches across its block (both sides of an axis set, `inset`, or a size in
  percent: a cover image) lies under the boxes beside it in that block. A box whose `top`
  (`left`) is 100% of its block or more is below (beside) all the block holds; one whose `top`
  (`left`) is more than 40px (the browser's margins of a figure or paragraph around it) past a
  picture's set height (width) is not over it, where the picture is the first thing in the
  block and nothing moves or spaces it there (its position, a transform, a margin, a float, the
  block's padding).
- stacked in a grid: two items of one grid container both placed by a `grid-area`, `grid-row`
  or `grid-column` may share a cell (auto-placed items never do: CSS Grid 1, 8.5), unless
  their line numbers put them in cells apart (`grid-area: 1 / 1` and `1 / 2`); lines given by
  name, from the end or automatically may be anywhere.
- pulled up: a box with a negative `margin-top`, a `position: relative` one moved up by `top`
  (or `bottom`), or one translated up, over the box before it, by 16px or more, or a margin of
  2% of its block's width or more (less overlaps the edge of the picture only, and the text
  stays on what is behind it). A translation or an offset in percent is not read (of the box's
  own height, a line for a byline, or of a block of no set height: none).
- a framework's overlay, on a page that links a stylesheet the checker does not read (the
  framework's CSS is there): a WordPress Cover block's background (`wp-block-cover__image-
  background`, `__video-background`, `__background`, `__gradient-background`, which the block
  library's CSS places absolutely across the block) lies under its inner container; Bootstrap's
  `card-img-overlay` and `carousel-caption` are placed over their card's or slide's picture.

A box around the text that paints its own opaque background (a caption box with a background
colour) is what the text is read on: `render` reads it as before, inside the box lying over the
picture. A picture that is hidden by its markup or its CSS (`hidden`, `display: none`,
`visibility: hidden`, `opacity: 0`) paints nothing.

Read only on a page whose CSS names what may lay boxes over each other (`position`, `grid-`,
a negative number, `transform`, `translate`) or that links a stylesheet, and that holds a picture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from compliance.document.css import Declaration, display_keyword, length_px, side_value
from compliance.document.data_images import MAX_DATA_SVG_BYTES, gif_transparent, svg_root
from compliance.document.data_urls import is_data_url, read_data_url

if TYPE_CHECKING:
    from compliance.document.visibility import PageStyle

# A box's width and height in pixels where its attributes or CSS set them.
Size = tuple[float | None, float | None]
# A grid item's rows and columns, each as (first line, line after): None where not known.
Cells = tuple[tuple[int, int] | None, tuple[int, int] | None]

# The replaced elements that paint a picture (HTML, 15.4).
_PICTURE_TAGS = frozenset({"img", "picture", "video", "canvas", "svg", "iframe", "object", "embed"})
# The properties that place a grid item in named or numbered lines (CSS Grid 1, 8.3).
_GRID_PLACEMENT = (
    "grid-area",
    "grid-row",
    "grid-column",
    "grid-row-start",
    "grid-row-end",
    "grid-column-start",
    "grid-column-end",
)
_OFFSETS = ("top", "right", "bottom", "left", "inset")
_PLACING = ("position", *_OFFSETS, "width", "height", "margin-top", "margin", "transform", "translate", "display", *_GRID_PLACEMENT)
_HIDING = ("display", "visibility", "opacity")
_SIZING = ("width", "height", "min-width", "min-height", "aspect-ratio")
# A picture this small (CSS pixels, either way) paints nothing text could be read on.
_TINY_PX = 2.0
# The elements of an `<svg>` that draw nothing where they are.
_SVG_UNDRAWN = frozenset(
    {"title", "desc", "defs", "metadata", "style", "script", "symbol", "lineargradient", "radialgradient", "pattern", "clippath", "mask", "filter", "marker"}
)
_BACKGROUNDS = ("background", "background-color", "background-image")
# Bootstrap's overlays, placed absolutely over their card's or slide's picture by its CSS.
_FRAMEWORK_OVERLAYS = frozenset({"card-img-overlay", "carousel-caption"})
# The WordPress Cover block's backgrounds, placed absolutely across the block by its CSS.
_COVER_BACKGROUNDS = frozenset(
    {"wp-block-cover__image-background", "wp-block-cover__video-background", "wp-block-cover__background", "wp-block-cover__gradient-background"}
)
# A pull of less than about a line overlaps only the edge of the box before (the text stays on
# what is behind it, in the margin between them); a percentage of a margin is of the block's width.
_PULL_PX = 16.0
_PULL_PERCENT = 2.0
# An offset beyond a picture's set size by less than this may still reach it: the margins of the
# boxes around it (a figure's, a paragraph's: 1em each by the browser's own style) move it down.
_BEYOND_PX = 40.0
# What moves or spaces a picture in its block (the block's own padding: the last three).
_SPACING = ("position", "transform", "translate", "margin", "margin-top", "margin-left", "float", "padding", "padding-top", "padding-left")
# What a page's CSS (lowered) names when it may lay one box over another.
_MAY_OVERLAP = re.compile(r"position|grid-|transform|translate|-\s*\.?\d")


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").lower().split())


def over_pictures(root: Any, style: PageStyle, lowered: str, links_unread: bool) -> frozenset[Any]:
    """The elements whose backdrop may be a picture painted by a box not around them (see the
    module's note): `render` reads them on an unknown background. `lowered`: the page's CSS
    text, lowered; `links_unread`: the page links a stylesheet the checker does not read."""
    if not _MAY_OVERLAP.search(lowered) and not links_unread:
        return frozenset()
    # Most pages lay no box over another: their pictures are then not looked for.
    movers = list(_movers(root, style, links_unread))
    stacks = _grid_stacks(root, style)
    if not movers and not stacks:
        return frozenset()
    pictures = _pictures(root, style)
    if not pictures:
        return frozenset()
    holders: dict[Any, int] = {}
    for picture in pictures:
        for node in (picture, *picture.iterancestors()):
            holders[node] = holders.get(node, 0) + 1
    own = set(pictures)
    marked: set[Any] = set()
    for mover, region, stretched, declared in movers:
        if region is not mover.getparent() and region not in mover.iterancestors():
            # Pulled up over the box before it: each lies over the other.
            if holders.get(region):
                marked.add(mover)
            if holders.get(mover):
                marked.add(region)
            continue
        if _holds_other_pictures(mover, region, holders, own) and _may_lie_over(mover, region, declared, pictures, style):
            marked.add(mover)
        if stretched and holders.get(mover):
            marked.update(_beside(mover, region))
    for items in stacks:
        marked.update(_stacked_over(items, holders))
    return frozenset(marked)


def _stacked_over(items: list[tuple[Any, Cells]], holders: Mapping[Any, int]) -> list[Any]:
    """The items of a grid that share a cell with another holding a picture."""
    holding = [(item, cell) for item, cell in items if holders.get(item)]
    return [item for item, cell in items if any(other is not item and _share_cells(cell, place) for other, place in holding)]


def _pictures(root: Any, style: PageStyle) -> dict[Any, Size]:
    """The boxes of the page that paint a picture or a colour that is not white (see the note),
    less those hidden or sized to (almost) nothing, each with its width and height in pixels
    where its attributes or CSS set them (None where not known)."""
    from compliance.document.visibility import paints_beside_white

    # (The parser writes tag names in lower case and without a namespace: lxml finds them in C.)
    found = [element for element in root.iter(*_PICTURE_TAGS) if _paints_a_picture(element)]
    found.extend(style.declaring_on(root, _BACKGROUNDS, paints_beside_white))
    found.extend(root.xpath("//*[@background or @bgcolor]"))
    found = list(dict.fromkeys(found))
    if not found:
        return {}
    declared = style.on_demand_of(found, (*_HIDING, *_SIZING))
    sized = {element: (_size(element, own, "width"), _size(element, own, "height")) for element, own in zip(found, declared, strict=True) if not _hides(own)}
    return {
        element: size for element, size in sized.items() if element.get("hidden") is None and not any(side is not None and side <= _TINY_PX for side in size)
    }


def _size(element: Any, declared: Mapping[str, Declaration], axis: str) -> float | None:
    """The box's size along `axis` (`width`, `height`) in pixels, as its CSS sets it or else a
    replaced element's attribute (when its CSS sets no size that would scale it); None when not
    known (a percentage, `auto`, a minimum size)."""
    if f"min-{axis}" in declared:
        return None
    own = declared.get(axis)
    if own is not None:
        return length_px(own.values[0]) if len(own.values) == 1 else None
    if _tag(element) not in _PICTURE_TAGS or any(name in declared for name in _SIZING):
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d*)?)\s*(?:px)?\s*", element.get(axis) or "")
    return float(match.group(1)) if match else None


def _paints_a_picture(element: Any) -> bool:
    """Whether a replaced element has something to paint: an `<img>` an address (a lazy loader's
    too) that is not a wholly transparent `data:` image, or a `<picture>`'s source; a `<video>` a
    source or a poster; an `<iframe>` a document; an `<svg>` something drawn. A `<picture>`
    paints by its `<img>`."""
    tag = _tag(element)
    if tag == "img":
        return _img_paints(element)
    if tag == "video":
        return bool(element.get("src") or element.get("poster") or any(_tag(child) == "source" for child in element))
    if tag == "iframe":
        return bool(element.get("srcdoc") or (element.get("src") or "").strip() not in ("", "about:blank"))
    if tag == "svg":
        # An `<svg>` inside another is part of its picture.
        return not any(_tag(node) == "svg" for node in element.iterancestors()) and _draws(element)
    return tag != "picture"


def _img_paints(element: Any) -> bool:
    """Whether an `<img>` paints: a source of a lazy loader's or its `<picture>`'s, or an address
    that is not a wholly transparent `data:` image."""
    if element.get("srcset") or element.get("data-src") or element.get("data-srcset"):
        return True
    parent = element.getparent()
    if parent is not None and _tag(parent) == "picture" and any(_tag(child) == "source" and child.get("srcset") for child in parent):
        return True
    source = (element.get("src") or "").strip()
    return bool(source) and not transparent_data(source)


def _draws(svg: Any) -> bool:
    """Whether an `<svg>` holds something drawn (a shape, text, an image, a `<use>`)."""
    return any(_tag(child).lower() not in _SVG_UNDRAWN for child in svg.iterchildren() if isinstance(child.tag, str))


def transparent_data(url: str) -> bool:
    """Whether a `data:` address is an image that paints nothing: a GIF all of whose pixels are
    its transparent colour (a spacer), or an SVG that draws nothing. Other images, or ones too
    large to read cheaply, are taken to paint."""
    if not is_data_url(url) or len(url) > 4 * MAX_DATA_SVG_BYTES:
        return False
    read = read_data_url(url)
    if read is None:
        return False
    if read.media_type == "image/gif":
        return gif_transparent(read.body)
    if read.media_type == "image/svg+xml":
        root = svg_root(read.body)
        return root is not None and not _draws(root)
    return False


def _hides(declared: Mapping[str, Declaration]) -> bool:
    display, visibility, opacity = (declared.get(name) for name in _HIDING)
    if display is not None and display.keyword == "none":
        return True
    if visibility is not None and visibility.keyword in ("hidden", "collapse"):
        return True
    return opacity is not None and len(opacity.values) == 1 and opacity.values[0].type in ("number", "percentage") and opacity.values[0].value == 0


def _movers(root: Any, style: PageStyle, links_unread: bool) -> Iterable[tuple[Any, Any, bool, Mapping[str, Declaration]]]:
    """Each box that may lie over others (see the note), with the box whose content it may lie
    over, whether it stretches across it, and its placing CSS."""
    candidates = list(
        dict.fromkeys(
            [
                *style.declared_on(root, "position", ("absolute", "fixed", "relative", "sticky")),
                *style.declaring_on(root, ("margin", "margin-top", "transform", "translate"), _may_pull_up),
            ]
        )
    )
    if candidates:
        placed = list(zip(candidates, style.on_demand_of(candidates, _PLACING), strict=True))
        out_of_flow = [element for element, declared in placed if _position(declared) in ("absolute", "fixed")]
        blocks = _containing_blocks(out_of_flow, style)
        for element, declared in placed:
            keyword = _position(declared)
            parent = element.getparent()
            if keyword in ("absolute", "fixed"):
                block = blocks(element, keyword == "fixed")
                if block is not None:
                    yield element, block, _stretched(declared), declared
            elif parent is not None and _pulled_up(declared, keyword):
                before = element.getprevious()
                while before is not None and not isinstance(before.tag, str):
                    before = before.getprevious()
                if before is not None:
                    yield element, before, False, declared
    if links_unread and _may_name_an_overlay(root):
        for element in root.xpath("//*[@class]"):
            classes = _classes(element)
            parent = element.getparent()
            if parent is not None and classes & _FRAMEWORK_OVERLAYS:
                yield element, parent, False, {}
            if parent is not None and classes & _COVER_BACKGROUNDS:
                yield element, parent, True, {}


def _may_name_an_overlay(root: Any) -> bool:
    """Whether a class of the page may be a framework's overlay or a Cover block's background
    (`_FRAMEWORK_OVERLAYS`, `_COVER_BACKGROUNDS`): one look over all its classes, lowered, before
    each element's are read (a page's classes are a few hundred; these, on most pages, none)."""
    classes = " ".join(root.xpath("//@class", smart_strings=False)).lower()
    return any(name in classes for name in _FRAMEWORK_OVERLAYS | _COVER_BACKGROUNDS)


def _position(declared: Mapping[str, Declaration]) -> str:
    position = declared.get("position")
    return position.keyword if position is not None else "static"


def _may_pull_up(declaration: Declaration) -> bool:
    """Whether a margin may be negative, or a transform or translation set (`_pulled_up` reads them)."""
    if declaration.name in ("transform", "translate"):
        return declaration.keyword != "none"
    return any(getattr(token, "type", None) in ("dimension", "percentage") and token.value < 0 for token in declaration.values)


def _containing_blocks(boxes: list[Any], style: PageStyle) -> Callable[[Any, bool], Any]:
    """The containing block of each of the absolutely (or fixed) positioned `boxes`, asked as
    `block(box, fixed)`: its nearest ancestor that is positioned (not for a fixed one),
    transformed or filtered; None for the page. Their ancestors' CSS is read once for all."""
    ancestors = list(dict.fromkeys(node for box in boxes for node in box.iterancestors() if _tag(node) not in ("html", "body", "")))
    found = dict(zip(ancestors, style.on_demand_of(ancestors, ("position", "transform", "filter")), strict=True)) if ancestors else {}

    def block(box: Any, fixed: bool) -> Any:
        for node in box.iterancestors():
            declared = found.get(node)
            if declared is None:
                continue
            if not fixed and _position(declared) in ("relative", "absolute", "fixed", "sticky"):
                return node
            if any(name in declared and declared[name].keyword not in ("none", "initial", "unset", "inherit") for name in ("transform", "filter")):
                return node
        return None

    return block


def _stretched(declared: Mapping[str, Declaration]) -> bool:
    """Whether an absolutely placed box stretches across its block: `inset`, both offsets of an
    axis, or a width or height in percent of half the block or more."""
    if "inset" in declared or all(name in declared for name in ("top", "bottom")) or all(name in declared for name in ("left", "right")):
        return True
    for name in ("width", "height"):
        size = declared.get(name)
        if size is not None and size.values and size.values[0].type == "percentage" and size.values[0].value >= 50:
            return True
    return False


def _pulled_up(declared: Mapping[str, Declaration], position: str) -> bool:
    """Whether the box is pulled up over the box before it by `_PULL_PX` or more: a negative top
    margin, a relative offset, a translation."""
    margin = side_value(declared, "top", "margin-top", "margin")
    if _upward(margin, negative=True, percent=True):
        return True
    if position in ("relative", "sticky") and (_upward(_first(declared.get("top")), negative=True) or _upward(_first(declared.get("bottom")), negative=False)):
        return True
    translate = declared.get("translate")
    if translate is not None and len(translate.values) > 1 and _upward(_lengths(translate.values)[1:2], negative=True):
        return True
    transform = declared.get("transform")
    return transform is not None and any(_translates_up(token) for token in transform.values)


def _first(declaration: Declaration | None) -> Any:
    return declaration.values[0] if declaration is not None and declaration.values else None


def _lengths(tokens: Iterable[Any]) -> list[Any]:
    return [token for token in tokens if token.type not in ("whitespace", "comment", "literal")]


def _upward(token: Any, *, negative: bool, percent: bool = False) -> bool:
    """Whether a length moves the box up by `_PULL_PX` or more (a negative one, or with
    `negative` False a positive one); with `percent`, a percentage of `_PULL_PERCENT` or more does."""
    if isinstance(token, list):
        token = token[0] if token else None
    if token is None or getattr(token, "type", None) not in ("dimension", "percentage", "number"):
        return False
    sign = -1 if negative else 1
    if token.type == "percentage":
        return percent and float(token.value) * sign >= _PULL_PERCENT
    pixels = length_px(token)
    return pixels is not None and pixels * sign >= _PULL_PX


def _translates_up(token: Any) -> bool:
    """Whether a transform function translates the box up (`translateY(-60px)`, `translate(0, -50%)`)."""
    if token.type != "function":
        return False
    name = token.lower_name
    arguments = _lengths(token.arguments)
    if name in ("translatey",):
        return _upward(arguments[:1], negative=True)
    if name in ("translate", "translate3d"):
        return _upward(arguments[1:2], negative=True)
    return False


def _holds_other_pictures(mover: Any, region: Any, holders: Mapping[Any, int], own: set[Any]) -> bool:
    """Whether `region` holds a picture outside `mover` and not around it (`own`: the pictures)."""
    inside = holders.get(region, 0) - holders.get(mover, 0)
    for node in mover.iterancestors():
        inside -= node in own
        if node is region:
            break
    return inside > 0


def _may_lie_over(mover: Any, region: Any, declared: Mapping[str, Declaration], pictures: Mapping[Any, Size], style: PageStyle) -> bool:
    """Whether an absolutely placed `mover` may lie over a picture `region` holds (not around
    it): not when its `top` (`left`) places it below (beside) every one, by 100% of the block or
    more, or by more than the picture's set height (width) and `_BEYOND_PX` where the picture is
    the first thing in the block and nothing around it in the block is moved or spaced."""
    offsets = [(name, _first(declared.get(name))) for name in ("top", "left")]
    offsets = [(name, token) for name, token in offsets if token is not None and token.type in ("dimension", "percentage")]
    if not offsets:
        return True
    if any(token.type == "percentage" and token.value >= 100 for _, token in offsets):
        return False
    inside = [picture for picture in pictures if region in picture.iterancestors() and picture is not mover and mover not in picture.iterancestors()]
    return any(not _beyond(picture, region, offsets, pictures[picture], style) for picture in inside if picture not in mover.iterancestors())


def _beyond(picture: Any, region: Any, offsets: list[tuple[str, Any]], size: Size, style: PageStyle) -> bool:
    """Whether one of `offsets` places a box beyond the `picture` (see `_may_lie_over`)."""
    chain = [picture, *(node for node in picture.iterancestors() if region in node.iterancestors())]
    if not all(_first_in(node) for node in chain):
        return False
    declared = style.on_demand_of([*chain, region], _SPACING)
    if any(name in own for own in declared[:-1] for name in _SPACING) or any(name in declared[-1] for name in _SPACING[-3:]):
        return False
    extents = {"left": size[0], "top": size[1]}
    for name, token in offsets:
        pixels, extent = length_px(token), extents[name]
        if pixels is not None and extent is not None and pixels > extent + _BEYOND_PX:
            return True
    return False


def _first_in(node: Any) -> bool:
    """Whether nothing (no box, no words) comes before `node` in its parent."""
    parent = node.getparent()
    if parent is None or (parent.text or "").strip():
        return False
    before = node.getprevious()
    while before is not None and not isinstance(before.tag, str):
        if (before.tail or "").strip():
            return False
        before = before.getprevious()
    return before is None


def _beside(mover: Any, region: Any) -> list[Any]:
    """The boxes in `region` beside `mover`: the siblings of it and of each box between them."""
    found: list[Any] = []
    node = mover
    while node is not region and node is not None:
        parent = node.getparent()
        if parent is not None:
            found.extend(child for child in parent if child is not node and isinstance(child.tag, str))
        node = parent
    return found


def _grid_stacks(root: Any, style: PageStyle) -> list[list[tuple[Any, Cells]]]:
    """The items of each grid container that are placed by lines (see the note), when two or
    more, each with the cells its placement gives."""
    placed = list(dict.fromkeys(style.declaring_on(root, _GRID_PLACEMENT, lambda d: d.keyword != "auto")))
    if not placed:
        return []
    by_parent: dict[Any, list[Any]] = {}
    for element in placed:
        parent = element.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append(element)
    stacks = []
    containers = [parent for parent, items in by_parent.items() if len(items) > 1]
    if not containers:
        return []
    for parent, declared in zip(containers, style.on_demand_of(containers, ("display",)), strict=True):
        display = declared.get("display")
        if display is not None and display_keyword(display) in ("grid", "inline-grid"):
            items = by_parent[parent]
            stacks.append([(item, _cells(own)) for item, own in zip(items, style.on_demand_of(items, _GRID_PLACEMENT), strict=True)])
    return stacks


def _cells(declared: Mapping[str, Declaration]) -> Cells:
    """The rows and columns a grid item's placement puts it in, where given by line numbers
    (`grid-area: 1 / 1`, `grid-row: 2 / span 2`, `grid-column-start: 3`); None for an axis
    placed otherwise (by names, from the end, automatically)."""
    area = _parts(declared.get("grid-area"))
    rows, columns = _parts(declared.get("grid-row")), _parts(declared.get("grid-column"))
    return (
        _lines(_part(declared, "grid-row-start", rows, 0, area, 0), _part(declared, "grid-row-end", rows, 1, area, 2)),
        _lines(_part(declared, "grid-column-start", columns, 0, area, 1), _part(declared, "grid-column-end", columns, 1, area, 3)),
    )


def _parts(declaration: Declaration | None) -> list[list[Any]]:
    """A placement shorthand's values, split at its slashes."""
    parts: list[list[Any]] = [[]]
    for token in declaration.values if declaration is not None else ():
        if token.type == "literal" and token.value == "/":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _part(declared: Mapping[str, Declaration], longhand: str, parts: list[list[Any]], index: int, area: list[list[Any]], area_index: int) -> list[Any]:
    """One line's value: its longhand's, else the axis shorthand's, else `grid-area`'s."""
    own = declared.get(longhand)
    if own is not None:
        return list(own.values)
    if parts[0]:
        return parts[index] if index < len(parts) else []
    return area[area_index] if area_index < len(area) else []


def _lines(start: list[Any], end: list[Any]) -> tuple[int, int] | None:
    """The lines an item spans on one axis, from its start and end values (CSS Grid 1, 8.3)."""
    first, last = _line(start), _line(end)
    if isinstance(first, int) and first > 0:
        if isinstance(last, int) and last > 0 and last != first:
            return min(first, last), max(first, last)
        if last is None or last == first:
            return first, first + 1
        return (first, first + last[1]) if isinstance(last, tuple) else None
    if first is None and isinstance(last, int) and last > 1:
        return last - 1, last
    if isinstance(first, tuple) and isinstance(last, int) and last > first[1]:
        return last - first[1], last
    return None


def _line(tokens: list[Any]) -> int | tuple[str, int] | str | None:
    """A line value: a number, ("span", n), None for `auto` or none given, "" for anything else."""
    kinds = [(token.type, getattr(token, "lower_value", None)) for token in tokens]
    if not tokens or kinds == [("ident", "auto")]:
        return None
    numbers = [token for token in tokens if token.type == "number" and token.is_integer]
    if len(tokens) == 1 and numbers:
        return int(numbers[0].value)
    if len(tokens) == 2 and len(numbers) == 1 and ("ident", "span") in kinds and numbers[0].value > 0:
        return ("span", int(numbers[0].value))
    if kinds == [("ident", "span")]:
        return ("span", 1)
    return ""


def _share_cells(one: Cells, other: Cells) -> bool:
    """Whether two grid items may share a cell: their lines overlap on both axes (or are not known)."""
    return all(a is None or b is None or (a[0] < b[1] and b[0] < a[1]) for a, b in zip(one, other, strict=True))
