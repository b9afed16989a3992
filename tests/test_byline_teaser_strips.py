"""Other stories' teasers inside the story's `<article>` or beside it: a strip of cards, each a
headline linked to another story with its own "By NAME" and date, after the story or in a box of
it, whatever their tags and classes (`<div>`s with generated classes, `<section>`s, `<aside>`,
flat pairs of a linked headline paragraph and a byline paragraph). A teaser's byline is the
linked story's: with the story's own byline it is left out, and without one the story has no
byline (never the first teaser's writer). A story under a linked headline that runs on (a weekly
edition's sections) and a single kicker link over the byline are no teasers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from tests.conftest import write

BODY = (
    "<p>The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said in a statement.</p>"
    "<p>Patients will be sent to the hospital in the next county, about forty minutes away by car on rural roads.</p>"
    "<p>The clinic had served the town for three decades and employed more than forty people at its peak.</p>"
)
TEASERS = (
    ("/2024/05/flood-plan", "Flood plan stalls again", "Maria Gomez"),
    ("/2024/05/school-budget", "School budget passes after long night", "Tom Lee"),
    ("/2024/05/road-work", "Road work to start in June", "Priya Shah"),
)


def _cards(shape: str) -> str:
    """A strip of the three teasers in one of the shapes pages give it."""
    if shape == "divs":
        return (
            '<div class="x9f">'
            + "".join(f'<div class="k2"><h3><a href="{h}">{t}</a></h3><p>By {n}</p><time>May 3</time></div>' for h, t, n in TEASERS)
            + "</div>"
        )
    if shape == "sections-with-byline-class":
        return "".join(f'<section><h4><a href="{h}">{t}</a></h4><div class="byline">By {n}</div></section>' for h, t, n in TEASERS)
    if shape == "aside":
        return "<aside>" + "".join(f'<div><h3><a href="{h}">{t}</a></h3><p class="byline">By {n}</p></div>' for h, t, n in TEASERS) + "</aside>"
    if shape == "link-around-heading":
        return "<div>" + "".join(f'<div><a href="{h}"><h3>{t}</h3></a><span class="author">By {n}</span></div>' for h, t, n in TEASERS) + "</div>"
    if shape == "flat-pairs":
        return "".join(f'<p><a href="{h}">{t}</a></p><p>By {n} | May 3, 2024</p>' for h, t, n in TEASERS)
    if shape == "with-summaries":
        summary = "The plan would raise the levee by four feet and buy out homes in the lowest part of town, engineers said."
        return "".join(f'<div class="c"><h3><a href="{h}">{t}</a></h3><p>By {n}</p><p>{summary}</p></div>' for h, t, n in TEASERS)
    if shape == "line-pairs":
        return "".join(f'<p><a href="{h}">{t}</a><br>By {n}</p>' for h, t, n in TEASERS)
    if shape == "emphasised-line-pairs":
        return "".join(f'<div><strong><a href="{h}">{t}</a></strong> <br/>\nby {n}<br>May 3, 2024</div>' for h, t, n in TEASERS)
    if shape == "list-line-pairs":
        return "<ul>" + "".join(f'<li><a href="https://news.example{h}"><em>{t}</em></a><br>By {n} | May 3</li>' for h, t, n in TEASERS) + "</ul>"
    raise KeyError(shape)


SHAPES = [
    "divs",
    "sections-with-byline-class",
    "aside",
    "link-around-heading",
    "flat-pairs",
    "with-summaries",
    "line-pairs",
    "emphasised-line-pairs",
    "list-line-pairs",
]


def _bylines(page: str) -> list[str]:
    return [byline.text for byline in parse_document(page, "html").bylines]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("own", ['<p class="byline">By Ana Ruiz</p>', "<p>By Ana Ruiz</p>"])
def test_the_storys_own_byline_stands_alone(shape: str, own: str) -> None:
    page = f"<html><body><article><h1>Clinic to close</h1>{own}{BODY}{_cards(shape)}</article></body></html>"
    assert _bylines(page) == ["By Ana Ruiz"]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_story_without_a_byline_has_none(shape: str) -> None:
    page = f"<html><body><article><h1>Clinic to close</h1>{BODY}{_cards(shape)}</article></body></html>"
    assert _bylines(page) == []


@pytest.mark.parametrize("shape", SHAPES)
def test_a_strip_in_the_main_region_beside_the_article_is_left_out_too(shape: str) -> None:
    page = f"<html><body><main><article><h1>Clinic to close</h1>{BODY}</article><div>{_cards(shape)}</div></main></body></html>"
    assert _bylines(page) == []


def test_the_empty_byline_rule_is_not_met_by_a_teaser() -> None:
    # DCNF's reporter rule: with the story's byline gone, a teaser's writer is no credit.
    page = f"<html><body><article><h1>Clinic to close</h1>{BODY}{_cards('divs')}</article></body></html>"
    report = check_html(page, packs=["dcnf"])
    (finding,) = [finding for finding in report.findings if finding.rule == "dcnf/byline"]
    assert "Maria Gomez" not in (finding.detail or "")


LONG = " ".join(["The board heard from residents for three hours before it voted on the plan."] * 8)


def test_stories_under_linked_headlines_that_run_on_keep_the_first_ones_byline() -> None:
    # A weekly edition: each section a linked headline, a byline and the story in full.
    sections = "".join(f'<h2><a href="{h}">{t}</a></h2><div class="FeatureByline">By {n}</div><p>{LONG}</p><p>{LONG}</p>' for h, t, n in TEASERS)
    page = f"<html><body><article><h1>Weekly edition</h1>{sections}</article></body></html>"
    assert _bylines(page)[0] == "By Maria Gomez"


@pytest.mark.parametrize(
    "kicker",
    [
        '<p><a href="/topics/health-care-policy">Health care policy news</a></p>',
        '<h2><a href="/topics/rural-hospitals">Rural hospitals in crisis</a></h2>',
    ],
)
def test_a_single_kicker_link_over_the_byline_is_no_teaser(kicker: str) -> None:
    page = f"<html><body><article><h1>Clinic to close</h1>{kicker}<p>By Ana Ruiz</p>{BODY}</article></body></html>"
    assert _bylines(page) == ["By Ana Ruiz"]


@pytest.mark.parametrize(
    "kicker",
    [
        '<p><a href="/topics/health-care-policy">Health care policy news</a><br>By Ana Ruiz</p>',
        '<div><b><a href="/topics/rural-hospitals">Rural hospitals in crisis</a></b><br>By Ana Ruiz</div>',
    ],
)
def test_a_single_kicker_line_in_the_bylines_paragraph_is_no_teaser(kicker: str) -> None:
    page = f"<html><body><article><h1>Clinic to close</h1>{kicker}{BODY}</article></body></html>"
    assert [name for byline in parse_document(page, "html").bylines for name in byline.names] == ["Ana Ruiz"]


def test_a_link_inside_a_line_of_words_is_no_teasers_headline() -> None:
    # "See <a>…</a> for more" is a sentence that links, not a headline on a line of its own.
    lines = "".join(f'<p>See <a href="{h}">{t}</a> for more.<br>By {n}</p>' for h, t, n in TEASERS)
    page = f"<html><body><article><h1>Clinic to close</h1>{BODY}{lines}</article></body></html>"
    assert _bylines(page) == ["By Maria Gomez", "By Tom Lee", "By Priya Shah"]


def _original(tmp_path: Path) -> Path:
    story = "".join(f"<p>{p}</p>" for p in BODY.replace("</p>", "").split("<p>") if p)
    return write(tmp_path, "original.html", f'<article><h1>Clinic to close</h1><p class="byline">By Ana Ruiz</p>{story}</article>')


@pytest.mark.parametrize("shape", ["line-pairs", "emphasised-line-pairs", "divs", "flat-pairs"])
@pytest.mark.parametrize("where", ["after", "between"])
def test_teasers_are_neither_credited_nor_the_storys_text(cli: Any, tmp_path: Path, shape: str, where: str) -> None:
    # original-reporter reads the bylines, fidelity the story's paragraphs: a teaser is in neither.
    first, rest = BODY.split("</p>", 1)
    body = f"{BODY}{_cards(shape)}" if where == "after" else f"{first}</p>{_cards(shape)}{rest}"
    credit = '<p>This story was originally published by <a href="https://www.propublica.org/article/clinic">ProPublica</a>.</p>'
    page = f"<html><body><article><h1>Clinic to close</h1><p>By Ana Ruiz, ProPublica</p>{credit}{body}</article></body></html>"
    copy = write(tmp_path, "copy.html", page)
    run = cli("check", "--pack", "propublica", "--format", "json", "--original", str(_original(tmp_path)), str(copy))
    (entry,) = run.json()["files"]
    passed = {p["rule"] for p in entry["passed"]}
    assert {"propublica/original-reporter", "propublica/fidelity"} <= passed, [f["message"] for f in entry["findings"]]


def test_another_reporters_byline_still_fails_beside_teasers(cli: Any, tmp_path: Path) -> None:
    page = f"<html><body><article><h1>Clinic to close</h1><p>By Odile Marchetti</p>{BODY}{_cards('line-pairs')}</article></body></html>"
    copy = write(tmp_path, "copy.html", page)
    run = cli("check", "--pack", "propublica", "--format", "json", "--original", str(_original(tmp_path)), str(copy))
    (entry,) = run.json()["files"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == "propublica/original-reporter"]
    assert "Odile Marchetti" in finding["message"] and "Maria Gomez" not in finding["message"]


def test_cards_linking_authors_pages_are_no_teasers() -> None:
    # An author box of two people: their names link to their pages, not to stories.
    box = "".join(f'<div><h3><a href="/author/{n.lower().replace(" ", "-")}">{n}</a></h3><p>By {n}</p></div>' for n in ("Ana Ruiz", "Ben Cole"))
    page = f"<html><body><article><h1>Clinic to close</h1>{box}{BODY}</article></body></html>"
    assert [name for byline in parse_document(page, "html").bylines for name in byline.names][:2] == ["Ana Ruiz", "Ben Cole"]


def test_the_readme_describes_the_teaser_it_leaves_out() -> None:
    from pathlib import Path

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert '("Flood plan stalls again" over "By Maria Gomez")' in readme
    page = f"<html><body><article><h1>Clinic to close</h1>{BODY}{_cards('flat-pairs')}</article></body></html>"
    assert "Flood plan stalls again" in page and _bylines(page) == []
