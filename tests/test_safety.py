"""Safe and exact in every pipeline: each attack and careless mistake, and what syndcheck does.

Output injection, reads that never end, workers that die, outputs onto inputs, and the user
errors that must be one line and exit 2 before any article is read (see docs/security.md).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.cms import CmsArticle, CmsProblem, read_payloads
from compliance.errors import InputError
from compliance.exitcodes import BUG
from compliance.inputs import TooLarge, read_bounded
from compliance.runner import Runner, RunOptions, RunStatus, chunk_size
from tests.conftest import SAMPLES, slow_originals, slow_page, write

COMPLIANT = (SAMPLES / "dcnf" / "compliant-static.html").read_bytes()
NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_bytes()
RAW_CONTROL = ("\x1b", "\x07", "\x85", "\u202e", "\r")


def _no_raw_control(text: str) -> None:
    assert not any(char in text for char in RAW_CONTROL), repr(text)


# --- output injection ---------------------------------------------------------------------------


def test_a_file_name_cannot_forge_a_workflow_command_or_a_terminal_sequence(cli: Any, tmp_path: Path) -> None:
    name = "story\n::add-mask::secret\x1b]8;;https:\u2215\u2215evil.example\x07.html"
    write(tmp_path, name, NO_LOGO)
    for output_format in ("text", "github"):
        run = cli("check", "--format", output_format, str(tmp_path))
        assert run.code == 1
        _no_raw_control(run.out + run.err)
        # Every command is an annotation on a file, or the run's notice of rules not compared with an original.
        ours = ("::error file=", "::warning file=", "::notice title=syndcheck/no-original::")
        forged = [line for line in run.out.splitlines() if line.startswith("::") and not line.startswith(ours)]
        assert forged == []
        # A workflow command's property carries the line break as %0A, which the runner decodes to
        # the file's real name; it never starts a line of its own.
        shown_break = "%0A" if output_format == "github" else "\\n"
        assert f"story{shown_break}::add-mask::secret\\x1b]8;;https:\u2215\u2215evil.example\\x07.html" in run.out.replace("%3A", ":")


def test_payload_ids_and_metadata_are_shown_escaped_in_text_and_on_stderr(cli: Any, tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        "desk.yaml",
        "id: desk\nname: Desk\npublisher: Desk\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: desk/logo\n    severity: error\n    message: '{meta.headline} needs a logo'\n    help: h\n"
        "    check: {element: {selector: 'img.desk-logo'}}\n",
    )
    payload = json.dumps({"id": "a\n::error::forged\x1b[2J", "html": "<p>text</p>", "headline": "Budget\x9b\u202e\x07"}) + "\n"
    run = cli("check", "--input-kind", "cms-json", "--rules", str(pack), "--pack", "desk", "-", stdin=payload.encode())
    assert run.code == 1
    _no_raw_control(run.out + run.err)
    assert "Budget\\x9b\\u202e\\x07 needs a logo" in run.out
    assert not any(line.startswith("::") for line in (run.out + run.err).splitlines())


def test_internal_error_messages_on_stderr_do_not_carry_raw_payload_ids(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom\n::error::forged")

    monkeypatch.setattr("compliance.runner.check_with", crash)
    payload = json.dumps({"id": "x\n::add-mask::y", "html": "<p>a</p>"}) + "\n"
    run = cli("check", "--format", "github", "--input-kind", "cms-json", "-", stdin=payload.encode())
    assert run.code == BUG
    assert not any(line.startswith("::") for line in run.err.splitlines())
    assert "x\\n::add-mask::y" in run.err and "boom\\n::error::forged" in run.err


# --- bounded, regular reads ----------------------------------------------------------------------


def test_devices_fifos_and_links_out_of_the_folder_are_skipped_with_a_notice(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    write(folder, "good.html", COMPLIANT)
    (folder / "zero.html").symlink_to("/dev/zero")
    (folder / "random.html").symlink_to("/dev/urandom")
    os.mkfifo(folder / "pipe.html")
    (folder / "root").symlink_to("/", target_is_directory=True)
    (folder / "inside").symlink_to(folder, target_is_directory=True)
    run = cli("check", "--format", "json", str(folder))
    files = {Path(f["path"]).name: f for f in run.json()["files"]}
    assert files["good.html"]["checked"] and files["good.html"]["packs"] == ["dcnf"]
    follow = " — give the link as a path to check what it leads to"
    zero = files["zero.html"]["notices"][0]["message"]
    assert zero == f"not checked: a symbolic link to a character device outside the directories given, not followed{follow}"
    assert files["random.html"]["notices"][0]["message"].startswith("not checked: a symbolic link to a character device")
    leave_out = "leave it out with --exclude or the config's exclude"
    assert files["pipe.html"]["notices"][0] == {"code": "skipped", "message": f"not checked: a FIFO (named pipe), not a regular file — {leave_out}"}
    assert files["root"]["notices"][0]["message"] == f"not checked: a symbolic link to a directory outside the directories given, not followed{follow}"
    assert files["inside"]["notices"][0]["message"] == "symbolic link loop, skipped — nothing to do: the folder it leads to is checked once"
    assert run.code == 0


@pytest.mark.parametrize("order", ["folder-first", "link-first"])
def test_a_link_out_of_the_folder_also_named_as_a_path_is_reported_once_as_named(cli: Any, tmp_path: Path, order: str) -> None:
    # The walk does not follow it; named as a path, it is followed: one entry, the check of what it leads to.
    folder = tmp_path / "desk"
    write(folder, "good.html", COMPLIANT)
    outside = write(tmp_path, "elsewhere/story.html", COMPLIANT)
    (folder / "linked.html").symlink_to(outside)
    link = str(folder / "linked.html")
    paths = [str(folder), link] if order == "folder-first" else [link, str(folder)]
    run = cli("check", "--format", "json", *paths)
    entries = [f for f in run.json()["files"] if Path(f["path"]).name == "linked.html"]
    assert len(entries) == 1
    assert entries[0]["checked"] and entries[0]["packs"] == ["dcnf"]
    assert run.code == 0


def test_a_link_that_loops_is_one_unreadable_file_not_a_crash(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    write(folder, "good.html", COMPLIANT)
    (folder / "self.html").symlink_to("self.html")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    run = cli("check", "--format", "json", str(folder))
    files = {Path(f["path"]).name: f for f in run.json()["files"]}
    assert files["good.html"]["packs"] == ["dcnf"]
    assert run.code == 2
    assert run.err.splitlines() == [
        f"syndcheck: error: {folder / 'self.html'}: cannot read file: a symbolic link that leads to no file (links in a loop) — fix or remove the link",
        "exit 2: 1 document not checked (errors above)",
    ]
    for args in (("--rules", str(tmp_path / "a.yaml")), ("--original", str(folder / "self.html")), ("--config", str(tmp_path / "a.yaml"))):
        refused = cli("check", *args, str(folder / "good.html"))
        assert refused.code == 2 and len(refused.err.splitlines()) == 1, (args, refused.err)
        # (--original reads through its own path and says it as the system does.)
        assert any(said in refused.err for said in ("(links in a loop)", "Too many levels of symbolic links")), (args, refused.err)
        assert "internal error" not in refused.err


def test_a_link_to_nothing_is_named_as_such(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    write(folder, "good.html", COMPLIANT)
    (folder / "gone.html").symlink_to("moved-away.html")
    run = cli("check", str(folder))
    assert run.code == 2
    assert run.err.splitlines() == [
        f"syndcheck: error: {folder / 'gone.html'}: cannot read file: a symbolic link that leads to no file (a link to nothing) — fix or remove the link",
        "exit 2: 1 document not checked (errors above)",
    ]


LEAVE_OUT = "leave it out with --exclude or the config's exclude"


def test_a_file_skipped_on_purpose_says_what_to_do_in_every_format_that_shows_its_note(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    write(folder, "long.html", NO_LOGO)  # over the --max-bytes given below
    write(folder, "logo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(folder, "terms.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    write(folder, "blank.md", b"\xef\xbb\xbf  \n")  # an editor's empty file: a byte-order mark and white space
    write(folder, "empty.txt", b"")
    write(folder, "ok.html", COMPLIANT)
    limit = str(len(COMPLIANT) + 1)
    sarif, junit = tmp_path / "r.sarif", tmp_path / "r.xml"
    run = cli("check", "--max-bytes", limit, "--format", "json", "-o", f"sarif={sarif}", "-o", f"junit={junit}", str(folder))
    assert run.code == 0
    notes = {Path(f["path"]).name: [n["message"] for n in f["notices"]] for f in run.json()["files"]}
    wanted = {
        "long.html": f"not checked: {len(NO_LOGO):,} bytes is more than --max-bytes {int(limit):,} — raise --max-bytes (or 0 for no limit) to check it",
        "logo.html": f"not checked: the file is a PNG image, not an article — {LEAVE_OUT}",
        "terms.html": f"not checked: the file is a PDF document, not an article — {LEAVE_OUT}",
        "blank.md": f"not checked: the file is empty — write the article in it, or {LEAVE_OUT}",
        "empty.txt": f"not checked: the file is empty — write the article in it, or {LEAVE_OUT}",
    }
    assert {name: notes[name] for name in wanted} == {name: [note] for name, note in wanted.items()}
    # A checked file's notes are as they were: no remedy for what was not skipped.
    assert notes["ok.html"] and not any(" — leave it out" in note or "raise --max-bytes" in note for note in notes["ok.html"])
    # The same line in the CI formats that show the note, and in the editor's text.
    sarif_text, junit_text = sarif.read_text(encoding="utf-8"), junit.read_text(encoding="utf-8")
    text = cli("check", "--max-bytes", limit, str(folder)).out
    for note in wanted.values():
        assert json.dumps(note, ensure_ascii=False) in sarif_text
        assert f'message="{note}"' in junit_text
        assert f"  note: {note}\n" in text


def test_the_library_notes_name_no_command_line_option() -> None:
    # The remedies name options of `syndcheck check`: a caller of the Python API (which the HTTP
    # API shares) gets the fact only, as before.
    from compliance.api import check_bytes

    for data, note in ((b"", "not checked: the file is empty"), (b"\x89PNG\r\n\x1a\n\x00", "not checked: the file is a PNG image, not an article")):
        report = check_bytes(("story.html", data))
        assert [n.message for n in report.notices] == [note]


def test_an_internal_error_ends_the_run_with_an_exit_3_line_and_is_not_counted_as_skipped(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance import runner

    real = runner.check_with

    def crash_on_some(data: Any, kind: Any, settings: Any) -> Any:
        if "crash" in Path(settings.path).name:
            raise RuntimeError("boom")
        return real(data, kind, settings)

    monkeypatch.setattr(runner, "check_with", crash_on_some)
    folder = tmp_path / "desk"
    write(folder, "crash-1.html", NO_LOGO)
    write(folder, "crash-2.html", COMPLIANT)
    write(folder, "empty.html", b"")
    write(folder, "story.html", NO_LOGO)
    run = cli("check", "--format", "json", str(folder))
    assert run.code == BUG
    assert run.err.splitlines()[-1] == "exit 3: 2 documents not checked (an internal error or a killed worker, above)"
    summary = run.json()["summary"]
    assert (summary["files"], summary["checked"], summary["skipped"], summary["internal_errors"]) == (4, 1, 1, 2)
    # The text summary line counts both among the files not checked.
    text = cli("check", str(folder))
    assert text.out.splitlines()[-1] == "1 file checked; 1 error; 3 not checked"
    alone = cli("check", str(folder / "crash-1.html"))
    assert alone.err.splitlines()[-1] == "exit 3: 1 document not checked (an internal error or a killed worker, above)"
    # A baseline run keeps check's closing line for exit 3, as for exit 2.
    baseline = cli("baseline", "create", "--output", str(tmp_path / "baseline.json"), str(folder))
    assert baseline.code == BUG
    assert baseline.err.splitlines()[-1] == "exit 3: 2 documents not checked (an internal error or a killed worker, above)"


def test_a_run_without_an_internal_error_counts_none_and_has_no_exit_3_line(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "empty.html", b"")
    write(tmp_path, "story.html", NO_LOGO)
    run = cli("check", "--format", "json", str(tmp_path))
    assert run.code == 1
    assert (run.json()["summary"]["skipped"], run.json()["summary"]["internal_errors"]) == (1, 0)
    assert not any(line.startswith("exit 3") for line in run.err.splitlines())


def test_a_device_or_fifo_given_by_name_is_skipped_not_read(cli: Any, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    run = cli("check", "--format", "json", "/dev/zero", str(fifo))
    notices = [f["notices"][0]["message"] for f in run.json()["files"]]
    # Named, not met in a walk: the remedy is not to name it (--exclude leaves named files alone).
    assert notices == [
        "not checked: a character device, not a regular file — leave it out of the paths given",
        "not checked: a FIFO (named pipe), not a regular file — leave it out of the paths given",
    ]


class _Endless(io.RawIOBase):
    """A stream that never ends, counting what was read from it."""

    def __init__(self) -> None:
        self.read_total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self.read_total += len(buffer)
        buffer[:] = b"x" * len(buffer)
        return len(buffer)


def test_reads_stop_at_the_limit_as_they_happen() -> None:
    stream = _Endless()
    with pytest.raises(TooLarge):
        read_bounded(stream, 1000)  # type: ignore[arg-type]
    assert stream.read_total == 1001


def test_max_bytes_applies_to_each_payload_and_reading_is_one_payload_at_a_time() -> None:
    big = json.dumps({"id": "big", "html": "<p>" + "x" * 5000 + "</p>"})
    small = json.dumps({"id": "small", "html": "<p>ok</p>"})
    stream = io.BytesIO(f"{small}\n{big}\n{small}\n".encode())
    payloads = read_payloads(stream, "s", max_bytes=1000)
    first = next(payloads)
    assert isinstance(first, CmsArticle) and first.name == "s#1 (small)"
    assert stream.tell() < 1000  # the rest of the stream is not read yet
    rest = list(payloads)
    assert rest[0] == CmsProblem("s#2", "line 2 is more than --max-bytes 1,000 bytes; not checked — raise --max-bytes (or 0 for no limit) to check it")
    assert isinstance(rest[1], CmsArticle) and rest[1].name == "s#3 (small)"


def test_a_lone_surrogate_in_one_payload_does_not_stop_the_batch(cli: Any) -> None:
    payload = '{"id": "a", "html": "<p>\\ud800 broken</p>"}\n' + json.dumps({"id": "b", "html": COMPLIANT.decode()}) + "\n"
    run = cli("check", "--input-kind", "cms-json", "--format", "json", "-", stdin=payload.encode())
    files = run.json()["files"]
    assert [f["checked"] for f in files] == [True, True]
    assert files[1]["packs"] == ["dcnf"]
    assert run.code == 0


def test_a_non_json_input_with_cms_json_is_one_line_and_exit_2(cli: Any, tmp_path: Path) -> None:
    page = write(tmp_path, "story.html", COMPLIANT)
    run = cli("check", "--input-kind", "cms-json", str(page))
    assert run.code == 2
    error, reason = run.err.splitlines()
    assert error.startswith(f"syndcheck: error: {page}: not JSON; it starts with '<")
    assert "without --input-kind" in error
    assert reason == "exit 2: 1 document not checked (errors above)"


@pytest.mark.parametrize(
    ("payload", "code", "said"),
    [
        # Starts as JSON, breaks further on: refused when read, after the inputs before it.
        ('{"html": "<p>x</p>",\n  bad}', "unreadable", "not JSON (Expecting property name"),
        # One object read whole, past --max-bytes (the first input's size, which it is within).
        (json.dumps({"id": "big", "html": COMPLIANT.decode() + "<p>" + "word " * 400 + "</p>"}, indent=1), "too-large", "the payload is more than --max-bytes"),
    ],
)
def test_a_payload_input_refused_whole_says_why_with_its_notice_and_the_batch_goes_on(cli: Any, tmp_path: Path, payload: str, code: str, said: str) -> None:
    good = write(tmp_path, "a.json", json.dumps({"id": "a", "html": COMPLIANT.decode()}))
    bad = write(tmp_path, "b.json", payload)
    run = cli("check", "--input-kind", "cms-json", "--format", "json", "--max-bytes", str(good.stat().st_size), str(good), str(bad))
    assert run.code == 2
    files = {f["path"]: f for f in run.json()["files"]}
    assert files[f"{good}#1 (a)"]["checked"] is True
    assert files[str(bad)]["checked"] is False
    assert [(n["code"], n["message"].startswith(f"not checked: {said}")) for n in files[str(bad)]["notices"]] == [(code, True)]
    assert run.err.splitlines()[-1] == "exit 2: 1 document not checked (errors above)"


@pytest.mark.parametrize("html_first", [True, False])
def test_a_non_json_input_anywhere_in_a_batch_is_refused_up_front_and_the_rest_is_checked(cli: Any, tmp_path: Path, html_first: bool) -> None:
    page = write(tmp_path, "story.html", COMPLIANT)
    stream = write(
        tmp_path, "outbox.jsonl", json.dumps({"id": "a", "html": COMPLIANT.decode()}) + "\n" + json.dumps({"id": "b", "html": COMPLIANT.decode()}) + "\n"
    )
    notes = write(tmp_path, "notes.txt", "\n\n   Lawmakers shelve rent plan\n")
    inputs = [str(page), str(stream), str(notes)] if html_first else [str(stream), str(notes), str(page)]
    run = cli("check", "--input-kind", "cms-json", "--format", "json", *inputs)
    assert run.code == 2
    errors = run.err.splitlines()
    # One line per refused input, in order, before any article is read; then why the run exits 2.
    refused = [path for path in inputs if path != str(stream)]
    assert [line.split(": not JSON; it starts with ")[0] for line in errors[:2]] == [f"syndcheck: error: {path}" for path in refused]
    starts = {str(page): "'<!doctype html>'", str(notes): "'Lawmakers shelve rent plan'"}
    assert [line.split(": not JSON; it starts with ")[1].split(" — ")[0] for line in errors[:2]] == [starts[path] for path in refused]
    assert errors[2:] == ["exit 2: 2 documents not checked (errors above)"]
    files = {f["path"]: f for f in run.json()["files"]}
    assert files[str(page)]["checked"] is False and files[str(notes)]["checked"] is False
    assert files[str(page)]["notices"][0]["code"] == "unreadable"
    checked = [f for f in files.values() if f["checked"]]
    assert [f["path"] for f in checked] == [f"{stream}#1 (a)", f"{stream}#2 (b)"]
    assert all(f["packs"] == ["dcnf"] for f in checked)


# --- workers that die ----------------------------------------------------------------------------


@contextlib.contextmanager
def _stories_with_one_that(folder: Path, monkeypatch: pytest.MonkeyPatch, *, stories: int, named: str, does: Callable[[], None]) -> Iterator[None]:
    """`stories` compliant stories in `folder`; the check of the one `named` first `does` (in the
    worker process that checks it). A hang fails the test instead of the suite."""
    for n in range(stories):
        write(folder, f"story-{n:02}.html", COMPLIANT)
    original = Runner.check

    def check(self: Runner, source: Any) -> Any:
        if source.path.endswith(named):
            does()
        return original(self, source)

    monkeypatch.setattr(Runner, "check", check)
    signal.alarm(120)
    try:
        yield
    finally:
        signal.alarm(0)


def _a_worker_killed_at(folder: Path, monkeypatch: pytest.MonkeyPatch, *, stories: int, killed: str) -> contextlib.AbstractContextManager[None]:
    """The worker process that checks `killed` is killed, as the system's out-of-memory killer would."""
    return _stories_with_one_that(folder, monkeypatch, stories=stories, named=killed, does=lambda: os.kill(os.getpid(), signal.SIGKILL))


def _never_ends() -> None:
    import time

    time.sleep(3600)


def test_a_killed_worker_is_an_internal_error_for_its_file_and_the_batch_completes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with _a_worker_killed_at(tmp_path, monkeypatch, stories=12, killed="story-05.html"):
        results = list(Runner(RunOptions()).run([str(tmp_path)], jobs=2))
    assert [Path(r.report.path).name for r in results] == [f"story-{n:02}.html" for n in range(12)]
    killed = results[5]
    assert killed.failure == "bug" and not killed.report.checked
    assert killed.report.notices[0].code == "internal-error"
    assert all(r.report.checked and r.report.packs == ("dcnf",) for i, r in enumerate(results) if i != 5)
    status = RunStatus()
    for result in results:
        status = status.add(result)
    assert status.exit_code() == BUG


def test_a_worker_killed_in_the_middle_of_its_chunk_loses_only_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Enough files that workers are handed several at once: the one killed is neither the first
    # nor the last of its chunk, and the files around it, lost with the worker, are checked again.
    assert chunk_size(60, 2) > 2
    with _a_worker_killed_at(tmp_path, monkeypatch, stories=60, killed="story-22.html"):
        results = list(Runner(RunOptions()).run([str(tmp_path)], jobs=2))
    assert [Path(r.report.path).name for r in results] == [f"story-{n:02}.html" for n in range(60)]
    assert [Path(r.report.path).name for r in results if r.failure] == ["story-22.html"]
    assert results[22].report.notices[0].code == "internal-error" and not results[22].report.checked
    assert all(r.report.checked and r.report.packs == ("dcnf",) for i, r in enumerate(results) if i != 22)


def test_a_worker_killed_while_it_sends_its_results_cannot_hang_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A message longer than PIPE_BUF reaches the pipe in several writes; a worker killed between
    # two (the out-of-memory killer) left the executor's reader waiting for the rest for ever, and
    # the run with it. Modelled here as the kernel allows: any message a worker sends that does
    # not fit one atomic write is cut in half and its worker killed. What a worker sends must fit,
    # larger results going through a file, so the run completes with every file checked.
    import select
    import struct
    import tempfile
    from multiprocessing.queues import SimpleQueue
    from multiprocessing.reduction import ForkingPickler

    parent, cut = os.getpid(), tmp_path / "cut"
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temporary"))
    (tmp_path / "temporary").mkdir()

    def put(queue: Any, item: Any) -> None:
        message = bytes(ForkingPickler.dumps(item))
        if os.getpid() != parent and len(message) + 4 > select.PIPE_BUF:
            cut.touch()
            os.write(queue._writer.fileno(), struct.pack("!i", len(message)) + message[: len(message) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        with queue._wlock:
            queue._writer.send_bytes(message)

    monkeypatch.setattr(SimpleQueue, "put", put)
    for n in range(60):
        write(tmp_path / "desk", f"story-{n:02}.html", NO_LOGO)  # each with findings: a chunk's results are kilobytes
    signal.alarm(120)
    try:
        results = list(Runner(RunOptions()).run([str(tmp_path / "desk")], jobs=2))
    finally:
        signal.alarm(0)
    assert [Path(r.report.path).name for r in results] == [f"story-{n:02}.html" for n in range(60)]
    assert all(r.report.checked and r.report.findings and not r.failure for r in results)
    assert not cut.exists()
    # The files the large results went through are gone with the run's folder.
    assert list((tmp_path / "temporary").iterdir()) == []


def test_a_killed_worker_says_what_happened_and_what_to_do_not_please_report(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with _a_worker_killed_at(tmp_path, monkeypatch, stories=10, killed="story-03.html"):
        run = cli("check", "--jobs", "2", "--format", "json", str(tmp_path))
    assert run.code == 3
    killed = str(tmp_path / "story-03.html")
    assert run.err.splitlines() == [
        f"syndcheck: error: {killed}: not checked: the worker process checking it was killed (by a signal, or by the system's out-of-memory killer)"
        " — check it again alone (--jobs 1), or give the run more memory; the run exits 3",
        "exit 3: 1 document not checked (an internal error or a killed worker, above)",
    ]
    files = {f["path"]: f for f in run.json()["files"]}
    assert files[killed]["checked"] is False and files[killed]["notices"][0]["code"] == "internal-error"
    assert sum(f["checked"] for f in files.values()) == 9
    # A crash is not a skip: the summary counts it apart, for a dashboard that reads only the summary.
    summary = run.json()["summary"]
    assert (summary["checked"], summary["skipped"], summary["internal_errors"]) == (9, 0, 1)


# --- documents that take too long ------------------------------------------------------------


# A page that takes about 10 s of CPU to check here (15 MB, under the default --max-bytes): past
# a limit of 1.5 s on a machine several times as fast.
SLOWER_PAGE = slow_page(700_000)


def test_a_document_past_the_time_limit_is_stopped_and_reported_and_the_batch_goes_on(cli: Any, tmp_path: Path) -> None:
    slow = write(tmp_path, "b-slow.html", SLOWER_PAGE)
    write(tmp_path, "a-story.html", COMPLIANT)
    write(tmp_path, "c-story.html", NO_LOGO)
    sarif = tmp_path.parent / "report.sarif"
    # The limit leaves the stories 30 times what they take, so that a loaded machine does not stop
    # them; the slow page takes several times the limit even on a fast one.
    run = cli("check", "--time-limit", "1.5", "--format", "json", "--output", f"sarif={sarif}", str(tmp_path))
    assert run.code == 2
    assert run.err.splitlines() == [
        f"syndcheck: error: {slow}: not checked: the check took longer than 1.5 s (--time-limit)"
        " — raise --time-limit, or leave it out to check this document however long it takes",
        "exit 2: 1 document not checked (errors above)",
    ]
    files = {Path(f["path"]).name: f for f in run.json()["files"]}
    assert list(files) == ["a-story.html", "b-slow.html", "c-story.html"]
    assert files["b-slow.html"]["checked"] is False
    assert files["b-slow.html"]["notices"] == [{"code": "time-limit", "message": "not checked: the check took longer than 1.5 s (--time-limit)"}]
    assert files["a-story.html"]["checked"] and files["a-story.html"]["findings"] == []
    assert [f["rule"] for f in files["c-story.html"]["findings"]] == ["dcnf/logo"]
    # In SARIF the document is a notification at the level of an unreadable one: it was not checked.
    (invocation,) = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["invocations"]
    assert [(n["descriptor"]["id"], n["level"]) for n in invocation["toolExecutionNotifications"] if n["descriptor"]["id"] != "no-original"] == [
        ("time-limit", "error")
    ]
    assert invocation["executionSuccessful"] is False


def test_with_a_time_limit_only_the_document_over_it_is_lost_from_its_workers_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A check that never ends in the middle of a chunk: the worker is stopped, the files around it
    # are checked again by the worker that takes its place, and the results keep their order.
    with _stories_with_one_that(tmp_path, monkeypatch, stories=40, named="story-17.html", does=_never_ends):
        # The story that never ends is stopped whatever the limit: a wide one spares the others
        # on a loaded machine.
        results = list(Runner(RunOptions(time_limit=3)).run([str(tmp_path)], jobs=2))
    assert [Path(r.report.path).name for r in results] == [f"story-{n:02}.html" for n in range(40)]
    assert [Path(r.report.path).name for r in results if r.failure] == ["story-17.html"]
    assert results[17].failure == "input" and results[17].report.notices[0].code == "time-limit"
    assert all(r.report.checked and r.report.packs == ("dcnf",) for i, r in enumerate(results) if i != 17)


@pytest.mark.parametrize("arrives", [True, False])
def test_with_a_time_limit_the_fetch_of_an_original_is_not_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arrives: bool) -> None:
    # An original slower to fetch than the whole time limit: the copy is still checked, with the
    # original when it arrives within the fetch's own limit, else with the note that says why not.
    url = "https://www.propublica.org/article/pipeline-weld-inspections-records"
    slow_originals(monkeypatch, tmp_path, arrives=arrives)
    copy = (SAMPLES / "originals" / "propublica-truncated.md").read_text(encoding="utf-8")
    folder = tmp_path / "stories"
    write(folder, "story.md", f"---\noriginal: {url}\n---\n{copy}")
    signal.alarm(120)
    try:
        (result,) = list(Runner(RunOptions(time_limit=2, allow_fetch=True)).run([str(folder)], jobs=1))
    finally:
        signal.alarm(0)
    assert result.report.checked
    unavailable = [n.message for n in result.report.notices if n.code == "original-unavailable"]
    if arrives:
        assert unavailable == [] and "propublica/fidelity" in [f.rule for f in result.report.findings]
    else:
        assert unavailable == [f"original story not read (the article's front matter names it): {url}: no complete answer within 10 s"]


@pytest.mark.parametrize(("page", "code", "expected"), [(COMPLIANT, 0, "1 file checked; no problems"), (SLOWER_PAGE, 2, "<stdin>  [not checked]")])
def test_stdin_is_checked_in_a_worker_under_a_time_limit(page: bytes, code: int, expected: str) -> None:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "compliance", "check", "--time-limit", "1.5", "-"], input=page, capture_output=True, timeout=120)
    assert run.returncode == code, run.stderr
    assert expected in run.stdout.decode()


def test_under_a_time_limit_no_document_pays_for_what_checks_build_on_first_use(tmp_path: Path) -> None:
    # The index of place names takes most of a second to build; the first document of each worker
    # (and of each worker that replaces a stopped one) was charged with it and stopped. In a fresh
    # process, as a run is: the test suite's own has built it long ago.
    import subprocess
    import sys

    for n in range(6):
        write(tmp_path, f"story-{n}.html", COMPLIANT)
    script = f"""
import dataclasses
from compliance.document import places
from compliance.runner import Runner, RunOptions

original = Runner.check

def check(self, source):
    built = places._gazetteer.cache_info().currsize
    return dataclasses.replace(original(self, source), messages=(f"built={{built}}",))

Runner.check = check
assert places._gazetteer.cache_info().currsize == 0
print(sorted({{m for r in Runner(RunOptions(time_limit=60)).run([{str(tmp_path)!r}], jobs=2) for m in r.messages}}))
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert run.stdout.strip() == "['built=1']", run.stderr


def test_a_worker_found_dead_when_it_is_handed_files_is_replaced_and_no_file_is_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Handing a chunk to a worker that died unseen (between chunks, or killed past the time limit
    # while this process was busy) fails: the chunk goes to the worker that takes its place.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    for n in range(30):
        write(tmp_path, f"story-{n:02}.html", COMPLIANT)
    submit = ProcessPoolExecutor.submit
    calls = []

    def failing_once(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(self)
        if len(calls) in (1, 4):  # the very first chunk, and one handed out later
            raise BrokenProcessPool("a child process terminated abruptly")
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", failing_once)
    signal.alarm(120)
    try:
        results = list(Runner(RunOptions()).run([str(tmp_path)], jobs=2))
    finally:
        signal.alarm(0)
    assert [Path(r.report.path).name for r in results] == [f"story-{n:02}.html" for n in range(30)]
    assert all(r.report.checked and not r.failure for r in results)


def test_a_run_stopped_by_sigterm_ends_its_workers_rather_than_waiting_for_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker may be minutes into a page (here: forever); waiting for it made SIGTERM to the main
    # process alone take as long as the page.
    import threading
    import time

    from compliance.errors import Terminated

    cancelled = threading.Event()

    def terminate_once_the_run_handles_it() -> None:
        # Sent only once the run has put in its handler: sent before (a slow start on a busy
        # machine), SIGTERM would end this test process itself.
        while signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
            if cancelled.wait(0.05):
                return
        if not cancelled.wait(1.0):  # the workers at their pages
            os.kill(os.getpid(), signal.SIGTERM)

    sender = threading.Thread(target=terminate_once_the_run_handles_it, daemon=True)
    with _stories_with_one_that(tmp_path, monkeypatch, stories=10, named="story-03.html", does=_never_ends):
        sender.start()
        started = time.monotonic()
        try:
            with pytest.raises(Terminated):
                list(Runner(RunOptions(time_limit=600)).run([str(tmp_path)], jobs=2))
        finally:
            cancelled.set()
            sender.join()
        assert time.monotonic() - started < 120


def test_ctrl_c_says_interrupted_and_exits_130(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: Runner, *args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Runner, "run", interrupted)
    run = cli("check", str(SAMPLES / "dcnf" / "no-logo.html"))
    assert run.code == 130
    assert run.err == "syndcheck: interrupted\n"


def test_a_time_limit_with_cms_payloads_is_refused(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "outbox.jsonl", json.dumps({"id": "a", "html": COMPLIANT.decode()}) + "\n")
    run = cli("check", "--input-kind", "cms-json", "--time-limit", "5", str(stream))
    assert run.code == 2
    assert run.err.splitlines() == [
        "syndcheck: error: --time-limit does not apply to --input-kind cms-json: a payload's articles are checked in this process"
        " — leave out --time-limit, or give the articles as files"
    ]


def test_the_watch_blames_a_stopped_worker_on_its_file_unless_it_had_moved_on(tmp_path: Path) -> None:
    import subprocess
    import time
    from multiprocessing.sharedctypes import RawValue

    from compliance.runner import _Watch

    for moved_on in (False, True):
        sleeper = subprocess.Popen(["sleep", "60"])
        checking, pid = RawValue("q", 5), RawValue("q", sleeper.pid)
        watch = _Watch(0.1, [checking], [pid], [RawValue("b", 0)])
        watch.stop_overdue()  # file 5 seen
        assert sleeper.poll() is None
        time.sleep(0.2)
        watch.stop_overdue()  # on it past the limit: stopped
        assert sleeper.wait(timeout=30) == -signal.SIGKILL
        if moved_on:
            checking.value = 6
        assert watch.culprit(0) == (-1 if moved_on else 5)
        assert watch.stopped == (set() if moved_on else {5})


def test_the_watch_does_not_count_a_fetch_of_an_original_but_stops_one_past_its_allowance(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import time
    from multiprocessing.sharedctypes import RawValue

    from compliance.runner import _Watch

    monkeypatch.setattr("compliance.originals.FETCH_ALLOWANCE", 1.0)
    sleeper = subprocess.Popen(["sleep", "60"])
    checking, pid, fetching = RawValue("q", 5), RawValue("q", sleeper.pid), RawValue("b", 0)
    watch = _Watch(0.2, [checking], [pid], [fetching])
    watch.stop_overdue()  # file 5 seen
    fetching.value = 1
    for _ in range(4):  # 0.6 s fetching, three times the limit: not counted
        time.sleep(0.15)
        watch.stop_overdue()
    assert sleeper.poll() is None
    fetching.value = 0
    watch.stop_overdue()
    assert sleeper.poll() is None  # the file's own time is still under the limit
    fetching.value = 1
    time.sleep(0.1)
    watch.stop_overdue()  # a fetch begins again
    time.sleep(1.1)
    watch.stop_overdue()  # past the fetch's allowance: stopped
    assert sleeper.wait(timeout=30) == -signal.SIGKILL
    assert watch.culprit(0) == 5 and watch.stopped == {5}


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, read from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError), open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    """Whether `pid` runs still (a zombie left for an init that does not reap counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_until(condition: Any, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _a_concise_run(tmp_path: Path, files: int, *, jobs: int, report: Path, stdout: int) -> Any:
    """A `check --jobs JOBS --format concise --output json=REPORT` process over a folder of `files`
    articles, half of them without the logo, started and not waited for."""
    import subprocess
    import sys

    desk = tmp_path / "desk"
    for n in range(files):
        write(desk, f"story-{n:04}.html", COMPLIANT if n % 2 else NO_LOGO)
    command = [sys.executable, "-m", "compliance", "check", "--jobs", str(jobs), "--format", "concise", "--output", f"json={report}", str(desk)]
    return subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, text=True)


@contextlib.contextmanager
def _a_parallel_run(tmp_path: Path) -> Iterator[tuple[Any, set[int], Path]]:
    """A `--jobs 2` run over enough articles that it is still checking when signalled; yields the
    process, its worker pids and where its report would go."""
    import subprocess

    report = tmp_path / "report.json"
    run = _a_concise_run(tmp_path, 1500, jobs=2, report=report, stdout=subprocess.DEVNULL)
    try:
        assert _wait_until(lambda: len(_children(run.pid)) >= 2, 60), "the workers never started"
        yield run, _children(run.pid), report
    finally:
        for pid in {run.pid} | _children(run.pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        run.wait()
        assert run.stderr is not None
        run.stderr.close()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finds worker processes through /proc")
def test_sigterm_to_the_main_process_alone_stops_its_workers_and_writes_no_report(tmp_path: Path) -> None:
    # A service manager, `timeout` or a CI runner signals the main process only, not its group.
    with _a_parallel_run(tmp_path) as (run, workers, report):
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=60)
        assert run.returncode == 128 + signal.SIGTERM
        assert err.splitlines()[-1] == "syndcheck: terminated"
        assert _wait_until(lambda: not any(_alive(pid) for pid in workers), 30), [pid for pid in workers if _alive(pid)]
        assert not report.exists()


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_run_in_one_process_stopped_by_sigterm_or_sighup_says_so_and_writes_no_report(tmp_path: Path, name: str) -> None:
    # `--jobs 1` (or a batch too small for workers): a CI runner's cancel or a closed terminal
    # ends it with its line and 128 + the signal's number, as it ends a run with workers.
    import subprocess

    number = getattr(signal, name)
    report = tmp_path / "report.json"
    run = _a_concise_run(tmp_path, 400, jobs=1, report=report, stdout=subprocess.PIPE)
    try:
        assert run.stdout is not None
        assert run.stdout.readline()  # checking: the first file's line is out
        run.send_signal(number)
        _, err = run.communicate(timeout=60)
    finally:
        with contextlib.suppress(OSError):
            run.kill()
    assert run.returncode == 128 + number
    assert err.splitlines()[-1] == "syndcheck: terminated"
    assert not report.exists()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finds worker processes through /proc")
def test_workers_end_when_their_main_process_is_killed_outright(tmp_path: Path) -> None:
    # SIGKILL runs no handler: the workers notice that their parent is gone.
    with _a_parallel_run(tmp_path) as (run, workers, _):
        run.kill()
        run.wait(timeout=60)
        assert _wait_until(lambda: not any(_alive(pid) for pid in workers), 30), [pid for pid in workers if _alive(pid)]


# --- inputs are never written --------------------------------------------------------------------


def test_output_onto_an_input_in_any_spelling_is_refused(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = write(tmp_path / "desk", "story.html", NO_LOGO)
    os.symlink(story, tmp_path / "link.html")
    os.link(story, tmp_path / "hard.html")
    monkeypatch.chdir(tmp_path)
    for spelling in ("desk/story.html", "./desk/../desk/story.html", str(story), "link.html", "hard.html"):
        for target in ("desk/story.html", "desk"):
            from compliance.cli import main

            code = main(["check", "--output", f"json={spelling}", target])
            assert code == 2, (spelling, target)
            assert story.read_bytes() == NO_LOGO


def test_a_failed_write_leaves_no_temporary_file(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = write(tmp_path, "story.html", COMPLIANT)

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    run = cli("check", "--output", f"json={tmp_path / 'report.json'}", str(story))
    assert run.code == 2
    assert "cannot write report: No space left on device" in run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.html"]


def test_an_output_onto_a_directory_is_refused_before_anything_is_checked(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.html", COMPLIANT)
    (tmp_path / "out").mkdir()
    run = cli("check", "--output", f"json={tmp_path / 'out'}", str(story))
    _one_line_exit_2(run, "out: is a directory, not a regular file; a report is written to a file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "story.html"]
    assert list((tmp_path / "out").iterdir()) == []


# --- the user-error contract ---------------------------------------------------------------------


def _one_line_exit_2(run: Any, *needles: str) -> None:
    assert run.code == 2, run.err
    assert run.out == ""
    assert len(run.err.splitlines()) == 1, run.err
    for needle in needles:
        assert needle in run.err


def test_an_unknown_pack_id_is_one_error_with_a_suggestion(cli: Any) -> None:
    _one_line_exit_2(cli("check", "--pack", "dcfn", "samples/dcnf"), "unknown pack 'dcfn'", "did you mean 'dcnf'?")


def test_a_configuration_error_is_one_error_before_any_article(cli: Any, tmp_path: Path) -> None:
    for n in range(3):
        write(tmp_path, f"story-{n}.html", COMPLIANT)
    write(tmp_path, ".syndcheck.yaml", "packs: [dcfn]\n")
    _one_line_exit_2(cli("check", str(tmp_path)), "unknown pack 'dcfn'", "did you mean 'dcnf'?")


def test_an_unknown_rule_id_in_the_configuration_is_an_error_with_a_suggestion(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "story.html", COMPLIANT)
    write(tmp_path, ".syndcheck.yaml", "severity:\n  dcnf/logoo: off\n")
    _one_line_exit_2(cli("check", str(tmp_path)), "unknown rule 'dcnf/logoo' under 'severity'", "did you mean 'dcnf/logo'?", ".syndcheck.yaml")


def test_a_folder_with_no_articles_is_an_error(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "notes.docx", b"x")
    _one_line_exit_2(cli("check", str(tmp_path)), "no articles found under this directory")


def _locked(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Folders whose entries cannot be listed, whoever runs the test (root reads any folder)."""
    real_scandir = os.scandir

    def scandir(path: Any) -> Iterator[os.DirEntry[str]]:
        # A folder given by its descriptor (shutil.rmtree's walk) is never one of `names`.
        if not isinstance(path, int) and Path(path).name in names:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_in_a_walk_is_reported_and_the_rest_is_checked(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a-story.html", NO_LOGO)
    write(tmp_path, "locked/story.html", COMPLIANT)
    write(tmp_path, "z/story.html", NO_LOGO)
    _locked(monkeypatch, "locked")
    sarif, junit = tmp_path / "r.sarif", tmp_path / "j.xml"
    run = cli("check", "--format", "json", "-o", f"sarif={sarif}", "-o", f"junit={junit}", str(tmp_path))
    assert run.code == 2
    lines = run.err.splitlines()
    assert lines == [
        f"syndcheck: error: {tmp_path / 'locked'}: cannot read directory: Permission denied — check its permissions, or leave it out",
        "exit 2: 1 document not checked (errors above)",
    ]
    files = {Path(f["path"]).relative_to(tmp_path).as_posix(): f for f in run.json()["files"]}
    assert sorted(files) == ["a-story.html", "locked", "z/story.html"]
    assert [f["rule"] for f in files["z/story.html"]["findings"]] == ["dcnf/logo"]
    assert files["locked"]["checked"] is False
    assert files["locked"]["notices"] == [{"code": "unreadable", "message": "not checked: cannot read directory: Permission denied"}]
    # Every report is written, and says the run was not whole.
    run_log = json.loads(sarif.read_text())["runs"][0]
    assert run_log["invocations"][0]["executionSuccessful"] is False
    assert any("cannot read directory" in n["message"]["text"] for n in run_log["invocations"][0]["toolExecutionNotifications"])
    assert "cannot read directory: Permission denied" in junit.read_text()


@pytest.mark.parametrize("form", ["concise", "text", "github", "gitlab", "junit", "jsonl"])
def test_an_unreadable_folder_is_in_every_format(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    # Reported as an unreadable file is: the one line on stderr in every format, and the
    # formats that list files that were not checked list it too.
    write(tmp_path, "ok/story.html", NO_LOGO)
    write(tmp_path, "locked/story.html", COMPLIANT)
    _locked(monkeypatch, "locked")
    run = cli("check", "--format", form, str(tmp_path))
    assert run.code == 2
    assert run.err.splitlines()[-1] == "exit 2: 1 document not checked (errors above)"
    assert "locked: cannot read directory: Permission denied" in run.err
    assert "ok/story.html" in run.out
    assert "dcnf/logo" in run.out


def test_an_unreadable_folder_given_is_reported_and_the_other_paths_checked(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "locked/story.html", COMPLIANT)
    story = write(tmp_path, "story.html", NO_LOGO)
    _locked(monkeypatch, "locked")
    run = cli("check", "--format", "concise", str(tmp_path / "locked"), str(story))
    assert run.code == 2
    assert f"{story}:" in run.out and "dcnf/logo" in run.out
    assert "locked: cannot read directory" in run.err
    # Alone, it is a run that could read nothing: exit 2, with the same one line.
    alone = cli("check", str(tmp_path / "locked"))
    assert alone.code == 2
    assert alone.err.splitlines()[-1] == "exit 2: 1 document not checked (errors above)"


def test_an_unreadable_folder_deep_in_a_parallel_walk_is_reported(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(10):
        write(tmp_path, f"desk/{index}.html", COMPLIANT)
    write(tmp_path, "desk/archive/2019/locked/story.html", COMPLIANT)
    _locked(monkeypatch, "locked")
    run = cli("check", "--jobs", "2", "--format", "json", str(tmp_path))
    assert run.code == 2
    summary = run.json()["summary"]
    assert (summary["files"], summary["checked"]) == (11, 10)


def test_a_folder_in_a_walk_that_is_readable_or_empty_changes_nothing(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "ok/story.html", COMPLIANT)
    (tmp_path / "empty").mkdir()
    write(tmp_path, "notes/readme.docx", b"x")
    run = cli("check", str(tmp_path))
    assert (run.code, run.err) == (0, "")
    _one_line_exit_2(cli("check", str(tmp_path / "notes")), "no articles found under this directory")
    missing = cli("check", str(tmp_path / "missing"))
    assert missing.code == 2 and missing.err.splitlines()[0].endswith(
        "missing: no such file or directory — check the path (directories are searched for .html, .htm, .xhtml, .txt, .text, .md, .markdown)"
    )


def test_rules_test_reports_an_unreadable_folder_of_fixtures(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "fixtures/ok.html", NO_LOGO.decode().replace("<body>", "<body><!-- expect: dcnf/logo -->", 1))
    write(tmp_path, "fixtures/locked/x.html", COMPLIANT)
    _locked(monkeypatch, "locked")
    run = cli("rules", "test", str(tmp_path / "fixtures"))
    assert run.code == 2
    assert "locked: cannot read directory: Permission denied" in run.err


def test_rules_validate_with_nothing_to_validate_is_an_error(cli: Any, tmp_path: Path) -> None:
    _one_line_exit_2(cli("rules", "validate", str(tmp_path)), "no rule packs to validate")


def test_a_rule_turned_off_or_demoted_by_configuration_is_in_the_report(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "desk/story.html", NO_LOGO)
    write(tmp_path, "desk/.syndcheck.yaml", "severity:\n  dcnf/logo: off\n  dcnf/affiliation: info\n")
    text = cli("check", str(tmp_path / "desk"))
    assert f"configuration: dcnf/logo turned off by {tmp_path / 'desk' / '.syndcheck.yaml'}" in text.out.replace(str(Path.cwd()) + "/", "")
    assert "configuration: dcnf/affiliation lowered to info by " in text.out
    summary = cli("check", "--format", "json", str(tmp_path / "desk")).json()["summary"]
    assert [(c["rule"], c["severity"]) for c in summary["configured"]] == [("dcnf/affiliation", "info"), ("dcnf/logo", "off")]
    assert all(c["file"].endswith("desk/.syndcheck.yaml") for c in summary["configured"])
    sarif = cli("check", "--format", "sarif", str(tmp_path / "desk")).json()
    overrides = sarif["runs"][0]["invocations"][0]["ruleConfigurationOverrides"]
    assert [(o["descriptor"]["id"], o["configuration"]) for o in overrides] == [
        ("dcnf/affiliation", {"enabled": True, "level": "note"}),
        ("dcnf/logo", {"enabled": False}),
    ]


def test_a_detection_marker_that_needs_missing_metadata_is_not_a_bug(cli: Any, tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        "desk.yaml",
        "id: desk\nname: Desk\npublisher: Desk\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
        "detect:\n  threshold: 1\n  markers:\n    - id: reporter\n      weight: 1\n      check: {text: {phrase: '{{meta.reporter}}'}}\n"
        "rules:\n  - id: desk/x\n    severity: error\n    message: m\n    help: h\n    check: {text: {phrase: 'never there'}}\n",
    )
    story = write(tmp_path, "story.html", COMPLIANT)
    run = cli("check", "--rules", str(pack), "--format", "json", str(story))
    assert run.code == 0, run.err
    assert "desk" not in run.json()["files"][0]["packs"]


def test_rules_test_isolates_each_fixture(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "a-bad.txt", "By Ana Ruiz\n\nThe council voted.\n")
    write(tmp_path, "a-bad.txt.expect", "this is not an expectation\n")
    write(tmp_path, "b-good.html", COMPLIANT)
    run = cli("rules", "test", str(tmp_path))
    assert run.code == 2
    assert "a-bad.txt.expect:1: expected 'packs: ID, ...'" in run.err
    assert run.out == "1 fixtures, 0 mismatches; 1 not checked (errors above)\n"


def test_user_errors_from_the_walk_are_raised_before_anything_is_checked(tmp_path: Path) -> None:
    write(tmp_path, "a/story.html", COMPLIANT)
    (tmp_path / "empty").mkdir()
    runs = Runner(RunOptions()).run([str(tmp_path / "a"), str(tmp_path / "empty")])
    with pytest.raises(InputError, match="no articles found"):
        next(runs)


def test_the_security_page_shows_what_the_text_report_prints(cli: Any, tmp_path: Path) -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "security.md").read_text(encoding="utf-8")
    from tests.test_docs import fenced

    (example,) = fenced(page, "text")
    write(tmp_path, "story\x1b]0;owned\x07.html", NO_LOGO)
    run = cli("check", "--no-color", str(tmp_path))
    first = run.out.splitlines()[0].replace(f"{tmp_path}/", "")
    assert first == example.strip()


def test_the_security_page_quotes_a_byline_with_an_escape_sequence_as_the_report_does(cli: Any, tmp_path: Path) -> None:
    # docs/security.md: a quote keeps the page's controls, escaped, in the evidence and the reason.
    page = (Path(__file__).resolve().parent.parent / "docs" / "security.md").read_text(encoding="utf-8")
    assert "a byline written `Nick\\x1b[31m Pope` is quoted as `Nick\\x1b[31m Pope`" in page
    assert "`'Nick\\x1b[31m' is no word of a person's name`" in page
    story = write(
        tmp_path,
        "story.html",
        '<html><body><article><h1>Energy rule</h1><p class="byline">By Nick\x1b[31m Pope, Daily Caller News Foundation</p>'
        "<p>The Department of Energy on Monday finalized efficiency standards for home water heaters.</p>"
        '<p><img src="https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'
        "</article></body></html>",
    )
    run = cli("check", "--pack", "dcnf", "--format", "concise", str(story))
    assert "byline 'By Nick\\x1b[31m Pope" in run.out
    assert "'Nick\\x1b[31m' is no word of a person's name" in run.out
    assert "\x1b" not in run.out


def test_timing_is_kept_for_cms_payloads(cli: Any) -> None:
    payload = json.dumps({"id": "a", "html": COMPLIANT.decode()}) + "\n"
    run = cli("check", "--timing", "--input-kind", "cms-json", "-", stdin=payload.encode())
    assert run.code == 0
    assert "timing: nothing was checked" not in run.err
    assert "parse" in run.err and "rule dcnf/logo" in run.err


def test_a_real_file_name_that_is_not_utf8_keeps_every_machine_format_valid(cli: Any, tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-story.html")
    write(tmp_path, name, NO_LOGO)
    for output_format in ("json", "sarif", "gitlab", "jsonl"):
        run = cli("check", "--format", output_format, str(tmp_path))
        assert run.code == 1, run.err
        for document in run.out.splitlines() if output_format == "jsonl" else [run.out]:
            json.loads(document.encode("utf-8"))  # valid UTF-8 and valid JSON
            shown = "caf%E9-story.html" if output_format == "sarif" else "caf\\\\xe9-story.html"  # a JSON-escaped backslash
            assert shown in document


def test_a_rule_a_configuration_file_ignores_is_in_the_report_too(cli: Any, tmp_path: Path) -> None:
    write(tmp_path, "desk/story.html", NO_LOGO)
    write(tmp_path, "desk/.syndcheck.yaml", "ignore: [dcnf/logo]\n")
    summary = cli("check", "--format", "json", str(tmp_path / "desk")).json()["summary"]
    assert [(c["rule"], c["severity"]) for c in summary["configured"]] == [("dcnf/logo", "off")]
    assert summary["configured"][0]["file"].endswith("desk/.syndcheck.yaml")
    assert "configured" not in cli("check", "--format", "json", "--ignore", "dcnf/logo", str(SAMPLES / "dcnf" / "no-logo.html")).json()["summary"]
