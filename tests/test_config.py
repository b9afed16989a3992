"""Project configuration: discovery, precedence, per-path overrides, include/exclude, errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, write

NO_LOGO = SAMPLES / "dcnf" / "no-logo.html"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    for name in ("a/story.html", "a/b/story.html", "a/drafts/story.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(NO_LOGO, root / name)
    monkeypatch.chdir(root)
    return root


def _severities(run: Any) -> dict[str, list[str]]:
    return {e["path"]: [f["severity"] for f in e["findings"]] for e in run.json()["files"]}


def test_nearer_file_overrides_farther_and_cli_overrides_all(cli: Any, repo: Path) -> None:
    write(repo, ".syndcheck.yaml", "severity:\n  dcnf/logo: warning\n")
    write(repo, "a/b/.syndcheck.yaml", "severity:\n  dcnf/logo: info\n")
    run = cli("check", "--format", "json", "a/story.html", "a/b/story.html")
    assert _severities(run) == {"a/story.html": ["warning"], "a/b/story.html": ["info"]}
    assert run.code == 0
    assert cli("check", "--fail-on", "info", "a/b/story.html").code == 1


SUPPRESSED_NO_LOGO = re.sub(rb"(<body[^>]*>)", rb"\1\n<!-- syndcheck-disable dcnf/logo -- logo in masthead -->", NO_LOGO.read_bytes(), count=1)


@pytest.mark.parametrize("where", ["news/", "news/story.html", "news (from inside)"])
def test_a_root_file_below_the_repository_root_does_not_cancel_the_settings_above_it(cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    # A desk's `root: true` file is met on the way up, but the repository's own file still
    # applies: its locked `inline-suppressions: false` and its `fail-on: warning`.
    write(repo, ".syndcheck.yaml", "root: true\ninline-suppressions: false\nfail-on: warning\n")
    write(repo, "news/.syndcheck.yaml", "root: true\n")
    write(repo, "news/story.html", SUPPRESSED_NO_LOGO)
    if where.endswith("(from inside)"):
        monkeypatch.chdir(repo / "news")
        where = "story.html"
    run = cli("check", where)
    assert run.code == 1, run.out
    assert "error   dcnf/logo" in run.out and "1 suppression comment in the document not obeyed (dcnf/logo at " in run.out
    assert "suppressed" not in run.out.splitlines()[-1]


def test_what_a_root_file_below_the_repository_root_weakens_is_listed_with_it(cli: Any, repo: Path) -> None:
    write(repo, ".syndcheck.yaml", "root: true\ninline-suppressions: false\nfail-on: warning\n")
    write(repo, "news/.syndcheck.yaml", "root: true\ninline-suppressions: true\nfail-on: error\nseverity: {dcnf/logo: info}\n")
    write(repo, "news/story.html", SUPPRESSED_NO_LOGO)
    run = cli("check", "news/")
    assert run.code == 0, run.out
    lines = [line for line in run.out.splitlines() if line.startswith("configuration: ")]
    assert sorted(lines) == [
        "configuration: dcnf/logo lowered to info by news/.syndcheck.yaml",
        "configuration: fail-on raised to error by news/.syndcheck.yaml (was warning from .syndcheck.yaml)",
    ]
    # The upper file's `inline-suppressions: false` stays: the comment is not obeyed.
    assert "info    dcnf/logo" in run.out
    configured = cli("check", "--format", "json", "news/").json()["summary"]["configured"]
    assert {(c["setting"], c["file"]) for c in configured} == {("severity", "news/.syndcheck.yaml"), ("fail-on", "news/.syndcheck.yaml")}


def test_outside_a_repository_a_root_file_stops_discovery_unless_the_run_started_above_it(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    top = tmp_path / "articles"  # no .git anywhere above
    write(top, ".syndcheck.yaml", "root: true\nseverity:\n  dcnf/logo: off\n")
    write(top, "a/.syndcheck.yaml", "root: true\nfail-on: warning\n")
    shutil.copy(NO_LOGO, top / "a" / "story.html")
    monkeypatch.chdir(top / "a")
    # The run starts at the folder's own root file: the files above it are not read.
    assert _severities(cli("check", "--format", "json", "story.html")) == {"story.html": ["error"]}
    monkeypatch.chdir(top)
    # Started above it, the run reads the top file too, and lists what it turns off.
    run = cli("check", "--format", "json", "a/story.html")
    assert _severities(run) == {"a/story.html": []}
    assert [c["change"] for c in run.json()["summary"]["configured"]] == ["dcnf/logo turned off by .syndcheck.yaml"]


def test_repository_root_stops_discovery(cli: Any, repo: Path, tmp_path: Path) -> None:
    write(tmp_path, ".syndcheck.yaml", "severity:\n  dcnf/logo: off\n")
    assert _severities(cli("check", "--format", "json", "a/story.html")) == {"a/story.html": ["error"]}


def test_pyproject_tool_table(cli: Any, repo: Path) -> None:
    write(repo, "pyproject.toml", '[project]\nname = "articles"\n\n[tool.syndcheck]\nfail-on = "warning"\n[tool.syndcheck.severity]\n"dcnf/logo" = "warning"\n')
    run = cli("check", "--format", "json", "a/story.html")
    assert _severities(run) == {"a/story.html": ["warning"]}
    assert run.code == 1
    shown = cli("config", "show", "a/story.html")
    assert "fail-on: warning  [pyproject.toml]" in shown.out
    # A configuration change is annotated on the file itself, which CI and editors can open.
    github = cli("check", "--format", "github", "a/story.html")
    assert "::warning file=pyproject.toml,line=1,col=1,title=syndcheck configuration::dcnf/logo lowered to warning by pyproject.toml" in github.out


def test_config_show_names_the_file_of_each_glob(cli: Any, repo: Path) -> None:
    # A glob is relative to its file's folder: without the file, `include: *.htm` says too little.
    write(repo, ".syndcheck.yaml", "exclude:\n  - 'a/drafts/**'\n  - 'a/old/**'\n")
    write(repo, "a/.syndcheck.yaml", "fail-on: warning\ninclude: ['*.html']\nexclude: ['b/**']\n")
    shown = cli("config", "show", "a/story.html").out.splitlines()
    assert [line for line in shown if line.startswith(("include:", "exclude:"))] == [
        "include: *.html  [a/.syndcheck.yaml:2]",
        "exclude: a/drafts/**, a/old/**  [.syndcheck.yaml:2]",
        "exclude: b/**  [a/.syndcheck.yaml:3]",
    ]


def test_include_and_exclude_apply_to_directory_walks_only(cli: Any, repo: Path) -> None:
    write(repo, ".syndcheck.yaml", "exclude: ['a/drafts/**']\n")
    walked = [e["path"] for e in cli("check", "--format", "json", "a").json()["files"]]
    assert walked == ["a/b/story.html", "a/story.html"]
    explicit = [e["path"] for e in cli("check", "--format", "json", "a/drafts/story.html").json()["files"]]
    assert explicit == ["a/drafts/story.html"]


@pytest.mark.parametrize(
    ("exclude", "walked"),
    [
        # A folder written as git writes it takes everything in it, as `--exclude` and .gitignore do.
        ("a/drafts/", ["a/b/story.html", "a/story.html"]),
        ("a/drafts", ["a/b/story.html", "a/story.html"]),
        # A name without a slash is a file's or a folder's at any depth.
        ("drafts", ["a/b/story.html", "a/story.html"]),
        ("b", ["a/drafts/story.html", "a/story.html"]),
        # One with a slash is relative to the configuration file's folder.
        ("drafts/", ["a/b/story.html", "a/story.html"]),
        ("b/story.html", ["a/b/story.html", "a/drafts/story.html", "a/story.html"]),
        ("a/**/story.html", []),
    ],
)
def test_exclude_reads_globs_as_git_does(cli: Any, repo: Path, exclude: str, walked: list[str]) -> None:
    write(repo, ".syndcheck.yaml", f"exclude: ['{exclude}']\n")
    run = cli("check", "--format", "json", "--pass-with-nothing-checked", "a")
    assert [e["path"] for e in run.json()["files"]] == walked


def test_a_folder_excluded_in_the_configuration_leaves_out_a_staged_file_in_it(cli: Any, repo: Path) -> None:
    # What a pre-commit hook runs: the staged file named, --force-exclude applying the configuration.
    write(repo, ".syndcheck.yaml", "exclude: [a/drafts/]\n")
    run = cli("check", "--format", "concise", "--force-exclude", "--pass-with-nothing-checked", "--", "a/drafts/story.html")
    assert run.code == 0
    assert run.out.splitlines() == ["configuration: a/drafts/story.html not checked: exclude 'a/drafts/' in .syndcheck.yaml:1"]


def test_config_flag_replaces_discovery(cli: Any, repo: Path, tmp_path: Path) -> None:
    write(repo, ".syndcheck.yaml", "severity:\n  dcnf/logo: off\n")
    other = write(tmp_path, "ci.yaml", "fail-on: warning\n")
    run = cli("check", "--config", str(other), "--format", "json", "a/story.html")
    assert _severities(run) == {"a/story.html": ["error"]}


def test_packs_in_config_replace_auto_detection(cli: Any, repo: Path) -> None:
    write(repo, ".syndcheck.yaml", "overrides:\n  - files: ['a/b/**']\n    packs: [common]\n")
    run = cli("check", "--format", "json", "a/story.html", "a/b/story.html")
    packs = {e["path"]: e["packs"] for e in run.json()["files"]}
    assert packs == {"a/story.html": ["dcnf"], "a/b/story.html": ["common"]}


def test_an_override_tells_files_of_one_folder_apart(cli: Any, repo: Path) -> None:
    shutil.copy(NO_LOGO, repo / "a" / "other.html")
    write(repo, ".syndcheck.yaml", "overrides:\n  - files: ['a/story.html']\n    packs: [common]\n    severity: {common/wire-photo: off}\n")
    run = cli("check", "--format", "json", "a")
    packs = {e["path"]: e["packs"] for e in run.json()["files"]}
    assert packs == {"a/b/story.html": ["dcnf"], "a/drafts/story.html": ["dcnf"], "a/other.html": ["dcnf"], "a/story.html": ["common"]}


def test_files_whose_configuration_has_no_overrides_share_one_plan(repo: Path) -> None:
    from compliance.runner import Runner, RunOptions

    shutil.copy(NO_LOGO, repo / "a" / "other.html")
    write(repo, "a/b/.syndcheck.yaml", "overrides:\n  - files: ['story.html']\n    fail-on: warning\n")
    runner = Runner(RunOptions())
    # Same configuration files, no per-file overrides: one plan (and settings) for the folder.
    assert runner.plan("a/story.html") is runner.plan("a/other.html")
    assert runner.settings_for("a/story.html") is runner.settings_for("a/drafts/story.html")
    # An override matches paths: each file of its folder is planned on its own.
    assert runner.plan("a/b/story.html").settings.fail_on.label == "warning"
    write(repo, "a/b/other.html", NO_LOGO.read_bytes())
    assert runner.plan("a/b/other.html").settings.fail_on.label == "error"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "rules: 5\n",
            ".syndcheck.yaml:1:8: 'rules' must be a pack file or folder, or a list of them, not the number 5"
            " — write rules: [house-rules]; globs are not read here: name the folder that holds the packs",
        ),
        (
            "exclude: [drafts/**, 2024]\n",
            ".syndcheck.yaml:1:22: 'exclude' must be a glob or a list of globs, not the number 2024"
            " — write exclude: ['articles/drafts/**']; quote each glob ('**/*.html'): unquoted, a leading * begins a YAML alias",
        ),
        (
            "packs: {dcnf: true}\n",
            ".syndcheck.yaml:1:8: 'packs' must be a pack id or a list of them, not a mapping — write packs: [dcnf]; 'syndcheck packs' lists the ids",
        ),
        (
            "ignore: true\n",
            ".syndcheck.yaml:1:9: 'ignore' must be a rule id, pack id or glob, or a list of them, not the boolean true"
            " — write ignore: [texas-tribune/boilerplate]; quote each glob ('**/*.html'): unquoted, a leading * begins a YAML alias",
        ),
        # Each key's example is written with that key: an editor copies it.
        (
            "select: 5\n",
            ".syndcheck.yaml:1:9: 'select' must be a rule id, pack id or glob, or a list of them, not the number 5"
            " — write select: [dcnf]; quote each glob ('**/*.html'): unquoted, a leading * begins a YAML alias",
        ),
        (
            "extend-select: [dcnf, {a: 1}]\n",
            ".syndcheck.yaml:1:23: 'extend-select' must be a rule id, pack id or glob, or a list of them, not a mapping"
            " — write extend-select: ['common/*']; quote each glob ('**/*.html'): unquoted, a leading * begins a YAML alias",
        ),
    ],
)
def test_a_value_that_is_not_strings_where_strings_are_expected_says_what_is(cli: Any, repo: Path, content: str, message: str) -> None:
    write(repo, ".syndcheck.yaml", content)
    run = cli("check", "a/story.html")
    assert (run.code, run.err) == (2, f"syndcheck: error: {message}\n")


def test_a_configuration_of_two_yaml_documents_is_one_line_naming_the_second(cli: Any, repo: Path) -> None:
    write(repo, ".syndcheck.yaml", "fail-on: warning\n---\npacks: [dcnf]\n")
    run = cli("check", "a/story.html")
    assert (run.code, run.err) == (
        2,
        "syndcheck: error: .syndcheck.yaml:2:1: a second YAML document starts here: the file must hold one"
        " — remove this '---' (and merge what follows into the document above it), or put the second document in a file of its own\n",
    )


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("fail_on: warning\n", 1, "unknown key 'fail_on' in the configuration — did you mean 'fail-on'?"),
        ("fail-on: fatal\n", 1, "'fail-on' must be one of error, warning, info, got 'fatal'"),
        ("severity:\n  logo: warning\n", 2, "'logo' is not a rule id (pack/rule)"),
        ("overrides:\n  - severity: {dcnf/logo: off}\n", 2, "an override needs 'files' (globs)"),
        ("root: maybe\n", 1, "'root' must be true or false"),
    ],
)
def test_config_errors_are_one_line_with_file_and_line(cli: Any, repo: Path, content: str, line: int, fragment: str) -> None:
    write(repo, ".syndcheck.yaml", content)
    run = cli("check", "a/story.html")
    assert run.code == 2
    assert run.err.startswith(f"syndcheck: error: .syndcheck.yaml:{line}:")
    assert fragment in run.err
    assert run.err.count("\n") == 1
    assert run.err.count("error, warning, info") <= 1  # a message that lists the choices lists them once


@pytest.mark.parametrize("pattern", ["!", "\\\\"])
def test_a_glob_git_cannot_read_is_one_line_at_its_place(cli: Any, repo: Path, pattern: str) -> None:
    shown = pattern.replace("\\\\", "\\")
    write(repo, ".syndcheck.yaml", f"exclude: ['{shown}']\n")
    run = cli("check", "a")
    assert run.code == 2
    assert run.err.splitlines() == [
        f"syndcheck: error: .syndcheck.yaml:1:11: 'exclude': '{shown}' is not a pattern git reads (a '!' needs a pattern after it;"
        " a '\\' escapes the character after it) — write it as a .gitignore line, such as 'drafts/' or '**/*.txt'"
    ]
    flag = cli("check", "--exclude", shown, "a")
    assert flag.code == 2 and len(flag.err.splitlines()) == 1 and "Invalid value for '--exclude'" in flag.err
