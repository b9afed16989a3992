"""A byline an opinion section labels with the kind of piece ("Opinion by NAME", "Commentary by",
"Perspective by", "Column by", "Essay by", "Review by", "Op-ed by", "Guest column by", "A column
by") or a contributor's ("Contributed by") credits NAME as "By NAME" does, with what
follows it (a job title, an outlet); so does a CMS's posting line, Drupal's "Submitted by NAME on
DATE". Before, the label and the name were read as one outlet's name, and the story as having no
reporter. A label before a dash ("Review — By NAME") stays a kicker, and a part's credit ("Photos
by NAME") stays no author's."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import credits_only_a_part, read_byline

BODY = (
    "<p>SACRAMENTO — The state water board voted 4-1 on Tuesday to raise the rates that farms pay for"
    " groundwater, the third increase in as many years.</p>"
    "<p>Growers in the San Joaquin Valley said the new rates would push smaller operations out of business.</p>"
)


def _page(meta: str) -> str:
    return (
        "<!doctype html><html><head><title>t</title></head><body><main><article>"
        f"<h1>Water board raises groundwater rates for third year</h1>{meta}{BODY}</article></main></body></html>"
    )


def _credited(meta: str) -> tuple[tuple[str, ...], str]:
    bylines = [byline for byline in story_bylines(parse_document(_page(meta), "html")) if byline.names]
    assert bylines, meta
    return bylines[0].names, bylines[0].reading.credit


LABELLED = [
    ("Opinion by Ruth Marcus, Columnist", ("Ruth Marcus",), "Columnist"),
    ("Opinion by Ruth Marcus", ("Ruth Marcus",), ""),
    ("Commentary by Ruth Marcus | The Texas Tribune", ("Ruth Marcus",), "The Texas Tribune"),
    ("Perspective by Ruth Marcus and Ben Cole", ("Ruth Marcus", "Ben Cole"), ""),
    ("Column by Ruth Marcus", ("Ruth Marcus",), ""),
    ("Essay by RUTH MARCUS", ("RUTH MARCUS",), ""),
    ("Review by Ruth Marcus", ("Ruth Marcus",), ""),
    ("OPINION BY RUTH MARCUS", ("RUTH MARCUS",), ""),
    ("Submitted by Anne-Marie Duval on Wed, 03/06/2024 - 10:12", ("Anne-Marie Duval",), ""),
    ("Op-ed by Ruth Marcus", ("Ruth Marcus",), ""),
    ("Guest column by Ruth Marcus", ("Ruth Marcus",), ""),
    ("Guest post by Ruth Marcus", ("Ruth Marcus",), ""),
    ("Guest essay by Ruth Marcus, CalMatters", ("Ruth Marcus",), "CalMatters"),
    ("A column by Ruth Marcus", ("Ruth Marcus",), ""),
    ("An essay by Ruth Marcus", ("Ruth Marcus",), ""),
    ("Contributed by Ruth Marcus", ("Ruth Marcus",), ""),
]


@pytest.mark.parametrize(("line", "names", "credit"), LABELLED)
def test_a_piece_s_label_or_a_posting_line_before_by_credits_the_name(line: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit, reading.problem) == (names, credit, None)


@pytest.mark.parametrize(("line", "names", "credit"), LABELLED)
def test_such_a_line_in_byline_markup_or_alone_is_the_story_s_byline(line: str, names: tuple[str, ...], credit: str) -> None:
    assert _credited(f'<p class="byline">{line}</p>') == (names, credit)
    assert _credited(f"<p>{line}</p>") == (names, credit)


def test_drupal_s_submitted_line_credits_its_person() -> None:
    meta = (
        '<div class="node__submitted">Submitted by <span class="field field--name-uid field--type-entity-reference">'
        '<span typeof="schema:Person" property="schema:name">Anne-Marie Duval</span></span> on '
        '<span class="field field--name-created">Wed, 03/06/2024 - 10:12</span></div>'
    )
    assert _credited(meta) == (("Anne-Marie Duval",), "")


def test_an_opinion_byline_linked_to_the_author_s_page() -> None:
    meta = '<div class="article-byline">Opinion by <a href="/people/ruth-marcus" rel="author">Ruth Marcus</a>, Columnist</div>'
    assert _credited(meta) == (("Ruth Marcus",), "Columnist")


@pytest.mark.parametrize("line", ["Review — By Ruth Marcus", "Opinion | By Ruth Marcus", "Commentary: Ruth Marcus"])
def test_the_label_as_a_kicker_still_credits_the_name(line: str) -> None:
    assert _credited(f'<p class="byline">{line}</p>')[0] == ("Ruth Marcus",)


@pytest.mark.parametrize("line", ["Opinion by Doctors Without Borders", "Commentary by The Editorial Board", "Submitted by readers"])
def test_a_label_before_an_organisation_or_no_name_credits_no_one(line: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert reading.names == ()


def test_a_part_s_credit_stays_a_part_s() -> None:
    assert credits_only_a_part("Photos by Carla Diaz")
    assert not credits_only_a_part("Opinion by Carla Diaz")
