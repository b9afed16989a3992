"""`syndcheck serve`: the HTTP API answers the CLI's JSON v1 contract, with stable errors."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")

from starlette.testclient import TestClient

from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import ROOT, SAMPLES, slow_originals

# Where the server listens by default: a request's Host must name it (a browser's would).
BASE_URL = "http://127.0.0.1:8080"

DCNF = SAMPLES / "dcnf"
EXPECTED = yaml.safe_load((DCNF / "expected.yaml").read_text(encoding="utf-8"))
MEDIA = {".html": "text/html", ".txt": "text/plain", ".md": "text/markdown"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url=BASE_URL)


def _post(client: TestClient, path: Path, query: str = "") -> Any:
    return client.post(f"/v1/check{query}", content=path.read_bytes(), headers={"content-type": MEDIA[path.suffix]})


def test_the_seed_passes_all_three_dcnf_requirements(client: TestClient) -> None:
    answer = _post(client, DCNF / "republished.txt")
    assert answer.status_code == 200
    document = answer.json()
    assert document["version"] == 1 and document["status"] == 0
    (entry,) = document["files"]
    assert entry["packs"] == ["dcnf"]
    assert entry["findings"] == []
    assert sorted(p["rule"] for p in entry["passed"]) == ["dcnf/affiliation", "dcnf/byline", "dcnf/logo"]


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["findings"]))
def test_each_failing_dcnf_sample_reports_exactly_its_rules(client: TestClient, cli: Any, name: str) -> None:
    answer = _post(client, DCNF / name)
    assert answer.status_code == 200
    document = answer.json()
    (entry,) = document["files"]
    assert (entry["packs"], sorted(f["rule"] for f in entry["findings"])) == (EXPECTED[name]["packs"], EXPECTED[name]["findings"])
    assert document["status"] == 1
    # The same document as the command line's, apart from the article's name and the words in
    # which its notes say how to give what a rule lacks: the API's own (`meta.original`), not the
    # command line's options.
    local = cli("check", "--format", "json", f"samples/dcnf/{name}").json()
    local["files"][0]["path"] = entry["path"]
    assert [n["code"] for n in entry["notices"]] == [n["code"] for n in local["files"][0]["notices"]]
    for notices in (entry["notices"], local["files"][0]["notices"]):
        notices[:] = [{**n, "message": n["message"].split(" (give ", 1)[0]} for n in notices]
    assert {k: v for k, v in document.items() if k != "status"} == local


def test_a_cms_payload_is_checked_with_its_fields_packs_and_meta(client: TestClient) -> None:
    html = (DCNF / "no-affiliation.html").read_text(encoding="utf-8")
    answer = client.post("/v1/check", json={"id": "story-42", "html": html, "packs": ["dcnf"], "meta": {"reporter": "Jake Smith"}})
    assert answer.status_code == 200
    (entry,) = answer.json()["files"]
    assert entry["path"] == "payload#1 (story-42)"
    assert [f["rule"] for f in entry["findings"]] == ["dcnf/affiliation"]


def test_query_parameters_choose_packs_and_give_metadata(client: TestClient) -> None:
    answer = _post(client, SAMPLES / "negative" / "daily-caller-article.html", "?pack=dcnf&meta.reporter=Jake%20Smith&name=story.html")
    (entry,) = answer.json()["files"]
    assert entry["path"] == "story.html" and entry["packs"] == ["dcnf"]
    assert "dcnf/logo" in [f["rule"] for f in entry["findings"]]


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b"{not json", {"content-type": "application/json"}, 400, "bad-json"),
        # Python's json reads these; JSON has none of them (RFC 8259 §6).
        (b'{"html": "<p>x</p>", "headline": NaN}', {"content-type": "application/json"}, 400, "bad-json"),
        (b'{"html": "<p>x</p>", "headline": -Infinity}', {"content-type": "application/json"}, 400, "bad-json"),
        (b'{"html": "<p>x</p>", "meta": {"n": 1e999}}', {"content-type": "application/json"}, 400, "bad-json"),
        (b'{"html": "<p>x</p>", "x": ' + b"[" * 2000 + b"]" * 2000 + b"}", {"content-type": "application/json"}, 400, "bad-json"),
        (b"[1, 2]", {"content-type": "application/json"}, 400, "bad-input"),
        (b'{"headline": "no html"}', {"content-type": "application/json"}, 400, "bad-input"),
        (b'{"html": "<p>x</p>", "packs": "dcnf"}', {"content-type": "application/json"}, 400, "bad-input"),
        # Given twice, a field might be published with the value that was not checked.
        (b'{"html": "<p>x</p>",\n "html": "<p>y</p>"}', {"content-type": "application/json"}, 400, "bad-input"),
        (b'{"html": "<p>x</p>", "meta": {"reporter": "A",\n "reporter": "B"}}', {"content-type": "application/json"}, 400, "bad-input"),
        (b"<p>x</p>", {"content-type": "application/pdf"}, 400, "unsupported-content-type"),
        (b'{"html": "<p>x</p>", "packs": ["no-such-pack"]}', {"content-type": "application/json"}, 422, "unknown-pack"),
        (b"<p>" + b"x" * (600 * 1024) + b"</p>", {"content-type": "text/html"}, 413, "too-large"),
    ],
)
def test_errors_are_json_with_stable_codes(client: TestClient, body: bytes, headers: dict[str, str], status: int, code: str) -> None:
    answer = client.post("/v1/check", content=body, headers=headers)
    assert answer.status_code == status
    assert answer.json()["error"]["code"] == code
    assert answer.json()["error"]["message"]


def test_a_meta_key_given_twice_is_refused_at_its_line(client: TestClient) -> None:
    body = b'{"html": "<p>x</p>",\n "meta": {"reporter": "Jane Roe",\n  "reporter": "John Doe"}}'
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    assert answer.json()["error"]["message"] == (
        "field 'meta.reporter' is given twice (again at line 3): only one value is checked, and a CMS may publish the other; send each field once"
    )


@pytest.mark.parametrize(("first", "second"), [("html", "content"), ("content", "body")])
def test_two_article_fields_are_refused_at_the_second(client: TestClient, first: str, second: str) -> None:
    compliant = (DCNF / "compliant-wordpress.html").read_text(encoding="utf-8")
    body = json.dumps({first: compliant})[:-1] + ",\n " + json.dumps({second: "<article><p>No logo.</p></article>"})[1:]
    answer = client.post("/v1/check", content=body.encode(), headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    why = "only one is checked, and a CMS may publish another; send the article in one field"
    assert answer.json()["error"]["message"] == f"fields '{first}' and '{second}' both give the article's HTML (again at line 2): {why}"


def test_an_empty_article_is_answered_as_an_empty_file_is(client: TestClient) -> None:
    answer = client.post("/v1/check", content=b"  ", headers={"content-type": "text/html"})
    assert answer.status_code == 200
    (entry,) = answer.json()["files"]
    # As the command line answers an empty file: not checked, and nothing checked is status 2, never a pass.
    assert entry["checked"] is False and entry["notices"][0]["code"] == "skipped" and answer.json()["status"] == 2


def test_unknown_pack_in_the_query_is_422(client: TestClient) -> None:
    answer = _post(client, DCNF / "no-logo.html", "?pack=dcfn")
    assert (answer.status_code, answer.json()["error"]["code"]) == (422, "unknown-pack")


def test_packs_health_and_openapi(client: TestClient) -> None:
    packs = client.get("/v1/packs").json()["packs"]
    assert {"dcnf", "propublica", "common"} <= {p["id"] for p in packs}
    assert client.get("/healthz").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.") and "/v1/check" in spec["paths"]
    missing = client.get("/v2/nothing")
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not-found")


def test_the_editor_page_checks_a_pasted_article(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'name="article"' in page.text and "form-action 'self'" in page.text
    answer = client.post("/", data={"article": (DCNF / "no-logo.html").read_text(encoding="utf-8"), "pack": "dcnf"})
    assert answer.status_code == 200
    assert 'data-rule="dcnf/logo"' in answer.text and 'class="mark error missing"' in answer.text
    assert "Daily Caller News Foundation logo" in answer.text


def test_a_check_past_the_time_limit_is_504(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from compliance.runner import Runner

    app = create_app(ServeSettings(time_limit=0.2))
    original = Runner.check_article

    def slow(self: Runner, *args: Any, **kwargs: Any) -> Any:
        time.sleep(0.6)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Runner, "check_article", slow)
    answer = TestClient(app, base_url=BASE_URL).post("/v1/check", content=b"<p>x</p>", headers={"content-type": "text/html"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (504, "time-limit")


@pytest.mark.parametrize("arrives", [True, False])
def test_the_fetch_of_an_original_is_not_counted_in_the_checks_time_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, arrives: bool) -> None:
    """An original slower to fetch than the whole time limit: the copy is still checked (200), with
    the original when it arrives within the fetch's own limit, else with the note that says why not."""
    url = "https://www.propublica.org/article/welds"
    slow_originals(monkeypatch, tmp_path, arrives=arrives)
    client = TestClient(create_app(ServeSettings(time_limit=2.0, allow_fetch=True)), base_url=BASE_URL)
    truncated = (ROOT / "samples" / "originals" / "propublica-truncated.md").read_bytes()
    answer = client.post("/v1/check", params={"meta.original": url}, content=truncated, headers={"content-type": "text/markdown"})
    assert answer.status_code == 200
    report = answer.json()["files"][0]
    unavailable = [n["message"] for n in report["notices"] if n["code"] == "original-unavailable"]
    if arrives:
        assert unavailable == [] and "propublica/fidelity" in [f["rule"] for f in report["findings"]]
    else:
        message = f"original story not read: {url}: no complete answer within 10 s"
        assert unavailable == [message]
        assert f"note: {message}\n" in (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")


def test_a_broken_pack_stops_the_server_at_start_with_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\nname: Broken\nrules: [\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "compliance", "serve", "--port", "1", "--rules", str(broken)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"syndcheck: error: {broken}:")


def test_worker_settings_cross_to_worker_processes_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = ServeSettings(
        port=9000, workers=2, rules=("extra",), max_bytes=123, time_limit=2.5, allow_fetch=True, fetch_from=("10.0.0.0/8",), allowed_hosts=("a.example",)
    )
    monkeypatch.setenv("SYNDCHECK_SERVE_SETTINGS", settings.to_environment())
    assert ServeSettings.from_environment() == settings
    assert json.loads(settings.to_environment())["workers"] == 2


def test_the_documented_examples_are_what_the_api_answers(client: TestClient) -> None:
    serve_doc = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    after = serve_doc.split("@samples/dcnf/republished.txt http://127.0.0.1:8080/v1/check\n```\n", 1)[1]
    example = json.loads(after.split("```json\n", 1)[1].split("```", 1)[0])
    assert _post(client, DCNF / "republished.txt").json() == example
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = json.loads(readme.split("## The editor's page and the HTTP API", 1)[1].split("```json\n", 1)[1].split("```", 1)[0])
    actual = _post(client, DCNF / "no-logo.html", "?meta.reporter=Jake%20Smith").json()
    assert (actual["status"], actual["files"][0]["path"], actual["files"][0]["packs"]) == (
        shown["status"],
        shown["files"][0]["path"],
        shown["files"][0]["packs"],
    )
    assert [f["rule"] for f in actual["files"][0]["findings"]] == [f["rule"] for f in shown["files"][0]["findings"]]


def test_the_article_name_is_only_a_label_never_a_path(client: TestClient) -> None:
    answer = _post(client, DCNF / "no-logo.html", "?name=%00..%2F..%2Fetc%2Fpasswd")
    assert answer.status_code == 200
    assert answer.json()["files"][0]["path"] == "\x00../../etc/passwd"


@pytest.mark.parametrize("original", ["/etc/passwd", "samples/dcnf/republished.txt", "file:///etc/passwd", "../README.md"])
def test_a_request_never_makes_the_server_read_one_of_its_files(client: TestClient, original: str) -> None:
    from urllib.parse import quote

    for answer in (
        _post(client, DCNF / "no-logo.html", f"?meta.original={quote(original, safe='')}"),
        client.post("/v1/check", json={"html": "<article><p>x</p></article>", "meta": {"original": original}}),
    ):
        assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
        assert "URL" in answer.json()["error"]["message"]


def test_an_original_url_is_not_fetched_without_allow_fetch(client: TestClient) -> None:
    # Port 9 (discard) on loopback: were it fetched, the notice would say the fetch failed.
    answer = _post(client, DCNF / "no-logo.html", "?meta.original=http%3A%2F%2F127.0.0.1%3A9%2Fstory.html")
    assert answer.status_code == 200
    (notice,) = [n for n in answer.json()["files"][0]["notices"] if n["code"] == "original-unavailable"]
    assert "--allow-fetch" in notice["message"]


def test_allow_fetch_reaches_the_checks(tmp_path: Path) -> None:
    from compliance.serve.app import build_checker

    assert build_checker(ServeSettings(allow_fetch=True)).runner.originals.allow_fetch is True
    assert build_checker(ServeSettings()).runner.originals.allow_fetch is False


def test_payload_fields_that_are_not_read_get_a_notice_and_a_top_level_original_is_read_as_meta_original(client: TestClient) -> None:
    answer = client.post("/v1/check", json={"id": "z", "html": "<p>x</p>", "orignal": "x.html", "repoter": "Jake"})
    assert answer.status_code == 200
    notices = [(n["code"], n["message"]) for n in answer.json()["files"][0]["notices"] if n["code"] == "unknown-field"]
    assert notices == [
        ("unknown-field", "payload field 'orignal' is not read — did you mean 'original'?"),
        ("unknown-field", "payload field 'repoter' is not read — did you mean 'reporter'?"),
    ]
    # The server reads no files: a top-level original is refused as meta.original is.
    for payload in ({"html": "<p>x</p>", "original": "file:///etc/passwd"}, {"html": "<p>x</p>", "meta": {"original": "file:///etc/passwd"}}):
        refused = client.post("/v1/check", json=payload)
        assert (refused.status_code, refused.json()["error"]["code"]) == (400, "bad-input")


@pytest.mark.parametrize("declared", ["iso-8859-2", "ISO-8859-2", '"latin2"'])
def test_the_content_type_charset_is_how_the_article_is_decoded(client: TestClient, declared: str) -> None:
    # The page claims UTF-8; the bytes are Latin-2, as the request says: HTTP's charset wins, as in
    # a browser (guessed, 0xA3 would be read as cp1252's '£' instead of 'Ł').
    article = (
        '<html><head><meta charset="utf-8"></head><body><article><img alt="Daily Caller News Foundation logo" src="x.png">'
        "<p>By Łukasz Nowak, Daily Caller News Foundation</p></article></body></html>"
    ).encode("iso-8859-2")
    answer = client.post("/v1/check?pack=dcnf", content=article, headers={"content-type": f"text/html; charset={declared}"})
    assert answer.status_code == 200
    entry = answer.json()["files"][0]
    assert "decoded-as" not in [n["code"] for n in entry["notices"]]
    assert any("Łukasz Nowak" in p["evidence"] for p in entry["passed"]), entry["passed"]
    guessed = client.post("/v1/check?pack=dcnf", content=article, headers={"content-type": "text/html"}).json()["files"][0]
    assert not any("Łukasz Nowak" in p["evidence"] for p in guessed["passed"])


def test_an_unknown_charset_is_refused(client: TestClient) -> None:
    answer = client.post("/v1/check", content=b"<p>x</p>", headers={"content-type": "text/html; charset=no-such-thing"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "unsupported-content-type")


def test_a_charset_of_the_encoding_standard_decodes_the_body(client: TestClient) -> None:
    article = "<p>By 山田太郎, Daily Caller News Foundation</p>".encode("iso-2022-jp")
    answer = client.post("/v1/check?pack=dcnf", content=article, headers={"content-type": "text/html; charset=ISO-2022-JP"})
    assert answer.status_code == 200
    assert any("山田太郎" in p["evidence"] for p in answer.json()["files"][0]["passed"]), answer.json()


@pytest.mark.parametrize("charset", ["rot13", "idna", "hex", "base64", "zlib", "undefined", "utf-7", '"bz2"'])
@pytest.mark.parametrize(("media", "body"), [("text/plain", b"By Jake Smith"), ("application/json", b'{"html": "x"}')])
def test_a_codec_that_is_no_text_encoding_is_an_unsupported_charset(client: TestClient, charset: str, media: str, body: bytes) -> None:
    answer = client.post("/v1/check", content=body, headers={"content-type": f"{media}; charset={charset}"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "unsupported-content-type")
    assert answer.json()["error"]["message"] == (
        f"unknown charset '{charset.strip(chr(34))}' in the Content-Type — it names no encoding a browser reads a page in:"
        " send the body as UTF-8 with charset=utf-8 (or no charset), or name a charset of the WHATWG Encoding Standard,"
        " such as windows-1252, iso-8859-2 or shift_jis"
    )


def test_a_bug_is_answered_with_the_json_envelope(monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.serve.app as app_module

    def broken(body: bytes, content_type: str) -> bytes:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_module, "declared_charset", broken)
    client = TestClient(create_app(ServeSettings()), base_url=BASE_URL, raise_server_exceptions=False)
    answer = client.post("/v1/check", content=b"x", headers={"content-type": "text/plain"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (500, "internal-error")


def test_only_a_real_comment_suppresses_as_on_the_command_line(client: TestClient) -> None:
    page = (DCNF / "no-logo.html").read_text(encoding="utf-8")
    lookalike = page.replace("</body>", '<img src="/p.jpg" alt="<!-- syndcheck-disable dcnf/logo -- n/a -->"></body>')
    entry = client.post("/v1/check", content=lookalike.encode(), headers={"content-type": "text/html"}).json()["files"][0]
    assert "dcnf/logo" in [f["rule"] for f in entry["findings"]]
    real = page.replace("</body>", "<!-- syndcheck-disable dcnf/logo -- the logo is in the print masthead --></body>")
    document = client.post("/v1/check", content=real.encode(), headers={"content-type": "text/html"}).json()
    assert "dcnf/logo" not in [f["rule"] for f in document["files"][0]["findings"]]
    assert document["summary"]["suppressed"] == 1


def test_a_check_with_a_weakening_configuration_says_so_in_json_and_on_the_page(tmp_path: Path, cli: Any) -> None:
    config = tmp_path / "team.syndcheck.yaml"
    config.write_text("severity:\n  dcnf/logo: off\n", encoding="utf-8")
    client = TestClient(create_app(ServeSettings(config=str(config))), base_url=BASE_URL)
    document = _post(client, DCNF / "no-logo.html").json()
    # As `syndcheck check --config … --format json` says it: the logo rule was turned off, by that file.
    assert document["status"] == 0 and document["files"][0]["findings"] == []
    local = cli("check", "--config", str(config), "--format", "json", "samples/dcnf/no-logo.html").json()
    assert document["summary"]["configured"] == local["summary"]["configured"]
    assert [c["change"] for c in document["summary"]["configured"]] == [f"dcnf/logo turned off by {config}"]
    page = client.post("/", files={"file": ("story.html", (DCNF / "no-logo.html").read_bytes(), "text/html")}).text
    assert f"Checks weakened by configuration (1):</p><ul><li>dcnf/logo turned off by {config}</li>" in page


# -- try-out 8: lone surrogates, URL metadata, two articles on the page, a host beyond loopback --


@pytest.mark.parametrize(
    "body",
    [
        rb'{"html": "<p>\ud800</p>"}',  # in the article
        rb'{"html": "<p>x</p>", "id": "a\udc00b", "reporter": "J\ud800"}',  # in its name and a field rules read
        rb'{"html": "<p>x</p>", "meta": {"k\ud800": "v\udfff"}}',  # in a key and a value of its metadata
    ],
)
def test_a_lone_surrogate_in_a_payload_is_checked_as_the_command_line_checks_it(client: TestClient, body: bytes) -> None:
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["status"], answer.json()["files"][0]["checked"]) == (200, 0, True)


def test_a_lone_surrogate_in_a_refused_payload_is_a_json_error(client: TestClient) -> None:
    body = b'{"html": "<p>x</p>", "meta": {"k\\ud800": "a", "k\\ud800": "b"}}'
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    # As the command line shows it: a visible escape, so the body is strict UTF-8 JSON.
    assert answer.json()["error"]["message"].startswith("field 'meta.k\\ud800' is given twice")
    assert answer.content.decode("utf-8", "strict").count("ud800") == 1


def test_a_surrogate_pair_is_still_the_character_it_encodes(client: TestClient) -> None:
    answer = client.post("/v1/check", content=rb'{"html": "<p>\ud83d\ude00</p>", "id": "smile"}', headers={"content-type": "application/json"})
    assert answer.status_code == 200 and answer.json()["files"][0]["path"] == "payload#1 (smile)"


@pytest.mark.parametrize(
    ("query", "body", "field"),
    [
        ("?meta.original_url=ftp://x", b"<p>x</p>", "original_url"),
        ("?meta.logo-url=javascript:alert(1)", b"<p>x</p>", "logo-url"),
        ("", b'{"html": "<p>x</p>", "original_url": "ftp://x"}', "original_url"),
        # Each payload field is judged as sent, and named as sent.
        ("", b'{"html": "<p>x</p>", "canonical_url": "data:text/html,x"}', "canonical_url"),
        ("", b'{"html": "<p>x</p>", "source_url": "ftp://x", "meta": {"original_url": "https://example.org/a"}}', "source_url"),
        ("", b'{"html": "<p>x</p>", "meta": {"logo_url": "/logo.png"}}', "logo_url"),
    ],
)
def test_metadata_naming_an_address_must_be_an_http_url_as_on_the_command_line(client: TestClient, query: str, body: bytes, field: str) -> None:
    kind = "application/json" if body.startswith(b"{") else "text/html"
    answer = client.post("/v1/check" + query, content=body, headers={"content-type": kind})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    assert answer.json()["error"]["message"].startswith(f"metadata '{field}' must be an http(s) URL, got ")


@pytest.mark.parametrize(
    ("query", "body", "field", "shown"),
    [
        ("?pack=propublica&meta.original_url=http://%1b%5b31m.example/", b"<p>x</p>", "original_url", "'http://\\x1b[31m.example/'"),
        ("?meta.logo-url=https://example.org/l%00.png", b"<p>x</p>", "logo-url", "'https://example.org/l\\x00.png'"),
        ("", b'{"html": "<p>x</p>", "original_url": "http://\\u001b[31m.example/"}', "original_url", "'http://\\x1b[31m.example/'"),
        ("", b'{"html": "<p>x</p>", "meta": {"source_url": "https://example.org/\\u007f"}}', "source_url", "'https://example.org/\\x7f'"),
    ],
)
def test_an_address_with_a_control_character_is_refused_naming_its_field(client: TestClient, query: str, body: bytes, field: str, shown: str) -> None:
    # As `--meta` refuses it: the one rule (`fixtemplates.address_problem`), not an address left unused.
    kind = "application/json" if body.startswith(b"{") else "text/html"
    answer = client.post("/v1/check" + query, content=body, headers={"content-type": kind})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    message = answer.json()["error"]["message"]
    assert message.startswith(f"metadata '{field}' ") and f": {shown} — give the full address" in message
    assert "\x1b" not in answer.text and "\x7f" not in answer.text  # shown escaped, never raw


def test_the_page_refuses_an_original_url_with_a_control_character(client: TestClient) -> None:
    answer = client.post("/", data={"article": "By Jake Smith", "original_url": "http://\x1b[31m.example/"})
    assert answer.status_code == 400
    assert "metadata &#x27;original_url&#x27; holds a control character (\\x1b, character 8), which no address does" in answer.text


def test_http_url_metadata_is_still_accepted(client: TestClient) -> None:
    body = b'{"html": "<p>x</p>", "original_url": "https://example.org/a", "meta": {"logo-url": "http://example.org/l.png", "note": "ftp://x"}}'
    answer = client.post("/v1/check?meta.source_url=https://example.org/", content=body, headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["status"]) == (200, 0)


def test_an_http_url_whose_scheme_is_in_capitals_is_accepted(client: TestClient) -> None:
    # URL schemes are case-insensitive (RFC 3986 §3.1): as the command line, so the API and its schema.
    body = b'{"html": "<p>x</p>", "canonical_url": "HTTP://example.org/a", "meta": {"logo-url": "Https://example.org/l.png"}}'
    answer = client.post("/v1/check?meta.source_url=HTTPS://example.org/", content=body, headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["status"]) == (200, 0)
    payload = client.get("/openapi.json").json()["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    pattern = payload["properties"]["canonical_url"]["pattern"]
    assert all(re.match(pattern, url) for url in ("HTTP://example.org/a", "Https://example.org/a", " https://x.example/", ""))
    assert not any(
        re.match(pattern, url) for url in ("ftp://x", "javascript:alert(1)", "/logo.png", "https://x.example/l.png onerror=x", 'https://x.example/"')
    )


def test_an_address_with_a_space_inside_is_refused_as_on_the_command_line(client: TestClient) -> None:
    body = b'{"html": "<p>x</p>", "meta": {"logo-url": "https://example.org/l.png onerror=x"}}'
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert "metadata 'logo-url' holds a space (\\\\x20, character 26), which no address does" in answer.text


def test_the_page_refuses_pasted_text_and_a_file_together(client: TestClient) -> None:
    article = (DCNF / "no-logo.html").read_text(encoding="utf-8")
    answer = client.post("/", data={"article": article}, files={"file": ("story.html", b"<p>Another story</p>", "text/html")})
    assert answer.status_code == 400
    told = "both 'article' (pasted text) and 'file' (an upload) give an article: only one is checked; clear one of them"
    assert told in html.unescape(answer.text)
    assert 'data-rule="dcnf/logo"' not in answer.text


def test_the_page_checks_an_upload_when_the_text_box_is_blank(client: TestClient) -> None:
    article = (DCNF / "no-logo.html").read_bytes()
    answer = client.post("/", data={"article": "  \n", "pack": "dcnf"}, files={"file": ("no-logo.html", article, "text/html")})
    assert answer.status_code == 200 and 'data-rule="dcnf/logo"' in answer.text


@pytest.mark.parametrize(
    ("host", "warned"),
    [
        *[("0.0.0.0", True), ("::", True), ("192.168.1.5", True), ("example.org", True)],
        *[("127.0.0.1", False), ("127.1.2.3", False), ("::1", False), ("[::1]", False), ("localhost", False)],
    ],
)
def test_a_host_beyond_loopback_is_warned_of(host: str, warned: bool) -> None:
    from compliance.serve import exposure_warning

    warning = exposure_warning(host)
    assert (warning is not None) == warned
    if warning is not None:
        assert warning.startswith(f"syndcheck: warning: --host {host} may be reachable from other machines and the server has no authentication;")
        assert warning.endswith("; keep it on 127.0.0.1 or put it behind access control")


def _listening_for_a_while(accepted: list[bool]) -> Any:
    """A stand-in for `uvicorn.run` that starts slowly (as a worker loading the packs does), then
    listens on the port it is given until a connection comes (or two seconds pass)."""
    import socket
    import time

    def run(*args: Any, host: str, port: int, **kwargs: Any) -> None:
        time.sleep(0.5)
        with socket.create_server(("127.0.0.1", port)) as server:
            server.settimeout(2.0)
            try:
                connection, _ = server.accept()
            except TimeoutError:
                return
            connection.close()
            accepted.append(True)
            # The announcing thread prints right after its connection: time for it before the CLI exits.
            time.sleep(1.0)

    return run


def test_serve_prints_the_warning_then_its_address_once_the_port_takes_connections(monkeypatch: pytest.MonkeyPatch, cli: Any) -> None:
    import uvicorn

    accepted: list[bool] = []
    monkeypatch.setattr(uvicorn, "run", _listening_for_a_while(accepted))
    monkeypatch.setattr("compliance.serve._check_port", lambda host, port: None)
    port = _free_port()
    run = cli("serve", "--host", "0.0.0.0", "--port", str(port), "--workers", "1")
    assert run.code == 0
    assert run.err.splitlines()[0].startswith("syndcheck: warning: --host 0.0.0.0 may be reachable from other machines")
    # Announced only once a connection to the port succeeded: a client that waits for the line
    # and then connects is not refused while the server starts.
    assert accepted == [True]
    assert run.err.splitlines()[1] == f"syndcheck: serving on http://0.0.0.0:{port}/ (Ctrl+C to stop)"
    quiet = cli("serve", "--port", str(port), "--workers", "1")
    assert quiet.err == f"syndcheck: serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)\n"


def test_serve_says_nothing_of_an_address_that_never_took_connections(monkeypatch: pytest.MonkeyPatch, cli: Any) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    monkeypatch.setattr("compliance.serve._check_port", lambda host, port: None)
    run = cli("serve", "--port", str(_free_port()), "--workers", "1")
    assert run.code == 0 and "serving on" not in run.err


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?pakc=propublica", "query parameter 'pakc' is not read — did you mean 'pack'?"),
        ("?foo=bar", "query parameter 'foo' is not read — the query takes pack=ID, meta.KEY=VALUE and name=NAME"),
    ],
)
def test_a_query_parameter_that_is_not_read_gets_a_notice_as_a_payload_field_does(client: TestClient, query: str, message: str) -> None:
    for answer in (
        _post(client, DCNF / "no-logo.html", query),
        client.post(f"/v1/check{query}", content=json.dumps({"html": "<p>x</p>"}), headers={"content-type": "application/json"}),
    ):
        assert answer.status_code == 200
        (entry,) = answer.json()["files"]
        assert {"code": "unknown-field", "message": message} in [{k: n[k] for k in ("code", "message")} for n in entry["notices"]], entry["notices"]


@pytest.mark.parametrize("key", ["packs", "Pack", "pack_id", "rule-packs"])
def test_a_query_parameter_that_names_packs_another_way_is_refused(client: TestClient, key: str) -> None:
    # Answered with a notice, the check would run with the packs detection picks: a green status
    # (a page with no publisher's markers) for a question the CMS did not ask.
    for answer in (
        _post(client, DCNF / "no-logo.html", f"?{key}=dcnf"),
        client.post(f"/v1/check?{key}=dcnf", content=json.dumps({"html": "<p>x</p>"}), headers={"content-type": "application/json"}),
    ):
        assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
        assert answer.json()["error"]["message"] == f"query parameter '{key}' is not read — the packs are chosen with pack=ID (repeat it for several)"


@pytest.mark.parametrize("key", ["pack", "PACKS", "pack_ids", "rulePacks"])
def test_a_payload_field_that_names_packs_another_way_is_refused(client: TestClient, key: str) -> None:
    answer = client.post("/v1/check", content=json.dumps({"html": "<p>x</p>", key: ["dcnf"]}), headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    assert f'field \'{key}\' is not read — choose the packs with "packs": ["dcnf"]' in answer.json()["error"]["message"]


def test_a_payload_field_that_only_starts_like_packs_is_noted_not_refused(client: TestClient) -> None:
    answer = client.post("/v1/check", content=json.dumps({"html": "<p>x</p>", "package": "election-2024"}), headers={"content-type": "application/json"})
    assert answer.status_code == 200
    (entry,) = answer.json()["files"]
    assert "payload field 'package' is not read — did you mean 'packs'?" in [n["message"] for n in entry["notices"]]


def test_read_query_parameters_get_no_notice(client: TestClient) -> None:
    (entry,) = _post(client, DCNF / "no-logo.html", "?pack=dcnf&meta.reporter=Jake%20Smith&name=a.html").json()["files"]
    assert [n for n in entry["notices"] if n["code"] == "unknown-field"] == []


@pytest.mark.parametrize(("query", "shown"), [("?meta.=x", "meta."), ("?meta.%20=x", "meta. "), ("?meta.%09%20=Jake", "meta.\t ")])
def test_a_meta_query_parameter_without_a_key_is_refused(client: TestClient, query: str, shown: str) -> None:
    from compliance.metavalues import NO_KEY

    answer = _post(client, DCNF / "no-logo.html", query)
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    assert answer.json()["error"]["message"].startswith(f"query parameter '{shown}' {NO_KEY}: write meta.KEY=VALUE")


@pytest.mark.parametrize(
    ("mark", "name"), [(b"\xff\xfe\x00\x00", "UTF-32LE"), (b"\x00\x00\xfe\xff", "UTF-32BE"), (b"\xff\xfe", "UTF-16LE"), (b"\xfe\xff", "UTF-16BE")]
)
def test_a_json_body_whose_byte_order_mark_its_bytes_contradict_is_refused_saying_so(client: TestClient, mark: bytes, name: str) -> None:
    body = json.dumps({"html": "<p>By José</p>"}, ensure_ascii=False).encode()
    answer = client.post("/v1/check", content=mark + body, headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-json")
    assert answer.json()["error"]["message"] == (
        f"the payload starts with a {name} byte-order mark, but the bytes after it are UTF-8, not {name};"
        f" remove the byte-order mark (its first {len(mark)} bytes), or send the payload in {name}"
    )
    encoding = name.lower().replace("utf-", "utf-").replace("le", "-le").replace("be", "-be")
    assert client.post("/v1/check", content=mark + body.decode().encode(encoding), headers={"content-type": "application/json"}).status_code == 200


@pytest.mark.parametrize("key", ["", " ", "\u3000"])
def test_a_meta_key_in_the_body_that_is_empty_or_blank_is_refused_as_in_the_query(client: TestClient, key: str) -> None:
    from compliance.metavalues import NO_KEY

    body = json.dumps({"html": "<p>x</p>", "meta": {key: "x"}})
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad-input")
    assert f"{NO_KEY}; send" in answer.json()["error"]["message"]
    fine = client.post("/v1/check?meta.a%20b=x", content=json.dumps({"html": "<p>x</p>", "meta": {"a b": "x"}}), headers={"content-type": "application/json"})
    assert fine.status_code == 200


def test_a_pack_named_twice_is_applied_once(client: TestClient) -> None:
    body = json.dumps({"html": "<p>x</p>", "packs": ["dcnf", "dcnf"]})
    (entry,) = client.post("/v1/check?pack=dcnf", content=body, headers={"content-type": "application/json"}).json()["files"]
    assert entry["packs"] == ["dcnf"]


@pytest.mark.parametrize("path", ["/v1/check", "/"])
def test_a_client_that_stalls_mid_body_is_answered_408_and_let_go(monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    # A real uvicorn server on loopback: the answer and the closed connection are the server's.
    import socket
    import threading
    import time

    import uvicorn

    from compliance.serve import app as app_module

    monkeypatch.setattr(app_module, "BODY_SECONDS", 0.5)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ServeSettings(port=port)), host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        media = "text/html" if path == "/v1/check" else "application/x-www-form-urlencoded"
        with socket.create_connection(("127.0.0.1", port), timeout=20) as client:
            client.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {media}\r\nContent-Length: 50000\r\n\r\nart".encode())
            answer = b""
            while chunk := client.recv(65536):  # to the end: the server closes the connection
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 408 ")
        if path == "/v1/check":
            body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
            assert body == {"error": {"code": "slow-body", "message": "the request's body did not arrive within 0.5 s; send it again"}}
        else:
            assert b"did not arrive within 0.5 s" in answer
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize(
    "sent",
    [
        b"POST /v1/check HTTP/1.1\r\nHost: HOST\r\n",  # a head that stops halfway
        b"",  # a connection that never sends a byte
        b"GET /healthz HTTP/1.1\r\nHost: HOST\r\n\r\n|GET /healthz HTTP/1.1\r\n",  # the next request on the connection stops
    ],
)
def test_a_request_whose_head_does_not_arrive_in_time_is_answered_408_and_let_go(monkeypatch: pytest.MonkeyPatch, sent: bytes) -> None:
    from compliance.serve import protocol

    monkeypatch.setattr(protocol, "HEAD_SECONDS", 0.5)
    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        answer = _exchange(server.config.port, sent)
        last = answer[answer.rfind(b"HTTP/1.1 ") :]
        assert last.startswith(b"HTTP/1.1 408 ")
        assert json.loads(last.split(b"\r\n\r\n", 1)[1]) == {
            "error": {"code": "slow-headers", "message": "the request's line and headers did not arrive within 0.5 s; send the request again"}
        }
        assert answer.count(b"HTTP/1.1 200 ") == sent.count(b"\r\n\r\n")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize(
    "head",
    [
        b"POST /v1/check HTTP/1.1\r\nHost: HOST\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nBy Ja",
        b"POST /v1/check HTTP/1.1\r\nHost: HOST\r\nContent-Length: 5, 6\r\n\r\nBy Ja",
        b"POST /v1/check HTTP/1.1\r\nHost: HOST\r\nContent-Length: five\r\n\r\nBy Ja",
        b"GET /healthz HTTP/1.1\r\nHost: HOST\r\nno colon on this line\r\n\r\n",
        b"GET /healthz HTTP/1.1 extra\r\nHost: HOST\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: HOST\r\n\r\n|GET /healthz HTTP/1.1\r\nHost: HOST\r\nX: \x00\r\n\r\n",
    ],
    ids=["two-content-lengths", "a-list-of-lengths", "a-length-not-a-number", "a-header-without-colon", "a-bad-request-line", "a-nul-in-the-next-request"],
)
def test_a_request_h11_cannot_read_gets_the_apis_json_error_and_is_let_go(head: bytes) -> None:
    # Each refusal says which fault it was, not every fault there could be.
    said = {
        b"Content-Length: 7": "the request has two Content-Length headers that differ (or a list of lengths), so where its body ends is unknown;"
        " send one Content-Length",
        b"Content-Length: 5, 6": "the request has two Content-Length headers that differ (or a list of lengths), so where its body ends is unknown;"
        " send one Content-Length",
        b"Content-Length: five": "the request's Content-Length is not a number; send the body's length in bytes",
        b"no colon": "a header line of the request is not NAME: VALUE (it has no colon, or a control character); send well-formed headers",
        b"HTTP/1.1 extra": "the request line is not METHOD PATH HTTP/1.1; send a well-formed request line",
        b"\x00": "a header line of the request is not NAME: VALUE (it has no colon, or a control character); send well-formed headers",
    }
    (message,) = [message for fault, message in said.items() if fault in head]
    if b"five" in head:  # docs/serve.md's example
        assert f'(`Content-Length: five`: "{message}")' in (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        answer = _exchange(server.config.port, head)
        last = answer[answer.rfind(b"HTTP/1.1 400 ") :]  # (the message says "HTTP/1.1" too)
        status, rest = last.split(b"\r\n", 1)
        headers, body = rest.split(b"\r\n\r\n", 1)
        assert status == b"HTTP/1.1 400 Bad Request"
        assert b"content-type: application/json" in headers.lower() and b"connection: close" in headers.lower()
        assert json.loads(body) == {"error": {"code": "bad-request", "message": message}}
        assert answer.count(b"HTTP/1.1 200 ") == head.count(b"|")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("Missing mandatory Host: header", "the HTTP/1.1 request has no Host header; send one naming the server"),
        ("Receive buffer too long", "the request line and headers are too long to read; send shorter ones"),
        ("Only Transfer-Encoding: chunked is supported", "the request's Transfer-Encoding is not chunked, the only one the server reads;"),
        ("some reason h11 may give one day", "the request is not well-formed HTTP/1.1; send one well-formed request"),
    ],
)
def test_each_reason_h11_gives_is_one_line_naming_that_fault(reason: str, said: str) -> None:
    from compliance.serve.protocol import bad_request_body

    assert json.loads(bad_request_body(reason))["error"]["message"].startswith(said)


def test_two_content_length_headers_that_agree_are_one_and_the_request_is_answered() -> None:
    import socket

    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        with socket.create_connection(("127.0.0.1", server.config.port), timeout=20) as client:
            host = f"127.0.0.1:{server.config.port}"
            client.sendall(
                f"POST /v1/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\nContent-Length: 7\r\nContent-Length: 7\r\n\r\nBy Jake".encode()
            )
            answer = client.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200 ")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_the_connection_of_the_request_that_starts_a_check_process_is_closed_once_answered() -> None:
    # A check process forked while a client's connection is open must not keep it open: a client
    # that asks for `Connection: close` reads the answer to its end (`_exchange` times out after
    # 20 s without one), as HTTP/1.0 clients and many scripts do. The server is new, so the first
    # check starts its first check process.
    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        body = b"By Jake Smith, Daily Caller News Foundation"
        head = b"POST /v1/check HTTP/1.1\r\nHost: HOST\r\nContent-Type: text/plain\r\nConnection: close\r\n"
        for _ in range(2):
            answer = _exchange(server.config.port, head + b"Content-Length: %d\r\n\r\n" % len(body) + body)
            assert answer.startswith(b"HTTP/1.1 200 ")
            assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["files"][0]["packs"] == ["dcnf"]
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_a_head_that_arrives_in_time_is_answered_whatever_the_body_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import time

    from compliance.serve import protocol

    monkeypatch.setattr(protocol, "HEAD_SECONDS", 0.5)
    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        with socket.create_connection(("127.0.0.1", server.config.port), timeout=20) as client:
            host = f"127.0.0.1:{server.config.port}"
            client.sendall(f"POST /v1/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\nBy Jake".encode())
            time.sleep(1.0)  # past the head's deadline, well within the body's
            client.sendall(b" Smith, DCNF.")
            answer = client.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200 ")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_the_editor_page_cannot_be_framed_by_another_site(client: TestClient) -> None:
    from compliance.serve.page import PAGE_CSP

    for answer in (client.get("/"), client.post("/", data={"article": "By Jake Smith"}), client.post("/", data={"article": ""})):
        assert answer.headers["content-security-policy"] == PAGE_CSP
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"


def _exchange(port: int, sent: bytes) -> bytes:
    """What a real server answers on one connection to `sent`: requests split at `|` (`HOST` in
    them made the server's), each but the last answered before the next is sent, the last read
    to the end, when the server closes the connection."""
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=20) as client:
        *answered, last = sent.replace(b"HOST", f"127.0.0.1:{port}".encode()).split(b"|")
        answer = b""
        for request in answered:
            client.sendall(request)
            answer += client.recv(65536)
        client.sendall(last)
        while chunk := client.recv(65536):
            answer += chunk
    return answer


def _serve_in_thread(settings: ServeSettings) -> Any:
    """A real uvicorn server on loopback in a thread of this process, started; stop it with `_stop`."""
    import threading
    import time

    import uvicorn

    from compliance.serve.protocol import HeadDeadlineProtocol

    # As `syndcheck serve` runs it: uvicorn with the head deadline's protocol.
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=settings.port, log_level="warning", access_log=False, http=HeadDeadlineProtocol)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return server, thread


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# A search in the standard library's `re` that backtracks for seconds without releasing the GIL, as
# the parse of a pathological page does in C: a stand-in for a page that is slow to check.
def _hold_the_interpreter() -> None:
    re.match(r"(a+)+$", "a" * 27 + "b")


def test_after_a_504_the_next_check_answers_within_its_own_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import httpx

    from compliance.runner import Runner

    original = Runner.check_article

    def slow_when_asked(self: Runner, data: bytes, *args: Any, **kwargs: Any) -> Any:
        if data.startswith(b"<p>slow"):
            _hold_the_interpreter()
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(Runner, "check_article", slow_when_asked)
    limit = 2.0
    server, thread = _serve_in_thread(ServeSettings(port=_free_port(), time_limit=limit))
    url = f"http://127.0.0.1:{server.config.port}/v1/check"
    try:
        with httpx.Client(timeout=60) as http:
            assert http.post(url, content=(DCNF / "republished.txt").read_bytes(), headers={"content-type": "text/plain"}).status_code == 200
            started = time.monotonic()
            slow = http.post(url, content=b"<p>slow</p>", headers={"content-type": "text/html"})
            slow_seconds = time.monotonic() - started
            started = time.monotonic()
            normal = http.post(url, content=(DCNF / "republished.txt").read_bytes(), headers={"content-type": "text/plain"})
            normal_seconds = time.monotonic() - started
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    assert (slow.status_code, slow.json()["error"]["code"]) == (504, "time-limit")
    assert slow_seconds < limit + 1.0
    assert normal.status_code == 200 and normal.json()["status"] == 0
    assert normal_seconds < limit


def test_a_check_process_that_dies_is_a_500_and_the_next_request_gets_a_new_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from compliance.runner import Runner

    original = Runner.check_article

    def dies_when_asked(self: Runner, data: bytes, *args: Any, **kwargs: Any) -> Any:
        if data.startswith(b"<p>die"):
            os._exit(1)  # as the out-of-memory killer ends a process: no answer at all
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(Runner, "check_article", dies_when_asked)
    client = TestClient(create_app(ServeSettings()), base_url=BASE_URL)
    died = client.post("/v1/check", content=b"<p>die</p>", headers={"content-type": "text/html"})
    assert (died.status_code, died.json()["error"]) == (
        500,
        {"code": "internal-error", "message": "the process checking the article was killed (by a signal, or out of memory)"},
    )
    assert _post(client, DCNF / "republished.txt").json()["status"] == 0


def _page_rules(answer: Any) -> list[str]:
    assert answer.status_code == 200, answer.text
    return sorted(set(re.findall(r'data-rule="([^"]+)"', answer.text)))


@pytest.mark.parametrize("name", ["propublica-faithful.md", "calmatters-headline-changed.md"])
def test_pasted_markdown_that_opens_with_a_comment_gets_the_uploaded_files_verdict(client: TestClient, name: str) -> None:
    text = (SAMPLES / "originals" / name).read_text(encoding="utf-8")
    assert text.startswith("<!--")
    pasted = client.post("/", data={"article": text})
    uploaded = client.post("/", files={"file": (name, text.encode("utf-8"), "text/markdown")})
    assert _page_rules(pasted) == _page_rules(uploaded)
    assert re.search(r"Result: [^<]*", pasted.text) and re.findall(r"Result: [^<]*", pasted.text) == re.findall(r"Result: [^<]*", uploaded.text)


def test_the_pages_format_choice_reads_the_article_as_that_kind(client: TestClient) -> None:
    page = client.get("/").text
    assert '<select name="format">' in page and '<option value="auto" selected>' in page
    markdown = (SAMPLES / "originals" / "propublica-faithful.md").read_text(encoding="utf-8")
    as_markdown = client.post("/", data={"article": markdown, "format": "markdown"})
    as_html = client.post("/", data={"article": markdown, "format": "html"})
    # Read as HTML, the Markdown byline line is not a byline element: the verdict differs, and the
    # choice is kept in the form.
    assert "propublica/author" not in _page_rules(as_markdown)
    assert _page_rules(as_markdown) != _page_rules(as_html)
    assert '<option value="html" selected>' in as_html.text
    # An upload's suffix gives way to the choice too.
    uploaded = client.post("/", data={"format": "markdown"}, files={"file": ("story.html", markdown.encode("utf-8"), "text/html")})
    assert _page_rules(uploaded) == _page_rules(as_markdown)


def test_a_format_the_page_does_not_offer_is_refused(client: TestClient) -> None:
    answer = client.post("/", data={"article": "<p>x</p>", "format": "pdf"})
    assert answer.status_code == 400
    assert "'format' must be auto, html, markdown or text, not 'pdf'" in html.unescape(answer.text)


BYLINE_ONLY = "<article><p>By Jake Smith, Daily Caller News Foundation</p></article>"
ZOE = "<article><p>By Zoë Renée, Daily Caller News Foundation — “quoted”</p></article>\n"


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-16be", "utf-32", "utf-32le", "UTF-32BE"])
@pytest.mark.parametrize("article", [BYLINE_ONLY, ZOE])
def test_utf8_bytes_declared_as_utf16_or_utf32_are_refused_not_checked_as_nonsense(client: TestClient, charset: str, article: str) -> None:
    answer = client.post("/v1/check", content=article.encode("utf-8"), headers={"content-type": f"text/html; charset={charset}"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "unsupported-content-type"), answer.text
    message = answer.json()["error"]["message"]
    assert message.startswith(f"the body is not text in the charset the Content-Type declares ('{charset}'): read so, ")
    assert message.endswith("; it is valid UTF-8: send charset=utf-8, or no charset")


@pytest.mark.parametrize(("charset", "encoding"), [("utf-16", "utf-16-le"), ("utf-16le", "utf-16-le"), ("utf-16be", "utf-16-be"), ("utf-32", "utf-32-le")])
@pytest.mark.parametrize("article", [BYLINE_ONLY, ZOE, "<p>By 山田太郎, Daily Caller News Foundation</p>"])
def test_a_body_truly_in_the_declared_utf16_or_utf32_is_checked(client: TestClient, charset: str, encoding: str, article: str) -> None:
    answer = client.post("/v1/check", content=article.encode(encoding), headers={"content-type": f"text/html; charset={charset}"})
    assert answer.status_code == 200, answer.text
    assert (answer.json()["status"], [f["rule"] for f in answer.json()["files"][0]["findings"]]) == (1, ["dcnf/logo"])


@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-2", "shift_jis", "windows-1252"])
def test_utf8_bytes_under_a_single_or_multi_byte_charset_are_still_checked(client: TestClient, charset: str) -> None:
    # Nothing tells these apart from text the charset gives (Latin-2 reads UTF-8 as mojibake of
    # real letters): the header's charset stands, as before.
    answer = client.post("/v1/check", content=BYLINE_ONLY.encode("utf-8"), headers={"content-type": f"text/html; charset={charset}"})
    assert answer.status_code == 200 and answer.json()["status"] == 1


def test_a_wrong_charset_on_a_cms_payload_is_refused_too(client: TestClient) -> None:
    body = json.dumps({"html": BYLINE_ONLY}).encode("utf-8")
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json; charset=utf-16"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "unsupported-content-type")


def test_utf8_bytes_with_a_zero_byte_declared_utf32_are_refused_by_what_they_decode_to(client: TestClient) -> None:
    body = (BYLINE_ONLY + "\x00" * (4 - len(BYLINE_ONLY) % 4)).encode("utf-8")
    answer = client.post("/v1/check", content=body, headers={"content-type": "text/html; charset=utf-32le"})
    assert answer.status_code == 400
    assert "characters are undecodable, unassigned or private-use; it is valid UTF-8" in answer.json()["error"]["message"]


@pytest.mark.parametrize(
    ("path", "media", "sent"),
    [
        ("/v1/check", "text/html", b"<p>By "),
        ("/v1/check", "application/json", b'{"htm'),
        ("/", "application/x-www-form-urlencoded", b"articl"),
        ("/", "multipart/form-data; boundary=b", b'--b\r\nContent-Disposition: form-data; name="article"\r\n\r\nBy '),
    ],
    ids=["api-article", "api-payload", "page-urlencoded", "page-multipart"],
)
def test_a_client_that_goes_away_mid_body_is_one_line_in_the_log_never_a_traceback(path: str, media: str, sent: bytes) -> None:
    # A real uvicorn server on loopback: what it logs when a client closes the connection before
    # its request's body has all arrived. The client's leaving is not the server's error.
    import logging
    import socket
    import time

    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    logged: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = logged.append  # type: ignore[method-assign]
    logger = logging.getLogger("uvicorn.error")
    logger.addHandler(handler)
    try:
        for _ in range(2):
            with socket.create_connection(("127.0.0.1", server.config.port), timeout=20) as client:
                head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.config.port}\r\nContent-Type: {media}\r\nContent-Length: 1000\r\n\r\n"
                client.sendall(head.encode() + sent)
        # Then the server still answers, and what it logged about the two clients is all there.
        answer = _exchange(server.config.port, b"GET /healthz HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 200 ")
        deadline = time.monotonic() + 5
        while len(logged) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        logger.removeHandler(handler)
    assert [record.exc_info for record in logged] == [None, None]
    lines = [record.getMessage() for record in logged]
    assert all("\n" not in line for line in lines)
    assert lines == [f"POST {path}: the client closed the connection before its request's body had all arrived; nothing was checked"] * 2
    # The line docs/serve.md shows, as uvicorn's log writes it.
    assert f"\nWARNING:  {lines[0]}\n" in (ROOT / "docs" / "serve.md").read_text(encoding="utf-8") or path != "/v1/check"


@pytest.mark.parametrize(
    "head",
    [
        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        b"content-length: 0\r\ntransfer-encoding: Chunked\r\n",
    ],
    ids=["length-first", "chunked-first", "lower-case"],
)
def test_a_request_with_both_a_length_and_chunked_framing_is_refused_and_let_go(head: bytes) -> None:
    # RFC 9112 §6.1: such a message is a request smuggling attempt; a proxy in front may read its
    # body by the other header, and take the rest for a second request. It is refused and the
    # connection closed, so no second request on it is read.
    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        sent = (
            b"POST /v1/check HTTP/1.1\r\nHost: HOST\r\nContent-Type: text/plain\r\n" + head + b"\r\n7\r\nBy Jake\r\n0\r\n\r\n"
            b"GET /healthz HTTP/1.1\r\nHost: HOST\r\n\r\n"
        )
        answer = _exchange(server.config.port, sent)
        status, rest = answer.split(b"\r\n", 1)
        headers, body = rest.split(b"\r\n\r\n", 1)
        assert status == b"HTTP/1.1 400 Bad Request"
        assert b"connection: close" in headers.lower()
        assert json.loads(body)["error"] == {
            "code": "bad-request",
            "message": "the request has both a Content-Length and a Transfer-Encoding header (RFC 9112 §6.1: a proxy in front could read its body"
            " by the other and take the rest for a second request); send one of them",
        }
        assert b"HTTP/1.1 200 " not in answer  # the second request is never read
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_a_chunked_request_is_still_answered_and_its_connection_kept() -> None:
    import socket

    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    try:
        host = f"127.0.0.1:{server.config.port}".encode()
        with socket.create_connection(("127.0.0.1", server.config.port), timeout=20) as client:
            client.sendall(
                b"POST /v1/check HTTP/1.1\r\nHost: " + host + b"\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nBy Jake\r\n0\r\n\r\n"
                b"GET /healthz HTTP/1.1\r\nHost: " + host + b"\r\n\r\n"
            )
            answer = b""
            while b'"status":"ok"' not in answer and (chunk := client.recv(65536)):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 200 ")
        assert answer.count(b"HTTP/1.1 200 ") == 2
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize("length", [61, 10_000])
def test_a_long_article_name_is_echoed_cut_as_a_quoted_value_is(client: TestClient, length: int) -> None:
    from compliance.cms import SHOWN_KEY_CHARS

    name = ("story-" * length)[:length]
    answer = client.post(f"/v1/check?name={name}", content=b"By Jake Smith", headers={"content-type": "text/plain"})
    assert answer.status_code == 200
    path = answer.json()["files"][0]["path"]
    assert path == name[: SHOWN_KEY_CHARS - 1] + "…" and len(answer.content) < 2_000
    # A name of 60 characters comes back whole.
    whole = client.post(f"/v1/check?name={name[:SHOWN_KEY_CHARS]}", content=b"By Jake Smith", headers={"content-type": "text/plain"})
    assert whole.json()["files"][0]["path"] == name[:SHOWN_KEY_CHARS]


@pytest.mark.parametrize(
    ("payload", "query", "path"),
    [
        (b'{"id": "42", "html": "<p>x</p>"}', "?name=My%20story", "My story"),
        (b'{"html": "<p>x</p>"}', "?name=My%20story", "My story"),
        (b'{"id": "42", "html": "<p>x</p>"}', "", "payload#1 (42)"),
        (b'{"id": "42", "html": "<p>x</p>"}', "?name=" + "x" * 70, "x" * 59 + "\u2026"),
    ],
)
def test_the_name_query_parameter_names_a_payloads_article_too(client: TestClient, payload: bytes, query: str, path: str) -> None:
    answer = client.post(f"/v1/check{query}", content=payload, headers={"content-type": "application/json"})
    assert answer.status_code == 200 and answer.json()["files"][0]["path"] == path
    assert not [n for n in answer.json()["files"][0]["notices"] if n["code"] == "unknown-field"]
