"""A CMS export's front matter `author` (or `authors: [..]`) is its byline where the body has none:
Hugo, Jekyll and Ghost themes print it under the title, as they print `title` as the headline.
A byline in the body wins. The byline says where it came from ("front matter author: …")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_markdown, check_text
from compliance.document import parse_document
from compliance.findings import Report

LOGO = "![Daily Caller News Foundation logo](https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png)"
STORY = "The Biden administration is reportedly considering an unusual move, NBC News reported on Wednesday."
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)


def _markdown(front: str, body: str) -> str:
    return f'---\ntitle: "Biden Admin Considering Working With Taliban"\n{front}---\n\n{body}\n\n{STORY}\n\n{LICENSE}\n'


def _bylines(source: str, kind: str = "markdown") -> list[tuple[str, tuple[str, ...], int, str]]:
    doc = parse_document(source.encode(), "markdown" if kind == "markdown" else "text")
    return [(b.text, b.names, b.line, b.source) for b in doc.bylines]


def _errors(report: Report) -> dict[str, str]:
    return {f.rule: f.message for f in report.findings}


@pytest.mark.parametrize("kind", ["markdown", "text"])
@pytest.mark.parametrize(
    ("front", "text", "names"),
    [
        ("author: Jake Smith\n", "front matter author: Jake Smith", ("Jake Smith",)),
        ('author: "Jake Smith"\n', "front matter author: Jake Smith", ("Jake Smith",)),
        ("authors: [Jake Smith, Ana Ruiz]\n", "front matter authors: Jake Smith and Ana Ruiz", ("Jake Smith", "Ana Ruiz")),
        ("authors:\n  - Jake Smith\n", "front matter authors: Jake Smith", ("Jake Smith",)),
    ],
)
def test_the_front_matter_author_is_the_byline_where_the_body_has_none(kind: str, front: str, text: str, names: tuple[str, ...]) -> None:
    source = _markdown(front, "From the Daily Caller News Foundation")
    assert _bylines(source, kind) == [(text, names, 3, "front matter")]


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_a_byline_in_the_body_wins_over_the_front_matter_author(kind: str) -> None:
    source = _markdown("author: Someone Else\n", "By Jake Smith, Daily Caller News Foundation")
    assert _bylines(source, kind) == [("By Jake Smith, Daily Caller News Foundation", ("Jake Smith",), 6, "text")]


@pytest.mark.parametrize(
    ("front", "problem"),
    [("author: DCNF Staff\n", "staff"), ("author: Daily Caller News Foundation\n", "outlet")],
)
def test_a_front_matter_author_that_credits_no_reporter_is_read_as_such_a_byline(front: str, problem: str) -> None:
    doc = parse_document(_markdown(front, "From the Daily Caller News Foundation").encode(), "markdown")
    assert [(b.names, b.reading.problem, b.source) for b in doc.bylines] == [((), problem, "front matter")]


@pytest.mark.parametrize("front", ["", "author: \n", "author: ,\n", "layout: post\n"])
def test_without_a_front_matter_author_there_is_still_no_byline(front: str) -> None:
    assert _bylines(_markdown(front, "From the Daily Caller News Foundation")) == []


def test_the_dcnf_byline_rule_reads_the_front_matter_author_and_says_where_it_came_from() -> None:
    report = check_markdown(_markdown("author: Jake Smith\n", f"{LOGO}\n\nFrom the Daily Caller News Foundation"), packs=["dcnf"])
    (byline,) = [p for p in report.passed if p.rule == "dcnf/byline"]
    assert (byline.evidence, byline.location.line) == ("front matter author: Jake Smith", 3)
    assert "dcnf/byline" not in _errors(report)


def test_a_front_matter_author_with_its_affiliation_meets_dcnfs_byline_terms() -> None:
    source = _markdown("author: Jake Smith, Daily Caller News Foundation\n", LOGO)
    assert _errors(check_markdown(source, packs=["dcnf"])) == {}
    assert _errors(check_text(source.replace(LOGO, "Daily Caller News Foundation logo"), packs=["dcnf"])) == {}


def test_the_front_matter_author_is_not_a_paragraph_of_the_story() -> None:
    # The body's first paragraph stays the story's, and a text check of the byline reads no
    # headline or body words for it.
    doc = parse_document(_markdown("author: Jake Smith\n", "From the Daily Caller News Foundation").encode(), "markdown")
    from compliance.checks.story import story_paragraphs

    assert story_paragraphs(doc)[0].text == "From the Daily Caller News Foundation"


def test_a_fix_before_a_front_matter_byline_goes_at_the_top_of_the_body_not_into_the_front_matter(cli: Any, tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    front = '---\ntitle: "Rates rise again"\nauthor: Jake Smith, Daily Caller News Foundation\n---\n'
    story.write_text(f"{front}\n{STORY}\n", encoding="utf-8")
    run = cli("fix", "--write", "--meta", "logo-url=https://dailycallernewsfoundation.org/logo.png", str(story))
    assert run.code == 0, run.err
    logo = "![Daily Caller News Foundation logo](https://dailycallernewsfoundation.org/logo.png)"
    assert story.read_text(encoding="utf-8") == f"{front}\n{logo}\n\n{STORY}\n"
