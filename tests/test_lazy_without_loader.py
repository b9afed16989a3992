"""An image whose picture only a lazy-loader puts in place (`data-src`, `data-srcset`, … over no
`src` or a placeholder) shows a reader nothing on a whole page that runs no script: no loader is
there to do it. A page that runs any script, or an event handler, may hold the loader (which one
is not read); a fragment (a CMS's article body) gets its scripts from the page template around it."""

from __future__ import annotations

import pytest

from compliance.api import check_html

LOGO_URL = "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png"
GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
LICENCE = (
    "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is"
    " available without charge to any legitimate news publisher that can provide a large audience. All republished articles"
    " must include our logo, our reporter’s byline and their DCNF affiliation.</em></p>"
)


def _page(logo: str, *, head: str = "<title>Water mains</title>", body_end: str = "", doctype: str = "<!DOCTYPE html>") -> str:
    return (
        f"{doctype}<html><head>{head}</head><body><article>\n<h1>County votes to repair aging water mains</h1>\n{logo}\n"
        '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>\n'
        "<p>The county commission voted on Tuesday to approve the plan to repair aging water mains.</p>\n"
        f"{LICENCE}\n</article>{body_end}</body></html>"
    )


def _logo_detail(html: str) -> str | None:
    found = [f for f in check_html(html, packs=["dcnf"]).findings if f.rule == "dcnf/logo"]
    return found[0].detail if found else None


LAZY_LOGOS = {
    "data-src, no src": f'<img width="300" height="60" data-src="{LOGO_URL}" alt="Daily Caller News Foundation logo">',
    "lazysizes class over a 1x1 GIF": (
        f'<img class="lazyload" width="300" height="60" src="{GIF}" data-src="{LOGO_URL}" alt="Daily Caller News Foundation logo">'
    ),
    "data-lazy-srcset": f'<img width="300" height="60" data-lazy-srcset="{LOGO_URL} 1x" alt="Daily Caller News Foundation logo">',
    # A lazy-load plugin's placeholder of the picture's size: an SVG that draws nothing.
    "an empty SVG of the logo's size": (
        '<img width="300" height="60" src="data:image/svg+xml,%3Csvg%20xmlns=\'http://www.w3.org/2000/svg\'%20viewBox=\'0%200%20300%2060\'%3E%3C/svg%3E"'
        f' data-src="{LOGO_URL}" alt="Daily Caller News Foundation logo">'
    ),
    "with the plugin's noscript copy": (
        f'<img width="300" height="60" src="{GIF}" data-lazy-src="{LOGO_URL}" alt="Daily Caller News Foundation logo">'
        f'<noscript><img width="300" height="60" src="{LOGO_URL}" alt="Daily Caller News Foundation logo"></noscript>'
    ),
}


@pytest.mark.parametrize("logo", sorted(LAZY_LOGOS))
def test_a_lazy_logo_on_a_page_that_runs_no_script_never_shows(logo: str) -> None:
    detail = _logo_detail(_page(LAZY_LOGOS[logo]))
    assert detail is not None and "is never loaded: its picture is only in data-" in detail
    assert detail.endswith("a lazy-loader's address, and the page runs no script that could load it")


@pytest.mark.parametrize(
    "scripts",
    [
        {"body_end": '<script src="/wp-content/plugins/lazy/lazysizes.min.js" async></script>'},
        {"body_end": "<script>document.querySelectorAll('img[data-src]').forEach(i => i.src = i.dataset.src)</script>"},
        {"head": '<title>Water mains</title><script type="module" src="/app.js"></script>'},
        {"body_end": '<img src="/px.gif" alt="" width="1" height="1" onload="lazy()">'},  # an event handler runs script
    ],
)
def test_a_page_that_runs_a_script_may_hold_the_loader(scripts: dict[str, str]) -> None:
    assert _logo_detail(_page(LAZY_LOGOS["data-src, no src"], **scripts)) is None


@pytest.mark.parametrize(
    "scripts",
    [
        {"head": '<title>Water mains</title><script type="application/ld+json">{"@type": "NewsArticle"}</script>'},
        {"body_end": '<script type="text/plain" data-cookieconsent="statistics" src="/lazy.js"></script>'},
        {"body_end": "<template><script src='/lazy.js'></script></template>"},
    ],
)
def test_scripts_a_browser_never_runs_are_no_loader(scripts: dict[str, str]) -> None:
    assert _logo_detail(_page(LAZY_LOGOS["data-src, no src"], **scripts)) is not None


def test_a_fragment_gets_its_scripts_from_the_page_around_it() -> None:
    fragment = f'<h1>County votes</h1>\n{LAZY_LOGOS["data-src, no src"]}\n<p class="byline">By Jake Smith, Daily Caller News Foundation</p>\n{LICENCE}'
    assert _logo_detail(fragment) is None


def test_a_page_with_a_title_is_a_whole_page_doctype_or_not() -> None:
    assert _logo_detail(_page(LAZY_LOGOS["data-src, no src"], doctype="")) is not None
    # No title: a CMS's body with its encoding, not a page a site serves.
    assert _logo_detail(_page(LAZY_LOGOS["data-src, no src"], head='<meta charset="utf-8">')) is None


def test_an_image_with_a_picture_of_its_own_shows_it_without_a_loader() -> None:
    logo = f'<img width="300" height="60" src="{LOGO_URL}" data-src="{LOGO_URL}?w=600" alt="Daily Caller News Foundation logo">'
    assert _logo_detail(_page(logo)) is None


def test_a_noscript_copy_of_an_image_that_shows_still_counts() -> None:
    logo = (
        f'<img width="300" height="60" src="{LOGO_URL}" data-src="{LOGO_URL}?w=600" alt="Daily Caller News Foundation logo">'
        f'<noscript><img width="300" height="60" src="{LOGO_URL}" alt="Daily Caller News Foundation logo"></noscript>'
    )
    assert _logo_detail(_page(logo)) is None


def test_the_noscript_copy_of_a_lazy_image_that_never_loads_says_why() -> None:
    detail = _logo_detail(_page(LAZY_LOGOS["with the plugin's noscript copy"]))
    assert detail is not None and "never loaded: its picture is only in data-lazy-src" in detail
