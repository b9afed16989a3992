"""In a plain-text copy an image shows as its alt text on a line of its own, and DCNF's logo as
"Daily Caller News Foundation logo", "[DCNF logo]" or an image placeholder line: such a line is
the logo the terms require (publisher-terms §2.1: "All republished articles must include our
logo"). A line that is only the outlet's name or an affiliation ("Daily Caller News Foundation",
"By Jane Doe, Daily Caller News Foundation") is the name printed, not the logo, though in HTML an
image whose alt text is the name alone is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

DCNF = [p for p in load_packs() if p.id == "dcnf"]
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)


def _errors(lines: list[str], kind: str = "text") -> set[str]:
    page = "\n\n".join(["Senate passes bill", *lines, "The Senate passed the bill on Tuesday after a long debate.", LICENSE]) + "\n"
    if kind == "html":
        body = "".join(lines) + f"<p>The Senate passed the bill.</p><p>{LICENSE}</p>"
        page = f"<html><body><article><h1>Senate passes bill</h1>{body}</article></body></html>"
    result = check_document(parse_document(page.encode(), kind), DCNF, path=f"copy.{kind}", auto_detect=False)
    return {f.rule for f in result.findings if f.severity == Severity.ERROR}


@pytest.mark.parametrize(
    "logo",
    ["Daily Caller News Foundation logo", "[DCNF logo]", "[Image: Daily Caller News Foundation]", "Image: DCNF logo", "[Daily Caller News Foundation]"],
)
def test_an_image_line_is_the_logo(logo: str) -> None:
    assert "dcnf/logo" not in _errors([logo, "By Jane Doe"])


@pytest.mark.parametrize(
    "line",
    ["Daily Caller News Foundation", "The Daily Caller News Foundation", "DCNF", "By Jane Doe, Daily Caller News Foundation"],
)
def test_a_line_of_the_name_or_an_affiliation_is_not_the_logo(line: str) -> None:
    errors = _errors([line, "By Jane Doe"] if not line.startswith("By") else [line])
    assert "dcnf/logo" in errors


def test_in_html_an_image_whose_alt_is_the_name_alone_is_the_logo() -> None:
    image = '<p><img src="https://dailycallernewsfoundation.org/x/dcnf-logo.png" alt="Daily Caller News Foundation"></p>'
    assert "dcnf/logo" not in _errors([image, '<p class="byline">By Jane Doe</p>'], kind="html")
    assert "dcnf/logo" in _errors(["<p>Daily Caller News Foundation</p>", '<p class="byline">By Jane Doe</p>'], kind="html")


def test_the_readme_example_is_what_check_reports(cli: Any, tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("is only the outlet's name or an affiliation is the name as text, not the logo. On this copy", 1)[1]
    (page,) = re.findall(r"```plain\n(.*?)```", section, re.DOTALL)[:1]
    copy = tmp_path / "copy.txt"
    copy.write_text(page, encoding="utf-8")
    run = cli("check", "--pack", "dcnf", "--format", "concise", str(copy))
    assert "error dcnf/logo The Daily Caller News Foundation logo is missing from the article." in run.out, run.out
    copy.write_text(page.replace("Daily Caller News Foundation\n", "Daily Caller News Foundation logo\n", 1), encoding="utf-8")
    run = cli("check", "--pack", "dcnf", "--format", "concise", str(copy))
    assert "dcnf/logo" not in run.out, run.out
