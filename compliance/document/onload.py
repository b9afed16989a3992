"""Images as they stand once loaded: the `onload` handlers that show what a page hid until then.

The standard lazy fade-in hides an image until it has loaded and its handler shows it:
`<img style="opacity:0;transition:opacity .3s" onload="this.style.opacity=1">`. A reader sees
the image; the checker reads the page as it stands after such handlers have run.

Only a handler a reader's browser certainly runs to the end, and whose every statement
(separated by `;` or a line break) is one of these, counts; anything else in it (a condition, a
call, another assignment) and the handler is not read at all, so that `onload="if(0)this.style.opacity=1"` or one that does nothing leaves the
image as hidden as its markup says:

- `this.style.opacity = 1` (likewise `visibility`, `display`; a number or a quoted string; `''`
  removes the `style` attribute's declaration of it, as the CSSOM does);
- `this.style.setProperty('opacity', '1')` (with `'important'` as a third argument, an
  important declaration), `this.style.removeProperty('opacity')`;
- `this.classList.add('loaded')`, `this.classList.remove('fade', 'lazy')` (any number of names);
- `this.onload = null` (a handler that removes itself, which changes nothing a reader sees).

What the handler sets goes into the `style` and `class` attributes as a browser's CSSOM writes
them, and the cascade then decides, as for any page: a stylesheet's `!important` still wins over
what a handler writes in `style`. A value the property does not take (`'banana'`, `'1px'` for
`opacity`) is dropped as the CSSOM drops it, read by the same `css` reading as any declaration:
the declaration it would have replaced stays.

Only `<img>` elements are read (the element whose `load` event fires when its picture arrives);
the pass runs only when the page's source holds the word `onload`.
"""

from __future__ import annotations

import re
from typing import Any

# The properties whose reveal a handler is read for (what lazy fade-ins set back).
_PROPERTIES = frozenset({"opacity", "visibility", "display"})

_STRING = r"""(?:'([^'\\]*)'|"([^"\\]*)")"""
_ASSIGN = re.compile(rf"this\.style\.([a-z]+)\s*=\s*(?:{_STRING}|(-?[0-9]*\.?[0-9]+))")
_SET_PROPERTY = re.compile(rf"this\.style\.setProperty\(\s*{_STRING}\s*,\s*(?:{_STRING}|(-?[0-9]*\.?[0-9]+))\s*(?:,\s*{_STRING}\s*)?\)")
_REMOVE_PROPERTY = re.compile(rf"this\.style\.removeProperty\(\s*{_STRING}\s*\)")
_CLASS_LIST = re.compile(rf"this\.classList\.(add|remove)\(\s*({_STRING}(?:\s*,\s*{_STRING})*)\s*\)")
_CLASS_NAME = re.compile(r"""'([^'\\]*)'|"([^"\\]*)\"""")
_SELF_REMOVAL = re.compile(r"this\.onload\s*=\s*null")


def _statements(handler: str) -> list[str]:
    """The handler's statements: split at `;` and at line breaks (none of the forms read holds
    one in its strings, and a line break ends each of them, as JavaScript inserts the `;`)."""
    return [part.strip() for part in _SEPARATOR.split(handler) if part.strip()]


_SEPARATOR = re.compile(r"[;\n\r\u2028\u2029]")


def _first(*groups: str | None) -> str | None:
    return next((group for group in groups if group is not None), None)


def read_handler(handler: str) -> list[tuple[str, str, str]] | None:
    """The changes an `onload` handler makes, in order, as (what, name, value) triples —
    ("style", property, value; "" removes the declaration; "important", property, value for
    `setProperty(…, 'important')`) or ("add"/"remove", class, "") — when every statement is one
    of the forms this module reads; None otherwise. Whether the value is one the property takes
    is decided when the change is made (`_set_declaration`)."""
    changes: list[tuple[str, str, str]] = []
    for statement in _statements(handler):
        changes_of = _changes(statement)
        if changes_of is None:
            return None
        changes.extend(changes_of)
    return changes


def _changes(statement: str) -> list[tuple[str, str, str]] | None:
    """The changes one statement makes, or None for a statement of no form read here."""
    if _SELF_REMOVAL.fullmatch(statement):
        return []
    match = _ASSIGN.fullmatch(statement)
    if match is not None:
        value = _first(match.group(2), match.group(3), match.group(4)) or ""
        return _style(match.group(1), value)
    match = _SET_PROPERTY.fullmatch(statement)
    if match is not None:
        value = _first(match.group(3), match.group(4), match.group(5)) or ""
        priority = (_first(match.group(6), match.group(7)) or "").lower()
        if priority not in ("", "important"):
            return []  # the CSSOM changes nothing for another priority
        return _style(_first(match.group(1), match.group(2)) or "", value, important=priority == "important")
    match = _REMOVE_PROPERTY.fullmatch(statement)
    if match is not None:
        return _style(_first(match.group(1), match.group(2)) or "", "")
    match = _CLASS_LIST.fullmatch(statement)
    if match is not None:
        names = [_first(*found) or "" for found in _CLASS_NAME.findall(match.group(2))]
        return [(match.group(1), name, "") for name in names if name and not any(char.isspace() for char in name)]
    return None


def _style(name: str, value: str, important: bool = False) -> list[tuple[str, str, str]] | None:
    """A change of a property read here; None for another property (the handler is not read)."""
    name = name.lower()
    if name not in _PROPERTIES or any(char in value for char in ";{}"):
        return None
    return [("important" if important else "style", name, value.strip())]


def apply_load_handlers(root: Any) -> None:
    """Run, on the tree, the `onload` handlers of its `<img>` elements that `read_handler`
    reads: their `style` and `class` attributes become what the handler leaves."""
    for image in root.iter("img"):
        handler = image.get("onload")
        if not handler:
            continue
        changes = read_handler(handler)
        if changes:
            _apply(image, changes)


def _apply(element: Any, changes: list[tuple[str, str, str]]) -> None:
    classes = (element.get("class") or "").split()
    style = element.get("style") or ""
    for what, name, value in changes:
        if what in ("style", "important"):
            style = _set_declaration(style, name, value, what == "important")
        elif what == "add" and name not in classes:
            classes.append(name)
        elif what == "remove":
            classes = [token for token in classes if token != name]
    element.set("style", style)
    if classes or element.get("class") is not None:
        element.set("class", " ".join(classes))


def _set_declaration(style: str, name: str, value: str, important: bool = False) -> str:
    """The `style` attribute as `element.style[name] = value` (or `setProperty(name, value,
    'important')`) leaves it: its declarations of `name` replaced by `name: value`, removed when
    `value` is empty, and unchanged when the value is one CSS refuses for the property (the
    CSSOM parses it as a declaration and drops an invalid one: `this.style.opacity='banana'`
    leaves `opacity: 0`), or holds a priority of its own (`'1 !important'`)."""
    import tinycss2

    from compliance.document.css import parse_style_attribute

    written = f"{name}: {value}{' !important' if important else ''}"
    if value and ("!" in value or not parse_style_attribute(written)):
        return style
    kept = [
        node.serialize()
        for node in tinycss2.parse_blocks_contents(style, skip_comments=True, skip_whitespace=True)
        if node.type == "declaration" and node.lower_name != name
    ]
    if value:
        kept.append(written)
    return "; ".join(kept)
