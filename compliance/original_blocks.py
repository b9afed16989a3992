"""The block a fix copies from the original story: the required line as the original prints it.

A fix that inserts a line the terms prescribe (KFF Health News' tagline, a credit line) writes
the pack's template only when no original is given. With the original, its own copy of that line
(the paragraph the rule's text check matches, anywhere on the original's page: KFF Health News
prints its tagline at the story's end, older pages in the site footer) is what the terms ask a
republisher to keep, with its words and links unaltered (KFF Health News: "keep every hyperlink",
"no alteration"; README: "Names and addresses come from the original story"). A template holds
the words its authors saw, which may be cut short ("… journalism about health issues.").

The copy is rebuilt from the original's text, never pasted from its markup: its words, its links
to http(s) addresses (resolved against the original's address) and its emphasis, each escaped for
the syntax it goes into, as every value a fix writes is. Pure.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from compliance.checks import Check
from compliance.document import Block, Document, DocumentKind
from compliance.document.elements import block_element
from compliance.fixtemplates import address_problem, address_written_in_markdown, words_written_in
from compliance.patterns import Pattern
from compliance.urls import is_http_url

# Emphasis kept as the original prints it.
_EMPHASIS = {"em": "em", "i": "em", "strong": "strong", "b": "strong"}
# Elements whose content no reader sees as the line's text.
_UNSEEN = frozenset({"script", "style", "template", "noscript", "svg", "img", "picture", "iframe"})


def required_patterns(check: Check) -> list[Pattern]:
    """The wordings `check` requires of a paragraph, in the order written: each `text` check that
    asks for its text (not one that forbids it, `max: 0`), inside `any`, `all` and `position`'s
    own check (never its `allow-before`/`allow-after`, which say what may stand beside it)."""
    kind = check.kind
    if kind == "text":
        params = check.params
        return [params.pattern] if params.min >= 1 and params.max != 0 else []
    if kind == "position":
        return required_patterns(check.params.check)
    if kind in ("any", "all"):
        return [pattern for child in check.children for pattern in required_patterns(child)]
    return []


def original_block(check: Check, original: Document | None, kind: DocumentKind) -> str | None:
    """The paragraph of `original` the required wording of `check` matches (`required_patterns`;
    the first wording that one matches, the story's paragraphs before the page's others), written
    in `kind` ("html": a `<p>` with its links and emphasis; "markdown": a paragraph with
    `[words](address)` links; "text": its words), or None without an original or such a
    paragraph. A pattern that runs out of time is raised (`PatternTimeout`), as in any check."""
    if original is None:
        return None
    blocks = sorted((b for b in original.blocks if not b.heading), key=lambda b: not b.in_article)
    for pattern in required_patterns(check):
        found = next((block for block in blocks if pattern.search(block.text) is not None), None)
        if found is not None:
            line = " ".join(_copy_of(original, found, kind).split())
            return (f"<p>{line}</p>" if kind == "html" else line) or None
    return None


def _copy_of(doc: Document, block: Block, kind: DocumentKind) -> str:
    """The block's line in `kind`'s syntax: from its paragraph's markup on an HTML page, else its
    words with the links the page gives on its lines."""
    base = doc.base_url or next(iter(doc.canonical), "") or ""
    # The block-level element around the one its text starts in holds the block's whole line.
    holder = block_element(block.element) if block.element is not None else None
    if holder is not None and _holds_only(holder, block):
        return _inline(holder, base, kind)
    return "".join(_link(words, address, kind) if address else _words(words, kind) for words, address in _text_links(doc, block, base))


def _holds_only(holder: Any, block: Block) -> bool:
    """Whether `holder`'s words are the block's own, give or take a little (a line written loose in
    a `<div>` or an `<article>` with the story's paragraphs in it would copy them all)."""
    words = len(" ".join("".join(holder.itertext()).split()))
    return words <= len(" ".join(block.text.split())) * 1.2 + 20


def _inline(element: Any, base: str, kind: DocumentKind) -> str:
    """`element`'s content in `kind`'s syntax: its text, each child's (a link to an http(s)
    address as a link, emphasis as emphasis, any other element as its words), each tail."""
    parts = [_words(element.text or "", kind)]
    for child in element:
        tag = child.tag.lower().rpartition("}")[2] if isinstance(child.tag, str) else ""
        if tag == "br":
            parts.append(" ")
        elif tag == "a":
            words = " ".join("".join(child.itertext()).split())
            href = (child.get("href") or "").strip()
            address = urljoin(base, href) if base else href
            parts.append(_link(words, address, kind) if words and _linkable(address) else _words(words, kind))
        elif tag and tag not in _UNSEEN:
            parts.append(_emphasised(_inline(child, base, kind), _EMPHASIS.get(tag, ""), kind))
        parts.append(_words(child.tail or "", kind))
    return "".join(parts)


def _words(words: str, kind: DocumentKind) -> str:
    return words_written_in(kind, words)


def _link(words: str, address: str, kind: DocumentKind) -> str:
    if kind == "html":
        return f'<a href="{html.escape(address, quote=True)}">{html.escape(words, quote=False)}</a>'
    if kind == "markdown":
        return f"[{_words(words, kind).strip()}]({address_written_in_markdown(address)})"
    return words


def _emphasised(inner: str, style: str, kind: DocumentKind) -> str:
    """`inner` set in `style` ("em", "strong"), its white space at either end kept outside."""
    if not style or kind == "text" or not inner.strip():
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    opening, closing = (f"<{style}>", f"</{style}>") if kind == "html" else ("*", "*") if style == "em" else ("**", "**")
    return f"{lead}{opening}{inner.strip()}{closing}{trail}"


def _text_links(doc: Document, block: Block, base: str) -> Iterator[tuple[str, str]]:
    """A Markdown or text paragraph's words, in runs of (words, address): each link the page
    gives on its lines in its place, the words between with no address."""
    text = block.text
    last = block.line + text.count("\n")
    at = 0
    for link in doc.links:
        words = " ".join(link.text.split())
        found = text.find(words, at) if words and block.line <= link.line <= last else -1
        address = urljoin(base, link.href) if base else link.href
        if found < 0 or not _linkable(address):
            continue
        yield text[at:found], ""
        yield words, address
        at = found + len(words)
    yield text[at:], ""


def _linkable(address: str) -> bool:
    """Whether a fix may write `address` as a link: an http(s) URL with nothing in it no address
    holds as written (a space, a quote, a control: `fixtemplates.address_problem`)."""
    return is_http_url(address) and address_problem(address) is None
