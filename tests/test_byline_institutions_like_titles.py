"""An institution that starts like a job title or a name is the institution, not a second person.

docs/accuracy.md: each person's institution is "the proper-noun phrase after their name or job
title, whatever its words … unless it reads as a person's name and as nothing else". "Lead
Generation Ltd" carries a company suffix; "Head Start" and "Lead Generation" open with a title's
head word with no "of", "in" or "for" after it; "Dean Foods" ends with a company's word. "Head of
Research" stays a job title."""

from __future__ import annotations

import re

import pytest

from compliance.document.byline_reading import read_byline
from tests.conftest import ROOT

INSTITUTIONS = [
    "Lead Generation Ltd",
    "Lead Generation",
    "Head Start",
    "Head Start Association",
    "Dean Foods",
    "Acme Holdings Ltd",
    "Harlow Analytics GmbH",
    "Ruskin Partners Limited",
    "Lead Forward Inc",
    "Headway Plc",
]


@pytest.mark.parametrize("institution", INSTITUTIONS)
def test_the_phrase_is_the_institution(institution: str) -> None:
    reading = read_byline(f"By Priya Ashcombe, {institution}")
    assert reading is not None and reading.problem is None
    assert reading.names == ("Priya Ashcombe",)
    assert reading.affiliations == ((institution,),)


@pytest.mark.parametrize("title", ["Head of Research", "Lead for Climate Policy", "Deputy Head of Audience"])
def test_an_office_title_stays_a_title(title: str) -> None:
    reading = read_byline(f"By Priya Ashcombe, {title}, University of Leeds")
    assert reading is not None and reading.names == ("Priya Ashcombe",)
    assert reading.affiliations == (("University of Leeds",),)


def test_the_documented_institutions_are_read_as_such() -> None:
    doc = " ".join((ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8").split())
    listed = doc.split('"Lecturer in Law",', 1)[1].split(" are institutions", 1)[0].split("where ", 1)[1]
    institutions = re.findall(r'"([^"]+)"', listed)
    assert len(institutions) >= 6
    for institution in institutions:
        reading = read_byline(f"By Priya Ashcombe, {institution}")
        assert reading is not None and reading.affiliations == ((institution,),), institution
