"""A rule the user selected by its id is never silent: when its `when` does not hold, a
`not-applicable` notice says so and why, in every format; a rule chosen through its pack, a glob
or `ALL` stays silent, and the exit code is the same either way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from compliance.selection import SelectionLayer, named_rules

LOGO = '<img src="https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png" alt="Daily Caller News Foundation logo">'
STORY = "".join(f"<p>Paragraph {n} of the story on the county budget vote and what it means for the schools.</p>" for n in range(6))


def _page(byline: str, extra: str = "") -> str:
    return (
        "<!doctype html><html><head><title>Budget</title></head><body><article><h1>County budget vote</h1>"
        f'<p class="byline">{byline}</p>{LOGO}{STORY}{extra}</article></body></html>'
    )


STAFF = _page("By Staff")
REPORTER = _page("By Jake Smith, Daily Caller News Foundation")
# A CalMatters story localized by the partner: its fidelity rule applies only to a copy without that line.
LOCALIZED = _page("By Ben Christopher, CalMatters", "<p>Additional reporting by Dana Ruiz of the Valley Gazette.</p>")


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _notes(report: dict[str, Any]) -> list[str]:
    return [n["message"] for n in report["notices"] if n["code"] == "not-applicable"]


@pytest.mark.parametrize(
    ("page", "options", "expected"),
    [
        (
            STAFF,
            ["--pack", "dcnf", "--select", "dcnf/affiliation"],
            [
                "rule dcnf/affiliation, selected by name, does not apply to this copy: its condition (byline) does not hold:"
                " byline 'By Staff' is a staff credit, not a reporter"
            ],
        ),
        (
            STAFF,
            ["--pack", "kff-health-news", "--select", "kff-health-news/affiliation,kff-health-news/tagline"],
            [
                "rule kff-health-news/affiliation, selected by name, does not apply to this copy: its condition (byline) does not hold:"
                " byline 'By Staff' is a staff credit, not a reporter"
            ],
        ),
        (
            LOCALIZED,
            ["--pack", "calmatters", "--extend-select", "calmatters/fidelity"],
            [
                'rule calmatters/fidelity, selected by name, does not apply to this copy: its condition (no "Additional reporting by …"'
                ' (a localized copy)) does not hold: the copy has "Additional reporting by …" (a localized copy)'
            ],
        ),
        # Chosen through the pack, a glob or ALL: silent, as before.
        (STAFF, ["--pack", "dcnf", "--select", "dcnf"], []),
        (STAFF, ["--pack", "dcnf", "--select", "dcnf/*"], []),
        (STAFF, ["--pack", "dcnf", "--select", "ALL"], []),
        (STAFF, ["--pack", "dcnf"], []),
        # Selected by name, and its condition holds: the rule is checked, no notice.
        (REPORTER, ["--pack", "dcnf", "--select", "dcnf/affiliation"], []),
        # Named, then taken out again by a more specific ignore of the same id on a later layer.
        (STAFF, ["--pack", "dcnf", "--select", "dcnf/affiliation,dcnf/logo", "--ignore", "dcnf/affiliation"], []),
    ],
    ids=["dcnf-staff", "kff-staff", "calmatters-not", "pack", "glob", "all", "no-selection", "condition-holds", "ignored-again"],
)
def test_a_rule_selected_by_name_that_does_not_apply_is_a_notice(cli: Any, tmp_path: Path, page: str, options: list[str], expected: list[str]) -> None:
    path = _write(tmp_path, "copy.html", page)
    run = cli("check", *options, "--format", "json", path)
    (report,) = json.loads(run.out)["files"]
    assert _notes(report) == expected
    # A notice, never a finding: the exit code is the one the findings give.
    plain = cli("check", *[o for o in options if o not in ("--select", "--extend-select")][:2], "--format", "json", path)
    assert run.code == (1 if any(f["severity"] == "error" for f in report["findings"]) else 0)
    assert plain.code in (0, 1)


def test_the_exit_code_is_unchanged_by_the_notice(cli: Any, tmp_path: Path) -> None:
    path = _write(tmp_path, "copy.html", STAFF)
    assert cli("check", "--pack", "dcnf", "--select", "dcnf/affiliation", path).code == 0
    assert cli("check", "--pack", "dcnf", "--select", "dcnf/affiliation,dcnf/byline", path).code == 1


NOTE = "rule dcnf/affiliation, selected by name, does not apply to this copy"


@pytest.mark.parametrize(
    ("options", "kept"),
    [
        # Named, not applied: the file and its note stay, with nothing else of the file.
        (["--pack", "dcnf", "--select", "dcnf/affiliation"], True),
        (["--pack", "dcnf", "--select", "dcnf/affiliation,dcnf/logo"], True),
        (["--pack", "calmatters", "--select", "calmatters/fidelity"], True),
        # Chosen through the pack or a glob: silent, so --quiet leaves the file without findings out.
        (["--pack", "dcnf", "--select", "dcnf", "--ignore", "dcnf/byline"], False),
        (["--pack", "dcnf", "--select", "dcnf/aff*"], False),
    ],
    ids=["select", "with-another", "other-pack", "pack", "glob"],
)
def test_quiet_keeps_the_note_of_a_rule_named_that_did_not_apply(cli: Any, tmp_path: Path, options: list[str], kept: bool) -> None:
    page = LOCALIZED if "calmatters" in options else STAFF
    path = _write(tmp_path, "copy.html", page)
    clean = _write(tmp_path, "clean.html", REPORTER)
    run = cli("check", "--quiet", *options, path, clean)
    shown = [line for line in run.out.splitlines() if line.startswith(("  note:", str(tmp_path)))]
    if kept:
        (header, note) = [line for line in shown if "not-compared" not in line and "not compared" not in line]
        assert header.startswith(path)
        assert note.startswith("  note: rule ") and "selected by name, does not apply to this copy" in note
    else:
        assert shown == []
    # The note is no finding and no rule left unchecked: the summary and the exit code are as without it.
    assert run.out.rstrip().splitlines()[-1] == "2 files checked; no problems"
    assert run.code == 0


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("text", f"note: {NOTE}"),
        ("concise", f"note syndcheck/not-applicable {NOTE}"),
        ("github", f"title=syndcheck/not-applicable::{NOTE}"),
        ("sarif", '"id": "not-applicable"'),
        ("junit", f"<system-out>note: {NOTE}"),
    ],
)
def test_every_format_shows_the_notice_as_it_shows_notices(cli: Any, tmp_path: Path, fmt: str, shown: str) -> None:
    run = cli("check", "--pack", "dcnf", "--select", "dcnf/affiliation", "--format", fmt, _write(tmp_path, "copy.html", STAFF))
    assert shown in run.out
    assert run.code == 0


def test_gitlab_code_quality_holds_findings_only(cli: Any, tmp_path: Path) -> None:
    # GitLab's code quality report has no place for notes: it shows none, this one included.
    run = cli("check", "--pack", "dcnf", "--select", "dcnf/affiliation", "--format", "gitlab", _write(tmp_path, "copy.html", STAFF))
    assert (json.loads(run.out), run.code) == ([], 0)


@pytest.mark.parametrize(
    ("config", "argv", "noted"),
    [
        ("select: [dcnf/affiliation]\n", [], True),
        ("extend-select: [dcnf/affiliation]\n", [], True),
        ("select: [dcnf]\n", [], False),
        # The command line's select starts afresh from the pack: the name in the file no longer decides.
        ("select: [dcnf/affiliation]\n", ["--select", "dcnf"], False),
        ("select: [dcnf]\n", ["--extend-select", "dcnf/affiliation"], True),
    ],
)
def test_a_configuration_files_select_names_rules_too(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, argv: list[str], noted: bool
) -> None:
    _write(tmp_path, ".syndcheck.yaml", "root: true\n" + config)
    path = _write(tmp_path, "copy.html", STAFF)
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--pack", "dcnf", *argv, "--format", "json", path)
    assert bool(_notes(json.loads(run.out)["files"][0])) is noted


@pytest.mark.parametrize(
    ("select", "noted", "found"),
    [("[dcnf/affiliation]", True, []), ("[dcnf]", False, ["dcnf/byline"]), ("['*/affiliation']", False, [])],
)
def test_the_api_reports_a_rule_its_configuration_names(tmp_path: Path, select: str, noted: bool, found: list[str]) -> None:
    config = _write(tmp_path, "syndcheck.yaml", f"root: true\nselect: {select}\n")
    report = check_html(STAFF, packs=["dcnf"], config=config)
    codes = [n.code for n in report.notices]
    assert ("not-applicable" in codes) is noted
    # Through the pack, the staff byline is an error; the affiliation rule alone finds nothing.
    assert [f.rule for f in report.findings] == found


@pytest.mark.parametrize(
    ("layers", "named"),
    [
        ([SelectionLayer("a", ("dcnf/affiliation",))], {"dcnf/affiliation"}),
        ([SelectionLayer("a", ("dcnf/*", "dcnf/affiliation"))], {"dcnf/affiliation"}),
        ([SelectionLayer("a", ("dcnf/affiliation",)), SelectionLayer("b", ("dcnf",))], set()),
        ([SelectionLayer("a", ("dcnf/affiliation",)), SelectionLayer("b", None, ("dcnf/logo",))], {"dcnf/affiliation", "dcnf/logo"}),
        ([SelectionLayer("a", ("dcnf/affiliation",)), SelectionLayer("b", None, (), ("dcnf/affiliation",))], set()),
        ([SelectionLayer("a", ("ALL",), (), ("dcnf",)), SelectionLayer("b", None, ("dcnf/affiliation",))], {"dcnf/affiliation"}),
        ([SelectionLayer("a", ("dcnf", "*/logo"))], set()),
    ],
)
def test_named_rules(layers: list[SelectionLayer], named: set[str]) -> None:
    assert named_rules(layers, ["dcnf/logo", "dcnf/affiliation", "kff-health-news/affiliation"]) == named
