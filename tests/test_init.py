"""`syndcheck init`: what it writes works as written — the configuration loads and matches its
schema, and a new pack validates, matches the pack schema and passes `rules test` with one
passing and one failing fixture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from compliance.yamlsource import parse_yaml, plain
from tests.conftest import ROOT


def test_init_writes_a_commented_configuration_that_loads(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("init")
    assert run.code == 0
    assert run.out.splitlines()[0] == "wrote .syndcheck.yaml"
    text = (tmp_path / ".syndcheck.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# ignore: [common/wire-photo]" in text
    schema = json.loads((ROOT / "compliance" / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(plain(parse_yaml(text, ".syndcheck.yaml")), schema)
    shown = cli("config", "show", ".")
    assert "fail-on: error  [.syndcheck.yaml]" in shown.out
    again = cli("init")
    assert again.code == 2 and "will not overwrite existing files" in again.err


def test_init_pack_scaffolds_a_pack_that_validates_and_tests(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("init", "--pack", "example-gazette")
    assert run.code == 0
    assert "syndcheck rules test --rules rule-packs rule-packs/tests/example-gazette" in run.out
    pack = tmp_path / "rule-packs" / "example-gazette.yaml"
    text = pack.read_text(encoding="utf-8")
    schema_path = text.splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    schema = json.loads((pack.parent / schema_path).read_text(encoding="utf-8"))
    data = plain(parse_yaml(text, pack.name))
    data["as_of"] = str(data["as_of"])
    jsonschema.validate(data, schema)
    assert cli("rules", "validate", str(pack)).out == f"{pack.relative_to(tmp_path)}: ok (example-gazette, 1 rule)\n"
    tested = cli("rules", "test", "--rules", "rule-packs", "rule-packs/tests/example-gazette")
    assert (tested.code, tested.out) == (0, "2 fixtures, 0 mismatches\n")
    # Coverage is of the packs under test (those of --rules), not the built-in ones beside them.
    covered = cli("rules", "test", "--coverage", "--rules", "rule-packs", "rule-packs/tests/example-gazette")
    assert (covered.code, covered.out) == (0, "2 fixtures, 0 mismatches, 0 coverage gaps\n")
    # The failing fixture really fails: without its expectation, the finding is unexpected.
    failing = tmp_path / "rule-packs" / "tests" / "example-gazette" / "failing.html"
    failing.write_text(failing.read_text(encoding="utf-8").replace("<!-- expect: example-gazette/credit-line -->\n", ""), encoding="utf-8")
    assert cli("rules", "test", "--rules", "rule-packs", "rule-packs/tests/example-gazette").code == 1


def test_init_pack_refuses_a_bad_id(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("init", "--pack", "Example_Gazette")
    assert (run.code, run.err) == (2, "syndcheck: error: 'Example_Gazette' is not a pack id — use lower-case words joined by hyphens, e.g. example-gazette\n")
    assert not (tmp_path / "rule-packs").exists()


@pytest.mark.parametrize("pack_id", ["dcnf", "propublica", "common"])
def test_init_pack_refuses_a_built_in_packs_id_which_the_stub_would_replace(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pack_id: str) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("init", "--pack", pack_id)
    assert run.code == 2
    assert run.err == (
        f"syndcheck: error: '{pack_id}' is the id of a built-in pack, which a pack with that id replaces"
        f" — choose another id; a pack with 'extends: {pack_id}' builds on the built-in one (see docs/rule-packs.md)\n"
    )
    assert not (tmp_path / "rule-packs").exists()


def test_the_documented_commands_are_the_ones_tested() -> None:
    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    block = doc.split("## Starting a pack", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    assert block.splitlines() == [
        "syndcheck init --pack example-gazette",
        "syndcheck rules validate rule-packs/example-gazette.yaml",
        "syndcheck rules test --rules rule-packs rule-packs/tests/example-gazette",
    ]


@pytest.mark.parametrize("directory", [None, "initdir"])
def test_the_readme_says_where_init_pack_writes(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory: str | None) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `syndcheck init --pack NAME [--dir DIR]`"))
    said = re.findall(r"`(DIR/[^`]+)`", row)
    assert said == ["DIR/NAME.yaml", "DIR/tests/NAME/"]
    assert "DIR is `rule-packs` unless given" in row
    monkeypatch.chdir(tmp_path)
    run = cli("init", "--pack", "gazette", *(["--dir", directory] if directory else []))
    assert run.code == 0, run.err
    for path in said:
        written = tmp_path / path.replace("DIR", directory or "rule-packs").replace("NAME", "gazette")
        assert written.is_dir() if path.endswith("/") else written.is_file(), written
