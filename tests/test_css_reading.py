"""The fast reading of `<style>` blocks (`parse_style_sheet`: a scanner for rules and
declarations, tinycss2 only for the values kept) agrees with tinycss2 reading the whole sheet
(`read_style_sheet`), on generated sheets built from the shapes real pages have: comments in
and between declarations, strings with braces and semicolons, `url(data:…;base64,…)`,
`!important`, escapes, nested and print/width `@media`, `@font-face`, `<![CDATA[` wrappers,
stray and unbalanced brackets, unterminated strings and blocks."""

from __future__ import annotations

import pytest
import tinycss2
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.document.css import (
    FlexFactors,
    StyleRule,
    display_keyword,
    flex_factors,
    parse_style_attribute,
    parse_style_sheet,
    read_declarations,
    read_style_sheet,
)


def _reading(rules: tuple[StyleRule, ...]) -> list[object]:
    """Rules as comparable values: selector tokens (tinycss2 re-serialises quotes and spacing),
    media condition, and each kept declaration's name, importance and value tokens."""
    return [
        (
            tinycss2.serialize(tinycss2.parse_component_value_list(rule.selectors)),
            rule.conditional,
            [(d.name, d.important, tinycss2.serialize(d.values)) for d in rule.declarations],
        )
        for rule in rules
    ]


def _fast(text: str) -> tuple[StyleRule, ...]:
    return parse_style_sheet.__wrapped__(text)  # type: ignore[attr-defined, no-any-return]


SELECTORS = st.sampled_from(
    [".byline", "#logo", "div.a > p", "a[href='x{y}']", 'img[alt="a;b"]', "li:nth-child(2n+1)", ".x/* c */.y", ".sm\\:hidden", "*", "<!-- .a", "[data-x", "p)"]
)
PROPERTIES = st.sampled_from(
    [
        "display",
        "DISPLAY",
        "visibility",
        "opacity",
        "font-size",
        "font",
        "width",
        "height",
        "left",
        "text-indent",
        "color",
        "background",
        "margin",
        "padding",
        "line-height",
        "--var",
        "*zoom",
        "\xa0display",
    ]
)
VALUES = st.sampled_from(
    [
        "none",
        "block",
        "hidden",
        "0",
        ".5",
        "-9999px",
        "1px",
        "#fff",
        "rgba(0,0,0,0)",
        "url(data:image/png;base64,AAAA)",
        "url('a;b')",
        "scale(0)",
        "0/0 a",
        "inherit",
        "calc(100% - (2px))",
        '"}"',
        "none/**/",
        "var(--x, none)",
        "1e-3",
        "\\6e one",
    ]
)
IMPORTANCE = st.sampled_from(["", " !important", "!IMPORTANT", " ! important", " !ie"])
SEPARATORS = st.sampled_from([";", "; ", ";\n", " /* ; } */ ;", ";;"])


@st.composite
def blocks(draw: st.DrawFn) -> str:
    declarations = draw(st.lists(st.tuples(PROPERTIES, st.sampled_from([":", " : ", ":/**/"]), VALUES, IMPORTANCE), max_size=5))
    separator = draw(SEPARATORS)
    return separator.join(f"{name}{colon}{value}{important}" for name, colon, value, important in declarations)


@st.composite
def rule_lists(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["rule", "rule", "rule", "media", "font-face", "import", "junk"] if depth < 2 else ["rule", "junk"]))
        if kind == "rule":
            selectors = ", ".join(draw(st.lists(SELECTORS, min_size=1, max_size=3)))
            parts.append(f"{selectors} {{{draw(blocks())}}}")
        elif kind == "media":
            query = draw(st.sampled_from(["screen", "print", "(min-width: 600px)", "all", "only screen and (max-width:1px)", "speech", "SCREEN"]))
            parts.append(f"@media {query} {{ {draw(rule_lists(depth + 1))} }}")
        elif kind == "font-face":
            parts.append("@font-face { font-family: x; src: url(a.woff) }")
        elif kind == "import":
            parts.append('@import url("a.css");')
        else:
            parts.append(draw(st.sampled_from(["/* } */", "<!--", "-->", "}", "{", "(", "]", "'", '"open', "\\", "@me\\64ia screen {", ";"])))
    return draw(st.sampled_from(["\n", " ", ""])).join(parts)


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(rule_lists(), st.booleans())
def test_the_fast_reading_of_a_style_sheet_is_tinycss2s(sheet: str, cdata: bool) -> None:
    text = f"<![CDATA[\n{sheet}\n]]>" if cdata else sheet
    assert _reading(_fast(text)) == _reading(read_style_sheet(text))


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(blocks(), st.sampled_from(["", "{", "}", "x{display:none}", "<!--", "'", "\\", "url(a;b)"]))
def test_the_reading_of_a_style_attribute_is_tinycss2s(block: str, junk: str) -> None:
    text = block + junk
    reading = [(d.name, d.important, tinycss2.serialize(d.values)) for d in parse_style_attribute.__wrapped__(text)]  # type: ignore[attr-defined]
    assert reading == [(d.name, d.important, tinycss2.serialize(d.values)) for d in read_declarations(text)]


@pytest.mark.parametrize(
    "sheet",
    [
        ".a{display:none/**/}",
        ".a{display:none;background:url(data:image/png;base64,AAAA)}",
        ".a{content:'}';display:none}",
        "@media print{.a{display:none}}.b{visibility:hidden}",
        "@media (min-width:600px){.a{display:none}.b{display:block}}",
        "<![CDATA[ .a{display:none} ]]>",
        "<!-- .a{display:none} -->",
        ".a{display:none",
        ".a[x='{']{opacity:0}",
        "@font-face{src:url(a;b)}.a{font-size:0}",
    ],
)
def test_shapes_real_pages_have_read_as_tinycss2_reads_them(sheet: str) -> None:
    assert _reading(_fast(sheet)) == _reading(read_style_sheet(sheet))


def test_a_rule_that_hides_is_read_with_its_selector_and_importance() -> None:
    (rule,) = parse_style_sheet("/* x */ .byline , #logo{ color:red; DISPLAY : none !important }")
    assert rule.selectors == ".byline , #logo"
    assert [(d.name, d.important, d.keyword) for d in rule.declarations] == [("color", False, "red"), ("display", True, "none")]


def test_selectors_are_given_as_written_so_an_nth_child_formula_reads() -> None:
    # tinycss2's serialisation writes `2n/**/+1`, which cssselect refuses.
    (rule,) = parse_style_sheet("li:nth-child(2n+1){display:none}")
    assert rule.selectors == "li:nth-child(2n+1)"


# --- CSS nested too deep to read --------------------------------------------------------------

_DEEP = 400  # far past MOST_NESTING, and deep enough to exhaust the readers' recursion


@pytest.mark.parametrize(
    ("text", "too_deep"),
    [
        ("opacity:" + "calc(" * _DEEP + "1" + ")" * _DEEP, True),
        (":is(" * _DEEP + ".x" + ")" * _DEEP + "{color:red}", True),
        (".a{" * _DEEP + "color:red" + "}" * _DEEP, True),
        ("[" * _DEEP + "]" * _DEEP, True),
        # Opened and closed in turn: many brackets, none deep.
        ("a{b:url(x)} " * 500, False),
        ("opacity:" + "calc(" * 64 + "1" + ")" * 64, False),
        ("opacity:" + "calc(" * 65 + "1" + ")" * 65, True),
    ],
)
def test_css_nesting_past_the_limit_is_too_deep_to_read(text: str, too_deep: bool) -> None:
    from compliance.document.css import nests_too_deep

    assert nests_too_deep(text) is too_deep


_LOGO = '<img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo" class="x"{style}>'
_LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge"
    " to any legitimate news publisher that can provide a large audience. For licensing opportunities of our original content, please contact"
    " licensing@dailycallernewsfoundation.org.</p>"
)


def _deep_page(css: str = "", style: str = "", media: str = "") -> bytes:
    head = f"<style{media}>{css}</style>" if css else ""
    logo = _LOGO.format(style=f' style="{style}"' if style else "")
    return (
        f"<html><head>{head}</head><body><article><h1>Pipeline rule shelved</h1>{logo}"
        f'<p class="byline">By Maria Lopez, Daily Caller News Foundation</p><p>The rule was shelved.</p>{_LICENSE}</article></body></html>'
    ).encode()


@pytest.mark.parametrize(
    "page",
    [
        _deep_page(css=".x{opacity:" + "calc(" * _DEEP + "0" + ")" * _DEEP + "}"),
        _deep_page(css=":is(" * _DEEP + ".x" + ")" * _DEEP + "{display:none}"),
        _deep_page(css=".x{" * _DEEP + "&{opacity:0}" + "}" * _DEEP),
        _deep_page(css="@media screen{" * _DEEP + ".x{opacity:0}" + "}" * _DEEP),
        _deep_page(css=".x{opacity:" + "var(--a," * _DEEP + "0" + ")" * _DEEP + "}"),
        _deep_page(css="@media " + "(" * _DEEP + "min-width:1px" + ")" * _DEEP + "{.x{opacity:0}}"),
        _deep_page(style="opacity:" + "calc(" * _DEEP + "0" + ")" * _DEEP),
        _deep_page(css=".x{display:none}", media=' media="' + "(" * _DEEP + "min-width:1px" + ")" * _DEEP + '"'),
    ],
)
def test_css_nested_too_deep_is_not_read_and_the_article_is_checked(page: bytes) -> None:
    # Not a crash that leaves the article unchecked: the deep CSS is not applied (the logo is
    # seen), and the rest of the page is judged as usual.
    from compliance.engine import check_bytes
    from compliance.loading import load_packs

    packs = [pack for pack in load_packs() if pack.id == "dcnf"]
    report = check_bytes(page, "html", packs, path="deep.html", auto_detect=False)
    assert report.checked
    assert [finding.rule for finding in report.findings] == []
    assert {passed.rule for passed in report.passed} >= {"dcnf/logo", "dcnf/byline", "dcnf/affiliation"}


def test_a_deep_block_leaves_the_other_blocks_of_the_page_applied() -> None:
    from compliance.engine import check_bytes
    from compliance.loading import load_packs

    packs = [pack for pack in load_packs() if pack.id == "dcnf"]
    deep = ".y{opacity:" + "calc(" * _DEEP + "1" + ")" * _DEEP + "}"
    page = _deep_page(css=deep).replace(b"</head>", b"<style>.x{display:none}</style></head>")
    report = check_bytes(page, "html", packs, path="deep.html", auto_detect=False)
    assert [finding.rule for finding in report.findings] == ["dcnf/logo"]


# --- how a flex item is sized: `flex`, `flex-grow` and `flex-basis` -------------------------------

FLEX_READINGS = {
    "": FlexFactors(0.0, None),
    "flex: none": FlexFactors(0.0, None),
    "flex: initial": FlexFactors(0.0, None),
    "flex: auto": FlexFactors(1.0, None),
    "flex: 1": FlexFactors(1.0, (0.0, "%")),
    "flex: 0": FlexFactors(0.0, (0.0, "%")),
    "flex: 2 3": FlexFactors(2.0, (0.0, "%")),
    "flex: 10px": FlexFactors(1.0, (10.0, "px")),
    "flex: 0 0 1px": FlexFactors(0.0, (1.0, "px")),
    "flex: 0 0 0": FlexFactors(0.0, (0.0, "px")),
    "flex: 25% 0 1": FlexFactors(0.0, (25.0, "%")),
    "FLEX: 0 /* none */ 0 content": FlexFactors(0.0, "content"),
    "-webkit-flex: 0 0 2px": FlexFactors(0.0, (2.0, "px")),
    "flex-grow: 0; flex-basis: auto": FlexFactors(0.0, None),
    "flex-grow: 1": FlexFactors(1.0, None),
    "flex-basis: 50%": FlexFactors(0.0, (50.0, "%")),
    "-webkit-flex-basis: 1px": FlexFactors(0.0, (1.0, "px")),
    "flex: 0 1 auto; flex-grow: 0": FlexFactors(0.0, None),
    # A negative factor or basis is refused, as browsers refuse it: the initial value stays.
    "flex: -1": FlexFactors(0.0, None),
    "flex-grow: -2": FlexFactors(0.0, None),
}
# Not known here: the reading stops (the item may grow).
FLEX_NOT_READ = [
    "flex: 1 10px 1",  # the factors must stand side by side
    "flex: 1 1 0 0",
    "flex: var(--grow)",
    "flex: inherit",
    "flex-grow: var(--grow)",
    "flex-basis: calc(100% - 2px)",
    "flex: none; flex-grow: 1",  # which comes last in the cascade is not known here
    "flex: 0 0 1px; flex-basis: 2px",
]


def _flex(text: str) -> FlexFactors | None:
    return flex_factors({d.name: d for d in parse_style_attribute(text)})


@pytest.mark.parametrize("text", sorted(FLEX_READINGS))
def test_a_flex_items_growth_and_basis_are_read_as_the_shorthand_expands(text: str) -> None:
    assert _flex(text) == FLEX_READINGS[text]


@pytest.mark.parametrize("text", FLEX_NOT_READ)
def test_a_flex_value_not_worked_out_here_is_not_read(text: str) -> None:
    assert _flex(text) is None


def test_a_fact_about_a_declaration_is_worked_out_once_per_declaration_object() -> None:
    from compliance.document import css

    calls: list[str] = []

    @css.per_declaration
    def hides(declaration: css.Declaration) -> bool:
        calls.append(declaration.name)
        return declaration.name == "display"

    (rule,) = parse_style_sheet(".a{display:none;color:#123456}")
    (again,) = parse_style_sheet(".b{display:none;color:#123456}")
    # The parser shares one object per declaration text: the second rule's are the first's.
    assert again.declarations[0] is rule.declarations[0]
    assert [hides(d) for d in rule.declarations + again.declarations] == [True, False, True, False]
    assert calls == ["display", "color"]
    # An equal declaration that is another object is worked out again (none is hashable).
    copy = css.Declaration(*rule.declarations[0])
    assert hides(copy) is True and calls == ["display", "color", "display"]


def test_the_facts_remembered_per_declaration_go_with_the_declaration() -> None:
    import gc
    import pickle
    import weakref

    from compliance.document import css

    class Fact:
        pass

    @css.per_declaration
    def fact(declaration: css.Declaration) -> Fact:
        return Fact()

    declaration = css.Declaration("width", (object(),), False)
    worked_out = fact(declaration)
    assert fact(declaration) is worked_out
    # Pickled (a pack cache, a worker's result), a declaration is its three fields only.
    assert pickle.loads(pickle.dumps(css.Declaration("width", (), False))).__dict__ == {}
    # Nothing but the declaration holds the fact: a batch's memory does not grow with the
    # declarations it has seen.
    gone = weakref.ref(worked_out)
    del declaration, worked_out
    gc.collect()
    assert gone() is None


# --- `display` values of several keywords (CSS Display 3) -----------------------------------------

# Each value, as Chromium serialises it once parsed (tests/test_browser.py asks Chromium): the one
# keyword it is short for where there is one, in any order of its keywords.
DISPLAY_READINGS = {
    "block flow": "block",
    "flow": "block",
    "Flow Block": "block",
    "block flow-root": "flow-root",
    "flex block": "flex",
    "block grid": "grid",
    "block table": "table",
    "block ruby": "block ruby",
    "ruby block": "block ruby",
    "inline ruby": "ruby",
    "inline flow": "inline",
    "inline flow-root": "inline-block",
    "flow-root inline": "inline-block",
    "inline flex": "inline-flex",
    "grid inline": "inline-grid",
    "inline table": "inline-table",
    "list-item block": "list-item",
    "block flow list-item": "list-item",
    "list-item flow-root": "flow-root list-item",
    "inline list-item": "inline list-item",
    "inline flow-root list-item": "inline flow-root list-item",
    "block math": "block math",
    "inline math": "math",
}
# Keywords that make no display together: a browser drops the declaration.
DISPLAYS_REFUSED = [
    "block inline",
    "flex grid",
    "list-item flex",
    "list-item table",
    "run-in flow",
    "inline table-cell",
    "block contents",
    "block block",
    "block flow list-item x",
    # One keyword that Chromium does not take, though a spec or another browser does.
    "run-in",
    "inline-list-item",
    "ruby-base",
    "ruby-base-container",
    "ruby-text-container",
    "-moz-box",
    "-moz-inline-box",
    "-webkit-grid",
    "-webkit-inline-block",
    "-ms-flexbox",
]
# Every display of one keyword that Chromium takes (the four vendor ones of the old flexbox too).
DISPLAY_KEYWORDS_TAKEN = [
    *("block", "inline", "flow", "flow-root", "table", "flex", "grid", "ruby", "math", "list-item", "contents", "none"),
    *("table-row-group", "table-header-group", "table-footer-group", "table-row", "table-cell", "table-column-group"),
    *("table-column", "table-caption", "ruby-text", "inline-block", "inline-table", "inline-flex", "inline-grid"),
    *("-webkit-box", "-webkit-inline-box", "-webkit-flex", "-webkit-inline-flex"),
]


@pytest.mark.parametrize("value", sorted(DISPLAY_READINGS))
def test_a_display_of_several_keywords_is_read_as_its_short_form(value: str) -> None:
    (declaration,) = parse_style_attribute(f"display: {value}")
    assert display_keyword(declaration) == DISPLAY_READINGS[value]


@pytest.mark.parametrize("value", DISPLAY_KEYWORDS_TAKEN)
def test_a_display_of_one_keyword_is_taken_and_read_as_written_or_as_its_short_form(value: str) -> None:
    (declaration,) = parse_style_attribute(f"display: {value.upper()}")
    assert display_keyword(declaration) == DISPLAY_READINGS.get(value, value)  # `flow` is `block`


@pytest.mark.parametrize("value", DISPLAYS_REFUSED)
def test_display_keywords_that_make_no_display_together_are_refused(value: str) -> None:
    assert parse_style_attribute(f"display: {value}") == ()


# --- math functions (CSS Values 4): what each computes to, as Chromium computes it ----------------

# A declaration → the value Chromium computes for it (getComputedStyle; tests/test_browser.py
# checks): the checker reads the same number, length or angle (NaN is 0, an infinite length the
# largest layout unit; each opacity here is in 0–1, where Chromium does not clamp it).
MATH_READINGS = {
    "opacity: sin(0)": "0",
    "opacity: exp(-10)": "4.53999e-05",
    "opacity: round(0.004,1)": "0",
    "opacity: round(0.6,1)": "1",
    "opacity: round(0.5)": "1",
    "opacity: round(up,0.01,1)": "1",
    "opacity: round(to-zero,0.99,1)": "0",
    "opacity: round(0.5, 0)": "0",
    "opacity: sqrt(-1)": "0",
    "opacity: calc(0 / 0)": "0",
    "opacity: pow(2,-3)": "0.125",
    "opacity: hypot(0.3,0.4)": "0.5",
    "opacity: abs(-0.3)": "0.3",
    "opacity: calc(e - 2)": "0.718282",
    "opacity: sqrt(0.04)": "0.2",
    "opacity: calc(sin(30deg))": "0.5",
    "opacity: calc(log(8,2) / 4)": "0.75",
    "opacity: calc(mod(-7,4) / 2)": "0.5",
    "opacity: calc(rem(-7,4) + 3.5)": "0.5",
    "opacity: calc(sign(-2px) + 1)": "0",
    "opacity: tan(atan(0.5))": "0.5",
    "opacity: calc(cos(pi) + 1.25)": "0.25",
    "opacity: calc(cos(0.5turn) + 1.25)": "0.25",
    "margin-left: round(down, 0.9px, 1px)": "0px",
    "margin-left: calc(-infinity * 1px)": "-3.35544e+07px",
    "margin-left: mod(-7px, 4px)": "1px",
    "margin-left: rem(-7px, 4px)": "-3px",
    "margin-left: hypot(3px, 4px)": "5px",
    "margin-left: calc(1px * pow(2, 3))": "8px",
    "margin-left: calc(sign(-2px) * 10px)": "-10px",
    "margin-left: abs(-2em)": "32px",
    "margin-left: round(up, 10.5px, 5px)": "15px",
    "rotate: calc(atan(1))": "45deg",
    "rotate: asin(1)": "90deg",
    "rotate: atan2(1px, 1px)": "45deg",
    "rotate: calc(90deg + pi * 1rad)": "270deg",
    "font-size: round(down, 0.9px, 1px)": "0px",
}


@pytest.mark.parametrize("declaration", sorted(MATH_READINGS))
def test_a_math_function_is_worked_out_as_chromium_computes_it(declaration: str) -> None:
    import re

    (read,) = parse_style_attribute(declaration)
    (token,) = read.values
    number, unit = re.fullmatch(r"(-?[\d.e+-]+)([a-z]*)", MATH_READINGS[declaration]).groups()  # type: ignore[union-attr]
    assert getattr(token, "unit", "") == unit
    assert token.value == pytest.approx(float(number), rel=1e-5, abs=1e-6)


def test_a_math_function_the_checker_cannot_work_out_is_kept_as_written() -> None:
    # A length over an angle, a percentage with a length: what they are is known at layout only.
    for declaration in ("margin-left: calc(10px * atan(1) / 1deg)", "margin-left: mod(10%, 3px)", "margin-left: round(2.5px)"):
        (read,) = parse_style_attribute(declaration)
        assert read.values[0].type == "function", declaration


# --- colours tinycss2 does not read: system colours, light-dark(), relative colours -------------

# A colour → the colour Chromium computes for it (getComputedStyle, in its light scheme, which a
# page without `color-scheme` is in; tests/test_browser.py checks): the checker reads the same.
COLOUR_READINGS = {
    **{name: "rgb(255, 255, 255)" for name in ("Canvas", "Field", "HighlightText", "Window", "Menu", "InfoBackground")},
    **{name: "rgb(0, 0, 0)" for name in ("CanvasText", "FieldText", "ButtonText", "WindowText", "ThreeDHighlight")},
    "ButtonFace": "rgb(239, 239, 239)",
    "GrayText": "rgb(128, 128, 128)",
    "LinkText": "rgb(0, 0, 238)",
    "VisitedText": "rgb(85, 26, 139)",
    "Highlight": "rgba(0, 65, 198, 0.8)",
    "Mark": "rgb(255, 255, 0)",
    "AccentColor": "rgb(0, 117, 255)",
    "-webkit-link": "rgb(0, 0, 238)",
    "light-dark(#fff,#fff)": "rgb(255, 255, 255)",
    "light-dark(white, #fff)": "rgb(255, 255, 255)",
    "rgb(from white r g b)": "color(srgb 1 1 1)",
    "rgb(from white r g b / 0.5)": "color(srgb 1 1 1 / 0.5)",
    "rgba(from red r g b / 50%)": "color(srgb 1 0 0 / 0.5)",
    "rgb(from white 0 0 0)": "color(srgb 0 0 0)",
    "rgb(from white 50% g b)": "color(srgb 0.5 1 1)",
    "rgb(from red calc(r - 255) g b / alpha)": "color(srgb 0 0 0)",
    "rgb(from white r g b / calc(alpha - 1))": "color(srgb 1 1 1 / 0)",
    "rgb(from #0000 r g b)": "color(srgb 0 0 0 / 0)",
    "rgb(from Canvas r g b)": "color(srgb 1 1 1)",
    "rgb(from light-dark(#fff,#fff) r g b)": "color(srgb 1 1 1)",
    "hsl(from white h s l)": "color(srgb 1 1 1)",
    "hsl(from #333 h s calc(l + 80))": "color(srgb 1 1 1)",
    "hsl(from red calc(h + 120) s l)": "color(srgb 0 1 0)",
    "hsl(from red 120deg s l)": "color(srgb 0 1 0)",
    "hsl(from rgb(10 200 30) h s l)": "color(srgb 0.0392157 0.784314 0.117647)",
    "hwb(from white h w b)": "color(srgb 1 1 1)",
    "hwb(from red h w b)": "color(srgb 1 0 0)",
    "hwb(from red h 20% 30%)": "color(srgb 0.7 0.2 0.2)",
    "rgb(0 0 0 / none)": "rgba(0, 0, 0, 0)",
    "hsl(0 0% 100% / NONE)": "rgba(255, 255, 255, 0)",
    "color-mix(in srgb, red 30%, blue)": "color(srgb 0.3 0 0.7)",
    "color-mix(in srgb, red 20%, blue 20%)": "color(srgb 0.5 0 0.5 / 0.4)",
    "color-mix(in srgb, rgb(255 0 0 / .5), blue)": "color(srgb 0.333333 0 0.666667 / 0.75)",
    "color-mix(in srgb, white 50%, #fefefe)": "color(srgb 0.998039 0.998039 0.998039)",
    "color(from black srgb 1 1 1)": "color(srgb 1 1 1)",
    "color(from white srgb r g b / 0)": "color(srgb 1 1 1 / 0)",
    "color(from red srgb calc(r - 1) g b)": "color(srgb 0 0 0)",
    "color(from #fff srgb 100% 100% 100%)": "color(srgb 1 1 1)",
    "color(from rgb(0 0 0 / .5) srgb 1 1 1)": "color(srgb 1 1 1 / 0.5)",
    "color(from black srgb 1 1 1 / alpha)": "color(srgb 1 1 1)",
    "rgb(from black 255 255 255)": "color(srgb 1 1 1)",
    "rgb(from black calc(r + 255) calc(g + 255) calc(b + 255))": "color(srgb 1 1 1)",
    "rgb(from black r g b / 0)": "color(srgb 0 0 0 / 0)",
    # Percentages summing to 0%: half and half, transparent.
    "color-mix(in srgb, black 0%, white 0%)": "color(srgb 0.5 0.5 0.5 / 0)",
    "color-mix(in srgb, black 10%, white 10%)": "color(srgb 0.5 0.5 0.5 / 0.2)",
}
# Colours of the other spaces of CSS Color 4 and mixes in them, as Chromium paints them: each
# mixed with nothing in sRGB (`SPACE_READING`), which Chromium serialises as `color(srgb …)`
# (tests/test_browser.py measures them again). Chromium's constants for Lab's white point and
# Oklab differ from CSS Color 4's sample code in the fourth decimal: compared to 1e-3, and clipped
# to the sRGB gamut, as painted.
SPACE_READING = "color-mix(in srgb, {} 100%, black 0%)"
SPACE_READINGS = {
    "oklch(100% 0 0)": "color(srgb 0.999871 1.00005 1.00007)",
    "oklch(0.985 0.002 247.839)": "color(srgb 0.976267 0.981044 0.985659)",
    "oklch(0.97 0 0)": "color(srgb 0.960462 0.960638 0.960654)",
    "oklch(62.8% 0.2577 29.23)": "color(srgb 1.00005 0.000209593 0.000442659)",
    "oklab(0.5 0.1 -0.1)": "color(srgb 0.504972 0.272504 0.602169)",
    "lab(100 0 0)": "color(srgb 0.999867 1.00006 1)",
    "lab(50 20 -30)": "color(srgb 0.521089 0.423698 0.66851)",
    "lch(90 10 120)": "color(srgb 0.870234 0.898104 0.821778)",
    "lab(97 0 0 / 0.5)": "color(srgb 0.965876 0.966063 0.966007 / 0.5)",
    "color(display-p3 0.9 0.95 1)": "color(srgb 0.888109 0.952077 1.00568)",
    "color(a98-rgb 0.5 0.6 0.7)": "color(srgb 0.455089 0.605564 0.709594)",
    "color(rec2020 0.5 0.5 0.5)": "color(srgb 0.54651 0.546614 0.546624)",
    "color(prophoto-rgb 0.8 0.8 0.8)": "color(srgb 0.837312 0.837466 0.837481)",
    "color(xyz 0.9 0.95 1)": "color(srgb 0.981066 0.978379 0.960927)",
    "color(xyz-d50 0.5 0.5 0.4)": "color(srgb 0.77487 0.723461 0.724486)",
    "color(srgb-linear 0.9 0.9 0.9)": "color(srgb 0.95475 0.95475 0.95475)",
    "color-mix(in srgb-linear, red, blue)": "color(srgb 0.735394 -8.85531e-8 0.735394)",
    "color-mix(in xyz, white 50%, black)": "color(srgb 0.735357 0.735357 0.735357)",
    "color-mix(in xyz-d50, #fff 30%, #eee)": "color(srgb 0.953983 0.953983 0.953983)",
    "color-mix(in oklab, white 50%, transparent)": "color(srgb 1 1 1 / 0.5)",
    "color-mix(in oklch, oklch(0.985 0.002 247.839) 40%, transparent)": "color(srgb 0.976267 0.981044 0.985659 / 0.4)",
    "color-mix(in lab, #fafafa, transparent 70%)": "color(srgb 0.980392 0.980392 0.980392 / 0.3)",
    # Lightness clamped to its range, chroma to 0 and up.
    "lab(1e308 0 0)": "color(srgb 0.999867 1.00006 1)",
    "oklch(200% 0 0)": "color(srgb 0.999871 1.00005 1.00007)",
    "lch(50 -30 40)": "color(srgb 0.466261 0.466356 0.466327)",
    "lab(-5 0 0)": "color(srgb 0 0 0)",
    # Relative colours of `color()`: the origin converted into the space, its channels by name.
    "color(from black display-p3 1 1 1)": "color(srgb 0.999871 1.00005 1.00007)",
    "color(from white xyz x y z)": "color(srgb 1 1 1)",
    "color(from #808080 display-p3 r g b)": "color(srgb 0.501961 0.501961 0.501961)",
    "color(from #808080 rec2020 r g b)": "color(srgb 0.501961 0.501961 0.501961)",
    "color(from #808080 prophoto-rgb r g b)": "color(srgb 0.501961 0.501961 0.501961)",
    "color(from #808080 a98-rgb r g b)": "color(srgb 0.501961 0.501961 0.501961)",
    "color(from #808080 xyz-d50 x y z)": "color(srgb 0.501961 0.501961 0.501961)",
    "color(from black xyz-d50 0.9642 1 0.8249)": "color(srgb 0.99991 1.00006 0.999878)",
    "color(from #336699 display-p3 calc(r + 0.5) g b)": "color(srgb 0.804008 0.370378 0.592004)",
    # Relative colours of Lab, LCH, Oklab and OkLCh: the origin's channels there by name.
    "lab(from white l a b)": "color(srgb 1 1 1)",
    "lab(from #000 100 a b)": "color(srgb 0.999867 1.00006 1)",
    "oklch(from black calc(l + 1) c h)": "color(srgb 0.999871 1.00005 1.00007)",
    "lch(from #336699 l c h)": "color(srgb 0.2 0.4 0.6)",
    "oklab(from #336699 l a b)": "color(srgb 0.2 0.4 0.6)",
    "oklch(from #336699 l c calc(h + 180))": "color(srgb 0.52589 0.344379 0.0836026)",
    "lab(from #336699 calc(l + 20) a b / 0.5)": "color(srgb 0.41876 0.599315 0.814361 / 0.5)",
    "lch(from red l 50% h)": "color(srgb 0.878886 0.306049 0.187298)",
    "oklab(from red 50% a b)": "color(srgb 0.810653 -0.220669 -0.14562)",
    "oklch(from white 0.5 c h / alpha)": "color(srgb 0.388634 0.388557 0.38855)",
    "lab(from white 50% -50% b)": "color(srgb -0.362402 0.561507 0.458336)",
    # `color-mix()` without a space mixes in Oklab; in Lab and Oklab two colours mix.
    "color-mix(white, white)": "color(srgb 1 1 1)",
    "color-mix(white, black)": "color(srgb 0.388573 0.388573 0.388573)",
    "color-mix(red 30%, blue)": "color(srgb 0.364637 0.295789 0.785599)",
    "color-mix(in lab, #fff 40%, #eee)": "color(srgb 0.959896 0.959895 0.959895)",
    "color-mix(in oklab, #336699, #fefefe 25%)": "color(srgb 0.396063 0.544293 0.700959)",
    "color-mix(in lab, red, blue)": "color(srgb 0.756823 -0.11573 0.533962)",
    "color-mix(#fff, transparent)": "color(srgb 1 1 1 / 0.5)",
    "color-mix(in oklab, #fff, #000)": "color(srgb 0.388573 0.388573 0.388573)",
}
# Colours the checker does not read: which arm of a `light-dark()` a reader sees depends on the
# scheme the page asks for and the reader prefers; `currentcolor` is the element's own colour.
COLOURS_NOT_READ = [
    "light-dark(#fff,#000)",
    "rgb(from currentcolor r g b)",
    "rgb(from white r g)",
    "color(from currentcolor srgb 1 1 1)",
    "color(from black srgb 1 1)",
    "color(from black lab 1 1 1)",
    # Two colours mixed in a perceptual space, which the checker does not work out.
    "color-mix(in oklch, white, black)",
    "color-mix(in lch, #fff 40%, #eee)",
    # Numbers too large to convert.
    "lab(50 1e308 1e308)",
    "lch(50 1e300 1e300)",
    "color(a98-rgb 1e200 0 0)",
    "color(prophoto-rgb -1e300 1 1)",
]


def channels_of(computed: str) -> tuple[float, float, float, float]:
    """A colour as Chromium serialises a computed one (`rgb(…)`, `rgba(…)`, `color(srgb …)`), in 0–1."""
    import re

    numbers = [float(n) for n in re.findall(r"-?[\d.]+(?:e-?\d+)?", computed)]
    if computed.startswith("color("):
        return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0)
    return (numbers[0] / 255, numbers[1] / 255, numbers[2] / 255, numbers[3] if len(numbers) > 3 else 1.0)


@pytest.mark.parametrize("value", sorted(COLOUR_READINGS))
def test_a_colour_tinycss2_does_not_read_is_read_as_chromium_paints_it(value: str) -> None:
    from compliance.document.css import colour

    read = colour(tinycss2.parse_one_component_value(value))
    assert read == pytest.approx(channels_of(COLOUR_READINGS[value]), abs=1e-5)


@pytest.mark.parametrize("value", sorted(SPACE_READINGS))
def test_a_colour_of_another_space_is_read_as_chromium_paints_it(value: str) -> None:
    from compliance.document.css import colour

    read = colour(tinycss2.parse_one_component_value(value))
    painted = tuple(min(max(channel, 0.0), 1.0) for channel in channels_of(SPACE_READINGS[value]))
    assert read == pytest.approx(painted, abs=1e-3)


@pytest.mark.parametrize("value", COLOURS_NOT_READ)
def test_a_colour_the_checker_cannot_be_sure_of_is_not_read(value: str) -> None:
    from compliance.document.css import colour

    assert colour(tinycss2.parse_one_component_value(value)) is None


def _declared(declarations: tuple[object, ...]) -> list[tuple[str, bool, str]]:
    return [(d.name, d.important, tinycss2.serialize(d.values)) for d in declarations]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "block",
    [
        "color:(]; display:none; x:[)",
        "color:[); display:none; x:(]",
        "a:(b[c)d]; display:none",
        "x:(a]b); display:none",
        "x:[a)b]; visibility:hidden",
        "opacity:calc(0 ]); opacity:0",
    ],
)
def test_a_bracket_closed_by_another_kinds_closer_runs_on_as_css_reads_it(block: str) -> None:
    # Inside `(…)` a `]` is a token of the group, not its end: the semicolons after it are the group's.
    assert _declared(parse_style_attribute.__wrapped__(block)) == _declared(read_declarations(block))  # type: ignore[attr-defined]
    assert _reading(_fast(f"p{{{block}}}")) == _reading(read_style_sheet(f"p{{{block}}}"))


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.lists(st.sampled_from(["color:", "(", ")", "[", "]", ";", " display:none", "opacity:0", "x:y", "rgb(0 0 0)", " "]), max_size=14))
def test_blocks_of_mixed_brackets_are_read_as_tinycss2_reads_them(pieces: list[str]) -> None:
    block = "".join(pieces)
    assert _declared(parse_style_attribute.__wrapped__(block)) == _declared(read_declarations(block))  # type: ignore[attr-defined]
    assert _reading(_fast(f"p{{{block}}}")) == _reading(read_style_sheet(f"p{{{block}}}"))
