"""A link back under `pointer-events: none` is drawn but ignores readers' clicks and taps, as an
`inert` one does: it is no link back, and the finding says it cannot be clicked (`pointer_events`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_html
from tests.conftest import ROOT, write

ORIGINAL = "https://www.propublica.org/article/rural-bills"
PAGE = """<html><head>STYLE</head><body><article><h1>Hospital bills pile up</h1>
<p>By Ana Ruiz, ProPublica</p>
<p class="credit">This story was originally published by <span class="wrap">LINK</span>.</p>
<p>When Dana Whitlock opened her mailbox, she found a summons.</p>
<p>She is one of 2,300 patients the hospital has sued.</p>
<script async src="https://pixel.propublica.org/pixel.js"></script>
</article></body></html>
"""
LINK = f'<a href="{ORIGINAL}">ProPublica</a>'


def _source_link(cli: Any, tmp_path: Path, link: str = LINK, css: str = "") -> str | None:
    """The detail of ProPublica's source-link finding for the page (None: the rule passed)."""
    page = PAGE.replace("LINK", link).replace("STYLE", f"<style>{css}</style>" if css else "")
    entry = cli("check", "-p", "propublica", "-f", "json", str(write(tmp_path, "story.html", page))).json()["files"][0]
    found = [f["detail"] for f in entry["findings"] if f["rule"] == "creative-commons/source-link"]
    if not found:
        assert "creative-commons/source-link" in {p["rule"] for p in entry["passed"]}
    return found[0] if found else None


def _cannot_click(around: str) -> str:
    return (
        'no visible link to "https://www.propublica.org/article/" in the article; the link at line 3'
        f' (<a href="{ORIGINAL}">) cannot be clicked: {around} pointer-events: none in its CSS, which makes what it holds ignore readers\''
        " clicks and taps; remove it"
    )


IGNORING = {
    "in its style attribute": (f'<a style="pointer-events:none" href="{ORIGINAL}">ProPublica</a>', "", "it has"),
    "from a rule": (LINK, "a[href*=propublica]{pointer-events:none}", "it has"),
    "in any letter case": (f'<a style="POINTER-EVENTS: NONE" href="{ORIGINAL}">ProPublica</a>', "", "it has"),
    "inherited from a rule": (LINK, ".credit{pointer-events:none}", "the <p> at line 3 around it has"),
    "inherited from a style attribute": (LINK.join(['<b style="pointer-events:none">', "</b>"]), "", "the <b> at line 3 around it has"),
    "taken from the parent": (LINK, ".wrap{pointer-events:none} a{pointer-events:inherit}", "the <span> at line 3 around it has"),
    "unset": (LINK, ".wrap{pointer-events:none} a{pointer-events:unset}", "the <span> at line 3 around it has"),
    "important over the link's own": (LINK, "a{pointer-events:auto} .credit *{pointer-events:none!important}", "it has"),
}


@pytest.mark.parametrize("case", IGNORING)
def test_a_link_under_pointer_events_none_cannot_be_clicked_and_is_not_the_link_back(cli: Any, tmp_path: Path, case: str) -> None:
    link, css, around = IGNORING[case]
    assert _source_link(cli, tmp_path, link, css) == _cannot_click(around)


CLICKABLE = {
    "auto on the link": ".credit{pointer-events:none} a{pointer-events:auto}",
    "initial on the link": ".wrap{pointer-events:none} a{pointer-events:initial}",
    "an SVG keyword": "a{pointer-events:visiblePainted}",
    "a value from a variable": ":root{--events:none} a{pointer-events:var(--events)}",
    "none on some screens only": "@media (max-width: 600px){a{pointer-events:none}}",
    "none on another element": "h1{pointer-events:none}",
    "none that a later rule undoes": "a{pointer-events:none} a{pointer-events:auto}",
}


@pytest.mark.parametrize("case", CLICKABLE)
def test_a_link_a_reader_can_click_is_the_link_back(cli: Any, tmp_path: Path, case: str) -> None:
    assert _source_link(cli, tmp_path, css=CLICKABLE[case]) is None


def test_the_conversation_link_back_under_pointer_events_none_is_not_one(cli: Any, tmp_path: Path) -> None:
    sample = (ROOT / "samples" / "the-conversation" / "compliant-static.html").read_text(encoding="utf-8")
    assert "pointer-events" not in sample
    for css, expected in (
        ("article.story{pointer-events:none}", "the <article> at line 55 around it has"),
        ("article.story{pointer-events:none} article.story a{pointer-events:auto}", None),
    ):
        path = write(tmp_path, "story.html", sample.replace("</head>", f"<style>{css}</style></head>"))
        entry = cli("check", "-p", "the-conversation", "-f", "json", str(path)).json()["files"][0]
        found = [f["detail"] for f in entry["findings"] if f["rule"] == "creative-commons/source-link"]
        if expected is None:
            assert found == []
        else:
            (detail,) = found
            assert f"cannot be clicked: {expected} pointer-events: none in its CSS" in detail


def test_a_page_whose_css_never_names_pointer_events_reads_none() -> None:
    doc = parse_html(PAGE.replace("LINK", LINK).replace("STYLE", "<style>a{color:#00c}</style>"))
    (link,) = [link for link in doc.links if link.href.startswith(ORIGINAL)]
    assert doc.ignores_pointer(link.element) is None


def test_the_readme_example_is_what_the_checker_reports(cli: Any, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    credit = readme.split("```html pointer-events-link\n", 1)[1].split("\n```", 1)[0]
    shown = readme.split("```text pointer-events-link\n", 1)[1].split("\n```", 1)[0]
    # The credit line on line 3 of a page, as in the example.
    page = PAGE.replace("STYLE", "").replace('<p class="credit">This story was originally published by <span class="wrap">LINK</span>.</p>', credit)
    entry = cli("check", "-p", "propublica", "-f", "json", str(write(tmp_path, "story.html", page))).json()["files"][0]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "creative-commons/source-link"]
    severity, rule, message = shown.split(maxsplit=2)
    assert (severity, rule, message) == (finding["severity"], finding["rule"], finding["message"])
