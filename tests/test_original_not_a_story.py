"""An original story that is no story — an empty file, an image, binary data — is said to be
that, naming the file and what to give instead, where it is given: on the command line one line
and exit 2 before anything is checked (as an empty or binary article gets exit 2), in an article's
own metadata a note on that article, on the editor's page a refusal naming the page's field. Read
as a story, it used to "share no text with this copy" and "name no reporter", which blamed the copy.

And an original's URL a server does not fetch says what the client of that server can do, not
which option to add to a command line it does not run."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.decoding import not_an_article
from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import ROOT

COPY = ROOT / "samples" / "originals" / "propublica-faithful.md"
ORIGINAL = ROOT / "samples" / "originals" / "propublica-original.html"
BASE = "http://127.0.0.1:8080"

# (file's bytes, what the file is said to be)
NOT_STORIES = [
    (b"", "empty"),
    (b"  \n\t\r\n", "empty"),
    (b"\xef\xbb\xbf\n", "empty"),  # an editor's empty file: a byte-order mark
    (" \n".encode("utf-16"), "empty"),  # UTF-16 with its byte-order mark
    ("\u00a0\u3000\n".encode(), "empty"),  # no-break and ideographic spaces only
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image, not an article"),
    (b"%PDF-1.7\n" + bytes(range(256)), "a PDF document, not an article"),
    (b"\x7fELF\x02\x01\x01" + bytes(300), "an executable, not an article"),
    (bytes(range(32)) * 20, "binary data (NUL and control bytes), not an article"),
]
STORIES = [b"<p>x</p>", b"\xef\xbb\xbf<p>x</p>", "<p>caf\u00e9</p>".encode("utf-16"), "\u00a0<p>x</p>".encode(), b"\n\n# A headline\n"]


@pytest.mark.parametrize(("data", "said"), NOT_STORIES)
def test_a_file_that_holds_no_story_is_told(data: bytes, said: str) -> None:
    assert not_an_article(data) == said


@pytest.mark.parametrize("data", STORIES)
def test_a_file_that_holds_text_is_a_story(data: bytes) -> None:
    assert not_an_article(data) is None


def test_only_the_start_of_a_file_tells_binary_data_not_emptiness() -> None:
    assert not_an_article(b"\x89PNG\r\n\x1a\n", whole=False) == "a PNG image, not an article"
    assert not_an_article(b"   ", whole=False) is None


@pytest.mark.parametrize("option", ["--original", "--meta"])
@pytest.mark.parametrize(("data", "said"), NOT_STORIES)
def test_the_command_line_refuses_it_in_one_line_before_checking(cli: Any, tmp_path: Path, option: str, data: bytes, said: str) -> None:
    original = tmp_path / "original.html"
    original.write_bytes(data)
    given = ("--original", str(original)) if option == "--original" else ("--meta", f"original={original}")
    for command in ("check", "fix"):
        run = cli(command, *given, str(COPY))
        assert run.code == 2, run.err
        assert run.out == ""
        (line,) = run.err.strip().splitlines()
        named = "--original" if option == "--original" else "--meta original"
        assert line == f"syndcheck: error: {named}: '{original}' is {said} — {named} takes the saved original story, a file (HTML, text or Markdown)"


@pytest.mark.parametrize("option", ["--original", "--meta"])
def test_an_original_over_the_size_read_is_refused_in_one_line_before_checking(cli: Any, tmp_path: Path, option: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The run would leave it unread with a note, and the comparison asked for would not be made.
    monkeypatch.setattr("compliance.originals.FETCH_MAX_BYTES", 4096)
    original = tmp_path / "original.html"
    original.write_bytes(ORIGINAL.read_bytes()[:2000] + b"<p>" + b"words " * 1000 + b"</p>")
    size = original.stat().st_size
    given = ("--original", str(original)) if option == "--original" else ("--meta", f"original={original}")
    for command in ("check", "fix"):
        run = cli(command, *given, str(COPY))
        assert run.code == 2, run.err
        (line,) = run.err.strip().splitlines()
        named = "--original" if option == "--original" else "--meta original"
        assert line.startswith(f"syndcheck: error: {named}: '{original}' is {size:,} bytes, more than the 4,096 an original story is read to — save"), line


def test_a_text_original_is_still_compared(cli: Any) -> None:
    run = cli("check", "--format", "concise", "--select", "propublica/fidelity", "--original", str(ORIGINAL), str(COPY))
    assert run.code == 0, run.err
    assert "shares no text" not in run.out + run.err


def test_an_original_an_article_names_that_holds_no_story_is_a_note_on_that_article(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "blank.html").write_bytes(b"\xef\xbb\xbf  \n")
    body = COPY.read_text(encoding="utf-8")
    for name in ("logo.png", "blank.html"):
        (tmp_path / f"copy-{name}.md").write_text(f"---\noriginal: {name}\n---\n{body}", encoding="utf-8")
    run = cli("check", "--format", "json", str(tmp_path))
    assert run.code in (0, 1), run.err
    notes = {Path(f["path"]).name: [n["message"] for n in f["notices"] if n["code"] == "original-unavailable"] for f in run.json()["files"]}
    advice = "give the original story's saved page (HTML, text or Markdown)"
    named = "original story not read (the article's front matter names it)"
    assert notes["copy-logo.png.md"] == [f"{named}: logo.png: the file is a PNG image, not an article — {advice}"]
    assert notes["copy-blank.html.md"] == [f"{named}: blank.html: the file is empty — {advice}"]
    assert "shares no text" not in run.out


def _page_text(answer: Any) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", answer.text))


@pytest.mark.parametrize(("data", "said"), NOT_STORIES)
def test_the_editors_page_refuses_it_naming_its_own_field(data: bytes, said: str) -> None:
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    answer = client.post("/", files={"file": ("story.md", COPY.read_bytes(), "text/markdown"), "original_file": ("saved.html", data, "text/html")})
    assert answer.status_code == 400
    text = _page_text(answer)
    assert f"the Original story file ('saved.html') is {said}: choose the original story's saved page (HTML, text or Markdown) there, or clear it" in text
    assert "--original" not in text
    assert "shares no text" not in text


def test_an_original_file_input_left_empty_is_no_original() -> None:
    # What a browser sends for a file input where no file was chosen: no name, no bytes.
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    answer = client.post("/", files={"file": ("story.md", COPY.read_bytes(), "text/markdown"), "original_file": ("", b"", "application/octet-stream")})
    assert answer.status_code == 200
    assert "Original story file (" not in _page_text(answer)


def test_an_api_client_is_told_what_it_can_do_about_an_original_url_not_fetched() -> None:
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    answer = client.post("/v1/check", json={"html": ORIGINAL.read_text(encoding="utf-8"), "meta": {"original": "https://www.propublica.org/article/welds"}})
    assert answer.status_code == 200
    (note,) = [n["message"] for n in answer.json()["files"][0]["notices"] if n["code"] == "original-unavailable"]
    assert note == (
        "original story not read: https://www.propublica.org/article/welds is a URL; this server does not fetch pages, so the copy is not compared with it:"
        " its operator can start it with --allow-fetch, or send the original's saved page as original_file in the editor's page's form (POST /)"
    )
    assert "add --allow-fetch" not in note


def test_the_editors_page_says_it_with_its_own_field() -> None:
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    answer = client.post(
        "/", files={"file": ("story.md", COPY.read_bytes(), "text/markdown")}, data={"other_meta": "original=https://www.propublica.org/article/welds"}
    )
    assert answer.status_code == 200
    text = _page_text(answer)
    assert (
        "this server does not fetch pages, so the copy is not compared with it: save the original story's page and upload it as the Original story file" in text
    )
    assert "original_file" not in text.split("Result", 1)[-1]


def test_the_command_line_still_says_to_add_allow_fetch(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.md"
    copy.write_text("---\noriginal: https://www.propublica.org/article/welds\n---\n" + COPY.read_text(encoding="utf-8"), encoding="utf-8")
    run = cli("check", "--format", "json", str(copy))
    (note,) = [n["message"] for n in run.json()["files"][0]["notices"] if n["code"] == "original-unavailable"]
    assert note.endswith("is a URL; add --allow-fetch to fetch it, or save the page and give its file")


# An article that names its original by a file of the server's host: its front matter, a JSON
# payload's `meta`, an `original=PATH` line of the page's Other metadata. The file is not read.
NAMED_BY_FILE = "---\noriginal: " + str(ORIGINAL) + "\n---\n" + COPY.read_text(encoding="utf-8")


def _unavailable(answer: Any) -> str:
    (note,) = [n["message"] for n in answer.json()["files"][0]["notices"] if n["code"] == "original-unavailable"]
    return note  # type: ignore[no-any-return]


@pytest.mark.parametrize("content_type", ["text/markdown", "text/plain"])
def test_an_api_client_is_told_the_server_reads_no_file_in_the_apis_terms(content_type: str) -> None:
    # (A payload's `meta.original` that is not a URL is refused before the check: docs/serve.md.)
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    answer = client.post("/v1/check", content=NAMED_BY_FILE.encode("utf-8"), headers={"Content-Type": content_type})
    assert answer.status_code == 200
    note = _unavailable(answer)
    assert note == (
        f"original story not read (the article's front matter names it): '{ORIGINAL}': the server reads no file a request names:"
        " give the original story's http(s) URL as meta.original"
        " (fetched when the server runs with --allow-fetch), or send its saved page as original_file in the editor's page's form (POST /)"
    )


def test_the_editors_page_says_the_server_reads_no_file_with_its_own_fields() -> None:
    client = TestClient(create_app(ServeSettings()), base_url=BASE)
    answer = client.post("/", files={"file": ("story.md", NAMED_BY_FILE.encode("utf-8"), "text/markdown")})
    assert answer.status_code == 200
    text = _page_text(answer)
    assert "the server reads no file an article names: upload the original story's saved page as the Original story file\n" in text
    result = text.split("Result", 1)[-1]
    assert "CMS payload" not in result and "--original" not in result and "meta.original" not in result


def test_a_cms_payload_on_the_command_line_is_still_told_to_give_the_file_with_original(cli: Any, tmp_path: Path) -> None:
    payload = tmp_path / "payload.json"
    payload.write_text('{"html": "<p>By Hollis Brandt, ProPublica</p>", "meta": {"original": "story.html"}}', encoding="utf-8")
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(payload))
    (note,) = [n["message"] for n in run.json()["files"][0]["notices"] if n["code"] == "original-unavailable"]
    assert note == (
        "original story not read: 'story.html': a CMS payload names the original story only by its http(s) URL, never a file;"
        " give the file with --original FILE, or the original's URL"
    )
