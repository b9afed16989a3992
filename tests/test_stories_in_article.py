"""A roundup that republishes several stories in one article, each under a heading of its own with
its own byline, says so: every rule reads the region as one story, so one publisher's rule judges
another's story, and a story whose publisher's pack was not applied is checked by no one. The
notice names each story by its headline, lines and byline, and says which pack judged which."""

from __future__ import annotations

import re
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.stories import StoryPart, stories_in_article
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = load_packs()
LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without"
    " charge to any legitimate news publisher that can provide a large audience.</p>"
)
DCNF = (
    f"<h2>Biden Admin Weighs New Gas Stove Limits</h2>\n{LOGO}<p>By Nick Pope, Daily Caller News Foundation</p>\n"
    f"<p>The administration is weighing new limits.</p>\n{LICENSE}\n"
)
CALMATTERS = (
    "<h2>Lawmakers advance rent cap</h2>\n<p>By Ben Christopher, CalMatters</p>\n<p>SACRAMENTO — Lawmakers advanced a bill capping rent increases.</p>\n"
)


def _stories(body: str, kind: str = "html") -> tuple[StoryPart, ...]:
    text = f"<html><body><article>\n<h1>Weekend reading</h1>\n{body}</article></body></html>" if kind == "html" else body
    return stories_in_article(parse_document(text.encode(), kind).blocks)


def _notes(body: str) -> list[str]:
    doc = parse_document(f"<html><body><article>\n<h1>Weekend reading</h1>\n{body}</article></body></html>".encode(), "html")
    report = check_document(doc, PACKS, path="page.html")
    return [n.message for n in report.notices if n.code == "other-stories"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Two publishers' briefs under <h2>s, the first ending with its license paragraph.
        (
            DCNF + CALMATTERS,
            [
                ("Biden Admin Weighs New Gas Stove Limits", "By Nick Pope, Daily Caller News Foundation", 3, 6),
                ("Lawmakers advance rent cap", "By Ben Christopher, CalMatters", 7, 9),
            ],
        ),
        # Under <h3>s, a credit line between one heading and its byline, three stories.
        (
            "<h3>Hospitals sue patients</h3>\n<p>This story was originally published by ProPublica.</p>\n"
            "<p>By Maria Lopez, ProPublica</p>\n<p>Hospitals sued thousands.</p>\n"
            "<h3>Maternity wards close</h3>\n<p>By Sarah Jane Tribble, KFF Health News</p>\n<p>Rural hospitals are closing units.</p>\n"
            "<h3>Schools reopen</h3>\n<p>Por Ana Ruiz</p>\n<p>Las escuelas reabren.</p>\n",
            [
                ("Hospitals sue patients", "By Maria Lopez, ProPublica", 3, 6),
                ("Maternity wards close", "By Sarah Jane Tribble, KFF Health News", 7, 9),
                ("Schools reopen", "Por Ana Ruiz", 10, 12),
            ],
        ),
    ],
)
def test_stories_under_headings_with_bylines_are_found(body: str, expected: list[tuple[str, str, int, int]]) -> None:
    assert [(s.headline, s.byline, s.first_line, s.last_line) for s in _stories(body)] == expected


def test_a_headline_with_a_link_in_it_still_heads_a_story() -> None:
    body = DCNF.replace("Gas Stove Limits</h2>", '<a href="https://dailycallernewsfoundation.org/">Gas Stove</a> Limits</h2>') + CALMATTERS
    assert [s.headline for s in _stories(body)] == ["Biden Admin Weighs New Gas Stove Limits", "Lawmakers advance rent cap"]


def test_stories_of_a_markdown_roundup_are_found() -> None:
    text = (
        "## Biden Admin Weighs New Gas Stove Limits\n\nBy Nick Pope, Daily Caller News Foundation\n\nThe administration is weighing limits.\n\n"
        "## Lawmakers advance rent cap\n\nBy Ben Christopher, CalMatters\n\nLawmakers advanced a bill.\n"
    )
    assert [(s.headline, s.first_line) for s in _stories(text, "markdown")] == [
        ("Biden Admin Weighs New Gas Stove Limits", 1),
        ("Lawmakers advance rent cap", 7),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # One story: a headline, its byline, subheadings without bylines.
        "<h2>The vote</h2>\n<p>By a vote of 51-17, the Assembly passed it.</p>\n<h2>What comes next</h2>\n<p>The Senate takes it up in June.</p>\n",
        # Subheadings over sentences that open like a byline, and over an interviewee's name line.
        "<h2>Background</h2>\n<p>By the time the council voted, the plan had changed.</p>\n<p>It passed.</p>\n"
        "<h2>Voices</h2>\n<p>Jane Doe, a nurse in Fresno</p>\n<p>She said the plan would help.</p>\n",
        # One story whose theme prints its headline and byline twice.
        "<h2>Rent cap advances</h2>\n<p>By Ben Christopher</p>\n<p>Lawmakers advanced it.</p>\n"
        "<h2>Rent cap advances</h2>\n<p>By Ben Christopher</p>\n<p>Lawmakers advanced it.</p>\n",
        # Teaser cards inside the article: headlines all a link, or cards in a list.
        '<h2><a href="/a">Rent cap advances</a></h2>\n<p>By Ben Christopher</p>\n<p>Lawmakers advanced it.</p>\n'
        '<h2><a href="/b">Schools reopen</a></h2>\n<p>By Ana Ruiz</p>\n<p>Schools reopened on Monday.</p>\n',
        "<ul><li><h3>Rent cap advances</h3><p>By Ben Christopher</p><p>Lawmakers advanced it.</p></li>"
        "<li><h3>Schools reopen</h3><p>By Ana Ruiz</p><p>Schools reopened on Monday.</p></li></ul>\n",
        # A byline under the last heading with no story after it (an author box).
        "<h2>Rent cap advances</h2>\n<p>By Ben Christopher</p>\n<p>Lawmakers advanced it.</p>\n<h2>About the author</h2>\n<p>By Ben Christopher</p>\n",
    ],
)
def test_one_story_with_subheadings_is_no_roundup(body: str) -> None:
    assert _stories(body) == ()


def test_the_notice_names_a_story_whose_publisher_was_not_applied() -> None:
    # Only DCNF's markers are on the page: its rules judge the CalMatters brief, which no one checks.
    (note,) = _notes(DCNF + CALMATTERS)
    assert note.startswith(
        "the article checked (line 1) holds 2 stories, each under its own headline and byline:"
        ' "Biden Admin Weighs New Gas Stove Limits" (lines 3–6, By Nick Pope, Daily Caller News Foundation)'
        ' and "Lawmakers advance rent cap" (lines 7–9, By Ben Christopher, CalMatters)'
    )
    assert 'the byline of "Lawmakers advance rent cap" names CalMatters, whose rules (the calmatters pack) were not applied to it' in note
    assert 'the dcnf rules also judged "Lawmakers advance rent cap", which names no Daily Caller News Foundation' in note


def test_the_notice_says_which_applied_pack_judged_the_other_story() -> None:
    propublica = (
        "<h2>Hospitals sue patients</h2>\n<p>This story was originally published by ProPublica.</p>\n<p>By Maria Lopez, ProPublica</p>\n"
        "<p>Hospitals sued thousands.</p>\n"
    )
    (note,) = _notes(CALMATTERS.replace("<h2>", "<h2>").replace("SACRAMENTO", "This story was originally published by CalMatters. SACRAMENTO") + propublica)
    assert 'the calmatters rules also judged "Hospitals sue patients", which names no CalMatters' in note
    assert 'the propublica rules also judged "Lawmakers advance rent cap", which names no ProPublica' in note
    assert "were not applied" not in note


def test_a_single_story_page_has_no_notice() -> None:
    assert _notes(DCNF) == []


def test_the_readme_quotes_the_notice_as_written() -> None:
    from tests.conftest import ROOT

    row = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `other-stories` |"))
    (example,) = re.findall(r"\(`(the byline of [^`]*)`\)", row)
    (note,) = _notes(DCNF + CALMATTERS)
    assert example in note


def test_a_story_whose_byline_names_no_outlet_is_known_by_its_license_paragraph() -> None:
    # The DCNF story's byline is "By Nick Pope" alone; its license paragraph says whose it is.
    (note,) = _notes(CALMATTERS + DCNF.replace(", Daily Caller News Foundation</p>", "</p>").replace(LOGO, ""))
    assert 'the dcnf rules also judged "Lawmakers advance rent cap", which names no Daily Caller News Foundation' in note
    assert 'the calmatters rules also judged "Biden Admin Weighs New Gas Stove Limits", which names no CalMatters' in note


def _report(page: str) -> Any:
    return check_document(parse_document(page.encode(), "html"), PACKS, path="page.html")


CALMATTERS_RULES = {rule.id for pack in PACKS if pack.id == "calmatters" for rule in pack.rules}


@pytest.mark.parametrize(
    "page",
    [
        # A roundup: the CalMatters brief inside the DCNF story's <article>.
        f"<html><body><article>\n<h1>Weekend reading</h1>\n{DCNF}{CALMATTERS}</article></body></html>",
        # The CalMatters brief in an <article> of its own beside the DCNF story's.
        f"<html><body><main><article>\n<h1>Gas stoves</h1>{DCNF}</article>\n<article>{CALMATTERS.replace('h2>', 'h1>')}"
        "<p>The measure now heads to the Senate, where it faces a tougher vote.</p></article></main></body></html>",
    ],
)
def test_the_rules_of_a_publisher_no_pack_was_applied_for_are_counted_not_checked(page: str) -> None:
    report = _report(page)
    assert list(report.packs) == ["dcnf"]
    (note,) = [n for n in report.notices if n.code == "other-stories"]
    assert set(note.unchecked_rules) == CALMATTERS_RULES and CALMATTERS_RULES


def test_a_story_whose_byline_names_an_applied_pack_or_none_leaves_no_rule_unchecked() -> None:
    # The second story's byline names no publisher of a pack: nothing is said to be unchecked.
    anonymous = CALMATTERS.replace("By Ben Christopher, CalMatters", "By Ana Ruiz, Riverbend Gazette")
    report = _report(f"<html><body><article>\n<h1>Weekend reading</h1>\n{DCNF}{anonymous}</article></body></html>")
    (note,) = [n for n in report.notices if n.code == "other-stories"]
    assert note.unchecked_rules == ()
