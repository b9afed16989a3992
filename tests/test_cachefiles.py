"""The caches are read only where nothing put there by someone else, and no damage to a file,
can change what a run reports (`compliance.cachefiles`): links, FIFOs, others' files and
folders, damaged contents and failed writes, one by one and through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.cachefiles import cache_folder, read_own, sealed, unsealed, write_own
from tests.conftest import ROOT, SAMPLES, generated_code_pieces

ARTICLE = SAMPLES / "dcnf" / "no-logo.html"


def _own_file(path: Path, data: bytes = b"cached") -> Path:
    path.write_bytes(data)
    path.chmod(0o600)
    return path


def test_the_users_own_regular_file_is_read(tmp_path: Path) -> None:
    assert read_own(_own_file(tmp_path / "cache"), 100) == b"cached"


def test_a_link_is_not_read_even_to_a_good_file(tmp_path: Path) -> None:
    target = _own_file(tmp_path / "target")
    (tmp_path / "link").symlink_to(target)
    assert read_own(tmp_path / "link", 100) is None


def test_a_fifo_is_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    assert read_own(tmp_path / "fifo", 100) is None  # returns at once: opened without waiting


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666])
def test_a_file_others_can_write_is_not_read(tmp_path: Path, mode: int) -> None:
    path = _own_file(tmp_path / "cache")
    path.chmod(mode)
    assert read_own(path, 100) is None


def test_a_file_over_its_limit_or_a_folder_is_not_read(tmp_path: Path) -> None:
    assert read_own(_own_file(tmp_path / "cache", b"x" * 101), 100) is None
    assert read_own(_own_file(tmp_path / "exact", b"x" * 100), 100) == b"x" * 100
    assert read_own(tmp_path, 100) is None
    assert read_own(tmp_path / "missing", 100) is None


def test_a_sealed_file_reads_back_and_any_flipped_bit_is_refused() -> None:
    data = bytes(range(256)) * 4
    stored = sealed(data)
    assert unsealed(stored) == data
    for position in (0, 20, len(stored) // 2, len(stored) - 1):
        for bit in (0x01, 0x80):
            damaged = bytearray(stored)
            damaged[position] ^= bit
            assert unsealed(bytes(damaged)) is None
    assert unsealed(data) is None  # an unsealed file, as earlier versions wrote
    assert unsealed(None) is None


def test_a_write_replaces_a_link_without_writing_through_it(tmp_path: Path) -> None:
    victim = _own_file(tmp_path / "victim", b"precious")
    path = tmp_path / "cache" / "file"
    path.parent.mkdir(mode=0o700)
    path.symlink_to(victim)
    assert write_own(path, b"new")
    assert victim.read_bytes() == b"precious"
    assert not path.is_symlink() and path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "file").mkdir()  # a folder where the file should go: the rename fails
    assert not write_own(tmp_path / "file", b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


@pytest.mark.parametrize(("value", "cached"), [("", True), ("0", True), ("false", True), ("Off", True), ("1", False), ("yes", False)])
def test_the_off_switch_reads_as_people_write_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str, cached: bool) -> None:
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SYNDCHECK_NO_CACHE", value)
    assert (cache_folder() == str(tmp_path)) is cached


def test_a_folder_others_can_write_is_no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.delenv("SYNDCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(shared))
    shared.chmod(0o700)
    assert cache_folder() == str(shared)
    shared.chmod(0o777)
    assert cache_folder() is None
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path / "not yet made"))
    assert cache_folder() == str(tmp_path / "not yet made")


# --- through the command line ---------------------------------------------------------------------


def _check(cache: Path, cwd: Path = ROOT) -> tuple[int, list[str]]:
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(cache)}
    env.pop("SYNDCHECK_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "check", "--format", "json", str(ARTICLE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, [finding["rule"] for file in json.loads(done.stdout)["files"] for finding in file["findings"]]


def test_damaged_or_planted_cache_files_give_the_verdict_of_an_empty_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = _check(cache)
    assert expected == (1, ["dcnf/logo"])
    packs = next(cache.glob("packs-*.pickle"))
    generated = next(cache.glob("generated-*.marshal"))
    for path in (packs, generated):
        good = path.read_bytes()
        # A flipped bit in the middle of stored code or packs: read as no cache, and rebuilt.
        damaged = bytearray(good)
        damaged[len(good) // 2] ^= 0x04
        path.write_bytes(bytes(damaged))
        assert _check(cache) == expected
        if path == packs:
            assert unsealed(path.read_bytes()) is not None
        else:  # the damaged piece alone was compiled afresh, and the file holds it whole again
            pieces = generated_code_pieces(path)
            assert pieces is not None and None not in pieces.values()
        # A FIFO in its place: never waited on (the run would hang), and replaced.
        path.unlink()
        os.mkfifo(path)
        assert _check(cache) == expected
        assert path.is_file()
        # A link to a file of the right contents: not followed, and replaced by a file.
        elsewhere = tmp_path / f"elsewhere-{path.name}"
        planted = path.read_bytes()
        elsewhere.write_bytes(planted)
        elsewhere.chmod(0o600)
        path.unlink()
        path.symlink_to(elsewhere)
        assert _check(cache) == expected
        assert not path.is_symlink() and path.is_file() and elsewhere.read_bytes() == planted
