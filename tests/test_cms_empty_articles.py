"""A payload whose article field is empty or white space only is not an empty file: the payload
holds something, its article does not. Such an article is refused as an article field of the
wrong type is (exit 2, the API's 400 `bad-input`), the field named as sent, with its line when the
payload has several, and what to send; one that holds HTML, however little, is checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.cms import CmsArticle, CmsProblem, parse_payload
from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import write

WORDPRESS = {"id": 7, "title": {"rendered": "Plan"}, "link": "https://news.example/?p=7", "author": 2}


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        ({"id": "s1", "html": ""}, "field 'html' is empty, not article HTML"),
        ({"id": "s1", "content": "  \n\t"}, "field 'content' is blank (white space only), not article HTML"),
        ({"slug": "rates", "body": "\u3000"}, "field 'body' is blank (white space only), not article HTML"),
        ({"body_html": "", "reporter": "Ana Ruiz"}, "field 'body_html' is empty, not article HTML"),
        ({**WORDPRESS, "content": {"rendered": "", "protected": False}}, "field 'content.rendered' is empty, not article HTML"),
        ({**WORDPRESS, "content": {"rendered": "\n\n"}}, "field 'content.rendered' is blank (white space only), not article HTML"),
    ],
)
def test_an_empty_article_field_is_named_with_what_to_send(payload: dict[str, Any], said: str) -> None:
    (problem,) = parse_payload(json.dumps(payload), "post.json")
    assert isinstance(problem, CmsProblem)
    assert problem.reason == f"{said}: there is no article to check; send the article's HTML in it"


@pytest.mark.parametrize(
    "payload",
    [
        {"id": "s1", "html": "<p> </p>"},  # markup with no text is HTML, read as a page is
        {"id": "s1", "html": "<p>The story.</p>", "content": ""},  # the blank field is not the article
        {"id": "s1", "content": "   ", "body": "<p>The story.</p>"},
        {**WORDPRESS, "content": {"rendered": "<p>The story.</p>", "protected": False}},
    ],
)
def test_an_article_field_that_holds_html_is_checked(payload: dict[str, Any]) -> None:
    (article,) = parse_payload(json.dumps(payload), "post.json")
    assert isinstance(article, CmsArticle) and article.html.strip()


def test_a_protected_post_is_still_told_to_send_the_password() -> None:
    (problem,) = parse_payload(json.dumps({**WORDPRESS, "content": {"rendered": "", "protected": True}}), "post.json")
    assert isinstance(problem, CmsProblem) and "password-protected" in problem.reason


def test_the_record_and_its_line_are_named_in_an_array_and_in_json_lines(cli: Any, tmp_path: Path) -> None:
    array = write(tmp_path, "posts.json", '[{"id": "a", "html": "<p>By Ana Ruiz</p>"},\n {"id": "b",\n  "body": " "}]\n')
    lines = write(tmp_path, "posts.jsonl", '{"id": "a", "html": "<p>By Ana Ruiz</p>"}\n\n{"id": "c", "content": {"rendered": ""}}\n')
    run = cli("check", "--input-kind", "cms-json", "--format", "concise", str(array), str(lines))
    assert run.code == 2
    errors = [line for line in run.err.splitlines() if line.startswith("syndcheck: error:")]
    advice = "there is no article to check; send the article's HTML in it"
    assert errors == [
        f"syndcheck: error: {array}#2 (b): field 'body' is blank (white space only), not article HTML (at line 3): {advice}",
        # The second object, on the file's third line: named by its place, told at its line.
        f"syndcheck: error: {lines}#2 (c): field 'content.rendered' is empty, not article HTML (at line 3): {advice}",
    ]
    assert run.err.strip().splitlines()[-1] == "exit 2: 2 documents not checked (errors above)"
    assert "the file is empty" not in run.out + run.err


def test_a_one_object_payload_names_no_line_and_the_run_exits_2(cli: Any, tmp_path: Path) -> None:
    post = write(tmp_path, "post.json", json.dumps({"id": "s9", "html": ""}))
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(post))
    assert run.code == 2
    (entry,) = run.json()["files"]
    assert entry["checked"] is False
    assert [(n["code"], n["message"]) for n in entry["notices"]] == [
        ("unreadable", "not checked: field 'html' is empty, not article HTML: there is no article to check; send the article's HTML in it")
    ]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")


@pytest.mark.parametrize("payload", [{"html": ""}, {"body": " \n "}, {**WORDPRESS, "content": {"rendered": ""}}])
def test_the_api_refuses_an_empty_article_as_the_command_line_does(client: TestClient, payload: dict[str, Any]) -> None:
    answer = client.post("/v1/check?pack=dcnf", json=payload)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "bad-input" and "not article HTML" in answer.json()["error"]["message"]


def test_the_payload_schema_refuses_an_empty_article_as_the_server_does() -> None:
    import jsonschema

    from compliance.serve.openapi import openapi_document

    schema = openapi_document(1024, ["dcnf"])["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    valid = jsonschema.Draft4Validator(schema).is_valid
    assert [valid(p) for p in ({"html": ""}, {"content": "  "}, {**WORDPRESS, "content": {"rendered": " "}})] == [False, False, False]
    assert [valid(p) for p in ({"html": "<p>x</p>"}, {"html": "<p>x</p>", "body": ""}, {**WORDPRESS, "content": {"rendered": "<p>x</p>"}})] == [
        True,
        True,
        True,
    ]
