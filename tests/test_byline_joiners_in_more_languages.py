"""Several authors joined in Turkish ("ve"), Indonesian and Malay ("dan"), Polish ("i", "oraz")
are each credited; Indonesian and Malay "Oleh" opens a byline as "By" does, while "Oleh" the
Ukrainian given name stays a name; the Turkish labels ("Haber:", "Muhabir:", "Yazan:") and the
Polish plural "Autorzy:" label the authors. "With" in the other languages ("con", "mit", "avec",
"ile", "dengan") joins two people as English "with" does, and before a contribution ("con
información de EFE", "with reporting from Reuters", "mit Material von dpa") it ends the
reporter's name, as a comma would. Before, each of these bylines was read as an outlet's name,
and the reporters were not found."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Haber: Ayşe Yılmaz ve Mehmet Demir", ("Ayşe Yılmaz", "Mehmet Demir")),
        ("Muhabir: Elif Kaya", ("Elif Kaya",)),
        ("Yazan: Can Öztürk ve Zeynep Arslan", ("Can Öztürk", "Zeynep Arslan")),
        ("Oleh Siti Rahmawati dan Budi Santoso", ("Siti Rahmawati", "Budi Santoso")),
        ("OLEH SITI RAHMAWATI DAN BUDI SANTOSO", ("SITI RAHMAWATI", "BUDI SANTOSO")),
        ("Oleh Dewi Lestari, Agus Salim dan Rina Wati", ("Dewi Lestari", "Agus Salim", "Rina Wati")),
        ("Autorzy: Anna Kowalska i Piotr Wiśniewski", ("Anna Kowalska", "Piotr Wiśniewski")),
        ("Autorzy: Anna Kowalska oraz Piotr Wiśniewski", ("Anna Kowalska", "Piotr Wiśniewski")),
        ("di Marco Rossi con Giulia Bianchi", ("Marco Rossi", "Giulia Bianchi")),
        ("Por Lucía Gómez con Diego Herrera", ("Lucía Gómez", "Diego Herrera")),
        ("Von Jonas Weber mit Lea Schmitz", ("Jonas Weber", "Lea Schmitz")),
        ("Oleh Siti Rahmawati dengan Budi Santoso", ("Siti Rahmawati", "Budi Santoso")),
        ("Haber: Ayşe Yılmaz ile Mehmet Demir", ("Ayşe Yılmaz", "Mehmet Demir")),
        ("Reporting: Ana Ruiz with Ben Cole", ("Ana Ruiz", "Ben Cole")),
        ("Texto: Ana Ruiz con Ben Cole", ("Ana Ruiz", "Ben Cole")),
    ],
)
def test_each_person_joined_in_the_language_is_credited(line: str, names: tuple[str, ...]) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, "")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Oleh Sentsov", ("Oleh Sentsov",)),
        ("By Oleh Sentsov", ("Oleh Sentsov",)),
        ("By Dan Smith and Dan Jones", ("Dan Smith", "Dan Jones")),
        ("By Ana Ruiz and Ilse Ve", ("Ana Ruiz", "Ilse Ve")),
    ],
)
def test_the_same_words_as_names_stay_names(line: str, names: tuple[str, ...]) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert reading.names == names


@pytest.mark.parametrize(
    ("line", "name", "credit"),
    [
        ("Por Ana Ruiz con información de EFE", "Ana Ruiz", "con información de EFE"),
        ("By Ana Ruiz with reporting from Reuters", "Ana Ruiz", "with reporting from Reuters"),
        ("Von Anna Müller mit Material von dpa", "Anna Müller", "mit Material von dpa"),
        ("Par Jean Dupont avec AFP", "Jean Dupont", "avec AFP"),
        ("By Ana Ruiz with CalMatters", "Ana Ruiz", "CalMatters"),
    ],
)
def test_with_before_a_contribution_ends_the_name(line: str, name: str, credit: str) -> None:
    reading = read_byline(line)
    assert reading is not None
    assert (reading.names, reading.credit) == ((name,), credit)


def test_a_turkish_page_credits_both_reporters_and_not_the_photographer() -> None:
    html = (
        '<html lang="tr"><body><article><h1>Su kurulu ücretleri artırdı</h1>'
        '<p class="byline">Haber: Ayşe Yılmaz ve Mehmet Demir | Fotoğraf: Emre Koç</p>'
        "<p>Eyalet su kurulu salı günü çiftliklerin yeraltı suyu için ödediği ücretleri artırma kararı aldı.</p>"
        "</article></body></html>"
    )
    bylines = [b for b in story_bylines(parse_document(html, "html")) if b.names]
    assert bylines[0].names[:2] == ("Ayşe Yılmaz", "Mehmet Demir")
