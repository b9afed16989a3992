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

A `light-dark()` colour is read in the scheme most readers see (`most_readers_scheme`): the page's
CSS is written with the colour of that scheme in its place (`read_light_dark`), before any of it is
read; the readers who prefer dark on a page that supports both are read for apart
(`dark_for_some`, `screen_hiding.hidden_in_dark_scheme`).
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


# A `color-scheme` declaration anywhere in CSS text (not a custom property's `--color-scheme`), and
# its value up to the end of the declaration or its `!important`.
_DECLARED_SCHEME = on_first_use(r"(?<![\w-])color-scheme\s*:\s*([^;{}!]*)", re.IGNORECASE)
# A `light-dark()` in the page's source: the search starts at the hyphen, which the regex engine
# finds at once, and each letter is spelt in both cases (CSS's names are ASCII case-insensitive).
_LIGHT_DARK = on_first_use(r"-[dD][aA][rR][kK]\(")


def may_read_light_dark(source: str) -> bool:
    """Whether a page's source may use `light-dark()` (a search of its text for "-dark(")."""
    return _LIGHT_DARK().search(source) is not None


def inline_styles(root: Any) -> list[str]:
    """The `style` attributes of the elements under `root` that have one, in document order: what
    `most_readers_scheme` and `dark_for_some` read besides the `<style>` blocks."""
    return [value for element in root.iter() if isinstance(element.tag, str) and (value := element.get("style"))]


def most_readers_scheme(root: Any, sheets: Sequence[str], inline: Sequence[str]) -> str:
    """The colour scheme most readers see the page in (CSS Color Adjustment 1, 2), for the colours
    the scheme chooses (`light-dark()`): "light" when every `color-scheme` the page declares
    anywhere (a `<meta name="color-scheme">`, any rule of its `<style>` blocks `sheets`, any of its
    `style` attributes `inline`) lists `light` or is `normal`, or it declares none: a browser's
    own scheme is light, and a page that supports both follows the reader's preference, light
    for most readers (as `media_queries` reads `prefers-color-scheme`); "dark" when the page
    surely asks for dark alone on its root (`asks_for_dark`'s reading of where it is declared);
    "" otherwise (a scheme declared dark on some elements only, or not read: `var()`)."""
    declared = _declared_schemes(root, sheets, inline)
    if all(_light_among(value) for value in declared):
        return "light"
    values = _scheme_values(root, sheets, inline)
    return "dark" if values and all(_dark_only(value) for value in values) else ""


def read_light_dark(root: Any, scheme: str) -> None:
    """Write each `light-dark(LIGHT, DARK)` of the page's `<style>` blocks and `style` attributes
    (under `root`, changed in place) as the colour a reader in `scheme` sees (CSS Color 5, 6.1):
    LIGHT in "light", DARK in "dark". The page is then read as one that wrote that colour, by
    every reading of its CSS alike (a text with no `light-dark()` is left as it is). One whose
    brackets do not close, or with no comma between its colours, is left as written (not read)."""
    if scheme not in ("light", "dark"):
        return
    for element in root.iter("style"):
        if element.text and may_read_light_dark(element.text):
            element.text = _with_light_dark_read(element.text, scheme == "dark")
    for element in root.iter():
        value = element.get("style") if isinstance(element.tag, str) else None
        if value and may_read_light_dark(value):
            element.set("style", _with_light_dark_read(value, scheme == "dark"))


# A `light-dark(` in CSS text, in any case (CSS's function names are ASCII case-insensitive), not
# the end of a longer name.
_LIGHT_DARK_FUNCTION = on_first_use(r"(?<![\w-])light-dark\(", re.IGNORECASE)


def _with_light_dark_read(text: str, dark: bool, depth: int = 0) -> str:
    """`text` with each `light-dark()` written as its first colour, or its second (`dark`); one
    inside the colour chosen is read too, down to `_MOST_NESTED` levels (deeper ones are left as
    written, not read). Linear in the text: each function's brackets are matched once
    (`_closing_brackets`), so that a page of thousands of unclosed `light-dark(` is read in one
    pass, not one pass each."""
    found: list[str] = []
    start = 0
    closing = _closing_brackets(text)
    while (match := _LIGHT_DARK_FUNCTION().search(text, start)) is not None:
        arms = _arms(text, match.end(), closing)
        if arms is None:
            found.append(text[start : match.end()])
            start = match.end()
            continue
        (first, second), end = arms
        chosen = second if dark else first
        found += [text[start : match.start()], _with_light_dark_read(chosen, dark, depth + 1) if depth < _MOST_NESTED else chosen]
        start = end
    found.append(text[start:])
    return "".join(found)


# The characters that open, part or close a function's arguments, or end the declaration.
_ARGUMENT_MARKS = on_first_use(r"[(),{};]")
# How many `light-dark()` inside one another are read (no page nests more than a couple).
_MOST_NESTED = 16


def _closing_brackets(text: str) -> dict[int, int]:
    """The offset of the `)` that closes each `(` of `text`, by the offset of the `(`; a bracket
    that no `)` closes before a `{`, `}` or `;` (the end of a declaration or a block) has none."""
    closing: dict[int, int] = {}
    opened: list[int] = []
    for mark in _ARGUMENT_MARKS().finditer(text):
        char = mark.group()
        if char == "(":
            opened.append(mark.start())
        elif char == ")":
            if opened:
                closing[opened.pop()] = mark.start()
        elif char != ",":
            opened.clear()
    return closing


def _arms(text: str, at: int, closing: dict[int, int]) -> tuple[tuple[str, str], int] | None:
    """The two comma-separated arguments of the function whose arguments start at `at` (after its
    `(`), stripped, and the offset after its closing bracket (`closing`: `_closing_brackets` of
    `text`); None when it has not two, or does not close within its declaration."""
    end = closing.get(at - 1)
    if end is None:
        return None
    comma = None
    offset = at
    while (mark := _ARGUMENT_MARKS().search(text, offset, end)) is not None:
        if mark.group() == "(":
            inner = closing.get(mark.start())
            if inner is None:
                return None
            offset = inner + 1  # a bracket inside the arguments: its commas are its own
            continue
        if mark.group() == ",":
            if comma is not None:
                return None
            comma = mark.start()
        offset = mark.end()
    return ((text[at:comma].strip(), text[comma + 1 : end].strip()), end + 1) if comma is not None else None


def dark_for_some(root: Any, sheets: Sequence[str], inline: Sequence[str]) -> bool:
    """Whether the readers who prefer the dark scheme see the page in it though most see it light
    (`most_readers_scheme` is "light"): a `color-scheme` it declares (`light dark`) lists `dark`.
    Their `light-dark()` colours are the second ones."""
    declared = _declared_schemes(root, sheets, inline)
    return most_readers_scheme(root, sheets, inline) == "light" and any("dark" in value.lower().split() for value in declared)


def _declared_schemes(root: Any, sheets: Sequence[str], inline: Sequence[str]) -> list[str]:
    """Every `color-scheme` value the page declares, wherever it is: its head's `<meta
    name="color-scheme">` elements', and those of any rule or `style` attribute."""
    head = next(root.iterchildren("head"), None)
    metas = [] if head is None else [m.get("content") or "" for m in head.iter("meta") if (m.get("name") or "").strip().lower() == "color-scheme"]
    return [*metas, *(m.group(1) for text in (*sheets, *inline) for m in _DECLARED_SCHEME().finditer(text))]


def _light_among(value: str) -> bool:
    """Whether a `color-scheme` value lets most readers see the light scheme: it lists `light`
    (`light`, `light dark`, `only light`) or is `normal`."""
    words = value.lower().split()
    return "light" in words or words == ["normal"]


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
