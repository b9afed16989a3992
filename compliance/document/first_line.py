"""The first line of a block: what a `::first-line` rule (also written `:first-line`) paints it
with (CSS Pseudo-Elements 4, 3.1). `.byline::first-line { color: #fff }` on a white page leaves a
one-line byline unseen, while the lines after the first (an affiliation after a `<br>`) show.

Which words are on the first line depends on a layout the checker does not make; it reads those
it can be sure of, so as never to hide words a reader sees (`first_line_pieces`):

- the block's content up to the first forced break (a `<br>`, the start of a block inside it),
  through the plain inline boxes on the way (`<span>`, `<a>`, `<b>`…), when it fits the line:
  each character at the widest the common faces draw it, regular or bold (`text_width`: 0.65em
  to 1.15em a Latin character, one em a Han character), at the largest font size among them,
  within the width set on the block or the ancestors it is as wide as, or the narrowest column
  read elsewhere where none is set (`paint_order.fits_the_line`), with no letter or word spacing
  that widens it, and no `text-indent` moving the line's start;
- otherwise its first word alone (the first line holds at least one), unless a rule of the page
  may break a word (`word-break: break-all`, `overflow-wrap: anywhere`, `hyphens`); the first
  word alone too where a `text-indent` on the block or an ancestor moves the line's start;
- nothing after an image, an inline block, a float, a box placed out of the flow, a `<wbr>`, or
  an element the checker does not know the box of: where the line breaks is not worked out past
  them. A block that holds nothing before its first block passes its first line on to that block
  (`<div class=by><p>By …</p></div>`), as Chromium does.

The rule applies to block containers only (`block`, `inline-block`, `list-item`, `flow-root`, a
table cell or caption, or an inline box made a block by a float or an absolute position); on an
inline box, or a flex or grid container, it does nothing. Of its declarations only those
Chromium applies to the first line and that can hide text or show it again are read (`color`,
`font-size`, `font`, `visibility`, `text-shadow`): Chromium draws the first line without its
`opacity`, `-webkit-text-fill-color` or `-webkit-text-stroke`. The first line's words inherit
from it as from an inline box around them, under the boxes in them: a `<span>` on the line that
sets its own colour, or a link in the browser's link colour, is drawn in that colour. A
`::first-letter` styles one letter and hides no name: it is not read.

Rules are read and ranked as every other rule of the page (`css.parse_style_sheet`,
`visibility.rule_precedence`): `!important`, cascade layers, specificity, order, in blocks every
screen meets (`@media screen`); a rule only some screens meet (`@media (max-width: 600px)`) or
in `@scope` is not read (it may hide for some readers only).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from compliance.document.visibility import PageStyle, Rendering

from compliance.document.css import Declaration, display_keyword, parse_style_sheet
from compliance.document.elements import BLOCK_TAGS, PLAIN_INLINE_TAGS

# The properties of a `::first-line` rule read here: those Chromium applies to the first line
# that can hide its words (a colour, a zero font size, `visibility`) or show them again (a text
# shadow). Checked against Chromium: `opacity`, `-webkit-text-fill-color` and
# `-webkit-text-stroke` in such a rule change nothing it draws.
FIRST_LINE_PROPERTIES = frozenset({"color", "font-size", "font", "visibility", "text-shadow"})

# A `first-line` pseudo-element in a selector, written with one colon or two.
_FIRST_LINE = re.compile(r":first-line\b", re.IGNORECASE)
_WANTED = frozenset({"first-line"})

# The `display` keywords of a block container (CSS Display 3, 2.4), whose first line a
# `::first-line` styles; a flex, grid or table container's box holds no lines of its own.
_BLOCK_CONTAINERS = frozenset({"block", "inline-block", "list-item", "flow-root", "inline-flow-root", "table-cell", "table-caption"})
# The elements the browser's own style sheet makes block containers.
_BLOCK_CONTAINER_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup html legend li main menu nav ol p pre search section summary ul
    td th caption""".split()
)
# The `display` keywords of a block-level box in the flow, which starts a line of its own.
_BLOCK_LEVEL = frozenset({"block", "list-item", "flow-root", "table", "flex", "grid", "-webkit-box"})
# What the page's CSS may break a word with, so that its first word is not surely whole on the first line.
_WORD_BREAKING = ("break-all", "anywhere", "break-word", "hyphens", "line-break")
# Characters after which a line may break inside a run of letters: hyphens, slashes, dashes, and
# the soft hyphen and zero-width space.
_BREAK_AFTER = frozenset("-/\u2010\u2012\u2013\u2014\u00ad\u200b")
# How a `::first-line` rule's declarations are ranked: as `visibility.rule_precedence` ranks them.
Ranked = list[tuple[Any, Declaration]]


def first_line_rules(root: Any, sheets: Sequence[str]) -> dict[Any, Ranked]:
    """The declarations of `FIRST_LINE_PROPERTIES` that `::first-line` rules of the `<style>`
    blocks (`sheets`) give each element they match, ranked as the page's other rules are (see
    the module's doc); empty when no block names `first-line` (the gate: a page without one
    pays one search of its style sheets). Whether the element is a block container is left to
    the walk (`block_container`). Never raises."""
    if not any(_FIRST_LINE.search(sheet) for sheet in sheets):
        return {}
    # The cascade's ranking lives with the page's style, which reads this module's findings.
    from compliance.document.generated import _matches
    from compliance.document.visibility import _layer_ranks, _own_anonymous_layer, rule_precedence

    rules = [_own_anonymous_layer(rule, number) for number, sheet in enumerate(sheets) for rule in parse_style_sheet(sheet)]
    ranks = _layer_ranks(rules)
    found: dict[Any, Ranked] = {}
    for order, rule in enumerate(rules):
        declarations = [d for d in rule.declarations if d.name in FIRST_LINE_PROPERTIES]
        if not declarations or rule.conditional or rule.scope is not None or not _FIRST_LINE.search(rule.selectors):
            continue
        for _, element, specificity in _matches(root, rule.selectors, _WANTED):
            entries = found.setdefault(element, [])
            entries.extend((rule_precedence(rule, d.important, specificity, order, ranks), d) for d in declarations)
    return found


# What the page's CSS may draw text wider with than its characters' widest advances (see
# `text_width`): spacing between words, a wider face, full-width forms; and capitals or small
# capitals, wider than lower case.
_WIDENING_TEXT = ("word-spacing", "font-stretch", "font-width", "full-width")
_CAPITALISING = ("uppercase", "capitalize", "small-caps", "petite-caps", "unicase", "titling-caps")


def text_widening(lowered: str) -> bool | None:
    """How the page's CSS (`lowered`: its style sheets and `style` attributes, lowered) may draw
    text wider than its characters' widest advances, read on the page as a whole (these are rare
    on a byline): None when it names a spacing of words, a wider face or full-width forms (the
    width of a line is then not bounded); True when it names capitals or small caps
    (`text-transform: uppercase`: its lines are read as capitals); else False."""
    if any(word in lowered for word in _WIDENING_TEXT):
        return None
    return any(word in lowered for word in _CAPITALISING)


def may_break_words(lowered: str) -> bool:
    """True when the page's CSS (`lowered`: its style sheets and `style` attributes, lowered)
    names something that may break a word across lines (`_WORD_BREAKING`)."""
    return any(word in lowered for word in _WORD_BREAKING)


def block_container(layout: Mapping[str, Declaration], tag: str) -> bool:
    """True when an element with this `display`, `float` and `position` (`layout`, as the
    cascade leaves them) is a block container (`_BLOCK_CONTAINERS`): by its `display`, by its
    tag's where it sets none, or as an inline box a float or an absolute position makes a block."""
    position, floating = layout.get("position"), layout.get("float")
    out_of_line = (position is not None and position.keyword in ("absolute", "fixed")) or (floating is not None and floating.keyword not in (None, "none"))
    display = layout.get("display")
    if display is None:
        return tag in _BLOCK_CONTAINER_TAGS or (out_of_line and tag in PLAIN_INLINE_TAGS)
    keyword = display_keyword(display)
    return keyword in _BLOCK_CONTAINERS or (out_of_line and keyword == "inline")


class Piece(NamedTuple):
    """A run of text of the page that may be on a block's first line: the node it belongs to
    (`node`: an element for its text, the element or comment before it for a tail), whether it
    is a tail, the text, and the element whose box it is laid out in (`owner`)."""

    node: Any
    tail: bool
    text: str
    owner: Any


class Line(NamedTuple):
    """What a block's first line surely holds, read up to the first forced break (`pieces`);
    `complete`: the line ends there, at a `<br>`, a block or the block's end (not at something
    whose width is not known); `block`: the innermost block the line is laid out in;
    `generated`: the number of characters `::before` and `::after` add to it."""

    pieces: tuple[Piece, ...]
    complete: bool
    block: Any
    generated: int


def read_line(block: Any, flow: Callable[[Any], str], generated: Mapping[Any, tuple[str, str]] | None) -> Line:
    """The text surely on the first line of `block` (see `Line`), read in document order.
    `flow(element)` says how a child lays out: "break" (`<br>`), "inline" (a plain inline box,
    read through), "block" (a block-level box in the flow), "none" (no box), or "other"
    (anything whose width or place on the line is not known: the reading stops)."""
    pieces: list[Piece] = []
    state = _Reading(pieces, flow, generated or {})
    complete = state.read(block, block) != "stopped"
    return Line(tuple(pieces), complete, state.block, state.generated)


class _Reading:
    """The state of `read_line`: the pieces found, the innermost block, the generated characters."""

    def __init__(self, pieces: list[Piece], flow: Callable[[Any], str], generated: Mapping[Any, tuple[str, str]]) -> None:
        self.pieces = pieces
        self.flow = flow
        self.generated_text = generated
        self.generated = 0
        self.block: Any = None

    def _empty(self) -> bool:
        return self.generated == 0 and all(not piece.text.strip() for piece in self.pieces)

    def read(self, element: Any, block: Any) -> str:
        """Read the element's content (in the box of `block`): "ended" at a forced break (the
        line ends there), "stopped" at something not known (where the line ends is not known),
        "open" at the element's end, when the line may go on after it. (A block reached is read
        into only when nothing came before it: its first line is the block's; its end ends it.)"""
        if element is block:
            self.block = block
        before, after = self.generated_text.get(element, ("", ""))
        self.generated += len(before)
        self.pieces.append(Piece(element, False, element.text or "", element))
        for child in element:
            kind = self.flow(child) if isinstance(child.tag, str) else "none"
            if kind == "block" and self._empty():
                return "stopped" if self.read(child, child) == "stopped" else "ended"
            if kind in ("break", "block"):
                return "ended"
            if kind == "other":
                return "stopped"
            if kind == "inline" and (found := self.read(child, block)) != "open":
                return found
            self.pieces.append(Piece(child, True, child.tail or "", element))
        self.generated += len(after)
        return "open"


def first_word_length(texts: Sequence[str]) -> list[int]:
    """How many characters of each text, read one after the other, the first word takes: the
    letters and digits (and apostrophes, full stops) from the first that is not white space up
    to the first character after which a line may break (white space, a hyphen, a slash:
    `_BREAK_AFTER`); a wide character (Han, kana, Hangul), after which a line may break too,
    ends the word after itself."""
    lengths: list[int] = []
    started = ended = False
    for text in texts:
        taken = 0
        for char in text:
            if ended:
                break
            if not started and char.isspace():
                taken += 1
                continue
            if char.isspace() or char in _BREAK_AFTER:
                ended = True
                break
            started = True
            taken += 1
            if unicodedata.east_asian_width(char) in ("W", "F"):
                ended = True
        lengths.append(taken)
    return lengths


def surely_first(line: Line, fits: bool, *, whole_words: bool) -> Iterator[tuple[Piece, int]]:
    """Each piece of the line with how many of its characters are surely on the first line: all
    of them when the line fits (`fits`) and ends at a forced break; else the first word's
    (`first_word_length`) when no word may break (`whole_words`); else none."""
    if fits and line.complete:
        for piece in line.pieces:
            yield piece, len(piece.text)
        return
    if not whole_words or line.generated:
        return  # (words a `::before` generates come first, and are not read here)
    lengths = first_word_length([piece.text for piece in line.pieces])
    for piece, length in zip(line.pieces, lengths, strict=True):
        if length:
            yield piece, length


# What decides how an element lays out on a line.
_LAYOUT = ("display", "float", "position")
# The elements that make no box (a `<noscript>` as a reader with scripts on sees it).
_NO_BOX_TAGS = frozenset({"script", "style", "template", "noscript", "head", "title", "meta", "link", "base"})
# How a nested block is laid out that starts a line of its own, by its `display`: one whose
# first line a `::first-line` of the block around it reaches (a block container), and others.
_BLOCKS_READ_INTO = frozenset({"block", "list-item", "flow-root"})


def child_flow(child: Any, style: PageStyle) -> str:
    """How a child of a block, or of an inline box on its first line, lays out (for `read_line`),
    by its tag and the `display`, `float` and `position` the cascade leaves it (matched on demand)."""
    tag = child.tag
    if tag == "br":
        return "break"
    if tag in _NO_BOX_TAGS:
        return "none"
    if child.get("hidden") is not None:
        return "other"  # (CSS may show it again: its box is not known)
    layout = style.on_demand(child, _LAYOUT)
    display = layout.get("display")
    keyword = "" if display is None else display_keyword(display)
    if keyword == "none":
        return "none"
    position, floating = layout.get("position"), layout.get("float")
    if (position is not None and position.keyword in ("absolute", "fixed")) or (floating is not None and floating.keyword not in (None, "none")):
        return "other"
    if keyword == "inline" or (not keyword and tag not in BLOCK_TAGS):
        return "inline" if tag in PLAIN_INLINE_TAGS else "other"
    if keyword in _BLOCKS_READ_INTO or (not keyword and tag in _BLOCK_CONTAINER_TAGS):
        return "block"
    return "break" if keyword in _BLOCK_LEVEL or not keyword else "other"


def unseen_first_line(
    block: Any, tag: str, rendering: Rendering, style: PageStyle, rendering_of: Callable[[Any, Rendering], Rendering]
) -> dict[tuple[Any, bool], int]:
    """The words a `::first-line` rule of `block` (one of `style.first_lines`) leaves unseen:
    for each text (its node and whether it is a tail, as `Piece` has them) surely on the block's
    first line (`read_line`, `surely_first`) that the first line's box, or a box inside it that
    inherits from it, does not show (`Rendering.shows_text`), how many of its leading
    characters. `rendering`: how the block shows; `rendering_of(element, inherited)`: how an
    element shows inside a box that shows as `inherited` (the walk's reading). Empty when the
    block is not a block container, or in a box that shows one line only (`Rendering.one_line`)."""
    from compliance.document.paint_order import fits_the_line
    from compliance.document.visibility import render

    if rendering.one_line is not None or not block_container(style.on_demand(block, _LAYOUT), tag):
        return {}
    line = read_line(block, lambda child: child_flow(child, style), style.generated)
    renderings = {block: render(style.first_lines[block], "span", rendering, style)}
    pieces = _with_renderings(line.pieces, renderings, style, rendering_of)
    line = line._replace(pieces=pieces, complete=line.complete and len(pieces) == len(line.pieces))
    font_px = max(rendering.font_px, *(shown.font_px for shown in renderings.values()))
    # The words `::before` and `::after` add are not read: each counts as a wide capital.
    text = "".join(piece.text for piece in pieces) + "W" * line.generated
    inner = [owner for owner in renderings if owner is not block]
    # An indent moves where the line starts, by an amount not read here: its first word is on it still.
    fits = rendering.indent is None and not _indented(line.block, style) and fits_the_line(line.block, style, text, font_px, inner)
    first = surely_first(line, fits, whole_words=not style.words_may_break)
    return {(piece.node, piece.tail): count for piece, count in first if not renderings[piece.owner].shows_text}


def _with_renderings(
    pieces: Sequence[Piece], renderings: dict[Any, Rendering], style: PageStyle, rendering_of: Callable[[Any, Rendering], Rendering]
) -> tuple[Piece, ...]:
    """The pieces, up to the first whose box's reading stops the line's (a box inside that shows
    one line only, whose lines the walk reads apart), with how each box they are laid out in
    shows on the first line put in `renderings`: inheriting from its parent's first-line
    reading, and from its own `::first-line` box too when it is a block with one."""
    from compliance.document.visibility import render

    for number, piece in enumerate(pieces):
        owner = piece.owner
        if owner in renderings:
            continue
        shown = rendering_of(owner, renderings[owner.getparent()])
        if owner in style.first_lines:
            shown = render(style.first_lines[owner], "span", shown, style)
        if shown.one_line is not None:
            return tuple(pieces[:number])
        renderings[owner] = shown
    return tuple(pieces)


def _indented(block: Any, style: PageStyle) -> bool:
    """True when the block or an ancestor (the property inherits) sets a `text-indent` other than 0."""
    boxes = [block, *block.iterancestors()]
    for declared in style.on_demand_of(boxes, ("text-indent",)):
        indent = declared.get("text-indent")
        if indent is not None and not (
            len(indent.values) == 1 and indent.values[0].type in ("number", "dimension", "percentage") and indent.values[0].value == 0
        ):
            return True
    return False
