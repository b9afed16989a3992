"""`"packs": []` names no pack and is refused, not answered with the packs detection picks; the
API's OpenAPI document lists every answer its endpoints give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from compliance.cms import EMPTY_PACKS, CmsProblem, parse_payload
from compliance.serve import ServeSettings
from compliance.serve.app import create_app
from tests.conftest import write

DCNF = "<p>By Jake Smith, Daily Caller News Foundation</p>"
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeSettings()), base_url="http://127.0.0.1:8080")


@pytest.mark.parametrize(
    ("payload", "query"),
    [
        ({"html": DCNF, "packs": []}, ""),
        ({"html": DCNF, "packs": [], "meta": {"reporter": "Jake Smith"}}, ""),
        ({"content": "<p>x</p>", "id": "s-1", "packs": []}, ""),
        ({"html": DCNF, "packs": []}, "?pack=dcnf"),  # a mistake in the payload, whatever the query says
    ],
)
def test_the_api_refuses_an_empty_packs_array(client: TestClient, payload: dict[str, Any], query: str) -> None:
    answer = client.post(f"/v1/check{query}", content=json.dumps(payload), headers=JSON)
    assert answer.status_code == 400
    assert answer.json() == {"error": {"code": "bad-input", "message": EMPTY_PACKS}}


def test_packs_null_or_left_out_still_means_detect(client: TestClient) -> None:
    for payload in ({"html": DCNF}, {"html": DCNF, "packs": None}):
        answer = client.post("/v1/check", content=json.dumps(payload), headers=JSON)
        assert answer.status_code == 200 and answer.json()["files"][0]["packs"] == ["dcnf"]


def test_the_command_line_refuses_that_article_of_a_payload(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "s.jsonl", "\n".join(json.dumps(p) for p in ({"id": "a", "html": DCNF}, {"id": "b", "html": DCNF, "packs": []})) + "\n")
    run = cli("check", "--input-kind", "cms-json", str(stream))
    assert run.code == 2
    assert f"s.jsonl#2 (b): {EMPTY_PACKS}" in run.err
    (first, second) = parse_payload(stream.read_text(encoding="utf-8"), "s.jsonl")
    assert not isinstance(first, CmsProblem) and second == CmsProblem("s.jsonl#2 (b)", EMPTY_PACKS)


def test_the_api_document_lists_the_answers_it_gives(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    check = document["paths"]["/v1/check"]["post"]
    assert {"200", "400", "408", "413", "415", "421", "422", "500", "504"} <= set(check["responses"])
    assert "internal-error" in check["responses"]["500"]["description"]
    file_schema = document["components"]["schemas"]["File"]
    assert {"detections", "detection"} <= set(file_schema["required"])
    assert file_schema["properties"]["detections"] == file_schema["properties"]["detection"]
    packs = check["requestBody"]["content"]["application/json"]["schema"]["properties"]["packs"]
    assert packs["minItems"] == 1
    # Every key of an answer is in the schema of its File.
    entry = client.post("/v1/check", content=json.dumps({"html": DCNF}), headers=JSON).json()["files"][0]
    assert set(entry) <= set(file_schema["properties"]) | {"path_bytes"}
