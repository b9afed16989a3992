"""A site's promo link to another story between the paragraphs ("Related: <a>…</a>", "READ MORE:
<a>…</a>"), as a CMS inserts it, is page furniture, not an edit of the story; a sentence that
mentions related matters, or a label before words of its own, is the story's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fidelity_story import HEADLINE, check_fidelity
from tests.test_fidelity_story_in_chrome import ADDED, ORIGINAL, STORY, _check, _copy, _paragraphs

PROMOS = [
    '<p>Related: <a href="https://valley.example/2024/06/01/jail-budget/">County approves the new jail budget</a></p>',
    '<p><strong>READ MORE:</strong> <a href="https://valley.example/jails/">How we investigated jail deaths</a></p>',
    '<p>See also | <a href="/2024/05/30/sheriff/">Sheriff faces recall vote</a></p>',
    '<p><em>Related coverage — <a href="/x">Inmate deaths rise</a></em></p>',
    '<p>Read next » <a href="/y">The nurses who quit</a></p>',
]


@pytest.mark.parametrize("promo", PROMOS)
def test_a_promo_link_between_the_paragraphs_is_no_edit(cli: Any, tmp_path: Path, promo: str) -> None:
    body = _paragraphs(STORY[:2]) + promo + "\n" + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (0, [])


@pytest.mark.parametrize(
    "line",
    [
        # Words outside the link are the story's.
        f'<p>Related: {ADDED} <a href="/z">Read the report</a></p>',
        # A sentence that mentions related matters, with no promo's label and separator.
        f"<p>Related lawsuits are pending. {ADDED}</p>",
        # A label with no link is no promo.
        f"<p>Read more: {ADDED}</p>",
    ],
)
def test_words_of_their_own_after_a_promo_label_are_an_edit(cli: Any, tmp_path: Path, line: str) -> None:
    body = _paragraphs(STORY[:2]) + line + "\n" + _paragraphs(STORY[2:])
    code, evidence = _check(cli, tmp_path, _copy(body))
    assert code == 1
    assert len(evidence) == 1 and evidence[0].startswith("added: ")


# A promo list a site puts between the paragraphs: a heading of its own ("More from …", "Related
# stories") and blocks that are each one link to another story.
PROMO_LISTS = [
    '<h3>More from Valley Times</h3><ul><li><a href="/a">County approves the new jail budget</a></li><li><a href="/b">Sheriff faces recall vote</a></li></ul>',
    '<p><strong>Related stories</strong></p><ul><li><a href="/a">County approves the new jail budget</a></li></ul>',
    '<h4>You may also like:</h4><p><a href="/a">County approves the new jail budget</a></p><p><a href="/b">Sheriff faces recall vote</a></p>',
]


@pytest.mark.parametrize("promo", PROMO_LISTS)
def test_a_promo_list_between_the_paragraphs_is_no_edit(cli: Any, tmp_path: Path, promo: str) -> None:
    body = _paragraphs(STORY[:2]) + promo + "\n" + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _copy(body)) == (0, [])


@pytest.mark.parametrize(
    ("inserted", "added"),
    [
        # A promo heading's words with no links after them, and a link alone with no promo heading
        # before it.
        ("<p>More from Valley Times</p>", "More from Valley Times"),
        ('<p><a href="/a">County approves the new jail budget</a></p>', "County approves the new jail budget"),
        # A story sentence that starts as a heading would, before a promo's link.
        (
            '<p>More from the county: it spent $2 million on overtime.</p><p><a href="/a">Read the audit</a></p>',
            "More from the county: it spent $2 million on overtime.",
        ),
    ],
)
def test_a_promo_lists_look_alikes_are_an_edit(cli: Any, tmp_path: Path, inserted: str, added: str) -> None:
    body = _paragraphs(STORY[:2]) + inserted + "\n" + _paragraphs(STORY[2:])
    code, evidence = _check(cli, tmp_path, _copy(body))
    assert code == 1
    assert f'added: "{added}"' in evidence


# Markdown: its links are read from the text, as a CMS exports the story.
MARKDOWN_PROMOS = [
    "**Related:** [County approves the new jail budget](https://valley.example/a)",
    "READ MORE: [County approves the new jail budget](https://valley.example/a)",
    "**More from Valley Times**\n\n- [County approves the new jail budget](https://valley.example/a)\n- [Sheriff faces recall vote](https://valley.example/b)",
]


def _markdown_copy(paragraphs: list[str]) -> str:
    return (
        f"# {HEADLINE}\n\n*This story was originally published by ProPublica.*\n\nBy Jane Whitfield and Omar Delgado, ProPublica\n\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )


@pytest.mark.parametrize("promo", MARKDOWN_PROMOS)
def test_a_promo_in_markdown_is_no_edit_as_in_html(cli: Any, tmp_path: Path, promo: str) -> None:
    copy = _markdown_copy([*STORY[:2], promo, *STORY[2:]])
    assert check_fidelity(cli, tmp_path, ORIGINAL, copy, name="copy.md") == (0, [])


def test_words_of_their_own_after_a_promo_label_in_markdown_are_an_edit(cli: Any, tmp_path: Path) -> None:
    copy = _markdown_copy([*STORY[:2], f"**Related:** {ADDED} [Read the report](https://valley.example/a)", *STORY[2:]])
    code, evidence = check_fidelity(cli, tmp_path, ORIGINAL, copy, name="copy.md")
    assert code == 1 and len(evidence) == 1 and evidence[0].startswith("added: ")
