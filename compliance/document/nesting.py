"""The markup rewritten so that libxml2 builds the tree a browser builds, where the two differ in
a way that changes what a reader sees.

**Pages nested deeper than a browser builds.** libxml2 stops parsing at 2,048 open elements and
drops the rest of the page, so a republication that opens a few thousand `<div>`s before the
licence paragraph would be checked without it (no pack applies, exit 0). Browsers do not stop:
Chromium's tree builder attaches every node opened below depth 512 to the element at that depth
instead (`kMaximumHTMLParserDOMTreeDepth` in `html_construction_site.cc`), so the deep elements
become empty siblings and their text and children show at the cap, whatever the deep elements'
own styles say.

`flatten_deep_nesting` gives libxml2 the same tree: from the cap down, each start tag is closed at
once (`<div class=x></div>`) and its own end tag is dropped, so its content lands in the element at
the cap. Open elements are counted from the tags as written; elements that HTML closes without an
end tag (`<p><p>`) are counted too, which can only bring the cap sooner on a page that already
opens hundreds of elements.

**Elements libxml2 ends early.** libxml2 follows HTML 4's implied end tags: a `<p>` ends an open
heading or `<b>`, a `<table>` an open link (`CLOSED_EARLY`). The HTML standard's tree construction,
which browsers follow, keeps them open and nests the new element in them, so `<h4
style="display:none"><p>By NAME</p></h4>` hides the byline from a reader, while libxml2 reads an
empty hidden heading and a paragraph beside it. `keep_open_as_browsers_do` renames each such
element where it starts in one (and its end tag) to a name libxml2 does not know
(`KEPT_OPEN_PREFIX`), which it nests as a browser does; `restore_kept_open` gives the elements of
the tree their names back. libxml2 then finds no end tag out of place where it found one; a page
is rewritten only when it did (`ends_early`).

**A paragraph's end tag with none open.** A browser makes an empty paragraph of it, which keeps
the words before it apart from those after (`By NAME</p>Daily Caller News Foundation` is two
lines); libxml2 drops it and glues them. `empty_paragraphs_for_stray_ends` writes each such end tag
as `<p></p>`, when libxml2 found as many as the tags as written show (`stray_paragraph_ends`).

**Formatting elements ended early.** A browser keeps a list of the formatting elements open
(`<b>`, `<i>`, `<em>`, `<font>`, a link…) and, where a paragraph or another element ended one
before its own end tag, opens it again, with its attributes, before the next text or inline
element ("reconstruct the active formatting elements"): `<p><b hidden>x</p><p>By NAME` hides the
byline. libxml2 does not. `reopen_formatting_as_browsers_do` writes each such element's start tag
again where a browser re-opens it, when libxml2's reading or the tags' count shows that one was
ended early (`leaves_elements_open`).

**Elements written self-closed.** `<div/>` opens a `<div>` in a browser (the `/` counts only for
void elements and in SVG and MathML), and `<script src=x/>` makes what follows the script's text;
libxml2 closes both at once. `open_self_closed_elements` drops such a `/`.

Line breaks are kept by all, so the positions of findings hold.

**Elements libxml2 keeps open.** The other way round, libxml2 does not know that a `<section>`
(or another element HTML 4 did not have) ends an open paragraph, nor that a heading ends the
heading it starts in, or a `<dt>` the `<dt>` (`CLOSED_BY`): it nests them, where a browser
ends the paragraph or heading first. `close_as_browsers_do` moves such an element, and what
follows it in the same parent, out of that parent, after it, in the tree libxml2 built: a hidden
paragraph hides nothing of a `<figure>` a browser shows beside it. Nor does libxml2 know that
what a table holds outside its cells is shown before the table ("foster parenting"):
`foster_parent` moves it there, so a hidden table hides nothing of a byline written between its
rows. And a browser ends a paragraph at a block's start, a list item at the next item, or a
table's cell at the next row, with whatever is open in it (`<p>Note: <span hidden>x<p>By
NAME`), where libxml2 ends one only when nothing is: `keeps_open_what_browsers_end` finds such a
tree, and the page is read again with the end tags written (`keep_open_as_browsers_do`,
`reopen_formatting_as_browsers_do`).

**Void elements libxml2 does not know.** An `<embed>`, `<source>`, `<track>`, `<wbr>` (and the
obsolete `<keygen>`, `<bgsound>`, `<image>`) has no content and no end tag in HTML, but libxml2's
parser makes whatever follows one, up to its parent's end, its content: `<embed src=v.mp4><p>By
NAME</p>` nests the byline in the `<embed>`, which nothing of a page is read in.
`unnest_void_elements` moves that content out, after the element, where a browser puts it.

**Elements a browser's parser adds or renames.** A browser puts the rows a table holds directly
in a `<tbody>` (and cells held directly in a row group in a `<tr>`), so `tbody { display: none }`
hides them and `table > tr` matches none; and it reads an `<image>` outside SVG as an `<img>`.
`add_implied_elements` does the same in libxml2's tree. And a browser drops the tag of a table's
part (a cell, a row, a caption) written outside any table, keeping what it holds:
`drop_table_parts_outside_tables` does too, so a cell's style hides nothing there.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from compliance.firstuse import on_first_use

# Chromium's kMaximumHTMLParserDOMTreeDepth.
BROWSER_DEPTH_LIMIT = 512

# Elements with no end tag (the HTML standard's void elements, and the obsolete ones it parses alike).
_VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


# Elements whose content is raw text, not markup: left whole, and their content skipped.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"})

# The tokens that matter here, as the HTML standard's tokenizer reads them: comments and other
# markup declarations (skipped), and start and end tags, whose attribute values may hold ">".
_TOKEN = on_first_use(
    r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(/?)([A-Za-z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL,
)


def _tags(source: str) -> Iterator[tuple[re.Match[str], bool, str]]:
    """The start and end tags of the markup, in order: each token, whether it is an end tag, and
    its name in lower case. Comments and other markup declarations are skipped, and so is the
    content of a raw text element (a script, a style), which is not markup."""
    position = 0
    while (token := _TOKEN().search(source, position)) is not None:
        position = token.end()
        name = token.group(2)
        if name is None:
            continue  # a comment or declaration
        tag = name.lower()
        closing = bool(token.group(1))
        yield token, closing, tag
        if not closing and tag in _RAW_TEXT:
            end = re.compile(rf"</{re.escape(tag)}[\t\n\f\r />]", re.IGNORECASE).search(source, position)
            position = len(source) if end is None else end.start()


class _OpenElements:
    """The elements open at a point of the markup, as its tags are written: each one's tag and a
    flag, and where each tag's are, so that an end tag finds its element at once however deep the
    page (a hostile page may leave a hundred thousand elements open)."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool]] = []
        self.places: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self.stack)

    def innermost(self) -> str:
        """The tag of the element open innermost ("" when none is)."""
        return self.stack[-1][0] if self.stack else ""

    def holds(self, tag: str) -> bool:
        """Whether an element of that tag is open."""
        return bool(self.places.get(tag))

    def push(self, tag: str, flag: bool) -> None:
        self.places.setdefault(tag, []).append(len(self.stack))
        self.stack.append((tag, flag))

    def end_tags_to(self, tag: str, flagged_prefix: str) -> str:
        """The end tags of the innermost open element of that tag and of those inside it, innermost
        first; a flagged element's name with `flagged_prefix` before it."""
        index = self.places[tag][-1]
        return "".join(f"</{flagged_prefix if flagged else ''}{name}>" for name, flagged in reversed(self.stack[index:]))

    def close(self, tag: str) -> bool | None:
        """Close the innermost open element of that tag, and the ones inside it (an end tag of an
        element further up closes them): its flag; None for a stray end tag, which closes nothing."""
        places = self.places.get(tag)
        if not places:
            return None
        index = places[-1]
        flag = self.stack[index][1]
        while len(self.stack) > index:
            self.places[self.stack.pop()[0]].pop()
        return flag


def flatten_deep_nesting(source: str, limit: int = BROWSER_DEPTH_LIMIT) -> str:
    """The page's markup with every element opened below depth `limit` closed at once and its end
    tag removed, as a browser attaches such elements (see the module docstring). Returns `source`
    itself when nothing is that deep; never raises on malformed markup."""
    pieces: list[str] = []
    kept_from = 0
    open_elements = _OpenElements()  # each flagged when closed at once, being past the cap
    for token, closing, tag in _tags(source):
        if not closing:
            if tag in _VOID:
                continue
            # Raw text (a script, a style) is never shown: closing it at once would show it.
            past_cap = len(open_elements) >= limit and tag not in _RAW_TEXT
            if past_cap:
                pieces.append(source[kept_from : token.end()])
                pieces.append(f"</{tag}>")
                kept_from = token.end()
            open_elements.push(tag, past_cap)
            continue
        if open_elements.close(tag):
            pieces.append(source[kept_from : token.start()])
            kept_from = token.end()
    if not pieces:
        return source
    pieces.append(source[kept_from:])
    return "".join(pieces)


def first_past_depth(source: str, limit: int = BROWSER_DEPTH_LIMIT) -> int | None:
    """The offset of the first start tag that `flatten_deep_nesting` closes at once (an element
    opened below depth `limit`), or None when nothing is that deep."""
    open_elements = _OpenElements()
    for token, closing, tag in _tags(source):
        if closing:
            open_elements.close(tag)
        elif tag not in _VOID:
            if len(open_elements) >= limit and tag not in _RAW_TEXT:
                return token.start()
            open_elements.push(tag, False)
    return None


# The elements libxml2 ends when one of these starts in them (its table of HTML 4's implied end
# tags), where a browser keeps them open and nests the new one in them (the HTML standard's tree
# construction: a heading, a `<b>` or a `<pre>` holds a paragraph, a link a table). Measured
# against Chromium element by element by a browser test.
_HEADING_CLOSERS = frozenset({"p", "li", "table", "form", "fieldset"})
_LIST_CLOSERS = frozenset({"ul", "dl", "dt", "dd", "form"})
CLOSED_EARLY: dict[str, frozenset[str]] = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), _HEADING_CLOSERS),
    **dict.fromkeys(("b", "i"), frozenset({"p", "center"})),
    **dict.fromkeys(("big", "s", "small", "strike", "tt", "u"), frozenset({"p"})),
    "font": frozenset({"center"}),
    "a": frozenset({"table", "fieldset"}),
    "address": _LIST_CLOSERS | {"li"},
    **dict.fromkeys(("dir", "menu"), _LIST_CLOSERS),
    "dl": frozenset({"li", "form"}),
    "dt": frozenset({"dl"}),
    "legend": frozenset({"fieldset"}),
    "ol": frozenset({"form"}),
    "pre": _LIST_CLOSERS | {"li", "table", "fieldset"},
    "ul": frozenset({"address", "pre", "form", "menu"}),
}
# What an element kept open is renamed to while libxml2 reads the page: a name it does not know.
KEPT_OPEN_PREFIX = "syndcheck-kept-"
_KEPT_OPEN_NAMES = tuple(KEPT_OPEN_PREFIX + tag for tag in sorted(frozenset().union(*CLOSED_EARLY.values())))
_UNEXPECTED_END_TAG = "Unexpected end tag : "


def _unexpected_end_tags(messages: Iterable[str]) -> Iterator[str]:
    """The names of the end tags libxml2 found with nothing of that name open, by its error
    messages for a page (`parser.error_log`'s), one for each."""
    return (message[len(_UNEXPECTED_END_TAG) :].strip() for message in messages if message.startswith(_UNEXPECTED_END_TAG))


def ends_early(messages: Iterable[str]) -> bool:
    """Whether libxml2's error messages for a page show that it ended an element of `CLOSED_EARLY`
    before a browser would: the element's own end tag came later, when libxml2 had nothing of that
    name open."""
    return any(tag in CLOSED_EARLY for tag in _unexpected_end_tags(messages))


def stray_paragraph_ends(messages: Iterable[str]) -> int:
    """How many `</p>` libxml2 found with no paragraph open, by its error messages for a page."""
    return sum(1 for tag in _unexpected_end_tags(messages) if tag == "p")


# The start tags at which libxml2 ends an open paragraph, as a browser does (the HTML standard's
# "close a p element" in "in body"; the HTML5 elements libxml2 does not know are `CLOSED_BY`'s).
_ENDS_A_PARAGRAPH = frozenset(
    "address blockquote center dd dir div dl dt fieldset form h1 h2 h3 h4 h5 h6 hr li listing menu ol p plaintext pre table ul xmp".split()
)
# The HTML5 elements that end a paragraph in a browser, which libxml2 does not know to.
_HTML5_BLOCKS = frozenset("section article aside header footer figure figcaption nav main details dialog hgroup search summary".split())
# The elements that bound a paragraph's scope for its end tag ("has an element in button scope").
_BUTTON_SCOPE = ("applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th")


def empty_paragraphs_for_stray_ends(source: str, expected: int, *, quirks: bool = False) -> str:
    """The page's markup with each `</p>` that finds no paragraph open (in button scope) written
    as `<p></p>`: a browser makes an empty paragraph of it, which keeps the words before it apart
    from those after (`By NAME</p>Daily Caller News Foundation` is two lines), where libxml2
    drops it and glues them. Open paragraphs are followed from the tags as written, each ended by
    a block's start tag as libxml2 ends it, but a table in quirks mode (`quirks`), which a browser
    nests in the paragraph (see `keep_open_as_browsers_do`). Returns `source` itself when the `</p>` found so are
    not `expected` in number (libxml2's count, `stray_paragraph_ends`): the two readings then
    differ, and libxml2's is kept."""
    pieces: list[str] = []
    kept_from = 0
    found = 0
    open_elements = _OpenElements()
    for token, closing, tag in _tags(source):
        if not closing:
            # (An `<hr>`, void, ends a paragraph all the same.)
            if tag in _ENDS_A_PARAGRAPH and not (quirks and tag == "table") and _paragraph_in_scope(open_elements):
                open_elements.close("p")
            if tag not in _VOID:
                open_elements.push(tag, False)
        elif tag != "p" or _paragraph_in_scope(open_elements):
            open_elements.close(tag)
        else:
            found += 1
            pieces.append(source[kept_from : token.start()])
            pieces.append("<p></p>")
            kept_from = token.end()
    if found != expected or not pieces:
        return source
    pieces.append(source[kept_from:])
    return "".join(pieces)


def _paragraph_in_scope(open_elements: _OpenElements) -> bool:
    places = open_elements.places
    paragraphs = places.get("p")
    if not paragraphs:
        return False
    bounds = [places[tag][-1] for tag in _BUTTON_SCOPE if places.get(tag)]
    return not bounds or max(bounds) < paragraphs[-1]


def keep_open_as_browsers_do(source: str, *, quirks: bool = False) -> str:
    """The page's markup with each element that would make libxml2 end the element it starts in
    (see `CLOSED_EARLY`) renamed, with its end tag, so that libxml2 nests it as a browser does (see
    the module docstring). Open elements are followed from the tags as written. Where an element
    that ends a paragraph starts with a paragraph in scope that libxml2 would leave open (renamed,
    or with an element open in it that libxml2 does not end there: `<p><font>x<p>`), the end tags
    of the paragraph and of what is open in it are written, as a browser ends them; a paragraph
    libxml2 ends itself (`<p><b>x<p>`) is left as written. In quirks mode
    (`quirks`), a `<table>` does not end the paragraph it starts in either (HTML's "in body": only
    outside quirks mode does it close a p element). Returns `source` itself when nothing is
    renamed, or when the page already holds the name given to such elements; never raises on
    malformed markup."""
    if KEPT_OPEN_PREFIX in source.lower():
        return source
    pieces: list[str] = []
    kept_from = 0
    open_elements = _OpenElements()  # each flagged when renamed
    for token, closing, tag in _tags(source):
        if not closing:
            # (An `<hr>`, void, ends a paragraph all the same.)
            if tag in _CLOSE_A_PARAGRAPH and not (quirks and tag == "table") and _paragraph_in_scope(open_elements):
                if _kept_open_in_paragraph(open_elements, tag):
                    # A paragraph renamed, or one with elements open in it that libxml2 keeps
                    # open here (`<p><font>x<p>`), is one libxml2 does not end: a browser ends
                    # it and them ("close a p element"), and their end tags are written.
                    pieces.append(source[kept_from : token.start()])
                    pieces.append(open_elements.end_tags_to("p", KEPT_OPEN_PREFIX))
                    kept_from = token.start()
                open_elements.close("p")
            if tag in _VOID:
                continue
            innermost = open_elements.innermost()
            renamed = (tag in CLOSED_EARLY.get(innermost, ()) or (quirks and tag == "table" and innermost == "p")) and not (
                tag == "p" and open_elements.holds("p")
            )
            open_elements.push(tag, renamed)
        else:
            renamed = bool(open_elements.close(tag))
        if renamed:
            name_at = token.start(2)
            pieces.append(source[kept_from:name_at])
            pieces.append(KEPT_OPEN_PREFIX)
            kept_from = name_at
    if not pieces:
        return source
    pieces.append(source[kept_from:])
    return "".join(pieces)


# The start tags that may be written self-closed (`<br/>`): the void elements, and those of SVG and
# MathML, whose elements a `/>` does close (in foreign content). Any other start tag written
# `<div/>` opens its element: the HTML standard's tokenizer reads the `/` and tree construction
# ignores it, where libxml2 closes the element at once.
_FOREIGN_ONLY = frozenset(
    """path circle rect line polyline polygon ellipse use stop g defs symbol lineargradient radialgradient clippath
    mask pattern filter animate animatemotion animatetransform set desc metadata marker mpath view switch tspan textpath
    mi mo mn ms mtext mspace mglyph malignmark mrow mfrac msqrt mroot mstyle merror mpadded mphantom mfenced menclose
    msub msup msubsup munder mover munderover mmultiscripts mprescripts mtable mtr mtd maction annotation semantics
    svg math""".split()
)
_MAY_SELF_CLOSE = _VOID | _FOREIGN_ONLY
# A start tag's name, from its "<".
_START_TAG_NAME = on_first_use(rb"<([A-Za-z][^\t\n\f\r />]*)")
_MAY_SELF_CLOSE_BYTES = frozenset(tag.encode() for tag in _MAY_SELF_CLOSE)
# The end of a tag's attributes when its last value is unquoted (`<a href=x/>`): the `/` is that
# value's, not the tag's.
_UNQUOTED_LAST_VALUE = on_first_use(r"""=[\t\n\f\r ]*[^\t\n\f\r "'>]*/\Z""")
# The HTML start tags that end SVG or MathML content they are written in (the HTML standard's
# "in foreign content": a `<p>` in an `<svg>` ends it and is an HTML paragraph).
_BREAKS_OUT_OF_FOREIGN = frozenset(
    """b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta
    nobr ol p pre ruby s small span strong strike sub sup table tt u ul var""".split()
)


# A `</body>` or `</html>` end tag, in the markup (str) and in its UTF-8 bytes.
_DOCUMENT_END_TAG = on_first_use(r"</(?:body|html)(?:[\t\n\f\r /][^>]*)?>", re.IGNORECASE)
_HTML_END_TAG = on_first_use(rb"</html(?:[\t\n\f\r /][^>]*)?>", re.IGNORECASE)
# What may follow the document's end without being read into it: white space and comments.
# (A comment runs to its first `-->`: the pattern may not read one on past it to the end.)
_NOTHING_READ = on_first_use(rb"(?:[\t\n\f\r ]+|<!--(?:[^-]|-(?!->))*+(?:-->|\Z))*+")
# How much of the page's end is looked at first for its last `</html>`.
_END_LOOKED_AT = 4096
# What a page may hold after its `</body>` that shows nothing wherever it is read.
_SHOWS_NOTHING_ANYWHERE = frozenset({"script", "noscript", "template", "style", "link", "meta"})


def reads_past_document_end(root: Any, payload: bytes, messages: Iterable[str]) -> bool:
    """Whether the page writes something after a `</body>` or `</html>` end tag, which a browser
    reads into the element open there (after either, any token but white space or a comment goes
    back "in body"): libxml2 puts what follows `</body>` after the body (`<article><p>x</body><p>By
    NAME</p></article>` leaves the byline out of the story), and drops what follows `</html>` (a
    stylesheet, a pixel). Seen in its tree (`root`: elements after the body other than scripts
    and the like, or words), in libxml2's messages (a `</body>` or `</html>` found again), or in
    the markup (`payload`: its UTF-8 bytes) after its last `</html>`."""
    if any(tag in ("body", "html") for tag in _unexpected_end_tags(messages)):
        return True
    body = root.find("body")
    if body is not None:
        if (body.tail or "").strip():
            return True
        for after in body.itersiblings():
            if (isinstance(after.tag, str) and after.tag not in _SHOWS_NOTHING_ANYWHERE) or (after.tail or "").strip():
                return True
    end = payload[-_END_LOOKED_AT:]
    found = [match.end() for match in _HTML_END_TAG().finditer(end.lower())]
    if found:
        rest = end[found[-1] :]
    else:
        # (A page whose last `</html>` is further from its end, or that has none, is searched whole.)
        found = [match.end() for match in _HTML_END_TAG().finditer(payload)]
        if not found:
            return False
        rest = payload[found[-1] :]
    return _NOTHING_READ().fullmatch(rest) is None


def drop_document_end_tags(source: str) -> str:
    """The markup without its `</body>` and `</html>` end tags (their line breaks kept), so that
    libxml2 reads what follows them where a browser does (see `reads_past_document_end`)."""
    return _DOCUMENT_END_TAG().sub(lambda match: "\n" * match.group(0).count("\n"), source)


def may_self_close_elements(payload: bytes) -> bool:
    """Whether the markup (`payload`: its UTF-8 bytes) may write an HTML element that is not void
    self-closed (`<div/>`, `<script src=x/>`), which a browser opens and libxml2 closes at once: a
    quick look at the tag before each `/>`, which `open_self_closed_elements` refines (the `/` may
    be an attribute's, or the tag in a comment)."""
    at = payload.find(b"/>")
    while at != -1:
        name = _START_TAG_NAME().match(payload, payload.rfind(b"<", 0, at))
        if name is not None and (tag := name.group(1).lower()) not in _MAY_SELF_CLOSE_BYTES and not tag.startswith(b"fe"):
            return True
        at = payload.find(b"/>", at + 2)
    return False


def open_self_closed_elements(source: str) -> str:
    """The page's markup with the `/` of each self-closed HTML element that is not void removed
    (`<div class=x/>` as `<div class=x >`), so that libxml2 opens it as a browser does: what follows
    is inside it until its end tag, and the content of a `<script/>` or `<title/>` is raw text up
    to its end tag. SVG and MathML elements written inside `<svg>` or `<math>` close at their `/>`
    and are left. Returns `source` itself when nothing is rewritten."""
    pieces: list[str] = []
    kept_from = 0
    foreign = 0  # how many <svg> and <math> elements are open
    for token, closing, tag in _tags(source):
        attributes = token.group(3)
        self_closed = attributes.endswith("/") and _UNQUOTED_LAST_VALUE().search(attributes) is None
        if tag in ("svg", "math"):
            if closing:
                foreign = max(0, foreign - 1)
            elif not self_closed:
                foreign += 1
            continue
        if foreign and not closing and tag in _BREAKS_OUT_OF_FOREIGN:
            foreign = 0
        if closing or not self_closed or foreign or tag in _VOID:
            continue
        slash_at = token.end(3) - 1
        pieces.append(source[kept_from:slash_at])
        pieces.append(" ")
        kept_from = slash_at + 1
    if not pieces:
        return source
    pieces.append(source[kept_from:])
    return "".join(pieces)


# The HTML standard's formatting elements, which a browser re-opens where an element ended them
# before their own end tag ("reconstruct the active formatting elements"), and the elements that
# put a marker in that list: formatting elements opened before one are not re-opened inside it.
FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
_MARKED = frozenset("applet caption marquee object td template th".split())
# The start tags at which a browser re-opens none ("in body": blocks, headings, lists, tables and
# what "in head" reads); at any other, and before any text, it re-opens what is due.
_OPEN_NONE = frozenset(
    """address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup
    main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form li dd dt plaintext table hr param source
    track textarea iframe noembed noframes noscript base basefont bgsound link meta script style template title caption col
    colgroup frame frameset head body html tbody td tfoot th thead tr""".split()
)
# The start tags that end an open paragraph (in button scope), as HTML's tree construction does.
_CLOSE_A_PARAGRAPH = _ENDS_A_PARAGRAPH | _HTML5_BLOCKS
# What a table's part closes back to when it starts ("clear the stack back to a table context",
# to a table body's or to a row's).
_TABLE_CONTEXTS = {
    "tr": ("tbody", "thead", "tfoot", "table", "template", "html"),
    **dict.fromkeys(("td", "th"), ("tr", "tbody", "thead", "tfoot", "table", "template", "html")),
    **dict.fromkeys(("tbody", "thead", "tfoot", "caption", "colgroup"), ("table", "template", "html")),
}
_TAG_MISMATCH = "Opening and ending tag mismatch: "
# An end tag of the elements counted (its name); the look-ahead lets most other end tags fail at once.
_COUNTED_END_TAG = on_first_use(
    rb"</(?=[abcefhilnpstuABCEFHILNPSTU])(a|address|b|big|code|em|font|h[1-6]|i|legend|nobr|pre|s|small|strike|strong|tt|u)[\t\n\f\r ]*>",
    re.IGNORECASE,
)
# The elements whose end tags are counted: the formatting elements, and those of `CLOSED_EARLY`
# that a page must end with an end tag (a heading, a `<pre>`), which a browser keeps open where
# libxml2 ends them without a word when their end tag never comes (`<h4 hidden>x<p>By NAME`).
_COUNTED = FORMATTING | {"address", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "pre"}


def leaves_elements_open(messages: Iterable[str], payload: bytes, root: Any) -> bool:
    """Whether an element of the page may have ended a formatting element (see `FORMATTING`)
    before its own end tag, which a browser then re-opens, or a heading or a `<pre>` that a
    browser keeps open (see `CLOSED_EARLY`): libxml2's error messages for it show an end tag that
    closed a formatting element (`<p><b>x</p>`) or found one's end tag after it had ended it
    (`<p><code>x</p>…</code>`), or its tree (`root`) holds more elements of a
    kind than the markup (`payload`: its UTF-8 bytes) writes end tags for (`<p><b>x<p>`,
    `<h4>x<p>`; libxml2 ends a link, `<code>` or `<nobr>` at its parent's end tag without a
    word). End tags are counted wherever they are written: one in a script's text (`"</b>"`) may
    make up for one missing."""
    for message in messages:
        if message.startswith(_TAG_MISMATCH) and message.rsplit(" and ", 1)[-1].strip() in FORMATTING:
            return True
        # A formatting element's end tag after libxml2 ended the element without a word
        # (`<p><code>x</p>…</code>`): a browser keeps it in its list and re-opens it.
        if message.startswith(_UNEXPECTED_END_TAG) and message[len(_UNEXPECTED_END_TAG) :].strip() in FORMATTING:
            return True
    elements: dict[str, int] = {}
    for element in root.iter(*_COUNTED):
        elements[element.tag] = elements.get(element.tag, 0) + 1
    if not elements:
        return False
    end_tags: dict[bytes, int] = {}
    for tag, count in Counter(_COUNTED_END_TAG().findall(payload)).items():
        end_tags[tag.lower()] = end_tags.get(tag.lower(), 0) + count
    return any(count > end_tags.get(tag.encode(), 0) for tag, count in elements.items())


class _FormattingElements:
    """The open elements and the list of active formatting elements at a point of the markup, as
    HTML's tree construction keeps them ("in body"), read from the tags as written: enough to know
    which formatting elements a browser re-opens there, and the start tags to re-open them with.
    Where each tag's open elements are is kept, so that finding one costs the same however deep
    the page (see `_OpenElements`)."""

    def __init__(self) -> None:
        self.open: list[tuple[str, int]] = []  # each open element's tag and serial number
        self.places: dict[str, list[int]] = {}
        self.open_serials: set[int] = set()
        self.active: list[tuple[str, str, int] | None] = []  # (tag, start tag, serial); None: a marker
        self.serial = 0

    def push(self, tag: str) -> int:
        self.serial += 1
        self.places.setdefault(tag, []).append(len(self.open))
        self.open.append((tag, self.serial))
        self.open_serials.add(self.serial)
        return self.serial

    def pop_to(self, index: int) -> None:
        """Close the open element at `index` and all inside it."""
        while len(self.open) > index:
            tag, serial = self.open.pop()
            self.places[tag].pop()
            self.open_serials.discard(serial)
            if tag in _MARKED:
                self.clear_to_marker()

    def index_of(self, tag: str, bounds: Iterable[str] = ()) -> int | None:
        """Where the innermost open element of that tag is, unless one of `bounds` is open inside it."""
        places = self.places.get(tag)
        if not places:
            return None
        inside = [self.places[bound][-1] for bound in bounds if self.places.get(bound)]
        return places[-1] if not inside or max(inside) < places[-1] else None

    def close(self, tag: str, bounds: Iterable[str] = ()) -> bool:
        index = self.index_of(tag, bounds)
        if index is None:
            return False
        self.pop_to(index)
        return True

    def clear_to_marker(self) -> None:
        while self.active and self.active.pop() is not None:
            pass

    def add_formatting(self, tag: str, start_tag: str) -> None:
        """Open a formatting element and list it, keeping at most three alike since the last marker
        (the "Noah's Ark" clause)."""
        alike = [i for i in self._since_marker() if (entry := self.active[i]) is not None and entry[1] == start_tag]
        if len(alike) >= 3:
            del self.active[alike[0]]
        self.active.append((tag, start_tag, self.push(tag)))

    def _since_marker(self) -> range:
        last = next((i for i in range(len(self.active) - 1, -1, -1) if self.active[i] is None), -1)
        return range(last + 1, len(self.active))

    def end_formatting(self, tag: str) -> bool:
        """Close the formatting element an end tag names (the adoption agency, in outline: what
        is open inside it closes too); False when no such element is listed since the last marker."""
        for i in reversed(self._since_marker()):
            entry = self.active[i]
            if entry is not None and entry[0] == tag:
                del self.active[i]
                if entry[2] in self.open_serials:
                    self.pop_to(next(index for index in reversed(self.places[tag]) if self.open[index][1] == entry[2]))
                return True
        return False

    def reopen(self) -> str:
        """The start tags of the listed formatting elements a browser re-opens at this point (those
        no longer open, after the last marker or open one), which are then open again."""
        if not self.active or self.active[-1] is None or self.active[-1][2] in self.open_serials:
            return ""
        first = len(self.active) - 1
        while first > 0 and (entry := self.active[first - 1]) is not None and entry[2] not in self.open_serials:
            first -= 1
        written = []
        for i in range(first, len(self.active)):
            tag, start_tag, _ = self.active[i]  # type: ignore[misc]
            self.active[i] = (tag, start_tag, self.push(tag))
            written.append(start_tag)
        return "".join(written)


# How many formatting elements may be listed at once before a page is left as libxml2 reads it:
# a real page lists a few; a hostile one thousands, each read again at every paragraph.
_MOST_LISTED = 100
# Markup that is not text of the page between two tags: comments and other declarations.
_NOT_TEXT = on_first_use(r"<!--.*?(?:-->|\Z)|<[!?][^>]*>?", re.DOTALL)
_LINE_BREAK = on_first_use(r"[\r\n]")


def reopen_formatting_as_browsers_do(source: str) -> str:
    """The page's markup with each formatting element (see `FORMATTING`) that an element ended
    before its own end tag written again where a browser re-opens it: before the next text or
    inline element (`<p><b hidden>x</p><p>By NAME` reads `<p><b hidden>x</p><p><b hidden>By
    NAME`, so the byline is hidden as a reader sees it), with the same attributes. Open elements
    and the list of formatting elements are followed from the tags as written. Line breaks in a
    re-opened start tag become spaces, so every line keeps its number. Returns `source` itself when
    nothing is re-opened, or when the markup would grow past twice its size or list more than
    `_MOST_LISTED` formatting elements at once (a hostile page that leaves thousands open)."""
    insertions: list[tuple[int, str]] = []
    grown = 0
    state = _FormattingElements()
    previous_end = 0
    in_raw_text = False
    for token, closing, tag in _tags(source):
        if not in_raw_text and _reads_text(state, source[previous_end : token.start()]):
            grown += _insert(insertions, previous_end, state.reopen())
        previous_end = token.end()
        in_raw_text = not closing and tag in _RAW_TEXT
        if closing:
            _read_end_tag(state, tag)
            continue
        grown += _insert(insertions, token.start(), _close_for_start_tag(state, tag))
        if tag not in _OPEN_NONE:
            grown += _insert(insertions, token.start(), state.reopen())
        _read_start_tag(state, tag, token.group(0))
        if grown > len(source) or len(state.active) > _MOST_LISTED:
            return source
    if not in_raw_text and _reads_text(state, source[previous_end:]):
        _insert(insertions, previous_end, state.reopen())
    if not insertions:
        return source
    pieces = []
    kept_from = 0
    for at, written in insertions:
        pieces.append(source[kept_from:at])
        pieces.append(written)
        kept_from = at
    pieces.append(source[kept_from:])
    return "".join(pieces)


def _insert(insertions: list[tuple[int, str]], at: int, start_tags: str) -> int:
    if start_tags:
        insertions.append((at, _LINE_BREAK().sub(" ", start_tags)))
    return len(start_tags)


_TABLE_BODIES = frozenset({"table", "tbody", "thead", "tfoot", "tr"})


def _reads_text(state: _FormattingElements, between: str) -> bool:
    """Whether what is written between two tags is text a browser inserts where it re-opens
    formatting elements: any but comments, and white space but directly in a table's body."""
    text = _NOT_TEXT().sub("", between) if "<" in between else between
    if not text:
        return False
    return bool(text.strip()) or not (state.open and state.open[-1][0] in _TABLE_BODIES)


# The HTML standard's "special" elements (of HTML, SVG and MathML), which bound what a list
# item's start tag looks for.
_SPECIAL = frozenset(
    """address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd
    details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header
    hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object
    ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot
    th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc""".split()
)
# The list items a list item's start tag ends, and what bounds the search for one: any special
# element but an `<address>`, `<div>` or `<p>` (`<li><div><li>` ends the first item; `<li><ul><li>`
# nests a list in it).
_LIST_ITEMS = {
    "li": (("li",), tuple(sorted(_SPECIAL - {"address", "div", "p", "li"}))),
    **dict.fromkeys(("dd", "dt"), (("dd", "dt"), tuple(sorted(_SPECIAL - {"address", "div", "p", "dd", "dt"})))),
}


def _close_for_start_tag(state: _FormattingElements, tag: str) -> str:
    """End what a start tag ends before it opens (HTML's "in body" and "in table" insertion modes,
    in outline): a paragraph, a heading in a heading, a list item, a link in a link, a table's
    part at the next. Returns the end tag to write before it where libxml2 would not end it (a
    list item with an element open in it: `<li><b>a<li>`), else ""."""
    if tag in _CLOSE_A_PARAGRAPH:
        state.close("p", _BUTTON_SCOPE)
    if tag in _HEADINGS and state.open and state.open[-1][0] in _HEADINGS:
        state.pop_to(len(state.open) - 1)
    elif tag in _LIST_ITEMS:
        return _close_list_item(state, _LIST_ITEMS[tag])
    elif tag in ("a", "nobr"):
        return _end_formatting_at_its_start_tag(state, tag)
    elif tag == "button" and (index := state.index_of("button", _DEFAULT_SCOPE)) is not None:
        # A button's start tag ends the button open (in scope) with all inside it; libxml2 nests it.
        end_tags = "".join(f"</{entry[0]}>" for entry in reversed(state.open[index:]))
        state.pop_to(index)
        return end_tags
    elif tag in _TABLE_CONTEXTS and state.index_of("table") is not None:
        contexts = _TABLE_CONTEXTS[tag]
        ended = []
        while state.open and state.open[-1][0] not in contexts:
            ended.append(state.open[-1][0])
            state.pop_to(len(state.open) - 1)
        # libxml2 ends a table's part at the next, but not through an element left open in a
        # cell (`<td><span>a<tr>`): then the end tags of all are written.
        if any(name not in _TABLE_PARTS for name in ended):
            return "".join(f"</{name}>" for name in ended)
    return ""


# The elements that bound the default scope ("has an element in scope").
_DEFAULT_SCOPE = ("applet", "caption", "html", "marquee", "object", "table", "td", "template", "th")


def _end_formatting_at_its_start_tag(state: _FormattingElements, tag: str) -> str:
    """End a link at a link's start tag, or a `<nobr>` at a `<nobr>`'s ("in body": the adoption
    agency for the one listed), with what is open in it, where a browser does: the end tags to
    write, libxml2 ending one only when nothing is open in it (`<a>x<span>y<a>` nests the second
    link in the first). Where a special element (a `<div>`…) is open in it, the adoption agency
    moves that block out, which end tags do not write: "", the element ended as before."""
    entry = next((listed for i in reversed(state._since_marker()) if (listed := state.active[i]) is not None and listed[0] == tag), None)
    if entry is None or entry[2] not in state.open_serials:
        state.end_formatting(tag)
        return ""
    index = next(index for index in reversed(state.places[tag]) if state.open[index][1] == entry[2])
    inside = state.open[index:]
    state.end_formatting(tag)
    if any(name in _SPECIAL for name, _ in inside[1:]):
        return ""
    return "".join(f"</{name}>" for name, _ in reversed(inside))


def nests_what_browsers_end(root: Any) -> bool:
    """Whether libxml2's tree (`root`) nests a link in a link, a
    `<nobr>` in a `<nobr>` or a button in a button, through other elements left open, where a
    browser ends the first at the second's start tag (see `_end_formatting_at_its_start_tag`):
    `<a hidden>x<span>y<a>By NAME`. A link in a table's cell (a marker) in a link is the cell's.
    Links nested at all are found by one XPath (libxml2's own search, a millisecond or two for
    the 3,000 links of a long Wikipedia page: cheaper than a look through its bytes for them);
    a page without `<nobr>` and `<button>` is not walked for them (lxml knows from the names
    the page's tree holds)."""
    markers = ("td", "th", "caption", "object", "applet", "marquee", "template")
    for link in root.xpath("//a//a"):
        outer = next(link.iterancestors("a", *markers), None)
        if outer is not None and outer.tag == "a" and not _special_between(link, outer):
            return True
    for element in root.iter("nobr", "button"):
        tag = element.tag
        outer = next(element.iterancestors(tag, *_DEFAULT_SCOPE), None)
        if outer is not None and outer.tag == tag and (tag == "button" or not _special_between(element, outer)):
            return True
    return False


def _special_between(element: Any, outer: Any) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is outer:
            return False
        if ancestor.tag in _SPECIAL:
            return True
    return False


def _close_list_item(state: _FormattingElements, items: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    kinds, bounds = items
    for kind in kinds:
        index = state.index_of(kind, bounds)
        if index is not None:
            # libxml2 ends the item at the next only when nothing is open in it, and at its end
            # tag only when no block is (`<li><div>a<li>`): the end tags of all are written.
            end_tags = "".join(f"</{entry[0]}>" for entry in reversed(state.open[index:])) if index < len(state.open) - 1 else ""
            state.pop_to(index)
            return end_tags
    return ""


# The elements a paragraph's scope ends at, as a set.
_PARAGRAPH_BOUNDS = frozenset(_BUTTON_SCOPE)
# The elements a list item's parent is in a list: an item elsewhere is looked at more closely.
_LISTS = frozenset({"ul", "ol", "menu", "dl"})


def keeps_open_what_browsers_end(root: Any, *, quirks: bool = False) -> bool:
    """Whether libxml2's tree (`root`) holds, inside a paragraph or a list item, an element at
    whose start a browser would have ended that paragraph or item with whatever was open in it,
    where libxml2 ends one only when nothing is open in it: `<p>Note: <span hidden>x<p>By NAME`
    nests the byline in the hidden `<span>` (a block's start "closes a p element" in button
    scope), `<li><span>a<li>b` the second item in the first (see `_LIST_ITEMS`), and
    `<td><span>a<tr><td>b` the second row in the first's cell. In quirks mode (`quirks`) a table
    does not end a paragraph. One pass over the paragraphs, rows and items; each element is
    looked at from one paragraph at most, and each item's ancestors once."""
    cleared: dict[str, set[Any]] = {}  # by an item's tag: the ancestors already found to lead to none
    for element in root.iter("p", "tr", *_LIST_ITEMS):
        tag = element.tag
        if tag == "p":
            if len(element) and _holds_what_ends_it(element, quirks):
                return True
        elif tag == "tr":
            if _row_in_a_cell(element):
                return True
        elif _ends_item_it_is_in(element, cleared.setdefault(tag, set())):
            return True
    return False


def _row_in_a_cell(row: Any) -> bool:
    # A row's start ends the cell and the row it is in (`<td><span>a<tr>`), libxml2's only when
    # nothing is open in the cell; a row in a table nested in the cell is that table's.
    parent = row.getparent()
    if parent is None or parent.tag in _TABLE_PARTS["tr"]:
        return False
    for ancestor in row.iterancestors():
        if ancestor.tag in ("td", "th"):
            return True
        if ancestor.tag in _TABLE_PARTS["tr"]:
            return False
    return False


def _holds_what_ends_it(paragraph: Any, quirks: bool) -> bool:
    # Looked for below the paragraph's children that hold elements, but a block (libxml2 ended the
    # paragraph there, or `close_as_browsers_do` does) or an element that bounds its scope, down to
    # such a block or bound: below a bound, what starts is another paragraph's business.
    pending = [child for child in paragraph if len(child) and child.tag not in _CLOSE_A_PARAGRAPH and child.tag not in _PARAGRAPH_BOUNDS]
    while pending:
        for inner in pending.pop():
            tag = inner.tag
            if tag in _CLOSE_A_PARAGRAPH and not (quirks and tag == "table"):
                return True
            if len(inner) and tag not in _PARAGRAPH_BOUNDS:
                pending.append(inner)
    return False


def _ends_item_it_is_in(item: Any, cleared: set[Any]) -> bool:
    # Looked for from an item that is not directly in a list, up to an item of the kinds it ends,
    # a bound, or an ancestor another item of its tag went up through (`cleared`) and found none.
    parent = item.getparent()
    if parent is None or parent.tag in _LISTS:
        return False
    kinds, bounds = _LIST_ITEMS[item.tag]
    for ancestor in item.iterancestors():
        if ancestor.tag in kinds:
            return True
        if ancestor.tag in bounds or ancestor in cleared:
            break
        cleared.add(ancestor)
    return False


def _read_start_tag(state: _FormattingElements, tag: str, start_tag: str) -> None:
    if tag in _VOID:
        return
    if tag in FORMATTING:
        state.add_formatting(tag, start_tag)
        return
    state.push(tag)
    if tag in _MARKED:
        state.active.append(None)


def _read_end_tag(state: _FormattingElements, tag: str) -> None:
    if tag in FORMATTING and state.end_formatting(tag):
        return
    if tag == "p":
        state.close("p", _BUTTON_SCOPE)
    elif tag not in ("body", "html"):
        state.close(tag)


def nests_forms(messages: Iterable[str]) -> bool:
    """Whether libxml2's error messages for a page show a `</form>` with no form open: the end tag
    of a form in which another started (libxml2 ended the first there)."""
    return any(tag == "form" for tag in _unexpected_end_tags(messages))


def drop_nested_form_tags(source: str) -> str:
    """The page's markup without the start tag of each form written in an open form, which a
    browser ignores (HTML's "in body": a `<form>` start tag while the form element pointer is set),
    where libxml2 ends the open form: what follows stays in the first form, up to the first
    `</form>`. Returns `source` itself when no form is nested."""
    pieces: list[str] = []
    kept_from = 0
    open_elements = _OpenElements()
    for token, closing, tag in _tags(source):
        if closing:
            open_elements.close(tag)
        elif tag == "form" and open_elements.holds("form"):
            pieces.append(source[kept_from : token.start()])
            kept_from = token.end()
        elif tag not in _VOID:
            open_elements.push(tag, False)
    if not pieces:
        return source
    pieces.append(source[kept_from:])
    return "".join(pieces)


_MISPLACED = "htmlParseStartTag: misplaced <{}> tag"
# An attribute of a start tag, as HTML's tokenizer reads it: its name, and its value quoted either
# way or unquoted (none for a bare name).
_ATTRIBUTE = on_first_use(r"""([^\t\n\f\r />"'=][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+)))?""")


def add_attributes_of_later_tags(root: Any, source: str, messages: Iterable[str]) -> None:
    """Give `<html>` and `<body>` the attributes of the start tags of theirs written again later
    in the page (`<body class="hide-all">` after the article), which libxml2 drops, where they do
    not have them: a browser adds each attribute the element lacks (HTML's "in body": an `<html>`
    or `<body>` start tag), up to `_MOST_ADDED_ATTRIBUTES` each. `messages`: libxml2's error
    messages for the page, which name such a tag when there is one."""
    misplaced = [tag for tag in ("html", "body") if any(message.startswith(_MISPLACED.format(tag)) for message in messages)]
    if not misplaced:
        return
    # Imported here: most pages write no such tag, and the module is a table of two thousand names.
    import html

    added: dict[str, dict[str, str]] = {tag: {} for tag in misplaced}
    for token, closing, tag in _tags(source):
        if closing or tag not in added:
            continue
        for found in _ATTRIBUTE().finditer(token.group(3)):
            value = next((group for group in found.groups()[1:] if group is not None), "")
            added[tag].setdefault(found.group(1).lower(), value)
    for tag, attributes in added.items():
        element = root if tag == "html" else root.find("body")
        if element is None or root.tag != "html":
            continue
        lacking = [name for name in attributes if name not in element.attrib]
        for name in lacking[:_MOST_ADDED_ATTRIBUTES]:
            with contextlib.suppress(ValueError):  # a name or value lxml cannot set (`a"b`, a control character)
                element.set(name, html.unescape(attributes[name]))


# How many attributes later tags may add to `<html>` or `<body>`: a real page adds a class or
# two; a hostile one thousands, each of which libxml2 would look for among those set.
_MOST_ADDED_ATTRIBUTES = 64


def _kept_open_in_paragraph(open_elements: _OpenElements, tag: str) -> bool:
    """Whether libxml2 leaves the paragraph in scope open where `tag` starts: it is renamed, or an
    element open in it is one libxml2 does not end at that tag (`CLOSED_EARLY`: it ends a `<b>`
    at a `<p>`, not a `<font>` or a `<span>`)."""
    index = open_elements.places["p"][-1]
    if open_elements.stack[index][1]:
        return True
    return any(tag not in CLOSED_EARLY.get(name, ()) for name, _ in open_elements.stack[index + 1 :])


def restore_kept_open(root: Any) -> None:
    """Give the elements `keep_open_as_browsers_do` renamed their own names back, in the tree
    libxml2 built from its markup."""
    for element in root.iter(*_KEPT_OPEN_NAMES):
        element.tag = element.tag[len(KEPT_OPEN_PREFIX) :]


# The elements a browser ends when one of these starts as their child (the HTML standard's tree
# construction, "in body": a paragraph is ended by the start of a block, a heading by a heading, a
# `<dt>` or `<dd>` by another), where libxml2 nests it; measured against Chromium by a browser
# test. The closing elements libxml2 knows already end a paragraph there too.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CLOSED_BY: dict[str, frozenset[str]] = {
    "p": _HTML5_BLOCKS,
    **dict.fromkeys(_HEADINGS, _HEADINGS),
    "dt": frozenset({"dt"}),
    "dd": frozenset({"dd"}),
}


# The void elements (see `_VOID`) whose start tag libxml2's HTML parser opens as a container.
_NESTED_BY_LIBXML2 = ("bgsound", "embed", "image", "keygen", "source", "track", "wbr")


def unnest_void_elements(root: Any) -> None:
    """Move what libxml2 put in a void element (see `_NESTED_BY_LIBXML2`), its words and its
    elements, out of it, just after it, in order, as a browser's parser never puts anything in
    one. Left as they are inside `<svg>` and `<math>`, where such a tag names an element of
    SVG or MathML that may hold others (an SVG `<image>` holds its `<title>`)."""
    found = [element for element in root.iter(*_NESTED_BY_LIBXML2) if _holds_anything(element)]
    for element in found:
        if element.getparent() is None or any(ancestor.tag in ("svg", "math") for ancestor in element.iterancestors()):
            continue
        words, element.text = element.text, None
        _move_after(element, list(element))
        if words:
            element.tail = _settable(words + (element.tail or ""))


def close_as_browsers_do(root: Any) -> None:
    """End each element of `CLOSED_BY` where a child of its closing kinds starts, as a browser
    does: that child and everything after it in the element (its elements and text) move out of
    it, after it, in order. A paragraph's end tag then finds no paragraph open and makes an empty
    one, which keeps the words after it apart from those before (`</p>after`). Only a direct child
    is looked at: a browser also ends a paragraph at a `<section>` inside its `<span>`, which is
    left nested."""
    from lxml import etree

    found = [element for element in root.iter(*CLOSED_BY) if len(element) and any(child.tag in CLOSED_BY[element.tag] for child in element)]
    for element in found:
        closers = CLOSED_BY[element.tag]
        first = next((child for child in element if child.tag in closers), None)
        if first is None or element.getparent() is None:
            continue  # moved out already, with the element it was in; or the root
        moved = [first, *first.itersiblings()]
        if element.tag == "p" and (element.tail or "").strip():
            empty = etree.Element("p")
            empty.tail, element.tail = _settable(element.tail or ""), None
            moved.append(empty)
        _move_after(element, moved)


def _move_after(element: Any, moved: list[Any]) -> None:
    """Move these nodes (of the element's, each with the words after it) out of it, just after
    it, in order, before the words that followed it."""
    tail, element.tail = element.tail, None
    place = element
    for node in moved:
        place.addnext(node)
        place = node
    if tail:
        place.tail = _settable((place.tail or "") + tail)


# What a table and its row groups and rows may hold (the HTML standard's "in table", "in table
# body" and "in row" insertion modes); anything else, elements and words, a browser puts before
# the table. (`<form>` and `<input type=hidden>`, which it handles apart, are left in place.)
# A cell held directly by a table or a row group is not: a browser puts it in a row (see
# `add_implied_elements`, which runs after).
_TABLE_CONTENT = frozenset({"caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th", "script", "style", "template", "form", "input"})
_ROW_GROUP_CONTENT = frozenset({"tr", "td", "th", "script", "style", "template", "form", "input"})
HOLDS_ONLY: dict[str, frozenset[str]] = {
    "table": _TABLE_CONTENT,
    "thead": _ROW_GROUP_CONTENT,
    "tbody": _ROW_GROUP_CONTENT,
    "tfoot": _ROW_GROUP_CONTENT,
    "tr": _ROW_GROUP_CONTENT - {"tr"},
    "colgroup": frozenset({"col", "template"}),
}


def foster_parent(root: Any) -> None:
    """Move what a table, a row group or a row holds outside its cells (see `HOLDS_ONLY`) before
    the table, in the order it is written, as a browser does: elements with the words after them,
    and words that are not white space. Comments stay. A table in another outside its cells goes
    before that one first, and what it holds then before it, where it now is."""
    parts = [part for part in root.iter(*HOLDS_ONLY) if _holds_fostered(part)]
    tables = [part if part.tag == "table" else next(part.iterancestors("table"), None) for part in parts]
    for table in dict.fromkeys(table for table in tables if table is not None):
        if table.getparent() is not None:
            _foster_from(table, table)


def _foster_from(part: Any, table: Any) -> None:
    """Move what `part` (the table, or one of its row groups or rows) holds outside its cells
    before the table, and what its row groups and rows hold, in order."""
    allowed = HOLDS_ONLY[part.tag]
    if (part.text or "").strip():
        _put_words_before(table, part.text or "")
        part.text = None
    child = part[0] if len(part) else None
    while child is not None:
        following = child.getnext()
        if isinstance(child.tag, str) and child.tag not in allowed:
            # A row (or another part) written in it stays in the table, and what follows with it:
            # a browser ends the fostered element at the row ("clear the stack back to a table context").
            kept = next((held for held in child if held.tag in allowed and held.tag in _TABLE_PARTS), None)
            if kept is not None:
                _move_after(child, [kept, *kept.itersiblings()])
                following = kept
            table.addprevious(child)  # with the words after it
            child = following
            continue
        if child.tag == "form" and _holds_anything(child):
            # A form in a table holds nothing: a browser ends it at once ("in table": a form start
            # tag), and what is written in it is the table's, fostered or not.
            words, child.text = child.text, None
            _move_after(child, list(child))
            if words:
                child.tail = _settable(words + (child.tail or ""))
            following = child.getnext()
        if child.tag in HOLDS_ONLY:
            _foster_from(child, table)
        if (child.tail or "").strip():
            _put_words_before(table, child.tail or "")
            child.tail = None
        child = following


def _holds_fostered(part: Any) -> bool:
    allowed = HOLDS_ONLY[part.tag]
    return bool((part.text or "").strip()) or any(
        (isinstance(child.tag, str) and child.tag not in allowed) or bool((child.tail or "").strip()) or (child.tag == "form" and _holds_anything(child))
        for child in part
    )


def _holds_anything(element: Any) -> bool:
    return len(element) > 0 or bool(element.text)


# What lxml refuses to set as an element's text (XML 1.0's excluded characters), though libxml2's
# HTML parser keeps them in the text it reads (`<table>\x08`): C0 controls but tab and line breaks.
_NOT_XML_TEXT = on_first_use("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _settable(text: str) -> str:
    """Words moved in the tree, without the control characters lxml refuses to set (none shows)."""
    return _NOT_XML_TEXT().sub("", text) if _NOT_XML_TEXT().search(text) else text


def _put_words_before(element: Any, words: str) -> None:
    """Add words just before an element: after what is before it in its parent."""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = _settable((previous.tail or "") + words)
    else:
        parent = element.getparent()
        parent.text = _settable((parent.text or "") + words)


_ROW_GROUPS = frozenset({"tbody", "thead", "tfoot"})
_CELLS = frozenset({"td", "th"})


def add_implied_elements(root: Any) -> None:
    """Add the `<tbody>` and `<tr>` elements a browser's parser implies, and read `<image>` as
    `<img>` (outside SVG, where `<image>` is an element of its own), as the HTML standard's tree
    construction does ("in table": a row or cell starts a `<tbody>`; "in table body": a cell
    starts a `<tr>`; "in body": an `<image>` start tag is an `<img>`)."""
    # (What libxml2 put in an <image> follows it already: see `unnest_void_elements`.)
    for image in list(root.iter("image")):
        if next(image.iterancestors("svg"), None) is None:
            image.tag = "img"
    for table in root.iter("table"):
        _wrap_runs(table, frozenset({"tr"}) | _CELLS, "tbody")
        for group in table:
            if group.tag in _ROW_GROUPS:
                _wrap_runs(group, _CELLS, "tr")


def _wrap_runs(parent: Any, kinds: frozenset[str], wrapper: str) -> None:
    """Put each run of `parent`'s children of these kinds (with the comments between them) in a new
    `wrapper` element, in its place; a run of cells in a new `<tbody>` goes in a new `<tr>` in it."""
    children = list(parent)
    if not any(child.tag in kinds for child in children):
        return
    from lxml import etree

    run: list[Any] = []
    for child in [*children, None]:
        if child is not None and (child.tag in kinds or (run and not isinstance(child.tag, str))):
            run.append(child)
            continue
        while run and not isinstance(run[-1].tag, str):
            run.pop()  # a comment after the run stays outside it
        if run:
            element = etree.Element(wrapper)
            element.sourceline = run[0].sourceline
            run[0].addprevious(element)
            element.extend(run)
            if wrapper == "tbody":
                _wrap_runs(element, _CELLS, "tr")
        run = []


# Where SVG and MathML hold HTML (HTML integration points, and MathML's text integration points,
# in which an HTML start tag is read as HTML): what is written in them stays. Each is one in its
# own language only (an `<mi>` in SVG is no MathML), and an `<annotation-xml>` only when its
# `encoding` is HTML's.
MATHML_TEXT_INTEGRATION_POINTS = frozenset({"mi", "mo", "mn", "ms", "mtext"})
_HOLDS_HTML = {
    **dict.fromkeys(MATHML_TEXT_INTEGRATION_POINTS, "math"),
    "annotation-xml": "math",
    **dict.fromkeys(("foreignobject", "desc", "title"), "svg"),
}
_HTML_ENCODINGS = frozenset({"text/html", "application/xhtml+xml"})
# The attributes that make a `<font>` leave foreign content too.
_FONT_BREAKING_OUT = ("color", "face", "size")


def break_out_of_foreign_content(root: Any) -> None:
    """End each `<svg>` or `<math>` at the first HTML element written in it that a browser does not
    nest there (`_BREAKS_OUT_OF_FOREIGN`: a paragraph, a `<div>`, a `<b>`…, and a `<font>` with a
    colour, face or size), as HTML's tree construction does "in foreign content": that element
    and everything after it in the `<svg>`, the words after the elements it was in included,
    move out, after it, in order. libxml2 nests them in the `<svg>`, whose content is drawn, not
    read, so `<svg><p>By NAME</p></svg>` showed no byline. What is written in an integration
    point (`<foreignObject>`, a MathML `<mi>`) stays; an `<svg>` or `<math>` written in one ends
    where it does (`<math><mi><svg><p>` puts the paragraph in the `<mi>`, after the `<svg>`)."""
    for foreign in [element for element in root.iter("svg", "math") if _in_html(element)]:
        breaking = _first_breaking_out(foreign)
        if breaking is None:
            continue
        moved = [breaking, *breaking.itersiblings()]
        for ancestor in breaking.iterancestors():
            if ancestor is foreign:
                break
            if ancestor.tail:
                moved[-1].tail = _settable((moved[-1].tail or "") + ancestor.tail)
                ancestor.tail = None
            moved.extend(ancestor.itersiblings())
        _move_after(foreign, moved)


def _in_html(element: Any) -> bool:
    """Whether an element is written where HTML is read: in no `<svg>` or `<math>`, or in an
    integration point of the one it is in."""
    return foreign_language(element) is None


def foreign_language(element: Any) -> str | None:
    """ "svg" or "math" when `element` is written in that language's content, and so is an
    element of SVG or MathML, not of HTML (`<svg><script>` is SVG's script, `<math><script>`
    MathML's, which is none); None when it is read as HTML: in no `<svg>` or `<math>`, or in an
    integration point of the one it is in (`<foreignObject>`, a MathML `<mi>`)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("svg", "math"):
            return str(ancestor.tag)
        if _is_integration_point(ancestor):
            return None
    return None


def _is_integration_point(element: Any) -> bool:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    language = _HOLDS_HTML.get(tag)
    if language is None or (tag == "annotation-xml" and (element.get("encoding") or "").strip().lower() not in _HTML_ENCODINGS):
        return False
    return next((ancestor.tag for ancestor in element.iterancestors("svg", "math")), None) == language


def _first_breaking_out(foreign: Any) -> Any:
    """The first element in an `<svg>` or `<math>` that ends it (see `break_out_of_foreign_content`),
    in document order; None when none does. What an integration point holds is not looked
    through: it is HTML, and an `<svg>` or `<math>` in it is looked through as one of its own, so
    each element of the page is looked at once however deep they nest."""
    pending = list(reversed(foreign))
    while pending:
        element = pending.pop()
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag in _BREAKS_OUT_OF_FOREIGN or (tag == "font" and any(element.get(a) is not None for a in _FONT_BREAKING_OUT)):
            return element
        if len(element) and not _is_integration_point(element):
            pending.extend(reversed(element))
    return None


# The parts of a table, and what each may be in; outside any table a browser ignores their tags
# (the HTML standard's "in body": a `<caption>`, `<col>`, `<td>`… start tag is a parse error, ignored).
_TABLE_PARTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("caption", "colgroup", "thead", "tbody", "tfoot"), frozenset({"table"})),
    "col": frozenset({"table", "colgroup"}),
    "tr": frozenset({"table", "thead", "tbody", "tfoot"}),
    **dict.fromkeys(("td", "th"), frozenset({"tr"})),
}


def drop_table_parts_outside_tables(root: Any) -> None:
    """Replace each part of a table that is in no table by what it holds, its words and elements
    in its place, as a browser ignores its tags."""
    for part in list(root.iter(*_TABLE_PARTS)):
        if not _outside_tables(part):  # asked in order: a row's cells are outside once it is gone
            continue
        _replace_by_content(part)


def _replace_by_content(element: Any) -> None:
    """Put what an element holds, its words and elements, in its place, as a browser that ignores
    its start and end tags builds it."""
    parent = element.getparent()
    _put_words_before(element, element.text or "")
    for child in list(element):
        element.addprevious(child)  # with the words after it
    _put_words_before(element, element.tail or "")
    element.tail = None
    parent.remove(element)


def _outside_tables(part: Any) -> bool:
    parent = part.getparent()
    return parent is not None and parent.tag not in _TABLE_PARTS[part.tag] and next(part.iterancestors("table"), None) is None


# The start tags after which a `<frameset>` start tag is ignored (the HTML standard's "in body":
# each sets the frameset-ok flag to "not ok", as does a `<body>` start tag), with `</br>`, read as
# a `<br>`. `<svg>`, `<math>` and `<template>` are among them here, though they set nothing: a
# `<frameset>` in foreign content or a template's is no frameset, and such a page is read as
# libxml2 reads it (the page is read as a frameset document only when it surely is one).
_NOT_FRAMESET_OK = frozenset(
    """applet area body br button dd dt embed hr iframe image img keygen li listing marquee math object plaintext pre select svg
    table template textarea wbr xmp""".split()
)
_FRAMESET_START = on_first_use(rb"<frameset", re.IGNORECASE)
_HIDDEN_INPUT = on_first_use(r"""(?:^|[\t\n\f\r /])type[\t\n\f\r ]*=[\t\n\f\r ]*["']?hidden(?:["'\t\n\f\r /]|\Z)""", re.IGNORECASE)
# What a frameset holds in a browser's tree (the "in frameset" insertion mode); all else is ignored.
_FRAMESET_CONTENT = frozenset({"frameset", "frame", "noframes"})


def may_be_frameset_document(payload: bytes) -> bool:
    """Whether the page's bytes hold a `<frameset>` start tag, in any case (the cheap look before
    `is_frameset_document`)."""
    return _FRAMESET_START().search(payload) is not None


def is_frameset_document(source: str) -> bool:
    """Whether a browser builds a frameset document of the page's markup, whose body it then drops
    (nothing of it is shown; the frames load other pages): a `<frameset>` start tag comes before
    anything that makes a body a browser keeps ("in head", "after head", or "in body" while the
    frameset-ok flag is "ok"): text other than white space (character references read), a
    `<body>` tag, or one of the start tags that set the flag to "not ok" (`_NOT_FRAMESET_OK`; an
    `<input>` unless `type=hidden`). `<div>`, `<p>`, `<span>` and the like set nothing: the
    body they begin is dropped with them. A `<frameset>` in raw text (a `<noframes>`, a comment)
    is no tag."""
    import html

    position = 0
    for token, closing, tag in _tags(source):
        if _shows_text(source[position : token.start()], html):
            return False
        position = token.end()
        if tag == "frameset" and not closing:
            return True
        if (closing and tag == "br") or (not closing and (tag in _NOT_FRAMESET_OK or (tag == "input" and not _HIDDEN_INPUT().search(token.group(3))))):
            return False
        if not closing and tag in _RAW_TEXT:
            position = _raw_text_end(source, tag, position)
    return False


def _shows_text(between: str, html: Any) -> bool:
    """Whether markup between two tags holds text other than white space, comments aside."""
    text = _NOT_TEXT().sub("", between) if "<" in between else between
    if "&" in text:
        text = html.unescape(text)
    return bool(text.strip("\t\n\f\r \x00"))


def _raw_text_end(source: str, tag: str, position: int) -> int:
    """Where the raw text of an element that starts at `position` ends (at its end tag, or at the
    end of the page), as `_tags` skips it."""
    end = re.compile(rf"</{re.escape(tag)}[\t\n\f\r />]", re.IGNORECASE).search(source, position)
    return len(source) if end is None else end.start()


def keep_frameset_only(root: Any) -> None:
    """Make the tree of a frameset document (see `is_frameset_document`) the one a browser builds:
    its `<head>` and its first `<frameset>`, which holds only framesets, frames and `<noframes>`;
    the body and all else libxml2 built around them are dropped."""
    frameset = next(root.iter("frameset"), None)
    if frameset is None or root.tag != "html":
        return
    frameset.getparent().remove(frameset)
    frameset.tail = None
    _keep_frameset_content(frameset)
    for child in list(root):
        if child.tag != "head":
            root.remove(child)
    root.append(frameset)


def _keep_frameset_content(frameset: Any) -> None:
    frameset.text = None
    for child in list(frameset):
        child.tail = None
        if child.tag not in _FRAMESET_CONTENT:
            frameset.remove(child)
        elif child.tag == "frameset":
            _keep_frameset_content(child)


def drop_ignored_framesets(root: Any) -> None:
    """Replace each `<frameset>` and `<frame>` of a page that is no frameset document by what it
    holds, in its place, as a browser ignores their tags in a body ("in body": a `<frameset>`
    start tag once the frameset-ok flag is "not ok", a `<frame>` start tag, and their end tags),
    where libxml2 nests what follows in them: `<frameset style="display:none">` hides nothing.
    Left in `<svg>` and `<math>`, where such a tag names an element of theirs."""
    for element in list(root.iter("frameset", "frame")):
        if element.getparent() is not None and not any(ancestor.tag in ("svg", "math") for ancestor in element.iterancestors()):
            _replace_by_content(element)


# What `foreign_cdata_as_text` reads: comments, CDATA sections (`<![CDATA[`, case-sensitive, to
# `]]>` or the end), and the start and end tags of `<svg>`, `<math>`, the elements whose content
# libxml2 reads as raw text, and the HTML elements that end foreign content.
_FOREIGN_CDATA_TOKEN = on_first_use(
    r"<!--.*?(?:-->|\Z)"
    r"|(?-i:<!\[CDATA\[)(.*?)(?:\]\]>|\Z)"
    rf"|<(/?)(svg|math|{'|'.join(sorted(_RAW_TEXT | _BREAKS_OUT_OF_FOREIGN))})(?=[\t\n\f\r />])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | re.IGNORECASE,
)
# The elements of SVG whose content libxml2 reads as raw text (a CDATA section's markers in
# them are dropped: its text is theirs).
_FOREIGN_RAW_TEXT = frozenset({"script", "style"})


def foreign_cdata_as_text(source: str) -> str:
    """The markup with each CDATA section written in `<svg>` or `<math>` content replaced by its
    text, escaped (in a `<script>` or `<style>` of theirs, its markers dropped), as a browser's
    tokenizer reads it there (HTML 13.2.5.42: in foreign content a CDATA section is text);
    libxml2 reads `<![CDATA[` as a comment that ends at the first `>`, so
    `<svg><![CDATA[</svg><div>]]></svg>` put what followed in a `<div>` of the `<svg>`. Outside
    foreign content (and past an HTML element that ends it) a CDATA section is a comment, as
    libxml2 reads it, and is left. The page's lines stay where they are."""
    import html

    pieces: list[str] = []
    written = 0
    depth = 0
    position = 0
    while (token := _FOREIGN_CDATA_TOKEN().search(source, position)) is not None:
        position = token.end()
        tag = (token.group(3) or "").lower()
        if token.group(0).startswith("<![CDATA[") and depth > 0:
            pieces += [source[written : token.start()], html.escape(token.group(1), quote=False)]
            written = position
        elif tag in ("svg", "math"):
            depth = max(depth - 1, 0) if token.group(2) else depth + (not token.group(4).rstrip().endswith("/"))
        elif tag in _BREAKS_OUT_OF_FOREIGN and not token.group(2):
            depth = 0
        elif tag and not token.group(2) and (depth == 0 or tag in _FOREIGN_RAW_TEXT):
            end = re.compile(rf"</{re.escape(tag)}[\t\n\f\r />]", re.IGNORECASE).search(source, position)
            stop = len(source) if end is None else end.start()
            if depth > 0:
                inner = _CDATA_MARKERS().sub(r"\1", source[position:stop])
                pieces += [source[written:position], inner]
                written = stop
            position = stop
    return "".join([*pieces, source[written:]]) if pieces else source


# A CDATA section's markers around its text (see `foreign_cdata_as_text`).
_CDATA_MARKERS = on_first_use(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.DOTALL)
