"""The page-shape cases in tests/cases/, each checked through the CLI the way an editor runs it.

Every entry of tests/cases/cases.yaml is run with auto-detection and, when it names a pack, again
with that pack forced; the outcome is judged field by field (see the comment at the top of the
yaml). Names are compared as a reader sees them: NFKC, zero-width characters removed, spaces
collapsed, case ignored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

CASES_DIR = ROOT / "tests" / "cases"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((CASES_DIR / "cases.yaml").read_text(encoding="utf-8")) or {}
KNOWN_FIELDS = {"kind", "note", "pack", "auto", "errors", "passes", "names", "never", "any_finding", "not_passes"}


def _as_read(text: object) -> str:
    """Text as a reader compares it: NFKC, no zero-width characters, single spaces, lower case."""
    folded = unicodedata.normalize("NFKC", str(text or ""))
    folded = re.sub(r"[\u200b-\u200d\u2060\ufeff]", "", folded)
    return re.sub(r"\s+", " ", folded).strip().lower()


def shortfalls(spec: dict[str, Any], auto: dict[str, Any], forced: dict[str, Any] | None) -> list[str]:
    """What one file's JSON results (auto-detected, and with the case's pack forced) miss of the case's spec."""
    why: list[str] = []
    if "auto" in spec and sorted(auto.get("packs", [])) != sorted(spec["auto"]):
        why.append(f"auto-detection applied {sorted(auto.get('packs', []))}, want {sorted(spec['auto'])}")
    result = forced if spec.get("pack") else auto
    assert result is not None
    errors = {f["rule"] for f in result["findings"] if f["severity"] == "error"}
    reported = {f["rule"] for f in result["findings"]}
    passed = {p["rule"] for p in result["passed"]}
    why += [f"{rule} not reported as an error" for rule in spec.get("errors") or [] if rule not in errors]
    if spec.get("errors") == [] and errors:
        why.append(f"unexpected errors {sorted(errors)}")
    why += [f"{rule} does not pass" + (" (reported)" if rule in reported else "") for rule in spec.get("passes") or [] if rule not in passed]
    if spec.get("any_finding") and not result["findings"]:
        why.append("no finding at all (an error or a warning is expected)")
    why += [f"{rule} passes" for rule in spec.get("not_passes") or [] if rule in passed]
    evidence = " ".join(_as_read(p.get("evidence")) for p in result["passed"])
    why += [f"no passed evidence names {name!r}" for name in spec.get("names") or [] if _as_read(name) not in evidence]
    everything = _as_read(json.dumps(result, ensure_ascii=False))
    why += [f"{name!r} is read as a name" for name in spec.get("never") or [] if _as_read(name) in everything]
    return why


def test_every_case_names_an_input_and_only_known_fields() -> None:
    assert CASES, "tests/cases/cases.yaml has no entry"
    for name, spec in CASES.items():
        assert (CASES_DIR / name).is_file(), name
        assert set(spec) <= KNOWN_FIELDS, (name, set(spec) - KNOWN_FIELDS)
        assert set(spec) & {"auto", "errors", "passes", "names", "never", "any_finding", "not_passes"}, f"{name} expects nothing"


def test_the_judge_reports_each_kind_of_shortfall() -> None:
    result = {
        "packs": ["dcnf"],
        "findings": [{"rule": "dcnf/logo", "severity": "error", "message": "Senators Spar"}],
        "passed": [{"rule": "dcnf/byline", "evidence": "By Mara\u200b Quellin"}],
    }
    spec = {
        "auto": [],
        "errors": ["dcnf/byline"],
        "passes": ["dcnf/logo"],
        "names": ["mara quellin", "Odessa Brightwater"],
        "never": ["Senators Spar"],
        "not_passes": ["dcnf/byline"],
    }
    assert shortfalls(spec, result, None) == [
        "auto-detection applied ['dcnf'], want []",
        "dcnf/byline not reported as an error",
        "dcnf/logo does not pass (reported)",
        "dcnf/byline passes",
        "no passed evidence names 'Odessa Brightwater'",
        "'Senators Spar' is read as a name",
    ]
    assert shortfalls({"errors": []}, result, None) == ["unexpected errors ['dcnf/logo']"]
    assert shortfalls({"any_finding": True}, {**result, "findings": []}, None) == ["no finding at all (an error or a warning is expected)"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_case_holds(cli: Any, case: str) -> None:
    spec = CASES[case]
    path = str(Path("tests") / "cases" / case)
    auto_run = cli("check", "--format", "json", path)
    assert auto_run.code in (0, 1), auto_run.err
    forced = None
    if spec.get("pack"):
        forced_run = cli("check", "--format", "json", "--pack", spec["pack"], path)
        assert forced_run.code in (0, 1), forced_run.err
        forced = forced_run.json()["files"][0]
    assert shortfalls(spec, auto_run.json()["files"][0], forced) == []
