"""The page's own CSS, read with tinycss2: the declarations of `style` attributes and the rules of
`<style>` blocks that can hide content, and the readings of their values that visibility needs
(lengths in CSS pixels, colours, zero scales and empty clips).

Only the properties that decide whether something is on screen are kept. Values are read as the
CSS Syntax specification tokenises them, so comments inside a declaration (`display:none/**/`),
`!important`, escapes and odd spacing are handled as a browser handles them.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final, Generic, Literal, NamedTuple, TypeVar

from compliance.document import css_colour, css_grammar, css_math, path_data
from compliance.document.css_grammar import split_at_commas
from compliance.firstuse import on_first_use

# Property → the family of properties whose values are judged together (a `display` rule that
# un-hides counts only if `display` can hide; `overflow` matters only with a zero width).
# The grid properties read on demand (see `grid_tracks`).
_GRID_PROPERTIES = (
    "grid-template-rows",
    "grid-template-columns",
    "grid-template",
    "grid",
    "grid-row",
    "grid-row-start",
    "grid-row-end",
    "grid-column",
    "grid-column-start",
    "grid-column-end",
    "grid-area",
    "justify-self",
    "justify-items",
    "place-self",
    "place-items",
    "aspect-ratio",
    # Where a grid puts its items in order (`grid_tracks.last_row_collapsed`).
    "order",
    "grid-auto-flow",
    "grid-template-areas",
)
FAMILIES: dict[str, str] = {
    "display": "display",
    "visibility": "visibility",
    "opacity": "opacity",
    "filter": "opacity",
    # An alias of `filter` that WebKit and Blink browsers keep.
    "-webkit-filter": "opacity",
    "content-visibility": "content-visibility",
    "font-size": "font",
    "font": "font",
    # Judged with the font size, that a spacing in `em` is relative to (see `visibility`).
    "letter-spacing": "font",
    "word-spacing": "font",
    "transform": "transform",
    # Aliases that Chromium keeps (see `ALIASES`), like `-webkit-filter` and `-webkit-mask` below.
    "-webkit-transform": "transform",
    "-webkit-clip-path": "clip",
    "-webkit-opacity": "opacity",
    "scale": "transform",
    "translate": "transform",
    "clip": "clip",
    "clip-path": "clip",
    "width": "size",
    "height": "size",
    "max-width": "size",
    "max-height": "size",
    "min-width": "size",
    "min-height": "size",
    "overflow": "size",
    # What sizes a box as if empty, or its lines to nothing (see `containment`), and what gives
    # such a box a height again.
    "contain": "size",
    "contain-intrinsic-size": "size",
    "contain-intrinsic-height": "size",
    "line-height": "size",
    # Scales the font to an aspect value: 0 leaves it no size (see `visibility`).
    "font-size-adjust": "font",
    # Text drawn as a row of bullets, as a password field's (see `visibility.MASKING_TEXT_SECURITY`).
    "-webkit-text-security": "font",
    # An image as an element's `content` replaces what it holds (see `visibility.replaces_content`).
    "content": "display",
    "overflow-x": "size",
    "overflow-y": "size",
    # What lays a box's lines out other than one under another (see `clipping.one_line_box`).
    "columns": "size",
    "column-count": "size",
    "column-width": "size",
    "writing-mode": "size",
    # The legacy line clamp of a vertical `-webkit-box` (see `clipping.one_line_box`; the
    # box's orientation is a "flex" declaration, below).
    "-webkit-line-clamp": "size",
    # A clipping box's extent past its content (see `visibility.Clip`).
    "padding": "size",
    "padding-left": "size",
    "padding-right": "size",
    "padding-top": "size",
    "padding-bottom": "size",
    "position": "placement",
    # Takes a box out of its parent's lines (see `clipping.flow_in_line_box`).
    "float": "placement",
    "left": "placement",
    "top": "placement",
    "right": "placement",
    "bottom": "placement",
    "margin-left": "placement",
    "margin-top": "placement",
    # What pushes the blocks after a box down, in a box that clips its overflow (`flow_clip`).
    "margin-bottom": "placement",
    "box-sizing": "size",
    "margin": "placement",
    "inset": "placement",
    "text-indent": "placement",
    # Where a line's text is put, which decides whether a negative `text-indent` takes it off
    # the screen (see `visibility._first_line_alignment`).
    "text-align": "placement",
    "text-align-last": "placement",
    "direction": "placement",
    # With `direction`, whether the letters of a line are laid out in reverse order (read on
    # demand: see `html._reversed_by_override`).
    "unicode-bidi": "placement",
    "white-space": "placement",
    "text-wrap-mode": "placement",
    "text-wrap": "placement",
    "color": "colour",
    # A blend repaints the text and what is behind it in other colours (see `blending`).
    "mix-blend-mode": "colour",
    "-webkit-text-fill-color": "colour",
    "background-color": "colour",
    "background": "colour",
    # A picture behind the text: the colour under it is then unknown (see `visibility`).
    "background-image": "colour",
    "background-clip": "colour",
    "-webkit-background-clip": "colour",
    # Paint the glyphs whatever the text colour: text they paint is seen (see `visibility`).
    "text-shadow": "colour",
    "-webkit-text-stroke": "colour",
    "-webkit-text-stroke-width": "colour",
    "-webkit-text-stroke-color": "colour",
    # What leaves the box but paints nothing of it (see `vanishing`).
    "zoom": "transform",
    "rotate": "transform",
    # Gives the element's content a 3D view, from which an edge-on box is seen at an angle.
    "perspective": "transform",
    # Hides a box whose back a transform turns to the reader (see `projection`).
    "backface-visibility": "transform",
    "-webkit-backface-visibility": "transform",
    # Places the box's centre on a path, at a distance along it (see `offsets.placed_off_by_its_path`).
    "offset-path": "transform",
    "offset-distance": "transform",
    # Sets both, read as them where it stands (see `_offset_expansion`).
    "offset": "transform",
    "object-position": "transform",
    # How large the picture an `object-position` moves is drawn (see `visibility._picture_moved_out`).
    "object-fit": "transform",
    "mask": "opacity",
    "mask-image": "opacity",
    "-webkit-mask": "opacity",
    "-webkit-mask-image": "opacity",
    # What else decides how much of the element a mask keeps (see `masking`): its mode, how its
    # layers composite, and the size, place and repeat of its images.
    "mask-mode": "opacity",
    "mask-composite": "opacity",
    "mask-size": "opacity",
    "mask-position": "opacity",
    "mask-repeat": "opacity",
    "-webkit-mask-size": "opacity",
    "-webkit-mask-position": "opacity",
    "-webkit-mask-repeat": "opacity",
    # An animation may change what hides the element (a fade-in from `opacity: 0`): see `visibility`.
    "animation": "opacity",
    "animation-name": "opacity",
    # What decides where an animation leaves the element once it has run (see `animation`).
    "animation-fill-mode": "opacity",
    "animation-direction": "opacity",
    "animation-iteration-count": "opacity",
    "animation-play-state": "opacity",
    # The `-webkit-` names browsers still take for the animation properties (read as those: see `ALIASES`).
    "-webkit-animation": "opacity",
    "-webkit-animation-name": "opacity",
    "-webkit-animation-fill-mode": "opacity",
    "-webkit-animation-direction": "opacity",
    "-webkit-animation-iteration-count": "opacity",
    "-webkit-animation-play-state": "opacity",
    # How a flex item's width is worked out (see `flex_factors`): never hiding alone, read on
    # demand for a flex item that may be narrow (`visibility`). The `-webkit-` names are aliases.
    "flex": "flex",
    "flex-grow": "flex",
    "flex-basis": "flex",
    "-webkit-flex": "flex",
    "-webkit-flex-grow": "flex",
    "-webkit-flex-basis": "flex",
    # Which way a flex container lays its items out, and whether it stretches them across: a
    # column's items are as wide as their `width`, or stretched to the container's; their flex
    # factors size their height. Read on demand like the factors.
    "flex-direction": "flex",
    "flex-flow": "flex",
    "flex-wrap": "flex",
    "-webkit-flex-direction": "flex",
    "-webkit-flex-flow": "flex",
    "-webkit-flex-wrap": "flex",
    "align-items": "flex",
    "align-self": "flex",
    # The legacy `-webkit-box`, which Chromium still lays out as a flexbox: `-webkit-box-flex` is
    # its items' growth, `-webkit-box-orient` its direction, `-webkit-box-align` its stretching.
    "-webkit-box-flex": "flex",
    "-webkit-box-orient": "flex",
    "-webkit-box-align": "flex",
    # A grid's tracks, and where and how its items sit in them: an item in a track of no size
    # that clips its overflow shows nothing (see `grid_tracks`). Never hiding alone, read on demand.
    **dict.fromkeys(_GRID_PROPERTIES, "grid"),
    # Widens a box of `auto` width past its containing block when negative (`margin` and
    # `margin-left` are read with the placement): never hiding alone, read on demand.
    "margin-right": "widening",
}
# What measures a box, never hiding alone, read on demand: its borders, which with its paddings
# may leave an image of `box-sizing: border-box` no content box for its picture (`content_box`),
# and where its lines may break, which bounds how tall its text can make it (`stacked_lines`).
FAMILIES.update(
    dict.fromkeys(
        (
            "border", "border-width", "border-style",
            *(f"border-{side}{part}" for side in ("top", "right", "bottom", "left") for part in ("", "-width", "-style")),
            *(f"border-{axis}{end}{part}" for axis in ("block", "inline") for end in ("", "-start", "-end") for part in ("", "-width", "-style")),
            "word-break", "overflow-wrap", "word-wrap",
        ),
        "measure",
    )
)  # fmt: skip
# What a reader can click (`pointer_events`: a link under `pointer-events: none` ignores clicks and
# taps, and is no link back), never hiding, read on demand.
FAMILIES["pointer-events"] = "pointer"
# A flow-relative property is judged with the physical property it sets (see `_physical`).
FAMILIES.update({name: FAMILIES[physical] for name, physical in css_grammar.FLOW_RELATIVE_LONGHANDS.items()})
FAMILIES.update({name: FAMILIES[start] for name, (start, _) in css_grammar.FLOW_RELATIVE_SHORTHANDS.items()})
# What decides which boxes paint over which (see `paint_order`): a box's stack level, what makes
# a stacking context of it, and what leaves part of a background it paints unpainted (its
# rounded corners, an image's size, place and repeat), and an outline. None of them hides alone.
FAMILIES.update(
    dict.fromkeys(
        (
            "z-index", "isolation", "will-change", "container-type", "backdrop-filter",
            "-webkit-backdrop-filter", "-webkit-box-reflect", "view-transition-name", "transform-style",
            "border-radius", "border-top-left-radius", "border-top-right-radius", "border-bottom-left-radius",
            "border-bottom-right-radius", "background-size", "background-position", "background-repeat",
            "background-position-x", "background-position-y", "background-origin", "background-attachment",
            # An outline is painted over the content (an image's own, drawn inward: `outlined_over`).
            "outline", "outline-width", "outline-style", "outline-color", "outline-offset",
        ),
        "paint",
    )
)  # fmt: skip
# (`offset-path`, which also makes a stacking context, is read in the "transform" family above.)
# Legacy names that browsers treat as aliases of a property (CSS Animations 1, the WHATWG
# Compatibility Standard, and as Chromium keeps them: `-webkit-transform`, `-webkit-clip-path`,
# `-webkit-opacity`, `-webkit-filter`, `-webkit-mask`): a declaration under one is that
# property's, in the cascade too (`transform: scale(0); -webkit-transform: none` is not scaled).
ALIASES = {
    name: name.removeprefix("-webkit-")
    for name in FAMILIES
    if name.startswith(("-webkit-animation", "-webkit-flex", "-webkit-transform", "-webkit-clip-path", "-webkit-opacity", "-webkit-filter", "-webkit-mask"))
}
ALIASES["-webkit-backface-visibility"] = "backface-visibility"

# CSS Values 4 (6.1.2): the viewport units, each at its small, large and dynamic viewport, by
# the axis they measure (`vi`, `vb`: the inline and block axes, horizontal and vertical in the
# horizontal writing modes); `vmax` measures the longer axis, so a whole viewport of it is at
# least one of either axis, and `vmin` the shorter.
_VIEWPORT_AXES = {"w": "horizontal", "i": "horizontal", "h": "vertical", "b": "vertical", "max": "longer", "min": "shorter"}
_VIEWPORT_PREFIXES = ("v", "sv", "lv", "dv")
VIEWPORT_UNITS = frozenset(prefix + axis for prefix in _VIEWPORT_PREFIXES for axis in _VIEWPORT_AXES)
# The viewport units a whole viewport of which is at least the screen's width (`horizontal`) or
# height (`vertical`): that axis's own units and the longer axis's.
VIEWPORT_UNITS_OF_AXIS = {
    axis: frozenset(prefix + name for prefix in _VIEWPORT_PREFIXES for name, measured in _VIEWPORT_AXES.items() if measured in (axis, "longer"))
    for axis in ("horizontal", "vertical")
}
# CSS Containment 3 (container relative lengths): `cqw cqh cqi cqb cqmin cqmax`, a hundredth of the
# nearest size container's axis, and of the small viewport's where no ancestor is one (so read
# as the small viewport units are).
CONTAINER_UNITS = frozenset("cq" + axis for axis in _VIEWPORT_AXES)
# The font-relative units (CSS Values 4, 6.1.1) in ems of the element's font: `cap` (a capital's
# height, about 0.7em in common fonts), `ic` (a CJK ideograph's advance, 1em where the font has
# none), `lh` (the line height; `normal` is about 1.2em). Each `r`-prefixed one (`rem`, `rlh`…) is
# the same measure of the root element's font.
FONT_UNIT_EMS = {"em": 1.0, "ex": 0.5, "ch": 0.5, "cap": 0.7, "ic": 1.0, "lh": 1.2}
ROOT_FONT_UNIT_EMS = {"r" + unit: ems for unit, ems in FONT_UNIT_EMS.items()}
# What depends on the screen or the root element's font rather than on the element alone.
SCREEN_AND_ROOT_UNITS = VIEWPORT_UNITS | CONTAINER_UNITS | frozenset(ROOT_FONT_UNIT_EMS)

# CSS pixels per unit for the absolute units and the font-relative ones at the default 16px;
# viewport units (and the container units that fall back to them) at a 1000px-wide screen.
_PIXELS_PER_UNIT = {
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 96 / 25.4,
    "q": 96 / 101.6,
    **{unit: 16.0 * ems for unit, ems in (FONT_UNIT_EMS | ROOT_FONT_UNIT_EMS).items()},
    **dict.fromkeys(VIEWPORT_UNITS | CONTAINER_UNITS, 10.0),
}
# The CSS-wide keywords (CSS Values and Units 4; CSS Cascade 5, "Explicit Defaulting"): every
# property takes them, and each gives whatever value the cascade gives, not one it states.
CSS_WIDE_KEYWORDS = frozenset({"initial", "inherit", "unset", "revert", "revert-layer"})
# Font sizes that scale with the parent's: zero stays zero under them.
RELATIVE_FONT_UNITS = frozenset(FONT_UNIT_EMS) | {"%"}


class _DeclarationFields(NamedTuple):
    name: str
    values: tuple[Any, ...]
    important: bool


class Declaration(_DeclarationFields):
    """One declaration of a property that can hide content, or of a custom property: its name
    (lower-cased; a custom property's as written, since its case counts), its value's component
    values (whitespace and comments removed; math functions worked out, `var()` left for
    `substitute_variables`) and whether it is `!important`.

    It compares as the tuple of those three. Its instance `__dict__` (made on first use) holds
    what `per_declaration` functions have worked out for it, so those facts live exactly as long
    as the declaration does: a memo beside it would keep every declaration it had seen alive
    after the caches that made it let go, and grow a long batch's memory file by file."""

    def __reduce__(self) -> tuple[type[Declaration], tuple[str, tuple[Any, ...], bool]]:
        # Pickled (a pack cache, a worker's result) without the facts worked out for it.
        return (Declaration, (self.name, self.values, self.important))

    @property
    def family(self) -> str:
        """The family of properties this one is judged with (see `FAMILIES`); a custom property
        (`--name`) is a family of its own, named as it is."""
        return FAMILIES.get(self.name, self.name)

    @property
    def custom(self) -> bool:
        """True for a custom property (`--name`), whose value `var()` substitutes elsewhere."""
        return self.name.startswith("--")

    @property
    def keyword(self) -> str:
        """The value when it is a single keyword, lower-cased; empty otherwise."""
        if len(self.values) == 1 and self.values[0].type == "ident":
            return str(self.values[0].lower_value)
        return ""


_Result = TypeVar("_Result")

# How many declaration texts `_remembered_piece_declaration` keeps the reading of (a site's pages
# repeat a few thousand; more only fills up in a batch of many sites).
DECLARATIONS_REMEMBERED = 8192

_NOT_WORKED_OUT = object()


def per_declaration(function: Callable[[Declaration], _Result]) -> Callable[[Declaration], _Result]:
    """`function`, remembered on each declaration object: a `<style>` block's reading gives one
    object per declaration text (`_remembered_piece_declaration`), so the declarations a site's
    pages and generated rules repeat are worked out once. The result is kept in the
    declaration's own `__dict__` under the function's qualified name, and goes when the
    declaration does. (Declarations are not hashable: their tokens compare by value without a
    hash, so no memo keyed by declaration is possible, and one keyed by `id` would have to hold
    each declaration to keep its id from being reused.)"""
    slot = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def remembered(declaration: Declaration) -> _Result:
        facts = declaration.__dict__
        result = facts.get(slot, _NOT_WORKED_OUT)
        if result is _NOT_WORKED_OUT:
            result = facts[slot] = function(declaration)
        return result  # type: ignore[no-any-return]

    return remembered


class Scoping(NamedTuple):
    """Where the rules of `@scope (root) to (limit)` apply (CSS Cascading 6, 2.5): to the
    elements in the subtree of an element that matches the selector list `root`, but for those
    in the subtree of an element inside it that matches `limit` (None: no limit)."""

    root: str
    limit: str | None = None


class StyleRule(NamedTuple):
    """A style rule of a `<style>` block: its selector list as written, its declarations that can
    hide content, its position among the page's rules (later wins at equal specificity), whether
    it sits in a media query or a `@supports` condition that only some readers meet
    (`conditional`), the cascade layer it is in (`layer`: the layer's dotted name, `a.b` for
    `@layer a { @layer b {…} }`, an anonymous layer a name no written one can have; None outside
    every layer), and the `@scope` it is in (`scope`; None outside any). A scoped rule's
    selectors are relative to the scope's root, `&`: `.byline` in `@scope (article)` is written
    `& .byline`, as the `:where(:scope) .byline` it is (`_scoped_selectors`).

    A rule without selectors and declarations only names a layer, where the order of layers is
    set (a `@layer a, b;` statement, or the start of a `@layer` block): layers rank in the order
    they are first named."""

    selectors: str
    declarations: tuple[Declaration, ...]
    order: int
    conditional: bool = False
    layer: str | None = None
    scope: Scoping | None = None


def _meaningful(tokens: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(t for t in tokens if t.type not in ("whitespace", "comment"))


def _declarations(nodes: Sequence[Any]) -> tuple[Declaration, ...]:
    found = []
    for node in nodes:
        if node.type == "declaration" and (node.lower_name in FAMILIES or node.lower_name == "all"):
            values = _meaningful(node.value)
            name = ALIASES.get(node.lower_name, node.lower_name)
            if values and not refused(name, values):
                found.append(Declaration(_physical(name), _computed(values), bool(node.important)))
        elif node.type == "declaration" and node.name.startswith("--"):
            found.append(Declaration(node.name, _meaningful(node.value), bool(node.important)))
    return _expanded(found)


# The properties `all` sets (CSS Cascade 4, 3.2): every one read here but custom properties and
# `unicode-bidi`, which `all` leaves alone (as it does `direction`, still set here as before); an alias or a flow-relative property is the physical
# property's it sets.
_SET_BY_ALL = tuple(
    name
    for name in FAMILIES
    if name not in ALIASES
    and name not in css_grammar.FLOW_RELATIVE_LONGHANDS
    and name not in css_grammar.FLOW_RELATIVE_SHORTHANDS
    and name not in ("offset", "unicode-bidi")
)


def _physical(name: str) -> str:
    """The physical property a flow-relative longhand sets (`margin-inline-start` sets
    `margin-left`: see `css_grammar.FLOW_RELATIVE_LONGHANDS`); any other name as it is."""
    return css_grammar.FLOW_RELATIVE_LONGHANDS.get(name, name)


def _may_expand(block: str) -> bool:
    """Whether a declaration block's text may hold a declaration `_expanded` replaces (a cheap
    test of its text, that most blocks fail)."""
    return "all" in block or "-inline" in block or "-block" in block or "offset" in block


def _expanded(declarations: Sequence[Declaration]) -> tuple[Declaration, ...]:
    """The declarations with each that sets several properties replaced, in its place, by one for
    each: an `all` (`all: unset`, `all: revert`) by its CSS-wide keyword for every property it sets
    (`display: none; all: unset` shows the element), a flow-relative shorthand by its physical
    sides (`margin-inline: -9999px 0` is `margin-left: -9999px; margin-right: 0`)."""
    if not any(declaration.name in ("all", "offset") or declaration.name in css_grammar.FLOW_RELATIVE_SHORTHANDS for declaration in declarations):
        return tuple(declarations)
    return tuple(itertools.chain.from_iterable(map(_expansion, declarations)))


def _expansion(declaration: Declaration) -> tuple[Declaration, ...]:
    """What `_expanded` replaces one declaration with (itself when it sets one property). A
    flow-relative shorthand with a `var()` sets its start side alone, to the whole value, whose
    first value is read once filled in: which of its values is the end side's is not known."""
    name, values, important = declaration
    if name == "all":
        return tuple(Declaration(each, values, important) for each in _SET_BY_ALL)
    if name == "offset":
        return _offset_expansion(declaration)
    sides = css_grammar.FLOW_RELATIVE_SHORTHANDS.get(name)
    if sides is None:
        return (declaration,)
    start, end = sides
    if any(token.type == "function" and token.lower_name == "var" for token in values):
        return (Declaration(start, values, important),)
    first = Declaration(start, values[:1], important)
    return (first,) if end is None else (first, Declaration(end, values[-1:], important))


# What an `offset` shorthand's path is (CSS Motion Path 1, 2.1 and 5): a shape or path function,
# a `url()`, `none`, or a box edge; and the words of the position before it and the rotation after.
_OFFSET_PATHS = frozenset({"path", "ray", "url", "circle", "ellipse", "inset", "polygon", "rect", "xywh", "shape"})
_OFFSET_PATH_WORDS = frozenset({"none", "content-box", "padding-box", "border-box", "margin-box", "fill-box", "stroke-box", "view-box"})
_OFFSET_POSITION_WORDS = frozenset({"auto", "normal", "left", "right", "top", "bottom", "center"})
_OFFSET_ROTATE_WORDS = frozenset({"auto", "reverse"})


def _offset_expansion(declaration: Declaration) -> tuple[Declaration, ...]:
    """What `_expanded` replaces an `offset` shorthand with: its `offset-path` (`none` when it
    gives none) and its `offset-distance` (0 when it gives none), the longhands it resets (its
    position, rotation and anchor are not read). One with a `var()` sets `offset-path` to the
    whole value, read once filled in; one not read here is left as it is, and sets nothing."""
    _, values, important = declaration
    if any(token.type == "function" and token.lower_name == "var" for token in values):
        return (Declaration("offset-path", values, important),)
    before_anchor = list(itertools.takewhile(lambda t: not (t.type == "literal" and t.value == "/"), values))
    at = next((i for i, token in enumerate(before_anchor) if _offset_path_token(token)), None)
    if at is None:
        at = len(before_anchor)
        path: tuple[Any, ...] = (_keyword_token(values[0], "none"),)
    else:
        path = (before_anchor[at],)
    if not all(_offset_position_token(token) for token in before_anchor[:at]):
        return (declaration,)
    rest = [t for t in before_anchor[at + 1 :] if not _offset_rotate_token(t)]
    if len(rest) > 1 or not all(_offset_position_token(t) and t.type != "ident" for t in rest):
        return (declaration,)
    return (Declaration("offset-path", path, important), Declaration("offset-distance", tuple(rest) or (_number_token(values[0], 0),), important))


def _offset_path_token(token: Any) -> bool:
    if token.type == "ident":
        return token.lower_value in _OFFSET_PATH_WORDS
    return (token.type == "function" and token.lower_name in _OFFSET_PATHS) or token.type == "url"


def _offset_position_token(token: Any) -> bool:
    """A word, length, percentage or math function of a position (or of a distance)."""
    if token.type == "ident":
        return token.lower_value in _OFFSET_POSITION_WORDS
    if token.type == "function":
        return token.lower_name in MATH_FUNCTIONS
    return token.type in ("dimension", "percentage") or (token.type == "number" and token.value == 0)


def _offset_rotate_token(token: Any) -> bool:
    if token.type == "ident":
        return token.lower_value in _OFFSET_ROTATE_WORDS
    return token.type == "dimension" and token.lower_unit in ("deg", "rad", "grad", "turn")


def _keyword_token(at: Any, word: str) -> Any:
    import tinycss2.ast

    return tinycss2.ast.IdentToken(at.source_line, at.source_column, word)


def _number_token(at: Any, value: int) -> Any:
    import tinycss2.ast

    return tinycss2.ast.NumberToken(at.source_line, at.source_column, value, value, str(value))


# Properties whose values CSS refuses when negative (a browser drops such a declaration and the
# one it would have overridden applies): sizes and font sizes. `opacity` out of 0–1 is clamped,
# not refused; offsets, margins, `text-indent`, translations and scales may be negative.
_NON_NEGATIVE = frozenset({"font-size", "width", "height", "min-width", "min-height", "max-width", "max-height", "flex-grow", "flex-basis", "-webkit-box-flex"})
# `filter` functions that refuse a negative amount (`hue-rotate` and `drop-shadow` take one).
_NON_NEGATIVE_FILTERS = frozenset({"opacity", "blur", "brightness", "contrast", "grayscale", "invert", "saturate", "sepia"})


def _negative(token: Any) -> bool:
    return token.type in ("number", "dimension", "percentage") and token.value < 0


# The one-word values of `display` a browser takes (CSS Display 3, its legacy one-word values and
# the table and ruby ones), as measured in Chromium: any other word is refused, so that
# `display: none; display: inline-list-item` stays hidden. Not taken there, though in a spec or
# in another browser: `run-in`, `inline-list-item`, `ruby-base`, `ruby-base-container`,
# `ruby-text-container`. Of vendor keywords Chromium takes only the four of the old flexbox
# below; `-moz-box`, `-ms-flexbox`, `-webkit-grid` and the like are refused.
_DISPLAY_KEYWORDS = frozenset(
    {
        "block", "inline", "flow", "flow-root", "table", "flex", "grid", "ruby", "math", "list-item",
        "table-row-group", "table-header-group", "table-footer-group", "table-row", "table-cell", "table-column-group",
        "table-column", "table-caption", "ruby-text", "contents", "none", "inline-block", "inline-table", "inline-flex",
        "inline-grid", "-webkit-box", "-webkit-inline-box", "-webkit-flex", "-webkit-inline-flex",
    }
)  # fmt: skip
_VISIBILITY_KEYWORDS = frozenset({"visible", "hidden", "collapse"})


def _refused_keyword_value(name: str, values: Sequence[Any]) -> bool:
    """True when a browser certainly refuses this `opacity`, `visibility` or `display` value
    (`opacity: banana`, `opacity: 1px`, `display: blcok`, `display: block inline`, `visibility:
    visibel`, `display: layout(foo)`), so that the declaration before it stays. A `var()` and a
    CSS-wide keyword are never refused here (what they become is decided elsewhere), nor a well-formed math
    function for `opacity`."""
    functions = [token for token in values if token.type == "function"]
    if functions:
        if any(function.lower_name in css_grammar.SUBSTITUTIONS for function in functions):
            return False  # judged once filled in
        # `display` and `visibility` take no function (`display: layout(foo)`); `opacity` a math one.
        return name != "opacity" or len(values) != 1 or not _math_of_a_number(functions[0])
    if len(values) == 1 and values[0].type == "ident" and values[0].lower_value in CSS_WIDE_KEYWORDS:
        return False
    if name == "opacity":
        return len(values) != 1 or values[0].type not in ("number", "percentage")
    if name == "visibility":
        return len(values) != 1 or values[0].type != "ident" or values[0].lower_value not in _VISIBILITY_KEYWORDS
    if len(values) != 1:  # `block flow`, not `block inline`; no value at all is none
        return not values or not _multi_keyword_display(values)
    return values[0].type != "ident" or values[0].lower_value not in _DISPLAY_KEYWORDS


def _math_of_a_number(function: Any) -> bool:
    """True for a well-formed math function that may compute to a number: not to a length or an
    angle (`opacity: asin(1)`, `opacity: calc(1px)`), which a property of numbers refuses."""
    if function.lower_name not in css_grammar.MATH_FUNCTIONS or not css_grammar.well_formed_math(function):
        return False
    quantity = _math(function)
    return quantity is None or quantity[1] not in ("px", "deg")


def refused(name: str, values: Sequence[Any]) -> bool:
    """True when CSS refuses this value for the property, so that a browser drops the whole
    declaration: a negative size, font size or flex factor (also in the `font` and `flex`
    shorthands, where every number, size and line height is non-negative), a negative amount in a `filter` function
    such as `opacity()`, an `opacity`, `visibility` or `display` value that is not one of
    the property's (`_refused_keyword_value`), or a value of another shape than the property
    takes (`css_grammar`: `position: bogus`, `left: banana`, `transform: scale(1) banana`)."""
    if name in ("opacity", "visibility", "display"):
        return _refused_keyword_value(name, values)
    if name == "all":
        return len(values) != 1 or values[0].type != "ident" or values[0].lower_value not in CSS_WIDE_KEYWORDS
    if (name in _NON_NEGATIVE or name in ("font", "flex")) and any(_negative(token) for token in values):
        return True
    if name in ("filter", "-webkit-filter") and any(
        token.type == "function" and token.lower_name in _NON_NEGATIVE_FILTERS and any(_negative(t) for t in token.arguments) for token in values
    ):
        return True
    return css_grammar.refuses(name, values)


# CSS Display 3 (2.1 to 2.4): the keywords of a `display` value of several, by what each says:
# the box's outer display type, its inner one, and whether it is a list item. (`run-in`, an outer
# type, is no display Chromium takes.)
_OUTER_DISPLAYS = frozenset({"block", "inline"})
_INNER_DISPLAYS = frozenset({"flow", "flow-root", "table", "flex", "grid", "ruby", "math"})
# The one keyword that says the same as an outer and an inner type (CSS Display 3, 2.7), and a list
# item's, as Chromium computes and serialises them; an inner type with no outer one is a block's,
# but for `ruby` and `math`, which are inline.
_SHORT_DISPLAYS = {
    ("block", "flow"): "block",
    ("block", "flow-root"): "flow-root",
    ("block", "table"): "table",
    ("block", "flex"): "flex",
    ("block", "grid"): "grid",
    ("block", "ruby"): "block ruby",
    ("block", "math"): "block math",
    ("inline", "flow"): "inline",
    ("inline", "flow-root"): "inline-block",
    ("inline", "table"): "inline-table",
    ("inline", "flex"): "inline-flex",
    ("inline", "grid"): "inline-grid",
    ("inline", "ruby"): "ruby",
    ("inline", "math"): "math",
}
_LIST_ITEM_DISPLAYS = {
    ("block", "flow"): "list-item",
    ("block", "flow-root"): "flow-root list-item",
    ("inline", "flow"): "inline list-item",
    ("inline", "flow-root"): "inline flow-root list-item",
}


@per_declaration
def display_keyword(declaration: Declaration) -> str:
    """The `display` a declaration sets, as the one keyword CSS has for it (lower-cased): a value
    of several keywords (CSS Display 3's syntax, in any order) as its short form, as Chromium
    computes it (`block flow` is `block`, `inline flow-root` `inline-block`, `block flex` `flex`,
    `list-item block` `list-item`, `flow` alone `block`), or where there is none as Chromium
    serialises it (`block ruby`, `inline list-item`, `flow-root list-item`, `inline flow-root
    list-item`, `block math`). A single keyword is returned as it is; empty for a value that is
    not keywords or that a browser refuses (`block inline`, `list-item flex`, `run-in flow`)."""
    values = declaration.values
    if len(values) == 1:
        keyword = declaration.keyword
        return "block" if keyword == "flow" else keyword
    return _multi_keyword_display(values)


def _multi_keyword_display(values: Sequence[Any]) -> str:
    """`display_keyword` of a value of several components; empty when a browser refuses it."""
    if not 2 <= len(values) <= 3 or any(token.type != "ident" for token in values):
        return ""
    keywords = [str(token.lower_value) for token in values]
    outer = [keyword for keyword in keywords if keyword in _OUTER_DISPLAYS]
    inner = [keyword for keyword in keywords if keyword in _INNER_DISPLAYS]
    list_item = keywords.count("list-item")
    if len(outer) > 1 or len(inner) > 1 or list_item > 1 or len(outer) + len(inner) + list_item != len(keywords):
        return ""
    inside = inner[0] if inner else "flow"
    outside = outer[0] if outer else "inline" if inside in ("ruby", "math") else "block"
    return (_LIST_ITEM_DISPLAYS if list_item else _SHORT_DISPLAYS).get((outside, inside), "")


# How deep brackets may nest in a page's CSS. The readers of CSS (this module's, tinycss2's and
# cssselect's) go one level of recursion deeper for each: `calc(calc(…))`, `:is(:is(…))`,
# `var(--a, var(--b, …))` or rules nested in rules hundreds deep would exhaust it, and a crash
# leaves the whole article unchecked. No site nests CSS a tenth as deep; a `<style>` block,
# `style` attribute or `media` attribute that does is not read, and so not applied, as CSS the
# checker cannot read is not (see `nests_too_deep`).
MOST_NESTING = 64
# Each bracket's step in depth, by its byte; and every other byte, which `nests_too_deep` deletes.
_NESTING_STEP = {ord(opening): 1 for opening in "([{"} | {ord(closing): -1 for closing in ")]}"}
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in _NESTING_STEP)


def nests_too_deep(text: str) -> bool:
    """True when brackets (`()`, `[]`, `{}`, in strings and comments too) nest more than
    `MOST_NESTING` deep in `text`, a page's CSS."""
    if text.count("(") + text.count("[") + text.count("{") <= MOST_NESTING:
        return False  # most CSS: too few brackets to nest that deep
    # The brackets alone, in order: the text's UTF-8 (in which every byte of a character outside
    # ASCII is outside ASCII too) with every other byte deleted, a table look-up a byte in C, where
    # a regex found them at several times the cost on a site's stylesheet.
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    return max(itertools.accumulate(map(_NESTING_STEP.__getitem__, brackets)), default=0) > MOST_NESTING


@functools.lru_cache(maxsize=4096)
def parse_style_attribute(text: str) -> tuple[Declaration, ...]:
    """The declarations of a `style` attribute that can hide content (pages repeat a few style
    strings, so each distinct one is parsed once); none when it nests too deep to read
    (`nests_too_deep`); never raises. Read as a rule's block is (`_block_declarations`: split by a
    scanner, the values kept tokenised by tinycss2, which reads a whole attribute of megabytes in
    a time that grows faster than its length)."""
    if nests_too_deep(text):
        return ()
    return _block_declarations(text)


def _every_screen(query: str) -> bool:
    """True when every reader's screen, or most readers', meets the media query list
    (normalised: lower case, single spaces): `screen`, `all`, `not print`, a minimum width no
    screen is narrower than (`(min-width: 1px)`, `(width >= 1px)`), a colour screen, scripts on,
    the light scheme (see `media_queries`): its rules count as written."""
    from compliance.document.media_queries import counts_as_written, screens_meeting

    return counts_as_written(screens_meeting(query))


def _no_screen(query: str) -> bool:
    """True when no reader's screen meets the media query list (`print`, `speech`, `not all`, an
    invalid query): its rules never change what a reader sees."""
    from compliance.document.media_queries import NEVER, screens_meeting

    return screens_meeting(query) == NEVER


# How many `<style>` blocks (or pages' lists of blocks) the readings kept by block text remember.
# A site's pages share their few blocks, so a few entries hold every repeat; each entry holds a
# parsed block (tens of KB), and more entries only fill up, page by page, in a batch of many sites
# and grow the run's memory with its number of files.
SHEETS_CACHED = 32

# The readings of the blocks of the page being read (`reading_one_page`), by reading and block
# text; None outside a page's reading.
_PAGE_READINGS: contextvars.ContextVar[dict[object, dict[str, Any]] | None] = contextvars.ContextVar("page_readings", default=None)


@contextlib.contextmanager
def reading_one_page() -> Iterator[None]:
    """Within: each reading of a `<style>` block (`per_sheet`) is worked out once for the page,
    whatever its number of blocks, and let go at the end. The page's passes over its blocks
    (what can hide, the colours, the rules to match…) each read every block: with more blocks
    than the readings remember across pages (`SHEETS_CACHED`), each pass would read each block
    again (50,000 one-rule blocks, each read 15 times, took over 40 s)."""
    token = _PAGE_READINGS.set({})
    try:
        yield
    finally:
        _PAGE_READINGS.reset(token)


class per_sheet(Generic[_Result]):  # lower case: a decorator, as `functools.lru_cache` is
    """A reading of a `<style>` block's text (`function`), remembered: for the last
    `SHEETS_CACHED` blocks across pages (a site's pages repeat their few blocks, and a batch of
    many sites must not grow with its number of files), and for every block of the page being
    read (`reading_one_page`). `cache_info` and `cache_clear` are those of the former (an
    `functools.lru_cache`); `__wrapped__` is `function`."""

    def __init__(self, function: Callable[[str], _Result]) -> None:
        self._remembered = functools.lru_cache(maxsize=SHEETS_CACHED)(function)
        self.cache_info = self._remembered.cache_info
        self.cache_clear = self._remembered.cache_clear
        self.__wrapped__ = function
        self.__module__ = function.__module__
        self.__name__ = function.__name__
        self.__qualname__ = function.__qualname__
        self.__doc__ = function.__doc__

    def __call__(self, sheet: str) -> _Result:
        page = _PAGE_READINGS.get()
        if page is None:
            return self._remembered(sheet)
        readings = page.get(self)
        if readings is None:
            readings = page[self] = {}
        found = readings.get(sheet, _NOT_WORKED_OUT)
        if found is _NOT_WORKED_OUT:
            found = readings[sheet] = self._remembered(sheet)
        return found  # type: ignore[no-any-return]


@per_sheet
def parse_style_sheet(text: str) -> tuple[StyleRule, ...]:
    """The style rules of a `<style>` block that declare a property that can hide content, in
    order. Rules inside `@media screen`/`@media all` count as written; rules in other screen
    media queries (a width range, `hover`, dark mode) are `conditional`: some readers' screens
    meet them, some do not (those most readers' screens meet count as written: `(color)`, the
    light scheme; see `media_queries`); so are rules in a `@supports` condition that Chromium, or some other browser, fails (see
    `supports_condition`). Rules in `@layer` blocks carry their layer, and the order of layers is kept
    (see `StyleRule`); rules in `@scope (root) to (limit)` their scope (`Scoping`: a `@scope`
    without a root, or inside another, is left out). Print and speech rules and other at-rules are
    left out. Never raises.

    A site's inline CSS runs to hundreds of kilobytes, nearly all of it about other properties:
    the block is split into rules and declarations by a scanner that knows comments, strings,
    escapes and brackets, and only the values of the properties kept here are tokenised by
    tinycss2. Whatever the scanner does not fully understand is read by tinycss2 whole, so both
    readings agree (a test compares them). Generated CSS, a rule per class, is read a run of
    plain rules at a time (`_take_plain_rules`), and each declaration's text once
    (`_remembered_piece_declaration`)."""
    rules = scanned_style_rules(text)
    if rules is None:
        return read_style_sheet(text)
    found: list[StyleRule] = []
    for rule in rules:
        if rule.declarations:
            found.append(StyleRule(_selector_text(rule.prelude), rule.declarations, len(found), bool(rule.queries)))
    return tuple(found)


class ScannedRule(NamedTuple):
    """A style rule of a `<style>` block as the scanner reads it (`scanned_style_rules`): its
    prelude and its block's content, as written; the media query lists (each the text after
    `@media`, as written, spaces normalised, outermost first) of the `@media` blocks it stands in
    that some screens meet and others do not (one every screen, or most readers', meets is left
    out); and its declarations that can hide content (`_block_declarations`)."""

    prelude: str
    block: str
    queries: tuple[str, ...]
    declarations: tuple[Declaration, ...]


@per_sheet
def scanned_style_rules(text: str) -> tuple[ScannedRule, ...] | None:
    """Every style rule of a `<style>` block's text as the scanner splits it (`ScannedRule`), in
    order, those of `@media` blocks no screen meets left out: the reading `parse_style_sheet`
    is made of, which a pass that needs the rules' text or queries reads too. None when the text
    has something the scanner leaves to tinycss2 (see `_scan_rules`). Never raises."""
    rules = _scan_rules(text)
    if rules is None:
        return None
    return tuple(
        ScannedRule(prelude, block, queries, _plain_declarations(block) if plain else _block_declarations(block)) for prelude, block, queries, plain in rules
    )


def read_style_sheet(text: str) -> tuple[StyleRule, ...]:
    """`parse_style_sheet` done by tinycss2 alone (the reference reading)."""
    import tinycss2

    return tuple(_style_rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), _SIZE_CONTAINER().search(text) is not None))


# A rule waiting to be read, with where it stands: (the rule, conditional, layer, scope).
_Pending = tuple[Any, bool, str | None, Scoping | None]


def _style_rules(nodes: Sequence[Any], containers: bool = False) -> Iterator[StyleRule]:
    """The style rules of a sheet's `nodes`; `containers`: the sheet makes size containers (see
    `_container_met`)."""
    import tinycss2

    order = 0
    anonymous_layers = itertools.count(1)
    pending: list[_Pending] = [(node, False, None, None) for node in reversed(nodes)]
    while pending:
        node, conditional, layer, scope = pending.pop()
        if node.type == "qualified-rule":
            written = tinycss2.serialize(node.prelude).strip()
            parents = _selector_list(node.prelude)
            if scope is not None:
                written = ", ".join(_scoped_selectors(_selector_list(node.prelude, keep_empty=True)))
                parents = _scoped_selectors(parents)
            declarations = _declarations(tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True))
            if declarations:
                yield StyleRule(written, declarations, order, conditional, layer, scope)
                order += 1
            pending.extend((rule, conditional, layer, scope) for rule in reversed(_unnested(node, parents)))
        elif node.type == "at-rule" and node.lower_at_keyword == "layer":
            named, inner = _layers_named(node, layer, anonymous_layers)
            yield from (StyleRule("", (), order, conditional, name) for name in named)
            if inner is not None:
                pending.extend((rule, conditional, inner, scope) for rule in reversed(_inner_rules(node)))
        elif node.type == "at-rule":
            pending.extend(reversed(_conditional_rules(node, conditional, layer, scope, containers)))


def _conditional_rules(node: Any, conditional: bool, layer: str | None, scope: Scoping | None, containers: bool = False) -> list[_Pending]:
    """The rules of a `@media`, `@supports`, `@container` or `@scope` block (but one inside another
    `@scope`), with where they stand; none for other at-rules, and for a block whose rules never
    change what a reader sees. `containers`: the sheet makes size containers (`_container_met`)."""
    if node.lower_at_keyword == "container" and node.content is not None:
        every_container = containers and _container_met(node.prelude)
        return [(rule, conditional or not every_container, layer, scope) for rule in _inner_rules(node)]
    if node.lower_at_keyword in ("media", "supports"):
        met = condition_met(node)
        return [] if met is None else [(rule, conditional or not met, layer, scope) for rule in _inner_rules(node)]
    if node.lower_at_keyword == "scope" and scope is None and node.content is not None:
        scoping = _scoping(node.prelude)
        return [] if scoping is None else [(rule, conditional, layer, scoping) for rule in _inner_rules(node)]
    return []


# A size container declared in a sheet (`container-type: inline-size`, `container: card / size`).
_SIZE_CONTAINER = on_first_use(r"container(?:-type)?\s*:[^;{}]*\b(?:inline-)?size\b", re.IGNORECASE)
# A container query every container at least 1px wide meets, after its optional name:
# `(min-width: 1px)`, `(width > 0)`, `(inline-size >= 1px)`.
_MET_BY_ANY_CONTAINER = on_first_use(
    r"^(?:[a-z_-][\w-]*\s+)?\(\s*(?:min-(?:width|inline-size)\s*:\s*(?:0|0?\.\d+px|1px|0px)|(?:width|inline-size)\s*(?:>\s*0(?:px)?|>=\s*(?:0|1)(?:px)?))\s*\)$",
    re.IGNORECASE,
)


def _container_met(prelude: Sequence[Any]) -> bool:
    """True for a `@container` condition every size container meets (see `_MET_BY_ANY_CONTAINER`):
    its rules then stand as unconditional ones. Any other is met by some containers only, and its
    rules can show, never hide, as a `@media` block's some screens meet."""
    import tinycss2

    return _MET_BY_ANY_CONTAINER().match(" ".join(tinycss2.serialize(prelude).split())) is not None


def _scoping(prelude: Sequence[Any]) -> Scoping | None:
    """The root and the limit `@scope (root) to (limit)` names; None for a `@scope` without a root
    (whose root is the parent of its `<style>` element, which a style sheet's text does not
    know), and for a prelude it cannot read: its rules are then not applied."""
    import tinycss2

    tokens = _meaningful(prelude)
    if not tokens or tokens[0].type != "() block":
        return None
    root = tinycss2.serialize(tokens[0].content).strip()
    if len(tokens) == 1:
        return Scoping(root) if root else None
    if len(tokens) != 3 or tokens[1].type != "ident" or tokens[1].lower_value != "to" or tokens[2].type != "() block":
        return None
    limit = tinycss2.serialize(tokens[2].content).strip()
    return Scoping(root, limit) if root and limit else None


# The combinators a relative selector may start with (`> .x` in `@scope`).
_LEADING_COMBINATORS = (">", "+", "~")


def _scoped_selectors(selectors: list[str]) -> list[str]:
    """A scoped rule's selectors, relative to the scope's root: one that holds neither `&` nor
    `:scope` (nor starts with `&`) is read after `& ` (`:where(:scope)`: it matches in the root's
    subtree, with no specificity of its own), also when it starts with a combinator (`> .x` is a
    child of the root); the others name the root where they say. An empty one (`.a, , .b`, which
    drops the rule) is kept empty."""
    scoped = []
    for selector in selectors:
        if not selector or selector.startswith("&") or ":scope" in selector.lower():
            scoped.append(selector)
        else:
            scoped.append(f"& {selector}")
    return scoped


def _unnested(node: Any, parents: list[str]) -> list[Any]:
    """The rules nested in a style rule's block (CSS Nesting 1), as rules of their own: a nested
    rule's selector is relative to its parent's, `&` standing for the parent (`article { .credit
    {…} }` is `article .credit`, `a { &:hover {…} }` is `a:hover`, `a { > b {…} }` is `a > b`); a
    conditional rule nested in a style rule (`@media`, `@supports`, `@layer`) holds declarations
    for the parent's elements. A list of parents (`parents`: the selectors of the rule's list)
    gives each selector once per parent."""
    import tinycss2

    if not any(token.type == "{} block" for token in node.content):
        return []  # most rules: declarations only, nothing nested in them (which would need a block)
    nested = [n for n in tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True) if n.type != "declaration"]
    if not nested:
        return []
    flat: list[str] = []
    for rule in nested:
        if rule.type == "qualified-rule":
            selectors = ", ".join(_nested_selector(parent, child) for parent in parents for child in _selector_list(rule.prelude))
            flat.append(f"{selectors} {{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports", "layer"):
            inner = f"{', '.join(parents)} {{{tinycss2.serialize(rule.content)}}}"
            flat.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude)} {{{inner}}}")
    return list(tinycss2.parse_stylesheet("\n".join(flat), skip_comments=True, skip_whitespace=True))


def nested_rules(node: Any) -> list[Any]:
    """The rules nested in a style rule's block (tinycss2's qualified rule), as rules of their own
    with absolute selectors (`_unnested`); [] for a rule with none."""
    return _unnested(node, _selector_list(node.prelude))


def _selector_list(prelude: Sequence[Any], keep_empty: bool = False) -> list[str]:
    """The selectors of a selector list, as written (with `keep_empty`, those with nothing in them too)."""
    import tinycss2

    pieces = split_at_commas([token for token in prelude if token.type != "comment"])
    return [text for text in (tinycss2.serialize(piece).strip() for piece in pieces) if text or keep_empty]


def _nested_selector(parent: str, child: str) -> str:
    """A nested selector made absolute: `&` is the parent; without one, the child is relative to
    the parent (a descendant, or after the combinator it starts with)."""
    if "&" in child:
        return child.replace("&", parent)
    return f"{parent} {child}"


def _inner_rules(node: Any) -> list[Any]:
    import tinycss2

    return list(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))


def condition_met(node: Any) -> bool | None:
    """Whether every reader meets a `@media` or `@supports` block's condition; None when its rules
    never change what a reader sees (print or speech media, a block without content)."""
    import tinycss2

    condition = " ".join(tinycss2.serialize(node.prelude).lower().split())
    if node.content is None or (node.lower_at_keyword == "media" and _no_screen(condition)):
        return None
    if node.lower_at_keyword == "media":
        return _every_screen(condition)
    met = supports_condition(node.prelude)
    return None if met is _MET_BY_NONE else met is _MET_BY_EVERY


def _layers_named(node: Any, layer: str | None, anonymous: Iterator[int]) -> tuple[list[str], str | None]:
    """The layers a `@layer` rule inside `layer` names, in order (a statement, `@layer a, b;`,
    sets their order), and the layer its block's rules are in (None for a statement, and for a
    block that names a list of layers, which is invalid CSS that browsers drop)."""
    import tinycss2

    names = [name.strip() for name in tinycss2.serialize(node.prelude).split(",")]
    if node.content is None:
        return [_sublayer(layer, name) for name in names if name], None
    if len(names) > 1:
        return [], None
    named = _sublayer(layer, names[0] or f"\x00{next(anonymous)}")
    return [named], named


def _sublayer(layer: str | None, name: str) -> str:
    """The dotted name of layer `name` inside `layer` (None: at the top)."""
    return name if layer is None else f"{layer}.{name}"


# A vendor's prefix in a `@supports` test's value (`(display: -webkit-box)`): a test some
# browsers meet and others fail, whatever Chromium does (a prefixed property is read by name).
_VENDOR_PREFIX = on_first_use(r"(?<![-\w])-(?:webkit|moz|ms|o)-")


# How many browsers meet a `@supports` condition (`supports_condition`).
_MET_BY_EVERY, _MET_BY_SOME, _MET_BY_NONE = "every", "some", "none"


def supports_condition(prelude: Sequence[Any]) -> str:
    """How many readers' browsers meet a `@supports` condition (its prelude's component values),
    read as Chromium, which the checker follows, reads it (CSS Conditional 4, 3):
    "none" when it tests a declaration of a property no browser knows (`(foo: bar)`: not a
    custom property, not a vendor's, not one of `css_properties.CHROMIUM_PROPERTIES`) or a value
    Chromium refuses for a property the checker reads (`(display: bogus)`), where the whole
    condition then fails (CSS Conditional 3, 6.1: `and` of such a test, `or` of only such
    tests), and "every" for `not` of such a test; "every" for a test Chromium meets: a
    declaration it takes, of a property it knows under a vendor's prefix too
    (`(-webkit-text-stroke: 1px black)`, `(-webkit-appearance: none)`: `CHROMIUM_PROPERTIES`),
    unless a vendor's prefix in the value makes it one some browsers fail, or `selector()` of a
    selector it reads (`selector(:has(a))`, `selector(::details-content)`:
    `selector_lists.supports_selector`); "some" for a declaration of a prefixed property
    Chromium does not know (`(-moz-appearance: none)`: its vendor's browser may), for a condition not read here (`font-tech()`,
    `at-rule()`, a selector Chromium does not read), and for `not` of any test but one no
    browser meets (`not selector(:has(a))`: other browsers may fail the test)."""
    terms = [t for t in prelude if t.type not in ("whitespace", "comment")]
    if len(terms) == 2 and _is_not(terms[0]):
        # `not` of a test no browser meets is met by every one; of any other, it is not known
        # here that none meets it (a value the checker does not read may be refused).
        return _MET_BY_EVERY if _supports_test(terms[1]) == _MET_BY_NONE else _MET_BY_SOME
    joins = {t.lower_value for t in terms[1::2] if t.type == "ident"}
    if not terms or len(joins) > 1 or not all(_is_test(t) for t in terms[::2]) or not joins <= {"and", "or"}:
        return _MET_BY_NONE if len(terms) == 1 and _supports_test(terms[0]) == _MET_BY_NONE else _MET_BY_SOME
    return _combined([_supports_test(t) for t in terms[::2]], "or" in joins)


def _combined(found: Sequence[str], either: bool) -> str:
    """`supports_condition` of tests (what `_supports_test` found of each) joined by `or`
    (`either`) or by `and`."""
    if either:
        return _MET_BY_NONE if all(f == _MET_BY_NONE for f in found) else _MET_BY_SOME if _MET_BY_EVERY not in found else _MET_BY_EVERY
    return _MET_BY_NONE if _MET_BY_NONE in found else _MET_BY_SOME if _MET_BY_SOME in found else _MET_BY_EVERY


def _is_not(token: Any) -> bool:
    return bool(token.type == "ident" and token.lower_value == "not")


def _is_test(token: Any) -> bool:
    """True for a term a `@supports` condition joins: a parenthesised test, or a function
    (`selector()`, `font-tech()`…)."""
    return bool(token.type in ("() block", "function"))


def _supports_test(term: Any) -> str:
    """`supports_condition` of one term: a parenthesised test (`_declaration_test`), or
    `selector(…)` (met by Chromium when it reads the selector: "every"; else "some"); any other
    function is "some"."""
    if term.type == "function" and term.lower_name == "selector":
        from compliance.document.selector_lists import supports_selector

        return _MET_BY_EVERY if supports_selector(_serialised(term.arguments)) else _MET_BY_SOME
    return _declaration_test(term)


def _declaration_test(block: Any) -> str:
    """`supports_condition` of one parenthesised test: a declaration (`(display: grid)`), or a
    condition in brackets (`((a: b) or (c: d))`, `(selector(a))`)."""
    if block.type != "() block":
        return _MET_BY_SOME
    inner = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if len(inner) < 2 or inner[0].type != "ident" or inner[1] != ":":
        return supports_condition(block.content) if inner and (_is_test(inner[0]) or _is_not(inner[0])) else _MET_BY_SOME
    from compliance.document.css_properties import CHROMIUM_PROPERTIES

    name = inner[0].lower_value
    if name.startswith("--"):
        return _MET_BY_EVERY
    if name not in CHROMIUM_PROPERTIES:
        # Another browser's prefixed property (`-moz-appearance`) may be known to it.
        return _MET_BY_SOME if name.startswith(("-webkit-", "-moz-", "-ms-", "-o-")) else _MET_BY_NONE
    value = _serialised(block.content[block.content.index(inner[1]) + 1 :])
    if name in FAMILIES and not read_declarations(f"{name}:{value}"):
        return _MET_BY_NONE
    return _MET_BY_SOME if _VENDOR_PREFIX().search(value) else _MET_BY_EVERY


def _serialised(values: Sequence[Any]) -> str:
    import tinycss2

    return str(tinycss2.serialize(values))


# What the scanner steps over as one piece: comments, strings (an unterminated one ends at the
# line's end, as CSS reads it), escapes and unquoted `url(…)`; and the characters that shape rules.
_STRUCTURE = re.compile(
    r"""/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*(?:"|(?=\n)|\Z)|'(?:[^'\\\n]|\\.)*(?:'|(?=\n)|\Z)|\\.|[uU][rR][lL]\([^"'()\\]*\)|[{};()\[\]]|@(?:-?[^\W\d]|--)[-\w]*""",
    re.S,
)
# CSS white space (CSS Syntax 3, 4.2: space, tab and the newlines).
CSS_SPACE = " \t\n\r\f"
_LEADING = on_first_use(r"(?:[ \t\n\r\f]+|/\*.*?(?:\*/|\Z)|<!--|-->)*", re.S)
_CLOSING = {"(": ")", "[": "]", "{": "}"}
# A qualified rule as scanned: its prelude, its block's content, the media queries only some
# screens meet that it stands in (see `ScannedRule`), and whether the block is plain
# (`_PLAIN_RULE_TEXT`: no brackets, comments, strings, escapes or `<>`).
_Scanned = list[tuple[str, str, tuple[str, ...], bool]]


def _scan_rules(text: str, queries: tuple[str, ...] = (), top: bool = True) -> _Scanned | None:
    """The qualified rules of a rule list as (prelude, block content, queries, plain), recursing
    into screen `@media` blocks; None when the text has something the scanner leaves to tinycss2
    (an escape in an at-rule, an HTML comment marker inside a block, a cascade layer, a
    `@supports` condition). Brackets nest as CSS
    nests them: a `{` inside `[…]` or `(…)` does not start a rule, and a closing bracket that
    does not match the open one is an ordinary character."""
    if not top and ("<!--" in text or "-->" in text):
        return None
    found: _Scanned = []
    start = 0  # where the current rule's prelude starts
    open_brackets: list[str] = []  # closers expected in the prelude
    at_rule: str | None = None
    start = _take_plain_rules(text, start, queries, found)
    scanner = _STRUCTURE.finditer(text, start)
    while (match := next(scanner, None)) is not None:
        token = match.group()
        if open_brackets:
            _track(open_brackets, token)
        elif token in "([":
            open_brackets.append(_CLOSING[token])
        elif token.startswith("@") and _starts_rule(text, start, match.start()):
            at_rule = token[1:].lower()
        elif token == ";" and at_rule is not None:
            if at_rule == "layer":
                return None  # a statement that orders the cascade layers: tinycss2 reads it
            start, at_rule = match.end(), None
        elif token == "{":
            end = _block_end(text, match.end())
            if end is None or not _take_rule(text[start : match.start()], text[match.end() : end], at_rule, queries, found):
                return None
            start, at_rule = _take_plain_rules(text, end + 1, queries, found), None
            scanner = _STRUCTURE.finditer(text, start)
    return found


# Rules with nothing in them the scanner steps over, nests or reads as an at-rule: a prelude
# without brackets, comments, strings, escapes, `;` or `@`, and a plain block (`_PLAIN_BLOCK`,
# without `<` or `>` either, so that no HTML comment marker is in it). Generated CSS is runs of
# such rules; one match finds where a run ends and one `findall` splits it, rather than a pass of
# the scanner's loop per rule (the scanner would find the same rules: a test compares them).
_PLAIN_RULE_TEXT = r"""([^{}()\[\]"'\\/;@]*)\{([^{}()\[\]"'\\/<>]*)\}"""
_PLAIN_RULES = on_first_use(rf"(?:{_PLAIN_RULE_TEXT})+")
_PLAIN_RULE = on_first_use(_PLAIN_RULE_TEXT)


def _take_plain_rules(text: str, start: int, queries: tuple[str, ...], found: _Scanned) -> int:
    """Add the run of plain rules (`_PLAIN_RULE_TEXT`) that starts at `start`, if any; where the
    scanner goes on (the end of the run)."""
    run = _PLAIN_RULES().match(text, start)
    if run is None:
        return start
    found.extend((prelude, block, queries, True) for prelude, block in _PLAIN_RULE().findall(text, start, run.end()))
    return run.end()


def _track(open_brackets: list[str], token: str) -> None:
    """Open or close a bracket inside a bracket (a closer that does not match is ignored)."""
    if token in _CLOSING:
        open_brackets.append(_CLOSING[token])
    elif token == open_brackets[-1]:
        open_brackets.pop()


def _starts_rule(text: str, start: int, position: int) -> bool:
    """True when only whitespace, comments and HTML comment markers come before `position`."""
    leading = _LEADING().match(text, start)
    return leading is not None and leading.end() >= position


def _take_rule(prelude: str, block: str, at_rule: str | None, queries: tuple[str, ...], found: _Scanned) -> bool:
    """Add a qualified rule, or the rules of a screen `@media` block; False when the block has
    something the scanner leaves to tinycss2."""
    if at_rule is None:
        if "{" in block:
            return False  # nested rules (CSS Nesting): tinycss2 reads them
        found.append((prelude, block, queries, False))
        return True
    if "\\" in prelude or at_rule in ("layer", "supports", "scope"):
        return False  # cascade layers, `@supports` conditions and scopes are read by tinycss2
    if at_rule == "container":
        return False  # container queries are read by tinycss2 (`_container_met`)
    if at_rule != "media":
        return True
    import tinycss2

    # The query follows the at-keyword, which only white space, comments and HTML comment
    # markers come before (`_starts_rule`; a comment there may name `@media` too).
    query_text = prelude[_LEADING().match(prelude).end() + len("@media") :]  # type: ignore[union-attr]
    written = " ".join(tinycss2.serialize(tinycss2.parse_component_value_list(query_text, skip_comments=True)).split())
    query = written.lower()
    if _no_screen(query):
        return True
    inner = _scan_rules(block, queries if _every_screen(query) else (*queries, written), top=False)
    if inner is None:
        return False
    found.extend(inner)
    return True


# A block's content up to its `}` with nothing in it the scanner steps over or nests (brackets,
# comments, strings, escapes): what nearly every rule of generated CSS is, read in one match.
_PLAIN_BLOCK = re.compile(r"""[^{}()\[\]"'\\/]*\}""")


def _block_end(text: str, position: int) -> int | None:
    """Where the `{}` block whose content starts at `position` ends (the index of its `}`); None
    when the text ends first (the block then runs to the end: tinycss2 reads such a sheet)."""
    plain = _PLAIN_BLOCK.match(text, position)
    if plain is not None:
        return plain.end() - 1
    open_brackets = ["}"]
    for match in _STRUCTURE.finditer(text, position):
        token = match.group()
        if token in _CLOSING or token in ")]}":
            _track(open_brackets, token)
            if not open_brackets:
                return match.start()
    return None


def serialised_prelude(prelude: str) -> str:
    """A scanned rule's prelude (`ScannedRule`) as tinycss2 serialises the prelude of the rule
    it reads: comments out, the white space and HTML comment markers before it dropped, and
    `/**/` between tokens that would otherwise read as one (`2n/**/+1`)."""
    import tinycss2

    text = prelude[_LEADING().match(prelude).end() :]  # type: ignore[union-attr]
    return str(tinycss2.serialize(tinycss2.parse_component_value_list(text, skip_comments=True)))


def _selector_text(prelude: str) -> str:
    """A rule's selector list as tinycss2 serialises it (comments out, HTML comment markers before it dropped)."""
    if "/" not in prelude and "\\" not in prelude and "<" not in prelude and "-->" not in prelude:
        return prelude.strip()  # nothing to drop but the spaces around it (`_LEADING` finds no more)
    text = prelude[_LEADING().match(prelude).end() :]  # type: ignore[union-attr]
    if "/*" in text or "\\" in text or "<!--" in text or "-->" in text:
        import tinycss2

        return str(tinycss2.serialize(tinycss2.parse_component_value_list(text, skip_comments=True))).strip()
    return text.strip()


# Declaration blocks the fast reading leaves to tinycss2: escapes, strings, comments, nesting.
_NOT_PLAIN = on_first_use(r"""[\\"'{}]|/\*|<!--|-->""")
_IMPORTANT = on_first_use(r"![ \t\n\r\f]*[iI][mM][pP][oO][rR][tT][aA][nN][tT][ \t\n\r\f]*\Z")


def _block_declarations(block: str) -> tuple[Declaration, ...]:
    """The declarations of a block that can hide content: split at its semicolons where that
    reads it as tinycss2 does (`declaration_texts`), else read by tinycss2."""
    pieces = declaration_texts(block)
    if pieces is None:
        return read_declarations(block)
    if "(" not in block and ")" not in block and "[" not in block and "]" not in block:
        return _plain_declarations(block)
    found = [declaration for piece in pieces if (declaration := _any_piece_declaration(piece)) is not None]
    return _expanded(found) if _may_expand(block) else tuple(found)


def declaration_texts(block: str) -> list[str] | None:
    """The texts of a block's declarations (what stands between its semicolons), for a block
    without escapes, strings, comments or nested blocks whose every piece's brackets balance (a
    semicolon inside `(…)` or `[…]` does not end a declaration: `_balanced`); None for any other
    block, which tinycss2 reads."""
    if _NOT_PLAIN().search(block):
        return None
    pieces = block.split(";")
    if ("(" in block or ")" in block or "[" in block or "]" in block) and not all(_balanced(piece) for piece in pieces):
        return None
    return pieces


# The longest piece of a block whose declaration is remembered: a longer one (a `data:` URL) is
# rare, and would fill the memory of a batch run with texts no other page repeats.
_REMEMBERED_PIECE = 1024


def _plain_declarations(block: str) -> tuple[Declaration, ...]:
    """`_block_declarations` of a plain block (no brackets, escapes, strings, comments, nested
    blocks or HTML comment markers), split at its semicolons. Generated CSS repeats most pieces
    (`margin:12px 0`) from rule to rule with one that differs (a colour of its own), so each
    piece's declaration is remembered by the piece's text."""
    reading = _remembered_piece_declaration if len(block) <= _REMEMBERED_PIECE else _any_piece_declaration
    found = tuple(filter(None, map(reading, block.split(";"))))  # a declaration is a non-empty tuple: only None is dropped
    return _expanded(found) if _may_expand(block) else found


def _piece_declaration(piece: str) -> Declaration | None:
    """The declaration of one piece of a block split at its semicolons (`name: value`), when its
    name, between spaces, is a kept property's or a custom property's (as written, if it is ASCII)."""
    name, colon, value = piece.partition(":")
    name = name.strip(CSS_SPACE)
    if not colon or not name.isascii():
        return None
    if name.startswith("--") or (name := name.lower()) in FAMILIES or name == "all":
        return _declaration(name, value)
    return None


# Sites and generated rules repeat their declarations' texts: each is read once, and gives one
# object (which `per_declaration` then works out once).
_remembered_piece_declaration = functools.lru_cache(maxsize=DECLARATIONS_REMEMBERED)(_piece_declaration)


def _any_piece_declaration(piece: str) -> Declaration | None:
    """`_piece_declaration`, remembered for a piece no longer than `_REMEMBERED_PIECE`."""
    return (_remembered_piece_declaration if len(piece) <= _REMEMBERED_PIECE else _piece_declaration)(piece)


def read_declarations(block: str) -> tuple[Declaration, ...]:
    """The declarations of a block (a rule's, or a `style` attribute) that can hide content, read
    by tinycss2 alone: what the scanner falls back on, and the reference reading it is tested against."""
    import tinycss2

    return _declarations(tinycss2.parse_blocks_contents(block, skip_comments=True, skip_whitespace=True))


def without_importance(value: str) -> str:
    """A declaration's value text (after its colon) with a closing `!important` cut off, as CSS
    reads it (`!` and `important`, in any case, with white space around them)."""
    important = _IMPORTANT().search(value) if "!" in value else None
    return value if important is None else value[: important.start()]


def _balanced(piece: str) -> bool:
    """Whether every bracket a piece of a block opens closes in it, each by its own closer: as
    CSS reads a block, a `]` inside `(…)` is a token of the group, not its end, so in `color:(];
    display:none; x:[)` the group runs on through the semicolons and declares no `display`. False
    too for a closer that opens nothing (the block is then read by tinycss2)."""
    expected: list[str] = []
    for character in piece:
        if character in _CLOSING:
            expected.append(_CLOSING[character])
        elif character in ")]":
            if not expected:
                return False
            if character == expected[-1]:
                expected.pop()
    return not expected


def _declaration(name: str, value: str) -> Declaration | None:
    """One declaration from its lower-cased name and its value's text (remembered by the piece of
    the block it is read from: see `_remembered_piece_declaration`)."""
    colour = _lone_hash(value)
    if colour:  # nothing else in the value: not `!important`, and no math function to work out
        if name.startswith("--"):
            return Declaration(name, colour, False)
        name = ALIASES.get(name, name)
        return None if refuses_a_lone_hash(name, colour[0].value) else Declaration(_physical(name), colour, False)
    important = _IMPORTANT().search(value) if "!" in value else None
    if important is not None:
        value = value[: important.start()]
    # The value was read as a lone colour above; only with `!important` cut off may it be one now.
    values = (_lone_hash(value) if important is not None else ()) or _tokens(value)
    if name.startswith("--"):
        return Declaration(name, values, important is not None)
    name = ALIASES.get(name, name)
    return Declaration(_physical(name), _computed(values), important is not None) if values and not refused(name, values) else None


# A value that is a hex colour alone on its line (`#1f1f1f`): page builders and CSS-in-JS give
# each generated class a colour of its own, so these miss the cache of declarations by text
# (`_remembered_piece_declaration`), and tokenising them cost more than the rest of reading the block.
_LONE_HASH = re.compile(r"([ \t]*)#([0-9a-fA-F]+)[ \t\n\r\f]*\Z")


def refuses_a_lone_hash(name: str, digits: str) -> bool:
    """What `refused` says of a value that is one hash token of these hex digits (`#fff`), without
    reading the value: what it says of any such token, which depends on the property and on
    whether the digits are a hex colour's number (3, 4, 6 or 8; `#fffff` is none), worked out once
    for each. A test compares the two."""
    return _refuses_a_hash(name, len(digits) in (3, 4, 6, 8))


@functools.cache
def _refuses_a_hash(name: str, colour_digits: bool) -> bool:
    return refused(name, (_hash_token()(1, 1, "fff" if colour_digits else "fffff", False),))


def _lone_hash(value: str) -> tuple[Any, ...]:
    """The hash token of a value that is a hex colour alone, as tinycss2 reads it (its line and
    column, and whether its name would start an identifier: not after a digit); empty for any
    other value (a test compares the two readings)."""
    if value[:1] == "#":  # the commonest shape, `#1f1f1f` right after the colon: read without the pattern
        digits = value[1:].rstrip(CSS_SPACE)
        if digits and not digits.lstrip(_HEX_DIGIT_CHARACTERS):
            return (_hash_token()(1, 1, digits, not digits[0].isdigit()),)
    lone = _LONE_HASH.match(value)
    if lone is None:
        return ()
    digits = lone.group(2)
    return (_hash_token()(1, len(lone.group(1)) + 1, digits, not digits[0].isdigit()),)


_HEX_DIGIT_CHARACTERS = "0123456789abcdefABCDEF"


@functools.cache
def _hash_token() -> Any:
    """tinycss2's hash token class, imported once it is first needed (not on every colour)."""
    import tinycss2.ast

    return tinycss2.ast.HashToken


def _tokens(value: str) -> tuple[Any, ...]:
    """A value's component values as tinycss2 reads them, whitespace and comments left out."""
    import tinycss2

    return _meaningful(tinycss2.parse_component_value_list(value, skip_comments=True))


def _computed(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """A value with each `env()` of a variable no browser has replaced by its fallback
    (`with_env_fallbacks`) and its math functions worked out (see `with_math_resolved`). CSS
    clamps a math function's result to the property's range rather than refusing it, so
    `refused` reads the value as written."""
    if any(token.type == "function" for token in values):
        if any(token.type == "function" and token.lower_name == "env" for token in values):
            values = with_env_fallbacks(values)
        return with_math_resolved(values)
    return values


# The environment variables a browser may give a value (CSS Environment Variables 1, 3; and
# Chromium's): what they are differs from screen to screen, so a value using one is not read.
# `env()` of any other name is its fallback (`display: env(nope, none)` is `display: none`).
ENVIRONMENT_VARIABLES = frozenset(
    f"{prefix}-{side}"
    for prefix, sides in (
        ("safe-area-inset", ("top", "right", "bottom", "left")),
        ("safe-area-max-inset", ("top", "right", "bottom", "left")),
        ("keyboard-inset", ("top", "right", "bottom", "left", "width", "height")),
        ("titlebar-area", ("x", "y", "width", "height")),
        ("viewport-segment", ("width", "height", "top", "left", "bottom", "right")),
    )
    for side in sides
) | {"preferred-text-scale"}


def with_env_fallbacks(values: Sequence[Any]) -> tuple[Any, ...]:
    """The component values with each top-level `env(NAME, FALLBACK)` of a name no browser
    gives (`ENVIRONMENT_VARIABLES`) replaced by its fallback; one without a fallback, or of a
    name a browser gives, is kept as written (it is then not read)."""
    found: list[Any] = []
    for token in values:
        arguments = _meaningful(token.arguments) if token.type == "function" and token.lower_name == "env" else ()
        comma = next((i for i, t in enumerate(arguments) if t.type == "literal" and t.value == ","), None)
        if arguments and arguments[0].type == "ident" and arguments[0].value not in ENVIRONMENT_VARIABLES and comma is not None:
            found.extend(arguments[comma + 1 :])
        else:
            found.append(token)
    return tuple(found)


# Which of a four-side shorthand's values gives each side (top, right, bottom, left), by how many
# values it has (CSS: one for all, two for vertical and horizontal, three for top, horizontal and
# bottom, four clockwise from the top).
_SHORTHAND_SIDES = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}
_SIDES = ("top", "right", "bottom", "left")


def shorthand_side(declaration: Declaration, side: str) -> Any:
    """The token a four-side shorthand (`margin: 1px 2px`, `padding`, `inset`, `border-width`)
    gives `side` ("top", "right", "bottom", "left"); None for one of another number of values."""
    values = [token for token in declaration.values if token.type not in ("whitespace", "comment")]
    if not 1 <= len(values) <= 4:
        return None
    return values[_SHORTHAND_SIDES[len(values)][_SIDES.index(side)]]


# What `side_value` gives for a side whose value is there but not read.
UNREAD_SIDE = object()


def side_value(declared: Mapping[str, Declaration], side: str, longhand: str, shorthand: str) -> Any:
    """The token the cascade's winners (`declared`) give one side of a box by its `longhand`
    (`margin-left`) or else its four-side `shorthand` (`margin`, `shorthand_side`): None when
    neither is given; `UNREAD_SIDE` when the longhand holds more than one value or the shorthand
    another number of values than one to four."""
    own = declared.get(longhand)
    if own is not None:
        return own.values[0] if len(own.values) == 1 else UNREAD_SIDE
    given = declared.get(shorthand)
    if given is None:
        return None
    token = shorthand_side(given, side)
    return UNREAD_SIDE if token is None else token


def length_px(token: Any) -> float | None:
    """A length in CSS pixels (font-relative units at 16px, viewport units at a 1000px screen);
    None for percentages, keywords and unknown units. A bare `0` is a length."""
    if token.type == "number" and token.value == 0:
        return 0.0
    if token.type == "dimension":
        factor = _PIXELS_PER_UNIT.get(token.lower_unit)
        return None if factor is None else float(token.value) * factor
    if token.type == "percentage" and token.value == 0:
        return 0.0
    return None


def absolute_length_px(token: Any) -> float | None:
    """A length in CSS pixels when it is in an absolute unit (`px`, `pt`, `pc`, `in`, `cm`, `mm`,
    `Q`) or zero, the same on every screen and in every font; None for any other value."""
    if token.type == "dimension" and token.lower_unit not in _ABSOLUTE_LENGTH_UNITS:
        return None
    return length_px(token)


def number(token: Any) -> float | None:
    """A plain number, or a percentage as a fraction (`50%` → 0.5); None otherwise."""
    if token.type == "number":
        return float(token.value)
    if token.type == "percentage":
        return float(token.value) / 100
    return None


class FlexFactors(NamedTuple):
    """What sizes a flex item along its container's main axis (CSS Flexbox 1, 7): its
    `flex-grow` factor and its `flex-basis`: None for `auto` (the item's own `width`), `content`
    for a size its content gives (`content`, `max-content`…), else (amount, unit) with the unit
    `px` (a length in CSS pixels) or `%` (of the container's inner width)."""

    grow: float
    basis: tuple[float, str] | str | None


# `flex: initial` (and no `flex` at all): no growth, the basis the item's width.
INITIAL_FLEX = FlexFactors(0.0, None)
# The properties `flex_factors` reads.
FLEX_PROPERTIES = ("flex", "flex-grow", "flex-basis")
_CONTENT_SIZES = frozenset({"content", "max-content", "min-content", "fit-content"})
_FLEX_KEYWORDS = {"none": INITIAL_FLEX, "initial": INITIAL_FLEX, "unset": INITIAL_FLEX, "auto": FlexFactors(1.0, None)}


def flex_factors(declared: Mapping[str, Declaration]) -> FlexFactors | None:
    """A flex item's growth and basis from the `flex`, `flex-grow` and `flex-basis` that win its
    cascade; `INITIAL_FLEX` when none is set. None when they are not known here: a value the
    checker does not read (`var()`, `calc()`, `inherit`), or the shorthand and a longhand that
    disagree (which of the two comes last in the cascade is not known here)."""
    shorthand = declared.get("flex")
    factors = INITIAL_FLEX if shorthand is None else _flex_shorthand(shorthand.values)
    if factors is None:
        return None
    grow, basis = declared.get("flex-grow"), declared.get("flex-basis")
    if grow is not None:
        value = float(grow.values[0].value) if len(grow.values) == 1 and grow.values[0].type == "number" else None
        if value is None or (shorthand is not None and value != factors.grow):
            return None
        factors = factors._replace(grow=value)
    if basis is not None:
        read = _flex_basis(basis.values[0]) if len(basis.values) == 1 else False
        if read is False or (shorthand is not None and read != factors.basis):
            return None
        factors = factors._replace(basis=read)
    return factors


def _flex_shorthand(values: Sequence[Any]) -> FlexFactors | None:
    """The growth and basis a `flex` shorthand sets: `none` is `0 0 auto`, `auto` `1 1 auto`,
    `initial` and `unset` `0 1 auto`; otherwise one or two numbers (the grow and shrink factors,
    side by side; a unitless zero after two of them is the basis) and a basis, `0%` when omitted."""
    if len(values) == 1 and values[0].type == "ident":
        return _FLEX_KEYWORDS.get(values[0].lower_value)
    factors: list[float] = []
    basis: tuple[float, str] | str | Literal[False] | None = False
    split = False  # a basis between the factors, which must stand side by side
    for token in values:
        if token.type == "number" and len(factors) < 2 and not split:
            factors.append(float(token.value))
        elif basis is False and (read := _flex_basis(token)) is not False:
            basis, split = read, bool(factors)
        else:
            return None
    if not factors and basis is False:
        return None
    return FlexFactors(factors[0] if factors else 1.0, (0.0, "%") if basis is False else basis)


def _flex_basis(token: Any) -> tuple[float, str] | str | Literal[False] | None:
    """A `flex-basis` value as `FlexFactors.basis` has it; False for a value not read here."""
    if token.type == "ident":
        keyword = token.lower_value
        return None if keyword == "auto" else "content" if keyword in _CONTENT_SIZES else False
    if token.type == "percentage":
        return (float(token.value), "%")
    size = length_px(token)
    return False if size is None else (size, "px")


# The tokens a colour may be: a keyword, a hex colour, a colour function.
_MAY_BE_A_COLOUR = frozenset({"ident", "hash", "function"})


def colour(token: Any) -> tuple[float, float, float, float] | None:
    """`_colour` of any token: None for one that cannot be a colour (a number, a length, a list's
    `,`, which tinycss2 makes unhashable, so that it cannot be remembered)."""
    return _colour(token) if token.type in _MAY_BE_A_COLOUR else None


@functools.lru_cache(maxsize=4096)
def _colour(token: Any) -> tuple[float, float, float, float] | None:
    """A colour as sRGB (red, green, blue, alpha) in 0–1, in any syntax of CSS Color 4
    (`rgb(0 0 0 / 0)`, `hsl()`, `hwb()`, `#rrggbbaa`, `transparent`, `color(srgb …)`, a system
    colour such as `Canvas`, `lab()`, `oklch()` and the other spaces `css_colour.srgb_of`
    converts), a `light-dark()` of one colour twice or a relative colour
    (`rgb(from white r g b)`: see `css_colour`). None for `currentcolor`, `inherit` and anything that is not a colour, or
    that cannot be converted. (A declaration's value is shared by every rule that writes it alike,
    so its tokens are read once.)"""
    if token.type == "hash" and _HEX_DIGITS.fullmatch(token.value):
        return _hex_colour(token.value)
    if token.type == "function" and token.lower_name == "color-mix":
        return _mixed_colour(token)
    if token.type == "ident" and token.lower_value in css_colour.SYSTEM_COLOURS:
        return css_colour.SYSTEM_COLOURS[token.lower_value]
    if token.type == "function" and token.lower_name == "light-dark":
        return css_colour.light_dark(split_commas(token.arguments), colour)
    if token.type == "function" and token.lower_name in _RELATIVE_COLOUR_FUNCTIONS and "from" in token.serialize().lower():
        return css_colour.relative(token, _meaningful(token.arguments), colour, _math)
    return _parsed_colour(token)


# The colour functions that may be relative colours `css_colour.relative` reads.
_RELATIVE_COLOUR_FUNCTIONS = frozenset({*css_colour.CHANNELS, "color"})


def _parsed_colour(token: Any) -> tuple[float, float, float, float] | None:
    """`_colour` of a token tinycss2's `parse_color` reads (a legacy function's alpha of `none` as 0)."""
    from tinycss2.color4 import parse_color

    parsed = parse_color(token)
    if parsed is None and token.type == "function" and token.lower_name in _LEGACY_COLOUR_FUNCTIONS:
        parsed = _with_alpha_none_as_zero(token)
    if parsed is None or isinstance(parsed, str):
        return None
    alpha = min(max(float(parsed.alpha), 0.0), 1.0)
    if parsed.space not in ("srgb", "hsl", "hwb"):
        converted = css_colour.srgb_of(parsed)
        return None if converted is None else (*converted, alpha)
    try:
        red, green, blue = (min(max(float(c), 0.0), 1.0) for c in parsed.to("srgb").coordinates)
    except (TypeError, ValueError):
        return None
    return (red, green, blue, alpha)


# The colour functions whose missing alpha (`rgb(0 0 0 / none)`) Chromium paints as 0, as a
# legacy colour's `none` is (CSS Color 4, 4.4); tinycss2 reads no `none` alpha.
_LEGACY_COLOUR_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "hwb"})
_NONE_ALPHA = re.compile(r"/[ \t\n\r\f]*none[ \t\n\r\f]*\)\Z", re.IGNORECASE)


def _with_alpha_none_as_zero(function: Any) -> Any:
    """tinycss2's colour of a legacy colour function whose alpha is `none`, read as 0; None for any other."""
    import tinycss2
    from tinycss2.color4 import parse_color

    text = function.serialize()
    if _NONE_ALPHA.search(text) is None:
        return None
    return parse_color(tinycss2.parse_one_component_value(_NONE_ALPHA.sub("/ 0)", text)))


def _mixed_colour(function: Any) -> tuple[float, float, float, float] | None:
    """A `color-mix([in SPACE,] COLOUR [P%], COLOUR [P%])` (CSS Color 5, 2; without a space, in
    `oklab`) as Chromium paints it,
    when the checker can work it out in its space: one colour at 100% of the mix, the same colour
    twice, or a fully transparent colour mixed in (which only thins the other: premultiplied
    alpha), in any space; two colours in `srgb`, or in a linear-light space (`srgb-linear`,
    `xyz`, `xyz-d50`, `xyz-d65`), mixed (`css_colour.mix`). Percentages summing under 100% scale
    the alpha; summing to 0% they leave it transparent, in any space. None for any other mix (of
    two colours in `oklab`, `lch`, …)."""
    read = _mix_arguments(function)
    if read is None:
        return None
    space, (first, given1), (second, given2) = read
    p1, p2 = _mix_weights(given1, given2)
    total = p1 + p2
    if p1 < 0 or p2 < 0:
        return None
    if total == 0:
        # Of 0% each: mixed half and half, then thinned to nothing (Chromium paints it transparent).
        mixed = _mixed_in(space, first, second, 50.0, 50.0)
        return (0.0, 0.0, 0.0, 0.0) if mixed is None else (*mixed[:3], 0.0)
    result = _mixed_in(space, first, second, p1, p2)
    return None if result is None else (*result[:3], result[3] * min(total, 100.0) / 100.0)


def _mixed_in(
    space: str | None, first: tuple[float, float, float, float], second: tuple[float, float, float, float], p1: float, p2: float
) -> tuple[float, float, float, float] | None:
    """Two colours mixed by their percentages (summing over 0) as if these summed to 100%."""
    total = p1 + p2
    # Premultiplied: each colour counts by its weight times its alpha.
    share1, share2 = first[3] * p1 / total, second[3] * p2 / total
    if first == second or share2 == 0:
        return (*first[:3], share1 + share2)
    if share1 == 0:
        return (*second[:3], share1 + share2)
    return css_colour.mix(space, first, second, p2 / total)


_MixedColour = tuple[tuple[float, float, float, float], float | None]


def _mix_arguments(function: Any) -> tuple[str | None, _MixedColour, _MixedColour] | None:
    """A `color-mix()`'s interpolation space (lower-cased; None for a polar space's hue method or
    anything else after it) and its two colours, each with its percentage if given; None when
    it is not of that shape or a colour cannot be read."""
    parts = split_commas(function.arguments)
    if len(parts) == 2:
        # Without `in SPACE` the colours mix in Oklab (CSS Color 5, 2.1; Chromium 156 paints it).
        parts = [[], *parts]
        space: str | None = "oklab"
    elif len(parts) != 3 or not parts[0] or parts[0][0].type != "ident" or parts[0][0].lower_value != "in":
        return None
    else:
        space = parts[0][1].lower_value if len(parts[0]) == 2 and parts[0][1].type == "ident" else None
    mixed: list[_MixedColour] = []
    for part in parts[1:]:
        weights = [float(t.value) for t in part if t.type == "percentage"]
        painted = [t for t in part if t.type != "percentage"]
        found = colour(painted[0]) if len(painted) == 1 and len(weights) <= 1 else None
        if found is None:
            return None
        mixed.append((found, weights[0] if weights else None))
    return space, mixed[0], mixed[1]


def _mix_weights(first: float | None, second: float | None) -> tuple[float, float]:
    """The percentages of a `color-mix()`'s two colours, an omitted one being the rest of 100%."""
    if first is None and second is None:
        return 50.0, 50.0
    if first is None:
        return 100.0 - (second or 0.0), second or 0.0
    return first, (100.0 - first if second is None else second)


# The hex colours' lengths: #rgb, #rgba, #rrggbb, #rrggbbaa.
_HEX_DIGITS = re.compile(r"[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8}")


def _hex_colour(digits: str) -> tuple[float, float, float, float]:
    """A hex colour's channels, worked out as tinycss2's `parse_color` does (each pair of digits,
    or each digit doubled, over 255: the same floats) without its regular expressions and colour
    space conversion, which cost most of reading a page's generated CSS (a test compares them)."""
    if len(digits) <= 4:
        digits = "".join(digit * 2 for digit in digits)
    value = int(digits, 16)
    if len(digits) == 6:
        return ((value >> 16) / 255, (value >> 8 & 255) / 255, (value & 255) / 255, 1.0)
    return ((value >> 24) / 255, (value >> 16 & 255) / 255, (value >> 8 & 255) / 255, (value & 255) / 255)


def _function_numbers(token: Any) -> list[float | None]:
    return [number(t) if t.type != "dimension" else length_px(t) for t in _meaningful(token.arguments) if t.type != "literal"]


# A scale factor that leaves a box 2px or less (`_TINY_IMAGE_PX` in `visibility`) even at the
# widest the checker assumes a screen to be, 1000px (see `_PIXELS_PER_UNIT`): whatever the box, a
# reader sees at most a speck of it.
NEGLIGIBLE_SCALE = 2.0 / 1000.0
# An opacity this low or lower hides whatever the colours: the most different pair a fading can
# leave apart (pure green over a dark navy) blends to ΔE 4.8 from the background, under the
# distance at which text cannot be told from it (`colour_difference.INDISTINGUISHABLE_DELTA_E`,
# 5.0; black on white is 1.5 apart). Where the colours are known, a larger opacity is judged by
# that rule (`visibility.faded`); where they are not (a linked stylesheet may set them), it is not.
NEAR_ZERO_OPACITY = 0.017
# A `transform`/`scale` factor that leaves a box a hundredth of its size along an axis: 16px text
# a sixth of a pixel high (under the 1px of unreadable text), a 200px logo 2px across (a tiny
# image); nothing at that size is read as a logo or a line of text, as an opacity of 0.01 is not
# seen. An animation's start state can shrink that far, but is then hidden as one at 0 is.
NEGLIGIBLE_TRANSFORM_SCALE = 1.0 / 100.0


def _negligible(factor: float | None) -> bool:
    return factor is not None and abs(factor) <= NEGLIGIBLE_TRANSFORM_SCALE


def scales_to_nothing(values: Sequence[Any]) -> bool:
    """True when a `transform` (or `scale`) value shrinks the element to nothing or next to it (a
    factor of `NEGLIGIBLE_TRANSFORM_SCALE` or less along an axis): a scale function with such a factor, or
    a matrix whose columns are both that small."""
    if values and values[0].type in ("number", "percentage"):  # the `scale` property: `scale: 0` or `scale: 1 0`
        return any(_negligible(number(v)) for v in values)
    for token in values:
        if token.type != "function":
            continue
        name = token.lower_name
        arguments = _function_numbers(token)
        if name in ("scale", "scalex", "scaley", "scale3d") and any(_negligible(a) for a in arguments[:2]):
            return True
        if (
            name == "matrix"
            and len(arguments) == 6
            and ((_negligible(arguments[0]) and _negligible(arguments[1])) or (_negligible(arguments[2]) and _negligible(arguments[3])))
        ):
            return True
    return False


def filter_opacity(values: Sequence[Any]) -> float | None:
    """How opaque a `filter` value leaves the element (the product of its `opacity()` functions,
    1 for a missing or empty argument); None when it has none."""
    level: float | None = None
    for token in values:
        if token.type == "function" and token.lower_name == "opacity":
            arguments = _function_numbers(token)
            factor = arguments[0] if arguments else 1.0
            if factor is None:
                return None
            level = (1.0 if level is None else level) * min(max(factor, 0.0), 1.0)
    return level


def translation_px(name: str, values: Sequence[Any]) -> tuple[float, float] | None:
    """How far a `transform` made only of translations, or the `translate` property, moves the
    element (x, y) in CSS pixels; None when it does anything else (a rotation or scale between
    translations moves them too) or uses percentages."""
    if name == "translate":
        return _offset([length_px(token) for token in values][:3])
    x = y = 0.0
    for token in values:
        function = token.lower_name if token.type == "function" else ""
        if function not in ("translate", "translatex", "translatey", "translate3d"):
            return None
        offset = _offset([length_px(t) for t in _meaningful(token.arguments) if t.type != "literal"])
        if offset is None:
            return None
        # translateX(a) and translateY(a) move along one axis; translate(a, b) and translate3d along both.
        x += 0.0 if function == "translatey" else offset[0]
        y += offset[0] if function == "translatey" else 0.0 if function == "translatex" else offset[1]
    return (x, y)


def _offset(lengths: Sequence[float | None]) -> tuple[float, float] | None:
    """The first two of some lengths (the second 0 when there is one), or None when one is not a length."""
    if not lengths or any(length is None for length in lengths):
        return None
    return (lengths[0] or 0.0, lengths[1] or 0.0 if len(lengths) > 1 else 0.0)


def clips_to_nothing(name: str, values: Sequence[Any]) -> bool:
    """True when `clip: rect(…)` has no area or `clip-path` keeps nothing (an inset of half or
    more, a circle or ellipse of radius zero, a polygon, `rect()`, `xywh()` or `path()` of no area)."""
    if not values or values[0].type != "function":
        return False
    function = values[0]
    arguments = [t for t in _meaningful(function.arguments) if t.type != "literal"]
    shape = (name, function.lower_name)
    if shape == ("clip", "rect"):
        return _empty_rect(arguments)
    return name == "clip-path" and _empty_clip_path_shape(function, arguments)


def _empty_clip_path_shape(function: Any, arguments: Sequence[Any]) -> bool:
    """`clips_to_nothing` for a `clip-path` shape function (its arguments without commas)."""
    shape = ("clip-path", function.lower_name)
    if shape == ("clip-path", "inset"):
        return any(t.type == "percentage" and t.value >= 50 for t in arguments)
    if shape in (("clip-path", "circle"), ("clip-path", "ellipse")):
        radii = [t for t in arguments if t.type in ("number", "dimension", "percentage")]
        return bool(radii) and all(length_px(t) == 0 for t in radii)
    if shape == ("clip-path", "polygon"):
        return _flat_polygon(function.arguments)
    if shape == ("clip-path", "rect"):
        return _empty_rect([t for t in arguments if t.type != "ident"]) if len(arguments) == 4 else False
    if shape == ("clip-path", "xywh"):
        return _empty_xywh(arguments)
    if shape == ("clip-path", "path"):
        data = [t for t in arguments if t.type == "string"]
        return len(data) == 1 and path_data.encloses_nothing(data[0].value)
    return False


def _empty_xywh(arguments: Sequence[Any]) -> bool:
    """True for `xywh(x y width height)` of no width or height."""
    sizes = [length_px(t) for t in arguments[2:4]]
    return len(arguments) >= 4 and any(size is not None and size <= 0 for size in sizes)


def _flat_polygon(arguments: Sequence[Any]) -> bool:
    """True for `polygon([fill-rule,] x y, x y, …)` points that enclose no area (all in one place
    or on one line); its coordinates lengths, or percentages (not both, which cannot be compared)."""
    pieces = split_commas(arguments)
    if len(pieces[0]) == 1 and pieces[0][0].type == "ident" and pieces[0][0].lower_value in ("nonzero", "evenodd"):
        pieces = pieces[1:]
    points: list[tuple[float, float]] = []
    units = set()
    for point in pieces:
        if len(point) != 2:
            return False
        read = []
        for token in point:
            if token.type == "percentage":
                value: float | None = float(token.value)
                units.update({"%"} if value else set())
            else:
                value = length_px(token)
                units.update({"px"} if value else set())
            if value is None:
                return False
            read.append(value)
        points.append((read[0], read[1]))
    if not points or len(units) > 1:
        return False
    # Twice the area (the shoelace formula): zero when every point is on one line or in one place.
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)) == 0


def split_commas(tokens: Sequence[Any]) -> list[list[Any]]:
    """Component values split at their commas (a comma inside a function or block belongs to
    that token), whitespace and comments left out: the arguments of a function, the stops of a
    gradient, the queries of a media query list."""
    return split_at_commas(_meaningful(tokens))


# The gradient functions of CSS Images 3 (`-webkit-` ones are read where a caller names them).
GRADIENTS: Final = frozenset(
    {"linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient", "repeating-radial-gradient", "repeating-conic-gradient"}
)


def gradient_stops(image: Any, names: frozenset[str] = GRADIENTS) -> list[tuple[float, float, float, float]] | None:
    """The colours of a gradient's stops (an `image` token: a function of `names`), in order;
    None for another image, a gradient without a stop, or one with a colour not read (a `var()`,
    `currentcolor`). The first argument's keywords (`to right`, `circle at top`) are no stops."""
    if image is None or image.type != "function" or image.lower_name not in names:
        return None
    stops = []
    for index, part in enumerate(split_commas(image.arguments)):
        for token in part:
            if token.type not in ("ident", "function", "hash"):
                continue
            painted = colour(token)
            if painted is None and (index > 0 or token.type != "ident"):
                return None  # a colour not read, or `currentcolor`
            if painted is not None:
                stops.append(painted)
                # A stop with two positions is two stops of its colour (`#000 0 100%`).
                if sum(1 for t in part if t.type in ("dimension", "percentage", "number", "function") and t is not token) >= 2:
                    stops.append(painted)
    return stops or None


def _empty_rect(arguments: Sequence[Any]) -> bool:
    """True for `rect(top, right, bottom, left)` edges that enclose nothing."""
    edges = [length_px(t) for t in arguments]
    if len(edges) != 4 or any(e is None for e in edges):
        return False
    top, right, bottom, left = (float(e or 0) for e in edges)
    return bottom <= top or right <= left


# CSS Values 4 math functions whose value the checker works out (`opacity: calc(0)`,
# `opacity: sin(0)`, `font-size: round(down, 0.9px, 1px)`): `calc()` and its comparisons here,
# the others in `css_math`.
MATH_FUNCTIONS = frozenset({"calc", "-webkit-calc", "min", "max", "clamp"}) | css_math.FUNCTIONS
_Quantity = css_math.Quantity  # a value and its unit: "" (a number), "px" (a length), "%" or "deg" (an angle)
# What an infinite result becomes (CSS Values 4, 10.9: clamped to the largest value the browser
# keeps): a length, Chromium's largest layout unit (`margin-left: calc(-infinity * 1px)` computes
# to -3.35544e+07px); a number or angle, the largest single-precision float.
_LARGEST = {"px": 33554428.0, "": 3.4028234663852886e38, "deg": 3.4028234663852886e38}


def with_math_resolved(values: Sequence[Any]) -> tuple[Any, ...]:
    """The component values with each math function (`calc()`, `min()`, `max()`, `clamp()`,
    `round()`, `sin()`…), at the top level or as an argument of another function
    (`scale(calc(0))`), replaced by the number, length (in px), percentage or angle (in deg) it
    computes to; one that mixes units the checker cannot convert (`calc(100% - 2em)`), or is not
    valid, is kept as written."""
    import tinycss2.ast

    resolved = []
    for token in values:
        if token.type == "function" and token.lower_name in MATH_FUNCTIONS:
            token = _math_token(token) or token
        elif token.type == "function" and any(t.type == "function" and t.lower_name in MATH_FUNCTIONS for t in token.arguments):
            arguments = [(_math_token(t) or t) if t.type == "function" and t.lower_name in MATH_FUNCTIONS else t for t in token.arguments]
            token = tinycss2.ast.FunctionBlock(token.source_line, token.source_column, token.name, arguments)
        resolved.append(token)
    return tuple(resolved)


def _math_token(function: Any) -> Any:
    """The token a math function computes to, its result censored as CSS Values 4 (10.9) has a
    top-level calculation's: NaN is 0 (`opacity: sqrt(-1)` is 0), an infinity the largest value
    (`_LARGEST`); None when it cannot be worked out, or is an infinite percentage."""
    import tinycss2.ast

    quantity = _math(function)
    if quantity is None:
        return None
    value, unit = quantity
    if math.isnan(value):
        value = 0.0
    elif math.isinf(value):
        if unit not in _LARGEST:
            return None
        value = math.copysign(_LARGEST[unit], value)
    integer = int(value) if value == int(value) else None
    text = f"{value:g}"
    line, column = function.source_line, function.source_column
    if unit in ("px", "deg"):
        return tinycss2.ast.DimensionToken(line, column, value, integer, text, unit)
    if unit == "%":
        return tinycss2.ast.PercentageToken(line, column, value, integer, text)
    return tinycss2.ast.NumberToken(line, column, value, integer, text)


def _math(function: Any) -> _Quantity | None:
    """What a math function computes to (NaN and infinities as IEEE gives them); None when it
    cannot be worked out."""
    name = function.lower_name
    if name in ("calc", "-webkit-calc"):
        return _sum(_meaningful(function.arguments))
    pieces = split_commas(function.arguments)
    strategy = "nearest"
    if name == "round" and pieces and len(pieces[0]) == 1 and pieces[0][0].type == "ident" and pieces[0][0].lower_value in css_math.ROUNDING_STRATEGIES:
        strategy, pieces = pieces[0][0].lower_value, pieces[1:]
    arguments = [_sum(piece) for piece in pieces]
    if not arguments or any(a is None for a in arguments):
        return None
    known = [a for a in arguments if a is not None]
    if name in css_math.STEPPED:
        return css_math.stepped(name, strategy, known)
    if name not in ("min", "max", "clamp"):
        return css_math.worked_out(name, known)
    return _compared(name, known)


def _compared(name: str, arguments: Sequence[_Quantity]) -> _Quantity | None:
    """`min()`, `max()` or `clamp()` of quantities of one unit (a unitless 0 goes with any)."""
    units = {unit for value, unit in arguments if value != 0 or unit}
    if len(units) > 1:
        return None
    unit = units.pop() if units else ""
    values = [value for value, _ in arguments]
    if name == "min":
        return min(values), unit
    if name == "max":
        return max(values), unit
    if len(values) != 3:
        return None
    return max(values[0], min(values[1], values[2])), unit


def _sum(tokens: Sequence[Any]) -> _Quantity | None:
    """A calc sum: products joined by `+` and `-`."""
    total: _Quantity | None = None
    sign = 1.0
    term: list[Any] = []
    for token in [*tokens, None]:
        if token is None or (token.type == "literal" and token.value in "+-" and term):
            product = _product(term)
            if product is None:
                return None
            value = (sign * product[0], product[1])
            total = value if total is None else _add(total, value)
            if total is None or token is None:
                return total
            sign, term = (1.0 if token.value == "+" else -1.0), []
        else:
            term.append(token)
    return total


def _add(first: _Quantity, second: _Quantity) -> _Quantity | None:
    if first[1] == second[1]:
        return first[0] + second[0], first[1]
    return None


def _product(tokens: Sequence[Any]) -> _Quantity | None:
    """A calc product: values joined by `*` and `/` (one side of each a plain number)."""
    result: _Quantity | None = None
    operator = "*"
    for position, token in enumerate(tokens):
        if position % 2:
            if token.type != "literal" or token.value not in "*/":
                return None
            operator = token.value
            continue
        value = _operand(token)
        if value is None:
            return None
        if result is None:
            result = value
        elif operator == "*" and (not result[1] or not value[1]):
            result = (result[0] * value[0], result[1] or value[1])
        elif operator == "/" and not value[1]:
            result = (_divided(result[0], value[0]), result[1])
        else:
            return None
    return result if result is not None and len(tokens) % 2 else None


def _divided(dividend: float, divisor: float) -> float:
    """`dividend / divisor` as IEEE has it: by zero, an infinity of the signs' product, or NaN for 0/0."""
    if divisor:
        return dividend / divisor
    if dividend == 0 or math.isnan(dividend):
        return math.nan
    return math.copysign(math.inf, dividend) * math.copysign(1.0, divisor)


def _operand(token: Any) -> _Quantity | None:
    if token.type == "number":
        return float(token.value), ""
    if token.type == "percentage":
        return float(token.value), "%"
    if token.type == "dimension" and token.lower_unit in css_math.DEGREES_PER_UNIT:
        return float(token.value) * css_math.DEGREES_PER_UNIT[token.lower_unit], "deg"
    if token.type == "dimension":
        pixels = length_px(token)
        return None if pixels is None else (pixels, "px")
    if token.type == "ident" and token.lower_value in css_math.CONSTANTS:
        return css_math.CONSTANTS[token.lower_value], ""
    if token.type == "() block":
        return _sum(_meaningful(token.content))
    if token.type == "function" and token.lower_name in MATH_FUNCTIONS:
        return _math(token)
    return None


# How deep custom properties may refer to each other (`--a: var(--b)`) before a chain is taken for a
# cycle, which makes every property in it invalid.
_VARIABLE_DEPTH = 16
# The most component values a value may grow to by substitution.
_SUBSTITUTED_TOKENS = 1000


def variables_used(values: Sequence[Any]) -> set[str]:
    """The custom properties a value's `var()` functions name, fallbacks included."""
    names: set[str] = set()
    for token in values:
        if token.type == "function":
            if token.lower_name == "var":
                arguments = _meaningful(token.arguments)
                if arguments and arguments[0].type == "ident":
                    names.add(arguments[0].value)
            names |= variables_used(token.arguments)
        elif token.type in ("() block", "[] block"):
            names |= variables_used(token.content)
    return names


def substitute_variables(values: Sequence[Any], variables: Mapping[str, tuple[Any, ...]], depth: int = 0) -> tuple[Any, ...] | None:
    """The value with each `var(--name, fallback)` replaced by the custom property's value in
    `variables` (the element's own and inherited ones), else by its fallback, with math functions
    then worked out (CSS Custom Properties, 3). None when a `var()` has neither: the declaration
    is invalid at computed-value time, and the property takes its inherited or initial value."""
    import tinycss2.ast

    found: list[Any] = []
    for token in values:
        if token.type == "function" and token.lower_name == "var":
            replacement = _variable(token, variables, depth)
            if replacement is None:
                return None
            found.extend(replacement)
            if len(found) > _SUBSTITUTED_TOKENS:
                return None  # properties that double each other's length: a browser refuses them too
        elif token.type == "function" and variables_used(token.arguments):
            arguments = substitute_variables(token.arguments, variables, depth)
            if arguments is None:
                return None
            found.append(tinycss2.ast.FunctionBlock(token.source_line, token.source_column, token.name, list(arguments)))
        else:
            found.append(token)
    return _computed(_meaningful(found)) if depth == 0 else tuple(found)


def _variable(function: Any, variables: Mapping[str, tuple[Any, ...]], depth: int) -> tuple[Any, ...] | None:
    """What one `var()` stands for (see `substitute_variables`)."""
    arguments = list(function.arguments)
    meaningful = _meaningful(arguments)
    if depth > _VARIABLE_DEPTH or not meaningful or meaningful[0].type != "ident":
        return None
    value: Sequence[Any] | None = variables.get(meaningful[0].value)
    if value is not None and variables_used(value):
        # A custom property whose own var()s cannot be worked out (in a cycle, `--a: var(--b);
        # --b: var(--a)`, or naming one that is missing) is invalid at computed-value time, and a
        # var() naming it takes its fallback, as one naming a missing property does.
        value = substitute_variables(value, variables, depth + 1)
    if value is None:
        comma = next((i for i, t in enumerate(arguments) if t.type == "literal" and t.value == ","), None)
        if comma is None:
            return None
        value = _meaningful(arguments[comma + 1 :])
        if variables_used(value):
            return substitute_variables(value, variables, depth + 1)
    return tuple(value)


# A `<style>` block that may register a custom property (a cheap test of its text, that most fail).
_REGISTERS = on_first_use(r"@property", re.IGNORECASE)
# The units of a `<length>` an `@property`'s initial value may be in: those that are the same
# wherever the value is used (CSS Properties and Values API 1, 3.1: computationally independent).
_ABSOLUTE_LENGTH_UNITS = frozenset({"px", "pt", "pc", "in", "cm", "mm", "q"})


@per_sheet
def registered_properties(sheet: str) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """The custom properties a `<style>` block registers with `@property` at its top level, each
    with its initial value (CSS Properties and Values API 1, 3), in order: the value a `var()`
    naming one takes where nothing sets it. A rule a browser drops is left out: one without a
    `syntax` or an `inherits`, or whose `initial-value` is missing or not of its syntax; and one of
    a syntax not read here (only `*`, `<length>`, `<number>`, `<integer>`, `<percentage>`,
    `<length-percentage>` and `<color>` are)."""
    return tuple((name, initial) for name, initial, _, _ in registrations(sheet))


def registrations(sheet: str) -> tuple[tuple[str, tuple[Any, ...], bool, str], ...]:
    """`registered_properties`, each with whether it inherits (`inherits: true`) and its syntax
    as written (`<color>`, `*`…)."""
    if not _REGISTERS().search(sheet):
        return ()
    import tinycss2

    found = []
    for node in tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True):
        if node.type != "at-rule" or node.lower_at_keyword != "property" or node.content is None:
            continue
        prelude = _meaningful(node.prelude)
        if len(prelude) != 1 or prelude[0].type != "ident" or not prelude[0].value.startswith("--"):
            continue
        descriptors = {
            d.lower_name: _meaningful(d.value)
            for d in tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
            if d.type == "declaration"
        }
        initial = _registered_initial_value(descriptors)
        if initial is not None:
            found.append((prelude[0].value, initial, descriptors["inherits"][0].lower_value == "true", descriptors["syntax"][0].value.strip()))
    return tuple(found)


def _registered_initial_value(descriptors: Mapping[str, tuple[Any, ...]]) -> tuple[Any, ...] | None:
    """An `@property`'s initial value when the rule is one a browser keeps (see `registered_properties`)."""
    syntax, inherits, initial = descriptors.get("syntax", ()), descriptors.get("inherits", ()), descriptors.get("initial-value")
    if len(syntax) != 1 or syntax[0].type != "string" or len(inherits) != 1 or inherits[0].type != "ident":
        return None
    if inherits[0].lower_value not in ("true", "false"):
        return None
    kind = syntax[0].value.strip()
    if kind == "*":
        return initial or None
    if initial is None or len(initial) != 1:
        return None
    return initial if _of_syntax(initial[0], kind) else None


def _of_syntax(token: Any, kind: str) -> bool:
    """Whether a registered property's initial value is of its syntax (one of those read)."""
    length = bool((token.type == "dimension" and token.lower_unit in _ABSOLUTE_LENGTH_UNITS) or (token.type == "number" and token.value == 0))
    if kind == "<length>":
        return length
    if kind == "<length-percentage>":
        return length or bool(token.type == "percentage")
    if kind in ("<number>", "<integer>"):
        return bool(token.type == "number" and (kind == "<number>" or token.int_value is not None))
    if kind == "<percentage>":
        return bool(token.type == "percentage")
    return kind == "<color>" and colour(token) is not None


def legacy_colour(value: str) -> tuple[float, float, float, float] | None:
    """The colour a presentational attribute (`<font color>`, `bgcolor`) gives, read by HTML's
    rules for parsing a legacy colour value (2.3.6): a CSS named colour, `#rgb`, or any other text
    made hex digit by digit (`ffffff` and `#fffff` are white, `red` is named, `chucknorris` is a
    dark red); None for an empty value or `transparent`, which set no colour."""
    text = value.strip(CSS_SPACE)
    if not text or text.lower() == "transparent":
        return None
    from tinycss2 import parse_one_component_value
    from tinycss2.color4 import parse_color

    if text.isalpha():
        named = parse_color(parse_one_component_value(text))
        if named is not None and not isinstance(named, str):
            return colour(parse_one_component_value(text))
    if len(text) == 4 and text[0] == "#" and all(c in _HEX_DIGIT_CHARACTERS for c in text[1:]):
        return _hex_colour(text[1:])
    return _hex_colour(_legacy_digits(text))


def _legacy_digits(text: str) -> str:
    """Six hex digits from a legacy colour value that is neither named nor `#rgb` (HTML 2.3.6,
    steps 7 to 17)."""
    text = "".join("00" if ord(c) > 0xFFFF else c for c in text)[:128]
    text = text.removeprefix("#")
    text = "".join(c if c in _HEX_DIGIT_CHARACTERS else "0" for c in text)
    while not text or len(text) % 3:
        text += "0"
    length = len(text) // 3
    parts = [text[i * length : (i + 1) * length] for i in range(3)]
    if length > 8:
        parts = [part[-8:] for part in parts]
    while len(parts[0]) > 2 and all(part.startswith("0") for part in parts):
        parts = [part[1:] for part in parts]
    return "".join(part[:2].rjust(2, "0") for part in parts)
