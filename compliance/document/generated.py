"""Generated content: the words a page's CSS puts before or after an element's content.

A rule such as `.byline::after { content: ", Daily Caller News Foundation" }` shows its string
at the end of every `.byline`: a reader sees it as the element's text. The walk reads it so
(`generated_text`), with these limits, so that nothing is read as shown that a reader may not see:

- only the `::before` and `::after` pseudo-elements (also written `:before`, `:after`) of
  `<style>` rules outside any at-rule or in an `@media` block every screen meets or an
  `@supports` block Chromium meets (`css.condition_met`);
- only a `content` that is one or more strings: `attr()`, counters, quotes and images are not
  worked out (they still override an earlier `content`, as the cascade has it), and a string
  with no letter or digit (a bullet, a separator, an icon font's private-use glyph) adds nothing;
- the `content` that wins the cascade (`!important`, specificity, order) is shown only when
  every rule for that pseudo-element of the element (with or without a `content`, in any block
  some screen meets) declares nothing but `content` and properties that cannot hide the words
  (margins, paddings, font weight and style, `text-transform`…: `_HARMLESS_PROPERTIES`): a
  `color`, a `font-size`, a position or an `opacity` in any of them, and the words do not count,
  whatever its value (a colour equal to the background, `color: transparent`, `font-size: 0`
  in a second rule). The element's own text must show too: the colour it is read in, on its
  background, is judged as for its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from compliance.document.css import parse_style_sheet, per_sheet
from compliance.document.selector_lists import parsed_selectors
from compliance.firstuse import on_first_use

# A `content` declaration with a string that may hold a letter or a digit: the pages worth a
# closer reading (an icon font's escaped glyph, "\f101", passes too and is dropped later).
# Both are searched over a site's whole stylesheet on every page: their letters are spelt in
# either case rather than matched with IGNORECASE (no other character folds to one of them), which
# the regex engine scans several times faster; and the pseudo-element, which starts with a colon it
# finds at once, is looked for first.
_LETTERED_CONTENT = on_first_use(r"""[cC][oO][nN][tT][eE][nN][tT]\s*:\s*[^;{}]*["'][^"']*[^\W_]""")
_PSEUDO = re.compile(r":(?:[bB][eE][fF][oO][rR][eE]|[aA][fF][tT][eE][rR])\b")

# (before, after): the words generated at the start and at the end of an element's content.
Generated = tuple[str, str]


def generated_text(root: Any, sheets: Sequence[str]) -> dict[Any, Generated]:
    """The words each element's `::before` and `::after` show (see the module's limits), by
    element; empty for a page whose `<style>` blocks (`sheets`) generate none. Never raises."""
    if not any(_PSEUDO.search(sheet) and _LETTERED_CONTENT().search(sheet) for sheet in sheets):
        return {}
    rules = [rule for sheet in sheets for rule in _pseudo_rules(sheet)]
    if not any(_has_words(rule.text) for rule in rules if rule.sets_content and rule.text):
        return {}
    found: dict[Any, list[str]] = {}
    for (element, which), text in _shown_content(root, rules).items():
        if _has_words(text):
            found.setdefault(element, ["", ""])[0 if which == "before" else 1] = text
    return {element: (parts[0], parts[1]) for element, parts in found.items()}


def _shown_content(root: Any, rules: Sequence[_PseudoRule]) -> dict[tuple[Any, str], str]:
    """The strings of the `content` that wins the cascade on each (element, "before"/"after"),
    for those no rule of the pseudo-element may hide (`_PseudoRule.harmless`)."""
    winners: dict[tuple[Any, str], tuple[tuple[bool, tuple[int, int, int], int], str | None]] = {}
    styled: set[tuple[Any, str]] = set()
    for order, rule in enumerate(rules):
        for which, element, specificity in _matches(root, rule.selector):
            if not rule.harmless:
                styled.add((element, which))
            if not rule.sets_content or not rule.applies:
                continue
            rank = (rule.important, specificity, order)
            current = winners.get((element, which))
            if current is None or rank >= current[0]:
                winners[(element, which)] = (rank, rule.text)
    return {key: text for key, (_, text) in winners.items() if text and key not in styled}


def _has_words(text: str) -> bool:
    """True when the string holds a letter or a digit (not a private-use glyph)."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)


class _PseudoRule(NamedTuple):
    """A rule for a `::before` or `::after`: its selector list; whether it sets `content`
    (`sets_content`), whether that is `!important`, and its string (`text`: None when it is not
    strings only, "" for `none`/`normal`); whether it declares only what cannot hide the
    generated words (`harmless`, see `_harmless`); whether every screen meets it (`applies`: not
    in an `@media` or `@supports` block only some screens or browsers meet, `@layer`…); whether its `content`
    makes a box of the pseudo-element (`generates`: anything but `none`, `normal` or a CSS-wide
    keyword, which give one of neither; `content: ""` makes an empty box)."""

    selector: str
    sets_content: bool
    important: bool
    text: str | None
    harmless: bool
    applies: bool
    generates: bool = False


# The properties that cannot take generated words off the screen or out of sight: what the words
# say and how they are set, never their size, colour, place or box. Margins join them when none
# is negative (`margin-left: -9999px` moves the words away), `display` when it lays them out.
_HARMLESS_PROPERTIES = frozenset(
    {
        "content", "quotes", "font-weight", "font-style", "font-family", "font-variant", "font-stretch",
        "font-feature-settings", "text-transform", "text-decoration", "text-decoration-line",
        "text-decoration-style", "text-underline-offset", "white-space", "cursor", "speak",
        "padding", "padding-left", "padding-right", "padding-top", "padding-bottom",
        "padding-inline", "padding-inline-start", "padding-inline-end", "padding-block",
        "padding-block-start", "padding-block-end",
    }
)  # fmt: skip
_MARGINS = frozenset(
    {
        "margin",
        "margin-left",
        "margin-right",
        "margin-top",
        "margin-bottom",
        "margin-inline",
        "margin-inline-start",
        "margin-inline-end",
        "margin-block",
        "margin-block-start",
        "margin-block-end",
    }
)
_LAYING_OUT = frozenset({"inline", "block", "inline-block", "flow-root"})


def _harmless(declaration: Any) -> bool:
    """True when this declaration of a pseudo-element's rule cannot hide the words it generates
    (see `_HARMLESS_PROPERTIES`); any other property, or a value not read here, may."""
    name = declaration.lower_name
    if name in _HARMLESS_PROPERTIES:
        return True
    values = [token for token in declaration.value if token.type not in ("whitespace", "comment")]
    if name in _MARGINS:
        return all(token.type in ("dimension", "number", "percentage", "ident") and not (token.type != "ident" and token.value < 0) for token in values)
    if name == "display":
        return len(values) == 1 and values[0].type == "ident" and values[0].lower_value in _LAYING_OUT
    return False


@per_sheet
def _pseudo_rules(sheet: str) -> tuple[_PseudoRule, ...]:
    """The rules of a `<style>` block for a `::before` or `::after`, in order: outside any
    at-rule or in a block every screen meets (`applies`, see `_qualified_rules`), and also, since
    a rule that may hide the words counts wherever some reader meets it, in any other block
    at-rule but one none meets (`@media print`, `@supports (foo: bar)`). Remembered by block
    (`per_sheet`): tinycss2 reads a site's whole stylesheet to find them, which its every page
    repeats."""
    return tuple(rule for node, applies in _qualified_rules(sheet) if (rule := _pseudo_rule(node, applies)) is not None)


def _qualified_rules(sheet: str) -> Iterator[tuple[Any, bool]]:
    """Each qualified rule of a `<style>` block (a tinycss2 node), in order, with whether every
    screen meets it: outside any at-rule, or in `@media` blocks every screen meets and
    `@supports` blocks Chromium meets (`css.condition_met`). One in any other block at-rule, or
    in a block only some screens or browsers meet, comes with False; one in a block none meets
    (`@media print`, `@supports (foo: bar)`) is left out."""
    import tinycss2

    from compliance.document.css import condition_met

    pending = [(node, True) for node in reversed(tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True))]
    while pending:
        node, applies = pending.pop()
        if node.type == "at-rule" and node.content is not None:
            meets = condition_met(node) if node.lower_at_keyword in ("media", "supports") else False
            if meets is not None:
                inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                pending.extend((child, applies and meets) for child in reversed(inner))
        elif node.type == "qualified-rule":
            yield node, applies


def _pseudo_rule(node: Any, applies: bool) -> _PseudoRule | None:
    """A qualified rule read as a `_PseudoRule`; None when its selector names no `::before` or
    `::after`, or when it neither sets `content` nor declares anything that may hide."""
    import tinycss2

    selector = tinycss2.serialize(node.prelude).strip()
    if not _PSEUDO.search(selector):
        return None
    declarations = [d for d in tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True) if d.type == "declaration"]
    content = [d for d in declarations if d.lower_name == "content"]
    harmless = all(_harmless(declaration) for declaration in declarations)
    if content:
        value = content[-1].value
        return _PseudoRule(selector, True, bool(content[-1].important), _strings(value), harmless, applies, _generates(value))
    return None if harmless else _PseudoRule(selector, False, False, None, False, applies)


# The `content` values that make no box of a `::before` or `::after` (CSS Generated Content 3):
# `none`, `normal` (which is `none` there), and the CSS-wide keywords, which give one of them
# (an element's own `content` is `normal`, inherited by `inherit`).
_NO_BOX = frozenset({"none", "normal", "initial", "inherit", "unset", "revert", "revert-layer"})


def _generates(value: Sequence[Any]) -> bool:
    """True when a `content` value makes a box of its pseudo-element (see `_NO_BOX`)."""
    tokens = [token for token in value if token.type not in ("whitespace", "comment")]
    return bool(tokens) and not (len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in _NO_BOX)


def pseudo_boxes(root: Any, sheets: Sequence[str], wanted: Collection[tuple[Any, str]]) -> dict[tuple[Any, str], bool | None]:
    """For each (element, "before"/"after") of `wanted`, whether the `content` that wins the
    cascade makes a box of the pseudo-element (`_generates`): False when no rule sets one, None
    when a rule that not every screen meets may set it (in an `@media` or `@supports` block some
    screens or browsers meet, `@layer`: not worked out). The `<style>` blocks (`sheets`) are parsed here:
    asked only about pseudo-elements that may paint over something."""
    winners: dict[tuple[Any, str], tuple[tuple[bool, tuple[int, int, int], int], bool]] = {}
    unknown: set[tuple[Any, str]] = set()
    rules = [rule for sheet in sheets for rule in _pseudo_rules(sheet) if rule.sets_content]
    for order, rule in enumerate(rules):
        for which, element, specificity in _matches(root, rule.selector):
            key = (element, which)
            if key not in wanted:
                continue
            if not rule.applies:
                unknown.add(key)
                continue
            rank = (rule.important, specificity, order)
            current = winners.get(key)
            if current is None or rank >= current[0]:
                winners[key] = (rank, rule.generates)
    return {key: None if key in unknown else key in winners and winners[key][1] for key in wanted}


def _strings(value: Sequence[Any]) -> str | None:
    """The text of a `content` value made of strings only; "" for `none` or `normal`; None for
    anything else (what the checker does not work out)."""
    tokens = [token for token in value if token.type not in ("whitespace", "comment")]
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in ("none", "normal"):
        return ""
    if not tokens or any(token.type != "string" for token in tokens):
        return None
    return "".join(token.value for token in tokens)


_BEFORE_AND_AFTER = frozenset({"before", "after"})


def _matches(root: Any, selector_list: str, wanted: frozenset[str] = _BEFORE_AND_AFTER) -> Iterator[tuple[str, Any, tuple[int, int, int]]]:
    """Each element a selector of the list with one of the pseudo-elements `wanted` (lower case;
    `::before` and `::after` unless told) matches: (which pseudo-element, the element, the
    selector's specificity)."""
    from cssselect import SelectorError
    from lxml import etree

    from compliance.document.first_sight import FirstSightTranslator, compiled_xpath

    translator = FirstSightTranslator()
    # As Chromium reads the list: a rule it drops (`a::before, a:-moz-focusring`) generates nothing.
    for selector in parsed_selectors(selector_list):
        pseudo = selector.pseudo_element
        which = pseudo.lower() if isinstance(pseudo, str) else ""
        if which not in wanted:
            continue
        try:
            # The pseudo-element is left out of the XPath: it names the element it belongs to.
            elements = compiled_xpath(translator.selector_to_xpath(selector))(root)
        except (SelectorError, etree.XPathError, ValueError, TypeError, NotImplementedError):
            continue
        specificity = selector.specificity()
        for element in elements:
            yield which, element, (specificity[0], specificity[1], specificity[2])


# A `::details-content` in a selector: the pages worth reading for details shown while closed,
# or hidden while open.
_DETAILS_CONTENT = re.compile(r"::details-content\b", re.IGNORECASE)
# The `content-visibility` values that show the content a closed `<details>` skips (the browser's
# own style gives a closed one's `::details-content` `content-visibility: hidden`).
_SHOWING_CONTENT_VISIBILITY = frozenset({"visible", "auto"})
# The `& ` a scoped rule's selector starts with (`css.StyleRule`), taken off to match it anywhere.
_UNSCOPED_START = re.compile(r"(?:^|(?<=, ))& ")


@dataclass(frozen=True)
class DetailsContent:
    """What the page's CSS does to the content of its `<details>` (all but the `<summary>`),
    through `::details-content`: `shown_closed`, the closed ones it shows; `hidden_open`, the
    open ones it hides (`display: none` or `content-visibility: hidden`, which skips the
    content as a closed one's is skipped)."""

    shown_closed: frozenset[Any] = frozenset()
    hidden_open: frozenset[Any] = frozenset()


def details_content(root: Any, sheets: Sequence[str]) -> DetailsContent:
    """The `<details>` whose content the page's CSS shows while closed (their `::details-content`
    gets a `content-visibility` of `visible` or `auto` from the rule that wins the cascade, in a
    block every screen meets, and `display: none` from none) and those it hides while open (the
    winning `display` is `none` or the winning `content-visibility` `hidden`, from a block every
    screen meets: one only some screens meet can show, never hide). The rules are read as every
    other rule of the page (`css.parse_style_sheet`) and ranked by the same cascade
    (`visibility.rule_precedence`): `!important`, cascade layers, specificity, order, in the
    blocks every screen and browser meets (`@media screen`, `@supports (display: grid)`, nested
    ones). A rule in `@scope` is matched outside its scope as well, and so can show, never hide.
    Empty when no `<style>` block (`sheets`) names `::details-content`. Never raises."""
    if not any(_DETAILS_CONTENT.search(sheet) for sheet in sheets):
        return DetailsContent()
    # The cascade's ranking lives with the page's style, which reads this module's findings.
    from compliance.document.visibility import _layer_ranks, _own_anonymous_layer, rule_precedence

    rules = [_own_anonymous_layer(rule, number) for number, sheet in enumerate(sheets) for rule in parse_style_sheet(sheet)]
    ranks = _layer_ranks(rules)
    winners: dict[tuple[Any, str], tuple[tuple[Any, ...], str, bool]] = {}
    for order, rule in enumerate(rules):
        declarations = [d for d in rule.declarations if d.name in ("content-visibility", "display")]
        if not declarations or not _DETAILS_CONTENT.search(rule.selectors):
            continue
        applies = not rule.conditional and rule.scope is None
        selectors = rule.selectors if rule.scope is None else _UNSCOPED_START.sub("", rule.selectors)
        for _, element, specificity in _matches(root, selectors, frozenset({"details-content"})):
            for declaration in declarations:
                key = (element, declaration.name)
                rank = rule_precedence(rule, declaration.important, specificity, order, ranks)
                current = winners.get(key)
                if current is None or rank >= current[0]:
                    winners[key] = (rank, declaration.keyword, applies)
    return _details_judged(winners)


def _details_judged(winners: Mapping[tuple[Any, str], tuple[tuple[Any, ...], str, bool]]) -> DetailsContent:
    """`details_content` of the declarations that win on each (`<details>`, property): their
    keyword, and whether every screen meets their rule."""

    def winner(element: Any, name: str) -> tuple[str, bool]:
        _, keyword, applies = winners.get((element, name), (None, "", True))
        return keyword, applies

    shown, hidden = set(), set()
    for element in {element for element, _ in winners}:
        if element.tag != "details":
            continue
        visibility, visibility_applies = winner(element, "content-visibility")
        display, display_applies = winner(element, "display")
        if display_applies and visibility_applies and visibility in _SHOWING_CONTENT_VISIBILITY and display != "none":
            shown.add(element)  # a rule some screens only meet is not relied on to show
        if (display_applies and display == "none") or (visibility_applies and visibility == "hidden"):
            hidden.add(element)
    return DetailsContent(frozenset(shown), frozenset(hidden))
