"""Korean, Japanese and Chinese bylines: a foreign name written in Hangul keeps the spaces of its
own language and is one person ("글 로사 이바라" is Rosa Ibarra), while Korean names, each opening
with a common surname, parted by a space are several ("김민수 이영희"); "text and photos" labels
("글·사진", "文・写真") open a byline as "text" does; and a label before the name with the
reporter's job after it ("글 김민지 기자") credits the name, the job being no credit."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("글 로사 이바라", ("로사 이바라",), ""),
        ("글 로사 이바라 (CalMatters)", ("로사 이바라",), "CalMatters"),
        ("글 로사 이바라, 벤 크리스토퍼", ("로사 이바라", "벤 크리스토퍼"), ""),
        ("글·사진 김민지 기자", ("김민지",), ""),
        ("글/사진 김민지", ("김민지",), ""),
        ("사진·글 김민지", ("김민지",), ""),
        ("글 김민지 기자", ("김민지",), ""),
        ("글 김민지·박서준 기자", ("김민지", "박서준"), ""),
        ("文・写真：山田太郎", ("山田太郎",), ""),
        ("文：佐藤花子", ("佐藤花子",), ""),
        ("佐藤 花子 記者", ("佐藤 花子",), ""),
        ("本报记者 王小明", ("王小明",), ""),
    ],
)
def test_one_person_per_name_after_a_label(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("김민수 이영희", ("김민수", "이영희")),
        ("글 김민수 이영희", ("김민수", "이영희")),
        ("이영희 김종대 박철수", ("이영희", "김종대", "박철수")),
    ],
)
def test_korean_names_parted_by_a_space_are_several(byline: str, names: tuple[str, ...]) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert reading.names == names


def test_the_page_credits_one_person() -> None:
    html = (
        '<html lang="ko"><body><article><h1>수자원위원회, 3년 연속 지하수 요금 인상</h1>'
        '<p class="byline">글 로사 이바라 (CalMatters)</p>'
        "<p>주 수자원위원회는 화요일 4대 1의 표결로 농장이 지하수에 내는 요금을 인상하기로 했다.</p></article></body></html>"
    )
    bylines = [b for b in story_bylines(parse_document(html, "html")) if b.names]
    assert [(b.names, b.reading.credit) for b in bylines][:1] == [(("로사 이바라",), "CalMatters")]
