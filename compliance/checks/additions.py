"""What a publisher's terms require a republisher to add to its story: credit lines, taglines,
counters and pixels, the authors' institutions. A copy that adds them is the story as published
plus what the terms ask for, so a comparison with the original (`fidelity`) leaves them out,
whichever pack asks for them and wherever the copy puts them (a credit at the top inside the
story's head, one at the end with the site's furniture after it); where the terms want them is
the rules' own business.

They are read from the packs' rules, not written out per pack: a rule's check finds what it
requires, and what the requirement found is the addition. `not` (a prohibition) and the checks
that compare with the original story, whose hits are the story's own text, find none."""

from __future__ import annotations

from collections.abc import Iterable

from compliance.checks.base import Check, Context, Undecided
from compliance.document import Block, Document
from compliance.patterns import MissingMeta, PatternTimeout, PatternTooLarge
from compliance.text import has_words

# The kinds whose hits are what a page shows of a requirement: a line of text, an element (a
# counter, a pixel, a logo), a link, a byline or an author's note naming their institution.
_FINDING_KINDS = frozenset(("text", "element", "link", "byline", "original-byline"))
# A link's block is a credit line's only when it is a line: a credit links its source in a
# sentence or two (about 30 words with ProPublica's newsletter line); a paragraph of the story
# that cites the publisher runs longer.
_CREDIT_LINE_WORDS = 40


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
        params = check.params
        children = [c for c in params if isinstance(c, Check)] if isinstance(params, tuple) else [params] if isinstance(params, Check) else []
        for child in children:
            walk(child)

    for check in checks:
        walk(check)
    return tuple(found.values())


def addition_blocks(doc: Document, ctx: Context) -> frozenset[int]:
    """The indexes of the document's items that hold what the terms require (`ctx.additions`):
    the hits of those checks that pass. A link's hit counts only in a block of the page of at most
    `_CREDIT_LINE_WORDS` words that holds it. A check that cannot be decided here (it needs a
    metadata value or the original's address, or its pattern ran out of time) finds none."""
    indexes: set[int] = set()
    for check in ctx.additions:
        try:
            outcome = ctx.run(check)
        except (Undecided, MissingMeta, PatternTimeout, PatternTooLarge):
            continue
        if not outcome.passed:
            continue
        if check.kind != "link":
            indexes.update(hit.index for hit in outcome.hits)
            continue
        # The page's own links only: a canonical or syndication-source address in its head is no block.
        linked = {(link.index, link.href) for link in doc.links}
        for hit in outcome.hits:
            item = doc.items[hit.index] if 0 <= hit.index < len(doc.items) else None
            if (hit.index, dict(hit.captures).get("href")) in linked and isinstance(item, Block) and not has_words(item.text, _CREDIT_LINE_WORDS + 1):
                indexes.add(hit.index)
    return frozenset(indexes)
