"""Checking a republication against its original story through the command line."""

from __future__ import annotations

from typing import Any

FIXTURES = "tests/rule-fixtures/propublica"


def test_a_truncated_nd_story_exits_1_naming_the_truncation(cli: Any) -> None:
    run = cli("check", "--pack", "propublica", "--format", "json", "--original", f"{FIXTURES}/originals/story.orig", f"{FIXTURES}/original-truncated.html")
    findings = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert [f["rule"] for f in findings] == ["propublica/fidelity"]
    assert "the story stops after paragraph 8 of 9" in findings[0]["evidence"]


def test_a_faithful_copy_exits_0_with_the_comparison_as_evidence(cli: Any) -> None:
    run = cli("check", "--pack", "propublica", "--format", "json", "--original", f"{FIXTURES}/originals/story.orig", f"{FIXTURES}/compliant.html")
    entry = run.json()["files"][0]
    assert run.code == 0
    passed = {p["rule"]: p["evidence"] for p in entry["passed"]}
    assert passed["propublica/fidelity"] == "all 9 paragraphs of the original, unchanged beyond style, time and place edits"


def test_a_missing_original_file_is_a_user_error(cli: Any) -> None:
    run = cli("check", "--original", "no/such/original.html", f"{FIXTURES}/compliant.html")
    assert run.code == 2
    assert "--original: no such file" in run.err


def test_an_original_url_is_not_fetched_without_allow_fetch(cli: Any) -> None:
    run = cli("check", "--pack", "propublica", "--format", "json", "--meta", "original=http://127.0.0.1:9/story", f"{FIXTURES}/compliant.html")
    notices = [n["message"] for n in run.json()["files"][0]["notices"]]
    assert any("add --allow-fetch" in n for n in notices)
