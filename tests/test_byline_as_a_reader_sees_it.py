"""A byline read as a reader sees it: a job title that text extraction glued to the surname, the
pictographs stuck to a name, bidirectional controls that reorder it, and words that are no name's
(markup, escape sequences, a mangled encoding), which name no outlet either."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import not_a_word, read_byline
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = load_packs()
DCNF = [pack for pack in PACKS if pack.id == "dcnf"]

LOGO = '<p><img src="https://dailycallernewsfoundation.org/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'
LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</p>"
)


def _dcnf_page(byline: str) -> str:
    return (
        "<html><body><article><h1>Refinery permits stall in committee</h1>\n"
        f"{LOGO}\n<p><strong>{byline}</strong><br>Daily Caller News Foundation</p>\n"
        "<p>A House committee put off a vote on refinery permits until next month.</p>\n"
        f"{LICENSE}\n</article></body></html>\n"
    )


def _check(page: str, kind: str = "html") -> Any:
    doc = parse_document(page.encode(), kind, outlets=frozenset(o for p in DCNF for o in p.outlets))  # type: ignore[arg-type]
    return check_document(doc, DCNF, path=f"story.{'html' if kind == 'html' else 'txt'}", auto_detect=False)


def _byline_outcome(report: Any) -> str:
    found = [f.detail for f in report.findings if f.rule == "dcnf/byline"]
    return found[0] if found else "passed"


# --- A job title glued to the surname ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("Maya ChenContributor", ("Maya Chen",), "Contributor"),
        ("By Omar HaddadEnergy Reporter", ("Omar Haddad",), "Energy Reporter"),
        ("Lena ParkSenior White House Correspondent", ("Lena Park",), "Senior White House Correspondent"),
        ("By Ruth AdlerStaff Writer", ("Ruth Adler",), "Staff Writer"),
        ("Tom BellCorrespondent, Daily Caller News Foundation", ("Tom Bell",), "Correspondent, Daily Caller News Foundation"),
        ("By Sara McDonaldReporter", ("Sara McDonald",), "Reporter"),
        ("Jane O'NeillEditor", ("Jane O'Neill",), "Editor"),
    ],
)
def test_a_job_title_glued_to_the_surname_is_read_apart(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Ian McDonald", ("Ian McDonald",)),
        ("By Ron DeSantis", ("Ron DeSantis",)),
        ("By Fiona MacKenzie", ("Fiona MacKenzie",)),
        ("By LeBron James", ("LeBron James",)),
        ("By Sean O'Neill", ("Sean O'Neill",)),
        ("By Leo DiCaprio", ("Leo DiCaprio",)),
        ("By Ian MacKenzie Contributor", ("Ian MacKenzie",)),
    ],
)
def test_a_names_inner_capital_is_not_a_glued_title(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize("text", ["By Jane DoeEnergy", "By Jane DoeNews", "By ProPublica"])
def test_a_glued_word_that_opens_no_job_title_is_not_parted(text: str) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == ()


@pytest.mark.parametrize(
    ("kind", "page"),
    [
        (
            "text",
            "Refinery permits stall in committee\n\nDaily Caller News Foundation logo\nMara ReyesContributor\n\n"
            "A House committee put off a vote on refinery permits until next month.\n\nAll content created by the Daily Caller"
            " News Foundation, an independent and nonpartisan newswire service, is available without charge.\n",
        ),
        ("html", _dcnf_page("Mara ReyesEnergy Reporter")),
        ("html", _dcnf_page("Mara ReyesContributor")),
    ],
)
def test_a_glued_job_title_still_credits_the_reporter(kind: str, page: str) -> None:
    report = _check(page, kind)
    assert _byline_outcome(report) == "passed"
    assert "dcnf/byline" in {p.rule for p in report.passed}


# --- Pictographs stuck to a byline --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("By Ana Ruiz 📰", ("Ana Ruiz",), ""),
        ("✍️ By Ana Ruiz", ("Ana Ruiz",), ""),
        ("By Ana Ruiz 👩🏽\u200d💻", ("Ana Ruiz",), ""),
        ("By Ana Ruiz\uf007", ("Ana Ruiz",), ""),  # an icon font's glyph (private use area)
        ("By Ana Ruiz 🇺🇸 | Staff Writer", ("Ana Ruiz",), "Staff Writer"),
        ("By Ana Ruiz ◆ Daily Caller News Foundation", ("Ana Ruiz",), "Daily Caller News Foundation"),
        ("By Ana Ruiz ★★★★☆", ("Ana Ruiz",), ""),
    ],
)
def test_pictographs_are_no_part_of_a_name(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.credit, reading.problem) == (names, credit, None)


def test_a_circled_letter_is_a_look_alike_letter_not_a_pictograph() -> None:
    reading = read_byline("By \u24b6na Ruiz")
    assert reading is not None and reading.names == ("\u24b6na Ruiz",)


def test_an_emoji_after_the_reporters_name_still_credits_the_reporter() -> None:
    assert _byline_outcome(_check(_dcnf_page("By Mara Reyes 📰"))) == "passed"


# --- Bidirectional controls -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By \u202eziuR anA\u202c", ("Ana Ruiz",)),
        ("By Ana \u202eziuR\u202c", ("Ana Ruiz",)),
        ("\u202dBy Ana Ruiz\u202c", ("Ana Ruiz",)),
    ],
)
def test_a_byline_is_read_in_the_order_a_reader_sees(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == names


def test_a_reversed_byline_that_displays_the_reporter_passes_and_is_warned_about() -> None:
    report = _check(_dcnf_page("By \u202esenoJ araM\u202c"))
    assert _byline_outcome(report) == "passed"
    (warning,) = [f for f in report.findings if f.rule == "syndcheck/bidi-controls"]
    assert 'read as "By Mara Jones Daily Caller News Foundation"' in warning.message


def test_a_byline_written_forwards_but_displayed_backwards_names_no_one() -> None:
    reading = read_byline("By \u202eAna Ruiz\u202c")
    assert reading is not None and reading.names == ()


# --- Words that are no name's, and no outlet's ------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "word"),
    [
        ("By Mara Reyes [[x]]", "[[x]]"),
        ("By +AE0-ara Reyes", "+AE0-ara"),
        ("By Mara[1m Reyes[0m", "Mara[1m"),
        ("By Mara Reyes &lt;b onclick=x&gt;", "<b"),
        ("By Mara Reyes {{author_title}}", "{{author_title}}"),
    ],
)
def test_a_byline_with_words_that_are_no_names_says_which(byline: str, word: str) -> None:
    detail = _byline_outcome(_check(_dcnf_page(byline)))
    assert "outlet" not in detail
    assert detail.endswith(f"names no reporter: '{word}' is no word of a person's name")


@pytest.mark.parametrize("text", ["By The Daily Caller", "By Reuters/AP", "By Yahoo! News", "By The 19th", "By Mother Jones", "By Channel 4 News"])
def test_an_outlets_name_still_names_an_outlet(text: str) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.problem == "outlet"


@pytest.mark.parametrize(
    ("text", "word"),
    [("Jane Doe; Staff", ""), ("Reuters |", ""), ("O'Neill-Smith & Co.", ""), ("Jane <i>Doe", "<i>Doe"), ("Jane Doe\x9b2J", "Doe\x9b2J")],
)
def test_not_a_word(text: str, word: str) -> None:
    assert not_a_word(text) == word


def test_the_readme_shows_the_finding_for_a_word_that_is_no_names_as_printed() -> None:
    from tests.conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    detail = _byline_outcome(_check(_dcnf_page("By +AE4-ick Pope")))
    assert detail == "byline 'By +AE4-ick Pope' names no reporter: '+AE4-ick' is no word of a person's name"
    assert f"`{detail}`" in readme


# --- Bylines made of what no name is made of -------------------------------------------------

JUNK = [
    # Digits and percent-escapes.
    "By 100%25 %0A",
    "By 12345 %20%20",
    "By 2024",
    "By %E2%80%94",
    # Workflow command look-alikes, whatever words they carry.
    "By 100%25 %0A::warning file=x::Staff ::add-mask::Staff",
    "By ::error::oops",
    "By ::notice title=a::Ana Ruiz",
    # Punctuation only.
    "By ---- !!! ...",
    "By ####",
    "By ***",
    # An address only.
    "By https://example.com/authors/ana-ruiz",
    "By www.example.com/staff",
]


@pytest.mark.parametrize("byline", JUNK)
def test_a_byline_of_what_no_name_is_made_of_says_a_name_is_expected(byline: str) -> None:
    detail = _byline_outcome(_check(_dcnf_page(byline)))
    assert detail == f"byline '{byline}' holds no person's name: a reporter's name is expected"


@pytest.mark.parametrize(
    ("byline", "said"),
    [
        ("By ,", "is empty"),
        ("By |", "is empty"),
        ("By Staff", "is a staff credit, not a reporter"),
        ("By Salon.com", "names an outlet, not a reporter"),
        ("By Jane%20Doe", "names no reporter: 'Jane%20Doe' is no word of a person's name"),
    ],
)
def test_an_emptied_byline_an_outlet_and_a_mangled_name_keep_their_reasons(byline: str, said: str) -> None:
    detail = _byline_outcome(_check(_dcnf_page(byline)))
    assert detail.endswith(said), detail


def test_the_readme_shows_the_finding_for_a_byline_of_no_names_letters_as_printed() -> None:
    from tests.conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    detail = _byline_outcome(_check(_dcnf_page("By 100%25 %0A")))
    assert f"`{detail}`" in readme


# --- Control characters: read through, quoted as written ----------------------------------------

# A control character (C0 but tab and line breaks, DEL) inside a byline: a reader reads the word
# around it (the verdict is the plain byline's), and the evidence quotes it in its escaped form,
# never raw and never dropped. (as written, as quoted)
CONTROLS_IN_NAMES = [
    ("By Ma\x1bra Re\x07yes", "By Ma\\x1bra Re\\x07yes"),
    ("By Mara\x08 Reyes", "By Mara\\x08 Reyes"),
    ("By Mara Rey\x7fes", "By Mara Rey\\x7fes"),
    ("By M&#x1b;ara Reyes", "By M\\x1bara Reyes"),
]


@pytest.mark.parametrize(("byline", "quoted"), CONTROLS_IN_NAMES)
def test_a_control_inside_a_name_is_read_through_and_quoted_escaped(byline: str, quoted: str) -> None:
    report = _check(_dcnf_page(byline))
    assert _byline_outcome(report) == "passed"
    (evidence,) = [p.evidence for p in report.passed if p.rule == "dcnf/byline"]
    assert evidence == f"{quoted} / Daily Caller News Foundation"


@pytest.mark.parametrize(
    ("byline", "word"),
    [
        ("By Ma\x1b[1mra Reyes", "Ma\\x1b[1mra"),
        ("By Mara Reyes\x1b]8;;x\x07", "Reyes\\x1b]8;;x\\x07"),
        ("By Ma\x1b[31mra Re\x1b[0myes", "Ma\\x1b[31mra"),
    ],
)
def test_an_escape_sequence_in_a_byline_is_quoted_with_its_control_escaped(byline: str, word: str) -> None:
    detail = _byline_outcome(_check(_dcnf_page(byline)))
    assert f"'{word}' is no word of a person's name" in detail
    assert "\x1b" not in detail and "\x07" not in detail


def test_a_byline_without_controls_is_quoted_as_read() -> None:
    report = _check(_dcnf_page("By Mara Reyes"))
    assert [p.evidence for p in report.passed if p.rule == "dcnf/byline"] == ["By Mara Reyes / Daily Caller News Foundation"]


def test_the_readme_shows_a_bylines_control_as_quoted() -> None:
    from tests.conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    shown = readme.split("A byline is read and quoted the same way: `", 1)[1].split("`", 1)[0]
    written = shown.replace("\\x1b", "\x1b").replace("\\x07", "\x07")
    report = _check(_dcnf_page(written))
    assert _byline_outcome(report) == "passed"
    (evidence,) = [p.evidence for p in report.passed if p.rule == "dcnf/byline"]
    assert evidence == f"{shown} / Daily Caller News Foundation"
    reason = readme.split("the reason quotes it with its control (`", 1)[1].split("`", 1)[0]
    assert reason in _byline_outcome(_check(_dcnf_page("By Ja\x1b[31mke Smith")))
