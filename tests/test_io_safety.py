"""What syndcheck reads and writes at its edges (docs/security.md): every file it reads besides
the articles goes through the one bounded regular-file reader, no report overwrites anything the
run reads (however it came to be read), and a run that checked nothing never passes green."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from compliance.errors import PackError
from compliance.inputs import read_setting
from tests.conftest import ROOT, SAMPLES, write

COMPLIANT = (SAMPLES / "dcnf" / "compliant-static.html").read_bytes()
NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
ORIGINAL = (SAMPLES / "dcnf" / "compliant-wordpress.html").read_bytes()


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _device(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/zero")
    return path


MAKERS = {"a FIFO (named pipe)": _fifo, "a character device": _device}


def _one_line_exit_2(run: Any, *needles: str) -> None:
    assert run.code == 2, run.err
    assert run.out == ""
    assert len(run.err.splitlines()) == 1, run.err
    for needle in needles:
        assert needle in run.err, run.err


# --- one bounded reader for every file ------------------------------------------------------------


@pytest.mark.parametrize("kind", MAKERS)
@pytest.mark.parametrize(("option", "what"), [("--rules", "rule pack"), ("--baseline", "baseline"), ("--config", "configuration")])
def test_a_device_or_fifo_named_by_an_option_is_one_line_and_exit_2(cli: Any, tmp_path: Path, option: str, what: str, kind: str) -> None:
    special = MAKERS[kind](tmp_path / "settings.yaml")
    run = cli("check", option, str(special), str(SAMPLES / "dcnf" / "no-logo.html"))
    _one_line_exit_2(run, f"cannot read {what}: it is {kind}, not a regular file")


@pytest.mark.parametrize("kind", MAKERS)
def test_a_device_or_fifo_in_a_rules_folder_is_refused_not_passed_over(cli: Any, tmp_path: Path, kind: str) -> None:
    MAKERS[kind](tmp_path / "rules" / "house.yaml")
    run = cli("check", "--rules", str(tmp_path / "rules"), str(SAMPLES / "dcnf" / "no-logo.html"))
    _one_line_exit_2(run, "house.yaml: cannot read rule pack", f"it is {kind}")


@pytest.mark.parametrize("kind", MAKERS)
@pytest.mark.parametrize("name", [".syndcheck.yaml", ".syndcheck.yml", "pyproject.toml"])
def test_a_discovered_configuration_that_is_not_a_regular_file_is_an_error(cli: Any, tmp_path: Path, name: str, kind: str) -> None:
    write(tmp_path, "desk/story.html", NO_LOGO)
    (tmp_path / ".git").mkdir()
    MAKERS[kind](tmp_path / "desk" / name)
    run = cli("check", str(tmp_path / "desk"))
    _one_line_exit_2(run, name, f"it is {kind}, not a regular file")


@pytest.mark.parametrize("kind", MAKERS)
def test_an_original_named_in_metadata_that_is_not_a_regular_file_is_a_notice(cli: Any, tmp_path: Path, kind: str) -> None:
    story = write(tmp_path, "story.html", NO_LOGO)
    MAKERS[kind](tmp_path / "orig.html")
    write(tmp_path, "story.html.meta.yaml", "original: orig.html\n")
    run = cli("check", "--format", "json", str(story))
    [entry] = run.json()["files"]
    assert entry["checked"]
    assert {"code": "original-unavailable", "message": f"original story not read: orig.html: {kind}, not a regular file"} in entry["notices"]
    assert run.code == 1  # the logo is missing; the original being unreadable changes nothing else


@pytest.mark.parametrize("kind", MAKERS)
def test_a_metadata_sidecar_that_is_not_a_regular_file_is_that_articles_error(cli: Any, tmp_path: Path, kind: str) -> None:
    write(tmp_path, "a.html", COMPLIANT)
    write(tmp_path, "b.html", COMPLIANT)
    MAKERS[kind](tmp_path / "a.html.meta.yaml")
    run = cli("check", "--format", "json", str(tmp_path))
    files = {Path(f["path"]).name: f for f in run.json()["files"]}
    assert files["a.html"]["checked"] is False
    assert files["a.html"]["notices"][0]["message"] == f"not checked: cannot read article metadata: it is {kind}, not a regular file"
    assert files["b.html"]["checked"] is True
    assert run.code == 2
    assert run.err.splitlines()[-1] == "exit 2: 1 document not checked (errors above)"


def test_a_gitignore_that_is_a_fifo_does_not_hang_the_walk(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "desk/story.html", COMPLIANT)
    _fifo(tmp_path / "desk" / ".gitignore")
    run = cli("check", "--format", "json", str(tmp_path / "desk"))
    assert [f["checked"] for f in run.json()["files"]] == [True]
    assert run.code == 0


def test_a_setting_file_is_read_only_up_to_its_limit(tmp_path: Path) -> None:
    pack = write(tmp_path, "big.yaml", "# " + "x" * 100 + "\n")
    with pytest.raises(PackError, match="cannot read rule pack: larger than 64 bytes"):
        read_setting(pack, "rule pack", error=PackError, limit=64)
    assert read_setting(pack, "rule pack", error=PackError, limit=200).startswith(b"# x")


def test_no_module_reads_a_file_except_through_the_bounded_reader() -> None:
    """`read_bytes`, `read_text` and `open(` outside the reader would bring back unbounded reads
    and FIFOs that hang; the few left are the tool's own files, listed with why."""
    allowed = {
        "compliance/inputs.py": 1,  # open_regular: the one reader's os.open
        "compliance/outputs.py": 1,  # append_text: GitHub's job summary, appended to
        "compliance/packfiles.py": 2,  # the pack cache (owned by the user, checked) and Unicode's tables in an installed package
        "compliance/reference.py": 2,  # generating docs/reference from the checkout's own files
    }
    found: dict[str, int] = {}
    pattern = re.compile(r"\.read_bytes\(|\.read_text\(|(?<![\w.])open\(|\.open\(|os\.open\(")
    for module in sorted((ROOT / "compliance").rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        hits = len(pattern.findall(text))
        if hits:
            found[module.relative_to(ROOT).as_posix()] = hits
    assert found == allowed


# --- audit inputs ---------------------------------------------------------------------------------


def _originals(folder: Path) -> None:
    write(folder, "story.html", ORIGINAL)


def test_an_audit_warc_source_that_is_a_device_is_listed_under_problems(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: /dev/zero\noutput: report/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert [(p["url"], p["problem"]) for p in report["problems"]] == [("/dev/zero", "archive not read: a character device, not a regular file")]


def test_an_audit_file_that_is_a_fifo_is_one_line_and_exit_2(cli: Any, tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "audit.yaml")
    _one_line_exit_2(cli("audit", str(fifo)), "cannot read the audit file: it is a FIFO (named pipe), not a regular file")


@pytest.mark.parametrize(
    ("output", "needle"),
    [
        ("audit.yaml", "audit.yaml:5:9: output must be a folder, and"),
        ("originals/", "/originals, a folder the audit reads — write the reports to a folder outside"),
        ("saved/reports/", "/saved, a folder the audit reads — write the reports to a folder outside"),
    ],
)
def test_an_audit_output_onto_a_file_or_inside_an_input_folder_is_refused(cli: Any, tmp_path: Path, output: str, needle: str) -> None:
    _originals(tmp_path / "originals")
    write(tmp_path, "saved/copy.html", COMPLIANT)
    text = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - folder: saved/\noutput: {output}\n"
    (tmp_path / "audit.yaml").write_text(text, encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    _one_line_exit_2(run, needle)
    assert (tmp_path / "audit.yaml").read_text(encoding="utf-8") == text
    assert sorted(p.name for p in (tmp_path / "originals").iterdir()) == ["story.html"]
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == ["copy.html"]
