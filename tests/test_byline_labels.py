"""A topic or section label in an author box that opens with no known topic word ("Runoff
Season", "Inside Politics", "Capitol Watch", "Morning Briefing") is no author: the page's markup
says it is a label (a kicker, eyebrow, section or category class; a link to a category, tag or
topic page), or the box marks the name it credits (`itemprop="name"`, a name class) and the label
is not it. Names of common words still read."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import read_byline

STORY = (
    "<p>The small child care center Alma Reyes ran in her Tucson home for nine years closed its doors last month, after the grant ran out.</p>"
    "<p>Federal relief money that kept centers open through the pandemic ran out in September, and providers say the effects now show.</p>"
)
LABELS = ["Runoff Season", "Inside Politics", "Capitol Watch", "Morning Briefing"]
NAME = "Sarah Jane Tribble"

# Author boxes with LABEL over or before the name, each telling the label by its markup.
LABELLED_BOXES = {
    "kicker class": '<div class="byline"><span class="kicker">LABEL</span><br><span class="author-name">NAME</span></div>',
    "eyebrow class, no name markup": '<div class="author-box"><p class="eyebrow">LABEL</p><p>NAME</p></div>',
    "BEM section part": '<div class="c-byline"><div class="c-byline__section">LABEL</div><div class="c-byline__author">NAME</div></div>',
    "category link, same line": '<div class="byline"><a href="/category/politics/">LABEL</a> | <a href="/author/stribble/">NAME</a></div>',
    "tag link, glued": '<div class="byline"><a href="/tag/runoff/">LABEL</a><a href="/author/stribble/">NAME</a></div>',
    "topics link in a heading": (
        '<div class="authorInfo"><h6><a href="/topics/x/">LABEL</a></h6><a rel="author" href="/profiles/stribble/"><span itemprop="name">NAME</span></a></div>'
    ),
    "heading over marked name": '<div class="author"><h6>LABEL</h6><span class="name">NAME</span></div>',
    "line over itemprop name": '<div class="author-info"><div>LABEL</div><div itemprop="name">NAME</div></div>',
}


def _names(header: str) -> list[tuple[str, ...]]:
    html = f"<html><body><article><h1>Child care centers close</h1>{header}{STORY}</article></body></html>"
    return [b.names for b in parse_document(html, "html").bylines]


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("box", LABELLED_BOXES.values(), ids=LABELLED_BOXES.keys())
def test_a_label_in_an_author_box_is_no_author(box: str, label: str) -> None:
    names = _names(box.replace("LABEL", label).replace("NAME", NAME))
    assert names and all(found == (NAME,) for found in names)


@pytest.mark.parametrize(
    ("box", "names"),
    [
        # The only name in the box stays its author, whatever its element is called.
        ('<div class="byline"><span class="byline__label">By</span> <span class="byline__name">Runa Sandvik</span></div>', ("Runa Sandvik",)),
        ('<div class="byline"><span class="label">Will Share</span></div>', ("Will Share",)),
        ('<div class="byline"><a href="/tag/runa-sandvik/">Runa Sandvik</a></div>', ("Runa Sandvik",)),
        # Two authors, each marked as one, are both credited.
        ('<p class="byline">By <a href="/author/runa">Runa Sandvik</a> and <a href="/author/will">Will Share</a></p>', ("Runa Sandvik", "Will Share")),
        ('<div class="byline">By Sunny Ray and <span class="name">Will Share</span></div>', ("Sunny Ray", "Will Share")),
        # A site that links its authors to tag pages: each link is an author of a list, no label.
        ('<p class="byline">By <a href="/author/runa">Runa Sandvik</a> and <a href="/tag/will-share/">Will Share</a></p>', ("Runa Sandvik", "Will Share")),
        ('<p class="byline">By <a href="/tag/runa/">Runa Sandvik</a> and <a href="/author/will">Will Share</a></p>', ("Runa Sandvik", "Will Share")),
        # A role under the name, in a label's element, stays the name's credit, not a name.
        ('<div class="byline"><span class="author-name">Runa Sandvik</span><span class="label">Staff Writer</span></div>', ("Runa Sandvik",)),
    ],
)
def test_names_in_an_author_box_still_read(box: str, names: tuple[str, ...]) -> None:
    assert _names(box) == [names]


@pytest.mark.parametrize("name", ["Will Share", "Runa Sandvik", "Sunny Ray"])
def test_a_name_of_common_words_reads_after_by(name: str) -> None:
    reading = read_byline(f"By {name}", require_prefix=True)
    assert reading is not None and (reading.names, reading.problem) == ((name,), None)


@pytest.mark.parametrize("furniture", ["Share This Story", "Share", "Shares", "Sharing Options"])
def test_a_share_widget_after_by_is_still_no_name(furniture: str) -> None:
    reading = read_byline(f"By {furniture}", require_prefix=True)
    assert reading is not None and reading.names == ()


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("label", LABELS)
def test_a_label_line_over_a_by_line_in_text_is_no_author(fmt: str, label: str) -> None:
    head = "# Regulators approve rate increase" if fmt == "markdown" else "Regulators approve rate increase"
    body = "State regulators on Tuesday approved a plan that would let the utility raise rates by 6% over two years."
    source = f"{head}\n\n{label}\nBy {NAME}\n\n{body}\n\nThe commission trimmed the request by a third.\n"
    assert [b.names for b in parse_document(source, fmt).bylines] == [(NAME,)]
