"""Where a byline is not: page-level containers classed like byline markup (`<body
class="author-4326">`), author cards and "Thanks to" lines at a story's foot; and a byline's
evidence quotes the page's lines as lines, not joined into one."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from tests.conftest import ROOT

BODY = (
    "LANSING, Mich. — State regulators on Tuesday approved a plan that would let the state's largest utility "
    "raise residential electricity rates by 6% over two years, the biggest increase in a decade."
)
MORE = "The commission trimmed the company's request by about a third after consumer groups and the attorney general objected to the size of it."
DCNF = frozenset({"daily caller news foundation", "the daily caller"})


def page(
    byline: str = '<p class="byline">By Jake Smith</p>',
    *,
    body_tag: str = "<body>",
    around: tuple[str, str] = ("", ""),
    foot: str = "",
    article: str = "<article>",
) -> str:
    """A story page: a headline, `byline`, two paragraphs and `foot` after them, in `article`
    (its opening tag) inside `around` (opening and closing markup) inside `body_tag`."""
    return (
        f'<!doctype html>\n<html><head><meta charset="utf-8"><title>t</title></head>{body_tag}\n'
        f"{around[0]}\n{article}\n<h1>Regulators approve biggest electricity rate increase in a decade</h1>\n"
        f"{byline}\n<p>{BODY}</p>\n<p>{MORE}</p>\n{foot}\n</article>\n{around[1]}\n</body></html>\n"
    )


def bylines(source: str, outlets: frozenset[str] = frozenset()) -> list[tuple[str, tuple[str, ...], int]]:
    doc = parse_document(source, "html", outlets=outlets)
    return [(b.text, b.names, b.line) for b in doc.bylines]


BYLINE_LINE = 6  # the line of `page`'s byline


# --- Page-level containers are not byline markup ---------------------------------------------


@pytest.mark.parametrize(
    ("body_tag", "around", "article"),
    [
        # WordPress's body classes name the post's author by id or slug.
        ('<body class="author-4326 single single-post">', ("", ""), "<article>"),
        ('<body class="post-template-default single author-jake-smith">', ("", ""), "<article>"),
        # A theme's page wrapper around everything, and the story's own element.
        ("<body>", ('<div id="page" class="site author-4326">', "</div>"), "<article>"),
        ("<body>", ("", ""), '<article class="post type-post author-jake-smith">'),
        ("<body>", ('<div class="byline-layout-wide">', "</div>"), "<article>"),
    ],
)
def test_a_container_of_the_whole_story_is_not_the_byline(body_tag: str, around: tuple[str, str], article: str) -> None:
    # The byline is the story's own line, and findings point at it, not at <body> or the wrapper.
    assert bylines(page(body_tag=body_tag, around=around, article=article)) == [("By Jake Smith", ("Jake Smith",), BYLINE_LINE)]


def test_html_classes_naming_a_byline_feature_are_not_the_byline() -> None:
    source = page().replace("<html>", '<html class="flag-simpleExtendedByline-on has-js">')
    assert bylines(source) == [("By Jake Smith", ("Jake Smith",), BYLINE_LINE)]


def test_a_name_inside_a_page_level_container_is_not_a_byline_by_itself() -> None:
    # Inside byline markup an element classed "name" holds the byline's name; inside a page-level
    # container classed like byline markup it is only a name (a product's, a place's).
    foot = '<p>Rates compare with <span class="name">Jake Smith</span> Hardware prices.</p>'
    source = page('<p class="dateline">March 17</p>', around=('<div id="page" class="site author-4326">', "</div>"), foot=foot)
    assert bylines(source) == []


def test_a_story_without_a_byline_in_an_author_classed_body_has_none() -> None:
    assert bylines(page('<p class="dateline">March 17</p>', body_tag='<body class="author-4326 single">')) == []


@pytest.mark.parametrize(
    "byline",
    [
        # Byline markup that holds the headline but not the body, and ordinary byline markup: unchanged.
        '<div class="c-byline">By <a rel="author" href="/author/jake-smith">Jake Smith</a></div>',
        '<p class="byline"><span class="author-name">Jake Smith</span></p>',
    ],
)
def test_byline_markup_inside_the_story_still_counts(byline: str) -> None:
    found = bylines(page(byline, body_tag='<body class="author-4326">'))
    assert [(text, names) for text, names, _ in found] == [("By Jake Smith" if "By" in byline else "Jake Smith", ("Jake Smith",))]


def test_a_header_classed_as_byline_markup_around_the_headline_still_gives_the_byline() -> None:
    source = page().replace("<h1>", '<header class="author-header"><h1>').replace("By Jake Smith</p>", "By Jake Smith</p></header>", 1)
    found = bylines(source)
    assert {names for _, names, _ in found} == {("Jake Smith",)} and BYLINE_LINE in {line for _, _, line in found}


# --- Author cards and acknowledgements after the story -----------------------------------------

MEDIUM_CARD = (
    '<div class="postFooter-info"><div class="infoCard"><div class="infoCard-title">Written <span> on '
    '<time class="post-date">Mar 17</time></span> by</div><a class="link link--primary" href="https://medium.example/@pippinlee" '
    'title="Go to the profile of Pippin Lee">Pippin Lee</a><div class="infoCard-bio">I write about the valley.</div></div></div>'
)
ABOUT_BOX = (
    '<div class="author-box"><h4>About the author</h4><p class="author-name"><a href="/author/maria-gomez">Maria Gomez</a></p>'
    "<p>Maria covers the statehouse.</p></div>"
)
FOLLOW_CARD = '<section class="author-card"><a rel="author" href="/@valleyledger">Valley Ledger</a> <button>Follow</button></section>'


@pytest.mark.parametrize("foot", [MEDIUM_CARD, ABOUT_BOX, FOLLOW_CARD])
def test_an_author_card_after_the_story_is_not_its_byline_when_one_stands_above_the_body(foot: str) -> None:
    assert bylines(page(foot=foot)) == [("By Jake Smith", ("Jake Smith",), BYLINE_LINE)]


def test_an_outlet_byline_is_not_replaced_by_the_sites_account_card() -> None:
    # "By The Daily Caller" credits an outlet; the account card at the foot is not the reporter.
    found = bylines(page('<p class="byline">By The Daily Caller</p>', foot=MEDIUM_CARD), DCNF)
    assert [names for _, names, _ in found] == [()]


def test_an_author_box_after_the_story_that_names_its_author_still_counts() -> None:
    # An author box at the foot may give the author's affiliation: it names the story's author.
    foot = '<div class="author-box"><p class="author-bio"><a rel="author" href="/author/jake-smith">Jake Smith</a>, Daily Caller News Foundation</p></div>'
    found = bylines(page(foot=foot), DCNF)
    assert [(text, names) for text, names, _ in found] == [("By Jake Smith", ("Jake Smith",)), ("Jake Smith, Daily Caller News Foundation", ("Jake Smith",))]


@pytest.mark.parametrize("foot", [MEDIUM_CARD, ABOUT_BOX])
def test_an_author_card_is_the_byline_of_a_story_with_none_above_its_body(foot: str) -> None:
    found = bylines(page('<p class="dateline">March 17</p>', foot=foot))
    assert [names for _, names, _ in found] == [("Pippin Lee",) if foot is MEDIUM_CARD else ("Maria Gomez",)]


@pytest.mark.parametrize(
    "line",
    [
        '<p>Thanks to <a href="https://medium.example/@asad_ch">Asad Chishti</a>.</p>',
        (
            '<div class="postMeta-acknowledgments"><span>Thanks to</span> '
            '<span><a class="link" href="https://medium.example/@asad_ch">Asad Chishti</a></span>.</div>'
        ),
        '<p>With thanks to <a rel="author" href="/author/asad-chishti">Asad Chishti</a></p>',
        '<p>Special thanks to <a href="/people/asad-chishti">Asad Chishti</a> for the data.</p>',
        '<p>Acknowledgements: <a href="/people/asad-chishti">Asad Chishti</a></p>',
        # A credit for a part of the work links its person as a byline does; the text reader
        # already reads "Edited by NAME" as no byline.
        '<p>Edited by <a href="/people/asad-chishti">Asad Chishti</a></p>',
        '<p>— Photos by <a rel="author" href="/author/asad-chishti">Asad Chishti</a></p>',
    ],
)
def test_an_acknowledgement_or_a_part_credit_is_not_a_byline_even_under_the_byline(line: str) -> None:
    # Right under the byline, with no prose between: only the "Thanks to" wording tells it apart.
    assert bylines(page('<p class="byline">By Jake Smith</p>\n' + line)) == [("By Jake Smith", ("Jake Smith",), BYLINE_LINE)]


def test_a_byline_line_that_also_credits_an_editor_still_credits_its_author() -> None:
    found = bylines(page('<p class="byline">By <a rel="author" href="/author/jake-smith">Jake Smith</a> | Edited by Asad Chishti</p>'))
    assert [names[0] for _, names, _ in found] == ["Jake Smith"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # A byline that opens with "Written by" (not a thanks), and a name that starts like a thanks.
        ('<p class="byline">Written by <a rel="author" href="/author/asad-chishti">Asad Chishti</a></p>', ("Asad Chishti",)),
        ('<p class="byline">By <a rel="author" href="/author/thanks-tolliver">Thanks Tolliver</a></p>', ("Thanks Tolliver",)),
    ],
)
def test_bylines_that_are_not_thanks_still_count(byline: str, names: tuple[str, ...]) -> None:
    assert [n for _, n, _ in bylines(page(byline))] == [names]


# --- Evidence quotes lines as lines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "text"),
    [
        ('<p class="byline">By Jake Smith</p>\n<p><em>From the Daily Caller News Foundation</em></p>', "By Jake Smith / From the Daily Caller News Foundation"),
        ('<p class="byline">By Jake Smith<br>Daily Caller News Foundation</p>', "By Jake Smith / Daily Caller News Foundation"),
        ('<div class="byline"><div>By Jake Smith</div><div>Daily Caller News Foundation</div></div>', "By Jake Smith / Daily Caller News Foundation"),
        # One line on the page stays one line.
        ('<p class="byline">By Jake Smith, Daily Caller News Foundation</p>', "By Jake Smith, Daily Caller News Foundation"),
        # Parts the stylesheet lays out apart on one line: the markup's name and its sibling.
        (
            '<p>By <span class="author">Jake Smith</span><span class="role">Daily Caller News Foundation reporter</span></p>',
            "Jake Smith, Daily Caller News Foundation reporter",
        ),
    ],
)
def test_a_bylines_evidence_shows_its_lines_as_the_page_does(byline: str, text: str) -> None:
    doc = parse_document(page(byline), "html", outlets=DCNF)
    assert [(b.text, b.names, b.reading.credit != "") for b in doc.bylines] == [(text, ("Jake Smith",), True)]


def test_the_readme_examples_are_what_the_reader_does() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = "By Jake Smith / From the Daily Caller News Foundation"
    assert f'"{quoted}"' in readme and '`<body class="author-4326">`' in readme and '"Thanks to NAME"' in readme
    byline = '<p class="byline">By Jake Smith</p>\n<p><em>From the Daily Caller News Foundation</em></p>'
    thanks = '<p>Thanks to <a href="https://medium.example/@asad_ch">Asad Chishti</a>.</p>'
    found = bylines(page(byline, body_tag='<body class="author-4326">', foot=MEDIUM_CARD + thanks), DCNF)
    assert found == [(quoted, ("Jake Smith",), BYLINE_LINE)]
