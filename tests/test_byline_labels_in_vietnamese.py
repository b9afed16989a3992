"""A credit written "Label: NAME" reads in Vietnamese as in the other languages: "Tác giả: A"
(author), "Bài: A" (text), "Phóng viên: A" (reporter) credit A; "Ảnh: B" (photos) and "Người
dịch: B" (translator) credit B for a part of the work only. After the label, the first name
ends at an opening bracket ("Texte : A (The Conversation)") or at a dash between words ("Bài: A
– Ảnh: B", "Words: A - Photos: B") as it does at a comma."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import credited_for_a_part, credits_only_a_part, read_byline

STORY_VI = (
    "Hội đồng nước của tiểu bang đã bỏ phiếu 4-1 hôm thứ Ba để tăng mức phí mà các trang trại phải trả cho nước ngầm, "
    "lần tăng thứ ba trong ba năm, sau một phiên điều trần kéo dài quá nửa đêm."
)


def _authors(text: str) -> tuple[tuple[str, ...], str]:
    reading = read_byline(text)
    assert reading is not None
    return tuple(name for name in reading.names if not credited_for_a_part(text, name)), reading.credit


@pytest.mark.parametrize(
    ("byline", "authors", "credit"),
    [
        ("Tác giả: Rosa Ibarra, CalMatters. Người dịch: Trần Thu Hà", ("Rosa Ibarra",), "CalMatters"),
        ("Tác giả: Rosa Ibarra", ("Rosa Ibarra",), ""),
        ("Tac gia: Rosa Ibarra, CalMatters", ("Rosa Ibarra",), "CalMatters"),
        ("Bài: Trần Thu Hà – Ảnh: Nguyễn Văn An", ("Trần Thu Hà",), ""),
        ("Bài viết: Trần Thu Hà", ("Trần Thu Hà",), ""),
        ("Phóng viên: Trần Thu Hà", ("Trần Thu Hà",), ""),
        ("Texte : Élodie Martin (The Conversation)", ("Élodie Martin",), "The Conversation"),
        ("Words: Ana Ruiz (CalMatters)", ("Ana Ruiz",), "CalMatters"),
        ("Words: Ana Ruiz - Photos: Ben Cole", ("Ana Ruiz",), ""),
        ("Text: Ana Ruiz — Photos: Ben Cole, CalMatters", ("Ana Ruiz",), "CalMatters"),
    ],
)
def test_a_labelled_credit_names_its_author(byline: str, authors: tuple[str, ...], credit: str) -> None:
    assert _authors(byline) == (authors, credit)


@pytest.mark.parametrize("line", ["Ảnh: Nguyễn Văn An", "Người dịch: Trần Thu Hà", "Dịch giả: Trần Thu Hà", "Biên dịch: Trần Thu Hà"])
def test_a_vietnamese_part_label_credits_no_author(line: str) -> None:
    assert credits_only_a_part(line)


def test_a_dash_inside_a_hyphenated_name_ends_nothing() -> None:
    assert _authors("Words: Ana Ortega-Díaz") == (("Ana Ortega-Díaz",), "")


def test_the_page_credits_the_author_not_the_translator() -> None:
    html = (
        '<html lang="vi"><body><article><h1>Hội đồng nước tăng phí nước ngầm năm thứ ba</h1>'
        '<p class="byline">Tác giả: Rosa Ibarra, CalMatters. Người dịch: Trần Thu Hà</p>'
        f"{f'<p>{STORY_VI}</p>' * 3}</article></body></html>"
    )
    (byline,) = story_bylines(parse_document(html, "html"))
    authors = tuple(name for name in byline.names if not credited_for_a_part(byline.text, name))
    assert (authors, byline.reading.credit) == (("Rosa Ibarra",), "CalMatters")
