"""A credit for a part of the work alone is a caption, not a byline, in every language whose "by"
the reader knows and with each of its words for "by" after the part's role.

"Traducción de B", "Fotos de B", "Tradução de B", "Traduzione di B", "Fotos von B", "Fotografía
de B", "Ilustraciones de B" credit a translator, a photographer or an illustrator as "Translated
by B" and "Photos by B" do: the particle is no part of a name ("Traducción de Mateo Ruskin" is
no person), and the byline names no author. After an author's credit ("Texto de A y fotos de
B") the author is A and B is credited for a part."""

from __future__ import annotations

import re

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import credited_for_a_part, credits_only_a_part, has_opener, is_part_credit, read_byline
from tests.conftest import ROOT

A, B = "Ines Harlow", "Mateo Ruskin"

# Each language's part roles with each of its words for "by".
PART_CREDITS = [
    "Traducción de",
    "Traduccion de",
    "Traducido por",
    "Fotos de",
    "Foto de",
    "Fotografía de",
    "Fotografías de",
    "Imágenes de",
    "Ilustraciones de",
    "Ilustración de",
    "Edición de",
    "Video de",
    "Tradução de",
    "Traduzido por",
    "Ilustração de",
    "Edição de",
    "Traduzione di",
    "Tradotto da",
    "Foto di",
    "Fotos von",
    "Übersetzung von",
    "Übersetzt von",
    "Fotografie von",
    "Traduction de",
    "Traduit par",
    "Photos de",
    "Vertaling door",
    "Vertaald door",
    "Foto av",
    "Oversatt av",
    "Översatt av",
    "Photos by",
    "Translated by",
    "Illustrations by",
]


@pytest.mark.parametrize("role", PART_CREDITS)
def test_a_part_credit_alone_names_no_author(role: str) -> None:
    byline = f"{role} {B}, Valley Watch"
    assert is_part_credit(byline)
    assert not has_opener(byline)
    assert read_byline(byline, require_prefix=True) is None
    reading = read_byline(byline)
    assert reading is None or B not in reading.names


@pytest.mark.parametrize("role", PART_CREDITS)
def test_after_an_authors_credit_the_author_is_the_first(role: str) -> None:
    authors = {"di": "Testo di", "da": "Testo di", "von": "Text von", "door": "Tekst door", "av": "Tekst av", "par": "Texte de", "by": "Text by"}
    opener = authors.get(role.split()[-1], "Texto de")
    byline = f"{opener} {A} y {role.lower()} {B}"
    reading = read_byline(byline, require_prefix=True)
    assert reading is not None and reading.names[0] == A, byline
    assert not credited_for_a_part(byline, A)
    if B in reading.names:
        assert credited_for_a_part(byline, B)


_PAGE = (
    '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Cierra el puente</title></head><body><article>'
    "<h1>Cierra el viejo puente del río por reparaciones</h1>"
    '<p class="byline">BYLINE</p>'
    "<p>El condado cerró el lunes el viejo puente del río por seis meses de reparaciones.</p>"
    "<p>Los conductores deberán usar el cruce de la autopista, dos millas al norte.</p>"
    '<p>This <a href="https://valleywatch.example/2024/05/01/bridge/">article</a> first appeared on'
    ' <a href="https://valleywatch.example">Valley Watch</a> and is republished here under a Creative Commons license.'
    '<img id="republication-tracker-tool-source" src="https://valleywatch.example/?republication-pixel=true&amp;post=81"'
    ' style="width:1px;height:1px;"></p></article></body></html>'
)


@pytest.mark.parametrize("role", ["Traducción de", "Fotos de", "Tradução de", "Traduzione di", "Fotos von", "Fotografía de", "Ilustraciones de"])
def test_a_republished_page_credited_only_to_a_translator_or_photographer_fails(role: str) -> None:
    report = check_html(_PAGE.replace("BYLINE", f"{role} {B}, Valley Watch"), packs=["republication-tracker"])
    assert [f for f in report.findings if f.rule == "creative-commons/author"]
    assert not [p for p in report.passed if p.rule == "creative-commons/author"]


# Norwegian, Swedish and Danish: the role words of an author's and a part's credit, joined by the
# short "og"/"och" as the other languages' "and" joins them.
SCANDINAVIAN_TWO_CREDITS = [
    f"Tekst av {A} og oversettelse av {B}, Valley Watch",
    f"Tekst av {A} og foto av {B}",
    f"Tekst av {A}, bilder av {B}",
    f"Text av {A} och översättning av {B}, Valley Watch",
    f"Text av {A} och bilder av {B}",
    f"Text av {A}; foto av {B}",
    f"Tekst af {A} og oversættelse af {B}, Valley Watch",
    f"Tekst af {A} og fotos af {B}",
    f"Skrevet av {A} og oversatt av {B}",
]


@pytest.mark.parametrize("byline", SCANDINAVIAN_TWO_CREDITS)
def test_scandinavian_role_credits_joined_name_both(byline: str) -> None:
    reading = read_byline(byline, require_prefix=True)
    assert reading is not None and reading.problem is None
    assert reading.names == (A, B)
    assert not credited_for_a_part(byline, A)
    assert credited_for_a_part(byline, B)


@pytest.mark.parametrize("role", ["Oversettelse av", "Översättning av", "Oversættelse af", "Bilder av", "Foto af"])
def test_a_scandinavian_part_credit_alone_names_no_author(role: str) -> None:
    assert read_byline(f"{role} {B}, Valley Watch", require_prefix=True) is None


def test_a_republished_page_with_a_norwegian_two_credit_byline_passes() -> None:
    report = check_html(_PAGE.replace("BYLINE", SCANDINAVIAN_TWO_CREDITS[0]), packs=["republication-tracker"])
    assert not [f for f in report.findings if f.rule == "creative-commons/author"]
    passed = [p for p in report.passed if p.rule == "creative-commons/author"]
    assert passed and A in (passed[0].evidence or "")


# A caption's credit, in the forms a CMS writes it: a part's role and "by", the noun of the work
# before a participle, a part's label, a list marker before it.
CAPTION_CREDITS = [
    "Illustrations by",
    "Edited by",
    "Fotografie von",
    "Vertaling door",
    "Traduzione di",
    "Ilustração de",
    "Text translated by",
    "Tekst oversatt av",
    "Texte traduit par",
    "Fotos:",
    "Traducción:",
    "Photographer:",
    "— Photos by",
]

_PART_REASON = "is a caption crediting only a translator, photographer, illustrator, editor or compiler: the story's author is missing"


@pytest.mark.parametrize("role", CAPTION_CREDITS)
def test_a_page_credited_only_for_a_part_fails_for_the_missing_author_not_an_outlet(role: str) -> None:
    report = check_html(_PAGE.replace("BYLINE", f"{role} {B}, Valley Watch"), packs=["republication-tracker"])
    messages = [f.message for f in report.findings if f.rule == "creative-commons/author"]
    assert len(messages) == 1
    assert _PART_REASON in messages[0], messages[0]
    assert "names an outlet" not in messages[0]


@pytest.mark.parametrize(
    "line",
    [f"By {A}. Photos by {B}", f"Text and photos by {A}", f"Reporting: {A}. Translation: {B}", f"Texto de {A} y fotos de {B}", "By The Daily Caller"],
)
def test_an_authors_credit_or_an_outlet_is_no_part_credit_alone(line: str) -> None:
    assert not credits_only_a_part(line)


def test_an_outlet_credit_still_names_an_outlet() -> None:
    report = check_html(_PAGE.replace("BYLINE", "By Valley Watch Newsroom Desk"), packs=["republication-tracker"])
    messages = [f.message for f in report.findings if f.rule == "creative-commons/author"]
    assert messages and _PART_REASON not in messages[0]


def test_the_documented_part_credit_reason_is_the_one_given() -> None:
    doc = " ".join((ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8").split())
    quoted = re.search(r"fails for the author it leaves out, not for an outlet: \"byline '([^']+)' ([^\"]+)\"", doc)
    assert quoted is not None
    byline, reason = quoted.group(1).replace(" B", f" {B}"), quoted.group(2)
    report = check_html(_PAGE.replace("BYLINE", byline), packs=["republication-tracker"])
    messages = [f.message for f in report.findings if f.rule == "creative-commons/author"]
    assert messages and f"byline '{byline}' {reason}" in messages[0]


# The names a rule's message and help write are the byline's authors: a translator, a
# photographer or a contributor credited beside them is no one to tie to the outlet.
_CALMATTERS_STORY = (
    "<p>SACRAMENTO — The state water board voted 4-1 on Tuesday to raise the rates that farms pay for groundwater, "
    "the third increase in as many years, after a hearing that ran past midnight.</p>"
)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        (f"Texto: {A} | Traducción: {B}", A),
        (f"By {A}. Translated by {B}.", A),
        (f"Bài: {A} – Ảnh: {B}", A),
        (f"Tác giả: {A}. Người dịch: {B}", A),
        (f"By {A}, with contributions from {B}", A),
        (f"By {A} and {B}; photos by Carla Diaz", f"{A} and {B}"),
    ],
)
def test_the_affiliation_message_names_the_authors_only(byline: str, names: str) -> None:
    page = f'<html><body><article><h1>Water board raises rates</h1><p class="byline">{byline}</p>{_CALMATTERS_STORY * 3}</article></body></html>'
    (finding,) = [f for f in check_html(page, packs=["calmatters"]).findings if f.rule == "calmatters/affiliation"]
    assert finding.message == f"The byline does not tie {names} to CalMatters."
    assert f'"By {names}, CalMatters"' in finding.help
