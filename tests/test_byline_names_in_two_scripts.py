"""A republication in Korean, Chinese or Japanese may write its reporter's name twice: in its own
script and, in brackets, in Latin letters ("By 김민지 (Minji Kim), CalMatters"). That is one
person, not two; an outlet or an institution in the bracket stays the credit. After a Chinese,
Japanese or Korean label ("글 김민지 (CalMatters)") the closing bracket at the end belongs to
the credit's bracket, not to the label's, which only a label opened with a bracket has
("（记者 张三）")."""

from __future__ import annotations

import pytest

from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import read_byline

STORY_KO = "주 수자원위원회는 화요일 4대 1의 표결로 농장이 지하수에 내는 요금을 인상하기로 했다. 3년 동안 세 번째 인상으로, 청문회는 자정을 넘겨 이어졌다."


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By 김민지 (Minji Kim), CalMatters", ("김민지",), "CalMatters"),
        ("By 王小明 (Wang Xiaoming)", ("王小明",), ""),
        ("By 山田太郎 (Taro Yamada), Kyodo News", ("山田太郎",), "Kyodo News"),
        ("By 김민지 (Minji Kim) and Ana Ruiz, CalMatters", ("김민지", "Ana Ruiz"), "CalMatters"),
        ("글 김민지 (Minji Kim)", ("김민지",), ""),
    ],
)
def test_a_name_and_its_transliteration_are_one_person(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("byline", "names", "credit"),
    [
        ("By 김민지 (CalMatters)", ("김민지",), "CalMatters"),
        ("By 王小明 (Peking University)", ("王小明",), "Peking University"),
        ("글 김민지 (CalMatters)", ("김민지",), "CalMatters"),
        ("By Ana Ruiz (CalMatters)", ("Ana Ruiz",), "CalMatters"),
    ],
)
def test_an_outlet_in_the_bracket_stays_the_credit(byline: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize("byline", ["（记者 张三）", "(记者 张三)", "【记者 张三】"])
def test_a_label_opened_with_a_bracket_still_closes_it(byline: str) -> None:
    reading = read_byline(byline)
    assert reading is not None
    assert (reading.names, reading.credit) == (("张三",), "")


def test_the_page_credits_one_person() -> None:
    html = (
        '<html lang="ko"><body><article><h1>수자원위원회, 3년 연속 지하수 요금 인상</h1>'
        '<p class="byline">By 김민지 (Minji Kim), CalMatters</p>'
        f"{f'<p>{STORY_KO}</p>' * 3}</article></body></html>"
    )
    (byline,) = story_bylines(parse_document(html, "html"))
    assert (byline.names, byline.reading.credit) == (("김민지",), "CalMatters")
