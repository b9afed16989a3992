"""A box that holds one image, placed above the page (a fixed box above or below the screen, or an
absolutely positioned one placed from the page), by more than it can be tall: the image's height on
one line, which is at most the image and one line of the box's font, with the box's paddings,
borders and a browser's top margin (`visibility._image_box_height`). `<div
style="position:fixed;top:-500px"><img width=300 height=60></div>` leaves no logo on any screen.
Each row is checked in Chromium too (tests/test_browser.py): no ink of the hidden ones on a narrow
or a wide screen, some of the others."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.test_hiding_families import LOGO_ALT, LOGO_SRC, dcnf, logo_hidden

# The logo, its picture's address in `{src}`.
IMAGE = f"<img id=it src={{src}} width=300 height=60 {LOGO_ALT}>"

# The markup around the logo (the logo in `{}`) → whether the checker calls it hidden.
IMAGE_BOXES = {
    '<div style="position:fixed;top:-500px">{}</div>': True,
    '<figure style="position:fixed;top:-500px;margin:0">{}</figure>': True,
    '<figure style="position:fixed;top:-500px">{}</figure>': True,
    '<div style="position:fixed;top:-200px"><a href="/">{}</a></div>': True,
    '<div style="position:fixed;top:-120px;line-height:1">{}</div>': True,
    '<div style="position:fixed;bottom:-150px">{}</div>': True,
    '<div style="position:absolute;top:-200px">{}</div>': True,
    "<style>.lw{{position:fixed;top:-300px;padding:20px}} .lw img{{height:50px}}</style><div class=lw>{}</div>": True,
    # Near misses: the image reaches back onto the screen, or is sized, scaled or joined by text.
    '<div style="position:fixed;top:-50px">{}</div>': False,
    '<div style="position:fixed;top:-100px;padding-top:60px">{}</div>': False,
    '<div style="position:fixed;top:-150px;margin-top:100px">{}</div>': False,
    '<div style="position:fixed;top:-500px;scale:20">{}</div>': False,
    "<style>.lw{{position:fixed;top:-500px}} .lw img{{height:600px}}</style><div class=lw>{}</div>": False,
    "<style>.lw{{position:fixed;top:-500px}} .lw img{{width:3000px;height:auto}}</style><div class=lw>{}</div>": False,
}


@pytest.mark.parametrize("markup", sorted(IMAGE_BOXES))
def test_a_box_of_one_image_placed_above_the_screen_by_more_than_it_can_be_tall_is_hidden(markup: str) -> None:
    logo = IMAGE.format(src=LOGO_SRC)
    assert logo_hidden(dcnf(logo=markup.format(logo))) is IMAGE_BOXES[markup]


@pytest.mark.parametrize(
    "markup",
    [
        # Text beside the image, a second image, an image in a `<picture>`, or a box inside a
        # transformed one (which it is then placed from) is not bounded here.
        '<div style="position:fixed;top:-90px">{} DCNF</div>',
        '<div style="position:fixed;top:-90px">{}{}</div>',
        '<div style="position:fixed;top:-90px"><picture>{}</picture></div>',
        '<div style="transform:translateX(0)"><div style="position:fixed;top:-90px">{}</div></div>',
    ],
)
def test_a_box_of_more_than_one_image_is_not_bounded(markup: str) -> None:
    logo = IMAGE.format(src=LOGO_SRC)
    assert not logo_hidden(dcnf(logo=markup.format(logo, logo)))


def test_the_readme_example_of_a_box_of_one_image_is_judged_as_it_says() -> None:
    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    assert '`<div style="position:fixed;top:-500px"><img width=300 height=60></div>`' in section
    assert logo_hidden(dcnf(logo=f'<div style="position:fixed;top:-500px"><img src={LOGO_SRC} width=300 height=60 {LOGO_ALT}></div>'))
