"""Configuration on disk: `.syndcheck.yaml` files (or `[tool.syndcheck]` in pyproject.toml) found
by walking up from each article, a `--config` file, and baselines."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.config import CONFIG_NAMES, ConfigLayer, build_layer
from compliance.errors import ConfigError, not_utf8
from compliance.inputs import MAX_BASELINE_BYTES, STDIN, display_file, read_setting

if TYPE_CHECKING:  # imported when used: baselines are not part of every check
    from compliance.baseline import BaselineEntry


def _config_in_directory(directory: Path) -> ConfigLayer | None:
    """The configuration file of one directory, if any (`.syndcheck.yaml`, else pyproject.toml)."""
    # Present in any form (a FIFO, a link to a device): read as a regular file or refused, never
    # silently passed over and never read without bound.
    found = [directory / name for name in CONFIG_NAMES if os.path.lexists(directory / name)]
    if len(found) > 1:
        # Reading one and ignoring the other would apply settings nobody meant (or drop them).
        names = " and ".join(display_file(f) for f in found)
        raise ConfigError(f"two configuration files in one folder: {names}", path=display_file(found[-1]), hint="merge them into one and delete the other")
    if found:
        return read_config(found[0])
    pyproject = directory / "pyproject.toml"
    if os.path.lexists(pyproject):
        import tomllib

        text = read_setting(pyproject, "pyproject.toml", error=ConfigError)
        try:
            data = tomllib.loads(text.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise not_utf8(exc, display_file(pyproject), "pyproject.toml", ConfigError) from None
        except tomllib.TOMLDecodeError as exc:
            raise _invalid_toml(exc, display_file(pyproject)) from None
        table = data.get("tool", {}).get("syndcheck")
        if table is not None:
            # The layer is named by its file, so positions (errors, `config show`, annotations on
            # configuration changes) stay `file:line:col` that editors and CI can open.
            origin = display_file(pyproject)
            header, keys = _toml_positions(text.decode("utf-8"))
            from compliance.yamlsource import nodes_from_plain

            try:
                return build_layer(nodes_from_plain(table, origin, header, keys), origin, directory.resolve().as_posix())
            except ConfigError as exc:
                # pyproject.toml holds other tools' settings too: the message says whose table is wrong.
                raise ConfigError(f"[tool.syndcheck] {exc.what}", path=exc.path, line=exc.line, column=exc.column, hint=exc.hint) from None
    return None


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


def _toml_positions(text: str) -> tuple[int, dict[str, tuple[int, int]]]:
    """The line of `[tool.syndcheck]`, and where each of its keys is written: `key = …` inside the
    table, or a `[tool.syndcheck.KEY]` sub-table header (line, column of the value or header)."""
    import re

    header = 1
    keys: dict[str, tuple[int, int]] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            name = stripped.strip("[] ").replace(" ", "")
            inside = name == "tool.syndcheck"
            if inside:
                header = number
            elif name.startswith("tool.syndcheck."):
                keys.setdefault(name.removeprefix("tool.syndcheck.").strip('"'), (number, line.index("[") + 1))
            continue
        match = re.match(r'\s*"?([A-Za-z0-9_-]+)"?\s*=\s*', line) if inside else None
        if match:
            keys.setdefault(match.group(1), (number, match.end() + 1))
    return header, keys


def read_config(path: Path) -> ConfigLayer:
    """Load and validate one configuration file given by path."""
    if not os.path.lexists(path):
        raise ConfigError("no such configuration file", path=str(path), hint="check the --config path")
    data = read_setting(path, "configuration", error=ConfigError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(exc, display_file(path), "the configuration", ConfigError) from None
    origin = display_file(path)
    from compliance.yamlsource import parse_yaml  # only when a configuration file exists

    return build_layer(parse_yaml(text, origin, error=ConfigError), origin, path.resolve().parent.as_posix())


class ConfigFinder:
    """Finds the configuration layers of each article by walking up from its directory, stopping
    at a file with `root: true` or at the repository root; results are cached per directory."""

    def __init__(self) -> None:
        self._layers: dict[Path, tuple[ConfigLayer, ...]] = {}
        self._real_folders: dict[str, str] = {}

    def real_path(self, path: str) -> str:
        """`Path(path).resolve().as_posix()`, with each folder resolved once: a batch resolves
        every file's path several times (its configuration, include/exclude), and resolving walks
        every component of it. Memory grows with the number of folders, not of files."""
        if ".." in path.split(os.sep):  # `link/..` is the folder above the link's target: resolve as written
            return Path(path).resolve().as_posix()
        folder, name = os.path.split(os.path.abspath(path))
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = Path(folder).resolve().as_posix()
        full = os.path.join(real_folder, name)
        return Path(full).resolve().as_posix() if os.path.islink(full) else full

    def loaded(self) -> list[tuple[ConfigLayer, ...]]:
        """The layers found so far, per directory searched."""
        return list(self._layers.values())

    def layers_for(self, path: str) -> tuple[ConfigLayer, ...]:
        """Layers farthest first, so that nearer files override farther ones."""
        directory = Path(self.real_path(path)).parent if path != STDIN else Path.cwd().resolve()
        return self._walk(directory)

    def _walk(self, directory: Path) -> tuple[ConfigLayer, ...]:
        cached = self._layers.get(directory)
        if cached is not None:
            return cached
        layer = _config_in_directory(directory)
        stop = (layer is not None and layer.root) or (directory / ".git").exists() or directory.parent == directory
        above = () if stop else self._walk(directory.parent)
        layers = (*above, layer) if layer is not None else above
        self._layers[directory] = layers
        return layers


def read_baseline(path: Path) -> dict[str, BaselineEntry]:
    """A baseline file's entries by fingerprint."""
    from compliance.baseline import parse_baseline

    data = read_setting(path, "baseline", error=ConfigError, hint="check the --baseline path", limit=MAX_BASELINE_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read baseline: {exc}", path=str(path), hint="check the --baseline path") from None
    return parse_baseline(text, display_file(path))
