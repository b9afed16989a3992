"""The output edge: report files written whole or not at all, and never onto an input."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from compliance.errors import InputError
from compliance.inputs import resolved


def write_atomic(path: Path, text: str | Iterable[str], *, parents: bool = False) -> None:
    """Write a report file so that readers never see half of it: a temporary file, then a rename.
    `text` may come in pieces, written as they come (a large run's JSON is never whole in memory).

    The folder must exist unless `parents` (a scaffold, an audit's own folders): a mistyped
    `--output` path is an error, never a new tree of folders. Text that cannot be UTF-8 (a lone
    surrogate from a file name that is not) is written escaped, as the formats show it. A write
    that fails (a full disk, a directory in the way) leaves no temporary file behind."""
    import tempfile

    directory = resolved(path).parent
    temporary: Path | None = None
    try:
        if parents:
            directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            handle.writelines(_encodable(piece) for piece in ((text,) if isinstance(text, str) else text))
        # A temporary file is private (0600); a report gets the mode any new file would get.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write report: {exc.strerror or exc}", path=str(path), hint="check the --output path") from None


def _encodable(text: str) -> str:
    """`text` with any lone surrogate shown as its visible escape (`\\xe9`), so it encodes as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        from compliance.display import escape_char

        return "".join(escape_char(c) if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _identity(path: Path | str | int, folder: int | None = None) -> tuple[int, int] | None:
    """The device and inode of the file `path` (followed when a symbolic link, unless named in
    the open `folder`), or of the open descriptor `path`; None when there is none."""
    try:
        info = os.stat(path, dir_fd=folder, follow_symlinks=folder is None)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def check_output_targets(outputs: Sequence[Path]) -> None:
    """Raise `InputError` before anything is checked when a report file cannot be what it is
    asked to be: a file syndcheck reads for its settings (`settings_file_kind`), a folder that does not exist (a typo never creates folders), something that is
    not a regular file (a directory, a device: `/dev/stdout` would be replaced, use `FORMAT=-`),
    a read-only file (made so on purpose: a rename would replace it all the same), or the same file
    named twice (one report would silently replace the other)."""
    seen: dict[object, Path] = {}
    for output in outputs:
        read = settings_file_kind(output)
        if read is not None:
            raise InputError(f"is {read}, which syndcheck reads; a report does not replace it", path=str(output), hint="write the report somewhere else")
        folder = output.parent
        if not folder.is_dir():
            missing = folder
            while not missing.parent.is_dir() and missing.parent != missing:
                missing = missing.parent
            raise InputError(f"the folder {missing} does not exist", path=str(output), hint="create it first, or write the report elsewhere")
        try:
            mode = output.stat().st_mode
        except OSError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            from compliance.inputs import file_type

            raise InputError(f"is {file_type(mode)}, not a regular file; a report is written to a file", path=str(output), hint="for stdout, use FORMAT=-")
        if mode is not None:
            refuse_read_only(output)
        key: object = _identity(output) or os.path.join(os.path.realpath(folder), output.name)
        if key in seen:
            # "(also as …)" only when the other name is spelt otherwise (out/../out/x.sarif).
            other = f" (also as {seen[key]})" if str(seen[key]) != str(output) else ""
            raise InputError(f"the same report file is named twice{other}", path=str(output), hint="give each --output its own file")
        seen[key] = output


def settings_file_kind(path: Path) -> str | None:
    """What a file is to a run, by its name, when it is one syndcheck reads for its settings
    wherever it is: a `.gitignore`, a file of a `.git` folder (`info/exclude`), a configuration
    (`.syndcheck.yaml`, `pyproject.toml`, whether or not it has a `[tool.syndcheck]` table yet) or
    an article's metadata sidecar (`story.html.meta.yaml`); None for any other name. A report
    must never replace one: nothing the checker reads is written."""
    from compliance.config import CONFIG_NAMES

    name = path.name
    if name == ".gitignore":
        return "a .gitignore file"
    if ".git" in path.parts[:-1]:
        return "a file of a .git folder"
    if name in CONFIG_NAMES or name == "pyproject.toml":
        return "a configuration file"
    if name.endswith(".meta.yaml"):
        return "an article's metadata file"
    return None


def refuse_read_only(output: Path) -> None:
    """Raise `InputError` when an existing file a report would replace is read-only (for root too,
    as `fix --write` does): a report is written beside it and renamed into place, which the folder's
    permissions allow whatever the file's are, so its own are honoured here."""
    from compliance.inputs import writable

    try:
        if writable(output):
            return
    except OSError:
        return  # gone meanwhile: nothing to replace
    raise InputError("is read-only; a report does not replace it", path=str(output), hint="make it writable (chmod u+w), or write the report elsewhere")


def stdin_file() -> Path | None:
    """The file stdin reads, when it is a regular file (`< story.html`), as a path whose identity
    is that file's; None for a terminal or a pipe."""
    import sys

    try:
        descriptor = sys.stdin.fileno()
        info = os.fstat(descriptor)
    except (OSError, ValueError, AttributeError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return Path(f"/dev/fd/{descriptor}") if os.path.exists(f"/dev/fd/{descriptor}") else None


def refuse_overwrite(outputs: Iterable[Path], inputs: Iterable[Path], *, role: str = "an input", hint: str = "write the report somewhere else") -> None:
    """Raise `InputError` when an output file is one of the inputs, however either is spelled
    (relative, `..`, a symbolic link, a hard link): files are compared by device and inode.
    `role` says what the inputs are ("the original story of story.html"). The inputs are read one
    at a time (a directory walk need not be listed first)."""
    identities: dict[tuple[int, int], Path] = {}
    for output in outputs:
        found = _identity(output)
        if found is not None:  # a file not there yet cannot be an input
            identities.setdefault(found, output)
    if not identities:
        return
    for file in inputs:
        overwritten = identities.get(_identity(file) or (-1, -1))
        if overwritten is not None:
            shown = "stdin" if str(file).startswith("/dev/fd/") else str(file)
            raise InputError(f"the output file is {role} ({shown}); it would be overwritten", path=str(overwritten), hint=hint)


def append_text(path: Path, text: str) -> None:
    """Append to a file another tool owns (GitHub's job summary is appended to, by design)."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise InputError(f"cannot write the job summary: {exc.strerror or exc}", path=str(path)) from None


def replace_unchanged(path: Path, read: bytes, new: bytes) -> None:
    """Write a fixed article in place of the one that was read, and only when the file still holds
    exactly the bytes `read`: an editor's save between reading and writing is never overwritten
    (`InputError` instead).

    The file stays the same file to everyone who shares it: written atomically (a temporary file
    beside it with its mode and owner, then a rename), except when it has other names (hard links)
    or its owner cannot be given to the new file: then its bytes are rewritten in place, as an
    editor saves, so that every name and the owner keep the fixed article."""
    import tempfile

    from compliance.inputs import NotRegular, TooLarge, read_regular

    current: bytes | None
    try:
        current = read_regular(path, limit=len(read))
    except (TooLarge, NotRegular):
        current = None  # it grew, or something else took its place: it changed
    try:
        status = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read the file again before writing it: {exc.strerror or exc}", path=str(path)) from None
    if current != read:
        raise InputError("the file changed since it was read; not written", path=str(path), hint="run 'syndcheck fix' on it again")
    if status.st_nlink > 1:
        _rewrite_in_place(path, new)
        return
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=resolved(path).parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(new)
        if not _give_owner(temporary, status):
            temporary.unlink(missing_ok=True)
            temporary = None
            _rewrite_in_place(path, new)
            return
        os.chmod(temporary, status.st_mode & 0o7777)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write the fixed file: {exc.strerror or exc}", path=str(path), hint="check that its folder is writable") from None


def _give_owner(made: Path, status: os.stat_result) -> bool:
    """Give `made` the owner and group of the file it replaces; False when that is not allowed."""
    mine = made.stat()
    if (mine.st_uid, mine.st_gid) == (status.st_uid, status.st_gid):
        return True
    try:
        os.chown(made, status.st_uid, status.st_gid)
    except OSError:
        return False
    return True


def _rewrite_in_place(path: Path, new: bytes) -> None:
    """Rewrite a file's bytes through its own inode (its other names and its owner kept). Opened
    without following a symbolic link and without waiting on a FIFO, and written only when it is
    still a regular file: something else may have taken its place since it was read."""
    import stat

    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(descriptor, "wb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise InputError("is no longer a regular file; not written", path=str(path), hint="run 'syndcheck fix' on it again")
            handle.write(new)
            handle.truncate()
    except OSError as exc:
        raise InputError(f"cannot write the fixed file: {exc.strerror or exc}", path=str(path), hint="check that the file is writable") from None


# A run's private folder, in the system's temporary folder: `syndcheck-results-<pid>-<8 letters>`,
# the letters `tempfile.mkdtemp`'s own. The process id tells a person which run made it; whether
# that run is alive is told by the lock it holds on the folder (`fcntl.flock`), which the kernel
# releases however the run ends, SIGKILL included, and which, unlike a process id, is never reused.
_FOLDER_PREFIX = "syndcheck-results-"
_FOLDER_NAME = _FOLDER_PREFIX + r"[0-9]+-[a-z0-9_]{8}"
# The files a run writes in it (`write_private`): `chunk-<8 letters>.pickle`.
_FILE_PREFIX, _FILE_SUFFIX = "chunk-", ".pickle"
_FILE_NAME = r"chunk-[a-z0-9_]{8}\.pickle"
# How many new folders to try when another run's clean-up takes each one before it is locked.
_FOLDER_ATTEMPTS = 5


@dataclasses.dataclass(frozen=True, slots=True)
class PrivateFolder:
    """A run's private folder (`private_folder`): its `path`, and the open descriptor of the
    folder (`lock`, None where the system has no `fcntl`) whose lock says the run is alive. The
    run's forked workers inherit the descriptor, so the lock lasts as long as any of them does."""

    path: str
    lock: int | None


def private_folder() -> PrivateFolder:
    """A new folder of the system's temporary folder that only this user can read
    (`tempfile.mkdtemp`), for a run's own passing files, locked for the run's life; removed with
    `remove_private_folder`. The folders of this user's runs that were killed before they could
    remove theirs (SIGKILL: an out-of-memory killer, a CI timeout) are removed first
    (`remove_abandoned_folders`). Raises OSError when the temporary folder cannot take one."""
    import tempfile

    try:
        import fcntl  # noqa: F401 - whether the system has the locks
    except ImportError:  # it has not: a folder as before, and no lock to tell abandoned ones by
        return PrivateFolder(tempfile.mkdtemp(prefix=_FOLDER_PREFIX), None)
    remove_abandoned_folders(tempfile.gettempdir())
    for _ in range(_FOLDER_ATTEMPTS):
        path = tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-")
        lock = _locked(path)
        if lock is not None:
            return PrivateFolder(path, lock)
    raise OSError(errno.EAGAIN, f"cannot make a private folder in {tempfile.gettempdir()}")


def _locked(path: str) -> int | None:
    """An open descriptor of the new folder `path`, locked; None when another run's clean-up
    took the folder between its making and its locking (it holds the lock, or has removed it)."""
    import fcntl

    try:
        lock = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if _identity(Path(path)) == _identity(lock):
            return lock
    except OSError:
        pass
    os.close(lock)
    return None


def remove_abandoned_folders(temporary: str) -> None:
    """Remove from the folder `temporary` the private folders (`private_folder`) of this user's
    runs that are over: those whose lock nobody holds. Only what syndcheck makes is removed: a
    folder named as it names them, owned by this user, readable by nobody else, holding nothing but
    the files it writes there (regular files named `chunk-<8 letters>.pickle`). A folder of a live
    run (locked), of another user, a symbolic link, or a folder with anything else in it is left as
    it is; no link is followed. Errors are ignored: a run never fails for its clean-up. Costs one
    listing of `temporary`, and a few system calls for each folder of syndcheck's."""
    import re

    try:
        parent = os.open(temporary, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        with os.scandir(parent) as entries:
            names = [entry.name for entry in entries if entry.name.startswith(_FOLDER_PREFIX) and re.fullmatch(_FOLDER_NAME, entry.name)]
        for name in names:
            with contextlib.suppress(OSError):
                _remove_if_abandoned(parent, name)
    except OSError:
        pass
    finally:
        os.close(parent)


def _remove_if_abandoned(parent: int, name: str) -> None:
    """Remove the folder `name` of the folder open as `parent` when it is a private folder of this
    user that no run holds (`remove_abandoned_folders`). Raises OSError when it is locked (a live
    run's) or cannot be read or removed; returns without removing it when it is not syndcheck's."""
    import fcntl
    import re

    folder = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
    try:
        info = os.fstat(folder)
        if info.st_uid != os.geteuid() or info.st_mode & 0o077:
            return
        fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held until the descriptor is closed: no run can take it meanwhile
        files = os.listdir(folder)
        if not all(re.fullmatch(_FILE_NAME, file) for file in files):
            return
        if not all(_own_regular_file(os.stat(file, dir_fd=folder, follow_symlinks=False)) for file in files):
            return
        for file in files:
            os.unlink(file, dir_fd=folder)
        # Still the folder that was locked (its name not given to another meanwhile), now empty.
        if _identity(folder) == _identity(name, parent):
            os.rmdir(name, dir_fd=parent)
    finally:
        os.close(folder)


def _own_regular_file(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid()


def write_private(folder: str, data: bytes) -> str:
    """Write `data` whole to a new file of `folder` (`private_folder`); its path."""
    import tempfile

    handle, path = tempfile.mkstemp(prefix=_FILE_PREFIX, suffix=_FILE_SUFFIX, dir=folder)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    return path


def take_private(path: str) -> bytes:
    """The bytes of a file `write_private` wrote, the file removed once read."""
    with open(path, "rb") as file:
        data = file.read()
    os.unlink(path)
    return data


def remove_private_folder(folder: PrivateFolder) -> None:
    """Remove a `private_folder` and what is left in it (a file a killed worker was writing), then
    let go of its lock."""
    import shutil

    shutil.rmtree(folder.path, ignore_errors=True)
    if folder.lock is not None:
        with contextlib.suppress(OSError):
            os.close(folder.lock)
