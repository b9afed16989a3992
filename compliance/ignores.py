"""Which files a directory walk leaves out: `--exclude` globs and the repository's `.gitignore` files.

Both use git's own pattern language (through `pathspec`, the library black and others rely on),
so `node_modules/`, `build/**/*.html` and `!keep.html` mean here what they mean to git. Files named
explicitly on the command line are always checked; only files met while walking a folder are
left out, unless `--force-exclude` is given: then a named file left out is listed with the pattern
that left it out (`why_excluded`).

`.gitignore` files are read in every folder from the repository root (the nearest folder with
`.git`, or the folder being walked when there is none) down to the file's own folder; a deeper
file's patterns win over a shallower one's, as in git. `.git/info/exclude` is read too.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


def _spec(lines: Sequence[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def pattern_problem(pattern: str) -> str | None:
    """Why git's pattern language cannot read `pattern` (`!` alone, a lone trailing backslash),
    in words; None when it can."""
    try:
        git_pattern(pattern)
    except ValueError:  # pathspec's GitIgnorePatternError
        return f"'{pattern}' is not a pattern git reads (a '!' needs a pattern after it; a '\\' escapes the character after it)"
    return None


@functools.lru_cache(maxsize=1024)
def git_pattern(pattern: str) -> GitIgnoreSpec:
    """One pattern of git's language as a compiled spec (`match_file(path)` with a POSIX path
    relative to where the pattern is written): what the configuration's `include`, `exclude` and
    `overrides.files` globs are matched with, so that they mean what `--exclude` and `.gitignore`
    mean. Compiled once per pattern (a walk matches each file against every glob)."""
    return _spec([pattern])


def _shown(path: Path) -> str:
    """An ignore file's path as a user names it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


class Ignores:
    """Decides whether a walked file is left out; caches one compiled `.gitignore` per folder.

    `read_lines` reads an ignore file's lines (none when it is missing or unreadable).
    """

    def __init__(self, exclude: Sequence[str] = (), *, gitignore: bool = True, base: Path | None = None, read_lines: Callable[[Path], list[str]]) -> None:
        self._base = (base or Path.cwd()).resolve()
        self._exclude = _spec(exclude) if exclude else None
        self._exclude_globs = tuple(exclude)
        self._gitignore = gitignore
        self._folders: dict[Path, GitIgnoreSpec | None] = {}
        self._roots: dict[Path, Path | None] = {}
        # The `.gitignore` patterns that apply in a folder walked from another, by both folders'
        # names: files of one folder share them, and most folders have none to match.
        self._applicable: dict[tuple[str, str], tuple[tuple[Path, GitIgnoreSpec], ...]] = {}
        self._read_lines = read_lines

    def excluded(self, path: str, walked_from: str) -> bool:
        """Whether a file found under `walked_from` is left out of the run."""
        absolute = os.path.abspath(path)
        if self._exclude is not None:
            relative = os.path.relpath(absolute, self._base)
            if not relative.startswith("..") and self._exclude.match_file(relative):
                return True
            # A glob may also be written relative to the folder being walked.
            inside = os.path.relpath(absolute, os.path.abspath(walked_from))
            if not inside.startswith("..") and self._exclude.match_file(inside):
                return True
        return self._gitignore and self._git_ignored(absolute, os.path.abspath(walked_from))

    def why_excluded(self, path: str, walked_from: str) -> tuple[str, str, str] | None:
        """Why `excluded` leaves out `path`, for a file named on the command line with
        `--force-exclude`: (`--exclude`, the glob, `--exclude`) or (`.gitignore`, the pattern,
        the ignore file and its line, `.gitignore:2`); None when it is not left out. Each pattern is
        matched alone to find the one that decides (the last that matches, as git reads them)."""
        absolute = os.path.abspath(path)
        if self._exclude is not None:
            for glob in self._exclude_globs:
                spec = _spec([glob])
                for relative in (os.path.relpath(absolute, self._base), os.path.relpath(absolute, os.path.abspath(walked_from))):
                    if not relative.startswith("..") and spec.match_file(relative):
                        return "--exclude", glob, "--exclude"
        if not self._git_ignored(absolute, os.path.abspath(walked_from)):
            return None
        deciding: tuple[str, str, str] | None = None
        for folder, _spec_of_folder in self._applicable[(os.path.dirname(absolute), os.path.abspath(walked_from))]:
            relative = Path(absolute).relative_to(folder).as_posix()
            top = folder == (self._repository_root(Path(os.path.abspath(walked_from))) or Path(os.path.abspath(walked_from)))
            for name in (".git/info/exclude", ".gitignore") if top else (".gitignore",):
                for number, line in enumerate(self._read_lines(folder / name), 1):
                    if not line.strip() or line.startswith("#"):
                        continue
                    found = _spec([line]).check_file(relative).include
                    if found is not None:
                        deciding = (".gitignore", line.strip(), f"{_shown(folder / name)}:{number}") if found else None
        return deciding

    def _repository_root(self, folder: Path) -> Path | None:
        if folder not in self._roots:
            root = None
            for candidate in (folder, *folder.parents):
                if (candidate / ".git").exists():
                    root = candidate
                    break
            self._roots[folder] = root
        return self._roots[folder]

    def _git_ignored(self, path: str, walked_from: str) -> bool:
        """Whether the `.gitignore` files between the repository root (or `walked_from`) and the
        file's folder leave out `path` (both absolute)."""
        key = (os.path.dirname(path), walked_from)
        specs = self._applicable.get(key)
        if specs is None:
            specs = self._applicable[key] = self._specs_above(Path(key[0]), Path(walked_from))
        decision: bool | None = None
        for folder, spec in specs:  # shallowest first, so deeper files override
            result = spec.check_file(Path(path).relative_to(folder).as_posix())
            if result.include is not None:
                decision = result.include
        return bool(decision)

    def _specs_above(self, parent: Path, walked_from: Path) -> tuple[tuple[Path, GitIgnoreSpec], ...]:
        """The folders from the top (repository root, or `walked_from`) down to `parent` that have
        patterns, shallowest first, each with its patterns."""
        top = self._repository_root(walked_from) or walked_from
        folders = [folder for folder in (parent, *parent.parents) if folder == top or top in folder.parents]
        found = []
        for folder in reversed(folders):
            spec = self._folder_spec(folder, info=folder == top)
            if spec is not None:
                found.append((folder, spec))
        return tuple(found)

    def _folder_spec(self, folder: Path, *, info: bool) -> GitIgnoreSpec | None:
        if folder not in self._folders:
            lines: list[str] = []
            for name in (".git/info/exclude", ".gitignore") if info else (".gitignore",):
                lines += self._read_lines(folder / name)
            self._folders[folder] = _spec(lines) if any(line.strip() and not line.startswith("#") for line in lines) else None
        return self._folders[folder]
