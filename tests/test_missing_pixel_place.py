"""A missing tracking pixel is one finding, placed where the Republish HTML puts the pixel: at the
story's last paragraph (in Markdown the body's last line), not at the article's start or the front
matter's title, so that an editor's "go to line" lands where it goes (`missing-at: end`). A copy of
The 19th made with the Republication Tracker Tool's button (its attribution names The 19th) is
held to The 19th's pixel once, by the-19th/pixel; another RTT site's copy keeps
republication-tracker/pixel."""

from __future__ import annotations

import pytest

from compliance.engine import check_bytes
from compliance.errors import PackError
from compliance.packfiles import load_packs
from compliance.packs import load_pack

PACKS = load_packs()
PIXELS = {"the-19th/pixel", "republication-tracker/pixel"}


def _page(site: str, byline: str, pixel: str = "") -> bytes:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rents</title></head>\n'
        "<body><header><a href='/'>Valley Voice</a></header>\n"
        "<main><article>\n"
        "<h1>Rents rise faster than wages</h1>\n"
        f'<p class="byline">{byline}</p>\n'
        "<p>Median rent rose 9% in a year, a new survey finds.</p>\n"
        "<p>Wages rose 4% over the same months.</p>\n"
        f'<p>This <a href="https://{site[1]}/2026/11/rents/">article</a> first appeared on <a href="https://{site[1]}">{site[0]}</a>'
        " and is republished here under a Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International License.</p>\n"
        f"{pixel}</article></main>\n<footer>Valley Voice</footer></body></html>\n"
    ).encode()


def _pixel_findings(data: bytes, kind: str = "html") -> list[tuple[str, int]]:
    report = check_bytes(data, kind, PACKS, path=f"copy.{'md' if kind == 'markdown' else kind}")  # type: ignore[arg-type]
    return [(f.rule, f.location.line if f.location else 0) for f in report.findings if f.rule in PIXELS]


THE_19TH = ("The 19th", "19thnews.org")


@pytest.mark.parametrize("byline", ["by Amanda Becker, The 19th", "by Amanda Becker", "By Amanda Becker, 19th News"])
def test_a_19th_copy_made_with_the_tracker_button_misses_its_pixel_once_at_the_story_end(byline: str) -> None:
    # Line 8 is the attribution paragraph, the story's last.
    assert _pixel_findings(_page(THE_19TH, byline)) == [("the-19th/pixel", 8)]


def test_a_19th_copy_with_its_tracker_pixel_passes_both() -> None:
    pixel = '<img id="republication-tracker-tool-source" src="https://19thnews.org/?republication-pixel=true&amp;post=51234" style="width:1px;height:1px;">\n'
    assert _pixel_findings(_page(THE_19TH, "by Amanda Becker, The 19th", pixel)) == []


@pytest.mark.parametrize(
    "site",
    [("Fort Worth Report", "fortworthreport.org"), ("The 19th Street Journal", "19thstreetjournal.example"), ("THE CITY", "thecity.nyc")],
)
def test_another_tracker_sites_copy_keeps_the_tracker_pixel_rule_at_the_story_end(site: tuple[str, str]) -> None:
    assert _pixel_findings(_page(site, "by Ana Ruiz")) == [("republication-tracker/pixel", 8)]


def test_a_markdown_copy_misses_the_pixel_at_the_body_last_line_not_the_title() -> None:
    text = (
        "---\ntitle: Child care costs climb again\nauthor: Chabeli Carrazana, The 19th\n---\n\n"
        "The average cost of child care rose 6% this year.\n\n"
        "Parents in 20 states now pay more for infant care than for tuition.\n\n"
        "This article was originally published by [The 19th](https://19thnews.org/2026/12/child-care-costs-climb/).\n"
    )
    assert _pixel_findings(text.encode(), "markdown") == [("the-19th/pixel", 10)]


PACK = """id: gazette
name: Gazette
publisher: Example Gazette
terms_url: https://gazette.example/terms
as_of: 2024-01-01
summary: test
rules:
  - id: gazette/beacon
    severity: error
    message: m
    help: h
    missing-at: {place}
    check: {{element: {{selector: img, attributes: {{src: 'beacon\\.gazette\\.example'}}, scope: page, visible: any}}}}
"""


def test_missing_at_is_validated_with_the_pack() -> None:
    with pytest.raises(PackError) as caught:
        load_pack(PACK.format(place="ende"), "gazette.yaml")
    assert "'missing-at' must be end, byline or the id of a rule of the pack, got 'ende'" in str(caught.value)
    assert "gazette.yaml:12:" in str(caught.value)


def test_a_rule_that_says_missing_at_end_points_at_the_last_paragraph() -> None:
    pack = load_pack(PACK.format(place="end"), "gazette.yaml")
    page = b"<html><body><article>\n<h1>Budget</h1>\n<p>The council met.</p>\n<p>It voted.</p>\n</article></body></html>"
    report = check_bytes(page, "html", [pack], path="copy.html", auto_detect=False)
    assert [(f.rule, str(f.location)) for f in report.findings] == [("gazette/beacon", "4:1")]
