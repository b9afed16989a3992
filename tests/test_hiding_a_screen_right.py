"""A box moved a whole screen right of where it is placed, on a page that does not scroll sideways:
`left: 100vw`, `margin-left: 150vw`, `transform: translateX(100vw)` and `left: 100%` on a box placed
from the page put its left edge at or past the screen's right edge on every screen, whatever its
width, and `overflow-x: hidden` on `<html>` or `<body>` keeps every reader from scrolling to it
(`visibility._a_screen_right`). Each row is checked in Chromium too (tests/test_browser.py): no
ink of the hidden ones on a narrow, a wide or a 2560px screen, scrolled as far right as a reader can,
and some of the others on one of them."""

from __future__ import annotations

import re

import pytest

from compliance.document import offsets
from tests.conftest import ROOT
from tests.test_hiding_families import byline_hidden, dcnf, details, propublica

# What keeps a reader from scrolling sideways (`PageStyle.clips_sideways`).
NO_SIDEWAYS = "<style>html,body{{overflow-x:hidden}}</style>"

# The byline's markup (the byline's words in `{}`) → whether the checker calls it hidden.
A_SCREEN_RIGHT = {
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:100vw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:150vw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:100%">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="position:absolute;inset:0 auto auto 100dvw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:80vw;margin-left:20vw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="position:absolute;right:-100vw;width:300px">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="position:relative;left:100vw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="position:relative;right:-100vw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="margin-left:100vw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="margin:0 0 0 120vw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="transform:translateX(100vw)">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="translate:100svw">{}</p>': True,
    NO_SIDEWAYS + '<p id=it style="transform:translate(60vw, 0) translateX(40vw)">{}</p>': True,
    NO_SIDEWAYS + '<div style="margin-left:-5vw"><p id=it style="position:relative;left:110vw">{}</p></div>': True,
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:5120px">{}</p>': True,
    "<style>.off{{position:absolute;left:100vw}} body{{overflow-x:clip}}</style><p id=it class=off>{}</p>": True,
    # Near misses: on some screen, or moved back by what is around it, or the page scrolls to it.
    # (`right: -100vw` on a box of unknown width is not judged: a short line is off the screen, a
    # long one reaches back onto it.)
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:90vw">{}</p>': False,
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:2000px">{}</p>': False,
    NO_SIDEWAYS + '<p id=it style="position:absolute;left:100vw;margin-left:-30vw">{}</p>': False,
    NO_SIDEWAYS + '<p id=it style="position:absolute;right:-100vw;width:150vw">{}</p>': False,
    NO_SIDEWAYS + '<p id=it style="position:absolute;right:-100vw;width:300px;margin-right:50vw">{}</p>': False,
    NO_SIDEWAYS + '<p id=it style="position:relative;left:100vw;right:0;margin-left:-50vw">{}</p>': False,
    NO_SIDEWAYS + '<p id=it style="transform:translateX(100vw) translateX(-20vw)">{}</p>': False,
    NO_SIDEWAYS + '<div style="margin-left:-50px"><p id=it style="position:relative;left:100vw">{}</p></div>': False,
    NO_SIDEWAYS + '<div style="transform:translateX(-50vw)"><p id=it style="transform:translateX(100vw)">{}</p></div>': False,
    NO_SIDEWAYS + '<div style="position:relative;left:-60vw"><p id=it style="margin-left:100vw">{}</p></div>': False,
    NO_SIDEWAYS + '<div style="display:flex;justify-content:flex-end"><p id=it style="margin-left:100vw">{}</p></div>': False,
    NO_SIDEWAYS + '<div style="direction:rtl"><p id=it style="margin-left:100vw">{}</p></div>': False,
    NO_SIDEWAYS + '<div style="zoom:0.5"><p id=it style="position:relative;left:100vw">{}</p></div>': False,
    NO_SIDEWAYS + '<div style="text-indent:-60vw"><span id=it style="position:relative;left:100vw">{}</span></div>': False,
    '<p id=it style="position:absolute;left:100vw">{}</p>': False,
    '<p id=it style="margin-left:100vw">{}</p>': False,
    '<p id=it style="transform:translateX(150vw)">{}</p>': False,
}


@pytest.mark.parametrize("markup", sorted(A_SCREEN_RIGHT))
def test_a_box_moved_a_whole_screen_right_of_a_page_that_does_not_scroll_sideways_is_hidden(markup: str) -> None:
    assert byline_hidden(dcnf(byline=markup.format("By Maria Lopez"))) is A_SCREEN_RIGHT[markup]


def test_the_readme_names_moves_a_screen_right_as_they_are_judged() -> None:
    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    styles = {
        found.group(1): hidden
        for markup, hidden in A_SCREEN_RIGHT.items()
        if markup.startswith(NO_SIDEWAYS) and (found := re.fullmatch(r'<p id=it style="([^"]+)">\{\}</p>', markup[len(NO_SIDEWAYS) :]))
    }
    named = {style: hidden for style, hidden in styles.items() if f"`{style}`" in section}
    assert named == {
        "position:absolute;left:100vw": True,
        "position:absolute;left:100%": True,
        "margin-left:100vw": True,
        "transform:translateX(100vw)": True,
        "position:absolute;right:-100vw;width:300px": True,
        "position:absolute;left:90vw": False,
        "position:absolute;left:2000px": False,
    }


def test_a_credit_line_moved_a_screen_right_is_reported_with_the_move_that_hides_it() -> None:
    credit = "<style>html,body{{overflow-x:hidden}} .credit{{position:absolute;left:100vw}}</style><p class=credit>{text}</p>"
    found = details(propublica(credit=credit), "propublica", "propublica/credit-line")
    assert found == [
        "no ProPublica credit line anywhere in the article, outside photo captions; the one at line 3 is hidden (the page's CSS sets `left: 100vw` on it)"
    ]


@pytest.mark.parametrize(
    ("left_edge", "past"),
    [
        (offsets.Across(0.0, 1.0), True),
        (offsets.Across(-1.0, 1.0), False),
        (offsets.Across(0.0, 0.9), False),
        (offsets.Across(5120.0, 0.0), True),
        (offsets.Across(5119.0, 0.0), False),
        (offsets.Across(-100.0, 1.5), True),
        (offsets.Across(-200.0, 1.5), False),
    ],
)
def test_a_left_edge_is_past_the_right_edge_only_when_it_is_on_the_narrowest_and_the_widest_screen(left_edge: offsets.Across, past: bool) -> None:
    assert offsets.past_the_right_edge(left_edge) is past


@pytest.mark.parametrize(
    ("byline", "unwrapped"),
    [
        ('<div style="overflow-x:auto"><p id=it style="position:relative;left:100vw">{}</p></div>', '<p id=it style="position:relative;left:100vw">{}</p>'),
        ('<div style="overflow:scroll"><p id=it style="margin-left:100vw">{}</p></div>', '<p id=it style="margin-left:100vw">{}</p>'),
        ('<div class=scroller><p id=it style="transform:translateX(100vw)">{}</p></div>', '<p id=it style="transform:translateX(100vw)">{}</p>'),
    ],
)
def test_a_box_moved_right_inside_a_box_that_scrolls_sideways_is_seen(byline: str, unwrapped: str) -> None:
    # The box around it scrolls: a reader scrolls to what it holds, whatever the page does.
    scroller = "<style>.scroller{overflow-x:auto}</style>"
    assert not byline_hidden(dcnf(head=scroller, byline=(NO_SIDEWAYS + byline).format("By Maria Lopez")))
    assert byline_hidden(dcnf(head=scroller, byline=(NO_SIDEWAYS + unwrapped).format("By Maria Lopez")))
