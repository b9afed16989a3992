"""Reports held for the formats that need the whole run, in little memory.

JSON, SARIF, JUnit, GitLab, GitHub and the HTML report describe every file at once, so their
reports are kept until the end of the run. Kept as objects, a report costs about 7 KB (each
finding and piece of evidence is a few small objects); kept pickled and compressed it costs about
0.7 KB, so 2,000 files hold about 1.5 MB instead of 15 MB. A formatter reading them unpacks one at
a time. Reports checked in worker processes travel in the same packed form (`pack`), so the run
keeps the bytes it received instead of packing each report again.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterator, Sequence
from typing import overload

from compliance.findings import Report


class CompactReports(Sequence[Report]):
    """An append-only sequence of reports, each stored pickled and compressed."""

    def __init__(self) -> None:
        self._packed: list[bytes] = []

    def append(self, report: Report, packed: bytes = b"") -> None:
        """Keep one more report (at the end); `packed`, when given, is `pack(report)` already made."""
        self._packed.append(packed or pack(report))

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> Report: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Report]: ...

    def __getitem__(self, index: int | slice) -> Report | Sequence[Report]:
        if isinstance(index, slice):
            return [unpack(packed) for packed in self._packed[index]]
        return unpack(self._packed[index])

    def __iter__(self) -> Iterator[Report]:
        return (unpack(packed) for packed in self._packed)

    @property
    def held_bytes(self) -> int:
        """How many bytes the packed reports take (their own sizes, without the list's)."""
        return sum(len(packed) for packed in self._packed)


def pack(report: Report) -> bytes:
    """A report pickled and compressed (about a tenth of its size as objects); `unpack` reverses it."""
    return zlib.compress(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> Report:
    """The report `pack` made these bytes of."""
    report: Report = pickle.loads(zlib.decompress(packed))
    return report
