"""A partner that copies the original's markup whole keeps its `og:url` and `og:site_name`: a page
that shows the publisher's credit line (the `republication-markers` of a pack's `own-site`, which
only a copy prints) is a republication whatever that metadata says, in `check` and in the audit.
A page on the publisher's site without such a line is still its own page, and a pack that names
an id none of its markers has is refused."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from compliance.audit.run import read_page
from compliance.audit.sources import Page
from compliance.detect import own_page
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.errors import PackError
from compliance.loading import load_packs
from compliance.packs import load_pack
from tests.test_packs import VALID

PACKS = load_packs()
BY_ID = {pack.id: pack for pack in PACKS}

# Each pack with republication markers: a story's address on its site, and its credit line in words
# of its own and in a variant.
CREDITS = {
    "propublica": ("https://www.propublica.org/article/welds", "This story was originally published by ProPublica."),
    "calmatters": ("https://calmatters.org/politics/2024/05/welds/", "This story was originally published by CalMatters."),
    "texas-tribune": ("https://www.texastribune.org/2024/05/01/welds/", "This article originally appeared in The Texas Tribune."),
    "the-conversation": ("https://theconversation.com/welds-123456", "This article is republished from The Conversation under a Creative Commons license."),
}

PAGE = """<html><head>{head}<title>Pipeline welds went uninspected – {site}</title></head><body>
<header><a href="/">{site}</a></header>
<article><h1>Pipeline welds went uninspected</h1>
<p class="byline">By {site} Staff</p>
{credit}
<p>Federal rules require a qualified inspector to witness critical welds.</p>
<p>Logs show the same inspectors approving work hundreds of miles apart.</p>
</article></body></html>"""


def _page(head: str, credit: str, site: str = "Valley Ledger") -> str:
    return PAGE.format(head=head, credit=credit, site=site)


def _check(html: str, *, pack: str | None = None) -> Any:
    packs = [BY_ID[pack]] if pack else PACKS
    return check_document(parse_document(html.encode(), "html"), packs, path="copy.html", auto_detect=pack is None)


@pytest.mark.parametrize("pack", sorted(CREDITS))
@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:url" content="{url}">',
        '<meta property="og:url" content="{url}"><meta property="og:site_name" content="{name}">',
    ],
)
def test_a_copy_with_the_originals_metadata_and_the_credit_line_is_checked(pack: str, head: str) -> None:
    url, credit = CREDITS[pack]
    html = _page(head.format(url=url, name=BY_ID[pack].own_site.names[0]), f"<p><em>{credit}</em></p>")
    report = _check(html)
    assert pack in report.packs
    assert "own-page" not in [n.code for n in report.notices]
    # Asked for by name: checked as asked, with no note calling it the publisher's own page.
    asked = _check(html, pack=pack)
    assert "own-page" not in [n.code for n in asked.notices]


@pytest.mark.parametrize("pack", sorted(CREDITS))
def test_the_publishers_own_page_without_a_credit_line_stays_its_own(pack: str) -> None:
    url, _credit = CREDITS[pack]
    report = _check(_page(f'<meta property="og:url" content="{url}">', "", site=BY_ID[pack].own_site.names[0]))
    assert pack not in report.packs
    assert [n.code for n in report.notices if n.code == "own-page"] == ["own-page"]


def test_a_credit_line_quoted_in_prose_does_not_make_the_own_page_a_copy() -> None:
    # The marker is the credit line as a line of its own; a sentence that quotes it is not.
    url, _credit = CREDITS["propublica"]
    prose = '<p>Partners print "This story was originally published by ProPublica." under each story they take.</p>'
    report = _check(_page(f'<meta property="og:url" content="{url}">', prose, site="ProPublica"))
    assert "propublica" not in report.packs
    assert "own-page" in [n.code for n in report.notices]


def test_dcnfs_own_pages_carry_its_license_paragraph_and_stay_its_own() -> None:
    # DCNF names no republication marker: its own pages show its license paragraph and logo.
    assert BY_ID["dcnf"].own_site.republication_markers == ()
    html = _page(
        '<meta property="og:url" content="https://dailycallernewsfoundation.org/2024/05/01/welds/">',
        site="Daily Caller News Foundation",
        credit=(
            "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service,"
            " is available without charge.</em></p>"
        ),
    )
    report = _check(html)
    assert "dcnf" not in report.packs and "own-page" in [n.code for n in report.notices]


def test_a_saved_partner_copy_with_the_originals_og_url_is_no_story_page_in_the_audit() -> None:
    url, credit = CREDITS["propublica"]
    copied = _page(f'<meta property="og:url" content="{url}">', f"<p>{credit}</p>").encode()
    _, text = read_page(Page("saved/copy.html", "saved:saved", copied), pack=BY_ID["propublica"])
    assert (text.own, text.identity) == (False, frozenset())
    own = _page(f'<meta property="og:url" content="{url}">', "", site="ProPublica").encode()
    _, text = read_page(Page("saved/own.html", "saved:saved", own), pack=BY_ID["propublica"])
    assert text.own and text.identity == frozenset([url])


@pytest.mark.parametrize("pack", sorted(CREDITS))
def test_a_copy_that_dropped_the_credit_line_and_kept_the_originals_og_url_is_no_own_page(pack: str) -> None:
    # The partner's theme titles the page with its own name: that is no page of the publisher,
    # whatever the og:url copied with the markup says. Asked for by name, its rules are checked
    # with no note calling it the publisher's own.
    url, _credit = CREDITS[pack]
    html = _page(f'<meta property="og:url" content="{url}">', "")
    assert "own-page" not in [n.code for n in _check(html).notices]
    asked = _check(html, pack=pack)
    assert asked.packs == (pack,) and "own-page" not in [n.code for n in asked.notices]


@pytest.mark.parametrize(
    ("title", "own"),
    [
        ("Pipeline welds went uninspected – ProPublica", True),
        ("Pipeline welds went uninspected | Investigations | ProPublica", True),
        ("Pipeline welds went uninspected — propublica.org", True),
        ("Pipeline welds went uninspected - ProPublica Illinois", True),
        # A tagline after the publisher's name is the publisher's own.
        ("Pipeline welds went uninspected — ProPublica — Investigative Journalism in the Public Interest", True),
        ("Pipeline welds went uninspected", True),
        # Not the headline first: the title says nothing about the site.
        ("Valley Ledger: Pipeline welds went uninspected", True),
        ("Pipeline welds went uninspected – Valley Ledger", False),
        ("Pipeline welds went uninspected | Opinion | The Valley Ledger", False),
        ("Pipeline welds went uninspected :: valleyledger.example", False),
    ],
)
def test_the_titles_site_name_after_the_headline_must_be_the_publishers(title: str, own: bool) -> None:
    html = (
        f'<html><head><meta property="og:url" content="https://www.propublica.org/article/welds"><title>{title}</title></head>'
        "<body><article><h1>Pipeline welds went uninspected</h1><p>By Rosa Ibarra</p>"
        "<p>Federal rules require a qualified inspector to witness critical welds.</p></article></body></html>"
    )
    doc = parse_document(html.encode(), "html")
    assert bool(own_page(doc, BY_ID["propublica"].own_site)) is own


def test_a_site_name_title_the_same_as_a_masthead_headline_says_nothing() -> None:
    # The document's headline is the masthead's `<h1>`: what follows it in the title is the
    # story's headline, no site's name.
    html = (
        '<html><head><meta property="og:url" content="https://www.propublica.org/article/welds">'
        "<title>ProPublica – Pipeline welds went uninspected</title></head>"
        "<body><h1>ProPublica</h1><p>Federal rules require a qualified inspector to witness critical welds.</p></body></html>"
    )
    doc = parse_document(html.encode(), "html")
    assert doc.headline is not None and doc.headline.text == "ProPublica"
    assert own_page(doc, BY_ID["propublica"].own_site)


def test_a_saved_copy_without_the_credit_line_is_matched_as_a_copy_in_the_audit() -> None:
    url, _credit = CREDITS["propublica"]
    copied = _page(f'<meta property="og:url" content="{url}">', "").encode()
    _, text = read_page(Page("saved/copy.html", "saved:saved", copied), pack=BY_ID["propublica"])
    assert (text.own, text.identity) == (False, frozenset())


def test_republication_markers_must_name_the_packs_markers() -> None:
    pack = VALID + textwrap.indent(
        textwrap.dedent(
            """\
            detect:
              own-site:
                domains: [example.org]
                republication-markers: [credit-lin]
              markers:
                - id: credit-line
                  check: {text: {phrase: Republished with permission}}
            """
        ),
        "",
    )
    with pytest.raises(PackError, match="'republication-markers' names 'credit-lin', which is not one of this pack's markers") as caught:
        load_pack(pack, "house.yaml")
    assert "credit-line" in str(caught.value)
    fixed = load_pack(pack.replace("[credit-lin]", "[credit-line]"), "house.yaml")
    assert fixed.own_site.republication_markers == ("credit-line",)
