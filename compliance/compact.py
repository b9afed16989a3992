"""Reports held for the formats that need the whole run, in little memory.

JSON, SARIF, JUnit, GitLab, GitHub and the HTML report describe every file at once, so their
reports are kept until the end of the run. Kept as objects, a report costs about 7 KB (each
finding and piece of evidence is a few small objects); kept pickled and compressed it costs about
0.7 KB, so 2,000 files hold about 1.5 MB instead of 15 MB. A formatter reading them unpacks one at
a time. Reports checked in worker processes travel in the same packed form (`pack`), so the run
keeps the bytes it received instead of packing each report again. JSON keeps each file's entry
rendered instead (`CompactTexts`), compressed too: about 0.6 KB a file.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import operator
import pickle
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

from compliance import findings
from compliance.findings import Report

_Held = TypeVar("_Held")


class _Packed(Sequence[_Held]):
    """An append-only sequence whose items are each held as bytes (`_unpack` reads one back)."""

    def __init__(self, unpack_one: Callable[[bytes], _Held]) -> None:
        self._packed: list[bytes] = []
        self._unpack = unpack_one

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> _Held: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[_Held]: ...

    def __getitem__(self, index: int | slice) -> _Held | Sequence[_Held]:
        if isinstance(index, slice):
            return [self._unpack(packed) for packed in self._packed[index]]
        return self._unpack(self._packed[index])

    def __iter__(self) -> Iterator[_Held]:
        return (self._unpack(packed) for packed in self._packed)

    @property
    def held_bytes(self) -> int:
        """How many bytes the packed items take (their own sizes, without the list's)."""
        return sum(len(packed) for packed in self._packed)


class CompactReports(_Packed[Report]):
    """An append-only sequence of reports, each stored pickled and compressed."""

    def __init__(self) -> None:
        super().__init__(unpack)

    def append(self, report: Report, packed: bytes = b"") -> None:
        """Keep one more report (at the end); `packed`, when given, is `pack(report)` already made."""
        self._packed.append(packed or pack(report))


class CompactTexts(_Packed[str]):
    """An append-only sequence of texts, each stored encoded as UTF-8 and compressed: a run's
    rendered JSON entries (`compliance.formatters.json.json_entry`), held until the document is
    written, in about what its packed reports would take."""

    def __init__(self) -> None:
        super().__init__(_text)

    def append(self, text: str) -> None:
        """Keep one more text (at the end). A lone surrogate is kept as it is (`surrogatepass`)."""
        self._packed.append(zlib.compress(text.encode("utf-8", "surrogatepass"), 1))


def _text(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8", "surrogatepass")


def _by_fields(cls: type[Any]) -> Callable[[Any], tuple[type[Any], tuple[Any, ...]]]:
    """How `pack` pickles a value class: as a call of the class with its fields' values in order.
    Pickle's own way for frozen dataclasses with slots calls `dataclasses.fields` on every object,
    both ways, which makes it more than twice as slow; a batch packs every report in a worker and
    unpacks it in the main process, where each millisecond is taken from the workers."""
    names = [field.name for field in dataclasses.fields(cls)]
    values = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda value: (cls, (values(value),))
    return lambda value: (cls, values(value))


# Every value class a report is made of (all fields set by the constructor, so `cls(*values)`
# rebuilds the object as it was).
_REPORT_CLASSES = (
    findings.Report,
    findings.Finding,
    findings.Location,
    findings.FixBlock,
    findings.Passed,
    findings.Suppressed,
    findings.Notice,
    findings.Detection,
)
_DISPATCH: dict[type[Any], Callable[[Any], Any]] = {**copyreg.dispatch_table, **{cls: _by_fields(cls) for cls in _REPORT_CLASSES}}


def dumps_value_objects(value: object) -> bytes:
    """`value` pickled with every frozen value class in it (a dataclass with slots and only
    constructor fields, pickled the dataclass way) stored as a call of the class with its fields'
    values, as `pack` stores reports: `pickle.loads` reads it back. The pack cache is written so:
    its packs hold hundreds of such objects (rules, checks, their parameters), and unpickling
    them the dataclass way calls `dataclasses.fields` on each: about a sixth of reading the
    cache, which every start-up does."""
    buffer = io.BytesIO()
    _ValueObjectPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _ValueObjectPickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        reduce = _field_reducer(type(obj))
        return NotImplemented if reduce is None else reduce(obj)


_FIELD_REDUCERS: dict[type[Any], Callable[[Any], tuple[type[Any], tuple[Any, ...]]] | None] = {}


def _field_reducer(cls: type[Any]) -> Callable[[Any], tuple[type[Any], tuple[Any, ...]]] | None:
    """`_by_fields(cls)` for a class `cls(*values)` rebuilds; None for any other class, such as
    one that pickles in its own way (a pack's `Pattern` keeps its compiled program)."""
    if cls not in _FIELD_REDUCERS:
        dataclass_way = getattr(getattr(cls, "__getstate__", None), "__name__", "") == "_dataclass_getstate"
        rebuilt = dataclass_way and all(field.init for field in dataclasses.fields(cls))
        _FIELD_REDUCERS[cls] = _by_fields(cls) if rebuilt else None
    return _FIELD_REDUCERS[cls]


def pack(report: Report) -> bytes:
    """A report pickled and compressed (about a tenth of its size as objects); `unpack` reverses it."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(report)
    return zlib.compress(buffer.getbuffer(), 1)


def unpack(packed: bytes) -> Report:
    """The report `pack` made these bytes of."""
    report: Report = pickle.loads(zlib.decompress(packed))
    return report
