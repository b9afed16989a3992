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


def loads(data: bytes) -> Any:
    """`pickle.loads(data)`, with the compiled `regex` patterns it holds made by `engine()`."""
    return _EngineUnpickler(io.BytesIO(data)).load()


__all__ = ["engine", "is_pattern", "loads"]
