"""Links a reader cannot click: `pointer-events: none` in force on them (CSS UI 4, 6.3.1;
SVG 2), from a `<style>` rule or a `style` attribute on the link or inherited from an element
around it. Such a link is drawn, but the browser sends its clicks and taps to what is under it,
and following it is out of a reader's reach, as for a link in an `inert` subtree
(`elements.inert_holder`).

Read: the value that wins the cascade on the link, else on the nearest element around it that
declares one (the property is inherited): `none` there makes it ignore the pointer; any other
keyword (`auto`, an SVG one) lets the reader click it, and `initial` is `auto`; `inherit`,
`unset`, `revert` and `revert-layer` take the parent's (no user-agent style sets it). A value
with `var()` is not read (the link is clickable). The cascade is read twice, by every rule and
by the rules every screen meets (`PageStyle.on_demand_of`), and the link ignores the pointer when
both readings say so: a `none` in a media query some screens meet leaves it clickable on others,
and is not read.

A page whose CSS (its `<style>` blocks and `style` attributes) never names `pointer-events` is
not read further (`may_ignore_pointer`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from compliance.document.css import Declaration

# What makes the declared value the parent's: the property is inherited, and no user-agent style
# declares it (so `revert` rolls back to inheriting too).
_INHERITING = frozenset({"inherit", "unset", "revert", "revert-layer"})


def may_ignore_pointer(root: Any, sheets: Sequence[str]) -> bool:
    """The cheap test of a page: its applied `<style>` blocks (`sheets`) or a `style` attribute
    name `pointer-events` (in any letter case, as CSS reads property names)."""
    if any("pointer-events" in sheet.lower() for sheet in sheets):
        return True
    return bool(root.xpath("//@style[contains(translate(., 'POINTERVS', 'pointervs'), 'pointer-events')]"))


def ignoring_pointer(links: Sequence[Any], declarations: Callable[..., list[dict[str, Declaration]]]) -> dict[Any, Any]:
    """For each of the `links` (elements) under `pointer-events: none`, the element whose
    declaration it is: the link itself or an element around it. `declarations(elements, names,
    every_screen=...)` gives the winning declarations of `names` on each element
    (`PageStyle.on_demand_of`)."""
    chains = {link: [link, *link.iterancestors()] for link in links}
    elements = list(dict.fromkeys(element for chain in chains.values() for element in chain if isinstance(element.tag, str)))
    if not elements:
        return {}
    readings = [
        {element: found.get("pointer-events") for element, found in zip(elements, declarations(elements, ("pointer-events",), every_screen=every), strict=True)}
        for every in (False, True)
    ]
    found = {}
    for link, chain in chains.items():
        holders = [_in_force(chain, declared) for declared in readings]
        if holders[0] is not None and holders[1] is not None:
            found[link] = holders[0]
    return found


def _in_force(chain: Sequence[Any], declared: dict[Any, Declaration | None]) -> Any | None:
    """The element of `chain` (an element, then the elements around it outwards) whose
    `pointer-events: none` is in force on the first; None when another value is."""
    for element in chain:
        declaration = declared.get(element)
        if declaration is None:
            continue
        if any(token.type == "function" for token in declaration.values):
            return None  # a `var()` or another function: not read
        keyword = declaration.keyword
        if keyword in _INHERITING:
            continue
        return element if keyword == "none" else None
    return None
