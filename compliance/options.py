"""The declarative shape of check parameters: one table per check kind drives validation, error
messages, the JSON Schema and the reference docs, so the three can never disagree."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

OptionKind = Literal[
    "string",
    "integer",
    "boolean",
    "enum",
    "regex",
    "phrase",
    "selector",
    "check",
    "checks",
    "regex-map",
    "host-map",
]


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


class Option(NamedTuple):
    """One YAML key of a check kind: its name, type, default and documentation."""

    key: str
    kind: OptionKind
    doc: str
    default: Any = REQUIRED
    choices: tuple[str, ...] = ()
    minimum: int | None = None

    @property
    def attr(self) -> str:
        """The Python attribute name of the option (`within-blocks` → `within_blocks`)."""
        return self.key.replace("-", "_")

    @property
    def required(self) -> bool:
        """True when the option has no default."""
        return self.default is REQUIRED
