"""The HTTP API against its own OpenAPI document, with schemathesis: generated requests (valid and
not) never get a server error, an undocumented status or a body that breaks the schema."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (the test extra provides it)")

from hypothesis import HealthCheck, assume, settings  # noqa: E402

from compliance.cms import gives_one_value_differently, names_a_blank_meta_key  # noqa: E402
from compliance.serve import ServeSettings  # noqa: E402
from compliance.serve.app import create_app  # noqa: E402

# schemathesis sends its requests with the test client's Host, which is named as an operator behind a
# proxy names theirs.
APP = create_app(ServeSettings(max_bytes=256 * 1024, allowed_hosts=("testserver", "localhost")))
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)


@SCHEMA.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_openapi_contract(case: schemathesis.Case) -> None:
    # Two fields giving one metadata key differently (`title` "A", `headline` "B") are refused,
    # and so is a blank key in `meta`: rules OpenAPI 3.0 cannot state, which the document says in
    # words; the tests below hold the server to them.
    assume(not gives_one_value_differently(case.body) and not names_a_blank_meta_key(case.body))
    # A name with no letter or digit is refused too: the document says so in words (`_NAMES_SOMEONE`).
    assume(not _names_no_one(case.body))
    # A form field's value is text, whatever schemathesis meant to send: a number sent where the
    # document asks for a string arrives as the string "5", which the page rightly takes. Only
    # that check is left out for form bodies; every other check (no server error, documented
    # statuses, answers that keep the schema) holds for them too.
    form = case.media_type in ("multipart/form-data", "application/x-www-form-urlencoded")
    case.call_and_validate(excluded_checks=[schemathesis.checks.negative_data_rejection] if form else None)


def _names_no_one(body: object) -> bool:
    """Whether a generated payload or form gives a name with no letter or digit (`name_problem`)."""
    from compliance.cms import META_FIELDS
    from compliance.metavalues import name_problem

    if not isinstance(body, dict):
        return False
    given = [(META_FIELDS.get(key, key), value) for key, value in body.items()]
    if isinstance(body.get("meta"), dict):
        given += list(body["meta"].items())
    names = [(key, item) for key, value in given for item in (value if isinstance(value, list) else [value])]
    names += [(key, item.get("display_name") or item.get("name")) for key, item in names if isinstance(item, dict)]
    return any(isinstance(name, str) and name_problem(str(key), name) is not None for key, name in names)


def test_the_document_states_the_one_rule_it_cannot_express_and_the_server_keeps_it() -> None:
    from starlette.testclient import TestClient

    from compliance.serve.openapi import openapi_document

    schema = openapi_document(1024, ["dcnf"])["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "`reporter`, `author`, `reporters`, `authors` and `meta.reporter`" in schema["description"]
    client = TestClient(APP, base_url="http://testserver")
    refused = client.post("/v1/check", json={"html": "<p>x</p>", "title": "A", "headline": "B"})
    agreed = client.post("/v1/check", json={"html": "<p>x</p>", "title": "A", "headline": "A", "author": "Ana Ruiz", "meta": {"reporter": "Ana Ruiz"}})
    assert (refused.status_code, refused.json()["error"]["code"]) == (400, "bad-input")
    assert agreed.status_code == 200 and agreed.json()["status"] in (0, 1)


@pytest.mark.parametrize("key", ["", " ", "\t\n"])
def test_the_document_states_that_a_blank_meta_key_is_refused_and_the_server_keeps_it(key: str) -> None:
    from starlette.testclient import TestClient

    from compliance.serve.openapi import openapi_document

    schema = openapi_document(1024, ["dcnf"])["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "a key that is empty or blank is refused (400)" in schema["properties"]["meta"]["description"]
    client = TestClient(APP, base_url="http://testserver")
    refused = client.post("/v1/check", json={"html": "<p>x</p>", "meta": {key: "x"}})
    kept = client.post("/v1/check", json={"html": "<p>x</p>", "meta": {"a b": "x"}})
    assert (refused.status_code, refused.json()["error"]["code"]) == (400, "bad-input")
    assert "names no metadata key (it is empty or blank)" in refused.json()["error"]["message"]
    assert kept.status_code == 200
    assert names_a_blank_meta_key({"meta": {key: "x"}}) and not names_a_blank_meta_key({"meta": {"a b": "x"}, "": "top level"})


def test_the_payload_schema_takes_the_article_in_one_field_as_the_server_does() -> None:
    import jsonschema

    from compliance.serve.openapi import openapi_document

    schema = openapi_document(1024, ["dcnf"])["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    accepted = [{"html": "<p>x</p>"}, {"html": "<p>x</p>", "content": ""}, {"content": "  ", "body": "<p>x</p>"}]
    refused = [{"html": "<p>x</p>", "content": "<p>y</p>"}, {"content": "a", "body_html": "b"}, {"body": "a", "article_html": "b", "html": ""}]
    assert [jsonschema.Draft4Validator(schema).is_valid(payload) for payload in accepted] == [True, True, True]
    assert [jsonschema.Draft4Validator(schema).is_valid(payload) for payload in refused] == [False, False, False]


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/a",
        " \t https://example.org/a \n",
        # Python's blank space that ECMA-262's `\s` leaves out: inside, refused; around, stripped.
        "https://example.org/a\x85b",
        "https://example.org/a\x1cb",
        "\x1f\x85https://example.org/a\x1e",
        # ECMA-262's `\s` that Python's leaves out: not blank to the server, nor to the document.
        "https://example.org/a\ufeffb",
        "\ufeffhttps://example.org/a",
        # C0 controls a browser passes over before the scheme; one with a space after it is not.
        "\x01https://example.org/a",
        "\x01 https://example.org/a",
        "https://example.org/a\x01",
        # A control character inside: refused, whichever.
        "https://example.org/a\x1bb",
        "https://example.org/a\x7f",
        "https://example.org/a\x9bb",
        "\u3000https://example.org/a\u2003b",
        "ftp://example.org/a",
        "",
        " \x85 ",
        '"https://example.org/a"',
    ],
)
def test_the_documented_address_pattern_refuses_what_the_server_refuses(value: str) -> None:
    # The document's pattern spells out the server's blank space: generated requests it calls valid
    # must not be refused, and those it calls invalid must not be taken.
    import re

    from compliance.fixtemplates import address_problem
    from compliance.serve.openapi import _address_pattern

    # `\s` means other characters to ECMA-262 (the document's reader) than to Python: none is used.
    assert "\\s" not in _address_pattern()
    assert (re.search(_address_pattern(), value) is not None) == (address_problem(value) is None)
