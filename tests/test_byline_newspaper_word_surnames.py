"""A reporter whose surname is a newspaper's word is a person; a town's newspaper stays an outlet.

"By Emily Post, Daily Caller News Foundation" credits a reporter called Emily Post, as "By Tom
Daily" and "By Alex Times" credit Tom and Alex: a known given name before the outlet word makes
the words a person's name. "By Washington Post", "By Houston Chronicle", "By Jackson Sun", "By The
Post", "By Press Herald", "By Morning Star" name outlets: a place, "The", another outlet word or
no given name opens them. A given name that is also a town (Houston, Jackson, Orlando, Austin)
reads as the town before an outlet word, where papers are so named: a region ("Jordan Times"), a
town of an English-speaking country or a metropolis elsewhere ("Sofia Globe"); a small town of
another country that has a given name's name ("Ann" in Myanmar, "Mary" in Turkmenistan) names no
paper, so "By Ann Tribune" and "By Mary Herald" credit reporters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import person_name, read_byline
from tests.conftest import write

PEOPLE = [
    "Emily Post",
    "EMILY POST",
    "Emily J. Post",
    "Tom Daily",
    "Alex Times",
    "Jane Press",
    "Sarah Herald",
    "Maria Journal",
    "Kevin Media",
    "Laura Tribune",
    "David Globe",
    "Olivia Mirror",
    "Michael News",
    "Lena Sun",
    "Wei Sun",
    "José Star",
    # Given names that are also towns, but towns where no paper is named so: "Ann" is a town in
    # Myanmar, "Mary" one in Turkmenistan.
    "Ann Tribune",
    "Mary Herald",
    "Joe Gazette",
    "Ann Post",
    "MARY TIMES",
]

OUTLETS = [
    "Washington Post",
    "New York Times",
    "Daily Mail",
    "Sun Times",
    "Tampa Bay Times",
    "The Post",
    "Press Herald",
    "Morning Star",
    "Houston Chronicle",
    "Orlando Sentinel",
    "Austin American-Statesman",
    "Pittsburgh Post-Gazette",
    "Jackson Sun",
    "Baltimore Sun",
    "Charlotte Observer",
    "Emily Sun Times",
    # A given name that is a region, a town of an English-speaking country or a metropolis
    # elsewhere, with an English-language paper named after it.
    "Jordan Times",
    "Georgia Gazette",
    "Sofia Globe",
    "Florence Times",
    "Lincoln Journal",
    "Jackson Hole News",
]


@pytest.mark.parametrize("name", PEOPLE)
@pytest.mark.parametrize("credit", ["", ", Daily Caller News Foundation", " | Reporter"])
def test_a_given_name_before_a_newspaper_word_is_a_person(name: str, credit: str) -> None:
    reading = read_byline(f"By {name}{credit}")
    assert reading is not None and reading.problem is None
    assert reading.names == (name,)


@pytest.mark.parametrize("name", OUTLETS)
def test_a_newspaper_name_stays_an_outlet(name: str) -> None:
    assert person_name(name) is None
    reading = read_byline(f"By {name}")
    assert reading is not None and not reading.names


def test_two_reporters_one_with_a_newspaper_word_surname() -> None:
    reading = read_byline("By Emily Post and Jane Doe")
    assert reading is not None and reading.names == ("Emily Post", "Jane Doe")


def test_a_pack_outlet_with_a_given_name_stays_an_outlet() -> None:
    assert person_name("Alex Times") == "Alex Times"
    assert person_name("Alex Times", outlets=frozenset({"alex times"})) is None


_BODY = "<p>The Senate passed the bill on Tuesday by a vote of 52 to 48 after a long debate over rural hospital funding.</p>"


def _dcnf_page(byline: str) -> str:
    return (
        "<html><body><article><h1>Senate passes the bill</h1>"
        '<img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo">'
        f'<p class="byline">{byline}</p>'
        f"{_BODY}</article></body></html>"
    )


def test_a_dcnf_reporter_called_emily_post_is_credited() -> None:
    report = check_html(_dcnf_page("By Emily Post, Daily Caller News Foundation"), packs=["dcnf"])
    assert not [f for f in report.findings if f.rule == "dcnf/byline"]
    assert [p for p in report.passed if p.rule == "dcnf/byline"]


@pytest.mark.parametrize("name", ["Ann Tribune", "Mary Herald"])
def test_a_dcnf_reporter_whose_given_name_is_a_far_towns_is_credited(name: str) -> None:
    report = check_html(_dcnf_page(f"By {name}, Daily Caller News Foundation"), packs=["dcnf"])
    assert not [f for f in report.findings if f.rule == "dcnf/byline"]
    assert [p for p in report.passed if p.rule == "dcnf/byline"]


def test_a_byline_naming_a_town_newspaper_is_still_reported() -> None:
    report = check_html(_dcnf_page("By Houston Chronicle"), packs=["dcnf"])
    findings = [f for f in report.findings if f.rule == "dcnf/byline"]
    assert findings and "names an outlet, not a reporter" in findings[0].message


def test_check_against_the_original_names_its_reporter(tmp_path: Path, cli: Any) -> None:
    original = write(tmp_path, "original.html", _dcnf_page("By Emily Post, Daily Caller News Foundation"))
    copy = write(tmp_path, "copy.html", _dcnf_page("By Emily Post, Daily Caller News Foundation"))
    run = cli("check", "--format", "json", "--pack", "dcnf", "--original", str(original), str(copy))
    (entry,) = run.json()["files"]
    assert not [f for f in entry["findings"] if f["rule"] in ("dcnf/byline", "dcnf/original-reporter")]


def test_fix_credits_the_originals_reporter(tmp_path: Path, cli: Any) -> None:
    original = write(tmp_path, "original.html", _dcnf_page("By Emily Post, Daily Caller News Foundation"))
    copy = write(tmp_path, "copy.html", _dcnf_page("").replace('<p class="byline"></p>', ""))
    run = cli("fix", "--original", str(original), str(copy))
    assert "By Emily Post, Daily Caller News Foundation" in run.out
    assert "needs the reporter's name" not in run.out + run.err
