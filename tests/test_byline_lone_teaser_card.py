"""One other story's teaser standing alone after the story's text has begun: a small block that
opens with a headline linked to another page, with that story's "By NAME" under it, whatever its
tags (a WordPress related-post box, a static page's `<div>`, an AMP card, a list item, a line
pair in one paragraph). Its byline is the linked story's: a story without a byline of its own has
none, and is never credited to the teaser's writer. A story's own headline linked to the page
itself, or standing above the story's text, keeps the byline under it."""

from __future__ import annotations

import pytest

from compliance.document import parse_document

BODY = (
    "<p>The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said in a statement.</p>"
    "<p>Patients will be sent to the hospital in the next county, about forty minutes away by car on rural roads.</p>"
    "<p>The clinic had served the town for three decades and employed more than forty people at its peak.</p>"
)
# (link, headline, writer) of the one teaser, in a few outlets' address shapes.
TEASERS = [
    ("/2024/05/flood-plan", "Flood plan stalls again", "Maria Gomez"),
    ("https://valleyledger.example/news/school-budget-passes", "School budget passes after long night", "Tom Lee"),
    ("../road-work-to-start/", "Road work to start in June", "Priya Shah"),
]


def _card(shape: str, link: str, headline: str, writer: str) -> str:
    """One teaser in one of the shapes pages give a related story's card."""
    if shape == "wordpress-related":
        return (
            f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="{link}">{headline}</a></h4>'
            f'<p class="jp-relatedposts-post-context">By {writer}</p></div>'
        )
    if shape == "static-div":
        return f'<div><h3><a href="{link}">{headline}</a></h3><p>By {writer} | May 3, 2024</p></div>'
    if shape == "amp-card":
        return (
            f'<amp-layout layout="container"><div class="card"><a href="{link}"><h3>{headline}</h3></a>'
            f'<span class="author">By {writer}</span></div></amp-layout>'
        )
    if shape == "section-with-summary":
        return (
            f'<section><h4><a href="{link}">{headline}</a></h4><div class="byline">By {writer}</div>'
            "<p>The plan would raise the levee by four feet and buy out homes in the lowest part of town.</p></section>"
        )
    if shape == "line-pair":
        return f'<p><strong><a href="{link}">{headline}</a></strong><br>by {writer}<br>May 3, 2024</p>'
    if shape == "list-item":
        return f'<ul><li><a href="{link}"><em>{headline}</em></a><br>By {writer} | May 3</li></ul>'
    raise KeyError(shape)


SHAPES = ["wordpress-related", "static-div", "amp-card", "section-with-summary", "line-pair", "list-item"]


def _bylines(page: str) -> list[str]:
    return [byline.text for byline in parse_document(page, "html").bylines]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("link", "headline", "writer"), TEASERS)
@pytest.mark.parametrize("around", ["article", "static"])
def test_a_lone_teaser_after_the_story_gives_no_byline(shape: str, link: str, headline: str, writer: str, around: str) -> None:
    card = _card(shape, link, headline, writer)
    if around == "article":
        page = f"<html><body><article><h1>Clinic to close</h1>{BODY}{card}</article></body></html>"
    else:
        page = f"<html><body><h1>Clinic to close</h1>{BODY}{card}</body></html>"
    assert _bylines(page) == []


@pytest.mark.parametrize("shape", SHAPES)
def test_the_storys_own_byline_stands_beside_a_lone_teaser(shape: str) -> None:
    card = _card(shape, *TEASERS[0])
    page = f'<html><body><article><h1>Clinic to close</h1><p class="byline">By Ana Ruiz</p>{BODY}{card}</article></body></html>'
    assert _bylines(page) == ["By Ana Ruiz"]


@pytest.mark.parametrize(
    "head",
    [
        # The story's headline linked to itself, as themes print it, above its text.
        '<h1 class="entry-title"><a href="/2024/05/clinic-to-close" rel="bookmark">Clinic to close after a year of losses</a></h1>'
        '<p class="byline">By Ana Ruiz</p>',
        '<div class="post-head"><h2><a href="https://news.example/clinic">Clinic to close after a year of losses</a></h2>'
        "<p>By Ana Ruiz | May 3, 2024</p></div>",
        '<p><a href="/clinic">Clinic to close after a year of losses</a><br>By Ana Ruiz</p>',
    ],
)
@pytest.mark.parametrize("around", ["article", "static"])
def test_a_linked_headline_above_the_story_keeps_its_byline(head: str, around: str) -> None:
    page = f"<html><body><article>{head}{BODY}</article></body></html>" if around == "article" else f"<html><body>{head}{BODY}</body></html>"
    assert [text.split(" |")[0] for text in _bylines(page)] == ["By Ana Ruiz"]


@pytest.mark.parametrize(
    ("canonical", "link"),
    [
        ("https://news.example/2024/05/clinic-to-close", "https://news.example/2024/05/clinic-to-close"),
        ("https://news.example/2024/05/clinic-to-close", "/2024/05/clinic-to-close/"),
        ("https://www.valleyledger.example/clinic?ref=home", "https://www.valleyledger.example/clinic?ref=home"),
    ],
)
def test_a_headline_linked_to_the_page_itself_after_a_standfirst_keeps_its_byline(canonical: str, link: str) -> None:
    # The standfirst is prose: what follows it is after the text began, and only the link to the
    # page's own address tells the story's headline from another story's.
    standfirst = "<p>The county board voted to close the clinic on Tuesday after a year of losses, leaving patients with a long drive for care.</p>"
    page = (
        f'<html><head><link rel="canonical" href="{canonical}"></head><body><article><h1>Clinic to close</h1>{standfirst}'
        f'<div><h2><a href="{link}">Clinic to close after a year of losses</a></h2><p>By Ana Ruiz</p></div>{BODY}</article></body></html>'
    )
    assert _bylines(page) == ["By Ana Ruiz"]


@pytest.mark.parametrize(
    "foot",
    [
        '<p>By <a href="/author/ana-ruiz">Ana Ruiz</a></p>',
        '<div class="author-box"><p>By Ana Ruiz, a health reporter</p></div>',
        # A link that is no headline (a name, a short section) over the byline.
        '<div><p><a href="/topics/health">Health</a></p><p>By Ana Ruiz</p></div>',
    ],
)
def test_a_foot_byline_without_a_linked_headline_stays_the_storys(foot: str) -> None:
    page = f"<html><body><article><h1>Clinic to close</h1>{BODY}{foot}</article></body></html>"
    assert _bylines(page) != []
    assert "Ana Ruiz" in _bylines(page)[0]
