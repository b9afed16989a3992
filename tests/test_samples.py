"""The samples an editor sees in the README, checked end to end through the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, SAMPLES, SEED, rule_ids


def _load_expectations() -> dict[str, dict[str, list[str]]]:
    """All `expected*.yaml` files under samples/, keyed by the sample's path from the repository root."""
    expected: dict[str, dict[str, list[str]]] = {}
    for file in sorted(SAMPLES.rglob("expected*.yaml")):
        for name, entry in yaml.safe_load(file.read_text(encoding="utf-8")).items():
            expected[str((file.parent / name).relative_to(ROOT))] = entry
    return expected


EXPECTED = _load_expectations()


def test_every_sample_has_an_expectation() -> None:
    on_disk = {str(p.relative_to(ROOT)) for p in SAMPLES.rglob("*") if p.suffix in {".html", ".txt", ".md"}}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_sample_reports_exactly_its_expected_findings(cli: Any, sample: str) -> None:
    expected = EXPECTED[sample]
    run = cli("check", "--format", "json", sample)
    entry = run.json()["files"][0]
    assert entry["path"] == sample
    assert entry["packs"] == expected["packs"]
    assert rule_ids(entry) == expected["findings"]
    errors = [f for f in entry["findings"] if f["severity"] == "error"]
    assert run.code == (1 if errors else 0)
    assert run.err == (f"exit 1: {len(errors)} error{'s' if len(errors) != 1 else ''}\n" if errors else "")


def test_whole_samples_directory_matches_expectations_in_one_run(cli: Any) -> None:
    run = cli("check", "--format", "json", "samples/")
    files = {entry["path"]: entry for entry in run.json()["files"]}
    assert set(files) == set(EXPECTED)
    for path, expected in EXPECTED.items():
        assert (files[path]["packs"], rule_ids(files[path])) == (expected["packs"], expected["findings"]), path
    assert run.code == 1


def _seed_path() -> Path:
    return SEED if SEED.exists() else SAMPLES / "dcnf" / "republished.txt"


def test_seed_passes_dcnf_with_evidence_for_each_requirement(cli: Any) -> None:
    run = cli("check", "--pack", "dcnf", "--format", "json", str(_seed_path()))
    assert run.code == 0
    entry = run.json()["files"][0]
    assert entry["findings"] == []
    passed = {p["rule"]: p for p in entry["passed"]}
    assert passed["dcnf/logo"] == {"rule": "dcnf/logo", "evidence": "Daily Caller News Foundation logo", "line": 5}
    assert passed["dcnf/byline"] == {"rule": "dcnf/byline", "evidence": "Jake Smith Contributor", "line": 6}
    assert "Daily Caller News Foundation logo (line 5)" in passed["dcnf/affiliation"]["evidence"]
    assert "Jake Smith" in passed["dcnf/affiliation"]["evidence"]


def test_seed_copy_in_samples_is_byte_identical_to_the_shared_seed() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    assert (SAMPLES / "dcnf" / "republished.txt").read_bytes() == SEED.read_bytes()


def test_missing_logo_points_at_the_article_and_says_how_to_fix(cli: Any) -> None:
    run = cli("check", "--format", "json", "samples/dcnf/no-logo.html")
    (finding,) = run.json()["files"][0]["findings"]
    source_lines = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8").splitlines()
    anchor_line = source_lines[finding["line"] - 1]
    assert anchor_line[finding["column"] - 1 :].startswith("<article")
    assert finding["severity"] == "error"
    assert "next to the reporter's byline" in finding["help"]
    assert finding["evidence"] is None
    assert finding["detail"] == "no visible DCNF logo in the article"


def test_hidden_and_sidebar_logos_are_explained(cli: Any) -> None:
    hidden = cli("check", "--format", "json", "samples/dcnf/hidden-logo.html").json()["files"][0]["findings"][0]
    sidebar = cli("check", "--format", "json", "samples/dcnf/logo-in-sidebar.html").json()["files"][0]["findings"][0]
    assert hidden["detail"] == (
        "no visible DCNF logo in the article; the one at line 127 is hidden"
        ' (the `style` attribute of the `<figure class="wp-block-image size-medium dcnf-logo">` around it at line 127 sets `display: none`)'
    )
    assert sidebar["detail"] == "no visible DCNF logo in the article; the one at line 224 is outside the article (in the page around it)"


def test_staff_byline_is_named_as_a_staff_credit_and_affiliation_is_not_double_reported(cli: Any) -> None:
    entry = cli("check", "--format", "json", "samples/dcnf/staff-byline.html").json()["files"][0]
    (finding,) = entry["findings"]
    assert finding["rule"] == "dcnf/byline"
    assert "'By Daily Caller News Foundation Staff' is a staff credit, not a reporter" in finding["message"]


def test_text_output_for_an_editor(cli: Any) -> None:
    run = cli("check", "--no-color", "samples/dcnf/no-affiliation.html")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0] == "samples/dcnf/no-affiliation.html  [dcnf]"
    assert any(" error   dcnf/affiliation  The byline does not tie Jake Smith to the Daily Caller News Foundation." in line for line in lines)
    assert any(line.strip().startswith("fix: Add the affiliation to the byline") for line in lines)
    assert any(" ok      dcnf/logo  " in line for line in lines)
    assert lines[-1] == "1 file checked; 1 error"
    assert "\x1b[" not in run.out


def test_text_output_places_what_was_found_and_not_an_absence(cli: Any) -> None:
    run = cli("check", "--no-color", "samples/calmatters/compliant-wordpress.html")
    lines = run.out.splitlines()
    # Nothing found has no line:col: the absence's line is a dash, not the article's first tag.
    assert "  -        ok      common/wire-photo  no wire or stock photo credit (Getty Images, AP, AFP, Reuters, Shutterstock, iStock) in the article" in lines
    assert "  81:15    ok      calmatters/byline  By Rosa Ibarra, CalMatters" in lines
    # The machine formats keep a line for every pass (JSON version 1 only ever adds keys).
    passed = cli("check", "--format", "json", "samples/calmatters/compliant-wordpress.html").json()["files"][0]["passed"]
    assert {p["rule"]: p["line"] for p in passed}["common/wire-photo"] == 76


OWN_SITE_SAMPLES = {
    "daily-caller-article.html",
    "global-voices-own-site.html",
    "kff-health-news-own-site.html",
    "propublica-own-site.html",
    "states-newsroom-own-site.html",
    "the-19th-own-site.html",
    "the-conversation-own-site.html",
}


def test_auto_detection_applies_no_pack_to_daily_caller_pages(cli: Any) -> None:
    run = cli("check", "--format", "json", "samples/negative/")
    for entry in run.json()["files"]:
        assert entry["packs"] == []
        # A page on a site the pack declares as the publisher's own (the Daily Caller is DCNF's
        # partner outlet, a States Newsroom outlet's site is that pack's) is said to be an original;
        # citations, pages about a publisher, and the own pages of a tracker-plugin site simply
        # have no pack.
        own = Path(entry["path"]).name in OWN_SITE_SAMPLES
        assert [n["code"] for n in entry["notices"]] == (["own-page"] if own else ["no-pack"]), entry["path"]
    assert run.code == 0
