"""Pack regexes, compiled once per process and searched with a time limit.

Pack authors write regexes, and a regex can backtrack catastrophically (`(a+)+$`). The `regex`
package is both much faster than `re` on typical credit-line patterns and supports a per-call
`timeout`, so one pathological pattern costs at most `MATCH_TIMEOUT` seconds of CPU time per
search (as much per 250,000 characters of a longer text: `time_limit`) and is reported as a
finding naming its rule instead of stalling a publishing pipeline.

The limit is of the searching thread's CPU time, not of wall time, so that a verdict does not
depend on how busy the machine is: the engine's `timeout` counts wall time, and on a loaded
machine (a CI runner, `--jobs` on busy cores) an ordinary search can wait past it for a core.
A search's first try gets `_FIRST_TRY` seconds of wall time, which bounds its CPU time too (a
thread's CPU time never outruns wall time) and costs no clock reading; a try that times out is
charged all of it, and the search goes on (`_Starved`) with tries each given the CPU time left as
wall time, charged the CPU time the thread's clock says they used, until it ends, the CPU time is
spent (the pattern really is too costly: `PatternTimeout`), or it has taken `_WALL_CAP` seconds
in all (a stopped process still ends). A try is restarted where the search got to: a search or a
match again, a scan of matches from the last match it found.
"""

from __future__ import annotations

import functools
import itertools
import pickle
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, AnyStr

from compliance import regexengine
from compliance.firstuse import on_first_use
from compliance.text import normalize, normalize_inline, normalize_inline_keeping_controls

# Seconds of the searching thread's CPU time a search may take (from one match to the next).
MATCH_TIMEOUT = 0.25
# A text longer than this many characters gets `MATCH_TIMEOUT` per as many: searching it once
# takes time in proportion to its length, and a pattern that only scans a page of 9 million
# characters (a 15 MB page, within the default `--max-bytes`) takes more than 0.25 s to do so.
# 250,000 characters in 0.25 s leaves 1 µs for each, three times what the slowest built-in
# pattern takes to scan a page (a case-blind list of outlets with a look-behind, about 310 ns);
# a pattern that backtracks without end takes far more on any text.
_CHARACTERS_PER_TIME_LIMIT = 250_000
# Seconds of wall time a search's first try may take: the CPU time it is charged (it reads no clock).
# Short, so that a search a busy machine starves of CPU keeps most of its budget for the tries that
# count their CPU time; an ordinary search ends in well under a millisecond, within its first try.
_FIRST_TRY = MATCH_TIMEOUT * 0.2
# Seconds of wall time a search may take in all, however little CPU time it got.
_WALL_CAP = MATCH_TIMEOUT * 20
# The clocks the time limit reads (module attributes, so that a test can starve a search).
_cpu_clock = time.thread_time
_wall_clock = time.perf_counter


def time_limit(length: int) -> float:
    """Seconds of CPU time a search of a text of `length` characters may take: `MATCH_TIMEOUT`,
    and as much per 250,000 characters for a longer text (`_CHARACTERS_PER_TIME_LIMIT`)."""
    return MATCH_TIMEOUT * max(1.0, length / _CHARACTERS_PER_TIME_LIMIT)


def shown_limit(seconds: float) -> str:
    """A time limit in seconds as messages give it: "0.25", "2.3"."""
    return f"{seconds:.2g}"


class PatternTimeout(Exception):
    """A pattern exceeded its time limit (`time_limit`, in s of CPU time) on a document: `source`
    is the pattern as written, `length` the characters of the text it searched (a value, a line,
    the page's text), `limit` the seconds it had and `opening` that text's first words, for an
    editor to find it by."""

    def __init__(self, source: str, text: str = "") -> None:
        self.limit = time_limit(len(text))
        super().__init__(f"pattern '{source}' exceeded the {shown_limit(self.limit)} s time limit")
        self.source = source
        self.length = len(text)
        self.opening = text[:_OPENING_SHOWN]


# The characters of a text a pattern ran out of time on that its `PatternTimeout` keeps.
_OPENING_SHOWN = 60


_META_REF = on_first_use(r"\{\{\s*meta\.([A-Za-z0-9_-]+)\s*\}\}")

# What a pack pattern may cost to compile. The regex engine unrolls a counted repetition into
# that many copies of what it repeats: 'x{99999999}' takes gigabytes and minutes before any
# article is read, and a pattern of a million characters takes seconds. Written patterns of the
# built-in packs repeat at most 200 times and are a few hundred characters long.
MAX_REPETITION = 1000
MAX_UNROLLED = 100_000
MAX_PATTERN_LENGTH = 10_000
_COUNT = on_first_use(r"\{\s*(\d*)\s*(?:,\s*(\d*)\s*)?\}")
_COUNT_FROM_META = on_first_use(r"\{[\d\s,]*\{\{\s*meta\.([A-Za-z0-9_-]+)\s*\}\}[\d\s,]*\}")


class PatternTooLarge(ValueError):
    """A pattern whose compiling would take more memory or time than any pattern needs; `position`
    is the index in the pattern of what makes it so (its `{count}`)."""

    def __init__(self, what: str, position: int, hint: str = "write a smaller count, or '+' or '*' where any number will do") -> None:
        super().__init__(what)
        self.position = position
        self.hint = hint


def check_pattern_size(pattern: str) -> None:
    """Raise `PatternTooLarge` for a pattern too costly to compile, before it is compiled: longer
    than MAX_PATTERN_LENGTH characters, a counted repetition (`{n}`, `{n,}`, `{n,m}`, `{,m}`)
    with a count above MAX_REPETITION, nested repetitions whose required counts multiply above it
    (`(?:x{100}){100}`), or required copies longer than MAX_UNROLLED characters in all. A count
    read from article metadata (`x{{{meta.n}}}`) is refused too: the article would choose it.
    Linear in the pattern's length; escapes and character classes are skipped as the engine
    reads them."""
    from_meta = _COUNT_FROM_META().search(pattern)
    if from_meta is not None:
        key = from_meta.group(1)
        raise PatternTooLarge(
            f"a repetition count cannot come from the article's '{key}' ({{{{meta.{key}}}}})", from_meta.start(), "write the count in the pack"
        )
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternTooLarge(
            f"pattern too long: {len(pattern)} characters (at most {MAX_PATTERN_LENGTH})",
            MAX_PATTERN_LENGTH,
            "shorten the pattern, or split a long list of words over several rules",
        )
    # One frame per open group: where it opened, the largest repetition inside it (the product
    # of the counts around a part), and its length unrolled.
    frames: list[list[int]] = [[0, 1, 0]]
    last: tuple[int, int, int] | None = None  # the last item: (start, repetition, unrolled length)
    last_count = 0
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if char == "{" and last is not None and (count := _COUNT().match(pattern, position)) is not None and (count.group(1) or count.group(2)):
            low, high = count.group(1), count.group(2)
            written = max(int(low or 0), int(high or 0))
            shown = pattern[position : count.end()]
            if written > MAX_REPETITION:
                raise PatternTooLarge(f"repetition too large (at most {MAX_REPETITION}): '{shown}'", position)
            # The engine writes out the copies a repetition requires (`{n}`, the n of `{n,m}`),
            # not the optional ones: those multiply through nested repetitions.
            start, inner, length = last
            times = max(int(low or 0), 1)
            repetition, unrolled = inner * times, length * times
            if repetition > MAX_REPETITION:
                raise PatternTooLarge(
                    f"repetition too large (at most {MAX_REPETITION}): '{shown}' of a part repeated {inner} times repeats it {repetition} times", position
                )
            if unrolled > MAX_UNROLLED:
                raise PatternTooLarge(
                    f"repetition too large: '{shown}' repeats a part of {length} characters, {unrolled} characters unrolled (at most {MAX_UNROLLED})", position
                )
            last, last_count = (start, repetition, unrolled), position
            frame = frames[-1]
            frame[1], frame[2] = max(frame[1], repetition), frame[2] - length + unrolled
            position = count.end()
            continue
        end = position + 1
        if char == "\\":
            end = position + 2
            if pattern[position + 1 : position + 2] in ("p", "P", "N", "x", "u", "U", "g") and pattern[end : end + 1] in ("{", "<"):
                close = pattern.find("}" if pattern[end] == "{" else ">", end)
                end = close + 1 if close != -1 else end
        elif char == "[":
            end = _class_end(pattern, position)
            if end < 0:
                return  # the engine reports the class that never ends
        elif char == "(":
            frames.append([position, 1, 0])
            last = None
            position += 1
            continue
        elif char == ")" and len(frames) > 1:
            start, inner, length = frames.pop()
            last = (start, inner, length + 2)
            frame = frames[-1]
            frame[1], frame[2] = max(frame[1], inner), frame[2] + length + 2
            position += 1
            continue
        elif char in "|*+?":
            last = None if char == "|" else last
            position += 1
            continue
        last = (position, 1, end - position)
        frames[-1][2] += end - position
        position = end
    if frames[0][2] > MAX_UNROLLED:
        # Each repetition is small, but together they are written out into more than any pattern needs.
        raise PatternTooLarge(f"repetitions too large: {frames[0][2]} characters unrolled in all (at most {MAX_UNROLLED})", last_count)


class MissingMeta(Exception):
    """A rule needs a value about the article (`{{meta.reporter}}`) that was not given."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def meta_keys(text: str) -> list[str]:
    """The article-metadata keys a pattern or value refers to."""
    return [m.group(1) for m in _META_REF().finditer(text)]


def expand_meta(template: str, meta: Mapping[str, str], *, escape: bool = False, shown: bool = False) -> str:
    """Fill `{{meta.key}}` references; raises MissingMeta when a key has no value. `shown` fills
    in each value as given, its runs of white space one space: the words a message shows (every
    character of it, a control too, for the output sanitiser to show as it shows any value),
    not the text a pattern matches."""

    def fill(match: Any) -> str:
        key = match.group(1)
        if key not in meta:
            raise MissingMeta(key)
        # Normalised like the page text it is matched against: a headline pasted with curly quotes
        # or a no-break space still matches the same headline on the page.
        value = normalize_inline(str(meta[key]))
        if not value.strip():
            # Empty, blank or only invisible characters (a zero-width space): no value at all. An
            # empty pattern would match anywhere and pass the rule.
            raise MissingMeta(key)
        if shown:
            return normalize_inline_keeping_controls(str(meta[key]))
        if not escape:
            return value
        import regex

        return str(regex.escape(value))

    return str(_META_REF().sub(fill, template))


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled pack pattern; `source` is what the author wrote (for messages).

    A pattern that refers to article metadata (`{{meta.reporter}}`) keeps its `template` and is
    compiled per value with `bind`; the compiled regex is cached, so a batch of articles by the
    same reporter compiles it once.
    """

    source: str
    regex_text: str = field(default="", repr=False)
    label: str = ""
    template: str | None = None
    ignore_case: bool = False
    whole_word: bool = False
    # The pack definitions (`{{name}}`) the written pattern uses, directly or through others: a
    # pack that redefines one of them compiles the pattern again for the rules it inherits.
    definitions: frozenset[str] = frozenset()
    _compiled: Any = field(default=None, init=False, repr=False, compare=False)
    _gate: Any = field(default=None, init=False, repr=False, compare=False)
    _at_offsets: Any = field(default=None, init=False, repr=False, compare=False)
    # The pickled programs of `_compiled` and `_gate` as read from the pack cache (see `__getstate__`).
    _stored: tuple[bytes | None, bytes | None] = field(default=(None, None), init=False, repr=False, compare=False)

    @property
    def compiled(self) -> Any:
        """The compiled regex, compiled (or loaded from the pack cache) on first use and shared by
        identical patterns."""
        compiled = self._compiled
        if compiled is None:
            stored = self._stored[0]
            compiled = _compile_cached(self.regex_text, self.ignore_case) if stored is None else regexengine.loads(stored)
            object.__setattr__(self, "_compiled", compiled)
        return compiled

    def __getstate__(self) -> tuple[Any, ...]:
        """Pickled with its compiled regex (compiled now if need be). The `regex` package pickles
        a pattern's compiled program, not only its text, so patterns read back from the pack cache
        are never parsed and compiled again: loading a compiled pattern takes tens of microseconds,
        compiling it a millisecond or more. The program is pickled on its own and loaded on first
        use: a page uses the patterns of the packs that apply to it, a few dozen of the built-in
        packs' two hundred, and loading them all cost a one-file check about 3% of its time. A
        pattern with `{{meta.KEY}}` is compiled per value (`bind`)."""
        compiled = _stored_program(self.compiled) if self.template is None else None
        gate = _stored_program(self.line_gate) if self.template is None and _starts_lines(self.regex_text) else None
        return (self.source, self.regex_text, self.label, self.template, self.ignore_case, self.whole_word, self.definitions, (compiled, gate))

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(_PATTERN_STATE, state, strict=True):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_compiled", None)
        object.__setattr__(self, "_gate", None)
        object.__setattr__(self, "_at_offsets", None)

    @property
    def at_offsets(self) -> Any:
        """The compiled regex for `match` at chosen offsets (`_finditer_at`): the same program
        without the engine's search for a required literal before each try
        (`regexengine.without_required_string`), made from `compiled` on first use."""
        matcher = self._at_offsets
        if matcher is None:
            matcher = regexengine.without_required_string(self.compiled)
            object.__setattr__(self, "_at_offsets", matcher)
        return matcher

    @property
    def line_gate(self) -> Any:
        """For a pattern that can only match at a line start, the regex that finds the lines it
        matches (`_line_gate`): compiled (or loaded from the pack cache) on first use, and pickled
        with the pattern."""
        gate = self._gate
        if gate is None:
            stored = self._stored[1]
            gate = _line_gate(self.regex_text, self.ignore_case) if stored is None else regexengine.loads(stored)
            object.__setattr__(self, "_gate", gate)
        return gate

    def bind(self, meta: Mapping[str, str]) -> Pattern:
        """This pattern with article metadata filled in (itself when it uses none); raises
        `PatternTooLarge` when the values make it too long to compile."""
        if self.template is None:
            return self
        expanded = expand_meta(self.template, meta, escape=True)
        # An article's value (its headline, a reporter's name) makes the pattern as long as it is.
        check_pattern_size(expanded)
        return Pattern(self.source, expanded, expand_meta(self.label, meta, shown=True) if self.label else "", ignore_case=self.ignore_case)

    @property
    def shown(self) -> str:
        """What the pattern looks for, in words (never the regex itself: editors read this)."""
        return self.label or "text the rule describes by a pattern"

    def may_be_within(self, text: str) -> bool:
        """False when no match can lie within `text` or any part of it, with characters of that
        part dropped or turned to white space (`normalize`'s way): a word every match holds is
        not in `text` (see `_may_hold`). True when that cannot be told."""
        return _may_hold(self.regex_text, self.ignore_case, text)

    def search(self, text: str) -> Any:
        """First match or None; raises PatternTimeout past the time limit."""
        if not _may_match(self.regex_text, self.ignore_case, text):
            return None
        try:
            return self.compiled.search(text, timeout=_FIRST_TRY)
        except TimeoutError:
            pass
        try:
            return _Starved(len(text)).call(self.compiled.search, text)
        except TimeoutError:
            raise PatternTimeout(self.source, text) from None

    def _tries(self, length: int) -> int:
        """How many offsets of a text of this length are worth trying instead of scanning it."""
        one_literal = len(_leading_literals(self.regex_text)) == 1 and not self.ignore_case
        return length // (_CHARACTERS_PER_TRY_ONE_LITERAL if one_literal else _CHARACTERS_PER_TRY)

    def finditer(self, text: str) -> Iterator[Any]:
        """All non-overlapping matches; raises PatternTimeout past the time limit."""
        if not _may_match(self.regex_text, self.ignore_case, text):
            return
        try:
            starts = _literal_starts(self.regex_text, self.ignore_case, text, limit=self._tries(len(text)))
            if starts is not None:
                yield from _finditer_at(self.at_offsets, starts, text)
            elif _starts_lines(self.regex_text):
                yield from _finditer_at_line_starts(self.compiled, self.at_offsets, self.line_gate, text)
            elif (starts := _branch_starts_in(self.regex_text, self.ignore_case, text, limit=self._tries(len(text)))) is not None:
                yield from _finditer_from(self.compiled, self.at_offsets, starts, text)
            else:
                yield from _finditer(self.compiled, text)
        except TimeoutError:
            raise PatternTimeout(self.source, text) from None


# Trying a pattern at one offset costs the regex engine about 6 µs (most of it setting up the time
# limit): what scanning a few hundred characters costs it for a pattern that opens with a choice or
# ignores case, and a few thousand for one that opens with one literal, which it looks for itself.
# Past one try per that many characters, scanning is cheaper.
_CHARACTERS_PER_TRY = 500
_CHARACTERS_PER_TRY_ONE_LITERAL = 3000


def _literal_starts(pattern: str, ignore_case: bool, text: str, *, limit: int) -> list[int] | None:
    """The offsets in `text` where a match of `pattern` can start, in order: where one of its
    leading literals is (`_leading_literals`). None when the pattern has none, or they are at more
    than `limit` offsets (then scanning is cheaper).

    The regex engine tries a pattern that opens with a choice (`Getty\\s+Images|\\bAP\\s+Photo|…`)
    at every character of the text: about 1 ms over a 36 KB article, where `str.find` finds the
    literals in microseconds. Ignoring case, ASCII literals are found in the text's ASCII letters
    made lower case (`_ascii_forms`).
    """
    literals = _leading_literals(pattern)
    if not literals:
        return None
    # A pattern anchored at line starts (`^` before every branch) can start only after a newline.
    return _literal_offsets(literals, ignore_case, text, anchored=_starts_lines(pattern), limit=limit)


def _literal_offsets(literals: Iterable[str], ignore_case: bool, text: str, *, anchored: bool, limit: int) -> list[int] | None:
    """Where the literals are in `text` (with `anchored`, at line starts only), in order; None
    past `limit` offsets, or when case is ignored and the text or a literal is not ASCII."""
    wanted = set(literals)
    others = {literal for literal in wanted if not literal.isascii()}
    if others and ignore_case:
        return None
    # `bytes.find` is several times faster than `str.find` on a text with characters outside
    # ASCII (two or four bytes each); each literal is a scan of the whole text. So the ASCII
    # literals are found in the text's ASCII form even when some literal is not ASCII (a photo
    # credit's '©' beside "AFP" and "Getty"): only those others are scans of the text itself.
    projected, lowered = _ascii_forms(text)
    starts: set[int] = set()
    if not ignore_case:
        ascii_literals = {literal.encode("ascii") for literal in wanted - others}
        found = _offsets(projected, ascii_literals, b"\n" if anchored else None, limit, starts)
        # A text all ASCII holds no other literal.
        return found if not others or found is None or text.isascii() else _offsets(text, others, "\n" if anchored else None, limit, starts)
    if lowered is None:
        return None
    return _offsets(lowered, {literal.lower().encode("ascii") for literal in wanted}, b"\n" if anchored else None, limit, starts)


def _offsets(text: AnyStr, needles: Iterable[AnyStr], after: AnyStr | None, limit: int, starts: set[int]) -> list[int] | None:
    """Where the needles are in the text (only at its start or right `after` that, when given),
    in order, with the offsets already in `starts` (which are added to it); None past `limit`
    offsets."""
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            if after is None or at == 0 or text[at - 1 : at] == after:
                if len(starts) >= limit:
                    return None
                starts.add(at)
            at = text.find(needle, at + 1)
    return sorted(starts)


# The characters outside ASCII that the regex engine, ignoring case, takes for an ASCII letter:
# LATIN CAPITAL LETTER I WITH DOT ABOVE for i, LATIN SMALL LETTER LONG S for s, KELVIN SIGN for k
# (a test asks the engine).
ASCII_CASE_PARTNERS = ("\u0130", "\u017f", "\u212a")
# The ASCII forms of the last few texts searched: the patterns of one document search the same
# few scope texts.
_ASCII_FORMS: dict[int, tuple[str, bytes, bytes | None]] = {}


def _ascii_forms(text: str) -> tuple[bytes, bytes | None]:
    """`text` with any character outside ASCII as `?`, one byte per character, so that offsets in
    it are offsets in `text` (where `text` has an ASCII literal, so does this); and the same with
    its letters in lower case (where the engine matches an ASCII literal ignoring case, that has
    the literal in lower case), or None when the text has a character the engine takes for an
    ASCII letter (`ASCII_CASE_PARTNERS`)."""
    known = _ASCII_FORMS.get(id(text))
    if known is not None and known[0] is text:
        return known[1], known[2]
    projected = text.encode("ascii", "replace")
    lowered: bytes | None = projected.lower()
    if not text.isascii() and any(char in text for char in ASCII_CASE_PARTNERS):
        lowered = None
    if len(_ASCII_FORMS) >= 8:
        _ASCII_FORMS.clear()
    _ASCII_FORMS[id(text)] = (text, projected, lowered)
    return projected, lowered


class _Starved:
    """What is left of a search's time limit once its first try has timed out, for a text of
    `length` characters: the CPU time left (`time_limit` less `_FIRST_TRY`, the most the first
    try can have used) and the wall time left until `_WALL_CAP` (as many times that limit as
    `MATCH_TIMEOUT` is). Its tries raise TimeoutError when either runs out."""

    __slots__ = ("_began", "cpu_left", "wall_end")

    def __init__(self, length: int) -> None:
        limit = time_limit(length)
        self.cpu_left = limit - _FIRST_TRY
        self.wall_end = _wall_clock() + _WALL_CAP * (limit / MATCH_TIMEOUT) - _FIRST_TRY
        self._began = 0.0

    def timeout(self) -> float:
        """The wall timeout, in seconds, of the next try: the CPU time left, which is the most it
        can use, within the cap. Starts the try's CPU clock (`charge` stops it); raises
        TimeoutError when the CPU time is spent or the cap reached."""
        wall_left = self.wall_end - _wall_clock()
        if self.cpu_left <= 0 or wall_left <= 0:
            raise TimeoutError
        self._began = _cpu_clock()
        return min(self.cpu_left, wall_left)

    def charge(self) -> None:
        """Charge the try begun by `timeout` the CPU time this thread used since."""
        self.cpu_left -= _cpu_clock() - self._began

    def call(self, method: Callable[..., Any], *args: Any) -> Any:
        """`method(*args, timeout=…)` (a compiled regex's `search` or `match`), tried again from
        the start while the engine times out within the time left; raises TimeoutError past it."""
        while True:
            timeout = self.timeout()
            try:
                return method(*args, timeout=timeout)
            except TimeoutError:
                continue
            finally:
                self.charge()


def _finditer(compiled: Any, text: str) -> Iterator[Any]:
    """`compiled.finditer(text)` with the time limit on each search from one match to the next;
    a search that times out goes on as a starved one (`_Starved`, `_scan_from`)."""
    matches = compiled.finditer(text, timeout=_FIRST_TRY)
    last: Any = None
    while True:
        try:
            # A plain loop over the engine's scan: it costs a match found no more than the
            # engine's own `finditer` (nor costs anything before a try times out).
            for last in matches:
                yield last
            return
        except TimeoutError:
            match, matches = _Starved(len(text)).call(_scan_from, compiled, text, last)
        if match is None:
            return
        last = match
        yield match


def _scan_from(compiled: Any, text: str, last: Any, *, timeout: float) -> tuple[Any, Iterator[Any]]:
    """The match `compiled.finditer(text)` finds after `last` (None: its first; None when there
    is none), and the scan that goes on from it, with `timeout`. The scan starts where `last`
    starts: the engine finds `last` first again (the leftmost match from there, as before, its
    look-behinds and `^` reading the text before it) and goes on from it as it did, its rules for
    empty matches included."""
    matches = compiled.finditer(text, 0 if last is None else last.start(), timeout=timeout)
    if last is not None:
        next(matches)
    return next(matches, None), matches


def _finditer_at(compiled: Any, starts: list[int], text: str) -> Iterator[Any]:
    """`compiled.finditer(text)` for a pattern whose matches can only start at `starts`: tried
    there only (`compiled` best without a required string: `Pattern.at_offsets`), in order and
    without overlap, as `finditer` would (no match can be empty: each starts with a literal).
    The time limit holds, as for `finditer`, for the search from one match to the next: its first
    try is the matches tried in `_FIRST_TRY` of wall time, then each is tried as a starved
    search's (`_Starved`)."""
    end = 0
    left = _FIRST_TRY
    starved: _Starved | None = None
    for start in starts:
        if start < end:
            continue
        if starved is None and left <= 0:
            starved = _Starved(len(text))
        if starved is not None:
            match = starved.call(compiled.match, text, start)
        else:
            began = time.perf_counter()
            try:
                match = compiled.match(text, start, timeout=left)
            except TimeoutError:
                starved = _Starved(len(text))
                match = starved.call(compiled.match, text, start)
            if match is None:
                left -= time.perf_counter() - began
        if match is None:
            continue
        left, starved = _FIRST_TRY, None
        end = match.end()
        yield match


def _finditer_from(compiled: Any, at_offsets: Any, starts: list[int], text: str) -> Iterator[Any]:
    """`_finditer_at` (with `at_offsets`, `Pattern.at_offsets`) for a pattern whose matches may be
    empty (a branch read at line starts, `_branch_starts`): the engine's own `finditer` of
    `compiled` when one is, whose rules for empty matches `_finditer_at` does not repeat (until
    the first empty match, both find the same)."""
    found = list(_finditer_at(at_offsets, starts, text))
    if any(match.end() == match.start() for match in found):
        yield from _finditer(compiled, text)
    else:
        yield from found


def _branch_starts_in(pattern: str, ignore_case: bool, text: str, *, limit: int) -> list[int] | None:
    """The offsets in `text` where a match of `pattern` can start, in order, for a pattern whose
    branches each open with a literal, a class of a few characters, or at a line start
    (`_branch_starts`): where one of those literals is, the text's start, and each line start
    where a line-start branch matches (found by one gate that stops only at line breaks). None
    when the pattern is not of that kind or there are more than `limit` offsets (scanning is
    then cheaper).

    A pattern such as a photo credit's (`/\\s*AGENCY|\\bvia\\s+…|\\(\\s*AGENCY\\s*\\)|
    \\b[Pp]hoto…|©…|^\\s*AGENCY\\s*$`) has no literal that every match opens with, and the regex
    engine tries it at every character: several milliseconds over an article's text."""
    read = _branch_starts(pattern)
    if read is None:
        return None
    literals, lines, blind = read
    found = _literal_offsets(literals, ignore_case, text, anchored=False, limit=limit) if literals else []
    if blind and found is not None:
        # The literals of a case-blind group (`(?i:Creative\s+Commons)`) are found ignoring case,
        # the others as the pattern is compiled.
        either = _literal_offsets(blind, True, text, anchored=False, limit=limit)
        found = None if either is None else sorted({*found, *either})
        if found is not None and len(found) > limit:
            found = None
    if found is None or lines is None:
        return found
    starts = {0, *found}
    for line in _finditer(_branch_gate(lines, ignore_case), text):
        starts.add(line.end())
        if len(starts) > limit:
            return None
    return sorted(starts)


@functools.lru_cache(maxsize=256)
def _branch_gate(lines: str, ignore_case: bool) -> Any:
    """A line break followed by a line one of the line-start branches `lines` matches."""
    return _compile_cached(f"\\n(?={lines})", ignore_case)


# A back-reference or a conditional: a branch read alone may refer to a group it does not hold.
_REFERENCES = on_first_use(r"\\(?:\d|g<)|\(\?P=|\(\?\(")
# The most literals a branch's classes of characters are read into (`[Pp]hoto`: two).
_MOST_BRANCH_LITERALS = 16


@functools.lru_cache(maxsize=1024)
def _branch_starts(pattern: str) -> tuple[tuple[str, ...], str | None, tuple[str, ...]] | None:
    """What opens each match of a pattern, read branch by branch (in groups the branches open
    with too): the literals a branch opens with, after any `\\b` (a class of a few plain
    characters is read as each of them: `[Pp]hoto` as "Photo" and "photo"), the branches
    that open with `^` (joined by `|`, None when there are none), which match at line starts
    only, and the literals a branch opens with inside a case-blind group (`(?i:…)`), which
    match in any case; a group that may be absent is read with what follows it. None when a
    branch opens with neither, and for patterns with inline
    flags other than such groups, comments, quoted runs, back-references or conditionals."""
    if any(flags != "i" for flags in _inline_flags(pattern)) or "(?i)" in pattern:
        return None
    if "\\Q" in pattern or "(?#" in pattern or _REFERENCES().search(pattern):
        return None
    literals: list[str] = []
    lines: list[str] = []
    blind: list[str] = []
    if not _read_branches(pattern, literals, lines, blind) or not (literals or lines or blind):
        return None
    return tuple(sorted(set(literals))), "|".join(lines) if lines else None, tuple(sorted(set(blind)))


def _read_branches(pattern: str, literals: list[str], lines: list[str], blind: list[str]) -> bool:
    """Read each branch of `pattern` (a regex or a group's body) into `literals`, `lines` and
    `blind` (see `_branch_starts`; inside a case-blind group, `literals` is `blind`); False when
    one opens with neither, or a class or a group does not end."""
    branches = _branches_of(pattern)
    return branches is not None and all(_read_branch(branch, literals, lines, blind) for branch in branches)


def _read_branch(branch: str, literals: list[str], lines: list[str], blind: list[str]) -> bool:
    position = 0
    while branch.startswith("\\b", position):  # zero-width: the match starts after it
        position += 2
    if branch.startswith("^", position):
        if branch[position + 1 : position + 2] in _QUANTIFIERS:
            return False
        lines.append(branch[position:])
        return True
    if branch[position : position + 1] in _QUANTIFIERS:
        return False
    if branch.startswith("(?i:", position):
        # A case-blind group: what opens it opens a match in any case.
        # (A line-start branch in it is not read: the gate that finds its lines sees no flag.)
        head = _group_head("(?:" + branch[position + 4 :])
        at_lines: list[str] = []
        return head is not None and _read_branches(head, blind, at_lines, blind) and not at_lines
    if branch.startswith("(", position):
        head = _group_head(branch[position:])
        if head is not None:
            return _read_branches(head, literals, lines, blind)
        # An optional group: a match opens with it, or with what follows it.
        optional = _optional_group(branch, position)
        return optional is not None and _read_branches(optional[0], literals, lines, blind) and _read_branch(optional[1], literals, lines, blind)
    opening = _opening_literals(branch, position)
    literals.extend(opening)
    return bool(opening)


def _optional_group(branch: str, position: int) -> tuple[str, str] | None:
    """For a branch that opens at `position` with a plain group that may be absent (`(?:…)?`,
    `(…)*`, `(?:…){0,2}`, lazy or possessive too), the group's body and the rest of the branch
    after its quantifier; None for any other group (a look-around, a flag group, a conditional)."""
    close = _closing_paren(branch[position:])
    if close < 0:
        return None
    end = position + close + 1
    after = _quantifier_end(branch, end)
    if after is None or after == end or not (branch[end] in "?*" or (branch[end] == "{" and _bound_low(branch[end:after]) == 0)):
        return None
    body = _group_head(branch[position:end])
    return None if body is None else (body, branch[after:])


def _group_head(branch: str) -> str | None:
    """The body of the group `branch` opens with, when a match must go through it (not optional,
    not a look-around, a conditional or a flag group); None otherwise."""
    close = _closing_paren(branch)
    if close < 0:
        return None
    after = branch[close + 1 : close + 3]
    if after[:1] in ("?", "*") or (after[:1] == "{" and not after[1:2].isdigit()) or after[:2] == "{0":
        return None  # the group may be absent
    head = branch[1:close]
    if head.startswith(("?:", "?>")):
        return head[2:]
    if head.startswith(("?P<", "?<")) and head[2:3] not in ("=", "!"):
        return head[head.index(">") + 1 :]
    return None if head.startswith("?") else head


def _opening_literals(branch: str, position: int) -> list[str]:
    """The literals a branch opens with at `position`: its plain characters and classes of a
    few plain characters, up to a quantifier (whose atom may be absent) or other syntax; [] when
    it opens with neither."""
    units = _literal_units(branch, position, classes=True)
    found = [""]
    for unit in units:
        if len(found) * len(unit) > _MOST_BRANCH_LITERALS:
            break  # a shorter literal opens the match as well
        found = [start + member for start in found for member in unit]
    return found if found != [""] else []


def _finditer_at_line_starts(compiled: Any, at_offsets: Any, gate: Any, text: str) -> Iterator[Any]:
    """`compiled.finditer(text)` for a pattern that can only match at the start of a line, each
    line start tried with `at_offsets` (`Pattern.at_offsets`).

    The regex engine tries a `^`-anchored pattern at every character of the text (a credit-line
    pattern over a 50 KB article costs more than parsing it); the gate finds the line starts where
    it matches in one pass that only stops at line breaks, and each is then matched as `finditer`
    would. A match that is empty, or a gate that disagrees with the pattern, falls back to
    `finditer` itself, whose rules for empty matches this does not repeat.
    """
    found: list[Any] = []
    end = 0
    candidates = itertools.chain((0,), (m.end() for m in _finditer(gate, text)))
    for start in candidates:
        if start < end:
            continue  # inside the previous match: finditer resumes after it
        try:
            match = at_offsets.match(text, start, timeout=_FIRST_TRY)
        except TimeoutError:
            match = _Starved(len(text)).call(at_offsets.match, text, start)
        if match is None and start == 0:
            continue  # the first line is tried directly, not through the gate
        if match is None or match.end() == match.start():
            yield from _finditer(compiled, text)
            return
        found.append(match)
        end = match.end()
    yield from found


def _may_match(pattern: str, ignore_case: bool, text: str) -> bool:
    """False when the text lacks a literal that every match of the pattern contains.

    A search with a time limit costs the regex engine several microseconds before it reads a
    character, and a page's checks search its hundred links' URLs hundreds of times; most of those
    URLs lack the pack's domain name, which `in` rules out in a fraction of that.
    """
    literal = _required_literal(pattern)
    if not literal:
        return True
    if not ignore_case:
        return literal in text
    # Case-insensitive: `lower` agrees with the engine's case folding on ASCII text only.
    if not text.isascii():
        return True
    return literal.lower() in text.lower()


def _may_hold(pattern: str, ignore_case: bool, text: str) -> bool:
    """False when no match of the pattern can lie within any stretch of `text` between white
    space and the ends: each branch of the pattern holds a word (`_held_words`) that is not in
    `text`. A match found in a part of `text` with some characters left out (an invisible format
    character, as `normalize` drops) or turned to spaces holds its words all the same, so this
    answers for every part of a text too. True when that cannot be told."""
    branches = _held_words(pattern)
    if branches is None:
        return True
    # An ASCII word is looked for in the text's ASCII forms (`_ascii_forms`, shared with the
    # searches of the same text): a '?' there stands for a character outside ASCII, which can
    # only make a word seem held. Ignoring case, the engine takes an ASCII letter for itself in
    # either case, and for a partner outside ASCII (then `lowered` is None: nothing is told).
    projected, lowered = _ascii_forms(text)
    if ignore_case:
        if lowered is None:
            return True
        projected = lowered
    known: dict[str, bool] = {}  # a word several branches hold is looked for once

    def holds(word: str) -> bool:
        found = known.get(word)
        if found is None:
            # (Ignoring case, the engine's case folding outside ASCII is not told.)
            ascii_word = word.isascii()
            found = known[word] = (word.lower() if ignore_case else word).encode("ascii") in projected if ascii_word else ignore_case or word in text
        return found

    return _met(branches, holds)


# What a match holds (`_held_words`): a set of words, one of which it holds, or the branches of
# a group or pattern, each a tuple of what a match of that branch holds (all of it).
Held = frozenset[str] | tuple[tuple["Held", ...], ...]


def _met(held: Held, holds: Callable[[str], bool]) -> bool:
    """Whether the text can hold what `held` says a match holds, `holds` telling its words."""
    if isinstance(held, frozenset):
        return any(holds(word) for word in held)
    return any(all(_met(part, holds) for part in branch) for branch in held)


@functools.lru_cache(maxsize=1024)
def _held_words(pattern: str) -> tuple[tuple[Held, ...], ...] | None:
    """What every match of the pattern holds, branch by branch: of each branch, the sets of
    words (runs of plain characters without white space) of which it holds one each, and of
    each group it must go through, what a match of one of the group's branches holds
    (`Getty\\s+Images|\\(\\s*(?:AP|AFP)\\s*\\)`: ({"Getty"}, {"Images"}) or ({"("}, (({"AP"},),
    ({"AFP"},)), {")"})). None when a branch holds no word that can be told, or the pattern has
    inline flags, comments, quoted runs, back-references or conditionals."""
    if _inline_flags(pattern) or "\\Q" in pattern or "(?#" in pattern or _REFERENCES().search(pattern):
        return None
    return _alternatives(pattern)


def _alternatives(pattern: str) -> tuple[tuple[Held, ...], ...] | None:
    """`_held_words` of a pattern or a group's body, read."""
    branches = _branches_of(pattern)
    if branches is None:
        return None
    read = tuple(tuple(_branch_words(branch)) for branch in branches)
    return None if any(not held for held in read) else read


def _branches_of(pattern: str) -> list[str] | None:
    """The branches of `pattern` (a regex or a group's body) outside its groups; None when a
    class or a group does not end."""
    begin = 0
    branches = []
    for position, char, depth in _syntax(pattern, 0):
        if not char or depth < 0:
            return None
        if char == "|" and depth == 0:
            branches.append(pattern[begin:position])
            begin = position + 1
    branches.append(pattern[begin:])
    return branches


def _branch_words(branch: str) -> list[Held]:
    """What every match of a branch holds (see `_held_words`): each run of plain characters that
    is not optional, split at white space, as a set of one word, and each group it must go
    through, as that group's branches. Read up to the first syntax it does not know (a
    `\\p{…}`, a bound that is no quantifier): what comes before holds all the same."""
    clauses: list[Held] = []
    run: list[str] = []

    def end_run() -> None:
        clauses.extend(frozenset({word}) for word in "".join(run).split())
        run.clear()

    position = 0
    while position < len(branch):
        char = branch[position]
        unit: str | None = None
        group: Held | None = None
        if char == "\\":
            escaped = branch[position + 1 : position + 2]
            if escaped in _LITERAL_ESCAPES:
                unit = escaped
            elif escaped not in _CLASS_ESCAPES:
                break
            end = position + 2
        elif char == "[":
            end = _class_end(branch, position)
            if end < 0:
                break
        elif char == "(":
            close = _closing_paren(branch[position:])
            if close < 0:
                break
            end = position + close + 1
            head = _group_head(branch[position:end])
            group = _alternatives(head) if head is not None else None
        elif char in "^$.":
            end = position + 1
        elif char in _QUANTIFIERS or char in "|)":
            break
        else:
            unit, end = char, position + 1
        after = _quantifier_end(branch, end)
        if after is None:
            break
        optional = after > end and (branch[end] in "?*" or _bound_low(branch[end:after]) == 0)
        if unit is not None and not optional:
            run.append(unit)
        if after > end or unit is None:
            end_run()  # a repeated character ends the run it is in
        if group and not optional:
            clauses.append(group)
        position = after
    end_run()
    return clauses


def _quantifier_end(branch: str, position: int) -> int | None:
    """Where the quantifier at `position` ends, with a lazy `?` or possessive `+` after it
    (`position` itself when there is none); None for a `{` that is no bound."""
    char = branch[position : position + 1]
    if char in ("?", "*", "+"):
        end = position + 1
    elif char == "{":
        bound = _BOUND().match(branch, position)
        if bound is None:
            return None
        end = bound.end()
    else:
        return position
    return end + 1 if branch[end : end + 1] in ("?", "+") else end


def _bound_low(quantifier: str) -> int:
    """The fewest repeats a quantifier allows (`+`: 1, `{2,5}`: 2, `{,3}`: 0)."""
    if quantifier[:1] == "+":
        return 1
    low = quantifier[1:].split(",")[0].rstrip("}?+")
    return int(low) if low else 0


_LITERAL_ESCAPES = frozenset("./-:_?=&#%~@!,;'\"<>*+()[]{}|^$ ")
_QUANTIFIERS = frozenset("?*+{")
_BOUND = on_first_use(r"\{\d*,?\d*\}")
# Escapes that stand for one character of a class, or for a position.
_CLASS_ESCAPES = frozenset("sSdDwWbBAZnt")
_SHORTEST_USEFUL_LITERAL = 3


@functools.lru_cache(maxsize=1024)
def _required_literal(pattern: str) -> str:
    """The longest run of plain characters that every match contains ("propublica.org" in
    `https?://(?:www\\.)?propublica\\.org/`), or "" when none can be told: outside groups and
    classes, not repeated or optional, with no `|` outside a group and no inline flags."""
    if _inline_flags(pattern) or "\\Q" in pattern:
        return ""
    # Packs' patterns come wrapped in a group, `(?:…)`, which says nothing.
    while pattern.startswith("(?:") and pattern.endswith(")") and _closing_paren(pattern) == len(pattern) - 1:
        pattern = pattern[3:-1]
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    position = 0
    length = len(pattern)
    while position < length:
        char = pattern[position]
        if char == "\\":
            escaped = pattern[position + 1 : position + 2]
            if escaped.isalnum() and escaped not in _CLASS_ESCAPES:
                return ""  # \\x41, \\N{…}, \\p{…}, a back-reference: more than one character
            if depth == 0 and escaped in _LITERAL_ESCAPES:
                run.append(escaped)
            else:
                runs.append("".join(run))
                run = []
            position += 2
            continue
        if char == "[":
            runs.append("".join(run))
            run = []
            position = _class_end(pattern, position)
            if position < 0:
                return ""
            continue
        if char == "(":
            depth += 1
            runs.append("".join(run))
            run = []
        elif char == ")":
            depth -= 1
        elif depth == 0:
            if char == "|":
                return ""
            if char in _QUANTIFIERS:
                if char == "{":
                    bound = _BOUND().match(pattern, position)
                    if bound is None:
                        return ""  # a `{` the engine may read as itself
                    position = bound.end() - 1
                if run:
                    run.pop()  # the character before a quantifier may be absent or repeated
                runs.append("".join(run))
                run = []
            elif char in ".^$":
                runs.append("".join(run))
                run = []
            else:
                run.append(char)
        position += 1
    runs.append("".join(run))
    if depth != 0:
        return ""
    longest = max(runs, key=len)
    return longest if len(longest) >= _SHORTEST_USEFUL_LITERAL else ""


# Shorter literals are too common on a page to save a scan.
_SHORTEST_LEADING_LITERAL = 2


@functools.lru_cache(maxsize=1024)
def _leading_literals(pattern: str) -> tuple[str, ...]:
    """Runs of plain characters one of which every match starts with ("Getty", "AP", "AFP" in
    `Getty\\s+Images|\\bAP\\s+Photo\\b|\\bAFP\\b`), or () when that cannot be told: each
    branch must open, after any `\\b` or `^`, with such a run or with a group whose branches do;
    a group that may be absent (`(?:https?://)?`) counts with what follows it, which must open so
    too. Patterns with inline flags, comments or quoted runs are not read."""
    if _inline_flags(pattern) or "\\Q" in pattern or "(?#" in pattern:
        return ()
    literals = _alternatives_start(pattern)
    if not literals or min(map(len, literals)) < _SHORTEST_LEADING_LITERAL:
        return ()
    return tuple(sorted(set(literals)))


def _alternatives_start(pattern: str) -> list[str]:
    """The leading literal of each branch of `pattern` (a regex or a group's body); [] when one
    has none."""
    branches = []
    begin = 0
    for position, char, depth in _syntax(pattern, 0):
        if not char or depth < 0:
            return []
        if char == "|" and depth == 0:
            branches.append(pattern[begin:position])
            begin = position + 1
    branches.append(pattern[begin:])
    literals = []
    for branch in branches:
        found = _branch_start(branch)
        if not found:
            return []
        literals.extend(found)
    return literals


def _branch_start(branch: str) -> list[str]:
    position = 0
    while branch.startswith(("\\b", "^"), position):  # zero-width: the match starts after them
        position += 1 if branch[position] == "^" else 2
    if branch[position : position + 1] in _QUANTIFIERS:
        return []
    if branch.startswith("(", position):
        head = _group_head(branch[position:])
        if head is not None:
            return _alternatives_start(head)
        optional = _optional_group(branch, position)
        if optional is None:
            return []
        # A match opens with the group, or without it with what follows it (a host's
        # `(?:https?://)?(?:www\.)?name\.org`: "http", "www." or "name.org").
        inside, rest = _alternatives_start(optional[0]), _branch_start(optional[1])
        return inside + rest if inside and rest else []
    run = _literal_units(branch, position, classes=False)
    return ["".join(run)] if run else []


def _literal_units(branch: str, position: int, *, classes: bool) -> list[str]:
    """The literal units a branch holds from `position`, each the characters one position of a
    match may be: plain and escaped characters, and with `classes` classes of a few letters or
    digits (`[Pp]`), up to other syntax; the unit before a quantifier (which may be absent) is
    left out."""
    units: list[str] = []
    while position < len(branch):
        char = branch[position]
        if char == "\\":
            escaped = branch[position + 1 : position + 2]
            if escaped not in _LITERAL_ESCAPES:
                break
            units.append(escaped)
            position += 2
        elif char == "[" and classes:
            end = _class_end(branch, position)
            members = branch[position + 1 : end - 1] if end > 0 else ""
            if not members.isalnum() or len(members) > 4:
                break
            units.append(members)
            position = end
        elif char in _METACHARACTERS:
            break
        else:
            units.append(char)
            position += 1
    if units and branch[position : position + 1] in _QUANTIFIERS:
        units.pop()
    return units


_METACHARACTERS = frozenset(".^$|()[]?*+{}\\")


def _closing_paren(pattern: str) -> int:
    """Where the group the pattern opens with closes (-1 when it does not)."""
    for position, char, depth in _syntax(pattern, 0):
        if not char:
            return -1
        if char == ")" and depth == 0:
            return position
    return -1


def _syntax(pattern: str, start: int) -> Iterator[tuple[int, str, int]]:
    """The characters of `pattern` from `start` that are outside escapes and character classes,
    as (position, character, groups open after it); a class that never ends yields "" and stops."""
    depth = 0
    position = start
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            position = _class_end(pattern, position)
            if position < 0:
                yield len(pattern), "", depth
                return
            continue
        depth += (char == "(") - (char == ")")
        yield position, char, depth
        position += 1


def _class_end(pattern: str, position: int) -> int:
    """Where the character class that opens at `position` ends (the index after its `]`), or -1
    when it does not end. A `]` right after `[` or `[^` is a member of the class, and an escaped
    character never ends it. The scanners above read no further into a class: it stands for one
    character, never part of a literal, and its `(`, `|` and `^` are members, not syntax."""
    position += 1
    if pattern[position : position + 1] == "^":
        position += 1
    if pattern[position : position + 1] == "]":
        position += 1
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if char == "]":
            return position + 1
        position += 1
    return -1


_INLINE_FLAGS = on_first_use(r"\(\?([a-zA-Z-]+)[:)]")


def _inline_flags(pattern: str) -> list[str]:
    """The letters of each inline flag group of `pattern` (`(?i)`, `(?s:…)`); a pattern without
    `(?` has none, and the pattern that finds them is compiled only for one that has it."""
    return _INLINE_FLAGS().findall(pattern) if "(?" in pattern else []


@functools.lru_cache(maxsize=1024)
def _starts_lines(pattern: str) -> bool:
    """True when every match of the pattern starts a line: it begins with `^` (multi-line, so a
    line start) that is not repeated, and has no `|` outside a group or class that could offer a
    branch without it. Patterns with inline flags other than `i`, comments or quoted runs are not
    read: False."""
    if not pattern.startswith("^") or pattern[1:2] in ("?", "*", "+", "{") or "\\Q" in pattern or "(?#" in pattern:
        return False
    if any(set(flags) - {"i"} for flags in _inline_flags(pattern)):
        return False  # a flag other than ignore-case may change what `^`, `|` or spaces mean
    depth = 0
    for _, char, depth in _syntax(pattern, 1):
        if not char or depth < 0 or (char == "|" and depth == 0):
            return False
    return depth == 0


@functools.lru_cache(maxsize=1024)
def _line_gate(pattern: str, ignore_case: bool) -> Any:
    """A line break followed by a line the anchored pattern matches (what it matched is not kept)."""
    return _compile_cached(f"\\n(?={pattern})", ignore_case)


_PATTERN_STATE = ("source", "regex_text", "label", "template", "ignore_case", "whole_word", "definitions", "_stored")


def _stored_program(compiled: Any) -> bytes:
    """A compiled regex as the pack cache stores it: pickled (its program, not only its text)."""
    import regex  # noqa: F401 - registers how its patterns pickle (`copyreg`), which a pattern loaded by `regexengine` alone lacks

    return pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)


def phrase_to_regex(phrase: str) -> str:
    """A literal phrase as a pattern: normalised quotes and spaces, any whitespace between words,
    and word boundaries at the ends when the phrase starts or ends with a letter or digit."""
    import regex

    words = normalize(phrase).split()
    body = r"\s+".join(regex.escape(w) for w in words)
    if words and (words[0][0].isalnum()):
        body = r"\b" + body
    if words and (words[-1][-1].isalnum()):
        body = body + r"\b"
    return body


_PATTERN_TRANSLATION: dict[int, str] = {ord(k): v for k, v in {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}.items()}


@functools.lru_cache(maxsize=1024)
def _compile_cached(pattern: str, ignore_case: bool) -> Any:
    import regex

    # MULTILINE: text is searched as blocks joined by newlines, and ^/$ anchor at block edges.
    return regex.compile(pattern, regex.V0 | regex.UNICODE | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0))


def compile_pattern(source: str, *, ignore_case: bool = False, whole_word: bool = False, validate: bool = True) -> Pattern:
    """A pack regex, normalised like the text it runs on. `PatternTooLarge` (a ValueError) is
    raised, before any compiling, for one too costly to compile. With `validate`, it is compiled
    now and `regex.error` is raised if invalid; otherwise (built-in packs, which the test suite compiles)
    it is compiled on first use, which keeps start-up short."""
    # Articles are matched after normalisation, so a pattern typed with curly quotes or a
    # no-break space must be normalised the same way to ever match.
    pattern = source.translate(_PATTERN_TRANSLATION)
    check_pattern_size(pattern)
    if whole_word:
        pattern = rf"\b(?:{pattern})\b"
    if meta_keys(pattern):
        # Checked with a stand-in value; compiled per article with the real one.
        stand_in = _META_REF().sub("metavalue", pattern)
        if validate:
            _compile_cached(stand_in, ignore_case)
        return Pattern(source, stand_in, template=pattern, ignore_case=ignore_case, whole_word=whole_word)
    if validate:
        _compile_cached(pattern, ignore_case)
    return Pattern(source, pattern, ignore_case=ignore_case, whole_word=whole_word)


@dataclass(frozen=True, slots=True)
class SelectorMember:
    """One selector of a selector list: its CSS, its XPath as a pass over the tree, the condition
    on an element alone when it tests nothing but the element's attributes ("" otherwise), and the
    tag and class names (`"tag:figure"`, `"class:credit"`, as written) that must be on the page for
    it to match anything: its compounds' own names outside `:not()`, `:has()` and other brackets."""

    css: str
    xpath: str
    attribute_condition: str
    needs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Selector:
    """A pack's CSS selector and its XPath translation (made when the pack is built, so that a
    check from the pack cache does not import cssselect); compiled on first use. `members` (from
    `selector_members`, when known) let a page that lacks a member's tags or classes be spared
    that member's pass over its tree (`narrowed`)."""

    css: str
    xpath: str = ""
    members: tuple[SelectorMember, ...] = ()

    def __call__(self, root: Any) -> list[Any]:
        """The matching elements under `root`, in document order."""
        matches: list[Any] = _compile_selector(self.css, self.xpath)(root)
        return matches

    def narrowed(self, present: Callable[[str], bool]) -> Selector | None:
        """The selector of the members whose names `present` says the page has (`"tag:img"`,
        `"class:credit"`): it matches what this one matches on that page, in fewer passes. None
        when no member can match; this selector itself when every member may (or none is known)."""
        if not self.members or "lower-case(" in self.xpath:
            # (The case-insensitive forms run through cssselect's own selector, from the CSS.)
            return self
        kept = tuple(member for member in self.members if all(present(name) for name in member.needs))
        if len(kept) == len(self.members):
            return self
        return _selector_of(kept) if kept else None

    def validate(self) -> None:
        """Compile now and run once on an empty element; raises cssselect's SelectorError (or
        lxml's XPathError) when invalid, or when it can only fail on a page: a namespace prefix
        (`svg|a`) names no namespace in an HTML tree, and lxml refuses it only when it runs."""
        from lxml import etree

        _compile_selector(self.css, self.xpath)(etree.Element("p"))


@functools.lru_cache(maxsize=256)
def _selector_of(members: tuple[SelectorMember, ...]) -> Selector:
    """The selector of these members of a list (`Selector.narrowed`), its XPath as
    `translate_selector` writes a list's."""
    return Selector(", ".join(member.css for member in members), _group_xpath(members), members)


def _group_xpath(members: Sequence[SelectorMember]) -> str:
    """One XPath for a selector list's members: the members that test any element by its
    attributes alone (`.caption, .photo-credit`) in one pass over the tree, the others each in
    its own, joined by `|` (see `translate_selector`)."""
    conditions = [member.attribute_condition for member in members if member.attribute_condition]
    if len(conditions) < 2 or any("lower-case(" in condition for condition in conditions):
        return " | ".join(member.xpath for member in members)
    rest = [member.xpath for member in members if not member.attribute_condition]
    # Class selectors all open with `@class and`: tested once, the element's class attribute is
    # read once for all of them instead of once for each.
    shared = "@class and " if all(condition.startswith("@class and ") for condition in conditions) else ""
    either = " or ".join(f"({condition.removeprefix(shared)})" for condition in conditions)
    merged = f"descendant-or-self::*[{shared}({either})]" if shared else f"descendant-or-self::*[{either}]"
    return " | ".join([*rest, merged])


def translate_selector(css: str) -> str:
    """The XPath of a CSS selector, as lxml's HTML CSSSelector builds it, except that the members
    of a group that test any element by its attributes alone (`.caption, .photo-credit`) are
    tested in one pass over the tree: lxml joins a group's members with `|`, each a pass of its
    own, and testing classes costs the XPath engine far more than walking the tree (a third of
    the time for the five-member caption selector)."""
    return selector_from_css(css).xpath


def selector_from_css(css: str) -> Selector:
    """The `Selector` of a CSS selector list: its XPath (`translate_selector`) and its members
    (`selector_members`), the list parsed once. Raises cssselect's SelectorError (or its
    ExpressionError, for a pseudo-element) for a selector lxml cannot run."""
    from lxml.cssselect import LxmlHTMLTranslator

    members = selector_members(css)
    return Selector(css, _group_xpath(members) if members else str(LxmlHTMLTranslator().css_to_xpath(css)), members)


def selector_members(css: str) -> tuple[SelectorMember, ...]:
    """The members of a selector list (`SelectorMember`), or none when one of them is not a
    plain selector (a pseudo-element). Raises cssselect's SelectorError for an invalid selector."""
    from cssselect import parse
    from lxml.cssselect import LxmlHTMLTranslator

    translator = LxmlHTMLTranslator()
    members = []
    for selector in parse(css):
        if selector.pseudo_element is not None:
            return ()
        expression = translator.xpath(selector.parsed_tree)
        attribute_only = not expression.path and expression.element == "*" and expression.condition
        members.append(
            SelectorMember(
                selector.canonical(),
                f"descendant-or-self::{expression}",
                str(expression.condition) if attribute_only else "",
                frozenset(_names_needed(selector.parsed_tree)),
            )
        )
    return tuple(members)


def _names_needed(tree: Any) -> Iterator[str]:
    """The tag and class names a parsed selector's compounds name outside brackets: an element it
    matches, and the elements its combinators reach, carry them. (A name inside `:not()` or
    `:has()` need not be on the page; an id, an attribute or a namespaced tag is not looked for.)"""
    from cssselect.parser import Class, CombinedSelector, Element

    while tree is not None:
        if isinstance(tree, CombinedSelector):
            yield from _names_needed(tree.subselector)
        elif isinstance(tree, Class):
            yield "class:" + tree.class_name
        elif isinstance(tree, Element):
            if tree.element and tree.element != "*" and tree.namespace is None:
                yield "tag:" + tree.element.lower()
            return
        tree = getattr(tree, "selector", None)


@functools.lru_cache(maxsize=1024)
def _compile_selector(css: str, xpath: str) -> Any:
    from lxml import etree

    if not xpath or "lower-case(" in xpath:
        # The case-insensitive forms use a function lxml.cssselect registers when imported.
        from lxml.cssselect import CSSSelector

        return CSSSelector(css, translator="html")
    return etree.XPath(xpath)
