"""The story's credit at its foot when nothing above the body credits a person: a wire's closing
line ("Reporting by A; Editing by B"), and a republished source's author line in the story's own
text ("NAME, Professor of X, University Y" over "This article is republished from The
Conversation"). Not an account card or an author box after the story, not a foot "By" line, not a
comment; and never in place of a person the top byline credits. A one-word organisation the
metadata types a person (Yoast's "Reuters" account) stays an outlet."""

from __future__ import annotations

import pytest

from compliance.document import parse_document

BODY = (
    "<p>WASHINGTON (Reuters) - The United States is weighing new sanctions on buyers of Russian oil, three officials said on Tuesday, "
    "as talks on a ceasefire stalled for a second week.</p>"
    "<p>The measures, which have not been finalised, would target refiners and traders in several countries that have kept buying "
    "Russian crude since the price cap took effect.</p>"
)


def page(top: str = "", foot: str = "", json_ld: str = "", after: str = "") -> str:
    script = f'<script type="application/ld+json">{json_ld}</script>' if json_ld else ""
    return (
        f"<html><head><title>t</title>{script}</head><body><article><h1>US weighs new sanctions on Russian oil buyers</h1>"
        f'{top}<div class="entry-content">{BODY}{foot}</div>{after}</article></body></html>'
    )


def people(source: str) -> list[tuple[str, ...]]:
    return [b.names for b in parse_document(source, "html").bylines if b.names]


TRAILER = "<p>Reporting by Jonathan Landay; Editing by Don Durfee</p>"
OUTLET_TOP = '<p class="byline">By <span class="author vcard"><a class="url fn n" href="/author/reuters/">Reuters</a></span></p>'


@pytest.mark.parametrize("top", ["", OUTLET_TOP, '<p class="meta">Source: Reuters · March 4, 2025</p>'])
@pytest.mark.parametrize(
    "trailer",
    [
        TRAILER,
        "<p>(Reporting by Robert Harvey; Additional reporting by Trixie Yap; Editing by Louise Heavens)</p>",
        "<p>Writing by Jonathan Landay; Editing by Don Durfee</p>",
    ],
)
def test_a_wire_trailer_credits_the_reporter_when_no_one_above_is(top: str, trailer: str) -> None:
    found = people(page(top, trailer))
    assert len(found) == 1
    assert found[0][0] in ("Jonathan Landay", "Robert Harvey")


def test_a_wire_trailer_does_not_replace_the_reporter_the_byline_names() -> None:
    assert people(page('<p class="byline">By Ana Ruiz</p>', TRAILER)) == [("Ana Ruiz",)]


@pytest.mark.parametrize(
    "foot",
    [
        # Another story's teaser and a platform's account card at the foot: not the wire's credit.
        "<p>By Megan Hart</p>",
        '<div class="infoCard">Written by <a href="https://medium.example/@pippin">Pippin Lee</a> <button>Follow</button></div>',
        # An editor's credit alone.
        "<p>Editing by Don Durfee</p>",
    ],
)
def test_other_lines_at_the_foot_credit_no_one_in_place_of_the_wire(foot: str) -> None:
    assert people(page(OUTLET_TOP, foot)) == []


def test_a_wire_trailer_in_a_comment_is_no_credit() -> None:
    comments = '<div id="comments" class="comments-area"><p>Reporting by Jonathan Landay; Editing by Don Durfee</p></div>'
    assert people(page(OUTLET_TOP, after=comments)) == []


CONVERSATION_TOP = '<p class="byline">By <span class="author vcard"><a class="url fn n" href="/author/the-conversation/">The Conversation</a></span></p>'
AUTHOR_LINE = (
    '<p><span><a href="https://theconversation.com/profiles/rebecca-garabed-123456">Rebecca Garabed</a>, '
    '<em><a href="https://theconversation.com/institutions/osu-1071">Professor of Veterinary Preventive Medicine, The Ohio State University</a></em></span></p>'
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.</p>'
)


def test_a_republished_sources_author_line_in_the_text_is_the_byline_under_an_outlet_byline() -> None:
    assert people(page(CONVERSATION_TOP, AUTHOR_LINE)) == [("Rebecca Garabed",)]


@pytest.mark.parametrize(
    "foot",
    [
        # The same line in an author box after the story, and a card without an affiliation.
        (
            '<div class="author-box"><p class="author-bio"><a rel="author" href="/author/rebecca">Rebecca Garabed</a>, '
            "Professor, The Ohio State University</p></div>"
        ),
        '<p><a href="https://theconversation.com/profiles/rebecca-garabed-123456">Rebecca Garabed</a></p>',
    ],
)
def test_an_author_box_or_a_bare_name_at_the_foot_is_not_the_byline_under_an_outlet_byline(foot: str) -> None:
    assert people(page(CONVERSATION_TOP, foot)) == []


def test_the_author_line_does_not_replace_a_person_the_byline_names() -> None:
    assert people(page('<p class="byline">By Ana Ruiz</p>', AUTHOR_LINE)) == [("Ana Ruiz",)]


YOAST = '{"@context": "https://schema.org", "@graph": [{"@type": "Article", "author": {"@type": "Person", "name": "Reuters"}}]}'


@pytest.mark.parametrize("word", ["Reuters", "AFP", "Staff"])
def test_an_organisation_the_metadata_types_a_person_is_still_no_one(word: str) -> None:
    top = f'<p class="byline">By <a href="/author/{word.lower()}/">{word}</a></p>'
    doc = parse_document(page(top, json_ld=YOAST.replace("Reuters", word)), "html")
    assert [(b.names, b.reading.problem) for b in doc.bylines][:1] in ([((), "outlet")], [((), "staff")])
