"""`syndcheck fix` with a `reporter` value that gives an outlet or a role after the name
(`--meta reporter='Jane Doe, Reuters'`): the name is read as a byline's is (the byline reader), and
the credit the fix writes names the person alone with the affiliation the pack's terms ask for,
never the other outlet beside it ("By Jane Doe, Reuters, Daily Caller News Foundation"); the
note says what was left out. A value that is names alone is written as given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.checks.original_byline import reporters_and_credit

STORY = "A Senate committee voted 12-10 on Thursday to advance a border security bill after four hours of debate."
LOGO = "https://dailycallernewsfoundation.org/logo.png"
BARE = f"# Border bill moves forward\n\n{STORY}\n"


@pytest.mark.parametrize(
    ("value", "names", "credit"),
    [
        ("Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
        ("Jane Doe of Reuters", ("Jane Doe",), "Reuters"),
        ("Jane Doe (Reuters)", ("Jane Doe",), "Reuters"),
        ("Jane Doe, Staff Writer", ("Jane Doe",), "Staff Writer"),
        ("Jane Doe and John Roe, Reuters", ("Jane Doe", "John Roe"), "Reuters"),
        # names alone: nothing after them
        ("Jane Doe", ("Jane Doe",), ""),
        ("Jake Smith, Jr.", ("Jake Smith Jr.",), ""),
        ("Jake Smith, Ana Ruiz", ("Jake Smith", "Ana Ruiz"), ""),
        ("Smith, Jake", ("Smith, Jake",), ""),
    ],
)
def test_a_reporter_value_is_read_as_names_and_what_follows_them(value: str, names: tuple[str, ...], credit: str) -> None:
    assert reporters_and_credit(value) == (names, credit)


def _fix(cli: Any, tmp_path: Path, reporter: str) -> tuple[str, str]:
    copy = tmp_path / "copy.md"
    copy.write_text(BARE, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", f"--meta=reporter={reporter}", f"--meta=logo-url={LOGO}", str(copy))
    return copy.read_text(encoding="utf-8"), run.err


@pytest.mark.parametrize(
    ("reporter", "written", "left_out"),
    [
        ("Jane Doe, Reuters", "By Jane Doe, Daily Caller News Foundation", "Reuters"),
        ("Jane Doe of Reuters", "By Jane Doe, Daily Caller News Foundation", "Reuters"),
        ("Jane Doe (Reuters)", "By Jane Doe, Daily Caller News Foundation", "Reuters"),
        ("Jane Doe, Reuters Staff Writer", "By Jane Doe, Daily Caller News Foundation", "Reuters Staff Writer"),
        ("Jane Doe and John Roe, Reuters", "By Jane Doe and John Roe, Daily Caller News Foundation", "Reuters"),
        # the for-profit Daily Caller is another outlet, however the words overlap DCNF's name
        ("Jane Doe, Daily Caller", "By Jane Doe, Daily Caller News Foundation", "Daily Caller"),
        ("Jane Doe of The Daily Caller", "By Jane Doe, Daily Caller News Foundation", "The Daily Caller"),
        # a pasted opener goes too
        ("By Jane Doe, Reuters", "By Jane Doe, Daily Caller News Foundation", "Reuters"),
    ],
)
def test_an_outlet_or_role_after_the_name_gives_way_to_the_packs_affiliation(cli: Any, tmp_path: Path, reporter: str, written: str, left_out: str) -> None:
    fixed, said = _fix(cli, tmp_path, reporter)
    assert f"\n{written}\n" in fixed, said
    assert left_out not in fixed.replace("Daily Caller News Foundation", "")
    names = written.removeprefix("By ").removesuffix(", Daily Caller News Foundation")
    assert (
        f"fixed dcnf/byline: inserted '{written}' after the headline, where a byline goes (the article has no DCNF logo to put it after) ("
        f"credited '{names}' with the affiliation the terms ask for: '{left_out}', which the reporter given ('{reporter}') adds after the name, is left out)"
    ) in said


@pytest.mark.parametrize(
    ("reporter", "written"),
    [
        # the pack's own affiliation given with the name: written once, nothing said
        ("Jane Doe, Daily Caller News Foundation", "By Jane Doe, Daily Caller News Foundation"),
        # in any form the pack's affiliation pattern reads as DCNF's
        ("Jane Doe, DCNF", "By Jane Doe, Daily Caller News Foundation"),
        ("Jane Doe for the Daily Caller News Foundation", "By Jane Doe, Daily Caller News Foundation"),
        ("Jane Doe of the Daily Caller News Foundation", "By Jane Doe, Daily Caller News Foundation"),
        # a byline's opener pasted with the name, in the languages the byline reader knows
        ("By Jane Doe", "By Jane Doe, Daily Caller News Foundation"),
        ("by Jane Doe", "By Jane Doe, Daily Caller News Foundation"),
        ("Por Ana Ruiz", "By Ana Ruiz, Daily Caller News Foundation"),
        ("oleh Budi Santoso", "By Budi Santoso, Daily Caller News Foundation"),
        ("Written by Jane Doe", "By Jane Doe, Daily Caller News Foundation"),
        # a name that starts with a word an opener may be is the name
        ("Von Miller", "By Von Miller, Daily Caller News Foundation"),
        ("Da Silva Pereira", "By Da Silva Pereira, Daily Caller News Foundation"),
        ("Oleh Kovalenko", "By Oleh Kovalenko, Daily Caller News Foundation"),
        ("Di Nguyen", "By Di Nguyen, Daily Caller News Foundation"),
        # names alone, a suffix too, are written as given
        ("Jane Doe", "By Jane Doe, Daily Caller News Foundation"),
        ("Jake Smith, Jr.", "By Jake Smith, Jr., Daily Caller News Foundation"),
        ("Jake Smith and Ana Ruiz", "By Jake Smith and Ana Ruiz, Daily Caller News Foundation"),
    ],
)
def test_names_alone_and_the_packs_own_affiliation_are_written_without_a_note(cli: Any, tmp_path: Path, reporter: str, written: str) -> None:
    fixed, said = _fix(cli, tmp_path, reporter)
    assert f"\n{written}\n" in fixed, said
    assert "is left out" not in said


def test_a_wrong_name_in_the_byline_is_replaced_by_the_name_alone(cli: Any, tmp_path: Path) -> None:
    # The name given in place of another person's: the byline's own affiliation kept, the other
    # outlet of the value not put into it.
    copy = tmp_path / "copy.html"
    page = (
        f'<html><body><article>\n<h1>Border bill moves forward</h1>\n<p><img src="{LOGO}" alt="Daily Caller News Foundation logo"></p>\n'
        '<p class="byline">By Sam Li, Daily Caller News Foundation</p>\n'
        f"<p>{STORY}</p>\n</article></body></html>\n"
    )
    copy.write_text(page, encoding="utf-8")
    run = cli("fix", "--write", "--pack", "dcnf", "--meta=reporter=Hailey Norwood, Reuters", str(copy))
    assert copy.read_text(encoding="utf-8") == page.replace("Sam Li", "Hailey Norwood"), run.err
    assert "replaced 'Sam Li' in the byline with 'Hailey Norwood'" in run.err and "'Reuters', which the reporter given" in run.err
