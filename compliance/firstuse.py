"""Regular expressions of the standard `re` engine compiled on first use, not when their module loads.

Compiling a pattern costs the standard parser tens to hundreds of microseconds (more for a long
alternation or a large character class), and the modules a check imports held dozens of patterns
that a given page never needs (the position check's, the Markdown sniffer's, the text split the
prefilter uses for pages it cannot split as bytes, the fix and suppression parsers'). Compiled
when their module loaded, they cost every run, a one-file check (a pre-commit hook) included; a
pattern that only some pages need is written as `_NAME = on_first_use(r"...")` and used as
`_NAME().search(text)`: the first call compiles it, every later call returns the same pattern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import AnyStr


def on_first_use(pattern: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """A function returning `re.compile(pattern, flags)`, compiled on its first call (which
    raises `re.error` for an invalid pattern)."""

    @functools.cache
    def compiled() -> re.Pattern[AnyStr]:
        return re.compile(pattern, flags)

    return compiled


__all__ = ["on_first_use"]
