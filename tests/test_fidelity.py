"""What the `fidelity` check takes for an edit beyond style, time and place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.fidelity import FidelityParams, beyond_style
from tests.conftest import ROOT, write

PARAMS = FidelityParams("nd", None, 70, 3)

# (original, republished, why the edit is beyond style; None: a style, time or place edit)
EDITS = [
    ("Inspectors signed off on 41 welds along the line.", "Inspectors signed off on 14 welds along the line.", "41 → 14"),
    ("The council voted 5-2 to approve the new bus routes.", "The council voted 5-3 to approve the new bus routes.", "5-2 → 5-3"),
    ("It was his 14th inspection of the line that month.", "It was his 41st inspection of the line that month.", "14th → 41st"),
    ("The agency fined the company $2 million last spring.", "The agency fined the company $3 million last spring.", "$2 → $3"),
    ("The council voted to add twelve routes to the network.", "The council voted to add 12 routes to the network.", None),
    ("The state gave a $5 million grant to the city council.", "The state gave a $5M grant to the city council.", None),
    ("The state gave a $5 million grant to the city council.", "The state gave a $5,000,000 grant to the city council.", None),
    ("The new routes start in two weeks, the council said.", "The new routes start in three weeks, the council said.", None),
    ("The vote came 3 days ago, after a long debate.", "The vote came last week, after a long debate.", None),
    ("He said he had never falsified anything at all.", "He said he had falsified things at all.", "a negation removed"),
    ("If the inspector is not there, nobody is checking.", "If the inspector is not there, somebody is checking.", "a negation removed"),
    ("The company said the welds had been inspected.", "The company said the welds had not been inspected.", "a negation added"),
    ("Redbud did not respond to repeated phone calls.", "Redbud didn't respond to repeated phone calls.", None),
    ("The council met on Tuesday in Portland, Ore.", "The council met last week in Portland.", None),
    ("The hearing is set for 10 a.m. on Monday, officials said.", "The hearing is set for 11 a.m. on Monday, officials said.", None),
]


@pytest.mark.parametrize(("before", "after", "why"), EDITS, ids=[f"{b} → {a}" for b, a, _ in EDITS])
def test_a_changed_number_or_negation_is_beyond_style_and_a_style_edit_is_not(before: str, after: str, why: str | None) -> None:
    from rapidfuzz import fuzz

    reason = beyond_style(before, after, fuzz.ratio(before, after), PARAMS)
    assert reason == why if why is None or "→" not in why else reason is not None and reason.startswith(why.split(" → ")[0])


def test_a_republication_that_changes_a_number_fails_naming_the_number(cli: Any, tmp_path: Path) -> None:
    original = (ROOT / "tests/rule-fixtures/propublica/compliant.html").read_text(encoding="utf-8")
    numbers = [word for word in original.split() if word.isdigit() and len(word) <= 3]
    assert numbers, "the fixture has a number to change"
    changed = original.replace(f" {numbers[0]} ", f" {int(numbers[0]) + 7} ", 1)
    republished = write(tmp_path, "story.html", changed)
    run = cli(
        "check",
        "--pack",
        "propublica",
        "--select",
        "propublica/fidelity",
        "--format",
        "json",
        "--original",
        "tests/rule-fixtures/propublica/compliant.html",
        str(republished),
    )
    findings = run.json()["files"][0]["findings"]
    assert run.code == 1
    assert [f["rule"] for f in findings] == ["propublica/fidelity"]
    assert f"changed ({numbers[0]} → {int(numbers[0]) + 7})" in findings[0]["evidence"]


ORIGINAL = [
    "The clinic in Alder Creek closed its doors in March after forty years.",
    "Clinic operators say they cannot hire enough staff. Nurse practitioners can earn more in the cities,"
    " and the federal grants that once filled the gap have shrunk.",
    "Patients now drive an hour to the nearest emergency room, county records show.",
]

# (the middle paragraph as republished, the pairs of the alignment): a paragraph with words only
# cut or only added is the same paragraph edited, however short it becomes; a new text is not.
MIDDLE_PARAGRAPHS = {
    "a sentence cut from the end": ("Clinic operators say they cannot hire enough staff.", [(0, 0), (1, 1), (2, 2)]),
    "a sentence cut from the start": (
        "Nurse practitioners can earn more in the cities, and the federal grants that once filled the gap have shrunk.",
        [(0, 0), (1, 1), (2, 2)],
    ),
    "words cut from the middle": ("Clinic operators say they cannot hire enough staff. The federal grants have shrunk.", [(0, 0), (1, 1), (2, 2)]),
    "a sentence added": (ORIGINAL[1] + " The county has asked the state for help twice this year, without an answer.", [(0, 0), (1, 1), (2, 2)]),
    "another paragraph in its place": ("A new wellness centre will open in the old bank building next spring.", [(0, 0), (1, None), (None, 1), (2, 2)]),
    "four words of it": ("Clinic operators say they", [(0, 0), (1, None), (None, 1), (2, 2)]),
}


@pytest.mark.parametrize("case", sorted(MIDDLE_PARAGRAPHS))
def test_a_paragraph_cut_or_extended_pairs_with_its_original(case: str) -> None:
    from compliance.checks.fidelity import align

    middle, expected = MIDDLE_PARAGRAPHS[case]
    pairs = align(ORIGINAL, [ORIGINAL[0], middle, ORIGINAL[2]])
    assert [(p.original, p.republished) for p in pairs] == expected


def test_a_sentence_cut_from_a_paragraph_is_one_change_naming_it(cli: Any, tmp_path: Path) -> None:
    story = "<html><body><article>{}<p>This story was originally published by ProPublica.</p></article></body></html>"
    original = write(tmp_path, "original.html", story.format("".join(f"<p>{p}</p>" for p in ORIGINAL)))
    cut = [ORIGINAL[0], "Clinic operators say they cannot hire enough staff.", ORIGINAL[2]]
    republished = write(tmp_path, "story.html", story.format("".join(f"<p>{p}</p>" for p in cut)))
    run = cli("check", "--pack", "propublica", "--select", "propublica/fidelity", "--format", "json", "--original", str(original), str(republished))
    findings = run.json()["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["propublica/fidelity"]
    assert findings[0]["evidence"].startswith("changed (")
    assert "[-Nurse practitioners can earn more in the cities" in findings[0]["evidence"]


_EXTRACT_ORIGINAL = [f"Paragraph {n} of the story says that the council met for the {n}th time this spring." for n in range(1, 9)]
_INSERTED = "An inserted paragraph about something else entirely, which the original never printed."


@pytest.mark.parametrize(
    ("extract", "verdict"),
    [
        (_EXTRACT_ORIGINAL[:3], []),  # the opening paragraphs
        (_EXTRACT_ORIGINAL[3:6], []),  # a run from the middle
        (_EXTRACT_ORIGINAL[0:2] + _EXTRACT_ORIGINAL[4:6], []),  # paragraphs left out inside it
        ([*_EXTRACT_ORIGINAL[:1], _EXTRACT_ORIGINAL[1].replace("2th", "9th"), _EXTRACT_ORIGINAL[2]], ["changed"]),
        ([*_EXTRACT_ORIGINAL[:1], _EXTRACT_ORIGINAL[1].replace("met", "did not meet"), _EXTRACT_ORIGINAL[2]], ["changed"]),
        ([*_EXTRACT_ORIGINAL[:2], _INSERTED, _EXTRACT_ORIGINAL[2]], ["added"]),
    ],
)
def test_an_extract_leaves_paragraphs_out_but_changes_none(extract: list[str], verdict: list[str]) -> None:
    """`extract: true`: what an extract leaves out is no finding; what it keeps is held to `nd`."""
    from compliance.checks.base import Context
    from compliance.checks.fidelity import evaluate
    from compliance.document import parse_document

    def page(paragraphs: list[str]) -> Any:
        return parse_document(("<article><h1>Council</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>").encode(), "html")

    republished, original = page(extract), page(_EXTRACT_ORIGINAL)
    outcome = evaluate(republished, FidelityParams("nd", None, 70, 3, True), Context(republished, original=original))
    assert [dict(hit.captures)["change"] for hit in outcome.hits] == verdict
    assert outcome.passed == (verdict == [])
    # Without `extract`, the same page is a cut story.
    assert not evaluate(republished, PARAMS, Context(republished, original=original)).passed
