"""Configuration on disk: `.syndcheck.yaml` files (or `[tool.syndcheck]` in pyproject.toml) found
by walking up from each article, a `--config` file, and baselines."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.config import CONFIG_NAMES, ConfigLayer, build_layer
from compliance.errors import ConfigError, not_utf8
from compliance.inputs import MAX_BASELINE_BYTES, STDIN, display_file, read_setting, resolved

if TYPE_CHECKING:  # imported when used: baselines are not part of every check
    from compliance.baseline import BaselineEntry


def _config_in_directory(directory: Path) -> ConfigLayer | None:
    """The configuration file of one directory, if any: `.syndcheck.yaml` (or `.yml`), or
    `[tool.syndcheck]` in pyproject.toml. Two of them in one folder are an error naming both."""
    # Present in any form (a FIFO, a link to a device): read as a regular file or refused, never
    # silently passed over and never read without bound.
    found = [directory / name for name in CONFIG_NAMES if os.path.lexists(directory / name)]
    pyproject = directory / "pyproject.toml"
    table = None
    if os.path.lexists(pyproject):
        text = read_setting(pyproject, "pyproject.toml", error=ConfigError)
        # Beside a .syndcheck.yaml, pyproject.toml is read only to see whether it has a table of
        # ours (another tool's broken pyproject.toml is not this run's business).
        if not found or b"syndcheck" in text:
            table = _syndcheck_table(pyproject, text)
    if len(found) + (table is not None) > 1:
        # Reading one and ignoring the other would apply settings nobody meant (or drop them).
        names = " and ".join([*(display_file(f) for f in found), *([f"{display_file(pyproject)} ([tool.syndcheck])"] if table is not None else [])])
        last = display_file(pyproject) if table is not None else display_file(found[-1])
        raise ConfigError(f"two configuration files in one folder: {names}", path=last, hint="merge them into one and delete the other")
    if found:
        return read_config(found[0])
    return None if table is None else _toml_layer(pyproject, text, table)


def _toml_layer(path: Path, text: bytes, table: object) -> ConfigLayer:
    """The layer of a TOML file's `[tool.syndcheck]` table."""
    # The layer is named by its file, so positions (errors, `config show`, annotations on
    # configuration changes) stay `file:line:col` that editors and CI can open.
    origin = display_file(path)
    header, keys = _toml_positions(text.decode("utf-8-sig"))
    from compliance.yamlsource import nodes_from_plain

    # (Its errors name the [tool.syndcheck] table: see `errors.config_error`.)
    return build_layer(nodes_from_plain(table, origin, header, keys), origin, resolved(path).parent.as_posix())


def _syndcheck_table(pyproject: Path, text: bytes) -> object | None:
    """The `[tool.syndcheck]` value of a pyproject.toml's text (None when it has none)."""
    import tomllib

    try:
        # An editor may save it with a byte-order mark, which TOML's reader refuses.
        decoded = text.decode("utf-8-sig")
        _refuse_deep_toml(decoded, display_file(pyproject))
        data = tomllib.loads(decoded)
    except UnicodeDecodeError as exc:
        raise not_utf8(exc, display_file(pyproject), "pyproject.toml", ConfigError) from None
    except tomllib.TOMLDecodeError as exc:
        raise _invalid_toml(exc, display_file(pyproject)) from None
    except RecursionError:  # not expected past `_refuse_deep_toml`; still one line, never a bug
        from compliance.yamlsource import MAX_DEPTH

        raise ConfigError("TOML nested too deeply", path=display_file(pyproject), hint=f"keep nesting under {MAX_DEPTH} levels") from None
    tools = data.get("tool")
    # (`tool = "x"` is not a table of tools' settings, so it holds none of ours.)
    return tools.get("syndcheck") if isinstance(tools, dict) else None


def _refuse_deep_toml(text: str, origin: str) -> None:
    """A ConfigError at the bracket that nests more than `MAX_DEPTH` levels, as YAML configs get
    (tomllib recurses once per level: 2,000 would be a RecursionError)."""
    from compliance.datatext import toml_too_deep
    from compliance.yamlsource import MAX_DEPTH

    offset = toml_too_deep(text)
    if offset is not None:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise ConfigError("TOML nested too deeply", path=origin, line=line, column=column, hint=f"keep nesting under {MAX_DEPTH} levels")


def _invalid_toml(error: ValueError, origin: str) -> ConfigError:
    """`pyproject.toml:3:5: invalid TOML: Invalid value`: tomllib puts the position at the end of
    its message (`... (at line 3, column 5)`); it becomes the usual `file:line:col`."""
    import re

    message = str(error)
    found = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if found is None:
        return ConfigError(f"invalid TOML: {message}", path=origin, hint="fix the file's TOML syntax")
    what = message[: found.start()]
    return ConfigError(f"invalid TOML: {what}", path=origin, line=int(found.group(1)), column=int(found.group(2)), hint="fix the file's TOML syntax")


TomlPath = tuple[str | int, ...]


_TABLE: TomlPath = ("tool", "syndcheck")


def _toml_positions(text: str) -> tuple[int, dict[TomlPath, tuple[int, int]]]:
    """The line of `[tool.syndcheck]`, and where each value of that table is written, by its path
    below the table: `("severity", "dcnf/logo")` for a key of a sub-table or inline table,
    `("select", 1)` for an array's second item, `("overrides", 0, "files")` for a key of the first
    `[[tool.syndcheck.overrides]]` (line and column, 1-based, of the key or item). The table may
    also be written as dotted keys or an inline table under `[tool]`.

    Positions only: the file has already been parsed by tomllib, so this reads the text just well
    enough to find keys, strings, arrays and inline tables (with comments and multi-line arrays).
    """
    positions: dict[TomlPath, tuple[int, int]] = {}
    tables: dict[TomlPath, int] = {}  # how many [[...]] of each array of tables so far

    def header_path(names: tuple[str, ...]) -> TomlPath:
        # A header's name that passes through an array of tables means its last table so far
        # (`[tool.syndcheck.overrides.severity]` after a `[[tool.syndcheck.overrides]]`).
        path: TomlPath = ()
        for name in names:
            path = (*path, name)
            if path in tables:
                path = (*path, tables[path] - 1)
        return path

    table: TomlPath = ()  # the current table's full path
    scanner = _TomlScanner(text.splitlines(), positions)
    while scanner.row < len(scanner.lines):
        line = scanner.lines[scanner.row]
        stripped = line.strip()
        if stripped.startswith("["):
            # A header's name is a dotted key between its brackets.
            scanner.column = line.index("[") + (2 if stripped.startswith("[[") else 1)
            scanner.peek()
            names = scanner.key()
            at = (scanner.row + 1, line.index("[") + 1)
            table = (*header_path(names[:-1]), *names[-1:]) if stripped.startswith("[[") else header_path(names)
            positions.setdefault(table, at)
            if stripped.startswith("[["):
                index = tables.get(table, 0)
                tables[table] = index + 1
                table = (*table, index)
                positions.setdefault(table, at)
        elif stripped and not stripped.startswith("#"):
            scanner.column = len(line) - len(line.lstrip())
            scanner.key_value(table)
        scanner.row += 1
    header = positions.get(_TABLE, (1, 1))[0]
    return header, {path[2:]: at for path, at in positions.items() if path[:2] == _TABLE and len(path) > 2}


class _TomlScanner:
    """Reads keys, arrays and inline tables character by character (strings and comments skipped),
    recording each key's and item's position."""

    def __init__(self, lines: list[str], positions: dict[TomlPath, tuple[int, int]]) -> None:
        self.lines = lines
        self.positions = positions
        self.row = 0
        self.column = 0
        self.key_at = (1, 1)  # where the key or array item being read starts

    def peek(self) -> str:
        """The next character that is not white space or a comment ("" at the end), moving to it."""
        while self.row < len(self.lines):
            line = self.lines[self.row]
            while self.column < len(line) and line[self.column] in " \t":
                self.column += 1
            if self.column < len(line) and line[self.column] != "#":
                return line[self.column]
            self.row, self.column = self.row + 1, 0
        return ""

    def key_value(self, table: TomlPath) -> None:
        """`key = value` from the current position; the key's path is `table` + the key's parts
        (each part of a dotted key is recorded where the key starts)."""
        parts = self.key()
        if not parts or self.peek() != "=":
            return
        self.column += 1
        for depth in range(1, len(parts)):
            self.positions.setdefault((*table, *parts[:depth]), self.key_at)
        self.value((*table, *parts))

    def key(self) -> tuple[str, ...]:
        """A bare, quoted or dotted key's parts (none when there is no key here), its start
        recorded in `key_at`."""
        import re

        part = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')
        self.key_at = (self.row + 1, self.column + 1)
        parts: list[str] = []
        while True:
            found = part.match(self.lines[self.row], self.column)
            if found is None:
                return ()
            parts.append(next(group for group in found.groups() if group is not None))
            self.column = found.end()
            if self.peek() != ".":
                return tuple(parts)
            self.column += 1
            self.peek()

    def value(self, path: TomlPath) -> None:
        """Skip one value, recording the positions of `path` and of what is inside it."""
        char = self.peek()
        if not char:
            return
        self.positions.setdefault(path, self.key_at)
        if char == "[":
            self.column += 1
            index = 0
            while (char := self.peek()) not in ("]", ""):
                if char == ",":
                    self.column += 1
                    continue
                self.key_at = (self.row + 1, self.column + 1)
                self.value((*path, index))
                index += 1
            self.column += 1
        elif char == "{":
            self.column += 1
            while (char := self.peek()) not in ("}", ""):
                if char == ",":
                    self.column += 1
                    continue
                before = (self.row, self.column)
                self.key_value(path)
                if (self.row, self.column) == before:
                    self.column += 1
            self.column += 1
        else:
            self.scalar()

    def scalar(self) -> None:
        """Skip a string, number, boolean or date (multi-line strings too)."""
        line = self.lines[self.row]
        for quotes in ('"""', "'''"):
            if line.startswith(quotes, self.column):
                self.column += 3
                while self.row < len(self.lines):
                    end = self.lines[self.row].find(quotes, self.column)
                    if end >= 0:
                        self.column = end + 3
                        return
                    self.row, self.column = self.row + 1, 0
                return
        quote = line[self.column]
        if quote in "\"'":
            position = self.column + 1
            while position < len(line) and line[position] != quote:
                position += 2 if quote == '"' and line[position] == "\\" else 1
            self.column = position + 1
            return
        while self.column < len(line) and line[self.column] not in ",]}# \t":
            self.column += 1


def read_config(path: Path) -> ConfigLayer:
    """Load and validate one configuration file given by path: YAML, or for a `.toml` file (a
    pyproject.toml) its `[tool.syndcheck]` table. Raises ConfigError at `file:line:col`."""
    if not os.path.lexists(path):
        raise ConfigError("no such configuration file", path=str(path), hint="check the --config path")
    data = read_setting(path, "configuration", error=ConfigError)
    if path.suffix.lower() == ".toml":
        table = _syndcheck_table(path, data)
        if table is None:
            raise ConfigError("no [tool.syndcheck] table in this TOML file", path=display_file(path), hint="give the file that holds it, or a .syndcheck.yaml")
        return _toml_layer(path, data, table)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(exc, display_file(path), "the configuration", ConfigError) from None
    origin = display_file(path)
    from compliance.yamlsource import parse_yaml  # only when a configuration file exists

    return build_layer(parse_yaml(text, origin, error=ConfigError), origin, resolved(path).parent.as_posix())


class ConfigFinder:
    """Finds the configuration layers of each article by walking up from its directory to the
    repository root (the folder with `.git`); outside a repository, to a file with `root: true`
    that is not below the folder the run started in (or to the file system's root). Results are
    cached per directory."""

    def __init__(self) -> None:
        self._layers: dict[Path, tuple[ConfigLayer, ...]] = {}
        self._real_folders: dict[str, str] = {}
        # The layers of each real folder an article was met in, by its name: a batch asks for
        # every file's layers several times, and a `Path` key costs more to build and hash.
        self._folder_layers: dict[str, tuple[ConfigLayer, ...]] = {}
        self._repositories: dict[Path, bool] = {}
        self._cwd = Path.cwd().resolve()

    def real_path(self, path: str) -> str:
        """`Path(path).resolve().as_posix()`, with each folder resolved once: a batch resolves
        every file's path several times (its configuration, include/exclude), and resolving walks
        every component of it. Memory grows with the number of folders, not of files."""
        if ".." in path.split(os.sep):  # `link/..` is the folder above the link's target: resolve as written
            return resolved(path).as_posix()
        folder, name = os.path.split(os.path.abspath(path))
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = resolved(folder).as_posix()
        full = os.path.join(real_folder, name)
        return resolved(full).as_posix() if os.path.islink(full) else full

    def _in_repository(self, directory: Path) -> bool:
        """Whether a folder is in a repository (it or a folder above it holds `.git`)."""
        known = self._repositories.get(directory)
        if known is None:
            known = (directory / ".git").exists() or (directory.parent != directory and self._in_repository(directory.parent))
            self._repositories[directory] = known
        return known

    def loaded(self) -> list[tuple[ConfigLayer, ...]]:
        """The layers found so far, per directory searched."""
        return list(self._layers.values())

    def layers_for(self, path: str) -> tuple[ConfigLayer, ...]:
        """Layers farthest first, so that nearer files override farther ones."""
        if path == STDIN:
            return self._walk(Path.cwd().resolve())
        folder = os.path.dirname(self.real_path(path))
        layers = self._folder_layers.get(folder)
        if layers is None:
            layers = self._folder_layers[folder] = self._walk(Path(folder))
        return layers

    def _walk(self, directory: Path) -> tuple[ConfigLayer, ...]:
        cached = self._layers.get(directory)
        if cached is not None:
            return cached
        layer = _config_in_directory(directory)
        stop = (directory / ".git").exists() or directory.parent == directory
        if not stop and layer is not None and layer.root:
            # A `root: true` file inside a repository, or below the folder the run started in, is
            # one desk's file in a tree whose files above still apply: were it to cut them off, a
            # file dropped into an article folder would silently undo their settings (a locked
            # `inline-suppressions: false`, a `fail-on`), past the listing of what it weakens.
            stop = not (self._in_repository(directory.parent) or self._cwd in directory.parents)
        above = () if stop else self._walk(directory.parent)
        layers = (*above, layer) if layer is not None else above
        self._layers[directory] = layers
        return layers


def read_baseline(path: Path) -> dict[str, BaselineEntry]:
    """A baseline file's entries by fingerprint."""
    from compliance.baseline import parse_baseline

    data = read_setting(path, "baseline", error=ConfigError, hint="check the --baseline path", limit=MAX_BASELINE_BYTES)
    try:
        # An editor may save it with a byte-order mark; JSON's reader refuses one.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(exc, display_file(path), "the baseline", ConfigError) from None
    return parse_baseline(text, display_file(path))
