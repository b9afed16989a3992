"""Media query lists whose queries together hold on every screen, or on most readers' screens
(compliance.document.media_queries)."""

from __future__ import annotations

import pytest

from compliance.document.media_queries import ALWAYS, FEW, MOST, NEVER, SOMETIMES, screens_meeting
from tests.test_visibility import LOGO, check, errors, page


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
        ("(prefers-color-scheme: 1)", SOMETIMES),
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
}


@pytest.mark.parametrize(("css", "hidden"), MEDIA_HIDING.items())
def test_a_rule_for_most_readers_screens_hides_the_logo(css: str, hidden: bool) -> None:
    assert ("dcnf/logo" in errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"'))))) is hidden


@pytest.mark.parametrize("query", ["(color)", "(scripting: enabled)", "not all and (monochrome)", "(prefers-color-scheme: light)"])
def test_a_style_block_for_most_readers_hides_the_byline(query: str) -> None:
    # A `<style media>` is read as an `@media` block around its rules.
    data = page(css="").replace(b"</head>", f'<style media="{query}">.byline{{display:none}}</style></head>'.encode())
    assert "dcnf/byline" in errors(check(data))
