"""A credit line in Spanish in its grammatical variants is the one credit line: the gender of what
it is ("Esta historia", "Este artículo"), the tense of its verb ("apareció", "se publicó", "fue
publicado", "ha sido publicada"), how it says "first" ("primero", "originalmente", "por primera
vez", before or after the verb) and its preposition ("en", "por"). The variants are derived once
(common.yaml's `credit-lead-es`) and read by every pack that reads Spanish credit lines: States
Newsroom and CalMatters. Lines that only look like one ("Esta semana se publicó en …", a byline's
"Publicado por …", prose citing a report) apply no pack.
"""

from __future__ import annotations

import pytest

from compliance.engine import check_bytes
from compliance.findings import Report
from compliance.loading import load_packs
from tests.conftest import ROOT

PACKS = load_packs()

PAGE = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Suben las tarifas del agua</title></head>
<body><article>
<h1>Suben las tarifas del agua por primera vez en una década</h1>
<p class="byline">Por Ana Ruiz</p>
<p>El concejo municipal votó el martes a favor de subir las tarifas del agua un 12 por ciento, citando tuberías viejas.</p>
<p>Los vecinos protestaron en la reunión y dijeron que el aumento perjudicaría a las familias con ingresos fijos.</p>
{end}
</article></body></html>"""


def run(end: str) -> Report:
    return check_bytes(PAGE.format(end=end).encode(), "html", PACKS, path="historia.html")


def failed(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


LEADS = [
    "Esta historia apareció primero en",
    "Este artículo fue publicado originalmente por",
    "Esta nota fue publicada originalmente por",
    "Este reportaje fue publicado por primera vez en",
    "Esta historia fue originalmente publicada en",
    "Este artículo se publicó originalmente en",
    "Esta crónica ha sido publicada por primera vez por",
    "Este texto apareció originalmente en",
    "Esta entrevista se publicó primero en",
    "Este informe fue publicado por",
    "Este articulo aparecio por primera vez en",
    "Publicado originalmente por",
    "Publicada por primera vez en",
    "Originalmente publicado en",
]


@pytest.mark.parametrize("lead", LEADS)
def test_a_states_newsroom_credit_line_in_any_spanish_variant_applies_the_pack_and_credits(lead: str) -> None:
    report = run(f'<p>{lead} el <a href="https://nebraskaexaminer.com/2024/05/01/agua/">Nebraska Examiner</a>.</p>')
    assert report.packs == ("states-newsroom",)
    assert [d.markers for d in report.detections if d.pack == "states-newsroom"] == [("affiliate-credit-line", "credit-link")]
    assert not failed(report) & {"states-newsroom/credit", "states-newsroom/link", "states-newsroom/credit-twice"}


@pytest.mark.parametrize("lead", LEADS[:6])
def test_the_unlinked_spanish_line_applies_the_pack_and_asks_only_for_the_link(lead: str) -> None:
    report = run(f"<p>{lead} Arizona Mirror.</p>")
    assert report.packs == ("states-newsroom",)
    assert "states-newsroom/link" in failed(report)
    assert "states-newsroom/credit" not in failed(report)


@pytest.mark.parametrize("lead", ["Esta historia apareció primero en", "Este artículo fue publicado originalmente por", "Publicada por primera vez en"])
def test_calmatters_reads_the_same_variants(lead: str) -> None:
    report = run(f"<p>{lead} CalMatters.</p>")
    assert report.packs == ("calmatters",)
    assert [d.markers for d in report.detections if d.pack == "calmatters"] == [("credit-line-es",)]


@pytest.mark.parametrize(
    "line",
    [
        # Not a word for the story: "this week … was published in the Arizona Mirror".
        "Esta semana se publicó en Arizona Mirror un análisis de las tarifas.",
        # A byline's wording, with no "first": not a credit line.
        "Publicado por Arizona Mirror",
        # Prose citing a report the outlet published.
        "Los datos fueron publicados originalmente por el Arizona Mirror el año pasado.",
        "Este artículo cita un informe publicado originalmente en Arizona Mirror.",
        # Another outlet named.
        "Esta historia apareció primero en ProPublica.",
        "Este artículo fue publicado originalmente por El País.",
    ],
)
def test_lines_that_only_look_like_a_spanish_credit_apply_no_pack(line: str) -> None:
    assert run(f"<p>{line}</p>").packs == ()


def test_the_negative_samples_still_apply_no_pack() -> None:
    for path in sorted((ROOT / "samples" / "negative").iterdir()):
        kind = {".html": "html", ".md": "markdown", ".txt": "text"}.get(path.suffix)
        if kind is None:
            continue
        assert check_bytes(path.read_bytes(), kind, PACKS, path=path.name).packs == (), path.name
