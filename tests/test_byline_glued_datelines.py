"""A copy of a wire story may run the byline and the dateline together in one paragraph ("By
LISA MASCARO and KEVIN FREKING Associated Press WASHINGTON (AP) — House Republicans …"): the
byline ends before the place, which the gazetteer knows, when the story's sentence follows the
dash. A name in capitals before a dash ("By ANA RUIZ — CalMatters") and a place with no sentence
after it stay as they were."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline

SENTENCE = "House Republicans pushed ahead on Tuesday with a plan to cut the water program by a third."


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        (f"By LISA MASCARO and KEVIN FREKING Associated Press WASHINGTON (AP) — {SENTENCE}", ("LISA MASCARO", "KEVIN FREKING"), "Associated Press"),
        (f"By LISA MASCARO WASHINGTON (AP) — {SENTENCE}", ("LISA MASCARO",), ""),
        (f"By Rosa Ibarra, CalMatters SACRAMENTO — {SENTENCE}", ("Rosa Ibarra",), "CalMatters"),
        (f"By Ana Ruiz, SAN FRANCISCO, Calif. — {SENTENCE}", ("Ana Ruiz",), ""),
        (f"By Ana Ruiz, The Texas Tribune AUSTIN -- {SENTENCE}", ("Ana Ruiz",), "The Texas Tribune"),
    ],
)
def test_the_byline_ends_before_a_glued_dateline(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By ANA RUIZ — CalMatters", ("ANA RUIZ",), "CalMatters"),
        ("By ANA RUIZ, SACRAMENTO — CalMatters", ("ANA RUIZ",), "SACRAMENTO, CalMatters"),
        (f"By ANA RUIZ — {SENTENCE}", ("ANA RUIZ",), "House Republicans"),  # no place: nothing cut
    ],
)
def test_no_known_place_or_no_sentence_leaves_the_byline_whole(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit[: len(credit)]) == (names, credit)


def test_a_dateline_that_opens_the_paragraph_is_no_byline() -> None:
    assert read_byline(f"WASHINGTON (AP) — {SENTENCE}", require_prefix=True) is None


def test_the_page_credits_the_wire_reporters() -> None:
    html = (
        "<html><body><article><h1>House Republicans push ahead with water cuts</h1>"
        f"<p>By LISA MASCARO and KEVIN FREKING Associated Press WASHINGTON (AP) — {SENTENCE}</p>"
        f"{f'<p>{SENTENCE}</p>' * 3}</article></body></html>"
    )
    (byline,) = story_bylines(parse_document(html, "html"))
    assert (byline.names, byline.reading.credit) == (("LISA MASCARO", "KEVIN FREKING"), "Associated Press")
