"""Content pushed below the bottom of a box that clips its overflow by what comes before it in the
flow (CSS 2.2, 9.4.1 and 10.6; CSS Overflow 3): `<div style="overflow:hidden;height:20px"><div
style="height:40px"></div>By …</div>`, or a `padding-top` larger than the box inside it.

The clipping box: `overflow-y` (or `overflow`) `hidden` or `clip`, laid out as a block container
(`display` block, flow-root, list-item or inline-block, or a block tag's own), with a `height` or
`max-height` in px (the smaller, at least its `min-height`): what shows of its content runs no
further below the start of its content than that and its bottom padding. A box that scrolls
(`auto`, `scroll`) is not read: a reader scrolls to what it holds.

Inside it, each block in the flow starts no higher than the lengths before it say: the heights
(`height`, at most `max-height`, at least `min-height`), paddings and top and bottom margins of the
blocks before it (adjoining margins read as the larger, a block of no height as its margins alone)
and the top padding of the blocks it is in, and the lines of text before it: a line of a box's own
text, or of an inline box in its font (`_plain_text_box`), that ends at a `<br>` or before a block
is at least its line height high (`_line_height`; the first of a box less what its glyphs may rise
above a line smaller than them). An image or another atomic inline box starts its top margin (in
px) or more below the top of its line, which holds its whole margin box
(`_pushed_by_its_top_margin`). Everything read is a lower bound, so what is judged below the
bottom is below it whatever the rest of the layout does: what is not known counts as nothing (the
lines text wraps into, an inline box of no text, a float, a border, a length in `em` or `%` but a
block's top margin in `em`, read at the least its font may be: `_font_range`, a line whose font
or line height is set in a way not read), and what may pull content up stops the reading of what follows in that box (a negative margin, a position other
than `static` or an unmoved `relative`, a transform, `display: contents`, a flex, grid or table
layout, columns, a writing mode, a `var()`). A box's own text and the text after each of its
children are judged where they stand in its flow (`Pushed.own_text`, `Pushed.tails`).

Each property is read by every rule and by those every screen meets, and what both readings
push out is hidden (`pushed_out_on_every_screen`): a size or a clip that a media query some
screens meet sets hides on those screens only.

Not read: boxes past the first 20 of a page, or that hold more than 2,000 elements together;
flex items (`order` and a column's shrinking items make their place depend on sizes not read
here: a 30px item before the text in a 20px column shrinks and lets it show), `rem`
lengths and `em` ones but a clipping box's height, maximum and minimum height (read at the most its
font may be), and any box on a page that styles a `::before` or an `::after` and names a negative
margin in a rule for one (`may_push`: those boxes are not read here, and such a one pulls what
follows it up).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.clipping import overflow_axes, padding_px, size_px
from compliance.document.css import UNREAD_SIDE, Declaration, display_keyword, length_px, side_value
from compliance.document.elements import BLOCK_TAGS

# The clipping boxes of a page that are read: real pages have a few.
_MOST_BOXES = 20
# The most elements read inside those boxes together: a clipping box is a card, a strip or a
# slot; one around most of the page is left unread (its cost grows with the page).
_MOST_INSIDE = 2000
# The declarations read on the boxes and what they hold.
_NAMES = (
    "overflow",
    "overflow-x",
    "overflow-y",
    "height",
    "max-height",
    "min-height",
    "padding",
    "padding-top",
    "padding-bottom",
    "margin",
    "margin-top",
    "margin-bottom",
    "box-sizing",
    "display",
    "position",
    "float",
    "top",
    "bottom",
    "inset",
    "transform",
    "translate",
    "rotate",
    "scale",
    "columns",
    "column-count",
    "column-width",
    "writing-mode",
    *(_FONT_NAMES := ("font-size", "line-height", "font", "zoom")),
)
_FLOW_ROOTS = frozenset({"block", "flow-root", "list-item", "inline-block"})
_BLOCKS = frozenset({"block", "flow-root", "list-item"})
# A block whose children are laid out otherwise than one under another (or not read here).
_OTHER_LAYOUTS = frozenset({"contents", "flex", "grid", "table", "-webkit-box", "-webkit-flex", "inline-flex", "inline-grid", "inline-table"})
_NO_BOX = frozenset({"script", "style", "template", "head", "meta", "link", "title", "noscript"})


class Pushed(NamedTuple):
    """What the flow pushes below a clipping box's bottom: `whole`, elements with all they hold;
    `own_text`, elements whose own text all is (their text and the text after each child);
    `tails`, elements the text after which is."""

    whole: frozenset[Any] = frozenset()
    own_text: frozenset[Any] = frozenset()
    tails: frozenset[Any] = frozenset()


NOTHING_PUSHED = Pushed()


def pushed_out_on_every_screen(boxes: Sequence[Any], declarations: Any) -> Pushed:
    """What the flow pushes below the bottom of `boxes` on every reader's screen: what
    `pushed_out` finds both by every rule and by the rules every screen meets
    (`declarations(elements, names, every_screen=...)`: `PageStyle.on_demand_of`). A box that
    a rule of some screens' media query makes clip, or makes smaller (`@media
    (max-width:600px){.byline{height:0;overflow:hidden}}`), hides on those screens only, which
    `screen_hiding` names; a rule of some screens that shows it again leaves it shown there."""
    everywhere = pushed_out(boxes, declarations)
    if everywhere == NOTHING_PUSHED:
        return everywhere
    met = pushed_out(boxes, lambda elements, names: declarations(elements, names, every_screen=True))
    return Pushed(everywhere.whole & met.whole, everywhere.own_text & met.own_text, everywhere.tails & met.tails)


def may_push(lowered: str) -> bool:
    """The cheap test of a page's CSS text (lowered, `style` attributes with it): it clips an
    overflow and sets a height, and no rule for a `::before` or an `::after` gives it a top or
    bottom margin that may be negative (the reading here does not see those boxes, and such a
    one pulls what follows it up: a page with one is not read)."""
    if not ("overflow" in lowered and "height" in lowered and ("hidden" in lowered or "clip" in lowered)):
        return False
    return not ((":before" in lowered or ":after" in lowered) and _PULLING_PSEUDO_ELEMENT.search(lowered) is not None)


# A rule for a `::before` or an `::after` whose block sets a top or bottom margin that may be
# negative, in a page's CSS text lowered: a longhand, or the shorthand's first or third value (a
# function may be too); not a left or right one, which pulls nothing up.
_PULLING_PSEUDO_ELEMENT = re.compile(
    r":(?:before|after)[^{}]*\{[^{}]*?"
    r"(?:margin(?:-(?:top|bottom|block)[a-z-]*)?\s*:\s*(?:-[\d.]|[^;{}]*\()|margin\s*:\s*[^\s;{}]+\s+[^\s;{}]+\s+-[\d.])"
)


def pushed_out(boxes: Sequence[Any], declarations: Any) -> Pushed:
    """What the flow pushes below the bottom of `boxes` (the elements the page's CSS may make
    clip their overflow), read with `declarations(elements, names)`, the winning declarations of
    `names` on each (`PageStyle.on_demand_of`)."""
    boxes = list(dict.fromkeys(boxes))[:_MOST_BOXES]
    if not boxes:
        return NOTHING_PUSHED
    own = dict(zip(boxes, declarations(boxes, _NAMES), strict=True))
    clips = [(box, bottom) for box in boxes if (bottom := _shown_below(box, own[box], _font_reader(declarations, own))) is not None]
    if not clips:
        return NOTHING_PUSHED
    inside = [element for box, _ in clips for element in box.iter() if isinstance(element.tag, str)]
    if len(inside) > _MOST_INSIDE:
        return NOTHING_PUSHED  # a page's layout in a clipping box (a wrapper of `overflow: hidden`): not read
    declared = dict(zip(inside, declarations(inside, _NAMES), strict=True))
    reading = _Reading(declared, declarations)
    for box, bottom in clips:
        reading.flow(box, 0.0, bottom)
    if not (reading.whole or reading.own_text or reading.tails):
        return NOTHING_PUSHED
    return Pushed(frozenset(reading.whole), frozenset(reading.own_text), frozenset(reading.tails))


def _font_reader(declarations: Any, known: Mapping[Any, Mapping[str, Declaration]]) -> Callable[[Any], tuple[float, float] | None]:
    """`_font_range` of an element, its ancestors' fonts read with `declarations` where not `known`."""

    def read(element: Any) -> tuple[float, float] | None:
        chain = [*reversed(list(element.iterancestors())), element]
        unknown = [node for node in chain if node not in known]
        found = dict(zip(unknown, declarations(unknown, _FONT_NAMES), strict=True)) if unknown else {}
        return _font_range([(node, known.get(node) or found.get(node, {})) for node in chain])

    return read


def _shown_below(box: Any, declared: Mapping[str, Declaration], font: Callable[[Any], tuple[float, float] | None]) -> float | None:
    """How far below the start of its content (px) the box shows what it holds, when it clips
    its vertical overflow with a height known here (in px, or in `em` of the most its font may
    be: `font(box)`, `_font_range`); None otherwise."""
    if overflow_axes(declared)[1] not in ("hidden", "clip") or _layout(box, declared) not in _FLOW_ROOTS or _moves_or_turns(declared):
        return None
    if any(name in declared for name in ("columns", "column-count", "column-width", "writing-mode")):
        return None
    # (A percentage is of the containing block: `size_px` reads what it comes to in the flow.)
    if any(_ems(declared.get(name)) is not None for name in ("height", "max-height", "min-height")):
        fonts = font(box)
        most = None if fonts is None else max(fonts[1], _LEAST_FONT_PX)
        if most is not None:
            declared = {
                **declared,
                **{
                    name: _in_px(declared[name], ems * most) for name in ("height", "max-height", "min-height") if (ems := _ems(declared.get(name))) is not None
                },
            }
    limits = [found for name in ("height", "max-height") if (found := _px(declared.get(name))) is not None and size_px(declared, name) is not None]
    least = _px(declared.get("min-height")) if "min-height" in declared else 0.0
    bottom = padding_px(declared, "padding-bottom", 0.0)
    if not limits or least is None or bottom is None:
        return None
    return max(min(limits), least) + bottom


class _Reading:
    """The reading of the flow in the clipping boxes, with what it found pushed out."""

    def __init__(self, declared: Mapping[Any, Mapping[str, Declaration]], declarations: Any) -> None:
        self.declared = declared
        # How the declarations of elements outside the clipping boxes are read (`pushed_out`), and
        # those read: the fonts and line heights their text inherits (`_line`).
        self.declarations = declarations
        self.outside: dict[Any, Mapping[str, Declaration]] = {}
        self.lines: dict[Any, tuple[float, float] | None] = {}
        self.fonts: dict[Any, tuple[float, float] | None] = {}
        self.whole: set[Any] = set()
        self.own_text: set[Any] = set()
        self.tails: set[Any] = set()

    def flow(self, box: Any, start: float, bottom: float, depth: int = 0) -> float | None:
        """Read the flow of `box`'s content, which starts `start` px below the clipping box's; the
        least height of that content, or None when something in it stops the reading (or it is
        nested deeper than `_DEEPEST` inside the clipping box: not read)."""
        if depth > _DEEPEST:
            return None
        if start >= bottom:
            self.own_text.add(box)
        offset = start
        margin = 0.0  # the bottom margin of the block before, which adjoins the next one's top
        lines = _Lines(_has_text(box.text))
        for child in box:
            if not isinstance(child.tag, str):
                continue
            declared = self.declared.get(child, {})
            kind = _kind(child, declared)
            if kind == "out of the flow":
                lines.text = lines.text or _has_text(child.tail)
                continue
            if kind == "stops":
                return None
            if (kind == "block" or child.tag == "br") and (height := lines.ended(self._line, box)) is not None:
                # A line of text ends before a block or at a break, below the margin of the block before it.
                offset, margin = offset + margin + height, 0.0
            # What follows a block starts below its bottom margin (an inline box or text in an
            # anonymous block, which has none), or the larger of it and its own top margin.
            if offset + margin >= bottom or (kind == "inline" and _pushed_by_its_top_margin(child, declared, offset + margin, bottom)):
                self._out(child)
                continue
            if kind == "block":
                step = self._block(child, declared, offset, margin, bottom, depth)
                if step is None:
                    return None
                offset, margin = step
            if offset + margin >= bottom and _has_text_after(child):
                self.tails.add(child)
            lines.text = lines.text or _text_follows(child, kind, declared)
        return offset - start

    def _line(self, box: Any) -> tuple[float, float] | None:
        """The least height (px) of a line of `box`'s own text, and how far its text may rise above
        the line's top (where the line height is smaller than the text's box), by the font size
        and line height in force on it (`_line_height`); None when not worked out here."""
        if box not in self.lines:
            chain = [box, *box.iterancestors()]
            outside = [ancestor for ancestor in chain if ancestor not in self.declared and ancestor not in self.outside]
            if outside:
                self.outside.update(zip(outside, self.declarations(outside, _FONT_NAMES), strict=True))
            self.lines[box] = _line_height([(node, self.declared.get(node) or self.outside.get(node, {})) for node in reversed(chain)])
        return self.lines[box]

    def _font(self, box: Any) -> tuple[float, float] | None:
        """The least and the most (px) the font size of `box` may be (`_font_range`)."""
        if box not in self.fonts:
            chain = [*reversed(list(box.iterancestors())), box]
            outside = [node for node in chain if node not in self.declared and node not in self.outside]
            if outside:
                self.outside.update(zip(outside, self.declarations(outside, _FONT_NAMES), strict=True))
            self.fonts[box] = _font_range([(node, self.declared.get(node) or self.outside.get(node, {})) for node in chain])
        return self.fonts[box]

    def _out(self, child: Any) -> None:
        """Record a child below the bottom, with the text after it: whole, unless something in it
        may be placed from outside the clipping box (absolutely, fixed), and escape its clip: its own
        text then."""
        if _has_text_after(child):
            self.tails.add(child)
        if not any(_keyword(self.declared.get(inner, {}), "position", "static") not in ("static", "relative") for inner in child.iter()):
            self.whole.add(child)
        else:
            self.own_text.add(child)  # its own text is in the flow, below the bottom

    def _block(self, child: Any, declared: Mapping[str, Declaration], offset: float, margin: float, bottom: float, depth: int) -> tuple[float, float] | None:
        """Where the flow stands after the block `child` (px) and the margin left adjoining the
        next block; None when a length of it is not read."""
        top_margin, bottom_margin = _margin(declared, "margin-top"), _margin(declared, "margin-bottom")
        token = side_value(declared, "top", "margin-top", "margin") if "margin-top" in declared or "margin" in declared else None
        ems = float(token.value) if token is not None and token is not UNREAD_SIDE and token.type == "dimension" and token.lower_unit == "em" else 0.0
        if ems > 0 and top_margin is not None and (fonts := self._font(child)) is not None:
            top_margin = max(top_margin, ems * fonts[0])  # at least as many ems of the least its font may be
        top_padding, bottom_padding = padding_px(declared, "padding-top", 0.0), padding_px(declared, "padding-bottom", 0.0)
        if top_margin is None or bottom_margin is None or top_padding is None or bottom_padding is None:
            return None
        top = offset + max(margin, top_margin)
        if top >= bottom:
            self._out(child)
        content = self.flow(child, top + top_padding, bottom, depth + 1)
        height = _height(declared, content, top_padding + bottom_padding)
        if height == 0:
            return offset, max(margin, top_margin, bottom_margin)  # its margins collapse through it
        return top + height, bottom_margin


class _Lines:
    """The lines of a box's flow read so far: whether the one being laid out holds text, and
    whether the first line's height is still to be lessened by what its text may rise above it."""

    def __init__(self, text: bool) -> None:
        self.text = text
        self.first = True

    def ended(self, line: Callable[[Any], tuple[float, float] | None], box: Any) -> float | None:
        """The least height (px) of the line that ends here, by `line(box)` (`_Reading._line`),
        when it holds text and that is read (CSS 2.2, 10.8: at least its line height); None
        otherwise."""
        found = line(box) if self.text else None
        if found is None:
            return None
        height = found[0] - (found[1] if self.first else 0.0)
        self.text = self.first = False
        return height


# The elements a browser lays out as an atomic inline box (a replaced element), whose top margin
# pushes it down its line; `inline-block` too.
_ATOMIC_INLINE_TAGS = frozenset({"img", "svg", "video", "canvas", "iframe", "embed", "object", "amp-img"})


def _pushed_by_its_top_margin(child: Any, declared: Mapping[str, Declaration], line_top: float, bottom: float) -> bool:
    """True for an atomic inline box (an image, an `inline-block`; not floated) whose top margin
    in px puts its top at or below `bottom`, its line starting no higher than `line_top`: a line
    box holds the whole margin box of each atomic inline box on it, however it is aligned (CSS 2.2,
    10.8), so its border box starts that margin or more below the line's top. (`.logo{height:60px;
    overflow:hidden} .logo img{margin-top:500px}`.)"""
    if _keyword(declared, "float", "none") != "none" or not (child.tag in _ATOMIC_INLINE_TAGS or _layout(child, declared) == "inline-block"):
        return False
    if _layout(child, declared) not in ("inline", "inline-block"):
        return False
    token = side_value(declared, "top", "margin-top", "margin")
    pushed = None if token is None or token is UNREAD_SIDE or (token.type == "dimension" and token.lower_unit != "px") else length_px(token)
    return pushed is not None and line_top + pushed >= bottom


def _has_text(text: str | None) -> bool:
    return bool(text and not text.isspace())


def _plain_text_box(child: Any, declared: Mapping[str, Declaration]) -> bool:
    """True for an inline box (not floated) that starts with text in the font and line height of
    its parent: its text is on its parent's line, which is then at least as high as `_line`
    reads it (in quirks mode too, where a line of no text may be of no height)."""
    if _layout(child, declared) != "inline" or _keyword(declared, "float", "none") != "none" or child.tag in _SMALLER_TEXT or child.tag == "br":
        return False
    return _has_text(child.text) and not any(name in declared for name in _FONT_NAMES) and child.get("hidden") is None


# The elements a browser's own style sheet draws in a smaller font than their parent's (or in a
# monospace one, whose `medium` is 13px), where the text before a block or a break is not read.
_SMALLER_TEXT = frozenset(
    {"small", "sub", "sup", "h4", "h5", "h6", "code", "kbd", "samp", "tt", "pre", "listing", "xmp", "plaintext", "font"}
    | {"button", "input", "select", "textarea"}
)
# The most the box of a line's text (its font's ascent and descent, CSS Inline 3) may be, in ems:
# where the line height is smaller, the text rises above the line's top by half the difference.
_TEXT_BOX_EMS = 1.5
# The least and the most a browser's font size `medium` is (px), of text whose ancestors set none:
# 16px, 13px in a monospace family (Chromium's defaults).
_MEDIUM_FONT_PX = (13.0, 16.0)


# The least font size Chromium draws (its minimum logical font size, px): a font in `em` may be set
# smaller, not drawn so.
_LEAST_FONT_PX = 6.0
# The elements a browser's own style draws in a larger font than their parent's (HTML, 15.3.7).
_LARGER_TEXT = frozenset({"h1", "h2", "h3", "big"})


def _font_range(chain: Sequence[tuple[Any, Mapping[str, Declaration]]]) -> tuple[float, float] | None:
    """The least and the most (px) the font size of the last element of `chain` (each element
    from the root down with its declarations) may be, as `_line_height` reads font sizes; None
    where one is not read, or an element drawn in a smaller or a larger font is on the way."""
    least, most = _MEDIUM_FONT_PX
    for node, declared in chain:
        if node.tag in _SMALLER_TEXT or node.tag in _LARGER_TEXT or "font" in declared or "zoom" in declared:
            return None
        if node.tag == "table":
            least, most = min(least, _MEDIUM_FONT_PX[0]), min(most, _MEDIUM_FONT_PX[1])
        found = _font_size(declared.get("font-size"), (least, most))
        if found is None:
            return None
        least, most = found
    return least, most


def _ems(declaration: Declaration | None) -> float | None:
    """A length of one value in `em` (0 or more); None for anything else."""
    if declaration is None or len(declaration.values) != 1:
        return None
    token = declaration.values[0]
    return float(token.value) if token.type == "dimension" and token.lower_unit == "em" and token.value >= 0 else None


def _in_px(declaration: Declaration, pixels: float) -> Declaration:
    """The declaration with its one value the length `pixels` (px)."""
    import tinycss2

    return Declaration(declaration.name, (tinycss2.parse_one_component_value(f"{pixels!r}px"),), declaration.important)


def _line_height(chain: Sequence[tuple[Any, Mapping[str, Declaration]]]) -> tuple[float, float] | None:
    """The least height (px) of a line of text of the last element of `chain` (each element from
    the root down with its declarations), and the most (px) its text may rise above the line:
    its `line-height` in px, or a number, a percentage or an `em` of its font size (CSS 2.2,
    10.8.1), from a font size in px (`em` and `%` of the parent's); `normal` is read as one em (a
    font's ascent and descent make at least that). Where no size in px is set, the font is
    `medium`, 13px to 16px (a monospace family's is 13px in Chromium; the family is not read).
    None when a font is set otherwise (`font`, a keyword, `rem`), a `zoom`, or an element drawn
    in a smaller font (`_SMALLER_TEXT`) is on the way."""
    least, most, height = _MEDIUM_FONT_PX[0], _MEDIUM_FONT_PX[1], ("normal", 1.0)
    for node, declared in chain:
        if node.tag in _SMALLER_TEXT or "font" in declared or "zoom" in declared:
            return None
        if node.tag == "table":
            # A table's font is `medium` in quirks mode.
            least, most = min(least, _MEDIUM_FONT_PX[0]), min(most, _MEDIUM_FONT_PX[1])
        found = _font_size(declared.get("font-size"), (least, most))
        read = None if found is None else _line_height_of(declared.get("line-height"), found[0], height)
        if found is None or read is None:
            return None
        (least, most), height = found, read
    line = least * height[1] if height[0] in ("normal", "number") else height[1]
    rise = 0.0 if height[0] == "normal" else max(0.0, (_TEXT_BOX_EMS * most - line) / 2)
    return line, rise


def _font_size(declaration: Declaration | None, inherited: tuple[float, float]) -> tuple[float, float] | None:
    """The least and the most a font size may be (px), by its declaration and the parent's
    (`inherited`); None when not read."""
    if declaration is None or declaration.keyword in ("inherit", "unset"):
        return inherited
    if declaration.keyword in ("medium", "initial"):
        return _MEDIUM_FONT_PX
    token = declaration.values[0] if len(declaration.values) == 1 else None
    if token is None or token.type not in ("percentage", "dimension", "number"):
        return None
    if token.type == "percentage" or (token.type == "dimension" and token.lower_unit == "em"):
        factor = float(token.value) / (100 if token.type == "percentage" else 1)
        return inherited[0] * factor, inherited[1] * factor
    found = length_px(token) if token.type == "number" or token.lower_unit == "px" else None
    return None if found is None else (found, found)


def _line_height_of(declaration: Declaration | None, font: float, inherited: tuple[str, float]) -> tuple[str, float] | None:
    """A line height as it inherits: ("number", n), ("px", length) or ("normal", 1.0), by its
    declaration, the element's font size (px) and the parent's (`inherited`); None when not read."""
    if declaration is None or declaration.keyword in ("inherit", "unset"):
        return inherited
    if declaration.keyword in ("normal", "initial"):
        return ("normal", 1.0)
    token = declaration.values[0] if len(declaration.values) == 1 else None
    if token is None or token.type not in ("number", "percentage", "dimension") or token.value < 0:
        return None
    if token.type == "number":
        return ("number", float(token.value))
    if token.type == "percentage":
        return ("px", font * float(token.value) / 100)
    if token.lower_unit == "em":
        return ("px", font * float(token.value))
    found = length_px(token) if token.lower_unit == "px" else None
    return None if found is None else ("px", found)


def _text_follows(child: Any, kind: str, declared: Mapping[str, Declaration]) -> bool:
    """True when `child` (of the `kind` `_kind` gives it; `declared`: the declarations that win on
    it) brings text to the line: text after it (its tail), or, an inline box, its own text in its
    parent's font and line height (`_plain_text_box`)."""
    return _has_text(child.tail) or (kind == "inline" and _plain_text_box(child, declared))


def _has_text_after(child: Any) -> bool:
    """True when text other than white space follows the element in its parent."""
    return bool(child.tail and not child.tail.isspace())


# How deep inside a clipping box the flow is read (a page may nest elements thousands deep).
_DEEPEST = 40


def _kind(child: Any, declared: Mapping[str, Declaration]) -> str:
    """How a child takes part in its parent's flow, as read here: "block" (a block in the flow,
    whose height pushes what follows down), "inline" (inline or floated: it pushes nothing read
    here), "out of the flow" (absolutely placed, not displayed: neither pushed nor judged), or
    "stops" (it may pull what follows up, or is laid out in a way not read here)."""
    layout = _layout(child, declared)
    position = _keyword(declared, "position", "static")
    if child.tag in _NO_BOX or layout == "none" or position in ("absolute", "fixed"):
        return "out of the flow"
    if position not in ("static", "relative") or _moves_or_turns(declared) or layout in _OTHER_LAYOUTS:
        return "stops"
    if _margin(declared, "margin-top") is None or _margin(declared, "margin-bottom") is None:
        return "stops"
    if _keyword(declared, "float", "none") != "none" or layout not in _BLOCKS:
        return "inline"
    return "block"


def _height(declared: Mapping[str, Declaration], content: float | None, paddings: float) -> float:
    """The least height (px) of a block's box, paddings included: by its `height` (at most its
    `max-height`, at least its `min-height`) where set in px, else by its content's least height
    (`content`, None when not read) as far as a `max-height` lets it be."""
    least = _px(declared.get("min-height")) or 0.0
    found = (_px(declared["height"]) or 0.0) if "height" in declared else (content or 0.0)
    if "max-height" in declared:
        found = min(found, _px(declared["max-height"]) or 0.0)
    found = max(found, least)
    sizing = _keyword(declared, "box-sizing", "content-box")
    return found + paddings if sizing == "content-box" else max(found, paddings)


def _layout(element: Any, declared: Mapping[str, Declaration]) -> str:
    """The element's `display`, its tag's (`block` or `inline`) where none is set."""
    declaration = declared.get("display")
    if declaration is None:
        return "block" if element.tag in BLOCK_TAGS else "inline"
    return display_keyword(declaration) or "unknown"


def _moves_or_turns(declared: Mapping[str, Declaration]) -> bool:
    """True when the box may be moved from where the flow puts it: offsets on a relative box, a
    transform."""
    if any(_keyword(declared, name, "none") != "none" for name in ("transform", "translate", "rotate", "scale")):
        return True
    relative = "position" in declared and declared["position"].keyword == "relative"
    return relative and any(name in declared for name in ("top", "bottom", "inset"))


def _keyword(declared: Mapping[str, Declaration], name: str, default: str) -> str:
    """The keyword a property is set to; `default` where it is not set; empty for another value."""
    declaration = declared.get(name)
    if declaration is None:
        return default
    return declaration.keyword or ""


def _margin(declared: Mapping[str, Declaration], name: str) -> float | None:
    """A top or bottom margin (px: `margin-top`, `margin-bottom`) by its longhand or the `margin`
    shorthand, the larger of both; 0 for one not in px (`auto`, `em`); None for one that may be
    negative (a negative length or percentage, a function), which may pull what follows up."""
    found = 0.0
    for declaration in (declared.get(name), declared.get("margin")):
        if declaration is None or not declaration.values:
            continue
        values = declaration.values
        # The shorthand's top is its first value; its bottom its third, else its first.
        token = values[2] if declaration.name == "margin" and name == "margin-bottom" and len(values) >= 3 else values[0]
        if token.type == "function" or (token.type in ("dimension", "number", "percentage") and token.value < 0):
            return None
        absolute = token.type == "number" or (token.type == "dimension" and token.lower_unit in _ABSOLUTE_UNITS)
        found = max(found, (length_px(token) or 0.0) if absolute else 0.0)
    return found


# The units of a length that does not depend on a font or the screen (`em` margins are read by the
# font in force: `_Reading._block`).
_ABSOLUTE_UNITS = frozenset({"px", "pt", "pc", "in", "cm", "mm", "q"})


def _px(declaration: Declaration | None) -> float | None:
    """A length in px (or 0); None for anything else."""
    if declaration is None or len(declaration.values) != 1:
        return None
    token = declaration.values[0]
    if token.type == "dimension" and token.lower_unit != "px":
        return None
    return length_px(token)
