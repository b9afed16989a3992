"""Byline markup named by a component's attribute (`data-testid`, `data-qa`, `data-component`), as
sites whose classes are generated ("sc-b42e7a8f-7 kItaYD") write their bylines; a comment's or a
related list's component name keeps its names out, as such a class does."""

from __future__ import annotations

import pytest

from compliance.document import parse_document

BODY = (
    "<p>The Bank of England held interest rates on Thursday, saying that inflation was still too high for it to cut them, "
    "and that it would watch the effect of new tariffs on prices closely.</p>"
    "<p>Shoppers have cut back on spending for a third month, figures published on Tuesday showed.</p>"
)


def page(byline: str, after: str = "") -> str:
    return f"<html><head><title>t</title></head><body><article><h1>What new tariffs mean for prices</h1>{byline}{BODY}{after}</article></body></html>"


def people(source: str) -> list[tuple[str, ...]]:
    return [b.names for b in parse_document(source, "html").bylines if b.names]


@pytest.mark.parametrize(
    "byline",
    [
        # BBC News: the name in a generated-class span, the role below, no "By".
        '<div data-testid="byline-new" class="sc-2b5e3b35-0 kWLkRd"><div data-testid="byline-new-contributors" class="sc-2b5e3b35-2">'
        '<div class="sc-b42e7a8f-6"><span class="sc-b42e7a8f-7 kItaYD">Faisal Islam</span>'
        '<div class="sc-b42e7a8f-8"><span>Economics editor</span></div></div></div></div>',
        '<div data-qa="author-byline" class="wpds-c-cNdzuP"><span data-qa="author-name" class="wpds-c-knSWeD">Faisal Islam</span></div>',
        '<div data-component="meta-byline" class="dcr-1fnhrok"><span class="dcr-u0h1qy">Faisal Islam</span></div>',
        '<div data-testid="AuthorByline" class="x1"><span class="x2">Faisal Islam</span></div>',
    ],
)
def test_a_byline_named_by_its_component_is_read(byline: str) -> None:
    assert people(page(byline)) == [("Faisal Islam",)]


@pytest.mark.parametrize(
    "byline",
    [
        # The same shapes named otherwise: nothing says the name is a byline.
        '<div data-testid="headline-meta" class="sc-2b5e3b35-0"><span class="sc-b42e7a8f-7">Faisal Islam</span></div>',
        '<div data-testid="authority-badge" class="x1"><span class="x2">Faisal Islam</span></div>',
    ],
)
def test_other_component_names_mark_no_byline(byline: str) -> None:
    assert people(page(byline)) == []


@pytest.mark.parametrize(
    "after",
    [
        '<div data-testid="comments"><div data-testid="comment-author" class="x9">Gary Holt</div><p>Good.</p></div>',
        '<section data-component="related-stories"><h2>More</h2><div data-testid="card-byline">Megan Hart</div></section>',
    ],
)
def test_a_comments_or_related_lists_component_name_keeps_its_names_out(after: str) -> None:
    assert people(page('<p class="byline">By Ana Ruiz</p>', after)) == [("Ana Ruiz",)]
    assert people(page("", after)) == []
