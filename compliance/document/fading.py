"""Fading and shrinking that compose down the tree.

`opacity` (and `filter: opacity()`), `transform: scale()` (and the `scale` property) and `zoom`
each apply to the element and everything it holds, so nested ones multiply: three boxes at
`opacity: 0.1` leave the innermost at 0.001, as faint as one at `opacity: 0.001`. The product
along the ancestors is judged against the same thresholds as one declaration (see `visibility`):
an opacity of 0.01 or less, a scale of 0.01 or less along an axis, a zoom of 0.002 or less.

A shrink is not final where it is set: a descendant's own scale or zoom multiplies it back
(`scale(0.005)` on a box and `scale(200)` on the block inside it draw that block at its normal
size). Only a fade (no descendant is more opaque than its ancestor) or a scale of 0 is final.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.css import NEAR_ZERO_OPACITY, NEGLIGIBLE_SCALE, NEGLIGIBLE_TRANSFORM_SCALE, Declaration, filter_opacity, length_px, number


class Fading(NamedTuple):
    """How much of an element is left by what it and its ancestors set: `opacity` (0–1, the
    product of `opacity` and `filter: opacity()`), `scale` (the product of `transform` and `scale`
    factors, along the axis they shrink most) and `zoom` (the product of `zoom` factors)."""

    opacity: float = 1.0
    scale: float = 1.0
    zoom: float = 1.0

    @property
    def gone(self) -> bool:
        """True when so little is left that a reader sees nothing (a scale and a zoom together
        are judged by the zoom's threshold, the stricter of the two)."""
        return (
            self.opacity <= NEAR_ZERO_OPACITY
            or self.scale <= NEGLIGIBLE_TRANSFORM_SCALE
            or self.zoom <= NEGLIGIBLE_SCALE
            or self.scale * self.zoom <= NEGLIGIBLE_SCALE
        )

    @property
    def gone_for_good(self) -> bool:
        """True when the element is gone (`gone`) in a way no descendant brings back: faded out,
        or scaled by 0 (a shrink by a factor above 0 is undone by a descendant's scale or zoom)."""
        return self.gone and (self.opacity <= NEAR_ZERO_OPACITY or self.scale == 0 or self.zoom == 0)

    def within(self, declared: Mapping[str, Declaration], lazy_fade: bool) -> Fading:
        """The fading of an element that sets `declared` under one faded this much (`lazy_fade`:
        its `opacity` is a lazy-loader's fade-in, not counted)."""
        opacity = _own_opacity(declared, lazy_fade)
        scale = _own_scale(declared)
        zoom = _own_zoom(declared)
        if opacity == 1.0 and scale == 1.0 and zoom == 1.0:
            return self
        return Fading(self.opacity * opacity, self.scale * scale, self.zoom * zoom)


NOT_FADED = Fading()


def _own_opacity(declared: Mapping[str, Declaration], lazy_fade: bool) -> float:
    """The opacity the element's own `opacity` and `filter` set (1 when none). Where `filter`
    and its alias `-webkit-filter` are both set, the one that wins is not known here: the
    fainter of the two is not relied on."""
    level = 1.0
    opacity = declared.get("opacity")
    if opacity is not None and not lazy_fade and len(opacity.values) == 1:
        value = number(opacity.values[0])
        if value is not None:
            level = min(max(value, 0.0), 1.0)
    fades = [filter_opacity(declared[name].values) for name in ("filter", "-webkit-filter") if name in declared]
    if fades and all(f is not None for f in fades):
        level *= max(f for f in fades if f is not None)
    return level


def shrinks_undoably(declared: Mapping[str, Declaration]) -> bool:
    """True when the element's `transform` and `scale` shrink it to next to nothing by a factor a
    descendant's own scale can undo (above 0, worked out here: see `Fading.final`)."""
    return 0 < _own_scale(declared) <= NEGLIGIBLE_TRANSFORM_SCALE


def _own_scale(declared: Mapping[str, Declaration]) -> float:
    """The factor the element's `transform` and `scale` shrink it by along the axis they shrink
    most (1 when they do not, or in a way the checker does not work out)."""
    factor = 1.0
    transform = declared.get("transform")
    if transform is not None:
        factor *= _transform_scale(transform.values)
    scale = declared.get("scale")
    if scale is not None and scale.values and scale.values[0].type in ("number", "percentage"):
        axes = [number(v) for v in scale.values[:2]]
        if all(a is not None for a in axes):
            factor *= min(abs(a) for a in axes if a is not None)
    return factor


def _transform_scale(values: Sequence[Any]) -> float:
    """The product of a `transform` value's scale factors, along the axis shrunk most."""
    factor = 1.0
    for token in values:
        if token.type != "function":
            continue
        arguments = [number(t) if t.type != "dimension" else length_px(t) for t in token.arguments if t.type not in ("whitespace", "literal", "comment")]
        if any(a is None for a in arguments) or not arguments:
            continue
        known = [float(a) for a in arguments if a is not None]
        name = token.lower_name
        if name in ("scale", "scale3d", "scalex", "scaley"):
            factor *= min(abs(a) for a in known[:2])
        elif name == "matrix" and len(known) == 6:
            factor *= min(math.hypot(known[0], known[1]), math.hypot(known[2], known[3]))
    return factor


def _own_zoom(declared: Mapping[str, Declaration]) -> float:
    """The element's `zoom` factor (1 when none; `zoom: 0` is read as 1, as browsers do)."""
    zoom = declared.get("zoom")
    if zoom is None or len(zoom.values) != 1:
        return 1.0
    value = number(zoom.values[0])
    return value if value is not None and value > 0 else 1.0
