"""Small reads of an lxml element shared by the walk, the visibility and region tests and the
byline finding: its class tokens and its text."""

from __future__ import annotations

import functools
from typing import Any

# How many distinct `class` (and `id`) values the readers of them memoise. A page uses tens of them
# (a hundred at most) and a site's pages share most, so a few hundred hold what pages repeat; but
# a CMS gives every page one or two of its own (WordPress's `post-48001`, `postid-48001`), so a
# larger bound would only fill up file by file in a long batch and grow the run's memory with the
# number of files, for no hit.
CLASS_VALUES_CACHED = 512


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
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
