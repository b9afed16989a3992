"""A compiler gathered the story from others' reports (a wire's, the desk's): "Compiled by B" credits
a part of the work, as "Photos by B" and "Translated by B" do, not the story's reporter, in the
byline as in the comparison with the original's reporters; so do two parts' roles joined before
one "by" ("Photos and video by B", "Compiled and edited by B"), while an author's role joined to
a part's ("Text and photos by A") stays an author's credit."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import credited_for_a_part, credits_only_a_part, is_part_credit, read_byline
from tests.conftest import original_byline_pack

A, B = "Ines Harlow", "Mateo Ruskin"
STORY = "<p>The county closed the old river bridge on Monday for six months of repairs, officials said.</p>"


def _page(byline: str) -> str:
    return f'<html><body><article><h1>County closes the old river bridge</h1><p class="byline">{byline}</p>{STORY}</article></body></html>'


COMPILER_AND_JOINED_CREDITS = [
    "Compiled by",
    "compiled by",
    "Compiled and edited by",
    "Photos and video by",
    "Fotos y video de",
    "Recopilado por",
    "Compilé par",
    "Zusammengestellt von",
    "Samengesteld door",
]


@pytest.mark.parametrize("role", COMPILER_AND_JOINED_CREDITS)
def test_a_compilers_credit_alone_names_no_author(role: str) -> None:
    line = f"{role} {B}"
    reading = read_byline(line)
    assert (reading.names if reading is not None else ()) == ()
    assert is_part_credit(line)
    assert credits_only_a_part(line)


@pytest.mark.parametrize("line", [f"Text and photos by {A}", f"Reporting and photos by {A}", f"By {A}; compiled by {B}", f"Written and compiled by {A}"])
def test_an_authors_role_keeps_the_credit_an_authors(line: str) -> None:
    assert not credits_only_a_part(line)
    reading = read_byline(line)
    assert reading is not None and reading.names[0] == A
    assert not credited_for_a_part(line, A)


@pytest.mark.parametrize("line", [f"By {A}; compiled by {B}", f"Reporting by {A}. Compiled by {B}", f"By {A} | Compiled and edited by {B}"])
def test_a_compiler_beside_the_author_is_credited_for_a_part(line: str) -> None:
    assert credited_for_a_part(line, B)
    assert not credited_for_a_part(line, A)


@pytest.mark.parametrize(
    ("byline", "passes"),
    [
        (f"By {A}", True),
        (f"By {A}; compiled by {B}", True),
        (f"Compiled by {A}", False),
        (f"Compiled and edited by {A}", False),
        (f"Photos and video by {A}", False),
        (f"By {B}; compiled by {A}", False),
        (f"Text and photos by {A}", True),
    ],
)
def test_a_compiler_is_not_the_originals_reporter(tmp_path: Path, byline: str, passes: bool) -> None:
    report = check_html(_page(byline), packs=[original_byline_pack(tmp_path)], meta={"reporter": A}, detect=False)
    assert [p.rule for p in report.passed] == (["gz/rule"] if passes else [])


def test_a_page_credited_only_to_a_compiler_misses_its_author() -> None:
    report = check_html(_page(f"Compiled by {B}, Valley Watch"), packs=["republication-tracker"])
    messages = [f.message for f in report.findings if f.rule == "creative-commons/author"]
    assert len(messages) == 1
    assert "compiler: the story's author is missing" in messages[0], messages[0]
