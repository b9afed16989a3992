"""ProPublica's embargo notice copied into the page's description (`<meta name="description">`,
`og:description`, `twitter:description`, a front matter `description`) is published in search
results and shares, and one in a script that holds a template (`<script type="text/html">`) is
markup a script may show: `read: also-hidden` counts both, as it counts a `<template>`'s; `read:
shown` counts neither; a JSON data block or a held-back program is no template."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs
from tests.conftest import write

TODAY = datetime.date(2026, 12, 5)
NOTICE = "This article is not subject to ProPublica&#8217;s Creative Commons license until Aug. 21, 2027."
ENDED = "This article is not subject to ProPublica's Creative Commons license until Nov. 30, 2026."


def page(head: str = "", end: str = "") -> bytes:
    """A compliant copy of the welds story, with `head` in its head and `end` at the end of its body."""
    return (
        f"<html><head><title>Welds</title>\n{head}\n</head><body><article><h1>Inspectors Signed Off on Welds They Never Saw</h1>"
        '<p class="byline">By Hollis Brandt, ProPublica</p>'
        '<p><em>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</em></p>'
        "<p>On the morning of March 14, an inspector signed off on 41 welds along a new gas line in western Oklahoma.</p>"
        '<script src="https://pixel.propublica.org/pixel.js" async></script>'
        f"</article>\n{end}\n</body></html>"
    ).encode()


def embargo_findings(source: bytes, kind: Any = "html") -> list[Any]:
    packs = [p for p in load_packs() if p.id in {"propublica", "creative-commons", "common"}]
    report = check_document(parse_document(source, kind), packs, path="p.html", auto_detect=False, today=TODAY)
    return [f for f in report.findings if f.rule.startswith("propublica/embargo")]


DESCRIPTIONS = {
    "meta description": ('<meta name="description" content="{notice}">', '<meta name="description">'),
    "Open Graph": ('<meta property="og:description" content="{notice}">', '<meta property="og:description">'),
    "X card": ('<meta name="twitter:description" content="{notice}">', '<meta name="twitter:description">'),
    "Open Graph written as a name, upper case": ('<META NAME="OG:Description" CONTENT="{notice}">', '<meta name="og:description">'),
}


@pytest.mark.parametrize(("markup", "where"), DESCRIPTIONS.values(), ids=DESCRIPTIONS.keys())
def test_an_embargo_notice_in_the_page_s_description_holds(markup: str, where: str) -> None:
    (finding,) = embargo_findings(page(head=markup.format(notice=NOTICE)))
    assert (finding.rule, finding.severity.name) == ("propublica/embargo", "ERROR")
    assert "may not be republished until the end of Aug. 21, 2027" in finding.message
    assert f"the notice is in the page's {where} (line 2), which search results and shares show" in finding.message
    assert finding.location.line == 2


def test_an_ended_embargo_in_a_description_says_nothing_and_other_descriptions_are_not_read() -> None:
    assert embargo_findings(page(head=f'<meta name="description" content="{ENDED}">')) == []
    # A meta tag that describes nothing (a keyword list, an author) is no description.
    assert embargo_findings(page(head=f'<meta name="keywords" content="{NOTICE}">')) == []


def test_a_front_matter_description_is_the_markdown_page_s_description() -> None:
    source = (
        "---\ntitle: Inspectors Signed Off on Welds They Never Saw\n"
        'description: "This article is not subject to ProPublica\'s Creative Commons license until Aug. 21, 2027."\n---\n'
        "By Hollis Brandt, ProPublica\n\n"
        "*This story was originally published by [ProPublica](https://www.propublica.org/article/welds).*\n\n"
        "On the morning of March 14, an inspector signed off on 41 welds.\n\n"
        '<script src="https://pixel.propublica.org/pixel.js" async></script>\n'
    )
    (finding,) = embargo_findings(source.encode(), "markdown")
    assert "the notice is in the page's front matter description (line 3)" in finding.message


TEMPLATES = {
    "text/html": '<script type="text/html" id="note"><p>{notice}</p></script>',
    "Vue's x-template, over lines": '<script type="text/x-template" id="note">\n  <div class="note">\n    <span>{notice}</span>\n  </div>\n</script>',
    "Angular's ng-template": '<script type="text/ng-template" id="note.html">{notice}</script>',
    "Handlebars": '<script type="text/x-handlebars-template"><aside>{notice}</aside></script>',
    "jQuery's tmpl": "<script type='text/x-jquery-tmpl'><p>{notice}</p></script>",
}


@pytest.mark.parametrize("markup", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_an_embargo_notice_in_a_script_template_holds(markup: str) -> None:
    (finding,) = embargo_findings(page(end=markup.format(notice=NOTICE)))
    assert (finding.rule, finding.severity.name) == ("propublica/embargo", "ERROR")
    assert "may not be republished until the end of Aug. 21, 2027" in finding.message
    assert "the notice is hidden from readers (line" in finding.message


NOT_TEMPLATES = {
    "a program": "<script>var note = '<p>{notice}</p>';</script>",
    "a module": "<script type=\"module\">const note = '<p>{notice}</p>';</script>",
    "a consent manager's held-back program": '<script type="text/plain" data-cookieconsent="statistics">track(\'<p>{notice}</p>\');</script>',
    "a JSON data block": '<script type="application/json">{{"note": "<p>{notice}</p>"}}</script>',
}


@pytest.mark.parametrize("markup", NOT_TEMPLATES.values(), ids=NOT_TEMPLATES.keys())
def test_a_script_that_holds_no_template_is_not_read(markup: str) -> None:
    assert embargo_findings(page(end=markup.format(notice=NOTICE))) == []


_PACK = (
    "id: u\nname: N\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
    "  - id: u/embargo\n    severity: error\n    message: 'Embargoed: {{until}}.'\n    help: h\n    check:\n"
    "      until-date:\n        check: {{text: {{pattern: 'not\\s+subject\\s+to', scope: page}}}}\n        read: {read}\n"
)


@pytest.mark.parametrize(("read", "code"), [("shown", 0), ("comments", 0), ("also-hidden", 1)])
def test_only_also_hidden_counts_a_description_or_a_template(cli: Any, tmp_path: Path, read: str, code: int) -> None:
    pack = write(tmp_path, "u.yaml", _PACK.format(read=read))
    source = page(head=f'<meta name="description" content="{NOTICE}">', end=f'<script type="text/html"><p>{NOTICE}</p></script>')
    story = write(tmp_path, "story.html", source.decode())
    run = cli("check", "--format", "concise", "--rules", str(pack), "--pack", "u", "--today", "2026-12-05", str(story))
    assert run.code == code, run.out
    if code:
        assert run.out.count("u/embargo") == 2, run.out
