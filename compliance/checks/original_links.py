"""`original-links` — the republication keeps every link of the original story and links to
the original.

The original's links are those a reader sees in its story paragraphs (not its navigation, byline
or sidebars). A link is kept when the republication has a link to the same target; scheme,
"www.", a default port, a trailing slash, the fragment, tracking parameters (`utm_*`, `fbclid`,
`gclid`, `mc_cid`, `_ga`…) and an AMP marker (`/amp/` first or last in the path, a `.amp` page, `?amp=1`) do not count as differences
(`compliance.urls.page_key`, the audit's page key), and relative links are read against the original's
address. The link back is a visible link, or
`<link rel=canonical>`, to one of the original's addresses: the `original_url` metadata, the
`original` value when it is a URL, or the original's own canonical URL or og:url (the one named in
a finding is the first of these: `Context.original_addresses`). An address typed with tracking parameters (`?utm_source=…`) or
read from an AMP page thus needs no link of its own. A pack whose `link` rule already
asks for a link to the original itself (`original: true`) sets `link-back: false` here, so that
one missing link back is one finding. Each dropped link is one hit, located at the
copy's paragraph that still holds the link's words (the words kept, the link taken off them; of
several such paragraphs, the one sharing most words with the original's paragraph), else at the
article's start; a missing link back is one more, at the article's start. Without an original story the rule is not run: the file's `no-original` note names it.
A print copy (as the `medium` check reads it: its `medium` metadata, else a plain-text file) has
no links to keep: the rule is not checked on it, and the file's `undecided` note says so.
Captures: `href`, `text` (of the dropped link), `original_url`.

Example (all links kept, and a link back)::

    original-links: {}

Original::

    <html>
    <head><link rel="canonical" href="https://news.example.org/story">
    </head>
    <body>
    <article>
    <h1>Title</h1>
    <p>The <a href="https://data.example.gov/report">state report</a> found gaps.</p>
    </article>
    </body></html>

Passes::

    <article>
    <h1>Title</h1>
    <p>The <a href="https://data.example.gov/report/">state report</a> found gaps.</p>
    <p>This story first appeared on <a href="https://news.example.org/story">Example News</a>.</p>
    </article>

Fails::

    <article>
    <h1>Title</h1>
    <p>The state report found gaps.</p>
    <p>This story first appeared on <a href="https://news.example.org/story">Example News</a>.</p>
    </article>
"""

from __future__ import annotations

import functools
import urllib.parse
from typing import Any, NamedTuple

from compliance.checks.base import Context, Hit, Outcome, Undecided, doc_offset
from compliance.checks.medium import copy_medium
from compliance.checks.story import link_keys, story_paragraphs, url_key
from compliance.document import Block, Document
from compliance.firstuse import on_first_use
from compliance.options import Option
from compliance.urls import is_http_url

# The values each hit captures, for `{placeholders}` in a rule's message: the dropped link's target and text, the original's URL.
CAPTURES = frozenset(("href", "text", "original_url"))

OPTIONS = (
    Option("kept", "boolean", "Every link in the original's story paragraphs must be in the republication.", default=True),
    Option("link-back", "boolean", "The republication must link to the original story.", default=True),
)


class OriginalLinksParams(NamedTuple):
    """Validated parameters of an `original-links` check."""

    kept: bool
    link_back: bool


def build(values: dict[str, Any]) -> OriginalLinksParams:
    """Parameters from validated option values."""
    return OriginalLinksParams(values["kept"], values["link_back"])


def _joined(base: str, href: str) -> str:
    """`href` resolved against `base`; as written when either is a URL no parser reads (`http://[::1/x`)."""
    try:
        return urllib.parse.urljoin(base, href)
    except ValueError:
        return href


def _story_links(original: Document, base: str | None) -> dict[str, tuple[str, str, str]]:
    """The links of the original's story paragraphs by their target's key: (href, text, the text
    of the paragraph holding it)."""
    paragraphs = {b.index: b.text for b in story_paragraphs(original)}
    links: dict[str, tuple[str, str, str]] = {}
    for link in original.links:
        if not (link.visible and link.in_article and link.index in paragraphs):
            continue
        href = _joined(base, link.href) if base else link.href
        if is_http_url(href):
            links.setdefault(url_key(href), (href, link.text, paragraphs[link.index]))
    return links


_WORD = on_first_use(r"\w+")


def _words(text: str) -> str:
    """The words of a text, case-folded and joined by single spaces: "State  audit," is "state audit"."""
    return " ".join(_WORD().findall(text.casefold()))


def _holding_words(doc: Document, text: str, paragraph: str) -> Block | None:
    """The copy's story block that still holds a dropped link's words, whole words in order; of
    several, the one sharing most words with the original's `paragraph`; None when none does."""
    words = _words(text)
    if not words:
        return None
    holding = [b for b in doc.article_blocks if f" {words} " in f" {_words(b.text)} "]
    if len(holding) < 2:
        return holding[0] if holding else None
    around = set(_words(paragraph).split())
    return max(holding, key=lambda block: len(around & set(_words(block.text).split())))


def evaluate(doc: Document, params: OriginalLinksParams, ctx: Context) -> Outcome:
    """One hit per dropped link and one for a missing link back."""
    original = ctx.need_original()
    medium, why = copy_medium(doc, ctx.meta, ctx.advice)
    if medium == "print":
        # Links are kept, and linked back, where there are links: print has none.
        raise Undecided(f"the copy is print ({why})")
    addresses = ctx.original_addresses()
    url = addresses[0] if addresses else None
    # Each target the copy links to (a visible link, its canonical URL), by its key: the first
    # address the copy gives for it.
    present: dict[str, str] = {}
    for link, key in zip(doc.links, link_keys(doc), strict=True):
        if link.visible and doc.has_something_to_click(link):
            present.setdefault(key, link.href)
    for href in doc.canonical:
        present.setdefault(url_key(href), href)
    anchor = doc.article_location
    offset = doc.item_offsets[0] if doc.item_offsets else 0
    hits: list[Hit] = []
    if params.kept:
        for key, (href, text, paragraph) in _story_links(original, url).items():
            if key not in present:
                captures = (("href", href), ("text", text), ("original_url", url or ""))
                # Only a dropped link is searched for (rare): a copy that keeps every link pays nothing.
                block = _holding_words(doc, text, paragraph)
                if block is None:
                    hits.append(Hit(0, anchor, f"dropped link: {text} <{href}>", captures, offset))
                else:
                    where = functools.partial(doc.locate, block)
                    hits.append(Hit(block.index, where, f"dropped link: {text} <{href}>", captures, doc_offset(doc, block.index)))
    # The copy's link to one of the original's addresses, as the copy writes it.
    linked = next((present[key] for address in addresses if (key := url_key(address)) in present), None)
    if params.link_back:
        if url is None:
            if not hits:
                raise Undecided(f"the original story's address is not known ({ctx.advice.give('original_url', 'URL')})")
        elif linked is None:
            hits.append(Hit(0, anchor, f"no link to the original <{url}>", (("href", url), ("text", ""), ("original_url", url)), offset))
    if hits:
        return Outcome(False, tuple(hits), "links of the original are missing")
    # Without `link-back` the link back is another rule's (a `link` check's `original: true`): not claimed here.
    said = f", and the original <{linked}> is linked" if linked and params.link_back else ""
    return Outcome(True, (), "every link of the original is kept" + said)
