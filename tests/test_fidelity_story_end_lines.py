"""A short line after the story's last paragraph: a sentence of story prose the copy adds there
("He was 34.") is an edit, in Markdown as in HTML, while the page's one-line furniture there —
its categories and tags ("Posted in Politics, Health", "Tags: …", "Filed under …"), sharing
prompts, a sign-off, a date line — is not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.story import is_short_sentence
from compliance.document import parse_document
from compliance.document.byline_reading import is_topics_line
from tests.fidelity_story import HEADLINE, check_fidelity, original_page

STORY = [
    "When Marcus Hill collapsed in his cell at the Harlan County jail, guards waited six hours before calling a nurse, according to autopsy records.",
    "Hill, 34, had been booked on a probation violation. He died two days later at a hospital in Lexington.",
    "The jail\u2019s administrator did not respond to repeated requests for comment.",
]
ORIGINAL = original_page(STORY, byline="by Jane Whitfield")
CREDIT = "This story was originally published by ProPublica."

# Short sentences of story prose a copy may add after the last paragraph.
ADDED = ["He was 34.", "The jail reopened last month.", "Hill was buried in Lexington.", "Tanya called it preventable.", "Nobody was charged."]
# The page's one-line furniture after a story.
FURNITURE = [
    "Posted in Politics, Health",
    "Posted in Politics, Health.",
    "Tags: jails, Kentucky",
    "Tagged: jails.",
    "Filed under: Health",
    "Filed Under Health, Justice.",
    "Categories: News, Health.",
    "Topics: Jails.",
    "In: Health, Justice",
    "Share this:",
    "Like this: Like Loading...",
    "Thanks for reading!",
    "Updated June 12, 2024.",
    "Leave a comment.",
    "More in Health.",
    "Via CalMatters.",
    "Originally printed in CalMatters.",
    "Source: CalMatters.",
    "Illustration by Ana Ruiz.",
    "Follow Jane on Twitter.",
    "Contact the reporter.",
    "Listen to the episode.",
]


def _check(cli: Any, tmp_path: Path, copy: str, name: str) -> tuple[int, list[str]]:
    return check_fidelity(cli, tmp_path, ORIGINAL, copy, name)


def _markdown(*after: str) -> str:
    return f"# {HEADLINE}\n\n*{CREDIT}*\n\nBy Jane Whitfield, ProPublica\n\n" + "\n\n".join([*STORY, *after]) + "\n"


def _wordpress(after: str, footer: str = "") -> str:
    return (
        f'<html><body><article class="post"><header class="entry-header"><h1 class="entry-title">{HEADLINE}</h1></header>'
        f'<div class="entry-content"><p><em>{CREDIT}</em></p><p class="byline">By Jane Whitfield, ProPublica</p>'
        + "".join(f"<p>{p}</p>" for p in STORY)
        + f"{after}</div>{footer}</article></body></html>"
    )


@pytest.mark.parametrize("added", ADDED)
def test_markdown_a_short_sentence_after_the_story_is_an_addition(cli: Any, tmp_path: Path, added: str) -> None:
    assert _check(cli, tmp_path, _markdown(added), "copy.md") == (1, [f'added: "{added}"'])


@pytest.mark.parametrize("added", ADDED)
def test_html_a_short_sentence_after_the_story_is_an_addition(cli: Any, tmp_path: Path, added: str) -> None:
    assert _check(cli, tmp_path, _wordpress(f"<p>{added}</p>"), "copy.html") == (1, [f'added: "{added}"'])


@pytest.mark.parametrize("line", FURNITURE)
def test_markdown_a_furniture_line_after_the_story_is_no_edit(cli: Any, tmp_path: Path, line: str) -> None:
    assert _check(cli, tmp_path, _markdown(line), "copy.md") == (0, [])


@pytest.mark.parametrize("line", FURNITURE)
def test_html_a_furniture_line_after_the_story_is_no_edit(cli: Any, tmp_path: Path, line: str) -> None:
    assert _check(cli, tmp_path, _wordpress(f"<p>{line}</p>"), "copy.html") == (0, [])


# Themes' footers after the story: WordPress's entry footer, Ghost's tags, Drupal's field of tags.
FOOTERS = [
    '<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c/politics">Politics</a>, <a href="/c/health">Health</a>.</span>'
    '<span class="tags-links">Tagged <a href="/t/jails">jails</a>.</span></footer>',
    '<div class="gh-article-tags"><p>Filed under <a href="/tag/health/">Health</a>.</p></div>',
    '<div class="field field--name-field-tags"><div class="field__label">Tags</div><div class="field__item"><a href="/t/1">Jails</a></div></div>',
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_a_themes_footer_after_the_story_is_no_edit(cli: Any, tmp_path: Path, footer: str) -> None:
    assert _check(cli, tmp_path, _wordpress("", footer), "copy.html") == (0, [])


def test_a_short_sentence_after_a_credit_line_is_the_pages_furniture(cli: Any, tmp_path: Path) -> None:
    """The story reaches out from its last paragraph up to the first note: what a republisher
    prints after its credit line there is its own furniture, as for a long paragraph."""
    assert _check(cli, tmp_path, _markdown("*Republished with permission from ProPublica.*", "He was 34."), "copy.md") == (0, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("He was 34.", True), ("1,200 died.", True), ("he was 34.", False), ("Yes.", False), ("Posted in Health.", False), ("The end.", False)],
)
def test_a_short_sentence(text: str, expected: bool) -> None:
    doc = parse_document(f"# Title\n\n{STORY[0]}\n\n{text}\n", "markdown")
    block = next(b for b in doc.blocks if b.text == text)
    assert is_short_sentence(doc, block) is expected


@pytest.mark.parametrize("line", ["Posted in Politics, Health", "Tags: jails, Kentucky", "Filed under: Health", "In: Health"])
def test_a_short_sentence_after_the_tags_line_is_still_an_addition(cli: Any, tmp_path: Path, line: str) -> None:
    """A line of categories or tags labels the story; it does not end it as a note does."""
    assert _check(cli, tmp_path, _markdown(line, "He was 34."), "copy.md") == (1, ['added: "He was 34."'])
    assert _check(cli, tmp_path, _wordpress(f"<p>{line}</p><p>He was 34.</p>"), "copy.html") == (1, ['added: "He was 34."'])


def test_a_credit_line_after_the_tags_line_is_no_edit(cli: Any, tmp_path: Path) -> None:
    assert _check(cli, tmp_path, _markdown("Tags: jails, Kentucky", "*Republished with permission from ProPublica.*"), "copy.md") == (0, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted in Politics, Health", True),
        ("Tags: jails, Kentucky", True),
        ("Filed Under Health, Justice.", True),
        ("Categories: News", True),
        ("Topics discussed included the budget.", False),
        ("Tagged cattle were found dead.", False),
    ],
)
def test_a_topics_line(text: str, expected: bool) -> None:
    assert is_topics_line(text) is expected
