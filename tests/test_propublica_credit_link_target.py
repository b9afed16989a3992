"""ProPublica's terms ask an online copy to link to the original story on propublica.org: a credit
line whose "ProPublica" links the republisher's own tag, section or search page is no link back,
whatever the page's address says of ProPublica; a link to the story on propublica.org is."""

from __future__ import annotations

import pytest

from compliance.api import check_html

LINK_BACK = "creative-commons/source-link"
STORY = "https://www.propublica.org/article/flood-maps-miss-risk"


def _page(credit_href: str, after: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Flood maps miss risk</title></head><body><article>"
        "<h1>Flood maps miss risk</h1>"
        f'<p>This story was originally published by <a href="{credit_href}">ProPublica</a>.</p>'
        '<p class="byline">By Hollis Brandt, ProPublica</p>'
        "<p>Federal flood maps leave out thousands of homes at risk, an analysis found, as insurers raise rates.</p>"
        f"<p>Officials said new maps would come next year.</p>{after}"
        '<script src="https://pixel.propublica.org/pixel.js?id=1"></script></article></body></html>'
    )


def _link_back_fails(html: str) -> bool:
    report = check_html(html)
    assert report.packs == ("propublica",)
    return LINK_BACK in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "href",
    [
        "https://localnews.example/tag/propublica/",
        "https://www.valleyherald.example/section/partners/propublica",
        "https://localnews.example/?s=propublica.org%2Farticle%2Fflood-maps-miss-risk",
        "https://www.propublica.org/",
    ],
)
def test_a_credit_linking_the_republishers_own_page_or_propublicas_home_is_no_link_back(href: str) -> None:
    assert _link_back_fails(_page(href))


@pytest.mark.parametrize(
    ("href", "after"),
    [
        (STORY, ""),
        # The credit's link is wrong, but the copy links the story elsewhere: the terms ask for a link.
        ("https://localnews.example/tag/propublica/", f'<p>Read the original on <a href="{STORY}">ProPublica</a>.</p>'),
    ],
)
def test_a_link_to_the_story_on_propublica_org_links_back(href: str, after: str) -> None:
    assert not _link_back_fails(_page(href, after))
