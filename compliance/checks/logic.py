"""`any`, `all`, `not` — combine checks.

`any` passes when one of its checks passes (evidence from the first that does); `all` when every
check passes (evidence from each); `not` inverts a check, so what the inner check found becomes
the violation (a forbidden label, a wire-photo credit).

Example (the DCNF logo as an image, or as its alt-text line in a text article)::

    any:
      - element: {selector: img, attributes: {alt: 'Daily Caller News Foundation logo'}}
      - text: {pattern: '^Daily Caller News Foundation logo$'}

Passes::

    <article><p>Daily Caller News Foundation logo</p><p>Story.</p></article>

Fails::

    <article><p>Story without a logo.</p></article>
"""

from __future__ import annotations

from typing import Any

from compliance.checks.base import Check, Context, Hit, Outcome
from compliance.document import Document


def build_list(values: dict[str, Any]) -> tuple[Check, ...]:
    """The checks of an `any`/`all`."""
    return tuple(values["checks"])


def build_one(values: dict[str, Any]) -> Check:
    """The check of a `not`."""
    check: Check = values["check"]
    return check


def evaluate_any(doc: Document, params: tuple[Check, ...], ctx: Context) -> Outcome:
    """Pass with the first passing check."""
    failures = []
    for check in params:
        outcome = ctx.run(check)
        if outcome.passed:
            return outcome
        failures.append(outcome)
    # The most telling explanation wins: one that saw something nearby (hidden, outside the
    # article, wrong order) beats a plain "not found".
    details = [f.detail for f in failures if f.detail]
    detail = next((d for d in details if ";" in d or "found both" in d), details[0] if details else "none of the alternatives matched")
    anchor = next((f.anchor for f in failures if f.anchor is not None), doc.article_location)
    hits = tuple(h for f in failures for h in f.hits)
    return Outcome(False, hits, detail, anchor)


def evaluate_all(doc: Document, params: tuple[Check, ...], ctx: Context) -> Outcome:
    """Pass when every check passes; fail with the first failure."""
    del doc
    hits: list[Hit] = []
    for check in params:
        outcome = ctx.run(check)
        if not outcome.passed:
            return outcome
        hits.extend(outcome.hits)
    return Outcome(True, tuple(hits))


def evaluate_not(doc: Document, params: Check, ctx: Context) -> Outcome:
    """Invert a check."""
    inner = ctx.run(params)
    if inner.passed:
        return Outcome(False, inner.hits, "found what must not be there", inner.hits[0].location if inner.hits else doc.article_location)
    return Outcome(True, (), f"not present ({inner.detail})" if inner.detail else "not present")
