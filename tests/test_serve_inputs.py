"""`syndcheck serve`: what a request may carry and how its text comes back. The editor's form takes
pasted text or an uploaded file under either article field; the JSON answers are written as the
command line writes JSON; metadata is read as `--input-kind cms-json` reads it; a compressed body
is refused, not checked as an article."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")

from starlette.testclient import TestClient

from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import SAMPLES

DCNF = SAMPLES / "dcnf"
NO_LOGO = (DCNF / "no-logo.html").read_bytes()
LIMIT = 512 * 1024


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings(max_bytes=LIMIT)))


def _rules(page: str) -> set[str]:
    """The rules the page's report marks as failed."""
    return {part.split('"', 1)[0] for part in page.split('data-rule="')[1:]}


# -- the JSON answers are written as the command line writes JSON --

UNSAFE = ["\u202e", "\u2028", "\u2029", "\u0085", "\x9b", "\x7f", "\u2066", "\u200f", "\u061c"]


@pytest.mark.parametrize("char", UNSAFE)
def test_a_payload_id_with_a_control_is_escaped_in_the_json_as_the_cli_escapes_it(client: TestClient, cli: Any, char: str) -> None:
    payload = json.dumps({"id": f"x{char}y", "html": "<p>x</p>"}).encode()
    answer = client.post("/v1/check", content=payload, headers={"content-type": "application/json"})
    assert answer.status_code == 200
    assert char.encode("utf-8") not in answer.content
    escape = f"\\u{ord(char):04x}"
    assert f'"path":"payload#1 (x{escape}y)"' in answer.text
    assert answer.json()["files"][0]["path"] == f"payload#1 (x{char}y)"  # parses back to the exact text
    local = cli("check", "--input-kind", "cms-json", "--format", "json", "-", stdin=payload)
    assert f'"path": "<stdin>#1 (x{escape}y)"' in local.out


@pytest.mark.parametrize("char", UNSAFE)
def test_a_name_in_the_query_with_a_control_is_escaped_in_the_json(client: TestClient, char: str) -> None:
    answer = client.post("/v1/check", params={"name": f"bidi{char}x.html"}, content=b"<p>x</p>", headers={"content-type": "text/html"})
    assert answer.status_code == 200 and char.encode("utf-8") not in answer.content
    assert f'"path":"bidi\\u{ord(char):04x}x.html"' in answer.text


def test_metadata_and_notices_with_controls_are_escaped_too(client: TestClient) -> None:
    payload = {"html": "<p>x</p>", "meta": {"reporter": "Jake\u202eSmith"}, "headlin\u2028e": "x"}
    answer = client.post("/v1/check?pac\u0085k=dcnf", json=payload)
    assert answer.status_code == 200
    assert not any(char.encode("utf-8") in answer.content for char in UNSAFE)


def test_an_error_message_with_a_control_is_escaped(client: TestClient) -> None:
    body = b'{"html": "<p>x</p>", "meta": {"k\\u202e": "a", "k\\u202e": "b"}}'
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400 and b"\xe2\x80\xae" not in answer.content
    assert answer.json()["error"]["message"].startswith("field 'meta.k\u202e' is given twice")


@pytest.mark.parametrize("name", ["story.html", "café – Zürich.html", "日本語.md", "tab\there.html"])
def test_an_ordinary_name_comes_back_as_sent(client: TestClient, name: str) -> None:
    answer = client.post("/v1/check", params={"name": name}, content=b"<p>x</p>", headers={"content-type": "text/html"})
    assert answer.status_code == 200 and answer.json()["files"][0]["path"] == name
    if "\t" not in name:
        assert f'"path":"{name}"'.encode() in answer.content  # written as UTF-8, not as escapes
