"""Declarative shadow DOM (`<template shadowrootmode>`) and inline SVG text, read as Chromium
renders them: a shadow root's content shows in place of its host's children, which show only
where a `<slot>` takes them; the shadow root's `<style>` styles its own tree, its host (`:host`)
and the children it slots (`::slotted()`), and the page's CSS does not reach into it. The rows are
decided by Chromium in tests/test_browser.py."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from tests.conftest import ROOT
from tests.test_hiding_families import byline_hidden, dcnf

# Markup around a byline (`{}`: its words), and whether a reader sees no byline (True) or sees it.
# `id=it` marks the element whose ink Chromium's screenshot is compared without (the host, where
# the byline is in a shadow root, which the page's `getElementById` does not search).
SHADOW_ROOTS = {
    # The shadow root's content is what renders, open or closed.
    "<div id=it><template shadowrootmode=open><p>{}</p></template></div>": False,
    "<div id=it><template shadowrootmode=closed><p>{}</p></template></div>": False,
    "<section id=it><template shadowrootmode=open><p><b>{}</b></p></template></section>": False,
    # Light-DOM children render only where a <slot> takes them.
    "<div><template shadowrootmode=open><span></span></template><p id=it>{}</p></div>": True,
    "<div><template shadowrootmode=closed><p>Note</p></template><p id=it>{}</p></div>": True,
    "<div><template shadowrootmode=open><slot></slot></template><p id=it>{}</p></div>": False,
    "<div><template shadowrootmode=open><p>Note</p><slot></slot></template><p id=it>{}</p></div>": False,
    "<div><template shadowrootmode=open><slot name=by></slot></template><p slot=by id=it>{}</p></div>": False,
    "<div><template shadowrootmode=open><slot name=by></slot></template><p slot=other id=it>{}</p></div>": True,
    "<div><template shadowrootmode=open><slot name=by></slot></template><p id=it>{}</p></div>": True,
    "<div><template shadowrootmode=open><div style=display:none><slot></slot></div></template><p id=it>{}</p></div>": True,
    "<div><template shadowrootmode=open><slot style=display:none></slot></template><p id=it>{}</p></div>": True,
    # A slot's own content is its fallback, shown only when nothing is slotted into it.
    "<div id=it><template shadowrootmode=open><slot>{}</slot></template></div>": False,
    "<div id=it><template shadowrootmode=open><slot>{}</slot></template><span></span></div>": True,
    # The shadow root's style: `:host`, `::slotted()` and its own tree.
    "<div><template shadowrootmode=open><style>:host{{display:none}}</style><slot></slot></template><p id=it>{}</p></div>": True,
    "<div class=x><template shadowrootmode=open><style>:host(.x){{display:none}}</style><slot></slot></template><p id=it>{}</p></div>": True,
    "<div class=y><template shadowrootmode=open><style>:host(.x){{display:none}}</style><slot></slot></template><p id=it>{}</p></div>": False,
    "<div><template shadowrootmode=open><style>::slotted(*){{display:none}}</style><slot></slot></template><p id=it>{}</p></div>": True,
    "<div><template shadowrootmode=open><style>slot::slotted(p){{visibility:hidden}}</style><slot></slot></template><p id=it>{}</p></div>": True,
    "<div><template shadowrootmode=open><style>::slotted(.other){{display:none}}</style><slot></slot></template><p id=it>{}</p></div>": False,
    "<div id=it><template shadowrootmode=open><style>p{{display:none}}</style><p>{}</p></template></div>": True,
    "<div id=it><template shadowrootmode=open><style>.by{{opacity:0}}</style><p class=by>{}</p></template></div>": True,
    "<div><template shadowrootmode=open><style>p{{display:none}}</style><slot></slot></template><p id=it>{}</p></div>": False,
    # Its colours too: white text, its own or inherited from the host, on the page's white canvas.
    "<div><template shadowrootmode=open><style>:host{{color:#fff}}</style><slot></slot></template><p id=it>{}</p></div>": True,
    "<div><template shadowrootmode=open><style>::slotted(p){{color:white}}</style><slot></slot></template><p id=it>{}</p></div>": True,
    "<div id=it><template shadowrootmode=open><style>p{{color:#fff}}</style><p>{}</p></template></div>": True,
    "<div><template shadowrootmode=open><style>:host{{color:#333}}</style><slot></slot></template><p id=it>{}</p></div>": False,
    "<div id=it><template shadowrootmode=open><style>.x{{color:#fff}}</style><p>{}</p></template></div>": False,
    "<div id=it><template shadowrootmode=open><style>p{{color:#fff;background:#000}}</style><p>{}</p></template></div>": False,
    "<div id=it><template shadowrootmode=open><style>:host{{background:#000}}p{{color:#fff}}</style><p>{}</p></template></div>": False,
    "<style>div.h{{color:#000}}</style><div class=h><template shadowrootmode=open><style>:host{{color:#fff}}</style><slot></slot></template>"
    "<p id=it>{}</p></div>": False,
    # The page's style reaches the host and its light children, not the shadow tree...
    "<style>.by{{display:none}}</style><div id=it><template shadowrootmode=open><p class=by>{}</p></template></div>": False,
    "<style>.h{{display:none}}</style><div class=h id=it><template shadowrootmode=open><p>{}</p></template></div>": True,
    "<style>.by{{display:none}}</style><div><template shadowrootmode=open><slot></slot></template><p class=by id=it>{}</p></div>": True,
    # ...and wins over the shadow root's own rules for the host and the slotted children.
    "<style>div.h{{display:block}}</style><div class=h><template shadowrootmode=open><style>:host{{display:none}}</style><slot></slot></template>"
    "<p id=it>{}</p></div>": False,
    "<style>div.h{{display:block}}</style><div class=h><template shadowrootmode=open><style>:host{{display:none!important}}</style><slot></slot>"
    "</template><p id=it>{}</p></div>": True,
    # Inherited properties cross into the shadow tree, and into slotted children from their slot.
    "<div id=it style=visibility:hidden><template shadowrootmode=open><p>{}</p></template></div>": True,
    "<div><template shadowrootmode=open><div style=visibility:hidden><slot></slot></div></template><p id=it>{}</p></div>": True,
    # Not a shadow root: a template of no mode, of another mode, of the older `shadowroot`
    # attribute (no longer read), or in an element that cannot host one (a link) is inert.
    "<div id=it><template shadowrootmode=sideways><p>{}</p></template></div>": True,
    "<div id=it><template shadowroot=open><p>{}</p></template></div>": True,
    "<div><template shadowroot=open><span></span></template><p id=it>{}</p></div>": False,
    "<a href=#x id=it><template shadowrootmode=open><span>{}</span></template></a>": True,
    "<a href=#x><template shadowrootmode=open><span></span></template><span id=it>{}</span></a>": False,
}


@pytest.mark.parametrize("markup", sorted(SHADOW_ROOTS))
def test_a_byline_in_or_under_a_shadow_root_is_hidden_as_in_chromium(markup: str) -> None:
    assert byline_hidden(dcnf(byline=markup.format("By Maria Lopez"))) is SHADOW_ROOTS[markup]


# Inline SVG text (`{}`: the byline's words; `id=it` marks the element Chromium's screenshot is
# compared without), and whether a reader sees no byline (True) or sees it.
SVG_TEXT = {
    "<svg width=300 height=30><text id=it x=0 y=20>{}</text></svg>": False,
    "<svg width=300 height=30><text x=0 y=20><tspan id=it>{}</tspan></text></svg>": False,
    '<svg width=300 height=30><a href="https://example.org/"><text id=it x=0 y=20>{}</text></a></svg>': False,
    "<svg width=300 height=30><title>Masthead</title><text id=it x=0 y=20>{}</text></svg>": False,
    "<svg width=300 height=30 fill=none><text id=it x=0 y=20 stroke=black>{}</text></svg>": False,
    "<svg width=300 height=30><text visibility=hidden x=0 y=20><tspan id=it visibility=visible>{}</tspan></text></svg>": False,
    # Hidden by its own or an ancestor's presentation attribute, style attribute or the page's CSS.
    "<svg width=300 height=30><text id=it x=0 y=20 display=none>{}</text></svg>": True,
    '<svg width=300 height=30><text id=it x=0 y=20 style="display:none">{}</text></svg>': True,
    "<style>.s{{display:none}}</style><svg width=300 height=30><text class=s id=it x=0 y=20>{}</text></svg>": True,
    "<svg width=300 height=30><g visibility=hidden><text id=it x=0 y=20>{}</text></g></svg>": True,
    "<svg width=300 height=30><g opacity=0><text id=it x=0 y=20>{}</text></g></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 font-size=0>{}</text></svg>": True,
    '<svg width=300 height=30><text id=it x=0 y=20 style="font-size:0">{}</text></svg>': True,
    "<svg width=300 height=30 fill=none><text id=it x=0 y=20>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=transparent>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill-opacity=0>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=none stroke=black stroke-width=0>{}</text></svg>": True,
    # A fill a reader cannot tell from the white canvas, as HTML text of that colour; a darker
    # one, one on a dark background, or text a stroke outlines shows.
    "<svg width=300 height=30><text id=it x=0 y=20 fill=white>{}</text></svg>": True,
    '<svg width=300 height=30><text id=it x=0 y=20 style="fill:#fff">{}</text></svg>': True,
    "<svg width=300 height=30 fill=#ffffff><text id=it x=0 y=20>{}</text></svg>": True,
    "<style>.by{{fill:#fff}}</style><svg width=300 height=30><text class=by id=it x=0 y=20>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=#777>{}</text></svg>": False,
    '<svg width=300 height=30 style="background:#000"><text id=it x=0 y=20 fill=white>{}</text></svg>': False,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=white stroke=black>{}</text></svg>": False,
    # A shape drawn before the text may be behind it: the background is not known, and white
    # text shows (a credit on a navy banner); a paint of none, an opacity of 0 stays hidden, and
    # a shape drawn after the text, or never drawn in place, is behind nothing.
    "<svg width=300 height=30><rect width=300 height=30 fill=navy /><text id=it x=0 y=20 fill=white>{}</text></svg>": False,
    "<svg width=300 height=30><circle cx=150 cy=15 r=150 fill=teal /><text id=it x=0 y=20 fill=#fff>{}</text></svg>": False,
    "<svg width=300 height=30><g><path d='M0 0H300V30H0z' fill='#123' /></g><text x=0 y=20 fill=none stroke=white><tspan id=it>{}</tspan></text></svg>": False,
    "<svg width=300 height=30><rect width=300 height=30 fill=navy /><text id=it x=0 y=20 fill=none>{}</text></svg>": True,
    "<svg width=300 height=30><rect width=300 height=30 fill=navy /><text id=it x=0 y=20 fill=white opacity=0>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=white>{}</text><rect y=28 width=300 height=2 fill=navy /></svg>": True,
    "<svg width=300 height=30><defs><rect width=300 height=30 fill=navy /></defs><text id=it x=0 y=20 fill=white>{}</text></svg>": True,
    # A dark page or ancestor background a `<style>` rule sets is behind the `<svg>`, as behind HTML text.
    "<style>body{{background:#000}}</style><svg width=300 height=30><text id=it x=0 y=20 fill=white>{}</text></svg>": False,
    "<style>p{{background-color:rgb(20,20,20)}}</style><svg width=300 height=30><text id=it x=0 y=20 fill=none stroke=#fff>{}</text></svg>": False,
    "<style>body{{background:#000}}</style><svg width=300 height=30><text id=it x=0 y=20 fill=black>{}</text></svg>": True,
    "<style>body{{background:#fff}}</style><svg width=300 height=30><text id=it x=0 y=20 fill=white>{}</text></svg>": True,
    # A stroke counts as a fill does: by a colour a reader can tell from the background.
    "<svg width=300 height=30><text id=it x=0 y=20 fill=none stroke=white>{}</text></svg>": True,
    "<svg width=300 height=30 fill=none><text id=it x=0 y=20 stroke=#fff stroke-width=2>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=white stroke=white>{}</text></svg>": True,
    "<svg width=300 height=30 stroke=rgb(255,255,255)><text id=it x=0 y=20 fill=transparent>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=none stroke=black stroke-opacity=0%>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=none stroke=#999>{}</text></svg>": False,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=#333 stroke=white>{}</text></svg>": False,
    '<svg width=300 height=30 style="background:#000"><text id=it x=0 y=20 fill=none stroke=white>{}</text></svg>': False,
    # An opacity in percent, as a number.
    '<svg width=300 height=30><text id=it x=0 y=20 style="fill-opacity:0%">{}</text></svg>': True,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=#000 fill-opacity=50%>{}</text></svg>": False,
    # A `filter` attribute or property naming a filter that clears the alpha, or floods the box.
    "<svg width=300 height=30><filter id=z><feComponentTransfer><feFuncA type=table tableValues='0 0'/></feComponentTransfer></filter>"
    "<text id=it x=0 y=20 filter='url(#z)'>{}</text></svg>": True,
    "<svg width=300 height=30><filter id=z><feComponentTransfer><feFuncA type=table tableValues='0 0'/></feComponentTransfer></filter>"
    "<g filter='url(#z)'><text id=it x=0 y=20>{}</text></g></svg>": True,
    "<svg width=300 height=30><filter id=z><feComponentTransfer><feFuncA type=table tableValues='0 0'/></feComponentTransfer></filter>"
    "<text id=it x=0 y=20 style='filter:url(#z)'>{}</text></svg>": True,
    "<svg width=300 height=30><filter id=z><feFlood flood-color=white /></filter><text id=it x=0 y=20 filter='url(#z)'>{}</text></svg>": True,
    "<svg width=300 height=30><filter id=z><feComponentTransfer><feFuncA type=table tableValues='0 1'/></feComponentTransfer></filter>"
    "<text id=it x=0 y=20 filter='url(#z)'>{}</text></svg>": False,
    "<svg width=300 height=30><text id=it x=0 y=20 filter='url(#missing)'>{}</text></svg>": False,
    # The page's style rules paint it too (a style attribute over a normal rule, an important rule over both).
    "<style>text{{fill:none}}</style><svg width=300 height=30><text id=it x=0 y=20>{}</text></svg>": True,
    "<style>.by{{fill:transparent}}</style><svg width=300 height=30><g class=by><text id=it x=0 y=20>{}</text></g></svg>": True,
    "<style>text{{fill:none}}</style><svg width=300 height=30><text id=it x=0 y=20 fill=black>{}</text></svg>": True,
    '<style>text{{fill:none}}</style><svg width=300 height=30><text id=it x=0 y=20 style="fill:black">{}</text></svg>': False,
    '<style>text{{fill:none !important}}</style><svg width=300 height=30><text id=it x=0 y=20 style="fill:black">{}</text></svg>': True,
    "<style>text{{fill:none;stroke:#000}}</style><svg width=300 height=30><text id=it x=0 y=20>{}</text></svg>": False,
    "<style>svg text.by{{fill:none}}</style><svg width=300 height=30><text id=it x=0 y=20>{}</text></svg>": False,
    # Placed outside the <svg>'s box, which clips it.
    "<svg width=300 height=30><text id=it x=-5000 y=20>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=400 y=20>{}</text></svg>": True,
    "<svg width=300 height=30><text id=it x=0 y=-40>{}</text></svg>": True,
    # Outside the part of the user space a `viewBox` maps into the box (one scale for both axes,
    # the smaller ratio: 1 unit down in 300×20 for `0 0 1 1`, 100 across in 300×30 for `0 0 10 10`).
    '<svg width=300 height=20 viewBox="0 0 1 1"><text id=it x=0 y=15>{}</text></svg>': True,
    "<svg width=300 height=30 viewBox='0,0,100,10'><text id=it x=150 y=8 font-size=8>{}</text></svg>": True,
    '<svg width=300 height=30 viewBox="0 0 150 15"><text id=it x=0 y=40>{}</text></svg>': True,
    '<svg width=300 height=30 viewBox="0 -100 300 30"><text id=it x=0 y=20>{}</text></svg>': True,
    '<svg width=300 height=30 viewBox="0 0 150 15" preserveAspectRatio="xMinYMin slice"><text id=it x=0 y=-10>{}</text></svg>': True,
    # Near-misses: inside it (a `meet` shows more than the viewBox along the wider axis, whatever
    # the alignment), text scaled up from within, a box the page's CSS sizes, a `transform`.
    '<svg width=300 height=30 viewBox="0 0 10 10"><text id=it x=40 y=8 font-size=4>{}</text></svg>': False,
    '<svg width=300 height=30 viewBox="0 0 10 10" preserveAspectRatio="xMinYMid meet"><text id=it x=20 y=8 font-size=4>{}</text></svg>': False,
    '<svg width=300 height=20 viewBox="0 0 1 1"><text id=it x=0 y=0.9 font-size=1>{}</text></svg>': False,
    '<svg width=300 height=30 viewBox="0 -100 300 30"><text id=it x=0 y=-80>{}</text></svg>': False,
    '<svg width=300 height=30 viewBox="0 0 150 15"><text id=it x=0 y=14 font-size=8>{}</text></svg>': False,
    '<svg width=300 height=20 viewBox="0 0 1 1" style="width:20px;height:400px"><text id=it x=0 y=15>{}</text></svg>': False,
    '<style>.wide{{width:20px;height:400px}}</style><svg class=wide width=300 height=20 viewBox="0 0 1 1"><text id=it x=0 y=15>{}</text></svg>': False,
    '<svg width=300 height=20 viewBox="0 0 1 1"><g transform="scale(0.05)"><text id=it x=0 y=15>{}</text></g></svg>': False,
    # Never drawn in place, or in a box that shows nothing.
    "<svg width=300 height=30><defs><text id=it x=0 y=20>{}</text></defs></svg>": True,
    "<svg width=300 height=30><g id=it>{}</g></svg>": True,
    "<svg width=0 height=0><text id=it x=0 y=20>{}</text></svg>": True,
    "<svg width=300 height=30 style=display:none><text id=it x=0 y=20>{}</text></svg>": True,
}


def test_svg_text_stroked_or_filled_in_a_colour_no_reader_tells_from_white_is_hidden() -> None:
    # Near white leaves pixels a screenshot tells apart, not a reader (so not rows of `SVG_TEXT`, which Chromium's ink decides).
    def hidden(text: str) -> bool:
        return byline_hidden(dcnf(byline=f"<p><svg width=300 height=30>{text.format('By Maria Lopez')}</svg></p>"))

    assert hidden("<text x=0 y=20 fill=none stroke=#fafafa>{}</text>")
    assert not hidden("<text x=0 y=20 fill=none stroke=#ddd>{}</text>")
    # A `stroke` written in CSS leaves the canvas unknown (a stroke may paint behind text), so
    # the colour is not judged; a presentation attribute is.
    assert not hidden('<text x=0 y=20 style="fill:none;stroke:#fff">{}</text>')


def test_white_svg_text_after_a_picture_or_on_a_background_the_svg_sets_is_not_judged_hidden() -> None:
    # A picture (not loaded in the browser rows), HTML in a `<foreignObject>` or a shape `<use>`
    # draws may be behind the text; the `<svg>`'s own background is read as an HTML box's.
    def hidden(markup: str, style: str = "") -> bool:
        return byline_hidden(dcnf(byline=f"{style}<p><svg width=300 height=30>{markup}<text x=0 y=20 fill=white>By Maria Lopez</text></svg></p>"))

    assert not hidden('<image href="banner.png" width=300 height=30 />')
    assert not hidden("<foreignObject width=300 height=30><div style='height:30px;background:navy'></div></foreignObject>")
    assert not hidden("<use href='#banner' />")
    assert not hidden("<ellipse cx=150 cy=15 rx=150 ry=15 fill=maroon />")
    assert not hidden("", "<style>svg{background-color:#202020}</style>")
    assert hidden("", "<style>svg{background-color:#fff}</style>")
    assert hidden("<symbol><polygon points='0,0 300,0 300,30' fill=navy /></symbol>")
    assert hidden("<mask id=m><rect width=300 height=30 fill=white /></mask>")


@pytest.mark.parametrize("markup", sorted(SVG_TEXT))
def test_a_byline_drawn_as_svg_text_is_hidden_as_in_chromium(markup: str) -> None:
    assert byline_hidden(dcnf(byline=f"<p>{markup.format('By Maria Lopez')}</p>")) is SVG_TEXT[markup]


# A `currentColor` fill or stroke paints the `color` in force: an SVG presentation attribute,
# a `style` attribute, a page rule, or the HTML text colour the `<svg>` inherits.
SVG_CURRENT_COLOUR = {
    "<svg width=300 height=30><text id=it x=0 y=20 fill=none stroke=currentColor color=white>{}</text></svg>": True,
    "<svg width=300 height=30 color=#fff><text id=it x=0 y=20 fill=currentcolor>{}</text></svg>": True,
    '<svg width=300 height=30><g style="color:rgb(255,255,255)"><text id=it x=0 y=20 fill=CurrentColor>{}</text></g></svg>': True,
    '<span style="color:#fff"><svg width=300 height=30><text id=it x=0 y=20 fill=currentColor>{}</text></svg></span>': True,
    "<style>.mark{{color:#fff}}</style><svg class=mark width=300 height=30><text id=it x=0 y=20 fill=currentColor>{}</text></svg>": True,
    "<svg width=300 height=30 color=white><text id=it x=0 y=20 fill=currentColor color=inherit>{}</text></svg>": True,
    # Near-misses: a colour a reader tells from the page, a stroke of another colour, a nearer
    # `color`, a dark page, a paint that is not `currentColor`.
    "<svg width=300 height=30><text id=it x=0 y=20 fill=currentColor color=navy>{}</text></svg>": False,
    "<svg width=300 height=30 color=white><text id=it x=0 y=20 fill=currentColor stroke=black>{}</text></svg>": False,
    "<svg width=300 height=30 color=white><text id=it x=0 y=20 fill=currentColor color=#333>{}</text></svg>": False,
    "<style>body{{background:#000}}</style><svg width=300 height=30><text id=it x=0 y=20 fill=none stroke=currentColor color=white>{}</text></svg>": False,
    "<svg width=300 height=30 color=white><text id=it x=0 y=20 fill=black>{}</text></svg>": False,
    '<span style="color:#fff"><svg width=300 height=30><text id=it x=0 y=20 fill=#222>{}</text></svg></span>': False,
    "<svg width=300 height=30><text id=it x=0 y=20 fill=currentColor>{}</text></svg>": False,
}


@pytest.mark.parametrize("markup", sorted(SVG_CURRENT_COLOUR))
def test_a_current_colour_paint_is_judged_in_the_colour_in_force(markup: str) -> None:
    assert byline_hidden(dcnf(byline=f"<p>{markup.format('By Maria Lopez')}</p>")) is SVG_CURRENT_COLOUR[markup]


def test_an_svg_link_is_a_link_whose_words_are_its_text() -> None:
    svg = b'<svg width=420 height=22><a href="https://www.texastribune.org/"><text x=0 y=16>The Texas Tribune</text></a></svg>'
    page = b"<html><body><article><h1>Water fund</h1><p>" + svg + b"</p></article></body></html>"
    links = parse_document(page, "html").links
    assert [(link.href, link.visible, link.text) for link in links] == [("https://www.texastribune.org/", True, "The Texas Tribune")]


def test_an_svg_link_whose_text_is_hidden_is_not_seen() -> None:
    svg = b'<svg width=420 height=22><a xlink:href="https://www.texastribune.org/"><text x=0 y=16 fill=none>The Texas Tribune</text></a></svg>'
    page = b"<html><body><article><h1>Water fund</h1><p>" + svg + b"</p></article></body></html>"
    links = parse_document(page, "html").links
    assert [(link.href, link.visible) for link in links] == [("https://www.texastribune.org/", False)]


@pytest.mark.parametrize("block", ["shadow-root-examples", "svg-text-examples"])
def test_the_readme_examples_are_what_the_reader_sees(block: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = readme.split(f"```html {block}\n", 1)[1].split("\n```", 1)[0].splitlines()
    examples = list(zip(lines[::2], lines[1::2], strict=True))
    assert len(examples) >= 5
    for comment, markup in examples:
        expected = comment.removeprefix("<!-- ").split(" the byline", 1)[0]
        assert expected in ("shows", "hides"), comment
        # (An inline <svg> is put in a paragraph of its own, as a byline is written.)
        byline = markup.replace("NAME", "Maria Lopez")
        hidden = byline_hidden(dcnf(byline=f"<p>{byline}</p>" if "<svg" in byline else byline))
        assert hidden is (expected == "hides"), markup


CONVERSATION_COUNTER = '<img src="https://counter.theconversation.com/content/228417/count.gif?distributor=republish-lightbox-basic" width=1 height=1 alt="">'


@pytest.mark.parametrize(
    ("holder", "inert"),
    [
        ("<div><template shadowrootmode=open>{}</template></div>", False),
        ("<div><template shadowrootmode=closed><p>Note</p>{}</template></div>", False),
        ("<template>{}</template>", True),
        ("<div><template shadowroot=open>{}</template></div>", True),
        ("<a href=#x><template shadowrootmode=open>{}</template></a>", True),
        ("<template><div><template shadowrootmode=open>{}</template></div></template>", True),
    ],
)
def test_what_a_shadow_root_holds_loads_as_the_page_does(holder: str, inert: bool) -> None:
    page = f"<html><body><article><h1>Spring runoff</h1><p>Melting snow.</p>{holder.format(CONVERSATION_COUNTER)}</article></body></html>"
    doc = parse_document(page.encode(), "html")
    (counter,) = doc.root.iter("img")
    assert (doc.why_inert(counter) is not None) is inert
