"""`original-headline` — the republication keeps the original story's headline.

Typography never counts as a change (curly or straight quotes, dashes, spaces). With
`changes: style` (the default) capitalization and punctuation may differ too, as house style
does ("Biden Admin Considering…" = "Biden admin considering…"), and what the story's `fidelity`
reads as style (a number spelled out, "40" → "forty"; US spelling; a contraction; an
abbreviation), never the time and place edits it lets a paragraph have; the finding names the
change (`"40" → "50"`). With `changes: none` only typography may differ. Without an original story, or when it has no headline, the rule is reported as
not checked. With `source: metadata` the original's headline is the article's
`original_headline` metadata (a CMS payload's field, `--meta original_headline=…`), compared
the same way; without that value the rule is not checked (a `missing-meta` notice), nor when an
original story with a headline is given (its headline is compared by a `source: original` rule;
an `undecided` notice says so, and when the two headlines differ). Given alone, the original
stands in for the value and this rule says nothing, unless no rule that compares the original is
checked (`--select` naming this rule alone, or a pack with none): an `undecided` notice then
names those rules.
Captures: `headline` (the original's).

Example (the headline may not be rewritten)::

    original-headline: {}

Original::

    <article><h1>Lawmakers Pass “Clean Water” Bill</h1><p>Story.</p></article>

Passes::

    <article><h1>Lawmakers pass "clean water" bill</h1><p>Story.</p></article>

Fails::

    <article><h1>Clean water bill clears the Legislature</h1><p>Story.</p></article>
"""

from __future__ import annotations

from typing import Any, NamedTuple

from compliance.checks.base import Context, Hit, Outcome, Undecided
from compliance.document import Document
from compliance.lookalike import plain_letters
from compliance.options import Option
from compliance.patterns import expand_meta
from compliance.text import normalize_inline, normalize_inline_keeping_controls

# The values each hit captures, for `{placeholders}` in a rule's message: the original's headline.
CAPTURES = frozenset(("headline",))

OPTIONS = (
    Option(
        "changes",
        "enum",
        "What may differ: `none` (typography only: quotes, dashes, spaces) or `style` (also capitalization and punctuation).",
        default="style",
        choices=("none", "style"),
    ),
    Option(
        "source",
        "enum",
        "Where the original's headline comes from: `original` (the original story given) or `metadata` (the `original_headline` value).",
        default="original",
        choices=("original", "metadata"),
    ),
)


class OriginalHeadlineParams(NamedTuple):
    """Validated parameters of an `original-headline` check."""

    changes: str
    source: str = "original"


def build(values: dict[str, Any]) -> OriginalHeadlineParams:
    """Parameters from validated option values."""
    return OriginalHeadlineParams(values["changes"], values["source"])


_FROM_METADATA = "{{meta.original_headline}}"


def _wanted(params: OriginalHeadlineParams, ctx: Context) -> tuple[str, str]:
    """The original's headline, normalised, and as a message shows it: from the
    `original_headline` metadata (raises `MissingMeta` when it is not given; shown with every
    character as given, a control too, for the output sanitiser; raises `Undecided` when an
    original story with a headline is given: that headline is compared, by a rule with `source:
    original`) or the original story (raises `Undecided` without one, or when it has no
    headline)."""
    if params.source == "metadata":
        wanted, shown = ctx.expand(_FROM_METADATA), expand_meta(_FROM_METADATA, ctx.meta, shown=True)
        if ctx.original is not None and ctx.original.headline is not None:
            # The original story's own headline is the one to compare with (`source: original`):
            # a value given besides it that says otherwise is not compared, and the notice says so.
            theirs = normalize_inline(ctx.original.headline.text)
            if _key(theirs, params.changes) != _key(wanted, params.changes):
                raise Undecided(f'the \'original_headline\' given ("{shown}") is not the original story\'s headline ("{theirs}"), which is compared instead')
            raise Undecided("the original story given is compared with instead (its own headline)")
        return wanted, shown
    original = ctx.need_original()
    if original.headline is None:
        raise Undecided("the original story has no headline to compare with")
    wanted = normalize_inline(original.headline.text)
    return wanted, wanted


def _key(headline: str, changes: str) -> str:
    text = normalize_inline(headline)
    if changes == "style":
        text = "".join(c if c.isalnum() else " " for c in plain_letters(text))
    return " ".join(text.split())


def evaluate(doc: Document, params: OriginalHeadlineParams, ctx: Context) -> Outcome:
    """Pass when the headlines are the same up to the allowed changes."""
    wanted, shown = _wanted(params, ctx)
    captures = (("headline", shown),)
    if doc.headline is None:
        return Outcome(False, (), f'no headline found; the original\'s is "{shown}"', doc.article_location)
    # A headline printed from the article's metadata (index -1) stands before every item.
    offset = doc.item_offsets[min(max(doc.headline.index, 0), len(doc.item_offsets) - 1)]
    hit = Hit(doc.headline.index, doc.locate(doc.headline), doc.headline.text, captures, offset)
    if _key(doc.headline.text, params.changes) == _key(wanted, params.changes):
        return Outcome(True, (hit,))
    ours = normalize_inline(doc.headline.text)
    change = ""
    if params.changes == "style":
        # Style as the story's fidelity reads it (a number spelled out, "40" → "forty"; an
        # abbreviation; US spelling), with none of the time and place edits a paragraph may have.
        from compliance.checks.fidelity_compare import style_only

        reason = style_only(wanted, ours)
        if reason is None:
            return Outcome(True, (hit,))
        # The words changed, unless that is the whole headline (a headline rewritten).
        change = f": {reason}" if len(reason) < len(wanted) else ""
    # Each quoted with the controls a headline from metadata gives (`normalize_inline_keeping_controls`).
    copys = normalize_inline_keeping_controls(doc.headline.text)
    return Outcome(False, (), f'headline "{copys}" is not the original\'s "{shown}"{change}', doc.locate(doc.headline))
