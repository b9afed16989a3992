"""`syndcheck check` on pages whose byline, logo or credit line a cover inside its own box paints
over (the box's own text, an inline block's picture), or that the flow pushes below the bottom of
a box that clips its overflow: the rule fails as for a hidden one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.test_hiding_families import LOGO_IMG, dcnf, propublica

COVER = '<i style="position:absolute;inset:0;background:#fff"></i>'


def _check(cli: Any, tmp_path: Path, data: bytes, pack: str, rule: str) -> tuple[int, list[str]]:
    page = tmp_path / "story.html"
    page.write_bytes(data)
    run = cli("check", "--pack", pack, "--select", rule, "--format", "json", str(page))
    return run.code, [(finding["rule"], finding["message"]) for finding in run.json()["files"][0]["findings"]]


@pytest.mark.parametrize(
    ("byline", "hidden"),
    [
        (f'<div class="byline" style="position:relative">By Lena Ortiz, Daily Caller News Foundation{COVER}</div>', True),
        (f'<p class="byline"><span style="position:relative;display:inline-block">By Lena Ortiz{COVER}</span></p>', True),
        (f'<div class="byline" style="position:relative">By Lena Ortiz{COVER.replace("#fff", "rgba(255,255,255,.4)")}</div>', False),
    ],
)
def test_dcnf_byline_under_a_cover_of_its_own_box(cli: Any, tmp_path: Path, byline: str, hidden: bool) -> None:
    code, found = _check(cli, tmp_path, dcnf(byline=byline), "dcnf", "dcnf/byline")
    assert [rule for rule, _ in found] == (["dcnf/byline"] if hidden else [])
    assert code == (1 if hidden else 0)
    if hidden:
        # The finding names the cover, over the byline or over the box inside it that holds its words.
        assert re.search(r"is hidden \(the `<i>` at line 3 is painted over (it|the `<span>` inside it at line 3)\)", found[0][1])


@pytest.mark.parametrize(("wrapper", "hidden"), [("inline-block", True), ("inline", False)])
def test_dcnf_logo_under_a_cover_of_its_inline_block(cli: Any, tmp_path: Path, wrapper: str, hidden: bool) -> None:
    logo = f'<p><span style="position:relative;display:{wrapper}">{LOGO_IMG}{COVER}</span></p>'
    code, found = _check(cli, tmp_path, dcnf(logo=logo), "dcnf", "dcnf/logo")
    assert ([rule for rule, _ in found], code) == ((["dcnf/logo"], 1) if hidden else ([], 0))


@pytest.mark.parametrize(("cover", "hidden"), [(COVER, True), (COVER.replace("inset:0", "inset:0;z-index:-1"), False)])
def test_propublica_credit_line_under_a_cover_of_its_own_box(cli: Any, tmp_path: Path, cover: str, hidden: bool) -> None:
    credit = f'<div style="position:relative">{{text}}{cover}</div>'
    code, found = _check(cli, tmp_path, propublica(credit=credit), "propublica", "propublica/credit-line")
    assert [rule for rule, _ in found] == (["propublica/credit-line"] if hidden else [])
    assert code == (1 if hidden else 0)


SPACER = '<div style="height:48px"></div>'


@pytest.mark.parametrize(
    ("clip", "hidden"), [("overflow:hidden;height:24px", True), ("overflow:hidden;height:60px", False), ("overflow:auto;height:24px", False)]
)
def test_dcnf_byline_pushed_below_a_clipping_box(cli: Any, tmp_path: Path, clip: str, hidden: bool) -> None:
    byline = f'<div class="byline" style="{clip}">{SPACER}By Lena Ortiz, Daily Caller News Foundation</div>'
    code, found = _check(cli, tmp_path, dcnf(byline=byline), "dcnf", "dcnf/byline")
    assert ([rule for rule, _ in found], code) == ((["dcnf/byline"], 1) if hidden else ([], 0))
    if hidden:
        assert "is hidden" in found[0][1]


@pytest.mark.parametrize(("spacer", "hidden"), [("padding-top:500px", True), ("padding-top:5px", False)])
def test_dcnf_logo_pushed_below_a_clipping_box(cli: Any, tmp_path: Path, spacer: str, hidden: bool) -> None:
    logo = f'<div style="max-height:10px;overflow:clip"><p style="{spacer};margin:0">{LOGO_IMG}</p></div>'
    code, found = _check(cli, tmp_path, dcnf(logo=logo), "dcnf", "dcnf/logo")
    assert ([rule for rule, _ in found], code) == ((["dcnf/logo"], 1) if hidden else ([], 0))


@pytest.mark.parametrize(("margin", "hidden"), [("margin:0 0 30px", True), ("margin:0 0 -30px", False)])
def test_propublica_credit_line_pushed_below_a_clipping_box(cli: Any, tmp_path: Path, margin: str, hidden: bool) -> None:
    credit = f'<div style="overflow:hidden;height:20px"><p style="height:1px;{margin}"></p>{{text}}</div>'
    code, found = _check(cli, tmp_path, propublica(credit=credit), "propublica", "propublica/credit-line")
    assert ([rule for rule, _ in found], code) == ((["propublica/credit-line"], 1) if hidden else ([], 0))
