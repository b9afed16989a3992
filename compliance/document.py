"""One parse per article: decoded text, the lxml tree, visible text blocks with source positions,
images however they load, links, metadata, the article region and the bylines.

Everything here is pure: bytes (or text) in, an immutable `Document` out. Rules never touch the
raw tree for visibility or region questions; they ask the document.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from compliance.bylines import BylineReading, read_byline
from compliance.decoding import decode_bytes
from compliance.findings import Location
from compliance.text import normalize, normalize_inline

if TYPE_CHECKING:
    pass

DocumentKind = Literal["html", "text", "markdown"]

# ---------------------------------------------------------------------------------------------
# Value objects


@dataclass(frozen=True, slots=True)
class Block:
    """A run of visible text a reader sees as one unit: a paragraph, heading, list item, text line.

    `line` (here and on images and links) is the line lxml reports, where the start tag ends;
    `Document.locate` gives the line and column where it starts, which is what reports show.
    """

    index: int
    text: str
    line: int
    in_article: bool
    heading: bool = False
    element: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Image:
    """An image, with every URL it can load from (src, srcset, lazy-load attributes, noscript)."""

    index: int
    sources: tuple[str, ...]
    alt: str
    line: int
    visible: bool
    in_article: bool
    element: Any = field(default=None, compare=False, repr=False)
    width: str = ""
    height: str = ""


Item = Block | Image


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink (`<a href>`) and whether a reader can see it."""

    href: str
    text: str
    rel: tuple[str, ...]
    line: int
    visible: bool
    in_article: bool
    index: int
    element: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Byline:
    """A visible byline found in the article, read into names and credit."""

    text: str
    reading: BylineReading
    index: int
    line: int
    source: Literal["markup", "text"]
    element: Any = field(default=None, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The people credited."""
        return self.reading.names


@dataclass(frozen=True, slots=True)
class Document:
    """An article parsed once; every check reads from this."""

    kind: DocumentKind
    source: str
    encoding: str
    encoding_reason: str
    items: tuple[Item, ...]
    blocks: tuple[Block, ...]
    images: tuple[Image, ...]
    links: tuple[Link, ...]
    bylines: tuple[Byline, ...]
    meta: Mapping[str, tuple[str, ...]]
    json_ld: tuple[Any, ...]
    canonical: tuple[str, ...]
    article_line: int
    headline: Block | None
    truncated: str | None = None
    item_offsets: tuple[int, ...] = ()
    front_matter: Mapping[str, str] = field(default_factory=dict)
    front_matter_error: str | None = None
    root: Any = field(default=None, compare=False, repr=False)
    article_root: Any = field(default=None, compare=False, repr=False)
    _positions: _SourcePositions | None = field(default=None, compare=False, repr=False)
    _hidden: frozenset[Any] = field(default=frozenset(), compare=False, repr=False)
    _outside: frozenset[Any] = field(default=frozenset(), compare=False, repr=False)
    # Derived values computed on first use (the article's anchor, joined scope texts); the
    # document stays immutable to its readers.
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def article_blocks(self) -> tuple[Block, ...]:
        """The visible text blocks inside the article region."""
        return tuple(b for b in self.blocks if b.in_article)

    @property
    def article_location(self) -> Location:
        """Where the article starts: the anchor for "missing" findings."""
        cached = self._memo.get("article_location")
        if cached is None:
            cached = self.locate_line(self.article_line, self.article_root)
            self._memo["article_location"] = cached
        return cached

    def item_index_by_element(self) -> dict[Any, int]:
        """Each item's index by its element (computed once; element checks look matches up here)."""
        cached: dict[Any, int] | None = self._memo.get("by_element")
        if cached is None:
            cached = {}
            for item in self.items:
                if item.element is not None:
                    cached.setdefault(item.element, item.index)
            self._memo["by_element"] = cached
        return cached

    def joined_text(self, key: Any, blocks: Sequence[Block]) -> tuple[str, list[int]]:
        """The blocks' texts joined by newlines, and where each block starts in it.

        Text checks search this once instead of block by block; `key` names the scope so that
        every check on the same scope shares one string.
        """
        cached = self._memo.get(("joined", key))
        if cached is None:
            starts = []
            position = 0
            for block in blocks:
                starts.append(position)
                position += len(block.text) + 1
            cached = ("\n".join(b.text for b in blocks), starts)
            self._memo[("joined", key)] = cached
        return cached

    def locate(self, item: Item | Link | Byline) -> Location:
        """Line and column of an item; the column is computed from the source only when asked."""
        if self._positions is None or item.element is None:
            return Location(item.line, _text_column(self.source, item.line))
        return self._positions.locate(item.element)

    def locate_element(self, element: Any) -> Location:
        """Line and column of an lxml element."""
        if self._positions is None:
            return Location(1, 1)
        return self._positions.locate(element)

    def locate_line(self, line: int, element: Any) -> Location:
        """Line and column for an element when one exists, else the line's first character."""
        if element is not None and self._positions is not None:
            return self._positions.locate(element)
        return Location(line, _text_column(self.source, line))

    def is_visible(self, element: Any) -> bool:
        """False when the element or an ancestor is hidden from readers."""
        node = element
        while node is not None:
            if node in self._hidden:
                return False
            node = node.getparent()
        return True

    def in_article(self, element: Any) -> bool:
        """True when the element sits in the article region (not the page chrome around it)."""
        if self.article_root is None:
            return True
        node = element
        inside = False
        while node is not None:
            if node in self._outside:
                return False
            if node is self.article_root:
                inside = True
            node = node.getparent()
        return inside

    def item_at(self, index: int) -> Item:
        """The item with this document-order index."""
        return self.items[index]


def item_offsets(items: tuple[Item, ...]) -> tuple[int, ...]:
    """Offset of each item in the visible text (blocks joined by newlines), plus the end."""
    offsets: list[int] = []
    position = 0
    for item in items:
        offsets.append(position)
        if isinstance(item, Block):
            position += len(item.text) + 1
    offsets.append(position)
    return tuple(offsets)


def _text_column(source: str, line: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = source.find("\n", start) + 1
        if start == 0:
            return 1
    end = source.find("\n", start)
    text = source[start : end if end != -1 else len(source)]
    return len(text) - len(text.lstrip()) + 1


class _SourcePositions:
    """Computes columns for elements on demand (lxml only knows the line)."""

    def __init__(self, source: str, root: Any) -> None:
        self._source = source
        self._root = root
        self._line_starts: list[int] | None = None
        self._by_line: dict[int, list[Any]] | None = None
        self._cache: dict[int, Location] = {}

    def _line_text(self, line: int) -> str:
        if self._line_starts is None:
            starts = [0]
            find = self._source.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        if not 1 <= line <= len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self._source)
        return self._source[start:end]

    def locate(self, element: Any) -> Location:
        """Where an element's start tag begins.

        lxml reports the line on which a start tag *ends*, so a tag whose attributes span lines is
        searched for backwards from there: the k-th of n same-named tags ending on that line is the
        (n-k)-th last `<tag` before the line's end.
        """
        line = element.sourceline or 1
        if self._by_line is None:
            by_line: dict[int, list[Any]] = {}
            for el in self._root.iter():
                if isinstance(el.tag, str) and el.sourceline:
                    by_line.setdefault(el.sourceline, []).append(el)
            self._by_line = by_line
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:
            return Location(line, 1)
        same_tag = [el for el in self._by_line.get(line, []) if el.tag == tag]
        ordinal = _index_of(same_tag, element)
        window_start_line = max(1, line - _START_TAG_LOOKBACK)
        window_start = self._offset_of_line(window_start_line)
        window_end = self._offset_of_line(line + 1) - 1 if line < self._line_count() else len(self._source)
        pattern = re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.IGNORECASE)
        # Only tags that also end by the end of this line: one that starts here but ends on a later
        # line belongs to an element lxml puts on that later line.
        starts = [
            m.start()
            for m in pattern.finditer(self._source, window_start, max(window_start, window_end))
            if self._source.find(">", m.end()) < max(window_end, 0) or self._source.find(">", m.end()) == -1
        ]
        wanted = len(starts) - len(same_tag) + ordinal
        if not starts or not 0 <= wanted < len(starts):
            text = self._line_text(line)
            return Location(line, len(text) - len(text.lstrip()) + 1)
        return self._location_of_offset(starts[wanted])

    def _line_starts_list(self) -> list[int]:
        if self._line_starts is None:
            self._line_text(1)
        assert self._line_starts is not None
        return self._line_starts

    def _line_count(self) -> int:
        return len(self._line_starts_list())

    def _offset_of_line(self, line: int) -> int:
        starts = self._line_starts_list()
        return starts[min(max(line, 1), len(starts)) - 1]

    def _location_of_offset(self, offset: int) -> Location:
        import bisect

        starts = self._line_starts_list()
        index = bisect.bisect_right(starts, offset) - 1
        return Location(index + 1, offset - starts[index] + 1)


_START_TAG_LOOKBACK = 50


def _index_of(elements: list[Any], element: Any) -> int:
    for i, el in enumerate(elements):
        if el is element:
            return i
    return 0


# ---------------------------------------------------------------------------------------------
# HTML vocabulary

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
        "legend",
        "html",
    ]
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Content a reader never sees: skipped entirely, images included.
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "select",
        "textarea",
        "button",
    }
)
_IMAGE_TAGS = frozenset({"img", "amp-img", "amp-anim"})
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.IGNORECASE)
# Visually hidden helpers used by WordPress and CSS frameworks: screen-reader text is not what an
# editor sees on the page.
_HIDDEN_CLASSES = frozenset({"screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "hidden", "d-none"})
# Page chrome inside or around an article: not part of the story an editor republished.
_CHROME_CLASSES = frozenset(
    [
        "sidebar",
        "widget",
        "widget-area",
        "related",
        "related-posts",
        "related-stories",
        "most-read",
        "most-popular",
        "popular-posts",
        "trending",
        "share",
        "sharing",
        "share-buttons",
        "social-share",
        "sharedaddy",
        "jp-relatedposts",
        "newsletter",
        "newsletter-signup",
        "comments",
        "comment-respond",
        "comments-area",
        "breadcrumbs",
        "breadcrumb",
        "advertisement",
        "ad-slot",
        "ad-container",
        "cookie-banner",
        "cookie-notice",
        "site-header",
        "site-footer",
        "site-navigation",
        "menu",
        "nav-links",
        "post-navigation",
    ]
)
_CHROME_TAGS = frozenset({"aside", "nav"})
_CHROME_ROLES = frozenset({"complementary", "navigation", "banner", "contentinfo", "search"})
_BYLINE_CLASSES = frozenset(
    [
        "byline",
        "author",
        "by-author",
        "byline-author",
        "entry-author",
        "article-byline",
        "author-name",
        "post-author",
        "posted-by",
        "article-author",
        "c-byline",
        "byline__author",
        "story-byline",
        "meta-author",
        "contributor",
        "author-byline",
    ]
)
_ARTICLE_BODY_CLASSES = (
    "entry-content",
    "post-content",
    "article-body",
    "article-content",
    "story-body",
    "article__body",
    "post-body",
    "td-post-content",
    "story-content",
    "field-name-body",
    "c-entry-content",
    "single-content",
    "theconversation-article-body",
    "article-text",
    "body-content",
    "articleBody",
    "story-text",
)
_ARTICLE_BODY_CLASS_SET = frozenset(c.lower() for c in _ARTICLE_BODY_CLASSES)
# A cheap substring filter in one XPath pass (exact token tests on every element in XPath cost
# ten times the parse); the exact class test runs in Python on the few candidates.
_ARTICLE_BODY_XPATH = (
    "//*[@itemprop='articleBody' or @id='article-body' or @id='story-body' or contains(@class, 'ontent') or contains(@class, 'ody') or contains(@class, 'ext')]"
)


def _is_article_body(element: Any) -> bool:
    if element.get("itemprop") == "articleBody" or element.get("id") in ("article-body", "story-body"):
        return True
    return bool(_classes(element) & _ARTICLE_BODY_CLASS_SET)


_LAZY_SRC_ATTRS = ("src", "data-src", "data-lazy-src", "data-original", "data-orig-file", "data-url")
_LAZY_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")
_MAX_BYLINE_SCAN = 15


@functools.lru_cache(maxsize=4096)
def _class_tokens(value: str) -> frozenset[str]:
    return frozenset(value.lower().split())


@functools.lru_cache(maxsize=4096)
def _class_flags(value: str) -> tuple[bool, bool, bool]:
    """(hidden, chrome, byline) for a class attribute; pages repeat a few class strings, so the
    answer is computed once per distinct string."""
    classes = _class_tokens(value)
    hidden = bool(classes & _HIDDEN_CLASSES)
    chrome = bool(classes & _CHROME_CLASSES) or any(c.startswith(("widget_", "sidebar-")) for c in classes)
    byline = bool(classes & _BYLINE_CLASSES) or any("byline" in c for c in classes)
    return hidden, chrome, byline


_NO_FLAGS = (False, False, False)


def text_of(element: Any) -> str:
    """All text inside an element (what lxml.html calls text_content)."""
    return "".join(element.itertext())


def _classes(element: Any) -> frozenset[str]:
    value = element.get("class")
    return _class_tokens(value) if value else frozenset()


def _flags(element: Any) -> tuple[bool, bool, bool]:
    value = element.get("class")
    return _class_flags(value) if value else _NO_FLAGS


def _is_hidden(element: Any, tag: str) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    if tag == "input" and (element.get("type") or "").lower() == "hidden":
        return True
    return _flags(element)[0]


def _is_chrome(element: Any, tag: str) -> bool:
    if tag in _CHROME_TAGS:
        return True
    role = element.get("role")
    if role and role.lower() in _CHROME_ROLES:
        return True
    return _flags(element)[1]


def _is_byline_markup(element: Any) -> bool:
    rel = element.get("rel")
    if rel and "author" in rel.lower().split():
        return True
    itemprop = element.get("itemprop")
    if itemprop and "author" in itemprop.lower().split():
        return True
    return _flags(element)[2]


def _srcset_urls(value: str) -> list[str]:
    """URLs of a srcset, parsed as the HTML standard does: a URL is a run of non-spaces (so the
    commas inside a `data:` placeholder stay in it), descriptors run to the next comma."""
    urls = []
    position, length = 0, len(value)
    while position < length:
        while position < length and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < length and not value[position].isspace():
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            while position < length and value[position] != ",":
                position += 1
        if url:
            urls.append(url)
    return urls


def image_sources(element: Any) -> tuple[str, ...]:
    """Every URL an image element can load: src, srcset, lazy-load attributes, `<picture>` sources."""
    urls: list[str] = []
    for attr in _LAZY_SRC_ATTRS:
        value = element.get(attr)
        if value and not value.startswith("data:"):
            urls.append(value.strip())
    for attr in _LAZY_SRCSET_ATTRS:
        value = element.get(attr)
        if value:
            urls.extend(u for u in _srcset_urls(value) if not u.startswith("data:"))
    # libxml2 does not know <source> is empty and nests the <img> inside it, so look for the
    # enclosing <picture> a few levels up rather than at the parent only.
    picture = next((a for a in list(element.iterancestors())[:3] if isinstance(a.tag, str) and a.tag.lower() == "picture"), None)
    if picture is not None:
        for source in picture.iter("source"):
            for attr in (*_LAZY_SRCSET_ATTRS, "src"):
                value = source.get(attr)
                if value:
                    urls.extend(u for u in _srcset_urls(value) if not u.startswith("data:"))
    return tuple(dict.fromkeys(urls))


# ---------------------------------------------------------------------------------------------
# Article region


def _text_length(element: Any) -> int:
    """How much paragraph text an element holds (a measure for choosing the article region).

    Walked in Python: libxml2 evaluates `.//p//text()` with an `ancestor::` filter in time that
    grows with the square of the page (3 s for an 8 MB page)."""
    return sum(len(text) for paragraph in element.iter("p") for text in paragraph.itertext())


def _contains_chrome_outside(node: Any, core: Any) -> bool:
    for el in node.iter():
        if el is core:
            continue
        if isinstance(el.tag, str) and _is_chrome(el, el.tag.lower()):
            ancestor = el
            inside_core = False
            while ancestor is not None:
                if ancestor is core:
                    inside_core = True
                    break
                ancestor = ancestor.getparent()
            if not inside_core:
                return True
    return False


def _grow_to_headline(core: Any, headline: Any | None) -> Any:
    """Extend a body container upwards to take in the headline and byline, never the chrome."""
    if headline is not None and any(el is headline for el in core.iter("h1")):
        return core
    node = core
    while True:
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() in {"body", "html"}:
            return node
        if _contains_chrome_outside(parent, core):
            return node
        node = parent
        if headline is not None and any(el is headline for el in node.iter("h1")):
            return node


def find_article_root(root: Any) -> Any:
    """The element holding the article: `<article>`, `[itemprop=articleBody]`, a CMS body container
    grown to include its headline, `<main>`, or else the densest block of paragraphs."""
    headlines = [h for h in root.iter("h1") if h.get("hidden") is None]
    headline = headlines[0] if headlines else None
    bodies = [el for el in root.xpath(_ARTICLE_BODY_XPATH) if isinstance(el.tag, str) and _is_article_body(el)]
    core = max(bodies, key=_text_length, default=None)
    if core is not None and _text_length(core) == 0:
        core = None
    if core is not None:
        for ancestor in core.iterancestors():
            if ancestor.tag == "article" or "Article" in (ancestor.get("itemtype") or ""):
                return ancestor
        return _grow_to_headline(core, headline)
    articles = list(root.iter("article"))
    if articles:
        best = max(articles, key=_text_length)
        if _text_length(best) > 0:
            return best
    mains = root.xpath("//main | //*[@role='main']")
    if mains:
        return mains[0]
    best_parent, best_score = None, 0
    for paragraph_parent in {p.getparent() for p in root.iter("p") if p.getparent() is not None}:
        score = sum(len(text_of(p)) for p in paragraph_parent.iterchildren("p"))
        if score > best_score:
            best_parent, best_score = paragraph_parent, score
    if best_parent is not None:
        return _grow_to_headline(best_parent, headline)
    body = root.find("body")
    return body if body is not None else root


# ---------------------------------------------------------------------------------------------
# HTML parsing


@dataclass(slots=True)
class _BylineMark:
    """Byline markup met during the walk, and the visible text captured inside it."""

    element: Any
    index: int
    in_article: bool
    chrome: bool
    capture: list[str] = field(default_factory=list)


class _Collector:
    """Builds blocks, images, links and byline candidates in one walk over the tree."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.links: list[Link] = []
        self.byline_marks: list[_BylineMark] = []
        self.open_byline: _BylineMark | None = None
        self._buffer: list[str] = []
        self._owner: Any = None
        self._heading = False
        self._in_article = False

    def add_text(self, text: str | None, owner: Any, *, in_article: bool, heading: bool) -> None:
        """Append visible text; source line breaks are spaces (only `<br>` breaks a line)."""
        if not text:
            return
        if text != "\n":
            text = text.replace("\r", " ").replace("\n", " ")
        if self._owner is None and text.strip():
            self._owner = owner
            self._in_article = in_article
            self._heading = heading
        self._buffer.append(text)
        if self.open_byline is not None:
            self.open_byline.capture.append(text)

    def flush(self) -> None:
        """End the current block."""
        if self._owner is not None:
            text = normalize("".join(self._buffer))
            if text:
                self.items.append(
                    Block(
                        index=len(self.items),
                        text=text,
                        line=self._owner.sourceline or 1,
                        in_article=self._in_article,
                        heading=self._heading,
                        element=self._owner,
                    )
                )
        self._buffer = []
        self._owner = None


@dataclass(slots=True)
class _Frame:
    element: Any
    tag: str
    hidden: bool
    in_article: bool
    heading: bool
    noscript: bool
    chrome: bool


def parse_html(data: bytes | str) -> Document:
    """Parse an HTML page into a `Document`; never raises on malformed input."""
    from lxml import etree

    if isinstance(data, str):
        decoded_text, encoding, reason = data, "utf-8", "text given"
    else:
        decoded = decode_bytes(data)
        decoded_text, encoding, reason = decoded.text, decoded.encoding, decoded.reason
    # lxml is handed UTF-8 bytes with the encoding stated: it otherwise reads undeclared UTF-8 as
    # latin-1, and refuses a str that carries an XML encoding declaration. NUL and lone
    # surrogates (possible in scraped pages) become U+FFFD first.
    text = decoded_text.replace("\x00", "\ufffd") if "\x00" in decoded_text else decoded_text
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:
        payload = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").encode("utf-8")
    # The plain etree parser, not lxml.html's: the checker uses no HtmlElement method, and the
    # per-element class lookup of lxml.html costs more than the parse.
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False, no_network=True)
    truncated: str | None = None
    try:
        root = etree.fromstring(payload, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        root = etree.fromstring(b"<html><body></body></html>", parser)
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or ("limit" in entry.message.lower() and "huge" in entry.message.lower()):
            truncated = f"the parser stopped at line {entry.line}: {entry.message.strip()}"
            break
    if root.find("body") is None and root.tag != "html":
        wrapper = etree.fromstring(b"<html><body></body></html>", parser)
        body = wrapper.find("body")
        if body is not None:
            body.append(root)
            root = wrapper
    return _build_html_document(root, decoded_text, encoding, reason, truncated)


def _build_html_document(root: Any, source: str, encoding: str, reason: str, truncated: str | None) -> Document:
    from lxml import etree

    article_root = find_article_root(root)
    collector = _Collector()
    hidden: list[Any] = []
    outside: list[Any] = []
    meta: dict[str, list[str]] = {}
    canonical: list[str] = []
    json_ld: list[Any] = []
    stack: list[_Frame] = [_Frame(None, "", False, False, False, False, False)]
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        parent = stack[-1]
        if event in ("comment", "pi"):
            if not parent.hidden and not parent.noscript:
                collector.add_text(element.tail, element.getparent(), in_article=parent.in_article, heading=parent.heading)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS or not tag:
                _collect_head_data(element, tag, meta, canonical, json_ld)
                walker.skip_subtree()
                stack.append(_Frame(element, tag, True, parent.in_article, parent.heading, parent.noscript, parent.chrome))
                continue
            if tag in _BLOCK_TAGS:
                collector.flush()
            is_hidden = parent.hidden or _is_hidden(element, tag)
            if is_hidden and not parent.hidden:
                hidden.append(element)
            in_article = parent.in_article or element is article_root
            chrome = parent.chrome or (element is not article_root and _is_chrome(element, tag))
            if in_article and chrome and not parent.chrome:
                outside.append(element)
            in_article = in_article and not chrome
            heading = parent.heading or tag in _HEADING_TAGS
            noscript = parent.noscript or tag == "noscript"
            frame = _Frame(element, tag, is_hidden, in_article, heading, noscript, chrome)
            stack.append(frame)
            if tag in _IMAGE_TAGS:
                _add_image(collector, element, frame)
            elif tag == "a" and element.get("href") is not None:
                collector.links.append(
                    Link(
                        href=element.get("href", "").strip(),
                        text=normalize_inline(text_of(element)),
                        rel=tuple((element.get("rel") or "").lower().split()),
                        line=element.sourceline or 1,
                        visible=not is_hidden and not noscript,
                        in_article=in_article,
                        index=len(collector.items),
                        element=element,
                    )
                )
            elif tag == "br" and not is_hidden and not noscript:
                collector.add_text("\n", element, in_article=in_article, heading=heading)
            if not is_hidden and not noscript and collector.open_byline is None and _is_byline_markup(element):
                collector.open_byline = _BylineMark(element, len(collector.items), in_article, chrome)
                collector.byline_marks.append(collector.open_byline)
            if not is_hidden and not noscript:
                collector.add_text(element.text, element, in_article=in_article, heading=heading)
        else:
            frame = stack.pop()
            if frame.tag in _SKIP_TAGS or not frame.tag:
                pass
            elif frame.tag in _BLOCK_TAGS:
                collector.flush()
            if collector.open_byline is not None and collector.open_byline.element is element:
                collector.open_byline = None
            parent = stack[-1]
            if not parent.hidden and not parent.noscript and element is not root:
                collector.add_text(element.tail, element.getparent(), in_article=parent.in_article, heading=parent.heading)
    collector.flush()

    items = tuple(collector.items)
    blocks = tuple(i for i in items if isinstance(i, Block))
    bylines = _find_bylines(collector.byline_marks, blocks)
    headline = next((b for b in blocks if b.heading and b.element is not None and b.element.tag == "h1"), None)
    if headline is None:
        headline = next((b for b in blocks if b.heading and b.in_article), None)
    positions = _SourcePositions(source, root)
    return Document(
        kind="html",
        source=source,
        encoding=encoding,
        encoding_reason=reason,
        items=items,
        blocks=blocks,
        images=tuple(i for i in items if isinstance(i, Image)),
        links=tuple(collector.links),
        bylines=bylines,
        meta={k: tuple(v) for k, v in meta.items()},
        json_ld=tuple(json_ld),
        canonical=tuple(canonical),
        article_line=article_root.sourceline or 1,
        headline=headline,
        truncated=truncated,
        item_offsets=item_offsets(items),
        root=root,
        article_root=article_root,
        _positions=positions,
        _hidden=frozenset(hidden),
        _outside=frozenset(outside),
    )


def _collect_head_data(element: Any, tag: str, meta: dict[str, list[str]], canonical: list[str], json_ld: list[Any]) -> None:
    """Metadata lives in skipped elements; read it on the way past."""
    if tag == "head":
        for child in element.iter("meta", "link", "script"):
            _collect_head_data(child, child.tag, meta, canonical, json_ld)
        return
    if tag == "meta":
        key = element.get("name") or element.get("property") or element.get("itemprop")
        content = element.get("content")
        if key and content is not None:
            meta.setdefault(key.strip().lower(), []).append(content.strip())
    elif tag == "link":
        rel = (element.get("rel") or "").lower().split()
        if "canonical" in rel and element.get("href"):
            canonical.append(element.get("href", "").strip())
    elif tag == "script" and (element.get("type") or "").lower() == "application/ld+json":
        with contextlib.suppress(ValueError, RecursionError):
            json_ld.append(json.loads(element.text or ""))


def _add_image(collector: _Collector, element: Any, frame: _Frame) -> None:
    sources = image_sources(element)
    alt = normalize_inline(element.get("alt") or "")
    previous = collector.items[-1] if collector.items else None
    # A <noscript> fallback repeats the lazy-loaded image just before it: one image, not two.
    if frame.noscript and isinstance(previous, Image) and (set(sources) & set(previous.sources) or (alt and alt == previous.alt) or not previous.sources):
        collector.items[-1] = dataclasses.replace(previous, sources=tuple(dict.fromkeys(previous.sources + sources)), alt=previous.alt or alt)
        return
    collector.flush()
    # A <noscript> image (the fallback shown when scripts are off) is visible when its surroundings are.
    visible = not frame.hidden
    collector.items.append(
        Image(
            index=len(collector.items),
            sources=sources,
            alt=alt,
            line=element.sourceline or 1,
            visible=visible,
            in_article=frame.in_article,
            element=element,
            width=(element.get("width") or "").strip(),
            height=(element.get("height") or "").strip(),
        )
    )


def _find_bylines(marks: list[_BylineMark], blocks: tuple[Block, ...]) -> tuple[Byline, ...]:
    found: list[Byline] = []
    seen_blocks: set[int] = set()
    for mark in marks:
        element, index = mark.element, mark.index
        if mark.chrome or (not mark.in_article and not _near_article(index, blocks)):
            continue  # a byline on a "related stories" card or in a sidebar is not this article's
        text = normalize_inline("".join(mark.capture))
        reading = read_byline(text)
        if reading is None:
            continue
        block_index = _block_at(index, blocks, element)
        if block_index is not None:
            seen_blocks.add(block_index)
        found.append(Byline(text, reading, block_index if block_index is not None else index, element.sourceline or 1, "markup", element))
    article_blocks = [b for b in blocks if b.in_article]
    for block in article_blocks[:_MAX_BYLINE_SCAN]:
        if block.index in seen_blocks or block.heading:
            continue
        for line in block.text.split("\n"):
            reading = read_byline(line, require_prefix=True)
            if reading is not None:
                found.append(Byline(normalize_inline(line), reading, block.index, block.line, "text", block.element))
                break
    found.sort(key=lambda b: b.index)
    return tuple(found)


def _near_article(index: int, blocks: tuple[Block, ...]) -> bool:
    """Bylines in a header just outside the article region still count when the article follows."""
    following = [b for b in blocks if b.index >= index][:3]
    return any(b.in_article for b in following)


def _block_at(index: int, blocks: tuple[Block, ...], element: Any) -> int | None:
    for block in blocks:
        if block.index < index:
            continue
        node = block.element
        while node is not None:
            if node is element:
                return block.index
            node = node.getparent()
        ancestor = element
        while ancestor is not None:
            if ancestor is block.element:
                return block.index
            ancestor = ancestor.getparent()
        return block.index if block.index == index else None
    return None


# ---------------------------------------------------------------------------------------------
# Plain text and Markdown

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter YAML, rest) for a text or Markdown article; the rest keeps its line numbers."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return "", text
    front = match.group(0)
    # Blank lines keep line numbers of the body identical to the file's.
    return front, "\n" * front.count("\n") + text[match.end() :]


def read_front_matter(front: str) -> tuple[dict[str, str], str | None]:
    """Article metadata from YAML front matter (`reporter: Ana Ruiz`); scalar values only."""
    if not front:
        return {}, None
    from compliance.errors import UserError
    from compliance.yamlsource import YMap, parse_yaml, plain

    body = front.strip().removeprefix("---").rstrip(".-").strip("\n")
    try:
        root = parse_yaml(body, "front matter")
    except UserError as exc:
        return {}, exc.one_line()
    if not isinstance(root, YMap):
        return {}, "front matter is not a mapping of keys to values"
    values = plain(root)
    return {str(k): str(v) for k, v in values.items() if isinstance(v, str | int | float) and not isinstance(v, bool)}, None


def parse_text(data: bytes | str, *, markdown: bool = False) -> Document:
    """Parse a plain-text (or Markdown) article: each non-empty line is a block, as text extraction
    renders a page (an image appears as its alt text on a line of its own)."""
    if isinstance(data, str):
        source, encoding, reason = data, "utf-8", "text given"
    else:
        decoded = decode_bytes(data)
        source, encoding, reason = decoded.text, decoded.encoding, decoded.reason
    front, body = split_front_matter(source)
    front_matter, front_matter_error = read_front_matter(front)
    items: list[Item] = []
    links: list[Link] = []
    for number, raw in enumerate(body.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not raw.strip() or _COMMENT_LINE.match(raw):
            continue  # blank, or an HTML comment (suppressions, notes) that a reader never sees
        heading = False
        line_text = raw
        if markdown:
            for match in _MD_IMAGE.finditer(raw):
                items.append(Image(len(items), (match.group(2),), normalize_inline(match.group(1)), number, True, True))
            for match in _MD_LINK.finditer(raw):
                links.append(Link(match.group(2), normalize_inline(match.group(1)), (), number, True, True, len(items)))
            heading = bool(_MD_HEADING.match(raw))
            line_text = _MD_IMAGE.sub("", raw)
            line_text = _MD_LINK.sub(r"\1", line_text)
            line_text = _MD_HEADING.sub("", line_text)
            line_text = _MD_EMPHASIS.sub("", line_text)
        text = normalize_inline(line_text)
        if text:
            items.append(Block(len(items), text, number, True, heading))
    blocks = tuple(i for i in items if isinstance(i, Block))
    headline = next((b for b in blocks if b.heading), blocks[0] if blocks else None)
    bylines = _find_bylines([], blocks)
    first_line = blocks[0].line if blocks else 1
    return Document(
        kind="markdown" if markdown else "text",
        source=source,
        encoding=encoding,
        encoding_reason=reason,
        items=tuple(items),
        blocks=blocks,
        images=tuple(i for i in items if isinstance(i, Image)),
        links=tuple(links),
        bylines=bylines,
        meta={},
        json_ld=(),
        canonical=(),
        article_line=first_line,
        headline=headline,
        item_offsets=item_offsets(tuple(items)),
        front_matter=front_matter,
        front_matter_error=front_matter_error,
    )


def parse_document(data: bytes | str, kind: DocumentKind) -> Document:
    """Parse an article of the given kind into a `Document`."""
    if kind == "html":
        return parse_html(data)
    return parse_text(data, markdown=kind == "markdown")
