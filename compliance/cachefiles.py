"""syndcheck's cache files: where they live, and reading and writing them so that nothing put in
the folder by someone else, and no damage to a file, changes what a run reports.

The caches (packs, the compiled code of value classes and of regular expressions, fetched
originals) are read at the start of most runs, and what they hold is trusted as the run's own
work: pickled packs and marshalled code are executed. So a cache is used only in a folder that
is the user's own and that no one else can write (`cache_folder`), and each file only when it is
the user's own regular file, not a link, that no one else can write (`open_own`, `read_own`), opened without
waiting (a FIFO put there never hangs a run) and no larger than its limit. What is written is
sealed with a checksum of its contents (`sealed`, `unsealed`), so a file damaged on disk (a
flipped bit in stored code can crash the interpreter) reads as no cache, and written through a
temporary file of its own, created anew and never through a link, then renamed into place
(`write_own`); a write that fails leaves nothing behind.

This module imports nothing else of the package: `compliance.startup` uses it before the
command line's imports.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib

# Values of SYNDCHECK_NO_CACHE that leave the cache on, as an unset variable does.
_OFF_VALUES = frozenset({"", "0", "false", "no", "off"})
# What `sealed` puts before a file's contents: a version tag and the CRC-32 of the contents.
_SEAL = b"syndcheck-cache-1 "
_SEAL_SIZE = len(_SEAL) + 8


def cache_folder() -> str | None:
    """The folder of syndcheck's caches: $SYNDCHECK_CACHE_DIR, else $XDG_CACHE_HOME/syndcheck,
    else ~/.cache/syndcheck. None when SYNDCHECK_NO_CACHE is set to anything but "", "0",
    "false", "no" or "off" (nothing is cached then), or when the folder exists and is another
    user's or writable by others (a file put there could not be told from the run's own)."""
    if os.environ.get("SYNDCHECK_NO_CACHE", "").strip().lower() not in _OFF_VALUES:
        return None
    folder = os.environ.get("SYNDCHECK_CACHE_DIR") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "syndcheck")
    try:
        info = os.stat(folder)
    except OSError:
        return folder  # made by the first write, as the user's own (mode 0700)
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o022 or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        return None
    return folder


def open_own(path: str | os.PathLike[str], limit: int) -> int | None:
    """A descriptor open for reading on the cache file at `path` when it is the user's own regular
    file, not a link, that no one else can write, of at most `limit` bytes; None otherwise
    (missing, unreadable, a link, a FIFO, device or folder, another user's, too large). Never
    waits on a FIFO. The caller closes it; read with `os.pread`, so that what is read does not
    depend on where another reader of the descriptor left off."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISREG(info.st_mode) and not info.st_mode & 0o022 and info.st_size <= limit and (not hasattr(os, "getuid") or info.st_uid == os.getuid()):
            return descriptor
    except OSError:
        pass
    os.close(descriptor)
    return None


def read_own(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """The bytes of the cache file at `path` when `open_own` opens it (the user's own regular file,
    not a link, that no one else can write, of at most `limit` bytes); None otherwise."""
    descriptor = open_own(path, limit)
    if descriptor is None:
        return None
    try:
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return data if len(data) <= limit else None


def write_own(path: str | os.PathLike[str], data: bytes) -> bool:
    """Write `data` to the cache file at `path` (mode 0600, its folder made with mode 0700):
    into a temporary file beside it, created anew (never an existing file or a link), then
    renamed over it. Whether it was written; a write that fails removes its temporary file."""
    import tempfile

    target = os.fspath(path)
    folder, name = os.path.split(target)
    temporary: str | None = None
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
        temporary = None
        return True
    except OSError:
        return False
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def remove_if_stale(entry: os.DirEntry[str], unused_since: float) -> bool:
    """Remove the cache file `entry` when it is the user's own regular file, neither read nor
    written since `unused_since` (seconds since the epoch); whether it was removed. Anything else
    (a link, another user's file, a file in use, one that vanished or cannot be removed) stays."""
    try:
        info = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or max(info.st_atime, info.st_mtime) > unused_since:
            return False
        os.unlink(entry.path)
    except OSError:
        return False
    return True


def sealed(data: bytes) -> bytes:
    """`data` as a cache file holds it: after a tag and the CRC-32 of `data` (`unsealed` reads it)."""
    return _SEAL + b"%08x" % zlib.crc32(data) + data


def unsealed(stored: bytes | None) -> bytes | None:
    """The contents `sealed` wrote, when `stored` is such a file and its checksum holds; None
    otherwise (a file of another version, or damaged)."""
    if stored is None or not stored.startswith(_SEAL):
        return None
    data = stored[_SEAL_SIZE:]
    try:
        crc = int(stored[len(_SEAL) : _SEAL_SIZE], 16)
    except ValueError:
        return None
    return data if zlib.crc32(data) == crc else None


__all__ = ["cache_folder", "open_own", "read_own", "sealed", "unsealed", "write_own"]
