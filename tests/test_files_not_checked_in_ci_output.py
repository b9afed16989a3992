"""Every file a run did not check shows in the CI formats: a file skipped (over `--max-bytes`,
empty, binary data) is a `note` line in concise output, a `::warning` in GitHub's and an `info`
issue in GitLab's Code Quality report; a document whose failure fails the run is a `critical`
GitLab issue, as it is an error in the other two. None of it changes the exit code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

STORY = ROOT / "samples" / "dcnf" / "no-logo.html"  # 25,961 bytes, one finding
EMPTY = "not checked: the file is empty — write the article in it, or leave it out with --exclude or the config's exclude"
TOO_LARGE = "not checked: 25,961 bytes is more than --max-bytes 20,000 — raise --max-bytes (or 0 for no limit) to check it"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "story.html").write_bytes(STORY.read_bytes())
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "good.html").write_bytes((ROOT / "samples" / "dcnf" / "compliant-static.html").read_bytes())
    return tmp_path


def test_concise_output_has_a_line_for_each_file_skipped(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_folder(tmp_path))
    run = cli("check", "--format", "concise", "--max-bytes", "20000", "good.html", "story.html", "empty.html", "image.html")
    assert run.code == 0, run.err
    lines = [line for line in run.out.splitlines() if not line.startswith("note: ")]
    assert lines == [
        f"story.html:1:1: note syndcheck/too-large {TOO_LARGE}",
        f"empty.html:1:1: note syndcheck/skipped {EMPTY}",
        "image.html:1:1: note syndcheck/skipped not checked: the file is a PNG image, not an article — leave it out with --exclude or the config's exclude",
    ]


def test_github_output_warns_of_each_file_skipped(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_folder(tmp_path))
    run = cli("check", "--format", "github", "--max-bytes", "20000", "good.html", "story.html", "empty.html")
    assert run.code == 0, run.err
    warnings = [line for line in run.out.splitlines() if line.startswith("::warning ")]
    assert warnings == [
        f"::warning file=story.html,line=1,col=1,title=syndcheck/too-large::{TOO_LARGE}",
        f"::warning file=empty.html,line=1,col=1,title=syndcheck/skipped::{EMPTY}",
    ]


def test_a_file_checked_in_the_same_run_keeps_its_findings_and_exit_code(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_folder(tmp_path))
    run = cli("check", "--format", "concise", "story.html", "empty.html")
    assert run.code == 1
    assert run.out.splitlines()[:2] == [
        "story.html:122:1: error dcnf/logo The Daily Caller News Foundation logo is missing from the article.",
        f"empty.html:1:1: note syndcheck/skipped {EMPTY}",
    ]


def test_gitlab_lists_each_file_skipped_as_info_and_each_failed_document_as_critical(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_folder(tmp_path))
    (tmp_path / "dup.md").write_text("---\ntitle: a\ntitle: b\n---\nBy Jake Smith\n", encoding="utf-8")
    run = cli("check", "--format", "gitlab", "--max-bytes", "20000", "good.html", "story.html", "empty.html", "dup.md")
    assert run.code == 2  # the front matter's duplicate key fails the run
    issues = json.loads(run.out)
    shown = [(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"], i["severity"]) for i in issues]
    assert shown == [
        ("story.html", 1, "syndcheck/too-large", "info"),
        ("empty.html", 1, "syndcheck/skipped", "info"),
        ("dup.md", 3, "syndcheck/unreadable", "critical"),
    ]
    assert issues[0]["description"] == TOO_LARGE
    assert issues[2]["description"].startswith("not checked: duplicate key 'title'")
    assert issues[2]["content"]["body"].startswith("The document was not checked, which fails the run")
    # One fingerprint per file, which stays when the file's size does.
    assert len({i["fingerprint"] for i in issues}) == 3
    again = cli("check", "--format", "gitlab", "--max-bytes", "10000", "story.html")
    assert json.loads(again.out)[0]["fingerprint"] == issues[0]["fingerprint"]


def test_a_skipped_article_of_a_cms_payload_is_a_warning_on_the_payload(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # Beside an article that is checked: in a run that checked nothing, the skipped one fails it.
    story = "<p>By Ana Ruiz</p><p>The council voted on Tuesday.</p>"
    # (An article of NUL and control bytes is skipped as binary data is; a blank one is refused: tests/test_cms_empty_articles.py.)
    (tmp_path / "payload.json").write_text(json.dumps([{"id": "story-7", "html": "\x00\x01\x02"}, {"id": "story-8", "html": story}]), encoding="utf-8")
    run = cli("check", "--input-kind", "cms-json", "--format", "github", "payload.json")
    (line,) = [line for line in run.out.splitlines() if line.startswith("::warning")]
    assert line.startswith("::warning file=payload.json,title=syndcheck/skipped::not checked: ")
    assert line.endswith("(in payload.json#1 (story-7))")
