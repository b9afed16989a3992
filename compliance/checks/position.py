"""`position` — a check's match must sit within the first or last N blocks of the article: a
credit line at the top, a tagline at the end, a logo above the story.

Blocks are paragraphs, headings, list items, images and (in text articles) lines, counted
inside the article region.

Example (ProPublica's credit line at the top of the story)::

    position:
      check: {text: {phrase: This story was originally published by ProPublica}}
      first: 3

Passes::

    <article><h1>Title</h1><p>This story was originally published by ProPublica.</p><p>One.</p><p>Two.</p></article>

Fails::

    <article><h1>Title</h1><p>One.</p><p>Two.</p><p>Three.</p><p>This story was originally published by ProPublica.</p></article>
"""

from __future__ import annotations

from typing import Any, NamedTuple

from compliance.checks.base import Check, Context, Outcome, describe_check
from compliance.document import Document
from compliance.options import Option

OPTIONS = (
    Option("check", "check", "What must be in position (any check)."),
    Option("first", "integer", "Within the first N blocks of the article.", default=None, minimum=1),
    Option("last", "integer", "Within the last N blocks of the article.", default=None, minimum=1),
)


class PositionParams(NamedTuple):
    """Validated parameters of a `position` check."""

    check: Check
    first: int | None
    last: int | None


def build(values: dict[str, Any]) -> PositionParams:
    """Parameters from validated option values (exactly one of first/last, checked by packs)."""
    return PositionParams(values["check"], values["first"], values["last"])


def describe(params: PositionParams) -> str:
    """The inner thing and where it must be."""
    where = f"the first {params.first} blocks" if params.first is not None else f"the last {params.last} blocks"
    return f"{describe_check(params.check)} within {where} of the article"


def evaluate(doc: Document, params: PositionParams, ctx: Context) -> Outcome:
    """Keep only the inner check's hits that sit in the wanted part of the article."""
    inner = ctx.run(params.check)
    if not inner.passed and not inner.hits:
        return _nowhere(inner)
    article = [item.index for item in doc.items if item.in_article]
    if params.first is not None:
        allowed = set(article[: params.first])
        where = f"the first {params.first} blocks"
        wanted = "at the top"
    else:
        allowed = set(article[-(params.last or 1) :])
        where = f"the last {params.last} blocks"
        wanted = "at the end"
    placed = tuple(hit for hit in inner.hits if hit.index in allowed)
    if inner.passed and placed:
        return Outcome(True, placed, caveat=inner.caveat)
    if inner.hits:
        first = inner.hits[0]
        what = describe_check(params.check)
        place = f"block {article.index(first.index) + 1} of {len(article)} in the article" if first.index in article else "outside the article"
        detail = f"{what} is at line {first.location.line} ({place}), not {wanted}: it must be within {where} of the article"
        return Outcome(False, (), detail, first.location)
    return _nowhere(inner)


def _nowhere(inner: Outcome) -> Outcome:
    """Nothing found at all: say so plainly, so that a message about "the top" does not suggest
    the thing is somewhere else."""
    detail = inner.detail.replace(" in the article", " anywhere in the article", 1) if inner.detail.startswith("no ") else inner.detail
    return Outcome(False, (), detail, inner.anchor)
