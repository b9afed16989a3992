"""A grid item in a track of no size that clips what it holds: the CSS accordion's closed state,
`grid-template-rows: 0fr` on a grid whose one item has `overflow: hidden` (CSS Grid 2, 7.2 and
11.7; CSS Overflow 3). Chromium shows nothing of such an item, and what the `0fr` near-misses show
is what a browser test checks.

The grid (`display: grid` or `inline-grid`) declares one track on an axis, of no size:
`grid-template-rows` (or `-columns`) `0fr`, `0`, a zero length (`0px`, `0em`…) or `0%` (of the
grid's height, once worked out from its tracks taken as `auto`), or one of these as the most of a
`minmax()` whose least is a zero length or `auto` (`minmax(0, 0fr)`, `minmax(auto, 0px)`), or
`fit-content()` of a zero length (a least of `auto`, a most of nothing). Its one child
element (text beside it would be an item of its own) is placed in that track, stretched to it, and
what it holds is cut off:

- the item clips its overflow on that axis (`overflow` `hidden`, `clip`, `auto`, `scroll`): a
  scroll container's automatic minimum size is 0, so even a `0fr` track (whose minimum is `auto`)
  is of no size, and so is the item; its paddings on that axis must be none, into which what it
  holds would spill;
- or, for rows only, the grid clips its vertical overflow and is of no height of its own (no
  `height`, `min-height`, `aspect-ratio`, nor padding on that axis), and the item is of none: it
  sets `min-height: 0` (needed in a track whose least is `auto`, `0fr` or `fit-content(0)`, whose
  minimum is otherwise the item's content),
  no bottom margin (the track would hold it, and the content spill into it) and no padding; the
  track is not a percentage (of the grid's height, which it then gives the grid). A block grid is as wide as its
  container whatever its tracks, so the columns are not read so.

What keeps the item open, or moves it out of the track, gives no judgement: a size or minimum
size of its own on that axis (`height: 40px`, `min-height: 2em`, an `aspect-ratio`), a placement
(`grid-row`, `grid-area`…), an alignment other than `stretch` or `normal` on the item or the grid
(a `start` item is as tall as its content and overflows a grid that shows it), `display: contents`,
a table (never smaller than its content), a replaced element (an image, aligned to the start at
its own height; see `visibility`) or an absolute or fixed position on the item, the `grid` and `grid-template` shorthands, a
`writing-mode`, and a track that is not of no size (`minmax(0, 1fr)`, `minmax(0, auto)`,
`minmax(12px, 0fr)`, `fit-content(100px)`, `1fr`, two tracks). A `0fr` track with nothing clipped grows to the item's content, which
shows (Chromium's accordion needs the clip). Only declarations every screen meets count: a
property some rule in a media query sets on the grid or the item leaves it unjudged.

So too the last item of a grid of several row tracks whose last is a zero length, which clips
its vertical overflow and is of no height of its own: its last row starts at the bottom of its
content (`last_row_collapsed`: `grid-template-rows: auto 0`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.clipping import cuts_off_overflow
from compliance.document.css import Declaration, display_keyword, length_px, split_commas

# A cheap test of a page's CSS (lowered): a track list that may be one track of no size, to
# its first track (up to the `(` of a function inside a `minmax()`, which is not read here).
_ZERO_TRACK = re.compile(r"grid-template-(?:rows|columns)\s*:\s*(?:0[\w.%]*|(?:minmax|fit-content)\([^()]*[()])")
# A second track after the first on the same line ("minmax(0, 1fr) 320px", the sidebar layout
# of many themes): such a list is never one track of no size. A line break ends the test: the
# page's `style` attributes are joined by line breaks, and a list that spans lines is read.
_SECOND_TRACK = re.compile(r"[ \t]+[\w\[(.+-]|\[")

# The properties read on a grid container.
CONTAINER_NAMES = (
    "display",
    "grid-template-rows",
    "grid-template-columns",
    "grid-template",
    "grid",
    "overflow",
    "overflow-x",
    "overflow-y",
    "height",
    "min-height",
    "block-size",
    "min-block-size",
    "aspect-ratio",
    "padding",
    "padding-top",
    "padding-bottom",
    "padding-block",
    "padding-block-start",
    "padding-block-end",
    "align-items",
    "justify-items",
    "place-items",
    "writing-mode",
    "grid-auto-flow",
    "grid-template-areas",
)
# The properties read on its item.
ITEM_NAMES = (
    "display",
    "position",
    "overflow",
    "overflow-x",
    "overflow-y",
    "height",
    "min-height",
    "block-size",
    "min-block-size",
    "width",
    "min-width",
    "inline-size",
    "min-inline-size",
    "aspect-ratio",
    "padding",
    "padding-top",
    "padding-bottom",
    "padding-left",
    "padding-right",
    "padding-block",
    "padding-block-start",
    "padding-block-end",
    "padding-inline",
    "padding-inline-start",
    "padding-inline-end",
    "margin",
    "margin-top",
    "margin-bottom",
    "margin-block",
    "margin-block-start",
    "margin-block-end",
    "grid-row",
    "grid-row-start",
    "grid-row-end",
    "grid-column",
    "grid-column-start",
    "grid-column-end",
    "grid-area",
    "align-self",
    "justify-self",
    "place-self",
    "writing-mode",
    "order",
)
_GRIDS = frozenset({"grid", "inline-grid"})
_STRETCHING = frozenset({"", "normal", "stretch"})


class _Axis(NamedTuple):
    """An axis of the grid: its track list, and the item's placement, size, minimum size and
    alignment properties, the grid's alignment of its items, the paddings on it, and its sides
    in a box shorthand (0 top, 1 right, 2 bottom, 3 left)."""

    tracks: str
    placement: tuple[str, ...]
    sizes: tuple[str, ...]
    minimums: tuple[str, ...]
    alignment: tuple[str, ...]
    grid_alignment: tuple[str, ...]
    paddings: tuple[str, ...]
    sides: tuple[int, ...]


_ROWS = _Axis(
    "grid-template-rows",
    ("grid-row", "grid-row-start", "grid-row-end", "grid-area"),
    ("height", "block-size"),
    ("min-height", "min-block-size"),
    ("align-self", "place-self"),
    ("align-items", "place-items"),
    ("padding-top", "padding-bottom", "padding-block", "padding-block-start", "padding-block-end"),
    (0, 2),
)
_COLUMNS = _Axis(
    "grid-template-columns",
    ("grid-column", "grid-column-start", "grid-column-end", "grid-area"),
    ("width", "inline-size"),
    ("min-width", "min-inline-size"),
    ("justify-self", "place-self"),
    ("justify-items", "place-items"),
    ("padding-left", "padding-right", "padding-inline", "padding-inline-start", "padding-inline-end"),
    (1, 3),
)
# The value of a box shorthand (`padding`, `margin`) that sets a side, by side (top, right,
# bottom, left) and the number of values written (one to four).
_SHORTHAND_SIDE = ((0, 0, 0, 0), (0, 1, 1, 1), (0, 0, 2, 2), (0, 1, 1, 3))


def may_collapse(lowered: str) -> bool:
    """The cheap test of a page's CSS text (lowered, `style` attributes with it): it declares a
    track list that begins with a zero (`grid-template-rows: 0fr`) and may hold one track only
    (not `minmax(0, 1fr) 320px`); an animation of a track list
    (`@keyframes` that set one) may open it, and such a page is not read."""
    if "grid-template-" not in lowered or not any(_may_be_one_track(lowered, match) for match in _ZERO_TRACK.finditer(lowered)):
        return False
    return not ("keyframes" in lowered and re.search(r"keyframes[^{]*\{[^@]*?grid-template", lowered) is not None)


def _may_be_one_track(lowered: str, first: re.Match[str]) -> bool:
    """Whether the track list whose first track `first` matched (`_ZERO_TRACK`) in `lowered` may
    hold that track only: no second track follows it (`_SECOND_TRACK`)."""
    return first.group().endswith("(") or _SECOND_TRACK.match(lowered, first.end()) is None


def is_grid(declared: Mapping[str, Declaration]) -> bool:
    """True for a grid container (`display: grid` or `inline-grid`) with a track of no size on an
    axis (see `collapsed_item`), by the declarations that win on it (`CONTAINER_NAMES`)."""
    display = declared.get("display")
    if display is None or display_keyword(display) not in _GRIDS or "grid" in declared or "grid-template" in declared:
        return False
    return any(_no_size_track(declared.get(axis.tracks)) for axis in (_ROWS, _COLUMNS))


def collapsed_item(grid: Mapping[str, Declaration], item: Mapping[str, Declaration]) -> bool:
    """True when the one item of a grid with a track of no size (`is_grid`; `grid` and `item`:
    the declarations that win on each, `CONTAINER_NAMES` and `ITEM_NAMES`) is of no size on that
    axis and shows nothing of what it holds (see the module's description)."""
    if "writing-mode" in grid or "writing-mode" in item:
        return False
    display, position = item.get("display"), item.get("position")
    if display is not None and (display_keyword(display) in ("contents", "none", "") or "table" in display_keyword(display)):
        return False  # no box, or a table, which is never smaller than its content
    if position is not None and position.keyword in ("absolute", "fixed"):
        return False
    item_cuts, grid_cuts = cuts_off_overflow(item), cuts_off_overflow(grid)
    for axis, item_clips, grid_clips in ((_ROWS, item_cuts[1], grid_cuts[1]), (_COLUMNS, item_cuts[0], False)):
        track = grid.get(axis.tracks)
        if not _no_size_track(track) or not _in_the_track(grid, item, axis):
            continue
        # A percentage track is of the grid's height, which a grid of no height of its own takes
        # from the track taken as `auto`: of no size only in the grid's content, not the grid.
        if item_clips or (grid_clips and not _percentage(track) and _grid_of_no_height(grid) and _item_of_no_height(item, track)):
            return True
    return False


# A cheap test of a page's CSS (lowered): a row track list of more than one track whose last is a
# zero (`grid-template-rows: auto 0`).
_LAST_ZERO_ROW = re.compile(r"grid-template-rows\s*:[^;{}\n]*\s0(?:fr|px|%)?\s*(?:!important\s*)?(?:[;}\"]|$)", re.MULTILINE)


def may_collapse_last_row(lowered: str) -> bool:
    """The cheap test of a page's CSS text (lowered) for `last_row_collapsed`: a row track list
    whose last track is a zero, and no animation of a track list."""
    if "grid-template-rows" not in lowered or _LAST_ZERO_ROW.search(lowered) is None:
        return False
    return not ("keyframes" in lowered and re.search(r"keyframes[^{]*\{[^@]*?grid-template", lowered) is not None)


def last_row_collapsed(grid: Mapping[str, Declaration], items: Sequence[Mapping[str, Declaration]]) -> bool:
    """True when the last of a grid's items (`items`: the declarations that win on each child
    element, `ITEM_NAMES`, the grid holding no text beside them) shows nothing of what it holds:
    the grid (`display: grid`, `CONTAINER_NAMES`) lays out one column of rows (no column tracks
    but one, no `grid-auto-flow` or `grid-template-areas`), its row tracks as many as its items,
    the last a zero length (`grid-template-rows: auto 0`); the items placed in order (no placement,
    `order`, absolute position or box-less `display` on any); the grid clips its vertical overflow
    and is of no height but its tracks' (`_grid_of_no_height`), so the last track starts at its
    content's bottom; and the last item sits in its track, of no height, with no negative top
    margin (as the one item of a track of no size: `_in_the_track`, `_item_of_no_height`). What
    that item holds overflows its track below the grid's bottom, and is cut off."""
    tracks = _one_column_of_rows(grid, len(items))
    if tracks is None or not _placed_in_order(items):
        return False
    rows = grid.get("grid-template-rows")
    last, track = items[-1], Declaration("grid-template-rows", (tracks[-1],), rows.important if rows is not None else False)
    if "writing-mode" in last or not _zero_length(tracks[-1]) or not cuts_off_overflow(grid)[1]:
        return False
    display = last.get("display")
    if display is not None and "table" in display_keyword(display):
        return False
    if not _no_negative_top_margin(last):
        return False
    return _grid_of_no_height(grid) and _in_the_track(grid, last, _ROWS) and _item_of_no_height(last, track)


def _one_column_of_rows(grid: Mapping[str, Declaration], count: int) -> list[Any] | None:
    """The row tracks (tokens) of a grid (`grid`: the declarations that win on it) that lays out
    one column of `count` rows, two or more, each a plain track (no `repeat()`, no line name);
    None for another grid, or for what is not one (see `last_row_collapsed`)."""
    display = grid.get("display")
    if (
        display is None
        or display_keyword(display) not in _GRIDS
        or any(name in grid for name in ("grid", "grid-template", "grid-auto-flow", "grid-template-areas", "writing-mode"))
    ):
        return None
    rows = grid.get("grid-template-rows")
    columns = grid.get("grid-template-columns")
    tracks = [] if rows is None else [token for token in rows.values if token.type not in ("whitespace", "comment")]
    if (
        len(tracks) < 2
        or len(tracks) != count
        or any((token.type == "function" and token.lower_name == "repeat") or token.type == "[] block" for token in tracks)
    ):
        return None
    if columns is not None and len([t for t in columns.values if t.type not in ("whitespace", "comment")]) != 1:
        return None
    return tracks


def _placed_in_order(items: Sequence[Mapping[str, Declaration]]) -> bool:
    """True when the grid's items (the declarations that win on each) are laid out in order, each
    a box: no placement, `order`, absolute or fixed position, nor box-less `display`."""
    for item in items:
        display, position = item.get("display"), item.get("position")
        if display is not None and display_keyword(display) in ("contents", "none", ""):
            return False
        if (
            (position is not None and position.keyword in ("absolute", "fixed"))
            or "order" in item
            or any(name in item for name in _ROWS.placement + _COLUMNS.placement)
        ):
            return False
    return True


def _zero_length(token: Any) -> bool:
    """True for a track size token that is a zero length (`0`, `0px`)."""
    # A zero length, not `0fr` (whose minimum is the item's content and margins) nor `0%` (of a
    # grid of no height of its own: `auto`).
    fixed = token.type in ("number", "dimension") and not (token.type == "dimension" and token.lower_unit == "fr")
    return fixed and length_px(token) == 0


def _no_negative_top_margin(item: Mapping[str, Declaration]) -> bool:
    """True when no top margin the item declares (the longhands, `margin`'s first value) is
    negative or unread (`auto` is none)."""
    top = [item[name] for name in ("margin-top", "margin-block", "margin-block-start") if name in item]
    margin = item.get("margin")
    if margin is not None and 1 <= len(margin.values) <= 4:
        top.append(Declaration("margin-top", (margin.values[0],), margin.important))
    return not any(not declaration.values or (length_px(declaration.values[0]) or -1.0) < 0 for declaration in top if declaration.keyword != "auto")


def _no_size_track(declaration: Declaration | None) -> bool:
    """True for a track list of one track of no size: `0fr`, `0`, a zero length, `0%`, or the
    same as the most of `minmax()` whose least is a zero length or `auto` (`minmax(0, 0fr)`,
    `minmax(auto, 0px)`), or `fit-content()` of a zero length (its least is `auto`)."""
    if declaration is None or len(declaration.values) != 1:
        return False
    return _sized_to_nothing(_maximum(declaration.values[0]))


def _sized_to_nothing(token: Any) -> bool:
    """True for a track size of nothing: `0fr`, `0`, a zero length or `0%`."""
    if token is None:
        return False
    if token.type == "dimension" and token.lower_unit == "fr":
        return bool(token.value == 0)
    return length_px(token) == 0


def _maximum(token: Any) -> Any:
    """The track's most size: the token itself, the second argument of a `minmax()` whose first
    (its least) is a zero length or `auto`, `fit-content()`'s limit (not a flexible one); None
    for another function or another least (`minmax(10px, 0fr)` is 10px)."""
    if token.type != "function":
        return token
    arguments = split_commas(token.arguments)
    if any(len(argument) != 1 for argument in arguments):
        return None
    if token.lower_name == "minmax" and len(arguments) == 2:
        least, most = arguments[0][0], arguments[1][0]
        return most if (least.type == "ident" and least.lower_value == "auto") or length_px(least) == 0 else None
    if token.lower_name == "fit-content" and len(arguments) == 1:
        limit = arguments[0][0]
        return None if limit.type == "dimension" and limit.lower_unit == "fr" else limit
    return None


def _least_is_auto(track: Declaration) -> bool:
    """True when the track's least size is `auto` (the item's minimum size): `0fr`, `minmax(auto,
    …)`, `fit-content(…)`."""
    token = track.values[0]
    if token.type == "dimension":
        return bool(token.lower_unit == "fr")
    if token.type != "function":
        return False
    least = split_commas(token.arguments)[0][0]
    return bool(token.lower_name == "fit-content" or (least.type == "ident" and least.lower_value == "auto"))


def _percentage(track: Declaration | None) -> bool:
    most = None if track is None else _maximum(track.values[0])
    return most is not None and bool(most.type == "percentage")


def _in_the_track(grid: Mapping[str, Declaration], item: Mapping[str, Declaration], axis: _Axis) -> bool:
    """True when the item sits in the axis's one track, stretched to it, and nothing of its own
    sizes it or spills past it on that axis: no placement, size, minimum size (but 0),
    `aspect-ratio`, alignment other than `stretch` (or `normal`), nor padding."""
    if any(name in item for name in axis.placement) or "aspect-ratio" in item:
        return False
    if any(name in item and not _auto(item[name]) for name in axis.sizes):
        return False
    if any(name in item and not _zero(item[name]) and not _auto(item[name]) for name in axis.minimums):
        return False
    if any(name in item and item[name].keyword not in _STRETCHING for name in axis.alignment):
        return False
    if any(name in grid and grid[name].keyword not in _STRETCHING for name in axis.grid_alignment):
        return False
    return _no_sides(item, axis.paddings, "padding", axis.sides)


def _grid_of_no_height(grid: Mapping[str, Declaration]) -> bool:
    """True when nothing but its tracks gives the grid a height: no `height`, `min-height` (but
    0 or `auto`), `aspect-ratio` or top or bottom padding."""
    if "aspect-ratio" in grid or any(name in grid and not _auto(grid[name]) for name in ("height", "block-size")):
        return False
    if any(name in grid and not _zero(grid[name]) and not _auto(grid[name]) for name in ("min-height", "min-block-size")):
        return False
    return _no_sides(grid, _ROWS.paddings, "padding", _ROWS.sides)


def _item_of_no_height(item: Mapping[str, Declaration], track: Declaration | None) -> bool:
    """True when the item adds no height under its content to its track: `min-height: 0` in a
    `0fr` track (whose minimum is otherwise the item's content; a zero length track has none),
    and no bottom margin (the track holds it, and the content overflows into it; a top margin
    moves the content down as far as the track is tall, to the grid's bottom)."""
    flexible = track is not None and _least_is_auto(track)
    if flexible and not any(name in item and _zero(item[name]) for name in ("min-height", "min-block-size")):
        return False
    return _no_sides(item, ("margin-bottom", "margin-block", "margin-block-end"), "margin", (2,))


def _no_sides(declared: Mapping[str, Declaration], longhands: tuple[str, ...], shorthand: str, sides: tuple[int, ...]) -> bool:
    """True when the longhands declared are zero, and so are the shorthand's values for the sides
    (0 top, 1 right, 2 bottom, 3 left)."""
    if any(name in declared and not _zero(declared[name]) for name in longhands):
        return False
    values = declared[shorthand].values if shorthand in declared else ()
    if not values:
        return True
    if len(values) > 4:
        return False
    return all(length_px(values[_SHORTHAND_SIDE[side][len(values) - 1]]) == 0 for side in sides)


def _zero(declaration: Declaration) -> bool:
    """True for a length of zero (every value of a two-value flow-relative one)."""
    return bool(declaration.values) and all(length_px(token) == 0 for token in declaration.values)


def _auto(declaration: Declaration) -> bool:
    return declaration.keyword == "auto"
