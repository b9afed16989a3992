"""Media query lists whose queries together hold on every screen (compliance.document.media_queries)."""

from __future__ import annotations

import pytest

from compliance.document.media_queries import ALWAYS, NEVER, SOMETIMES, screens_meeting
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
        ("(prefers-color-scheme: dark)", SOMETIMES),
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
