"""A byline in lower case (or capitals) names its reporter when the rest is the publisher's
outlet, and a byline that names a job title instead of a person says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.document.byline_reading import read_byline
from tests.conftest import write

OUTLETS = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf", "propublica"})
DCNF_PAGE = """<html><body><article><h1>Senate vote delayed</h1>
<img src="https://dailycallernewsfoundation.org/dcnf-logo.png" alt="Daily Caller News Foundation logo">
<p>BYLINE</p>
<p>The Senate delayed a vote on the bill Tuesday.</p>
<p>Leaders said the vote would come next week.</p>
<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available
without charge to any legitimate news publisher that can provide a large audience. For licensing opportunities of our original
content, please contact licensing@dailycallernewsfoundation.org.</p>
</article></body></html>
"""
PROPUBLICA_PAGE = """<html><body><article><h1>Hospital bills pile up</h1>
<p>BYLINE</p>
<p>This story was originally published by <a href="https://www.propublica.org/article/rural-bills">ProPublica</a>.</p>
<p>When Dana Whitlock opened her mailbox, she found a summons.</p>
<p>She is one of 2,300 patients the hospital has sued.</p>
<script async src="https://pixel.propublica.org/pixel.js"></script>
</article></body></html>
"""


def _rule(cli: Any, tmp_path: Path, page: str, byline: str, rule: str) -> dict[str, Any] | None:
    path = write(tmp_path, "story.html", page.replace("BYLINE", byline))
    entry = cli("check", "-f", "json", str(path)).json()["files"][0]
    found = [f for f in entry["findings"] if f["rule"] == rule]
    if not found:
        assert rule in {p["rule"] for p in entry["passed"]}, entry
    return found[0] if found else None


@pytest.mark.parametrize(
    "byline",
    [
        "by maria lopez, daily caller news foundation",
        "BY MARIA LOPEZ, DAILY CALLER NEWS FOUNDATION",
        "by maria lopez and jake smith, daily caller news foundation",
        "by maria lopez, dcnf",
    ],
)
def test_a_lower_case_byline_with_the_publishers_outlet_names_the_reporter(cli: Any, tmp_path: Path, byline: str) -> None:
    assert _rule(cli, tmp_path, DCNF_PAGE, byline, "dcnf/byline") is None
    assert _rule(cli, tmp_path, DCNF_PAGE, byline, "dcnf/affiliation") is None


def test_a_lower_case_propublica_byline_names_the_reporter(cli: Any, tmp_path: Path) -> None:
    assert _rule(cli, tmp_path, PROPUBLICA_PAGE, "by ana ruiz, propublica", "creative-commons/author") is None
    assert _rule(cli, tmp_path, PROPUBLICA_PAGE, "by ana ruiz, propublica", "propublica/affiliation") is None


@pytest.mark.parametrize(
    ("byline", "reason"),
    [
        ("By Editor, Daily Caller News Foundation", "names a role (staff credit), not a reporter"),
        ("By Guest Contributor, Daily Caller News Foundation", "names a role (staff credit), not a reporter"),
        ("by guest contributor, daily caller news foundation", "names a role (staff credit), not a reporter"),
        ("By Senior Political Correspondent, Daily Caller News Foundation", "names a role (staff credit), not a reporter"),
        ("By Capitol Hill Reporter, Daily Caller News Foundation", "names a role (staff credit), not a reporter"),
        ("By Audience Development Manager, Daily Caller News Foundation", "names a role (staff credit), not a reporter"),
        ("By Daily Caller News Foundation Staff", "is a staff credit, not a reporter"),
        ("by the daily caller, daily caller news foundation", "names an outlet, not a reporter"),
        ("By Daily Caller News Foundation", "names an outlet, not a reporter"),
    ],
)
def test_a_byline_without_a_reporter_gives_the_right_reason(cli: Any, tmp_path: Path, byline: str, reason: str) -> None:
    finding = _rule(cli, tmp_path, DCNF_PAGE, byline, "dcnf/byline")
    assert finding is not None
    # A job title in place of the name is named by its line, not quoted: quoted, it reads as the
    # person the byline credits.
    shown = "on line 3" if reason.startswith("names a role") else f"'{byline}'"
    assert finding["detail"] == f"byline {shown} {reason}"
    assert finding["message"].count(byline) == (0 if reason.startswith("names a role") else 1)


def test_only_the_publishers_outlets_let_a_lower_case_name_through() -> None:
    assert read_byline("by maria lopez, daily caller news foundation", outlets=OUTLETS) is not None
    reading = read_byline("by maria lopez, the local gazette", outlets=OUTLETS)
    assert reading is not None and reading.names == () and reading.problem == "outlet"
    reading = read_byline("by maria lopez, daily caller news foundation")
    assert reading is not None and reading.names == ()
    reading = read_byline("by staff, propublica", outlets=OUTLETS)
    assert reading is not None and reading.problem == "staff"


@pytest.mark.parametrize(
    "text",
    [
        # A beat or an office before the role noun is part of the title, not a person's name.
        "Capitol Hill Reporter",
        "Supreme Court Correspondent",
        "Energy Policy Contributor",
        "- Written by Audience Development Manager, Daily Caller News Foundation",
        "By Senior Commissioning Editor, ProPublica",
        "- Written by Head of Partnerships, ProPublica",
        "Written by Director of Audience, Daily Caller News Foundation",
    ],
)
def test_a_job_title_is_not_read_as_a_name(text: str) -> None:
    reading = read_byline(text, require_prefix=True, outlets=OUTLETS)
    assert reading is None or (reading.names == () and reading.problem == "role")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Near misses: a person before the role, and a title after a person's name.
        ("Jake Smith Contributor", ("Jake Smith",)),
        ("Maria Lopez Energy Reporter", ("Maria Lopez",)),
        ("By Earl Hines Contributor", ("Earl Hines",)),
        ("By Jake Smith, Capitol Hill Reporter", ("Jake Smith",)),
    ],
)
def test_a_person_before_a_job_title_is_still_named(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text, require_prefix=True, outlets=OUTLETS)
    assert reading is not None and reading.names == names


def test_dcnf_says_a_title_line_names_no_reporter(cli: Any, tmp_path: Path) -> None:
    finding = _rule(cli, tmp_path, DCNF_PAGE, "National Security Reporter", "dcnf/byline")
    assert finding is not None
    assert finding["detail"] == "no visible byline found in the article"
