"""A site's promo link to another story between the paragraphs ("Related: <a>…</a>", "READ MORE:
<a>…</a>"), as a CMS inserts it, is page furniture, not an edit of the story; a sentence that
mentions related matters, or a label before words of its own, is the story's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_fidelity_story_in_chrome import ADDED, STORY, _check, _copy, _paragraphs

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
