"""Credits the packs' English credit sentences did not read: the Texas Tribune's credit giving the
story's address ("This article first appeared at texastribune.org/2024/…", bare or as a link's
text), and a States Newsroom outlet's credit line in Spanish ("Este artículo se publicó
originalmente en Arizona Mirror.", its link reading the outlet's name). They credit the publisher
as its terms ask, so its pack applies and the credit rule passes; a bare address is no link, and
the link rule still asks for one. A line that names another outlet, or an address that only begins
like the publisher's, credits no one the packs know.
"""

from __future__ import annotations

import pytest

from compliance.engine import check_bytes
from compliance.findings import Report
from compliance.loading import load_packs

PACKS = load_packs()

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Water rates rise</title></head>
<body><article>
<h1>Water rates rise for the first time in a decade</h1>
<p class="byline">By Jane Doe</p>
{top}
<p>The city council voted on Tuesday to raise water rates by 12 percent, the first increase in a decade, citing aging pipes.</p>
<p>Residents objected at the meeting, saying the increase would hurt families on fixed incomes across the county.</p>
{end}
</article></body></html>"""

TRIBUNE_STORY = "https://www.texastribune.org/2024/05/01/water-rates/"


def run(*, top: str = "", end: str = "") -> Report:
    return check_bytes(PAGE.format(top=top, end=end).encode(), "html", PACKS, path="story.html")


def rules_failed(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "credit",
    [
        f'This article first appeared at <a href="{TRIBUNE_STORY}">{TRIBUNE_STORY}</a>.',
        f'This article first appeared at <a href="{TRIBUNE_STORY}">texastribune.org/2024/05/01/water-rates/</a>.',
        f'This story was originally published on <a href="{TRIBUNE_STORY}">texastribune.org</a>.',
        f'This article was republished from <a href="{TRIBUNE_STORY}">www.texastribune.org</a>.',
    ],
)
def test_the_tribunes_address_as_a_linked_credit_passes_the_credit_and_the_link(credit: str) -> None:
    report = run(end=f"<p>{credit}</p>")
    assert report.packs == ("texas-tribune",)
    assert not rules_failed(report) & {"texas-tribune/credit", "texas-tribune/link"}


@pytest.mark.parametrize("address", ["texastribune.org/2024/05/01/water-rates/", TRIBUNE_STORY, "www.texastribune.org"])
def test_a_bare_address_credits_the_tribune_but_is_no_link(address: str) -> None:
    report = run(end=f"<p>This article first appeared at {address}.</p>")
    assert report.packs == ("texas-tribune",)
    assert "texas-tribune/credit" not in rules_failed(report)
    (link,) = [f for f in report.findings if f.rule == "texas-tribune/link"]
    assert link.detail.startswith("no visible link")


def test_a_translated_credit_linking_the_address_applies_the_tribunes_pack() -> None:
    report = run(top=f'<p>Este artículo se publicó originalmente en <a href="{TRIBUNE_STORY}">{TRIBUNE_STORY}</a>.</p>')
    assert report.packs == ("texas-tribune",)
    assert [d.markers for d in report.detections if d.pack == "texas-tribune"] == [("original-link", "credit-link")]


@pytest.mark.parametrize(
    "credit",
    [
        # Another outlet's address, and addresses that only begin like the Tribune's.
        "This article first appeared at elpasomatters.org/2024/05/01/water-rates/.",
        "This article first appeared at texastribune.org.example/2024/05/01/water-rates/.",
        "This article first appeared at texastribune.organic.example/2024/05/01/water-rates/.",
        # A link on the address of another outlet's story.
        '<a href="https://elpasomatters.org/2024/05/01/water-rates/">elpasomatters.org/2024/05/01/water-rates/</a>',
    ],
)
def test_an_address_that_is_not_the_tribunes_applies_no_pack(credit: str) -> None:
    assert run(end=f"<p>{credit}</p>").packs == ()


NEBRASKA_STORY = "https://nebraskaexaminer.com/2024/05/01/water-rates/"
STATELINE_STORY = "https://stateline.org/2024/05/01/water-rates/"


@pytest.mark.parametrize(
    ("credit", "markers"),
    [
        ("Este artículo se publicó originalmente en Arizona Mirror.", ("affiliate-credit-line",)),
        ("Esta historia apareció por primera vez en el Maine Morning Star.", ("affiliate-credit-line",)),
        (f'Este artículo se publicó originalmente en <a href="{NEBRASKA_STORY}">Nebraska Examiner</a>.', ("affiliate-credit-line", "credit-link")),
        # Another language's words, the link to the outlet's story reading its name.
        (f'Cet article a été publié à l\'origine par le <a href="{NEBRASKA_STORY}">Nebraska Examiner</a>.', ("credit-link",)),
        (f'Este artículo se publicó originalmente en <a href="{STATELINE_STORY}">Stateline</a>.', ("affiliate-credit-line", "credit-link")),
    ],
)
def test_a_states_newsroom_credit_in_another_language_applies_the_pack(credit: str, markers: tuple[str, ...]) -> None:
    report = run(end=f"<p>{credit}</p>")
    assert report.packs == ("states-newsroom",)
    assert [d.markers for d in report.detections if d.pack == "states-newsroom"] == [markers]


def test_the_spanish_credit_line_passes_the_credit_rule_and_its_link_the_link_rule() -> None:
    report = run(end=f'<p>Este artículo se publicó originalmente en <a href="{NEBRASKA_STORY}">Nebraska Examiner</a>.</p>')
    assert not rules_failed(report) & {"states-newsroom/credit", "states-newsroom/link", "states-newsroom/credit-twice"}


def test_one_credit_line_in_each_language_is_no_credit_printed_twice_but_two_in_one_are() -> None:
    # A bilingual copy credits each version in its language (states-newsroom/credit-twice).
    english = "<p>This story first appeared in the Arizona Mirror.</p>"
    spanish = "<p>Este artículo se publicó originalmente en Arizona Mirror.</p>"
    assert "states-newsroom/credit-twice" not in rules_failed(run(top=english, end=spanish))
    assert "states-newsroom/credit-twice" in rules_failed(run(top=english, end=english))
    assert "states-newsroom/credit-twice" in rules_failed(run(top=spanish, end=spanish))


@pytest.mark.parametrize(
    "credit",
    [
        # Another outlet named in the Spanish line, or on a link to an outlet's story.
        "Este artículo se publicó originalmente en ProPublica.",
        f'Este artículo se publicó originalmente en <a href="{NEBRASKA_STORY}">ProPublica</a>.',
        # A link to an outlet's story that cites it ("read also the investigation"), not a credit.
        f'Lea también <a href="{NEBRASKA_STORY}">la investigación del Nebraska Examiner sobre el agua</a>.',
    ],
)
def test_a_spanish_line_that_credits_no_states_newsroom_outlet_applies_no_pack(credit: str) -> None:
    assert run(end=f"<p>{credit}</p>").packs == ()
