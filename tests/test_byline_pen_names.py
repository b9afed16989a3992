"""A one-word pen name after "By" ("By Banksy, The Conversation", "By Ziggy | The Texas
Tribune"): the outlet after it says the word before it is who wrote the piece, so it is the
byline's name, not a second outlet. A one-word byline alone ("By Reuters") stays an outlet, as do
initials, a brand's capitals, a desk's or a section's word before an outlet."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_markdown, check_text
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline
from compliance.findings import Report, Severity

OUTLETS = frozenset({"the conversation", "the texas tribune"})


@pytest.mark.parametrize(
    ("text", "name", "credit"),
    [
        ("By Banksy, The Conversation", "Banksy", "The Conversation"),
        ("By Ziggy | The Texas Tribune", "Ziggy", "The Texas Tribune"),
        ("By Banksy for The Conversation", "Banksy", "The Conversation"),
        ("By Ziggy — The Texas Tribune", "Ziggy", "The Texas Tribune"),
        # An outlet the packs do not name, told by its words.
        ("By Moebius, Daily Caller News Foundation", "Moebius", "Daily Caller News Foundation"),
        ("Written by Zoë, The Millbrook Ledger", "Zoë", "The Millbrook Ledger"),
    ],
)
def test_one_word_before_an_outlet_is_the_bylines_name(text: str, name: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True, outlets=OUTLETS)
    assert reading is not None and (reading.names, reading.credit, reading.problem) == ((name,), credit, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # Alone, one word may be an outlet's name: nothing says it is a person's.
        ("By Reuters", "outlet"),
        ("By Ziggy", "outlet"),
        # Initials, a brand's capitals, an outlet's or a desk's word, a section: no pen name.
        ("By AFP, The Conversation", "outlet"),
        ("By ProPublica, The Texas Tribune", "outlet"),
        ("By Staff, The Conversation", "staff"),
        ("By Politics, The Conversation", "outlet"),
        ("By Sponsored, The Texas Tribune", "placeholder"),
        ("By Tribune, The Conversation", "outlet"),
        # Not an outlet after the word: a date, a place.
        ("By Ziggy, March 3, 2024", "outlet"),
        # One word before "of": a role or a group, not a pen name.
        ("By Members of the Senate Finance Committee", "outlet"),
        ("By Head of Partnerships, The Texas Tribune", "role"),
    ],
)
def test_one_word_that_is_no_pen_name_reads_as_before(text: str, problem: str) -> None:
    reading = read_byline(text, require_prefix=True, outlets=OUTLETS)
    assert reading is not None and (reading.names, reading.problem) == ((), problem)


def test_two_word_names_before_an_outlet_read_as_before() -> None:
    reading = read_byline("By Jane Doe, The Conversation", require_prefix=True, outlets=OUTLETS)
    assert reading is not None and (reading.names, reading.credit) == (("Jane Doe",), "The Conversation")


HEADLINE = "Why tides run late"
STORY = "Tide gauges along the coast show a drift of several minutes a year, and the cause is the shape of the seabed."
CREDIT = "This article is republished from The Conversation under a Creative Commons license. Read the original article."


def _errors(report: Report) -> dict[str, str]:
    return {f.rule: f.detail or f.message for f in report.findings if f.severity is Severity.ERROR}


@pytest.mark.parametrize(
    "report",
    [
        lambda: check_html(
            f"<html><body><article><h1>{HEADLINE}</h1><p>By Banksy, The Conversation</p><p>{STORY}</p><p>{CREDIT}</p></article></body></html>",
            packs=["the-conversation"],
        ),
        lambda: check_text("\n\n".join([HEADLINE, "By Banksy, The Conversation", STORY, CREDIT]), packs=["the-conversation"]),
        lambda: check_markdown("\n\n".join([f"# {HEADLINE}", "By Banksy, The Conversation", STORY, CREDIT]), packs=["the-conversation"]),
    ],
    ids=["html", "text", "markdown"],
)
def test_the_conversation_credits_a_pen_name_and_asks_for_its_institution(report: object) -> None:
    assert callable(report)
    errors = _errors(report())
    assert "creative-commons/author" not in errors
    assert "Banksy's institution" in errors["the-conversation/author-institution"]


# A one-word byline alone, on a page whose metadata says who its author is.


def _page(byline: str, json_ld: str = "", meta: str = "") -> str:
    script = f'<script type="application/ld+json">{json_ld}</script>' if json_ld else ""
    return f"<html><head><title>t</title>{meta}{script}</head><body><article><h1>{HEADLINE}</h1>{byline}<p>{STORY}</p><p>{CREDIT}</p></article></body></html>"


PERSON = '{"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "Person", "name": "Ziggy"}}'
PEOPLE = '{"@type": "NewsArticle", "author": [{"@type": ["Person"], "name": "Ziggy"}, {"@type": "Person", "name": "Ana Ruiz"}]}'


@pytest.mark.parametrize("byline", ['<p class="byline">By Ziggy</p>', "<p>By Ziggy</p>", '<div class="author">By <a href="/author/ziggy">Ziggy</a></div>'])
@pytest.mark.parametrize("json_ld", [PERSON, PEOPLE])
def test_a_one_word_byline_the_metadata_types_a_person_names_them(byline: str, json_ld: str) -> None:
    doc = parse_document(_page(byline, json_ld), "html")
    assert [(b.names, b.reading.problem) for b in doc.bylines] == [(("Ziggy",), None)]


@pytest.mark.parametrize(
    ("byline", "json_ld", "meta"),
    [
        # Nothing types the word a person: an organisation, a bare string, a meta tag.
        ('<p class="byline">By Reuters</p>', '{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Reuters"}}', ""),
        ('<p class="byline">By Ziggy</p>', '{"@type": "NewsArticle", "author": "Ziggy"}', ""),
        ('<p class="byline">By Reuters</p>', "", '<meta name="author" content="Reuters">'),
        # A person in the metadata who is not the byline's word.
        ('<p class="byline">By Reuters</p>', PERSON, ""),
    ],
)
def test_a_one_word_byline_the_metadata_does_not_type_a_person_stays_an_outlet(byline: str, json_ld: str, meta: str) -> None:
    doc = parse_document(_page(byline, json_ld, meta), "html")
    assert [(b.names, b.reading.problem) for b in doc.bylines] == [((), "outlet")]
