"""Fetching an original with --allow-fetch, against a server on this machine's loopback only."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from compliance.errors import OriginalUnavailable
from compliance.originals import OriginalReader

PAGE = (
    b"<html><head><link rel=canonical href='https://news.example.org/story'></head><body><article>"
    b"<h1>Water bill passes</h1><p class=byline>By Ana Ruiz</p><p>The bill passed.</p></article></body></html>"
)
# An original whose URLs are relative: to the address it was fetched from, and its relative base.
RELATIVE = (
    b"<html><head><meta property='og:url' content='story'><link rel=canonical href='/news/story'></head><body><article>"
    b"<h1>Water bill passes</h1><p>The bill passed. <a href='related'>Related</a></p></article></body></html>"
)
HITS: dict[str, int] = {}
# Redirects whose Location holds what no URL holds as written: an ESC a browser percent-encodes and
# follows, and a host no browser reads.
_RAW_LOCATIONS = {"/redirect-escape": b"/news/\x1b[31mstory", "/redirect-bad-host": b"http://[::1/x"}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        HITS[self.path] = HITS.get(self.path, 0) + 1
        if self.path == "/story":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/news/relative":
            self._send(200, "text/html", RELATIVE)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/archive/2024/relative")
            self.end_headers()
        elif self.path == "/archive/2024/relative":
            self._send(200, "text/html", RELATIVE)
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop" + str(len(self.path)))
            self.end_headers()
        elif self.path in _RAW_LOCATIONS:
            # Written as the bytes a hostile server sends, control characters and all.
            self.send_response(301)
            self._headers_buffer.append(b"Location: " + _RAW_LOCATIONS[self.path] + b"\r\n")  # type: ignore[attr-defined]
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/news/%1B[31mstory":
            self._send(200, "text/html", PAGE)
        elif self.path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16384 + b"</p>")
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"<p>slow</p>")
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_an_original_page_is_fetched_parsed_and_cached_on_disk(server: str, tmp_path: Path) -> None:
    doc = OriginalReader(allow_fetch=True, cache_dir=tmp_path).read(f"{server}/story", tmp_path)
    assert doc.headline is not None and doc.headline.text == "Water bill passes"
    assert [n for b in doc.bylines for n in b.names] == ["Ana Ruiz"]
    before = HITS["/story"]
    again = OriginalReader(allow_fetch=True, cache_dir=tmp_path).read(f"{server}/story", tmp_path)
    assert again.headline is not None and again.headline.text == "Water bill passes"
    assert HITS["/story"] == before


@pytest.mark.parametrize(
    ("path", "served_from"),
    [
        ("/news/relative", "/news/"),
        # A story moved to another section, reached through a redirect: relative to where it is served.
        ("/moved", "/archive/2024/"),
    ],
)
def test_a_fetched_originals_relative_urls_resolve_against_the_address_it_was_served_from(server: str, tmp_path: Path, path: str, served_from: str) -> None:
    for _ in range(2):  # fetched, then read from the cache
        doc = OriginalReader(allow_fetch=True, cache_dir=tmp_path).read(f"{server}{path}", tmp_path)
        assert doc.canonical == (f"{server}/news/story",)
        assert doc.meta["og:url"] == (f"{server}{served_from}story",)
        assert [link.href for link in doc.links] == [f"{server}{served_from}related"]
    assert HITS[path] == 1


def test_a_cache_entry_without_the_served_address_resolves_against_the_requested_url(server: str, tmp_path: Path) -> None:
    import hashlib

    url = f"{server}/news/old-entry"
    (tmp_path / hashlib.sha256(url.encode()).hexdigest()).write_bytes(b"text/html\n" + RELATIVE)
    doc = OriginalReader(allow_fetch=True, cache_dir=tmp_path).read(url, tmp_path)
    assert [link.href for link in doc.links] == [f"{server}/news/related"]
    assert "/news/old-entry" not in HITS


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "more than 5 redirects"),
        ("/pdf", "not an article page (content type application/pdf)"),
        ("/huge", "larger than 100,000 bytes, the most an original story is read to"),
        ("/slow", "no complete answer within 1 s"),
        ("/missing", "the server answered HTTP 404"),
    ],
)
def test_each_bad_response_gives_one_clear_reason(server: str, tmp_path: Path, path: str, reason: str) -> None:
    reader = OriginalReader(allow_fetch=True, cache_dir=tmp_path, timeout=1.0, max_bytes=100_000)
    with pytest.raises(OriginalUnavailable) as caught:
        reader.read(f"{server}{path}", tmp_path)
    assert caught.value.reason == f"{server}{path}: {reason}"


def test_a_redirect_with_a_control_character_is_followed_percent_encoded_as_the_audit_follows_it(server: str, tmp_path: Path) -> None:
    doc = OriginalReader(allow_fetch=True, cache_dir=tmp_path).read(f"{server}/redirect-escape", tmp_path)
    assert doc.headline is not None and doc.headline.text == "Water bill passes"
    assert HITS["/news/%1B[31mstory"] >= 1


def test_a_redirect_no_browser_can_read_is_one_line_in_the_audits_words_not_the_librarys(server: str, tmp_path: Path) -> None:
    with pytest.raises(OriginalUnavailable) as caught:
        OriginalReader(allow_fetch=True, cache_dir=tmp_path).read(f"{server}/redirect-bad-host", tmp_path)
    assert caught.value.reason == f"{server}/redirect-bad-host: cannot fetch it (not a URL a browser can read: the redirect's Location 'http://[::1/x')"


def test_the_cli_fetches_only_with_allow_fetch_and_reports_a_failure_as_one_notice(cli: Any, server: str, monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path))
    article = "tests/rule-fixtures/propublica/compliant.html"
    run = cli("check", "--pack", "propublica", "--format", "json", "--allow-fetch", "--meta", f"original={server}/pdf", article)
    notices = [n["message"] for n in run.json()["files"][0]["notices"]]
    assert notices == [f"original story not read: {server}/pdf: not an article page (content type application/pdf)"]


@pytest.mark.parametrize(
    "command",
    [
        ("check", "--allow-fetch", "samples/dcnf/no-logo.html"),
        ("fix", "--allow-fetch", "samples/dcnf/no-logo.html"),
        ("baseline", "create", "--allow-fetch", "samples/dcnf/no-logo.html"),
        ("serve", "--allow-fetch", "--port", "1"),  # refused before the port is tried
    ],
)
def test_allow_fetch_without_httpx_is_refused_before_anything_is_read_or_served(cli: Any, monkeypatch: Any, tmp_path: Path, command: tuple[str, ...]) -> None:
    # Where httpx is not installed (it comes with the `fetch` extra), every original named by URL
    # would go unread: one line says so before any document is read or any port opened.
    import sys

    monkeypatch.setitem(sys.modules, "httpx", None)
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path / "cache"))
    if command[0] == "baseline":
        command = (*command[:2], "--output", str(tmp_path / "baseline.json"), *command[2:])
    run = cli(*command)
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "syndcheck: error: --allow-fetch needs httpx, which is not installed"
        " — install it with: pip install 'syndication-compliance[fetch]', or leave --allow-fetch out\n"
    )
    assert not (tmp_path / "baseline.json").exists()
