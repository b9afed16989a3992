"""A note about an original that is not this copy's, or that cannot be read, points to where the
article's own metadata names it (its front matter, its metadata file) rather than only to the
options that would name another."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

ORIGINALS = ROOT / "samples" / "originals"
OTHER_PUBLISHERS = ORIGINALS / "propublica-original.html"


def _notes(run: Any) -> list[str]:
    return [n["message"] for n in json.loads(run.out)["files"][0]["notices"]]


def _copy(tmp_path: Path, name: str = "copy.txt") -> Path:
    copy = tmp_path / name
    copy.write_bytes((ORIGINALS / "dcnf-faithful.txt").read_bytes())
    (tmp_path / "other.html").write_bytes(OTHER_PUBLISHERS.read_bytes())
    return copy


def test_a_metadata_files_original_of_another_publisher_is_to_be_corrected_there(cli: Any, tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    (tmp_path / "copy.txt.meta.yaml").write_text("original: other.html\n", encoding="utf-8")
    notes = _notes(cli("check", "--format", "json", str(copy)))
    (mismatch,) = [n for n in notes if n.startswith("the original given is ProPublica's story")]
    assert mismatch.endswith("correct the 'original' that the article's metadata file gives, or give this copy's own original with --original FILE")


def test_a_front_matters_original_of_another_publisher_is_to_be_corrected_there(cli: Any, tmp_path: Path) -> None:
    story = (ORIGINALS / "dcnf-faithful.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.md"
    copy.write_text(f"---\noriginal: other.html\n---\n{story}", encoding="utf-8")
    (tmp_path / "other.html").write_bytes(OTHER_PUBLISHERS.read_bytes())
    notes = _notes(cli("check", "--format", "json", str(copy)))
    (mismatch,) = [n for n in notes if n.startswith("the original given is ProPublica's story")]
    assert mismatch.endswith("correct the 'original' that the article's front matter gives, or give this copy's own original with --original FILE")


def test_an_original_the_command_line_names_is_to_be_given_again_there(cli: Any, tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    # The sidecar names one too: the command line's wins, and the note speaks of the options.
    (tmp_path / "copy.txt.meta.yaml").write_text("original: other.html\n", encoding="utf-8")
    notes = _notes(cli("check", "--format", "json", "--original", str(tmp_path / "other.html"), str(copy)))
    (mismatch,) = [n for n in notes if n.startswith("the original given is ProPublica's story")]
    assert mismatch.endswith("give this copy's own original with --original FILE or the 'original' metadata key")


def test_an_original_a_metadata_file_names_that_is_missing_says_who_named_it(cli: Any, tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    (tmp_path / "copy.txt.meta.yaml").write_text("original: gone.html\n", encoding="utf-8")
    notes = _notes(cli("check", "--format", "json", str(copy)))
    assert "original story not read (the article's metadata file names it): gone.html: no such file" in notes
