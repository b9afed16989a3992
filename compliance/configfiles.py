"""Configuration on disk: `.syndcheck.yaml` files (or `[tool.syndcheck]` in pyproject.toml) found
by walking up from each article, a `--config` file, and baselines."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from compliance.config import CONFIG_NAMES, ConfigLayer, build_layer
from compliance.errors import ConfigError
from compliance.inputs import STDIN, display_file
from compliance.yamlsource import nodes_from_plain, parse_yaml

if TYPE_CHECKING:  # imported when used: baselines are not part of every check
    from compliance.baseline import BaselineEntry


def _config_in_directory(directory: Path) -> ConfigLayer | None:
    """The configuration file of one directory, if any (`.syndcheck.yaml`, else pyproject.toml)."""
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file():
            return read_config(candidate)
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", path=display_file(pyproject)) from None
        table = data.get("tool", {}).get("syndcheck")
        if table is not None:
            origin = f"{display_file(pyproject)} [tool.syndcheck]"
            return build_layer(nodes_from_plain(table, origin, _toml_table_line(pyproject)), origin, directory.resolve().as_posix())
    return None


def _toml_table_line(pyproject: Path) -> int:
    for number, line in enumerate(pyproject.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().replace(" ", "") == "[tool.syndcheck]":
            return number
    return 1


def read_config(path: Path) -> ConfigLayer:
    """Load and validate one configuration file given by path."""
    if not path.is_file():
        raise ConfigError("no such configuration file", path=str(path), hint="check the --config path")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", path=str(path)) from None
    origin = display_file(path)
    return build_layer(parse_yaml(text, origin, error=ConfigError), origin, path.resolve().parent.as_posix())


class ConfigFinder:
    """Finds the configuration layers of each article by walking up from its directory, stopping
    at a file with `root: true` or at the repository root; results are cached per directory."""

    def __init__(self) -> None:
        self._layers: dict[Path, tuple[ConfigLayer, ...]] = {}

    def loaded(self) -> list[tuple[ConfigLayer, ...]]:
        """The layers found so far, per directory searched."""
        return list(self._layers.values())

    def layers_for(self, path: str) -> tuple[ConfigLayer, ...]:
        """Layers farthest first, so that nearer files override farther ones."""
        directory = Path(path).resolve().parent if path != STDIN else Path.cwd().resolve()
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

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline: {getattr(exc, 'strerror', None) or exc}", path=str(path), hint="check the --baseline path") from None
    return parse_baseline(text, display_file(path))
