"""Link-back verdicts that take the credit's link, not any link to the publisher's domain
(publisher-terms §2.5, §2.8):

- The Texas Tribune asks for "the links from the story, and a link to texastribune.org", States
  Newsroom for "a link back to our website": a link in the story's text citing another of their
  stories is one of the story's links, not the link back (`back-words`). Their home page is their
  website: a credit linking it links back.
- A States Newsroom credit names one outlet (or the outlets of a co-published story): a link to
  another outlet's site, in whatever paragraph, is no link back (`credit-line` of `named-sites`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs
from tests.conftest import write

PACKS = {p.id: p for p in load_packs()}

BODY = "<p>Lawmakers gave final approval Thursday to a bill that caps insulin copays at $35 a month for people on state-regulated plans.</p>"
LONG_TAIL = (
    " The measure drew testimony from doctors, patients and insurers over several hearings, and its sponsors said the"
    " savings would reach families in every county by the start of next year, when the first plans renew."
)


def _page(*blocks: str) -> str:
    return "<article><h1>Lawmakers cap insulin copays</h1>" + "".join(blocks) + "</article>"


def _verdict(html: str, pack: str, rule: str, meta: dict[str, str] | None = None) -> tuple[bool, str]:
    """(passed, evidence when it passed, else message and detail) of one rule on the page."""
    result = check_document(parse_document(html.encode(), "html"), [PACKS[pack]], path="copy.html", auto_detect=False, meta=meta or {})
    for finding in result.findings:
        if finding.rule == rule:
            return False, f"{finding.message} {finding.detail or ''}"
    (passed,) = [p for p in result.passed if p.rule == rule]
    return True, passed.evidence


# ---------------------------------------------------------------------------------------------
# The Texas Tribune: "a link to texastribune.org" beside the story's own links.

TT = "texas-tribune/link"
TT_STORY = "https://www.texastribune.org/2024/06/12/insulin-caps/"
TT_OTHER = "https://www.texastribune.org/2023/02/01/water-plan-stalls/"
TT_BYLINE = "<p>By Ana Ruiz, The Texas Tribune</p>"
TT_CREDIT = "<p>This article originally appeared in The Texas Tribune.</p>"

TT_CITATIONS = [
    f'<p>The plan, <a href="{TT_OTHER}">we reported last year</a>, stalled in committee.</p>',
    f'<p>Lawmakers tried before. <a href="{TT_OTHER}">An earlier bill</a> died in the Senate.{LONG_TAIL}</p>',
    '<ul><li>Read <a href="http://texastribune.org/2023/02/01/water-plan-stalls/">a related story</a>.</li></ul>',
]


@pytest.mark.parametrize("citation", TT_CITATIONS)
def test_a_tribune_link_citing_another_story_is_not_the_link_to_texastribune_org(citation: str) -> None:
    passed, text = _verdict(_page(TT_BYLINE, BODY, citation, TT_CREDIT), "texas-tribune", TT)
    assert not passed
    assert text.startswith("The story does not link back to texastribune.org. no visible link to texastribune.org in the article")
    assert "cites another story by its words" in text and "link the credit line, or the publisher's name" in text


@pytest.mark.parametrize(
    ("link_back", "evidence"),
    [
        # The terms ask for a link to texastribune.org: the home page, on the credit line, is one.
        ('<p>This article originally appeared in <a href="https://www.texastribune.org/">The Texas Tribune</a>.</p>', "The Texas Tribune</a>"),
        (f'<p>This article <a href="{TT_STORY}">originally appeared</a> in The Texas Tribune.</p>', "originally appeared</a>"),
        ('<p>By Ana Ruiz, <a href="https://www.texastribune.org/">The Texas Tribune</a></p>', "The Texas Tribune</a>"),
        (
            "<p>The Texas Tribune is a member-supported, nonpartisan newsroom informing and engaging Texans on state politics and"
            ' policy. Learn more at <a href="https://www.texastribune.org/">texastribune.org</a>.</p>',
            "texastribune.org</a>",
        ),
        # The reporter's tagline, the name linked to the reporter's page: the sentence credits the Tribune.
        ('<p><a href="https://www.texastribune.org/about/staff/ana-ruiz/">Ana Ruiz</a> is a reporter for The Texas Tribune.</p>', "Ana Ruiz</a>"),
    ],
)
def test_the_credits_link_to_texastribune_org_passes_beside_a_citation(link_back: str, evidence: str) -> None:
    passed, shown = _verdict(_page(TT_BYLINE, BODY, TT_CITATIONS[0], link_back), "texas-tribune", TT)
    assert passed
    # The evidence is the credit's link, not the citation.
    assert evidence in shown and "we reported last year" not in shown


def test_with_the_original_known_a_link_to_it_in_the_text_links_back() -> None:
    page = _page(TT_BYLINE, BODY, f'<p>Read <a href="{TT_STORY}">the full text of the bill</a> as passed.</p>', TT_CREDIT)
    assert _verdict(page, "texas-tribune", TT, {"original_url": TT_STORY})[0]
    # Without the original's address, or with another story's, its words cite another story.
    assert not _verdict(page, "texas-tribune", TT)[0]
    assert not _verdict(page, "texas-tribune", TT, {"original_url": TT_OTHER})[0]


def test_the_original_given_names_the_story_its_canonical_link_gives(cli: Any, tmp_path: Path) -> None:
    original = write(
        tmp_path,
        "original.html",
        f'<html><head><link rel="canonical" href="{TT_STORY}"></head><body><article><h1>Lawmakers cap insulin copays</h1>'
        f"{TT_BYLINE}{BODY}</article></body></html>",
    )
    copy = write(tmp_path, "copy.html", _page(TT_BYLINE, BODY, f'<p>Read <a href="{TT_STORY}">the full text of the bill</a>.</p>', TT_CREDIT))
    (entry,) = cli("check", "--format", "json", "--pack", "texas-tribune", "--original", str(original), str(copy)).json()["files"]
    assert TT in {p["rule"] for p in entry["passed"]}
    cited = write(tmp_path, "cited.html", _page(TT_BYLINE, BODY, TT_CITATIONS[0], TT_CREDIT))
    (entry,) = cli("check", "--format", "json", "--pack", "texas-tribune", "--original", str(original), str(cited)).json()["files"]
    (finding,) = [f for f in entry["findings"] if f["rule"] == TT]
    assert "cites another story by its words" in finding["detail"]


# ---------------------------------------------------------------------------------------------
# States Newsroom: "a link back to our website", to the outlet the credit names.

SN = "states-newsroom/link"
GR_STORY = "https://georgiarecorder.com/2024/06/12/insulin-caps/"


@pytest.mark.parametrize(
    ("citation", "credit"),
    [
        (f'<p>The bill follows <a href="{GR_STORY.replace("2024/06/12", "2023/03/01")}">a similar law</a> passed last year.</p>', "Georgia Recorder"),
        (f'<p>Other states <a href="https://kansasreflector.com/2023/05/02/caps/">tried this first</a>.{LONG_TAIL}</p>', "Kansas Reflector"),
    ],
)
def test_a_network_story_cited_in_the_text_is_no_link_back(citation: str, credit: str) -> None:
    page = _page("<p>By Stanley Dunlap</p>", BODY, citation, f"<p>This story first appeared in the {credit}.</p>")
    passed, text = _verdict(page, "states-newsroom", SN)
    assert not passed
    assert "cites another story by its words" in text and "point it at" not in text


@pytest.mark.parametrize(
    "credit",
    [
        '<p>This story first appeared in the <a href="https://georgiarecorder.com/">Georgia Recorder</a>.</p>',
        f'<p>This story <a href="{GR_STORY}">first appeared</a> in the Georgia Recorder.</p>',
        f'<p>This article first appeared on <a href="{GR_STORY}">Georgia Recorder</a> and is republished here under a Creative Commons license.</p>',
    ],
)
def test_the_credits_link_to_the_outlets_site_links_back(credit: str) -> None:
    page = _page("<p>By Stanley Dunlap</p>", BODY, '<p>The bill follows <a href="https://georgiarecorder.com/2023/03/01/x/">a similar law</a>.</p>', credit)
    passed, evidence = _verdict(page, "states-newsroom", SN)
    assert passed and "a similar law" not in evidence


# The credit names one outlet; a link elsewhere on the page to another outlet's site.
GR_CREDIT = "This story was originally published by Georgia Recorder."
FP_STORY = "https://floridaphoenix.com/2024/06/12/insulin/"
TIED = [
    (GR_CREDIT, FP_STORY, "Florida Phoenix", "georgiarecorder.com"),
    (GR_CREDIT, FP_STORY, "Read the original story", "georgiarecorder.com"),
    ("THIS STORY FIRST APPEARED IN THE KANSAS REFLECTOR.", "https://www.nevadacurrent.com/", "Nevada Current", "kansasreflector.com"),
    ("Publicado originalmente por Arizona Mirror.", "https://sourcenm.com/2024/06/12/insulina/", "Source NM", "azmirror.com"),
]


@pytest.mark.parametrize(("credit", "href", "words", "wanted"), TIED)
def test_a_link_to_another_outlet_than_the_credit_names_is_no_link_back(credit: str, href: str, words: str, wanted: str) -> None:
    page = _page(
        "<p>By Stanley Dunlap</p>",
        BODY,
        f"<p><em>{credit}</em></p>",
        "<p>States Newsroom is a nonprofit news network supported by grants and a coalition of donors.</p>",
        f'<p><a href="{href}">{words}</a></p>',
    )
    passed, text = _verdict(page, "states-newsroom", SN)
    assert not passed
    host = href.split("/")[2]
    assert f"{words}</a>) goes to {host}, not to the site the copy's credit line names, {wanted}: point it at {wanted}" in text


@pytest.mark.parametrize(
    ("credit", "href", "words"),
    [
        # The outlet the credit names, in another paragraph.
        ("This story was originally published by Georgia Recorder.", GR_STORY, "Read the original story"),
        # A co-published story: the credit names both outlets.
        ("This story first appeared in the Missouri Independent and the Kansas Reflector.", "https://kansasreflector.com/2024/06/12/x/", "Kansas Reflector"),
        # The network's own sites, whatever outlet the credit names.
        ("This story was originally published by Georgia Recorder.", "https://stateline.org/2024/06/12/insulin/", "Stateline"),
        # A credit naming no outlet of `named-sites` ties nothing.
        ("This story first appeared in Stateline.", "https://floridaphoenix.com/2024/06/12/insulin/", "Florida Phoenix"),
    ],
)
def test_a_link_to_the_outlet_the_credit_names_or_the_network_passes(credit: str, href: str, words: str) -> None:
    page = _page("<p>By Stanley Dunlap</p>", BODY, f"<p>{credit}</p>", f'<p><a href="{href}">{words}</a></p>')
    assert _verdict(page, "states-newsroom", SN)[0]


def test_a_byline_naming_another_outlet_does_not_override_the_credit_line() -> None:
    # The reporter's outlet in the byline, the story credited to (and linked on) the outlet that ran it.
    page = _page("<p>By Stanley Dunlap, Georgia Recorder</p>", BODY, f'<p>This story first appeared in <a href="{FP_STORY}">Florida Phoenix</a>.</p>')
    assert _verdict(page, "states-newsroom", SN)[0]
    failing = _page("<p>By Stanley Dunlap, Georgia Recorder</p>", BODY, "<p>This story first appeared in Florida Phoenix.</p>")
    passed, text = _verdict(failing, "states-newsroom", SN)
    assert not passed and "the copy credits Florida Phoenix" in text
