"""A Chinese, Japanese or Korean byline that lists people names each of them, whatever parts them:
a comma ("이영희, 김종대"), a middle dot ("이영희·김종대"), the ideographic comma ("李伟、王芳") or
"and" ("이영희 및 김종대", "李伟 和 王芳", Japanese "と" glued between names in kanji,
"山田太郎と鈴木花子"). A Korean name of three syllables ending in "대" ("김종대") is shaped as a
university's short form ("서울대"): with no title after it, it is read as a short form only when it
is a well-known university's ("서울대", "연세대", "고려대") or opens with no surname ("경희대"). An
institution's full name ("서울대학교", "北京大学", "研究所") and an outlet ("朝日新聞") stay what
they are."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import read_byline


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("이영희, 김종대", ("이영희", "김종대")),
        ("이영희，김종대", ("이영희", "김종대")),
        ("이영희·김종대", ("이영희", "김종대")),
        ("이영희ㆍ김종대", ("이영희", "김종대")),
        ("이영희 및 김종대", ("이영희", "김종대")),
        ("이영희, 김종대 기자", ("이영희", "김종대")),
        ("이영희·김종대 기자", ("이영희", "김종대")),
        ("기자 이영희, 박성대", ("이영희", "박성대")),
        ("김민수, 김종대, 박철수", ("김민수", "김종대", "박철수")),
        ("이영희 김종대, 박철수", ("이영희", "김종대", "박철수")),
        ("山田太郎と鈴木花子", ("山田太郎", "鈴木花子")),
        ("記者 山田太郎と鈴木花子", ("山田太郎", "鈴木花子")),
        ("山田太郎 と 鈴木花子", ("山田太郎", "鈴木花子")),
        ("李伟 和 王芳", ("李伟", "王芳")),
        ("李伟、王芳、张强", ("李伟", "王芳", "张强")),
    ],
)
def test_a_list_of_cjk_names_names_each_person(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert reading.names == names
    assert not any(reading.institutions)


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        # Short forms that are institutions: well-known universities', a stem opening with no
        # surname, a title after it, more syllables than a name has.
        ("김민수, 서울대", ("김민수",), ("서울대",)),
        ("김민수, 고려대", ("김민수",), ("고려대",)),
        ("김민수, 한양대", ("김민수",), ("한양대",)),
        ("김민수, 경희대", ("김민수",), ("경희대",)),
        ("김민수, 부산대", ("김민수",), ("부산대",)),
        ("김민수, 김종대 교수", ("김민수",), ("김종대",)),
        ("김민수, 성균관대", ("김민수",), ("성균관대",)),
        # Full names of institutions stay institutions, after any list separator.
        ("이영희, 서울대학교", ("이영희",), ("서울대학교",)),
        ("이영희, 김종대 서울대학교 교수", ("이영희", "김종대"), ("서울대학교", "서울대학교")),
        ("김민수 서울대 교수, 김종대", ("김민수", "김종대"), ("서울대", "")),
        ("李伟，北京大学", ("李伟",), ("北京大学",)),
        ("山田太郎と東京大学", ("山田太郎",), ("東京大学",)),
        ("王芳，中国科学院研究所", ("王芳",), ("中国科学院研究所",)),
    ],
)
def test_an_institution_after_a_name_stays_an_institution(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


def test_an_outlet_before_a_japanese_list_is_no_person() -> None:
    reading = read_byline("朝日新聞 山田太郎と鈴木花子")
    assert reading is not None
    assert reading.names == ("山田太郎", "鈴木花子")
    assert "朝日新聞" in reading.credit


@pytest.mark.parametrize("separator", [", ", "·", " 및 "])
def test_the_page_reads_a_korean_list_in_byline_markup(separator: str) -> None:
    page = f'<html><body><article><h1>제목</h1><p class="byline">이영희{separator}김종대 기자</p><p>본문입니다.</p></article></body></html>'
    assert [byline.names for byline in parse_document(page, "html").bylines] == [("이영희", "김종대")]
