"""How untrusted text is shown: the one sanitiser every output format and stderr go through.

File names, CMS payload ids, article metadata, page text, evidence and pack text all come from
outside. On a terminal or in a CI log they could carry escape sequences (OSC 8 links, cursor
moves, title changes), C1 controls, bidirectional overrides that make a line read differently
than it is, or a line break followed by a GitHub workflow command (`::add-mask::`). Here such
characters are shown as visible escapes instead:

- C0 controls but tab, DEL and C1 controls: `\\x1b`, `\\x7f`, `\\x85`; line breaks as `\\n`, `\\r`;
- bidirectional controls and the Unicode line and paragraph separators: `\\u202e`, `\\u2028`;
- lone surrogates: `\\xff` for a byte of a file name that is not UTF-8 (Python decodes those as
  U+DC80–U+DCFF), `\\ud800` for any other;
- characters that show nothing, by which two names that look alike differ (`story.html` and
  `story\\u200b.html`): the soft hyphen, the combining grapheme joiner, the Mongolian vowel
  separator, the zero-width space, non-joiner and joiner, the word joiner and invisible operators
  (U+2060–U+2064), the byte order mark; and the noncharacters U+FFFE and U+FFFF, which XML
  cannot carry (a JUnit report with one would not parse).

`visible` is for line-oriented output (text, GitHub, JUnit, stderr) and for every text a person
reads in a report written as JSON (SARIF's messages, rule texts and names; `visible_block` for
several lines). `json_output` makes a JSON text that `json.dumps(..., ensure_ascii=False)` wrote
safe without changing what it parses to, except that lone surrogates, which strict JSON parsers
reject, become the visible escapes above: it is for data (the JSON report's fields, SARIF's
properties), which a program reads exactly.
"""

from __future__ import annotations

import functools
import re

# Every character that is escaped: C0 but tab, DEL, C1, the bidirectional controls (ALM, LRM,
# RLM, LRE…RLO, LRI…PDI), the line and paragraph separators, all surrogate code points, the
# characters that show nothing (soft hyphen, CGJ, MVS, ZWSP, ZWNJ, ZWJ, WJ, invisible operators,
# BOM) and the noncharacters U+FFFE and U+FFFF. All but the C0 controls, which a JSON encoder
# already escapes, are in one class, which `json_output` searches for too.
_ESCAPED_BUT_C0 = "\x7f-\x9f\xad\u034f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ud800-\udfff\ufeff\ufffe\uffff"
_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f{_ESCAPED_BUT_C0}]")


@functools.cache
def _unsafe_in_json() -> re.Pattern[str]:
    """In a JSON text every C0 control is already escaped by the encoder; what is left is raw.
    Compiled on first use: a text report (a pre-commit hook's) never needs it."""
    return re.compile(f"[{_ESCAPED_BUT_C0}]")


_NAMED = {"\n": "\\n", "\r": "\\r"}


def escape_char(char: str) -> str:
    """The visible escape of one unsafe character (`\\x1b`, `\\n`, `\\u202e`, `\\xff` for a non-UTF-8 byte)."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by the surrogateescape handler
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` on one line with every unsafe character shown as an escape; safe text is returned as is."""
    return _UNSAFE.sub(lambda m: escape_char(m.group()), text)


def at_line_start(text: str) -> str:
    """`visible(text)` for a line that starts with it: its first colon shown as `\\x3a` when it
    would start the line with "::", which the GitHub Actions runner takes for a workflow command
    once the line's blank space is trimmed (a step or pack name in `--timing`'s table)."""
    shown = visible(text)
    body = shown.lstrip()
    if not body.startswith("::"):
        return shown
    return shown[: len(shown) - len(body)] + "\\x3a" + body[1:]


def path_at_line_start(path: str) -> str:
    """`visible(path)` for a line that starts with it: a relative path that starts with "::" is
    shown as "./::…", the same file, so that no line reads as a GitHub workflow command
    (`::add-mask::x.html`, `::error file=x::pwned.html`) that syndcheck did not write. The Actions
    runner takes a line for a command when it starts with "::" once its blank space is trimmed."""
    shown = visible(path)
    return "./" + shown if shown.lstrip().startswith("::") else shown


def visible_block(text: str) -> str:
    """Multi-line text with each line shown by `visible`, its line feeds kept: a message whose
    lines are the formatter's own (SARIF's "Why:" and "Fix:" lines, a fix's block) with untrusted
    text in them."""
    return "\n".join(visible(line) for line in text.split("\n"))


def json_output(text: str) -> str:
    """A JSON text (from `json.dumps(..., ensure_ascii=False)`) with no raw unsafe character left.

    DEL, C1, bidirectional controls and line separators become `\\uXXXX` escapes, which parse back
    to the same characters; a lone surrogate becomes its visible escape as text (`\\\\xff`), so the
    result is valid UTF-8 and strict parsers accept it. These characters only ever occur inside
    JSON strings, so the replacement never touches the structure.
    """

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if "\ud800" <= char <= "\udfff":
            return "\\" + escape_char(char)
        return f"\\u{ord(char):04x}"

    return _unsafe_in_json().sub(escape, text)


def is_safe_line_text(text: str) -> bool:
    """True when `text` holds no character that `visible` would escape except line breaks."""
    return _UNSAFE.search(text.replace("\n", "")) is None
