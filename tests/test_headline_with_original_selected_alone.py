"""With the original story given and no `original_headline`, a headline rule that reads the
publisher's headline from metadata (`original-headline` with `source: metadata`) stands aside for
the rule that compares the original's own headline. Selected alone, it was silent: it is now told
as a rule not checked, naming the rule that compares instead, in every format, as the rule is told
when `original_headline` is given beside the original."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

COPY = (
    "<article><h1>Rates rise again</h1><p>This story was originally published by CalMatters. Sign up for their newsletters.</p>"
    "<p>By Dan Walters, CalMatters</p><p>SACRAMENTO — Insurers raised rates.</p></article>"
)
ORIGINAL = (
    '<html><head><link rel="canonical" href="https://calmatters.org/economy/2026/11/rates/"></head><body><article><h1>Rates rise</h1>'
    "<p>By Dan Walters, CalMatters</p><p>SACRAMENTO — Insurers raised rates.</p></article></body></html>"
)
LEFT_OUT = (
    "1 rule(s) not checked (calmatters/headline): the original story given is compared with instead (its own headline),"
    " by calmatters/original-headline, which was not selected: select calmatters/original-headline too"
)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "copy.html", COPY), write(tmp_path, "original.html", ORIGINAL)


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_the_rule_selected_alone_says_which_rule_compares_instead(cli: Any, tmp_path: Path, fmt: str) -> None:
    copy, original = _files(tmp_path)
    run = cli("check", "--format", fmt, "--select", "calmatters/headline", "--original", str(original), str(copy))
    assert run.code == 0
    assert LEFT_OUT in run.out


def test_json_lists_it_as_a_rule_not_checked(cli: Any, tmp_path: Path) -> None:
    copy, original = _files(tmp_path)
    run = cli("check", "--format", "json", "--select", "calmatters/headline", "--original", str(original), str(copy))
    (entry,) = run.json()["files"]
    notices = [n for n in entry["notices"] if n["code"] == "undecided"]
    assert [n["message"] for n in notices] == [LEFT_OUT]
    assert entry["findings"] == []


@pytest.mark.parametrize(
    "select",
    [
        ("--select", "calmatters/headline,calmatters/original-headline"),
        ("--select", "calmatters"),
        (),
    ],
)
def test_no_note_when_the_rule_comparing_instead_runs(cli: Any, tmp_path: Path, select: tuple[str, ...]) -> None:
    copy, original = _files(tmp_path)
    run = cli("check", "--format", "concise", *select, "--original", str(original), str(copy))
    assert "calmatters/original-headline The headline differs from the CalMatters original's" in run.out
    assert "which was not selected" not in run.out


def test_without_the_original_it_still_asks_for_the_headline(cli: Any, tmp_path: Path) -> None:
    copy, _ = _files(tmp_path)
    run = cli("check", "--format", "concise", "--select", "calmatters/headline", str(copy))
    assert "rule calmatters/headline not checked: it needs the headline CalMatters gave the story" in run.out
    assert "which was not selected" not in run.out


def _pack(tmp_path: Path, *, with_original_rule: bool) -> Path:
    rules = (
        "  - id: hz/kept-headline\n    severity: error\n    message: 'changed from {meta.original_headline}'\n    help: h\n"
        "    check: {original-headline: {source: metadata}}\n"
    )
    if with_original_rule:
        rules += "  - id: hz/same-headline\n    severity: error\n    message: 'changed'\n    help: h\n    check: {original-headline: {}}\n"
    head = "id: hz\nname: H\npublisher: H\nterms_url: https://e.org\nas_of: 2024-05-01\nsummary: s\nrules:\n"
    return write(tmp_path, "hz.yaml", head + rules)


def test_a_house_pack_names_its_own_rule(cli: Any, tmp_path: Path) -> None:
    copy, original = _files(tmp_path)
    pack = _pack(tmp_path, with_original_rule=True)
    run = cli("check", "--rules", str(pack), "--pack", "hz", "--format", "json", "--select", "hz/kept-headline", "--original", str(original), str(copy))
    (entry,) = run.json()["files"]
    said = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
    instead = "by hz/same-headline, which was not selected: select hz/same-headline too"
    assert said == [f"1 rule(s) not checked (hz/kept-headline): the original story given is compared with instead (its own headline), {instead}"]


def test_a_pack_with_no_rule_comparing_the_original_says_so(cli: Any, tmp_path: Path) -> None:
    copy, original = _files(tmp_path)
    pack = _pack(tmp_path, with_original_rule=False)
    run = cli("check", "--rules", str(pack), "--pack", "hz", "--format", "json", "--original", str(original), str(copy))
    (entry,) = run.json()["files"]
    said = [n["message"] for n in entry["notices"] if n["code"] == "undecided"]
    assert said == [
        "1 rule(s) not checked (hz/kept-headline): the original story given is compared with instead (its own headline), and no rule of the pack compares it"
    ]
    assert json.dumps(entry["findings"]) == "[]"
