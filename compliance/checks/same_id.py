"""`same-id` — one identifier in two places of the page: the article id a publisher's counter
carries in its address and the id in the address of the original the page links back to, so that
a counter copied from another article's republish HTML (it counts that article's readers) is told
from this article's own.

`a` and `b` are any checks; the id is read from each of their hits' addresses: a link's (`link`
hits: the `<a>`'s, the canonical URL or the syndication source) or, for an element (`element`
hits), its `src`, else its `href` or `data` attribute; an image's id is read from every address it
can load from, as `element` matches it (a lazy-loader's `data-src` or `data-lazy-src` over the
placeholder `src`, `srcset`, `<picture>` sources). `a-id` and `b-id` are regexes whose first group
is the id in those addresses. The check passes when a hit of `a` and a hit of `b` carry the same
id; it fails when either finds nothing (say so in the rule's `when` to apply it only where both
are on the page) or when their ids all differ, quoting both. A pass is about the ids alone: it
carries no caveat of `a`'s or `b`'s (a counter found only in `<noscript>` is a presence rule's to
report, once), so a rule on the ids is no second warning for the same thing.

With `subdomains: true` the ids are host names, and a host and its subdomains carry one id: a
WordPress site's pixel is served from its WordPress address, which may be a subdomain of the
address its stories are read at (`cms.example.org/?republication-pixel=true` for
`example.org/2024/…`), or the reverse. Sibling hosts (`a.example.org`, `b.example.org`) and
unrelated ones (`example.org.other.example`, `other.example`) carry different ids.

With `original: true`, the original story's own address, when it is known
(`Context.original_addresses`: the original given, its canonical URL or og:url, the
`original_url` metadata) and `b-id` finds the id in it, is the one `a` must carry, whatever `b`
finds on the page: the copy may link only the publisher's home page, and a link to another story
is no authority over the original's own address. Without one, `b` decides; when `b` finds no id
either, the check is not run (a comparison with the original, reported in the file's note when
none was given).

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

from compliance.checks.base import LABEL_DOC, Check, Context, Hit, Outcome, Undecided, describe_check, explained_later
from compliance.document import Document, image_sources
from compliance.options import Option
from compliance.patterns import Pattern
from compliance.text import shorten

OPTIONS = (
    Option("a", "check", "The first thing that carries the id (a counter's `element`)."),
    Option("a-id", "regex", "Regex whose first group is the id in the address of each hit of `a`."),
    Option("b", "check", "The second thing that carries the id (the `link` back to the original)."),
    Option("b-id", "regex", "Regex whose first group is the id in the address of each hit of `b`."),
    Option(
        "original",
        "boolean",
        "The id `b-id` finds in the original story's address, when that is known, is the one `a` must carry (`b` decides only without it).",
        default=False,
    ),
    Option(
        "subdomains",
        "boolean",
        "The ids are host names, and a host and its subdomains carry one id (`cms.example.org` and `example.org`); siblings do not.",
        default=False,
    ),
    Option("label", "string", LABEL_DOC, default=None),
)

# An element's address, in the order read: an image's or script's source, a link's target, an
# `<object>`'s data.
_ADDRESS_ATTRIBUTES = ("src", "href", "data")
_NO_ORIGINAL_ID = "the original story's address (its canonical URL or og:url) is not known or carries no id, and the page links no story with one"


class SameIdParams(NamedTuple):
    """Validated parameters of a `same-id` check."""

    a: Check
    a_id: Pattern
    b: Check
    b_id: Pattern
    label: str = ""
    original: bool = False
    subdomains: bool = False


def build(values: dict[str, Any]) -> SameIdParams:
    """Parameters from validated option values."""
    return SameIdParams(
        a=values["a"],
        a_id=values["a_id"],
        b=values["b"],
        b_id=values["b_id"],
        label=values["label"] or "",
        original=bool(values["original"]),
        subdomains=bool(values["subdomains"]),
    )


def _same_id(first: str, second: str, params: SameIdParams) -> bool:
    """Whether two ids are one: equal, or with `subdomains`, two host names one of which is the
    other or a subdomain of it (letter case aside)."""
    if first == second:
        return True
    if not params.subdomains:
        return False
    one, other = first.casefold().rstrip("."), second.casefold().rstrip(".")
    return one == other or one.endswith("." + other) or other.endswith("." + one)


def describe(params: SameIdParams) -> str:
    """Both things, and that they carry one id."""
    return params.label or f"the same id in {describe_check(params.a)} and {describe_check(params.b)}"


def _addresses(doc: Document, hit: Hit) -> tuple[str, ...]:
    """The addresses a hit carries: a link's; an image's, every one it can load from (a
    lazy-loader's `data-src` beside its placeholder `src`); another element's source, target or
    data; or, in a Markdown or text article (whose images have no markup element), the sources of
    the image the hit stands at."""
    captured = dict(hit.captures).get("href")
    if captured:
        return (captured,)
    element = hit.element
    if element is None:
        return next((image.sources for image in doc.images if image.index == hit.index and image.sources), ()) if doc.kind != "html" else ()
    loaded = image_sources(element) if element.tag in ("img", "amp-img") else ()
    return loaded or tuple(value for name in _ADDRESS_ATTRIBUTES if (value := element.get(name)))[:1]


def _id_in(addresses: tuple[str, ...], pattern: Any) -> str | None:
    """The id the first address that holds one carries."""
    for address in addresses:
        match = pattern.search(address)
        if match is not None and match.groups() and match.group(1):
            return str(match.group(1))
    return None


def _ids(doc: Document, outcome: Outcome, pattern: Any) -> list[tuple[str, Hit]]:
    """The id in each hit's addresses (hits whose addresses hold none are left out), in order."""
    found = []
    for hit in outcome.hits if outcome.passed else ():
        value = _id_in(_addresses(doc, hit), pattern)
        if value is not None:
            found.append((value, hit))
    return found


def _original_id(params: SameIdParams, ctx: Context) -> tuple[str, str] | None:
    """With `original: true`, the id `b-id` finds in the original story's known address, and that
    address; None without one."""
    if not params.original:
        return None
    pattern = ctx.bind(params.b_id)
    for address in ctx.original_addresses():
        value = _id_in((address,), pattern)
        if value is not None:
            return value, address
    return None


def evaluate(doc: Document, params: SameIdParams, ctx: Context) -> Outcome:
    """Find a hit of `a` and one of `b` (or the original's address) whose addresses carry the same id."""
    first = ctx.run(params.a)
    ids_a = _ids(doc, first, ctx.bind(params.a_id))
    original = _original_id(params, ctx)
    if original is not None:
        return _against_original(doc, params, first, ids_a, original)
    second = ctx.run(params.b)
    ids_b = _ids(doc, second, ctx.bind(params.b_id))
    wanted = {value for value, _ in ids_b}
    for value, hit in ids_a:
        if any(_same_id(value, other, params) for other in wanted):
            evidence = f"id {value} in {hit.evidence}"
            return Outcome(True, (Hit(hit.index, hit.where, evidence, hit.captures, hit.offset, hit.element),))
    if params.original and not ids_b:
        # Neither the original's address nor a link on the page names the article: a comparison
        # with the original, not run without one.
        raise Undecided(_NO_ORIGINAL_ID if ctx.original is not None and not ctx.original_refused else ctx.without_original())
    if not ids_a or not ids_b:
        return _without_id(doc, first, second, ids_a, params)
    (value_a, hit_a), (value_b, hit_b) = ids_a[0], ids_b[0]

    def differ() -> str:
        return (
            f"{describe_check(params.a)} carries id {value_a} ({shorten(hit_a.evidence, 90)}, line {hit_a.location.line})"
            f"; {describe_check(params.b)} carries id {value_b} ({shorten(hit_b.evidence, 90)}, line {hit_b.location.line})"
        )

    return Outcome(False, (), explained_later(differ), hit_a.where)


def _against_original(doc: Document, params: SameIdParams, first: Outcome, ids_a: list[tuple[str, Hit]], original: tuple[str, str]) -> Outcome:
    """`a`'s id compared with the id of the original's own address."""
    wanted, address = original
    for value, hit in ids_a:
        if _same_id(value, wanted, params):
            evidence = f"id {value} in {hit.evidence}"
            return Outcome(True, (Hit(hit.index, hit.where, evidence, hit.captures, hit.offset, hit.element),))
    if not ids_a:
        return _without_id(doc, first, first, ids_a, params)
    value_a, hit_a = ids_a[0]

    def differ() -> str:
        return (
            f"{describe_check(params.a)} carries id {value_a} ({shorten(hit_a.evidence, 90)}, line {hit_a.location.line})"
            f"; the original story's address carries id {wanted} ({shorten(address, 90)})"
        )

    return Outcome(False, (), explained_later(differ), hit_a.where)


def _without_id(doc: Document, first: Outcome, second: Outcome, ids_a: list[tuple[str, Hit]], params: SameIdParams) -> Outcome:
    """The failure when `a` or `b` carries no id: what the check found instead, placed at the thing
    found without one, else at the article."""
    outcome, check = (first, params.a) if not ids_a else (second, params.b)
    if not outcome.passed:
        return Outcome(False, (), outcome.detail or f"no {describe_check(check)} on the page", lambda: doc.article_location)
    hit = outcome.hits[0]
    return Outcome(False, (), f"no id in the address of {describe_check(check)} ({shorten(hit.evidence, 90)})", hit.where)
