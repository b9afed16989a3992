"""The `syndcheck` process's start-up: the console script's entry point, the pause of the cyclic
garbage collector while the command line, its modules and the packs are loaded, and the cache of
the code generated for value classes.

Start-up makes some hundred thousand objects that live as long as the process: modules, classes,
functions, the packs. Allocating them sets off about sixty passes of the collector, each over all
that is young, which cost a one-file check (what a pre-commit hook runs) a twentieth of its time
while nothing they could free exists yet. Plain reference counting frees everything else as usual
meanwhile. This module imports nothing else of the package but the small `compliance.cachefiles`
(which imports none), so that the pause starts before the command line's own imports (typer and click make a third of the objects).

Every frozen dataclass and every named tuple writes the source of its methods (`__init__`,
`__eq__`, `__hash__`, `__repr__`, and a frozen class's `__setattr__` and `__delattr__`) when its
module loads, and has Python compile it; `typing` compiles each named tuple field's annotation
(a string, under `from __future__ import annotations`), and typer has `inspect` evaluate each
option's. That was about five hundred small compilations, a sixth of a one-file check.
`use_generated_code_cache` keeps the compiled code, by its source text, in a file beside the pack
cache, so that later runs of the same Python load it instead of compiling it again. The classes
are the same classes: the same source compiled with the same flags is the same code.
"""

from __future__ import annotations

import gc
import marshal
import os
import re
import sys
import zlib
from types import CodeType
from typing import Any, NoReturn

from compliance.cachefiles import cache_folder, open_own, write_own

# Whether `pause_collector` paused the collector (and `start_up_done` has yet to resume it).
_COLLECTOR = {"paused": False}


def pause_collector() -> None:
    """Pause the cyclic garbage collector until `start_up_done`; nothing when it is off already."""
    if gc.isenabled():
        gc.disable()
        _COLLECTOR["paused"] = True


def start_up_done() -> None:
    """Resume the collector paused by `pause_collector` (nothing when it was not paused).

    Called before the first document is read and before any `--jobs` worker forks, so documents
    are collected as usual. What start-up made is frozen first (moved to the collector's permanent
    generation): resumed with all of it still young, the collector's first pass would walk it at
    once, and every full pass of a long batch would walk it again; frozen, it also stays shared,
    not copied, in forked workers.
    """
    if _COLLECTOR["paused"]:
        _COLLECTOR["paused"] = False
        gc.freeze()
        gc.enable()


class _GeneratedCode:
    """Code compiled from generated source, by its text and the mode it was compiled in (`"exec"`
    for dataclasses' methods, `"eval"` for named tuples' `__new__` and for annotations), and the
    programs of regular expressions, by their pattern and `"re <flags>"`. `stored` is the cache
    file's index (see `_read_index`): where each piece is in the file, read and checked only when
    it is used, so that a run reads, checks and loads only the code of the classes and patterns it
    uses (the file also holds other commands'); `compiled` counts what this process compiled."""

    def __init__(self) -> None:
        self.path: str | None = None
        # The cache file, open for reading (see `_read_index`), and where its pieces start.
        self.descriptor: int | None = None
        self.pieces_start = 0
        self.stored: dict[tuple[str | bytes, str], tuple[int, int, int]] = {}
        self.code: dict[tuple[str | bytes, str], CodeType | tuple[Any, ...]] = {}
        self.compiled = 0
        self.patterns_kept = 0

    def get(self, source: str, mode: str) -> CodeType:
        key = (source, mode)
        code = self.code.get(key) or self._load(key)
        if type(code) is not CodeType:
            # Compiled as the generator's own `exec(source, …)` or `eval(source, …)` compiles
            # it: neither module generating code has a `from __future__` import to pass on.
            code = compile(source, "<string>", mode, dont_inherit=True)
            self.compiled += 1
            self.stored.pop(key, None)  # what the file held for it was no use: replaced
        self.code[key] = code
        return code

    def pattern(self, pattern: str | bytes, flags: int) -> re.Pattern[Any]:
        """`pattern` compiled with `flags`, as `re` compiles it, from its stored program when the
        cache file holds one that the engine accepts. Raises `re.error` for an invalid pattern."""
        key = (pattern, f"re {flags}")
        program = self.code.get(key) or self._load(key)
        if type(program) is tuple:
            try:
                compiled: re.Pattern[Any] = _sre.compile(pattern, *program)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass  # not a program this engine runs: compiled afresh below
            else:
                self.code[key] = program
                return compiled
        program = _pattern_program(pattern, flags)
        if self.patterns_kept < _MOST_PATTERNS_A_RUN:
            self.patterns_kept += 1
            self.compiled += 1
            self.stored.pop(key, None)
            self.code[key] = program
        return _sre.compile(pattern, *program)  # type: ignore[no-any-return]

    def _piece(self, key: tuple[str | bytes, str]) -> bytes | None:
        """The marshalled piece the file holds for `key`, when its checksum holds; None otherwise
        (not stored, or damaged, or the file unreadable)."""
        where = self.stored.get(key)
        if self.descriptor is None or type(where) is not tuple or len(where) != 3:
            return None
        offset, length, crc = where
        if type(length) is not int or not 0 <= length <= _MOST_GENERATED_BYTES:
            return None
        try:
            piece = os.pread(self.descriptor, length, self.pieces_start + offset)
        except (OSError, TypeError, ValueError, OverflowError):
            return None
        return piece if len(piece) == length and zlib.crc32(piece) == crc else None

    def _load(self, key: tuple[str | bytes, str]) -> CodeType | tuple[Any, ...] | None:
        piece = self._piece(key)
        if piece is None:
            return None
        try:
            code = marshal.loads(piece)
        except (EOFError, ValueError, TypeError):
            return None
        return code if type(code) is CodeType or (type(code) is tuple and len(code) == 5) else None

    def to_store(self) -> dict[tuple[str | bytes, str], bytes]:
        """What the cache file is to hold, each piece marshalled: what it held (the pieces whose
        checksum holds) and what this process compiled, or only what this process used once the
        file holds `_MOST_GENERATED` pieces or more."""
        kept = {key: self._piece(key) for key in self.stored} if len(self.stored) < _MOST_GENERATED else {}
        used = {key: kept.get(key) or marshal.dumps(code) for key, code in self.code.items()}
        return {**{key: piece for key, piece in kept.items() if piece is not None}, **used}


_GENERATED = _GeneratedCode()
# `re`'s own compiling function, which `_cached_pattern` stands in for; None on a Python whose `re`
# is not built as `_pattern_program` knows (it then compiles every pattern itself, as usual).
_COMPILE_PATTERN: Any = getattr(getattr(re, "_compiler", None), "compile", None) if sys.version_info < (3, 14) else None
# The `re` engine's C half: `_sre.compile(pattern, flags, program, groups, names, names by group)`.
_sre: Any = getattr(getattr(re, "_compiler", None), "_sre", None)
# A file written by another Python holds code of another bytecode: the key names the
# interpreter's full version and build.
_GENERATED_KEY = f"2|{sys.version}"
# Each command and each edit of a value class adds code to the file: from this many pieces on, a
# run that compiled anything writes only the code it used.
_MOST_GENERATED = 4096
# A larger file is not read (the code of every command and pattern takes a few megabytes).
_MOST_GENERATED_BYTES = 64 * 1024 * 1024
# Some patterns are made from what a page holds (an unknown element's name): a run keeps the
# programs of this many patterns it compiled, and compiles any later ones without keeping them, so
# that a long batch neither grows in memory nor fills the file with one page's patterns.
_MOST_PATTERNS_A_RUN = 512


def _pattern_program(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What the `re` engine's C half (`_sre.compile`) takes after the pattern to make a compiled
    pattern: the flags, the program, the number of groups, and the groups' names both ways, as
    `re._compiler.compile` works them out (Python 3.11 to 3.13). Raises `re.error` for an invalid
    pattern."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names = dict(parsed.state.groupdict)
    groups: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        groups[index] = name
    # Plain integers: the parser's opcodes and flags are named subclasses of int, which the engine
    # takes as ints and marshal cannot write.
    return (int(flags | parsed.state.flags), [int(word) for word in code], parsed.state.groups - 1, names, tuple(groups))


def _cached_pattern(pattern: Any, flags: int = 0) -> Any:
    """`re._compiler.compile` as `re` calls it for a pattern not in its own cache, with the
    program from `_GENERATED` for a pattern's text. A parsed pattern (what `re.Scanner` passes)
    and the debugging flag go to the original."""
    if type(pattern) in (str, bytes) and not flags & re.DEBUG:
        return _GENERATED.pattern(pattern, flags)
    assert _COMPILE_PATTERN is not None  # installed only when there is one
    return _COMPILE_PATTERN(pattern, flags)


def _namespaces(given: tuple[Any, ...], caller: Any) -> tuple[Any, ...]:
    """The globals and locals `exec` or `eval` called with `given` uses: the caller's where `None`
    or left out, as the built-ins take them."""
    global_names = given[0] if given and given[0] is not None else caller.f_globals
    local_names = given[1] if len(given) > 1 and given[1] is not None else (caller.f_locals if not given or given[0] is None else global_names)
    return (global_names, local_names, *given[2:])


def _cached_exec(source: Any, *namespaces: Any, **options: Any) -> None:
    """`exec` as dataclasses calls it (`exec(source, globals, locals)`), with compiled code from
    `_GENERATED` for a source text."""
    code = _GENERATED.get(source, "exec") if isinstance(source, str) else source
    exec(code, *_namespaces(namespaces, sys._getframe(1)), **options)


def _cached_eval(source: Any, *namespaces: Any) -> Any:
    """`eval` as `collections.namedtuple` (`eval(source, namespace)`) and `inspect.get_annotations`
    (`eval(annotation, globals, locals)`) call it, with compiled code from `_GENERATED` for a
    source text."""
    code = _GENERATED.get(source, "eval") if isinstance(source, str) else source
    return eval(code, *_namespaces(namespaces, sys._getframe(1)))


def _cached_compile(source: Any, filename: str, mode: str, flags: int = 0, dont_inherit: bool = False, optimize: int = -1, **options: Any) -> Any:
    """`compile` as `typing.ForwardRef` calls it (`compile(annotation, "<string>", "eval")`, for
    each annotation of a named tuple's fields), with compiled code from `_GENERATED` for a source
    text. Whatever else it is given is compiled as the built-in would have compiled it for the
    caller: typing has no `from __future__` flags to inherit, so `dont_inherit` changes nothing."""
    if isinstance(source, str) and filename == "<string>" and not flags and optimize == -1 and not options:
        return _GENERATED.get(source, mode)
    return compile(source, filename, mode, flags, True, optimize, **options)


def use_generated_code_cache() -> None:
    """Have dataclasses, named tuples, `typing` and `inspect` take the compiled code of the source
    they generate or evaluate from the cache file (see the module's docstring), and keep what they
    compile for `store_generated_code`. A missing, unreadable or foreign file (another user's, one
    others can write, another Python's) is not used."""
    folder = cache_folder()
    if folder is None:
        return
    import collections
    import dataclasses
    import inspect
    import typing

    path = os.path.join(folder, f"generated-{sys.implementation.cache_tag}-{zlib.crc32(_GENERATED_KEY.encode()):08x}.marshal")
    _GENERATED.path = path
    # The user's own regular file, not a link, writable by nobody else (a FIFO or a device put
    # there would hang or flood the start of every run), and its index whole: each piece is
    # checked when it is read (damaged code can crash the interpreter).
    descriptor = open_own(path, _MOST_GENERATED_BYTES)
    if descriptor is not None:
        index = _read_index(descriptor)
        if index is None:
            os.close(descriptor)
        else:
            _GENERATED.descriptor, _GENERATED.pieces_start, _GENERATED.stored = descriptor, *index
    # Each calls the built-in by its global name: the module's own name comes first.
    vars(dataclasses)["exec"] = _cached_exec
    vars(collections)["eval"] = _cached_eval
    vars(inspect)["eval"] = _cached_eval
    vars(typing)["compile"] = _cached_compile
    if _COMPILE_PATTERN is not None and _sre is not None:
        re._compiler.compile = _cached_pattern  # type: ignore[attr-defined]


def store_generated_code() -> None:
    """Write the compiled code to the cache file when this process compiled any (its index and
    each piece sealed with its checksum, atomically: see `compliance.cachefiles.write_own`).
    Nothing here ever fails a run."""
    if _GENERATED.path is None or not _GENERATED.compiled:
        return
    try:
        data = _code_file(_GENERATED.to_store())
    except ValueError:  # a piece marshal cannot write
        return
    write_own(_GENERATED.path, data)


# What a file of generated code starts with: this tag, then the length and the CRC-32 of its index
# (8 hex digits each). A file written otherwise (as earlier versions wrote it: all of it sealed
# with one checksum, read whole) is no cache, and is replaced by the next run that compiles.
_CODE_FILE_TAG = b"syndcheck-code-1 "
_CODE_FILE_HEADER = len(_CODE_FILE_TAG) + 16


def _code_file(pieces: dict[tuple[str | bytes, str], bytes]) -> bytes:
    """The cache file holding `pieces` (marshalled code by key): the tag, the index's length and
    checksum, the index — the key of the Python that compiled them and, for each piece, where it
    starts after the index, its length and its CRC-32 — then the pieces. Raises ValueError for a
    key marshal cannot write."""
    where: dict[tuple[str | bytes, str], tuple[int, int, int]] = {}
    offset = 0
    for key, piece in pieces.items():
        where[key] = (offset, len(piece), zlib.crc32(piece))
        offset += len(piece)
    index = marshal.dumps((_GENERATED_KEY, where))
    return b"".join([_CODE_FILE_TAG, b"%08x%08x" % (len(index), zlib.crc32(index)), index, *pieces.values()])


def _read_index(descriptor: int) -> tuple[int, dict[tuple[str | bytes, str], tuple[int, int, int]]] | None:
    """Where the pieces of the cache file open at `descriptor` start, and its index (see
    `_code_file`), when the file is one this Python wrote and its index is whole; None otherwise."""
    try:
        header = os.pread(descriptor, _CODE_FILE_HEADER, 0)
        if len(header) != _CODE_FILE_HEADER or not header.startswith(_CODE_FILE_TAG):
            return None
        length, crc = int(header[len(_CODE_FILE_TAG) : -8], 16), int(header[-8:], 16)
        index = os.pread(descriptor, length, _CODE_FILE_HEADER)
        if len(index) != length or zlib.crc32(index) != crc:
            return None
        key, where = marshal.loads(index)
    except Exception:  # noqa: BLE001 - an unreadable cache only means compiling
        return None
    return (_CODE_FILE_HEADER + length, where) if key == _GENERATED_KEY and isinstance(where, dict) else None


def run() -> None:
    """Console-script entry point: the command line, in a process that ends with it.

    Only a process that ends with the command pauses the collector and uses the generated code's
    cache: `compliance.cli.main` called in-process (tests, an embedding program) leaves the
    caller's collector and dataclasses alone.
    """
    pause_collector()
    try:
        use_generated_code_cache()
        from compliance.cli import main

        code = main()
    except KeyboardInterrupt:
        # Ctrl-C while the command line's modules load, before it handles Ctrl-C itself (a
        # pre-commit hook stopped at once): its one line and exit 130, as a moment later, not a
        # traceback through the imports.
        from compliance.exitcodes import INTERRUPTED

        if sys.stderr is not None:
            sys.stderr.write("syndcheck: interrupted\n")
        code = INTERRUPTED
    store_generated_code()
    end_process(code)


def end_process(code: int) -> NoReturn:
    """End the process with exit status `code` as Python's own exit does — other threads that are
    not daemons waited for, atexit handlers run, stdout and stderr flushed (status 120 when that
    fails, as Python's) — without the interpreter's teardown that follows.

    The teardown frees every object still alive, module by module (the modules, the packs, the
    parsed page), only for the system to take back the memory anyway: about 6 ms of a one-file
    check (a pre-commit hook), and a last pass of the collector over them all before it. What is
    alive is frozen first, so that what the atexit handlers allocate cannot set off a pass over it
    either. Files a command writes are closed by it (`with`), never left to the teardown. A
    process run under a profiler, a tracer or a debugger ends with `sys.exit`, as usual, so that
    the tool's own report is written.
    """
    import atexit
    import threading

    if sys.getprofile() is not None or sys.gettrace() is not None:
        # Run under a profiler, a tracer or a debugger (`python -m cProfile -o FILE -m
        # compliance`, `python -m trace`, pdb): such a tool writes its report once the program
        # returns to it, which ending the process here would skip.
        sys.exit(code)
    gc.freeze()
    threading._shutdown()  # type: ignore[attr-defined] # what Python's exit does first
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError, AttributeError):
            code = 120
    os._exit(code)
