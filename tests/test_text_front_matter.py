"""A plain-text article that starts with a `---` front matter block has it read as metadata, as a
Markdown article's is: its `title` is the story's headline, never its byline ("title: Nick Pope
reports" is no credit to Nick Pope), and its `author` is the byline a CMS prints when the body
has none. A text article without front matter keeps reading its first line as it did."""

from __future__ import annotations

import pytest

from compliance.document import parse_document

FRONT_MATTERS = [
    # (front matter, body, the headline, the bylines)
    (
        "title: Nick Pope reports from the hearing\nauthor: Ana Ruiz\ndate: 2026-12-01\n",
        "The committee met on Tuesday.\n",
        "Nick Pope reports from the hearing",
        ["front matter author: Ana Ruiz"],
    ),
    ("title: Maria Chen\ndate: 2026-12-01\n", "The committee met on Tuesday.\n", "Maria Chen", []),
    ("title: Jake Smith\n", "By Ana Ruiz\n\nThe committee met on Tuesday.\n", "Jake Smith", ["By Ana Ruiz"]),
    ("title: By the numbers\nauthor: Ana Ruiz\n", "Rents rose 9% in a year.\n", "By the numbers", ["front matter author: Ana Ruiz"]),
    (
        "date: 2026-12-01\ntitle: Rosa Ibarra, CalMatters\nauthors: [Ana Ruiz, Jake Smith]\n",
        "Rents rose.\n",
        "Rosa Ibarra, CalMatters",
        ["front matter authors: Ana Ruiz and Jake Smith"],
    ),
]


@pytest.mark.parametrize(("front", "body", "headline", "bylines"), FRONT_MATTERS)
def test_a_text_article_reads_its_front_matter_as_metadata(front: str, body: str, headline: str, bylines: list[str]) -> None:
    doc = parse_document(f"---\n{front}---\n\n{body}".encode(), "text")
    assert doc.headline is not None and doc.headline.text == headline
    assert [byline.text for byline in doc.bylines] == bylines


@pytest.mark.parametrize(("front", "body", "_", "__"), FRONT_MATTERS)
def test_text_and_markdown_read_one_front_matter_alike(front: str, body: str, _: str, __: str) -> None:
    source = f"---\n{front}---\n\n{body}".encode()
    text, markdown = parse_document(source, "text"), parse_document(source, "markdown")
    assert text.front_matter == markdown.front_matter
    assert [(b.text, b.line) for b in text.bylines] == [(b.text, b.line) for b in markdown.bylines]
    assert text.headline is not None and markdown.headline is not None and text.headline.text == markdown.headline.text


def test_without_front_matter_a_first_line_byline_is_still_the_byline() -> None:
    doc = parse_document(b"By Maria Chen\n\nThe committee met on Tuesday and voted to raise rents.\n", "text")
    assert [byline.names for byline in doc.bylines] == [("Maria Chen",)]
    assert doc.headline is None
