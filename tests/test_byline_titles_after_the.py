"""English writes "the" before a cleric's or an office holder's courtesy title: "By the Rev.
Martin Okafor" and "By the Hon. Ana Ruiz" credit a person (the title kept, as "By Rev. Martin
Okafor" keeps it; `same_person` compares names without it), while "By the Associated Press" and
"By The Editorial Board" stay no one's."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import read_byline
from tests.conftest import original_byline_pack

HEADLINE = "Water board raises groundwater rates for third year"
STORY = "The state water board voted on Tuesday to raise the rates that farms pay for groundwater, the third increase in as many years."


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By the Rev. Martin Okafor", ("Rev. Martin Okafor",), ""),
        ("By The Rev. Martin Okafor and Ana Ruiz", ("Rev. Martin Okafor", "Ana Ruiz"), ""),
        ("By the Reverend Martin Okafor", ("Reverend Martin Okafor",), ""),
        ("By the Hon. Ana Ruiz, CalMatters", ("Hon. Ana Ruiz",), "CalMatters"),
        ("By the Honorable Ruth Bader Ginsburg", ("Honorable Ruth Bader Ginsburg",), ""),
        ("By the Rev. Dr. Martin Luther King Jr.", ("Rev. Dr. Martin Luther King Jr.",), ""),
    ],
)
def test_the_article_before_a_courtesy_title_opens_a_name(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("byline", "problem"),
    [("By the Associated Press", "outlet"), ("By The Editorial Board", "staff"), ("By the Major League Baseball Players Association", "outlet")],
)
def test_the_before_anything_else_is_still_no_person(byline: str, problem: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.problem) == ((), problem)


def test_the_reverends_byline_credits_the_originals_reporter(tmp_path: Path) -> None:
    html = f'<html><body><article><h1>{HEADLINE}</h1><p class="byline">By the Rev. Martin Okafor</p>{f"<p>{STORY}</p>" * 3}</article></body></html>'
    report = check_html(html, packs=[original_byline_pack(tmp_path)], meta={"reporter": "Martin Okafor"}, detect=False)
    assert [p.rule for p in report.passed] == ["gz/rule"]
