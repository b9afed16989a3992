"""Selector lists as Chromium reads them, before anything is matched.

A style rule whose selector list holds one selector Chromium cannot parse is dropped whole
(Selectors 4, 3.4 "Invalid Selectors and Error Handling"): `.byline, .x:-moz-focusring
{display: none}` hides nothing in Chromium, though `.byline` alone would. The selectors Chromium
cannot parse are those that name a pseudo-class or a pseudo-element it does not know (another
engine's `::-moz-selection`, `:-ms-input-placeholder`, a misspelling), give a functional one
arguments it refuses (`:lang("en")`, `:nth-of-type(2n of .a)`), or break the grammar (`.1a`,
`a >`, `ns|a` without `@namespace`, `::before.x`). `:is()` and `:where()` alone take a
forgiving list (Selectors 4, 4.2): Chromium drops their arguments it cannot parse and keeps the
rest (`:is(.byline, .x:bogus)` is `:is(.byline)`; with none left, it matches nothing); `:not()`
and `:has()` do not forgive.

cssselect knows fewer pseudo-classes than Chromium (`:focus-within`, `:dir()`, `:defined`…: the
checker translates them, `first_sight`) and parses less (`:not(.a, .b)` and `:nth-child(2n of .a)`
only as `cssselect_form` rewrites them, not `:not(a b, .c)`): what it cannot read is not applied,
but it is no reason to drop the rule's other selectors. So validity is decided here, from Chromium's
own tables of names (`CSSSelector::NameToPseudoType` and `UpdatePseudoType` in Blink's
`css_selector.cc`: which names are pseudo-classes, which pseudo-elements, which take arguments),
each checked against Chromium 156 (`tests/test_browser.py` checks the examples of
`tests/test_selector_lists.py` there), and not from what cssselect happens to read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from compliance.firstuse import on_first_use

# The pseudo-classes Chromium reads without arguments (`:hover`), the few `-internal-` ones it
# takes from a page's style sheet too.
KNOWN_PSEUDO_CLASSES = frozenset(
    {
        "-internal-autofill-previewed", "-internal-autofill-selected", "-internal-dialog-in-top-layer",
        "-internal-menulist-popover-with-menulist-anchor", "-internal-popover-in-top-layer", "-internal-relative-anchor",
        "-webkit-any-link", "-webkit-autofill", "-webkit-drag", "-webkit-full-page-media", "-webkit-full-screen",
        "-webkit-full-screen-ancestor", "active", "active-view-transition", "any-link", "autofill", "checked",
        "corner-present", "current", "decrement", "default", "defined", "disabled", "double-button", "empty",
        "enabled", "end", "first-child", "first-of-type", "focus", "focus-visible", "focus-within", "fullscreen",
        "future", "granted", "horizontal", "host", "hover", "in-range", "increment", "indeterminate",
        "interest-source", "interest-target", "invalid", "last-child", "last-of-type", "link", "modal", "no-button",
        "only-child", "only-of-type", "open", "optional", "out-of-range", "past", "picture-in-picture",
        "placeholder-shown", "popover-open", "read-only", "read-write", "required", "root", "scope",
        "single-button", "start", "target", "target-after", "target-before", "target-current", "user-invalid",
        "user-valid", "valid", "vertical", "visited", "window-inactive", "xr-overlay",
    }
)  # fmt: skip
# The pseudo-elements Chromium reads without arguments (`::before`). Any other name that starts
# with `-webkit-` and is not a pseudo-class is one too: Blink reads it as a part of a built-in
# control's shadow tree (`::-webkit-inner-spin-button`), known or not.
KNOWN_PSEUDO_ELEMENTS = frozenset(
    {
        "-internal-media-controls-overlay-cast-button", "-webkit-resizer", "-webkit-scrollbar", "-webkit-scrollbar-button", "-webkit-scrollbar-corner",
        "-webkit-scrollbar-thumb", "-webkit-scrollbar-track", "-webkit-scrollbar-track-piece", "after", "backdrop",
        "before", "checkmark", "column", "cue", "details-content", "file-selector-button", "first-letter",
        "first-line", "grammar-error", "marker", "permission-icon", "picker-icon", "placeholder", "scroll-marker",
        "scroll-marker-group", "search-text", "selection", "spelling-error", "target-text", "view-transition",
    }
)  # fmt: skip
# The pseudo-elements CSS 2 wrote with one colon, which Chromium still reads so.
LEGACY_PSEUDO_ELEMENTS = frozenset({"before", "after", "first-letter", "first-line"})
# The functional pseudo-classes and pseudo-elements Chromium reads (`:lang(…)`, `::part(…)`).
FUNCTIONAL_PSEUDO_CLASSES = frozenset(
    {
        "-webkit-any", "active-view-transition-type", "dir", "has", "host", "host-context", "is", "lang", "not",
        "nth-child", "nth-last-child", "nth-last-of-type", "nth-of-type", "state", "where",
    }
)  # fmt: skip
FUNCTIONAL_PSEUDO_ELEMENTS = frozenset(
    {
        "cue", "highlight", "part", "picker", "scroll-button", "slotted", "view-transition-group",
        "view-transition-group-children", "view-transition-image-pair", "view-transition-new", "view-transition-old",
    }
)  # fmt: skip

# What may follow a pseudo-element in its compound selector (Blink's
# `IsPseudoClassValidAfterPseudoElement`): the user-action pseudo-classes after a built-in
# control's part, a scrollbar's states after a scrollbar's part, and so on; after `::before`,
# nothing but `:is()`/`:where()` (whose arguments Chromium then forgives away).
_USER_ACTION = frozenset({"hover", "focus", "focus-visible", "focus-within", "active"})
_SCROLLBAR_STATES = frozenset(
    {
        "hover", "active", "window-inactive", "enabled", "disabled", "horizontal", "vertical", "decrement", "increment",
        "start", "end", "double-button", "single-button", "no-button", "corner-present",
    }
)  # fmt: skip
_SCROLLBAR_PARTS = frozenset(name for name in KNOWN_PSEUDO_ELEMENTS if name.startswith(("-webkit-scrollbar", "-webkit-resizer")))
# Pseudo-elements that are elements of their own (`::part()`, `<details>`' content, a
# `<select>`'s picker): they take the pseudo-classes that do not ask where an element stands in
# the tree, and any pseudo-element but `::part()` and `::slotted()`.
_ELEMENT_BACKED = frozenset({"part", "details-content", "picker"})
# The states only a scrollbar's parts have.
_SCROLLBAR_ONLY = _SCROLLBAR_STATES - _USER_ACTION - {"window-inactive", "enabled", "disabled"}
_TREE_STRUCTURAL = frozenset(
    {
        "first-child", "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type", "empty", "root",
        "scope", "host", "current", "past", "future", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type",
        "has", "host-context", "-webkit-any",
    }
)  # fmt: skip
_VIEW_TRANSITION_PARTS = ("view-transition-group", "view-transition-group-children", "view-transition-image-pair", "view-transition-new", "view-transition-old")
_CLASSES_AFTER = {
    "selection": frozenset({"window-inactive"}),
    "search-text": frozenset({"current"}),
    "scroll-marker": _USER_ACTION | {"target-current"},
    "file-selector-button": _USER_ACTION,
    "cue": _USER_ACTION,
    **dict.fromkeys(_SCROLLBAR_PARTS, _SCROLLBAR_STATES),
    **dict.fromkeys(_VIEW_TRANSITION_PARTS, frozenset({"only-child"})),
}
_ELEMENTS_AFTER = {
    "before": frozenset({"marker"}),
    "after": frozenset({"marker"}),
    "column": frozenset({"scroll-marker"}),
    "slotted": frozenset({"before", "after", "marker", "placeholder", "picker-icon", "checkmark"}),
}
# Pseudo-elements no pseudo-class may follow, not even `:is()`.
_NOTHING_FOLLOWS = frozenset({"slotted", "column"})
_ATTRIBUTE_OPERATORS = frozenset({"=", "~=", "|=", "^=", "$=", "*="})
_COMBINATORS = frozenset({">", "+", "~"})
_SCROLL_BUTTON_DIRECTIONS = frozenset({"*", "up", "down", "left", "right", "block-start", "block-end", "inline-start", "inline-end"})
# What an `:is()` or `:where()` left without an argument becomes: it matches nothing, with no
# specificity, and cssselect reads it.
MATCHES_NOTHING = ":not(*)"


class _Context(NamedTuple):
    """Where a selector stands: in a functional pseudo-class (`nested`: no pseudo-element), in
    `:has()` (no `:has()` again), as an argument that may start with a combinator (`relative`),
    or as one that must be a single compound selector (`compound`: `:host()`, `::slotted()`);
    `unforgiving`: in an `@supports selector()` test, where `:is()` and `:where()` forgive no
    argument (CSS Conditional 4, 3.1)."""

    nested: bool = False
    in_has: bool = False
    relative: bool = False
    compound: bool = False
    unforgiving: bool = False


_TOP_LEVEL = _Context()


@functools.lru_cache(maxsize=4096)
def chromium_selectors(selector_list: str) -> tuple[str, ...] | None:
    """The selectors of a rule's selector list as Chromium keeps them, each as text cssselect can
    be given: None when Chromium drops the rule (some selector is invalid: see the module), else
    every selector, with the arguments of `:is()` and `:where()` it forgives left out (and such a
    pseudo-class with none left written `MATCHES_NOTHING`)."""
    import tinycss2

    return _selector_list(tinycss2.parse_component_value_list(selector_list, skip_comments=True), _TOP_LEVEL)


def supports_selector(selector: str) -> bool:
    """Whether Chromium meets `@supports selector(…)` of this text (the function's arguments):
    one complex selector it reads, pseudo-elements and all (`::details-content`, `:has(a)`), with
    every argument of `:is()` and `:where()` valid, since that test forgives none (CSS
    Conditional 4, 3.1). False for a list (`a, b`), a relative selector (`> a`), and any name
    Chromium does not know (`:-moz-focusring`)."""
    import tinycss2

    tokens = tuple(tinycss2.parse_component_value_list(selector, skip_comments=True))
    read = _selector_list(tokens, _Context(unforgiving=True))
    return read is not None and len(read) == 1


# What a pair of brackets holds that holds no other brackets.
_INNERMOST_BRACKETS = re.compile(r"\[[^\[\]()]*\]|\([^\[\]()]*\)")


@functools.lru_cache(maxsize=4096)
def without_brackets(selector_list: str, fill: str = "") -> str | None:
    """The selector list's text with each pair of brackets and what it holds replaced by `fill`,
    innermost first (`a > p.x:not(:is(.a, .b))` → `a > p.x:not`): what is left are the names and
    combinators outside them, and the commas between the list's selectors. None when the text is
    not plain enough to read so, without a CSS parser (an escape, a string, a comment), or its
    brackets do not close. For screening rules by the names their selectors require, cheaply."""
    if "\\" in selector_list or '"' in selector_list or "'" in selector_list or "/*" in selector_list:
        return None
    text = selector_list
    while True:  # innermost brackets first: `:not(:is(.a, .b))`
        flattened = _INNERMOST_BRACKETS.sub(fill, text)
        if flattened == text:
            break
        text = flattened
    if "(" in text or ")" in text or "[" in text or "]" in text:
        return None
    return text


def group_members(selector_list: str) -> tuple[str, ...]:
    """The selectors of a selector list (a group, `img, .logo`), each as its text, split at the
    list's top-level commas only: a comma inside `:is(a, b)` or an attribute value
    (`[alt="a, b"]`) does not split it. A list with brackets, quotes, escapes or pseudo-classes is
    read as Chromium keeps it (`chromium_selectors`), and gives none when Chromium drops it; a list
    of type, class and id selectors and combinators alone is split as written."""
    if not any(character in selector_list for character in "([\\\"':"):
        # Nothing that can hold a comma or make the list invalid: splitting is the grammar, without loading tinycss2.
        return tuple(member.strip() for member in selector_list.split(","))
    return chromium_selectors(selector_list) or ()


def _selector_list(tokens: Sequence[Any], context: _Context) -> tuple[str, ...] | None:
    """Every selector of a list that does not forgive, read; None when one is invalid."""
    read = []
    for tokens_of_one in _split_at_commas(tokens):
        selector = _complex(tokens_of_one, context)
        if selector is None:
            return None
        read.append(selector)
    return tuple(read)


def _forgiving_list(tokens: Sequence[Any], context: _Context) -> list[str]:
    """The selectors of a forgiving list (`:is()`'s, `:where()`'s) that are valid, read."""
    return [selector for tokens_of_one in _split_at_commas(tokens) if (selector := _complex(tokens_of_one, context)) is not None]


def _split_at_commas(tokens: Sequence[Any]) -> list[list[Any]]:
    """The tokens between the list's top-level commas."""
    parts: list[list[Any]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _complex(tokens: Sequence[Any], context: _Context) -> str | None:
    """A complex selector (compound selectors joined by combinators) read, or None when invalid:
    empty, a combinator at an end (at the start only where `context.relative`), two in a row, a
    combinator where one compound selector is all there may be, or an invalid compound."""
    segments = _segments(tokens)
    if not segments or segments[-1][0] == "combinator":
        return None
    written = []
    if segments[0][0] == "combinator":
        if not context.relative:
            return None
        written.append(f"{segments[0][1]} ")
        segments = segments[1:]
    if context.compound and len(segments) > 1:
        return None
    for position, (kind, value) in enumerate(segments):
        if kind != ("compound" if position % 2 == 0 else "combinator") or value == "||":
            return None  # two combinators in a row, or one Chromium does not know
        if kind == "combinator":
            written.append(f" {value} " if value != " " else " ")
            continue
        compound = _compound(value, context)
        if compound is None or (compound[1] and position < len(segments) - 1):
            return None  # a pseudo-element is in the selector's last compound, or nowhere
        written.append(compound[0])
    return "".join(written)


def _segments(tokens: Sequence[Any]) -> list[tuple[str, Any]]:
    """The tokens of each compound selector ("compound", tokens) and the combinators between them
    ("combinator", `>`, `+`, `~` or " " for white space alone), in order; `||` (the column
    combinator, which Chromium does not read) is kept as a combinator, to be refused."""
    segments: list[tuple[str, Any]] = []
    current: list[Any] = []
    for token in tokens:
        if token.type == "whitespace" or (token.type == "literal" and token.value in (*_COMBINATORS, "||")):
            if current:
                segments.append(("compound", current))
                current = []
            if token.type == "literal":
                segments.append(("combinator", token.value))
            continue
        if not current and segments and segments[-1][0] == "compound":
            segments.append(("combinator", " "))  # white space alone between two compounds
        current.append(token)
    if current:
        segments.append(("compound", current))
    return segments


def _compound(tokens: Sequence[Any], context: _Context) -> tuple[str, bool] | None:
    """A compound selector (`a.note:hover::before`) read: an optional type selector, then ids,
    classes, attribute selectors, `&` and pseudo-classes, then pseudo-elements, each followed by
    what may follow it. (Its text, whether it has a pseudo-element); None when invalid."""
    position, written = _type_selector(tokens)
    if position is None:
        return None
    pseudo_element: str | None = None  # the last pseudo-element read, once there is one
    while position < len(tokens):
        step = _simple(tokens, position, context, pseudo_element)
        if step is None:
            return None
        text, position, pseudo_element = step
        written.append(text)
    return "".join(written), pseudo_element is not None


def _type_selector(tokens: Sequence[Any]) -> tuple[int | None, list[str]]:
    """Where the compound's type selector (`a`, `*`, `*|a`, `|a`) ends, and its text; (0, [])
    when there is none, (None, []) when it names a namespace prefix (no `@namespace` declares
    one in a page's `<style>`: Chromium refuses `svg|rect`)."""
    if tokens[0].type == "literal" and tokens[0].value == "|":
        return (2, ["|" + tokens[1].serialize()]) if len(tokens) > 1 and _names_a_type(tokens[1]) else (None, [])
    if not _names_a_type(tokens[0]):
        return 0, []
    if len(tokens) > 1 and tokens[1].type == "literal" and tokens[1].value == "|":
        if tokens[0].type == "ident" or len(tokens) < 3 or not _names_a_type(tokens[2]):
            return None, []
        return 3, ["*|" + tokens[2].serialize()]
    return 1, [tokens[0].serialize()]


def _names_a_type(token: Any) -> bool:
    return token.type == "ident" or _is_literal(token, "*")


def _simple(tokens: Sequence[Any], position: int, context: _Context, pseudo_element: str | None) -> tuple[str, int, str | None] | None:
    """The simple selector at `position` read: (its text, where the next starts, the last
    pseudo-element so far); None when invalid (after a pseudo-element, only pseudo-classes and
    pseudo-elements may follow)."""
    if _is_literal(tokens[position], ":") and position + 1 < len(tokens):
        return _pseudo(tokens, position + 1, context, pseudo_element)
    if pseudo_element is not None:
        return None
    read = _subclass(tokens, position)
    return None if read is None else (read[0], read[1], None)


def _pseudo(tokens: Sequence[Any], position: int, context: _Context, pseudo_element: str | None) -> tuple[str, int, str | None] | None:
    """The pseudo-class or pseudo-element after the colon at `position - 1`, read as `_simple` reads."""
    token = tokens[position]
    if _is_literal(token, ":") and position + 1 < len(tokens):
        element = _pseudo_element(tokens[position + 1], context, pseudo_element)
        return None if element is None else (f"::{element[0]}", position + 2, element[1])
    if token.type == "ident" and token.lower_value in LEGACY_PSEUDO_ELEMENTS:
        element = _pseudo_element(token, context, pseudo_element)
        return None if element is None else (f"::{element[0]}", position + 1, element[1])
    pseudo_class = _pseudo_class(token, context, pseudo_element)
    return None if pseudo_class is None else (pseudo_class, position + 1, pseudo_element)


def _subclass(tokens: Sequence[Any], position: int) -> tuple[str, int] | None:
    """The id, class, attribute selector or `&` at `position` read: (its text, where the next
    simple selector starts); None when it is none of them (`#1a` is no id: it is no identifier)."""
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if token.type == "hash":
        return (f"#{token.serialize()[1:]}", position + 1) if token.is_identifier else None
    if _is_literal(token, ".") and following is not None and following.type == "ident":
        return f".{following.serialize()}", position + 2
    if token.type == "[] block":
        return (token.serialize(), position + 1) if _attribute_selector(token.content) else None
    if _is_literal(token, "&"):
        return "&", position + 1
    return None


def _attribute_selector(content: Sequence[Any]) -> bool:
    """True when a `[…]` holds an attribute selector Chromium reads: a name (`|name` or `*|name`
    but no namespace prefix), then perhaps an operator, an identifier or a string and the `i`
    flag (Chromium does not read `s`)."""
    tokens = _stripped(content, inner=True)
    if len(tokens) > 1 and _is_literal(tokens[0], "*") and _is_literal(tokens[1], "|"):
        tokens = tokens[2:]  # any namespace
    elif tokens and _is_literal(tokens[0], "|"):
        tokens = tokens[1:]  # no namespace
    if not tokens or tokens[0].type != "ident":
        return False
    rest = tokens[1:]
    if not rest:
        return True
    if rest[0].type != "literal" or rest[0].value not in _ATTRIBUTE_OPERATORS or len(rest) < 2 or rest[1].type not in ("ident", "string"):
        return False
    flags = rest[2:]
    return not flags or (len(flags) == 1 and flags[0].type == "ident" and flags[0].lower_value == "i")


def _stripped(tokens: Sequence[Any], inner: bool = False) -> list[Any]:
    """The tokens without white space at either end (and, `inner`, anywhere)."""
    kept = list(tokens)
    if inner:
        return [token for token in kept if token.type != "whitespace"]
    while kept and kept[0].type == "whitespace":
        kept.pop(0)
    while kept and kept[-1].type == "whitespace":
        kept.pop()
    return kept


def _is_literal(token: Any, value: str) -> bool:
    return bool(token.type == "literal" and token.value == value)


def _pseudo_class(token: Any, context: _Context, pseudo_element: str | None) -> str | None:
    """A pseudo-class (the token after its colon) read; None when Chromium does not know it, or
    it may not follow the compound's pseudo-element."""
    if token.type == "ident":
        name = token.lower_value
        return f":{name}" if name in KNOWN_PSEUDO_CLASSES and (pseudo_element is None or _follows(pseudo_element, name)) else None
    if token.type != "function" or token.lower_name not in FUNCTIONAL_PSEUDO_CLASSES:
        return None
    name = token.lower_name
    if pseudo_element is not None and not _function_follows(pseudo_element, name, token.arguments):
        return None
    return _functional_pseudo_class(name, token.arguments, context)


def _function_follows(pseudo_element: str, name: str, arguments: Sequence[Any]) -> bool:
    """True when Chromium takes the functional pseudo-class `name(arguments)` right after
    `pseudo_element`: `:is()` and `:where()` after any but `::slotted()` and `::column`, `:not()`
    of pseudo-classes that may follow it, others as their name may."""
    if name in ("is", "where"):
        return pseudo_element not in _NOTHING_FOLLOWS
    if name == "not":
        return _only_pseudo_classes_following(arguments, pseudo_element)
    return _follows(pseudo_element, name)


def _follows(pseudo_element: str, pseudo_class: str) -> bool:
    """True when Chromium takes `pseudo_class` right after `pseudo_element` (`::-webkit-scrollbar-thumb:hover`)."""
    if pseudo_element in _ELEMENT_BACKED:
        return pseudo_class not in _TREE_STRUCTURAL and pseudo_class not in _SCROLLBAR_ONLY
    after = _CLASSES_AFTER.get(pseudo_element)
    if after is None:
        after = _USER_ACTION if pseudo_element.startswith("-webkit-") else frozenset()
    return pseudo_class in after


def _only_pseudo_classes_following(arguments: Sequence[Any], pseudo_element: str) -> bool:
    """True when each argument of a `:not()` after a pseudo-element is pseudo-classes that may
    follow it (`::-webkit-scrollbar:not(:hover)`)."""
    for argument in _split_at_commas(arguments):
        tokens = _stripped(argument)
        if not tokens or len(tokens) % 2:
            return False
        for colon, name in zip(tokens[::2], tokens[1::2], strict=True):
            if not _is_literal(colon, ":") or name.type != "ident" or not _follows(pseudo_element, name.lower_value):
                return False
    return True


def _functional_pseudo_class(name: str, arguments: Sequence[Any], context: _Context) -> str | None:
    """A functional pseudo-class read from its name and arguments; None when Chromium refuses the
    arguments. `:is()` and `:where()` keep the arguments that are valid (`MATCHES_NOTHING` when
    none is); the others keep all or are invalid."""
    inner = context._replace(nested=True, relative=False, compound=False)
    if name in ("is", "where") and context.unforgiving:
        every = _selector_list(tuple(arguments), inner)
        return None if every is None else f":{name}({', '.join(every)})"
    if name in ("is", "where"):
        kept = _forgiving_list(arguments, inner)
        return f":{name}({', '.join(kept)})" if kept else MATCHES_NOTHING
    if name in ("nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"):
        return _nth(name, arguments, inner)
    if name in ("lang", "dir", "state"):
        return f":{name}({_stripped(arguments)[0].serialize()})" if _one_identifier(arguments) else None
    if name == "active-view-transition-type":
        return f":{name}({_serialised(arguments)})" if all(_one_identifier(part) for part in _split_at_commas(arguments)) else None
    if name == "has":
        if context.in_has:
            return None  # no `:has()` in a `:has()`
        inner = inner._replace(in_has=True, relative=True)
    elif name != "not":  # `:-webkit-any()`, `:host()`, `:host-context()`: compound selectors
        inner = inner._replace(compound=True)
    read = _selector_list(arguments, inner)
    if read is None or (name in ("host", "host-context") and len(read) != 1):
        return None
    return f":{name}({', '.join(read)})"


def _nth(name: str, arguments: Sequence[Any], context: _Context) -> str | None:
    """`:nth-child(An+B)` and its kind read; only `:nth-child()` and `:nth-last-child()` take
    `of` and a selector list (which does not forgive)."""
    from tinycss2.nth import parse_nth

    tokens = list(arguments)
    of = next((i for i, token in enumerate(tokens) if token.type == "ident" and token.lower_value == "of"), None)
    step = tokens if of is None else tokens[:of]
    if parse_nth(step) is None:
        return None
    if of is None:
        return f":{name}({_serialised(step)})"
    if name not in ("nth-child", "nth-last-child"):
        return None
    read = _selector_list(tokens[of + 1 :], context)
    return None if read is None else f":{name}({_serialised(step)} of {', '.join(read)})"


def _pseudo_element(token: Any, context: _Context, previous: str | None) -> tuple[str, str] | None:
    """A pseudo-element (the token after its colons) read: (its text, its name); None when
    Chromium does not know it, refuses its arguments, or it stands where none may (in a
    functional pseudo-class, or after a pseudo-element it may not follow)."""
    if context.nested:
        return None
    if token.type == "ident":
        name = token.lower_value
        known = name in KNOWN_PSEUDO_ELEMENTS or (name.startswith("-webkit-") and name not in KNOWN_PSEUDO_CLASSES)
        text = name
    elif token.type == "function" and token.lower_name in FUNCTIONAL_PSEUDO_ELEMENTS:
        name = token.lower_name
        known = _pseudo_element_arguments(name, token.arguments)
        text = f"{name}({_serialised(token.arguments)})"
    else:
        return None
    if not known or (previous is not None and not _element_follows(previous, name)):
        return None
    return text, name


def _element_follows(previous: str, name: str) -> bool:
    """True when Chromium takes the pseudo-element `name` right after `previous` (`::before::marker`)."""
    if previous in _ELEMENT_BACKED:
        return name not in ("part", "slotted")
    return name in _ELEMENTS_AFTER.get(previous, frozenset())


def _pseudo_element_arguments(name: str, arguments: Sequence[Any]) -> bool:
    """True when Chromium reads these arguments of a functional pseudo-element."""
    tokens = _stripped(arguments)
    if name == "part":
        return bool(tokens) and all(token.type in ("ident", "whitespace") for token in tokens)
    if name in ("slotted", "cue"):
        return _complex(tokens, _Context(nested=True, compound=True)) is not None
    if name == "highlight":
        return _one_identifier(tokens)
    if name == "picker":
        return _one_identifier(tokens) and tokens[0].lower_value == "select"
    if name == "scroll-button":
        return len(tokens) == 1 and tokens[0].type in ("ident", "literal") and getattr(tokens[0], "lower_value", tokens[0].value) in _SCROLL_BUTTON_DIRECTIONS
    return _view_transition_argument(tokens)


def _view_transition_argument(tokens: Sequence[Any]) -> bool:
    """True when a view transition pseudo-element's argument is a name or `*`, then classes
    (`(*.card)`, `(hero)`, `(.card)`)."""
    rest = list(tokens[1:]) if tokens and _names_a_type(tokens[0]) else list(tokens)
    if not tokens or len(rest) % 2:
        return False
    return all(_is_literal(dot, ".") and name.type == "ident" for dot, name in zip(rest[::2], rest[1::2], strict=True))


def _one_identifier(tokens: Sequence[Any]) -> bool:
    stripped = _stripped(tokens)
    return len(stripped) == 1 and stripped[0].type == "ident"


def _serialised(tokens: Sequence[Any]) -> str:
    import tinycss2

    return str(tinycss2.serialize(_stripped(tokens)))


def cssselect_form(selectors: str) -> str:
    """Selectors written so that cssselect parses what it can of them, each as Chromium matches
    it and with the specificity Chromium gives it:

    - `:not(A, B)` as `:not(:is(A, B))` (cssselect's `:not()` takes one selector, its `:is()` a
      list of compound selectors; both count the most specific argument);
    - `:nth-child(An+B of S)` (and `:nth-last-child()`'s) as `:is(S):nth-child(An+B of "S")`: an
      element that matches it matches `S`, `:is(S)` gives it the specificity of `S`, and the
      translator (`first_sight.FirstSightTranslator`) counts the siblings that match `S`.

    Where an argument holds a combinator, cssselect's `:is()` refuses it still: the selector is
    then not read, as before."""
    if "(" not in selectors:
        return selectors
    import tinycss2

    return _rewritten_for_cssselect(tinycss2.parse_component_value_list(selectors))


def _rewritten_for_cssselect(tokens: Sequence[Any]) -> str:
    """The tokens as text, each `:not()` of a list and `:nth-child(An+B of S)` among them
    written as `cssselect_form` writes them."""
    import tinycss2

    written = []
    for token in tokens:
        if token.type != "function":
            written.append(tinycss2.serialize([token]))
            continue
        arguments = list(token.arguments)
        inner = _rewritten_for_cssselect(arguments)
        of = next((i for i, t in enumerate(arguments) if t.type == "ident" and t.lower_value == "of"), None)
        if token.lower_name == "not" and len(_split_at_commas(arguments)) > 1:
            written.append(f"{token.name}(:is({inner.strip()}))")
        elif of is not None and token.lower_name in ("nth-child", "nth-last-child"):
            # The string holds `S` as written: the translator reads it with `cssselect_form`.
            quoted = _serialised(arguments[of + 1 :]).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
            selectors = _rewritten_for_cssselect(arguments[of + 1 :]).strip()
            written.append(f'is({selectors}):{token.name}({_serialised(arguments[:of])} of "{quoted}")')
        else:
            written.append(f"{token.name}({inner})")
    return "".join(written)


@functools.lru_cache(maxsize=4096)
def parsed_selectors(selector_list: str) -> tuple[Any, ...]:
    """cssselect's parse (its `Selector`s) of each selector of the list that Chromium keeps
    (`chromium_selectors`), written as `cssselect_form` writes it (`:not(.a, .b)` as
    `:not(:is(.a, .b))`), that cssselect reads: none when Chromium drops the rule. A selector
    Chromium reads and cssselect cannot (`:not(a b, c)`, `:nth-child(2n of .a .b)`) is left out,
    not the rule's other selectors with it."""
    from cssselect import SelectorError, parse

    kept = chromium_selectors(selector_list)
    if kept is None:
        return ()
    read = [cssselect_form(selector) for selector in kept if selector_readable(selector)]
    try:
        return tuple(parse(", ".join(read)))
    except SelectorError:
        pass
    parsed = []
    for selector in read:
        try:
            parsed.extend(parse(selector))
        except SelectorError:
            continue
    return tuple(parsed)


# The most combinators, and the most brackets, a selector the checker reads has: cssselect works
# out a selector's specificity and XPath by recursion, a level a combinator or a nested
# `:is()`. A chain of descendants longer than a browser's tree is deep (512) matches nothing; a
# hostile page writes thousands, and such a selector is left out as one cssselect cannot read.
_MOST_COMBINATORS = 256
_COMBINATOR = on_first_use(r"[\s>+~]+")


def selector_readable(selector: str) -> bool:
    """Whether a selector (its text) is within what the checker reads: at most `_MOST_COMBINATORS`
    combinators and as many brackets, counted in its text, nested selectors' included."""
    return selector.count("(") <= _MOST_COMBINATORS and len(_COMBINATOR().findall(selector)) <= _MOST_COMBINATORS
