"""A style sheet's `@namespace` rules (CSS Namespaces 3), applied to its selectors before anything
reads them.

An HTML page's elements are in the XHTML namespace, those inside `<svg>` in SVG's and those inside
`<math>` in MathML's. With a default namespace declared (`@namespace url(http://www.w3.org/2000/svg);`),
a compound selector without a namespace prefix (`.byline`, `p`, `*`, `[class=byline]`) matches
only elements of that namespace (Selectors 3, 6.1.1 and 6.2; Selectors 4, 5.2), so it hides no HTML
element; a prefix declared for a namespace (`@namespace h url(http://www.w3.org/1999/xhtml);
h|p.byline`) matches that namespace's elements, `*|p` any, `|p` only elements of none (no
element of a page). A prefix no `@namespace` of the sheet declares makes its selector invalid,
and the rule is dropped (as without any `@namespace`: `selector_lists`). An `@namespace` counts
only before every style rule and at-rule but `@charset`, `@import`, `@layer` statements and unknown
at-rules; of two for one prefix, or two defaults, the last counts; prefixes are case-sensitive.
Each as Chromium 156 reads it.

The sheet is written again without them, for the checker's HTML tree: a compound of the XHTML
namespace, or of any, as written without its prefix; one of SVG's or MathML's as one of that
language's element names (`_FOREIGN_ELEMENTS`: the elements of an HTML tree that are in it, but
for the few names both share, such as `a`, left out); one of another namespace, or of none, as
matching nothing (its selector is left out of the list, and a rule left with none is dropped).
Not rewritten: selectors inside functional pseudo-classes (`:is(svg|rect)`), attribute namespaces
(`[xlink|href]`) and rules nested in a style rule (CSS Nesting), which keep their reading without
`@namespace`. A sheet whose text names no `@namespace` is not read (nor one spelt with an escape).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from compliance.document.css import per_sheet

XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"
MATHML = "http://www.w3.org/1998/Math/MathML"

# The element names only SVG, or only MathML, has (lower case, as the checker's tree has them):
# what a compound of that namespace matches.
_FOREIGN_ELEMENTS = {
    SVG: (
        "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textpath", "lineargradient", "radialgradient", "stop", "pattern", "clippath", "mask",
        "marker", "filter", "foreignobject", "desc", "metadata", "switch", "view", "animate", "animatemotion",
        "animatetransform", "set", "mpath", "feblend", "fecolormatrix", "fecomposite", "feflood", "fegaussianblur",
        "feimage", "femerge", "feoffset", "feturbulence",
    ),
    MATHML: (
        "math", "mi", "mo", "mn", "ms", "mtext", "mrow", "mfrac", "msqrt", "mroot", "msub", "msup", "msubsup",
        "munder", "mover", "munderover", "mtable", "mtr", "mtd", "mspace", "mpadded", "mphantom", "menclose",
        "merror", "mstyle", "semantics", "annotation", "annotation-xml", "mmultiscripts", "mprescripts",
    ),
}  # fmt: skip

_NAMES_NAMESPACE = re.compile("@namespace", re.IGNORECASE)
# At-rules before which an `@namespace` still counts (with no block; any unknown one too).
_BEFORE_NAMESPACES = frozenset({"charset", "import", "layer"})
_ANY = "*"


def may_declare_namespaces(sheet: str) -> bool:
    """Whether a style sheet's text names `@namespace` (in any case; one spelt with an escape
    is not read)."""
    return _NAMES_NAMESPACE.search(sheet) is not None


@per_sheet
def with_namespaces_applied(sheet: str) -> str:
    """The sheet with its `@namespace` rules applied to its selectors (see above); as written
    when it declares none. Never raises."""
    if not may_declare_namespaces(sheet):
        return sheet
    import tinycss2

    rules = tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True)
    declared: dict[str, str] = {}
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "namespace":
            _declare(rule, declared)
        elif _ends_namespaces(rule):
            break
    if not declared:
        return sheet
    return _written(rules, declared)


# The at-rules a browser reads after which an `@namespace` no longer counts (an unknown one,
# `@foo;`, is ignored, and `@charset`, `@import` and `@layer` statements may come before it).
_READ_AT_RULES = frozenset(
    {
        "media", "supports", "layer", "font-face", "keyframes", "-webkit-keyframes", "page", "container", "scope",
        "property", "counter-style", "font-feature-values", "font-palette-values", "starting-style",
        "view-transition", "position-try", "function",
    }
)  # fmt: skip


def _ends_namespaces(rule: Any) -> bool:
    """Whether a rule ends the place `@namespace` rules count in: a style rule, or an at-rule a
    browser reads (`_READ_AT_RULES`) but a statement of `_BEFORE_NAMESPACES` (`@layer a;`)."""
    if rule.type != "at-rule":
        return bool(rule.type == "qualified-rule")
    if rule.content is None and rule.lower_at_keyword in _BEFORE_NAMESPACES:
        return False
    return bool(rule.lower_at_keyword in _READ_AT_RULES)


def _declare(rule: Any, declared: dict[str, str]) -> None:
    """Add an `@namespace [prefix] url|string;` to `declared` (prefix → namespace; "" the default)."""
    tokens = [t for t in rule.prelude if t.type not in ("whitespace", "comment")]
    if rule.content is not None or not tokens or len(tokens) > 2:
        return
    prefix = ""
    if len(tokens) == 2:
        if tokens[0].type != "ident":
            return
        prefix = tokens[0].value
    url = tokens[-1]
    if url.type in ("url", "string"):
        declared[prefix] = url.value
    elif url.type == "function" and url.lower_name == "url":
        arguments = [t for t in url.arguments if t.type not in ("whitespace", "comment")]
        if len(arguments) == 1 and arguments[0].type == "string":
            declared[prefix] = arguments[0].value


def _written(rules: Sequence[Any], declared: dict[str, str]) -> str:
    """The rules as text, each style rule's selectors rewritten for `declared` (see above)."""
    import tinycss2

    pieces: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _selectors(rule.prelude, declared)
            if selectors:
                pieces.append(f"{selectors}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "namespace":
            continue
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports", "layer", "container", "scope", "document"):
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            pieces.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{_written(inner, declared)}}}")
        elif rule.type != "error":
            pieces.append(tinycss2.serialize([rule]))
    return "\n".join(pieces)


def _selectors(prelude: Sequence[Any], declared: dict[str, str]) -> str:
    """A style rule's selector list rewritten (`_compound`): "" when it matches nothing or is invalid."""
    import tinycss2

    from compliance.document.css_grammar import split_at_commas

    kept: list[str] = []
    for selector in split_at_commas([t for t in prelude if t.type != "comment"]):
        written = _selector(selector, declared)
        if written is None:
            return ""  # an undeclared prefix: the whole rule is dropped
        if written:
            kept.append(tinycss2.serialize(written).strip())
    return ", ".join(kept)


def _selector(tokens: Sequence[Any], declared: dict[str, str]) -> list[Any] | None:
    """One selector's tokens with each compound's namespace applied; [] when it matches nothing,
    None when it names a prefix no `@namespace` declares."""
    written: list[Any] = []
    compound: list[Any] = []
    for token in [*tokens, None]:
        if token is None or token.type == "whitespace" or (token.type == "literal" and token.value in (">", "+", "~")):
            if compound:
                applied = _compound(compound, declared)
                if applied is None or not applied:
                    return applied
                written.extend(applied)
                compound = []
            if token is not None:
                written.append(token)
        else:
            compound.append(token)
    return written


def _compound(tokens: list[Any], declared: dict[str, str]) -> list[Any] | None:
    """A compound's tokens for the checker's tree (see above); [] when it matches nothing, None
    when its prefix is not declared."""
    import tinycss2

    namespace, rest = _namespace_of(tokens, declared)
    if namespace is None:
        return None
    if namespace in (_ANY, XHTML):
        return rest
    names = _FOREIGN_ELEMENTS.get(namespace)
    if names is None:
        return []  # another namespace, or none: no element of the page is in it
    if rest and rest[0].type == "ident":
        return rest if rest[0].lower_value in names else []
    if rest and rest[0].type == "literal" and rest[0].value == "*":
        rest = rest[1:]
    return list(tinycss2.parse_component_value_list(f":is({', '.join(names)})")) + rest


def _namespace_of(tokens: list[Any], declared: dict[str, str]) -> tuple[str | None, list[Any]]:
    """The namespace a compound's elements must be in (`_ANY` for any, "" for none) and its tokens
    without the prefix; (None, []) for an undeclared prefix."""
    bar = 1 if len(tokens) > 1 and tokens[1].type == "literal" and tokens[1].value == "|" else 0
    if tokens[0].type == "literal" and tokens[0].value == "|":
        return ("", tokens[1:]) if _names_a_type(tokens[1:]) else (None, [])
    if bar and not _names_a_type(tokens[2:]):
        return None, []  # a prefix names a type: `*|.byline` is no selector
    if bar and tokens[0].type == "literal" and tokens[0].value == "*":
        return _ANY, tokens[2:]
    if bar and tokens[0].type == "ident":
        namespace = declared.get(tokens[0].value)
        return (None, []) if namespace is None else (namespace, tokens[2:])
    return declared.get("", _ANY), tokens


def _names_a_type(tokens: Sequence[Any]) -> bool:
    return bool(tokens) and (tokens[0].type == "ident" or (tokens[0].type == "literal" and tokens[0].value == "*"))
