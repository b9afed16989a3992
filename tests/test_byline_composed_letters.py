"""A byline whose accented letters are written decomposed (a base letter and a combining accent,
Unicode NFD, as some editors and macOS file names save them) is read as the letters it shows:
"José" written "Jose" + U+0301 is a name, not an outlet, and is credited composed (NFC)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from compliance.api import check_html
from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline
from tests.conftest import original_byline_pack

HEADLINE = "Water board raises groundwater rates for third year"
STORY = "The state water board voted on Tuesday to raise the rates that farms pay for groundwater, the third increase in as many years."


def _page(top: str) -> str:
    return f"<html><head><title>t</title></head><body><article><h1>{HEADLINE}</h1>{top}{f'<p>{STORY}</p>' * 3}</article></body></html>"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By José Martínez and Zoë Brontë, CalMatters", ("José Martínez", "Zoë Brontë"), "CalMatters"),
        ("By José Martínez", ("José Martínez",), ""),
        ("Por Inês Conceição, KFF Health News", ("Inês Conceição",), "KFF Health News"),
        ("Von Jürgen Müller und Anaïs Lefèvre", ("Jürgen Müller", "Anaïs Lefèvre"), ""),
        ("By Nguyễn Thị Minh Khai", ("Nguyễn Thị Minh Khai",), ""),
        ("By Ana Ruiz, Université de Montréal", ("Ana Ruiz",), "Université de Montréal"),
    ],
)
def test_a_decomposed_byline_reads_as_its_composed_twin(byline: str, names: tuple[str, ...], credit: str) -> None:
    composed = read_byline(byline)
    decomposed = read_byline(_nfd(byline))
    assert composed is not None and decomposed is not None
    assert (decomposed.names, decomposed.credit, decomposed.problem) == (names, credit, None)
    assert (decomposed.names, decomposed.credit) == (composed.names, composed.credit)


def test_a_decomposed_outlet_credit_stays_an_outlet_credit() -> None:
    reading = read_byline(_nfd("Por Redacción, CalMatters"))
    assert reading is not None
    assert (reading.names, reading.problem) == ((), "staff")


def test_the_page_credits_the_decomposed_names(tmp_path: Path) -> None:
    html = _page(f'<p class="byline">{_nfd("By José Martínez and Zoë Brontë, CalMatters")}</p>')
    (byline,) = story_bylines(parse_document(html, "html"))
    assert (byline.names, byline.reading.credit) == (("José Martínez", "Zoë Brontë"), "CalMatters")


@pytest.mark.parametrize("reporter", ["José Martínez", _nfd("José Martínez")])
def test_a_decomposed_byline_credits_the_originals_reporter(tmp_path: Path, reporter: str) -> None:
    html = _page(f'<p class="byline">{_nfd("By José Martínez")}</p>')
    report = check_html(html, packs=[original_byline_pack(tmp_path)], meta={"reporter": reporter}, detect=False)
    assert [p.rule for p in report.passed] == ["gz/rule"]
