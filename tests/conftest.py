"""Shared helpers: run the CLI in-process, locate the repository's samples and shared material."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_ed54357ff46486a8.txt"


@dataclass(frozen=True)
class Run:
    """The outcome of one CLI invocation."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """Call `syndcheck ARGS...` in-process and capture exit code, stdout and stderr."""
    monkeypatch.chdir(ROOT)

    def run(*args: str, stdin: bytes | None = None) -> Run:
        if stdin is not None:
            import io
            import sys

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def rule_ids(file_entry: dict[str, Any]) -> list[str]:
    """The sorted rule ids of one file's findings in the JSON output."""
    return sorted(f["rule"] for f in file_entry["findings"])


def failed_rules(report: Any) -> dict[str, str]:
    """Each failed rule of a `Report` with its detail (the 'why' line), or its message when it has none."""
    return {finding.rule: finding.detail or finding.message for finding in report.findings}


def passed_rules(report: Any) -> dict[str, str]:
    """Each passed rule of a `Report` with its evidence."""
    return {passed.rule: passed.evidence for passed in report.passed}


def assert_story_byline_beside_a_credited_theme_author(report: Any, editor: str, reporter: str) -> None:
    """A DCNF copy's verdict with a theme's author line naming `editor` above the story's own "By
    `reporter`" line: the byline check reads the story's line, and original-reporter, which reads
    every visible byline, fails on the theme's person credited beside the reporter (README,
    original-reporter)."""
    findings = failed_rules(report)
    assert set(findings) == {"dcnf/original-reporter"}
    assert f"{editor}, credited too, is not" in findings["dcnf/original-reporter"]
    assert passed_rules(report)["dcnf/byline"] == f"By {reporter}"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    """Write a file under tmp_path and return its path."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def original_byline_pack(tmp_path: Path) -> Any:
    """A one-rule pack `gz` (written under `tmp_path`) whose rule is an `original-byline` check
    with the message 'credit {names}': the reporters a byline credits, as its message names them."""
    from compliance.api import load_packs

    pack = tmp_path / "gz.yaml"
    pack.write_text(
        "id: gz\nname: G\npublisher: G\nterms_url: https://e.org\nas_of: 2024-05-01\nsummary: s\nrules:\n"
        "  - id: gz/rule\n    severity: error\n    message: 'credit {names}'\n    help: h\n    check: {original-byline: {}}\n",
        encoding="utf-8",
    )
    return next(p for p in load_packs(pack) if p.id == "gz")


def assert_pack_refused(cli: Any, pack: Path, line: int, fragment: str, hint: str) -> None:
    """A check with the pack file `pack` (`--rules`) stops before any article with exit 2 and one
    line naming `pack`'s file and `line`, what is wrong (`fragment`) and what to do (`hint`)."""
    run = cli("check", "--rules", str(pack), "samples/dcnf/no-logo.html")
    assert run.code == 2
    assert run.err.count("\n") == 1, run.err
    assert f"{pack.name}:{line}:" in run.err, run.err
    assert fragment in run.err
    assert hint in run.err


# A house pack whose only rule is a warning (a tagline the samples lack): for warning thresholds.
def settings_with_original(packs: Sequence[Any], kind: str, original: str | None, *, meta: dict[str, str] | None = None) -> Any:
    """`CheckSettings` for a copy `copy.KIND` checked with `packs` alone (no detection) against
    `original`, an HTML page read in place of the file its 'original' metadata key names; without
    an original, with `meta` (or none)."""
    from compliance.document import parse_document
    from compliance.engine import CheckSettings

    def load(wanted: str) -> Any:
        del wanted
        return parse_document(original or "", "html")

    return CheckSettings(
        packs=list(packs),
        path=f"copy.{kind}",
        auto_detect=False,
        meta={"original": "original.html"} if original else dict(meta or {}),
        load_original=load if original else None,
    )


# A line of "a"s ending in "b", on which `(a|a)+$` backtracks without end.
BACKTRACKS = "a" * 30 + "b"


def slow_marker_pack(pack_id: str = "slow", name: str = "Slow", marker: str = "credit", extra_markers: str = "") -> str:
    """A pack of one rule (`ID/byline`) whose detection marker `marker` backtracks without end on
    `BACKTRACKS`, so that its pattern runs past its time limit; `extra_markers` are more marker
    entries of the same list (YAML, indented four spaces)."""
    return f"""id: {pack_id}
name: {name}
publisher: {name} News
terms_url: https://example.org/terms
as_of: 2024-01-01
summary: s
detect:
  threshold: 1.0
  markers:
    - id: {marker}
      check: {{text: {{pattern: '(a|a)+$'}}}}
{extra_markers}
rules:
  - id: {pack_id}/byline
    severity: error
    message: m
    help: h
    check: {{byline: {{}}}}
"""


def slow_page(paragraphs: int = 300_000) -> bytes:
    """A DCNF page that is slow to read by its size: hundreds of thousands of paragraphs (6 MB),
    seconds to check."""
    body = "<p>Lawmakers met.</p>" * paragraphs
    return f"<!doctype html><html><body><div>By Jane Doe, Daily Caller News Foundation</div>{body}</body></html>".encode()


TAGLINE_PACK = (
    "id: house\nname: House\npublisher: Us\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
    "rules:\n  - id: house/tagline\n    severity: warning\n    message: Tagline missing.\n    help: Add it.\n"
    "    check: {text: {phrase: Thanks for reading the Gazette}}\n"
)


def slow_originals(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *, arrives: bool, seconds: float = 3.0) -> None:
    """Every original story fetched takes `seconds` to come, then is ProPublica's original page
    (`arrives`) or is not read ("no complete answer within 10 s", as a fetch past its own limit
    ends); fetched originals are kept under `tmp_path`. For the tests of a time limit that does
    not count the fetch of an original."""
    import time

    from compliance.errors import OriginalUnavailable
    from compliance.originals import OriginalReader

    page = (SAMPLES / "originals" / "propublica-original.html").read_bytes()

    def slow_download(self: OriginalReader, address: str) -> tuple[bytes, str, str]:
        time.sleep(seconds)
        if not arrives:
            raise OriginalUnavailable(f"{address}: no complete answer within {self.timeout:g} s")
        return page, "text/html", address

    monkeypatch.setattr(OriginalReader, "_download", slow_download)
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path / "fetched"))


def generated_code_pieces(cache_file: Path) -> dict[tuple[str | bytes, str], bytes | None] | None:
    """The pieces of the generated code's cache file (see `compliance.startup`), by key: each
    marshalled piece, or None for one whose checksum fails; None when the file's index is not
    whole (or the file is not of that form)."""
    import os

    from compliance import startup

    descriptor = os.open(cache_file, os.O_RDONLY)
    try:
        index = startup._read_index(descriptor)
        if index is None:
            return None
        made = startup._GeneratedCode()
        made.descriptor, made.pieces_start, made.stored = descriptor, *index
        return {key: made._piece(key) for key in made.stored}
    finally:
        os.close(descriptor)


def requires_shared(paths: Sequence[Path]) -> None:
    """Skip with a printed reason when ../shared is not beside the checkout."""
    for path in paths:
        if not path.exists():
            pytest.skip(f"{path} is missing: the shared/ folder must sit beside the checkout")


_CACHE_HOME = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    """Tests never read or write the user's caches or settings: the pack cache, fetched originals,
    pre-commit's environments, matplotlib's font cache and Chromium's profile go to a temporary
    folder, set before any test module is imported (some build an app, and so load packs, at import)."""
    import os
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="syndcheck-tests-"))
    config.stash[_CACHE_HOME] = home
    os.environ["XDG_CACHE_HOME"] = str(home / "cache")
    os.environ["SYNDCHECK_CACHE_DIR"] = str(home / "cache" / "syndcheck")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["MPLCONFIGDIR"] = str(home / "matplotlib")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the temporary caches."""
    import shutil

    home = config.stash.get(_CACHE_HOME, None)
    if home is not None:
        shutil.rmtree(home, ignore_errors=True)


# Property tests run at a fixed seed (the same examples on every run, so a red CI is reproducible);
# `HYPOTHESIS_PROFILE=release` draws fresh random examples for the longer run before a release.
def run_at_a_terminal(command: Sequence[str], env: dict[str, str]) -> tuple[int, str]:
    """Run `command` (from the checkout) with stdin, stdout and stderr on a pseudo-terminal, as an
    editor's shell or a CI runner that allocates one does: its exit code and all it wrote there."""
    import os
    import pty
    import subprocess

    controller, terminal = pty.openpty()
    run = subprocess.Popen(list(command), cwd=ROOT, stdin=terminal, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    written = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the run ended and closed the terminal
            break
        if not chunk:
            break
        written.append(chunk)
    os.close(controller)
    return run.wait(timeout=120), b"".join(written).decode("utf-8", "replace")


from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("default", derandomize=True)
_hypothesis_settings.register_profile("release", derandomize=False)
_hypothesis_settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "default"))
