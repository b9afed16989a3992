"""One metadata key in two spellings (`reporter` and `Reporter`, `original-url` and
`ORIGINAL_URL`) in one source is the key given twice, refused wherever metadata is given, whatever
the values (another, the same, empty, null): which one was meant is unknown. Keys are compared in
NFKC with letter case folded (fullwidth letters, `ſ`); a key close to one a rule needs is named in
the rule's not-checked note. A payload's top-level field and its `meta` key of the same name give
one value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.cms import parse_payload
from compliance.metavalues import near_key, same_key
from tests.conftest import ROOT, write

CALMATTERS = ROOT / "samples" / "calmatters" / "compliant-wordpress.html"
HEADLINE_ERROR = 'error calmatters/headline The headline differs from CalMatters\' headline "Rates rise"'
STORY = (
    "This story was originally published by CalMatters. Sign up for their newsletters.\n\nBy Dan Walters, CalMatters\n\nSACRAMENTO — Insurers raised rates.\n"
)
HTML = (
    "<article><h1>Rates rise again</h1><p>This story was originally published by CalMatters.</p>"
    "<p>By Dan Walters, CalMatters</p><p>Insurers raised rates.</p></article>"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("original_headline: Rates rise", "Original_Headline:"),
        ("original_headline: Rates rise", "Original_Headline: ~"),
        ("original_headline: Rates rise", "ORIGINAL-HEADLINE: ''"),
        ("Original_Headline:", "original_headline: Rates rise"),
        ("title: Rates rise", "TITLE: Rates rise"),
        ("reporter: Ana Ruiz", "Reporter: Ana Ruiz"),
    ],
)
def test_front_matter_refuses_a_second_spelling_whatever_its_value(cli: Any, tmp_path: Path, first: str, second: str) -> None:
    story = write(tmp_path, "story.md", f"---\n{first}\n{second}\n---\n\n{STORY}")
    run = cli("check", "--format", "concise", str(story))
    assert run.code == 2
    assert f"story.md:3:1: '{second.split(':')[0]}' is the key '{first.split(':')[0]}' again" in run.err


@pytest.mark.parametrize("second", ["Original-Headline:", "Original-Headline: Rates rise", "ORIGINAL_HEADLINE: Other"])
def test_a_sidecar_refuses_a_second_spelling_whatever_its_value(cli: Any, tmp_path: Path, second: str) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    write(tmp_path, "story.html.meta.yaml", f"original_headline: Rates rise\n{second}\n")
    run = cli("check", str(story))
    assert run.code == 2 and "story.html.meta.yaml:2:1:" in run.err and "is the key 'original_headline' again" in run.err


def test_distinct_keys_that_look_alike_are_both_read(cli: Any, tmp_path: Path) -> None:
    # A near miss: `headline` is the copy's own, `original_headline` the original's; not one key.
    story = write(tmp_path, "story.md", f"---\nheadline: Rates rise again\noriginal_headline: Rates rise\n---\n\n{STORY}")
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", str(story))
    assert run.code == 1 and "is the key" not in run.err


def test_meta_option_refuses_two_spellings_even_with_one_value(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    run = cli("check", "--meta", "original_headline=A", "--meta", "Original-Headline=A", str(story))
    assert run.code == 2 and "--meta gives 'original_headline' and 'Original-Headline' (one key) twice" in run.err


@pytest.mark.parametrize(
    "meta",
    [
        {"original_headline": "Rates rise", "Original_Headline": None},
        {"original_headline": "Rates rise", "Original_Headline": ""},
        {"Original-Headline": "Rates rise", "original_headline": "Rates rise"},
        {"reporter": "Ana Ruiz", "REPORTER": "Ben Li"},
    ],
)
def test_a_payloads_meta_refuses_two_spellings_whatever_the_values(meta: dict[str, Any]) -> None:
    (problem,) = parse_payload(json.dumps({"id": "x", "html": HTML, "meta": meta}), "p.json")
    first, second = list(meta)
    assert getattr(problem, "reason", "").startswith(f"fields 'meta.{first}' and 'meta.{second}' are one metadata key in two spellings")


def test_a_payloads_meta_reads_keys_that_only_look_alike() -> None:
    (article,) = parse_payload(json.dumps({"id": "x", "html": HTML, "meta": {"reporter": "Ana Ruiz", "reporters": ["Ana Ruiz", "Ben Li"]}}), "p.json")
    assert article.meta["reporter"] == "Ana Ruiz" and article.meta["reporters"] == "Ana Ruiz and Ben Li"


@pytest.mark.parametrize(
    ("field", "value", "key"), [("title", "Rates rise again", "title"), ("headline", "Rates rise again", "headline"), ("author", "Ana Ruiz", "author")]
)
def test_a_top_level_field_and_its_meta_namesake_must_agree(field: str, value: str, key: str) -> None:
    (problem,) = parse_payload(json.dumps({"id": "x", "html": HTML, field: value, "meta": {key: "Other"}}), "p.json")
    assert getattr(problem, "reason", "").startswith(f"fields '{field}' and 'meta.{key}' both give the article's '{key}', differently")
    (article,) = parse_payload(json.dumps({"id": "x", "html": HTML, field: value, "meta": {key: value}}), "p.json")
    assert not hasattr(article, "reason")


def test_keys_are_compared_in_nfkc_without_letter_case() -> None:
    assert same_key("ＯＲＩＧＩＮＡＬ_HEADLINE") == same_key("Original-Headline") == "original_headline"
    assert same_key("ſource_publisher") == "source_publisher"
    assert same_key("ORİGİNAL_HEADLINE") != "original_headline"  # İ folds to i and a dot above
    assert near_key({"ORİGİNAL_HEADLINE": "x"}, "original_headline") == "ORİGİNAL_HEADLINE"
    assert near_key({"original_headlin": "x", "reporter": "y"}, "original_headline") == "original_headlin"
    assert near_key({"headline": "x", "original_url": "y"}, "original_headline") is None
    assert near_key({"Original_Headline": "x"}, "original_headline") is None


def test_a_fullwidth_key_is_read(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", "--meta", "ＯＲＩＧＩＮＡＬ_HEADLINE=Rates rise", str(story))
    assert HEADLINE_ERROR in run.out


@pytest.mark.parametrize("key", ["ORİGİNAL_HEADLINE", "original_headlin", "0riginal_headline"])
def test_a_key_close_to_a_needed_one_is_named(cli: Any, tmp_path: Path, key: str) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", "--meta", f"{key}=Rates rise", str(story))
    assert HEADLINE_ERROR not in run.out
    assert f"the key '{key}' given is not read as 'original_headline' — did you mean 'original_headline'?" in run.out


def test_a_key_far_from_a_needed_one_is_not_named(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", "--meta", "medium=online", str(story))
    assert "not checked" in run.out and "did you mean" not in run.out


def _client() -> Any:
    pytest.importorskip("starlette", reason="the 'serve' extra is not installed (pip install 'syndication-compliance[serve]')")
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    return TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")


@pytest.mark.parametrize(
    ("first", "second"),
    [("reporter", "Reporter"), ("original-url", "ORIGINAL_URL"), ("original_headline", "ＯＲＩＧＩＮＡＬ_HEADLINE"), ("byline", "BYLINE")],
)
def test_the_api_refuses_a_query_key_in_two_spellings(first: str, second: str) -> None:
    query = {f"meta.{first}": "Dan Walters", f"meta.{second}": "Ana Ruiz"}
    answer = _client().post("/v1/check", params=query, content=HTML.encode(), headers={"content-type": "text/html"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad-input"
    assert f"query parameters 'meta.{first}' and 'meta.{second}' are one metadata key in two spellings" in answer.json()["error"]["message"]


def test_the_api_reads_query_keys_that_only_look_alike() -> None:
    query = {"meta.reporter": "Dan Walters", "meta.reporters": "Dan Walters"}
    answer = _client().post("/v1/check", params=query, content=HTML.encode(), headers={"content-type": "text/html"})
    assert answer.status_code == 200
