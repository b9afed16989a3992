"""What `mix-blend-mode` makes of text (Compositing and Blending 1, 10: separable blend modes).

An element with a blend mode other than `normal` is painted, with everything inside it, into a
group that is then blended with what is behind it (the backdrop): white text under `difference`
over white is painted black and is read, dark text under `lighten` over white is painted white
and is lost. The text is judged as the reader sees it: its colour blended with the backdrop,
against the background inside the group blended with the backdrop too (the backdrop itself
where the group sets none). Non-separable modes (`hue`, `color`…) and a backdrop the page does
not set are not judged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from compliance.document.colour_difference import indistinguishable
from compliance.document.css import Declaration

Colour = tuple[float, float, float, float]


def _hard_light(backdrop: float, source: float) -> float:
    if source <= 0.5:
        return backdrop * 2 * source
    return _screen(backdrop, 2 * source - 1)


def _screen(backdrop: float, source: float) -> float:
    return backdrop + source - backdrop * source


def _soft_light(backdrop: float, source: float) -> float:
    if source <= 0.5:
        return backdrop - (1 - 2 * source) * backdrop * (1 - backdrop)
    d = ((16 * backdrop - 12) * backdrop + 4) * backdrop if backdrop <= 0.25 else backdrop**0.5
    return backdrop + (2 * source - 1) * (d - backdrop)


def _dodge(backdrop: float, source: float) -> float:
    if backdrop == 0:
        return 0.0
    return 1.0 if source == 1 else min(1.0, backdrop / (1 - source))


def _burn(backdrop: float, source: float) -> float:
    if backdrop == 1:
        return 1.0
    return 0.0 if source == 0 else 1 - min(1.0, (1 - backdrop) / source)


# Each separable mode's function of a backdrop channel and a source channel (0–1).
_SEPARABLE: Mapping[str, Callable[[float, float], float]] = {
    "multiply": lambda b, s: b * s,
    "screen": _screen,
    "overlay": lambda b, s: _hard_light(s, b),
    "darken": min,
    "lighten": max,
    "color-dodge": _dodge,
    "color-burn": _burn,
    "hard-light": _hard_light,
    "soft-light": _soft_light,
    "difference": lambda b, s: abs(b - s),
    "exclusion": lambda b, s: b + s - 2 * b * s,
    "plus-lighter": lambda b, s: min(1.0, b + s),
    "plus-darker": lambda b, s: max(0.0, b + s - 1),
}

# Text colours tried where the page sets none (a linked stylesheet may): the text is lost only
# where the blend loses each of them (`lighten` over white paints every colour white).
_ANY_TEXT: tuple[Colour, ...] = ((0.0, 0.0, 0.0, 1.0), (1.0, 1.0, 1.0, 1.0), (1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0), (0.5, 0.5, 0.5, 1.0))


class Blend(NamedTuple):
    """A blend group in force: its `mode`, the opaque `backdrop` colour behind it, and whether a
    background is set inside the group (`own_background`)."""

    mode: str
    backdrop: Colour
    own_background: bool = False


def may_lose_text(declaration: Declaration) -> bool:
    """True for a `mix-blend-mode` this module judges (a separable mode), which may paint text
    in the colour of what is behind it."""
    return declaration.keyword in _SEPARABLE


def group(declared: Mapping[str, Declaration], inherited: Blend | None, behind: Colour | None) -> Blend | None:
    """The blend group the element's content is painted in: the one its own separable
    `mix-blend-mode` starts over `behind` (its parent's background; an unknown or translucent one
    leaves it not judged), else `inherited` with whether the element sets a background in it."""
    declaration = declared.get("mix-blend-mode")
    if declaration is not None and declaration.keyword != "normal":
        if declaration.keyword not in _SEPARABLE or behind is None or behind[3] != 1:
            return None
        return Blend(declaration.keyword, behind, "background" in declared or "background-color" in declared)
    if inherited is not None and not inherited.own_background and ("background" in declared or "background-color" in declared):
        return inherited._replace(own_background=True)
    return inherited


def text_lost(blend: Blend, text: Colour | None, background: Colour | None) -> bool:
    """True when text of colour `text` (None: not set by the page, any colour) on `background`
    inside the group cannot be told from what is around it once blended; False when the
    background is not known."""
    behind = blend.backdrop
    if blend.own_background:
        if background is None or background[3] != 1:
            return False
        behind = _blended(blend.mode, background, blend.backdrop)
    texts = _ANY_TEXT if text is None else (text,)
    return all(indistinguishable(_blended(blend.mode, t, blend.backdrop), behind) for t in texts)


def _blended(mode: str, source: Colour, backdrop: Colour) -> Colour:
    """The colour `source` is painted in over an opaque `backdrop` under `mode`, its alpha
    composited as Compositing 1, 5.8 has it (source-over)."""
    function = _SEPARABLE[mode]
    alpha = source[3]
    red, green, blue = ((1 - alpha) * b + alpha * function(b, s) for b, s in zip(backdrop[:3], source[:3], strict=True))
    return (red, green, blue, 1.0)
