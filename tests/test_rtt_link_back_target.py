"""The Republication Tracker Tool's attribution links "article" to the original story's page on the
original site ("This <a href=PERMALINK>article</a> first appeared on <a href=HOME>SITENAME</a> …"),
the site whose address its pixel carries. A link reading "article" is the link back only in the
attribution paragraph, to a story's page (not a home page), on the original site as the pixel, or
without it the attribution's link to SITENAME, shows it (not the republisher's own copy, nor a
search engine's page); with the original's address known, to that story itself."""

from __future__ import annotations

import pytest

from compliance.api import check_html

LINK_BACK = "creative-commons/source-link"

BODY = (
    "<p>The sign on the fence still shows a family pushing a shopping cart under the words Coming Soon.</p>"
    "<p>Three years later, the five-acre lot behind it holds weeds, a drainage ditch and broken concrete.</p>"
)


def _pixel(site: str) -> str:
    return f'<img id="republication-tracker-tool-source" src="https://{site}/?republication-pixel=true&amp;post=187342" style="width:1px;height:1px;">'


def _page(site_name: str, article: str | None, home: str | None, *, pixel: str = "", after: str = "") -> str:
    word = f'<a href="{article}">article</a>' if article else "article"
    name = f'<a href="{home}">{site_name}</a>' if home else site_name
    return (
        "<!DOCTYPE html><html><head><title>East side grocery</title></head><body><article>"
        f'<h1>East side grocery</h1><p class="byline">by Tomasa Ruelas, {site_name}</p>{BODY}'
        f"<p>This {word} first appeared on {name} and is republished here under a Creative Commons license.{pixel}</p>"
        f"{after}</article></body></html>"
    )


def _link_back(html: str, meta: dict[str, str] | None = None) -> str | None:
    """The link-back finding's detail, None when the rule passed."""
    report = check_html(html, packs=["republication-tracker"], meta=meta)
    assert LINK_BACK in {p.rule for p in report.passed} | {f.rule for f in report.findings}
    return next((f.detail for f in report.findings if f.rule == LINK_BACK), None)


FAILS = [
    # The republisher's own copy, with the original's pixel.
    (
        _page("Fort Worth Report", "https://localnews.example/2024/03/04/grocery/", "https://fortworthreport.org", pixel=_pixel("fortworthreport.org")),
        "carries id localnews.example",
    ),
    # A search engine's page (it has a path, so it is not a home page).
    (
        _page("Mississippi Today", "https://www.google.com/search?q=east+side+grocery", "https://mississippitoday.org", pixel=_pixel("mississippitoday.org")),
        "carries id google.com",
    ),
    # The original site's home page, or another site's.
    (_page("THE CITY", "https://www.thecity.nyc/", "https://www.thecity.nyc", pixel=_pixel("www.thecity.nyc")), "goes to the home page of www.thecity.nyc"),
    (
        _page("Cityside", "https://www.google.com/", "https://www.berkeleyside.org", pixel=_pixel("www.berkeleyside.org")),
        "goes to the home page of www.google.com",
    ),
    # "article" linked elsewhere on the page, the attribution's "article" left unlinked.
    (
        _page(
            "Cityside",
            None,
            "https://www.berkeleyside.org",
            pixel=_pixel("www.berkeleyside.org"),
            after='<p>Read the <a href="https://www.berkeleyside.org/2024/03/04/grocery">article</a></p>',
        ),
        "1 block apart",
    ),
    # No pixel: the attribution's own link to SITENAME shows the original site.
    (_page("Fort Worth Report", "https://localnews.example/2024/03/04/grocery/", "https://fortworthreport.org"), "carries id localnews.example"),
]


@pytest.mark.parametrize(("html", "clause"), FAILS)
def test_a_link_on_article_to_another_page_than_the_original_story_is_no_link_back(html: str, clause: str) -> None:
    detail = _link_back(html)
    assert detail is not None
    assert clause in detail


PASSES = [
    _page("Fort Worth Report", "https://fortworthreport.org/2024/03/04/grocery/", "https://fortworthreport.org", pixel=_pixel("fortworthreport.org")),
    # `www.` on one address and not the other; a plain permalink.
    _page("THE CITY", "https://thecity.nyc/2024/03/04/grocery/", "https://www.thecity.nyc", pixel=_pixel("www.thecity.nyc")),
    _page("Mississippi Today", "https://mississippitoday.org/?p=4521", "https://mississippitoday.org", pixel=_pixel("mississippitoday.org")),
    # The site's name linked to the story (other words of the paragraph).
    _page("Cityside", None, "https://www.berkeleyside.org/2024/03/04/grocery", pixel=_pixel("www.berkeleyside.org")),
    # Neither the pixel nor a link to SITENAME: nothing tells the original site, the story's link stands.
    _page("Fort Worth Report", "https://fortworthreport.org/2024/03/04/grocery/", None),
]


@pytest.mark.parametrize("html", PASSES)
def test_a_link_to_a_story_on_the_original_site_in_the_attribution_links_back(html: str) -> None:
    assert _link_back(html) is None


def test_with_the_originals_address_known_only_that_story_links_back() -> None:
    original = "https://fortworthreport.org/2024/03/04/grocery/"
    pixel = _pixel("fortworthreport.org")
    other = _page("Fort Worth Report", "https://fortworthreport.org/2024/02/01/another-story/", "https://fortworthreport.org", pixel=pixel)
    assert _link_back(other, meta={"original_url": original}) is not None
    assert _link_back(other) is None
    assert _link_back(_page("Fort Worth Report", original, "https://fortworthreport.org", pixel=pixel), meta={"original_url": original}) is None
