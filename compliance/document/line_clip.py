"""What a box that clips its one line of text leaves unseen of it, read without a layout and as a
lower bound, never hiding a word a reader's browser shows (CSS Overflow 3; CSS Text 3, 5):

- a box that keeps its text on one line (`white-space: nowrap` or `pre`, `text-wrap-mode:
  nowrap`, on it or inherited) and clips what overflows it across (`overflow` or `overflow-x`
  `hidden` or `clip`; `text-overflow: ellipsis` only draws "…" over what is cut): the words that
  start at or past its right edge, its `width` or `max-width` (in `px`, `em` or `ch`) with its
  right padding (a word cut in two by the edge is kept);
- a box that shows one line only (`clipping.one_line_box`: `height: 1.2em; overflow: hidden`)
  whose text surely wraps at its `width` or `max-width`: the words on a later line.

Where a word starts and ends is read at the narrowest its characters are drawn, at the least
font size the box's text may have (`_least_font_px`: its own or inherited down the tree, in an
absolute length, `em`, `%`, `rem`, a keyword at Chromium's size or a `font` shorthand's; a box
on the line with a font size of its own is not read): in the common faces, the least of the
line's widths in each of them (`text_width.common_face_ems`), on a page whose CSS names no other face, no narrower stretch
or small capitals and loads no face (`_page_faces`), where no element on the way is drawn in
another face by a browser's own style (`_OTHER_FACE_TAGS`: `<code>`, `<small>`…); elsewhere in
any face, condensed ones too (`text_width.narrowest_ems`); against a width in `ch`,
`narrowest_ch`; a capital the page may lower-case at the narrower of itself and its small
letter. So a word is cut only when even then it is past the edge (a byline "By Jake Smith,
Daily Caller News Foundation" in a nowrap box 110px wide at 16px keeps "By Jake Smith, Daily"
at most, where Chromium shows "By Jake Smith, Dai…"; "By Nick Pope, Daily Caller News
Foundation" at 12px in a box 140px wide loses "Foundation"); a word is cut whole, from the last place a
line may break before it (a space, a hyphen, a slash; after a Han character), and all that
follows it on the line. The text read is the box's first line (`first_line.read_line`: up to a
`<br>` or an inner block, through plain inline boxes; nothing after an image or another box
whose width is not known), where text begins the box or its first element. The boxes that cut
some words are kept (`Clipped.boxes`), for a report to name.

Not read (nothing is cut): a width in a percentage or another unit, a `min-width`; a box that
is not a block container (an inline box, a flex or grid container); text whose font size is
not worked out down the tree (`smaller`, `ex`, a `<font size>`; a `font` shorthand on a box one
line high, whose line height is not read); a line moved by a `text-indent`,
aligned other than to the left, laid out right to left (`direction`, a `dir` attribute, a
letter of a right-to-left script), or spaced closer (`letter-spacing` or `word-spacing` on the
box, an ancestor or a box on the line); a box on the line with a margin, a position, a zoom or a
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
from compliance.document.css_grammar import font_size_and_line_height
from compliance.document.first_line import _BREAK_AFTER, Piece, block_container, child_flow, may_break_words, read_line
from compliance.document.text_width import common_face_ems, narrowest_ch, narrowest_ems
from compliance.firstuse import on_first_use

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
_INHERITED = (
    "white-space",
    "text-wrap-mode",
    "text-wrap",
    "font-size",
    "font",
    "letter-spacing",
    "word-spacing",
    "text-indent",
    "text-align",
    "direction",
)
# What moves or narrows a box on the line, read on the boxes inside it.
_ON_THE_LINE = (
    "font-size",
    "font",
    "letter-spacing",
    "word-spacing",
    "zoom",
    "margin",
    "margin-left",
    "margin-right",
    "position",
    "left",
    "right",
    "inset",
    "transform",
    "translate",
)
# The families whose characters `text_width.narrowest_common_ems` bounds (lowered): the generic
# ones but `monospace` (a browser draws it at 13px where no size is set) and the common faces of
# like widths, each only on a page that loads no face of its own (`@font-face` may name one so).
# The page's CSS keeps none of the properties that choose a face (`css.FAMILIES`): its text is
# searched for them (`_page_faces`).
_COMMON_GENERIC = frozenset({"serif", "sans-serif", "system-ui", "ui-serif", "ui-sans-serif"})
_COMMON_FAMILIES = frozenset(
    {
        "arial",
        "helvetica",
        "helvetica neue",
        "times",
        "times new roman",
        "georgia",
        "verdana",
        "segoe ui",
        "roboto",
        "courier",
        "courier new",
        "liberation serif",
        "liberation sans",
        "liberation mono",
        "dejavu serif",
        "dejavu sans",
        "dejavu sans mono",
        "-apple-system",
        "blinkmacsystemfont",
    }
)
# The values of the properties that choose a face or draw its letters otherwise (`_NARROWING`,
# `text-transform`) that draw text no narrower (`uppercase` makes capitals).
_NOT_NARROWER = frozenset({"normal", "none", "initial", "unset", "inherit", "revert", "revert-layer", "uppercase", "capitalize", "100%"})
_FAMILY_VALUES = on_first_use(r"font-family\s*:([^;{}!]*)")
_FONT_VALUES = on_first_use(r"(?<![-\w])font\s*:([^;{}!]*)")
_TRANSFORM_VALUES = on_first_use(r"text-transform\s*:([^;{}!]*)")
_NARROWING = on_first_use(r"(?:font-stretch|font-width|font-variant[a-z-]*|font-size-adjust|font-feature-settings|font-variation-settings)\s*:([^;{}!]*)")
# The elements a browser's own style draws in another face (a monospaced or a form control's) or
# smaller, which the common faces' bounds are not read for.
_OTHER_FACE_TAGS = frozenset(
    {"font", "small", "sub", "sup", "code", "kbd", "samp", "tt", "pre", "listing", "xmp", "plaintext", "button", "input", "select", "textarea", "option"}
)
# The font sizes of the absolute keywords in Chromium (a `medium` of 16px), and the least share of
# its parent's font a browser's own style gives an element (`<small>`, `<sub>`, `<sup>`: `smaller`,
# a sixth less; `<h5>`, `<h6>`; a monospaced face's `medium` of 13px): the font is read at the
# least it may be, which never cuts a word that shows.
_KEYWORD_PX = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "large": 18.0, "x-large": 24.0, "xx-large": 32.0, "xxx-large": 48.0}
_SMALLER_BY_TAG = {
    "small": 1 / 1.2,
    "sub": 1 / 1.2,
    "sup": 1 / 1.2,
    "h5": 0.83,
    "h6": 0.67,
    **dict.fromkeys(("code", "kbd", "samp", "tt", "pre", "listing", "xmp"), 13 / 16),
}
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
    faces = _page_faces(lowered)
    for box, *own in zip(kept, *readings, strict=True):
        if all(_may_cut(box, declared, unwrapped) for declared in own):
            cut = _clipped(box, own, style, generated, wrapping_read=wrapping_read, faces=faces)
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


def _clipped(
    box: Any, own: Sequence[Mapping[str, Declaration]], style: PageStyle, generated: Generated, *, wrapping_read: bool, faces: tuple[bool, bool]
) -> Cut:
    """What one box leaves unseen of its first line (`Cut`), by each reading of its own
    declarations (`own`: by every rule, by those every screen meets); empty when it cuts nothing,
    or when that is not read."""
    chain = [*reversed(list(box.iterancestors())), box]
    readings = [(declared, style.on_demand_of(chain, _INHERITED, every_screen=every)) for declared, every in zip(own, (False, True), strict=True)]
    cuts = [_cut_of(box, declared, inherited, style, generated, wrapping_read=wrapping_read, faces=faces) for declared, inherited in readings]
    if not cuts[0] or not cuts[1]:
        return {}
    # Both readings cut: the one that keeps more counts.
    return {key: max(cuts[0][key], cuts[1][key]) for key in cuts[0].keys() & cuts[1].keys()}


def _cut_of(
    box: Any,
    own: Mapping[str, Declaration],
    inherited: Sequence[Mapping[str, Declaration]],
    style: PageStyle,
    generated: Generated,
    *,
    wrapping_read: bool,
    faces: tuple[bool, bool],
) -> Cut:
    """The cut of a box by one reading of its declarations (`own`; `inherited`: the root's down to
    the box's); `faces`: whether the page draws its text in the common faces only, and may
    lower-case it (`_page_faces`)."""
    tag = box.tag.lower()
    if not block_container(own, tag) or _moved_or_reversed(box, inherited):
        return {}
    across, down = overflow_axes(own)
    nowrap = _keeps_one_line(inherited)
    chain = [*reversed(list(box.iterancestors())), box]
    # (A `font` shorthand sets a line height too, which a box one line high is not read with.)
    font_px = _least_font_px(chain, inherited, shorthand=nowrap and across in _CLIPS)
    if font_px is None or font_px <= 0.0:
        return {}  # (text of no size shows nothing: `visibility` reads it)
    common, lowering = faces
    common = common and not _other_face_in(chain)
    if nowrap and across in _CLIPS:
        return _cut_unwrapped(box, own, style, generated, font_px, faces=(common, lowering))
    if not nowrap and wrapping_read and down in _CLIPS and one_line_box(own, font_px, tag):
        return _cut_line(box, style, generated, _width_at_most(own, font_px), wrapping=True, faces=(common, lowering))
    return {}


def _other_face_in(chain: Sequence[Any]) -> bool:
    """True when an element of `chain` is one a browser draws in a face of its own (`_OTHER_FACE_TAGS`)."""
    return any(isinstance(element.tag, str) and element.tag.lower() in _OTHER_FACE_TAGS for element in chain)


def _cut_unwrapped(box: Any, own: Mapping[str, Declaration], style: PageStyle, generated: Generated, font_px: float, *, faces: tuple[bool, bool]) -> Cut:
    """The cut (`Cut`) of a box that keeps its line from wrapping and clips across, by its width
    and right padding (`own`) at its font size `font_px`; empty when the padding, or a width of
    other units beside one, is not read."""
    padding = padding_px(own, "padding-right", font_px)
    if padding is None:
        return {}
    rooms = [(amount + padding / font_px, "em") if unit == "em" else (amount, unit) for amount, unit in _width_at_most(own, font_px)]
    read = not padding or all(unit == "em" for _, unit in rooms)
    return _cut_line(box, style, generated, rooms, wrapping=False, faces=faces) if read else {}


def _least_font_px(chain: Sequence[Any], inherited: Sequence[Mapping[str, Declaration]], *, shorthand: bool) -> float | None:
    """The least font size (px) the last of `chain` (each element from the root down, with its
    declarations `inherited`) may be drawn at: its `font-size`, or the size of a `font` shorthand
    (`shorthand`: where its line height is not read), in px or another absolute length, `em`,
    `%`, `rem` or an absolute keyword, down the tree from the 16px root; the smaller size a
    browser's own style gives an element that sets none (`_SMALLER_BY_TAG`). None where one is
    not worked out (`smaller`, `ex`, a function, a `<font size>`), or both a `font` and a
    `font-size` are set on one element (which is later is not known here)."""
    font_px = root_px = 16.0
    for depth, (element, declared) in enumerate(zip(chain, inherited, strict=True)):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        size, font = declared.get("font-size"), declared.get("font")
        token: Any = None
        if font is not None:
            parsed = font_size_and_line_height(font.values) if shorthand and size is None else None
            if parsed is None:
                return None
            token = parsed[0]
        elif size is not None:
            token = size.values[0] if len(size.values) == 1 else None
            if token is None:
                return None
        elif tag == "font" and element.get("size") is not None:
            return None
        found = _font_px_by(token, tag, font_px, root_px)
        if found is None:
            return None
        font_px = found
        if depth == 0:
            root_px = font_px
    return font_px


def _font_px_by(token: Any, tag: str, font_px: float, root_px: float) -> float | None:
    """The font size (px) of an element of `tag` whose own size is `token` (a `font-size` value, or
    None where it sets none: the browser's own, `_SMALLER_BY_TAG`), in a parent of `font_px` and a
    root of `root_px`; None where it is not worked out here."""
    from compliance.document.visibility import _font_size

    if token is None:
        return font_px * _SMALLER_BY_TAG.get(tag, 1.0)
    if token.type == "ident":
        keyword = token.lower_value
        if keyword in _KEYWORD_PX or keyword == "initial":
            return _KEYWORD_PX.get(keyword, 16.0)
        if keyword not in ("inherit", "unset", "revert", "revert-layer"):
            return None  # (`smaller`, `larger`, a system font's)
        return font_px
    if token.type == "dimension" and token.lower_unit not in ("em", "rem", *_ABSOLUTE_UNITS):
        return None  # (`ex`, `ch`, `cap`: of the face's own measures, not read here)
    return _font_size(Declaration("font-size", (token,), False), font_px, root_px)


_ABSOLUTE_UNITS = ("px", "pt", "pc", "in", "cm", "mm", "q")


def _page_faces(lowered: str) -> tuple[bool, bool]:
    """What the page's CSS (`lowered`: its style sheets and `style` attributes, lowered) says of the
    faces its text is drawn in, read on the page as a whole (the properties that choose a face
    are not kept per element: `css.FAMILIES`): whether every family it names, by `font-family` or
    the `font` shorthand, is a generic one but `monospace` or a common face (`_COMMON_FAMILIES`:
    not on a page that loads faces of its own with `@font-face`), and none of its values draws
    letters narrower (a condensed stretch, small capitals, an aspect, features or variations of
    a face: `_NARROWING`), so that `text_width.narrowest_common_ems` bounds its characters; and
    whether it may lower-case text (a `text-transform` but `none`, `uppercase` or `capitalize`)."""
    loaded = "@font-face" in lowered
    common = not any(not _unnarrowed(value) for value in _NARROWING().findall(lowered))
    for kind, pattern in (("font-family", _FAMILY_VALUES), ("font", _FONT_VALUES)):
        if not common:
            break
        for value in pattern().findall(lowered):
            declared = _read_value(kind, value)
            if declared is not None and not _common_value(declared, loaded=loaded):
                common = False
                break
    lowering = any(not _unnarrowed(value) for value in _TRANSFORM_VALUES().findall(lowered))
    return common, lowering


def _common_value(declared: Declaration, *, loaded: bool) -> bool:
    """True when a `font-family` or `font` declaration names only common families (see
    `_page_faces`; `loaded`: the page loads faces of its own, which the generic families only
    escape), and a `font` no condensed stretch or small capitals."""
    if declared.name == "font" and any(
        token.type == "ident" and ("condensed" in token.lower_value or "caps" in token.lower_value) for token in declared.values
    ):
        return False
    families = _families(declared)
    return families is not None and all(name in _COMMON_GENERIC or (not loaded and name in _COMMON_FAMILIES) for name in families)


def _unnarrowed(value: str) -> bool:
    """True for a value (as written) of only keywords that draw letters no narrower (`_NOT_NARROWER`)."""
    words = value.split()
    return bool(words) and all(word in _NOT_NARROWER for word in words)


def _read_value(name: str, value: str) -> Declaration | None:
    """A declaration of `name` (`font-family`, `font`) with this value as written, its tokens
    without white space or comments; None for a CSS-wide keyword (the family is then another
    declaration's, or a browser's default: read as common), or an empty value (dropped)."""
    import tinycss2

    tokens = tuple(token for token in tinycss2.parse_component_value_list(value, skip_comments=True) if token.type != "whitespace")
    if not tokens or (len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in _CSS_WIDE):
        return None
    return Declaration(name, tokens, False)


_CSS_WIDE = frozenset({"initial", "inherit", "unset", "revert", "revert-layer"})


def _families(declaration: Declaration) -> list[str] | None:
    """The families a `font-family` or `font` declaration names, lowered (a generic one bare, a
    name as written, quoted or not); None where one is not read (a `var()`, a system font)."""
    values = list(declaration.values)
    if declaration.name == "font":
        parsed = font_size_and_line_height(values)
        if parsed is None:
            return None
        size, height = parsed
        after = values.index(height) if height is not None else values.index(size)
        values = values[after + 1 :]
    names: list[str] = []
    words: list[str] = []
    for token in [*values, None]:
        if token is None or (token.type == "literal" and token.value == ","):
            if not words:
                return None
            names.append(" ".join(words))
            words = []
        elif token.type == "ident":
            words.append(token.lower_value)
        elif token.type == "string" and not words:
            # A quoted name is a face's, never a generic family ("serif" names no face here).
            name = " ".join(token.value.lower().split())
            words.append(f'"{name}"' if name in _COMMON_GENERIC else name)
        else:
            return None
    return names


def _moved_or_reversed(box: Any, inherited: Sequence[Mapping[str, Declaration]]) -> bool:
    """True when the line's start may be moved (a `text-indent`), its words set right, centred or
    right to left, or its letters drawn closer (see the module's doc), by the box or an ancestor."""
    for element, declared in zip((*reversed(list(box.iterancestors())), box), inherited, strict=True):
        if "text-indent" in declared or "direction" in declared or (element.get("dir") or "").strip().lower() in ("rtl", "auto"):
            return True
        align = declared.get("text-align")
        if align is not None and align.keyword not in _ALIGNED_LEFT:
            return True
        for name in ("letter-spacing", "word-spacing"):
            spacing = declared.get(name)
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


def _cut_line(box: Any, style: PageStyle, generated: Generated, rooms: Sequence[tuple[float, str]], *, wrapping: bool, faces: tuple[bool, bool]) -> Cut:
    """The cut of the box's first line at the narrowest of `rooms` (each an amount and its unit,
    `em` or `ch`: see the module's doc and `_first_cut`); `wrapping`: the line wraps (its first
    word is on it however long), else it runs on; `faces`: whether the box's text is drawn in
    the common faces (`_in_common_faces`), and so is the line's unless a box on it names
    another, and whether it may be lower-cased (`_page_faces`: each character is then read at
    the narrower of itself and its small letter)."""
    if not rooms:
        return {}
    common, lowering = faces
    line = read_line(box, lambda child: child_flow(child, style), generated)
    inner = list(dict.fromkeys(piece.owner for piece in line.pieces if piece.owner is not box))
    if inner:
        declared = style.on_demand_of(inner, _ON_THE_LINE)
        if any(declared_here for declared_here in declared):
            return {}  # (a box on the line sized or moved: not read)
        common = common and not any(isinstance(owner.tag, str) and owner.tag.lower() in _OTHER_FACE_TAGS for owner in inner)
    texts = [piece.text for piece in line.pieces]
    if any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for text in texts for char in text):
        return {}
    narrowest: Callable[[str], tuple[float, ...]] = common_face_ems if common else _alone(narrowest_ems)
    in_ch = _alone(narrowest_ch)
    if lowering:
        narrowest, in_ch = _as_small_letters(narrowest), _as_small_letters(in_ch)
    cuts = [at for room, unit in rooms if (at := _first_cut(texts, room, in_ch if unit == "ch" else narrowest, wrapping=wrapping)) is not None]
    return _keeping(line.pieces, min(cuts)) if cuts else {}


def _alone(narrowest: Callable[[str], float]) -> Callable[[str], tuple[float, ...]]:
    """A measure of one character in one face (or the narrowest of any) as one of several faces."""

    def measured(char: str) -> tuple[float, ...]:
        return (narrowest(char),)

    return measured


def _as_small_letters(narrowest: Callable[[str], tuple[float, ...]]) -> Callable[[str], tuple[float, ...]]:
    """`narrowest`, each character read at the narrower of itself and its small letter, in each face."""

    def measured(char: str) -> tuple[float, ...]:
        small = char.lower()[:1] or char
        return tuple(map(min, narrowest(char), narrowest(small)))

    return measured


def _first_cut(texts: Sequence[str], room: float, narrowest: Callable[[str], tuple[float, ...]], *, wrapping: bool) -> tuple[int, int] | None:
    """Where the first word cut begins (the text's index, the character's), each character read
    at its narrowest in each face (`narrowest`, in the unit of `room`), the line at the narrowest
    of the faces' sums, and spaces collapsed as CSS collapses them: on a line that does not wrap,
    the first that starts at `room` or past it (one that starts before shows in part: it is kept);
    on one that wraps (`wrapping`), the first after the first word that ends past it (it is on a
    later line). None when no word is cut."""
    widths: list[float] = []
    space_before = True  # (white space at the line's start is not drawn)
    start: tuple[int, int] | None = None
    words = 0
    after_break = True
    for number, text in enumerate(texts):
        for place, char in enumerate(text):
            if char.isspace():
                if not space_before:
                    widths = _added(widths, narrowest(" "))
                space_before = after_break = True
                continue
            if after_break:
                start, words = (number, place), words + 1
                if not wrapping and (min(widths) if widths else 0.0) >= room:
                    return start
            space_before = after_break = False
            widths = _added(widths, narrowest(char))
            if wrapping and min(widths) > room and words > 1:
                return start
            after_break = char in _BREAK_AFTER or unicodedata.east_asian_width(char) in ("W", "F")
    return None


def _added(widths: list[float], more: tuple[float, ...]) -> list[float]:
    """The widths of a run in each face with one more character's (`more`) added."""
    return [width + extra for width, extra in zip(widths, more, strict=True)] if widths else list(more)


def _keeping(pieces: Sequence[Piece], at: tuple[int, int]) -> Cut:
    """The cut from `at` (a text's index, a character's) to the end of the line's texts."""
    number, place = at
    cut: Cut = {(pieces[number].node, pieces[number].tail): place}
    cut.update({(piece.node, piece.tail): 0 for piece in pieces[number + 1 :]})
    return cut
