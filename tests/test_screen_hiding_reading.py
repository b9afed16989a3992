"""The reading of which rules hide or show on some screens (`screen_hiding`) is the same whether a
sheet is split by the scanner (`css.scanned_style_rules`, each block's declarations read on their
own) or read whole by tinycss2: generated sheets with nested and print/width/hover `@media`, a
comment naming `@media` before one, `@supports`, `@layer`, CSS Nesting, selectors tinycss2 writes
with `/**/` (`2n+1`), escapes, `!important`, and every kind of declaration that hides or shows;
and a block split at its semicolons declares `display` and `visibility` as tinycss2 reads them."""

from __future__ import annotations

import tinycss2
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.document import css, screen_hiding

SELECTORS = st.sampled_from(
    [".byline", "#logo", "div.a > p", "a[href='x{y}']", "li:nth-child(2n+1)", ".x/* c */.y", ".sm\\:hidden", "*", "<!-- .a", "p)", "&.c", "a:hover", ""]
)
PROPERTIES = st.sampled_from(
    [
        "display",
        "DISPLAY",
        "visibility",
        "dis\\play",
        "opacity",
        "font-size",
        "font",
        "transform",
        "scale",
        "clip-path",
        "filter",
        "content-visibility",
        "width",
        "max-height",
        "block-size",
        "overflow",
        "overflow-y",
        "all",
        "color",
        "--v",
    ]
)
VALUES = st.sampled_from(
    [
        "none",
        "NONE",
        "block",
        "hidden",
        "collapse",
        "visible",
        "0",
        "1px",
        "scale(0)",
        "inset(50%)",
        "opacity(0)",
        "unset",
        "none/**/",
        "var(--x)",
        "\\6e one",
        "clip",
        '"a;b"',
        "",
    ]
)
QUERIES = st.sampled_from(
    [
        "screen",
        "print",
        "(min-width: 600px)",
        "(MAX-WIDTH:600px)",
        "all",
        "only screen and (max-width:1px)",
        "not print",
        "(hover)",
        "(prefers-color-scheme: dark)",
        "(orientation: portrait)",
    ]
)
KINDS = ["rule", "rule", "media", "media", "commented media", "supports", "layer", "nested", "font-face", "junk"]


@st.composite
def blocks(draw: st.DrawFn) -> str:
    declarations = draw(st.lists(st.tuples(PROPERTIES, VALUES, st.sampled_from(["", " !important", "!IMPORTANT"])), max_size=4))
    return draw(st.sampled_from([";", "; ", " /* ; */ ;"])).join(f"{name}:{value}{important}" for name, value, important in declarations)


@st.composite
def rule_lists(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(KINDS if depth < 2 else ["rule", "junk"]))
        if kind == "rule":
            parts.append(f"{', '.join(draw(st.lists(SELECTORS, min_size=1, max_size=2)))} {{{draw(blocks())}}}")
        elif kind in ("media", "commented media"):
            comment = "/* @media print */ " if kind == "commented media" else ""
            parts.append(f"{comment}@media {draw(QUERIES)} {{ {draw(rule_lists(depth + 1))} }}")
        elif kind == "supports":
            parts.append(f"@supports (display: grid) {{ {draw(rule_lists(depth + 1))} }}")
        elif kind == "layer":
            parts.append(f"@layer base {{ {draw(rule_lists(depth + 1))} }}")
        elif kind == "nested":
            parts.append(f".p {{ {draw(blocks())}; .q {{ {draw(blocks())} }} @media {draw(QUERIES)} {{ {draw(blocks())} }} }}")
        elif kind == "font-face":
            parts.append("@font-face { font-family: x; src: url(a.woff) }")
        else:
            parts.append(draw(st.sampled_from(["/* } */", "<!--", "-->", "}", "{", "(", "'", "\\", "@me\\64ia (hover) {", ";"])))
    return draw(st.sampled_from(["\n", " ", ""])).join(parts)


DISPLAY_PIECES = st.sampled_from(
    [
        "display:none",
        " DISPLAY : NONE ",
        "display:none !important",
        "display:none! IMPORTANT",
        "display:none !ie",
        "display:none ! ! important",
        "display:",
        "display",
        "display:\xa0none",
        "\xa0display:none",
        "*display:none",
        "display none:x",
        "visibility:hidden",
        "visibility:collapse",
        "visibility: visible",
        "display:none(x)",
        "display:block",
        "color:rgb(0 0 0)",
        "background:url(a;b)",
        "background:url(a)",
        "x:(a;b)",
        "x:(a;display:none)",
        "background:url(a;display:none)",
        "x:[a;b]",
        "x:(]",
        "x:)",
        "x:(",
        "@x display:none",
        "content:'a;display:none'",
        "width:calc((1px + 2px) * 3)",
    ]
)


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(st.lists(DISPLAY_PIECES, max_size=5), st.sampled_from([";", "; ", ";\n"]))
def test_a_block_split_at_its_semicolons_declares_display_as_tinycss2_reads_it(pieces: list[str], separator: str) -> None:
    block = separator.join(pieces)
    assert screen_hiding._hides(block) == screen_hiding._tokenised_hides(block)


def test_only_a_simple_block_is_split_at_its_semicolons() -> None:
    assert css.declaration_texts("color: rgb(0 0 0); display: none") == ["color: rgb(0 0 0)", " display: none"]
    assert css.declaration_texts("background: url(a;b); display: none") is None
    assert css.declaration_texts("x: (]; display: none)") is None
    assert css.declaration_texts("content: ';'; display: none") is None


def _by_tinycss2(sheet: str) -> tuple[object, ...]:
    found: list[screen_hiding._DisplayRule] = []
    screen_hiding._read_display_rules(tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True), (), found)
    return tuple(found)


def _by_reading(sheet: str) -> tuple[object, ...]:
    return screen_hiding._sheet_display_rules.__wrapped__(sheet)  # type: ignore[no-any-return]


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(rule_lists())
def test_the_scanned_reading_of_what_hides_on_some_screens_is_tinycss2s(sheet: str) -> None:
    assert _by_reading(sheet) == _by_tinycss2(sheet)


def test_a_scanned_sheet_is_read_with_its_queries_as_written_and_its_selectors_as_tinycss2_writes_them() -> None:
    sheet = "/* @media print */ @media screen { @media (MAX-width:  600px) { li:nth-child(2n+1), .a { display: none !important } } } .b { display: flex }"
    assert css.scanned_style_rules.__wrapped__(sheet) is not None  # type: ignore[attr-defined]
    assert _by_reading(sheet) == (
        screen_hiding._DisplayRule(
            "(MAX-width: 600px)",
            "li:nth-child(2n/**/+1), .a",
            hides=True,
            hides_otherwise=False,
            declares=True,
            hiding=frozenset({"display"}),
            families=frozenset({"display"}),
        ),
        screen_hiding._DisplayRule("", ".b", hides=False, hides_otherwise=False, declares=True, hiding=frozenset(), families=frozenset({"display"})),
    )


def test_a_rule_that_hides_by_its_size_or_alone_is_read_apart_from_one_that_hides_by_display() -> None:
    sheet = "@media (max-width: 600px) { .a { height: 0; overflow: hidden } .b { opacity: 0 } .c { height: 0 } .d { color: red } }"
    rules = _by_reading(sheet)
    assert [(rule.selector, rule.hides, rule.hides_otherwise, rule.declares) for rule in rules] == [  # type: ignore[attr-defined]
        (".a", False, True, False),
        (".b", False, True, False),
        # Kept as a size it declares may show again what a size hid (`hidden_unless_shown`).
        (".c", False, False, False),
    ]
    assert [(rule.selector, rule.hiding, rule.families) for rule in rules] == [  # type: ignore[attr-defined]
        (".a", {"size"}, {"size"}),
        (".b", {"opacity"}, {"opacity"}),
        (".c", set(), {"size"}),
    ]


def test_a_comment_naming_a_media_query_before_one_leaves_the_querys_rules_read() -> None:
    # The query is the text after the at-keyword, not after the first `@media` of the prelude.
    (rule,) = css.parse_style_sheet.__wrapped__("/* @media print */ @media (max-width: 600px) { .a { display: none } }")  # type: ignore[attr-defined]
    assert (rule.selectors, rule.conditional) == (".a", True)


def test_a_sheet_without_a_media_query_is_not_read_for_what_some_screens_hide() -> None:
    from unittest import mock

    sheets = (".a { display: none }", "@media print { .b { display: none } }", "@MEDIA (max-width: 600px) { .c { display: none } }")
    read: list[str] = []
    reading = screen_hiding._sheet_display_rules.__wrapped__  # type: ignore[attr-defined]
    with mock.patch.object(screen_hiding, "_sheet_display_rules", lambda sheet: read.append(sheet) or reading(sheet)):
        assert screen_hiding._hiding_rules(sheets) == (("(max-width: 600px)", ".c"),)
    assert read == list(sheets[1:])


# Selectors and whether each matches the byline `<p class="byline Credit" id="by">` in
# `<article class="story"><div>…`: the prefilter (`_may_match`) never turns one away that matches.
SUBJECT_SELECTORS = {
    ".byline": True,
    "p.byline": True,
    ".credit": True,  # quirks mode matches classes in any case: the prefilter lets it through
    "#by": True,
    "article .byline": True,
    "article > div > p": True,
    ".story p:not(.x)": True,
    ":is(.byline, .other)": True,
    "p[data-x='a, b']": False,
    ".x, .byline": True,
    "div.byline": False,
    ".byline.other": False,
    "article > .byline": False,
    "#other": False,
    "span": False,
    "*|p.byline": True,
    "p.by\\6c ine": True,
}


def test_the_subject_prefilter_never_turns_away_a_selector_that_matches() -> None:
    from lxml import html

    root = html.fromstring('<html><body><article class="story"><div><p class="byline Credit" id="by">By X</p></div></article></body></html>')
    (byline,) = root.iter("p")
    keys = screen_hiding._keys(byline)
    for selector, expected in SUBJECT_SELECTORS.items():
        matched = byline in screen_hiding._matched(root, selector)
        if selector not in (".credit", "*|p.byline", "p.by\\6c ine"):
            assert matched is expected, selector
        assert screen_hiding._may_match(selector, keys) or not matched, selector
    # What the last compound names and the element lacks turns it away.
    assert not screen_hiding._may_match("div.byline", keys) and not screen_hiding._may_match("span, #other", keys)
    assert screen_hiding._may_match("span, .byline", keys)


def test_a_selectors_class_and_id_names_take_the_characters_css_allows_in_a_name() -> None:
    # A name starts with a letter, "_" or any non-ASCII character, and goes on with those, digits
    # and "-" (CSS Syntax, "ident code point"); every code point is tried against the classes
    # written as the ASCII characters they are not.
    import re

    start = re.compile(screen_hiding._NAME_START)
    character = re.compile(screen_hiding._NAME_CHARACTER)
    for code in range(0x110000):
        letter = chr(code)
        name_start = (letter.isascii() and (letter.isalpha() or letter == "_")) or not letter.isascii()
        assert bool(start.fullmatch(letter)) == name_start, hex(code)
        assert bool(character.fullmatch(letter)) == (name_start or (letter.isdigit() and letter.isascii()) or letter == "-"), hex(code)
    assert [match.group(1) for match in screen_hiding._CLASS.finditer(".a-b_1.é9.-x.9no")] == ["a-b_1", "é9", "-x"]
    assert screen_hiding._ID.findall("#naïve#x:hover") == ["naïve", "x"]
