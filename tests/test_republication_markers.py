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

PAGE = """<html><head>{head}<title>Pipeline welds went uninspected – Valley Ledger</title></head><body>
<header><a href="/">Valley Ledger</a></header>
<article><h1>Pipeline welds went uninspected</h1>
<p class="byline">By Valley Ledger Staff</p>
{credit}
<p>Federal rules require a qualified inspector to witness critical welds.</p>
<p>Logs show the same inspectors approving work hundreds of miles apart.</p>
</article></body></html>"""


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
    html = PAGE.format(head=head.format(url=url, name=BY_ID[pack].own_site.names[0]), credit=f"<p><em>{credit}</em></p>")
    report = _check(html)
    assert pack in report.packs
    assert "own-page" not in [n.code for n in report.notices]
    # Asked for by name: checked as asked, with no note calling it the publisher's own page.
    asked = _check(html, pack=pack)
    assert "own-page" not in [n.code for n in asked.notices]


@pytest.mark.parametrize("pack", sorted(CREDITS))
def test_the_publishers_own_page_without_a_credit_line_stays_its_own(pack: str) -> None:
    url, _credit = CREDITS[pack]
    report = _check(PAGE.format(head=f'<meta property="og:url" content="{url}">', credit=""))
    assert pack not in report.packs
    assert [n.code for n in report.notices if n.code == "own-page"] == ["own-page"]


def test_a_credit_line_quoted_in_prose_does_not_make_the_own_page_a_copy() -> None:
    # The marker is the credit line as a line of its own; a sentence that quotes it is not.
    url, _credit = CREDITS["propublica"]
    prose = '<p>Partners print "This story was originally published by ProPublica." under each story they take.</p>'
    report = _check(PAGE.format(head=f'<meta property="og:url" content="{url}">', credit=prose))
    assert "propublica" not in report.packs
    assert "own-page" in [n.code for n in report.notices]


def test_dcnfs_own_pages_carry_its_license_paragraph_and_stay_its_own() -> None:
    # DCNF names no republication marker: its own pages show its license paragraph and logo.
    assert BY_ID["dcnf"].own_site.republication_markers == ()
    html = PAGE.format(
        head='<meta property="og:url" content="https://dailycallernewsfoundation.org/2024/05/01/welds/">',
        credit=(
            "<p><em>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service,"
            " is available without charge.</em></p>"
        ),
    )
    report = _check(html)
    assert "dcnf" not in report.packs and "own-page" in [n.code for n in report.notices]


def test_a_saved_partner_copy_with_the_originals_og_url_is_no_story_page_in_the_audit() -> None:
    url, credit = CREDITS["propublica"]
    copied = PAGE.format(head=f'<meta property="og:url" content="{url}">', credit=f"<p>{credit}</p>").encode()
    _, text = read_page(Page("saved/copy.html", "saved:saved", copied), pack=BY_ID["propublica"])
    assert (text.own, text.identity) == (False, frozenset())
    own = PAGE.format(head=f'<meta property="og:url" content="{url}">', credit="").encode()
    _, text = read_page(Page("saved/own.html", "saved:saved", own), pack=BY_ID["propublica"])
    assert text.own and text.identity == frozenset([url])


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
