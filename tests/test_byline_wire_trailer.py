"""A wire's credit line, as its stories close ("Reporting by A; Editing by B", in brackets on the
copies other sites run: "(Reporting by A; Additional reporting by B; Editing by C)"): the reporter
is credited, the editor only for a part of the work ("Editing by" as "Edited by"), and "Writing
by" credits a writer. A byline wrapped whole in brackets reads as without them."""

from __future__ import annotations

import pytest

from compliance.document.byline_reading import credited_for_a_part, read_byline


@pytest.mark.parametrize(
    ("line", "authors", "parts"),
    [
        ("Reporting by Jonathan Landay; Editing by Don Durfee", ("Jonathan Landay",), ("Don Durfee",)),
        ("(Reporting by Robert Harvey; Editing by Louise Heavens)", ("Robert Harvey",), ("Louise Heavens",)),
        (
            "Reporting by Jonathan Landay and Humeyra Pamuk; Editing by Don Durfee and Grant McCool",
            ("Jonathan Landay", "Humeyra Pamuk"),
            ("Don Durfee", "Grant McCool"),
        ),
        ("Reporting by David Lawder; Writing by Andrea Shalal; Editing by Chizu Nomiyama", ("David Lawder", "Andrea Shalal"), ("Chizu Nomiyama",)),
        ("(Reporting by Robert Harvey)", ("Robert Harvey",), ()),
    ],
)
def test_a_wire_trailer_credits_its_reporters_and_its_editors_for_a_part(line: str, authors: tuple[str, ...], parts: tuple[str, ...]) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert [name for name in reading.names if not credited_for_a_part(line, name)] == list(authors)
    assert [name for name in reading.names if credited_for_a_part(line, name)] == list(parts)


def test_an_editors_credit_alone_names_no_author() -> None:
    reading = read_byline("Editing by Don Durfee")
    assert reading is not None
    assert reading.names == ()


@pytest.mark.parametrize(
    ("line", "names", "credit"),
    [
        ("(By Jonathan Landay)", ("Jonathan Landay",), ""),
        ("[By Ana Ruiz, CalMatters]", ("Ana Ruiz",), "CalMatters"),
        # The first bracket closes before the end: not one pair around the line.
        ("(AP) By Jane Doe", ("Jane Doe",), "(AP)"),
    ],
)
def test_a_byline_in_brackets_reads_as_without_them(line: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)
