"""A publisher's own story page with no og tags: its canonical URL on the publisher's site and its
`<title>` naming the site after the headline ("Headline - Georgia Recorder", as the site's own theme
writes it) make it an original, so no pack applies and the `own-page` notice says why. A States
Newsroom outlet's site is the pack's own, known by the outlet's name as by its address. A partner's
copy still gets the pack: its theme titles the page with the partner's name, or the page's canonical
link is its own, or the canonical link it carries (republish HTML) is all it says."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.api import check_html
from compliance.audit.run import read_page
from compliance.audit.sources import Page
from compliance.loading import load_packs

PACKS = load_packs()
HEADLINE = "Lawmakers weigh ambulance bill"
STORY = (
    "<p>When Harold Pelletier's wife collapsed in their kitchen last spring, the ambulance came from a service 40 minutes away.</p>"
    "<p>The bill would limit patients' costs to their normal in-network copay.</p>"
    "<p>The committee is scheduled to hold a work session on the bill next week.</p>"
)


def _page(*, title: str, head: str, byline: str, end: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>'
        f'<main><article><h1>{HEADLINE}</h1><p class="byline">{byline}</p>{STORY}{end}</article></main></body></html>'
    )


def _canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


def _codes(report: Any) -> list[str]:
    return [n.code for n in report.notices]


def _errors(report: Any) -> set[str]:
    return {f.rule for f in report.findings if f.severity.name == "ERROR"}


# (pack, the site's name as its title gives it, a story's address on it, the byline it prints)
OWN_PAGES = [
    ("states-newsroom", "Georgia Recorder", "https://georgiarecorder.com/2024/06/06/ambulance/", "By Stanley Dunlap, Georgia Recorder"),
    ("states-newsroom", "Source NM", "https://sourcenm.com/2024/06/06/ambulance/", "By Danielle Prokop, Source NM"),
    ("states-newsroom", "Maine Morning Star", "https://mainemorningstar.com/2024/06/06/ambulance/", "By Emma Davis"),
    ("states-newsroom", "Stateline", "https://stateline.org/2024/06/06/ambulance/", "By Tim Henderson, Stateline"),
    ("texas-tribune", "The Texas Tribune", "https://www.texastribune.org/2024/06/06/ambulance/", "By Jane Roe, The Texas Tribune"),
]


@pytest.mark.parametrize(("pack", "site", "url", "byline"), OWN_PAGES)
@pytest.mark.parametrize("separator", [" - ", " | ", " – "])
def test_an_own_page_with_only_its_canonical_link_and_title_is_an_original(pack: str, site: str, url: str, byline: str, separator: str) -> None:
    report = check_html(_page(title=f"{HEADLINE}{separator}{site}", head=_canonical(url), byline=byline))
    assert report.packs == ()
    assert _codes(report) == ["own-page"]
    host = url.split("/")[2]
    assert f"by canonical URL on {host} and the title's site name '{site}'; the {pack} pack does not apply" in report.notices[0].message


@pytest.mark.parametrize(("pack", "site", "url", "byline"), OWN_PAGES)
def test_an_own_page_with_its_og_url_and_no_site_name_is_an_original(pack: str, site: str, url: str, byline: str) -> None:
    head = _canonical(url) + f'<meta property="og:url" content="{url}">'
    report = check_html(_page(title=f"{HEADLINE} - {site}", head=head, byline=byline))
    assert (report.packs, _codes(report)) == ((), ["own-page"])


def test_an_outlets_page_with_its_site_name_is_an_original_with_the_notice() -> None:
    url = "https://georgiarecorder.com/2024/06/06/ambulance/"
    head = _canonical(url) + '<meta property="og:site_name" content="Georgia Recorder">'
    report = check_html(_page(title=HEADLINE, head=head, byline="By Stanley Dunlap, Georgia Recorder"))
    assert (report.packs, _codes(report)) == ((), ["own-page"])
    assert "og:site_name 'Georgia Recorder'" in report.notices[0].message


# A partner's copy of the outlet's story: "By Stanley Dunlap, Georgia Recorder" and no credit line.
COPY_BYLINE = "By Stanley Dunlap, Georgia Recorder"
ORIGINAL = "https://georgiarecorder.com/2024/06/06/ambulance/"


@pytest.mark.parametrize(
    ("title", "head"),
    [
        # The partner's own canonical link and its own name in the title.
        (f"{HEADLINE} - Harbor County Chronicle", _canonical("https://harborchronicle.example/2024/06/07/ambulance/")),
        (HEADLINE, _canonical("https://harborchronicle.example/2024/06/07/ambulance/")),
        # The original's canonical link (republish HTML) under the partner's title.
        (f"{HEADLINE} - Harbor County Chronicle", _canonical(ORIGINAL)),
        (f"{HEADLINE} | News | Harbor County Chronicle", _canonical(ORIGINAL)),
        # The canonical link alone: a title that is the headline says nothing of the site.
        (HEADLINE, _canonical(ORIGINAL)),
        # The outlet's name is not after the headline: no theme's site name.
        (f"Georgia Recorder: {HEADLINE}", _canonical(ORIGINAL)),
        # A look-alike host.
        (f"{HEADLINE} - Georgia Recorder", _canonical("https://georgiarecorder.com.example.net/2024/06/06/ambulance/")),
    ],
)
def test_a_partners_copy_still_gets_the_pack(title: str, head: str) -> None:
    report = check_html(_page(title=title, head=head, byline=COPY_BYLINE))
    assert report.packs == ("states-newsroom",)
    assert "own-page" not in _codes(report)
    assert _errors(report) == {"states-newsroom/credit", "states-newsroom/link"}


def test_a_copy_that_kept_the_originals_title_and_canonical_but_shows_the_credit_is_checked() -> None:
    # Markup copied whole from the original: its credit line says it is a copy, and a correct one passes.
    credit = f'<p>This story first appeared in the <a href="{ORIGINAL}">Georgia Recorder</a>.</p>'
    report = check_html(_page(title=f"{HEADLINE} - Georgia Recorder", head=_canonical(ORIGINAL), byline=COPY_BYLINE, end=credit))
    assert report.packs == ("states-newsroom",)
    assert "own-page" not in _codes(report)
    assert _errors(report) == set()


def test_propublicas_republish_html_under_a_partners_title_is_still_a_copy() -> None:
    # ProPublica's republish HTML puts the original's canonical link on the copy: the title decides.
    url = "https://www.propublica.org/article/ambulance"
    copy = check_html(_page(title=f"{HEADLINE} – Valley Ledger", head=_canonical(url), byline="By Rosa Ibarra, ProPublica"))
    assert copy.packs == ("propublica",)
    own = check_html(_page(title=f"{HEADLINE} — ProPublica", head=_canonical(url), byline="By Rosa Ibarra, ProPublica"))
    assert (own.packs, _codes(own)) == ((), ["own-page"])


def test_every_states_newsroom_outlet_names_its_own_site() -> None:
    # An outlet's site is the pack's own by its name as by its address: the two lists agree.
    pack = next(p for p in PACKS if p.id == "states-newsroom")
    assert pack.own_site.names == pack.outlets


@pytest.mark.parametrize("end", ["", '<p>This story first appeared in <a href="https://stateline.org/2024/06/04/ambulance/">Stateline</a>.</p>'])
def test_an_outlets_page_running_a_stateline_story_is_still_checked(end: str) -> None:
    # Stateline's byline on an outlet's own page: a copy of Stateline's story, as before (whether an
    # outlet owes Stateline the credit the terms do not say); with the credit line it passes.
    url = "https://georgiarecorder.com/2024/06/05/ambulance/"
    head = _canonical(url) + '<meta property="og:site_name" content="Georgia Recorder">'
    report = check_html(_page(title=f"{HEADLINE} - Georgia Recorder", head=head, byline="By Tim Henderson, Stateline", end=end))
    assert report.packs == ("states-newsroom",)
    assert "own-page" not in _codes(report)
    assert _errors(report) == (set() if end else {"states-newsroom/credit", "states-newsroom/link"})


def test_a_copy_with_stateline_s_canonical_link_is_still_a_copy() -> None:
    # Republish HTML keeps Stateline's canonical link: the page is a copy by that link (the canonical marker).
    head = _canonical("https://stateline.org/2024/06/05/ambulance/")
    report = check_html(_page(title=f"{HEADLINE} - Harbor County Chronicle", head=head, byline="By Tim Henderson, Stateline"))
    assert report.packs == ("states-newsroom",)
    assert "states-newsroom/credit" in _errors(report)


@pytest.mark.parametrize(("title", "own"), [(f"{HEADLINE} - Georgia Recorder", True), (f"{HEADLINE} - Harbor County Chronicle", False), (HEADLINE, False)])
def test_a_saved_page_is_the_outlets_own_by_its_canonical_link_and_title_in_the_audit(title: str, own: bool) -> None:
    pack = next(p for p in PACKS if p.id == "states-newsroom")
    page = _page(title=title, head=_canonical(ORIGINAL), byline="By Stanley Dunlap").encode()
    _, text = read_page(Page("saved/story.html", "saved:saved", page), pack=pack)
    assert text.own is own
