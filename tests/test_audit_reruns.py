"""`syndcheck audit` run again over the same state: a partner site that cannot be reached this time
keeps its last known copies and verdicts in the summary, marked with the date of the run that read
them, instead of dropping out of it as if it were compliant by absence."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")

from tests.test_audit import loopback_only, web  # noqa: F401 - the module's guard: no request leaves loopback
from tests.test_audit_inputs import FAST, PUBLISHER, _originals, _site

Routes = dict[str, tuple[int, str, bytes, dict[str, str]]]
TODAY = time.strftime("%Y-%m-%d", time.gmtime())


def _partner(routes: Routes, base: str, carried: dict[int, str]) -> None:
    """The partner at `base` serves `carried` (story → variant) under /news/story-N/, and a sitemap of them."""
    for path in [p for p in routes if p.startswith("/news/")]:
        del routes[path]
    for index, variant in carried.items():
        routes[f"/news/story-{index}/"] = (200, "text/html", web.copy(PUBLISHER, base, index, variant), {})
    unrelated = web.page("Bake sale", "<p>" + " ".join(web.story_paragraphs(99)) + "</p>", canonical=base + "/news/unrelated/", site_name="x")
    routes["/news/unrelated/"] = (200, "text/html", unrelated, {})
    routes["/sitemap.xml"] = (200, "application/xml", web.sitemap([base + p for p in sorted(routes) if p.startswith("/news/")]), {})


def _config(tmp: Path, *sitemaps: str, pack: str = "dcnf") -> Path:
    _originals(tmp / "originals")
    sources = "".join(f"  - site: {{sitemap: {url}}}\n" for url in sitemaps)
    path = tmp / "audit.yaml"
    path.write_text(f"pack: {pack}\nstories: {{folder: originals/}}\nsources:\n{sources}output: out/\n{FAST}", encoding="utf-8")
    return path


def _audit(config: Path) -> dict[str, Any]:
    from compliance.audit.run import load_audit_config, run_audit

    return run_audit(load_audit_config(config))


def _site_entry(report: dict[str, Any], base: str) -> dict[str, Any]:
    return next(s for s in report["sites"] if s["site"] == base.split("//")[1])


def _copies(report: dict[str, Any], base: str) -> dict[str, tuple[list[str], str | None]]:
    return {c["url"].removeprefix(base): (c["findings"], c["from_earlier_run"]) for s in report["stories"] for c in s["copies"] if c["url"].startswith(base)}


def test_a_site_down_on_a_rerun_keeps_its_last_known_copies_marked_with_their_run(tmp_path: Path) -> None:
    down_routes: Routes = {}
    up_routes: Routes = {}
    with _site(up_routes) as up:
        _partner(up_routes, up, {0: "compliant", 1: "stripped"})
        with _site(down_routes) as down:
            _partner(down_routes, down, {2: "compliant", 3: "stripped"})
            config = _config(tmp_path, f"{down}/sitemap.xml", f"{up}/sitemap.xml")
            first = _audit(config)
        second = _audit(config)
    assert _site_entry(first, down)["from_earlier_run"] is None
    assert first["copies_from_earlier_runs"] == 0
    entry = _site_entry(second, down)
    # The same copies, verdicts and rate as last read, marked as read in the earlier run.
    assert entry["from_earlier_run"] == TODAY
    assert {k: v for k, v in entry.items() if k != "from_earlier_run"} == {k: v for k, v in _site_entry(first, down).items() if k != "from_earlier_run"}
    assert _copies(second, down) == {path: (findings, TODAY) for path, (findings, _) in _copies(first, down).items()}
    assert (second["copies"], second["copies_from_earlier_runs"]) == (first["copies"], 2)
    # Only what was read counts as read; the site's unreachability is still a problem.
    assert second["pages_read"] == first["pages_read"] - 3
    assert any(p["url"] == f"{down}/sitemap.xml" for p in second["problems"])
    # The site that answered is as it was.
    assert _site_entry(second, up) == _site_entry(first, up)
    assert _copies(second, up) == _copies(first, up)
    out = tmp_path / "out"
    rows = {row["site"]: row["from_earlier_run"] for row in csv.DictReader(io.StringIO((out / "sites.csv").read_text(encoding="utf-8")))}
    assert rows == {down.split("//")[1]: TODAY, up.split("//")[1]: ""}
    dashboard = (out / "dashboard.html").read_text(encoding="utf-8")
    assert f"(not reached in this run: copies as read on {TODAY})" in dashboard
    assert "2 copies as last read in an earlier run (their sites not reached in this one)" in dashboard


def test_the_copies_carried_are_those_of_the_last_run_that_reached_the_site(tmp_path: Path) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped", 2: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        _audit(config)
        # The partner takes story 2 down and fixes story 1; then its site goes down.
        _partner(routes, partner, {0: "compliant", 1: "compliant"})
        reached = _audit(config)
    down = _audit(config)
    assert _copies(reached, partner) == {"/news/story-0/": ([], None), "/news/story-1/": ([], None)}
    assert _copies(down, partner) == {"/news/story-0/": ([], TODAY), "/news/story-1/": ([], TODAY)}
    assert _site_entry(down, partner)["compliance_rate"] == 1.0


@pytest.mark.parametrize(
    "second",
    [
        # Reached again: its copies are read again, nothing carried.
        "up",
        # Reached, its copies taken down (the sitemap lists only an unrelated page): none carried.
        "copies-gone",
    ],
)
def test_a_site_reached_on_the_rerun_carries_nothing_over(tmp_path: Path, second: str) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        first = _audit(config)
        if second == "copies-gone":
            _partner(routes, partner, {})
        rerun = _audit(config)
    assert rerun["copies_from_earlier_runs"] == 0
    if second == "up":
        assert rerun == first
    else:
        assert rerun["copies"] == 0 and rerun["sites"] == []


def test_copies_checked_with_another_pack_are_not_carried(tmp_path: Path) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        _audit(_config(tmp_path, f"{partner}/sitemap.xml", pack="propublica"))
    down = _audit(_config(tmp_path, f"{partner}/sitemap.xml", pack="dcnf"))
    assert (down["copies"], down["sites"]) == (0, [])
    assert [p["url"] for p in down["problems"]] == [f"{partner}/sitemap.xml"]


def test_the_readme_example_of_a_site_not_reached_is_what_the_audit_writes(tmp_path: Path) -> None:
    import json
    import re

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = json.loads(readme.split("<!-- audit-earlier-run -->\n```json\n", 1)[1].split("```", 1)[0])
    routes: Routes = {}
    with _site(routes) as partner:
        # As the example: two copies, the second stripped of its logo and affiliation.
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        config = _config(tmp_path, f"{partner}/sitemap.xml")
        _audit(config)
    entry = _site_entry(_audit(config), partner)
    assert entry.keys() == example.keys()
    host = example["site"]
    same = ("copies", "compliant", "compliance_rate", "violations", "ignored_suppressions")
    assert {k: entry[k] for k in same} == {k: example[k] for k in same}
    assert [(w["url"].replace(partner, f"http://{host}"), w["findings"]) for w in entry["worst"]] == [(w["url"], w["findings"]) for w in example["worst"]]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", example["from_earlier_run"]) and entry["from_earlier_run"] == TODAY


@pytest.mark.parametrize("source", ["sitemap", "urls"])
def test_a_site_answering_only_server_errors_on_the_rerun_keeps_its_copies(tmp_path: Path, source: str) -> None:
    routes: Routes = {}
    with _site(routes) as partner:
        _partner(routes, partner, {0: "compliant", 1: "stripped"})
        if source == "sitemap":
            config = _config(tmp_path, f"{partner}/sitemap.xml")
        else:
            _originals(tmp_path / "originals")
            urls = ", ".join(f"{partner}/news/story-{i}/" for i in (0, 1))
            audit = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - site: {{urls: [{urls}]}}\noutput: out/\n{FAST}"
            config = tmp_path / "audit.yaml"
            config.write_text(audit, encoding="utf-8")
        first = _audit(config)
        # Down for maintenance: every path, robots.txt included, answers 503.
        for path in [*routes, "/robots.txt"]:
            routes[path] = (503, "text/plain", b"maintenance", {})
        second = _audit(config)
    assert second["problems"] and all("503" in p["problem"] for p in second["problems"])
    assert _copies(second, partner) == {path: (findings, TODAY) for path, (findings, _) in _copies(first, partner).items()}
    assert _site_entry(second, partner)["compliance_rate"] == _site_entry(first, partner)["compliance_rate"] == 0.5
