"""An outlet's staff credit in every form ("Hill Country News staff", "Staff Report", "News Staff
Report", "News team", "News staff and wire reports") is a staff credit, never a reporter called
Hill Country, and `fix` puts the reporter's credit in place of the whole of it, and of the rest of
a wrong byline's credit after its name ("By Jane Doe, Hill Country News staff"), never leaving a
part of the old one. A courtesy, academic, religious, political or military title before a name
("Dr.", "Prof.", "Professor", "Rev.", "Capt.", "Lt. Col.", "Ms.") and a middle initial the
original lacks ("Maria E. Lopez" for "Maria Lopez") still credit the reporter; another person of
the same surname does not. Near-misses that must not change: "Jane Smith, Staff Writer" and
"Jane Smith Staff Reporter" name Jane Smith; "Professor Lopez" names no one; a sentence's full
stop still parts a byline ("By Mary Jones. Photos by Bob Lee")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.story import same_person
from compliance.document.byline_reading import read_byline

KFF = frozenset({"kff health news", "kaiser health news", "khn"})
ORIGINAL_URL = "https://kffhealthnews.org/news/article/rural-hospitals-cut-maternity-care/"
STORY = (
    "<p>More than a dozen rural hospitals have closed their labor and delivery units this year, according to a"
    ' <a href="https://www.kff.org/report/m">new analysis</a>.</p>\n'
    "<p>Expectant mothers in some counties now drive more than an hour to give birth.</p>\n"
)
TAGLINE = (
    "<p><em>KFF Health News is a national newsroom that produces in-depth journalism about health issues"
    " and is one of the core operating programs at KFF.</em></p>\n"
)


def _kff_original(tmp_path: Path, byline: str = "By Sarah Jane Tribble") -> Path:
    path = tmp_path / "original.html"
    path.write_text(
        f'<html><head><link rel="canonical" href="{ORIGINAL_URL}"></head><body><article>\n<h1>Rural hospitals cut maternity care</h1>\n'
        f'<p class="byline">{byline}</p>\n{STORY}</article></body></html>\n',
        encoding="utf-8",
    )
    return path


def _kff_copy(byline: str) -> str:
    return (
        f'<html><body><article>\n<h1>Rural hospitals cut maternity care</h1>\n<p class="byline">{byline}</p>\n{STORY}'
        f'<p>This article was originally published by <a href="{ORIGINAL_URL}">KFF Health News</a>.</p>\n{TAGLINE}</article></body></html>\n'
    )


def _rules(cli: Any, original: Path, copy: Path) -> dict[str, str]:
    entry = cli("check", "--pack", "kff-health-news", "--format", "json", "--original", str(original), str(copy)).json()["files"][0]
    return {f["rule"]: f["message"] for f in entry["findings"]}


# --- 1. The reader: an outlet's staff credit is no reporter -------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "By Hill Country News staff",
        "By Hill Country News Staff",
        "Hill Country News staff",
        "By Hill Country Staff Report",
        "By Hill Country News Staff Report",
        "By Hill Country News newsroom",
        "By Hill Country News team",
        "By Hill Country News Desk",
        "By Delta Morning Star staff",
        "By Hill Country News staff and wire reports",
        "By Staff of the Hill Country News",
        "Por la redacción de Hill Country Noticias",
    ],
)
def test_an_outlets_staff_credit_names_no_reporter(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.problem) == ((), "staff")


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("By Jane Smith, Staff Writer", "Jane Smith"),
        ("By Jane Smith Staff Writer", "Jane Smith"),
        ("By Jane Smith Staff Reporter", "Jane Smith"),
        ("By Jane Smith Staff and Wire Reports", "Jane Smith"),
        ("By Jane Smith, News Editor", "Jane Smith"),
        ("By Jane Doe, Hill Country News staff", "Jane Doe"),
    ],
)
def test_a_person_with_a_staff_title_or_an_outlets_staff_after_a_comma_is_still_named(byline: str, name: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == (name,)


# --- 2. The reader: a title before a full name is that person's ----------------------------------


@pytest.mark.parametrize(
    ("byline", "name", "credit"),
    [
        ("By Prof. Maria Lopez, University of Arizona", "Prof. Maria Lopez", "University of Arizona"),
        ("By Professor Maria Lopez, University of Arizona", "Professor Maria Lopez", "University of Arizona"),
        ("By Rev. Maria Lopez", "Rev. Maria Lopez", ""),
        ("By Capt. John Smith", "Capt. John Smith", ""),
        ("By Dr. Maria Lopez, University of Arizona", "Dr. Maria Lopez", "University of Arizona"),
        ("By Lt. Col. John Smith", "Lt. Col. John Smith", ""),
    ],
)
def test_a_title_before_a_full_name_keeps_the_person(byline: str, name: str, credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), credit)


def test_a_title_and_a_surname_alone_name_no_one_and_a_sentence_still_parts_a_byline() -> None:
    alone = read_byline("By Professor Lopez")
    assert alone is not None and alone.names == ()
    parted = read_byline("By Mary Jones. Photos by Bob Lee")
    assert parted is not None and parted.names == ("Mary Jones", "Bob Lee")


# --- 3. Comparing names: titles and a middle initial, not another person ------------------------


@pytest.mark.parametrize(
    ("credited", "expected", "same"),
    [
        ("Dr. Maria Lopez", "Maria Lopez", True),
        ("Prof. Maria Lopez", "Maria Lopez", True),
        ("Professor Maria Lopez", "Maria Lopez", True),
        ("Ms. Maria Lopez", "Dr. Maria Lopez", True),
        ("Lt. Col. John Smith", "John Smith", True),
        # officials' titles nameparser lacks: an op-ed's "By Sen. Maria Cantwell"
        ("Sen. Maria Lopez", "Maria Lopez", True),
        ("Del. Maria Lopez", "Maria Lopez", True),
        ("Supt. Maria Lopez", "Maria Lopez", True),
        ("Assemblymember Maria Lopez", "Maria Lopez", True),
        ("Councilwoman Maria Lopez", "Maria Lopez", True),
        ("SEN. MARIA LOPEZ", "Maria Lopez", True),
        ("Maria E. Lopez", "Maria Lopez", True),
        ("Maria E. Lopez", "Maria Elena Lopez", True),
        ("Dr. Sarah J. Tribble", "Sarah Jane Tribble", True),
        # another person of the same surname, or a name the original does not abbreviate so
        ("Dr. Ana Lopez", "Maria Lopez", False),
        ("Mario E. Lopez", "Maria Lopez", False),
        ("Dr. Lopez", "Maria Lopez", False),
        ("M. E. Lopez", "Maria Lopez", False),
        ("Maria E. Lopez", "Maria Xavier Lopez", False),
        ("Maria Elena Lopez", "Maria E. Lopez", False),
        ("Dean Lopez", "Maria Lopez", False),
        # without its full stop "Sen" is a given name, and a title with a surname alone names no one
        ("Sen Maria Lopez", "Maria Lopez", False),
        ("Sen. Lopez", "Maria Lopez", False),
    ],
)
def test_same_person_reads_titles_and_middle_initials_as_style(credited: str, expected: str, same: bool) -> None:
    assert same_person(credited, expected) is same


# --- 4. Through the CLI: KFF Health News' reporter rules and `fix` -------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "By Dr. Sarah Jane Tribble, KFF Health News",
        "By Prof. Sarah Jane Tribble, KFF Health News",
        "By Ms. Sarah Jane Tribble, KFF Health News",
        "By Sarah J. Tribble, KFF Health News",
    ],
)
def test_a_titled_or_abbreviated_reporter_credits_the_original(cli: Any, tmp_path: Path, byline: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_copy(byline), encoding="utf-8")
    assert _rules(cli, _kff_original(tmp_path), copy) == {}


def test_a_middle_initial_the_original_lacks_still_credits_the_reporter(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_copy("By Rev. Maria E. Lopez, KFF Health News"), encoding="utf-8")
    assert _rules(cli, _kff_original(tmp_path, "By Maria Lopez"), copy) == {}


def test_a_titled_person_of_the_same_surname_does_not(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_copy("By Dr. Ana Tribble, KFF Health News"), encoding="utf-8")
    assert "kff-health-news/original-reporter" in _rules(cli, _kff_original(tmp_path), copy)


@pytest.mark.parametrize("staff", ["Hill Country News staff", "Hill Country Staff Report", "Delta Morning Star team"])
def test_an_outlets_staff_byline_is_told_as_a_staff_credit(cli: Any, tmp_path: Path, staff: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_copy(f"By {staff}"), encoding="utf-8")
    found = _rules(cli, _kff_original(tmp_path), copy)
    assert f"byline 'By {staff}' is a staff credit, not a reporter" in found["creative-commons/author"]
    assert "kff-health-news/original-reporter" in found


@pytest.mark.parametrize(
    ("byline", "fixed"),
    [
        ("By Hill Country News staff", "By Sarah Jane Tribble, KFF Health News"),
        ("By Hill Country Staff Report", "By Sarah Jane Tribble, KFF Health News"),
        ("By Jane Doe, Hill Country News staff", "By Sarah Jane Tribble, KFF Health News"),
        ("By Jane Doe and Hill Country News staff", "By Sarah Jane Tribble, KFF Health News"),
        ("By Jane Doe, Staff Writer · June 21", "By Sarah Jane Tribble, KFF Health News · June 21"),
        # the name's link to Jane Doe's author page goes with her name
        (
            'By <a href="/author/jane-doe/">Jane Doe</a>, Hill Country News staff · June 21',
            "By Sarah Jane Tribble, KFF Health News · June 21",
        ),
        # the affiliation the credit adds is there: the name alone is replaced
        ("By Jane Doe, KFF Health News", "By Sarah Jane Tribble, KFF Health News"),
    ],
)
def test_fix_replaces_the_whole_wrong_credit(cli: Any, tmp_path: Path, byline: str, fixed: str) -> None:
    original = _kff_original(tmp_path)
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_copy(byline), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "kff-health-news", "--original", str(original), str(copy))
    assert copy.read_text(encoding="utf-8") == _kff_copy(fixed), run.err
    assert _rules(cli, original, copy) == {}


def test_fix_does_not_replace_a_credit_written_before_the_name(cli: Any, tmp_path: Path) -> None:
    # "Hill Country News | Jane Doe": the outlet before the name is not found after it, so no part
    # of the byline is rewritten, nor a second byline put in beside it: the fix says what to write.
    original = _kff_original(tmp_path)
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_copy("Hill Country News | Jane Doe"), encoding="utf-8")
    run = cli("fix", "--pack", "kff-health-news", "--original", str(original), str(copy))
    assert 'inserted \'<p class="byline">By Sarah Jane Tribble' not in run.err
    assert "write 'By Sarah Jane Tribble, KFF Health News' in place of 'Hill Country News | Jane Doe'" in run.err
