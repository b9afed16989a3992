"""With `--force-exclude` (what the pre-commit hook runs), a file named on the command line that
`--exclude` or a `.gitignore` leaves out is not checked, as a directory walk would not check it,
and it is listed with the pattern that left it out — the last pattern that matches it, as git
reads them, with the ignore file and line — never dropped without a word. Files a walk of a
folder leaves out (node_modules/) are not listed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

NO_LOGO = ROOT / "samples" / "dcnf" / "no-logo.html"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / "site" / "old").mkdir(parents=True)
    for name in ("site/story.html", "site/old/a.html", "site/keep.bak.html", "site/b.bak.html", "site/c.tmp.html"):
        shutil.copy(NO_LOGO, tmp_path / name)
    (tmp_path / ".gitignore").write_text("*.bak.html\n", encoding="utf-8")
    (tmp_path / "site" / ".gitignore").write_text("# archive\nold/\n!keep.bak.html\n", encoding="utf-8")
    (tmp_path / ".git" / "info" / "exclude").write_text("*.tmp.html\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines(run: Any) -> list[str]:
    return [line for line in run.out.splitlines() if line.startswith("configuration:")]


def test_each_named_file_left_out_is_listed_with_its_pattern_and_line(cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = cli("check", "--format", "concise", "--force-exclude", "--", "site/story.html", "site/old/a.html", "site/b.bak.html", "site/c.tmp.html")
    assert run.code == 1, run.out + run.err
    assert "site/story.html:" in run.out and "site/old/a.html:" not in run.out
    assert sorted(lines(run)) == [
        "configuration: site/b.bak.html not checked: .gitignore pattern '*.bak.html' in .gitignore:1 (check it with --no-gitignore)",
        "configuration: site/c.tmp.html not checked: .gitignore pattern '*.tmp.html' in .git/info/exclude:1 (check it with --no-gitignore)",
        "configuration: site/old/a.html not checked: .gitignore pattern 'old/' in site/.gitignore:2 (check it with --no-gitignore)",
    ]


def test_a_file_a_deeper_negated_pattern_takes_back_is_checked(cli: Any, repo: Path) -> None:
    run = cli("check", "--format", "concise", "--force-exclude", "--", "site/keep.bak.html")
    assert run.code == 1
    assert "site/keep.bak.html:122:1: error dcnf/logo" in run.out and lines(run) == []


def test_an_exclude_glob_is_listed_and_without_force_exclude_nothing_is_left_out(cli: Any, repo: Path) -> None:
    run = cli("check", "--format", "concise", "--force-exclude", "--pass-with-nothing-checked", "--exclude", "site/story*", "--", "site/story.html")
    assert run.code == 0
    assert lines(run) == ["configuration: site/story.html not checked: --exclude 'site/story*' (named files are left out too with --force-exclude)"]
    named = cli("check", "--format", "concise", "--exclude", "site/story*", "--", "site/story.html", "site/b.bak.html")
    assert named.code == 1 and "site/story.html:122:1" in named.out and "site/b.bak.html:122:1" in named.out and lines(named) == []


def test_a_walk_lists_none_of_the_files_it_leaves_out(cli: Any, repo: Path) -> None:
    run = cli("check", "--format", "concise", "--force-exclude", "site")
    assert run.code == 1
    assert "site/story.html:" in run.out and "site/keep.bak.html:" in run.out and "site/b.bak.html" not in run.out
    assert lines(run) == []
