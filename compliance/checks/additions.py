"""What a publisher's terms require a republisher to add to its story: credit lines, taglines,
counters and pixels, the authors' institutions. A copy that adds them is the story as published
plus what the terms ask for, so a comparison with the original (`fidelity`) leaves them out,
whichever pack asks for them and wherever the copy puts them (a credit at the top inside the
story's head, one at the end with the site's furniture after it); where the terms want them is
the rules' own business.

They are read from the packs' rules, not written out per pack: a rule's check finds what it
requires, and what the requirement found is the addition. `not` (a prohibition) and the checks
that compare with the original story, whose hits are the story's own text, find none.

The original story carries some of them too (KFF Health News' tagline ends its own page): what
the same rules find there in words is the publisher's boilerplate, not a paragraph of the story a
copy could cut or move (`required_in_original`)."""

from __future__ import annotations

from collections.abc import Iterable

from compliance.checks.base import Check, Context, Hit, Undecided
from compliance.document import Block, Document
from compliance.firstuse import on_first_use
from compliance.patterns import MissingMeta, PatternTimeout, PatternTooLarge
from compliance.text import has_words

# The kinds whose hits are what a page shows of a requirement: a line of text, an element (a
# counter, a pixel, a logo), a link, a byline or an author's note naming their institution.
_FINDING_KINDS = frozenset(("text", "element", "link", "byline", "original-byline"))
# A link's block is a credit line's only when it is a line: a credit links its source in a
# sentence or two (about 30 words with ProPublica's newsletter line); a paragraph of the story
# that cites the publisher runs longer.
_CREDIT_LINE_WORDS = 40
# The kinds whose hits in the original story are its boilerplate, not its text: a line of text,
# an element's words, a byline or an author's note. Not a link: the original's own paragraphs link
# the publisher's other stories, and one short enough to read as a credit line is still the story's.
_ORIGINAL_KINDS = frozenset(("text", "element", "byline"))


def addition_checks(checks: Iterable[Check]) -> tuple[Check, ...]:
    """The checks (of the packs' rules' `checks`) that find what the terms require: every check of
    a `_FINDING_KINDS` kind in them, through `any`, `all`, `position` (its `allow-before` and
    `allow-after` too: what a pack knows is its own line beside the credit), `near` and
    `same-id`, but not under `not`. Each check once, in order."""
    found: dict[int, Check] = {}

    def walk(check: Check) -> None:
        if check.kind == "not":
            return
        if check.kind in _FINDING_KINDS:
            found.setdefault(id(check), check)
            return
        for child in check.children:
            walk(child)

    for check in checks:
        walk(check)
    return tuple(found.values())


def text_beside_additions(doc: Document, ctx: Context, *, opening_whole: bool = False) -> dict[int, str]:
    """The indexes of the document's items that hold what the terms require (`ctx.additions`:
    the hits of those checks that pass), each with the text the item holds besides it: "" for an
    item that is nothing but required text, else the sentences no requirement touches (an
    editor's note written into the paragraph of a credit line is an edit, the credit is not).

    A requirement's extent is every sentence its match touches (ProPublica's promo runs into
    "Sign up…"; The Conversation's credit ends with a "Read the original article" link); a
    byline or an author's note is its whole item. A link's hit counts only in a block of the page
    of at most `_CREDIT_LINE_WORDS` words that holds it. A check that cannot be decided here (it
    needs a metadata value or the original's address, or its pattern ran out of time) finds
    none. `opening_whole`: a paragraph a text requirement opens is the requirement to its end
    (the publisher's own page: Kaiser Health News' tagline goes on "It is an editorially
    independent program of …", which its pattern does not read)."""
    required: dict[int, list[tuple[int, int]] | None] = {}
    for check in ctx.additions:
        try:
            outcome = ctx.run(check)
            if outcome.passed:
                for hit in outcome.hits:
                    _require(required, doc, ctx, check, hit, opening_whole=opening_whole)
        except (Undecided, MissingMeta, PatternTimeout, PatternTooLarge):
            continue
    rests: dict[int, str] = {}
    for index, spans in required.items():
        item = doc.items[index] if 0 <= index < len(doc.items) else None
        if isinstance(item, Block):
            rest = "" if spans is None else _untouched_sentences(item.text, spans)
            rests[index] = rest if has_words(rest, 1) else ""
    return rests


def required_in_original(original: Document, ctx: Context) -> dict[int, str]:
    """What the terms require that the original story (`original`, given for the copy `ctx.doc`)
    prints itself, as `text_beside_additions` gives it for a copy: the indexes of the original's
    items holding what the checks of `ctx.additions` of a `_ORIGINAL_KINDS` kind find there (KFF
    Health News' tagline, a credit line's words), each with the text it holds besides ("" for an
    item that is nothing but that; a paragraph such a line opens is that line to its end: the
    publisher's page prints its boilerplate whole). The checks read the original as they read a copy, with the
    copy's metadata and day; one that cannot decide there (it needs the original of the original)
    or runs out of time finds none, so its text stays in the comparison."""
    checks = tuple(check for check in ctx.additions if check.kind in _ORIGINAL_KINDS)
    if not checks:
        return {}
    seen = Context(original, ctx.meta, None, additions=checks, today=ctx.today, read_at=ctx.read_at, advice=ctx.advice, copy=ctx.doc)
    return text_beside_additions(original, seen, opening_whole=True)


def timed_out_additions(ctx: Context) -> tuple[str, ...]:
    """The patterns (their sources) of the checks of `ctx.additions` that run out of time on the
    document, in order: what they require may be on the page and was not left out
    of the comparison with the original, so a `fidelity` finding may call it added text. Each is
    run again (a timed-out check is not cached): ask only when a comparison found differences."""
    unknown: list[str] = []
    for check in ctx.additions:
        try:
            ctx.run(check)
        except PatternTimeout as exc:
            unknown.append(exc.source)
        except (Undecided, MissingMeta, PatternTooLarge):
            continue
    return tuple(dict.fromkeys(unknown))


def _require(required: dict[int, list[tuple[int, int]] | None], doc: Document, ctx: Context, check: Check, hit: Hit, *, opening_whole: bool) -> None:
    """Add to `required` the extent of the block's text one passing hit of `check` requires:
    spans of the block's text, or None for the whole block (with `opening_whole`, also for a text
    match that opens the block)."""
    item = doc.items[hit.index] if 0 <= hit.index < len(doc.items) else None
    if not isinstance(item, Block):
        return
    if check.kind == "link":
        # The page's own links only: a canonical or syndication-source address in its head is no block.
        href = dict(hit.captures).get("href")
        link = next((link for link in doc.links if link.index == hit.index and link.href == href), None)
        if link is None or has_words(item.text, _CREDIT_LINE_WORDS + 1):
            return
        spans = _spans_of(item.text, link.text)
    elif check.kind == "text":
        spans = _text_spans(item, ctx, check, opening_whole=opening_whole)
    elif check.kind == "element":
        shown = " ".join("".join(hit.element.itertext()).split()) if hit.element is not None and hasattr(hit.element, "itertext") else ""
        if not shown:
            return  # a pixel, a counter, a logo: no text of the block is required
        spans = _spans_of(item.text, shown)
    else:  # a byline, an author's note: the item is the requirement
        spans = []
    whole = required.get(hit.index, []) is None or not spans
    required[hit.index] = None if whole else [*(required.get(hit.index) or []), *spans]


def _text_spans(item: Block, ctx: Context, check: Check, *, opening_whole: bool) -> list[tuple[int, int]]:
    """Where a text check's pattern matches the block's text; none (the whole block) with
    `opening_whole` when a match opens it."""
    spans = [match.span() for match in ctx.bind(check.params.pattern).finditer(item.text)]
    if opening_whole and any(not item.text[:start].strip(_BEFORE_OPENING) for start, _ in spans):
        return []
    return spans


def boilerplate_sentences(doc: Document, rests: dict[int, str]) -> frozenset[str]:
    """The sentences (`sentences`) of the document's items in `rests` (`text_beside_additions`)
    that are not the text each holds besides: the requirements' own sentences, as written."""
    found: set[str] = set()
    for index, rest in rests.items():
        item = doc.items[index] if 0 <= index < len(doc.items) else None
        if isinstance(item, Block):
            found.update(set(sentences(item.text)) - set(sentences(rest)))
    return frozenset(found)


def sentences(text: str) -> list[str]:
    """`text`'s sentences (parted after a sentence's stop), each with its white space collapsed."""
    parts: list[str] = []
    start = 0
    for end in [match.end() for match in _SENTENCE_END().finditer(text)] + [len(text)]:
        part = " ".join(text[start:end].split())
        if part:
            parts.append(part)
        start = end
    return parts


def _spans_of(text: str, part: str) -> list[tuple[int, int]]:
    """Where `part` is in `text` (each place), as spans; empty when it is not there as written."""
    spans: list[tuple[int, int]] = []
    start = text.find(part) if part else -1
    while start >= 0:
        spans.append((start, start + len(part)))
        start = text.find(part, start + len(part))
    return spans


# What may stand before a line that opens its paragraph: spaces, emphasis, quotes, a dash.
_BEFORE_OPENING = " \t\n*_\"'\u201c\u201d\u2018\u2019\u2014\u2013-"
# Where a sentence ends: its stop (and a closing quote or bracket) before a space or the end.
_SENTENCE_END = on_first_use(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")


def _untouched_sentences(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentences of `text` that none of `spans` touches, joined by a space."""
    kept: list[str] = []
    start = 0
    ends = [match.end() for match in _SENTENCE_END().finditer(text)]
    for end in [*ends, len(text)] if not ends or ends[-1] < len(text) else ends:
        if not any(a < end and start < max(b, a + 1) for a, b in spans) and text[start:end].strip():
            kept.append(text[start:end].strip())
        start = end
    return " ".join(kept)
