"""A byline without a comma whose name has a middle name or a second surname keeps the whole name
before its job title: "Jake Robert Smith Contributor", "Juan García López Staff Writer", "Mary
Ann Evans business reporter" name Jake Robert Smith, Juan García López and Mary Ann Evans, not
"Jake Robert" of a "Smith Contributor" (which made the original-reporter rules say the byline does
not name the reporter). A word moves into the name when the name so far ends in a given name, or
the word is shaped as only a surname is (accented, hyphened, "McDonald", "O'Brien", "Lopez"), and
what is left is a title of known words. Near misses that keep their reading: a beat, desk or place
before the role noun ("Maria Lopez Energy Reporter", "Jane Martin Travel Writer", "Ana Lee Europe
Editor"), a Title Case headline ("Jake Robert Smith Joins As Contributor"), a staff credit, an
outlet's name, a role alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline

NAMES = [
    "Jake Robert Smith",
    "Mary Ann Evans",
    "María José García",
    "Juan García López",
    "Juan Garcia Lopez",
    "Ana Ruiz Smith-Jones",
    "Ana Ruiz O'Brien",
    "Kim Lee Park",
    "Ana María García López",
    "Jake Robert Smith Jr.",
]
ROLES = ["Contributor", "Staff Writer", "Senior Editor", "business reporter", "Correspondent", "Chief Political Correspondent"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("opener", ["", "By "])
def test_the_whole_name_is_read_before_a_role(name: str, role: str, opener: str) -> None:
    reading = read_byline(f"{opener}{name} {role}")
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), role)


@pytest.mark.parametrize(
    ("line", "name", "credit"),
    [
        ("JAKE ROBERT SMITH CONTRIBUTOR", "JAKE ROBERT SMITH", "CONTRIBUTOR"),
        ("JUAN GARCÍA LÓPEZ STAFF WRITER", "JUAN GARCÍA LÓPEZ", "STAFF WRITER"),
        ("Jake Robert Smith staff writer", "Jake Robert Smith", "staff writer"),
        ("Ana van der Berg Staff Writer", "Ana van der Berg", "Staff Writer"),
        ("Jake Robert de la Cruz Correspondent", "Jake Robert de la Cruz", "Correspondent"),
        ("Ana Ruiz McDonald Contributor", "Ana Ruiz McDonald", "Contributor"),
        ("Ana Ruiz Hernández-Pérez Senior Editor", "Ana Ruiz Hernández-Pérez", "Senior Editor"),
        ("Jake Robert Smith MPH Contributor", "Jake Robert Smith", "MPH Contributor"),
        ("Jake Robert Smith, Contributor", "Jake Robert Smith", "Contributor"),
    ],
)
def test_case_particles_and_surname_shapes(line: str, name: str, credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), credit)


def test_a_role_shared_by_several_names_keeps_the_last_ones_surname() -> None:
    reading = read_byline("By Jake Robert Smith and Ana Lee Park Contributors")
    assert reading is not None
    assert (reading.names, reading.credit) == (("Jake Robert Smith", "Ana Lee Park"), "Contributors")


@pytest.mark.parametrize(
    ("line", "name", "credit"),
    [
        # A beat, desk, section or place before the role noun is the title's.
        ("Maria Lopez Energy Reporter", "Maria Lopez", "Energy Reporter"),
        ("Jane Martin Travel Writer", "Jane Martin", "Travel Writer"),
        ("Jake Thomas Games Editor", "Jake Thomas", "Games Editor"),
        ("Jane Martin Photo Editor", "Jane Martin", "Photo Editor"),
        ("Ana Lee Metro Reporter", "Ana Lee", "Metro Reporter"),
        ("Ana Lee Europe Editor", "Ana Lee", "Europe Editor"),
        ("Jane Martin Washington Correspondent", "Jane Martin", "Washington Correspondent"),
        ("Jake Smith Capitol Hill Reporter", "Jake Smith", "Capitol Hill Reporter"),
        ("Jake Smith Energy Policy Contributor", "Jake Smith", "Energy Policy Contributor"),
        # A surname that is no given name, before a word of unknown kind: no evidence of more name.
        ("Jake Smith Food Editor", "Jake Smith", "Food Editor"),
        ("Jake Smith Contributor", "Jake Smith", "Contributor"),
        # A Title Case headline's words after the name are no title: read as before.
        ("Jake Robert Smith Joins As Contributor", "Jake Robert", "Smith Joins As Contributor"),
        ("Mary Ann Evans Named Senior Editor", "Mary Ann", "Evans Named Senior Editor"),
    ],
)
def test_a_title_after_a_two_word_name_stays_the_titles(line: str, name: str, credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), credit)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Staff Report", "staff"),
        ("By Hill Country Staff Report", "staff"),
        ("Daily Caller News Foundation Staff", "staff"),
        ("Fort Worth Report", "outlet"),
        ("Senior Editor", "role"),
        ("Contributor", "role"),
        ("Senior White House Correspondent", "role"),
    ],
)
def test_no_person_is_still_no_person(line: str, problem: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.problem) == ((), problem)


# --- The document's byline, in each place a byline stands ---------------------------------------

BODY = "The city council delayed its vote on the budget on Tuesday, the third delay this year, as members argued over the plan."


def _html(line: str, classes: str) -> str:
    return f'<html><body><article><h1>Council delays the budget vote</h1><p class="{classes}">{line}</p><p>{BODY}</p></article></body></html>'


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        (_html("LINE", "byline"), "html"),
        (_html("LINE", "author"), "html"),
        (_html("LINE", "meta"), "html"),
        (f"Council delays the budget vote\n\nLINE\n\n{BODY}\n", "text"),
        (f"# Council delays the budget vote\n\nLINE\n\n{BODY}\n", "markdown"),
    ],
)
@pytest.mark.parametrize(("line", "name"), [("Jake Robert Smith Contributor", "Jake Robert Smith"), ("Juan García López Staff Writer", "Juan García López")])
def test_the_page_credits_the_whole_name(source: str, kind: str, line: str, name: str) -> None:
    bylines = story_bylines(parse_document(source.replace("LINE", line), kind))
    assert [b.names for b in bylines if b.names] == [(name,)]


# --- Through the CLI: the original-reporter rule ------------------------------------------------

ORIGINAL_URL = "https://kffhealthnews.org/news/article/rural-hospitals-cut-maternity-care/"
STORY = "<p>More than a dozen rural hospitals have closed their labor and delivery units this year.</p>\n<p>Expectant mothers now drive an hour.</p>\n"


def _reporter_rule(cli: Any, tmp_path: Path, original_byline: str, byline: str) -> bool:
    """Whether kff-health-news/original-reporter fails for a copy bylined `byline` of a story bylined `original_byline`."""
    original = tmp_path / "original.html"
    original.write_text(
        f'<html><head><link rel="canonical" href="{ORIGINAL_URL}"></head><body><article>\n<h1>Rural hospitals cut maternity care</h1>\n'
        f'<p class="byline">{original_byline}</p>\n{STORY}</article></body></html>\n',
        encoding="utf-8",
    )
    copy = tmp_path / "copy.html"
    copy.write_text(
        f'<html><body><article>\n<h1>Rural hospitals cut maternity care</h1>\n<p class="byline">{byline}</p>\n{STORY}'
        f'<p>This article was originally published by <a href="{ORIGINAL_URL}">KFF Health News</a>.</p>\n</article></body></html>\n',
        encoding="utf-8",
    )
    entry = cli("check", "--pack", "kff-health-news", "--format", "json", "--original", str(original), str(copy)).json()["files"][0]
    failed = {f["rule"] for f in entry["findings"]}
    assert "kff-health-news/original-reporter" in failed | {p["rule"] for p in entry["passed"]}, entry
    return "kff-health-news/original-reporter" in failed


@pytest.mark.parametrize(
    ("original", "byline"),
    [
        ("By Sarah Jane Tribble", "Sarah Jane Tribble Contributor"),
        ("By Sarah Jane Tribble", "Sarah Jane Tribble Senior Correspondent"),
        ("By Juan García López", "Juan García López Staff Writer"),
    ],
)
def test_the_reporter_named_whole_before_a_role_is_credited(cli: Any, tmp_path: Path, original: str, byline: str) -> None:
    assert not _reporter_rule(cli, tmp_path, original, byline)


@pytest.mark.parametrize(
    ("original", "byline"),
    [
        ("By Sarah Jane Tribble", "Sarah Jane Contributor"),
        ("By Juan García López", "Juan García Staff Writer"),
    ],
)
def test_a_name_without_its_surname_is_still_not_the_reporter(cli: Any, tmp_path: Path, original: str, byline: str) -> None:
    assert _reporter_rule(cli, tmp_path, original, byline)
