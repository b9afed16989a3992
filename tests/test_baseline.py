"""Baselines: known findings are not reported again, new ones are, fixed ones are "resolved"."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, slow_page


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for name in ("no-logo.html", "staff-byline.html", "compliant-static.html"):
        shutil.copy(SAMPLES / "dcnf" / name, root / name)
    monkeypatch.chdir(tmp_path)
    return root


def test_baseline_hides_known_findings_and_reports_new_and_resolved(cli: Any, archive: Path, tmp_path: Path) -> None:
    created = cli("baseline", "create", "--output", "baseline.json", "archive")
    assert (created.code, created.out) == (0, "2 findings recorded in baseline.json\n")
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["rule"]) for f in recorded["findings"]] == [("archive/no-logo.html", "dcnf/logo"), ("archive/staff-byline.html", "dcnf/byline")]

    clean = cli("check", "--baseline", "baseline.json", "--format", "json", "archive")
    assert clean.code == 0
    assert all(f["findings"] == [] for f in clean.json()["files"])
    assert clean.json()["baseline"] == {"file": "baseline.json", "known": 2, "resolved": [], "not_checked": []}

    # Lines move (the finding's fingerprint does not), one story is fixed, one breaks anew.
    no_logo = archive / "no-logo.html"
    no_logo.write_text("\n\n\n" + no_logo.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", archive / "staff-byline.html")
    shutil.copy(SAMPLES / "dcnf" / "hidden-logo.html", archive / "compliant-static.html")
    run = cli("check", "--baseline", "baseline.json", "--format", "json", "archive")
    findings = {f["path"]: [x["rule"] for x in f["findings"]] for f in run.json()["files"]}
    assert findings == {"archive/compliant-static.html": ["dcnf/logo"], "archive/no-logo.html": [], "archive/staff-byline.html": []}
    assert [(e["path"], e["rule"]) for e in run.json()["baseline"]["resolved"]] == [("archive/staff-byline.html", "dcnf/byline")]
    assert run.code == 1

    text = cli("check", "--baseline", "baseline.json", "--no-color", "archive")
    assert "baseline baseline.json: 1 known finding not shown, 1 resolved" in text.out
    assert "  resolved: archive/staff-byline.html  dcnf/byline  " in text.out


@pytest.mark.parametrize("named", ["archive/../archive/no-logo.html", "./archive/./no-logo.html", "archive//no-logo.html"])
def test_a_file_named_with_steps_back_is_the_file_the_baseline_records(cli: Any, archive: Path, tmp_path: Path, named: str) -> None:
    # One file, one name: the baseline, the report and every format's path and fingerprint.
    cli("baseline", "create", "--output", "baseline.json", "archive/no-logo.html")
    run = cli("check", "--baseline", "baseline.json", "--format", "json", named)
    assert (run.code, [(f["path"], f["findings"]) for f in run.json()["files"]]) == (0, [("archive/no-logo.html", [])])
    sarif = cli("check", "--format", "sarif", named).json()
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]] == ["archive/no-logo.html"]


def test_steps_back_after_a_link_to_a_folder_keep_the_name_given(cli: Any, archive: Path, tmp_path: Path) -> None:
    # "link/../story.html" climbs out of the link's target, not back out of the link: naming it
    # "story.html" would point the report at another file.
    elsewhere = tmp_path / "elsewhere" / "inner"
    elsewhere.mkdir(parents=True)
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", elsewhere.parent / "no-logo.html")
    (archive / "link").symlink_to(elsewhere, target_is_directory=True)
    run = cli("check", "--format", "json", "archive/link/../no-logo.html")
    assert [(f["path"], [x["rule"] for x in f["findings"]]) for f in run.json()["files"]] == [("archive/link/../no-logo.html", ["dcnf/logo"])]


@pytest.mark.parametrize(("field", "value"), [("path", "archive/gone.html"), ("rule", "dcnf/lgo"), ("path", "archive/staff-byline.html")])
def test_an_entry_whose_path_or_rule_was_edited_no_longer_hides_the_finding(cli: Any, archive: Path, tmp_path: Path, field: str, value: str) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    edited = next(entry for entry in recorded["findings"] if entry["path"] == "archive/no-logo.html")
    edited[field] = value
    (tmp_path / "baseline.json").write_text(json.dumps(recorded), encoding="utf-8")
    run = cli("check", "--baseline", "baseline.json", "--format", "json", "archive")
    findings = {f["path"]: [x["rule"] for x in f["findings"]] for f in run.json()["files"]}
    # The finding is shown again, and the edited entry is counted once, as resolved where it was
    # made to point (a file this run looked at, or one that is gone): never both hidden and resolved.
    # An entry naming a rule that did not run (no pack has `dcnf/lgo`) is not resolved by this run.
    assert findings["archive/no-logo.html"] == ["dcnf/logo"]
    assert run.json()["baseline"]["known"] == 1
    counted = "not_checked" if field == "rule" else "resolved"
    assert [(e["path"], e["rule"]) for e in run.json()["baseline"][counted]] == [(edited["path"], edited["rule"])]
    assert run.json()["baseline"]["resolved" if field == "rule" else "not_checked"] == []


def test_a_file_that_is_not_a_baseline_is_a_user_error(cli: Any, archive: Path, tmp_path: Path) -> None:
    (tmp_path / "bogus.json").write_text('{"files": []}', encoding="utf-8")
    run = cli("check", "--baseline", "bogus.json", "archive")
    assert (run.code, run.err) == (
        2,
        "syndcheck: error: bogus.json: not a syndcheck baseline: expected an object with 'version' and a 'findings' list"
        " — create one with 'syndcheck baseline create'\n",
    )


NOT_WRITTEN = " (syndcheck writes 64 lower-case hexadecimal digits)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # Hand-edited or merged baselines: the message points at the line to fix.
        ('{"version": 1,\n "findings": [\n  {"rule": "dcnf/logo"\n]}\n', "bogus.json:4:1: not a baseline file: expecting ',' delimiter"),
        # Nesting json would recurse through (a RecursionError at 2,000), refused at its bracket.
        ('{"version": 1, "findings": ' + "[" * 2000 + "]" * 2000 + "}", "bogus.json:1:91: not a baseline file: nested more than 64 arrays and objects deep"),
        ('{"version": 1, "findings": [], "x": NaN}', "bogus.json:1:37: not a baseline file: NaN is not a JSON value"),
        ('{"version": 1e999, "findings": []}', "bogus.json:1:13: not a baseline file: the number 1e999 is too large to read, it would be infinity"),
        # A key given twice is refused, as configuration files refuse it (json keeps the last silently).
        ('{"version": 1, "findings": [],\n "findings": []}', "bogus.json:2:2: duplicate key 'findings'"),
        (
            '{"version": 1,\n "findings": [\n  {"fingerprint": "' + "0" * 64 + '", "rule": "dcnf/logo", "path": "x.html"},\n'
            '  {"rule": 3, "path": "y.html"}\n]}\n',
            "bogus.json:4:3: baseline entry 2 needs text for 'fingerprint' and 'rule'",
        ),
        ('{"version": 1, "findings": ["dcnf/logo"]}', "bogus.json:1:29: baseline entry 1 needs text for 'fingerprint', 'rule' and 'path'"),
        ('{"version": 2, "findings": []}', "bogus.json:1:13: baseline version 2 is not one this syndcheck reads (1)"),
        # Python reads true and 1.0 as equal to 1; a baseline reader must not.
        ('{"findings": [],\n "version": true}', "bogus.json:2:13: baseline version true is not one this syndcheck reads (1)"),
        ('{"version": 1.0, "findings": []}', "bogus.json:1:13: baseline version 1.0 is not one this syndcheck reads (1)"),
        ('{"version": "1", "findings": []}', 'bogus.json:1:13: baseline version "1" is not one this syndcheck reads (1)'),
        ('{"findings": []}', "bogus.json: baseline version null is not one this syndcheck reads (1)"),
        ('\ufeff{"version": 1,\n "findings": [\n  {"rule": 3}\n]}', "bogus.json:3:3: baseline entry 1 needs text for 'fingerprint', 'rule' and 'path'"),
        # A fingerprint edited by hand (shortened, upper-cased, a stray character) would never match again.
        (
            '{"version": 1,\n "findings": [\n  {"fingerprint": "3f2a", "rule": "dcnf/logo", "path": "x.html"}\n]}',
            "bogus.json:3:3: baseline entry 1 has fingerprint '3f2a', which no finding can have" + NOT_WRITTEN,
        ),
        (
            '{"version": 1, "findings": [{"fingerprint": "' + "A" * 64 + '", "rule": "dcnf/logo", "path": "x.html"}]}',
            "bogus.json:1:29: baseline entry 1 has fingerprint '" + "A" * 64 + "', which no finding can have" + NOT_WRITTEN,
        ),
        (
            '{"version": 1, "findings": [{"fingerprint": "\\u001b[2J' + "0" * 60 + '", "rule": "dcnf/logo", "path": "x.html"}]}',
            "bogus.json:1:29: baseline entry 1 has fingerprint '\\x1b[2J" + "0" * 60 + "', which no finding can have" + NOT_WRITTEN,
        ),
        # An entry copied by hand with another path: the copy would take the first one's place,
        # and the finding the first one records would show as new.
        (
            '{"version": 1,\n "findings": [\n  {"fingerprint": "' + "0" * 64 + '", "rule": "dcnf/logo", "path": "x.html"},\n'
            '  {"fingerprint": "' + "0" * 64 + '", "rule": "dcnf/logo", "path": "y.html"}\n]}\n',
            "bogus.json:4:3: baseline entry 2 repeats the fingerprint of entry 1, which no two findings share",
        ),
    ],
)
def test_a_broken_baseline_is_located_at_line_and_column(cli: Any, archive: Path, tmp_path: Path, content: str, expected: str) -> None:
    (tmp_path / "bogus.json").write_text(content, encoding="utf-8")
    run = cli("check", "--baseline", "bogus.json", "archive")
    assert run.code == 2
    assert run.err.startswith(f"syndcheck: error: {expected} — "), run.err
    assert run.err.count("\n") == 1, run.err
    assert len(run.err.splitlines()) == 1


def test_a_deleted_files_findings_are_resolved_and_pruned(cli: Any, archive: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", other / "kept.html")
    assert cli("baseline", "create", "--output", "baseline.json", "archive", "elsewhere").code == 0
    # A story deleted from the archive (and one renamed): its findings will never be seen again.
    (archive / "staff-byline.html").unlink()
    (archive / "no-logo.html").rename(archive / "no-logo-renamed.html")
    run = cli("check", "--baseline", "baseline.json", "--format", "json", "archive")
    resolved = [(e["path"], e["rule"]) for e in run.json()["baseline"]["resolved"]]
    assert resolved == [("archive/no-logo.html", "dcnf/logo"), ("archive/staff-byline.html", "dcnf/byline")]
    text = cli("check", "--baseline", "baseline.json", "--no-color", "archive")
    assert "  resolved: archive/staff-byline.html  dcnf/byline  " in text.out
    pruned = cli("baseline", "prune", "--baseline", "baseline.json", "archive")
    assert pruned.out == "1 finding recorded in baseline.json (0 added, 2 removed)\n"
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    # The folder not looked at keeps its entries, even though this run did not check it.
    assert [(f["path"], f["rule"]) for f in recorded["findings"]] == [("elsewhere/kept.html", "dcnf/logo")]


def test_a_run_from_another_directory_resolves_nothing_it_did_not_look_at(cli: Any, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    (tmp_path / "sub").mkdir()
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", tmp_path / "sub" / "story.html")
    monkeypatch.chdir(tmp_path / "sub")
    pruned = cli("baseline", "prune", "--baseline", "../baseline.json", ".")
    assert pruned.out == "2 findings recorded in ../baseline.json (0 added, 0 removed)\n"
    assert pruned.err.startswith("syndcheck: warning: ../baseline.json: none of the 2 files this baseline records is found from the working directory")


def test_a_check_from_another_folder_warns_that_the_baseline_matched_nothing(cli: Any, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    before = (tmp_path / "baseline.json").read_bytes()
    monkeypatch.chdir(archive)
    run = cli("check", "--baseline", "../baseline.json", "--no-color", ".")
    assert run.code == 1  # the known findings are reported as new
    warning = (
        "syndcheck: warning: ../baseline.json: none of the 2 files this baseline records is found from the working directory, "
        "so it hid nothing: its paths are relative to the folder it was created in; run from that folder"
    )
    assert warning in run.err.splitlines()
    # An update from there would record every finding again under other paths: nothing is written.
    update = cli("baseline", "update", "--baseline", "../baseline.json", ".")
    assert update.code == 2
    assert update.err.splitlines()[-1] == f"syndcheck: error: {warning.removeprefix('syndcheck: warning: ')} — nothing was written"
    assert (tmp_path / "baseline.json").read_bytes() == before


def test_a_check_of_files_the_baseline_does_not_record_from_its_folder_does_not_warn(cli: Any, archive: Path, tmp_path: Path) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive/no-logo.html").code == 0
    run = cli("check", "--baseline", "baseline.json", "archive/staff-byline.html")
    assert run.code == 1
    assert "warning" not in run.err


# --- a baseline made from nothing is not written --------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "stdin", "reason"),
    [
        (["-"], b"", "exit 2: nothing checked: <stdin>: not checked: the file is empty — give an article (HTML, Markdown or plain text) on stdin"),
        (["-"], b"\xef\xbb\xbf", "exit 2: nothing checked: <stdin>: not checked: the file is empty — give an article (HTML, Markdown or plain text) on stdin"),
        (["/dev/null"], None, "exit 2: nothing checked: /dev/null: not checked: a character device, not a regular file"),
        (["desk"], None, "exit 2: nothing checked: all 2 documents were skipped (first: desk/"),
    ],
)
def test_a_baseline_create_that_checked_nothing_exits_2_and_writes_no_file(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paths: list[str], stdin: bytes | None, reason: str
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "empty.html").write_bytes(b"")
    (desk / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    monkeypatch.chdir(tmp_path)
    run = cli("baseline", "create", "--output", "baseline.json", *paths, stdin=stdin)
    assert run.code == 2, run.err
    assert run.out == ""
    assert run.err.splitlines()[-1].startswith(reason), run.err
    assert not (tmp_path / "baseline.json").exists()


def test_an_update_or_prune_that_checked_nothing_exits_2_and_leaves_the_baseline_as_it_was(cli: Any, archive: Path, tmp_path: Path) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    before = (tmp_path / "baseline.json").read_bytes()
    (tmp_path / "empty.html").write_bytes(b"")
    for mode in ("update", "prune"):
        run = cli("baseline", mode, "--baseline", "baseline.json", "empty.html")
        assert (run.code, run.out) == (2, ""), run.err
        assert run.err.splitlines()[-1] == (
            "exit 2: nothing checked: empty.html: not checked: the file is empty"
            " — write the article in it, or leave it out with --exclude or the config's exclude"
        )
        assert (tmp_path / "baseline.json").read_bytes() == before


def test_a_baseline_command_with_a_time_limit_records_what_it_checked_and_keeps_the_entries_of_a_page_past_it(cli: Any, archive: Path, tmp_path: Path) -> None:
    # A baseline is made of a check, and a page built to be slow must not hold the archive up
    # there either. Its findings are not known, so it is reported and the command exits 2; the
    # findings of the other articles are written all the same.
    (archive / "slow.html").write_bytes(slow_page())
    created = cli("baseline", "create", "--time-limit", "0.5", "--output", "baseline.json", "archive")
    assert (created.code, created.out) == (2, "2 findings recorded in baseline.json\n"), created.err
    assert created.err.splitlines() == [
        "syndcheck: error: archive/slow.html: not checked: the check took longer than 0.5 s (--time-limit)"
        " — raise --time-limit, or leave it out to check this document however long it takes",
        "exit 2: 1 document not checked (errors above)",
    ]
    # A story whose findings are recorded turns slow: a page that was not checked resolves none of
    # its entries, so pruning keeps them (as for a file that could not be read).
    shutil.copy(archive / "slow.html", archive / "no-logo.html")
    pruned = cli("baseline", "prune", "--time-limit", "0.5", "--baseline", "baseline.json", "archive")
    assert (pruned.code, pruned.out) == (2, "2 findings recorded in baseline.json (0 added, 0 removed)\n"), pruned.err
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["rule"]) for f in recorded["findings"]] == [("archive/no-logo.html", "dcnf/logo"), ("archive/staff-byline.html", "dcnf/byline")]
    # The option reads its value as check's does.
    refused = cli("baseline", "update", "--time-limit", "0", "--baseline", "baseline.json", "archive")
    assert refused.code == 2
    assert refused.err.startswith("syndcheck: error: Invalid value for '--time-limit': 0 is out of range; give 0.1 seconds or more"), refused.err


def test_a_key_given_twice_in_a_baseline_is_refused_with_why(cli: Any, archive: Path, tmp_path: Path) -> None:
    (tmp_path / "bogus.json").write_text('{"version": 1, "findings": [],\n "findings": []}', encoding="utf-8")
    for args in (("check", "--baseline", "bogus.json", "archive"), ("baseline", "update", "--baseline", "bogus.json", "archive")):
        run = cli(*args)
        why = "a JSON reader keeps only the last value; remove one of them"
        assert (run.code, run.err) == (2, f"syndcheck: error: bogus.json:2:2: duplicate key 'findings' — {why}\n")


def _baseline_rows(tmp_path: Path, name: str = "baseline.json") -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads((tmp_path / name).read_text(encoding="utf-8"))["findings"]]


BOTH = [("archive/no-logo.html", "dcnf/logo"), ("archive/staff-byline.html", "dcnf/byline")]
BYLINE = [("archive/staff-byline.html", "dcnf/byline")]


@pytest.mark.parametrize(
    ("options", "not_checked"),
    [
        (("--select", "dcnf/logo"), BYLINE),
        (("--ignore", "dcnf/byline"), BYLINE),
        (("--pack", "propublica"), BOTH),
        (("--select", "dcnf/affiliation"), BOTH),
    ],
    ids=["select-other-rule", "ignore-the-rule", "pack-of-another-publisher", "select-a-passing-rule"],
)
def test_a_known_finding_whose_rule_did_not_run_is_not_checked_not_resolved(
    cli: Any, archive: Path, tmp_path: Path, options: tuple[str, ...], not_checked: list[tuple[str, str]]
) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    run = cli("check", "--baseline", "baseline.json", "--format", "json", *options, "archive")
    assert run.json()["baseline"]["resolved"] == []
    assert [(e["path"], e["rule"]) for e in run.json()["baseline"]["not_checked"]] == not_checked
    text = cli("check", "--baseline", "baseline.json", "--no-color", *options, "archive")
    assert f"0 resolved, {len(not_checked)} not checked this run (rule did not run)" in text.out
    assert "  resolved:" not in text.out
    assert "  not checked: archive/staff-byline.html  dcnf/byline  " in text.out
    sarif = cli("check", "--baseline", "baseline.json", "--format", "sarif", *options, "archive").json()["runs"][0]
    assert [r for r in sarif["results"] if r.get("baselineState") == "absent"] == []
    assert [(e["uri"], e["rule"]) for e in sarif["properties"]["baselineNotChecked"]] == not_checked


@pytest.mark.parametrize(
    "config",
    ['severity:\n  dcnf/byline: "off"\n', "ignore: [dcnf/byline]\n", "select: [dcnf/logo]\n"],
    ids=["severity-off", "ignore", "select"],
)
@pytest.mark.parametrize("where", ["folder", "--config"])
def test_a_configuration_that_turns_the_rule_off_does_not_let_prune_or_update_forget_its_findings(
    cli: Any, archive: Path, tmp_path: Path, config: str, where: str
) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", archive / "new-story.html")
    settings = archive / ".syndcheck.yaml" if where == "folder" else tmp_path / "weak.yaml"
    settings.write_text(config, encoding="utf-8")
    given = () if where == "folder" else ("--config", str(settings))
    for mode in ("prune", "update"):
        changed = cli("baseline", mode, "--baseline", "baseline.json", *given, "archive")
        assert changed.out == "2 findings recorded in baseline.json (0 added, 0 removed, 1 kept: its rule did not run)\n", mode
        assert _baseline_rows(tmp_path) == BOTH
    settings.unlink()
    # With the configuration gone, the old violation is still known: the run stays green.
    again = cli("check", "--baseline", "baseline.json", "--format", "json", "archive")
    assert again.code == 0
    assert again.json()["baseline"]["known"] == 2


def test_a_rule_that_ran_and_no_longer_finds_is_resolved_whatever_else_was_left_out(cli: Any, archive: Path, tmp_path: Path) -> None:
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", archive / "staff-byline.html")
    run = cli("check", "--baseline", "baseline.json", "--format", "json", "--select", "dcnf/byline", "archive")
    assert [(e["path"], e["rule"]) for e in run.json()["baseline"]["resolved"]] == BYLINE
    # The logo rule did not run on no-logo.html: its finding is not checked, not resolved.
    assert [(e["path"], e["rule"]) for e in run.json()["baseline"]["not_checked"]] == [("archive/no-logo.html", "dcnf/logo")]
    sarif = cli("check", "--baseline", "baseline.json", "--format", "sarif", "--select", "dcnf/byline", "archive").json()["runs"][0]
    assert [(r["ruleId"], r["kind"]) for r in sarif["results"] if r.get("baselineState") == "absent"] == [("dcnf/byline", "pass")]
    (tmp_path / "byline-only.yaml").write_text("select: [dcnf/byline]\n", encoding="utf-8")
    pruned = cli("baseline", "prune", "--baseline", "baseline.json", "--config", "byline-only.yaml", "archive")
    assert pruned.out == "1 finding recorded in baseline.json (0 added, 1 removed, 1 kept: its rule did not run)\n"
    assert _baseline_rows(tmp_path) == [("archive/no-logo.html", "dcnf/logo")]
    # A deleted article's findings are resolved, whichever rules the run chose.
    (archive / "no-logo.html").unlink()
    gone = cli("check", "--baseline", "baseline.json", "--format", "json", "--select", "dcnf/byline", "archive")
    assert [(e["path"], e["rule"]) for e in gone.json()["baseline"]["resolved"]] == [("archive/no-logo.html", "dcnf/logo")]
    assert gone.json()["baseline"]["not_checked"] == []


def test_a_rule_not_checked_for_want_of_a_value_leaves_its_known_finding_not_checked() -> None:
    from compliance.baseline import BaselineFilter, entries_for
    from compliance.findings import Finding, Location, Notice, Report, Severity

    finding = Finding("dcnf/byline", Severity.ERROR, "The reporter is not credited.", "Credit the reporter.", Location(3))
    recorded = Report("a.html", packs=("dcnf",), findings=(finding,), evaluated_rules=frozenset({"dcnf/byline", "dcnf/logo"}))
    entries = {e.fingerprint: e for e in entries_for(recorded, "a.html")}
    # The same article again, the byline rule not checked (a notice says why): no finding, not run.
    unchecked = Notice("missing-meta", "rule dcnf/byline not checked: it needs the article's 'reporter'", ("dcnf/byline",))
    baseline = BaselineFilter(entries)
    baseline.apply(Report("a.html", packs=("dcnf",), notices=(unchecked,), evaluated_rules=frozenset({"dcnf/logo"})), "a.html")
    assert (baseline.resolved(), [e.rule for e in baseline.not_checked()], [e.rule for e in baseline.still_found()]) == ([], ["dcnf/byline"], ["dcnf/byline"])
    # The rule ran this time, and found nothing: resolved.
    ran = BaselineFilter(entries)
    ran.apply(Report("a.html", packs=("dcnf",), evaluated_rules=frozenset({"dcnf/byline"})), "a.html")
    assert ([e.rule for e in ran.resolved()], ran.not_checked(), ran.still_found()) == (["dcnf/byline"], [], [])


def test_the_engine_names_the_rules_that_ran_and_only_those() -> None:
    from compliance.engine import PAGE_RULES, check_bytes
    from compliance.findings import SUPPRESSION_RULES
    from compliance.packfiles import load_packs

    packs = load_packs()
    page = (SAMPLES / "dcnf" / "staff-byline.html").read_bytes()
    report = check_bytes(page, "html", packs, path="a.html")
    applied = {r.id for p in packs if p.id in report.packs for r in p.rules}
    assert "dcnf/byline" in report.evaluated_rules
    assert {*PAGE_RULES, *SUPPRESSION_RULES} <= report.evaluated_rules
    # Only rules of the packs that applied (and the built-in checks) ran.
    assert report.evaluated_rules <= applied | {*PAGE_RULES, *SUPPRESSION_RULES}
    off = check_bytes(page, "html", packs, path="a.html", severities={"dcnf/byline": None, "syndcheck/unused-suppression": None})
    assert "dcnf/byline" not in off.evaluated_rules
    assert "syndcheck/unused-suppression" not in off.evaluated_rules
    assert "dcnf/logo" in off.evaluated_rules
    # A page no pack applies to: only the suppression checks ran (and found nothing).
    plain = check_bytes(b"<p>Weather: sunny.</p>", "html", packs, path="b.html")
    assert (plain.packs, plain.evaluated_rules) == ((), frozenset(SUPPRESSION_RULES))


def test_a_folder_that_cannot_be_read_resolves_none_of_its_findings(cli: Any, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = archive / "locked"
    locked.mkdir()
    shutil.copy(SAMPLES / "dcnf" / "no-logo.html", locked / "story.html")
    assert cli("baseline", "create", "--output", "baseline.json", "archive").code == 0
    # The folder's permissions change: neither its list of files nor any file in it can be
    # looked at (whoever runs the test: root is refused here too). Its files may well be there.
    real_scandir, real_lstat = os.scandir, os.lstat

    def scandir(path: Any) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def lstat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if Path(path).parent.name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "lstat", lstat)
    run = cli("check", "--baseline", "baseline.json", "--format", "json", "archive")
    assert run.code == 2
    assert run.json()["baseline"]["resolved"] == []
    pruned = cli("baseline", "prune", "--baseline", "baseline.json", "archive")
    assert (pruned.code, pruned.out) == (2, "3 findings recorded in baseline.json (0 added, 0 removed)\n"), pruned.err
    # A file really gone from a folder that can be read is resolved as before.
    (archive / "no-logo.html").unlink()
    again = cli("check", "--baseline", "baseline.json", "--format", "json", "archive")
    assert [e["path"] for e in again.json()["baseline"]["resolved"]] == ["archive/no-logo.html"]


def test_a_baseline_whose_every_recorded_article_was_deleted_resolves_them_without_a_wrong_folder_warning(cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.html", "b.html"):
        shutil.copy(SAMPLES / "dcnf" / "no-logo.html", tmp_path / name)
    assert cli("baseline", "create", "--output", "base.json", ".").code == 0
    (tmp_path / "a.html").unlink()
    (tmp_path / "b.html").unlink()
    shutil.copy(SAMPLES / "dcnf" / "compliant-static.html", tmp_path / "ok.html")
    run = cli("check", "--baseline", "base.json", ".")
    assert run.code == 0, run.err
    assert "warning" not in run.err
    assert "2 resolved" in run.out + run.err
