"""More ways a page hides a logo, a byline or its affiliation from every reader, each read as a
browser lays the page out, with the legitimate look-alikes that must stay visible: a `filter`'s
`opacity()` (and its `-webkit-` alias), a letter spacing that piles the letters up, a box moved out
of an ancestor that clips its overflow, a link whose only text is hidden, white text on the
browser's white canvas, and an edge-on box under an ancestor's `perspective`."""

from __future__ import annotations

import pytest

from compliance.document import grid_tracks, parse_document
from compliance.document.css import legacy_colour
from compliance.engine import check_document
from compliance.findings import Report
from tests.test_hiding_families import LOGO_ALT, LOGO_SRC, PACKS, byline_hidden, dcnf, findings, logo_hidden, propublica

BYLINE = "By Maria Lopez"
IMG = f"<img src={LOGO_SRC} {LOGO_ALT}>"


def styled_byline(css: str, byline: str) -> str:
    """The DCNF page with `byline` (a template for the byline's text) and `css` in a `<style>`."""
    return dcnf(head=f"<style>{css}</style>" if css else "", byline=byline.format(BYLINE))


def affiliation_missing(span_style: str, head: str = "") -> bool:
    """Whether the DCNF affiliation rule fails for a byline whose affiliation is in a styled span."""
    byline = f'<p>By Maria Lopez<span style="{span_style}">, Daily Caller News Foundation</span></p>'
    return bool(findings(dcnf(logo="", byline=byline, head=head), "dcnf", "dcnf/affiliation"))


def test_an_affiliation_in_plain_sight_counts() -> None:
    assert not affiliation_missing("")


# --- 1. `filter: opacity(0)`, and the `-webkit-filter` alias ------------------------------------


@pytest.mark.parametrize(
    "style", ["filter:opacity(0)", "filter:blur(1px) opacity(0%) grayscale(1)", "-webkit-filter:opacity(0)", "-webkit-filter:sepia(1) opacity(0%)"]
)
def test_a_filter_that_fades_to_nothing_hides_byline_logo_and_affiliation(style: str) -> None:
    assert byline_hidden(dcnf(byline=f'<p style="{style}">{BYLINE}</p>'))
    assert logo_hidden(dcnf(head=f"<style>.lg img{{{style}}}</style>", logo=f'<p class="lg">{IMG}</p>'))
    assert affiliation_missing(style)


@pytest.mark.parametrize(
    "style", ["filter:opacity(0.5)", "-webkit-filter:opacity(.5)", "-webkit-filter:opacity(0);filter:none", "filter:drop-shadow(0 0 2px #000) blur(1px)"]
)
def test_a_filter_that_leaves_something_keeps_byline_and_logo(style: str) -> None:
    assert not byline_hidden(dcnf(byline=f'<p style="{style}">{BYLINE}</p>'))
    assert not logo_hidden(dcnf(head=f"<style>.lg img{{{style}}}</style>", logo=f'<p class="lg">{IMG}</p>'))


# --- 2. letter spacing that piles the letters onto each other -----------------------------------

SQUEEZED = [
    ("", '<p style="letter-spacing:-1em">{}</p>'),
    ("", '<p style="letter-spacing:-20px">{}</p>'),
    ("", '<p style="letter-spacing:-0.5em">{}</p>'),
    ("", '<div style="letter-spacing:-1em"><p>{}</p></div>'),
    (".by{letter-spacing:-1em}", '<p class="by">{}</p>'),
    (".by{letter-spacing:-12px}", '<p class="by">{}</p>'),
    (".small{font-size:10px} .by{letter-spacing:-6px}", '<div class="small"><p class="by">{}</p></div>'),
]
SPACED = [
    ("", '<p style="letter-spacing:-0.05em">{}</p>'),
    ("", '<p style="letter-spacing:-2px">{}</p>'),
    ("", '<p style="font-size:64px;letter-spacing:-20px">{}</p>'),
    ("", '<p style="letter-spacing:-10%">{}</p>'),
    ("h1,.by{letter-spacing:-1px}", '<p class="by">{}</p>'),
    (".big{font-size:80px} .by{letter-spacing:-20px}", '<div class="big"><p class="by">{}</p></div>'),
    (".by{letter-spacing:-1em} .by span{letter-spacing:normal}", '<p class="by"><span>{}</span></p>'),
    ("", '<p style="letter-spacing:0.5em">{}</p>'),
    # A display heading's size, set by a rule: -10px is -0.14em of it.
    (".display{font-size:72px}", '<div class="display"><p style="letter-spacing:-10px">{}</p></div>'),
]


@pytest.mark.parametrize(("css", "byline"), SQUEEZED)
def test_letters_piled_onto_each_other_hide_the_byline(css: str, byline: str) -> None:
    assert byline_hidden(styled_byline(css, byline))


@pytest.mark.parametrize(("css", "byline"), SPACED)
def test_a_headline_s_tight_spacing_keeps_the_byline(css: str, byline: str) -> None:
    assert not byline_hidden(styled_byline(css, byline))


# A `<style>` and the byline's markup (`{}`: its words) → whether a word spacing piles the words
# up: -8em or less of the font size, so that each word of up to 15 letters starts at or left of
# where the one before it started (or off the screen's left edge), as Chromium lays them out
# (tests/test_browser.py checks each row).
WORD_SPACINGS = {
    ("", '<p style="word-spacing:-9999px">{}</p>'): True,
    ("", '<p style="word-spacing:-100em">{}</p>'): True,
    ("", '<p style="word-spacing:-8em">{}</p>'): True,
    ("", '<p style="word-spacing:-130px">{}</p>'): True,
    ("", '<p style="font-size:24px;word-spacing:-8em">{}</p>'): True,
    ("", '<div style="word-spacing:-100em"><p>{}</p></div>'): True,
    (".ws{word-spacing:-100em}", '<p class="byline ws">{}</p>'): True,
    (".by{word-spacing:-9999px}", '<p class=by><a href="/maria">{}</a></p>'): True,
    # Near misses: spacing tightened or widened, one a descendant undoes, -20px of larger text.
    ("", '<p style="word-spacing:-0.2em">{}</p>'): False,
    ("", '<p style="word-spacing:-4px">{}</p>'): False,
    ("", '<p style="word-spacing:-0.5em">{}</p>'): False,
    ("", '<p style="word-spacing:2em">{}</p>'): False,
    ("", '<p style="word-spacing:normal">{}</p>'): False,
    ("", '<p style="font-size:24px;word-spacing:-20px">{}</p>'): False,
    (".by{word-spacing:-9999px} .by span{word-spacing:normal}", "<p class=by><span>{}</span></p>"): False,
}


@pytest.mark.parametrize(("css", "byline"), sorted(WORD_SPACINGS))
def test_words_piled_onto_each_other_hide_the_byline(css: str, byline: str) -> None:
    assert byline_hidden(styled_byline(css, byline)) is WORD_SPACINGS[(css, byline)]


def test_words_piled_onto_each_other_hide_an_affiliation_not_a_logo() -> None:
    assert affiliation_missing("word-spacing:-100em")
    assert not affiliation_missing("word-spacing:-2px")
    assert not logo_hidden(dcnf(logo=f'<p style="word-spacing:-100em">{IMG}</p>'))


def test_squeezed_letters_hide_an_affiliation_not_a_logo() -> None:
    assert affiliation_missing("letter-spacing:-1em")
    assert not logo_hidden(dcnf(logo=f'<p style="letter-spacing:-1em">{IMG}</p>'))


# --- 3. a box moved out of an ancestor that clips its overflow ------------------------------------

BOX = "overflow:hidden;width:300px;height:40px"
MOVED_OUT = [
    ("", f'<div style="{BOX}"><p style="position:relative;left:400px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="position:relative;top:60px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="position:relative;right:-300px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="margin-left:320px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="transform:translateX(310px)">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="position:relative;left:-400px;width:300px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="position:relative;top:-100px;height:20px">{{}}</p></div>'),
    ("", '<div style="overflow:hidden;width:300px;position:relative"><p style="position:absolute;left:400px">{}</p></div>'),
    ("", '<div style="overflow:hidden;width:300px"><div style="position:relative;left:-100px"><p style="position:relative;left:450px">{}</p></div></div>'),
    ("", '<div style="overflow:clip;height:2em"><p style="position:relative;top:3em">{}</p></div>'),
    (".clip{overflow:hidden;width:300px;height:40px} .by{position:relative;left:400px}", '<div class="clip"><p class="by">{}</p></div>'),
    (".clip{overflow:hidden;width:300px;height:40px}", '<div class="clip"><p style="position:relative;top:50px">{}</p></div>'),
    (".by{position:relative;top:50px}", '<div style="overflow:hidden;height:40px"><p class="by">{}</p></div>'),
]
STILL_INSIDE = [
    ("", f'<div style="{BOX}"><p style="position:relative;left:100px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="position:relative;left:-400px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="position:relative;left:-400px;width:300px;white-space:nowrap">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p style="position:relative;top:-30px;height:20px">{{}}</p></div>'),
    ("", f'<div style="{BOX}"><p>Intro</p><p style="position:relative;top:-100px;height:20px">{{}}</p></div>'),
    ("", '<div style="overflow:hidden;width:3000px;height:400px"><p style="position:relative;left:400px;top:100px">{}</p></div>'),
    ("", '<div style="overflow:auto;width:300px"><p style="position:relative;left:400px">{}</p></div>'),
    ("", '<div style="overflow-x:hidden;height:40px"><p style="position:relative;top:60px">{}</p></div>'),
    ("", '<div style="overflow:hidden;width:300px"><p style="position:absolute;left:400px">{}</p></div>'),
    ("", '<div style="overflow:hidden;width:300px"><p style="position:fixed;left:400px">{}</p></div>'),
    ("", '<div style="overflow:hidden;width:300px;padding:0 200px"><p style="position:relative;left:400px">{}</p></div>'),
    ("", '<div style="overflow:hidden;width:30%"><p style="position:relative;left:400px">{}</p></div>'),
    ("", '<div dir="rtl" style="overflow:hidden;width:300px"><p style="position:relative;left:400px">{}</p></div>'),
    ("", '<div style="overflow:hidden;width:300px"><div style="position:relative;left:-400px"><p style="position:relative;left:400px">{}</p></div></div>'),
    ("", '<div style="overflow:hidden;width:300px"><p style="transform:translateX(400px) scale(0.5)">{}</p></div>'),
    ("", '<div style="overflow:hidden;width:300px"><p style="position:relative;left:50%">{}</p></div>'),
    (".clip{overflow:hidden;width:300px} .by{position:relative;left:400px} .clip{overflow:auto}", '<div class="clip"><p class="by">{}</p></div>'),
    # Items a flex box aligns to its end overflow it at the start: moved right, they come into view.
    (
        "",
        '<div style="overflow:hidden;width:300px;display:flex;justify-content:flex-end">'
        '<p style="width:600px;flex:none">Intro</p><p style="position:relative;left:300px">{}</p></div>',
    ),
    (
        ".row{display:flex;flex-direction:row-reverse}",
        '<div class="row" style="overflow:hidden;width:300px"><p style="position:relative;left:300px">{}</p></div>',
    ),
    (
        ".track{display:flex;width:300px;transform:translateX(-300px)}",
        '<div style="overflow:hidden;width:300px"><div class="track"><p>Slide one</p><p>{}</p></div></div>',
    ),
]


@pytest.mark.parametrize(("css", "byline"), MOVED_OUT)
def test_a_byline_moved_out_of_a_clipping_box_is_hidden(css: str, byline: str) -> None:
    assert byline_hidden(styled_byline(css, byline))


@pytest.mark.parametrize(("css", "byline"), STILL_INSIDE)
def test_a_byline_a_clipping_box_may_still_show_counts(css: str, byline: str) -> None:
    assert not byline_hidden(styled_byline(css, byline))


def test_a_logo_and_an_affiliation_moved_out_of_a_clipping_box_are_hidden() -> None:
    moved = f'<div style="overflow:hidden;width:200px;height:60px"><img src={LOGO_SRC} {LOGO_ALT} style="position:relative;left:250px"></div>'
    assert logo_hidden(dcnf(logo=moved))
    assert not logo_hidden(dcnf(logo=moved.replace("left:250px", "left:50px")))
    byline = '<p style="overflow:hidden;height:1.5em">By Maria Lopez<span style="position:relative;top:3em">, Daily Caller News Foundation</span></p>'
    assert findings(dcnf(logo="", byline=byline), "dcnf", "dcnf/affiliation")
    assert not findings(dcnf(logo="", byline=byline.replace("top:3em", "top:0.1em")), "dcnf", "dcnf/affiliation")


# --- 4. a link whose only text the page hides -----------------------------------------------------

SOURCE = "https://www.propublica.org/article/rural-bills"


def source_link_details(inner: str, head: str = "") -> list[str]:
    # The page template fills in `{text}`: the braces of a style rule are doubled.
    credit = (
        head.replace("{", "{{").replace("}", "}}") + f'<p>This story was originally published by ProPublica.</p><p>Read the <a href="{SOURCE}">{inner}</a>.</p>'
    )
    report: Report = check_document(parse_document(propublica(credit=credit), "html"), [PACKS["propublica"]], path="article.html", auto_detect=False)
    return [f.detail for f in report.findings if f.rule == "creative-commons/source-link"]


NOTHING_TO_CLICK = [
    ("", '<span style="display:none">original story</span>'),
    ("", '<span style="color:rgb(0 0 0 / 0)">original story</span>'),
    ("", '<span style="font-size:0">original story</span>'),
    ("", '<span style="letter-spacing:-1em">original</span>'),
    ("", f'<span style="visibility:hidden">original story</span><img src="{LOGO_SRC}" width="1" height="1" alt="">'),
    ("<style>.gone{visibility:hidden}</style>", '<span class="gone">original story</span>'),
    ("", '<span class="sr-only">ProPublica</span>'),
]
SOMETHING_TO_CLICK = [
    ("", "original story"),
    ("", '<span style="font-size:0">original</span> story'),
    ("", '<span aria-hidden="true">original story</span>'),
    ("", f'<span style="display:none">original story</span><img src="{LOGO_SRC}" alt="ProPublica">'),
    ("<style>.gone{visibility:hidden} .gone b{visibility:visible}</style>", '<span class="gone">original <b>story</b></span>'),
]


@pytest.mark.parametrize(("head", "inner"), NOTHING_TO_CLICK)
def test_a_link_whose_only_text_is_hidden_has_nothing_to_click(head: str, inner: str) -> None:
    assert source_link_details(inner, head) == [
        f'no visible link to "https://www.propublica.org/article/" in the article; the link at line 3 (<a href="{SOURCE}">) has nothing to click:'
        " put the words or image a reader should click inside it"
    ]


@pytest.mark.parametrize(("head", "inner"), SOMETHING_TO_CLICK)
def test_a_link_with_text_or_an_image_that_shows_has_something_to_click(head: str, inner: str) -> None:
    assert source_link_details(inner, head) == []


# --- 5. white text on the browser's white canvas ------------------------------------------------

ON_THE_CANVAS = [
    ("", '<p style="color:#fff">{}</p>'),
    ("", '<p style="color:#fafafa">{}</p>'),
    ("", '<p style="color:rgb(0 0 0 / 0.04)">{}</p>'),
    ("", '<div style="color:white"><p>{}</p></div>'),
    ("<style>.by{color:white}</style>", '<p class="by">{}</p>'),
    ("<style>.by{color:rgb(255 255 255)} body{background:#fff}</style>", '<p class="by">{}</p>'),
]
ON_SOMETHING_ELSE = [
    ('<link rel="stylesheet" href="/site.css">', '<p style="color:#fff">{}</p>'),
    ('<link rel="preload stylesheet" href="/site.css" as="style">', '<p style="color:#fff">{}</p>'),
    ('<meta name="color-scheme" content="light dark">', '<p style="color:#fff">{}</p>'),
    ("<style>:root{color-scheme:dark}</style>", '<p style="color:#fff">{}</p>'),
    ("<style>@import url(/theme.css);</style>", '<p style="color:#fff">{}</p>'),
    ("<style>.by{color:white} body{background:#111}</style>", '<p class="by">{}</p>'),
    ("", '<div style="background:#000"><p style="color:#fff">{}</p></div>'),
    ("", '<div style="background:url(hero.jpg)"><p style="color:#fff">{}</p></div>'),
    ("", '<div style="position:relative"><img src="hero.jpg" style="position:absolute"><p style="color:#fff">{}</p></div>'),
    ("", '<table bgcolor="#000"><tr><td><p style="color:#fff">{}</p></td></tr></table>'),
    ("<style>.hero::before{content:'';background:#000}</style>", '<p style="color:#fff">{}</p>'),
    ("", '<p style="color:#fff;text-shadow:0 0 2px #000">{}</p>'),
    ("", '<p style="color:#ccc">{}</p>'),
    (
        '<script async src="https://cdn.ampproject.org/v0.js"></script>',
        '<div><amp-img layout="fill" src="hero.jpg"></amp-img><p style="color:#fff">{}</p></div>',
    ),
    # Saturated yellow is nearly as luminous as white, but a reader tells it from white.
    ("", '<p style="color:#ff0">{}</p>'),
    ("<style>*{color:yellow}</style>", "<p>{}</p>"),
    ("<style>.hero{display:grid} .hero>*{grid-area:1/1}</style>", '<div class="hero"><img src="hero.jpg"><p style="color:#fff">{}</p></div>'),
]


@pytest.mark.parametrize(("head", "byline"), ON_THE_CANVAS)
def test_white_text_on_a_page_that_paints_nothing_behind_it_is_hidden(head: str, byline: str) -> None:
    assert byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


@pytest.mark.parametrize(("head", "byline"), ON_SOMETHING_ELSE)
def test_white_text_that_may_be_on_something_dark_counts(head: str, byline: str) -> None:
    assert not byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


def test_a_white_affiliation_on_the_canvas_is_hidden() -> None:
    assert affiliation_missing("color:#fff")
    assert not affiliation_missing("color:#fff", head='<link rel="stylesheet" href="/site.css">')


# --- one rule for text on a declared background and on the canvas ------------------------------
# Hidden means a colour a reader cannot tell from its background (CIELAB ΔE under 5), the same on
# a background the page declares as on the white canvas: not a low WCAG contrast.

ONE_RULE_HIDDEN = [
    ("", '<p style="color:#f5f5f5">{}</p>'),
    ("", '<div style="background:#fff"><p style="color:#f5f5f5">{}</p></div>'),
    ("<style>.card{background-color:white}</style>", '<div class="card"><span style="color:#f2f2f2">{}</span></div>'),
    ("", '<div style="background:#000"><p style="color:#0b0b0b">{}</p></div>'),
    ("", '<section style="background:#3a6ea5"><p style="color:#3c70a8">{}</p></section>'),
    # Colours of other spaces and mixes: a utility framework's near-white grey in OkLCh, white in
    # Lab, white thinned by mixing in transparent, and a mix of two near-whites.
    ("<style>.text-gray-50{color:oklch(0.985 0.002 247.839)}</style>", '<p class="text-gray-50">{}</p>'),
    ("", '<div style="background:#fff"><p style="color:lab(100 0 0)">{}</p></div>'),
    (
        "<style>:root{--color-white:#fff}.text-white\\/50{color:color-mix(in oklab,var(--color-white) 50%,transparent)}</style>",
        '<p class="text-white/50">{}</p>',
    ),
    ("", '<div style="background:#111"><p style="color:color-mix(in srgb, #121212, #151515 40%)">{}</p></div>'),
    ("", '<p style="color:color(display-p3 1 1 1)">{}</p>'),
    # A negative channel is no negative margin: the canvas is still known to be white.
    ("<style>.by{color:lab(99 0 -1)}</style>", '<p class="by">{}</p>'),
    ("", '<p style="color:oklab(0.99 -0.001 -0.002)">{}</p>'),
    ("", '<p style="color:color-mix(in srgb, lab(100 -1 0), white)">{}</p>'),
    # A colour given by a custom property (a block theme's presets), on the canvas and on a background.
    (
        "<style>body{--wp--preset--color--white:#ffffff}.has-white-color{color:var(--wp--preset--color--white) !important}</style>",
        '<p class="has-white-color">{}</p>',
    ),
    ("<style>:root{--ink:var(--paper)}:root{--paper:#fafafa}.by{color:var(--ink)}</style>", '<div style="background:#fff"><p class="by">{}</p></div>'),
    # CSS-wide keywords: the parent's colour (`inherit`, `unset`, `currentcolor`), `CanvasText`
    # (`initial`), the parent's background behind the text; a gradient of one colour.
    *(
        (f"<style>div.w{{color:#fff}}.by{{color:{keyword}}}</style>", '<div class="w"><p class="by">{}</p></div>')
        for keyword in ("inherit", "unset", "currentcolor", "INHERIT")
    ),
    ("<style>div.w{color:#fff;background:#000}.by{color:initial}</style>", '<div class="w"><p class="by">{}</p></div>'),
    ("<style>div.w{background:#000}.by{color:#000;background:inherit}</style>", '<div class="w"><p class="by">{}</p></div>'),
    ("<style>.by{color:black;background:linear-gradient(black,black)}</style>", '<p class="by">{}</p>'),
    ("<style>.by{color:#000;background-image:linear-gradient(to right, #000 0%, #000 100%)}</style>", '<p class="by">{}</p>'),
    ("<style>.by{color:#000;background:linear-gradient(#000, 40%, #000)}</style>", '<p class="by">{}</p>'),
]
ONE_RULE_SEEN = [
    # Saturated yellow: a WCAG contrast of 1.07 with white, but a reader sees it, declared or not.
    ("", '<div style="background:#fff"><p style="color:#ff0">{}</p></div>'),
    ("<style>body{background:#ffffff} .by{color:yellow}</style>", '<p class="by">{}</p>'),
    ("", '<table bgcolor="#fff"><tr><td><font color="#ffff00">{}</font></td></tr></table>'),
    # Colours of one luminance and another hue.
    ("", '<div style="background:#00a000"><p style="color:#f00">{}</p></div>'),
    # Faint but there: the near-miss on both kinds of white, and on black.
    ("", '<p style="color:#ebebeb">{}</p>'),
    ("", '<div style="background:#fff"><p style="color:#ebebeb">{}</p></div>'),
    ("", '<div style="background:#000"><p style="color:#1a1a1a">{}</p></div>'),
    # Dark text in other spaces, and a white that a perceptual mix with black darkens (not worked out: not hidden).
    ("<style>.text-gray-900{color:oklch(0.21 0.034 264.665)}</style>", '<p class="text-gray-900">{}</p>'),
    ("", '<p style="color:lch(30 40 260)">{}</p>'),
    ("", '<p style="color:color-mix(in oklch, white, black)">{}</p>'),
    (
        "<style>body{--wp--preset--color--contrast:#111}.has-contrast-color{color:var(--wp--preset--color--contrast)}</style>",
        '<p class="has-contrast-color">{}</p>',
    ),
    # The custom property is given another value nearer the text.
    ("<style>:root{--ink:#fff}.by{color:var(--ink)}.card{--ink:#222}</style>", '<div class="card"><p class="by">{}</p></div>'),
    # `revert` is the user agent's colour (not read); gradients of two colours, or fading out.
    ("<style>div.w{color:#fff}.by{color:revert}</style>", '<div class="w"><p class="by">{}</p></div>'),
    ("<style>.by{color:black;background:linear-gradient(black,white)}</style>", '<p class="by">{}</p>'),
    ("<style>.by{color:black;background:linear-gradient(#000 40%, rgba(0,0,0,0))}</style>", '<p class="by">{}</p>'),
    ("<style>div.w{color:#fff}.by{color:initial}</style>", '<div class="w"><p class="by">{}</p></div>'),
]


@pytest.mark.parametrize(("head", "byline"), ONE_RULE_HIDDEN)
def test_text_a_reader_cannot_tell_from_its_background_is_hidden(head: str, byline: str) -> None:
    assert byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


@pytest.mark.parametrize(("head", "byline"), ONE_RULE_SEEN)
def test_text_a_reader_tells_from_its_background_is_seen_however_low_its_contrast(head: str, byline: str) -> None:
    assert not byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


def test_the_canvas_and_a_declared_white_are_judged_alike() -> None:
    for text in ("#f5f5f5", "#ebebeb", "#ff0", "#fffff0", "#e0ffff"):
        on_canvas = byline_hidden(dcnf(byline=f'<p style="color:{text}">{BYLINE}</p>'))
        declared = byline_hidden(dcnf(byline=f'<div style="background:#fff"><p style="color:{text}">{BYLINE}</p></div>'))
        assert on_canvas == declared, text


# --- presentational colours: `<font color>` and `bgcolor` -------------------------------------

PRESENTED_HIDDEN = [
    ("", '<table bgcolor="#ffffff"><tr><td><p><font color="#fff">{}</font></p></td></tr></table>'),
    ("", '<table><tr><td bgcolor="FFFFFF"><font color="ffffff">{}</font></td></tr></table>'),
    ("", '<table><tr bgcolor="navy"><td><span><font color="#000080">{}</font></span></td></tr></table>'),
    ("", '<div style="background-color:#fff"><font color="white">{}</font></div>'),
    ("<style>.card{background:#fff}</style>", '<div class="card"><font color="#FFFFFF">{}</font></div>'),
    ("", '<p><font color="white">{}</font></p>'),
    ("", '<table bgcolor="white"><tr><td><p style="color:#fff">{}</p></td></tr></table>'),
]
PRESENTED_SEEN = [
    ("", '<p><font color="#333">{}</font></p>'),
    ("", '<table><tr><td bgcolor="#000"><font color="#fff">{}</font></td></tr></table>'),
    ("<style>.by font{color:#222}</style>", '<p class="by"><font color="#fff">{}</font></p>'),
    ("", '<p><font color="#fff" style="color:#000">{}</font></p>'),
    ("<style>td{background:#003}</style>", '<table><tr><td bgcolor="#fff"><font color="#fff">{}</font></td></tr></table>'),
    ('<link rel="stylesheet" href="/site.css">', '<table bgcolor="#fff"><tr><td><font color="#fff">{}</font></td></tr></table>'),
    # `color` is a presentational attribute of `<font>` only; `bgcolor` of tables and `<body>`.
    ("", '<div bgcolor="#fff"><span color="#fff">{}</span></div>'),
]


@pytest.mark.parametrize(("head", "byline"), PRESENTED_HIDDEN)
def test_presentational_text_colour_on_its_own_background_is_hidden(head: str, byline: str) -> None:
    assert byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


@pytest.mark.parametrize(("head", "byline"), PRESENTED_SEEN)
def test_presentational_colours_a_reader_tells_apart_or_css_overrides_are_seen(head: str, byline: str) -> None:
    assert not byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


# A link is painted in the browser's link colour, which an ancestor's colour does not override.
LINKS_IN_WHITE_TEXT = [
    (False, "", '<p><font color="#fff"><a href="/author/maria-lopez">{}</a></font></p>'),
    (False, "<style>.by{color:#fff}</style>", '<p class="by"><a href="/author/maria-lopez">{}</a></p>'),
    (True, "<style>.by{color:#fff} .by a{color:#fff}</style>", '<p class="by"><a href="/author/maria-lopez">{}</a></p>'),
    (True, "<style>.by{color:#fff}</style>", '<p class="by"><a name="byline">{}</a></p>'),
    (True, "", '<p><a href="/m" style="color:white">{}</a></p>'),
    (True, "<style>.by{color:#fff;-webkit-text-fill-color:#fff}</style>", '<p class="by"><a href="/m">{}</a></p>'),
]


@pytest.mark.parametrize(("hidden", "head", "byline"), LINKS_IN_WHITE_TEXT)
def test_a_link_keeps_the_link_colour_unless_its_own_css_sets_one(hidden: bool, head: str, byline: str) -> None:
    assert byline_hidden(dcnf(head=head, byline=byline.format(BYLINE))) is hidden


@pytest.mark.parametrize(
    ("body", "byline", "hidden"),
    [
        # `<body text>` is the page's text colour (HTML, 15.3.1), white on the white canvas.
        ('<body text="#ffffff">', "<p>{}</p>", True),
        ('<body text="white" bgcolor="#fff">', "<p>{}</p>", True),
        ('<body text="#000000" bgcolor="#000">', '<div class="byline">{}</div>', True),
        # Near-misses: a dark text colour, a background that tells it apart, CSS that wins.
        ('<body text="#333333">', "<p>{}</p>", False),
        ('<body text="#fff" bgcolor="#000">', "<p>{}</p>", False),
        ('<body text="#fff">', '<p style="color:#111">{}</p>', False),
        # `text` sets a colour on `<body>` only.
        ('<body><div text="#fff">', "<p>{}</p>", False),
    ],
)
def test_the_body_text_colour_hides_text_on_a_background_of_that_colour(body: str, byline: str, hidden: bool) -> None:
    page = dcnf(byline=byline.format(BYLINE)).replace(b"<body>", body.encode(), 1)
    assert byline_hidden(page) is hidden


def test_a_white_font_affiliation_on_a_white_cell_is_missing() -> None:
    byline = '<table><tr><td bgcolor="#fff">By Maria Lopez<font color="#fff">, Daily Caller News Foundation</font></td></tr></table>'
    assert findings(dcnf(logo="", byline=byline), "dcnf", "dcnf/affiliation")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#fff", (1.0, 1.0, 1.0, 1.0)),
        ("FFFFFF", (1.0, 1.0, 1.0, 1.0)),
        ("White", (1.0, 1.0, 1.0, 1.0)),
        ("chucknorris", (192 / 255, 0.0, 0.0, 1.0)),
        ("transparent", None),
        ("", None),
    ],
)
def test_a_legacy_colour_value_is_read_as_html_reads_it(value: str, expected: tuple[float, float, float, float] | None) -> None:
    assert legacy_colour(value) == expected


# --- a box one line high that clips its overflow: only its first line shows ---------------------

# An icon of 12px: a 1×1 GIF drawn at that size.
ICON = '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" width="12" height="12" alt="">'

AFTER_THE_FIRST_LINE = [
    ("", '<div style="height:1em;overflow:hidden"><p>Teaser line</p><p>{}</p></div>'),
    ("<style>.clamp{max-height:1.2em;overflow:hidden}</style>", '<section class="clamp"><h2>Related</h2><div><p>{}</p></div></section>'),
    ("<style>.one-line{height:1lh;overflow-y:clip}</style>", '<div class="one-line">Intro text<p>{}</p></div>'),
    ("", '<aside style="font-size:20px;height:22px;overflow:hidden"><ul><li>First</li><li>{}</li></ul></aside>'),
    # Near-misses of the side-by-side layouts below: a block-level box (a flex container is one)
    # after the first line, a px height with the font size the page sets, a float after it.
    ("<style>.meta{display:block;height:1.2em;overflow:hidden}.meta p{display:flex}</style>", '<div class="meta"><p>Teaser</p><p>{}</p></div>'),
    ("<style>html{font-size:14px}</style>", '<ul style="max-height:16px;overflow:hidden"><li>Tag</li><li>{}</li></ul>'),
    ("<style>.m{height:1em;overflow:hidden}.m i{float:right}</style>", '<div class="m"><p>Teaser</p><p>{}</p><i>x</i></div>'),
    # The vendor forms of a block-level display start a line of their own too: Chromium lays out
    # the legacy `-webkit-box` and `-webkit-flex` (an alias of `flex`) as block-level boxes.
    ("<style>.m{height:1.2em;overflow:hidden}.m .by{display:-webkit-box}</style>", '<div class="m">June 27 <span class="by">{}</span></div>'),
    ("", '<div style="height:1em;overflow:hidden"><span>June 27</span> <span style="display:-webkit-flex">{}</span></div>'),
    # CSS Display 3's values of several keywords, read by their outer display type: `block flow`
    # is `block`, `block flex` `flex`, `list-item block` `list-item`; `block ruby` is a block box.
    ("", '<div style="height:1em;overflow:hidden">Teaser text <span class="byline" style="display:block flow">{}</span></div>'),
    (
        "<style>.m{max-height:1.2em;overflow:hidden}.m .author{display:flex block}</style>",
        '<div class="m"><time>June 27</time> <em class="author">{}</em></div>',
    ),
    ("", '<p style="height:1lh;overflow:clip">Politics <b class="author" style="display:block ruby">{}</b></p>'),
    (
        "<style>.m{height:1em;overflow:hidden}.m a{display:list-item block}</style>",
        '<div class="m"><a href="/tag">Tag</a><a href="/author" rel="author">{}</a></div>',
    ),
    # ... for the box that shows one line, and for a parent of the byline inside it.
    ("", '<span style="display:block flow-root;height:1em;overflow:hidden">Teaser<span style="display:block">{}</span></span>'),
    ("<style>.m{height:1em;overflow:hidden}.m section{display:flow block}</style>", '<div class="m"><section><p>Teaser</p><p>{}</p></section></div>'),
    # A `<br>` ends the first line: what follows it, inline or a block, is on a later one, also
    # when it is the first thing in the box (an empty line) or inside an inline box or a block.
    ("", '<div style="height:1em;overflow:hidden">Teaser text<br><span>{}</span></div>'),
    ("<style>.m{max-height:1.2em;overflow:hidden}</style>", '<p class="m">June 27<br>{}</p>'),
    ("", '<div style="height:1lh;overflow:clip"><br><div class="byline">{}</div></div>'),
    ("<style>.m{height:1em;overflow:hidden}</style>", '<div class="m"><a href="/politics">Politics<br></a> <em>{}</em></div>'),
    ("", '<section style="height:1.2em;overflow:hidden"><p>Teaser<br>{}</p></section>'),
    ("", '<div style="height:1em;overflow:hidden">June 27 <span style="display:inline list-item">Politics<br>{}</span></div>'),
    # A table's part outside a table, in a block container, is wrapped in an anonymous table, a
    # block-level box: the first of the parts side by side starts a line, and the others are on it.
    ("", '<div style="height:1em;overflow:hidden">Teaser text <span class="byline" style="display:table-cell">{}</span></div>'),
    (
        "<style>.m{height:1.2em;overflow:hidden}.m .c{display:table-cell}</style>",
        '<div class="m">June 27 <span class="c">Politics</span> <span class="c author">{}</span></div>',
    ),
    ("<style>.m{height:1em;overflow:hidden}</style>", '<div class="m"><section>June 27 <b style="display:table-row">{}</b></section></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><i style="display:table-cell">June</i> 27 <i style="display:table-cell">{}</i></div>'),
    # A `display` given by a custom property, as the page defines it (or its fallback).
    (
        "<style>:root{--d:block} .m{height:1em;overflow:hidden} .m .by{display:var(--d)}</style>",
        '<div class="m">June 27 <span class="by byline">{}</span></div>',
    ),
    (
        "<style>.m{height:1.2em;overflow:hidden} .m .author{display:var(--author-display, block)}</style>",
        '<div class="m"><time>June 27</time> <em class="author">{}</em></div>',
    ),
    ("<style>.m{--flow:flex;height:1em;overflow:hidden} .m cite{display:var(--flow)}</style>", '<div class="m">Teaser <cite class="byline">{}</cite></div>'),
    # The custom property after a keyword: "block var(--inner)" is "block flow".
    (
        "<style>:root{--inner:flow} .m{height:1em;overflow:hidden} .m .by{display:block var(--inner)}</style>",
        '<div class="m">June 27 <span class="by byline">{}</span></div>',
    ),
    # Something other than text begins the first line: a no-break space (no white space CSS
    # collapses), an image, an atomic inline box however empty; a block after it is on a later line.
    ("", '<div style="height:1em;overflow:hidden">&nbsp;<span style="display:block">{}</span></div>'),
    ("", '<div style="height:1lh;overflow:clip"><span>&nbsp;</span><p>{}</p></div>'),
    # ... and so does any other character CSS does not collapse, though nothing shows: another
    # Unicode space, a zero-width space or joiner, a bidirectional mark, a soft hyphen.
    ("", '<div style="height:1em;overflow:hidden">&#8203;<div>{}</div></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><span>&#x2003;</span><div>{}</div></div>'),
    ("", '<div style="max-height:1em;overflow:clip"> &zwj; <section class="byline">{}</section></div>'),
    ("<style>.m{height:1em;overflow:hidden}</style>", '<div class="m"><i>&lrm;</i><div class="author">{}</div></div>'),
    ("", '<div style="height:1em;overflow:hidden">&shy;<div class="byline">{}</div></div>'),
    ("", f'<div style="height:1.2em;overflow:hidden">{ICON}<p>{{}}</p></div>'),
    ("", f'<div style="height:1em;overflow:hidden"><a href="/">{ICON}</a><div class="byline">{{}}</div></div>'),
    (
        "<style>.m{height:1em;overflow:hidden}.m .icon{display:inline-block;width:10px;height:10px}</style>",
        '<div class="m"><span class="icon"></span><div>{}</div></div>',
    ),
    ("", '<div style="max-height:1.2em;overflow:hidden"><i style="display:inline-flex"></i><p>{}</p></div>'),
    # ... and so do an inline `<svg>`, a form control and a video, as replaced elements.
    ("", '<div style="height:1em;overflow:hidden"><svg width="12" height="12"><circle r="6" cx="6" cy="6"/></svg><div>{}</div></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><button>Share</button><div class="byline">{}</div></div>'),
    ("", '<div style="height:1em;overflow:hidden"><input type="checkbox"><div>{}</div></div>'),
    # The top margins and paddings the page gives the block that begins the first line, and the
    # blocks it is in, push that line below what the box shows; a margin that collapses with its
    # parent's is the larger of the two; a longhand or its shorthand, as the cascade decides.
    ("", '<div style="height:1em;overflow:hidden"><div style="margin-top:1em">{}</div></div>'),
    ("<style>.m{height:1.2em;overflow:hidden}.m .by{display:block;padding-top:2em}</style>", '<div class="m"><span class="by">{}</span></div>'),
    ("<style>p{margin:0 0 12px}</style>", '<div style="height:1em;overflow:hidden"><p style="margin-top:1em">{}</p></div>'),
    ("", '<div style="height:1em;overflow:hidden"><div style="padding-top:.5em"><div style="padding-top:.5em">{}</div></div></div>'),
    ("", '<div style="max-height:1.2em;overflow:hidden"><div style="padding:.6em 0 0"><div style="margin-top:.6em">{}</div></div></div>'),
    ("", '<div style="height:1em;overflow:hidden"><div style="margin-top:.5em"><div style="margin-top:1em">{}</div></div></div>'),
    # An atomic inline box as wide as the line, after text or an image on it, starts the next line.
    ("", '<div style="height:1em;overflow:hidden">Teaser text <span style="display:inline-block;width:100%">{}</span></div>'),
    ("<style>.m{height:1.2em;overflow:hidden}.m .by{display:inline-flex;min-width:100%}</style>", f'<div class="m">{ICON}<em class="by">{{}}</em></div>'),
    # A height no more than the box's own line height, which each line box is at least: in
    # `px` whatever the font size, a number, a percentage, in separate rules.
    ("", '<p style="line-height:20px;max-height:20px;overflow:hidden">June 27<br>{}</p>'),
    ("<style>.m{line-height:28px;height:26px;overflow:hidden}</style>", '<div class="m">Politics<br><span>{}</span></div>'),
    ("<style>.m{max-height:22px;overflow:clip;line-height:22px}</style>", '<div class="m"><a href="/tag">Tag</a><br><em>{}</em></div>'),
    ("", '<div style="line-height:1.6;height:1.6em;overflow:hidden">Teaser<br>{}</div>'),
    ("", '<div style="line-height:150%;max-height:1.5em;overflow:hidden">Teaser text<br><span class="byline">{}</span></div>'),
    # A vertical `-webkit-box` clamped to one line (`-webkit-line-clamp: 1`) that clips its
    # overflow shows its first line only, whatever its height.
    ("", '<p style="display:-webkit-box;-webkit-line-clamp:1;-webkit-box-orient:vertical;overflow:hidden">Teaser text<br><span>{}</span></p>'),
    (
        "<style>.m{display:-webkit-box;-webkit-line-clamp:1;-webkit-box-orient:vertical;overflow:hidden}</style>",
        '<div class="m"><div>Teaser</div><div class="byline">{}</div></div>',
    ),
]
ON_THE_FIRST_LINE_OR_NOT_CLIPPED = [
    # White space CSS collapses makes no line, nor does a form feed between blocks.
    ("", '<div style="height:1em;overflow:hidden">\n\t <div>{}</div></div>'),
    ("", '<div style="height:1em;overflow:hidden">&#12;<div class="byline">{}</div></div>'),
    # A zero-width space inside the block that begins the first line is on that line.
    ("", '<div style="height:1em;overflow:hidden"><div>&#8203;{}</div></div>'),
    ("", '<div style="height:1em;overflow:hidden"><p>{}</p><p>More text</p></div>'),
    ("", '<div style="height:2.5em;overflow:hidden"><p>Teaser</p><p>{}</p></div>'),
    # Heights not in the element's own font size (rem, %), or more than a line of it.
    ("", '<div style="height:1rem;overflow:hidden"><p>Teaser</p><p>{}</p></div>'),
    ("", '<div style="max-height:5%;overflow:hidden"><p>Teaser</p><p>{}</p></div>'),
    ("", '<div style="height:30px;overflow:hidden"><p>Teaser</p><p>{}</p></div>'),
    ("", '<div style="height:1em;overflow:hidden;padding-bottom:2em"><p>Teaser</p><p>{}</p></div>'),
    ("", '<div style="height:1em;overflow-x:hidden"><p>Teaser</p><p>{}</p></div>'),
    ("", '<div style="height:1em"><p>Teaser</p><p>{}</p></div>'),
    ("<style>.clamp{max-height:1.2em;overflow:hidden} .clamp.open{max-height:none}</style>", '<section class="clamp open"><h2>Related</h2><p>{}</p></section>'),
    # A first block that is not on the screen takes no line.
    ("", '<div style="height:1em;overflow:hidden"><p style="display:none">Gone</p><p>{}</p></div>'),
    # Only a block container in normal flow stacks its lines: a flex or grid container sets its
    # items side by side, a table cell grows to fit, a multi-column box has lines side by side.
    ("<style>.entry-meta{display:flex;gap:8px;height:1.2em;overflow:hidden}</style>", '<div class="entry-meta"><div>June 27</div><div>{}</div></div>'),
    ("", '<div style="display:grid;grid-auto-flow:column;height:1em;overflow:hidden"><span>June</span><p>{}</p></div>'),
    ("", '<table><tr><td style="height:1em;overflow:hidden"><p>Teaser</p><p>{}</p></td></tr></table>'),
    ("", '<div style="columns:2;height:1.2em;overflow:hidden"><p>Teaser</p><p>{}</p></div>'),
    # What the box holds shares its first line: inline, inline-block, table cells side by side.
    ("<style>ul.tags{height:1.2em;overflow:hidden} ul.tags li{display:inline}</style>", '<ul class="tags"><li>Politics</li><li>{}</li></ul>'),
    ("<style>.m{height:1.2em;overflow:hidden}.m p{display:inline}</style>", '<div class="m"><p>June 27</p> <p>{}</p></div>'),
    ("", '<div style="height:1em;overflow:hidden"><div style="display:inline-block">Teaser</div><div style="display:inline-block">{}</div></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><table><tr><td>June 27</td><td>{}</td></tr></table></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><span>June 27</span> <div style="display:-webkit-inline-flex">{}</div></div>'),
    ("<style>.m{height:1.2em;overflow:hidden}.m div{display:-webkit-inline-box}</style>", '<div class="m"><div>June 27</div> <div>{}</div></div>'),
    # Several keywords with an inline outer display type (`inline flow-root` is `inline-block`),
    # and a box whose own display of several keywords lays its items side by side or is inline.
    ("", '<div style="height:1.2em;overflow:hidden"><span>June 27</span> <div style="display:inline flow-root">{}</div></div>'),
    ("<style>.m{height:1em;overflow:hidden}.m cite{display:flex inline}</style>", '<div class="m"><time>June 27</time> <cite>{}</cite></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><span>June 27</span> <div style="display:inline list-item">{}</div></div>'),
    ("", '<div style="display:block flex;height:1.2em;overflow:hidden"><div>June 27</div><div>{}</div></div>'),
    ("", '<div style="display:inline flow;height:1em;overflow:hidden"><p>Teaser</p><p>{}</p></div>'),
    # A `<br>` after the byline, one that does not show, or one inside a box laid out on its own
    # (a float, a table cell, a flex item), whose lines are not the one-line box's.
    ("", '<div style="height:1em;overflow:hidden">{}<br>More text</div>'),
    ("", '<div style="height:1em;overflow:hidden">June 27<br style="display:none"> {}</div>'),
    ("<style>.m{height:1.2em;overflow:hidden}.m .tag{float:right}</style>", '<div class="m"><div class="tag">Tag<br>Politics</div>{}</div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><table><tr style="vertical-align:top"><td>June<br>27</td><td>{}</td></tr></table></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><div style="display:flex"><div>June 27<br>Politics</div><div>{}</div></div></div>'),
    # Table's parts side by side first in the box (one anonymous table, on the first line), after
    # one the page does not display, or in an inline box (their anonymous table is an inline-table).
    ("", '<div style="height:1em;overflow:hidden"><span style="display:table-cell">June 27</span> <span style="display:table-cell">{}</span></div>'),
    (
        "",
        '<div style="height:1em;overflow:hidden"><i style="display:table-cell">June 27</i><i hidden>x</i> <i style="display:table-cell">{}</i></div>',
    ),
    ("<style>.m{height:1.2em;overflow:hidden}.m a span{display:table-cell}</style>", '<div class="m">June 27 <a href="/author"><span>{}</span></a></div>'),
    # A custom property that makes an inline-level `display`, or one the page does not define
    # (the declaration is then invalid, and the display is `inline`).
    (
        "<style>:root{--d:inline-block} .m{height:1.2em;overflow:hidden} .m .by{display:var(--d)}</style>",
        '<div class="m"><span>June 27</span> <span class="by">{}</span></div>',
    ),
    ("<style>.m{height:1.2em;overflow:hidden} .m .by{display:var(--missing)}</style>", '<div class="m"><span>June 27</span> <span class="by">{}</span></div>'),
    # Near-misses of a first line begun by something other than text: white space CSS collapses,
    # an image the page does not display or one floated beside the line, an image on the
    # byline's own line, an empty inline box. (In `<div>`s: a `<p>`'s default margin, which a
    # linked stylesheet may take away, would move the line down.)
    ("", '<div style="height:1em;overflow:hidden"> <div>{}</div></div>'),
    ("", f'<div style="height:1.2em;overflow:hidden">{ICON.replace("<img", "<img style=display:none")}<div>{{}}</div></div>'),
    ("", f'<div style="height:1.2em;overflow:hidden">{ICON.replace("<img", "<img style=float:left")}<div>{{}}</div></div>'),
    ("", f'<div style="height:1.2em;overflow:hidden"><div>{ICON} {{}}</div></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><span></span><div>{}</div></div>'),
    ("", '<div style="height:1em;overflow:hidden"><input type="hidden" value="x"><button hidden>Share</button><div>{}</div></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><svg style="display:block" width="12" height="2"></svg><div>{}</div></div>'),
    # Near-misses of a first line pushed down: less space than the box shows, a shorthand that
    # wins over the longhand, margins that collapse into the larger one, a block that sets its
    # own font size (its `em` is not the box's: no judgement).
    ("", '<div style="height:1.2em;overflow:hidden"><div style="margin-top:.2em">{}</div></div>'),
    ("<style>.m .by{margin-top:2em}</style>", '<div class="m" style="height:1em;overflow:hidden"><div class="by" style="margin:0">{}</div></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><div style="margin-top:.5em"><div style="margin-top:.5em">{}</div></div></div>'),
    ("", '<div style="height:1.2em;overflow:hidden"><div style="font-size:8px;margin-top:1em">{}</div></div>'),
    # ... and something inside that moves the line back up: a negative margin, a transform.
    ("", '<div style="height:1em;overflow:hidden"><div style="margin-top:1em"><p style="margin-top:-1em;margin-bottom:0">{}</p></div></div>'),
    (
        "<style>.m .up{transform:translateY(-1em)}</style>",
        '<div class="m" style="height:1em;overflow:hidden"><div style="padding-top:1em"><div class="up">{}</div></div></div>',
    ),
    # Near-misses of a box as wide as the line: first on the line, or narrower.
    ("", '<div style="height:1em;overflow:hidden"><span style="display:inline-block;width:100%">{}</span></div>'),
    ("", '<div style="height:1em;overflow:hidden">June 27 <span style="display:inline-block;width:50%">{}</span></div>'),
    # Near-misses of a height of the box's line height: two lines of it, a line height smaller
    # than the height, the byline on the first line, a `font` shorthand that may set another.
    ("", '<p style="line-height:20px;max-height:40px;overflow:hidden">June 27<br>{}</p>'),
    ("", '<p style="line-height:10px;height:20px;overflow:hidden">June 27<br>{}</p>'),
    ("<style>.m{line-height:22px;max-height:22px;overflow:hidden}</style>", '<div class="m">{}<br>Tag</div>'),
    ("", '<div style="line-height:24px;font:12px/12px sans-serif;height:24px;overflow:hidden">Teaser<br>{}</div>'),
    # Near-misses of the line clamp: two lines, a horizontal box.
    ("", '<div style="display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden">Teaser<br><span>{}</span></div>'),
    ("", '<div style="display:-webkit-box;-webkit-line-clamp:1;-webkit-box-orient:horizontal;overflow:hidden"><div>Teaser</div><div>{}</div></div>'),
    # A floated or absolutely positioned box before it: where the lines fall is not worked out.
    ("<style>.m{height:1em;overflow:hidden}.m .date{float:left}</style>", '<div class="m"><p class="date">June 27</p><p>{}</p></div>'),
    ("", '<div style="height:1.2em;overflow:hidden;position:relative"><p style="position:absolute;right:0">Tag</p><p>{}</p></div>'),
    # A px height is lines of the font size the page sets (18px is 2.5 lines of 6px text), and
    # gives no judgement when the page sets none (a linked stylesheet may) or one in rem.
    ("<style>.meta{font-size:6px;height:18px;overflow:hidden}</style>", '<div class="meta"><p>June 27</p><p>{}</p></div>'),
    ("", '<div style="height:18px;overflow:hidden"><p>Teaser</p><p>{}</p></div>'),
    ("<style>html{font-size:10px}.meta{font-size:1rem;height:18px;overflow:hidden}</style>", '<div class="meta"><p>June 27</p><p>{}</p></div>'),
]


@pytest.mark.parametrize(("head", "byline"), AFTER_THE_FIRST_LINE)
def test_a_block_after_the_first_line_of_a_one_line_box_is_hidden(head: str, byline: str) -> None:
    assert byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


@pytest.mark.parametrize(("head", "byline"), ON_THE_FIRST_LINE_OR_NOT_CLIPPED)
def test_a_block_on_the_first_line_or_in_a_taller_box_is_seen(head: str, byline: str) -> None:
    assert not byline_hidden(dcnf(head=head, byline=byline.format(BYLINE)))


@pytest.mark.parametrize(
    ("style", "missing"),
    [("height:1em;overflow:hidden", True), ("max-height:1.2em;overflow:clip", True), ("height:2.4em;overflow:hidden", False), ("height:1em", False)],
)
def test_an_affiliation_after_a_line_break_in_a_one_line_box_is_clipped(style: str, missing: bool) -> None:
    byline = f'<p style="{style}">By Maria Lopez<br>Daily Caller News Foundation</p>'
    assert bool(findings(dcnf(logo="", byline=byline), "dcnf", "dcnf/affiliation")) is missing


# --- a grid item in a track of no size that clips what it holds --------------------------------

# Rows of a page's body (`{}`: the byline's words; `id=it`: the element Chromium's ink is read
# from) and whether the words are hidden.
COLLAPSED_TRACKS = {
    # The CSS accordion, closed: a `0fr` row, an item that clips (or the grid, with the item's
    # minimum height 0), by `style` attributes or rules; a zero-length or 0% track; a top margin
    # (the content starts at the grid's bottom); the column form.
    '<div style="display:grid;grid-template-rows:0fr"><div id=it style="overflow:hidden">{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:0fr;overflow:hidden"><div id=it style="min-height:0">{}</div></div>': True,
    '<p>Filed <span style="display:inline-grid;grid-template-rows:0fr"><span id=it style="overflow:hidden">{}</span></span></p>': True,
    "<style>.acc{{display:grid;grid-template-rows:0fr;transition:grid-template-rows .3s}}.acc>div{{overflow:hidden}}</style>"
    "<div class=acc>\n  <div id=it>{}</div>\n</div>": True,
    '<section style="display:grid;grid-template-rows:0px"><p id=it style="overflow:clip">{}</p></section>': True,
    '<div style="display:grid;grid-template-rows:0;overflow:hidden"><div id=it>{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:0fr"><div id=it style="overflow:auto">{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:0%"><div id=it style="overflow:hidden">{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:0fr;overflow:hidden"><div id=it style="min-height:0;margin-top:20px">{}</div></div>': True,
    '<div style="display:grid;grid-template-columns:0fr"><div id=it style="overflow-x:hidden">{}</div></div>': True,
    "<style>.wrap{{display:grid;grid-template-rows:0fr;overflow:hidden}}.wrap .inner{{min-height:0;padding:0 1em}}</style>"
    "<div class=wrap><div class=inner id=it><p>{}</p></div></div>": True,
    # The same track written as `minmax()` of a least of nothing (or `auto`) and a most of nothing,
    # or as `fit-content()` of nothing.
    '<div style="display:grid;grid-template-rows:minmax(0,0fr)"><div id=it style="overflow:hidden">{}</div></div>': True,
    '<p>Filed <span style="display:inline-grid;grid-template-rows:minmax(0,0fr)"><span id=it style="overflow:hidden">{}</span></span></p>': True,
    '<div style="display:grid;grid-template-rows:minmax(0px,0)"><div id=it style="overflow:clip">{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:minmax(auto,0fr)"><div id=it style="overflow:hidden">{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:fit-content(0)"><div id=it style="overflow:hidden">{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:MinMax(0, 0fr);overflow:hidden"><div id=it>{}</div></div>': True,
    '<div style="display:grid;grid-template-rows:fit-content(0px);overflow:hidden"><div id=it style="min-height:0">{}</div></div>': True,
    '<div style="display:grid;grid-template-columns:minmax(0,0px)"><div id=it style="overflow-x:hidden">{}</div></div>': True,
    "<style>.fold{{display:grid;grid-template-rows:minmax(0,0fr)}}.fold>div{{overflow:hidden}}</style><div class=fold><div id=it>{}</div></div>": True,
    # Near-misses: nothing clipped (the track grows to the content), a track that is not of no
    # size (open, `minmax(0, 1fr)`; a percentage makes the grid as tall as the content, which a
    # clip of the grid's shows), a padding or a bottom margin the content spills into, an item
    # as tall as its content, a grid with a height of its own, a second
    # item or text (in a track of its own), a placement, a rule some screens meet, columns of a
    # block grid clipped by the grid alone.
    '<div style="display:grid;grid-template-rows:0fr"><div id=it>{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:minmax(0,1fr)"><div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:minmax(0,auto)"><div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:minmax(12px,0fr)"><div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:fit-content(100px)"><div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:fit-content(0);overflow:hidden"><div id=it>{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:minmax(auto,0fr)"><div id=it>{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:1fr"><div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0%;overflow:hidden"><div id=it style="min-height:0">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr;overflow:hidden"><div id=it>{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr"><div id=it style="overflow:hidden;padding:8px 0">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr"><div id=it style="overflow:hidden;align-self:start">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr;overflow:hidden;height:40px"><div id=it style="min-height:0">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr;overflow:hidden"><div id=it style="min-height:0;margin-bottom:20px">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr"><div style="overflow:hidden">Teaser</div><div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr">Teaser <div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr"><div id=it style="overflow:hidden;grid-row:2">{}</div></div>': False,
    "<style>.acc{{display:grid;grid-template-rows:0fr}}@media (min-width:600px){{.acc{{grid-template-rows:1fr}}}}.acc>div{{overflow:hidden}}</style>"
    "<div class=acc><div id=it>{}</div></div>": False,
    '<div style="display:grid;grid-template-columns:0fr;overflow:hidden"><div id=it style="min-width:0">{}</div></div>': False,
    '<div style="display:block;grid-template-rows:0fr"><div id=it style="overflow:hidden">{}</div></div>': False,
    '<div style="display:grid;grid-template-rows:0fr"><div id=it style="overflow:hidden;display:table">{}</div></div>': False,
}


@pytest.mark.parametrize(("markup", "hidden"), COLLAPSED_TRACKS.items())
def test_a_grid_item_in_a_track_of_no_size_that_clips_is_hidden(markup: str, hidden: bool) -> None:
    assert byline_hidden(dcnf(byline=markup.format(BYLINE))) is hidden


# The page's own layout grids of two tracks (a sidebar beside the story), declared before
# the accordion, in a rule, a `style` attribute or over several lines: the accordion is read all the same.
SIDEBAR_GRIDS = (
    "<style>.layout{{display:grid;grid-template-columns:minmax(0,1fr) 320px}}</style>",
    "<style>.layout{{display:grid;grid-template-columns:0 1fr;grid-template-rows:0fr [main] auto}}</style>",
    "<style>.layout{{grid-template-columns:\n  minmax(0, 1fr)\n  300px}}</style>",
    '<div style="display:grid;grid-template-columns:minmax(0,1fr) 320px"></div>',
)


@pytest.mark.parametrize("layout", SIDEBAR_GRIDS)
@pytest.mark.parametrize(
    ("accordion", "hidden"),
    [
        ('<div style="display:grid;grid-template-rows:0fr"><div style="overflow:hidden">{}</div></div>', True),
        ("<style>.acc{{display:grid;grid-template-rows:minmax(0, 0fr) !important}}.acc>div{{overflow:clip}}</style><div class=acc><div>{}</div></div>", True),
        ('<div style="display:grid;grid-template-columns:fit-content(0px)"><div style="overflow-x:hidden">{}</div></div>', True),
        ('<div style="display:grid;grid-template-rows:0fr 1fr"><div style="overflow:hidden">{}</div></div>', False),
        ('<div style="display:grid;grid-template-rows:minmax(0,0fr) [end]"><div style="overflow:hidden">{}</div></div>', False),
    ],
)
def test_an_accordion_beside_a_layout_grid_of_two_tracks_is_read(layout: str, accordion: str, hidden: bool) -> None:
    byline = layout.format() + accordion.format(BYLINE)
    assert byline_hidden(dcnf(byline=byline)) is hidden


@pytest.mark.parametrize(
    ("css", "may"),
    [
        (".a{grid-template-rows:0fr}", True),
        ("display:grid;grid-template-rows:0fr\noverflow:hidden", True),
        (".a{grid-template-rows:minmax(0, calc(0px)) 1fr}", True),
        (".a{grid-template-rows:0fr/**/;}", True),
        (".a{grid-template-columns:minmax(0,1fr) 320px}.b{grid-template-rows:fit-content(0)}", True),
        (".a{grid-template-columns:minmax(0,1fr) 320px}", False),
        (".a{grid-template-rows:0fr 1fr}", False),
        (".a{grid-template-rows:0[end]}", False),
        (".a{grid-template-rows:1fr}", False),
        (".a{grid-template-rows:0fr}@keyframes open{to{grid-template-rows:1fr}}", False),
    ],
)
def test_the_cheap_test_of_a_page_s_css_passes_every_track_list_of_one_track_of_no_size(css: str, may: bool) -> None:
    assert grid_tracks.may_collapse(css) is may


@pytest.mark.parametrize(
    ("logo", "hidden"),
    [
        (f'<div style="display:grid;grid-template-rows:0fr"><div style="overflow:hidden">{IMG}</div></div>', True),
        (
            f"<style>.fold{{display:inline-grid;grid-template-columns:0}}.fold>a{{overflow:clip}}</style><p><span class=fold><a href=/>{IMG}</a></span></p>",
            True,
        ),
        (f'<div style="display:grid;grid-template-rows:0fr"><div>{IMG}</div></div>', False),
        (f'<div style="display:grid;grid-template-rows:auto"><div style="overflow:hidden">{IMG}</div></div>', False),
        (f'<div style="display:grid;grid-template-rows:0fr">{IMG.replace("<img", "<img style=overflow:hidden")}</div>', False),
    ],
)
def test_a_logo_in_a_grid_track_of_no_size_is_hidden(logo: str, hidden: bool) -> None:
    assert logo_hidden(dcnf(logo=logo)) is hidden


def test_an_affiliation_folded_into_a_closed_grid_accordion_is_missing() -> None:
    folded = '<span style="overflow:hidden">, Daily Caller News Foundation</span>'
    byline = f'<p>By Maria Lopez<span style="display:inline-grid;grid-template-rows:0fr">{folded}</span></p>'
    # Without the logo, which next to the byline would be its affiliation, folded words or not.
    assert findings(dcnf(logo="", byline=byline), "dcnf", "dcnf/affiliation")
    opened = byline.replace("0fr", "1fr")
    assert not findings(dcnf(logo="", byline=opened), "dcnf", "dcnf/affiliation")


# --- an edge-on box under an ancestor's perspective ----------------------------------------------

TURNED = f'<img src={LOGO_SRC} {LOGO_ALT} style="transform:translateX(300px) rotateY(90deg)">'


@pytest.mark.parametrize(
    ("head", "logo"),
    [
        ("", f'<div style="perspective:500px">{TURNED}</div>'),
        ("<style>.stage{perspective:500px}</style>", f'<div class="stage">{TURNED}</div>'),
        ("<style>.stage{perspective:500px} .turn{transform:rotateY(90deg)}</style>", f'<div class="stage"><img class="turn" src={LOGO_SRC} {LOGO_ALT}></div>'),
    ],
)
def test_an_edge_on_logo_under_a_perspective_is_seen_at_an_angle(head: str, logo: str) -> None:
    assert not logo_hidden(dcnf(head=head, logo=logo))


@pytest.mark.parametrize("wrapper", ["<div>{}</div>", '<div style="perspective:none">{}</div>'])
def test_an_edge_on_logo_with_no_perspective_is_hidden(wrapper: str) -> None:
    assert logo_hidden(dcnf(logo=wrapper.format(TURNED)))
