"""A link back pointed elsewhere is mended in the credit line, as the packs' help says ("Link the
credit line to the original story itself"): a byline's link to an author's page that happens to
name the publisher (Co-Authors Plus's "ProPublica" guest author at /author/pp/, a `rel=author`
link) is the theme's, not the link back. The finding's message, the HTML report's block and
`syndcheck fix` name the same link; with no other link naming the publisher, an author-page link
is left alone and the link back is added."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html

PP = "https://www.propublica.org/article/insurers-raise-rates-again"
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
BODY = "<p>Insurers raised rates for the third year in a row, state filings show.</p>\n<p>Regulators approved every request they received.</p>"
NEWSPACK = (
    '<div class="entry-meta"><span class="byline">By <span class="author vcard">'
    '<a class="url fn n" href="https://lakesidevoice.example/author/mlopez/">Maria Lopez</a></span>'
    ' and <span class="author vcard"><a class="url fn n" href="https://lakesidevoice.example/author/pp/">ProPublica</a></span></span></div>'
)
AUTHORS_PATH = '<p class="byline">By <a href="/authors/tom-reyes/">Tom Reyes</a>, <a href="/authors/propublica/">ProPublica</a></p>'
REL_AUTHOR = '<div class="byline">By <a rel="author" href="/?author=7">Ana Ruiz</a> and <a rel="author" href="/?author=9">ProPublica</a></div>'


def propublica_page(byline: str, credit: str) -> str:
    """The byline on line 3, the credit line on line 5; the head names the original."""
    return (
        f'<html><head><link rel="canonical" href="{PP}"></head><body><article>\n<h1>Insurers Raised Rates Again</h1>\n{byline}\n'
        f'<div class="entry-content">\n<p><em>{credit}</em></p>\n{BODY}\n{PIXEL}\n</div></article></body></html>\n'
    )


def source_link(page: str, packs: list[str]) -> Any:
    (finding,) = [f for f in check_html(page, packs=packs).findings if f.rule == "creative-commons/source-link"]
    return finding


@pytest.mark.parametrize(
    ("byline", "partner_link"),
    [
        (NEWSPACK, "https://lakesidevoice.example/partners/propublica/"),
        (AUTHORS_PATH, "/republished/propublica"),
        (REL_AUTHOR, "https://lakesidevoice.example/2024/05/insurers/"),
    ],
)
def test_the_credit_lines_link_is_named_marked_and_replaced(byline: str, partner_link: str) -> None:
    finding = source_link(propublica_page(byline, f'This story was originally published by <a href="{partner_link}">ProPublica</a>.'), ["propublica"])
    assert f'the link at line 5 (<a href="{partner_link}">ProPublica</a>) names the original but goes elsewhere' in (finding.detail or "")
    assert finding.location.line == 5
    assert finding.fix is not None and finding.fix.place == f"in place of the link 'ProPublica' (to {partner_link})"
    assert finding.fix.text.startswith(f'<a href="{PP}">ProPublica</a>')


@pytest.mark.parametrize("byline", [NEWSPACK, AUTHORS_PATH])
def test_fix_repoints_the_credit_line_and_keeps_the_authors_link(cli: Any, tmp_path: Path, byline: str) -> None:
    path = tmp_path / "copy.html"
    page = propublica_page(byline, 'This story was originally published by <a href="https://lakesidevoice.example/partners/propublica/">ProPublica</a>.')
    path.write_text(page, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "5: fixed creative-commons/source-link: replaced the address of the link 'ProPublica'" in run.err
    assert fixed.splitlines()[2] == byline
    assert fixed.splitlines()[4] == f'<p><em>This story was originally published by <a href="{PP}">ProPublica</a>.</em></p>'


def test_with_only_an_author_page_link_naming_the_publisher_the_link_back_is_added(cli: Any, tmp_path: Path) -> None:
    # Near miss: the credit line has no link; the author link is the theme's and stays.
    page = propublica_page(NEWSPACK, "This story was originally published by ProPublica.")
    finding = source_link(page, ["propublica"])
    assert "names the original but goes elsewhere" not in (finding.detail or "")
    assert finding.fix is not None and finding.fix.splice is None
    path = tmp_path / "copy.html"
    path.write_text(page, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "https://lakesidevoice.example/author/pp/" in fixed and f'Read the original story on <a href="{PP}">ProPublica</a>' in fixed, run.err


def test_a_bylines_outlet_link_to_another_page_is_still_the_one_to_mend() -> None:
    # Near miss: "By NAME, <a>ProPublica</a>" linked to the partner's page, not an author page,
    # and no other link naming ProPublica: that link is pointed at the original.
    page = propublica_page(
        '<p class="byline">By Maria Lopez, <a href="https://lakesidevoice.example/partners/propublica/">ProPublica</a></p>',
        "This story was originally published by ProPublica.",
    )
    finding = source_link(page, ["propublica"])
    assert "the link at line 3 (" in (finding.detail or "")
    assert finding.fix is not None and finding.fix.place.startswith("in place of the link 'ProPublica'")


def test_a_credit_line_linked_to_an_author_page_is_still_named() -> None:
    # Near miss: the author-page link is the credit line's own, not a byline's.
    page = propublica_page(
        '<p class="byline">By Maria Lopez, ProPublica</p>',
        'This story was originally published by <a href="https://lakesidevoice.example/author/propublica/">ProPublica</a>.',
    )
    assert "the link at line 5 (" in (source_link(page, ["propublica"]).detail or "")


KFF = "https://kffhealthnews.org/news/article/rural-hospitals-maternity-care-closures/"
TAGLINE = (
    "<p><i>KFF Health News is a national newsroom that produces in-depth journalism about health issues"
    " and is one of the core operating programs at KFF.</i></p>"
)


def kff_page(byline: str, credit: str) -> str:
    return (
        f'<html><head><link rel="canonical" href="{KFF}"></head><body><article>\n<h1>Rural hospitals close maternity wards</h1>\n{byline}\n'
        f"<p>{credit}</p>\n<p>Hospitals in rural America are closing their labor and delivery units.</p>\n{TAGLINE}\n</article></body></html>\n"
    )


def test_kff_health_news_a_co_authors_author_link_gives_way_to_the_credit_line() -> None:
    page = kff_page(
        '<div class="byline">By <a rel="author" href="/author/sjt/">Sarah Jane Tribble</a> and <a rel="author" href="/author/khn/">KFF Health News</a></div>',
        'This article was first published by <a href="https://courier.example/partners/kff/">KFF Health News</a>.',
    )
    finding = source_link(page, ["kff-health-news"])
    assert 'the link at line 4 (<a href="https://courier.example/partners/kff/">KFF Health News</a>)' in (finding.detail or "")
    assert finding.fix is None or "/author/khn/" not in finding.fix.place
