"""Markdown articles read as a CommonMark renderer reads them (markdown-it-py), line by line.

The source is parsed once into CommonMark's tokens. When it holds raw HTML (a comment too: an
inline suppression is read as the HTML parser reads comments), the tokens are rendered to HTML and
that HTML is read by the HTML walk (`document.html`), so a Markdown article's images, links, what
hides them and its comments are what a browser reads of the rendered page; without raw HTML
nothing is hidden, and the images and links are read from the tokens.
`![alt][ref]` is resolved through its reference definition, raw HTML (`<img>`, `<a>`,
`<div style="display:none">`, `<span hidden>` inside a paragraph, comments) is read as HTML,
and code (indented or fenced blocks, code spans, `<pre>`) is shown as written, never as an image.

Every item keeps the line of the Markdown source it comes from. Block tokens carry their source
lines; inside a paragraph, each inline token gets the span of the paragraph's text it was read
from, so a construct that runs across a line break (a code span, a link destination, inline
HTML) leaves the lines after it where they are. The HTML is rendered token by token, its lines
kept in step with the source lines, and each line of it is mapped to the source line it renders.
Text blocks stay one per source line, as text extraction renders a page, with the markup removed.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from compliance.document.model import Block, BrokenLink, Document, Image, Item, Link
from compliance.document.positions import tree_comments
from compliance.text import normalize_inline

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

# Marks each rendered block element with the index of the token that opened it.
_BLOCK_ATTRIBUTE = "data-syndcheck-token"
# Inline tokens that are markup, not text a reader sees (the image is an item of its own).
_NO_TEXT = frozenset({"html_inline", "image"})
_LINE_BREAKS = frozenset({"softbreak", "hardbreak"})
_CODE = frozenset({"fence", "code_block"})
# Token.meta keys: the (start, end) offsets in its paragraph's text an inline token was read from;
# the text mark rendered before a run of text.
_SPAN = "syndcheck-span"
_NEWLINE = re.compile("\n")
_TEXT_MARK = "syndcheck-text-mark"
# Text like that of the text marks in an article (see `_text_mark`).
_MARK_IN_TEXT = re.compile(r"syndcheck-text(-*)")
# Where the span marker last ran, on the inline parser's state.
_LAST_POSITION = "_syndcheck_last_position"


@functools.cache
def _parser() -> MarkdownIt:
    """The CommonMark parser, built once per process (its rules are compiled when it is built)."""
    # Imported here: only Markdown articles need it.
    from markdown_it import MarkdownIt

    # CommonMark as written: raw HTML is HTML; no linkify or typographer (they change the text).
    md = MarkdownIt("commonmark")
    # First of the inline rules, so it runs before any other at each position the parser tries.
    md.inline.ruler.before("text", "syndcheck_span", _mark_spans)
    # First of the post-processing rules: before fragments of text are joined.
    md.inline.ruler2.before("balance_pairs", "syndcheck_span", _close_spans)
    from markdown_it.rules_inline import image, link

    md.inline.ruler.at("link", _with_a_label_end(link))
    md.inline.ruler.at("image", _with_a_label_end(image))
    return md


# The index of the paragraph's last `]` (-1 with none), on the inline parser's state.
_LAST_CLOSE = "_syndcheck_last_close"


def _with_a_label_end(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """markdown-it's link or image rule, which fails at once where no `]` follows in the
    paragraph, as it would after reading to the paragraph's end for a label's `]`: it reads
    that far from each `[` it is tried at, so a run of 100,000 `[` took time that grows with
    the square of the run. The rule's answer is the same."""

    def guarded(state: StateInline, silent: bool) -> bool:
        last_close: int | None = getattr(state, _LAST_CLOSE, None)
        if last_close is None:
            last_close = state.src.rfind("]")
            setattr(state, _LAST_CLOSE, last_close)
        if last_close < state.pos:
            return False
        return rule(state, silent)

    return guarded


def _mark_spans(state: StateInline, silent: bool) -> bool:
    """An inline rule that never matches: the tokens pushed since it last ran were read from
    where it last ran to here. (In a lookahead, `silent`, nothing is pushed.)"""
    if not silent:
        _close_spans(state)
    return False


def _close_spans(state: StateInline) -> None:
    """Give the tokens pushed since the last call the span from there to the parser's position."""
    start = getattr(state, _LAST_POSITION, 0)
    tokens = state.tokens
    first = len(tokens)
    while first and _SPAN not in tokens[first - 1].meta:
        first -= 1
    for token in tokens[first:]:
        token.meta[_SPAN] = (start, state.pos)
    setattr(state, _LAST_POSITION, state.pos)


class MarkdownRead(NamedTuple):
    """What `read_markdown` reads of a Markdown body."""

    items: list[Item]
    links: list[Link]
    # (text, line it ends on)
    comments: list[tuple[str, int]]
    # The scripts of its raw HTML that run, as (`src` as written, line).
    scripts: list[tuple[str, int]]
    # Text no reader sees, as (line, text, in the article): see `Document.unseen_text`.
    unseen: list[tuple[int, str, bool]]
    # Links a renderer shows as text: see `BrokenLink`.
    broken_links: list[BrokenLink]


def read_markdown(body: str) -> MarkdownRead:
    """The items (text lines and images, in source order), links, comments (text, line it ends
    on), scripts and text no reader sees of a Markdown body whose line numbers are the file's
    (front matter already blanked out). The comments and scripts are those of its raw HTML, as the
    HTML parser reads the rendered page: `<!--` or `<script>` in code is shown as written, never a
    comment or a script; only raw HTML hides text."""
    md = _parser()
    tokens = md.parse(body)
    broken_links = _broken_links(md, tokens)
    entries: list[tuple[int, int, Item]] = []  # (source line, 0 image / 1 text, item)
    found_links: list[_FoundLink] = []
    comments: list[tuple[str, int]] = []
    scripts: list[tuple[str, int]] = []
    unseen: list[tuple[int, str, bool]] = []
    if any(_has_raw_html(token) for token in tokens):
        shown, text_shows = _read_through_html(md, tokens, body, entries, found_links, (comments, scripts, unseen))
    else:
        # Without raw HTML (a comment too is raw HTML) nothing hides anything, and the images and
        # links are Markdown's own: they are read from the tokens, with no HTML to render and parse.
        shown, text_shows = {}, _always
        _read_images_and_links(md, tokens, entries, found_links)
    for line, text, code, heading in _markdown_lines(tokens, shown, text_shows):
        entries.append((line, 1, Block(0, text, line, not code, heading)))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    items: list[Item] = []
    for _, _, item in entries:
        items.append(_with_index(item, len(items)))
    keys = [(item.line, 0 if isinstance(item, Image) else 1) for item in items]
    links = [Link(href, text, rel, line, seen, in_article, bisect.bisect_left(keys, (line, 1))) for href, text, rel, line, seen, in_article in found_links]
    return MarkdownRead(items, links, comments, scripts, unseen, broken_links)


# `[label](address)` as a reader sees it where a renderer did not read it as a link: a label on
# one line without brackets, an address without parentheses or brackets, as far as the first
# `)` (bounded: a run of `[` or `](` is read in linear time).
_LINK_AS_TEXT = re.compile(r"\[([^\[\]\n]{1,500})\]\(([^()\[\]<>]{1,2000})\)")
# What a link destination cannot hold (CommonMark 6.3): ASCII controls and the space. Around the
# address, spaces, tabs and a line break are the space a link may have there.
_NOT_IN_DESTINATION = re.compile(r"[\x00-\x20\x7f]")
_LINK_SPACE = " \t\n\r"


def _broken_links(md: MarkdownIt, tokens: Sequence[Token]) -> list[BrokenLink]:
    """The links of the paragraphs that a CommonMark renderer shows as text (`BrokenLink`) because
    of characters in their address, which a link has once they are taken out; each is then read
    as a reader would read the link, its label's words in the text (the text tokens are changed):
    the link is what is broken, and a link check says so, not that a credit is missing. An
    address broken across lines is read across the soft line break that cuts its text."""
    found: list[BrokenLink] = []
    for token in tokens:
        if token.type != "inline" or token.map is None or "](" not in token.content:
            continue
        for run in _text_runs(token):
            found.extend(_read_run(md, token, run))
    return found


def _what_breaks(written: str) -> tuple[str, str, str]:
    """What a `[label](…)` shown as text holds between its parentheses (`written`): the address
    without the space a link may have around it, the characters in it that a link destination
    cannot hold (once each, in order), and the address with them taken out."""
    address = written.strip(_LINK_SPACE)
    return address, "".join(dict.fromkeys(_NOT_IN_DESTINATION.findall(address))), _NOT_IN_DESTINATION.sub("", address)


def _text_runs(token: Token) -> Iterator[list[tuple[Token, int]]]:
    """The runs of an inline token's children that are text and soft line breaks side by side,
    each child with the source line where it starts; a run with no text of a link is skipped."""
    run: list[tuple[Token, int]] = []
    for child, line, _ in _child_lines(token, token.map[0] + 1 if token.map else 1):
        if child.type in ("text", "softbreak"):
            run.append((child, line))
            continue
        if any("](" in part.content for part, _ in run):
            yield run
        run = []
    if any("](" in part.content for part, _ in run):
        yield run


def _read_run(md: MarkdownIt, token: Token, run: list[tuple[Token, int]]) -> list[BrokenLink]:
    """The broken links of one run of text (`_text_runs`); the run's text, with each such link
    read as its label, then stands in its first child, and its other children are taken out."""
    # A soft line break renders as a line break, which is how it is read here.
    content = "".join(child.content if child.type == "text" else "\n" for child, _ in run)
    found: list[BrokenLink] = []
    kept: list[str] = []
    at = 0
    for match in _LINK_AS_TEXT.finditer(content):
        _, characters, cleaned = _what_breaks(match.group(2))
        if not characters:
            continue
        label = match.group(1)
        href = next((str(t.attrs.get("href", "")) for t in md.parseInline(f"[{label}]({cleaned})")[0].children or () if t.type == "link_open"), None)
        if not href:
            continue  # no link once they are out, or one to nowhere: no address was meant
        found.append(BrokenLink(normalize_inline(label), href, run[0][1] + content.count("\n", 0, match.start()), characters))
        kept.extend((content[at : match.start()], label))
        at = match.end()
    if not at:
        return found
    first = run[0][0]
    first.type, first.content = "text", "".join(kept) + content[at:]
    others = {id(child) for child, _ in run[1:]}
    token.children = [child for child in token.children or () if id(child) not in others]
    return found


def broken_link_address(source: str, starts: Sequence[int], broken: BrokenLink) -> tuple[int, int, str] | None:
    """Where the address of `broken` (one of `Document.broken_links`) is written in `source`, the
    Markdown as `lines_by_lf` gives it (`starts`: the offset where each of its lines starts), and
    the address with the characters that broke it taken out, as the editor meant it: (start,
    end, address); None when no `[label](address)` from its line reads as it. Read for `fix`."""
    if not 0 < broken.line <= len(starts):
        return None
    for match in _LINK_AS_TEXT.finditer(source, starts[broken.line - 1]):
        address, characters, cleaned = _what_breaks(match.group(2))
        if normalize_inline(match.group(1)) == broken.text and cleaned and characters:
            start = match.start(2) + match.group(2).index(address)
            return start, start + len(address), cleaned
        if source.count("\n", starts[broken.line - 1], match.start()) > 0:
            return None  # past the line where its bracket stands
    return None


# A link as found: href, text, rel, source line, visible, in the article.
_FoundLink = tuple[str, str, tuple[str, ...], int, bool, bool]


def _always(_: str) -> bool:
    return True


def _read_through_html(
    md: MarkdownIt,
    tokens: Sequence[Token],
    body: str,
    entries: list[tuple[int, int, Item]],
    links: list[_FoundLink],
    found: tuple[list[tuple[str, int]], list[tuple[str, int]], list[tuple[int, str, bool]]],
) -> tuple[dict[int, bool], Callable[[str], bool]]:
    """Render the tokens to HTML and read it as a page is read: its images and links, and the text
    of its raw HTML blocks, go to `entries` and `links`; to `found`, the comments of its raw HTML
    (text, source line it ends on), the scripts that run (`src`, source line) and the text it
    hides (source line, text, in the article); returned, whether each rendered block (by the index
    of the token that opens it) is seen, and whether the text after each text mark shows."""
    comments, scripts, unseen = found
    from compliance.document.html import parse_html

    for index, token in enumerate(tokens):
        if token.nesting == 1 and not token.hidden:
            token.attrSet(_BLOCK_ATTRIBUTE, str(index))
    html, source_lines = _render(md, tokens, _text_mark(body))
    rendered = parse_html(html, rendered=True)
    last = len(source_lines)

    def source_line(element: Any, *, start: bool = False) -> int:
        # `start`: where the start tag begins (lxml gives the line where it ends).
        line = rendered.locate_element(element).line if start else element.sourceline or 1
        return source_lines[min(line, last) - 1]

    def in_story_or_box(item: Block | Image | Link) -> bool:
        # A box the Markdown's raw HTML sets in the story (`<aside>`, `Document.in_article_box`)
        # is read as the story's: the Markdown article keeps no element to ask later whether a
        # credit in it is in the article, as an HTML page's checks do.
        return rendered.item_credit_in_article(item)

    for image in rendered.images:
        line = source_line(image.element, start=True)
        entries.append((line, 0, Image(0, image.sources, image.alt, line, image.visible, in_story_or_box(image), None, image.width, image.height)))
    html_lines = {line for token in tokens if token.type == "html_block" and token.map is not None for line in range(token.map[0] + 1, token.map[1] + 1)}
    for block in rendered.blocks:
        if source_line(block.element) in html_lines:
            # Text of raw HTML, at the line where it starts; the text of a `<pre>` is shown as
            # written, as a code block's.
            line = source_lines[min(_text_start(block.element), last) - 1]
            entries.append((line, 1, Block(0, block.text, line, in_story_or_box(block) and not _in_pre(block.element), block.heading)))
    links.extend((link.href, link.text, link.rel, source_line(link.element, start=True), link.visible, in_story_or_box(link)) for link in rendered.links)
    scripts.extend((src, source_line(script, start=True)) for src, script in _running_scripts(rendered))
    # The article's own comments, not the marks this reader put before runs of text.
    comments.extend((text, source_lines[min(line, last) - 1]) for text, line in tree_comments(rendered.root) if not _MARK_IN_TEXT.match(text.strip()))
    # Read now, while the rendered page is at hand (it is not kept): a page that hides nothing
    # costs no more than the test of that.
    unseen.extend((source_lines[min(line, last) - 1], text, in_article) for line, text, in_article in rendered.unseen_text())
    shown = {int(e.get(_BLOCK_ATTRIBUTE)): rendered.is_visible(e) for e in rendered.root.iter() if isinstance(e.tag, str) and e.get(_BLOCK_ATTRIBUTE)}
    return shown, rendered.shows_text_after_comment


def _running_scripts(rendered: Document) -> Iterator[tuple[str, Any]]:
    """The `src` and element of each script of the rendered page that runs: wherever it is,
    hidden or not; one that never runs (`type="text/plain"`) is text."""
    for script in rendered.root.iter("script"):
        if rendered.why_inert(script) is None:
            yield script.get("src") or "", script


def _read_images_and_links(md: MarkdownIt, tokens: Sequence[Token], entries: list[tuple[int, int, Item]], links: list[_FoundLink]) -> None:
    """The images and links of Markdown without raw HTML, read from its tokens as the HTML walk
    reads the `<img>` and `<a>` they render to (an image with nothing to load or 2px across is
    not seen)."""
    from compliance.document.html import image_sources, resolve_url
    from compliance.document.visibility import SHOWN, is_seen, shows_only_placeholders

    renderer = cast("RendererHTML", md.renderer)
    for token in tokens:
        if token.type != "inline" or token.map is None:
            continue
        link: list[Any] | None = None  # href, line, text parts of the link being read
        for child, line, _ in _child_lines(token, token.map[0] + 1):
            if child.type == "image":
                from lxml import etree  # imported when an article has an image

                attributes = {name: str(value) for name, value in child.attrs.items()}
                attributes["alt"] = renderer.renderInlineAsText(child.children or [], md.options, {})
                element = etree.Element("img", attributes)
                alt = normalize_inline(attributes["alt"])
                entries.append(
                    (line, 0, Image(0, image_sources(element), alt, line, is_seen(element, "img", SHOWN) and not shows_only_placeholders(element), True))
                )
            elif child.type == "link_open":
                link = [resolve_url(str(child.attrs.get("href", "")), None), line, []]
            elif child.type == "link_close" and link is not None:
                links.append((link[0], normalize_inline("".join(link[2])), (), link[1], True, True))
                link = None
            elif link is not None:
                if child.type in _LINE_BREAKS:
                    link[2].append("\n")
                elif child.type in ("text", "code_inline"):
                    link[2].append(child.content)


def _has_raw_html(token: Token) -> bool:
    """True for raw HTML, a comment included (the comments are read from the rendered page, as
    the HTML parser reads them)."""
    if token.type == "html_block":
        return True
    return token.type == "inline" and any(child.type == "html_inline" for child in token.children or ())


def _text_mark(body: str) -> str:
    """The text of the comments that mark runs of text: one the article itself does not hold, so
    that no comment of its own can pass for one."""
    dashes = max((len(match.group(1)) + 1 for match in _MARK_IN_TEXT.finditer(body)), default=0)
    return "syndcheck-text" + "-" * dashes


def _with_index(item: Item, index: int) -> Item:
    if isinstance(item, Image):
        return Image(index, item.sources, item.alt, item.line, item.visible, item.in_article, None, item.width, item.height)
    return Block(index, item.text, item.line, item.in_article, item.heading)


def _text_start(element: Any) -> int:
    """The line where a block's text starts in the HTML: where its element's start tag ends, or
    after the line breaks that open the element's text."""
    line: int = element.sourceline or 1
    text = element.text or ""
    if text.strip():
        line += text[: len(text) - len(text.lstrip())].count("\n")
    return line


def _in_pre(element: Any) -> bool:
    return any(node.tag == "pre" for node in (element, *element.iterancestors()))


class _Output:
    """Rendered HTML, and for each of its lines (0-based) the source line (1-based) it renders."""

    __slots__ = ("at_line_start", "chunks", "lines")

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.lines = [1]  # the last is the line being written
        self.at_line_start = True

    def write(self, chunk: str, first: int, last: int) -> None:
        """Write what the source lines `first` to `last` render: its first line is kept on
        `first` (a line break is put before it when the line being written renders an earlier
        source line: a construct before it ran across a line break the HTML does not show), its
        other lines on the source lines that follow, up to `last`."""
        lines = self.lines
        if self.at_line_start:
            lines[-1] = first
        elif first > lines[-1]:
            self.chunks.append("\n" * (first - lines[-1]))
            lines.extend(range(lines[-1] + 1, first + 1))
        breaks = chunk.count("\n")
        if breaks:
            top = max(last, first)
            lines.extend(min(first + offset, top) for offset in range(1, breaks + 1))
        self.chunks.append(chunk)
        self.at_line_start = chunk.endswith("\n")


def _render(md: MarkdownIt, tokens: Sequence[Token], mark: str) -> tuple[str, list[int]]:
    """The HTML of the tokens, and for each of its lines (0-based) the source line (1-based) it
    renders; each token is rendered on its own, its lines following its source lines. Each run
    of text in a paragraph is preceded by a comment `<!--{mark}:N-->`, whose place in the HTML
    says whether the text shows (its token's meta holds the comment's text)."""
    renderer, options = cast("RendererHTML", md.renderer), md.options
    env: dict[str, Any] = {}
    out = _Output()
    marks = (f"{mark}:{number}" for number in itertools.count())
    for index, token in enumerate(tokens):
        if token.type == "inline":
            if token.map is not None:
                _render_inline(renderer, options, env, token, out, marks)
            continue
        chunk = _render_token(renderer, tokens, index, options, env)
        if not chunk:
            continue
        if token.map is None:
            out.write(chunk, out.lines[-1], out.lines[-1])
        else:
            # A fenced block's first rendered line holds its first line of code.
            first = token.map[0] + (2 if token.type == "fence" else 1)
            out.write(chunk, first, token.map[1])
    return "".join(out.chunks), out.lines


def _render_token(renderer: RendererHTML, tokens: Sequence[Token], index: int, options: Any, env: dict[str, Any]) -> str:
    rule = renderer.rules.get(tokens[index].type)
    return rule(tokens, index, options, env) if rule is not None else renderer.renderToken(tokens, index, options, env)


def _render_inline(renderer: RendererHTML, options: Any, env: dict[str, Any], token: Token, out: _Output, marks: Iterator[str]) -> None:
    assert token.map is not None
    children = token.children or []
    for index, (child, line, end_line) in enumerate(_child_lines(token, token.map[0] + 1)):
        chunk = _render_token(renderer, children, index, options, env)
        if child.content and child.type not in _NO_TEXT and child.type not in _LINE_BREAKS:
            # Inside the element a code span renders (a style may hide `code`), before plain text.
            name = next(marks)
            child.meta[_TEXT_MARK] = name
            comment = f"<!--{name}-->"
            chunk = chunk.replace(">", ">" + comment, 1) if child.type == "code_inline" else comment + chunk
        if chunk:
            out.write(chunk, line, end_line)


def _child_lines(token: Token, first_line: int) -> Iterator[tuple[Token, int, int]]:
    """Each child of an inline token with the source lines where it starts and ends (its span in
    the paragraph's text, whose lines follow the token's first line)."""
    content = token.content
    # Where the paragraph's line breaks are, so that each child's lines are looked up, not
    # counted: a run of 50,000 `*` is 50,000 children with one span, and counting the breaks
    # over the span for each of them made reading it quadratic.
    breaks = [match.start() for match in _NEWLINE.finditer(content)] if "\n" in content else []
    line, at = first_line, 0
    for child in token.children or ():
        start, end = child.meta.get(_SPAN, (at, at))
        if start > at:
            at = start
            line = first_line + bisect.bisect_left(breaks, at)
        yield child, line, (first_line + bisect.bisect_left(breaks, end) if end > at else line)


def _markdown_lines(tokens: Sequence[Token], shown: dict[int, bool], text_shows: Callable[[str], bool]) -> list[tuple[int, str, bool, bool]]:
    """(source line, text, is code, is heading) of each line of Markdown text a reader sees (the
    text of raw HTML blocks is the HTML walk's)."""
    lines: list[tuple[int, str, bool, bool]] = []
    for token, container in _leaves(tokens):
        if token.map is None:
            continue
        if token.type == "html_block":
            continue
        if container is not None and not shown.get(container, True):
            continue  # in an element the HTML around it hides
        elif token.type in _CODE:
            first = token.map[0] + (2 if token.type == "fence" else 1)
            lines.extend((first + offset, text, True, False) for offset, raw in enumerate(token.content.split("\n")) if (text := normalize_inline(raw)))
        elif token.type == "inline":
            heading = container is not None and tokens[container].type == "heading_open"
            lines.extend((line, text, False, heading) for line, text in _inline_lines(token, text_shows) if text)
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


def _inline_lines(token: Token, text_shows: Callable[[str], bool]) -> list[tuple[int, str]]:
    """(source line, text) of a paragraph's lines: the text a reader sees, without markup, one
    entry per source line it is written on."""
    assert token.map is not None
    out: list[tuple[int, str]] = []
    parts: list[str] = []
    current = token.map[0] + 1
    for child, line, end_line in _child_lines(token, current):
        if child.type in _NO_TEXT or child.type in _LINE_BREAKS:
            continue
        name = child.meta.get(_TEXT_MARK)
        if name is not None and not text_shows(name):
            continue  # hidden by the raw HTML around it
        pieces = _code_span_lines(token.content, child) if child.type == "code_inline" and end_line > line else (child.content,)
        for offset, piece in enumerate(pieces):
            if line + offset > current:
                out.append((current, normalize_inline("".join(parts))))
                parts.clear()
                current = line + offset
            parts.append(piece)
    out.append((current, normalize_inline("".join(parts))))
    return out


def _code_span_lines(content: str, child: Token) -> Sequence[str]:
    """The text of a code span that runs across line breaks, one piece per source line (CommonMark
    shows each line break in it as a space)."""
    start, end = child.meta[_SPAN]
    raw, fence = content[start:end], child.markup
    inner = raw[len(fence) : len(raw) - len(fence)]
    if len(inner) == len(child.content) + 2:
        inner = inner[1:-1]  # the one space CommonMark strips from each end
    if not (raw.startswith(fence) and raw.endswith(fence)) or len(inner) != len(child.content):
        return (child.content,)
    return inner.split("\n")
