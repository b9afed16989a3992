"""Declarative shadow DOM (`<template shadowrootmode>`) and inline SVG text, read as Chromium
renders them: a shadow root's content shows in place of its host's children, which show only
where a `<slot>` takes them; the shadow root's `<style>` styles its own tree, its host (`:host`)
and the children it slots (`::slotted()`), and the page's CSS does not reach into it. The rows are
decided by Chromium in tests/test_browser.py."""

from __future__ import annotations

import pytest

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
