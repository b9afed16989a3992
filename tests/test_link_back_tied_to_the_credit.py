"""Link-back verdicts that take the credit's link, not any link to the publisher's domain
(publisher-terms §2.5, §2.8, §3.1):

- The Texas Tribune asks for "the links from the story, and a link to texastribune.org", States
  Newsroom for "a link back to our website": a link in the story's text citing another of their
  stories is one of the story's links, not the link back (`back-words`). Their home page is their
  website: a credit linking it links back.
- A States Newsroom credit names one outlet (or the outlets of a co-published story): a link to
  another outlet's site, in whatever paragraph, is no link back (`credit-line` of `named-sites`).
- The Republication Tracker's attribution may hold more than one story link, and its pixel is
  served from the site's WordPress address, which may be a subdomain of the stories' (or the
  reverse): every story link is weighed, and a host and its subdomains are one site; an unrelated
  or sibling host is not (`near` finds every pair; `same-id`'s `subdomains`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs
from compliance.packs import load_pack
from tests.conftest import write
from tests.test_check_kinds import pack_around

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


# ---------------------------------------------------------------------------------------------
# The Republication Tracker: every story link of the attribution, and the pixel's site.

RTT = "creative-commons/source-link"
STORY_PATH = "/2024/03/04/east-side-grocery/"


def _rtt_page(article: str | None, home: str | None, pixel_site: str, site_name: str = "Fort Worth Report") -> str:
    word = f'<a href="{article}">article</a>' if article else "article"
    name = f'<a href="{home}">{site_name}</a>' if home else site_name
    return (
        "<!DOCTYPE html><html><head><title>East side grocery</title></head><body><article>"
        f'<h1>East side grocery</h1><p class="byline">by Tomasa Ruelas, {site_name}</p>'
        "<p>The sign on the fence still shows a family pushing a shopping cart under the words Coming Soon.</p>"
        f"<p>This {word} first appeared on {name} and is republished here under a Creative Commons license."
        f'<img id="republication-tracker-tool-source" src="https://{pixel_site}/?republication-pixel=true&amp;post=187342" style="width:1px;height:1px;"></p>'
        "</article></body></html>"
    )


def _rtt_detail(html: str) -> str | None:
    report = check_html(html, packs=["republication-tracker"])
    assert RTT in {p.rule for p in report.passed} | {f.rule for f in report.findings}
    return next((f.detail for f in report.findings if f.rule == RTT), None)


@pytest.mark.parametrize(
    "html",
    [
        # "article" linked to the republisher's copy, the site's name to the story: the second links back.
        _rtt_page("https://localnews.example/2024/03/04/grocery/", "https://fortworthreport.org" + STORY_PATH, "fortworthreport.org"),
        _rtt_page("https://www.google.com/search?q=grocery", "https://www.thecity.nyc" + STORY_PATH, "www.thecity.nyc", "THE CITY"),
        # WordPress on a subdomain of the stories' site, or the stories on a subdomain of WordPress's.
        _rtt_page("https://fortworthreport.org" + STORY_PATH, "https://fortworthreport.org", "cms.fortworthreport.org"),
        _rtt_page("https://www.berkeleyside.org" + STORY_PATH, "https://www.berkeleyside.org", "wp.berkeleyside.org", "Cityside"),
        _rtt_page("https://news.mississippitoday.org" + STORY_PATH, "https://news.mississippitoday.org", "mississippitoday.org", "Mississippi Today"),
        # WordPress in a directory of the site.
        _rtt_page("https://fortworthreport.org" + STORY_PATH, "https://fortworthreport.org", "fortworthreport.org/wp"),
    ],
)
def test_a_story_link_of_the_attribution_on_the_pixels_site_links_back(html: str) -> None:
    assert _rtt_detail(html) is None


@pytest.mark.parametrize(
    ("html", "carried"),
    [
        # A host that only begins like the site's.
        (
            _rtt_page("https://fortworthreport.org.copies.example" + STORY_PATH, "https://fortworthreport.org", "fortworthreport.org"),
            "fortworthreport.org.copies.example",
        ),
        # Both story links elsewhere than the pixel's site.
        (_rtt_page("https://localnews.example/grocery/", "https://localnews.example/2024/grocery/", "fortworthreport.org"), "localnews.example"),
    ],
)
def test_no_story_link_on_the_pixels_site_is_no_link_back(html: str, carried: str) -> None:
    detail = _rtt_detail(html)
    assert detail is not None
    assert f"carries id {carried}" in detail


def _rtt_rules(html: str) -> dict[str, bool]:
    report = check_html(html, packs=["republication-tracker"])
    return {**{p.rule: True for p in report.passed}, **{f.rule: False for f in report.findings}}


@pytest.mark.parametrize(
    ("pixel_host", "pixel_ok"),
    [
        # A pixel of an unrelated domain, or of a host that only begins like the site's, counts
        # nothing for the site the attribution links: the pixel is wrong, not the link back.
        ("tracker.example", False),
        ("fortworthreport.org.copies.example", False),
        # The site's own subdomain (WordPress's address) is the site.
        ("cms.fortworthreport.org", True),
        ("fortworthreport.org", True),
    ],
)
def test_a_pixel_of_another_site_is_the_pixels_fault_not_the_link_backs(pixel_host: str, pixel_ok: bool) -> None:
    rules = _rtt_rules(_rtt_page("https://news.fortworthreport.org" + STORY_PATH, "https://fortworthreport.org", pixel_host))
    assert rules[RTT] is True
    assert rules["republication-tracker/pixel-site"] is pixel_ok


# ---------------------------------------------------------------------------------------------
# The check kinds under these rules, on their own.


def _kind(check_yaml: str, html: str) -> bool:
    pack = load_pack(pack_around(check_yaml), "example.yaml")
    return not check_document(parse_document(html.encode(), "html"), [pack], path="page.html", auto_detect=False).findings


HOSTS = """same-id:
  subdomains: {subdomains}
  a: {{link: {{href: '/story/'}}}}
  a-id: '^https?://(?:www\\.)?([^/]+)'
  b: {{element: {{selector: img, attributes: {{src: 'pixel'}}, visible: any}}}}
  b-id: '^https?://(?:www\\.)?([^/]+)'
"""


@pytest.mark.parametrize(
    ("story", "pixel", "with_subdomains"),
    [
        ("example.org", "example.org", True),
        ("www.example.org", "cms.example.org", True),
        ("news.example.org", "EXAMPLE.org", True),
        ("news.example.org", "cms.example.org", False),
        ("example.org.other.example", "example.org", False),
        ("example.org", "other.example", False),
    ],
)
def test_same_id_subdomains_ties_a_host_to_its_subdomains_only(story: str, pixel: str, with_subdomains: bool) -> None:
    html = f'<article><p>Story. <a href="https://{story}/story/1">Read it</a></p><img src="https://{pixel}/pixel.gif" width="1" height="1"></article>'
    assert _kind(HOSTS.format(subdomains="true"), html) is with_subdomains
    # Without the option, only the same host (`www.` aside, as the ids read it) carries the id.
    assert _kind(HOSTS.format(subdomains="false"), html) is (story.removeprefix("www.") == pixel.removeprefix("www.").lower())


def test_near_finds_every_pair_so_same_id_weighs_each_link() -> None:
    check = """same-id:
  a:
    near:
      a: {text: {pattern: 'first appeared'}}
      b: {link: {href: '/story/'}}
      within-blocks: 0
  a-id: '^https?://([^/]+)'
  b: {element: {selector: img, attributes: {src: 'pixel'}, visible: any}}
  b-id: '^https?://([^/]+)'
"""
    pixel = '<img src="https://example.org/pixel.gif" width="1" height="1">'
    second = f'<article><p>This <a href="https://copy.example/story/1">story</a> first appeared on <a href="https://example.org/story/1">Example</a>.</p>{pixel}</article>'
    assert _kind(check, second)
    neither = second.replace("https://example.org/story/1", "https://copy.example/story/2")
    assert not _kind(check, neither)


# ---------------------------------------------------------------------------------------------
# A publisher's or an outlet's subdomains are its site ("a link to texastribune.org": the Tribune's
# data apps are on apps.texastribune.org); a host that only starts with its name is not.


@pytest.mark.parametrize(
    ("href", "passes"),
    [
        ("https://apps.texastribune.org/features/2024/insulin/", True),
        ("https://www.texastribune.org/2024/06/12/insulin-caps/", True),
        ("https://texastribune.org.copies.example/2024/06/12/insulin-caps/", False),
        ("https://nottexastribune.org/2024/06/12/insulin-caps/", False),
    ],
)
def test_a_tribune_credit_linking_a_subdomain_links_back(href: str, passes: bool) -> None:
    credit = f'<p>This article originally appeared in <a href="{href}">The Texas Tribune</a>.</p>'
    assert _verdict(_page(TT_BYLINE, BODY, credit), "texas-tribune", TT)[0] is passes


@pytest.mark.parametrize(
    ("href", "passes"),
    [
        ("https://newsroom.mainemorningstar.com/2024/06/12/insulin-caps/", True),
        ("https://mainemorningstar.com/2024/06/12/insulin-caps/", True),
        ("https://mainemorningstar.com.copies.example/2024/06/12/insulin-caps/", False),
    ],
)
def test_a_states_newsroom_credit_linking_the_outlets_subdomain_links_back(href: str, passes: bool) -> None:
    credit = f'<p>This story was originally published by <a href="{href}">Maine Morning Star</a>.</p>'
    html = _page("<p>By Ana Ruiz, Maine Morning Star</p>", BODY, credit)
    assert _verdict(html, "states-newsroom", "states-newsroom/link")[0] is passes
