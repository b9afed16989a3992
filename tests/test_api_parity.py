"""The Python API does what the command line does: detection among the packs it is given,
project configuration, the same errors, and the same JSON."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from compliance.api import PackError, check_html, load_packs
from tests.conftest import ROOT, SAMPLES, write

NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
GAZETTE = ROOT / "docs" / "examples" / "packs"


def _gazette_story(ending: str) -> str:
    body = "".join(f"<p>Paragraph {n}: the council approved the budget after a long debate.</p>" for n in range(6))
    return f"<html><body><article><h1>Budget</h1><p>By Ana Ruiz</p>{body}<p>{ending}</p></article></body></html>"


def test_loaded_packs_are_detected_among() -> None:
    packs = load_packs([GAZETTE])
    own = check_html(_gazette_story("This story first appeared in the Example Gazette."), packs=packs)
    assert own.packs == ("gazette",) and own.findings == ()
    dcnf = check_html(NO_LOGO, packs=packs)
    assert dcnf.packs == ("dcnf",)
    assert [f.rule for f in dcnf.findings] == ["dcnf/logo"]
    # Named, a pack is applied without detection.
    named = check_html(_gazette_story("The end."), packs=[p for p in packs if p.id == "gazette"], detect=False)
    assert [f.rule for f in named.findings] == ["gazette/credit-line"]


def test_configuration_applies(tmp_path: Path) -> None:
    config = write(tmp_path, ".syndcheck.yaml", "root: true\npacks: [dcnf]\nseverity:\n  dcnf/logo: warning\n")
    report = check_html(NO_LOGO, config=config)
    assert [(f.rule, f.severity.label) for f in report.findings] == [("dcnf/logo", "warning")]
    ignoring = write(tmp_path, "ignore.yaml", "root: true\nignore: [dcnf/logo]\n")
    assert check_html(NO_LOGO, config=ignoring).findings == ()


def test_unknown_ids_raise_the_command_lines_error(cli: Any) -> None:
    with pytest.raises(PackError) as raised:
        check_html(NO_LOGO, packs=["dcfn"])
    run = cli("check", "--pack", "dcfn", str(SAMPLES / "dcnf" / "no-logo.html"))
    assert run.err == f"syndcheck: error: {raised.value}\n"
    assert str(raised.value) == "unknown pack 'dcfn' — did you mean 'dcnf'?"


def test_unknown_selector_in_api_configuration_is_a_user_error(tmp_path: Path) -> None:
    config = write(tmp_path, "c.yaml", "root: true\nignore: [dcnf/lgo]\n")
    with pytest.raises(Exception, match="did you mean 'dcnf/logo'") as raised:
        check_html(NO_LOGO, config=config)
    assert type(raised.value).__name__ == "ConfigError"


def test_to_json_is_the_command_lines_json(cli: Any) -> None:
    path = "samples/dcnf/no-logo.html"
    report = check_html(NO_LOGO, path=path)
    line = cli("check", "--format", "jsonl", path).out
    assert report.to_json() == json.loads(line)
    document = cli("check", "--format", "json", path).json()
    assert {"version": document["version"], **document["files"][0]} == report.to_json()
    entry = report.to_json()
    assert entry["detections"] == [
        {"pack": d.pack, "confidence": d.confidence, "markers": list(d.markers), "applied": d.applied} for d in report.detections if d.markers
    ]
    assert set(entry) >= {"path", "checked", "packs", "findings", "passed", "notices", "detections"}


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", readme.split("### Python API", 1)[1].split("\n## ", 1)[0], re.DOTALL)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), {})
    assert printed.getvalue().splitlines()[-1] == "['dcnf']"
    assert printed.getvalue().startswith("dcnf/logo error 122:1 ")


def test_api_arguments_given_in_their_other_natural_shapes() -> None:
    """A str where a list is expected is one value; a wrong type or an empty choice is a clear error."""
    html = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    assert check_html(html, packs="dcnf").packs == ("dcnf",)
    examples = str(ROOT / "docs" / "examples" / "packs")
    assert {p.id for p in load_packs(examples)} == {p.id for p in load_packs([examples])} != {p.id for p in load_packs()}
    with pytest.raises(TypeError, match="the article must be str or bytes, got NoneType"):
        check_html(None)  # type: ignore[arg-type]
    with pytest.raises(PackError, match=r"packs=\[\] names no pack — give pack ids such as dcnf"):
        check_html(html, packs=[])
