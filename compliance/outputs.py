"""The output edge: report files written whole or not at all, and never onto an input."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from compliance.errors import InputError


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write a report file so that readers never see half of it: a temporary file, then a rename.
    `text` may come in pieces, written as they come (a large run's JSON is never whole in memory).

    A write that fails (a full disk, a directory in the way) leaves no temporary file behind."""
    import tempfile

    directory = path.resolve().parent
    temporary: Path | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            handle.writelines((text,) if isinstance(text, str) else text)
        # A temporary file is private (0600); a report gets the mode any new file would get.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write report: {exc.strerror or exc}", path=str(path), hint="check the --output path") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def refuse_overwrite(outputs: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Raise `InputError` when an output file is one of the inputs, however either is spelled
    (relative, `..`, a symbolic link, a hard link): files are compared by device and inode. The
    inputs are read one at a time (a directory walk need not be listed first)."""
    identities: dict[tuple[int, int], Path] = {}
    for output in outputs:
        try:
            info = output.stat()
        except OSError:
            continue  # not there yet: it cannot be an input
        identities.setdefault((info.st_dev, info.st_ino), output)
    if not identities:
        return
    for file in inputs:
        try:
            info = file.stat()
        except OSError:
            continue
        overwritten = identities.get((info.st_dev, info.st_ino))
        if overwritten is not None:
            raise InputError(f"the output file is an input ({file}); it would be overwritten", path=str(overwritten), hint="write the report somewhere else")


def append_text(path: Path, text: str) -> None:
    """Append to a file another tool owns (GitHub's job summary is appended to, by design)."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise InputError(f"cannot write the job summary: {exc.strerror or exc}", path=str(path)) from None


def replace_unchanged(path: Path, read: bytes, new: bytes) -> None:
    """Write a fixed article in place of the one that was read, atomically (a temporary file beside
    it, with its mode, then a rename), and only when the file still holds exactly the bytes `read`:
    an editor's save between reading and writing is never overwritten (`InputError` instead)."""
    import tempfile

    try:
        current = path.read_bytes()
        mode = path.stat().st_mode & 0o7777
    except OSError as exc:
        raise InputError(f"cannot read the file again before writing it: {exc.strerror or exc}", path=str(path)) from None
    if current != read:
        raise InputError("the file changed since it was read; not written", path=str(path), hint="run 'syndcheck fix' on it again")
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.resolve().parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(new)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write the fixed file: {exc.strerror or exc}", path=str(path), hint="check that its folder is writable") from None
