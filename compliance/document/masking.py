"""Masks that keep nothing of an element though no layer alone is transparent (CSS Masking 1, 7):
a `luminance` mask of black (`mask: linear-gradient(black, black) luminance`: the luminance of
black is 0), two identical opaque layers of which one excludes or subtracts the other
(`mask-composite: exclude`), mask images of no size (`mask-size: 0 0`), and an unrepeated mask
image placed off the box (`mask-repeat: no-repeat; mask-position: -9999px 0`).

A mask of transparent gradients is read by `vanishing.masks_everything` (one declaration alone);
here the element's mask properties are read together, from the declarations that win its
cascade. The shorthand `mask` and a longhand it sets are read only when the other is not
declared (which comes later in the cascade is not known here). Each reading is certain, or none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.css import Declaration, gradient_stops, length_px, split_commas

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
    gave it a position, size or repeat of its own (`placed`)."""

    image: Any
    mode: str = "match-source"
    composite: str = "add"
    placed: bool = False


def masked_away(declared: Mapping[str, Declaration]) -> bool:
    """True when the element's mask keeps nothing of it (see the module's docstring)."""
    if not any(name in declared for name in _MASK_PROPERTIES):
        return False
    layers = mask_layers(declared)
    if not layers or all(layer.image is None for layer in layers):
        return False  # no mask at all: `mask-image: none` in every layer
    if all(_keeps_nothing(layer) for layer in layers):
        return True
    return _excluded_by_its_twin(layers, declared) or _sized_away(layers, declared) or _placed_off_the_box(layers, declared)


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
    operator; anything else in a layer (a position, size, repeat or box) marks it `placed`."""
    layers = []
    for piece in split_commas(values):
        images = [t for t in piece if t.type in ("function", "url") or _is_none(t)]
        modes = [t.lower_value for t in piece if t.type == "ident" and t.lower_value in _MODES]
        composites = [t.lower_value for t in piece if t.type == "ident" and t.lower_value in _COMPOSITES]
        if len(images) != 1 or len(modes) > 1 or len(composites) > 1:
            return None
        placed = len(piece) > 1 + len(modes) + len(composites)
        image = None if _is_none(images[0]) else images[0]
        layers.append(Layer(image, modes[0] if modes else "match-source", composites[0] if composites else "add", placed))
    return layers


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
    return all(alpha == 0 for *_, alpha in stops)


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


def _sized_away(layers: Sequence[Layer], declared: Mapping[str, Declaration]) -> bool:
    """True when every layer that is an image is sized to no width or no height (`mask-size: 0 0`)."""
    size = declared.get("mask-size")
    if size is None or "mask" in declared:
        return False
    sizes = split_commas(size.values)
    for index, layer in enumerate(layers):
        lengths = [length_px(t) for t in sizes[index % len(sizes)] if t.type != "ident"]
        if layer.image is not None and not any(length == 0 for length in lengths):
            return False
    return True


def _placed_off_the_box(layers: Sequence[Layer], declared: Mapping[str, Declaration]) -> bool:
    """True for one gradient layer of the box's size, not repeated, moved off the box to the left
    or right (`mask-repeat: no-repeat; mask-position: -9999px 0`)."""
    repeat, position = declared.get("mask-repeat"), declared.get("mask-position")
    if repeat is None or position is None or "mask" in declared or "mask-size" in declared or len(layers) != 1:
        return False
    if repeat.keyword != "no-repeat" or gradient_stops(layers[0].image) is None or not position.values:
        return False
    x = length_px(position.values[0])
    return x is not None and abs(x) >= _OFF_THE_BOX_PX


def may_mask_away(declaration: Declaration) -> bool:
    """True for a mask declaration that may keep nothing with the element's others (so that its
    rules are matched over the page): a `luminance` mode, an `exclude` or `subtract`, a size of
    zero, a position off the box."""
    name, values = declaration.name, declaration.values
    if name in ("mask", "mask-mode", "mask-composite"):
        return any(t.type == "ident" and t.lower_value in ("luminance", *_EMPTYING_COMPOSITES) for t in values)
    if name == "mask-size":
        return any(length_px(t) == 0 for t in values if t.type != "ident")
    if name == "mask-position":
        return any((x := length_px(t)) is not None and abs(x) >= _OFF_THE_BOX_PX for t in values)
    return False
