"""What is painted over an element (`paint_order`): read only on pages whose CSS names a negative
`z-index` or an absolute position, and then on few boxes."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from compliance.document import paint_order
from compliance.document.visibility import PageStyle


def _painted(markup: str) -> list[str]:
    root = lxml.html.fromstring(f"<!doctype html><html><body>{markup}</body></html>")
    return sorted(element.get("id") or element.tag for element in PageStyle.of(root).painted_over)


def test_a_page_whose_css_names_neither_trigger_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("read without a trigger")

    monkeypatch.setattr(paint_order, "_Reader", refuse)
    assert _painted('<style>p{position:relative;z-index:2}</style><div style="background:#fff"><p>By Maria Lopez</p></div>') == []


def test_what_a_cover_paints_over_is_each_box_beside_it_whole() -> None:
    markup = '<div style="position:relative"><p id=a>By <b>Maria</b></p><p id=b>x</p><i style="position:absolute;inset:0;background:#fff"></i></div>'
    assert _painted(markup) == ["a", "b"]


def test_a_box_positioned_above_the_cover_leaves_what_is_beside_it_painted_over() -> None:
    markup = (
        '<div style="position:relative"><div id=w><p id=a>By Maria</p><p style="position:relative;z-index:1">x</p></div>'
        '<i style="position:absolute;inset:0;background:#fff"></i></div>'
    )
    assert _painted(markup) == ["a"]


def test_the_box_of_a_negative_z_index_is_painted_over_whole() -> None:
    assert _painted('<div style="background:#fff"><p id=a style="position:relative;z-index:-1">By <b>Maria</b></p></div>') == ["a"]


def test_what_a_cover_paints_over_is_read_however_deep_it_is_nested() -> None:
    # Read from the leaves up without recursion: 3,000 levels are past Python's recursion limit.
    from compliance.document import parse_document

    deep = "<div>" * 1500 + "<p id=by>By Maria Lopez</p>" + "</div>" * 1500
    markup = f'<div style="position:relative"><div id=outer>{deep}</div><div style="position:absolute;inset:0;background:#fff"></div></div>'
    root = parse_document(f"<!doctype html><html><body>{markup}</body></html>".encode(), "html").root
    assert len(list(root.iter("div"))) > 1500  # the page as the checker reads it, nested that deep
    assert [element.get("id") for element in PageStyle.of(root).painted_over] == ["outer"]


def test_only_the_first_covers_of_a_page_are_read() -> None:
    cover = '<div style="position:absolute;inset:0;background:#fff"></div>'
    boxes = "".join(f'<div style="position:relative"><p id=p{n}>Paragraph {n}</p>{cover}</div>' for n in range(paint_order._MOST_COVERS + 5))
    assert _painted(boxes) == sorted(f"p{n}" for n in range(paint_order._MOST_COVERS))


def test_a_cover_painted_by_a_custom_property_is_read_with_its_value() -> None:
    cover = '<i id=c style="position:absolute;inset:0;background:var(--paper)"></i>'
    assert _painted(f'<style>:root{{--paper:#fff}}</style><div style="position:relative"><p id=a>By Maria</p>{cover}</div>') == ["a"]
    assert _painted(f'<style>:root{{--paper:#fff0}}</style><div style="position:relative"><p id=a>By Maria</p>{cover}</div>') == []


def test_a_custom_property_some_screens_set_otherwise_leaves_its_cover_unread() -> None:
    # Narrow screens see the byline through a transparent cover: it is not hidden from them all.
    css = "<style>:root{--paper:#fff} @media (max-width:600px){:root{--paper:transparent}}</style>"
    assert _painted(f'{css}<div style="position:relative"><p id=a>By Maria</p><i style="position:absolute;inset:0;background:var(--paper)"></i></div>') == []


def test_custom_properties_are_read_only_for_a_cover_painted_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("custom properties read for a cover of a plain colour")

    monkeypatch.setattr(paint_order, "variables_filled_from", refuse)
    cover = '<i style="position:absolute;inset:0;background:#fff"></i>'
    markup = f'<style>:root{{--paper:#fff}}</style><div style="position:relative"><p id=a>By Maria</p>{cover}</div>'
    assert _painted(markup) == ["a"]


def test_what_an_after_paints_over_is_each_box_before_it_in_its_block() -> None:
    # Not its own element (the `::after` is part of it), nor one positioned later at its level.
    css = "<style>.w{position:relative} a::after{content:'';position:absolute;inset:0;background:#fff}</style>"
    assert _painted(f'{css}<div class=w><p id=a>By Maria</p><a id=l href="#x">More</a><p id=b style="position:relative">x</p></div>') == ["a"]


@pytest.mark.parametrize(
    "rule",
    [
        # Narrow screens see the byline: it is not hidden from every reader.
        "@media (max-width:600px){.w::after{content:none}}",
        "@media (max-width:600px){.w::after{background:none}}",
        # Rules for it in a layer or a scope are not matched here.
        "@layer a{.w::after{content:none}}",
        "@scope (.w){:scope::after{background:none}}",
    ],
)
def test_a_pseudo_element_some_rule_not_read_here_may_style_is_not_read_as_a_cover(rule: str) -> None:
    css = f"<style>.w{{position:relative}} .w::after{{content:'';position:absolute;inset:0;background:#fff}} {rule}</style>"
    assert _painted(f"{css}<div class=w><p id=a>By Maria</p></div>") == []


def test_the_content_of_a_pseudo_element_is_read_only_when_it_may_cover_its_block(monkeypatch: pytest.MonkeyPatch) -> None:
    # A link's overlay (no background) is common; the page's CSS is parsed again only for one that paints.
    def refuse(*_: object) -> None:
        raise AssertionError("the content of a pseudo-element that covers nothing was read")

    monkeypatch.setattr(paint_order, "pseudo_boxes", refuse)
    css = "<style>.w{position:relative} a::after{content:'';position:absolute;inset:0} p::before{content:'›';color:red}</style>"
    assert _painted(f'{css}<div class=w><p id=a>By Maria</p><a href="#x">More</a></div>') == []


def _own_text_painted(markup: str) -> list[str]:
    root = lxml.html.fromstring(f"<!doctype html><html><body>{markup}</body></html>")
    return sorted(element.get("id") or element.tag for element in PageStyle.of(root).text_painted_over)


def test_a_cover_paints_over_the_own_text_of_its_block_and_of_the_boxes_between() -> None:
    cover = '<i style="position:absolute;inset:0;background:#fff"></i>'
    markup = f'<div id=block style="position:relative">Intro <div id=between>By Maria<p id=p>x</p>{cover}</div></div>'
    assert _own_text_painted(markup) == ["between", "block"]
    assert _painted(markup) == ["p"]


def test_a_box_with_no_text_of_its_own_is_not_among_those_whose_text_is_painted_over() -> None:
    markup = '<div id=block style="position:relative"> <p id=p>By Maria</p> <i style="position:absolute;inset:0;background:#fff"></i></div>'
    assert (_own_text_painted(markup), _painted(markup)) == ([], ["p"])


def test_own_text_wider_than_its_block_is_not_painted_over() -> None:
    # 30 characters read one em each: 480px, in a box 200px wide that does not clip them.
    cover = '<i style="position:absolute;inset:0;background:#fff"></i>'
    markup = f'<div id=block style="position:relative;width:200px;white-space:nowrap">By Maria Lopez of the Hartford Courant{cover}</div>'
    assert _own_text_painted(markup) == []
    assert _own_text_painted(markup.replace("white-space:nowrap", "overflow:hidden;white-space:nowrap")) == ["block"]


def test_an_inline_block_is_the_block_a_cover_fills() -> None:
    cover = '<i style="position:absolute;inset:0;background:#fff"></i>'
    markup = f'<span id=box style="position:relative;display:inline-block">Por Ana García<b id=img></b>{cover}</span>'
    assert (_own_text_painted(markup), _painted(markup)) == (["box"], ["img"])
    # An inline box on one line is the box of its text, which a cover fills; not one that holds
    # a box of its own (an inline block: its size is not known here).
    inline = markup.replace(";display:inline-block", "")
    assert (_own_text_painted(inline), _painted(inline)) == (["box"], ["img"])
    holding = inline.replace("<b id=img></b>", '<b id=img style="display:inline-block;height:40px"></b>')
    assert (_own_text_painted(holding), _painted(holding)) == ([], [])


_INLINE_COVER = '<i style="position:absolute;inset:0;background:#fff"></i>'


@pytest.mark.parametrize(
    ("markup", "covered"),
    [
        # What comes before it on its line counts: it fits the 600px an unsized column is given,
        # or the width set on its block, at one em a character.
        (f"<p>Filed Monday. <span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span> reports.</p>", ["s"]),
        (f"<p>Filed<br>Monday <em>late</em>: <span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>", ["s"]),
        (f'<p style="width:300px;font-size:10px">Filed Monday. <span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>', ["s"]),
        (f'<p style="width:300px">Filed Monday. <span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>', []),
        (f"<p>{'Filed Monday from the statehouse. ' * 2}<span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>", []),
        # What may widen the line before it, or wrap it: a picture, spacing, a break inside it.
        (f"<p><img src=a.png> <span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>", []),
        (f'<p><b style="padding-left:900px">Filed</b> <span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>', []),
        (f'<p style="text-indent:900px"><span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>', []),
        (f"<p><span id=s style=position:relative>Maria<br>Lopez{_INLINE_COVER}</span></p>", []),
        # Text raised on the line, or spaced, by what the checker does not read on a box.
        (f'<p><span id=s style=position:relative><b style="vertical-align:super">Maria Lopez</b>{_INLINE_COVER}</span></p>', []),
        (f"<style>.w{{vertical-align:8px}}</style><p><span id=s style=position:relative><b class=w>Maria</b> Lopez{_INLINE_COVER}</span></p>", []),
        (f'<p style="word-spacing:900px"><span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>', []),
        # Laid out otherwise: an item of a flex container is a block; a cover not its child.
        (f'<p style="display:flex"><span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span></p>', []),
        (f"<p><span id=s style=position:relative>Maria Lopez<b>{_INLINE_COVER}</b></span></p>", []),
    ],
)
def test_a_cover_of_an_inline_box_paints_over_its_text_when_it_is_on_one_line(markup: str, covered: list[str]) -> None:
    assert _own_text_painted(markup) == covered


def test_the_line_of_an_inline_box_is_read_up_to_its_end_not_all_its_block_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    cascade = paint_order._Reader.cascade

    def counted(self: paint_order._Reader, elements: Any, *names: Any) -> paint_order.Cascade:
        elements = set(elements)
        read.append(sum(1 for element in elements if element.get("class") == "after"))
        return cascade(self, elements, *names)

    monkeypatch.setattr(paint_order._Reader, "cascade", counted)
    after = '<b class="after">x</b>' * 500
    markup = f"<p>Filed <span id=s style=position:relative>Maria Lopez{_INLINE_COVER}</span>{after}</p>"
    assert _own_text_painted(markup) == ["s"]
    assert read and max(read) == 0


# A cover over the top of a positioned article, as republishers write it (the article's
# `position: relative`, the cover first in it) → what it paints over. Only a cover that fills
# the article is read: one of a fixed height covers what the layout puts under it, which the
# checker does not lay out, and one whose width is dropped (`100%%`, no value CSS takes) is
# as wide as its content, nothing, in Chromium (it paints over nothing, the byline shows).
TOP_COVERS = {
    "top:0;left:0;width:100%;height:100%": ["by", "h1"],
    "inset:0": ["by", "h1"],
    "top:0;left:0;width:100%%;height:100%": [],
    "top:0;left:0;width:100%%;height:200px": [],
    "top:0;left:0;width:100%;height:200px": [],
    "top:0;left:0;width:100%;height:100%;background:rgb(255 255 255 / 0.5)": [],
}


@pytest.mark.parametrize("cover", sorted(TOP_COVERS))
def test_a_cover_over_the_top_of_the_article_is_read_only_when_it_fills_it(cover: str) -> None:
    markup = (
        f"<style>article{{position:relative}} .cover{{position:absolute;background:#fff;{cover}}}</style>"
        '<article><div class="cover"></div><h1 id=h1>Water mains</h1><p id=by>By Jake Smith</p></article>'
    )
    assert _painted(markup) == TOP_COVERS[cover]
