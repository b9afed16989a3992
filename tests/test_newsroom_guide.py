"""docs/newsroom-guide.md, replayed: a newsroom copies the DCNF pack, adds a house rule, relaxes one
rule for its archive folder, tests its pack and checks its articles — without writing Python."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "newsroom-guide.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", GUIDE, re.DOTALL)


def _files() -> dict[str, str]:
    files = {}
    for _, body in BLOCKS:
        first, _, rest = body.partition("\n")
        match = re.match(r"^(?:# file: (\S+)|<!-- file: (\S+) -->)$", first)
        if match:
            files[match.group(1) or match.group(2)] = rest
    return files


def _appended_rule() -> str:
    (body,) = [body for _, body in BLOCKS if body.startswith("# append: house-rules/dcnf.yaml\n")]
    return body.partition("\n")[2]


@pytest.fixture
def ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ledger"
    for name, content in _files().items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    shutil.copy(ROOT / "rules" / "dcnf.yaml", root / "house-rules" / "dcnf.yaml")
    with (root / "house-rules" / "dcnf.yaml").open("a", encoding="utf-8") as pack:
        pack.write("\n" + _appended_rule())
    story = (root / "house-rules" / "tests" / "no-affiliation.html").read_text(encoding="utf-8")
    story = re.sub(r"<!-- (?:syndcheck-test|expect[^ ]*):[^>]*-->\n", "", story)
    for name in ("articles/2024/taliban-isis.html", "articles/archive/2019/energy-rule.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(story, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_guide_shows_every_file_it_lists() -> None:
    listed = {line.strip() for line in GUIDE.split("```text\nledger/\n", 1)[1].split("```", 1)[0].splitlines()}
    shown = set(_files()) | {"house-rules/dcnf.yaml", "articles/2024/taliban-isis.html", "articles/archive/2019/energy-rule.html"}
    assert listed == shown


def test_copying_the_pack_finds_its_file(cli: Any, ledger: Path) -> None:
    run = cli("packs", "--paths")
    paths = dict(line.split(" ", 1) for line in run.out.splitlines())
    assert Path(paths["dcnf"]).read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_house_pack_validates_and_its_fixtures_cover_every_rule(cli: Any, ledger: Path) -> None:
    valid = cli("rules", "validate", "house-rules/")
    assert (valid.code, valid.out) == (0, "house-rules/dcnf.yaml: ok (dcnf, 6 rules; replaces the built-in pack dcnf)\n")
    tested = cli("rules", "test", "house-rules/tests", "--rules", "house-rules", "--pack", "dcnf", "--coverage")
    assert tested.out == "3 fixtures, 0 mismatches, 0 coverage gaps\n"
    assert tested.code == 0


def test_archive_folder_gets_a_warning_and_current_stories_an_error(cli: Any, ledger: Path) -> None:
    run = cli("check", "--format", "json", "articles/")
    findings = {entry["path"]: [(f["rule"], f["severity"]) for f in entry["findings"]] for entry in run.json()["files"]}
    assert findings == {
        "articles/2024/taliban-isis.html": [("dcnf/affiliation", "error")],
        "articles/archive/2019/energy-rule.html": [("dcnf/affiliation", "warning")],
    }
    assert run.code == 1
    shown = cli("config", "show", "articles/archive/2019/energy-rule.html")
    assert "severity dcnf/affiliation: warning  [.syndcheck.yaml:5]" in shown.out
    assert "rules: " in shown.out and "house-rules" in shown.out


def test_inline_suppression_with_a_reason(cli: Any, ledger: Path) -> None:
    (comment,) = [body.strip() for kind, body in BLOCKS if kind == "html" and body.startswith("<!-- syndcheck-disable")]
    story = ledger / "articles" / "2024" / "taliban-isis.html"
    story.write_text(story.read_text(encoding="utf-8").replace("</article>", f"{comment.replace('permission-line', 'affiliation')}\n</article>"))
    run = cli("check", "--format", "json", str(story.relative_to(ledger)))
    assert run.json()["files"][0]["findings"] == []
    assert run.code == 0
