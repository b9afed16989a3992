"""Where a link or an element points is tested on the URL a browser follows (its scheme, host and
path), never on the URL's text: a URL that merely quotes a publisher's address is not on its site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.loading import load_packs
from compliance.packs import iter_checks
from compliance.patterns import Pattern
from compliance.urls import on_host, url_form, url_host
from tests.conftest import write

PAGE = """<html><body><article><h1>Hospital bills pile up</h1>
<p>By Ana Ruiz, ProPublica</p>
<p>This story was originally published by <a href="https://www.propublica.org/article/rural-bills">ProPublica</a>.</p>
<p>When Dana Whitlock opened her mailbox, she found a summons.</p>
<p>She is one of 2,300 patients the hospital has sued.</p>
<script async src="PIXEL"></script>
</article></body></html>
"""


def _verdict(cli: Any, tmp_path: Path, html: str, rule: str) -> tuple[bool, str]:
    """(passed, detail) of one rule on one page, checked with the ProPublica pack."""
    path = write(tmp_path, "story.html", html)
    files = cli("check", "-p", "propublica", "-f", "json", str(path)).json()["files"]
    for finding in files[0]["findings"]:
        if finding["rule"] == rule:
            return False, finding["detail"] or ""
    assert rule in {p["rule"] for p in files[0]["passed"]}, files[0]
    return True, ""


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/x.js?pixel.propublica.org/pixel.js",
        "https://evil.example/x.js#pixel.propublica.org/pixel.js",
        "https://evil.example/pixel.propublica.org/pixel.js",
        "https://pixel.propublica.org@evil.example/pixel.js",
        "https://pixel.propublica.org:pw@evil.example/pixel.js",
        "https://evil.example\\@pixel.propublica.org/pixel.js",
        "https://pixel.propublica.org.evil.example/pixel.js",
        "https://evilpixel.propublica.org/pixel.js",
        "https://pixel.propublica.org/pixel.jsx",
        "https://pixel.propublica.org/pixel.js.evil/x.js",
        "https://pixel.pr\u043epublica.org/pixel.js",  # a Cyrillic o: punycode, another host
        "https://pixel.propublica.org:8443/pixel.js",
        "javascript:'https://pixel.propublica.org/pixel.js'",
        "https:pixel.propublica.org/pixel.js",  # without "//": a path on the page's own host
        "https:/pixel.propublica.org/pixel.js",
        "https://pixel.propublica.org//pixel.js",  # an empty segment: another path
        "https://pixel.propublica.org/pixel.js/%2e%2e/x.js",
    ],
)
def test_a_script_that_only_quotes_the_pixel_address_is_not_the_pixel(cli: Any, tmp_path: Path, src: str) -> None:
    passed, detail = _verdict(cli, tmp_path, PAGE.replace("PIXEL", src), "propublica/pixel")
    assert not passed
    assert detail == "no ProPublica tracking script (pixel.propublica.org/pixel.js) on the page"


@pytest.mark.parametrize(
    "src",
    [
        "https://pixel.propublica.org/pixel.js",
        "http://pixel.propublica.org/pixel.js",
        "//pixel.propublica.org/pixel.js",
        "https://PIXEL.ProPublica.ORG/pixel.js",
        "https://pixel.propublica.org./pixel.js",
        "https://pixel.propublica.org:443/pixel.js",
        "https://pixel.propublica.org/pixel.js?v=2",
        "https://pixel.propublica.org/./pixel.js",
        " https://pixel.propublica.org/pixel.js ",
        "https://\uff50ixel.propublica.org/pixel.js",  # a full-width p: browsers map it to "p"
        "https://pixel.propublica.org\u3002/pixel.js",  # an ideographic full stop separates labels
        "https://pixel.propublica.org/x/%2e%2E/pixel.js",  # an encoded dot segment is one
        "ht\ttps://pixel.propublica.org/pix\nel.js",  # tabs and line breaks are not read
        "https:\\\\pixel.propublica.org\\pixel.js",
    ],
)
def test_the_pixel_on_its_host_passes_however_the_url_is_spelled(cli: Any, tmp_path: Path, src: str) -> None:
    assert _verdict(cli, tmp_path, PAGE.replace("PIXEL", src), "propublica/pixel") == (True, "")


@pytest.mark.parametrize(
    "href",
    [
        "https://www.propublica.org@evil.example/article/rural-bills",
        "https://www.propublica.org.evil.example/article/rural-bills",
        "https://evil.example/?https://www.propublica.org/article/rural-bills",
        "https://propublica.org.evil/article/rural-bills",
        "https://www.pr\u043epublica.org/article/rural-bills",
    ],
)
def test_a_link_that_only_quotes_the_original_is_not_the_link_back(cli: Any, tmp_path: Path, href: str) -> None:
    html = PAGE.replace("PIXEL", "https://pixel.propublica.org/pixel.js").replace("https://www.propublica.org/article/rural-bills", href)
    passed, _ = _verdict(cli, tmp_path, html, "creative-commons/source-link")
    assert not passed


def test_a_canonical_link_on_another_host_is_not_the_original_in_the_head(cli: Any, tmp_path: Path) -> None:
    head = '<head><link rel="canonical" href="https://www.propublica.org@evil.example/article/rural-bills"></head>'
    html = PAGE.replace("PIXEL", "https://pixel.propublica.org/pixel.js").replace("<html>", "<html>" + head)
    assert not _verdict(cli, tmp_path, html, "propublica/original-in-head")[0]
    good = html.replace("www.propublica.org@evil.example", "WWW.PROPUBLICA.ORG.")
    assert _verdict(cli, tmp_path, good, "propublica/original-in-head") == (True, "")


def test_url_form_reads_the_url_a_browser_follows() -> None:
    assert url_form("HTTPS://Pixel.ProPublica.org.:443/a/../pixel.js?x=1#frag") == "https://pixel.propublica.org/pixel.js?x=1"
    assert url_form("https://pixel.propublica.org@evil.example/") == "https://evil.example/"
    assert url_form("https://evil.example\\@pixel.propublica.org/") == "https://evil.example/@pixel.propublica.org/"
    assert url_form("https://pixel%2Epropublica%2Eorg/pixel.js") == "https://pixel.propublica.org/pixel.js"
    assert url_form("https://b\u00fccher.example/") == "https://xn--bcher-kva.example/"
    assert url_form("http://example.org:8080") == "http://example.org:8080/"
    assert url_form("https://ex\tample.org/") == "https://example.org/"
    assert url_form("https://example.org:99999/") is None
    assert url_form("mailto:licensing@dailycallernewsfoundation.org") == "mailto:licensing@dailycallernewsfoundation.org"
    assert url_form("/about") == "/about"
    assert url_form("https://x.org/a/b/..") == "https://x.org/a/"
    assert url_form("https://x.org/caf\u00e9 bills?q=\u00e9") == "https://x.org/caf%C3%A9%20bills?q=%C3%A9"  # as a browser sends it
    assert url_form("https://0x7f.1/") == "https://127.0.0.1/"
    assert url_form("https://[::1]:8080/x") == "https://[::1]:8080/x"
    assert url_form("https:pixel.js") == "https:pixel.js"  # a path on the page's own host, which is not known
    assert url_form("https://x.org/\ud800") == "https://x.org/%EF%BF%BD"  # a lone surrogate reads as U+FFFD
    assert url_host("//www.propublica.org/about") == "www.propublica.org"
    assert url_host("https:/www.propublica.org/about") is None
    assert url_host("mailto:licensing@dailycallernewsfoundation.org") is None
    assert url_host("https://a.propublica.org@evil.example/") == "evil.example"
    assert on_host("www.propublica.org", ("propublica.org",))
    assert not on_host("propublica.org.evil.example", ("propublica.org",))
    assert not on_host("evilpropublica.org", ("propublica.org",))


# Real addresses of the publishers' pages, pixels, logos and licenses: each shipped URL pattern
# that accepts one of them must refuse every URL that only quotes it.
_REAL_URLS = (
    "https://www.propublica.org/article/rural-bills",
    "https://pixel.propublica.org/pixel.js",
    "https://dailycallernewsfoundation.org/wp-content/uploads/dcnf-logo.png",
    "https://dailycallernewsfoundation.org/wp-content/uploads/2019/05/DCNF_Logo-1.png",
    "https://creativecommons.org/licenses/by-nd/4.0/",
    "https://calmatters.org/health/2024/05/rural-hospitals/",
    "https://globalvoices.org/2024/05/01/story/",
    "https://kffhealthnews.org/news/article/rural-bills/",
    "https://stateline.org/2024/05/01/story/",
    "https://www.texastribune.org/2024/05/01/story/",
    "https://19thnews.org/2024/05/story/",
    "https://theconversation.com/story-123",
)


def _quoting(url: str, pattern: Pattern) -> list[str]:
    """URLs on another host that quote `url` in their text; those that keep its path only when
    the pattern names a host (one about a file name, such as a copy of a logo, holds anywhere)."""
    rest = url.split("://", 1)[1]
    host, _, path = rest.partition("/")
    quoting = [f"https://evil.example/x?{rest}", f"https://evil.example/x?u={url}", f"https://evil.example/#{rest}"]
    if pattern.search(url_form(f"https://unrelated.example/{path}") or ""):
        return quoting
    return [
        *quoting,
        f"https://evil.example/{rest}",
        f"https://{host}@evil.example/{path}",
        f"https://{host}.evil.example/{path}",
        f"https://{host}evil.example/{path}",
        # A host that only ends like the site's name ("evil-texastribune.org"); "evil-www." before
        # it would be a subdomain of the site, which is the site's own.
        f"https://evil-{host.removeprefix('www.')}/{path}",
    ]


def _url_patterns() -> list[tuple[str, Pattern]]:
    found: list[tuple[str, Pattern]] = []
    for pack in load_packs():
        checks = [c for rule in pack.rules for top in (rule.check, rule.when) if top is not None for c in iter_checks(top)]
        checks += [c for marker in pack.markers for c in iter_checks(marker.check)]
        for check in checks:
            if check.kind == "link" and check.params.href is not None:
                found.append((f"{pack.id}: link href", check.params.href))
            if check.kind == "element":
                for name, pattern in check.params.attributes or ():
                    if name in ("src", "href"):
                        found.append((f"{pack.id}: element {name}", pattern))
    return found


def test_every_shipped_url_pattern_compares_the_host_not_the_text() -> None:
    patterns = _url_patterns()
    assert len(patterns) >= 10  # the shipped packs' link and image tests are all here
    tested = 0  # (a pattern any URL matches, as "an absolute link", has no host to compare)
    for where, pattern in patterns:
        for url in _REAL_URLS:
            if pattern.search(url_form(url) or "") and not pattern.search("https://unrelated.example/x?y"):
                tested += 1
                fooled = [trick for trick in _quoting(url, pattern) if pattern.search(url_form(trick) or "")]
                assert not fooled, f"{where} {pattern.shown} accepts {fooled}"
    assert tested >= 10


# URLs read without the C++ parser (`compliance.urls._plain_parts`), and URLs next to them that it
# must leave to that parser: each is read as the WHATWG parser reads it, whichever reads it.
_PLAIN_OR_NEARLY = (
    "https://www.propublica.org/article/rural-bills",
    "HTTPS://WWW.ProPublica.ORG/Article/Rural-Bills?Utm_Source=X&b=%41#Top",
    "http://example.org",
    "http://example.org?",
    "http://example.org/?",
    "http://example.org#",
    "https://example.org./a/b/",
    "https://pixel.example/p.gif?u=https://example.org/a?b=c&d=%20e",
    "https://example.org/a/./b",
    "https://example.org/a/../b",
    "https://example.org/a/..",
    "https://example.org/a/.hidden/..b/c..",
    "https://example.org/%2e%2E/b",
    "https://example.org/caf%C3%A9",
    "https://example.org/a b",
    "https://example.org/a'b?c'd",
    "https://example.org/a|b^c",
    "https://example.org/a\\b",
    "https://example.org:443/a",
    "https://example.org:8080/a",
    "https://user:pass@example.org/a",
    "https://127.0.0.1/a",
    "https://1.2.3/a",
    "https://example.123/a",
    "https://example.123./a",
    "https://example.0x7f/a",
    "https://example.X1/a",
    "https://0x7f.1/a",
    "https://xn--caf-dma.example/a",
    "https://xn--invalid.example/a",
    "https://a--b.example/a",
    "https://-a.example/a",
    "https://a_b.example/a",
    "https://[::1]/a",
    "https://ex%41mple.org/a",
    "https://example.org/a\tb",
    "https://example..org/a",
    "https:example.org/a",
    "https:/example.org/a",
    "https:///example.org/a",
)


@pytest.mark.parametrize("url", _PLAIN_OR_NEARLY)
def test_a_url_read_without_the_cpp_parser_is_read_as_that_parser_reads_it(url: str) -> None:
    from compliance import urls

    plain = urls._plain_parts(url)
    urls._parse.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(urls, "_plain_parts", lambda _text: None)
        by_the_parser = urls._parse(url)
    urls._parse.cache_clear()
    assert plain is None or plain == by_the_parser
    assert urls._parse(url) == by_the_parser


def test_plain_urls_are_read_without_the_cpp_parser_and_others_with_it() -> None:
    from compliance.urls import _plain_parts

    plain = [url for url in _PLAIN_OR_NEARLY if _plain_parts(url) is not None]
    # Dot segments, percent signs in the path or host, quotes in the query, characters the parser
    # encodes, ports, users, IP addresses, hosts ending in a number, punycode and odd labels: left
    # to the parser.
    assert plain == [
        "https://www.propublica.org/article/rural-bills",
        "HTTPS://WWW.ProPublica.ORG/Article/Rural-Bills?Utm_Source=X&b=%41#Top",
        "http://example.org",
        "http://example.org?",
        "http://example.org/?",
        "http://example.org#",
        "https://example.org./a/b/",
        "https://pixel.example/p.gif?u=https://example.org/a?b=c&d=%20e",
        "https://example.org/a/.hidden/..b/c..",
    ]


# Mostly plain pieces, with the odd ones a plain URL must not hold among them.
_LABELS = st.one_of(
    st.text(alphabet="abcXYZ019-", min_size=1, max_size=5),
    st.sampled_from(["xn--caf-dma", "0x7f", "0X1", "123", "x1", "a_b", "", "%41", "a:b", "a@b"]),
)
_SEGMENTS = st.one_of(
    st.text(alphabet="aB9-._~", max_size=4),
    st.sampled_from([".", "..", "%2e", "%2E.", ".x", "a'b", "a|b", "a^b", "a b", "a\\b", "a`b", "{}", "!$&()*+,;=:@", "a\tb"]),
)
_QUERY_PARTS = st.sampled_from(["a=1", "b=%20", "c='", "u=https://x.org/a?b", "", 'd="', "e=<>", "f g"])
_URL_PIECES = {
    "scheme": st.sampled_from(["http", "https", "HTTPS", "hTtP", "https", "ftp", "https:", "https:/"]),
    "host": st.tuples(st.lists(_LABELS, min_size=1, max_size=3).map(".".join), st.sampled_from(["", "", "."])).map("".join),
    "port": st.sampled_from(["", "", "", ":443", ":80", ":8080", ":"]),
    "path": st.one_of(st.just(""), st.lists(_SEGMENTS, max_size=4).map(lambda segments: "/" + "/".join(segments))),
    "query": st.one_of(st.just(""), st.lists(_QUERY_PARTS, max_size=3).map(lambda parts: "?" + "&".join(parts))),
    "fragment": st.sampled_from(["", "", "#", "#top", "#a/../b", "#'\\ x"]),
}


@settings(max_examples=1500, deadline=None)
@given(**_URL_PIECES)
def test_any_url_read_without_the_cpp_parser_is_read_as_that_parser_reads_it(scheme: str, host: str, port: str, path: str, query: str, fragment: str) -> None:
    from compliance import urls

    url = f"{scheme}://{host}{port}{path}{query}{fragment}"
    plain = urls._plain_parts(url)
    if plain is not None:
        urls._parse.cache_clear()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(urls, "_plain_parts", lambda _text: None)
            assert urls._parse(url) == plain
        urls._parse.cache_clear()
