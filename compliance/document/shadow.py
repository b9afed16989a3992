"""Declarative shadow roots, read as a browser attaches and renders them (DOM, "shadow trees";
HTML, 13.2.6.4.4 "the template element" with `shadowrootmode`).

A `<template shadowrootmode="open">` (or `closed`) that is the first such child of an element able
to host a shadow root (`SHADOW_HOSTS`, or a custom element's name) becomes that element's shadow
root: its content is what renders in the host, and the host's own children (its light DOM) show
only where a `<slot>` of the shadow tree takes them: an element by its `slot` attribute into the
first slot of that name, the others and the host's text into the first slot without a name. A
slot's own content is its fallback, shown only when nothing is slotted into it. A template of
another mode, of the older `shadowroot` attribute (which Chromium no longer reads), or in another
element stays an inert template.

The shadow root's `<style>` blocks style its own tree, its host (`:host`, `:host(X)`) and the
children slotted into it (`::slotted(X)`); the page's rules reach the host and its light children
but not the shadow tree, and win over the shadow root's rules on the host and the slotted children
(CSS Scoping 1, 3.1 "the shadow-encapsulation context": the outer context wins for normal
declarations, the inner one for important ones). All this is read from the tree the page's one
parse built (libxml2 keeps the template's content as its children).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from compliance.document.css import Declaration, parse_style_sheet
from compliance.firstuse import on_first_use

# The HTML elements that can host a shadow root (DOM, "attachShadow", step 3); any custom element
# (a name with a hyphen) can too.
SHADOW_HOSTS = frozenset("article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span".split())
_SHADOW_MODES = frozenset({"open", "closed"})
_CUSTOM_ELEMENT = re.compile(r"^[a-z][^\sA-Z]*-[^\sA-Z]*$")

# A rule's precedence as `visibility.PageStyle` ranks it: importance, inline, layer rank,
# specificity, proximity, order. The shadow root's rules rank below every rule of the page
# (above presentational hints) for normal declarations, and above them for important ones.
Precedence = tuple[bool, bool, tuple[float, ...], tuple[int, int, int], int, int]
_NORMAL_RANK = (-math.inf, 0.0)
_IMPORTANT_RANK = (math.inf, math.inf)
_UNSCOPED = 0

_HOST = re.compile(r"^:host(?:\((?P<host>.+)\))?$", re.IGNORECASE | re.DOTALL)
_HOST_THEN = on_first_use(r"^:host(?:\((?P<host>[^()]+)\))?\s*(?P<combinator>[>\s])\s*(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
_SLOTTED = re.compile(r"^(?P<slot>[^:]*?)::slotted\((?P<inner>.+)\)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class ShadowTrees:
    """The page's attached declarative shadow roots: `roots`, each host's template (`hosts`), the
    slot each light-DOM element is slotted into (`slot_of`), each host's slot for its text (its
    first slot without a name; None when it has none: `text_slot`), and the light-DOM children
    and slot fallback content that never render (`unrendered`), and the slots something is
    slotted into (`filled_slots`), whose own text is fallback content too."""

    roots: frozenset[Any]
    hosts: Mapping[Any, Any]
    slot_of: Mapping[Any, Any]
    text_slot: Mapping[Any, Any]
    unrendered: frozenset[Any]
    filled_slots: frozenset[Any]

    def tree_of(self, element: Any) -> Any:
        """The shadow root (its template) whose tree the element is in; None for the page's own."""
        for ancestor in element.iterancestors():
            if ancestor in self.roots:
                return ancestor
        return None


def shadow_trees(root: Any) -> ShadowTrees | None:
    """The declarative shadow roots a browser attaches under `root`; None when there is none (most
    pages: a search of the page's `<template>`s tells)."""
    hosts = _attached(root)
    if not hosts:
        return None
    roots = frozenset(hosts.values())
    slot_of: dict[Any, Any] = {}
    text_slot: dict[Any, Any] = {}
    unrendered: set[Any] = set()
    filled: set[Any] = set()
    for host, template in hosts.items():
        slots: dict[str, Any] = {}
        for slot in _own_tree(template, roots, "slot"):
            slots.setdefault(slot.get("name") or "", slot)
        text_slot[host] = slots.get("")
        for child in host:
            if child is template or not isinstance(child.tag, str):
                continue
            slot = slots.get(child.get("slot") or "")
            if slot is None:
                unrendered.add(child)
            else:
                slot_of[child] = slot
                filled.add(slot)
        if slots.get("") is not None and _has_light_text(host):
            filled.add(slots[""])
    for slot in filled:
        unrendered.update(child for child in slot if isinstance(child.tag, str))
    return ShadowTrees(roots, hosts, slot_of, text_slot, frozenset(unrendered), frozenset(filled))


def _attached(root: Any) -> dict[Any, Any]:
    """Each shadow host under `root` and the template a browser attaches as its shadow root: the
    first of a shadow mode in an element that can host one, not in an inert template."""
    hosts: dict[Any, Any] = {}
    for template in root.iter("template"):
        host = template.getparent()
        if host is None or host in hosts or (template.get("shadowrootmode") or "").strip().lower() not in _SHADOW_MODES:
            continue
        if _can_host(host) and all(a.tag != "template" or a in hosts.values() for a in template.iterancestors()):
            hosts[host] = template
    return hosts


def is_shadow_root(template: Any) -> bool:
    """Whether a browser attaches the `<template>` as its parent's declarative shadow root (see
    `shadow_trees`): asked of the few templates a check meets around an element."""
    host = template.getparent()
    return host is not None and _attached_in(host, template)


def _attached_in(host: Any, template: Any) -> bool:
    """Whether `template`, a child of `host`, is the one a browser attaches as its shadow root."""
    outermost = next((ancestor for ancestor in reversed(list(host.iterancestors())) if ancestor.tag == "template"), None)
    tree = outermost.getparent() if outermost is not None else host.getroottree().getroot()
    return tree is not None and _attached(tree).get(host) is template


def _can_host(element: Any) -> bool:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    return tag in SHADOW_HOSTS or bool(_CUSTOM_ELEMENT.match(tag))


def _has_light_text(host: Any) -> bool:
    """Whether the host holds text of its own (before, between or after its children), which is
    slotted into its slot without a name."""
    return bool(host.text) or any(child.tail for child in host)


def _own_tree(template: Any, roots: frozenset[Any], *tags: str) -> Iterable[Any]:
    """The elements (of `tags`, or all) in the shadow tree of `template`, not those of a shadow
    tree nested in it."""
    for element in template.iterdescendants(*tags):
        if isinstance(element.tag, str) and next((a for a in element.iterancestors() if a in roots), None) is template:
            yield element


def shadow_sheets(trees: ShadowTrees) -> tuple[str, ...]:
    """The text of each shadow root's `<style>` blocks (of CSS), in document order: the colours
    they set are read with the page's (`visibility.PageStyle.of`)."""
    return tuple(text for template in trees.hosts.values() for style in _own_tree(template, trees.roots, "style") if (text := _css_of(style)))


def _css_of(style: Any) -> str:
    """The CSS of a `<style>` block; empty for one of another type."""
    return "" if (style.get("type") or "").strip().lower() not in ("", "text/css") else style.text or ""


def shadow_matches(trees: ShadowTrees) -> dict[Any, list[tuple[Precedence, Declaration]]]:
    """The declarations of each shadow root's `<style>` blocks, matched to the elements they
    style (its tree's, its host, the children slotted into it), with their precedence."""
    matched: dict[Any, list[tuple[Precedence, Declaration]]] = {}
    order = 0
    for host, template in trees.hosts.items():
        own = list(_own_tree(template, trees.roots))
        slotted = [child for child, slot in trees.slot_of.items() if child.getparent() is host]
        for style in (element for element in own if element.tag == "style"):
            if not (text := _css_of(style)):
                continue
            for rule in parse_style_sheet(text):
                order += 1
                if rule.conditional or rule.scope is not None or not rule.declarations:
                    continue
                for selector in _split_selectors(rule.selectors):
                    for element, specificity in _select(selector, host, own, slotted, trees):
                        entries = matched.setdefault(element, [])
                        entries.extend(
                            ((d.important, False, _IMPORTANT_RANK if d.important else _NORMAL_RANK, specificity, _UNSCOPED, order), d)
                            for d in rule.declarations
                        )
    return matched


def _split_selectors(selector_list: str) -> list[str]:
    """The selectors of a list, split at the commas outside brackets."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(selector_list):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            pieces.append(selector_list[start:index].strip())
            start = index + 1
    pieces.append(selector_list[start:].strip())
    return [piece for piece in pieces if piece]


def _select(selector: str, host: Any, own: list[Any], slotted: list[Any], trees: ShadowTrees) -> list[tuple[Any, tuple[int, int, int]]]:
    """The elements a selector of a shadow root's style matches, with its specificity: the host
    for `:host`, the slotted children for `::slotted()`, else elements of the shadow tree."""
    if found := _HOST.match(selector):
        return _select_host(found.group("host"), host)
    if found := _SLOTTED.match(selector):
        return _select_slotted(found.group("inner"), found.group("slot").strip(), own, slotted, trees)
    if found := _HOST_THEN().match(selector):
        inner, rest = found.group("host"), found.group("rest")
        if inner is not None and host not in _matching(inner, [host]):
            return []
        template = trees.hosts[host]
        candidates = own if found.group("combinator").isspace() else [e for e in own if e.getparent() is template]
        return [(element, _plus((0, 1, 0), specificity)) for element, specificity in _select_own(rest, candidates)]
    if ":host" in selector.lower() or "::" in selector:
        return []  # a pseudo-element, or `:host` in a place not read: not judged
    return _select_own(selector, own)


def _select_host(inner: str | None, host: Any) -> list[tuple[Any, tuple[int, int, int]]]:
    """The host, for `:host` or a `:host(inner)` it matches."""
    if inner is None:
        return [(host, (0, 1, 0))]
    specificity = _specificity(inner)
    return [(host, _plus((0, 1, 0), specificity))] if specificity is not None and _matching(inner, [host]) else []


def _select_slotted(inner: str, slot_selector: str, own: list[Any], slotted: list[Any], trees: ShadowTrees) -> list[tuple[Any, tuple[int, int, int]]]:
    """The slotted children `::slotted(inner)` matches, in the slots `slot_selector` matches (any
    slot when it is empty)."""
    specificity = _specificity(inner)
    if specificity is None:
        return []
    slots = set(_matching(slot_selector, own)) if slot_selector else None
    chosen = [child for child in slotted if slots is None or trees.slot_of[child] in slots]
    return [(child, _plus((0, 0, 1), specificity)) for child in _matching(inner, chosen)]


def _select_own(selector: str, candidates: list[Any]) -> list[tuple[Any, tuple[int, int, int]]]:
    """The elements of the shadow tree (`candidates`) the selector matches."""
    specificity = _specificity(selector)
    return [(element, specificity) for element in _matching(selector, candidates)] if specificity is not None else []


def _specificity(selector: str) -> tuple[int, int, int] | None:
    from cssselect import SelectorError, parse

    try:
        parsed = parse(selector)
    except SelectorError:
        return None
    return tuple(parsed[0].specificity()) if len(parsed) == 1 else None  # type: ignore[return-value]


def _matching(selector: str, candidates: list[Any]) -> list[Any]:
    """The candidates a selector matches (as cssselect matches it over the page's tree); none for
    one it cannot read."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    if not candidates:
        return []
    try:
        matcher = CSSSelector(selector, translator="html")
    except (SelectorError, ValueError):
        return []
    matched: set[Any] = set(matcher(candidates[0].getroottree()))  # type: ignore[arg-type]
    return [element for element in candidates if element in matched]


def _plus(one: tuple[int, int, int], other: tuple[int, int, int]) -> tuple[int, int, int]:
    return (one[0] + other[0], one[1] + other[1], one[2] + other[2])
