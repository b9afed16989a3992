"""benchmarks/compare_revisions.py keeps working: it measures this checkout against a revision of
the repository on the benchmark corpus, and refuses a revision the repository does not have."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = ROOT / "benchmarks" / "compare_revisions.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_against_head_every_page_gets_both_sides_and_a_verdict() -> None:
    done = _run("HEAD", "--size", "20", "--rounds", "1", "--repeats", "1", "--limit", "15")
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if re.match(r"\| (wordpress|static|amp)/", line)]
    assert len(rows) == 12  # 3 layouts × 4 publishers
    assert all(re.search(r"\| [\d.]+× \|$", row) for row in rows)
    assert re.search(r"^median cost now ÷ then: [\d.]+× \([+-]\d+ %\)$", done.stdout, re.M)
    assert re.search(r"^at most 15 % more than HEAD: (met|not met|undecided: .*)$", done.stdout, re.M)


def test_a_revision_the_repository_lacks_is_one_line_and_exit_2() -> None:
    done = _run("no-such-revision-anywhere")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("compare_revisions: 'no-such-revision-anywhere': ")
