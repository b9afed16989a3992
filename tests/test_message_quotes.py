"""A message that quotes the page puts the excerpt in quotation marks that do not double the page's
own: a paragraph that is someone's quote ("We are seeing …," said …) is quoted in single marks."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.text import quoted


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The board voted to hire a contractor.", '"The board voted to hire a contractor."'),
        ('"We are seeing families," said Ana Ruiz.', "'\"We are seeing families,\" said Ana Ruiz.'"),
        # Typographic marks read as the straight ones messages show (text normalisation).
        ("\u201cWe are seeing families,\u201d said Ana Ruiz.", "'\"We are seeing families,\" said Ana Ruiz.'"),
        ("\u201eWir sehen Familien\u201c, sagte sie.", "'\"Wir sehen Familien\", sagte sie.'"),
        ("She said it was \u201cthe worst year.\u201d", "'She said it was \"the worst year.\"'"),
        ("\u00abNous voyons des familles\u00bb, dit-elle.", "'\"Nous voyons des familles\", dit-elle.'"),
        ('A "quote" inside the sentence.', '"A "quote" inside the sentence."'),
    ],
)
def test_an_excerpt_is_quoted_without_doubling_its_own_quotation_marks(text: str, shown: str) -> None:
    assert quoted(text) == shown


def test_a_long_excerpt_that_opens_with_a_quote_is_cut_and_single_quoted() -> None:
    text = '"We are seeing families who never thought of college as an option," said the chancellor of the system.'
    assert quoted(text, 60) == "'\"We are seeing families who never thought of college as an…'"


def test_a_story_cut_after_a_quoted_paragraph_is_said_without_doubled_marks(cli: Any, tmp_path: Any) -> None:
    original = tmp_path / "original.html"
    copy = tmp_path / "copy.html"
    paragraphs = [
        "SACRAMENTO — California's community colleges enrolled 2.1 million students last year, according to state data released Monday.",
        "Enrollment rose in every region of the state, and most sharply among students older than twenty-five returning to class.",
        '"We are seeing families who never thought of college as an option," said the chancellor of the community college system.',
        "The system expects enrollment to keep growing next year as new programs for working adults open across the state.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    original.write_text(f"<article><h1>Enrollment rises</h1><p>By Mikhail Zinshteyn, CalMatters</p>{body}</article>", encoding="utf-8")
    cut = "".join(f"<p>{p}</p>" for p in paragraphs[:3])
    copy.write_text(
        f"<article><p>This story was originally published by CalMatters.</p><h1>Enrollment rises</h1><p>By Mikhail Zinshteyn, CalMatters</p>{cut}</article>",
        encoding="utf-8",
    )
    run = cli("check", "--format", "json", "--pack", "calmatters", "--select", "calmatters/fidelity", "--original", str(original), str(copy))
    (finding,) = run.json()["files"][0]["findings"]
    assert "the story stops after paragraph 3 of 4 ('\"We are seeing families" in finding["message"]
    assert '(""' not in finding["message"]
