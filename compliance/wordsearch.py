"""Which of a set of literal words occur in a text, in one pass: the search of the literal
prefilter (`compliance.prefilter`).

Two engines give the same answer. Hyperscan (the `hyperscan` bindings of Intel's vectorised
multi-literal matcher) is used where its wheels install (Linux on x86-64 and AArch64, macOS,
Windows on x86-64): it searches a 100 KB page in about 0.03 ms. Elsewhere `ahocorasick-rs`
(Rust's `aho-corasick` crate, wheels for every platform) takes about 0.22 ms. See README
"Dependencies" and docs/performance.md.

A compiled Hyperscan database is stored in the pack cache (`serialized`, `adopt_serialized`),
so that a one-file check does not compile it (about 2 ms).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

# Compiled Hyperscan databases as `hyperscan.dumpb` wrote them, by the words they search for:
# what the pack cache stored (`adopt_serialized`) or this process compiled.
_SERIALIZED: dict[tuple[bytes, ...], bytes] = {}


def _hyperscan() -> Any:
    """The `hyperscan` module, or None where it is not installed (no wheel for the platform)."""
    try:
        import hyperscan
    except ImportError:
        return None
    return hyperscan


class WordSearch:
    """A search for `words` (non-empty bytes without NUL, as the prefilter folds them).

    `found(text)` gives the indexes in `words` of those that occur in `text` (bytes), overlapping
    occurrences included. Safe to call from several threads at once (each thread has its own
    Hyperscan scratch space)."""

    def __init__(self, words: Sequence[bytes]) -> None:
        self.words = tuple(words)
        self._database: Any = None
        self._automaton: Any = None
        self._local = threading.local()
        hyperscan = _hyperscan()
        if hyperscan is not None:
            self._database = _database(hyperscan, self.words)
        else:
            from ahocorasick_rs import BytesAhoCorasick

            self._automaton = BytesAhoCorasick(list(self.words))

    @property
    def engine(self) -> str:
        """`hyperscan` or `ahocorasick-rs`: the engine this search uses."""
        return "hyperscan" if self._database is not None else "ahocorasick-rs"

    def found(self, text: bytes) -> frozenset[int]:
        return frozenset(self.first_ends(text))

    def first_ends(self, text: bytes) -> dict[int, int]:
        """The indexes in `words` of those that occur in `text`, each with the offset in `text`
        where its first occurrence ends (a word that ends at or before an offset occurs before it)."""
        if self._database is None:
            ends: dict[int, int] = {}
            for index, _start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
                ends[index] = min(end, ends.get(index, end))
            return ends
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            import hyperscan

            scratch = self._local.scratch = hyperscan.Scratch(self._database)
        found: dict[int, int] = {}

        def on_match(index: int, _start: int, end: int, _flags: int, _context: object) -> None:
            # Hyperscan reports matches in the order they end, each word once (single match).
            found.setdefault(index, end)

        self._database.scan(text, match_event_handler=on_match, scratch=scratch)
        return found


def _database(hyperscan: Any, words: tuple[bytes, ...]) -> Any:
    """The Hyperscan database of `words`: the stored one when it loads on this machine (a
    database is specific to the processor's features), else compiled. Each word is reported once
    a scan (`HS_FLAG_SINGLEMATCH`): only which words occur matters."""
    stored = _SERIALIZED.get(words)
    if stored is not None:
        try:
            return hyperscan.loadb(stored, hyperscan.HS_MODE_BLOCK)
        except hyperscan.error:
            del _SERIALIZED[words]
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=list(words), ids=list(range(len(words))), elements=len(words), flags=[hyperscan.HS_FLAG_SINGLEMATCH] * len(words), literal=True
    )
    if len(_SERIALIZED) >= 16:
        _SERIALIZED.clear()
    _SERIALIZED[words] = hyperscan.dumpb(database)
    return database


def serialized() -> dict[tuple[bytes, ...], bytes]:
    """The Hyperscan databases compiled or adopted so far, by their words: what the pack cache
    stores (empty where Hyperscan is not installed)."""
    return dict(_SERIALIZED)


def adopt_serialized(stored: Any) -> bool:
    """Take databases `serialized` returned (as loaded from the pack cache); False when `stored`
    is not such a mapping (nothing is taken then). A database that does not load on this
    machine is compiled again when it is first needed."""
    if not isinstance(stored, dict) or not all(isinstance(key, tuple) and isinstance(value, bytes) for key, value in stored.items()):
        return False
    _SERIALIZED.update(stored)
    return True


__all__ = ["WordSearch", "adopt_serialized", "serialized"]
