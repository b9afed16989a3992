"""Above the story, between its headline and its first paragraph, nothing is the page's but notes
and credits: a sentence of story prose the copy adds there — above the publisher's credit line,
between the byline and the credit line, a standfirst the original lacks, a line in the article's
header — is an addition, while the credit line, the site's own notes ("This story was originally
published by …", "Editor's note: … edited for length"), its date, kicker and reading time, and a
theme's excerpt of the story's own opening are not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fidelity_story import HEADLINE, check_fidelity, original_page, paragraphs

STORY = [
    "When Marcus Hill collapsed in his cell at the Harlan County jail, guards waited six hours before calling a nurse, according to autopsy records.",
    "Hill, 34, had been booked on a probation violation. He died two days later at a hospital in Lexington.",
    "His death was one of at least 41 in Kentucky jails since 2019 in which records show detainees asked for medical help and did not get it.",
    "The jail\u2019s administrator did not respond to repeated requests for comment.",
]
ADDED = "Harlan County commissioners voted on Monday to hire a second jail nurse."
DECK = "Kentucky jails let sick inmates die while guards ignored their pleas"
CREDIT = "<p><em>This story was originally published by ProPublica.</em></p>"
BYLINE = '<p class="byline">By Jane Whitfield and Omar Delgado, ProPublica</p>'


_paragraphs = paragraphs
ORIGINAL = original_page(STORY)


def _check(cli: Any, tmp_path: Path, copy: str, name: str = "copy.html") -> tuple[int, list[str]]:
    return check_fidelity(cli, tmp_path, ORIGINAL, copy, name)


# Themes' article markup: the header (its headline and `{head}`), then the body (`{top}`, the story).
THEMES = {
    "wordpress": (
        '<html><body><article class="post type-post"><header class="entry-header"><h1 class="entry-title">' + HEADLINE + "</h1>{head}</header>"
        '<div class="entry-content">{top}' + _paragraphs(STORY) + "</div></article></body></html>"
    ),
    "newspack": (
        '<html><body><main id="main"><article class="post"><header class="entry-header"><h1 class="entry-title">' + HEADLINE + "</h1>"
        '<div class="entry-subhead">{head}<div class="entry-meta"><span class="byline">By Jane Whitfield</span></div></div></header>'
        '<div class="entry-content">{top}' + _paragraphs(STORY) + "</div></article></main></body></html>"
    ),
    "arc": (
        '<html><body><article class="b-article"><div class="b-header"><h1 class="c-heading">' + HEADLINE + "</h1>{head}</div>"
        '<div class="c-article-body article-body">{top}' + _paragraphs(STORY) + "</div></article></body></html>"
    ),
    "ghost": (
        '<html><body><main class="gh-main"><article class="gh-article post"><header class="gh-article-header gh-canvas">'
        '<a class="gh-article-tag" href="/tag/health/">Health</a><h1 class="gh-article-title">' + HEADLINE + "</h1>{head}</header>"
        '<section class="gh-content gh-canvas">{top}' + _paragraphs(STORY) + "</section></article></main></body></html>"
    ),
    "drupal": (
        '<html><body><article role="article" class="node node--type-article"><h1 class="page-title"><span>' + HEADLINE + "</span></h1>{head}"
        '<div class="node__content"><div class="field field--name-body field--type-text-with-summary">{top}'
        + _paragraphs(STORY)
        + "</div></div></article></body></html>"
    ),
}


def _copy(theme: str, head: str = "", top: str = CREDIT + BYLINE) -> str:
    return THEMES[theme].replace("{head}", head).replace("{top}", top)


@pytest.mark.parametrize("theme", THEMES)
def test_a_faithful_copy_passes(cli: Any, tmp_path: Path, theme: str) -> None:
    assert _check(cli, tmp_path, _copy(theme)) == (0, [])


@pytest.mark.parametrize("theme", THEMES)
def test_a_sentence_above_the_credit_line_is_an_addition(cli: Any, tmp_path: Path, theme: str) -> None:
    assert _check(cli, tmp_path, _copy(theme, top=f"<p>{ADDED}</p>{CREDIT}{BYLINE}")) == (1, [f'added: "{ADDED}"'])


@pytest.mark.parametrize("theme", THEMES)
def test_a_sentence_between_the_byline_and_the_credit_line_is_an_addition(cli: Any, tmp_path: Path, theme: str) -> None:
    assert _check(cli, tmp_path, _copy(theme, top=f"{BYLINE}<p>{ADDED}</p>{CREDIT}")) == (1, [f'added: "{ADDED}"'])


# A standfirst the copy adds, as themes mark it up under the headline.
ADDED_DECKS = [
    f'<p class="dek">{DECK}</p>',
    f'<p class="gh-article-excerpt">{DECK}.</p>',
    f'<div class="c-standfirst"><p>{DECK}</p></div>',
    f'<h2 class="entry-subtitle">{DECK}</h2>',
    f"<p>{DECK}.</p>",
]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("deck", ADDED_DECKS)
def test_a_standfirst_the_original_lacks_is_an_addition(cli: Any, tmp_path: Path, theme: str, deck: str) -> None:
    code, evidence = _check(cli, tmp_path, _copy(theme, head=deck))
    assert (code, [e.rstrip('."') for e in evidence]) == (1, [f'added: "{DECK}'])


# What a copy's head holds that is no edit of the story: the site's notes and credits, its date,
# kicker, reading time and audio player, and a theme's excerpt of the story's own opening.
HEAD_FURNITURE = [
    ('<div class="entry-meta"><span class="posted-on"><time datetime="2024-06-12">June 12, 2024</time></span></div>', CREDIT + BYLINE),
    ('<p class="c-overline">Health</p><p class="reading-time">5 min read</p>', CREDIT + BYLINE),
    ("<p>Listen to this story.</p>", CREDIT + BYLINE),
    (
        f'<p class="entry-summary">{STORY[0][:80]} [&hellip;]</p>',
        CREDIT + BYLINE,
    ),
    ("", "<p><em>Editor\u2019s note: This story was originally published by ProPublica. It has been edited for length.</em></p>" + BYLINE),
    ("", BYLINE + "<p>This story was produced in partnership with ProPublica\u2019s Local Reporting Network.</p>" + CREDIT),
    ("", "<p>The Valley Ledger is a nonprofit newsroom that relies on readers like you.</p>" + CREDIT + BYLINE),
    ("", "<p><em>Republished with permission.</em></p>" + CREDIT + BYLINE),
]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("head", "top"), HEAD_FURNITURE)
def test_the_sites_notes_and_furniture_above_the_story_are_no_edit(cli: Any, tmp_path: Path, theme: str, head: str, top: str) -> None:
    assert _check(cli, tmp_path, _copy(theme, head=head, top=top)) == (0, [])


def test_a_note_above_the_story_that_speaks_of_its_subject_is_an_addition(cli: Any, tmp_path: Path) -> None:
    note = "Editor's note: The sheriff disputes these records."
    said = f'added (a note that speaks of the story\'s subject, not of its republication): "{note}"'
    assert _check(cli, tmp_path, _copy("wordpress", top=f"<p>{note}</p>{CREDIT}{BYLINE}")) == (1, [said])


def _markdown(top: str) -> str:
    return f"# {HEADLINE}\n\n{top}\n\n" + "\n\n".join(STORY) + "\n"


def test_markdown_a_sentence_above_the_credit_line_is_an_addition(cli: Any, tmp_path: Path) -> None:
    top = f"{ADDED}\n\n*This story was originally published by ProPublica.*\n\nBy Jane Whitfield and Omar Delgado, ProPublica"
    assert _check(cli, tmp_path, _markdown(top), "copy.md") == (1, [f'added: "{ADDED}"'])


def test_markdown_the_credit_line_and_byline_above_the_story_are_no_edit(cli: Any, tmp_path: Path) -> None:
    top = "*This story was originally published by ProPublica.*\n\nBy Jane Whitfield and Omar Delgado, ProPublica"
    assert _check(cli, tmp_path, _markdown(top), "copy.md") == (0, [])
