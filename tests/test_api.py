"""The Python API a CMS plugin uses: in-memory articles in, immutable reports out."""

from __future__ import annotations

import dataclasses

import pytest

from compliance.api import Report, Severity, check_html, check_markdown, check_text, load_packs
from compliance.errors import PackError
from tests.conftest import SAMPLES


def test_check_html_auto_detects_and_reports() -> None:
    report = check_html((SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8"))
    assert isinstance(report, Report)
    assert report.packs == ("dcnf",)
    assert [(f.rule, f.severity) for f in report.findings] == [("dcnf/logo", Severity.ERROR)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.findings[0].rule = "x"  # type: ignore[misc]


def test_check_text_with_explicit_pack_and_meta() -> None:
    seed = (SAMPLES / "dcnf" / "republished.txt").read_bytes()
    report = check_text(seed, packs=["dcnf"], meta={"reporter": "Jake Smith"})
    assert report.findings == ()
    assert [p.rule for p in report.passed] == ["dcnf/logo", "dcnf/byline", "dcnf/affiliation"]


def test_check_markdown_reads_front_matter() -> None:
    report = check_markdown("---\nreporter: Ana Ruiz\n---\n# Budget\n\nBy Ana Ruiz\n\nThe council voted.\n", packs=["common"])
    assert [p.rule for p in report.passed] == ["common/wire-photo", "common/empty-byline"]


def test_packs_are_loaded_once_and_unknown_ids_raise() -> None:
    assert load_packs() is load_packs()
    with pytest.raises(PackError, match="unknown pack 'no-such-pack'"):
        check_html("<p>x</p>", packs=["no-such-pack"])
