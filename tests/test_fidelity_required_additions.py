"""What a publisher's terms require a republisher to add (a credit line, a tagline, a counter,
an author's institution) is no edit of the story: `fidelity` leaves it out of the comparison
with the original, for every pack with a fidelity rule and wherever the copy puts it — at the
top, at the end with the site's furniture after it, in Markdown — and `fix` inserts it against
the original. A paragraph the terms do not ask for is still an added one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import load_packs
from compliance.document import parse_document
from compliance.engine import check_document
from tests.conftest import write

_STORY = [
    "Every spring, some of my neighbors tell me their tap water tastes earthy or smells faintly of a pool.",
    "I study how drinking water changes between the source and the tap, and spring is a busy season for it.",
    "Treatment plants respond to spring conditions by adding more coagulant and adjusting their disinfectant dose.",
    "Changes in taste are usually not a sign that water is unsafe, but a smell of fuel is worth a call to your utility.",
]
# Furniture of the site inside the article, after the story: the original's page has it too.
_FURNITURE = (
    '<footer class="story-footer"><p>Spotted an error? <a href="/corrections/">Tell us</a>.'
    ' Want more? <a href="/newsletters/">Get our newsletters</a>.</p></footer>'
)

# Per pack: the original's address, its byline, what its terms require at the top and at the end.
_TC_URL = "https://theconversation.com/spring-runoff-changes-what-comes-out-of-your-tap-228417"
_TC_CREDIT = (
    f'<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a'
    f' <a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>. Read the <a href="{_TC_URL}">original article</a>.</p>'
)
_TC_COUNTER = (
    '<img src="https://counter.theconversation.com/content/228417/count.gif?distributor=republish-lightbox-basic" alt="The Conversation" width="1" height="1">'
)
_TC_BYLINE = (
    '<p class="byline">Renata Okafor, <a href="https://theconversation.com/institutions/northern-plains-university-5521">Northern Plains University</a></p>'
)
_PP_URL = "https://www.propublica.org/article/spring-runoff-tap-water"
_PP_CREDIT = f'<p>This story was originally published by <a href="{_PP_URL}">ProPublica</a>.</p>'
_PP_PROMO = "<p>ProPublica is a Pulitzer Prize-winning investigative newsroom. Sign up for The Big Story newsletter.</p>"
_PP_PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'
_KFF_URL = "https://kffhealthnews.org/news/article/spring-runoff-tap-water/"
_KFF_TAGLINE = (
    "<p>KFF Health News is a national newsroom that produces in-depth journalism about health issues and is one of the core"
    " operating programs at KFF — the independent source for health policy research, polling, and journalism.</p>"
)
_KFF_CREDIT = f'<p>This article was originally published by <a href="{_KFF_URL}">KFF Health News</a>.</p>'
_CM_URL = "https://calmatters.org/environment/2024/04/spring-runoff-tap-water/"
_CM_CREDIT = '<p>This story was originally published by CalMatters. Sign up for their <a href="https://calmatters.org/newsletters/">newsletters</a>.</p>'


def _page(url: str, byline: str, before: str = "", after: str = "", *, body: list[str] = _STORY, canonical: bool = False, plain: bool = False) -> str:
    """A story page; `plain`: without kicker, deck, dateline and the site's furniture (as a Markdown copy has none)."""
    head = f'<link rel="canonical" href="{url}">' if canonical else ""
    paragraphs = "".join(f"<p>{text}</p>" for text in body)
    kicker = "" if plain else '<p class="kicker"><a href="/science/">Science</a></p>'
    deck = "" if plain else '<p class="dek">Melting snow stirs up rivers and reservoirs.</p>'
    dateline = "" if plain else '<p class="dateline">April 18, 2024</p>'
    return (
        f"<html><head><title>Spring runoff</title>{head}</head><body><article><header>"
        f"{kicker}<h1>Spring runoff changes what comes out of your tap</h1>{deck}{byline}{dateline}</header>"
        f'<div class="article-body">{before}{paragraphs}{after}</div>{"" if plain else _FURNITURE}</article></body></html>'
    )


def _fidelity(original: str, copy: str, kind: Any = "html") -> list[str]:
    """The fidelity findings' evidence, or ["checked: …"] naming the packs when it passed."""
    report = check_document(parse_document(copy.encode(), kind), load_packs(), path="copy", original=parse_document(original.encode(), "html"))
    evidence = [f.evidence or "" for f in report.findings if f.rule.endswith("/fidelity")]
    ran = [p.rule for p in report.passed if p.rule.endswith("/fidelity")]
    assert evidence or ran, f"no fidelity rule ran: {report.packs}"
    return evidence


_CASES = {
    # The Conversation: the republish HTML's credit and counter at the end, before the site's
    # furniture, as its lightbox gives them; the credit at the top, as it prefers; the author's
    # institution in a note at the end instead of the byline.
    "conversation credit at the end": (_TC_URL, _TC_BYLINE, "", _TC_CREDIT + _TC_COUNTER),
    "conversation credit at the top": (_TC_URL, _TC_BYLINE, _TC_CREDIT, _TC_COUNTER),
    "conversation institution in a note": (
        _TC_URL,
        '<p class="byline">Renata Okafor</p>',
        "",
        "<p>Renata Okafor is a professor of environmental chemistry at Northern Plains University.</p>" + _TC_CREDIT + _TC_COUNTER,
    ),
    # ProPublica: its promo and credit line under the dek, its pixel at the end.
    "propublica credit and promo at the top": (_PP_URL, '<p class="byline">By Hollis Brandt, ProPublica</p>', _PP_PROMO + _PP_CREDIT, _PP_PIXEL),
    "propublica credit at the end": (_PP_URL, '<p class="byline">By Hollis Brandt, ProPublica</p>', "", _PP_CREDIT + _PP_PIXEL),
    # KFF Health News: its tagline and credit line end the story.
    "kff tagline at the end": (_KFF_URL, '<p class="byline">By Ana Ruiz, KFF Health News</p>', "", _KFF_TAGLINE + _KFF_CREDIT),
    # CalMatters: its credit line at the top.
    "calmatters credit at the top": (_CM_URL, '<p class="byline">By Ana Ruiz, CalMatters</p>', _CM_CREDIT, ""),
}


@pytest.mark.parametrize("case", sorted(_CASES))
def test_what_the_terms_require_is_no_edit_of_the_story(case: str) -> None:
    url, byline, before, after = _CASES[case]
    original = _page(url, byline.replace(", ProPublica", "").replace(", KFF Health News", "").replace(", CalMatters", ""), canonical=True)
    assert _fidelity(original, _page(url, byline, before, after)) == []


@pytest.mark.parametrize("case", sorted(_CASES))
def test_a_paragraph_the_terms_do_not_ask_for_is_still_an_addition(case: str) -> None:
    url, byline, before, after = _CASES[case]
    original = _page(url, byline, canonical=True)
    inserted = "Our newsroom asked the county utility about its own spring flushing schedule this week."
    body = [*_STORY[:2], inserted, *_STORY[2:]]
    assert _fidelity(original, _page(url, byline, before, after, body=body)) == [f'added: "{inserted}"']


@pytest.mark.parametrize("case", sorted(_CASES))
@pytest.mark.parametrize("side", ["first", "last"])
def test_new_prose_before_the_storys_first_paragraph_or_after_its_last_is_an_addition(case: str, side: str) -> None:
    # Beside what the terms require (a credit line at the top, a tagline and credit at the end),
    # a local top or kicker reads as the story's own first or last paragraph: it is an edit.
    url, byline, before, after = _CASES[case]
    original = _page(url, byline.replace(", ProPublica", "").replace(", KFF Health News", "").replace(", CalMatters", ""), canonical=True, plain=True)
    local = "In Valley County, the water utility flushes its mains every April, a spokesperson said on Monday."
    body = [local, *_STORY] if side == "first" else [*_STORY, local]
    assert _fidelity(original, _page(url, byline, before, after, body=body, plain=True)) == [f'added: "{local}"']


def test_a_paragraph_of_the_story_that_links_the_publisher_is_still_an_addition() -> None:
    # A link to theconversation.com satisfies the link-back rule, but a paragraph of the story is
    # no credit line: inserted, it is an edit.
    inserted = (
        'As <a href="https://theconversation.com/why-tap-water-tastes-different-12345">another article on The Conversation</a> explained,'
        " utilities in several states have changed how they treat water in spring, and residents of our county noticed the change"
        " in taste within days of it, according to calls the newsroom received from readers this month."
    )
    original = _page(_TC_URL, _TC_BYLINE, canonical=True)
    copy = _page(_TC_URL, _TC_BYLINE, "", _TC_CREDIT + _TC_COUNTER, body=[*_STORY[:2], inserted, *_STORY[2:]])
    (evidence,) = _fidelity(original, copy)
    assert evidence.startswith('added: "As another article on The Conversation explained')


def test_a_story_paragraph_replaced_by_the_credit_is_still_missing() -> None:
    # The credit stands for no paragraph of the story: the one it replaced is missing (before
    # the site's furniture, which both pages print after the story).
    original = _page(_TC_URL, _TC_BYLINE, canonical=True)
    copy = _page(_TC_URL, _TC_BYLINE, "", _TC_CREDIT + _TC_COUNTER, body=_STORY[:3])
    assert _fidelity(original, copy) == [f'removed: "{_STORY[3]}"']


def test_a_markdown_copy_with_the_credit_and_counter_is_the_story() -> None:
    original = _page(_TC_URL, _TC_BYLINE, canonical=True, plain=True)
    markdown = (
        "# Spring runoff changes what comes out of your tap\n\nRenata Okafor, Northern Plains University\n\n"
        "This article is republished from [The Conversation](https://theconversation.com) under a Creative Commons license."
        f" Read the [original article]({_TC_URL}).\n\n" + "\n\n".join(_STORY) + f"\n\n{_TC_COUNTER}\n"
    )
    assert _fidelity(original, markdown, "markdown") == []


def test_fix_inserts_the_conversations_credit_against_the_original(cli: Any, tmp_path: Path) -> None:
    original = write(tmp_path, "original.html", _page(_TC_URL, _TC_BYLINE, canonical=True))
    broken = write(tmp_path, "copy.html", _page(_TC_URL, _TC_BYLINE))
    result = cli("fix", "--write", "--original", str(original), str(broken))
    assert "not fixed" not in result.err
    assert "fixed the-conversation/credit" in result.err
    checked = cli("check", "--original", str(original), str(broken))
    assert checked.code == 0, checked.out


# Editors' notes of several shapes, each a sentence of its own.
_NOTES = [
    "Our newsroom asked the county utility about its own flushing schedule this week.",
    "Editor's note: the county's water office did not answer our questions before publication.",
    "Local readers can report a strange taste to the utility's hotline, which our staff tested.",
]
# What fidelity says of each: a labelled note quotes the clause that speaks of the story's subject.
_ADDED = {note: f'added: "{note}"' for note in _NOTES} | {
    _NOTES[1]: f'added (a note that speaks of the story\'s subject, not of its republication): "{_NOTES[1]}"'
}
# One credit per pack, as a paragraph's inner HTML, and where each goes (the end: before the site's furniture).
_CREDITS = {
    "conversation": (_TC_URL, _TC_BYLINE, _TC_CREDIT[3:-4]),
    "propublica": (_PP_URL, '<p class="byline">By Hollis Brandt, ProPublica</p>', _PP_CREDIT[3:-4]),
    "kff": (_KFF_URL, '<p class="byline">By Ana Ruiz, KFF Health News</p>', _KFF_CREDIT[3:-4]),
    "calmatters": (_CM_URL, '<p class="byline">By Ana Ruiz, CalMatters</p>', _CM_CREDIT[3:-4]),
}


@pytest.mark.parametrize("pack", sorted(_CREDITS))
@pytest.mark.parametrize("note", _NOTES)
@pytest.mark.parametrize("side", ["before", "after"])
def test_commentary_in_the_paragraph_of_a_required_credit_is_an_addition(pack: str, note: str, side: str) -> None:
    url, byline, credit = _CREDITS[pack]
    original = _page(url, byline, canonical=True)
    paragraph = f"<p>{note} {credit}</p>" if side == "before" else f"<p>{credit} {note}</p>"
    assert _fidelity(original, _page(url, byline, "", paragraph)) == [_ADDED[note]]


@pytest.mark.parametrize("note", _NOTES)
def test_commentary_on_the_line_of_a_credit_in_plain_text_is_an_addition(note: str) -> None:
    original = _page(_PP_URL, '<p class="byline">By Hollis Brandt</p>', canonical=True, plain=True)
    lines = ["Spring runoff changes what comes out of your tap", "By Hollis Brandt, ProPublica", *_STORY]
    credit = "This story was originally published by ProPublica."
    alone = "\n\n".join([*lines[:4], credit, *lines[4:]]) + "\n"
    noted = "\n\n".join([*lines[:4], f"{credit} {note}", *lines[4:]]) + "\n"
    assert _fidelity(original, alone, "text") == []
    assert _fidelity(original, noted, "text") == [_ADDED[note]]


@pytest.mark.parametrize("note", _NOTES)
@pytest.mark.parametrize("side", ["before", "after"])
def test_commentary_beside_a_credit_in_markdown_is_an_addition(note: str, side: str) -> None:
    original = _page(_TC_URL, _TC_BYLINE, canonical=True, plain=True)
    credit = (
        "This article is republished from [The Conversation](https://theconversation.com) under a Creative Commons license."
        f" Read the [original article]({_TC_URL})."
    )
    line = f"{note} {credit}" if side == "before" else f"{credit} {note}"
    markdown = (
        "# Spring runoff changes what comes out of your tap\n\nRenata Okafor, Northern Plains University\n\n"
        + "\n\n".join([*_STORY[:2], line, *_STORY[2:]])
        + f"\n\n{_TC_COUNTER}\n"
    )
    assert _fidelity(original, markdown, "markdown") == [_ADDED[note]]
