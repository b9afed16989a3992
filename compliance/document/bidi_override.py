"""Letters a CSS bidi override lays out in reverse (CSS Writing Modes 3, 2.2; HTML's `<bdo>`):
under `unicode-bidi: bidi-override` (or `isolate-override`) with `direction: rtl`, or in a
`<bdo dir="rtl">`, every character of a line is laid out right to left, so a Latin credit reads
backwards ("yliaD rellaC"); Arabic or Hebrew text, written right to left anyway, reads as written.
The page's text is read as a reader sees it: the letters of such Latin text in reverse order.

An override reaches the inline content of its element, not the text of a block inside it (which
lays out a paragraph of its own), nor what an embedding or isolate inside it holds (`unicode-bidi:
embed`, `isolate`, `plaintext`; an element with a `dir` attribute, a `<bdi>`, which HTML's own
style isolates). Only pages whose markup or CSS may name an override are read so (`may_override`),
and on them only the texts an override may reach (`override_reach`).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from compliance.document.css import display_keyword
from compliance.document.elements import BLOCK_TAGS
from compliance.firstuse import on_first_use

_OVERRIDES = frozenset({"bidi-override", "isolate-override"})
_EMBEDDINGS = frozenset({"embed", "isolate", "plaintext", "isolate-override", "bidi-override"})
_INLINE_DISPLAYS = frozenset({"inline", "contents"})
# The override keywords (`bidi-override`, `isolate-override`) in any case, as CSS keywords are
# ASCII case-insensitive: the hyphen before them starts the search, which the regex engine finds
# at once (a page holds far fewer hyphens than letters), and each letter is spelt in both cases
# rather than matched with IGNORECASE, which scans several times slower.
_OVERRIDE_KEYWORD = on_first_use(r"-[oO][vV][eE][rR][rR][iI][dD][eE]")


def may_override(source: str, root: Any) -> bool:
    """True when the page (its markup, `source`, parsed into the tree under `root`) may lay
    letters out in reverse: it has a `<bdo>` (the parser gives every tag in lower case), or its
    CSS may name an override (`bidi-override`, `isolate-override`, in any case: `Bidi-Override`,
    `ISOLATE-OVERRIDE`). A page with neither pays a search of its text for `-override` and of
    its tree for a `<bdo>`."""
    return next(root.iter("bdo"), None) is not None or _OVERRIDE_KEYWORD().search(source) is not None


def override_reach(root: Any, style: Any) -> frozenset[Any]:
    """The elements of the page under `root` (its `PageStyle`: `style`) that an override may
    reach: those in a `<bdo>` or in an element that a `<style>` rule (on some screen) or its
    `style` attribute gives an override `unicode-bidi`, and the element itself. The text of no
    other element can be `reversed_by_override` (only such an element sets an override), so a
    page whose source names `-override` in its URLs or classes only reads none of its texts so."""
    holders = {*root.iter("bdo"), *style.declared_on(root, "unicode-bidi", _OVERRIDES)}
    # Only the outermost holders' elements are gathered: what they hold is gathered once.
    outermost = (holder for holder in holders if not any(ancestor in holders for ancestor in holder.iterancestors()))
    return frozenset(node for holder in outermost for node in holder.iter())


def reversed_by_override(element: Any, style: Any) -> bool:
    """True when the text directly in `element` is laid out right to left letter by letter: the
    nearest element around it, up to its block, that sets a `unicode-bidi` of its own (by the
    page's CSS, or HTML's for `<bdo>`, `<bdi>` and a `dir` attribute) sets an override, and the
    `direction` in force there is `rtl`. `style`: the page's `PageStyle`. Only an element in
    `override_reach` can be one."""
    node = element
    while node is not None and isinstance(node.tag, str):
        own = style.on_demand(node, ("unicode-bidi", "display"))
        keyword = _unicode_bidi(node, own.get("unicode-bidi"))
        if keyword in _EMBEDDINGS:
            return keyword in _OVERRIDES and _direction(node, style) == "rtl"
        display = own.get("display")
        if (display_keyword(display) not in _INLINE_DISPLAYS) if display is not None else node.tag in BLOCK_TAGS:
            return False
        node = node.getparent()
    return False


def _unicode_bidi(node: Any, declared: Any) -> str | None:
    """The `unicode-bidi` of an element: the page's CSS, else HTML's own style (a `<bdo>`
    overrides, a `<bdi>` and an element with a `dir` attribute isolate); None for `normal`."""
    if declared is not None and declared.keyword != "normal":
        return str(declared.keyword)
    if declared is None and node.tag == "bdo":
        return "isolate-override"
    if declared is None and (node.tag == "bdi" or node.get("dir", "").strip().lower() in ("ltr", "rtl", "auto")):
        return "isolate"
    return None


def _direction(node: Any, style: Any) -> str:
    """The `direction` in force on an element: its own or its nearest ancestor's (by the CSS, else
    a `dir` attribute of `ltr` or `rtl`); `ltr` when none sets one."""
    while node is not None and isinstance(node.tag, str):
        declared = style.on_demand(node, ("direction",)).get("direction")
        if declared is not None and declared.keyword in ("ltr", "rtl"):
            return str(declared.keyword)
        written = str(node.get("dir", "")).strip().lower()
        if written in ("ltr", "rtl"):
            return written
        node = node.getparent()
    return "ltr"


def as_seen(text: str) -> str:
    """`text` laid out right to left letter by letter, as a reader reading left to right sees it:
    reversed when it holds a left-to-right letter (Latin, Greek, Cyrillic…), else as written (a
    right-to-left script reads as written)."""
    if any(unicodedata.bidirectional(char) == "L" for char in text):
        return text[::-1]
    return text
