"""The project's own packs are tested with `syndcheck rules test`, like any newsroom's would be:
every rule of every built-in pack has a fixture where it passes and one where it fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.findings import Finding, Location, Passed, Report, Severity
from compliance.ruletest import Expectations, compare, coverage_gaps, derive, expectations_in_markup, expectations_in_sidecar
from tests.conftest import ROOT, write

FIXTURES = ROOT / "tests" / "rule-fixtures"


def test_builtin_pack_fixtures_match_and_cover_every_rule(cli: Any) -> None:
    run = cli("rules", "test", str(FIXTURES), "--coverage")
    assert run.out.splitlines()[-1].endswith(" mismatches, 0 coverage gaps"), run.out
    assert " 0 mismatches" in run.out.splitlines()[-1], run.out
    assert run.code == 0


def test_every_builtin_pack_has_a_fixture_directory() -> None:
    from compliance.loading import load_packs

    assert {p.id for p in load_packs()} <= {d.name for d in FIXTURES.iterdir() if d.is_dir()}


def test_markup_expectations_are_read_with_lines_packs_and_meta() -> None:
    text = (
        '<!-- syndcheck-test: packs=dcnf,common meta.reporter="Ana Ruiz" -->\n<article>\n'
        "<!-- expect: dcnf/logo -->\n<!-- expect-line: dcnf/byline -->\n<p class=byline>By Staff</p>\n</article>\n"
    )
    assert expectations_in_markup(text) == Expectations(("dcnf/logo",), (("dcnf/byline", 5),), ("dcnf", "common"), (("reporter", "Ana Ruiz"),))


def test_sidecar_expectations() -> None:
    sidecar = "# the seed without its logo line\npacks: dcnf\nmeta.reporter: Jake Smith\ndcnf/logo\ndcnf/affiliation:5\n"
    assert expectations_in_sidecar(sidecar, "x.txt.expect") == Expectations(
        ("dcnf/logo",), (("dcnf/affiliation", 5),), ("dcnf",), (("reporter", "Jake Smith"),)
    )


def _finding(rule: str, line: int) -> Finding:
    return Finding(rule, Severity.ERROR, "m", "h", Location(line, 1))


def test_compare_reports_missing_and_unexpected_findings() -> None:
    report = Report("a.html", ("dcnf",), (_finding("dcnf/logo", 3), _finding("dcnf/byline", 9)))
    expected = Expectations(("dcnf/affiliation",), (("dcnf/byline", 8),))
    assert [str(m) for m in compare(report, expected)] == [
        "a.html:8: expected a finding of dcnf/byline, got none",
        "a.html: expected a finding of dcnf/affiliation, got none",
        "a.html:3: unexpected finding of dcnf/logo",
        "a.html:9: unexpected finding of dcnf/byline",
    ]


def test_coverage_gaps_name_rules_without_passing_or_failing_fixtures() -> None:
    reports = [Report("a", passed=(Passed("p/a", "e", Location(1)),), findings=(_finding("p/b", 1),))]
    assert coverage_gaps(reports, ["p/a", "p/b"]) == ["p/a: no fixture where it fails", "p/b: no fixture where it passes"]


def test_rules_test_fails_on_a_mismatch_and_names_it(cli: Any, tmp_path: Path) -> None:
    source = (FIXTURES / "dcnf" / "logo-missing.html").read_text(encoding="utf-8").replace("<!-- expect: dcnf/logo -->", "")
    write(tmp_path, "wrong.html", source)
    write(tmp_path, "compliant.html", (FIXTURES / "dcnf" / "compliant.html").read_bytes())
    run = cli("rules", "test", str(tmp_path / "wrong.html"))
    assert run.code == 1
    assert "wrong.html:" in run.out and "unexpected finding of dcnf/logo" in run.out
    assert run.out.splitlines()[-1] == "1 fixtures, 1 mismatch"


def test_text_fixture_with_sidecar(cli: Any, tmp_path: Path) -> None:
    seed = (ROOT / "samples" / "dcnf" / "missing-logo-line.txt").read_bytes()
    write(tmp_path, "seed.txt", seed)
    write(tmp_path, "seed.txt.expect", "packs: dcnf\ndcnf/logo\ndcnf/affiliation:5\n")
    run = cli("rules", "test", str(tmp_path / "seed.txt"))
    assert run.out.splitlines()[-1] == "1 fixtures, 0 mismatches"
    assert run.code == 0


def test_rules_validate_list_and_explain(cli: Any, tmp_path: Path) -> None:
    ok = cli("rules", "validate", "rules/dcnf.yaml")
    assert (ok.code, ok.out) == (0, "rules/dcnf.yaml: ok (dcnf, 5 rules)\n")
    broken = write(tmp_path, "broken.yaml", (ROOT / "rules" / "dcnf.yaml").read_text(encoding="utf-8").replace("severity: error", "severity: eror", 1))
    bad = cli("rules", "validate", str(broken))
    assert bad.code == 2
    assert "broken.yaml:" in bad.err and "severity must be one of error, warning, info, got 'eror' — did you mean 'error'?" in bad.err
    listing = cli("rules", "list", "--pack", "creative-commons")
    assert "  common/wire-photo" in listing.out and "(from common)" in listing.out
    explained = cli("rules", "explain", "dcnf/logo")
    assert explained.out.splitlines()[0] == "dcnf/logo (error) — Daily Caller News Foundation"
    assert '"All republished articles must include our logo"' in explained.out
    assert "Terms: https://dailycallernewsfoundation.org/ (as of 2024-06-27)" in explained.out
    assert "    - id: dcnf/logo\n" in explained.out and "      severity: error\n" in explained.out
    assert "      fix:\n        # Next to the byline, as the terms ask for the affiliation; above it, as DCNF's own layout has it.\n" in explained.out
    assert "  - id: dcnf/byline" not in explained.out
    unknown = cli("rules", "explain", "dcnf/logoo")
    assert (unknown.code, unknown.err) == (2, "syndcheck: error: unknown rule 'dcnf/logoo' — did you mean 'dcnf/logo'?\n")


def _derived_example() -> str:
    """The derived fixture that docs/rule-packs.md shows."""
    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    return doc.split("<!-- derived-fixture -->\n```html\n", 1)[1].split("```", 1)[0]


def test_a_derived_fixture_is_its_base_with_the_change_made(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "compliant.html", (FIXTURES / "dcnf" / "compliant.html").read_bytes())
    write(tmp_path, "logo-missing.html", _derived_example())
    run = cli("rules", "test", str(tmp_path))
    assert run.out.splitlines()[-1] == "2 fixtures, 0 mismatches", run.out
    # Without its expectation, the change is what produces the finding.
    write(tmp_path, "logo-missing.html", _derived_example().replace("<!-- expect: dcnf/logo -->", ""))
    run = cli("rules", "test", str(tmp_path / "logo-missing.html"))
    assert "logo-missing.html:" in run.out and "unexpected finding of dcnf/logo" in run.out
    assert run.code == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("<!-- change: no such text => x -->", "the changed text 'no such text' is in compliant.html 0 times, not once"),
        ("<!-- change: <p> => <p class=x> -->", "is in compliant.html 7 times, not once"),
        ("<!-- change: nothing to say -->", "a change is written '<!-- change: OLD => NEW -->'"),
    ],
)
def test_a_change_that_does_not_fit_its_base_is_a_user_error(cli: Any, tmp_path: Path, change: str, message: str) -> None:
    write(tmp_path, "compliant.html", (FIXTURES / "dcnf" / "compliant.html").read_bytes())
    write(tmp_path, "derived.html", f"<!-- syndcheck-test: from=compliant.html packs=dcnf -->\n{change}\n")
    run = cli("rules", "test", str(tmp_path / "derived.html"))
    assert run.code == 2
    assert "derived.html" in run.err and message in run.err, run.err


def test_derived_fixtures_read_their_change_and_base() -> None:
    text = "<!-- syndcheck-test: from=compliant.html -->\n<!-- change: <b>old</b> => new -->\n<!-- change: gone => -->\n<!-- expect: p/r -->\n"
    expected = expectations_in_markup(text)
    assert (expected.base, expected.changes, expected.anywhere) == ("compliant.html", (("<b>old</b>", "new"), ("gone", "")), ("p/r",))
    assert derive("a <b>old</b> b gone c", expected.changes, base_name="compliant.html") == "a new b  c"


# -- try-out 8: a fixture naming a pack that is not loaded ----------------------------------------

PACK_HINT = "give the pack with --rules PATH (its file or folder); 'syndcheck packs' lists the built-in ones"


def test_a_fixture_naming_a_pack_not_loaded_is_told_at_its_line_with_rules(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "tests/gazette/a.html", "<p>A story.</p>\n\n<!-- syndcheck-test: packs=gazette -->\n")
    run = cli("rules", "test", str(tmp_path / "tests"))
    assert run.code == 2
    assert run.err == f"syndcheck: error: {tmp_path / 'tests/gazette/a.html'}:3: the fixture names unknown pack 'gazette' — {PACK_HINT}\n"
    assert run.out == "0 fixtures, 0 mismatches; 1 not checked (errors above)\n"


def test_a_sidecar_naming_a_pack_not_loaded_is_told_at_its_line(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "seed.txt", (ROOT / "samples" / "dcnf" / "missing-logo-line.txt").read_bytes())
    write(tmp_path, "seed.txt.expect", "# the Gazette's own pack\npacks: dcnf, gazette\ndcnf/logo\n")
    run = cli("rules", "test", str(tmp_path / "seed.txt"))
    assert (run.code, run.err) == (2, f"syndcheck: error: {tmp_path / 'seed.txt.expect'}:2: the fixture names unknown pack 'gazette' — {PACK_HINT}\n")


def test_a_mistyped_built_in_pack_in_a_fixture_is_told_the_closest(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "a.html", "<!-- syndcheck-test: packs=dcfn -->\n<p>x</p>\n")
    run = cli("rules", "test", str(tmp_path / "a.html"))
    assert (run.code, run.err) == (2, f"syndcheck: error: {tmp_path / 'a.html'}:1: the fixture names unknown pack 'dcfn' — did you mean 'dcnf'?\n")


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- expect: dcnf/logo extra words -->",
        "<!-- expect dcnf/logo -->",
        "<!-- Expect: dcnf/logo -->",
        "<!-- EXPECT-LINE: dcnf/byline -->",
        "<!-- expect:dcnf/logo, dcnf/byline -->",
    ],
)
def test_an_expect_comment_that_cannot_be_read_is_an_error_at_its_line(cli: Any, tmp_path: Path, comment: str) -> None:
    # Passed over, the comment would leave the finding it meant "unexpected": the wrong cause.
    write(tmp_path, "story.html", f"<!-- syndcheck-test: packs=dcnf -->\n<p>Text.</p>\n{comment}\n")
    run = cli("rules", "test", str(tmp_path / "story.html"))
    assert run.code == 2
    assert "unexpected finding" not in run.out
    assert f"story.html:3: cannot read this expect comment: '{comment}', write <!-- expect: RULE-ID -->" in run.err, run.err


def test_a_comment_that_only_begins_with_the_word_expected_is_text() -> None:
    assert expectations_in_markup("<!-- expected: compliant -->\n<!-- expect: dcnf/logo -->\n") == Expectations(("dcnf/logo",))


def test_an_unknown_syndcheck_test_setting_is_told_at_its_line(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "story.html", "<p>Text.</p>\n<!-- syndcheck-test: packz=dcnf -->\n")
    run = cli("rules", "test", str(tmp_path / "story.html"))
    assert run.code == 2
    assert "story.html:2: unknown syndcheck-test setting 'packz'" in run.err, run.err


def test_a_setting_close_to_a_known_one_is_told_the_closest(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "story.html", "<!-- syndcheck-test: pack=dcnf -->\n<p>Text.</p>\n")
    run = cli("rules", "test", str(tmp_path / "story.html"))
    assert run.code == 2
    assert "story.html:1: unknown syndcheck-test setting 'pack' (did you mean 'packs'?)" in run.err, run.err
