"""Source positions: lxml knows only the line on which a start tag ends; reports show where the
element starts, as line:col, computed from the source only when a finding asks.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from compliance.findings import Location
from compliance.firstuse import on_first_use

_LONE_CR = on_first_use(r"\r(?!\n)")
_LONE_CR_BYTES = on_first_use(rb"\r(?!\n)")


def lines_by_lf(source: str) -> str:
    """`source` with each lone carriage return (the line break of old Mac files) as a line feed.

    The result has the same length, so every offset stays valid, and its lines, counted by
    "\n", are those an editor shows and the HTML standard's input preprocessing makes (CR LF
    and lone CR both end a line). libxml2 counts only line feeds: a page with lone CRs would
    otherwise be reported all on line 1. A CR LF pair is left as it is: its LF already counts.
    """
    return _LONE_CR().sub("\n", source) if "\r" in source else source


def lines_by_lf_bytes(payload: bytes) -> bytes:
    """`lines_by_lf` for the UTF-8 bytes handed to the parser (CR and LF are single bytes in UTF-8)."""
    return _LONE_CR_BYTES().sub(b"\n", payload) if b"\r" in payload else payload


@dataclass(frozen=True, slots=True)
class SourceComment:
    """A comment the parser read as one (`<!-- text -->`), not text that looks like it (an alt
    attribute, a script, a code span): its text, where it starts and the line it ends on."""

    text: str
    location: Location
    end_line: int


def tree_comments(root: Any) -> list[tuple[str, int]]:
    """The comment nodes of a parsed page as (text, line it ends on), in source order: those in
    the root element and those before and after it (a page that opens with a comment)."""
    from lxml import etree

    nodes = [*root.itersiblings(etree.Comment, preceding=True), *root.iter(etree.Comment), *root.itersiblings(etree.Comment)]
    # Sorted by line: the tree's order is not always the source's (misplaced head content is
    # moved into the body).
    return sorted(((node.text or "", node.sourceline or 1) for node in nodes), key=lambda comment: comment[1])


def locate_comments(source: str, comments: Iterable[tuple[str, int]]) -> tuple[SourceComment, ...]:
    """Each comment a parser read, as (text, line it ends on) in document order, placed in the
    source: the `<!--text-->` that ends on that line. The same text may also stand earlier as
    something else (a `<textarea>`'s text, an alt attribute), so the end line decides, not the
    first occurrence; where the source does not show it as written (a parser's repair), the
    comment is placed at its end line."""
    starts = line_starts(source)
    placed: list[SourceComment] = []
    cursor = 0
    for text, end_line in comments:
        found = None
        for needle in dict.fromkeys((f"<!--{text}-->", f"<!--{text}--!>", f"<!--{text.replace(chr(10), chr(13) + chr(10))}-->", f"<!--{text}")):
            at = source.find(needle, cursor)
            while at != -1 and found is None:
                ends_on = bisect.bisect_right(starts, at + len(needle) - 1)
                if ends_on == end_line:
                    found = (at, at + len(needle))
                elif ends_on > end_line:
                    break
                else:
                    at = source.find(needle, at + 1)
            if found is not None:
                break
        if found is None:
            placed.append(SourceComment(text, Location(end_line, 1), end_line))
            continue
        cursor = found[1]
        line = bisect.bisect_right(starts, found[0])
        placed.append(SourceComment(text, Location(line, found[0] - starts[line - 1] + 1), end_line))
    return tuple(placed)


def line_starts(source: str) -> list[int]:
    """The offset where each line of `source` (as `lines_by_lf` gives it) starts, line 1 first."""
    return [0, *itertools.accumulate(len(text) + 1 for text in source.split("\n"))][:-1]


def offset_at(source: str, line: int, column: int) -> int:
    """The offset in `source` (as `lines_by_lf` gives it) of a 1-based line and column; 0 when
    the source has no such line."""
    offset = 0
    for _ in range(line - 1):
        offset = source.find("\n", offset) + 1
        if offset == 0:
            return 0
    return offset + column - 1


def location_at(source: str, offset: int) -> Location:
    """The 1-based line and column of an offset in `source` (as `lines_by_lf` gives it)."""
    return Location(source.count("\n", 0, offset) + 1, offset - (source.rfind("\n", 0, offset) + 1) + 1)


def text_column(source: str, line: int) -> int:
    """The column of the first non-blank character on a line (1 when the line does not exist);
    `source` as `lines_by_lf` gives it."""
    start = 0
    for _ in range(line - 1):
        start = source.find("\n", start) + 1
        if start == 0:
            return 1
    end = source.find("\n", start)
    text = source[start : end if end != -1 else len(source)]
    return len(text) - len(text.lstrip()) + 1


class SourcePositions:
    """Computes columns for elements on demand (lxml only knows the line)."""

    def __init__(self, source: str, root: Any) -> None:
        self._source = lines_by_lf(source)
        self._root = root
        self._line_starts: list[int] | None = None
        self._by_line: dict[str, dict[int, list[Any]]] = {}
        self._cache: dict[Any, Location] = {}

    def _line_text(self, line: int) -> str:
        if self._line_starts is None:
            # Where each line starts: after each line before it and its line break.
            starts = line_starts(self._source)
            self._line_starts = starts
        if not 1 <= line <= len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self._source)
        return self._source[start:end]

    def locate(self, element: Any) -> Location:
        """Where an element's start tag begins.

        lxml reports the line on which a start tag *ends*, so a tag whose attributes span lines is
        searched for backwards from there: the k-th of n same-named tags ending on that line is the
        (n-k)-th last `<tag` before the line's end. Memoised per element: a hit's location is
        asked for by its finding, its passed entry and the evidence of a `near` check.
        """
        cached = self._cache.get(element)
        if cached is None:
            cached = self._locate(element)
            self._cache[element] = cached
        return cached

    def _locate(self, element: Any) -> Location:
        line = element.sourceline or 1
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:
            return Location(line, 1)
        # The page's elements of this tag by line, indexed when a finding first asks for the tag.
        by_line = self._by_line.get(tag)
        if by_line is None:
            by_line = self._by_line[tag] = {}
            try:
                elements = self._root.iter(tag)
            except ValueError:  # a name lxml cannot search for: a control character in it (`<a\x08>`)
                elements = (el for el in self._root.iter() if el.tag == tag)
            for el in elements:
                if el.sourceline:
                    by_line.setdefault(el.sourceline, []).append(el)
        same_tag = by_line.get(line, [])
        # The element's start tag is the `back`-th last `<tag` in the window that ends by the end
        # of its line; the window is searched backwards from there, and only as far as that one.
        back = len(same_tag) - _index_of(same_tag, element)
        window_start_line = max(1, line - _START_TAG_LOOKBACK)
        window_start = self._offset_of_line(window_start_line)
        window_end = max(window_start, self._offset_of_line(line + 1) - 1 if line < self._line_count() else len(self._source))
        pattern = _start_tag(tag)
        source = self._source
        found = 0
        at = window_end
        while back > 0:
            at = source.rfind("<", window_start, at)
            if at < 0:
                break
            match = pattern.match(source, at, window_end)
            # Only tags that also end by the end of this line: one that starts here but ends on a
            # later line belongs to an element lxml puts on that later line.
            if match is not None and (source.find(">", match.end()) < window_end or source.find(">", match.end()) == -1):
                found += 1
                if found == back:
                    return self._location_of_offset(at)
        text = self._line_text(line)
        return Location(line, len(text) - len(text.lstrip()) + 1)

    def _line_starts_list(self) -> list[int]:
        if self._line_starts is None:
            self._line_text(1)
        assert self._line_starts is not None
        return self._line_starts

    def _line_count(self) -> int:
        return len(self._line_starts_list())

    def _offset_of_line(self, line: int) -> int:
        starts = self._line_starts_list()
        return starts[min(max(line, 1), len(starts)) - 1]

    def _location_of_offset(self, offset: int) -> Location:
        import bisect

        starts = self._line_starts_list()
        index = bisect.bisect_right(starts, offset) - 1
        return Location(index + 1, offset - starts[index] + 1)


_START_TAG_LOOKBACK = 50


@functools.lru_cache(maxsize=256)
def _start_tag(tag: str) -> re.Pattern[str]:
    """Where a start tag of this name begins, in any letter case (`<p ` or `<P>`)."""
    return re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.IGNORECASE)


def _index_of(elements: list[Any], element: Any) -> int:
    for i, el in enumerate(elements):
        if el is element:
            return i
    return 0
