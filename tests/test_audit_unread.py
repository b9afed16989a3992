"""`syndcheck audit` when part of a partner's site cannot be read: which address reports a copy
some of whose addresses fail, what a later run keeps of the pages listed by a child sitemap it could
not read, and the time limit on one URL (a server that trickles its answer)."""

from __future__ import annotations

import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from tests.test_audit import loopback_only, web  # noqa: F401 - the module's guard: no request leaves loopback
from tests.test_audit_inputs import PUBLISHER, Route, _originals, _site, _sitemap_index, utc_day

BUSY = (503, "text/plain", b"busy", {})


def _stall(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    """An answer that does not come for `seconds` (then a server error)."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        handler.send_response(500)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def _config(tmp: Path, *sources: str, fetch: str = "{rate: 50, concurrency: 2, timeout: 1.5, retries: 0, backoff: 0.05}") -> Path:
    _originals(tmp / "originals")
    listed = "".join(f"  - site: {source}\n" for source in sources)
    path = tmp / "audit.yaml"
    path.write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{listed}output: out/\nfetch: {fetch}\n", encoding="utf-8")
    return path


def _audit(config: Path) -> dict[str, Any]:
    from compliance.audit.run import load_audit_config, run_audit

    return run_audit(load_audit_config(config))


def _copies(report: dict[str, Any], base: str) -> list[tuple[str, list[str], list[str], str | None, str | None]]:
    """(path, other paths, findings, from_earlier_run, carried_because) of each copy on `base`."""
    return sorted(
        (c["url"].removeprefix(base), [u.removeprefix(base) for u in c["also_at"]], c["findings"], c["from_earlier_run"], c["carried_because"])
        for s in report["stories"]
        for c in s["copies"]
        if c["url"].startswith(base)
    )


STRIPPED = ["dcnf/affiliation", "dcnf/logo"]


def _copy_page(partner: str, *, canonical: bool) -> bytes:
    """Story 3 stripped of its logo and affiliation, with the canonical link the partner's CMS
    writes (`/news/story-3/`), or with none: then no page names its own address."""
    page = web.copy(PUBLISHER, partner, 3, "stripped")
    return page if canonical else page.replace(f'<link rel="canonical" href="{partner}/news/story-3/">'.encode(), b"")


@pytest.mark.parametrize("canonical", [True, False])
@pytest.mark.parametrize(
    ("amp", "failure"),
    [
        ("/amp/news/story-3/", BUSY),
        ("/amp/news/story-3/", _stall(4)),
        ("/news/story-3/amp/", BUSY),
        ("/news/story-3/?amp=1", _stall(4)),
        ("/AMP/news/story-3", (502, "text/html", b"<h1>Bad gateway</h1>", {})),
        ("/news/story-3/?outputType=amp", BUSY),
        # robots.txt forbids the page's own address: the site names it all the same.
        ("/amp/news/story-3/", "robots"),
    ],
)
def test_a_copy_read_only_at_its_amp_address_is_reported_at_its_own(tmp_path: Path, amp: str, failure: Any, canonical: bool) -> None:
    routes: dict[str, Route] = {}
    with _site(routes) as partner:
        copy = _copy_page(partner, canonical=canonical)
        routes[amp] = (200, "text/html", copy, {})
        if failure == "robots":
            routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /news/\n", {})
            routes["/news/story-3/"] = (200, "text/html", copy, {})
        else:
            routes["/news/story-3/"] = failure
        report = _audit(_config(tmp_path, f"{{urls: [{partner}/news/story-3/, {partner}{amp}]}}"))
    # One page, one copy, under its own address (its canonical URL, or without one the cleanest of
    # its addresses, read or not), with the verdict read at its AMP address; the failure is a
    # problem of its own.
    assert _copies(report, partner) == [("/news/story-3/", [amp], STRIPPED, None, None)]
    assert (report["pages_read"], report["copies"], report["copies_from_earlier_runs"]) == (1, 1, 0)
    assert [p["url"] for p in report["problems"]] == [f"{partner}/news/story-3/"]


@pytest.mark.parametrize(
    ("own", "amp", "own_answer", "canonical", "expected"),
    [
        # Both read: one copy, at its own address.
        ("/news/story-3/", "/amp/news/story-3/", "copy", False, [("/news/story-3/", ["/amp/news/story-3/"])]),
        ("/news/story-3", "/news/story-3.amp", "copy", False, [("/news/story-3", ["/news/story-3.amp"])]),
        ("/news/story-3.html", "/amp/news/story-3.amp.html", "copy", False, [("/news/story-3.html", ["/amp/news/story-3.amp.html"])]),
        # Its own address gone (404, 410): no address of the page any more; the copy is the AMP
        # page's alone, unless the page names its own address (its canonical URL) all the same.
        ("/news/story-3/", "/amp/news/story-3/", (404, "text/plain", b"not found", {}), False, [("/amp/news/story-3/", [])]),
        ("/news/story-3/", "/news/story-3/amp/", (410, "text/plain", b"gone", {}), False, [("/news/story-3/amp/", [])]),
        ("/news/story-3/", "/amp/news/story-3/", (404, "text/plain", b"not found", {}), True, [("/news/story-3/", ["/amp/news/story-3/"])]),
        # An address that only looks like an AMP one is another page: a failure there joins nothing.
        ("/amplifier/news/story-3/", "/news/story-3/amp/", BUSY, False, [("/news/story-3/amp/", [])]),
        ("/music/amp/story-3/", "/music/story-3/", BUSY, False, [("/music/story-3/", [])]),
    ],
)
def test_which_address_reports_a_copy_when_some_of_its_addresses_fail(
    tmp_path: Path, own: str, amp: str, own_answer: Any, canonical: bool, expected: Any
) -> None:
    routes: dict[str, Route] = {}
    with _site(routes) as partner:
        copy = _copy_page(partner, canonical=canonical)
        routes[amp] = (200, "text/html", copy, {})
        routes[own] = (200, "text/html", copy, {}) if own_answer == "copy" else own_answer
        report = _audit(_config(tmp_path, f"{{urls: [{partner}{own}, {partner}{amp}]}}"))
    assert [(url, also_at) for url, also_at, *_ in _copies(report, partner)] == expected
    assert report["copies"] == 1


def _trickle(head: bytes, lines: list[bytes], every: float) -> Callable[[BaseHTTPRequestHandler], None]:
    """An answer that opens with `head` and then sends one of `lines` every `every` seconds: each
    read gets something long before a read's timeout, and the whole answer takes far longer."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(head)
        for line in lines:
            handler.wfile.flush()
            time.sleep(every)
            handler.wfile.write(line)

    return answer


def _slow_503(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    """A server error after `seconds` of silence, every time it is asked."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        handler.send_response(503)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


PAGE_TIMEOUT = "not read within page-timeout (1.5 s): the site answered too slowly"


@pytest.mark.parametrize(
    ("slow", "timeout"),
    [
        # Its headers a line at a time, each well within a read's `timeout`.
        (_trickle(b"HTTP/1.1 200 OK\r\n", [b"X-Pad: 1\r\n"] * 60, 0.2), 1),
        # Its body a line at a time (the limit shorter than a request's `timeout`, which bounds a body too).
        (_trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6000\r\n\r\n", [b"<p>" + b"x" * 96 + b"</p>"] * 60, 0.2), 5),
        # A server error after a silence, each time it is asked again: the limit counts every attempt.
        (_slow_503(0.5), 5),
    ],
)
def test_a_page_slower_than_its_time_limit_is_a_problem_and_the_audit_goes_on(tmp_path: Path, slow: Any, timeout: float) -> None:
    routes: dict[str, Route] = {"/news/slow/": slow}
    with _site(routes) as partner:
        routes["/news/story-3/"] = (200, "text/html", web.copy(PUBLISHER, partner, 3, "stripped"), {})
        sources = f"{{urls: [{partner}/news/slow/, {partner}/news/story-3/]}}"
        fetch = f"{{rate: 50, concurrency: 2, timeout: {timeout}, retries: 5, backoff: 0.01, page-timeout: 1.5}}"
        report = _audit(_config(tmp_path, sources, fetch=fetch))
    assert {p["url"].removeprefix(partner): p["problem"] for p in report["problems"]} == {"/news/slow/": PAGE_TIMEOUT}
    assert _copies(report, partner) == [("/news/story-3/", [], STRIPPED, None, None)]
    assert report["pages_read"] == 1


@pytest.mark.parametrize(
    ("slow", "problem"),
    [
        # Its body a line every 0.1 s, each read well within `timeout`, the whole past it.
        (
            _trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 3000\r\n\r\n", [b"<p>" + b"x" * 93 + b"</p>"] * 30, 0.1),
            "not read within timeout (1 s): the site sent its answer too slowly",
        ),
        # No answer at all within `timeout`.
        (_stall(3), "no answer within timeout (1 s)"),
    ],
)
def test_a_page_slower_than_its_request_timeout_names_that_setting(tmp_path: Path, slow: Any, problem: str) -> None:
    routes: dict[str, Route] = {"/news/slow/": slow}
    with _site(routes) as partner:
        routes["/news/story-3/"] = (200, "text/html", web.copy(PUBLISHER, partner, 3, "stripped"), {})
        sources = f"{{urls: [{partner}/news/slow/, {partner}/news/story-3/]}}"
        report = _audit(_config(tmp_path, sources, fetch="{rate: 50, concurrency: 2, timeout: 1, retries: 0, page-timeout: 20}"))
    assert {p["url"].removeprefix(partner): p["problem"] for p in report["problems"]} == {"/news/slow/": problem}
    assert _copies(report, partner) == [("/news/story-3/", [], STRIPPED, None, None)]


def test_a_site_that_takes_no_connection_within_the_request_timeout_names_that_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from compliance.audit.config import FetchLimits
    from compliance.audit.fetching import Fetcher

    fetcher = Fetcher(FetchLimits(timeout=2, retries=0))

    def no_connection(method: str, url: str, **_: Any) -> Any:
        raise httpx.ConnectTimeout("timed out", request=httpx.Request(method, url))

    try:
        monkeypatch.setattr(fetcher.client, "stream", no_connection)
        problem = fetcher.fetch("http://partner.example/news/story-3/").problem
    finally:
        fetcher.close()
    assert problem == "no connection to partner.example (none within timeout, 2 s)"


POSITIVE = "fetch page-timeout must be a positive float"


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("45", None),
        ("0.5", None),
        ("0", POSITIVE),
        ("-3", POSITIVE),
        ("soon", POSITIVE),
        (".inf", "page-timeout must be a finite number, not inf"),
        (".nan", POSITIVE),
    ],
)
def test_page_timeout_is_a_fetch_setting(tmp_path: Path, value: str, error: str | None) -> None:
    from compliance.audit.config import FetchLimits, parse_audit_config
    from compliance.errors import ConfigError

    _originals(tmp_path / "originals")
    text = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - folder: originals/\noutput: out/\nfetch: {{page-timeout: {value}}}\n"
    if error is None:
        assert parse_audit_config(text, tmp_path / "audit.yaml").fetch.page_timeout == float(value)
        assert FetchLimits().page_timeout == 30.0
    else:
        with pytest.raises(ConfigError, match=error):
            parse_audit_config(text, tmp_path / "audit.yaml")


def _partner(routes: dict[str, Route], base: str) -> None:
    """Stories 0 and 1 (stripped) listed by /s-0.xml, 2 (compliant) and 3 (stripped) by /s-1.xml,
    under an index at /sitemap.xml."""
    variants = {0: "stripped", 1: "stripped", 2: "compliant", 3: "stripped"}
    for index, variant in variants.items():
        routes[f"/news/story-{index}/"] = (200, "text/html", web.copy(PUBLISHER, base, index, variant), {})
    routes["/s-0.xml"] = (200, "application/xml", web.sitemap([f"{base}/news/story-0/", f"{base}/news/story-1/"]), {})
    routes["/s-1.xml"] = (200, "application/xml", web.sitemap([f"{base}/news/story-2/", f"{base}/news/story-3/"]), {})
    routes["/sitemap.xml"] = (200, "application/xml", _sitemap_index([f"{base}/s-0.xml", f"{base}/s-1.xml"]), {})


CARRIED = "its sitemap or feed not read"


@pytest.mark.parametrize(
    ("failure", "why"),
    [
        (BUSY, "sitemap not read: HTTP 503"),
        (_stall(4), "sitemap not read: no answer within timeout (1.5 s)"),
        # Cut short: what it lists before the cut is read; the rest is not known.
        ((200, "application/xml", b'<?xml version="1.0"?><urlset><url><loc>http://x.example/', {}), "sitemap not read whole: not well-formed XML"),
        ((200, "text/html", b"<!doctype html><h1>Maintenance</h1>", {}), "sitemap not read: an HTML page (text/html), not a sitemap"),
    ],
)
def test_a_child_sitemap_not_read_keeps_the_copies_it_listed(tmp_path: Path, failure: Any, why: str) -> None:
    routes: dict[str, Route] = {}
    with _site(routes) as partner:
        _partner(routes, partner)
        config = _config(tmp_path, f"{{sitemap: {partner}/sitemap.xml}}")
        read_on = utc_day()
        first = _audit(config)
        # The second child fails; story 2's page is gone from the first child's and the partner's site.
        routes["/s-1.xml"] = failure
        second = _audit(config)
    read = {url: findings for url, _, findings, _, _ in _copies(first, partner)}
    assert _copies(second, partner) == [
        ("/news/story-0/", [], read["/news/story-0/"], None, None),
        ("/news/story-1/", [], read["/news/story-1/"], None, None),
        # As the first run read them, dated, and why.
        ("/news/story-2/", [], read["/news/story-2/"], read_on, CARRIED),
        ("/news/story-3/", [], read["/news/story-3/"], read_on, CARRIED),
    ]
    (problem,) = second["problems"]
    assert problem["url"] == f"{partner}/s-1.xml" and problem["problem"].startswith(why)
    assert (second["pages_read"], second["copies"], second["copies_from_earlier_runs"]) == (2, 4, 2)
    site = next(s for s in second["sites"] if partner.endswith(s["site"]))
    assert (site["copies"], site["compliant"], site["from_earlier_run"], site["carried_because"]) == (4, 1, read_on, CARRIED)
    dashboard = (tmp_path / "out" / "dashboard.html").read_text(encoding="utf-8")
    assert f"(as read on {read_on}; the sitemap or feed listing it not read in this run)" in dashboard


@pytest.mark.parametrize(
    ("change", "carried"),
    [
        # The child read and no longer listing story 3: its copy is gone, nothing is carried.
        ("unlisted", []),
        # The child failing, but story 3's page listed by the other child as well, and read there.
        ("listed-elsewhere", ["/news/story-2/"]),
        # The child failing, and story 3's page read at another of its addresses listed elsewhere.
        ("amp-elsewhere", ["/news/story-2/"]),
        # A child that failed in the first run too lists nothing known: nothing to carry.
        ("never-read", []),
    ],
)
def test_what_a_child_sitemap_not_read_carries(tmp_path: Path, change: str, carried: list[str]) -> None:
    routes: dict[str, Route] = {}
    with _site(routes) as partner:
        _partner(routes, partner)
        config = _config(tmp_path, f"{{sitemap: {partner}/sitemap.xml}}")
        if change == "never-read":
            routes["/s-1.xml"] = BUSY
        _audit(config)
        if change == "unlisted":
            routes["/s-1.xml"] = (200, "application/xml", web.sitemap([f"{partner}/news/story-2/"]), {})
        else:
            routes["/s-1.xml"] = BUSY
        if change in ("listed-elsewhere", "amp-elsewhere"):
            also = f"{partner}/news/story-3/" if change == "listed-elsewhere" else f"{partner}/amp/news/story-3/"
            routes["/amp/news/story-3/"] = routes["/news/story-3/"]
            routes["/s-0.xml"] = (200, "application/xml", web.sitemap([f"{partner}/news/story-0/", f"{partner}/news/story-1/", also]), {})
        second = _audit(config)
    assert [url for url, _, _, earlier, because in _copies(second, partner) if earlier] == carried
    assert all(because == CARRIED for *_, earlier, because in _copies(second, partner) if earlier)
