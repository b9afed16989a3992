"""Boxes moved or shrunk out of sight: text and images drawn smaller than a reader can see by the
scales and zooms in force, judged by the thresholds of font size and image size. Each table's rows
are checked in Chromium too (tests/test_browser.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from compliance.document import content_box
from compliance.document.css import Declaration, parse_style_attribute
from tests.conftest import ROOT
from tests.test_hiding_families import LOGO_ALT, LOGO_SRC, byline_hidden, byline_hidden_both_ways, dcnf, logo_hidden

# --- text shrunk by scales and zooms ---------------------------------------------------------------

# The byline's markup → whether the checker calls it unreadable: the scales and zooms in force,
# multiplied down the tree, times the font size, draw it smaller than 6px (as `font-size: 5px`
# is). Chromium draws the hidden rows smaller than text of `font-size: 6px`, the others no smaller.
SHRUNK_TEXT = {
    '<p style="zoom:0.01">{}</p>': True,
    '<p style="zoom:0.05">{}</p>': True,
    '<p style="zoom:5%">{}</p>': True,
    '<p style="font-size:xx-small;transform:scale(0.05)">{}</p>': True,
    '<p style="font-size:9px;zoom:0.1">{}</p>': True,
    '<p style="scale:0.05">{}</p>': True,
    '<div style="zoom:0.2"><p style="zoom:0.2">{}</p></div>': True,
    '<div style="transform:scale(0.25)"><p style="zoom:0.2">{}</p></div>': True,
    "<style>.by{{zoom:0.05}}</style><p class=by>{}</p>": True,
    "<style>.by{{font-size:8px;zoom:0.1}}</style><p class=by>{}</p>": True,
    "<style>.by{{font-size:8px}}</style><p class=by style=zoom:0.1>{}</p>": True,
    "<style>.by{{transform:scale(0.3)}} .by span{{zoom:0.2}}</style><p class=by><span>{}</span></p>": True,
    # Drawn a few pixels high: too small to read, though more than a dot.
    '<p style="zoom:0.1">{}</p>': True,
    '<p style="transform:scale(0.15)">{}</p>': True,
    '<p style="transform:scale(0.3)">{}</p>': True,
    '<p style="font-size:40px;zoom:0.05">{}</p>': True,
    '<p style="zoom:0.5;font-size:4px">{}</p>': True,
    '<p style="font-size:10px;zoom:0.5">{}</p>': True,
    '<div style="zoom:0.5"><p style="zoom:0.5">{}</p></div>': True,
    "<style>.by{{font-size:24px;zoom:0.1}}</style><p class=by>{}</p>": True,
    "<style>.by{{font-size:10px;transform:scale(0.5)}}</style><p class=by>{}</p>": True,
    # Near misses: drawn 6px high or more, or a shrink a descendant undoes.
    '<p style="zoom:0.4">{}</p>': False,
    '<p style="transform:scale(0.5)">{}</p>': False,
    '<p style="font-size:12px;zoom:0.5">{}</p>': False,
    "<style>.by{{transform:scale(0.5)}}</style><p class=by>{}</p>": False,
    "<style>.by{{font-size:20px;zoom:0.3}}</style><p class=by>{}</p>": False,
    '<p style="zoom:0.05"><span style="zoom:20">{}</span></p>': False,
    '<div style="zoom:0.05"><p style="font-size:400px">{}</p></div>': False,
    '<div style="transform:scale(0.05)"><p style="font-size:10em">{}</p></div>': False,
}


@pytest.mark.parametrize("markup", sorted(SHRUNK_TEXT))
def test_text_shrunk_by_scales_and_zooms_is_judged_by_its_drawn_size(markup: str) -> None:
    assert byline_hidden(dcnf(byline=markup.format("By Maria Lopez"))) is SHRUNK_TEXT[markup]


# An image's attributes or CSS size (`_known_size`) → whether the scales and zooms in force draw
# it 2px or less across or high, as a tiny image is. A logo of no known size is judged by the
# zoom's own threshold (0.002: `css.NEGLIGIBLE_SCALE`), as it may be drawn as wide as the screen.
SHRUNK_LOGOS = {
    ("width=300 height=60", "zoom:0.02"): True,
    ("width=300 height=60", "zoom:0.005"): True,
    ("width=300 height=60", "transform:scale(0.03)"): True,
    ("", "width:300px;height:60px;zoom:0.03"): True,
    ("width=300 height=60", "width:auto;zoom:0.02"): True,
    ("width=120 height=120", "scale:0.01 1"): True,
    # Drawn 3px high: a strip, too small to be seen as a logo (`drawn_too_small`).
    ("width=300 height=60", "zoom:0.05"): True,
    ("width=300 height=60", "transform:scale(0.08)"): True,
    ("width=300 height=60", "zoom:0.1"): False,
    ("width=300 height=60", "zoom:0.1;height:auto"): False,
    ("", "zoom:0.005"): False,
    ("", "width:50%;zoom:0.005"): False,
    ("width=300 height=60", "transform:scale(0.1)"): False,
}


@pytest.mark.parametrize(("attributes", "style"), sorted(SHRUNK_LOGOS))
def test_a_logo_shrunk_by_scales_and_zooms_is_judged_by_its_drawn_size(attributes: str, style: str) -> None:
    hidden = SHRUNK_LOGOS[(attributes, style)]
    assert logo_hidden(dcnf(logo=f'<p><img {attributes} style="{style}" src={LOGO_SRC} {LOGO_ALT}></p>')) is hidden
    assert logo_hidden(dcnf(head=f"<style>.lg{{{style}}}</style>", logo=f"<p><img class=lg {attributes} src={LOGO_SRC} {LOGO_ALT}></p>")) is hidden


def test_a_logo_in_a_zoomed_box_is_judged_by_its_drawn_size() -> None:
    assert logo_hidden(dcnf(logo=f'<p style="zoom:0.1"><img width=300 height=60 style="zoom:0.2" src={LOGO_SRC} {LOGO_ALT}></p>'))
    assert not logo_hidden(dcnf(logo=f'<p style="zoom:0.1"><img width=300 height=60 style="zoom:2" src={LOGO_SRC} {LOGO_ALT}></p>'))


def png_data_url(width: int, height: int, pixel: Callable[[int, int], bytes] | None = None) -> str:
    """A real PNG of that size, opaque (RGB), as a base64 `data:` URL (one Chromium decodes and
    draws): all black, or each pixel's three bytes as `pixel(x, y)` gives them."""
    import base64
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    def row(y: int) -> bytes:
        return b"\x00" + (b"".join(pixel(x, y) for x in range(width)) if pixel else b"\x00\x00\x00" * width)

    rows = b"".join(row(y) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(data).decode()


# A logo inside boxes that shrink it, sized by its attributes, a rule, or its picture's own size
# (`{src}`: a 300×60 PNG as a `data:` URL; `id=it`: the image Chromium measures) → whether the
# scales and zooms in force, the ancestors' with its own, draw it 2px or less across or high.
SHRUNK_LOGOS_INSIDE = {
    ("", '<p style="zoom:0.005"><img id=it width=300 height=60 src="{src}"></p>'): True,
    ("", '<p style="zoom:1%"><img id=it width=300 height=60 src="{src}"></p>'): True,
    (".w{zoom:0.1}", '<div class=w><p style="zoom:0.05"><img id=it width=300 height=60 src="{src}"></p></div>'): True,
    (".lg{width:300px;height:60px}", '<p style="zoom:0.005"><img id=it class=lg src="{src}"></p>'): True,
    ("", '<p style="zoom:0.005"><img id=it src="{src}"></p>'): True,
    ("", '<p><img id=it style="zoom:0.005" src="{src}"></p>'): True,
    ("", '<div style="transform:scale(0.1)"><p style="zoom:0.05"><img id=it width=300 height=60 src="{src}"></p></div>'): True,
    ("", '<p style="zoom:0.05"><img id=it src="{src}"></p>'): True,
    (".lg{width:auto}", '<p style="zoom:0.05"><img id=it class=lg width=20 height=60 src="{src}"></p>'): True,
    # Near misses: drawn 6px high or more, or a shrink the image's own zoom undoes.
    ("", '<p style="zoom:0.5"><img id=it width=200 height=50 src="{src}"></p>'): False,
    ("", '<p style="zoom:0.1"><img id=it src="{src}"></p>'): False,
    ("", '<p style="zoom:0.02"><img id=it height=600 src="{src}"></p>'): False,
    ("", '<p style="zoom:0.005"><img id=it width=300 height=60 style="zoom:200" src="{src}"></p>'): False,
    (".lg{width:auto}", '<p style="zoom:0.1"><img id=it class=lg width=20 height=60 src="{src}"></p>'): False,
}


@pytest.mark.parametrize(("css", "markup"), sorted(SHRUNK_LOGOS_INSIDE))
def test_a_logo_inside_boxes_that_shrink_it_is_judged_by_its_drawn_size(css: str, markup: str) -> None:
    logo = markup.format(src=png_data_url(300, 60)).replace("<img ", f"<img {LOGO_ALT} ")
    assert logo_hidden(dcnf(head=f"<style>{css}</style>", logo=logo)) is SHRUNK_LOGOS_INSIDE[(css, markup)]


def test_a_logo_of_no_known_size_inside_a_zoomed_box_is_not_judged() -> None:
    # A picture not fetched may be drawn at any size: judged by the zoom's own threshold.
    assert not logo_hidden(dcnf(logo=f'<p style="zoom:0.005"><img src={LOGO_SRC} {LOGO_ALT}></p>'))
    assert logo_hidden(dcnf(logo=f'<p style="zoom:0.001"><img src={LOGO_SRC} {LOGO_ALT}></p>'))
    # Sized by a rule some screens meet, it is not judged by that size either.
    media = "<style>@media (min-width:600px){.lg{width:300px;height:60px}}</style>"
    assert not logo_hidden(dcnf(head=media, logo=f'<p style="zoom:0.005"><img class=lg src={LOGO_SRC} {LOGO_ALT}></p>'))


# --- an image's content box ------------------------------------------------------------------------

# A logo's style → whether its paddings and borders leave no content box for its picture
# (`content_box`): under `box-sizing: border-box` its `width` and `height` hold them. Chromium
# draws no picture in the hidden rows, whatever the borders paint, and some in the others.
CONTENT_BOXES = {
    "box-sizing:border-box;width:300px;height:60px;padding:30px 150px": True,
    "box-sizing:border-box;width:300px;height:60px;border:40px solid #fff": True,
    "box-sizing:border-box;width:300px;height:60px;border:30px solid red": True,
    "box-sizing:border-box;width:300px;height:60px;border-style:solid;border-width:0 150px": True,
    "box-sizing:border-box;height:60px;padding-top:30px;padding-bottom:30px": True,
    "box-sizing:border-box;width:300px;height:60px;border:thick double #000;padding:0 146px": True,
    "box-sizing:border-box;width:200px;padding:0 60px;border-left:40px dashed;border-right:41px dotted": True,
    # The same borders set by side, by the four-side longhands, or flow-relative (`border-block`
    # is the top and bottom, `border-inline` the left and right in horizontal text).
    "box-sizing:border-box;width:300px;height:60px;border-top:30px solid;border-bottom:30px solid": True,
    "box-sizing:border-box;width:300px;height:60px;border-style:solid;border-width:30px 0": True,
    "box-sizing:border-box;width:300px;height:60px;border-block:30px solid #fff": True,
    "box-sizing:border-box;width:300px;height:60px;border-inline:150px solid #eee": True,
    "box-sizing:border-box;width:300px;height:60px;border-block-style:solid;border-block-width:20px 40px": True,
    "box-sizing:border-box;width:300px;height:60px;border-block-start:30px solid;border-block-end:30px groove": True,
    "box-sizing:border-box;width:300px;height:60px;padding-block:20px;border-block:10px solid": True,
    "box-sizing:border-box;width:300px;height:60px;border-inline-style:solid;border-inline-start-width:100px;border-inline-end-width:200px": True,
    # Near misses: room left, a border that draws no style, content-box sizing, a minimum size.
    "box-sizing:border-box;width:300px;height:60px;border:40px": False,
    "box-sizing:border-box;width:300px;height:60px;padding:20px 100px": False,
    "width:300px;height:60px;padding:30px 150px": False,
    "box-sizing:border-box;width:300px;height:60px;padding:30px 150px;min-width:400px;min-height:80px": False,
    "box-sizing:border-box;height:60px;padding-top:30px;padding-bottom:1%": False,
    "box-sizing:border-box;width:300px;height:60px;border:30px solid red;border-style:none": False,
    "box-sizing:border-box;width:300px;height:60px;border:30px solid red;border-top:0": False,
    "box-sizing:border-box;width:300px;height:60px;border-block:29px solid #fff": False,
    "box-sizing:border-box;width:300px;height:60px;border-block:30px": False,
    "width:300px;height:60px;border-block:30px solid": False,
    "box-sizing:border-box;width:300px;height:60px;border-inline:140px solid": False,
    "box-sizing:border-box;width:300px;height:60px;border-block-width:30px;border-block-style:solid none": False,
}


@pytest.mark.parametrize("style", sorted(CONTENT_BOXES))
def test_a_logo_whose_paddings_and_borders_fill_its_box_draws_no_picture(style: str) -> None:
    hidden = CONTENT_BOXES[style]
    assert logo_hidden(dcnf(logo=f'<p><img style="{style}" src={LOGO_SRC} {LOGO_ALT}></p>')) is hidden
    assert logo_hidden(dcnf(head=f"<style>.lg{{{style}}}</style>", logo=f"<p><img class=lg src={LOGO_SRC} {LOGO_ALT}></p>")) is hidden
    # Sized by a rule every image meets, as themes write it.
    if hidden:
        head = "<style>*,*::before{box-sizing:border-box} img{padding:0 150px}</style>"
        assert logo_hidden(dcnf(head=head, logo=f"<p><img width=300 style=width:300px src={LOGO_SRC} {LOGO_ALT}></p>"))


# A logo's attributes and style → whether its paddings and borders leave no content box: an
# `<img>`'s `width` and `height` attributes size it where its CSS does not (presentational hints).
ATTRIBUTE_SIZED_BOXES = {
    ('width="120" height="40"', "box-sizing:border-box;padding:20px 60px"): True,
    ('width="120" height="40"', "box-sizing:border-box;border:30px solid #fff"): True,
    ('width="120" height="40"', "box-sizing:border-box;padding:0 60px"): True,
    ('height="40"', "box-sizing:border-box;border-top:20px solid;border-bottom:20px solid"): True,
    ('width="120px" height="40"', "box-sizing:border-box;padding:0 30px;border-inline:30px solid"): True,
    # Room left, or CSS sizes the axis instead (larger, `auto` or a percentage), or no border-box.
    ('width="120" height="40"', "box-sizing:border-box;padding:10px 50px"): False,
    ('width="120" height="40"', "box-sizing:border-box;width:300px;height:90px;padding:20px 60px"): False,
    ('width="120" height="40"', "box-sizing:border-box;width:auto;height:auto;padding:20px 60px"): False,
    ('width="120" height="40"', "box-sizing:border-box;width:50%;height:50%;padding:20px 60px"): False,
    ('width="120" height="40"', "padding:20px 60px"): False,
    ('width="50%"', "box-sizing:border-box;padding:0 60px"): False,
}


@pytest.mark.parametrize(("attributes", "style"), sorted(ATTRIBUTE_SIZED_BOXES))
def test_a_logo_sized_by_its_attributes_with_paddings_and_borders_that_fill_it_draws_no_picture(attributes: str, style: str) -> None:
    hidden = ATTRIBUTE_SIZED_BOXES[(attributes, style)]
    assert logo_hidden(dcnf(logo=f'<p><img {attributes} style="{style}" src={LOGO_SRC} {LOGO_ALT}></p>')) is hidden
    assert logo_hidden(dcnf(head=f"<style>.lg{{{style}}}</style>", logo=f"<p><img {attributes} class=lg src={LOGO_SRC} {LOGO_ALT}></p>")) is hidden


def test_an_amp_image_is_not_sized_by_its_attributes_here() -> None:
    # AMP lays out `<amp-img>` by its `layout` (responsive by default on many themes): not read.
    amp = f'<p><amp-img width="120" height="40" style="box-sizing:border-box;padding:20px 60px" src={LOGO_SRC} {LOGO_ALT}></amp-img></p>'
    assert not logo_hidden(dcnf(logo=amp))


# An image's sizes → whether its paddings and borders are read at all (`content_box.may_be_empty`):
# only an image of `box-sizing: border-box` with a size in px on some axis can be left without a
# content box, and most images have none (`max-width: 100%`, `height: auto`).
MAY_BE_EMPTY = {
    "box-sizing:border-box;width:300px": True,
    "box-sizing:border-box;height:2em": True,
    "box-sizing:border-box;width:50%;height:60px": True,
    "box-sizing:border-box;width:300px;min-width:400px": True,
    "box-sizing:border-box;width:100%;height:auto": False,
    "box-sizing:border-box;max-width:100%": False,
    "box-sizing:border-box;min-width:400px": False,
    "box-sizing:border-box;width:300px;min-width:50%": False,
    "box-sizing:content-box;width:300px;height:60px": False,
    "width:300px;height:60px": False,
}


def _declared(style: str) -> dict[str, Declaration]:
    return {declaration.name: declaration for declaration in parse_style_attribute(style)}


@pytest.mark.parametrize("style", sorted(MAY_BE_EMPTY))
def test_only_an_image_sized_under_border_box_has_its_paddings_and_borders_read(style: str) -> None:
    assert content_box.may_be_empty(_declared(style)) is MAY_BE_EMPTY[style]


@pytest.mark.parametrize("style", sorted(CONTENT_BOXES))
def test_every_image_left_without_a_content_box_is_one_whose_sizes_are_read_further(style: str) -> None:
    declared = _declared(style)
    sizes = {name: declaration for name, declaration in declared.items() if name in content_box.SIZES}
    assert content_box.empty(declared) is CONTENT_BOXES[style]
    assert content_box.may_be_empty(sizes) or not CONTENT_BOXES[style]


# --- boxes placed off the page from any side -------------------------------------------------------

# The byline's style → whether the checker calls it off the page: placed from the far side of a
# screen as large as any (`right`, `bottom` of 5120px or more: `offsets.placed_past_the_far_side`),
# or above the page's top by more than its text can make it tall (`_above_the_page`), or moved by
# `right` or `bottom` as a relatively positioned box, or a whole viewport from the far side in
# viewport units (`right: 100vw`; a `bottom` where the containing block is the screen's, as a
# `bottom` in px). Chromium, on a 1280×800 screen, leaves no ink
# of the hidden ones and some of the others (tests/test_browser.py checks).
FAR_OFFSETS = {
    "position:absolute;right:9999px": True,
    "position:absolute;bottom:99999px": True,
    "position:fixed;right:6000px": True,
    "position:fixed;bottom:5120px": True,
    "position:absolute;inset:auto 9999px auto auto": True,
    "position:absolute;inset:auto auto 8000px 0": True,
    "position:relative;right:9999px": True,
    "position:relative;bottom:9999px": True,
    "position:absolute;top:-500px": True,
    "position:absolute;top:-130px": True,
    "position:fixed;top:-200px": True,
    # A fixed line below the screen's bottom edge, which no scrolling moves.
    "position:fixed;bottom:-60px": True,
    "position:fixed;bottom:-10px": False,
    "position:absolute;inset:-300px auto auto 0": True,
    "position:absolute;top:-300px;line-height:2": True,
    "position:absolute;top:-500px;font-size:24px": True,
    "position:absolute;top:-20em": True,
    # A whole viewport from the far side, in its axis's viewport units: the far edge is at the
    # screen's near edge or past it on every screen (a containing block's right edge is on it).
    "position:absolute;right:100vw": True,
    "position:fixed;right:100vw": True,
    "position:absolute;bottom:100vh": True,
    "position:fixed;bottom:100dvh": True,
    "position:absolute;inset:auto 100vw auto auto": True,
    "position:absolute;right:100vmax": True,
    "position:absolute;right:120svw;margin-right:10px": True,
    "position:absolute;left:-100vw": True,
    "position:absolute;top:-100vh": True,
    # Near misses: on some screen, placed from the near side, stretched, or pushed back down.
    "position:absolute;right:1000px": False,
    "position:absolute;bottom:500px": False,
    "position:absolute;right:9999px;left:0": False,
    "position:absolute;right:9999px;margin-right:-9500px": False,
    "position:relative;right:9999px;left:0": False,
    "position:absolute;top:-10px": False,
    "position:absolute;top:-500px;padding-top:520px": False,
    "position:absolute;top:-500px;margin-top:490px": False,
    "position:absolute;top:-500px;transform:translateY(520px)": False,
    "position:absolute;right:99vw": False,
    "position:absolute;right:100vh": False,
    "position:absolute;right:100vw;left:0": False,
    "position:absolute;right:100vw;margin-right:-50vw": False,
    "position:absolute;left:50vw": False,
    "position:absolute;top:10vh": False,
    "position:absolute;right:0": False,
}


@pytest.mark.parametrize("style", sorted(FAR_OFFSETS))
def test_a_box_placed_off_the_page_from_any_side_is_hidden(style: str) -> None:
    hidden = FAR_OFFSETS[style]
    assert byline_hidden_both_ways(style) == (hidden, hidden)


# Every unit of a length is read, wherever lengths are: the small, large and dynamic viewport units
# as the plain ones (at the 1000px screen), the container units as the small viewport units they
# fall back to where no ancestor is a size container, and the font-relative ones of the element's
# font (`cap`, `ic`, `lh`: `normal` line height is about 1.2em) or the root's (`rlh`, `rcap`).
UNITS_OF_EVERY_KIND = {
    "font-size:0.01cqw": True,
    "font-size:0.01cqi": True,
    "font-size:0.01cqmin": True,
    "font-size:0.01svh": True,
    "font-size:0.01dvmax": True,
    "font-size:0.01lvb": True,
    "font-size:0.01cap": True,
    "font-size:0.01ic": True,
    "font-size:0.01lh": True,
    "font-size:0.01rlh": True,
    "font-size:0.01rcap": True,
    "height:0lh;overflow:hidden": True,
    "height:0cqh;overflow:hidden": True,
    "max-height:0cqw;overflow:hidden": True,
    "max-height:0.1svb;overflow:clip": True,
    "margin-left:-500cqw": True,
    "margin-left:-200svw": True,
    "margin-top:-100lvh": True,
    "text-indent:-500cqw;white-space:nowrap": True,
    "text-indent:-200dvi;white-space:nowrap": True,
    "position:absolute;top:-500lvh": True,
    "position:absolute;left:-200cqi": True,
    "transform:translateY(-500dvh)": True,
    "translate:-200svw 0": True,
    "position:absolute;right:100svi": True,
    "position:absolute;bottom:100lvb": True,
    # Near misses: readable sizes, one line's height, and moves that leave the byline on the screen.
    "font-size:2cqw": False,
    "font-size:1.5svh": False,
    "font-size:1cap": False,
    "font-size:0.9rlh": False,
    "height:1lh;overflow:hidden": False,
    "max-height:5cqh;overflow:hidden": False,
    "margin-left:-5svw": False,
    "text-indent:-2cqw;white-space:nowrap": False,
    "position:absolute;top:-1lvh": False,
    "transform:translateY(-1dvh)": False,
    "position:absolute;right:50svi": False,
}


@pytest.mark.parametrize("style", sorted(UNITS_OF_EVERY_KIND))
def test_lengths_in_every_unit_are_read_wherever_lengths_are(style: str) -> None:
    hidden = UNITS_OF_EVERY_KIND[style]
    assert byline_hidden_both_ways(style) == (hidden, hidden)


def test_the_readme_names_units_as_they_are_judged() -> None:
    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    named = {style: hidden for style, hidden in UNITS_OF_EVERY_KIND.items() if f"`{style}`" in section}
    assert named == {
        "font-size:0.01cqw": True,
        "height:0lh;overflow:hidden": True,
        "margin-left:-500cqw": True,
        "transform:translateY(-500dvh)": True,
        "position:absolute;top:-500lvh": True,
        "font-size:2cqw": False,
    }


# Text above the page is judged by how tall it can be at most, whatever width it is laid out in:
# one line per word (per character where lines may break inside words, per CJK character), at
# the font size and line height the page gives it.
TEXT_ABOVE_THE_PAGE = {
    '<p style="position:absolute;top:-500px">By <a href="https://example.com/maria">Maria Lopez</a></p>': True,
    '<p><span style="position:absolute;top:-200px">By Maria Lopez</span></p>': True,
    '<div style="font-size:10px"><p style="position:absolute;top:-100px">By Maria Lopez</p></div>': True,
    '<p style="position:absolute;top:-100px">By Maria Lopez</p>': False,
    '<div style="font-size:40px"><p style="position:absolute;top:-150px">By Maria Lopez</p></div>': False,
    '<div style="line-height:5"><p style="position:absolute;top:-150px">By Maria Lopez</p></div>': False,
    '<div style="word-break:break-all"><p style="position:absolute;top:-200px">By Maria Lopez</p></div>': False,
    '<p style="position:absolute;top:-200px;overflow-wrap:anywhere">By Maria Lopez</p>': False,
    '<p style="position:absolute;top:-300px">記者 山田太郎 By Maria Lopez</p>': False,
    '<p style="position:absolute;top:-500px">By <a class=name href="https://example.com/maria">Maria Lopez</a></p>': False,
    '<p style="position:absolute;top:-500px">By Maria Lopez<span style="display:block;height:600px"></span></p>': False,
    '<h2 style="position:absolute;top:-200px">By Maria Lopez</h2>': False,
    # A `font` shorthand sets the font size and the line height (`normal` where it names none),
    # each where no longhand declared with it wins over it (CSS Fonts 4, 2.8).
    '<div style="font:10px/1.2 serif"><p style="position:absolute;top:-100px">By Maria Lopez</p></div>': True,
    '<div style="font:bold 12px Georgia,serif"><p style="position:absolute;top:-100px">By Maria Lopez</p></div>': True,
    '<div style="font:italic small-caps 700 10px/12px serif"><p style="position:absolute;top:-100px">By Maria Lopez</p></div>': True,
    '<div style="line-height:5;font:10px serif"><p style="position:absolute;top:-100px">By Maria Lopez</p></div>': True,
    '<p style="position:absolute;top:-100px;font:10px/200% serif">By Maria Lopez</p>': True,
    '<p style="position:absolute;top:-90px;font:10px/200% serif">By Maria Lopez</p>': False,
    '<div style="font:40px/1 serif"><p style="position:absolute;top:-150px">By Maria Lopez</p></div>': False,
    '<div style="font:10px/5 serif"><p style="position:absolute;top:-150px">By Maria Lopez</p></div>': False,
    '<div style="font:10px serif;line-height:5"><p style="position:absolute;top:-150px">By Maria Lopez</p></div>': False,
    '<div style="font:caption"><p style="position:absolute;top:-500px">By Maria Lopez</p></div>': False,
    '<div style="font:var(--f)"><p style="position:absolute;top:-500px">By Maria Lopez</p></div>': False,
    "<style>body{{font:18px/1.6 Georgia,serif}} .by{{position:absolute;top:-500px}}</style><p class=by>{}</p>": True,
    # Stretched down to the page's bottom (its text, at its top, is above the page, as Chromium
    # shows; the box is not judged), and placed from a positioned ancestor anywhere down the page.
    '<p style="position:absolute;top:-500px;bottom:0">By Maria Lopez</p>': False,
    '<div style="position:relative"><p style="position:absolute;top:-500px">By Maria Lopez</p></div>': False,
    "<style>.by{{position:absolute;top:-500px}} article{{position:relative}}</style><p class=by>{}</p>": False,
}


@pytest.mark.parametrize("markup", sorted(TEXT_ABOVE_THE_PAGE))
def test_text_above_the_page_is_judged_by_how_tall_it_can_be(markup: str) -> None:
    assert byline_hidden(dcnf(byline=markup.format("By Maria Lopez"))) is TEXT_ABOVE_THE_PAGE[markup]


# --- text painted with its own background ----------------------------------------------------------

# The byline's markup (`{}`: the paragraph's style) → whether the checker calls it unseen: under
# `background-clip: text` with a transparent text colour the glyphs are painted with the
# element's own background, here a colour judged against what is behind the element as a text
# colour is; so is each stop of a gradient that is its one background layer. A picture, or a
# gradient with a stop that shows, behind the glyphs is not judged.
TEXT_OF_ITS_BACKGROUND = {
    "<p id=it style='{}'>By Maria Lopez</p>": {
        "background:#fff;-webkit-background-clip:text;background-clip:text;color:transparent": True,
        "background-color:#fff;-webkit-background-clip:text;-webkit-text-fill-color:transparent": True,
        "background:#000;-webkit-background-clip:text;color:transparent": False,
        "background:linear-gradient(90deg,#fff,#000);-webkit-background-clip:text;color:transparent": False,
        "background:#fff;-webkit-background-clip:text;color:#333": False,
        "background:rgb(0 0 0 / 0.5);-webkit-background-clip:text;color:transparent": False,
        # A gradient every stop of which is the colour behind: the glyphs are that colour.
        "background-image:linear-gradient(#fff,#fff);-webkit-background-clip:text;background-clip:text;-webkit-text-fill-color:transparent": True,
        "background:linear-gradient(to right,#fff,white 50%,rgb(255 255 255));-webkit-background-clip:text;color:transparent": True,
        "background-image:radial-gradient(circle,white 0 40%,hsl(0 0% 100%));background-clip:text;color:transparent": True,
        "background-image:linear-gradient(90deg,#c00,#00c);background-clip:text;color:transparent": False,
        "background-image:linear-gradient(#fff,#fff 50%,#333);-webkit-background-clip:text;color:transparent": False,
        "background-image:linear-gradient(#fff,#fff);-webkit-background-clip:text;color:#333": False,
        # No background at all: the glyphs are painted with nothing.
        "-webkit-background-clip:text;background-clip:text;color:transparent": True,
        "background-clip:text;-webkit-text-fill-color:transparent": True,
        "background-color:transparent;background-clip:text;color:transparent": True,
        "background-clip:text;color:transparent;text-shadow:0 0 1px #000": False,
    },
    "<div style='background:#000'><p id=it style='{}'>By Maria Lopez</p></div>": {
        "background:#000;-webkit-background-clip:text;color:transparent": True,
        "background:#fff;-webkit-background-clip:text;color:transparent": False,
        "background-image:linear-gradient(#000,black);-webkit-background-clip:text;color:transparent": True,
        "background-image:linear-gradient(#fff,#fff);-webkit-background-clip:text;color:transparent": False,
    },
}
TEXT_OF_ITS_BACKGROUND_ROWS = {(markup, style): hidden for markup, styles in TEXT_OF_ITS_BACKGROUND.items() for style, hidden in styles.items()}


@pytest.mark.parametrize(("markup", "style"), sorted(TEXT_OF_ITS_BACKGROUND_ROWS))
def test_text_painted_with_its_own_background_is_judged_by_that_colour(markup: str, style: str) -> None:
    hidden = TEXT_OF_ITS_BACKGROUND_ROWS[(markup, style)]
    assert byline_hidden(dcnf(byline=markup.format(style))) is hidden
    rule = f"<style>.by{{{style}}}</style>"
    assert byline_hidden(dcnf(head=rule, byline=markup.replace("id=it style='{}'", "class=by"))) is hidden


def test_text_inside_a_box_that_clips_no_background_to_its_text_is_unseen_unless_coloured() -> None:
    clipped = "<p style='-webkit-background-clip:text;background-clip:text;color:transparent'>{}</p>"
    assert byline_hidden(dcnf(byline=clipped.format("<b style='font-weight:900'>By Maria Lopez</b>")))
    assert byline_hidden(dcnf(byline=clipped.format("<span><i>By Maria Lopez</i></span>")))
    assert not byline_hidden(dcnf(byline=clipped.format("<b style='color:#333'>By Maria Lopez</b>")))
    # A picture behind the glyphs is not judged (it is not fetched: Chromium here has none to draw).
    assert not byline_hidden(dcnf(byline="<p style='background-clip:text;color:transparent;background-image:url(texture.png)'>By Maria Lopez</p>"))
    # A gradient set by another rule is the element's background all the same.
    rules = "<style>.by{color:transparent;background-clip:text} p.by{background-image:linear-gradient(90deg,#c00,#00c)}</style>"
    assert not byline_hidden(dcnf(head=rules, byline="<p class=by>By Maria Lopez</p>"))


def test_text_painted_with_a_gradient_of_stops_a_reader_cannot_tell_from_the_page_is_unseen() -> None:
    # Chromium paints these glyphs a pixel off white (so `_leaves_ink` sees them); no reader does.
    clipped = "-webkit-background-clip:text;color:transparent"
    assert byline_hidden(dcnf(byline=f"<p style='background:linear-gradient(to right,#fff,#fdfdfd 50%,white);{clipped}'>By Maria Lopez</p>"))
    assert byline_hidden(dcnf(head=f"<style>.by{{background-image:conic-gradient(#fefefe,#fff);{clipped}}}</style>", byline="<p class=by>By Maria Lopez</p>"))
    assert not byline_hidden(dcnf(byline=f"<p style='background-image:linear-gradient(#fff,#ddd);{clipped}'>By Maria Lopez</p>"))


def test_flow_relative_borders_are_not_read_on_a_page_that_may_write_vertically() -> None:
    # In vertical text `border-block` is the left and right borders: 60px of a 300px width.
    style = "box-sizing:border-box;width:300px;height:60px;border-block:30px solid"
    logo = f'<p><img style="{style}" src={LOGO_SRC} {LOGO_ALT}></p>'
    assert logo_hidden(dcnf(logo=logo))
    assert not logo_hidden(dcnf(head="<style>article{writing-mode:vertical-rl}</style>", logo=logo))


def test_a_box_placed_a_viewport_up_from_inside_a_positioned_box_is_not_judged() -> None:
    # Its containing block may be anywhere down the page: `bottom: 100vh` is judged from the page.
    byline = '<div style="position:relative"><p style="position:absolute;bottom:100vh">By Maria Lopez</p></div>'
    assert not byline_hidden(dcnf(byline=byline))
    assert byline_hidden(dcnf(byline=byline.replace("bottom:100vh", "right:100vw")))


# --- pictures the filters in force leave nothing of ------------------------------------------------

# A logo's markup (`{src}`: an opaque 300×60 PNG as a `data:` URL) and a `<style>` → whether the
# filters in force leave nothing of its picture a reader could recognise: one flat colour over
# an opaque picture (a plain rectangle), or a blur of half its smaller side or more. Chromium
# draws two different pictures (stripes a quarter of the height wide, and the same shifted) alike
# or nearly under the hidden rows, and far apart under the others (tests/test_browser.py).
FILTERED_PICTURES = {
    ("", '<p><img id=it style="filter:contrast(0)" src="{src}"></p>'): True,
    ("", '<p><img id=it style="filter:brightness(0)" src="{src}"></p>'): True,
    ("", '<p style="filter:contrast(0)"><img id=it src="{src}"></p>'): True,
    (".lg{-webkit-filter:grayscale(1) contrast(0)}", '<p><img id=it class=lg src="{src}"></p>'): True,
    ("", '<p><img id=it style="filter:blur(30px)" src="{src}"></p>'): True,
    ("", '<p><img id=it width=300 height=60 style="filter:blur(40px)" src="{src}"></p>'): True,
    ("", '<p style="filter:blur(20px)"><img id=it style="filter:blur(25px)" src="{src}"></p>'): True,
    (".lg{filter:blur(2em)}", '<p><img id=it class=lg src="{src}"></p>'): True,
    # Near misses: colours kept apart, a blur too small for the picture, a picture made larger.
    ("", '<p><img id=it style="filter:contrast(0.8)" src="{src}"></p>'): False,
    ("", '<p><img id=it style="filter:grayscale(1)" src="{src}"></p>'): False,
    ("", '<p><img id=it style="filter:invert(1)" src="{src}"></p>'): False,
    ("", '<p><img id=it style="filter:blur(1px)" src="{src}"></p>'): False,
    ("", '<p><img id=it style="filter:blur(20px)" src="{src}"></p>'): False,
    ("", '<p><img id=it width=1200 height=240 style="filter:blur(40px)" src="{src}"></p>'): False,
}


@pytest.mark.parametrize(("css", "markup"), sorted(FILTERED_PICTURES))
def test_a_logo_the_filters_leave_nothing_of_is_no_logo(css: str, markup: str) -> None:
    logo = markup.format(src=png_data_url(300, 60)).replace("<img ", f"<img {LOGO_ALT} ")
    assert logo_hidden(dcnf(head=f"<style>{css}</style>", logo=logo)) is FILTERED_PICTURES[(css, markup)]


def test_a_flat_colour_over_a_picture_that_may_be_transparent_leaves_its_silhouette() -> None:
    # A PNG not fetched may have a transparent background: `contrast(0)` draws its shape in grey.
    assert not logo_hidden(dcnf(logo=f'<p><img style="filter:contrast(0)" src={LOGO_SRC} {LOGO_ALT}></p>'))
    jpeg = f'<p><img style="filter:contrast(0)" src="https://example.com/img/dcnf-logo.JPG?w=300" {LOGO_ALT}></p>'
    assert logo_hidden(dcnf(logo=jpeg))
    # Half the screen the checker assumes smears a picture of no known size.
    assert not logo_hidden(dcnf(logo=f'<p><img style="filter:blur(40px)" src={LOGO_SRC} {LOGO_ALT}></p>'))
    assert logo_hidden(dcnf(logo=f'<p><img style="filter:blur(500px)" src={LOGO_SRC} {LOGO_ALT}></p>'))


# A fixed box is laid out in the screen's width, at least the 320px of WCAG's reflow width: a line of
# credit there is a few lines tall at most, not one word a line, so a fixed box placed a little
# above the screen's top or below its bottom (which no scrolling moves) is off it. What narrows the
# box or widens its text, or a margin that may bring it back, leaves the wider bound.
FIXED_BOXES_OF_TEXT = {
    "position:fixed;top:-150px": True,
    "position:fixed;bottom:-150px": True,
    "position:fixed;top:-150px;margin:0 0 1.2em;padding-left:12px;border-left:3px solid var(--accent)": True,
    "position:fixed;top:-150px;margin-top:100px": False,
    "position:fixed;bottom:-150px;margin-bottom:1em": False,
    "position:fixed;top:-150px;width:40px": False,
    "position:fixed;top:-150px;letter-spacing:1em": False,
    "position:fixed;top:-150px;padding-left:10%": False,
    "position:fixed;top:-30px": False,
    "position:fixed;top:-150px;font:16px/1.2 Arial,sans-serif": True,
    "position:fixed;top:-150px;font:16px/10 serif": False,
    "position:absolute;top:-150px": False,
}


@pytest.mark.parametrize("style", sorted(FIXED_BOXES_OF_TEXT))
def test_a_fixed_credit_line_just_off_the_screen_is_hidden(style: str) -> None:
    from tests.test_hiding_families import details, propublica

    hidden = FIXED_BOXES_OF_TEXT[style]
    found = details(propublica(credit=f'<p style="{style}">{{text}}</p>'), "propublica", "propublica/credit-line")
    side = "bottom" if "bottom" in style else "top"
    expected = (
        f"no ProPublica credit line anywhere in the article, outside photo captions; the one at line 3 is hidden (its `style` attribute sets `{side}: -150px`)"
    )
    assert found == ([expected] if hidden else [])
