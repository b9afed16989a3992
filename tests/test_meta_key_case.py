"""A metadata key is read without letter case, and with `-` or `_` alike, wherever it is given
(`--meta`, front matter, a `.meta.yaml` sidecar, a payload's `meta`): `Original_Headline`,
`ORIGINAL-URL` and `Reporter` are the keys rules read, as a CMS export capitalises them. A message
names the key as written (the note of where the original's address came from too), and one
source giving a key in two spellings is refused, as a key given twice is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.metavalues import given_key, merged_meta, same_key
from tests.conftest import ROOT, write

CALMATTERS = ROOT / "samples" / "calmatters" / "compliant-wordpress.html"
HEADLINE_ERROR = 'error calmatters/headline The headline differs from CalMatters\' headline "Rates rise"'


def test_same_key_reads_letter_case_and_dashes_alike() -> None:
    assert {same_key(k) for k in ("original_headline", "Original_Headline", "ORIGINAL-HEADLINE", "original-Headline")} == {"original_headline"}
    assert same_key("reporter") != same_key("reporters")
    merged = merged_meta({"Reporter": "Ana Ruiz"}, {"ORIGINAL-URL": "https://x.example/a"})
    assert merged["reporter"] == "Ana Ruiz" and merged["original_url"] == merged["original-url"] == "https://x.example/a"
    # The keys as written come first: a message names them so.
    assert list(merged)[:2] == ["Reporter", "ORIGINAL-URL"]
    assert given_key(merged, "original_url") == "ORIGINAL-URL"


def test_a_stronger_source_wins_whatever_either_capitalises() -> None:
    assert merged_meta({"reporter": "From the sidecar"}, {"REPORTER": "From the option"})["reporter"] == "From the option"
    assert merged_meta({"Reporter": "From the sidecar"}, {"reporter": "From the option"})["reporter"] == "From the option"


@pytest.mark.parametrize("key", ["Original_Headline", "ORIGINAL-HEADLINE", "original-headline", "Original-headline"])
def test_meta_on_the_command_line_is_read_in_any_case(cli: Any, tmp_path: Path, key: str) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", "--meta", f"{key}=Rates rise", str(story))
    assert run.code == 1 and HEADLINE_ERROR in run.out


def test_a_key_that_is_no_key_rules_read_is_still_not_read(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", "--meta", "Original_Headlines=Rates rise", str(story))
    assert "calmatters/headline" in run.out and "not checked" in run.out and HEADLINE_ERROR not in run.out


@pytest.mark.parametrize("text", ["Original-Headline: Rates rise\n", "ORIGINAL_HEADLINE: Rates rise\n"])
def test_a_sidecar_key_is_read_in_any_case(cli: Any, tmp_path: Path, text: str) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    write(tmp_path, "story.html.meta.yaml", text)
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", str(story))
    assert HEADLINE_ERROR in run.out


def test_a_front_matters_title_medium_and_author_are_read_in_any_case(cli: Any, tmp_path: Path) -> None:
    front = "---\nTitle: Rates rise again\nMEDIUM: print\nOriginal_Headline: Rates rise\nAuthor: Dan Walters, CalMatters\n---\n\n"
    body = "This story was originally published by CalMatters. Sign up for their newsletters.\n\nSACRAMENTO — Insurers raised rates.\n"
    story = write(tmp_path, "story.md", front + body)
    run = cli("check", "--format", "concise", str(story))
    assert f'{story}:2:1: {HEADLINE_ERROR} (headline "Rates rise again"' in run.out
    assert "calmatters/newsletter-line): the copy is print" in run.out
    assert "calmatters/byline" not in run.out


def test_a_payloads_meta_is_read_in_any_case(cli: Any, tmp_path: Path) -> None:
    html = "<h1>Rates rise again</h1><p>This story was originally published by CalMatters. Sign up for their newsletters.</p><p>By Dan Walters, CalMatters</p>"
    payload = write(tmp_path, "post.json", json.dumps({"id": "s1", "html": html, "meta": {"Original_Headline": "Rates rise"}}))
    run = cli("check", "--input-kind", "cms-json", "--format", "concise", "--select", "calmatters/headline", str(payload))
    assert HEADLINE_ERROR in run.out


@pytest.mark.parametrize("key", ["REPORTER", "Reporter", "Source_Publisher"])
def test_a_name_key_in_capitals_is_held_to_naming_someone(cli: Any, key: str) -> None:
    run = cli("check", "--meta", f"{key}=—", str(CALMATTERS))
    assert run.code == 2 and f"metadata '{key}' names no one" in run.err


@pytest.mark.parametrize("key", ["Original_URL", "ORIGINAL-URL", "Canonical_Url"])
def test_an_address_key_in_capitals_is_held_to_being_a_web_address(cli: Any, key: str) -> None:
    run = cli("check", "--meta", f"{key}=ftp://x", str(CALMATTERS))
    assert run.code == 2 and f"metadata '{key}' must be an http(s) URL" in run.err


def test_a_key_given_in_two_spellings_is_refused(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", CALMATTERS.read_text(encoding="utf-8"))
    twice = cli("check", "--meta", "Reporter=Ana Ruiz", "--meta", "reporter=Ben Li", str(story))
    assert twice.code == 2 and "--meta gives 'Reporter' and 'reporter' (one key) twice" in twice.err
    write(tmp_path, "story.html.meta.yaml", "reporter: Ana Ruiz\nReporter: Ben Li\n")
    refused = cli("check", str(story))
    assert refused.code == 2 and "story.html.meta.yaml:2:1: 'Reporter' is the key 'reporter' again" in refused.err
    # The same value twice is the key given twice too, as `--meta` refuses it.
    write(tmp_path, "story.html.meta.yaml", "reporter: Rosa Ibarra\nReporter: Rosa Ibarra\n")
    assert cli("check", str(story)).code == 2
