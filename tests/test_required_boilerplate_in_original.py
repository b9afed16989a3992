"""What a pack's own rules require a copy to print (KFF Health News' tagline, ProPublica's promo
line) belongs to those rules, in the original as in the copy: the comparison with the original
(`fidelity`) leaves it out wherever either prints it, so a tagline missing or moved is the tagline
rule's finding alone, not a story cut or reordered. And a tagline that follows the story's last
paragraph ends the story whatever notes the republisher adds after it (a contributor line, a
correction, an editor's note, an ad); a paragraph of the story after it still does not."""

from __future__ import annotations

import pytest

from compliance.api import load_packs
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Report

_STORY = [
    "Three rural hospitals in eastern Oregon have stopped delivering babies since January, forcing patients to drive for hours.",
    "Hospital leaders said they could not recruit enough nurses to staff labor and delivery units around the clock.",
    '"We had two nurses covering every shift, and one of them was about to retire," said Dr. Lena Moore.',
    "State lawmakers are considering a bill that would pay hospitals a standby fee to keep maternity units open.",
]
_KFF_URL = "https://kffhealthnews.org/news/article/rural-hospitals-maternity/"
_KFF_TAGLINE = (
    '<a href="https://kffhealthnews.org">KFF Health News</a> is a national newsroom that produces in-depth journalism about health'
    ' issues and is one of the core operating programs at <a href="https://www.kff.org">KFF</a>—an independent source of health'
    " policy research, polling, and journalism."
)
_KHN_TAGLINE = (
    "Kaiser Health News is a nonprofit news service covering health issues. It is an editorially independent program of the"
    " Kaiser Family Foundation that is not affiliated with Kaiser Permanente."
)
_KFF_CREDIT = f'This story was originally published by <a href="{_KFF_URL}">KFF Health News</a>.'
_PP_URL = "https://www.propublica.org/article/rural-hospitals-maternity"
_PP_PROMO = "ProPublica is a Pulitzer Prize-winning investigative newsroom. Sign up for The Big Story newsletter to receive stories like this one."
_PP_CREDIT = f'This story was originally published by <a href="{_PP_URL}">ProPublica</a>.'


def _page(blocks: list[str], byline: str, *, url: str = "") -> str:
    head = f'<link rel="canonical" href="{url}">' if url else ""
    body = "".join(block if block.startswith("<") else f"<p>{block}</p>" for block in blocks)
    return (
        f"<html><head><title>Hospitals</title>{head}</head><body><article><h1>Rural Oregon Hospitals Stop Delivering Babies</h1>"
        f'<p class="byline">{byline}</p>{body}</article></body></html>'
    )


def _check(original: str, copy: str) -> Report:
    return check_document(parse_document(copy.encode(), "html"), load_packs(), path="copy", original=parse_document(original.encode(), "html"))


def _verdict(report: Report, rule: str) -> str:
    """The finding's evidence (or its detail) of `rule`, or "ok: <evidence>" when it passed."""
    for finding in report.findings:
        if finding.rule == rule:
            return finding.evidence or finding.detail or "failed"
    for passed in report.passed:
        if passed.rule == rule:
            return f"ok: {passed.evidence}"
    raise AssertionError(f"{rule} did not run: {report.packs}")


def _kff_original(tagline: str = _KFF_TAGLINE) -> str:
    return _page([*_STORY, tagline], "By Sarah Jane Tribble", url=_KFF_URL)


_BYLINE = "By Sarah Jane Tribble, KFF Health News"
_ALL_KEPT = "ok: all 4 paragraphs of the original, unchanged beyond style, time and place edits"


@pytest.mark.parametrize(
    ("tagline", "copy_blocks"),
    [
        # The tagline where the terms want it: the story's 4 paragraphs, not 5.
        (_KFF_TAGLINE, [*_STORY, _KFF_TAGLINE, _KFF_CREDIT]),
        # Left out: the tagline rule's finding, not a story stopping before its end.
        (_KFF_TAGLINE, [*_STORY, _KFF_CREDIT]),
        # Moved above the story: not a paragraph printed out of the original's order.
        (_KFF_TAGLINE, [_KFF_TAGLINE, *_STORY, _KFF_CREDIT]),
        # In a photo's caption: the tagline rule reads it, and no paragraph of the story is missing.
        (_KFF_TAGLINE, [*_STORY, _KFF_CREDIT, f'<figure><img src="/x.jpg"><figcaption>{_KFF_TAGLINE}</figcaption></figure>']),
        # An older story's tagline, kept or left out.
        (_KHN_TAGLINE, [*_STORY, _KHN_TAGLINE, _KFF_CREDIT]),
        (_KHN_TAGLINE, [*_STORY, _KFF_CREDIT]),
    ],
)
def test_the_originals_tagline_is_not_a_paragraph_of_the_story(tagline: str, copy_blocks: list[str]) -> None:
    report = _check(_kff_original(tagline), _page(copy_blocks, _BYLINE))
    assert _verdict(report, "kff-health-news/fidelity") == _ALL_KEPT


@pytest.mark.parametrize(
    ("copy_blocks", "at_end"),
    [
        ([*_STORY, _KFF_CREDIT], False),
        ([_KFF_TAGLINE, *_STORY, _KFF_CREDIT], False),
        ([*_STORY, _KFF_TAGLINE, _KFF_CREDIT], True),
    ],
)
def test_where_the_tagline_stands_is_the_tagline_rules_to_say(copy_blocks: list[str], at_end: bool) -> None:
    report = _check(_kff_original(), _page(copy_blocks, _BYLINE))
    assert _verdict(report, "kff-health-news/tagline").startswith("ok: ") is at_end


def test_a_story_paragraph_cut_or_moved_is_still_reported_beside_the_tagline() -> None:
    original = _kff_original()
    cut = _check(original, _page([*_STORY[:3], _KFF_TAGLINE, _KFF_CREDIT], _BYLINE))
    assert _verdict(cut, "kff-health-news/fidelity").startswith("the story stops after paragraph 3 of 4 (")
    moved = _check(original, _page([_STORY[3], *_STORY[:3], _KFF_TAGLINE, _KFF_CREDIT], _BYLINE))
    assert _verdict(moved, "kff-health-news/fidelity").startswith("moved: paragraph 4 of the original (")


def test_a_story_sentence_in_the_taglines_paragraph_is_still_compared() -> None:
    # Only the tagline's sentences are the rule's: a sentence of the story beside them is the story's.
    last = "The bill goes to a vote in March."
    original = _page([*_STORY, f"{last} {_KFF_TAGLINE}"], "By Sarah Jane Tribble", url=_KFF_URL)
    kept = _check(original, _page([*_STORY, last, _KFF_TAGLINE, _KFF_CREDIT], _BYLINE))
    assert _verdict(kept, "kff-health-news/fidelity") == "ok: all 5 paragraphs of the original, unchanged beyond style, time and place edits"
    cut = _check(original, _page([*_STORY, _KFF_TAGLINE, _KFF_CREDIT], _BYLINE))
    assert _verdict(cut, "kff-health-news/fidelity").startswith("the story stops after paragraph 4 of 5 (")


def test_a_paragraph_naming_the_publisher_is_still_the_storys() -> None:
    # Not the tagline's words: a sentence of the story about the newsroom, compared as ever.
    about = "KFF Health News is a national newsroom that reviewed the closures across 12 states this year."
    original = _page([*_STORY, about, _KFF_TAGLINE], "By Sarah Jane Tribble", url=_KFF_URL)
    report = _check(original, _page([*_STORY, _KFF_TAGLINE, _KFF_CREDIT], _BYLINE))
    # The copy's tagline may be read as a version of the cut paragraph: a change or a cut, a finding either way.
    assert not _verdict(report, "kff-health-news/fidelity").startswith("ok: ")


@pytest.mark.parametrize("where", ["kept at the top", "left out", "moved to the end"])
def test_propublicas_promo_on_its_own_page_is_its_rules(where: str) -> None:
    # ProPublica's page prints its promo line above the story; the copy's place for it is
    # propublica's rules' to judge, not the story's text.
    original = _page([_PP_PROMO, *_STORY], "By Hollis Brandt", url=_PP_URL)
    blocks = {"kept at the top": [_PP_PROMO, _PP_CREDIT, *_STORY], "left out": [_PP_CREDIT, *_STORY], "moved to the end": [_PP_CREDIT, *_STORY, _PP_PROMO]}
    report = _check(original, _page(blocks[where], "By Hollis Brandt, ProPublica"))
    assert _verdict(report, "propublica/fidelity") == _ALL_KEPT


def _tagline_verdict(after: list[str]) -> str:
    return _verdict(_check(_kff_original(), _page([*_STORY, _KFF_CREDIT, _KFF_TAGLINE, *after], _BYLINE)), "kff-health-news/tagline")


@pytest.mark.parametrize(
    "after",
    [
        ["<p><em>Additional reporting by Tom Becker of the Valley Times.</em></p>"],
        ["Reporting by Ana Ruiz; editing by Sam Li."],
        ["Marisol Vega of the Lake County Ledger contributed to this report."],
        ['<div class="correction"><p><strong>Correction:</strong> An earlier version of this story misspelled the name of a hospital.</p></div>'],
        ["Editor's note: This story has been edited for length."],
        ["Update, May 3: The bill passed the state Senate on Thursday by a vote of 21 to 9."],
        ["Additional reporting by Tom Becker.", "Clarification: A quote from Dr. Moore was shortened."],
        # A note the page labels by the box it sets it in, its words unlabelled.
        ['<div class="story-correction"><p>An earlier version of this story misspelled the name of a hospital.</p></div>'],
        ['<div class="editorsNote"><p>Dec. 2, 2026: This story was updated to correct the name of a hospital.</p></div>'],
        # The republisher's own furniture: an ad's label, a promo of another story.
        ["Advertisement", 'Related: <a href="/news/clinic-closes/">County clinic closes its doors after 40 years</a>'],
    ],
)
def test_notes_after_the_tagline_are_no_story_after_it(after: list[str]) -> None:
    assert _tagline_verdict(after).startswith("ok: ")


@pytest.mark.parametrize(
    "after",
    [
        # A paragraph of the story after the tagline, however it opens.
        ["Hospital leaders in two more counties said they expect to close their units by the end of the year."],
        ["Reporting by state auditors found that two more hospitals in the region plan to close their maternity wards next year, officials said on Monday."],
        ["Research by the Oregon Health Authority shows longer drives for patients in labor."],
        ["Additional reporting by Tom Becker.", "Nurses in the region say the shortage will last for years."],
        # A box named otherwise holds the story's text as any other.
        ['<div class="correctional-care"><p>Hospital leaders in two more counties said they expect to close their units by the end of the year.</p></div>'],
        # Another outlet's credit line is no note of the republisher's: which credit may follow is the pack's to say.
        ['This article was originally published by <a href="https://deltabeacon.example/story">Delta Beacon</a>.'],
    ],
)
def test_a_story_paragraph_after_the_tagline_still_counts(after: list[str]) -> None:
    assert not _tagline_verdict(after).startswith("ok: ")


def test_a_note_written_beside_the_originals_tagline_is_still_an_addition() -> None:
    # The older tagline's second sentence is the original's too; the republisher's sentence is not.
    note = "Two more hospitals in the region stopped delivering babies in May."
    report = _check(_kff_original(_KHN_TAGLINE), _page([*_STORY, f"{_KHN_TAGLINE} {note}", _KFF_CREDIT], _BYLINE))
    assert _verdict(report, "kff-health-news/fidelity") == f'added: "{note}"'
