"""`text` — a phrase or regex in the visible text of a scope, required or forbidden.

Text is what a reader sees: no scripts, styles, comments or hidden elements, with `&nbsp;`,
typographic quotes, hyphens (read as `-`) and runs of whitespace normalised. Blocks (paragraph, heading, list item, or
line of a text article) are separated by line breaks, so `^` and `$` anchor at block edges (and at
`<br>` breaks inside a block), and `.` never runs from one block into the next.

Scopes: `article` (default; not the blocks of a publisher's "Republish this story" box in the
page, whose credit line is HTML offered to other sites), `page`, `headline`, `byline` (the text
of the article's bylines);
`first`/`last` limit the scope to its first or last N blocks (in the article, `last` counts from
the story's last paragraph, as `position` does: the furniture after it is kept and not counted;
a required text missing from the article's last N blocks is pointed at the story's end).
Named groups are captured and can be used in messages as `{name}`.

Example (DCNF's license paragraph at the end of the article)::

    text:
      phrase: All content created by the Daily Caller News Foundation
      last: 3

Passes::

    <article><p>Story.</p><p>All content created by the Daily Caller News Foundation is free.</p></article>

Fails::

    <article><p>All content created by the Daily Caller News Foundation is free.</p>
    <p>The story goes on after it, paragraph one.</p><p>The story goes on after it, paragraph two.</p>
    <p>The story goes on after it, paragraph three.</p></article>
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from compliance.checks.base import LABEL_DOC, Context, Hit, Outcome, Undecided, explained_later, hidden_copy, judge_count, too_many
from compliance.checks.story import end_location, is_caption, last_items, story_tail
from compliance.document import Block, Document
from compliance.options import Option
from compliance.patterns import Pattern, Selector
from compliance.text import counted, excerpt, quoted, shorten

OPTIONS = (
    Option("pattern", "regex", "Regular expression to find (use single quotes in YAML).", default=None),
    Option("phrase", "phrase", "Literal phrase to find (quotes and spacing normalised, word boundaries at the ends).", default=None),
    Option("ignore-case", "boolean", "Match regardless of letter case.", default=False),
    Option("whole-word", "boolean", "Match only whole words.", default=False),
    Option("scope", "enum", "Where to look.", default="article", choices=("article", "page", "headline", "byline")),
    Option("first", "integer", "Only the first N blocks of the scope.", default=None, minimum=1),
    Option("last", "integer", "Only the last N blocks of the scope.", default=None, minimum=1),
    Option("label", "string", LABEL_DOC, default=None),
    Option("min", "integer", "Fewest matches required (0 when only `max` is given).", default=1, minimum=0),
    Option("max", "integer", "Most matches allowed (`0` forbids the text).", default=None, minimum=0),
    Option(
        "outside",
        "selector",
        "Leave out the blocks inside an element this CSS selector matches (photo captions: `figcaption, .wp-caption-text`); text articles keep every block.",
        default=None,
    ),
    Option(
        "credit",
        "boolean",
        "The text is the story's credit (a credit line naming its source or author): a photo's caption or credit"
        " (a `figure` that holds a picture, `figcaption`, an element classed `caption`, `photo-credit`, `image-credit` or `media-credit`)"
        " credits the photo, and its blocks are left out (a `figure` whose pictures are all logos, by an `alt`, `src`, `class`, `id` or"
        " `aria-label` that says `logo`, and its caption are a credit's box, and kept); so are a line right after a picture, a chart's"
        " or a video's embed with nothing between (the picture's credit, unless it names the story or its publishing, or closes the story after its"
        " last picture, among the story's paragraphs with only the story's tail after it, in the words of `pattern`), a"
        " `blockquote` inside the story's text or a pull quote (a quoted credit; a `blockquote` at the story's top or end whose line names the story"
        ' or its publishing or opens with "Courtesy" in its own words is a credit box, and kept, unless a line of it is in quotation marks or'
        " opens with a dash, it holds a `cite` or `footer` line, or a sentence ending with a colon introduces it: a quotation) and an item of a"
        " list of two items or more that does not name the"
        " story (one of its sources);"
        " text articles keep every block. A failure that finds the text only in a photo's caption (outside a sentence naming a picture,"
        ' "Photo republished from …") quotes that caption and its line, and says to take the credit out into a paragraph of its own,'
        " as `syndcheck fix` does when it puts the rule's block in.",
        default=False,
    ),
    Option(
        "instead",
        "regex",
        "A wording some copies print in place of the text and that does not stand in for it (a translation of a prescribed credit line):"
        " when the text is missing and this is in the scope, the failure quotes the first one and says what it is (`instead-label`),"
        " gives it as its `found:` and points at it. It never makes the check pass.",
        default=None,
    ),
    Option(
        "also-count",
        "regex",
        "Other wordings counted with the text toward `max` (a credit line in other words beside the prescribed one, which prints the"
        " credit twice): a match that overlaps one of the text's is counted once. They never count toward `min`, and a pass quotes"
        " only the text's own matches as its evidence, never one of these.",
        default=None,
    ),
    Option(
        "instead-label",
        "string",
        'What the `instead` wording is, as the failure says it ("a credit line in Spanish, which does not replace it").',
        default=None,
    ),
)


class TextParams(NamedTuple):
    """Validated parameters of a `text` check."""

    pattern: Pattern
    scope: str
    first: int | None
    last: int | None
    min: int
    max: int | None
    label: str = ""
    outside: Selector | None = None
    instead: Pattern | None = None
    instead_label: str = ""
    credit: bool = False
    also_count: Pattern | None = None


def build(values: dict[str, Any]) -> TextParams:
    """Parameters from validated option values (exactly one of pattern/phrase, checked by packs)."""
    return TextParams(
        pattern=values["pattern"] or values["phrase"],
        scope=values["scope"],
        first=values["first"],
        last=values["last"],
        min=values["min"],
        max=values["max"],
        label=values["label"] or "",
        outside=values["outside"],
        instead=values["instead"],
        instead_label=values["instead_label"] or "",
        credit=bool(values["credit"]),
        also_count=values["also_count"],
    )


def captures(params: TextParams) -> frozenset[str]:
    """The named groups of the pattern (`(?P<outlet>...)`): each match captures them."""
    return frozenset(str(name) for name in params.pattern.compiled.groupindex)


def describe(params: TextParams) -> str:
    """What the check looks for, in words: its label or the plain reading of its pattern."""
    return params.label or params.pattern.shown


def scope_blocks(doc: Document, scope: str, first: int | None, last: int | None) -> list[Block]:
    """The blocks a text-like check looks at."""
    if scope == "page":
        blocks = list(doc.blocks)
    elif scope == "headline":
        blocks = [doc.headline] if doc.headline is not None else []
    elif scope == "byline":
        # A front matter byline is no block of the body: its words are not read here.
        wanted = {b.index for b in doc.bylines if b.in_body}
        blocks = [b for b in doc.blocks if b.index in wanted]
    else:
        blocks = _credit_blocks(doc)
    if first is not None:
        blocks = blocks[:first]
    if last is not None and scope == "article":
        wanted = set(last_items([b.index for b in blocks], last, story_tail(doc)))
        blocks = [b for b in blocks if b.index in wanted]
    elif last is not None:
        blocks = blocks[-last:]
    return blocks


# Every publisher's "Republish this story" box says "republish" in its markup or its words
# (`region.is_republish_box`): a page without the word has none, and its blocks are not asked.
# Two substring tests ("republish", "Republish", "REPUBLISH"): measured at 8 µs on a 110 KB page,
# where a case-insensitive regex took 190 µs.
_REPUBLISH_SPELLINGS = ("epublish", "EPUBLISH")
# And only where the word is one a box's class or id names ("republish-modal", "republishBox") or
# an offer says ("Republish this story", "interest in republishing"): "republish" or
# "republishing" in any case, with no lower-case letter or digit after it, as written or before an
# entity. A copy's own "republished" ("All republished articles must include our logo") is
# neither. As with the two spellings above, a word spelt with a character reference inside it is
# not looked for. Read on the page's bytes, in ASCII lower case (a case-blind regex over a whole
# page costs a millisecond; the few places that spell "epublish" are looked at instead).
_AFTER_THE_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")


def _may_name_a_box(source: str) -> bool:
    """Whether the page's source spells the word of a Republish box (see `_AFTER_THE_WORD`)."""
    written = source.encode("utf-8", "surrogatepass")
    lowered = written.lower()
    start = lowered.find(b"epublish")
    while start != -1:
        end = start + len(b"epublish")
        endings = (end, end + 3) if lowered[end : end + 3] == b"ing" else (end,)
        if any(ending == len(written) or written[ending] not in _AFTER_THE_WORD for ending in endings):
            return True
        start = lowered.find(b"epublish", end)
    return False


def _credit_blocks(doc: Document) -> list[Block]:
    """The blocks of the article where a credit counts (`Document.item_credit_in_article`), worked
    out once per document: every text check of every pack scoped to the article asks for them.
    Not the blocks of the publisher's own "Republish this story" box in the page
    (`Document.in_republish_box`): the credit line it offers other sites as HTML to copy is not
    the page's own credit, neither a second one (`max: 1`) nor the one required."""
    cached: tuple[Block, ...] | None = doc._memo.get("credit_blocks")
    if cached is None:
        blocks = [b for b in doc.blocks if doc.item_credit_in_article(b)]
        if any(spelling in doc.source for spelling in _REPUBLISH_SPELLINGS) and _may_name_a_box(doc.source):
            blocks = [b for b in blocks if b.element is None or not doc.in_republish_box(b.element)]
        cached = doc._memo["credit_blocks"] = tuple(blocks)
    return list(cached)


def outside_of(doc: Document, blocks: list[Block], selector: Selector) -> list[Block]:
    """The blocks with no element the selector matches among their element and its ancestors."""
    left_out = doc.select(selector)
    if not left_out:
        return blocks
    covered = _subtrees(left_out)
    return [block for block in blocks if block.element not in covered]


# A photo's caption or credit: what it credits is the photo ("Photo courtesy of ProPublica",
# "Courtesy of The Texas Tribune" under a picture), never the story. One selector for every pack's
# credit rule (`credit: true`), so that no pack reads a caption as its credit line and another not.
# A `<figure>` counts when it holds a picture (`_PICTURES`): one that holds a pull quote or a box
# of text (a partner's credit box) is no photo.
PHOTO_CAPTIONS = 'figcaption, [class*="caption"], [class*="photo-credit"], [class*="image-credit"], [class*="media-credit"]'
_PICTURES = ("img", "picture", "svg", "video", "amp-img", "{http://www.w3.org/2000/svg}svg")
# A page with none of these words has no element the selector matches: its blocks are all kept
# without a pass over the tree ("igure" and "aption" in either case cover `<figure>`,
# `<figcaption>`, `<FigCaption>` and the caption classes).
_CAPTION_SPELLINGS = ("igure", "IGURE", "aption", "APTION", "-credit")
# A quotation's blocks: a credit quoted in a `<blockquote>` or set as a pull quote ("Article
# courtesy of …" on a flyer the story quotes) credits the quoted text, not the page's own story.
QUOTATIONS = 'blockquote, [class*="pullquote"], [class*="pull-quote"], [class*="pull_quote"]'
_QUOTATION_SPELLINGS = ("lockquote", "LOCKQUOTE", "ull-quote", "ullquote", "ull_quote", "ULLQUOTE", "ULL-QUOTE")
# What stands for a picture when a credit line follows it: a picture, or an embed or canvas a
# chart or a video is drawn in.
_SHOWN_THINGS = (*_PICTURES, "iframe", "canvas", "object", "embed")
_PICTURE_SPELLINGS = ("<img", "<IMG", "<picture", "<svg", "<video", "<amp-img", "<iframe", "<canvas", "<object", "<embed")
# A line that names the story or its publishing ("This article was originally published on …",
# "Content provided by …", "Reprinted from …") credits the story even right after a picture; a
# picture's credit says "Courtesy:", "Source:", "Credit:" or "Photo by".
# (Searched in the case-folded text, as `_names_the_story` does: matched without IGNORECASE, it
# runs twice as fast over a page's list items, which it reads every one of.)
_NAMES_THE_STORY = re.compile(
    r"\b(?:story|article|piece|report|commentary|column|content|post|essay|op-ed|editorial|feature|interview|investigation|reporting"
    r"|published|republished|reprinted|reposted|produced|written|syndicated|distributed|appeared|licen[cs]e[ds]?)\b"
)


def _names_the_story(text: str) -> bool:
    """Whether `text` names a story or its publishing (`_NAMES_THE_STORY`), in any letter case."""
    return _NAMES_THE_STORY.search(text.casefold()) is not None


@functools.cache
def _photo_captions() -> Selector:
    # Translated on first use: a check from the pack cache does not import cssselect until a
    # page may hold a caption.
    from compliance.patterns import selector_from_css

    return selector_from_css(PHOTO_CAPTIONS)


def not_captions(doc: Document, blocks: list[Block]) -> list[Block]:
    """The blocks outside a photo's caption or credit (`PHOTO_CAPTIONS`, a `figure` that holds a
    picture other than a logo: a logo's figure and its caption are a credit's box, `_is_logo`):
    the blocks a credit of the story may be in. Costs a page without a caption's tag or class five substring tests; on
    another, the captions' blocks are worked out once per document. A match that holds every
    block of the page is no caption but a wrapper of the story (a theme's `<div
    class="has-captions">`): then no block is left out."""
    if doc.root is None or not any(spelling in doc.source for spelling in (*_CAPTION_SPELLINGS, *_QUOTATION_SPELLINGS, *_PICTURE_SPELLINGS, "<li", "<LI")):
        return blocks
    captioned: frozenset[int] | None = doc._memo.get("caption_blocks")
    if captioned is None:
        figures = [(figure, list(figure.iter(*_PICTURES))) for figure in doc.root.iter("figure")]
        photos = {figure for figure, pictures in figures if pictures and not all(_is_logo(picture) for picture in pictures)}
        logos = {figure for figure, pictures in figures if pictures} - photos
        captions = set(doc.select(_photo_captions())) if any(spelling in doc.source for spelling in _CAPTION_SPELLINGS) else set()
        if logos:
            # A logo's caption is a credit, not a photo's: "This article is republished from …"
            # under the publisher's logo.
            captions = {caption for caption in captions if not any(e in logos for e in (caption, *caption.iterancestors()))}
        if any(spelling in doc.source for spelling in _QUOTATION_SPELLINGS):
            captions.update(quotation for quotation in doc.select(_quotations()) if not _is_credit_box(doc, quotation))
        picture_lines = _lines_after_pictures(doc.root)
        doc._memo["picture_lines"] = tuple(picture_lines)
        captions.update(picture_lines)
        captions.update(_items_among_others(doc.root))
        covered = _subtrees(captions | photos)
        kept = {b.index for b in doc.blocks if b.element not in covered}
        captioned = frozenset(b.index for b in doc.blocks if b.index not in kept) if kept else frozenset()
        doc._memo["caption_blocks"] = captioned
    return [b for b in blocks if b.index not in captioned] if captioned else blocks


@functools.cache
def _quotations() -> Selector:
    from compliance.patterns import selector_from_css

    return selector_from_css(QUOTATIONS)


def _is_credit_box(doc: Document, quotation: Any) -> bool:
    """Whether a `<blockquote>` is the story's own credit box, as some themes and editors set one
    ("<blockquote><p>This article was originally published by …</p></blockquote>"): it stands at
    the story's top (no paragraph of the story before it) or at its end (only the story's tail
    after it, `story_tail`), and one of its lines words a credit in its own words
    (`_is_credit_wording`, outside quotation marks: `_unquoted`). Those credit what is quoted: a
    quotation inside the story's text ("Article courtesy of …" on a flyer the story quotes, with
    the story going on after it), one whose lines do not name the story, a pull quote by its
    class (a line the story repeats), a quotation by its marks or its attribution
    (`_is_attributed`: "“This story was originally published by ProPublica,” the email read.") and
    one a sentence ending with a colon introduces (`_introduced`: "Her email said:")."""
    if not isinstance(quotation.tag, str) or quotation.tag.lower() != "blockquote" or _PULL_QUOTE_CLASS.search(quotation.get("class") or ""):
        return False
    inside = _subtrees([quotation])
    quoted = [block for block in doc.blocks if block.element in inside]
    if not quoted or _is_attributed(quotation, quoted) or _introduced(doc, quoted[0].index):
        return False
    if not any(_is_credit_wording(_unquoted(_short_text(block.element))) for block in quoted if block.element is not None):
        return False
    first, last = quoted[0].index, quoted[-1].index
    from compliance.checks.story import is_body_paragraph

    story = [block for block in _credit_blocks(doc) if block.element not in inside]
    if not any(block.index < first and is_body_paragraph(doc, block) for block in story):
        return True
    tail = story_tail(doc)
    return all(block.index in tail for block in story if block.index > last)


def _credit_after_last_picture(doc: Document, blocks: list[Block], kept: list[Block], pattern: Pattern) -> tuple[int, ...]:
    """The indices of the blocks among `blocks` that `not_captions` left out as the line right
    after a picture (`_lines_after_pictures`) and that are rather the story's credit: the line
    closes the story (`_closing_picture_lines`: the story's last picture, then the line among the
    story's paragraphs, and only the story's tail after it) and words the credit as the rule's
    `pattern` does, naming the licensor's outlet ("Courtesy of the Daily Caller News Foundation"
    after a closing photo). A photographer's or an agency's credit there ("Courtesy: Jane Roe",
    "Photo: AP") is no pack's credit wording, and stays the picture's."""
    closing = _closing_picture_lines(doc)
    if not closing:
        return ()
    shown = {block.index for block in kept}
    return tuple(block.index for block in blocks if block.index in closing and block.index not in shown and pattern.search(block.text) is not None)


def _closing_picture_lines(doc: Document) -> frozenset[int]:
    """The blocks of the lines right after a picture (`_lines_after_pictures`, as `not_captions`
    found them) that stand among the story's paragraphs, not in a box that holds the picture
    and its credit (a chart's box: the line's parent holds a paragraph of the story), with only
    the story's tail after them (`story_tail`) and no short sentence of the story among it
    (`is_short_sentence`: "Lawmakers will return in January."). Worked out once per document."""
    cached: frozenset[int] | None = doc._memo.get("closing_picture_lines")
    if cached is not None:
        return cached
    lines: tuple[Any, ...] = doc._memo.get("picture_lines", ())
    found: set[int] = set()
    if lines:
        from compliance.checks.story import is_body_paragraph, is_short_sentence

        story = _credit_blocks(doc)
        tail = story_tail(doc)
        # The story's blocks by element and by their element's parent, once: asked of every line
        # after a picture, a pass over all of them each time grew with the square of a long page.
        by_element: dict[Any, list[int]] = {}
        by_parent: dict[Any, list[Block]] = {}
        for block in story:
            if block.element is not None:
                by_element.setdefault(block.element, []).append(block.index)
                by_parent.setdefault(block.element.getparent(), []).append(block)
        indexes = [block.index for block in story]
        for line in lines:
            own = sorted(index for node in _subtrees([line]) for index in by_element.get(node, ()))
            if not own or not any(is_body_paragraph(doc, block) for block in by_parent.get(line.getparent(), ())):
                continue
            after = story[bisect.bisect_right(indexes, own[-1]) :]
            if all(block.index in tail and not is_short_sentence(doc, block) for block in after):
                found.update(own)
    cached = doc._memo["closing_picture_lines"] = frozenset(found)
    return cached


def _is_credit_wording(line: str | None) -> bool:
    """Whether a line of a credit's length (`_short_text`) words a story's credit: it names the
    story or its publishing (`_NAMES_THE_STORY`) or opens with "Courtesy" ("Courtesy of
    ProPublica.", "Courtesy: The Texas Tribune"), which a box at the story's top or end says of the
    story (right under a picture, of the picture: `_lines_after_pictures`)."""
    return line is not None and (_names_the_story(line) or bool(_COURTESY_OPENING.match(line)))


_COURTESY_OPENING = re.compile(r"\W*courtesy\b", re.IGNORECASE)
# A pull quote's class on the `<blockquote>` itself (`QUOTATIONS`): a line the story repeats.
_PULL_QUOTE_CLASS = re.compile(r"pull[-_]?quote", re.IGNORECASE)


def _is_attributed(quotation: Any, quoted: list[Block]) -> bool:
    """Whether a `<blockquote>` reads as someone's words rather than the story's credit box: a
    line of it is a quotation by its quotation marks (`_in_quotation_marks`: "“This story was
    originally published by ProPublica,” the email read."), a line opens with a dash as an attribution does
    ("— the inspector's email"), or it names its source in a `<cite>` or `<footer>`, or in the
    caption of the `<figure>` it stands in."""
    for element in quotation.iterdescendants():
        tag = str(element.tag).lower()
        if tag == "footer" or (tag == "cite" and _is_own_line(element, quotation)):
            return True
    parent = quotation.getparent()
    if parent is not None and str(parent.tag).lower() == "figure" and any(str(e.tag).lower() == "figcaption" for e in parent):
        return True
    return any(_in_quotation_marks(block.text) or _ATTRIBUTION_DASH.match(block.text) for block in quoted)


# Quotation marks, opening and closing alike ("…", “…”, „…“, «…», »…«, 「…」, 『…』): a credit
# box's own words are set in none, except a title it quotes whole ("This story, “Why welds
# fail,” was originally published by …").
_QUOTATION_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d\u300e\u300f')
_QUOTATION_MARK = re.compile(f"[{''.join(sorted(_QUOTATION_MARKS))}]")
# A line that opens with a quotation mark, single ones too (‘…’, ‚…‘, ‹…›).
_QUOTED_OPENING = re.compile('\\s*["\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300e\u2018\u201a\u2039\u203a]')
# An attribution line: a dash or a tilde before the source's name ("— Jane Roe", "-- the email").
_ATTRIBUTION_DASH = re.compile(r"\s*(?:[\u2012\u2013\u2014\u2015~]|--)")


def _is_own_line(element: Any, quotation: Any) -> bool:
    """Whether an element inside a quotation is a line of its own (its words all of what holds it
    past the inline elements around it), as an attribution's `<cite>` is; one inside the credit's
    line names a title or the outlet ("… appeared in <a><cite>The Texas Tribune</cite></a> …")."""
    holder = element.getparent()
    while holder is not None and holder is not quotation and str(holder.tag).lower() in _INLINE:
        holder = holder.getparent()
    return holder is None or holder is quotation or _words(holder) == _words(element)


_INLINE = frozenset({"a", "span", "em", "strong", "b", "i", "small", "u", "mark", "q", "abbr", "time", "font"})


def _words(element: Any) -> str:
    """An element's text, its blank space folded."""
    return " ".join("".join(element.itertext()).split())


def _in_quotation_marks(line: str) -> bool:
    """Whether a line is a quotation's by its quotation marks: it opens with one, or its marks do
    not pair up (a quotation that goes on from the line before or after, an attribution after
    the closing mark: "This story was originally published by ProPublica,” the email read.")."""
    return _QUOTED_OPENING.match(line) is not None or sum(1 for char in line if char in _QUOTATION_MARKS) % 2 == 1


def _unquoted(line: str | None) -> str | None:
    """A line with what it sets in quotation marks left out: the words that are its own, which
    word a credit box's credit ("This story, “Why welds fail,” was originally published by …"),
    and not a quotation's ("The email read: “This story was originally published by …”")."""
    if line is None or not any(char in _QUOTATION_MARKS for char in line):
        return line
    return " ".join(_QUOTATION_MARK.split(line)[::2])


def _introduced(doc: Document, first: int) -> bool:
    """Whether the item right before a `<blockquote>`'s first block introduces it as a quotation:
    a sentence ending with a colon ("The inspector's email to the company said:", "The outlet asks
    partners to end each story with one line:"). A heading that labels a box ("Editor's note:")
    introduces none."""
    if first == 0:
        return False
    before = doc.items[first - 1]
    return isinstance(before, Block) and not before.heading and before.text.rstrip().endswith((":", "\uff1a"))


def _lines_after_pictures(root: Any) -> list[Any]:
    """The elements that stand right after a picture, a chart's or a video's embed (`_SHOWN_THINGS`,
    not a logo nor a 1px counter) with nothing between them, and that do not name the story or its
    publishing (`_NAMES_THE_STORY`): a picture's credit ("<p><img></p><p>Courtesy: …</p>", a
    chart's `<img>` and its "Source: …" line), as a caption is. The picture stands for the
    element that holds it and nothing else ("<p><img></p>")."""
    found = []
    for picture in root.iter(*_SHOWN_THINGS):
        if _is_logo(picture) or _is_pixel(picture):
            continue
        holder = picture
        # (`any` stops at the first text: a holder's parent is often the whole story.)
        while (parent := holder.getparent()) is not None and not any(text.strip() for text in parent.itertext()):
            holder = parent
        if (holder.tail or "").strip():
            continue
        after = holder.getnext()
        while after is not None and not isinstance(after.tag, str):  # a comment or an instruction
            if (after.tail or "").strip():
                after = None
                break
            after = after.getnext()
        line = _short_text(after) if after is not None else None
        if line is None or _names_the_story(line):
            continue  # none, the rest of the story (no credit's line), or the story's credit
        if any(True for _ in after.iter(*_SHOWN_THINGS)):
            continue  # another picture, not a line of text
        found.append(after)
    return found


# The most characters of a picture's credit line: what follows a picture at more length is the
# story going on, whose credit (if any) is read as the story's.
_CREDIT_LINE_CHARS = 400


def _short_text(element: Any) -> str | None:
    """The element's text when it is no longer than a credit line (`_CREDIT_LINE_CHARS`), read
    only as far as that; else None."""
    parts: list[str] = []
    size = 0
    for text in element.itertext():
        size += len(text)
        if size > _CREDIT_LINE_CHARS:
            return None
        parts.append(text)
    return "".join(parts)


def _is_pixel(picture: Any) -> bool:
    """Whether a picture is a counter's or a tracker's pixel (a width or height of 0 to 2)."""
    return any((picture.get(side) or "").strip() in ("0", "1", "2", "0px", "1px", "2px") for side in ("width", "height"))


def _items_among_others(root: Any) -> list[Any]:
    """The items of lists of two items or more that do not name the story or its publishing
    (`_NAMES_THE_STORY`): "Courtesy: …" or "Source: …" among other items is one of a list's
    sources, not the story's credit; "This story was originally published by …" among a story's
    notes is its credit, and a list of one item (a credit a theme sets as a list at the story's
    end) keeps it."""
    by_list: dict[Any, list[Any]] = {}
    for item in root.iter("li"):
        by_list.setdefault(item.getparent(), []).append(item)
    # (Counted once per list: a site's menus hold hundreds of items.)
    return [item for items in by_list.values() if len(items) > 1 for item in items if not _names_the_story("".join(item.itertext()))]


def _is_logo(picture: Any) -> bool:
    """Whether a picture of a figure is a logo: one of its attributes (its `alt`, `src`, `class`,
    `id`, `aria-label`) names one ("The Conversation logo", `/logos/web.svg`, `class="logo"`)."""
    return any("logo" in (picture.get(name) or "").lower() for name in ("alt", "src", "class", "id", "aria-label"))


def _none(what: str) -> str:
    """ "no" before a label, its article left out ("a credit line naming …" → "no credit line naming …")."""
    article = next((a for a in ("a ", "an ") if what[: len(a)].lower() == a), "")
    return "no " + what[len(article) :]


def _subtrees(elements: Iterable[Any]) -> set[Any]:
    """The elements and everything inside them: a block is inside one of them when its element is
    among these. Read from those elements down (a few captions or figures) rather than from every
    block of the page up through its ancestors."""
    return {node for element in elements for node in element.iter()}


def hidden_line(doc: Document, params: TextParams, ctx: Context, placed: Callable[[int], bool] | None = None) -> int | None:
    """The line of a block of text that the page holds and no reader sees (hidden by markup or its
    CSS, see `Document.unseen_text`) in which the check's pattern is found, or None.

    Detection asks it of a marker that found nothing visible: a publisher's credit line hidden on
    the page is still the publisher's signature (and hiding it is what the rules then report).
    Only a search of the whole page or article has an answer: which blocks `first`, `last` or
    `outside` would take in is a matter of what is shown, so those checks get None; `placed`,
    when given, says whether a hidden block at a line is where a `position` check around this
    one wants it (`position.hidden_in_place`). Only the story's own hidden text counts, whatever
    the scope (`Document.in_story`): a hidden menu item, cookie banner, "More stories" teaser or
    republish box is page furniture, and its words say nothing of whose story the page tells.
    Raises what the pattern raises (`MissingMeta` for a `{{meta.KEY}}` not given, `PatternTimeout`).
    """
    if params.scope not in ("page", "article") or params.first or params.last or params.outside is not None:
        return None
    pattern = ctx.bind(params.pattern)
    for line, text, in_story in doc.unseen_text():
        if in_story and pattern.search(text) and (placed is None or placed(line)):
            return line
    return None


def _scope_label(params: TextParams) -> str:
    label = {"article": "the article", "page": "the page", "headline": "the headline", "byline": "the byline"}[params.scope]
    if params.first:
        label = f"the first {params.first} blocks of {label}"
    if params.last:
        label = f"the last {params.last} blocks of {label}"
    if params.outside is not None:
        label = f"{label}, outside {shorten(params.outside.css, 40)}"
    if params.credit:
        label = f"{label}, outside photo captions"
    return label


def _all_left_out(params: TextParams, count: int) -> str:
    """Why a check whose `outside` selector leaves out every block of its scope decides nothing."""
    css = shorten(params.outside.css, 40) if params.outside is not None else ""
    limit = params.first or params.last
    if limit == count:
        left_out = _scope_label(params._replace(outside=None))
    else:
        # A scope shorter than `first`/`last`: all of it was left out.
        whole = _scope_label(params._replace(outside=None, first=None, last=None))
        left_out = "the 1 block of " + whole if count == 1 else f"all {count} blocks of {whole}"
    return f"outside '{css}' leaves out {left_out}, so nothing was searched"


def _matches(pattern: Any, text: str, blocks: list[Block]) -> list[Any]:
    """The pattern's matches in the scope's joined text (none in an empty scope: it has no block
    to place a match in, not even an empty one, and '^' matches "")."""
    return list(pattern.finditer(text)) if blocks else []


def _apart(others: list[Any], spans: list[Any]) -> list[Any]:
    """The matches of `others` that share no character with any of `spans` (the pattern's own
    matches, from one `finditer`: in order and apart, so their ends are in order too) and start
    at none of their starts. Each looks up only the one of `spans` it could share with (the first
    that ends after it starts): trying every pair cost the square of the count on a page that
    prints a credit line thousands of times."""
    starts = [span.start() for span in spans]
    ends = [span.end() for span in spans]
    kept = []
    for match in others:
        after = bisect.bisect_right(ends, match.start())
        shares = after < len(spans) and starts[after] < match.end()
        at = bisect.bisect_left(starts, match.start())
        if not shares and not (at < len(starts) and starts[at] == match.start()):
            kept.append(match)
    return kept


# How far past a hit's quoted context a block may run and still be quoted whole, not cut.
_TAIL_SLACK = 20


def _word_start(text: str, at: int, limit: int) -> int:
    """`at`, or when it falls inside a word, the start of the next word (never past `limit`, the
    match's own start): a quote's context starts at a word."""
    if at == 0 or text[at - 1].isspace() or text[at].isspace():
        return at
    space = text.find(" ", at, limit)
    return space + 1 if space != -1 else at


def _hit(doc: Document, blocks: list[Block], starts: list[int], match: Any) -> Hit:
    """A match as a hit: its block, its words with some context, its named groups."""
    index = bisect.bisect_right(starts, match.start()) - 1
    block = blocks[index]
    start_in_block = match.start() - starts[index]
    captures = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
    context_start = _word_start(block.text, max(0, start_in_block - 30), start_in_block)
    left = len(block.text) - context_start
    # The match with about 30 characters after it, cut at a word and ended with "…"
    # (`shorten`); a block that ends a few words later is quoted to its end. Read from the
    # block's text in place (`excerpt`): a copy of the rest of the block for each match made a
    # paragraph of thousands of copies cost the square of its length.
    wanted = start_in_block - context_start + len(match.group(0)) + 30
    quote = excerpt(block.text, context_start, min(140, left if left <= wanted + _TAIL_SLACK else wanted))
    evidence = ("…" if context_start else "") + quote
    return Hit(block.index, functools.partial(doc.locate, block), evidence, captures, doc.item_offsets[max(block.index, 0)] + start_in_block, block.element)


def _most_shown_together(doc: Document, hits: list[Hit]) -> int:
    """The most of the blocks `hits` were found in that one reader's screen shows together
    (`screen_hiding.most_shown_together`); all of them on a page that is not HTML or names no
    media condition."""
    from compliance.document.screen_hiding import may_hide_on_some_screens, most_shown_together, screens_shown

    elements = [hit.element for hit in hits]
    if doc.kind != "html" or not may_hide_on_some_screens(doc.source_utf8) or any(element is None for element in elements):
        return len(hits)
    return most_shown_together(screens_shown(elements[0].getroottree().getroot(), elements))


# What a failing credit check says of the credit found only in a photo's caption.
IN_A_CAPTION = (
    "is a photo's caption, where a credit reads as the photo's, not the story's: take the credit out of the caption and give it a paragraph of its own"
)


def caption_credit(doc: Document, pattern: Any, scoped: Iterable[Block], searched: Iterable[Block]) -> tuple[Block, tuple[int, int]] | None:
    """The first block of `scoped` that a credit check left out as a photo's caption (not among
    `searched`, and a caption by `story.is_caption`: a quotation the check leaves out too, "Her
    email said: <blockquote>This story was originally published by …</blockquote>", is the
    story's text, never a caption to take a credit out of) where the bound `pattern` finds the
    story's credit, with where (start, end in its text) the credit's sentence stands
    ("Republished from The Conversation under a … license.", which the match may start or end
    inside); None when there is none. A sentence that names a picture ("Photo republished from
    …") credits the picture: the caption's own, passed over. The story's credit written there is
    what `credit: true` does not count (a reader takes a caption's credit for the photo's)."""
    kept = {block.index for block in searched}
    for block in scoped:
        if block.index in kept or not is_caption(doc, block):
            continue
        for match in pattern.finditer(block.text):
            # (A match may open with the space after the sentence before: "… County. This story …".)
            words = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            first, last = _sentence_start(block.text, words), _sentence_end(block.text, match.end())
            if not _PICTURE_WORDS.search(block.text[first:last]):
                return block, (first, last)
    return None


# What a credit names when it credits a picture, not the story ("Photo republished from …").
_PICTURE_WORDS = re.compile(r"\b(?:photo(?:graph)?|image|picture|illustration|graphic|chart|map|video|file)s?\b", re.IGNORECASE)
# A sentence's end: its full stop, and a closing quotation mark or bracket, before a space or the end.
_SENTENCE_END = re.compile(r"[.!?][\"')\]»]?(?=\s|$)")


def _caption_note(doc: Document, pattern: Any, scoped: Iterable[Block], searched: Iterable[Block]) -> str:
    """What a failing credit check's detail ends with when the credit is only in a photo's
    caption (`caption_credit`): '; "…" (line 12) is a photo's caption, …'; "" when it is not."""
    caption = caption_credit(doc, pattern, scoped, searched)
    return "" if caption is None else f"; {quoted(caption[0].text, 140)} (line {doc.locate(caption[0]).line}) {IN_A_CAPTION}"


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds `text[at]` starts: after the last sentence's end before it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] + len(text[ends[-1] : at]) - len(text[ends[-1] : at].lstrip()) if ends else 0


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence that holds `text[at - 1]` ends: after its full stop (and a closing
    quotation mark), else at the end of `text`."""
    end = _SENTENCE_END.search(text, max(at - 1, 0))
    return end.end() if end is not None else len(text)


# The capture a failure without hits gives its finding's `found:` (a near miss: the `instead`
# wording the page has). No pattern's named group can have this name (a group's is a word).
NEAR_MISS = "near-miss"


def _stand_in(doc: Document, params: TextParams, ctx: Context, text: str, starts: list[int], blocks: list[Block]) -> tuple[str, Block | None]:
    """The note a failure ends with when the scope holds the `instead` wording: the first one
    quoted, where it is and what it is ('; "Esta historia fue publicada originalmente por
    CalMatters." (line 5) is a credit line in Spanish, which does not replace it'), and its block;
    ("", None) when there is none."""
    if params.instead is None or not blocks:
        return "", None
    match = ctx.bind(params.instead).search(text)
    if match is None:
        return "", None
    block = blocks[bisect.bisect_right(starts, match.start()) - 1]
    what = params.instead_label or f"not {params.label or params.pattern.shown}"
    return f"; {quoted(block.text, 140)} (line {doc.locate(block).line}) is {what}", block


def _searched_blocks(doc: Document, params: TextParams, pattern: Any) -> tuple[list[Block], list[Block], tuple[int, ...]]:
    """The blocks of the check's scope (`outside` left out), those it searches (with `credit`,
    without the photos' captions, but for a credit line right after the last picture) and the
    indices of those after a picture that it kept. Raises `Undecided` when `outside` leaves out
    the whole scope."""
    blocks = scope_blocks(doc, params.scope, params.first, params.last)
    if params.outside is not None:
        searched = outside_of(doc, blocks, params.outside)
        if blocks and not searched:
            # Nothing was searched: a pass would be vacuous and a failure would blame the page
            # for a selector that takes in its whole scope (`*`, `html`, a typo), so neither is said.
            raise Undecided(_all_left_out(params, len(blocks)))
        blocks = searched
    if not params.credit or not _may_be_found(doc, params, pattern, blocks):
        return blocks, blocks, ()
    kept = not_captions(doc, blocks)
    closing = _credit_after_last_picture(doc, blocks, kept, pattern)
    return blocks, sorted([*kept, *(block for block in blocks if block.index in closing)], key=lambda block: block.index) if closing else kept, closing


def _may_be_found(doc: Document, params: TextParams, pattern: Pattern, blocks: list[Block]) -> bool:
    """Whether the check may find anything in its scope's `blocks`: False when it looks for no
    other wording (`instead`, `also-count`) and its pattern's words are not in their text
    (`Pattern.may_be_within`), so that no part of the scope, the photos' captions left out or
    not, holds a match. A credit check is then spared working out the page's captions: most
    pages a credit marker is evaluated on (its publisher's name is in the page's markup, which the
    prefilter reads) do not print its credit line."""
    if params.instead is not None or params.also_count is not None:
        return True
    text, _ = doc.joined_text(_text_key(params, left_out=False, closing=()), blocks)
    return pattern.may_be_within(text)


def _text_key(params: TextParams, *, left_out: bool, closing: tuple[int, ...]) -> tuple[Any, ...]:
    """What names a check's searched text among the document's joined texts
    (`Document.joined_text`): its scope, and whether blocks of it were left out as captions with
    those kept after the last picture (`_searched_blocks`), which every credit check leaves out alike."""
    return (params.scope, params.first, params.last, params.outside, left_out, closing)


def caption_credit_of(doc: Document, params: TextParams, ctx: Context) -> tuple[Block, Any] | None:
    """For a `credit: true` check, the first photo caption of its scope that holds its text (the
    story's credit where a reader takes it for the photo's), with the pattern's match in the
    caption's text; None for another check or when no caption does. Raises what the check raises."""
    if not params.credit:
        return None
    pattern = ctx.bind(params.pattern)
    scoped, searched, _ = _searched_blocks(doc, params, pattern)
    return caption_credit(doc, pattern, scoped, searched)


def evaluate(doc: Document, params: TextParams, ctx: Context) -> Outcome:
    """Find the pattern in the scope's text (searched once, blocks joined by newlines) and compare
    the count with min/max."""
    pattern = ctx.bind(params.pattern)
    scoped, blocks, closing = _searched_blocks(doc, params, pattern)
    text, starts = doc.joined_text(_text_key(params, left_out=blocks is not scoped, closing=closing), blocks)
    spans = _matches(pattern, text, blocks)
    hits = [_hit(doc, blocks, starts, match) for match in spans]
    what = params.label or pattern.shown
    if params.also_count is not None and params.max is not None:
        others = _apart(_matches(ctx.bind(params.also_count), text, blocks), spans)
        if others and len(hits) + len(others) > params.max:
            # Too many, counting the other wordings: the extra ones in page order are the violations.
            in_all = sorted([*hits, *(_hit(doc, blocks, starts, match) for match in others)], key=lambda hit: hit.offset)
            detail = f"{what} appears {counted(len(hits), 'time')}, and in other words {counted(len(others), 'time')}; at most {params.max} allowed in all"
            return too_many(in_all, params.max, detail) if params.max else Outcome(False, tuple(in_all), detail)
    where = _scope_label(params)
    absent: str | Callable[[], str] = f"{_none(what)} in {where}"
    if params.scope in ("article", "page") and not hits:
        # A prohibition or a `max` that holds with nothing seen: a copy hidden from readers is
        # still there, and the pass says so in the failures' words (looked for only when read).
        article_only = params.scope == "article"
        absent = explained_later(lambda: f"{_none(what)} in {where}" + hidden_copy(doc, pattern, article_only=article_only))
    if params.max is not None and len(hits) > params.max and _most_shown_together(doc, hits) <= params.max:
        # Copies that no one screen shows together (a responsive pair) are printed once on each.
        return Outcome(True, tuple(hits), "")
    decided = judge_count(hits, params.min, params.max, what=what, absent=absent)
    if decided is not None:
        return decided
    count = len(hits)
    detail = f"{_none(what)} in {where}"
    if count:
        detail = f"{what} appears {counted(count, 'time')} in {where}; at least {params.min} needed"
    why: str | Callable[[], str] = detail
    near: Block | None = None
    if params.instead is not None:
        # Searched only when the check fails, in the text already joined: a page that has the
        # text pays nothing for it.
        note, near = _stand_in(doc, params, ctx, text, starts, blocks)
        detail += note
        why = detail
    # The credit written only in a photo's caption is said where it is and what to do, as
    # `syndcheck fix` does it (`fixes.caption_credit`), rather than "none" alone: looked for when
    # the detail is read, as the hidden copy is (a detection marker's never is, and asking each
    # block the scope left out whether it is a caption costs more than the search).
    in_a_caption = params.credit and not count and not near
    if params.scope in ("article", "page"):
        article_only = params.scope == "article"
        why = explained_later(
            lambda: detail + (_caption_note(doc, pattern, scoped, blocks) if in_a_caption else "") + hidden_copy(doc, pattern, article_only=article_only)
        )
    elif in_a_caption:
        detail += _caption_note(doc, pattern, scoped, blocks)
        why = detail
    if params.scope == "byline" and doc.bylines:
        return Outcome(False, (), why, functools.partial(doc.locate, doc.bylines[0]))
    if params.scope == "headline" and doc.headline is not None:
        # The editor is shown the headline the page has, where it is, to compare with the one wanted.
        headline = doc.headline
        return Outcome(False, (), f"{detail}, which reads {quoted(headline.text, 140)}", functools.partial(doc.locate, headline))
    if params.last is not None and params.scope == "article":
        # What must be in the last N blocks belongs at the end of the story: the finding points
        # where `syndcheck fix` puts a `where: end` block.
        return Outcome(False, (), why, lambda: end_location(doc))
    if near is not None:
        # The wording the page has instead is what an editor replaces: the finding quotes it
        # (`found:`) and points at it.
        return Outcome(False, (), why, functools.partial(doc.locate, near), captures=((NEAR_MISS, shorten(near.text, 200)),))
    # No place of its own: the rule's (`engine.missing_location`).
    return Outcome(False, (), why)
