"""An author box's bio read as the byline it amounts to: "About the author / NAME is an energy
reporter for the Daily Caller News Foundation." credits NAME with the outlet, and the box's heading
is no part of the credit. A bio sentence counts only in byline markup (an author box) or under
such a heading; a paragraph of the story that says who someone is stays prose."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import read_byline

DCNF_LOGO = '<p><img src="https://dailycallernewsfoundation.org/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60"></p>'
BODY = (
    "<p>Senate Republicans on Tuesday pressed the Department of Energy to explain a string of efficiency rules.</p>"
    "<p>The letter, signed by 14 senators, asks the agency for the cost estimates it used.</p>"
)


@pytest.mark.parametrize(
    ("text", "names", "affiliation"),
    [
        ("About the author\nNick Pope is an energy reporter for the Daily Caller News Foundation.", ("Nick Pope",), "Daily Caller News Foundation"),
        ("About the author: Nick Pope is a staff writer at The Texas Tribune. He covers the Legislature.", ("Nick Pope",), "The Texas Tribune"),
        ("Sobre el autor: Ana Ruiz is a correspondent for CalMatters", ("Ana Ruiz",), "CalMatters"),
        ("About the author: Nick Pope", ("Nick Pope",), ""),
        ("About the authors\nNick Pope and Jane Doe", ("Nick Pope", "Jane Doe"), ""),
    ],
)
def test_an_author_boxs_bio_names_the_person_and_the_outlet(text: str, names: tuple[str, ...], affiliation: str) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert reading.names == names
    assert reading.credit.endswith(affiliation)
    assert "About" not in reading.credit and "Sobre" not in reading.credit


@pytest.mark.parametrize(
    "text",
    [
        # Prose of the story, read as a plain paragraph: who someone is, not a credit.
        "Jane Doe is a reporter for the Daily Caller News Foundation.",
        "Nick Pope is an energy reporter.",
        # A bio whose "role" is no job.
        "The city is a partner for the Daily Caller News Foundation.",
    ],
)
def test_a_sentence_of_prose_is_no_byline(text: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is None or not reading.names


def test_a_dcnf_story_credited_in_an_author_box_passes_the_byline_and_affiliation_rules() -> None:
    box = '<div class="author-box"><h4>About the author</h4><p><strong>Nick Pope</strong> is an energy reporter for the Daily Caller News Foundation.</p></div>'
    report = check_html(f"<html><body><article><h1>Senators press Energy Department</h1>{DCNF_LOGO}{BODY}{box}</article></body></html>", packs=["dcnf"])
    assert [f.rule for f in report.findings if f.rule in ("dcnf/byline", "dcnf/affiliation")] == []
    assert {"dcnf/byline", "dcnf/affiliation"} <= {p.rule for p in report.passed}


def test_an_author_box_bio_without_the_affiliation_is_asked_for_it() -> None:
    box = '<div class="author-box"><h4>About the author</h4><p><strong>Nick Pope</strong> is an energy reporter.</p></div>'
    report = check_html(f"<html><body><article><h1>Senators press Energy Department</h1>{BODY}{box}</article></body></html>", packs=["dcnf"])
    messages = {f.rule: f.message for f in report.findings}
    assert "dcnf/byline" not in messages
    assert messages["dcnf/affiliation"] == "The byline does not tie Nick Pope to the Daily Caller News Foundation."


def test_the_readme_shows_the_author_box_example_as_read() -> None:
    from tests.conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    example = "About the author / Nick Pope is an energy reporter for the Daily Caller News Foundation."
    assert f'"{example}" credits Nick Pope with the foundation' in readme
    reading = read_byline(example.replace(" / ", "\n"))
    assert reading is not None and reading.names == ("Nick Pope",)
    assert reading.credit == "energy reporter, the Daily Caller News Foundation"


@pytest.mark.parametrize(
    "bio",
    [
        "Nick Pope covers energy for the Daily Caller News Foundation.",
        "Nick Pope writes for the Daily Caller News Foundation.",
        "Nick Pope reports on energy for the Daily Caller News Foundation. He lives in Washington.",
    ],
)
def test_a_bio_told_by_the_work_names_the_person_and_the_outlet(bio: str) -> None:
    reading = read_byline(f"About the author\n{bio}")
    assert reading is not None and reading.names == ("Nick Pope",)
    assert reading.credit == "the Daily Caller News Foundation"
    # As a paragraph of the story it is prose.
    prose = read_byline(bio, require_prefix=True)
    assert prose is None or not prose.names


# An author box that names no person: a sentence about the outlet or a body, or one that names
# its subject only by a pronoun, is no byline (it was quoted as one, "names an outlet").
NO_ONE_BOXES = [
    "The Daily Caller News Foundation is an independent nonprofit newswire that offers its content free to legitimate news publishers.",
    "The Daily Caller News Foundation is an independent nonprofit newswire.",
    "About the author: The Daily Caller News Foundation is a nonprofit newswire.",
    "The DCNF covers politics, energy and culture for news publishers across the country.",
    "He covers energy and the environment.",
]


@pytest.mark.parametrize("text", NO_ONE_BOXES)
def test_an_author_box_about_no_person_is_no_byline(text: str) -> None:
    assert read_byline(text) is None


@pytest.mark.parametrize("text", NO_ONE_BOXES[:2])
def test_a_dcnf_page_whose_author_box_names_no_person_has_no_byline(text: str) -> None:
    box = f'<div class="author-bio"><p>{text}</p></div>'
    report = check_html(f"<html><body><article><h1>Senators press Energy Department</h1>{DCNF_LOGO}{BODY}{box}</article></body></html>", packs=["dcnf"])
    (byline,) = [f for f in report.findings if f.rule == "dcnf/byline"]
    assert byline.message == "The DCNF reporter is not credited by name (no visible byline found in the article)."


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A box whose sentence's subject is a person.
        ("Nick Pope is an independent journalist.", ("Nick Pope",)),
        ("Nick Pope covers energy for the Daily Caller News Foundation.", ("Nick Pope",)),
        ("About the author: Nick Pope is an energy reporter.", ("Nick Pope",)),
    ],
)
def test_an_author_box_about_a_person_still_names_them(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize(
    "text",
    [
        "Published by the Daily Caller News Foundation in 2019, the report found that most grants went to Texas.",
        "Written by the Texas Tribune last year, the guide was updated twice.",
    ],
)
def test_prose_opening_with_a_credits_words_is_no_byline(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize("text", ["By the Associated Press.", "By Staff, Daily Caller News Foundation."])
def test_a_short_credit_ending_with_a_full_stop_is_still_a_byline(text: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and not reading.names and reading.problem in ("outlet", "staff")
