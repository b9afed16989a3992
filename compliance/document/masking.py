"""Masks that keep nothing of an element though no layer alone is transparent (CSS Masking 1, 7):
a `luminance` mask of black (`mask: linear-gradient(black, black) luminance`: the luminance of
black is 0), two identical opaque layers of which one excludes or subtracts the other
(`mask-composite: exclude`), mask images of no size (`mask-size: 0 0`), and an unrepeated mask
image placed off the box (`mask-repeat: no-repeat; mask-position: -9999px 0`).

A mask of transparent gradients, or of `data:` SVGs that draw nothing, is read by
`vanishing.masks_everything` (one declaration alone);
here the element's mask properties are read together, from the declarations that win its
cascade. The shorthand `mask` and a longhand it sets are read only when the other is not
declared (which comes later in the cascade is not known here). Each reading is certain, or none.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.css import Declaration, colour, gradient_stops, length_px, split_commas

# The mask longhands read here (their `-webkit-` names are aliases: `css.ALIASES`).
MASK_LONGHANDS = ("mask-image", "mask-mode", "mask-composite", "mask-size", "mask-position", "mask-repeat")
_MASK_PROPERTIES = ("mask", *MASK_LONGHANDS)
_MODES = frozenset({"alpha", "luminance", "match-source"})
_COMPOSITES = frozenset({"add", "subtract", "intersect", "exclude"})
# Composites that leave nothing of a layer over the same opaque layer: its area minus the other's.
_EMPTYING_COMPOSITES = frozenset({"subtract", "exclude"})
# A mask image this far from its box's left edge (in CSS pixels) is off a box no wider than the
# widest screen (a 4K screen's 3840 CSS pixels), with the box's own width when it is a gradient
# of no given size.
_OFF_THE_BOX_PX = 3840.0


class Layer(NamedTuple):
    """One mask layer: its image (a token; None for `none`), its mode and its compositing
    operator (as written, or the initial `match-source` and `add`), and whether the shorthand
    gave it a position, size or repeat of its own (`placed`): then its `position`, `size` and
    `repeat` as the shorthand writes them (each a tuple of tokens, empty when not written)."""

    image: Any
    mode: str = "match-source"
    composite: str = "add"
    placed: bool = False
    position: tuple[Any, ...] = ()
    size: tuple[Any, ...] = ()
    repeat: tuple[str, ...] = ()


def masked_away(declared: Mapping[str, Declaration], referenced: Callable[[Any], bool] | None = None) -> bool:
    """True when the element's mask keeps nothing of it (see the module's docstring);
    `referenced` tells of a layer's image that names an element of the page (`url(#id)`)
    whether it keeps nothing (`references.mask_layer_test`)."""
    if not any(name in declared for name in _MASK_PROPERTIES):
        return False
    layers = mask_layers(declared)
    if not layers or all(layer.image is None for layer in layers):
        return False  # no mask at all: `mask-image: none` in every layer
    if all(_keeps_nothing(layer) or (referenced is not None and referenced(layer.image)) for layer in layers):
        return True
    if _excluded_by_its_twin(layers, declared):
        return True
    placements = [_placement(layer, index, declared) for index, layer in enumerate(layers)]
    if all(layer.image is None or _sized_away(placement) for layer, placement in zip(layers, placements, strict=True)):
        return True
    return all(layer.image is None or _kept_too_little(layer, placement, len(layers)) for layer, placement in zip(layers, placements, strict=True))


def mask_layers(declared: Mapping[str, Declaration]) -> list[Layer] | None:
    """The element's mask layers, top first; None when they are not certain (the shorthand and
    a longhand both declared, or a value not read)."""
    shorthand = declared.get("mask")
    if shorthand is not None:
        if any(name in declared for name in ("mask-image", "mask-mode", "mask-composite")):
            return None
        return _shorthand_layers(shorthand.values)
    image = declared.get("mask-image")
    if image is None:
        return None
    images = [piece[0] if len(piece) == 1 and not _is_none(piece[0]) else None for piece in split_commas(image.values)]
    modes = _keywords(declared.get("mask-mode"), _MODES, "match-source")
    composites = _keywords(declared.get("mask-composite"), _COMPOSITES, "add")
    if modes is None or composites is None:
        return None
    # A list of values shorter than the layers repeats (CSS Backgrounds 3, 2.1).
    return [Layer(each, modes[i % len(modes)], composites[i % len(composites)]) for i, each in enumerate(images)]


def _is_none(token: Any) -> bool:
    return bool(token.type == "ident" and token.lower_value == "none")


def _keywords(declaration: Declaration | None, allowed: frozenset[str], initial: str) -> list[str] | None:
    """A longhand's comma-separated keywords (`[initial]` when undeclared); None when one is not allowed."""
    if declaration is None:
        return [initial]
    found = [piece[0].lower_value if len(piece) == 1 and piece[0].type == "ident" else "" for piece in split_commas(declaration.values)]
    return found if found and all(keyword in allowed for keyword in found) else None


def _shorthand_layers(values: Sequence[Any]) -> list[Layer] | None:
    """The layers of a `mask` shorthand: each an image (or `none`), maybe a mode and a compositing
    operator; anything else in a layer (a position, size, repeat or box) marks it `placed`, and
    its position, size and repeat are read (`_shorthand_placement`)."""
    layers = []
    for piece in split_commas(values):
        images = [t for t in piece if t.type in ("function", "url") or _is_none(t)]
        modes = [t.lower_value for t in piece if t.type == "ident" and t.lower_value in _MODES]
        composites = [t.lower_value for t in piece if t.type == "ident" and t.lower_value in _COMPOSITES]
        if len(images) != 1 or len(modes) > 1 or len(composites) > 1:
            return None
        placed = len(piece) > 1 + len(modes) + len(composites)
        image = None if _is_none(images[0]) else images[0]
        position, size, repeat = _shorthand_placement(piece)
        layers.append(Layer(image, modes[0] if modes else "match-source", composites[0] if composites else "add", placed, position, size, repeat))
    return layers


_POSITION_KEYWORDS = frozenset({"left", "right", "top", "bottom", "center"})
_REPEATS = frozenset({"repeat", "repeat-x", "repeat-y", "no-repeat", "space", "round"})
_SIZE_KEYWORDS = frozenset({"auto", "cover", "contain"})


def _shorthand_placement(piece: Sequence[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...], tuple[str, ...]]:
    """A `mask` layer's position (the lengths and keywords before a `/`), size (those after it)
    and repeat keywords, as written."""
    position: list[Any] = []
    size: list[Any] = []
    after_slash = False
    for token in piece:
        if token.type == "literal" and token.value == "/":
            after_slash = True
        elif token.type in ("dimension", "percentage", "number") or (token.type == "ident" and token.lower_value in _POSITION_KEYWORDS | _SIZE_KEYWORDS):
            (size if after_slash else position).append(token)
        else:
            after_slash = False
    repeat = tuple(t.lower_value for t in piece if t.type == "ident" and t.lower_value in _REPEATS)
    return tuple(position), tuple(size), repeat


class Placement(NamedTuple):
    """Where a mask layer's image is drawn: its `mask-position`, `mask-size` (tokens) and
    `mask-repeat` (keywords), each empty when it is the initial value."""

    position: tuple[Any, ...]
    size: tuple[Any, ...]
    repeat: tuple[str, ...]


def _placement(layer: Layer, index: int, declared: Mapping[str, Declaration]) -> Placement | None:
    """The layer's placement, from the shorthand or the longhands; None when the shorthand and
    a longhand of placement are both declared (which wins is not known here)."""
    longhands = {name: declared[name] for name in ("mask-position", "mask-size", "mask-repeat") if name in declared}
    if "mask" in declared:
        return None if longhands else Placement(layer.position, layer.size, layer.repeat)
    found = {name: tuple(pieces[index % len(pieces)]) for name, declaration in longhands.items() if (pieces := split_commas(declaration.values))}
    repeat = tuple(t.lower_value for t in found.get("mask-repeat", ()) if t.type == "ident")
    return Placement(found.get("mask-position", ()), found.get("mask-size", ()), repeat)


def _keeps_nothing(layer: Layer) -> bool:
    """True for a layer that masks everything away: `none`, or a gradient every stop of which
    keeps nothing in the layer's mode (transparent; in `luminance`, black too: its luminance is 0)."""
    if layer.image is None:
        return True
    stops = gradient_stops(layer.image)
    if stops is None:
        return False
    if layer.mode == "luminance":
        return all(alpha == 0 or (red, green, blue) == (0, 0, 0) for red, green, blue, alpha in stops)
    return all(alpha == 0 for *_, alpha in stops) or transparent_over_the_box(layer.image)


def _excluded_by_its_twin(layers: Sequence[Layer], declared: Mapping[str, Declaration]) -> bool:
    """True for two identical, wholly opaque gradient layers placed alike, the top one composited
    by `exclude` or `subtract` over the other: nothing of either is left."""
    if len(layers) != 2 or layers[0].composite not in _EMPTYING_COMPOSITES:
        return False
    top, bottom = layers
    if top.placed or bottom.placed or top.image.serialize() != bottom.image.serialize() or top.mode != bottom.mode:
        return False
    if any(len(split_commas(declared[name].values)) > 1 for name in ("mask-size", "mask-position", "mask-repeat") if name in declared):
        return False  # layers placed or sized apart
    stops = gradient_stops(top.image)
    return stops is not None and top.mode != "luminance" and all(alpha == 1 for *_, alpha in stops)


def _sized_away(placement: Placement | None) -> bool:
    """True for a layer sized to no width or no height (`mask-size: 0 0`, `mask: … 0 0/0 0`)."""
    return placement is not None and any(length_px(t) == 0 for t in placement.size if t.type != "ident")


# A mask image this small or smaller each way, drawn once, keeps a speck of the text: not one
# glyph of it can be read (the size of a picture too small to be seen, `visibility._TINY_IMAGE_PX`).
_SPECK_PX = 2.0


def _kept_too_little(layer: Layer, placement: Placement | None, layers: int) -> bool:
    """True for a layer that keeps nothing of the box a reader can read: nothing at all
    (`_keeps_nothing`), an image sized away, one drawn once at 2px by 2px or smaller
    (`mask-size: 1px 1px; mask-repeat: no-repeat`), or the only layer, a gradient of the box's
    size drawn once off the box (`mask-repeat: no-repeat; mask-position: -9999px 0`)."""
    if _keeps_nothing(layer) or _sized_away(placement):
        return True
    if placement is None or placement.repeat not in (("no-repeat",), ("no-repeat", "no-repeat")):
        return False
    sizes = [length_px(t) for t in placement.size]
    if len(sizes) == 2 and all(size is not None and size <= _SPECK_PX for size in sizes):
        return True
    return layers == 1 and _placed_off_the_box(layer, placement)


def _placed_off_the_box(layer: Layer, placement: Placement) -> bool:
    """True for a gradient layer of the box's size moved off the box to the left or right."""
    if gradient_stops(layer.image) is None or not placement.position or any(t.type != "ident" or t.lower_value != "auto" for t in placement.size):
        return False
    x = length_px(placement.position[0])
    return x is not None and abs(x) >= _OFF_THE_BOX_PX


def may_mask_away(declaration: Declaration) -> bool:
    """True for a mask declaration that may keep nothing with the element's others (so that its
    rules are matched over the page): a `luminance` mode, an `exclude` or `subtract`, a size of
    2px or less, a position off the box (in the shorthand too)."""
    name, values = declaration.name, declaration.values
    if name == "mask":
        layers = _shorthand_layers(values) or []
        if any(layer.image is not None and _kept_too_little(layer, Placement(layer.position, layer.size, layer.repeat), 1) for layer in layers):
            return True
    if name in ("mask", "mask-mode", "mask-composite"):
        return any(t.type == "ident" and t.lower_value in ("luminance", *_EMPTYING_COMPOSITES) for t in values)
    if name == "mask-size":
        return any((size := length_px(t)) is not None and size <= _SPECK_PX for t in values if t.type != "ident")
    if name == "mask-position":
        return any((x := length_px(t)) is not None and abs(x) >= _OFF_THE_BOX_PX for t in values)
    return False


# Gradients whose colours past their last stop reach every corner of the box (a radial one of
# the default size, `farthest-corner`, or another size keyword is read only when it is that one).
_LINE_ENDS_AT_THE_BOX = frozenset({"linear-gradient", "-webkit-linear-gradient", "conic-gradient", "radial-gradient", "-webkit-radial-gradient"})
_RADIAL_SIZES = frozenset({"closest-side", "closest-corner", "farthest-side", "farthest-corner"})


def transparent_over_the_box(gradient: Any) -> bool:
    """True for a gradient (not repeating) that paints nothing but transparent over its box: every
    colour its gradient line takes between 0 % and 100 % (where the box is; past 100 % too for a
    radial one of a size that leaves corners outside) is transparent, as in
    `linear-gradient(transparent 100%, black 100%)`, whose black starts where the box ends.
    Stop positions are read in percentages (and `0`); a length, an angle or a `calc()` is not read."""
    if gradient.type != "function" or gradient.lower_name not in _LINE_ENDS_AT_THE_BOX:
        return False
    stops = _placed_stops(gradient)
    if stops is None:
        return False
    end = math.inf if gradient.lower_name.endswith("radial-gradient") and not _reaches_the_corners(gradient) else 1.0
    regions = [(-math.inf, stops[0][0], stops[0][1], stops[0][1]), (stops[-1][0], math.inf, stops[-1][1], stops[-1][1])]
    regions += [(start, finish, before, after) for (start, before), (finish, after) in itertools.pairwise(stops)]
    return all(before == 0 and after == 0 for start, finish, before, after in regions if max(start, 0.0) < min(finish, end))


def _reaches_the_corners(gradient: Any) -> bool:
    """True for a radial gradient whose ending shape passes through the box's farthest corner."""
    first = split_commas(gradient.arguments)[0]
    if any(colour(t) is not None for t in first if t.type in ("ident", "hash", "function")):
        return True  # no shape or size given: the first argument is a stop
    named = [t.lower_value for t in first if t.type == "ident" and t.lower_value in _RADIAL_SIZES]
    at = next((i for i, t in enumerate(first) if t.type == "ident" and t.lower_value == "at"), len(first))
    sized = any(t.type in ("dimension", "percentage", "number") for t in first[:at])
    return not sized and named in ([], ["farthest-corner"])


def _placed_stops(gradient: Any) -> list[tuple[float, float]] | None:
    """A gradient's stops as (position, alpha), positions fixed up as CSS Images 3 (3.5.3) says:
    the first is 0 and the last 1 when not given, one before an earlier stop's is moved to it,
    and those not given are spaced evenly between their neighbours; None when one is not read."""
    written: list[tuple[float | None, float]] = []
    for index, part in enumerate(split_commas(gradient.arguments)):
        read = _stop(part)
        if read is None:
            if index == 0 or (len(part) == 1 and part[0].type == "percentage"):
                continue  # the gradient's direction or shape, or a colour hint
            return None
        if read == []:
            return None
        written += read
    return _fixed_up(written) if written else None


def _stop(part: Sequence[Any]) -> list[tuple[float | None, float]] | None:
    """One colour stop as (position, alpha) pairs (two for a stop of two positions, one of no
    position given); None for a part with no colour, [] for a stop not read."""
    colours = [colour(t) for t in part if t.type in ("ident", "function", "hash")]
    painted = [c for c in colours if c is not None]
    if not painted:
        return None
    positions = [_fraction(t) for t in part if t.type not in ("ident", "function", "hash")]
    if len(colours) != 1 or len(positions) > 2 or any(p is None for p in positions):
        return []
    return [(p, painted[0][3]) for p in positions] if positions else [(None, painted[0][3])]


def _fraction(token: Any) -> float | None:
    if token.type == "percentage":
        return float(token.value) / 100
    return 0.0 if token.type == "number" and token.value == 0 else None


def _fixed_up(written: list[tuple[float | None, float]]) -> list[tuple[float, float]]:
    positions = [p for p, _ in written]
    positions[0] = 0.0 if positions[0] is None else positions[0]
    positions[-1] = 1.0 if positions[-1] is None else positions[-1]
    highest = -math.inf
    for index, position in enumerate(positions):
        if position is not None:
            highest = max(highest, position)
            positions[index] = highest
    index = 0
    while index < len(positions):
        if positions[index] is None:
            last = index - 1
            following = next(i for i in range(index, len(positions)) if positions[i] is not None)
            start, finish = float(positions[last] or 0), float(positions[following] or 0)
            for between in range(index, following):
                positions[between] = start + (finish - start) * (between - last) / (following - last)
            index = following
        index += 1
    return [(float(p or 0), alpha) for p, (_, alpha) in zip(positions, written, strict=True)]
