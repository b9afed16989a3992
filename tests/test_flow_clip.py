"""What the flow pushes below the bottom of a box that clips its overflow (`flow_clip`): read only
on pages whose CSS names a cut-off `overflow` and a height, and then in the few boxes that clip."""

from __future__ import annotations

import lxml.html
import pytest

from compliance.document import flow_clip
from compliance.document.visibility import PageStyle


def _pushed(markup: str) -> tuple[list[str], list[str], list[str]]:
    root = lxml.html.fromstring(f"<!doctype html><html><body>{markup}</body></html>")
    style = PageStyle.of(root)

    def ids(elements: frozenset[object]) -> list[str]:
        return sorted(element.get("id") or element.tag for element in elements)  # type: ignore[attr-defined]

    return ids(style.painted_over), ids(style.text_painted_over), ids(style.tails_unseen)


def test_a_page_whose_css_names_no_clip_and_height_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("read without a trigger")

    monkeypatch.setattr(flow_clip, "pushed_out", refuse)
    assert _pushed('<div style="overflow:auto;width:20px"><div style="height:40px"></div>By Maria</div>') == ([], [], [])
    assert _pushed('<div style="height:20px"><div style="height:40px"></div>By Maria</div>') == ([], [], [])


def test_what_follows_a_block_as_high_as_the_box_is_below_it_whole() -> None:
    markup = '<div style="overflow:hidden;height:20px"><div id=s style="height:20px"></div>By <b id=b>Maria</b> Lopez<p id=p>x</p></div>'
    assert _pushed(markup) == (["b", "p"], [], ["b", "s"])


def test_a_box_whose_content_starts_below_the_bottom_has_its_own_text_hidden() -> None:
    markup = '<div style="overflow:clip;max-height:10px;height:300px"><div id=d style="padding:12px 0 0">Por Ana García<i id=i>!</i></div></div>'
    assert _pushed(markup) == (["i"], ["d"], [])


def test_what_may_escape_the_clip_or_pull_content_back_is_not_judged() -> None:
    # Placed from outside the clipping box: its text escapes the clip; a negative margin stops the reading.
    escaping = '<div style="overflow:hidden;height:20px"><div style="height:40px"></div><p id=p><span style="position:absolute;top:0">By Maria</span></p></div>'
    assert _pushed(escaping) == ([], ["p"], [])
    assert _pushed(escaping.replace("<p id=p>", "<p id=p>Intro ")) == ([], ["p"], [])
    pulled = '<div style="overflow:hidden;height:20px"><div style="height:40px"></div><p id=p style="margin-top:-30px">By Maria</p></div>'
    assert _pushed(pulled) == ([], [], [])
    moved = '<div style="overflow:hidden;height:20px"><div style="height:40px;transform:translateY(-40px)"></div>By Maria</div>'
    assert _pushed(moved) == ([], [], [])


def test_lengths_not_read_here_count_as_nothing() -> None:
    for spacer in ("height:4em", "height:50%", "height:var(--h)", "height:calc(100% - 10px)"):
        assert _pushed(f'<div style="overflow:hidden;height:20px"><div style="{spacer}"></div>By Maria</div>') == ([], [], []), spacer
    assert _pushed('<div style="overflow:hidden;height:2rem"><div style="height:400px"></div>By Maria</div>') == ([], [], [])
    # A top margin in `em` is not read at 16px: of a 2px font it is 10px, inside a 30px box.
    assert _pushed('<div style="overflow:hidden;height:30px"><p style="margin-top:5em;font-size:2px">By Maria</p></div>') == ([], [], [])


def test_a_clipping_box_sized_in_ems_is_read_at_the_most_its_font_may_be() -> None:
    # At most 2em of a 16px `medium` font: 32px, under the 400px block.
    assert _pushed('<div style="overflow:hidden;height:2em"><div id=s style="height:400px"></div><p id=p>By Maria</p></div>') == (["p"], [], [])
    assert _pushed('<div style="overflow:hidden;height:2em;font-size:300px"><div style="height:400px"></div><p>By Maria</p></div>') == ([], [], [])


def test_border_box_sizing_counts_the_padding_inside_the_height() -> None:
    # 30px high, its 25px of padding inside: 30, not 55 (which would be past a 40px box).
    markup = '<div style="overflow:hidden;height:40px"><div id=s style="box-sizing:border-box;height:30px;padding:25px 0 0"></div><p id=p>x</p></div>'
    assert _pushed(markup) == ([], [], [])
    assert _pushed(markup.replace("box-sizing:border-box;", "")) == (["p"], [], [])


def test_a_block_of_no_height_counts_its_margins_once() -> None:
    # Its 15px top and bottom margins collapse into one: the text is at 15px, inside a 20px box.
    markup = '<div style="overflow:hidden;height:20px"><p id=e style="margin:15px 0"></p>By Maria</div>'
    assert _pushed(markup) == ([], [], [])


def test_a_flow_nested_deeper_than_read_is_not_judged() -> None:
    deep = "<div>" * 60 + '<div style="height:40px"></div>By Maria' + "</div>" * 60
    assert _pushed(f'<div style="overflow:hidden;height:20px">{deep}</div>') == ([], [], [])


def _tails_unseen(markup: str) -> list[str]:
    return _pushed(markup)[2]


@pytest.mark.parametrize(
    ("markup", "tails"),
    [
        # The font and line height a box's text inherits from outside the clipping box are read.
        ('<style>body{line-height:30px}</style><div style="overflow:hidden;height:25px">Updated<br id=b>By Maria</div>', ["b"]),
        ('<style>article{font-size:20px}</style><article><div style="overflow:hidden;height:18px">Updated<br id=b>By Maria</div></article>', ["b"]),
        ('<div style="font-size:10px"><div style="overflow:hidden;height:18px;font-size:2em">Updated<br id=b>By Maria</div></div>', ["b"]),
        ('<div style="line-height:2"><p style="overflow:hidden;height:30px;margin:0;font-size:20px">Filed<br id=b>Por Ana</p></div>', ["b"]),
        # Each line of text counts: two lines of at least 13px in a 25px box.
        ('<div style="overflow:hidden;height:25px">Updated<br id=a>Monday<br id=b>By Maria</div>', ["b"]),
        # A percentage of line height is of the font where it is set, inherited as a length (30px
        # here, for text of 40px, which rises above it by up to 15px: at least 15px down).
        ('<div style="font-size:10px;line-height:300%"><div style="overflow:hidden;height:15px;font-size:40px">A<br id=b>By Maria</div></div>', ["b"]),
    ],
)
def test_lines_of_text_before_a_break_or_a_block_push_what_follows_down(markup: str, tails: list[str]) -> None:
    assert _tails_unseen(markup) == tails


@pytest.mark.parametrize(
    "markup",
    [
        # A font or line height not read here: the `font` shorthand, `rem`, a keyword, `zoom`, a
        # `var()`, a smaller font the browser's own style sheet gives (`<small>`, `<code>`).
        '<div style="overflow:hidden;height:20px;font:30px serif">Updated<br>By Maria</div>',
        '<div style="overflow:hidden;height:20px;font-size:3rem">Updated<br>By Maria</div>',
        '<div style="overflow:hidden;height:20px;font-size:x-large">Updated<br>By Maria</div>',
        '<div style="overflow:hidden;height:20px;zoom:3">Updated<br>By Maria</div>',
        '<div style="overflow:hidden;height:20px;line-height:var(--l)">Updated<br>By Maria</div>',
        '<div style="overflow:hidden;height:20px;line-height:40px"><small>Updated<br>By Maria</small></div>',
        # Text that is not on the line: floated, placed absolutely, not displayed.
        '<div style="overflow:hidden;height:20px;line-height:40px"><b style="float:left">Updated</b><br>By Maria</div>',
        '<div style="overflow:hidden;height:20px;line-height:40px"><b style="position:absolute">Updated</b><br>By Maria</div>',
        '<div style="overflow:hidden;height:20px;line-height:40px"><b style="display:none">Updated</b><br>By Maria</div>',
        # The same with a box of 16px: the glyphs of its second line may start above that (in a
        # font whose ascent and descent make 1.5em; Chromium's default font, of less, hides them).
        '<div style="font-size:10px;line-height:300%"><div style="overflow:hidden;height:16px;font-size:40px">A<br>By Maria</div></div>',
        # A line of its own font and line height, smaller than the box's.
        '<div style="overflow:hidden;height:20px;line-height:40px"><b style="line-height:4px;font-size:4px">Updated</b><br>By Maria</div>',
    ],
)
def test_lines_whose_height_is_not_read_here_count_as_nothing(markup: str) -> None:
    assert _tails_unseen(markup) == []


def test_a_page_whose_before_or_after_may_pull_the_flow_up_is_not_read() -> None:
    # A `::before` with a negative margin brings what follows it back up (not read here).
    markup = '<div class=c style="overflow:hidden;height:20px">Line<br id=a>Line<br id=b>By Maria</div>'
    assert _tails_unseen(markup) == ["b"]
    assert _tails_unseen('<style>.c::before{content:"";display:block;margin-top:-60px}</style>' + markup) == []
    assert _tails_unseen('<style>.c:after{content:"";margin:0 0 calc(1px - 9em)}</style>' + markup) == []
    assert _tails_unseen('<style>.c::before{content:"";margin:0 0 -1px}</style>' + markup) == []
    # A negative margin of another rule, or on the left or right, pulls nothing up.
    assert _tails_unseen('<style>.c::before{content:"";margin-top:6px}.sr-only{margin:-1px}</style>' + markup) == ["b"]
    assert _tails_unseen('<style>.c::before{content:"";display:block;margin-top:6px}</style>' + markup) == ["b"]
    assert _tails_unseen('<style>.c::before{content:"";margin:0 -15px;margin-left:-1em}</style>' + markup) == ["b"]
    assert _tails_unseen('<style>.c::after{content:"";margin:0 -15px 0 -15px}</style>' + markup) == ["b"]
