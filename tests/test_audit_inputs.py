"""`syndcheck audit` on what a partner gives it (URLs from archives, sitemaps, feeds, redirects and
links) and on what its user gives it (the audit file's URLs, `state:`, the stories' folder,
`--scheduler`): a partner's bad input is a problem in the report and the audit goes on; the user's
mistake is one line at its place, exit 2; and the audit never writes onto what it reads."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

# The synthetic partner web of the audit's own tests (its module, loaded once).
from tests.test_audit import web

PUBLISHER = "https://dailycallernewsfoundation.org"


def utc_day() -> str:
    """The day (YYYY-MM-DD, UTC) an audit started now dates its run by: read just before the run whose
    copies a later run carries, it is the date those copies are said to have been read on, also when
    the test suite runs past midnight."""
    return time.strftime("%Y-%m-%d", time.gmtime())


BAD = "http://[::1/x"


# A route answers with (status, content type, body, headers), or writes its own answer (a slow one).
Route = tuple[int, str, bytes, dict[str, str]] | Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def _site(routes: dict[str, Route]) -> Iterator[str]:
    """Serve `routes` (path → answer) on 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path, (404, "text/plain", b"not found", {}))
            if callable(route):
                with contextlib.suppress(OSError):  # the client gave up: what a slow route's test is about
                    route(self)
                return
            status, kind, body, headers = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))


def _originals(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(web.STORIES):
        (folder / f"story-{i}.html").write_bytes(web.original(PUBLISHER, i))


def _report(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


FAST = "fetch: {rate: 50, concurrency: 2, timeout: 2, retries: 1, backoff: 0.05}\n"


@pytest.mark.parametrize(
    ("url", "host", "fetchable"),
    [
        ("http://partner.example/news/1/", "partner.example", True),
        ("http://Partner.Example:8080/a", "partner.example:8080", True),
        (BAD, "[::1", False),
        ("HTTP://[::1/x?a#b", "[::1", False),
        ("//[::1/x", "[::1", False),
        ("http://a.example:99999/", "a.example:99999", False),
        ("http://a b.example/", "a b.example", False),
        ("http://%zz/", "%zz", False),
        ("[::1/x", "", False),
        ("", "", False),
        ("mailto:someone@example.org", "", False),
        ("javascript:alert(1)", "", False),
    ],
)
def test_the_host_of_any_url_is_read_without_raising(url: str, host: str, fetchable: bool) -> None:
    from compliance.audit.fetching import fetchable as can_fetch
    from compliance.audit.fetching import host_of

    assert host_of(url) == host
    assert can_fetch(url) is fetchable


def test_a_url_no_browser_reads_is_not_asked_for_and_is_a_problem() -> None:
    from compliance.audit.config import FetchLimits
    from compliance.audit.fetching import NOT_A_URL, Fetcher

    fetcher = Fetcher(FetchLimits(timeout=2, retries=0))
    try:
        for url in (BAD, "http://a.example:99999/", "http://a b.example/", "javascript:alert(1)"):
            assert fetcher.get(url).problem == NOT_A_URL
        with _site({}) as base:
            # A browser reads it (the NUL is percent-encoded in the path); httpx refuses it.
            assert fetcher.get(base + "/a\x00b").problem == NOT_A_URL
    finally:
        fetcher.close()


def _hostile_copy(index: int, host: str) -> bytes:
    """A partner's copy whose canonical URL, og:url, <base href>, links and images are URLs no parser reads."""
    page = web.copy(PUBLISHER, host, index, "stripped").decode()
    page = page.replace(
        f'<link rel="canonical" href="{host}/news/story-{index}/">',
        f'<link rel="canonical" href="{BAD}"><meta property="og:url" content="{BAD}"><base href="{BAD}/">',
    )
    extra = f'<p>See <a href="{BAD}">this</a>, <a href="http://a.example:99999/">that</a> and <a href="rel/">here</a>.</p>'
    extra += f'<figure><img src="{BAD}.jpg" srcset="{BAD}2.jpg 2x"><figcaption>Photo: AP</figcaption></figure>'
    return page.replace("</article>", extra + "</article>").encode()


def test_a_malformed_url_from_any_source_is_a_problem_and_the_audit_goes_on(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as partner:
        # Each URL no parser reads is named by another source: an archive, a sitemap, a feed, a redirect.
        feed = f'<?xml version="1.0"?><rss><channel><item><link>{BAD}/feed-item</link></item></channel></rss>'
        routes["/sitemap.xml"] = (200, "application/xml", web.sitemap([f"{partner}/news/story-0/", BAD + "/sitemap-page"]), {})
        routes["/feed.xml"] = (200, "application/rss+xml", feed.encode(), {})
        routes["/moved/"] = (302, "text/html", b"", {"Location": BAD + "/moved"})
        routes["/news/story-0/"] = (200, "text/html", _hostile_copy(0, partner), {})
        crawled = web.copy(PUBLISHER, "http://c.example", 1, "stripped")
        _warc(tmp_path / "crawl.warc.gz", [(BAD + "/warc-page", crawled), ("http://c.example/news/story-1/", crawled)])
        sources = (
            "  - warc: crawl.warc.gz\n"
            f"  - site: {{sitemap: {partner}/sitemap.xml}}\n"
            f"  - site: {{feed: {partner}/feed.xml}}\n"
            f"  - site: {{urls: [{partner}/moved/]}}\n"
        )
        (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{sources}output: out/\n{FAST}", encoding="utf-8")
        run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = _report(tmp_path / "out")
    host = partner.removeprefix("http://")
    assert report["problems"] == [
        {"site": host, "url": f"{partner}/moved/", "problem": f"not a URL a browser can read: the redirect's Location '{BAD}/moved'"},
        {"site": "[::1", "url": BAD + "/feed-item", "problem": "not a URL a browser can read"},
        {"site": "[::1", "url": BAD + "/sitemap-page", "problem": "not a URL a browser can read"},
        {"site": "[::1", "url": BAD + "/warc-page", "problem": "not a URL a browser can read; not read"},
    ]
    copies = sorted((c["url"], c["site"], c["findings"]) for s in report["stories"] for c in s["copies"])
    assert copies == [
        (f"{partner}/news/story-0/", host, ["dcnf/affiliation", "dcnf/logo"]),
        ("http://c.example/news/story-1/", "c.example", ["dcnf/affiliation", "dcnf/logo"]),
    ]


# Addresses of no http(s) page an archive may give as a record's WARC-Target-URI, some a spreadsheet would run.
NO_PAGE_ADDRESSES = [
    '=HYPERLINK("http://evil.example","x")',
    "@SUM(1+1)",
    "javascript:alert(1)",
    "+cmd|'/C%20calc'!A0",
    "-2+3",
    "mailto:desk@c.example",
    "urn:x:1",
]


def test_an_archived_record_at_no_http_address_is_a_problem_shown_safely(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    crawled = web.copy(PUBLISHER, "http://c.example", 1, "stripped")
    _warc(tmp_path / "crawl.warc.gz", [*((url, crawled) for url in NO_PAGE_ADDRESSES), ("http://c.example/news/story-1/", crawled)])
    # A crawler's DNS lookup (a `dns:` record, no HTTP answer) is no page, and no problem either.
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "crawl.warc.gz").open("ab") as out:
        writer = WARCWriter(out, gzip=True)
        dns = b"20261205 c.example. 300 IN A 192.0.2.1\n"
        writer.write_record(writer.create_warc_record("dns:c.example", "response", payload=io.BytesIO(dns), length=len(dns), warc_content_type="text/dns"))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: crawl.warc.gz\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = _report(tmp_path / "out")
    # Each record a problem of the archive, named by its address; none a page read, a copy or a line of pages/.
    expected = [{"site": "crawl.warc.gz", "url": url, "problem": "not a URL a browser can read; not read"} for url in NO_PAGE_ADDRESSES]
    assert sorted(report["problems"], key=str) == sorted(expected, key=str)
    assert report["pages_read"] == 1 and report["copies"] == 1
    assert run.out.startswith(f"1 copy of 4 stories on 1 site; {len(NO_PAGE_ADDRESSES)} problems ({len(NO_PAGE_ADDRESSES)} pages not read); ")
    lines = [json.loads(line) for part in sorted((tmp_path / "out" / "pages").glob("*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]
    assert [page["url"] for page in lines] == ["http://c.example/news/story-1/"]
    # No cell of the CSVs starts as a formula, and the dashboard shows each address escaped.
    import csv

    for name in ("sites.csv", "stories.csv"):
        cells = [cell for row in csv.reader(io.StringIO((tmp_path / "out" / name).read_text(encoding="utf-8"))) for cell in row]
        assert not [cell for cell in cells for line in cell.split("\n") if line.startswith(("=", "+", "-", "@"))]
    dashboard = (tmp_path / "out" / "dashboard.html").read_text(encoding="utf-8")
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)" in dashboard or "=HYPERLINK(&#34;http://evil.example&#34;" in dashboard
    assert 'HYPERLINK("' not in dashboard


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('  - site: {urls: ["http://ok.example/", "http://[::1/x"]}\n', "audit.yaml:4:41: 'http://[::1/x' is not a URL a browser can read"),
        ("  - site: {sitemap: 'http://a.example:99999/s.xml'}\n", "audit.yaml:4:21: 'http://a.example:99999/s.xml' is not a URL a browser can read"),
        ('  - site: {feed: "http://a b.example/f.xml"}\n', "audit.yaml:4:18: 'http://a b.example/f.xml' is not a URL a browser can read"),
        ("  - site: {urls: [ftp://x.example/]}\n", "audit.yaml:4:19: URL must be an http(s) URL, not 'ftp://x.example/'"),
    ],
)
def test_a_malformed_url_in_the_audit_file_is_one_line_at_its_place(cli: Any, tmp_path: Path, source: str, expected: str) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{source}output: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1 and expected in run.err, run.err
    assert not (tmp_path / "out").exists()


def test_stories_at_a_malformed_url_are_one_line_at_its_place(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "saved").mkdir()
    (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{sitemap: '{BAD}'}}\nsources:\n  - folder: saved/\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 2
    assert "audit.yaml:2:20: 'http://[::1/x' is not a URL a browser can read" in run.err and len(run.err.strip().splitlines()) == 1


def test_checks_read_a_copys_malformed_urls_as_going_nowhere(cli: Any, tmp_path: Path) -> None:
    from compliance.checks.reused_photos import file_key
    from compliance.checks.story import url_key

    assert file_key(BAD + ".jpg") == ""
    assert url_key(BAD) == BAD and url_key(" http://a.example:99999/x ") == "a.example:99999/x"
    original = web.original(PUBLISHER, 2).decode().replace("</article>", f'<p>Read <a href="{BAD}">the report</a>.</p></article>')
    (tmp_path / "original.html").write_text(original, encoding="utf-8")
    (tmp_path / "copy.html").write_bytes(_hostile_copy(2, "http://partner.example"))
    run = cli("check", "--format", "json", "--pack", "dcnf", "--original", str(tmp_path / "original.html"), str(tmp_path / "copy.html"))
    assert run.code == 1, run.err
    assert sorted(f["rule"] for f in run.json()["files"][0]["findings"]) == ["dcnf/affiliation", "dcnf/logo"]


def test_an_originals_malformed_address_and_links_are_compared_as_written(cli: Any, tmp_path: Path) -> None:
    tribune = "https://www.texastribune.org"
    original = web.original(tribune, 2).decode().replace(f'href="{web.story_url(tribune, 2)}"', f'href="{BAD}"')
    original = original.replace("</article>", '<p>Read <a href="report/">the report</a> and <a href="http://[::1/y">this</a>.</p></article>')
    (tmp_path / "original.html").write_text(original, encoding="utf-8")
    (tmp_path / "copy.html").write_bytes(web.copy(tribune, "http://partner.example", 2, "compliant"))
    run = cli("check", "--format", "json", "--pack", "texas-tribune", "--original", str(tmp_path / "original.html"), str(tmp_path / "copy.html"))
    assert run.code == 1, run.err
    findings = {f["rule"]: f["message"] for f in run.json()["files"][0]["findings"]}
    # The relative link cannot be resolved against an address no parser reads: not compared.
    assert findings["texas-tribune/original-links"] == "A link of the Texas Tribune original is missing: dropped link: this <http://[::1/y>."


def _state_audit(tmp_path: Path, state: str) -> Path:
    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir(exist_ok=True)
    (tmp_path / "saved" / "empty.html").write_bytes(b"")
    (tmp_path / "saved" / "copy.html").write_bytes(web.copy(PUBLISHER, "http://partner.example", 1, "stripped"))
    _warc(tmp_path / "crawl.warc.gz", [("http://c.example/news/story-1/", web.copy(PUBLISHER, "http://c.example", 1, "stripped"))])
    (tmp_path / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (tmp_path / "folder").mkdir(exist_ok=True)
    sources = "  - folder: saved/\n  - warc: crawl.warc.gz\n"
    (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{sources}state: {state}\noutput: out/\n", encoding="utf-8")
    return tmp_path / "audit.yaml"


def _foreign_database(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("create table bookmarks (url text)")
    db.close()


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("saved/empty.html", "state {tmp}/saved/empty.html is inside {tmp}/saved, a folder the audit reads"),
        ("originals/story-0.html", "state {tmp}/originals/story-0.html is inside {tmp}/originals, a folder the audit reads"),
        ("saved/", "state {tmp}/saved is {tmp}/saved, which the audit reads"),
        ("crawl.warc.gz", "state {tmp}/crawl.warc.gz is {tmp}/crawl.warc.gz, which the audit reads"),
        ("audit.yaml", "state {tmp}/audit.yaml is the audit file"),
        ("saved-http.sqlite/../saved/x", "state {tmp}/saved/x is inside {tmp}/saved, a folder the audit reads"),
        ("out/report.json", "state {tmp}/out/report.json is where the audit writes its reports"),
        ("out/dashboard.html", "state {tmp}/out/dashboard.html is where the audit writes its reports"),
        ("out/pages/state.sqlite", "state {tmp}/out/pages/state.sqlite is where the audit writes its reports"),
        ("out/", "state {tmp}/out is where the audit writes its reports"),
        ("notes.txt", "cannot keep the audit's state in {tmp}/notes.txt: it is not a SQLite database (it is left as it is)"),
        ("/dev/null", "cannot keep the audit's state in /dev/null: it is a character device, not a file"),
        ("folder", "cannot keep the audit's state in {tmp}/folder: it is a directory, not a file"),
        ("bookmarks.sqlite", "cannot keep the audit's state in {tmp}/bookmarks.sqlite: it is the SQLite database of something else, with a table 'bookmarks'"),
        ("notes-http-cache.sqlite/../s.sqlite", None),
        ("/proc/audit-state.sqlite", "cannot keep the audit's state in /proc/audit-state.sqlite: unable to open database file"),
        ("notes.txt/state.sqlite", "state {tmp}/notes.txt/state.sqlite cannot be made: {tmp}/notes.txt is a file"),
        # A folder that does not exist: a mistyped path, whose state would start from nothing.
        ("gone/dir/state.sqlite", "state {tmp}/gone/dir/state.sqlite is in a folder that does not exist: {tmp}/gone"),
        ("folder/sub/state.sqlite", "state {tmp}/folder/sub/state.sqlite is in a folder that does not exist: {tmp}/folder/sub"),
    ],
)
def test_a_state_the_audit_cannot_keep_is_one_line_at_its_place_and_nothing_is_written(cli: Any, tmp_path: Path, state: str, expected: str | None) -> None:
    config = _state_audit(tmp_path, state)
    _foreign_database(tmp_path / "bookmarks.sqlite")
    if expected is None:  # the state's HTTP cache beside it is not a database
        (tmp_path / "s-http-cache.sqlite").write_text("cache?\n", encoding="utf-8")
        (tmp_path / "audit.yaml").write_text(config.read_text(encoding="utf-8").replace(f"state: {state}", "state: s.sqlite"), encoding="utf-8")
        expected = "cannot keep the audit's state in {tmp}/s-http-cache.sqlite: it is not a SQLite database (it is left as it is)"
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    run = cli("audit", str(config))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1, run.err
    assert f"audit.yaml:6:8: {expected.format(tmp=tmp_path.resolve())}" in run.err
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before


@pytest.mark.parametrize("state", ["folder/state.sqlite", "out/state.sqlite", "out/kept/state.sqlite", "empty.sqlite"])
def test_a_new_or_empty_state_file_is_taken(cli: Any, tmp_path: Path, state: str) -> None:
    config = _state_audit(tmp_path, state)
    (tmp_path / "empty.sqlite").write_bytes(b"")
    run = cli("audit", str(config))
    assert run.code == 0, run.err
    assert (tmp_path / state).read_bytes().startswith(b"SQLite format 3\x00")
    assert cli("audit", str(config)).code == 0


@pytest.mark.parametrize(
    ("stories", "source", "expected"),
    [
        ("{folder: /dev/null}", "saved/", "audit.yaml:2:19: folder /dev/null is a character device, not a folder"),
        ("{folder: saved/copy.html}", "saved/", "audit.yaml:2:19: folder {tmp}/saved/copy.html is a regular file, not a folder"),
        ("{folder: gone/}", "saved/", "audit.yaml:2:19: folder not found: {tmp}/gone"),
        ("{folder: originals/}", "saved/copy.html", "audit.yaml:4:13: folder {tmp}/saved/copy.html is a regular file, not a folder"),
        ("{folder: empty/}", "saved/", "audit.yaml:2:19: no story in {tmp}/empty — the stories' folder holds the publisher's pages (.html, .htm,"),
        (
            "{folder: unread/}",
            "saved/",
            "audit.yaml:2:19: no story in {tmp}/unread that could be read (unread/huge.html: larger than 16777216 bytes; not read"
            " — raise max-bytes under fetch: in the audit file to read it;"
            " unread/pipe.html: not read: a FIFO (named pipe), not a regular file)",
        ),
        # Files named as pages that hold no article: nothing readable, no story.
        ("{folder: blank/}", "saved/", "audit.yaml:2:19: no story in {tmp}/blank that could be read (blank/a.html: story not read: a PNG image, not an"),
        ("{folder: blank/}", "saved/", "blank/b.md: story not read: empty; blank/c.txt: story not read: empty)"),
    ],
)
def test_stories_not_in_a_folder_of_stories_are_one_line_and_nothing_is_written(cli: Any, tmp_path: Path, stories: str, source: str, expected: str) -> None:
    import os

    _originals(tmp_path / "originals")
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "copy.html").write_bytes(web.copy(PUBLISHER, "http://partner.example", 1, "stripped"))
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "unread").mkdir()
    # A story a byte over the 16 MiB a saved page may hold when the audit file sets no max-bytes.
    (tmp_path / "unread" / "huge.html").write_bytes(b"<p>" + b"x" * (16 * 1024 * 1024 - 2))
    os.mkfifo(tmp_path / "unread" / "pipe.html")
    (tmp_path / "blank").mkdir()
    (tmp_path / "blank" / "a.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "blank" / "b.md").write_bytes(b"")
    (tmp_path / "blank" / "c.txt").write_bytes(b" \n\t\n")
    (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {stories}\nsources:\n  - folder: {source}\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1 and expected.format(tmp=tmp_path.resolve()) in run.err, run.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("empty.html", b"", "story not read: empty"),
        ("blank.md", b"\xef\xbb\xbf \n", "story not read: empty"),
        ("logo.html", b"\x89PNG\r\n\x1a\n\x00", "story not read: a PNG image, not an article"),
        # A file of the folder not read at all: a symbolic link out of it.
        ("passwd.html", None, "not read: a symbolic link to a regular file outside the directories given, not followed"),
    ],
)
def test_a_file_beside_the_stories_that_holds_no_article_is_a_problem_not_a_story(cli: Any, tmp_path: Path, name: str, data: bytes | None, why: str) -> None:
    _originals(tmp_path / "originals")
    if data is None:
        (tmp_path / "outside.html").write_bytes(web.original(PUBLISHER, 0))
        (tmp_path / "originals" / name).symlink_to(tmp_path / "outside.html")
    else:
        (tmp_path / "originals" / name).write_bytes(data)
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "copy.html").write_bytes(web.copy(PUBLISHER, "http://partner.example", 1, "stripped"))
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = _report(tmp_path / "out")
    assert f"originals/{name}" not in [story["story"] for story in report["stories"]]
    assert f"originals/{name}" not in (tmp_path / "out" / "stories.csv").read_text(encoding="utf-8")
    # Filed under the story file's path, as the report names stories: no site of the audit's making.
    assert report["problems"] == [{"site": f"originals/{name}", "url": f"originals/{name}", "problem": why}]
    kind = "1 story not read" if why.startswith("story not read") else "1 page not read"
    assert run.out.startswith(f"1 copy of {web.STORIES} stories on 1 site; 1 problem ({kind}); reports in "), run.out
    assert f"<li>originals/{name}: {why}</li>" in (tmp_path / "out" / "dashboard.html").read_text(encoding="utf-8")


# A start tag of more than 1,000 attributes: a page libxml2 would take minutes to parse, refused.
CROWDED = b"<p>By Jane Doe</p>\n<div " + b" ".join(b"a%d" % i for i in range(1001)) + b">x</div>"
TWICE = "---\ntitle: A\ntitle: B\n---\nA saved post.\n"


@pytest.mark.parametrize("options", [(), ("--scheduler", "local", "--join", "shuffle")])
def test_a_partners_page_that_refuses_to_be_read_is_a_problem_and_the_audit_goes_on(cli: Any, tmp_path: Path, options: tuple[str, ...]) -> None:
    _originals(tmp_path / "originals")
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "a crowded.html").write_bytes(CROWDED)
    (saved / "twice.md").write_text(TWICE, encoding="utf-8")
    (saved / "copy.html").write_bytes(web.copy(PUBLISHER, "http://partner.example", 1, "stripped"))
    routes: dict[str, Route] = {}
    with _site(routes) as partner:
        routes["/news/crowded/"] = (200, "text/html", CROWDED, {})
        routes["/news/story-0/"] = (200, "text/html", web.copy(PUBLISHER, partner, 0, "stripped"), {})
        sources = f"  - site: {{urls: [{partner}/news/crowded/, {partner}/news/story-0/]}}\n  - folder: saved/\n"
        (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{sources}output: out/\n{FAST}", encoding="utf-8")
        run = cli("audit", *options, str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    assert "2 copies of 4 stories on 2 sites; 3 problems (3 pages not checked)" in run.out, run.out
    report = _report(tmp_path / "out")
    crowded = "not checked: a start tag has more than 1,000 attributes (a hostile page: its parse would take minutes) (line 2, column 1)"
    assert report["problems"] == [
        {"site": partner.removeprefix("http://"), "url": f"{partner}/news/crowded/", "problem": crowded},
        {"site": "saved:saved", "url": "saved/a crowded.html", "problem": crowded},
        {"site": "saved:saved", "url": "saved/twice.md", "problem": "not checked: duplicate key 'title' (first defined at line 2) (line 3, column 1)"},
    ]
    assert report["pages_read"] == 2 and report["copies"] == 2
    lines = [json.loads(line) for part in sorted((tmp_path / "out" / "pages").glob("*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]
    assert sorted(page["url"] for page in lines) == [f"{partner}/news/story-0/", "saved/copy.html"]


def test_a_story_that_refuses_to_be_read_is_one_line_at_its_place(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "originals" / "crowded.html").write_bytes(CROWDED)
    (tmp_path / "saved").mkdir()
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 2
    expected = f"syndcheck: error: {tmp_path.resolve()}/originals/crowded.html:2:1: a start tag has more than 1,000 attributes"
    assert run.err.strip().splitlines() == [run.err.strip()] and run.err.startswith(expected), run.err
    assert run.err.rstrip().endswith("— fix the story's page, or take it out of the stories' folder"), run.err


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGTERM") or __import__("os").name != "posix", reason="sends SIGTERM to a process (POSIX)")
def test_an_audit_stopped_by_sigterm_says_so_and_exits_143(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    _originals(tmp_path / "originals")
    asked = threading.Event()
    release = threading.Event()

    def silent(handler: BaseHTTPRequestHandler) -> None:
        # A page that answers nothing until the test is over: the audit is signalled while it waits.
        asked.set()
        release.wait(60)

    with _site({"/silent/": silent}) as partner:
        audit = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - site: {{urls: [{partner}/silent/]}}\noutput: out/\n"
        # The URL being fetched is given up within page-timeout of the signal, as at Ctrl-C.
        (tmp_path / "audit.yaml").write_text(audit + "fetch: {timeout: 10, page-timeout: 10, retries: 0}\n", encoding="utf-8")
        run = subprocess.Popen(
            [sys.executable, "-m", "compliance", "audit", str(tmp_path / "audit.yaml")], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            assert asked.wait(60), "the audit never asked for the page"
            run.send_signal(signal.SIGTERM)
            out, err = run.communicate(timeout=60)
        finally:
            release.set()
            if run.poll() is None:
                run.kill()
                run.communicate()
    assert run.returncode == 128 + signal.SIGTERM
    assert (out, err) == ("", "syndcheck: terminated\n")
    assert not (tmp_path / "out" / "report.json").exists()


def test_stories_no_page_of_the_publishers_sitemap_gives_are_one_line(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "saved").mkdir()
    errors = {}
    with _site({"/sitemap.xml": (200, "application/xml", web.sitemap([]), {})}) as publisher:
        for listed in ("sitemap.xml", "gone.xml"):
            (tmp_path / "audit.yaml").write_text(
                f"pack: dcnf\nstories: {{sitemap: {publisher}/{listed}}}\nsources:\n  - folder: saved/\noutput: out/\n{FAST}", encoding="utf-8"
            )
            run = cli("audit", str(tmp_path / "audit.yaml"))
            assert run.code == 2
            assert len(run.err.strip().splitlines()) == 1, run.err
            errors[listed] = run.err.split("audit.yaml:", 1)[1].split(" — ")[0]
    assert errors == {
        "sitemap.xml": f"2:20: no story read from the sitemap {publisher}/sitemap.xml",
        "gone.xml": f"2:20: no story read from the sitemap {publisher}/gone.xml (sitemap not read: HTTP 404)",
    }


@pytest.mark.parametrize(
    ("scheduler", "expected"),
    [
        ("bogus", "--scheduler 'bogus' is not a scheduler address: missing port number in address 'bogus'"),
        ("http://127.0.0.1:1", "--scheduler 'http://127.0.0.1:1' is not a scheduler address: unknown address scheme 'http'"),
        ("", "--scheduler '' is empty"),
        # A port no host has is refused at once, not after Dask's whole connect timeout.
        ("tcp://127.0.0.1:99999", "is not a scheduler address: port 99999 in address 'tcp://127.0.0.1:99999' is not a TCP port (1-65535)"),
        ("tcp://127.0.0.1:0", "is not a scheduler address: port 0 in address 'tcp://127.0.0.1:0' is not a TCP port (1-65535)"),
        ("tcp://127.0.0.1:1", "--scheduler 'tcp://127.0.0.1:1' cannot be reached: Timed out trying to connect to tcp://127.0.0.1:1 after 1 s"),
    ],
)
def test_a_scheduler_the_audit_cannot_use_is_one_line_before_anything_runs(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scheduler: str, expected: str
) -> None:
    pytest.importorskip("distributed", reason="dask is in the audit extra: pip install -e '.[audit]'")
    from compliance.audit import distributed

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1.0)
    config = _state_audit(tmp_path, "state.sqlite")
    # A first run stored every page's outcome: the second would send the scheduler no task at all.
    assert cli("audit", str(config)).code == 0
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    run = cli("audit", "--scheduler", scheduler, str(config))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1 and expected in run.err, run.err
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before
    shutil.rmtree(tmp_path / "out")
    (tmp_path / "state.sqlite").unlink()
    # With a mistake in the audit file too, the scheduler is told of first, and nothing is written.
    config.write_text(config.read_text(encoding="utf-8").replace("pack: dcnf", "pack: dcnff"), encoding="utf-8")
    run = cli("audit", "--scheduler", scheduler, str(config))
    assert run.code == 2 and expected in run.err and not (tmp_path / "out").exists()


def test_the_csv_reports_show_partner_text_safely_and_never_as_a_formula(cli: Any, tmp_path: Path) -> None:
    import csv

    from compliance.audit.report import CheckedCopy, build_report, sites_csv, stories_csv

    _originals(tmp_path / "originals")
    hostile = "http://partner.example/\x1b]0;owned\x07/\u202egnp.exe\u2028x\x85y"
    _warc(tmp_path / "crawl.warc.gz", [(hostile, web.copy(PUBLISHER, "http://partner.example", 2, "stripped"))])
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: crawl.warc.gz\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    # The archived address as a browser reads it: each control and bidirectional character percent-encoded.
    shown = "http://partner.example/%1B]0;owned%07/%E2%80%AEgnp.exe%E2%80%A8x%C2%85y"
    written = (tmp_path / "out" / "stories.csv").read_text(encoding="utf-8")
    assert [row["url"] for row in csv.DictReader(io.StringIO(written)) if row["url"]] == [shown]
    for name in ("sites.csv", "stories.csv"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert not any(char in text for char in "\x1b\x07\x85\u202e\u2028"), name
    # Every cell, from every field: the story, the site, the findings; a formula behind a tab too.
    copy = CheckedCopy("+story\x1b", "@url\u202e", "-site\x07", 0.5, "text", ("\tdcnf/x\x9b",), ("\tdcnf/x\x9b",), (), also_at=("=x\x1b", "http://p.example/b"))
    report = build_report([copy], pages=1, unmatched=0, problems=[], stories=["+story\x1b"])
    assert list(csv.reader(io.StringIO(sites_csv(report))))[1] == ["'-site\\x07", "1", "0", "0.0", "'\tdcnf/x\\x9b=1", "", ""]
    stories_row = ["'+story\\x1b", "'@url\\u202e", "'-site\\x07", "0.5", "text", "'\tdcnf/x\\x9b", "", "", "", "'=x\\x1b\nhttp://p.example/b"]
    assert list(csv.reader(io.StringIO(stories_csv(report))))[1] == stories_row


def test_stories_csv_gives_a_copys_addresses_one_a_line_which_no_address_holds(tmp_path: Path) -> None:
    import csv

    from compliance.audit.report import CheckedCopy, build_report, stories_csv

    # Saved files' names with spaces, line breaks and a formula; a URL with a space (as an archive may give it).
    also_at = ("saved/a b.html", "saved/two\nlines\r.html", "saved/=HYPERLINK(1) c.html", "http://p.example/x y/", "saved/tab\there.html", "=HYPERLINK(2)")
    copy = CheckedCopy("originals/s.html", "saved/valley copy.html", "saved:saved", 0.9, "text", ("dcnf/logo", "dcnf/pixel"), (), (), also_at=also_at)
    report = build_report([copy], pages=1, unmatched=0, problems=[], stories=["originals/s.html"])
    (row,) = csv.DictReader(io.StringIO(stories_csv(report)))
    # Split on line feeds, as a spreadsheet does with CHAR(10): one address each, as each is shown,
    # and none of them a formula once it is a cell of its own.
    shown = ["saved/a b.html", "saved/two\\nlines\\r.html", "saved/=HYPERLINK(1) c.html", "http://p.example/x y/", "saved/tab\there.html", "'=HYPERLINK(2)"]
    assert row["also_at"].split("\n") == shown
    assert row["url"] == "saved/valley copy.html" and row["findings"] == "dcnf/logo dcnf/pixel"


def _sitemap_index(urls: list[str]) -> bytes:
    listed = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{listed}</sitemapindex>'.encode()


def test_a_sitemap_index_that_lists_itself_is_a_loop_in_the_problems(cli: Any, tmp_path: Path) -> None:
    # An index of nothing but itself gave 0 pages and no problem; beside a sitemap it still reads, the loop is listed too.
    _originals(tmp_path / "originals")
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as partner:
        routes["/news/story-0/"] = (200, "text/html", web.copy(PUBLISHER, partner, 0, "stripped"), {})
        routes["/pages.xml"] = (200, "application/xml", web.sitemap([f"{partner}/news/story-0/"]), {})
        routes["/index.xml"] = (200, "application/xml", _sitemap_index([f"{partner}/index.xml", f"{partner}/pages.xml"]), {})
        routes["/alone.xml"] = (200, "application/xml", _sitemap_index([f"{partner}/alone.xml"]), {})
        sources = f"  - site: {{sitemap: {partner}/index.xml}}\n  - site: {{sitemap: {partner}/alone.xml}}\n"
        (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{sources}output: out/\n{FAST}", encoding="utf-8")
        run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = _report(tmp_path / "out")
    host = partner.removeprefix("http://")
    loop = "sitemap loop: a sitemap index lists itself, or an index above it; not read again"
    assert report["problems"] == [
        {"site": host, "url": f"{partner}/alone.xml", "problem": loop},
        {"site": host, "url": f"{partner}/index.xml", "problem": loop},
    ]
    assert [c["url"] for s in report["stories"] for c in s["copies"]] == [f"{partner}/news/story-0/"]


def _listed(routes: dict[str, tuple[int, str, bytes, dict[str, str]]], partner: str, kind: str, path: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The page URLs a sitemap or feed at `path` lists, and the problems, read through the polite fetcher."""
    from compliance.audit.config import FetchLimits, Locator
    from compliance.audit.fetching import Fetcher
    from compliance.audit.sources import SiteReader

    fetcher = Fetcher(FetchLimits(rate=50, timeout=2, retries=0))
    try:
        urls, problems = SiteReader(fetcher).listed(Locator(kind, (f"{partner}{path}",)))  # type: ignore[arg-type]
    finally:
        fetcher.close()
    return sorted(urls), sorted((p.where, p.what) for p in problems)


def test_a_child_sitemap_with_broken_gzip_is_a_problem_and_a_whole_one_is_read() -> None:
    import gzip

    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as partner:
        whole = gzip.compress(web.sitemap([f"{partner}/a/"]))
        routes["/good.xml.gz"] = (200, "application/gzip", whole, {})
        routes["/garbage.xml.gz"] = (200, "application/gzip", b"\x1f\x8b\x08\x00garbage", {})
        routes["/cut.xml.gz"] = (200, "application/gzip", whole[: len(whole) // 2], {})
        # Named .gz but served decompressed, as many servers do: read as it is.
        routes["/plain.xml.gz"] = (200, "application/xml", web.sitemap([f"{partner}/b/"]), {})
        names = ("good", "garbage", "cut", "plain")
        routes["/index.xml"] = (200, "application/xml", _sitemap_index([f"{partner}/{name}.xml.gz" for name in names]), {})
        urls, problems = _listed(routes, partner, "sitemap", "/index.xml")
    assert urls == [f"{partner}/a/", f"{partner}/b/"]
    assert [where for where, _ in problems] == [f"{partner}/cut.xml.gz", f"{partner}/garbage.xml.gz"]
    assert all("not valid gzip (" in what for _, what in problems), problems


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        # Atom: a link relative to the feed's URL, to the host's root, and to an entry's xml:base.
        (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>P</title>'
            '<entry><title>a</title><id>1</id><link href="/c/2/"/></entry>'
            '<entry><title>b</title><id>2</id><link href="story-3/"/></entry>'
            '<entry xml:base="http://other.example/x/"><title>c</title><id>3</id><link href="y/"/></entry>'
            '<entry><title>d</title><id>4</id><link href="http://abs.example/z/"/></entry></feed>',
            ["{partner}/c/2/", "{partner}/feeds/story-3/", "http://abs.example/z/", "http://other.example/x/y/"],
        ),
        # RSS: a relative <link>, as RSS readers read it.
        (
            '<rss version="2.0"><channel><title>P</title><link>{partner}/</link>'
            "<item><title>a</title><link>/c/3/</link></item><item><title>b</title><link>{partner}/c/4/</link></item></channel></rss>",
            ["{partner}/c/3/", "{partner}/c/4/"],
        ),
    ],
)
def test_a_feeds_relative_links_resolve_against_its_url(feed: str, expected: list[str]) -> None:
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as partner:
        routes["/feeds/all.xml"] = (200, "application/xml", ('<?xml version="1.0"?>' + feed.replace("{partner}", partner)).encode(), {})
        urls, problems = _listed(routes, partner, "feed", "/feeds/all.xml")
    assert (urls, problems) == (sorted(u.replace("{partner}", partner) for u in expected), [])


class _Logged(dict[str, tuple[int, str, bytes, dict[str, str]]]):
    """Routes that remember every path asked for, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def get(self, path: str, default: Any = None) -> Any:  # type: ignore[override]
        self.asked.append(path)
        return super().get(path, default)


def _fetch_all(partner: str, paths: list[str], **limits: Any) -> tuple[dict[str, str], list[float]]:
    """Each path's problem ("" when read) through a polite fetcher whose waits are recorded, not slept."""
    from compliance.audit.config import FetchLimits
    from compliance.audit.fetching import Fetcher

    waits: list[float] = []
    fetcher = Fetcher(FetchLimits(**{"rate": 1000, "timeout": 2, "retries": 2, "backoff": 0.01, **limits}), sleep=waits.append)
    try:
        # (The rate limit waits a thousandth of a second or so between requests: not a retry's wait.)
        return {path: fetcher.get(partner + path).problem for path in paths}, [w for w in waits if w >= 0.005]
    finally:
        fetcher.close()


@pytest.mark.parametrize("status", [500, 503])
def test_a_robots_txt_that_fails_with_a_server_error_disallows_the_whole_site(status: int) -> None:
    routes = _Logged()
    with _site(routes) as partner:
        routes["/robots.txt"] = (status, "text/plain", b"down", {})
        routes["/news/story-0/"] = (200, "text/html", web.copy(PUBLISHER, partner, 0, "stripped"), {})
        problems, _ = _fetch_all(partner, ["/news/story-0/", "/news/story-1/"], retries=0)
    assert set(problems.values()) == {f"disallowed: robots.txt answered HTTP {status}, which disallows the whole site (RFC 9309)"}
    assert routes.asked == ["/robots.txt"]


def test_a_robots_txt_that_cannot_be_read_disallows_the_whole_site() -> None:
    routes = _Logged()
    with _site(routes) as partner:
        # An answer cut short (it promises more bytes than it sends): no robots.txt was read.
        routes["/robots.txt"] = (200, "text/plain", b"User-agent: *", {"Content-Length": "5000"})
        routes["/news/story-0/"] = (200, "text/html", web.copy(PUBLISHER, partner, 0, "stripped"), {})
        problems, _ = _fetch_all(partner, ["/news/story-0/"], retries=0)
    (problem,) = problems.values()
    assert problem.startswith("disallowed: robots.txt could not be read (") and problem.endswith("), which disallows the whole site (RFC 9309)")
    assert routes.asked == ["/robots.txt"]


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed): a connection to it is refused."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_site_that_takes_no_connection_is_unreachable_not_disallowed() -> None:
    partner = f"http://127.0.0.1:{_closed_port()}"
    problems, _ = _fetch_all(partner, ["/news/story-0/", "/sitemap.xml"], retries=0)
    assert set(problems) == {"/news/story-0/", "/sitemap.xml"}
    for problem in problems.values():
        assert problem.startswith(f"site unreachable: no connection to {partner.removeprefix('http://')} (connection refused); nothing read there")
        assert problem.endswith("); nothing read there: check the address in the audit file and that the site is up, then run the audit again")
        assert "RFC 9309" not in problem and "disallow" not in problem


@pytest.mark.parametrize(
    "hops",
    [
        [(301, "{closed}/moved/")],
        [(307, "{closed}/news/story-0/?from=partner")],
        [(302, "/news/elsewhere/"), (308, "{closed}/final/")],
    ],
)
def test_a_redirect_to_a_server_that_takes_no_connection_names_the_host_it_could_not_reach(hops: list[tuple[int, str]]) -> None:
    closed = f"http://127.0.0.1:{_closed_port()}"
    routes = _Logged()
    with _site(routes) as partner:
        routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nAllow: /\n", {})
        path = "/news/story-0/"
        for status, location in hops:
            routes[path] = (status, "text/html", b"", {"Location": location.format(closed=closed)})
            path = location
        problems, _ = _fetch_all(partner, ["/news/story-0/"], retries=0)
    (problem,) = problems.values()
    # The host that took no connection is the redirect's target, not the partner's first answer.
    unreached, asked = closed.removeprefix("http://"), partner.removeprefix("http://")
    assert problem == f"no connection to {unreached} (connection refused), after a redirect from {asked}"


_WHOLE_HOST = "disallowed: the robots.txt of {other} answered HTTP 5xx, which disallows all of that host (RFC 9309), after a redirect from {partner}"


@pytest.mark.parametrize(
    ("robots", "why"),
    [
        ((200, "text/plain", b"User-agent: *\nDisallow: /news/\n", {}), "disallowed by the robots.txt of {other}, after a redirect from {partner}"),
        ((503, "text/plain", b"down", {}), _WHOLE_HOST.replace("5xx", "503")),
        ((500, "text/plain", b"down", {}), _WHOLE_HOST.replace("5xx", "500")),
    ],
)
@pytest.mark.parametrize("status", [301, 302, 307])
def test_a_redirect_to_another_host_obeys_that_hosts_robots_txt_before_asking(robots: Route, why: str, status: int) -> None:
    routes, elsewhere = _Logged(), _Logged()
    with _site(routes) as partner, _site(elsewhere) as other:
        routes["/robots.txt"] = (404, "text/plain", b"", {})
        elsewhere["/robots.txt"] = robots  # type: ignore[assignment]
        elsewhere["/news/x/"] = (200, "text/html", web.copy(PUBLISHER, other, 0, "stripped"), {})
        routes["/go/other"] = (status, "text/html", b"", {"Location": f"{other}/news/x/"})
        problems, _ = _fetch_all(partner, ["/go/other"], retries=0)
    # Its robots.txt asked for first; the page it forbids never asked for.
    assert elsewhere.asked == ["/robots.txt"]
    hosts = {"other": other.removeprefix("http://"), "partner": partner.removeprefix("http://")}
    assert problems == {"/go/other": why.format(**hosts)}


@pytest.mark.parametrize(
    ("location", "target"),
    [
        ("/private/story-3/", "/private/story-3/"),
        # An absolute Location on the same host, a query kept, and a chain through an allowed hop:
        # the path named is the one robots.txt forbids, the one it came from the page's own.
        ("{partner}/private/story-3/?ref=go", "/private/story-3/?ref=go"),
        ("/go/4", "/private/story-3/"),
        # A control character in the Location is asked for percent-encoded, and shown so.
        ("/private/\x1b[31mX", "/private/%1B[31mX"),
    ],
)
def test_a_redirect_within_a_site_to_a_path_its_robots_txt_forbids_is_not_followed_and_names_that_path(location: str, target: str) -> None:
    from compliance.audit.fetching import robots_refusal

    routes = _Logged()
    with _site(routes) as partner:
        routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {})
        routes["/go/3"] = (302, "text/html", b"", {"Location": location.format(partner=partner)})
        routes["/go/4"] = (302, "text/html", b"", {"Location": "/private/story-3/"})
        routes["/private/story-3/"] = (200, "text/html", web.copy(PUBLISHER, partner, 0, "stripped"), {})
        problems, _ = _fetch_all(partner, ["/go/3"], retries=0)
    assert [path for path in routes.asked if path.startswith("/private/")] == []
    # The address asked for is allowed: the line says the redirect's target is not.
    assert problems == {"/go/3": f"disallowed by robots.txt at {target}, after a redirect from /go/3"}
    # It is the site's own robots.txt forbidding what the audit reads there, as for a URL it was given.
    assert robots_refusal(problems["/go/3"])


def test_a_redirect_to_an_allowed_page_on_another_host_is_followed_after_its_robots_txt() -> None:
    routes, elsewhere = _Logged(), _Logged()
    with _site(routes) as partner, _site(elsewhere) as other:
        routes["/robots.txt"] = (404, "text/plain", b"", {})
        elsewhere["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {})
        elsewhere["/news/x/"] = (200, "text/html", web.copy(PUBLISHER, other, 0, "stripped"), {})
        routes["/go/other"] = (302, "text/html", b"", {"Location": f"{other}/news/x/"})
        problems, _ = _fetch_all(partner, ["/go/other", "/go/other"], retries=0)
    assert problems == {"/go/other": ""}
    assert elsewhere.asked[:2] == ["/robots.txt", "/news/x/"] and elsewhere.asked.count("/robots.txt") == 1


def test_a_page_redirected_to_a_host_whose_robots_txt_fails_is_reported_and_not_a_site_not_read(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    routes, elsewhere = _Logged(), _Logged()
    with _site(routes) as partner, _site(elsewhere) as other:
        routes["/robots.txt"] = (404, "text/plain", b"", {})
        routes["/news/story-1/"] = (200, "text/html", web.copy(PUBLISHER, partner, 1, "stripped"), {})
        routes["/go/other"] = (302, "text/html", b"", {"Location": f"{other}/news/x/"})
        elsewhere["/robots.txt"] = (503, "text/plain", b"down", {})
        elsewhere["/news/x/"] = (200, "text/html", web.copy(PUBLISHER, other, 0, "stripped"), {})
        sources = f"  - site: {{urls: [{partner}/news/story-1/, {partner}/go/other]}}\n"
        (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{sources}output: out/\n{FAST}", encoding="utf-8")
        run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    assert "/news/x/" not in elsewhere.asked
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [copy["url"] for story in report["stories"] for copy in story["copies"]] == [f"{partner}/news/story-1/"]
    (problem,) = report["problems"]
    assert problem["url"] == f"{partner}/go/other"
    assert problem["problem"].startswith(f"disallowed: the robots.txt of {other.removeprefix('http://')} answered HTTP 503")
    # The partner's site was read: its redirect is a page not read, not a site not read.
    assert run.out.startswith("1 copy of 4 stories on 1 site; 1 problem (1 page not read); reports in ")


def test_an_unreachable_site_is_reported_so_in_the_report_and_the_closing_line(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    partner = f"http://127.0.0.1:{_closed_port()}"
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as other:
        routes["/news/story-0/"] = (200, "text/html", web.copy(PUBLISHER, other, 0, "stripped"), {})
        routes["/sitemap.xml"] = (200, "application/xml", web.sitemap([f"{other}/news/story-0/"]), {})
        sources = f"  - site: {{sitemap: {partner}/sitemap.xml}}\n  - site: {{urls: [{partner}/a/, {partner}/b/]}}\n"
        sources += f"  - site: {{sitemap: {other}/sitemap.xml}}\n"
        (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{sources}output: out/\n{FAST}", encoding="utf-8")
        run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    problems = {p["url"].removeprefix(partner): p["problem"] for p in report["problems"]}
    assert set(problems) == {"/sitemap.xml", "/a/", "/b/"}
    assert problems["/sitemap.xml"].startswith("sitemap not read: site unreachable: no connection to ")
    assert all(problems[page].startswith("site unreachable: no connection to ") for page in ("/a/", "/b/"))
    # Three URLs of one site not read: one site, counted once.
    assert run.out.startswith("1 copy of 4 stories on 1 site; 3 problems (1 site not read); reports in ")


@pytest.mark.parametrize(
    ("robots", "problem"),
    [
        # A 4xx robots.txt (none there, or forbidden to read) allows everything (RFC 9309 §2.3.1.3).
        ((404, "text/plain", b"", {}), ""),
        ((403, "text/plain", b"", {}), ""),
        ((410, "text/plain", b"", {}), ""),
        # A robots.txt that is read: its rules.
        ((200, "text/plain", b"User-agent: *\nAllow: /\n", {}), ""),
        ((200, "text/plain", b"User-agent: *\nDisallow: /news/\n", {}), "disallowed by robots.txt"),
    ],
)
def test_a_robots_txt_read_or_missing_decides_as_before(robots: tuple[int, str, bytes, dict[str, str]], problem: str) -> None:
    routes = _Logged()
    with _site(routes) as partner:
        routes["/robots.txt"] = robots
        routes["/news/story-0/"] = (200, "text/html", web.copy(PUBLISHER, partner, 0, "stripped"), {})
        problems, _ = _fetch_all(partner, ["/news/story-0/"], retries=0)
    assert problems == {"/news/story-0/": problem}


@pytest.mark.parametrize(
    ("status", "retry_after", "shown"),
    [
        (429, "3600", "3600"),
        (503, "3600", "3600"),
        (429, "Fri, 31 Dec 2099 23:59:59 GMT", None),
        (429, "61", "61"),
    ],
)
def test_a_retry_after_longer_than_the_audit_waits_gives_up_at_once_and_names_the_wait(status: int, retry_after: str, shown: str | None) -> None:
    routes = _Logged()
    with _site(routes) as partner:
        routes["/robots.txt"] = (404, "text/plain", b"", {})
        routes["/busy/"] = (status, "text/plain", b"later", {"Retry-After": retry_after})
        problems, waits = _fetch_all(partner, ["/busy/"])
    assert routes.asked == ["/robots.txt", "/busy/"]
    assert waits == []
    problem = problems["/busy/"]
    assert problem.startswith(f"HTTP {status}, Retry-After {shown or ''}") and problem.endswith(" s: longer than max-retry-after (60 s); not retried"), problem


@pytest.mark.parametrize(("retry_after", "limit", "waited"), [("2", 60, [2.0, 2.0]), ("60", 60, [60.0, 60.0]), ("", 60, [0.01, 0.02]), ("5", 10, [5.0, 5.0])])
def test_a_retry_after_the_audit_waits_for_is_waited_for_then_asked_again(retry_after: str, limit: float, waited: list[float]) -> None:
    routes = _Logged()
    with _site(routes) as partner:
        routes["/robots.txt"] = (404, "text/plain", b"", {})
        routes["/busy/"] = (429, "text/plain", b"later", {"Retry-After": retry_after} if retry_after else {})
        problems, waits = _fetch_all(partner, ["/busy/"], **{"max_retry_after": limit})
    assert routes.asked == ["/robots.txt", "/busy/", "/busy/", "/busy/"]
    assert problems == {"/busy/": "HTTP 429"}
    assert waits == pytest.approx(waited, abs=0.01)


def test_retry_after_is_read_in_seconds_or_as_a_date() -> None:
    from compliance.audit.fetching import retry_after_seconds

    now = 4_102_444_800.0  # 2100-01-01T00:00:00Z
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds(" 0 ") == 0.0
    assert retry_after_seconds("Fri, 01 Jan 2100 01:00:00 GMT", now=now) == 3600.0
    assert retry_after_seconds("Thu, 01 Jan 2099 00:00:00 GMT", now=now) == 0.0
    for unreadable in ("", "-5", "1.5", "soon", "Fri, 01 Jan 2100 01:00:00"):
        assert retry_after_seconds(unreadable, now=now) is None, unreadable


@pytest.mark.parametrize(("value", "error"), [("0", None), ("600", None), ("-1", "fetch max-retry-after must be a number of seconds, 0 or more")])
def test_max_retry_after_is_a_fetch_setting(tmp_path: Path, value: str, error: str | None) -> None:
    from compliance.audit.config import parse_audit_config
    from compliance.errors import ConfigError

    _originals(tmp_path / "originals")
    text = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - folder: originals/\noutput: out/\nfetch: {{max-retry-after: {value}}}\n"
    if error is None:
        assert parse_audit_config(text, tmp_path / "audit.yaml").fetch.max_retry_after == float(value)
    else:
        with pytest.raises(ConfigError, match=error):
            parse_audit_config(text, tmp_path / "audit.yaml")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("http://p.example/s3/", "http://p.example/s3/?utm_source=fb&utm_medium=social", True),
        ("http://p.example/s3/", "http://P.example/s3/amp/", True),
        ("http://p.example/s3/", "http://p.example/s3?amp=1#top", True),
        ("http://p.example/s3/?id=7", "http://p.example/s3/?fbclid=abc&id=7", True),
        # http and https serve one page.
        ("http://p.example/s3/", "HTTPS://p.example/s3?utm_campaign=x", True),
        # The link-back check's tracking parameters are the audit's too (one list, `compliance.urls`).
        ("http://p.example/s3/", "http://p.example/s3/?gbraid=1&wbraid=2&yclid=3", True),
        ("http://p.example/s3/", "http://p.example/s3/?_hsenc=p2A&_hsmi=9&mkt_tok=abc", True),
        # A default port, dot segments and percent-encoding read as a browser reads them.
        ("https://p.example/s3/", "https://p.example:443/news/../s3/", True),
        ("http://p.example/s3/?id=7", "http://p.example/s3?id=7&amp=1", True),
        # AMP as the path's first segment, a `.amp` page, `outputType=amp`: the same page.
        ("http://p.example/news/s3/", "http://p.example/amp/news/s3/", True),
        ("https://p.example/news/s3.html", "http://p.example/amp/news/s3.amp.html", True),
        ("http://p.example/news/s3", "http://p.example/news/s3?outputType=AMP", True),
        ("http://p.example/news/s3/amp", "http://p.example/AMP/news/s3", True),
        # Another port is another server.
        ("http://p.example:8080/s3/", "http://p.example/s3/", False),
        # What tells pages apart is kept: another path, another parameter, another host.
        ("http://p.example/s3/", "http://p.example/s4/", False),
        ("http://p.example/story?id=3", "http://p.example/story?id=4", False),
        ("http://p.example/s3/", "http://q.example/s3/", False),
        ("http://p.example/amplifier/", "http://p.example/", False),
        ("http://p.example/amplifier/s3/", "http://p.example/s3/", False),
        ("http://p.example/music/amp/s3/", "http://p.example/music/s3/", False),
        ("http://p.example/news/s3.ampx", "http://p.example/news/s3", False),
        ("saved/a.html", "saved/a.html?utm_source=x", False),
        # A parameter that looks like a marker but says which page it is.
        ("http://p.example/s3/", "http://p.example/s3/?amp=0", False),
        ("http://p.example/s3/", "http://p.example/s3/?utm=1", False),
        ("http://p.example/s3/", "http://p.example/s3/?ref=home", False),
    ],
)
def test_addresses_of_one_page_are_one_page(first: str, second: str, same: bool) -> None:
    from compliance.audit.run import address_key

    assert (address_key(first) == address_key(second)) is same


@pytest.mark.parametrize("source", ["site", "warc", "folder"])
@pytest.mark.parametrize("other", ["/print/story-0/", "/news/story-0/?utm_source=x"])
def test_an_address_whose_page_differs_is_never_merged_into_the_compliant_copy(cli: Any, tmp_path: Path, source: str, other: str) -> None:
    _originals(tmp_path / "originals")
    routes: dict[str, Route] = {}
    with _site(routes) as partner:
        # The compliant article, and at another address of it (its canonical link names the article) a page stripped of its credit.
        pages = {"/news/story-0/": web.copy(PUBLISHER, partner, 0, "compliant"), other: web.copy(PUBLISHER, partner, 0, "stripped")}
        routes.update({path: (200, "text/html", body, {}) for path, body in pages.items()})
        routes["/robots.txt"] = (404, "text/plain", b"", {})
        if source == "site":
            where = f"  - site: {{urls: [{', '.join(partner + path for path in pages)}]}}\n"
        elif source == "warc":
            _warc(tmp_path / "crawl.warc.gz", [(partner + path, body) for path, body in pages.items()])
            where = "  - warc: crawl.warc.gz\n"
        else:
            (tmp_path / "saved").mkdir()
            for number, body in enumerate(pages.values()):
                (tmp_path / "saved" / f"page-{number}.html").write_bytes(body)
            where = "  - folder: saved/\n"
        (tmp_path / "audit.yaml").write_text(f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n{where}output: out/\n{FAST}", encoding="utf-8")
        run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    copies = sorted((copy["findings"], copy["also_at"]) for story in report["stories"] for copy in story["copies"])
    # Two copies, each with its own findings; the stripped one's errors in the report, not only in pages/.
    assert [findings for findings, _ in copies] == [[], ["dcnf/affiliation", "dcnf/logo"]]
    assert all(also_at == [] for _, also_at in copies)
    assert report["copies"] == report["pages_read"] == 2
    assert run.out.startswith("2 copies of 4 stories on 1 site; ")


def test_one_copy_at_tracking_and_amp_addresses_is_counted_once(tmp_path: Path) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    _originals(tmp_path / "originals")
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as partner:
        copy = web.copy(PUBLISHER, partner, 3, "stripped")
        for path in ("/s3/", "/s3/?utm_source=fb", "/s3/amp/", "/s4/"):
            routes[path] = (200, "text/html", copy if path != "/s4/" else web.copy(PUBLISHER, partner, 2, "stripped"), {})
        urls = ", ".join(f"{partner}{path}" for path in ("/s3/", "/s3/?utm_source=fb", "/s3/amp/", "/s4/"))
        (tmp_path / "audit.yaml").write_text(
            f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - site: {{urls: [{urls}]}}\noutput: out/\n{FAST}", encoding="utf-8"
        )
        report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    assert (report["pages_read"], report["copies"]) == (2, 2)
    assert sorted(c["url"] for s in report["stories"] for c in s["copies"]) == [f"{partner}/s3/", f"{partner}/s4/"]


@pytest.mark.parametrize(
    ("listed", "redirects"),
    [
        # A sitemap listing both the page and an address that redirects to it (with a tracking
        # parameter, to itself, or through two hops).
        (["/s3/", "/go/3"], {"/go/3": "/s3/?utm_source=x"}),
        (["/go/3", "/s3/"], {"/go/3": "/s3/"}),
        (["/s3/", "/short/3"], {"/short/3": "/go/3", "/go/3": "/s3/"}),
        # Only the redirecting address listed: the page is reported where it is, the address listed beside it.
        (["/go/3"], {"/go/3": "/s3/"}),
    ],
)
def test_an_address_that_redirects_to_a_copy_is_that_copy(tmp_path: Path, listed: list[str], redirects: dict[str, str]) -> None:
    from compliance.audit.run import load_audit_config, run_audit

    _originals(tmp_path / "originals")
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    with _site(routes) as partner:
        copy = web.copy(PUBLISHER, partner, 3, "stripped")
        routes["/s3/"] = routes["/s3/?utm_source=x"] = (200, "text/html", copy, {})
        for source, target in redirects.items():
            routes[source] = (301, "text/plain", b"", {"Location": f"{partner}{target}"})
        urls = ", ".join(f"{partner}{path}" for path in listed)
        (tmp_path / "audit.yaml").write_text(
            f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - site: {{urls: [{urls}]}}\noutput: out/\n{FAST}", encoding="utf-8"
        )
        report = run_audit(load_audit_config(tmp_path / "audit.yaml"))
    copies = [c for s in report["stories"] for c in s["copies"]]
    # One copy, with its violations counted once, at the address it was read at.
    assert [c["url"] for c in copies] == [f"{partner}/s3/"]
    assert report["copies"] == 1
    assert all(count == 1 for site in report["sites"] for count in site["violations"].values())
    # Each listed address that only redirects is one of its addresses.
    assert {f"{partner}{path}" for path in listed if path in redirects} <= set(copies[0]["also_at"])


def _redirect(location: str) -> Route:
    return (302, "text/plain", b"", {"Location": location})


def _cut(body: bytes, promised: int) -> Route:
    """An answer that promises `promised` bytes, sends `body` and closes the connection."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(promised))
        handler.end_headers()
        handler.wfile.write(body)

    return answer


def _raw(data: bytes) -> Route:
    """An answer of exactly `data` on the wire (nothing at all for b""), then the connection closed."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(data)

    return answer


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        # Redirects to what no browser reads are never followed: the documented wording, with the Location.
        (_redirect(BAD), f"not a URL a browser can read: the redirect's Location '{BAD}'"),
        (_redirect("http://127.0.0.1:99999/x"), "not a URL a browser can read: the redirect's Location 'http://127.0.0.1:99999/x'"),
        (_redirect("http://a b.example/"), "not a URL a browser can read: the redirect's Location 'http://a b.example/'"),
        (_redirect("//[::1/x"), "not a URL a browser can read: the redirect's Location '//[::1/x'"),
        # A control character in its host: the Location quoted, shown safely, never the HTTP library's words.
        (_redirect("http://exa\x1bmple.com/x"), "not a URL a browser can read: the redirect's Location 'http://exa\\x1bmple.com/x'"),
        (_redirect("http://a.example:8\x7f0/x"), "not a URL a browser can read: the redirect's Location 'http://a.example:8\\x7f0/x'"),
        # Redirects to another scheme are not followed.
        (_redirect("file:///etc/passwd"), "redirected to a file: address, which is not followed (only http and https are)"),
        (_redirect("ftp://files.example/story"), "redirected to a ftp: address, which is not followed (only http and https are)"),
        # Answers cut short, or none at all.
        (_cut(b"<html><p>short", 999_999), "answer cut short: the server closed the connection after 14 of its 999999 bytes"),
        (_cut(b"", 10), "answer cut short: the server closed the connection after 0 of its 10 bytes"),
        (
            _raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"),
            "answer cut short: the server closed the connection before its last chunk",
        ),
        (_raw(b""), "the server closed the connection without answering"),
        # What is not HTTP: its detail shown safely (no escape sequence reaches a terminal or a log).
        (
            _raw(b"NOT HTTP\x1b]8;;http://evil.example\x07 AT ALL\r\n\r\n"),
            "an answer that is not valid HTTP (illegal status line: bytearray(b'NOT HTTP\\x1b]8;;http://evil.example\\x07 AT ALL'))",
        ),
    ],
)
def test_a_failed_request_is_one_problem_in_the_licensors_words(route: Route, problem: str) -> None:
    with _site({"/page": route}) as partner:
        problems, _ = _fetch_all(partner, ["/page"], retries=0)
    assert problems == {"/page": problem}
    assert "Error" not in problem and "Protocol" not in problem


@pytest.mark.parametrize(
    ("location", "asked"),
    [
        # A control character in the path or query is percent-encoded and followed, as a browser does.
        ("/news/\x1b[31mX", "/news/%1B[31mX"),
        ("/news/x/?a=\x01b\x7f", "/news/x/?a=%01b%7F"),
        # Tabs and line breaks are dropped, as are control characters and spaces at either end.
        ("\x01 /news/\tx/ ", "/news/x/"),
    ],
)
def test_a_redirect_whose_location_holds_a_control_character_is_followed_as_a_browser_does(location: str, asked: str) -> None:
    routes = _Logged()
    with _site(routes) as partner:
        routes["/robots.txt"] = (404, "text/plain", b"", {})
        routes["/go/"] = _redirect(location)  # type: ignore[assignment]
        routes[asked] = (200, "text/html", web.copy(PUBLISHER, partner, 0, "stripped"), {})
        problems, _ = _fetch_all(partner, ["/go/"], retries=0)
    assert problems == {"/go/": ""}
    assert routes.asked == ["/robots.txt", "/go/", asked]


def test_a_tls_failure_says_so_and_the_site_is_unreachable() -> None:
    with _site({}) as partner:
        secure = partner.replace("http://", "https://")  # TLS spoken to a server that answers in plain HTTP
        problems, _ = _fetch_all(secure, ["/news/story-0/"], retries=0)
    (problem,) = problems.values()
    assert problem.startswith(f"site unreachable: no connection to {partner.removeprefix('http://')} (TLS failed: ")
    assert "SSL" not in problem and "_ssl.c" not in problem and "Error" not in problem


@pytest.mark.parametrize(
    ("cause", "phrase"),
    [
        (ConnectionResetError(104, "Connection reset by peer"), "connection reset by the server"),
        (ConnectionRefusedError(111, "Connection refused"), "connection refused"),
        (OSError(32, "Broken pipe"), "connection lost while reading the answer ([Errno 32] Broken pipe)"),
    ],
)
def test_a_lost_connection_is_named_by_what_the_system_said(cause: OSError, phrase: str) -> None:
    import httpcore
    import httpx

    from compliance.httpfailures import failure_phrase

    # As httpx raises it: its error, from httpcore's, from the socket's.
    try:
        try:
            try:
                raise cause
            except OSError as exc:
                raise httpcore.ReadError(str(exc)) from exc
        except httpcore.ReadError as exc:
            raise httpx.ReadError(str(exc)) from exc
    except httpx.ReadError as exc:
        assert failure_phrase(exc) == phrase


def test_a_symbolic_link_out_of_a_folder_the_audit_reads_is_not_followed(cli: Any, tmp_path: Path) -> None:
    # As `check` walks a directory: a link that leads out of the folder given is named, not read,
    # whatever it leads to (a copy, a system file, a folder, an archive); a link within is read.
    _originals(tmp_path / "originals")
    outside = tmp_path / "elsewhere"
    (outside / "pages").mkdir(parents=True)
    (outside / "copy-0.html").write_bytes(web.copy(PUBLISHER, "https://valley.example", 0, "stripped"))
    (outside / "pages" / "copy-1.html").write_bytes(web.copy(PUBLISHER, "https://valley.example", 1, "stripped"))
    _warc(outside / "crawl.warc.gz", [("http://c.example/news/story-2/", web.copy(PUBLISHER, "http://c.example", 2, "stripped"))])
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "copy-3.html").write_bytes(web.copy(PUBLISHER, "https://valley.example", 3, "compliant"))
    (saved / "again.html").symlink_to(saved / "copy-3.html")
    (saved / "copy-0.html").symlink_to(outside / "copy-0.html")
    (saved / "passwd.html").symlink_to("/etc/passwd")
    (saved / "pages").symlink_to(outside / "pages")
    (saved / "\x1b[31mred\u202e.html").symlink_to(outside / "copy-0.html")
    archives = tmp_path / "archives"
    archives.mkdir()
    (archives / "crawl.warc.gz").symlink_to(outside / "crawl.warc.gz")
    config = tmp_path / "audit.yaml"
    config.write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\n  - warc: archives/\noutput: out/\n", encoding="utf-8")
    run = cli("audit", str(config))
    assert run.code == 0, run.err
    report = _report(tmp_path / "out")
    # Only the page inside the folder is read, at both of its names: one copy of story 3.
    assert [(s["story"], len(s["copies"])) for s in report["stories"] if s["copies"]] == [("originals/story-3.html", 1)]
    lines = [json.loads(line) for part in sorted((tmp_path / "out" / "pages").glob("*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["url"] for line in lines) == ["saved/again.html", "saved/copy-3.html"]
    problems = {p["url"]: p["problem"] for p in report["problems"]}
    link = "not read: a symbolic link to a regular file outside the directories given, not followed"
    assert problems == {
        "saved/copy-0.html": link,
        "saved/passwd.html": link,
        "saved/pages": "not read: a symbolic link to a directory outside the directories given, not followed",
        # The report holds the name as it is, escaped in its JSON text (`\u001b`), never raw.
        "saved/\x1b[31mred\u202e.html": link,
        str(archives / "crawl.warc.gz"): link,
    }
    assert "\x1b" not in run.err and "\u202e" not in run.err
    text = (tmp_path / "out" / "report.json").read_text(encoding="utf-8") + (tmp_path / "out" / "dashboard.html").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\u202e" not in text


# --------------------------------------------------------------------------------------------
# Pages fetched in order, never far ahead of the audit
# --------------------------------------------------------------------------------------------


def _counting_fetch(delays: dict[str, float] | None = None) -> tuple[Callable[[str], Any], list[str]]:
    """A fetch that records each URL it was asked for and answers after `delays[url]` seconds."""
    import time

    from compliance.audit.fetching import Fetched

    asked: list[str] = []
    lock = threading.Lock()

    def fetch(url: str) -> Fetched:
        with lock:
            asked.append(url)
        time.sleep((delays or {}).get(url, 0.0))
        return Fetched(url, 200, url.encode(), content_type="text/html")

    return fetch, asked


def test_pages_come_in_list_order_whatever_order_they_are_fetched_in() -> None:
    from compliance.audit.sources import fetched_in_order

    urls = [f"https://partner.example/{n}" for n in range(40)]
    # The early pages are the slowest to answer: later ones are done first.
    fetch, asked = _counting_fetch({url: 0.02 if n < 5 else 0.0 for n, url in enumerate(urls)})
    got = list(fetched_in_order(fetch, urls, workers=4, ahead=8))
    assert [url for url, _ in got] == urls
    assert [outcome.body for _, outcome in got] == [url.encode() for url in urls]
    assert sorted(asked) == sorted(urls)


def test_pages_are_fetched_at_most_a_window_ahead_of_the_audit() -> None:
    from compliance.audit.sources import fetched_in_order

    urls = (f"https://partner.example/{n}" for n in range(100_000))  # read as it goes, never listed whole
    fetch, asked = _counting_fetch()
    pages = fetched_in_order(fetch, urls, workers=4, ahead=8)
    taken = [next(pages) for _ in range(3)]
    assert [url for url, _ in taken] == [f"https://partner.example/{n}" for n in range(3)]
    # Three taken, at most eight more submitted: the other 99,989 were never asked for.
    assert 3 <= len(asked) <= 3 + 8
    pages.close()  # the audit stopped: nothing more is fetched
    count = len(asked)
    assert count <= 3 + 8
    assert list(pages) == []
    assert len(asked) == count


def test_a_window_smaller_than_the_threads_is_as_wide_as_the_threads() -> None:
    from compliance.audit.sources import fetched_in_order

    urls = [f"https://partner.example/{n}" for n in range(12)]
    fetch, asked = _counting_fetch()
    pages = fetched_in_order(fetch, urls, workers=4, ahead=1)
    assert next(pages)[0] == urls[0]
    # Four submitted before the first is taken (one per thread), not one at a time.
    assert len(asked) <= 4
    assert [url for url, _ in pages] == urls[1:]
    assert sorted(asked) == sorted(urls)
