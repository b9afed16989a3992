"""A short last block that sends the reader on to the story ("Read more at DCNF", "Continue
reading on The Texas Tribune", "Leer más en …") cites where the story is, as a news brief or an
excerpt does: it is no credit line, and the `credit-link` marker, which reads a credit line in any
language by its link, does not take it for one. A credit line in another language, or one that
opens "From", still applies the publisher's pack.

The pages go through `check_bytes`, the command line's path (the literal prefilter first)."""

from __future__ import annotations

import pytest

from compliance.engine import check_bytes
from compliance.loading import load_packs

PACKS = load_packs()

BRIEF = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Fuel prices</title></head>
<body><article>
<h1>Valley drivers feel the squeeze at the pump</h1>
<p class="byline">By Dana Whitfield, Valley Gazette</p>
<p>Gas stations along Route 9 raised prices again this week, the third rise in a month.</p>
<p>{quote}</p>
<p>{last}</p>
</article></body></html>"""

QUOTE = "“The committee will take up the measure next week,” a spokesman told reporters."

DCNF = '<a href="https://dailycallernewsfoundation.org/2024/06/20/senate-panel-border-bill/">{name}</a>'
TRIBUNE = '<a href="https://www.texastribune.org/2024/10/02/farm-towns/">{name}</a>'
GLOBAL_VOICES = '<a href="https://globalvoices.org/2024/04/18/repair-cafe/">{name}</a>'


def _packs(last: str) -> list[str]:
    report = check_bytes(BRIEF.format(quote=QUOTE, last=last).encode(), "html", PACKS, path="brief.html")
    return [d.pack for d in report.detections if d.applied]


@pytest.mark.parametrize(
    "last",
    [
        "Read more at " + DCNF.format(name="DCNF"),
        "Read more at the " + DCNF.format(name="Daily Caller News Foundation") + ".",
        "Read the full story at " + DCNF.format(name="Daily Caller News Foundation"),
        "» Continue reading on " + DCNF.format(name="The Daily Caller"),
        "Full story: " + DCNF.format(name="DCNF"),
        "More at " + TRIBUNE.format(name="The Texas Tribune"),
        "Keep reading at " + TRIBUNE.format(name="The Texas Tribune"),
        "Leer más en " + DCNF.format(name="Daily Caller News Foundation"),
        "Sigue leyendo en " + TRIBUNE.format(name="The Texas Tribune"),
        "Lire la suite sur " + GLOBAL_VOICES.format(name="Global Voices"),
        "Weiterlesen bei " + GLOBAL_VOICES.format(name="Global Voices"),
        "Leia mais em " + GLOBAL_VOICES.format(name="Global Voices"),
    ],
)
def test_a_read_more_line_linking_the_story_applies_no_pack(last: str) -> None:
    assert _packs(last) == []


@pytest.mark.parametrize(
    ("last", "pack"),
    [
        ("From the " + DCNF.format(name="Daily Caller News Foundation"), "dcnf"),
        ("Este artículo se publicó originalmente en " + DCNF.format(name="Daily Caller News Foundation") + ".", "dcnf"),
        ("Cet article a été publié à l'origine par " + GLOBAL_VOICES.format(name="Global Voices") + ".", "global-voices"),
        ("Esta historia apareció primero en " + TRIBUNE.format(name="The Texas Tribune") + ".", "texas-tribune"),
        # "Read" later in the line is no call to read on: the line is a credit.
        ("This story first appeared on " + TRIBUNE.format(name="The Texas Tribune") + "; read it there.", "texas-tribune"),
    ],
)
def test_a_credit_line_in_any_language_still_applies_its_pack(last: str, pack: str) -> None:
    assert _packs(last) == [pack]
