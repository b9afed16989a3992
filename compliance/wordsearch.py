"""Which of a set of literal words occur in a text, in one pass: the search of the literal
prefilter (`compliance.prefilter`).

Two engines give the same answer. Hyperscan (the `hyperscan` bindings of Intel's vectorised
multi-literal matcher) is used where its wheels install (Linux on x86-64 and AArch64, macOS,
Windows on x86-64): it searches a 100 KB page in about 0.03 ms. Elsewhere `ahocorasick-rs`
(Rust's `aho-corasick` crate, wheels for every platform) takes about 0.22 ms. See README
"Dependencies" and docs/performance.md.

Importing Hyperscan takes about 1.8 ms in a process that has loaded the checker (10 ms on its
own, with the modules it shares), the automaton's module 0.4 ms: as long as the automaton takes
to search about 1 MB. So every search starts on the automaton and moves to Hyperscan once it has
searched `HYPERSCAN_AFTER_BYTES`: a one-file check or a pre-commit hook's few files never pay for
the import, and a batch pays it once per process, at most twice what the better engine would
have cost on its own (the rule of "rent or buy"). A small saving (about 1.4 ms of a one-file
check), measured with the page cache warm.

A compiled Hyperscan database is stored in the pack cache (`serialized`, `adopt_serialized`,
`WordSearch.prepare`), so that a batch does not compile it (about 2 ms).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from typing import Any

# Compiled Hyperscan databases as `hyperscan.dumpb` wrote them, by the words they search for:
# what the pack cache stored (`adopt_serialized`) or this process compiled.
_SERIALIZED: dict[tuple[bytes, ...], bytes] = {}

# How many bytes a search goes over with the automaton before it loads Hyperscan: about what the
# automaton searches in the time importing Hyperscan takes (0.22 ms per 100 KB against about 1.8 ms).
HYPERSCAN_AFTER_BYTES = 1024 * 1024


@functools.cache
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
    Hyperscan scratch space). The automaton searches the first `HYPERSCAN_AFTER_BYTES`, Hyperscan
    (where it is installed) the rest; both give the same answers."""

    def __init__(self, words: Sequence[bytes]) -> None:
        from ahocorasick_rs import BytesAhoCorasick

        self.words = tuple(words)
        self._automaton = BytesAhoCorasick(list(self.words))
        self._database: Any = None
        self._searched_bytes = 0
        self._local = threading.local()

    @property
    def engine(self) -> str:
        """`hyperscan` or `ahocorasick-rs`: the engine the next search uses."""
        return "hyperscan" if self._database is not None else "ahocorasick-rs"

    def prepare(self) -> bool:
        """Load or compile the Hyperscan database now, so that `serialized` holds it (what the
        pack cache stores) and the next search uses it; False where Hyperscan is not installed."""
        hyperscan = _hyperscan()
        if hyperscan is None:
            return False
        if self._database is None:
            self._database = _database(hyperscan, self.words)
        return True

    def found(self, text: bytes) -> frozenset[int]:
        return frozenset(self.first_ends(text))

    def first_ends(self, text: bytes) -> dict[int, int]:
        """The indexes in `words` of those that occur in `text`, each with the offset in `text`
        where its first occurrence ends (a word that ends at or before an offset occurs before it)."""
        if self._database is None:
            # Two threads may both pass the mark and both prepare: each gets the same database.
            self._searched_bytes += len(text)
            if self._searched_bytes <= HYPERSCAN_AFTER_BYTES or not self.prepare():
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


__all__ = ["HYPERSCAN_AFTER_BYTES", "WordSearch", "adopt_serialized", "serialized"]
