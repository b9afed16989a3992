"""`--meta original=FILE` on the command line names the saved original as `--original FILE` does:
the path is read from the working directory, and a file that cannot be read stops the run with
one line and exit 2 in every output format, before anything is checked (a run that skipped the
comparison it was asked for used to pass, with a note only the text format showed)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

ORIGINALS = ROOT / "samples" / "originals"
ORIGINAL = "samples/originals/calmatters-original.html"


def _article(tmp_path: Path) -> str:
    # The copy has no sidecar: the command line alone names its original.
    copy = tmp_path / "copy.md"
    shutil.copy(ORIGINALS / "calmatters-headline-changed.md", copy)
    return str(copy)


def test_a_relative_path_is_read_from_the_working_directory_as_original_is(cli: Any, tmp_path: Path) -> None:
    article = _article(tmp_path)
    by_option = cli("check", "--format", "json", "--original", ORIGINAL, article)
    by_meta = cli("check", "--format", "json", "--meta", f"original={ORIGINAL}", article)
    assert by_option.code == by_meta.code == 1
    findings = by_meta.json()["files"][0]["findings"]
    assert findings == by_option.json()["files"][0]["findings"]
    assert findings
    assert "original-unavailable" not in {n["code"] for n in by_meta.json()["files"][0]["notices"]}


@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "github"])
def test_a_missing_original_stops_the_run_in_every_format(cli: Any, tmp_path: Path, output_format: str) -> None:
    run = cli("check", "--format", output_format, "--meta", "original=nothere.html", _article(tmp_path))
    assert run.code == 2
    assert run.out == ""
    assert run.err.splitlines() == [
        "syndcheck: error: --meta original: no such file 'nothere.html' — --meta original takes the saved original story, a file (HTML, text or Markdown)"
    ]
    # As --original reports it.
    assert cli("check", "--format", output_format, "--original", "nothere.html", _article(tmp_path)).code == 2


def test_a_folder_is_not_an_original(cli: Any, tmp_path: Path) -> None:
    run = cli("check", "--meta", "original=samples/originals", _article(tmp_path))
    assert run.code == 2
    assert run.err.startswith("syndcheck: error: --meta original: 'samples/originals' is a directory, not a file")


def test_an_empty_value_still_reads_no_original(cli: Any, tmp_path: Path) -> None:
    run = cli("check", "--format", "json", "--meta", "original=", _article(tmp_path))
    assert run.code in (0, 1)
    assert "original-unavailable" not in {n["code"] for n in run.json()["files"][0]["notices"]}
