"""Rules in `@scope (root) to (limit)` (`css.Scoping`, `first_sight.ScopedTranslator`): applied in
the root's subtree, not inside the limit. `tests/test_browser.py` checks that for each style sheet
here Chromium gives `display: none` to the very elements the checker matches
(`test_scoped_rules_match_what_chromium_matches`)."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.css import Scoping, parse_style_sheet
from compliance.document.visibility import _ElementIndex, _selectors

SCOPE_MARKUP = """<!doctype html><html><head></head><body>
<article id=a1 class=card><p id=p1 class=byline>By Jane</p><div id=d1 class=aside><p id=p2 class=byline>By Joe</p><span id=s1>x</span></div>
<section id=sec1><p id=p3 class=byline>By Ann</p></section></article>
<p id=p4 class=byline>By Bob</p><div id=d2 class=aside><article id=a2><p id=p5 class=byline>By Sam</p></article></div>
<main id=m><div id=d3 class="card x"><span id=s2>y</span><div id=d4 class=card><span id=s3>z</span></div></div></main>
</body></html>"""

SCOPE_SHEETS = [
    "@scope (article) { .byline { display: none } }",
    "@scope (article) to (.aside) { .byline { display: none } }",
    "@scope (.card) { :scope { display: none } }",
    "@scope (.card) { > span { display: none } }",
    "@scope (.card) { & span { display: none } }",
    "@scope (.card) { &.x { display: none } }",
    "@scope (article, main) to (.aside, section) { p, span { display: none } }",
    "@scope (main .card) { span { display: none } }",
    "@scope (article) { section { .byline { display: none } } }",
    "@media screen { @scope (article) { @layer a { #p1 { display: none } } } }",
    "@scope (:not(.aside) > article) { .byline { display: none } }",
    "@scope (article) to (:scope > div) { .byline { display: none } }",
    "@scope { .byline { display: none } }",
    "@scope (.nothing) { .byline { display: none } }",
    "@scope (article) to (.aside) { :scope .byline { display: none } }",
    "@scope (article) to (div:not(a b, .c)) { .byline { display: none } }",
]
# Sheets whose rules the checker does not apply, as it cannot scope them exactly: they hide
# nothing there that Chromium shows.
SCOPE_SHEETS_NOT_APPLIED = {"@scope { .byline { display: none } }", "@scope (article) to (div:not(a b, .c)) { .byline { display: none } }"}


def checker_hides(markup: str, sheet: str) -> list[str]:
    """The ids of the elements the checker matches with the sheet's rules, in document order."""
    root = parse_document(markup, "html").root
    index = _ElementIndex(root)
    found: set[Any] = set()
    for rule in parse_style_sheet(sheet):
        for selector in _selectors(rule.selectors, rule.scope):
            found.update(index.select(selector))
    return [element.get("id") for element in root.iter() if element in found and element.get("id")]


@pytest.mark.parametrize(
    ("sheet", "ids"),
    [
        ("@scope (article) { .byline { display: none } }", ["p1", "p2", "p3", "p5"]),
        ("@scope (article) to (.aside) { .byline { display: none } }", ["p1", "p3", "p5"]),
        ("@scope (.card) { > span { display: none } }", ["s2", "s3"]),
        ("@scope (main .card) { span { display: none } }", ["s2", "s3"]),
        ("@scope (article) { section { .byline { display: none } } }", ["p3"]),
        ("@scope (article) to (:scope > div) { .byline { display: none } }", ["p1", "p3", "p5"]),
        # A limit cssselect cannot read (a combinator in `:not()`'s list): the rule is not applied.
        ("@scope (article) to (div:not(a b, .c)) { .byline { display: none } }", []),
        # Without a root, the root is the `<style>` element's parent, which the sheet does not know.
        ("@scope { .byline { display: none } }", []),
    ],
)
def test_a_scoped_rule_matches_in_its_root_and_not_past_its_limit(sheet: str, ids: list[str]) -> None:
    assert checker_hides(SCOPE_MARKUP, sheet) == ids


def test_a_scoped_rule_is_read_relative_to_its_root() -> None:
    (rule,) = parse_style_sheet("@scope (article) to (.aside) { .byline, > p, &.x, :scope b { display: none } }")
    assert rule.scope == Scoping("article", ".aside")
    assert rule.selectors == "& .byline, & > p, &.x, :scope b"
    # The implied root adds no specificity; `:scope` written out adds a pseudo-class's.
    assert [s.specificity for s in _selectors(rule.selectors, rule.scope)] == [(0, 1, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1)]
