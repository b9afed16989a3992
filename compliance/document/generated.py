"""Generated content: the words a page's CSS puts before or after an element's content.

A rule such as `.byline::after { content: ", Daily Caller News Foundation" }` shows its string
at the end of every `.byline`: a reader sees it as the element's text. The walk reads it so
(`generated_text`), with these limits, so that nothing is read as shown that a reader may not see:

- only the `::before` and `::after` pseudo-elements (also written `:before`, `:after`) of
  `<style>` rules outside any at-rule or in an `@media` block every screen meets;
- only a `content` that is one or more strings: `attr()`, counters, quotes and images are not
  worked out (they still override an earlier `content`, as the cascade has it), and a string
  with no letter or digit (a bullet, a separator, an icon font's private-use glyph) adds nothing;
- the `content` that wins the cascade (`!important`, specificity, order) is shown only when the
  rule that sets it declares nothing that can hide (`display: none`, `font-size: 0`…: see
  `visibility`) and the element's own text shows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

# A `content` declaration with a string that may hold a letter or a digit: the pages worth a
# closer reading (an icon font's escaped glyph, "\f101", passes too and is dropped later).
_LETTERED_CONTENT = re.compile(r"""content\s*:\s*[^;{}]*["'][^"']*[^\W_]""", re.IGNORECASE)
_PSEUDO = re.compile(r":(?:before|after)\b", re.IGNORECASE)

# (before, after): the words generated at the start and at the end of an element's content.
Generated = tuple[str, str]


def generated_text(root: Any, sheets: Sequence[str]) -> dict[Any, Generated]:
    """The words each element's `::before` and `::after` show (see the module's limits), by
    element; empty for a page whose `<style>` blocks (`sheets`) generate none. Never raises."""
    if not any(_LETTERED_CONTENT.search(sheet) and _PSEUDO.search(sheet) for sheet in sheets):
        return {}
    rules = [rule for sheet in sheets for rule in _content_rules(sheet)]
    if not any(_has_words(text) for _, _, text, _ in rules if text):
        return {}
    winners: dict[tuple[Any, str], tuple[tuple[bool, tuple[int, int, int], int], str | None, bool]] = {}
    for order, (selector, important, text, hides) in enumerate(rules):
        for which, element, specificity in _matches(root, selector):
            rank = (important, specificity, order)
            current = winners.get((element, which))
            if current is None or rank >= current[0]:
                winners[(element, which)] = (rank, text, hides)
    found: dict[Any, list[str]] = {}
    for (element, which), (_, text, hides) in winners.items():
        if text and not hides and _has_words(text):
            found.setdefault(element, ["", ""])[0 if which == "before" else 1] = text
    return {element: (parts[0], parts[1]) for element, parts in found.items()}


def _has_words(text: str) -> bool:
    """True when the string holds a letter or a digit (not a private-use glyph)."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)


def _content_rules(sheet: str) -> Iterator[tuple[str, bool, str | None, bool]]:
    """The rules of a `<style>` block that set `content` on a `::before` or `::after`: (the
    selector list, whether `content` is `!important`, its string — None when it is not strings
    only, "" for `none`/`normal` —, whether the rule declares something that can hide)."""
    import tinycss2

    from compliance.document.css import parse_style_attribute
    from compliance.document.media_queries import ALWAYS, screens_meeting
    from compliance.document.visibility import can_hide

    pending = list(reversed(tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True)))
    while pending:
        node = pending.pop()
        if node.type == "at-rule" and node.lower_at_keyword == "media" and node.content is not None:
            if screens_meeting(tinycss2.serialize(node.prelude).strip().lower()) == ALWAYS:
                pending.extend(reversed(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)))
            continue
        if node.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(node.prelude).strip()
        if not _PSEUDO.search(selector):
            continue
        declarations = [d for d in tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True) if d.type == "declaration"]
        content = [d for d in declarations if d.lower_name == "content"]
        if not content:
            continue
        body = tinycss2.serialize(node.content)
        hides = any(can_hide(declaration) for declaration in parse_style_attribute(body))
        yield selector, bool(content[-1].important), _strings(content[-1].value), hides


def _strings(value: Sequence[Any]) -> str | None:
    """The text of a `content` value made of strings only; "" for `none` or `normal`; None for
    anything else (what the checker does not work out)."""
    tokens = [token for token in value if token.type not in ("whitespace", "comment")]
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in ("none", "normal"):
        return ""
    if not tokens or any(token.type != "string" for token in tokens):
        return None
    return "".join(token.value for token in tokens)


def _matches(root: Any, selector_list: str) -> Iterator[tuple[str, Any, tuple[int, int, int]]]:
    """Each element a selector of the list with a `::before` or `::after` matches: (which
    pseudo-element, the element, the selector's specificity)."""
    from cssselect import SelectorError, parse
    from lxml import etree
    from lxml.cssselect import LxmlHTMLTranslator

    try:
        selectors = parse(selector_list)
    except SelectorError:
        return
    translator = LxmlHTMLTranslator()
    for selector in selectors:
        pseudo = selector.pseudo_element
        which = pseudo.lower() if isinstance(pseudo, str) else ""
        if which not in ("before", "after"):
            continue
        try:
            # The pseudo-element is left out of the XPath: it names the element it belongs to.
            path = translator.selector_to_xpath(selector)
            elements = root.xpath(path)
        except (SelectorError, etree.XPathError, ValueError, TypeError, NotImplementedError):
            continue
        specificity = selector.specificity()
        for element in elements:
            yield which, element, (specificity[0], specificity[1], specificity[2])
