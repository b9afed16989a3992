"""`--original -`: the original story read from standard input, compared with every article as a
saved file given with `--original FILE` is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.originals import FETCH_MAX_BYTES
from tests.conftest import ROOT

ORIGINALS = ROOT / "samples" / "originals"
DCNF_ORIGINAL = ORIGINALS / "dcnf-original.html"
PROPUBLICA_ORIGINAL = ORIGINALS / "propublica-original.html"


def _reports(run: Any) -> list[dict[str, Any]]:
    """Each file's findings, notices and passes, without what names the original's file."""
    files = json.loads(run.out)["files"]
    return [{key: entry[key] for key in ("path", "findings", "passed", "notices")} for entry in files]


@pytest.mark.parametrize(
    ("original", "articles"),
    [
        (DCNF_ORIGINAL, ["dcnf-wrong-reporter.txt", "dcnf-faithful.txt", "dcnf-agency-photo.txt"]),
        (PROPUBLICA_ORIGINAL, ["propublica-edited.md", "propublica-faithful.md", "propublica-links-dropped.md"]),
    ],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_original_on_stdin_is_compared_as_the_saved_file_is(cli: Any, original: Path, articles: list[str], jobs: str) -> None:
    paths = [str(ORIGINALS / name) for name in articles]
    saved = cli("check", "--format", "json", "--jobs", jobs, "--original", str(original), *paths)
    piped = cli("check", "--format", "json", "--jobs", jobs, "--original", "-", *paths, stdin=original.read_bytes())
    assert piped.code == saved.code == 1
    assert _reports(piped) == _reports(saved)
    # Each article is compared: its own sidecar's original is not read instead.
    assert any(f["rule"].endswith("original-reporter") or f["rule"].endswith("fidelity") for r in _reports(piped) for f in r["findings"])


def test_the_command_line_original_on_stdin_wins_over_a_sidecars(cli: Any, tmp_path: Path) -> None:
    # The sidecar names the DCNF original, in which Jake Smith is the reporter; stdin gives one
    # crediting someone else, and the copy's byline is then that person's to give.
    copy = tmp_path / "copy.txt"
    copy.write_bytes((ORIGINALS / "dcnf-faithful.txt").read_bytes())
    (tmp_path / "copy.txt.meta.yaml").write_text("original: dcnf-original.html\n", encoding="utf-8")
    (tmp_path / "dcnf-original.html").write_bytes(DCNF_ORIGINAL.read_bytes())
    other = DCNF_ORIGINAL.read_text(encoding="utf-8").replace("Jake Smith", "Ana Ruiz")
    run = cli("check", "--format", "json", "--select", "dcnf/original-reporter", "--original", "-", str(copy), stdin=other.encode())
    findings = json.loads(run.out)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["dcnf/original-reporter"]
    assert "Ana Ruiz" in findings[0]["message"]


def test_fix_reads_the_original_from_stdin(cli: Any) -> None:
    article = str(ORIGINALS / "dcnf-wrong-reporter.txt")
    saved = cli("fix", "--original", str(DCNF_ORIGINAL), article)
    piped = cli("fix", "--original", "-", article, stdin=DCNF_ORIGINAL.read_bytes())
    assert piped.code == saved.code == 1
    assert piped.out == saved.out
    assert "+Jake Smith, Daily Caller News Foundation" in piped.out.splitlines()


def test_an_article_on_stdin_too_is_refused(cli: Any) -> None:
    run = cli("check", "--original", "-", "-", stdin=DCNF_ORIGINAL.read_bytes())
    assert run.code == 2
    assert run.out == ""
    assert run.err == ("syndcheck: error: --original - and the article '-' both read standard input — give the original story or the article as a file\n")


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (b"", "standard input is empty"),
        (b" \n\t\n", "standard input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "standard input is a PNG image, not an article"),
        (b"<p>x</p>" + b" " * FETCH_MAX_BYTES, f"standard input holds more than the {FETCH_MAX_BYTES:,} bytes an original story is read to"),
    ],
    ids=["empty", "white-space", "image", "too-large"],
)
def test_no_story_on_stdin_is_one_line_and_exit_2(cli: Any, given: bytes, said: str) -> None:
    run = cli("check", "--original", "-", str(ORIGINALS / "dcnf-faithful.txt"), stdin=given)
    assert run.code == 2
    assert run.out == ""
    assert run.err == f"syndcheck: error: --original -: {said} — --original - takes the original story (HTML, text or Markdown) on standard input\n"


def test_a_report_may_be_written_beside_an_original_on_stdin(cli: Any, tmp_path: Path) -> None:
    # No file is named by `--original -`: the report's file is no input it would overwrite.
    report = tmp_path / "report.json"
    run = cli("check", "--original", "-", "--output", f"json={report}", str(ORIGINALS / "dcnf-faithful.txt"), stdin=DCNF_ORIGINAL.read_bytes())
    assert run.code == 0, run.err
    assert json.loads(report.read_text(encoding="utf-8"))["files"][0]["path"].endswith("dcnf-faithful.txt")
