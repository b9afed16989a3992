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


SPANISH_CREDITS = [
    # The passive with the outlet as its agent, with or without a word for what it is.
    "Esta historia fue publicada originalmente por Nevada Current.",
    "Este reportaje fue publicado originalmente por el Colorado Newsline.",
    "Esta nota fue publicada por primera vez por Kansas Reflector.",
    # The subjectless credit tag, as a paragraph of its own or after the story's last sentence.
    "Publicado originalmente en Arizona Mirror.",
    "Publicada originalmente por Source New Mexico.",
    "Apareció por primera vez en el Maine Morning Star.",
    "Aparecio originalmente en Florida Phoenix.",
    # Without the accents, as a CMS that strips them prints the line.
    "Este articulo se publico originalmente en Arizona Mirror.",
    "Esta historia se publico por primera vez en Kansas Reflector.",
]


@pytest.mark.parametrize("credit", SPANISH_CREDITS)
def test_the_other_spanish_credit_lines_apply_the_pack_and_pass_the_credit_rule(credit: str) -> None:
    report = run(end=f"<p><em>{credit}</em></p>")
    assert report.packs == ("states-newsroom",)
    assert [d.markers for d in report.detections if d.pack == "states-newsroom"] == [("affiliate-credit-line",)]
    assert "states-newsroom/credit" not in rules_failed(report)


@pytest.mark.parametrize("credit", SPANISH_CREDITS)
def test_the_prefilter_lets_each_spanish_credit_line_through(credit: str) -> None:
    # The prefilter derives the lines' words ("originalmente", "primera" beside the verb) from the
    # pack: a page holding only such a line is a candidate of the marker.
    from compliance.prefilter import prefilter_for

    candidates = prefilter_for(PACKS).scan(PAGE.format(top="", end=f"<p>{credit}</p>"), "html")
    assert ("states-newsroom", "affiliate-credit-line") in candidates.markers


def test_the_subjectless_credit_after_the_last_sentence_of_a_paragraph_is_the_credit() -> None:
    # Detection reads a credit line that starts its block; the credit rule reads one that starts
    # its sentence too (the pack applies here by the outlet's linked name at the top).
    top = f'<p>By Jane Doe, <a href="{NEBRASKA_STORY}">Nebraska Examiner</a></p>'
    report = run(top=top, end="<p>La votación final será en junio. Publicado originalmente en Nebraska Examiner.</p>")
    assert report.packs == ("states-newsroom",)
    assert "states-newsroom/credit" not in rules_failed(report)


@pytest.mark.parametrize(
    "prose",
    [
        # Prose that cites an outlet's report: the participle inside a sentence is no credit line.
        "El informe publicado originalmente en el Nevada Current muestra que las tarifas subieron.",
        "Los datos, publicados originalmente por Arizona Mirror, muestran un alza.",
        # "apareció" with the outlet as its subject's place but no "originally" or "first".
        "Esta historia apareció en Arizona Mirror y en otros medios.",
        # The passive naming an outlet that is not States Newsroom's.
        "Esta historia fue publicada originalmente por Univision Noticias.",
        "Publicado originalmente en ProPublica.",
    ],
)
def test_spanish_prose_or_another_outlets_credit_applies_no_pack(prose: str) -> None:
    assert run(end=f"<p>{prose}</p>").packs == ()


def test_a_spanish_citation_in_prose_does_not_stand_in_for_the_credit() -> None:
    # The pack applies by the outlet's linked name at the top; the cited report is no credit.
    prose = "<p>El informe publicado originalmente en el Nevada Current muestra que las tarifas subieron.</p>"
    report = run(top=f'<p>By Jane Doe, <a href="{NEBRASKA_STORY}">Nebraska Examiner</a></p>', end=prose)
    assert report.packs == ("states-newsroom",)
    assert "states-newsroom/credit" in rules_failed(report)
