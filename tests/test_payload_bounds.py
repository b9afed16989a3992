"""What a client sends in bulk (unknown fields, metadata keys, array elements, nesting, query
parameters, lines of metadata) is bounded before any of it is read: an article's payload holds at
most `MAX_ARTICLE_VALUES` fields and array elements, refused past it by the API before parsing and
by `--input-kind cms-json` for that article; the fields that are not read are named for the first
few and counted for the rest, so that the answer stays small."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.cms import MAX_ARTICLE_VALUES, NAMED_UNKNOWN, SHOWN_KEY_CHARS, TOO_MANY_VALUES, CmsArticle, CmsProblem, holds_too_many_values, parse_payload
from compliance.serve import ServeSettings
from compliance.serve.app import ApiError, create_app, parse_check_request
from tests.conftest import write

HTML = "<p>By Jake Smith, Daily Caller News Foundation</p>"
LIMIT = MAX_ARTICLE_VALUES
JSON = {"content-type": "application/json"}


def _over(n: int = LIMIT + 1) -> dict[str, Any]:
    """Payloads past the limit, each by another part of what a client sends."""
    return {
        "unknown fields": {"html": HTML, **{f"f{i}": 1 for i in range(n)}},
        "metadata keys": {"html": HTML, "meta": {f"k{i}": "v" for i in range(n)}},
        "an array of reporters": {"html": HTML, "reporters": [f"Ana Ruiz {i}" for i in range(n)]},
        "objects in an unknown array": {"html": HTML, "extra": [{} for _ in range(n)]},
        "nested arrays of numbers": {"html": HTML, "meta": {"tags": [[i, i] for i in range(n // 2)]}},
    }


@pytest.mark.parametrize("shape", sorted(_over()))
def test_the_api_refuses_a_payload_past_the_limit_before_reading_it(shape: str) -> None:
    body = json.dumps(_over()[shape]).encode()
    with pytest.raises(ApiError) as refused:
        parse_check_request(body, "application/json", {}, [])
    assert (refused.value.status, refused.value.code, refused.value.message) == (400, "bad-input", TOO_MANY_VALUES)


@pytest.mark.parametrize("shape", sorted(_over()))
def test_the_command_line_refuses_the_same_article(shape: str) -> None:
    (article,) = parse_payload(json.dumps(_over()[shape]), "cms.json")
    assert article == CmsProblem("cms.json#1", TOO_MANY_VALUES)


def test_in_an_array_only_the_article_past_the_limit_is_refused() -> None:
    payload = [{"id": "a", "html": HTML}, {"id": "b", **_over()["unknown fields"]}, {"id": "c", "html": HTML, "colour": "red"}]
    first, second, third = parse_payload(json.dumps(payload), "cms.json")
    assert isinstance(first, CmsArticle) and isinstance(third, CmsArticle)
    assert second == CmsProblem("cms.json#2 (b)", TOO_MANY_VALUES)


def test_a_payload_at_the_limit_is_read() -> None:
    payload = {"html": HTML, "meta": {f"k{i}": "v" for i in range(LIMIT - 2)}}
    data, _kind, _name, _packs, meta, _notices = parse_check_request(json.dumps(payload).encode(), "application/json", {}, [])
    assert data == HTML.encode() and len(meta) == LIMIT - 2


@pytest.mark.parametrize(
    "html",
    [
        ", ".join(["a"] * (3 * LIMIT)),  # commas in the article's text
        '<p data-x="[{,}]">' * LIMIT,  # brackets and quotes (escaped in JSON) in its markup
        "\\" * (3 * LIMIT) + ",[{" * LIMIT,  # backslashes, escaped in JSON, before commas
    ],
)
def test_what_an_article_holds_in_its_text_is_not_counted(html: str) -> None:
    text = json.dumps({"html": html, "id": "x"})
    assert not holds_too_many_values(text)
    data, *_ = parse_check_request(text.encode(), "application/json", {}, [])
    assert data == html.encode()


def test_an_unterminated_string_is_malformed_json_not_too_many_values() -> None:
    with pytest.raises(ApiError) as refused:
        parse_check_request(b'{"html": "' + b"," * (3 * LIMIT), "application/json", {}, [])
    assert (refused.value.status, refused.value.code) == (400, "bad-json")
    assert "Unterminated string" in refused.value.message


def test_strings_with_no_commas_between_them_are_bounded_too() -> None:
    assert holds_too_many_values('"a"' * (3 * LIMIT))


@pytest.mark.parametrize("count", [NAMED_UNKNOWN + 1, 50, 3000])
def test_unknown_fields_past_the_first_few_are_counted_in_one_notice(count: int) -> None:
    payload = json.dumps({"html": HTML, **{f"colour{i}": 1 for i in range(count)}})
    (article,) = parse_payload(payload, "cms.json")
    assert isinstance(article, CmsArticle)
    said = [n.message for n in article.payload_notices()]
    assert said == [
        *(f"payload field 'colour{i}' is not read — put the article's own values under 'meta'" for i in range(NAMED_UNKNOWN)),
        f"{count - NAMED_UNKNOWN:,} more payload fields are not read (the first {NAMED_UNKNOWN} are named above)",
    ]
    # The API answers with the same notices.
    *_, notices = parse_check_request(payload.encode(), "application/json", {}, [])
    assert [n.message for n in notices] == said


def test_a_few_unknown_fields_are_each_named_and_not_counted() -> None:
    (article,) = parse_payload(json.dumps({"html": HTML, **{f"colour{i}": 1 for i in range(NAMED_UNKNOWN)}}), "cms.json")
    assert isinstance(article, CmsArticle)
    assert len(article.payload_notices()) == NAMED_UNKNOWN
    assert not any("more payload fields" in n.message for n in article.payload_notices())


def test_unknown_query_parameters_past_the_first_few_are_counted() -> None:
    query = {f"x{i}": "1" for i in range(40)}
    *_, notices = parse_check_request(HTML.encode(), "text/html", query, [])
    assert len(notices) == NAMED_UNKNOWN + 1
    assert notices[-1].message == f"{40 - NAMED_UNKNOWN} more query parameters are not read (the first {NAMED_UNKNOWN} are named above)"


@pytest.mark.parametrize("key", ["x" * 100_000, "orignal" + "é" * 5000, "\u202e" * 200])
def test_a_long_field_name_is_shown_cut_short(key: str) -> None:
    (article,) = parse_payload(json.dumps({"html": HTML, key: 1}), "cms.json")
    assert isinstance(article, CmsArticle)
    (notice,) = article.payload_notices()
    assert f"'{key[: SHOWN_KEY_CHARS - 1]}…' is not read" in notice.message
    assert len(notice.message) < 200


@pytest.mark.parametrize("key", ["k" * 50_000, "é" * 30_000, "reporter" * 10_000])
def test_a_long_metadata_key_given_twice_is_refused_with_its_name_cut_short(key: str) -> None:
    (problem,) = parse_payload(f'{{"html": "x", "meta": {{"{key}": 1, "{key}": 2}}}}', "cms.json")
    assert isinstance(problem, CmsProblem)
    assert problem.reason.startswith(f"field 'meta.{key[: SHOWN_KEY_CHARS - 1]}…' is given twice")
    assert len(problem.reason) < 300


def test_a_long_value_given_two_ways_is_refused_with_it_cut_short() -> None:
    (problem,) = parse_payload(json.dumps({"html": HTML, "reporter": "A" * 100_000, "author": "B" * 100_000}), "cms.json")
    assert isinstance(problem, CmsProblem) and "differently" in problem.reason
    assert len(problem.reason) < 500


def test_the_command_line_reads_a_payload_file_with_the_same_bounds(cli: Any, tmp_path: Path) -> None:
    many = write(tmp_path, "many.json", json.dumps({"id": "m", "html": HTML, **{f"colour{i}": 1 for i in range(2000)}}))
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(many))
    (entry,) = run.json()["files"]
    said = [n["message"] for n in entry["notices"] if n["code"] == "unknown-field"]
    assert len(said) == NAMED_UNKNOWN + 1 and said[-1].startswith(f"{2000 - NAMED_UNKNOWN:,} more payload fields")
    past = write(tmp_path, "past.json", json.dumps({"id": "p", **_over()["metadata keys"]}))
    run = cli("check", "--input-kind", "cms-json", str(past))
    assert run.code == 2
    assert f"past.json#1 (p): {TOO_MANY_VALUES}" in run.err


def test_the_editors_page_bounds_its_lines_of_other_metadata() -> None:
    client = TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")
    lines = "\n".join(f"k{i}=v" for i in range(LIMIT + 1))
    answer = client.post("/", data={"article": HTML, "other_meta": lines})
    assert answer.status_code == 400
    assert f"the other metadata has more than {LIMIT:,} lines" in answer.text


def test_a_real_server_answers_a_payload_of_many_fields_at_once_and_small() -> None:
    # On loopback, as `syndcheck serve` runs it: the refusal is the whole answer, and the next
    # request on the same worker is answered.
    from tests.test_serve import _free_port, _serve_in_thread

    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    base = f"http://127.0.0.1:{server.config.port}"
    try:
        import httpx

        with httpx.Client(base_url=base, timeout=60) as client:
            big = client.post("/v1/check", content=json.dumps({"html": HTML, **{f"f{i}": 1 for i in range(50_000)}}), headers=JSON)
            assert big.status_code == 400 and big.json() == {"error": {"code": "bad-input", "message": TOO_MANY_VALUES}}
            some = client.post("/v1/check", content=json.dumps({"html": HTML, **{f"f{i}": 1 for i in range(3000)}}), headers=JSON)
            assert some.status_code == 200
            assert len([n for n in some.json()["files"][0]["notices"] if n["code"] == "unknown-field"]) == NAMED_UNKNOWN + 1
            assert len(some.content) < 20_000
            assert client.get("/healthz").json()["status"] == "ok"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_a_payload_is_read_off_the_event_loop_so_the_worker_answers_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    # A payload that is slow to read (its bytes up to --max-bytes) stands still until /healthz
    # has been answered by the same server: were it read on the event loop, /healthz would wait.
    import threading

    import httpx

    from compliance.serve import app as app_module
    from tests.test_serve import _free_port, _serve_in_thread

    answered = threading.Event()
    reading = threading.Event()
    real = app_module.parse_check_request

    def slow(*args: Any) -> Any:
        reading.set()
        assert answered.wait(30), "/healthz was not answered while a payload was read"
        return real(*args)

    monkeypatch.setattr(app_module, "parse_check_request", slow)
    server, thread = _serve_in_thread(ServeSettings(port=_free_port()))
    base = f"http://127.0.0.1:{server.config.port}"
    results: list[int] = []
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            post = threading.Thread(target=lambda: results.append(client.post("/v1/check", content=json.dumps({"html": HTML}), headers=JSON).status_code))
            post.start()
            assert reading.wait(30)
            with httpx.Client(base_url=base, timeout=60) as other:
                assert other.get("/healthz").json()["status"] == "ok"
            answered.set()
            post.join(60)
        assert results == [200]
    finally:
        answered.set()
        server.should_exit = True
        thread.join(timeout=10)
