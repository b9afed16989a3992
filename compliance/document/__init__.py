"""One parse per article: decoded text, the lxml tree, visible text blocks with source positions,
images however they load, links, metadata, the article region and the bylines.

Everything here is pure: bytes (or text) in, an immutable `Document` out. Rules never touch the
raw tree for visibility or region questions; they ask the document.

Where each part lives:

- `model`: the frozen value objects (`Document`, `Block`, `Image`, `Link`, `Byline`);
- `positions`: source positions, lxml's lines turned into line:col;
- `visibility`: what a reader can see (skipped tags, hiding attributes, styles and classes);
- `onload`: images as they stand once loaded (the `onload` handlers that show them);
- `generated`: the words `::before` and `::after` generate;
- `region`: the article region and the page chrome around and inside it;
- `html`: the walk over an HTML page that builds the document, images and head metadata;
- `plaintext`: plain-text and Markdown articles, YAML front matter (imported when such an article comes);
- `bylines`: finding the document's bylines; `byline_reading`: reading one byline's text;
- `elements`: small reads of an element (class tokens, text) the others share.
"""

from __future__ import annotations

import re
from collections.abc import Set

from compliance.decoding import Decoded
from compliance.document.bylines import byline_beside_the_story, links_an_author_page, overlong_byline, refused_byline, story_bylines, unread_byline
from compliance.document.elements import text_of
from compliance.document.html import image_sources, in_h1, parse_html, resolve_url, svg_accessible_name
from compliance.document.model import Block, BrokenLink, Byline, Document, DocumentKind, Image, Item, Link, attribute_pixels, block_position, item_offsets
from compliance.document.region import find_article_root, find_story_head
from compliance.document.visibility import shown_sources

__all__ = [
    "Block",
    "BrokenLink",
    "Byline",
    "Document",
    "DocumentKind",
    "Image",
    "Item",
    "Link",
    "attribute_pixels",
    "block_position",
    "byline_beside_the_story",
    "find_article_root",
    "find_story_head",
    "image_sources",
    "item_offsets",
    "links_an_author_page",
    "overlong_byline",
    "parse_document",
    "parse_html",
    "refused_byline",
    "resolve_url",
    "shown_sources",
    "story_bylines",
    "svg_accessible_name",
    "text_of",
    "unread_byline",
    "with_metadata_byline",
    "with_metadata_headline",
]


def parse_document(data: bytes | str | Decoded, kind: DocumentKind, *, outlets: Set[str] = frozenset(), url: str | None = None) -> Document:
    """Parse an article of the given kind (its bytes, its text, or its text as `decode_bytes` read
    it) into a `Document`; `outlets` are the loaded packs' outlet names, which the byline reader
    never takes for a person's name; `url` is the page's own http(s) address when it is known (a
    fetched page): an HTML page's relative URLs and `<base href>` resolve against it."""
    if kind == "html":
        return parse_html(data, outlets=outlets, url=url)
    # Text and Markdown have a reader of their own, imported only when such an article comes.
    from compliance.document.plaintext import parse_text

    return parse_text(data, markdown=kind == "markdown", outlets=outlets)


# What a byline read from the article's metadata says of where it came from, before its text.
METADATA_BYLINE = "byline metadata: {value}"


def with_metadata_byline(doc: Document, value: str, *, outlets: Set[str] = frozenset()) -> Document:
    """`doc` with the byline a CMS theme prints from the article's `byline` metadata (a CMS
    payload's `byline` field, `--meta byline=`) above a story whose body shows none, as a front
    matter `author` is read (`plaintext`; markup in the field is read as the text it shows): read as
    a byline is, standing just below the headline
    (else above the article's first block), at that block's line. `doc` unchanged when the body
    has a byline of its own (it wins), or the value is blank or no byline."""
    import dataclasses

    from compliance.document.byline_reading import read_byline
    from compliance.document.bylines import outlet_names
    from compliance.text import normalize_inline, normalize_inline_keeping_controls

    if doc.bylines:
        return doc
    field_text = _field_text(value)
    text = normalize_inline(field_text)
    if not text:
        return doc
    reading = read_byline(text, outlets=outlet_names(outlets))
    if reading is None or reading.problem == "empty":
        return doc
    below = doc.page_headline if doc.page_headline is not None else next(iter(doc.article_blocks), None)
    index, line = (below.index, below.line) if below is not None else (0, 1)
    # Read without its controls, as a page's text is; quoted with them (`Byline.written`).
    written = normalize_inline_keeping_controls(field_text)
    shown = METADATA_BYLINE.format(value=written) if written != text else ""
    return dataclasses.replace(doc, bylines=(Byline(METADATA_BYLINE.format(value=text), reading, index, line, "metadata", written=shown),))


def with_metadata_headline(doc: Document, value: str) -> Document:
    """`doc` with the headline a CMS theme prints from the article's `headline` metadata (a CMS
    payload's `headline` or `title` field, the API's, `--meta headline=`) above a body that shows
    none of its own, as a front matter `title` is read (`plaintext`; markup in the field is read as
    the text it shows). The page's own `<h1>` wins (a Markdown `#` heading, a front matter
    `title`); a heading the reader only guessed for one (an `<h2>` crosshead of the body, a text
    article's first line) gives way to the field's. Read as no block of the page (index -1,
    at the article's first line; `Document.headline_source` says so). `doc` unchanged when the
    value is blank."""
    import dataclasses

    from compliance.text import normalize_inline, normalize_inline_keeping_controls

    field_text = _field_text(value)
    if not normalize_inline(field_text) or _own_headline(doc):
        return doc
    # Its control characters kept, as the value gives them, for messages to quote (the output
    # sanitiser shows them, `\x1b`); what compares it reads it through `normalize`, without them.
    text = normalize_inline_keeping_controls(field_text)
    line = doc.article_blocks[0].line if doc.article_blocks else doc.article_line
    headline = Block(-1, text, line, True, True)
    return dataclasses.replace(doc, headline=headline, headline_source="metadata")


def _own_headline(doc: Document) -> bool:
    """Whether the page shows a headline of its own: an `<h1>` (a Markdown `#` heading, a front
    matter `title`), not a heading the reader guessed for one (an `<h2>` crosshead, a first line)."""
    headline = doc.headline
    if headline is None:
        return False
    if doc.kind != "html":
        return headline.heading
    return in_h1(headline.element)


def _field_text(value: str) -> str:
    """A CMS field's text as a reader sees it printed: WordPress and Arc byline fields hold author
    links (`By <a href="/author/jake">Jake Smith</a>`) and character references, read once
    (`&amp;amp;` shows "&amp;"). A control character, written or as a reference (`&#27;`), is kept
    for the output sanitiser to show (`\x1b`), as a page's own text keeps it: it is no part of a
    name, and vanishing from the quote would hide that the field holds it."""
    if "<" not in value and "&" not in value:
        return value
    import html

    shown = _TAG.sub("", value)
    return "".join(_reference(part) if part.startswith("&#") else html.unescape(part) for part in _NUMERIC_REFERENCE.split(shown))


# A tag, a comment or a declaration as HTML's tokenizer starts one: `<` then a letter, `/`, `!` or
# `?`; a `<` before anything else (`a < b`) is text.
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<[A-Za-z/!?][^>]*>?", re.DOTALL)
# A numeric character reference, kept whole by `split` (one capture group).
_NUMERIC_REFERENCE = re.compile(r"(&#(?:[xX][0-9A-Fa-f]+|[0-9]+);?)")


def _reference(reference: str) -> str:
    """The character a numeric reference names: as `html.unescape` reads it, except that a control
    character or a noncharacter, which it drops, is kept (`&#27;` is ESC)."""
    import html

    read = html.unescape(reference)
    if read:
        return read
    digits = reference[2:].rstrip(";")
    code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    return chr(code)
