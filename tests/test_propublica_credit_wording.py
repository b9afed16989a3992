"""ProPublica's terms prescribe the credit line word for word ("This story was originally
published by ProPublica.", publisher-terms §2.2): a credit line in other words is still an error,
but its message quotes the line found and names the wording asked for, instead of saying there is
no credit line at all."""

from __future__ import annotations

import textwrap

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

PROPUBLICA = [p for p in load_packs() if p.id == "propublica"]

STORY = """\
    Rural clinics are closing

    By Lena Ortiz, ProPublica

    {credit}

    Edna Marsh, 71, has diabetes and no longer drives at night, so she waits for her son to take a day off work.

    The fire station now runs a weekly clinic, which beats driving over the pass in February, the chief said.
    """


def _errors(credit: str) -> dict[str, str]:
    doc = parse_document(textwrap.dedent(STORY.format(credit=credit)).strip().encode(), "text")
    result = check_document(doc, PROPUBLICA, path="story", auto_detect=False)
    return {f.rule: f.message for f in result.findings if f.severity == Severity.ERROR}


@pytest.mark.parametrize(
    "credit",
    [
        "This article was originally published by ProPublica.",
        "This story was first published by ProPublica.",
        "This investigation was published by ProPublica.",
        # Other verbs and places of a credit line.
        "This story originally appeared in ProPublica.",
        "This article first appeared at ProPublica.",
        "This story first appeared on ProPublica.",
        "Republished from ProPublica.",
        "This story was produced by ProPublica.",
        "This report has been first published on ProPublica.",
        "First appeared at ProPublica.",
    ],
)
def test_a_reworded_credit_line_is_quoted_with_the_wording_asked_for(credit: str) -> None:
    errors = _errors(credit)
    assert "propublica/credit-line" not in errors
    assert errors["propublica/credit-line-wording"] == (
        f'The credit line reads "{credit}", not the wording the terms ask for: "This story was originally published by ProPublica."'
    )


@pytest.mark.parametrize("credit", ["This story originally appeared in ProPublica.", "Republished from ProPublica.", "This story was produced by ProPublica."])
def test_a_reworded_credit_line_is_pointed_at(credit: str) -> None:
    doc = parse_document(textwrap.dedent(STORY.format(credit=credit)).strip().encode(), "text")
    (finding,) = [f for f in check_document(doc, PROPUBLICA, path="story", auto_detect=False).findings if f.rule == "propublica/credit-line-wording"]
    assert finding.location is not None and finding.location.line == 5


def test_the_prescribed_line_passes() -> None:
    errors = _errors("This story was originally published by ProPublica.")
    assert "propublica/credit-line" not in errors
    assert "propublica/credit-line-wording" not in errors


@pytest.mark.parametrize(
    "credit",
    [
        # No credit line: the missing-line error, as before.
        "Clinics in the valley have closed at a faster rate than anywhere else in the state.",
        # Prose naming ProPublica mid-paragraph is not a credit line in other words.
        "Records show that this report was published by ProPublica in 2019, before the closures.",
        # Another publisher in the same words.
        "This article was originally published by CalMatters.",
        # A story's sentence that says where something appeared is no credit line.
        "The figures first appeared in ProPublica's 2021 analysis of county records, the clerk said.",
        "This story's sources were produced by ProPublica's data team from court records in 2020.",
    ],
)
def test_without_a_credit_line_the_line_is_missing(credit: str) -> None:
    errors = _errors(credit)
    assert "propublica/credit-line" in errors
    assert "propublica/credit-line-wording" not in errors


def _findings(credit: str, *, after: str = "") -> dict[str, tuple[str, str | None, int | None]]:
    story = textwrap.dedent(STORY.format(credit=credit)).strip() + (f"\n\n{after}" if after else "")
    doc = parse_document(story.encode(), "text")
    result = check_document(doc, PROPUBLICA, path="story", auto_detect=False)
    return {f.rule: (f.message, f.evidence, f.location.line if f.location else None) for f in result.findings}


def _passes(credit: str) -> dict[str, str]:
    doc = parse_document(textwrap.dedent(STORY.format(credit=credit)).strip().encode(), "text")
    result = check_document(doc, PROPUBLICA, path="story", auto_detect=False)
    return {p.rule: p.evidence for p in result.passed}


WIRE_WORDED = [
    "Courtesy of ProPublica.",
    "Courtesy: ProPublica",
    "Republished courtesy of ProPublica.",
    "Via ProPublica",
    "Credit: ProPublica",
    "Reprinted with permission from ProPublica.",
    "(c) ProPublica",
    "This story appeared on ProPublica.",
]


@pytest.mark.parametrize("credit", WIRE_WORDED)
def test_a_credit_in_a_wire_service_s_words_is_quoted_as_found_not_passed(credit: str) -> None:
    message, found, line = _findings(credit)["propublica/credit-line"]
    assert found == credit
    assert line == 5
    # Its wording differs, wherever it stands: the message says so, quoting it.
    assert message == f'The credit line reads "{credit}", not the wording the terms ask for: "This story was originally published by ProPublica."'


@pytest.mark.parametrize("credit", WIRE_WORDED)
def test_a_credit_in_other_words_beside_the_prescribed_line_is_a_repeat(credit: str) -> None:
    found = _findings("This story was originally published by ProPublica.", after=credit)
    assert "propublica/credit-line-repeated" in found
    assert "propublica/credit-line" not in found


@pytest.mark.parametrize("credit", ["Courtesy of ProPublica.", "This story appeared on ProPublica.", "Via ProPublica"])
def test_a_passing_repeat_check_does_not_quote_a_reworded_line(credit: str) -> None:
    assert _passes(credit)["propublica/credit-line-repeated"] == (
        'no line "This story was originally published by ProPublica" in the article, outside photo captions'
    )


def test_a_passing_repeat_check_quotes_the_prescribed_line() -> None:
    prescribed = "This story was originally published by ProPublica."
    assert _passes(prescribed)["propublica/credit-line-repeated"] == prescribed
