"""A logo painted as a box's background, read as Chromium paints it: a picture given by a custom
property (`var()`, its fallback, one inherited from an ancestor) is the picture painted, and one
placed wholly outside the box by `background-position` (not repeated), clipped to a content box
its padding fills, or sized 0 is not seen, with what hides it named. A sprite sheet's offset, a
repeated picture and `background-clip: padding-box` paint it. tests/test_browser.py asks Chromium
whether each row of `OFF_BOX` and `IN_BOX` leaves ink."""

from __future__ import annotations

import pytest

from tests.test_dcnf_logo_kinds import _logo, _page

LINK = '<a class="dcnf-logo" href="https://dailycallernewsfoundation.org/"></a>'
DIV = '<div class="dcnf-logo"></div>'
BOX = "display:block;width:120px;height:40px"
LOGO = "url(/img/dcnf-logo.png)"


@pytest.mark.parametrize(
    ("css", "markup"),
    [
        # The brief's page: the picture a custom property on :root holds.
        (f":root{{--dcnf-logo:{LOGO}}} .dcnf-logo{{background-image:var(--dcnf-logo);width:120px;height:40px}}", DIV),
        (f":root{{--dcnf-logo:{LOGO}}} .dcnf-logo{{{BOX};background:var(--dcnf-logo) no-repeat}}", LINK),
        # The fallback, where the property is not set.
        (f".dcnf-logo{{{BOX};background-image:var(--missing, {LOGO})}}", LINK),
        (f".dcnf-logo{{{BOX};background:var(--missing, {LOGO}) center / contain no-repeat}}", LINK),
        # Inherited from an ancestor, and the nearest one's over the root's.
        (f"article{{--logo:{LOGO}}} .dcnf-logo{{{BOX};background-image:var(--logo)}}", LINK),
        (f":root{{--logo:url(/img/ad.png)}} article{{--logo:{LOGO}}} .dcnf-logo{{{BOX};background-image:var(--logo)}}", LINK),
        # A property naming another, and one set in the element's style attribute.
        (f":root{{--brand:{LOGO};--logo:var(--brand)}} .dcnf-logo{{{BOX};background-image:var(--logo)}}", LINK),
        (f".dcnf-logo{{{BOX};background-image:var(--logo)}}", f'<div class="dcnf-logo" style="--logo:{LOGO}"></div>'),
    ],
)
def test_a_logo_a_custom_property_paints_is_seen(css: str, markup: str) -> None:
    assert _logo(_page(markup, css=css)) == (True, "")


@pytest.mark.parametrize(
    ("css", "reason"),
    [
        # The nearest ancestor's value is another picture: the logo is not the one painted.
        (f":root{{--logo:{LOGO}}} article{{--logo:url(/img/ad.png)}} .dcnf-logo{{{BOX};background-image:var(--logo)}}", "no visible DCNF logo"),
        # Set only on wide screens: narrow ones see none.
        (f"@media (min-width:900px){{:root{{--logo:{LOGO}}}}} .dcnf-logo{{{BOX};background-image:var(--logo)}}", "no visible DCNF logo"),
        # Filled in, and still in an inline box.
        (f":root{{--logo:{LOGO}}} .dcnf-logo{{width:120px;height:40px;background-image:var(--logo)}}", "is an inline box"),
    ],
)
def test_a_custom_property_is_filled_in_as_chromium_fills_it(css: str, reason: str) -> None:
    passed, detail = _logo(_page(LINK, css=css))
    assert not passed
    assert reason in detail


# What is added to the logo box's rules (`.dcnf-logo{display:block;width:120px;height:40px;
# background:url(…) no-repeat;…}`) → what the failure names of why no part of the picture is seen.
OFF_BOX = {
    "background-position:-9999px 0": "wholly left of its box (background-position: -9999px 0, not repeated)",
    "background-position:-999em 0": "wholly left of its box (background-position: -999em 0, not repeated)",
    "background-position:center -9999px": "wholly above its box (background-position: center -9999px, not repeated)",
    "background-position:bottom -9999px right": "wholly below its box",
    "background-position:right -9999px": "wholly above its box",
    "background-position:left 10px top -9999px": "wholly above its box",
    "background-position:9999px 0": "wholly right of its box (background-position: 9999px 0, not repeated)",
    "background-position-x:-9999px": "wholly left of its box (background-position-x: -9999px, not repeated)",
    # Where the picture's size is known, an offset past it.
    "background-position:left -500px top 0;background-size:120px 40px": "wholly left of its box (background-position: left -500px top 0",
    "background-position:right -130px top 0;background-size:120px 40px": "wholly right of its box",
    "background-position:200% 0;background-size:50% 100%": "wholly right of its box (background-position: 200% 0",
    "background-position:-120px 0;background-size:100% 100%": "wholly left of its box",
    # Repeated down only: across, it is still placed once.
    "background-repeat:repeat-y;background-position:-9999px 0": "wholly left of its box",
    # Through a custom property, or a var()'s fallback, as Chromium fills them in.
    "--off:-9999px;background-position:var(--off) 0": "wholly left of its box (background-position: -9999px 0, not repeated)",
    "background-position:var(--unset, -9999px) 0": "wholly left of its box (background-position: -9999px 0, not repeated)",
    "background-size:0 0": "at a size of 0",
    "background-size:0% 0%": "at a size of 0",
    "box-sizing:border-box;padding:20px 60px;background-clip:content-box": "in its content box alone (background-clip: content-box)",
    "background-clip:text": "behind its text alone (background-clip: text)",
}


@pytest.mark.parametrize(("css", "named"), OFF_BOX.items())
def test_a_logo_placed_off_its_box_is_not_seen(css: str, named: str) -> None:
    passed, detail = _logo(_page(DIV, css=f".dcnf-logo{{{BOX};background:{LOGO} no-repeat;{css}}}"))
    assert not passed
    assert f"the one at line 2 {'paints' if 'size of 0' not in named else 'paints the picture'}" in detail
    assert named in detail


def test_a_logo_in_a_shorthand_placed_off_its_box_is_not_seen() -> None:
    passed, detail = _logo(_page(DIV, css=f".dcnf-logo{{{BOX};background:{LOGO} no-repeat -9999px 0}}"))
    assert not passed
    assert "wholly left of its box (background-position: -9999px 0, not repeated)" in detail
    content = _logo(_page(DIV, css=f".dcnf-logo{{display:block;width:0;height:0;padding:20px 60px;background:{LOGO} no-repeat content-box}}"))
    assert not content[0]
    assert "background-clip: content-box" in content[1]


# Added to the logo box's rules as in `OFF_BOX` → a picture's size (px) at which Chromium paints
# some of it in the box: the checker reads each as seen, since the picture may be of that size.
IN_BOX = {
    # A sprite sheet of a size not known, moved to its second logo.
    "background-position:0 -40px": (120, 200),
    "background-position:-120px 0": (600, 40),
    # Not known to be out: a 600px-wide strip still shows at -500px, a box-sized picture at 200%.
    "background-position:left -500px top 0": (640, 40),
    "background-position:200% 0": (120, 40),
    "background-position:200% 0;background-size:contain": (120, 40),
    # Repeated, any offset paints.
    "background-repeat:repeat;background-position:-9999px 0": (120, 40),
    "background-repeat:repeat-x;background-position:-9999px 0": (120, 40),
    "background-repeat:space;background-position:-9999px 0": (50, 40),
    "background-repeat:round;background-position:-9999px 0": (120, 40),
    # The shorthand written after the offset resets it, and the size.
    "background-position:-9999px 0;background-size:0 0;background:url(/img/dcnf-logo.png) no-repeat": (120, 40),
    # An axis set back after the offset.
    "background-position:-9999px 0;background-position-x:0": (120, 40),
    # No position, which a browser drops: the picture stays at the box's corner.
    "background-position:top -9999px": (120, 40),
    "background-position:-9999px left": (120, 40),
    "background-position:left -9999px left 0": (120, 40),
    # Clipped to the padding box, or to a content box with room: the picture paints.
    "box-sizing:border-box;padding:20px 60px;background-clip:padding-box": (120, 40),
    "padding:20px 60px;background-clip:content-box": (120, 40),
    "background-position:-9999px 0;background-position:0 0": (120, 40),
    # A var() with nothing to fill it is invalid at computed-value time: the initial 0% 0%.
    "background-position:var(--unset) 0": (120, 40),
    "--off:0;background-position:var(--off, -9999px) 0": (120, 40),
}
# Rows the checker reads as seen, and Chromium paints nothing of: fixed to the screen (not read).
IN_BOX_NOT_READ = ["background-attachment:fixed;background-position:-9999px 0"]


@pytest.mark.parametrize("css", [*IN_BOX, *IN_BOX_NOT_READ])
def test_a_logo_placed_inside_its_box_is_seen(css: str) -> None:
    assert _logo(_page(DIV, css=f".dcnf-logo{{{BOX};background:{LOGO} no-repeat;{css}}}")) == (True, "")


def test_content_clip_with_no_padding_and_a_var_offset_are_seen() -> None:
    # Clipped to a content box with room, and an offset the checker cannot work out.
    assert _logo(_page(DIV, css=f".dcnf-logo{{{BOX};background:{LOGO} no-repeat;background-clip:content-box}}")) == (True, "")
    css = f":root{{--x:0}} .dcnf-logo{{{BOX};background:{LOGO} no-repeat;background-position:var(--x) 0}}"
    assert _logo(_page(DIV, css=css)) == (True, "")
