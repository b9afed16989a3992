"""A large run holds little: the files are walked as they are checked, and the reports the
whole-run formats need are kept packed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from compliance.compact import CompactReports
from compliance.engine import check_bytes
from compliance.inputs import Skipped, Source
from compliance.loading import load_packs
from compliance.runner import Runner, RunOptions
from tests.conftest import SAMPLES


def test_packed_reports_come_back_equal_and_in_order() -> None:
    packs = load_packs()
    files = sorted((SAMPLES / "dcnf").glob("*.html"))[:4]
    reports = [check_bytes(f.read_bytes(), "html", packs, path=str(f)) for f in files]
    held = CompactReports()
    for report in reports:
        held.append(report)
    assert len(held) == len(reports)
    assert list(held) == reports
    assert held[1] == reports[1] and held[-1] == reports[-1]
    assert list(held[1:3]) == reports[1:3]
    assert [r.findings for r in held] == [r.findings for r in reports]
    assert held.held_bytes < sum(len(repr(r)) for r in reports)


def test_a_directory_is_walked_as_its_files_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(12):
        (tmp_path / f"story-{index:02}.html").write_text(f"<html><body><article><p>Story {index}.</p></article></body></html>", encoding="utf-8")
    runner = Runner(RunOptions())
    walked: list[int] = []
    selected = Runner._selected

    def counted(self: Runner, paths: list[str]) -> Iterator[Source | Skipped]:
        walk = len(walked)
        walked.append(0)
        for item in selected(self, paths):
            walked[walk] += 1
            yield item

    monkeypatch.setattr(Runner, "_selected", counted)
    results = runner.run([str(tmp_path)], jobs=1)
    first = next(results)
    # The first walk only counted (and validated) the files; the second has given out one so far.
    assert walked == [12, 1]
    rest = list(results)
    assert [r.report.path for r in [first, *rest]] == [str(tmp_path / f"story-{index:02}.html") for index in range(12)]
    assert walked == [12, 12]
