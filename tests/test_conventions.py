"""What users of ruff, eslint and Vale expect of a linter: choosing rules, leaving files out,
one line per finding, a closing line that says why the run failed, counts per rule, baselines
that follow the archive, and a command line that behaves in pipes and terminals."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from compliance.selection import SelectionLayer, is_enabled
from tests.conftest import ROOT, SAMPLES, SHARED, TAGLINE_PACK, requires_shared, write

DCNF = SAMPLES / "dcnf"


def _rules(run: Any) -> list[str]:
    """The rules of the findings (a file's `note` line, such as a rule selected by name that does
    not apply, is no finding)."""
    return sorted({line.split()[2] for line in _findings(run) if line.split()[1] != "note"})


def _findings(run: Any) -> list[str]:
    """The finding lines of concise output: not the run's `note:` of rules not compared with an
    original, nor its `configuration:` lines."""
    return [line for line in run.out.splitlines() if not line.startswith(("configuration: ", "note: "))]


# --select / --ignore -------------------------------------------------------------------------


def test_select_runs_only_the_named_rules(cli: Any) -> None:
    run = cli("check", "--format", "concise", "--select", "dcnf/logo", str(DCNF))
    assert _rules(run) == ["dcnf/logo"]
    assert run.code == 1


def test_ignore_a_pack_but_select_one_of_its_rules_more_specifically(cli: Any) -> None:
    run = cli("check", "--format", "concise", "--ignore", "dcnf", "--extend-select", "dcnf/affiliation", str(DCNF))
    assert _rules(run) == ["dcnf/affiliation"]
    # Named, it is not silent where it does not apply: a staff or outlet byline names no reporter.
    notes = [line.split()[0] for line in _findings(run) if "syndcheck/not-applicable rule dcnf/affiliation" in line]
    assert notes == [f"{DCNF / name}:1:1:" for name in ("byline-replaced.txt", "staff-byline.html")]


def test_glob_selectors_and_comma_lists(cli: Any) -> None:
    run = cli("check", "--format", "concise", "--select", "dcnf/*", "--ignore", "dcnf/logo,dcnf/byline", str(DCNF))
    assert _rules(run) == ["dcnf/affiliation"]
    clean = cli("check", "--format", "concise", "--ignore", "dcnf/*", str(DCNF))
    assert (_findings(clean), clean.code) == ([], 0)


def test_unknown_selector_is_a_user_error_with_did_you_mean(cli: Any) -> None:
    run = cli("check", "--select", "dcnf/lgo", str(DCNF / "no-logo.html"))
    assert (run.code, run.err) == (2, "syndcheck: error: --select: unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?\n")
    glob = cli("check", "--ignore", "zz/*", str(DCNF / "no-logo.html"))
    assert glob.code == 2 and "matches no rule" in glob.err


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--select", ""), "--select '' names no rule"),
        (("--select", " , "), "--select ' , ' names no rule"),
        (("--ignore", ""), "--ignore '' names no rule"),
        (("--extend-select", ""), "--extend-select '' names no rule"),
        (("--select", "dcnf/logo", "--ignore", ""), "--ignore '' names no rule"),
        # What is left runs nothing: every article would pass unchecked.
        (("--ignore", "ALL"), "--select/--ignore leave no rule to run"),
        (("--select", "dcnf", "--ignore", "dcnf"), "--select/--ignore leave no rule to run"),
        (("--select", "dcnf/nope*"), "--select: unknown selector 'dcnf/nope*' (it matches no rule)"),
        (("--ignore", "dcnf/lgo"), "--ignore: unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?"),
        # Letter case alone: "all" is not ALL, and "DCNF" not the pack dcnf, but each is named.
        (("--select", "all"), "--select: unknown pack 'all' — did you mean 'ALL'?"),
        (("--ignore", "DCNF"), "--ignore: unknown pack 'DCNF' — did you mean 'dcnf'?"),
    ],
)
def test_a_selection_that_runs_nothing_is_one_line_and_exit_2(cli: Any, args: tuple[str, ...], error: str) -> None:
    run = cli("check", *args, str(DCNF))
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith(f"syndcheck: error: {error}") and run.err.count("\n") == 1, run.err


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--rules", ""),
        ("check", "--config", " "),
        ("check", "--baseline", ""),
        ("rules", "list", "--rules", ""),
        ("baseline", "create", "--output", ""),
        ("init", "--dir", ""),
    ],
)
def test_an_empty_path_is_refused_not_read_as_the_current_folder(cli: Any, tmp_path: Path, args: tuple[str, ...]) -> None:
    # An unset variable in a CI script (`--rules "$PACKS"`): `--rules ''` loaded every YAML file
    # of the current folder as a rule pack.
    (tmp_path / "other-tool.yaml").write_text("key: value\n", encoding="utf-8")
    run = cli(*args, *((str(DCNF / "no-logo.html"),) if args[0] in ("check", "baseline") else ()))
    assert run.code == 2, run.err
    option = args[-2]
    assert run.err.startswith(f"syndcheck: error: Invalid value for '{option}'") and "an empty path names no file or folder" in run.err, run.err
    assert run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        (".syndcheck.yaml", "root: true\nselect: []\n", "2:1:"),
        # The ignore list is what turned the selected pack off.
        (".syndcheck.yaml", "root: true\nselect: [dcnf]\n\nignore:\n  - dcnf\n", "4:1:"),
        ("pyproject.toml", "[tool.syndcheck]\nroot = true\nselect = []\n", "3:1: [tool.syndcheck]"),
    ],
)
def test_a_configuration_that_selects_nothing_names_the_file_and_line(cli: Any, tmp_path: Path, name: str, content: str, where: str) -> None:
    write(tmp_path, name, content)
    story = write(tmp_path, "story.html", (DCNF / "no-logo.html").read_bytes())
    run = cli("check", str(story))
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"syndcheck: error: {tmp_path / name}:{where} select/ignore leave no rule to run — "), run.err


def test_selection_layers_follow_ruff() -> None:
    config = SelectionLayer(".syndcheck.yaml", select=("dcnf",), ignore=("dcnf/logo",))
    assert not is_enabled([config], "dcnf/logo")
    assert is_enabled([config], "dcnf/byline")
    assert not is_enabled([config], "common/wire-photo")
    # A later select starts afresh; a later layer without select adjusts.
    assert is_enabled([config, SelectionLayer("cli", select=("dcnf/logo",))], "dcnf/logo")
    assert not is_enabled([config, SelectionLayer("cli", select=("dcnf/logo",))], "dcnf/byline")
    assert is_enabled([config, SelectionLayer("cli", extend_select=("common",))], "common/wire-photo")
    assert not is_enabled([config, SelectionLayer("cli", extend_select=("common",))], "dcnf/logo")
    # Same specificity: ignore wins.
    assert not is_enabled([SelectionLayer("x", select=("dcnf/logo",), ignore=("dcnf/logo",))], "dcnf/logo")


def test_select_and_ignore_in_configuration_and_overridden_by_the_command_line(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\nselect: [dcnf]\nignore: [dcnf/logo]\n")
    for name in ("no-logo.html", "no-affiliation.html"):
        write(tmp_path, name, (DCNF / name).read_bytes())
    configured = cli("check", "--format", "concise", str(tmp_path))
    assert _rules(configured) == ["dcnf/affiliation"]
    assert f"configuration: dcnf/logo turned off by {tmp_path / '.syndcheck.yaml'}" in configured.out
    overridden = cli("check", "--format", "concise", "--select", "dcnf/logo", str(tmp_path))
    assert _rules(overridden) == ["dcnf/logo"]
    shown = cli("config", "show", str(tmp_path / "no-logo.html"))
    assert "rules chosen: select dcnf; ignore dcnf/logo" in shown.out


def test_unknown_selector_in_configuration_names_the_file(cli: Any, tmp_path: Path) -> None:
    config = write(tmp_path, ".syndcheck.yaml", "root: true\nignore: [dcnf/affiliaton]\n")
    write(tmp_path, "a.html", (DCNF / "no-logo.html").read_bytes())
    run = cli("check", str(tmp_path / "a.html"))
    assert run.code == 2
    assert "ignore: unknown rule 'dcnf/affiliaton' — did you mean 'dcnf/affiliation'?" in run.err
    assert str(config.name) in run.err


def test_suppressing_an_ignored_rule_is_not_reported_as_unused(cli: Any, tmp_path: Path) -> None:
    html = (DCNF / "no-logo.html").read_text(encoding="utf-8").replace("<body", "<!-- syndcheck-disable dcnf/logo -- print edition -->\n<body", 1)
    story = write(tmp_path, "story.html", html)
    run = cli("check", "--format", "concise", "--ignore", "dcnf/logo", str(story))
    assert (_findings(run), run.code) == ([], 0)


def test_misspelt_rule_in_a_suppression_is_an_error_with_did_you_mean(cli: Any, tmp_path: Path) -> None:
    html = (DCNF / "no-logo.html").read_text(encoding="utf-8").replace("<body", "<!-- syndcheck-disable dcnf/lgo -- print edition -->\n<body", 1)
    story = write(tmp_path, "story.html", html)
    run = cli("check", "--format", "json", str(story))
    (found,) = [f for f in run.json()["files"][0]["findings"] if f["rule"] == "syndcheck/unknown-rule-in-suppression"]
    assert found["severity"] == "error"
    assert found["message"] == "Suppression names unknown rule 'dcnf/lgo'."
    assert found["help"].startswith("Did you mean 'dcnf/logo'?")


# --exclude and .gitignore ----------------------------------------------------------------------


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / ".git").mkdir(parents=True)
    write(root, ".gitignore", "node_modules/\n*.draft.html\n")
    write(root, "articles/story.html", (DCNF / "no-logo.html").read_bytes())
    write(root, "articles/next.draft.html", (DCNF / "no-logo.html").read_bytes())
    write(root, "articles/old/story.html", (DCNF / "no-logo.html").read_bytes())
    write(root, "articles/.gitignore", "!keep.draft.html\n")
    write(root, "articles/keep.draft.html", (DCNF / "no-logo.html").read_bytes())
    write(root, "node_modules/pkg/readme.html", (DCNF / "no-logo.html").read_bytes())
    return root


def _checked(run: Any, root: Path) -> list[str]:
    return sorted(Path(f["path"]).relative_to(root).as_posix() for f in run.json()["files"])


def test_directory_walks_honour_gitignore_files(cli: Any, repository: Path) -> None:
    run = cli("check", "--format", "json", str(repository))
    assert _checked(run, repository) == ["articles/keep.draft.html", "articles/old/story.html", "articles/story.html"]
    everything = cli("check", "--format", "json", "--no-gitignore", str(repository))
    assert len(_checked(everything, repository)) == 5


def test_gitignore_files_above_the_folder_walked_count_for_each_folder_given(cli: Any, repository: Path) -> None:
    # Walked from inside the repository: the root's patterns still apply (drafts, node_modules),
    # and a deeper folder's `!keep.draft.html` still wins over them, folder by folder.
    run = cli("check", "--format", "json", str(repository / "articles"), str(repository / "node_modules"), str(repository / "articles" / "old"))
    assert _checked(run, repository) == ["articles/keep.draft.html", "articles/old/story.html", "articles/story.html"]


def test_exclude_globs_and_explicit_files(cli: Any, repository: Path) -> None:
    run = cli("check", "--format", "json", "--exclude", "articles/old/", str(repository))
    assert _checked(run, repository) == ["articles/keep.draft.html", "articles/story.html"]
    # A file named on the command line is always checked.
    named = cli("check", "--format", "json", str(repository / "node_modules" / "pkg" / "readme.html"))
    assert len(named.json()["files"]) == 1


def test_force_exclude_leaves_out_named_files_as_a_walk_would(cli: Any, repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As pre-commit names staged files: from the top of the repository.
    monkeypatch.chdir(repository)
    named = [
        "articles/story.html",
        "articles/next.draft.html",  # .gitignore: *.draft.html
        "articles/keep.draft.html",  # ... but !keep.draft.html deeper
        "node_modules/pkg/readme.html",  # .gitignore: node_modules/
        "articles/old/story.html",  # --exclude articles/old/
    ]
    run = cli("check", "--format", "json", "--force-exclude", "--exclude", "articles/old/", *named)
    assert sorted(f["path"] for f in run.json()["files"]) == ["articles/keep.draft.html", "articles/story.html"]
    # The same files without the flag: every one named is checked.
    assert len(cli("check", "--format", "json", "--exclude", "articles/old/", *named).json()["files"]) == 5


def test_force_exclude_applies_the_configurations_include_and_exclude_and_says_so(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\ninclude: ['articles/**']\nexclude: ['articles/drafts/**']\n")
    write(tmp_path, "articles/story.html", (DCNF / "no-logo.html").read_bytes())
    write(tmp_path, "articles/drafts/wip.html", (DCNF / "no-logo.html").read_bytes())
    write(tmp_path, "notes/readme.md", "# Notes\n\nNothing to republish.\n")
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--format", "concise", "--force-exclude", "articles/story.html", "articles/drafts/wip.html", "notes/readme.md")
    assert run.code == 1
    assert [line for line in run.out.splitlines() if not line.startswith("note: not compared")] == [
        "articles/story.html:122:1: error dcnf/logo The Daily Caller News Foundation logo is missing from the article.",
        "configuration: articles/drafts/wip.html not checked: exclude 'articles/drafts/**' in .syndcheck.yaml:3",
        "configuration: notes/readme.md not checked: outside include 'articles/**' in .syndcheck.yaml:2",
    ]
    # Only excluded files named: nothing to check, an error unless nothing checked passes.
    alone = cli("check", "--format", "concise", "--force-exclude", "articles/drafts/wip.html")
    assert alone.code == 2
    assert "no articles found" in alone.err
    # What may have left it out, of what this run applies: not the configuration alone.
    assert "left out by a .gitignore or the configuration's include/exclude (with --force-exclude, files named are left out too)" in alone.err
    without_ignores = cli("check", "--no-gitignore", "--force-exclude", "--exclude", "x/**", "articles/drafts/wip.html")
    assert "left out by --exclude or the configuration's include/exclude (with --force-exclude" in without_ignores.err
    assert "--no-gitignore checks" not in without_ignores.err
    passing = cli("check", "--format", "concise", "--force-exclude", "--pass-with-nothing-checked", "articles/drafts/wip.html")
    assert (passing.code, passing.err) == (0, "")


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf  \n", b"\x89PNG\r\n\x1a\n\x00\x00\x00"], ids=["empty", "bom-and-space", "binary"])
def test_pass_with_nothing_checked_lets_a_run_of_skipped_files_pass(cli: Any, tmp_path: Path, data: bytes) -> None:
    drafts = [write(tmp_path, f"draft-{n}.md", data) for n in range(3)]
    plain = cli("check", *map(str, drafts))
    assert plain.code == 2 and "exit 2: nothing checked: all 3 documents were skipped" in plain.err
    run = cli("check", "--pass-with-nothing-checked", *map(str, drafts))
    assert (run.code, run.err) == (0, "")
    assert "0 files checked; 3 not checked" in run.out


def test_pass_with_nothing_checked_still_fails_what_is_not_merely_skipped(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = write(tmp_path, "empty.md", b"")
    story = write(tmp_path, "story.html", (DCNF / "no-logo.html").read_bytes())
    found = cli("check", "--pass-with-nothing-checked", str(empty), str(story))
    assert (found.code, found.err.splitlines()[-1]) == (1, "exit 1: 1 error")
    missing = cli("check", "--pass-with-nothing-checked", str(tmp_path / "gone.md"))
    assert missing.code == 2 and "no such file or directory" in missing.err
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    locked = write(tmp_path, "locked.md", "# A story\n")
    monkeypatch.setattr(os, "open", refuse)
    unreadable = cli("check", "--pass-with-nothing-checked", str(locked), str(empty))
    assert (unreadable.code, unreadable.err.splitlines()[-1]) == (2, "exit 2: 1 document not checked (errors above)")


# --format concise, exit reasons, --statistics ----------------------------------------------------


def test_concise_is_one_line_per_finding(cli: Any) -> None:
    run = cli("check", "--format", "concise", str(DCNF / "no-logo.html"), str(DCNF / "compliant-static.html"))
    not_compared = (
        "note: not compared in 2 files: dcnf/original-reporter, dcnf/reused-agency-photo compare the copy with the original story,"
        " and none was given (give it with --original FILE or the 'original' metadata key)"
    )
    # One line per finding, then the run's one note of the rules not run for want of an original.
    assert run.out == (f"{DCNF / 'no-logo.html'}:122:1: error dcnf/logo The Daily Caller News Foundation logo is missing from the article.\n{not_compared}\n")
    assert run.err == "exit 1: 1 error\n"


def test_concise_and_github_name_the_rules_a_passing_run_did_not_check(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    copy = "samples/states-newsroom/print-copy.txt"
    why = (
        "1 rule(s) not checked (states-newsroom/link): the copy is print"
        " (a plain-text file is a print copy; give --meta medium=online if it is published online)"
    )
    concise = cli("check", "--format", "concise", copy)
    assert (concise.code, concise.out) == (0, f"{copy}:1:1: note syndcheck/not-checked {why}\n")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github = cli("check", "--format", "github", copy, str(DCNF / "no-logo.html"))
    assert f"::notice file={copy},line=1,col=1,title=syndcheck/not-checked::{why}" in github.out.splitlines()
    assert f"\n### Rules not checked (1 in 1 file)\n\n- {copy}: {why}\n" in summary.read_text(encoding="utf-8")
    # A front matter that could not be read is said too: the metadata in it is lost.
    story = tmp_path / "story.txt"
    story.write_text("---\nreporter: [Ana Ruiz\n---\n" + (ROOT / copy).read_text(encoding="utf-8"), encoding="utf-8")
    lost = cli("check", "--format", "concise", str(story)).out.splitlines()
    # At the front matter's bad line, which the message does not name again.
    noted = [line for line in lost if "front-matter" in line]
    assert [line.split(" front matter ignored: ")[0] for line in noted] == [f"{story}:3:1: note syndcheck/front-matter"]
    assert noted[0].split(" front matter ignored: ")[1].startswith("invalid YAML: ")
    annotated = cli("check", "--format", "github", str(story)).out
    assert f"::notice file={story},line=3,col=1,title=syndcheck/front-matter::front matter ignored: invalid YAML: " in annotated
    # Given as online, the rule runs (and fails): no note is left.
    online = cli("check", "--format", "concise", "--meta", "medium=online", copy)
    assert (online.code, "not-checked" in online.out) == (1, False)


def test_last_line_says_why_the_run_failed(cli: Any, tmp_path: Path) -> None:
    negative = SAMPLES / "negative" / "daily-caller-citation.html"
    required = cli("check", "--require-pack", "--quiet", str(negative), str(DCNF / "compliant-static.html"))
    assert (required.code, required.err.splitlines()[-1]) == (1, f"exit 1: 1 document matches no pack (--require-pack; {negative})")
    # --quiet hides files without findings, but not the one that fails the run.
    assert required.out.splitlines()[0] == f"{negative}  [no pack]"
    assert "compliant-static" not in required.out
    several = cli("check", "--require-pack", "--quiet", str(negative), str(SAMPLES / "negative"))
    assert several.err.splitlines()[-1].endswith(f"no pack (--require-pack; first: {negative})")
    pack = write(tmp_path, "house.yaml", TAGLINE_PACK)
    warned = cli("check", "--rules", str(pack), "--pack", "house", "--max-warnings", "1", str(DCNF / "compliant-static.html"), str(DCNF / "no-logo.html"))
    assert (warned.code, warned.err.splitlines()[-1]) == (1, "exit 1: 2 warnings > --max-warnings 1")
    clean = cli("check", str(DCNF / "compliant-static.html"))
    assert (clean.code, clean.err) == (0, "")


def test_quiet_keeps_the_notes_of_rules_not_checked_and_the_summary_counts_them(cli: Any) -> None:
    calmatters = SAMPLES / "calmatters" / "compliant-wordpress.html"
    note = (
        "  note: rule calmatters/headline not checked: it needs the headline CalMatters gave the story"
        " (give it with --meta original_headline=..., or give the original story with --original)"
    )
    run = cli("check", "--quiet", str(DCNF / "compliant-static.html"), str(calmatters))
    # A rule not checked has not passed: the file stays, with its notes; the clean file does not
    # (the note of rules that need an original neither keeps a file nor counts, and --quiet leaves it out).
    assert (run.code, run.out) == (0, f"{calmatters}  [calmatters]\n{note}\n\n2 files checked; no problems; 1 rule not checked\n")
    # Without --quiet the same count, beside what passed.
    assert cli("check", str(calmatters)).out.splitlines()[-1] == "1 file checked; no problems; 1 rule not checked"
    # Given the value, every rule is checked: nothing to say.
    headline = "California’s insurer of last resort now covers most homes in 40 ZIP codes"
    given = cli("check", "--quiet", "--meta", f"original_headline={headline}", str(calmatters))
    assert (given.code, given.out) == (0, "1 file checked; no problems\n")
    # Findings and rules not checked together; over several files the count says in how many.
    both = cli("check", "--quiet", str(SAMPLES / "calmatters" / "outlet-byline-twice.html"), str(calmatters))
    assert both.code == 1
    assert both.out.count(note) == 2
    assert both.out.splitlines()[-1] == "2 files checked; 1 error, 1 warning; 2 rules not checked in 2 files"


def test_quiet_keeps_a_rule_an_outside_selector_left_with_nothing_to_search(cli: Any, tmp_path: Path) -> None:
    pack = (ROOT / "docs" / "examples" / "lint-packs" / "outside-everything.yaml").read_text(encoding="utf-8")
    story = str(SAMPLES / "kff-health-news" / "all-rights-reserved.html")
    broad = cli("check", "--quiet", "--rules", str(write(tmp_path, "broad.yaml", pack)), "--pack", "gazette-rights", story)
    assert (broad.code, broad.out.splitlines()[-1]) == (0, "1 file checked; no problems; 1 rule not checked")
    assert "note: 1 rule(s) not checked (gazette-rights/no-label): outside 'figcaption, body' leaves out all " in broad.out
    narrow_pack = write(tmp_path, "narrow.yaml", pack.replace("figcaption, body", "figcaption"))
    narrow = cli("check", "--quiet", "--rules", str(narrow_pack), "--pack", "gazette-rights", story)
    assert (narrow.code, narrow.out.splitlines()[-1]) == (1, "1 file checked; 1 error")


def test_statistics_count_per_rule_and_pack(cli: Any) -> None:
    run = cli("check", "--statistics", "--no-color", str(DCNF))
    assert run.out.startswith(
        "findings by rule:\n  4  dcnf/logo         error\n  2  dcnf/affiliation  error\n  2  dcnf/byline       error\nfindings by pack:\n  8  dcnf\n"
    )
    assert "fix:" not in run.out
    machine = cli("check", "--statistics", "--format", "json", str(DCNF))
    assert machine.json()["version"] == 1
    assert "findings by pack:\n  8  dcnf\n" in machine.err


# Command-line behaviour -----------------------------------------------------------------------


@pytest.mark.parametrize("args", [(), ("rules",), ("baseline",), ("config",)])
def test_bare_groups_print_their_help(cli: Any, args: tuple[str, ...]) -> None:
    run = cli(*args)
    assert run.code == 0
    assert run.out.startswith(f"Usage: syndcheck {' '.join(args)}".rstrip() + " [OPTIONS] COMMAND [ARGS]...\n")
    assert "Commands:" in run.out


def test_color_forces_colour_into_a_pipe(cli: Any) -> None:
    coloured = cli("check", "--color", str(DCNF / "no-logo.html"))
    assert "\x1b[31merror" in coloured.out
    plain = cli("check", str(DCNF / "no-logo.html"))
    assert "\x1b[" not in plain.out


def test_output_dash_is_stdout(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("check", "-o", "json=-", str(DCNF / "no-logo.html"))
    assert run.json()["files"][0]["findings"][0]["rule"] == "dcnf/logo"
    assert not (tmp_path / "-").exists()
    both = cli("check", "-o", "json=-", "-o", "sarif=-", str(DCNF / "no-logo.html"))
    assert both.code == 2 and "only one format can go to stdout" in both.err


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_output_files_honour_the_umask(cli: Any, tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        cli("check", "-o", f"sarif={tmp_path / 'r.sarif'}", str(DCNF / "no-logo.html"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.sarif").stat().st_mode) == 0o666 & ~umask


def test_debug_is_in_the_help(cli: Any) -> None:
    assert "--debug" in cli("--help").out
    assert "--debug" in cli("check", "--help").out


def test_packs_table_fits_the_terminal(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    lines = cli("packs").out.splitlines()
    assert lines[0].startswith("ID ")
    assert all(len(line) <= 72 for line in lines), max(lines, key=len)
    assert any(line.startswith("dcnf ") for line in lines)
    monkeypatch.delenv("COLUMNS")
    wide = cli("packs").out.splitlines()
    assert any("https://" in line and not line.endswith("…") for line in wide)


# Baselines --------------------------------------------------------------------------------------


def _baseline(path: Path) -> list[tuple[str, str]]:
    return sorted((row["path"], row["rule"]) for row in json.loads(path.read_text(encoding="utf-8"))["findings"])


def test_baseline_update_and_prune(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a/one.html", (DCNF / "no-logo.html").read_bytes())
    write(tmp_path, "a/two.html", (DCNF / "no-affiliation.html").read_bytes())
    write(tmp_path, "b/three.html", (DCNF / "no-logo.html").read_bytes())
    assert cli("baseline", "create", "--output", "base.json", "a", "b").code == 0
    assert _baseline(tmp_path / "base.json") == [("a/one.html", "dcnf/logo"), ("a/two.html", "dcnf/affiliation"), ("b/three.html", "dcnf/logo")]
    # one.html is fixed, a new article has a finding; only folder a is checked.
    write(tmp_path, "a/one.html", (DCNF / "compliant-static.html").read_bytes())
    write(tmp_path, "a/four.html", (DCNF / "hidden-logo.html").read_bytes())
    pruned = cli("baseline", "prune", "--baseline", "base.json", "a")
    assert pruned.out == "2 findings recorded in base.json (0 added, 1 removed)\n"
    assert _baseline(tmp_path / "base.json") == [("a/two.html", "dcnf/affiliation"), ("b/three.html", "dcnf/logo")]
    updated = cli("baseline", "update", "--baseline", "base.json", "a")
    assert updated.out == "3 findings recorded in base.json (1 added, 0 removed)\n"
    assert _baseline(tmp_path / "base.json") == [("a/four.html", "dcnf/logo"), ("a/two.html", "dcnf/affiliation"), ("b/three.html", "dcnf/logo")]
    assert cli("check", "--baseline", "base.json", "a", "b").code == 0


def test_sarif_marks_baseline_state_and_suppressions(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    requires_shared([SHARED / "schemas" / "sarif-schema-2.1.0.json"])
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "known.html", (DCNF / "no-logo.html").read_bytes())
    write(tmp_path, "fixed.html", (DCNF / "no-affiliation.html").read_bytes())
    cli("baseline", "create", "--output", "base.json", ".")
    write(tmp_path, "fixed.html", (DCNF / "compliant-static.html").read_bytes())
    html = (DCNF / "hidden-logo.html").read_text(encoding="utf-8").replace("<body", "<!-- syndcheck-disable dcnf/logo -- in the print edition -->\n<body", 1)
    write(tmp_path, "waived.html", html)
    write(tmp_path, "new.html", (DCNF / "no-logo.html").read_bytes())
    run = cli("check", "--baseline", "base.json", "--format", "sarif", ".")
    log = run.json()
    jsonschema.validate(log, json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    results = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in log["runs"][0]["results"]}
    assert results["new.html"]["baselineState"] == "new" and "suppressions" not in results["new.html"]
    assert results["known.html"]["baselineState"] == "unchanged"
    assert results["known.html"]["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "recorded in the baseline base.json"}]
    assert results["waived.html"]["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": "in the print edition"}]
    assert results["fixed.html"]["baselineState"] == "absent" and results["fixed.html"]["ruleId"] == "dcnf/affiliation"
    assert run.code == 1
