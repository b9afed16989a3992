"""Where a box paints the picture of one background layer: whether its `background-position`,
`background-repeat`, `background-size` and `background-clip` leave any of it inside the box
(CSS Backgrounds 3), as Chromium paints it.

- A layer that does not repeat on an axis (`no-repeat`, `repeat-x` vertically, `repeat-y`
  across) paints the picture once, at `background-position` within the padding box: placed at
  `p × (box − picture) + offset` (a percentage `p`, a keyword: `left`/`top` 0%, `center` 50%,
  `right`/`bottom` 100%, an edge's offset counted from that edge). It shows nothing when that
  puts the picture wholly before or past the box on the axis (`-9999px 0`, `left -500px top 0`
  for a picture under 500px wide, `200% 0` for one no wider than half the box).
- The picture's size is known from `background-size` in lengths or percentages of the box, is at
  most the box for `contain` and at least it for `cover`; else (its own size) it may be anything
  up to `LARGEST_PICTURE_PX`. The box's size is known where `backgrounds` works it out, else it
  may be anything up to that too. The picture is wholly outside only when it is so for every
  size it may have: a sprite sheet of unknown size moved by `0 -40px` is never accused, as a
  600px-wide strip would still show at `-500px 0`.
- A layer that repeats on the axis (`repeat`, `space`, `round`) paints whatever its offset; one
  fixed to the viewport (`background-attachment: fixed`) or placed in another box
  (`background-origin`) is not read.
- `background-clip: content-box` paints in the content box alone: where the padding takes the
  whole box (`box-sizing: border-box; width: 120px; padding: 20px 60px`, or `width: 0` with a
  padding) nothing is painted; `background-clip: text` paints behind the box's text alone, which
  an empty box has none of.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.css import Declaration, length_px, split_commas

# The largest a picture (or a box) of a size not worked out is taken to be, in px on a side: an
# offset beyond it puts any picture out of any box (`-9999px`, `-999em`); a sprite sheet's
# offset of a few hundred px does not.
LARGEST_PICTURE_PX = 5000.0

# The properties read here, besides the picture and the box's size (`backgrounds._BOX_PROPERTIES`).
PLACING_PROPERTIES = (
    "background-position",
    "background-position-x",
    "background-position-y",
    "background-repeat",
    "background-clip",
    "-webkit-background-clip",
    "background-origin",
    "background-attachment",
    "box-sizing",
)

_EDGES = {"left": ("x", 0.0), "right": ("x", 1.0), "top": ("y", 0.0), "bottom": ("y", 1.0)}
_BOXES = frozenset({"border-box", "padding-box", "content-box"})
_REPEATS = {"repeat-x": ("repeat", "no-repeat"), "repeat-y": ("no-repeat", "repeat")}
_REPEAT_KEYWORDS = frozenset({"repeat", "no-repeat", "space", "round"})


class Place(NamedTuple):
    """Where a picture is placed on one axis: `share` (a fraction of the room the box leaves
    beside the picture, `box − picture`) plus `offset` px."""

    share: float
    offset: float


_START = Place(0.0, 0.0)
_CENTRE = Place(0.5, 0.0)


class Layer(NamedTuple):
    """What one background layer's placing properties say (None: not read on that axis)."""

    x: Place | None
    y: Place | None
    repeats: tuple[bool, bool]
    clip: str
    origin: str
    attachment: str
    # The position as the page writes it, for a report.
    written: str = ""


def layer_of(declared: Mapping[str, Declaration], picture: Declaration, index: int) -> Layer:
    """The placing of the picture's layer `index` (of `picture`, the `background` or
    `background-image` that paints it): each property's longhand where it wins, else what the
    `background` shorthand gives that layer, else its initial value."""
    shorthand = _shorthand_layer(declared, index)
    position = _longhand_layer(declared, "background-position", index)
    tokens = position if position is not None else [t for t in shorthand if _is_position_token(t)]
    x, y = _position(tokens)
    x = _axis_position(declared, "background-position-x", index, x)
    y = _axis_position(declared, "background-position-y", index, y)
    repeat = _longhand_layer(declared, "background-repeat", index)
    clip, origin = _boxes(declared, shorthand, index)
    attachment = _longhand_layer(declared, "background-attachment", index)
    fixed = any(_ident(t) == "fixed" for t in (attachment if attachment is not None else shorthand))
    return Layer(
        x, y, _repeats(repeat if repeat is not None else shorthand), clip, origin, "fixed" if fixed else "scroll", _written_position(declared, tokens, index)
    )


def _boxes(declared: Mapping[str, Declaration], shorthand: Sequence[Any], index: int) -> tuple[str, str]:
    """The layer's `background-clip` and `background-origin`: the longhands, else the boxes the
    shorthand names (one: both; two: the origin, then the clip), else `border-box` and
    `padding-box`."""
    boxes = [_ident(t) for t in shorthand if _ident(t) in _BOXES or _ident(t) == "text"]
    clip_tokens = _longhand_layer(declared, "background-clip", index)
    if clip_tokens is None:
        clip_tokens = _longhand_layer(declared, "-webkit-background-clip", index)
    clip = _keyword(clip_tokens) if clip_tokens is not None else (boxes[-1] if boxes else "border-box")
    origin_tokens = _longhand_layer(declared, "background-origin", index)
    origin = _keyword(origin_tokens) if origin_tokens is not None else (boxes[0] if boxes else "padding-box")
    return clip, origin


def _written_position(declared: Mapping[str, Declaration], tokens: Sequence[Any], index: int) -> str:
    """The layer's position as the page writes it, for a report."""
    parts = [f"background-position: {' '.join(_written(t) for t in tokens)}"] if tokens else []
    for axis_name in ("background-position-x", "background-position-y"):
        axis_tokens = _longhand_layer(declared, axis_name, index)
        if axis_tokens is not None:
            parts.append(f"{axis_name}: {' '.join(_written(t) for t in axis_tokens)}")
    return "; ".join(parts)


def _written(token: Any) -> str:
    """A component value as CSS writes it."""
    return str(token.serialize())


def _shorthand_layer(declared: Mapping[str, Declaration], index: int) -> list[Any]:
    """Layer `index` of the `background` shorthand, the size after its `/` left out; [] if none."""
    shorthand = declared.get("background")
    if shorthand is None:
        return []
    layers = split_commas(shorthand.values)
    if index >= len(layers):
        return []
    layer = list(layers[index])
    slash = next((at for at, token in enumerate(layer) if token.type == "literal" and token.value == "/"), None)
    if slash is None:
        return layer
    after = slash + 1
    while (
        after < len(layer)
        and after < slash + 3
        and (layer[after].type in ("number", "dimension", "percentage") or _ident(layer[after]) in ("auto", "cover", "contain"))
    ):
        after += 1
    return layer[:slash] + layer[after:]


def _longhand_layer(declared: Mapping[str, Declaration], name: str, index: int) -> list[Any] | None:
    """The value of layer `index` of a list-valued longhand (repeated as CSS repeats a list
    shorter than the layers); None when it is not declared."""
    declaration = declared.get(name)
    if declaration is None:
        return None
    layers = split_commas(declaration.values)
    return list(layers[index % len(layers)]) if layers else None


def _ident(token: Any) -> str:
    return str(token.lower_value) if token.type == "ident" else ""


def _keyword(tokens: Sequence[Any]) -> str:
    return _ident(tokens[0]) if len(tokens) == 1 else ""


def _is_position_token(token: Any) -> bool:
    return token.type in ("number", "dimension", "percentage") or _ident(token) in ("left", "right", "top", "bottom", "center")


def _place(token: Any) -> Place | None:
    """A lone length or percentage as a place; None for what is not read (`calc()`)."""
    if token.type == "percentage":
        return Place(float(token.value) / 100, 0.0)
    found = length_px(token)
    return None if found is None else Place(0.0, found)


def _position(tokens: Sequence[Any]) -> tuple[Place | None, Place | None]:
    """The places on each axis a `<bg-position>` gives (`0% 0%` when none); None on an axis
    for a value not read."""
    if not tokens:
        return _START, _START
    if any(t.type not in ("number", "dimension", "percentage", "ident") for t in tokens):
        return None, None
    if len(tokens) > 2:
        return _edge_offsets(tokens)
    words = [_ident(t) for t in tokens]
    if len(tokens) == 1:
        if words[0] in ("top", "bottom"):
            return _CENTRE, Place(_EDGES[words[0]][1], 0.0)
        return _single(tokens[0], "x"), _CENTRE
    if words[0] in ("top", "bottom") or words[1] in ("left", "right"):
        if not (words[0] in ("top", "bottom", "center") and words[1] in ("left", "right", "center")):
            return None, None  # (`top -9999px` is no position: a browser drops the declaration)
        return _single(tokens[1], "x"), _single(tokens[0], "y")
    return _single(tokens[0], "x"), _single(tokens[1], "y")


def _single(token: Any, axis: str) -> Place | None:
    """One value of a one- or two-value position on `axis`: a keyword or a length-percentage."""
    word = _ident(token)
    if word == "center":
        return _CENTRE
    if word in _EDGES:
        return Place(_EDGES[word][1], 0.0) if _EDGES[word][0] == axis else None
    return _place(token)


def _edge_offsets(tokens: Sequence[Any]) -> tuple[Place | None, Place | None]:
    """A three- or four-value position (`left -500px top 0`): each keyword with the offset that
    follows it, counted from that edge (toward the box's inside); `center` takes the axis no
    edge names."""
    places: dict[str, Place | None] = {}
    centred = 0
    at = 0
    while at < len(tokens):
        word = _ident(tokens[at])
        follows = tokens[at + 1] if at + 1 < len(tokens) and not _ident(tokens[at + 1]) else None
        at += 2 if follows is not None else 1
        if word == "center" and follows is None:
            centred += 1
        elif word in _EDGES and _EDGES[word][0] not in places:
            axis, share = _EDGES[word]
            places[axis] = _edge_place(share, follows)
        else:
            return None, None
    for axis in ("x", "y"):
        if axis not in places and centred:
            places[axis], centred = _CENTRE, centred - 1
    return places.get("x"), places.get("y")


def _edge_place(share: float, offset: Any) -> Place | None:
    """The place an edge keyword (at `share`) and the length after it give; None for an offset
    not read (a percentage, `calc()`)."""
    if offset is None:
        return Place(share, 0.0)
    found = length_px(offset) if offset.type != "percentage" else None
    if found is None:
        return None
    return Place(share, found if share == 0 else -found)


def _axis_position(declared: Mapping[str, Declaration], name: str, index: int, found: Place | None) -> Place | None:
    """`background-position-x` or `-y` where declared (it is written to override the shorthand's
    axis; where the two disagree the axis is not read), else `found`."""
    tokens = _longhand_layer(declared, name, index)
    if tokens is None:
        return found
    axis = name[-1]
    if len(tokens) == 1:
        place = _single(tokens[0], axis)
    elif len(tokens) == 2 and _ident(tokens[0]) in _EDGES and _EDGES[_ident(tokens[0])][0] == axis and (offset := length_px(tokens[1])) is not None:
        share = _EDGES[_ident(tokens[0])][1]
        place = Place(share, offset if share == 0 else -offset)
    else:
        place = None
    return place if found in (_START, place) else None


def _repeats(tokens: Sequence[Any]) -> tuple[bool, bool]:
    """Whether the layer repeats across and down: `repeat`, `space` and `round` do (`space`
    paints once where two copies do not fit, which a picture of a size not known may)."""
    words = [_ident(t) for t in tokens if _ident(t) in _REPEAT_KEYWORDS or _ident(t) in _REPEATS]
    if not words:
        return True, True
    if words[0] in _REPEATS:
        across, down = _REPEATS[words[0]]
    else:
        across = words[0]
        down = words[1] if len(words) > 1 else words[0]
    return across != "no-repeat", down != "no-repeat"


Size = tuple[str, float]  # ("px", size), ("share", fraction of the box), ("contain"/"cover"/"any", 0)


def picture_sizes(declared: Mapping[str, Declaration], picture: Declaration, index: int) -> tuple[Size, Size]:
    """The layer's `background-size` on each axis, as `Size` (`any` where not known)."""
    tokens = _longhand_layer(declared, "background-size", index)
    if tokens is None and picture.name == "background":
        layers = split_commas(picture.values)
        layer = list(layers[index]) if index < len(layers) else []
        slash = next((at for at, token in enumerate(layer) if token.type == "literal" and token.value == "/"), None)
        tokens = layer[slash + 1 : slash + 3] if slash is not None else None
    if not tokens:
        return ("any", 0.0), ("any", 0.0)
    word = _ident(tokens[0])
    if word in ("contain", "cover"):
        return (word, 0.0), (word, 0.0)
    sides = [_size(t) for t in tokens[:2] if t.type != "literal"]
    if len(sides) == 1:
        return sides[0], ("any", 0.0)
    return sides[0], sides[1]


def _size(token: Any) -> Size:
    if token.type == "percentage":
        return "share", float(token.value) / 100
    found = length_px(token)
    return ("px", found) if found is not None else ("any", 0.0)


def off_box(layer: Layer, sizes: tuple[Size, Size], box: tuple[float | None, float | None]) -> str:
    """Why the layer's picture falls wholly outside its box (`box`: its padding box's width and
    height in px where known), in words that follow "line N"; "" when some of it may be inside."""
    if layer.attachment == "fixed" or layer.origin not in ("padding-box", ""):
        return ""
    for axis, place, repeats, size, room in zip("xy", (layer.x, layer.y), layer.repeats, sizes, box, strict=True):
        if place is None or repeats:
            continue
        side = _outside(place, size, room)
        if side:
            direction = {"x": {"before": "left of", "past": "right of"}, "y": {"before": "above", "past": "below"}}[axis][side]
            return (
                f"paints its background picture wholly {direction} its box ({layer.written or 'background-position: 0% 0%'}, not repeated):"
                " no part of it falls inside, so nothing of it is seen (place the picture inside the box)"
            )
    return ""


def _outside(place: Place, size: Size, room: float | None) -> str:
    """Whether ("before", "past"; "" if neither) the picture, for every size it and the box may
    have, falls wholly before (left or above) or past the box on the axis."""
    boxes = (room, room) if room is not None else (0.0, LARGEST_PICTURE_PX)
    corners = [(b, p) for b in boxes for p in _picture_range(size, b)]
    # Placed at x = share × (box − picture) + offset; before: x + picture ≤ 0; past: x ≥ box.
    if all(place.share * (b - p) + place.offset + p <= 0 for b, p in corners):
        return "before"
    if all(place.share * (b - p) + place.offset >= b for b, p in corners):
        return "past"
    return ""


def _picture_range(size: Size, box: float) -> tuple[float, float]:
    """The least and the most the picture's side may be, in a box `box` px on that side."""
    kind, value = size
    if kind == "px":
        return value, value
    if kind == "share":
        return value * box, value * box
    if kind == "contain":
        return 0.0, box
    if kind == "cover":
        return box, LARGEST_PICTURE_PX
    return 0.0, LARGEST_PICTURE_PX


def clipped_away(layer: Layer, content: tuple[float | None, float | None], has_text: bool) -> str:
    """Why `background-clip` leaves the picture no room (`content`: the content box's width and
    height where known), in words that follow "line N"; "" when it leaves some."""
    if layer.clip == "content-box" and 0.0 in content:
        return (
            "paints its background picture in its content box alone (background-clip: content-box), which its padding leaves no room: nothing of it is painted"
        )
    if layer.clip == "text" and not has_text:
        return "paints its background picture behind its text alone (background-clip: text), and it has no text: nothing of it is painted"
    return ""
