"""A logo drawn too small to be seen: under 6px across or high (`visibility.drawn_too_small`), by
its `width`/`height` attributes, its CSS in px (a `<style>` rule every screen meets or its `style`
attribute: `width`, `height` and their maxima), the scales and zooms drawing it, or its `srcset`
descriptor, is not the logo a reader sees. A logo of no known size, or sized in percent of its
container, is not judged. Chromium's drawing of the shrunk and `srcset` rows is checked in
tests/test_browser.py."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from tests.test_hiding_families import LOGO_ALT, LOGO_SRC, PACKS, dcnf, findings, logo_hidden

IMG = f"src={LOGO_SRC} {LOGO_ALT}"

# (the page's `<style>`, the logo's markup) → whether it is too small to be seen.
TINY_LOGOS = {
    ("", f'<p><img {IMG} width="5" height="5"></p>'): True,
    ("", f'<p><img {IMG} width="300" height="5"></p>'): True,
    ("", f'<p><img {IMG} width="5"></p>'): True,
    ("", f'<p><img {IMG} height="3"></p>'): True,
    ("", f'<p><img {IMG} width="5.5px" height="40"></p>'): True,
    ("", f'<p><img {IMG} style="width:5px;height:5px"></p>'): True,
    ("", f'<p><img {IMG} style="max-width:4px"></p>'): True,
    ("", f'<p><img {IMG} width="300" height="60" style="height:5px"></p>'): True,
    (".lg{width:5px;height:5px}", f"<p><img class=lg {IMG}></p>"): True,
    (".lg{max-height:3px}", f"<p><img class=lg {IMG} width=300 height=60></p>"): True,
    (".lg{width:300px;height:60px} .lg{height:4px}", f"<p><img class=lg {IMG}></p>"): True,
    ("", f'<p><amp-img {IMG} width="5" height="5"></amp-img></p>'): True,
    ("", f'<p><amp-img {IMG} width="5" height="5" layout="fixed"></amp-img></p>'): True,
    ("", f'<p><amp-img {IMG} height="4" layout="fixed-height"></amp-img></p>'): True,
    # Seen: 6px and more, no size known, a size in percent, a larger CSS size over the attributes,
    # a minimum that keeps it larger, a small size on some screens only, AMP layouts that scale it.
    ("", f'<p><img {IMG} width="6" height="6"></p>'): False,
    ("", f'<p><img {IMG} width="24" height="24"></p>'): False,
    ("", f"<p><img {IMG}></p>"): False,
    ("", f'<p><img {IMG} width="5%"></p>'): False,
    ("", f'<p><img {IMG} style="width:5%"></p>'): False,
    ("", f'<p><img {IMG} style="width:3em"></p>'): False,
    (".lg{width:5px;min-width:100px}", f"<p><img class=lg {IMG}></p>"): False,
    (".lg{width:5px} @media (min-width:600px){.lg{width:300px}}", f"<p><img class=lg {IMG}></p>"): False,
    ("img{width:300px;height:60px}", f'<p><img {IMG} width="5" height="5"></p>'): False,
    ("img{width:auto;height:auto}", f'<p><img {IMG} width="5" height="5"></p>'): False,
    (".dot{width:4px;height:4px}", f"<p><img {IMG}><span class=dot></span></p>"): False,
    ("", f'<p><amp-img {IMG} width="4" height="3" layout="responsive"></amp-img></p>'): False,
    ("", f'<p><amp-img {IMG} width="5" height="5" layout="fill"></amp-img></p>'): False,
    ("", f'<p><amp-img {IMG} width="4" height="3" sizes="100vw"></amp-img></p>'): False,
}


@pytest.mark.parametrize("key", sorted(TINY_LOGOS))
def test_a_logo_too_small_to_be_seen_is_not_the_logo(key: tuple[str, str]) -> None:
    css, logo = key
    assert logo_hidden(dcnf(head=f"<style>{css}</style>" if css else "", logo=logo)) is TINY_LOGOS[key]


def test_a_five_pixel_logo_is_reported_missing_from_what_readers_see() -> None:
    # The probe page: DCNF's logo as `<img width="5" height="5">`, the byline in place.
    page = dcnf(logo=f'<p><img {IMG} width="5" height="5"></p>')
    assert findings(page, "dcnf", "dcnf/logo") == ["The Daily Caller News Foundation logo is missing from the article."]
    assert findings(page, "dcnf", "dcnf/byline") == []


@pytest.mark.parametrize(
    ("css", "logo", "why"),
    [
        ("", f'<p><img {IMG} width="5" height="5"></p>', "is too small to be seen"),
        (".lg{width:4px}", f"<p><img class=lg {IMG}></p>", "is too small to be seen"),
        # Hidden another way too: named for that, with what hides it.
        ("", f'<p><img {IMG} width="5" height="5" style="display:none"></p>', "is hidden (its `style` attribute sets `display: none`)"),
        (
            "",
            f'<p style="display:none"><img {IMG} width="5" height="5"></p>',
            "is hidden (the `style` attribute of the `<p>` around it at line 2 sets `display: none`)",
        ),
        ("", f'<p><img {IMG} width="300" height="60" style="visibility:hidden"></p>', "is hidden (its `style` attribute sets `visibility: hidden`)"),
    ],
)
def test_the_finding_says_why_the_logo_is_not_seen(css: str, logo: str, why: str) -> None:
    report = check_document(
        parse_document(dcnf(head=f"<style>{css}</style>" if css else "", logo=logo), "html"), [PACKS["dcnf"]], path="a.html", auto_detect=False
    )
    assert [f.detail for f in report.findings if f.rule == "dcnf/logo"] == [f"no visible DCNF logo in the article; the one at line 2 {why}"]


@pytest.mark.parametrize(
    ("size", "hidden"), [('width="5" height="5"', True), ('width="300" height="4"', True), ('width="6" height="6"', False), ('viewBox="0 0 5 5"', False)]
)
def test_an_inline_svg_logo_too_small_to_be_seen_is_not_the_logo(size: str, hidden: bool) -> None:
    svg = f'<p><svg {size} role="img" aria-label="Daily Caller News Foundation logo"><rect width="5" height="5"/></svg></p>'
    assert logo_hidden(dcnf(logo=svg)) is hidden
