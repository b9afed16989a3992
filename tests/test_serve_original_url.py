"""The editor's page's Original URL: with `--allow-fetch` it is the original the copy is compared
with (as the API's `meta.original`), and the page says so; without, it is the link back's address
only, the page says that too, and a result whose packs compare with the original says those
rules were not checked and how to have them checked."""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.findings import Finding, FixBlock, Location, Report, Severity
from compliance.runner import FileResult
from compliance.serve import ServeSettings
from compliance.serve.app import create_app, page_advice, page_check_meta, said_for_the_page
from tests.conftest import ROOT

ORIGINALS = ROOT / "samples" / "originals"
TRUNCATED = (ORIGINALS / "propublica-truncated.md").read_bytes()
# A ProPublica copy without its credit line (docs/serve.md's example).
WELDS = (ROOT / "docs" / "examples" / "welds.md").read_bytes()
FAITHFUL = (ORIGINALS / "propublica-faithful.md").read_bytes()
# The address the server listens on by default, which the Host of every request must name; the
# originals are served on loopback, which a fetch reaches only as a trusted network.
BASE = "http://127.0.0.1:8080"
LOOPBACK = ("127.0.0.0/8",)
NOT_COMPARED = "the copy was not compared with the original story at the Original URL"


@pytest.fixture
def original_site() -> Iterator[str]:
    """A loopback server with the ProPublica original at /story (and nothing else)."""
    page = (ORIGINALS / "propublica-original.html").read_bytes()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == "/story"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page if found else b"")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/story"
    finally:
        server.shutdown()
        server.server_close()


def _submit(client: TestClient, article: bytes, original_url: str = "", original_file: bytes | None = None) -> str:
    data = {"original_url": original_url} if original_url else {}
    files = {"file": ("story.md", article, "text/markdown")}
    if original_file is not None:
        files["original_file"] = ("original.html", original_file, "text/html")
    answer = client.post("/", files=files, data=data)
    assert answer.status_code == 200
    return html.unescape(answer.text)


def test_with_allow_fetch_the_original_url_is_the_original(original_site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path))
    client = TestClient(create_app(ServeSettings(allow_fetch=True, fetch_from=LOOPBACK)), base_url=BASE)
    page = _submit(client, TRUNCATED, original_url=original_site)
    assert "Result: findings to fix" in page
    assert "propublica/fidelity" in page and "the story stops after paragraph" in page
    assert NOT_COMPARED not in page
    # The faithful copy passes the same comparison.
    assert "Result: no findings at or above the threshold" in _submit(client, FAITHFUL, original_url=original_site)


def test_with_allow_fetch_the_page_says_the_copy_is_compared() -> None:
    page = TestClient(create_app(ServeSettings(allow_fetch=True, fetch_from=LOOPBACK)), base_url=BASE).get("/").text
    assert "The copy is compared with the original story at this address" in page
    assert "this server does not fetch it" not in page


def test_without_allow_fetch_the_page_says_the_url_is_the_link_back_only() -> None:
    page = html.unescape(TestClient(create_app(ServeSettings()), base_url=BASE).get("/").text)
    assert "Used for the link back and the blocks to paste only: this server does not fetch it" in page
    assert 'name="original_file"' in page
    assert "The copy is compared with the original story" not in page


def test_without_allow_fetch_the_result_says_the_comparison_was_not_made() -> None:
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    page = _submit(client, TRUNCATED, original_url="https://www.propublica.org/article/pipeline-weld-inspections-records")
    assert NOT_COMPARED in page
    # The status line does not read as a clean pass.
    assert "Result: no findings at or above the threshold; 5 rule(s) not checked (see the notes)" in page
    assert "save the original story's page and upload it as the original story's file, or start the server with --allow-fetch" in page
    # The rules that compare with the original are named, and the fetch was never tried.
    assert "propublica/fidelity" in page and "propublica/original-reporter" in page and "propublica/original-embargo" in page
    assert "original-unavailable" not in page


@pytest.mark.parametrize(
    ("article", "original_url"),
    [
        # No Original URL given: nothing was asked for.
        (TRUNCATED, ""),
        # No pack applies: no rule would have compared.
        (b"# A story\n\nText of a story no publisher's terms cover.\n", "https://news.example.org/story"),
    ],
)
def test_no_note_when_no_comparison_was_asked_for(article: bytes, original_url: str) -> None:
    page = _submit(TestClient(create_app(ServeSettings()), base_url=BASE), article, original_url=original_url)
    assert NOT_COMPARED not in page


@pytest.mark.parametrize(
    ("meta", "fetches", "checked"),
    [
        ({"original_url": "https://example.org/a"}, True, {"original_url": "https://example.org/a", "original": "https://example.org/a"}),
        ({"original_url": "https://example.org/a"}, False, {"original_url": "https://example.org/a"}),
        ({"reporter": "Jake Smith"}, True, {"reporter": "Jake Smith"}),
    ],
)
def test_page_check_meta(meta: dict[str, str], fetches: bool, checked: dict[str, str]) -> None:
    assert page_check_meta(meta, fetches=fetches) == checked


ORIGINAL_PAGE = (ORIGINALS / "propublica-original.html").read_bytes()


@pytest.mark.parametrize("fetches", [False, True])
def test_an_uploaded_original_is_compared_with(fetches: bool) -> None:
    client = TestClient(create_app(ServeSettings(allow_fetch=fetches, fetch_from=LOOPBACK)), base_url=BASE)
    # An Original URL the server could not fetch anyway (port 9, discard): the upload is the original.
    truncated = _submit(client, TRUNCATED, original_url="http://127.0.0.1:9/story", original_file=ORIGINAL_PAGE)
    assert "Result: findings to fix" in truncated and "the story stops after paragraph" in truncated
    assert NOT_COMPARED not in truncated and "original-unavailable" not in truncated
    faithful = _submit(client, FAITHFUL, original_file=ORIGINAL_PAGE)
    assert "Result: no findings at or above the threshold" in faithful


def test_an_uploaded_original_names_the_publisher_of_a_stripped_copy() -> None:
    stripped = b"# Pipeline inspectors signed off on welds\n\nInspectors signed off on 41 welds in one morning.\n"
    page = _submit(TestClient(create_app(ServeSettings()), base_url=BASE), stripped, original_file=ORIGINAL_PAGE)
    assert "the propublica pack applies because the original given is ProPublica's story" in page
    assert "Result: findings to fix" in page


def test_an_empty_original_file_input_is_no_original() -> None:
    # A file input where no file was chosen: the browser sends no name and no bytes. (A chosen
    # file that is empty is refused: tests/test_original_not_a_story.py.)
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    answer = client.post("/", files={"file": ("story.md", TRUNCATED, "text/markdown"), "original_file": ("", b"", "application/octet-stream")})
    assert answer.status_code == 200
    assert "Result: no findings at or above the threshold" in html.unescape(answer.text)


def test_an_original_file_over_the_limit_is_refused() -> None:
    client = TestClient(create_app(ServeSettings(max_bytes=64 * 1024)), base_url=BASE)
    answer = client.post("/", files={"file": ("story.md", TRUNCATED, "text/markdown"), "original_file": ("o.html", b"<p>" + b"x" * (80 * 1024), "text/html")})
    assert answer.status_code == 413
    assert "the original story's file is larger than the limit" in html.unescape(answer.text)


def test_without_an_original_the_page_says_to_give_it_in_its_own_fields() -> None:
    # The engine's note names the command line's --original FILE; an editor on the page gives the
    # original story in the page's fields instead.
    page = _submit(TestClient(create_app(ServeSettings()), base_url=BASE), TRUNCATED)
    # This server fetches no page: only the Original story file is offered.
    given_on_the_page = "(upload the original story's saved page as the Original story file)"
    assert f"compare the copy with the original story, and none was given {given_on_the_page}" in page
    assert "--original FILE" not in page
    # One that fetches (--allow-fetch) compares the copy with the page at the Original URL too.
    page = _submit(TestClient(create_app(ServeSettings(allow_fetch=True)), base_url=BASE), TRUNCATED)
    given_on_the_page = "(upload the original story's saved page as the Original story file, or give its Original URL)"
    assert f"compare the copy with the original story, and none was given {given_on_the_page}" in page


def test_the_line_below_a_block_to_paste_names_the_pages_fields() -> None:
    page = _submit(TestClient(create_app(ServeSettings()), base_url=BASE), WELDS)
    assert (
        "Replace [ORIGINAL URL] with the original story's URL before pasting, or give it and check again: "
        "the Original URL field, or an Original story file whose canonical link names it, or have the article name it: a link back to it, "
        "its head's canonical link or syndication-source meta tag, or in Markdown or text its front matter's canonical_url or original_url."
    ) in page
    assert "--meta" not in page


def test_with_the_original_url_given_no_block_needs_a_line_below_it() -> None:
    page = _submit(TestClient(create_app(ServeSettings()), base_url=BASE), WELDS, original_url="https://www.propublica.org/article/welds")
    assert "[ProPublica](https://www.propublica.org/article/welds)" in page
    assert "Replace [ORIGINAL URL]" not in page


@pytest.mark.parametrize(
    ("said", "on_the_page"),
    [
        (
            "Replace [REPORTER] with the reporter's name before pasting, or give it and check again: "
            "the original story (--original FILE) or --meta reporter=NAME",
            "Replace [REPORTER] with the reporter's name before pasting, or give it and check again: "
            "the Reporter field, or upload the original story as the Original story file",
        ),
        (
            "Replace [HEADLINE] with the original headline before pasting, or give it and check again: "
            "the original story (--original FILE) or --meta original_headline=TEXT",
            "Replace [HEADLINE] with the original headline before pasting, or give it and check again: "
            "the Original headline field, or upload the original story as the Original story file",
        ),
        # A pack's own value, by the same options one at a time; a key the page has no field for
        # goes under "Other metadata".
        (
            "Replace [LOGO URL] with the logo URL before pasting, or give it and check again: "
            'the original story with its image whose alt text reads "logo" (--original FILE) or --meta gazette-logo=VALUE',
            "Replace [LOGO URL] with the logo URL before pasting, or give it and check again: "
            'the original story with its image whose alt text reads "logo" (the Original story file) or gazette-logo=VALUE under Other metadata',
        ),
        # What needs no rewording stays as it is.
        ("Replace [LOGO URL] with the logo URL before pasting", "Replace [LOGO URL] with the logo URL before pasting"),
    ],
)
def test_every_way_to_give_a_value_is_said_as_the_pages_field(said: str, on_the_page: str) -> None:
    finding = Finding("gazette/credit", Severity.ERROR, "No credit.", "Add it.", Location(1), fix=FixBlock("[X]", "before the body", None, (said,)))
    result = said_for_the_page(FileResult(Report(path="story.md", packs=("gazette",), findings=(finding,))))
    (shown,) = result.report.findings
    assert shown.fix is not None
    assert shown.fix.fill_in == (on_the_page,)


def test_the_block_to_paste_says_its_address_is_the_original_url_field() -> None:
    page = _submit(TestClient(create_app(ServeSettings()), base_url=BASE), WELDS, original_url="https://www.propublica.org/article/welds")
    assert "The original's address is from the Original URL field." in page
    assert "'original_url' metadata" not in page


@pytest.mark.parametrize(
    ("key", "on_the_page"),
    [
        ("original_headline", "give it in the Original headline field"),
        ("reporter", "give it in the Reporter field"),
        ("original-url", "give it in the Original URL field"),
        ("gazette-logo", "give it as a line gazette-logo=… under Other metadata"),
    ],
)
def test_a_rule_not_checked_for_a_missing_value_names_the_pages_field(key: str, on_the_page: str) -> None:
    # The notes are written in the page's words as they are made, not reworded after.
    assert page_advice(fetches=False).give(key) == on_the_page


def test_the_page_says_where_to_give_the_original_headline() -> None:
    copy = (ROOT / "samples" / "calmatters" / "compliant-wordpress.html").read_bytes()
    answer = TestClient(create_app(ServeSettings()), base_url=BASE).post("/", files={"file": ("story.html", copy, "text/html")})
    page = html.unescape(answer.text)
    assert "it needs the headline CalMatters gave the story (give it in the Original headline field, or upload the original story's saved page" in page
    assert "--meta" not in page and "--original" not in page
