"""Indonesian and Malay bylines label their credits as Vietnamese ones do: "Penulis" (writer),
"Wartawan" and "Pewarta" (reporter) and "Oleh:" ("by") credit the author; "Editor" and
"Penyunting" (editor) credit a part. "Oleh" is also a given name ("Oleh Sentsov"): without its colon
it opens a credit only when a full name follows it ("Oleh Siti Rahmawati"), and before one word it is
the name's own."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import credited_for_a_part, read_byline


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Penulis: Budi Santoso", "Budi Santoso"),
        ("Wartawan: Budi Santoso", "Budi Santoso"),
        ("Pewarta: Budi Santoso", "Budi Santoso"),
        ("Oleh: Budi Santoso", "Budi Santoso"),
        ("Penulis: Budi Santoso | Editor: Siti Rahma", "Budi Santoso"),
        ("Pewarta: Budi Santoso, Penyunting: Siti Rahma", "Budi Santoso"),
    ],
)
def test_an_indonesian_label_credits_the_author(byline: str, author: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert reading.names[0] == author
    assert [name for name in reading.names if not credited_for_a_part(byline, name)] == [author]


def test_oleh_without_its_colon_is_a_given_name() -> None:
    reading = read_byline("Oleh Sentsov")
    assert reading is not None
    assert reading.names == ("Oleh Sentsov",)


def test_an_editors_label_alone_names_no_author() -> None:
    reading = read_byline("Penyunting: Siti Rahma")
    assert reading is not None
    assert reading.names == ()


def test_the_page_credits_the_writer() -> None:
    html = (
        '<html lang="id"><body><article><h1>Dewan air naikkan tarif air tanah</h1><p class="byline">Penulis: Budi Santoso | Editor: Siti Rahma</p>'
        "<p>Dewan air negara bagian memutuskan dengan suara 4-1 pada hari Selasa untuk menaikkan tarif air tanah.</p></article></body></html>"
    )
    bylines = [b for b in story_bylines(parse_document(html, "html")) if b.names]
    assert bylines and bylines[0].names[0] == "Budi Santoso"
