"""A --jobs run's private folder (compliance/outputs.py `private_folder`): one that a run killed
outright left behind is removed by the user's next --jobs run, and nothing else is: not a live
run's folder, not another user's, not a link, not a folder with anything but syndcheck's files."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from compliance.outputs import private_folder, remove_abandoned_folders, remove_private_folder, write_private
from tests.conftest import ROOT, SAMPLES

# A batch large enough for workers (at least PARALLEL_MIN_FILES), and whose JSON Lines report is
# larger than a pipe holds: a run whose stdout nobody reads stops, alive, in the middle of it.
BATCH = str(SAMPLES)
# How long to wait for what must happen (a run to start, workers to end): a bound, not a measure.
PATIENCE = 60.0


def _folders(temporary: Path) -> list[str]:
    return sorted(path.name for path in temporary.iterdir() if path.name.startswith("syndcheck-results-"))


def _wait_for(condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {PATIENCE:.0f} s for {what}")
        time.sleep(0.05)


def _held(folder: Path) -> bool:
    """Whether a run holds the folder's lock."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def _environment(temporary: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary)}


class _StalledRun:
    """A `check --jobs 2` run whose stdout nobody reads: alive, its private folder made, until
    `finish` reads its report or `kill` ends it with SIGKILL."""

    def __init__(self, temporary: Path) -> None:
        self.read_end, write_end = os.pipe()
        command = [sys.executable, "-m", "compliance", "check", "--jobs", "2", "--format", "jsonl", BATCH]
        self.process = subprocess.Popen(command, stdout=write_end, stderr=subprocess.DEVNULL, cwd=ROOT, env=_environment(temporary))
        os.close(write_end)
        _wait_for(lambda: _folders(temporary) and _held(temporary / _folders(temporary)[0]), "the run to make and lock its folder")
        (self.folder,) = [temporary / name for name in _folders(temporary)]

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        os.close(self.read_end)

    def finish(self) -> int:
        with os.fdopen(self.read_end, "rb") as reader:
            reader.read()
        return self.process.wait()


@pytest.fixture
def temporary(tmp_path: Path) -> Path:
    """The temporary folder of the runs a test starts (TMPDIR): theirs alone."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def _parallel_run(temporary: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "compliance", "check", "--jobs", "2", "-q", str(SAMPLES / "dcnf")]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=_environment(temporary), check=False)


def test_the_folder_of_a_run_killed_outright_is_removed_by_the_next_parallel_run(temporary: Path) -> None:
    killed = _StalledRun(temporary)
    killed.kill()
    # Its workers end on their own once they see their parent gone; the lock goes with the last.
    _wait_for(lambda: not _held(killed.folder), "the killed run's workers to end")
    assert _folders(temporary) == [killed.folder.name], "SIGKILL leaves the folder: nothing of the run could remove it"
    (killed.folder / "chunk-ab12_x9z.pickle").write_bytes(b"results a worker had written")
    # A check in one process makes no folder, and leaves the clean-up to a run that does.
    one = subprocess.run(
        [sys.executable, "-m", "compliance", "check", "-q", str(SAMPLES / "dcnf" / "no-logo.html")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_environment(temporary),
        check=False,
    )
    assert one.returncode == 1
    assert _folders(temporary) == [killed.folder.name]
    run = _parallel_run(temporary)
    assert (run.returncode, run.stderr) == (1, "exit 1: 8 errors\n")
    assert _folders(temporary) == [], "the abandoned folder is removed, and the run's own at its end"


def test_a_live_runs_folder_is_kept_by_another_parallel_run(temporary: Path) -> None:
    live = _StalledRun(temporary)
    try:
        run = _parallel_run(temporary)
        assert run.returncode == 1
        assert _folders(temporary) == [live.folder.name]
        assert _held(live.folder)
    finally:
        code = live.finish()
    assert code == 1, "the live run ends as it would have, its results passed through its folder"
    assert _folders(temporary) == []


def _abandoned(temporary: Path, name: str, files: dict[str, bytes] | None = None) -> Path:
    folder = temporary / name
    folder.mkdir(mode=0o700)
    for file, data in (files or {}).items():
        (folder / file).write_bytes(data)
    return folder


@pytest.mark.parametrize(
    "files",
    [{}, {"chunk-a1b2c3d4.pickle": b"x"}, {"chunk-zz_99abc.pickle": b"x", "chunk-00000000.pickle": b""}],
)
@pytest.mark.parametrize("name", ["syndcheck-results-4242-k2j4h5g6", "syndcheck-results-1-abcdefgh", "syndcheck-results-999999-_a_b_c_d"])
def test_an_abandoned_folder_of_syndchecks_is_removed(temporary: Path, name: str, files: dict[str, bytes]) -> None:
    _abandoned(temporary, name, files)
    remove_abandoned_folders(str(temporary))
    assert list(temporary.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "files"),
    [
        # Not named as syndcheck names them: an older version's (no process id), or someone else's.
        ("syndcheck-results-k2j4h5g6", {}),
        ("syndcheck-results-4242-k2j4h5", {}),
        ("syndcheck-results-4242-K2J4H5G6", {}),
        ("syndcheck-cache-4242-k2j4h5g6", {}),
        ("my-syndcheck-results-4242-k2j4h5g6", {}),
        # Named so, but holding what syndcheck never writes there.
        ("syndcheck-results-4242-k2j4h5g6", {"notes.txt": b"mine"}),
        ("syndcheck-results-4242-k2j4h5g6", {"chunk-a1b2c3d4.pickle": b"x", "chunk-a1b2c3d4.pickle.bak": b"x"}),
        ("syndcheck-results-4242-k2j4h5g6", {"tmpa1b2c3d4.pickle": b"x"}),
    ],
)
def test_a_folder_not_made_by_syndcheck_is_kept(temporary: Path, name: str, files: dict[str, bytes]) -> None:
    folder = _abandoned(temporary, name, files)
    remove_abandoned_folders(str(temporary))
    assert sorted(path.name for path in folder.iterdir()) == sorted(files)


def test_a_folder_with_a_subfolder_or_a_link_inside_is_kept_and_the_links_target_too(temporary: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    linked = _abandoned(temporary, "syndcheck-results-4242-k2j4h5g6")
    (linked / "chunk-a1b2c3d4.pickle").symlink_to(target)
    nested = _abandoned(temporary, "syndcheck-results-4243-k2j4h5g6")
    (nested / "chunk-a1b2c3d4.pickle").mkdir()
    remove_abandoned_folders(str(temporary))
    assert (linked / "chunk-a1b2c3d4.pickle").is_symlink() and target.read_text(encoding="utf-8") == "keep me"
    assert (nested / "chunk-a1b2c3d4.pickle").is_dir()


def test_a_link_named_as_a_private_folder_is_not_followed(temporary: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / "chunk-a1b2c3d4.pickle").write_bytes(b"someone's")
    (temporary / "syndcheck-results-4242-k2j4h5g6").symlink_to(elsewhere)
    remove_abandoned_folders(str(temporary))
    assert (temporary / "syndcheck-results-4242-k2j4h5g6").is_symlink()
    assert (elsewhere / "chunk-a1b2c3d4.pickle").read_bytes() == b"someone's"


def test_a_folder_others_can_read_is_kept(temporary: Path) -> None:
    folder = _abandoned(temporary, "syndcheck-results-4242-k2j4h5g6", {"chunk-a1b2c3d4.pickle": b"x"})
    folder.chmod(0o755)
    remove_abandoned_folders(str(temporary))
    assert (folder / "chunk-a1b2c3d4.pickle").exists()


def test_another_users_folder_is_kept(temporary: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    folder = _abandoned(temporary, "syndcheck-results-4242-k2j4h5g6", {"chunk-a1b2c3d4.pickle": b"x"})
    os.chown(folder, 54321, 54321)
    remove_abandoned_folders(str(temporary))
    assert (folder / "chunk-a1b2c3d4.pickle").exists()
    os.chown(folder, 0, 0)
    remove_abandoned_folders(str(temporary))
    assert not folder.exists(), "the same folder, the user's own, is removed"


def test_a_locked_folder_is_kept_until_its_lock_is_let_go(temporary: Path) -> None:
    folder = _abandoned(temporary, "syndcheck-results-4242-k2j4h5g6", {"chunk-a1b2c3d4.pickle": b"x"})
    lock = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        remove_abandoned_folders(str(temporary))
        assert (folder / "chunk-a1b2c3d4.pickle").exists()
    finally:
        os.close(lock)
    remove_abandoned_folders(str(temporary))
    assert not folder.exists()


def test_a_private_folder_is_locked_while_it_is_used_and_gone_after(temporary: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    folder = private_folder()
    try:
        assert Path(folder.path).parent == temporary
        assert Path(folder.path).name.startswith(f"syndcheck-results-{os.getpid()}-")
        assert Path(write_private(folder.path, b"results")).name.startswith("chunk-")
        assert _held(Path(folder.path))
        remove_abandoned_folders(str(temporary))
        assert Path(folder.path).is_dir(), "a live run's folder is kept, even by its own process"
    finally:
        remove_private_folder(folder)
    assert _folders(temporary) == []


@pytest.mark.parametrize("where", ["missing", "a-file"])
def test_a_temporary_folder_that_cannot_be_cleaned_up_is_no_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    remove_abandoned_folders(str(tmp_path / where))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file"]


def test_a_folder_whose_file_cannot_be_removed_is_left_and_the_run_goes_on(temporary: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _abandoned(temporary, "syndcheck-results-4242-k2j4h5g6", {"chunk-a1b2c3d4.pickle": b"x"})
    other = _abandoned(temporary, "syndcheck-results-4243-k2j4h5g6", {"chunk-a1b2c3d4.pickle": b"x"})
    real_unlink = os.unlink

    def unlink(path: str, *, dir_fd: int | None = None) -> None:
        if dir_fd is not None and os.stat(dir_fd).st_ino == folder.stat().st_ino:
            raise PermissionError(1, "Operation not permitted")
        real_unlink(path, dir_fd=dir_fd)

    monkeypatch.setattr(os, "unlink", unlink)
    remove_abandoned_folders(str(temporary))
    assert (folder / "chunk-a1b2c3d4.pickle").exists()
    assert not other.exists(), "one folder's error does not stop the others' clean-up"
