"""A name given as metadata (a reporter, an author, a byline, a source publisher) with no letter
or digit in it — control characters, format characters such as U+202E, U+FFFD for undecodable
bytes — names no one: it is bad input at every edge (`--meta`, front matter, a metadata file, a
CMS payload, the HTTP API's query, payload and the editor's form), never a name a rule tells the
editor to credit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.metavalues import NamesMeta, name_problem
from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import write

DCNF = "<p>By Jake Smith, Daily Caller News Foundation</p><p>Body of the story.</p>"
# Values that name no one: control and bidi characters, zero-width joiners, undecodable bytes.
NO_ONE = ["\x00\u202e", "\ufffd\ufffd", "\u200b\u200d", "\x07\x1b", "\u2066\u2069 ", "—"]
KEYS = ["reporter", "author", "byline", "source_publisher"]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")


@pytest.mark.parametrize("value", NO_ONE)
@pytest.mark.parametrize("key", KEYS)
def test_a_name_with_no_letter_names_no_one(key: str, value: str) -> None:
    problem = name_problem(key, value)
    assert problem is not None and problem.startswith("names no one: ")


@pytest.mark.parametrize("value", ["Jake Smith", "José Núñez", "李小龙", "0x1F", "42", "", "   "])
def test_a_name_with_a_letter_or_digit_or_none_given_is_not_refused(value: str) -> None:
    assert name_problem("reporter", value) is None
    assert name_problem("headline", "\u202e") is None  # a key naming no one is no name


def test_each_name_of_a_list_is_judged() -> None:
    assert name_problem("reporter", NamesMeta(("Ana Ruiz", "\u202e"))) is not None
    assert name_problem("reporter", NamesMeta(("Ana Ruiz", "Ben Li"))) is None


@pytest.mark.parametrize("value", NO_ONE[:4])
@pytest.mark.parametrize("key", KEYS)
def test_the_command_line_refuses_it_in_one_line(cli: Any, tmp_path: Path, key: str, value: str) -> None:
    article = write(tmp_path, "a.html", DCNF)
    run = cli("check", "--pack", "dcnf", "--meta", f"{key}={value}", str(article))
    assert run.code == 2 and run.out == ""
    (line,) = run.err.splitlines()
    assert line.startswith(f"syndcheck: error: metadata '{key}' names no one: ")
    assert line.endswith(f"give the name as printed, for example {key}=Jake Smith")


@pytest.mark.parametrize("escaped", ["\\u202e\\u0000", "\\ufffd", "\\u200b"])
@pytest.mark.parametrize("where", ["front matter", "metadata file"])
def test_front_matter_and_a_metadata_file_refuse_it_at_its_line(cli: Any, tmp_path: Path, escaped: str, where: str) -> None:
    body = "By Jake Smith, Daily Caller News Foundation\n\nBody of the story.\n"
    if where == "front matter":
        article = write(tmp_path, "a.md", f'---\ntitle: A story\nreporter: "{escaped}"\n---\n{body}')
    else:
        article = write(tmp_path, "a.md", body)
        write(tmp_path, "a.md.meta.yaml", f'title: A story\nreporter: "{escaped}"\n')
    run = cli("check", "--pack", "dcnf", str(article))
    assert run.code == 2
    # The line is the file's: the front matter's third, the metadata file's second.
    at = "a.md:3:1" if where == "front matter" else "a.md.meta.yaml:2:1"
    assert f"{at}: metadata 'reporter' names no one: " in run.err


@pytest.mark.parametrize("field", ["author", "reporter", "source_publisher"])
def test_a_payload_on_the_command_line_is_not_checked(cli: Any, tmp_path: Path, field: str) -> None:
    payload = write(tmp_path, "p.json", json.dumps({"html": DCNF, field: "\u202e\u200b"}))
    run = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", str(payload))
    assert run.code == 2
    # Named as sent: a field read under another key (`author` gives `reporter`) by its own name.
    named = f"payload field '{field}'" if field == "author" else f"metadata '{field}'"
    assert f"p.json#1: {named} names no one: " in run.err


@pytest.mark.parametrize("value", ["%00%E2%80%AE", "%EF%BF%BD%EF%BF%BD", "%E2%80%8B"])
@pytest.mark.parametrize("key", KEYS)
def test_the_api_query_answers_400_bad_input(client: TestClient, key: str, value: str) -> None:
    answer = client.post(f"/v1/check?pack=dcnf&meta.{key}={value}", content=DCNF, headers={"content-type": "text/html"})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "bad-input" and error["message"].startswith(f"metadata '{key}' names no one: ")


@pytest.mark.parametrize("payload", [{"meta": {"reporter": "\u202e"}}, {"author": "\ufffd"}, {"authors": ["Ana Ruiz", "\u200b"]}, {"publisher": "\x00"}])
def test_the_api_payload_answers_400_bad_input(client: TestClient, payload: dict[str, Any]) -> None:
    answer = client.post("/v1/check?pack=dcnf", content=json.dumps({"html": DCNF, **payload}), headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "bad-input" and " names no one: " in answer.json()["error"]["message"]


@pytest.mark.parametrize("value", NO_ONE[:3])
def test_the_editors_page_refuses_the_reporter_field(client: TestClient, value: str) -> None:
    answer = client.post("/", data={"article": DCNF, "pack": "dcnf", "reporter": value})
    assert answer.status_code == 400
    assert "metadata &#x27;reporter&#x27; names no one" in answer.text or "metadata 'reporter' names no one" in answer.text


def test_the_documented_example_is_what_the_api_answers(client: TestClient) -> None:
    serve_doc = (Path(__file__).resolve().parents[1] / "docs" / "serve.md").read_text(encoding="utf-8")
    after = serve_doc.split("meta.reporter=%00%E2%80%AE'\n```\n", 1)[1]
    shown = json.loads(after.split("```json\n", 1)[1].split("```", 1)[0])
    answer = client.post("/v1/check?pack=dcnf&meta.reporter=%00%E2%80%AE", content=DCNF.split("<p>Body")[0], headers={"content-type": "text/html"})
    assert (answer.status_code, answer.json()) == (400, shown)
