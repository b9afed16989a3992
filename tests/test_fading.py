"""Nested fading and shrinking multiply down the tree (compliance.document.fading)."""

from __future__ import annotations

import pytest

from compliance.document.css import parse_style_attribute
from compliance.document.fading import NOT_FADED, Fading
from tests.test_visibility import BYLINE, LOGO, check, errors, page


def _within(fading: Fading, style: str) -> Fading:
    return fading.within({d.name: d for d in parse_style_attribute(style)}, False)


def test_nested_opacities_multiply() -> None:
    fading = _within(_within(_within(NOT_FADED, "opacity:0.1"), "opacity:.1"), "opacity:10%")
    assert fading.opacity == pytest.approx(0.001)
    assert fading.gone


def test_two_halves_are_seen() -> None:
    fading = _within(_within(NOT_FADED, "opacity:.5;transform:scale(.5)"), "opacity:.5;zoom:.5")
    assert (fading.opacity, fading.scale, fading.zoom) == (0.25, 0.5, 0.5)
    assert not fading.gone


def test_a_lazy_fade_is_not_counted() -> None:
    declared = {d.name: d for d in parse_style_attribute("opacity:0.05")}
    assert _within(NOT_FADED, "opacity:.1").within(declared, True).opacity == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("style", "scale"),
    [
        ("transform:scale(.1, .5)", 0.1),
        ("transform:scaleY(.2) scaleX(.5)", 0.1),
        ("scale:.3 .4", 0.3),
        ("transform:matrix(.1,0,0,.1,0,0)", 0.1),
        ("transform:rotate(45deg)", 1.0),
    ],
)
def test_the_scale_along_the_axis_shrunk_most(style: str, scale: float) -> None:
    assert _within(NOT_FADED, style).scale == pytest.approx(scale)


NESTED_LOGOS = {
    "three spans at a tenth of opacity": '<span style="opacity:0.1"><span style="opacity:0.1"><img style="opacity:0.1" src="{src}" alt="{alt}"></span></span>',
    "a filter and an opacity": '<figure style="filter:opacity(.05)"><img style="opacity:.05" src="{src}" alt="{alt}"></figure>',
    "class opacities in a stylesheet": '<div class="fa"><p class="fb"><img src="{src}" alt="{alt}"></p></div>',
    "two scales": '<div style="transform:scale(.05)"><img style="transform:scale(.05)" src="{src}" alt="{alt}"></div>',
    "two zooms": '<div style="zoom:.04"><img style="zoom:.04" src="{src}" alt="{alt}"></div>',
    "a scale in a zoom": '<section style="zoom:.05"><img style="scale:.04" src="{src}" alt="{alt}"></section>',
}
_SRC = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"
_ALT = "Daily Caller News Foundation logo"
_CSS = ".fa{opacity:.08}.fb{opacity:.08}"


@pytest.mark.parametrize("case", sorted(NESTED_LOGOS))
def test_a_logo_faded_or_shrunk_by_nested_boxes_is_hidden(case: str) -> None:
    assert "dcnf/logo" in errors(check(page(css=_CSS, logo=NESTED_LOGOS[case].format(src=_SRC, alt=_ALT))))


@pytest.mark.parametrize(
    "logo",
    [
        '<div style="opacity:.5"><img style="opacity:.5" src="{src}" alt="{alt}"></div>',
        '<div class="fa"><img src="{src}" alt="{alt}"></div>',
        '<div style="transform:scale(.5)"><span style="zoom:.5"><img style="transform:scale(.5)" src="{src}" alt="{alt}"></span></div>',
    ],
)
def test_a_logo_faded_a_little_in_nested_boxes_is_seen(logo: str) -> None:
    assert errors(check(page(css=_CSS, logo=logo.format(src=_SRC, alt=_ALT)))) == []


def test_a_byline_faded_by_nested_boxes_is_hidden() -> None:
    nested = '<div style="opacity:.1"><p class="byline" style="opacity:.05">By Jake Smith, Daily Caller News Foundation</p></div>'
    assert "dcnf/byline" in errors(check(page(byline=nested)))
    inner = '<p class="byline">By <span style="opacity:.2"><em style="opacity:.02">Jake Smith</em></span>, Daily Caller News Foundation</p>'
    assert "dcnf/byline" in errors(check(page(byline=inner)))
    assert errors(check(page(byline=f'<div style="opacity:.5">{BYLINE.format(attrs=" class=byline")}</div>', logo=LOGO.format(attrs="")))) == []


@pytest.mark.parametrize(
    ("image", "hidden"),
    [
        # A theme's class that mentions "lazy", with no loader's address: nothing will show it.
        ('<img class="lazy-fade" src="https://example.org/logo.png" width="300" height="60">', True),
        ('<img class="nolazy fade" src="https://example.org/logo.png" width="300" height="60">', True),
        # A loader's own class or address: the stylesheet's opacity is its fade-in.
        ('<img class="lazy-fade lazyload" src="https://example.org/logo.png" width="300" height="60">', False),
        ('<img class="lazy-fade" data-src="https://example.org/logo.png" src="data:," width="300" height="60">', False),
        ('<img class="lazy-fade jetpack-lazy-image" src="https://example.org/logo.png" width="300" height="60">', False),
        ('<img class="lazy-fade B-Lazy" src="https://example.org/logo.png" width="300" height="60">', False),
    ],
)
def test_only_a_loaders_class_or_address_makes_a_stylesheets_opacity_a_fade_in(image: str, hidden: bool) -> None:
    from compliance.document import parse_document

    html = f"<html><head><style>.lazy-fade, .fade {{ opacity: 0 }}</style></head><body><article><h1>H</h1>{image}<p>Story.</p></article></body></html>"
    (picture,) = parse_document(html.encode(), "html").images
    assert picture.visible is not hidden
