"""What a byline holds that is no author: a newsroom section's or desk's line under the name
(`By Ana Ruiz<br>Real Estate`, "Business Desk", "Health & Science"), which is neither a second
author nor an institution; and a Chinese, Japanese or Korean institution's short form after a name
and a comma or a space ("김민수, 서울대", "李伟，北大", "山田太郎、東大"), which is the author's
institution, not a person. And what is one: a name of two or three capitalised words after a bar
("By Ana Ruiz | Ben Cole"), where an outlet, a job, a section or a place after the bar stays the
name's credit ("By Ana Ruiz | Reuters", DCNF's "Chris White | Energy Reporter"). Near-misses that
must not change: two authors one a line, a name that is also a common word ("Grace Park", "Bill
Price"), names ending in "대" where no institution stands. Checked on the reader, on parsed
documents and through the CLI with The Conversation's pack (each author's institution) and DCNF's
(the reporter named, the DCNF affiliation)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import is_section_label, read_byline
from tests.test_byline_per_author_institutions import CONVERSATION, CONVERSATION_CREDIT, DCNF, _dcnf_page, _verdict

STORY = "On a hot afternoon, a street lined with oaks can be 10 degrees cooler than bare pavement, our measurements show."


def _conversation_page(byline_html: str) -> str:
    return f"<html><body><article><h1>Why urban trees cool</h1>{byline_html}<p>{STORY}</p>{CONVERSATION_CREDIT}</article></body></html>"


def _read(doc_text: str, kind: str = "html") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each byline's names and each name's first institution ("" for none)."""
    return [(byline.names, byline.reading.institutions) for byline in parse_document(doc_text, kind).bylines]  # type: ignore[arg-type]


# --- 1. A section's or desk's line is no author and no institution -------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Real Estate",
        "Politics",
        "Business Desk",
        "Local Government Desk",
        "Health & Science",
        "Arts & Culture",
        "Home & Garden",
        "Higher Education",
        "Personal Finance",
        "Book Reviews",
        "Obituaries",
        "World News",
        "Opinion",
        "Fact Check",
        "Morning Edition",
        "Book Club",
        "Bay Area",
        "Middle East",
        "Gulf Coast",
    ],
)
def test_a_newsroom_sections_or_desks_name_is_a_section_label(line: str) -> None:
    assert is_section_label(line) is True


@pytest.mark.parametrize(
    "line",
    [
        # People, names that hold a common word, and a company joined by "&".
        "Ana Ruiz",
        "Grace Park",
        "Bill Price",
        "Rose Hill",
        "Faith Hill",
        "Will Money",
        "Chris Evans",
        "Ben West",
        "Mark North",
        "Art Long",
        "Summer Long",
        "Ana Ruiz & Ben Cole",
        "Procter & Gamble",
        # An institution, an outlet, a job, and a section's words with an institution after them.
        "University of Leeds",
        "Reuters",
        "Staff Writer",
        "Real Estate, University of Leeds",
    ],
)
def test_people_institutions_and_jobs_are_no_section_label(line: str) -> None:
    assert is_section_label(line) is False


@pytest.mark.parametrize(
    "label",
    [
        "Real Estate",
        "Business Desk",
        "Health &amp; Science",
        "Arts &amp; Culture",
        "Book Reviews",
        "Higher Education",
        "Metro Desk",
        "Personal Finance",
        "Politics",
        "Staff Writer",
        '<a href="/category/real-estate/">Real Estate</a>',
        '<span class="article-section">Wall Street</span>',
    ],
)
def test_a_section_line_under_the_byline_is_no_author_and_no_institution(label: str) -> None:
    assert _read(_conversation_page(f'<p class="byline">By Ana Ruiz<br>{label}</p>')) == [(("Ana Ruiz",), ("",))]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # The section line under two authors one a line, and in an author box of blocks.
        ('<p class="byline">Ana Ruiz<br>Ben Cole<br>Real Estate</p>', [(("Ana Ruiz", "Ben Cole"), ("", ""))]),
        ('<div class="author-box"><div>Ana Ruiz, Mayo Clinic</div><div>Business Desk</div></div>', [(("Ana Ruiz",), ("Mayo Clinic",))]),
        ('<div class="author-box"><div>Politics</div><div>Ana Ruiz</div><div>Mayo Clinic</div></div>', [(("Ana Ruiz",), ("Mayo Clinic",))]),
        # Near-misses: a second author one a line, names that hold a common word, an author with
        # an institution on the next line.
        ('<p class="byline">By Ana Ruiz<br>Ben Cole</p>', [(("Ana Ruiz", "Ben Cole"), ("", ""))]),
        ('<p class="byline">By Ana Ruiz<br>Grace Park</p>', [(("Ana Ruiz", "Grace Park"), ("", ""))]),
        ('<p class="byline">By Ana Ruiz<br>Bill Price</p>', [(("Ana Ruiz", "Bill Price"), ("", ""))]),
        (
            '<p class="byline">Ana Ruiz, Mayo Clinic<br>Grace Park, Karolinska Institutet</p>',
            [(("Ana Ruiz", "Grace Park"), ("Mayo Clinic", "Karolinska Institutet"))],
        ),
    ],
)
def test_section_lines_among_authors_one_a_line(byline: str, expected: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _read(_conversation_page(byline)) == expected


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("text", "Why urban trees cool\n\nBy Ana Ruiz\nReal Estate\n\n" + STORY, [(("Ana Ruiz",), ("",))]),
        ("markdown", "# Why urban trees cool\n\nBy Ana Ruiz  \nBusiness Desk\n\n" + STORY, [(("Ana Ruiz",), ("",))]),
        ("markdown", "# Why urban trees cool\n\nBy Ana Ruiz, Mayo Clinic  \nHealth & Science\n\n" + STORY, [(("Ana Ruiz",), ("Mayo Clinic",))]),
        ("html", _conversation_page("<p>By Ana Ruiz<br>Real Estate</p>"), [(("Ana Ruiz",), ("",))]),
        # Near-miss: a second author on the next line of plain text.
        ("text", "Why urban trees cool\n\nBy Ana Ruiz\nBen Cole\n\n" + STORY, [(("Ana Ruiz", "Ben Cole"), ("", ""))]),
    ],
)
def test_a_section_line_in_plain_text_markdown_and_unmarked_html(kind: str, text: str, expected: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _read(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("By Ana Ruiz, Real Estate", "Real Estate"),
        ("By Ana Ruiz; Business Desk", "Business Desk"),
        ("By Ana Ruiz, Health & Science", "Health & Science"),
        ("By Ana Ruiz, Higher Education", "Higher Education"),
    ],
)
def test_a_section_after_the_name_on_its_line_is_the_credit_and_no_institution(text: str, credit: str) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.credit, reading.institutions) == (("Ana Ruiz",), credit, ("",))


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ('<p class="byline">By Ana Ruiz<br>Real Estate</p>', "The byline credits Ana Ruiz but not their institution."),
        # A desk was read as the author's institution, and the rule passed.
        ('<p class="byline">By Ana Ruiz<br>Business Desk</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">By Ana Ruiz<br>Food &amp; Dining</p>', "The byline credits Ana Ruiz but not their institution."),
        ('<p class="byline">By Ana Ruiz<br>Grace Park</p>', "The byline credits Ana Ruiz and Grace Park but not their institution."),
        ('<p class="byline">Ana Ruiz, Mayo Clinic<br>Health &amp; Science</p>', None),
    ],
)
def test_the_conversation_reads_no_author_or_institution_from_a_section_line(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    assert _verdict(cli, tmp_path, _conversation_page(byline), "the-conversation", "the-conversation/author-institution") == message


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("By Jake Smith<br>Real Estate", "The byline does not tie Jake Smith to the Daily Caller News Foundation."),
        ("By Jake Smith<br>Energy &amp; Environment", "The byline does not tie Jake Smith to the Daily Caller News Foundation."),
        ("By Jake Smith<br>Mary Lee", "The byline does not tie Jake Smith and Mary Lee to the Daily Caller News Foundation."),
        ("By Jake Smith, Daily Caller News Foundation<br>Politics", None),
    ],
)
def test_dcnf_names_no_section_line_as_a_reporter(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    page = _dcnf_page(byline)
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/byline") is None
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/affiliation") == message


# --- 2. A name after a bar is the next author; an outlet, a job or a section is the credit -------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Ana Ruiz | Ben Cole", ("Ana Ruiz", "Ben Cole")),
        ("By Ana Ruiz / Ben Cole", ("Ana Ruiz", "Ben Cole")),
        ("By Ana Ruiz · Ben Cole", ("Ana Ruiz", "Ben Cole")),
        ("By Ana Ruiz • Grace Park", ("Ana Ruiz", "Grace Park")),
        ("By ANA RUIZ | BEN COLE", ("ANA RUIZ", "BEN COLE")),
        ("Ana Ruiz | Mary Ann Smith", ("Ana Ruiz", "Mary Ann Smith")),
        ("Por Ana Ruiz | María de la Cruz", ("Ana Ruiz", "María de la Cruz")),
        ("By Ana Ruiz | Ben Cole | Reuters", ("Ana Ruiz", "Ben Cole")),
        # Names that hold a common word, or a region's.
        ("By Ana Ruiz | Grace Park", ("Ana Ruiz", "Grace Park")),
        ("By Ana Ruiz | Bill Price", ("Ana Ruiz", "Bill Price")),
        ("By Ana Ruiz | Ben West", ("Ana Ruiz", "Ben West")),
        ("By Ana Ruiz | Faith Hill", ("Ana Ruiz", "Faith Hill")),
    ],
)
def test_a_persons_name_after_a_bar_is_the_next_author(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert reading.names == names


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("By Ana Ruiz | Reuters", "Reuters"),
        ("Chris White | Energy Reporter", "Energy Reporter"),
        ("By Ana Ruiz | Staff Writer", "Staff Writer"),
        ("By Ana Ruiz | Real Estate", "Real Estate"),
        ("By Ana Ruiz | Business Desk", "Business Desk"),
        # A column's, a series' or a region's name, made of words no name is made of only.
        ("By Ana Ruiz | Fact Check", "Fact Check"),
        ("By Ana Ruiz | Morning Edition", "Morning Edition"),
        ("By Ana Ruiz | Big Picture", "Big Picture"),
        ("By Ana Ruiz | Family Life", "Family Life"),
        ("By Ana Ruiz | Bay Area", "Bay Area"),
        ("By Ana Ruiz | Pacific Northwest", "Pacific Northwest"),
        ("By Ana Ruiz | Washington Post", "Washington Post"),
        ("By Ana Ruiz | Associated Press", "Associated Press"),
        ("By Ana Ruiz | Tampa Bay Times", "Tampa Bay Times"),
        ("By Ana Ruiz | Mother Jones", "Mother Jones"),
        ("By Ana Ruiz | Georgia Tech", "Georgia Tech"),
        ("By Ana Ruiz | New York", "New York"),
        ("By Ana Ruiz | Capitol Hill", "Capitol Hill"),
        ("By Jake Smith | Daily Caller News Foundation", "Daily Caller News Foundation"),
        # Four capitalised words are an outlet's or a title's, not a name's.
        ("By Ana Ruiz | Santa Fe New Mexican", "Santa Fe New Mexican"),
        ("By Ana Ruiz | Mary Ann Van Dyke", "Mary Ann Van Dyke"),
        # A dash still parts a name from its credit only.
        ("By Ana Ruiz — Ben Cole", "Ben Cole"),
    ],
)
def test_an_outlet_a_job_a_section_or_a_place_after_a_bar_stays_the_credit(text: str, credit: str) -> None:
    reading = read_byline(text, outlets=CONVERSATION | DCNF)
    assert reading is not None
    assert (len(reading.names), reading.credit) == (1, credit)


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("By Ana Ruiz | Ben Cole", "The byline credits Ana Ruiz and Ben Cole but not their institution."),
        ("By Ana Ruiz, Mayo Clinic | Ben Cole, Karolinska Institutet", None),
        ("By Ana Ruiz, Mayo Clinic | Ben Cole", "The byline credits Ben Cole but not their institution."),
        ("By Ana Ruiz | Energy Reporter", "The byline credits Ana Ruiz but not their institution."),
    ],
)
def test_the_conversation_checks_each_author_a_bar_parts(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    page = _conversation_page(f'<p class="byline">{byline}</p>')
    assert _verdict(cli, tmp_path, page, "the-conversation", "the-conversation/author-institution") == message


def test_dcnf_names_both_reporters_a_bar_parts(cli: Any, tmp_path: Path) -> None:
    page = _dcnf_page("By Jake Smith | Mary Lee")
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/byline") is None
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/affiliation") == "The byline does not tie Jake Smith and Mary Lee to the Daily Caller News Foundation."


@pytest.mark.parametrize("byline", ["Chris White | Energy Reporter", "By Jake Smith | Daily Caller News Foundation"])
def test_dcnfs_bar_forms_credit_one_reporter(cli: Any, tmp_path: Path, byline: str) -> None:
    reading = read_byline(byline, outlets=DCNF)
    assert reading is not None and len(reading.names) == 1
    assert _verdict(cli, tmp_path, _dcnf_page(byline), "dcnf", "dcnf/byline") is None


# --- 3. A CJK institution's short form after a name and a comma or a space ----------------------


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("김민수, 서울대", ("김민수",), ("서울대",)),
        ("김민수，연세대", ("김민수",), ("연세대",)),
        ("김민수, 성균관대 교수", ("김민수",), ("성균관대",)),
        ("김민수, 서울대, 이영희, 고려대", ("김민수", "이영희"), ("서울대", "고려대")),
        ("김민수, KAIST", ("김민수",), ("KAIST",)),
        ("李伟，北大", ("李伟",), ("北大",)),
        ("李伟，清华", ("李伟",), ("清华",)),
        ("李伟，复旦", ("李伟",), ("复旦",)),
        ("李伟，中科院", ("李伟",), ("中科院",)),
        ("李伟，社科院", ("李伟",), ("社科院",)),
        ("王芳, 浙大", ("王芳",), ("浙大",)),
        ("李伟 北大", ("李伟",), ("北大",)),
        ("李伟，北大教授", ("李伟",), ("北大",)),
        ("李伟，北大、王芳，复旦", ("李伟", "王芳"), ("北大", "复旦")),
        ("山田太郎、東大", ("山田太郎",), ("東大",)),
        ("山田太郎，京大", ("山田太郎",), ("京大",)),
        ("山田 太郎、東大", ("山田 太郎",), ("東大",)),
        ("김민수, 서울대 의대", ("김민수",), ("서울대 의대",)),
        ("김민수, 이화여대 교수, 이영희", ("김민수", "이영희"), ("이화여대", "")),
        ("李伟（北大）", ("李伟",), ("北大",)),
        ("李伟，北大，王芳，清华", ("李伟", "王芳"), ("北大", "清华")),
    ],
)
def test_a_cjk_short_form_after_a_name_is_the_authors_institution(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A name ending in 대 first, a word of one syllable before 대, no institution's place.
        ("김종대, 이영희", ("김종대", "이영희")),
        ("김민수 시대, 이영희", ("김민수", "시대", "이영희")),
        ("이영희 김종대 박철수", ("이영희", "김종대", "박철수")),
        ("김종대 기자", ("김종대",)),
        # People listed with commas, and a full institution's name.
        ("李伟，王芳", ("李伟", "王芳")),
        ("李伟、王芳、张强", ("李伟", "王芳", "张强")),
        ("记者 王大明", ("王大明",)),
        ("김민수, 이영희", ("김민수", "이영희")),
    ],
)
def test_cjk_names_where_no_short_form_stands_are_read_as_before(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text, outlets=CONVERSATION)
    assert reading is not None
    assert reading.names == names
    assert not any(reading.institutions)


@pytest.mark.parametrize(
    ("byline", "message"),
    [
        ("김민수, 서울대", None),
        ("李伟，北大", None),
        ("山田太郎、東大", None),
        ("李伟，北大、王芳", "The byline credits 王芳 but not their institution."),
    ],
)
def test_the_conversation_takes_a_cjk_short_form_for_the_institution(cli: Any, tmp_path: Path, byline: str, message: str | None) -> None:
    page = _conversation_page(f'<p class="byline">{byline}</p>')
    assert _verdict(cli, tmp_path, page, "the-conversation", "the-conversation/author-institution") == message


@pytest.mark.parametrize(("byline", "names"), [("김민수, 서울대", "김민수"), ("李伟，中科院", "李伟")])
def test_dcnf_names_only_the_reporter_before_a_cjk_short_form(cli: Any, tmp_path: Path, byline: str, names: str) -> None:
    page = _dcnf_page(byline)
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/affiliation") == f"The byline does not tie {names} to the Daily Caller News Foundation."


# --- 4. DCNF's affiliation: the reporter's, not every co-author's -------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        # DCNF's terms ask for "our reporter's byline and their DCNF affiliation": a co-author of
        # another outlet is not DCNF's reporter, and one with no credit may not be either.
        "By Jake Smith, Daily Caller News Foundation, and Mary Lee, The Federalist",
        "By Jake Smith and Mary Lee, Daily Caller News Foundation",
        "By Jake Smith, Daily Caller News Foundation, and Mary Lee",
        "By Jake Smith, Daily Caller News Foundation | Mary Lee",
    ],
)
def test_dcnf_affiliation_shown_for_a_reporter_of_a_co_byline_passes(cli: Any, tmp_path: Path, byline: str) -> None:
    page = _dcnf_page(byline)
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/byline") is None
    assert _verdict(cli, tmp_path, page, "dcnf", "dcnf/affiliation") is None
