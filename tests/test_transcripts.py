"""Every `console` block of the README and docs/ is a transcript: each `$ syndcheck ...` line is
run from the repository root and must print exactly the lines below it (stdout, then stderr).

A block right after a `<!-- scratch: NAME=PATH ... -->` comment runs in a fresh folder instead,
into which each PATH of the repository is copied as NAME; its commands run in order, in bash, with
the `syndcheck` of this checkout, so an example can change files (a deleted story, a written
report) and show what follows."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SCRATCH = re.compile(r"<!-- scratch:((?: [\w./-]+=[\w./-]+)+) -->\n$")


def transcripts() -> list[tuple[str, str, str]]:
    """(where, command line, expected output) for every command of every console block."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in re.finditer(r"```console\n(.*?)```", text, re.DOTALL):
            if SCRATCH.search(text, 0, block.start()):
                continue  # run in a scratch folder by test_scratch_transcript
            line = text.count("\n", 0, block.start()) + 2
            for command in re.split(r"^(?=\$ )", block.group(1), flags=re.MULTILINE):
                if command.strip():
                    head, _, output = command.partition("\n")
                    found.append((f"{doc.relative_to(ROOT)}:{line}", head.removeprefix("$ "), output))
                    line += command.count("\n")
    return found


def test_the_docs_have_transcripts() -> None:
    assert len(transcripts()) >= 4


@pytest.mark.parametrize(("where", "command", "expected"), transcripts(), ids=[t[0] for t in transcripts()])
def test_transcript(cli: Any, monkeypatch: pytest.MonkeyPatch, where: str, command: str, expected: str) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    args = shlex.split(command)
    assert args[0] == "syndcheck", where
    run = cli(*args[1:])
    assert run.out + run.err == expected, where


def scratch_transcripts() -> list[tuple[str, dict[str, str], list[tuple[str, str]]]]:
    """(where, {name: repository path}, [(command, expected output)]) for every scratch block."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in re.finditer(r"```console\n(.*?)```", text, re.DOTALL):
            scratch = SCRATCH.search(text, 0, block.start())
            if scratch is None:
                continue
            copies = dict(pair.split("=", 1) for pair in scratch.group(1).split())
            commands = []
            for command in re.split(r"^(?=\$ )", block.group(1), flags=re.MULTILINE):
                if command.strip():
                    head, _, output = command.partition("\n")
                    commands.append((head.removeprefix("$ "), output))
            found.append((f"{doc.relative_to(ROOT)}:{text.count(chr(10), 0, block.start()) + 2}", copies, commands))
    return found


def test_the_docs_have_scratch_transcripts() -> None:
    assert len(scratch_transcripts()) >= 3


@pytest.mark.parametrize(("where", "copies", "commands"), scratch_transcripts(), ids=[t[0] for t in scratch_transcripts()])
def test_scratch_transcript(tmp_path: Path, where: str, copies: dict[str, str], commands: list[tuple[str, str]]) -> None:
    for name, source in copies.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if (ROOT / source).is_dir() else shutil.copy)(ROOT / source, tmp_path / name)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR")}
    # This checkout's syndcheck: its script's folder first on PATH, its package first on the import path.
    env |= {"PATH": os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", ""), "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    for command, expected in commands:
        run = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
        assert run.stdout + run.stderr == expected, f"{where}: $ {command}"
