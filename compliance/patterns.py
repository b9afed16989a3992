"""Pack regexes, compiled once per process and searched with a time limit.

Pack authors write regexes, and a regex can backtrack catastrophically (`(a+)+$`). The `regex`
package is both much faster than `re` on typical credit-line patterns and supports a per-call
`timeout`, so one pathological pattern costs at most `MATCH_TIMEOUT` seconds per document and is
reported as a finding naming its rule instead of stalling a publishing pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from compliance.text import normalize

MATCH_TIMEOUT = 0.25


class PatternTimeout(Exception):
    """A pattern exceeded its time limit on a document."""

    def __init__(self, source: str) -> None:
        super().__init__(f"pattern '{source}' exceeded the {MATCH_TIMEOUT:g} s time limit")
        self.source = source


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled pack pattern; `source` is what the author wrote (for messages)."""

    source: str
    compiled: Any = field(compare=False, repr=False)
    label: str = ""

    @property
    def shown(self) -> str:
        """The pattern as an editor can read it in a message."""
        return self.label or self.source

    def search(self, text: str) -> Any:
        """First match or None; raises PatternTimeout past the time limit."""
        try:
            return self.compiled.search(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.source) from None

    def finditer(self, text: str) -> Iterator[Any]:
        """All non-overlapping matches; raises PatternTimeout past the time limit."""
        try:
            yield from self.compiled.finditer(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.source) from None


def phrase_to_regex(phrase: str) -> str:
    """A literal phrase as a pattern: normalised quotes and spaces, any whitespace between words,
    and word boundaries at the ends when the phrase starts or ends with a letter or digit."""
    words = normalize(phrase).split()
    body = r"\s+".join(regex.escape(w) for w in words)
    if words and (words[0][0].isalnum()):
        body = r"\b" + body
    if words and (words[-1][-1].isalnum()):
        body = body + r"\b"
    return body


_REGEX_NOISE = (
    (r"\s+", " "),
    (r"\s*", " "),
    (r"\s", " "),
    (r"\b", ""),
    (r"\.", "."),
    (r"\-", "-"),
    (r"(?:", "("),
)


def readable(pattern: str) -> str:
    """A regex with its anchors and whitespace classes removed, for messages to editors."""
    text = pattern
    for noise, plain in _REGEX_NOISE:
        text = text.replace(noise, plain)
    text = " ".join(text.strip("^$ ").split())
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    return text


_PATTERN_TRANSLATION: dict[int, str] = {ord(k): v for k, v in {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}.items()}


def compile_pattern(source: str, *, ignore_case: bool = False, whole_word: bool = False) -> Pattern:
    """Compile a pack regex (normalised like the text it runs on); raises `regex.error` if invalid."""
    # Articles are matched after normalisation, so a pattern typed with curly quotes or a
    # no-break space must be normalised the same way to ever match.
    pattern = source.translate(_PATTERN_TRANSLATION)
    if whole_word:
        pattern = rf"\b(?:{pattern})\b"
    flags = regex.V0 | regex.UNICODE
    if ignore_case:
        flags |= regex.IGNORECASE
    return Pattern(source, regex.compile(pattern, flags))
