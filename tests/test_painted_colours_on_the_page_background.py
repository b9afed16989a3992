"""What an `<svg>` draws text with (its `fill` or `stroke`) and the one colour a `filter` paints a
picture (`brightness(0) invert(1)`: a white silhouette) are judged against the backgrounds the
page's CSS sets as an HTML text colour is: `<text fill="#fff">` or a white logo silhouette on
`body{background:#fff}` is not seen, on a page that also links a stylesheet (which the checker
does not read) as on one that does not."""

from __future__ import annotations

import pytest

from compliance.api import check_html

CALMATTERS_STORY = (
    "<p>California lawmakers approved a plan on Thursday to expand the state’s wildfire insurance program.</p>"
    "<p>The measure now goes to the governor, who has 12 days to sign or veto it.</p>"
)
LICENCE = (
    "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is"
    " available without charge to any legitimate news publisher that can provide a large audience. All republished articles"
    " must include our logo, our reporter’s byline and their DCNF affiliation.</em></p>"
)
LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'
LINKED = '<link rel="stylesheet" href="/wp-content/themes/sun/style.css">'


def _calmatters(credit_svg: str, css: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Wildfire insurance</title>{head}<style>{css}</style></head><body><article>"
        "<h1>Lawmakers expand wildfire insurance plan</h1><p>By Ana Ruiz, CalMatters</p>"
        f"<p>{credit_svg}</p>{CALMATTERS_STORY}</article></body></html>"
    )


def _dcnf(css: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Water mains</title>{head}<style>{css}</style></head><body><article>"
        f'<h1>County votes to repair aging water mains</h1><div class="dcnf-logo">{LOGO}</div>'
        '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
        f"<p>The county commission voted on Tuesday to approve the plan.</p>{LICENCE}</article></body></html>"
    )


def _errors(html: str, pack: str) -> set[str]:
    return {f.rule for f in check_html(html, packs=[pack]).findings if f.severity.name == "ERROR"}


def _svg_credit(fill: str) -> str:
    return (
        f'<svg width="600" height="20"><text x="0" y="15" fill="{fill}">This story was originally published by CalMatters.'
        " Sign up for their newsletters.</text></svg>"
    )


@pytest.mark.parametrize("head", ["", LINKED], ids=["no linked sheet", "a linked sheet"])
@pytest.mark.parametrize(
    ("fill", "background", "hidden"),
    [("#fff", "#fff", True), ("#fefefe", "white", True), ("#fff", "#000", False), ("#222", "#fff", False)],
)
def test_svg_text_is_judged_on_the_page_background(head: str, fill: str, background: str, hidden: bool) -> None:
    html = _calmatters(_svg_credit(fill), f"body{{background:{background};color:#222}}", head)
    assert ("calmatters/credit-line" in _errors(html, "calmatters")) is hidden


@pytest.mark.parametrize("head", ["", LINKED], ids=["no linked sheet", "a linked sheet"])
@pytest.mark.parametrize(
    ("css", "hidden"),
    [
        ("body{background:#fff} .dcnf-logo img{filter:brightness(0) invert(1)}", True),  # a white silhouette on white
        ("body{background:#000} .dcnf-logo img{filter:brightness(0) invert(1)}", False),
        ("body{background:#fff} .dcnf-logo img{filter:grayscale(1)}", False),  # colours kept apart: a grey logo
    ],
)
def test_a_silhouette_is_judged_on_the_page_background(head: str, css: str, hidden: bool) -> None:
    assert ("dcnf/logo" in _errors(_dcnf(css, head), "dcnf")) is hidden


def test_the_silhouette_s_filter_is_named_as_what_hides_it() -> None:
    (finding,) = [f for f in check_html(_dcnf("body{background:#fff} .dcnf-logo img{filter:brightness(0) invert(1)}"), packs=["dcnf"]).findings]
    assert finding.detail is not None and finding.detail.endswith("(the page's CSS sets `filter: brightness(0) invert(1)` on it)")
