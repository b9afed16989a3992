"""Small reads of an lxml element shared by the walk, the visibility and region tests and the
byline finding: its class tokens and its text."""

from __future__ import annotations

import functools
from typing import Any


@functools.lru_cache(maxsize=4096)
def class_tokens(value: str) -> frozenset[str]:
    """The lower-cased tokens of a `class` attribute value; pages repeat a few class strings, so
    each distinct string is split once."""
    return frozenset(value.lower().split())


def classes(element: Any) -> frozenset[str]:
    """The element's class tokens, lower-cased (empty when it has no `class` attribute)."""
    value = element.get("class")
    return class_tokens(value) if value else frozenset()


def text_of(element: Any) -> str:
    """All text inside an element (what lxml.html calls text_content)."""
    return "".join(element.itertext())
