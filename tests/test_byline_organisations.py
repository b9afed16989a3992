"""A byline that credits an organisation or a programme is no person's, where a pack needs one:
a person is credited by a given name, and a title's head word that opens no name ("Head",
"Lead") is none, right after the opener too ("By Head Start"), as after a name ("Priya
Ashcombe, Head Start"); a preposition or "the" inside a would-be name ("Teach For America") is in
an organisation's name, never a person's. Staff, wire and outlet credits stay what they were."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_text
from compliance.document.byline_reading import read_byline

ORGANISATIONS = [
    "By Head Start",
    "By Head Start, ProPublica",
    "By Lead Generation",
    "By Lead Forward",
    "By Teach For America",
    "By Doctors Without Borders",
    "By Friends Of The Earth",
    "By Bureau Of Labor Statistics",
    "By Voices Against Violence",
]


@pytest.mark.parametrize("byline", ORGANISATIONS)
def test_an_organisation_or_programme_is_no_person(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert reading.names == ()
    assert reading.problem == "outlet"


CREDITS = [("By Staff", "staff"), ("By The Associated Press", "outlet"), ("By KFF Health News", "outlet")]


@pytest.mark.parametrize(("byline", "problem"), CREDITS)
def test_staff_wire_and_outlet_credits_are_no_person(byline: str, problem: str) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == () and reading.problem == problem


PEOPLE = [
    ("By Jonathan Head, BBC News", ("Jonathan Head",)),
    ("By Anna Lead and Tom Dean", ("Anna Lead", "Tom Dean")),
    ("By Maria de la Cruz", ("Maria de la Cruz",)),
    ("By Tom Van Der Berg", ("Tom Van Der Berg",)),
    ("By Nguyen Van An", ("Nguyen Van An",)),
    ("By To Lam", ("To Lam",)),
    ("By Kim In Ho", ("Kim In Ho",)),
    ("By Hollis Brandt, ProPublica", ("Hollis Brandt",)),
]


@pytest.mark.parametrize(("byline", "names"), PEOPLE)
def test_people_whose_names_hold_such_words_stay_people(byline: str, names: tuple[str, ...]) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.problem is None
    assert reading.names == names


STORY = (
    '<p><em>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</em></p>'
    "<p>On the morning of March 14, an inspector signed off on 41 welds along a new gas line.</p>"
    '<script src="https://pixel.propublica.org/pixel.js" async></script>'
)


@pytest.mark.parametrize("credit", ["Head Start", "Teach For America"])
def test_a_pack_that_needs_the_reporter_fails_an_organisation_s_byline(credit: str) -> None:
    page = f'<html><body><article><h1>Welds</h1><p class="byline">By {credit}, ProPublica</p>{STORY}</article></body></html>'
    report = check_html(page, packs=["propublica"])
    (author,) = [f for f in report.findings if f.rule == "creative-commons/author"]
    assert f"byline 'By {credit}, ProPublica' names an outlet, not a reporter" in author.message
    text = check_text(f"Welds\n\nBy {credit}\n\nThis story was originally published by ProPublica.\n\nThe story.\n", packs=["propublica"])
    assert any(f.rule == "creative-commons/author" for f in text.findings)


# --- A civic body's or a club's name: its last word is no surname ------------------------------

CIVIC_BODIES = [
    "Sierra Club",
    "Sierra Club Foundation",
    "Rotary Club",
    "Amnesty International",
    "Farmers Union",
    "Environmental Defense Fund",
    "National Trust",
    "Texas Farm Bureau Federation",
    "California Coastal Commission",
    "Black Caucus",
]


@pytest.mark.parametrize("body", CIVIC_BODIES)
def test_a_civic_body_after_by_credits_no_person(body: str) -> None:
    reading = read_byline(f"By {body}")
    assert reading is not None
    assert (reading.names, reading.problem) == ((), "outlet")


@pytest.mark.parametrize("body", CIVIC_BODIES)
def test_a_civic_body_after_a_name_is_that_person_s_affiliation_not_a_second_person(body: str) -> None:
    reading = read_byline(f"By Ana Ruiz, {body}")
    assert reading is not None
    assert (reading.names, reading.credit, reading.institutions) == (("Ana Ruiz",), body, (body,))
    together = read_byline(f"By Ana Ruiz and Ben Cole, {body}")
    assert together is not None
    assert (together.names, together.institutions) == (("Ana Ruiz", "Ben Cole"), (body, body))


def test_a_pack_that_needs_the_reporter_fails_a_civic_body_s_byline() -> None:
    page = f'<html><body><article><h1>Welds</h1><p class="byline">By Sierra Club</p>{STORY}</article></body></html>'
    report = check_html(page, packs=["propublica"])
    (author,) = [f for f in report.findings if f.rule == "creative-commons/author"]
    assert "byline 'By Sierra Club' names an outlet, not a reporter" in author.message
