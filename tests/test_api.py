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


@pytest.mark.parametrize("value", ["ftp://x", "javascript:alert(1)", "logo.png"])
def test_an_address_in_meta_that_is_not_http_raises_the_user_error_the_command_line_gives(value: str) -> None:
    from compliance.errors import ConfigError, UserError

    page = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        check_html(page, meta={"logo-url": value})
    assert isinstance(raised.value, UserError)
    assert str(raised.value) == f"metadata 'logo-url' must be an http(s) URL, got '{value}' — give the full address, for example logo-url=https://example.org/…"
    # Given as an address, or not given at all (empty), the same value is used or left out.
    assert [f.rule for f in check_html(page, meta={"logo-url": "https://e.org/l.png"}).findings] == ["dcnf/logo"]
    assert [f.rule for f in check_html(page, meta={"logo-url": ""}).findings] == ["dcnf/logo"]
