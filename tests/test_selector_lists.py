"""Selector lists read as Chromium reads them (`compliance.document.selector_lists`): a rule with a
selector Chromium cannot parse is dropped whole; `:is()` and `:where()` forgive their invalid
arguments. Every example here is checked against Chromium itself in `tests/test_browser.py`
(`test_a_selector_list_is_kept_or_dropped_as_chromium_keeps_or_drops_it`)."""

from __future__ import annotations

import pytest

from compliance.document.selector_lists import MATCHES_NOTHING, chromium_selectors, cssselect_form, group_members, parsed_selectors

# Lists Chromium keeps: pseudo-classes and pseudo-elements it knows, though cssselect knows fewer
# (`:focus-within`, `:dir()`, `::-webkit-scrollbar`…) or parses less (`:not(.a, .b)`).
SELECTOR_LISTS_KEPT = [
    ".byline",
    ".byline, .x:focus-within",
    ".byline, a:any-link, a:-webkit-any-link",
    ".byline, p:dir(rtl), p:defined, input:placeholder-shown, a:focus-visible, input:autofill",
    ".byline, input:-webkit-autofill, :fullscreen, dialog:modal, [popover]:popover-open, :state(--open)",
    ".byline, input:user-invalid, input:user-valid, details:open, video:picture-in-picture",
    ".byline, ::-webkit-scrollbar, ::-webkit-scrollbar-thumb:hover, ::-webkit-scrollbar:horizontal",
    ".byline, input::-webkit-input-placeholder, input::-webkit-inner-spin-button, summary::-webkit-details-marker",
    ".byline, ::selection, ::selection:window-inactive, li::marker, ::backdrop, ::placeholder, ::file-selector-button:hover",
    ".byline, a:before, a:after, p:first-line, p:first-letter, a::before::marker",
    ".byline, ::part(label):hover, ::slotted(span)::before, ::view-transition-group(*), ::highlight(hit)",
    ".byline, a:not(.b, .c), li:nth-child(2n of .item), li:nth-child(odd), li:nth-last-child(-n + 3)",
    ".byline, div:has(> img), div:has(+ p, ~ ul), :not(:has(a))",
    ".byline, :host, :host(.dark) .x, :host-context(.dark), :-webkit-any(a, b)",
    ".byline, A:HOVER, ::BEFORE, ::-WEBKIT-SCROLLBAR",
    '.byline, *|a, |a, [*|lang], [|lang], a[href$=".pdf" i]',
    "#-x, .--y, #\\31 a, .a\\:b",
    ":is(.byline, .x:bogus)",
    ":where(.byline, ::before, > a)",
    ":is(:bogus)",
    ":not(:is(.a, .x:bogus))",
    ".a :is(:is(:bogus), .b)",
    ":has(:is(:has(a)))",
    "::before:is(:hover)",
]
# Lists Chromium drops whole: a selector names what it does not know, or breaks the grammar.
SELECTOR_LISTS_DROPPED = [
    ".byline, .x:bogus",
    ".byline, b::-moz-selection",
    ".byline, :-moz-focusring",
    ".byline, input:-ms-input-placeholder",
    ".byline, input::-moz-placeholder",
    ".byline, input::-ms-clear",
    ".byline, :-moz-placeholder",
    ".byline, :-o-prefocus",
    ".byline, :matches(a)",
    ".byline, :any(a)",
    ".byline, :blank",
    ".byline, :local-link",
    ".byline, :-webkit-foo",
    ".byline, ::-webkit-full-screen",
    ".byline, ::-webkit-foo(x)",
    ".byline, :hover()",
    ".byline, :not",
    ".byline, ::before()",
    ".byline, :not(.x:bogus)",
    ".byline, :has(.x:bogus, b)",
    ".byline, :has(:has(a))",
    ".byline, :has(::before)",
    ".byline, :not(::before)",
    ".byline, :not()",
    ".byline, :nth-of-type(2n of .x)",
    ".byline, :nth-child(2n of :bogus)",
    ".byline, :nth-child(2.5n)",
    '.byline, :lang("en")',
    ".byline, :dir(ltr, rtl)",
    ".byline, :host(.x .y)",
    ".byline, ::slotted(a b)",
    ".byline, ::part()",
    ".byline, ::picker(foo)",
    ".byline, a::before.x",
    ".byline, a::before:hover",
    ".byline, ::placeholder:hover",
    ".byline, a::before b",
    ".byline, ::slotted(a):is(:hover)",
    ".byline, a:before:after",
    ".byline, .1a",
    ".byline, #1a",
    ".byline, a >",
    ".byline, > a",
    ".byline, a + > b",
    ".byline, a >>> b",
    ".byline, a || b",
    ".byline, a*",
    ".byline, ns|a",
    ".byline, [ns|a]",
    ".byline, [a=1]",
    '.byline, [a="b" s]',
    '.byline, [a!="b"]',
    ".byline,",
    ".byline, , a",
]


@pytest.mark.parametrize("selector_list", SELECTOR_LISTS_KEPT)
def test_a_list_chromium_keeps_is_kept(selector_list: str) -> None:
    assert chromium_selectors(selector_list) is not None


@pytest.mark.parametrize("selector_list", SELECTOR_LISTS_DROPPED)
def test_a_list_with_a_selector_chromium_cannot_parse_is_dropped_whole(selector_list: str) -> None:
    assert chromium_selectors(selector_list) is None
    assert parsed_selectors(selector_list) == ()


@pytest.mark.parametrize(
    ("selector_list", "read"),
    [
        (":is(.byline, .x:bogus)", (":is(.byline)",)),
        (":where(.a, ::before, > a, .b)", (":where(.a, .b)",)),
        (":is(:bogus)", (MATCHES_NOTHING,)),
        (":not(:is(.a, .x:bogus))", (":not(:is(.a))",)),
        (".a :is(:is(:bogus), .b)", (f".a :is({MATCHES_NOTHING}, .b)",)),
        (":has(:is(:has(a), b))", (":has(:is(b))",)),
        ("a>b , c", ("a > b", "c")),
    ],
)
def test_is_and_where_forgive_only_their_invalid_arguments(selector_list: str, read: tuple[str, ...]) -> None:
    assert chromium_selectors(selector_list) == read


def test_a_selector_cssselect_cannot_parse_leaves_the_others_of_its_list() -> None:
    # Chromium reads `:not(a b, .c)` and `:nth-child(2n of .x .y)`; cssselect does not, and only they go.
    assert [str(s.parsed_tree) for s in parsed_selectors(".byline, a:not(a b, .c), li:nth-child(2n of .x .y)")] == ["Class[Element[*].byline]"]


def test_a_not_of_a_list_is_given_to_cssselect_as_a_not_of_an_is() -> None:
    assert cssselect_form("a:not(.b, [c]), :not(.d)") == "a:not(:is(.b, [c])), :not(.d)"
    # `:not()` counts its most specific argument, as Chromium does.
    assert [s.specificity() for s in parsed_selectors("a:not(.b, #c)")] == [(1, 0, 1)]


def test_nth_child_of_a_selector_list_is_given_to_cssselect_with_the_specificity_chromium_gives_it() -> None:
    assert cssselect_form("li:nth-child(2n of .x, [a]), :not(:nth-last-child(1 of .y))") == (
        'li:is(.x, [a]):nth-child(2n of ".x, [a]"), :not(:is(.y):nth-last-child(1 of ".y"))'
    )
    # `:nth-child()` (0, 1, 0) and the most specific of its list (0, 1, 0), as Chromium counts.
    assert [s.specificity() for s in parsed_selectors("li:nth-child(2n of .x, [a])")] == [(0, 2, 1)]


@pytest.mark.parametrize(
    ("selector_list", "members"),
    [
        ("img, amp-img", ("img", "amp-img")),
        ("  script ", ("script",)),
        ('img[alt="Logo, DCNF"], svg', ('img[alt="Logo, DCNF"]', "svg")),
        ("img:not(.ad, .promo), amp-img", ("img:not(.ad, .promo)", "amp-img")),
        (":is(.a, .b) img", (":is(.a, .b) img",)),
        ("img, .x:bogus", ()),  # Chromium drops the whole list
    ],
)
def test_group_members_split_a_list_only_at_its_top_level_commas(selector_list: str, members: tuple[str, ...]) -> None:
    assert group_members(selector_list) == members
