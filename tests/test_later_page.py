"""A later page of a story split over pages says so: its publisher's credit line, byline and logo
are on the first page, and a licensor or editor reading "byline missing" on page 2 would blame a
copy that is fine. Told by what the site prints and links (`<link rel="prev">` to the same address
with a lower page number, WordPress's page links, a "Page 2 of 3" line), never by a number at the
end of an address alone, nor by an adjacent post's `rel="prev"`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compliance.cli import app
from compliance.document import parse_document
from compliance.document.pagination import story_page
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = [p for p in load_packs() if p.id == "dcnf"]
BODY = "".join(f"<p>Paragraph {n} of the story tells what the officials said about the plan and what it would cost.</p>" for n in range(3))


def _page(head: str = "", body: str = "") -> str:
    return f"<!doctype html><html><head><title>Budget fight</title>{head}</head><body><article><h1>Budget fight</h1>{body}{BODY}</article></body></html>"


def _later(html: str, kind: str = "html", address: str = "") -> tuple[int, str, str] | None:
    found = story_page(parse_document(html.encode(), kind), address)  # type: ignore[arg-type]
    return None if found is None or found.number == 1 else (found.number, found.first, found.evidence)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # WordPress's <!--nextpage-->: /slug/2/ after /slug/.
        (
            '<link rel="canonical" href="https://news.example/2024/05/budget/2/"><link rel="prev" href="https://news.example/2024/05/budget/">',
            (2, "https://news.example/2024/05/budget/", '<link rel="prev" href="https://news.example/2024/05/budget/">'),
        ),
        # /story/3/ after /story/2/, the first page's address not given by the link.
        (
            '<meta property="og:url" content="https://site.example/story/3/"><link rel="previous" href="/story/2/">',
            (3, "", '<link rel="prev" href="/story/2/">'),
        ),
        # Drupal counts its pages from 0: ?page=1 after the bare address is the second page.
        (
            '<link rel="canonical" href="https://site.example/node/5?page=1"><link rel="prev" href="/node/5">',
            (2, "https://site.example/node/5", '<link rel="prev" href="/node/5">'),
        ),
        # A query parameter, other parameters kept, a relative link.
        (
            '<link rel="canonical" href="https://site.example/a/story?page=2&amp;ref=x"><link rel="prev" href="story?ref=x">',
            (2, "https://site.example/a/story?ref=x", '<link rel="prev" href="story?ref=x">'),
        ),
    ],
)
def test_a_previous_page_link_to_the_same_address_tells_a_later_page(head: str, expected: tuple[int, str, str]) -> None:
    assert _later(_page(head)) == expected


@pytest.mark.parametrize(
    "head",
    [
        # Old WordPress themes link the previous post, another address, with its title.
        "<link rel=\"canonical\" href=\"https://news.example/budget-2/\"><link rel='prev' title='Mayor resigns' href='https://news.example/mayor-resigns/'>",
        # The first page links its next page only.
        '<link rel="canonical" href="https://news.example/budget/"><link rel="next" href="https://news.example/budget/2/">',
        # An address ending in a number, nothing else.
        '<link rel="canonical" href="https://news.example/2024/05/13/">',
        # A previous page on another site.
        '<link rel="canonical" href="https://news.example/budget/2/"><link rel="prev" href="https://other.example/budget/">',
        # WordPress's pages of a blog's index, an archive, a search: no story's pages.
        '<link rel="canonical" href="https://news.example/page/2/"><link rel="prev" href="https://news.example/">',
        '<link rel="canonical" href="https://news.example/category/news/page/2/"><link rel="prev" href="https://news.example/category/news/">',
        '<link rel="canonical" href="https://news.example/?s=jail&amp;paged=2"><link rel="prev" href="https://news.example/?s=jail">',
        # A month after its year, a page after one not just before it.
        '<link rel="canonical" href="https://news.example/2024/05/"><link rel="prev" href="https://news.example/2024/">',
        '<link rel="canonical" href="https://news.example/budget/5/"><link rel="prev" href="https://news.example/budget/">',
    ],
)
def test_no_later_page_without_a_link_to_the_same_story(head: str) -> None:
    assert _later(_page(head)) is None


def test_the_address_the_page_was_read_from_counts_as_its_own() -> None:
    html = _page('<link rel="prev" href="https://news.example/budget/">')
    assert _later(html) is None
    assert _later(html, address="https://news.example/budget/2/") == (
        2,
        "https://news.example/budget/",
        '<link rel="prev" href="https://news.example/budget/">',
    )
    # A file's path is no address.
    assert _later(html, address="budget/2/index.html") is None


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        (
            '<div class="page-links">Pages: <a href="https://news.example/budget/" class="post-page-numbers">1</a>'
            ' <span aria-current="page" class="post-page-numbers current">2</span></div>',
            (2, "https://news.example/budget/", "Pages: 1 2"),
        ),
        # Older WordPress: the current page a bare number between the links, or in a span.
        ('<p class="wp-link-pages">Pages: <a href="/b/">1</a> <a href="/b/2/">2</a> 3</p>', (3, "/b/", "Pages: 1 2 3")),
        ('<div class="page-links"><a href="/b/"><span>1</span></a> <span>2</span></div>', (2, "", "1 2")),
    ],
)
def test_wordpress_page_links_of_a_later_page(links: str, expected: tuple[int, str, str]) -> None:
    assert _later(_page(body=links)) == expected


@pytest.mark.parametrize(
    "links",
    [
        '<div class="page-links">Pages: <span class="post-page-numbers current" aria-current="page">1</span>'
        ' <a href="/b/2/" class="post-page-numbers">2</a></div>',
        '<div class="page-links">Pages: 1 <a href="/b/2/">2</a></div>',
        # A theme's comment pages, numbered with the same classes.
        '<div class="page-links"><a class="post-page-numbers" href="?cpage=1">1</a><span class="post-page-numbers current">2</span></div>',
        # Hidden page links say nothing to a reader.
        '<div class="page-links" style="display:none">Pages: <a href="/b/">1</a> <span class="current">2</span></div>',
    ],
)
def test_first_pages_and_hidden_page_links_are_no_later_page(links: str) -> None:
    assert _later(_page(body=links)) is None


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Page 2 of 3", 2),
        ("(Page 3/3)", 3),
        ("Seite 2 von 4", 2),
        ("Página 2 de 2", 2),
        ("Continued from page 1", 0),
        ("CONTINUED FROM PAGE A1", 0),
        ("(Continued from Page A1)", 0),
        ("Continued from 1A", 0),
        ("Rates, continued from page 1", 0),
        ("From Page A1", 0),
    ],
)
def test_a_printed_page_line_tells_a_later_page(line: str, number: int | None) -> None:
    found = _later(_page(body=f"<p>{line}</p>"))
    assert (found[0] if found else None) == number


@pytest.mark.parametrize(
    "line",
    [
        "Page 1 of 3",
        "Page 4 of 3",
        "The council read page 2 of 3 of the report aloud, then voted to send the bill back to committee.",
        # A scanned document's page in a caption.
        '<figure><img src="memo.png" alt=""><figcaption>Page 2 of 3</figcaption></figure>',
    ],
)
def test_a_first_page_an_impossible_number_or_a_sentence_is_no_later_page(line: str) -> None:
    assert _later(_page(body=f"<p>{line}</p>")) is None


def test_plain_text_and_markdown_jump_lines() -> None:
    text = "Budget fight\n\nContinued from page 1\n\nLawmakers on Tuesday weighed a measure.\n"
    assert _later(text, "text") == (0, "", "Continued from page 1")
    assert _later("# Budget fight\n\n*Page 2 of 2*\n\nLawmakers on Tuesday weighed a measure.\n", "markdown") == (2, "", "Page 2 of 2")


STORY = (
    '<p class="byline">By Jake Smith, Daily Caller News Foundation</p>'
    '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2019/01/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
)


def test_the_notice_names_the_page_the_evidence_and_the_first_page() -> None:
    html = _page('<link rel="canonical" href="https://news.example/budget/2/">\n<link rel="prev" href="https://news.example/budget/">', STORY)
    report = check_document(parse_document(html.encode(), "html"), PACKS, path="budget-2.html", auto_detect=False)
    (notice,) = [n for n in report.notices if n.code == "later-page"]
    assert notice.line == 2
    assert notice.message == (
        'page 2 of a story split over pages (<link rel="prev" href="https://news.example/budget/">, line 2): what its publisher'
        " requires at the story's head and this page lacks (a credit line, byline or logo) may be on the first page"
        " (https://news.example/budget/), which was not checked; check the first page too, or the whole story on one page"
    )


def test_no_notice_where_no_pack_applies() -> None:
    html = _page(body="<p>Page 2 of 3</p>")
    report = check_document(parse_document(html.encode(), "html"), load_packs(), path="p.html")
    assert [n.code for n in report.notices] == ["no-pack"]


def test_the_cli_reports_it_in_json(tmp_path: Path) -> None:
    page = tmp_path / "budget-2.html"
    page.write_text(_page(body="<p>Daily Caller News Foundation</p>\n<p>Page 2 of 3</p>" + STORY))
    result = CliRunner().invoke(app, ["check", "--pack", "dcnf", "--format", "json", str(page)])
    (notice,) = [n for n in json.loads(result.stdout)["files"][0]["notices"] if n["code"] == "later-page"]
    assert notice["message"].startswith("page 2 of a story split over pages (Page 2 of 3, line 2)")


def _page_number(html: str, kind: str = "html") -> int | None:
    found = story_page(parse_document(html.encode(), kind))  # type: ignore[arg-type]
    return None if found is None else found.number


@pytest.mark.parametrize(
    ("html", "number"),
    [
        (_page('<link rel="canonical" href="https://news.example/budget/"><link rel="next" href="https://news.example/budget/2/">'), 1),
        (_page('<link rel="canonical" href="https://news.example/budget/?page=2"><link rel="next" href="?page=3">'), 2),
        (
            _page(body='<div class="page-links">Pages: <span class="post-page-numbers current">1</span> <a href="/b/2/" class="post-page-numbers">2</a></div>'),
            1,
        ),
        (_page(body="<p>Page 1 of 3</p>"), 1),
        (_page(body="<p>Page 3 of 3</p>"), 3),
        # Not part of a split story: an adjacent post's next link, a lone "Page 1", no sign at all.
        (
            _page("<link rel=\"canonical\" href=\"https://news.example/budget/\"><link rel='next' title='Mayor resigns' href='https://news.example/mayor/'>"),
            None,
        ),
        (_page(body="<p>Page 1</p>"), None),
        (_page(), None),
    ],
)
def test_every_page_of_a_split_story_is_told_the_first_too(html: str, number: int | None) -> None:
    assert _page_number(html) == number


ORIGINAL_URL = "https://www.propublica.org/article/county-jails"
PARAGRAPHS = [f"<p>Paragraph {n} of the story says what the county's jail inspectors found in {2010 + n}, and what they fixed.</p>" for n in range(8)]
PP_HEAD = f'<p>This story was originally published by <a href="{ORIGINAL_URL}">ProPublica</a>.</p><p class="byline">By Sam Ortiz, ProPublica</p>'


def _split_copy(folder: Path, links: str, paragraphs: list[str]) -> tuple[str, str]:
    original = folder / "original.html"
    original.write_text(
        f'<html><head><link rel="canonical" href="{ORIGINAL_URL}"></head><body><article><h1>County jails</h1>'
        f'<p class="byline">By Sam Ortiz, ProPublica</p>{"".join(PARAGRAPHS)}</article></body></html>'
    )
    copy = folder / "copy.html"
    copy.write_text(
        f'<html><head><link rel="canonical" href="https://valley.example/jails/"></head><body><article><h1>County jails</h1>{PP_HEAD}'
        f'{"".join(paragraphs)}{links}<script async src="https://pixel.propublica.org/pixel.js"></script></article></body></html>'
    )
    return str(original), str(copy)


def test_a_page_of_a_split_story_is_not_compared_with_the_whole_original(tmp_path: Path) -> None:
    links = '<div class="page-links">Pages: <span class="post-page-numbers current">1</span> <a href="https://valley.example/jails/2/">2</a></div>'
    original, copy = _split_copy(tmp_path, links, PARAGRAPHS[:4])
    result = CliRunner().invoke(app, ["check", "--pack", "propublica", "--format", "json", "--original", original, copy])
    report = json.loads(result.stdout)["files"][0]
    assert not [f for f in report["findings"] if f["rule"] in ("propublica/fidelity", "propublica/original-links")]
    (note,) = [n["message"] for n in report["notices"] if n["code"] == "undecided"]
    assert note.startswith("2 rule(s) not checked (propublica/fidelity, propublica/original-links): the page is page 1 of a story split over pages")


def test_a_story_on_one_page_missing_half_its_text_is_still_told_so(tmp_path: Path) -> None:
    original, copy = _split_copy(tmp_path, "", PARAGRAPHS[:4])
    result = CliRunner().invoke(app, ["check", "--pack", "propublica", "--format", "json", "--original", original, copy])
    report = json.loads(result.stdout)["files"][0]
    assert "propublica/fidelity" in {f["rule"] for f in report["findings"]}
    assert not [n for n in report["notices"] if n["code"] == "undecided"]


def test_a_headline_that_reads_as_a_page_line_is_a_headline() -> None:
    html = "<html><body><article><h1>Page 2 of 3</h1><p>By Dan Walters, CalMatters</p><p>Insurers raised rates.</p></article></body></html>"
    assert _page_number(html) is None
