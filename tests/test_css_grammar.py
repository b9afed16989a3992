"""A declaration whose value its property does not take is dropped, as a browser drops it
(compliance.document.css_grammar). The tables here are compared with Chromium's own reading in
tests/test_browser.py."""

from __future__ import annotations

import pytest

from compliance.document.css import parse_style_attribute

# Values Chromium drops (as `el.style.setProperty` shows: nothing set), whatever the page's mode.
VALUES_REFUSED = [
    "text-align:banana",
    "text-align:match-parent",
    "text-align-last:match-parent",
    "text-align:right left",
    "text-align-last:banana",
    "direction:up",
    *("position: bogus", "position: -webkit-sticky", "position: 10px", "position: absolute fixed"),
    *("left: banana", "left: 10cows", "left: 10deg", "left: 1px 2px", "top: 10s", "inset: banana", "inset: 1px 2px 3px 4px 5px"),
    *("width: banana", "width: 10deg", "width: -moz-available", "width: fit-content(20px)", "width: 10px 20px", "width: none"),
    *("height: none", "max-width: auto", "min-height: none", "max-height: banana", "padding-top: auto", "padding-top: -1px"),
    *("overflow: bogus", "overflow: hidden bogus", "overflow: -webkit-paged-x", "overflow: hidden hidden hidden"),
    *("overflow-x: hidden visible", "font-size: banana", "font-size: 10deg", "font-size: 1px 2px"),
    *("transform: banana", "transform: scale(1) banana", "transform: bogus(1)", "transform: none scale(1)"),
    *("clip-path: bogus(1)", "clip-path: banana", "clip: banana", "clip: inset(0)"),
    *("color: banana", "color: #ggg", "color: #fffff", "color: 10px", "background-color: banana", "-webkit-text-fill-color: banana"),
    *("text-indent: banana", "text-indent: hanging", "text-indent: 10deg", "scale: banana", "scale: 1 2 3 4"),
    *("translate: banana", "translate: 1deg", "rotate: banana", "rotate: 1px", "margin-left: banana", "margin: 1px 2px 3px 4px 5px"),
    *("zoom: banana", "zoom: reset", "zoom: -1", "zoom: 1px", "content-visibility: bogus", "float: bogus", "white-space: bogus"),
    *("letter-spacing: banana", "-webkit-line-clamp: 0", "-webkit-line-clamp: banana", "writing-mode: bogus"),
    *("filter: banana", "filter: bogus(1)", "perspective: banana", "perspective: -1px", "perspective: 1"),
    *("object-position: banana", "column-count: 0", "column-count: banana"),
    # A math function of another type than the property's: an angle or a length is no opacity.
    *("opacity: asin(1)", "opacity: calc(1px)", "opacity: atan2(1px, 2px)", "opacity: calc(sin(1deg) * 1px)"),
    # A function's arguments: how many, comma-separated, and of which kind.
    *("transform: scale(1,2,3)", "transform: scale()", "transform: scale(1 2)", "transform: scale(1,)", "transform: rotate(1px)"),
    *("transform: translate(1deg)", "transform: translate(10)", "transform: translatez(10%)", "transform: translate3d(1px,2px)"),
    *("transform: skewx(1px)", "transform: matrix(1,0,0,1,0)", "transform: translate(none, -25%)", "transform: translateY(360deg)"),
    *("color: rgb(1,2)", "color: rgb(1, 2 3)", "color: rgb(100%, 0, 0)", "color: rgb(1,2,3,4,5)", "color: color(bogus 1 0 0)"),
    *("color: hsl(0, 0, 0)", "color: rgb(0 0 0 /)", "color: rgb(0 0 0 0.5)", "color: hwb(1, 2%, 3%)", "color: color(display-p3 1 0)"),
    # Math functions: a sum's operators, its operands, and what follows the function.
    *("left: calc(1px+1px)", "left: calc(1px +1px)", "left: calc()", "left: calc(1px,2px)", "left: max()", "left: sign(1px)*1px"),
    *("left: calc(1px + scale(1))", "left: calc(1px -)", "opacity: calc-size(auto, 1)", "display: layout(foo)", "display: calc(1)"),
    *("visibility: calc(1)", "text-indent: 0 0", "object-position: left 10px top", "object-position: 50% 50% 50%", "all: none"),
    # The font shorthand needs a size and a family after it.
    *("font: 16px", "font: bold", "font: 12px/ serif", "font: 12px serif,", "font: 12px ,serif", "font: 16px bogus(1)", "font: small-caps"),
    # Flow-relative properties: their physical properties' values, without the unitless-length quirk.
    *("margin-inline-start: banana", "margin-inline-start: -9999", "margin-inline: 1px 2px 3px", "inset-inline: 1px banana"),
    *("inset-block-start: 10", "inline-size: -1px", "inline-size: none", "max-block-size: auto", "padding-block: 1px -1px"),
    # Lists of layers and shadows: each layer one image, each shadow two or three lengths and a colour.
    *("mask-image: bogus", "mask-image: bogus(1)", "mask-image: url(a) url(b)", "mask-image: none none", "mask-image: url(a),"),
    *("-webkit-mask-image: -moz-linear-gradient(red, blue)", "text-shadow: bogus", "text-shadow: 1px", "text-shadow: 1px 1px 1px 1px"),
    *("text-shadow: red 1px 1px red", "text-shadow: 1px red 1px", "text-shadow: 1px 1px -1px", "text-shadow: 1px 1px 1", "text-shadow: none, 1px 1px"),
    *("text-shadow: 1px 1px 2px bogus", "text-shadow: 1px 1px,", "text-shadow: 1px 1px FFFFFF"),
]
# Flow-relative values Chromium takes, each with the physical declarations the checker reads them
# as (left-to-right, horizontal text): a shorthand's start and end sides, a `var()` its start side.
FLOW_RELATIVE_TAKEN = {
    "margin-inline-start: -9999px": [("margin-left", "-9999px")],
    "margin-inline-end: -1px": [("margin-right", "-1px")],
    "margin-inline: -9999px 0": [("margin-left", "-9999px"), ("margin-right", "0")],
    "margin-inline: auto": [("margin-left", "auto"), ("margin-right", "auto")],
    "margin-block: -9999px 1px": [("margin-top", "-9999px")],
    "inset-inline: -9999px auto": [("left", "-9999px"), ("right", "auto")],
    "inset-block-start: -100vh": [("top", "-100vh")],
    "inset-block-end: 1px": [("bottom", "1px")],
    "inline-size: 1px": [("width", "1px")],
    "max-block-size: 0": [("max-height", "0")],
    "padding-inline: 1px 2px": [("padding-left", "1px"), ("padding-right", "2px")],
    "margin-inline: var(--m)": [("margin-left", "var(--m)")],
    "margin-inline-start: inherit": [("margin-left", "inherit")],
    "inset-inline: unset": [("left", "unset"), ("right", "unset")],
}
# Values Chromium takes, some of them only on a page in quirks mode (`width: 10`, `color: FFFFFF`):
# the checker takes those whatever the page's mode.
VALUES_TAKEN = [
    "text-align:-webkit-right",
    "text-align-last:end",
    "direction:rtl",
    *("position: sticky", "position: absolute", "left: -9999px", "left: auto", "left: 50%", "left: 0", "left: 10", "left: calc(1px)"),
    *("left: anchor(--a left)", "left: 10Q", "left: 1lh", "left: 1cqw", "left: 1dvh", "left: var(--x)", "inset: 1px auto"),
    *("width: min-content", "width: -webkit-fill-available", "width: stretch", "width: fit-content", "width: 10"),
    *("width: anchor-size(width)", "width: calc-size(auto, size)", "max-width: none", "height: inherit"),
    *("overflow: hidden visible", "overflow: overlay", "overflow: clip", "font-size: xxx-large", "font-size: math", "font-size: -webkit-xxx-large"),
    *("transform: none", "transform: translatex(1px) SCALE(0)", "transform: matrix(1,0,0,1,0,0)", "clip-path: inset(1px) border-box"),
    *("clip-path: url(#a)", "clip-path: view-box", "clip-path: path('M0 0')", "clip-path: xywh(0 0 1px 1px)", "clip: rect(0 0 0 0)"),
    *("color: canvastext", "color: -webkit-link", "color: currentcolor", "color: rgb(1 2 3)", "color: color-mix(in srgb, red, blue)"),
    *("color: FFFFFF", "color: 000", "color: #fff8", "background-color: -webkit-focus-ring-color", "text-indent: 1px hanging"),
    *("text-indent: each-line 1px", "scale: 0%", "scale: none", "translate: -9999px", "rotate: x 90deg", "margin: -9999px 0"),
    *("zoom: normal", "zoom: 0.5", "zoom: 50%", "content-visibility: hidden", "float: inline-start", "white-space: break-spaces"),
    *("white-space: collapse", "letter-spacing: -1em", "-webkit-line-clamp: 2", "writing-mode: tb-rl", "filter: url(#a)"),
    *("perspective: 0", "object-position: left top", "column-count: auto"),
    *("transform: scale(1, 2)", "transform: scale(50%)", "transform: translate(0)", "transform: translateX(10%)", "transform: rotate(0)"),
    *("transform: rotate(1turn)", "transform: skew(10deg, 5deg)", "transform: matrix3d(1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1)"),
    *("transform: perspective(none)", "transform: scale(calc(1 + 1))", "transform: rotate3d(1,0,0,45deg)", "transform: scale(-1)"),
    *("color: rgb(1 2 3 / 50%)", "color: rgb(100%, 0%, 0%)", "color: rgba(0,0,0,.5)", "color: color(display-p3 1 0 0)"),
    *("color: oklch(70% 0.1 200)", "color: rgb(none 0 0)", "color: hsl(120 100 50)", "color: RGB(1,2,3)", "color: rgb(from red r g b)"),
    *("color: rgb(0% 0 0)", "color: hsl(0deg 0 0)", "color: rgb(0 0 0 / 50%)", "color: hsla(1turn, 2%, 3%, 50%)", "color: rgb(1 2 3 / none)"),
    *("left: calc(1px + 1px)", "left: calc(1px - -1px)", "left: calc(1px*2)", "left: calc( 1px )", "left: min(1px, 2px + 3px)"),
    *("left: clamp(1px, 2px, 3px)", "left: calc((1px + 2px) * 3)", "left: calc(pi * 1px)", "left: round(up, 1px, 2px)", "left: abs(-1px)"),
    *("mask-size: 0 0", "mask-composite: exclude", "mask-mode: luminance", "mask-position: -9999px 0", "mask-repeat: no-repeat"),
    *("opacity: sin(0)", "opacity: round(down, 0.5, 1)", "opacity: calc(pi - 3)", "opacity: exp(-10)", "font-size: round(down, 0.9px, 1px)"),
    *("opacity: calc(0.5)", "-webkit-line-clamp: calc(2)", "text-indent: 1px hanging each-line", "object-position: left 10px top 5px"),
    *("all: unset", "all: revert-layer"),
    *("font: 0/0 a", "font: bold 12px/1.5 Georgia, serif", "font: caption", "font: 16px/normal 'Helvetica Neue', sans-serif"),
    *("font: oblique 10deg 12px serif", 'font: x-large/110% "New Century Schoolbook", serif', "font: calc(10px) serif"),
    *("mask-image: none", "mask-image: url(a), none", "mask-image: linear-gradient(transparent, transparent)", "mask-image: URL(a)"),
    *("mask-image: -webkit-gradient(linear, left top, left bottom, from(red), to(blue))", "mask-image: image-set('a.png' 1x)"),
    *("mask-image: repeating-radial-gradient(red, blue)", "mask-image: conic-gradient(red, blue)"),
    *("text-shadow: none", "text-shadow: 1px 1px", "text-shadow: 1px 1px 2px red", "text-shadow: red 0 0 1em, 1px 1px #000"),
    *("text-shadow: 1px 1px rgb(0 0 0 / 50%)", "text-shadow: calc(1px + 1px) 0 currentcolor", "text-shadow: 0 0 0 transparent"),
]


@pytest.mark.parametrize("declaration", VALUES_REFUSED)
def test_a_value_the_property_does_not_take_is_dropped(declaration: str) -> None:
    assert parse_style_attribute(declaration) == ()


@pytest.mark.parametrize("declaration", [d for d in VALUES_TAKEN if not d.startswith("all:")])
def test_a_value_the_property_takes_is_kept(declaration: str) -> None:
    (kept,) = parse_style_attribute(declaration)
    assert kept.name == declaration.split(":")[0]


@pytest.mark.parametrize("declaration", sorted(FLOW_RELATIVE_TAKEN))
def test_a_flow_relative_value_sets_the_physical_sides_it_names(declaration: str) -> None:
    declared = [(d.name, "".join(v.serialize() for v in d.values)) for d in parse_style_attribute(declaration)]
    assert declared == FLOW_RELATIVE_TAKEN[declaration]


def test_a_flow_relative_value_and_its_physical_one_cascade_in_their_order() -> None:
    # They set one value: the one written later wins (as the last of a property's declarations does).
    names_and_words = [(d.name, d.values[0].serialize()) for d in parse_style_attribute("margin-left:-9999px;margin-inline-start:0")]
    assert names_and_words == [("margin-left", "-9999px"), ("margin-left", "0")]


def test_all_sets_no_flow_relative_property_of_its_own() -> None:
    # A flow-relative property is its physical property's: `all` resets that one. The flow-relative
    # borders, read as themselves (`content_box`), are reset as themselves.
    reset = {d.name for d in parse_style_attribute("all:unset")}
    own = {name for name in reset if name.startswith(("border-block", "border-inline"))}
    assert "margin-left" in reset and not any("inline" in name or "block" in name for name in reset - own)
    assert {"border-block", "border-inline-start-width"} <= own


def test_all_sets_every_property_read_to_its_keyword_in_its_place() -> None:
    declared = parse_style_attribute("display:none;all:unset;opacity:0")
    assert declared[0].name == "display" and declared[-1].name == "opacity"
    reset = {d.name: d.values[0].serialize() for d in declared[1:-1]}
    assert {"display", "opacity", "visibility", "transform", "clip-path", "position", "left", "color", "font-size"} <= set(reset)
    assert set(reset.values()) == {"unset"} and "-webkit-transform" not in reset  # an alias is its property's


def test_the_declaration_before_a_dropped_one_applies() -> None:
    # In one style attribute, as in a rule: the last declaration the browser takes wins.
    names_and_words = [(d.name, d.values[0].serialize()) for d in parse_style_attribute("position:absolute;position:bogus;left:-9999px;left:1x")]
    assert names_and_words == [("position", "absolute"), ("left", "-9999px")]
