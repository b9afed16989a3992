"""Markdown articles read as a CommonMark renderer reads them (markdown-it-py), line by line.

The source is parsed once into CommonMark's tokens and rendered to HTML, and that HTML is read
by the HTML walk (`document.html`), so a Markdown article's images, links and what hides them
are what a browser shows of the rendered page: `![alt][ref]` resolved through its reference
definition, raw HTML (`<img>`, `<a>`, `<div style="display:none">`, comments) read as HTML, and
code (indented or fenced blocks, code spans, `<pre>`) shown as written, never as an image.

Every item keeps the line of the Markdown source it comes from: the HTML is rendered token by
token and each line of it is mapped to the source line it renders. Text blocks stay one per
source line, as text extraction renders a page, with the markup removed.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

from compliance.document.model import Block, Image, Item, Link
from compliance.text import normalize_inline

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token

# Marks each rendered block element with the index of the token that opened it.
_BLOCK_ATTRIBUTE = "data-syndcheck-token"
# Inline tokens that are markup, not text a reader sees (the image is an item of its own).
_NO_TEXT = frozenset({"html_inline", "image"})
_LINE_BREAKS = frozenset({"softbreak", "hardbreak"})
_CODE = frozenset({"fence", "code_block"})


@functools.cache
def _parser() -> MarkdownIt:
    # Imported here: only Markdown articles need it.
    from markdown_it import MarkdownIt

    # CommonMark as written: raw HTML is HTML; no linkify or typographer (they change the text).
    return MarkdownIt("commonmark")


def read_markdown(body: str) -> tuple[list[Item], list[Link]]:
    """The items (text lines and images, in source order) and links of a Markdown body whose
    line numbers are the file's (front matter already blanked out)."""
    from compliance.document.html import parse_html

    md = _parser()
    tokens = md.parse(body)
    for index, token in enumerate(tokens):
        if token.nesting == 1 and not token.hidden:
            token.attrSet(_BLOCK_ATTRIBUTE, str(index))
    html, source_lines = _render(md, tokens)
    rendered = parse_html(html, rendered=True)

    def source_line(element: Any) -> int:
        line = (element.sourceline or 1) - 1
        return source_lines[min(line, len(source_lines) - 1)] if source_lines else 1

    shown = {int(e.get(_BLOCK_ATTRIBUTE)): rendered.is_visible(e) for e in rendered.root.iter() if isinstance(e.tag, str) and e.get(_BLOCK_ATTRIBUTE)}
    entries: list[tuple[int, int, Item]] = []  # (source line, 0 image / 1 text, item)
    for image in rendered.images:
        line = source_line(image.element)
        entries.append((line, 0, Image(0, image.sources, image.alt, line, image.visible, image.in_article, None, image.width, image.height)))
    html_lines: set[int] = set()
    for line, text, code, heading in _markdown_lines(tokens, shown, html_lines):
        entries.append((line, 1, Block(0, text, line, not code, heading)))
    for block in rendered.blocks:
        line = source_line(block.element)
        if line in html_lines:
            # Text of raw HTML; the text of a `<pre>` is shown as written, as a code block's.
            entries.append((line, 1, Block(0, block.text, line, block.in_article and not _in_pre(block.element), block.heading)))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    items: list[Item] = []
    for _, _, item in entries:
        items.append(_with_index(item, len(items)))
    keys = [(item.line, 0 if isinstance(item, Image) else 1) for item in items]
    links = [
        Link(link.href, link.text, link.rel, line, link.visible, link.in_article, bisect.bisect_left(keys, (line, 1)))
        for link in rendered.links
        for line in (source_line(link.element),)
    ]
    return items, links


def _with_index(item: Item, index: int) -> Item:
    if isinstance(item, Image):
        return Image(index, item.sources, item.alt, item.line, item.visible, item.in_article, None, item.width, item.height)
    return Block(index, item.text, item.line, item.in_article, item.heading)


def _in_pre(element: Any) -> bool:
    return any(node.tag == "pre" for node in (element, *element.iterancestors()))


def _render(md: MarkdownIt, tokens: Sequence[Token]) -> tuple[str, list[int]]:
    """The HTML of the tokens, and for each of its lines (0-based) the source line (1-based) it
    renders: each token is rendered on its own, its lines following its source lines."""
    renderer, options = cast("RendererHTML", md.renderer), md.options
    env: dict[str, Any] = {}
    chunks: list[str] = []
    lines: list[int] = []
    current = 1
    open_line = False  # whether the last output line is still open (no newline yet)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            chunk = renderer.renderInline(token.children or [], options, env)
        elif token.type in renderer.rules:
            chunk = renderer.rules[token.type](tokens, index, options, env)
        else:
            chunk = renderer.renderToken(tokens, index, options, env)
        if not chunk:
            continue
        if token.map is not None:
            # A fenced block's first rendered line holds its first line of code.
            current = token.map[0] + (2 if token.type == "fence" else 1)
        last = token.map[1] if token.map is not None else current
        parts = chunk.split("\n")
        for offset, _ in enumerate(parts[:-1] if chunk.endswith("\n") else parts):
            if offset == 0 and open_line:
                continue
            lines.append(min(current + offset, max(last, current)))
        open_line = not chunk.endswith("\n")
        chunks.append(chunk)
    return "".join(chunks), lines


def _markdown_lines(tokens: Sequence[Token], shown: dict[int, bool], html_lines: set[int]) -> list[tuple[int, str, bool, bool]]:
    """(source line, text, is code, is heading) of each line of Markdown text a reader sees; the source
    lines of raw HTML blocks, whose text the HTML walk reads, go to `html_lines`."""
    lines: list[tuple[int, str, bool, bool]] = []
    for token, container in _leaves(tokens):
        if token.map is None:
            continue
        if token.type == "html_block":
            html_lines.update(range(token.map[0] + 1, token.map[1] + 1))
        elif container is not None and not shown.get(container, True):
            continue  # in an element the HTML around it hides
        elif token.type in _CODE:
            first = token.map[0] + (2 if token.type == "fence" else 1)
            lines.extend((first + offset, text, True, False) for offset, raw in enumerate(token.content.split("\n")) if (text := normalize_inline(raw)))
        elif token.type == "inline":
            heading = container is not None and tokens[container].type == "heading_open"
            lines.extend((token.map[0] + 1 + offset, text, False, heading) for offset, text in _inline_lines(token.children or []) if text)
    return lines


def _leaves(tokens: Sequence[Token]) -> Iterator[tuple[Token, int | None]]:
    """Each token that is not an opening or closing one, with the index of the innermost rendered
    block it is in (a tight list's paragraphs are not rendered: their list item is)."""
    open_blocks: list[int] = []
    hidden: list[bool] = []
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            hidden.append(token.hidden)
            if not token.hidden:
                open_blocks.append(index)
        elif token.nesting == -1:
            if hidden and not hidden.pop() and open_blocks:
                open_blocks.pop()
        else:
            yield token, (open_blocks[-1] if open_blocks else None)


def _inline_lines(children: Sequence[Token]) -> list[tuple[int, str]]:
    """(line offset, text) of an inline run: its text without markup, split at its line breaks."""
    out: list[tuple[int, str]] = []
    parts: list[str] = []
    offset = 0
    for child in children:
        if child.type in _LINE_BREAKS:
            out.append((offset, normalize_inline("".join(parts))))
            parts.clear()
            offset += 1
        elif child.type not in _NO_TEXT:
            parts.append(child.content)
    out.append((offset, normalize_inline("".join(parts))))
    return out
