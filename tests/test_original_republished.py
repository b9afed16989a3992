"""An original given that is itself a republication (another site's copy of the story) is not
compared with: its links, tags and cuts are that site's, and the copy would be told to keep them.
A note says why, and the rules that compare are reported as not checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

SAMPLES = ROOT / "samples"
COPY = SAMPLES / "originals" / "propublica-faithful.md"
STORY = (
    "<article><h1>Pipeline inspectors signed off on welds they never saw</h1><p>By Hollis Brandt, ProPublica</p>"
    "<p>On the morning of March 14, 2023, a weld inspector identified in company records as R. Daley signed off on 41 welds.</p>"
    "<p>The logs are among more than 9,000 pages of inspection records obtained through public records requests.</p>{credit}</article>"
)
CREDIT = '<p>This story was originally published by <a href="https://www.propublica.org/article/welds">ProPublica</a>.</p>'


def _notes(cli: Any, original: Path | str, copy: Path = COPY) -> tuple[list[str], list[str]]:
    entry = cli("check", "--format", "json", "--original", str(original), str(copy)).json()["files"][0]
    unavailable = [n["message"] for n in entry["notices"] if n["code"] == "original-unavailable"]
    undecided = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
    return unavailable, undecided


def test_a_republishing_plugins_copy_given_as_the_original_is_not_compared_with(cli: Any) -> None:
    (note,), (undecided,) = _notes(cli, SAMPLES / "propublica" / "compliant-wordpress.html")
    assert note.startswith(
        "original story not compared: the original given is itself a republication (its syndication-source names https://www.propublica.org/article/"
    )
    assert "propublica/fidelity" in undecided and "itself a republication" in undecided


@pytest.mark.parametrize(
    ("head", "why"),
    [
        (
            '<meta name="syndication-source" content="https://www.propublica.org/article/welds">',
            "its syndication-source names https://www.propublica.org/article/welds",
        ),
        (
            '<meta name="original-source" content="https://www.propublica.org/article/welds">',
            "its original-source names https://www.propublica.org/article/welds",
        ),
        ('<link rel="canonical" href="https://prairieledger.example/2024/welds/">', "it is on prairieledger.example and shows ProPublica's credit line"),
        ('<meta property="og:url" content="https://www.prairieledger.example/welds">', "it is on www.prairieledger.example and shows ProPublica's credit line"),
    ],
)
def test_what_tells_a_copy_given_as_the_original(cli: Any, tmp_path: Path, head: str, why: str) -> None:
    original = tmp_path / "original.html"
    original.write_text(f"<html><head>{head}</head><body>{STORY.format(credit=CREDIT)}</body></html>", encoding="utf-8")
    (note,), _ = _notes(cli, original)
    assert f"itself a republication ({why})" in note


@pytest.mark.parametrize(
    "head",
    [
        # The publisher's own page, its syndication-source its own address.
        '<link rel="canonical" href="https://www.propublica.org/article/welds"><meta name="syndication-source" content="https://www.propublica.org/article/welds">',
        '<meta property="og:url" content="https://www.propublica.org/article/welds">',
        # A page with no address of its own (a saved story) is taken as given, credit line or not.
        "",
    ],
)
def test_an_original_on_the_publishers_site_or_with_no_address_is_compared_with(cli: Any, tmp_path: Path, head: str) -> None:
    original = tmp_path / "original.html"
    original.write_text(f"<html><head>{head}</head><body>{STORY.format(credit=CREDIT)}</body></html>", encoding="utf-8")
    assert _notes(cli, original) == ([], [])


def test_a_page_elsewhere_that_shows_no_publishers_credit_is_compared_with(cli: Any, tmp_path: Path) -> None:
    # A story's page on a site no pack knows is taken as the original: nothing says it is a copy.
    original = tmp_path / "original.html"
    head = '<link rel="canonical" href="https://prairieledger.example/welds/">'
    original.write_text(f"<html><head>{head}</head><body>{STORY.format(credit='')}</body></html>", encoding="utf-8")
    assert _notes(cli, original)[0] == []


def test_the_story_a_republication_names_as_its_source_is_the_address_a_link_back_and_a_fix_use(cli: Any, tmp_path: Path) -> None:
    # Its syndication-source is the publisher's story: the check names it, and fix writes it.
    copy = tmp_path / "copy.md"
    copy.write_text(
        "# Pipeline Inspectors Signed Off on Welds They Never Saw, Records Show\n\nBy Hollis Brandt, ProPublica\n\n"
        "On the morning of March 14, 2023, a weld inspector identified in company records as R. Daley signed off on 41 welds.\n",
        encoding="utf-8",
    )
    republication = SAMPLES / "propublica" / "compliant-wordpress.html"
    story = "https://www.propublica.org/article/pipeline-weld-inspections-records"
    checked = cli("check", "--format", "json", "--original", str(republication), str(copy)).json()["files"][0]
    (link_back,) = [f for f in checked["findings"] if f["rule"] == "creative-commons/source-link"]
    assert f"<{story}>" in link_back["message"]
    fixed = cli("fix", "--write", "--original", str(republication), str(copy))
    assert f"This story was originally published by [ProPublica]({story})." in copy.read_text(encoding="utf-8"), fixed.err
