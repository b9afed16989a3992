"""A `link` check of the article's links (`scope: article`) reads the URLs of the article's links
only (`link._article_links`): the page's menus and footer, which hold most of its links, are not
read. What it finds, and what it reports when a link needs an article's metadata it was not given,
stay as when every link of the page was read first."""

from __future__ import annotations

import textwrap

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.packs import load_pack

PAGE = """<html><body>
<nav><a href="https://www.propublica.org/article/menu-story">ProPublica</a> <a href="https://example.org/about">About</a></nav>
<article><h1>Hospital bills pile up</h1>
<p>This story was originally published by <a href="https://www.propublica.org/article/rural-bills">ProPublica</a>.</p>
<p>When Dana Whitlock opened her mailbox, she found a summons from the hospital.</p>
<p>Read <a href="https://www.propublica.org/article/other-story">another story</a> about the hospital's suits.</p>
</article>
<footer><a href="https://www.propublica.org/article/footer-story">More from ProPublica</a></footer>
</body></html>"""


def _pack(check: str) -> str:
    indented = textwrap.indent(textwrap.dedent(check).strip(), " " * 6)
    return (
        "id: example\nname: Example\npublisher: Example\nterms_url: https://example.org/terms\n"
        "as_of: 2024-01-01\nsummary: Links of the article.\nrules:\n"
        "  - id: example/link\n    severity: error\n    message: 'Link: {detail}'\n    help: Link it.\n"
        f"    check:\n{indented}\n"
    )


def _check(check: str, meta: dict[str, str] | None = None) -> tuple[list[str], list[str], list[str]]:
    """The evidence of the rule's pass, its findings' details, and the notices' codes."""
    report = check_document(parse_document(PAGE.encode(), "html"), [load_pack(_pack(check), "example.yaml")], path="page.html", auto_detect=False, meta=meta)
    return [p.evidence for p in report.passed], [f.detail or "" for f in report.findings], [n.code for n in report.notices]


@pytest.mark.parametrize(
    ("check", "evidence"),
    [
        # Only the article's links count: the menu's and the footer's go to the same site.
        (
            "link: {href: '^https://www\\.propublica\\.org/article/', min: 2}",
            '<a href="https://www.propublica.org/article/rural-bills">ProPublica</a>',
        ),
        (
            "link: {href: '^https://www\\.propublica\\.org/article/', text: '^ProPublica$'}",
            '<a href="https://www.propublica.org/article/rural-bills">ProPublica</a>',
        ),
        # The page's links when the check asks for them: the menu's comes first.
        (
            "link: {href: '^https://www\\.propublica\\.org/article/', scope: page, min: 4}",
            '<a href="https://www.propublica.org/article/menu-story">ProPublica</a>',
        ),
    ],
)
def test_a_check_of_the_articles_links_counts_those_alone(check: str, evidence: str) -> None:
    assert _check(check)[0] == [evidence]


def test_a_check_of_the_articles_links_finds_none_in_the_pages_chrome() -> None:
    passed, details, _ = _check("link: {href: '^https://www\\.propublica\\.org/article/(?:menu|footer)-story'}")
    assert passed == []
    assert details == ['no visible link to "https://www.propublica.org/article/menu-story" in the article']


def test_a_link_outside_the_article_still_finds_the_metadata_its_text_needs_missing() -> None:
    # Only the menu's link goes to this story: reading it, the check needs `outlet` to read its
    # words, and says so, as it did when every link of the page was read.
    check = "link: {href: '^https://www\\.propublica\\.org/article/menu-story', text: '{{meta.outlet}}'}"
    passed, details, notices = _check(check)
    assert (passed, details) == ([], [])
    assert "missing-meta" in notices
    # Given, the menu's link is still no link of the article.
    missing = 'no visible link to "https://www.propublica.org/article/menu-story" reading "{{meta.outlet}}" in the article'
    assert _check(check, meta={"outlet": "ProPublica"}) == ([], [missing], [])
