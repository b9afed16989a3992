"""What the check did not cover reaches every output a pipeline reads: a story of its own beside
the article checked (`other-stories`) and a later page of a story split over pages (`later-page`)
are notes of concise and GitHub output, `syndcheck/other-stories` and `syndcheck/later-page`, and
`--quiet` shows their files; so is a changed headline no rule compares (`headline-not-compared`).
A page that holds one story, its first page, shows none of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
PARAGRAPHS = "".join(f"<p>Paragraph {n} of the story tells what the officials said about the plan and what it would cost the county.</p>" for n in range(4))
STORY = f'<article><h1>First story</h1>{LOGO}<p class="byline">By Jake Smith, Daily Caller News Foundation</p>{PARAGRAPHS}</article>'
SECOND = f'<article><h2>Senate passes the defense bill</h2><p class="byline">By Ana Ruiz, Daily Caller News Foundation</p>{PARAGRAPHS}</article>'


def _page(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(f"<!doctype html><html><head><title>t</title></head><body><main>{body}</main></body></html>", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("body", "rule", "said"),
    [
        (STORY + SECOND, "syndcheck/other-stories", 'the page holds 1 other story beside the article checked (line 1): "Senate passes the defense bill"'),
        (
            STORY.replace("<h1>First story</h1>", "<h1>First story</h1><p>Page 2 of 3</p>"),
            "syndcheck/later-page",
            "page 2 of a story split over pages (Page 2 of 3, line 1)",
        ),
    ],
)
def test_concise_github_and_quiet_show_what_was_not_checked(cli: Any, tmp_path: Path, body: str, rule: str, said: str) -> None:
    page = _page(tmp_path, "copy.html", body)
    concise = cli("check", "--pack", "dcnf", "--format", "concise", page)
    assert concise.code == 0
    (line,) = [line for line in concise.out.splitlines() if f" note {rule} " in line]
    assert line.startswith(f"{page}:1:1: note {rule} {said}")
    github = cli("check", "--pack", "dcnf", "--format", "github", page)
    assert any(line.startswith(f"::notice file={page},line=1,col=1,title={rule}::{said}") for line in github.out.splitlines())
    quiet = cli("check", "--pack", "dcnf", "--quiet", page)
    assert quiet.code == 0 and f"note: {said}" in quiet.out and "1 file checked; no problems" in quiet.out


def test_a_page_of_one_story_says_nothing_of_the_kind(cli: Any, tmp_path: Path) -> None:
    page = _page(tmp_path, "copy.html", STORY)
    concise = cli("check", "--pack", "dcnf", "--format", "concise", page)
    assert "syndcheck/other-stories" not in concise.out and "syndcheck/later-page" not in concise.out
    quiet = cli("check", "--pack", "dcnf", "--quiet", page)
    assert "copy.html" not in quiet.out and "1 file checked; no problems" in quiet.out


def test_a_changed_headline_no_rule_compares_is_a_note_of_concise_output(cli: Any, tmp_path: Path) -> None:
    story = "".join(f"<p>Paragraph {n} says what the inspectors found in the county's nursing homes over the years, and what they fixed.</p>" for n in range(5))
    head = '<p>This story was originally published by <a href="https://www.propublica.org/article/nursing-homes">ProPublica</a>.</p>'
    byline = '<p class="byline">By Sam Ortiz, ProPublica</p>'
    pixel = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
    original = tmp_path / "original.html"
    original.write_text(
        '<html><head><link rel="canonical" href="https://www.propublica.org/article/nursing-homes"></head>'
        f"<body><article><h1>Nursing Homes Skipped Inspections for Years</h1>{byline}{story}</article></body></html>",
        encoding="utf-8",
    )
    page = _page(tmp_path, "copy.html", f"<article><h1>Local homes skipped checks</h1>{byline}{head}{story}{pixel}</article>")
    concise = cli("check", "--pack", "propublica", "--format", "concise", "--original", str(original), page)
    (line,) = [line for line in concise.out.splitlines() if " note syndcheck/headline-not-compared " in line]
    assert 'the headline "Local homes skipped checks" differs from the original\'s "Nursing Homes Skipped Inspections for Years"' in line
