"""A required element that is on the page but hidden is reported with what hides it: what the
page's markup or CSS declares on it, or on the nearest element around it that declares such a
thing, so that an editor knows what to change ("the one at line 4 is hidden (the page's CSS sets
`display: none` on it)"). Where no declaration of one element tells (a box moved out of one that
clips it), the note says only that it is hidden."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document import parse_document

LICENCE = (
    "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is"
    " available without charge to any legitimate news publisher that can provide a large audience. All republished articles"
    " must include our logo, our reporter’s byline and their DCNF affiliation.</em></p>"
)
LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'


def _page(css: str = "", byline: str = '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>', logo: str = LOGO) -> str:
    return (
        f"<!doctype html><html><head><title>Water mains</title><style>{css}</style></head><body><article>\n"
        f"<h1>County votes to repair aging water mains</h1>\n{logo}\n{byline}\n"
        "<p>The county commission voted on Tuesday to approve the plan to repair aging water mains, officials said.</p>\n"
        f"{LICENCE}\n</article></body></html>"
    )


def _detail(html: str, rule: str) -> str:
    (finding,) = [f for f in check_html(html, packs=["dcnf"]).findings if f.rule == rule]
    return finding.detail or ""


@pytest.mark.parametrize(
    ("css", "byline", "hidden_by"),
    [
        (".byline{display:none}", None, "the page's CSS sets `display: none` on it"),
        (".byline{visibility:hidden !important}", None, "the page's CSS sets `visibility: hidden !important` on it"),
        (".byline{opacity:0.03}", None, "the page's CSS sets `opacity: 0.03` on it"),
        # Text of the background's colour: no one declaration hides it, its colour does.
        ("body{background:#fff}.byline{color:#fff}", None, "the page's CSS sets `color: #fff` on it"),
        ("", '<p class="byline" hidden style="font-size:0">By Jake Smith, Daily Caller News Foundation</p>', "it has the `hidden` attribute"),
        ("", '<p class="byline" hidden>By Jake Smith, Daily Caller News Foundation</p>', "it has the `hidden` attribute"),
        (
            ".wrap{position:absolute;left:-9999px}",
            '<div class="wrap" id="credit"><p class="byline">By Jake Smith, Daily Caller News Foundation</p></div>',
            'the page\'s CSS sets `left: -9999px` on the `<div id="credit" class="wrap">` around it at line 4',
        ),
        (
            "",
            '<div style="opacity:0"><p class="byline">By Jake Smith, Daily Caller News Foundation</p></div>',
            "the `style` attribute of the `<div>` around it at line 4 sets `opacity: 0`",
        ),
        (
            "",
            '<section hidden><p class="byline">By Jake Smith, Daily Caller News Foundation</p></section>',
            "the `<section>` around it at line 4 has the `hidden` attribute",
        ),
    ],
)
def test_a_hidden_byline_says_what_hides_it(css: str, byline: str | None, hidden_by: str) -> None:
    html = _page(css, byline) if byline is not None else _page(css)
    assert _detail(html, "dcnf/byline") == f"no visible byline found in the article; the one at line 4 is hidden ({hidden_by})"


def test_a_hidden_logo_says_what_hides_it() -> None:
    assert _detail(_page(".logo-box img{display:none}", logo=f'<div class="logo-box">{LOGO}</div>'), "dcnf/logo") == (
        "no visible DCNF logo in the article; the one at line 3 is hidden (the page's CSS sets `display: none` on it)"
    )


def test_a_rule_only_some_screens_meet_is_not_named_as_what_hides_it() -> None:
    # Hidden by `display: none` everywhere; the `@media print` rule that also hides it is not the cause.
    css = "@media print{.byline{visibility:hidden}} .byline{display:none}"
    assert _detail(_page(css), "dcnf/byline").endswith("(the page's CSS sets `display: none` on it)")


def test_a_hidden_element_whose_declarations_do_not_tell_is_only_said_to_be_hidden() -> None:
    # Pushed out of a box 1px high that clips its overflow: no declaration of the byline's own hides it.
    css = ".clip{height:1px;overflow:hidden} .clip p{margin-top:40px}"
    byline = '<div class="clip"><p class="byline">By Jake Smith, Daily Caller News Foundation</p></div>'
    detail = _detail(_page(css, byline), "dcnf/byline")
    assert detail.startswith("no visible byline found in the article; the one at line 4 is hidden"), detail
    assert "`margin-top" not in detail


def test_what_hides_a_shown_element_or_none_is_nothing() -> None:
    doc = parse_document(_page(".byline{color:#333}"), "html")
    (byline,) = doc.root.xpath("//p[@class='byline']")
    assert doc.is_visible(byline)
    assert doc.what_hides(None) == ""
    assert parse_document("By Jake Smith\n\nText.", "text").what_hides(None) == ""


def test_a_long_value_is_shortened_and_the_page_s_text_is_not_interpreted() -> None:
    css = ".byline{clip-path:polygon(" + ", ".join(["0 0"] * 30) + ")}"
    detail = _detail(_page(css), "dcnf/byline")
    assert "`clip-path: polygon(0 0, 0 0," in detail and "…`" in detail
    assert len(detail) < 220


def test_a_value_with_a_backtick_is_quoted_so_the_span_still_closes() -> None:
    css = '.byline{filter:url("a`b") opacity(0%)}'
    detail = _detail(_page(css), "dcnf/byline")
    assert detail.endswith('(the page\'s CSS sets `` filter: url("a`b") opacity(0%) `` on it)'), detail
