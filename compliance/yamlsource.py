"""YAML with positions: safe loading that keeps file:line:column for every key and value.

Rule packs and configs are written by people who are not programmers, so every validation error
must point at the line to fix. PyYAML's `safe_load` loses positions, accepts duplicate keys
silently and expands alias bombs when walked; this loader keeps positions, rejects duplicates,
and caps the number of nodes an alias-laden document may expand to.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from compliance.errors import PackError, UserError

MAX_NODES = 50_000
# What to do about invalid YAML in a rule pack or a configuration file.
_INVALID_HINT = "check indentation and quoting; put patterns and selectors in single quotes"
MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class Mark:
    """A position in a YAML source."""

    origin: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class YScalar:
    """A scalar value with its position and whether it was quoted."""

    value: Any
    mark: Mark
    quoted: bool = False
    # PyYAML's scalar style: "" plain, "'" single-quoted, '"' double-quoted, "|" or ">" block.
    style: str = ""
    # The scalar's characters as written, before YAML resolves a type (`0x1F`, `010`, `yes`,
    # `2026-01-02`): what article metadata reads, where text is what the author means.
    text: str = ""


@dataclass(frozen=True, slots=True)
class YSeq:
    """A sequence with its position."""

    items: tuple[YNode, ...]
    mark: Mark


@dataclass(frozen=True, slots=True)
class YMap:
    """A mapping with its position and the position of every key."""

    entries: dict[str, YNode]
    key_marks: dict[str, Mark]
    mark: Mark
    order: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[str]:
        return iter(self.order or tuple(self.entries))

    def get(self, key: str) -> YNode | None:
        """The node under `key`, or None."""
        return self.entries.get(key)

    def key_mark(self, key: str) -> Mark:
        """Where `key` is written (falls back to the mapping)."""
        return self.key_marks.get(key, self.mark)


YNode = YScalar | YSeq | YMap


def plain(node: YNode) -> Any:
    """The node as plain Python data (dicts, lists, scalars)."""
    if isinstance(node, YScalar):
        return node.value
    if isinstance(node, YSeq):
        return [plain(item) for item in node.items]
    return {key: plain(node.entries[key]) for key in node}


def parse_yaml(
    text: str,
    origin: str,
    *,
    error: type[UserError] = PackError,
    duplicate: type[UserError] | None = None,
    invalid_hint: str = _INVALID_HINT,
    complex_keys: bool = True,
) -> YNode | None:
    """Parse one YAML document safely into position-carrying nodes; None for an empty document.
    Raises `error` at the place of what is not YAML (or more than this reader takes), and
    `duplicate` (default `error`) at a key given twice in one mapping: a reader that tolerates
    what may not be YAML at all (a text article's front matter) still refuses an ambiguous value.
    `invalid_hint` says what to do about invalid YAML in the file being read. With `complex_keys`
    false, a key written the explicit way (`? title` over `: value`) raises `error` at its line:
    a reader that finds keys by their lines (article metadata) would otherwise not see it."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            if exc.problem == "but found another document":
                # PyYAML's message is in two parts; the second alone ("but found another
                # document") does not say what is wrong.
                raise error(
                    "a second YAML document starts here: the file must hold one",
                    path=origin,
                    line=(mark.line + 1) if mark else None,
                    column=(mark.column + 1) if mark else None,
                    hint="remove this '---' (and merge what follows into the document above it), or put the second document in a file of its own",
                ) from None
            tab = _tab_indenting(text, mark.line) if mark else None
            if tab is not None:
                # PyYAML's words ("found character that cannot start any token") never say "tab".
                raise error(
                    "invalid YAML: a tab indents this line",
                    path=origin,
                    line=tab[0] + 1,
                    column=tab[1] + 1,
                    hint="YAML does not allow tabs for indentation: use spaces",
                ) from None
            raise error(
                f"invalid YAML: {exc.problem or exc.context}",
                path=origin,
                line=(mark.line + 1) if mark else None,
                column=(mark.column + 1) if mark else None,
                hint=invalid_hint,
            ) from None
        except yaml.YAMLError as exc:
            # A reader error (a control character, invalid UTF-8) has a position, not a mark.
            position = getattr(exc, "position", None)
            line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
            reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
            raise error(f"invalid YAML: {reason}", path=origin, line=line, hint="remove control characters; save the file as UTF-8") from None
        except RecursionError:
            raise error("YAML nested too deeply", path=origin, hint=f"keep nesting under {MAX_DEPTH} levels") from None
        if root is None:
            return None
        budget = [MAX_NODES]
        converted = _convert(loader, root, origin, budget, 0, error, duplicate or error)
    finally:
        loader.dispose()
    if not complex_keys:
        _refuse_explicit_keys(text, origin, error)
    return converted


def _tab_indenting(text: str, line: int) -> tuple[int, int] | None:
    """The first tab (line, column; from 0) in the indentation of line `line` or the line before it,
    where PyYAML reports a tab used to indent (on the tab's line, or on the next one); None when there is none."""
    lines = text.split("\n")
    for number in (line - 1, line):
        if 0 <= number < len(lines):
            written = lines[number]
            indent = written[: len(written) - len(written.lstrip(" \t"))]
            if "\t" in indent:
                return number, indent.index("\t")
    return None


def _refuse_explicit_keys(text: str, origin: str, error: type[UserError]) -> None:
    """Raises `error` at the first key written with `?` (YAML's explicit key), in a text already
    read as YAML. The scanner's key token starts at the `?` of an explicit key and at the key
    itself otherwise; a `?` inside a plain key or a value is no token."""
    if "?" not in text:
        return
    import yaml

    lines = text.splitlines()
    for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(token, yaml.KeyToken):
            line, column = token.start_mark.line, token.start_mark.column
            if line < len(lines) and lines[line][column : column + 1] == "?":
                raise error(
                    "a key written with '?' (a YAML complex key) is not read here",
                    path=origin,
                    line=line + 1,
                    column=column + 1,
                    hint="write the key and its value on one line, 'key: value'",
                )


def _mark(node: Any, origin: str) -> Mark:
    return Mark(origin, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(loader: Any, node: Any, origin: str, budget: list[int], depth: int, error: type[UserError], duplicate: type[UserError]) -> YNode:
    import yaml

    budget[0] -= 1
    if budget[0] < 0:
        raise error(
            f"YAML document expands to more than {MAX_NODES} values",
            path=origin,
            line=node.start_mark.line + 1,
            column=node.start_mark.column + 1,
            hint="aliases (*name) that repeat large structures are refused; write the values out",
        )
    if depth > MAX_DEPTH:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        raise error("YAML nested too deeply", path=origin, line=line, column=column, hint=f"keep nesting under {MAX_DEPTH} levels")
    mark = _mark(node, origin)
    if isinstance(node, yaml.ScalarNode):
        try:
            value = loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise error(f"unsupported YAML value: {exc.problem}", path=origin, line=mark.line, column=mark.column, hint=_plain_only(error)) from None
        except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise KeyError, AttributeError... on odd tags
            if node.tag == "tag:yaml.org,2002:timestamp":
                # YAML reads 2024-13-45 as a date, and no such day exists.
                raise error(
                    f"{node.value!r} is not a date that exists ({exc})",
                    path=origin,
                    line=mark.line,
                    column=mark.column,
                    hint="write the day as YYYY-MM-DD, or quote the value to keep it as text",
                ) from None
            raise error(f"invalid YAML value ({type(exc).__name__}: {exc})", path=origin, line=mark.line, column=mark.column) from None
        return YScalar(value, mark, node.style in ("'", '"'), node.style or "", node.value)
    if isinstance(node, yaml.SequenceNode):
        if node.tag not in ("tag:yaml.org,2002:seq",):
            raise _tag_error(error, node.tag, mark)
        return YSeq(tuple(_convert(loader, item, origin, budget, depth + 1, error, duplicate) for item in node.value), mark)
    if isinstance(node, yaml.MappingNode):
        if node.tag not in ("tag:yaml.org,2002:map",):
            raise _tag_error(error, node.tag, mark)
        entries: dict[str, YNode] = {}
        key_marks: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                raise error("YAML merge keys (<<) are not supported", path=origin, line=line, column=column, hint="write the keys out")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int"):
                raise error("mapping keys must be plain words", path=origin, line=key_node.start_mark.line + 1, column=key_node.start_mark.column + 1)
            # Keys are names, taken as written: YAML 1.1 would turn `off:` or `no:` into booleans.
            name = str(key_node.value)
            key = YScalar(name, _mark(key_node, origin), key_node.style in ("'", '"'))
            if name in entries:
                first = key_marks[name]
                raise duplicate(
                    f"duplicate key '{name}' (first defined at line {first.line})",
                    path=origin,
                    line=key.mark.line,
                    column=key.mark.column,
                    hint="YAML keeps only the last value; remove or rename one of them",
                )
            key_marks[name] = key.mark
            entries[name] = _convert(loader, value_node, origin, budget, depth + 1, error, duplicate)
        return YMap(entries, key_marks, mark, tuple(entries))
    raise error("unsupported YAML node", path=origin, line=mark.line)  # pragma: no cover - PyYAML has three node kinds


def _tag_error(error: type[UserError], tag: str, mark: Mark) -> UserError:
    return error(f"unsupported YAML tag {tag}", path=mark.origin, line=mark.line, column=mark.column, hint=_plain_only(error))


def _plain_only(error: type[UserError]) -> str:
    """What the file being read may hold, said of that file: a rule pack (read with `PackError`), a
    configuration (project or audit, `ConfigError`), or anything else (metadata, front matter)."""
    from compliance.errors import ConfigError, PackError

    holder = {PackError: "rule packs hold", ConfigError: "a configuration file holds"}.get(error, "this file holds")
    return f"{holder} plain strings, numbers, booleans, lists and mappings only"


def shown_value(node: YNode) -> str:
    """A value as a YAML writer would know it, for "got ..." in an error: `'warnng'`, `true`,
    `nothing (null)` (an empty value, `~` or `null`), `a list`, `a mapping`."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    if node.value is None:
        return "nothing (null)"
    if isinstance(node.value, bool):
        return "true" if node.value else "false"
    return f"'{node.value}'"


def nodes_from_plain(
    data: Any, origin: str, line: int = 1, positions: Mapping[tuple[str | int, ...], tuple[int, int]] | None = None, path: tuple[str | int, ...] = ()
) -> YNode:
    """Plain data (e.g. a TOML table) as nodes, each placed where `positions` says its path
    (keys and list indexes below the data) is written, else at its parent's place (`line`)."""
    known = positions or {}
    here = known.get(path, (line, 1))
    mark = Mark(origin, *here)
    if isinstance(data, dict):
        entries = {str(k): nodes_from_plain(v, origin, here[0], known, (*path, str(k))) for k, v in data.items()}
        key_marks = {k: Mark(origin, *known.get((*path, k), here)) for k in entries}
        return YMap(entries, key_marks, mark, tuple(entries))
    if isinstance(data, list):
        return YSeq(tuple(nodes_from_plain(v, origin, here[0], known, (*path, index)) for index, v in enumerate(data)), mark)
    return YScalar(data, mark)
