"""`original-byline` — the republished byline names the original story's reporter(s).

The names are read from the original's byline exactly as the republication's are, then compared
insensitive to order ("Ana Ruiz and Bo Li" = "Bo Li, Ana Ruiz"), case, diacritics ("Jose" = "José")
and look-alike letters from other scripts (a Cyrillic "а" in "Jаke" reads as "a"). With
`all: false` one of the original's reporters is enough. Without an original story the rule is
reported as not checked. Captures: `name` and `names` (the original's reporters), `missing`.

Example (every reporter of the original is credited)::

    original-byline: {}

Original::

    <article><h1>Title</h1><p class="byline">By José Díaz and Ana Ruiz</p><p>Story.</p></article>

Passes::

    <article><h1>Title</h1><p class="byline">By Ana Ruiz and Jose Diaz, Example News</p><p>Story.</p></article>

Fails::

    <article><h1>Title</h1><p class="byline">By Ana Ruiz</p><p>Story.</p></article>
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compliance.checks.base import Context, Hit, Outcome, Undecided
from compliance.checks.story import name_key
from compliance.document import Document
from compliance.options import Option

OPTIONS = (Option("all", "boolean", "Every reporter of the original must be credited (false: at least one).", default=True),)


@dataclass(frozen=True, slots=True)
class OriginalBylineParams:
    """Validated parameters of an `original-byline` check."""

    all: bool


def build(values: dict[str, Any]) -> OriginalBylineParams:
    """Parameters from validated option values."""
    return OriginalBylineParams(values["all"])


def evaluate(doc: Document, params: OriginalBylineParams, ctx: Context) -> Outcome:
    """Pass when the republication's bylines credit the original's reporters."""
    original = ctx.need_original()
    expected: dict[tuple[str, ...], str] = {}
    for byline in original.bylines:
        for name in byline.names:
            expected.setdefault(name_key(name), name)
    if not expected:
        raise Undecided("the original story names no reporter in a visible byline")
    credited = {name_key(n): (byline, n) for byline in doc.bylines for n in byline.names}
    found = [credited[key] for key in expected if key in credited]
    missing = [name for key, name in expected.items() if key not in credited]
    names = ", ".join(expected.values())
    captures = (("name", next(iter(expected.values()))), ("names", names), ("missing", ", ".join(missing)))
    if found and (not missing or not params.all):
        hits = tuple(Hit(b.index, doc.locate(b), b.text, captures, doc.item_offsets[min(b.index, len(doc.item_offsets) - 1)]) for b, _ in found)
        return Outcome(True, hits)
    anchor = doc.locate(doc.bylines[0]) if doc.bylines else (doc.locate(doc.headline) if doc.headline else doc.article_location)
    shown = "; ".join(f"'{b.text}'" for b in doc.bylines) or "no visible byline"
    return Outcome(False, (), f"the original credits {names}; the republication has {shown}", anchor)
