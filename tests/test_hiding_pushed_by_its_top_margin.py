"""An image (or another atomic inline box) in a box that clips its overflow, pushed below the box's
bottom by its own top margin: a line box holds the whole margin box of each atomic inline box on it,
however it is aligned (CSS 2.2, 10.8), so the image starts that margin or more below the top of its
line (`flow_clip._pushed_by_its_top_margin`). Each row but those of a box that scrolls is checked
in Chromium too (tests/test_browser.py): the image starts at or below the clipping box's bottom
exactly where the checker calls it hidden."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.test_hiding_families import LOGO_ALT, LOGO_SRC, byline_hidden, dcnf, logo_hidden

# The logo, its picture's address in `{src}` and its own style in `{style}`.
IMAGE = f'<img id=it src={{src}} width=300 height=60 style="{{style}}" {LOGO_ALT}>'

# (The box around the logo, the logo in `{}`; the logo's style) → whether the checker calls it hidden.
PUSHED_BY_ITS_MARGIN = {
    ('<div style="height:60px;overflow:hidden">{}</div>', "margin-top:500px"): True,
    ('<figure style="height:60px;overflow:hidden;margin:0">{}</figure>', "margin-top:60px;vertical-align:top"): True,
    ('<div style="height:60px;overflow-y:clip">Logo: {}</div>', "margin-top:80px;vertical-align:middle"): True,
    ('<div style="height:60px;overflow:hidden"><p style="margin:0;height:20px"></p>{}</div>', "margin:45px 0 0"): True,
    ('<div style="height:40px;overflow:hidden"><span style="display:inline-block;margin-top:100px">{}</span></div>', ""): True,
    ("<style>.lg{{height:60px;overflow:hidden}} .lg img{{margin-top:500px}}</style><div class=lg>{}</div>", ""): True,
    # Near misses: room left in the box, its bottom padding, a relative offset back up, a margin
    # on a box that is not atomic (it moves nothing), a box that scrolls.
    ('<div style="height:60px;overflow:hidden">{}</div>', "margin-top:30px"): False,
    ('<div style="height:60px;padding-bottom:500px;overflow:hidden">{}</div>', "margin-top:500px"): False,
    ('<div style="height:60px;overflow:hidden">{}</div>', "margin-top:500px;position:relative;top:-480px"): False,
    ('<div style="height:60px;overflow:hidden"><span style="margin-top:500px">{}</span></div>', ""): False,
    ('<div style="height:60px;overflow:auto">{}</div>', "margin-top:500px"): False,
}


@pytest.mark.parametrize(("around", "style"), sorted(PUSHED_BY_ITS_MARGIN))
def test_an_image_its_top_margin_pushes_below_a_clipping_box_is_hidden(around: str, style: str) -> None:
    logo = IMAGE.format(src=LOGO_SRC, style=style)
    assert logo_hidden(dcnf(logo=around.format(logo))) is PUSHED_BY_ITS_MARGIN[(around, style)]


def test_the_readme_example_of_an_image_pushed_by_its_margin_is_judged_as_it_says() -> None:
    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    example = '<div style="height:60px;overflow:hidden"><img style="margin-top:500px" width=300 height=60></div>'
    assert f"`{example}`" in section
    assert logo_hidden(dcnf(logo=example.replace("<img ", f"<img src={LOGO_SRC} {LOGO_ALT} ")))


# Lengths in `em` in a box that clips its overflow (the byline's words in `{}`): the box's height
# is at most as many ems of the most its font may be, and a block's top margin at least as many
# of the least (`medium` where no size in px is set: 13px to 16px, `flow_clip._font_range`).
PUSHED_IN_EMS = {
    '<div style="height:1.5em;overflow:hidden"><p style="margin-top:5em">{}</p></div>': True,
    '<div style="height:2em;overflow:hidden;font-size:12px"><p style="margin:3em 0 0">{}</p></div>': True,
    "<style>.w{{height:1.5em;overflow:hidden}} .c{{margin-top:5em}}</style><div class=w><p class=c>{}</p></div>": True,
    '<div style="max-height:1em;overflow:hidden"><div style="height:10px"></div><p style="margin-top:1em">{}</p></div>': True,
    # Near misses: room left in the box, a font that makes the margin small or the box tall.
    '<div style="height:4em;overflow:hidden"><p style="margin-top:2em">{}</p></div>': False,
    '<div style="height:1.5em;overflow:hidden"><p style="margin-top:2em;font-size:8px">{}</p></div>': False,
    '<div style="height:1.5em;overflow:hidden;font-size:40px"><p style="margin-top:1em;font-size:16px">{}</p></div>': False,
}


@pytest.mark.parametrize("markup", sorted(PUSHED_IN_EMS))
def test_a_byline_pushed_below_a_clipping_box_by_lengths_in_ems_is_hidden(markup: str) -> None:
    assert byline_hidden(dcnf(byline=markup.format("By Maria Lopez"))) is PUSHED_IN_EMS[markup]


def test_the_readme_example_of_a_box_in_ems_is_judged_as_it_says() -> None:
    section = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0].split())
    example = '<div style="height:1.5em;overflow:hidden"><p style="margin-top:5em">'
    assert f"`{example}`" in section
    assert PUSHED_IN_EMS[example + "{}</p></div>"] is True
    assert byline_hidden(dcnf(byline=example + "By Maria Lopez</p></div>"))
