"""A heading that names other stories ("Related", "More from CalMatters", "Read more", "You may
also like", "Latest", "Lea también", "À lire aussi", "Baca juga"), after the story's text has
begun, ends the search for the story's byline, in HTML, Markdown and plain text: the bylines under
it are those stories' cards', and a story without a byline of its own has none. A story's short
paragraphs are its text as much as long ones. The story's own byline above it, or at its foot
with no such heading before it, stays; a heading above the story's text is read through."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = {p.id: p for p in load_packs()}

SHORT_STORY = "<p>SACRAMENTO — Insurers raised rates.</p><p>Regulators approved the increase.</p>"
LONG_STORY = (
    "<p>The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said in a statement.</p>"
    "<p>Patients will be sent to the hospital in the next county, about forty minutes away by car on rural roads.</p>"
)
HEADINGS = [
    "Related",
    "Related Stories",
    "More from CalMatters",
    "Read more",
    "You may also like",
    "Recommended",
    "Latest",
    "Lea también",
    "À lire aussi",
    "Baca juga",
]
HEADING_MARKUP = ["<h3>{}</h3>", "<p><strong>{}</strong></p>", '<div class="box-title">{}:</div>']
# (headline, writer and outlet) of the other story a card under the heading shows.
CARDS = [
    '<div class="card"><a href="https://calmatters.org/2024/01/other/">Wildfire insurance bill stalls</a><p>By Dan Walters, CalMatters</p></div>',
    '<ul><li><a href="/budget-talks/">Budget talks resume</a></li><li><span class="byline">By Ben Christopher</span></li></ul>',
    "<p>Senate passes the water bill</p><p>By Jake Smith, Daily Caller News Foundation</p>",
]


def _page(story: str, after: str, head: str = "") -> str:
    return f"<html><body><article><h1>Rates rise again</h1>{head}{story}{after}</article></body></html>"


def _names(text: str, kind: str = "html") -> list[tuple[str, ...]]:
    return [byline.names for byline in parse_document(text.encode(), kind).bylines]


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("markup", HEADING_MARKUP)
@pytest.mark.parametrize("story", [SHORT_STORY, LONG_STORY])
def test_a_card_under_a_related_heading_gives_the_story_no_byline(heading: str, markup: str, story: str) -> None:
    for card in CARDS:
        assert _names(_page(story, markup.format(heading) + card)) == []


@pytest.mark.parametrize("card", CARDS)
def test_the_storys_own_byline_above_stays_and_the_cards_do_not_join_it(card: str) -> None:
    page = _page(SHORT_STORY, "<h3>Related Stories</h3>" + card, head="<p>By Ana Ruiz, CalMatters</p>")
    assert _names(page) == [("Ana Ruiz",)]


@pytest.mark.parametrize("foot", ["<p>— By Jane Doe, CalMatters</p>", "<p><em>By Jane Doe, CalMatters</em></p>"])
def test_a_foot_byline_before_the_related_heading_stays(foot: str) -> None:
    assert _names(_page(SHORT_STORY, foot)) == [("Jane Doe",)]
    assert _names(_page(SHORT_STORY, foot + "<h3>Related</h3>" + CARDS[0])) == [("Jane Doe",)]


@pytest.mark.parametrize("subhead", ["<h3>Related costs rose too</h3>", "<h3>Latest figures show a rise</h3>", "<h3>Read more about rates</h3>"])
def test_a_subhead_that_only_opens_with_such_a_word_is_no_related_heading(subhead: str) -> None:
    assert _names(_page(SHORT_STORY, subhead + "<p>Rates rose in every county.</p><p>By Jane Doe, CalMatters</p>")) == [("Jane Doe",)]


@pytest.mark.parametrize("heading", ["<h3>Related</h3>", "<p><strong>Read more</strong></p>"])
def test_a_related_list_above_the_storys_text_is_read_through(heading: str) -> None:
    above = heading + '<ul><li><a href="/other/">Wildfire insurance bill stalls</a></li></ul><p>By Ana Ruiz, CalMatters</p>'
    assert _names(_page(SHORT_STORY, "", head=above)) == [("Ana Ruiz",)]


TEXT_STORY = (
    "Rates rise again\n\nThis story was originally published by CalMatters.\n\nSACRAMENTO — Insurers raised rates.\n\nRegulators approved the increase.\n\n"
)


@pytest.mark.parametrize("heading", ["Related Stories", "More from CalMatters", "Read next:", "You might also like", "Latest news", "Noticias relacionadas"])
@pytest.mark.parametrize(
    "teasers",
    [
        "Wildfire insurance bill stalls\nBy Dan Walters, CalMatters\n",
        "Budget talks resume\n\nBy Ben Christopher, CalMatters\n\nSchools reopen\n\nBy Ana Ruiz\n",
    ],
)
def test_plain_text_and_markdown_teasers_under_such_a_heading_give_no_byline(heading: str, teasers: str) -> None:
    for kind, written in (("text", heading), ("markdown", f"## {heading}"), ("markdown", f"**{heading}**")):
        assert _names(f"{TEXT_STORY}{written}\n\n{teasers}", kind) == [], (kind, written)


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_a_text_storys_foot_byline_stays(kind: str) -> None:
    assert _names(f"{TEXT_STORY}— By Jane Doe, CalMatters\n", kind) == [("Jane Doe",)]
    assert _names(f"{TEXT_STORY}— By Jane Doe, CalMatters\n\nRelated Stories\n\nBudget talks resume\nBy Ben Christopher, CalMatters\n", kind) == [("Jane Doe",)]


def test_a_markdown_related_heading_is_not_the_storys_headline() -> None:
    doc = parse_document(f"{TEXT_STORY}## Related Stories\n\nBudget talks resume\n\nBy Ben Christopher, CalMatters\n".encode(), "markdown")
    assert doc.headline is not None and doc.headline.text == "Rates rise again"


def test_calmatters_copy_with_only_a_related_cards_byline_is_told_it_has_none() -> None:
    doc = parse_document(f"{TEXT_STORY}Related Stories\n\nWildfire insurance bill stalls\nBy Dan Walters, CalMatters\n".encode(), "text")
    result = check_document(doc, [PACKS["calmatters"]], path="copy.txt", auto_detect=False)
    assert [finding.rule for finding in result.findings if finding.rule == "calmatters/byline"] == ["calmatters/byline"]


# A lone card with no heading after a story of short paragraphs: its sentences are the story's
# text, after which a linked headline over "By …" is another story's.
LONE_CARDS = [
    '<div><h3><a href="/other/">Senate passes bill</a></h3><p>By Jake Smith, Daily Caller News Foundation</p></div>',
    '<aside><a href="https://example.org/2024/05/flood-plan/"><h4>Flood plan stalls again</h4></a><span>By Maria Gomez</span></aside>',
]


@pytest.mark.parametrize("card", LONE_CARDS)
def test_a_lone_card_after_a_short_story_gives_no_byline(card: str) -> None:
    story = "<p>The administration is reportedly considering an unusual move.</p><p>Officials declined to comment.</p>"
    assert _names(_page(story, card)) == []


@pytest.mark.parametrize("link", ["https://calmatters.org/2024/01/rates-rise-again/", "/rates-rise-again/"])
def test_the_storys_own_headline_linked_to_the_original_keeps_its_byline(link: str) -> None:
    own = f'<div><h2><a href="{link}">Rates Rise Again</a></h2><p>By Jane Doe</p></div>'
    page = _page(SHORT_STORY, "", head=f"<p>This story was originally published by CalMatters.</p>{own}")
    assert _names(page) == [("Jane Doe",)]


# A "Related" box in the middle of the story, the story's text going on below it, and the story's
# own byline printed only at its foot.
MIDDLE_STORY = (
    "<p>The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said in a statement.</p>",
    "<p>Patients will be sent to the hospital in the next county, about forty minutes away by car on rural roads.</p>",
)
FOOT_BYLINES = [
    ("<p>— Jane Roe, CalMatters</p>", ("Jane Roe",)),
    ("<p><em>By Ana Ruiz, KFF Health News</em></p>", ("Ana Ruiz",)),
    ('<div class="author-bio"><p>Tom Lee is a reporter for CalMatters.</p></div>', ("Tom Lee",)),
    ("<p>About the author: Maria Gomez is a health reporter for The Texas Tribune.</p>", ("Maria Gomez",)),
]
BOXES = [
    "<h3>Related</h3>" + CARDS[0],
    "<h3>Related Stories</h3>" + CARDS[0] + CARDS[2],
    '<aside><div class="box-title">Read more:</div>' + CARDS[1] + "</aside>",
    '<p><strong>You may also like</strong></p><div><h4><a href="/other/">Senate passes bill</a></h4><p>By Jake Smith, Daily Caller News Foundation</p></div>',
]


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize(("foot", "names"), FOOT_BYLINES)
def test_a_related_box_in_the_middle_leaves_the_storys_foot_byline(box: str, foot: str, names: tuple[str, ...]) -> None:
    page = _page(MIDDLE_STORY[0] + box + MIDDLE_STORY[1] + foot, "")
    assert _names(page) == [names]


@pytest.mark.parametrize("box", BOXES)
def test_a_related_box_in_the_middle_gives_a_story_without_a_foot_byline_none(box: str) -> None:
    assert _names(_page(MIDDLE_STORY[0] + box + MIDDLE_STORY[1], "")) == []


@pytest.mark.parametrize("kind", ["text", "markdown"])
@pytest.mark.parametrize(("foot", "names"), [("— Jane Roe, CalMatters", ("Jane Roe",)), ("By Ana Ruiz, KFF Health News", ("Ana Ruiz",))])
def test_a_text_storys_related_box_in_the_middle_leaves_its_foot_byline(kind: str, foot: str, names: tuple[str, ...]) -> None:
    heading = "## Related Stories" if kind == "markdown" else "Related Stories"
    paragraphs = [text.removeprefix("<p>").removesuffix("</p>") for text in MIDDLE_STORY]
    text = "\n\n".join(["Rates rise again", paragraphs[0], heading, "Budget talks resume", "By Ben Christopher, CalMatters", paragraphs[1], foot]) + "\n"
    assert _names(text, kind) == [names]
    without_foot = "\n\n".join(["Rates rise again", paragraphs[0], heading, "Budget talks resume", "By Ben Christopher, CalMatters", paragraphs[1]]) + "\n"
    assert _names(without_foot, kind) == []


LONG_DEK_CARDS = [
    '<div class="card"><h4><a href="https://calmatters.org/2024/01/other/">Wildfire insurance bill stalls</a></h4><p>By Dan Walters, CalMatters</p>'
    "<p>Lawmakers in Sacramento shelved a bill on Monday that would have forced insurers to keep writing policies in the state's riskiest fire zones.</p></div>"
    '<div class="card"><h4><a href="https://calmatters.org/2024/02/more/">Budget talks resume</a></h4><p>By Ben Christopher, CalMatters</p>'
    "<p>Negotiators returned to the Capitol on Tuesday with a deficit estimate that had grown by several billion dollars over the winter months.</p></div>",
]


@pytest.mark.parametrize("cards", LONG_DEK_CARDS)
def test_a_cards_long_summary_is_no_story_text_going_on(cards: str) -> None:
    assert _names(_page(SHORT_STORY, "<h3>Related</h3>" + cards)) == []
