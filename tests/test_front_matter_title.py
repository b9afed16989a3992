"""A CMS export's front matter `title` is its headline: a CMS prints it above the story as the
page's `<h1>`, as an HTML page's headline is its first `<h1>`. Without one, the headline of a
Markdown or text article is read as before (its first heading, else its first line)."""

from __future__ import annotations

import pytest

from compliance.api import check_markdown, check_text
from compliance.document import parse_document

HEADLINE = "California’s wildfire insurance market shrinks again"
CREDIT = (
    "This story was originally published by [CalMatters](https://calmatters.org/economy/2024/10/x/)."
    " [Sign up for their newsletters](https://calmatters.org/newsletters/)."
)
BODY = f"\n{CREDIT}\n\nBy Dan Walters, CalMatters\n\nSACRAMENTO — Another major insurer said this week it will stop writing policies.\n"


def front(title: str, *, before: str = "") -> str:
    return f"---\n{before}title: {title}\nauthor: Dan Walters\n---\n"


@pytest.mark.parametrize("kind", ["markdown", "text"])
@pytest.mark.parametrize(
    ("title", "before"),
    [
        (f'"{HEADLINE}"', ""),
        (f"'{HEADLINE}'", "layout: post\n"),
        (HEADLINE, "date: 2024-10-02\nlayout: post\n"),
    ],
)
def test_the_front_matter_title_is_the_headline_where_it_is_written(kind: str, title: str, before: str) -> None:
    source = front(title, before=before) + BODY
    doc = parse_document(source.encode(), "markdown" if kind == "markdown" else "text")
    assert doc.headline is not None
    assert doc.headline.text == "California's wildfire insurance market shrinks again"
    assert doc.locate(doc.headline).line == 2 + before.count("\n")
    # The body's lines keep their numbers, the credit line its own.
    assert [b.line for b in doc.blocks if b.text.startswith("This story")] == [6 + before.count("\n")]


@pytest.mark.parametrize("check", [check_markdown, check_text])
def test_calmatters_headline_reads_the_front_matter_title(check: object) -> None:
    run = check_markdown if check is check_markdown else check_text
    source = front(f'"{HEADLINE}"') + BODY
    same = run(source, packs=["calmatters"], meta={"original_headline": HEADLINE})
    assert "calmatters/headline" in [p.rule for p in same.passed]
    changed = run(source, packs=["calmatters"], meta={"original_headline": "FAIR Plan now insures most homes"})
    (finding,) = [f for f in changed.findings if f.rule == "calmatters/headline"]
    assert finding.location.line == 2
    assert finding.detail is not None and finding.detail.startswith('headline "California\'s wildfire insurance market shrinks again" is not the original')


def test_a_markdown_title_is_its_words_not_markup() -> None:
    doc = parse_document((front('"*Not* emphasis: <b>tags</b> & [brackets](x) #1"') + BODY).encode(), "markdown")
    assert doc.headline is not None
    assert doc.headline.text == "*Not* emphasis: <b>tags</b> & [brackets](x) #1"
    assert doc.links[0].href.startswith("https://calmatters.org/")


def test_the_title_comes_before_a_heading_in_the_body() -> None:
    # A theme prints the title as the page's <h1>; a heading in the body comes below it.
    doc = parse_document((front('"The title"') + "\n# A heading in the body\n\nStory.\n").encode(), "markdown")
    assert doc.headline is not None and doc.headline.text == "The title"


@pytest.mark.parametrize(
    ("source", "headline"),
    [
        # No front matter: the first heading, else the first line, as before.
        ("# Rates rise\n\nStory.\n", "Rates rise"),
        ("Rates rise\n\nStory.\n", "Rates rise"),
        # Front matter without a title, or with an empty one, or a title that is not text.
        ("---\nauthor: Ana Ruiz\n---\n# Rates rise\n\nStory.\n", "Rates rise"),
        ("---\ntitle: ''\n---\n# Rates rise\n\nStory.\n", "Rates rise"),
        ("---\ntitle: [a, b]\n---\n# Rates rise\n\nStory.\n", "Rates rise"),
        # A `title:` nested under another key is not the article's.
        ("---\nseo:\n  title: Best rates 2024\n---\n# Rates rise\n\nStory.\n", "Rates rise"),
    ],
)
def test_without_a_front_matter_title_the_headline_is_read_as_before(source: str, headline: str) -> None:
    doc = parse_document(source.encode(), "markdown")
    assert doc.headline is not None and doc.headline.text == headline
