"""`any`, `all`, `not` — combine checks (each kind's text is in ANY_DOC, ALL_DOC and NOT_DOC)."""

from __future__ import annotations

from typing import Any

from compliance.checks.base import Check, Context, Hit, Outcome, Undecided, describe_check, explained_later
from compliance.document import Document
from compliance.text import listed

ANY_DOC = """`any` — passes when one of its checks passes; the evidence comes from the first that does,
preferring one that every reader sees over one with a caveat (a `<noscript>`-only image).

Use it for one requirement that can be met in several ways: a logo by its alt text or by its
file name, a credit line in any of its published wordings.

Example (the DCNF logo by its alt text, or by its file name when the alt text was lost)::

    any:
      - element: {selector: img, attributes: {alt: 'Daily Caller News Foundation logo'}}
      - element: {selector: img, attributes: {src: 'dcnf-logo'}}

Passes::

    <article><img src="/uploads/dcnf-logo.png" alt=""><p>Story.</p></article>

Fails::

    <article><p>Story without a logo.</p></article>
"""

ALL_DOC = """`all` — passes when every one of its checks passes; the evidence comes from each of them.

Use it when the terms ask for several things together, so that one finding names the whole
requirement: a credit line that also links to the original.

Example (a credit line and a link to the publisher, both in the article)::

    all:
      - text: {phrase: This story first appeared in the Example Gazette}
      - link: {href: 'example\\.org'}

Passes::

    <article><p>Story.</p><p>This story first appeared in the <a href="https://example.org/story">Example Gazette</a>.</p></article>

Fails::

    <article><p>Story.</p><p>This story first appeared in the Example Gazette.</p></article>
"""

NOT_DOC = """`not` — passes when its check fails, so that what the inner check found is the violation.

Use it for what the terms forbid: a wire-photo credit, an "All rights reserved" notice. Each thing
the inner check found becomes one finding, placed at it, with it as the evidence.

Example (no Getty Images photo in a republished story)::

    not:
      text: {pattern: 'Getty\\s+Images'}

Passes::

    <article><p>Story.</p><p>Photo: Ana Ruiz for the Gazette.</p></article>

Fails::

    <article><p>Story.</p><p>Photo: Getty Images.</p></article>
"""


def build_list(values: dict[str, Any]) -> tuple[Check, ...]:
    """The checks of an `any`/`all`."""
    return tuple(values["checks"])


def build_one(values: dict[str, Any]) -> Check:
    """The check of a `not`."""
    check: Check = values["check"]
    return check


def describe_any(params: tuple[Check, ...]) -> str:
    """Alternatives are forms of one thing (a logo as an image or as its alt-text line): the first names it."""
    return describe_check(params[0])


def describe_all(params: tuple[Check, ...]) -> str:
    """Every part, joined with "and"."""
    return listed(list(dict.fromkeys(describe_check(c) for c in params)))


def describe_not(params: Check) -> str:
    """The absence of the inner thing."""
    return f"no {describe_check(params)}"


def evaluate_any(doc: Document, params: tuple[Check, ...], ctx: Context) -> Outcome:
    """Pass with the first passing check that has no caveat, else the first passing one. An
    alternative that cannot be decided (`Undecided`) leaves the whole undecided only when no
    other alternative passes."""
    failures = []
    with_caveat: Outcome | None = None
    undecided: Undecided | None = None
    for check in params:
        try:
            outcome = ctx.run(check)
        except Undecided as exc:
            undecided = undecided or exc
            continue
        if outcome.passed and not outcome.caveat:
            return outcome
        if outcome.passed:
            with_caveat = with_caveat or outcome
            continue
        failures.append(outcome)
    if with_caveat is not None:
        return with_caveat
    if undecided is not None:
        raise undecided
    # The first alternative that points somewhere; None when none does (the rule's place).
    anchor = next((f.anchor for f in failures if f.anchor is not None), None)
    hits = tuple(h for f in failures for h in f.hits)
    held = next((f for f in failures if f.held_back), None)
    if held is not None:
        # The alternative whose tag is held back (consent, a delay of scripts) tells most: it is on the page.
        return Outcome(False, hits, held.why, held.anchor, held_back=held.held_back, held_until=held.held_until)
    return Outcome(False, hits, explained_later(lambda: _most_telling(failures)), anchor)


def _most_telling(failures: list[Outcome]) -> str:
    """The most telling explanation of the failed alternatives: one that saw something nearby
    (hidden, outside the article, wrong order, in the wrong place: "… is at line 9, after the
    story's body begins") beats a plain "not found"."""
    details = [f.detail for f in failures if f.detail]
    return next((d for d in details if ";" in d or " apart" in d or " is at line " in d), details[0] if details else "none of the alternatives matched")


def evaluate_all(doc: Document, params: tuple[Check, ...], ctx: Context) -> Outcome:
    """Pass when every check passes; fail with the first failure."""
    del doc
    hits: list[Hit] = []
    caveat = ""
    passes = []
    for check in params:
        outcome = ctx.run(check)
        if not outcome.passed:
            return outcome
        hits.extend(outcome.hits)
        caveat = caveat or outcome.caveat
        passes.append(outcome)
    # Prohibitions that all hold find nothing to quote: their own evidence ("no X in the article;
    # the one at line 12 is hidden") is the pass's, not a bare "satisfied". Checks that share a
    # label (two places a photo credit is written) say it once.
    why = "" if hits else explained_later(lambda: "; ".join(dict.fromkeys(d for d in (p.detail for p in passes) if d)))
    return Outcome(True, tuple(hits), why, caveat=caveat)


def evaluate_not(doc: Document, params: Check, ctx: Context) -> Outcome:
    """Invert a check."""
    inner = ctx.run(params)
    if inner.passed:
        found = describe_check(params)
        return Outcome(False, inner.hits, f"{found} is there, and must not be", inner.hits[0].where if inner.hits else lambda: doc.article_location)
    # The inner check explains what it did not find ("no empty byline (…)"): that is the evidence.
    return Outcome(True, (), explained_later(lambda: _absence(params, inner.detail)))


def _absence(check: Check, inner: str) -> str:
    """The evidence that a forbidden thing is absent, from what its check did not find."""
    return inner if inner.startswith("no ") else f"no {describe_check(check)}" + (f" ({inner})" if inner else "")
