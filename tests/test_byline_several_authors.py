"""Several authors in one author block, each a name over a line of job title and institution (The
Conversation's author list: `<li><a>NAME</a><span>Professor of X, University of Y</span></li>`):
every author is credited, each with their own institution, and the author-institution rule
judges each of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from compliance.api import check_html, check_markdown, check_text
from compliance.document import parse_document
from compliance.document.model import Byline
from compliance.findings import Report, Severity

Shape = Callable[[list[tuple[str, str]]], str]

HEADLINE = "Why some bird species are getting smaller"
BODY_LINES = [
    "Over the past four decades, many North American migratory birds have gotten measurably smaller.",
    "Body mass declined in almost every one of the 52 species we studied, while wing length increased.",
]
CREDIT = "This article is republished from The Conversation under a Creative Commons license. Read the original article."
AUTHORS = [
    ("Maria Chen", "Assistant Professor of Biology, University of Michigan"),
    ("Tomás Ibarra", "Lecturer in Law, University of Leeds"),
    ("Kofi Mensah", "Research Fellow, CSIR"),
    ("Lena Moritz", "Senior Lecturer, Universität Graz"),
]
BOTH = (("Maria Chen", "Tomás Ibarra"), ("University of Michigan", "University of Leeds"))
THREE = (("Maria Chen", "Tomás Ibarra", "Kofi Mensah"), ("University of Michigan", "University of Leeds", "CSIR"))
ALL_FOUR = (("Maria Chen", "Tomás Ibarra", "Kofi Mensah", "Lena Moritz"), ("University of Michigan", "University of Leeds", "CSIR", "Universität Graz"))


def _page(block: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in [*BODY_LINES, CREDIT])
    return f"<html><body><article><h1>{HEADLINE}</h1>{block}{paragraphs}</article></body></html>"


def _list(authors: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<li><a class="author-name" href="https://theconversation.com/profiles/a-{i}">{name}</a><span class="role">{title}</span></li>'
        for i, (name, title) in enumerate(authors)
    )
    return f'<ul class="content-authors-group">{items}</ul>'


def _divs(authors: list[tuple[str, str]]) -> str:
    items = "".join(f'<div class="author"><span class="author-name">{name}</span><span class="role">{title}</span></div>' for name, title in authors)
    return f'<div class="authors">{items}</div>'


def _blocks(authors: list[tuple[str, str]]) -> str:
    items = "".join(f"<p><strong>{name}</strong><br>{title}</p>" for name, title in authors)
    return f'<div class="byline">{items}</div>'


def _credited(doc_bylines: tuple[Byline, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every name the bylines credit, and each one's first institution ("" for none), in order."""
    names = tuple(name for b in doc_bylines for name in b.names)
    institutions = tuple(institution for b in doc_bylines for institution in b.reading.institutions)
    return names, institutions


def _errors(report: Report) -> dict[str, str]:
    return {f.rule: f.detail or f.message for f in report.findings if f.severity is Severity.ERROR}


@pytest.mark.parametrize("shape", [_list, _divs, _blocks], ids=["list", "divs", "blocks"])
@pytest.mark.parametrize(("authors", "credited"), [(AUTHORS[:2], BOTH), (AUTHORS[:3], THREE), (AUTHORS, ALL_FOUR)], ids=["two", "three", "four"])
def test_every_author_in_an_author_block_is_credited_with_their_institution(
    shape: Shape, authors: list[tuple[str, str]], credited: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    doc = parse_document(_page(shape(authors)), "html")
    assert _credited(doc.bylines) == credited


@pytest.mark.parametrize("shape", [_list, _divs, _blocks], ids=["list", "divs", "blocks"])
def test_the_conversation_passes_every_author_with_an_institution(shape: Shape) -> None:
    errors = _errors(check_html(_page(shape(AUTHORS)), packs=["the-conversation"]))
    assert "the-conversation/author-institution" not in errors and "creative-commons/author" not in errors


@pytest.mark.parametrize("shape", [_list, _divs], ids=["list", "divs"])
def test_the_conversation_reports_the_author_in_the_block_without_an_institution(shape: Shape) -> None:
    block = shape(AUTHORS[:1]).replace("</ul>", '<li><a class="author-name" href="/profiles/t-9">Tomás Ibarra</a></li></ul>')
    block = block.replace("</div></div>", '</div><div class="author"><span class="author-name">Tomás Ibarra</span></div></div>')
    doc = parse_document(_page(block), "html")
    assert _credited(doc.bylines) == (("Maria Chen", "Tomás Ibarra"), ("University of Michigan", ""))
    detail = _errors(check_html(_page(block), packs=["the-conversation"]))["the-conversation/author-institution"]
    assert detail.endswith("does not show Tomás Ibarra's institution")


def test_one_author_in_an_author_block_reads_as_before() -> None:
    doc = parse_document(_page(_list(AUTHORS[:1])), "html")
    assert [(b.names, b.reading.institutions) for b in doc.bylines] == [(("Maria Chen",), ("University of Michigan",))]


@pytest.mark.parametrize(
    "block",
    [
        # A name over a title without an institution, then another name: no institution is made up.
        '<div class="byline"><p>Maria Chen</p><p>Professor of Biology</p><p>Tomás Ibarra</p><p>Lecturer in Law</p></div>',
        # A label over the names is no author.
        '<div class="byline"><p>Maria Chen</p><p>Tomás Ibarra</p></div>',
    ],
)
def test_names_without_title_and_institution_lines_are_read_as_before(block: str) -> None:
    doc = parse_document(_page(block), "html")
    assert all(institution == "" for b in doc.bylines for institution in b.reading.institutions)


@pytest.mark.parametrize(
    "block",
    [
        "\n\n".join(f"{name}\n{title}" for name, title in AUTHORS),
        "\n".join(f"{name}\n{title}" for name, title in AUTHORS),
        "\n\n".join(f"{name}, {title}" for name, title in AUTHORS),
    ],
    ids=["pairs-apart", "one-block", "one-line-each"],
)
def test_every_author_is_credited_in_a_text_export(block: str) -> None:
    text = "\n\n".join([HEADLINE, block, *BODY_LINES, CREDIT])
    assert _credited(parse_document(text, "text").bylines) == ALL_FOUR
    assert "the-conversation/author-institution" not in _errors(check_text(text, packs=["the-conversation"]))


@pytest.mark.parametrize(
    "block",
    [
        "\n\n".join(f"**{name}**  \n{title}" for name, title in AUTHORS),
        "\n\n".join(f"{name}, {title}" for name, title in AUTHORS),
        "\n".join(f"- **{name}**, {title}" for name, title in AUTHORS),
    ],
    ids=["hard-breaks", "one-line-each", "list"],
)
def test_every_author_is_credited_in_a_markdown_export(block: str) -> None:
    markdown = "\n\n".join([f"# {HEADLINE}", block, *BODY_LINES, CREDIT])
    assert _credited(parse_document(markdown, "markdown").bylines) == ALL_FOUR
    assert "the-conversation/author-institution" not in _errors(check_markdown(markdown, packs=["the-conversation"]))
