"""`syndcheck serve`: what a request may carry and how its text comes back. The editor's form takes
pasted text or an uploaded file under either article field; the JSON answers are written as the
command line writes JSON; metadata is read as `--input-kind cms-json` reads it; a compressed body
is refused, not checked as an article."""

from __future__ import annotations

import gzip
import html
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")

from starlette.testclient import TestClient

from compliance.serve import ServeSettings
from compliance.serve.app import create_app, upload_name
from tests.conftest import ROOT, SAMPLES

# Where the server listens by default: a request's Host must name it (a browser's would).
BASE_URL = "http://127.0.0.1:8080"

DCNF = SAMPLES / "dcnf"
NO_LOGO = (DCNF / "no-logo.html").read_bytes()
LIMIT = 512 * 1024


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings(max_bytes=LIMIT)), base_url=BASE_URL)


def _rules(page: str) -> set[str]:
    """The rules the page's report marks as failed (a passed rule's mark is `class="mark ok"`)."""
    return set(re.findall(r'<a class="mark (?!ok")[^"]*" id="[^"]*" data-rule="([^"]*)"', page))


# -- the editor's form: an upload is the article, under either field --


@pytest.mark.parametrize("field", ["article", "file"])
@pytest.mark.parametrize(("name", "media"), [("no-logo.html", "text/html"), ("no-logo.htm", "application/octet-stream"), ("no-logo", "text/html")])
def test_an_uploaded_file_is_checked_as_the_article_under_either_field(client: TestClient, field: str, name: str, media: str) -> None:
    answer = client.post("/", files={field: (name, NO_LOGO, media)})
    assert answer.status_code == 200
    assert "dcnf/logo" in _rules(answer.text)
    assert "UploadFile" not in answer.text and "no rule pack applies" not in answer.text


@pytest.mark.parametrize("field", ["article", "file"])
@pytest.mark.parametrize("name", ["republished.txt", "republished.md", "republished.html", "republished"])
def test_an_upload_is_read_as_the_kind_its_suffix_names_as_on_the_command_line(client: TestClient, cli: Any, field: str, name: str) -> None:
    # The same bytes read as text, Markdown or HTML are different articles (a Markdown line break
    # is no line break): the upload gets the verdict the command line gives those bytes read from stdin under that name
    # (a name with no suffix it knows: the kind is sniffed from the content).
    text = (DCNF / "republished.txt").read_bytes()
    expected = cli("check", "--stdin-filename", name, "-", stdin=text).code
    answer = client.post("/", files={field: (name, text, "application/octet-stream")})
    assert answer.status_code == 200 and f'data-status="{expected}"' in answer.text


@pytest.mark.parametrize("field", ["article", "file"])
def test_an_uploaded_file_in_another_encoding_is_decoded_as_a_file_is(client: TestClient, field: str) -> None:
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\xe9 cr\xe8me</p></body></html>".encode("iso-8859-1")
    answer = client.post("/", files={field: ("latin.html", latin, "text/html")})
    assert answer.status_code == 200 and "Café crème" in html.unescape(answer.text)


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("no-logo.html", "no-logo.html"),
        ("C:\\Users\\me\\Desktop\\no-logo.html", "no-logo.html"),
        ("../../etc/no-logo.html", "no-logo.html"),
        ("/srv/www/no-logo.html", "no-logo.html"),
        ("  story one.html ", "story one.html"),
        ("", "uploaded article"),
        ("folder/", "uploaded article"),
    ],
)
def test_an_uploaded_file_is_named_by_its_file_name_without_folders(sent: str, shown: str) -> None:
    assert upload_name(sent) == shown


def test_an_upload_name_with_controls_is_shown_escaped_on_the_page(client: TestClient) -> None:
    answer = client.post("/", files={"article": ("evil\u202e\u2028lmth.html", NO_LOGO, "text/html")})
    assert answer.status_code == 200 and "dcnf/logo" in _rules(answer.text)
    assert "\u202e" not in answer.text and "\u2028" not in answer.text
    assert "evil\\u202e\\u2028lmth.html" in answer.text


def test_a_blank_file_input_beside_pasted_text_is_no_second_article(client: TestClient) -> None:
    # What a browser sends when nothing is chosen in the file input: an empty part with no file name.
    answer = client.post("/", data={"article": NO_LOGO.decode("utf-8")}, files={"file": ("", b"", "application/octet-stream")})
    assert answer.status_code == 200 and "dcnf/logo" in _rules(answer.text)


def test_pasted_text_in_a_url_encoded_form_is_still_checked(client: TestClient) -> None:
    answer = client.post("/", data={"article": NO_LOGO.decode("utf-8"), "pack": "dcnf", "reporter": "Jake Smith"})
    assert answer.status_code == 200 and "dcnf/logo" in _rules(answer.text)
    assert 'value="Jake Smith"' in answer.text


def test_text_sent_under_the_file_field_is_checked_as_pasted_text(client: TestClient) -> None:
    answer = client.post("/", data={"file": NO_LOGO.decode("utf-8")})
    assert answer.status_code == 200 and "dcnf/logo" in _rules(answer.text)


@pytest.mark.parametrize(
    ("files", "data", "told"),
    [
        ({"article": ("a.html", NO_LOGO, "text/html"), "file": ("b.html", NO_LOGO, "text/html")}, {}, "both 'article' (an upload) and 'file' (an upload)"),
        ({"file": ("b.html", NO_LOGO, "text/html")}, {"article": "<p>x</p>"}, "both 'article' (pasted text) and 'file' (an upload)"),
        ({"article": ("a.html", NO_LOGO, "text/html")}, {"file": "<p>x</p>"}, "both 'article' (an upload) and 'file' (pasted text)"),
    ],
)
def test_two_articles_in_one_form_are_refused_naming_both(client: TestClient, files: dict[str, Any], data: dict[str, str], told: str) -> None:
    answer = client.post("/", files=files, data=data)
    assert answer.status_code == 400
    assert f"{told} give an article: only one is checked; clear one of them" in html.unescape(answer.text)
    assert not _rules(answer.text)


@pytest.mark.parametrize("field", ["reporter", "original_url", "pack"])
def test_a_file_under_a_text_field_is_refused_naming_the_field(client: TestClient, field: str) -> None:
    answer = client.post("/", data={"article": NO_LOGO.decode("utf-8")}, files={field: ("x.txt", b"Jake Smith", "text/plain")})
    assert answer.status_code == 400
    assert f"'{field}' is an uploaded file; it must be text (upload the article as 'file')" in html.unescape(answer.text)
    assert "UploadFile" not in answer.text


@pytest.mark.parametrize("field", ["article", "file"])
def test_an_empty_upload_is_refused_as_no_article(client: TestClient, field: str) -> None:
    answer = client.post("/", files={field: ("empty.html", b" \n", "text/html")})
    assert answer.status_code == 400 and "paste an article or choose a file" in answer.text


@pytest.mark.parametrize("field", ["article", "file"])
def test_an_upload_over_the_limit_is_413(client: TestClient, field: str) -> None:
    answer = client.post("/", files={field: ("big.html", b"<p>" + b"x" * LIMIT + b"</p>", "text/html")})
    assert answer.status_code == 413 and f"larger than the limit of {LIMIT} bytes" in answer.text


@pytest.mark.parametrize(
    ("content", "media"),
    [(NO_LOGO, "text/html"), (b'{"html": "<p>x</p>"}', "application/json"), (NO_LOGO, "text/plain"), (NO_LOGO, "")],
)
def test_a_body_that_is_no_form_is_refused_on_the_page(client: TestClient, content: bytes, media: str) -> None:
    answer = client.post("/", content=content, headers={"content-type": media} if media else {})
    assert answer.status_code == 400
    assert "the page takes its own form (multipart/form-data); send an article itself to POST /v1/check" in answer.text
    assert answer.headers["content-type"].startswith("text/html")


def test_a_broken_multipart_body_is_a_400_on_the_page(client: TestClient) -> None:
    answer = client.post(
        "/", content=b"--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--x--\r\n", headers={"content-type": "multipart/form-data; boundary=x"}
    )
    assert answer.status_code == 400 and "the form could not be read" in answer.text


def test_the_page_has_both_article_fields() -> None:
    from compliance.formatters.context import FormatContext
    from compliance.serve.page import editor_page

    page = editor_page(FormatContext(packs=()), None)
    assert 'enctype="multipart/form-data"' in page
    assert '<textarea id="article" name="article"' in page and '<input id="file" type="file" name="file"' in page


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


# -- metadata values: as `--input-kind cms-json` reads them --


@pytest.mark.parametrize(("value", "read"), [("Jake Smith", True), (5, True), (2.5, True), (None, False), ("", True)])
@pytest.mark.parametrize("where", ["meta", "top"])
def test_a_string_or_number_is_metadata_and_null_is_none(client: TestClient, cli: Any, value: Any, read: bool, where: str) -> None:
    payload = {"html": "<p>x</p>", "meta": {"reporter": value}} if where == "meta" else {"html": "<p>x</p>", "reporter": value}
    answer = client.post("/v1/check", json=payload)
    assert (answer.status_code, answer.json()["status"]) == (200, 0)
    local = cli("check", "--input-kind", "cms-json", "--format", "json", "-", stdin=json.dumps(payload).encode())
    assert local.code == 0


# An array under a key that names people is names: the element that is not one is named.
@pytest.mark.parametrize(("value", "said"), [(True, "' is true"), (False, "' is false"), ([1], "[0]' is a number, not a name"), ({"a": 1}, "' is an object")])
@pytest.mark.parametrize("where", ["meta", "top"])
def test_true_false_an_array_or_an_object_is_refused_as_the_cli_refuses_it(client: TestClient, cli: Any, value: Any, said: str, where: str) -> None:
    payload = {"html": "<p>x</p>", "meta": {"reporter": value}} if where == "meta" else {"html": "<p>x</p>", "reporter": value}
    answer = client.post("/v1/check", json=payload)
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    field = "meta.reporter" if where == "meta" else "reporter"
    assert f"field '{field}{said}" in answer.json()["error"]["message"]
    local = cli("check", "--input-kind", "cms-json", "--format", "json", "-", stdin=json.dumps(payload).encode())
    assert local.code == 2 and answer.json()["error"]["message"] in local.err


@pytest.mark.parametrize("meta", ["dcnf", ["reporter"], 5, True])
def test_a_meta_that_is_no_object_is_refused(client: TestClient, meta: Any) -> None:
    answer = client.post("/v1/check", json={"html": "<p>x</p>", "meta": meta})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    assert "field 'meta' is" in answer.json()["error"]["message"]


@pytest.mark.parametrize(("value", "path"), [("story-1", "payload#1 (story-1)"), (7, "payload#1 (7)"), (None, "payload#1"), ("", "payload#1")])
def test_an_id_that_is_a_string_or_a_number_names_the_article(client: TestClient, value: Any, path: str) -> None:
    answer = client.post("/v1/check", json={"html": "<p>x</p>", "id": value})
    assert answer.status_code == 200 and answer.json()["files"][0]["path"] == path


@pytest.mark.parametrize(("value", "said"), [(True, "true"), ([1], "an array"), ({"$oid": "65f0"}, "an object")])
def test_an_id_that_is_no_value_gets_the_notice_the_command_line_gives(client: TestClient, cli: Any, value: Any, said: str) -> None:
    payload = {"html": "<p>x</p>", "id": value}
    answer = client.post("/v1/check", json=payload)
    assert answer.status_code == 200
    told = f"payload field 'id' is {said}, not a string or number: it does not name the article"
    assert [n["message"] for n in answer.json()["files"][0]["notices"] if n["code"] == "unknown-field"] == [told]
    local = cli("check", "--input-kind", "cms-json", "--format", "json", "-", stdin=json.dumps(payload).encode()).json()
    assert [n["message"] for n in local["files"][0]["notices"] if n["code"] == "unknown-field"] == [told]


@pytest.mark.parametrize(("value", "text"), [(2026, "2026"), (20.5, "20.5"), ("2026", "2026")])
def test_a_number_is_read_by_the_rules_as_its_text(client: TestClient, value: Any, text: str) -> None:
    article = (SAMPLES / "calmatters" / "compliant-wordpress.html").read_text(encoding="utf-8")
    answer = client.post("/v1/check", json={"html": article, "packs": ["calmatters"], "meta": {"original_headline": value}})
    assert answer.status_code == 200
    (finding,) = [f for f in answer.json()["files"][0]["findings"] if f["rule"] == "calmatters/headline"]
    assert f'headline "{text}"' in finding["message"]


# -- a compressed body is refused, not checked as an article --


@pytest.mark.parametrize("encoding", ["gzip", "GZIP", "br", "deflate", "zstd", "gzip, identity", "identity, gzip"])
@pytest.mark.parametrize("path", ["/v1/check", "/"])
def test_a_compressed_body_is_415(client: TestClient, encoding: str, path: str) -> None:
    answer = client.post(path, content=gzip.compress(NO_LOGO), headers={"content-type": "text/html", "content-encoding": encoding})
    assert answer.status_code == 415
    told = "which the server does not decode; send it uncompressed"
    if path == "/v1/check":
        assert answer.json()["error"]["code"] == "unsupported-content-encoding" and told in answer.json()["error"]["message"]
    else:
        assert told in answer.text


@pytest.mark.parametrize("encoding", ["identity", "Identity", ""])
def test_no_encoding_or_identity_is_read_as_sent(client: TestClient, encoding: str) -> None:
    answer = client.post("/v1/check", content=NO_LOGO, headers={"content-type": "text/html", "content-encoding": encoding})
    assert answer.status_code == 200 and answer.json()["status"] == 1


# -- docs/serve.md: its curl examples are what the server answers --


def _curl(client: TestClient, command: str) -> Any:
    """Send what a documented `curl` command sends (`-H`, `-d`, `--data-binary @FILE|@-`, `-F
    field=@FILE`; `gzip -c FILE | curl …` for a compressed body, `printf -- '…' | curl …` for a
    body written out) and return the answer."""
    stdin = b""
    if "|" in command:
        producer, command = (part.strip() for part in command.split("|", 1))
        if shlex.split(producer)[:2] == ["printf", "--"]:  # a body written out, with its \r\n
            stdin = shlex.split(producer)[2].encode().decode("unicode_escape").encode("latin-1")
        else:
            assert shlex.split(producer)[:2] == ["gzip", "-c"]
            stdin = gzip.compress((ROOT / shlex.split(producer)[2]).read_bytes())
    args = iter(shlex.split(command)[1:])
    headers: dict[str, str] = {}
    content, files, url = b"", {}, ""
    fields: dict[str, str] = {}
    for arg in args:
        if arg == "-H":
            key, value = next(args).split(":", 1)
            headers[key.strip().lower()] = value.strip()
        elif arg in ("-d", "--data-binary"):
            value = next(args)
            content = stdin if value == "@-" else (ROOT / value[1:]).read_bytes() if value.startswith("@") else value.encode()
        elif arg == "-F":
            field, value = next(args).split("=", 1)
            if value.startswith("@"):  # a file upload
                files[field] = (Path(value[1:]).name, (ROOT / value[1:]).read_bytes())
            else:  # a text field: `<FILE` is the file's text, as curl sends it
                fields[field] = (ROOT / value[1:]).read_text(encoding="utf-8") if value.startswith("<") else value
        elif arg != "-s":
            url = arg
    path = url.removeprefix("http://127.0.0.1:8080")
    if files or fields:
        return client.post(path, files=files or None, data=fields or None, headers=headers)
    return client.post(path, content=content, headers=headers)


def _examples() -> list[tuple[str, str | None]]:
    """docs/serve.md's `curl` commands, each with the JSON block right after it (None: none), or
    the HTML block (its lines, each in the page the server answers, after "```html\\n")."""
    doc = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    found = re.findall(r"```sh\n((?:(?:gzip|printf)[^\n]*\| )?curl [^\n]*)\n```\n(?:\n```(json|html)\n((?s:.*?))\n```)?", doc)
    return [(command, f"```html\n{answer}" if language == "html" else answer or None) for command, language, answer in found]


def test_the_serve_page_documents_its_examples() -> None:
    commands = [command for command, _ in _examples()]
    assert len(commands) == 17
    assert any(answer is not None and answer.startswith("```html") and "medium=web" in command for command, answer in _examples())
    assert any("-F 'article=@" in c for c in commands) and any("Content-Encoding: gzip" in c for c in commands)
    assert any("-F 'original_file=@" in c for c in commands)
    assert any("-F 'article=<" in c and "format=markdown" in c for c in commands)


@pytest.mark.parametrize(("command", "answer"), _examples())
def test_each_documented_curl_example_is_what_the_server_answers(client: TestClient, command: str, answer: str | None) -> None:
    got = _curl(client, command)
    if answer is not None and answer.startswith("```html\n"):  # the page: each line of the block is in it
        assert got.status_code == (400 if 'class="error"' in answer else 200)
        for line in answer.removeprefix("```html\n").splitlines():
            assert line in got.text, line
    elif answer is None and "original_file=@" in command:  # the page, comparing with the uploaded original
        assert got.status_code == 200 and _rules(got.text) == {"propublica/fidelity"} and "stops after paragraph 5 of 8" in got.text
    elif answer is None and "article=@" in command:  # the page: the report of the uploaded article
        assert got.status_code == 200 and "dcnf/logo" in _rules(got.text) and "no-logo.html" in got.text
    elif answer is None:  # the page with pasted text: the report the uploaded file gets
        pasted = re.search(r"article=<(\S+?)'", command)
        assert pasted is not None
        uploaded = client.post("/", files={"file": (Path(pasted[1]).name, (ROOT / pasted[1]).read_bytes())})
        assert got.status_code == 200 and _rules(got.text) == _rules(uploaded.text)
        assert re.findall(r"Result: [^<]*", got.text) == re.findall(r"Result: [^<]*", uploaded.text)
    elif '": ' in answer:  # laid out for reading: the same document
        assert got.json() == json.loads(answer)
    else:  # written compact: byte for byte what the server writes, escapes included
        assert got.text == answer


# -- a CMS payload in UTF-16 or UTF-32: read by the API and the command line alike --

PAYLOAD = {"id": "zoë", "html": "<article><p>By Jake Smith, Daily Caller News Foundation</p></article>"}
JSON_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


@pytest.mark.parametrize("encoding", JSON_ENCODINGS)
def test_a_payload_in_any_encoding_json_detects_is_read_alike_by_the_api_and_the_command_line(
    client: TestClient, cli: Any, tmp_path: Path, encoding: str
) -> None:
    body = json.dumps(PAYLOAD, ensure_ascii=False).encode(encoding)
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 200, answer.text
    api = answer.json()["files"][0]
    file = tmp_path / "payload.json"
    file.write_bytes(body)
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(file))
    assert run.code == 1, run.err
    (local,) = run.json()["files"]
    assert [f["rule"] for f in api["findings"]] == [f["rule"] for f in local["findings"]] == ["dcnf/logo"]
    assert api["path"] == "payload#1 (zoë)" and local["path"].endswith("payload.json#1 (zoë)")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32-le"])
def test_json_lines_in_utf16_or_utf32_are_read_one_article_a_line_on_the_command_line(cli: Any, encoding: str) -> None:
    lines = "".join(json.dumps({**PAYLOAD, "id": str(number)}) + "\n" for number in (1, 2, 3))
    run = cli("check", "--input-kind", "cms-json", "--format", "json", "-", stdin=lines.encode(encoding))
    assert [entry["path"] for entry in run.json()["files"]] == ["<stdin>#1 (1)", "<stdin>#2 (2)", "<stdin>#3 (3)"]


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (b"\xe9t\xe9 <p>x</p>\n", "it starts with '\\xe9t\\xe9 <p>x</p>'"),
        (b"<p>\x1b]8;;x\x07story\xc2\x9b</p>", "it starts with '<p>\\x1b]8;;x\\x07story\\x9b</p>'"),
        (b"\xef\xbb\xbfnot json \xff", "it starts with 'not json \\xff'"),
    ],
)
def test_what_is_not_a_payload_is_quoted_through_the_output_sanitiser(cli: Any, tmp_path: Path, data: bytes, shown: str) -> None:
    file = tmp_path / "not-a-payload.json"
    file.write_bytes(data)
    run = cli("check", "--input-kind", "cms-json", str(file))
    assert run.code == 2 and shown in run.err
    assert "\ufffd" not in run.err + run.out and "\x1b" not in run.err + run.out


# -- a method an endpoint does not take --


@pytest.mark.parametrize(("method", "path"), [("GET", "/v1/check"), ("PUT", "/v1/check"), ("DELETE", "/v1/check"), ("POST", "/v1/packs")])
def test_a_method_the_endpoint_does_not_take_is_405_naming_those_it_does(client: TestClient, method: str, path: str) -> None:
    answer = client.request(method, path)
    assert answer.status_code == 405
    assert answer.json()["error"]["code"] == "method-not-allowed"
    allowed = {m.strip() for m in answer.headers["allow"].split(",")}
    assert answer.json()["error"]["message"] == f"{method} is not allowed on {path}; send {' or '.join(m.strip() for m in answer.headers['allow'].split(','))}"
    assert ("POST" in allowed) is (path == "/v1/check") and method not in allowed


# Each error answer says what to do, as the command line's errors do.
_ENDPOINTS = "; the API is POST /v1/check, GET /v1/packs, GET /healthz and GET /openapi.json, and GET / the editor's page"
_SEND = "; send one JSON object (a CMS payload), or the article itself as text/html, text/plain or text/markdown"
_SMALLER = ": send a smaller article, or start the server with a larger --max-bytes"
_JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("method", "path", "body", "headers", "code", "ends"),
    [
        ("GET", "/v1/chek", b"", {}, "not-found", _ENDPOINTS),
        ("POST", "/v1/check", b"{bad", _JSON, "bad-json", _SEND),
        ("POST", "/v1/check", b"", _JSON, "bad-json", _SEND),
        ("POST", "/v1/check", b"x" * 2048, {"content-type": "text/html"}, "too-large", _SMALLER),
    ],
)
def test_an_error_answer_ends_with_what_to_do(method: str, path: str, body: bytes, headers: dict[str, str], code: str, ends: str) -> None:
    small = TestClient(create_app(ServeSettings(max_bytes=1024)), base_url=BASE_URL)
    error = small.request(method, path, content=body, headers=headers).json()["error"]
    assert error["code"] == code
    assert error["message"].endswith(ends)
