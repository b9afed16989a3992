"""ProPublica's credit line changed into a credit of adaptation ("Adapted from reporting by
ProPublica."): the terms prescribe "This story was originally published by ProPublica." word for
word and allow no edits beyond time, place and style, so such a credit does not meet them; the
finding says a changed credit was found and quotes it (not "no credit line"), and `syndcheck fix`
puts the prescribed line in its place rather than beside it. A paragraph of the story that opens
with "Based on reporting by ProPublica, …" is no credit line. Also: `propublica/affiliation` has a
fix, ProPublica after the reporter's name in the page's byline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.findings import Report

URL = "https://www.propublica.org/article/hospital-chain-sued-patients"
LINE = f'This story was originally published by <a href="{URL}">ProPublica</a>.'
PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def _page(credit: str, byline: str = "By Maria Lopez, ProPublica", extra: str = "") -> str:
    return (
        f'<html><head><meta property="og:site_name" content="Valley Courier"><link rel="canonical" href="{URL}"></head><body><article>\n'
        f'<h1>How a Hospital Chain Sued Thousands of Patients</h1>\n<p class="byline">{byline}</p>\n'
        f"<p><em>{credit}</em></p>\n"
        "<p>Over five years, a nonprofit hospital chain in New Mexico filed more than 4,000 lawsuits against its own patients.</p>\n"
        f"{extra}"
        "<p>Many of the patients qualified for free care under the chain's own charity policy, according to an analysis.</p>\n"
        f"{PIXEL}\n</article></body></html>\n"
    )


def _findings(report: Report) -> dict[str, str]:
    return {f.rule: f.message for f in report.findings}


@pytest.mark.parametrize(
    "credit",
    [
        f'Adapted from reporting by <a href="{URL}">ProPublica</a>.',
        f'This story was adapted from reporting by <a href="{URL}">ProPublica</a>.',
        f'This article is based on a <a href="{URL}">ProPublica</a> investigation.',
        f'Excerpted from an article by <a href="{URL}">ProPublica</a>, a nonprofit newsroom.',
        "Based on ProPublica's reporting.",
    ],
)
def test_a_credit_of_adaptation_is_reported_as_a_changed_credit_line(credit: str) -> None:
    report = check_html(_page(credit), packs=["propublica"])
    found = _findings(report)
    assert "propublica/credit-line" not in found  # not "no credit line"
    message = found["propublica/credit-line-wording"]
    assert message.startswith('The credit line reads "') and "not the wording the terms ask for" in message
    (finding,) = [f for f in report.findings if f.rule == "propublica/credit-line-wording"]
    assert "adapted from or based on" in finding.help


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>Based on reporting by ProPublica, the county council voted to review every lawsuit the chain had filed since 2019.</p>\n",
        "<p>Based on ProPublica's analysis of court records, lawmakers asked the attorney general to open an inquiry.</p>\n",
    ],
)
def test_a_paragraph_of_the_story_that_opens_so_is_no_credit_line(paragraph: str) -> None:
    report = check_html(_page(LINE, extra=paragraph), packs=["propublica"])
    assert report.findings == ()


def test_fix_puts_the_prescribed_line_in_place_of_the_changed_one(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text(_page(f'Adapted from reporting by <a href="{URL}">ProPublica</a>.'), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", str(path))
    assert run.code == 0, run.err
    assert "fixed propublica/credit-line-wording: replaced 'Adapted from reporting by ProPublica.'" in run.err
    fixed = path.read_text(encoding="utf-8")
    assert fixed.count("originally published by") == 1 and "Adapted" not in fixed
    assert cli("check", "--pack", "propublica", str(path)).code == 0


def test_fix_adds_propublica_to_a_byline_that_names_the_reporter_alone(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text(_page(LINE, byline='By <a href="/author/ml/">Maria Lopez</a>'), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "propublica", "--meta", "reporter=Maria Lopez", str(path))
    assert run.code == 0, run.err
    assert "fixed propublica/affiliation" in run.err
    assert '<p class="byline">By <a href="/author/ml/">Maria Lopez</a>, ProPublica</p>' in path.read_text(encoding="utf-8")
    assert cli("check", "--pack", "propublica", str(path)).code == 0


def test_fix_does_not_guess_the_reporter_for_the_affiliation(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"
    path.write_text(_page(LINE, byline="By Maria Lopez"), encoding="utf-8")
    run = cli("fix", "--pack", "propublica", str(path))
    assert run.code == 1
    assert "not fixed: propublica/affiliation: needs the reporter's name" in run.err


# The prescribed line and another attribution on one page (a theme's or plugin's footer credit):
# the copy has the wording the terms ask for, and is told only that it prints the credit twice.
FOOTERS = [
    "<p>This article first appeared on ProPublica and is republished here under a Creative Commons license.</p>",
    "<p>This story was first published by ProPublica.</p>",
    "<footer><p>Originally published by ProPublica.</p></footer>",
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_the_prescribed_line_at_the_top_and_another_credit_below_is_a_repeated_credit_not_a_wording_error(footer: str) -> None:
    found = _findings(check_html(_page(LINE, extra=footer), packs=["propublica"]))
    assert "propublica/credit-line-wording" not in found and "propublica/credit-line" not in found
    assert found["propublica/credit-line-repeated"] == "The ProPublica credit line is printed more than once."


@pytest.mark.parametrize("footer", FOOTERS)
def test_a_reworded_credit_at_the_top_and_the_prescribed_line_below_is_a_misplaced_credit(footer: str) -> None:
    reworded = footer.replace("<footer>", "").replace("</footer>", "").removeprefix("<p>").removesuffix("</p>")
    page = _page(reworded, extra=f"<p>{LINE}</p>")
    found = _findings(check_html(page, packs=["propublica"]))
    assert "propublica/credit-line-wording" not in found
    assert found["propublica/credit-line"].startswith('The credit line "This story was originally published by ProPublica." must be at the top of the story')


def test_a_reworded_credit_alone_is_still_a_wording_error() -> None:
    found = _findings(check_html(_page("This article first appeared on ProPublica."), packs=["propublica"]))
    assert found["propublica/credit-line-wording"].startswith('The credit line reads "This article first appeared on ProPublica."')
    assert "propublica/credit-line" not in found


def test_the_prescribed_words_in_a_photo_caption_do_not_turn_the_wording_rule_off() -> None:
    caption = f'<figure><img src="https://example.org/p.jpg" alt=""><figcaption>{LINE}</figcaption></figure>'
    found = _findings(check_html(_page("This article first appeared on ProPublica.", extra=caption), packs=["propublica"]))
    assert "propublica/credit-line-wording" in found
