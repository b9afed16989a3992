"""Plain-text and Markdown articles: each non-empty line is a block, as text extraction renders a
page; YAML front matter (`---` … `---`) is read as article metadata and keeps the body's line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Set

from compliance.decoding import Decoded, as_decoded
from compliance.document.bracket_links import NextOf, replace_bracketed
from compliance.document.byline_reading import read_byline
from compliance.document.bylines import find_bylines, heads_a_story, is_prose, is_teaser_heading, outlet_names
from compliance.document.model import Block, Byline, Document, Image, Item, Link, block_position, item_offsets
from compliance.document.positions import lines_by_lf, locate_comments
from compliance.findings import Notice
from compliance.metavalues import given_key, given_value
from compliance.text import normalize_inline
from compliance.urls import is_http_url

_SPACES = re.compile(r"\s*")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")
# A comment alone on its line: the one form of comment a text article has (a reader never sees
# it). `<!--` inside a line of text is text.
_COMMENT_LINE = re.compile(r"^\s*<!--((?:(?!-->).)*)-->\s*$")
# Lines end with LF, CR LF or a lone CR (old Mac files), as in YAML itself.
_FRONT_MATTER = re.compile(r"\A---[ \t]*(?:\r\n?|\n).*?(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|\Z)", re.DOTALL)
_LINE_BREAK = re.compile(r"\r\n?|\n")
# A file that opens with `---` and a `key: value` line, as a front matter does (its keys in lower
# case, as generators write them: a rule then "Note: …" is a text's own), whatever follows.
_UNCLOSED_FRONT_MATTER = re.compile(r"---[ \t]*(?:\r\n?|\n)[a-z_][a-z0-9_-]*[ \t]*:(?:[ \t]|\r|\n|\Z)")


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter YAML, rest) for a text or Markdown article; the rest keeps its line numbers."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return "", text
    front = match.group(0)
    # Blank lines keep line numbers of the body identical to the file's.
    return front, "\n" * len(_LINE_BREAK.findall(front)) + text[match.end() :]


# Front-matter keys that hold the story's title (Hugo, Jekyll, Ghost exports; `headline` as meta).
_TITLE_KEYS = ("title", "headline")


# Front-matter keys whose address a static-site generator's theme writes as the page head's
# canonical link: `canonical_url` (Jekyll layouts, Hexo, Zola themes, Forem/dev.to),
# `canonicalURL` and `canonicalUrl` (Hugo themes such as PaperMod and Ananke, Gatsby themes),
# `canonical` (Eleventy and Astro layouts). Compared with case, `_` and `-` folded.
_CANONICAL_KEYS = frozenset({"canonicalurl", "canonical"})


def front_matter_canonical(front_matter: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The front matter's canonical addresses, each as (key as written, address): the values of
    the keys a theme writes as the page's canonical link (`_CANONICAL_KEYS`) that are http(s)
    URLs, in the front matter's order. Read as an HTML page's `<link rel="canonical">` is: the
    original's address when it is one of the publisher's stories, never taken as given."""
    return tuple(
        (key, value.strip())
        for key, value in front_matter.items()
        if key.casefold().replace("_", "").replace("-", "") in _CANONICAL_KEYS and is_http_url(value.strip())
    )


# The origin a front matter's YAML is read under: `placed` puts the article's own name there.
FRONT_MATTER_ORIGIN = "front matter"


# What to do about a front matter that is not YAML: it may be no front matter at all.
_FRONT_MATTER_HINT = "check the quoting and indentation of its values; if these lines are not metadata, put a blank line above the first '---'"


def read_front_matter(front: str) -> tuple[dict[str, str], str | None]:
    """Article metadata from YAML front matter (`reporter: Ana Ruiz`), one text value per key as
    `metavalues.yaml_meta` reads it, and why the front matter is not read (invalid YAML: it may
    be no front matter at all, as a text that opens with a `---` rule), or None. That reason is
    one line, `front matter:LINE:COL: what — what to do` with the file's own line: `placed`
    names the file instead.

    Raises InputError (its line and column the file's, no path: the caller knows the file) for
    a key given twice: that is front matter, and which value was meant is unknown, as a sidecar
    file or a CMS payload refuses it."""
    if not front:
        return {}, None
    from compliance.errors import InputError, UserError
    from compliance.metavalues import yaml_meta
    from compliance.yamlsource import YMap, parse_yaml

    # The lines between the opening and the closing `---`, under a blank line for the opening
    # one: line N of this text is line N of the file, where an error or a note points.
    lines = _LINE_BREAK.split(front)
    body = "\n" + "\n".join(lines[1 : -2 if lines[-1] == "" else -1])
    try:
        root = parse_yaml(body, FRONT_MATTER_ORIGIN, error=UserError, duplicate=InputError, invalid_hint=_FRONT_MATTER_HINT, complex_keys=False)
    except InputError as exc:
        raise InputError(exc.what, line=exc.line, column=exc.column, hint=exc.hint) from None
    except UserError as exc:
        return {}, exc.one_line()
    if not isinstance(root, YMap):
        where = f"{FRONT_MATTER_ORIGIN}:{root.mark.line}:{root.mark.column}: " if root is not None else ""
        return {}, f"{where}front matter is not a mapping of keys to values — write one 'key: value' line per value between the '---' lines"
    return yaml_meta(root, "the front matter"), None


def placed(error: str, path: str) -> str:
    """A front matter's error (`read_front_matter`) at `path`, the article's name: `story.md:3:1: …`."""
    prefix = f"{FRONT_MATTER_ORIGIN}:"
    return f"{path}:{error.removeprefix(prefix)}" if error.startswith(prefix) and path else error


_PLACE = re.compile(rf"{FRONT_MATTER_ORIGIN}:(\d+):(\d+): ")


def front_matter_notice(error: str, path: str) -> Notice:
    """The notice that a front matter was not read (`read_front_matter`'s `error`), at the line
    and column the error names (0, 0 when it names none), its message naming the place in `path`."""
    place = _PLACE.match(error)
    line, column = (int(place.group(1)), int(place.group(2))) if place else (0, 0)
    return Notice("front-matter", f"front matter ignored: {placed(error, path)}", line=line, column=column)


def parse_text(data: bytes | str | Decoded, *, markdown: bool = False, outlets: Set[str] = frozenset()) -> Document:
    """Parse a plain-text (or Markdown) article: each non-empty line is a block, as text extraction
    renders a page (an image appears as its alt text on a line of its own). `outlets` are outlet
    names (any case) the byline reader never takes for a person's name."""
    decoded = as_decoded(data)
    source, encoding, reason = decoded.text, decoded.encoding, decoded.reason
    front, body = split_front_matter(source)
    front_matter, front_matter_error = read_front_matter(front)
    if not front and _UNCLOSED_FRONT_MATTER.match(source):
        # A front matter an editor left open: its keys read as the story's text (a
        # "reporter: Ana Ruiz" line as a byline), which the note says.
        front_matter_error = (
            f"{FRONT_MATTER_ORIGIN}:1:1: the '---' on line 1 opens a front matter that no '---' line closes, so its lines"
            " are read as the story's text — close it with a '---' line after its last key"
        )
    title = given_value(front_matter, "title")
    body = _with_title(body, front, title, markdown=markdown)
    if markdown:
        from compliance.document.markdown import read_markdown

        read = read_markdown(body)
        items, links, comments, scripts, unseen, broken = read.items, read.links, read.comments, read.scripts, read.unseen, read.broken_links
    else:
        items, links, comments = _read_lines(body, _title_line(front, title))
        scripts, unseen, broken = [], [], []
    blocks = tuple(i for i in items if isinstance(i, Block))
    titled = any(given_value(front_matter, key) for key in _TITLE_KEYS)
    headline, bylines = _headline_and_bylines(blocks, titled, outlets)
    if not bylines:
        bylines = _front_matter_byline(front, front_matter, headline, blocks, outlets)
    # The article starts at the body's first line: a finding of something missing that points at
    # the article's start never points into the front matter (its title is printed as a headline
    # there, which is no line of the story's text an editor would add to).
    body_start = len(_LINE_BREAK.findall(front)) + 1
    first_line = next((b.line for b in blocks if b.line >= body_start), blocks[0].line if blocks else body_start)
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
        canonical=tuple(url for _, url in front_matter_canonical(front_matter)),
        article_line=first_line,
        headline=headline,
        item_offsets=item_offsets(tuple(items)),
        front_matter=front_matter,
        front_matter_error=front_matter_error,
        scripts=tuple(scripts),
        broken_links=tuple(broken),
        _comments=locate_comments(lines_by_lf(body), comments),
        _unseen=tuple(unseen),
    )


def _headline_and_bylines(blocks: tuple[Block, ...], titled: bool, outlets: Set[str]) -> tuple[Block | None, tuple[Byline, ...]]:
    """The article's headline (its first heading, else its first line) and its bylines. `titled`:
    the front matter has a title, which is the headline; then, with no heading in the text, the
    first line is no headline to the byline reader: it may be the byline itself ("Maria Chen"
    over the story). A heading of a list of other stories ("## Related Stories") is none, nor one
    that starts another story after this one's prose (`_starts_a_later_story`)."""
    headline = next((b for b in blocks if b.heading and not is_teaser_heading(b.text)), blocks[0] if blocks else None)
    if headline is not None and headline.heading and _starts_a_later_story(blocks, headline):
        headline = blocks[0]
    first_line = headline is not None and not headline.heading
    bylines = find_bylines([], tuple(b for b in blocks if b.in_article), None if titled and first_line else headline, None, outlet_names(outlets))
    if first_line and headline is not None and any(byline.index == headline.index and byline.names for byline in bylines):
        # The first line is the byline ("By Rosa Ibarra, CalMatters" over the story): the article
        # has no headline, rather than its byline for one. A first line that opens with "By" and
        # names no one ("By the numbers: rates rise") is a headline.
        headline = None
    return headline, bylines


def _starts_a_later_story(blocks: tuple[Block, ...], heading: Block) -> bool:
    """Whether the article's first heading comes after a paragraph of running prose (`is_prose`)
    and starts a story of its own (`heads_a_story`: "## Farmers brace…" over "By Ana Ruiz" over
    its text): the story above it has a headline on its first line that no heading marks."""
    if not any(is_prose(block) for block in blocks[: block_position(blocks, heading.index)]):
        return False
    article = [block for block in blocks if block.in_article]
    return heading.in_article and heads_a_story(article, article.index(heading))


# Front-matter keys a CMS theme prints as the story's byline (Hugo's and Jekyll's `author` and
# `authors`, Ghost's `authors`), in the order they are read.
_AUTHOR_KEYS = ("author", "authors")
# What a front matter byline's text says of where it came from, before the names.
_FRONT_MATTER_BYLINE = "front matter {key}: {names}"


def _front_matter_byline(front: str, front_matter: dict[str, str], headline: Block | None, blocks: tuple[Block, ...], outlets: Set[str]) -> tuple[Byline, ...]:
    """The byline a CMS theme prints from the front matter's `author` (or `authors: [..]`) above a
    story whose body has none, as it prints the `title` as its headline: read as a byline is,
    at the key's line, standing where the theme prints it (just below the headline, else above
    the body's first line); its text says where it came from ("front matter author: Jake
    Smith"); one that credits staff or an outlet ("author: DCNF Staff") is read as such a byline
    is. None when the body has a byline of its own (it wins), or the value is not a byline."""
    for key in _AUTHOR_KEYS:
        value = normalize_inline(given_value(front_matter, key))
        if not value:
            continue
        reading = read_byline(value, outlets=outlet_names(outlets))
        if reading is None or reading.problem == "empty":
            return ()
        spelt = given_key(front_matter, key) or key
        found = re.search(rf"^{re.escape(spelt)}[ \t]*:", front, re.MULTILINE)
        line = front.count("\n", 0, found.start()) + 1 if found else 1
        index = headline.index if headline is not None else blocks[0].index if blocks else 0
        return (Byline(_FRONT_MATTER_BYLINE.format(key=spelt, names=value), reading, index, line, "front matter"),)
    return ()


# The `title:` key of front matter, at the start of its line (the title's line in the file).
# (Keys are read without letter case, `metavalues.same_key`: `Title:` too.)
_TITLE_KEY = re.compile(r"^title[ \t]*:", re.MULTILINE | re.IGNORECASE)
# What Markdown would read as markup in a title: escaped, the title is read as the words it is.
_MD_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _with_title(body: str, front: str, title: str, *, markdown: bool) -> str:
    """The body with the front matter's `title` written on the blank line that stands for the
    `title:` key: the headline a CMS prints above the story (Hugo, Jekyll, Ghost render the
    title as the page's `<h1>`), read where it is written. A Markdown title is a level-1 heading
    of its words as written (`*` and `<` are characters there, not markup)."""
    words = normalize_inline(title)
    key = _TITLE_KEY.search(front)
    if not words or key is None:
        return body
    lines = body.split("\n")
    number = front.count("\n", 0, key.start())
    if number >= len(lines) or lines[number].strip():
        return body
    lines[number] = "# " + _MD_PUNCTUATION.sub(r"\\\1", words) if markdown else words
    return "\n".join(lines)


def _title_line(front: str, title: str) -> int | None:
    """The line where `_with_title` writes the front matter's `title` (that of its `title:` key),
    or None when it writes none."""
    key = _TITLE_KEY.search(front)
    return front.count("\n", 0, key.start()) + 1 if key is not None and normalize_inline(title) else None


def _read_lines(body: str, title_line: int | None = None) -> tuple[list[Item], list[Link], list[tuple[str, int]]]:
    """The blocks of a plain-text article's lines (a plain-text article has no images or links:
    text extraction rendered them as text), and its comment lines as (text, line). The front
    matter's title, written at `title_line`, is a heading, as a Markdown title is: the story's
    headline, never read as its byline ("title: Nick Pope reports")."""
    items: list[Item] = []
    comments: list[tuple[str, int]] = []
    for number, raw in enumerate(body.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not raw.strip():
            continue
        comment = _COMMENT_LINE.match(raw)
        if comment is not None:
            comments.append((comment.group(1), number))
            continue  # an HTML comment (suppressions, notes) that a reader never sees
        text = normalize_inline(raw)
        if text:
            items.append(Block(len(items), text, number, True, heading=number == title_line))
    return items, [], comments


def _markdown_line_text(raw: str) -> str:
    # As `re.sub` with `!\[([^\]]*)\]TAIL` (to nothing), then `(?<!!)\[([^\]]+)\]TAIL` (to its
    # label) would, TAIL being `\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`, in linear time.
    line_text = replace_bracketed(raw, "![", _destination_end(raw), keep_label=False)
    line_text = replace_bracketed(line_text, "[", _destination_end(line_text), keep_label=True, label_required=True, not_after="!")
    line_text = _MD_HEADING.sub("", line_text)
    return _MD_EMPHASIS.sub("", line_text)


def _destination_end(text: str) -> Callable[[int], int]:
    r"""Where `\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)` (a link's destination and title) read
    from the `]` at an index of `text` ends, or -1: each destination's end is found once for
    all the `]` before it (`NextOf`), and what follows it read once."""
    destination_stops = NextOf(text, r"[)>\s]")
    after_destination: dict[int, int] = {}

    def end(close: int) -> int:
        if not text.startswith("(", close + 1):
            return -1
        start = _SPACES.match(text, close + 2).end()  # type: ignore[union-attr]
        destination = start + 1 if text.startswith("<", start) else start
        stop = destination_stops.at(destination)
        if stop == start:
            return -1  # an empty destination
        # With `<` and nothing after it, the `<` is the destination (`<?` gives it back): the
        # same stop.
        if stop not in after_destination:
            after_destination[stop] = _title_and_close(text, stop)
        return after_destination[stop]

    return end


def _title_and_close(text: str, stop: int) -> int:
    r"""Where `>?(?:\s+"[^"]*")?\s*\)` read from `stop` ends, or -1."""
    at = stop + 1 if text.startswith(">", stop) else stop
    spaced = _SPACES.match(text, at).end()  # type: ignore[union-attr]
    if spaced > at and text.startswith('"', spaced) and (quote := text.find('"', spaced + 1)) >= 0:
        after = _SPACES.match(text, quote + 1).end()  # type: ignore[union-attr]
        if text.startswith(")", after):
            return after + 1
    return spaced + 1 if text.startswith(")", spaced) else -1


def reader_text(source: str) -> str:
    """A Markdown source's lines as a reader reads them (images, link targets, heading marks and
    emphasis removed), as the blocks of its document hold them."""
    return "\n".join(_markdown_line_text(line) for line in source.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
