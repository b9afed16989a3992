"""Apply packs to a document: conditions, evaluation, evidence, findings, sorting.

Pure: a document (or its bytes) and packs in, an immutable `Report` out. A check that crashes is
a bug, raised as `CheckError` naming the rule and document; a pattern that exceeds its time
limit is a finding naming the rule, and the other rules still run.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import time
from collections.abc import Callable, Collection, Mapping, Sequence, Set
from typing import TYPE_CHECKING, Any, NamedTuple

from compliance.advice import COMMAND_LINE_ADVICE, Advice
from compliance.bidi import BidiTrick, controls_in_names, read_as_displayed, read_as_written, without_controls
from compliance.checks import NO_ORIGINAL, Check, Context, Hit, Outcome, Undecided
from compliance.checks.additions import addition_checks
from compliance.checks.byline import reporters_byline
from compliance.checks.medium import skipped_for_medium
from compliance.checks.text import NEAR_MISS
from compliance.decoding import Decoded, as_decoded, binary_kind, binary_text, decoded_as_message, reads_as_utf8
from compliance.detect import OWN_PAGE, detect_packs, original_publisher, own_page, shows_republication
from compliance.document import Document, DocumentKind, parse_document, with_metadata_byline, with_metadata_headline
from compliance.document.nesting import BROWSER_DEPTH_LIMIT
from compliance.document.positions import location_at, offset_at
from compliance.document.screen_hiding import DARK_SCHEME_QUERY, ShownElsewhere
from compliance.errors import CheckError, InputError, OriginalUnavailable
from compliance.findings import (
    MARKER_TIME_LIMIT,
    PATTERN_TIME_LIMIT,
    REPORT_GENERATOR,
    SUPPRESSION_RULES,
    Days,
    Detection,
    Finding,
    FixBlock,
    Location,
    Notice,
    Passed,
    Report,
    Severity,
    Suppressed,
    own_report,
)
from compliance.firstuse import on_first_use
from compliance.lookalike import Disguise, LookAlike, see_through_document, source_position
from compliance.metavalues import same_key, unreadable_reason
from compliance.packs import Pack, Rule, fill_placeholders, iter_checks
from compliance.patterns import MATCH_TIMEOUT, MissingMeta, PatternTimeout, PatternTooLarge, shown_limit
from compliance.prefilter import Candidates, prefilter_for
from compliance.text import counted, listed, normalize_inline, possessive, quoted, shorten, word_count

if TYPE_CHECKING:
    from compliance.document.pagination import StoryPage
    from compliance.document.region import OtherStory
    from compliance.document.stories import StoryPart
    from compliance.fixtemplates import FixTemplate
    from compliance.suppress import Suppression


def interpolate(template: str, values: Mapping[str, str]) -> str:
    """Fill `{name}` placeholders from captures and metadata by plain substitution (a pack's
    text is never a format string); one with no value here (no evidence for a missing thing, a
    metadata key not given) stays as written. A value that ends a sentence stands for the
    template's full stop after it (`packs.fill_placeholders`): no "..", "?." or "…."."""
    return fill_placeholders(template, values.get)


def _values(rule: Rule, outcome: Outcome, extra: tuple[Hit, ...], meta: Mapping[str, str]) -> dict[str, str]:
    values = {f"meta.{k}": v for k, v in meta.items()}
    values["rule"] = rule.id
    for hit in extra + outcome.hits:
        for key, value in hit.captures:
            values.setdefault(key, value)
    for key, value in outcome.captures:
        values.setdefault(key, value)
    values["detail"] = outcome.detail or "missing"
    if outcome.hits:
        values["evidence"] = outcome.hits[0].evidence
    elif outcome.detail:
        # A failure that found nothing to quote ("none of the original's 19 paragraphs is in the
        # republication") is what it saw instead: a message quoting {evidence} says so.
        values["evidence"] = outcome.detail
    return values


def evaluate_rule(ctx: Context, rule: Rule, applied: Sequence[Pack] = ()) -> tuple[list[Finding], list[Passed]]:
    """Findings (or the evidence that it passed) for one rule of the packs `applied` (whose link
    back says which address of the original a fix writes); rules whose `when` fails yield nothing.
    Raises `Undecided` when the `when` failed on the copy's medium (an online-only rule on a print
    copy): such a rule is reported as not checked, with the copy's medium, not dropped."""
    doc = ctx.doc
    extra: tuple[Hit, ...] = ()
    if rule.when is not None:
        condition = ctx.run(rule.when)
        if not condition.passed:
            other_medium = skipped_for_medium(ctx, rule.when)
            if other_medium is not None:
                raise Undecided(other_medium)
            return [], []
        extra = condition.hits
    outcome = ctx.run(rule.check)
    hidden_on = ""
    if outcome.passed and not outcome.caveat:
        hidden_on = _hidden_on_some_screens(doc, rule.check, outcome)
        if hidden_on:
            outcome = outcome._replace(caveat=f"it is hidden on the screens that meet @media {hidden_on}, and shown on others")
    if outcome.passed and outcome.caveat:
        return [_caveat_finding(ctx, rule, outcome, extra, hidden_on=hidden_on)], []
    if outcome.passed:
        hit = outcome.hits[0] if outcome.hits else None
        evidence = hit.evidence if hit else (outcome.detail or "satisfied")
        location = hit.location if hit else doc.article_location
        return [], [Passed(rule.id, shorten(evidence, 200), location, rule.pack, placed=hit is not None)]
    if outcome.hits:
        # One finding per forbidden thing found, each message and fix naming its own evidence.
        # Copies beyond a count allowed (a credit line printed 6,000 times where one is allowed)
        # are one finding, at the first extra copy, whose detail gives the count: one per copy
        # printed thousands of identical lines, and each one's place and fix block cost a read of
        # the page.
        findings = []
        for hit in outcome.hits[:1] if outcome.copies_allowed else outcome.hits:
            values = _values(rule, Outcome(False, (hit,), outcome.detail), extra, ctx.meta)
            findings.append(
                Finding(
                    rule.id,
                    rule.severity,
                    interpolate(rule.message, values),
                    interpolate(rule.help, values),
                    hit.location,
                    shorten(hit.evidence, 200),
                    rule.pack,
                    outcome.detail or None,
                    _block_for_hit(rule, ctx, hit, outcome.hits, applied),
                    extra_copies=len(outcome.hits) if outcome.copies_allowed else 0,
                )
            )
        return findings, []
    if outcome.held_back:
        return [_held_back_finding(ctx, rule, outcome)], []
    values = _values(rule, outcome, extra, ctx.meta)
    # A place the pack names (the credit line to link) comes before the check's own idea of
    # where the missing thing belongs.
    location = found_by_named_rule(ctx, rule, applied) or at_the_byline(rule, doc) or outcome.location or missing_location(rule, doc)
    block = None
    if rule.fix is not None:
        # The fixer is imported only when a failing rule has a fix to show: a clean check never needs it.
        from compliance.fixes import fix_block

        # The original's address the block writes is the one the packs' link back names.
        block = fix_block(rule.fix, ctx, (rule.check, *(other.check for pack in applied for other in pack.rules)))
    help_text = interpolate(rule.help, values)
    if '"' in help_text and (ctx.original is not None or ctx.meta.get("reporter")):
        # An example byline in the help names the reporter when the original or metadata does.
        from compliance.fixes import with_known_example

        help_text = with_known_example(help_text, ctx)
    if block is not None and doc.kind == "text" and rule.fix is not None and _image_as_a_line(rule.fix, rule.check):
        # A plain-text copy has no image to place or hide with CSS: it carries the image as a line
        # of its alt text, and the finding stands where that line belongs.
        from compliance.checks.element import text_image_help

        help_text = text_image_help(block.text, block.place or rule.fix.place)
        location = block.location or location
    elif block is not None and block.location is not None and outcome.location is not None:
        # The check pointed at what to change (a byline that credits "Staff", a logo it found
        # hidden): the HTML report marks that, not where a new block would go.
        block = dataclasses.replace(block, location=None)
    # A near miss the check quotes (the credit line in other words the page has instead): the
    # rule's `instead-message`, when it has one, says that its wording differs.
    near_miss = dict(outcome.captures).get(NEAR_MISS)
    message = rule.message
    if near_miss is not None and rule.instead_message is not None:
        message, values["found"] = rule.instead_message, near_miss
    finding = Finding(
        rule.id,
        rule.severity,
        interpolate(message, values),
        help_text,
        location,
        near_miss,
        rule.pack,
        outcome.detail or None,
        block,
    )
    return [finding], []


def _block_for_hit(rule: Rule, ctx: Context, hit: Hit, hits: Sequence[Hit], applied: Sequence[Pack]) -> FixBlock | None:
    """What the HTML report offers for a thing a rule found and does not allow: for a rule whose
    fix puts its block in place of it (`insert: replace`: ProPublica's credit line reworded), that
    block; for a copy beyond what a rule allows (a `max` of 1 or more: a credit line printed
    twice), the copy to take out (`fixes.extra_copy_block`); None for any other (a forbidden
    thing, `max: 0`, is not a copy of one that stays)."""
    allowed = getattr(rule.check.params, "max", None)
    if rule.fix is not None and rule.fix.insert == "replace":
        from compliance.fixes import fix_block

        return fix_block(rule.fix, ctx, (rule.check, *(other.check for pack in applied for other in pack.rules)))
    if rule.fix is not None or not isinstance(allowed, int) or isinstance(allowed, bool) or allowed < 1:
        return None
    # The fixer is imported only for such a finding: a clean check never needs it.
    from compliance.fixes import extra_copy_block

    return extra_copy_block(rule.check, ctx, hit, hits)


def missing_location(rule: Rule, doc: Document) -> Location:
    """Where a finding of something missing points when its check names no place and no rule its
    `missing-at` names found one (`found_by_named_rule`): where it belongs. A rule whose fix puts
    it at the end of the story (`where: end`: a pixel, a link back or a credit after the story)
    points at the story's end, the place the fix inserts after (`story.end_location`, one answer
    for both), and so does a rule without a fix that says so (`missing-at: end`: a pixel whose
    address only the publisher knows); any other at the article's start."""
    if rule.missing_at == "end" or (rule.fix is not None and rule.fix.where == "end"):
        from compliance.checks.story import end_location

        return end_location(doc)
    return doc.article_location


def at_the_byline(rule: Rule, doc: Document) -> Location | None:
    """Where a finding of something missing points when its rule says it belongs in the byline
    (`missing-at: byline`: a link back or the license credited with the author, as a base pack
    that names no credit line of its own says): the story's byline that credits the author
    (`byline.reporters_byline`), when it is written in its body; None when it has none (a byline
    only in the front matter or the metadata, which the theme prints: the rule's other place then
    stands, `missing_location`)."""
    if rule.missing_at != "byline":
        return None
    byline = reporters_byline(doc)
    return doc.locate(byline) if byline is not None and byline.in_body else None


def found_by_named_rule(ctx: Context, rule: Rule, applied: Sequence[Pack]) -> Location | None:
    """Where a finding of something missing points when its rule's `missing-at` names another
    rule of the packs `applied` (a link back whose help says to link the credit line names the
    credit line's rule): the place of the first thing that rule's check found on the page, or
    None when it found nothing (the rule's other place then stands: `missing_location`). The
    named check's outcome is the one the report gives it (`Context.run` evaluates a check once)."""
    named = rule.missing_at
    if named is None or "/" not in named:
        return None
    check = next((other.check for pack in applied for other in pack.rules if other.id == named), None)
    if check is None:
        return None
    try:
        outcome = ctx.run(check)
    except (MissingMeta, PatternTimeout, PatternTooLarge, Undecided):
        # The named rule has its own note or finding for these; this one keeps its own place.
        return None
    return outcome.hits[0].location if outcome.passed and outcome.hits else None


def _image_as_a_line(fix: FixTemplate, check: Check) -> bool:
    """Whether the rule asks for an image alone (`element.asks_for_an_image`), and its fix puts
    an image in HTML and a line of text in plain text (the DCNF logo: `<img … alt="Daily Caller
    News Foundation logo">`, "Daily Caller News Foundation logo"). A rule the image is one way
    of meeting (an affiliation) keeps its own fix, which names the others."""
    from compliance.checks.element import asks_for_an_image

    html, text = fix.template_for("html") or "", fix.template_for("text") or ""
    return "<img" in html.lower() and bool(text) and "<" not in text and asks_for_an_image(check)


def _held_back_finding(ctx: Context, rule: Rule, outcome: Outcome) -> Finding:
    """A required tag that is on the page but loads only after the reader consents to cookies,
    (a script a page-speed plugin delays) after the reader first interacts, or never (no script on
    the page runs what WP Rocket or Rocket Loader delayed; a loader not known by name rewrote it,
    WP Meteor's `type="javascript/blocked"`; it stands in an HTML comment): the rule's verdict at
    its severity, with a message that says so (`Outcome.held_back`) and help that exempts it from
    the consent manager or the delay, not a fix that pastes it again."""
    from compliance.checks.element import COMMENTED_HELP, DELAYED_HELP, HELD_BACK_HELP, LOADER_HELP, NEVER_RUN_HELP

    reason = outcome.held_back
    return Finding(
        rule.id,
        rule.severity,
        f"{reason[:1].upper()}{reason[1:]}.",
        {"interaction": DELAYED_HELP, "never": NEVER_RUN_HELP, "loader": LOADER_HELP, "comment": COMMENTED_HELP}.get(outcome.held_until, HELD_BACK_HELP),
        outcome.location or ctx.doc.article_location,
        None,
        rule.pack,
        outcome.detail or None,
        held_back=outcome.held_until or "consent",
    )


def _counts_unseen(check: Check) -> bool:
    """Whether a check, or one it is made of, finds elements no reader sees (`visible: any` or
    `false`: a counter pixel, a tracking script). Such a rule accepts what is hidden by design, so
    hiding on some screens is nothing to warn of. The `<body>` that tells an HTML page (asked for
    whatever shows) finds nothing of the kind."""
    from compliance.document.selector_lists import group_members

    return any(
        part.kind == "element" and part.params.visible in ("any", "false") and group_members(part.params.selector.css) != ("body",)
        for part in iter_checks(check)
    )


def _requires_presence(check: Check) -> bool:
    """Whether a check passes by finding something, rather than by finding no more than it allows
    (`not`, or a count with `max` and no `min`: "the credit line at most once"). Only the former's
    pass rests on what it found being seen: a copy hidden on some screens makes a limit hold there
    all the more."""
    if check.kind == "not":
        return False
    if check.kind in ("all", "any"):
        return any(_requires_presence(child) for child in check.children)
    least = getattr(check.params, "min", None)
    return not isinstance(least, int) or least >= 1


def _hidden_on_some_screens(doc: Document, check: Check, outcome: Outcome) -> str:
    """The media query of a pass each of whose hits is an element a rule in an `@media` block hides on some screens only
    (`screen_hiding`), or that the readers who prefer the dark scheme do not see (a `light-dark()`
    colour: `screen_hiding.hidden_in_dark_scheme`, named `(prefers-color-scheme: dark)`), "" when there is none: the caveat names it, as what satisfied the
    requirement is not seen on those screens. Visibility reads such a rule as hiding nothing, so the pass stands;
    a page whose source holds no media condition is not read further, and a rule that accepts
    what no reader sees (`_counts_unseen`: a counter pixel) or that only limits a count
    (`_requires_presence`) takes no caveat."""
    if not outcome.hits or doc.kind != "html" or not _requires_presence(check):
        return ""
    found = [_hit_element(doc, hit) for hit in outcome.hits]
    elements = [element for element in found if element is not None]
    if len(elements) < len(found):
        return ""
    from compliance.document.screen_hiding import hidden_elements, hidden_in_dark_scheme, hidden_on_some_screens, hidden_unless_shown, may_hide_on_some_screens

    hidden = doc._memo.get("hidden_on_some_screens")
    if hidden is None:
        # Read once per page; a page whose source names no media condition and no `light-dark()`
        # costs two searches.
        root = elements[0].getroottree().getroot()
        hidden = hidden_in_dark_scheme(doc)
        doc._memo["with_media_queries"] = may_hide_on_some_screens(doc.source_utf8)
        if doc._memo["with_media_queries"]:
            for element, hiding in hidden_elements(root).items():
                hidden[element] = (*hidden.get(element, ()), *hiding)
        doc._memo["hidden_on_some_screens"] = hidden
    with_queries = bool(doc._memo.get("with_media_queries"))
    if (not hidden and not with_queries) or _counts_unseen(check):
        return ""
    # A copy no some-screens rule hides is shown wherever the others are not: no screen lacks one.
    queries: list[tuple[str, ...]] = [hidden_on_some_screens(element, hidden) for element in elements]
    if not all(queries) and with_queries:
        # Hidden on every screen but those of some queries (mobile first): read for these
        # elements only, each once per page.
        elsewhere: dict[Any, str | None] = doc._memo.setdefault("hidden_unless_shown", {})
        unread = [element for element, query in zip(elements, queries, strict=True) if not query and element not in elsewhere]
        if unread:
            placed = hidden_unless_shown(elements[0].getroottree().getroot(), unread)
            elsewhere.update((element, placed.get(element)) for element in unread)
        queries = [query or _one_query(elsewhere[element]) for element, query in zip(elements, queries, strict=True)]
    if not all(queries):
        return ""
    lists = {", ".join(query) for query in queries}
    if len(lists) > 1 and _some_copy_on_every_screen(lists):
        return ""
    named = ", ".join(_not_shown_by_another(queries[0], lists - {", ".join(queries[0])}))
    # Read whole above (a cut query list means nothing to `_some_copy_on_every_screen`), shown cut.
    return ShownElsewhere(shorten(named, 120)) if isinstance(queries[0][0], ShownElsewhere) else shorten(named, 120)


def _one_query(query: str | None) -> tuple[str, ...]:
    """A query `hidden_unless_shown` placed an element outside of, as `_hidden_on_some_screens` holds them."""
    return () if query is None else (query,)


def _not_shown_by_another(hiding: tuple[str, ...], others: set[str]) -> tuple[str, ...]:
    """Of the queries that hide a copy (`hiding`), those whose screens the other copies (each
    hidden on the screens of one of `others`, a media query list) do not all show: the screens
    that lack every copy, such as `(min-width: 701px) and (max-width: 900px)` of a wide logo
    hidden there and at `(max-width: 700px)`, where a narrow one is shown. All of them when none
    is left, or the others cannot be read."""
    from compliance.document.media_queries import every_screen_meets_one, screens_not_meeting

    shown_by_others = {screens_not_meeting(query) for query in others}
    if not others or None in shown_by_others:
        return hiding
    shown = {query for query in shown_by_others if query is not None}
    lacking = []
    for query in hiding:
        outside = screens_not_meeting(query)
        if outside is None or not every_screen_meets_one({outside, *shown}):
            lacking.append(query)
    return tuple(lacking) or hiding


def _some_copy_on_every_screen(queries: set[str]) -> bool:
    """Whether every screen shows one of several copies, each hidden on the screens that meet one
    of `queries`: a responsive pair, one hidden where `(max-width: 767px)` holds and the other where
    `not (max-width: 767px)` does (every screen meets one of the queries' opposites)."""
    from compliance.document.media_queries import every_screen_meets_one, screens_not_meeting

    opposites = {screens_not_meeting(query) for query in queries}
    return None not in opposites and every_screen_meets_one({query for query in opposites if query is not None})


def _hit_element(doc: Document, hit: Hit) -> Any | None:
    """What a check found, or the block it found it in (a byline's paragraph); None when neither
    is an element."""
    element = hit.element if hit.element is not None else (doc.items[hit.index].element if 0 <= hit.index < len(doc.items) else None)
    return element if isinstance(getattr(element, "tag", None), str) else None


def _caveat_finding(ctx: Context, rule: Rule, outcome: Outcome, extra: tuple[Hit, ...], *, hidden_on: str = "") -> Finding:
    """A requirement met only where some readers do not see it: a warning (or the rule's own
    severity when that is lower) that says why, at what was found. Met but hidden on some screens
    (`hidden_on`: the query, from `_hidden_on_some_screens`), it says so and that the page's CSS
    is the remedy: the rule's own message and fix are about a page that lacks the thing ("the
    byline does not tie…", "add the affiliation"), which this one has."""
    values = _values(rule, outcome._replace(why=outcome.caveat), extra, ctx.meta)
    hit = outcome.hits[0] if outcome.hits else None
    message, help_text = interpolate(rule.message, values), interpolate(rule.help, values)
    if hidden_on:
        message = f"What {rule.id} asks for is on the page, but the screens that meet @media {hidden_on} do not show it."
        help_text = f"Show it on every screen: change the page's CSS so that the screens that meet @media {hidden_on} show it" + (
            " (the rule that hides it, or an element around it, on every screen, which only rules in other queries undo)."
            if isinstance(hidden_on, ShownElsewhere)
            else " (the rule in that query that hides it, or hides an element around it"
            + (", or a `light-dark()` colour whose dark one does not show)." if hidden_on == DARK_SCHEME_QUERY else ").")
        )
    return Finding(
        rule.id,
        min(rule.severity, Severity.WARNING),
        message,
        help_text,
        hit.location if hit else ctx.doc.article_location,
        shorten(hit.evidence, 200) if hit else None,
        rule.pack,
        outcome.caveat,
        hidden_on=hidden_on,
    )


def check_document(
    doc: Document,
    packs: Sequence[Pack],
    *,
    path: str,
    auto_detect: bool = True,
    meta: Mapping[str, str] | None = None,
    default_meta: Mapping[str, str] | None = None,
    severities: Mapping[str, Severity | None] | None = None,
    timing: bool = False,
    known_rules: Collection[str] | None = None,
    original: Document | None = None,
    load_original: Callable[[str], Document] | None = None,
    candidates: Candidates | None = None,
    inline_suppressions: bool = True,
    asked_for: Collection[str] = frozenset(),
    today: datetime.date | None = None,
    read_at: datetime.datetime | None = None,
    judge_blocks: bool = True,
    advice: Advice = COMMAND_LINE_ADVICE,
) -> Report:
    """Check a parsed document: detect applicable packs (unless given explicitly) and run their rules.

    Article metadata, weakest first: `default_meta` (a sidecar file), the document's front
    matter, then `meta` (a CMS payload's fields, `--meta`). `severities` changes a rule's
    severity, or turns it off (None), as project configuration and `--ignore` do. `known_rules`
    are the rule ids a `syndcheck-disable` comment may name (default: those of `packs`).
    With `inline_suppressions` False those comments are not obeyed (the page is someone else's,
    as in an audit, or CI must not let an article turn its own checks off): their findings stay,
    a notice says how many comments were ignored, and `Report.ignored_suppressions` counts them.

    The original story is `original`, or else the `original` metadata value read with
    `load_original` (the runner's reader: a path or, when allowed, a URL); when it cannot be read
    a notice says why and the rules comparing with it are not checked.

    `candidates` are the literal prefilter's answer for this page (`compliance.prefilter`):
    detection then evaluates only the markers that can fire.

    `asked_for` are the rule ids the user selected by name (`selection.named_rules`): such a
    rule of an applied pack whose `when` does not hold is not silent, as a rule chosen through its
    pack or a glob is, but reported in a `not-applicable` notice that says which condition failed.

    `today` is the day the check is made on, which a notice that holds until a date (an embargo)
    is compared with: a run reads the clock once and gives it to every document; None reads it.
    `read_at` is that reading, with the zone it was made in, when `today` comes from the clock (None
    when a day was given): a notice read in its publisher's zone compares with that zone's day.
    The report's `holds` gives the days on which the same document would have the same verdicts.

    With `judge_blocks` (the fix planner's trials go without), the blocks to paste are judged
    together, as `fix` judges its edits (`blocks_judged_together`): the page is checked once more
    with the blocks that go in place of something pasted.

    `advice` is how the notices say to give what a rule lacks (a metadata value, the original
    story, a pack): the command line's options by default, the HTTP API's or the editor's page's
    own words for a request to `syndcheck serve` (`compliance.advice`).
    """
    severities = severities or {}
    as_given = doc
    if today is None:
        read_at = read_at or datetime.datetime.now().astimezone()
        today = read_at.date()
    # Detection and rules read the page as a reader sees it: look-alike letters of another
    # script in a Latin word ("Dаily Cаller") count as the Latin letters they imitate.
    doc, disguises = see_through_document(doc)
    # ... and Latin letters a right-to-left override lays out backwards read as displayed.
    written, (doc, reversed_texts) = doc, read_as_displayed(doc)
    if original is None and (named_in := _original_named_in(doc, meta, default_meta)):
        advice = advice.for_article_naming_original(named_in)
    ctx = Context(doc, article_meta(doc, meta=meta, default_meta=default_meta), original, today=today, read_at=read_at, advice=advice)
    printed = with_metadata_fields(doc, ctx.meta, packs)
    if printed is not doc:
        doc = printed
        ctx = Context(doc, ctx.meta, original, today=today, read_at=read_at, advice=advice)
    notices: list[Notice] = []
    wanted = ctx.meta.get("original", "").strip()
    if original is None and wanted and load_original is not None:
        try:
            ctx.original = load_original(wanted)
        except OriginalUnavailable as exc:
            # Named by the article's own metadata: said first, as where to put it right.
            named = f" ({ctx.advice.original_named_in} names it)" if ctx.advice.original_named_in else ""
            notices.append(Notice("original-unavailable", f"original story not read{named}: {ctx.advice.original_not_read(exc)}"))
    if ctx.original is not None and is_the_copy(as_given, ctx.original):
        # Compared with itself, every rule that compares would pass, and the page's own photos
        # would be "reused from the original": nothing is compared, as with an original not read.
        notices.append(Notice("original-unavailable", the_copy_itself(advice)))
        ctx.original = None
    detections: tuple[Detection, ...] = ()
    timings: list[tuple[str, float]] = []
    clock = time.perf_counter if timing else None
    if auto_detect:
        started = clock() if clock else 0.0
        # A credit bidirectional controls garble still says whose story it is: detection also
        # reads the page as written (`read_as_written`), and the rules judge what readers see.
        as_written = Context(read_as_written(written), ctx.meta, ctx.original, today=today, read_at=read_at, advice=advice) if reversed_texts else None
        detections = detect_packs(ctx, packs, path=path, candidates=candidates, written=as_written)
        detections, by_original, refused = _applied_by_original(detections, packs, ctx, wanted)
        notices.extend(by_original)
        if refused:
            # Another publisher's story, or one sharing nothing with this copy, is not this copy's
            # original: nothing is compared with it.
            ctx.original, ctx.original_refused = None, refused
        if clock:
            timings.append(("detect (all packs)", clock() - started))
        chosen = {d.pack for d in detections if d.applied}
        applied = [p for p in packs if p.id in chosen]
    else:
        applied = list(packs)
        notices.extend(_base_pack_notices(applied, advice))
    if ctx.original is not None and not ctx.original_refused and _another_story(ctx.doc, ctx.original):
        # The same publisher's other story, given by mistake: comparing with it would call the
        # copy's own reporter wrong, and `fix` would write the other story's name and address in.
        notices.append(Notice("original-mismatch", _another_story_message(ctx.original, ctx.advice)))
        ctx.original, ctx.original_refused = None, ORIGINAL_OF_ANOTHER_STORY
    if ctx.original is not None and not ctx.original_refused and (republished := republication_given(ctx.original, packs, today, read_at)):
        # Another site's copy: its links, tags and cuts are that site's, not the publisher's, and
        # the copy would be told to keep them. The publisher's story it names as its source is
        # the original's address all the same (a link back may go there; a fix writes it).
        why, source = republished
        notices.append(Notice("original-unavailable", republication_given_note(why, ctx.advice)))
        if source:
            ctx.named_by_refused = ((source, NAMED_BY_THE_REPUBLICATION),)
        ctx.original, ctx.original_refused = None, ORIGINAL_REPUBLISHED
    if (guessed := decoded_as_message(doc.encoding_reason)) is not None:
        notices.append(Notice("decoded-as", guessed))
    if doc.front_matter_error:
        from compliance.document.plaintext import front_matter_notice

        notices.append(front_matter_notice(doc.front_matter_error, path))
    if default_meta or doc.front_matter:
        notices.extend(refused_addresses(doc, default_meta))
    if doc.truncated:
        notices.append(Notice("truncated", f"only part of the document was checked: {doc.truncated}"))
    if doc.deep_from is not None and applied:
        # Only the places of findings are approximate: a page no pack applies to has none to place.
        notices.append(Notice("deep-nesting", deep_nesting_message(doc.deep_from)))
    notices.extend(_own_page_notices(ctx, packs, detections, auto_detect=auto_detect, path=path))
    notices.extend(_hidden_marker_notices(detections))
    timed_out_notices = _timed_out_marker_notices(detections, packs, advice)
    notices.extend(timed_out_notices)
    # A marker not evaluated may have fired: "no publisher's markers found" would not be true.
    if not applied and not any(n.code == "own-page" for n in notices) and not any(n.unchecked_rules for n in timed_out_notices):
        notices.append(NO_PACK)
    split: StoryPage | None = None
    if applied:
        notices.extend(_other_stories_notice(doc, packs, applied))
        from compliance.document.pagination import story_page

        split = story_page(doc, path)
        notices.extend(_later_page_notice(split))
    if applied:
        # Publishers' names spelt with ASCII look-alikes ("CaIler") are looked for in the packs
        # that apply: an all-ASCII page costs nothing more while it is being detected.
        seen_doc, spelt = see_through_document(doc, publisher_names(applied))
        if spelt:
            doc, disguises = seen_doc, disguises + spelt
            ctx = Context(
                doc,
                ctx.meta,
                ctx.original,
                ctx.original_refused,
                today=today,
                read_at=read_at,
                compared=ctx.compared,
                advice=advice,
                named_by_refused=ctx.named_by_refused,
            )
    findings: list[Finding] = _look_alike_findings(doc, disguises, applied[0].id) if applied and disguises else []
    if applied:
        in_names = controls_in_names(written, (*publisher_names(applied), *(o for p in applied for o in p.outlets)), skip=(t.item for t in reversed_texts))
        findings.extend(_bidi_findings(doc, (*reversed_texts, *in_names), applied[0].id))
        findings.extend(_redirect_findings(doc, applied[0].id))
    # What the terms require a republisher to add is no edit of the story (`additions`).
    ctx.additions = addition_checks(rule.check for pack in applied for rule in pack.rules)
    passed: list[Passed] = []
    evaluated: set[tuple[str, int]] = set()
    # Rules that reached a conclusion; the checks of the page itself run whenever a pack applies.
    concluded: set[str] = set(PAGE_RULES) if applied else set()
    undecided: dict[str, list[str]] = {}
    without_original: list[str] = []
    for pack in applied:
        for rule in pack.rules:
            # A base-pack rule shared by two applied packs is checked once; if one of them
            # overrides its check, both versions are checked.
            key = (rule.id, id(rule.check))
            if key in evaluated or (rule.id in severities and severities[rule.id] is None):
                continue
            evaluated.add(key)
            level = severities.get(rule.id)
            if level is not None:
                rule = dataclasses.replace(rule, severity=level)
            if split is not None and ctx.original is not None and _compares_whole_story(rule):
                # One page of a split story holds part of the original's text and links: what the
                # other pages hold would be called removed.
                undecided.setdefault(_split_story_reason(split), []).append(rule.id)
                continue
            started = clock() if clock else 0.0
            try:
                rule_findings, rule_passed = evaluate_rule(ctx, rule, applied)
            except Undecided as exc:
                # Without any original, comparing with it was not asked for: said in a note of its
                # own, which neither `--quiet` nor the summary counts (most checks run without one).
                # Any other reason (an original that cannot be compared with, an `outside` selector
                # that leaves out the whole scope) is a rule not checked.
                (without_original if exc.reason == NO_ORIGINAL else undecided.setdefault(exc.reason, [])).append(rule.id)
                continue
            except MissingMeta as exc:
                instead = _compared_instead(rule, pack, exc.key, ctx)
                if instead is None:
                    notices.append(_missing_meta_notice(rule, pack, exc.key, ctx))
                elif not any(severities.get(rule_id, True) is not None for rule_id in instead):
                    # The original given stands in for the value, and the rules that compare it
                    # are all left out (`--select` named this one alone): said, never silent.
                    undecided.setdefault(_stand_in_left_out(instead), []).append(rule.id)
                continue
            except PatternTooLarge as exc:
                # Only an article's value can do this (the pack's own patterns were measured when
                # it loaded): a value thousands of characters long in a `{{meta.KEY}}` pattern.
                too_large = f"rule {rule.id} not checked: its pattern with the article's values is too large ({exc})"
                notices.append(Notice("pattern-too-large", too_large, (rule.id,)))
                continue
            except PatternTimeout as exc:
                rule_findings, rule_passed = [_timed_out_rule_finding(rule, exc, doc.article_location)], []
            except Exception as exc:
                raise CheckError(rule.id, path, exc) from exc
            if clock:
                timings.append((f"rule {rule.id}", clock() - started))
            if not rule_findings and not rule_passed and rule.id in asked_for and rule.when is not None:
                notices.append(_not_applicable_notice(ctx, rule))
            concluded.add(rule.id)
            findings.extend(rule_findings)
            passed.extend(rule_passed)
    notices.extend(_timed_out_addition_notices(ctx, applied, findings))
    notices.extend(_headline_not_compared(ctx, applied, concluded))
    for reason, rule_ids in undecided.items():
        notices.append(Notice("undecided", f"{len(rule_ids)} rule(s) not checked ({', '.join(rule_ids)}): {reason}", tuple(rule_ids)))
    if without_original and not wanted:  # an original named and not read has its own notice
        rules = ", ".join(without_original)
        compare = "compares the copy" if len(without_original) == 1 else "compare the copy"
        # Named as written: of the two spellings (read alike), the one the metadata gave first.
        address_key = next((key for key in ctx.meta if same_key(key) == "original_url" and ctx.meta[key].strip()), None)
        # Its address alone (a CMS payload's `original_url`) names the story, but is not its text.
        given = (
            f"only its address was given (the '{address_key}' metadata): {ctx.advice.give_story_itself()}"
            if address_key is not None
            else f"none was given ({ctx.advice.give_original()})"
        )
        message = f"not compared: {rules} {compare} with the original story, and {given}"
        notices.append(Notice("no-original", message, not_compared=tuple(without_original)))
    off = frozenset(rule for rule, level in severities.items() if level is None)
    # The prefilter searched the page for the directive's word with the markers' words: a page
    # it is not on is spared a search of its source.
    suppressions = _page_suppressions(doc) if candidates is None or candidates.suppression else []
    suppressed: list[Suppressed] = []
    if inline_suppressions:
        concluded.update(SUPPRESSION_RULES)  # with no comment on the page, they found nothing
    if suppressions and not inline_suppressions:
        notices.append(_ignored_notice(suppressions))
    elif suppressions:
        known = {*PAGE_RULES, *(known_rules if known_rules is not None else {r.id for p in packs for r in p.rules})}
        from compliance.suppress import apply_suppressions

        findings, suppressed = apply_suppressions(findings, suppressions, known=known, inactive=off)
    if off:
        findings = [f for f in findings if f.rule not in off]
    if judge_blocks:

        def recheck(text: str) -> Report:
            pasted = parse_document(text, doc.kind, outlets=frozenset(o for p in packs for o in p.outlets))
            return check_document(
                pasted,
                packs,
                path=path,
                auto_detect=auto_detect,
                meta=meta,
                default_meta=default_meta,
                severities=severities,
                known_rules=known_rules,
                original=ctx.original,
                inline_suppressions=inline_suppressions,
                today=today,
                read_at=read_at,
                judge_blocks=False,
            )

        findings = blocks_judged_together(findings, ctx.doc.lines_source, recheck)
    findings.sort(key=lambda f: f.sort_key)
    # What passed reads top to bottom, like the article.
    passed.sort(key=lambda p: p.location)
    return Report(
        path=path,
        packs=tuple(p.id for p in applied),
        findings=tuple(findings),
        passed=tuple(passed),
        notices=tuple(notices),
        detections=detections,
        suppressed=tuple(suppressed),
        timings=tuple(timings),
        ignored_suppressions=0 if inline_suppressions else len(suppressions),
        evaluated_rules=frozenset(concluded - off),
        holds=Days.around(today, ctx.compared),
    )


def blocks_judged_together(findings: Sequence[Finding], source: str, recheck: Callable[[str], Report]) -> list[Finding]:
    """The findings with the blocks to paste judged together, as `fix` judges its edits
    (`fixes._without_redundant`): a block to insert is marked needless (`FixBlock.needless_after`)
    when the page with the blocks that go in place of something (`FixBlock.splice`, in `source`,
    the checked document's `lines_source`) pasted, checked again by `recheck`, no longer fails its
    rule — ProPublica's "Read the original story" line, once "Courtesy of ProPublica." is replaced
    by the credit line that links the original. Checked again only when there are both."""
    in_place = [f for f in findings if f.fix is not None and f.fix.splice is not None]
    to_insert = [f for f in findings if f.fix is not None and f.fix.splice is None and not f.fix.take_out and f.fix.text]
    if not in_place or not to_insert:
        return list(findings)
    text, last = source, len(source) + 1
    # From the end, so that each offset still holds; a splice overlapping one already made is left.
    for offset, removed, put in sorted({f.fix.splice for f in in_place if f.fix is not None and f.fix.splice is not None}, reverse=True):
        if offset + removed <= last:
            text, last = text[:offset] + put + text[offset + removed :], offset
    failing = {f.rule for f in recheck(text).findings}
    by = ", ".join(sorted({f.rule for f in in_place}))
    needless = {id(f) for f in to_insert if f.rule not in failing}
    return [dataclasses.replace(f, fix=dataclasses.replace(f.fix, needless_after=by)) if id(f) in needless and f.fix is not None else f for f in findings]


def _page_suppressions(doc: Document) -> list[Suppression]:
    """The page's `syndcheck-disable` comments. The module that reads them is imported only for a
    page that has one: most pages have none, and a one-file check (a pre-commit hook) would pay
    for its import on every run."""
    if "syndcheck-disable" not in doc.source:
        return []
    from compliance.suppress import find_suppressions

    return find_suppressions(doc.comments, doc.lines_source)


def _ignored_notice(suppressions: Sequence[Suppression]) -> Notice:
    """`2 suppression comments ignored (dcnf/logo at 3:1; ...)`: what the page asked to suppress,
    and where, so a reviewer sees that the page tried to."""
    listed = "; ".join(f"{', '.join(s.rules) or '(no rule)'} at {s.location}" for s in suppressions[:5])
    more = f"; and {len(suppressions) - 5} more" if len(suppressions) > 5 else ""
    count = counted(len(suppressions), "suppression comment")
    return Notice("suppressions-ignored", f"{count} in the document not obeyed ({listed}{more}); inline suppressions are off")


LOOK_ALIKE_RULE = "syndcheck/look-alike-letters"
BIDI_RULE = "syndcheck/bidi-controls"
REDIRECT_RULE = "syndcheck/redirect"
# The checks of the page itself that run whenever a pack applies, beside the packs' rules.
PAGE_RULES = (LOOK_ALIKE_RULE, BIDI_RULE, REDIRECT_RULE)


def publisher_names(packs: Sequence[Pack]) -> tuple[str, ...]:
    """The names the packs' publishers go by (pack name, publisher, own site names)."""
    names = (name for pack in packs for name in (pack.publisher, pack.name, *pack.own_site.names))
    return tuple(dict.fromkeys(name for name in names if sum(c.isalpha() for c in name) >= 4 and not name.startswith("(")))


# How many places with look-alike letters of the same script are reported in full: the rest are one warning
# that counts them. A page pasted through a filter that swapped a letter everywhere has thousands,
# each the same advice; past the first few they tell the editor only how many there are. One place
# more is reported in full too: a warning that counts one place says no less than that place's own.
LOOK_ALIKES_IN_FULL = 5
_LOOK_ALIKE_HELP = (
    "A reader sees the same word, but search engines, screen readers and the publisher's own checks do not: a name or credit"
    " disguised this way hides the story's origin."
)


def _look_alike_findings(doc: Document, disguises: Sequence[tuple[int, Disguise]], pack: str) -> list[Finding]:
    """A warning per disguised word, naming each look-alike letter and where it is, for the first
    `LOOK_ALIKES_IN_FULL` words whose look-alike letters are of the same script or scripts
    (`LookAlike.script`: a text pasted through one filter swaps several Cyrillic letters, each
    word a different few), in page order; past them (two or more), one warning for that kind that
    counts the other places and names their letters and words, placed at the first of them."""
    kinds: dict[tuple[str, ...], list[tuple[int, Disguise]]] = {}
    for index, disguise in disguises:
        kind = tuple(sorted({letter.script for letter in disguise.letters}))
        kinds.setdefault(kind, []).append((index, disguise))
    findings = []
    for places in kinds.values():
        in_full = len(places) if len(places) <= LOOK_ALIKES_IN_FULL + 1 else LOOK_ALIKES_IN_FULL
        for index, disguise in places[:in_full]:
            where = _look_alike_places(doc, index, disguise)
            letters = "; ".join(f"{letter.described} at {location}" for letter, location in where)
            findings.append(
                Finding(
                    LOOK_ALIKE_RULE,
                    Severity.WARNING,
                    f'Look-alike letters make "{disguise.word}" read as "{disguise.seen}": {letters}.',
                    f'Write "{disguise.seen}" in plain Latin letters. {_LOOK_ALIKE_HELP}',
                    where[0][1],
                    disguise.word,
                    pack,
                    "look-alike letters",
                )
            )
        if len(places) > in_full:
            findings.append(_more_look_alikes(doc, places[in_full:], pack))
    return findings


def _look_alike_places(doc: Document, index: int, disguise: Disguise) -> list[tuple[LookAlike, Location]]:
    """Each look-alike letter of a disguised word with where it is in the source (its block's
    place when the word is not there as written)."""
    anchor = doc.locate(doc.item_at(index))
    after = offset_at(doc.lines_source, anchor.line, anchor.column)
    return [(letter, source_position(doc.lines_source, disguise, letter, after=after) or anchor) for letter in disguise.letters]


def _more_look_alikes(doc: Document, rest: Sequence[tuple[int, Disguise]], pack: str) -> Finding:
    """The one warning for the places past the first few with look-alike letters of the same
    script: how many, which letters (in the order met), and the words as written and as read (the
    most frequent first, five at most), placed at the first of them."""
    index, first = rest[0]
    letters = ", ".join(dict.fromkeys(letter.described for _, disguise in rest for letter in disguise.letters))
    scripts = " and ".join(script.title() for script in sorted({letter.script for letter in first.letters}))
    counts: dict[tuple[str, str], int] = {}
    for _, disguise in rest:
        counts[(disguise.word, disguise.seen)] = counts.get((disguise.word, disguise.seen), 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    words = "; ".join(f'"{word}" read as "{seen}" {counted(count, "time")}' for (word, seen), count in ranked[:5])
    if len(ranked) > 5:
        words += f"; {counted(len(ranked) - 5, 'other word')}"
    places = len(rest)
    return Finding(
        LOOK_ALIKE_RULE,
        Severity.WARNING,
        f"And {counted(places, 'more place')} with {scripts} look-alike letters from here on, {letters}: {words}.",
        "Write these words in plain Latin letters (search the page for the letters named, and replace each with the Latin letter"
        f" it stands for). {_LOOK_ALIKE_HELP}",
        _look_alike_places(doc, index, first)[0][1],
        first.word,
        pack,
        f"look-alike letters, {counted(places, 'more place')}",
    )


def _bidi_findings(doc: Document, tricks: Sequence[BidiTrick], pack: str) -> list[Finding]:
    """A warning per text whose bidirectional controls reverse Latin letters or sit in a
    publisher's name, naming each control and where it is."""
    findings = []
    for trick in sorted(tricks, key=lambda t: t.item):
        anchor = doc.locate(doc.item_at(trick.item))
        at = offset_at(doc.lines_source, anchor.line, anchor.column)
        where = []
        for control in trick.controls:
            found = _control_in_source(doc.lines_source, control.char, at)
            if found is None:
                where.append(f"{control.described} at {anchor}")
                continue
            at = found + 1
            where.append(f"{control.described} at {location_at(doc.lines_source, found)}")
        listed = "; ".join(where)
        if trick.name:
            message = f'Bidirectional control characters sit in a text that names "{trick.name}" ({quoted(trick.seen, 80)}): {listed}.'
        else:
            message = f"Bidirectional control characters make {quoted(without_controls(trick.written), 80)} read as {quoted(trick.seen, 80)}: {listed}."
        findings.append(
            Finding(
                BIDI_RULE,
                Severity.WARNING,
                message,
                "Remove the invisible bidirectional control characters and write the text in the order readers should read it. They"
                " change the order a reader sees letters and words in: a name laid out backwards does not credit the publisher, and"
                " controls inside a credit hide that it was altered.",
                anchor,
                shorten(trick.seen, 120),
                pack,
                "bidirectional control characters",
            )
        )
    return findings


# How fast a reader reads a story, in words a minute (the mean silent reading rate of adults
# reading non-fiction in English: Brysbaert, "How many words do we read per minute?", 2019).
READING_WORDS_PER_MINUTE = 238


def _redirect_findings(doc: Document, pack: str) -> list[Finding]:
    """A warning when the page's refresh (`refresh.redirecting_refresh`) sends its reader to
    another page before they could have read the story (within its reading time at
    `READING_WORDS_PER_MINUTE`, the story's words in the article region): what they read there,
    not this page's credits, is what they see. [] otherwise."""
    from compliance.document.refresh import redirecting_refresh

    refresh = redirecting_refresh(doc)
    if refresh is None:
        return []
    words = sum(word_count(block.text) for block in doc.blocks if block.in_article)
    reading = words * 60 / READING_WORDS_PER_MINUTE
    if refresh.seconds > reading:
        return []
    after = "at once" if refresh.seconds == 0 else f"after {counted(refresh.seconds, 'second')}"
    minutes = max(1, round(reading / 60))
    return [
        Finding(
            REDIRECT_RULE,
            Severity.WARNING,
            f'The page sends its readers to {quoted(refresh.url, 100)} {after} (a <meta http-equiv="refresh">), before they could read'
            f" the story (about {counted(minutes, 'minute')} at {READING_WORDS_PER_MINUTE} words a minute): what they see is that page,"
            " not this one and its credits.",
            "Remove the refresh, or check the page it sends readers to: the credits the terms require must be on the page readers read.",
            doc.locate_element(refresh.element),
            shorten(refresh.address, 120),
            pack,
            "a refresh to another page",
        )
    ]


def _control_in_source(source: str, char: str, after: int) -> int | None:
    """Where a control character is written in the source from `after` on: the character itself,
    or a character reference to it (`&#x202E;`, `&#8238;`, `&rlm;`)."""
    literal = source.find(char, after)
    named = {"\u200e": "|lrm;", "\u200f": "|rlm;"}.get(char, "")
    reference = re.compile(rf"&(?:#(?:[xX]0*{ord(char):x}|0*{ord(char)});?{named})", re.IGNORECASE).search(source, after)
    candidates = [at for at in (literal if literal >= 0 else None, reference.start() if reference else None) if at is not None]
    return min(candidates) if candidates else None


def deep_nesting_message(line: int) -> str:
    """The `deep-nesting` notice of a page whose elements nest deeper than a browser nests them,
    from `line` on."""
    return (
        f"elements nest more than {BROWSER_DEPTH_LIMIT} deep from line {line} (deeper than a browser nests them):"
        f" the positions of text nested that deep are approximate (it is placed at its ancestor at depth {BROWSER_DEPTH_LIMIT})"
    )


# The metadata key for the headline the publisher gave the story. Not `headline`: to a CMS and the
# editor's page that is the copy's own headline, which a rule would then compare with itself.
ORIGINAL_HEADLINE_KEY = "original_headline"


def _compared_instead(rule: Rule, pack: Pack, key: str, ctx: Context) -> tuple[str, ...] | None:
    """When the original story given stands in for the value `key` a rule needs (its headline for
    the `original_headline` not given), the ids of the pack's rules that compare it instead (an
    `original-headline` check of the original, not `source: metadata`): the rule is then not
    reported missing its value. None when the original does not stand in for `key`."""
    if key != ORIGINAL_HEADLINE_KEY or key in ctx.meta or ctx.original is None or ctx.original.headline is None:
        return None
    from compliance.checks import compares_with_original

    return tuple(
        other.id
        for other in pack.rules
        if other.id != rule.id and any(check.kind == "original-headline" and compares_with_original(check) for check in iter_checks(other.check))
    )


def _stand_in_left_out(instead: Sequence[str]) -> str:
    """Why a rule whose value the original story stands in for was not checked when none of the
    rules that compare the original instead (`_compared_instead`) is checked either."""
    if not instead:
        return "the original story given is compared with instead (its own headline), and no rule of the pack compares it"
    rules = ", ".join(instead)
    return f"the original story given is compared with instead (its own headline), by {rules}, which was not selected: select {rules} too"


def _missing_meta_notice(rule: Rule, pack: Pack, key: str, ctx: Context) -> Notice:
    """The `missing-meta` notice for a rule that needs the article's value `key`."""
    unreadable = unreadable_reason(ctx.meta, key)
    if unreadable:
        # Given in a form that is not one value (a list, a mapping): where, and what to write.
        return Notice("missing-meta", f"rule {rule.id} not checked: {unreadable}", (rule.id,))
    if key in ctx.meta:
        # Given empty (`--meta reporter=`, a blank field) is no value, and says so: it also
        # hides the article's own value from weaker sources (front matter, a sidecar).
        return Notice("missing-meta", f"rule {rule.id} not checked: it needs the article's '{key}', which is empty", (rule.id,))
    if key != ORIGINAL_HEADLINE_KEY:
        wanted = f"rule {rule.id} not checked: it needs the article's '{key}' ({ctx.advice.give(key)})"
        return Notice("missing-meta", wanted + _near_key_said(ctx.meta, key), (rule.id,))
    how = f"{ctx.advice.give(key)}, or {ctx.advice.give_original_instead()}"
    wanted = f"rule {rule.id} not checked: it needs the headline {pack.publisher} gave the story ({how})"
    if ctx.meta.get("headline", "").strip():
        # `headline` once meant the original's here: a value given that way is not taken for it.
        wanted += "; 'headline' is this copy's own headline, which is not compared with itself"
    return Notice("missing-meta", wanted + _near_key_said(ctx.meta, key), (rule.id,))


def _near_key_said(meta: Mapping[str, str], key: str) -> str:
    """ "; the key 'ORİGİNAL_HEADLINE' given is not read as 'original_headline' — did you mean
    'original_headline'?" when a key given looks like `key` without being it (`near_key`: a
    misspelling, a Turkish dotted capital İ), else nothing: the value was given, under a key no
    rule reads."""
    from compliance.display import visible
    from compliance.metavalues import near_key

    near = near_key(meta, key)
    return f"; the key '{visible(near)}' given is not read as '{key}' — did you mean '{key}'?" if near is not None else ""


# The metadata keys that give the original story's address (a CMS payload's, the editor's page's).
ORIGINAL_URL_KEYS = ("original_url", "original-url")


def _applied_by_original(
    detections: tuple[Detection, ...], packs: Sequence[Pack], ctx: Context, wanted: str
) -> tuple[tuple[Detection, ...], list[Notice], str | None]:
    """The detections with every pack whose publisher's own site the given original is on
    applied, a notice for each pack applied that way, and why the original is refused (None
    when it is not).

    A copy stripped of every credit carries none of the publisher's markers, but the editor who
    names a ProPublica story as its original says whose terms it is under. Not for a pack whose
    own page the copy itself is (an original, not a republication), nor for an original on no
    pack's site (`detect.original_publisher` decides, from the address given and the original's
    own canonical URL, og:url and og:site_name). Nor when the copy's own credits apply another
    publisher's pack and the original read shares no text with the copy (`_shares_text`): an
    original of one publisher given for a copy of another's story is most likely the wrong file or
    address, and an `original-mismatch` notice says so rather than holding the copy to both
    publishers' terms; so too when only its address is given (`original_url`), which cannot tell
    more. A story two publishers published together (the copy credits one, the original read is
    the other's, and their text is the same) keeps both. Nor, whatever the
    copy's own credits (none left, or its own publisher's), when the original read shares no text,
    headline or reporter with the copy (`_unrelated`): its `original-mismatch` notice says the
    original's pack is not applied on its account.
    """
    addresses = [wanted, *(ctx.meta.get(key, "").strip() for key in ORIGINAL_URL_KEYS)]
    if ctx.original is None and not any(addresses):
        return detections, [], None
    by_pack = {p.id: p for p in packs}
    credited = [by_pack[d.pack] for d in detections if d.applied]
    updated: list[Detection] = []
    notices: list[Notice] = []
    refused: str | None = None
    unrelated: bool | None = None  # asked once, of the first pack the original names
    for detection in detections:
        pack = by_pack[detection.pack]
        reason = "" if detection.applied or detection.own_page else original_publisher(pack.own_site, ctx.original, addresses)
        others = [p for p in credited if p.publisher != pack.publisher]
        if reason and others and (ctx.original is None or not _shares_text(ctx.doc, ctx.original)):
            notices.append(Notice("original-mismatch", _mismatch_message(pack, reason, others, ctx.advice)))
            refused = refused or ORIGINAL_OF_ANOTHER_PUBLISHER
        elif reason and ctx.original is not None and (unrelated if unrelated is not None else (unrelated := _unrelated(ctx.doc, ctx.original))):
            notices.append(Notice("original-mismatch", _unrelated_message(pack, reason, ctx.original, ctx.advice)))
            refused = refused or ORIGINAL_OF_ANOTHER_STORY
        elif reason:
            why = f"the original given is {possessive(pack.publisher)} story ({reason}), whatever credits the copy carries"
            detection = dataclasses.replace(detection, applied=True, confidence=1.0, by_original=why)
            notices.append(Notice("original-publisher", f"the {pack.id} pack applies because {why}"))
        updated.append(detection)
    return tuple(updated), notices, refused


def _unrelated_message(pack: Pack, reason: str, original: Document, advice: Advice) -> str:
    """The `original-mismatch` notice for an original of `pack`'s publisher that shares no text,
    headline or reporter with the copy (`_unrelated`), naming it by its headline when it has one,
    and what to give in `advice`'s words."""
    named = f" ({quoted(original.headline.text, 80)})" if original.headline is not None else ""
    return (
        f"the original given{named} is {possessive(pack.publisher)} story ({reason}), but it shares no text, headline or reporter"
        f" with this copy: it is most likely another story, so the {pack.id} pack is not applied on its account and nothing is compared"
        f" with it; {advice.give_own_original()}"
    )


def _mismatch_message(pack: Pack, reason: str, credited: Sequence[Pack], advice: Advice) -> str:
    """The `original-mismatch` notice: the original given is `pack`'s publisher's story, while the
    copy's own credits apply the `credited` packs of other publishers; what to give in `advice`'s
    words."""
    publishers = " and ".join(dict.fromkeys(p.publisher for p in credited))
    ids = ", ".join(p.id for p in credited)
    return (
        f"the original given is {possessive(pack.publisher)} story ({reason}), but this copy credits {publishers}"
        f" (the {ids} pack{'s' if len(credited) > 1 else ''} applied on its own credits): the {pack.id} pack is not applied on the original's account,"
        f" and nothing is compared with that story; {advice.give_own_original()}"
    )


def _not_applicable_notice(ctx: Context, rule: Rule) -> Notice:
    """The `not-applicable` notice for a rule selected by name whose `when` did not hold: which
    condition, in the words findings use (`describe_check`), and why it failed when the check says."""
    from compliance.checks.base import describe_check

    when = rule.when
    assert when is not None  # only a rule with a condition is reported so
    # A `not` condition's own detail speaks of a check that failed ("… is there, and must not be"):
    # for a condition, what the copy has is the reason.
    why = f"the copy has {describe_check(when.params)}" if when.kind == "not" else str(ctx.run(when).detail or "")
    condition = f"rule {rule.id}, selected by name, does not apply to this copy: its condition ({describe_check(when)}) does not hold"
    return Notice("not-applicable", condition + (f": {why}" if why else ""))


# How many of the original's five-word sequences a copy must share to be a copy of it: a trimmed or
# edited copy shares dozens, and another story none (`_shares_text`).
_SHARED_SHINGLES = 20


def _shares_text(copy: Document, original: Document) -> bool:
    """Whether the copy's article shares text with the original's: `_SHARED_SHINGLES` of the
    original's word 5-grams, the audit's shingles (all of them, for an original that has fewer)."""
    theirs = _article_shingles(original)
    return len(theirs & _article_shingles(copy)) >= min(_SHARED_SHINGLES, len(theirs))


def _article_shingles(doc: Document) -> frozenset[str]:
    """The audit's shingles of a document's article text (`audit.matching.shingles`), worked out
    once per document: the copy and its original are compared by them more than once."""
    found: frozenset[str] | None = doc._memo.get("article_shingles")
    if found is None:
        # Imported here: only a check given an original reaches it (the module's MinHash library is
        # imported by the audit's own functions alone).
        from compliance.audit.matching import shingles

        found = doc._memo["article_shingles"] = shingles(" ".join(block.text for block in doc.article_blocks))
    return found


def is_the_copy(copy: Document, original: Document) -> bool:
    """Whether the original given is the copy itself: the same file, or a file (an upload, stdin)
    with the same text, of the same kind."""
    return copy.kind == original.kind and copy.source == original.source


# The `original-unavailable` notice of an original that is the copy itself (`is_the_copy`).
def the_copy_itself(advice: Advice) -> str:
    """The note of an original story given that is the copy itself, with how to give the real one
    in `advice`'s words."""
    return f"original story not compared: the original given is this copy itself (the same text), not the story it republishes ({advice.give_original()})"


def republication_given(original: Document, packs: Sequence[Pack], today: datetime.date, read_at: datetime.datetime | None) -> tuple[str, str] | None:
    """Why the original given is itself a republication, in words ("its syndication-source names
    https://www.propublica.org/article/…"), and the address of the story it names as its source
    ("" when it names none); None when it is not one. It is one when its head names another page as the story's source (a
    `syndication-source` or `original-source` meta tag whose address is neither its canonical URL
    nor its og:url, as a republishing plugin writes it), or it names its own address (og:url, else
    its canonical URL) on a site that is not a publisher's own while a reader sees that
    publisher's credit line on it (a pack's `republication-markers`, as detection reads them: not
    one only in a "Republish this story" box). A page with no address of its own (a saved story,
    a Markdown file) is taken as given."""
    from compliance.urls import is_http_url, on_host, same_page, url_host

    own = original.own_addresses
    for name in ("syndication-source", "original-source"):
        for source in original.meta.get(name, ()):
            if is_http_url(source) and not any(same_page(source, page) for page in own):
                return f"its {name} names {shorten(source, 100)}", source.strip()
    address = next((url for url in (*original.meta.get("og:url", ()), *original.canonical) if is_http_url(url)), "")
    host = url_host(address) if address else None
    if not host:
        return None
    seen = Context(original, {}, None, today=today, read_at=read_at)
    for pack in packs:
        if pack.own_site.domains and not on_host(host, pack.own_site.domains) and pack.own_site.republication_markers and shows_republication(seen, pack):
            return f"it is on {host} and shows {possessive(pack.publisher)} credit line", ""
    return None


# Why the rules that compare with the original are not checked after an `original-mismatch`.
ORIGINAL_OF_ANOTHER_PUBLISHER = "the original given is another publisher's story than the one this copy credits (see the original-mismatch note)"
ORIGINAL_OF_ANOTHER_STORY = "the original given is most likely another story than this copy's (see the original-mismatch note)"
ORIGINAL_REPUBLISHED = "the original given is itself a republication, not the publisher's story (see the original-unavailable note)"
# Where the address of the publisher's story that such a republication names comes from, in words.
NAMED_BY_THE_REPUBLICATION = "the syndication-source of the republication given as the original"


def republication_given_note(why: str, advice: Advice) -> str:
    """The `original-unavailable` note of an original given that is itself a republication (`why`
    in words: `_republication_given`), with how to give the publisher's story in `advice`'s words."""
    return f"original story not compared: the original given is itself a republication ({why}), not the publisher's story ({advice.give_original()})"


def _another_story(copy: Document, original: Document) -> bool:
    """Whether the original given is most likely another story than the copy's: both have text
    enough to tell (`_SHARED_SHINGLES` shingles each), the copy's article shares fewer than that
    with the original's, and less than a tenth of the shorter of the two, its headline is not the original's, and it
    is in the original's language (`languages.language_of` tells both) or, where the language is
    not told, its bylines credit none of the original's reporters. A translation
    (`languages.translated`) shares no text, and a copy whose byline was changed keeps its text:
    each is still compared with the original."""
    # A short text (a page whose article was not read, a stub, a copy cut to its lead) says too
    # little to tell.
    theirs, ours = _article_shingles(original), _article_shingles(copy)
    if min(len(theirs), len(ours)) < _SHARED_SHINGLES or _text_in_common(theirs, ours) or _same_headline(copy, original):
        return False
    from compliance.checks.languages import language_of, translated

    theirs_words, ours_words = _article_words(original), _article_words(copy)
    if translated(theirs_words, ours_words) is not None:
        return False
    language = language_of(theirs_words)
    if language is not None and language_of(ours_words) == language:
        # Both in one language the checker tells, with no text in common: another story, even by
        # the same reporter (the likeliest wrong file is another of that reporter's stories).
        return True
    # A language not told (a script without spaces, a short text): the reporters must differ too.
    return not _reporter_in_common(copy, original)


def lends_nothing(copy: Document, original: Document, packs: Sequence[Pack] = ()) -> bool:
    """Whether the original given shows nothing of the copy's story, so that `fix` takes no fact
    from it (a reporter's name, an address) even where `_another_story` cannot tell (a short copy,
    a short original): both have article text and share none of the story's own
    (`_story_in_common`: no credit or licence line of `packs`' publishers, no stock phrase), their
    headlines differ, none of the copy's bylines credits one of the original's reporters, and the
    copy is no translation of it. A copy with no text of its own, or an original whose story was
    not read, says too little, and lends."""
    if not _article_shingles(original) or not _article_shingles(copy) or _same_headline(copy, original) or _reporter_in_common(copy, original):
        return False
    if _story_in_common(copy, original, packs):
        return False
    from compliance.checks.languages import translated

    return translated(_article_words(original), _article_words(copy)) is None


# The fewest words of the story's own (a sentence, stock phrases left out) that a copy must share
# with the original in one paragraph to show it the copy's story (`_story_in_common`): a lead of a
# dozen words does, a subject before a stock phrase ("The Department of Energy") does not.
_STORY_RUN_WORDS = 10
# Stock phrases of news writing, word for word in unrelated stories: no reply to a request for
# comment, a comment declined, a contribution to the report, a story still developing.
_STOCK_PHRASE = on_first_use(
    r"\b(?:did\s+not|didn['\u2019]t|could\s+not|couldn['\u2019]t|has\s+not|hasn['\u2019]t|have\s+not|haven['\u2019]t)\s+(?:yet\s+)?(?:immediately\s+)?"
    r"(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?)\s+to\s+(?:[^.!?]{0,80}?\s)?(?:a\s+|an\s+|the\s+)?(?:requests?|inquir(?:y|ies)|questions?|calls?|e-?mails?|messages?)\b"
    r"(?:\s+(?:for|seeking)\s+comment)?"
    r"|\b(?:declined|refused)\s+to\s+comment\b|\bcould\s+not\s+be\s+reached\s+for\s+comment\b|\brequests?\s+for\s+comment\b"
    r"|\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b|\bthis\s+is\s+a\s+developing\s+story\b",
    re.IGNORECASE,
)


def _story_in_common(copy: Document, original: Document, packs: Sequence[Pack]) -> bool:
    """Whether the copy shares text of the story's own with the original: `_SHARED_SHINGLES`
    shingles, or in one paragraph a run of `_STORY_RUN_WORDS` words outside stock phrases
    (`_STOCK_PHRASE`). A credit or licence line (a block that names one of `packs`' publishers or
    outlets, as DCNF's license paragraph and every credit line do) and a notice of the story's
    rights or the site's are boilerplate two stories of one publisher share, and count as none."""
    from compliance.audit.matching import SHINGLE_WORDS, shingles

    theirs = frozenset().union(*(shingles(text) for text in _story_texts(original, packs)))
    ours = [shingles(part) for text in _story_texts(copy, packs) for part in _STOCK_PHRASE().split(text)]
    if len(theirs & frozenset().union(*ours)) >= _SHARED_SHINGLES:
        return True
    return any(len(part & theirs) > _STORY_RUN_WORDS - SHINGLE_WORDS for part in ours)


def _story_texts(doc: Document, packs: Sequence[Pack]) -> list[str]:
    """The texts of a document's article blocks that are the story's own (`_story_in_common`)."""
    from compliance.checks.story import is_rights_notice, is_site_notice

    names = [name for pack in packs for name in (pack.publisher, *pack.outlets, *pack.own_site.names) if name]
    named = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in names), re.IGNORECASE) if names else None
    return [
        block.text
        for block in doc.article_blocks
        if not (named is not None and named.search(block.text)) and not is_rights_notice(block) and not is_site_notice(block)
    ]


def nothing_lent_message(original: Document, advice: Advice) -> str:
    """The `original-mismatch` notice of `fix` for an original that lends it nothing
    (`lends_nothing`), naming it by its headline when it has one."""
    named = f" ({quoted(original.headline.text, 80)})" if original.headline is not None else ""
    return (
        f"the original given{named} shares no text, headline or reporter with this copy: it may be another story,"
        f" so nothing is taken from it (no reporter's name, no link); {advice.give_own_original()}"
    )


def _unrelated(copy: Document, original: Document) -> bool:
    """Whether the original given shares nothing with the copy that would make it the copy's
    story, so that its publisher's pack is not applied on its account: the original has text
    enough to tell (`_SHARED_SHINGLES` shingles: a page whose story was not read says nothing),
    the copy has some, and it shares fewer than that and less than a tenth of the shorter of the
    two, its headline is not the original's, none of its bylines credits one of the original's
    reporters, and it is no translation of the original (`languages.translated`). A copy cut to
    its lead shares its lead, and a copy stripped of its credits keeps the story's text."""
    theirs, ours = _article_shingles(original), _article_shingles(copy)
    if len(theirs) < _SHARED_SHINGLES or not ours or _text_in_common(theirs, ours) or _same_headline(copy, original):
        return False
    if _reporter_in_common(copy, original):
        return False
    from compliance.checks.languages import translated

    return translated(_article_words(original), _article_words(copy)) is None


def _text_in_common(theirs: frozenset[str], ours: frozenset[str]) -> bool:
    """Whether two articles' shingles say they share text: `_SHARED_SHINGLES` of them, or a tenth
    of the shorter text's (a short story republished whole shares fewer and is the copy's own)."""
    shared = len(theirs & ours)
    return shared >= _SHARED_SHINGLES or shared * 10 >= min(len(theirs), len(ours))


def _same_headline(copy: Document, original: Document) -> bool:
    return copy.headline is not None and original.headline is not None and _headline_key(copy.headline.text) == _headline_key(original.headline.text)


def _reporter_in_common(copy: Document, original: Document) -> bool:
    """Whether one of the copy's bylines credits one of the original's reporters (`story.same_person`)."""
    from compliance.checks.story import same_person

    reporters = [name for byline in original.bylines for name in byline.names]
    credited = [name for byline in copy.bylines for name in byline.names]
    return any(same_person(name, reporter) or same_person(reporter, name) for name in credited for reporter in reporters)


def _article_words(doc: Document) -> list[str]:
    return [word for block in doc.article_blocks for word in block.text.split()]


def _headline_key(headline: str) -> str:
    """A headline as `_another_story` compares it: its words, in lower case, without punctuation."""
    return " ".join(re.findall(r"\w+", headline.casefold()))


def _another_story_message(original: Document, advice: Advice) -> str:
    """The `original-mismatch` notice for an original of the copy's own publisher that is another
    story (`_another_story`), naming it by its headline when it has one, and what to give in
    `advice`'s words."""
    named = f" ({quoted(original.headline.text, 80)})" if original.headline is not None else ""
    return (
        f"the original given{named} shares no text with this copy, nor its headline: it is most likely"
        f" another story, and nothing is compared with it; {advice.give_own_original()}"
    )


def _other_stories_notice(doc: Document, packs: Sequence[Pack], applied: Sequence[Pack]) -> list[Notice]:
    """The `other-stories` notices of a page of several stories: stories of their own beside the
    article checked (`region.other_stories`: only that one was checked, and the others' verdicts
    are not known), and stories inside it (`stories.stories_in_article`: every rule read them as
    one story, so a rule of one publisher judged another's story, and a story whose publisher's
    pack was not applied was not checked by it). Each story is named by its headline, line and
    byline; `packs` are those given, `applied` those that apply."""
    from compliance.document.stories import stories_in_article

    notices = []
    if doc.kind == "html" and doc.root is not None and doc.article_root is not None:
        from compliance.document.bylines import own_byline
        from compliance.document.region import other_stories

        beside = other_stories(doc.root, doc.article_root, doc.is_visible, own_byline)
        if beside:
            unchecked = _rules_of_publishers_named([story.byline or "" for story in beside], packs, applied)
            notices.append(Notice("other-stories", _stories_beside_message(doc, beside, applied), unchecked))
    within = stories_in_article(doc.blocks)
    if within:
        unchecked = _rules_of_publishers_named([story.byline for story in within], packs, applied)
        notices.append(Notice("other-stories", _stories_within_message(doc, within, packs, applied), unchecked))
    return notices


def _later_page_notice(page: StoryPage | None) -> list[Notice]:
    """The `later-page` notice of a page that is not the first of a story split over pages
    (`pagination.story_page`): what its publisher requires at the story's head is on the first
    page, which was not checked, so the head's findings may be the first page's to answer."""
    if page is None or page.number == 1:
        return []
    first = f" ({shorten(page.first, 120)})" if page.first else ""
    message = (
        f"{_which_page(page)} of a story split over pages ({shorten(page.evidence, 100)}, line {page.line}): what its publisher"
        f" requires at the story's head and this page lacks (a credit line, byline or logo) may be on the first page{first},"
        " which was not checked; check the first page too, or the whole story on one page"
    )
    # (Placed at its line: what told it may be a head link or a line of text, whose column is its start.)
    return [Notice("later-page", message, line=page.line, column=1 if page.line else 0)]


def _which_page(page: StoryPage) -> str:
    """ "page 2", or "a later page" when its number is not known."""
    return f"page {page.number}" if page.number else "a later page"


def _compares_whole_story(rule: Rule) -> bool:
    """Whether a rule compares the copy's whole text or links with the original's (`fidelity`,
    `original-links`): a page of a split story holds only part of them."""
    return any(check.kind in ("fidelity", "original-links") for check in iter_checks(rule.check))


def _split_story_reason(page: StoryPage) -> str:
    """Why the rules comparing the whole story with its original were not checked on a page of a
    split story (an `undecided` notice's reason)."""
    return (
        f"the page is {_which_page(page)} of a story split over pages ({shorten(page.evidence, 100)}, line {page.line}), and the"
        " original's text is compared with the whole story, whose other pages were not read: check its pages together, as"
        " one page (the site's single-page or print view), against the original"
    )


def _rules_of_publishers_named(bylines: Sequence[str], packs: Sequence[Pack], applied: Sequence[Pack]) -> tuple[str, ...]:
    """The ids of the rules of the packs not applied whose publisher one of `bylines` names: that
    publisher's story is on the page, and its rules were not checked (`--quiet` keeps the note,
    and the summary counts them)."""
    return tuple(rule.id for pack in packs if pack not in applied and any(_names_publisher(pack, byline) for byline in bylines) for rule in pack.rules)


def _story_named(headline: str, line: str, byline: str | None) -> str:
    """A story as an `other-stories` notice names it: its headline, where it is and its byline."""
    by = f", {shorten(byline, 80)}" if byline else ""
    return f"{quoted(headline, 80)} ({line}{by})" if headline else f"a story at {line}{by}"


def _stories_beside_message(doc: Document, beside: Sequence[OtherStory], applied: Sequence[Pack]) -> str:
    many = len(beside) > 1
    named = listed([_story_named(story.headline, f"line {story.line}", story.byline) for story in beside])
    said = [
        f"the page holds {len(beside)} other stor{'ies' if many else 'y'} beside the article checked (line {doc.article_line}): {named};"
        f" {'they were' if many else 'it was'} not checked"
    ]
    # A pack another story's byline names, and the article's own bylines do not, may apply on
    # that story's markers (its logo, its credit): its rules then judge a story not its publisher's.
    own = " ".join(byline.text for byline in doc.bylines)
    for pack in applied:
        if (theirs := [story for story in beside if _names_publisher(pack, story.byline or "")]) and not _names_publisher(pack, own):
            said.append(
                f"the {pack.id} rules judged the article checked, though it is the byline of {listed([quoted(story.headline, 60) for story in theirs])}"
                f" that names {pack.publisher}: their findings may be about the wrong story"
            )
    return "; ".join(said) + "; check each story as a page or file of its own"


def _stories_within_message(doc: Document, within: Sequence[StoryPart], packs: Sequence[Pack], applied: Sequence[Pack]) -> str:
    named = listed([_story_named(story.headline, f"lines {story.first_line}–{story.last_line}", story.byline) for story in within])
    said = [
        f"the article checked (line {doc.article_line}) holds {len(within)} stories, each under its own headline and byline: {named}",
        "every rule read them as one story, and a finding is about the story whose lines it is at",
    ]
    for pack in packs:
        # Whose story each is: its byline, or its own text (a license paragraph, a credit line).
        theirs = [story for story in within if _names_publisher(pack, story.text)]
        others = [story for story in within if story not in theirs]
        if pack in applied and theirs and others:
            judged = listed([quoted(story.headline, 60) for story in others])
            said.append(f"the {pack.id} rules also judged {judged}, which names no {pack.publisher}")
        elif pack not in applied and (by_line := [story for story in within if _names_publisher(pack, story.byline)]):
            written = _byline_publisher(pack, by_line[0].byline) or pack.publisher
            named = listed([quoted(story.headline, 60) for story in by_line])
            said.append(f"the byline of {named} names {written}, whose rules (the {pack.id} pack) were not applied to it")
    return "; ".join(said) + "; check each story as a page or file of its own"


def _names_publisher(pack: Pack, text: str) -> bool:
    """Whether `text` (a byline, a story's text) names `pack`'s publisher: one of its
    `publisher_names`, as a whole word."""
    return _byline_publisher(pack, text) is not None


def _byline_publisher(pack: Pack, byline: str) -> str | None:
    """The name of `pack`'s publisher as `byline` writes it; None when it names none."""
    for name in publisher_names([pack]):
        if (found := re.search(rf"(?<!\w){re.escape(name)}(?!\w)", byline, re.IGNORECASE)) is not None:
            return found.group(0)
    return None


def _hidden_marker_notices(detections: Sequence[Detection]) -> list[Notice]:
    """A notice per pack applied on markers no reader sees (a hidden credit line): the editor is
    told why the pack applies to a page that shows nothing of the publisher's."""
    notices = []
    for detection in detections:
        if detection.applied and detection.hidden:
            hidden = [label for marker, label in zip(detection.markers, detection.labels, strict=True) if marker in detection.hidden]
            notices.append(Notice("hidden-markers", f"the {detection.pack} pack applies on what the page hides from readers: {'; '.join(hidden)}"))
    return notices


def _timed_out_rule_finding(rule: Rule, exc: PatternTimeout, location: Location) -> Finding:
    """The finding of a rule whose pattern ran out of time (`PatternTimeout`): not evaluated,
    which fails the document as not fully checked (`Report.not_fully_checked`). Its evidence is
    the opening of the text the pattern could not search in time, with its length; what to do is
    the page's to mend for a built-in pack's rule (the pattern is syndcheck's), the pattern's to
    simplify for a pack the user wrote."""
    length = f"{exc.length:,} characters"
    if rule.built_in:
        fix = (
            f"The page holds a text of {length} (one line of text, or one attribute's value) that this rule could not search in time:"
            " find it by the words quoted and shorten it, or break it into paragraphs, then check the page again; the other rules were checked."
        )
    else:
        fix = f"Simplify the pattern in {rule.origin}:{rule.line} (nested repetition such as '(a+)+' backtracks without end); the other rules were checked."
    return Finding(
        rule.id,
        rule.severity,
        f"Rule {rule.id} was not evaluated: its pattern ran past the {shown_limit(exc.limit)} s time limit on a text of {length}.",
        fix,
        location,
        f"{shorten(normalize_inline(exc.opening), 50)} ({length})" if exc.opening.strip() else None,
        rule.pack,
        PATTERN_TIME_LIMIT,
    )


def _timed_out_marker_notices(detections: Sequence[Detection], packs: Sequence[Pack], advice: Advice) -> list[Notice]:
    """A notice per detection marker whose pattern ran out of time. Of a pack that was not
    applied, the marker may have fired: the pack's rules are named not checked (the document was
    not fully checked, `Report.not_fully_checked`), and the editor is told how to check them. On
    a page on the publisher's own site (`Detection.own_page`) the marker is a republication
    marker: the page may be a copy whose rules were not checked. Of a pack applied all the same,
    the notice only says so. `advice` says how to name the pack where the notice is read (`--pack`,
    the API's `pack`, the page's Packs box)."""
    by_id = {pack.id: pack for pack in packs}
    notices = []
    for detection in detections:
        pack = by_id.get(detection.pack)
        unchecked = tuple(rule.id for rule in pack.rules) if pack is not None and not detection.applied else ()
        built_in = pack is None or pack.built_in
        limits = dict(zip(detection.timed_out, detection.time_limits, strict=False))
        for marker in detection.timed_out:
            # The limit grows with the length of the text searched (`patterns.time_limit`).
            limit = f"its pattern exceeded the {shown_limit(limits.get(marker, MATCH_TIMEOUT))} s time limit"
            if detection.own_page:
                message = _own_site_time_limit(marker, detection.pack, limit, advice, built_in=built_in, origin=pack.origin if pack else "")
            elif unchecked:
                mend = "shorten a very long line or attribute value on the page, or break it into paragraphs"
                if not built_in and pack is not None:
                    mend = f"simplify the pattern in {pack.origin}"
                message = (
                    f"detection marker {marker} of pack {detection.pack} not evaluated: {limit}, so the document was not fully checked:"
                    f" it may be a republication whose {detection.pack} rules were not checked; {advice.name_pack(detection.pack)}, or {mend}"
                )
            else:
                message = f"detection marker {marker} of pack {detection.pack} not evaluated: {limit} (the pack applies all the same)"
            notices.append(Notice(MARKER_TIME_LIMIT, message, unchecked))
    return notices


def _headline_not_compared(ctx: Context, applied: Sequence[Pack], concluded: Set[str]) -> list[Notice]:
    """The `headline-not-compared` notice: the copy was compared with its original story (a
    `fidelity` rule concluded) and its headline differs from the original's beyond style (as
    `original-headline` reads it), but no applied pack compares headlines: its publisher's terms,
    as encoded, do not say whether a republisher may change one (ProPublica's), and the editor is
    told so rather than left to take the pass for the headline's."""
    original, doc = ctx.original, ctx.doc
    if original is None or original.headline is None or doc.headline is None:
        return []
    checks = [(pack, rule, [c.kind for c in iter_checks(rule.check)]) for pack in applied for rule in pack.rules]
    if any("original-headline" in kinds for _, _, kinds in checks):
        return []
    comparing = [pack for pack, rule, kinds in checks if "fidelity" in kinds and rule.id in concluded]
    if not comparing:
        return []
    from compliance.checks.fidelity_compare import style_only

    theirs, ours = normalize_inline(original.headline.text), normalize_inline(doc.headline.text)
    change = style_only(theirs, ours)
    if change is None:
        return []
    publisher = comparing[0].publisher
    return [
        Notice(
            "headline-not-compared",
            f'the headline "{shorten(ours, 120)}" differs from the original\'s "{shorten(theirs, 120)}" ({shorten(change, 120)}), which is not'
            f" compared: {publisher}'s terms, as encoded here, do not say whether a republisher may change the headline",
        )
    ]


def _timed_out_addition_notices(ctx: Context, applied: Sequence[Pack], findings: Sequence[Finding]) -> list[Notice]:
    """An `addition-time-limit` notice per rule comparing the copy with its original (`fidelity`)
    that found differences while a check of what the terms require a republisher to add ran out
    of time (`additions.timed_out_additions`): a credit line it would have found may be among the
    paragraphs the rule calls added. Nothing when the comparison found none: leaving out more
    text adds no difference."""
    from compliance.checks.additions import timed_out_additions
    from compliance.packs import iter_checks

    failed = {f.rule for f in findings}
    comparing = sorted({rule.id for pack in applied for rule in pack.rules if rule.id in failed and any(c.kind == "fidelity" for c in iter_checks(rule.check))})
    unknown = timed_out_additions(ctx) if comparing else ()
    if not unknown:
        return []
    patterns = ", ".join(f"'{source}'" for source in unknown)
    return [
        Notice(
            "addition-time-limit",
            f"rule {rule_id} may count text the terms require as added: {'patterns' if len(unknown) > 1 else 'pattern'} {patterns}"
            f" of what they require exceeded {'their' if len(unknown) > 1 else 'its'} time limit, so what {'they' if len(unknown) > 1 else 'it'} would find"
            " was not left out of the comparison with the original; simplify the pattern",
        )
        for rule_id in comparing
    ]


def _own_site_time_limit(marker: str, pack: str, limit: str, advice: Advice, *, built_in: bool, origin: str) -> str:
    mend = "" if built_in else f" or simplify the pattern in {origin}"
    return (
        f"republication marker {marker} of pack {pack} not evaluated: {limit}; the page, taken as the publisher's own original,"
        f" may be a republication whose rules were not checked: {advice.name_pack(pack)}{mend}"
    )


def _base_pack_notices(chosen: Sequence[Pack], advice: Advice) -> list[Notice]:
    """A `base-pack` notice for each base pack named to check the copy on its own (no chosen pack
    extends it): its shared rules were checked, none of a publisher's terms. A base pack has no
    detection markers and is extended by another pack (`Pack.extended_by`); a CMS payload or a
    configuration that names it alone would otherwise pass a copy its publisher's rules fail.
    `advice` says where the packs are listed."""
    extended = {parent for pack in chosen for parent in pack.extends}
    return [
        Notice(
            "base-pack",
            f"{pack.id} is a base pack: only the rules publishers share were checked, none of a publisher's terms;"
            f" name the publisher's pack ({advice.packs_listed()}) or leave the packs out so the copy's credits choose",
        )
        for pack in chosen
        if pack.extended_by and not pack.markers and pack.id not in extended
    ]


def _own_page_notices(ctx: Context, packs: Sequence[Pack], detections: Sequence[Detection], *, auto_detect: bool, path: str) -> list[Notice]:
    """A notice per pack whose publisher's own site the page is on.

    Detected: the pack was not applied. Asked for by name (`--pack`): its rules were checked as
    asked, and the notice says the page looks like an original all the same.
    """
    by_pack = {p.id: p for p in packs}
    if auto_detect:
        found = [(d.pack, d.own_page) for d in detections if d.own_page]
        outcome = "the {id} pack does not apply"
    else:
        found = [(p.id, reason) for p in packs if (reason := own_page(ctx.doc, p.own_site, page_url=path)) and not shows_republication(ctx, p, path=path)]
        outcome = "checked against the {id} pack because it was asked for"
    notices = []
    for pack_id, reason in found:
        site = possessive(by_pack[pack_id].publisher)
        notices.append(Notice("own-page", f"{OWN_PAGE}: {site} site, by {reason}; " + outcome.format(id=pack_id)))
    return notices


def with_metadata_fields(doc: Document, meta: Mapping[str, str], packs: Sequence[Pack]) -> Document:
    """The page as a CMS prints it from its payload's fields (`meta`): the `headline` field as the
    headline above a body that shows none of its own (`with_metadata_headline`), and the `byline`
    field as the byline under it (`with_metadata_byline`). `doc` itself when neither applies."""
    if meta.get("headline"):
        doc = with_metadata_headline(doc, str(meta["headline"]))
    if not doc.bylines and meta.get("byline"):
        doc = with_metadata_byline(doc, str(meta["byline"]), outlets=frozenset(o for p in packs for o in p.outlets))
    return doc


def article_meta(doc: Document, *, meta: Mapping[str, str] | None, default_meta: Mapping[str, str] | None) -> dict[str, str]:
    """The article's metadata, weakest first: `default_meta`, the document's front matter, `meta`.
    An address (a key ending in `-url` or `_url`) from the first two that is not an http(s) URL is
    left out, as `--meta` refuses it (`refused_addresses` says so, once per key). A key is read
    with `-` or `_` alike, a stronger source's value winning however either spells it
    (`metavalues.merged_meta`: `original-headline` gives the `original_headline` rules need)."""
    from compliance.metavalues import merged_meta

    return merged_meta(_http_addresses_only(default_meta or {}), _http_addresses_only(doc.front_matter), meta or {})


def _original_named_in(doc: Document, meta: Mapping[str, str] | None, default_meta: Mapping[str, str] | None) -> str:
    """Where the article's own metadata names the original story that `article_meta` reads (its
    front matter, else its metadata file), "" when the caller's metadata names it (an option, a
    request) or nothing does."""
    from compliance.metavalues import given_key, given_value

    if given_key(meta or {}, "original") is not None:
        return ""
    if str(given_value(doc.front_matter, "original")).strip():
        return "the article's front matter"
    if str(given_value(default_meta or {}, "original")).strip():
        return "the article's metadata file"
    return ""


def _address_problem(key: str, value: str) -> str | None:
    from compliance.fixtemplates import URL_KEY_SUFFIXES, address_problem

    return address_problem(value) if key.casefold().endswith(URL_KEY_SUFFIXES) else None


def _not_an_address(key: str, value: str) -> bool:
    return _address_problem(key, value) is not None


def _http_addresses_only(meta: Mapping[str, str]) -> Mapping[str, str]:
    if not any(_not_an_address(key, value) for key, value in meta.items()):
        return meta
    return {key: value for key, value in meta.items() if not _not_an_address(key, value)}


def refused_addresses(doc: Document, default_meta: Mapping[str, str] | None) -> list[Notice]:
    """One notice per address `article_meta` leaves out: `metadata 'original_url' from the front
    matter ignored: it must be an http(s) URL, got 'javascript:alert(1)'`."""
    notices: list[Notice] = []
    for where, meta in (("the metadata file", default_meta or {}), ("the front matter", doc.front_matter)):
        notices.extend(
            Notice("not-a-url", f"metadata '{key}' from {where} ignored: it {problem}")
            for key, value in meta.items()
            if (problem := _address_problem(key, value))
        )
    return notices


class CheckSettings(NamedTuple):
    """Everything checking one document takes besides the document (each as for `check_document`).

    `parse` then `check` is the one parse-and-check step: `check_bytes` runs it once, the fix
    planner once more for every candidate fix, so both read and judge a document the same way.
    """

    packs: Sequence[Pack]
    path: str
    auto_detect: bool = True
    meta: Mapping[str, str] | None = None
    default_meta: Mapping[str, str] | None = None
    severities: Mapping[str, Severity | None] | None = None
    timing: bool = False
    known_rules: Collection[str] | None = None
    load_original: Callable[[str], Document] | None = None
    outlets: frozenset[str] | None = None
    inline_suppressions: bool = True
    asked_for: frozenset[str] = frozenset()
    today: datetime.date | None = None
    read_at: datetime.datetime | None = None
    # Whether the blocks to paste are judged together (`check_document`'s `judge_blocks`): the fix
    # planner's trials, which show no block, go without.
    judge_blocks: bool = True
    # How the notices say to give what a rule lacks (`check_document`'s `advice`).
    advice: Advice = COMMAND_LINE_ADVICE

    def parse(self, data: bytes | str | Decoded, kind: DocumentKind) -> Document:
        """The document parsed once, knowing the outlet names (`outlets`, else the packs'): a
        byline naming one is not a reporter."""
        outlets = self.outlets if self.outlets is not None else frozenset(o for pack in self.packs for o in pack.outlets)
        return parse_document(data, kind, outlets=outlets)

    def check(self, doc: Document, *, original: Document | None = None, candidates: Candidates | None = None) -> Report:
        """`check_document` with these settings; `original`, when given, is used instead of reading
        one; `candidates`, the literal prefilter's answer for the page, spares detection markers
        that cannot fire."""
        return check_document(
            doc,
            self.packs,
            path=self.path,
            auto_detect=self.auto_detect,
            meta=self.meta,
            default_meta=self.default_meta,
            severities=self.severities,
            timing=self.timing,
            known_rules=self.known_rules,
            original=original,
            load_original=self.load_original,
            candidates=candidates,
            inline_suppressions=self.inline_suppressions,
            asked_for=self.asked_for,
            today=self.today,
            read_at=self.read_at,
            judge_blocks=self.judge_blocks,
            advice=self.advice,
        )


def check_bytes(
    data: bytes,
    kind: DocumentKind,
    packs: Sequence[Pack],
    *,
    path: str,
    auto_detect: bool = True,
    meta: Mapping[str, str] | None = None,
    default_meta: Mapping[str, str] | None = None,
    severities: Mapping[str, Severity | None] | None = None,
    timing: bool = False,
    known_rules: Collection[str] | None = None,
    load_original: Callable[[str], Document] | None = None,
) -> Report:
    """Check one document's bytes: skip binary files, parse once, then `check_document`."""
    settings = CheckSettings(
        packs=packs,
        path=path,
        auto_detect=auto_detect,
        meta=meta,
        default_meta=default_meta,
        severities=severities,
        timing=timing,
        known_rules=known_rules,
        load_original=load_original,
    )
    return check_with(data, kind, settings)


# The note of a document with nothing in it (white space or a byte-order mark alone too), and
# the end of the note of one that is binary data (an image, a PDF, NUL and control bytes) or an
# HTML report of syndcheck's own.
EMPTY_NOTE = "not checked: the file is empty"
NOT_AN_ARTICLE = ", not an article"
REPORT_NOTE = "not checked: the file is an HTML report syndcheck wrote, not an article"
# How far into a page its head is looked at for `findings.REPORT_GENERATOR`.
_REPORT_HEAD = 2048


def check_with(data: bytes | str, kind: DocumentKind, settings: CheckSettings) -> Report:
    """`check_bytes` with its settings as one value (what the runner builds once per file); the
    article may also be given as text (the API's `check_html(str)`), which is not decoded."""
    # Bytes are sniffed for a file type; text (a CMS payload's field, the API's string) for NULs
    # and control characters, as bytes are after a byte-order mark.
    binary = binary_kind(data) if isinstance(data, bytes) else binary_text(data)
    if binary is not None:
        return Report(path=settings.path, notices=(Notice("skipped", f"not checked: the file is {binary}{NOT_AN_ARTICLE}"),), checked=False)
    candidates: Candidates | None = None
    # (Timing reports the parse and detection steps, so it always takes them.)
    if isinstance(data, bytes) and kind == "html" and not settings.timing and _prefiltered(settings) and _plainly_utf8_page(data):
        # A UTF-8 page is read by the prefilter from its bytes; one no pack matches is reported
        # without ever being decoded into a text (the prefilter does not read it; the parse would).
        prefilter = prefilter_for(settings.packs)
        candidates = prefilter.scan_html_utf8(data, page_url=settings.path)
        if candidates.nothing and not candidates.suppression:
            # What `_unmatched_report` gives such a page (no guessed encoding, no front matter).
            return Report(path=settings.path, notices=(NO_PACK,), detections=prefilter.unmatched_detections, evaluated_rules=_evaluated_unmatched(settings))
    # Decoded once: the prefilter and the parse read the same text.
    decoded = as_decoded(data)
    if not decoded.text or decoded.text.isspace():
        # Nothing, white space, or a byte-order mark and nothing else (as an editor saves an
        # empty file: decoding drops the mark). `isspace` stops at the first other character,
        # where `strip` would copy the whole page.
        return Report(path=settings.path, notices=(Notice("skipped", EMPTY_NOTE),), checked=False)
    if kind == "html" and REPORT_GENERATOR in decoded.text[:_REPORT_HEAD]:
        # A report saved in the folder it checked (`--output html=report.html .`): checking it
        # would report the findings it shows, its article's, as its own.
        return Report(path=settings.path, notices=(Notice("skipped", REPORT_NOTE),), checked=False)
    if kind != "html" and (own := own_report(decoded.text)) is not None:
        # The same of a job summary, a text or a concise report (`--output github-summary=summary.md .`,
        # `syndcheck check . > report.txt`): they quote the credit lines and bylines they found.
        return Report(path=settings.path, notices=(Notice("skipped", f"not checked: the file is {own}, not an article"),), checked=False)
    try:
        return _check_decoded(decoded, kind, settings, candidates)
    except InputError as exc:
        # A document that refuses to be read (a front matter key given twice) is placed at its
        # line in the file, which the parse knows, and named by the article, which it does not.
        if exc.path is None and exc.line is not None:
            exc.path = settings.path
        raise


# How far into a UTF-8 page `_plainly_utf8_page` looks for `REPORT_GENERATOR`: the bytes of the
# first `_REPORT_HEAD` characters, at most four bytes each.
_REPORT_HEAD_BYTES = 4 * _REPORT_HEAD
_REPORT_GENERATOR_BYTES = REPORT_GENERATOR.encode()


def _plainly_utf8_page(data: bytes) -> bool:
    """Whether `data` is read as UTF-8 with no guess (`reads_as_utf8`) and is an HTML page to check:
    it holds a '<' (so it is not empty nor white space only) and no report of syndcheck's own
    starts it (`check_with` skips those)."""
    return b"<" in data and data.find(_REPORT_GENERATOR_BYTES, 0, _REPORT_HEAD_BYTES) < 0 and reads_as_utf8(data)


def _prefiltered(settings: CheckSettings) -> bool:
    """Whether the literal prefilter may spare the page detection: packs are detected, and no
    original is given (a file or URL, or only its address), which may apply its publisher's pack
    to a copy that carries none of the publisher's words: the prefilter cannot rule it out."""
    meta, default_meta = settings.meta or {}, settings.default_meta or {}
    return settings.auto_detect and not any(_names_the_original(given) for given in (meta, default_meta))


def _names_the_original(meta: Mapping[str, str]) -> bool:
    """Whether `meta` gives the original story or its address, under any spelling of the key."""
    from compliance.metavalues import given_key

    return any(given_key(meta, key) is not None for key in ("original", "original_url")) if meta else False


def _evaluated_unmatched(settings: CheckSettings) -> frozenset[str]:
    """The rules a page no pack matches is checked by: with no pack and no suppression comment,
    only the suppression checks ran (and found nothing)."""
    off = {rule for rule, level in (settings.severities or {}).items() if level is None}
    return frozenset(SUPPRESSION_RULES).difference(off) if settings.inline_suppressions else frozenset()


def _check_decoded(decoded: Decoded, kind: DocumentKind, settings: CheckSettings, candidates: Candidates | None = None) -> Report:
    """Check a decoded document; `candidates`, when given, are the prefilter's answer for it
    (`check_with` has read a UTF-8 page's bytes already)."""
    if candidates is None and _prefiltered(settings):
        candidates = prefilter_for(settings.packs).scan(decoded.text, kind, page_url=settings.path, utf8=decoded.utf8)
    # Timing reports the parse and detection steps, so it always takes them.
    if candidates is not None and candidates.nothing and not settings.timing:
        detections = prefilter_for(settings.packs).unmatched_detections
        evaluated = _evaluated_unmatched(settings)
        unmatched = _unmatched_report(
            decoded.text, decoded.reason, kind, detections, path=settings.path, suppression=candidates.suppression, evaluated=evaluated
        )
        if unmatched is not None:
            return unmatched
    started = time.perf_counter()
    doc = settings.parse(decoded, kind)
    parsed = time.perf_counter() - started
    report = settings.check(doc, candidates=candidates)
    return dataclasses.replace(report, timings=(("parse", parsed), *report.timings)) if settings.timing else report


NO_PACK = Notice("no-pack", "no rule pack applies to this document (no publisher's markers found)")


def _unmatched_report(
    source: str,
    reason: str,
    kind: DocumentKind,
    detections: tuple[Detection, ...],
    *,
    path: str,
    suppression: bool = True,
    evaluated: frozenset[str] = frozenset(),
) -> Report | None:
    """The report of a page on which the prefilter found no pack's words, built without the
    document model: what `check_document` reports for it. None when the page needs the model
    all the same: suppression comments (reported even with no pack), or an `original` in its
    front matter. (A page nested deeper than the parser reads is not cut off, and needs no
    notice: `document.nesting` reads it as a browser does.) `detections`: the packs' detections
    at confidence 0 (`Prefilter.unmatched_detections`); `suppression` False: the prefilter found
    that the page holds no suppression comment; `evaluated`: the report's `evaluated_rules`."""
    # The prefilter has searched the page for it: most pages are spared a search of their text.
    if suppression and "syndcheck-disable" in source:
        return None
    notices: list[Notice] = []
    if (guessed := decoded_as_message(reason)) is not None:
        notices.append(Notice("decoded-as", guessed))
    if kind != "html":
        # (Imported here, for the pages that have front matter: an import statement costs about
        # as much as the rest of this report, a page.)
        from compliance.document.plaintext import front_matter_notice, read_front_matter, split_front_matter

        front_matter, error = read_front_matter(split_front_matter(source)[0])
        if _names_the_original(front_matter):
            return None
        if error:
            notices.append(front_matter_notice(error, path))
    notices.append(NO_PACK)
    return Report(path=path, notices=tuple(notices), detections=detections, evaluated_rules=evaluated)


__all__ = ["MATCH_TIMEOUT", "CheckSettings", "article_meta", "check_bytes", "check_document", "check_with", "evaluate_rule", "interpolate"]
