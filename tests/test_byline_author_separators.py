"""What parts one author from the next in a byline, beyond commas, semicolons and "and": a line
break inside the byline (one author a line, as a CMS prints it: `NAME, Uni X<br>NAME`, blocks in
an author box, a Markdown hard break, consecutive lines of plain text) and, after an author's
credit, a bar, a slash, a middle dot or a bullet ("NAME, Uni X | NAME"). Near-misses stay as
they were: a line break between a name and its own institution, a bar before a date or a
section, an opener alone on its line. Checked on the reader, on parsed documents and through the
CLI with The Conversation's pack, whose rule needs each author's institution."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import read_byline
from tests.conftest import write

CONVERSATION = frozenset({"the conversation"})
RULE = "the-conversation/author-institution"
STORY = "On a hot afternoon, a street lined with oaks can be 10 degrees cooler than bare pavement, our measurements show."
CREDIT = "This article is republished from The Conversation under a Creative Commons license. Read the original article."
CREDIT_HTML = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-urban-trees-cool-231845">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/231845/count.gif" alt="The Conversation" width="1" height="1">'
)


def _html(byline: str) -> str:
    return f"<html><body><article><h1>Why urban trees cool</h1>{byline}<p>{STORY}</p>{CREDIT_HTML}</article></body></html>"


def _read(doc_text: str, kind: str = "html") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each byline's names and each name's first institution ("" for none)."""
    return [(byline.names, byline.reading.institutions) for byline in parse_document(doc_text, kind).bylines]  # type: ignore[arg-type]


def _verdict(cli: Any, tmp_path: Path, name: str, page: str) -> str | None:
    """The message of the author-institution finding on `page`, or None when the rule passed."""
    path = write(tmp_path, name, page)
    entry = cli("check", "--pack", "the-conversation", "--format", "json", str(path)).json()["files"][0]
    for finding in entry["findings"]:
        if finding["rule"] == RULE:
            return str(finding["message"])
    assert RULE in {passed["rule"] for passed in entry["passed"]}, entry["findings"]
    return None


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Renata Okafor, Northern Plains University | Ana Ruiz", ("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", "")),
        ("By Renata Okafor, Associate Professor, Mayo Clinic / Ana Ruiz", ("Renata Okafor", "Ana Ruiz"), ("Mayo Clinic", "")),
        ("Li Wei, Peking University · Wang Fang", ("Li Wei", "Wang Fang"), ("Peking University", "")),
        ("Par Claire Dubois, Université de Lyon • Luc Martin", ("Claire Dubois", "Luc Martin"), ("Université de Lyon", "")),
        # Each with their own: the bar closes the first author's credit.
        (
            "Por Ana Ruiz, Universidad de Chile | Luis Pérez, Universidad de los Andes",
            ("Ana Ruiz", "Luis Pérez"),
            ("Universidad de Chile", "Universidad de los Andes"),
        ),
        ("Von Anna Weber, Universität Wien | Jonas Berg, Karolinska Institutet", ("Anna Weber", "Jonas Berg"), ("Universität Wien", "Karolinska Institutet")),
    ],
)
def test_a_bar_after_an_authors_credit_parts_the_next_author(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Ana Ruiz | March 3, 2025", ""),
        ("By Ana Ruiz | Politics", "Politics"),
        ("By Ana Ruiz | Health Policy", "Health Policy"),
        ("By Ana Ruiz, Staff Writer | Updated 3 hours ago", "Staff Writer"),
        ("By Ana Ruiz • 7 min read", ""),
        ("By Ana Ruiz, The Texas Tribune | Austin, Texas", "The Texas Tribune, Austin, Texas"),
        ("By Ana Ruiz, Reuters / Staff Writer", "Reuters, Staff Writer"),
    ],
)
def test_a_bar_before_a_date_a_section_or_a_place_names_no_author(text: str, credit: str) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.credit) == (("Ana Ruiz",), credit)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ('<p class="byline">Renata Okafor, Northern Plains University<br>Ana Ruiz</p>', [(("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", ""))]),
        ('<p class="byline">Ana Ruiz<br>Ben Cole</p>', [(("Ana Ruiz", "Ben Cole"), ("", ""))]),
        (
            '<div class="author-box"><div>Renata Okafor, Mayo Clinic</div><div>Ana Ruiz, Karolinska Institutet</div></div>',
            [(("Renata Okafor", "Ana Ruiz"), ("Mayo Clinic", "Karolinska Institutet"))],
        ),
        ("<p>By Renata Okafor, Northern Plains University<br>Ana Ruiz</p>", [(("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", ""))]),
        ('<p class="byline">Por Ana Ruiz, Universidad de Chile<br>Luis Pérez</p>', [(("Ana Ruiz", "Luis Pérez"), ("Universidad de Chile", ""))]),
        # The line break between a name and its institution is one author with an institution.
        ('<p class="byline">Renata Okafor<br>Northern Plains University</p>', [(("Renata Okafor",), ("Northern Plains University",))]),
        ('<p class="byline">By Ana Ruiz<br>March 3, 2025</p>', [(("Ana Ruiz",), ("",))]),
        ('<p class="byline">By<br>Ana Ruiz, Northern Plains University</p>', [(("Ana Ruiz",), ("Northern Plains University",))]),
        ('<p class="byline">By Ana Ruiz<br>Staff Writer</p>', [(("Ana Ruiz",), ("",))]),
        ('<p class="byline">Ana Ruiz and<br>Ben Cole, Mayo Clinic</p>', [(("Ana Ruiz", "Ben Cole"), ("Mayo Clinic", "Mayo Clinic"))]),
        ("<p>By Ana Ruiz, Mayo Clinic<br>Every spring the water tastes earthy.</p>", [(("Ana Ruiz",), ("Mayo Clinic",))]),
    ],
)
def test_a_line_break_in_the_byline_parts_authors_as_a_semicolon_does(byline: str, expected: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _read(_html(byline)) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("By Renata Okafor, Northern Plains University\nAna Ruiz", [(("Renata Okafor", "Ana Ruiz"), ("Northern Plains University", ""))]),
        # A line that is a byline of its own is read in its turn.
        (
            "By Renata Okafor, Northern Plains University\nAna Ruiz, Mayo Clinic",
            [(("Renata Okafor",), ("Northern Plains University",)), (("Ana Ruiz",), ("Mayo Clinic",))],
        ),
        # A blank line ends the byline's paragraph.
        ("By Renata Okafor, Northern Plains University\n\nAna Ruiz", [(("Renata Okafor",), ("Northern Plains University",))]),
    ],
)
def test_lines_under_a_plain_text_byline_go_on_with_it(lines: str, expected: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    text = "\n\n".join(["Why urban trees cool", lines, STORY, CREDIT])
    assert _read(text, "text") == expected


def test_a_markdown_hard_break_parts_authors() -> None:
    markdown = "\n\n".join(["# Why urban trees cool", "By Renata Okafor, Northern Plains University  \nBen Cole", STORY, CREDIT])
    assert _read(markdown, "markdown") == [(("Renata Okafor", "Ben Cole"), ("Northern Plains University", ""))]


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ('<p class="byline">Renata Okafor, Northern Plains University<br>Ana Ruiz</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">Renata Okafor, Northern Plains University | Ana Ruiz</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">Renata Okafor, Northern Plains University · Ana Ruiz</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">Renata Okafor<br>Northern Plains University</p>', None),
        ('<p class="byline">Renata Okafor, Northern Plains University<br>Ana Ruiz, Mayo Clinic</p>', None),
        ('<p class="byline">Renata Okafor, Northern Plains University | March 3, 2025</p>', None),
    ],
)
def test_the_conversation_checks_each_author_a_line_or_a_bar_parts(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    assert _verdict(cli, tmp_path, "story.html", _html(byline)) == message


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        # A Korean university's short form after the name, with a title after it, spaced or glued.
        ("김민수 서울대 교수, 이영희 연세대 교수", ("김민수", "이영희"), ("서울대", "연세대")),
        ("김민수 고려대 연구원, 이영희 성균관대 명예교수", ("김민수", "이영희"), ("고려대", "성균관대")),
        ("김민수 서울대교수", ("김민수",), ("서울대",)),
        ("김민수 서울대 의대 교수, 이영희 이화여대 교수", ("김민수", "이영희"), ("서울대 의대", "이화여대")),
        # Before a separator, the end or in a bracket after the name.
        ("김민수 서울대, 이영희 연세대", ("김민수", "이영희"), ("서울대", "연세대")),
        ("김민수(한양대), 이영희", ("김민수", "이영희"), ("한양대", "")),
        # An institution's initials before a title: the second author still needs one.
        ("김민수 KAIST 교수, 이영희", ("김민수", "이영희"), ("KAIST", "")),
        ("李伟 MIT 教授、王芳", ("李伟", "王芳"), ("MIT", "")),
        # 연구원 after an institution is a researcher; with a stem, an institute.
        ("김민수 서울대학교 연구원, 이영희 한국개발연구원", ("김민수", "이영희"), ("서울대학교", "한국개발연구원")),
        # A title with no institution closes the author's credit; it is no name.
        ("김민수 연구원, 이영희", ("김민수", "이영희"), ("", "")),
    ],
)
def test_korean_short_forms_and_initials_are_institutions_where_a_byline_puts_one(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Words ending in 대 that are no university: a stem of one syllable, or no title or
        # separator after them; and names that end so.
        ("김민수 시대, 이영희", ("김민수", "시대", "이영희")),
        ("김종대, 이영희", ("김종대", "이영희")),
        ("김종대 기자", ("김종대",)),
        ("이영희 김종대 박철수", ("이영희", "김종대", "박철수")),
        # Initials with no title after them may be an outlet's: not read as an institution here.
        ("김민수 KBS", ()),
    ],
)
def test_words_ending_in_dae_outside_an_institutions_place_are_read_as_before(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert reading.names == names
    assert not any(reading.institutions)


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Ana Ruiz, Northern Plains University, with Ben Cole", ("Ana Ruiz", "Ben Cole"), ("Northern Plains University", "")),
        ("Par Claire Dubois, Université de Lyon, avec Luc Martin", ("Claire Dubois", "Luc Martin"), ("Université de Lyon", "")),
        ("Von Anna Weber, Universität Wien, mit Jonas Berg", ("Anna Weber", "Jonas Berg"), ("Universität Wien", "")),
        ("Por Ana Ruiz, Universidad de Chile, con Luis Pérez, Mayo Clinic", ("Ana Ruiz", "Luis Pérez"), ("Universidad de Chile", "Mayo Clinic")),
        # "With" and no person after it: the credit, as before.
        ("By Ana Ruiz, Reuters, with Bloomberg News", ("Ana Ruiz",), ("Reuters",)),
        ("By Ana Ruiz, Mayo Clinic, with Mother Jones", ("Ana Ruiz",), ("Mayo Clinic",)),
        ("By Ana Ruiz, with contributions from Ben Cole", ("Ana Ruiz",), ("",)),
    ],
)
def test_an_author_joined_by_with_after_a_credit_is_checked(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        # "And" between spaces is no part of the next name.
        ("王芳 香港中文大學 與 李伟", ("王芳", "李伟"), ("香港中文大學", "")),
        ("王芳 北京大学 和 李伟 清华大学", ("王芳", "李伟"), ("北京大学", "清华大学")),
        ("김민수 서울대학교 교수 및 이영희", ("김민수", "이영희"), ("서울대학교", "")),
        # A reporter's or editor's job is no author.
        ("王芳（记者）", ("王芳",), ("",)),
        ("王芳（特约记者）、李伟", ("王芳", "李伟"), ("", "")),
        ("陳大文 編輯", ("陳大文",), ("",)),
        ("김민수 특파원, 이영희", ("김민수", "이영희"), ("", "")),
        # Two Chinese or Korean names parted by a space alone are two people.
        ("李伟 王芳", ("李伟", "王芳"), ("", "")),
        ("김민수 이영희", ("김민수", "이영희"), ("", "")),
        ("李伟 王芳 北京大学", ("李伟", "王芳"), ("北京大学", "北京大学")),
        # A Japanese name with a space between surname and given name is one person.
        ("山田 太郎", ("山田 太郎",), ("",)),
        ("山田 太郎 教授", ("山田 太郎",), ("",)),
        ("ジョン スミス", ("ジョン スミス",), ("",)),
    ],
)
def test_cjk_conjunctions_jobs_and_spaced_names(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("김민수 서울대 교수, 이영희 연세대 교수", None),
        ("김민수 KAIST 교수, 이영희", "The byline credits 이영희 but not their institution."),
        ("Ana Ruiz, Northern Plains University, with Ben Cole", "The byline credits Ben Cole but not their institution."),
        ("王芳 香港中文大學 與 李伟", "The byline credits 李伟 but not their institution."),
        ("李伟 王芳", "The byline credits 李伟 and 王芳 but not their institution."),
    ],
)
def test_the_conversation_checks_korean_short_forms_with_and_cjk_lists(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    assert _verdict(cli, tmp_path, "story.html", _html(f'<p class="byline">{byline}</p>')) == message


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        # The conjunction between names is no institution, in capitals or Title Case.
        ("BY ANA RUIZ AND BEN COLE", ("ANA RUIZ", "BEN COLE"), ("", "")),
        ("By Ana Ruiz And Ben Cole", ("Ana Ruiz", "Ben Cole"), ("", "")),
        ("BY ANA RUIZ AND BEN COLE, NORTHERN PLAINS UNIVERSITY", ("ANA RUIZ", "BEN COLE"), ("NORTHERN PLAINS UNIVERSITY", "NORTHERN PLAINS UNIVERSITY")),
        # After a credit in capitals, "AND" and "WITH" join the next author.
        ("BY ANA RUIZ, NORTHERN PLAINS UNIVERSITY, AND BEN COLE", ("ANA RUIZ", "BEN COLE"), ("NORTHERN PLAINS UNIVERSITY", "")),
        ("BY ANA RUIZ, NORTHERN PLAINS UNIVERSITY AND BEN COLE", ("ANA RUIZ", "BEN COLE"), ("NORTHERN PLAINS UNIVERSITY", "")),
        ("BY ANA RUIZ, MAYO CLINIC, WITH BEN COLE", ("ANA RUIZ", "BEN COLE"), ("MAYO CLINIC", "")),
        # The other languages' "and" in capitals; a particle or an initial stays inside a name.
        ("POR ANA RUIZ Y LUIS PÉREZ", ("ANA RUIZ", "LUIS PÉREZ"), ("", "")),
        ("PAR CLAIRE DUBOIS ET LUC MARTIN, UNIVERSITÉ DE LYON", ("CLAIRE DUBOIS", "LUC MARTIN"), ("UNIVERSITÉ DE LYON", "UNIVERSITÉ DE LYON")),
        ("VON ANNA WEBER UND JONAS BERG", ("ANNA WEBER", "JONAS BERG"), ("", "")),
        ("POR JOSÉ ORTEGA Y GASSET", ("JOSÉ ORTEGA Y GASSET",), ("",)),
        ("BY JOHN E SMITH", ("JOHN E SMITH",), ("",)),
        # "&" inside an institution's name is no conjunction.
        ("BY ANA RUIZ, TEXAS A&M UNIVERSITY", ("ANA RUIZ",), ("TEXAS A&M UNIVERSITY",)),
    ],
)
def test_a_byline_in_capitals_credits_each_author(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("BY ANA RUIZ AND BEN COLE", "The byline credits ANA RUIZ and BEN COLE but not their institution."),
        ("BY ANA RUIZ, NORTHERN PLAINS UNIVERSITY, AND BEN COLE", "The byline credits BEN COLE but not their institution."),
        ("BY ANA RUIZ AND BEN COLE, NORTHERN PLAINS UNIVERSITY", None),
    ],
)
def test_the_conversation_checks_each_author_of_a_byline_in_capitals(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    assert _verdict(cli, tmp_path, "story.html", _html(f'<p class="byline">{byline}</p>')) == message


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        # A wire byline that opens with the outlet: the outlet is the credit, never a person.
        ("연합뉴스 김민수 기자", ("김민수",), "연합뉴스"),
        ("조선일보 김민수 이영희 기자", ("김민수", "이영희"), "조선일보"),
        ("新华社记者 王芳", ("王芳",), "新华社记者"),
        ("人民日报 记者 李伟 王芳", ("李伟", "王芳"), "人民日报"),
        ("김민수 기자", ("김민수",), ""),
    ],
)
def test_a_cjk_outlet_before_the_names_is_the_credit(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert reading.names == names
    assert credit in reading.credit


# "With" and "and" in each language the reader knows join one more person in a bracket ("(con B)")
# and after an author's credit (", con B"): one list of words for both.
WITH_WORDS = ["with", "avec", "mit", "con", "com", "met", "med", "and", "et", "y", "und"]


@pytest.mark.parametrize("word", WITH_WORDS)
def test_each_with_word_joins_a_person_in_a_bracket_and_after_a_credit(word: str) -> None:
    in_bracket = read_byline(f"By Ana Ruiz ({word} Luis Perez)")
    after_credit = read_byline(f"By Ana Ruiz, Mayo Clinic, {word} Luis Perez")
    assert in_bracket is not None and in_bracket.names == ("Ana Ruiz", "Luis Perez")
    assert after_credit is not None and (after_credit.names, after_credit.institutions) == (("Ana Ruiz", "Luis Perez"), ("Mayo Clinic", ""))


@pytest.mark.parametrize(("text", "credit"), [("Por Ana Ruiz (en Madrid)", "en Madrid"), ("Par Ana Ruiz (i Barcelona)", "i Barcelona")])
def test_a_bracket_opening_with_a_short_and_that_is_also_in_names_no_one(text: str, credit: str) -> None:
    # "en" is Spanish and French "in", "i" Catalan "and" and Swedish "in": no bracket's joiner.
    reading = read_byline(text)
    assert reading is not None and (reading.names, reading.credit) == (("Ana Ruiz",), credit)
