"""Byline markup that holds no name: a date, a time, a reading time, a count or a button on an
author's link (Medium's date permalink under `/@handle/…`) is page data, not a byline, and not an
emptied one either; an emptied byline keeps its opener ("By ,", "By on", "By  | June 3")."""

from __future__ import annotations

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from compliance.findings import Report, Severity

STORY = (
    "<p>In the spring of 2023, a 54-year-old man held in the Harlan County jail asked nurses for help with chest pains"
    " on four consecutive days, and each time he was told that a doctor would see him at the end of the week.</p>"
    "<p>The county said it had hired a new medical contractor in 2024.</p>"
)
PROPUBLICA_CREDIT = (
    '<p><em>This story was originally published by <a href="https://www.propublica.org/article/county-jails">ProPublica</a>.</em></p>'
    '<script async src="https://pixel.propublica.org/pixel.js"></script>'
)


def _article(header: str, byline: str = '<p class="byline">By Mara Ellison, ProPublica</p>') -> str:
    headline = "<h1>County Jails Let Sick Inmates Wait Days for a Doctor</h1>"
    return f"<html><body><article>{headline}{header}{byline}{PROPUBLICA_CREDIT}{STORY}</article></body></html>"


def _bylines(html: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(b.text, b.names, b.reading.problem) for b in parse_document(html, "html").bylines]


def _errors(report: Report) -> dict[str, str]:
    return {f.rule: f.message for f in report.findings if f.severity is Severity.ERROR}


PAGE_DATA = [
    # Medium: the date links to the story's permalink, under the author's path.
    '<span><a href="/@valleyledger/county-jails-let-sick-inmates-wait-8f2c1">Oct 15, 2025</a> · 4 min read</span>',
    '<a href="/@valleyledger/county-jails-8f2c1">Oct 15, 2025 · 4 min read</a>',
    '<a href="/@valleyledger/county-jails-8f2c1">2 days ago</a>',
    '<a href="/author/mara-ellison/page/2">12 stories</a>',
    '<span class="byline">4 min read</span>',
    '<span class="author">10:32 AM</span>',
    '<time class="byline" datetime="2025-10-15">2025-10-15</time>',
    # Buttons beside the author's name.
    '<a href="/@valleyledger/county-jails-8f2c1">Share</a>',
    '<a href="/@valleyledger">Follow</a>',
    '<a href="/author/mara-ellison">See all stories</a>',
]


@pytest.mark.parametrize("header", PAGE_DATA)
def test_page_data_in_byline_markup_is_no_byline(header: str) -> None:
    assert _bylines(_article(header, byline="")) == []


@pytest.mark.parametrize("header", PAGE_DATA)
def test_page_data_beside_the_real_byline_is_no_empty_byline(header: str) -> None:
    page = _article(header)
    assert _bylines(page) == [("By Mara Ellison, ProPublica", ("Mara Ellison",), None)]
    report = check_html(page, packs=["propublica", "common"])
    assert "common/empty-byline" in {p.rule for p in report.passed}
    assert set(_errors(report)) == set()


def test_with_only_page_data_the_reporter_is_missing_not_emptied() -> None:
    report = check_html(_article(PAGE_DATA[0], byline=""), packs=["propublica", "common"])
    errors = _errors(report)
    assert "common/empty-byline" not in errors
    assert "no visible byline found in the article" in errors["creative-commons/author"]


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ('<a href="/@mellison">Mara Ellison</a>', "Mara Ellison"),
        ('<span><a href="/author/mara-ellison">Mara Ellison</a> · Oct 15, 2025</span>', "Mara Ellison"),
        ('<a href="/@mellison/county-jails-8f2c1">Mara Ellison</a>', "Mara Ellison"),
    ],
)
def test_an_author_link_whose_text_is_a_name_is_still_a_byline(header: str, name: str) -> None:
    assert _bylines(_article(header, byline="")) == [(name, (name,), None)]


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline">By ,</p>',
        '<p class="byline">By on</p>',
        '<p class="byline">By  | June 3</p>',
        '<p class="byline">By , Oct 15, 2025 · 4 min read</p>',
        '<p class="byline">By <a href="/@valleyledger/county-jails-8f2c1">Oct 15, 2025</a></p>',
        '<p class="byline">By <span class="author"></span>, <time datetime="2024-05-02"></time></p>',
    ],
)
def test_an_emptied_byline_keeps_its_opener_and_is_still_caught(byline: str) -> None:
    assert [(names, problem) for _, names, problem in _bylines(_article("", byline=byline))] == [((), "empty")]
    assert "common/empty-byline" in _errors(check_html(_article("", byline=byline), packs=["common"]))
