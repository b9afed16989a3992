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
import re
from collections.abc import Callable, Mapping, Sequence, Set
from typing import TYPE_CHECKING, Any, Final

from compliance.decoding import Decoded, as_decoded
from compliance.document import bidi_override, colour_scheme, nesting, pointer_events
from compliance.document.bylines import (
    COMPONENT_NAME_ATTRIBUTES,
    BylineMark,
    byline_by_component_name,
    credited_in_metadata,
    find_bylines,
    is_byline_markup,
    outlet_names,
)
from compliance.document.clipping import (
    ATOMIC_INLINE_DISPLAYS,
    flow_in_line_box,
    holds_lines_of_box,
    laid_out_as_block,
    shown_height_px,
    table_part,
    top_space_px,
)
from compliance.document.crowded_tags import MAX_ATTRIBUTES, crowded_tag
from compliance.document.css import Declaration, display_keyword, reading_one_page
from compliance.document.elements import BLOCK_TAGS, ids_of_page, names
from compliance.document.first_line import unseen_first_line
from compliance.document.model import (
    Block,
    Document,
    Image,
    Item,
    Link,
    block_position,
    has_visible_characters,
    item_offsets,
    new_block,
    new_link,
    own_pages_of,
)
from compliance.document.nesting import MATHML_TEXT_INTEGRATION_POINTS
from compliance.document.positions import SourcePositions, lines_by_lf, lines_by_lf_bytes
from compliance.document.quirks import in_quirks_mode
from compliance.document.region import find_article_root, find_story_head, is_chrome, names_the_site_heading
from compliance.document.svg_text import SIZES as SVG_SIZES
from compliance.document.svg_text import PaintRule, has_view_box, holds_text, paint_rules, svg_texts
from compliance.document.visibility import (
    HIDDEN,
    IMAGE_SOURCE_ATTRIBUTES,
    IMAGE_SRCSET_ATTRIBUTES,
    IMAGE_TAGS,
    NOT_RENDERED_TAGS,
    SHOWN,
    SKIP_TAGS,
    UA_COLOURED_TAGS,
    UA_HIDDEN_TAGS,
    PageStyle,
    Rendering,
    applied_sheets,
    blends_into,
    hides_by_class,
    hides_its_content,
    is_image_input,
    is_seen,
    link_rendering,
    render,
    shows_only_placeholders,
    srcset_candidates,
    svg_clips_everything,
    svg_is_seen,
    too_small,
    ua_coloured_rendering,
    waits_for_loader,
    with_variables_filled,
)
from compliance.firstuse import on_first_use
from compliance.text import normalize, normalize_inline
from compliance.urls import is_http_url

if TYPE_CHECKING:
    from compliance.document.shadow import ShadowTrees

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LAZY_SRC_ATTRS = IMAGE_SOURCE_ATTRIBUTES
_LAZY_SRCSET_ATTRS = IMAGE_SRCSET_ATTRIBUTES


# No element laid out otherwise than its tag (the default of `text_blocks_whatever_shows`).
_NO_DISPLAY: Mapping[Any, bool] = {}


def _srcset_urls(value: str) -> list[str]:
    """URLs of a srcset (see `visibility.srcset_candidates`)."""
    return [url for url, _ in srcset_candidates(value)]


def text_blocks_whatever_shows(root: Any, block_display: Mapping[Any, bool] = _NO_DISPLAY) -> list[tuple[Any, str]]:
    """Every block of text in the page as its markup lays it out, shown or hidden: (the block
    element, its normalised text), in document order; `block_display` says which elements the
    page's CSS lays out otherwise than their tags (see `_Found.block_display`). Skipped elements
    (scripts, styles, `<svg>` and the like, see `SKIP_TAGS`) have no text; comments are left out (the
    text after one is kept).
    Read only when a check found nothing visible and looks for a hidden copy to name."""
    from lxml import etree

    texts: dict[Any, list[str]] = {}
    owners: list[Any] = [root]  # the block each open element's text belongs to
    # Comments and processing instructions too: the text after one is their `tail` (Markdown's
    # renderer puts a comment before each run of text).
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    kinds: dict[Any, _TagKind] = {}  # by the tag as lxml gives it: one look-up per element
    for event, element in walker:
        if event == "start":
            kind = kinds.get(element.tag)
            if kind is None:
                kind = kinds[element.tag] = _tag_kind(element.tag)
            if not kind.tag or (kind.skipped and kind.tag != "object"):
                walker.skip_subtree()
                owners.append(owners[-1])
                continue
            owner = element if block_display.get(element, kind.block) else owners[-1]
            owners.append(owner)
            if element.text:
                texts.setdefault(owner, []).append(element.text)
        elif event == "end":
            owners.pop()
            if element.tail and element is not root:
                texts.setdefault(owners[-1], []).append(element.tail)
        elif element.tail:  # a comment or processing instruction: the text after it
            texts.setdefault(owners[-1], []).append(element.tail)
    found = [(owner, normalize(" ".join(parts))) for owner, parts in texts.items()]
    return [(owner, text) for owner, text in found if text]


def text_runs_whatever_shows(root: Any) -> str:
    """Every run of text that `text_blocks_whatever_shows` joins into blocks (each element's own
    text, the text after each node), one a line, as written: a word without white space of one
    of its blocks, once `normalize`d, is in this text once its characters are
    (`text.normalize_characters`). The text of a skipped element is left out, as that function
    leaves it; the text inside one is kept (more than it joins, never less)."""
    kinds: dict[Any, _TagKind] = {}
    runs: list[str] = []
    for node in root.iter():
        text = node.text
        if text:
            kind = kinds.get(node.tag)
            if kind is None:
                kind = kinds[node.tag] = _tag_kind(node.tag)
            if kind.tag and (not kind.skipped or kind.tag == "object"):
                runs.append(text)
        if node.tail:
            runs.append(node.tail)
    return "\n".join(runs)


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


def svg_accessible_name(element: Any, by_id: Callable[[str], Any] | None = None) -> str:
    """The accessible name of an inline `<svg>` (normalised; "" when it has none), as WAI-ARIA's
    name computation gives it for the ways a page names a drawn logo or icon: the text of the
    elements its `aria-labelledby` ids name in the page, else its `aria-label`, else the text of
    its own `<title>` child, else the `<title>` of the element (a `<symbol>`) that its first
    `<use href="#id">` shows. `role="img"` changes nothing here. Under `aria-hidden="true"` the
    ARIA attributes name nothing (assistive technology skips the element), but a `<title>` still
    does: browsers show it as the tooltip of what a reader sees. `by_id` finds the page's element
    with an id (None when there is none); without it the page is searched for each id."""
    find = by_id or functools.partial(_element_by_id, element)
    if (element.get("aria-hidden") or "").strip().lower() != "true":
        labelled = [_text_of_named(find(ref)) for ref in (element.get("aria-labelledby") or "").split()]
        name = normalize_inline(" ".join(text for text in labelled if text))
        if name:
            return name
        name = normalize_inline(element.get("aria-label") or "")
        if name:
            return name
    name = _title_of(element)
    if name:
        return name
    for use in element.iter("use"):
        href = (use.get("href") or use.get("xlink:href") or "").strip()
        if href.startswith("#") and len(href) > 1:
            shown = find(href[1:])
            return _title_of(shown) if shown is not None else ""
    return ""


def _title_of(element: Any) -> str:
    """The text of an SVG element's own `<title>` child (normalised; "" when it has none). The
    HTML parser reads a `<title>` as raw text wherever it is, while in an `<svg>` (foreign
    content) a browser reads markup in it: a comment there is no part of the name."""
    title = next((child for child in element if isinstance(child.tag, str) and child.tag.lower() == "title"), None)
    if title is None:
        return ""
    text = " ".join(title.itertext())
    return normalize_inline(_COMMENT().sub("", text) if "<!--" in text else text)


_COMMENT = on_first_use(r"<!--.*?(?:-->|$)", re.DOTALL)


def _element_by_id(element: Any, ident: str) -> Any:
    """The first element of the element's page whose `id` is `ident`; None when there is none."""
    found = element.getroottree().xpath("//*[@id=$ident]", ident=ident)
    return found[0] if found else None


def _text_of_named(named: Any) -> str:
    """The text of an element an id names ("" for None: no element has that id)."""
    return " ".join(named.itertext()) if named is not None else ""


def parse_html(
    data: bytes | str | Decoded, *, outlets: Set[str] = frozenset(), rendered: bool = False, url: str | None = None, scheme: str | None = None
) -> Document:
    """Parse an HTML page (its bytes, its text, or its text as `decode_bytes` read it) into a
    `Document`; never raises on malformed input, but for a page libxml2 would take minutes to
    parse: one with a start tag of more than `MAX_ATTRIBUTES` attributes raises `InputError` at
    the tag's line and column (`crowded_tags`). `outlets` are outlet names (any case) the byline
    reader never takes for a person's name. `rendered`: the HTML a Markdown article renders to,
    whose whole body is the article (only chrome its raw HTML marks is not) and whose bylines are
    left unread (the Markdown reader reads them from the article's own lines). `url`: the page's
    own http(s) address when it is known (a fetched page), which its relative URLs and a relative
    `<base href>` resolve against (see `page_base`). `scheme`: the colour scheme the page's
    `light-dark()` colours are read in ("light", "dark"; `colour_scheme.read_light_dark`), for the
    readers who see the page in another scheme than most do (`screen_hiding.hidden_in_dark_scheme`);
    None: the one most readers see (`colour_scheme.most_readers_scheme`)."""
    from lxml import etree

    decoded = as_decoded(data)
    decoded_text, encoding, reason = decoded.text, decoded.encoding, decoded.reason
    # lxml is handed UTF-8 bytes with the encoding stated: it otherwise reads undeclared UTF-8 as
    # latin-1, and refuses a str that carries an XML encoding declaration. NUL and lone
    # surrogates (possible in scraped pages) become U+FFFD first.
    # The page's own bytes are that payload when they are the text in UTF-8 and hold no NUL.
    # A CDATA section in `<svg>` or `<math>` is text there, which libxml2 does not read (see
    # `nesting.foreign_cdata_as_text`): the page is read with it written as text.
    read_text = nesting.foreign_cdata_as_text(decoded_text) if "<![CDATA[" in decoded_text else decoded_text
    if decoded.utf8 is not None and b"\x00" not in decoded.utf8 and read_text is decoded_text:
        payload = decoded.utf8
    else:
        text = _without_nul(read_text)
        try:
            payload = text.encode("utf-8")
        except UnicodeEncodeError:
            payload = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").encode("utf-8")
    crowded = crowded_tag(payload)
    if crowded is not None:
        _refuse_crowded_tag(payload, crowded)
    root, parser, deep_from = _parse_as_browsers_build(payload, read_text)
    truncated: str | None = None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or ("limit" in entry.message.lower() and "huge" in entry.message.lower()):
            # libxml2's advice ("use XML_PARSE_HUGE option") is for programmers, and already taken.
            limit = entry.message.strip().removesuffix(", use XML_PARSE_HUGE option")
            truncated = f"the parser stopped at line {entry.line}: {limit}"
            break
    if root.find("body") is None and root.tag != "html":
        wrapper = etree.fromstring(b"<html><body></body></html>", parser)
        body = wrapper.find("body")
        if body is not None:
            body.append(root)
            root = wrapper
    # The tree as a browser's parser builds it (see `nesting`): a table's stray parts go before
    # what is fostered out of tables, and that before the rows left are grouped in a <tbody>.
    nesting.unnest_void_elements(root)
    nesting.close_as_browsers_do(root)
    nesting.break_out_of_foreign_content(root)
    nesting.drop_table_parts_outside_tables(root)
    nesting.foster_parent(root)
    nesting.add_implied_elements(root)
    _end_head_at_body_content(root)
    if nesting.may_be_frameset_document(payload):
        if nesting.is_frameset_document(decoded_text):
            nesting.keep_frameset_only(root)
        else:
            nesting.drop_ignored_framesets(root)
    _run_load_handlers(root)
    light_dark = _light_dark_scheme(root, decoded_text) if scheme is None else scheme
    if light_dark:
        colour_scheme.read_light_dark(root, light_dark)
    with reading_one_page():
        doc = _build_html_document(root, decoded_text, encoding, reason, truncated, outlets, rendered=rendered, url=url, deep_from=deep_from)
    if payload is decoded.utf8:
        doc._memo["source_utf8"] = payload  # the page's text in UTF-8 (`Document.source_utf8`)
    return doc


def _light_dark_scheme(root: Any, source: str) -> str:
    """The colour scheme the page's `light-dark()` colours are read in (`colour_scheme.read_light_dark`):
    the one most of its readers see (`colour_scheme.most_readers_scheme`); "" for a page whose
    source names no `light-dark()`, which pays one search of its text."""
    if not colour_scheme.may_read_light_dark(source):
        return ""
    return colour_scheme.most_readers_scheme(root, applied_sheets(root), colour_scheme.inline_styles(root))


def _refuse_crowded_tag(payload: bytes, offset: int) -> None:
    """Raise the `InputError` of a page whose start tag at `offset` has too many attributes."""
    from compliance.errors import InputError

    line = payload.count(b"\n", 0, offset) + 1
    column = len(payload[payload.rfind(b"\n", 0, offset) + 1 : offset].decode("utf-8", "replace")) + 1
    raise InputError(
        f"a start tag has more than {MAX_ATTRIBUTES:,} attributes (a hostile page: its parse would take minutes)",
        line=line,
        column=column,
        hint="remove the attributes, or leave the file out (--exclude)",
    )


def _parse_as_browsers_build(payload: bytes, decoded_text: str) -> tuple[Any, Any, int | None]:
    """The tree of a page (`payload`: its UTF-8 bytes; `decoded_text`: its text) and the parser,
    parsed again from markup rewritten so that libxml2 builds what a browser builds (see
    `nesting`) when its reading or the markup shows that it did not: it closed an element written
    self-closed that a browser opens (`<div/>`), it ended an element that a browser keeps open
    (`<h4><p>`) or re-opens (`<p><b>x</p><p>`), it dropped a `</p>` of which a browser makes an
    empty paragraph, or it stopped at 2,048 open elements, which a browser does not (it shows the
    rest). The page is read once in all other cases. The third value is the line of the first
    element past a browser's depth (None when there is none), when the page was read so."""
    root, parser = _parse_payload(lines_by_lf_bytes(payload))
    deep_from = None
    all_messages = [entry.message for entry in parser.error_log]
    differences = _Differences.of(root, payload, all_messages)
    if differences.any():
        source = _without_nul(decoded_text)
        rewritten = differences.rewrite(source)
        deep = differences.deep
        if rewritten is not source and not deep:
            rewritten, root, parser = _reparse_with_stray_ends(rewritten, quirks=differences.quirks)
            # Kept open, elements may now nest deeper than libxml2 reads.
            deep = any(entry.message.startswith("Excessive depth") for entry in parser.error_log)
        if deep:
            root, parser = _reparse(nesting.flatten_deep_nesting(rewritten))
            past = nesting.first_past_depth(rewritten)
            # (The rewriting adds and drops tags, never a line break: its lines are the page's.)
            deep_from = None if past is None else lines_by_lf(rewritten).count("\n", 0, past) + 1
    nesting.add_attributes_of_later_tags(root, decoded_text, all_messages)
    return root, parser, deep_from


@dataclasses.dataclass(frozen=True, slots=True)
class _Differences:
    """Where libxml2's first reading of a page may differ from a browser's (see `nesting`): its
    messages about end tags and depth, and what the markup and its tree show."""

    messages: tuple[str, ...]  # libxml2's "Unexpected end tag" and "Excessive depth" messages
    self_closed: bool  # an element that is not void may be written self-closed
    reopens: bool  # a formatting element, a heading or a <pre> may have been ended early
    kept_open: bool  # a paragraph, list item or table cell was kept open past an element that ends it
    past_end: bool  # something is written after a </body> or </html>
    quirks: bool  # the page is in quirks mode
    quirks_tables: bool  # in quirks mode, a table may have started in a paragraph

    @classmethod
    def of(cls, root: Any, payload: bytes, messages: Sequence[str]) -> _Differences:
        quirks = in_quirks_mode(root)
        return cls(
            messages=tuple(message for message in messages if message.startswith(("Excessive depth", "Unexpected end tag"))),
            self_closed=nesting.may_self_close_elements(payload),
            reopens=nesting.leaves_elements_open(messages, payload, root),
            kept_open=nesting.keeps_open_what_browsers_end(root, quirks=quirks) or nesting.nests_what_browsers_end(root),
            past_end=nesting.reads_past_document_end(root, payload, messages),
            quirks=quirks,
            quirks_tables=quirks and _table_after_paragraph(root),
        )

    def any(self) -> bool:
        return bool(self.messages or self.self_closed or self.reopens or self.kept_open or self.past_end or self.quirks_tables)

    @property
    def deep(self) -> bool:
        """Whether libxml2 stopped at its depth limit."""
        return any(message.startswith("Excessive depth") for message in self.messages)

    def rewrite(self, source: str) -> str:
        """The markup rewritten as `nesting` does where these differences show it is needed;
        `source` itself when nothing is."""
        rewritten = nesting.drop_document_end_tags(source) if self.past_end else source
        stray = nesting.stray_paragraph_ends(self.messages)
        if stray:
            rewritten = nesting.empty_paragraphs_for_stray_ends(rewritten, stray, quirks=self.quirks)
        if self.self_closed:
            rewritten = nesting.open_self_closed_elements(rewritten)
        if nesting.nests_forms(self.messages):
            rewritten = nesting.drop_nested_form_tags(rewritten)
        if self.reopens or self.kept_open:
            # (What a browser ends at a list item's start is ended where formatting is re-opened.)
            rewritten = nesting.reopen_formatting_as_browsers_do(rewritten)
        if rewritten is not source or self.reopens or self.kept_open or self.quirks_tables or nesting.ends_early(self.messages):
            rewritten = nesting.keep_open_as_browsers_do(rewritten, quirks=self.quirks)
        return rewritten


def _table_after_paragraph(root: Any) -> bool:
    """Whether a table may have started where a paragraph was open, as libxml2 reads it: the
    element before it is a paragraph, which libxml2 ended there (in quirks mode a browser nests
    the table in it). Looked for from each table, not each paragraph: `following-sibling::*[1]`
    of every paragraph costs libxml2 time that grows with the square of their number."""
    for table in root.iter("table"):
        before = table.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()  # a comment or processing instruction
        if before is not None and before.tag == "p":
            return True
    return False


def _reparse(markup: str) -> tuple[Any, Any]:
    """`_parse_payload` of markup rewritten by `nesting`, with the elements it renamed named back."""
    root, parser = _parse_payload(lines_by_lf_bytes(markup.encode("utf-8", "replace")))
    nesting.restore_kept_open(root)
    return root, parser


def _reparse_with_stray_ends(rewritten: str, *, quirks: bool) -> tuple[str, Any, Any]:
    """`_reparse` of rewritten markup, and the markup read: a paragraph ended where a browser ends
    it (`<p><span>a<div>b</div></span></p>`) may leave its end tag with no paragraph open, of
    which a browser makes an empty paragraph (see `nesting.empty_paragraphs_for_stray_ends`): the
    markup is then read once more with those written in."""
    root, parser = _reparse(rewritten)
    stray = nesting.stray_paragraph_ends(entry.message for entry in parser.error_log)
    if stray:
        ended = nesting.empty_paragraphs_for_stray_ends(rewritten, stray, quirks=quirks)
        if ended is not rewritten:
            return ended, *_reparse(ended)
    return rewritten, root, parser


def _run_load_handlers(root: Any) -> None:
    """Read the page as it stands once its images have loaded (see `onload`: a lazy fade-in's
    handler shows what the page hid), when an image has an `onload` handler (the module is
    imported only then)."""
    if any(image.get("onload") for image in root.iter("img")):
        from compliance.document.onload import apply_load_handlers

        apply_load_handlers(root)


def _parse_payload(payload: bytes) -> tuple[Any, Any]:
    """The tree of a page's UTF-8 bytes (an empty page's when nothing parses), and the parser,
    whose error log says whether it stopped early."""
    from lxml import etree

    # The plain etree parser, not lxml.html's: the checker uses no HtmlElement method, and the
    # per-element class lookup of lxml.html costs more than the parse.
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False, no_network=True)
    try:
        root = etree.fromstring(payload, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        root = etree.fromstring(b"<html><body></body></html>", parser)
    return root, parser


# What the HTML standard lets stay in <head>; anything else ends it ("in head" insertion mode,
# "anything else"), and a browser shows it in the body.
_HEAD_CONTENT: Final = frozenset({"base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style", "script", "template"})


def _end_head_at_body_content(root: Any) -> None:
    """Move what a browser puts in the body out of `<head>`, where libxml2 leaves it.

    libxml2's parser does not know the HTML5 elements (`<article>`, `<main>`, `<header>`…): after
    an implied head (a fragment that starts with `<meta charset>`, as CMS exports often do) it
    keeps them, and all that follows, inside `<head>`, which no reader sees. From the first
    element that may not be in a head, or the first text that is not white space, the rest of
    the head becomes the start of the body, in order.
    """
    from lxml import etree

    head = root.find("head")
    if head is None:
        return
    children = list(head)
    start: int | None = None
    leading = ""
    if (head.text or "").strip():
        start, leading, head.text = 0, head.text, None
    else:
        for index, child in enumerate(children):
            if isinstance(child.tag, str) and child.tag.lower() not in _HEAD_CONTENT:
                start = index
                break
            if (child.tail or "").strip():
                start, leading, child.tail = index + 1, child.tail, None
                break
    if start is None:
        return
    body = root.find("body")
    if body is None:
        body = etree.Element("body")
        head.addnext(body)
    # In the body: the leading text, the moved elements, then what the body already held.
    moved = children[start:]
    held = body.text or ""
    if moved:
        moved[-1].tail = (moved[-1].tail or "") + held
        body.text = leading or None
    else:
        body.text = leading + held
    for offset, child in enumerate(moved):
        body.insert(offset, child)


# Where the HTML tokenizer reads a NUL as U+FFFD (see `_without_nul`): a comment, the text of an
# element whose content is raw text or escapable raw text (HTML 13.2.5: `<style>`, `<script>`,
# `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<title>`, `<textarea>`), each to its end tag
# (or to the end of the page), and a tag; else a NUL outside every tag.
_TAG_OR_NUL = on_first_use(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|xmp|iframe|noembed|noframes|title|textarea)(?=[\s/>])[^<>]*>.*?(?:</\1(?=[\s/>])|\Z)"
    r"|<[^<>]*>|\x00",
    re.IGNORECASE | re.DOTALL,
)


def _without_nul(text: str) -> str:
    """The page's text with its NUL characters (possible in scraped pages; lxml takes none) read
    as a browser reads them: one in the text of the page is dropped, as HTML's tree construction
    ignores a NUL character in the body ("Jake\\0 Smith" shows "Jake Smith"), and one inside a
    tag, its name or an attribute's value, in a comment, or in a stylesheet, a script or other
    raw text becomes U+FFFD, as the tokenizer reads it (so `.byline{dis\\0play:none}` names no
    property a browser knows, and hides nothing)."""
    if "\x00" not in text:
        return text
    return _TAG_OR_NUL().sub(lambda found: "" if found.group() == "\x00" else found.group().replace("\x00", "\ufffd"), text)


def _build_html_document(
    root: Any,
    source: str,
    encoding: str,
    reason: str,
    truncated: str | None,
    outlets: Set[str],
    *,
    rendered: bool,
    url: str | None,
    deep_from: int | None = None,
) -> Document:
    """The document of a parsed page (`rendered`, `url`: see `parse_html`)."""
    body = root.find("body") if rendered else None
    article_root = body if body is not None else find_article_root(root)
    # The story's head above the article root (headline, logo, credit line, byline) is in the region too.
    article_head = frozenset(find_story_head(root, article_root)) if body is None else frozenset()
    walked = _walk(root, article_root, article_head, url, rendered=rendered, overrides=bidi_override.may_override(source, root))
    items = walked.items
    blocks = tuple(i for i in items if isinstance(i, Block))
    headline = _headline(blocks, article_root, walked.meta, walked.json_ld)
    credited = functools.partial(credited_in_metadata, walked.meta, walked.json_ld)
    own_pages = own_pages_of(walked.canonical, walked.meta, walked.base_url)
    bylines = () if rendered else find_bylines(walked.byline_marks, blocks, headline, article_root, outlet_names(outlets), credited, own_pages, walked.base_url)
    positions = SourcePositions(source, root)
    return Document(
        kind="html",
        source=source,
        encoding=encoding,
        encoding_reason=reason,
        items=items,
        blocks=blocks,
        images=tuple(i for i in items if isinstance(i, Image)),
        links=walked.links,
        bylines=bylines,
        meta={k: tuple(v) for k, v in walked.meta.items()},
        json_ld=tuple(walked.json_ld),
        canonical=tuple(walked.canonical),
        base_url=walked.base_url,
        article_line=article_root.sourceline or 1,
        headline=headline,
        truncated=truncated,
        deep_from=deep_from,
        item_offsets=walked.offsets,
        root=root,
        article_root=article_root,
        article_head=article_head,
        _positions=positions,
        _visibility=walked.visibility,
        _too_small=frozenset(walked.too_small),
        _block_display=walked.block_display,
        _hides_text=walked.hides_text,
        _noscript_only=frozenset(walked.noscript_only),
        _outside=frozenset(walked.outside),
        _shown_after_comment=walked.shown_after_comment,
        _links_with_text=frozenset(walked.links_with_text),
        _ignoring_pointer=walked.ignoring_pointer,
        _painted_by=walked.painted_by,
        _line_clippers=walked.line_clippers,
        _helper_classes_hide=walked.helper_classes_hide,
    )


def _headline(blocks: tuple[Block, ...], article_root: Any, meta: Mapping[str, list[str]], json_ld: Sequence[Any]) -> Block | None:
    """The story's headline: the first `<h1>` (its text may sit in an inline element inside it)
    that is not the site's name (`region.names_the_site_heading`: a theme's `<h1
    class="site-title"><a href="/">`; or the `og:site_name` it reads); else the heading that reads
    as the page's metadata titles the story (`og:title`, `twitter:title`, JSON-LD `headline`: a
    theme's `<h2 class="entry-title">` under a site-name `<h1>`); else the article's first
    heading."""
    site_names = {_title_key(name) for name in meta.get("og:site_name", ())}
    shown_h1s = (b for b in blocks if b.heading and b.element is not None and in_h1(b.element))
    headline = next((b for b in shown_h1s if _title_key(b.text) not in site_names and not names_the_site_heading(_h1_of(b.element), article_root)), None)
    if headline is None:
        titles = {_title_key(title) for title in _story_titles(meta, json_ld)} - {""}
        headline = next((b for b in blocks if b.heading and titles and _title_key(b.text) in titles), None)
    if headline is None:
        headline = next((b for b in blocks if b.heading and b.in_article), None)
    return _as_read(_whole_h1(headline, blocks))


# The most blocks one `<h1>`'s text is read from (a headline set in lines, its kicker above).
_HEADLINE_LINES: Final = 4


def _whole_h1(headline: Block | None, blocks: tuple[Block, ...]) -> Block | None:
    """The headline with the rest of its `<h1>`'s text: a theme that sets the headline's lines as
    blocks (`<span style="display:block">`) makes a block of each, which a reader reads as one
    headline; its lines are joined with a line break, which `_as_read` reads as a space."""
    h1 = _h1_of(headline.element) if headline is not None else None
    if headline is None or h1 is None:
        return headline
    position = block_position(blocks, headline.index) + 1
    lines = [headline.text]
    while len(lines) < _HEADLINE_LINES and position < len(blocks) and blocks[position].heading and _h1_of(blocks[position].element) is h1:
        lines.append(blocks[position].text)
        position += 1
    if len(lines) == 1:
        return headline
    return new_block(headline.index, "\n".join(lines), headline.line, headline.in_article, headline.heading, headline.element)


# The class pieces of a kicker, the section label a theme prints with the headline ("Housing",
# "Analysis"): in a span that opens the `<h1>`, it is the page's furniture, not the headline's words.
_KICKER_PIECES: Final = frozenset({"kicker", "eyebrow", "overline", "supertitle", "overtitle"})


def _as_read(headline: Block | None) -> Block | None:
    """The headline's words as a reader reads them: on one line (a `<br>` a theme breaks it with,
    or an editor to balance its lines, is a space between words, as in its `<title>` and
    `og:title`), without the kicker that opens it (`<h1><span class="kicker">Housing</span> …`:
    a theme's section label, no word of the story's headline)."""
    if headline is None:
        return None
    text = headline.text
    kicker = _kicker_text(headline.element)
    if kicker and text.startswith(kicker) and text[len(kicker) :].strip():
        text = text[len(kicker) :]
    if "\n" in text or text is not headline.text:
        text = " ".join(text.split())
    if text == headline.text:
        return headline
    return new_block(headline.index, text, headline.line, headline.in_article, headline.heading, headline.element)


def _kicker_text(element: Any) -> str:
    """The text of the kicker that opens the `<h1>` (see `_KICKER_PIECES`), "" when none does."""
    h1 = _h1_of(element)
    if h1 is None or (h1.text or "").strip():
        return ""
    first = next(iter(h1), None)
    if first is None or not isinstance(first.tag, str) or not names(first, _KICKER_PIECES, ids=False, at="ends"):
        return ""
    return "".join(first.itertext()).strip()


def _title_key(text: str) -> str:
    """A title's words as a comparison key: letters and digits, case-folded."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _story_titles(meta: Mapping[str, list[str]], json_ld: Sequence[Any]) -> list[str]:
    """The story's title as the page's metadata gives it: `og:title`, `twitter:title`, and the
    `headline` of each JSON-LD object (at the top level or in an `@graph`)."""
    titles = [*meta.get("og:title", ()), *meta.get("twitter:title", ())]
    for data in json_ld:
        for node in data if isinstance(data, list) else [data, *(data.get("@graph") or [] if isinstance(data, dict) else [])]:
            if isinstance(node, dict) and isinstance(node.get("headline"), str):
                titles.append(node["headline"])
    return titles


def _h1_of(element: Any) -> Any:
    """The `<h1>` the element is or stands in (`in_h1` holds)."""
    node = element
    while node is not None and not (isinstance(node.tag, str) and node.tag.lower() == "h1"):
        node = node.getparent()
    return node


def in_h1(element: Any) -> bool:
    """Whether the element is an `<h1>` or within one (its text may sit in inline elements inside it)."""
    node = element
    for _ in range(4):
        if node is None or not isinstance(node.tag, str):
            return False
        if node.tag.lower() == "h1":
            return True
        node = node.getparent()
    return False


# Elements laid out as atomic inline boxes by default, whose content the walk reads (images apart:
# `_TagKind.image`) or skips (`_Walk._begins_first_line`).
_REPLACED_INLINE_TAGS: Final = frozenset({"input", "video", "canvas"})
_SKIPPED_REPLACED_TAGS: Final = frozenset({"svg", "iframe", "object", "embed", "select", "textarea", "button", "meter", "progress"})
# Skipped elements that draw the elements they hold (a button's label, a select's options):
# hidden, they hide them. (An `<object>` that draws its fallback is not skipped: the walk opens it,
# and its frame hides what it holds; one that does not draws none of it.)
_DRAWS_WHAT_IT_HOLDS: Final = frozenset({"button", "select"})
# What may move a block's text up from where its margins and paddings put it (`_moved_up_inside`).
_MOVING_UP: Final = ("top", "bottom", "inset", "transform", "translate", "margin-top", "margin")


def _fills_a_line(declared: Mapping[str, Declaration]) -> bool:
    """True when an element's declarations (`var()`s filled in) make it an atomic inline box
    (`inline-block`, `inline-flex`…) at least as wide as the line (`width` or `min-width` of 100%
    or more): after anything else on a line it does not fit, and starts the next one."""
    display = declared.get("display")
    if display is None or display_keyword(display) not in ATOMIC_INLINE_DISPLAYS:
        return False
    return any(
        name in declared and len(values := declared[name].values) == 1 and values[0].type == "percentage" and values[0].value >= 100
        for name in ("width", "min-width")
    )


# The white space CSS collapses (CSS Text 3, "document white space characters"; the HTML parser
# keeps the form feed, which Chromium collapses too): every other character makes a line.
_COLLAPSIBLE = " \t\n\r\f"


def _makes_a_line_unseen(text: str) -> bool:
    """Whether `text`, alone before a block, makes a line that shows nothing: it holds a character
    CSS does not collapse and none that shows (text that shows begins the line as any text does)."""
    return bool(text.strip(_COLLAPSIBLE)) and not has_visible_characters(text)


class _Walked:
    """What one walk over the page found."""

    __slots__ = (
        "base",
        "base_url",
        "block_display",
        "byline_marks",
        "canonical",
        "helper_classes_hide",
        "hides_text",
        "ignoring_pointer",
        "items",
        "json_ld",
        "line_clippers",
        "links",
        "links_with_text",
        "meta",
        "noscript_only",
        "offsets",
        "outside",
        "painted_by",
        "shown_after_comment",
        "too_small",
        "visibility",
    )

    def __init__(self) -> None:
        self.items: tuple[Item, ...] = ()
        self.offsets: tuple[int, ...] = ()
        self.links: tuple[Link, ...] = ()
        self.links_with_text: set[Any] = set()  # the `<a href>`s some shown text with a visible character is in
        self.ignoring_pointer: dict[Any, Any] = {}  # the links under `pointer-events: none`, with the element that sets it
        # What the layout hides elements with, for a report (`visibility.what_lays_out`): the cover
        # painted over each element it hides, and the boxes that cut off their one line.
        self.painted_by: Mapping[Any, Any] = {}
        self.line_clippers: frozenset[Any] = frozenset()
        # Whether a visually-hidden helper class hides as its name says (`PageStyle`), for a report.
        self.helper_classes_hide = True
        self.byline_marks: list[BylineMark] = []
        # Whether an element is seen, recorded where it differs from its parent's.
        self.visibility: dict[Any, bool] = {}
        # The elements not seen, or whose text is not read, for their size (`visibility.too_small`).
        self.too_small: set[Any] = set()
        # Whether an element lays out a block of its own, recorded where its `display` makes it
        # differ from its tag's (`<span style="display:block">`).
        self.block_display: dict[Any, bool] = {}
        self.hides_text = False  # whether some element's text is not on screen (see `Document.unseen_text`)
        self.noscript_only: list[Any] = []  # images shown only when scripts are off
        self.outside: list[Any] = []  # the outermost chrome elements inside the article region
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.base: list[str] = []  # the `<base href>` values, in document order (the first counts)
        self.base_url: str | None = None  # what the page's relative URLs resolve against (`page_base`)
        self.json_ld: list[Any] = []
        # Rendered Markdown: whether the text right after each comment (by its text) shows.
        self.shown_after_comment: dict[str, bool] = {}


# What an open element passes on to its content, one tuple per element on the walk's stack:
# `block`: whether the element ends a block when it closes; `rendering`: how it shows (CSS and
# hiding markup); `visible`: whether the element itself counts as seen (for element checks);
# `closed`: a closed `<details>`, whose own text and children but the summary do not show;
# `shows_text`: whether its own text is on screen (scripts off shows `<noscript>` only);
# `passes_on`: whether a child of a plain kind without attributes inherits the frame unchanged
# (see `_TagKind.plain`): the element is seen, its text shows, and it is not a closed `<details>`.
_Frame = tuple[bool, Rendering, bool, bool, bool, bool, bool, bool, bool, bool]
_BLOCK: Final = 0
_RENDERING: Final = 1
_VISIBLE: Final = 2
_IN_ARTICLE: Final = 3
_HEADING: Final = 4
_NOSCRIPT: Final = 5
_CHROME: Final = 6
_CLOSED: Final = 7
_SHOWS_TEXT: Final = 8
_PASSES_ON: Final = 9


def _svg_text_may_show(frame: _Frame) -> bool:
    """Whether an `<svg>` in this frame may draw words: the frame's text shows, or is hidden by
    its colour alone (`Rendering.blends_in`: dark text on a dark page). SVG text is painted by its
    own `fill` and `stroke`, not the text colour, and `svg_text.svg_texts` judges those."""
    if frame[_SHOWS_TEXT]:
        return True
    rendering = frame[_RENDERING]
    return rendering.blends_in and not frame[_CLOSED] and not frame[_NOSCRIPT] and rendering._replace(blends_in=False).shows_text


def _without_text(frame: _Frame) -> _Frame:
    """The frame of an element whose own text does not show (its elements' may)."""
    block, rendering, visible, in_article, heading, noscript, chrome, closed, _, _ = frame
    return (block, rendering, visible, in_article, heading, noscript, chrome, closed, False, False)


# The MathML elements whose content Chromium does not show: an `<mphantom>` (`visibility:
# hidden`) and the annotations; and of a `<semantics>` or `<maction>`, any but the first child.
# Any other element in MathML, one it does not know included, lays out what it holds.
_MATHML_HIDING: Final = frozenset({"mphantom", "annotation", "annotation-xml"})
_FIRST_CHILD_ONLY: Final = frozenset({"semantics", "maction"})


class _TagKind:
    """What an element's tag alone says about it, worked out once per tag name: the walk decides
    an element's kind by one look-up on its tag instead of a test per set of tags.

    `plain`: an element of this tag without attributes can neither hide nor show anything, start
    chrome or byline markup, hold an image, a link or a line break, nor start a heading, a
    `<noscript>` or a `<details>`: it inherits its parent's frame and only its text is read (most
    inline markup: `<span>`, `<em>`, `<time>`…). Whether the tag starts chrome or byline markup is
    asked of `is_chrome` and `is_byline_markup` themselves, with no attributes."""

    __slots__ = ("block", "byline", "chrome", "closable", "heading", "image", "may_draw_a_picture", "plain", "skipped", "tag")

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.skipped = tag in SKIP_TAGS or not tag
        self.block = tag in BLOCK_TAGS
        self.image = tag in IMAGE_TAGS
        # An image, or an `<input>`, which draws one when it is an image button (`is_image_input`).
        self.may_draw_a_picture = self.image or tag == "input"
        self.heading = tag in _HEADING_TAGS
        self.chrome = bool(tag) and is_chrome(_NO_ATTRIBUTES, tag)
        self.byline = bool(tag) and is_byline_markup(_NO_ATTRIBUTES, tag)
        # Whether an element of this tag may be closed (see `_is_closed`): most never are, and are
        # not asked.
        self.closable = tag in _CLOSABLE_TAGS or hides_its_content(_NO_ATTRIBUTES, tag)
        self.plain = not (self.skipped or self.image or self.heading or self.chrome or self.byline or tag in _NOT_PLAIN_TAGS or tag in _HIDING_TAGS)


# The attributes `_Walk._open` and what it asks read of an element of a plain kind (see
# `_TagKind.plain`), which its parent's frame passes on to: hiding (`style`, `hidden`, `layout`,
# `popover`, a hiding helper `class`), chrome (`role`, `class`, `id`), byline markup (`rel`,
# `itemprop`, `class`, an author `href`), a link (`href`) and a closed section (`open`,
# `expanded`). An element with none of them but an inert `class` and `id` (`_inert_names`) is
# read as one without attributes (`_Walk._inert`).
_READ_ATTRIBUTES: Final = frozenset({"style", "hidden", "layout", "popover", "class", "id", "role", "rel", "itemprop", "href", "open", "expanded"})


def _inert_names(class_value: str | None, identifier: str | None) -> bool:
    """True when an element's `class` and `id` (None when absent) mark neither a hiding helper,
    chrome, nor byline markup, even inside other byline markup."""
    attributes = {name: value for name, value in (("class", class_value), ("id", identifier)) if value is not None}
    if class_value is not None and hides_by_class(class_value):
        return False
    return not is_chrome(attributes, "") and not is_byline_markup(attributes, "", inside=True)


# Tags whose elements may show only a part of what they hold, besides those holding fallback
# content (see `_is_closed`).
_CLOSABLE_TAGS: Final = frozenset({"details", "section", "object"})
# Tags whose elements do something of their own even without attributes (see `_TagKind.plain`).
# (An `<input>` may be an image button, `is_image_input`, which its `type` says.)
_NOT_PLAIN_TAGS: Final = frozenset({"amp-accordion", "br", "details", "noscript", "video", "audio", "canvas", "meter", "progress", "input", *UA_COLOURED_TAGS})


def _may_lose_its_picture(inherited: Rendering) -> bool:
    """True when what an image is inside may leave nothing of its picture to see whatever it
    sets: a narrow box, a shrink (scales and zooms), a colour filter or a blur in force."""
    return inherited.narrow is not None or inherited.fading.scale * inherited.fading.zoom < 1 or bool(inherited.colour_filter) or inherited.blur > 0


@functools.lru_cache(maxsize=256)
def _tag_kind(raw_tag: Any) -> _TagKind:
    """The kind of a tag as lxml gives it (any letter case; not a string for an entity)."""
    return _TagKind(raw_tag.lower() if isinstance(raw_tag, str) else "")


def _walk(root: Any, article_root: Any, article_head: frozenset[Any], url: str | None, *, rendered: bool = False, overrides: bool = True) -> _Walked:
    """One walk over the tree: visible text blocks, images, links, byline markup, what is hidden and
    what is chrome, and the head's metadata, its URLs resolved against the page's base (`url`: the
    page's own address, or None). Each open element has a frame with what it inherits from its
    ancestors (hidden, in the article, chrome, heading, inside `<noscript>`). In HTML rendered from
    Markdown, whether the text after each comment shows is recorded too (the Markdown reader marks
    its runs of text with comments). `overrides`: whether the page may lay letters out in reverse
    (`bidi_override.may_override`)."""
    # HTML rendered from Markdown has no doctype of its own: it is not read as in quirks mode.
    quirks = not rendered and in_quirks_mode(root)
    try:
        walk = _Walk(root, article_root, article_head, quirks=quirks, overrides=overrides)
        _walk_with_comment_events(walk, root, rendered)
    except _LongCommentRun:
        walk = _Walk(root, article_root, article_head, quirks=quirks, overrides=overrides)
        _walk_reading_comments_by_sibling(walk, root, rendered)
    return walk.finish(url)


class _LongCommentRun(Exception):
    """A page holds a run of thousands of comments side by side, which lxml's `iterwalk` reports
    in a time that grows with the square of the run (100,000 take seconds)."""


# How many comments the walk reads between two looks for a long run of them side by side, and
# from how long a run on it reads them otherwise.
_COMMENTS_BEFORE_LOOKING = 1000
_LONGEST_COMMENT_RUN = 500


def _walk_with_comment_events(walk: _Walk, root: Any, rendered: bool) -> None:
    """Walk the tree with lxml's `iterwalk`, comments and processing instructions as events of
    their own (the text after one belongs to its parent). Raises `_LongCommentRun` on a page
    with a run of more than `_LONGEST_COMMENT_RUN` of them."""
    from lxml import etree

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    enter, leave = walk.enter, walk.leave  # looked up once, not once per element
    comments = 0
    for event, element in walker:
        if event == "start":
            if not enter(element):
                walker.skip_subtree()
        elif event == "end":
            leave(element)
        else:
            comments += 1
            if comments % _COMMENTS_BEFORE_LOOKING == 0 and _in_long_comment_run(element):
                raise _LongCommentRun
            _read_after_comment(walk, element, rendered)


def _walk_reading_comments_by_sibling(walk: _Walk, root: Any, rendered: bool) -> None:
    """The same walk, with elements only as events: the comments an element starts with are read
    once its own text is, and those after an element once its tail is, from its siblings."""
    from lxml import etree

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            if not walk.enter(element):
                walker.skip_subtree()
                continue
            first = element[0] if len(element) else None
            if first is not None and not isinstance(first.tag, str):
                _read_after_comment(walk, first, rendered)
                _read_comments_after(walk, first, rendered)
        else:
            walk.leave(element)
            if element is not root:
                _read_comments_after(walk, element, rendered)


def _read_comments_after(walk: _Walk, node: Any, rendered: bool) -> None:
    for sibling in node.itersiblings():
        if isinstance(sibling.tag, str):
            break
        _read_after_comment(walk, sibling, rendered)


def _read_after_comment(walk: _Walk, comment: Any, rendered: bool) -> None:
    """Read the text after a comment (or processing instruction), which belongs to its parent."""
    parent = walk.stack[-1]
    if rendered:
        from lxml import etree

        if comment.tag is etree.Comment:
            walk.found.shown_after_comment[comment.text or ""] = parent[_SHOWS_TEXT]
    tail = comment.tail
    if tail and (walk.first_line_unseen or walk.line_clipped):
        tail = walk.first_line_shown(tail, comment, tail=True)
    if tail and parent[_SHOWS_TEXT]:
        walk.add_text(tail, parent, comment, tail=True)


def _in_long_comment_run(comment: Any) -> bool:
    """Whether the comment ends a run of more than `_LONGEST_COMMENT_RUN` comments side by side."""
    run = itertools.takewhile(lambda node: not isinstance(node.tag, str), comment.itersiblings(preceding=True))
    return sum(1 for _ in itertools.islice(run, _LONGEST_COMMENT_RUN)) == _LONGEST_COMMENT_RUN


class _Walk:
    """The state of the walk: the open elements' frames, the block being read, what was found."""

    __slots__ = (
        "article_root",
        "buffer",
        "byline_break",
        "closed_details",
        "first_line_space",
        "first_line_unseen",
        "found",
        "generated",
        "ids",
        "inert_names",
        "items",
        "kinds",
        "later_tables",
        "line_box_fonts",
        "line_boxes",
        "line_clipped",
        "lines_not_read",
        "lines_started",
        "links",
        "open_bylines",
        "open_links",
        "overrides",
        "owner",
        "owner_heading",
        "owner_in_article",
        "placeholder_boxes",
        "region_line",
        "region_starts",
        "root",
        "shadow",
        "slot_frames",
        "stack",
        "style",
        "styled",
        "svg_paint",
    )

    def __init__(self, root: Any, article_root: Any, article_head: frozenset[Any] = frozenset(), quirks: bool = False, overrides: bool = True) -> None:
        self.root = root
        self.article_root = article_root
        # Where the article region starts: the article root, and the outermost elements of the
        # story's head outside it (`find_story_head`).
        self.region_starts = article_head | {article_root}
        self.found = _Walked()
        # The images seen as boxes that show only a placeholder (`shows_only_placeholders`).
        self.placeholder_boxes: set[Any] = set()
        # The page's declarative shadow roots (None for a page without any), and the frame of each
        # of their slots once opened, which the light-DOM children slotted into it inherit from.
        self.shadow = _shadow_trees(root)
        self.slot_frames: dict[Any, _Frame] = {}
        self.svg_paint: list[PaintRule] | None = None  # the page's rules that paint SVG text, read when an <svg> first asks
        self.style = PageStyle.of(root, quirks=quirks, shadow=self.shadow)
        self.styled = self.style.styled
        # The words the page's CSS generates before and after elements (`::before`, `::after`).
        self.generated = self.style.generated
        # The elements whose text an override may lay out in reverse (`bidi_override`): none on
        # most pages.
        self.overrides = bidi_override.override_reach(root, self.style) if overrides else frozenset()
        self.items: list[Item] = []
        self.ids: dict[str, Any] | None = None  # the page's ids, read when an <svg> first asks (`_by_id`)
        # The <details> an earlier one of their exclusive accordion closes, read when an open one is met.
        self.closed_details: frozenset[Any] | None = None
        # Each link's element, href and rel (read from the attributes the walk has at hand), whether
        # it is visible and in the article, and the index of the next item.
        self.links: list[tuple[Any, str, str | None, bool, bool, int]] = []
        self.open_bylines: list[BylineMark] = []  # byline markup open around the text, outermost first
        # An element began or ended inside byline markup: its text is a part of its own
        # ("<span class=author>NAME</span><span class=role>Outlet reporter</span>").
        self.byline_break = False
        self.open_links: list[Any] = []  # the `<a href>`s open around the text, outermost first
        # The block being read: its text so far, the element it starts in, and how that shows.
        # The buffer holds text only once the block has an owner: white space before a block's
        # first word is what `normalize` strips from its start.
        self.buffer: list[str] = []
        self.owner: Any = None
        self.owner_in_article = self.owner_heading = False
        # The region and the elements around it are never chrome: a layout class on <body>
        # ("sidebar-primary", "has-sidebar") describes the page, not an element beside the article.
        self.region_line = frozenset([article_root, *article_root.iterancestors()])
        self.stack: list[_Frame] = [(False, self.style.root_rendering, True, False, False, False, False, False, True, True)]
        self.kinds: dict[Any, _TagKind] = {}
        # Whether a `class` and `id` pair marks nothing (see `_inert`), by the pair.
        self.inert_names: dict[tuple[str | None, str | None], bool] = {}
        # The boxes that show one line only (see `Rendering.one_line`): how many items came before each.
        self.line_boxes: dict[Any, int] = {}
        # The boxes showing one line only that hold a floated or out-of-flow box (see `_on_later_line`).
        self.lines_not_read: set[Any] = set()
        # The table's parts inside such boxes whose anonymous table starts on a later line.
        self.later_tables: set[Any] = set()
        # The boxes showing one line only whose first line something other than text has begun:
        # an image, another atomic inline box, a no-break space (see `_begins_first_line` and
        # `_makes_a_line_unseen`).
        self.lines_started: set[Any] = set()
        # Their font sizes in pixels, and for each block that begins the first line of one: the
        # space above its first line inside the box, the top margin a child's collapses with, and
        # whether one does (`_pushed_below_box`).
        self.line_box_fonts: dict[Any, float] = {}
        self.first_line_space: dict[Any, tuple[float, float, bool]] = {}
        # The texts a block's `::first-line` leaves unseen, by (node, whether a tail), with how
        # many of their leading characters (`first_line.unseen_first_line`): taken off as read.
        self.first_line_unseen: dict[tuple[Any, bool], int] = {}
        # The texts that run past the edge of a box clipping its one line, with how many of their
        # leading characters may show (`line_clip`): taken off as read.
        self.line_clipped: dict[tuple[Any, bool], int] = dict(self.style.line_clipped)

    def flush(self) -> None:
        """End the current block."""
        owner = self.owner
        if owner is not None:
            text = normalize("".join(self.buffer))
            if text:
                items = self.items
                items.append(new_block(len(items), text, owner.sourceline or 1, self.owner_in_article, self.owner_heading, owner))
            self.buffer.clear()
            self.owner = None
            # Byline markup that holds several blocks ("By NAME" over the outlet) reads them as
            # lines, not as one run of glued words.
            for mark in self.open_bylines:
                mark.capture.append("\n")

    def _as_seen(self, text: str, holder: Any) -> str:
        """The text directly in `holder` as a reader sees it: in reverse where an override lays
        it out so (`bidi_override`)."""
        if holder in self.overrides and bidi_override.reversed_by_override(holder, self.style):
            return bidi_override.as_seen(text)
        return text

    def add_text(self, text: str, frame: _Frame, element: Any, *, tail: bool) -> None:
        """Visible text; source line breaks are spaces (only `<br>` breaks a line). The block
        starts in `element` (for a tail, in its parent)."""
        if self.owner is None and text.isspace() and not self.open_bylines and frame[_RENDERING].one_line is None:
            # White space between blocks (about half the texts of a page) is dropped below with
            # nothing recorded: no byline capture is open (a seam is marked only between captured
            # parts), white space shows no character in a link, and no one-line box is begun.
            return
        if text != "\n":
            text = text.replace("\r", " ").replace("\n", " ")
        if self.overrides:
            text = self._as_seen(text, element.getparent() if tail else element)
        if self.byline_break:
            self.byline_break = False
            _mark_seams(self.open_bylines, text)
        for mark in self.open_bylines:
            mark.capture.append(text)
        open_links = self.open_links
        if open_links and open_links[-1] not in self.found.links_with_text and has_visible_characters(text):
            self.found.links_with_text.update(open_links)
        if self.owner is None:
            # Text that shows nothing but holds a character CSS does not collapse (a no-break or
            # other Unicode space, a zero-width space or joiner, a bidirectional mark, a soft
            # hyphen) makes a line all the same: the first line of a box that shows one line only.
            if (box := frame[_RENDERING].one_line) is not None and frame[_SHOWS_TEXT] and _makes_a_line_unseen(text):
                self.lines_started.add(box)
            if not text.strip():
                return  # white space before the block's first word (see `buffer`)
            self.owner = element.getparent() if tail else element
            self.owner_in_article = frame[_IN_ARTICLE]
            self.owner_heading = frame[_HEADING]
        self.buffer.append(text)

    def enter(self, element: Any, parent: _Frame | None = None) -> bool:
        """Open an element; False when its content is never shown (the walk skips it).

        The hot path of a page's parse, run for every element: the element's kind comes from one
        look-up on its tag; what its attributes say (hiding, chrome, byline markup) is read from one
        `items()` call rather than from a `get` per attribute (each of which encodes the name and
        searches the node's attributes); and a plain element without attributes takes its
        parent's frame and has only its text read. On a page with declarative shadow roots, an
        element is read as it renders in them (`_enter_shadowed`), which gives its `parent` frame."""
        if parent is None:
            parent = self.stack[-1]
            if self.shadow is not None:
                return self._enter_shadowed(element, parent, self.shadow)
        raw_tag = element.tag
        kind = self.kinds.get(raw_tag)
        if kind is None:
            kind = self.kinds[raw_tag] = _tag_kind(raw_tag)
        if kind.skipped:
            return self._skip_unless_fallback(element, kind, parent)
        block = kind.block
        items = element.items()
        if kind.plain and parent[_PASSES_ON] and element not in self.styled and element not in self.region_starts:
            if not items or self._inert(items):
                if block and self.owner is not None:
                    self.flush()
                self.stack.append(parent if parent[_BLOCK] is block else (block, *parent[1:]))
                # (`_collect` marks the break only where the text shows; an element without
                # attributes always has, which changes nothing where no text shows.)
                if self.open_bylines and (parent[_SHOWS_TEXT] or not items):
                    self.byline_break = True
                if parent[_SHOWS_TEXT]:
                    self._read_text(element, parent)  # (no words are generated around it: it is not styled)
                return True
            if kind.tag == "a" and self._enter_plain_link(element, items, parent):
                return True
        self._open_with(element, kind, items, parent)
        return True

    def _enter_plain_link(self, element: Any, items: list[tuple[str, str]], parent: _Frame) -> bool:
        """Open an `<a>` that is a link and nothing more, as `_open_with` would, without working
        out what its parent's frame (`parent`, one that passes on: see `_TagKind.plain`) already
        says: an unstyled `<a href>` whose other attributes are a `rel` and what `_inert` finds
        inert, which is no byline markup and whose text the link colour leaves shown. Its frame
        is its parent's with the link's rendering (`link_rendering`). False, with nothing done,
        for any other `<a>`: `_open_with` opens it. (A page's links are a sixth of its
        elements.)"""
        href = rel = None
        others = []
        for name, value in items:
            if name == "href":
                href = value
            elif name == "rel":
                rel = value
            else:
                others.append((name, value))
        if href is None or (others and not self._inert(others)):
            return False
        first_lines = self.style.first_lines
        if (first_lines and element in first_lines) or is_byline_markup(dict(items), "a", inside=bool(self.open_bylines)):
            return False
        rendering = parent[_RENDERING]
        if rendering.colour is not None:
            rendering = link_rendering(element, rendering, self.style)
            if not rendering.shows_text:
                return False
        frame = (False, rendering, *parent[_VISIBLE:])
        self.stack.append(frame)
        self.links.append((element, href, rel, not parent[_NOSCRIPT], parent[_IN_ARTICLE], len(self.items)))
        self.open_links.append(element)
        if parent[_SHOWS_TEXT]:
            if self.open_bylines:
                self.byline_break = True
            self._read_text(element, frame)
        return True

    def _enter_shadowed(self, element: Any, parent: _Frame, shadow: ShadowTrees) -> bool:
        """Open an element of a page with declarative shadow roots: a shadow root's template shows
        what it holds as its host's content; a light-DOM child of a host that no slot takes (or a
        slot's fallback content, when something is slotted into it) never renders; a slotted one
        inherits from its slot, whose frame is put on the stack under its own (and taken off after
        it: `_text_frame_after`)."""
        if element in shadow.unrendered:
            if parent[_VISIBLE]:
                self.found.visibility[element] = False
            self.stack.append((False, HIDDEN, False, parent[_IN_ARTICLE], parent[_HEADING], parent[_NOSCRIPT], parent[_CHROME], False, False, False))
            return False
        if element in shadow.roots:
            self.stack.append((False, *parent[1:]) if parent[_BLOCK] else parent)
            if parent[_SHOWS_TEXT] and element.text:
                self.add_text(element.text, parent, element, tail=False)
            return True
        slot = shadow.slot_of.get(element)
        if slot is not None:
            parent = self.slot_frames.get(slot, parent)
            self.stack.append(parent)
        if element in shadow.filled_slots:
            # Its own content is fallback, not shown: only what is slotted into it is.
            self.slot_frames[element] = self._open_mathml(element, parent)
            return True
        entered = self.enter(element, parent)
        if slot is not None:
            self.found.visibility[element] = self.stack[-1][_VISIBLE]
        if entered and element.tag == "slot":
            self.slot_frames[element] = self.stack[-1]
        return entered

    def _text_frame_after(self, element: Any, parent: _Frame, shadow: ShadowTrees) -> _Frame:
        """The frame the text after an element shows in (`parent`: its parent's), on a page with
        declarative shadow roots: a host's own text shows in its slot without a name, if any. A
        slotted element's slot frame (see `_enter_shadowed`) is taken off the stack."""
        if element in shadow.slot_of:
            self.stack.pop()
            parent = self.stack[-1]
        host = element.getparent()
        if host not in shadow.hosts:
            return parent
        slot = shadow.text_slot[host]
        if slot is None or slot not in self.slot_frames:
            return (False, HIDDEN, False, parent[_IN_ARTICLE], parent[_HEADING], parent[_NOSCRIPT], parent[_CHROME], False, False, False)
        return self.slot_frames[slot]

    def _open_with(self, element: Any, kind: _TagKind, items: list[tuple[str, str]], parent: _Frame) -> None:
        """Open an element that is not of a plain kind, or has attributes that count (`items`)."""
        # The attributes as a mapping (None when there are none): the tests of hiding, chrome
        # and byline markup ask only for `get`, which a dict answers as the element does.
        attributes = dict(items) if items else None
        block = self._lays_out_block(element, kind, attributes)
        if block and self.owner is not None:
            self.flush()
        painted = self.style.text_painted_over
        if painted and element in painted:
            # A cover inside it paints over its own text (`paint_order.Painted.own_text`): its
            # children are read as they show, its text and the text after each child are not.
            self._open(element, kind, attributes, parent, block, own_text=False)
            if self.stack[-1][_SHOWS_TEXT]:
                self.found.hides_text = True
            self.stack[-1] = _without_text(self.stack[-1])
            return
        self._open(element, kind, attributes, parent, block)

    def _is_closed(self, element: Any, tag: str, attributes: dict[str, str] | None) -> bool:
        """`_is_closed` on this page: a closed `<details>` whose content the page's CSS shows is
        not, and an open one whose content it hides is (`PageStyle.details`)."""
        details = self.style.details
        if _is_closed(element, tag, attributes, self._closed_by_their_groups):
            return element not in details.shown_closed
        return bool(details.hidden_open) and element in details.hidden_open

    def _closed_by_their_groups(self) -> frozenset[Any]:
        """`details_closed_by_their_groups` of the page, worked out once."""
        if self.closed_details is None:
            self.closed_details = details_closed_by_their_groups(self.root)
        return self.closed_details

    def _skip_unless_fallback(self, element: Any, kind: _TagKind, parent: _Frame) -> bool:
        """Skip an element whose content is never shown (False), but for an `<object>`, which is
        opened as any element (True): one with nothing to load shows its fallback content, and one
        that draws what it loads holds it closed (`_is_closed`), as a `<video>` holds its own."""
        if kind.tag == "object":
            self._open_with(element, kind, element.items(), parent)
            return True
        if kind.tag == "math":
            self._walk_math(element, parent)
            return False
        self._skip(element, kind.tag, parent)
        return False

    def _walk_math(self, math: Any, parent: _Frame) -> None:
        """Read a `<math>` as Chromium lays out MathML: the text of its token elements (`<mi>`,
        `<mo>`, `<mn>`, `<ms>`, `<mtext>`) and the HTML written in them (MathML's text
        integration points: `<math><mi><p>By NAME</p></mi></math>` shows the byline), through
        the other MathML elements, which lay out what they hold. Not what a browser does not
        show: text directly in those, and what an `<mphantom>`, an annotation, or any but the
        first child of a `<semantics>` or `<maction>` holds (`_MATHML_HIDING`). The walk over
        the page leaves the `<math>`."""
        from lxml import etree

        frames = {math: self._open_mathml(math, parent)}  # the MathML elements open, each with its frame
        walker = etree.iterwalk(math, events=("start", "end", "comment", "pi"))
        next(walker)  # the <math> itself, opened above
        for event, element in walker:
            if element is math:
                break
            if event == "end":
                self.leave(element)
            elif event != "start":
                _read_after_comment(self, element, False)
            elif (holder := element.getparent()) not in frames:
                if isinstance(element.tag, str) and element.tag.lower() == "math":
                    # A <math> in a token element's HTML is read in this same walk, not one of its
                    # own: `<math><mi>` written a thousand times deep is no recursion.
                    frames[element] = self._open_mathml(element, self.stack[-1])
                elif not self.enter(element):  # HTML in a token element
                    walker.skip_subtree()
            elif not self._open_math_child(element, holder, frames):
                walker.skip_subtree()

    def _open_math_child(self, element: Any, holder: Any, frames: dict[Any, _Frame]) -> bool:
        """Open an element of MathML in MathML `holder`; False when nothing of it shows."""
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        parent = frames[holder]
        if tag in MATHML_TEXT_INTEGRATION_POINTS:
            self._open_with(element, _tag_kind(tag), element.items(), parent)
            return True
        first = holder.tag not in _FIRST_CHILD_ONLY or next((child for child in holder if isinstance(child.tag, str)), None) is element
        if tag and tag not in _MATHML_HIDING and first:
            frames[element] = self._open_mathml(element, parent)
            return True
        if parent[_VISIBLE]:
            self.found.visibility[element] = False
        self.stack.append((False, HIDDEN, False, parent[_IN_ARTICLE], parent[_HEADING], parent[_NOSCRIPT], parent[_CHROME], False, False, False))
        return False

    def _open_mathml(self, element: Any, parent: _Frame) -> _Frame:
        """Open a MathML element (or a slot with something slotted into it) that lays out what it
        holds, its own text not shown (nor the words after each of its children): its frame,
        which its children inherit from."""
        kind = _tag_kind(element.tag)
        items = element.items()
        attributes = dict(items) if items else None
        block = self._lays_out_block(element, kind, attributes)
        if block and self.owner is not None:
            self.flush()
        self._open(element, kind, attributes, parent, block, own_text=False)
        frame = self.stack[-1]
        self.stack[-1] = _without_text(frame)
        return frame

    def _lays_out_block(self, element: Any, kind: _TagKind, attributes: dict[str, str] | None) -> bool:
        """Whether an element with attributes, or one the page's rules style, lays out a block of
        its own: its tag's block, or an inline element the page gives a block-level `display`
        ("<span style="display:block">" is a line of its own, as a <p> is), recorded in
        `block_display`. A block tag made inline stays a block of the reader's text: the byline
        reader reads "<li>Politics</li><li>By NAME</li>" laid out in one line as two parts, and
        DCNF's logo stands in next to a byline as well as above it."""
        if kind.block or (element not in self.styled and (attributes is None or "style" not in attributes)):
            return kind.block
        block = laid_out_as_block(self.style.declarations(element), kind.block)
        if block is not kind.block:
            self.found.block_display[element] = block
        return block

    def _inert(self, items: list[tuple[str, str]]) -> bool:
        """True when an element's attributes (`items`, not empty) change nothing `_open` would
        work out for an element of a plain kind (see `_TagKind.plain`): none of them is one that
        hiding, chrome, byline markup, links or closed sections read (`_READ_ATTRIBUTES`), but a
        `class` and an `id` that mark no hiding helper, chrome or byline (`_inert_names`). Most
        elements of a page have a class only (`<p class="has-text-align-left">`); the answer for
        each class and id is kept for the page."""
        names: tuple[str | None, str | None] = (None, None)
        for name, value in items:
            if name in COMPONENT_NAME_ATTRIBUTES and byline_by_component_name(value):
                return False  # a byline's component name (`data-testid="byline"`)
            if name in _READ_ATTRIBUTES:
                if name == "class":
                    names = (value, names[1])
                elif name == "id":
                    names = (names[0], value)
                else:
                    return False
        if names == (None, None):
            return True
        inert = self.inert_names.get(names)
        if inert is None:
            inert = self.inert_names[names] = _inert_names(*names)
        return inert

    def _open(self, element: Any, kind: _TagKind, attributes: dict[str, str] | None, parent: _Frame, block: bool, *, own_text: bool = True) -> None:
        """Open an element that is shown or may be: its frame (`block`: whether it lays out a
        block of its own), and what it shows (`own_text`: whether its own text is read)."""
        tag = kind.tag
        rendering = self._rendering(element, tag, attributes, parent)
        text_shown, visible = self._shows(element, kind, rendering, parent)
        in_article = parent[_IN_ARTICLE] or element in self.region_starts
        chrome = parent[_CHROME] or self._starts_chrome(element, kind, attributes, in_article)
        in_article = in_article and not chrome
        noscript = parent[_NOSCRIPT] or tag == "noscript"
        closed = kind.closable and self._is_closed(element, tag, attributes)
        text_open = text_shown and not closed
        shown = text_open and not noscript
        if not shown and parent[_SHOWS_TEXT]:
            self.found.hides_text = True
        heading = parent[_HEADING] or kind.heading
        # The sections of an `<amp-accordion>` go through `_open` (see `_is_closed`), even without attributes.
        # (A `text-indent` passed on to blocks inside is read on each: `Rendering.indent`.)
        passes_on = visible and text_open and tag != "amp-accordion" and rendering.indent is None and self._outside_line_boxes(element, block, rendering)
        frame = (block, rendering, visible, in_article, heading, noscript, chrome, closed, shown, passes_on)
        self._push(element, kind, attributes, frame, parent, own_text=own_text)

    def _shows(self, element: Any, kind: _TagKind, rendering: Rendering, parent: _Frame) -> tuple[bool, bool]:
        """Whether an element being opened (its `rendering`, in `parent`'s frame) shows its text, and
        whether it is seen; records a change of visibility from its parent's, and an element hidden
        there that may be too small to see (`too_small`)."""
        tag = kind.tag
        text_shown = True if rendering is SHOWN else False if rendering is HIDDEN else rendering.shows_text
        # An element whose text shows is seen, unless it is an image (too small?).
        visible = True if text_shown and not kind.may_draw_a_picture else self._seen(element, tag, rendering)
        if visible != parent[_VISIBLE]:
            self.found.visibility[element] = visible
        if ((not visible and parent[_VISIBLE]) or (not text_shown and parent[_SHOWS_TEXT])) and too_small(element, tag, rendering, self.style):
            self.found.too_small.add(element)
        return text_shown, visible

    def _seen(self, element: Any, tag: str, rendering: Rendering) -> bool:
        """Whether a reader sees an image (or an element whose text does not show) by `is_seen`,
        and for an image, more than placeholders in it (`shows_only_placeholders`)."""
        if not is_seen(element, tag, rendering, self.style.css_sized):
            return False
        if tag in IMAGE_TAGS and shows_only_placeholders(element):
            # A blank in a box: the box is laid out (it begins a line), but no picture is seen.
            self.placeholder_boxes.add(element)
            return False
        return True

    def _push(self, element: Any, kind: _TagKind, attributes: dict[str, str] | None, frame: _Frame, parent: _Frame, *, own_text: bool) -> None:
        """Put an opened element's frame on the stack, and record what it shows."""
        self.stack.append(frame)
        if parent[_RENDERING].one_line is not None:
            self._begins_first_line(element, kind, frame, parent[_RENDERING])
        first_lines = self.style.first_lines
        if first_lines and element in first_lines and frame[_SHOWS_TEXT]:
            self._read_first_line(element, kind.tag, frame)
        self._collect(element, kind, attributes, frame if own_text else _without_text(frame))

    def _skip(self, element: Any, tag: str, parent: _Frame) -> None:
        """Open an element whose content is never shown; metadata lives in such elements."""
        found = self.found
        _collect_head_data(element, tag, found.meta, found.canonical, found.json_ld, found.base)
        self._skipped_begins_first_line(element, tag, parent)
        if tag == "svg" and self._add_svg_image(element, parent):
            pass
        elif parent[_VISIBLE] and (tag in NOT_RENDERED_TAGS or (tag == "svg" and svg_clips_everything(element, self.style))):
            found.visibility[element] = False
        elif parent[_VISIBLE] and hides_its_content(element, tag):
            _hide_content(element, found.visibility)
            if tag == "textarea":
                self._text_box(element, parent)
        elif parent[_VISIBLE] and tag in _DRAWS_WHAT_IT_HOLDS and not self._rendering(element, tag, dict(element.items()) or None, parent).shows_text:
            # A hidden button (a logo in its label): what it holds is as hidden as it is.
            found.visibility[element] = False
        if tag == "svg" and _svg_text_may_show(parent) and found.visibility.get(element) is not False:
            self._read_svg_text(element, parent)
        self.stack.append((False, HIDDEN, parent[_VISIBLE], parent[_IN_ARTICLE], parent[_HEADING], parent[_NOSCRIPT], parent[_CHROME], False, False, False))

    def _text_box(self, textarea: Any, parent: _Frame) -> None:
        """Read the text a `<textarea>` whose box shows holds as a block of its own: a reader sees
        it in the box, as written (its raw text, which the parser keeps as text: `<b>` in it
        shows as "<b>"; what overflows the box scrolls into view), its lines run together, as a
        block's do. A hidden box's text (`Document.boxed_text`) is as hidden as it is."""
        if not self._rendering(textarea, "textarea", dict(textarea.items()) or None, parent).shows_text:
            self.found.visibility[textarea] = False
            return
        text = textarea.text
        if not text or text.isspace() or not parent[_SHOWS_TEXT]:
            return
        self.flush()
        self.add_text(text, parent, textarea, tail=False)
        self.flush()

    def _read_svg_text(self, svg: Any, parent: _Frame) -> None:
        """Read the words an inline `<svg>` whose box shows draws (`svg_text.svg_texts`) as text
        of the line it is in, each `<text>` apart from the next, and its `<a href>`s as links."""
        attributes = svg.items()
        if not holds_text(svg):
            return
        rendering = self._rendering(svg, "svg", dict(attributes) if attributes else None, parent)
        if not svg_is_seen(svg, rendering, self.style):
            return
        if self.svg_paint is None:
            self.svg_paint = paint_rules(applied_sheets(self.root))
        # A `viewBox` maps the user space by the box's size, which the page's CSS may set.
        sized_by_css = has_view_box(svg) and bool(self.style.on_demand(svg, SVG_SIZES))
        texts = svg_texts(svg, self.style.declarations, self.svg_paint, blends_into(rendering), rendering.colour, sized_by_css)
        visibility = self.found.visibility
        links: dict[Any, tuple[str, bool]] = {}
        block = None
        for piece in texts:
            visibility[piece.element] = piece.shown
            if piece.link is not None:
                links[piece.link] = (piece.href or "", piece.shown or links.get(piece.link, ("", False))[1])
            if not piece.shown:
                continue
            if block is not None and piece.block is not block:
                self.add_text(" ", parent, svg, tail=False)
            block = piece.block
            if piece.link is not None:
                self.open_links.append(piece.link)
            self.add_text(piece.text, parent, piece.block, tail=False)
            if piece.link is not None:
                self.open_links.pop()
        for link, (href, shown) in links.items():
            visibility[link] = shown
            self.links.append((link, href, link.get("rel"), shown, parent[_IN_ARTICLE], len(self.items)))

    def _add_svg_image(self, element: Any, parent: _Frame) -> bool:
        """Add an inline `<svg>` with an accessible name (`svg_accessible_name`) as an image whose
        alt text is that name: a logo drawn in the page is a logo as an `<img>` is. It is seen
        when its box shows and it is more than 2px (`svg_is_seen`). False for an unnamed one."""
        name = svg_accessible_name(element, self._by_id)
        if not name:
            return False
        attributes = element.items()
        rendering = self._rendering(element, "svg", dict(attributes) if attributes else None, parent)
        visible = parent[_VISIBLE] and svg_is_seen(element, rendering, self.style)
        if visible != parent[_VISIBLE]:
            self.found.visibility[element] = visible
        self.flush()
        self.items.append(_image(element, len(self.items), (), name, visible, parent[_IN_ARTICLE]))
        if parent[_NOSCRIPT] and visible:
            self.found.noscript_only.append(element)
        return True

    def _by_id(self, ident: str) -> Any:
        """The page's first element with that `id` (None when there is none); the page's ids are
        read once, when an `<svg>` first asks."""
        if self.ids is None:
            self.ids = ids_of_page(self.root.getroottree().getroot())
        return self.ids.get(ident)

    def _rendering(self, element: Any, tag: str, attributes: dict[str, str] | None, parent: _Frame) -> Rendering:
        rendering = self._own_rendering(element, tag, attributes, parent)
        if tag == "a" and rendering.colour is not None and attributes is not None and "href" in attributes:
            return link_rendering(element, rendering, self.style)
        if tag in UA_COLOURED_TAGS and not rendering.hidden:
            return ua_coloured_rendering(element, tag, rendering, self.style)
        return rendering

    def _own_rendering(self, element: Any, tag: str, attributes: dict[str, str] | None, parent: _Frame) -> Rendering:
        inherited = parent[_RENDERING]
        if parent[_CLOSED] and not _opens_closed(element, tag):
            return HIDDEN
        if inherited.hidden:
            return inherited
        if inherited.one_line is not None and self._on_later_line(element, tag, inherited):
            return HIDDEN
        if element in self.styled or tag in _HIDING_TAGS or inherited.indent is not None or (tag in IMAGE_TAGS and _may_lose_its_picture(inherited)):
            return render(element, tag, inherited, self.style)
        if attributes is None:
            return inherited  # nothing here can hide or show it (`render` would say so)
        if "style" in attributes or "hidden" in attributes or "layout" in attributes or "popover" in attributes:
            return render(element, tag, inherited, self.style)
        if (value := attributes.get("class")) is not None and hides_by_class(value):
            return render(element, tag, inherited, self.style)
        return inherited

    def _outside_line_boxes(self, element: Any, block: bool, rendering: Rendering) -> bool:
        """True when the element is in no box that shows one line only; an element that lays out
        a block (`block`: by its tag or its `display`) and is such a box is recorded with the
        number of items before its first line."""
        box = rendering.one_line
        if box is element and block:
            self.line_boxes[element] = len(self.items)
            self.line_box_fonts[element] = rendering.font_px
        return box is None

    def _on_later_line(self, element: Any, tag: str, inherited: Rendering) -> bool:
        """True when the element, inside `box`, a box that shows one line only (`inherited`: how
        its parent shows, inside the box), is a block in normal flow (by its own `display`,
        `float` and `position`, their `var()`s filled in) that starts after text inside the box
        has made a block or is on the line being read, or a table's part whose anonymous table
        starts so (the first of the parts beside it decides for them all), or whose first line the
        space above it pushes out of the box (`_pushed_below_box`); or an atomic inline box as
        wide as the line after something on it (`_fills_a_line`). Once a box inside it is floated
        or taken out of the flow, where its lines fall is not worked out: nothing after it is
        judged."""
        box = inherited.one_line
        if box in self.lines_not_read:
            return False
        declared = self._filled(element, inherited)
        flow = self._flow_in_box(element, tag, declared, inherited)
        if flow == "out":
            self.lines_not_read.add(box)
        elif flow == "table part" and (first := self._first_table_part(element)) is not element:
            return first in self.later_tables
        if flow == "inline":
            return (self.owner is not None or box in self.lines_started) and _fills_a_line(declared)
        if flow not in ("block", "table part"):
            return False
        if not self._after_first_line(box):
            return flow == "block" and self._pushed_below_box(element, box, inherited)
        if flow == "table part":
            self.later_tables.add(element)
        return True

    def _pushed_below_box(self, element: Any, box: Any, inherited: Rendering) -> bool:
        """True when a block that begins the first line of `box`, a box that shows one line only,
        starts that line below what the box shows: the top margins and paddings the page
        declares on it and the blocks around it inside the box (`clipping.top_space_px`, a
        longhand or its shorthand as the cascade decides) reach the box's height and bottom
        padding (`clipping.shown_height_px`). A block's top margin collapses with its parent's
        when the parent has no top padding (CSS 2.1, 8.3.1): the larger of the two is the
        space, never their sum; the box itself, which clips, starts a formatting context and
        keeps its children's margins inside. No judgement for a block whose parent is neither the
        box nor such a block, for one that sets its own font size (its `em` is another's), nor for
        one with a negative margin (it may take back its parent's) or inside one."""
        parent = element.getparent()
        if parent is box:
            above, parent_margin, collapses = 0.0, 0.0, False
        elif parent in self.first_line_space:
            above, parent_margin, collapses = self.first_line_space[parent]
        else:
            return False
        style = self.style
        font, margin_declared, padding_declared = style.winners_of(element, (("font-size", "font"), ("margin-top", "margin"), ("padding-top", "padding")))
        if font is not None:
            return False
        margin = top_space_px(margin_declared, inherited.font_px)
        padding = top_space_px(padding_declared, inherited.font_px)
        if margin is None or padding is None:
            return False  # a negative margin: what is inside it is not judged
        space = above + (max(0.0, margin - parent_margin) if collapses else margin) + padding
        joined = max(parent_margin, margin) if collapses else margin
        # (A child's margin collapses with this block's only when it has no top padding.)
        self.first_line_space[element] = (space, joined if padding == 0 else 0.0, padding == 0)
        if space <= 0:
            return False
        shown = shown_height_px(style.declarations(box), self.line_box_fonts.get(box, inherited.font_px))
        return shown is not None and space >= shown and not self._moved_up_inside(element)

    def _moved_up_inside(self, element: Any) -> bool:
        """True when something inside the element, or the element, may move its text back up: a
        negative top margin, an offset (`top`, `bottom`, `inset`) or a transform. Asked only of a
        block found pushed below a one-line box (rare), so reading its subtree costs little."""
        style = self.style
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            # Matched on demand: the page's rules are matched only for the properties that can
            # hide, and a transform that moves text up hides nothing by itself.
            declared = style.on_demand(node, _MOVING_UP)
            if any(name not in ("margin-top", "margin") for name in declared):
                return True
            margins = [declared[name].values[0] for name in ("margin-top", "margin") if name in declared and declared[name].values]
            if any(value.type in ("dimension", "percentage") and value.value < 0 for value in margins):
                return True
        return False

    def _filled(self, element: Any, inherited: Rendering) -> Mapping[str, Declaration]:
        """The element's declarations with their `var()`s filled in (`inherited`: how its parent shows)."""
        return with_variables_filled(self.style.declarations(element), inherited.variables)

    def _flow_in_box(self, element: Any, tag: str, declared: Mapping[str, Declaration], inherited: Rendering) -> str:
        """How the element is laid out inside the box that shows one line only it is in
        (`clipping.flow_in_line_box`), by its `display`, `float` and `position` (`declared`: its
        declarations, filled in by `_filled`) and its parent's `display`."""
        parent = element.getparent()
        if parent is inherited.one_line:
            return flow_in_line_box(declared, tag, tag in BLOCK_TAGS)
        parent_display = self._filled(parent, inherited).get("display")
        return flow_in_line_box(declared, tag, tag in BLOCK_TAGS, parent_display, _tag_kind(parent.tag).tag)

    def _begins_first_line(self, element: Any, kind: _TagKind, frame: _Frame, inherited: Rendering) -> None:
        """Record that a seen image, form control, video or other atomic inline box
        (`inline-block`, `inline-flex`, `inline-table`…) in the line of the text around it, inside
        a box that shows one line only (`inherited.one_line`; `frame`: the element's), has begun
        the box's first line, if no text has: a line that holds one is no empty line (CSS 2.1,
        9.4.2), and a block that starts after it starts on a later line, which the box clips
        (`_after_first_line`). An inline box (`display: inline`, `contents`) begins no line by
        itself: its text does."""
        if not ((frame[_VISIBLE] or element in self.placeholder_boxes) and frame[_SHOWS_TEXT]) or frame[_BLOCK]:
            return
        replaced = kind.image or (kind.tag in _REPLACED_INLINE_TAGS and (kind.tag != "input" or (element.get("type") or "").lower() != "hidden"))
        self._mark_first_line(element, kind.tag, replaced, inherited)

    def _skipped_begins_first_line(self, element: Any, tag: str, parent: _Frame) -> None:
        """`_begins_first_line` for an element whose content the walk skips: an inline `<svg>`,
        `<iframe>`, `<object>`, `<embed>` or form control (`<button>`, `<select>`, `<textarea>`)
        that the page does not hide with the `hidden` attribute makes a line as an image does."""
        if tag in _SKIPPED_REPLACED_TAGS and parent[_SHOWS_TEXT] and parent[_RENDERING].one_line is not None and element.get("hidden") is None:
            self._mark_first_line(element, tag, True, parent[_RENDERING])

    def _mark_first_line(self, element: Any, tag: str, replaced: bool, inherited: Rendering) -> None:
        """Record that the element begins the first line of the one-line box it is in (see
        `_begins_first_line`) when it is laid out in the line (not a block, not floated) as an
        atomic inline box: by its `display`, or, for a `replaced` element (an image, a form
        control), by default."""
        box = inherited.one_line
        if box in self.lines_started or box in self.lines_not_read:
            return
        declared = self._filled(element, inherited)
        if self._flow_in_box(element, tag, declared, inherited) != "inline":
            return
        display = declared.get("display")
        keyword = "" if display is None else display_keyword(display)
        if keyword in ATOMIC_INLINE_DISPLAYS or (replaced and keyword in ("", "inline")):
            self.lines_started.add(box)

    def _first_table_part(self, element: Any) -> Any:
        """The first of the table's parts (`clipping.table_part`) that stand side by side with the
        element, a table's part itself, with only white space between them: they are in one
        anonymous table. An element a page does not display makes no box between them; one
        not seen for another reason is passed over too (the part after it is then judged with
        the parts before it, which is never to hide more)."""
        first = element
        previous = element.getprevious()
        while previous is not None and not (previous.tail or "").strip():
            if isinstance(previous.tag, str):
                part = table_part(self.style.declarations(previous))
                if part:
                    first = previous
                elif part is not None and self.found.visibility.get(previous) is not False:
                    break
            previous = previous.getprevious()
        return first

    def _after_first_line(self, box: Any) -> bool:
        """True when text inside `box`, a box that shows one line only, has already made a block,
        or is on the line being read (a block starting now ends it): a block that starts now is on
        a later line, which the box clips. (Entering the box ended the block before it.)"""
        start = self.line_boxes.get(box)
        return start is not None and (self.owner is not None or box in self.lines_started or any(isinstance(item, Block) for item in self.items[start:]))

    def _break_line_box(self, br: Any, box: Any) -> None:
        """A `<br>` inside `box`, a box that shows one line only, ends its first line when only
        block containers and inline boxes in normal flow are between them (`holds_lines_of_box`),
        and no floated or out-of-flow box came before: what the box holds after it, text and
        elements, is on a later line, which the box clips. The frames of the box and of the
        elements open inside it (the walk's stack holds one per open element, the `<br>`'s on
        top) are hidden from here on: their text and tails and what they still hold do not show."""
        if box in self.lines_not_read:
            return
        depth = 1
        node = br
        while node is not box:
            if not holds_lines_of_box(self.style.declarations(node), _tag_kind(node.tag).tag):
                return
            node = node.getparent()
            depth += 1
        stack = self.stack
        for index in range(len(stack) - depth, len(stack)):
            frame = stack[index]
            stack[index] = (frame[_BLOCK], HIDDEN, *frame[_VISIBLE:_SHOWS_TEXT], False, False)
        self.found.hides_text = True

    def _starts_chrome(self, element: Any, kind: _TagKind, attributes: dict[str, str] | None, in_article: bool) -> bool:
        """True when the element is the outermost of some chrome (recorded when in the article)."""
        # The region and its ancestors are asked about last: most elements are not chrome at all.
        if not (kind.chrome if attributes is None else is_chrome(attributes, kind.tag)) or element in self.region_line:
            return False
        if in_article:
            self.found.outside.append(element)
        return True

    def _collect(self, element: Any, kind: _TagKind, attributes: dict[str, str] | None, frame: _Frame) -> None:
        """Record what an opened element shows: an image, a link, a line break, byline markup, its text."""
        shown = frame[_SHOWS_TEXT]
        tag = kind.tag
        if _draws_a_picture(element, kind):
            if _add_image(self.items, element, frame, self.flush):
                self.found.noscript_only.append(element)
        elif tag == "a" and attributes is not None and (href := attributes.get("href")) is not None:
            visible = frame[_RENDERING].shows_text and not frame[_NOSCRIPT]
            self.links.append((element, href, attributes.get("rel"), visible, frame[_IN_ARTICLE], len(self.items)))
            self.open_links.append(element)
        elif tag == "br" and shown:
            self.add_text("\n", frame, element, tail=False)
            if frame[_RENDERING].one_line is not None:
                self._break_line_box(element, frame[_RENDERING].one_line)
        if shown and self.open_bylines:
            self.byline_break = True
        # Byline markup whose own text is hidden (`font-size: 0`) but whose box shows is still
        # read: a descendant may show its text again, and only the text shown is captured.
        if (shown or (frame[_VISIBLE] and not frame[_NOSCRIPT] and not frame[_CLOSED])) and (
            kind.byline if attributes is None else is_byline_markup(attributes, tag, inside=bool(self.open_bylines))
        ):
            mark = BylineMark(element, len(self.items), frame[_IN_ARTICLE], frame[_CHROME])
            self.open_bylines.append(mark)
            self.found.byline_marks.append(mark)
        if shown:
            self._read_text(element, frame)

    def _read_text(self, element: Any, frame: _Frame) -> None:
        """Read the text an opened element shows before its first child: what its `::before`
        generates, then its own text."""
        generated = self.generated
        if generated is not None and element in generated and generated[element][0]:
            self.add_text(generated[element][0], frame, element, tail=False)
        text = element.text
        if text and (self.first_line_unseen or self.line_clipped):
            text = self.first_line_shown(text, element, tail=False)
        if text:
            self.add_text(text, frame, element, tail=False)

    def _read_first_line(self, block: Any, tag: str, frame: _Frame) -> None:
        """Note the words of a block's first line that its `::first-line` leaves unseen
        (`first_line.unseen_first_line`), its boxes read inside it as the walk reads them."""

        def rendering_of(element: Any, inherited: Rendering) -> Rendering:
            items = element.items()
            return self._rendering(element, element.tag, dict(items) if items else None, (frame[_BLOCK], inherited, *frame[_VISIBLE:]))

        self.first_line_unseen.update(unseen_first_line(block, tag, frame[_RENDERING], self.style, rendering_of))

    def first_line_shown(self, text: str, node: Any, *, tail: bool) -> str:
        """The part of a text (`node`'s, or its tail) that shows: past what its block's
        `::first-line` leaves unseen (`_read_first_line`), and before what runs past the edge of
        a box that clips its one line (`line_clip`)."""
        cut = self.first_line_unseen.pop((node, tail), 0) if self.first_line_unseen else 0
        kept = self.line_clipped.pop((node, tail), None) if self.line_clipped else None
        if not cut and kept is None:
            return text
        self.found.hides_text = True
        return text[cut:] if kept is None else text[cut:kept]

    def leave(self, element: Any) -> None:
        """Close an element: end its block, its byline markup, and read the text after it."""
        frame = self.stack.pop()
        generated = self.generated
        if generated is not None and element in generated and generated[element][1] and frame[_SHOWS_TEXT]:
            self.add_text(generated[element][1], frame, element, tail=False)
        # Skipped tags and block tags never overlap: a skipped element has no block to end.
        if frame[_BLOCK] and self.owner is not None:
            self.flush()
        open_bylines = self.open_bylines
        if open_bylines:
            if open_bylines[-1].element is element:
                open_bylines.pop()
            self.byline_break = True
        open_links = self.open_links
        if open_links and open_links[-1] is element:
            open_links.pop()
        if element is not self.root:
            tail = element.tail
            parent = self.stack[-1]
            if self.shadow is not None:
                parent = self._text_frame_after(element, parent, self.shadow)
            if tail and parent[_SHOWS_TEXT]:
                unseen = self.style.tails_unseen
                if unseen and element in unseen:
                    # Pushed below the bottom of a box that clips it (`flow_clip`).
                    self.found.hides_text = True
                    return
                if self.first_line_unseen or self.line_clipped:
                    tail = self.first_line_shown(tail, element, tail=True)
                self.add_text(tail, parent, element, tail=True)

    def finish(self, url: str | None) -> _Walked:
        """End the last block; what the walk found, every URL the page gives (links, the canonical
        URL, the URL-valued `<meta>` tags) resolved against its base (`url`: see `parse_html`)."""
        self.flush()
        found = self.found
        found.items = tuple(self.items)
        found.offsets = item_offsets(found.items)
        base = found.base_url = page_base(found.base, url)
        found.canonical = [resolve_url(given, base) for given in found.canonical]
        for name in URL_META.intersection(found.meta):
            found.meta[name] = [resolve_url(given, base) for given in found.meta[name]]
        if found.json_ld:
            resolve_json_ld_urls(found.json_ld, base)
        # (Most links have no `rel`: its words are split only when there are some.)
        found.links = tuple(
            new_link(resolve_url(href, base), None, tuple(rel.lower().split()) if rel else (), element.sourceline or 1, visible, in_article, index, element)
            for element, href, rel, visible, in_article, index in self.links
        )
        seen = [link.element for link in found.links if link.visible and link.element is not None]
        if seen and pointer_events.may_ignore_pointer(self.root, applied_sheets(self.root)):
            found.ignoring_pointer = pointer_events.ignoring_pointer(seen, self.style.on_demand_of)
        found.painted_by, found.line_clippers = self.style.painted_by, self.style.line_clippers
        found.helper_classes_hide = self.style.helper_classes_hide
        return found


def _mark_seams(marks: list[BylineMark], text: str) -> None:
    """Where each open byline markup's capture has a seam: an element boundary between two parts
    whose words meet without a space ("Jake Smith" + "Daily Caller News Foundation reporter" in
    sibling elements; "Reu" + "ters" around an empty `<b></b>`). The capture keeps the words
    joined, as a browser lays out inline elements; the seam is where the byline reader may read
    the parts apart, when joined they run a name into the next part (see `bylines._read_mark`).
    Parts that meet at a space or a comma have no seam."""
    if not text[:1].isalnum():
        return
    for mark in marks:
        capture = mark.capture
        if capture and capture[-1][-1:].isalnum():
            mark.seams.append(len(capture))


def _is_closed(element: Any, tag: str, attributes: dict[str, str] | None, closed_by_groups: Callable[[], frozenset[Any]]) -> bool:
    """True for an element that shows only its first part until a reader opens it: a `<details>`
    without `open` (its `<summary>`), or one its exclusive accordion closes (`closed_by_groups`:
    see `details_closed_by_their_groups`), and a section of an `<amp-accordion>` without
    `expanded` (its heading, the section's first child)."""
    if tag == "details":
        return attributes is None or "open" not in attributes or ("name" in attributes and element in closed_by_groups())
    if hides_its_content(element, tag):
        return True
    if tag == "section" and (attributes is None or "expanded" not in attributes):
        parent = element.getparent()
        return parent is not None and isinstance(parent.tag, str) and parent.tag.lower() == "amp-accordion"
    return False


def details_closed_by_their_groups(root: Any) -> frozenset[Any]:
    """The `<details open>` of exclusive accordions (those with one `name`) that an earlier one of
    their group, open, closes as the page is read: only the first of a group stays open (HTML,
    "ensure details exclusivity by closing the given element if needed"). What a `<template>`
    holds is in no group. One pass over the page's `<details>`."""
    open_names: set[str] = set()
    closed = []
    for details in root.iter("details"):
        name = details.get("name")
        if not name or details.get("open") is None or any(ancestor.tag == "template" for ancestor in details.iterancestors()):
            continue
        if name in open_names:
            closed.append(details)
        open_names.add(name)
    return frozenset(closed)


def _hide_content(element: Any, visibility: dict[Any, bool]) -> None:
    """Record what a skipped element holds as unseen (see `visibility.hides_its_content`)."""
    for child in element:
        if isinstance(child.tag, str):
            visibility[child] = False


def _opens_closed(element: Any, tag: str) -> bool:
    """True for the part of a closed element (see `_is_closed`) that shows: the `<summary>` of a
    `<details>`, the heading of an `<amp-accordion>` section."""
    parent = element.getparent()
    if hides_its_content(parent, parent.tag.lower()):
        return False  # fallback content: nothing of it shows
    if parent.tag.lower() == "details":
        return tag == "summary" and parent.find("summary") is element
    return next((child for child in parent if isinstance(child.tag, str)), None) is element


# `<meta>` tags whose content is a URL, read as the page's links are (see `page_base`): Open
# Graph's `og:url` and the news standout tags `syndication-source` and `original-source`.
URL_META: Final = frozenset({"og:url", "syndication-source", "original-source"})


# JSON-LD keys whose string value is a URL (schema.org's `url`, `mainEntityOfPage`; JSON-LD's
# node identifier `@id`), resolved as the page's links are (see `resolve_json_ld_urls`).
JSON_LD_URL_KEYS: Final = frozenset({"url", "mainEntityOfPage", "@id"})


def resolve_json_ld_urls(json_ld: list[Any], base: str | None) -> None:
    """Resolve, in place, the URLs of a page's parsed JSON-LD (`JSON_LD_URL_KEYS`, at any depth,
    and each string of a list under such a key) as the canonical URL and `og:url` are: against
    the page's base (`page_base`: its `<base href>`, else its own address when known), a
    protocol-relative one over `https:` (`resolve_url`). A blank node (`_:b0`) names nothing and
    is left as written, as is a value with a scheme of its own. Walked without recursion: JSON-LD
    nests as deep as the JSON parser allows. Never raises."""
    pending: list[tuple[Any, bool]] = [(json_ld, False)]  # (a list or object, whether its strings are URLs)
    while pending:
        node, urls = pending.pop()
        entries = enumerate(node) if isinstance(node, list) else node.items()
        for key, value in list(entries):
            is_url = urls if isinstance(node, list) else key in JSON_LD_URL_KEYS
            if isinstance(value, dict | list):
                pending.append((value, is_url and isinstance(value, list)))
            elif is_url and isinstance(value, str) and not value.startswith("_:"):
                node[key] = resolve_url(value, base)


def page_base(base_hrefs: Sequence[str], url: str | None) -> str | None:
    """The URL a page's relative URLs resolve against, as a browser fixes it: the first `<base
    href>` of the page (`base_hrefs`, in document order), itself resolved against the page's own
    address `url` when it is relative and that is known; else the page's own address. None when
    neither gives an http(s) URL (a relative base on a page whose address is not known). A
    `<base href>` a URL parser refuses (an unclosed IPv6 bracket) is passed over, as browsers
    fall back to the page's own address."""
    if base_hrefs:
        base = resolve_url(base_hrefs[0], url)
        if is_http_url(base) and _parses(base):
            return base
    return url if url is not None and is_http_url(url) else None


def _parses(url: str) -> bool:
    """Whether Python's URL parser, which `resolve_url` joins with, reads `url` without error."""
    import urllib.parse

    try:
        urllib.parse.urlsplit(url)
    except ValueError:
        return False
    return True


def resolve_url(href: str, base: str | None) -> str:
    """A URL the page gives as a browser follows it, white space stripped: against the page's
    base (`page_base`) when it is an http(s) URL, and a protocol-relative one (`//host/path`)
    over `https:` when it is not known (the scheme is all that is missing, and pages are served
    over HTTPS). A path-relative URL without such a base stays as written: the page's own address
    is not known, and its canonical URL cannot stand in for it (a republication's names the
    original's site)."""
    href = href.strip()
    if base is not None and is_http_url(base):
        # Imported here, where it is needed: a page's address is known for a fetched page only,
        # and an import statement costs as much as the rest of a link's resolution.
        import urllib.parse

        try:
            return urllib.parse.urljoin(base, href)
        except ValueError:
            return href  # a malformed URL (an unclosed IPv6 bracket) is left as written
    if href.startswith("//") and not href.startswith("///"):
        return "https:" + href
    return href


# Tags that hide by markup whatever their attributes say (see `visibility.is_hidden`).
_HIDING_TAGS = frozenset({"dialog", "input", *UA_HIDDEN_TAGS})
# The attributes of an element that has none.
_NO_ATTRIBUTES: Final[dict[str, str]] = {}


def _collect_head_data(element: Any, tag: str, meta: dict[str, list[str]], canonical: list[str], json_ld: list[Any], base: list[str]) -> None:
    """Metadata lives in skipped elements; read it on the way past."""
    if tag == "head":
        for child in element.iter("meta", "link", "script", "base"):
            _collect_head_data(child, child.tag, meta, canonical, json_ld, base)
        return
    if tag == "base":
        # The first `<base>` with an `href` sets the base, even an empty one (the page's own address).
        href = element.get("href")
        if href is not None:
            base.append(href.strip())
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


def _shadow_trees(root: Any) -> ShadowTrees | None:
    """The page's declarative shadow roots (`shadow.shadow_trees`); None for a page without a
    `<template>` (most pages), for which their module is not imported."""
    if next(root.iter("template"), None) is None:
        return None
    from compliance.document.shadow import shadow_trees

    return shadow_trees(root)


def _draws_a_picture(element: Any, kind: _TagKind) -> bool:
    """Whether an element is an image the walk records: an image element, or an image button."""
    return kind.image or (kind.may_draw_a_picture and is_image_input(element, kind.tag))


def _add_image(items: list[Item], element: Any, frame: _Frame, flush: Callable[[], None]) -> bool:
    """Add an image item; True when it is a `<noscript>` image with no lazy-load placeholder
    before it (readers with scripts on never see it)."""
    sources = image_sources(element)
    alt = normalize_inline(element.get("alt") or "")
    previous = items[-1] if items else None
    noscript = frame[_NOSCRIPT]
    # A <noscript> fallback repeats the image just before it: one image, not two, when readers
    # with scripts on see that image or a lazy-loader fills it in. A copy of an image they do not
    # see (1px, hidden) is seen only with scripts off, as is an `<amp-img>`'s fallback inside it.
    if (
        noscript
        and isinstance(previous, Image)
        and (set(sources) & set(previous.sources) or (alt and alt == previous.alt) or not previous.sources)
        and (previous.visible or waits_for_loader(previous.element))
    ):
        merged = tuple(dict.fromkeys(previous.sources + sources))
        items[-1] = dataclasses.replace(previous, sources=merged, alt=previous.alt or alt, visible=previous.visible or frame[_VISIBLE])
        return False
    flush()
    # A <noscript> image (the fallback shown when scripts are off) is visible when its surroundings are.
    items.append(_image(element, len(items), sources, alt, frame[_VISIBLE], frame[_IN_ARTICLE]))
    return noscript


def _image(element: Any, index: int, sources: tuple[str, ...], alt: str, visible: bool, in_article: bool) -> Image:
    """The image item of an `<img>` (or another image element) or a named `<svg>`, the `index`-th
    item of the document: its source line, and its `width`/`height` attributes as written
    (trimmed; empty when absent)."""
    return Image(
        index=index,
        sources=sources,
        alt=alt,
        line=element.sourceline or 1,
        visible=visible,
        in_article=in_article,
        element=element,
        width=(element.get("width") or "").strip(),
        height=(element.get("height") or "").strip(),
    )
