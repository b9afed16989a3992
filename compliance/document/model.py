"""The parsed article as frozen value objects: `Document` and the blocks, images, links and bylines
it holds. Checks read only these; how they are built lives in `html` and `plaintext`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, cast

from compliance.document.byline_reading import BylineReading, initials_alone
from compliance.document.declared_language import declared_language
from compliance.document.elements import in_any, text_of, why_inert
from compliance.document.positions import SourceComment, SourcePositions, lines_by_lf, locate_comments, text_column, tree_comments
from compliance.findings import Location
from compliance.patterns import Selector
from compliance.text import normalize, normalize_characters, normalize_inline

if TYPE_CHECKING:
    from compliance.document.backgrounds import Background

DocumentKind = Literal["html", "text", "markdown"]


# XPath's white space (`normalize-space`), which parts the class names a class selector tests, as a
# space: Python's `split()` would part them at other white space too (a no-break space).
_XML_SPACES = str.maketrans("\t\n\r", "   ")


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


def block_position(blocks: Sequence[Block], index: int) -> int:
    """Where the first of `blocks` (in page order) at or after item `index` stands, from 0 to
    len(blocks): a page's images are items too, so a block's position among the blocks is not its
    index. The blocks after item N start at `block_position(blocks, N + 1)`."""
    return bisect.bisect_left(blocks, index, key=_block_index)


def _block_index(block: Block) -> int:
    return block.index


# The attributes whose words a reader may meet outside the page's text (`Document.attribute_text`).
_TEXT_ATTRIBUTES = ("alt", "title")
# Where a page's source opens a text box or a template (`Document.boxed_text`).
# A script's type whose content is markup a script renders into the page, not a program: an HTML
# template (`text/html`, Vue's `text/x-template`, Angular's `text/ng-template`, Handlebars',
# Mustache's, Underscore's, jQuery's `text/x-jquery-tmpl`…), as its MIME subtype names it. A JSON
# block is data and a consent manager's `text/plain` a program held back: neither is one.
_TEMPLATE_TYPE = r"[\w.+-]+/[\w.+-]*(?:html|templ|tmpl|handlebars|mustache|jsrender|underscore|ejs|hogan|kendo)[\w.+-]*"
_TEMPLATE_SCRIPT = re.compile(rf"\s*{_TEMPLATE_TYPE}\s*$", re.IGNORECASE)
_OPENS_A_BOX = re.compile(rf"<(?:textarea|template)\b|<script\b[^>]*\btype\s*=\s*[\"']?\s*{_TEMPLATE_TYPE}", re.IGNORECASE)
# The `<meta>` names (or properties) that describe the page to search engines (`description`) and
# to the sites it is shared on (Open Graph's, X's): words a reader meets outside the page.
_DESCRIPTION_META = ("description", "og:description", "twitter:description")
_DESCRIPTION_KEY = re.compile(r"^description[ \t]*:", re.MULTILINE | re.IGNORECASE)
_PIXELS_ATTRIBUTE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$", re.IGNORECASE)


def attribute_pixels(value: str | None) -> float | None:
    """A `width`/`height` attribute's pixels ("48", "48px", " 48.5 "); None when it is missing or
    not a number of pixels (a percentage, a word)."""
    if not value:
        return None
    match = _PIXELS_ATTRIBUTE.match(value)
    return float(match.group(1)) if match else None


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink (`<a href>`) and whether a reader can see it."""

    href: str
    # The text as given (plain text and Markdown), or None: read from `element` when first asked.
    _text: str | None = field(compare=False, repr=False)
    rel: tuple[str, ...]
    line: int
    visible: bool
    in_article: bool
    index: int
    element: Any = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The link's text, normalised as one line (read from the page on first use: most links
        are never asked for their text)."""
        text = self._text
        if text is None:
            text = normalize_inline(text_of(self.element)) if self.element is not None else ""
            object.__setattr__(self, "_text", text)
        return text


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """A Markdown link a CommonMark renderer shows as its text, `[label](address)`, because its
    address holds characters a link destination cannot (CommonMark 0.31, 6.3: no ASCII control
    character or space, outside `<…>`): `href` is the address with them taken out, `characters`
    those found (as written, in order, once each), `line` the source line of its `[`."""

    text: str
    href: str
    line: int
    characters: str


# A page's walk makes a few hundred blocks and links. A frozen dataclass's `__init__` sets each
# field with `object.__setattr__` (its own `__setattr__` refuses), about five times what a plain
# attribute store costs; a Block or Link cost four times a tuple of the same values. The walk
# builds them as an unfrozen twin holding the same slots instead, and turns that into the frozen
# class by one `__class__` assignment (allowed between classes of the same layout): the object
# is then a Block or Link like any other, as frozen, equal and hashable.


class _BlockFields:
    __slots__ = Block.__slots__

    def __init__(self, index: int, text: str, line: int, in_article: bool, heading: bool, element: Any) -> None:
        self.index, self.text, self.line, self.in_article, self.heading, self.element = index, text, line, in_article, heading, element


class _LinkFields:
    __slots__ = Link.__slots__

    def __init__(self, href: str, text: str | None, rel: tuple[str, ...], line: int, visible: bool, in_article: bool, index: int, element: Any) -> None:
        self.href, self._text, self.rel, self.line, self.visible, self.in_article, self.index, self.element = (
            href,
            text,
            rel,
            line,
            visible,
            in_article,
            index,
            element,
        )


def new_block(index: int, text: str, line: int, in_article: bool, heading: bool, element: Any) -> Block:
    """`Block(index, text, line, in_article, heading, element)`, built at a third of the cost (see `_BlockFields`)."""
    made = _BlockFields(index, text, line, in_article, heading, element)
    object.__setattr__(made, "__class__", Block)
    return cast(Block, made)


def new_link(href: str, text: str | None, rel: tuple[str, ...], line: int, visible: bool, in_article: bool, index: int, element: Any) -> Link:
    """`Link(href, text, rel, line, visible, in_article, index, element)`, built at a third of the cost (see `_BlockFields`)."""
    made = _LinkFields(href, text, rel, line, visible, in_article, index, element)
    object.__setattr__(made, "__class__", Link)
    return cast(Link, made)


@dataclass(frozen=True, slots=True)
class Byline:
    """A visible byline found in the article, read into names and credit."""

    text: str
    reading: BylineReading
    index: int
    line: int
    # Where it was read: byline markup, a "By …" line, a Markdown or text article's front matter
    # `author`/`authors`, or the article's `byline` metadata (a CMS payload's field): what a CMS
    # theme prints as the byline above the story (see `plaintext`, `with_metadata_byline`).
    source: Literal["markup", "text", "front matter", "metadata"]
    element: Any = field(default=None, compare=False, repr=False)
    # A byline from metadata as its value gives it, its control characters kept where `text`
    # (read as the page's text is, without them) leaves them out; "" when the two are the same.
    # Messages quote this (`shown`), for the output sanitiser to show each control (`\x1b`).
    written: str = field(default="", compare=False, repr=False)

    @property
    def shown(self) -> str:
        """The byline as a message quotes it: as written (`written`), else its text."""
        return self.written or self.text

    @property
    def names(self) -> tuple[str, ...]:
        """The people credited."""
        return self.reading.names

    @property
    def initials_alone(self) -> str | None:
        """The person's initials the byline gives alone where the reporter's name belongs ("J. S."
        in "By J. S., Daily Caller News Foundation", which the reader reads as crediting no person,
        as an outlet); None for any other byline ("By AP", "By J. Smith")."""
        return initials_alone(self.reading.credit) if self.reading.problem == "outlet" else None

    @property
    def in_body(self) -> bool:
        """Whether the byline is written in the article's body (not printed by a theme from the
        front matter or the article's metadata, outside the body's blocks)."""
        return self.source in ("markup", "text")


def own_pages_of(canonical: Iterable[str], meta: Mapping[str, Iterable[str]], base_url: str | None) -> tuple[str, ...]:
    """The page's own addresses, as a link to the page itself may give them, in the order an
    original story's are named (`checks.base.Context.original_addresses`): its canonical URLs, then
    its `og:url`, then the address it was read from (`base_url`, when known). Each as the page gives
    it (resolved as links are: `html.page_base`), http(s) or not; a caller that wants addresses to
    follow keeps the http(s) ones. The one reading of a page's own address: `check`, the link back,
    a later page's and a refresh's tests and the audit's stories all ask it. Pure."""
    return (*canonical, *meta.get("og:url", ()), *((base_url,) if base_url else ()))


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
    # `<meta>` contents by lower-cased name or property; the URL-valued ones (`og:url`,
    # `syndication-source`, `original-source`) resolved as links are (`html.page_base`).
    meta: Mapping[str, tuple[str, ...]]
    json_ld: tuple[Any, ...]
    # The page head's `<link rel="canonical">` addresses; a Markdown or text article's, its front
    # matter's `canonical_url` (or a theme's other spelling: `plaintext.front_matter_canonical`).
    canonical: tuple[str, ...]
    article_line: int
    headline: Block | None
    truncated: str | None = None
    # The line of the first element nested deeper than a browser nests (512), read as if at that
    # depth (see `nesting.flatten_deep_nesting`): the text in it is placed at its ancestor at
    # depth 512. None on every other page.
    deep_from: int | None = None
    item_offsets: tuple[int, ...] = ()
    front_matter: Mapping[str, str] = field(default_factory=dict)
    # What an HTML page's relative URLs resolve against (`html.page_base`: its `<base href>`, else
    # its own address when that is known); None when neither gives an http(s) URL.
    base_url: str | None = None
    front_matter_error: str | None = None
    # A Markdown article's scripts in its raw HTML that run (a tracking pixel's `<script src>`), as
    # (the `src` as written, line); an HTML page's are elements of its tree.
    scripts: tuple[tuple[str, int], ...] = ()
    # A Markdown article's links a renderer shows as text (see `BrokenLink`), in source order.
    broken_links: tuple[BrokenLink, ...] = ()
    # The publishers' names of the packs that apply, when the page spells one with ASCII
    # look-alikes ("Daily CaIler", "F0undation"): what reads an attribute or a link's text from
    # the tree (`lookalike.as_read`) reads those spellings as the names, as the text blocks,
    # alt texts and bylines here already are (`lookalike.see_through_document`). () otherwise.
    spelt_names: tuple[str, ...] = ()
    # Where the headline was read: the page, or the article's `headline` metadata (a CMS payload's
    # `headline` or `title` field), which a CMS theme prints above a body that shows none of its
    # own (`with_metadata_headline`): no block of the page, its index -1, before every item.
    headline_source: Literal["page", "metadata"] = "page"
    root: Any = field(default=None, compare=False, repr=False)
    article_root: Any = field(default=None, compare=False, repr=False)
    # The story's head where it lies before the article root and outside it (the headline and
    # what follows it up to the root: see `region.find_story_head`): the outermost elements.
    article_head: frozenset[Any] = field(default=frozenset(), compare=False, repr=False)
    _positions: SourcePositions | None = field(default=None, compare=False, repr=False)
    # The comments of a text or Markdown article, read by its parse; an HTML page's are read from
    # its tree when first asked (see `comments`).
    _comments: tuple[SourceComment, ...] | None = field(default=None, compare=False, repr=False)
    # Whether an element is seen, recorded where it differs from its parent's (see `is_visible`).
    _visibility: Mapping[Any, bool] = field(default_factory=dict, compare=False, repr=False)
    # The elements not seen, or whose text is not read, for their size (`visibility.too_small`).
    _too_small: frozenset[Any] = field(default=frozenset(), compare=False, repr=False)
    # Whether an element lays out a block of text, where the page's CSS makes it differ from its
    # tag's (`<span style="display:block">`, `<div style="display:inline">`).
    _block_display: Mapping[Any, bool] = field(default_factory=dict, compare=False, repr=False)
    _noscript_only: frozenset[Any] = field(default=frozenset(), compare=False, repr=False)
    # Whether the page hides some text from readers (else `unseen_text` has nothing to look for).
    _hides_text: bool = field(default=True, compare=False, repr=False)
    # A text or Markdown article's `unseen_text`, read by its parse (Markdown's raw HTML hides
    # text); an HTML page's is read from its tree when first asked.
    _unseen: tuple[tuple[int, str, bool], ...] = field(default=(), compare=False, repr=False)
    _outside: frozenset[Any] = field(default=frozenset(), compare=False, repr=False)
    # HTML rendered from Markdown: whether the text right after each comment (by its text) shows.
    _shown_after_comment: Mapping[str, bool] = field(default_factory=dict, compare=False, repr=False)
    # An HTML page: the links whose text shows some character (as the walk read what shows); None
    # when a link's text is all it shows (plain text, Markdown).
    _links_with_text: frozenset[Any] | None = field(default=None, compare=False, repr=False)
    # An HTML page: each link under `pointer-events: none`, with the element that sets it (see
    # `ignores_pointer`).
    _ignoring_pointer: Mapping[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    # An HTML page: what its layout hides elements with (`visibility.what_lays_out`): the cover
    # painted over each element one hides, and the boxes that cut off their one line.
    _painted_by: Mapping[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    _line_clippers: frozenset[Any] = field(default=frozenset(), compare=False, repr=False)
    # An HTML page: whether a visually-hidden helper class (`sr-only`) hides as its name says, which
    # the page's CSS decides when every stylesheet is read (`visibility.PageStyle`).
    _helper_classes_hide: bool = field(default=True, compare=False, repr=False)
    # Derived values computed on first use (the article's anchor, joined scope texts); the
    # document stays immutable to its readers.
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def own_addresses(self) -> tuple[str, ...]:
        """The addresses the page gives as its own (`own_pages_of` without the address it was read
        from): its canonical URLs, then its `og:url`, each as resolved, http(s) or not. A page whose
        canonical link and `og:url` disagree is known by both; its canonical URL is named first."""
        return own_pages_of(self.canonical, self.meta, None)

    @property
    def language(self) -> str:
        """The language tag the article declares ("es", "ru", "en-GB", as written), "" when it
        declares none: its element's or nearest ancestor's `lang`/`xml:lang`, the page's
        `content-language` meta, a Markdown or text article's front matter `lang`/`language` (see
        `declared_language`). Worked out once per document."""
        cached: str | None = self._memo.get("language")
        if cached is None:
            cached = self._memo["language"] = declared_language(self.root, self.article_root, self.front_matter)
        return cached

    @property
    def page_headline(self) -> Block | None:
        """The headline as a block of the page (what an edit goes beside), None when the page
        shows none of its own (its headline, if any, is printed from the article's metadata)."""
        return self.headline if self.headline_source == "page" else None

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

    @property
    def comments(self) -> tuple[SourceComment, ...]:
        """The comments of the article as its parser read them, in source order: an HTML page's
        comment nodes (not `<!--` in an attribute, a `<script>`, `<textarea>` or other raw text),
        a Markdown article's raw-HTML comments (not in code), a text article's comment lines."""
        if self._comments is not None:
            return self._comments
        cached: tuple[SourceComment, ...] | None = self._memo.get("comments")
        if cached is None:
            cached = ()
            if self.root is not None:
                cached = locate_comments(self.lines_source, tree_comments(self.root))
            self._memo["comments"] = cached
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

    def select(self, selector: Callable[[Any], Sequence[Any]]) -> tuple[Any, ...]:
        """The elements a CSS selector matches in the page, in document order.

        Run once per document and selector: several checks of several packs ask for the same
        selector (`img, amp-img`), and each run is a pass over the whole tree. `selector` is a
        hashable callable taking the root (`compliance.patterns.Selector`).
        """
        key = ("select", selector)
        cached: tuple[Any, ...] | None = self._memo.get(key)
        if cached is None:
            # A member of a selector list naming a tag or class the page lacks matches nothing,
            # and is spared its pass over the tree (`Selector.narrowed`).
            narrowed = selector.narrowed(self.has_name) if isinstance(selector, Selector) and self.root is not None else selector
            cached = tuple(narrowed(self.root)) if narrowed is not None and self.root is not None else ()
            self._memo[key] = cached
        return cached

    def has_name(self, name: str) -> bool:
        """Whether an element of the page has the tag (`"tag:figure"`) or the class
        (`"class:credit"`, as a class selector reads it: case-sensitive, parted by the white space
        of XPath's `normalize-space`) that `name` gives; any other name is taken as present."""
        kind, _, value = name.partition(":")
        if kind == "class":
            classes: frozenset[str] | None = self._memo.get("class-names")
            if classes is None:
                values = self.root.xpath("//@class") if self.root is not None else []
                classes = frozenset(" ".join(values).translate(_XML_SPACES).split(" "))
                self._memo["class-names"] = classes
            return value in classes
        if kind == "tag":
            key = ("has-tag", value)
            found: bool | None = self._memo.get(key)
            if found is None:
                found = self.root is not None and next(self.root.iter(value), None) is not None
                self._memo[key] = found
            return found
        return True

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

    @property
    def source_utf8(self) -> bytes:
        """`source` in UTF-8 (a lone surrogate as "surrogatepass" writes it), for searches of the
        whole source that bytes make several times cheaper than text with characters outside
        ASCII (`bytes.lower`, `bytes.translate`). Made once per document; the parse of a UTF-8
        page gives the page's own bytes."""
        cached = self._memo.get("source_utf8")
        if cached is None:
            cached = self._memo["source_utf8"] = self.source.encode("utf-8", "surrogatepass")
        return bytes(cached)

    @property
    def lines_source(self) -> str:
        """`source` for line and column arithmetic: the same length, with lone carriage returns
        as line feeds (`positions.lines_by_lf`), so that lines counted by "\n" are the lines
        reports show. `source` itself stays as written: `fix` edits it."""
        cached = self._memo.get("lines_source")
        if cached is None:
            cached = self._memo["lines_source"] = lines_by_lf(self.source)
        return str(cached)

    def locate(self, item: Item | Link | Byline) -> Location:
        """Line and column of an item; the column is computed from the source only when asked."""
        if self._positions is None or item.element is None:
            return Location(item.line, text_column(self.lines_source, item.line))
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
        return Location(line, text_column(self.lines_source, line))

    def is_visible(self, element: Any) -> bool:
        """True when a reader sees the element: neither it nor an ancestor is hidden by markup or
        the page's CSS, and an image is 6px or larger (see `document.visibility`)."""
        node = element
        while node is not None:
            seen = self._visibility.get(node)
            if seen is not None:
                return seen
            node = node.getparent()
        return True

    def why_unseen(self, element: Any) -> str:
        """Why a reader does not see the element (or read its text), in words that follow its line
        ("line 12 is hidden"): "is too small to be seen" for an image, "is too small to read" for
        text, when it or the nearest ancestor the walk found unseen is so for its size
        (`visibility.too_small`: under 6px), else "is hidden"."""
        node = element
        while node is not None:
            if node in self._too_small:
                tag = node.tag.lower() if isinstance(node.tag, str) else ""
                return "is too small to read" if tag not in _PICTURE_TAGS else "is too small to be seen"
            if self._visibility.get(node) is False:
                break
            node = node.getparent()
        return "is hidden"

    def shows_text_after_comment(self, comment: str) -> bool:
        """(HTML rendered from Markdown) True when the text right after the comment `<!--comment-->`
        shows, as the walk read it (hidden markup, the page's CSS, `<noscript>`, a closed
        `<details>`); False for a comment the walk never reached (inside `<script>`, `<textarea>`…)."""
        return self._shown_after_comment.get(comment, False)

    def has_something_to_click(self, link: Link) -> bool:
        """True when a reader has something to see and click in the link: a character that shows
        (not only white space, zero-width, bidirectional or other format characters, or blank
        fillers such as U+3164), or a visible image, SVG, video or frame inside it. An `<a>` with
        none of these takes up no room on the screen, whatever its `href`. On an HTML page only the
        text that shows counts: a link whose words the page's CSS or markup hides has nothing to
        click, as its images have nothing when they are hidden."""
        element = link.element
        shown_text = has_visible_characters(link.text) if element is None or self._links_with_text is None else element in self._links_with_text
        if shown_text:
            return True
        if element is None:
            return False
        return any(self.is_visible(inner) for inner in element.iter(*_CLICKABLE_EMBEDS) if inner is not element)

    def shown_only_without_scripts(self, element: Any) -> bool:
        """True for an image that is only in `<noscript>`, with neither a lazy-load placeholder nor
        an image readers see outside it: readers with JavaScript on never see it."""
        return element in self._noscript_only

    def ignores_pointer(self, element: Any) -> Any | None:
        """The element whose `pointer-events: none` (a `<style>` rule's or a `style` attribute's)
        is in force on a link's `element`: the link itself or an element around it, which makes
        it ignore readers' clicks and taps (`pointer_events`); None when a reader can click it,
        and on a page other than HTML."""
        return self._ignoring_pointer.get(element)

    def why_inert(self, element: Any) -> str | None:
        """Why the element can never run or load (a `<script>` of a type browsers do not run, or
        inside `<noscript>`; anything inside a `<template>`; a script or image the page's own
        Content-Security-Policy `<meta>` forbids, a lazy image with no box: `fetches`), in
        words; None when it can."""
        reason = why_inert(element)
        if reason is None and self.root is not None:
            from compliance.document.fetches import why_never_fetched

            reason = why_never_fetched(self.root, element, self._memo)
        return reason

    def painting_backgrounds(self, wanted: Callable[[str], bool], key: str) -> tuple[Any, ...]:
        """The elements of an HTML page on which its CSS (a `<style>` rule a browser applies, a
        `style` attribute) declares a background whose picture's address (as the CSS writes it)
        `wanted` accepts, whether or not that declaration wins the cascade; in document order.
        Read once per document for each `key` (the test's own: a pattern's text), and only on a
        page whose CSS names such an address (`backgrounds.declaring_backgrounds`)."""
        if self.root is None:
            return ()
        known: dict[str, tuple[Any, ...]] = self._memo.setdefault("painting-backgrounds", {})
        found = known.get(key)
        if found is None:
            from compliance.document.backgrounds import declaring_backgrounds
            from compliance.document.visibility import applied_sheets

            found = known[key] = declaring_backgrounds(self.root, self._background_style, applied_sheets(self.root), wanted)
        return found

    def background(self, element: Any) -> Background:
        """What the element's box paints as its background picture, as the cascade and its size
        have it (`backgrounds.Background`): asked of the elements `painting_backgrounds` gives."""
        from compliance.document.backgrounds import NO_BACKGROUND, backgrounds

        if self.root is None:
            return NO_BACKGROUND
        memo: dict[Any, Background] = self._memo.setdefault("backgrounds", {})
        return memo.get(element) or backgrounds([element], self._background_style, memo)[0]

    def shows_box(self, element: Any) -> bool:
        """True when a reader sees the element's box (and a background it paints): it is visible
        (`is_visible`), or the element around it is and what hides it is all about its text
        (`visibility.hides_only_its_text`: image replacement's `text-indent: -9999px`)."""
        if self.is_visible(element):
            return True
        parent = element.getparent()
        if self.root is None or parent is None or not self.is_visible(parent):
            return False
        from compliance.document.visibility import hides_only_its_text

        return hides_only_its_text(element)

    @property
    def _background_style(self) -> Any:
        """The page's style as `backgrounds` reads it (the cascade matched on demand), made once."""
        style = self._memo.get("background-style")
        if style is None:
            from compliance.document.visibility import PageStyle

            style = self._memo["background-style"] = PageStyle({})
        return style

    def in_article(self, element: Any) -> bool:
        """True when the element sits in the article region (not the page chrome around it)."""
        if self.article_root is None:
            return True
        node = element
        inside = False
        while node is not None:
            if node in self._outside:
                return False
            if node is self.article_root or node in self.article_head:
                inside = True
            node = node.getparent()
        return inside

    def in_lead_picture(self, element: Any) -> bool:
        """True when the element (an lxml element of this page) is or sits in the story's lead
        picture where the theme puts it before the story, outside the article region (a featured
        image above the headline or the article: see `region.find_lead_picture`). Found when first
        asked, once per page."""
        if self.root is None or element is None:
            return False
        if "lead_picture" not in self._memo:
            from compliance.document.region import find_lead_picture

            self._memo["lead_picture"] = find_lead_picture(self.root, self.article_root, self.article_head)
        picture = self._memo["lead_picture"]
        return picture is not None and (element is picture or any(node is picture for node in element.iterancestors()))

    def chrome_in_article(self, element: Any) -> Any | None:
        """The outermost element of page chrome inside the article region (a `<div
        class="newsletter">`, a share bar, an `<aside>`: `region.is_chrome`) that holds the element
        (an lxml element of this page) or is it; None when no chrome inside the article holds it
        (it is in the article's text, or outside the article)."""
        if not self._outside or element is None:
            return None
        return next((node for node in (element, *element.iterancestors()) if node in self._outside), None)

    def in_article_box(self, element: Any) -> bool:
        """True when the element (an lxml element of this page) sits in a box the article sets in
        the story's flow (`region.is_article_box`: an `<aside>` or `role=complementary` element
        inside the article region that only its tag or role makes chrome), with no other chrome
        between them but another such box (a share bar in the box) and nothing set apart around it (a dialog, a
        republish box, a teaser: see `in_story`). The box's text is not the story's text
        (`in_article` is False there); a publisher's credit in it is in the article, where a
        reader sees it (see `credit_in_article`)."""
        boxes = self._article_boxes()
        if not boxes or element is None:
            return False
        known: dict[Any, bool] = self._memo.setdefault("in_article_box", {})
        answer = known.get(element)
        if answer is None:
            answer = known[element] = self._box_around(element, boxes)
        return answer

    def _box_around(self, element: Any, boxes: frozenset[Any]) -> bool:
        """`in_article_box` worked out: the walk up from the element to the article's root."""
        from compliance.document.region import is_article_box, is_chrome

        node = element
        while node is not None and node is not self.article_root:
            if node in boxes:
                return not self._set_apart(element)
            # Chrome inside the box keeps what it holds out (a share bar); a box inside the box does not.
            if node in self._outside or (isinstance(node.tag, str) and is_chrome(node, node.tag.lower()) and not is_article_box(node)):
                return False
            node = node.getparent()
        return False

    def _article_boxes(self) -> frozenset[Any]:
        """The boxes in the story's flow among the chrome the walk found inside the article."""
        boxes: frozenset[Any] | None = self._memo.get("article_boxes")
        if boxes is None:
            from compliance.document.region import is_article_box

            boxes = self._memo["article_boxes"] = frozenset(node for node in self._outside if is_article_box(node))
        return boxes

    def credit_in_article(self, element: Any) -> bool:
        """True when a publisher's credit at the element (a logo, a credit line, a link back, a
        byline) is in the article: in the article region (`in_article`) or in a box it sets in
        the story's flow (`in_article_box`). A credit in the page's sidebar, outside the article,
        is not."""
        return self.in_article(element) or self.in_article_box(element)

    def item_credit_in_article(self, item: Block | Image | Link) -> bool:
        """`credit_in_article` of an item of the article (a block, an image or a link): its
        `in_article`, or, for an item read from markup, whether its element is in a box the
        article sets in the story's flow."""
        return item.in_article or (item.element is not None and self.in_article_box(item.element))

    def in_republish_box(self, element: Any) -> bool:
        """True when the element (an lxml element of this page) or an ancestor is the publisher's
        own "Republish this story" box or modal (see `region.is_republish_box`; an element the
        page's CSS hides counts as hidden until a click): the HTML offered to other sites, not the
        page's own credit or pixel. An element that holds the article's root is not such a box."""
        from compliance.document.region import is_republish_box

        return self._in_any("in_republish_box", element, lambda node: not self._holds_story(node) and is_republish_box(node, hidden=not self.is_visible(node)))

    def in_story(self, element: Any) -> bool:
        """True when the element sits in the story itself: in the article region (`in_article`) or
        in a box of its article (`in_article_box`: a credit hidden there is hidden in the story),
        and neither it nor an ancestor below the article's root is a dialog, a republish box, a
        teaser or a promotion (see `region.is_set_apart`)."""
        return (self.in_article(element) or self.in_article_box(element)) and not self._set_apart(element)

    def _set_apart(self, element: Any) -> bool:
        """Whether the element or an ancestor that does not hold the story is set apart from it
        (`region.is_set_apart`: a dialog, a republish box, a teaser or a promotion)."""
        from compliance.document.region import is_set_apart

        return self._in_any("set_apart", element, lambda node: not self._holds_story(node) and is_set_apart(node, hidden=not self.is_visible(node)))

    def _holds_story(self, node: Any) -> bool:
        """Whether the element holds the story: the article region's root or an element around
        it, or one around the article's byline (an element the byline reader read). A partner's
        wrapper around its copy (`<div class="republish">` with a "Republish this story" button
        in it) is the story's container, never a box or a teaser set apart from the story; the
        publisher's own box offers the story as HTML to copy, not as its byline element."""
        holders: frozenset[Any] | None = self._memo.get("story_holders")
        if holders is None:
            around = [self.article_root, *(byline.element for byline in self.bylines if byline.element is not None)]
            holders = frozenset(node for start in around if start is not None for node in (start, *start.iterancestors()))
            self._memo["story_holders"] = holders
        return node in holders

    def _in_any(self, key: str, element: Any, test: Callable[[Any], bool]) -> bool:
        """Whether `test` holds for the element or an ancestor (`elements.in_any`), each element's
        answer kept in the document's memo under `key`."""
        known: dict[Any, bool] = self._memo.setdefault(("in_any", key), {})
        return in_any(element, test, known)

    def unseen_text(self) -> tuple[tuple[int, str, bool], ...]:
        """The page's blocks of text that no reader sees, as (line, text, in the story): each
        block of the markup (see `html.text_blocks_whatever_shows`) whose text is not part of the
        visible text, and whether it sits in the story itself (`in_story`). Worked out on first
        use, by the checks that found nothing visible and say where a hidden copy is, and by
        detection when no pack applies on what readers see; for a Markdown article, what its raw
        HTML hides (read by its parse); empty for a plain-text article."""
        if self.root is None:
            return self._unseen
        cached: tuple[tuple[int, str, bool], ...] | None = self._memo.get("unseen_text")
        if cached is None:
            cached = ()
            if self.root is not None and self._hides_text:
                from compliance.document.html import text_blocks_whatever_shows

                # Compared without white space: the markup's blocks are read with a space
                # between the runs of text inline elements part ("CalMatters ." for
                # `<a>CalMatters</a>.`) and a line break as a space, which the visible text has
                # not: the same words are the same block.
                # A block read as the visible one was (most of them) is that block, unread.
                shown = {block.text for block in self.blocks}
                keys = ["".join(block.text.split()) for block in self.blocks]
                blocks, seen = set(keys), "\n".join(keys)
                unseen = [
                    (element, text)
                    for element, text in text_blocks_whatever_shows(self.root, self._block_display)
                    if text not in shown and (key := "".join(text.split())) not in blocks and key not in seen
                ]
                cached = tuple((element.sourceline or 1, text, self.in_story(element)) for element, text in unseen)
                self._memo["unseen_elements"] = tuple(element for element, _ in unseen)
            self._memo["unseen_text"] = cached
        return cached

    def unseen_element(self, position: int) -> Any:
        """The element of the `position`-th block of `unseen_text`; None for a document without
        markup (or a Markdown article's, whose blocks its parse read)."""
        self.unseen_text()
        elements: tuple[Any, ...] = self._memo.get("unseen_elements", ())
        return elements[position] if 0 <= position < len(elements) else None

    def unseen_holder(self, position: int, holds: Callable[[str], bool]) -> Any:
        """The element that keeps from readers the text `holds` is true of, in the `position`-th
        block of `unseen_text`: the block's own element when a reader does not see it, else the
        first element inside it (in document order: the outermost) that a reader does not see and
        whose normalised text `holds` is true of (a `<span class="sr-only">` in a paragraph that
        shows); the block's element when none is; None for a document without markup."""
        element = self.unseen_element(position)
        if element is None or not self.is_visible(element):
            return element
        for node in element.iterdescendants():
            if isinstance(node.tag, str) and not self.is_visible(node) and holds(normalize(" ".join(node.itertext()))):
                return node
        return element

    def why_block_unseen(self, index: int) -> str:
        """`why_unseen` for the `index`th block of `unseen_text` ("is hidden" where its element is
        not known: a text or Markdown article's)."""
        element = self.unseen_element(index)
        return self.why_unseen(element) if element is not None else "is hidden"

    def what_hides(self, element: Any) -> str:
        """What the page's markup or CSS declares that takes `element` (one a reader does not see)
        off the screen, in words for an editor ("the page's CSS sets `opacity: 0` on the
        `<div class="wrap">` around it at line 4"), or else the layout hides it with (a cover
        painted over it, a box that cuts off its line: `visibility.what_lays_out`), before a
        colour, fading or size its declarations may hide it with; empty when neither tells (see
        `visibility.what_hides`), or for a document without markup."""
        if self.root is None or element is None:
            return ""
        from compliance.document.visibility import what_blanks, what_hides, what_lays_out

        declared = what_hides(element, guessing=False, helper_classes=self._helper_classes_hide) or what_blanks(element)
        if declared:
            return declared
        if self._painted_by or self._line_clippers:
            laid_out = what_lays_out(element, self._painted_by, self._line_clippers)
            if laid_out:
                return laid_out
        return what_hides(element, helper_classes=self._helper_classes_hide)

    def what_cuts_off(self, element: Any) -> str:
        """The box that cuts the element's one line short at its width, in words for an editor
        ("the `<span class="byline">` at line 6 cuts off the words that run past its width"): the
        element, one inside it or one around it (see `visibility.what_lays_out`); empty when none
        does, or for a document without markup."""
        if self.root is None or element is None or not self._line_clippers:
            return ""
        from compliance.document.visibility import what_lays_out

        return what_lays_out(element, {}, self._line_clippers)

    def boxed_text(self) -> tuple[tuple[int, str, bool], ...]:
        """The text a page keeps in a form's text box (`<textarea>`) or a `<template>`, as (line,
        normalised text, shown): shown when a reader sees it, which a textarea is unless it or an
        ancestor is hidden (`is_visible`), and the walk then reads its text as a block of the page
        too; a template's content is never rendered (HTML 4.12.3), as a hidden element's is not. One entry per textarea, one per block of a template. Read
        on first use, by a check that looks for a notice that binds the story shown or hidden (an
        embargo's); empty for a page that opens neither element or a document without markup."""
        cached: tuple[tuple[int, str, bool], ...] | None = self._memo.get("boxed_text")
        if cached is None:
            cached = ()
            if self.root is not None and _OPENS_A_BOX.search(self.source):
                cached = tuple(self._boxed_text())
            self._memo["boxed_text"] = cached
        return cached

    def _boxed_text(self) -> list[tuple[int, str, bool]]:
        from compliance.document.html import text_blocks_whatever_shows

        found: list[tuple[int, str, bool]] = []
        for element in self.root.iter("textarea", "template", "script"):
            if element.tag == "script":
                found.extend(self._script_template_text(element))
                continue
            if element.tag == "textarea":
                text = normalize(element.text or "")
                if text:
                    found.append((element.sourceline or 1, text, self.is_visible(element)))
                continue
            if text := normalize(element.text or ""):
                found.append((element.sourceline or 1, text, False))
            for child in element:
                if isinstance(child.tag, str):
                    blocks = text_blocks_whatever_shows(child, self._block_display)
                    found.extend((owner.sourceline or element.sourceline or 1, text, False) for owner, text in blocks)
        return found

    def _script_template_text(self, script: Any) -> list[tuple[int, str, bool]]:
        """The blocks of text of a script that holds a template (`_TEMPLATE_SCRIPT`), its content
        read as the HTML it is, at their lines in the page; never shown (a script element is not
        rendered), as a `<template>`'s are not."""
        from lxml import etree
        from lxml.html import fragment_fromstring

        from compliance.document.html import text_blocks_whatever_shows

        content = script.text or ""
        if not content.strip() or not _TEMPLATE_SCRIPT.match(script.get("type") or "") or why_inert(script) is None:
            return []
        try:
            holder = fragment_fromstring(content, create_parent="div")
        except (etree.ParserError, ValueError):
            return []
        first = script.sourceline or 1
        return [(first + (owner.sourceline or 1) - 1, text, False) for owner, text in text_blocks_whatever_shows(holder, {})]

    def page_descriptions(self) -> tuple[tuple[int, str, str], ...]:
        """The words that describe the page outside it, as (line, where, normalised text): its
        `<meta>` description, Open Graph's and X's (`where` is the tag: `<meta name="description">`),
        which search results and shared links show, and a Markdown or text article's front matter
        `description`, which a CMS theme writes into that tag. No text of the story for any
        check; read on first use, by a check that looks for a notice the page publishes wherever
        it is (an embargo's)."""
        cached: tuple[tuple[int, str, str], ...] | None = self._memo.get("page_descriptions")
        if cached is None:
            found: list[tuple[int, str, str]] = []
            if self.root is None:
                from compliance.metavalues import given_value

                key = _DESCRIPTION_KEY.search(self.source)
                if key is not None and (text := normalize(given_value(self.front_matter, "description"))):
                    found.append((self.source.count("\n", 0, key.start()) + 1, "front matter description", text))
            for element in self.root.iter("meta") if self.root is not None else ():
                attribute = "name" if element.get("name") is not None else "property"
                name = (element.get(attribute) or "").strip().lower()
                if name in _DESCRIPTION_META and (text := normalize(element.get("content") or "")):
                    found.append((element.sourceline or 1, f'<meta {attribute}="{name}">', text))
            cached = self._memo["page_descriptions"] = tuple(found)
        return cached

    def attribute_text(self) -> tuple[tuple[int, str, str], ...]:
        """The words a page's markup keeps in its elements' `alt` (an image's text alternative)
        and `title` (a tooltip) attributes, as (line, attribute name, normalised text), in
        document order; no text of the story for any check. Read on first use, by a check that
        looks for a notice the source carries outside the story's text (an embargo's); for a
        Markdown article, its images' alt text."""
        cached: tuple[tuple[int, str, str], ...] | None = self._memo.get("attribute_text")
        if cached is None:
            found = [(image.line, "alt", text) for image in self.images if self.root is None and (text := normalize(image.alt))]
            for element in self.root.iter() if self.root is not None else ():
                if not isinstance(element.tag, str):
                    continue
                for name in _TEXT_ATTRIBUTES:
                    if text := normalize(element.get(name) or ""):
                        found.append((element.sourceline or 1, name, text))
            cached = self._memo["attribute_text"] = tuple(found)
        return cached

    def all_text(self) -> str:
        """The runs of text every block of the page's markup is made of, shown or hidden, one a
        line, characters normalised (`html.text_runs_whatever_shows`, `text.normalize_characters`):
        a word without white space of any block of `unseen_text` is in it. Read once per
        document, when a check asks whether a pattern can be anywhere in the page before it looks
        for a hidden copy, which costs a walk of the page; "" for a document without markup."""
        cached: str | None = self._memo.get("all_text")
        if cached is None:
            cached = ""
            if self.root is not None:
                from compliance.document.html import text_runs_whatever_shows

                cached = normalize_characters(text_runs_whatever_shows(self.root))
            self._memo["all_text"] = cached
        return cached

    def item_at(self, index: int) -> Item:
        """The item with this document-order index."""
        return self.items[index]


# Elements that show something a reader can click inside a link, without any text.
# The elements that draw a picture, which `why_unseen` says are too small to be seen (not to read).
_PICTURE_TAGS = frozenset({"img", "amp-img", "amp-anim", "input"})
_CLICKABLE_EMBEDS = ("img", "amp-img", "amp-anim", "svg", "picture", "video", "canvas", "iframe", "object", "embed", "input", "button")
# Characters that take a place but show nothing: the Hangul fillers and the blank Braille pattern.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_visible_characters(text: str) -> bool:
    """True when `text` has a character that shows: not white space, a control or format character
    (zero-width spaces and joiners, bidirectional marks, the soft hyphen) or a blank filler."""
    stripped = text.strip()
    if stripped.isascii():
        # Printable ASCII after the white space is stripped: its first character shows.
        return bool(stripped) and (stripped.isprintable() or any(" " < char < "\x7f" for char in stripped))
    import unicodedata

    return any(not char.isspace() and char not in _BLANK_LETTERS and unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn") for char in text)


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
