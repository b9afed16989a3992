"""`GET /openapi.json` describes every answer docs/serve.md documents: each status and error code
of its error table, the editor's page (`GET /`, `POST /`), and the 404 and 405 the server gives
for a path or method it does not serve; and it is a valid OpenAPI 3.0 document."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.serve import ServeSettings
from compliance.serve.app import create_app

SERVE_DOC = Path(__file__).resolve().parents[1] / "docs" / "serve.md"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")


@pytest.fixture(scope="module")
def document(client: TestClient) -> dict[str, Any]:
    answer: dict[str, Any] = client.get("/openapi.json").json()
    return answer


def _documented_errors() -> list[tuple[str, str]]:
    """(status, code) of each row of docs/serve.md's error table."""
    table = SERVE_DOC.read_text(encoding="utf-8").split("## Errors", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| (\d{3}) \| `([a-z-]+)`", table, re.MULTILINE)


def _answers(document: dict[str, Any]) -> dict[str, str]:
    """Every status the document gives an answer for, with the descriptions of those answers."""
    found: dict[str, str] = {}
    for item in document["paths"].values():
        for operation in (v for k, v in item.items() if k in ("get", "post")):
            for status, answer in operation["responses"].items():
                found[status] = found.get(status, "") + answer["description"]
    for name, status in (("NotFound", "404"), ("MethodNotAllowed", "405")):
        found[status] = found.get(status, "") + document["components"]["responses"][name]["description"]
    return found


def test_the_document_is_valid_openapi_3_0(document: dict[str, Any]) -> None:
    pytest.importorskip("schemathesis", reason="schemathesis (the test extra) ships the OpenAPI 3.0 schema")
    import jsonschema
    from schemathesis.specs.openapi.definitions import OPENAPI_30

    jsonschema.Draft4Validator(OPENAPI_30).validate(document)
    assert document["openapi"].startswith("3.0.")


def test_the_error_table_is_read() -> None:
    errors = _documented_errors()
    assert len(errors) >= 15 and ("500", "internal-error") in errors and ("404", "not-found") in errors


@pytest.mark.parametrize(("status", "code"), _documented_errors())
def test_each_documented_answer_is_in_the_document(document: dict[str, Any], status: str, code: str) -> None:
    answers = _answers(document)
    assert status in answers
    assert f"`{code}`" in answers[status], (status, code)


def test_the_editors_page_is_in_the_document(document: dict[str, Any]) -> None:
    page = document["paths"]["/"]
    assert set(page) >= {"get", "post"}
    assert "text/html" in page["get"]["responses"]["200"]["content"]
    assert {"200", "400", "408", "413", "415", "421", "500", "504"} <= set(page["post"]["responses"])
    # An unknown pack is a field of the form refused, 400 as the others (the API's is 422).
    assert "422" not in page["post"]["responses"] and "unknown-pack" in page["post"]["responses"]["400"]["description"]
    assert "multipart/form-data" in page["post"]["requestBody"]["content"]


@pytest.mark.parametrize(("method", "path", "status"), [("GET", "/v1/chek", 404), ("DELETE", "/nothing", 404), ("GET", "/v1/check", 405), ("PUT", "/", 405)])
def test_the_404_and_405_the_server_gives_are_the_documents(client: TestClient, document: dict[str, Any], method: str, path: str, status: int) -> None:
    answer = client.request(method, path)
    assert answer.status_code == status
    name = "NotFound" if status == 404 else "MethodNotAllowed"
    assert f"`{answer.json()['error']['code']}`" in document["components"]["responses"][name]["description"]
    assert f"#/components/responses/{name}" in json.dumps(document["info"])
