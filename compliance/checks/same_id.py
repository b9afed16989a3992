"""`same-id` — one identifier in two places of the page: the article id a publisher's counter
carries in its address and the id in the address of the original the page links back to, so that
a counter copied from another article's republish HTML (it counts that article's readers) is told
from this article's own.

`a` and `b` are any checks; the id is read from each of their hits' addresses: a link's (`link`
hits: the `<a>`'s, the canonical URL or the syndication source) or, for an element (`element`
hits), its `src`, else its `href` or `data` attribute. `a-id` and `b-id` are regexes whose first
group is the id in those addresses. The check passes when a hit of `a` and a hit of `b` carry the
same id; it fails when either finds nothing (say so in the rule's `when` to apply it only where
both are on the page) or when their ids all differ, quoting both.

Example (The Conversation's counter for the article that the canonical link names)::

    same-id:
      a: {element: {selector: img, attributes: {src: '^https://counter\\.theconversation\\.com/content/\\d+/'}, visible: any}}
      a-id: '/content/(\\d+)/'
      b: {link: {href: '^https://theconversation\\.com/[a-z0-9-]+-\\d+$', source: canonical}}
      b-id: '-(\\d+)$'

Passes::

    <html><head><link rel="canonical" href="https://theconversation.com/why-bees-dance-228114"></head>
    <body><article><p>Story.</p><img src="https://counter.theconversation.com/content/228114/count.gif" width="1" height="1"></article></body></html>

Fails::

    <html><head><link rel="canonical" href="https://theconversation.com/why-bees-dance-228114"></head>
    <body><article><p>Story.</p><img src="https://counter.theconversation.com/content/197402/count.gif" width="1" height="1"></article></body></html>
"""

from __future__ import annotations

from typing import Any, NamedTuple

from compliance.checks.base import LABEL_DOC, Check, Context, Hit, Outcome, describe_check, explained_later
from compliance.document import Document
from compliance.options import Option
from compliance.patterns import Pattern
from compliance.text import shorten

OPTIONS = (
    Option("a", "check", "The first thing that carries the id (a counter's `element`)."),
    Option("a-id", "regex", "Regex whose first group is the id in the address of each hit of `a`."),
    Option("b", "check", "The second thing that carries the id (the `link` back to the original)."),
    Option("b-id", "regex", "Regex whose first group is the id in the address of each hit of `b`."),
    Option("label", "string", LABEL_DOC, default=None),
)

# An element's address, in the order read: an image's or script's source, a link's target, an
# `<object>`'s data.
_ADDRESS_ATTRIBUTES = ("src", "href", "data")


class SameIdParams(NamedTuple):
    """Validated parameters of a `same-id` check."""

    a: Check
    a_id: Pattern
    b: Check
    b_id: Pattern
    label: str = ""


def build(values: dict[str, Any]) -> SameIdParams:
    """Parameters from validated option values."""
    return SameIdParams(values["a"], values["a_id"], values["b"], values["b_id"], values["label"] or "")


def describe(params: SameIdParams) -> str:
    """Both things, and that they carry one id."""
    return params.label or f"the same id in {describe_check(params.a)} and {describe_check(params.b)}"


def _address(doc: Document, hit: Hit) -> str | None:
    """The address a hit carries: a link's, its element's source, or, in a Markdown or text
    article (whose images have no markup element), the source of the image the hit stands at."""
    captured = dict(hit.captures).get("href")
    if captured:
        return captured
    element = hit.element
    if element is None:
        return next((image.sources[0] for image in doc.images if image.index == hit.index and image.sources), None) if doc.kind != "html" else None
    return next((value for name in _ADDRESS_ATTRIBUTES if (value := element.get(name))), None)


def _ids(doc: Document, outcome: Outcome, pattern: Any) -> list[tuple[str, Hit]]:
    """The id in each hit's address (hits whose address holds none are left out), in order."""
    found = []
    for hit in outcome.hits if outcome.passed else ():
        address = _address(doc, hit)
        match = pattern.search(address) if address else None
        if match is not None and match.groups() and match.group(1):
            found.append((str(match.group(1)), hit))
    return found


def evaluate(doc: Document, params: SameIdParams, ctx: Context) -> Outcome:
    """Find a hit of `a` and one of `b` whose addresses carry the same id."""
    first, second = ctx.run(params.a), ctx.run(params.b)
    ids_a, ids_b = _ids(doc, first, ctx.bind(params.a_id)), _ids(doc, second, ctx.bind(params.b_id))
    wanted = {value for value, _ in ids_b}
    for value, hit in ids_a:
        if value in wanted:
            evidence = f"id {value} in {hit.evidence}"
            return Outcome(True, (Hit(hit.index, hit.where, evidence, hit.captures, hit.offset, hit.element),), caveat=first.caveat or second.caveat)
    if not ids_a or not ids_b:
        outcome, check = (first, params.a) if not ids_a else (second, params.b)
        missing = outcome.detail if not outcome.passed and outcome.detail else f"no {describe_check(check)} with an id"
        return Outcome(False, (), missing, lambda: doc.article_location)
    (value_a, hit_a), (value_b, hit_b) = ids_a[0], ids_b[0]

    def differ() -> str:
        return (
            f"{describe_check(params.a)} carries id {value_a} ({shorten(hit_a.evidence, 90)}, line {hit_a.location.line})"
            f"; {describe_check(params.b)} carries id {value_b} ({shorten(hit_b.evidence, 90)}, line {hit_b.location.line})"
        )

    return Outcome(False, (), explained_later(differ), hit_a.where)
