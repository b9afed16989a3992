"""The credit openers' pattern writes the roles once (`byline_reading._ROLE_BY`), which holds only
while no role starts with a word that opens a byline alone ("by", "par", "da"…): then "by" alone
is never tried where a role would match, and the pattern reads as the roles-optional one did."""

from __future__ import annotations

import re

import pytest

from compliance.document import byline_reading
from compliance.document.byline_reading import read_byline

BY_WORDS = byline_reading._BY_WORDS.split("|")


@pytest.mark.parametrize("word", BY_WORDS)
def test_no_role_starts_with_a_word_that_opens_a_byline_alone(word: str) -> None:
    roles = re.compile(rf"(?:{byline_reading._ROLES})(?![^\W\d_])", re.IGNORECASE)
    for after in ("", " reporting", " photos", " and photos", " texto", " data"):
        assert roles.match(word + after + " by Ana Ruiz") is None, word + after


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ana Ruiz", ["Ana Ruiz"]),
        ("Text and photos by Ana Ruiz", ["Ana Ruiz"]),
        ("Reportaje de Ana Ruiz", ["Ana Ruiz"]),
        ("Texto y fotos de Ana Ruiz", ["Ana Ruiz"]),
        ("Door Anna de Vries", ["Anna de Vries"]),
        ("Da Giulia Rossi", ["Giulia Rossi"]),
        ("As told to Ana Ruiz", ["Ana Ruiz"]),
    ],
)
def test_openers_with_and_without_a_role_read_the_name(line: str, names: list[str]) -> None:
    byline = read_byline(line)
    assert byline is not None
    assert list(byline.names) == names
