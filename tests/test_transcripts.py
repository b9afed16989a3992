"""Every `console` block of the README and docs/ is a transcript: each `$ syndcheck ...` line is
run from the repository root and must print exactly the lines below it (stdout, then stderr)."""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def transcripts() -> list[tuple[str, str, str]]:
    """(where, command line, expected output) for every command of every console block."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in re.finditer(r"```console\n(.*?)```", text, re.DOTALL):
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
