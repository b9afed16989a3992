"""Role openers name every person in every language whose "by" the reader knows, and in the
"Label: NAME" form.

"Reportaje de A y traducción de B", "Reportado por A y traducido por B", "Texto y fotos de A",
"Par A et traduit par B", "Text von A und Übersetzung von B", "Testo di A e traduzione di B":
a role before the "by" of its language (or Spanish, Portuguese and French "de" after a role),
and "y", "e", "et", "und", "and", a comma or a semicolon between two credits, as "Reported by A
and translated by B" has them. "Reporting: A. Translation: B" and "Texto: A; fotos: B" are the
same credits written as labels; the first label must be an author's ("Photos: B" is a caption),
and a "Label: value" line that credits no one ("Updated: May 2", "Source: AP", "Tags: health",
"Reporter: So what happened?") opens no byline. A translator or photographer so credited is
credited for a part of the work, not as an author of the story."""

from __future__ import annotations

import re

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import credited_for_a_part, has_opener, read_byline
from tests.conftest import ROOT

A, B = "Ines Harlow", "Mateo Ruskin"

# Two credits, the second for a part of the work, in each language and with each joiner.
TWO_CREDITS = [
    f"Reportaje de {A} y traducción de {B}, Valley Watch",
    f"Reportaje de {A}, traducción de {B}, Valley Watch",
    f"Reportaje de {A}; traduccion de {B}, Valley Watch",
    f"Reportado por {A} y traducido por {B}, Valley Watch",
    f"Escrito por {A} y traducido por {B}, Valley Watch",
    f"Texto de {A} y fotos de {B}, Valley Watch",
    f"Reportagem de {A} e tradução de {B}, Valley Watch",
    f"Escrito por {A} e traduzido por {B}",
    f"Par {A}, traduit par {B}, Valley Watch",
    f"Texte de {A} et traduction de {B}",
    f"Par {A} et photos de {B}",
    f"Text von {A} und Übersetzung von {B}",
    f"Geschrieben von {A}, übersetzt von {B}",
    f"Testo di {A} e traduzione di {B}",
    f"Reported by {A} and translated by {B}, Valley Watch",
    f"Reporting by {A}; translation by {B}",
    # The "Label: NAME" form.
    f"Reporting: {A}. Translation: {B}, Valley Watch",
    f"Words: {A} | Photos: {B}",
    f"Text: {A}; photos: {B}",
    f"Texto: {A}. Fotos: {B}, Valley Watch",
    f"Reportaje: {A} y traducción: {B}",
    f"Texte : {A}. Traduction : {B}",
]

# One author, opened by a role, or by two roles joined.
ONE_CREDIT = [
    f"Texto y fotos de {A}, Valley Watch",
    f"Texto e fotos de {A}",
    f"Texte et photos de {A}",
    f"Text und Fotos von {A}",
    f"Reportaje de {A}, Valley Watch",
    f"Texto de {A}",
    f"Escrito por {A}, Valley Watch",
    f"Testo di {A}",
    f"Reporting: {A}, Valley Watch",
    f"Reporter: {A}",
    f"Words: {A}",
    f"Text and photos: {A}, Valley Watch",
    f"Texto: {A}",
]


@pytest.mark.parametrize("byline", TWO_CREDITS)
def test_each_credit_names_its_person(byline: str) -> None:
    reading = read_byline(byline, require_prefix=True)
    assert reading is not None and reading.problem is None
    assert reading.names == (A, B)
    assert not credited_for_a_part(byline, A)
    assert credited_for_a_part(byline, B)


@pytest.mark.parametrize("byline", ONE_CREDIT)
def test_a_role_opener_names_the_author(byline: str) -> None:
    assert has_opener(byline)
    reading = read_byline(byline, require_prefix=True)
    assert reading is not None and reading.names == (A,)
    assert not credited_for_a_part(byline, A)


@pytest.mark.parametrize(
    "line",
    [
        "Updated: May 2",
        "Source: AP",
        "Tags: health",
        "Topics: Climate, Water",
        "Reporter: So what happened at the bridge?",
        "Photos: Mateo Ruskin",
        "Fotos de la playa al amanecer",
        "Traducción de Mateo Ruskin",
        "De Luca sees gains in the north",
        "Words: 1,200",
    ],
)
def test_a_label_line_that_credits_no_author_opens_no_byline(line: str) -> None:
    assert not has_opener(line)
    assert read_byline(line, require_prefix=True) is None


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # A name's particle is no "by": it joins credits only after a role.
        ("Von Ursula von der Leyen, Valley Watch", ("Ursula von der Leyen",)),
        ("Por Ines de la Cruz y Mateo Ruskin", ("Ines de la Cruz", "Mateo Ruskin")),
        ("Di Marco di Stefano", ("Marco di Stefano",)),
    ],
)
def test_a_particle_inside_a_name_splits_no_credit(byline: str, names: tuple[str, ...]) -> None:
    reading = read_byline(byline)
    assert reading is not None and reading.names == names


_PAGE = (
    '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Cierra el puente</title></head><body><article>'
    "<h1>Cierra el viejo puente del río por reparaciones</h1>"
    '<p class="byline">BYLINE<br />2 de mayo de 2024</p>'
    "<p>El condado cerró el lunes el viejo puente del río por seis meses de reparaciones.</p>"
    "<p>Los conductores deberán usar el cruce de la autopista, dos millas al norte.</p>"
    '<p>This <a href="https://valleywatch.example/2024/05/01/bridge/">article</a> first appeared on'
    ' <a href="https://valleywatch.example">Valley Watch</a> and is republished here under a Creative Commons license.'
    '<img id="republication-tracker-tool-source" src="https://valleywatch.example/?republication-pixel=true&amp;post=81"'
    ' style="width:1px;height:1px;"></p></article></body></html>'
)


@pytest.mark.parametrize(
    "byline",
    [
        f"Reportaje de {A} y traducción de {B}, Valley Watch",
        f"Reportado por {A} y traducido por {B}, Valley Watch",
        f"Texto y fotos de {A}, Valley Watch",
        f"Reporting: {A}. Translation: {B}, Valley Watch",
        f"Reporting: {A}, Valley Watch",
    ],
)
def test_a_republished_page_with_such_a_byline_credits_its_author(byline: str) -> None:
    report = check_html(_PAGE.replace("BYLINE", byline), packs=["republication-tracker"])
    assert not [f for f in report.findings if f.rule == "creative-commons/author"]
    passed = [p for p in report.passed if p.rule == "creative-commons/author"]
    assert passed and A in (passed[0].evidence or "")


def test_the_documented_credits_name_their_people() -> None:
    doc = " ".join((ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8").split())
    languages = doc.split('with their own "and", a comma or a semicolon between the credits (', 1)[1].split(")", 1)[0]
    labels = doc.split("credits written as labels (", 1)[1].split(")", 1)[0]
    examples = re.findall(r'"([^"]+)"', languages) + re.findall(r'"([^"]+)"', labels)
    assert len(examples) >= 6
    for example in examples:
        byline = example.replace(" A", " Ines Harlow").replace(" B", " Mateo Ruskin").replace("Outlet", "Valley Watch")
        reading = read_byline(byline, require_prefix=True)
        assert reading is not None and "Ines Harlow" in reading.names, example
        assert ("Mateo Ruskin" in reading.names) == (" B" in example), example


# A role's "de" before an article names a publication or a desk, not a person: "Article de Le
# Monde", "Foto de El País", "Texto de la Redacción" open no byline, in Spanish, Portuguese and
# French, whatever the article.
ROLE_DE_ARTICLE = [
    "Article de Le Monde, publié à l'origine sur lemonde.fr",
    "Texte de La Presse canadienne",
    "Photos de Les Échos",
    "Foto de El País",
    "Fotos de Los Angeles Times",
    "Texto de la Redacción",
    "Reportaje de Las Provincias",
    "Texto de O Globo",
    "Fotos de Os Pioneiros",
    "Reportagem de O Estado",
]


@pytest.mark.parametrize("line", ROLE_DE_ARTICLE)
def test_a_role_de_before_an_article_opens_no_byline(line: str) -> None:
    assert not has_opener(line)
    assert read_byline(line, require_prefix=True) is None


@pytest.mark.parametrize("line", ["Article de Le Monde, publié à l'origine sur lemonde.fr", "Foto de El País", "Texto de la Redacción"])
def test_a_page_whose_only_credit_is_role_de_and_an_article_credits_no_author(line: str) -> None:
    page = _PAGE.replace('<p class="byline">BYLINE<br />', f"<p>{line}<br />")
    report = check_html(page, packs=["republication-tracker"])
    assert [f for f in report.findings if f.rule == "creative-commons/author"]
    assert not [p for p in report.passed if p.rule == "creative-commons/author"]


@pytest.mark.parametrize("line", [f"Reportaje de {A}", f"Texto de {A}, Valley Watch", f"Article de {A}"])
def test_a_role_de_before_a_name_still_opens_a_byline(line: str) -> None:
    reading = read_byline(line, require_prefix=True)
    assert reading is not None and reading.names == (A,)
