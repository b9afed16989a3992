"""A byline crediting another person beside the reporter's own (`PACK/original-reporter`, every
pack with one): each visible byline of the story that credits a named person must credit the
reporter(s) the original or the `reporter` metadata names, wherever it stands (the theme's
author box, the story's own "By" line, a second "By" line lower down). A staff credit beside the
reporter's ("Posted by Web Staff", "Delta Beacon Editors") stays harmless, and so does a credit
for a part of the work ("Photos by", "translated by"), a teaser's or a comment's byline. `fix`
puts every wrong byline right, not only the first, and leaves a staff line as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html

# Each pack with an original-reporter rule, and the outlet its bylines give.
PACKS = {
    "calmatters": "CalMatters",
    "dcnf": "Daily Caller News Foundation",
    "kff-health-news": "KFF Health News",
    "propublica": "ProPublica",
    "the-19th": "The 19th",
    "texas-tribune": "The Texas Tribune",
    "the-conversation": "University of Arizona",
    "global-voices": "Global Voices",
}
BODY = "<p>The county board voted 5-2 on Tuesday to close the clinic after a year of losses.</p>"


def _page(*lines: str) -> str:
    return "<html><body><article><h1>Clinic to close</h1>" + "".join(lines) + BODY + "</article></body></html>"


def _kff_page(*lines: str) -> str:
    """A KFF Health News copy: its tagline after the story's last paragraph, where the terms put it."""
    return "<html><body><article><h1>Clinic to close</h1>" + "".join(lines) + BODY + KFF_TAGLINE + "</article></body></html>"


def _verdict(pack: str, page: str, reporter: str = "Ana Ruiz") -> tuple[bool, str]:
    """Whether the pack's original-reporter rule passed on `page` (it must have run), and its detail."""
    rule = f"{pack}/original-reporter"
    report = check_html(page, packs=[pack], meta={"reporter": reporter})
    assert rule in report.evaluated_rules, [n.message for n in report.notices]
    failed = [f for f in report.findings if f.rule == rule]
    return not failed, (failed[0].detail or "") if failed else ""


@pytest.mark.parametrize("pack", sorted(PACKS))
@pytest.mark.parametrize(
    "lines",
    [
        # the reporter's byline, then a second "By" line naming someone else
        ('<p class="byline">By Ana Ruiz, {outlet}</p>', "<p>Intro.</p>", '<p class="byline">By Tomás Ferreira for {outlet}</p>'),
        # the theme's author box naming someone else above the story's right byline
        ('<div class="author-name"><a href="/author/bo-li/">Bo Li</a></div>', '<p class="byline">By Ana Ruiz, {outlet}</p>'),
        # one byline naming the reporter and another person
        ('<p class="byline">By Ana Ruiz and Sam Li, {outlet}</p>',),
    ],
)
def test_a_byline_naming_another_person_fails_beside_the_reporters(pack: str, lines: tuple[str, ...]) -> None:
    passed, detail = _verdict(pack, _page(*(line.format(outlet=PACKS[pack]) for line in lines)))
    assert not passed
    assert "credited too, is not the reporter" in detail and "Ana Ruiz" in detail


@pytest.mark.parametrize("pack", sorted(PACKS))
@pytest.mark.parametrize(
    "beside",
    [
        '<p class="byline">Posted by Web Staff</p>',
        '<div class="author-name"><a href="/author/editors/">Delta Beacon Editors</a></div>',
        '<p class="byline">By Hill Country News staff</p>',
    ],
)
def test_a_staff_line_beside_the_reporters_byline_stays_harmless(pack: str, beside: str) -> None:
    passed, detail = _verdict(pack, _page(beside, f'<p class="byline">By Ana Ruiz, {PACKS[pack]}</p>'))
    assert passed, detail


@pytest.mark.parametrize(
    "byline",
    [
        "By Ana Ruiz, KFF Health News. Photos by Sam Li",
        "Reported by Ana Ruiz and translated by Sam Li",
        "By Ana Ruiz, KFF Health News; additional reporting by Sam Li",
        "By Ana Ruiz, KFF Health News; edited by Sam Li",
    ],
)
def test_a_credit_for_a_part_of_the_work_is_not_another_author(byline: str) -> None:
    passed, detail = _verdict("kff-health-news", _page(f'<p class="byline">{byline}</p>'))
    assert passed, detail


def test_a_teasers_or_a_comments_byline_is_not_the_storys() -> None:
    page = (
        '<html><body><article><h1>Clinic to close</h1><p class="byline">By Ana Ruiz, KFF Health News</p>'
        + BODY
        + '</article><aside class="related-stories"><h2>More stories</h2><ul><li><a href="/b">Road bond vote</a>'
        '<p class="byline">By Sam Li</p></li></ul></aside>'
        '<section id="comments" class="comments"><p class="comment-author">By Bo Li</p><p>Great story.</p></section></body></html>'
    )
    passed, detail = _verdict("kff-health-news", page)
    assert passed, detail


def test_the_original_storys_reporters_are_compared_too(cli: Any, tmp_path: Path) -> None:
    original = tmp_path / "original.html"
    original.write_text(_page('<p class="byline">By Ana Ruiz and Bo Li, ProPublica</p>'), encoding="utf-8")
    copy = tmp_path / "copy.html"
    copy.write_text(_page('<p class="byline">By Ana Ruiz and Bo Li, ProPublica</p>', '<p class="byline">By Cy Young</p>'), encoding="utf-8")
    run = cli("check", "--select", "propublica/original-reporter", "--pack", "propublica", "--original", str(original), str(copy))
    assert run.code == 1 and "Cy Young, credited too, is not among the reporters" in run.out


KFF_TAGLINE = "<p><em>KFF Health News is a national newsroom that produces in-depth journalism about health issues.</em></p>"


@pytest.mark.parametrize(
    ("lines", "fixed"),
    [
        # a staff author box and a wrong in-body byline: the in-body name is replaced, the staff line stays
        (
            ['<h4 class="author-name"><a href="/author/editors/">Delta Beacon Editors</a></h4>', '<p class="byline">By Tomás Ferreira for KFF Health News</p>'],
            ['<h4 class="author-name"><a href="/author/editors/">Delta Beacon Editors</a></h4>', '<p class="byline">By Ana Ruiz for KFF Health News</p>'],
        ),
        # the reporter's byline first, a wrong one later: the later one is put right
        (
            ['<p class="byline">By Ana Ruiz, KFF Health News</p>', "<p>Intro.</p>", '<p class="byline">By Tomás Ferreira for KFF Health News</p>'],
            ['<p class="byline">By Ana Ruiz, KFF Health News</p>', "<p>Intro.</p>", '<p class="byline">By Ana Ruiz for KFF Health News</p>'],
        ),
        # two wrong bylines, two people: both put right in one run of the fix
        (
            ['<p class="byline">By Sam Li</p>', "<p>Intro.</p>", '<p class="byline">By Tomás Ferreira for KFF Health News · July 23</p>'],
            ['<p class="byline">By Ana Ruiz, KFF Health News</p>', "<p>Intro.</p>", '<p class="byline">By Ana Ruiz for KFF Health News · July 23</p>'],
        ),
        # the reporter and another person in one byline: the run of names becomes the reporter
        (
            ['<p class="byline">By Ana Ruiz and Sam Li, KFF Health News</p>'],
            ['<p class="byline">By Ana Ruiz, KFF Health News</p>'],
        ),
    ],
)
def test_fix_puts_every_wrong_byline_right(cli: Any, tmp_path: Path, lines: list[str], fixed: list[str]) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_page(*lines), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "kff-health-news", "--meta=reporter=Ana Ruiz", str(copy))
    assert copy.read_text(encoding="utf-8") == _kff_page(*fixed), run.err
    assert run.err.count("fixed kff-health-news/original-reporter: replaced") == sum(a != b for a, b in zip(lines, fixed, strict=True))
    checked = cli("check", "--select", "kff-health-news/original-reporter", "--pack", "kff-health-news", "--meta=reporter=Ana Ruiz", str(copy))
    assert checked.code == 0, checked.out


def test_a_wrong_byline_fix_cannot_rewrite_is_named_in_the_note_and_still_fails(cli: Any, tmp_path: Path) -> None:
    # Emphasis around one name only: the names cannot be replaced as one run, so no fix is claimed
    # and the reason names the wrong byline; it stays an error until the editor edits it.
    lines = ['<p class="byline">By Ana Ruiz, KFF Health News</p>', "<p>Intro.</p>", '<p class="byline">By <b>Sam Li</b> and Bo Kim</p>']
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_page(*lines), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "kff-health-news", "--meta=reporter=Ana Ruiz", str(copy))
    assert "edit the byline at line 1: write 'By Ana Ruiz, KFF Health News' in place of 'By Sam Li and Bo Kim'" in run.err
    checked = cli("check", "--select", "kff-health-news/original-reporter", "--pack", "kff-health-news", "--meta=reporter=Ana Ruiz", str(copy))
    assert checked.code == 1 and "Sam Li and Bo Kim, credited too, are not the reporter" in checked.out


def test_the_report_names_every_byline_to_put_right() -> None:
    page = _kff_page('<p class="byline">By Sam Li</p>', "<p>Intro.</p>", '<p class="byline">By Tomás Ferreira for KFF Health News</p>')
    report = check_html(page, packs=["kff-health-news"], meta={"reporter": "Ana Ruiz"})
    (finding,) = [f for f in report.findings if f.rule == "kff-health-news/original-reporter"]
    assert finding.fix is not None and finding.fix.text == "Ana Ruiz, KFF Health News"
    assert finding.fix.place == "in place of 'Sam Li' in the byline"
    assert finding.fix.fill_in == ("Then put 'Ana Ruiz' in place of 'Tomás Ferreira' in the byline on line 1 too",)


@pytest.mark.parametrize(
    ("byline", "fixed"),
    [
        # a link to the wrong person's author page, with rel=author
        (
            '<p class="byline">By <a href="/authors/web-staff/" rel="author">Sam Li</a> · July 23</p>',
            '<p class="byline">By Ana Ruiz, KFF Health News · July 23</p>',
        ),
        # two hCards: both people's markup goes, not the second alone
        (
            '<p class="byline">By <span class="author vcard"><a class="url fn n" href="/author/jane-roe/">Jane Roe</a></span> and '
            '<span class="author vcard"><a class="url fn n" href="/author/sam-li/">Sam Li</a></span>, Prairie Ledger</p>',
            '<p class="byline">By Ana Ruiz, KFF Health News</p>',
        ),
        # an itemprop author span without a link
        ('<p class="byline">By <span itemprop="author">Sam Li</span></p>', '<p class="byline">By Ana Ruiz, KFF Health News</p>'),
        # emphasis is style: it stays around the reporter's name
        ('<p class="byline">By <strong>Sam Li</strong></p>', '<p class="byline">By <strong>Ana Ruiz, KFF Health News</strong></p>'),
    ],
)
def test_fix_takes_the_wrong_persons_link_and_author_markup_out_with_the_name(cli: Any, tmp_path: Path, byline: str, fixed: str) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_page(byline), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "kff-health-news", "--meta=reporter=Ana Ruiz", str(copy))
    assert copy.read_text(encoding="utf-8") == _kff_page(fixed), run.err


def test_the_reporters_own_link_stays_and_the_affiliation_goes_after_it(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_kff_page('<p class="byline">By <a href="/author/ana-ruiz/" rel="author">Ana Ruiz</a></p>'), encoding="utf-8")
    run = cli("fix", "--write", "--pack", "kff-health-news", "--meta=reporter=Ana Ruiz", str(copy))
    fixed = _kff_page('<p class="byline">By <a href="/author/ana-ruiz/" rel="author">Ana Ruiz</a>, KFF Health News</p>')
    assert copy.read_text(encoding="utf-8") == fixed, run.err
