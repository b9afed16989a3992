"""What every check kind shares: the compiled check node, its outcome, and the evaluation context."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from compliance.advice import COMMAND_LINE_ADVICE, GIVE_ORIGINAL, Advice
from compliance.document import Document
from compliance.findings import Location
from compliance.firstuse import on_first_use
from compliance.metavalues import given_key, unreadable_reason
from compliance.options import Option
from compliance.patterns import Pattern, expand_meta
from compliance.text import counted, ordinal
from compliance.urls import is_http_url

LABEL_DOC = (
    "What the check looks for, in words an editor reads in findings, without an article"
    ' ("DCNF logo", "link to propublica.org"); without it one is written from the pattern or selector.'
)


@dataclass(frozen=True, slots=True)
class Check:
    """A compiled check from a pack: its kind, validated parameters, and where it was written."""

    kind: str
    params: Any
    origin: str = ""
    line: int = 0

    @property
    def children(self) -> tuple[Check, ...]:
        """The checks written directly in this one, in order: the checks of `all`/`any`, the one
        of `not`, and those in a kind's parameters (`near`'s two, `position`'s one); () for none."""
        params = self.params
        # A kind's parameters are a tuple (`all`/`any`'s checks, or a NamedTuple of fields) or
        # the one check of `not`.
        if isinstance(params, Check):
            return (params,)
        return tuple(value for value in params if isinstance(value, Check)) if isinstance(params, tuple) else ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a check found: where, what it was (evidence), and values it captured.

    `where` is the location, or a function that computes it: a column costs a search of the
    source, and most hits (detection markers, conditions) are never shown, so checks pass
    `lambda: doc.locate(item)` and `location` computes it only when a report asks.
    """

    index: int
    where: Location | Callable[[], Location]
    evidence: str
    captures: tuple[tuple[str, str], ...] = ()
    offset: int = 0
    # The markup element found (an `element` check's match, a `text` match's block), when there is
    # one: detection asks whether it sits in the publisher's own republish box.
    element: Any = field(default=None, compare=False, repr=False)

    @property
    def location(self) -> Location:
        """Line and column of what was found (computed on first use; the document memoises it)."""
        where = self.where
        return where if isinstance(where, Location) else where()


class Outcome(NamedTuple):
    """The result of a check on a document.

    `passed` with `hits`: what satisfied it. Failed with `hits`: the forbidden things found.
    Failed without hits: something is missing; `detail` says what was looked for and `anchor`
    where it should be. Either may be given as a function that computes it (`why` holds the
    detail as given; `detail` and `location` compute it when a report asks): most failures are
    never shown, such as detection markers, those under `not` or an `any` that another branch
    passes, and a location costs a search of the source, a note about a hidden copy a walk of
    the whole page. `caveat`: a pass that some readers do not see (the only match is a
    `<noscript>` image, which readers with JavaScript on never get) says why; the rule then
    reports a warning instead of passing. `captures`: what a failure without hits gives a rule's
    message beside its detail (an `original-byline` failure's `missing` reporters), as (name,
    value) pairs like a hit's. `held_back`: a failure whose thing is on the page but kept from
    loading until the reader consents to cookies says how ("the counter pixel … at line 9 is
    held back by a cookie-consent manager (Cookiebot: data-cookieconsent="statistics") …"); the
    rule's finding then says that, and how to exempt it, instead of its own message.
    `held_until`: what it waits for, "consent" or, for a script a page-speed plugin delays (WP
    Rocket's `type="rocketlazyloadscript"`), "interaction", or "never" when the page lacks the
    script that would run it (WP Rocket's runtime, Cloudflare's Rocket Loader), "loader" when a
    tool not known by name rewrote it so that no browser loads it as written (WP Meteor's
    `type="javascript/blocked"`, an address only in a `data-*` attribute), "comment" when it
    stands inside an HTML comment; "" when not held back. `copies_allowed`: a failure whose
    `hits` are the copies beyond a count of 1 or more that the check allows (a credit line with
    `max: 1` printed 6,000 times: the 5,999 after the first) says how many may stay; the rule
    then reports one finding, at the first extra copy, whose detail gives the count, not one per
    copy. 0 for any other outcome: each forbidden thing (`max: 0`, `not`) is a finding of its own.
    """

    passed: bool
    hits: tuple[Hit, ...] = ()
    why: str | Callable[[], str] = ""
    anchor: Location | Callable[[], Location] | None = None
    caveat: str = ""
    captures: tuple[tuple[str, str], ...] = ()
    held_back: str = ""
    held_until: str = ""
    copies_allowed: int = 0

    @property
    def detail(self) -> str:
        """What was looked for and not found, in words (computed on first use: see `explained_later`)."""
        why = self.why
        return why if isinstance(why, str) else why()

    @property
    def location(self) -> Location | None:
        """Where the missing thing should be (computed on first use; the document memoises it)."""
        anchor = self.anchor
        return anchor() if callable(anchor) else anchor

    def negated(self) -> Outcome:
        """The outcome of `not` this check (a pass with a caveat still found the thing)."""
        return Outcome(not self.passed, self.hits, self.why, self.anchor)


def explained_later(explain: Callable[[], str]) -> Callable[[], str]:
    """A detail written when it is first read, and then kept (an outcome is shared by every
    rule and marker that runs its check). For a detail that costs more than the check that
    failed: a note about a hidden copy, a line number. Whatever `explain` needs from the
    article's metadata must be bound before (a `MissingMeta` is the check's own outcome, not the
    reader's); a pattern that runs out of time while it looks for a hidden copy raises
    `PatternTimeout` where the detail is read."""
    return functools.cache(explain)


class CheckKind(NamedTuple):
    """A check kind in the registry: its options, parameter builder and evaluator."""

    name: str
    summary: str
    options: tuple[Option, ...]
    build: Callable[[dict[str, Any]], Any]
    evaluate: Callable[[Document, Any, Context], Outcome]
    doc: str = ""
    # What the check looks for, in words (its `label`, or one written from its parameters).
    describe: Callable[[Any], str] = lambda params: "what the rule describes"
    # The names of the values its hits capture (`{name}` in a rule's message), from its parameters.
    captures: Callable[[Any], frozenset[str]] = lambda params: frozenset()


class Undecided(Exception):
    """A check cannot decide on this document (for example: it compares with the original story and
    none was given). The rule is reported as not checked, with `reason`, never as a violation;
    for `NO_ORIGINAL` the rules are named in the file's `no-original` note instead."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Why a rule that compares with the original was not checked; the engine gathers every such rule in
# the `no-original` note, which says how to give it in the words of its reader (`Context.advice`).
NO_ORIGINAL = f"it compares with the original story, and none was given ({GIVE_ORIGINAL})"


# The metadata keys that give the original's address, in the order they are read, with how the
# note of a fix that writes it says it was given.
_GIVEN_BY = {
    "original_url": "the 'original_url' metadata",
    "original-url": "the 'original-url' metadata",
    "original": "the original story's address as given (--original or the 'original' metadata)",
}


def _given_by(key: str) -> str:
    """Where an address given under `key` came from, in words, the key named as written."""
    return _GIVEN_BY.get(key) or f"the '{key}' metadata"


@dataclass(slots=True)
class Context:
    """Per-document evaluation state: the document, article metadata, the original story when one
    was given, and memoised outcomes (detection markers and rules often share checks; each runs
    once per document)."""

    doc: Document
    meta: Mapping[str, str] = field(default_factory=dict)
    original: Document | None = None
    # Why an original that was given is not compared with (another publisher's story), if so.
    original_refused: str | None = None
    _cache: dict[int, Outcome] = field(default_factory=dict)
    # The checks that find what the applied packs' terms require a republisher to add (credit
    # lines, counters and pixels, authors' institutions: `additions.addition_checks`), so that a
    # comparison with the original does not count them as edits of the story.
    additions: tuple[Check, ...] = ()
    # The day the run checks on: what a notice that holds until a date (an embargo) is compared
    # with. A run reads the clock once and gives it to every document (`check_document`'s `today`).
    today: datetime.date = field(default_factory=datetime.date.today)
    # The dates the checks compared with `today` (an `until-date` notice's date): the verdicts
    # hold on the days when each is on the same side of the day (`findings.Days.around`).
    compared: set[datetime.date] = field(default_factory=set)
    # That reading of the clock, with the zone it was made in, when `today` comes from the clock;
    # None when the day was given (`--today`).
    read_at: datetime.datetime | None = None
    # How a check says to give what it lacks (`compliance.advice`): the command line's options,
    # or a request's own words on `syndcheck serve`.
    advice: Advice = COMMAND_LINE_ADVICE
    # The original story's addresses learnt from a page given as the original and refused, with
    # where: the publisher's story that a republication given as the original names as its source
    # (its syndication-source), which a link back may go to and a fix writes.
    named_by_refused: tuple[tuple[str, str], ...] = ()
    # The copy, when this context reads the original story for it (an `in-original` check): the
    # day a notice's date is compared with is the copy's (`until.the_day`).
    copy: Document | None = None

    def need_original(self) -> Document:
        """The original story, or `Undecided` when none was given (or the one given is refused)."""
        if self.original is None:
            raise Undecided(self.without_original())
        return self.original

    def without_original(self) -> str:
        """Why there is no original to compare with: the one given was refused, its value names
        none (an `original: [a, b]` in a front matter or sidecar), or none was given (`NO_ORIGINAL`)."""
        return self.original_refused or unreadable_reason(self.meta, "original") or NO_ORIGINAL

    def original_addresses(self) -> tuple[str, ...]:
        """Every known address of the original story, the one to name first: the `original_url`
        metadata, the `original` value when it is a URL, then the original's own canonical URL and
        og:url; http(s) URLs only, each once, as written. Empty when none is known, or when the
        original given was refused (another publisher's story: its address is no link back).

        A link back to any of them is a link to the original: an address typed from a newsletter
        (`?utm_source=…`) or an AMP page names the story whose canonical URL the copy links to.
        """
        return tuple(address for address, _ in self.original_address_sources())

    def original_address_sources(self) -> tuple[tuple[str, str], ...]:
        """`original_addresses`, in their order, each with where it was given, in words: "the
        'original_url' metadata", "the canonical link of the original story given" (a fix's note
        says where the address it writes came from). An address given twice is said once, from
        where it was first given. When the original given is refused, none, unless it named the
        publisher's story (`named_by_refused`): then the addresses given apart from it, and those."""
        if self.original_refused:
            if not self.named_by_refused:
                return ()
            # The addresses given apart from the page refused, then those it named.
            found = [(self.meta.get(key, ""), _given_by(key)) for key in self._given_by_as_written() if key != "original"]
            found += self.named_by_refused
        else:
            found = [(self.meta.get(key, ""), _given_by(key)) for key in self._given_by_as_written()]
        original = self.original
        if original is not None:
            canonical = frozenset(original.canonical)
            found += [(url, f"the {'canonical link' if url in canonical else 'og:url'} of the original story given") for url in original.own_addresses]
        sources: dict[str, str] = {}
        for value, where in found:
            if is_http_url(value):
                sources.setdefault(value.strip(), where)
        return tuple(sources.items())

    def _given_by_as_written(self) -> list[str]:
        """The keys of `_GIVEN_BY` in their order, the original's address named by the first key
        of the metadata that gives it (read without letter case, `-` as `_`:
        `metavalues.merged_meta` puts the keys as written first), so that a note names the key as
        it was written (`ORIGINAL-URL`, `original-url` or `original_url`)."""
        written = given_key(self.meta, "original_url")
        return [written if key == "original_url" and written is not None else key for key in _GIVEN_BY if key != "original-url"]

    def original_address(self, accepts: Callable[[str], bool] | None = None) -> str | None:
        """The one address of the original story that a finding names and a fix writes: the first
        of `original_addresses` (in their order) that `accepts` takes, when given (a rule's link
        back takes only an address of the publisher's stories: `link.original_address_for`);
        None when none is known."""
        return next((address for address in self.original_addresses() if accepts is None or accepts(address)), None)

    def bind(self, pattern: Pattern) -> Pattern:
        """A pattern with this article's metadata filled in (raises MissingMeta if absent)."""
        return pattern.bind(self.meta)

    def expand(self, template: str) -> str:
        """A value with this article's metadata filled in (raises MissingMeta if absent)."""
        return expand_meta(template, self.meta)

    def run(self, check: Check) -> Outcome:
        """Evaluate a (sub-)check once per document."""
        key = id(check)
        cached = self._cache.get(key)
        if cached is None:
            from compliance.checks import CHECKS

            cached = CHECKS[check.kind].evaluate(self.doc, check.params, self)
            self._cache[key] = cached
        return cached


def doc_offset(doc: Document, index: int) -> int:
    """Character offset of an item in the document's visible text (blocks joined by newlines)."""
    offsets = doc.item_offsets
    return offsets[min(index, len(offsets) - 1)] if offsets else 0


def judge_count(hits: Sequence[Hit], minimum: int, maximum: int | None, *, what: str = "", absent: str | Callable[[], str] = "") -> Outcome | None:
    """The outcome of a counted check when the count decides it: too many (the extra hits are the
    violations; with `max: 0` all of them) or enough; None when there are too few, so the check can
    explain what it looked for. `what` names the thing counted ("CalMatters credit line"); `absent`
    is the evidence of a prohibition that holds ("no wire or stock photo credit in the article"),
    with the note a failure would end with when a copy is there but hidden ("…; the one at line
    12 is hidden"): the thing is on the page, not shown, and the pass line must not say it is
    not there. Given as a function (`explained_later`) when the note costs a walk of the page."""
    count = len(hits)
    if maximum is not None and count > maximum:
        thing = what or "it"
        times = counted(count, "time")
        if maximum == 0:
            return Outcome(False, tuple(hits), f"{thing} is not allowed, and appears {times}")
        return too_many(hits, maximum, f"{thing} appears {times}; at most {maximum} allowed")
    if count >= minimum:
        return Outcome(True, tuple(hits), "" if hits else absent)
    return None


def too_many(hits: Sequence[Hit], maximum: int, detail: str) -> Outcome:
    """The failure of a count of at most `maximum` (1 or more) that found more (`hits`, in page
    order): the copies after the first `maximum` as its hits, one finding for them all
    (`Outcome.copies_allowed`), its `detail` ("line … appears 6000 times; at most 1 allowed")
    ending with where the first extra copy is ("; the second is at line 12"), written when read."""
    first_extra = hits[maximum]
    return Outcome(
        False,
        tuple(hits[maximum:]),
        explained_later(lambda: f"{detail}; the {ordinal(maximum + 1)} is at line {first_extra.location.line}"),
        copies_allowed=maximum,
    )


def hidden_copy(doc: Document, *patterns: Any, article_only: bool) -> str:
    """Where a copy of what a check looked for is hidden, as the note its detail ends with when
    it found nothing visible ("; the one at line 12 is hidden", the element check's wording),
    so that an editor is told to show it rather than to add another; empty when there is none.
    The `patterns` (compiled, or anything with `search`) must all be found in one block of text
    no reader sees; `article_only` leaves out what is not the story (see `Document.in_story`).
    A pattern whose words are nowhere in the page's text (`Pattern.may_be_within`) is in no
    block of it: the page is spared the walk that finds the blocks no reader sees. So is a page
    whose walk found nothing hidden (`Document.unseen_text` is then empty), which is also spared
    the walk that reads all its text."""
    if doc.root is not None and not doc._hides_text:
        return ""
    if doc.root is not None and not all(pattern.may_be_within(doc.all_text()) for pattern in patterns if isinstance(pattern, Pattern)):
        return ""
    for position, (line, text, in_story) in enumerate(doc.unseen_text()):
        if (in_story or not article_only) and all(pattern.search(text) for pattern in patterns):
            # Named by what hides it: an inline element inside a block that shows (a paragraph
            # whose `<span class="sr-only">` holds the credit) rather than the block.
            holder = doc.unseen_holder(position, lambda held: all(pattern.search(held) for pattern in patterns))
            if holder is None:
                return f"; the one at line {line} {doc.why_block_unseen(position)}"
            return f"; the one at line {holder.sourceline or line} {doc.why_unseen(holder)}{hiding_note(doc, holder)}"
    return ""


def hiding_note(doc: Document, element: Any) -> str:
    """ " (the page's CSS sets `display: none` on it)": what hides an element no reader sees, as
    the note on a hidden copy ends with it, so that an editor knows what to change; empty when the
    page's declarations do not tell (see `Document.what_hides`)."""
    how = doc.what_hides(element)
    return f" ({how})" if how else ""


def describe_check(check: Check) -> str:
    """What a (sub-)check looks for, in words: its label, or a description written from it."""
    from compliance.checks import CHECKS

    return meta_phrase(CHECKS[check.kind].describe(check.params))


def check_captures(check: Check) -> frozenset[str]:
    """The names of the values a (sub-)check's hits may capture, for `{placeholders}` in messages."""
    from compliance.checks import CHECKS

    return CHECKS[check.kind].captures(check.params)


def captures_of(checks: Sequence[Check]) -> frozenset[str]:
    """The names any of these checks may capture."""
    return frozenset().union(*(check_captures(check) for check in checks))


_META_PLACEHOLDER = on_first_use(r"\{\{\s*meta\.([A-Za-z0-9_-]+)\s*\}\}")


def meta_phrase(text: str) -> str:
    """`{{meta.reporter}}` in a description read as "the article's reporter"."""
    return _META_PLACEHOLDER().sub(lambda m: f"the article's {m.group(1).replace('_', ' ')}", text)
