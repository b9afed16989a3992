"""`in-original` — runs a check on the original story (given with `--original`), for what the
original says of the copy's rights that a copy may leave out: a story labelled "All Rights
Reserved" (KFF Health News: not available for republication), or under an embargo notice until a
date (ProPublica's "not subject to ProPublica's Creative Commons license until <date>"). Leaving
the label out of the copy does not put the story under the license: the finding says so, where a
comparison of the texts would only say a line was cut.

Its check reads the original as it would a copy: its text, its elements, its hidden parts; an
`until-date` check compares the notice's date with the copy's day (its publication date, else the
run's). It passes or fails as its check does on the original, and what it found is quoted from
the original; a finding points at the copy's article, where the story that may not run is.
Without an original story the rule is not run: the file's `no-original` note names it.

Example (an original story labelled "All Rights Reserved" may not be republished)::

    in-original:
      check: {text: {pattern: 'All\\s+Rights\\s+Reserved', max: 0, label: '"All Rights Reserved" label'}}

Original::

    <article><h1>Title</h1><p>The council voted on Tuesday to expand the bus network.</p></article>

Passes::

    <article><h1>Title</h1><p>This story was first published by the Example Gazette.</p><p>The council voted on Tuesday to expand the bus network.</p></article>

Failing original::

    <article><h1>Title</h1><p><em>This story is All Rights Reserved.</em></p><p>The council voted on Tuesday to expand the bus network.</p></article>

Fails::

    <article><h1>Title</h1><p>This story was first published by the Example Gazette.</p><p>The council voted on Tuesday to expand the bus network.</p></article>
"""

from __future__ import annotations

from typing import Any, NamedTuple

from compliance.checks.base import Check, Context, Hit, Outcome, describe_check
from compliance.document import Document
from compliance.options import Option

OPTIONS = (Option("check", "check", "The check to run on the original story."),)


class InOriginalParams(NamedTuple):
    """Validated parameters of an `in-original` check."""

    check: Check


def build(values: dict[str, Any]) -> InOriginalParams:
    """Parameters from validated option values."""
    return InOriginalParams(values["check"])


def describe(params: InOriginalParams) -> str:
    """What the check looks for, in words."""
    return f"{describe_check(params.check)} in the original story"


def evaluate(doc: Document, params: InOriginalParams, ctx: Context) -> Outcome:
    """The inner check's outcome on the original story (`Context.need_original`: Undecided when
    none was given), read with the copy's metadata and day, its hits placed at the copy's article."""
    original = ctx.need_original()
    seen = Context(original, ctx.meta, None, today=ctx.today, read_at=ctx.read_at, advice=ctx.advice, copy=doc)
    inner = seen.run(params.check)
    ctx.compared |= seen.compared
    hits = tuple(Hit(0, doc.article_location, hit.evidence, hit.captures) for hit in inner.hits)
    detail = inner.detail
    return Outcome(inner.passed, hits, f"in the original story: {detail}" if detail else "", doc.article_location, captures=inner.captures)
