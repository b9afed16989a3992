"""The `regex` package's matching engine, its C half (`regex._regex`), loaded without its Python half.

Pack patterns come compiled from the pack cache: the `regex` package pickles a pattern as a call
of its engine's `compile` with the compiled program, which the engine takes as it is. Importing
`regex` also imports its Python half, the parser and compiler of patterns (`regex._regex_core`),
which made a sixth of a one-file check's imports (about 14 ms of a pre-commit hook's run) while
such a run parses no pattern. `loads` reads a pickle that holds compiled patterns with the engine
loaded alone; the first pattern compiled from its text (a pack given with `--rules`, a pattern
bound to an article's metadata) imports the whole package as usual.

The engine is a single-phase extension module: loaded alone, it is taken out of `sys.modules`
again, so that importing `regex` later loads it as the package's own submodule, a copy of it that
shares its functions and types — a pattern from either is a `regex.Pattern`, and pickles and
matches as one. An engine built otherwise (or a `regex` laid out otherwise) is not loaded alone:
the whole package is imported then, as before.
"""

from __future__ import annotations

import io
import pickle
import sys
from types import ModuleType
from typing import Any

_ENGINE_NAME = "regex._regex"
# The engine once loaded alone (empty until then).
_ALONE: list[ModuleType] = []


def engine() -> ModuleType:
    """The `regex` package's C half: the package's own when `regex` is imported, else the one
    loaded alone (see the module's docstring). Raises ImportError when `regex` is not installed."""
    imported = sys.modules.get(_ENGINE_NAME)
    if imported is not None:
        return imported
    if not _ALONE:
        _ALONE.append(_load_alone() or _whole_package_engine())
    return _ALONE[0]


def _load_alone() -> ModuleType | None:
    """The engine loaded from the package's folder without the package, or None when it cannot
    be loaded so (not found, or not a single-phase extension module)."""
    import importlib.machinery
    import importlib.util

    package = importlib.machinery.PathFinder.find_spec("regex")
    locations = list(package.submodule_search_locations or ()) if package is not None else []
    if not locations:
        return None
    finder = importlib.machinery.FileFinder(locations[0], (importlib.machinery.ExtensionFileLoader, importlib.machinery.EXTENSION_SUFFIXES))
    spec = finder.find_spec(_ENGINE_NAME)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # A single-phase extension module enters itself in `sys.modules` as it loads: only such a
    # module is shared with a later import of the package (which finds it missing and copies it).
    if sys.modules.pop(_ENGINE_NAME, None) is not module:
        return None
    return module


def _whole_package_engine() -> ModuleType:
    import regex  # noqa: F401 - imports its engine as `regex._regex`

    return sys.modules[_ENGINE_NAME]


def is_pattern(value: object) -> bool:
    """Whether `value` is a compiled `regex` pattern (without importing the package's Python half)."""
    kind = type(value)
    return kind.__module__ == "_regex" and kind.__qualname__ == "Pattern"


class _EngineUnpickler(pickle.Unpickler):
    """An unpickler that takes the engine's functions from `engine()`."""

    def find_class(self, module: str, name: str) -> Any:
        if module == _ENGINE_NAME:
            return getattr(engine(), name)
        return super().find_class(module, name)


# The arguments of the engine's `compile` that a compiled pattern keeps (`_pickled_data`, what it
# pickles as): the pattern, its flags, its program, four tables of groups and named lists, then
# the required string's offset, characters and flags, and the number of groups.
_COMPILE_ARGUMENTS = 11
_REQUIRED_STRING = slice(7, 10)


def without_required_string(compiled: Any) -> Any:
    """`compiled` (a `regex` pattern) as it would be had its pattern no required string: the same
    program, so the same matches, without the engine's first step of a `match` or `search` at an
    offset, a search of the text for a literal every match holds ("Texas" in
    `(?:The\\s+)?Texas\\s+Tribune`) from that offset on, wherever it lies.

    That step makes one search cheap where the literal is absent; but for a `match` tried at each
    of many offsets (`patterns._finditer_at`) each try searches the rest of the text again, so
    the tries cost the square of a long page (a 15 MB page: 2,400 offsets, 43 s for one pattern).
    `compiled` itself when it has no required string, or when the `regex` package keeps its
    pattern in another form than the one this reads (its `compile` arguments, `_pickled_data`)."""
    arguments = getattr(compiled, "_pickled_data", None)
    if not isinstance(arguments, tuple) or len(arguments) != _COMPILE_ARGUMENTS or not arguments[8]:
        return compiled
    none = (0, (), 0)  # what the `regex` package's compiler gives a pattern with no required string
    return engine().compile(*arguments[: _REQUIRED_STRING.start], *none, *arguments[_REQUIRED_STRING.stop :])


def loads(data: bytes) -> Any:
    """`pickle.loads(data)`, with the compiled `regex` patterns it holds made by `engine()`."""
    return _EngineUnpickler(io.BytesIO(data)).load()


__all__ = ["engine", "is_pattern", "loads", "without_required_string"]
