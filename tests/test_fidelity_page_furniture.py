"""Page furniture is not the story's text when a copy is compared with its original: the date
line a theme prints (the original's publication date, the copy's own), an ad slot or an ad's label
between the paragraphs, and the original's deck (standfirst) when the copy leaves it out. The
story's own paragraphs around them are compared as ever: a date in a sentence, a paragraph that
speaks of advertising, a deck the copy keeps but edits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.story_furniture import is_ad_label, reads_as_date_line
from tests.conftest import write
from tests.fidelity_story import HEADLINE, STORY

DECK = "Records show detainees asked for help and did not get it."
CREDIT = "<p><em>This story was originally published by ProPublica.</em></p>"
BYLINE = '<p class="byline">By Jane Whitfield and Omar Delgado, ProPublica</p>'


def _paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>\n" for p in paragraphs)


def _original(head: str, body: str = "") -> str:
    return (
        f'<html><body><article class="article"><h1 class="hed">{HEADLINE}</h1>\n{head}\n'
        '<p class="byline">by Jane Whitfield and Omar Delgado</p>\n'
        f"{body or _paragraphs(STORY)}</article></body></html>"
    )


def _copy(head: str = "", body: str = "") -> str:
    return (
        f'<html><body><article class="post"><header class="entry-header"><h1 class="entry-title">{HEADLINE}</h1>{head}</header>\n'
        f'<div class="entry-content">{CREDIT}{BYLINE}\n{body or _paragraphs(STORY)}</div></article></body></html>'
    )


def _check(cli: Any, tmp_path: Path, original: str, copy: str) -> tuple[int, list[str]]:
    first = write(tmp_path, "original.html", original)
    second = write(tmp_path, "copy.html", copy)
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(first), str(second))
    return run.code, [f["evidence"] for f in run.json()["files"][0]["findings"]]


# The original's date line, as publishers' themes print it under the byline.
ORIGINAL_DATES = [
    "<time>June 10, 2024, 5 a.m. EDT</time>",
    '<time datetime="2024-06-10T05:00:00-04:00">June 10, 2024, 5 a.m. EDT</time>',
    '<div class="timestamp"><time datetime="2024-06-10T05:00:00-04:00">June 10, 2024, 5 a.m. EDT</time></div>',
    '<p class="byline-date">June 10, 2024, 5 a.m. EDT</p>',
    '<p class="date">June 10, 2024</p>',
    '<p class="article__pubdate">Published Jun. 10, 2024 | Updated June 11, 2024, 10:30 a.m. EDT</p>',
    "<p>June 10, 2024</p>",
]
# The copy's own date, as CMS themes print it: WordPress, Newspack, Ghost, Drupal, a plain line.
COPY_DATES = [
    "",
    '<div class="entry-meta"><span class="posted-on"><time datetime="2024-06-12">June 12, 2024</time></span></div>',
    '<div class="entry-meta"><time class="entry-date published" datetime="2024-06-12T09:15:00-05:00">Posted on June 12, 2024 at 9:15 am</time></div>',
    '<p class="gh-article-meta"><time class="gh-article-meta-date" datetime="2024-06-12">12 Jun 2024</time></p>',
    '<div class="field--name-created">06/12/2024</div>',
    "<p>Updated 3 hours ago</p>",
]


@pytest.mark.parametrize("original_date", ORIGINAL_DATES)
@pytest.mark.parametrize("copy_date", COPY_DATES)
def test_a_date_line_on_either_side_is_no_edit(cli: Any, tmp_path: Path, original_date: str, copy_date: str) -> None:
    assert _check(cli, tmp_path, _original(original_date), _copy(copy_date)) == (0, [])


def test_a_date_line_inside_the_original_header_is_no_edit(cli: Any, tmp_path: Path) -> None:
    original = (
        f'<html><body><article class="article"><header class="article-header"><h1 class="hed">{HEADLINE}</h1>'
        '<p class="byline">by Jane Whitfield and Omar Delgado</p>'
        '<div class="timestamp"><time datetime="2024-06-10T05:00:00-04:00">June 10, 2024, 5 a.m. EDT</time></div></header>'
        f"{_paragraphs(STORY)}</article></body></html>"
    )
    assert _check(cli, tmp_path, original, _copy(COPY_DATES[1])) == (0, [])


def test_a_date_within_the_storys_sentences_is_still_compared(cli: Any, tmp_path: Path) -> None:
    sentence = "The jail closed its infirmary on June 10, 2024."
    code, evidence = _check(
        cli, tmp_path, _original("<time>June 10, 2024</time>", _paragraphs([*STORY, sentence])), _copy(body=_paragraphs([*STORY, sentence.replace("10", "12")]))
    )
    assert code == 1
    assert evidence == ["changed (10 → 12): The jail closed … infirmary on June [-10,-] {+12,+} 2024."]


def test_a_timelines_date_paragraph_in_the_story_is_the_storys_text(cli: Any, tmp_path: Path) -> None:
    timeline = [*STORY[:2], "June 10, 2024", *STORY[2:]]
    code, evidence = _check(cli, tmp_path, _original("", _paragraphs(timeline)), _copy())
    assert code == 1
    assert evidence == ['removed: "June 10, 2024"']


@pytest.mark.parametrize(
    "text",
    [
        "June 10, 2024, 5 a.m. EDT",
        "12 Jun 2024",
        "Published 2024-06-12",
        "06/12/2024",
        "Updated 9:15 AM ET, Mon June 10, 2024",
        "Last updated: Jun. 12, 2024 5:04 p.m. CDT",
        "Updated 3 hours ago",
    ],
)
def test_a_date_lines_text(text: str) -> None:
    assert reads_as_date_line(text)


@pytest.mark.parametrize("text", ["The jail closed on June 10, 2024.", "Monday", "In May", "2024", "At 5 p.m.", "By Jane Whitfield, June 10"])
def test_text_that_is_no_date_line(text: str) -> None:
    assert not reads_as_date_line(text)


# An ad between the story's paragraphs, as ad plugins and themes print it.
ADS = [
    '<div class="ad-inline" aria-label="Advertisement"><span>Advertisement</span><ins class="adsbygoogle" data-ad-slot="123"></ins></div>',
    '<div class="code-block code-block-2" style="margin: 8px 0; clear: both;"><p style="font-size:10px">ADVERTISEMENT</p>'
    '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1" data-ad-slot="2"></ins></div>',
    '<div class="wp-block-group"><p>Story continues below advertisement</p><div id="gpt-1"></div></div>',
    '<div class="ad-slot" aria-label="Advertisement"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-incontent-1"></div></div>',
    # A text ad's words are its link's.
    '<div id="div-gpt-ad-1712"><p><a href="https://bank.example/checking">Millbrook Savings Bank: open a free checking account today.</a></p></div>',
    '<div data-ad-unit="/1234/news/incontent"><small>Sponsored</small></div>',
    '<section aria-label="Advertisement"><p>Ad</p></section>',
    '<div class="adthrive-ad adthrive-content"><p>\u2014 Advertisement \u2014</p></div>',
    '<div class="mv-ad-box"><p>ADVERTISEMENT - CONTINUE READING BELOW</p></div>',
    "<p>Article continues after this ad</p>",
]


# Plain text a reader reads, in an element named like an ad slot: an addition like any other.
ADDED_IN_AD_MARKUP = [
    '<p aria-label="Advertisement">Redbud was later cleared of all wrongdoing by regulators, its lawyer said.</p>',
    '<p data-ad-slot="1">Redbud was later cleared of all wrongdoing by regulators, its lawyer said.</p>',
    '<div class="ad-inline"><p>Redbud was later cleared of all wrongdoing by regulators, its lawyer said.</p></div>',
]


@pytest.mark.parametrize("markup", ADDED_IN_AD_MARKUP)
def test_story_text_in_ad_markup_is_an_addition(cli: Any, tmp_path: Path, markup: str) -> None:
    body = _paragraphs(STORY[:2]) + markup + _paragraphs(STORY[2:])
    code, found = _check(cli, tmp_path, _original("<time>June 10, 2024, 5 a.m. EDT</time>"), _copy(COPY_DATES[1], body))
    assert code == 1 and any("added" in message and "cleared of all wrongdoing" in message for message in found), found


@pytest.mark.parametrize("ad", ADS)
def test_an_ad_between_the_paragraphs_is_no_addition(cli: Any, tmp_path: Path, ad: str) -> None:
    body = _paragraphs(STORY[:2]) + ad + _paragraphs(STORY[2:])
    assert _check(cli, tmp_path, _original("<time>June 10, 2024, 5 a.m. EDT</time>"), _copy(COPY_DATES[1], body)) == (0, [])


def test_a_paragraph_that_speaks_of_advertising_is_the_storys_text(cli: Any, tmp_path: Path) -> None:
    added = "The county spent $40,000 on advertisement last year to recruit jail nurses."
    body = _paragraphs([*STORY[:2], added, *STORY[2:]])
    code, evidence = _check(cli, tmp_path, _original(""), _copy(body=body))
    assert code == 1
    assert evidence == [f'added: "{added}"']


def test_a_story_wrapped_in_an_element_named_for_ads_is_still_compared(cli: Any, tmp_path: Path) -> None:
    edited = [*STORY[:1], STORY[1].replace("two days", "four days"), *STORY[2:]]
    copy = _copy(body=f'<div class="entry-content has-ads">{_paragraphs(edited)}</div>')
    code, evidence = _check(cli, tmp_path, _original(""), copy)
    assert code == 1
    assert evidence == ["changed (two → four): Hill, 34, had … violation. He died [-two-] {+four+} days later at … hospital in Lexington."]


@pytest.mark.parametrize("text", ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored", "Ad", "- Advertisement -"])
def test_an_ads_label(text: str) -> None:
    assert is_ad_label(text)


@pytest.mark.parametrize("text", ["The county spent $3,000 on advertisement.", "Advertising revenue fell.", "Sponsored by the county", "Adam"])
def test_text_that_is_no_ads_label(text: str) -> None:
    assert not is_ad_label(text)


# The original's deck (standfirst) under the headline, as publishers mark it up.
DECKS = [
    f'<p class="dek">{DECK}</p>',
    f'<h2 class="subtitle">{DECK}</h2>',
    f'<div class="c-standfirst"><p>{DECK}</p></div>',
    f'<p class="article-summary">{DECK}</p>',
    f'<p class="subhead">{DECK}</p>',
    f'<p class="deck">{DECK}</p>',
]


@pytest.mark.parametrize("deck", DECKS)
def test_a_deck_the_copy_leaves_out_is_no_cut(cli: Any, tmp_path: Path, deck: str) -> None:
    assert _check(cli, tmp_path, _original(deck + "<time>June 10, 2024, 5 a.m. EDT</time>"), _copy(COPY_DATES[1])) == (0, [])


@pytest.mark.parametrize("deck", DECKS)
def test_a_deck_the_copy_keeps_unchanged_passes(cli: Any, tmp_path: Path, deck: str) -> None:
    body = f'<p class="dek">{DECK}</p>' + _paragraphs(STORY)
    assert _check(cli, tmp_path, _original(deck), _copy(body=body)) == (0, [])


def test_a_deck_the_copy_keeps_but_edits_is_a_change(cli: Any, tmp_path: Path) -> None:
    body = f'<p class="dek">{DECK.replace("did not get", "got")}</p>' + _paragraphs(STORY)
    code, evidence = _check(cli, tmp_path, _original(f'<p class="dek">{DECK}</p>'), _copy(body=body))
    assert code == 1
    assert len(evidence) == 1
    assert evidence[0].startswith("changed (")


def test_a_first_paragraph_without_a_decks_markup_is_still_the_story(cli: Any, tmp_path: Path) -> None:
    code, evidence = _check(cli, tmp_path, _original(f"<p>{DECK}</p>"), _copy())
    assert code == 1
    assert evidence == [f'removed: "{DECK}"']
