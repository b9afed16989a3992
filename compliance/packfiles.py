"""Rule packs on disk: the built-in packs, `--rules` files, the validated-pack cache, and `--pack` ids;
and the Unicode tables the look-alike letters are read with."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.cachefiles import cache_folder, remove_if_stale
from compliance.errors import PackError, combine, unknown_pack
from compliance.inputs import display_file, read_setting, refuse_special, resolved
from compliance.packs import Pack, build_packs, pack_identity

if TYPE_CHECKING:
    from compliance.yamlsource import YNode

PACK_SUFFIXES = (".yaml", ".yml")


def builtin_rules_dir() -> Path:
    """Where the built-in packs are: inside the package in a wheel, `rules/` in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError("the built-in rule packs are missing from this installation", path=str(package), hint="reinstall syndication-compliance")


def read_pack_text(path: Path) -> str:
    """A pack file's text."""
    data = read_setting(path, "rule pack", error=PackError, hint="check the --rules path")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackError(f"rule pack is not UTF-8 (byte {exc.start})", path=str(path), hint="save the file as UTF-8") from None
    return text


def pack_files(location: Path) -> list[Path]:
    """The pack files at a path: the file itself, or the YAML files in a directory.

    A directory's dot-files are not packs: `.syndcheck.yaml` (a project configuration),
    `.pre-commit-config.yaml` and the like sit beside packs in a newsroom's rules folder. A
    directory without a pack is a PackError: a misspelt or emptied rules folder would otherwise
    check with the built-in packs alone, in silence.
    """
    if location.is_dir():
        found = pack_files_in(location)
        if not found:
            raise PackError("no rule packs (.yaml or .yml files) in this directory", path=str(location), hint="check the --rules path")
        return found
    if not os.path.lexists(location):
        raise PackError("no such rule pack file or directory", path=str(location), hint="check the --rules path")
    return [location]


def replacing_builtin(packs: Sequence[Pack]) -> list[Pack]:
    """The packs of `packs` (as `load_packs` returns them) that stand in for the built-in pack of
    their id: loaded from another file than the built-in one, so the publisher's own rules are off.
    (A built-in pack's id is its file's name, as tests/test_packs.py holds.)"""
    builtin = {file.stem: file.resolve() for file in pack_files(builtin_rules_dir())}
    return [pack for pack in packs if pack.id in builtin and Path(pack.origin).resolve() != builtin[pack.id]]


def pack_files_in(directory: Path) -> list[Path]:
    """The pack files in a directory, sorted (none when it holds none; see `pack_files`)."""
    # Anything but a folder is a pack to read: a FIFO or a link to a device named like a pack is
    # refused when it is read, not passed over.
    return sorted(p for p in directory.iterdir() if p.suffix in PACK_SUFFIXES and not p.name.startswith(".") and not p.is_dir())


def load_packs(extra: Sequence[Path] = (), *, builtin: bool = True) -> list[Pack]:
    """Built-in packs plus packs from `--rules` paths.

    A pack given with `--rules` replaces the built-in pack with the same id (a newsroom's copy of
    the DCNF pack with its house rules); two `--rules` packs with one id are an error. Validated
    packs are cached (see `_PackCache`), so a one-file check does not parse YAML again.
    """
    given = [f for location in extra for f in pack_files(location)]
    for file in given:  # named as given: a link to a device is refused under its own name
        refuse_special(file, "rule pack", error=PackError, hint="check the --rules path")
    extra_files = list(dict.fromkeys(resolved(f) for f in given))
    builtin_files = [f.resolve() for f in pack_files(builtin_rules_dir())] if builtin else []
    cache = _PackCache(builtin_files + extra_files, trusted=len(builtin_files))
    cached = cache.load()
    if cached is not None:
        return cached
    extra_trees = []
    problems: list[PackError] = []
    for file in extra_files:  # every file's YAML errors, then every pack's, in one run
        try:
            extra_trees.append(_parse_pack_file(file))
        except PackError as error:
            problems.append(error)
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
    try:
        built = build_packs(trees + extra_trees, trusted=trusted)
    except PackError as error:
        raise combine([*problems, error]) from None
    if problems:
        raise combine(problems)
    packs = sorted(built, key=lambda p: p.id)
    cache.store(packs)
    return packs


class _PackCache:
    """Validated packs, pickled per set of pack files (path, size, modification and change times,
    inode), with what checking a document with them needs first.

    Start-up matters for pre-commit hooks: unpickling takes about a millisecond where parsing and
    validating a dozen YAML packs takes tens. The packs' regexes are stored compiled (`regex`
    pickles the compiled program: see `Pattern.__getstate__`), and so is the table of ASCII
    look-alike letters that every page a pack applies to is read with (made from Unicode's
    900 KB confusables table), the letters of other scripts that imitate ASCII letters and the
    scripts' ranges (`compliance.lookalike.unicode_tables`: any page with a letter outside ASCII
    needs them, and making them takes a quarter of a second), and the words the literal prefilter and the link check derive from
    the packs' patterns and selectors (`compliance.prefilter.derived_words`), and the byline
    reader's vocabulary of credentials and titles (read from `nameparser`, whose import alone
    costs more than the rest of a check), so the first document pays for none of them. The cache lives in
    $XDG_CACHE_HOME/syndcheck (or $SYNDCHECK_CACHE_DIR); SYNDCHECK_NO_CACHE=1 turns it off. It is
    only read when it belongs to the current user and no one else can write it, and any problem
    with it means "rebuild". Writing a new file removes the stale ones (`prune_pack_cache`).
    """

    def __init__(self, files: Sequence[Path], *, trusted: int) -> None:
        self.path: Path | None = None
        self.key = ""
        root = cache_folder()
        if root is None:
            return
        import sys
        import zlib

        from compliance import __version__

        # The key has three parts, each named in the file's name (see `prune_pack_cache`): the
        # code — the package's own modules (pickles hold its classes, and an upgrade or an edit of
        # the code must never meet a cache written by another version), the Python version and the
        # `regex` package's files (the cache holds compiled programs; its version is not read,
        # which would import it whole: see `compliance.regexengine`) and the tables the derived
        # ones are made from; the set of packs — their files and the working directory (the packs name their
        # files as shown relative to it, and a pack's file is shown from where a run starts); and
        # the state of those pack files. A file's state is its size and both its times: its
        # modification time can be set back (`touch -d`, `cp -p`, `rsync -a`, an archive unpacked
        # with its times), its change time, which any write or copy sets anew, cannot; and its
        # inode, for a file replaced by another one whose times are the same.
        code = [f"{__version__}|{sys.version}"]
        packs = [f"|{trusted}|{Path.cwd()}"]
        state = []
        try:
            tables = [unicode_table_file("confusables.json"), unicode_table_file("categories.json"), *_name_vocabulary_files()]
            for file in [*_package_modules(), *_regex_files(), *map(str, tables)]:
                info = os.stat(file)
                code.append(f"|{file}|{_file_state(info)}")
            for file in map(str, files):
                info = os.stat(file)
                packs.append(f"|{file}")
                state.append(f"|{_file_state(info)}")
        except OSError:
            return
        # The whole key is stored in the cache and compared when it is read; the file's name only
        # tells keys apart, so checksums do (a clash means a rebuild, never a wrong cache), and
        # no hash library is loaded (`hashlib` loads OpenSSL's: milliseconds of a one-file check).
        parts = ("".join(code), "".join(packs), "".join(state))
        self.key = "".join(parts)
        self.path = Path(root) / ("packs-" + "-".join(f"{zlib.crc32(part.encode()):08x}" for part in parts) + ".pickle")

    def load(self) -> list[Pack] | None:
        if self.path is None:
            return None
        from compliance import regexengine
        from compliance.cachefiles import read_own, unsealed
        from compliance.document.byline_reading import adopt_name_vocabulary
        from compliance.lookalike import adopt_ascii_look_alikes, adopt_names_patterns, adopt_unicode_tables
        from compliance.prefilter import adopt_derived_words

        # The user's own regular file, not a link, writable by nobody else, and whole: unpickling
        # runs what the file says (see `compliance.cachefiles`).
        contents = unsealed(read_own(self.path, _MOST_CACHE_BYTES))
        if contents is None:
            return None
        try:
            cached = regexengine.loads(contents)
            if cached["key"] != self.key:
                return None
            packs, look_alikes, words, vocabulary = cached["packs"], cached["ascii_look_alikes"], cached["prefilter"], cached["name_vocabulary"]
            tables, names_patterns = cached["unicode_tables"], cached["names_patterns"]
        except Exception:  # noqa: BLE001 - a stale or unreadable cache only means a rebuild
            return None
        if not (isinstance(packs, list) and all(isinstance(p, Pack) for p in packs) and isinstance(look_alikes, dict)):
            return None
        adopted = (adopt(data) for adopt, data in ((adopt_unicode_tables, tables), (adopt_names_patterns, names_patterns), (adopt_name_vocabulary, vocabulary)))
        if not adopt_derived_words(packs, words) or not all(adopted):
            return None
        adopt_ascii_look_alikes(look_alikes)
        return packs

    def store(self, packs: list[Pack]) -> None:
        if self.path is None:
            return
        from compliance.cachefiles import sealed, write_own
        from compliance.compact import dumps_value_objects
        from compliance.document.byline_reading import name_vocabulary
        from compliance.engine import publisher_names
        from compliance.lookalike import ascii_look_alikes, names_patterns, unicode_tables
        from compliance.prefilter import derived_words

        try:
            cached = {
                "key": self.key,
                "packs": packs,
                "ascii_look_alikes": dict(ascii_look_alikes()),
                "prefilter": derived_words(packs),
                "name_vocabulary": name_vocabulary(),
                "unicode_tables": unicode_tables(),
                # The names each pack's publisher goes by, spelt with look-alike letters: looked
                # for on every page that pack applies to.
                "names_patterns": names_patterns(publisher_names([pack]) for pack in packs),
            }
            data = dumps_value_objects(cached)
        except Exception:  # noqa: BLE001 - a cache that cannot be made is simply not used
            return
        if not write_own(self.path, sealed(data)):
            return
        # Only when a new file was written: a run that reads the cache never lists its folder.
        try:
            prune_pack_cache(self.path)
        except Exception:  # noqa: BLE001 - stale files left behind only cost disk space
            return


def _file_state(info: os.stat_result) -> str:
    """What tells one state of a file from another in the pack cache's key: its size, its
    modification and change times and its inode (see `_PackCache`)."""
    return f"{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}|{info.st_ino}"


# The names of the cache's files: this version's (`packs-CODE-PACKS-STATE.pickle`, three checksums
# of the key's parts), those earlier versions wrote (one checksum and the key's length; 24 hex
# digits of a SHA-256), and a write's temporary file (`tempfile`'s eight characters, after the
# file's name in this version, `compliance.cachefiles.write_own`; alone in earlier ones).
# (Patterns compiled when a cache is written, not when the module is imported.)
_CACHE_FILE = r"packs-([0-9a-f]{8})-([0-9a-f]{8})-([0-9a-f]{8})\.pickle"
_EARLIER_CACHE_FILE = r"packs-(?:[0-9a-f]{8}-[0-9]+|[0-9a-f]{24})\.pickle"
# A pack cache file is never larger than this (the built-in packs' takes about 350 KB).
_MOST_CACHE_BYTES = 64 * 1024 * 1024
_TEMPORARY_CACHE_FILE = r"\.packs-(?:[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}\.pickle-[a-z0-9_]{8}\.tmp|[a-z0-9_]{8})"
# A stale cache file used (read or written) this recently is left: another installation of
# syndcheck (a pre-commit hook's own, another virtual environment) may be reading it, and two
# installations used in turn would otherwise remove each other's cache at every run.
STALE_CACHE_SECONDS = 3600


def prune_pack_cache(current: Path, *, now: float | None = None) -> list[Path]:
    """Remove the pack cache files in `current`'s folder that no run of this code with the same
    packs can use, and return them: those of another syndcheck version (another code checksum, or
    a name earlier versions gave), those of an earlier state of the same pack files (edited since),
    and temporary files of writes that did not finish — each only when it is syndcheck's own by
    its name, a regular file of the current user, and not read or written in the last
    `STALE_CACHE_SECONDS`. Anything else in the folder is left alone, and so is a file that cannot
    be removed (another process holds it); nothing here ever fails a run."""
    import re
    import time

    removed: list[Path] = []
    ours = re.fullmatch(_CACHE_FILE, current.name)
    if ours is None:
        return removed
    code, packs, state = ours.groups()
    limit = (time.time() if now is None else now) - STALE_CACHE_SECONDS
    try:
        entries = list(os.scandir(current.parent))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        match = re.fullmatch(_CACHE_FILE, name)
        if match is not None:
            other_code, other_packs, other_state = match.groups()
            if other_code == code and (other_packs != packs or other_state == state):
                continue  # this version's cache of other packs (another project), or this file
        elif not (re.fullmatch(_EARLIER_CACHE_FILE, name) or re.fullmatch(_TEMPORARY_CACHE_FILE, name)):
            continue
        if remove_if_stale(entry, limit):
            removed.append(Path(entry.path))
    return removed


def _package_modules() -> list[str]:
    """The package's modules (paths of its .py files), sorted: `os.walk` lists them in half the
    time `Path.rglob` takes."""
    package = os.path.dirname(os.path.realpath(__file__))
    return sorted(os.path.join(folder, name) for folder, _, names in os.walk(package) for name in names if name.endswith(".py"))


def _parse_pack_file(file: Path) -> tuple[YNode | None, str]:
    from compliance.yamlsource import parse_yaml  # only when a pack is built from its file, not read from the cache

    origin = display_file(file)
    return parse_yaml(read_pack_text(file), origin), origin


def pack_ids(values: Sequence[str], given: str) -> tuple[str, ...]:
    """Pack ids from repeated or comma-separated values (`--pack dcnf,propublica`); a selection
    that names no pack (`--pack ''`, `packs=[]`) is a PackError: read as "no packs", it would check
    nothing and pass."""
    ids = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    if not ids:
        raise PackError(f"{given} names no pack", hint="give pack ids such as dcnf ('syndcheck packs' lists them)")
    return ids


def distinct_pack_ids(wanted: Iterable[str]) -> tuple[str, ...]:
    """The pack ids, each once, where first named: a pack named twice (`--pack dcnf --pack dcnf`,
    or a request's query and payload) is applied, and listed, once."""
    return tuple(dict.fromkeys(wanted))


def select_packs(packs: Sequence[Pack], wanted: Sequence[str]) -> list[Pack]:
    """The packs named with `--pack`, in the order first given, each once (`distinct_pack_ids`);
    raises PackError for an unknown id."""
    by_id = {p.id: p for p in packs}
    chosen = []
    for pack_id in distinct_pack_ids(wanted):
        if pack_id not in by_id:
            raise unknown_pack(pack_id, by_id)
        chosen.append(by_id[pack_id])
    return chosen


def _regex_files() -> list[str]:
    """The files of the `regex` installation (its modules and its engine), sorted, found without
    importing it: a cache written with another version of it is not used."""
    import importlib.machinery

    spec = importlib.machinery.PathFinder.find_spec("regex")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not locations:
        raise OSError("the regex package is missing")
    return sorted(entry.path for entry in os.scandir(locations[0]) if entry.is_file())


def _name_vocabulary_files() -> list[Path]:
    """The files of the nameparser installation the byline reader's vocabulary comes from (without
    importing it): a cache written with another version of it is not used."""
    import importlib.machinery

    spec = importlib.machinery.PathFinder.find_spec("nameparser")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not locations:
        raise OSError("the nameparser package is missing")
    return [Path(locations[0]) / name for name in ("__init__.py", "_version.py") if (Path(locations[0]) / name).exists()]


def unicode_table_file(name: str) -> Path:
    """Where one of the confusable-homoglyphs package's data tables is (without importing it)."""
    import importlib.machinery

    spec = importlib.machinery.PathFinder.find_spec("confusable_homoglyphs")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not locations:
        raise OSError(f"the confusable-homoglyphs package is missing: no {name}")
    return Path(locations[0]) / name


def unicode_table(name: str) -> Any:
    """One of Unicode's data tables as the confusable-homoglyphs package ships them, parsed:
    "confusables.json" (UTS #39 confusables, every pair both ways) or "categories.json"
    (Scripts.txt ranges). Read like the built-in packs: data that comes with the installation."""
    import json
    from importlib.resources import files

    return json.loads(files("confusable_homoglyphs").joinpath(name).read_text(encoding="utf-8"))
