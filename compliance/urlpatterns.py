"""Pack URL patterns that name a host without pinning it down.

A link-back or pixel rule's pattern such as `propublica\\.org/article/` also accepts
`https://attacker.example/propublica.org/article/`, and `^https?://(?:www\\.)?propublica\\.org`
also accepts `https://propublica.org.attacker.example/`: a republisher's link to another site
would pass the check. `loose_host` reads a pattern's structure (Python's own regular-expression
parser, `re._parser`, which reads the syntax pack patterns share with the `regex` engine) and says
how the host named in it could be another host. `syndcheck rules validate` shows it as a warning
at the pattern's `file:line:col`; the pack stays valid, since some patterns are meant to accept
any host (a pixel's query parameter, a logo file's name wherever the republisher keeps it).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# How many alternatives of a pattern are read (`(?:a|b)(?:c|d)` has four); a pattern with more is
# not judged.
_MAX_PATHS = 256
_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.")
# What may follow a host in a URL: a port, the path, the query or the fragment.
_AFTER_HOST = frozenset(":/?#")
_SLASH = ord("/")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


@dataclass(frozen=True, slots=True)
class LooseHost:
    """A host a URL pattern names (`propublica.org`) and how another host passes for it."""

    host: str
    problem: str

    @property
    def anchored(self) -> str:
        """The pattern that pins the host down: `^https?://(?:www\\.)?propublica\\.org/`."""
        bare = self.host.removeprefix("www.")
        return "^https?://(?:www\\.)?" + re.escape(bare) + "/"


def loose_host(pattern: str, *, ignore_case: bool = True) -> LooseHost | None:
    """How `pattern` (a regex searched in URLs `scheme://host[:port]/path[?query]`) accepts a host
    other than the one it names, with an example of such a URL; None when every host it names is
    pinned down, when it names no host, or when it cannot be read (syntax only the `regex` engine
    knows, or too many alternatives)."""
    try:
        parsed = _parse(pattern, re.IGNORECASE if ignore_case else 0)
    except (re.error, RecursionError, OverflowError):
        return None
    paths = list(itertools.islice(_paths(list(parsed)), _MAX_PATHS + 1))
    if len(paths) > _MAX_PATHS:
        return None
    for path in paths:
        problem = _path_problem(path)
        if problem is not None:
            return problem
    return None


def _parse(pattern: str, flags: int) -> Any:
    from re import _parser  # type: ignore[attr-defined]

    return _parser.parse(pattern, flags)


def _paths(items: list[Any]) -> Iterator[list[Any]]:
    """Every sequence of items through `items`, groups opened and alternatives taken one by one."""
    if not items:
        yield []
        return
    (op, value), rest = items[0], items[1:]
    name = str(op)
    if name == "SUBPATTERN":
        yield from _paths(list(value[-1]) + rest)
    elif name == "BRANCH":
        for alternative in value[1]:
            yield from _paths(list(alternative) + rest)
    else:
        for tail in _paths(rest):
            yield [(op, value), *tail]


def _path_problem(path: list[Any]) -> LooseHost | None:
    text = _literal_text(path)
    named = _DOMAIN.search(text)
    if named is None:
        return None  # no host named: the pattern is about something else (a query, a file name)
    host = named.group()
    if not path or str(path[0][0]) != "AT" or str(path[0][1]) not in ("AT_BEGINNING", "AT_BEGINNING_STRING"):
        return LooseHost(host, f"it is not anchored at the start, so a URL on any host that holds what it matches matches: https://attacker.example/{host}/…")
    slashes = _double_slash(path)
    if slashes is None:
        if all(str(op) in ("AT", "LITERAL") for op, _ in path):
            return None
        return LooseHost(host, f"it does not start with the scheme and '//', so any host may come before '{host}'")
    index = slashes + 2
    ends_at_dot = True  # right after '//', a host starts
    while index < len(path) and not _is_literal(path[index]):
        if _may_match(path[index], _SLASH):
            return LooseHost(host, f"what comes before '{host}' may hold a '/', so any host matches: https://attacker.example/{host}/")
        optional = str(path[index][0]) in _REPEATS and path[index][1][0] == 0
        ends_at_dot = _ends_with_dot(path[index]) and (ends_at_dot or not optional)
        index += 1
    start = index
    while index < len(path) and _is_literal(path[index]) and chr(path[index][1]).lower() in _HOST_CHARS:
        index += 1
    written = "".join(chr(v) for _, v in path[start:index]).lower()
    if not _DOMAIN.fullmatch(written.strip(".")):
        if _DOMAIN.search(_literal_text(path[index:])) is None:
            return None
        return LooseHost(host, f"the host before '{host}' is not written out, so any host matches")
    if not ends_at_dot and not written.startswith("."):
        return LooseHost(written, f"a longer host ending in '{written}' matches too: https://attacker{written}/")
    if _closes_host(path[index:]):
        return None
    # Another host that starts with this one: after a dot, a name; after a name, a hyphen (which
    # a lookahead refusing only a dot lets through too).
    longer = f"{written}attacker.example" if written.endswith(".") else f"{written}-attacker.example"
    return LooseHost(written, f"nothing ends the host after '{written}', so https://{longer}/ matches")


def _literal_text(path: Sequence[Any]) -> str:
    return "".join(chr(value) if _is_literal((op, value)) else " " for op, value in path).lower()


def _is_literal(item: Any) -> bool:
    return str(item[0]) == "LITERAL"


def _double_slash(path: list[Any]) -> int | None:
    for index in range(len(path) - 1):
        if path[index] == path[index + 1] and _is_literal(path[index]) and path[index][1] == _SLASH:
            return index
    return None


def _closes_host(rest: list[Any]) -> bool:
    """Whether every way through `rest` starts with what ends a host (a port, the path, the query,
    the fragment) or ends the URL."""
    if not rest:
        return False
    (op, value), after = rest[0], rest[1:]
    name = str(op)
    if name == "AT":
        return str(value) in ("AT_END", "AT_END_STRING")
    if name == "LITERAL":
        # A host's trailing dot (`example.org./`) names the same host when the host ends there.
        return chr(value) in _AFTER_HOST or (value == ord(".") and _closes_host(after))
    if name == "ASSERT" and value[0] == 1:
        # A lookahead (`(?=/)`) that only lets what ends a host follow.
        return _closes_host(list(value[1])) or _closes_host(after)
    if name == "IN":
        return all(str(kind) == "LITERAL" and chr(member) in _AFTER_HOST for kind, member in value)
    if name == "SUBPATTERN":
        return _closes_host(list(value[-1]) + after)
    if name == "BRANCH":
        return all(_closes_host(list(alternative) + after) for alternative in value[1])
    if name in _REPEATS:
        low, _high, body = value
        return _closes_host(list(body) + after) and (bool(low) or _closes_host(after))
    return False


def _ends_with_dot(item: Any) -> bool:
    op, value = item
    name = str(op)
    if name == "LITERAL":
        return bool(value == ord("."))
    if name in _REPEATS:
        body = list(value[2])
        return bool(body) and _ends_with_dot(body[-1])
    if name == "SUBPATTERN":
        body = list(value[-1])
        return bool(body) and _ends_with_dot(body[-1])
    if name == "BRANCH":
        return all(alternative and _ends_with_dot(list(alternative)[-1]) for alternative in value[1])
    return False


def _may_match(item: Any, char: int) -> bool:
    """Whether `item` may consume `char` anywhere in what it matches (unknown items may)."""
    op, value = item
    name = str(op)
    if name == "LITERAL":
        return bool(value == char)
    if name == "NOT_LITERAL":
        return bool(value != char)
    if name == "ANY":
        return True
    if name == "IN":
        return _set_has(value, char)
    if name in _REPEATS:
        return any(_may_match(inner, char) for inner in value[2])
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return any(_may_match(inner, char) for inner in value[-1])
    if name == "BRANCH":
        return any(_may_match(inner, char) for alternative in value[1] for inner in alternative)
    return name not in ("AT", "ASSERT", "ASSERT_NOT")


def _set_has(members: Sequence[Any], char: int) -> bool:
    negated = bool(members) and str(members[0][0]) == "NEGATE"
    found = False
    for op, value in members[1:] if negated else members:
        name = str(op)
        if name == "LITERAL":
            found = found or value == char
        elif name == "RANGE":
            found = found or value[0] <= char <= value[1]
        elif name == "CATEGORY":
            # '/' is no digit, word or space character, and is in every negated category.
            found = found or str(value).startswith("CATEGORY_NOT_")
        else:
            found = True
    return found != negated


__all__ = ["LooseHost", "loose_host"]
