"""Inline suppressions: applied with a reason, reported without one, reported when unused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import SAMPLES, write

NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
SEED_NO_LOGO = (SAMPLES / "dcnf" / "missing-logo-line.txt").read_text(encoding="utf-8")


def _rules(run: Any) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in run.json()["files"][0]["findings"]]


def test_document_wide_suppression_with_reason(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", "<!-- syndcheck-disable dcnf/logo -- logo runs in the print masthead -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == []
    assert run.code == 0


def test_suppression_without_reason_is_not_applied_and_is_reported(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", "<!-- syndcheck-disable dcnf/logo -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    assert sorted(_rules(run)) == [("dcnf/logo", "error"), ("syndcheck/suppression-without-reason", "warning")]


def test_unused_suppression_is_a_warning(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO.replace("</body>", "<!-- syndcheck-disable dcnf/byline -- reporter asked to stay anonymous -->\n</body>"))
    run = cli("check", "--format", "json", str(story))
    findings = run.json()["files"][0]["findings"]
    unused = [f for f in findings if f["rule"] == "syndcheck/unused-suppression"]
    assert len(unused) == 1
    assert unused[0]["message"] == "Suppression of dcnf/byline is unused: nothing it names was found in the document."
    assert run.code == 1  # dcnf/logo is still an error


def test_disable_next_applies_to_the_next_line_only_in_a_text_article(cli: Any, tmp_path: Path) -> None:
    lines = SEED_NO_LOGO.split("\n")
    byline_index = lines.index("Jake Smith Contributor")
    lines.insert(byline_index, "<!-- syndcheck-disable-next dcnf/affiliation -- affiliation is in the print edition -->")
    story = write(tmp_path, "story.txt", "\n".join(lines))
    run = cli("check", "--format", "json", str(story))
    assert _rules(run) == [("dcnf/logo", "error")]
