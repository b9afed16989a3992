"""Bylines that list people with commas only ("By Jane Doe, John Roe")."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import check_html, load_packs
from compliance.document.byline_reading import read_byline
from compliance.packs import Pack

HEADLINE = "Council votes to widen the main road through town"
STORY = "The council voted on Tuesday to widen the main road after a long debate about safety, traffic and the cost to the town's budget."


def _page(top: str, bottom: str = "", outside: str = "") -> str:
    paragraphs = f"<p>{STORY}</p>" * 3
    return f"<html><head><title>t</title></head><body>{outside}<article><h1>{HEADLINE}</h1>{top}{paragraphs}{bottom}</article></body></html>"


# 1. "By A, B": a list of people without "and", and the affiliations it must not swallow.


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jane Doe, John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, John Roe, Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("By Jane Doe, John Roe & Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("By Jane Doe, John Roe and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("Von Jane Doe, John Roe und Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("Por Ana Ruiz, Luis Gómez", ("Ana Ruiz", "Luis Gómez")),
        ("By JANE DOE, JOHN ROE", ("JANE DOE", "JOHN ROE")),
        ("By Jane Doe, John Roe-Smith", ("Jane Doe", "John Roe-Smith")),
    ],
)
def test_names_parted_by_commas_are_each_credited(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, "")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # A job title, an outlet, an institution or a place after the name: the name's, no person.
        ("By Jane Doe, Staff Writer", "Staff Writer"),
        ("By Jane Doe, Senior Fellow", "Senior Fellow"),
        ("By Jane Doe, ProPublica", "ProPublica"),
        ("By Jane Doe, Texas Tribune", "Texas Tribune"),
        ("By Jane Doe, The Conversation", "The Conversation"),
        ("Jane Doe, Associated Press", "Associated Press"),
        ("By Laura Benson, Roll Call", "Roll Call"),
        ("By Laura Benson, Austin American-Statesman", "Austin American-Statesman"),
        ("By Jane Doe, Pittsburgh Post-Gazette", "Pittsburgh Post-Gazette"),
        ("By Jane Doe, Kaiser Health", "Kaiser Health"),
        ("By Anika Foss, Karolinska Institutet", "Karolinska Institutet"),
        ("By Ana Ruiz, Sciences Po", "Sciences Po"),
        ("By Lena Moritz, Universität Wien", "Universität Wien"),
        ("By Jane Doe, New York", "New York"),
        ("By JANE DOE, NEW YORK", "NEW YORK"),
        ("By Jane Doe, Capitol Hill", "Capitol Hill"),
        ("By Jane Doe, Austin, Texas", "Austin, Texas"),
        # Written otherwise than the name before it: the outlet in Title Case after a name in capitals.
        ("By JANE DOE, Roll Call", "Roll Call"),
    ],
)
def test_a_title_outlet_institution_or_place_after_the_name_is_no_second_person(text: str, credit: str) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (len(reading.names), reading.credit) == (1, credit)


def test_a_comma_list_of_people_without_an_opener_is_no_byline_as_one_with_and_is_none() -> None:
    # A paragraph of names alone is no byline without "By", whether "and" or a comma parts them.
    assert read_byline("Jane Doe, John Roe", require_prefix=True) is None
    assert read_byline("Jane Doe and John Roe", require_prefix=True) is None


PACK = """id: gz
name: G
publisher: G
terms_url: https://e.org
as_of: 2024-05-01
summary: s
rules:
  - id: gz/reporter
    severity: error
    message: 'credit {names}'
    help: h
    check: {original-byline: {}}
"""


@pytest.fixture
def reporter_pack(tmp_path: Path) -> Pack:
    pack = tmp_path / "gz.yaml"
    pack.write_text(PACK, encoding="utf-8")
    return next(p for p in load_packs(pack) if p.id == "gz")


@pytest.mark.parametrize("reporter", ["John Roe", "Jane Doe and John Roe"])
def test_the_second_of_a_comma_list_is_credited_as_a_reporter(reporter_pack: Pack, reporter: str) -> None:
    report = check_html(_page('<p class="byline">By Jane Doe, John Roe</p>'), packs=[reporter_pack], meta={"reporter": reporter}, detect=False)
    assert [p.rule for p in report.passed] == ["gz/reporter"]
    assert report.findings == ()


def test_an_outlet_after_the_name_is_still_no_reporter(reporter_pack: Pack) -> None:
    report = check_html(_page('<p class="byline">By Jane Doe, Roll Call</p>'), packs=[reporter_pack], meta={"reporter": "Roll Call"}, detect=False)
    assert [f.message for f in report.findings] == ["credit Roll Call"]
    assert "the republication has 'By Jane Doe, Roll Call'" in report.findings[0].detail
