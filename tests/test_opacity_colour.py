"""Text faded by `opacity` is judged as the colour it paints: its own colour at the opacity in
force (nested ones multiplied) over the background, by the one threshold text colours are judged
by (`#222` at `opacity: 0.03` paints `#f8f8f8` on white, as hidden as `color: #f8f8f8`); a picture
is lost when no colour it may hold shows at that opacity
(`compliance.document.visibility.faded`, `faded_into_background`)."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

DCNF = next(p for p in load_packs() if p.id == "dcnf")
LOGO = '<img class="logo" src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo" width="120" height="40">'
BYLINE = '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
STORY = "".join(f"<p>Paragraph {n} of the story about the Senate vote and what it means for the states.</p>" for n in range(6))


def _errors(css: str = "", *, byline: str = BYLINE, head: str = "", wrap: str = "") -> list[str]:
    style = f"<style>{css}</style>" if css else ""
    body = f'<p class="lw">{LOGO}</p>{byline}{STORY}'
    if wrap:
        body = f"<div {wrap}>{body}</div>"
    page = f"<!doctype html><html><head><title>Senate</title>{head}{style}</head><body><article><h1>Senate passes bill</h1>{body}</article></body></html>"
    report = check_document(parse_document(page.encode(), "html"), [DCNF], path="article.html", auto_detect=False)
    return sorted(f.rule for f in report.findings if f.severity is Severity.ERROR and f.rule in ("dcnf/byline", "dcnf/logo"))


@pytest.mark.parametrize(
    ("css", "byline"),
    [
        ("body{color:#222;background:#fff} .byline{opacity:0.03}", BYLINE),
        ("body{color:#222;background:#fff} .byline{opacity:5%}", BYLINE),
        ("body{color:#222;background:#fff} article{opacity:0.2} .byline{opacity:0.1}", BYLINE),
        ("body{color:#222;background:#fff} .byline{filter:opacity(4%)}", BYLINE),
        # White text on black fades into the black just the same.
        ("body{color:#fff;background:#000} .byline{opacity:0.04}", BYLINE),
        # A colour set inside the faded box is faded with it.
        ("body{background:#fff} .byline{opacity:0.04} .byline b{color:#000}", '<p class="byline"><b>By Jake Smith, Daily Caller News Foundation</b></p>'),
        # No CSS colour at all: black text on the white canvas.
        ("", '<p class="byline" style="opacity:0.03">By Jake Smith, Daily Caller News Foundation</p>'),
    ],
    ids=["0.03", "5-percent", "nested-0.2-by-0.1", "filter-opacity", "white-on-black", "colour-inside", "canvas-inline"],
)
def test_text_faded_into_its_background_is_hidden(css: str, byline: str) -> None:
    assert _errors(css, byline=byline) == ["dcnf/byline"]


@pytest.mark.parametrize(
    ("css", "head"),
    [
        ("body{color:#222;background:#fff}", ""),
        # #222 at 0.1 paints about #e9e9e9 on white: faint, but read (as `color: #e9e9e9` is).
        ("body{color:#222;background:#fff} .byline{opacity:0.1}", ""),
        ("body{color:#222;background:#fff} article{opacity:0.5} .byline{opacity:0.5}", ""),
        # Red on white keeps its hue when faded: at 0.1 it is still told from white.
        ("body{color:#f00;background:#fff} .byline{opacity:0.1}", ""),
        # Over a background picture the colour behind the text is not known: not judged.
        ("body{color:#222;background:#fff} .byline{opacity:0.03;background:url(paper.png)}", ""),
    ],
    ids=["unfaded", "0.1", "nested-0.25", "red-0.1", "background-picture"],
)
def test_text_faded_but_still_told_from_its_background_is_seen(css: str, head: str) -> None:
    assert _errors(css, head=head) == []


def test_text_of_no_known_colour_under_a_linked_stylesheet_is_not_judged() -> None:
    # The linked sheet (not fetched) may set any colour and background: nothing is decided.
    assert _errors(".byline{opacity:0.03}", head='<link rel="stylesheet" href="/theme.css">') == []


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("body{color:#222;background:#fff} .logo{opacity:0.02}", ["dcnf/logo"]),
        ("body{color:#222;background:#fff} .lw{opacity:0.2} .logo{opacity:0.1}", ["dcnf/logo"]),
        # At 0.05 a black or blue pixel still shows on white.
        ("body{color:#222;background:#fff} .logo{opacity:0.05}", []),
        ("body{color:#222;background:#fff} .logo{opacity:0.02;filter:invert(1)}", []),
    ],
    ids=["0.02", "nested-0.02", "0.05", "filtered-not-judged"],
)
def test_a_logo_faded_into_its_background_is_lost(css: str, expected: list[str]) -> None:
    assert _errors(css) == expected
