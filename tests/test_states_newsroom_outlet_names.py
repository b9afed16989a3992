"""States Newsroom outlets as copies of their stories show them: by the short name an outlet's own
site goes by ("Source NM", "SC Daily Gazette"), in the Republication Tracker footer that links the
outlet's name to the story, in a WordPress feed's footer ("The post TITLE appeared first on
Georgia Recorder."), and in a byline crediting the reporter to the outlet ("by Skylar Laird,
Georgia Recorder"). Correct copies pass; copies that lack the credit or the link back still fail."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.loading import load_packs

STORY = (
    "<p>COLUMBIA — Students would have to put their phones away during class under a bill the state House "
    '<a href="https://www.scstatehouse.gov/sess125_2023-2024/bills/4625.htm">approved Wednesday</a>.</p>'
    "<p>The proposal, which passed 104-3, now goes to the Senate.</p>"
    "<p>“Teachers tell us phones are the biggest distraction they face,” said Rep. Bill Taylor, the bill’s sponsor.</p>"
)


def _page(byline: str, credit: str, site_name: str = "Lowcountry Ledger") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Phones in class</title>'
        f'<meta property="og:site_name" content="{site_name}"></head><body><main><article>'
        "<h1>Lawmakers approve new limits on school cellphone use</h1>"
        f'<p class="byline">{byline} <br>April 10, 2024</p>{STORY}{credit}</article></main></body></html>'
    )


def _rtt_footer(site: str, name: str, *, article_link: str | None, name_link: str) -> str:
    article = f'<a href="{article_link}">article</a>' if article_link else "article"
    return (
        f'<p>This {article} first appeared on <a href="{name_link}">{name}</a> and is republished here under a Creative Commons license.'
        f'<img id="republication-tracker-tool-source" src="https://{site}/?republication-pixel=true&amp;post=12345" style="width:1px;height:1px;"></p>'
    )


def _errors(html: str, **kwargs: Any) -> set[str]:
    return {f.rule for f in check_html(html, **kwargs).findings if f.severity.name == "ERROR"}


SHORT_NAMES = [("Source NM", "sourcenm.com"), ("SC Daily Gazette", "scdailygazette.com")]


@pytest.mark.parametrize(("name", "site"), SHORT_NAMES)
@pytest.mark.parametrize("packs", [None, ["states-newsroom"]])
def test_an_outlets_own_short_name_credits_it(name: str, site: str, packs: list[str] | None) -> None:
    story = f"https://{site}/2024/04/10/cellphones/"
    for credit in (
        # The outlet's Republish HTML with its name linked to the story.
        _rtt_footer(site, name, article_link=None, name_link=story),
        f'<p><em>This story first appeared in <a href="{story}">{name}</a>.</em></p>',
    ):
        report = check_html(_page(f"by Skylar Laird, {name}", credit), packs=packs)
        assert report.packs == ("states-newsroom",)
        assert [f.rule for f in report.findings] == []


@pytest.mark.parametrize(("name", "site"), SHORT_NAMES)
def test_a_short_name_linked_to_another_outlets_site_is_no_link_back(name: str, site: str) -> None:
    # The pack named: "Source NM" alone, its words on most news pages, is no detection marker
    # (only linked to one of its own stories), and this copy links another outlet's.
    credit = f'<p>This story first appeared in <a href="https://azmirror.com/2024/04/10/cellphones/">{name}</a>.</p>'
    assert _errors(_page("by Skylar Laird", credit), packs=["states-newsroom"]) == {"states-newsroom/link"}


def test_source_nm_s_short_name_is_looked_for_only_with_its_sites_address() -> None:
    from compliance import prefilter
    from compliance.loading import load_packs

    # A page with "source" in its text and no outlet's name: no States Newsroom marker to evaluate.
    page = "<html><body><article><h1>Budget vote</h1><p>A source said the vote would pass, and sources agreed.</p></article></body></html>"
    candidates = prefilter.Prefilter(load_packs()).scan(page, "html")
    assert not any(pack == "states-newsroom" for pack, _ in candidates.markers)
    # Linked to one of its stories, the short name makes the page a copy.
    story = "https://sourcenm.com/2024/04/10/cellphones/"
    report = check_html(_page("by Skylar Laird, Source NM", f'<p>This story first appeared in <a href="{story}">Source NM</a>.</p>'))
    assert report.packs == ("states-newsroom",)


def test_every_outlet_is_named_alike_in_the_outlets_list_its_pattern_and_its_sites() -> None:
    (pack,) = [p for p in load_packs() if p.id == "states-newsroom"]
    link = next(r for r in pack.rules if r.id == "states-newsroom/link")
    named = list(link.check.params.named_sites)
    outlets = re.compile(dict(pack.defines)["outlets"].strip())
    names = [key for key, _ in named]
    # Every name a credit link may show is a name bylines show (never a reporter's) and one the
    # credit line's pattern reads.
    listed = {o.lower() for o in pack.outlets}
    for name in ("Source NM", "SC Daily Gazette", "Source New Mexico", "South Carolina Daily Gazette"):
        assert name.lower() in listed
        assert outlets.fullmatch(name)
    assert len(names) + 2 == len(pack.outlets)
    assert all(outlets.fullmatch(o) for o in pack.outlets)


def test_fix_writes_the_short_name_it_is_given_and_the_copy_then_passes(cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_text(_page("by Skylar Laird, Source NM", "<p>Contact the reporter at slaird@example.com.</p>"), encoding="utf-8")
    story = "https://sourcenm.com/2024/04/10/cellphones/"
    run = cli("fix", "--write", "--pack", "states-newsroom", "--meta", "outlet=Source NM", "--meta", f"original_url={story}", str(copy))
    assert "fixed states-newsroom/credit: inserted" in run.err, run.err
    assert '<p>This story first appeared in <a href="https://sourcenm.com/2024/04/10/cellphones/">Source NM</a>.</p>' in copy.read_text(encoding="utf-8")
    (entry,) = cli("check", "--format", "json", str(copy)).json()["files"]
    assert entry["findings"] == []


# The Republication Tracker footer: the link back is a link to the story anywhere in it.

FWR = "fortworthreport.org"
FWR_STORY = f"https://{FWR}/2024/02/21/ambulance-bills/"


def _fwr(footer: str) -> str:
    return _page("by Ana Ruiz, Fort Worth Report", footer).replace("Lowcountry Ledger", "Valley Courier")


@pytest.mark.parametrize(
    ("footer", "fails"),
    [
        # As the plugin prints it.
        (_rtt_footer(FWR, "Fort Worth Report", article_link=FWR_STORY, name_link=f"https://{FWR}"), False),
        # The site's name linked to the story, "article" not linked.
        (_rtt_footer(FWR, "Fort Worth Report", article_link=None, name_link=FWR_STORY), False),
        # Only the site's home page linked: the link to the article was removed.
        (_rtt_footer(FWR, "Fort Worth Report", article_link=None, name_link=f"https://{FWR}/"), True),
        (_rtt_footer(FWR, "Fort Worth Report", article_link=None, name_link=f"https://{FWR}"), True),
    ],
)
def test_the_trackers_footer_links_back_by_any_link_to_the_story_in_it(footer: str, fails: bool) -> None:
    report = check_html(_fwr(footer))
    assert report.packs == ("republication-tracker",)
    assert ("creative-commons/source-link" in {f.rule for f in report.findings}) == fails


def test_a_story_link_outside_the_footer_is_not_the_footers_link() -> None:
    page = _fwr(
        f'<p>Read <a href="{FWR_STORY}">the first part</a> of the series.</p>'
        + _rtt_footer(FWR, "Fort Worth Report", article_link=None, name_link=f"https://{FWR}")
    )
    (finding,) = [f for f in check_html(page).findings if f.rule == "creative-commons/source-link"]
    assert "the attribution paragraph must be in the same block as the link to a story's page" in finding.detail


def test_the_footers_link_must_go_to_the_original_when_its_address_is_known() -> None:
    page = _fwr(_rtt_footer(FWR, "Fort Worth Report", article_link=None, name_link=FWR_STORY))
    assert "creative-commons/source-link" not in _errors(page, meta={"original_url": FWR_STORY})
    assert "creative-commons/source-link" in _errors(page, meta={"original_url": f"https://{FWR}/2024/03/01/other-story/"})


def test_a_states_newsroom_footer_linking_the_outlets_name_passes_the_tracker_pack_asked_for() -> None:
    site, story = "mainemorningstar.com", "https://mainemorningstar.com/2024/04/10/cellphones/"
    page = _page("by Skylar Laird, Maine Morning Star", _rtt_footer(site, "Maine Morning Star", article_link=None, name_link=story))
    assert check_html(page, packs=["republication-tracker"]).findings == ()


def test_a_footer_naming_an_outlet_by_its_host_leaves_the_copy_to_its_own_pack() -> None:
    story = "https://sourcenm.com/2024/04/10/cellphones/"
    footer = _rtt_footer("sourcenm.com", "sourcenm.com", article_link=story, name_link="https://sourcenm.com")
    report = check_html(_page("by Skylar Laird", footer))
    assert report.packs == ("states-newsroom",)
    # The credit names the outlet by its address: the credit rule asks for its name.
    assert {f.rule for f in report.findings} == {"states-newsroom/credit"}


# A WordPress (Yoast SEO) feed's footer names where the story appeared first and links it.

YOAST = (
    '<p>The post <a href="https://georgiarecorder.com/2024/04/10/cellphones/">Lawmakers approve new limits on school cellphone use</a>'
    ' appeared first on <a href="https://georgiarecorder.com">Georgia Recorder</a>.</p>'
)


@pytest.mark.parametrize("packs", [None, ["states-newsroom"]])
def test_a_feeds_appeared_first_on_footer_is_the_credit(packs: list[str] | None) -> None:
    report = check_html(_page("by Skylar Laird, Georgia Recorder", YOAST), packs=packs)
    assert report.packs == ("states-newsroom",)
    assert report.findings == ()


def test_a_feeds_footer_credits_the_texas_tribune_too() -> None:
    # The common pack's credit in other words: the Tribune accepts any credit line naming it.
    footer = (
        '<p>The post <a href="https://www.texastribune.org/2024/04/10/texas-school-cellphones/">Texas schools weigh phone bans</a>'
        ' appeared first on <a href="https://www.texastribune.org">The Texas Tribune</a>.</p>'
    )
    assert "texas-tribune/credit" not in _errors(_page("By Skylar Laird", footer), packs=["texas-tribune"])
    assert "texas-tribune/credit" in _errors(_page("By Skylar Laird", "<p>Read more at The Texas Tribune.</p>"), packs=["texas-tribune"])


@pytest.mark.parametrize(
    "prose",
    [
        # Another site, or prose that goes on after the outlet's name: no credit.
        '<p>The post <a href="https://example.org/p">Phones in class</a> appeared first on <a href="https://example.org">Valley Notes</a>.</p>',
        "<p>The post about the bill appeared first on Georgia Recorder’s site before lawmakers met to debate the measure in committee.</p>",
    ],
)
def test_a_post_appearing_elsewhere_or_in_prose_is_no_credit(prose: str) -> None:
    assert check_html(_page("By Skylar Laird", prose)).packs == ()


# A byline crediting the reporter to an outlet marks a copy of the outlet's story.


@pytest.mark.parametrize("byline", ["by Skylar Laird, Georgia Recorder", "By Skylar Laird | Kansas Reflector", "by Skylar Laird, SC Daily Gazette"])
def test_an_outlets_byline_without_its_credit_applies_the_pack_and_fails(byline: str) -> None:
    report = check_html(_page(byline, "<p>Contact the reporter at slaird@example.com.</p>"))
    assert report.packs == ("states-newsroom",)
    assert _errors(_page(byline, "<p>Contact the reporter at slaird@example.com.</p>")) == {"states-newsroom/credit", "states-newsroom/link"}


@pytest.mark.parametrize(
    ("byline", "site_name"),
    [
        # The outlet's own page: an original.
        ("by Skylar Laird, Georgia Recorder", "Georgia Recorder"),
        # A reporter alone, the outlet named in the story only.
        ("By Skylar Laird", "Lowcountry Ledger"),
    ],
)
def test_no_pack_for_an_outlets_own_page_or_a_byline_without_the_outlet(byline: str, site_name: str) -> None:
    credit = "<p>The Georgia Recorder reported the vote first.</p>"
    assert check_html(_page(byline, credit, site_name=site_name)).packs == ()
