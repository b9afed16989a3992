"""What a browser paints over an element, in the order it paints a stacking context (CSS 2.2,
Appendix E; CSS Positioned Layout 3): the element and all it holds are then not seen.

- Under an ancestor's background: a box with a negative `z-index` (positioned, or an item of a
  flex or grid container) is painted in its stacking context's negative layer, after the
  background of the context's root and before the backgrounds of the boxes inside it. An opaque
  background (a colour, or a gradient of one colour that covers the box: `visibility`'s reading)
  painted by an ancestor between it and the root of its stacking context (a block, an inline
  block, a flex or grid container; a table's `bgcolor` is one too) — the nearest ancestor
  that forms one, the root element otherwise — is painted over it. The root's own background is
  under it, and so is `<body>`'s where the root has none (it is the canvas's then).
- Under a cover: an absolutely positioned box that fills its containing block (all four sides at
  0 or less, reaching past its edges, or `top`/`left` at 0 with a width and height of 100% or
  more; or, on an axis where the block's size is in absolute lengths, a side at 0 or less and a
  size reaching its far side, in px, `em` or `rem`: `_spans`),
  paints an opaque background (`content-visibility` or `contain` on it take away none) and has
  a `z-index` of `auto` or more is painted after the boxes in the normal flow of that block, and
  after the positioned ones before it in the tree at its level; what its containing block holds
  beside it is under it, unless positioned at a higher level or later at the same one. The
  containing block is the nearest ancestor that is positioned, transformed, filtered or contains
  layout or paint (CSS Positioned Layout 3, 3.1); the boxes between them are read as its parent's
  are, each beside the cover before or after it in the tree.

Read only where the text fits across the box that paints (`_stays_within`): one narrower than
the text paints under or over part of it, and the rest overflows beside it, seen, unless that
box clips its overflow. Text is read one em wide a character, all of it under `white-space:
nowrap`, else its longest word or the widest box it wraps in, against the widths and maximum
widths set on that box and the ancestors it is as wide as.

Read only where the page's own CSS says all of it, soundly: the chain of boxes between the
element and what paints over it keeps the element inside that box (nothing on it is floated,
placed absolutely or fixed, moved by offsets, a transform or a negative margin, given a height
that its content may overflow, or laid out by a grid on a page whose CSS names any `grid-`
property, which may size its tracks smaller than their items), nothing on it forms a stacking context
(a positioned box with a `z-index`, `opacity`, a transform, a filter, a mask, `isolation`,
`contain`, `will-change`, `content-visibility: auto`, `container-type: size`…: what the checker
cannot rule out counts as one; not `zoom`, `container-type: inline-size`, `contain: style` nor a
`will-change` of properties that make none, as in Chromium), no rule that only
some screens meet sets what is read here, none of it is a `var()` (not worked out here) but a
cover's background (`background: var(--paper)`, filled in from the custom properties in force on
the cover, its own or its ancestors', unless the page registers one with `@property` or a rule
only some screens meet sets one), and the painting box has no rounded corners, no background
size, place or repeat, and no `background-clip: text`. Not read: a cover of the
initial containing block, of `<html>` or `<body>` (a full-page cover is a loading screen, a
cookie wall or a paywall that scripts lift, as `position: fixed` ones are), a cover with a box
between it and its containing block that makes a stacking context or is not in the flow, and one
that fades, blends, moves, is rounded, animated or
hidden, or is a link's overlay with no background (`a::after { position: absolute; inset: 0 }`:
it covers nothing). Nor an `<img>` (whether the picture is opaque is not known) or a `<button>` in
its native look (which rounds its corners) as the cover, nor one painted by its border or its
shadow alone (whether it reaches over an element depends on sizes not laid out here).

A `::before` or `::after` is a cover as an element is (`_Pseudo`: its element's first or last
child; a picture, a form field or a line break has none: `_has_pseudo_elements`), matched by the
rules for it (`_pseudo_covers`), when its `content` makes a box of it (`generated.pseudo_boxes`:
`""`, an image; not `none`, `normal` or none set). Not read: one a rule
of some screens only styles, or whose `content` a rule in a `@layer` sets, nor any on a page with a
rule for one in `@scope`. Its background's `var()`s are filled in as an element's (its element
is its parent, whose custom properties it inherits). What its own element holds is read as beside it,
after a `::before` and before an `::after`; that element, which holds the cover, is not whole.

Under its own outline: an outline is painted after the content of its stacking context (CSS 2.2,
Appendix E, step 10; CSS Basic User Interface 4, 5.4), over the element's own picture. A negative
`outline-offset` draws it inward from the border edge: an image whose solid, opaque outline
(`outline: 200px solid #fff; outline-offset: -100px`) reaches from its border edge, or beyond it,
inward to its middle on its shorter axis, covers all of the picture (`outlined_over`). Read only
for an image whose size is given in pixels (its `width`/`height` attributes or CSS) with no padding
or border, the outline set by rules every screen meets, its colour given and opaque. Not read: an
outline of another style (`dotted`, `double`, `auto`), in `currentcolor`, on text (its box's
height is that of its lines, laid out; Chromium draws an inline box's outline around its line
boxes), or on an ancestor of the image. An inset `box-shadow` is painted under the content (CSS
Backgrounds 3, 7.1.1): it covers none of a picture or text, however wide.

Its own text is (`Painted.own_text`): the text of a cover's containing block and of the boxes in
the flow between them, their text and the text after each of their children, is painted in the
flow, before any positioned box in them, wherever it stands beside the cover in the tree. The
containing block may be an inline block (its box shrinks to what it lays out), or an inline box
certainly on one line (`_on_one_line`: its box is then its text's), the cover its child. A cover
stretched between its offsets may have negative margins (`_margin_keeps_it_over`), no positive one.

Under a cover sized in absolute lengths (`_Reader._over_pictures`): an absolutely positioned box
(or `::before`/`::after`) that paints as a cover does, placed by a `left` and a `top` and sized
by a `width` and a `height` in `px`, `pt`…, in `em` of its font size or `rem` of the root's
(`_font_px`, where no heading or other tag of a font size of its own and no `font` shorthand is
on its way down the tree), or in percentages of its block's padding box where that is sized in
absolute lengths (`_Lengths`; `_cover_rect`: its margins move it; a padding, a
border or `box-sizing` only make its painted box larger), paints over the `<img>` that stands
first in its containing block (`_leading_pictures`: white space and boxes out of the flow before
it, in plain wrappers of no margin, padding, border or font), whose box lies inside its own:
the picture stands at the block's content corner (`_picture_place`: a block or inline block
whose padding is in absolute lengths, its lines set from the left), its size its CSS's in
absolute lengths or its attributes'; laid out inline, on the block's first line, it may sit
lower by what the line's strut rises above the picture (`_sinking`). What is painted after
what is read as for a cover beside it (`_painted_whole`). The block's height is not read: the
picture's place does not depend on it. A cover that fills a block it is not read over whole (a
block of a height of its own) is read so too, of the block's padding box (`_padding_box`). Which cover hides each element is kept
(`Painted.by`), for a report to name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from compliance.document import offsets
from compliance.document.css import (
    CSS_WIDE_KEYWORDS,
    FONT_UNIT_EMS,
    SCREEN_AND_ROOT_UNITS,
    UNREAD_SIDE,
    Declaration,
    absolute_length_px,
    colour,
    display_keyword,
    length_px,
    side_value,
)
from compliance.document.elements import BLOCK_TAGS, PLAIN_INLINE_TAGS
from compliance.document.generated import pseudo_boxes
from compliance.document.selector_lists import parsed_selectors
from compliance.document.text_width import widest_ems
from compliance.document.visibility import (
    _DEFAULT_FONT_PX,
    _UNLAYERED,
    _UNSCOPED,
    NOT_RENDERED_TAGS,
    SHOWN,
    SKIP_TAGS,
    UA_HIDDEN_TAGS,
    Hints,
    PageStyle,
    _chain_of,
    _chain_select,
    _colours,
    _CompiledSelector,
    _font_down_the_tree,
    _match_rule,
    _presentational_colours_if_any,
    _Scope,
    _size_attributes,
    _subject_of,
    _uses_variables,
    is_hidden,
    page_rules,
    variables_filled_from,
)
from compliance.firstuse import on_first_use

# Cheap tests of a page's CSS text, before any element is looked at.
# The covers of a page that are read (see `_Reader.under_covers`): real pages have a few.
_MOST_COVERS = 20
_NEGATIVE_Z_INDEX = on_first_use(r"z-index\s*:[^;}]*-")  # searched in the page's CSS lowered

# What makes a stacking context of a box, other than a position with a `z-index` (CSS Positioned
# Layout 3, CSS Compositing 1, CSS Transforms 1 and 2, CSS Masking 1, CSS Containment 2, CSS Will
# Change 1…): any value but these initial ones counts (`will-change: color` too: not worked out).
_STACKING_PROPERTIES = (
    "opacity",
    "filter",
    "-webkit-filter",
    "transform",
    "translate",
    "rotate",
    "scale",
    "perspective",
    "clip-path",
    "mask",
    "mask-image",
    "-webkit-mask",
    "-webkit-mask-image",
    "mix-blend-mode",
    "isolation",
    "will-change",
    "contain",
    "container-type",
    "backdrop-filter",
    "-webkit-backdrop-filter",
    "-webkit-box-reflect",
    "view-transition-name",
    "offset-path",
    "transform-style",
    "content-visibility",
)
# Values of those that make no stacking context though not initial, as this Chromium paints them:
# `container-type: inline-size` (no layout containment, unlike `size`), `contain: style`, and a
# `will-change` of properties none of whose values make one (`zoom` makes none at any value).
_NOT_STACKING = {
    "container-type": frozenset({"inline-size", "scroll-state", "anchored"}),
    "contain": frozenset({"style"}),
    "will-change": frozenset(
        {"scroll-position", "contents", "z-index", "zoom", "container-type", "color", "background", "background-color"}
        | {"top", "right", "bottom", "left", "inset", "width", "height"}
    ),
}
_INITIAL_KEYWORDS = frozenset({"none", "normal", "auto", "visible", "flat", "initial", "unset", "revert", "revert-layer"})
_OFFSETS = ("top", "right", "bottom", "left")
# The offsets and the size of a box on each axis.
_AXES = (("left", "right", "width"), ("top", "bottom", "height"))
_MARGINS = ("margin", "margin-top", "margin-right", "margin-bottom", "margin-left")
_RADII = ("border-radius", "border-top-left-radius", "border-top-right-radius", "border-bottom-left-radius", "border-bottom-right-radius")
_BACKGROUND_PLACING = ("background-size", "background-position", "background-repeat")
_LIMITS = (("height", "auto"), ("max-height", "none"))
# What sets how wide a box is drawn (its background with it), and what sets how wide its text
# runs: a box narrower than its text paints its background under part of it only, and the text
# that overflows it is drawn beside it, seen (unless the box clips what overflows it).
_WIDTHS = ("width", "max-width")
_WIDENING = ("width", "min-width")
_WRAPPING = ("white-space", "text-wrap-mode", "text-wrap")
# What draws a picture of its own width, which a box narrower than it lets overflow.
_PICTURE_TAGS = frozenset({"img", "amp-img", "amp-anim", "svg", "video", "canvas", "iframe", "object", "embed", "picture", "input"})
# The wrapping keywords that let text break between words.
_WRAPS = ("normal", "wrap", "pre-wrap", "pre-line", "break-spaces", "balance", "pretty", "stable", "auto", "initial", "revert", "revert-layer")
# How wide text is drawn is read at the widest each character may be (`text_width.widest_ems`),
# so that text is never judged to fit a box it may run out of.
_ANIMATIONS = ("animation", "animation-name")
# What widens a line or breaks it, and what sizes or moves text on it (read on an inline box a
# cover fills and on what shares its line: `_on_one_line`).
_LINE_WIDENING = (
    "padding",
    "padding-left",
    "padding-right",
    "letter-spacing",
    "text-indent",
    "width",
    "min-width",
    "margin",
    "margin-left",
    "margin-right",
    *_WRAPPING,
)
# What moves or widens text on a line that the page's declarations read here do not hold (see
# `css.FAMILIES`): on a page whose CSS names one, no inline box is read as a cover's block.
_UNREAD_ON_THE_LINE = ("vertical-align", "word-spacing")
_LINE_SHIFTING = ("font", "font-size", "display", "position", "float", "top", "bottom", "inset", "transform", "translate")
# The width (px) a line is given where no width is set on its block or the ancestors it is as
# wide as: an article's narrowest column on the screen read here (`offsets.SCREEN_WIDTH_PX`).
_NARROWEST_COLUMN_PX = 0.6 * offsets.SCREEN_WIDTH_PX
# What places a box by the flow's directions: a cover sized in px is not read
# where one is set (`_cover_rect`).
_LOGICAL_PLACING = (
    "inset-inline",
    "inset-inline-start",
    "inset-block",
    "inset-block-start",
    "margin-inline",
    "margin-inline-start",
    "margin-block",
    "margin-block-start",
)
# Every property read here.
_NAMES = frozenset(
    {
        "z-index",
        "position",
        "float",
        "display",
        "visibility",
        "inset",
        "width",
        "height",
        "max-width",
        "max-height",
        "min-width",
        "font-size",
        "font",
        "padding",
        "padding-left",
        "padding-right",
        "letter-spacing",
        "text-indent",
        "overflow",
        "overflow-x",
        "overflow-y",
        *_WRAPPING,
        "background",
        "background-color",
        "background-image",
        "background-clip",
        "-webkit-background-clip",
        "color",
        "clip",
        "zoom",
        *_STACKING_PROPERTIES,
        *_OFFSETS,
        *_MARGINS,
        *_RADII,
        *_BACKGROUND_PLACING,
        *_ANIMATIONS,
        *_LOGICAL_PLACING,
    }
)
# What a cover may set that makes a stacking context of it but paints its background as it is:
# it is one already, at its `z-index`; `content-visibility: hidden` skips only what it holds.
_COVER_KEEPS = frozenset({"z-index", "position", "content-visibility", "contain", "isolation", "container-type"})
# What places an absolutely positioned box, read first on every such box.
_PLACING = frozenset({"position", "inset", "width", "height", *_OFFSETS})
# What paints a box's background, read next on those that fill their block.
_PAINTING = frozenset(
    {"background", "background-color", "background-image", "background-clip", "-webkit-background-clip", "color", *_RADII, *_BACKGROUND_PLACING}
)
# What makes a box the containing block a cover fills (`_containing_block`), or one between them.
_BLOCK_NAMES = frozenset({"position", "height", "max-height", "display", *_STACKING_PROPERTIES})
# What makes a box the containing block of the absolutely positioned boxes in it, unpositioned
# (CSS Transforms 1 and 2, Filter Effects 1 and 2), at any value but `none`.
_HOLDING = ("transform", "translate", "rotate", "scale", "perspective", "filter", "-webkit-filter", "backdrop-filter", "-webkit-backdrop-filter")
# The keywords of `contain` and `will-change` that make one of a box (CSS Containment 2, Will Change 1).
_HOLDING_KEYWORDS = {
    "contain": frozenset({"layout", "paint", "strict", "content"}),
    "will-change": frozenset({"transform", "translate", "rotate", "scale", "perspective", "filter", "backdrop-filter"}),
}
# The containers whose children are flex or grid items, to which `z-index` applies unpositioned.
_ITEM_CONTAINERS = frozenset({"flex", "inline-flex", "grid", "inline-grid", "-webkit-box", "-webkit-inline-box", "-webkit-flex", "-webkit-inline-flex"})
_BLOCK_DISPLAYS = frozenset({"block", "flow-root", "list-item", "flex", "-webkit-box", "-webkit-flex", "table"})
_GRIDS = frozenset({"grid", "inline-grid"})
# The inline-level boxes that hold what they lay out, whose backgrounds are painted like a block's.
_INLINE_BLOCKS = frozenset({"inline-block", "inline-flex", "-webkit-inline-box", "-webkit-inline-flex", "inline-table"})
# What in a page's CSS text sizes or places a grid's tracks, which its items may then overflow:
# a grid of none of it is one column as wide as the grid, of rows as high as their items.
_GRID_TRACKS = ("grid-", "grid:")
_UNKNOWN = object()
# What `_Reader.cascade` reads to read custom properties (`--paper`) alone.
_CUSTOM = frozenset({"--"})


class Cascade(NamedTuple):
    """The declarations read here on some elements (`declared`), and the elements a rule that only
    some screens meet sets one of them on (`varies`), where nothing is judged."""

    declared: Mapping[Any, Mapping[str, Declaration]]
    varies: frozenset[Any]
    # The displays whose items may overflow their box: a grid's, on a page that sizes or places
    # tracks (`_GRID_TRACKS`).
    overflowing: frozenset[str] = _GRIDS


class Painted(NamedTuple):
    """What something opaque is painted over on a page: `whole`, the elements painted over with
    all they hold; `own_text`, the elements whose own text (their text and the text after each
    of their children, not what the children hold) a cover inside them paints over: its
    containing block and the boxes in the flow between them (see the module's doc)."""

    whole: frozenset[Any] = frozenset()
    own_text: frozenset[Any] = frozenset()
    # The cover painted over each element of `whole` and of `own_text` (an element, or a
    # `::before`/`::after` read as one: `_Pseudo`), where a cover hides it: what a report names.
    by: Mapping[Any, Any] = MappingProxyType({})


NOTHING_PAINTED = Painted()


def painted_over(root: Any, sheets: Sequence[str], lowered: str, index: Any) -> Painted:
    """What something opaque is painted over (see `Painted` and the module's doc): nothing
    unless the page's CSS text names a negative `z-index` or an absolute position. `lowered`:
    the page's `<style>` blocks and `style` attributes joined and lowered; `index`: its
    `visibility._ElementIndex`."""
    overflowing = _GRIDS if any(word in lowered for word in _GRID_TRACKS) else frozenset()
    negative = "z-index" in lowered and _NEGATIVE_Z_INDEX().search(lowered) is not None
    covers = "absolute" in lowered
    if not negative and not covers:
        return NOTHING_PAINTED
    reader = _Reader(root, sheets, index, overflowing, pseudo=":before" in lowered or ":after" in lowered)
    # What moves text up or down on its line, or widens it, that the declarations read here do not
    # hold: an inline box is then not read as a cover's block (`_on_one_line`).
    reader.inline_blocks = not any(name in lowered for name in _UNREAD_ON_THE_LINE)
    # What places a box or a picture on its line that the declarations read here do not hold: a
    # cover placed by an anchor's area is not read, nor an inline picture on a page whose CSS
    # aligns boxes on their lines, keeps white space or styles a first line.
    reader.sized_read = not any(name in lowered for name in ("position-area", "inset-area"))
    reader.inline_pictures = not any(name in lowered for name in ("vertical-align", "white-space-collapse", "first-line"))
    found: set[Any] = set()
    own_text: set[Any] = set()
    by: dict[Any, Any] = {}
    if negative:
        found |= reader.under_backgrounds()
    if covers:
        whole, own_text, by = reader.under_covers()
        found |= whole
    return Painted(frozenset(found), frozenset(own_text), MappingProxyType(by))


# What draws an image's outline, and what sizes its border box (`content_box.SIZING`).
_OUTLINE = ("outline", "outline-width", "outline-style", "outline-color", "outline-offset")
# The widths the outline keywords stand for, as browsers draw them (CSS Backgrounds 3, 4.3).
_OUTLINE_KEYWORDS = {"thin": 1.0, "medium": 3.0, "thick": 5.0}


def outlined_over(root: Any, style: PageStyle) -> frozenset[Any]:
    """The images (`<img>`) under `root` whose own outline, drawn inward by a negative
    `outline-offset`, covers all their picture (see the module's doc). `style`: the page's
    `PageStyle`, which reads the outline and sizes from the page's whole cascade."""
    from compliance.document.content_box import SIZING

    images = [image for image in root.iter("img") if isinstance(image.tag, str)]
    if not images:
        return frozenset()
    # Their offsets first: a page's images with an outline drawn inward are few.
    inward = style.on_demand_of(images, ("outline-offset",))
    images = [image for image, declared in zip(images, inward, strict=True) if "outline-offset" in declared and _may_be_inward(declared["outline-offset"])]
    if not images:
        return frozenset()
    names = (*_OUTLINE, *SIZING)
    everywhere = style.on_demand_of(images, names)
    every_screen = style.on_demand_of(images, names, every_screen=True)
    return frozenset(
        image
        for image, declared, met in zip(images, everywhere, every_screen, strict=True)
        if declared == met and _outline_covers(declared, _size_attributes(image))
    )


def _may_be_inward(declaration: Declaration) -> bool:
    """True for an `outline-offset` that may be negative (a negative length, or a function)."""
    return any(t.type == "function" or (t.type == "dimension" and t.value < 0) for t in declaration.values)


def _outline_covers(declared: Mapping[str, Declaration], attributes: Mapping[str, float]) -> bool:
    """True when an image's outline (`declared`: its outline, size, padding and border
    declarations; `attributes`: its `width`/`height` attributes in px) is solid, opaque, reaches
    from its border edge or beyond inward past the middle of its shorter side, and the image has
    no padding, border or minimum size (its border box is then the size given)."""
    from compliance.document.content_box import SIZING

    outline = _outline_of(declared)
    offset = declared.get("outline-offset")
    inward = length_px(offset.values[0]) if offset is not None and len(offset.values) == 1 else None
    if outline is None or inward is None or inward >= 0 or any(name in declared for name in SIZING if name not in _IMAGE_SIZES):
        return False
    width, keyword, colour_token = outline
    painted = colour(colour_token) if colour_token is not None else None
    if keyword != "solid" or painted is None or painted[3] < 1 or width + inward < 0:
        return False
    sides = [size for name in ("width", "height") if (size := _css_or_attribute_px(declared, attributes, name)) is not None]
    return bool(sides) and min(sides) <= -2 * inward


# What sizes an image alone: `width` and `height`, and `box-sizing`, which without a padding or a
# border changes nothing.
_IMAGE_SIZES = frozenset({"width", "height", "box-sizing"})


def _css_or_attribute_px(declared: Mapping[str, Declaration], attributes: Mapping[str, float], name: str) -> float | None:
    """An image's size on one axis in px: its CSS's when it is set (None unless in pixels), else its attribute's."""
    declaration = declared.get(name)
    if declaration is None:
        return attributes.get(name)
    return length_px(declaration.values[0]) if len(declaration.values) == 1 else None


def _outline_of(declared: Mapping[str, Declaration]) -> tuple[float, str, Any] | None:
    """The outline's width in px, style and colour token (None when not given), from its
    shorthand or its longhands; None when both are set (which wins is not read here), or a part
    is not read."""
    longhands = [name for name in ("outline-width", "outline-style", "outline-color") if name in declared]
    shorthand = declared.get("outline")
    if shorthand is not None and longhands:
        return None
    tokens = list(shorthand.values) if shorthand is not None else [declared[name].values[0] for name in longhands if len(declared[name].values) == 1]
    if shorthand is None and len(tokens) != len(longhands):
        return None
    width: float | None = None
    keyword = "none"
    painted: Any = None
    for token in tokens:
        if token.type == "ident" and token.lower_value in _OUTLINE_KEYWORDS:
            width = _OUTLINE_KEYWORDS[token.lower_value]
        elif token.type == "ident" and token.lower_value in _OUTLINE_STYLES:
            keyword = token.lower_value
        elif (px := length_px(token)) is not None:
            width = px
        else:
            painted = token
    return None if width is None else (width, keyword, painted)


_OUTLINE_STYLES = frozenset({"none", "auto", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset", "hidden"})


def clipping_boxes(root: Any, sheets: Sequence[str], index: Any) -> list[Any]:
    """The elements a rule or a `style` attribute sets `overflow` or `overflow-y` on to a value
    that may cut it off (`hidden`, `clip`, or a function), in the page's order (`flow_clip`
    reads them; `index`: the page's `visibility._ElementIndex`)."""
    reader = _Reader(root, sheets, index, frozenset())
    return reader.candidates(frozenset({"overflow", "overflow-y"}), _may_clip)


def line_clipping_boxes(root: Any, sheets: Sequence[str], index: Any) -> list[Any]:
    """The elements a rule or a `style` attribute sets `overflow`, `overflow-x` or `overflow-y` on
    to a value that may cut it off, in the page's order (`line_clip` reads them)."""
    reader = _Reader(root, sheets, index, frozenset())
    return reader.candidates(frozenset({"overflow", "overflow-x", "overflow-y"}), _may_cut_off)


def unwrapping_boxes(root: Any, sheets: Sequence[str], index: Any) -> frozenset[Any]:
    """The elements a rule or a `style` attribute may keep from wrapping their lines (a
    `white-space`, `text-wrap-mode` or `text-wrap` that names `nowrap` or `pre`): `line_clip`'s
    cheap test of the boxes that clip a line across."""
    reader = _Reader(root, sheets, index, frozenset())
    return frozenset(reader.candidates(frozenset(_WRAPPING), _may_keep_one_line))


def _may_keep_one_line(declaration: Declaration) -> bool:
    return any(t.type == "ident" and t.lower_value in ("nowrap", "pre") for t in declaration.values)


def _may_cut_off(declaration: Declaration) -> bool:
    """True for an `overflow` or one of its longhands that may cut off what overflows."""
    return any(t.type == "function" or (t.type == "ident" and t.lower_value in ("hidden", "clip")) for t in declaration.values)


def _may_clip(declaration: Declaration) -> bool:
    """True for an `overflow` or `overflow-y` that may cut off what overflows down."""
    return declaration.name in ("overflow", "overflow-y") and any(
        t.type == "function" or (t.type == "ident" and t.lower_value in ("hidden", "clip")) for t in declaration.values
    )


class _Reader:
    """Reads a page's paint order, matching its rules on the few elements asked about."""

    def __init__(self, root: Any, sheets: Sequence[str], index: Any, overflowing: frozenset[str], *, pseudo: bool = False) -> None:
        self.root = root
        self.sheets = sheets
        # Whether the page's CSS names a `::before` or an `::after`, which may be covers.
        self.pseudo = pseudo
        # Whether an inline box may be read as the block a cover fills (`painted_over`).
        self.inline_blocks = True
        self.index = index
        self.overflowing = overflowing
        # The page's `bgcolor` attributes as `background-color` declarations (`presentational_colours`),
        # searched for by the reading of negative `z-index`es only (covers of a `bgcolor` are rare).
        self.hints: Hints = {}
        self.book = book = page_rules(tuple(sheets))
        # Its custom properties are read only where a cover's background is a `var()` (`_filled`),
        # from all the rules.
        self.all_rules = book.rules
        # A custom property registered with `@property` may not inherit, or start at a value of its
        # own: a `var()` is not filled in on such a page.
        self.registers = any("@property" in sheet.lower() for sheet in sheets)
        # The declarations painting each cover whose background is a `var()`, filled in (`_filled`).
        self.filled: dict[Any, Mapping[str, Declaration]] = {}
        # The covers sized and placed in absolute lengths rather than filling their block, read
        # over the pictures that stand first in it (`_over_pictures`).
        self.sized: set[Any] = set()
        self.sized_read = True
        self.inline_pictures = True
        # Each `::before` and `::after` read, by its element and which (`_Pseudo`).
        self.pseudo_boxes: dict[tuple[Any, str], _Pseudo] = {}
        self.ranks = book.ranks
        # Whether each rule's selectors may match on the page (`may_match`), by its place: asked
        # of the rules a step reads only.
        self._may_match: dict[int, bool] = {}

    @functools.cached_property
    def rules(self) -> dict[int, tuple[Any, list[Declaration]]]:
        """Each rule's declarations read here, by its place: worked out when the paint order is
        read, not for a step that asks for a few properties only (`candidates`)."""
        rules = self.all_rules
        return {order: (rules[order], [d for d in rules[order].declarations if d.name in _NAMES]) for order in self.book.declaring(_NAMES)}

    def _declaring(self, names: frozenset[str]) -> Iterator[tuple[int, Any, list[Declaration]]]:
        """The rules that may match on the page and declare some of `names` (custom properties
        for `_CUSTOM`), with those declarations."""
        if names is _CUSTOM:
            rules = ((order, rule, [d for d in rule.declarations if d.custom]) for order, rule in enumerate(self.all_rules))
        elif names is _NAMES:
            rules = ((order, rule, found) for order, (rule, found) in self.rules.items())
        else:
            every = self.all_rules
            read = ((order, every[order]) for order in self.book.declaring(names))
            rules = ((order, rule, [d for d in rule.declarations if d.name in names]) for order, rule in read)
        for order, rule, found in rules:
            if not found:
                continue
            may = self._may_match.get(order)
            if may is None:
                may = self._may_match[order] = self.index.may_match(rule.selectors)
            if may:
                yield order, rule, found

    def cascade(self, elements: Iterable[Any], names: frozenset[str] = _NAMES) -> Cascade:
        """The declarations read here (of `names`) that win the cascade on `elements`."""
        scope = _Few(elements, self.index)
        matched: dict[Any, list[Any]] = {}
        varying: dict[Any, list[Any]] = {}
        for order, rule, found in self._declaring(names):
            _match_rule(rule, order, found, varying if rule.conditional else matched, scope.select, self.ranks)
        style = PageStyle(matched, hints=self.hints)
        return Cascade(_Declared(style), frozenset(varying), self.overflowing)

    def candidates(self, names: frozenset[str], test: Callable[[Declaration], bool]) -> list[Any]:
        """The elements a rule or a `style` attribute declares one of `names` on that `test` accepts."""
        matched: dict[Any, list[Any]] = {}
        for order, rule, found in self._declaring(names):
            wanted = [d for d in found if test(d)]
            if wanted:
                _match_rule(rule, order, wanted, matched, self.index.select, self.ranks)
        inline = [element for element, declarations in self.index.inline_styles() if any(test(d) for d in declarations)]
        return list(dict.fromkeys([*matched, *inline]))

    def under_backgrounds(self) -> set[Any]:
        """The boxes of a negative `z-index` an ancestor's opaque background is painted over."""
        boxes = self.candidates(frozenset({"z-index"}), _may_be_negative)
        if not boxes:
            return set()
        scope = {element for box in boxes for element in (*box.iter(), *box.iterancestors())}
        self.hints = _presentational_colours_if_any(self.root)
        cascade = self.cascade(scope)
        return {box for box in boxes if _in_negative_layer(box, cascade) and _under_an_ancestors_background(box, cascade, self.root)}

    def under_covers(self) -> tuple[set[Any], set[Any], dict[Any, Any]]:
        """What covers paint over: the elements beside each, in its containing block, whole; the
        elements whose own text they paint over (`Painted.own_text`); and the cover over each
        element painted over whole (`Painted.by`). The first `_MOST_COVERS` covers in the page's
        order are read (a page of covers nested in covers would cost the square of its size),
        with one cascade over all their blocks."""
        pseudo, declared = self._pseudo_covers() if self.pseudo else ([], _PseudoDeclared({}))
        covers = [*self._covers(), *pseudo][:_MOST_COVERS]
        if not covers:
            return set(), set(), {}
        cascade = declared.joined(self.cascade(_boxes_and_ancestors(covers)))
        pictures = self._pictures_under_sized(covers, cascade)
        covering = self._covering_their_blocks(covers, cascade)
        if not covering:
            return set(pictures), set(), pictures
        whole, own_text, by = self._painted_by_covering(covering, cascade, declared)
        return whole | pictures.keys(), own_text, {**by, **pictures}

    def _pictures_under_sized(self, covers: Sequence[Any], cascade: Cascade) -> dict[Any, Any]:
        """The pictures the sized ones of `covers` paint over, each with its cover (`_over_pictures`);
        `cascade`: read on the covers and their ancestors. A cover that fills a block it is not read
        over whole (one of a height of its own) is first marked sized (`self.sized`), read as one
        the block's size sizes, over the pictures first in it."""
        self.sized.update(cover for cover in covers if cover not in self.sized and _block_of(cover, cascade) is None)
        sized = [cover for cover in covers if cover in self.sized]
        return self._over_pictures(sized, cascade) if sized else {}

    def _covering_their_blocks(self, covers: Sequence[Any], cascade: Cascade) -> list[Any]:
        """Those of `covers` not sized that cover their containing block whole and are not hidden by
        `visibility` (`cascade`: read on the covers and their ancestors)."""
        return [
            cover
            for cover in covers
            if (_covers_its_block(cover, cascade, self.filled.get(cover)) if cover not in self.sized else self._sized_over_its_block(cover, cascade))
            and not _visibility_hidden(cover, cascade)
            and _block_of(cover, cascade) is not None
        ]

    def _sized_over_its_block(self, cover: Any, cascade: Cascade) -> bool:
        """True when a cover sized in lengths worked out (`_sized_in_place`) spans its containing
        block both ways (`_spans`) and may paint over it (`_may_cover`; it has no margin)."""
        declared = cascade.declared[cover]
        if any(_moves(declared.get(name)) for name in _MARGINS) or not _may_cover(cover, cascade, self.filled.get(cover), margins=False):
            return False
        block = _block_of(cover, cascade)
        return block is not None and _spans(declared, _cover_lengths(cover, declared, cascade)._replace(block=_padding_sizes(cascade.declared[block])))

    def _painted_by_covering(self, covering: Sequence[Any], cascade: Cascade, declared: _PseudoDeclared) -> tuple[set[Any], set[Any], dict[Any, Any]]:
        """What the covers that cover their block (`covering`) paint over, as `under_covers` gives it
        (but the pictures), read with one cascade over what their blocks, or their lines, hold
        (`cascade`: read on the covers and their ancestors; `declared`: the pseudo-elements')."""
        block_of = {cover: _block_of(cover, cascade) for cover in covering}
        lines = _line_holders(block_of, cascade, read=self.inline_blocks)
        covering = [cover for cover in covering if lines.get(block_of[cover], True) is not None]
        # An inline box's line is read from the start of its block to its end, not all its block holds.
        scope = {element for block in _outermost({block_of[cover] for cover in covering} - lines.keys()) for element in block.iter()}
        scope.update(element for inline, holder in lines.items() if holder is not None for element in _line_scope(inline, holder))
        inside = declared.joined(self.cascade(scope))
        return _painted_by_each(covering, block_of, lines, inside, cascade)

    def _over_pictures(self, covers: Sequence[Any], around: Cascade) -> dict[Any, Any]:
        """The pictures (`<img>`) the covers sized in absolute lengths paint over (`_sized_in_place`),
        each with its cover: one that stands first in the cover's containing block, whose box,
        placed there and sized in px, lies inside the cover's (see the module's doc). `around`:
        the cascade read on the covers and their ancestors."""
        found: dict[Any, Any] = {}
        for cover in covers:
            declared = around.declared[cover]
            filling = _fills_its_block(declared)
            sized = None if filling else (declared, _cover_lengths(cover, declared, around))
            if (sized is None and not filling) or not _may_cover(cover, around, self.filled.get(cover), margins=filling) or _visibility_hidden(cover, around):
                continue
            if sized is not None and _cover_rect(*sized) is None and not _sized_by_its_block(declared):
                continue
            block = _block_of(cover, around, _holds_pictures)
            if block is None:
                continue
            level = _z_index(declared)
            for image, before in _leading_pictures(block, cover):
                if image not in found and self._over_picture(image, before, (cover, level if isinstance(level, int) else 0), block, sized):
                    found[image] = cover
        return found

    def _over_picture(
        self, image: Any, before: Sequence[Any], cover: tuple[Any, int], block: Any, sized: tuple[Mapping[str, Declaration], _Lengths] | None
    ) -> bool:
        """True when the cover (with its stack level), of the box its declarations and lengths
        give (`sized`, `_cover_rect`: a percentage of the block's padding box where that is
        known; None for one that fills the block, of the block's padding box: `_padding_box`),
        paints over all the picture `image` that stands first in `block` (`before`: the
        elements before it there, each of which must be out of the flow), later in the paint
        order (`_painted_whole`)."""
        path = [image, *_ancestors_up_to(image, block)]
        chain = [*reversed(list(block.iterancestors())), block, *reversed(path)]
        # (What follows the picture on its line is read too: `_alone_on_its_line`.)
        after = [sibling for node in path for sibling in node.itersiblings() if isinstance(sibling.tag, str)]
        cascade = self.cascade({*chain, *before, *after}, _PICTURE_NAMES)
        if any(element in cascade.varies for element in (*chain, *before)):
            return False
        if not all(_out_of_flow(element, cascade.declared[element]) for element in before):
            return False
        if self.pseudo and not self._no_box_before([*path[1:], block], cover[0]):
            return False
        placed = _picture_place(image, path, chain, cascade, inline=self.inline_pictures)
        if sized is None:
            rect = _padding_box(cascade.declared[block])
        else:
            rect = _cover_rect(sized[0], sized[1]._replace(block=_padding_sizes(cascade.declared[block])) if _sized_by_its_block(sized[0]) else sized[1])
        if placed is None or rect is None:
            return False
        left, top, right, bottom = rect
        x, y, width, height, sinking = placed
        if not (left <= x and top <= y and right >= x + width and bottom >= y + sinking + height):
            return False
        return _painted_whole(image, cover[0], cover[1], block, cascade)

    def _no_box_before(self, holders: Sequence[Any], cover: Any) -> bool:
        """True when no `::before` of the picture's block or of the boxes around the picture
        (`holders`) makes a box before it, but the cover itself."""
        wanted = {(holder, "before") for holder in holders if not (isinstance(cover, _Pseudo) and cover.host is holder and cover.which == "before")}
        return all(made is False for made in pseudo_boxes(self.root, self.sheets, wanted).values())

    def _covers(self) -> list[Any]:
        """The absolutely positioned boxes that may be covers: where the boxes are placed is read
        first (few rules place boxes), then what paints them and their parents' position, each on
        the boxes left, so that all that is read here is read on few."""
        placed = self.candidates(frozenset({"position"}), _may_be_absolute)
        if not placed:
            return []
        filling, sized = self._filling_and_sized(placed)
        if not filling and not sized:
            return []
        painting = self.cascade([*filling, *sized], _PAINTING)
        self.filled.update(self._filled([*filling, *sized], painting.declared))
        opaque = [box for box in (*filling, *sized) if _paints_opaque(self.filled[box] if box in self.filled else painting.declared[box], whole_box=True)]
        blocks = self.cascade({ancestor for box in opaque for ancestor in box.iterancestors()}, _BLOCK_NAMES)
        self.sized.update(box for box in opaque if box in sized)
        # (A cover that fills a block of a height of its own is read over the pictures first in it.)
        return [box for box in opaque if _block_of(box, blocks, _holds_pictures if box in self.sized else _fills_or_holds_pictures) is not None]

    def _filling_and_sized(self, placed: Sequence[Any]) -> tuple[list[Any], list[Any]]:
        """Of the boxes a rule may place absolutely (`placed`), read where the cascade places them:
        those that fill their containing block, and those sized in place (`_sized_in_place`, where
        that is read), each with a parent."""
        places = self.cascade(placed, _PLACING)
        filling = [box for box in placed if box.getparent() is not None and _fills_its_block(places.declared[box])]
        sized = [box for box in placed if self.sized_read and box.getparent() is not None and box not in filling and _sized_in_place(places.declared[box])]
        return filling, sized

    def _filled(self, boxes: Sequence[Any], painting: Mapping[Any, Mapping[str, Declaration]]) -> dict[Any, Mapping[str, Declaration]]:
        """The painting declarations (`painting`, by box) of the boxes that give one by a `var()`
        (`background: var(--paper)`), filled in from the custom properties in force on each (its
        own, else its nearest ancestor's; a pseudo-element's element is its parent), as a browser
        fills them in; one that cannot be is left out (the property is then at its initial value,
        `transparent`). Empty when none does, or the page registers custom properties; a box a
        rule only some screens meet gives a custom property, or one of its ancestors, is left out."""
        using = [box for box in boxes if any(_uses_variables(d) for d in painting.get(box, {}).values())]
        if not using or self.registers:
            return {}
        defined = self.cascade({element for box in using for element in _elements_of(box)}, _CUSTOM)
        pseudo, varies = self._pseudo_declared(self._pseudo_rules(custom=True), [box.host for box in using if isinstance(box, _Pseudo)], _CUSTOM)
        filled: dict[Any, Mapping[str, Declaration]] = {}
        for box in using:
            if box in varies or any(element in defined.varies for element in _elements_of(box)):
                continue  # a custom property some screens set otherwise: the `var()` is left unread
            own = pseudo.get(box, {}) if isinstance(box, _Pseudo) else defined.declared[box]
            filled[box] = variables_filled_from(box, own, painting[box], defined.declared)
        return filled

    def _pseudo_rules(self, *, custom: bool = False) -> list[tuple[int, Any, list[Declaration]]]:
        """The rules for a `::before` or an `::after` with the declarations read here (`custom`:
        their custom properties instead)."""
        if custom:
            return [
                (order, rule, found)
                for order, rule in enumerate(self.all_rules)
                if (found := [d for d in rule.declarations if d.custom]) and _PSEUDO_ELEMENT.search(rule.selectors)
            ]
        return [(order, rule, found) for order, (rule, found) in self.rules.items() if _PSEUDO_ELEMENT.search(rule.selectors)]

    def _pseudo_covers(self) -> tuple[list[_Pseudo], _PseudoDeclared]:
        """The `::before`s and `::after`s that may be covers (`_covers`), with the declarations read
        here of each, matched by the rules for it: first the elements a rule places such a box
        absolutely on, over the whole page, then every rule for one on those elements only. None
        on a page with a rule for one in `@scope` (not matched here). A pseudo-element a rule only
        some screens meet styles is among the elements that vary (`Cascade.varies`); one whose
        `content` makes no box (`none`, none set) is not one, nor is one whose `content` such a
        rule sets."""
        rules = self._pseudo_rules()
        if any(rule.scope is not None for _, rule, _ in rules):
            return [], _PseudoDeclared({})
        opaque = self._opaque_pseudo(rules, self._pseudo_hosts(rules))
        if not opaque:
            return [], _PseudoDeclared({})
        declared, varies = self._pseudo_declared(rules, [box.host for box in opaque], _NAMES)
        generates = pseudo_boxes(self.root, self.sheets, {(box.host, box.which) for box in opaque})
        covers = [box for box in opaque if generates[(box.host, box.which)] is not False]
        varies.update(box for box in covers if generates[(box.host, box.which)] is None)
        return covers, _PseudoDeclared({box: declared[box] for box in covers}, frozenset(varies))

    def _opaque_pseudo(self, rules: Sequence[tuple[int, Any, list[Declaration]]], hosts: Sequence[Any]) -> list[_Pseudo]:
        """The `::before`s and `::after`s of `hosts` that fill their block and paint it opaque, as
        far as the rules that may vary let it be read (`_pseudo_covers` reads those). Where they
        are placed first, then what paints those that fill their block: each step matches the
        rules that declare what it reads on the boxes left (most rules for them are about others)."""
        if not hosts:
            return []
        placed, _ = self._pseudo_declared(rules, hosts, _PLACING)
        filling = [box for box, declared in placed.items() if _fills_its_block(declared)]
        sized = [box for box, declared in placed.items() if self.sized_read and box not in filling and _sized_in_place(declared)]
        if not filling and not sized:
            return []
        painted, _ = self._pseudo_declared(rules, list(dict.fromkeys(box.host for box in (*filling, *sized))), _PAINTING)
        self.filled.update(self._filled([*filling, *sized], painted))
        opaque = [box for box in (*filling, *sized) if _paints_opaque(self.filled[box] if box in self.filled else painted.get(box, {}), whole_box=True)]
        self.sized.update(box for box in opaque if box in sized)
        return opaque

    def _pseudo_hosts(self, rules: Sequence[tuple[int, Any, list[Declaration]]]) -> list[Any]:
        """The elements one of the rules for a pseudo-element may place it absolutely on, of those
        that have one (not a picture, a form field or another replaced element, nor one that markup
        hides)."""
        placing = [rule for _, rule, found in rules if any(_may_be_absolute(d) for d in found) and self.index.may_match(rule.selectors)]
        found = [host for rule in placing for _, selector in _pseudo_selectors(rule.selectors) for host in self.index.select(selector)]
        return [host for host in dict.fromkeys(found) if _has_pseudo_elements(host)]

    def _pseudo_declared(
        self, rules: Sequence[tuple[int, Any, list[Declaration]]], hosts: Sequence[Any], names: frozenset[str]
    ) -> tuple[dict[_Pseudo, Mapping[str, Declaration]], set[_Pseudo]]:
        """The declarations of `names` (all of the rules' for `_NAMES` or `_CUSTOM`) that win the
        cascade on the `::before`s and `::after`s of `hosts` that a rule matches (each one
        `_Pseudo` of `self.pseudo_boxes`, by host and which), and those of them a rule only some
        screens meet styles."""
        boxes = self.pseudo_boxes
        scope = _Few(dict.fromkeys(hosts), self.index)
        matched: dict[Any, list[Any]] = {}
        varies: set[_Pseudo] = set()
        for order, rule, found in rules:
            wanted = found if names is _NAMES or names is _CUSTOM else [d for d in found if d.name in names]
            if not wanted or not self.index.may_match(rule.selectors):
                continue
            layer = _UNLAYERED if rule.layer is None else self.ranks[rule.layer]
            important_layer = tuple(-rank for rank in layer)
            for which, selector in _pseudo_selectors(rule.selectors):
                for host in scope.select(selector):
                    box = boxes.setdefault((host, which), _Pseudo(host, which))
                    if rule.conditional:
                        varies.add(box)
                    precedence = (selector.specificity, _UNSCOPED, order)
                    matched.setdefault(box, []).extend(((d.important, False, important_layer if d.important else layer, *precedence), d) for d in wanted)
        style = PageStyle(matched)
        return {box: style.declarations(box) for box in matched}, varies


def _elements_of(box: Any) -> tuple[Any, ...]:
    """The box and its ancestors, the elements among them (a pseudo-element is none)."""
    ancestors = tuple(box.iterancestors())
    return ancestors if isinstance(box, _Pseudo) else (box, *ancestors)


class _Pseudo:
    """A `::before` or an `::after` of an element (`host`), read as a box of the tree: its host's
    first or last child, with no attributes and nothing in it."""

    __slots__ = ("host", "tag", "which")

    def __init__(self, host: Any, which: str) -> None:
        self.host = host
        self.which = which
        self.tag = f"::{which}"

    def get(self, _name: str, default: Any = None) -> Any:
        return default

    def getparent(self) -> Any:
        return self.host

    def iterancestors(self) -> Iterator[Any]:
        yield self.host
        yield from self.host.iterancestors()

    def __iter__(self) -> Iterator[Any]:
        return iter(())


class _PseudoDeclared(NamedTuple):
    """The declarations read here of the pseudo-elements that may be covers, and those of them
    that a rule only some screens meet styles."""

    declared: Mapping[Any, Mapping[str, Declaration]]
    varies: frozenset[Any] = frozenset()

    def joined(self, cascade: Cascade) -> Cascade:
        """The cascade with these pseudo-elements' declarations in it too."""
        if not self.declared:
            return cascade
        return Cascade(_Joined(cascade.declared, self.declared), cascade.varies | self.varies, cascade.overflowing)


class _Joined(Mapping[Any, Mapping[str, Declaration]]):
    """The declarations of the pseudo-elements read (`pseudo`), and of the elements (`elements`)."""

    def __init__(self, elements: Mapping[Any, Mapping[str, Declaration]], pseudo: Mapping[Any, Mapping[str, Declaration]]) -> None:
        self._elements = elements
        self._pseudo = pseudo

    def __getitem__(self, box: Any) -> Mapping[str, Declaration]:
        return self._pseudo[box] if isinstance(box, _Pseudo) else self._elements[box]

    def __iter__(self) -> Any:
        return iter([*self._elements, *self._pseudo])

    def __len__(self) -> int:
        return len(self._elements) + len(self._pseudo)


# The elements Chromium makes no `::before` or `::after` for: replaced elements and form fields
# drawn by the browser (a checkbox, a `<button>` and an `<hr>` have them), and what is not rendered.
_NO_PSEUDO_ELEMENTS = frozenset(
    {"img", "input", "br", "wbr", "select", "textarea", "video", "audio", "iframe", "embed", "object", "canvas", "meter", "progress", "frame", "frameset"}
)


def _has_pseudo_elements(host: Any) -> bool:
    """True when the element may show a `::before` and an `::after` (see `_NO_PSEUDO_ELEMENTS`)
    and markup does not hide it (`hidden`, a closed `<dialog>`…)."""
    tag = host.tag
    if not isinstance(tag, str) or tag in SKIP_TAGS or tag in NOT_RENDERED_TAGS or is_hidden(host, tag):
        return False
    return tag not in _NO_PSEUDO_ELEMENTS


# A selector of a `::before` or an `::after` (also written with one colon).
_PSEUDO_ELEMENT = re.compile(r":(?:before|after)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _pseudo_selectors(selector_list: str) -> tuple[tuple[str, _CompiledSelector], ...]:
    """The selectors of a rule's list (as Chromium reads it) of a `::before` or an `::after`,
    each with which and compiled as it would be without it (it names the element it belongs
    to); none for a rule for pages without scripts (`.no-js`, as `visibility` reads them)."""
    from compliance.document.first_sight import FirstSightTranslator

    if "no-js" in selector_list.lower():
        return ()
    translator = FirstSightTranslator()
    compiled = []
    for selector in parsed_selectors(selector_list):
        pseudo = selector.pseudo_element
        which = pseudo.lower() if isinstance(pseudo, str) else ""
        if which in ("before", "after"):
            subject, simple = _subject_of(selector.parsed_tree)
            chain = () if simple else _chain_of(selector.parsed_tree, translator)
            compiled.append((which, _CompiledSelector(selector, subject, simple, chain, translator)))
    return tuple(compiled)


class _Few(_Scope):
    """A scope of few elements: each candidate a selector of several compounds may match is
    tested on its own, however many there are, rather than by a search of the whole page."""

    def select(self, selector: Any) -> list[Any]:
        """The elements here that the selector matches."""
        if selector.simple or not selector.chain:
            return super().select(selector)
        admitted = self.admitted(selector)
        if not admitted or self._page.lacks(selector):
            return []
        return _chain_select(selector.chain, admitted)


class _Declared(Mapping[Any, Mapping[str, Declaration]]):
    """The winning declarations of any element, read from a page style when first asked."""

    def __init__(self, style: Any) -> None:
        self._style = style
        self._read: dict[Any, Mapping[str, Declaration]] = {}

    def __getitem__(self, element: Any) -> Mapping[str, Declaration]:
        found = self._read.get(element)
        if found is None:
            found = self._read[element] = self._style.declarations(element)
        return found

    def __iter__(self) -> Any:
        return iter(self._read)

    def __len__(self) -> int:
        return len(self._read)


class _Cover(NamedTuple):
    """A cover's stack level, and whether the boxes being read come before it in the tree."""

    level: int
    before: bool


def _may_be_negative(declaration: Declaration) -> bool:
    """True for a `z-index` that may be negative (a negative number, or a function)."""
    return declaration.name == "z-index" and any(t.type == "function" or (t.type == "number" and t.value < 0) for t in declaration.values)


def _may_be_absolute(declaration: Declaration) -> bool:
    """True for a `position` that may be `absolute` (the keyword, or a function)."""
    return declaration.name == "position" and any(t.type == "function" or (t.type == "ident" and t.lower_value == "absolute") for t in declaration.values)


def _keyword(declared: Mapping[str, Declaration], name: str, default: str) -> str:
    """The keyword a property is set to; `default` when it is not set or set to a CSS-wide keyword
    that gives it its initial value; empty for any other value (`inherit`, a `var()`)."""
    declaration = declared.get(name)
    if declaration is None:
        return default
    keyword = declaration.keyword
    if keyword in ("initial", "unset", "revert", "revert-layer"):
        return default
    return keyword


def _position(declared: Mapping[str, Declaration]) -> str:
    return _keyword(declared, "position", "static")


def _z_index(declared: Mapping[str, Declaration]) -> int | object | None:
    """The `z-index`: an integer, None for `auto`, `_UNKNOWN` for what is not worked out."""
    declaration = declared.get("z-index")
    if declaration is None or declaration.keyword in CSS_WIDE_KEYWORDS - {"inherit"} or declaration.keyword == "auto":
        return None
    values = declaration.values
    if len(values) == 1 and values[0].type == "number" and values[0].is_integer:
        return int(values[0].int_value)
    return _UNKNOWN


def _display(declared: Mapping[str, Declaration], element: Any) -> str:
    """The element's `display`, its tag's (`block` or `inline`) when its CSS sets none."""
    declaration = declared.get("display")
    if declaration is None or declaration.keyword in CSS_WIDE_KEYWORDS:
        return "block" if element.tag in BLOCK_TAGS else "inline"
    return display_keyword(declaration)


def _zero(token: Any) -> bool:
    return length_px(token) == 0.0


def _side(declared: Mapping[str, Declaration], name: str) -> Any:
    """The one token a side is set to, by its longhand or `inset` (whichever won); None when unset."""
    declaration = declared.get(name)
    if declaration is not None:
        return declaration.values[0] if len(declaration.values) == 1 else _UNKNOWN
    inset = declared.get("inset")
    if inset is None:
        return None
    values = inset.values
    if not 1 <= len(values) <= 4:
        return _UNKNOWN
    picks = {"top": (0, 0, 0, 0), "right": (0, 1, 1, 1), "bottom": (0, 0, 2, 2), "left": (0, 1, 1, 3)}[name]
    return values[picks[len(values) - 1]]


def _may_form_stacking_context(declared: Mapping[str, Declaration]) -> bool:
    """True unless the declarations certainly make no stacking context of the box: a position of
    `fixed` or `sticky`, a `z-index` (on a positioned box or an item, and read so anywhere), or a
    property of `_STACKING_PROPERTIES` set to anything but its initial value."""
    if _position(declared) in ("fixed", "sticky", "") or _z_index(declared) is not None:
        return True
    for name in _STACKING_PROPERTIES:
        declaration = declared.get(name)
        if declaration is not None and _forms_stacking_context(name, declaration):
            return True
    return False


def _forms_stacking_context(name: str, declaration: Declaration) -> bool:
    """True unless the value of a property of `_STACKING_PROPERTIES` certainly makes no stacking
    context: its initial value, an `opacity` of 1, one of `_NOT_STACKING` (`content-visibility:
    auto` makes one: it contains paint)."""
    keyword = declaration.keyword
    if name == "content-visibility":
        return keyword not in ("visible", "initial", "unset", "revert", "revert-layer")
    if keyword in _INITIAL_KEYWORDS:
        return False
    values = declaration.values
    if name == "opacity":
        return not (len(values) == 1 and values[0].type == "number" and values[0].value >= 1)
    harmless = _NOT_STACKING.get(name)
    if harmless is None:
        return True
    named = [token for token in values if not (token.type == "literal" and token.value == ",")]
    return not all(token.type == "ident" and (token.lower_value in harmless or token.value.startswith("--")) for token in named)


def _keeps_inside(declared: Mapping[str, Declaration], element: Any, overflowing: frozenset[str]) -> bool:
    """True when the box stays inside its parent's box, with all it holds: it is in the normal
    flow (not floated, absolutely placed or fixed), not moved (offsets of a relative position,
    a negative margin, a transform), and its height cannot leave its content overflowing (none
    is set), and it lays out nothing its items may overflow (a grid of sized tracks: `overflowing`)."""
    position = _position(declared)
    if position not in ("static", "relative", "sticky") or _keyword(declared, "float", "none") != "none":
        return False
    if position == "relative" and not all(_unmoved(_side(declared, name)) for name in _OFFSETS):
        return False
    for name, initial in _LIMITS:
        if _keyword(declared, name, initial) != initial:
            return False
    if any(
        name in declared and declared[name].keyword not in _INITIAL_KEYWORDS for name in ("transform", "translate", "rotate", "scale", "offset-path", "zoom")
    ):
        return False
    if _display(declared, element) in overflowing:
        return False
    return not any(_negative_or_unknown(declared.get(name)) for name in _MARGINS)


def _unmoved(side: Any) -> bool:
    """True for an offset that moves nothing: none, `auto` or 0."""
    return side is None or (side is not _UNKNOWN and (_auto(side) or _zero(side)))


def _negative_or_unknown(declaration: Declaration | None) -> bool:
    if declaration is None or declaration.keyword in CSS_WIDE_KEYWORDS or declaration.keyword == "auto":
        return False
    for token in declaration.values:
        if token.type == "ident" and token.lower_value == "auto":
            continue
        if token.type not in ("number", "dimension", "percentage") or token.value < 0:
            return True
    return False


def _paints_opaque(declared: Mapping[str, Declaration], *, whole_box: bool) -> bool:
    """True when the box paints an opaque background over all its padding box (`whole_box`) or its
    content box: a colour, or a gradient of one colour that covers it (`visibility._colours`),
    with no rounded corners, no image size, place or repeat, and not clipped to its text (nor to
    its content box, for `whole_box`)."""
    if any(name in declared for name in _BACKGROUND_PLACING):
        return False
    if any(name in declared and not all(_zero(token) for token in declared[name].values) for name in _RADII):
        return False
    clipping = {"text", "content-box"} if whole_box else {"text"}
    for name in ("background", "background-clip", "-webkit-background-clip"):
        declaration = declared.get(name)
        if declaration is not None and any(token.type == "ident" and token.lower_value in clipping for token in declaration.values):
            return False
    _, background, clipped_text = _colours(declared, SHOWN)
    return background is not None and background[3] == 1 and not clipped_text


def _visibility_hidden(element: Any, cascade: Cascade) -> bool:
    """True when `visibility: hidden` or `collapse` is in force on the element (the nearest
    declared value up its ancestors; one not worked out counts as hidden)."""
    for box in (element, *element.iterancestors()):
        declaration = cascade.declared[box].get("visibility")
        if declaration is not None and declaration.keyword not in ("inherit", "unset"):
            return declaration.keyword not in ("visible", "initial", "revert", "revert-layer")
    return False


def _in_negative_layer(box: Any, cascade: Cascade) -> bool:
    """True when the box is certainly painted in its stacking context's negative layer and stays
    inside its parent's box with all it holds (nothing in it is placed absolutely or fixed)."""
    declared = cascade.declared[box]
    level = _z_index(declared)
    if not isinstance(level, int) or level >= 0 or box in cascade.varies:
        return False
    position = _position(declared)
    parent = box.getparent()
    if position == "static":
        if parent is None or _display(cascade.declared[parent], parent) not in _ITEM_CONTAINERS:
            return False  # a `z-index` applies to a positioned box or an item only
    elif position not in ("relative", "sticky"):
        return False
    if not _keeps_inside(declared, box, cascade.overflowing):
        return False
    return all(_position(cascade.declared[inner]) not in ("absolute", "fixed", "") for inner in box.iterdescendants() if isinstance(inner.tag, str))


def _under_an_ancestors_background(box: Any, cascade: Cascade, root: Any) -> bool:
    """True when an ancestor inside the box's stacking context, its root excluded, paints an
    opaque background over it (`<body>`'s paints the canvas when the root paints none)."""
    for ancestor in box.iterancestors():
        if ancestor is root or ancestor.getparent() is None or ancestor in cascade.varies:
            return False
        declared = cascade.declared[ancestor]
        if _may_form_stacking_context(declared):
            return False  # the root of the box's stacking context: its background is under it
        if any(_keyword(declared, name, initial) != initial for name, initial in _LIMITS) or _display(declared, ancestor) in cascade.overflowing:
            return False
        if _paints(ancestor, declared, cascade, root, whole_box=False):
            return _stays_within(box, ancestor, cascade, cascade)
        if not _keeps_inside(declared, ancestor, cascade.overflowing):
            return False
    return False


def _paints(box: Any, declared: Mapping[str, Declaration], cascade: Cascade, root: Any, *, whole_box: bool) -> bool:
    """True when the box, a block, paints an opaque background of its own that is seen."""
    display = _display(declared, box)
    if display not in _BLOCK_DISPLAYS and display not in _INLINE_BLOCKS and display not in _GRIDS - cascade.overflowing:
        return False
    if not _paints_opaque(declared, whole_box=whole_box):
        return False
    if box.tag == "body" and box.getparent() is root and not _paints_anything(cascade.declared[root]):
        return False  # `<body>`'s background is the canvas's, under everything
    return not _visibility_hidden(box, cascade)


def _paints_anything(declared: Mapping[str, Declaration]) -> bool:
    """True when a background is set that may paint something (not `transparent` or `none`)."""
    return any(
        name in declared and declared[name].keyword not in ("transparent", "none", "initial", "unset")
        for name in ("background", "background-color", "background-image")
    )


def _covers_its_block(cover: Any, cascade: Cascade, filled: Mapping[str, Declaration] | None = None) -> bool:
    """True when the box is placed absolutely over the whole of its containing block, paints an
    opaque background there at a level of `auto` or more, and nothing fades, blends, moves,
    rounds, animates or hides it. A `<button>` is one when the page gives it such a background,
    which takes its native look away (that look rounds its corners: what is in them shows).
    `filled`: its painting declarations with their `var()`s filled in, when it has any."""
    return _fills_its_block(cascade.declared[cover]) and _may_cover(cover, cascade, filled)


def _paints_unchanged(declared: Mapping[str, Declaration], box: Any, *, margins: bool = True) -> bool:
    """True when nothing fades, blends, moves, shrinks, clips or animates the box, or takes its box
    away (`margins`: nor moves its edges in, for a box that fills its block)."""
    stacking = {name: d for name, d in declared.items() if name not in _COVER_KEEPS}
    if _may_form_stacking_context(stacking) or any(_keyword(declared, name, "none") != "none" for name in _ANIMATIONS):
        return False
    if _display(declared, box) in ("none", "contents", "") or (margins and not all(_margin_keeps_it_over(declared, name) for name in _MARGINS)):
        return False
    if _keyword(declared, "clip", "auto") != "auto" or _keyword(declared, "zoom", "normal") not in ("normal", "reset"):
        return False  # `clip: rect(…)` cuts an absolutely positioned box down; `zoom` sizes it
    return _keyword(declared, "max-width", "none") == "none" and _keyword(declared, "max-height", "none") == "none"


def _margin_keeps_it_over(declared: Mapping[str, Declaration], name: str) -> bool:
    """True when a margin of the cover leaves it over all its containing block: none, 0, or one
    of 0 or less (a length or a percentage) on a box stretched between its offsets both ways, of
    no size set (CSS 2.2, 10.3.7 and 10.6.4: its margin box fills the block; a negative margin
    reaches past it). A margin that is positive moves an edge of it in, or the box with a size."""
    declaration = declared.get(name)
    if declaration is None or not _moves(declaration):
        return True
    if not all(token.type in ("dimension", "percentage", "number") and token.value <= 0 for token in declaration.values):
        return False
    return all(_keyword(declared, size, "auto") == "auto" and _reaches(_side(declared, start)) and _reaches(_side(declared, end)) for start, end, size in _AXES)


def _sized_in_place(declared: Mapping[str, Declaration]) -> bool:
    """The cheap test of a box that may cover the pictures first in its block (`_cover_rect`):
    placed absolutely, by a `left` and a `top` and a `width` and a `height` in lengths that may
    be worked out (`_sizable`: absolute lengths, `em`, `rem`, percentages)."""
    if _position(declared) != "absolute":
        return False
    for name in ("width", "height"):
        declaration = declared.get(name)
        if declaration is None or len(declaration.values) != 1 or not _sizable(declaration.values[0]):
            return False
    return all((side := _side(declared, name)) is not None and side is not _UNKNOWN and _sizable(side) for name in ("left", "top"))


# The font-relative units a cover's size is worked out in: exactly its font size, or the root's.
_COVER_FONT_UNITS = frozenset({"em", "rem"})


def _sizable(token: Any) -> bool:
    """True for a length a cover's place and size may be worked out in (`_Lengths`)."""
    if token.type == "percentage":
        return True
    if token.type == "dimension" and token.lower_unit in _COVER_FONT_UNITS:
        return True
    return absolute_length_px(token) is not None


class _Lengths(NamedTuple):
    """What a cover's lengths are of: its font size and the root's (px; None where not worked
    out), and its containing block's padding box (width, height; None where not known)."""

    font_px: float | None
    root_px: float | None
    block: tuple[float | None, float | None] = (None, None)

    def px(self, token: Any, axis: int) -> float | None:
        """The token in px (`axis`: 0 across, 1 down, what a percentage is of); None where what
        it is of is not known."""
        if token.type == "percentage":
            side = self.block[axis]
            return None if side is None else float(token.value) / 100 * side
        if token.type == "dimension" and token.lower_unit in _COVER_FONT_UNITS:
            font = self.font_px if token.lower_unit == "em" else self.root_px
            return None if font is None else float(token.value) * font
        return absolute_length_px(token)


_ABSOLUTE_LENGTHS = _Lengths(None, None)
# The elements a browser's own style gives a font size of their own (HTML, 15.3): a cover's `em`
# inside one is not worked out here.
_OWN_FONT_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "big", "small", "sub", "sup", "font", "code", "pre", "kbd", "samp", "tt", "button", "input", "select", "textarea"}
)


def _cover_lengths(cover: Any, declared: Mapping[str, Declaration], around: Cascade) -> _Lengths:
    """What the cover's lengths are of (`_Lengths`), its block's box left for `_over_picture`:
    its font size and the root's, read where a length is in `em` or `rem` (`_font_px`)."""
    units = {
        token.lower_unit
        for name in ("width", "height", "left", "top", "inset", "margin", "margin-left", "margin-top")
        if name in declared
        for token in declared[name].values
        if token.type == "dimension"
    }
    chain = list(cover.iterancestors())
    font_px = _plain_font_px(cover, chain, around) if "em" in units else None
    root_px = _plain_font_px(chain[-1], [], around) if "rem" in units and chain else None
    return _Lengths(font_px, root_px)


def _plain_font_px(box: Any, ancestors: Sequence[Any], around: Cascade) -> float | None:
    """The box's font size (px, `_font_px`) where a browser's own font size of a tag
    (`_OWN_FONT_TAGS`) plays no part; None otherwise."""
    for element in (box, *ancestors):
        if isinstance(element.tag, str) and element.tag.lower() in _OWN_FONT_TAGS:
            return None
    return _font_px(box, box, around, around)


def _sized_by_its_block(declared: Mapping[str, Declaration]) -> bool:
    """True when a cover's place or size is a percentage of its block's (`_cover_rect`)."""
    names = ("width", "height", "left", "top", "inset", "margin", "margin-left", "margin-top")
    return any(token.type == "percentage" for name in names if name in declared for token in declared[name].values)


def _cover_rect(declared: Mapping[str, Declaration], lengths: _Lengths = _ABSOLUTE_LENGTHS) -> tuple[float, float, float, float] | None:
    """The box a cover sized and placed in lengths worked out (`_sized_in_place`, `lengths`)
    surely paints: its `left` and `top` with its left and top margins (px from its containing
    block's padding edge), and its `width` and `height` — its border box is that or larger
    (`box-sizing`, a padding or a border only add to it), all painted by a background not
    clipped to its padding box; None where a length is not worked out, or a side is set by the
    flow's directions or an anchor (`_LOGICAL_PLACING`). A margin's percentage is of the block's
    width on both sides."""
    if not _sized_in_place(declared) or any(name in declared for name in _LOGICAL_PLACING):
        return None
    clip = [declared[name] for name in ("background-clip", "-webkit-background-clip") if name in declared]
    if any(token.type == "ident" and token.lower_value == "padding-box" for declaration in clip for token in declaration.values):
        return None
    found = []
    for axis, side in enumerate(("left", "top")):
        margin = side_value(declared, side, f"margin-{side}", "margin")
        moved = 0.0 if margin is None else (None if margin is UNREAD_SIDE else lengths.px(margin, 0))
        placed = lengths.px(_side(declared, side), axis)
        if moved is None or placed is None:
            return None
        found.append(placed + moved)
    width, height = (lengths.px(declared[name].values[0], axis) for axis, name in enumerate(("width", "height")))
    if width is None or height is None:
        return None
    return found[0], found[1], found[0] + width, found[1] + height


def _padding_box(declared: Mapping[str, Declaration]) -> tuple[float, float, float, float] | None:
    """A block's padding box (left, top, right, bottom, px from its own top left corner), which a
    cover that fills it fills: its `width` and `height` in absolute lengths with its paddings in
    them (`box-sizing: content-box`, the initial one); None where one is not, or a maximum size
    may make it smaller."""
    width, height = _padding_sizes(declared)
    return None if width is None or height is None else (0.0, 0.0, width, height)


def _padding_sizes(declared: Mapping[str, Declaration]) -> tuple[float | None, float | None]:
    """A block's padding box's width and height (see `_padding_box`), each None where not known."""
    sizing = declared.get("box-sizing")
    if sizing is not None and sizing.keyword not in ("content-box", "initial", "unset", "revert", "revert-layer"):
        return None, None
    sizes: list[float | None] = []
    for name, sides in (("width", ("left", "right")), ("height", ("top", "bottom"))):
        declaration = declared.get(name)
        size = absolute_length_px(declaration.values[0]) if declaration is not None and len(declaration.values) == 1 else None
        if f"max-{name}" in declared and declared[f"max-{name}"].keyword not in ("none", "initial", "unset", "revert", "revert-layer"):
            size = None
        for side in sides:
            token = side_value(declared, side, f"padding-{side}", "padding")
            padding = 0.0 if token is None else (None if token is UNREAD_SIDE else absolute_length_px(token))
            size = None if size is None or padding is None else size + padding
        sizes.append(size)
    return sizes[0], sizes[1]


def _fills_or_holds_pictures(block: Any, cascade: Cascade) -> bool:
    """True when a cover that fills the box is read over it (`_containing_block`), or over the
    pictures first in it (`_holds_pictures`)."""
    return _containing_block(block, cascade) or _holds_pictures(block, cascade)


def _holds_pictures(block: Any, cascade: Cascade) -> bool:
    """True when the box, the containing block of an absolutely positioned box in it, is one whose
    first picture's place is read (`_picture_place`): a block or an inline block (not a flex,
    grid, table or list item), other than `<html>` and `<body>`; its height is not read."""
    if block.tag in ("html", "body") or block in cascade.varies:
        return False
    return _display(cascade.declared[block], block) in _PICTURE_BLOCKS


def _may_cover(cover: Any, cascade: Cascade, filled: Mapping[str, Declaration] | None, *, margins: bool = True) -> bool:
    """True when the box may paint over what is beside it: of a tag that paints what the page
    gives it, shown, at a level of `auto` or more, painting an opaque background, and nothing
    fades, blends, moves, rounds, animates or hides it (`margins`: nor a margin moves it off its
    block, for a cover that fills it). `filled`: its painting declarations with their `var()`s
    filled in, when it has any."""
    declared = cascade.declared[cover]
    tag = cover.tag
    if not isinstance(tag, str) or (tag in SKIP_TAGS and tag != "button") or tag in NOT_RENDERED_TAGS or tag in UA_HIDDEN_TAGS:
        return False
    if cover in cascade.varies or is_hidden(cover, tag):
        return False
    level = _z_index(declared)
    if not (level is None or (isinstance(level, int) and level >= 0)) or not _paints_unchanged(declared, cover, margins=margins):
        return False
    return _paints_opaque(declared if filled is None else {**declared, **filled}, whole_box=True)


def _fills_its_block(declared: Mapping[str, Declaration]) -> bool:
    """True when an absolutely positioned box spans its containing block both ways (`_fills`)."""
    return _position(declared) == "absolute" and _fills(declared, "left", "right", "width") and _fills(declared, "top", "bottom", "height")


def _spans(declared: Mapping[str, Declaration], lengths: _Lengths) -> bool:
    """True when a cover sized in lengths (`_sized_in_place`), of its font and of its block's
    padding box where known (`lengths`), spans that box both ways: on each axis it fills it
    (`_fills`: a side at 0 and a size of 100% or more), or its start side at 0 or before it and
    its size reaching the box's far side, which is known; not where its sides are set by the
    flow's directions or an anchor, or its background is clipped to its padding box."""
    if _position(declared) != "absolute" or any(name in declared for name in _LOGICAL_PLACING):
        return False
    clip = [declared[name] for name in ("background-clip", "-webkit-background-clip") if name in declared]
    if any(token.type == "ident" and token.lower_value == "padding-box" for declaration in clip for token in declaration.values):
        return False
    return all(_spans_axis(declared, lengths, axis, names) for axis, names in enumerate((("left", "right", "width"), ("top", "bottom", "height"))))


def _spans_axis(declared: Mapping[str, Declaration], lengths: _Lengths, axis: int, names: tuple[str, str, str]) -> bool:
    """`_spans` on one axis (`names`: its start side, its end side, its size)."""
    start, end, size = names
    if _fills(declared, start, end, size):
        return True
    first, extent, side = _side(declared, start), declared.get(size), lengths.block[axis]
    if first is None or first is _UNKNOWN or extent is None or len(extent.values) != 1 or side is None:
        return False
    placed, reach = lengths.px(first, axis), lengths.px(extent.values[0], axis)
    return placed is not None and reach is not None and placed <= 0 and placed + reach >= side


def _moves(declaration: Declaration | None) -> bool:
    """True for a margin that is set to anything but 0."""
    return declaration is not None and declaration.keyword not in CSS_WIDE_KEYWORDS and not all(_zero(token) for token in declaration.values)


def _fills(declared: Mapping[str, Declaration], start: str, end: str, size: str) -> bool:
    """True when the box certainly spans its containing block on one axis: both sides at 0 or
    less (reaching past the block's edges) with an `auto` size, or one side at 0 and a size of
    100% or more (reaching past the block's other edge)."""
    first, last = _side(declared, start), _side(declared, end)
    declaration = declared.get(size)
    if declaration is None or declaration.keyword in ("auto", "initial", "unset", "revert", "revert-layer"):
        return _reaches(first) and _reaches(last)
    zero_start = first is not None and first is not _UNKNOWN and _zero(first)
    zero_end = last is not None and last is not _UNKNOWN and _zero(last)
    values = declaration.values
    if len(values) != 1 or values[0].type != "percentage" or values[0].value < 100:
        return False
    return zero_start or (zero_end and (first is None or (first is not _UNKNOWN and _auto(first))))


def _reaches(side: Any) -> bool:
    """True for an offset of 0 or less (a length or a percentage), which puts the box's edge on
    its containing block's or past it."""
    if side is None or side is _UNKNOWN:
        return False
    if side.type == "percentage":
        return bool(side.value <= 0)
    found = length_px(side)
    return found is not None and found <= 0


def _auto(token: Any) -> bool:
    return bool(token.type == "ident" and token.lower_value == "auto")


def _block_of(cover: Any, cascade: Cascade, read: Callable[[Any, Cascade], bool] | None = None) -> Any:
    """The cover's containing block, as CSS finds it (the nearest ancestor that is positioned or
    transformed, filtered…), when it is one a cover is read over (`read`: `_containing_block`
    by default, `_holds_pictures` for a cover sized in px) and the boxes between them are in
    the flow, shown and make no stacking context; None otherwise."""
    for ancestor in cover.iterancestors():
        if ancestor in cascade.varies:
            return None
        declared = cascade.declared[ancestor]
        holds = _holds_absolute(declared)
        if holds:
            return ancestor if (read or _containing_block)(ancestor, cascade) else None
        if holds is None or _display(declared, ancestor) in ("none", "") or not _keeps_inside(declared, ancestor, cascade.overflowing):
            return None
        if is_hidden(ancestor, ancestor.tag):
            return None  # `hidden`, a closed `<dialog>`…: the cover is hidden with it (`display` may show it again: not read)
    return None


def _holds_absolute(declared: Mapping[str, Declaration]) -> bool | None:
    """True when the box is the containing block of absolutely positioned boxes in it (positioned,
    or of a property of `_HOLDING`), False when it certainly is not, None when not worked out (a
    stacking context of another kind, a `var()`)."""
    position = _position(declared)
    if position in ("relative", "absolute", "sticky", "fixed"):
        return True
    for name in _HOLDING:
        declaration = declared.get(name)
        if declaration is not None and declaration.keyword not in _INITIAL_KEYWORDS:
            return None if any(token.type == "function" and token.lower_name == "var" for token in declaration.values) else True
    for name, keywords in _HOLDING_KEYWORDS.items():
        declaration = declared.get(name)
        if declaration is not None and any(token.type == "ident" and token.lower_value in keywords for token in declaration.values):
            return True
    return None if position == "" or _may_form_stacking_context(declared) else False


def _containing_block(block: Any, cascade: Cascade) -> bool:
    """True when the box, the containing block of an absolutely positioned box in it, is a block
    or an inline block whose box holds all it holds in the flow (no height they may overflow, no grid), other than
    `<html>` and `<body>`, which a full-page cover would be over."""
    if block.tag in ("html", "body") or block in cascade.varies:
        return False
    declared = cascade.declared[block]
    if any(_keyword(declared, name, initial) != initial for name, initial in _LIMITS):
        return False
    # An inline block holds what it lays out as a block does (its width shrinks to it); an inline
    # box on one line is as high as its text and as wide (`_on_one_line` reads which it is).
    display = _display(declared, block)
    return display in _BLOCK_DISPLAYS or display in _INLINE_BLOCKS or display == "inline"


def _painted_by_each(
    covers: Sequence[Any], block_of: Mapping[Any, Any], lines: Mapping[Any, Any], inside: Cascade, around: Cascade
) -> tuple[set[Any], set[Any], dict[Any, Any]]:
    """What the covers paint over (`under_covers`), each in its containing block (`block_of`); one
    whose block is an inline box (`lines`: with the block of its line) only when that is on one
    line (`_on_one_line`)."""
    found: set[Any] = set()
    own_text: set[Any] = set()
    by: dict[Any, Any] = {}
    for cover in covers:
        line = lines.get(block_of[cover])
        if line is not None and not _on_one_line(block_of[cover], line, cover, inside, around):
            continue
        whole, text = _painted_by(cover, block_of[cover], inside, around)
        found.update(whole)
        own_text.update(text)
        by.update((element, cover) for element in (*whole, *text) if element not in by)
    return found, own_text, by


def _outermost(blocks: set[Any]) -> list[Any]:
    """The blocks that are in none of the others."""
    return [block for block in blocks if not any(ancestor in blocks for ancestor in block.iterancestors())]


def _line_scope(inline: Any, holder: Any) -> list[Any]:
    """The elements `_on_one_line` reads of an inline box in its block `holder`: what it holds,
    the boxes up to `holder`, and what comes before each of them there."""
    found = list(inline.iter())
    node = inline
    while node is not holder:
        found.extend(element for sibling in node.itersiblings(preceding=True) for element in sibling.iter())
        node = node.getparent()
        found.append(node)
    return found


def _line_holders(block_of: Mapping[Any, Any], cascade: Cascade, *, read: bool) -> dict[Any, Any]:
    """The covers' containing blocks that are inline boxes, each with the block its line is laid
    out in (`_line_holder`; None when not read, or when a cover in it is not its child: an inline
    box is read as the block of its own child only; `read`: whether any is)."""
    found: dict[Any, Any] = {}
    for cover, block in block_of.items():
        if _display(cascade.declared[block], block) == "inline":
            found[block] = _line_holder(block, cascade) if read and cover.getparent() is block and found.get(block, True) is not None else None
    return found


def _line_holder(inline: Any, cascade: Cascade) -> Any:
    """The block an inline box's line is laid out in: its nearest ancestor that is a block, through
    plain inline boxes (`_plain_inline`); None when another box lies between (a flex or grid
    container makes an item, a block, of its child) or none is found."""
    for ancestor in inline.iterancestors():
        declared = cascade.declared[ancestor]
        display = _display(declared, ancestor)
        if display in ("block", "flow-root", "list-item"):
            return None if any(name in declared for name in ("text-indent", *_WRAPPING)) else ancestor
        if ancestor in cascade.varies or not _plain_inline(ancestor, declared):
            return None
    return None


def _plain_inline(element: Any, declared: Mapping[str, Declaration]) -> bool:
    """True for an inline box of text that is drawn on the line as its parent's text is: of a tag
    that draws nothing of its own (`PLAIN_INLINE_TAGS`), with no font size, alignment, spacing,
    wrapping, width, place or display of its own set."""
    return element.tag in PLAIN_INLINE_TAGS and not any(name in declared for name in (*_LINE_WIDENING, *_LINE_SHIFTING))


def _on_one_line(inline: Any, holder: Any, cover: Any, inside: Cascade, around: Cascade) -> bool:
    """True when the inline box `inline`, the containing block of `cover`, is certainly laid out
    on one line of `holder` (`_line_holder`), so that its box, which the cover fills, is the
    box of its text (CSS 2.2, 10.1: the box around its first and last fragments; one that wraps
    makes a box that may miss part of it, or all): it holds no line break, only text and plain
    inline boxes (`_plain_inline`) beside the cover, and the text of its line up to its end, read
    one em a character, fits the width its holder is given (`_room`), or `_NARROWEST_COLUMN_PX`
    where none is set. Its own font size may differ; what comes before it on the line may hold
    line breaks (the text before them is counted too)."""
    declared = inside.declared[inline]
    if inline in inside.varies or any(name in declared for name in _LINE_WIDENING):
        return False
    beside = [element for element in inline.iterdescendants() if element is not cover and isinstance(element.tag, str)]
    if not all(_plain_inline(element, inside.declared[element]) for element in beside):
        return False
    before = _line_before(inline, holder, inside)
    font = [_font_px(box, holder, inside, around) for box in (inline, holder)]
    room = _room(holder, around)
    if before is None or None in font or room == 0.0:
        return False
    text = before + "".join(inline.itertext())
    if _spaced_letters(holder, around):
        return False
    # (As capitals: a `text-transform` is not read here.)
    needed = widest_ems(text, capitals=True) * max(size for size in font if size is not None)
    return needed <= (_NARROWEST_COLUMN_PX if room is None else room)


def _spaced_letters(holder: Any, around: Cascade) -> bool:
    """True when the block a line is laid out in, or an ancestor (the property inherits), sets a
    `letter-spacing` that may widen its text (`widening_spacing`)."""
    return any(widening_spacing(around.declared[box].get("letter-spacing")) for box in (holder, *holder.iterancestors()) if box in around.declared)


def widening_spacing(declaration: Declaration | None) -> bool:
    """True for a `letter-spacing` or `word-spacing` that may widen text: any but `normal`, 0 or
    a negative length."""
    if declaration is None or declaration.keyword == "normal":
        return False
    values = declaration.values
    return not (len(values) == 1 and values[0].type in ("number", "dimension") and values[0].value <= 0)


def fits_the_line(block: Any, style: PageStyle, text: str, font_px: float, inner: Sequence[Any] = ()) -> bool:
    """True when `text` at `font_px` (each character at its widest: `text_width.widest_ems`)
    surely fits one line of `block`: within the width its CSS or its ancestors' it is as wide as
    sets (`_room`, matched on demand), or `_NARROWEST_COLUMN_PX` where none is set; never when a
    width is set in a way not read, nor when the block, an ancestor or a box on the line
    (`inner`) spaces letters out (`letter-spacing` above 0), or the page's CSS may widen text in
    another way; read as capitals where it may make some (`PageStyle.text_widening`, see
    `first_line.text_widening`). The narrower of
    two readings counts: by every rule, and by the rules every screen meets only (a rule some
    screens meet may narrow the block on those)."""
    boxes = [block, *block.iterancestors()]
    rooms = []
    for every_screen in (False, True):
        found = style.on_demand_of(boxes, _WIDTHS, every_screen=every_screen)
        room = _room(block, Cascade(dict(zip(boxes, found, strict=True)), frozenset()))
        rooms.append(_NARROWEST_COLUMN_PX if room is None else room)
    capitals = style.text_widening
    if capitals is None or any(widening_spacing(found.get("letter-spacing")) for found in style.on_demand_of([*boxes, *inner], ("letter-spacing",))):
        return False
    largest = _largest_font_px(block, inner, style)
    if largest is None:
        return False
    return widest_ems(text, capitals=capitals) * max(font_px, largest) <= min(rooms) and min(rooms) > 0.0


# The font properties read down the tree to the boxes of a line.
_FONT_SIZING = ("font-size", "font")
# The elements a browser's own style gives a larger font (HTML, 15.3.7): their size is not read here.
_LARGER_TEXT_TAGS = frozenset({"h1", "h2", "h3", "big", "font"})


def _largest_font_px(block: Any, inner: Sequence[Any], style: PageStyle) -> float | None:
    """The largest font size (px) among a block and the boxes on its line (`inner`), each worked
    out down the tree from the root by every rule and by the rules every screen meets (the larger
    counts: a rule some screens meet may enlarge the text on those); None where one is not
    worked out (a `font` shorthand, a keyword or `rem`, a heading's or `<big>`'s larger default)."""
    largest = 0.0
    for box in (block, *inner):
        chain = [*reversed(list(box.iterancestors())), box]
        if any(isinstance(element.tag, str) and element.tag.lower() in _LARGER_TEXT_TAGS for element in chain):
            return None
        for every_screen in (False, True):
            size = _font_down_the_tree(style.on_demand_of(chain, _FONT_SIZING, every_screen=every_screen))
            if size is None:
                return None
            largest = max(largest, size)
    return largest


def _line_before(inline: Any, holder: Any, inside: Cascade) -> str | None:
    """The text before the inline box in its block `holder`, when what holds it is text, line
    breaks and plain inline boxes (`_plain_inline`); None otherwise."""
    text = ""
    node = inline
    while node is not holder:
        for sibling in node.itersiblings(preceding=True):
            elements = [element for element in sibling.iter() if isinstance(element.tag, str)]
            if not all(element.tag in ("br", "wbr") or _plain_inline(element, inside.declared[element]) for element in elements):
                return None
            text = "".join(sibling.itertext()) + (sibling.tail or "") + text
        node = node.getparent()
        text = (node.text or "") + text
    return text


def _covered_beside(cover: Any, block: Any, inside: Cascade) -> list[Any]:
    """The elements the cover paints over in its containing block `block`, whole: beside it, and
    beside each box between them (which are not positioned), before or after it in the tree."""
    level = _z_index(inside.declared[cover])  # `auto` or 0 or more (`_covers_its_block`)
    stack = level if isinstance(level, int) else 0
    path = [cover]
    while path[-1].getparent() is not block:
        path.append(path[-1].getparent())
    found: list[Any] = []
    for holder in (block, *path[:0:-1]):
        # What a pseudo-element's host holds comes after its `::before` and before its `::after`.
        before = not isinstance(cover, _Pseudo) or holder is not cover.host or cover.which == "after"
        for child in holder:
            if child in path:
                before = False
            elif isinstance(child.tag, str):
                found.extend(_covered(child, inside, _Cover(stack, before)))
    return found


def _painted_by(cover: Any, block: Any, inside: Cascade, around: Cascade) -> tuple[list[Any], list[Any]]:
    """What a cover paints over in its containing block `block`: the elements, whole, and those
    whose own text (`inside`: the cascade read in the block; `around`: on it and its ancestors)."""
    whole = [element for element in _covered_beside(cover, block, inside) if _stays_within(element, block, inside, around)]
    # The text of the containing block and of the boxes between (in the flow, positioned none:
    # `_block_of`) is painted in the flow, before any positioned box in them.
    return whole, [holder for holder in _holders(cover, block) if _stays_within(holder, block, inside, around, own=True)]


def _holders(cover: Any, block: Any) -> list[Any]:
    """The cover's containing block `block` and the boxes between them, outermost first, that
    hold text of their own (a pseudo-element's host is one of them)."""
    between: list[Any] = []
    for ancestor in cover.iterancestors():
        if ancestor is block:
            break
        between.append(ancestor)
    return [holder for holder in (block, *reversed(between)) if _own_text(holder).strip()]


def _own_text(element: Any) -> str:
    """The element's own text: its text and the text after each of its children, not theirs."""
    return "".join([element.text or "", *(child.tail or "" for child in element)])


def _covered(element: Any, cascade: Cascade, cover: _Cover) -> list[Any]:
    """The elements, this one or inside it, that the cover paints over with all they hold: the
    element when it is painted over whole, else the largest parts inside it that are. Read from
    the leaves up, without recursion (a page may nest elements thousands deep)."""
    # Each element's stack level (see `_own_level`), and, once its children are read, whether the
    # cover paints over it whole and, if not, the largest parts of it that it does.
    levels: dict[Any, tuple[int, bool] | None] = {}
    read: dict[Any, tuple[bool, list[Any]]] = {}
    pending: list[tuple[Any, tuple[int, bool] | None, bool]] = [(element, None, False)]
    while pending:
        node, parent_level, children_read = pending.pop()
        if children_read:
            level = levels.pop(node)
            whole = level is None or level[0] < cover.level or (level[0] == cover.level and cover.before)
            roots: list[Any] = []
            for child in node:
                if isinstance(child.tag, str):
                    inner_whole, inner_roots = read.pop(child)
                    whole = whole and inner_whole
                    roots.extend([child] if inner_whole else inner_roots)
            read[node] = (whole, roots)
            continue
        declared = cascade.declared[node]
        if node in cascade.varies or not _keeps_inside(declared, node, cascade.overflowing) or _z_index(declared) is _UNKNOWN:
            read[node] = (False, [])
            continue
        levels[node] = level = _own_level(declared, parent_level)
        pending.append((node, parent_level, True))
        pending.extend((child, level, False) for child in node if isinstance(child.tag, str))
    whole, roots = read[element]
    return [element] if whole else roots


def _own_level(declared: Mapping[str, Declaration], inherited: tuple[int, bool] | None) -> tuple[int, bool] | None:
    """The stack level a box is painted at (see `_covered`): the outermost stacking
    context's around it, else the innermost positioned box's (at level 0), else None."""
    if inherited is not None and inherited[1]:
        return inherited
    if _may_form_stacking_context(declared):
        level = _z_index(declared)
        return (level if isinstance(level, int) else 0, True)
    if _position(declared) != "static":
        return (0, False)
    return inherited


def _stays_within(element: Any, painter: Any, chain: Cascade, around: Cascade, *, own: bool = False) -> bool:
    """True when the element's text, laid out in `painter`'s box (an ancestor that paints over it,
    or a cover's containing block, which the cover fills), certainly runs no further across than
    that box: the box clips what overflows it, or it is at least as wide as the widest run of the
    text that cannot wrap (all of it under `white-space: nowrap`, else its longest word) and as
    any width or minimum width set on the boxes between them. `chain`: the cascade read on the
    element, what it holds and the boxes up to `painter`; `around`: on `painter` and its ancestors.
    `own`: the element's own text only is read (`_own_text`), not what its children hold."""
    if _clips_across(around.declared[painter]):
        return True
    room = _room(painter, around)
    if room is None:
        return True
    needed = _width_needed(element, painter, chain, around, own=own)
    return needed is not None and needed <= room


def _clips_across(declared: Mapping[str, Declaration]) -> bool:
    """True when the box clips its content at its left and right edges (`overflow-x` other than
    `visible`, or paint containment)."""
    for name in ("overflow-x", "overflow"):
        declaration = declared.get(name)
        if declaration is not None and declaration.values:
            first = declaration.values[0]
            return first.type == "ident" and first.lower_value in ("hidden", "clip", "scroll", "auto")
    contain = declared.get("contain")
    return contain is not None and any(t.type == "ident" and t.lower_value in ("paint", "strict", "content") for t in contain.values)


def _room(box: Any, cascade: Cascade) -> float | None:
    """The most the box can be across (px), by the widths and maximum widths set on it and on
    the ancestors it is as wide as, a percentage of its parent's; None when none is set (it is
    as wide as the screen), 0.0 when one is set to what is not worked out here."""
    room: float | None = None
    share = 1.0
    for ancestor in (box, *box.iterancestors()):
        declared = cascade.declared[ancestor]
        for name in _WIDTHS:
            declaration = declared.get(name)
            if declaration is None or declaration.keyword in _INITIAL_KEYWORDS or declaration.keyword in CSS_WIDE_KEYWORDS:
                continue
            token = declaration.values[0] if len(declaration.values) == 1 else None
            if token is not None and token.type == "percentage":
                # Of the parent's width: the share of the room found further up.
                share = min(share, share * float(token.value) / 100) if name == "max-width" else share * float(token.value) / 100
                continue
            found = None if token is None else length_px(token)
            if found is None:
                return 0.0
            room = found * share if room is None else min(room, found * share)
    if room is None and share < 1.0:
        return offsets.SCREEN_WIDTH_PX * share
    return room


def _width_needed(element: Any, painter: Any, chain: Cascade, around: Cascade, *, own: bool = False) -> float | None:
    """The least width (px) the element's content needs without running out of the boxes it is
    in (see `_stays_within`; `own`: its own text only); None when not worked out (a font size,
    width or wrapping set in a way not read here)."""
    font_px = _font_px(element, painter, chain, around)
    if font_px is None:
        return None
    text, inner = (_own_text(element), []) if own else ("".join(element.itertext()), [d for d in element.iterdescendants() if isinstance(d.tag, str)])
    if any(name in chain.declared[d] for d in inner for name in ("font-size", *_WIDENING)):
        return None  # sized inside: not read here
    # (Its own text only: the pictures it holds are its children's.)
    pictures = [_picture_width(box, chain) for box in (element, *inner) if box.tag in _PICTURE_TAGS and not own]
    if None in pictures:
        return None
    unbroken = _keeps_one_line(element, painter, chain, around) or any(_one_line_keyword(chain.declared[d]) for d in inner)
    # (As capitals: a `text-transform` is not read here.)
    lines = max((widest_ems(line, capitals=True) for line in text.split("\n")), default=0.0) * font_px
    widest_picture = max((width for width in pictures if width is not None), default=0.0)
    if unbroken:
        return max(lines, widest_picture)
    # Wrapped text runs as far across as the widest box it is laid out in, or its longest word,
    # and no further than it runs unwrapped.
    words = max((widest_ems(word, capitals=True) for word in text.split()), default=0.0) * font_px
    widest = _widest_between(element, painter, chain)
    return max(widest_picture, lines if widest is None else min(lines, max(words, widest)))


def _picture_width(box: Any, cascade: Cascade) -> float | None:
    """How wide (px) a picture is drawn, by the `width` its CSS or its attribute sets; None when
    neither sets one in px (its own width is not known here)."""
    declaration = cascade.declared[box].get("width")
    if declaration is not None and len(declaration.values) == 1:
        return length_px(declaration.values[0])
    written = str(box.get("width") or "").strip()
    return float(written) if written.isdigit() else None


def _widest_between(element: Any, painter: Any, cascade: Cascade) -> float | None:
    """The widest width or minimum width (px) set on the element and the boxes up to `painter`
    (0.0 when none is set, or only percentages of 100 or less); None when one is not worked out."""
    widest = 0.0
    box = element
    while box is not painter:
        for name in _WIDENING:
            declaration = cascade.declared[box].get(name)
            if declaration is None or declaration.keyword in _INITIAL_KEYWORDS or declaration.keyword in CSS_WIDE_KEYWORDS:
                continue
            token = declaration.values[0]
            if token.type == "percentage" and token.value <= 100:
                continue
            found = length_px(token) if len(declaration.values) == 1 else None
            if found is None:
                return None
            widest = max(widest, found)
        box = box.getparent()
    return widest


def _one_line_keyword(declared: Mapping[str, Declaration]) -> bool | None:
    """Whether the box's own wrapping keeps its text on one line: True for `nowrap` or `pre`, False
    for another keyword, None when it sets none (it inherits its parent's)."""
    for name in _WRAPPING:
        declaration = declared.get(name)
        if declaration is not None and declaration.keyword not in ("inherit", "unset"):
            return declaration.keyword in ("nowrap", "pre") or declaration.keyword not in (*_WRAPS,)
    return None


def _keeps_one_line(element: Any, painter: Any, chain: Cascade, around: Cascade) -> bool:
    """True when the wrapping in force on the element keeps its text on one line (or is not worked out)."""
    cascade = chain
    for box in (element, *element.iterancestors()):
        if box is painter:
            cascade = around
        own = _one_line_keyword(cascade.declared[box])
        if own is not None:
            return own
    return False


def _font_read(declared: Mapping[str, Declaration]) -> Mapping[str, Declaration] | None:
    """`stacked_lines.reading_the_font`: imported when a page's CSS sets the `font` shorthand."""
    from compliance.document.stacked_lines import reading_the_font

    return reading_the_font(declared)


def _font_px(element: Any, painter: Any, chain: Cascade, around: Cascade) -> float | None:
    """The element's font size (px), by the sizes set on it and its ancestors in px or relative to
    the parent's (`em`, `%`), by `font-size` or the `font` shorthand; None for another (a keyword,
    `rem`, a function, a `font` not read: a system font, a `var()`)."""
    factor = 1.0
    cascade = chain
    for box in (element, *element.iterancestors()):
        if box is painter:
            cascade = around
        declared: Mapping[str, Declaration] | None = cascade.declared[box]
        if declared is not None and "font" in declared:
            declared = _font_read(declared)
        if declared is None:
            return None
        declaration = declared.get("font-size")
        if declaration is None or declaration.keyword in ("inherit", "unset"):
            continue
        if declaration.keyword in ("initial", "revert", "revert-layer", "medium"):
            return factor * _DEFAULT_FONT_PX
        token = declaration.values[0] if len(declaration.values) == 1 else None
        if token is None:
            return None
        if token.type == "percentage":
            factor *= float(token.value) / 100
            continue
        if token.type == "dimension" and token.lower_unit in FONT_UNIT_EMS:
            factor *= float(token.value) * FONT_UNIT_EMS[token.lower_unit]
            continue
        found = length_px(token) if token.type != "dimension" or token.lower_unit not in SCREEN_AND_ROOT_UNITS else None
        return None if found is None else factor * found
    return factor * _DEFAULT_FONT_PX


# --- Pictures under a cover sized in absolute lengths (`_Reader._over_pictures`) ---

# The containing blocks whose first picture's place is read: the picture stands at their content
# box's top left corner, whatever their own size.
_PICTURE_BLOCKS = frozenset({"block", "flow-root", "inline-block"})
# The boxes a picture may stand in, between it and that block, which a browser's own style gives
# no margin, padding, border or font of their own (not a `<p>`, `<figure>` or heading).
_PICTURE_WRAPPERS = frozenset(
    {"a", "span", "picture", "b", "strong", "i", "em", "u", "s", "mark", "abbr", "cite", "time", "data", "dfn", "bdi", "ins", "del"}
    | {"div", "header", "footer", "section", "nav", "main", "article", "aside", "hgroup", "search"}
)
# The elements never laid out in the flow, however the page styles them (what they hold is not
# shown, or they are not rendered).
_NEVER_IN_FLOW = frozenset(
    {"script", "style", "template", "meta", "link", "base", "title", "source", "track", "param", "area", "rp", "datalist", "noembed", "noframes"}
)
# How deep a picture's wrappers are read (`<div><a><picture><img>`: real logos have a few).
_DEEPEST_WRAPPING = 6
# The borders' own longhands and shorthands that may widen a box (not their colours or corners).
_BORDERS = tuple(
    f"border{side}{part}"
    for side in ("", "-top", "-right", "-bottom", "-left", "-inline", "-inline-start", "-inline-end", "-block", "-block-start", "-block-end")
    for part in ("", "-width", "-style")
)
_SIDES_LOGICAL = ("-inline", "-inline-start", "-inline-end", "-block", "-block-start", "-block-end")
# What is read on a picture, the boxes around it up to its cover's block, and their ancestors.
_PICTURE_NAMES = frozenset(
    {
        "position",
        "z-index",
        "display",
        "float",
        "inset",
        *_OFFSETS,
        *_STACKING_PROPERTIES,
        "zoom",
        *_MARGINS,
        *(f"margin{side}" for side in _SIDES_LOGICAL),
        "padding",
        *(f"padding-{side}" for side in _OFFSETS),
        *(f"padding{side}" for side in _SIDES_LOGICAL),
        *_BORDERS,
        "width",
        "height",
        "min-width",
        "min-height",
        "max-height",
        "max-width",
        "box-sizing",
        "font",
        "font-size",
        "line-height",
        "text-align",
        "text-align-last",
        "text-indent",
        "direction",
        "writing-mode",
        "white-space",
        "columns",
        "column-count",
        "column-width",
    }
)
# The alignments that start a line at its block's left edge (one line is its last, which
# `justify` aligns to the start); `text-align` sets where a block's first line starts.
_LEFT_ALIGNED = frozenset({"left", "start", "justify", "-webkit-left", "initial", "unset", "revert", "revert-layer"})
# The most a line of a font of `normal` height is, in ems of its size (fonts give 1.1 to 1.4),
# and the most the part of a line above its baseline exceeds half the line's height: half the
# ascent less the descent (about 0.35em in the common faces).
_NORMAL_LINE_EMS = 1.5
_ABOVE_HALF_LINE_EMS = 0.6
# The share of its parent's font a browser's own style gives an element at most, where the page
# sets none (HTML, 15.3.7): read for the most a line may be.
_LARGER_BY_TAG = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "big": 1.2}


def _ancestors_up_to(element: Any, block: Any) -> list[Any]:
    """The element's ancestors below `block`, nearest first."""
    found = []
    for ancestor in element.iterancestors():
        if ancestor is block:
            break
        found.append(ancestor)
    return found


def _leading_pictures(block: Any, cover: Any) -> list[tuple[Any, list[Any]]]:
    """The `<img>` that may stand first in `block` (its first content but white space, in boxes
    of `_PICTURE_WRAPPERS`), with the elements before it there that the page's CSS must take out
    of the flow for it to (none but what is never in the flow, hidden by markup, or the cover);
    none where text comes first."""
    node: Any = block
    before: list[Any] = []
    for _ in range(_DEEPEST_WRAPPING):
        if (node.text or "").strip():
            return []
        inner = None
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag == "img":
                return [(child, before)]
            if tag in _PICTURE_WRAPPERS and child.find(".//img") is not None:
                inner = child
                break
            if tag and child is not cover and tag not in _NEVER_IN_FLOW and not is_hidden(child, tag, helper_classes_hide=False):
                before.append(child)
            if (child.tail or "").strip():
                return []
        if inner is None:
            return []
        node = inner
    return []


def _boxes_and_ancestors(covers: Sequence[Any]) -> set[Any]:
    """The elements `covers` are and their ancestors (a pseudo-element's: its element's and up)."""
    return {element for box in covers for element in ((*box.iterancestors(),) if isinstance(box, _Pseudo) else (box, *box.iterancestors()))}


def _out_of_flow(element: Any, declared: Mapping[str, Declaration]) -> bool:
    """True when the page's CSS takes the element out of the flow: placed absolutely or fixed, or not displayed."""
    return _position(declared) in ("absolute", "fixed") or _display(declared, element) == "none"


def _frames(declared: Mapping[str, Declaration]) -> bool:
    """True when the declarations set a margin or a padding other than 0, or a border that may be
    drawn (a width, or a style but `none`/`hidden` without a width of 0): what moves a box's
    content from its corner."""
    for name, declaration in declared.items():
        values = declaration.values
        if name.startswith(("margin", "padding")):
            if not all(token.type in ("number", "dimension", "percentage") and _zero(token) for token in values):
                return True
        elif name in _BORDERS:
            idents = {token.lower_value for token in values if token.type == "ident"}
            lengths = [token for token in values if token.type in ("number", "dimension")]
            if not (idents & {"none", "hidden"} or (lengths and all(_zero(token) for token in lengths))):
                return True
    return False


def _nearest(chain: Sequence[Any], cascade: Cascade, name: str) -> Declaration | None:
    """The declaration of an inherited property in force on the last of `chain` (root first): the
    nearest one declared up the chain (`inherit` and `unset` pass it on)."""
    for element in reversed(chain):
        declaration = cascade.declared[element].get(name)
        if declaration is not None and declaration.keyword not in ("inherit", "unset"):
            return declaration
    return None


def _picture_place(image: Any, path: Sequence[Any], chain: Sequence[Any], cascade: Cascade, *, inline: bool) -> tuple[float, float, float, float, float] | None:
    """Where a picture that stands first in its cover's block is drawn, from the block's padding
    edge (px), as (left, top, width, height, sinking): at the block's content box's top left
    corner, a block-level one (`display: block`) right there, an inline one on the first line,
    at most `sinking` lower (`_sinking`; `inline`: read at all), its width and height those its
    CSS (in absolute lengths) or its attributes give it (a `max-width` only narrows it). `path`:
    the picture and the boxes around it up to the block; `chain`: the root down to the picture.
    None where
    something may move it: a padding of the block not in absolute lengths, columns, a flex or
    grid layout, an alignment but to the left, a right-to-left or vertical direction, an indent,
    white space kept, a margin, padding or border of the picture or a box around it, a float, a
    position, a transform or a font of their own, or a size not known."""
    block = chain[len(chain) - len(path) - 1]
    corner = _content_corner(cascade.declared[block])
    if corner is None or not _starts_left(chain, cascade) or not _wrappers_keep_in_place(path[1:], cascade):
        return None
    own = cascade.declared[image]
    size = _picture_size(image, own)
    if size is None:
        return None
    display = _display(own, image)
    if display == "block":
        return corner[0], corner[1], size[0], size[1], 0.0
    if display not in ("inline", "inline-block") or not inline or "max-height" in own:
        return None
    sinking = _first_line_sinking(image, path, chain, cascade, size[1])
    return None if sinking is None else (corner[0], corner[1], size[0], size[1], sinking)


def _content_corner(declared: Mapping[str, Declaration]) -> tuple[float, float] | None:
    """The top left corner of a block's content box from its padding edge (px: its left and top
    padding), by its declarations; None where columns or a padding not in absolute lengths (or a
    logical one) may move it."""
    if any(name in declared for name in ("columns", "column-count", "column-width", *(f"padding{side}" for side in _SIDES_LOGICAL))):
        return None
    corner = []
    for side in ("left", "top"):
        token = side_value(declared, side, f"padding-{side}", "padding")
        padding = 0.0 if token is None else (None if token is UNREAD_SIDE else absolute_length_px(token))
        if padding is None:
            return None
        corner.append(padding)
    return corner[0], corner[1]


def _wrappers_keep_in_place(wrappers: Sequence[Any], cascade: Cascade) -> bool:
    """True when none of the boxes around a picture up to its block (`wrappers`) may move it: each
    an inline or block box of a tag that may wrap a picture (`_PICTURE_WRAPPERS`) that keeps it
    inside, of no margin, padding or border, font or zoom of its own."""
    for wrapper in wrappers:
        own = cascade.declared[wrapper]
        if wrapper.tag.lower() not in _PICTURE_WRAPPERS or not _keeps_inside(own, wrapper, cascade.overflowing) or _frames(own):
            return False
        if _display(own, wrapper) not in ("inline", "block") or any(name in own for name in ("font", "font-size", "line-height", "zoom")):
            return False
    return True


def _first_line_sinking(image: Any, path: Sequence[Any], chain: Sequence[Any], cascade: Cascade, height: float) -> float | None:
    """How much lower (px) than its line's top an inline picture of `height` may be drawn on the
    first line of its block (`_sinking`; `path`, `chain`: as `_picture_place` takes them); None
    where an indent, or what follows it on the line, may move it."""
    block = chain[len(chain) - len(path) - 1]
    indent = _nearest(chain, cascade, "text-indent")
    if indent is not None and not all(token.type in ("number", "dimension", "percentage") and _zero(token) for token in indent.values):
        return None
    line_block = next(box for box in reversed(chain) if box is block or (box in path[1:] and _display(cascade.declared[box], box) == "block"))
    if not _alone_on_its_line(image, line_block, cascade):
        return None
    return _sinking(chain[: chain.index(line_block) + 1], cascade, height)


def _starts_left(chain: Sequence[Any], cascade: Cascade) -> bool:
    """True when the lines of the last of `chain` (root first) start at their block's left edge,
    left to right and across: no `dir` attribute but `ltr`, `direction` but `ltr`, `writing-mode`
    but `horizontal-tb`, `<center>` or `align` attribute, nor an alignment of its first line but
    to the left (`_LEFT_ALIGNED`), and white space at its start collapsed (not kept by `pre`…)."""
    for element in chain:
        tag = element.tag.lower()
        if (element.get("dir") or "ltr").strip().lower() != "ltr" or tag == "center" or (element.get("align") or "left").strip().lower() != "left":
            return False
        declared = cascade.declared[element]
        if _keyword(declared, "direction", "ltr") != "ltr" or _keyword(declared, "writing-mode", "horizontal-tb") != "horizontal-tb":
            return False
        if "text-align-last" in declared:
            return False
    align = _nearest(chain, cascade, "text-align")
    if align is not None and align.keyword not in _LEFT_ALIGNED:
        return False
    kept = _nearest(chain, cascade, "white-space")
    return kept is None or kept.keyword in ("normal", "nowrap", "pre-line", "initial", "revert", "revert-layer")


def _picture_size(image: Any, declared: Mapping[str, Declaration]) -> tuple[float, float] | None:
    """The most a picture's box is across and high (px): its CSS `width` and `height` in absolute
    lengths, else its `width` and `height` attributes (a `max-width` or `max-height` only makes it
    smaller); None where one is set otherwise (`auto`, a percentage) or not given, or a minimum
    size or a zoom may make it larger."""
    if any(name in declared and not all(_zero(token) for token in declared[name].values) for name in ("min-width", "min-height")):
        return None
    if any(
        name in declared and declared[name].keyword not in _INITIAL_KEYWORDS for name in ("transform", "translate", "rotate", "scale", "zoom", "offset-path")
    ):
        return None
    if _keyword(declared, "float", "none") != "none" or _position(declared) not in ("static", "relative") or _frames(declared):
        return None
    if _position(declared) == "relative" and not all(_unmoved(_side(declared, name)) for name in _OFFSETS):
        return None
    attributes = _size_attributes(image)
    found = []
    for name in ("width", "height"):
        declaration = declared.get(name)
        size = attributes.get(name) if declaration is None else (absolute_length_px(declaration.values[0]) if len(declaration.values) == 1 else None)
        if size is None:
            return None
        found.append(size)
    return found[0], found[1]


def _alone_on_its_line(image: Any, line_block: Any, cascade: Cascade) -> bool:
    """True when nothing after an inline picture on its line may raise the line's baseline (a
    taller picture or box beside it would lower it): the elements after it and after the boxes
    around it, up to its line's block, are never in the flow, hidden by markup, or, by the page's
    CSS, out of the flow — up to a `<br>`, which ends the line. Text there is of the line's own
    font, which its strut already counts."""
    node = image
    while node is not line_block:
        for sibling in node.itersiblings():
            tag = sibling.tag.lower() if isinstance(sibling.tag, str) else ""
            if tag == "br":
                return True
            if not tag or tag in _NEVER_IN_FLOW or is_hidden(sibling, tag, helper_classes_hide=False):
                continue
            if sibling not in cascade.declared or not _out_of_flow(sibling, cascade.declared[sibling]):
                return False
        node = node.getparent()
    return True


def _sinking(chain: Sequence[Any], cascade: Cascade, height: float) -> float | None:
    """How much lower than its line's top an inline picture `height` px high may be drawn, on the
    first line of the last of `chain` (root first, down to the block of the line), on its
    baseline (a page that sets a `vertical-align` is not read: `painted_over`): at most what the
    line's strut rises above the baseline beyond the picture. The strut is read at the most the
    font and line height may be: half its line plus `_ABOVE_HALF_LINE_EMS` above the baseline,
    a line of `normal` height `_NORMAL_LINE_EMS`. None for a font or line height not read."""
    from compliance.document.flow_clip import _MEDIUM_FONT_PX, _line_height_of
    from compliance.document.flow_clip import _font_size as font_range

    least, most = _MEDIUM_FONT_PX
    height_of: tuple[str, float] = ("normal", 1.0)
    for element in chain:
        # The `font` shorthand read as the size and line height it sets (None: not read).
        declared: Mapping[str, Declaration] | None = cascade.declared[element]
        if declared is not None and "font" in declared:
            declared = _font_read(declared)
        tag = element.tag.lower()
        if declared is None or "zoom" in declared or (tag == "font" and element.get("size") is not None):
            return None
        if "font-size" in declared:
            found = font_range(declared["font-size"], (least, most))
            if found is None:
                return None
            least, most = found
        else:
            most *= _LARGER_BY_TAG.get(tag, 1.0)
        read = _line_height_of(declared.get("line-height"), most, height_of)
        if read is None:
            return None
        height_of = read
    line = most * height_of[1] if height_of[0] == "number" else (height_of[1] if height_of[0] == "px" else most * _NORMAL_LINE_EMS)
    return max(0.0, line / 2 + _ABOVE_HALF_LINE_EMS * most - height)


def _painted_whole(image: Any, cover: Any, level: int, block: Any, cascade: Cascade) -> bool:
    """True when the cover (at `level`) is painted after the picture: the picture is in the flow,
    or at a lower stack level, or at the cover's and before it in the tree (as `_covered_beside`
    reads what is beside a cover, from the cover's block down). `cascade`: read on the picture
    and the boxes around it."""
    path = [cover]
    while path[-1].getparent() is not block:
        path.append(path[-1].getparent())
    lineage = [image, *_ancestors_up_to(image, block)]
    for holder in (block, *path[:0:-1]):
        before = not isinstance(cover, _Pseudo) or holder is not cover.host or cover.which == "after"
        for child in holder:
            if child in path:
                before = False
            elif child in lineage:
                levels: tuple[int, bool] | None = None
                for node in reversed(lineage[: lineage.index(child) + 1]):
                    declared = cascade.declared[node]
                    if node in cascade.varies or _z_index(declared) is _UNKNOWN:
                        return False
                    levels = _own_level(declared, levels)
                return levels is None or levels[0] < level or (levels[0] == level and before)
    return False
