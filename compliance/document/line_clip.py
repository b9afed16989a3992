"""What a box that clips its one line of text leaves unseen of it, read without a layout and as a
lower bound, never hiding a word a reader's browser shows (CSS Overflow 3; CSS Text 3, 5):

- a box that keeps its text on one line (`white-space: nowrap` or `pre`, `text-wrap-mode:
  nowrap`, on it or inherited) and clips what overflows it across (`overflow` or `overflow-x`
  `hidden` or `clip`; `text-overflow: ellipsis` only draws "…" over what is cut): the words that
  start at or past its right edge, its `width` or `max-width` (in `px`, `em` or `ch`) with its
  right padding (a word cut in two by the edge is kept);
- a box that shows one line only (`clipping.one_line_box`: `height: 1.2em; overflow: hidden`)
  whose text surely wraps at its `width` or `max-width`: the words on a later line.

Where a word starts and ends is read at the narrowest its characters are drawn
(`text_width.narrowest_ems`; against a width in `ch`, `narrowest_ch`) at the font size of the
box (a box on the line with a font size of its own is not read), so a word is cut only when
even then it is past the edge (a byline "By Jake Smith, Daily Caller News Foundation" in a
nowrap box 110px wide at 16px keeps "By Jake Smith, Daily Caller" at most, where Chromium shows
"By Jake Smith, Dai…"); a word is cut whole, from the last place a line may break before it (a
space, a hyphen, a slash; after a Han character), and all that follows it on the line. The text
read is the box's first line (`first_line.read_line`: up to a `<br>` or an inner block, through
plain inline boxes; nothing after an image or another box whose width is not known), where text
begins the box or its first element. The boxes that cut some words are kept (`Clipped.boxes`),
for a report to name.

Not read (nothing is cut): a width in a percentage or another unit, a `min-width`; a box that
is not a block container (an inline box, a flex or grid container); text whose font size is
not worked out down the tree (`visibility._font_down_the_tree`); a line moved by a `text-indent`,
aligned other than to the left, laid out right to left (`direction`, a `dir` attribute, a
letter of a right-to-left script), or spaced closer (`letter-spacing` or `word-spacing` on the
box, an ancestor or a box on the line); a box on the line with a margin, a position or a
transform of its own; a wrapping box on a page whose CSS may break a word
(`first_line.may_break_words`). Each property is read by every rule and by those every screen
meets: both readings must cut.

The gate: a page whose CSS (its `<style>` blocks and `style` attributes) does not name an
`overflow` that is `hidden` or `clip` with a `width` pays one search of its lowered CSS text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from compliance.document.clipping import one_line_box, overflow_axes, padding_px
from compliance.document.css import Declaration
from compliance.document.first_line import _BREAK_AFTER, Piece, block_container, child_flow, may_break_words, read_line
from compliance.document.text_width import narrowest_ch, narrowest_ems

if TYPE_CHECKING:
    from compliance.document.visibility import PageStyle

# What clips a line across or down, and what makes a box one that shows one line only.
_CLIPPING = ("overflow", "overflow-x", "overflow-y")
_CLIPS = frozenset({"hidden", "clip"})
# What the cheap test reads on every box (see `_may_cut`), and what is read on the box.
_SIZED = ("width", "max-width", "min-width")
_BOX = (
    *_CLIPPING,
    "width",
    "max-width",
    "min-width",
    "height",
    "max-height",
    "min-height",
    "line-height",
    "padding",
    "padding-right",
    "padding-bottom",
    "display",
    "float",
    "position",
    "columns",
    "column-count",
    "column-width",
    "writing-mode",
    "-webkit-line-clamp",
    "-webkit-box-orient",
)
# What is read on the box and its ancestors (inherited, or moving the line's start).
_INHERITED = ("white-space", "text-wrap-mode", "text-wrap", "font-size", "font", "letter-spacing", "text-indent", "text-align", "direction")
# What moves or narrows a box on the line, read on the boxes inside it.
_ON_THE_LINE = ("font-size", "font", "letter-spacing", "margin", "margin-left", "margin-right", "position", "left", "right", "inset", "transform", "translate")
_ALIGNED_LEFT = frozenset({"left", "start", "justify", "-webkit-left", "initial"})
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})
# A cut: for each text of a box's first line (its node and whether it is a tail, as
# `first_line.Piece` has them), how many of its leading characters may show.
Cut = dict[tuple[Any, bool], int]
Generated = Mapping[Any, tuple[str, str]] | None


def may_clip_lines(lowered: str) -> bool:
    """The cheap test of a page's CSS text (lowered, `style` attributes with it): it names an
    `overflow` that may cut off (`hidden`, `clip`) and a width."""
    return "overflow" in lowered and "width" in lowered and ("hidden" in lowered or "clip" in lowered)


class Clipped(NamedTuple):
    """What boxes that clip their one line leave unseen of it: for each text cut, the characters
    that may show (`cut`); and the boxes that cut some (`boxes`), which a report names."""

    cut: Cut
    boxes: frozenset[Any] = frozenset()


def clipped_lines(boxes: Sequence[Any], unwrapped: frozenset[Any], style: PageStyle, lowered: str, generated: Generated) -> Clipped:
    """What the clipping `boxes` (those whose CSS may set an `overflow`) leave unseen of their
    first lines (see the module's doc, and `Clipped`).
    `unwrapped`: the elements whose CSS may keep their lines from wrapping (`nowrap`, `pre`);
    `generated`: the words `::before` and `::after` add (`generated.generated_text`). The boxes'
    own declarations are read together, and the ancestors' only for those that may cut
    (`_may_cut`)."""
    elements = [box for box in boxes if isinstance(box.tag, str) and _begins_with_text(box)]
    if not elements:
        return Clipped({})
    # (The few properties of the cheap test first, on every box; the rest on those it keeps.)
    sized = [style.on_demand_of(elements, _SIZED, every_screen=every) for every in (False, True)]
    kept = [box for box, *own in zip(elements, *sized, strict=True) if all(_width_at_most(declared, 16.0) for declared in own)]
    if not kept:
        return Clipped({})
    readings = [style.on_demand_of(kept, _BOX, every_screen=every) for every in (False, True)]
    found: Cut = {}
    cutting: list[Any] = []
    wrapping_read = not may_break_words(lowered)
    for box, *own in zip(kept, *readings, strict=True):
        if all(_may_cut(box, declared, unwrapped) for declared in own):
            cut = _clipped(box, own, style, generated, wrapping_read=wrapping_read)
            if cut:
                found.update(cut)
                cutting.append(box)
    return Clipped(found, frozenset(cutting))


def _begins_with_text(box: Any) -> bool:
    """The cheapest test of a box: text begins it, or its first element, before anything else
    (a layout box of blocks, an advertisement's frame, is not read: no line of text is cut there)."""
    if (box.text or "").strip():
        return True
    first = next((child for child in box if isinstance(child.tag, str)), None)
    return first is not None and bool((first.text or "").strip() or (first.tail or "").strip())


# A font size larger than a byline's: a box one line high at it is one at any smaller (a height in
# `px` is one line of a font at least 1/1.2 of it), the cheap test of `_may_cut`.
_LARGE_FONT_PX = 80.0


def _may_cut(box: Any, declared: Mapping[str, Declaration], unwrapped: frozenset[Any]) -> bool:
    """The cheap test of a box, by its own declarations: it sets itself a `width` or `max-width`
    that `_width_at_most` reads, and clips across where it or an ancestor may keep its lines
    from wrapping (`unwrapped`), or clips down at one line of some font size."""
    if not _width_at_most(declared, 16.0):
        return False
    across, down = overflow_axes(declared)
    if across in _CLIPS and unwrapped and (box in unwrapped or any(ancestor in unwrapped for ancestor in box.iterancestors())):
        return True
    return down in _CLIPS and one_line_box(declared, _LARGE_FONT_PX, box.tag.lower())


def _clipped(box: Any, own: Sequence[Mapping[str, Declaration]], style: PageStyle, generated: Generated, *, wrapping_read: bool) -> Cut:
    """What one box leaves unseen of its first line (`Cut`), by each reading of its own
    declarations (`own`: by every rule, by those every screen meets); empty when it cuts nothing,
    or when that is not read."""
    chain = [*reversed(list(box.iterancestors())), box]
    readings = [(declared, style.on_demand_of(chain, _INHERITED, every_screen=every)) for declared, every in zip(own, (False, True), strict=True)]
    cuts = [_cut_of(box, declared, inherited, style, generated, wrapping_read=wrapping_read) for declared, inherited in readings]
    if not cuts[0] or not cuts[1]:
        return {}
    # Both readings cut: the one that keeps more counts.
    return {key: max(cuts[0][key], cuts[1][key]) for key in cuts[0].keys() & cuts[1].keys()}


def _cut_of(
    box: Any, own: Mapping[str, Declaration], inherited: Sequence[Mapping[str, Declaration]], style: PageStyle, generated: Generated, *, wrapping_read: bool
) -> Cut:
    """The cut of a box by one reading of its declarations (`own`; `inherited`: the root's down to
    the box's)."""
    from compliance.document.visibility import _font_down_the_tree

    tag = box.tag.lower()
    if not block_container(own, tag) or _moved_or_reversed(box, inherited):
        return {}
    font_px = _font_down_the_tree(inherited)
    if font_px is None or font_px <= 0.0:
        return {}  # (text of no size shows nothing: `visibility` reads it)
    across, down = overflow_axes(own)
    nowrap = _keeps_one_line(inherited)
    if nowrap and across in _CLIPS:
        padding = padding_px(own, "padding-right", font_px)
        if padding is None:
            return {}
        rooms = [(amount + padding / font_px, "em") if unit == "em" else (amount, unit) for amount, unit in _width_at_most(own, font_px)]
        return _cut_line(box, style, generated, rooms, wrapping=False) if not padding or all(unit == "em" for _, unit in rooms) else {}
    if not nowrap and wrapping_read and down in _CLIPS and one_line_box(own, font_px, tag):
        return _cut_line(box, style, generated, _width_at_most(own, font_px), wrapping=True)
    return {}


def _moved_or_reversed(box: Any, inherited: Sequence[Mapping[str, Declaration]]) -> bool:
    """True when the line's start may be moved (a `text-indent`), its words set right, centred or
    right to left, or its letters drawn closer (see the module's doc), by the box or an ancestor."""
    for element, declared in zip((*reversed(list(box.iterancestors())), box), inherited, strict=True):
        if "text-indent" in declared or "direction" in declared or (element.get("dir") or "").strip().lower() in ("rtl", "auto"):
            return True
        align = declared.get("text-align")
        if align is not None and align.keyword not in _ALIGNED_LEFT:
            return True
        spacing = declared.get("letter-spacing")
        if spacing is not None and spacing.keyword != "normal":
            return True
    return False


def _keeps_one_line(inherited: Sequence[Mapping[str, Declaration]]) -> bool:
    """True when the nearest wrapping keyword down to the box keeps its text on one line."""
    for declared in reversed(inherited):
        for name in ("text-wrap-mode", "white-space", "text-wrap"):
            declaration = declared.get(name)
            if declaration is None:
                continue
            words = {token.lower_value for token in declaration.values if token.type == "ident"}
            if name == "text-wrap" and not words & {"nowrap", "wrap"}:
                continue  # (`balance`, `pretty`: the wrapping mode is another longhand's)
            return bool(words) and words <= {"nowrap", "pre", "collapse", "preserve"} and bool(words & {"nowrap", "pre"})
    return False


def _width_at_most(declared: Mapping[str, Declaration], font_px: float) -> list[tuple[float, str]]:
    """The most the box's content can be across by its own `width` and `max-width`, each as (an
    amount, its unit: `em`, in which `px` and `em` are read at the box's font size, or `ch`),
    with no `min-width` to widen it; none when neither is read."""
    if "min-width" in declared:
        return []
    found = []
    for name in ("width", "max-width"):
        values = declared[name].values if name in declared else ()
        token = values[0] if len(values) == 1 else None
        if token is None or token.type != "dimension" or token.lower_unit not in ("px", "em", "ch"):
            continue
        if token.lower_unit == "ch":
            found.append((float(token.value), "ch"))
        else:
            found.append((float(token.value) / (font_px if token.lower_unit == "px" else 1.0), "em"))
    return found


def _cut_line(box: Any, style: PageStyle, generated: Generated, rooms: Sequence[tuple[float, str]], *, wrapping: bool) -> Cut:
    """The cut of the box's first line at the narrowest of `rooms` (each an amount and its unit,
    `em` or `ch`: see the module's doc and `_first_cut`); `wrapping`: the line wraps (its first
    word is on it however long), else it runs on."""
    if not rooms:
        return {}
    line = read_line(box, lambda child: child_flow(child, style), generated)
    inner = list(dict.fromkeys(piece.owner for piece in line.pieces if piece.owner is not box))
    if inner:
        declared = style.on_demand_of(inner, _ON_THE_LINE)
        if any(declared_here for declared_here in declared):
            return {}  # (a box on the line sized or moved: not read)
    texts = [piece.text for piece in line.pieces]
    if any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for text in texts for char in text):
        return {}
    cuts = [at for room, unit in rooms if (at := _first_cut(texts, room, narrowest_ch if unit == "ch" else narrowest_ems, wrapping=wrapping)) is not None]
    return _keeping(line.pieces, min(cuts)) if cuts else {}


def _first_cut(texts: Sequence[str], room: float, narrowest: Callable[[str], float], *, wrapping: bool) -> tuple[int, int] | None:
    """Where the first word cut begins (the text's index, the character's), each character read
    at its narrowest (`narrowest`, in the unit of `room`) and spaces collapsed as CSS collapses
    them: on a line that does not wrap, the first that starts at `room` or past it (one that starts before shows in part: it is kept);
    on one that wraps (`wrapping`), the first after the first word that ends past it (it is on a
    later line). None when no word is cut."""
    across = 0.0
    space_before = True  # (white space at the line's start is not drawn)
    start: tuple[int, int] | None = None
    words = 0
    after_break = True
    for number, text in enumerate(texts):
        for place, char in enumerate(text):
            if char.isspace():
                if not space_before:
                    across += narrowest(" ")
                space_before = after_break = True
                continue
            if after_break:
                start, words = (number, place), words + 1
                if not wrapping and across >= room:
                    return start
            space_before = after_break = False
            across += narrowest(char)
            if wrapping and across > room and words > 1:
                return start
            after_break = char in _BREAK_AFTER or unicodedata.east_asian_width(char) in ("W", "F")
    return None


def _keeping(pieces: Sequence[Piece], at: tuple[int, int]) -> Cut:
    """The cut from `at` (a text's index, a character's) to the end of the line's texts."""
    number, place = at
    cut: Cut = {(pieces[number].node, pieces[number].tail): place}
    cut.update({(piece.node, piece.tail): 0 for piece in pieces[number + 1 :]})
    return cut
