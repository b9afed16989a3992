"""An outlet whose name ends in a word that also starts a date ("Mississippi Today", "USA Today",
"Pakistan Today", "The Baltimore Sun", "Mail on Sunday") keeps that word in the byline's credit,
and is no second person ("Wisconsin Now", "Kenya Tonight"); a real date after the outlet, or a day's
word of its own ("· Today", "Today at 5:04 pm", "Updated today"), is still cut off. Whatever the
page's markup: a WordPress theme's byline, a static page's paragraph, an AMP page, plain text."""

from __future__ import annotations

import pytest

from compliance.document import parse_document

BODY = (
    "<p>The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said in a statement.</p>"
    "<p>Patients will be sent to the hospital in the next county, about forty minutes away by car on rural roads.</p>"
)
TEXT_BODY = (
    "The county board voted 5-2 on Tuesday to close the clinic after a year of losses, officials said in a statement.\n\n"
    "Patients will be sent to the hospital in the next county, about forty minutes away by car on rural roads.\n"
)


def _page(byline: str, markup: str) -> tuple[str, str]:
    """A story whose byline line is `byline`, as `markup` prints it: (source, document kind)."""
    if markup == "wordpress":
        return (
            '<html><body><article class="post type-post"><header class="entry-header"><h1 class="entry-title">Clinic to close</h1>'
            f'<div class="entry-meta"><span class="byline">{byline}</span></div></header>'
            f'<div class="entry-content">{BODY}</div></article></body></html>',
            "html",
        )
    if markup == "static":
        return f"<html><body><h1>Clinic to close</h1><p>{byline}</p>{BODY}</body></html>", "html"
    if markup == "amp":
        return (
            '<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>Clinic to close</title></head><body>'
            f'<article><h1>Clinic to close</h1><div class="amp-byline">{byline}</div>{BODY}</article></body></html>',
            "html",
        )
    if markup == "text":
        return f"Clinic to close\n\n{byline}\n\n{TEXT_BODY}", "text"
    raise KeyError(markup)


MARKUPS = ["wordpress", "static", "amp", "text"]


def _reading(byline: str, markup: str) -> tuple[tuple[str, ...], str]:
    source, kind = _page(byline, markup)
    bylines = parse_document(source, kind).bylines
    assert bylines, (byline, markup)
    return bylines[0].names, bylines[0].reading.credit


@pytest.mark.parametrize("markup", MARKUPS)
@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By Jane Roe, Mississippi Today", ("Jane Roe",), "Mississippi Today"),
        ("By Ahmed Khan, Pakistan Today", ("Ahmed Khan",), "Pakistan Today"),
        ("By Wanjiru Kamau | Kenya Today", ("Wanjiru Kamau",), "Kenya Today"),
        ("By Tom Lee for USA Today", ("Tom Lee",), "USA Today"),
        ("By Ana Ruiz and Luis Pérez, Mississippi Today", ("Ana Ruiz", "Luis Pérez"), "Mississippi Today"),
        ("By JANE ROE, USA TODAY", ("JANE ROE",), "USA TODAY"),
        ("By Jane Roe, Wisconsin Now", ("Jane Roe",), "Wisconsin Now"),
        ("By Jane Roe, Kenya Tonight", ("Jane Roe",), "Kenya Tonight"),
        ("By Maria Gomez, The Baltimore Sun", ("Maria Gomez",), "The Baltimore Sun"),
    ],
)
def test_an_outlet_ending_in_a_day_word_keeps_it(byline: str, names: tuple[str, ...], credit: str, markup: str) -> None:
    assert _reading(byline, markup) == (names, credit)


@pytest.mark.parametrize("markup", MARKUPS)
@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        # The outlet's day word stays; the date after it goes.
        ("By Jane Roe, USA Today, 3 May 2024", ("Jane Roe",), "USA Today"),
        ("By Jane Roe, Mississippi Today, 2 hours ago", ("Jane Roe",), "Mississippi Today"),
        ("By Jane Roe, Kenya Today | Today at 5:04 pm", ("Jane Roe",), "Kenya Today"),
        ("By Ahmed Khan, Pakistan Today · Updated today", ("Ahmed Khan",), "Pakistan Today"),
        ("By Maria Gomez, Baltimore Sun, 3 May 2024", ("Maria Gomez",), "Baltimore Sun"),
        ("By Maria Gomez, The Baltimore Sun May 3, 2024", ("Maria Gomez",), "The Baltimore Sun"),
        ("By Jane Roe, Mail on Sunday, 3 May 2024", ("Jane Roe",), "Mail on Sunday"),
        # A day's word of its own is the date's: after a separator, a time after it, or after the name.
        ("By Jane Roe · Today", ("Jane Roe",), ""),
        ("By Jane Roe Today at 5:04 pm", ("Jane Roe",), ""),
        ("By Jane Roe, Reporter Today at 5:04 pm", ("Jane Roe",), "Reporter"),
        ("By Jane Roe | Sun, May 3, 2024", ("Jane Roe",), ""),
        ("By Jane Roe Sun, May 3", ("Jane Roe",), ""),
        ("By Jane Roe | Updated yesterday", ("Jane Roe",), ""),
    ],
)
def test_a_date_after_the_byline_is_still_cut_off(byline: str, names: tuple[str, ...], credit: str, markup: str) -> None:
    assert _reading(byline, markup) == (names, credit)


def _outlet_reading(byline: str, markup: str) -> tuple[tuple[str, ...], str, str | None]:
    source, kind = _page(byline, markup)
    bylines = parse_document(source, kind).bylines
    assert bylines, (byline, markup)
    return bylines[0].names, bylines[0].reading.credit, bylines[0].reading.problem


@pytest.mark.parametrize("markup", MARKUPS)
@pytest.mark.parametrize(
    ("byline", "credit", "problem"),
    [
        # An outlet alone as the byline credits no person, and its day word stays its name's.
        ("By Mississippi Today", "Mississippi Today", "outlet"),
        ("By USA TODAY", "USA TODAY", "outlet"),
        ("BY PAKISTAN TODAY", "PAKISTAN TODAY", "outlet"),
        ("By The Kenya Today", "The Kenya Today", "outlet"),
        ("By Mississippi Today, 3 May 2024", "Mississippi Today", "outlet"),
        ("By Wisconsin Now · Today at 5:04 pm", "Wisconsin Now", "outlet"),
        ("By Mississippi Today Staff", "Mississippi Today Staff", "staff"),
        # The other outlets alone keep reading as outlets, whatever their last word.
        ("By The Associated Press", "The Associated Press", "outlet"),
        ("By KFF Health News", "KFF Health News", "outlet"),
        ("By CalMatters Staff", "CalMatters Staff", "staff"),
    ],
)
def test_an_outlet_alone_keeps_its_day_word_and_names_no_person(byline: str, credit: str, problem: str, markup: str) -> None:
    assert _outlet_reading(byline, markup) == ((), credit, problem)


@pytest.mark.parametrize("markup", MARKUPS)
@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        # A person's name before the day's word: the day is the story's ("Jane" is a given name).
        ("By Jane Roe Today", ("Jane Roe",), ""),
        ("By Carlos Mendes Today", ("Carlos Mendes",), ""),
        # An outlet of one day word in capitals, alone after a mark, is the reporter's outlet.
        ("By Jane Roe, TODAY", ("Jane Roe",), "TODAY"),
        ("By Ana Ruiz | TODAY", ("Ana Ruiz",), "TODAY"),
        ("By Tom Lee — TODAY, 3 May 2024", ("Tom Lee",), "TODAY"),
        # The day of the story, in title case, with a time, or in a byline all in capitals.
        ("By Jane Roe, Today", ("Jane Roe",), ""),
        ("By Jane Roe, Today at 3:00 PM", ("Jane Roe",), ""),
        ("By Jane Roe, TODAY at 3:00 PM", ("Jane Roe",), ""),
        ("By JANE ROE, TODAY", ("JANE ROE",), ""),
        ("By Jane Roe, 3 May 2024", ("Jane Roe",), ""),
        # A weekday alone after a mark is the day of the story too; one inside an outlet's name stays.
        ("By Jane Roe, Tuesday", ("Jane Roe",), ""),
        ("By JANE ROE | FRIDAY", ("JANE ROE",), ""),
        ("By Ana Ruiz · Sunday", ("Ana Ruiz",), ""),
        ("By Jane Roe, Mail on Sunday", ("Jane Roe",), "Mail on Sunday"),
    ],
)
def test_a_day_word_after_a_name_is_an_outlet_only_in_an_outlets_capitals(byline: str, names: tuple[str, ...], credit: str, markup: str) -> None:
    assert _reading(byline, markup) == (names, credit)
