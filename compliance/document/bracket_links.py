"""Markdown's `[label](destination)` taken out of a line of text in linear time.

A regular expression such as `\\[([^\\]]*)\\]\\([^)]*\\)` is tried from every `[` of the text, and
from each it reads up to the next `]` and then the destination: on a run of 100,000 `[` (or of
`[a](`, or of `](b`) that is a scan to the end from each of them, time that grows with the
square of the run. Here each candidate `[` is tried once: a match from a `[` reads the label up
to the next `]`, which is the same `]` for every `[` before it, so when the first of them fails
all of them do, and the search goes on after that `]`. The destination's scans are remembered
(`NextOf`), so overlapping destinations are read once. The result is the one `re.sub` gives with
the equivalent pattern, leftmost match first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["NextOf", "replace_bracketed"]


class NextOf:
    """The first index at or after a position of a character a one-character pattern (`[)>\\s]`)
    matches in a text (its length when there is none), remembered: asked again inside the span
    it last read, it answers without reading (`at` is amortised constant time for positions
    asked in increasing order)."""

    __slots__ = ("_after", "_found", "_search", "_text")

    def __init__(self, text: str, character: str) -> None:
        self._text = text
        self._search = re.compile(character).search
        self._after, self._found = 0, -1  # the span last read: nothing read yet

    def at(self, position: int) -> int:
        """The first index >= `position` of such a character, or the text's length."""
        if not self._after <= position <= self._found:
            found = self._search(self._text, position)
            self._after, self._found = position, found.start() if found is not None else len(self._text)
        return self._found


def replace_bracketed(
    text: str,
    opener: str,
    tail_end: Callable[[int], int],
    *,
    keep_label: bool,
    label_required: bool = False,
    not_after: str = "",
) -> str:
    """`text` with each `{opener}label]tail` replaced by its label (`keep_label`) or by nothing, as
    `re.sub` replaces the matches of `{opener}([^\\]]*)\\]TAIL` (`[^\\]]+` with `label_required`;
    `(?<!{not_after})` before the opener when given, read in `text` as it stands), leftmost
    first. `tail_end(q)` is where TAIL matched at the `]` at index q of `text` ends (the index
    after it), or -1 when it does not match there: it must read `text` itself and answer in
    amortised constant time for increasing q (see `NextOf`)."""
    pieces: list[str] = []
    kept = search = 0
    while (start := text.find(opener, search)) >= 0:
        if not_after and start and text.startswith(not_after, start - len(not_after)):
            search = start + 1  # the lookbehind fails here; a later opener may be read
            continue
        close = text.find("]", start + len(opener))
        if close < 0:
            break  # no `]` after this opener: none after a later one either
        end = tail_end(close) if close > start + len(opener) or not label_required else -1
        if end < 0:
            # Every opener before this `]` reads the same label end, and fails as this one did.
            search = close + 1
            continue
        pieces.append(text[kept:start])
        if keep_label:
            pieces.append(text[start + len(opener) : close])
        kept = search = end
    pieces.append(text[kept:])
    return "".join(pieces)
