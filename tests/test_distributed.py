"""The core as a picklable function of (path, bytes): the shipped Dask example gives the same
reports as the command line, on a local multi-process scheduler."""

from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_bytes
from tests.conftest import ROOT, SAMPLES


def test_check_bytes_and_its_reports_pickle() -> None:
    path = "samples/dcnf/no-logo.html"
    report = check_bytes((path, (ROOT / path).read_bytes()))
    assert pickle.loads(pickle.dumps(report)) == report
    assert pickle.loads(pickle.dumps(check_bytes)) is check_bytes
    assert [f.rule for f in report.findings] == ["dcnf/logo"]


def test_dask_example_matches_the_cli(cli: Any) -> None:
    pytest.importorskip("dask.bag", reason="dask is in the audit extra (and so the test extra): pip install -e '.[audit]'")
    spec = importlib.util.spec_from_file_location("dask_check", ROOT / "docs" / "examples" / "dask_check.py")
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    reports = example.check_archive(SAMPLES / "dcnf", scheduler="processes", partitions=3)
    expected = {Path(f["path"]).name: sorted(x["rule"] for x in f["findings"]) for f in cli("check", "--format", "json", "samples/dcnf").json()["files"]}
    assert {Path(r.path).name: sorted(f.rule for f in r.findings) for r in reports} == expected
    assert [r.path for r in reports] == sorted(r.path for r in reports)


def test_benchmark_script_runs_and_explains_itself() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "--quick" in result.stdout and "--profile" in result.stdout
