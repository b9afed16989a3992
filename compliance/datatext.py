"""JSON and TOML text read as their specs define them, with nesting bounded as YAML's is.

Python's `json` reads `NaN`, `Infinity`, `-Infinity` and `1e999` (an infinite float), none of
which is JSON (RFC 8259 §6), and both `json` and `tomllib` recurse once per level of nesting, so
a file 2,000 arrays deep raises `RecursionError`. Here each of these is refused as malformed
input at its place: a `json.JSONDecodeError` (a `ValueError` with `lineno`/`colno`, which the
callers already report as `file:line:col`), or for TOML the offset of the bracket too deep.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from compliance.yamlsource import MAX_DEPTH

# A JSON string (skipped whole, so that brackets and words inside it are not read), a bracket,
# a constant JSON lacks, or a number.
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|([\[{])|[\]}]|(-?Infinity|NaN)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)')
# The same for TOML: its four kinds of string and its comments are skipped.
_TOML_TOKENS = re.compile(r"'''[\s\S]*?'''|\"\"\"(?:[^\\]|\\[\s\S])*?\"\"\"|\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|#[^\n]*|([\[{])|[\]}]")


class _NotJson(ValueError):
    """Raised from inside `json.loads` by a value JSON does not have (`token`, as written)."""

    def __init__(self, token: str, why: str) -> None:
        super().__init__(token)
        self.token = token
        self.why = why


def _constant(token: str) -> Any:
    raise _NotJson(token, f"{token} is not a JSON value")


class WrittenFloat(float):
    """A JSON number with a fraction or an exponent that remembers how it was written (`1e3`,
    `1.50`): the text a value compared with a page is (`float` alone would say `1000.0`, `1.5`)."""

    written: str

    def __new__(cls, token: str) -> WrittenFloat:
        value = super().__new__(cls, token)
        value.written = token
        return value


class WrittenInt(int):
    """A JSON integer that remembers how it was written (`-0`), as `WrittenFloat` does."""

    written: str

    def __new__(cls, token: str) -> WrittenInt:
        value = super().__new__(cls, token)
        value.written = token
        return value


def as_written(value: str | float) -> str:
    """A string, or a number as its JSON was written when read with `numbers_as_written`."""
    written = getattr(value, "written", None)
    return written if isinstance(written, str) else str(value)


def _float(token: str) -> float:
    value = float(token)
    if value in (float("inf"), float("-inf")):
        raise _NotJson(token, f"the number {token[:40]} is too large to read, it would be infinity")
    return value


def _int(token: str) -> int:
    try:
        return int(token)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise _NotJson(token, f"the number {token[:40]}… has more digits than can be read") from None


def _written_float(token: str) -> float:
    _float(token)
    return WrittenFloat(token)


def _written_int(token: str) -> int:
    _int(token)
    return WrittenInt(token)


def loads_json(text: str | bytes, *, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None, numbers_as_written: bool = False) -> Any:
    """`json.loads` of JSON as RFC 8259 defines it; with `numbers_as_written`, each number is a
    `WrittenInt` or `WrittenFloat` that keeps its text (`as_written`).

    Raises `json.JSONDecodeError` at the place of: malformed JSON (as `json.loads` does); `NaN`,
    `Infinity` or `-Infinity`; a number too large for a double (`1e999`) or with more digits than
    Python converts; nesting deeper than `MAX_DEPTH` arrays and objects."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode(json.detect_encoding(text), "surrogatepass")
    deep = _too_deep(text, _JSON_TOKENS)
    if deep is not None:
        raise json.JSONDecodeError(f"nested more than {MAX_DEPTH} arrays and objects deep", text, deep)
    try:
        if numbers_as_written:
            return json.loads(text, object_pairs_hook=object_pairs_hook, parse_constant=_constant, parse_float=_written_float, parse_int=_written_int)
        return json.loads(text, object_pairs_hook=object_pairs_hook, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except _NotJson as exc:
        raise json.JSONDecodeError(exc.why, text, _json_token_at(text, exc.token)) from None


def _json_token_at(text: str, token: str) -> int:
    """Where `token` (a constant or a number) is first written outside a string (0 if nowhere)."""
    for match in _JSON_TOKENS.finditer(text):
        if token in (match.group(2), match.group(3)):
            return match.start()
    return 0


def toml_too_deep(text: str) -> int | None:
    """The offset of the first `[` or `{` in a TOML text that opens more than `MAX_DEPTH` arrays
    and inline tables (table headers count as the one level they open and close), or None."""
    return _too_deep(text, _TOML_TOKENS)


def _too_deep(text: str, tokens: re.Pattern[str]) -> int | None:
    # Cheap gate: a text with fewer brackets than the limit cannot nest past it.
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for match in tokens.finditer(text):
        if match.group(1):
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif match.group(0) in ("]", "}"):
            depth -= 1
    return None
