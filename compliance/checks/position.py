"""`position` — a check's match must sit at the top of the story (before its body text), or
within the first or last N blocks of the article: a credit line at the top, a tagline at the end,
a logo above the story.

`at: top` is what publishers' terms mean by "at the top", "at the beginning" or "before the
body": the match comes before the story's first body paragraph, however long or short the story.
Only the story's head may precede it: the headline and other headings, bylines, images, what sits
in the article's `<header>`, `<figure>` (a caption) or `<aside>`, the story's head that a theme
puts above the article's element (the headline and what follows it up to the body, in a
`<header>` or hero outside `<article>` or `.entry-content`: see the README's article region), a deck (a block whose class
names one: `dek`, `deck`, `standfirst`, `subtitle`, `subhead`, `summary`, `excerpt`, `teaser`,
`strapline`, `kicker`, alone or as a part such as `field--name-field-dek`), short lines (fewer than 6 words, or
not ending as a sentence ends: a dateline, "Updated May 3"), notes on the story, as the fidelity
comparison reads them (a note labelled as the newsroom's, "Editor's note:", "Correction:",
"Update, Dec. 2, 2026:", "Clarification:", whatever it says; a paragraph in a box the page names a
correction or an editor's note, `<div class="correction">`; a contributor line, "Additional
reporting by Tom Becker."), other matches of the check itself and
what `allow-before` matches (a publisher's own preamble, such as ProPublica's newsletter promo).
The body begins at the first other paragraph of the article: a visible block in the article region
of 6 words or more that ends with `.`, `!`, `?`, `…` or a closing quote or bracket after one, and
is not all in links (an item of a list of related links) nor in a widget beside the story. A
widget is an element of the region beside the one that holds most of the story's running text, in
which fewer than half the blocks are such paragraphs: a "Tools & Resources" box of links before
the story, a column of app or newsletter panes ("Thanks! Now check your email…") after it, as
templates without a body class put them beside the story's own container.

`first`/`last` count blocks: paragraphs, headings, list items, images and (in text articles)
lines, inside the article region. `last` counts from the story's last body paragraph: what a
template prints after it inside the article is not counted, and is within the end — short lines,
link lists, headings, images, widgets beside the story, copyright lines ("© 2024 Outlet. All
rights reserved.", "Copyright (c) 2024 …", in at most 16 words), a paywall's or meter's notice ("You
have read 3 of 5 free articles this month. Subscribe for unlimited access.", "Already a subscriber?
Log in", in at most 40 words), the site's own call to action ("Sign up for the Courier's morning
newsletter.", "Support local journalism — donate today.", "Follow us on Facebook.": a paragraph
of at most 25 words each of whose clauses is a call; "Sign up for updates: the clinic will close."
goes on with the story), and paragraphs in the article's
`<footer>`, in a box of the article (an `<aside>`: see rule-packs.md) or in an element whose class names
tags, topics, sharing, social links, the author or a bio, comments, related stories or the
previous and next ones (`submeta`, `share-links`, `author-bio`, `comments-area`,
`prev-next-links`), and, after what the check found, the notes a republisher adds on the story
and its furniture: a contributor line ("Additional reporting by Tom Becker of the Valley Times.",
"Ana Ruiz contributed to this report."; "Reporting by state auditors found …" is the story's), a
note labelled as the newsroom's ("Correction:", "Editor's note:", "Update, May 3:", whatever it
says: the comparison with the original judges its claim), an ad, a promo of another story, a
rights notice (a credit line is not: which may follow is `allow-after`'s to say). A
tagline followed by the page's topic links and share buttons, or by a correction box (labelled in
its words, or by its class or id: `<div class="story-correction">`, `editors-note`), is at the
end; one followed by another paragraph of the story is not. `allow-after` names what else a pack knows
is no part of the story when it follows the last paragraph (a credit line linking the original,
which a publisher's terms ask for beside a tagline that ends the story): the blocks it matches
there are within the end too.

A failure points at what was found in the wrong place; with nothing found, `last` points at the
story's end (its last block before what the theme prints after the story, such as a "Posted in"
footer; the last item of a list the story closes with, however short its items; in Markdown and
plain text the body's last line: where `syndcheck fix` puts a `where: end` block), `first` and
`at: top` at the article's start.

Example (ProPublica's credit line at the top of the story)::

    position:
      check: {text: {phrase: This story was originally published by ProPublica}}
      at: top

Passes::

    <article><h1>Title</h1><p>By Ana Ruiz</p><p>This story was originally published by ProPublica.</p><p>She found a summons last week.</p></article>

Fails::

    <article><h1>Title</h1><p>She found a summons last week.</p><p>This story was originally published by ProPublica.</p><p>End.</p></article>
"""

from __future__ import annotations

import bisect
import functools
from typing import Any, NamedTuple

from compliance.checks.base import Check, Context, Outcome, describe_check, explained_later
from compliance.checks.link import home_page_clause, home_page_link
from compliance.checks.story import end_location, is_body_paragraph, is_furniture, last_items, story_tail
from compliance.checks.story_notes import in_note_box, is_note_on_story
from compliance.document import Block, Document
from compliance.options import Option
from compliance.text import quoted

OPTIONS = (
    Option("check", "check", "What must be in position (any check)."),
    Option("at", "enum", "`top`: before the story's first body paragraph, whatever its length.", default=None, choices=("top",)),
    Option("first", "integer", "Within the first N blocks of the article.", default=None, minimum=1),
    Option("last", "integer", "Within the last N blocks of the article.", default=None, minimum=1),
    Option("allow-before", "check", "With `at: top`: blocks this check matches do not begin the body (a publisher's preamble).", default=None),
    Option(
        "allow-after",
        "check",
        "With `last`: blocks this check matches after the story's last paragraph are not the story (a credit line linking the original).",
        default=None,
    ),
)


class PositionParams(NamedTuple):
    """Validated parameters of a `position` check."""

    check: Check
    first: int | None
    last: int | None
    at: str | None = None
    allow_before: Check | None = None
    allow_after: Check | None = None


def build(values: dict[str, Any]) -> PositionParams:
    """Parameters from validated option values (exactly one of at/first/last, checked by packs)."""
    return PositionParams(values["check"], values["first"], values["last"], values["at"], values["allow_before"], values["allow_after"])


def describe(params: PositionParams) -> str:
    """The inner thing and where it must be."""
    if params.at == "top":
        return f"{describe_check(params.check)} at the top of the story"
    where = _blocks("first", params.first) if params.first is not None else _blocks("last", params.last or 1)
    return f"{describe_check(params.check)} within {where} of the article"


def _blocks(end: str, count: int) -> str:
    """ "the last block", "the first 3 blocks": the blocks a `first` or `last` of `count` names."""
    return f"the {end} block" if count == 1 else f"the {end} {count} blocks"


def _body_start(doc: Document, skipped: set[int]) -> Block | None:
    """The story's first body paragraph (see the module docstring); None when it has none."""
    bylines = {b.index for b in doc.bylines if b.in_body}  # not a block of the body
    headline = doc.headline.index if doc.headline is not None else -1
    story_start = _story_head(doc, bylines, headline)
    for block in doc.article_blocks:
        if block.index < story_start or block.index == headline or block.index in bylines or block.index in skipped:
            continue
        if is_body_paragraph(doc, block) and not _note_on_story(doc, block):
            return block
    return None


def _note_on_story(doc: Document, block: Block) -> bool:
    """Whether a paragraph is a note on the story, not its text: a note labelled as the newsroom's
    ("Editor's note:", "Correction:", "Update, Dec. 2, 2026:", "Clarification:"), a contributor
    line (`story_notes.is_note_on_story`), or a paragraph in a box the page names a correction or
    an editor's note (`story_notes.in_note_box`). The fidelity comparison reads the same blocks as
    notes; above a credit line they do not begin the story's body, whatever they claim (whether a
    claim is an edit is the comparison's to judge)."""
    return is_note_on_story(block.text) or in_note_box(doc, block)


def _story_head(doc: Document, bylines: set[int], headline: int) -> int:
    """The index of the story's first block: what comes before it is a wrapper's (a newsletter's
    masthead and its "In this issue" teaser, a site's notice), whose paragraphs are not the
    story's body. The story starts at its headline, and at the title right above its first
    byline (a line that is no body paragraph: in text the headline is read as the first line,
    which may be the wrapper's), when story paragraphs follow them; else at the article's start."""
    blocks = doc.article_blocks
    start = -1
    if headline >= 0 and any(b.index > headline and is_body_paragraph(doc, b) for b in blocks):
        start = headline
    first_byline = min(bylines, default=-1)
    above = [b for b in blocks if b.index < first_byline]
    if above and not is_body_paragraph(doc, above[-1]) and any(b.index > first_byline and is_body_paragraph(doc, b) for b in blocks):
        # A byline under a paragraph is a sign-off, or the story ran before it: no title.
        start = max(start, above[-1].index)
    return start


def _evaluate_top(doc: Document, params: PositionParams, ctx: Context, inner: Outcome) -> Outcome:
    """`at: top`: keep the inner check's hits that come before the story's body text."""
    skipped = {hit.index for hit in inner.hits}
    if params.allow_before is not None:
        skipped |= {hit.index for hit in ctx.run(params.allow_before).hits}
    start = _body_start(doc, skipped)
    placed = tuple(hit for hit in inner.hits if start is None or hit.index < start.index)
    if inner.passed and placed:
        return Outcome(True, placed, caveat=inner.caveat)
    if inner.hits and start is not None:
        first, body = inner.hits[0], start
        # A link at the top that goes to the publisher's home page is the one to re-point: the one
        # found lower down may be a link to another story, cited in the body.
        home = home_page_link(doc, params.check.params, ctx, before=body.index) if params.check.kind == "link" else None
        # Lines cost a search of the source each: worked out when a report asks (see `Outcome`).
        detail = explained_later(
            lambda: (
                (f"{home_page_clause(home)}; " if home is not None else "")
                + f"{describe_check(params.check)} is at line {first.location.line}, after the story's body begins"
                f" (line {doc.locate(body).line}, {quoted(body.text, 50)})"
                + ("" if home is not None else ": it must come before the first paragraph of the story")
            )
        )
        return Outcome(False, (), detail, functools.partial(doc.locate, home) if home is not None else first.where)
    return _nowhere(doc, params, inner)


def evaluate(doc: Document, params: PositionParams, ctx: Context) -> Outcome:
    """Keep only the inner check's hits that sit in the wanted part of the article."""
    inner = ctx.run(params.check)
    if not inner.passed and not inner.hits:
        return _nowhere(doc, params, inner)
    if params.at == "top":
        return _evaluate_top(doc, params, ctx, inner)
    article = _credit_item_indexes(doc)
    tail: frozenset[int] = frozenset()
    if params.first is not None:
        allowed = set(article[: params.first])
        where = _blocks("first", params.first)
        wanted = "at the top"
    else:
        tail = _tail(doc, params, ctx, frozenset(hit.index for hit in inner.hits))
        allowed = set(last_items(article, params.last or 1, tail))
        where = _blocks("last", params.last or 1)
        wanted = "at the end"
    placed = tuple(hit for hit in inner.hits if hit.index in allowed)
    if inner.passed and placed:
        return Outcome(True, placed, caveat=inner.caveat)
    if inner.hits:
        first = inner.hits[0]
        what = describe_check(params.check)
        place = _place(doc, article, first.index, tail)
        detail = explained_later(lambda: f"{what} is at line {first.location.line} ({place}), not {wanted}: it must be within {where} of the article")
        return Outcome(False, (), detail, first.where)
    return _nowhere(doc, params, inner)


def _place(doc: Document, article: list[int], index: int, tail: frozenset[int]) -> str:
    """Where item `index` sits, as a reader counts: "paragraph 4 of 5 of the story" (the
    article's paragraphs, not its headline, headings, bylines, images nor what `tail` holds,
    the page's furniture after the story), else "block 6 of 9 in the article" (its headings,
    bylines and images counted too), or "outside the article"."""
    if index not in article:
        return "outside the article"
    paragraphs = _story_paragraphs(doc, article, tail)
    if index in paragraphs:
        return f"paragraph {paragraphs.index(index) + 1} of {len(paragraphs)} of the story"
    return f"block {article.index(index) + 1} of {len(article)} in the article, counting its headings, bylines and images"


def _story_paragraphs(doc: Document, article: list[int], tail: frozenset[int]) -> list[int]:
    """The indexes of the story's paragraphs among the article's items: its text blocks that are
    no heading, byline or headline, nor in `tail`."""
    bylines = {b.index for b in doc.bylines if b.in_body}
    headline = doc.headline.index if doc.headline is not None else -1
    blocks = {b.index for b in doc.article_blocks if not b.heading}
    return [i for i in article if i in blocks and i not in bylines and i != headline and i not in tail]


def _tail(doc: Document, params: PositionParams, ctx: Context, found: frozenset[int]) -> frozenset[int]:
    """The story's tail (`story_tail`), with the blocks `allow-after` matches after the story and
    the notes on it and furniture there (`_notes_after_story`); `found`: the items the inner check
    found, which are never the tail."""
    allowed = frozenset(hit.index for hit in ctx.run(params.allow_after).hits) if params.allow_after is not None else frozenset()
    also = allowed | _notes_after_story(doc, allowed, found)
    return story_tail(doc, also) if also else story_tail(doc)


def _notes_after_story(doc: Document, allowed: frozenset[int], found: frozenset[int]) -> frozenset[int]:
    """The paragraphs at the article's end, after what the check found (`found`) and up to the
    story's tail, that are notes on the story (`story_notes.is_note_on_story`: a contributor line,
    a correction, an editor's note; or a paragraph in a box the page names a correction, a
    clarification or an editor's note, `story_notes.in_note_box`) or the page's furniture (`story.is_furniture`: an ad, a promo
    link, a rights notice), read back from the end past the tail and `allowed` (what `allow-after`
    matches), up to the first other paragraph: a republisher adds them after a tagline that ends
    the story, and they are no paragraph of the story after it."""
    tail = story_tail(doc)
    notes: list[int] = []
    for index in reversed(_credit_item_indexes(doc)):
        if index in found:
            break
        if index in tail or index in allowed:
            continue
        item = doc.items[index]
        if not isinstance(item, Block) or not (is_note_on_story(item.text) or in_note_box(doc, item) or is_furniture(doc, item)):
            break
        notes.append(index)
    return frozenset(notes)


def hidden_in_place(doc: Document, params: PositionParams, index: int) -> bool:
    """Whether something no reader sees, at item `index` (it sits before the item of that index,
    after all of them when `index` is their count, as a hidden `Link` is indexed), is where the
    check wants it: before the story's first body paragraph (`at: top`), before the end of the
    first N blocks or after the start of the last N blocks of the article."""
    if params.at == "top":
        start = _body_start(doc, set())
        return start is None or index <= start.index
    article = _credit_item_indexes(doc)
    if not article:
        return True
    if params.first is not None:
        return index <= article[: params.first][-1]
    allowed = last_items(article, params.last or 1, story_tail(doc))
    return not allowed or index > min(allowed)


def item_index_after_line(doc: Document, line: int) -> int:
    """Where something hidden at source `line` sits among the items, as `hidden_in_place` takes
    it: the index of the first item after that line (the items' count when none is)."""
    lines: tuple[int, ...] | None = doc._memo.get("item_lines")
    if lines is None:
        lines = doc._memo["item_lines"] = tuple(item.line for item in doc.items)
    return bisect.bisect_right(lines, line)


def _credit_item_indexes(doc: Document) -> list[int]:
    """The indexes of the article's items where a credit counts (`item_credit_in_article`), in
    order, worked out once per document for its `first`/`last` checks."""
    cached: tuple[int, ...] | None = doc._memo.get("credit_item_indexes")
    if cached is None:
        cached = doc._memo["credit_item_indexes"] = tuple(item.index for item in doc.items if doc.item_credit_in_article(item))
    return list(cached)


def _nowhere(doc: Document, params: PositionParams, inner: Outcome) -> Outcome:
    """Nothing found at all: say so plainly, so that a message about "the top" does not suggest
    the thing is somewhere else. What must be within the last N blocks belongs at the end of the
    story, and the finding points there (`end_location`, where `syndcheck fix` puts a `where:
    end` block); anything else where the inner check points, by default the article's start."""
    anchor = (lambda: end_location(doc)) if params.last is not None else inner.anchor
    return Outcome(False, (), explained_later(lambda: _anywhere(inner.detail)), anchor, captures=inner.captures)


def _anywhere(detail: str) -> str:
    return detail.replace(" in the article", " anywhere in the article", 1) if detail.startswith("no ") else detail
