"""JSON rendered file by file as results arrive (the batch path) is the same document, byte for
byte, as JSON rendered from the reports at the end of the run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.baseline import BaselineEntry
from compliance.compact import CompactTexts
from compliance.config import RuleAdjustment
from compliance.engine import check_bytes
from compliance.findings import Notice, Report
from compliance.formatters.context import BaselineOutcome, FormatContext
from compliance.formatters.json import format_json, iter_rendered_json, json_entry
from compliance.formatters.summary import Summary
from compliance.loading import load_packs
from tests.conftest import SAMPLES, write


def _reports() -> list[Report]:
    """Reports of several kinds: findings, none, no pack, not compared, not checked, a crash, and
    names a terminal must not see raw (bidirectional controls, a lone surrogate, a line separator)."""
    packs = load_packs()
    pages = [SAMPLES / "dcnf" / "no-logo.html", SAMPLES / "global-voices" / "compliant-amp.html", SAMPLES / "calmatters" / "credit-line-missing-amp.html"]
    reports = [check_bytes(page.read_bytes(), "html", packs, path=str(page)) for page in pages]
    reports.append(check_bytes((SAMPLES / "dcnf" / "republished.txt").read_bytes(), "text", packs, path="dcnf/republished.txt"))
    reports.append(check_bytes(b"<html><body><article><p>Council meets on Tuesday.</p></article></body></html>", "html", packs, path="local/council.html"))
    reports.append(check_bytes("Story by Ana Ruiz\n\nText \u202eevil\u202c here.\n".encode(), "text", packs, path="odd\u202ename\u2028.txt"))
    reports.append(Report(path="bin\udcffary.html", notices=(Notice("skipped", "binary file"),), checked=False))
    reports.append(Report(path="crashed.html", notices=(Notice("internal-error", "not checked: the worker process checking it was killed"),), checked=False))
    return reports


CONTEXTS = {
    "plain": None,
    "configured and baseline": FormatContext(
        adjusted_rules=(RuleAdjustment("dcnf/logo", None, "syndcheck.toml"),),
        baseline=BaselineOutcome("baseline.json", 3, (BaselineEntry("f1", "dcnf/byline", "gone.html", "a \u202e message"),)),
    ),
}


@pytest.mark.parametrize("context", CONTEXTS.values(), ids=CONTEXTS.keys())
@pytest.mark.parametrize("count", [0, 1, 3, None])
def test_entries_rendered_one_by_one_make_the_same_document(context: FormatContext | None, count: int | None) -> None:
    reports = _reports()[:count]
    entries = CompactTexts()
    summary = Summary()
    for report in reports:
        entries.append(json_entry(report))
        summary = summary.add(report)
    assert "".join(iter_rendered_json(entries, summary, context)) == format_json(reports, context)


def test_json_on_stdout_and_in_files_is_the_same_document_with_other_formats_beside_it(cli: Any, tmp_path: Path) -> None:
    for n in range(10):
        source = sorted((SAMPLES / "dcnf").glob("*.html"))[n % 4]
        write(tmp_path, f"batch/{n:02}-{source.name}", source.read_bytes())
    write(tmp_path, "batch/empty.html", b"")
    batch = str(tmp_path / "batch")
    alone = cli("check", "--jobs", "1", "--format", "json", batch)
    as_file, sarif = tmp_path / "report.json", tmp_path / "report.sarif"
    parallel = cli("check", "--jobs", "2", "--format", "json", "--output", f"json={as_file}", "--output", f"sarif={sarif}", batch)
    assert parallel.out == alone.out
    assert as_file.read_text(encoding="utf-8") == alone.out
    assert '"version"' in alone.out and len(alone.json()["files"]) == 11
    assert sarif.read_text(encoding="utf-8").startswith("{")
    text_and_file = cli("check", "--jobs", "2", "--output", f"json={as_file}", batch)
    assert as_file.read_text(encoding="utf-8") == alone.out
    assert text_and_file.code == parallel.code == alone.code == 1
