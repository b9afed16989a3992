"""Multi-author bylines with an institution after each author, as pages write them: a byline whose
later author has no institution ("A, Mayo Clinic and B, Li Wei" credits three people, the last two
without one: a name after a comma is a person, not an institution); an outlet named like a person
("Mother Jones") after a name and a comma, which stays that author's affiliation; the conjunctions
of the languages whose openers the reader knows ("Par A, Université de Lyon et B", "Av A,
Universitetet i Oslo og B"); and Chinese, Japanese and Korean bylines, whose institutions end with
an institution's word ("北京大学", "서울대학교") and are parted by a fullwidth comma or a space, and
whose reporter's label may be glued to the name ("记者王芳", "기자김민수"). Checked on the reader and
through the CLI with The Conversation's pack (each author's institution) and DCNF's (the reporter
named, the DCNF affiliation)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document.byline_reading import read_byline
from tests.conftest import write

CONVERSATION = frozenset({"the conversation"})
DCNF = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf"})

# A Conversation republication (credit line, link and counter), its byline standing first.
CONVERSATION_CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-urban-trees-cool-231845">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/231845/count.gif" alt="The Conversation" width="1" height="1">'
)
DCNF_LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher. Contact licensing@dailycallernewsfoundation.org."
)
DCNF_LOGO = '<p><img src="https://dailycallernewsfoundation.org/logo.png" width="200" height="50" alt="Daily Caller News Foundation logo"></p>'


def _conversation_page(byline: str) -> str:
    return (
        f'<html><body><article><h1>Why urban trees cool</h1><p class="byline">{byline}</p>'
        f"<p>On a hot afternoon, a street lined with oaks can be 10 degrees cooler than bare pavement.</p>{CONVERSATION_CREDIT}"
        "</article></body></html>"
    )


def _dcnf_page(byline: str) -> str:
    # The logo stands three blocks from the byline, where it ties no one to the DCNF: only the
    # byline's own affiliation can.
    return (
        f'<html><body><article><h1>Farm bill advances</h1><p class="byline">{byline}</p><p>The committee advanced the bill.</p>'
        f"<p>Senators will vote next week.</p>{DCNF_LOGO}<p>{DCNF_LICENSE}</p></article></body></html>"
    )


def _verdict(cli: Any, tmp_path: Path, page: str, pack: str, rule: str) -> str | None:
    """The message of `rule`'s finding when `syndcheck check --pack PACK` is run on `page`, or
    None when the rule passed; a rule that did neither fails the test."""
    path = write(tmp_path, "story.html", page)
    entry = cli("check", "--pack", pack, "--format", "json", str(path)).json()["files"][0]
    for finding in entry["findings"]:
        if finding["rule"] == rule:
            return str(finding["message"])
    assert rule in {passed["rule"] for passed in entry["passed"]}, entry["findings"]
    return None


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        # A name after the last author and a comma is one more author, without an institution.
        ("By Ana Ruiz, Mayo Clinic and Ben Cole, Li Wei", ("Ana Ruiz", "Ben Cole", "Li Wei"), ("Mayo Clinic", "", "")),
        ("Ines Marlowe, University of Lakeshore & Tomas Reyes, Jane Doe", ("Ines Marlowe", "Tomas Reyes", "Jane Doe"), ("University of Lakeshore", "", "")),
        ("Ana Ruiz (Mayo Clinic) and Ben Cole, Li Wei", ("Ana Ruiz", "Ben Cole", "Li Wei"), ("Mayo Clinic", "", "")),
        ("Ana Ruiz, Mayo Clinic; Ben Cole, Li Wei", ("Ana Ruiz", "Ben Cole", "Li Wei"), ("Mayo Clinic", "", "")),
        # With an institution after both, as "Jane Doe, John Roe, Harvard University" shares one.
        (
            "Ana Ruiz, Mayo Clinic and Ben Cole, Li Wei, Peking University",
            ("Ana Ruiz", "Ben Cole", "Li Wei"),
            ("Mayo Clinic", "Peking University", "Peking University"),
        ),
        ("By Ana Ruiz, Mayo Clinic and Li Wei", ("Ana Ruiz", "Li Wei"), ("Mayo Clinic", "")),
        ("Li Wei, Mayo Clinic and Ana Ruiz", ("Li Wei", "Ana Ruiz"), ("Mayo Clinic", "")),
        # Near misses: an institution, an outlet named like a person, a newspaper after the last author.
        ("By Ana Ruiz, Mayo Clinic and Ben Cole, Monash University", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "Monash University")),
        ("Ana Ruiz, Harvard University and Ben Cole, Mother Jones", ("Ana Ruiz", "Ben Cole"), ("Harvard University", "Mother Jones")),
        ("Ana Ruiz, Harvard University and Ben Cole, Baltimore Sun", ("Ana Ruiz", "Ben Cole"), ("Harvard University", "Baltimore Sun")),
        ("Ana Ruiz, Mayo Clinic and Ben Cole, Senior Fellow", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "")),
        ("Ana Ruiz, Mayo Clinic and Ben Cole, Kaiser Permanente", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "Kaiser Permanente")),
        ("Ana Ruiz, Mother Jones", ("Ana Ruiz",), ("Mother Jones",)),
        ("By Ana Ruiz, Uncle Sam", ("Ana Ruiz",), ("Uncle Sam",)),
        ("By Jane Doe, Simon and Schuster", ("Jane Doe",), ("Simon and Schuster",)),
    ],
)
def test_an_author_after_a_comma_is_a_person_and_an_outlet_is_an_affiliation(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Par Marie Dupont, Université de Lyon et Jean Martin", ("Marie Dupont", "Jean Martin"), ("Université de Lyon", "")),
        (
            "Par Marie Dupont, Université de Lyon et Jean Martin, Sorbonne Université",
            ("Marie Dupont", "Jean Martin"),
            ("Université de Lyon", "Sorbonne Université"),
        ),
        ("Par Marie Dupont, Université de Lyon, et Jean Martin", ("Marie Dupont", "Jean Martin"), ("Université de Lyon", "")),
        ("Por Ana García, Universidad de Chile y Luis Pérez", ("Ana García", "Luis Pérez"), ("Universidad de Chile", "")),
        (
            "Por Ana García, Universidad de Ciencias y Artes de Chiapas y Luis Pérez, Universidad de Buenos Aires",
            ("Ana García", "Luis Pérez"),
            ("Universidad de Ciencias y Artes de Chiapas", "Universidad de Buenos Aires"),
        ),
        ("Von Anna Schmidt, Universität Wien und Peter Müller, Universität Bern", ("Anna Schmidt", "Peter Müller"), ("Universität Wien", "Universität Bern")),
        ("Di Marco Rossi, Università di Bologna e Luca Bianchi", ("Marco Rossi", "Luca Bianchi"), ("Università di Bologna", "")),
        ("Door Jan de Vries, Universiteit Utrecht en Piet Jansen", ("Jan de Vries", "Piet Jansen"), ("Universiteit Utrecht", "")),
        (
            "Av Ola Nordmann, Universitetet i Oslo og Kari Hansen, Universitetet i Bergen",
            ("Ola Nordmann", "Kari Hansen"),
            ("Universitetet i Oslo", "Universitetet i Bergen"),
        ),
        # One institution after both names is theirs together, in these languages too.
        ("Par Marie Dupont et Jean Martin, Université de Lyon", ("Marie Dupont", "Jean Martin"), ("Université de Lyon",) * 2),
    ],
)
def test_each_language_parts_the_authors_at_its_conjunction(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("김민수 서울대학교 교수", ("김민수",), ("서울대학교",)),
        ("김민수 한국개발연구원 연구위원", ("김민수",), ("한국개발연구원",)),
        ("李伟，北京大学", ("李伟",), ("北京大学",)),
        ("李伟, 北京大学", ("李伟",), ("北京大学",)),
        ("王芳 北京大学教授", ("王芳",), ("北京大学",)),
        ("李伟 中国科学院", ("李伟",), ("中国科学院",)),
        ("記者 陳大文，香港大學", ("陳大文",), ("香港大學",)),
        ("作者：李伟，北京大学；王芳，清华大学", ("李伟", "王芳"), ("北京大学", "清华大学")),
        # Several authors: an institution (and its title) closes its author's credit.
        ("李伟 北京大学 王芳 清华大学", ("李伟", "王芳"), ("北京大学", "清华大学")),
        ("김민수 서울대학교 교수, 이영희 고려대학교 교수", ("김민수", "이영희"), ("서울대학교", "고려대학교")),
        ("李伟，北京大学，王芳", ("李伟", "王芳"), ("北京大学", "")),
        ("山田太郎 東京大学教授", ("山田太郎",), ("東京大学",)),
        ("李伟（北京大学）", ("李伟",), ("北京大学",)),
        # Labels, spaced or glued to the name, before or after it.
        ("记者 王芳", ("王芳",), ("",)),
        ("记者王芳", ("王芳",), ("",)),
        ("記者陳大文", ("陳大文",), ("",)),
        ("本报记者张伟", ("张伟",), ("",)),
        ("기자김민수", ("김민수",), ("",)),
        ("기자 김민수", ("김민수",), ("",)),
        ("김민수 기자", ("김민수",), ("",)),
        ("作者：张三、李四", ("张三", "李四"), ("", "")),
    ],
)
def test_cjk_bylines_part_the_name_from_the_institution(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    "text",
    [
        # The label opens words too: a press conference ("记者招待会", "기자회견"), a label's own
        # word ("记者会"), a clause ("记者向他"). None of these is a label and a name.
        "记者招待会",
        "기자회견",
        "记者会",
        "记者向他",
        # An institution's word alone names no institution: "大学" after a name stays in it.
        "王芳 大学",
    ],
)
def test_words_the_label_or_the_institution_word_opens_are_not_parted(text: str) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is None or reading.names == (text,)


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("By Ana Ruiz, Mayo Clinic and Ben Cole, Li Wei", "The byline credits Ben Cole and Li Wei but not their institution."),
        ("Ana Ruiz, Harvard University and Jane Doe, John Roe", "The byline credits Jane Doe and John Roe but not their institution."),
        ("Par Marie Dupont, Université de Lyon et Jean Martin", "The byline credits Jean Martin but not their institution."),
        ("Av Ola Nordmann, Universitetet i Oslo og Kari Hansen", "The byline credits Kari Hansen but not their institution."),
        ("Von Anna Schmidt, Universität Wien und Peter Müller", "The byline credits Peter Müller but not their institution."),
        ("记者王芳", "The byline credits 王芳 but not their institution."),
        ("기자 김민수", "The byline credits 김민수 but not their institution."),
        ("김민수 서울대학교 교수, 이영희", "The byline credits 이영희 but not their institution."),
        ("李伟 北京大学 王芳 清华大学", None),
        # Every author with an institution (or an outlet named like a person) passes.
        ("By Ana Ruiz, Mayo Clinic and Ben Cole, Monash University", None),
        ("Ana Ruiz, Mother Jones", None),
        ("Ana Ruiz, Harvard University and Ben Cole, Mother Jones", None),
        ("Par Marie Dupont, Université de Lyon et Jean Martin, Sorbonne Université", None),
        ("Door Jan de Vries, Universiteit Utrecht en Piet Jansen, Universiteit Leiden", None),
        ("김민수 서울대학교 교수", None),
        ("李伟，北京大学", None),
        ("王芳 北京大学教授", None),
    ],
)
def test_the_conversation_names_each_author_without_an_institution(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    assert _verdict(cli, tmp_path, _conversation_page(byline), "the-conversation", "the-conversation/author-institution") == message


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ana Ruiz, Mayo Clinic and Ben Cole, Li Wei", "Ana Ruiz, Ben Cole and Li Wei"),
        ("Par Marie Dupont, Université de Lyon et Jean Martin", "Marie Dupont and Jean Martin"),
        ("Av Ola Nordmann, Universitetet i Oslo og Kari Hansen", "Ola Nordmann and Kari Hansen"),
        ("By Ana Ruiz, Mother Jones", "Ana Ruiz"),
        ("记者王芳", "王芳"),
        ("기자김민수", "김민수"),
        ("김민수 서울대학교 교수", "김민수"),
        ("李伟，北京大学", "李伟"),
    ],
)
def test_dcnf_names_the_reporters_the_byline_does_not_tie_to_it(cli: Any, tmp_path: Path, byline: str, names: str) -> None:
    page = _dcnf_page(byline)
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/byline") is None
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/affiliation") == f"The byline does not tie {names} to the Daily Caller News Foundation."


@pytest.mark.parametrize(
    "byline",
    [
        "By Ana Ruiz, Daily Caller News Foundation and Ben Cole, Daily Caller News Foundation",
        "Par Marie Dupont, Daily Caller News Foundation et Jean Martin, Daily Caller News Foundation",
        "记者 王芳，Daily Caller News Foundation",
    ],
)
def test_dcnf_passes_reporters_with_its_affiliation(cli: Any, tmp_path: Path, byline: str) -> None:
    page = _dcnf_page(byline)
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/byline") is None
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/affiliation") is None


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        # The ideographic comma and a list's middle dot part people as a comma does, with no label.
        ("李伟、王芳", ("李伟", "王芳"), ("", "")),
        ("山田太郎、鈴木花子", ("山田太郎", "鈴木花子"), ("", "")),
        ("陳大文、林小明、黃志強", ("陳大文", "林小明", "黃志強"), ("", "", "")),
        ("山田太郎・鈴木花子", ("山田太郎", "鈴木花子"), ("", "")),
        ("김민수·이영희 기자", ("김민수", "이영희"), ("", "")),
        ("박지훈ㆍ최수진", ("박지훈", "최수진"), ("", "")),
        ("李伟、王芳，北京大学", ("李伟", "王芳"), ("北京大学", "北京大学")),
        # Near misses: the dot inside one foreign name, in katakana.
        ("ジョン・スミス", ("ジョン・スミス",), ("",)),
        ("記者 ジョン・スミス", ("ジョン・スミス",), ("",)),
    ],
)
def test_cjk_list_separators_part_the_authors(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        # A closed bracket closes its author's credit: what follows is the next author.
        ("李伟（北京大学）、王芳", ("李伟", "王芳"), ("北京大学", "")),
        ("李伟（北京大学）、王芳（清华大学）", ("李伟", "王芳"), ("北京大学", "清华大学")),
        ("山田太郎（東京大学）・鈴木花子", ("山田太郎", "鈴木花子"), ("東京大学", "")),
        ("김민수(서울대학교), 이영희", ("김민수", "이영희"), ("서울대학교", "")),
        ("Li Wei (Peking University), Wang Fang", ("Li Wei", "Wang Fang"), ("Peking University", "")),
        ("Li Wei (Peking University) · Wang Fang", ("Li Wei", "Wang Fang"), ("Peking University", "")),
        ("Ana Ruiz (Mayo Clinic) | Ben Cole", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "")),
        ("Ana Ruiz [Mayo Clinic]; Ben Cole", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "")),
        ("Ana Ruiz (Mayo Clinic), Ben Cole (Monash University)", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "Monash University")),
        ("Ana Ruiz (Mayo Clinic), Ben Cole, Yale University", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "Yale University")),
        ("Ana Ruiz (Mayo Clinic) and Ben Cole", ("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "")),
        # Near misses: after the bracket, more of the same author's credit, or nothing.
        ("Jane Doe (Harvard University), Senior Fellow", ("Jane Doe",), ("Harvard University",)),
        ("Jane Doe (Harvard University), Mother Jones", ("Jane Doe",), ("Harvard University",)),
        ("By Jane Doe (AP), WASHINGTON", ("Jane Doe",), ("AP",)),
        ("Jane Doe (Harvard University)", ("Jane Doe",), ("Harvard University",)),
        ("Jane Doe (with John Roe), Harvard University", ("Jane Doe", "John Roe"), ("Harvard University", "Harvard University")),
    ],
)
def test_a_name_after_a_closed_bracket_is_the_next_author(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("李伟、王芳", "The byline credits 李伟 and 王芳 but not their institution."),
        ("山田太郎、鈴木花子", "The byline credits 山田太郎 and 鈴木花子 but not their institution."),
        ("李伟（北京大学）、王芳", "The byline credits 王芳 but not their institution."),
        ("山田太郎（東京大学）・鈴木花子", "The byline credits 鈴木花子 but not their institution."),
        ("김민수(서울대학교), 이영희", "The byline credits 이영희 but not their institution."),
        ("Li Wei (Peking University), Wang Fang", "The byline credits Wang Fang but not their institution."),
        ("Li Wei (Peking University) · Wang Fang", "The byline credits Wang Fang but not their institution."),
        ("李伟（北京大学）、王芳（清华大学）", None),
        ("Ana Ruiz (Mayo Clinic), Ben Cole (Monash University)", None),
    ],
)
def test_the_conversation_checks_authors_after_cjk_separators_and_brackets(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    assert _verdict(cli, tmp_path, _conversation_page(byline), "the-conversation", "the-conversation/author-institution") == message
