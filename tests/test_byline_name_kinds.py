"""Names a byline reader must not lose or invent: surnames in capitals spelt like Roman numerals
("By TOM LI and ANA RUIZ"), short East Asian names after a comma that a gazetteer spells as a
city's name in another language ("By Jake Smith, Vu Han"), an outlet named with a word of
kinship ("By Jane Doe, Mother Jones"), a bracket that is one author's institution ("By A and B
(University of X)"), and the labels of Chinese, Japanese and Korean bylines ("作者：张三",
"김철수 기자"); with the near misses each must leave as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import check_html, load_packs
from compliance.document.byline_reading import dateline_places, read_byline
from compliance.packs import Pack

HEADLINE = "Council votes to widen the main road through town"
STORY = "The council voted on Tuesday to widen the main road after a long debate about safety, traffic and the cost to the town's budget."


def _page(top: str) -> str:
    paragraphs = f"<p>{STORY}</p>" * 3
    return f"<html><head><title>t</title></head><body><article><h1>{HEADLINE}</h1>{top}{paragraphs}</article></body></html>"


def _pack(tmp_path: Path, check: str) -> Pack:
    pack = tmp_path / "gz.yaml"
    pack.write_text(
        "id: gz\nname: G\npublisher: G\nterms_url: https://e.org\nas_of: 2024-05-01\nsummary: s\nrules:\n"
        f"  - id: gz/rule\n    severity: error\n    message: 'credit {{names}}'\n    help: h\n    check: {check}\n",
        encoding="utf-8",
    )
    return next(p for p in load_packs(pack) if p.id == "gz")


def _read(text: str) -> tuple[tuple[str, ...], str]:
    reading = read_byline(text)
    assert reading is not None
    return reading.names, reading.credit


# 1. Names in capitals: a two-letter surname spelt like a Roman numeral is a surname.


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By TOM LI and ANA RUIZ", ("TOM LI", "ANA RUIZ")),
        ("By ANA RUIZ and TOM LI", ("ANA RUIZ", "TOM LI")),
        ("By TOM LI", ("TOM LI",)),
        ("By TOM VI, ANA RUIZ", ("TOM VI", "ANA RUIZ")),
        ("By JANE DOE, TOM LI", ("JANE DOE", "TOM LI")),
        ("By JANE XI", ("JANE XI",)),
        # A suffix's numeral after a full name stays the name's, in capitals or not.
        ("By JOHN SMITH III and ANA RUIZ", ("JOHN SMITH III", "ANA RUIZ")),
        ("By John Smith III", ("John Smith III",)),
        ("By Tom Li and Ana Ruiz", ("Tom Li", "Ana Ruiz")),
    ],
)
def test_a_surname_in_capitals_spelt_like_a_numeral_is_a_surname(text: str, names: tuple[str, ...]) -> None:
    assert _read(text) == (names, "")


@pytest.mark.parametrize(
    "text",
    [
        "By JOHN II",  # a suffix's numeral after a given name alone is no full name
        "By PART XI",  # a section's label
        "By Part II",
        "By Tom LI",  # a numeral in capitals after a name in Title Case
    ],
)
def test_a_numeral_without_a_full_name_before_it_names_no_one(text: str) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert reading.names == ()


# 2. Short names of two words after a comma are people, unless they are written as a dateline
# writes a place.


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jake Smith, Kim Hoa", ("Jake Smith", "Kim Hoa")),  # Vietnamese for Jinhua
        ("By Jake Smith, Vu Han", ("Jake Smith", "Vu Han")),  # Vietnamese for Wuhan
        ("By Jake Smith, Thuong Hai", ("Jake Smith", "Thuong Hai")),  # Vietnamese for Shanghai
        ("By Jake Smith, Ai Sen", ("Jake Smith", "Ai Sen")),  # "AI" is a topic, "Ai" a given name
        ("By Jane Doe, Ai Weiwei", ("Jane Doe", "Ai Weiwei")),
        ("By Jake Smith, Kim Hoa, Vu Han", ("Jake Smith", "Kim Hoa", "Vu Han")),
        ("By JAKE SMITH, VU HAN", ("JAKE SMITH", "VU HAN")),
    ],
)
def test_a_short_name_after_a_comma_is_a_second_person(text: str, names: tuple[str, ...]) -> None:
    assert _read(text) == (names, "")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # Places as datelines write them: by the city's own name, its English name, or a name
        # sharing a word with its own.
        ("By Jane Doe, Sao Paulo", "Sao Paulo"),
        ("By Jane Doe, St. Petersburg", "St. Petersburg"),
        ("By Jane Doe, Mong Kok", "Mong Kok"),
        ("By Jane Doe, Al Ain", "Al Ain"),
        ("By Jane Doe, Hong Kong", "Hong Kong"),
        ("By Jane Doe, Kiev", "Kiev"),
        # A topic, a title, an outlet.
        ("By Jane Doe, AI Policy", "AI Policy"),
        ("By Jane Doe, Health Policy", "Health Policy"),
        ("By Jane Doe, Roll Call", "Roll Call"),
    ],
)
def test_a_place_topic_or_outlet_after_the_name_is_still_no_person(text: str, credit: str) -> None:
    names, read_credit = _read(text)
    assert (len(names), read_credit) == (1, credit)


@pytest.mark.parametrize(
    ("part", "is_place"),
    [("Vu Han", False), ("Kim Hoa", False), ("Thuong Hai", False), ("New York", True), ("Saigon", True), ("Bombay", True)],
)
def test_a_city_is_a_dateline_place_by_its_own_or_english_name_only(part: str, is_place: bool) -> None:
    assert (dateline_places(part) == {part}) is is_place


# 3. An outlet named with a word of kinship is no reporter.


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("By Jane Doe, Mother Jones", ("Jane Doe",), "Mother Jones"),
        ("By Jane Doe | Mother Jones", ("Jane Doe",), "Mother Jones"),
        ("By Jane Doe, Mother Jones, and Bob Roe", ("Jane Doe", "Bob Roe"), "Mother Jones"),
        ("By Mother Jones", (), "Mother Jones"),
        ("By MOTHER JONES", (), "MOTHER JONES"),
        # A religious title with a full name is a person's; titles that are given names too stand.
        ("By Sister Helen Prejean", ("Sister Helen Prejean",), ""),
        ("By Jane Doe, Major Garrett", ("Jane Doe", "Major Garrett"), ""),
        ("By Mama Robotnik", ("Mama Robotnik",), ""),  # a familiar word as a pen name's given name
        ("By Jane Doe, John Roe", ("Jane Doe", "John Roe"), ""),
    ],
)
def test_a_word_of_kinship_and_one_name_is_no_reporter(text: str, names: tuple[str, ...], credit: str) -> None:
    assert _read(text) == (names, credit)


@pytest.mark.parametrize(("byline", "passes"), [("By Mother Jones", False), ("By Jane Doe, Mother Jones", True)])
def test_an_outlet_named_with_a_word_of_kinship_credits_no_person(tmp_path: Path, byline: str, passes: bool) -> None:
    check = "{byline: {person: true}}"
    report = check_html(_page(f'<p class="byline">{byline}</p>'), packs=[_pack(tmp_path, check)], detect=False)
    assert ("gz/rule" in {p.rule for p in report.passed}) is passes


# 4. A bracket after one of several names is that person's institution.


@pytest.mark.parametrize(
    ("text", "institutions"),
    [
        ("By Jane Doe and Tom Li (University of Oslo)", ("", "University of Oslo")),
        ("By Jane Doe, Tom Li (University of Oslo)", ("", "University of Oslo")),
        ("By Jane Doe (Harvard University) and Tom Li (University of Oslo)", ("Harvard University", "University of Oslo")),
        ("By Jane Doe (University of Oslo) and Tom Li", ("University of Oslo", "")),
        # Written once for all of them: theirs together.
        ("By Jane Doe and Tom Li, University of Oslo", ("University of Oslo", "University of Oslo")),
        ("By Jane Doe and Tom Li, both of the University of Oslo", ("University of Oslo", "University of Oslo")),
        ("By Jane Doe and Tom Li (both of the University of Oslo)", ("University of Oslo", "University of Oslo")),
        ("By Jane Doe and Tom Li, all from Monash University", ("Monash University", "Monash University")),
        ("By Jane Doe (University of Oslo)", ("University of Oslo",)),
    ],
)
def test_a_bracket_after_a_name_is_that_persons_institution(text: str, institutions: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert reading.institutions == institutions


CONVERSATION_CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-urban-trees-cool-231845">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/231845/count.gif" alt="The Conversation" width="1" height="1">'
)


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("Ines Marlowe and Tomas Reyes (Monash University)", "The byline credits Ines Marlowe but not their institution."),
        ("Ines Marlowe and Tomas Reyes, both of Monash University", None),
        ("Ines Marlowe and Tomas Reyes, Monash University", None),
    ],
)
def test_the_conversation_asks_the_institution_of_the_author_before_anothers_bracket(byline: str, message: str | None) -> None:
    story = "<p>On a hot afternoon, a street lined with oaks can be 10 degrees cooler than bare pavement.</p>"
    page = f'<html><body><article><h1>Why urban trees cool</h1><p class="byline">{byline}</p>{story}{CONVERSATION_CREDIT}</article></body></html>'
    report = check_html(page, packs=["the-conversation"])
    found = [f.message for f in report.findings if f.rule == "the-conversation/author-institution"]
    assert found == ([message] if message else [])


# 5. Chinese, Japanese and Korean bylines' labels.


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("作者：张三", ("张三",)),
        ("记者 张三", ("张三",)),
        ("本报记者 张三", ("张三",)),
        ("（记者 张三）", ("张三",)),
        ("文／张三", ("张三",)),
        ("文/张三", ("张三",)),
        ("撰文：张三", ("张三",)),
        ("作者：张三、李四", ("张三", "李四")),
        ("記者 山田太郎", ("山田太郎",)),
        ("筆者：山田太郎", ("山田太郎",)),
        ("山田太郎記者", ("山田太郎",)),
        ("기자 김철수", ("김철수",)),
        ("글 김철수", ("김철수",)),
        ("김철수 기자", ("김철수",)),
        ("김철수 기자 kim@example.kr", ("김철수",)),
    ],
)
def test_the_labels_of_chinese_japanese_and_korean_bylines_open_them(text: str, names: tuple[str, ...]) -> None:
    assert _read(text) == (names, "")
    # A paragraph so labelled is a byline as one opening with "By" is.
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize("text", ["他是一名记者。", "记者会上，市长说明了计划。", "文化新闻", "글로벌 뉴스"])
def test_prose_and_headings_with_the_labels_words_are_no_bylines(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(("text", "names"), [("By the numbers", ()), ("By Jane Doe", ("Jane Doe",)), ("By Jane Doe, WASHINGTON", ("Jane Doe",))])
def test_ordinary_bylines_and_headings_read_as_before(text: str, names: tuple[str, ...]) -> None:
    assert _read(text)[0] == names


def test_a_chinese_byline_credits_its_reporter_on_the_page(tmp_path: Path) -> None:
    report = check_html(_page('<p class="byline">记者 张三</p>'), packs=[_pack(tmp_path, "{original-byline: {}}")], meta={"reporter": "张三"}, detect=False)
    assert [p.rule for p in report.passed] == ["gz/rule"]
