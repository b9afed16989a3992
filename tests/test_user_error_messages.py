"""A user error says where (file:line:col, or the value given) and what to do, in one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, write

NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()


def _error(run: Any) -> str:
    assert run.code == 2, (run.out, run.err)
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    return lines[0].removeprefix("syndcheck: error: ")


@pytest.mark.parametrize(
    ("setting", "where", "expected"),
    [
        ("packs: [dcfn]", "2:9", "'packs': unknown pack 'dcfn' — did you mean 'dcnf'?"),
        ("ignore: [dcnf/lgo]", "2:10", "ignore: unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?"),
        ("select: [dcnf/logo, dcnf/lgo]", "2:21", "select: unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?"),
        ("extend-select:\n  - dcnf/lgo", "3:5", "extend-select: unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?"),
        ("severity:\n  dcnf/lgo: off", "3:3", "unknown rule 'dcnf/lgo' under 'severity' — did you mean 'dcnf/logo'?"),
        ("severity: {dcnf/logo: offf}", "2:23", "severity of dcnf/logo must be one of error, warning, info, off, got 'offf' — did you mean 'off'?"),
        ("rules: [house]", "2:9", "'rules': no such rule pack file or directory"),
        # Values as YAML users write them, never Python's None or True.
        ("fail-on: null", "2:10", "'fail-on' must be one of error, warning, info, got nothing (null)"),
        ("fail-on:", "2:9", "'fail-on' must be one of error, warning, info, got nothing (null)"),
        ("fail-on: yes", "2:10", "'fail-on' must be one of error, warning, info, got true"),
        ("fail-on: [error]", "2:10", "'fail-on' must be one of error, warning, info, got a list"),
        ("severity: {dcnf/logo: ~}", "2:23", "severity of dcnf/logo must be one of error, warning, info, off, got nothing (null)"),
        ("severity: {dcnf/logo: 2}", "2:23", "severity of dcnf/logo must be one of error, warning, info, off, got '2'"),
        # A tag is refused as a configuration's, not a rule pack's.
        (
            "fail-on: !!python/name:os.system error",
            "2:10",
            "unsupported YAML value: could not determine a constructor for the tag 'tag:yaml.org,2002:python/name:os.system' — a configuration file",
        ),
        ("packs: !custom [dcnf]", "2:8", "unsupported YAML tag !custom — a configuration file holds plain"),
    ],
)
def test_configuration_values_are_located_at_file_line_column(cli: Any, tmp_path: Path, setting: str, where: str, expected: str) -> None:
    config = write(tmp_path, "news/.syndcheck.yaml", f"root: true\n{setting}\n")
    write(tmp_path, "news/a.html", NO_LOGO)
    error = _error(cli("check", str(tmp_path / "news")))
    assert error.startswith(f"{config}:{where}: {expected}"), error


def test_a_rules_directory_without_packs_is_an_error_on_the_command_line_and_in_the_configuration(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "news" / "house").mkdir(parents=True)
    write(tmp_path, "news/house/README.md", "house packs go here\n")
    story = write(tmp_path, "news/a.html", NO_LOGO)
    given = _error(cli("check", "--rules", str(tmp_path / "news" / "house"), str(story)))
    assert given == f"{tmp_path / 'news' / 'house'}: no rule packs (.yaml or .yml files) in this directory — check the --rules path"
    config = write(tmp_path, "news/.syndcheck.yaml", "root: true\nrules: [house]\n")
    configured = _error(cli("check", str(story)))
    assert configured.startswith(f"{config}:2:9: 'rules': no rule packs (.yaml or .yml files) in the directory "), configured


def test_pyproject_positions_point_at_the_real_line(cli: Any, tmp_path: Path) -> None:
    pyproject = write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.syndcheck]\nroot = true\nignre = ["dcnf/logo"]\n')
    story = write(tmp_path, "a.html", NO_LOGO)
    error = _error(cli("check", str(story)))
    assert error == f"{pyproject}:6:1: [tool.syndcheck] unknown key 'ignre' in the configuration — did you mean 'ignore'?"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        # Values found wrong after loading are located in the file, as in .syndcheck.yaml.
        # Every message names the table, since pyproject.toml holds other tools' settings too.
        ('[tool.syndcheck]\nroot = true\npacks = ["dcfn"]\n', ":3:10: [tool.syndcheck] 'packs': unknown pack 'dcfn' — did you mean 'dcnf'?"),
        ('[tool.syndcheck]\nroot = true\nignore = ["ALL"]\n', ":3:1: [tool.syndcheck] select/ignore leave no rule to run"),
        # The table as dotted keys, or as an inline table, under [tool].
        (
            '[project]\nname = "x"\n\n[tool]\nsyndcheck.root = true\nsyndcheck.fail-on = "nope"\n',
            ":6:1: [tool.syndcheck] 'fail-on' must be one of error, warning, info, got 'nope'",
        ),
        ('[tool]\nsyndcheck = {root = true, fail-on = "nope"}\n', ":2:27: [tool.syndcheck] 'fail-on' must be one of error, warning, info, got 'nope'"),
        # A multi-line array's item, an inline table's key, a key of the second [[overrides]]: each at its own place.
        (
            '[tool.syndcheck]\nroot = true\nselect = [\n  "dcnf", # the wire\n  "dcnf/lgo",\n]\n',
            ":5:3: [tool.syndcheck] select: unknown rule 'dcnf/lgo' — did you mean 'dcnf/logo'?",
        ),
        (
            '[tool.syndcheck]\nroot = true\nseverity = { "dcnf/logo" = "warning", "dcnf/lgo" = "off" }\n',
            ":3:39: [tool.syndcheck] unknown rule 'dcnf/lgo' under 'severity' — did you mean 'dcnf/logo'?",
        ),
        (
            '[tool.syndcheck]\nroot = true\n\n[[tool.syndcheck.overrides]]\nfiles = ["a/*"]\n\n'
            '[[tool.syndcheck.overrides]]\nfiles = ["b/*"]\nfail-on = "eror"\n',
            ":9:1: [tool.syndcheck] 'fail-on' must be one of error, warning, info, got 'eror' — did you mean 'error'?",
        ),
        (
            '[tool.syndcheck]\nroot = true\n\n[tool.syndcheck.severity]\n"dcnf/lgo" = "off"\n',
            ":5:1: [tool.syndcheck] unknown rule 'dcnf/lgo' under 'severity' — did you mean 'dcnf/logo'?",
        ),
        # An override's own values, in an inline table or in a sub-table of the last [[overrides]].
        (
            '[tool.syndcheck]\nroot = true\npacks = ["dcnf"]\n\n[[tool.syndcheck.overrides]]\nfiles = ["*.html"]\n'
            'packs = ["dcnf", "dcfn"]\nseverity = { "dcnf/logo" = "warning" }\n',
            ":7:18: [tool.syndcheck] 'packs': unknown pack 'dcfn' — did you mean 'dcnf'?",
        ),
        (
            '[tool.syndcheck]\nroot = true\n\n[[tool.syndcheck.overrides]]\nfiles = ["*.html"]\nseverity = { "dcnf/lgo" = "off" }\n',
            ":6:14: [tool.syndcheck] unknown rule 'dcnf/lgo' under 'severity' — did you mean 'dcnf/logo'?",
        ),
        (
            '[tool.syndcheck]\nroot = true\n\n[[tool.syndcheck.overrides]]\nfiles = ["b/*"]\n\n[[tool.syndcheck.overrides]]\nfiles = ["*.html"]\n'
            '[tool.syndcheck.overrides.severity]\n"dcnf/logo" = "warning"\n"dcnf/lgo" = "off"\n',
            ":11:1: [tool.syndcheck] unknown rule 'dcnf/lgo' under 'severity' — did you mean 'dcnf/logo'?",
        ),
        (
            '[tool.syndcheck]\nroot = true\nfail-on = "eror"\n',
            ":3:1: [tool.syndcheck] 'fail-on' must be one of error, warning, info, got 'eror' — did you mean 'error'?",
        ),
        # Saved with a byte-order mark, as some editors do: read, and positions unchanged.
        (
            '\ufeff[tool.syndcheck]\nroot = true\nfail-on = "eror"\n',
            ":3:1: [tool.syndcheck] 'fail-on' must be one of error, warning, info, got 'eror' — did you mean 'error'?",
        ),
        # A rules path that is a device, not a pack: at its line, not blamed on --rules.
        (
            '[tool.syndcheck]\nroot = true\nrules = ["/dev/null"]\n',
            ":3:10: [tool.syndcheck] 'rules': '/dev/null' is a character device, not a rule pack file or directory",
        ),
        # TOML syntax: tomllib's "(at line 2, column 8)" becomes the usual position.
        ("[tool.syndcheck]\nroot = \n", ":2:8: invalid TOML: Invalid value — fix the file's TOML syntax"),
        # Nested past YAML's bound (tomllib would recurse 2,000 levels): at the bracket too deep.
        ("[tool.syndcheck]\nroot = true\nignore = " + "[" * 2000 + "]" * 2000 + "\n", ":3:74: TOML nested too deeply — keep nesting under 64 levels"),
        ("[tool.syndcheck]\nignore = " + "[" * 65 + "]" * 65 + "\n", ":2:74: TOML nested too deeply — keep nesting under 64 levels"),
        ("[tool.syndcheck]\nx = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n", ":2:325: TOML nested too deeply — keep nesting under 64 levels"),
        (b'[tool.syndcheck]\nroot = "Jos\xe9"\n', ":2:12: pyproject.toml is not UTF-8 (byte 0xe9) — save the file as UTF-8"),
    ],
)
def test_pyproject_errors_are_at_file_line_column(cli: Any, tmp_path: Path, toml: str | bytes, expected: str) -> None:
    pyproject = write(tmp_path, "pyproject.toml", toml)
    story = write(tmp_path, "a.html", NO_LOGO)
    error = _error(cli("check", str(story)))
    assert error == f"{pyproject}{expected}" or error.startswith(f"{pyproject}{expected} — "), error


@pytest.mark.parametrize("toml", ['tool = "x"\n', "tool = 5\n", "[[tool]]\nx = 1\n"])
def test_a_pyproject_whose_tool_key_is_not_a_table_holds_no_configuration(cli: Any, tmp_path: Path, toml: str) -> None:
    write(tmp_path, "pyproject.toml", toml)
    story = write(tmp_path, "a.html", NO_LOGO)
    run = cli("check", "--format", "concise", str(story))
    assert (run.code, run.err) == (1, "exit 1: 1 error\n"), run.err


def test_a_pyproject_rules_path_that_is_not_there_names_the_table(cli: Any, tmp_path: Path) -> None:
    pyproject = write(tmp_path, "pyproject.toml", '[tool.syndcheck]\nroot = true\nrules = ["nothere"]\n')
    story = write(tmp_path, "a.html", NO_LOGO)
    assert _error(cli("check", str(story))) == (
        f"{pyproject}:3:10: [tool.syndcheck] 'rules': no such rule pack file or directory '{tmp_path.resolve().as_posix()}/nothere'"
        " — check the path; it is relative to the configuration file's folder"
    )


def test_a_syndcheck_yaml_beside_a_pyproject_table_is_an_error_naming_both(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    pyproject = write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.syndcheck]\nignore = ["dcnf/logo"]\n')
    story = write(tmp_path, "a.html", NO_LOGO)
    assert _error(cli("check", str(story))) == (
        f"{pyproject}: two configuration files in one folder: {tmp_path / '.syndcheck.yaml'} and {pyproject} ([tool.syndcheck])"
        " — merge them into one and delete the other"
    )


@pytest.mark.parametrize("toml", ['[project]\nname = "x"\n[tool.black]\nline-length = 100\n', "[project\nnot TOML at all\n"])
def test_a_pyproject_without_our_table_beside_a_syndcheck_yaml_is_not_read(cli: Any, tmp_path: Path, toml: str) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    write(tmp_path, "pyproject.toml", toml)
    story = write(tmp_path, "a.html", NO_LOGO)
    run = cli("check", "--format", "concise", str(story))
    assert (run.code, run.err) == (1, "exit 1: 1 error\n"), run.err


def test_config_takes_a_pyproject_toml_by_its_table(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "settings/pyproject.toml", '[project]\nname = "x"\n\n[tool.syndcheck]\nignore = ["dcnf/logo"]\n')
    story = write(tmp_path, "a.html", NO_LOGO)
    run = cli("check", "--config", str(tmp_path / "settings" / "pyproject.toml"), "--format", "concise", str(story))
    assert run.code == 0, run.err
    bad = write(tmp_path, "bad.toml", "[tool.syndcheck]\nignre = 1\n")
    unknown = "unknown key 'ignre' in the configuration — did you mean 'ignore'?"
    assert _error(cli("check", "--config", str(bad), str(story))) == f"{bad}:2:1: [tool.syndcheck] {unknown}"
    other = write(tmp_path, "other.toml", '[project]\nname = "x"\n')
    assert _error(cli("check", "--config", str(other), str(story))).startswith(f"{other}: no [tool.syndcheck] table in this TOML file — ")


@pytest.mark.parametrize(
    ("config", "name", "expected"),
    [
        (
            'overrides:\n  - files: ["*.md"]\n    severity:\n      dcnf/lgo: "off"\n',
            ".syndcheck.yaml",
            ":4:7: unknown rule 'dcnf/lgo' under 'severity' — did you mean 'dcnf/logo'?",
        ),
        (
            '[[tool.syndcheck.overrides]]\nfiles = ["*.md"]\npacks = ["dcfn"]\n',
            "pyproject.toml",
            ":3:10: [tool.syndcheck] 'packs': unknown pack 'dcfn' — did you mean 'dcnf'?",
        ),
    ],
)
def test_an_override_for_other_files_is_validated_all_the_same(cli: Any, tmp_path: Path, config: str, name: str, expected: str) -> None:
    # A run over HTML files must not pass with a mistyped rule in the override for Markdown, and
    # then stop at the first Markdown file.
    written = write(tmp_path, name, config)
    story = write(tmp_path, "a.html", NO_LOGO)
    assert _error(cli("check", str(story))) == f"{written}{expected}"


def test_two_configuration_files_in_one_folder_are_an_error_naming_both(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, ".syndcheck.yaml", "root: true\n")
    write(tmp_path, ".syndcheck.yml", "root: true\nignore: [dcnf/logo]\n")
    story = write(tmp_path, "a.html", NO_LOGO)
    error = _error(cli("check", str(story)))
    assert "two configuration files in one folder: " in error and ".syndcheck.yaml and " in error and ".syndcheck.yml" in error


@pytest.mark.parametrize(("name", "what"), [("a.html.meta.yaml", "article metadata"), (".syndcheck.yaml", "the configuration")])
def test_a_yaml_file_that_is_not_utf8_is_one_line_with_its_position(cli: Any, tmp_path: Path, name: str, what: str) -> None:
    bad = write(tmp_path, name, b"root: true\nreporter: Jos\xe9\n" if name.startswith(".") else b"headline: ok\nreporter: Jos\xe9\n")
    write(tmp_path, ".syndcheck.yaml", "root: true\n") if not name.startswith(".") else None
    story = write(tmp_path, "a.html", NO_LOGO)
    run = cli("check", str(story))
    assert f"syndcheck: error: {bad}:2:14: {what} is not UTF-8 (byte 0xe9) — save the file as UTF-8" in run.err.splitlines()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:9/x", "--original takes a file, not a URL: 'http://127.0.0.1:9/x' — save the original story"),
        (str(SAMPLES / "dcnf"), f"--original: '{SAMPLES / 'dcnf'}' is a directory, not a file — --original takes the saved original story"),
        ("/dev/null", "--original: '/dev/null' is a character device, not a file"),
        ("nope.html", "--original: no such file 'nope.html' — --original takes the saved original story"),
    ],
)
def test_original_says_what_it_takes(cli: Any, given: str, expected: str) -> None:
    assert _error(cli("check", "--original", given, str(SAMPLES / "dcnf" / "no-logo.html"))).startswith(expected)


@pytest.mark.parametrize(
    ("fetch", "hint"),
    [
        ((), "save the original story and give the file, or give the URL as --meta original=http://127.0.0.1:9/x and add --allow-fetch"),
        # With --allow-fetch given, the hint is not to add it: the URL goes in the 'original' key.
        (("--allow-fetch",), "give the URL as --meta original=http://127.0.0.1:9/x, which --allow-fetch fetches, or save the original story and give the file"),
    ],
)
@pytest.mark.parametrize("command", ["check", "fix"])
def test_original_given_a_url_points_to_the_metadata_key_that_takes_one(cli: Any, command: str, fetch: tuple[str, ...], hint: str) -> None:
    run = cli(command, *fetch, "--original", "http://127.0.0.1:9/x", str(SAMPLES / "dcnf" / "no-logo.html"))
    assert run.code == 2
    assert _error(run) == f"--original takes a file, not a URL: 'http://127.0.0.1:9/x' — {hint}"


def test_pack_takes_commas_like_select(cli: Any) -> None:
    run = cli("check", "--format", "json", "--pack", "dcnf,propublica", str(SAMPLES / "dcnf" / "no-logo.html"))
    assert run.json()["files"][0]["packs"] == ["dcnf", "propublica"]


def test_an_empty_path_is_named(cli: Any) -> None:
    assert _error(cli("check", "")) == "an empty path ('') was given — check the arguments (an unset shell variable?)"


def test_the_missing_path_and_empty_folder_messages_list_the_same_extensions(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    # A missing path is one error line too, then the exit line of a run with a file not checked.
    missing_run = cli("check", str(tmp_path / "nope"))
    assert missing_run.code == 2 and missing_run.err.splitlines()[1:] == ["exit 2: 1 document not checked (errors above)"]
    missing = missing_run.err.splitlines()[0]
    empty = _error(cli("check", str(tmp_path / "empty")))
    listed = ".html, .htm, .xhtml, .txt, .text, .md, .markdown"
    assert listed in missing and listed in empty


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("check", "--jobs", "abc"), "Invalid value for '--jobs' / '-j': 'abc' is not a whole number — see 'syndcheck check --help'"),
        (("check", "--max-bytes", "1.5"), "Invalid value for '--max-bytes': '1.5' is not a whole number — see 'syndcheck check --help'"),
        # A negative number is a number: what is wrong is its sign.
        (("check", "--jobs", "-1"), "Invalid value for '--jobs' / '-j': -1 is out of range; give 0 or more — see 'syndcheck check --help'"),
        (("check", "--max-bytes", "-1"), "Invalid value for '--max-bytes': -1 is out of range; give 0 or more — see 'syndcheck check --help'"),
        (("check", "--max-warnings", "-3"), "Invalid value for '--max-warnings': -3 is out of range; give 0 or more — see 'syndcheck check --help'"),
        (("serve", "--workers", "-2"), "Invalid value for '--workers': -2 is out of range; give 1 or more — see 'syndcheck serve --help'"),
        (("check", "--max-bytes", "--5"), "Invalid value for '--max-bytes': '--5' is not a whole number — see 'syndcheck check --help'"),
        (("serve", "--port", "70000"), "Invalid value for '--port': 70000 is out of range; give 1 to 65535 — see 'syndcheck serve --help'"),
        (("serve", "--time-limit", "soon"), "Invalid value for '--time-limit': 'soon' is not a number of seconds — see 'syndcheck serve --help'"),
        (("serve", "--time-limit", "nan"), "Invalid value for '--time-limit': nan is out of range; give 0.1 seconds or more — see 'syndcheck serve --help'"),
        (("serve", "--time-limit", "inf"), "Invalid value for '--time-limit': inf is out of range; give 0.1 seconds or more — see 'syndcheck serve --help'"),
        # int() would take these; no one typing a count means them.
        (("check", "--jobs", "1_000"), "Invalid value for '--jobs' / '-j': '1_000' is not a whole number — see 'syndcheck check --help'"),
        (("check", "--jobs", "+2"), "Invalid value for '--jobs' / '-j': '+2' is not a whole number — see 'syndcheck check --help'"),
        (("check", "--max-warnings", "\u0663"), "Invalid value for '--max-warnings': '\u0663' is not a whole number — see 'syndcheck check --help'"),
    ],
)
def test_numeric_options_say_what_kind_of_number_they_take(cli: Any, args: tuple[str, ...], expected: str) -> None:
    # click's own wording for these is "'abc' is not a valid integer range", as if a range were asked for.
    assert _error(cli(*args, str(SAMPLES))) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("explain", "dcnf/logo"), "No such command 'explain'. — did you mean: syndcheck rules explain dcnf/logo"),
        (("validate", "my pack.yaml"), "No such command 'validate'. — did you mean: syndcheck rules validate 'my pack.yaml'"),
        (("show", "news/"), "No such command 'show'. — did you mean: syndcheck config show news/"),
        # Not a command of any group: the help, as before.
        (("frob", "dcnf/logo"), "No such command 'frob'. — see 'syndcheck --help'"),
        (("rules", "frob"), "No such command 'frob'. — see 'syndcheck rules --help'"),
    ],
)
def test_a_command_of_a_group_given_without_its_group_is_answered_with_the_command_meant(cli: Any, args: tuple[str, ...], expected: str) -> None:
    assert _error(cli(*args)) == expected


@pytest.mark.parametrize(
    ("pack", "own_rule"),
    [("dcnf", "dcnf/logo"), ("propublica", "propublica/affiliation"), ("the-conversation", "the-conversation/author-institution")],
)
def test_explaining_a_pack_instead_of_a_rule_says_how_to_list_and_explain_its_rules(cli: Any, pack: str, own_rule: str) -> None:
    # The example names one of the pack's own rules, not one it takes from the pack it extends.
    run = cli("rules", "explain", pack)
    assert run.code == 2
    assert _error(run) == (
        f"'{pack}' is a rule pack, not a rule — list its rules with 'syndcheck rules list --pack {pack}', "
        f"then explain one: 'syndcheck rules explain {own_rule}'"
    )
    assert _error(cli("rules", "explain", f"{pack}/no-such-rule")).startswith(f"unknown rule '{pack}/no-such-rule'")


def test_pyproject_positions_read_strings_comments_and_nesting_as_toml_does() -> None:
    from compliance.configfiles import _toml_positions

    text = (
        '[tool.syndcheck]\nexclude = ["a]b", \'c#d\', "e\\"f"]\n'  # brackets, a hash and a quote inside strings
        'note = """multi\n[tool.other]\nx = 1"""\n'  # a header inside a multi-line string is not one
        'select = [\n# only [ a comment ]\n  "x",\n]\n'
        "[tool.syndcheck.severity]\n'dcnf/x' = \"off\"\n"
    )
    header, positions = _toml_positions(text)
    assert header == 1
    assert positions[("exclude", 2)] == (2, 26)
    assert positions[("select", 0)] == (8, 3)
    assert positions[("severity", "dcnf/x")] == (11, 1)
    assert ("x",) not in positions


def test_serve_refuses_more_workers_than_the_machine_can_use(cli: Any) -> None:
    import os

    cores = os.cpu_count() or 1
    # Refused before any process starts or the port opens.
    error = _error(cli("serve", "--port", "1", "--workers", str(4 * cores + 1)))
    assert error == f"--workers {4 * cores + 1} is more than 4 per core — give at most {4 * cores} on this machine ({cores} cores); one per core is the default"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("root: true\npacks: []\n", ":2:8: 'packs' is an empty list — name the packs to use"),
        ("root: true\ninclude: []\n", ":2:10: 'include' is an empty list — give globs"),
        ("root: true\noverrides:\n  - files: []\n    fail-on: warning\n", ":3:12: 'files' is an empty list — give the globs"),
    ],
)
def test_an_empty_list_that_would_change_what_is_checked_is_an_error(cli: Any, tmp_path: Path, content: str, expected: str) -> None:
    # Read as "no limit" by one user and "nothing" by another: said, not guessed.
    config = write(tmp_path, ".syndcheck.yaml", content)
    story = write(tmp_path, "a.html", NO_LOGO)
    assert _error(cli("check", str(story))).startswith(f"{config}{expected}")
