"""Under no-derivatives terms a paragraph beside the story is a note by its words only while each
of its sentences is a note's (a call to action, a tip line, the newsroom's boilerplate, a bio, a
republication statement): a sentence that speaks of the story's subject (it shares the original's
words: its names, its nouns) is new content, though the paragraph opens with a call to action."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.story_notes import subject_sentence
from tests.conftest import write

WATER = [
    "The water utility raised its rates twice this year, according to filings with the state commission.",
    "Customers in the eastern district now pay 18 dollars more each month than they did in January.",
    "A spokeswoman for the utility said the audit request would be reviewed at the next board meeting.",
]
WELDS = [
    "Inspectors found 14 faulty welds on the pipeline in western Oklahoma last year.",
    "The company said it would repair the welds by March.",
    "Regulators have not fined the company.",
]
STORIES = {"water": ("Dana Whitfield", WATER), "welds": ("Marisol Ochoa", WELDS)}
CREDIT = 'This story was originally published by <a href="https://www.propublica.org/article/x">ProPublica</a>.'

# Notes that open a paragraph, then a sentence of the story's subject: (story, note, claim).
NOTE_THEN_CLAIM = [
    ("welds", "Sign up for our newsletter.", "Regulators fined the company $2 million on Friday."),
    ("welds", "Have a tip? Email tips@valleytimes.org.", "The pipeline's operator has since replaced every weld."),
    ("welds", "Follow us on Facebook.", "Regulators fined the company on Friday."),
    ("welds", "Support local news: donate today.", "Inspectors returned to the pipeline in May."),
    ("welds", "Marisol Ochoa covers energy for ProPublica.", "Regulators fined the company $2 million on Friday."),
    ("water", "Subscribe to the Valley Times morning briefing.", "The utility's board voted Monday to refund the second increase."),
    ("water", "Dana Whitfield is a reporter for ProPublica.", "The commission has since opened an inquiry into the eastern district."),
    ("water", "Stories like this depend on readers like you.", "Customers have filed 40 complaints with the commission since June."),
]
# Whole paragraphs of a republisher's boilerplate, pitches, tip lines and bios: no subject's sentence.
NOTES = [
    ("welds", "The Valley Times is a nonprofit newsroom serving Lake County since 1998. We rely on readers like you."),
    ("welds", "Sign up for our newsletter. It arrives every weekday morning."),
    ("welds", "Have a tip? Email tips@valleytimes.org. We read every message."),
    ("welds", "Marisol Ochoa covers energy for ProPublica. She previously reported on the oil industry in Oklahoma for the Tulsa World."),
    ("water", "Support local news: donate today. Thank you for reading."),
    ("water", "Dana Whitfield is a reporter for ProPublica. Before joining ProPublica, she covered water for the Texas Tribune."),
    ("water", "Follow us on Facebook and Instagram. Got a story idea about the utility? Send it our way."),
    ("water", "Related: Water rates rise again in the eastern district"),
]


def _check(cli: Any, tmp_path: Path, story: str, before: list[str], after: list[str]) -> tuple[int, list[str]]:
    author, paragraphs = STORIES[story]

    def page(body: list[str]) -> str:
        return (
            f"<html><body><article><h1>{story.title()}</h1>\n<p>By {author}, ProPublica</p>\n"
            + "".join(f"<p>{p}</p>\n" for p in body)
            + "</article></body></html>"
        )

    original = write(tmp_path, "original.html", page(paragraphs))
    copy = write(tmp_path, "copy.html", page([*before, *paragraphs, *after]))
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(original), str(copy))
    return run.code, [f["evidence"] for f in run.json()["files"][0]["findings"]]


@pytest.mark.parametrize(("story", "note", "claim"), NOTE_THEN_CLAIM)
@pytest.mark.parametrize("where", ["after", "after the credit line", "before"])
def test_a_claim_after_a_note_in_its_paragraph_is_added(cli: Any, tmp_path: Path, story: str, note: str, claim: str, where: str) -> None:
    paragraph = f"{note} {claim}"
    before, after = {"after": ([], [paragraph]), "after the credit line": ([], [CREDIT, paragraph]), "before": ([paragraph, CREDIT], [])}[where]
    code, findings = _check(cli, tmp_path, story, before, after)
    assert code == 1
    assert len(findings) == 1
    assert findings[0].startswith("added") and claim[:30] in findings[0]


@pytest.mark.parametrize(("story", "note"), NOTES)
@pytest.mark.parametrize("where", ["after", "after the credit line", "before"])
def test_a_paragraph_of_notes_alone_passes(cli: Any, tmp_path: Path, story: str, note: str, where: str) -> None:
    before, after = {"after": ([], [note]), "after the credit line": ([], [CREDIT, note]), "before": ([note, CREDIT], [])}[where]
    assert _check(cli, tmp_path, story, before, after) == (0, [])


SUBJECT = frozenset({"regulators", "fined", "company", "pipeline", "welds", "inspectors", "oklahoma"})


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Sign up for our newsletter. Regulators fined the company $2 million.", "Regulators fined the company $2 million."),
        ("Follow us on Facebook. The company's welds failed again.", "The company's welds failed again."),
        ("Have a tip? Email tips@example.org. Inspectors found 3 more welds.", "Inspectors found 3 more welds."),
        ("Sign up for our newsletter. It arrives every weekday morning.", None),
        ("Got a tip about the pipeline? Email us.", None),
        ("Did regulators fine the company? Sign up to find out.", None),
        ("The Valley Times is a nonprofit newsroom. We rely on readers like you.", None),
    ],
)
def test_subject_sentence_is_the_first_of_no_note_sharing_the_storys_words(text: str, sentence: str | None) -> None:
    assert subject_sentence(text, SUBJECT) == sentence


def test_a_bio_goes_on_in_sentences_of_its_person_and_stops_at_one_of_the_subject() -> None:
    bio = "Jane Roe covers energy for ProPublica. She previously covered the Oklahoma pipeline boom."
    assert subject_sentence(bio, SUBJECT, ("Jane Roe",)) is None
    assert subject_sentence(bio + " Regulators fined the company.", SUBJECT, ("Jane Roe",)) == "Regulators fined the company."
