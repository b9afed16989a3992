"""What a finding quotes from the page is the page's text: a quote too long to show whole is cut
at a word boundary and ends with "…"; a short one is quoted whole. "…" stands only for words
left out, never inside a run of punctuation the page has ("By Nick Pope ]8;;x" is not quoted as
"By Nick Pope ]8;…;x"), and the output sanitiser still escapes what it escapes."""

from __future__ import annotations

import pytest

from compliance.display import visible
from compliance.document.byline_reading import quote_byline
from compliance.engine import check_bytes
from compliance.packfiles import load_packs
from compliance.text import shorten

PACKS = [pack for pack in load_packs() if pack.id == "dcnf"]


@pytest.mark.parametrize(
    "byline",
    [
        "By Nick Pope ]8;;x",
        "By Ana Ruiz ;; x",
        "By Ana Ruiz, , The Gazette",
        "By Ana Ruiz | | The Gazette",
        "By Ana Ruiz •• The Gazette",
        "By Ana Ruiz ,;, The Gazette",
    ],
)
def test_a_byline_with_empty_parts_is_quoted_as_written(byline: str) -> None:
    assert quote_byline(byline, ("Ana Ruiz", "Nick Pope")) == byline


def test_a_dropped_job_title_is_still_shown_as_an_ellipsis() -> None:
    # "…" is for words left out: the title between the name and the outlet.
    assert quote_byline("By Ana Ruiz, Audience Development Manager, The Gazette", ("Ana Ruiz",)) == "By Ana Ruiz, …, The Gazette"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("The county board approved the budget on Tuesday after a long debate", 40, "The county board approved the budget on…"),
        ("Commissioners said the new plan keeps the library open on weekends", 30, "Commissioners said the new…"),
        ("By Nick Pope ]8;;x and a long tail of words that go on", 22, "By Nick Pope ]8;;x…"),
        ("Short quote", 40, "Short quote"),
        ("exactly ten", 11, "exactly ten"),
    ],
)
def test_a_long_quote_is_cut_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    shortened = shorten(text, limit)
    assert shortened == expected
    assert len(shortened) <= limit


@pytest.mark.parametrize("text", ["https://example.org/" + "a" * 200, "x" * 300, "word " + "y" * 200])
def test_a_quote_with_no_word_boundary_near_the_limit_is_cut_at_the_limit(text: str) -> None:
    shortened = shorten(text, 120)
    assert shortened == text[:119] + "…"


def _byline_message(byline: str) -> str:
    page = (
        "<html><body><article>\n<h1>Energy Department Quietly Shelves Efficiency Rule</h1>\n"
        f'<img src="https://example.org/DCNF-logo.png" alt="Daily Caller News Foundation logo">\n'
        f"<p><strong>{byline}</strong><br>Daily Caller News Foundation</p>\n"
        "<p>The Department of Energy has set aside a proposed standard for gas water heaters.</p>\n"
        "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service,"
        " is available without charge to any legitimate news publisher.</em></p>\n</article></body></html>\n"
    )
    report = check_bytes(page.encode(), "html", PACKS, path="copy.html", auto_detect=False)
    return next(f.message for f in report.findings if f.rule == "dcnf/byline")


@pytest.mark.parametrize(("written", "quoted"), [("By Nick Pope ]8;;x", "]8;;x"), ("By Nick Pope {;;}", "{;;}"), ("By Nick Pope x;;y", "x;;y")])
def test_the_message_quotes_the_byline_as_the_page_has_it(written: str, quoted: str) -> None:
    message = _byline_message(written)
    assert f"'{written}'" in message
    assert f"'{quoted}' is no word" in message
    assert "…" not in message


def test_a_control_character_in_the_quote_is_still_escaped() -> None:
    message = _byline_message("By Nick Pope \x9b]8;;x")
    assert "\x9b" not in visible(message)
    assert "'By Nick Pope \\x9b]8;;x'" in visible(message)


@pytest.mark.parametrize(
    ("first", "second", "quoted"),
    [
        ("by THE CITY", "January 22, 2024", "'by THE CITY / January 22, 2024' names an outlet"),
        ("Redacción Valley Watch", "2 de mayo de 2024", "'Redacción Valley Watch / 2 de mayo de 2024' is a staff credit"),
        ("The Gazette Staff", "Updated Sept. 12, 2024", "'The Gazette Staff / Updated Sept. 12, 2024' is a staff credit"),
    ],
)
def test_a_byline_that_names_no_one_is_quoted_with_its_line_breaks(first: str, second: str, quoted: str) -> None:
    # A failing byline is quoted as a passing one is: its lines joined by " / ", so an outlet and
    # a date on two lines do not read as one run of words.
    page = (
        "<html><body><article>\n<h1>Energy Department Quietly Shelves Efficiency Rule</h1>\n"
        '<img src="https://example.org/DCNF-logo.png" alt="Daily Caller News Foundation logo">\n'
        f'<p class="byline">{first}<br>{second}</p>\n'
        "<p>The Department of Energy has set aside a proposed standard for gas water heaters.</p>\n"
        "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service,"
        " is available without charge to any legitimate news publisher.</em></p>\n</article></body></html>\n"
    )
    report = check_bytes(page.encode(), "html", PACKS, path="copy.html", auto_detect=False)
    assert quoted in next(f.message for f in report.findings if f.rule == "dcnf/byline")
