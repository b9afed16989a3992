"""A story deep inside nested elements costs in proportion to the page: the walks up from its
blocks (is this byline in another story's teaser? is this block in a widget beside the story?)
read each element once, not once for every ancestor a block has. A story 10,000 `<div>`s deep
was read 512 times over (every ancestor below the browser's depth limit held it all)."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.checks import story
from compliance.document import bylines, parse_document

_STORY = "<p>By Jane Doe, Daily Caller News Foundation</p><p>Lawmakers met on Tuesday to talk about the budget.</p>"
# The same story inside many kinds of nesting: blocks, lists, tables, sections, inline elements.
_WRAPPERS = {
    "divs": ("<div>", "</div>"),
    "list items": ("<ul><li>", "</li></ul>"),
    "table cells": ("<table><tr><td>", "</td></tr></table>"),
    "sections with classes": ("<section class='wrap'>", "</section>"),
    "spans": ("<span>", "</span>"),
    "emphasis": ("<em>", "</em>"),
}


def _nested(wrapper: tuple[str, str], depth: int) -> str:
    return wrapper[0] * depth + _STORY + wrapper[1] * depth


def _elements_read(html: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, Any]:
    """How many elements the teaser test read whole to count their words, how many the page has,
    and the page's bylines."""
    read = [0]
    counting = bylines._words_up_to_limit

    def counted(element: Any) -> int:
        read[0] += sum(1 for _ in element.iter())
        return counting(element)

    monkeypatch.setattr(bylines, "_words_up_to_limit", counted)
    doc = parse_document(html.encode(), "html")
    found = doc.bylines
    bylines.teaser_blocks(doc)
    return read[0], sum(1 for _ in doc.root.iter()), found


@pytest.mark.parametrize("wrapper", list(_WRAPPERS.values()), ids=list(_WRAPPERS))
def test_the_words_of_a_deep_storys_ancestors_are_read_once(wrapper: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for depth in (2_000, 4_000):
        read, elements, found = _elements_read(_nested(wrapper, depth), monkeypatch)
        # Each element is read at most once by each of the two walks (the bylines', the teasers');
        # before, each of the 512 ancestors read all of the page below it.
        assert read <= 2 * elements, (depth, read, elements)
        assert [name for byline in found for name in byline.names] == ["Jane Doe"]


_PAGES = [
    "<div><div><p>By Sam Li</p></div><div><!-- a note -->tail words<span>one two</span> three</div></div>",
    "<article><h2>Flood plan</h2>" + "<div><p>" + "word " * 50 + "</p><p>" + "more " * 40 + "</p></div>" * 3 + "</article>",
    "<ul>" + "<li><a href='/x'>Flood plan stalls again</a> <b>By</b> Maria <i>Gomez</i></li>" * 30 + "</ul>",
    "<div>" * 40 + "<p>" + "a b c " * 30 + "</p>" + "<span></span>" * 100 + "</div>" * 40,
]


@pytest.mark.parametrize("page", _PAGES)
def test_the_counted_words_are_those_of_the_elements_text(page: str) -> None:
    doc = parse_document(f"<html><body><h1>Rates rise</h1>{page}</body></html>".encode(), "html")
    elements = [element for element in doc.root.iter() if isinstance(element.tag, str)]
    expected = [bylines._is_short([element]) for element in elements]
    assert any(expected)
    # Asked from the leaves up (as the walks ask), and from the root down (nothing counted before).
    for order in (elements[::-1], elements):
        zone = bylines._zone(doc.blocks, doc.headline, doc.article_root)
        answers = {id(element): bylines._is_short_element(element, zone) for element in order}
        assert [answers[id(element)] for element in elements] == expected


_WIDGET = "<div class=pane><h3>Thanks!</h3><p>Now check your email.</p><p>Loading</p><p>Send</p></div>"
_BODY = "".join(f"<p>Paragraph {n}: the state's regulators approved the rate plan after a long hearing.</p>" for n in range(5))


@pytest.mark.parametrize("wrapper", [("<div>", "</div>"), ("<section class='wrap'>", "</section>"), ("<div><div class=inner>", "</div></div>")])
@pytest.mark.parametrize("widget", [_WIDGET, ""], ids=["with a widget", "without"])
def test_the_widgets_beside_a_deep_story_are_those_beside_a_shallow_one(wrapper: tuple[str, str], widget: str) -> None:
    found = []
    for depth in (1, 200):
        page = f"<html><body><article><h1>Rates</h1>{wrapper[0] * depth}<div class=text>{_BODY}</div>{widget}{wrapper[1] * depth}</article></body></html>"
        found.append(sorted(str(node.get("class")) for node in story._widgets_beside_story(parse_document(page.encode(), "html"))))
    # The headline beside the story's container is one too (no running text), at any depth.
    assert found[0] == found[1] == (["None", "pane"] if widget else ["None"])
