"""The command line's contract: inputs, exit codes, errors an editor can act on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES, TAGLINE_PACK, write

COMPLIANT = SAMPLES / "dcnf" / "compliant-wordpress.html"
NO_LOGO = SAMPLES / "dcnf" / "no-logo.html"


def test_stdin_html_with_display_name(cli: Any) -> None:
    run = cli("check", "-", "--stdin-filename", "incoming/story.html", "--format", "json", stdin=NO_LOGO.read_bytes())
    entry = run.json()["files"][0]
    assert entry["path"] == "incoming/story.html"
    assert [f["rule"] for f in entry["findings"]] == ["dcnf/logo"]
    assert run.code == 1


def test_stdin_text_is_sniffed_as_text(cli: Any) -> None:
    run = cli("check", "-", "--format", "json", stdin=(SAMPLES / "dcnf" / "republished.txt").read_bytes())
    entry = run.json()["files"][0]
    assert entry["path"] == "<stdin>"
    assert entry["packs"] == ["dcnf"]
    assert entry["findings"] == []
    assert run.code == 0


def test_fail_on_warning_and_info_thresholds(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "house.yaml", TAGLINE_PACK)
    base = ("check", "--rules", str(pack), "--pack", "house", str(COMPLIANT))
    assert cli(*base).code == 0
    assert cli(*base, "--fail-on", "warning").code == 1
    assert cli(*base, "--fail-on", "info").code == 1


def test_directory_is_walked_recursively_for_articles_only(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "a/story.html", COMPLIANT.read_bytes())
    write(tmp_path, "a/b/story.txt", (SAMPLES / "dcnf" / "missing-logo-line.txt").read_bytes())
    write(tmp_path, "a/b/photo.jpg", b"\xff\xd8\xff\xe0 jpeg")
    write(tmp_path, "a/notes.yaml", "x: 1\n")
    run = cli("check", "--format", "json", str(tmp_path / "a"))
    paths = [Path(e["path"]).relative_to(tmp_path).as_posix() for e in run.json()["files"]]
    assert paths == ["a/b/story.txt", "a/story.html"]
    assert run.code == 1


def test_binary_and_empty_files_are_skipped_with_a_notice(cli: Any, tmp_path: Path) -> None:
    png = write(tmp_path, "logo.html", b"\x89PNG\r\n\x1a\n" + bytes(200))
    empty = write(tmp_path, "empty.html", b"  \n")
    run = cli("check", "--format", "json", str(png), str(empty), str(COMPLIANT))
    files = run.json()["files"]
    assert [(f["checked"], f["notices"][0]["code"]) for f in files] == [
        (False, "skipped"),
        (False, "skipped"),
        (True, "no-original"),
    ]
    assert run.json()["summary"]["skipped"] == 2
    assert run.code == 0


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("f.txt", b"\xef\xbb\xbf\x00"),
        ("f.txt", b"\xff\xfe\x00"),
        ("f.html", b"\xfe\xff\x00\x00\x00\x00"),
        ("f.md", b"\xef\xbb\xbf\x00\x00\x01\x02"),
        ("f.txt", b"\x00"),
    ],
    ids=["utf8-mark-nul", "utf16-le-mark-nul-byte", "utf16-be-mark-nuls", "utf8-mark-controls", "bare-nul"],
)
def test_nul_bytes_after_a_byte_order_mark_are_skipped_as_binary_and_nothing_checked_exits_2(cli: Any, tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    # The note says what to do: a file is left out of the run, stdin is given an article.
    for run, remedy in (
        (cli("check", str(path)), "leave it out with --exclude or the config's exclude"),
        (cli("check", "-", "--stdin-filename", name, stdin=data), "give an article (HTML, Markdown or plain text) on stdin"),
    ):
        assert run.code == 2
        assert run.err.endswith(f"not checked: the file is binary data (NUL and control bytes), not an article — {remedy}\n")
        # Nothing was checked: the summary says so, not "no problems".
        assert run.out.splitlines()[-1] == "0 files checked; 1 not checked"


@pytest.mark.parametrize("html", ["\ufeff\u0000", "\u0000", "\ufeff\u0000\u0001\u0002"])
def test_a_payload_of_nul_characters_is_skipped_as_binary(cli: Any, tmp_path: Path, html: str) -> None:
    import json

    payload = write(tmp_path, "p.json", json.dumps({"html": html}))
    run = cli("check", "--input-kind", "cms-json", str(payload))
    assert run.code == 2
    assert run.err.endswith("not checked: the file is binary data (NUL and control bytes), not an article\n")


def test_a_byte_order_mark_before_a_story_with_a_stray_nul_is_checked(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "f.txt", b"\xef\xbb\xbfCouncil votes on the budget.\x00\nBy Ana Ruiz\n")
    run = cli("check", str(path))
    assert run.code == 0
    assert "1 file checked" in run.out


MISSING = (
    "syndcheck: error: samples/dcnf/nope.html: no such file or directory"
    " — check the path (directories are searched for .html, .htm, .xhtml, .txt, .text, .md, .markdown)"
)


def test_missing_path_is_a_one_line_user_error(cli: Any) -> None:
    run = cli("check", "samples/dcnf/nope.html")
    assert run.code == 2
    assert run.err.splitlines() == [MISSING, "exit 2: 1 document not checked (errors above)"]
    assert "samples/dcnf/nope.html  [not checked]" in run.out and "0 files checked; 1 not checked" in run.out


def test_a_missing_path_among_others_leaves_them_checked_and_the_reports_written(cli: Any, tmp_path: Path) -> None:
    # A CI step's list of changed files names one that was deleted: the other articles are
    # checked and every report is written (the upload step needs them), and the run exits 2.
    sarif, junit = tmp_path / "report.sarif", tmp_path / "report.xml"
    run = cli("check", "--format", "json", "-o", f"sarif={sarif}", "-o", f"junit={junit}", "samples/dcnf/nope.html", "samples/dcnf/no-logo.html")
    assert run.code == 2
    assert run.err.splitlines() == [MISSING, "exit 2: 1 document not checked (errors above)"]
    files = {entry["path"]: entry for entry in run.json()["files"]}
    assert [f["rule"] for f in files["samples/dcnf/no-logo.html"]["findings"]] == ["dcnf/logo"]
    assert files["samples/dcnf/nope.html"]["checked"] is False
    assert files["samples/dcnf/nope.html"]["notices"] == [{"code": "unreadable", "message": "not checked: no such file or directory"}]
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["dcnf/logo"]
    report = junit.read_text(encoding="utf-8")
    assert 'failures="1" errors="1"' in report and "samples/dcnf/nope.html" in report


def test_unknown_pack_suggests_the_closest(cli: Any) -> None:
    run = cli("check", "--pack", "dcfn", str(COMPLIANT))
    assert run.code == 2
    assert run.err == "syndcheck: error: unknown pack 'dcfn' — did you mean 'dcnf'?\n"


def test_bad_flag_value_is_one_line_exit_2(cli: Any) -> None:
    run = cli("check", "--fail-on", "fatal", str(COMPLIANT))
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert "'fatal' is not one of 'error', 'warning', 'info'" in run.err
    assert "Traceback" not in run.err


def test_packs_lists_name_publisher_terms_date_and_rule_count(cli: Any) -> None:
    run = cli("packs")
    assert run.code == 0
    header, *rows = run.out.splitlines()
    assert header.split() == ["ID", "NAME", "PUBLISHER", "AS", "OF", "RULES", "TERMS"]
    dcnf = next(r for r in rows if r.startswith("dcnf "))
    assert "Daily Caller News Foundation" in dcnf
    assert "2024-06-27" in dcnf
    assert dcnf.split()[-2:] == ["5", "https://dailycallernewsfoundation.org/"]


def test_checked_files_are_never_modified(cli: Any, tmp_path: Path) -> None:
    article = write(tmp_path, "story.html", NO_LOGO.read_bytes())
    before = (article.read_bytes(), article.stat().st_mtime_ns)
    cli("check", "--format", "json", str(article))
    assert (article.read_bytes(), article.stat().st_mtime_ns) == before


def test_internal_error_exits_3_and_names_document_and_rule(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.checks import byline

    def explode(*_: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(byline, "_satisfies", explode)
    run = cli("check", "samples/dcnf/compliant-wordpress.html", "samples/dcnf/no-logo.html")
    assert run.code == 3
    assert run.err.count("this is a bug") == 2, "the batch goes on after the first failing document"
    assert "internal error while checking samples/dcnf/compliant-wordpress.html with rule " in run.err
    assert "ZeroDivisionError: boom" in run.err
    assert "this is a bug" in run.err
    assert "Traceback" not in run.err
    debug = cli("check", "--debug", "samples/dcnf/compliant-wordpress.html")
    assert debug.code == 3
    assert "Traceback" in debug.err


@pytest.mark.parametrize("argv", [["-m", "compliance"], ["-c", "from compliance.cli import run; run()"]])
def test_entry_points_run_as_real_processes(argv: list[str]) -> None:
    result = subprocess.run([sys.executable, *argv, "check", "--format", "json", str(NO_LOGO)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1
    assert '"rule": "dcnf/logo"' in result.stdout
    version = subprocess.run([sys.executable, "-m", "compliance", "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("syndcheck ")


def test_a_job_summary_that_cannot_be_written_names_the_variable(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))
    run = cli("check", "--format", "github", str(COMPLIANT))
    assert run.code == 2
    assert run.err.startswith(f"syndcheck: error: GITHUB_STEP_SUMMARY names {tmp_path}: is a directory, not a regular file")
    assert "outside Actions, unset it or give a file" in run.err
    # Outside --format github the variable is not read at all.
    assert cli("check", str(COMPLIANT)).code == 0


# -- try-out 8: help shows what an option takes, never an internal name ---------------------------


def _commands() -> list[tuple[str, ...]]:
    import click
    import typer

    from compliance.cli import app

    found: list[tuple[str, ...]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(typer.main.get_command(app), ())
    return found


def test_no_help_shows_an_internal_type_name(cli: Any) -> None:
    import re

    for command in _commands():
        run = cli(*command, "--help")
        assert run.code == 0, command
        # A metavar is what the option takes, in capitals (PATH, FILE, N): never a parser's name.
        assert not re.search(r"--[a-z-]+ _|\b_[A-Z]+_", run.out), (command, run.out)


def test_path_options_show_what_they_take(cli: Any) -> None:
    shown = cli("check", "--help").out
    assert "--rules PATH" in shown and "--baseline FILE" in shown and "--config FILE" in shown
    assert "--baseline FILE" in cli("baseline", "update", "--help").out
    assert "--dir DIR" in cli("init", "--help").out
