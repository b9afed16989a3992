"""The `element` check's `background-src` (the picture a page's CSS paints as an element's
background, in a box a reader sees) and `instead` (a look-alike named when the element is
missing), for any pack: docs/rule-packs.md's examples run as shown, and a page whose CSS names no
such picture is not matched for one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from compliance.api import check_html, check_markdown
from compliance.document import parse_html
from compliance.packs import load_pack
from tests.conftest import ROOT

RULE_PACKS_DOC = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    """The text of docs/rule-packs.md's section under `heading`, to the next heading."""
    return RULE_PACKS_DOC.split(heading, 1)[1].split("\n### ", 1)[0]


def _fenced(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def _pack_file(tmp_path: Path, check: Any) -> Path:
    """A pack whose one rule, gazette/logo, is `check`."""
    pack = {
        "id": "gazette",
        "name": "Gazette",
        "publisher": "Example Gazette",
        "terms_url": "https://example.org/terms",
        "as_of": "2024-01-01",
        "summary": "The Gazette's logo.",
        "rules": [
            {"id": "gazette/logo", "severity": "error", "terms": "Show our logo.", "message": "The Gazette logo is missing.", "help": "h", "check": check}
        ],
    }
    path = tmp_path / "gazette.yaml"
    path.write_text(yaml.safe_dump(pack), encoding="utf-8")
    return path


def _shown(cli: Any, pack: Path, story: Path) -> list[str]:
    """The finding's line and its `why:` line, as `syndcheck check` prints them."""
    out = cli("check", "--rules", str(pack), "--pack", "gazette", "--no-color", str(story)).out
    lines = [line.strip() for line in out.splitlines()]
    at = next(index for index, line in enumerate(lines) if "gazette/logo" in line)
    return lines[at : at + 2]


PAGE = (
    "<html><head><style>{css}</style></head><body>\n<article><h1>Water board limits pumping</h1>\n"
    "<p>The board voted Tuesday.</p>\n{logo}\n<p>More.</p></article></body></html>\n"
)


def test_the_background_src_example_runs_as_shown(cli: Any, tmp_path: Path) -> None:
    section = _section("### A logo painted by the page's CSS")
    pack = _pack_file(tmp_path, yaml.safe_load(_fenced(section, "yaml")[0]))
    story = tmp_path / "story.html"
    inline = ".logo{width:300px;height:90px;background:url(/img/gazette-logo.png)}"
    story.write_text(PAGE.format(css=inline, logo='<a class="logo" href="/"></a>'), encoding="utf-8")
    assert _shown(cli, pack, story) == [line.strip() for line in _fenced(section, "text")[0].strip().splitlines()]
    story.write_text(PAGE.format(css=inline.replace("{", "{display:block;"), logo='<a class="logo" href="/"></a>'), encoding="utf-8")
    entry = cli("check", "--rules", str(pack), "--pack", "gazette", "--format", "json", str(story)).json()["files"][0]
    assert entry["findings"] == [] and [p["rule"] for p in entry["passed"]] == ["gazette/logo"]


def test_the_placed_and_custom_property_examples_run_as_shown(cli: Any, tmp_path: Path) -> None:
    section = _section("### A logo painted by the page's CSS")
    pack = _pack_file(tmp_path, yaml.safe_load(_fenced(section, "yaml")[0]))
    story = tmp_path / "story.html"
    logo = '<a class="gazette-logo" href="/"></a>'
    moved = re.search(r"is moved off its box \(`([^`]+)`\)", " ".join(section.split()))
    assert moved is not None
    story.write_text(PAGE.format(css=moved[1], logo=logo), encoding="utf-8")
    assert _shown(cli, pack, story) == [line.strip() for line in _fenced(section, "text")[1].strip().splitlines()]
    custom = re.search(r"so that `([^`]+)` paints the logo", " ".join(section.split()))
    assert custom is not None and "var(--gazette-logo)" in custom[1]
    story.write_text(PAGE.format(css=custom[1], logo=logo), encoding="utf-8")
    entry = cli("check", "--rules", str(pack), "--pack", "gazette", "--format", "json", str(story)).json()["files"][0]
    assert entry["findings"] == [] and [p["rule"] for p in entry["passed"]] == ["gazette/logo"]


def test_the_instead_example_runs_as_shown(cli: Any, tmp_path: Path) -> None:
    section = _section("### A look-alike that does not stand in for an element")
    pack = _pack_file(tmp_path, yaml.safe_load(_fenced(section, "yaml")[0]))
    story = tmp_path / "story.html"
    story.write_text(PAGE.format(css="", logo='<img src="/media/staff.jpg" alt="Example Gazette staff photo">'), encoding="utf-8")
    assert _shown(cli, pack, story) == [line.strip() for line in _fenced(section, "text")[0].strip().splitlines()]
    # The logo itself passes; with neither, the failure names no look-alike.
    story.write_text(PAGE.format(css="", logo='<img src="/media/logo.png" alt="Example Gazette logo">'), encoding="utf-8")
    assert cli("check", "--rules", str(pack), "--pack", "gazette", "--format", "json", str(story)).json()["files"][0]["findings"] == []
    story.write_text(PAGE.format(css="", logo=""), encoding="utf-8")
    assert _shown(cli, pack, story)[1] == "why: no visible Gazette logo in the article"


def _pack(check: str) -> Any:
    return load_pack(
        "id: t\nname: T\npublisher: T\nsummary: s\nterms_url: https://example.org/\nas_of: 2024-01-01\nrules:\n"
        f"  - id: t/logo\n    severity: error\n    message: m\n    help: h\n    check: {check}\n",
        "<test>",
    )


BACKGROUND = "{element: {selector: '*', attributes: {background-src: 'gazette-logo'}, label: Gazette logo}}"


def _passes(html: str, check: str = BACKGROUND) -> bool:
    report = check_html(html, packs=[_pack(check)], detect=False)
    return "t/logo" in {passed.rule for passed in report.passed}


def test_a_box_sized_by_a_rule_elsewhere_paints_the_picture_the_cascade_gives_it() -> None:
    css = ".brand{background:url(/a/gazette-logo.png)} .box .brand{display:block;height:40px}"
    assert _passes(PAGE.format(css=css, logo='<div class="box"><a class="brand" href="/"></a></div>'))
    # A later, stronger rule paints another picture: not the logo.
    assert not _passes(PAGE.format(css=css + " a.brand{background-image:url(/a/other.png)}", logo='<div class="box"><a class="brand" href="/"></a></div>'))


def test_a_markdown_copy_has_no_painted_background_and_is_not_left_undecided() -> None:
    report = check_markdown("# Water board\n\nThe board voted.\n", packs=[_pack(BACKGROUND)], detect=False)
    assert [finding.rule for finding in report.findings] == ["t/logo"]


def test_a_page_whose_css_names_no_such_picture_is_not_matched_for_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.document.visibility import PageStyle

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the page's rules were matched for a picture its CSS does not name")

    monkeypatch.setattr(PageStyle, "declaring_on", refuse)
    css = ".hero{height:300px;background:url(/a/hero.jpg)} .icon{width:16px;height:16px;background:url(/a/sprite.png)}"
    assert not _passes(PAGE.format(css=css, logo='<div class="hero"></div>'))


def test_image_replacement_hides_the_words_not_the_box() -> None:
    css = ".brand{display:block;width:200px;height:40px;text-indent:-9999px;overflow:hidden;color:transparent;background:url(/a/gazette-logo.png)}"
    assert _passes(PAGE.format(css=css, logo='<a class="brand" href="/">Example Gazette</a>'))
    assert not _passes(PAGE.format(css=css.replace("display:block;", "display:block;opacity:0;"), logo='<a class="brand" href="/">Example Gazette</a>'))


def test_painted_backgrounds_are_read_once_per_element() -> None:
    doc = parse_html(PAGE.format(css=".brand{display:block;height:40px;background:url(/a/gazette-logo.png)}", logo='<a class="brand" href="/"></a>'))
    [element] = doc.painting_backgrounds(lambda address: "gazette-logo" in address, "gazette-logo")
    assert doc.background(element) is doc.background(element)
    assert doc.background(element).pictures == ("/a/gazette-logo.png",) and doc.background(element).unpainted == ""
