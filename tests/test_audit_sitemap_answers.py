"""What a partner's server answers for its sitemap: an HTML page (an error page, a soft 404 answered
200, a page behind a server warning), an empty or URL-less text answer is a problem naming the
sitemap's URL, never a list of "URLs" taken from its lines; sitemaps in their usual shapes and
labels are read as before."""

from __future__ import annotations

import gzip

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from tests.test_audit import loopback_only, web  # noqa: F401 - the module's guard: no request leaves loopback
from tests.test_audit_inputs import _listed, _site, _sitemap_index

Routes = dict[str, tuple[int, str, bytes, dict[str, str]]]

ERROR_PAGE = b"<!DOCTYPE html>\n<html><head><title>Page not found</title></head><body><h1>Sorry</h1><p>No such page.</p></body></html>"
# An error page that lists addresses on lines of their own (a "try these instead" block).
LISTING_PAGE = b"<html><body><h1>Not found</h1><pre>\n{partner}/news/\n{partner}/about/\n</pre></body></html>"


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        # A soft 404: an HTML error page answered 200 at the sitemap's address.
        ((200, "text/html; charset=utf-8", ERROR_PAGE), "an HTML page (text/html), not a sitemap"),
        # Labelled as XML, or as text, but an HTML document by its first bytes (after a BOM and blank lines).
        ((200, "application/xml", ERROR_PAGE), "an HTML page (application/xml), not a sitemap"),
        ((200, "text/plain", b"\xef\xbb\xbf\n\n  " + LISTING_PAGE), "an HTML page (text/plain), not a sitemap"),
        # A server warning printed before the page: the parser would read it as a text sitemap, and take the page's URL lines.
        ((200, "text/html", b"Warning: include(sitemap.php): failed to open stream in /var/www/index.php on line 3\n" + LISTING_PAGE), "an HTML page"),
        # HTML without a doctype or <html>, labelled as such, its lines no URLs.
        ((200, "text/html", b"Page not found.\nTry the front page."), "an HTML page (text/html) with no line that is a URL, not a sitemap"),
        # Text soft 404s: words, or nothing.
        ((200, "text/plain", b"404 Not Found\n"), "text (text/plain) with no line that is a URL, not a sitemap"),
        ((200, "text/plain", b""), "an empty answer (text/plain), not a sitemap"),
        ((200, "", b"  \n"), "an empty answer, not a sitemap"),
    ],
)
def test_a_sitemap_answered_with_a_page_or_nothing_is_a_problem_naming_it(answer: tuple[int, str, bytes], problem: str) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        status, kind, body = answer
        routes["/sitemap.xml"] = (status, kind, body.replace(b"{partner}", partner.encode()), {})
        urls, problems = _listed(routes, partner, "sitemap", "/sitemap.xml")
    assert urls == []
    assert [where for where, _ in problems] == [f"{partner}/sitemap.xml"]
    assert problems[0][1].startswith("sitemap not read: ") and problem in problems[0][1], problems


def test_a_sitemap_an_index_lists_that_is_a_page_is_a_problem_and_the_others_are_read() -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        routes["/pages.xml"] = (200, "application/xml", web.sitemap([f"{partner}/a/"]), {})
        routes["/gone.xml"] = (200, "text/html", ERROR_PAGE, {})
        routes["/index.xml"] = (200, "application/xml", _sitemap_index([f"{partner}/pages.xml", f"{partner}/gone.xml"]), {})
        urls, problems = _listed(routes, partner, "sitemap", "/index.xml")
    assert urls == [f"{partner}/a/"]
    assert [where for where, _ in problems] == [f"{partner}/gone.xml"]
    assert "an HTML page (text/html), not a sitemap" in problems[0][1]


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("application/xml", web.sitemap(["{partner}/a/", "{partner}/b/"])),
        # A sitemap a server labels as HTML, or opens with a BOM and blank lines: read as it is.
        ("text/html; charset=utf-8", web.sitemap(["{partner}/a/", "{partner}/b/"])),
        ("application/xml", b"\xef\xbb\xbf\n  " + web.sitemap(["{partner}/a/", "{partner}/b/"])),
        ("application/gzip", gzip.compress(web.sitemap(["{partner}/a/", "{partner}/b/"]))),
        # Plain-text sitemaps: one URL a line, labelled as text or as HTML.
        ("text/plain", b"{partner}/a/\n{partner}/b/\n"),
        ("text/html", b"{partner}/a/\r\n\r\n{partner}/b/\r\n"),
    ],
)
def test_sitemaps_in_their_usual_shapes_and_labels_are_read(kind: str, body: bytes) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        if kind == "application/gzip":
            body = gzip.compress(gzip.decompress(body).replace(b"{partner}", partner.encode()))
        routes["/sitemap.xml"] = (200, kind, body.replace(b"{partner}", partner.encode()), {})
        urls, problems = _listed(routes, partner, "sitemap", "/sitemap.xml")
    assert (urls, problems) == ([f"{partner}/a/", f"{partner}/b/"], [])


def test_a_robots_txt_given_as_a_sitemap_is_read_for_its_sitemaps() -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        routes["/pages.xml"] = (200, "application/xml", web.sitemap([f"{partner}/a/"]), {})
        routes["/robots.txt"] = (200, "text/plain", f"User-agent: *\nAllow: /\nSitemap: {partner}/pages.xml\n".encode(), {})
        assert _listed(routes, partner, "sitemap", "/robots.txt") == ([f"{partner}/a/"], [])


def test_a_sitemap_of_no_page_is_no_problem() -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        routes["/sitemap.xml"] = (200, "application/xml", web.sitemap([]), {})
        assert _listed(routes, partner, "sitemap", "/sitemap.xml") == ([], [])


def test_the_readme_quotes_the_problem_an_html_sitemap_gives() -> None:
    from tests.conftest import ROOT

    routes: Routes = {}
    with _site(routes) as partner:
        routes["/sitemap.xml"] = (200, "text/html", ERROR_PAGE, {})
        _, problems = _listed(routes, partner, "sitemap", "/sitemap.xml")
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    quoted = readme.split("`sitemap not read: ", 1)[1].split("`", 1)[0]
    assert problems[0][1] == f"sitemap not read: {quoted}"
