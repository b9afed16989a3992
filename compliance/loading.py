"""The input edge: built-in pack lookup, pack files, input paths and bytes.

Everything that touches the file system (besides the CLI writing output) lives here, so the core
stays a pure function of bytes and packs. Inputs are only ever opened for reading.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from compliance.config import CONFIG_NAMES, ConfigLayer, build_layer
from compliance.document import DocumentKind
from compliance.errors import ConfigError, InputError, PackError
from compliance.packs import Pack, build_packs, pack_identity
from compliance.yamlsource import YNode, nodes_from_plain, parse_yaml

if TYPE_CHECKING:  # imported when used: rule tests and baselines are not part of every check
    from compliance.baseline import BaselineEntry
    from compliance.ruletest import Expectations

ARTICLE_SUFFIXES: dict[str, DocumentKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
PACK_SUFFIXES = (".yaml", ".yml")
STDIN = "-"


def builtin_rules_dir() -> Path:
    """Where the built-in packs are: inside the package in a wheel, `rules/` in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError("the built-in rule packs are missing from this installation", path=str(package), hint="reinstall syndication-compliance")


def read_pack_text(path: Path) -> str:
    """A pack file's text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PackError(f"cannot read rule pack: {exc.strerror or exc}", path=str(path), hint="check the --rules path") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackError(f"rule pack is not UTF-8 (byte {exc.start})", path=str(path), hint="save the file as UTF-8") from None
    return text


def _display(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path.resolve()) if relative.startswith("..") else relative


def pack_files(location: Path) -> list[Path]:
    """The pack files at a path: the file itself, or the YAML files in a directory."""
    if location.is_dir():
        return sorted(p for p in location.iterdir() if p.suffix in PACK_SUFFIXES and p.is_file())
    if not location.exists():
        raise PackError("no such rule pack file or directory", path=str(location), hint="check the --rules path")
    return [location]


def load_packs(extra: Sequence[Path] = (), *, builtin: bool = True) -> list[Pack]:
    """Built-in packs plus packs from `--rules` paths.

    A pack given with `--rules` replaces the built-in pack with the same id (a newsroom's copy of
    the DCNF pack with its house rules); two `--rules` packs with one id are an error. Validated
    packs are cached (see `_PackCache`), so a one-file check does not parse YAML again.
    """
    extra_files = list(dict.fromkeys(f.resolve() for location in extra for f in pack_files(location)))
    builtin_files = [f.resolve() for f in pack_files(builtin_rules_dir())] if builtin else []
    cache = _PackCache(builtin_files + extra_files, trusted=len(builtin_files))
    cached = cache.load()
    if cached is not None:
        return cached
    extra_trees = [_parse_pack_file(file) for file in extra_files]
    trees = []
    replaced = {pack_identity(root, origin)[0] for root, origin in extra_trees}
    for file in builtin_files:
        if file in extra_files:
            continue
        root, origin = _parse_pack_file(file)
        if pack_identity(root, origin)[0] not in replaced:
            trees.append((root, origin))
    # The built-in packs are compiled by the test suite (tests/test_packs.py), so their regexes
    # and selectors compile on first use; packs a user gives are compiled (validated) now.
    trusted = frozenset(origin for _, origin in trees)
    packs = sorted(build_packs(trees + extra_trees, trusted=trusted), key=lambda p: p.id)
    cache.store(packs)
    return packs


class _PackCache:
    """Validated packs, pickled per set of pack files (path, size, modification time).

    Start-up matters for pre-commit hooks: unpickling takes about a millisecond where parsing and
    validating a dozen YAML packs takes tens. The cache lives in $XDG_CACHE_HOME/syndcheck (or
    $SYNDCHECK_CACHE_DIR); SYNDCHECK_NO_CACHE=1 turns it off. It is only read when it belongs to
    the current user and no one else can write it, and any problem with it means "rebuild".
    """

    def __init__(self, files: Sequence[Path], *, trusted: int) -> None:
        self.path: Path | None = None
        if os.environ.get("SYNDCHECK_NO_CACHE"):
            return
        import hashlib
        import sys

        from compliance import __version__

        root = os.environ.get("SYNDCHECK_CACHE_DIR") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "syndcheck")
        # The working directory is part of the key: packs name their files relative to it.
        digest = hashlib.sha256(f"{__version__}|{sys.version}|{trusted}|{Path.cwd()}".encode())
        # The package's own modules are part of the key too: pickles hold its classes, and an
        # upgrade or an edit of the code must never meet a cache written by another version.
        code = sorted(Path(__file__).resolve().parent.rglob("*.py"))
        try:
            for file in [*files, *code]:
                info = file.stat()
                digest.update(f"|{file}|{info.st_size}|{info.st_mtime_ns}".encode())
        except OSError:
            return
        self.path = Path(root) / f"packs-{digest.hexdigest()[:24]}.pickle"

    def load(self) -> list[Pack] | None:
        if self.path is None:
            return None
        import pickle

        try:
            info = self.path.stat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
            packs = pickle.loads(self.path.read_bytes())
        except Exception:  # noqa: BLE001 - a missing, stale or unreadable cache only means a rebuild
            return None
        return packs if isinstance(packs, list) and all(isinstance(p, Pack) for p in packs) else None

    def store(self, packs: list[Pack]) -> None:
        if self.path is None:
            return
        import pickle
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, prefix=".packs-", delete=False) as handle:
                handle.write(pickle.dumps(packs, protocol=pickle.HIGHEST_PROTOCOL))
            os.chmod(handle.name, 0o600)
            os.replace(handle.name, self.path)
        except Exception:  # noqa: BLE001 - a cache that cannot be written is simply not used
            return


def _parse_pack_file(file: Path) -> tuple[YNode | None, str]:
    origin = _display(file)
    return parse_yaml(read_pack_text(file), origin), origin


def select_packs(packs: Sequence[Pack], wanted: Sequence[str]) -> list[Pack]:
    """The packs named with `--pack`, in the order given."""
    by_id = {p.id: p for p in packs}
    chosen = []
    for pack_id in wanted:
        if pack_id not in by_id:
            import difflib

            close = difflib.get_close_matches(pack_id, list(by_id), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "run 'syndcheck packs' to list them"
            raise PackError(f"unknown pack '{pack_id}'", hint=hint)
        chosen.append(by_id[pack_id])
    return chosen


@dataclass(frozen=True, slots=True)
class Source:
    """One article to check, not yet read."""

    path: str
    kind: DocumentKind
    file: Path | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file met during a directory walk that cannot be checked, and why."""

    path: str
    reason: str


def kind_for(path: str, override: DocumentKind | None = None) -> DocumentKind:
    """The document kind of a path, by extension (HTML for unknown extensions given explicitly)."""
    if override is not None:
        return override
    return ARTICLE_SUFFIXES.get(Path(path).suffix.lower(), "html")


def sniff_kind(data: bytes) -> DocumentKind:
    """HTML or text for stdin, from the content."""
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<article", b"<div", b"<p", b"<!--", b"<meta")):
        return "html"
    return "text"


def expand_paths(paths: Iterable[str], *, kind: DocumentKind | None = None) -> Iterator[Source | Skipped]:
    """Files to check: explicit files as given, directories walked recursively for articles.

    A missing explicit path is a user error (raised before anything is checked); inside a
    directory walk, unreadable entries and symlink loops are skipped with a reason.
    """
    explicit = list(paths)
    for path in explicit:
        if path != STDIN and not os.path.lexists(path):
            raise InputError("no such file or directory", path=path, hint="check the path (directories are searched for .html, .htm, .txt, .md)")
    for path in explicit:
        if path == STDIN:
            yield Source(STDIN, kind or "html")
        elif os.path.isdir(path):
            yield from _walk(Path(path), kind, set())
        else:
            yield Source(path, kind_for(path, kind), Path(path))


def _walk(directory: Path, kind: DocumentKind | None, seen: set[tuple[int, int]]) -> Iterator[Source | Skipped]:
    try:
        info = directory.stat()
    except OSError as exc:
        yield Skipped(str(directory), f"cannot read directory: {exc.strerror or exc}")
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield Skipped(str(directory), "symbolic link loop, skipped")
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield Skipped(str(directory), f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(child, kind, seen)
        elif child.suffix.lower() in ARTICLE_SUFFIXES:
            yield Source(str(child), kind_for(str(child), kind), child)


DEFAULT_MAX_BYTES = 16 * 1024 * 1024


class TooLarge(Exception):
    """An input beyond `--max-bytes`: reported as not checked, never half-read."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"not checked: {size:,} bytes is more than --max-bytes {limit:,}")
        self.size = size
        self.limit = limit


def read_source(source: Source, *, max_bytes: int | None = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of an article, at most `max_bytes` of them (opened read-only, never modified)."""
    limit = max_bytes if max_bytes else None
    if source.file is None:
        import sys

        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(data) > limit:
            raise TooLarge(len(data) + len(stream.read()), limit)
        return data
    try:
        if limit is not None:
            size = source.file.stat().st_size
            if size > limit:
                raise TooLarge(size, limit)
        with source.file.open("rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=source.path, hint="check that it exists and is readable") from None


def read_fixture(source: Source) -> tuple[bytes, Expectations]:
    """A rule-test fixture's bytes and its expectations (comments, or a `.expect` sidecar for text)."""
    from compliance.decoding import decode_bytes
    from compliance.ruletest import Expectations, expectations_in_markup, expectations_in_sidecar

    data = read_source(source, max_bytes=None)
    if source.kind == "text" and source.file is not None:
        sidecar = source.file.with_name(source.file.name + ".expect")
        if not sidecar.exists():
            return data, Expectations()
        try:
            return data, expectations_in_sidecar(sidecar.read_text(encoding="utf-8"), str(sidecar))
        except ValueError as exc:
            raise InputError(str(exc), hint="see docs/rule-packs.md, 'Testing a pack'") from None
    try:
        return data, expectations_in_markup(decode_bytes(data).text)
    except ValueError as exc:
        raise InputError(str(exc), path=source.path, hint="see docs/rule-packs.md, 'Testing a pack'") from None


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
            raise ConfigError(f"invalid TOML: {exc}", path=_display(pyproject)) from None
        table = data.get("tool", {}).get("syndcheck")
        if table is not None:
            origin = f"{_display(pyproject)} [tool.syndcheck]"
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
    origin = _display(path)
    return build_layer(parse_yaml(text, origin, error=ConfigError), origin, path.resolve().parent.as_posix())


class ConfigFinder:
    """Finds the configuration layers of each article by walking up from its directory, stopping
    at a file with `root: true` or at the repository root; results are cached per directory."""

    def __init__(self) -> None:
        self._layers: dict[Path, tuple[ConfigLayer, ...]] = {}

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


def write_atomic(path: Path, text: str) -> None:
    """Write a report file so that readers never see half of it: a temporary file, then a rename."""
    import tempfile

    directory = path.resolve().parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
            handle.write(text)
            temporary = Path(handle.name)
        # A temporary file is private (0600); a report gets the mode any new file would get.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        raise InputError(f"cannot write report: {exc.strerror or exc}", path=str(path), hint="check the --output path") from None


def read_ignore_file(path: Path) -> list[str]:
    """The lines of a `.gitignore` (or `.git/info/exclude`); none when it is missing or unreadable."""
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def append_text(path: Path, text: str) -> None:
    """Append to a file another tool owns (GitHub's job summary is appended to, by design)."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise InputError(f"cannot write the job summary: {exc.strerror or exc}", path=str(path)) from None


def read_sidecar_meta(source: Source) -> dict[str, str]:
    """Article metadata from `NAME.meta.yaml` beside an article (`story.html.meta.yaml`)."""
    if source.file is None:
        return {}
    sidecar = source.file.with_name(source.file.name + ".meta.yaml")
    if not sidecar.is_file():
        return {}
    from compliance.yamlsource import YMap, plain

    origin = _display(sidecar)
    try:
        root = parse_yaml(sidecar.read_text(encoding="utf-8-sig"), origin, error=InputError)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read article metadata: {exc}", path=origin) from None
    if root is None:
        return {}
    if not isinstance(root, YMap):
        raise InputError("article metadata must be a mapping (key: value lines)", path=origin, line=root.mark.line)
    return {str(k): str(v) for k, v in plain(root).items() if isinstance(v, str | int | float) and not isinstance(v, bool)}


def read_baseline(path: Path) -> dict[str, BaselineEntry]:
    """A baseline file's entries by fingerprint."""
    from compliance.baseline import parse_baseline

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline: {getattr(exc, 'strerror', None) or exc}", path=str(path), hint="check the --baseline path") from None
    return parse_baseline(text, _display(path))
