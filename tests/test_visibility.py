"""What a reader sees is what counts: the page's own CSS, hiding markup, tiny images, `<noscript>`
and plain-text alt-text lines, each hiding technique in several spellings, the ways a page shows
again what a rule hid, and what must stay visible (aria-hidden, lazy-loader fades, loading screens)."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.document import parse_document
from compliance.document.data_urls import forgiving_base64
from compliance.document.visibility import data_image_size
from compliance.engine import check_document
from compliance.findings import Report, Severity
from compliance.loading import load_packs
from tests.conftest import ROOT

CASES = ROOT / "tests" / "cases" / "spoofing"
DCNF = [p for p in load_packs() if p.id == "dcnf"]
LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png" alt="Daily Caller News Foundation logo"{attrs}>'
BYLINE = "<p{attrs}>By Jake Smith, Daily Caller News Foundation</p>"
LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge. For licensing opportunities of our original content, please contact licensing@dailycallernewsfoundation.org.</p>"
)
# A 1×1 transparent GIF and a 1×1 PNG, as pages embed them.
GIF_1X1 = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
PNG_1X1 = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
PNG_300X200 = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAASwAAADICAIAAADdvUsCAAAAAA=="
# 1×1 WebP images: lossless (VP8L), lossy (VP8 ) and extended with alpha (VP8X).
WEBP_1X1 = {
    "lossless": "data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==",
    "lossy": "data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA",
    "extended": "data:image/webp;base64,UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==",
}
_SVG_NS = "xmlns='http://www.w3.org/2000/svg'"
# 1×1 SVG placeholders as lazy-loaders and CMSs write them: base64, as written, percent-encoded.
SVG_1X1 = {
    "base64": "data:image/svg+xml;base64," + base64.b64encode(f"<svg {_SVG_NS} width='1' height='1'/>".encode()).decode(),
    "utf8 as written": f"data:image/svg+xml;utf8,<svg {_SVG_NS} width='1' height='1'></svg>",
    "charset and px": f"data:image/svg+xml;charset=utf-8,<svg {_SVG_NS} width='1px' height='1px'></svg>",
    "percent-encoded": "data:image/svg+xml,%3Csvg%20xmlns=%27http://www.w3.org/2000/svg%27%20width=%271%27%20height=%271%27%3E%3C/svg%3E",
    "viewBox only": "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 1 1%22%3E%3C/svg%3E",
    "viewBox with commas": f"data:image/svg+xml;utf8,<svg {_SVG_NS} viewBox='0,0,1,1'/>",
    "2px wide by its attribute": f"data:image/svg+xml;utf8,<svg {_SVG_NS} width='2' viewBox='0 0 300 100'/>",
    "no namespace": "data:image/svg+xml;utf8,<svg width='1' height='1'/>",
}


def page(*, css: str = "", logo: str = LOGO.format(attrs=""), byline: str = BYLINE.format(attrs=' class="byline"')) -> bytes:
    """A DCNF republication whose logo and byline can each be replaced or wrapped."""
    style = f"<style>{css}</style>" if css else ""
    return (
        f'<!doctype html><html><head><meta charset="utf-8">{style}</head><body>\n<article>\n'
        f"<h1>Officials weigh new approach</h1>\n{logo}\n{byline}\n"
        "<p>The administration is weighing a new approach, officials said on Wednesday.</p>\n"
        "<p>Officials said the plan would be reviewed next month and that no final decision had been made.</p>\n"
        f"{LICENSE}\n</article>\n</body></html>"
    ).encode()


def check(data: bytes, kind: str = "html") -> Report:
    return check_document(parse_document(data, kind), DCNF, path=f"article.{kind}", auto_detect=False)


def errors(report: Report) -> list[str]:
    return sorted(f.rule for f in report.findings if f.severity is Severity.ERROR)


def logo(attrs: str) -> bytes:
    return page(logo=LOGO.format(attrs=attrs))


# --- the shared cases: each one's right value, through the command line -------------------------

SHARED_CASES = {
    "logo-style-block-class.html": ["dcnf/logo"],
    "logo-opacity0.html": ["dcnf/logo"],
    "logo-offscreen.html": ["dcnf/logo"],
    "logo-details-closed.html": ["dcnf/logo"],
    "logo-1x1.html": ["dcnf/logo"],
    "logo-as-plain-text.html": ["dcnf/logo"],
    "byline-style-block-class.html": ["dcnf/byline"],
    "byline-font-size0.html": ["dcnf/byline"],
    "affil-hidden-span.html": ["dcnf/affiliation"],
    "ok-affil-inline-hidden.html": ["dcnf/affiliation"],
    "ok-byline-aria-hidden.html": [],
    "ok-byline-zwsp-in-names.html": [],
    "ok-logo-in-comment.html": ["dcnf/logo"],
    "logo-noscript-only.html": [],
}


@pytest.mark.parametrize("name", sorted(SHARED_CASES))
def test_shared_spoofing_case_reports_what_a_reader_sees(cli, name: str) -> None:
    run = cli("check", "--pack", "dcnf", "--format", "json", str(CASES / name))
    (entry,) = run.json()["files"]
    assert sorted(f["rule"] for f in entry["findings"] if f["severity"] == "error") == SHARED_CASES[name]


def test_aria_hidden_byline_is_still_on_screen(cli) -> None:
    run = cli("check", "--pack", "dcnf", "--format", "json", str(CASES / "ok-byline-aria-hidden.html"))
    passed = {p["rule"]: p["evidence"] for p in run.json()["files"][0]["passed"]}
    assert passed["dcnf/byline"] == "By Jake Smith, Daily Caller News Foundation"


def test_logo_only_in_noscript_is_a_warning_that_says_why(cli) -> None:
    run = cli("check", "--pack", "dcnf", "--format", "json", str(CASES / "logo-noscript-only.html"))
    (entry,) = run.json()["files"]
    (finding,) = entry["findings"]
    assert (finding["rule"], finding["severity"], finding["line"]) == ("dcnf/logo", "warning", 4)
    assert "readers with JavaScript on do not see it" in finding["detail"]
    assert "dcnf/logo" not in [p["rule"] for p in entry["passed"]]
    assert run.code == 0  # a warning; --fail-on warning makes it fail a CI step


# --- each hiding technique, in the spellings pages use -----------------------------------------

HIDDEN_LOGOS = {
    "class rule": (".x{display:none}", ' class="x"'),
    "comment inside the declaration": (".x{display:none/**/}", ' class="x"'),
    "comment before the value": (".x{display:/* hi */none}", ' class="x"'),
    "id rule": ("#brand{display:none}", ' id="brand"'),
    "descendant rule": ("article img{display:none}", ""),
    "attribute rule": ('img[alt~="logo"]{display:none}', ""),
    # `:is()` and `:where()` forgive an argument Chromium cannot parse: the rest still hides.
    "an :is() with an invalid argument": (":is(.x, .y:bogus){display:none}", ' class="x"'),
    "a :where() with a pseudo-element argument": (":where(::before, .x){display:none}", ' class="x"'),
    "a nested :is() with an invalid argument": (".x:not(:is(.y, :bogus)){display:none}", ' class="x"'),
    # A selector Chromium knows and cssselect cannot read or parse leaves the others of its list.
    "a list with a pseudo-class cssselect does not know": (".x, .y:focus-within{display:none}", ' class="x"'),
    "a list with a :not() cssselect cannot parse": (".x, a:not(a b, .c){display:none}", ' class="x"'),
    "a list with a -webkit- pseudo-element": (".x, ::-webkit-scrollbar{display:none}", ' class="x"'),
    "screen media query": ("@media screen{.x{display:none}}", ' class="x"'),
    "visibility hidden": (".x{visibility:hidden}", ' class="x"'),
    "visibility collapse": (".x{visibility:collapse}", ' class="x"'),
    "opacity zero": (".x{opacity:0}", ' class="x"'),
    "opacity zero percent": (".x{opacity:0%}", ' class="x"'),
    # Up to 0.017 any colour blends to within the colour rule's ΔE 5 of any background.
    "opacity under two hundredths": (".x{opacity:0.017}", ' class="x"'),
    "opacity under two hundredths, by a filter": (".x{filter:opacity(1.5%)}", ' class="x"'),
    "scale zero": (".x{transform:scale(0)}", ' class="x"'),
    "an escaped property name": (r".x{disp\6c ay:none}", ' class="x"'),
    "a property name escaped in capitals, and a keyword": (r".x{\4F PACITY:0} .y{display:\6e one}", ' class="x y"'),
    "scaleX zero": (".x{transform:translate(1px) scaleX(0)}", ' class="x"'),
    "zero matrix": (".x{transform:matrix(0,0,0,0,0,0)}", ' class="x"'),
    "scale property": (".x{scale:0}", ' class="x"'),
    "clip rect": (".x{position:absolute;clip:rect(0 0 0 0)}", ' class="x"'),
    "clip rect with commas": (".x{position:absolute;clip:rect(1px, 1px, 1px, 1px)}", ' class="x"'),
    "clip-path inset": (".x{clip-path:inset(50%)}", ' class="x"'),
    "clip-path circle": (".x{clip-path:circle(0)}", ' class="x"'),
    "left far off": (".x{position:absolute;left:-9999px}", ' class="x"'),
    "top far off in em": (".x{position:fixed;top:-200em}", ' class="x"'),
    "text-indent far off": (".x{text-indent:-9999px}", ' class="x"'),
    "important hide beats a later show": (".x{display:none!important} .x{display:inline}", ' class="x"'),
    "tiny CSS size": (".x{width:1px;height:1px}", ' class="x"'),
    "opacity filter": (".x{filter:opacity(0)}", ' class="x"'),
    "opacity filter after another": (".x{filter:blur(1px) opacity(0%)}", ' class="x"'),
    "translated far left": (".x{transform:translateX(-10000px)}", ' class="x"'),
    "translated far up": (".x{transform:translate(0, -5000px)}", ' class="x"'),
    "translate property": (".x{translate:-9999px}", ' class="x"'),
    "clip-path polygon of no area": (".x{clip-path:polygon(0 0,0 0,0 0)}", ' class="x"'),
    "clip-path polygon on a line": (".x{clip-path:polygon(0 0, 50% 50%, 100% 100%)}", ' class="x"'),
    "a minimum width every screen has": ("@media (min-width:1px){.x{display:none}}", ' class="x"'),
    "screen and a minimum width of zero": ("@media screen and (min-width: 0){.x{display:none}}", ' class="x"'),
    "a cascade layer (as Tailwind CSS 4 writes its utilities)": ("@layer theme, base, utilities; @layer utilities{.x{display:none}}", ' class="x"'),
    "an anonymous layer": ("@layer{.x{visibility:hidden}}", ' class="x"'),
    "a nested layer in a media query every screen meets": ("@media screen{@layer a{@layer b{.x{opacity:0}}}}", ' class="x"'),
    "a layer that beats a more specific show in an earlier layer": ("@layer a, b; @layer b{.x{display:none}} @layer a{img.x{display:inline}}", ' class="x"'),
    "an important layered hide over an unlayered important show": ("@layer a{.x{display:none!important}} img.x{display:inline!important}", ' class="x"'),
    "a @supports condition every browser meets": ("@supports (display: grid) and (transform: scale(1)){.x{display:none}}", ' class="x"'),
    "a @supports or with one test every browser meets": ("@supports (foo: bar) or (display: flex){.x{display:none}}", ' class="x"'),
    "a @supports test of a custom property": ("@supports (--brand: red){.x{display:none}}", ' class="x"'),
    "a negated @supports test no browser meets": ("@supports not (foo: bar){.x{display:none}}", ' class="x"'),
    "a negated @supports test inside an and": ("@supports (display: grid) and (not (display: bogus)){.x{display:none}}", ' class="x"'),
    # Selector tests Chromium, which the checker follows, meets.
    "a @supports selector test": ("@supports selector(:has(a)){.x{display:none}}", ' class="x"'),
    "a @supports selector test of a pseudo-element": ("@supports selector(::details-content){.x{display:none}}", ' class="x"'),
    "a @supports selector test in capitals": ("@supports SELECTOR(IMG:NOT(.A)){.x{display:none}}", ' class="x"'),
    "a selector test and a declaration test": ("@supports (display:grid) and selector(.a>.b:nth-child(2n of .c)){.x{display:none}}", ' class="x"'),
    "a @supports selector test or one Chromium fails": ("@supports selector(:-moz-focusring) or selector(:where(.a)){.x{display:none}}", ' class="x"'),
    # Prefixed properties Chromium knows (`css_properties.CHROMIUM_PROPERTIES`): met as any it knows.
    "a @supports test of a -webkit- property Chromium knows": ("@supports (-webkit-text-stroke: 1px black){.x{display:none}}", ' class="x"'),
    "a @supports and of -webkit- properties Chromium knows": ("@supports (-webkit-appearance:none) and (-webkit-line-clamp:2){.x{display:none}}", ' class="x"'),
    "a @supports or with a -webkit- property Chromium knows": ("@supports (foo: bar) or (-webkit-box-reflect: below){.x{display:none}}", ' class="x"'),
    "a @supports test of a -webkit- property in capitals": ("@supports (-WEBKIT-MASK-IMAGE: none){.x{display:none}}", ' class="x"'),
    "a @supports selector test in brackets": ("@supports (selector(:focus-visible)){.x{display:none}}", ' class="x"'),
    "opacity below zero, clamped to zero": (".x{opacity:-1}", ' class="x"'),
    "a refused negative size after a tiny one": (".x{width:1px;height:1px} .x{width:-5px;height:-5px}", ' class="x"'),
    "a refused filter after a hiding one": (".x{filter:opacity(0)} .x{filter:opacity(-1)}", ' class="x"'),
    # A value the property does not take is dropped, and the hiding one before it stays.
    "opacity in px after opacity 0": (".x{opacity:0} .x{opacity:1px}", ' class="x"'),
    "a word for an opacity in a style attribute": ("", ' style="opacity:0;opacity:banana"'),
    "a misspelt display after none": ("img.x{display:none}", ' class="x" style="display:blcok"'),
    "a misspelt visibility after hidden": (".x{visibility:hidden;visibility:visibel}", ' class="x"'),
    # Keywords of `display` that make no display together (two outer types, a list item laid out
    # as a flexbox), as Chromium refuses them.
    "two outer displays after none": (".x{display:none} .x{display:block inline}", ' class="x"'),
    "a list item of flex after none, in a style attribute": ("", ' style="display:none;display:list-item flex"'),
    # Display keywords Chromium does not take, though a spec or another browser does: Internet
    # Explorer's, Firefox's old boxes and ruby containers, a run-in, the hyphenated list item.
    "an off-screen box after a position that is no position": (".x{position:absolute;left:-9999px} .x{position:bogus}", ' class="x"'),
    "an off-screen box after a word for an offset": ("", ' class="x" style="position:absolute;left:-9999px;left:banana"'),
    "scale zero after a transform with a word in it": (".x{transform:scale(0)} .x{transform:scale(1) banana}", ' class="x"'),
    "scale zero after a transform that is none and more": (".x{transform:scale(0);transform:none rotate(1deg)}", ' class="x"'),
    "scale zero after a scale of three arguments": (".x{transform:scale(0)} .x{transform:scale(1, 1, 1)}", ' class="x"'),
    "a far negative margin-left after the margin shorthand": (".x{margin:0 auto;margin-left:-9999px}", ' class="x"'),
    "a far negative left after inset": (".x{position:absolute;inset:0;left:-9999px}", ' class="x"'),
    "a transparent mask before a mask-image that is no image": (".x{mask-image:linear-gradient(transparent,transparent)} .x{mask-image:bogus}", ' class="x"'),
    "a transparent -webkit-mask-image before two images with no comma": (
        "",
        ' class="x" style="-webkit-mask-image:linear-gradient(transparent,transparent);-webkit-mask-image:url(a.png) url(b.png)"',
    ),
    # Flow-relative properties set the physical sides they name in left-to-right text.
    "a far negative margin-inline-start": (".x{margin-inline-start:-9999px}", ' class="x"'),
    "a far negative start side in the margin-inline shorthand": ("", ' class="x" style="margin-inline:-9999px 0"'),
    "a far negative inset-inline-start": (".x{position:absolute;inset-inline-start:-9999px}", ' class="x"'),
    "a far negative start side in the inset-block shorthand": (".x{position:absolute;inset-block:-9999px auto}", ' class="x"'),
    "a margin-left after a margin-inline-start of none": (".x{margin-inline-start:0;margin-left:-9999px}", ' class="x"'),
    "a tiny inline-size and block-size": (".x{inline-size:1px;block-size:1px}", ' class="x"'),
    "an off-screen box after a sum with no space around its plus": (".x{position:absolute;left:-9999px;left:calc(1px+1px)}", ' class="x"'),
    "an off-screen box after a math function and more": ("", ' class="x" style="position:absolute;left:-9999px;left:sign(1px)*1px"'),
    "a display that is a function after none": (".x{display:none;display:layout(foo)}", ' class="x"'),
    "opacity zero after a size function": (".x{opacity:0;opacity:calc-size(auto, 1)}", ' class="x"'),
    "an image moved off its box after a position of three components": (
        ".x{width:300px;height:60px;object-position:-9999px 0;object-position:left 10px top}",
        ' class="x"',
    ),
    "a clip path to nothing after a shape that is none": (".x{clip-path:inset(50%)} .x{clip-path:bogus(1)}", ' class="x"'),
    "a zero-width box after a width in an angle": (".x{display:block;width:0;height:0;overflow:hidden} .x{width:10deg;height:auto}", ' class="x"'),
    "a 1px box after widths of Firefox and of two lengths": (".x{width:1px;height:1px} .x{width:-moz-available;height:10px 20px}", ' class="x"'),
    "an -ms-flexbox display after none": (".x{display:none} .x{display:-ms-flexbox}", ' class="x"'),
    "an -ms-grid display after none, in a style attribute": ("", ' style="display:none;display:-ms-inline-grid"'),
    "a -moz-box display after none": (".x{display:none} .x{display:-moz-box}", ' class="x"'),
    "an inline-list-item display after none": (".x{display:none;display:inline-list-item}", ' class="x"'),
    "a run-in display after none, in a style attribute": ("", ' style="display:none;display:run-in"'),
    "a ruby-base display after none": (".x{display:none} img.x{display:ruby-base}", ' class="x"'),
    "a -webkit-grid display after none": (".x{display:none} .x{display:-webkit-grid}", ' class="x"'),
    # Look-alikes of a CSS fade-in: no animation runs, or the animation is switched off.
    "opacity 0 with no animation": ("@keyframes fadeIn{from{opacity:0}to{opacity:1}} .x{opacity:0}", ' class="x"'),
    "opacity 0 with the animation switched off": ("@keyframes fadeIn{to{opacity:1}} .x{opacity:0;animation:none}", ' class="x"'),
}


# A CSS animation may change what hides the element: a fade-in from `opacity: 0` (the AOS and
# animate.css patterns) shows it a moment later.
ANIMATED_LOGOS = {
    "a fade-in shorthand": "@keyframes fadeIn{from{opacity:0}to{opacity:1}} .x{opacity:0;animation:fadeIn .6s ease forwards}",
    "a fade-in by animation-name": (
        "@keyframes appear{to{opacity:1;transform:none}} .x{opacity:0;transform:scale(0);animation-name:appear;animation-duration:1s;animation-fill-mode:both}"
    ),
    "a reveal from visibility hidden": "@keyframes reveal{to{visibility:visible}} .x{visibility:hidden;animation:reveal 0s 1s forwards}",
    # Keyframes the checker does not find or cannot be sure of: judged as a fade-in (seen).
    "keyframes in an imported stylesheet": "@import url(/animate.css); .x{opacity:0;animation:slideInUp 1s}",
    "keyframes defined twice, differently": (
        "@keyframes pop{to{opacity:1}} @media (min-width:900px){@keyframes pop{to{opacity:0}}} .x{animation:pop 1s forwards}"
    ),
    "a fade-out that repeats for ever": "@keyframes blink{to{opacity:0}} .x{animation:blink 1s infinite forwards}",
    "a pulse from its own opacity 0, for ever": "@keyframes pulse{from{opacity:0}to{opacity:1}} .x{opacity:0;animation:pulse 2s infinite}",
    "a fade-out that is paused": "@keyframes out{to{opacity:0}} .x{animation:out 1s forwards paused}",
    "a fade-out that the page's other rule may leave without a fill mode": (
        "@keyframes out{to{opacity:0}} .x{animation:out 1s forwards} img.x{animation-fill-mode:none}"
    ),
    # Where the animation ends with a fill mode, or ends back at a visible own value.
    "a fade-out with no fill mode, which ends back at the element's own opacity": "@keyframes out{to{opacity:0}} .x{animation:out 1s}",
    "a fade-out run twice alternately, which ends where it started": "@keyframes out{to{opacity:0}} .x{animation:out 1s 2 alternate both}",
    "a fade-out then a fade-in, the later one winning": (
        "@keyframes out{to{opacity:0}} @keyframes back{from{opacity:0}to{opacity:1}} .x{animation:out 1s forwards, back 1s 1s forwards}"
    ),
    "a grow from nothing": "@keyframes grow{from{transform:scale(0)}to{transform:scale(1)}} .x{animation:grow .4s ease-out both}",
    # A count too large to end (`1e999` is an infinite float): read as `infinite`, not judged.
    "a fade-out whose count overflows": "@keyframes out{to{opacity:0}} .x{animation:out 1s 1e999 forwards}",
    "a fade-out whose count longhand overflows": "@keyframes gone{to{visibility:hidden}} .x{animation:gone 1s forwards;animation-iteration-count:1e400}",
    "a shrink counted past what a float tells odd from even": (
        "@keyframes s{to{transform:scale(0)}} .x{animation-name:s;animation-fill-mode:both;animation-iteration-count:1e300}"
    ),
    # The `-webkit-` names of the animation properties are aliases of the unprefixed ones.
    "a -webkit- fade-in with -webkit- keyframes": "@-webkit-keyframes fadeIn{from{opacity:0}to{opacity:1}} .x{opacity:0;-webkit-animation:fadeIn 1s forwards}",
    "-webkit- longhands running unprefixed keyframes": (
        "@keyframes show{from{opacity:0}to{opacity:1}} .x{opacity:0;-webkit-animation-name:show;-webkit-animation-fill-mode:both}"
    ),
    # An animation set only where some screens meet a condition can show, never hide.
    "a fade-out only for readers asking for less motion": "@keyframes fo{to{opacity:0}} @media (prefers-reduced-motion:reduce){.x{animation:fo 1s forwards}}",
    "a shrink only on wide screens": "@keyframes s{to{transform:scale(0)}} @media (min-width:900px){.x{animation-name:s;animation-fill-mode:both}}",
    "a fade-in only for readers who allow motion": (
        "@keyframes fi{from{opacity:0}to{opacity:1}} .x{opacity:0} @media (prefers-reduced-motion:no-preference){.x{animation:fi 1s forwards}}"
    ),
}


# An animation whose fill mode keeps its last keyframe hides the element when that keyframe does
# (read from the page's `@keyframes`), and one with no fill mode leaves the element's own value.
ANIMATED_AWAY = {
    # Most readers' browsers ask for no reduced motion (the default): the fade-out runs for them.
    "a fade-out for readers who allow motion": "@keyframes fo{to{opacity:0}} @media (prefers-reduced-motion:no-preference){.x{animation:fo 1s forwards}}",
    "a fade-out kept by forwards": "@keyframes fadeOut{from{opacity:1}to{opacity:0}} .x{animation:fadeOut 1s forwards}",
    "a shrink kept by the longhands": ("@keyframes shrink{to{transform:scale(0)}} .x{animation-name:shrink;animation-duration:.3s;animation-fill-mode:both}"),
    "a prefixed keyframes ending hidden": (
        "@-webkit-keyframes gone{0%{visibility:visible}100%{visibility:hidden}} @keyframes gone{0%{visibility:visible}100%{visibility:hidden}}"
        " .x{animation:gone 2s linear 1s both}"
    ),
    "a fade-in run in reverse": "@keyframes fadeIn{from{opacity:0}to{opacity:1}} .x{animation:fadeIn 1s reverse forwards}",
    "a fade-in twice alternately": "@keyframes fadeIn{from{opacity:0}to{opacity:1}} .x{opacity:0;animation:fadeIn 1s alternate 2 forwards}",
    "a fade-in with no fill mode from opacity 0": "@keyframes fadeIn{from{opacity:0}to{opacity:1}} .x{opacity:0;animation:fadeIn 1s ease-in}",
    "a fade-out run a large but whole number of times": "@keyframes out{to{opacity:0}} .x{animation:out 1s 1e6 forwards}",
    "a -webkit- fade-out with -webkit- keyframes": "@-webkit-keyframes out{to{opacity:0}} .x{-webkit-animation:out 1s forwards}",
    "a fade-out named by a -webkit- longhand": "@keyframes out{to{opacity:0}} .x{-webkit-animation-name:out;animation-fill-mode:forwards}",
    "a fade-out in a media query every screen meets": "@keyframes fo{to{opacity:0}} @media screen{.x{animation:fo 1s forwards}}",
    # An animation that never ends, or waits paused, where every keyframe it can show keeps the
    # element's own opacity 0: it changes nothing.
    "an endless animation between two transparent keyframes": "@keyframes stay{from{opacity:0}to{opacity:0}} .x{opacity:0;animation:stay 1s infinite}",
    "a paused fade-in from the element's own opacity": "@keyframes fadeIn{from{opacity:0}to{opacity:1}} .x{opacity:0;animation:fadeIn .6s paused forwards}",
    # No `@keyframes` of that name in a page that links and imports no stylesheet: the
    # animation runs nothing.
    "an animation named by keyframes the page does not have": ".x{opacity:0;animation-name:x}",
    "a reveal whose keyframes the page does not have": ".x{visibility:hidden;animation:show 0s 1s forwards}",
    "a paused animation by its longhand": "@keyframes fadeIn{0%{opacity:0}100%{opacity:1}} .x{opacity:0;animation-name:fadeIn;animation-play-state:paused}",
}


@pytest.mark.parametrize("case", sorted(ANIMATED_AWAY))
def test_a_logo_an_animation_leaves_hidden_is_not_seen(case: str) -> None:
    assert errors(check(page(css=ANIMATED_AWAY[case], logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


def test_a_byline_faded_out_by_its_style_attribute_is_hidden() -> None:
    css = "@keyframes out{to{opacity:0}}"
    assert "dcnf/byline" in errors(check(page(css=css, byline='<p style="animation:out 1s forwards">By Jake Smith, Daily Caller News Foundation</p>')))
    assert "dcnf/byline" not in errors(check(page(css=css, byline='<p style="animation:out 1s">By Jake Smith, Daily Caller News Foundation</p>')))


@pytest.mark.parametrize("case", sorted(ANIMATED_LOGOS))
def test_a_logo_faded_in_by_a_css_animation_is_seen(case: str) -> None:
    assert errors(check(page(css=ANIMATED_LOGOS[case], logo=LOGO.format(attrs=' class="x"')))) == []


def test_a_logo_animated_by_keyframes_of_a_linked_stylesheet_is_seen() -> None:
    # The stylesheet is not fetched: its `@keyframes slideInUp` may show the logo.
    logo = '<link rel="stylesheet" href="/animate.css">' + LOGO.format(attrs=' class="x"')
    assert errors(check(page(css=".x{opacity:0;animation:slideInUp 1s forwards}", logo=logo))) == []
    assert errors(check(page(css=".x{opacity:0;animation:slideInUp 1s forwards}", logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


# CSS overrides an image's `width`/`height` attributes, as in browsers (WordPress writes
# `width="1" height="1"` on an SVG upload; the theme sizes it with CSS).
CSS_SIZED_LOGOS = {
    "a stylesheet's width and height": ("img{width:300px;height:90px}", ' width="1" height="1"'),
    "a style attribute's width with height auto": ("", ' width="1" height="1" style="width:300px;height:auto"'),
    "a class's width in em and a percentage height": (".x{width:12em;height:100%}", ' class="x" width="1" height="1"'),
}


@pytest.mark.parametrize("case", sorted(CSS_SIZED_LOGOS))
def test_a_logo_whose_css_size_overrides_tiny_attributes_is_seen(case: str) -> None:
    css, attrs = CSS_SIZED_LOGOS[case]
    assert errors(check(page(css=css, logo=LOGO.format(attrs=attrs)))) == []


@pytest.mark.parametrize(
    ("css", "attrs"),
    [
        ("img{width:1px;height:1px}", ' width="200" height="60"'),
        ("img{width:300px}", ' width="1" height="1"'),  # the height attribute still makes it 1px high
        (".x{width:300px;height:2px}", ' class="x" width="1" height="1"'),
    ],
)
def test_a_logo_tiny_by_css_or_by_an_attribute_css_leaves_is_missing(css: str, attrs: str) -> None:
    assert errors(check(page(css=css, logo=LOGO.format(attrs=attrs)))) == ["dcnf/logo"]


@pytest.mark.parametrize("technique", sorted(HIDDEN_LOGOS))
def test_a_logo_hidden_by_the_pages_css_is_missing(technique: str) -> None:
    css, attrs = HIDDEN_LOGOS[technique]
    assert errors(check(page(css=css, logo=LOGO.format(attrs=attrs)))) == ["dcnf/logo"]


INLINE_HIDDEN_LOGOS = {
    "opacity": ' style="opacity: 0.0"',
    "scale": ' style="transform: scale(0, 0)"',
    "off-screen fixed": ' style="position:fixed; left:-10000px; top:0"',
    "off-screen margin": ' style="position:absolute; margin-left:-3000px"',
    "fixed above the screen by more than its height": ' style="position:fixed; top:-200px" height="50"',
    "fixed left of the screen by more than its CSS width": ' style="position:fixed; left:-300px; width:200px"',
    "clip": ' style="position:absolute;clip:rect(0,0,0,0)"',
    "width and height attributes": ' width="1" height="1"',
    "2px attribute": ' width="2" height="40"',
    "CSS pixel size": ' style="width:1px;height:1px"',
    "comment in the style attribute": ' style="display:none/**/"',
    "an escaped property name": r' style="di\73 play:none"',
    "visibility with odd case": ' style="VISIBILITY : Hidden"',
}


@pytest.mark.parametrize("technique", sorted(INLINE_HIDDEN_LOGOS))
def test_a_logo_hidden_by_its_style_attribute_or_size_is_missing(technique: str) -> None:
    assert errors(check(logo(INLINE_HIDDEN_LOGOS[technique]))) == ["dcnf/logo"]


@pytest.mark.parametrize("uri", [GIF_1X1, PNG_1X1, *WEBP_1X1.values(), *SVG_1X1.values()])
def test_a_one_pixel_data_uri_logo_is_missing(uri: str) -> None:
    tiny = f'<img src="{uri}" alt="Daily Caller News Foundation logo">'
    assert errors(check(page(logo=tiny))) == ["dcnf/logo"]


SHOWN_LOGOS = {
    "a more specific rule shows it again": (".x{display:none} img.x{display:inline}", ' class="x"'),
    # Faint, but the most different colours stay ΔE 8.5 apart at 0.03: not judged by opacity alone.
    "opacity of three hundredths": (".x{opacity:0.03}", ' class="x"'),
    # `all` resets every property it names a CSS-wide keyword for, the hiding ones too.
    "all unset after display none": (".x{display:none;all:unset}", ' class="x"'),
    "all revert in a later rule": (".x{opacity:0} img.x{all:revert}", ' class="x"'),
    "all initial in the style attribute": (".x{visibility:hidden}", ' class="x" style="all:initial"'),
    # A -webkit- name Chromium keeps as an alias sets its property, in the cascade too.
    "a -webkit-transform of none after scale zero": (".x{transform:scale(0);-webkit-transform:none}", ' class="x"'),
    "a -webkit-clip-path of none after a clip to nothing": (".x{clip-path:inset(50%)} .x{-webkit-clip-path:none}", ' class="x"'),
    "a -webkit-opacity of 1 after opacity 0": (".x{opacity:0;-webkit-opacity:1}", ' class="x"'),
    # A sticky box's sides say where it sticks while scrolling; they do not move it.
    "a sticky box with a far negative left": (".x{position:sticky;left:-9999px}", ' class="x"'),
    # A shorthand written after its longhand sets that value again.
    "the margin shorthand after a far negative margin-left": (".x{margin-left:-9999px;margin:0 auto}", ' class="x"'),
    "the margin shorthand in a later rule after a far negative margin-top": (".x{margin-top:-9999px} img.x{margin:0}", ' class="x"'),
    "inset after a far negative left": (".x{position:absolute;left:-9999px;inset:0}", ' class="x"'),
    "a margin-inline-start after a far negative margin-left": (".x{margin-left:-9999px;margin-inline-start:0}", ' class="x"'),
    "the margin-inline shorthand after a far negative margin-left": (".x{margin-left:-9999px} .x{margin-inline:auto}", ' class="x"'),
    # The unitless-length quirk names physical properties only: a browser drops this, in any mode.
    "a unitless margin-inline-start": ("", ' class="x" style="margin-inline-start:-9999"'),
    "a far negative end side of margin-inline": (".x{margin-inline:0 -9999px}", ' class="x"'),
    "a later rule shows it again": (".x{display:none} .x{display:block}", ' class="x"'),
    "the style attribute shows it again": (".x{display:none}", ' class="x" style="display:inline"'),
    "print media": ("@media print{.x{display:none}}", ' class="x"'),
    "a width range": ("@media (max-width: 300px){.x{display:none}}", ' class="x"'),
    "a pseudo-class no reader is in": (".x:hover{display:none}", ' class="x"'),
    "a pseudo-element": (".x::before{display:none}", ' class="x"'),
    "a selector cssselect cannot read": (".x:unknown-thing(3){display:none}", ' class="x"'),
    # A list with a selector Chromium cannot parse is dropped whole, its valid selectors too.
    "a list with an unknown pseudo-class": (".x, .y:bogus{display:none}", ' class="x"'),
    "a list with another engine's pseudo-element": (".x, b::-moz-selection{display:none}", ' class="x"'),
    "a list with another engine's pseudo-class": (".x, :-moz-focusring{display:none}", ' class="x"'),
    "a list with an old Edge pseudo-class": (".x, input:-ms-input-placeholder{display:none}", ' class="x"'),
    "a list with a selector broken by its grammar": (".x, .1a{display:none}", ' class="x"'),
    "a :not() does not forgive": (".x, .x:not(.y:bogus){display:none}", ' class="x"'),
    "a :has() does not forgive": (".x, figure:has(.y:bogus, img){display:none}", ' class="x"'),
    "an :is() left with no argument": (".x:is(:bogus){display:none}", ' class="x"'),
    "broken CSS": (".x{display:", ' class="x"'),
    "pages without scripts": (".no-js .x{display:none}", ' class="x"'),
    "half opacity": (".x{opacity:.5}", ' class="x"'),
    "a small offset": (".x{position:absolute;left:-10px}", ' class="x"'),
    "an offset on a static element": (".x{left:-9999px}", ' class="x"'),
    "zero width without overflow hidden on a box": ("figure{width:0}", ""),
    "a lazy-loader fade-in": (".lazyload{opacity:0}", ' class="lazyload"'),
    "scale of one": (".x{transform:scale(1)}", ' class="x"'),
    # `\61 ` is "a" and eats the space after it: the name is "dispay", which no browser knows.
    "an escape that spells another name": (r".x{disp\61 y:none}", ' class="x"'),
    # An escaped digit starts an identifier, not a number: `opacity: \30` is invalid, as in browsers.
    "an escaped number": (r".x{opacity:\30 }", ' class="x"'),
    "a blur filter": (".x{filter:blur(2px)}", ' class="x"'),
    "half opacity filter": (".x{filter:opacity(.5)}", ' class="x"'),
    "centred by a translation": (".x{position:absolute;top:50%;transform:translate(-50%, -50%)}", ' class="x"'),
    "a far translation undone": (".x{transform:translateX(-10000px) translateX(10000px)}", ' class="x"'),
    "a far translation after a rotation": (".x{transform:rotate(180deg) translateX(-10000px)}", ' class="x"'),
    "contents shown": ("figure{content-visibility:auto}", ""),
    "a clip-path polygon with area": (".x{clip-path:polygon(0 0, 100% 0, 100% 100%, 0 100%)}", ' class="x"'),
    "a minimum width some screens lack": ("@media (min-width: 768px){.x{display:none}}", ' class="x"'),
    "an unlayered show over a more specific layered hide": ("@layer utilities{img.x.x{display:none}} .x{display:inline}", ' class="x"'),
    "a later layer shows it again": ("@layer base{.x{display:none}} @layer utilities{.x{display:inline}}", ' class="x"'),
    "the order set by a layer statement": ("@layer base, utilities; @layer utilities{.x{display:inline}} @layer base{img.x{display:none}}", ' class="x"'),
    "a layer's own rule over its sublayer's": ("@layer a{@layer b{.x{display:none}} .x{display:inline}}", ' class="x"'),
    "a block for a list of layers (invalid CSS)": ("@layer a, b{.x{display:none}}", ' class="x"'),
    "a @supports condition some browsers lack": ("@supports (-webkit-touch-callout: none){.x{display:none}}", ' class="x"'),
    "a @supports test of another vendor's property": ("@supports (-moz-appearance: none){.x{display:none}}", ' class="x"'),
    "a @supports test of a -webkit- property Chromium does not know": ("@supports (-webkit-made-up-thing: 1){.x{display:none}}", ' class="x"'),
    "a negated @supports test of a -webkit- property Chromium knows": ("@supports not (-webkit-appearance: none){.x{display:none}}", ' class="x"'),
    "a negated @supports condition": ("@supports not (display: grid){.x{display:none}}", ' class="x"'),
    # Selector tests Chromium fails (a name only another engine knows, an `:is()` with an argument
    # it cannot read, which `selector()` does not forgive, a list) or `not` of one it meets.
    "a @supports selector test of another engine's name": ("@supports selector(:-moz-focusring){.x{display:none}}", ' class="x"'),
    "a @supports selector test of an unreadable :is() argument": ("@supports selector(:is(.a, :bogus)){.x{display:none}}", ' class="x"'),
    "a @supports selector test of a list": ("@supports selector(.a, .b){.x{display:none}}", ' class="x"'),
    "a negated @supports selector test": ("@supports not selector(:has(a)){.x{display:none}}", ' class="x"'),
    "a @supports selector test and a negated one": ("@supports selector(:has(a)) and (not selector(p)){.x{display:none}}", ' class="x"'),
    # Conditions no browser meets: a property none knows, a value Chromium refuses.
    "a @supports test of a property no browser knows": ("@supports (foo: bar){.x{display:none}}", ' class="x"'),
    "a @supports test of a value refused": ("@supports (display: bogus){.x{display:none}}", ' class="x"'),
    "a @supports and with a failing test": ("@supports (display: grid) and (fake-property: 1){.x{display:none}}", ' class="x"'),
    "a @supports or of failing tests": ("@supports (foo: 1) or ((bar: 2) or (opacity: red)){.x{display:none}}", ' class="x"'),
    "a negative size, which CSS refuses": (".x{width:-1px;height:-1px}", ' class="x"'),
    "a negative maximum size": (".x{max-width:-10px;max-height:-1em}", ' class="x"'),
    "a negative opacity filter, which CSS refuses": (".x{filter:opacity(-1)}", ' class="x"'),
    "opacity above one, clamped to one": (".x{opacity:2}", ' class="x"'),
    # Near-misses of the refused values: values the properties take.
    "a vendor display keyword after none": (".x{display:none} .x{display:-webkit-box}", ' class="x"'),
    "a two-keyword display after none": ("", ' class="x" style="display:none;display:block flow"'),
    "a three-keyword display after none": (".x{display:none} .x{display:inline flow-root list-item}", ' class="x"'),
    "opacity in percent after 0": (".x{opacity:0;opacity:100%}", ' class="x"'),
}


@pytest.mark.parametrize("case", sorted(SHOWN_LOGOS))
def test_css_that_does_not_hide_from_a_reader_keeps_the_logo(case: str) -> None:
    css, attrs = SHOWN_LOGOS[case]
    assert errors(check(page(css=css, logo=f"<figure>{LOGO.format(attrs=attrs)}</figure>"))) == []


def test_an_element_that_skips_its_contents_hides_the_logo_in_it() -> None:
    wrapped = f'<figure class="x">{LOGO.format(attrs="")}</figure>'
    assert errors(check(page(css=".x{content-visibility:hidden}", logo=wrapped))) == ["dcnf/logo"]
    assert errors(check(page(logo=f'<figure style="content-visibility: hidden">{LOGO.format(attrs="")}</figure>'))) == ["dcnf/logo"]


def test_a_page_wide_loading_screen_is_not_hiding() -> None:
    # Its scripts lift it (with none to run, see test_hiding_families).
    loading = page(css="body{visibility:hidden} html{opacity:0}")
    report = check(loading.replace(b"</body>", b'<script src="/assets/app.js"></script></body>'))
    assert errors(report) == []


def test_a_lazy_placeholder_with_a_noscript_fallback_is_a_logo() -> None:
    lazy = (
        f'<img src="{GIF_1X1}" data-src="https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"'
        ' class="lazyload" alt="Daily Caller News Foundation logo">'
        f"<noscript>{LOGO.format(attrs='')}</noscript>"
    )
    report = check(page(logo=lazy))
    assert report.findings == ()
    assert "dcnf/logo" in [p.rule for p in report.passed]


LOGO_ALT = 'alt="Daily Caller News Foundation logo"'
LOGO_URL = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"

# `<style>` blocks a browser never applies to the page: they hide nothing.
HIDE_X = ".x{display:none}"
UNAPPLIED_SHEETS = {
    "inside noscript (scripts are on)": f"<noscript><style>{HIDE_X}</style></noscript>",
    "inside a template": f"<template><style>{HIDE_X}</style></template>",
    "inside a declarative shadow root": f'<div><template shadowrootmode="open"><style>{HIDE_X}</style><slot></slot></template></div>',
    "of type text/plain": f'<style type="text/plain">{HIDE_X}</style>',
    "of a type with parameters": f'<style type="text/css; charset=utf-8">{HIDE_X}</style>',
    "for print": f'<style media="print">{HIDE_X}</style>',
    "for speech, in capitals": f'<style media=" SPEECH ">{HIDE_X}</style>',
    "for a width no screen has": f'<style media="(max-width: 10px)">{HIDE_X}</style>',
    "for a query CSS cannot read": f'<style media="screen and and">{HIDE_X}</style>',
    "for some screens only": f'<style media="(max-width: 600px)">{HIDE_X}</style>',
}
# `<style>` blocks a browser applies: they hide as written.
APPLIED_SHEETS = {
    "in the body": f"<style>{HIDE_X}</style>",
    "of type text/css in capitals": f'<style type=" TEXT/CSS ">{HIDE_X}</style>',
    "of an empty type": f'<style type="">{HIDE_X}</style>',
    "for all media": f'<style media="all">{HIDE_X}</style>',
    "for screens of every width": f'<style media="screen and (min-width: 0), print">{HIDE_X}</style>',
    "with an empty media": f'<style media="">{HIDE_X}</style>',
    "with a disabled attribute (not one a style element has)": f"<style disabled>{HIDE_X}</style>",
    "next to a noscript one": f"<noscript><p>Turn on scripts.</p></noscript><style>{HIDE_X}</style>",
}


@pytest.mark.parametrize("case", sorted(UNAPPLIED_SHEETS))
def test_a_style_block_a_browser_does_not_apply_hides_nothing(case: str) -> None:
    assert errors(check(page(logo=UNAPPLIED_SHEETS[case] + LOGO.format(attrs=' class="x"')))) == []


@pytest.mark.parametrize("case", sorted(APPLIED_SHEETS))
def test_a_style_block_a_browser_applies_hides(case: str) -> None:
    assert errors(check(page(logo=APPLIED_SHEETS[case] + LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


def test_a_linked_stylesheet_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the check opened a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    linked = '<link rel="stylesheet" href="https://cdn.example/site.css"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    assert errors(check(page(logo=linked + LOGO.format(attrs=' class="x"')))) == []


def test_the_lazysizes_noscript_style_leaves_the_lazy_logo_seen_and_cited() -> None:
    # lazysizes' own markup: its `<noscript>` style hides lazy images for readers without scripts only.
    lazy = f'<img class="lazyload" src="{GIF_1X1}" data-src="{LOGO_URL}" width="200" height="50" {LOGO_ALT}><noscript>{LOGO.format(attrs="")}</noscript>'
    for fallback in (lazy, lazy.split("<noscript>")[0]):
        data = page(logo=fallback).replace(b"<head>", b"<head><noscript><style>.lazyload{display:none}</style></noscript>")
        report = check(data)
        assert errors(report) == [] and [f.rule for f in report.findings] == []
        (passed,) = [p for p in report.passed if p.rule == "dcnf/logo"]
        assert "lazyload" in passed.evidence


# Images that show no picture: nothing to load, or a placeholder whose loader has nothing to load.
EMPTY_LOGOS = {
    "no src": f"<img {LOGO_ALT}>",
    "an empty src": f'<img src="" {LOGO_ALT}>',
    "a blank src": f'<img src="  " {LOGO_ALT}>',
    "an empty srcset": f'<img srcset="" {LOGO_ALT}>',
    "a lazy placeholder with no data-src": f'<img class="lazyload" src="{GIF_1X1}" {LOGO_ALT}>',
    "a lazy placeholder with an empty data-src": f'<img class="lazyload" src="{GIF_1X1}" data-src="" {LOGO_ALT}>',
    "a lazy placeholder with an empty data-srcset": f'<img class="lazyload" src="{PNG_1X1}" data-srcset=" " {LOGO_ALT}>',
    "an empty lazy image without a placeholder": f'<img class="lazyload" data-src="" {LOGO_ALT}>',
    "native lazy loading of nothing": f'<img loading="lazy" {LOGO_ALT}>',
    "an empty picture": f'<picture><source srcset=""><img {LOGO_ALT}></picture>',
    "an amp-img with no src": f'<amp-img width="300" height="60" layout="fixed" {LOGO_ALT}></amp-img>',
    "an empty data URL": f'<img src="data:," width="200" height="50" {LOGO_ALT}>',
    "an empty data URL with a type, in capitals": f'<img src=" DATA:image/png;base64, " {LOGO_ALT}>',
    "an empty data URL in a srcset and a picture": f'<picture><source srcset="data:,"><img srcset="data:," {LOGO_ALT}></picture>',
    "a lazy placeholder whose loader address is an empty data URL": f'<img class="lazyload" src="{GIF_1X1}" data-src="data:," {LOGO_ALT}>',
}


@pytest.mark.parametrize("case", sorted(EMPTY_LOGOS))
def test_a_logo_image_that_shows_no_picture_is_missing(case: str) -> None:
    assert errors(check(page(logo=EMPTY_LOGOS[case]))) == ["dcnf/logo"]


# Images that load however they load: each one is on the reader's screen.
LOADING_LOGOS = {
    "data-src": f'<img class="lazyload" src="{GIF_1X1}" data-src="{LOGO_URL}" {LOGO_ALT}>',
    "data-srcset": f'<img class="lazyload" src="{GIF_1X1}" data-srcset="{LOGO_URL} 300w" {LOGO_ALT}>',
    "data-lazy-src without a class": f'<img src="{PNG_1X1}" data-lazy-src="{LOGO_URL}" {LOGO_ALT}>',
    "srcset only": f'<img srcset="{LOGO_URL} 1x" {LOGO_ALT}>',
    "a placeholder with a srcset": f'<img src="{GIF_1X1}" srcset="{LOGO_URL} 1x" {LOGO_ALT}>',
    "native lazy loading": f'<img loading="lazy" src="{LOGO_URL}" {LOGO_ALT}>',
    "a picture source": f'<picture><source srcset="{LOGO_URL}" type="image/webp"><img {LOGO_ALT}></picture>',
    "a lazy placeholder with a noscript copy": f'<img class="lazyload" src="{GIF_1X1}" {LOGO_ALT}><noscript><img src="{LOGO_URL}" {LOGO_ALT}></noscript>',
    "an empty lazy image with a noscript copy": f'<img class="lazyload" data-src="" {LOGO_ALT}><noscript><img src="{LOGO_URL}" {LOGO_ALT}></noscript>',
    "a data URL with a picture in it": f'<img src="{PNG_300X200}" {LOGO_ALT}>',
    "an empty data URL placeholder and a data-src": f'<img class="lazyload" src="data:," data-src="{LOGO_URL}" {LOGO_ALT}>',
}


@pytest.mark.parametrize("case", sorted(LOADING_LOGOS))
def test_a_logo_that_loads_however_it_loads_is_seen(case: str) -> None:
    report = check(page(logo=LOADING_LOGOS[case]))
    assert report.findings == ()
    assert "dcnf/logo" in [p.rule for p in report.passed]


@pytest.mark.parametrize(
    "uri",
    [
        # (Each draws something: an SVG that draws nothing is a placeholder, whatever its size.)
        f"data:image/svg+xml;utf8,<svg {_SVG_NS} width='300' height='100'><rect width='300' height='100'/></svg>",
        f"data:image/svg+xml;utf8,<svg {_SVG_NS} viewBox='0 0 300 100'><rect width='300' height='100'/></svg>",
        # A width in another unit, or no size at all, is not known: the image counts.
        f"data:image/svg+xml;utf8,<svg {_SVG_NS} width='100%' height='1'><rect width='300' height='100'/></svg>",
        f"data:image/svg+xml;utf8,<svg {_SVG_NS} width='1em' height='1em'><rect width='300' height='100'/></svg>",
        f"data:image/svg+xml;utf8,<svg {_SVG_NS}><rect width='300' height='100'/></svg>",
        # A 1×1 drawing that is not an SVG document, or declared as another type, is not read as one.
        "data:image/svg+xml;utf8,<html width='1' height='1'/>",
        "data:image/png;utf8,<svg width='1' height='1'/>",
    ],
)
def test_a_data_uri_svg_logo_of_a_visible_or_unknown_size_is_seen(uri: str) -> None:
    shown = f'<img src="{uri}" alt="Daily Caller News Foundation logo">'
    assert errors(check(page(logo=shown))) == []


def test_a_data_uri_svg_that_draws_nothing_is_a_placeholder() -> None:
    # A lazy-load plugin's placeholder of the picture's size: a blank box, whatever its size.
    for empty in (f"<svg {_SVG_NS} width='300' height='100'/>", f"<svg {_SVG_NS} viewBox='0 0 300 100'><g/></svg>"):
        shown = f'<img src="data:image/svg+xml;utf8,{empty}" alt="Daily Caller News Foundation logo">'
        assert errors(check(page(logo=shown))) == ["dcnf/logo"]


def test_a_large_image_with_only_a_one_pixel_data_uri_is_a_placeholder() -> None:
    # Stretched to 120×40 a 1×1 picture is a blank (or one colour), never the logo; with a real
    # picture for a lazy-loader to put in its place it is the logo.
    stretched = f'<img src="{GIF_1X1}" width="120" height="40" alt="Daily Caller News Foundation logo">'
    assert errors(check(page(logo=stretched))) == ["dcnf/logo"]
    lazy = stretched.replace("<img ", '<img data-src="https://dailycallernewsfoundation.org/logo.png" ')
    assert errors(check(page(logo=lazy))) == []


# A JPEG's start (SOI, a JFIF APP0 segment, a quantisation table) and its frame header of a size.
def _jpeg(width: int, height: int) -> str:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    table = b"\xff\xdb\x00\x43\x00" + bytes(range(1, 65))
    frame = b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", height, width) + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return "data:image/jpeg;base64," + base64.b64encode(b"\xff\xd8" + app0 + table + frame + b"\xff\xda" + bytes(40)).decode()


# A PNG's signature and the length and type of its IHDR chunk, before the image's size.
PNG_HEADER_START = bytes.fromhex("89504e470d0a1a0a0000000d49484452")


def _b64(kind: str, data: bytes) -> str:
    return f"data:{kind};base64," + base64.b64encode(data).decode()


# `data:` pictures no browser draws: it shows a broken image (its alt text at most), not a logo.
BROKEN_DATA_LOGOS = {
    "base64 with characters outside its alphabet": '<img src="data:image/png;base64,iVBORw0KGgo@@@@AAAANSUhEUg" {alt}>',
    "base64url, which data: URLs do not take": '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAASwAAADICAIAAADdvUsC-_8" {alt}>',
    "padding in the middle": '<img src="data:image/gif;base64,R0lG=ODlhAQABAIAAAAAAAP" {alt}>',
    "a PNG type holding zeros": f'<img src="{_b64("image/png", bytes(48))}" {{alt}}>',
    "a PNG signature cut short before its header": f'<img src="{_b64("image/png", bytes.fromhex("89504e470d0a1a0a0000000d"))}" {{alt}}>',
    "a PNG header of no width": f'<img src="{_b64("image/png", PNG_HEADER_START + bytes(4) + bytes.fromhex("000000c8"))}" {{alt}}>',
    "a GIF type holding only its signature": '<amp-img src="data:image/gif;base64,R0lGODlh" width="240" height="80" {alt}></amp-img>',
    "a JPEG type holding text": f'<img src="{_b64("image/jpeg", b"<html>Daily Caller News Foundation</html>")}" width="240" {{alt}}>',
    "a srcset of a broken picture only": '<img srcset="data:image/webp;base64,UklGR!!! 1x, data:image/png;base64,AAAA 2x" {alt}>',
    "a picture source and an image both broken": (
        '<picture><source srcset="data:image/png;base64,%%%%"><img src="data:image/jpeg;base64,AAAAAAAA" {alt}></picture>'
    ),
}
# Near-misses: browsers draw these (a GIF under a PNG type is sniffed; white space, missing padding
# and percent-encoding are how data: URLs may be written), or a loader brings another picture.
_GIF_1X1_BYTES = base64.b64decode(GIF_1X1.split(",")[1])
# Its transparent colour turned off: a pixel that paints (a GIF whose every pixel is transparent draws nothing).
_GIF_240X80 = _GIF_1X1_BYTES[:6] + struct.pack("<HH", 240, 80) + _GIF_1X1_BYTES[10:].replace(b"\x21\xf9\x04\x01", b"\x21\xf9\x04\x00", 1)
DRAWN_DATA_LOGOS = {
    # (A GIF of 240×80 by its header: a 1×1 one is a placeholder, however large its attributes make it.)
    "a GIF declared as a PNG": f'<img src="{_b64("image/png", _GIF_240X80)}" width="240" height="80" {{alt}}>',
    "base64 broken over lines, without padding": '<img src="data:image/png;base64,iVBORw0KGgoAAAAN\n  SUhEUgAAASwAAADICAIAAADdvUsCAAAAAA" {alt}>',
    "percent-encoded base64": f'<img src="{PNG_300X200.replace("+", "%2B").replace("=", "%3D")}" {{alt}}>',
    "a JPEG of a visible size": f'<img src="{_jpeg(240, 80)}" {{alt}}>',
    "an unknown type is not judged": '<img src="data:image/x-brand;base64,AAAAAAAA" {alt}>',
    "a broken placeholder a loader replaces": f'<img class="lazyload" src="data:image/png;base64,@@" data-src="{LOGO_URL}" {{alt}}>',
    "a broken src with a srcset that draws": f'<img src="data:image/png;base64,@@" srcset="{PNG_300X200} 1x" {{alt}}>',
}


@pytest.mark.parametrize("case", sorted(BROKEN_DATA_LOGOS))
def test_a_data_uri_logo_no_browser_can_decode_is_missing(case: str) -> None:
    assert errors(check(page(logo=BROKEN_DATA_LOGOS[case].format(alt=LOGO_ALT)))) == ["dcnf/logo"]


@pytest.mark.parametrize("case", sorted(DRAWN_DATA_LOGOS))
def test_a_data_uri_logo_a_browser_draws_is_seen(case: str) -> None:
    assert errors(check(page(logo=DRAWN_DATA_LOGOS[case].format(alt=LOGO_ALT)))) == []


_BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _infra_base64(text: str) -> bytes | None:
    """Infra's forgiving-base64 decode, step by step and bit by bit (the reference reading)."""
    data = "".join(c for c in text if c not in "\t\n\f\r ")
    if len(data) % 4 == 0:
        data = data[:-2] if data.endswith("==") else data[:-1] if data.endswith("=") else data
    if len(data) % 4 == 1 or any(c not in _BASE64_ALPHABET for c in data):
        return None
    bits = "".join(format(_BASE64_ALPHABET.index(c), "06b") for c in data)
    return bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits) - len(bits) % 8, 8))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_BASE64_ALPHABET[:6] + "+/=-_@ \n\t", max_size=40))
def test_data_uri_base64_is_decoded_as_infras_forgiving_base64(text: str) -> None:
    assert forgiving_base64(text) == _infra_base64(text)


def test_a_jpeg_data_uri_is_sized_by_its_frame_header() -> None:
    assert data_image_size(_jpeg(1, 1)) == (1, 1)
    assert data_image_size(_jpeg(640, 480)) == (640, 480)
    assert errors(check(page(logo=f'<img src="{_jpeg(1, 1)}" {LOGO_ALT}>'))) == ["dcnf/logo"]
    assert data_image_size("data:image/jpeg;base64,/9j/") is None  # no frame header


# --- inline SVG logos: an <svg> a reader sees, named as the logo, is the logo ----------------------

_DRAWING = '<path d="M0 0h120v30H0z"/>'
# The DCNF logo as a <symbol> a page defines once (in a hidden sprite) and shows with <use>.
_SPRITE = f'<svg style="display:none"><symbol id="brand-mark" viewBox="0 0 120 30"><title>Daily Caller News Foundation logo</title>{_DRAWING}</symbol></svg>'
SVG_LOGOS = {
    "a <title> child": f'<svg viewBox="0 0 120 30"><title>Daily Caller News Foundation logo</title>{_DRAWING}</svg>',
    "aria-label with role img": f'<svg role="img" aria-label="DCNF logo" width="120" height="30">{_DRAWING}</svg>',
    "aria-labelledby naming text in the page": (
        f'<div><span id="lbl" hidden>The Daily Caller News Foundation</span><svg aria-labelledby="lbl" viewBox="0 0 120 30">{_DRAWING}</svg></div>'
    ),
    "aria-hidden, yet named by its <title>": f'<svg aria-hidden="true" width="120" height="30"><title>DCNF</title>{_DRAWING}</svg>',
    "<use> of a titled symbol": f'{_SPRITE}<svg class="brand" viewBox="0 0 120 30"><use href="#brand-mark"></use></svg>',
    "<use xlink:href> of a titled symbol": f'{_SPRITE}<svg viewBox="0 0 120 30"><use xlink:href="#brand-mark"/></svg>',
    # Presentation attributes that show it, or that CSS overrides, or not a valid value.
    "a visible opacity attribute": f'<svg opacity="0.8" display="inline" width="120" height="30"><title>DCNF logo</title>{_DRAWING}</svg>',
    "display none overridden by its style": f'<svg display="none" style="display:block" aria-label="DCNF logo" width="120" height="30">{_DRAWING}</svg>',
    "an attribute that is not one value": f'<svg display="block;opacity:0" aria-label="DCNF logo" width="120" height="30">{_DRAWING}</svg>',
}


@pytest.mark.parametrize("case", sorted(SVG_LOGOS))
def test_an_inline_svg_named_as_the_logo_is_the_logo(case: str) -> None:
    report = check(page(logo=SVG_LOGOS[case]))
    assert errors(report) == []
    assert "dcnf/logo" in [p.rule for p in report.passed]


NOT_SVG_LOGOS = {
    "an icon titled Search": f'<svg role="img" viewBox="0 0 24 24"><title>Search</title>{_DRAWING}</svg>',
    "an unnamed drawing": f'<svg viewBox="0 0 120 30">{_DRAWING}</svg>',
    "aria-hidden takes its aria-label away": f'<svg aria-hidden="true" aria-label="DCNF logo" width="120" height="30">{_DRAWING}</svg>',
    "aria-labelledby an id the page lacks": f'<svg aria-labelledby="nowhere" width="120" height="30">{_DRAWING}</svg>',
    "hidden by a class rule": f'<svg class="gone" viewBox="0 0 120 30"><title>DCNF logo</title>{_DRAWING}</svg>',
    "display none in its style": f'<svg style="display:none" aria-label="DCNF logo" width="120" height="30">{_DRAWING}</svg>',
    "2px by its attributes": f'<svg width="2" height="2" aria-label="DCNF logo">{_DRAWING}</svg>',
    "viewBox only, 1px by CSS": f'<svg class="dot" viewBox="0 0 120 30"><title>DCNF logo</title>{_DRAWING}</svg>',
    "a symbol defined but never used": _SPRITE,
    # SVG presentation attributes are hints for the CSS property of the same name (SVG 2, 6.6).
    "a display none attribute": f'<svg width="300" height="60" display="none"><title>Daily Caller News Foundation logo</title>{_DRAWING}</svg>',
    "a visibility hidden attribute": f'<svg viewBox="0 0 120 30" visibility="hidden" role="img" aria-label="DCNF logo">{_DRAWING}</svg>',
    "an opacity attribute of 0%": f'<svg width="120" height="30" opacity="0%"><title>DCNF</title>{_DRAWING}</svg>',
    # A drawing of nothing: named as the logo, it holds nothing that may paint, a blank box.
    "a <title> alone": "<svg><title>Daily Caller News Foundation logo</title></svg>",
    "an aria-label and nothing inside": '<svg role="img" aria-label="DCNF logo" width="120" height="30"></svg>',
    "a <title>, <desc>, <defs> and an empty group": f'<svg viewBox="0 0 120 30"><title>DCNF logo</title><desc>Logo</desc><defs>{_DRAWING}</defs><g></g></svg>',
}


def test_a_css_rule_overrides_an_svg_presentation_attribute() -> None:
    logo = f'<svg class="brand" display="none" opacity="0" width="120" height="30"><title>DCNF logo</title>{_DRAWING}</svg>'
    assert errors(check(page(css=".brand{display:inline;opacity:1}", logo=logo))) == []
    assert errors(check(page(css=".brand{display:inline}", logo=logo))) == ["dcnf/logo"]  # its opacity attribute still hides it


@pytest.mark.parametrize("case", sorted(NOT_SVG_LOGOS))
def test_an_inline_svg_not_named_as_the_logo_or_not_seen_is_no_logo(case: str) -> None:
    assert errors(check(page(css=".gone{display:none} .dot{width:1px;height:1px}", logo=NOT_SVG_LOGOS[case]))) == ["dcnf/logo"]


def test_an_inline_svg_logo_in_a_markdown_articles_raw_html_is_the_logo() -> None:
    markdown = "# Officials weigh new approach\n\n{svg}\n\nBy Jake Smith, Daily Caller News Foundation\n\nStory.\n"
    assert errors(check(markdown.format(svg=SVG_LOGOS["a <title> child"]).encode(), "markdown")) == []
    assert errors(check(markdown.format(svg=NOT_SVG_LOGOS["an icon titled Search"]).encode(), "markdown")) == ["dcnf/logo"]


def test_a_comment_in_an_svg_title_is_no_part_of_its_name() -> None:
    # The HTML parser reads <title> as raw text; in an <svg> a browser reads the comment as one.
    titled = f'<svg viewBox="0 0 120 30"><title>Daily Caller <!-- brand -->News Foundation logo</title>{_DRAWING}</svg>'
    assert errors(check(page(logo=titled))) == []


def test_an_inline_svg_logo_is_cited_by_its_name_and_counts_as_the_logo_above_the_byline() -> None:
    report = check(page(logo=SVG_LOGOS["<use> of a titled symbol"], byline="<p>By Jake Smith</p>"))
    logo = next(p for p in report.passed if p.rule == "dcnf/logo")
    assert logo.evidence == '<svg class="brand">Daily Caller News Foundation logo'
    # The logo directly above the byline is DCNF's own way to give the affiliation.
    assert "dcnf/affiliation" in [p.rule for p in report.passed]


def test_fix_inserts_an_img_logo_only_where_no_svg_logo_is(cli, tmp_path: Path) -> None:
    with_svg = tmp_path / "svg.html"
    with_svg.write_bytes(page(logo=SVG_LOGOS["a <title> child"]))
    icon = tmp_path / "icon.html"
    icon.write_bytes(page(logo=NOT_SVG_LOGOS["an icon titled Search"]))
    assert cli("fix", "--pack", "dcnf", "-m", "logo-url=https://cdn.example/dcnf-logo.png", str(with_svg)).out == ""
    diff = cli("fix", "--pack", "dcnf", "-m", "logo-url=https://cdn.example/dcnf-logo.png", str(icon)).out
    assert '+<p><img src="https://cdn.example/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>' in diff


@pytest.mark.parametrize(
    ("box", "seen"),
    [
        ('<div style="height:2px;overflow:hidden">{}</div>', False),
        ('<div class="strip">{}</div>', False),
        ('<div style="width:1px;overflow:hidden">{}</div>', False),
        ('<div style="height:0;padding:1px 0;overflow:hidden">{}</div>', False),
        ('<p><span style="display:inline-block;width:0;overflow:hidden">{}</span></p>', False),
        # Near-misses: a box that does not clip, and one large enough to show part of the logo.
        ('<div style="height:2px">{}</div>', True),
        ('<div style="height:40px;overflow:hidden">{}</div>', True),
        # The aspect-ratio box shows its padding (a percentage of its width, or a length).
        ('<div style="position:relative;height:0;padding-bottom:20%;overflow:hidden">{}</div>', True),
        # (What it holds in the flow starts below its padding, at its bottom: Chromium cuts it
        # off; placed absolutely at its top, it shows.)
        ('<div style="height:0;padding-top:60px;overflow:hidden">{}</div>', False),
        ('<div style="position:relative;height:0;padding-top:60px;overflow:hidden"><div style="position:absolute;top:0">{}</div></div>', True),
        ('<div style="height:1px;padding:30px 0;overflow:hidden">{}</div>', True),
        # Sizes bound neither an inline box nor a table part, which grows to fit.
        ('<p><span style="width:0;overflow:hidden">{}</span></p>', True),
        ('<table><tr><td style="height:1px;overflow:hidden">{}</td></tr></table>', True),
        ('<table style="height:1px;overflow:hidden"><tr><td>{}</td></tr></table>', True),
        # `overflow` as CSS computes it, axis by axis (`clipping.cuts_off_overflow`): the
        # two-value form (x, then y), and a scroll container, which has nothing to scroll through.
        ('<div style="overflow:visible hidden;height:1px">{}</div>', False),
        ('<section style="overflow:clip visible;width:0">{}</section>', False),
        ('<div style="max-height:0;overflow-y:auto">{}</div>', False),
        ('<figure style="width:2px;overflow:scroll">{}</figure>', False),
        # Near-misses: a box that cuts off its overflow on the other axis only, or on none.
        ('<div style="overflow:clip visible;height:0">{}</div>', True),
        ('<div style="overflow-x:clip;height:1px">{}</div>', True),
        ('<div style="overflow:visible visible;height:0">{}</div>', True),
    ],
)
def test_a_logo_inside_a_box_of_2px_or_less_that_clips_is_not_seen(box: str, seen: bool) -> None:
    logo = '<img width="300" height="90" src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo">'
    report = check(page(css=".strip{max-height:1px;overflow:hidden}", logo=box.format(logo)))
    assert ("dcnf/logo" not in errors(report)) is seen


HIDDEN_BYLINES = {
    "font-size zero": (".q{font-size:0}", ' class="byline q"'),
    "font shorthand zero": (".q{font:0/0 a}", ' class="byline q"'),
    "font-size zero in em": (".q{font-size:0em}", ' class="byline q"'),
    "font-size of a tenth of a pixel": (".q{font-size:0.1px}", ' class="byline q"'),
    "font-size of one pixel": (".q{font-size:1px}", ' class="byline q"'),
    "a tiny relative size (of the default 16px)": (".q{font-size:0.05em}", ' class="byline q"'),
    "white on white": (".q{color:#fff;background:#fff}", ' class="byline q"'),
    "named colour on the body's background": ("body{background-color:#ffffff} .q{color:white}", ' class="byline q"'),
    "nearly the background colour": ("article{background:rgb(255,255,255)} .q{color:#fefefe}", ' class="byline q"'),
    "transparent text": (".q{color:rgba(0,0,0,0)}", ' class="byline q"'),
    "zero-height box with overflow hidden": (".q{height:0;overflow:hidden}", ' class="byline q"'),
    "a 2px-high box with overflow hidden": (".q{height:2px;overflow:hidden}", ' class="byline q"'),
    "a 2px-wide box with overflow clip": ("", ' class="byline" style="width:2px;overflow-x:clip"'),
    "a zero-height box whose two-value overflow hides its vertical axis": (".q{height:0;overflow:visible hidden}", ' class="byline q"'),
    "a 1px-wide box whose two-value overflow clips its horizontal axis": ("", ' class="byline" style="width:1px;overflow:clip visible"'),
    "a collapsed box that scrolls": (".q{max-height:0;overflow:auto}", ' class="byline q"'),
    "visibility from the article": ("article{visibility:hidden} h1, p:not(.byline){visibility:visible}", ' class="byline"'),
    "a refused negative font size after a zero one": (".q{font-size:0} .q{font-size:-1px}", ' class="byline q"'),
    "a refused negative font size in the same style attribute": ("", ' class="byline" style="font-size:0;font-size:-2px"'),
    "white on a white band with no picture": ("body{background:#0b2545} .q{background:#fff;color:#fff}", ' class="byline q"'),
    "white on a band whose custom property falls back to white": (
        "body{background:#fff} .band{background-color:var(--brand, #fff)} .q{color:#fff}",
        ' class="byline q band"',
    ),
    "a background image switched off": ("body{background:#fff} .q{background-image:none;color:#fff}", ' class="byline q"'),
    # A value the property does not take after the hiding one: dropped, as a browser drops it.
    "a word for a colour after white on white": (".q{color:#fff;background:#fff} .q{color:banana}", ' class="byline q"'),
    "an old hsl without percentages after white on white": (".q{color:#fff;background:#fff} .q{color:hsl(0, 0, 0)}", ' class="byline q"'),
    "a font shorthand with no family after a zero one": (".q{font:0/0 a} .q{font:16px}", ' class="byline q"'),
    "a font shorthand with no size after a zero one, in a style attribute": ("", ' class="byline" style="font:0/0 a;font:bold"'),
    "a text indent of two lengths after one far to the left": (
        ".q{text-indent:-9999px;overflow:hidden;white-space:nowrap} .q{text-indent:0 0}",
        ' class="byline q"',
    ),
    "a length for a font size that is no length": ("", ' class="byline" style="font-size:0;font-size:10deg"'),
    "a third overflow keyword after a hiding one": (".q{height:0;overflow:hidden} .q{overflow:visible visible visible}", ' class="byline q"'),
    "a text indent of a keyword alone after one far to the left": (
        ".q{text-indent:-9999px;overflow:hidden;white-space:nowrap} .q{text-indent:hanging}",
        ' class="byline q"',
    ),
}


@pytest.mark.parametrize("technique", sorted(HIDDEN_BYLINES))
def test_a_byline_hidden_by_css_does_not_count(technique: str) -> None:
    css, attrs = HIDDEN_BYLINES[technique]
    assert "dcnf/byline" in errors(check(page(css=css, byline=BYLINE.format(attrs=attrs))))


SHOWN_BYLINES = {
    "a child with an absolute font size": (".wrap{font-size:0} .wrap p{font-size:16px}", "<div class=wrap>{}</div>"),
    "a child visible inside a hidden parent": (".wrap{visibility:hidden} .wrap p{visibility:visible}", "<div class=wrap>{}</div>"),
    "white on black": (".q{color:#fff;background:#000}", "<div class=q>{}</div>"),
    "the overflow shorthand after a hidden overflow-y on a box of no height": (".q{height:0;overflow-y:hidden;overflow:visible}", "<div class=q>{}</div>"),
    "a modern rgb that mixes percentages and numbers after transparent": (
        ".q{color:transparent} .q p{color:rgb(0% 0 0)}",
        "<div class=q>{}</div>",
    ),
    "gradient text": (".q{color:transparent;background:linear-gradient(red,blue);background-clip:text}", "<div class=q>{}</div>"),
    # The linked stylesheet, which is not fetched, may paint the page dark (see `page_canvas`).
    "a white text colour with no background set, on a page that links a stylesheet": (
        ".q{color:#fff}",
        '<link rel="stylesheet" href="/site.css"><div class=q>{}</div>',
    ),
    "small print": (".q{font-size:8px}", "<div class=q>{}</div>"),
    # A box of no height that cuts off what overflows it horizontally only (see `clipping.cuts_off_overflow`).
    "a zero-height box that clips horizontally only": (".q{height:0;overflow:clip visible}", "<div class=q>{}</div>"),
    "a 1px-high box with overflow-x clip": ("", '<div style="height:1px;overflow-x:clip">{}</div>'),
    "a small relative size": (".q{font-size:0.5em}", "<div class=q>{}</div>"),
    "a tiny relative size under a large parent's": (".big{font-size:400px} .q{font-size:0.05em}", "<div class=big><div class=q>{}</div></div>"),
    "an inline dark text colour on a stylesheet's white body": ("body{background:#fff}", '<div style="color:#222">{}</div>'),
    "an inline white text colour on a stylesheet's dark box": (".q{background-color:#0d2c40}", '<div class=q><div style="color:#fff">{}</div></div>'),
    "a stylesheet's white text on an inline dark background": (".q{color:white}", '<div style="background:#000"><div class=q>{}</div></div>'),
    "an inline white text colour where the white is elsewhere, on a page that links a stylesheet": (
        ".other{background:#fff}",
        '<link rel="stylesheet" href="/site.css"><div style="color:#fff">{}</div>',
    ),
    "a negative font size, which CSS refuses": ("p{font-size:-1px}", "<div>{}</div>"),
    "a negative font size after a readable one": (".q{font-size:16px} .q{font-size:-1px}", "<div class=q>{}</div>"),
    "a negative size in the font shorthand": (".q{font:-2px Arial}", "<div class=q>{}</div>"),
    "a negative inline font size": ("", '<div style="font-size:-0.5em">{}</div>'),
    # A background colour from a custom property, worked out on the element or not known.
    "white on a band coloured by a custom property, in a white card": (
        ".card{--brand:#0b2545;background:#fff} .band{background-color:var(--brand)} .band .q{color:#fff}",
        "<div class=card><div class=band><div class=q>{}</div></div></div>",
    ),
    "white on a band coloured by a root custom property, in the background shorthand": (
        ":root{--brand:#0b2545} body{background:#fff} .band{background:var(--brand)} .band .q{color:#fff}",
        "<div class=band><div class=q>{}</div></div>",
    ),
    "white on a band whose custom property is defined nowhere": (
        "body{background:#fff} .band{background:var(--undefined)} .band .q{color:#fff}",
        "<div class=band><div class=q>{}</div></div>",
    ),
    # A picture is painted over the background colour: something is behind the text.
    "white over a background image, in a white page": (
        "body{background:#fff} .band{background-image:url(/img/hero.jpg)} .band .q{color:#fff}",
        "<div class=band><div class=q>{}</div></div>",
    ),
    "white over a picture and a white colour in the shorthand": (
        "body{background:#fff} .band{background:url(/img/hero.jpg) #fff} .band .q{color:#fff}",
        "<div class=band><div class=q>{}</div></div>",
    ),
    "white over a gradient image on the text itself": (
        "article{background:#fff} .q{color:#fff;background-image:linear-gradient(#000,#333)}",
        "<div class=q>{}</div>",
    ),
    # A fade-in animation (see `ANIMATED_LOGOS`).
    "a byline faded in by an animation": (
        "@keyframes fadeIn{from{opacity:0}to{opacity:1}} .q{opacity:0;animation:fadeIn .6s ease forwards}",
        "<div class=q>{}</div>",
    ),
}

# Text and background colours set in different places: a `<style>` rule and a `style` attribute.
SPLIT_COLOUR_BYLINES = {
    "a class background and an inline text colour inside": (".q{background-color:#fff}", '<div class=q><div style="color:white">{}</div></div>'),
    "the body's background and an inline text colour": ("body{background:#fff}", '<div style="color:#fefefe">{}</div>'),
    "a class text colour and an inline background around it": (".q{color:#fff}", '<div style="background-color:white"><div class=q>{}</div></div>'),
    "an important class background": (".q{background:#000 !important}", '<div class=q><div style="color:rgb(0,0,0)">{}</div></div>'),
}


@pytest.mark.parametrize("case", sorted(SPLIT_COLOUR_BYLINES))
def test_a_byline_coloured_like_its_background_set_elsewhere_does_not_count(case: str) -> None:
    css, wrapper = SPLIT_COLOUR_BYLINES[case]
    assert "dcnf/byline" in errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"')))))


def test_an_affiliation_coloured_like_a_stylesheets_background_does_not_count() -> None:
    byline = '<p class="byline">By Jake Smith<span style="color:white">, Daily Caller News Foundation</span></p>'
    report = check(
        page(css=".byline{background-color:#fff}", logo="", byline=byline).replace(
            b"</h1>", b"</h1>" + LOGO.format(attrs="").encode() + b"<p>Intro.</p><p>More.</p>"
        )
    )
    assert errors(report) == ["dcnf/affiliation"]


@pytest.mark.parametrize("case", sorted(SHOWN_BYLINES))
def test_a_byline_a_reader_sees_counts(case: str) -> None:
    css, wrapper = SHOWN_BYLINES[case]
    assert errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"'))))) == []


# Pseudo-classes cssselect does not translate, matched as on the page a reader first sees
# (`first_sight`): nothing focused but an `autofocus` control, nothing hovered, filled in or open
# unless the markup says so. Each hides the byline in Chromium 156.
BYLINES_HIDDEN_BY_PSEUDO_CLASSES = {
    "nothing is focused within the article": ("article:not(:focus-within) .byline{display:none}", "{}"),
    "a link, as :any-link": ("a:any-link{font-size:0}", '<a href="/author/jake-smith">{}</a>'),
    "a link, as :-webkit-any-link": ("a:-webkit-any-link{visibility:hidden}", '<a href="/author/jake-smith">{}</a>'),
    "an element that is no custom element is defined": (".byline:defined{display:none}", "{}"),
    "a custom element no script defines": ("x-credit:not(:defined){display:none}", "<x-credit>{}</x-credit>"),
    "left to right by default": (".byline:dir(ltr){display:none}", "{}"),
    "right to left from an ancestor": ("div:dir(rtl) .byline{display:none}", '<div dir="rtl">{}</div>'),
    "not focused visibly": (".byline:not(:focus-visible){display:none}", "{}"),
    "not autofilled": (".byline:not(:autofill){display:none}", "{}"),
    "no modal dialog": (".byline:not(:modal){opacity:0}", "{}"),
    "a popover is closed": ("[popover]:not(:popover-open){display:block;opacity:0}", "<div popover>{}</div>"),
    "no full screen": ("article:not(:fullscreen) .byline{display:none}", "{}"),
    "no user has made a field invalid or valid": (".byline:not(:user-invalid):not(:user-valid){display:none}", "{}"),
    "a placeholder shown in an empty field": (
        "form:has(input:placeholder-shown) .byline{display:none}",
        '<form><input placeholder="Search"><div>{}</div></form>',
    ),
    "an open details": ("details:open .byline{visibility:hidden}", "<details open><summary>Credit</summary>{}</details>"),
    "no target": ("article:not(:target) .byline{display:none}", "{}"),
    "the focus an autofocus field takes": ("form:focus-within .byline{display:none}", "<form><input autofocus>{}</form>"),
    "a required field left empty": ("form:invalid .byline{display:none}", "<form><input required>{}</form>"),
    "the first byline of its siblings": ("p:nth-child(1 of .byline){display:none}", "{}"),
    "the last byline of its siblings": ("article > :nth-last-child(1 of .byline, .x){font-size:0}", "{}"),
    "read-only text": (".byline:read-only{display:none}", "{}"),
    "no state a script sets": (".byline:not(:state(open)){display:none}", "{}"),
    "none of a :not()'s list": ("p:not(.lede, .note){display:none}", "{}"),
}
# Their near-misses: what a reader first sees does not match.
BYLINES_SHOWN_DESPITE_PSEUDO_CLASSES = {
    "nothing is focused": ("article:focus-within .byline{display:none}", "{}"),
    "a link without an address": ("a:any-link{font-size:0}", "<a>{}</a>"),
    "a custom element is not defined": (".byline:not(:defined){display:none}", "{}"),
    "right to left only": (".byline:dir(rtl){display:none}", "{}"),
    "left to right inside right to left": (".byline:dir(rtl){display:none}", '<div dir="rtl"><div dir="ltr">{}</div></div>'),
    "a popover is not open": ("[popover]:popover-open .byline{display:none}", "{}"),
    "a field filled in": ("form:has(input:placeholder-shown) .byline{display:none}", '<form><input placeholder="Search" value="x"><div>{}</div></form>'),
    "a closed details": ("details:not(:open) .byline{visibility:hidden}", "<details open><summary>Credit</summary>{}</details>"),
    "a required field filled in": ("form:invalid .byline{display:none}", '<form><input required value="x">{}</form>'),
    "the second byline of its siblings": ("p:nth-child(2 of .byline){display:none}", "{}"),
    "a state a script sets": (".byline:state(open){display:none}", "{}"),
    "hovered, targeted, modal, autofilled": (".byline:is(:hover, :target, :modal, :autofill, :user-invalid){display:none}", "{}"),
    "one of a :not()'s list": ("p:not(.lede, .byline){display:none}", "{}"),
}


@pytest.mark.parametrize("case", sorted(BYLINES_HIDDEN_BY_PSEUDO_CLASSES))
def test_a_byline_a_pseudo_class_hides_as_the_page_is_first_seen_does_not_count(case: str) -> None:
    css, wrapper = BYLINES_HIDDEN_BY_PSEUDO_CLASSES[case]
    assert "dcnf/byline" in errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"')))))


@pytest.mark.parametrize("case", sorted(BYLINES_SHOWN_DESPITE_PSEUDO_CLASSES))
def test_a_byline_a_pseudo_class_does_not_match_as_the_page_is_first_seen_counts(case: str) -> None:
    css, wrapper = BYLINES_SHOWN_DESPITE_PSEUDO_CLASSES[case]
    assert errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"'))))) == []


# Rules in `@scope (root) to (limit)`: applied in the root's subtree, not inside the limit
# (`css.Scoping`). Each hides the byline in Chromium 156.
BYLINES_HIDDEN_IN_SCOPE = {
    "in the scope's root": ("@scope (article) { .byline { display: none } }", "{}"),
    "outside the scope's limit": ("@scope (article) to (aside) { p { visibility: hidden } }", "{}<aside><p>More</p></aside>"),
    "a child of the scope's root": ("@scope (.story) { :scope > .byline { font-size: 0 } }", '<div class="story">{}</div>'),
    "a child, as a relative selector": ("@scope (.story) { > p { opacity: 0 } }", '<div class="story">{}</div>'),
    "in a media query and a layer": ("@media screen { @scope (article) { @layer a { .byline { display: none } } } }", "{}"),
    "a nested rule": ("@scope (article) { div { .byline { display: none } } }", "<div>{}</div>"),
    "after an earlier rule of the same specificity": (".byline { display: block } @scope (article) { .byline { display: none } }", "{}"),
    "over a later unscoped rule of the same specificity": ("@scope (article) { .byline { display: none } } .byline { display: block }", "{}"),
}
BYLINES_SHOWN_DESPITE_SCOPE = {
    "inside the scope's limit": ("@scope (article) to (.credit) { .byline { display: none } }", '<div class="credit">{}</div>'),
    "outside the scope's root": ("@scope (aside) { .byline { display: none } }", "{}"),
    "not a child of the scope's root": ("@scope (article) { > .byline { display: none } }", "<div>{}</div>"),
    "a later unscoped rule more specific": ("@scope (article) { .byline { display: none } } p.byline { display: block }", "{}"),
    # Its root is the `<style>` element's parent, which the checker does not tell from the sheet.
    "a scope without a root, in the head": ("@scope { .byline { display: none } }", "{}"),
}


@pytest.mark.parametrize("case", sorted(BYLINES_HIDDEN_IN_SCOPE))
def test_a_byline_a_scoped_rule_hides_does_not_count(case: str) -> None:
    css, wrapper = BYLINES_HIDDEN_IN_SCOPE[case]
    assert "dcnf/byline" in errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"')))))


@pytest.mark.parametrize("case", sorted(BYLINES_SHOWN_DESPITE_SCOPE))
def test_a_byline_out_of_a_hiding_rules_scope_counts(case: str) -> None:
    css, wrapper = BYLINES_SHOWN_DESPITE_SCOPE[case]
    assert errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"'))))) == []


# Glyphs painted by a text shadow or a text stroke are seen whatever the text colour.
OUTLINED_BYLINES = {
    "transparent text with a dark shadow": ("", '<h4 style="color:transparent;text-shadow:0 0 0 #333">{}</h4>'),
    "transparent text with a stroke": (".o{color:rgba(0,0,0,0);-webkit-text-stroke:1px #000}", "<div class=o>{}</div>"),
    "white on white with a black shadow, inherited": (
        ".q{color:#fff;background:#fff}",
        '<section style="text-shadow:1px 1px 2px black"><div class=q>{}</div></section>',
    ),
    "transparent text with stroke longhands": ("", '<div style="color:transparent;-webkit-text-stroke-width:2px;-webkit-text-stroke-color:navy">{}</div>'),
    # A browser drops a shadow that is no shadow: the one before it paints the glyphs.
    "a dark shadow before a shadow of one length": ("", '<div style="color:transparent;text-shadow:0 0 0 #333;text-shadow:1px">{}</div>'),
    "a dark shadow before a shadow with a unitless blur": (".o{color:transparent;text-shadow:0 0 0 #333} .o{text-shadow:1px 1px 1}", "<div class=o>{}</div>"),
    # A list of shadows on the byline's own element (its commas were an internal error).
    "black text with two shadows, by a rule": (".byline{text-shadow:1px 1px red, 2px 2px blue}", "{}"),
    "transparent text with two shadows": ("", '<div style="color:transparent;text-shadow:1px 1px #333,2px 2px 3px navy">{}</div>'),
}
# A shadow or stroke that paints nothing a reader sees does not show the text.
UNOUTLINED_BYLINES = {
    "white on white with a white shadow": ("", '<div style="color:#fff;background:#fff;text-shadow:0 0 2px #fff">{}</div>'),
    "transparent text with a stroke of no width": ("", '<div style="color:transparent;-webkit-text-stroke:0 #000">{}</div>'),
    "transparent text with a colourless shadow": ("", '<div style="color:transparent;text-shadow:1px 1px 2px">{}</div>'),
    "a shadow switched off below": (".o{text-shadow:0 0 0 #333}", '<div class=o><div style="color:transparent;text-shadow:none">{}</div></div>'),
}


@pytest.mark.parametrize("case", sorted(OUTLINED_BYLINES))
def test_a_byline_painted_by_its_shadow_or_stroke_counts(case: str) -> None:
    css, wrapper = OUTLINED_BYLINES[case]
    assert errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"'))))) == []


@pytest.mark.parametrize("case", sorted(UNOUTLINED_BYLINES))
def test_a_byline_whose_shadow_or_stroke_paints_nothing_seen_does_not_count(case: str) -> None:
    css, wrapper = UNOUTLINED_BYLINES[case]
    assert "dcnf/byline" in errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"')))))


# `font-size` is inherited: `inherit`, `unset` and `revert` take the parent's size; `rem` the root's.
FONT_SIZE_FROM_ELSEWHERE_HIDDEN = {
    "unset under a zero size": ("", '<div style="font-size:0"><div style="font-size:unset">{}</div></div>'),
    "revert under a zero size": (".z{font-size:0}", '<section class=z><div style="font-size:revert">{}</div></section>'),
    "inherit under a zero size": (".z{font-size:0}.i{font-size:inherit}", "<div class=z><span class=i>{}</span></div>"),
    "1rem on a zero root": ("html{font-size:0}body{font-size:16px}.r{font-size:1rem}", "<div class=r>{}</div>"),
    "2rem on a half-pixel :root": (":root{font-size:0.5px}", '<h5 style="font-size:2rem">{}</h5>'),
}
FONT_SIZE_FROM_ELSEWHERE_SHOWN = {
    "initial under a zero size": ("", '<div style="font-size:0"><div style="font-size:initial">{}</div></div>'),
    "medium under a zero size": (".z{font-size:0}", '<div class=z><div style="font-size:medium">{}</div></div>'),
    "1rem on a zero body": ("body{font-size:0}.r{font-size:1rem}", "<div class=r>{}</div>"),
    "unset under a readable size": ("", '<div style="font-size:12px"><div style="font-size:unset">{}</div></div>'),
}


@pytest.mark.parametrize("case", sorted(FONT_SIZE_FROM_ELSEWHERE_HIDDEN))
def test_a_font_size_taken_from_a_zero_parent_or_root_hides(case: str) -> None:
    css, wrapper = FONT_SIZE_FROM_ELSEWHERE_HIDDEN[case]
    assert "dcnf/byline" in errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"')))))


@pytest.mark.parametrize("case", sorted(FONT_SIZE_FROM_ELSEWHERE_SHOWN))
def test_a_font_size_taken_from_a_readable_size_shows(case: str) -> None:
    css, wrapper = FONT_SIZE_FROM_ELSEWHERE_SHOWN[case]
    assert errors(check(page(css=css, byline=wrapper.format(BYLINE.format(attrs=' class="byline"'))))) == []


def test_a_zero_font_size_hides_text_but_not_images() -> None:
    wrapped = f'<div style="font-size:0">{LOGO.format(attrs="")}<span>Daily Caller News Foundation</span></div>'
    doc = parse_document(page(logo=wrapped), "html")
    assert [i.visible for i in doc.images] == [True]
    assert "Daily Caller News Foundation" not in [b.text for b in doc.blocks]


def test_an_affiliation_in_a_hidden_span_does_not_count() -> None:
    for style in ("font-size:0", "display:none", "opacity:0", "position:absolute;left:-5000px", "color:#fff;background-color:#fff"):
        byline = f'<p class="byline">By Jake Smith<span style="{style}">, Daily Caller News Foundation</span></p>'
        # The logo sits far from the byline, so only the byline could tie the reporter to DCNF.
        report = check(page(logo="", byline=byline).replace(b"</h1>", b"</h1>" + LOGO.format(attrs="").encode() + b"<p>Intro.</p><p>More.</p>"))
        assert errors(report) == ["dcnf/affiliation"], style


# --- markup that hides ----------------------------------------------------------------------------


def test_only_the_summary_of_a_closed_details_shows() -> None:
    closed = f"<details><summary>More</summary>{LOGO.format(attrs='')}<p>Details text</p></details>"
    assert errors(check(page(logo=closed))) == ["dcnf/logo"]
    doc = parse_document(page(logo=closed), "html")
    assert "More" in [b.text for b in doc.blocks]
    assert "Details text" not in [b.text for b in doc.blocks]
    opened = closed.replace("<details>", "<details open>")
    assert errors(check(page(logo=opened))) == []
    in_summary = f"<details><summary>{LOGO.format(attrs='')}</summary><p>Hidden</p></details>"
    assert errors(check(page(logo=in_summary))) == []


def test_a_dialog_without_open_and_a_template_do_not_show() -> None:
    assert errors(check(page(logo=f"<dialog>{LOGO.format(attrs='')}</dialog>"))) == ["dcnf/logo"]
    assert errors(check(page(logo=f"<dialog open>{LOGO.format(attrs='')}</dialog>"))) == []
    assert errors(check(page(logo=f"<template>{LOGO.format(attrs='')}</template>"))) == ["dcnf/logo"]
    assert "dcnf/byline" in errors(check(page(byline=f"<dialog>{BYLINE.format(attrs=' class=byline')}</dialog>")))


AMP_LOGO = (
    '<amp-img src="https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png" alt="Daily Caller News Foundation logo"'
    ' width="300" height="60" layout="fixed"{attrs}></amp-img>'
)


def test_amp_markup_that_hides_hides_the_logo() -> None:
    amp = AMP_LOGO.format(attrs="")
    assert errors(check(page(logo=amp))) == []
    assert errors(check(page(logo=amp.replace('layout="fixed"', 'layout="nodisplay"')))) == ["dcnf/logo"]
    assert errors(check(page(logo=f'<amp-carousel layout="nodisplay"><div>{amp}</div></amp-carousel>'))) == ["dcnf/logo"]
    # A collapsed accordion section shows its heading only, like a closed <details>.
    collapsed = f"<amp-accordion><section><h4>More</h4><div>{amp}</div></section></amp-accordion>"
    assert errors(check(page(logo=collapsed))) == ["dcnf/logo"]
    doc = parse_document(page(logo=collapsed.replace("<div>", "<div><p>Inside</p>")), "html")
    assert "More" in [b.text for b in doc.blocks]
    assert "Inside" not in [b.text for b in doc.blocks]
    assert errors(check(page(logo=collapsed.replace("<section>", "<section expanded>")))) == []
    in_heading = f"<amp-accordion><section><header>{amp}</header><p>Hidden</p></section></amp-accordion>"
    assert errors(check(page(logo=in_heading))) == []
    # A <section> outside an accordion is an ordinary section.
    assert errors(check(page(logo=f"<section><h4>More</h4><div>{amp}</div></section>"))) == []


NOSCRIPT_COPY = f"<noscript>{LOGO.format(attrs='')}</noscript>"
# A <noscript> copy of an image that readers with scripts on do not see is seen only with scripts off.
SCRIPTS_OFF_LOGOS = {
    "after a 1px image": LOGO.format(attrs=' width="1" height="1"') + NOSCRIPT_COPY,
    "after an image hidden by its style": LOGO.format(attrs=' style="display:none"') + NOSCRIPT_COPY,
    "inside a 1px amp-img": AMP_LOGO.format(attrs="")
    .replace('width="300" height="60"', 'width="1" height="1"')
    .replace("</amp-img>", f"{NOSCRIPT_COPY}</amp-img>"),
}


@pytest.mark.parametrize("case", sorted(SCRIPTS_OFF_LOGOS))
def test_a_noscript_copy_of_an_image_readers_do_not_see_is_a_warning(case: str) -> None:
    report = check(page(logo=SCRIPTS_OFF_LOGOS[case]))
    assert [(f.rule, f.severity) for f in report.findings] == [("dcnf/logo", Severity.WARNING)]
    assert "readers with JavaScript on do not see it" in report.findings[0].detail


def test_a_noscript_copy_inside_a_seen_amp_img_is_the_same_logo() -> None:
    report = check(page(logo=AMP_LOGO.format(attrs="").replace("</amp-img>", NOSCRIPT_COPY + "</amp-img>")))
    assert report.findings == ()
    assert "dcnf/logo" in [p.rule for p in report.passed]


# --- images: alt-text lines belong to plain text; tracking pixels stay invisible by design --------


def test_the_logos_words_are_a_logo_only_in_plain_text() -> None:
    text = "Officials weigh new approach\nDaily Caller News Foundation logo\nBy Jake Smith, Daily Caller News Foundation\nStory.\n"
    assert errors(check(text.encode(), "text")) == []
    assert errors(check(page(logo="<p>Daily Caller News Foundation logo</p>"))) == ["dcnf/logo"]
    # A sentence that mentions the logo is not an image.
    mention = text.replace("Daily Caller News Foundation logo\n", "Place the Daily Caller News Foundation logo above.\n")
    assert errors(check(mention.encode(), "text")) == ["dcnf/logo"]
    markdown = (
        "# Officials weigh new approach\n\n![Daily Caller News Foundation logo](https://example.org/dcnf-logo.png)\n\n"
        "By Jake Smith, Daily Caller News Foundation\n"
    )
    assert errors(check(markdown.encode(), "markdown")) == []


@pytest.mark.parametrize(
    "line",
    [
        "[Daily Caller News Foundation logo]",
        "[Image: Daily Caller News Foundation logo]",
        "[image: Daily Caller News Foundation logo]",
        "Image: Daily Caller News Foundation logo",
    ],
)
def test_a_plain_text_copy_may_wrap_the_logos_alt_text_as_text_browsers_and_mail_clients_do(line: str) -> None:
    text = f"Officials weigh new approach\n{line}\nBy Jake Smith, Daily Caller News Foundation\nStory.\n"
    assert errors(check(text.encode(), "text")) == []


@pytest.mark.parametrize(
    "line",
    [
        "[Image: a crowd outside the Capitol]",
        "[See the Daily Caller News Foundation logo above]",
        "Image: Daily Caller News Foundation logo, courtesy of a reader. Story continues.",
        "Photo credit: Daily Caller News Foundation logo",
        # Markdown's image syntax is an image only where the article is read as Markdown.
        "![Daily Caller News Foundation logo](https://example.org/dcnf-logo.png)",
    ],
)
def test_a_wrapped_line_is_the_logo_only_when_all_it_holds_is_the_logos_alt_text(line: str) -> None:
    text = f"Officials weigh new approach\n{line}\nBy Jake Smith, Daily Caller News Foundation\nStory.\n"
    assert errors(check(text.encode(), "text")) == ["dcnf/logo"]


def test_tracking_pixels_keep_matching_rules_that_accept_hidden_elements() -> None:
    from compliance.packs import load_pack

    pack = load_pack(
        "id: pixel\nname: P\npublisher: P\nterms_url: https://example.org/\nas_of: 2024-01-01\nsummary: s\nconfidence: c\nrules:\n"
        "  - id: pixel/counter\n    severity: error\n    message: no counter\n    help: h\n"
        "    check: {element: {selector: img, attributes: {src: 'counter\\.example'}, visible: any}}\n"
        "  - id: pixel/seen\n    severity: error\n    message: seen\n    help: h\n"
        "    check: {element: {selector: img, attributes: {src: 'counter\\.example'}, visible: 'false'}}\n",
        "pixel.yaml",
    )
    article = b'<html><body><article><p>Story.</p><img src="https://counter.example/c.gif" width="1" height="1" alt=""></article></body></html>'
    report = check_document(parse_document(article, "html"), [pack], path="a.html", auto_detect=False)
    assert report.findings == ()
    assert [p.rule for p in report.passed] == ["pixel/counter", "pixel/seen"]


def tracker_pack() -> list[Any]:
    from compliance.packs import load_pack

    return [
        load_pack(
            "id: tracker\nname: T\npublisher: T\nterms_url: https://example.org/\nas_of: 2024-01-01\nsummary: s\nconfidence: c\nrules:\n"
            "  - id: tracker/script\n    severity: error\n    message: no tag\n    help: h\n"
            "    check: {element: {selector: 'script, img', attributes: {src: 'counter\\.example'}, scope: page, visible: any}}\n",
            "tracker.yaml",
        )
    ]


TAG = '<script async src="https://counter.example/c.js"{attrs}></script>'
# Tags that never run or load: they are not there for the publisher's counter.
INERT_TAGS = {
    "a script in a template": f"<template>{TAG.format(attrs='')}</template>",
    "an image in a template": '<template><img src="https://counter.example/c.gif" width="1" height="1" alt=""></template>',
    "a script in noscript": f"<noscript>{TAG.format(attrs='')}</noscript>",
    "a JSON script": TAG.format(attrs=' type="application/json"'),
    "a template script": TAG.format(attrs=' type="text/x-template"'),
    "a type with parameters": TAG.format(attrs=' type="text/javascript; charset=utf-8"'),
    "a language that is not JavaScript": TAG.format(attrs=' language="vbscript"'),
    "a script for browsers without modules": TAG.format(attrs=" nomodule"),
    "a script for browsers without modules, in capitals": TAG.format(attrs=' NOMODULE=""'),
    # The legacy event handler form runs only as for="window" event="onload" (HTML, "prepare the
    # script element").
    "a script for an element's event": TAG.format(attrs=' for="foo" event="bar"'),
    "a script for the window's click": TAG.format(attrs=' for="window" event="onclick"'),
    "a script for another element's load": TAG.format(attrs=' for="img1" event="onload"'),
    # In <math> a <script> is MathML's element of that name; in <svg> SVG's, which loads href.
    "a script written in math": f"<math>{TAG.format(attrs='')}</math>",
    "a script written in svg": f'<svg width="0" height="0">{TAG.format(attrs="")}</svg>',
    "a script written in svg with code of its own": '<svg><script src="https://counter.example/c.js">count()</script></svg>',
}
# Tags that run.
RUNNING_TAGS = {
    "no type": TAG.format(attrs=""),
    "an empty type": TAG.format(attrs=' type=""'),
    "text/javascript in capitals": TAG.format(attrs=' type=" TEXT/JavaScript "'),
    "application/javascript": TAG.format(attrs=' type="application/javascript"'),
    "a module": TAG.format(attrs=' type="module"'),
    "the JavaScript language": TAG.format(attrs=' language="JavaScript"'),
    "a module marked nomodule (the attribute is ignored on a module)": TAG.format(attrs=' type="module" nomodule'),
    "a script with a data-src beside its src": TAG.format(attrs=' data-src="https://counter.example/c.js"'),
    "the window's load, as the legacy form runs it": TAG.format(attrs=' for=" Window " event="onload()"'),
    "a script in an svg's foreignObject (HTML again)": f"<svg><foreignObject>{TAG.format(attrs='')}</foreignObject></svg>",
    "a script in a MathML token element (HTML again)": f"<math><mi>{TAG.format(attrs='')}</mi></math>",
    "a lazy pixel image, loaded from its data-src": '<img class="lazyload" data-src="https://counter.example/c.gif" width="1" height="1" alt="">',
}
# Tags whose address is not one they load from: no tag to count at all.
UNLOADED_TAGS = {
    "a script with only a data-src": '<script async data-src="https://counter.example/c.js"></script>',
    "a script with only a data-lazy-src": '<script data-lazy-src="https://counter.example/c.js"></script>',
}


def tracker_report(tag: str) -> Report:
    article = f"<html><body><article><p>Story.</p>{tag}</article></body></html>".encode()
    return check_document(parse_document(article, "html"), tracker_pack(), path="a.html", auto_detect=False)


@pytest.mark.parametrize("case", sorted(INERT_TAGS))
def test_a_tracking_tag_that_never_runs_or_loads_does_not_count(case: str) -> None:
    (finding,) = tracker_report(INERT_TAGS[case]).findings
    assert finding.rule == "tracker/script"
    assert "the one at line 1 " in finding.detail


def test_a_tracking_script_of_type_text_plain_that_no_consent_manager_claims_is_said_to_wait_for_a_loader() -> None:
    # text/plain is what cookie-consent managers and page-speed plugins write on a script they
    # hold back; with no manager's marker, only a script of the page that rewrites it loads it.
    (finding,) = tracker_report(TAG.format(attrs=' type="text/plain"')).findings
    assert finding.rule == "tracker/script" and finding.held_back == "loader"
    assert 'at line 1 is on the page but has type="text/plain", which browsers do not run' in (finding.detail or "")


def test_a_tracking_tag_held_back_for_consent_does_not_count_and_is_said_to_be_held_back() -> None:
    (finding,) = tracker_report(TAG.format(attrs=' type="text/plain" data-cookieconsent="statistics"')).findings
    assert finding.rule == "tracker/script" and finding.held_back
    assert "at line 1 is held back by a cookie-consent manager (Cookiebot: " in (finding.detail or "")


@pytest.mark.parametrize("case", sorted(UNLOADED_TAGS))
def test_a_script_that_names_its_address_only_for_a_loader_loads_nothing(case: str) -> None:
    (finding,) = tracker_report(UNLOADED_TAGS[case]).findings
    assert finding.rule == "tracker/script"


@pytest.mark.parametrize("case", sorted(RUNNING_TAGS))
def test_a_tracking_tag_that_runs_counts(case: str) -> None:
    report = tracker_report(RUNNING_TAGS[case])
    assert report.findings == ()
    assert [p.rule for p in report.passed] == ["tracker/script"]


def test_a_pixel_image_only_in_noscript_loads_only_without_javascript() -> None:
    """Readers with JavaScript on (almost all) never load it: a warning that says so, not a pass."""
    (finding,) = tracker_report('<noscript><img src="https://counter.example/c.gif" width="1" height="1" alt=""></noscript>').findings
    assert finding.rule == "tracker/script"
    assert finding.severity.name == "WARNING"
    assert "only in <noscript>" in (finding.detail or "")


def test_data_uri_sizes_are_read_from_the_image_header() -> None:
    assert data_image_size(GIF_1X1) == (1, 1)
    assert data_image_size(PNG_1X1) == (1, 1)
    assert data_image_size(PNG_300X200) == (300, 200)
    assert data_image_size("data:image/svg+xml;base64,PHN2Zz4=") is None
    assert data_image_size("data:image/png;base64,@@@") is None
    assert data_image_size("data:image/gif,GIF89a") is None


def _webp(chunk: bytes, body: bytes) -> str:
    data = b"RIFF" + struct.pack("<I", 4 + 8 + len(body)) + b"WEBP" + chunk + struct.pack("<I", len(body)) + body
    return "data:image/webp;base64," + base64.b64encode(data).decode()


def test_webp_data_uri_sizes_are_read_from_each_kind_of_header() -> None:
    assert {kind: data_image_size(uri) for kind, uri in WEBP_1X1.items()} == {"lossless": (1, 1), "lossy": (1, 1), "extended": (1, 1)}
    lossy = _webp(b"VP8 ", b"\x30\x01\x00\x9d\x01\x2a" + struct.pack("<HH", 300, 200) + b"\x00" * 8)
    lossless = _webp(b"VP8L", b"\x2f" + ((640 - 1) | ((480 - 1) << 14)).to_bytes(4, "little") + b"\x00" * 8)
    extended = _webp(b"VP8X", b"\x10\x00\x00\x00" + (1200 - 1).to_bytes(3, "little") + (630 - 1).to_bytes(3, "little"))
    assert [data_image_size(uri) for uri in (lossy, lossless, extended)] == [(300, 200), (640, 480), (1200, 630)]
    assert data_image_size(_webp(b"VP8 ", b"\x00" * 10)) is None  # no key frame start code


@pytest.mark.parametrize("kind", sorted(SVG_1X1))
def test_svg_data_uri_sizes_are_read_from_the_svg(kind: str) -> None:
    assert data_image_size(SVG_1X1[kind]) == ((2.0, 2 * 100 / 300) if kind.startswith("2px") else (1.0, 1.0))


def test_an_svg_data_uri_is_read_without_entities_fetches_or_unbounded_size(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("1", encoding="utf-8")
    # An external entity is neither read nor fetched; the size attributes are read as written.
    external = f"<!DOCTYPE svg [<!ENTITY w SYSTEM '{secret.as_uri()}'>]><svg {_SVG_NS} width='&w;' height='1'/>"
    assert data_image_size("data:image/svg+xml;utf8," + external) is None
    fetched = f"<!DOCTYPE svg SYSTEM 'http://127.0.0.1:9/svg.dtd'><svg {_SVG_NS} width='1' height='1'/>"
    assert data_image_size("data:image/svg+xml;utf8," + fetched) == (1.0, 1.0)
    nested = "".join(f"<!ENTITY {c} '{('&' + p + ';') * 10}'>" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    laughs = f"<!DOCTYPE svg [<!ENTITY a 'aaaaaaaaaa'>{nested}]>"
    # Nested entities that would expand a billionfold: refused by the parser, so the size is not known.
    assert data_image_size(f"data:image/svg+xml;utf8,{laughs}<svg {_SVG_NS} width='1' height='1'>&i;</svg>") is None
    # A data: SVG larger than a placeholder is a drawing: its size is not read.
    drawing = f"<svg {_SVG_NS} width='1' height='1'><desc>{'x' * 70_000}</desc></svg>"
    assert data_image_size("data:image/svg+xml;utf8," + drawing) is None
    assert data_image_size("data:image/svg+xml;utf8,<svg width='1' height='1'") is None
    assert data_image_size("data:image/svg+xml;base64,@@@") is None


def test_the_json_of_a_hidden_logo_names_where_it_is_hidden(tmp_path: Path, cli) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(page(css=".x{display:none}", logo=LOGO.format(attrs=' class="x"')))
    run = cli("check", "--pack", "dcnf", "--format", "json", str(path))
    (finding,) = [f for f in json.loads(run.out)["files"][0]["findings"] if f["rule"] == "dcnf/logo"]
    assert finding["detail"].endswith("the one at line 4 is hidden (the page's CSS sets `display: none` on it)")


def test_the_readme_visibility_example_reports_what_it_says(tmp_path: Path, cli) -> None:
    import re

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## What a reader sees", 1)[1].split("\n## ", 1)[0]
    (page_html,) = re.findall(r"```html\n(.*?)```", section, re.DOTALL)
    (expected,) = re.findall(r"```text\n(.*?)```", section, re.DOTALL)
    (tmp_path / "reader.html").write_text(page_html, encoding="utf-8")
    run = cli("check", "--pack", "dcnf", "--no-color", str(tmp_path / "reader.html"))
    assert run.code == 1
    shown = run.out.splitlines()
    for line in expected.splitlines():
        assert line in shown, line


def test_a_rule_some_screens_meet_can_show_but_not_hide() -> None:
    # Hidden on narrow screens only: wide-screen readers see it.
    assert errors(check(page(css="@media (max-width: 600px){.x{display:none}}", logo=LOGO.format(attrs=' class="x"')))) == []
    # Hidden, then shown from a width on: readers with wide screens see it.
    assert errors(check(page(css=".x{display:none} @media (min-width: 1080px){.x{display:block}}", logo=LOGO.format(attrs=' class="x"')))) == []
    # Shown only in print: no reader on a screen sees it.
    assert errors(check(page(css=".x{display:none} @media print{.x{display:block}}", logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


def test_an_image_that_fills_its_frame_is_not_tiny() -> None:
    filling = LOGO.format(attrs=' style="position:absolute;inset:0;width:0;height:0;min-width:100%;max-width:100%;min-height:100%;max-height:100%"')
    assert errors(check(page(logo=filling))) == []


def test_a_hidden_utility_class_with_a_responsive_display_is_shown_on_some_screens() -> None:
    assert errors(check(page(logo=f'<div class="hidden md:block">{LOGO.format(attrs="")}</div>'))) == []
    assert errors(check(page(logo=f'<div class="hidden">{LOGO.format(attrs="")}</div>'))) == ["dcnf/logo"]


@pytest.mark.parametrize("classes", ["invisible", "logo invisible", "INVISIBLE", "d-none d-print-block", "invisible md:block", "d-none wide"])
def test_a_hiding_helper_class_hides_where_its_css_is_not_read(classes: str) -> None:
    # Bootstrap's and Tailwind's `invisible` is `visibility: hidden`; `d-print-block` shows it on paper only.
    assert errors(check(page(logo=f'<div class="{classes}">{LOGO.format(attrs="")}</div>'))) == ["dcnf/logo"]


@pytest.mark.parametrize("classes", ["d-none d-md-block", "d-none d-sm-flex", "d-none d-xxl-inline-block", "invisible lg:visible", "hidden sm:table-cell"])
def test_a_hiding_helper_class_shown_again_on_some_screens_is_seen(classes: str) -> None:
    assert errors(check(page(logo=f'<div class="{classes}">{LOGO.format(attrs="")}</div>'))) == []


@pytest.mark.parametrize("items", [3, 40])  # few candidates are tested one by one, many by one search
def test_a_rule_for_a_widget_the_page_lacks_hides_nothing_and_one_for_a_widget_it_has_hides(items: int) -> None:
    notes = "".join(f'<p class="note">Note {n}</p>' for n in range(items))
    for container, hidden in (("other", False), ("widget", True), ("other widget", True)):
        html = (
            "<html><head><style>.widget .note { display: none } #nowhere .note { display: none }</style></head>"
            f'<body><article><h1>Title</h1><div class="{container}">{notes}</div></article></body></html>'
        )
        texts = [b.text for b in parse_document(html.encode(), "html").blocks]
        assert ("Note 0" not in texts) is hidden, container


# Selector lists whose rule hides the logo (`class="x y"`, `id="brand"` in `<div class="wrap">`)
# though they name classes the page lacks, inside brackets or functional pseudo-classes, or in
# another selector of the list; and lists that name a class or an id the page lacks.
SCREENED_SELECTORS = {
    ".x": True,
    ".x.y": True,
    ".wrap .x": True,
    "div.wrap > img#brand.x": True,
    ".absent, .x": True,
    ".x:not(.absent)": True,
    ".wrap :is(.absent, .x)": True,
    '.x[alt~="logo"]': True,
    "img[src].x": True,
    ".wrap:not(:is(.a, .b)) .x": True,
    r".\78": True,  # an escape: read by the CSS parser, not screened
    ".wrap :is(.absent:bogus, .x)": True,  # the forgiven argument goes, the rest still matches
    ".x, .absent:bogus": False,  # Chromium drops the rule
    ".absent": False,
    ".x.absent": False,
    ".absent .x": False,
    "#absent .x, .absent": False,
    ".x#absent": False,
}


@pytest.mark.parametrize("selectors", sorted(SCREENED_SELECTORS))
def test_a_rule_is_screened_by_the_classes_and_ids_its_selectors_name(selectors: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.document import visibility

    html = (
        f"<html><head><style>{selectors} {{ display: none }}</style></head><body><article><h1>Title</h1>"
        '<div class="wrap"><img class="x y" id="brand" alt="Daily Caller News Foundation logo" src="l.png"></div>'
        "<p>Text of the story.</p></article></body></html>"
    )
    expected = ["img"] if SCREENED_SELECTORS[selectors] else []
    assert [element.tag for element in visibility.PageStyle.of(lxml_root(html))._matched] == expected
    # The screen only saves work: the cascade matches the same elements without it.
    monkeypatch.setattr(visibility._ElementIndex, "may_match", lambda self, selector_list: True)
    assert [element.tag for element in visibility.PageStyle.of(lxml_root(html))._matched] == expected


def lxml_root(html: str) -> object:
    import lxml.html

    return lxml.html.document_fromstring(html)


@pytest.mark.parametrize(
    "css",
    [
        "@keyframes out{to{opacity:0}",  # the block never closes
        "@keyframes {to{opacity:0}} .x{animation:1s forwards}",  # no name
        "@keyframes out{bogus{opacity:0}} .x{animation:out 1s forwards}",  # an invalid keyframe selector
        "@keyframes out{to{opacity:0 !important}} .x{animation:out 1s forwards}",  # `!important` is ignored in keyframes
        "@keyframes out{to{opacity:var(--o)}} .x{--o:0;animation:out 1s forwards}",  # a value known only on the element
        "@keyframes out{to{opacity:0}} .x{animation:out 1s 1.5 forwards}",  # ends between keyframes
        "@keyframes out{to{opacity:0}} .x{animation:out 1s forwards 50%}",  # a value the shorthand does not take
        "@keyframes out{to{opacity:0}} .x{animation:var(--a)}",
        "@keyframes out{to{opacity:0}} .x{animation-name:out;animation-fill-mode:forwards backwards}",
    ],
)
def test_keyframes_the_checker_cannot_read_leave_the_logo_seen(css: str) -> None:
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"')))) == []


# Offsets add up: a far margin, `left`/`top` and a translation in opposite directions leave the box on screen.
OFFSETS_CANCELLED = {
    "left and margin-left": "position:absolute;left:-9999px;margin-left:9999px",
    "top and a translation": "position:relative;top:-5000px;transform:translateY(5000px)",
    "margin shorthand and translate": "margin:0 0 0 -3000px;translate:3000px 0",
}
OFFSETS_STILL_FAR = {
    "left and a smaller margin": "position:absolute;left:-9999px;margin-left:500px",
    # (On a block: a vertical margin moves no image in a line, which sits on the line's baseline.)
    "margin-top and top together": "display:block;position:relative;top:-600px;margin-top:-600px",
}


@pytest.mark.parametrize("case", sorted(OFFSETS_CANCELLED))
def test_offsets_that_cancel_out_leave_the_logo_seen(case: str) -> None:
    assert errors(check(logo(f' style="{OFFSETS_CANCELLED[case]}"'))) == []


@pytest.mark.parametrize("case", sorted(OFFSETS_STILL_FAR))
def test_offsets_that_add_up_far_hide_the_logo(case: str) -> None:
    assert "dcnf/logo" in errors(check(logo(f' style="{OFFSETS_STILL_FAR[case]}"')))


# Byline markup whose own text is hidden is still read for what a descendant shows again.
@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline" style="font-size:0">By <span style="font-size:16px">Jake Smith</span>, Daily Caller News Foundation</p>',
        '<div class="author-line" style="color:transparent">By <b style="color:#222">Jake Smith</b></div>',
    ],
)
def test_a_name_shown_again_inside_hidden_byline_markup_is_the_byline(byline: str) -> None:
    report = check(page(byline=byline))
    assert "dcnf/byline" not in errors(report)
    assert [p.evidence for p in report.passed if p.rule == "dcnf/byline"] == ["Jake Smith"]


def test_hidden_byline_markup_with_nothing_shown_again_is_no_byline() -> None:
    byline = '<p class="byline" style="font-size:0">By <span>Jake Smith</span>, Daily Caller News Foundation</p>'
    assert "dcnf/byline" in errors(check(page(byline=byline)))


# --- an image sized in percent of a box 2px wide is 2px wide ---------------------------------

NARROW_BOX_LOGOS = {
    "max-width 100% in a style attribute's 2px box": ("", '<div style="width:2px"><img{img}></div>', ' width="300" style="max-width:100%"'),
    "a stylesheet's figure 1px wide and its image's max-width": (
        ".logo-box{width:1px}.logo-box img{max-width:100%;height:auto}",
        '<figure class="logo-box"><img{img}></figure>',
        ' width="240" height="80"',
    ),
    "width 100% two blocks down a section of max-width 2px": ("", '<section style="max-width:2px"><p><img{img}></p></section>', ' style="width:100%"'),
    "width 50% in an auto-width block of a 2px box": ("", '<div style="width:2px"><div class="inner"><img{img}></div></div>', ' style="width:50%"'),
    # Near-miss of the flex items below: a block in normal flow is as wide as its width.
    "a 1px block with flex-grow outside any flex container": (
        "",
        '<div style="width:600px"><div style="width:1px;flex-grow:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a narrow flex container's image": ("", '<div style="display:flex;width:2px"><img{img}></div>', ' style="max-width:100%"'),
    # A grid track stretches an item of `auto` width only: a grid item 1px wide is 1px wide.
    "a grid item 1px wide": ("", '<div style="display:grid;width:600px"><div style="width:1px"><img{img}></div></div>', ' style="max-width:100%"'),
    "an inline-grid item 2px wide, by a stylesheet": (
        ".wall{display:inline-grid}.tile{width:2px}",
        '<section class="wall"><figure class="tile"><img{img}></figure></section>',
        ' style="width:100%"',
    ),
    # A flex item that does not grow is as wide as its basis, or its width for an `auto` basis
    # (the initial `flex: 0 1 auto` does not grow).
    "a 1px flex item of flex none": (
        "",
        '<div style="display:flex;width:600px"><div style="width:1px;flex:none"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a 1px flex item of no flex properties, by a stylesheet": (
        ".strip{display:inline-flex;width:640px}.strip li{width:2px}",
        '<ul class="strip"><li><img{img}></li></ul>',
        ' style="width:100%"',
    ),
    "a flex item of grow 0 and an auto basis, by a stylesheet": (
        ".row{display:flex}.cell{width:1px;flex-grow:0;flex-basis:auto}",
        '<div class="row"><figure class="cell"><img{img}></figure></div>',
        ' width="240" style="max-width:100%"',
    ),
    "a basis of 1px with no minimum on a 300px item": (
        "",
        '<section style="display:flex"><figure style="width:300px;min-width:0;flex:0 0 1px"><img{img}></figure></section>',
        ' style="max-width:100%"',
    ),
    "a -webkit-flex basis of 1px": (
        "",
        '<div style="display:-webkit-flex"><div style="width:1px;-webkit-flex:0 0 1px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # A flex item is a block box whatever its own display: an inline <span> 1px wide is 1px wide.
    "a span flex item 1px wide": ("", '<p style="display:flex"><span style="width:1px"><img{img}></span></p>', ' style="max-width:100%"'),
    # Percentages of percentages, up to a box whose width is definite: 10% of 10px is 1px.
    "10% of a 10px box": ("", '<div style="width:10px"><div style="width:10%"><img{img}></div></div>', ' style="width:100%"'),
    "three levels down to 2px": (
        "",
        '<section style="width:40px"><div style="width:50%"><p style="width:10%"><img{img}></p></div></section>',
        ' style="max-width:100%"',
    ),
    "the image's own 2% of a 50px box": ("", '<div style="width:50px"><img{img}></div>', ' width="240" style="width:2%"'),
    "through an inline link and a block that fills": (
        "",
        '<figure style="max-width:20px"><div><a href="/"><img{img}></a></div></figure>',
        ' style="max-width:5%"',
    ),
    "10% of a 10px flex item that does not grow": (
        "",
        '<div style="display:flex;width:600px"><div style="width:10px;flex:none"><div style="width:10%"><img{img}></div></div></div>',
        ' style="width:100%"',
    ),
    # The legacy -webkit-box, laid out by Chromium as a flexbox whose items -webkit-box-flex grows
    # (0 when not set); a 1px item that does not grow is 1px wide.
    "a 1px item of a -webkit-box that does not grow": (
        "",
        '<div style="display:-webkit-box"><div style="width:1px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a -webkit-inline-box item of -webkit-box-flex 0, by a stylesheet": (
        ".masthead{display:-webkit-inline-box}.masthead>.brand{width:2px;-webkit-box-flex:0}",
        '<header class="masthead"><div class="brand"><img{img}></div></header>',
        ' style="width:100%"',
    ),
    # flex-grow does not grow a -webkit-box's item: -webkit-box-flex does.
    "a 1px item of a -webkit-box with a flex-grow": (
        "",
        '<div style="display:-webkit-box;width:600px"><p style="width:1px;flex-grow:1;flex-basis:auto"><img{img}></p></div>',
        ' style="max-width:100%"',
    ),
    # An item of a column grows in height: its width stays 1px.
    "a 1px item that grows in a column": (
        "",
        '<div style="display:flex;flex-direction:column"><div style="width:1px;flex:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a 1px item that grows in a vertical -webkit-box, by a stylesheet": (
        ".stack{display:-webkit-box;-webkit-box-orient:vertical}.stack>figure{width:1px;-webkit-box-flex:1}",
        '<div class="stack"><figure><img{img}></figure></div>',
        ' style="width:100%"',
    ),
    "an item stretched across a 2px column": (
        "",
        '<div style="display:flex;flex-flow:column nowrap;width:2px"><div><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a 1px item that grows in a column every screen gets": (
        ".stack{display:flex}@media screen{.stack{flex-direction:column}}",
        '<div class="stack"><div style="width:1px;flex-grow:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # Each layout takes its own direction only: flex-direction does not turn a -webkit-box, nor
    # -webkit-box-orient a flex container, so the basis sizes the width.
    "a 1px basis in a -webkit-box with a flex-direction": (
        "",
        '<div style="display:-webkit-box;flex-direction:column"><div style="flex:0 0 1px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a 1px basis in a flex container with a -webkit-box-orient": (
        "",
        '<div style="display:flex;-webkit-box-orient:vertical"><div style="width:1px;flex:0 0 1px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # -ms-flexbox is no display a current browser takes: its items are block boxes, and -ms-flex
    # sizes nothing.
    "a 1px block in an -ms-flexbox": (
        "",
        '<div style="display:-ms-flexbox"><div style="width:1px;-ms-flex:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
}
# The near-misses: the image overflows the narrow box (a reader sees it), or the box is not narrow.
WIDE_ENOUGH_LOGOS = {
    "a pixel width overflows the narrow box": ("", '<div style="width:2px"><img{img}></div>', ' width="300"'),
    "a min-width keeps it open": ("", '<div style="width:2px"><img{img}></div>', ' style="max-width:100%;min-width:120px"'),
    "a box 200px wide": ("", '<div style="width:200px"><img{img}></div>', ' style="max-width:100%"'),
    "a wider box inside the narrow one": ("", '<div style="width:2px"><div style="width:300px"><img{img}></div></div>', ' style="max-width:100%"'),
    "an inline box takes no width": ("", '<span style="width:2px"><img{img}></span>', ' style="max-width:100%"'),
    "an absolutely positioned box leaves the narrow one": (
        "",
        '<div style="width:2px"><div style="position:absolute"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # A flex item is sized by its container, not by its width alone.
    "a 1px flex item that grows": (
        "",
        '<div style="display:flex;width:600px"><div style="width:1px;flex-grow:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a flex item with a basis, by a stylesheet": (
        ".cards{display:inline-flex}.card{width:1px;flex-basis:320px}",
        '<section class="cards"><figure class="card"><img{img}></figure></section>',
        ' style="width:100%"',
    ),
    "a 1px flex item of flex 1": (
        "",
        '<div style="display:flex;width:600px"><div style="width:1px;flex:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a 1px flex item of flex auto, by a stylesheet": (
        ".bar{display:flex}.bar>.logo{width:1px;flex:auto}",
        '<div class="bar"><a class="logo"><img{img}></a></div>',
        ' style="width:100%"',
    ),
    "a lone basis grows (flex: 10px is 1 1 10px)": (
        "",
        '<div style="display:flex"><div style="width:1px;flex:10px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a basis of 300px on a 1px item": (
        "",
        '<div style="display:flex"><div style="width:1px;flex:0 0 300px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # A later `flex-grow` may win over the shorthand: which comes last is not worked out.
    "a shorthand of no growth and a longhand that grows": (
        ".row{display:flex}.cell{width:1px;flex:none}.row .cell{flex-grow:1}",
        '<div class="row"><div class="cell"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a growth the checker cannot read": (
        ":root{--grow:1}.row{display:flex}.cell{width:1px;flex-grow:var(--grow)}",
        '<div class="row"><div class="cell"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # A legacy flexible box grows its items by -webkit-box-flex.
    "a 1px item of a -webkit-box that grows": (
        "",
        '<div style="display:-webkit-box"><div style="width:1px;-webkit-box-flex:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # Chromium keeps an inline item of a -webkit-box inline (a flex container's is a block).
    "an inline item of a -webkit-box takes no width": (
        ".masthead{display:-webkit-box}.masthead>.brand{width:2px}",
        '<header class="masthead"><a class="brand" href="/"><img{img}></a></header>',
        ' style="width:100%"',
    ),
    "a -webkit-box-flex the checker cannot read": (
        ":root{--grow:1}.bar{display:-webkit-box}.bar>.logo{width:1px;-webkit-box-flex:var(--grow)}",
        '<div class="bar"><a class="logo"><img{img}></a></div>',
        ' style="width:100%"',
    ),
    # A column's items are stretched across it (or as wide as their width): the basis sizes their height.
    "a 1px basis in a column": (
        "",
        '<div style="display:flex;flex-direction:column"><div style="flex:0 0 1px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a 1px basis that may shrink to it, in a column-reverse": (
        "",
        '<div style="display:flex;flex-direction:column-reverse"><figure style="flex:0 0 1px;min-width:0"><img{img}></figure></div>',
        ' style="max-width:100%"',
    ),
    "a 2px basis in a -webkit-flex-flow column, by a stylesheet": (
        ".stack{display:-webkit-flex;-webkit-flex-flow:column}.stack>.logo{flex:0 0 2px;min-width:0}",
        '<div class="stack"><figure class="logo"><img{img}></figure></div>',
        ' style="width:100%"',
    ),
    "a 1px basis in a vertical -webkit-box": (
        "",
        '<div style="display:-webkit-box;-webkit-box-orient:vertical"><div style="flex-basis:1px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # A direction some screens only get: some readers see the item a row or a column makes wide.
    "a 1px item that grows, in a column on narrow screens only": (
        ".row{display:flex}@media (max-width:600px){.row{flex-direction:column}}",
        '<div class="row"><div style="width:1px;flex-grow:1"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a 1px basis in a row that narrow screens turn into a column": (
        ".row{display:flex}@media (max-width:600px){.row{flex-flow:column}}",
        '<div class="row"><figure style="flex:0 0 1px;min-width:0"><img{img}></figure></div>',
        ' style="max-width:100%"',
    ),
    "an item a 2px column stretches on wide screens only": (
        ".stack{display:flex;flex-direction:column;width:2px;align-items:flex-start}@media (min-width:600px){.stack{align-items:stretch}}",
        '<div class="stack"><div><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    # Not stretched across a 2px column: aligned to its content, or in a column whose lines wrap.
    "an item aligned to its content in a 2px column": (
        "",
        '<div style="display:flex;flex-direction:column;align-items:center;width:2px"><div><img{img}></div></div>',
        ' width="300"',
    ),
    # The old properties of a flex container's items are not read by a browser: flex: 1 grows it.
    "a 1px flex item of flex 1 with legacy properties of no growth": (
        "",
        '<div style="display:flex"><div style="width:1px;flex:1;-webkit-box-flex:0;-ms-flex:0 0 1px"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a span 1px wide outside any flex container": ("", '<p><span style="width:1px"><img{img}></span></p>', ' style="max-width:100%"'),
    # Percentages that leave more than 2px, or a box on the way whose width is not known here.
    "30% of a 10px box": ("", '<div style="width:10px"><div style="width:30%"><img{img}></div></div>', ' style="width:100%"'),
    "no definite width up to the root": ("", '<div style="width:10%"><div style="width:10%"><img{img}></div></div>', ' style="width:10%"'),
    "an absolutely positioned box on the way": (
        "",
        '<div style="width:10px"><div style="position:absolute;width:10%"><img{img}></div></div>',
        ' style="width:100%"',
    ),
    "a flex item on the way that grows": (
        "",
        '<div style="display:flex;width:600px"><div style="width:10px;flex:1"><div style="width:10%"><img{img}></div></div></div>',
        ' style="width:100%"',
    ),
    "a float of auto width on the way": (
        "",
        '<div style="width:10px"><div style="float:left"><div style="width:10%"><img{img}></div></div></div>',
        ' style="width:100%"',
    ),
    "a stylesheet's negative right margin widens a box on the way": (
        ".bleed{margin-right:-100px}",
        '<div style="width:10px"><div class="bleed"><div style="width:10%"><img{img}></div></div></div>',
        ' style="width:100%"',
    ),
    "a negative margin widens a box on the way": (
        "",
        '<div style="width:10px"><div style="margin:0 -100px"><div style="width:10%"><img{img}></div></div></div>',
        ' style="width:100%"',
    ),
    # A stylesheet's width on a box between, which no rule that hides makes the checker match
    # before an image asks: the ancestors' CSS is read whole.
    "a stylesheet's wide box inside a 2px one": (
        ".wide{width:500px}",
        '<div style="width:2px"><div class="wide"><img{img}></div></div>',
        ' style="max-width:100%"',
    ),
    "a stylesheet's wide box between percentages": (
        ".wide{width:500px}",
        '<div style="width:10px"><div class="wide"><div style="width:10%"><img{img}></div></div></div>',
        ' style="width:100%"',
    ),
}
LOGO_PARTS = ' src="https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png" alt="Daily Caller News Foundation logo"'


def narrow_box_page(css: str, markup: str, attrs: str) -> bytes:
    return page(css=css, logo=markup.format(img=LOGO_PARTS + attrs))


@pytest.mark.parametrize("case", sorted(NARROW_BOX_LOGOS))
def test_a_logo_sized_in_percent_of_a_box_2px_wide_is_missing(case: str) -> None:
    assert errors(check(narrow_box_page(*NARROW_BOX_LOGOS[case]))) == ["dcnf/logo"]


@pytest.mark.parametrize("case", sorted(WIDE_ENOUGH_LOGOS))
def test_a_logo_wider_than_a_narrow_box_or_in_a_wide_one_is_seen(case: str) -> None:
    assert errors(check(narrow_box_page(*WIDE_ENOUGH_LOGOS[case]))) == []


# --- what an image's `onload` handler shows once the image has loaded ---------------------------

REVEALED_BY_ONLOAD = {
    "the lazy fade-in": ("", ' style="opacity:0;transition:opacity .3s" class="lazyload" onload="this.style.opacity=1"'),
    "visibility, and the handler removing itself": ("", ' style="visibility:hidden" onload="this.style.visibility=\'visible\'; this.onload=null"'),
    "display removed": ("", ' style="display:none" onload="this.style.removeProperty(\'display\')"'),
    "display by setProperty": ("", " style=\"display:none\" onload=\"this.style.setProperty('display', 'block')\""),
    "a class that a stylesheet shows": (".fade-in{opacity:0}.fade-in.is-loaded{opacity:1}", ' class="fade-in" onload="this.classList.add(\'is-loaded\')"'),
    "a hiding class removed": (".pending{display:none}", ' class="pending" onload="this.classList.remove(\'pending\')"'),
    "statements on two lines": ("", ' style="opacity:0;visibility:hidden" onload="this.style.opacity=1\nthis.style.visibility=\'visible\'"'),
    "an important setProperty over a stylesheet's !important": (
        ".lazy-img{opacity:0!important}",
        " class=\"lazy-img\" onload=\"this.style.setProperty('opacity', '1', 'important')\"",
    ),
    "a valid value after an invalid one": ("", " style=\"display:none\" onload=\"this.style.display='blok';this.style.display='inline-block'\""),
}
# A handler that does not certainly set the hiding property back leaves the image hidden.
NOT_REVEALED_BY_ONLOAD = {
    "a handler that does nothing": ("", ' style="opacity:0" onload="void 0"'),
    "a reveal that never runs": ("", ' style="opacity:0" onload="if(0)this.style.opacity=1"'),
    "a handler that keeps it transparent": ("", ' style="opacity:0" onload="this.style.opacity=0"'),
    "a statement not read beside the reveal": ("", ' style="opacity:0" onload="this.style.opacity=1;track(this)"'),
    "another property set back": ("", ' style="opacity:0" onload="this.style.visibility=\'visible\'"'),
    "a stylesheet's !important wins over the handler": (".x{opacity:0!important}", ' class="x" onload="this.style.opacity=1"'),
    "a handler on another element's load": ("", ' style="opacity:0" onerror="this.style.opacity=1"'),
    # A value the property does not take is dropped by the CSSOM: the hiding one stays.
    "an opacity that is a word": ("", ' style="opacity:0" onload="this.style.opacity=\'banana\'"'),
    "an opacity in px": ("", ' style="opacity:0;transition:opacity .2s" onload="this.style.opacity=\'1px\'"'),
    "a misspelt display": ("", " style=\"display:none\" onload=\"this.style.setProperty('display', 'blcok')\""),
    "a misspelt visibility": ("", ' style="visibility:hidden" onload="this.style.visibility=\'visble\'"'),
    "a priority inside the value": ("", ' style="opacity:0" onload="this.style.opacity=\'1 !important\'"'),
    "setProperty without important under a stylesheet's !important": (
        ".x{opacity:0!important}",
        " class=\"x\" onload=\"this.style.setProperty('opacity', '1')\"",
    ),
    "setProperty with a priority that is not important": ("", " style=\"opacity:0\" onload=\"this.style.setProperty('opacity', '1', 'urgent')\""),
}


@pytest.mark.parametrize("case", sorted(REVEALED_BY_ONLOAD))
def test_a_logo_its_onload_handler_shows_is_seen(case: str) -> None:
    css, attrs = REVEALED_BY_ONLOAD[case]
    assert errors(check(page(css=css, logo=LOGO.format(attrs=attrs)))) == []


@pytest.mark.parametrize("case", sorted(NOT_REVEALED_BY_ONLOAD))
def test_a_logo_whose_onload_handler_does_not_show_it_stays_missing(case: str) -> None:
    css, attrs = NOT_REVEALED_BY_ONLOAD[case]
    assert errors(check(page(css=css, logo=LOGO.format(attrs=attrs)))) == ["dcnf/logo"]


# --- words a `::before` or `::after` generates are text a reader sees ----------------------------

BARE_BYLINE = '<p class="byline">By Jake Smith</p>'
GENERATED_AFFILIATIONS = {
    "::after on the byline": ('.byline::after{content:", Daily Caller News Foundation"}', BARE_BYLINE),
    "legacy :after, strings joined": ('.byline:after{content:", Daily Caller " "News Foundation"}', BARE_BYLINE),
    "::before and ::after on an author span": (
        '.author-name::before{content:"By "} .author-name::after{content:" | Daily Caller News Foundation"}',
        '<div class="meta"><span class="author-name">Jake Smith</span></div>',
    ),
    "in an @media block every screen meets": ('@media screen{.byline::after{content:", Daily Caller News Foundation"}}', BARE_BYLINE),
    "in an @supports block Chromium meets": (
        '@supports (display:flex) and selector(:has(b)){.byline::after{content:", Daily Caller News Foundation"}}',
        BARE_BYLINE,
    ),
    "a hiding rule in an @supports block no browser meets": (
        '.byline::after{content:", Daily Caller News Foundation"} @supports (foo:bar){.byline::after{font-size:0}}',
        BARE_BYLINE,
    ),
    # Near-misses of the hiding rules below: what a rule for the pseudo-element declares cannot hide.
    "a second rule that sets weight, case and margins": (
        '.byline::after{content:", Daily Caller News Foundation"} p.byline::after{font-weight:700;text-transform:uppercase;margin-left:4px;padding:0 2px}',
        BARE_BYLINE,
    ),
    "a hiding colour for another pseudo-element or element": (
        '.byline::after{content:", Daily Caller News Foundation"} .byline::before{color:transparent} .other::after{color:#fff}',
        BARE_BYLINE,
    ),
    "a hiding rule for print only": (
        '.credit::before{content:"Daily Caller News Foundation | "} @media print{.credit::before{font-size:0}}',
        '<div class="credit">By Jake Smith</div>',
    ),
    # A selector Chromium reads and cssselect does not parse leaves the others of its list.
    "a list with a :not() cssselect cannot parse": ('.byline::after, a:not(a b, .c){content:", Daily Caller News Foundation"}', BARE_BYLINE),
    # A hiding rule Chromium drops (a selector it cannot parse) hides nothing.
    "a hiding rule with another engine's pseudo-class": (
        '.byline::after{content:", Daily Caller News Foundation"} .byline::after, .byline:-moz-focusring{font-size:0}',
        BARE_BYLINE,
    ),
}
NOT_GENERATED_AFFILIATIONS = {
    "the pseudo-element's rule hides it": ('.byline::after{content:", Daily Caller News Foundation";font-size:0}', BARE_BYLINE),
    "attr() is not worked out": ('.byline::after{content:", " attr(data-org)}', '<p class="byline" data-org="Daily Caller News Foundation">By Jake Smith</p>'),
    "a later rule sets content none": ('.byline::after{content:", Daily Caller News Foundation"} p.byline::after{content:none}', BARE_BYLINE),
    "a print-only rule": ('@media print{.byline::after{content:", Daily Caller News Foundation"}}', BARE_BYLINE),
    "in an @supports block Chromium fails": ('@supports not selector(:has(b)){.byline::after{content:", Daily Caller News Foundation"}}', BARE_BYLINE),
    "in an @supports block no browser meets": ('@supports (display:bogus){.byline::after{content:", Daily Caller News Foundation"}}', BARE_BYLINE),
    "a hiding rule in an @supports block some browsers meet": (
        '.byline::after{content:", Daily Caller News Foundation"} @supports selector(:-moz-focusring){.byline::after{font-size:0}}',
        BARE_BYLINE,
    ),
    # Chromium drops the rule: another engine's pseudo-class is a selector it cannot parse.
    "a rule with another engine's pseudo-class": ('.byline::after, .byline:-moz-focusring{content:", Daily Caller News Foundation"}', BARE_BYLINE),
    # A colour, a size or a place in any rule for the pseudo-element: the words do not count,
    # whatever its value (a colour equal to the background is as hidden as `transparent`).
    "transparent in the generating rule": ('.byline::after{content:", Daily Caller News Foundation";color:transparent}', BARE_BYLINE),
    "white on the white page": ('body{background:#fff}.byline::after{content:", Daily Caller News Foundation";color:#fff}', BARE_BYLINE),
    "black on a black ancestor": (
        '.byline::after{content:", Daily Caller News Foundation";color:#000}',
        '<div style="background:#000;color:#fff"><p class="byline">By Jake Smith</p></div>',
    ),
    "the background's colour by var()": (
        ':root{--paper:#fafafa}body{background:var(--paper)}.byline::after{content:", Daily Caller News Foundation";color:var(--paper)}',
        BARE_BYLINE,
    ),
    "a second rule with font-size 0 (legacy :after)": ('.byline::after{content:", Daily Caller News Foundation"}.byline:after{font-size:0}', BARE_BYLINE),
    "a second rule with a transparent rgba colour": (
        '.byline::after{content:", Daily Caller News Foundation"} .byline::after{color:rgba(0,0,0,0)}',
        BARE_BYLINE,
    ),
    "a ::before hidden by a rule some screens meet": (
        '.writer::before{content:"Daily Caller News Foundation: "} @media (min-width:700px){.writer::before{opacity:0}}',
        '<span class="writer">By Jake Smith</span>',
    ),
    "a negative margin": ('.byline::after{content:", Daily Caller News Foundation";margin-left:-9999px}', BARE_BYLINE),
    # The words are read in the element's text colour: an element whose text is hidden hides them.
    "an element whose own text is transparent": (
        '.org{color:transparent}.org::after{content:", Daily Caller News Foundation"}',
        '<p class="byline">By Jake Smith<span class="org"></span></p>',
    ),
}


@pytest.mark.parametrize("case", sorted(GENERATED_AFFILIATIONS))
def test_an_affiliation_generated_by_css_is_read_with_the_byline(case: str) -> None:
    css, byline = GENERATED_AFFILIATIONS[case]
    report = check(page(css=css, logo="<p>Intro.</p>", byline=byline))
    assert errors(report) == ["dcnf/logo"]  # no logo on this page: only the affiliation is asked about here
    assert "Daily Caller News Foundation" in next(p.evidence for p in report.passed if p.rule == "dcnf/affiliation")


@pytest.mark.parametrize("case", sorted(NOT_GENERATED_AFFILIATIONS))
def test_generated_words_a_reader_does_not_see_are_no_affiliation(case: str) -> None:
    css, byline = NOT_GENERATED_AFFILIATIONS[case]
    assert "dcnf/affiliation" in errors(check(page(css=css, logo="<p>Intro.</p>", byline=byline)))


def test_an_icon_fonts_glyph_and_a_clearfix_add_no_words() -> None:
    css = '.byline::before{content:"\\f101"} .byline::after{content:"";display:table}'
    document = parse_document(page(css=css), "html")
    assert [b.text for b in document.bylines] == ["By Jake Smith, Daily Caller News Foundation"]


def test_the_words_generated_after_a_hidden_element_are_hidden_with_it() -> None:
    css = '.byline::after{content:", Daily Caller News Foundation"}'
    document = parse_document(page(css=css, byline='<p class="byline" style="display:none">By Jake Smith</p>'), "html")
    assert not any("Smith" in block.text or block.text.startswith(", Daily Caller") for block in document.blocks)


def test_pages_own_selectors_do_not_grow_the_compiled_xpaths_without_bound() -> None:
    # Each page's style sheet brings its own selectors: a batch keeps the most recent compiled.
    from compliance.document import visibility

    limit = visibility._xpath.cache_info().maxsize
    assert limit is not None
    for number in range(limit + 10):
        visibility._xpath(f"descendant-or-self::*[@data-page-{number}]")
    assert visibility._xpath.cache_info().currsize == limit


@pytest.mark.parametrize(
    "selectors",
    [".x", ".wrap .x", "#brand, .absent", "img.x", ".absent, .y"],
)
def test_a_rule_screened_once_is_matched_for_every_set_of_properties_a_page_asks_for(selectors: str) -> None:
    # The page's layout asks for one set of properties after another; each rule's selectors are
    # screened once, and a rule that may match is matched for each set, one that cannot for none.
    from compliance.document import visibility

    html = (
        f"<html><head><style>{selectors} {{ margin-top: 3px; padding-top: 4px }} .absent {{ margin-top: 9px }}</style></head>"
        '<body><div class="wrap"><img class="x y" id="brand" alt="logo" src="l.png"></div><p class="other">Text.</p></body></html>'
    )
    root = lxml_root(html)
    style = visibility.PageStyle.of(root)
    image, paragraph = next(root.iter("img")), next(root.iter("p"))
    asked = (["margin-top"], ["padding-top"], ["padding-top", "margin-top"], ["margin-top"])
    for names in asked:
        declared, elsewhere = style.on_demand_of([image, paragraph], names)
        assert sorted(declared) == sorted(names) and elsewhere == {}
        assert all(len(declared[name].values) == 1 for name in names)
    for every_screen in (True, False):
        assert style.on_demand_of([paragraph], ["margin-top"], every_screen=every_screen) == [{}]
