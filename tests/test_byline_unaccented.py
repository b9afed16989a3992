"""The byline reader's words in French, Spanish, Portuguese, Italian and German read the same
written without their accents, as a CMS that strips them or a keyboard without them leaves them:
the openers ("Publie par", "Ecrit par"), a newsroom's credit ("Par la redaction", "Por
Redaccion", "Por Redacao"), an institution's words ("Academie", "Ecole", "Universite",
"Universita") and an agency's ("Agencia"). Words are compared with their accents dropped on the
reader's side only: a name keeps its accents, and no two words of a list are merged."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document.byline_reading import person_key, read_byline


@pytest.mark.parametrize(
    ("accented", "unaccented", "names"),
    [
        ("Publié par Ana Ruiz", "Publie par Ana Ruiz", ("Ana Ruiz",)),
        ("Écrit par Ana Ruiz", "Ecrit par Ana Ruiz", ("Ana Ruiz",)),
        ("ÉCRIT PAR ANA RUIZ", "ECRIT PAR ANA RUIZ", ("ANA RUIZ",)),
        ("Publié par Claire Dubois et Luc Martin", "Publie par Claire Dubois et Luc Martin", ("Claire Dubois", "Luc Martin")),
        ("Par Ana Ruiz, mis à jour hier", "Par Ana Ruiz, mis a jour hier", ("Ana Ruiz",)),
    ],
)
def test_an_opener_reads_the_same_without_its_accents(accented: str, unaccented: str, names: tuple[str, ...]) -> None:
    for text in (accented, unaccented):
        reading = read_byline(text)
        assert reading is not None and (reading.names, reading.problem) == (names, None), text


@pytest.mark.parametrize(
    "text",
    ["Par la rédaction", "Par la redaction", "Por Redacción", "Por Redaccion", "Por Redação", "Por Redacao", "Publie par la redaction", "PAR LA REDACTION"],
)
def test_a_newsroom_credit_without_accents_is_a_staff_credit(text: str) -> None:
    reading = read_byline(text)
    assert reading is not None and (reading.names, reading.problem) == ((), "staff")


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Ana Ruiz, Académie Royale", ("Ana Ruiz",), ("Académie Royale",)),
        ("Ana Ruiz, Academie Royale", ("Ana Ruiz",), ("Academie Royale",)),
        ("Par Ana Ruiz, Academie de Paris et Luc Martin", ("Ana Ruiz", "Luc Martin"), ("Academie de Paris", "")),
        ("Par Ana Ruiz, Ecole Polytechnique et Luc Martin", ("Ana Ruiz", "Luc Martin"), ("Ecole Polytechnique", "")),
        ("Di Marco Rossi, Universita di Bologna e Luca Bianchi", ("Marco Rossi", "Luca Bianchi"), ("Universita di Bologna", "")),
        ("Ana Ruiz, Agencia Brasil", ("Ana Ruiz",), ("Agencia Brasil",)),
    ],
)
def test_an_institutions_words_read_the_same_without_accents(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Names keep their accents, and names spelt like an unaccented word stay names.
        ("Par José Díaz", ("José Díaz",)),
        ("Por Ana Pérez y Luis Gómez", ("Ana Pérez", "Luis Gómez")),
        ("Par Eric Ecrivain", ("Eric Ecrivain",)),
        ("By Publio Ruiz", ("Publio Ruiz",)),
        ("Por Elena Él", ("Elena Él",)),
    ],
)
def test_names_are_read_as_before(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == names


def test_person_key_still_drops_accents_and_case() -> None:
    assert person_key("José Díaz") == person_key("JOSE DIAZ") == person_key("Díaz, José")


@pytest.mark.parametrize("byline", ["Par la redaction", "Por Redaccion, Daily Caller News Foundation"])
def test_the_byline_rule_reports_an_unaccented_newsroom_credit_as_a_staff_credit(byline: str) -> None:
    page = (
        "<html><body><article><h1>Officials weigh new rules</h1>"
        f'<p class="byline">{byline}</p>'
        "<p>State officials said on Tuesday that the plan would go ahead after months of talks.</p>"
        "<p>This article was originally published by the Daily Caller News Foundation.</p></article></body></html>"
    )
    findings = {f.rule: f.detail for f in check_html(page, packs=["dcnf"]).findings}
    assert "staff credit" in (findings.get("dcnf/byline") or "")
