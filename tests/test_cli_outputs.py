"""Output formats through the command line: --format, --output, auto, GitHub's job summary, and the
thresholds pipelines use (--max-warnings, --require-pack)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES, TAGLINE_PACK, write


def test_several_formats_from_one_run(cli: Any, tmp_path: Path) -> None:
    sarif, junit = tmp_path / "out" / "report.sarif", tmp_path / "report.xml"
    sarif.parent.mkdir()
    run = cli("check", "--format", "json", "--output", f"sarif={sarif}", "--output", f"junit={junit}", "samples/dcnf/")
    findings = sum(len(f["findings"]) for f in run.json()["files"])
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert len(results) == findings == 8
    from junitparser import JUnitXml

    failures = sum(1 for suite in JUnitXml.fromfile(str(junit)) for case in suite for r in case.result if r._tag == "failure")
    assert failures == findings
    assert not list((tmp_path / "out").glob(".*.tmp")), "reports are written through a temporary file and renamed"
    assert run.code == 1


def test_auto_format_uses_workflow_commands_in_github_actions(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("check", "--format", "auto", "samples/dcnf/no-logo.html")
    assert run.out.startswith("::error file=samples/dcnf/no-logo.html,line=")
    assert ",title=dcnf/logo::The Daily Caller News Foundation logo is missing from the article." in run.out
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n")
    assert "dcnf/logo" in text


def test_auto_format_is_text_elsewhere(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    run = cli("check", "--format", "auto", "--no-color", "samples/dcnf/no-logo.html")
    assert run.out.startswith("samples/dcnf/no-logo.html  [dcnf]\n")


def test_bad_output_argument_is_a_user_error(cli: Any) -> None:
    run = cli("check", "--output", "pdf=report.pdf", "samples/dcnf/no-logo.html")
    assert (run.code, run.err) == (
        2,
        "syndcheck: error: unknown output format 'pdf' — one of text, json, jsonl, concise, sarif, junit, github, gitlab, html, github-summary\n",
    )


def test_max_warnings(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "house.yaml", TAGLINE_PACK)
    base = ("check", "--rules", str(pack), "--pack", "house", str(SAMPLES / "dcnf" / "compliant-static.html"), str(SAMPLES / "dcnf" / "no-logo.html"))
    assert cli(*base).code == 0
    assert cli(*base, "--max-warnings", "2").code == 0
    assert cli(*base, "--max-warnings", "1").code == 1


def test_require_pack_fails_documents_no_pack_applies_to(cli: Any) -> None:
    assert cli("check", "samples/negative/daily-caller-citation.html").code == 0
    run = cli("check", "--require-pack", "--format", "json", "samples/negative/daily-caller-citation.html")
    assert run.code == 1
    assert run.json()["files"][0]["notices"][0]["code"] == "no-pack"


def test_parallel_jobs_give_the_same_results_in_the_same_order(cli: Any, tmp_path: Path) -> None:
    for n in range(30):
        source = sorted((SAMPLES / "dcnf").glob("*.html"))[n % 8]
        write(tmp_path, f"batch/{n:02}-{source.name}", source.read_bytes())
    sequential = cli("check", "--jobs", "1", "--format", "json", str(tmp_path / "batch"))
    parallel = cli("check", "--jobs", "2", "--format", "json", str(tmp_path / "batch"))
    assert parallel.out == sequential.out
    assert [f["path"] for f in parallel.json()["files"]] == sorted(f["path"] for f in parallel.json()["files"])
    assert parallel.code == sequential.code == 1


def test_timing_reports_parse_detection_and_each_rule_on_stderr(cli: Any) -> None:
    run = cli("check", "--timing", "--format", "json", "samples/dcnf/no-logo.html", "samples/dcnf/compliant-static.html")
    *lines, reason = run.err.splitlines()
    assert reason == "exit 1: 1 error"
    assert lines[0].split() == ["step", "total", "ms", "mean", "ms", "files"]
    steps = {line.rsplit(None, 3)[0].strip(): int(line.split()[-1]) for line in lines[1:] if line.strip() and not line.startswith(("pack", "dcnf", "common"))}
    assert steps["parse"] == 2 and steps["detect (all packs)"] == 2 and steps["rule dcnf/logo"] == 2
    assert any(line.startswith("dcnf ") for line in lines[lines.index("") + 2 :])
    assert json.loads(run.out)["files"][0]["path"] == "samples/dcnf/no-logo.html"


def test_explain_detection_names_the_markers_that_fired(cli: Any) -> None:
    run = cli("check", "--explain-detection", "--no-color", "samples/dcnf/no-logo.html", "samples/negative/daily-caller-citation.html")
    lines = run.out.splitlines()
    dcnf = lines[lines.index("samples/dcnf/no-logo.html  [dcnf]") + 1]
    assert dcnf.startswith("  detection: dcnf applied, confidence 1.00 (license-paragraph")
    negative = lines[lines.index("samples/negative/daily-caller-citation.html  [no pack]") + 1]
    assert negative.startswith("  detection: no markers of ") and "dcnf" in negative


def test_json_lines_stream_one_object_per_file_in_order(cli: Any) -> None:
    run = cli("check", "--format", "jsonl", "samples/dcnf/no-logo.html", "samples/dcnf/compliant-static.html")
    lines = [json.loads(line) for line in run.out.splitlines()]
    assert [(o["version"], o["path"], [f["rule"] for f in o["findings"]]) for o in lines] == [
        (1, "samples/dcnf/no-logo.html", ["dcnf/logo"]),
        (1, "samples/dcnf/compliant-static.html", []),
    ]
    assert run.code == 1


def test_json_lines_can_also_be_written_to_a_file(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    run = cli("check", "--output", f"jsonl={out}", "--no-color", "samples/dcnf/no-logo.html", "samples/dcnf/compliant-static.html")
    assert [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "samples/dcnf/no-logo.html",
        "samples/dcnf/compliant-static.html",
    ]
    assert run.out.startswith("samples/dcnf/no-logo.html  [dcnf]")


# -- try-out 8: a report that cannot be written to stdout ----------------------------------------

COMPLIANT = SAMPLES / "dcnf" / "republished.txt"
UNWRITTEN = (
    "syndcheck: error: cannot write the report to stdout: {why}"
    " — check where stdout goes (a full disk, a closed stream), or write the report to a file with --output FORMAT=FILE\n"
)
# A command without --output (only `check` has it) names nothing it does not offer.
UNWRITTEN_NO_OUTPUT = "syndcheck: error: cannot write the report to stdout: {why} — check where stdout goes (a full disk, a closed stream)\n"


def _unwritten(args: Sequence[str], why: str) -> str:
    return (UNWRITTEN if args[0] == "check" else UNWRITTEN_NO_OUTPUT).format(why=why)


def _syndcheck(*args: str, stdout: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compliance", *args], stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("check", "-f", "json"), ("check", "-o", "json=-", "-q"), ("rules", "list")])
def test_a_full_disk_behind_stdout_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _syndcheck(*args, *([str(COMPLIANT)] if args[0] == "check" else []), stdout=full)
    assert (result.returncode, result.stderr) == (2, _unwritten(args, "No space left on device"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_audits_closing_line_kept_from_stdout_names_its_reports_not_output_options(tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason="the audit extra: pip install -e '.[audit]'")
    (tmp_path / "originals").mkdir()
    (tmp_path / "originals" / "story.html").write_bytes((SAMPLES / "dcnf" / "compliant-static.html").read_bytes())
    (tmp_path / "saved").mkdir()
    # A page to audit: a run that read none fails before its closing line (a source gave nothing).
    (tmp_path / "saved" / "copy.html").write_bytes((SAMPLES / "dcnf" / "compliant-static.html").read_bytes())
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: out/\n", encoding="utf-8")
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _syndcheck("audit", str(tmp_path / "audit.yaml"), stdout=full)
    expected = (
        "syndcheck: error: cannot write the audit's closing line to stdout: No space left on device"
        " — check where stdout goes (a full disk, a closed stream); its reports are written in its output folder\n"
    )
    assert (result.returncode, result.stderr) == (2, expected)
    assert (tmp_path / "out" / "report.json").is_file()


@pytest.mark.parametrize(
    ("argv", "why"),
    [
        # Started with stdout closed (`syndcheck check a.html >&-`): Python has no sys.stdout.
        (["sh", "-c", '"$0" "$@" >&-', sys.executable, "-m", "compliance"], "stdout is closed"),
        # Closed while it runs: writing fails with EBADF.
        ([sys.executable, "-c", "import os, sys; os.close(1); from compliance.cli import main; sys.exit(main(sys.argv[1:]))"], "Bad file descriptor"),
    ],
)
def test_a_closed_stdout_is_one_line_and_exit_2(argv: list[str], why: str) -> None:
    result = subprocess.run([*argv, "check", str(COMPLIANT)], stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False)
    assert (result.returncode, result.stderr) == (2, UNWRITTEN.format(why=why))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_stderr_changes_neither_the_report_nor_the_exit_code(tmp_path: Path, jobs: str) -> None:
    # `syndcheck check … 2>&-` (a hook runner that drops stderr): the lines meant for stderr go
    # nowhere, but the report, the --output files and the exit code are those of a run with it open.
    batch = [str(SAMPLES / "dcnf" / "no-logo.html"), str(COMPLIANT), *map(str, sorted((SAMPLES / "dcnf").glob("*.html"))[:8])]
    runs = {}
    for closed in (False, True):
        report = tmp_path / f"report-{closed}.json"
        argv = [sys.executable, "-m", "compliance", "check", "--jobs", jobs, "-o", f"json={report}", *batch]
        command = ["sh", "-c", '"$0" "$@" 2>&-', *argv] if closed else argv
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        runs[closed] = (result.returncode, result.stdout, json.loads(report.read_text(encoding="utf-8"))["summary"])
        if closed:
            assert result.stderr == ""
    assert runs[True] == runs[False]
    assert runs[True][0] == 1 and "dcnf/logo" in runs[True][1]


def _with_reader_gone(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run syndcheck with stdout a pipe whose reader has already gone (`| head -c 0`): every write fails with EPIPE."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "compliance", *args], stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env, check=False)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("fmt", ["text", "concise", "jsonl", "json", "sarif", "junit", "github", "gitlab", "html"])
def test_a_reader_that_went_away_is_one_line_and_exit_2_in_every_format(fmt: str) -> None:
    # A batch with a finding (exit 1 if reported) and a clean file (exit 0): neither may stand in
    # for a report that nobody received. Streamed formats fail at the first file, the others at the end.
    batch = [str(SAMPLES / "dcnf" / "no-logo.html"), str(COMPLIANT), str(SAMPLES / "dcnf" / "compliant-static.html")]
    result = _with_reader_gone(["check", "--format", fmt, *batch])
    assert (result.returncode, result.stderr) == (2, UNWRITTEN.format(why="Broken pipe"))


@pytest.mark.parametrize("args", [["rules", "list"], ["rules", "explain", "dcnf/logo"], ["packs"], ["check", "-o", "json=-", "-q", str(COMPLIANT)]])
def test_a_reader_that_went_away_is_one_line_and_exit_2_for_every_report(args: list[str]) -> None:
    result = _with_reader_gone(args)
    assert (result.returncode, result.stderr) == (2, _unwritten(args, "Broken pipe"))


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_reader_that_leaves_in_the_middle_of_a_report_is_one_line_and_exit_2(unbuffered: str) -> None:
    # `syndcheck check -f sarif a.html | head -c 1`: the reader takes a byte of a report larger
    # than the pipe holds and leaves. Unbuffered (PYTHONUNBUFFERED=1, as CI images often set it)
    # Python would drop the rest of that write unannounced and the run would end green.
    import os
    import threading

    read_end, write_end = os.pipe()
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}

    def read_one_byte_and_leave() -> None:
        os.read(read_end, 1)
        os.close(read_end)

    reader = threading.Thread(target=read_one_byte_and_leave)
    reader.start()
    try:
        command = [sys.executable, "-m", "compliance", "check", "--format", "sarif", str(COMPLIANT)]
        result = subprocess.run(command, stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env, check=False)
    finally:
        os.close(write_end)
        reader.join()
    assert (result.returncode, result.stderr) == (2, UNWRITTEN.format(why="Broken pipe"))


def test_a_report_whose_last_bytes_cannot_be_written_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # What is still buffered when the command ends is written before the run says how it went:
    # left to the interpreter's exit, the failure would be "Exception ignored" and exit 120.
    import errno
    import io

    from compliance.cli import main

    class ReaderGoneAtTheEnd(io.StringIO):
        name = "<stdout>"

        def flush(self) -> None:
            if self.getvalue():
                raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    stdout = ReaderGoneAtTheEnd()
    monkeypatch.setattr(sys, "stdout", stdout)

    def command_that_writes_without_flushing(argv: object) -> int:  # as `print` does
        stdout.write("report\n")
        return 0

    monkeypatch.setattr("compliance.cli._run", command_that_writes_without_flushing)
    code = main(["rules", "list"])
    assert (code, capsys.readouterr().err) == (2, UNWRITTEN.format(why="Broken pipe"))
    assert sys.stdout is stdout, "the caller's stdout is left as it was"


def test_a_report_written_to_a_file_needs_no_stdout(tmp_path: Path) -> None:
    result = _syndcheck("check", "-q", "-o", f"json={tmp_path / 'r.json'}", str(COMPLIANT), stdout=subprocess.DEVNULL)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["summary"]["checked"] == 1


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "junit", "github", "gitlab", "concise", "html"])
def test_a_pack_named_twice_is_applied_and_listed_once_in_every_format(cli: Any, fmt: str) -> None:
    # As the HTTP API applies a pack named in its query and its payload once.
    articles = [str(SAMPLES / "dcnf" / "no-logo.html"), str(SAMPLES / "dcnf" / "compliant-static.html")]
    once = cli("check", "--pack", "dcnf", "--format", fmt, *articles)
    twice = cli("check", "--pack", "dcnf", "--pack", "dcnf,dcnf", "--format", fmt, *articles)
    assert (twice.code, twice.out) == (once.code, once.out)
    if fmt == "json":
        assert [entry["packs"] for entry in json.loads(twice.out)["files"]] == [["dcnf"], ["dcnf"]]
    if fmt == "text":
        assert "[dcnf, dcnf]" not in twice.out
        assert "[dcnf]" in twice.out


@pytest.mark.parametrize(
    ("names", "code", "successful"),
    [
        (["story.html"], 0, True),
        (["no-logo.html"], 1, True),  # findings are what the run is for
        (["story.html", "empty.html"], 0, True),  # a skipped file is a note: the rest was checked
        (["empty.html"], 2, False),  # nothing checked
        (["story.html", "gone.html"], 2, False),  # a document that could not be read
    ],
)
def test_sarif_says_the_execution_failed_exactly_when_the_run_exits_2_or_3(cli: Any, tmp_path: Path, names: list[str], code: int, successful: bool) -> None:
    # A consumer that reads only the log (a code-scanning upload) must learn from it that the
    # results are incomplete: SARIF's executionSuccessful follows the exit code.
    write(tmp_path, "story.html", (SAMPLES / "dcnf" / "compliant-static.html").read_bytes())
    write(tmp_path, "no-logo.html", (SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    write(tmp_path, "empty.html", b"")
    (tmp_path / "gone.html").symlink_to(tmp_path / "deleted.html")  # a link to a story since deleted
    run = cli("check", "--format", "sarif", *(str(tmp_path / name) for name in names))
    assert run.code == code, run.err
    assert json.loads(run.out)["runs"][0]["invocations"][0]["executionSuccessful"] is successful


def test_a_file_outside_the_working_directory_has_one_absolute_name_however_it_is_given(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "articles" / "story.html"
    story.parent.mkdir()
    story.write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "inside.html").write_bytes((SAMPLES / "dcnf" / "no-logo.html").read_bytes())
    monkeypatch.chdir(tmp_path / "site")
    uri = "file://" + str(story.resolve())
    runs = {name: cli("check", "-f", "sarif", name).json()["runs"][0] for name in ("../articles/story.html", str(story))}
    for run in runs.values():
        (result,) = run["results"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": uri}
    prints = {name: run["results"][0]["partialFingerprints"] for name, run in runs.items()}
    assert prints["../articles/story.html"] == prints[str(story)]
    (issue,) = cli("check", "-f", "gitlab", "../articles/story.html").json()
    assert issue["location"]["path"] == str(story.resolve())
    assert cli("check", "-f", "github", "../articles/story.html").out.startswith(f"::error file={story.resolve()},line=122,")
    # A file inside, named by way of `..`, is named from inside.
    back = cli("check", "-f", "sarif", "../site/inside.html").json()["runs"][0]["results"][0]
    assert back["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "inside.html", "uriBaseId": "%SRCROOT%"}


# -- a report stdout cannot take: the --output files are written all the same --------------------

# A batch large enough for --jobs 2 to use workers, with findings (exit 1 when reported).
BATCH = str(SAMPLES / "dcnf")
UNWRITTEN_BUT_FILES = (
    "syndcheck: error: cannot write the report to stdout: {why} — check where stdout goes (a full disk, a closed stream); the --output {written}\n"
)


def _files_written(folder: Path, outputs: dict[str, str]) -> str:
    names = ", ".join(str(folder / file) for file in outputs.values())
    return f"files were written: {names}" if len(outputs) > 1 else f"file was written: {names}"


def _as_written(folder: Path, outputs: dict[str, str], *args: str, stdout: Any, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `check` with each `--output FORMAT=FILE` of `outputs` (format: file name in `folder`;
    `-`: stdout), from the checkout (the formats name files relative to the working directory)."""
    import os

    options = [f"--output={name}={file if file == '-' else folder / file}" for name, file in outputs.items()]
    command = [sys.executable, "-m", "compliance", "check", *options, *args]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=environment, check=False)


def _contents(folder: Path, names: Sequence[str]) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in names}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The --output files of a run whose stdout works, in every format (made once)."""
    folder = tmp_path_factory.mktemp("reference")
    outputs = {name: f"r.{name}" for name in ("sarif", "junit", "json", "jsonl", "gitlab", "html", "github-summary")}
    run = _as_written(folder, outputs, BATCH, stdout=subprocess.DEVNULL)
    assert run.returncode == 1, run.stderr
    return folder


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["text", "concise", "jsonl", "json", "sarif", "junit", "github", "gitlab", "html"])
def test_a_full_disk_behind_stdout_leaves_every_output_file_written_whole(tmp_path: Path, reference: Path, fmt: str, jobs: str) -> None:
    # A CI step that logs the text report and keeps SARIF and JUnit files: stdout fails at its
    # first write (streamed formats) or at the end (whole-run formats), in every case the whole
    # batch is checked for the files, which are those of a run with a working stdout.
    outputs = {"sarif": "r.sarif", "junit": "r.junit"}
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _as_written(tmp_path, outputs, "--jobs", jobs, "--format", fmt, BATCH, stdout=full)
    assert (result.returncode, result.stderr) == (2, UNWRITTEN_BUT_FILES.format(why="No space left on device", written=_files_written(tmp_path, outputs)))
    assert _contents(tmp_path, list(outputs.values())) == _contents(reference, list(outputs.values()))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["r.junit", "r.sarif"], "no temporary file is left"


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    ("fmt", "outputs"),
    [
        ("text", {"json": "r.json"}),
        ("jsonl", {"gitlab": "r.gitlab", "html": "r.html"}),
        ("sarif", {"jsonl": "r.jsonl", "junit": "r.junit", "github-summary": "r.github-summary"}),
    ],
)
def test_a_reader_that_went_away_leaves_every_output_file_written_whole(tmp_path: Path, reference: Path, fmt: str, outputs: dict[str, str], jobs: str) -> None:
    result = _with_reader_gone(["check", *(f"-o{name}={tmp_path / file}" for name, file in outputs.items()), "--jobs", jobs, "-f", fmt, BATCH])
    assert (result.returncode, result.stderr) == (2, UNWRITTEN_BUT_FILES.format(why="Broken pipe", written=_files_written(tmp_path, outputs)))
    assert _contents(tmp_path, list(outputs.values())) == _contents(reference, list(outputs.values()))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_leaves_after_the_first_line_of_a_long_report_leaves_the_output_files_whole(tmp_path: Path, reference: Path, jobs: str) -> None:
    # `syndcheck check -o sarif=r.sarif samples/ | head -1`: the text report is far larger than a
    # pipe holds, so the run meets the reader's leaving in the middle of the batch.
    import os
    import threading

    read_end, write_end = os.pipe()
    first: list[bytes] = []

    def read_a_line_and_leave() -> None:
        with os.fdopen(read_end, "rb") as reader:
            first.append(reader.readline())

    reader = threading.Thread(target=read_a_line_and_leave)
    reader.start()
    batch = [str(SAMPLES / "dcnf"), str(SAMPLES / "propublica"), str(SAMPLES / "calmatters"), str(SAMPLES / "the-conversation")]
    try:
        result = _as_written(tmp_path, {"sarif": "r.sarif"}, "--jobs", jobs, *batch, stdout=write_end)
    finally:
        os.close(write_end)
        reader.join()
    assert (result.returncode, result.stderr) == (2, UNWRITTEN_BUT_FILES.format(why="Broken pipe", written=f"file was written: {tmp_path / 'r.sarif'}"))
    assert first[0].endswith(b"byline-replaced.txt  [dcnf]\n"), "the reader had the first line"
    with_stdout = _as_written(tmp_path, {"sarif": "whole.sarif"}, "--jobs", jobs, *batch, stdout=subprocess.DEVNULL)
    assert with_stdout.returncode == 1
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert sarif == json.loads((tmp_path / "whole.sarif").read_text(encoding="utf-8"))
    assert len({result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in sarif["runs"][0]["results"]}) > 10


@pytest.mark.parametrize(
    ("shell", "why"),
    [
        ('"$0" "$@" >&-', "stdout is closed"),  # started without stdout
        ('exec 9>/dev/null; "$0" "$@" >&9 9>&-', None),  # a working stdout: the near miss
    ],
)
def test_a_closed_stdout_leaves_the_output_file_written(tmp_path: Path, reference: Path, shell: str, why: str | None) -> None:
    command = ["sh", "-c", shell, sys.executable, "-m", "compliance", "check", "-o", f"gitlab={tmp_path / 'report.json'}", "-f", "json", BATCH]
    result = subprocess.run(command, stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False)
    if why is None:
        assert (result.returncode, result.stderr) == (1, "exit 1: 8 errors\n")
    else:
        assert (result.returncode, result.stderr) == (2, UNWRITTEN_BUT_FILES.format(why=why, written=f"file was written: {tmp_path / 'report.json'}"))
    assert (tmp_path / "report.json").read_bytes() == (reference / "r.gitlab").read_bytes()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_given_as_an_output_fails_and_the_other_output_files_are_written(tmp_path: Path, reference: Path) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _as_written(tmp_path, {"json": "-", "html": "page.html"}, "--jobs", "2", BATCH, stdout=full)
    assert (result.returncode, result.stderr) == (
        2,
        UNWRITTEN_BUT_FILES.format(why="No space left on device", written=f"file was written: {tmp_path / 'page.html'}"),
    )
    assert (tmp_path / "page.html").read_bytes() == (reference / "r.html").read_bytes()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("outputs", "instead"),
    [
        ({}, ", or write the report to a file with --output FORMAT=FILE; the job summary (GITHUB_STEP_SUMMARY) was written"),
        ({"sarif": "r.sarif"}, "; the --output file was written: {folder}/r.sarif, and so was the job summary (GITHUB_STEP_SUMMARY)"),
    ],
)
def test_the_github_job_summary_is_written_when_stdout_fails(tmp_path: Path, reference: Path, outputs: dict[str, str], instead: str) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _as_written(tmp_path, outputs, "-f", "github", BATCH, stdout=full, env={"GITHUB_STEP_SUMMARY": str(summary)})
    instead = instead.format(folder=tmp_path)
    expected = UNWRITTEN_NO_OUTPUT.format(why="No space left on device").removesuffix("\n") + f"{instead}\n"
    assert (result.returncode, result.stderr) == (2, expected)
    assert summary.read_bytes() == b"# Earlier step\n" + (reference / "r.github-summary").read_bytes()
    assert _contents(tmp_path, list(outputs.values())) == _contents(reference, list(outputs.values()))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_documents_own_error_is_said_before_the_lost_reports_line(tmp_path: Path, reference: Path) -> None:
    # The batch's errors are said as they are met; the last line is the one that says why exit 2.
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _as_written(tmp_path, {"junit": "r.junit"}, BATCH, str(tmp_path / "gone.html"), stdout=full)
    first, last = result.stderr.splitlines()
    assert first.startswith(f"syndcheck: error: {tmp_path / 'gone.html'}: no such file or directory — check the path")
    assert last + "\n" == UNWRITTEN_BUT_FILES.format(why="No space left on device", written=f"file was written: {tmp_path / 'r.junit'}")
    assert result.returncode == 2


def test_an_output_file_unwritable_after_stdout_failed_is_said_too(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Both failed: stdout's line (no file to point to), then the file's, and exit 2.
    import errno
    import io

    from compliance.cli import main
    from compliance.errors import InputError

    class FullDisk(io.StringIO):
        name = "<stdout>"

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_disk_too(path: Path, text: object, **_: object) -> None:
        raise InputError("cannot write report: No space left on device", path=str(path), hint="check the --output path")

    monkeypatch.setattr(sys, "stdout", FullDisk())
    monkeypatch.setattr("compliance.outputs.write_atomic", full_disk_too)
    code = main(["check", "-o", f"sarif={tmp_path / 'r.sarif'}", str(COMPLIANT)])
    assert (code, capsys.readouterr().err.splitlines()) == (
        2,
        [
            "syndcheck: error: cannot write the report to stdout: No space left on device — check where stdout goes (a full disk, a closed stream)",
            f"syndcheck: error: {tmp_path / 'r.sarif'}: cannot write report: No space left on device — check the --output path",
        ],
    )
