"""A box moved out of an ancestor that clips what overflows it: `overflow: hidden` (or `clip`) on
a box whose size the page's CSS gives, and inside it a descendant moved right or down past that
size (by `position: relative` and `left`/`top`/`right`/`bottom`, a `margin-left`, a translation,
or `left`/`top` on an absolutely positioned box placed from a positioned box inside the clip), or
a child moved left or up by more than its own declared size and the clipping box's.

Only what the page's CSS states is read, and each judgement holds whatever the rest of the layout
does:

- right and down: a box in the normal flow starts at or after the start of its clipping
  ancestor's content (the moves of the boxes between them are added up, a negative left margin
  too), so moved right (down) by the clipping box's width (height) and paddings or more, none of
  it is inside. Margins above are not added (adjoining ones collapse into one).
- left and up: how far right (down) a box starts is not known in general, and what overflows a
  box moved left comes into view (a carousel's track shows its next slide that way). Only a
  child of the clipping box is judged, with a declared size and no child elements (its text
  wraps inside it; `white-space: nowrap` or `pre` let it run out), and, moved up, only the first
  of its children, with its top margin allowed for.
- What can escape the clip stops the reading: a fixed or sticky box, an absolutely positioned one
  with no positioned box between it and the clipping box (it is placed from a box outside),
  percentages, `auto` margins, any transform other than translations, a box that scrolls
  (`overflow: auto` or `scroll`), right-to-left text, whose overflow runs to the left, and a flex
  or grid box, whose children its alignment may start before its own start.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.css import Declaration, display_keyword, length_px, per_declaration, translation_px
from compliance.document.elements import BLOCK_TAGS

# Elements a browser lays out inline unless the page's CSS says otherwise: `overflow`, sizes and
# transforms do not apply to them (positions and horizontal margins do).
_INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "label",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
    }
)
# The `overflow` values that cut off what overflows on that axis with no way to scroll to it.
_CLIPS = frozenset({"hidden", "clip"})
# The values of a scroll container (`overlay`: a legacy alias of `auto`), which cut off what
# overflows too, but show it when the reader scrolls.
_SCROLLS = frozenset({"auto", "scroll", "overlay"})
_CUTS_OFF = _CLIPS | _SCROLLS
_FONT_UNITS = {"em": 1.0, "ex": 0.5, "ch": 0.5}
# A box's top margin a browser's own style may give it when the page sets none (`<h1>` 0.67em of
# twice the parent's font size, `<p>` 1em): at most two of the box's ems.
_DEFAULT_TOP_MARGIN_EMS = 2.0


class Clip(NamedTuple):
    """The nearest ancestor box that clips what overflows it and whose size the page's CSS gives,
    as a descendant sees it. `width`/`height`: how far right of (below) the start of its content
    what shows may begin, in CSS pixels (its size and paddings); None along an axis it does not
    clip, that scrolls, or whose size is not known. `dx`/`dy`: how far right (down) the boxes
    since have moved the descendant's box. `base_dx`/`base_dy` and `positioned`: the same for the
    nearest positioned box since (the clipping box itself included), which an absolutely
    positioned descendant is placed from; without one it escapes the clip. `lead_x`/`lead_y`:
    the clipping box's left and top paddings, how far left of (above) the start of its content
    what shows may end. `box`: the clipping element."""

    width: float | None
    height: float | None
    lead_x: float = 0.0
    lead_y: float = 0.0
    dx: float = 0.0
    dy: float = 0.0
    base_dx: float = 0.0
    base_dy: float = 0.0
    positioned: bool = False
    box: Any = None


class Moved(NamedTuple):
    """What `moved_out` found: whether the element is out of its clipping ancestor's box, and the
    clip its content sees (None when there is none, or the checker cannot follow it)."""

    out: bool
    clip: Clip | None


_OVERFLOW_NAMES = frozenset({"overflow", "overflow-x", "overflow-y"})
# What an element that is not moved out, and starts no clip its content sees, passes on.
NOT_MOVED = Moved(False, None)
# Layouts whose children may start before the start of the box (`justify-content: flex-end`,
# `row-reverse` and `align-items: center` overflow at the start, to the left or above).
_ALIGNING = frozenset({"flex", "inline-flex", "grid", "inline-grid", "-webkit-box", "-webkit-flex"})


def moved_out(element: Any, tag: str, declared: Mapping[str, Declaration], clip: Clip | None, font_px: float) -> Moved:
    """Whether `element` (`tag`, its winning declarations `declared`, its font size `font_px`) is
    moved out of the box `clip` describes (see the module's docstring), and the clip its content
    sees: the one it starts when it clips its own overflow with a known size, else `clip` moved
    with it."""
    if clip is None and not _OVERFLOW_NAMES.intersection(declared):
        return NOT_MOVED
    position = declared["position"].keyword if "position" in declared else "static"
    carried = _carried(element, tag, declared, clip, position, font_px) if clip is not None else None
    if carried is not None and clip is not None and _outside(element, tag, declared, clip, carried, font_px):
        return Moved(True, None)
    if "display" in declared and display_keyword(declared["display"]) in _ALIGNING:
        return NOT_MOVED  # where its children start depends on their alignment, which is not read
    return Moved(False, _own_clip(element, tag, declared, position, font_px, carried))


def _carried(element: Any, tag: str, declared: Mapping[str, Declaration], clip: Clip, position: str, font_px: float) -> Clip | None:
    """The clip as the element's content sees it, the element's own move added; None when the
    element can escape it or its move is not known."""
    if position in ("fixed", "sticky") or (position == "absolute" and not clip.positioned):
        return None
    margin = _margin_left(declared, font_px)
    translation = _translation(tag, declared)
    if margin is None or translation is None:
        return None
    if position == "absolute":
        placed = _placed(declared, font_px)
        if placed is None:
            return None
        x = clip.dx + margin if placed[0] is None else clip.base_dx + placed[0] + margin
        y = clip.dy if placed[1] is None else clip.base_dy + placed[1]
    else:
        offset = _relative_offset(declared, font_px) if position == "relative" else (0.0, 0.0)
        if offset is None:
            return None
        x, y = clip.dx + margin + offset[0], clip.dy + offset[1]
    x, y = x + translation[0], y + translation[1]
    if position in ("relative", "absolute"):
        return clip._replace(dx=x, dy=y, base_dx=x, base_dy=y, positioned=True)
    return clip._replace(dx=x, dy=y)


def _outside(element: Any, tag: str, declared: Mapping[str, Declaration], clip: Clip, moved: Clip, font_px: float) -> bool:
    """True when the element's box, moved as `moved` says, is all outside the clipping box."""
    if (clip.width is not None and moved.dx >= clip.width) or (clip.height is not None and moved.dy >= clip.height):
        return True
    if element.getparent() is not clip.box or len(element) or _keeps_to_one_line(declared) or _inline(tag, declared):
        return False
    # A child block starts at the left of the clipping box's content (its text too, beside a
    # float), and the first one at the top, below its own top margin.
    own_x, own_y = moved.dx - clip.dx, moved.dy - clip.dy
    width = _extent(declared, ("width", "min-width"), ("padding-left", "padding-right"), font_px)
    if clip.width is not None and width is not None and -own_x >= width + clip.lead_x:
        return True
    height = _extent(declared, ("height", "min-height"), ("padding-top", "padding-bottom"), font_px)
    if clip.height is None or height is None or not _first_inside(element):
        return False
    return -own_y >= height + clip.lead_y + _DEFAULT_TOP_MARGIN_EMS * font_px


def _own_clip(element: Any, tag: str, declared: Mapping[str, Declaration], position: str, font_px: float, carried: Clip | None) -> Clip | None:
    """The clip the element's content sees: the element's own when it clips its overflow and the
    page gives its size, else `carried` with the axes on which the element scrolls left out."""
    if _inline(tag, declared):
        return carried  # `overflow` does not apply to an inline box
    x_keyword, y_keyword = overflow_axes(declared)
    if x_keyword in _CLIPS or y_keyword in _CLIPS:
        if _right_to_left(element):
            return None
        width = _extent(declared, ("width", "min-width"), ("padding-left", "padding-right"), font_px) if x_keyword in _CLIPS else None
        height = _extent(declared, ("height", "min-height"), ("padding-top", "padding-bottom"), font_px) if y_keyword in _CLIPS else None
        if width is None and height is None:
            return None
        lead_x, lead_y = padding_px(declared, "padding-left", font_px), padding_px(declared, "padding-top", font_px)
        return Clip(width, height, lead_x or 0.0, lead_y or 0.0, positioned=position != "static", box=element)
    if carried is not None and (x_keyword in _SCROLLS or y_keyword in _SCROLLS):
        return None
    return carried


def cuts_off_overflow(declared: Mapping[str, Declaration]) -> tuple[bool, bool]:
    """Whether the box cuts off what overflows it horizontally, and vertically (CSS Overflow 3):
    its `overflow-x` / `overflow-y` as CSS computes them (see `overflow_axes`: `overflow: visible
    hidden` cuts off both) is `hidden` or `clip`, or a scroll container's `auto` or `scroll`,
    which shows what overflows only as far as the reader scrolls. `overflow-x: clip` alone cuts
    off the horizontal axis only."""
    x, y = overflow_axes(declared)
    return x in _CUTS_OFF, y in _CUTS_OFF


def size_px(declared: Mapping[str, Declaration], name: str) -> float | None:
    """A box's `width`, `height`, their minimum or maximum (`name`) in px as `length_px` reads it;
    None when not worked out here. A percentage height of a box in the flow is None: it is of its
    containing block's height, which is `auto` where the page sets none, and then computes to
    `auto` (`max-height` to `none`, CSS 2 10.5 and 10.7), so `height: 0%` on a paragraph leaves
    it as tall as its text; an absolutely positioned or fixed box's is of a height laid out, as a
    width's always is of a width."""
    declaration = declared.get(name)
    if declaration is None or not declaration.values:
        return None
    token = declaration.values[0]
    if token.type == "percentage" and name.endswith("height"):
        position = declared.get("position")
        if position is None or position.keyword not in ("absolute", "fixed"):
            return None
    return length_px(token)


def overflow_axes(declared: Mapping[str, Declaration], initial: str = "visible") -> tuple[str, str]:
    """The `overflow-x` and `overflow-y` keywords in force on the element (`initial` on an axis it
    declares nothing for: `visible`, or `hidden` for an `<svg>` under the user-agent style): the
    longhands over the shorthand's one or two values (x, then y). A `visible` axis beside one
    that does not show its overflow (`hidden`, `auto`…) is read as scrolling (`auto`), as CSS
    computes it; beside `clip` it stays `visible`. The one reading of `overflow` here and in
    `visibility`."""
    x = y = ""
    if "overflow" in declared:
        values = [token.lower_value for token in declared["overflow"].values if token.type == "ident"]
        if values:
            x, y = values[0], values[-1]
    x = (declared["overflow-x"].keyword if "overflow-x" in declared else x) or initial
    y = (declared["overflow-y"].keyword if "overflow-y" in declared else y) or initial
    if x == "visible" and y not in ("visible", "clip"):
        x = "auto"
    elif y == "visible" and x not in ("visible", "clip"):
        y = "auto"
    return x, y


def _extent(declared: Mapping[str, Declaration], sizes: tuple[str, str], paddings: tuple[str, str], font_px: float) -> float | None:
    """A box's declared size along one axis and its paddings on both sides, in pixels (the larger
    of its size and minimum size); None when the size is not declared or any part is not a length."""
    if sizes[0] not in declared:
        return None
    total = 0.0
    for name in sizes:
        if name in declared:
            size = _length(declared[name], font_px)
            if size is None:
                return None
            total = max(total, size)
    for side in paddings:
        padding = padding_px(declared, side, font_px)
        if padding is None:
            return None
        total += padding
    return total


# The position of each side's value in the `padding` shorthand, by how many values it has.
_SIDES = {"padding-top": (0, 0, 0, 0), "padding-right": (0, 1, 1, 1), "padding-bottom": (0, 0, 2, 2), "padding-left": (0, 1, 1, 3)}


def padding_px(declared: Mapping[str, Declaration], side: str, font_px: float) -> float | None:
    """A side's padding in pixels (`padding-top`, …): the larger of its longhand's and the
    `padding` shorthand's (which of the two wins the cascade is not known here); 0 when neither is
    declared, None when it is not a length worked out here (a percentage of the containing
    block's width, `calc()`)."""
    found = 0.0
    if side in declared:
        value = _length(declared[side], font_px)
        if value is None:
            return None
        found = value
    if "padding" in declared:
        values = declared["padding"].values
        if not 1 <= len(values) <= 4:
            return None
        value = _token_px(values[_SIDES[side][len(values) - 1]], font_px)
        if value is None:
            return None
        found = max(found, value)
    return found


def top_space_px(declaration: Declaration | None, font_px: float) -> float | None:
    """The top margin or top padding a declaration gives, in pixels: its value for a longhand
    (`margin-top`), its first for the shorthand (`margin`); 0 for none or a value not worked out
    here (`auto`, a percentage, `calc()`, `var()`), so that the space is never more than a
    browser gives; None for a negative length, which pulls what follows up by an amount the
    checker does not follow through collapsing margins."""
    if declaration is None or not 1 <= len(declaration.values) <= 4 or (len(declaration.values) > 1 and "-" in declaration.name):
        return 0.0
    found = _token_px(declaration.values[0], font_px)
    if found is None:
        return 0.0
    return None if found < 0 else found


def shown_height_px(declared: Mapping[str, Declaration], font_px: float) -> float | None:
    """How far below its top padding a box that shows one line only (`one_line_box`) shows what
    it holds, in pixels at its font size `font_px`: the smaller of its `height` and `max-height`
    in `lh`, `em` or `px`, with its bottom padding (the larger where two are declared); None
    when neither is such a length."""
    padding = padding_px(declared, "padding-bottom", font_px)
    if padding is None:
        return None
    lines = [found for name in ("height", "max-height") if name in declared and (found := _lines(declared[name], font_px, padding)) is not None]
    return min(lines) * ONE_LINE_EMS * font_px if lines else None


def _length(declaration: Declaration, font_px: float) -> float | None:
    """A declaration's one length in pixels; None for anything else."""
    return _token_px(declaration.values[0], font_px) if len(declaration.values) == 1 else None


def _token_px(token: Any, font_px: float) -> float | None:
    """A length in pixels, a font-relative one at `font_px`; None for a percentage, a keyword or
    an unknown unit."""
    if token.type == "dimension" and token.lower_unit in _FONT_UNITS:
        return float(token.value) * _FONT_UNITS[token.lower_unit] * font_px
    return length_px(token)


def _margin_left(declared: Mapping[str, Declaration], font_px: float) -> float | None:
    """How far the left margin moves the box (0 when none is declared); None for `auto`, a
    percentage, or a longhand and a shorthand that disagree (which wins is not known here)."""
    found: list[float | None] = []
    if "margin-left" in declared:
        found.append(_length(declared["margin-left"], font_px))
    if "margin" in declared:
        values = declared["margin"].values
        found.append(_token_px(values[3 if len(values) == 4 else 1 if len(values) > 1 else 0], font_px) if 1 <= len(values) <= 4 else None)
    if not found:
        return 0.0
    if any(value is None for value in found) or len(set(found)) > 1:
        return None
    return found[0]


def _relative_offset(declared: Mapping[str, Declaration], font_px: float) -> tuple[float, float] | None:
    """How far `left`/`right` and `top`/`bottom` move a relatively positioned box (`left` over
    `right`, `top` over `bottom`, as CSS has it); None when one that applies is not a length."""
    if "inset" in declared:
        return None  # its sides' order against the longhands is not known here
    moved = []
    for start, end in (("left", "right"), ("top", "bottom")):
        if start in declared and declared[start].keyword != "auto":
            value = _length(declared[start], font_px)
        elif end in declared and declared[end].keyword != "auto":
            value = _length(declared[end], font_px)
            value = None if value is None else -value
        else:
            value = 0.0
        if value is None:
            return None
        moved.append(value)
    return moved[0], moved[1]


def _placed(declared: Mapping[str, Declaration], font_px: float) -> tuple[float | None, float | None] | None:
    """Where `left` and `top` place an absolutely positioned box from its containing block (None
    on an axis where they are `auto`: the box stays where the flow puts it); None when a side is
    placed from the far edge (`right`, `bottom`, `inset`) or by a percentage."""
    if "inset" in declared:
        return None
    placed: list[float | None] = []
    for start, end in (("left", "right"), ("top", "bottom")):
        if start in declared and declared[start].keyword != "auto":
            value = _length(declared[start], font_px)
            if value is None:
                return None
            placed.append(value)
        elif end in declared and declared[end].keyword != "auto":
            return None
        else:
            placed.append(None)
    return placed[0], placed[1]


def _translation(tag: str, declared: Mapping[str, Declaration]) -> tuple[float, float] | None:
    """How far `transform` and `translate` move the box (0, 0 for none); None for any other
    transform, a percentage, or a transform on an inline box (which it does not apply to) whose
    `display` the checker does not know."""
    moved = [0.0, 0.0]
    for name in ("transform", "translate"):
        if name not in declared or declared[name].keyword == "none":
            continue
        offset = translation_px(name, declared[name].values)
        if offset is None or _inline(tag, declared):
            return None
        moved = [moved[0] + offset[0], moved[1] + offset[1]]
    return moved[0], moved[1]


def _inline(tag: str, declared: Mapping[str, Declaration]) -> bool:
    """True for an element a browser lays out inline, by its tag, when it declares no `display`."""
    return tag in _INLINE_TAGS and "display" not in declared


def _keeps_to_one_line(declared: Mapping[str, Declaration]) -> bool:
    """True when the box's text does not wrap, and so may run out of its declared width."""
    wrapping = {declared[name].keyword for name in ("white-space", "text-wrap-mode", "text-wrap") if name in declared}
    return bool(wrapping & {"nowrap", "pre"})


def _first_inside(element: Any) -> bool:
    """True when the element is the first thing its parent holds: no element and no text before it."""
    parent = element.getparent()
    if (parent.text or "").strip():
        return False
    previous = element.getprevious()
    while previous is not None:
        if isinstance(previous.tag, str) or (previous.tail or "").strip():
            return False
        previous = previous.getprevious()
    return True


def _right_to_left(element: Any) -> bool:
    """True when the element's text runs right to left (`dir="rtl"` on it or an ancestor, the
    nearest one deciding): what overflows it then runs out to the left."""
    for node in (element, *element.iterancestors()):
        direction: str | None = node.get("dir")
        if direction is not None:
            return direction.strip().lower() == "rtl"
    return False


# Offsets that move a box: with a clipping box of known size on the page that some of them moves
# by as much, the page's position, size and transform rules are worth matching.
_MOVING = frozenset({"left", "top", "right", "bottom", "margin-left", "margin", "inset"})
# A move this far left or up is off the screen, which `visibility` reads without any clip.
_OFF_SCREEN_PX = -1000.0


def clipping_size(declarations: Sequence[Declaration]) -> float | None:
    """The smaller declared size (px, font-relative units at 16px) of a box that one rule's (or
    `style` attribute's) declarations make clip its overflow; None when they do not, or give no
    size larger than a pixel (a smaller box hides all it holds anyway: see `visibility`)."""
    names = {d.name: d for d in declarations}
    x, y = overflow_axes(names)
    if x not in _CLIPS and y not in _CLIPS:
        return None
    sizes = [_token_px(names[name].values[0], 16.0) for name in ("width", "height") if name in names]
    return min((size for size in sizes if size is not None and size > 1), default=None)


@per_declaration
def move_px(declaration: Declaration) -> float:
    """How far (px, font-relative units at 16px) a declaration may move a box, 0 when it cannot
    (a move off the screen to the left or up is not counted: it hides whatever clips)."""
    if declaration.name in ("transform", "translate"):
        offset = translation_px(declaration.name, declaration.values)
        return 0.0 if offset is None else max((abs(v) for v in offset if v > _OFF_SCREEN_PX), default=0.0)
    if declaration.name not in _MOVING:
        return 0.0
    lengths = [_token_px(token, 16.0) for token in declaration.values]
    return max((abs(v) for v in lengths if v is not None and v > _OFF_SCREEN_PX), default=0.0)


# The height of one line of text at `line-height: normal`, in ems of the element's own font size
# (fonts give 1.1 to 1.25): a box no taller that clips its overflow shows its first line only.
ONE_LINE_EMS = 1.2
# The displays of a non-replaced inline box, which `width` and `height` do not size (CSS 2.1, 10.3.1
# and 10.6.1): `inline`, and an inline list item (`inline list-item`, as `display_keyword` reads it).
INLINE_BOX_DISPLAYS = frozenset({"inline", "inline list-item"})
# The displays under which `height` does not size the box.
_UNSIZED_DISPLAYS = INLINE_BOX_DISPLAYS | {"contents", "none"}
# The displays of a block container in normal flow, whose lines stack one under another: the
# only boxes that can show one line of what they hold. A flex or grid container sets its items
# side by side (or where its template says), a table and its cells grow to fit their content, and
# an inline box is not sized by `height`.
_LINE_STACKING_DISPLAYS = frozenset({"block", "flow-root", "list-item", "flow-root list-item"})
# The tags a browser lays out as such a block container when the page's CSS sets no `display`
# (HTML, 15.3.3 and 15.3.7); not a table or its parts, nor an inline or replaced element.
# Tables and their parts grow to fit what they hold: a declared width or height is a least size.
_TABLE_TAGS = frozenset({"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"})
_LINE_STACKING_TAGS = BLOCK_TAGS - _TABLE_TAGS - {"html", "body", "hr", "legend"}
# Properties that lay a box's lines out other than one under another (in columns side by side,
# or vertically), each with the value that leaves them so.
_LINE_LAYOUT = {"columns": "auto", "column-count": "auto", "column-width": "auto", "writing-mode": "horizontal-tb"}


def _lines_laid_out_plainly(declared: Mapping[str, Declaration]) -> bool:
    """True when nothing declared lays a box's lines out other than one under another (`_LINE_LAYOUT`)."""
    return all(name not in declared or declared[name].keyword == plain for name, plain in _LINE_LAYOUT.items())


# The displays of a box laid out as a block in its parent's flow, which starts on a line of its own
# (CSS Display 3, 2.1), with the vendor forms Chromium still lays out so: `-webkit-box`, the legacy
# flexbox, and `-webkit-flex`, an alias of `flex`. A value of several keywords is read as its
# short form (`css.display_keyword`: `block flow` is `block`), or as Chromium serialises it.
_BLOCK_LEVEL_DISPLAYS = frozenset(
    {"block", "flow-root", "list-item", "flow-root list-item", "flex", "grid", "table", "block ruby", "block math", "-webkit-box", "-webkit-flex"}
)
# Floats, and positions that take a box out of its parent's flow.
_FLOATS = frozenset({"left", "right", "inline-start", "inline-end"})
_OUT_OF_FLOW_POSITIONS = frozenset({"absolute", "fixed"})
_IN_FLOW_POSITIONS = frozenset({"static", "relative", "sticky"})


def one_line_box(declared: Mapping[str, Declaration], font_px: float, tag: str | None = None, *, px_heights: bool = True) -> bool:
    """True when the element is a block container in normal flow (its `display` `block`,
    `flow-root` or `list-item`, or none declared on a `tag` a browser lays out so; None: a tag not
    known) whose lines stack one under another, that clips its vertical overflow (`overflow` or
    `overflow-y` `hidden` or `clip`), and whose `height` or `max-height`, with its bottom padding,
    is one line of its own font size (`font_px`) or less: at most 1lh, or 1.2em in `em` or `px`
    (`height: 1em`, `max-height: 1.2em`), or the box's own larger `line-height`
    (`line-height: 20px; max-height: 20px`), and more than 1px. A height in `px` counts only
    with `px_heights` (the caller knows the font size it is compared with), or when it is no
    more than a `line-height` the box sets in `px`. False for a height in any
    other unit, a `min-height` that may be taller, a padding the checker does not work out, and
    a flex, grid, table, inline or multi-column box. A vertical `-webkit-box` clamped to one line
    (`-webkit-line-clamp: 1`) that clips its overflow shows one line whatever its height."""
    if overflow_axes(declared)[1] not in _CLIPS:
        return False
    if _clamped_to_one_line(declared):
        return True
    if not _stacks_lines(declared, tag):
        return False
    if "min-height" in declared and ((least := _lines(declared["min-height"], font_px, 0.0)) is None or least > 1):
        return False
    padding = padding_px(declared, "padding-bottom", font_px)
    if padding is None:
        return False
    line_px = ONE_LINE_EMS * font_px
    # Each line box is at least as high as the box's own `line-height` (its strut: CSS 2.1,
    # 10.8.1): a height no more than that one set in `px` is one line whatever the font size.
    own_line_px, own_in_px = _own_line_height(declared, font_px)
    # A box 1px high or less shows nothing at all (see `visibility`): not a line.
    return any(
        name in declared
        and (lines := _lines(declared[name], font_px, padding)) is not None
        and 1.0 < lines * line_px <= max(line_px, own_line_px) + _ROUNDING_PX
        and (px_heights or not _in_px(declared[name]) or (own_in_px and lines * line_px <= own_line_px + _ROUNDING_PX))
        for name in ("height", "max-height")
    )


# Heights are worked out through lines of 1.2em (`_lines`): 22px comes back a hair over 22px.
_ROUNDING_PX = 1e-6


def _own_line_height(declared: Mapping[str, Declaration], font_px: float) -> tuple[float, bool]:
    """The box's own `line-height` in pixels at its font size `font_px` (a length in `px` or
    `em`, a number or a percentage of the font size), and whether it is in `px`; 0 when it sets
    none, `normal`, another unit, or a `font` shorthand that may set it too (which of the two
    wins is not worked out here)."""
    declaration = declared.get("line-height")
    if declaration is None or "font" in declared or len(declaration.values) != 1:
        return 0.0, False
    token = declaration.values[0]
    if token.type == "number":
        return float(token.value) * font_px, False
    if token.type == "percentage":
        return float(token.value) / 100 * font_px, False
    if token.type == "dimension" and token.lower_unit in ("px", "em"):
        return float(token.value) * (1.0 if token.lower_unit == "px" else font_px), token.lower_unit == "px"
    return 0.0, False


def _clamped_to_one_line(declared: Mapping[str, Declaration]) -> bool:
    """True for a `-webkit-box` laid out vertically (`-webkit-box-orient: vertical`) with
    `-webkit-line-clamp: 1`: the legacy line clamp (CSS Overflow 4, 4.2), which browsers lay out
    as a block container whose lines after the first are cut off, where its overflow is clipped;
    its lines must stack (`_lines_laid_out_plainly`)."""
    clamp = declared.get("-webkit-line-clamp")
    if clamp is None or len(clamp.values) != 1 or clamp.values[0].type != "number" or clamp.values[0].value != 1:
        return False
    orient, display = declared.get("-webkit-box-orient"), declared.get("display")
    if orient is None or orient.keyword != "vertical" or display is None or display_keyword(display) != "-webkit-box":
        return False
    return _lines_laid_out_plainly(declared)


def declares_one_line_box(declarations: Sequence[Declaration], font_px: float) -> bool:
    """True when one rule's (or `style` attribute's) declarations make a box that shows one line
    only at `font_px` (see `one_line_box`), whatever element they are on: no tag is known, and a
    height in `px` counts. Read only when they set `overflow` or `overflow-y`, without which no
    box clips its vertical overflow (most do not: the test is on every `style` attribute)."""
    if not any(d.name in _VERTICAL_OVERFLOW for d in declarations):
        return False
    return one_line_box({d.name: d for d in declarations}, font_px)


_VERTICAL_OVERFLOW = frozenset({"overflow", "overflow-y"})


def _stacks_lines(declared: Mapping[str, Declaration], tag: str | None) -> bool:
    """True for a block container in normal flow whose lines stack one under another (see `one_line_box`)."""
    display = declared.get("display")
    if display is None:
        if tag is not None and tag not in _LINE_STACKING_TAGS:
            return False
    elif display_keyword(display) not in _LINE_STACKING_DISPLAYS:
        return False
    return _lines_laid_out_plainly(declared)


def _in_px(declaration: Declaration) -> bool:
    return any(token.type == "dimension" and token.lower_unit == "px" for token in declaration.values)


def flow_in_line_box(
    declared: Mapping[str, Declaration], tag: str, block_tag: bool, parent_display: Declaration | None = None, parent_tag: str | None = None
) -> str:
    """How a box inside a box that shows one line only (see `one_line_box`) is laid out, by its
    own computed `display`, `float` and `position` (`block_tag`: its `tag` is a block one when no
    `display` is declared) and, when its parent is not the line box, the `display` the parent
    declares and its tag (`parent_tag`; None: the parent is the line box): "block" for a
    block-level box in normal flow, which starts a line of its own; "table part" for a table's
    part (`display: table-cell`, `table-row`…) whose parent is a block container: the anonymous
    table CSS wraps it and the parts beside it in (CSS 2.1, 17.2.1) is block-level, and starts a
    line where the first of them is; "out" for one taken out of the flow (floated, absolutely or
    fixed positioned), after which where the lines fall is not worked out; "inline" for any other
    (inline, inline-block, a cell of a table's row, a table's part in an inline box, whose
    anonymous table is an inline-table, an item of a flex or grid container, a display not
    read), which may share a line."""
    floated = declared.get("float")
    position = declared.get("position")
    if (floated is not None and floated.keyword in _FLOATS) or (position is not None and position.keyword in _OUT_OF_FLOW_POSITIONS):
        return "out"
    if parent_display is not None and display_keyword(parent_display) not in _LINE_STACKING_DISPLAYS:
        return "inline"
    display = declared.get("display")
    if display is None:
        return "block" if block_tag and tag not in _TABLE_CELL_TAGS else "inline"
    keyword = display_keyword(display)
    if keyword in _BLOCK_LEVEL_DISPLAYS:
        return "block"
    if keyword in _TABLE_PART_DISPLAYS and (parent_display is not None or parent_tag is None or parent_tag in _LINE_STACKING_TAGS):
        return "table part"
    return "inline"


# The displays of a table's parts, which CSS wraps in an anonymous table where their parent is
# not the table's part they belong in (CSS 2.1, 17.2.1).
_TABLE_PART_DISPLAYS = frozenset(
    {"table-row-group", "table-header-group", "table-footer-group", "table-row", "table-cell", "table-column-group", "table-column", "table-caption"}
)


def table_part(declared: Mapping[str, Declaration]) -> bool | None:
    """True when the element's declared `display` makes it a table's part (`table-cell`,
    `table-row`…), None when it makes no box (`display: none`), False otherwise."""
    display = declared.get("display")
    keyword = "" if display is None else display_keyword(display)
    return True if keyword in _TABLE_PART_DISPLAYS else None if keyword == "none" else False


def holds_lines_of_box(declared: Mapping[str, Declaration], tag: str) -> bool:
    """True when the lines of an element inside a box that shows one line only (see
    `one_line_box`), or between the box and a `<br>` it holds, are lines of the box: the element
    is in normal flow (not floated, nor absolutely or fixed positioned) and is a block container
    whose lines stack (see `_stacks_lines`) or an inline box (`display: inline` or `inline
    list-item`, or none declared on an inline `tag` or a `<br>`). A `<br>` inside such elements
    only ends a line of the box, and what follows it is on a later one. Inside an inline-block, a table, a flex or grid
    container or an item of one, a line break ends a line of that box, which the checker does
    not place."""
    floated = declared.get("float")
    position = declared.get("position")
    if (floated is not None and floated.keyword != "none") or (position is not None and position.keyword not in _IN_FLOW_POSITIONS):
        return False  # (a value not read too)
    display = declared.get("display")
    if (display is None and (tag in _INLINE_TAGS or tag == "br")) or (display is not None and display_keyword(display) in INLINE_BOX_DISPLAYS):
        return True
    return _stacks_lines(declared, tag)


# The displays of an atomic inline box, which is laid out whole in a line as an image is: a line
# that holds one is no empty line, whatever it holds (CSS 2.1, 9.2.2 and 9.4.2).
ATOMIC_INLINE_DISPLAYS = frozenset(
    {"inline-block", "inline-flex", "inline-grid", "inline-table", "inline flow-root list-item", "-webkit-inline-box", "-webkit-inline-flex"}
)
# Table cells sit side by side in their row.
_TABLE_CELL_TAGS = frozenset({"td", "th"})
# The displays that put a box in the line of the text around it (CSS Display 3, 2.1; `contents`:
# no box of its own, its content flows where it is).
_INLINE_LEVEL_DISPLAYS = frozenset(
    {
        "inline",
        "inline-block",
        "inline-flex",
        "inline-grid",
        "inline-table",
        "inline list-item",
        "inline flow-root list-item",
        "-webkit-inline-box",
        "-webkit-inline-flex",
        "contents",
        "ruby",
        "math",
    }
)


def laid_out_as_block(declared: Mapping[str, Declaration], block_tag: bool) -> bool:
    """Whether an element lays out a block of text of its own (a line of its own, as a `<p>`
    does): by the `display` the page declares for it when that is a block-level one
    (`block`, `flex`, `grid`, `table`, `list-item`, `flow-root`, `-webkit-box`, `-webkit-flex`) or an
    inline-level one (`inline`, `inline-block`, `contents`…), else by its tag (`block_tag`), as
    for `none`, a table's part or a value not read."""
    display = declared.get("display")
    if display is None:
        return block_tag
    keyword = display_keyword(display)
    if keyword in _BLOCK_LEVEL_DISPLAYS:
        return True
    return False if keyword in _INLINE_LEVEL_DISPLAYS else block_tag


def _lines(declaration: Declaration, font_px: float, padding_px: float) -> float | None:
    """How many lines of text a height (plus a padding in pixels) holds; None for a height in a
    unit other than `lh`, `em` and `px`, or a value that is not one length."""
    if len(declaration.values) != 1:
        return None
    token = declaration.values[0]
    if token.type == "number" and token.value == 0:
        return padding_px / (ONE_LINE_EMS * font_px)
    if token.type != "dimension":
        return None
    unit = token.lower_unit
    if unit == "lh":
        return float(token.value) + padding_px / (ONE_LINE_EMS * font_px)
    if unit not in ("em", "px"):
        return None
    height = float(token.value) * (font_px if unit == "em" else 1.0)
    return (height + padding_px) / (ONE_LINE_EMS * font_px)


def sizes_clip(tag: str, declared: Mapping[str, Declaration]) -> bool:
    """True when a declared `width`/`height` bounds what the element shows with `overflow:
    hidden`: not for an inline box (a `<span>`, or `display: inline`/`contents`, which sizes do not
    apply to) nor a table or a part of one (`<td>`, `display: table-cell`: it grows to fit)."""
    display = declared.get("display")
    keyword = display_keyword(display) if display is not None else ""
    if keyword in _UNSIZED_DISPLAYS or keyword.startswith("table") or keyword == "inline-table":
        return False
    return display is not None or (tag not in _INLINE_TAGS and tag not in _TABLE_TAGS)
