"""HTML pages: one walk over the lxml tree builds the `Document` — visible text blocks, images
however they load (src, srcset, lazy-load attributes, `<picture>`, `<noscript>`), links, byline
candidates, the hidden and chrome elements, and the head's metadata, canonical URL and JSON-LD.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import json
from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from compliance.decoding import decode_bytes
from compliance.document.bylines import BylineMark, credited_in_metadata, find_bylines, is_byline_markup, outlet_names
from compliance.document.elements import text_of
from compliance.document.model import Block, Document, Image, Item, Link, item_offsets
from compliance.document.positions import SourcePositions
from compliance.document.region import find_article_root, is_chrome
from compliance.document.visibility import HIDDEN, IMAGE_TAGS, NOT_RENDERED_TAGS, SHOWN, SKIP_TAGS, PageStyle, Rendering, is_seen, render
from compliance.text import normalize, normalize_inline

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
_LAZY_SRC_ATTRS = ("src", "data-src", "data-lazy-src", "data-original", "data-orig-file", "data-url")
_LAZY_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")


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
    picture = next((a for a in itertools.islice(element.iterancestors(), 3) if isinstance(a.tag, str) and a.tag.lower() == "picture"), None)
    if picture is not None:
        for source in picture.iter("source"):
            for attr in (*_LAZY_SRCSET_ATTRS, "src"):
                value = source.get(attr)
                if value:
                    urls.extend(u for u in _srcset_urls(value) if not u.startswith("data:"))
    return tuple(dict.fromkeys(urls))


class _Collector:
    """Builds blocks, images, links and byline candidates in one walk over the tree."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.links: list[Link] = []
        self.byline_marks: list[BylineMark] = []
        self.open_bylines: list[BylineMark] = []  # byline markup open around the text, outermost first
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
        for mark in self.open_bylines:
            mark.capture.append(text)

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
    """An open element and what it passes on to its content. `rendering`: how it shows (CSS and
    hiding markup); `visible`: whether the element itself counts as seen (for element checks);
    `closed`: a closed `<details>`, whose own text and children but the summary do not show;
    `shows_text`: whether its own text is on screen (scripts off shows `<noscript>` only)."""

    element: Any
    tag: str
    rendering: Rendering
    visible: bool
    in_article: bool
    heading: bool
    noscript: bool
    chrome: bool
    closed: bool = False
    shows_text: bool = True


def parse_html(data: bytes | str, *, outlets: Set[str] = frozenset()) -> Document:
    """Parse an HTML page into a `Document`; never raises on malformed input. `outlets` are
    outlet names (any case) the byline reader never takes for a person's name."""
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
    return _build_html_document(root, decoded_text, encoding, reason, truncated, outlets)


def _build_html_document(root: Any, source: str, encoding: str, reason: str, truncated: str | None, outlets: Set[str]) -> Document:
    article_root = find_article_root(root)
    walk = _HtmlWalk(root, article_root)
    walk.run()
    collector = walk.collector
    items = tuple(collector.items)
    blocks = tuple(i for i in items if isinstance(i, Block))
    headline = _headline(blocks)
    credited = functools.partial(credited_in_metadata, walk.meta, walk.json_ld)
    bylines = find_bylines(collector.byline_marks, blocks, headline, article_root, outlet_names(outlets), credited)
    positions = SourcePositions(source, root)
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
        meta={k: tuple(v) for k, v in walk.meta.items()},
        json_ld=tuple(walk.json_ld),
        canonical=tuple(walk.canonical),
        article_line=article_root.sourceline or 1,
        headline=headline,
        truncated=truncated,
        item_offsets=item_offsets(items),
        root=root,
        article_root=article_root,
        _positions=positions,
        _visibility=walk.visibility,
        _noscript_only=frozenset(walk.noscript_only),
        _outside=frozenset(walk.outside),
    )


def _headline(blocks: tuple[Block, ...]) -> Block | None:
    """The first `<h1>` (its text may sit in an inline element inside it), else the article's first heading."""
    headline = next((b for b in blocks if b.heading and b.element is not None and _in_h1(b.element)), None)
    if headline is None:
        headline = next((b for b in blocks if b.heading and b.in_article), None)
    return headline


def _in_h1(element: Any) -> bool:
    node = element
    for _ in range(4):
        if node is None or not isinstance(node.tag, str):
            return False
        if node.tag.lower() == "h1":
            return True
        node = node.getparent()
    return False


class _HtmlWalk:
    """One walk over the tree, keeping a frame per open element with what it inherits from its
    ancestors (hidden, in the article, chrome, heading, inside `<noscript>`)."""

    def __init__(self, root: Any, article_root: Any) -> None:
        self.root = root
        self.article_root = article_root
        self.collector = _Collector()
        self.style = PageStyle.of(root)
        # Whether an element is seen, recorded where it differs from its parent's.
        self.visibility: dict[Any, bool] = {}
        self.noscript_only: list[Any] = []  # images shown only when scripts are off
        self.outside: list[Any] = []  # the outermost chrome elements inside the article region
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.json_ld: list[Any] = []
        self._stack: list[_Frame] = [_Frame(None, "", SHOWN, True, False, False, False, False)]
        # The region and the elements around it are never chrome: a layout class on <body>
        # ("sidebar-primary", "has-sidebar") describes the page, not an element beside the article.
        self._region_line = frozenset([article_root, *article_root.iterancestors()])

    def run(self) -> None:
        """Walk the whole tree, then end the last block."""
        from lxml import etree

        walker = etree.iterwalk(self.root, events=("start", "end", "comment", "pi"))
        for event, element in walker:
            if event in ("comment", "pi"):
                self._add_tail(element)
            elif event == "start":
                if not self._enter(element):
                    walker.skip_subtree()
            else:
                self._leave(element)
        self.collector.flush()

    def _enter(self, element: Any) -> bool:
        """Open an element; False when its content is never shown (the walk skips it)."""
        parent = self._stack[-1]
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in SKIP_TAGS or not tag:
            _collect_head_data(element, tag, self.meta, self.canonical, self.json_ld)
            if tag in NOT_RENDERED_TAGS and parent.visible:
                self.visibility[element] = False
            self._stack.append(_Frame(element, tag, HIDDEN, parent.visible, parent.in_article, parent.heading, parent.noscript, parent.chrome, False, False))
            return False
        if tag in _BLOCK_TAGS:
            self.collector.flush()
        frame = self._frame_for(element, tag, parent)
        self._stack.append(frame)
        self._collect(element, frame)
        return True

    def _frame_for(self, element: Any, tag: str, parent: _Frame) -> _Frame:
        if parent.closed and (tag != "summary" or element.getparent().find("summary") is not element):
            rendering = HIDDEN
        else:
            rendering = render(element, tag, parent.rendering, self.style)
        text_shown = rendering.shows_text
        # Fast path: an element whose text shows is seen, unless it is an image (too small?).
        visible = True if text_shown and tag not in IMAGE_TAGS else is_seen(element, tag, rendering)
        if visible != parent.visible:
            self.visibility[element] = visible
        in_article = parent.in_article or element is self.article_root
        chrome = parent.chrome or (element not in self._region_line and is_chrome(element, tag))
        if in_article and chrome and not parent.chrome:
            self.outside.append(element)
        in_article = in_article and not chrome
        heading = parent.heading or tag in _HEADING_TAGS
        noscript = parent.noscript or tag == "noscript"
        closed = tag == "details" and element.get("open") is None
        shows_text = text_shown and not noscript and not closed
        return _Frame(element, tag, rendering, visible, in_article, heading, noscript, chrome, closed, shows_text)

    def _collect(self, element: Any, frame: _Frame) -> None:
        """Record what an opened element shows: an image, a link, a line break, byline markup, its text."""
        collector = self.collector
        shown = frame.shows_text
        if frame.tag in IMAGE_TAGS:
            if _add_image(collector, element, frame):
                self.noscript_only.append(element)
        elif frame.tag == "a" and element.get("href") is not None:
            collector.links.append(_link(element, frame, len(collector.items)))
        elif frame.tag == "br" and shown:
            collector.add_text("\n", element, in_article=frame.in_article, heading=frame.heading)
        if shown and is_byline_markup(element, frame.tag, inside=bool(collector.open_bylines)):
            mark = BylineMark(element, len(collector.items), frame.in_article, frame.chrome)
            collector.open_bylines.append(mark)
            collector.byline_marks.append(mark)
        if shown:
            collector.add_text(element.text, element, in_article=frame.in_article, heading=frame.heading)

    def _leave(self, element: Any) -> None:
        frame = self._stack.pop()
        # Skipped tags and block tags never overlap: a skipped element has no block to end.
        if frame.tag in _BLOCK_TAGS:
            self.collector.flush()
        open_bylines = self.collector.open_bylines
        if open_bylines and open_bylines[-1].element is element:
            open_bylines.pop()
        if element is not self.root:
            self._add_tail(element)

    def _add_tail(self, element: Any) -> None:
        """The text after an element (or a comment) belongs to its parent."""
        parent = self._stack[-1]
        if parent.shows_text:
            self.collector.add_text(element.tail, element.getparent(), in_article=parent.in_article, heading=parent.heading)


def _link(element: Any, frame: _Frame, index: int) -> Link:
    return Link(
        href=element.get("href", "").strip(),
        text=normalize_inline(text_of(element)),
        rel=tuple((element.get("rel") or "").lower().split()),
        line=element.sourceline or 1,
        visible=frame.rendering.shows_text and not frame.noscript,
        in_article=frame.in_article,
        index=index,
        element=element,
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


def _add_image(collector: _Collector, element: Any, frame: _Frame) -> bool:
    """Add an image item; True when it is a `<noscript>` image with no lazy-load placeholder
    before it (readers with scripts on never see it)."""
    sources = image_sources(element)
    alt = normalize_inline(element.get("alt") or "")
    previous = collector.items[-1] if collector.items else None
    # A <noscript> fallback repeats the lazy-loaded image just before it: one image, not two.
    if frame.noscript and isinstance(previous, Image) and (set(sources) & set(previous.sources) or (alt and alt == previous.alt) or not previous.sources):
        merged = tuple(dict.fromkeys(previous.sources + sources))
        collector.items[-1] = dataclasses.replace(previous, sources=merged, alt=previous.alt or alt, visible=previous.visible or frame.visible)
        return False
    collector.flush()
    # A <noscript> image (the fallback shown when scripts are off) is visible when its surroundings are.
    visible = frame.visible
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
    return frame.noscript
