"""Under no-derivatives terms a note beside the story that the newsroom labels as its own
("Editor's note:", "Correction:", "Update:") is no addition only while it speaks of the
republication itself; a note that says something of the story's subject is new content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.story_notes import noted_claim
from tests.conftest import write

OF_THE_REPUBLICATION = [
    "Editor's note: This story was originally published by ProPublica.",
    "Editor’s Note — This article first appeared in The Texas Tribune and is republished with permission.",
    "Note: This story has been edited for length and clarity.",
    "Editor's note: This story was originally published by ProPublica. It has been edited for length.",
    "Note: References to time and place have been updated for our readers.",
    "Editors' note: Edited for style.",
    "Correction: An earlier version of this story misspelled the name of the county's contractor. We regret the error.",
    "Correction: A previous version of this article incorrectly stated the day of the council vote.",
    "Clarification: This story has been updated to correct the spelling of a name.",
    "Updated Dec. 5, 2026, at 3 p.m.",
    # Where the republisher printed it, between the story and what was wrong with it.
    "Correction: An earlier version of this story on the Valley Times website misspelled the name of Blue Mountain Hospital.",
    "Correction: A previous version of this article in our print edition misstated the day of the council vote.",
    "Clarification: This story on valleytimes.example was updated to correct a title.",
]
ABOUT_THE_SUBJECT = {
    # A page of someone else's that the note quotes: what it says is the note's claim.
    "Editor's note: The story on the county's website says the clinic reopened in May.": "The story on the county's website says",
    "Editor's note: The sheriff disputes these records and says every inmate was seen by a nurse within an hour.": "The sheriff disputes",
    "Correction: This story originally said 41 cases. The sheriff says the number was 4.": "The sheriff says the number was 4.",
    "Correction: this story originally said 41 cases; the sheriff says 4": "the sheriff says 4",
    "Editor's note: The utility disputes this story.": "The utility disputes this story.",
    "Update: The sheriff resigned on Tuesday, two days after this story was published.": "The sheriff resigned",
    "Editor's note: This story was originally published by ProPublica, and the county disputes its findings.": "the county disputes its findings.",
    "Clarification: The county, not the state, runs the jails.": "The county, not the state",
    "NOTE: Lakeside County's water comes from the same reservoir.": "Lakeside County's water",
}


@pytest.mark.parametrize("note", OF_THE_REPUBLICATION)
def test_a_note_of_the_republication_alone_makes_no_claim(note: str) -> None:
    assert noted_claim(note) is None


@pytest.mark.parametrize("note", sorted(ABOUT_THE_SUBJECT))
def test_a_note_that_speaks_of_the_subject_is_a_claim_quoting_its_clause(note: str) -> None:
    claim = noted_claim(note)
    assert claim is not None
    assert claim.startswith(ABOUT_THE_SUBJECT[note])


@pytest.mark.parametrize("text", ["Related: Jail deaths rise in three counties", "Reporting by Dana Whitfield.", "The sheriff disputes these records."])
def test_text_without_a_newsrooms_note_label_is_no_noted_claim(text: str) -> None:
    assert noted_claim(text) is None


STORY = [
    "The water utility raised its rates twice this year, according to filings with the state commission.",
    "Customers in the eastern district now pay 18 dollars more each month than they did in January.",
    "A spokeswoman for the utility said the audit request would be reviewed at the next board meeting.",
]
CREDIT = "This story was originally published by ProPublica."


def _check(cli: Any, tmp_path: Path, before: list[str], after: list[str]) -> tuple[int, list[str]]:
    def page(paragraphs: list[str]) -> str:
        return "<html><body><article><h1>Water rates</h1>\n" + "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</article></body></html>"

    original = write(tmp_path, "original.html", page(STORY))
    copy = write(tmp_path, "copy.html", page([*before, *STORY, *after]))
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(original), str(copy))
    return run.code, [f["evidence"] for f in run.json()["files"][0]["findings"]]


@pytest.mark.parametrize("note", OF_THE_REPUBLICATION[:6])
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_note_of_the_republication_beside_the_story_passes(cli: Any, tmp_path: Path, note: str, where: str) -> None:
    before, after = ([note, CREDIT], []) if where == "before" else ([], [CREDIT, note])
    assert _check(cli, tmp_path, before, after) == (0, [])


@pytest.mark.parametrize("note", sorted(ABOUT_THE_SUBJECT)[:5])
@pytest.mark.parametrize("where", ["before", "after", "after the credit line"])
def test_a_note_that_speaks_of_the_subject_is_added_wherever_beside_the_story(cli: Any, tmp_path: Path, note: str, where: str) -> None:
    before, after = {"before": ([CREDIT, note], []), "after": ([], [note, CREDIT]), "after the credit line": ([], [CREDIT, note])}[where]
    code, findings = _check(cli, tmp_path, before, after)
    assert code == 1
    assert len(findings) == 1
    assert findings[0].startswith(f"added (a note that speaks of the story's subject, not of its republication): \"{note[:40]}")


# A label may carry a date; a note saying the story was updated "to clarify that X" or "with X" carries X.
DATED_OR_CARRIED_OF_THE_REPUBLICATION = [
    "Update, June 9: This story has been edited for length.",
    "Updated Feb. 14, 2025 \u2014 This article has been updated to reflect the time difference.",
    "Note (3/14/2025): References to time have been updated for our readers.",
    "Clarification: This story was updated to reflect that references to dates have been changed.",
    "Update: This article has been updated with the correct time.",
    "Correction, Tuesday, Feb. 11: An earlier version of this story misspelled the mayor's name.",
]
DATED_OR_CARRIED_ABOUT_THE_SUBJECT = {
    "Update, June 9: The water board voted Monday to refund the second increase.": "The water board voted",
    "Updated Feb. 14, 2025 \u2014 The utility's chief executive resigned on Friday.": "The utility's chief executive",
    "UPDATE 14 February 2025: Two more districts joined the audit request.": "Two more districts",
    "Update (Friday, Feb. 14, at 5 p.m. ET): The commission scheduled a hearing for March.": "The commission scheduled",
    "Clarification: This article has been updated to note that the audit covers only the eastern district.": "the audit covers only",
    "Correction: This story was corrected to say that the increase took effect in April.": "the increase took effect",
    "Editor's note: This story has been updated with a statement from the utility's board chair.": "a statement from the utility's",
    "Update: The article was changed to add that the board chair owns shares in the contractor.": "the board chair owns shares",
}


@pytest.mark.parametrize("note", DATED_OR_CARRIED_OF_THE_REPUBLICATION)
def test_a_dated_or_updated_note_of_the_republication_makes_no_claim(note: str) -> None:
    assert noted_claim(note) is None


@pytest.mark.parametrize("note", sorted(DATED_OR_CARRIED_ABOUT_THE_SUBJECT))
def test_a_dated_label_or_an_update_that_says_that_x_carries_the_claim_x(note: str) -> None:
    claim = noted_claim(note)
    assert claim is not None
    assert claim.startswith(DATED_OR_CARRIED_ABOUT_THE_SUBJECT[note])


@pytest.mark.parametrize("note", [n for n in sorted(DATED_OR_CARRIED_ABOUT_THE_SUBJECT) if n.startswith(("Update, June", "Clarification"))])
@pytest.mark.parametrize("where", ["before", "after the credit line"])
def test_a_dated_update_or_a_clarification_adding_a_fact_is_added(cli: Any, tmp_path: Path, note: str, where: str) -> None:
    before, after = {"before": ([CREDIT, note], []), "after the credit line": ([], [CREDIT, note])}[where]
    code, findings = _check(cli, tmp_path, before, after)
    assert code == 1
    assert len(findings) == 1
    assert findings[0].startswith("added (a note that speaks of the story's subject, not of its republication)")


@pytest.mark.parametrize("note", DATED_OR_CARRIED_OF_THE_REPUBLICATION[:2])
def test_a_dated_note_of_the_republication_beside_the_story_passes(cli: Any, tmp_path: Path, note: str) -> None:
    assert _check(cli, tmp_path, [], [CREDIT, note]) == (0, [])


# A pointer to other stories ("Related:", "Read more:") is a note while it points at a story; one
# that goes on to say something itself is new prose, after the story as before it.
POINTERS = [
    'Related: <a href="https://valleytimes.example/news/rates">Water rates rise again in the eastern district</a>',
    'Read more: <a href="https://valleytimes.example/news/audit">County approves the utility audit.</a>',
    "<strong>Related:</strong> Is the utility overcharging its customers?",
    "See also: Water rates rise again in the eastern district",
    'More from the Valley Times: <a href="https://valleytimes.example/news/board">Board meets Thursday</a>.',
]
POINTER_CLAIMS = [
    "Related: Our editorial board says the utility should refund every customer this year.",
    "<strong>Read more:</strong> The utility overcharged customers for a decade, our sources say.",
    'See also: The commission will not act, according to <a href="https://valleytimes.example/a">our analysis</a>.',
    "More from the Valley Times: the utility's chief executive has quietly left the company!",
]


@pytest.mark.parametrize("pointer", POINTERS)
def test_a_pointer_to_another_story_after_the_story_passes(cli: Any, tmp_path: Path, pointer: str) -> None:
    assert _check(cli, tmp_path, [], [pointer]) == (0, [])


@pytest.mark.parametrize("claim", POINTER_CLAIMS)
@pytest.mark.parametrize("where", ["after", "after before the credit line"])
def test_a_pointer_that_says_something_itself_is_added(cli: Any, tmp_path: Path, claim: str, where: str) -> None:
    after = [claim] if where == "after" else [claim, CREDIT]
    code, findings = _check(cli, tmp_path, [], after)
    assert code == 1
    assert len(findings) == 1 and findings[0].startswith("added")


@pytest.mark.parametrize(
    ("line", "added"),
    [
        ("**Related:** Our editorial board says the utility should refund every customer.", True),
        ("Read more: The utility overcharged customers for a decade, our sources say.", True),
        ("**Related:** [Water rates rise again in the eastern district.](https://valleytimes.example/news/rates)", False),
        ("Read more: Is the utility overcharging its customers?", False),
    ],
)
def test_a_pointer_in_markdown_is_read_as_in_html(cli: Any, tmp_path: Path, line: str, added: bool) -> None:
    original = write(tmp_path, "original.md", "# Water rates\n\n" + "\n\n".join(STORY) + "\n")
    copy = write(tmp_path, "copy.md", "# Water rates\n\n" + "\n\n".join([*STORY, line]) + "\n")
    run = cli("check", "--format", "json", "--pack", "propublica", "--select", "propublica/fidelity", "--original", str(original), str(copy))
    findings = [f["evidence"] for f in run.json()["files"][0]["findings"]]
    assert (run.code, bool(findings)) == ((1, True) if added else (0, False)), findings
