"""A page's declarative refresh: a `<meta http-equiv="refresh" content="0; url=…">` that sends the
reader to another address after a number of seconds, so that what they read is that page and not
this one (HTML, 4.2.5.3, the Refresh state, and its "shared declarative refresh steps").

Read as a browser reads it: the first such `<meta>` in the page counts, in the `<head>` or the
body (a browser acts on it wherever it is inserted); one inside a `<template>` (never inserted)
or a `<noscript>` (raw text where scripts run, as for most readers) does not. Its content is a
number of seconds (digits; a fraction after them is ignored), then, after a `;`, `,` or white
space, the address, with or without `url=` and quotation marks. Content that does not parse is
ignored, as browsers ignore it. A refresh without an address, or to the page itself (an empty
one, a fragment, the page's canonical URL or `og:url`), reloads the page: it sends no reader away.

A script that changes `location` is not read (nothing the checker runs). Pure: reads the lxml tree
and the addresses the document already holds; never raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compliance.document.html import resolve_url
from compliance.document.model import Document
from compliance.urls import same_page

_ASCII_WHITESPACE = "\t\n\f\r "
# Elements whose content a reader's browser never inserts into the page (`<noscript>`: scripts on).
_NEVER_INSERTED = frozenset({"template", "noscript"})


@dataclass(frozen=True, slots=True)
class Refresh:
    """A refresh that sends the reader to another page: after `seconds` (whole seconds, 0 or
    more), to `address` (as written, white space stripped) resolved as `url` against the page's
    base (as written when the base is not known); `element` is the `<meta>`."""

    seconds: int
    address: str
    url: str
    element: Any


def redirecting_refresh(doc: Document) -> Refresh | None:
    """The refresh of an HTML page that sends its reader to another page (see the module's
    docstring); None when the page has none, or it only reloads the page, or `doc` is no HTML page."""
    if doc.kind != "html" or doc.root is None:
        return None
    for meta in doc.root.iter("meta"):
        if (meta.get("http-equiv") or "").strip(_ASCII_WHITESPACE).lower() != "refresh" or _never_inserted(meta):
            continue
        parsed = parse_refresh(meta.get("content") or "")
        if parsed is None:
            continue  # a content browsers do not read: the next refresh may still count
        seconds, address = parsed
        if not address or address.startswith("#"):
            return None
        url = resolve_url(address, doc.base_url)
        if any(same_page(url, page) for page in doc.own_addresses):
            return None
        return Refresh(seconds, address, url, meta)
    return None


def _never_inserted(meta: Any) -> bool:
    return any(isinstance(node.tag, str) and node.tag.lower() in _NEVER_INSERTED for node in meta.iterancestors())


def parse_refresh(content: str) -> tuple[int, str] | None:
    """A refresh's content read by HTML's shared declarative refresh steps: (the seconds, the
    address as written, "" for none); None for content a browser does not act on ("", "soon",
    "5x")."""
    text = content.lstrip(_ASCII_WHITESPACE)
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits == 0 and not text.startswith("."):
        return None
    seconds = int(text[:digits]) if digits else 0
    rest = text[digits:].lstrip("0123456789.")
    if not rest:
        return seconds, ""
    if rest[0] not in ";," + _ASCII_WHITESPACE:
        return None
    rest = rest.lstrip(_ASCII_WHITESPACE)
    if rest[:1] in (";", ","):
        rest = rest[1:].lstrip(_ASCII_WHITESPACE)
    # The steps skip as much of "url" as the address begins with, then white space and "=" after
    # a whole "url" (so "url=a.html", "URL = a.html" and "urla.html" all go to a.html).
    matched = 0
    while matched < 3 and rest[matched : matched + 1].lower() == "url"[matched]:
        matched += 1
    rest = rest[matched:]
    if matched == 3:
        rest = rest.lstrip(_ASCII_WHITESPACE)
        if rest.startswith("="):
            rest = rest[1:].lstrip(_ASCII_WHITESPACE)
    if rest[:1] in ("'", '"'):
        quote, rest = rest[0], rest[1:]
        rest = rest.split(quote, 1)[0]
    return seconds, rest.strip(_ASCII_WHITESPACE)
