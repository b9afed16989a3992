"""Names transliterated from Arabic write the article and the words of descent in lower case,
hyphened to the capitalised part ("Ahmed al-Rashid", "Omar el-Sayed", "Hassan bin-Talal"), or
glued to it with an inner capital ("Mohamed ElBaradei"): each is a person's name. Before, the
byline was read as an outlet's name, and a story by such a reporter failed as crediting none, or
lost its second author ("By Ana Ruiz and Ahmed al-Rashid")."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.checks.story import same_person
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline

NAMES = ["Ahmed al-Rashid", "Omar el-Sayed", "Hassan bin-Talal", "Yusuf ibn-Khalid", "Nour ash-Shami", "Ali abu-Bakr", "Mohamed ElBaradei", "Layla Al-Masri"]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_with_an_arabic_particle_is_a_person(name: str) -> None:
    reading = read_byline(f"By {name}")
    assert reading is not None and (reading.names, reading.problem) == ((name,), None)


@pytest.mark.parametrize("name", NAMES)
def test_with_an_outlet_and_beside_another_author(name: str) -> None:
    with_outlet = read_byline(f"By {name}, CalMatters")
    assert with_outlet is not None and (with_outlet.names, with_outlet.credit) == ((name,), "CalMatters")
    two = read_byline(f"By Ana Ruiz and {name}")
    assert two is not None and two.names == ("Ana Ruiz", name)


@pytest.mark.parametrize(
    "line",
    ["By al-Rashid", "By Ahmed al-rashid", "By AlJazeera", "By the al-Qaeda affiliate", "By Ahmed an-Nur Staff"],
)
def test_a_particle_alone_a_lower_case_surname_or_a_credit_names_no_one(line: str) -> None:
    reading = read_byline(line)
    assert reading is not None and reading.names == ()


def test_on_a_page_and_compared_with_the_original_s_spelling() -> None:
    page = (
        "<html><body><article><h1>Water board raises groundwater rates</h1>"
        '<p class="byline">By Ahmed al-Rashid and Layla Al-Masri</p>'
        "<p>The state water board voted on Tuesday to raise the rates that farms pay for groundwater.</p></article></body></html>"
    )
    (byline,) = story_bylines(parse_document(page, "html"))
    assert byline.names == ("Ahmed al-Rashid", "Layla Al-Masri")
    assert same_person("Ahmed al-Rashid", "Ahmed Al-Rashid")
