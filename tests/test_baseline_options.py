"""The baseline commands check the articles as `check` does, with its options that say what is
checked and how (`--meta`, `--select`, `--ignore`, `--pack`…): a baseline made for print copies or
for one pack is made as the check that reads it runs, and a finding is resolved only when its rule
ran again."""

from __future__ import annotations

import inspect
import json
import shutil
from pathlib import Path
from typing import Any, get_type_hints

import pytest

from compliance import cli as cli_module
from tests.conftest import SAMPLES


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for name in ("no-logo.html", "staff-byline.html", "compliant-static.html"):
        shutil.copy(SAMPLES / "dcnf" / name, root / name)
    shutil.copy(SAMPLES / "states-newsroom" / "print-copy.txt", root / "print-copy.txt")
    monkeypatch.chdir(tmp_path)
    return root


def recorded(tmp_path: Path, name: str = "baseline.json") -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads((tmp_path / name).read_text(encoding="utf-8"))["findings"]]


@pytest.mark.parametrize("command", ["create", "update", "prune"])
def test_each_baseline_command_takes_checks_options_from_the_same_definitions(command: str) -> None:
    check, baseline = cli_module.check, getattr(cli_module, f"baseline_{command}")
    check_hints, baseline_hints = get_type_hints(check, include_extras=True), get_type_hints(baseline, include_extras=True)
    check_defaults, baseline_defaults = inspect.signature(check).parameters, inspect.signature(baseline).parameters
    for name in cli_module.CheckOptions._fields:
        # One definition (an alias such as `MetaOption`, the same option object), not a copy that could drift.
        assert baseline_hints[name].__metadata__[0] is check_hints[name].__metadata__[0], name
        assert baseline_defaults[name].default == check_defaults[name].default, name
    # What only a report takes stays with `check`.
    assert not {"output_format", "fail_on", "max_warnings", "quiet", "statistics"} & set(baseline_defaults)


def test_a_baseline_of_copies_published_online_records_what_their_check_finds(cli: Any, archive: Path, tmp_path: Path) -> None:
    created = cli("baseline", "create", "--output", "baseline.json", "--meta", "medium=online", "archive")
    assert created.code == 0, created.err
    assert ("archive/print-copy.txt", "states-newsroom/link") in recorded(tmp_path)
    same = cli("check", "--baseline", "baseline.json", "--meta", "medium=online", "--format", "concise", "archive")
    # No finding: only the run's note of the rules not compared with an original.
    assert (same.code, [line.split(":")[0] for line in same.out.splitlines()]) == (0, ["note"])
    # Made without it, the link rule was not checked on the text copy: its finding is new.
    cli("baseline", "create", "--output", "print.json", "archive")
    assert ("archive/print-copy.txt", "states-newsroom/link") not in recorded(tmp_path, "print.json")
    online = cli("check", "--baseline", "print.json", "--meta", "medium=online", "--format", "concise", "archive")
    assert online.code == 1 and "archive/print-copy.txt:" in online.out and "states-newsroom/link" in online.out


def test_a_baseline_of_chosen_rules_records_only_their_findings(cli: Any, archive: Path, tmp_path: Path) -> None:
    created = cli("baseline", "create", "--output", "baseline.json", "--select", "dcnf/logo", "archive")
    assert (created.code, created.out) == (0, "1 finding recorded in baseline.json\n")
    assert recorded(tmp_path) == [("archive/no-logo.html", "dcnf/logo")]
    assert cli("check", "--baseline", "baseline.json", "--select", "dcnf/logo", "archive").code == 0
    # A check that runs more rules reports their findings as new ones.
    wider = cli("check", "--baseline", "baseline.json", "--format", "concise", "archive")
    assert wider.code == 1 and "dcnf/byline" in wider.out and "dcnf/logo" not in wider.out


def test_an_update_that_leaves_a_rule_out_keeps_its_findings_and_adds_only_what_ran(cli: Any, archive: Path, tmp_path: Path) -> None:
    cli("baseline", "create", "--output", "baseline.json", "--pack", "dcnf", "--select", "dcnf/logo", "--exclude", "*.txt", "archive")
    (archive / "compliant-static.html").write_text((SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8"), encoding="utf-8")
    updated = cli("baseline", "update", "--baseline", "baseline.json", "--pack", "dcnf", "--ignore", "dcnf/byline", "--exclude", "*.txt", "archive")
    assert updated.code == 0, updated.err
    assert sorted(recorded(tmp_path)) == [("archive/compliant-static.html", "dcnf/logo"), ("archive/no-logo.html", "dcnf/logo")]
    pruned = cli("baseline", "prune", "--baseline", "baseline.json", "--ignore", "dcnf/logo", "--exclude", "*.txt", "archive")
    # The logo rule did not run: its findings are not resolved, they stay.
    assert pruned.out == "2 findings recorded in baseline.json (0 added, 0 removed, 2 kept: their rules did not run)\n"


def test_a_baseline_command_refuses_a_bad_option_value_as_check_does(cli: Any, archive: Path, tmp_path: Path) -> None:
    for args in (["--meta", "medium=web"], ["--meta", "original_url=ftp://x"], ["--select", "nosuch/rule"]):
        made = cli("baseline", "create", "--output", "baseline.json", *args, "archive")
        checked = cli("check", *args, "archive")
        assert made.code == checked.code == 2, args
        assert made.err.splitlines()[0] == checked.err.splitlines()[0], args
        assert not (tmp_path / "baseline.json").exists()


def test_a_baseline_records_an_embargo_as_the_check_on_the_same_day_finds_it(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --today is one of check's options: a baseline made for a day records what check finds on it.
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLES / "propublica" / "embargoed-photo.html", tmp_path / "story.html")
    during = cli("baseline", "create", "--output", "during.json", "--today", "2026-12-05", "story.html")
    after = cli("baseline", "create", "--output", "after.json", "--today", "2100-01-01", "story.html")
    assert (during.code, after.code) == (0, 0), during.err + after.err
    assert ("story.html", "propublica/embargo") in recorded(tmp_path, "during.json")
    assert ("story.html", "propublica/embargo") not in recorded(tmp_path, "after.json")
