"""Under no-derivatives terms a correction, clarification, update or editor's note the republisher
prints beside the story is the page's, not story text, in every layout (paragraphs straight in an
<article>, a theme's content <div>, Markdown, plain text) and with its label in any of its forms
("Correction, Dec. 2, 2026:", "CORRECTION:", "Clarification, 12/2/2026 —", "Update, Dec. 2, 2026,
3:15 p.m.:") or only in the class of the box it stands in, while it speaks of the republication
alone. A note that says something of the story's subject is added, and so is prose that merely
opens with the word ("Correction officers said …", "An update to the law …")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

HEADLINE = "Nursing Home Inspections Lag Years Behind, Records Show"
STORY = [
    "State inspectors have fallen years behind on required nursing home inspections, according to federal records.",
    "In 14 states, more than a third of homes had gone over two years without a standard inspection.",
    "\u201cIt is a staffing crisis, plain and simple,\u201d said Lori Smetanka of the National Consumer Voice.",
    "The Centers for Medicare and Medicaid Services said it had sent extra money to states with the longest backlogs.",
]
CREDIT = 'This story was originally published by <a href="https://www.propublica.org/article/nursing-homes">ProPublica</a>.'

# Labelled notes of the republication alone, each sharing words with the story ("states",
# "inspections", "agency"), as (label, the rest).
NOTES_OF_THE_REPUBLICATION = [
    ("Correction, Dec. 2, 2026:", "An earlier version of this story misstated the number of states."),
    ("Correction (Dec. 2):", "An earlier version misstated the number of states with inspection backlogs."),
    ("CORRECTION:", "A previous version of this story misstated the number of nursing homes."),
    ("Clarification, 12/2/2026 \u2014", "An earlier version of this article misidentified the federal agency that funds inspections."),
    ("Update, Dec. 2, 2026, 3:15 p.m.:", "This story was updated to correct the number of states."),
    ("Editor\u2019s note, Dec. 3:", "This story was updated to correct the name of the federal agency."),
]
# Labelled notes that say something of the story's subject: new content.
NOTES_WITH_A_CLAIM = [
    ("Correction, Dec. 2, 2026:", "The federal agency has since sent inspectors to all 14 states."),
    ("Update, Dec. 2, 2026, 3:15 p.m.:", "Lori Smetanka resigned from the National Consumer Voice on Tuesday."),
    ("CLARIFICATION:", "Inspections in two of the states are run by county health departments."),
]
# Story prose that opens with a note's word but no label.
PROSE_OPENING_WITH_A_NOTE_WORD = [
    "Correction officers said the backlog has left nursing homes in 14 states without inspections.",
    "An update to the law takes effect in May, state officials said.",
    "Updated figures show the backlog grew in 2026 in most states.",
    "Note that inspectors in Delta are county employees, not state ones.",
]


def _html(layout: str, before: list[str], after: list[str]) -> str:
    """The copy's page: the credit and byline, then the story with `before` and `after` beside it,
    as paragraphs straight in the <article> ("arc") or in a theme's content <div> ("wordpress");
    an item that starts with "<" is markup, printed as it is."""
    body = "".join(item if item.startswith("<") else f"<p>{item}</p>\n" for item in [*before, *STORY, *after])
    if layout == "wordpress":
        body = f'<div class="entry-content">\n{body}</div>\n'
    head = f'<h1>{HEADLINE}</h1>\n<p class="credit"><em>{CREDIT}</em></p>\n<div class="byline">By Maria Lopez, ProPublica</div>\n'
    return f"<html><body><article>{head}{body}</article></body></html>"


def _check(cli: Any, tmp_path: Path, copy: str, name: str) -> tuple[int, list[str]]:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    original = write(
        tmp_path, "original.html", f'<html><body><article><h1>{HEADLINE}</h1>\n<p class="byline">By Maria Lopez</p>\n{story}</article></body></html>'
    )
    path = write(tmp_path, name, copy)
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(original), str(path))
    return run.code, [f["evidence"] for f in run.json()["files"][0]["findings"]]


def _copy(layout: str, where: str, note: str, html_note: str) -> tuple[str, str]:
    """The copy (its text and file name) in `layout` with the note `where` ("top" or "end")."""
    before, after = ([note], []) if where == "top" else ([], [note])
    if layout in ("arc", "wordpress"):
        before, after = ([html_note], []) if where == "top" else ([], [html_note])
        return _html(layout, before, after), "copy.html"
    plain_credit = "This story was originally published by ProPublica."
    lines = [plain_credit, "By Maria Lopez, ProPublica", *before, *STORY, *after]
    if layout == "markdown":
        return f"# {HEADLINE}\n\n" + "\n\n".join(lines) + "\n", "copy.md"
    return f"{HEADLINE}\n\n" + "\n\n".join(lines) + "\n", "copy.txt"


LAYOUTS = ["arc", "wordpress", "markdown", "text"]


@pytest.mark.parametrize(("label", "rest"), NOTES_OF_THE_REPUBLICATION)
@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_labelled_note_of_the_republication_is_the_pages_in_every_layout(cli: Any, tmp_path: Path, layout: str, where: str, label: str, rest: str) -> None:
    note = f"**{label}** {rest}" if layout == "markdown" else f"{label} {rest}"
    box = f'<div class="correction"><p><strong>{label}</strong> {rest}</p></div>\n'
    code, findings = _check(cli, tmp_path, *_copy(layout, where, note, box))
    assert (code, findings) == (0, [])


@pytest.mark.parametrize(("label", "rest"), NOTES_WITH_A_CLAIM)
@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_labelled_note_that_speaks_of_the_subject_is_added(cli: Any, tmp_path: Path, layout: str, where: str, label: str, rest: str) -> None:
    box = f'<div class="correction"><p><strong>{label}</strong> {rest}</p></div>\n'
    code, findings = _check(cli, tmp_path, *_copy(layout, where, f"{label} {rest}", box))
    assert code == 1
    assert len(findings) == 1 and findings[0].startswith("added") and rest[:30] in findings[0]


@pytest.mark.parametrize("prose", PROSE_OPENING_WITH_A_NOTE_WORD)
@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_prose_that_opens_with_a_notes_word_is_added(cli: Any, tmp_path: Path, layout: str, where: str, prose: str) -> None:
    code, findings = _check(cli, tmp_path, *_copy(layout, where, prose, f"<p>{prose}</p>\n"))
    assert code == 1
    assert len(findings) == 1 and findings[0].startswith("added") and prose[:30] in findings[0]


# Boxes the page names a correction, clarification or editor's note, their words unlabelled (an
# <aside>'s text is the page's sidebar, never compared: these are <div>s and <section>s).
BOXED_NOTES_OF_THE_REPUBLICATION = [
    '<div class="story-correction"><p>Dec. 2, 2026: An earlier version of this story misstated the number of states.</p></div>',
    '<div class="editorsNote"><p>This story has been updated to correct the number of states.</p></div>',
    '<section id="clarification"><p>12/2/2026 \u2014 A previous version misidentified the federal agency that funds inspections.</p></section>',
    '<div class="c-correction-box"><p><em>Dec. 2:</em> An earlier version of this story misstated the number of nursing homes.</p></div>',
]
BOXED_CLAIMS = [
    '<div class="story-correction"><p>The federal agency has since sent inspectors to all 14 states.</p></div>',
    '<div class="editors-note"><p>Dec. 3, 2026: Lori Smetanka resigned from the National Consumer Voice on Tuesday.</p></div>',
]
# A box named otherwise ("correctional", "notes-app"): its paragraph is read as any other.
NEAR_MISS_BOXES = [
    '<div class="correctional-facilities"><p>Dec. 2, 2026: Inspectors in 14 states said the backlog was worse.</p></div>',
    '<div class="footnote"><p>Dec. 2, 2026: Inspectors in 14 states said the backlog was worse.</p></div>',
]


@pytest.mark.parametrize("box", BOXED_NOTES_OF_THE_REPUBLICATION)
@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize("layout", ["arc", "wordpress"])
def test_a_box_named_as_a_note_labels_its_words(cli: Any, tmp_path: Path, layout: str, where: str, box: str) -> None:
    code, findings = _check(cli, tmp_path, *_copy(layout, where, "", box + "\n"))
    assert (code, findings) == (0, [])


@pytest.mark.parametrize("box", BOXED_CLAIMS + NEAR_MISS_BOXES)
@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize("layout", ["arc", "wordpress"])
def test_a_claim_in_a_note_box_or_a_box_named_otherwise_is_added(cli: Any, tmp_path: Path, layout: str, where: str, box: str) -> None:
    code, findings = _check(cli, tmp_path, *_copy(layout, where, "", box + "\n"))
    assert code == 1
    assert len(findings) == 1 and findings[0].startswith("added")
