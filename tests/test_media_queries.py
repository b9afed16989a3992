"""Media query lists whose queries together hold on every screen, or on most readers' screens
(compliance.document.media_queries)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.document.media_queries import ALWAYS, FEW, MOST, NEVER, SOMETIMES, screens_meeting
from compliance.findings import Severity
from tests.conftest import ROOT
from tests.test_visibility import BYLINE, LOGO, check, errors, page


@pytest.mark.parametrize(
    "query",
    [
        "(prefers-color-scheme: light), (prefers-color-scheme: dark)",
        "screen and (orientation: portrait), only screen and (orientation: landscape)",
        "(pointer), (pointer: none)",
        "(hover: none), (HOVER: hover), print",
        "(prefers-reduced-motion: reduce), (prefers-reduced-motion: no-preference)",
        "screen, print",
    ],
)
def test_a_list_covering_every_screen_holds_always(query: str) -> None:
    assert screens_meeting(query) == ALWAYS


@pytest.mark.parametrize(
    ("query", "met"),
    [
        ("(prefers-color-scheme: dark)", FEW),
        ("(prefers-color-scheme: dark), (orientation: portrait)", SOMETIMES),
        ("(pointer: fine), (pointer: coarse)", SOMETIMES),
        ("print and (orientation: portrait), print and (orientation: landscape)", NEVER),
        ("(orientation: portrait) and (min-width: 900px), (orientation: landscape)", SOMETIMES),
        ("(max-width: 600px), (min-width: 1200px)", SOMETIMES),
    ],
)
def test_a_list_covering_only_some_screens_does_not(query: str, met: int) -> None:
    assert screens_meeting(query) == met


def test_a_rule_for_every_colour_scheme_hides() -> None:
    css = "@media (prefers-color-scheme: light), (prefers-color-scheme: dark){.x{display:none}}"
    assert "dcnf/logo" in errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"'))))
    wide = "@media (orientation: landscape), (min-width: 2000px){.x{display:none}}"
    assert errors(check(page(css=wide, logo=LOGO.format(attrs=' class="x"')))) == []


# What the browsers of most readers report unless a setting or a rare device changes it: a colour
# screen, scripts on, the light scheme, no preference for less motion, transparency or contrast.
@pytest.mark.parametrize(
    ("query", "met"),
    [
        ("(color)", MOST),
        ("(COLOR)", MOST),
        ("screen and (color)", MOST),
        ("(min-color: 1)", MOST),
        ("(monochrome: 0)", MOST),
        ("(max-monochrome: 0)", MOST),
        ("not all and (monochrome)", MOST),
        ("not (monochrome)", MOST),
        ("(scripting: enabled)", MOST),
        ("(scripting)", MOST),
        ("(prefers-color-scheme: light)", MOST),
        ("(prefers-reduced-motion: no-preference)", MOST),
        ("not (prefers-reduced-motion)", MOST),
        ("(prefers-contrast: no-preference)", MOST),
        ("(forced-colors: none)", MOST),
        ("only screen and (prefers-color-scheme: light) and (color)", MOST),
        # The opposites hold for a few readers; what phones and computers split, for some.
        ("(monochrome)", FEW),
        ("all and (monochrome)", FEW),
        ("(min-monochrome: 1)", FEW),
        ("(color: 0)", FEW),
        ("(scripting: none)", FEW),
        ("(prefers-reduced-motion: reduce)", FEW),
        ("(prefers-reduced-motion)", FEW),
        ("not (prefers-color-scheme: light)", FEW),
        ("(forced-colors: active)", FEW),
        ("(min-color: 8)", SOMETIMES),
        ("(hover: hover)", SOMETIMES),
        ("(hover)", SOMETIMES),
        ("(pointer: fine)", SOMETIMES),
        ("(any-hover: hover)", SOMETIMES),
        ("(prefers-color-scheme: light) and (max-width: 767px)", SOMETIMES),
        # A value the feature does not take: unknown, so false (Media Queries 4, 3.2).
        ("(prefers-color-scheme: 1)", NEVER),
        ("print and (color)", NEVER),
    ],
)
def test_a_query_of_what_most_readers_have_holds_for_most(query: str, met: int) -> None:
    assert screens_meeting(query) == met


# A rule in a query most readers' screens meet hides for them (a logo hidden there is hidden from
# most readers); one in a query that only a few or some meet can show, never hide. Each row is
# checked against Chromium (tests/test_browser.py), as a reader with the defaults sees the page.
MEDIA_HIDING = {
    "@media (color){.x{display:none}}": True,
    "@media screen and (color){.x{visibility:hidden}}": True,
    "@media (min-color: 1){.x{display:none}}": True,
    "@media not all and (monochrome){.x{display:none}}": True,
    "@media (monochrome: 0){.x{opacity:0}}": True,
    "@media (scripting: enabled){.x{display:none}}": True,
    "@media (scripting){.x{display:none}}": True,
    "@media (prefers-color-scheme: light){.x{display:none}}": True,
    "@media (prefers-reduced-motion: no-preference){.x{display:none}}": True,
    "@media not (prefers-reduced-motion: reduce){.x{display:none}}": True,
    "@media (prefers-contrast: no-preference){.x{display:none}}": True,
    "@media (forced-colors: none){.x{display:none}}": True,
    # Near-misses: other readers only, or none.
    "@media (monochrome){.x{display:none}}": False,
    "@media print{.x{display:none}}": False,
    "@media print and (color){.x{display:none}}": False,
    "@media (min-width: 10000px){.x{display:none}}": False,
    "@media (prefers-color-scheme: dark){.x{display:none}}": False,
    "@media (prefers-reduced-motion: reduce){.x{display:none}}": False,
    "@media (scripting: none){.x{display:none}}": False,
    "@media (forced-colors: active){.x{display:none}}": False,
    "@media (color: 0){.x{display:none}}": False,
    "@container (min-width: 0px){.x{display:none}}": False,
    # Shown again for most readers: the hiding rule before it does not count.
    ".x{display:none} @media (color){.x{display:block}}": False,
    ".x{display:none} @media (prefers-color-scheme: light){.x{display:inline}}": False,
    # A feature no browser knows, or a value a known one does not take, is unknown (Media Queries
    # 4, 3.2): false alone, under `not` and in an `and`; an `or` (or a list) holds by its other part.
    "@media (frobnicate){.x{display:none}}": False,
    "@media not (frobnicate){.x{display:none}}": False,
    "@media (frobnicate) and (min-width: 0){.x{display:none}}": False,
    "@media not ((frobnicate) or (min-width: 0)){.x{display:none}}": False,
    "@media not ((frobnicate) and (min-width: 0)){.x{display:none}}": False,
    "@media not screen and (frobnicate){.x{display:none}}": False,
    "@media (pointer: frob){.x{display:none}}": False,
    "@media not (pointer: frob){.x{display:none}}": False,
    "@media not (min-hover: hover){.x{display:none}}": False,
    "@media not (orientation > portrait){.x{display:none}}": False,
    "@media not (min-width: 10%){.x{display:none}}": False,
    "@media not (width: 10){.x{display:none}}": False,
    "@media not (grid: 2){.x{display:none}}": False,
    "@media not foo(bar){.x{display:none}}": False,
    "@media not (foo bar){.x{display:none}}": False,
    "@media (frobnicate) or (min-width: 0){.x{display:none}}": True,
    "@media (frobnicate), (color){.x{display:none}}": True,
    "@media not (frobnicate) or (scripting){.x{display:none}}": False,
    # Calculations of lengths are worked out (`em` of the initial 16px font).
    "@media (min-width: calc(1px)){.x{display:none}}": True,
    "@media (min-width: calc(2em + 10px)){.x{display:none}}": True,
    "@media (width >= min(1px, 5000px)){.x{display:none}}": True,
    "@media (max-width: clamp(1px, 100000px, 200000px)){.x{display:none}}": True,
    "@media (min-width: calc(10px + 5%)){.x{display:none}}": False,
    "@media not (min-width: calc(10px + 5%)){.x{display:none}}": False,
    "@media not (width: calc(1)){.x{display:none}}": False,
    # Some pointing device, as every phone, tablet and computer has: most readers.
    "@media (any-pointer){.x{display:none}}": True,
    "@media (pointer){.x{display:none}}": True,
    "@media not all and (any-pointer: none){.x{display:none}}": True,
    "@media (pointer: none){.x{display:none}}": False,
    "@media (any-pointer: none){.x{display:none}}": False,
    "@media not (pointer){.x{display:none}}": False,
}


@pytest.mark.parametrize(("css", "hidden"), MEDIA_HIDING.items())
def test_a_rule_for_most_readers_screens_hides_the_logo(css: str, hidden: bool) -> None:
    assert ("dcnf/logo" in errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"'))))) is hidden


@pytest.mark.parametrize("query", ["(color)", "(scripting: enabled)", "not all and (monochrome)", "(prefers-color-scheme: light)"])
def test_a_style_block_for_most_readers_hides_the_byline(query: str) -> None:
    # A `<style media>` is read as an `@media` block around its rules.
    data = page(css="").replace(b"</head>", f'<style media="{query}">.byline{{display:none}}</style></head>'.encode())
    assert "dcnf/byline" in errors(check(data))


# --- hidden on some screens only: the pass stands, with a warning that names the query ------------

HIDDEN_ON_SOME_SCREENS = {
    # (css, logo attrs, byline attrs): the rule whose pass turns into a warning, and the query named.
    "a logo hidden on phones": ("@media (max-width: 600px) { .x { display: none } }", ' class="x"', ' class="byline"', "dcnf/logo", "(max-width: 600px)"),
    "a logo hidden on desktops, by its wrapper's class": (
        "@media screen and (min-width: 1024px) { article img.x { visibility: hidden } }",
        ' class="x"',
        ' class="byline"',
        "dcnf/logo",
        "screen and (min-width: 1024px)",
    ),
    "a byline hidden in portrait": (
        "@media (orientation: portrait) { .byline { display:none } }",
        "",
        ' class="byline"',
        "dcnf/byline",
        "(orientation: portrait)",
    ),
    "a byline hidden in dark mode, one query of a list": (
        "@media (prefers-color-scheme: dark), (max-width: 400px) { p.byline { display: none } }",
        "",
        ' class="byline"',
        "dcnf/byline",
        "(prefers-color-scheme: dark), (max-width: 400px)",
    ),
    # Nested: a query inside one every screen meets is named alone; two some-screens queries are
    # both named; a layer, an @supports every browser meets and a style rule (CSS Nesting) pass
    # the query through.
    "a byline hidden on desktops, @media in @media screen": (
        "@media screen { @media (min-width: 768px) { .byline { display: none } } }",
        "",
        ' class="byline"',
        "dcnf/byline",
        "(min-width: 768px)",
    ),
    "a logo hidden on touch phones, @media in @media": (
        "@media (hover: none) { @media (max-width: 600px) { .x { visibility: hidden } } }",
        ' class="x"',
        ' class="byline"',
        "dcnf/logo",
        "(hover: none) and (max-width: 600px)",
    ),
    "a byline hidden on phones, @media in a layer": (
        "@layer theme { @media (max-width: 600px) { .byline { display: none } } }",
        "",
        ' class="byline"',
        "dcnf/byline",
        "(max-width: 600px)",
    ),
    "a byline hidden on phones, @media in @supports": (
        "@supports (display: grid) { @media (max-width: 600px) { .byline { display: none } } }",
        "",
        ' class="byline"',
        "dcnf/byline",
        "(max-width: 600px)",
    ),
    "a byline hidden on phones, @media nested in its style rule": (
        ".byline { color: #333; @media (max-width: 600px) { display: none } }",
        "",
        ' class="byline"',
        "dcnf/byline",
        "(max-width: 600px)",
    ),
    "a logo hidden on phones, a style rule nested in a rule in @media": (
        "@media (max-width: 600px) { article { .x { display: none } } }",
        ' class="x"',
        ' class="byline"',
        "dcnf/logo",
        "(max-width: 600px)",
    ),
}


@pytest.mark.parametrize(("css", "logo_attrs", "byline_attrs", "rule", "query"), HIDDEN_ON_SOME_SCREENS.values(), ids=list(HIDDEN_ON_SOME_SCREENS))
def test_a_requirement_hidden_on_some_screens_only_is_a_warning_naming_the_query(css: str, logo_attrs: str, byline_attrs: str, rule: str, query: str) -> None:
    report = check(page(css=css, logo=LOGO.format(attrs=logo_attrs), byline=BYLINE.format(attrs=byline_attrs)))
    assert errors(report) == []
    (warning,) = [f for f in report.findings if f.rule == rule]
    assert warning.severity is Severity.WARNING
    assert warning.detail == f"it is hidden on the screens that meet @media {query}, and shown on others"
    assert rule not in {p.rule for p in report.passed}


@pytest.mark.parametrize(
    "css",
    [
        # Print is no reader's screen, nor a query inside print; no browser meets this @supports.
        "@media print { .x { display: none } }",
        "@media print { @media (max-width: 600px) { .x { display: none } } }",
        "@supports (foo: bar) { @media (max-width: 600px) { .x { display: none } } }",
        # A rule that hides something else, or shows.
        "@media (max-width: 600px) { .other { display: none } }",
        "@media (max-width: 600px) { .x { display: block; opacity: 0.9 } }",
        # No query at all.
        ".x { color: #333 }",
    ],
)
def test_what_hides_nothing_on_a_screen_adds_no_warning(css: str) -> None:
    report = check(page(css=css, logo=LOGO.format(attrs=' class="x"')))
    assert report.findings == ()


# What hides alone in a query some screens meet is said as `display: none` there is: a fade to
# nothing, an unreadable size, a scale or a clip to nothing. What hides only with other
# declarations (a position), a fade that leaves it seen, is not named (a size with its overflow
# cut off in the same rule is: `HIDDEN_BY_SIZE_ON_SOME_SCREENS`).
HIDING_ALONE_ON_SOME_SCREENS = {
    "@media (min-width: 700px) { .x { opacity: 0 } }": "(min-width: 700px)",
    "@media (min-width: 700px) { .x { filter: opacity(0%) } }": "(min-width: 700px)",
    "@media (max-width: 600px) { .x { font-size: 0 } }": "(max-width: 600px)",
    "@media (max-width: 600px) { .x { transform: scale(0) } }": "(max-width: 600px)",
    "@media (max-width: 600px) { .x { scale: 0.001 } }": "(max-width: 600px)",
    "@media (orientation: portrait) { .x { clip-path: inset(50%) } }": "(orientation: portrait)",
    "@media (hover: hover) { .x { content-visibility: hidden } }": "(hover: hover)",
    "@media (min-width: 700px) { .x { opacity: 0.5 } }": "",
    "@media (min-width: 700px) { .x { position: absolute; top: -9999px } }": "",
    "@media (min-width: 700px) { .x { clip: rect(0 0 0 0) } }": "",
}


def test_the_readme_names_a_rule_that_hides_alone_on_some_screens() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    named = [css for css in HIDING_ALONE_ON_SOME_SCREENS if f"`{css}`" in readme]
    assert named == ["@media (min-width: 700px) { .x { opacity: 0 } }"]
    assert HIDING_ALONE_ON_SOME_SCREENS[named[0]] == "(min-width: 700px)"


@pytest.mark.parametrize("css", sorted(HIDING_ALONE_ON_SOME_SCREENS))
def test_what_hides_alone_on_some_screens_is_a_warning_naming_the_query(css: str) -> None:
    report = check(page(css=css, byline=BYLINE.format(attrs=' class="x"')))
    query = HIDING_ALONE_ON_SOME_SCREENS[css]
    assert errors(report) == []
    warned = [f.message for f in report.findings if f.rule == "dcnf/byline" and f.severity is Severity.WARNING]
    assert warned == ([f"What dcnf/byline asks for is on the page, but the screens that meet @media {query} do not show it."] if query else [])


# A box sized to nothing whose overflow is cut off, in a query some screens meet: hidden on those
# screens only, a warning naming the query as `display: none` there is, never an error; a size
# whose overflow shows (`height: 0` alone: the words run out of the box and are seen) is no hide.
HIDDEN_BY_SIZE_ON_SOME_SCREENS = {
    "@media (max-width: 600px) { .x { height: 0; overflow: hidden } }": "(max-width: 600px)",
    "@media (max-width: 600px) { .x { max-height: 0; overflow: hidden } }": "(max-width: 600px)",
    "@media (max-width: 600px) { .x { width: 0; overflow: hidden } }": "(max-width: 600px)",
    "@media (min-width: 700px) { .x { max-width: 1px; overflow: clip } }": "(min-width: 700px)",
    "@media (orientation: portrait) { .x { height: 2px; overflow-y: hidden } }": "(orientation: portrait)",
    "@media (hover: none) { .x { height: 0; overflow: hidden; padding: 0 } }": "(hover: none)",
    "@media (max-width: 600px) { .x { height: 0 } }": "",
    "@media (max-width: 600px) { .x { height: 20px; overflow: hidden } }": "",
}


@pytest.mark.parametrize("css", sorted(HIDDEN_BY_SIZE_ON_SOME_SCREENS))
def test_what_a_size_hides_on_some_screens_is_a_warning_naming_the_query(css: str) -> None:
    report = check(page(css=css, byline=BYLINE.format(attrs=' class="x"')))
    query = HIDDEN_BY_SIZE_ON_SOME_SCREENS[css]
    assert errors(report) == []
    warned = [f.message for f in report.findings if f.rule == "dcnf/byline" and f.severity is Severity.WARNING]
    assert warned == ([f"What dcnf/byline asks for is on the page, but the screens that meet @media {query} do not show it."] if query else [])


def test_what_a_size_hides_in_a_box_around_it_on_some_screens_is_a_warning() -> None:
    css = "@media (max-width: 600px) { .slot { max-height: 0; overflow: hidden } }"
    report = check(page(css=css, byline=f'<div class="slot">{BYLINE.format(attrs="")}</div>'))
    assert errors(report) == []
    assert [f.detail for f in report.findings if f.rule == "dcnf/byline"] == [
        "it is hidden on the screens that meet @media (max-width: 600px), and shown on others"
    ]


@pytest.mark.parametrize(
    "css",
    [
        "@media screen { .x { height: 0; overflow: hidden } }",
        "@media (min-width: 0) { .x { max-height: 0; overflow: hidden } }",
        "@media all { .x { width: 0; overflow: hidden } }",
        ".x { height: 0; overflow: hidden }",
    ],
)
def test_a_size_in_a_query_every_screen_meets_still_hides_the_byline(css: str) -> None:
    assert errors(check(page(css=css, byline=BYLINE.format(attrs=' class="x"')))) == ["dcnf/byline"]


def test_the_readme_names_a_size_that_hides_on_some_screens() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    named = [css for css in HIDDEN_BY_SIZE_ON_SOME_SCREENS if f"`{css}`" in readme]
    assert named == ["@media (max-width: 600px) { .x { height: 0; overflow: hidden } }"]
    assert HIDDEN_BY_SIZE_ON_SOME_SCREENS[named[0]] == "(max-width: 600px)"


@pytest.mark.parametrize(
    "css", ["@media screen and (min-width: 0) { .x { display: none } }", "@media all { .x { display: none } }", "@media (color) { .x { display:none } }"]
)
def test_a_query_every_screen_meets_still_hides_the_requirement(css: str) -> None:
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


# Every screen is 320px to 5120px wide and at most 5120px high (a 5K display), and a bitmap one.
@pytest.mark.parametrize(
    "query",
    [
        "(max-width: 100000px)",
        "(max-width: 5120px)",
        "(width < 9999px)",
        "(0 <= width <= 100000px)",
        "screen and (max-height: 6000px)",
        "(min-height: 0)",
        "(height >= 0px)",
        "(max-device-width: 99999px)",
        "(min-device-width: 0)",
        "(grid: 0)",
        "not (grid)",
        "(min-width: 0) and (max-width: 20000px)",
    ],
)
def test_a_range_every_screen_is_in_holds_always(query: str) -> None:
    assert screens_meeting(query) == ALWAYS


@pytest.mark.parametrize(
    ("query", "met"),
    [
        ("(max-width: 5119px)", SOMETIMES),
        ("(width < 5120px)", SOMETIMES),
        ("(max-height: 800px)", SOMETIMES),
        ("(min-height: 1px)", SOMETIMES),
        ("(min-width: 100000px)", SOMETIMES),  # shows, never hides: not judged further
        ("(max-width: 100vw)", SOMETIMES),
        ("(grid: 1)", NEVER),
        ("(grid)", NEVER),
        ("(hover: hover)", SOMETIMES),
        ("(pointer: fine)", SOMETIMES),
        ("not (max-width: 100000px)", NEVER),
        ("(max-height: -1px)", NEVER),
    ],
)
def test_a_range_some_screens_are_out_of_does_not(query: str, met: int) -> None:
    assert screens_meeting(query) == met


@pytest.mark.parametrize(
    "css",
    [
        "@media (max-width: 100000px) { .x { display: none } }",
        "@media (grid: 0) { .x { display: none } }",
        "@media screen and (max-height: 99999px) { .x { visibility: hidden } }",
        "@media (width <= 8000px) { .x { display: none } }",
    ],
)
def test_a_range_every_screen_is_in_hides_the_requirement(css: str) -> None:
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


# A list true on every kind of screen its features tell apart, whatever those features are on a
# reader's: a tautology, a bound no screen is outside (the least resolution a browser has, zoomed
# out to 25%, is 0.25dppx; the narrowest aspect ratio 320/5120), ranges that cover every screen
# together, a discrete feature at each of its values.
EVERY_KIND_OF_SCREEN = {
    "(min-resolution: 0.001dppx)": ALWAYS,
    "(min-resolution: 24dpi)": ALWAYS,
    "(resolution >= 0.1x)": ALWAYS,
    "(max-resolution: 100dppx)": ALWAYS,
    "screen and (-webkit-min-device-pixel-ratio:0)": ALWAYS,
    "(-webkit-max-device-pixel-ratio: 50)": ALWAYS,
    "(min-aspect-ratio: 1/100000)": ALWAYS,
    "(aspect-ratio > 1/1000)": ALWAYS,
    "(any-hover) or (not (any-hover))": ALWAYS,
    "(hover: hover) or (hover: none)": ALWAYS,
    "(monochrome) or (not (monochrome))": ALWAYS,
    "not ((pointer: fine) and (not (pointer: fine)))": ALWAYS,
    "(max-width: 700px), (min-width: 600px)": ALWAYS,
    "(width > 600px) or (width <= 600px)": ALWAYS,
    "(orientation: portrait) or (orientation: landscape)": ALWAYS,
    "screen and (display-mode: standalone), not screen and (display-mode: standalone)": ALWAYS,
    # Near misses: bounds some screens are outside, features that may all be false together.
    "(min-resolution: 2dppx)": SOMETIMES,
    "(min-resolution: 96dpi)": SOMETIMES,
    "(-webkit-min-device-pixel-ratio: 1.5)": SOMETIMES,
    "(max-resolution: 1dppx)": SOMETIMES,
    "(min-aspect-ratio: 16/9)": SOMETIMES,
    "(max-aspect-ratio: 1000/1)": SOMETIMES,
    "(hover) or (pointer: fine)": SOMETIMES,
    # A feature no browser knows is unknown, not true on some screens: neither it nor its `not` holds.
    "screen and (foo: bar), not screen and (foo: bar)": NEVER,
    "(frobnicate) or (not (frobnicate))": NEVER,
    "(max-width: 600px), (min-width: 601px)": SOMETIMES,
    "(width < 600px) or (width > 600px)": SOMETIMES,
    "(monochrome) or (min-resolution: 2dppx)": SOMETIMES,
    "not all and (hover)": SOMETIMES,
    "print and (min-resolution: 0.001dppx)": NEVER,
}


@pytest.mark.parametrize("query", sorted(EVERY_KIND_OF_SCREEN))
def test_a_list_true_on_every_kind_of_screen_holds_always(query: str) -> None:
    assert screens_meeting(query) == EVERY_KIND_OF_SCREEN[query]


@pytest.mark.parametrize("query", sorted(query for query, met in EVERY_KIND_OF_SCREEN.items() if met == ALWAYS))
def test_a_rule_in_a_list_true_on_every_kind_of_screen_hides_the_byline(query: str) -> None:
    report = check(page(css=f"@media {query} {{ .x {{ display: none }} }}", byline=BYLINE.format(attrs=' class="x"')))
    assert errors(report) == ["dcnf/byline"]


def test_the_readme_names_lists_true_on_every_kind_of_screen_as_they_are_read() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    named = sorted(query for query in EVERY_KIND_OF_SCREEN if f"`{query}`" in readme)
    assert named == sorted(
        [
            "(min-resolution: 0.001dppx)",
            "screen and (-webkit-min-device-pixel-ratio:0)",
            "(min-aspect-ratio: 1/100000)",
            "(any-hover) or (not (any-hover))",
            "(max-width: 700px), (min-width: 600px)",
        ]
    )
    assert all(EVERY_KIND_OF_SCREEN[query] == ALWAYS for query in named)


def test_a_range_some_screens_are_out_of_is_still_a_warning() -> None:
    report = check(page(css="@media (max-width: 4000px) { .x { display: none } }", logo=LOGO.format(attrs=' class="x"')))
    assert errors(report) == []
    assert [f.rule for f in report.findings if f.severity is Severity.WARNING] == ["dcnf/logo"]


def test_a_style_block_with_a_some_screens_media_attribute_names_it() -> None:
    data = page(css="").replace(b"</head>", b'<style media="(max-width: 480px)">.byline{display:none}</style></head>')
    (warning,) = [f for f in check(data).findings if f.rule == "dcnf/byline"]
    assert warning.detail == "it is hidden on the screens that meet @media (max-width: 480px), and shown on others"


def test_a_page_without_media_conditions_is_not_read_for_them() -> None:
    from compliance.document.screen_hiding import may_hide_on_some_screens

    assert not may_hide_on_some_screens(page(css=".x{display:none}"))
    assert may_hide_on_some_screens(page(css="@MEDIA (max-width: 1px){}"))
    # A `media` attribute in any ASCII case, with white space around its '=', is one too.
    with_attribute = page(css="").replace(b"</head>", b'<style MEDIA = "(max-width: 480px)">.byline{display:none}</style></head>')
    assert may_hide_on_some_screens(with_attribute)


def test_a_some_screens_media_attribute_with_spaces_around_its_equals_sign_names_its_query() -> None:
    data = page(css="").replace(b"</head>", b'<style Media = "(max-width: 480px)">.byline{display:none}</style></head>')
    (warning,) = [f for f in check(data).findings if f.rule == "dcnf/byline"]
    assert warning.detail == "it is hidden on the screens that meet @media (max-width: 480px), and shown on others"


def test_the_readme_shows_the_warning_as_printed(cli: Any, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("What met a requirement there\nis reported, though", 1)[1]
    # An `output` block: the section's one `text` block is the page example's output.
    shown = re.findall(r"```output\n(.*?)```", section, re.DOTALL)[0].strip()
    story = tmp_path / "story.html"
    story.write_bytes(page(css="@media (max-width: 600px) { .byline { display: none } }"))
    run = cli("check", "--pack", "dcnf", str(story))
    assert shown in [line.strip() for line in run.out.splitlines()]


def test_what_a_rule_accepts_unseen_is_not_warned_of_when_hidden_on_some_screens(cli: Any, tmp_path: Path) -> None:
    # A counter pixel or a tracking script is unseen by design (`visible: any`): a query that hides
    # it on phones changes nothing a reader or the publisher loses.
    from compliance.engine import _counts_unseen
    from compliance.loading import load_packs

    rules = {rule.id: rule for pack in load_packs() for rule in pack.rules}
    assert _counts_unseen(rules["propublica/pixel"].check)
    assert not _counts_unseen(rules["dcnf/logo"].check) and not _counts_unseen(rules["dcnf/byline"].check)
    page_data = (ROOT / "samples" / "propublica" / "compliant-wordpress.html").read_bytes()
    hiding = b"<style>@media (max-width: 600px) { script, body script { display: none } }</style></head>"
    story = tmp_path / "story.html"
    story.write_bytes(page_data.replace(b"</head>", hiding, 1))
    run = cli("check", "--format", "json", str(story))
    assert run.code == 0, run.out
    (result,) = run.json()["files"]
    assert [f["rule"] for f in result["findings"]] == []
    assert "propublica/pixel" in {p["rule"] for p in result["passed"]}


def test_a_limit_on_copies_is_not_warned_of_when_its_one_copy_is_hidden_on_some_screens(cli: Any, tmp_path: Path) -> None:
    # "The credit line at most once" holds all the more where the one copy is hidden: only the
    # rule that needs the line shown takes the caveat, never a second warning that it is repeated.
    from compliance.engine import _requires_presence
    from compliance.loading import load_packs

    rules = {rule.id: rule for pack in load_packs() for rule in pack.rules}
    assert not _requires_presence(rules["propublica/credit-line-repeated"].check)
    assert _requires_presence(rules["propublica/credit-line"].check) and _requires_presence(rules["dcnf/logo"].check)
    page_data = (ROOT / "samples" / "propublica" / "compliant-wordpress.html").read_bytes()
    hiding = b"<style>@media (orientation: landscape) { p em { display: none } }</style></head>"
    story = tmp_path / "story.html"
    story.write_bytes(page_data.replace(b"</head>", hiding, 1))
    run = cli("check", "--format", "json", str(story))
    assert run.code == 0, run.out
    (result,) = run.json()["files"]
    warned = {f["rule"] for f in result["findings"]}
    assert "propublica/credit-line" in warned and "propublica/credit-line-repeated" not in warned
    assert "propublica/credit-line-repeated" in {p["rule"] for p in result["passed"]}


def _propublica_copy(css: str, first_attrs: str, second_attrs: str | None) -> bytes:
    """A ProPublica republication whose credit line is printed in one or two blocks (`second_attrs`
    None: one), under a `<style>` holding `css`."""
    url = "https://www.propublica.org/article/county-jail-medical-contracts"
    credit = f'This story was originally published by <a href="{url}">ProPublica</a>.'
    second = "" if second_attrs is None else f"<div{second_attrs}>{credit}</div>\n"
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>Jail contracts</title>\n'
        f'<link rel="canonical" href="{url}"><style>{css}</style></head><body><article>\n'
        f"<h1>Counties paid a jail health contractor for nurses it never hired</h1>\n"
        f"<p>By Marisol Quintero, ProPublica</p>\n<div{first_attrs}>{credit}</div>\n{second}"
        f"<p>The contract called for two nurses on every shift at the county jail.</p>\n"
        f"<p>Records show the company billed for both while employing one.</p>\n"
        f'<script async src="https://pixel.propublica.org/pixel.js"></script>\n</article></body></html>'
    ).encode()


RESPONSIVE_PAIRS = {
    # The wide-screen copy hidden on narrow screens, the narrow one shown only there.
    "max-width pair": ".narrow{display:none}@media (max-width: 767px){.wide{display:none}.narrow{display:block}}",
    # The same the other way round, and with a range query.
    "min-width pair": ".wide{display:none}@media (width >= 900px){.narrow{display:none}.wide{display:block}}",
}


@pytest.mark.parametrize("css", RESPONSIVE_PAIRS.values(), ids=list(RESPONSIVE_PAIRS))
def test_a_credit_line_each_screen_shows_one_copy_of_takes_no_caveat(cli: Any, tmp_path: Path, css: str) -> None:
    story = tmp_path / "story.html"
    story.write_bytes(_propublica_copy(css, ' class="wide"', ' class="narrow"'))
    run = cli("check", "--format", "json", str(story))
    (result,) = run.json()["files"]
    warned = {f["rule"]: f.get("detail") for f in result["findings"]}
    assert "propublica/credit-line" not in warned and "creative-commons/source-link" not in warned, warned
    assert {"propublica/credit-line", "creative-commons/source-link"} <= {p["rule"] for p in result["passed"]}


def test_a_credit_line_whose_every_copy_is_hidden_on_the_same_screens_keeps_the_caveat(cli: Any, tmp_path: Path) -> None:
    # Two copies, both hidden in landscape: those screens show none.
    story = tmp_path / "story.html"
    story.write_bytes(_propublica_copy("@media (orientation: landscape){.c{display:none}}", ' class="c"', ' class="c"'))
    run = cli("check", "--format", "json", str(story))
    (result,) = run.json()["files"]
    (warning,) = [f for f in result["findings"] if f["rule"] == "propublica/credit-line"]
    assert warning["severity"] == "warning"
    assert "the screens that meet @media (orientation: landscape) do not show it" in warning["message"]


def test_a_lone_credit_line_hidden_on_some_screens_keeps_the_caveat(cli: Any, tmp_path: Path) -> None:
    story = tmp_path / "story.html"
    story.write_bytes(_propublica_copy("@media (hover: none){.c{display:none}}", ' class="c"', None))
    run = cli("check", "--format", "json", str(story))
    (result,) = run.json()["files"]
    warned = {f["rule"]: f["message"] for f in result["findings"]}
    assert "(hover: none)" in warned["propublica/credit-line"] and "(hover: none)" in warned["creative-commons/source-link"]


@pytest.mark.parametrize("css", RESPONSIVE_PAIRS.values(), ids=list(RESPONSIVE_PAIRS))
def test_a_responsive_pair_of_credit_lines_is_not_a_repeat(cli: Any, tmp_path: Path, css: str) -> None:
    story = tmp_path / "story.html"
    story.write_bytes(_propublica_copy(css, ' class="wide"', ' class="narrow"'))
    run = cli("check", "--format", "json", str(story))
    assert run.code == 0, run.out
    (result,) = run.json()["files"]
    assert [f["rule"] for f in result["findings"]] == []
    assert "propublica/credit-line-repeated" in {p["rule"] for p in result["passed"]}


REPEATS_ON_SOME_SCREEN = {
    # A second class shows the narrow copy on every screen: wide screens show both.
    "a narrow copy another class shows everywhere": (RESPONSIVE_PAIRS["max-width pair"], ' class="wide"', ' class="narrow extra"', ".extra{display:block}"),
    # Both copies hidden in the same query: every other screen shows both.
    "two copies hidden the same way": ("@media (pointer: coarse){.c{display:none}}", ' class="c"', ' class="c"', ""),
    # Hidden under one query, shown only under another: not compared, so read as shown together.
    "copies placed by different queries": (
        ".narrow{display:none}@media (max-width: 767px){.wide{display:none}}@media (hover: none){.narrow{display:block}}",
        ' class="wide"',
        ' class="narrow"',
        "",
    ),
    # A rule every screen applies shows the narrow copy again, after all.
    "a copy shown again on every screen": (RESPONSIVE_PAIRS["max-width pair"] + "div.narrow{display:block}", ' class="wide"', ' class="narrow"', ""),
}


@pytest.mark.parametrize(("css", "first", "second", "more_css"), REPEATS_ON_SOME_SCREEN.values(), ids=list(REPEATS_ON_SOME_SCREEN))
def test_copies_some_screen_shows_together_are_still_a_repeat(cli: Any, tmp_path: Path, css: str, first: str, second: str, more_css: str) -> None:
    story = tmp_path / "story.html"
    story.write_bytes(_propublica_copy(css + more_css, first, second))
    run = cli("check", "--format", "json", str(story))
    (result,) = run.json()["files"]
    (repeated,) = [f for f in result["findings"] if f["rule"] == "propublica/credit-line-repeated"]
    assert repeated["severity"] == "warning"


def test_most_shown_together_counts_each_query_once() -> None:
    from compliance.document.screen_hiding import most_shown_together

    assert most_shown_together([("(a)", True), ("(a)", False)]) == 1
    assert most_shown_together([("(a)", True), ("(a)", False), None]) == 2
    assert most_shown_together([("(a)", True), ("(b)", False)]) == 2
    assert most_shown_together([("(a)", False), ("(a)", False), ("(a)", True)]) == 2
    assert most_shown_together([]) == 0


def test_a_requirement_met_but_hidden_on_some_screens_says_so_and_that_the_css_is_the_fix() -> None:
    # The rule's own message and fix are for a page without the affiliation ("add ', Daily Caller
    # News Foundation'"), which this byline has: the warning names the screens and the CSS instead.
    data = page(css="@media (max-width: 600px) { .byline { display: none } }")
    warnings = {f.rule: f for f in check(data).findings}
    for rule in ("dcnf/byline", "dcnf/affiliation"):
        assert warnings[rule].message == f"What {rule} asks for is on the page, but the screens that meet @media (max-width: 600px) do not show it."
        assert warnings[rule].help.startswith("Show it on every screen: change the page's CSS so that the screens that meet @media (max-width: 600px) show it")
        assert warnings[rule].hidden_on == "(max-width: 600px)"


def test_a_list_of_too_many_unknown_features_is_not_tried_on_every_kind_of_screen() -> None:
    # A tautology among eight other features the checker does not read (2**9 kinds of screen, more
    # than it tries): left as read, so that a hostile page of thousands of such queries stays cheap.
    others = " or ".join(f"(min-width: {n + 1}vw)" for n in range(8))
    assert screens_meeting(f"(any-hover) or (not (any-hover)) or {others}") != ALWAYS
    assert screens_meeting("(any-hover) or (not (any-hover)) or (x-0: 0)") == ALWAYS


# Rules under several queries that together every screen meets: what they hide is hidden
# everywhere, an error as without a query.
TOGETHER_EVERY_SCREEN = [
    "@media (max-width: 700px) { .x { display: none } } @media (min-width: 700.02px) { .x { display: none } }",
    "@media (max-width: 699.98px) { .x { display: none } } @media (min-width: 700px) { .x { visibility: hidden } }",
    "@media (orientation: portrait) { .x { display: none } } @media (orientation: landscape) { .x { display: none } }",
    "@media (any-pointer: fine) { .x { display: none } } @media not all and (any-pointer: fine) { .x { display: none } }",
    "@media (width < 700px) { .x { display: none } } @media (width >= 700px) { .x { display: none } }",
    "@media (hover: hover) { .x { display: none } } @media (hover: none) { .x { display: none } }",
    "@media (max-width: 700px) { .x { opacity: 0 } } @media (min-width: 700.02px) { .x { display: none } }",
    "@media (max-width: 700px) { .x { transform: scale(0) } } @media (min-width: 700.02px) { .x { font-size: 0 } }",
    "@media (max-width: 500px) { .x { display: none } } @media (min-width: 400px) and (max-width: 900px) { .x { display: none } }"
    " @media (min-width: 850px) { .x { display: none } }",
    # The queries of the element and of the box around it count together.
    "@media (max-width: 700px) { .box { display: none } } @media (min-width: 700.02px) { .x { display: none } }",
    "@media screen { @media (max-width: 700px) { .x { display: none } } } @media (min-width: 700.02px) { .x { display: none } }",
]


@pytest.mark.parametrize("css", TOGETHER_EVERY_SCREEN)
def test_rules_under_queries_together_every_screen_meets_hide_the_logo(css: str) -> None:
    logo = '<div class="box">' + LOGO.format(attrs=' class="x"') + "</div>"
    report = check(page(css=css, logo=logo))
    assert errors(report) == ["dcnf/logo"]
    assert [f.rule for f in report.findings if f.severity is Severity.WARNING] == []


# Queries that leave some screen out, or a rule that shows the logo again: it stays seen, and the
# warning names the first query.
SOME_SCREEN_LEFT = [
    "@media (max-width: 700px) { .x { display: none } } @media (min-width: 701px) { .x { display: none } }",
    "@media (width < 700px) { .x { display: none } } @media (width > 700px) { .x { display: none } }",
    "@media (pointer: fine) { .x { display: none } } @media (pointer: coarse) { .x { display: none } }",
    "@media (orientation: portrait) { .x { display: none } } @media (orientation: landscape) and (max-width: 900px) { .x { display: none } }",
    "@media (max-width: 700px) { .x { display: none } } @media (min-width: 700.02px) { .x { display: none } } @media (hover) { .x { display: block } }",
    "@media (max-width: 700px) { .x { display: none } } @media (min-width: 700.02px) { .x { display: none } } .x { display: block !important }",
]


@pytest.mark.parametrize("css", SOME_SCREEN_LEFT)
def test_rules_under_queries_that_leave_a_screen_out_only_warn(css: str) -> None:
    report = check(page(css=css, logo=LOGO.format(attrs=' class="x"')))
    assert errors(report) == []
    # (The warning does not read a rule that shows it again: README.)
    assert [f.rule for f in report.findings if f.severity is Severity.WARNING] == ["dcnf/logo"]


def test_a_style_attribute_that_may_show_it_again_leaves_it_seen() -> None:
    css = "@media (max-width: 700px) { .x { display: none } } @media (min-width: 700.02px) { .x { display: none } }"
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x" style="display: inline"')))) == []


# A site's stylesheet is mostly about widgets a given page lacks: of its rules under queries, those
# whose selectors name a class or an id the page does not have match nothing and are not matched;
# those naming what it has hide the logo as before, however their selectors are written.
SITE_WIDGETS = "".join(
    f"@media (max-width: 700px) {{ .widget-{n} {{ display: none }} }} @media (min-width: 700.02px) {{ #panel-{n} .x {{ display: none }} }}" for n in range(40)
)
LOGO_IN_A_BOX = '<div class="box">' + LOGO.format(attrs=' class="x" id="brand"') + "</div>"
LOGO_SELECTORS = [".x", "#brand", ".box > .x", "div.box img.x", ".box #brand", ".widget-none, .x"]
NOT_THE_LOGO = [".x-promo", "#brand-old", ".box .x-promo", "div.boxes img.x"]


def _covering(selector: str) -> str:
    return f"@media (max-width: 700px) {{ {selector} {{ display: none }} }} @media (min-width: 700.02px) {{ {selector} {{ display: none }} }}"


@pytest.mark.parametrize("selector", LOGO_SELECTORS)
def test_rules_under_queries_among_a_sites_others_hide_the_logo_they_name(selector: str) -> None:
    assert errors(check(page(css=SITE_WIDGETS + _covering(selector), logo=LOGO_IN_A_BOX))) == ["dcnf/logo"]


@pytest.mark.parametrize("selector", NOT_THE_LOGO)
def test_rules_under_queries_for_what_the_page_lacks_hide_nothing(selector: str) -> None:
    assert errors(check(page(css=SITE_WIDGETS + _covering(selector), logo=LOGO_IN_A_BOX))) == []


@pytest.mark.parametrize("selector", LOGO_SELECTORS + NOT_THE_LOGO)
def test_only_the_rules_under_queries_naming_what_the_page_has_are_matched(selector: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.document import parse_document, screen_hiding
    from compliance.document.visibility import _ElementIndex, applied_sheets

    root = parse_document(page(css=SITE_WIDGETS + _covering(selector), logo=LOGO_IN_A_BOX), "html").root
    matched: list[str] = []
    original = screen_hiding._matched

    def recording(root: Any, selector: str) -> list[Any]:
        matched.append(selector)
        return original(root, selector)

    monkeypatch.setattr(screen_hiding, "_matched", recording)
    hidden = screen_hiding.hidden_on_every_screen(root, tuple(applied_sheets(root)), _ElementIndex(root).may_match)
    assert [element.get("id") for element in hidden] == (["brand"] if selector in LOGO_SELECTORS else [])
    assert matched == ([selector] if selector in LOGO_SELECTORS else [])


def test_the_readme_names_rules_under_queries_together_every_screen_meets() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    css = "@media (max-width: 700px) { .x { display: none } } @media (min-width: 700.02px) { .x { opacity: 0 } }"
    assert f"`{css}`" in readme
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]
    for query, met in (("(max-width: 700px), (min-width: 700.02px)", ALWAYS), ("(max-width: 700px), (min-width: 701px)", SOMETIMES)):
        assert f"`{query}`" in readme
        assert screens_meeting(query) == met


def test_too_many_queries_together_are_not_tried() -> None:
    from compliance.document.media_queries import every_screen_meets_one

    covering = {f"(min-width: {400 + 10 * n}px)" for n in range(20)} | {"(max-width: 400px)"}
    assert every_screen_meets_one({"(max-width: 400px)", "(min-width: 400px)"})
    assert not every_screen_meets_one(covering)
    assert not every_screen_meets_one(set())


# Media Queries 4's three-valued logic: a feature no browser knows (or a value it does not take)
# is unknown; `not` keeps it unknown, `and` is false with a false part and `or` true with a true
# one, and a query left unknown holds on no screen (Chromium 156 agrees: `MEDIA_HIDING`).
UNKNOWN_FEATURES = {
    "(frobnicate)": NEVER,
    "not (frobnicate)": NEVER,
    "(frob: 1px)": NEVER,
    "(frobnicate) and (min-width: 0)": NEVER,
    "(frobnicate) and (max-width: 600px)": NEVER,
    "not ((frobnicate) and (min-width: 0))": NEVER,
    "not ((frobnicate) or (min-width: 0))": NEVER,
    "not ((frobnicate) and (max-width: 600px))": SOMETIMES,
    "screen and (frobnicate)": NEVER,
    "not screen and (frobnicate)": NEVER,
    "foo(bar)": NEVER,
    "(foo bar)": NEVER,
    "not (foo bar)": NEVER,
    "(pointer: frob)": NEVER,
    "not (pointer: frob)": NEVER,
    "(hover: 3)": NEVER,
    "(min-width: red)": NEVER,
    "(min-width: 10%)": NEVER,
    "(width: 10)": NEVER,
    "(min-hover: hover)": NEVER,
    "(min-orientation: portrait)": NEVER,
    "(orientation > portrait)": NEVER,
    "(1px > width < 2px)": NEVER,
    "(width < width)": NEVER,
    "(grid: 2)": NEVER,
    "(color: 1.5)": NEVER,
    "(resolution: 1)": NEVER,
    "(aspect-ratio: -1/2)": NEVER,
    "(-webkit-min-device-pixel-ratio: 1dppx)": NEVER,
    "(frobnicate) or (min-width: 0)": ALWAYS,
    "(min-width: 0) or (frobnicate)": ALWAYS,
    "(frobnicate), (min-width: 0)": ALWAYS,
    "(frobnicate) or (max-width: 600px)": SOMETIMES,
    "(frobnicate) or (color)": MOST,
    # Look-alikes a browser knows: read as before.
    "(display-mode: standalone)": SOMETIMES,
    "(overflow-block: paged)": SOMETIMES,
    "(width: 0)": NEVER,
    "(min-width: 1vw)": SOMETIMES,
    "(-webkit-transform-3d)": SOMETIMES,
    "(min-color-index: 0)": SOMETIMES,
    "(0 < width)": ALWAYS,
    "(1px < width < 2px)": NEVER,
    "(aspect-ratio: 0/1)": SOMETIMES,
    "(MIN-WIDTH: 1px)": ALWAYS,
}


@pytest.mark.parametrize("query", sorted(UNKNOWN_FEATURES))
def test_an_unknown_feature_is_neither_true_nor_false(query: str) -> None:
    assert screens_meeting(query) == UNKNOWN_FEATURES[query]


def test_a_rule_under_an_unknown_feature_hides_nothing_and_is_not_named() -> None:
    for query in ("(frobnicate)", "not (frobnicate)", "(pointer: frob)", "(frobnicate) and (max-width: 600px)"):
        report = check(page(css=f"@media {query} {{ .byline {{ display: none }} }}"))
        assert list(report.findings) == [], query
    # Its `or` with a query every screen meets hides on every screen; with a width range, on some.
    assert "dcnf/byline" in errors(check(page(css="@media (frobnicate) or (min-width: 0) { .byline { display: none } }")))
    (warning, *_) = [f for f in check(page(css="@media (frobnicate) or (max-width: 600px) { .byline { display: none } }")).findings if f.rule == "dcnf/byline"]
    assert warning.severity is Severity.WARNING
    assert warning.hidden_on == "(frobnicate) or (max-width: 600px)"


# Calculations in a size feature are worked out where they give a length (`em` of the initial
# 16px font, as Media Queries 4 has relative units); one naming a viewport unit is not read, and
# one giving no length (a percentage, a number) makes the feature unknown.
CALCULATED_SIZES = {
    "(min-width: calc(1px))": ALWAYS,
    "(min-width: calc(2em + 10px))": ALWAYS,
    "(min-width: calc(1px * 3))": ALWAYS,
    "(width >= calc(1px))": ALWAYS,
    "(min-width: min(1px, 5000px))": ALWAYS,
    "(min-width: clamp(1px, 2px, 3px))": ALWAYS,
    "(max-width: max(6000px, 1px))": ALWAYS,
    "(calc(1px) <= width <= calc(100000px))": ALWAYS,
    "(min-width: calc(20em + 1px))": SOMETIMES,
    "(max-width: calc(20em + 1px))": SOMETIMES,
    "(max-width: calc(100px - 1em))": NEVER,
    "(min-width: calc(1vw))": SOMETIMES,
    "(min-width: calc(10px + 1vw))": SOMETIMES,
    "(min-width: calc(10px + 5%))": NEVER,
    "not (min-width: calc(10px + 5%))": NEVER,
    "(width: calc(1))": NEVER,
    "(width: calc(1px * 2px))": NEVER,
    "(color: calc(1))": SOMETIMES,
}


@pytest.mark.parametrize("query", sorted(CALCULATED_SIZES))
def test_a_calculated_size_is_worked_out(query: str) -> None:
    assert screens_meeting(query) == CALCULATED_SIZES[query]


def test_a_rule_under_a_calculated_width_every_screen_has_hides_the_byline() -> None:
    assert errors(check(page(css="@media (min-width: calc(1px)) { .byline { display: none } }"))) == ["dcnf/byline"]
    report = check(page(css="@media (min-width: calc(50em)) { .byline { display: none } }"))
    assert errors(report) == []
    assert {f.hidden_on for f in report.findings if f.rule == "dcnf/byline"} == {"(min-width: calc(50em))"}


# A pointing device of some kind (a mouse, a trackpad or a touch screen) is on every phone, tablet
# and computer: most readers; hover is not (phones have none), and no pointer is a rare device's.
POINTERS = {
    "(pointer)": MOST,
    "(any-pointer)": MOST,
    "screen and (any-pointer)": MOST,
    "(pointer: none)": FEW,
    "(any-pointer: none)": FEW,
    "not (pointer)": FEW,
    "not all and (any-pointer: none)": MOST,
    "(pointer: fine)": SOMETIMES,
    "(pointer: coarse)": SOMETIMES,
    "(any-pointer: fine)": SOMETIMES,
    "(hover)": SOMETIMES,
    "(any-hover)": SOMETIMES,
    "(hover: none)": SOMETIMES,
}


@pytest.mark.parametrize("query", sorted(POINTERS))
def test_some_pointing_device_is_on_most_readers_screens(query: str) -> None:
    assert screens_meeting(query) == POINTERS[query]


def test_a_rule_for_any_pointer_hides_the_byline_and_one_for_hover_warns() -> None:
    assert errors(check(page(css="@media (any-pointer) { .byline { display: none } }"))) == ["dcnf/byline"]
    report = check(page(css="@media (any-hover) { .byline { display: none } }"))
    assert errors(report) == []
    assert {f.hidden_on for f in report.findings} == {"(any-hover)"}
    # No pointer is a few readers' device: a warning naming it, as for the dark scheme.
    report = check(page(css="@media (pointer: none) { .byline { display: none } }"))
    assert errors(report) == []
    assert {f.hidden_on for f in report.findings} == {"(pointer: none)"}


def test_the_readme_names_unknown_features_calculations_and_pointers_as_they_are_read() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = {
        "(frobnicate)": NEVER,
        "(pointer: frob)": NEVER,
        "(min-width: 10%)": NEVER,
        "(min-hover: hover)": NEVER,
        "not (frobnicate)": NEVER,
        "(frobnicate) and (min-width: 0)": NEVER,
        "(frobnicate) or (min-width: 0)": ALWAYS,
        "(min-width: calc(1px))": ALWAYS,
        "(width >= min(1px, 5000px))": ALWAYS,
        "(min-width: calc(10px + 5%))": NEVER,
        "(pointer)": MOST,
        "(any-pointer)": MOST,
        "(pointer: none)": FEW,
    }
    assert [query for query in said if f"`{query}`" not in readme] == []
    assert {query: screens_meeting(query) for query in said} == said


# --- mobile first: hidden by a rule every screen applies, shown again on some screens only -------

# (css, the query the warning names): the screens outside the showing queries miss the byline.
MOBILE_FIRST = {
    ".byline{display:none} @media (min-width: 768px){.byline{display:block}}": "not (min-width: 768px)",
    ".byline{visibility:hidden} @media (min-width: 768px){.byline{visibility:visible}}": "not (min-width: 768px)",
    ".byline{opacity:0} @media (min-width: 768px){.byline{opacity:1}}": "not (min-width: 768px)",
    ".byline{font-size:0} @media (min-width: 768px){.byline{font-size:16px}}": "not (min-width: 768px)",
    ".byline{transform:scale(0)} @media (min-width: 768px){.byline{transform:none}}": "not (min-width: 768px)",
    ".byline{height:0;overflow:hidden} @media (min-width: 768px){.byline{height:auto}}": "not (min-width: 768px)",
    ".byline{display:none} @media screen and (width >= 768px){.byline{display:flex}}": "not (width >= 768px)",
    # An ancestor hidden and shown so.
    "article{display:none} @media (min-width: 768px){article{display:block}}": "not (min-width: 768px)",
    # Shown again under a query that holds on some screens only, or under several.
    ".byline{display:none} @media not (max-width: 600px){.byline{display:block}}": "(max-width: 600px)",
    ".byline{display:none} @media (hover){.byline{display:block}} @media (min-width: 1200px){.byline{display:inline}}": "not ((hover) or (min-width: 1200px))",
    # Shown for a few readers only: hidden from most, named the same way.
    ".byline{display:none} @media (prefers-color-scheme: dark){.byline{display:block}}": "not (prefers-color-scheme: dark)",
}

# Look-alikes: shown on every screen (a query every screen meets, queries that together do), or
# hidden everywhere (a later rule every screen applies), or shown by a rule every screen applies.
MOBILE_FIRST_LOOK_ALIKES = {
    ".byline{display:none} @media (min-width: 0){.byline{display:block}}": [],
    ".byline{display:none} @media (min-width: 768px){.byline{display:block}} @media (max-width: 767.98px){.byline{display:block}}": [],
    ".byline{display:none} @media (hover){.byline{display:block}} @media not all and (hover){.byline{display:block}}": [],
    ".byline{opacity:0} @media (min-width: 768px){.byline{display:block}}": ["dcnf/byline"],
    "@media (min-width: 768px){.byline{display:block}} .byline{display:none}": ["dcnf/byline"],
    ".byline{display:none} @media (frobnicate){.byline{display:block}}": ["dcnf/byline"],
    ".byline{display:none} p.byline{display:block} @media (min-width: 768px){.byline{display:block}}": [],
    ".byline{color:red} @media (min-width: 768px){.byline{display:block}}": [],
}


@pytest.mark.parametrize("css", sorted(MOBILE_FIRST))
def test_a_credit_shown_again_on_some_screens_only_is_named_as_hidden_on_the_others(css: str) -> None:
    report = check(page(css=css))
    assert errors(report) == []
    (warning,) = [f for f in report.findings if f.rule == "dcnf/byline"]
    assert warning.hidden_on == MOBILE_FIRST[css]
    assert warning.message == f"What dcnf/byline asks for is on the page, but the screens that meet @media {MOBILE_FIRST[css]} do not show it."
    # No rule in that query hides it: the fix is the rule that hides it everywhere.
    assert warning.help == (
        f"Show it on every screen: change the page's CSS so that the screens that meet @media {MOBILE_FIRST[css]} show it"
        " (the rule that hides it, or an element around it, on every screen, which only rules in other queries undo)."
    )


@pytest.mark.parametrize("css", sorted(MOBILE_FIRST_LOOK_ALIKES))
def test_a_credit_shown_on_every_screen_or_none_is_not_named_as_hidden_on_some(css: str) -> None:
    report = check(page(css=css))
    assert errors(report) == MOBILE_FIRST_LOOK_ALIKES[css]
    assert [f.rule for f in report.findings if f.severity is Severity.WARNING and f.rule == "dcnf/byline"] == []


def test_a_style_attribute_that_may_show_the_credit_leaves_it_unnamed() -> None:
    css = ".byline{display:none} @media (min-width: 768px){.byline{display:block}}"
    report = check(page(css=css, byline='<p class="byline" style="display:block">By Jake Smith, Daily Caller News Foundation</p>'))
    assert list(report.findings) == []


def test_the_readme_shows_the_mobile_first_warning_as_printed(cli: Any, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("The same warning names the screens a mobile-first page leaves", 1)[1]
    shown = re.findall(r"```output\n(.*?)```", section, re.DOTALL)[0].strip()
    story = tmp_path / "story.html"
    story.write_bytes(page(css=".byline{display:none} @media (min-width: 768px){.byline{display:block}}"))
    run = cli("check", "--pack", "dcnf", str(story))
    assert shown in [line.strip() for line in run.out.splitlines()]
    assert "`.byline{display:none} @media (min-width: 768px){.byline{display:block}}`" in " ".join(section.split())


SCREENS_NOT_MEETING = {
    "(min-width: 768px)": "not (min-width: 768px)",
    "not (max-width: 600px)": "(max-width: 600px)",
    "screen and (min-width: 768px)": "not (min-width: 768px)",
    "only screen and (min-width: 768px)": "not (min-width: 768px)",
    "not screen and (min-width: 768px)": "(min-width: 768px)",
    "(min-width: 700px) and (max-width: 900px)": "not ((min-width: 700px) and (max-width: 900px))",
    "not ((hover) and (pointer: fine))": "(hover) and (pointer: fine)",
    "(hover), screen and (min-width: 768px)": "not ((hover) or (min-width: 768px))",
    "print, (min-width: 768px)": "not (min-width: 768px)",
    "not all and (monochrome)": "(monochrome)",
    "print": "all",
    "screen": None,
    "not print": None,
    "(min-width: 768px) garbage": None,
}


@pytest.mark.parametrize("query", sorted(SCREENS_NOT_MEETING))
def test_the_screens_not_meeting_a_query_are_named_by_a_query(query: str) -> None:
    from compliance.document.media_queries import screens_not_meeting

    opposite = screens_not_meeting(query)
    assert opposite == SCREENS_NOT_MEETING[query]
    if opposite is not None and screens_meeting(query) == SOMETIMES:
        # Between them, every screen; on none, both.
        from compliance.document.media_queries import every_screen_meets_one

        assert every_screen_meets_one([query, opposite])
        assert screens_meeting(opposite) == SOMETIMES


def test_copies_hidden_on_opposite_screens_leave_no_screen_without_one() -> None:
    from compliance.engine import _some_copy_on_every_screen

    assert _some_copy_on_every_screen({"(max-width: 767px)", "not (max-width: 767px)"})
    assert _some_copy_on_every_screen({"(min-width: 768px)", "not (min-width: 768px)"})
    # Phones miss one copy, wide screens the other: no screen misses both.
    assert _some_copy_on_every_screen({"(max-width: 600px)", "(min-width: 1000px)"})
    assert not _some_copy_on_every_screen({"(max-width: 600px)", "(max-width: 500px)"})
    assert not _some_copy_on_every_screen({"(max-width: 600px)", "not (max-width: 500px)"})


# A logo hidden under several queries is hidden on the screens of each, whichever block comes
# first; where another copy is shown on some of them, the warning names the screens that lack both.
GAP_BETWEEN_BREAKPOINTS = (
    ".narrow{display:none}",
    "@media (max-width: 700px){.wide{display:none}.narrow{display:inline}}",
    "@media (min-width: 701px) and (max-width: 900px){.wide{display:none}}",
)
TWO_COPIES = LOGO.format(attrs=' class="wide"') + LOGO.format(attrs=' class="narrow"')


@pytest.mark.parametrize("order", [(0, 1, 2), (0, 2, 1)], ids=["phones first", "gap first"])
def test_a_screen_between_a_pairs_breakpoints_is_named_whatever_the_order_of_the_blocks(order: tuple[int, int, int]) -> None:
    report = check(page(css="".join(GAP_BETWEEN_BREAKPOINTS[i] for i in order), logo=TWO_COPIES))
    assert errors(report) == []
    (warning,) = report.findings
    assert warning.rule == "dcnf/logo"
    assert warning.detail == "it is hidden on the screens that meet @media (min-width: 701px) and (max-width: 900px), and shown on others"


def test_a_narrow_copy_a_later_rule_hides_again_shows_on_no_screen() -> None:
    # `.narrow{display:none}` after the query that shows it wins on phones too (same specificity).
    report = check(page(css="".join(reversed(GAP_BETWEEN_BREAKPOINTS)), logo=TWO_COPIES))
    assert errors(report) == []
    (warning,) = report.findings
    assert warning.detail == "it is hidden on the screens that meet @media (min-width: 701px) and (max-width: 900px), (max-width: 700px), and shown on others"


def test_a_pair_whose_narrow_copy_covers_every_query_hiding_the_wide_one_takes_no_caveat() -> None:
    css = ".narrow{display:none}@media (max-width: 700px){.wide{display:none}.narrow{display:inline}}@media (max-width: 500px){.wide{display:none}}"
    assert check(page(css=css, logo=TWO_COPIES)).findings == ()


def test_a_lone_credit_hidden_under_two_queries_names_both() -> None:
    css = "@media (max-width: 600px){.byline{display:none}}@media (orientation: portrait){.byline{display:none}}"
    report = check(page(css=css, byline=BYLINE.format(attrs=' class="byline"')))
    assert errors(report) == []
    (warning,) = [f for f in report.findings if f.rule == "dcnf/byline"]
    assert warning.detail == "it is hidden on the screens that meet @media (max-width: 600px), (orientation: portrait), and shown on others"


def test_the_readme_names_the_screens_between_breakpoints_as_printed() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    report = check(page(css="".join(GAP_BETWEEN_BREAKPOINTS), logo=TWO_COPIES))
    (warning,) = report.findings
    assert "the screens that meet @media (min-width: 701px) and (max-width: 900px) do not show it" in warning.message
    assert '"the screens that meet @media (min-width: 701px) and (max-width: 900px) do not show it"' in readme
    assert "`(max-width: 600px), (orientation: portrait)`" in readme
