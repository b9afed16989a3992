"""The pre-commit hook, end to end with the real pre-commit: `try-repo` on this checkout inside a
throwaway git repository fails on a non-compliant article and passes on a compliant one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_hook_definition_is_what_pre_commit_expects() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "syndcheck"
    assert hook["language"] == "python"
    # Staged files are named one by one: the configuration's exclusions apply to them as to a
    # walk, and a commit of empty drafts only is no error.
    # `--` last: pre-commit appends the staged names, and a name that starts with '-' is a file.
    assert hook["entry"] == "syndcheck check --force-exclude --pass-with-nothing-checked --"
    # One run at a time: runs never interleave their output, and any failing run fails the commit.
    assert hook["require_serial"] is True
    pattern = re.compile(hook["files"])
    # Every extension the directory walk takes, in any case, as the walk takes them.
    assert all(pattern.search(name) for name in ("a.html", "b.htm", "c.md", "d.txt", "STORY.HTML", "e.Md", "f.XHTML", "g.markdown", "h.text"))
    assert not any(pattern.search(name) for name in ("e.yaml", "f.HTML.bak", "html", "notes.docx"))


def _pre_commit() -> list[str]:
    executable = Path(sys.executable).with_name("pre-commit")
    if executable.exists():
        return [str(executable)]
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (it is in the test extra: pip install -e '.[test]')")
    return [sys.executable, "-m", "pre_commit"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_try_repo_fails_a_noncompliant_article_and_passes_a_compliant_one(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", repo / "no-logo.html")
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", repo / "compliant.html")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [*_pre_commit(), "try-repo", str(ROOT), "syndcheck", "--color", "never", "--files"]
    failing = subprocess.run([*command, "no-logo.html"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "syndcheck (republication terms)" in failing.stdout
    assert "Failed" in failing.stdout
    assert "dcnf/logo" in failing.stdout
    passing = subprocess.run([*command, "compliant.html"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


def _recipe() -> str:
    doc = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8")
    return doc.split("### pre-commit", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_documented_recipe_pins_a_commit_of_this_repository() -> None:
    (repo,) = yaml.safe_load(_recipe())["repos"]
    rev = repo["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "pin a full commit hash of main (or a tag that is pushed with main)"
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    known = subprocess.run(["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True)
    assert known.returncode == 0, f"{rev} is not in this repository's history"
    ancestor = subprocess.run(["git", "merge-base", "--is-ancestor", rev, "HEAD"], cwd=ROOT, capture_output=True)
    assert ancestor.returncode == 0, f"{rev} is not in the history of HEAD"


def test_the_documented_recipe_runs_as_written(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    config = yaml.safe_load(_recipe())
    # The recipe names the newsroom's mirror of this repository; here the mirror is this checkout.
    config["repos"][0]["repo"] = str(ROOT)
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", repo / "no-logo.html")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    run = subprocess.run([*_pre_commit(), "run", "--all-files", "--color", "never"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "syndcheck (republication terms)" in run.stdout and "Failed" in run.stdout
    assert "dcnf/logo" in run.stdout


def test_the_hook_checks_what_ci_checks_whatever_the_staged_files(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "articles"
    (repo / "drafts").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / ".syndcheck.yaml").write_text('root: true\nexclude: ["drafts/**"]\n', encoding="utf-8")
    # Nine empty drafts and a compliant story: more files than pre-commit gives one process
    # when it runs a hook in parallel; a draft the configuration leaves out of CI's walk.
    for index in range(1, 10):
        (repo / f"c{index}-draft.md").write_bytes(b"")
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", repo / "story.html")
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", repo / "drafts" / "wip.html")
    # A story the repository's .gitignore leaves out, committed all the same (`git add -f`): left
    # out as CI's walk leaves it out, and listed with the pattern, never dropped without a word.
    (repo / ".gitignore").write_text("# backups\n*.bak.html\n", encoding="utf-8")
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", repo / "old.bak.html")
    _git(repo, "add", ".")
    _git(repo, "add", "-f", "old.bak.html")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [*_pre_commit(), "try-repo", str(ROOT), "syndcheck", "--color", "never"]
    # --verbose: pre-commit shows a passing hook's output only then.
    passing = subprocess.run([*command, "--verbose"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "drafts/wip.html not checked: exclude 'drafts/**' in .syndcheck.yaml:2" in passing.stdout
    assert "old.bak.html not checked: .gitignore pattern '*.bak.html' in .gitignore:2 (check it with --no-gitignore)" in passing.stdout
    # An article with an upper-case extension is an article, as in CI's walk.
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", repo / "STORY.HTML")
    _git(repo, "add", "STORY.HTML")
    failing = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "STORY.HTML" in failing.stdout and "dcnf/logo" in failing.stdout
    assert "exit 1: 1 error" in failing.stdout


def test_a_staged_name_that_looks_like_an_option_is_an_article_not_an_option(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook's entry ends its options: pre-commit appends the staged names after it, and a file
    named like `--output=json=victim.html` is checked, never read as an option that writes over
    another file."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *entry = hook["entry"].split()
    assert program == "syndcheck"
    victim = tmp_path / "victim.html"
    victim.write_text("<p>The newsroom's page.</p>", encoding="utf-8")
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", tmp_path / "--output=json=victim.html")
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", tmp_path / "-q.html")
    # Nor the global `--debug`, which is an option anywhere before `--`.
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", tmp_path / "--debug")
    monkeypatch.chdir(tmp_path)
    run = cli(*entry, "--output=json=victim.html", "-q.html", "--debug")
    assert run.code == 1
    assert victim.read_text(encoding="utf-8") == "<p>The newsroom's page.</p>"
    # Every staged file was checked: the first fails, the second (not the short option -q) passes.
    assert "--output=json=victim.html  [dcnf]" in run.out and "dcnf/logo" in run.out
    assert "-q.html  [dcnf]" in run.out
    assert "--debug  [dcnf]" in run.out and "3 files checked" in run.out


def test_the_readme_shows_the_documented_recipe_as_written() -> None:
    # A user who reads only the README sets the hook up from it: the same file, not a variant.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in readme.split("```yaml\n")[1:]]
    shown = [block for block in blocks if "hooks:" in block]
    assert shown == [_recipe()]
    assert "docs/output-formats.md#pre-commit" in readme
