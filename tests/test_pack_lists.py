"""Lists that two packs must keep alike, and what they decide together: the States Newsroom
outlets and The 19th, whose Republish button is the Republication Tracker Tool, are governed by
their own terms (rules/states-newsroom.yaml, rules/the-19th.yaml), not by the plugin's generic
pack."""

from __future__ import annotations

import re

import pytest

from compliance.api import check_html
from compliance.loading import load_packs


def _defines(pack_id: str) -> dict[str, str]:
    (pack,) = [p for p in load_packs() if p.id == pack_id]
    return dict(pack.defines)


def test_the_tracker_pack_names_the_states_newsroom_outlets_as_their_pack_does() -> None:
    tracker, newsroom = _defines("republication-tracker"), _defines("states-newsroom")
    assert tracker["states-newsroom-outlets"].strip() == newsroom["outlets"].strip()
    assert tracker["states-newsroom-sites"].strip() == newsroom["outlet-sites"].strip()


def test_the_states_newsroom_outlets_sites_are_its_own_site() -> None:
    # An outlet's story is an original: its address names the pack, and its page is no copy.
    (newsroom,) = [p for p in load_packs() if p.id == "states-newsroom"]
    sites = re.fullmatch(r"\(\?:(.*)\)", _defines("states-newsroom")["outlet-sites"].strip())
    assert sites is not None
    assert [domain.replace("\\.", ".") for domain in sites.group(1).split("|")] == list(newsroom.own_site.domains[2:])


def test_the_tracker_pack_names_the_19th_and_its_site_as_its_pack_does() -> None:
    (the_19th,) = [p for p in load_packs() if p.id == "the-19th"]
    tracker = _defines("republication-tracker")
    assert tracker["the-19th-sites"] == "(?:" + "|".join(domain.replace(".", "\\.") for domain in the_19th.own_site.domains) + ")"
    for name in the_19th.own_site.names:
        assert re.fullmatch(tracker["the-19th-names"], name), name


def _copy(site: str, name: str, pixel: bool) -> str:
    tracker = f'<img id="republication-tracker-tool-source" src="https://{site}/?republication-pixel=true&amp;post=42" style="width:1px;height:1px;">'
    return (
        "<!doctype html><html><head><title>T</title></head><body><article>"
        "<h1>Lawmakers weigh a cap on ambulance bills</h1><p class=byline>By Elsa Thibodeau</p>"
        "<p>Lawmakers are weighing a cap on what ambulance services can bill patients.</p>"
        "<p>The bill drew testimony from dozens of paramedics on Tuesday.</p>"
        f'<p>This <a href="https://{site}/2024/02/21/ambulance-bills/">article</a> first appeared on '
        f'<a href="https://{site}">{name}</a> and is republished here under a Creative Commons license.'
        f"{tracker if pixel else ''}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("site", "name", "pixel", "packs"),
    [
        # A States Newsroom outlet's Republish HTML, with or without the plugin's pixel: its own pack.
        ("mainemorningstar.com", "Maine Morning Star", False, ("states-newsroom",)),
        ("mainemorningstar.com", "Maine Morning Star", True, ("states-newsroom",)),
        ("www.nebraskaexaminer.com", "Nebraska Examiner", True, ("states-newsroom",)),
        # The 19th's Republish HTML (a Newspack site): its own pack, which asks for its pixel.
        ("19thnews.org", "The 19th", False, ("the-19th",)),
        ("19thnews.org", "The 19th", True, ("the-19th",)),
        # Any other site's plugin output: the generic pack, which asks for the pixel.
        ("fortworthreport.org", "Fort Worth Report", False, ("republication-tracker",)),
        ("fortworthreport.org", "Fort Worth Report", True, ("republication-tracker",)),
    ],
)
def test_the_plugin_pack_applies_to_the_plugins_output_not_to_a_states_newsroom_story(site: str, name: str, pixel: bool, packs: tuple[str, ...]) -> None:
    report = check_html(_copy(site, name, pixel))
    assert report.packs == packs
    assert ("republication-tracker/pixel" in [f.rule for f in report.findings]) == ("republication-tracker" in packs and not pixel)


def test_a_states_newsroom_outlets_pixel_alone_does_not_apply_the_plugin_pack() -> None:
    page = _copy("mainemorningstar.com", "Maine Morning Star", True).replace("first appeared on", "was first published by")
    assert "republication-tracker" not in check_html(page).packs


@pytest.mark.parametrize(
    "credit",
    [
        "<p>This article was originally published by The 19th.</p>",
        "<p>Republished with permission from The 19th News.</p>",
        "",  # the pixel alone: a copy of a story of The 19th, which lacks its credit
    ],
)
@pytest.mark.parametrize(
    "src",
    ["https://19thnews.org/?republication-pixel=true&amp;post=12", "//www.19thnews.org/?republication-pixel=true&amp;post=7&amp;ga4=G-1"],
)
def test_the_19ths_tracker_pixel_leaves_its_copy_to_its_own_terms(credit: str, src: str) -> None:
    page = (
        "<!doctype html><html><head><title>T</title></head><body><article>"
        "<h1>Women are leaving the workforce</h1><p class=byline>By Chabeli Carrazana</p>"
        "<p>Women left the workforce in record numbers last year, data show.</p>"
        f'{credit}<img id="republication-tracker-tool-source" src="{src}" style="width:1px;height:1px;">'
        "</article></body></html>"
    )
    report = check_html(page)
    assert report.packs == ("the-19th",)
    rules = [f.rule for f in report.findings]
    assert "the-19th/pixel" not in rules
    assert ("the-19th/credit" in rules) == (not credit)
