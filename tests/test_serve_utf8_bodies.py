"""RFC 8259 §8.1 has JSON exchanged as UTF-8: a JSON body with a byte that is not UTF-8 is
refused (400 `bad-json`, its offset named), never read by a guess at its encoding; a text field
of the editor's multipart form is UTF-8 with U+FFFD for a bad byte, as browsers and the WHATWG
multipart/form-data parser read it, never Latin-1. Sent as raw bytes to a real uvicorn server on
loopback."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import httpx
import pytest

from compliance.serve import ServeSettings
from tests.test_serve import _free_port, _serve_in_thread

DCNF = b"<p>By Jake Smith, Daily Caller News Foundation</p>"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize(
    ("body", "bad"),
    [
        (b'{"html": "<p>\xff\xfe caf\xe9</p>"}', b"\xff"),  # Latin-1 / a stray UTF-16 mark inside
        (b'{"html": "<p>caf\xe9</p>"}', b"\xe9"),  # windows-1252 text
        (b'{"html": "<p>x</p>", "reporter": "Jos\xc3"}', b"\xc3"),  # a character cut short
        (b'\xef\xbb\xbf{"html": "<p>\xed\xa0\x80</p>"}', b"\xed"),  # an encoded surrogate, after a UTF-8 mark
        (b'{"html": "<p>x</p>", "meta": {"reporter": "A\x80B"}}', b"\x80"),  # a lone continuation byte
    ],
)
def test_a_json_body_that_is_not_utf8_is_refused_with_its_offset(base: str, body: bytes, bad: bytes) -> None:
    offset, byte = body.index(bad), bad[0]
    answer = httpx.post(f"{base}/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert answer.json()["error"] == {
        "code": "bad-json",
        "message": f"the body is not UTF-8 (RFC 8259 §8.1): byte {offset} (0x{byte:02x}) is not valid UTF-8; send the JSON encoded as UTF-8",
    }


@pytest.mark.parametrize("body", ['{"html": "<p>café</p>"}'.encode(), b'\xef\xbb\xbf{"html": "<p>caf\xc3\xa9</p>"}', '{"html": "<p>x</p>"}'.encode("utf-16")])
def test_a_json_body_in_utf8_or_utf16_is_read(base: str, body: bytes) -> None:
    answer = httpx.post(f"{base}/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 200


def _multipart(fields: dict[str, bytes]) -> bytes:
    parts = [b'--XX\r\nContent-Disposition: form-data; name="' + name.encode() + b'"\r\n\r\n' + value + b"\r\n" for name, value in fields.items()]
    return b"".join(parts) + b"--XX--\r\n"


def _field(page: str, name: str) -> str:
    (value,) = re.findall(rf'name="{name}" value="([^"]*)"', page)
    return html.unescape(value)


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        (b"Jos\xe9 N\xfa\xf1ez", "Jos\ufffd N\ufffd\ufffdez"),  # Latin-1 bytes
        ("A\u202eB".encode() + b"\xed\xa0\x80C", "A\u202eB\ufffd\ufffd\ufffdC"),  # an encoded lone surrogate
        ("café ".encode() + b"\xc3", "café \ufffd"),  # a character cut short at the end
        (b"Ana Ruiz" + b"\x80", "Ana Ruiz\ufffd"),
    ],
)
@pytest.mark.parametrize("charset", ["", "; charset=latin-1"])
def test_a_form_field_with_a_bad_byte_is_utf8_with_a_replacement_character(base: str, sent: bytes, read: str, charset: str) -> None:
    body = _multipart({"article": DCNF, "pack": b"dcnf", "original_headline": sent})
    answer = httpx.post(f"{base}/", content=body, headers={"content-type": f"multipart/form-data; boundary=XX{charset}"})
    assert answer.status_code == 200
    assert _field(answer.text, "original_headline") == read


def test_a_form_field_in_utf8_comes_back_as_sent(base: str) -> None:
    sent = "Tomás Ferreira 李小龙 \u2066x\u2069"
    body = _multipart({"article": DCNF, "pack": b"dcnf", "original_headline": sent.encode()})
    answer = httpx.post(f"{base}/", content=body, headers={"content-type": "multipart/form-data; boundary=XX"})
    assert _field(answer.text, "original_headline") == sent


def test_a_multipart_body_that_cannot_be_read_is_still_one_line(base: str) -> None:
    answer = httpx.post(f"{base}/", content=b"--XX\r\nno header end", headers={"content-type": "multipart/form-data; boundary=XX"})
    assert answer.status_code == 400
    said = "the form could not be read (Invalid multipart data.): send the page's own form, or POST the article itself to /v1/check"
    assert said in html.unescape(answer.text)
