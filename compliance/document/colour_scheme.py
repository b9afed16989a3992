"""The colour scheme a page asks for, where the checker can be sure of it (CSS Color Adjustment 1).

A page whose root (`:root`, `html`) or `<body>` asks for `color-scheme: dark` without `light`
(`dark`, `only dark`), or whose `<meta name="color-scheme">` does, is painted on Chromium's dark
canvas, and text it sets no colour for is the dark scheme's `CanvasText` (measured in Chromium
156, by a screenshot's pixels and `getComputedStyle`: rgb(18, 18, 18) and white; the ink of
tests/test_hiding_families.py's `DARK_SCHEME` rows in tests/test_browser.py shows the white). A scheme that lists `light` too
follows the reader's preference (light, in a headless browser): not read here. So that the
checker is sure of it, every `color-scheme` of the page must be of that kind and on those
elements, in no conditional rule, and the page must use no colour whose value the scheme
changes (a system colour, `light-dark()`) nor a form control or `<mark>`, whose own colours
change with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from compliance.firstuse import on_first_use

Colour = tuple[float, float, float, float]

# Chromium's dark scheme: the canvas, and `CanvasText`, the colour of text the page sets none for.
DARK_CANVAS: Colour = (18 / 255, 18 / 255, 18 / 255, 1.0)
DARK_CANVAS_TEXT: Colour = (1.0, 1.0, 1.0, 1.0)

# A page's CSS that may name a colour scheme (a cheap test of its text, that most pages fail).
NAMES_A_SCHEME = on_first_use(r"color-scheme", re.IGNORECASE)
# The selectors of the elements whose `color-scheme` sets the canvas and the default text colour.
_ROOT_SELECTORS = frozenset({":root", "html", "body"})
# The colours whose value the scheme changes, and the elements whose own colours it changes.
_SCHEME_COLOURS = on_first_use(
    r"(?<![\w-])(?:light-dark|canvas|canvastext|field|fieldtext|buttonface|buttontext|buttonborder|graytext|linktext|visitedtext"
    r"|activetext|highlight|highlighttext|selecteditem|selecteditemtext|accentcolor|accentcolortext|marktext)(?![\w-])",
    re.IGNORECASE,
)
_SCHEMED_ELEMENTS = ("button", "input", "select", "textarea", "mark", "meter", "progress")


def asks_for_dark(root: Any, sheets: Sequence[str], inline: Sequence[str]) -> bool:
    """True when the page (its tree `root`, its `<style>` blocks `sheets`, the values of its `style`
    attributes `inline`) is surely painted in the dark scheme (see the module's docstring); False
    when it is not, or when the checker cannot be sure."""
    values = _scheme_values(root, sheets, inline)
    if not values or not all(_dark_only(value) for value in values):
        return False
    if any(_SCHEME_COLOURS().search(text) for text in (*sheets, *inline)):
        return False
    return next(root.iter(*_SCHEMED_ELEMENTS), None) is None


def _scheme_values(root: Any, sheets: Sequence[str], inline: Sequence[str]) -> list[str] | None:
    """Every `color-scheme` the page asks for (its head's `<meta>` elements', its root's and body's);
    None when one is declared where it is not read (see `_root_values`, `_sheet_values`)."""
    # One search of all the page's CSS text first: most pages name no scheme.
    named = [text for text in (*sheets, *inline) if NAMES_A_SCHEME().search(text)] if "color-scheme" in "\n".join((*sheets, *inline)).lower() else []
    head = next(root.iterchildren("head"), None)
    metas = [] if head is None else [m.get("content") or "" for m in head.iter("meta") if (m.get("name") or "").strip().lower() == "color-scheme"]
    if not named and not metas:
        return None
    own = _root_values(root, inline, named)
    declared = [_sheet_values(text) for text in named if text in sheets]
    if own is None or any(found is None for found in declared):
        return None
    return [*metas, *own, *(value for found in declared for value in found or ())]


def _root_values(root: Any, inline: Sequence[str], named: Sequence[str]) -> list[str] | None:
    """The `color-scheme` values of the `style` attributes of `<html>` and `<body>`; None for one
    in another element's `style` attribute (not read)."""
    own = [element.get("style") or "" for element in (root, root.find("body")) if element is not None]
    found: list[str] = []
    for value in named:
        if value not in inline:
            continue
        if value not in own:
            return None
        found.extend(_declared(value))
    return found


def _sheet_values(sheet: str) -> list[str] | None:
    """The `color-scheme` values of a `<style>` block's top-level rules for the root or the body;
    None when one is declared elsewhere (another selector, a conditional or nested rule)."""
    import tinycss2

    found: list[str] = []
    for node in tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True):
        text = node.serialize() if node.type in ("qualified-rule", "at-rule") else ""
        if not NAMES_A_SCHEME().search(text):
            continue
        values = _rule_values(node)
        if values is None:
            return None
        found += values
    return found


def _rule_values(node: Any) -> list[str] | None:
    """The `color-scheme` values of a rule for the root or the body; None for another rule, or
    one with a nested rule that names a scheme."""
    import tinycss2

    if node.type != "qualified-rule" or tinycss2.serialize(node.prelude).strip().lower() not in _ROOT_SELECTORS:
        return None
    contents = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
    if any(item.type != "declaration" and NAMES_A_SCHEME().search(item.serialize()) for item in contents):
        return None
    return [tinycss2.serialize(item.value) for item in contents if item.type == "declaration" and item.lower_name == "color-scheme"]


def _declared(style: str) -> list[str]:
    """The `color-scheme` values of a `style` attribute."""
    import tinycss2

    items = tinycss2.parse_blocks_contents(style, skip_comments=True, skip_whitespace=True)
    return [tinycss2.serialize(item.value) for item in items if item.type == "declaration" and item.lower_name == "color-scheme"]


def _dark_only(value: str) -> bool:
    """Whether a `color-scheme` value asks for the dark scheme alone (`dark`, `only dark`)."""
    words = value.lower().split()
    return "dark" in words and set(words) <= {"dark", "only"}
