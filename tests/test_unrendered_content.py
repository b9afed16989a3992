"""Content a browser never draws though lxml keeps it, and CSS that leaves nothing on the screen:
a logo, a byline or an affiliation there is not on the reader's screen (and look-alikes are)."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from tests.test_visibility import BYLINE, LOGO, check, errors, page

AFFILIATED = '<p class="byline">By Jake Smith<span{attrs}>, Daily Caller News Foundation</span></p>'

# --- markup a browser hides or never renders ------------------------------------------------------

UNRENDERED_LOGOS = {
    "fallback of a <video>": "<video src='clip.mp4'>{logo}</video>",
    "fallback of an <audio>": "<audio controls src='a.mp3'>{logo}</audio>",
    "fallback of a <canvas>": "<canvas width='300' height='60'>{logo}</canvas>",
    "fallback of an <iframe>": "<iframe src='https://example.org/'>{logo}</iframe>",
    "fallback of an <object> a browser draws itself": "<object data='chart.svg' type='image/svg+xml'>{logo}</object>",
    "fallback of an <object> of a PDF's type with nothing to load": "<object type='application/pdf'>{logo}</object>",
    "an image in a <select>'s <option>": "<select><option>{logo}</option></select>",
    "an image in a <select>": "<select>{logo}</select>",
    "a closed popover": "<div popover>{logo}</div>",
    "a popover on the image": "<span popover='manual'>{logo}</span>",
    "a <datalist>": "<datalist id='d'>{logo}</datalist>",
    "an <rp>": "<ruby>DCNF<rp>{logo}</rp><rt>x</rt></ruby>",
}


@pytest.mark.parametrize("case", sorted(UNRENDERED_LOGOS))
def test_a_logo_a_browser_never_renders_is_missing(case: str) -> None:
    wrapped = UNRENDERED_LOGOS[case].format(logo=LOGO.format(attrs=""))
    assert errors(check(page(logo=wrapped))) == ["dcnf/logo"]


def test_a_popover_logo_through_the_command_line(cli, tmp_path) -> None:
    article = tmp_path / "popover.html"
    article.write_bytes(page(logo=LOGO.format(attrs=" popover"), byline=BYLINE.format(attrs=' class="byline" popover')))
    run = cli("check", "--pack", "dcnf", "--format", "json", str(article))
    assert run.code == 1
    (entry,) = run.json()["files"]
    assert sorted(f["rule"] for f in entry["findings"] if f["severity"] == "error") == ["dcnf/byline", "dcnf/logo"]


RENDERED_LOGOS = {
    "beside a <video>": "<video src='clip.mp4' poster='poster.png'></video>{logo}",
    "in an <object> without data or type (its fallback shows)": "<object>{logo}</object>",
    "in an <object> of a plugin's type (its fallback shows)": "<object data='movie.swf' type='application/x-shockwave-flash'>{logo}</object>",
    "a popover an author rule shows": "<style>.open{{display:block}}</style><div popover class='open'>{logo}</div>",
    "in a <ruby> base": "<ruby>{logo}<rt>DCNF</rt></ruby>",
    "in a <picture>": "<picture>{logo}</picture>",
    "in a <figure> after an <audio>": "<figure><audio src='a.mp3'></audio>{logo}</figure>",
}


@pytest.mark.parametrize("case", sorted(RENDERED_LOGOS))
def test_a_logo_beside_or_in_rendered_media_is_seen(case: str) -> None:
    wrapped = RENDERED_LOGOS[case].format(logo=LOGO.format(attrs=""))
    assert errors(check(page(logo=wrapped))) == []


def test_a_video_with_a_poster_is_itself_on_the_screen() -> None:
    document = parse_document(page(logo="<video src='clip.mp4' poster='logo.png'>Your browser cannot play this.</video>" + LOGO.format(attrs="")), "html")
    video = next(document.root.iter("video"))
    assert document.is_visible(video)
    assert not any("cannot play" in block.text for block in document.article_blocks)


UNRENDERED_AFFILIATIONS = {
    "a closed popover": " popover",
    "a popover opened by hand": ' popover="manual"',
}


@pytest.mark.parametrize("case", sorted(UNRENDERED_AFFILIATIONS))
def test_an_affiliation_in_a_closed_popover_is_not_in_the_byline(case: str) -> None:
    # Without a logo above the byline, which would tie the reporter to DCNF by itself.
    assert errors(check(page(logo="", byline=AFFILIATED.format(attrs=UNRENDERED_AFFILIATIONS[case])))) == ["dcnf/affiliation", "dcnf/logo"]


def test_an_affiliation_in_an_rp_is_not_in_the_byline() -> None:
    byline = '<p class="byline">By Jake Smith<ruby><rp>, Daily Caller News Foundation</rp></ruby></p>'
    assert errors(check(page(logo="", byline=byline))) == ["dcnf/affiliation", "dcnf/logo"]


def test_an_affiliation_in_ruby_text_is_in_the_byline() -> None:
    byline = '<p class="byline">By Jake Smith, <ruby>Daily Caller News Foundation<rp>(</rp><rt>DCNF</rt><rp>)</rp></ruby></p>'
    assert errors(check(page(logo="", byline=byline))) == ["dcnf/logo"]


# --- media queries every screen meets, or none --------------------------------------------------

EVERY_SCREEN_QUERIES = [
    "not print",
    "not speech",
    "(width >= 1px)",
    "(1px <= width)",
    "(0px < width) or (hover)",
    "screen and (width >= 20em)",
    "not (width < 1px)",
    "print, screen",
    "only screen and (min-width: 0)",
    "(width)",
]


@pytest.mark.parametrize("query", EVERY_SCREEN_QUERIES)
def test_a_hide_in_a_media_query_every_screen_meets_hides_the_logo(query: str) -> None:
    css = f"@media {query} {{ .x {{ display: none }} }}"
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


SOME_OR_NO_SCREEN_QUERIES = [
    "print",
    "not screen",
    "not all",
    "(width >= 1000px)",
    "(width < 1px)",
    "(hover: hover)",
    "print, (orientation: portrait)",
    "screen or print",  # invalid: `not all`
    "(prefers-color-scheme: dark)",
    "(width >= 50vw)",
]


@pytest.mark.parametrize("query", SOME_OR_NO_SCREEN_QUERIES)
def test_a_hide_in_a_media_query_some_screens_lack_keeps_the_logo(query: str) -> None:
    css = f"@media {query} {{ .x {{ display: none }} }}"
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"')))) == []


def test_a_show_only_in_print_does_not_undo_a_hide_on_screen() -> None:
    css = ".x { display: none } @media not screen { .x { display: inline } }"
    assert errors(check(page(css=css, logo=LOGO.format(attrs=' class="x"')))) == ["dcnf/logo"]


# --- CSS nesting --------------------------------------------------------------------------------

NESTED_HIDES = {
    "a nested descendant": "article { figure { display: none } }",
    "a nested class with declarations before it": "article { color: #222; .credit { display: none } }",
    "the parent selector joined": "figure { &.credit { visibility: hidden } }",
    "the parent selector after another": ".credit { article & { opacity: 0 } }",
    "a nested child combinator": "article { > figure { display: none } }",
    "two levels deep": "body { article { .credit { display: none } } }",
    "a list of parents": "aside, article { .credit { display: none } }",
    "a media query every screen meets inside a rule": ".credit { @media screen { display: none } }",
}


@pytest.mark.parametrize("case", sorted(NESTED_HIDES))
def test_a_logo_hidden_by_nested_css_is_missing(case: str) -> None:
    logo = f'<figure class="credit">{LOGO.format(attrs="")}</figure>'
    assert errors(check(page(css=NESTED_HIDES[case], logo=logo))) == ["dcnf/logo"]


NESTED_LOOK_ALIKES = {
    "nested under another element": "aside { .credit { display: none } }",
    "a nested pseudo-class no reader is in": ".credit { &:hover { display: none } }",
    "a nested print query": ".credit { @media print { display: none } }",
    "a nested rule that shows again": ".credit { display: none; & { display: block } }",
}


@pytest.mark.parametrize("case", sorted(NESTED_LOOK_ALIKES))
def test_nested_css_that_does_not_hide_keeps_the_logo(case: str) -> None:
    logo = f'<figure class="credit">{LOGO.format(attrs="")}</figure>'
    assert errors(check(page(css=NESTED_LOOK_ALIKES[case], logo=logo))) == []


def test_a_byline_hidden_by_nested_css_through_the_command_line(cli, tmp_path) -> None:
    article = tmp_path / "nested.html"
    article.write_bytes(page(css="article { .byline { display: none } }", logo=""))
    run = cli("check", "--pack", "dcnf", "--format", "json", str(article))
    (entry,) = run.json()["files"]
    assert "dcnf/byline" in [f["rule"] for f in entry["findings"] if f["severity"] == "error"]


# --- CSS that leaves the box but paints none of it ----------------------------------------------

PAINTED_AWAY = {
    "zoom next to zero": "zoom:0.001",
    "zoom as a tiny percentage": "zoom:0.1%",
    "rotated edge-on about X": "transform:rotateX(90deg)",
    "rotated edge-on about Y, in radians": "transform:rotateY(-1.5707963rad)",
    "rotated edge-on with flat functions around": "transform:translateX(10px) rotateY(0.25turn) scale(2)",
    "rotate3d about Y": "transform:rotate3d(0, 1, 0, 90deg)",
    "the rotate property": "rotate:x 90deg",
    "a mask of a transparent gradient": "mask-image:linear-gradient(transparent,transparent)",
    "a prefixed mask shorthand": "-webkit-mask:radial-gradient(circle, rgb(0 0 0 / 0) 0%, #0000 100%) no-repeat",
    "a picture moved out of its box": "object-position:-9999px 0",
    "a picture moved far down": "object-position:left 0 top 5000px",
    "clip-path rect() of no area": "clip-path:rect(0 0 0 0)",
    "clip-path xywh() of no size": "clip-path:xywh(0 0 0 0)",
    "clip-path inset(50%)": "clip-path:inset(50%)",
}


@pytest.mark.parametrize("case", sorted(PAINTED_AWAY))
def test_a_logo_painted_away_by_css_is_missing(case: str) -> None:
    assert errors(check(page(logo=LOGO.format(attrs=f' style="{PAINTED_AWAY[case]}"')))) == ["dcnf/logo"]


def test_a_logo_zoomed_away_by_a_style_rule_is_missing() -> None:
    assert errors(check(page(css="figure { zoom: 0.001 }", logo=f"<figure>{LOGO.format(attrs='')}</figure>"))) == ["dcnf/logo"]


PAINTED_LOOK_ALIKES = {
    "zoom of one": "zoom:1",
    "zoom of zero (read as one)": "zoom:0",
    "zoom of a half": "zoom:0.5",
    "a slight tilt": "transform:rotateX(10deg)",
    "a half turn (seen from behind)": "transform:rotateY(180deg)",
    "a quarter turn in the screen's plane": "transform:rotate(90deg)",
    "edge-on turned back": "transform:rotateX(90deg) rotateX(-90deg)",
    "edge-on under a perspective": "transform:perspective(500px) translateX(300px) rotateY(90deg)",
    "a mask that keeps part": "mask-image:linear-gradient(black, transparent)",
    "a mask image": "mask-image:url(mask.png)",
    "a mask of an unknown colour": "mask-image:linear-gradient(transparent, currentcolor)",
    "no mask": "mask:none",
    "a picture moved a little": "object-position:10px 20%",
    "a picture at its right edge": "object-position:100% 0",
    "clip-path rect() with area": "clip-path:rect(0 100px 50px 0)",
    "clip-path rect() with auto edges": "clip-path:rect(0 auto auto 0)",
    "clip-path xywh() with size": "clip-path:xywh(0 0 100% 50px)",
    "a dark logo darkened": "filter:brightness(0)",
}


@pytest.mark.parametrize("case", sorted(PAINTED_LOOK_ALIKES))
def test_css_that_leaves_the_logo_painted_keeps_it(case: str) -> None:
    assert errors(check(page(logo=LOGO.format(attrs=f' style="{PAINTED_LOOK_ALIKES[case]}"')))) == []


def test_an_affiliation_in_a_colour_mixed_to_the_background_is_not_in_the_byline() -> None:
    byline = AFFILIATED.format(attrs=' style="color:color-mix(in srgb, white 100%, black)"')
    assert errors(check(page(css="body{background:#fff}", logo="", byline=byline))) == ["dcnf/affiliation", "dcnf/logo"]


def test_an_affiliation_in_a_real_colour_mix_is_in_the_byline() -> None:
    byline = AFFILIATED.format(attrs=' style="color:color-mix(in srgb, white 50%, black)"')
    assert errors(check(page(css="body{background:#fff}", logo="", byline=byline))) == ["dcnf/logo"]
