"""Fix templates and the fix planner: put back the block a publisher's terms require.

A rule may carry a `fix:` (pack data, validated with the pack): the block to insert, in each
syntax it supports (HTML, Markdown, plain text), and where it goes — before or after the byline,
the headline, the story's first paragraph (`body`), its last paragraph (`end`), or the first match
of a check. Values the block needs (`{reporter}`, `{original-url}`, `{headline}`, `{meta.KEY}` or
a value the fix declares) come from the original story or the article's metadata (the original's
address, when neither gives it, from the page's own link back: `_address`), never invented.

Pure: bytes and packs in, a `FixPlan` out, whose `edits` are values (where in the original text,
what to insert). Nothing is rewritten but the name a wrong byline shows ("By Staff", initials alone: "By J. S."),
which the reporter's credit replaces, and a credit line's name cut to its initial ("This story by
D. Toktogulov …"), written out; every other byte stays as it was. A fix is
kept only when checking the document again shows its rule passing and no finding added, so after
the plan the same rules pass. Reading files and writing them is the edge's work (`fixing`).
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from compliance.checks import Check, Context, Undecided
from compliance.checks.base import describe_check
from compliance.checks.byline import reporters_byline
from compliance.checks.link import characters_named, link_backs_in, mislabelled_link, original_address_for, page_link_back
from compliance.checks.original_byline import not_reporters, reporters_and_credit, shortening_bylines
from compliance.checks.story import in_list_item, story_end
from compliance.checks.text import scope_blocks
from compliance.document import Block, Byline, Document, DocumentKind, Image
from compliance.document.bracket_links import NextOf, replace_bracketed
from compliance.document.byline_reading import has_opener
from compliance.document.elements import block_element, tag_name
from compliance.document.markdown import broken_link_address
from compliance.document.positions import line_starts, lines_by_lf, location_at, offset_at
from compliance.errors import OriginalUnavailable
from compliance.findings import START, Finding, FixBlock, Location, Notice, Report, Severity
from compliance.fixtemplates import (
    BUILT_IN_VALUES,
    ORIGINAL_DATE_KEY,
    ORIGINAL_URL_IN_THE_ARTICLE,
    PLACEHOLDER,
    REPLACE,
    FixTemplate,
    Side,
    ValueSource,
    address_written_in_markdown,
    day_given,
    day_written,
    is_amp_page,
    not_on_amp,
    words_written_in,
)
from compliance.metavalues import NamesMeta
from compliance.original_blocks import original_block
from compliance.packs import iter_checks
from compliance.patterns import MissingMeta, Pattern, PatternTimeout, PatternTooLarge
from compliance.text import listed, normalize_inline_keeping_controls, shorten
from compliance.urls import is_http_url, percent_encode_unsafe, url_form

if TYPE_CHECKING:
    from compliance.engine import CheckSettings
    from compliance.packs import Pack, Rule


@dataclass(frozen=True, slots=True)
class Edit:
    """One insertion: `text` goes at character `offset` of the original's decoded text (`line`),
    in place of the `removed` characters there (0: nothing is taken out). A replacement is only
    ever a wrong byline's name (`_byline_replacement`) or a credit line's cut one (`_names_written_out`)."""

    rule: str
    offset: int
    line: int
    text: str
    place: str
    # What the editor must still do about the block, or "": a plain-text copy's line that stands
    # for an image ("Daily Caller News Foundation logo") is a place holder for layout to fill.
    note: str = ""
    removed: int = 0
    # The last line of the text an edit takes out (a paragraph over several lines), or 0.
    last_line: int = 0
    # What an edit that only takes out takes, as its note says it (`_taken_said`): "line 7, the
    # <p> 'This story was …'", "the <li> '…' from line 7"; "" for any other edit.
    taken: str = ""

    @property
    def lines(self) -> str:
        """The lines of the file the edit takes out, in words: "line 26", "lines 26–28"."""
        return lines_said(self.line, self.last_line)


@dataclass(frozen=True, slots=True)
class Unfixed:
    """A failing rule whose fix was not applied, and why (the value to supply, or what went wrong)."""

    rule: str
    reason: str


@dataclass(frozen=True, slots=True)
class FixPlan:
    """What fixing one document would do: the edits, the fixed bytes, what stays unfixed, and the
    reports before and after."""

    original: bytes
    fixed: bytes
    edits: tuple[Edit, ...]
    unfixed: tuple[Unfixed, ...]
    before: Report
    after: Report
    text_before: str = ""
    text_after: str = ""

    def fixed_lines(self) -> tuple[int, ...]:
        """For each edit, the line (1-based) of the fixed text on which its block starts, past the
        line break that leads it: where an editor finds it in the file written. `Edit.line` is
        the place in the file as it was."""
        lines: list[int] = []
        added = 0
        # Lines counted as `check` counts them: a lone CR ends one as LF and CR LF do.
        before = lines_by_lf(self.text_before)
        for edit in self.edits:  # in the order of the text, as `_with_edit` keeps them
            text = lines_by_lf(edit.text)
            lead = len(text) - len(text.lstrip("\r\n"))
            lines.append(before.count("\n", 0, edit.offset) + 1 + added + text.count("\n", 0, lead))
            added += text.count("\n") - before.count("\n", edit.offset, edit.offset + edit.removed)
        return tuple(lines)

    def remaining(self, threshold: Severity = Severity.ERROR) -> int:
        """How many findings at or above `threshold` are left after the fixes."""
        return sum(1 for f in self.after.findings if f.severity >= threshold)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with the edits made (edits at the same offset keep their order)."""
    parts: list[str] = []
    last = 0
    for edit in sorted(edits, key=lambda e: e.offset):
        parts.append(text[last : edit.offset])
        parts.append(edit.text)
        last = edit.offset + edit.removed
    parts.append(text[last:])
    return "".join(parts)


def plan_fixes(data: bytes, kind: DocumentKind, settings: CheckSettings) -> FixPlan:
    """Plan the fixes of one document, checked with `settings` as `check` checks it: every failing
    rule whose pack gives a fix is tried, in pack order, until no more can be applied (a logo
    placed above a byline may need that byline first)."""
    from compliance.engine import article_meta, is_the_copy, lends_nothing, nothing_lent_message, with_metadata_fields

    # The trials show no block to paste: none is judged with the others (a check more each).
    settings = settings._replace(judge_blocks=False)
    first = settings.parse(data, kind)
    merged = article_meta(first, meta=settings.meta, default_meta=settings.default_meta)

    def printed(doc: Document) -> Document:
        # The page as the check reads it: with the headline and byline a CMS prints from its
        # `headline` and `byline` fields.
        return with_metadata_fields(doc, merged, settings.packs)

    first = printed(first)
    original = _read_original(merged.get("original", "").strip(), settings.load_original)
    # The copy given as its own original: the first check says so (`engine.is_the_copy`), and the
    # trials, whose pages differ from it, have no original either.
    itself = original is not None and is_the_copy(first, original)
    if itself:
        settings = settings._replace(load_original=None)

    def check(doc: Document) -> Report:
        return settings.check(doc, original=None if itself and doc is not first else original)

    before = check(first)
    if (
        original is not None
        and not itself
        and _refused_original(before) is None
        and lends_nothing(first, original, [pack for pack in settings.packs if pack.id in before.packs])
    ):
        # An original that shares nothing with the copy, too short for the check to call it
        # another story: no fact is taken from it (its reporter would be written in as this
        # copy's), and the note says so, as the check's own `original-mismatch` does.
        notice = Notice("original-mismatch", nothing_lent_message(original, settings.advice))
        original, settings = None, settings._replace(load_original=None)
        before = check(first)
        before = dataclasses.replace(before, notices=(notice, *before.notices))
    unchanged = FixPlan(data, data, (), (), before, before, first.source, first.source)
    rules = _rules_of(settings.packs, before.packs)
    affiliations = _affiliations(rules.values())
    fixable = [f.rule for f in before.findings if f.rule in rules and _fixable(rules[f.rule])]
    held_back = {f.rule: _HELD_UNFIXED.get(f.held_back, _HELD_BACK_UNFIXED) for f in before.findings if f.held_back}
    # A requirement met but hidden on some screens by the style sheet: another copy would print it
    # twice on the other screens; the style sheet, which fix does not edit, is the remedy.
    held_back |= {f.rule: _hidden_by_style_sheet(f.hidden_on) for f in before.findings if f.hidden_on}
    barred = _not_to_run_yet(before, rules)
    if barred and fixable:
        # A story that may not run yet (an embargo in force) is not made ready to run: each fix
        # is left, saying why, and the date-bound rule's own finding says until when.
        reason = f"the story may not be republished yet ({barred}): fix it once it may run"
        return FixPlan(data, data, (), tuple(Unfixed(r, reason) for r in dict.fromkeys(fixable)), before, before, first.source, first.source)
    if held_back and not [rule_id for rule_id in fixable if rule_id not in held_back]:
        return FixPlan(data, data, (), tuple(Unfixed(r, reason) for r, reason in held_back.items()), before, before, first.source, first.source)
    if not fixable:
        return unchanged
    prefix = _encoding_prefix(data, first)
    if prefix is None:
        reason = f"the file does not read back byte for byte as {first.encoding}; save it as UTF-8 and run the fix again"
        return FixPlan(data, data, (), tuple(Unfixed(r, reason) for r in dict.fromkeys(fixable)), before, before, first.source, first.source)

    # An original the check refused (another publisher's story: the `original-mismatch` note)
    # gives the fixes nothing, as it gives the rules nothing: neither its address nor its reporter.
    refused = _refused_original(before)
    # Nor does another site's copy given as the original (the check's `original-unavailable`
    # note), but for the publisher's story it names as its source: a link back goes there.
    named: tuple[tuple[str, str], ...] = ()
    if refused is None and original is not None and not itself:
        from compliance.engine import NAMED_BY_THE_REPUBLICATION, ORIGINAL_REPUBLISHED, republication_given

        republished = republication_given(original, settings.packs, settings.today or datetime.date.today(), settings.read_at)
        if republished is not None:
            refused = ORIGINAL_REPUBLISHED
            named = ((republished[1], NAMED_BY_THE_REPUBLICATION),) if republished[1] else ()
    given = None if refused or itself else original
    text, doc, report = first.source, first, before

    def attempt(offset: int, block: str, removed: int = 0, *more: tuple[int, str, int]) -> tuple[str, Document, Report]:
        """The current text with `block` inserted at `offset` (in place of `removed` characters),
        and any `more` such splices (offset, text, removed; none overlapping), parsed and checked."""
        candidate = text
        for at, put, cut in sorted([(offset, block, removed), *more], key=lambda splice: -splice[0]):
            candidate = candidate[:at] + put + candidate[at + cut :]
        candidate_doc = printed(settings.parse(prefix + candidate.encode(first.encoding), kind))
        return candidate, candidate_doc, check(candidate_doc)

    edits: list[Edit] = []
    reasons: dict[str, str] = dict(held_back)
    as_it_came = Context(first, merged, given, refused, named_by_refused=named)
    # Terms that ask for no link back (no rule's `link` check with `original: true`): a block's
    # link to the original is a courtesy, written as its words alone when the address is not known.
    link_optional = not any(link_backs_in(rule.check) for rule in rules.values())
    progress = True
    while progress:
        progress = False
        # In pack order, as the packs list them: the logo's own rule before the affiliation its
        # logo also gives, wherever their findings stand.
        failed = {f.rule for f in report.findings if not f.hidden_on}
        failing = [rule_id for rule_id, rule in rules.items() if rule_id in failed and _fixable(rule)]
        for rule_id in failing:
            if any(e.rule == rule_id for e in edits) or rule_id in held_back:
                continue
            rule = rules[rule_id]
            ctx = Context(doc, merged, given, refused, named_by_refused=named)
            if rule.fix is None:
                # A rule without a block to insert, failed by a copy too many (a credit line
                # printed twice): the extra copy is taken out.
                tried = _without_extra_copies(rule_id, rule.check, ctx, report, attempt, edits, first.lines_source)
                if isinstance(tried, str):
                    reasons[rule_id] = tried
                    continue
                made, (candidate, candidate_doc, candidate_report) = tried
                for edit in sorted(made, key=lambda e: -e.offset):
                    edits = _with_edit(edits, edit, first.lines_source)
                text, doc, report = candidate, candidate_doc, candidate_report
                progress = True
                break
            # The page's own link back is read from the file as it came: a link a fix put in
            # is no link of the page's (and may yet be dropped as needless).
            address, address_from = _address((rule.check, *(other.check for other in rules.values())), as_it_came, rule.fix)
            # A rule that asks for a link itself (States Newsroom's link back to "our website")
            # is not fixed by a block with the link's words alone.
            own_link = any(inner.kind == "link" for inner in iter_checks(rule.check))
            values = _Values(
                merged,
                given,
                address=address,
                link_optional=link_optional and not own_link,
                article=first,
                copied=_copied(rule.fix, rule.check, given, first.kind),
            )
            # A credit line's link that goes to the republisher's own page is pointed at the
            # original, as the check advises, rather than given a second link beside it.
            mended = _mended_link_back(rule_id, rule.check, ctx, address, report, attempt) if address else None
            # A Markdown link shown as text for a character in its address gets that taken out.
            mended = mended or _mended_broken_link(rule_id, rule.check, ctx, report, attempt)
            # A credit line that cuts the reporter's given name to its initial gets the name
            # written out where it stands, rather than a second credit beside it.
            mended = mended or _names_written_out(rule_id, rule.fix, rule.check, ctx, values, report, attempt)

            def placing(other: str, at: Context = ctx, given_values: _Values = values) -> tuple[int, str, str] | str:
                # Where another rule's fix puts its block (the credit line's place at the top).
                fix = rules[other].fix
                return place_fix(fix, at.doc, given_values, at, encoding=first.encoding) if fix is not None and fix.insert != REPLACE else "no place"

            if mended is None and rule.fix.insert == REPLACE:
                replaced = _replaced_wording(rule_id, rule.fix, ctx, values, report, attempt, placing, first.encoding)
                if isinstance(replaced, str):
                    reasons[rule_id] = replaced
                    continue
                mended = replaced
            placed = place_fix(rule.fix, doc, values, ctx, encoding=first.encoding) if mended is None else (0, "", "")
            # The image the block draws, on the page already in the wrong place (DCNF's logo below
            # the story, far from the byline): moved, with the page's own address unless one is given.
            image = None if mended else _moved_image(rule_id, rule.fix, ctx, values, placed, report, attempt, first.encoding, (edits, first.lines_source))
            if isinstance(placed, str) and image is None:
                reasons[rule_id] = _futile_with_the_pages_own(rule_id, rule.fix, ctx, values, report, attempt, first.encoding) or placed
                continue
            # A credit line in other words that the finding quotes (the check's `instead`): the
            # block goes in its place rather than beside it, which would print the credit twice.
            instead = None if mended or image or isinstance(placed, str) else _instead_of_near_miss(rule_id, rule.check, ctx, report, placed, attempt)
            shares = instead if isinstance(instead, str) else ""
            # The story's credit written only in a photo's caption: the block goes in and the
            # caption's copy comes out, rather than a second credit beside it.
            caption = None if mended or image or instead or isinstance(placed, str) else _out_of_the_caption(rule_id, rule.check, ctx, report, placed, attempt)
            shares = caption if isinstance(caption, str) else shares
            # (A value missing leaves `placed` a reason only with an image to move, tried first.)
            tried = (
                mended
                or image
                or (instead if isinstance(instead, tuple) else None)
                or (caption if isinstance(caption, tuple) else None)
                or (placed if isinstance(placed, str) else _try_fix(rule_id, rule.fix, placed, doc, values, report, attempt, check, first))
            )
            if isinstance(tried, str):
                reasons[rule_id] = f"{tried}; {shares}" if shares else tried
                continue
            if shares:
                tried = _with_note(tried, shares)
            if left_out := values.credit_left_out(rule.fix, affiliations):
                tried = _with_note(tried, left_out)
            made, (candidate, candidate_doc, candidate_report) = tried
            # The later edit first: the earlier one's offset in the current text stays true.
            for edit in sorted(made, key=lambda e: -e.offset):
                edits = _with_edit(edits, edit, first.lines_source)
            edits = _told_where_it_moved_from(edits, rule_id)
            if address_from and values.address_used:
                edits = _told_whence_the_address(edits, rule_id, address_from)
            elif address is None and values.address_used:
                # The block's link to the original was left out (`link_optional`): say how to get it.
                edits = _told_whence_the_address(edits, rule_id, _UNLINKED_NOTE)
            reasons.pop(rule_id, None)
            text, doc, report = candidate, candidate_doc, candidate_report
            progress = True
            break
    # A block that goes beside the byline, on a page with none that the reporter's credit could
    # not give (the name given does not read as one): the note says why no byline came.
    no_name = next((reason[reason.rfind(_GIVEN) :] for reason in reasons.values() if _NOT_A_NAME in reason), "")
    if no_name:
        reasons = {r: f"{reason}, and none could be put in: {no_name}" if reason.startswith(_NO_BYLINE) else reason for r, reason in reasons.items()}
    unfixed = tuple(Unfixed(rule_id, reason) for rule_id, reason in reasons.items())
    if not edits:
        return FixPlan(data, data, (), unfixed, before, before, first.source, first.source)

    def without(kept: Sequence[Edit]) -> tuple[str, Report]:
        candidate = apply_edits(first.source, kept)
        return candidate, check(settings.parse(prefix + candidate.encode(first.encoding), kind))

    edits, text, report = _without_redundant(edits, text, report, without)
    if kind != "html":
        # An edit dropped as needless may leave the line breaks it led with to the block it was
        # placed against: at most one blank line is kept before a block, as the file spaces them.
        edits = [_one_blank_line_before(edit, first.source) for edit in edits]
        text = apply_edits(first.source, edits)
    fixed = prefix + apply_edits(first.source, edits).encode(first.encoding)
    # A rule not fixed on its own try that another rule's edit made pass (DCNF's byline, with no
    # logo to go by, put right by the edit that fixed the logo's rule) is no longer left.
    still_failing = {f.rule for f in report.findings}
    unfixed = tuple(u for u in unfixed if u.rule in still_failing)
    return FixPlan(data, fixed, tuple(edits), unfixed, before, report, first.source, text)


# Line breaks, each with the spaces of an otherwise blank line before it.
_LEADING_BREAKS = re.compile(r"(?:[^\S\r\n]*\r?\n)+")
_TRAILING_BREAKS = re.compile(r"(?:\r?\n[^\S\r\n]*)+\Z")


def _one_blank_line_before(edit: Edit, source: str) -> Edit:
    """A plain-text or Markdown edit whose block would stand after more than one blank line (the
    line breaks it leads with and those that end the text before it: a pixel put at the end of a
    file that ends with a blank line, after a block that was then dropped) with only as many as
    make one; the edit as it is otherwise, and when the text before it already has more."""
    leading = _LEADING_BREAKS.match(edit.text)
    trailing = _TRAILING_BREAKS.search(source, 0, edit.offset)
    if leading is None or trailing is None or not edit.text[leading.end() :].strip():
        return edit
    led, ended = leading.group().count("\n"), trailing.group().count("\n")
    if led + ended <= 2 or ended > 2:
        return edit
    keep = max(0, 2 - ended)
    kept = "".join(re.findall(r"[^\S\r\n]*\r?\n", leading.group())[led - keep :]) if keep else ""
    return dataclasses.replace(edit, text=kept + edit.text[leading.end() :])


def _hidden_by_style_sheet(query: str) -> str:
    """Why a requirement met but hidden on some screens (`Finding.hidden_on`) is left as it is."""
    return f"it is hidden on the screens that meet @media {query}; change the style sheet so that those screens show it"


def _not_to_run_yet(report: Report, rules: Mapping[str, Rule]) -> str:
    """The id of a failing error rule that holds the story back until a date (an `until-date`
    check: an embargo in force, or one whose date cannot be read), or "" when none does."""
    from compliance.packs import iter_checks

    for finding in report.findings:
        rule = rules.get(finding.rule)
        if rule is not None and finding.severity >= Severity.ERROR and any(c.kind == "until-date" for c in iter_checks(rule.check)):
            return finding.rule
    return ""


def _mended_link_back(
    rule_id: str, check: Check, ctx: Context, address: str, report: Report, attempt: Callable[..., tuple[str, Document, Report]]
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | None:
    """The edit that points the link a rule's link back (`check`, with `original: true`) finds
    naming the original but going elsewhere (`link.mislabelled_link`: "ProPublica" linked to the
    republisher's own page) at the original's `address`, its words kept, with the text, document
    and report it gives; None when the rule reads no link back, there is no such link, its
    address is not found once in the source, or the rule would still fail."""
    doc = ctx.doc
    if not link_backs_in(check) or doc.kind == "text":
        return None
    link = mislabelled_link(doc, ctx, address)
    span = _href_span(doc, link) if link is not None else None
    if link is None or span is None:
        return None
    written = html.escape(address) if doc.kind == "html" else address.replace("(", "%28").replace(")", "%29")
    candidate = attempt(span[0], written, span[1] - span[0])
    if _regression(rule_id, report, candidate[2]):
        return None
    place = f"the address of the link {_said(shorten(' '.join(link.text.split()), 40))} ({shorten(doc.lines_source[span[0] : span[1]], 60)})"
    return (Edit(rule_id, span[0], 0, written, place, removed=span[1] - span[0]),), candidate


def _mended_broken_link(
    rule_id: str, check: Check, ctx: Context, report: Report, attempt: Callable[..., tuple[str, Document, Report]]
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | None:
    """The edit that takes out of a Markdown link's address the characters that make a renderer
    show it as text (`Document.broken_links`: a control character, a space, a line break), which
    a link check names as the reason it found no link, with the text, document and report it
    gives; None when the rule reads no link, no broken link is found in the source, or the rule
    would still fail (another link is what it asks for): then its block is inserted as usual."""
    doc = ctx.doc
    from compliance.packs import iter_checks

    if doc.kind != "markdown" or not doc.broken_links or not any(inner.kind == "link" for inner in iter_checks(check)):
        return None
    source = doc.lines_source
    starts = line_starts(source)
    for broken in doc.broken_links:
        found = broken_link_address(source, starts, broken)
        if found is None:
            continue
        start, end, address = found
        candidate = attempt(start, address, end - start)
        if _regression(rule_id, report, candidate[2]):
            continue
        place = f"the address of the link {_said(shorten(broken.text, 40))}, which held {characters_named(broken.characters)},"
        return (Edit(rule_id, start, 0, address, place, removed=end - start),), candidate
    return None


# The `href` of a start tag, its value in group 2 (quoted) or 3 (unquoted).
_HREF_VALUE = re.compile(r"""\shref\s*=\s*(?:(["'])(.*?)\1|([^\s"'>]+))""", re.IGNORECASE | re.DOTALL)


# The address of a Markdown link, `](address)` or `](<address> "title")`, in group 1.
_MARKDOWN_ADDRESS = re.compile(r"""\]\(\s*<?([^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)""")


def _href_span(doc: Document, link: Any) -> tuple[int, int] | None:
    """Where (start, end in `doc.lines_source`) the address of `link` is written: in HTML the
    value of its `<a>`'s `href`, in Markdown the address between the parentheses of its one
    `[text](address)` on its line; None when it is not found so."""
    source = doc.lines_source
    if doc.kind == "html":
        if link.element is None:
            return None
        start = _start_offset(doc, link.element)
        tag = _TAG.match(source, start)
        found = _HREF_VALUE.search(source, start, tag.end()) if tag is not None and source[start : start + 2].lower() == "<a" else None
        if found is None:
            return None
        group = 2 if found.group(2) is not None else 3
        return found.start(group), found.end(group)
    start = offset_at(source, link.line, 1)
    end = source.find("\n", start)
    line = source[start : len(source) if end == -1 else end]
    hits = [m for m in _MARKDOWN_ADDRESS.finditer(line) if link.href in (m.group(1), html.unescape(m.group(1)))]
    if len(hits) != 1:
        return None
    return start + hits[0].start(1), start + hits[0].end(1)


def _fixable(rule: Rule) -> bool:
    """Whether `fix` tries to put right a failure of `rule`: it has a fix, or its check counts
    something it allows a number of times (`max`, at least 1), whose copies beyond that a fix
    takes out (`_without_extra_copies`)."""
    return rule.fix is not None or _allowed_copies(rule.check) > 0


def _allowed_copies(check: Check) -> int:
    """How many times the counting `check` (a `text`, `link` or `element` check with `max`)
    allows its thing; 0 for a check that counts none or forbids it."""
    allowed = getattr(check.params, "max", None)
    return allowed if isinstance(allowed, int) and not isinstance(allowed, bool) else 0


def _without_extra_copies(
    rule_id: str,
    check: Check,
    ctx: Context,
    report: Report,
    attempt: Callable[..., tuple[str, Document, Report]],
    earlier: Sequence[Edit] = (),
    source: str = "",
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | str:
    """The edits that take out the copies of a thing the rule's counting `check` finds more
    times than it allows (a credit line printed twice: the copies after the first), with the
    text, document and report they give, or why that is not done. Each copy taken out must be a
    paragraph of its own that reads as one that stays, word for word: a copy in other words, or
    inside a paragraph of the story, is for the editor to judge. The note names the copy that
    stays as the file read has it (`_kept_where`: `earlier` are the edits made so far, of the
    original's `source`)."""
    outcome = ctx.run(check)
    doc = ctx.doc
    items = [doc.items[hit.index] for hit in outcome.hits if hit.index < len(doc.items)]
    extra = [item for item in items if isinstance(item, Block)]
    if outcome.passed or not extra or len(extra) != len(outcome.hits):
        return "the copies are not paragraphs of the story; keep one and take out the others by hand"
    kept = {_read(b.text): b for b in doc.article_blocks if not b.heading and all(b is not item for item in extra)}
    spans = [_paragraph_span(doc, item) for item in extra]
    taken = []
    for item, span in zip(extra, spans, strict=True):
        same = kept.get(_read(item.text))
        alone = span is not None and _plain(doc.lines_source[span[0] : span[1]]) == _read(item.text)
        if alone and same is None and (holder := _sharing_copy(doc, item, kept.values())) is not None:
            # The copy that stays is the one whose paragraph holds more (the byline's): that is
            # what keeps this one from being taken out, not this one.
            return f"the copy at line {item.line} is a paragraph alone, but the one that stays, at line {holder}; keep one copy and take out the others by hand"
        if span is None or not alone or same is None:
            return f"the copy at line {item.line} is not a paragraph alone that reads as one that stays; keep one copy and take out the others by hand"
        kept_span = _paragraph_span(doc, same)
        taken.append((*_with_its_line(doc, *span), _kept_where(earlier, kept_span[0], source) if kept_span and source else f"line {same.line}"))
    splices = [(offset, "", length) for offset, length, _ in taken]
    candidate = attempt(*splices[0], *splices[1:])
    problem = _regression(rule_id, report, candidate[2])
    if problem:
        return f"taking out the copy at line {extra[0].line} {problem}; keep one copy and take out the others by hand"
    edits = tuple(Edit(rule_id, offset, 0, "", "", note=f"a copy of {where}, which stays", removed=length) for offset, length, where in taken)
    return edits, candidate


def _sharing_copy(doc: Document, copy: Block, kept: Iterable[Block]) -> str | None:
    """Where the copy that stays of the paragraph `copy` is, when it is inside a paragraph that
    holds other text too (`kept`: the paragraphs not taken out), in words: "3, shares its
    paragraph with the byline ('By Jane Roe, ProPublica This story …')"; None when none is."""
    words = _read(copy.text)
    holder = next((b for b in kept if words in _read(b.text)), None)
    if holder is None:
        return None
    what = "the byline" if any(byline.index == holder.index for byline in doc.bylines) else "other text"
    return f"{holder.line}, shares its paragraph with {what} ({_quoted(holder.text)})"


def _kept_where(earlier: Sequence[Edit], offset: int, source: str) -> str:
    """Where the copy at `offset` of the text as edited so far (by `earlier`, kept in the order of
    the text as `_with_edit` keeps them) is, as the file read has it: "line 8", or, for a copy an
    earlier edit put in, "the one moved before the body" (or "inserted")."""
    shift = 0
    for edit in earlier:
        start = edit.offset + shift
        if offset < start:
            break
        if offset < start + len(edit.text):
            moved = _is_moved(edit.note) or edit.note.startswith("moved here")
            return f"the one {'moved' if moved else 'inserted'} {edit.place}"
        shift += len(edit.text) - edit.removed
    return f"line {source.count(chr(10), 0, max(0, offset - shift)) + 1}"


def _read(text: str) -> str:
    """A block's text as compared with another's: case and spacing folded."""
    return " ".join(text.casefold().split())


def _refused_original(report: Report) -> str | None:
    """Why the check refused the original given (`engine.ORIGINAL_OF_ANOTHER_PUBLISHER`), or None."""
    if not any(notice.code == "original-mismatch" for notice in report.notices):
        return None
    from compliance.engine import ORIGINAL_OF_ANOTHER_PUBLISHER

    return ORIGINAL_OF_ANOTHER_PUBLISHER


def _address(checks: Sequence[Check], ctx: Context, fix: FixTemplate | None = None) -> tuple[str | None, str]:
    """The original's address for a fix of the rule whose check comes first in `checks`, the
    applied rules' after it, and where it comes from: the one the link back names
    (`link.original_address_for`: the `original-url` metadata, the original story given), with
    ""; else, when none of those is known, the one the page itself links back to as the checks
    read it (`link.page_link_back`: a credit line's link, the canonical link, "Read the original
    article"), or as the `fix`'s own `original-link` reads it (States Newsroom's outlets' story
    pages, which its link back to "our website" does not tell from their home pages), with a note
    saying which link. (None, "") when it is not known or the link back cannot tell."""
    try:
        given = original_address_for(checks, ctx)
    except (MissingMeta, PatternTimeout, PatternTooLarge):
        return None, ""
    if given is not None:
        return given, ""
    own = (fix.original_link,) if fix is not None and fix.original_link is not None else ()
    linked = page_link_back((*checks, *own), ctx)
    if linked is None:
        return None, ""
    at = "" if linked.hit.location == START else f" at line {linked.hit.location.line}"
    return linked.address, f"the original's address is the one the page links back to: {linked.hit.evidence}{at}"


def _try_fix(
    rule_id: str,
    fix: FixTemplate,
    placed: tuple[int, str, str],
    doc: Document,
    values: _Values,
    report: Report,
    attempt: Callable[..., tuple[str, Document, Report]],
    check: Callable[[Document], Report],
    as_it_came: Document,
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | str:
    """The edits that fix `rule_id` (at offsets of the current text) with the text, document
    and report they give, or why none does. A fix that credits the reporter on a page whose
    bylines credit someone else ("By Staff", "By Sam Li", a theme's author box and the story's own
    byline) first tries putting the reporter's credit in place of those names in every such
    byline, keeping the rest of each (its date): inserting a second byline would leave a reader
    two. When one of those bylines cannot be edited in place (the name is not found once as text
    in it, it lists the wrong name among the right ones with an institution or outlet between
    them, or the CMS prints it from outside the body), no fix is claimed: the reason says which
    byline to edit, at which line, and what to write in it (`_edit_by_hand`). Never a second byline
    beside one that credits someone else."""
    wrongs = _wrong_bylines(fix, doc, values)

    def passes(candidate: tuple[str, Document, Report], left: Sequence[Byline]) -> bool:
        if not _regression(rule_id, report, candidate[2]):
            return True
        if not left:
            return False
        gone = {(b.source, b.text) for b in left}
        taken_out = dataclasses.replace(candidate[1], bylines=tuple(b for b in candidate[1].bylines if (b.source, b.text) not in gone))
        return not _regression(rule_id, report, check(taken_out))

    # A byline the theme prints from the front matter or the CMS's field is no text of the body
    # to replace: it is left, and the note says what still prints it.
    pairs = [(wrong, _byline_replacement(fix, doc, wrong, values) if wrong.in_body else None) for wrong in wrongs]
    made = [replacement for _, replacement in pairs if replacement is not None]
    left = [wrong for wrong, replacement in pairs if replacement is None]
    offset, block, place = placed
    if left:
        return _edit_by_hand(as_it_came, left, block)
    if made:
        first, *more = made
        candidate = attempt(first.offset, first.text, first.removed, *((r.offset, r.text, r.removed) for r in more))
        if passes(candidate, left):
            return tuple(dataclasses.replace(replacement, rule=rule_id) for replacement in made), candidate
        return _edit_by_hand(as_it_came, wrongs, block)
    candidate = attempt(offset, block)
    problem = "" if passes(candidate, wrongs) else _regression(rule_id, report, candidate[2])
    if problem:
        # The text is on the page in the wrong place (a credit line at the bottom): moved, not
        # repeated, when taking the old copy out lets the rule pass with nothing added.
        moved = _moved_copy(doc, block)
        if moved is not None:
            found = _moved_block(rule_id, doc, block, offset, moved, report, attempt)
            if found is not None:
                block, candidate = found
                return (Edit(rule_id, offset, 0, block, place, _MOVED), Edit(rule_id, moved[0], 0, "", place, removed=moved[1])), candidate
        return f"inserting {_said(shorten(' '.join(block.split()), 80))} {problem}; {_not_a_name(fix, values) or 'fix it by hand'}"
    return (Edit(rule_id, offset, 0, block, place, _stands_for_an_image(fix, doc.kind)),), candidate


def _edit_by_hand(as_it_came: Document, wrongs: Sequence[Byline], block: str) -> str:
    """Why a reporter's credit is not put in: each byline crediting someone else, or the right
    people without what the credit adds, that no edit in place puts right, where it is and what to
    write in it ("the byline cannot be edited in place, and a second one beside it would leave a
    reader two — edit the byline at line 6: write 'By Maria Alvarez, University of Michigan' in
    place of 'Maria Alvarez, …, and Tom Becker, …'"). A front matter key or CMS field is given the
    credit without its opener ("Maria Alvarez, University of Michigan"). Lines are those of the file
    as it came (`as_it_came`), where the editor makes the edit, whatever other fixes put in."""
    wanted = _unmarked(block)
    bare = _BY_OPENER.sub("", wanted)
    said = "; ".join(
        f"{_where_to_edit(as_it_came, wrong)}: write {_said(shorten(wanted if wrong.in_body else bare, 80))}"
        f" in place of {_said(shorten(_shown_byline(wrong), 80))}"
        for wrong in wrongs
    )
    which = "the byline cannot" if len(wrongs) == 1 else "those bylines cannot"
    return f"{which} be edited in place, and a second one beside it would leave a reader two — {said}"


# The opener of a fix's byline, which a front matter `author:` or a CMS `byline` field leaves out.
_BY_OPENER = re.compile(r"^\s*By\s+")


def _where_to_edit(doc: Document, wrong: Byline) -> str:
    """The byline an editor changes, as "edit …" says it: its line in the file as it came (`doc`),
    or the front matter key or CMS field that prints it."""
    # The same byline as the file came, when another fix's edit moved it down a line.
    wrong = next((byline for byline in doc.bylines if (byline.source, byline.text) == (wrong.source, wrong.text)), wrong)
    if wrong.source == "front matter":
        key = wrong.text.removeprefix("front matter ").partition(": ")[0]
        return f"edit the front matter's '{key}' at line {doc.locate(wrong).line}"
    if wrong.source == "metadata":
        return "edit the 'byline' field"
    return f"edit the byline at line {doc.locate(wrong).line}"


def _shown_byline(wrong: Byline) -> str:
    """A byline's words as the page prints them (a front matter's or field's value alone)."""
    if wrong.source == "front matter":
        return wrong.text.removeprefix("front matter ").partition(": ")[2]
    return wrong.text.removeprefix("byline metadata: ")


def _not_a_name(fix: FixTemplate, values: _Values) -> str:
    """For a fix that credits the reporter with a name given (`--meta reporter=`, not the
    original's byline) that does not read as a person's name in a byline ('Nick Pope & Co',
    'Emily Post', which reads as an outlet's): that it does not, and what to give instead; ""
    otherwise."""
    if _reporter_fix(fix) is None or values._original_reporters():
        return ""
    given = " ".join(_CONTROL.sub(" ", str(values.meta.get("reporter") or "")).split())
    if not given:
        return ""
    from compliance.document.byline_reading import read_byline

    reading = read_byline(f"By {given}", require_prefix=True)
    if reading is not None and reading.names and not reading.problem:
        return ""
    instead = "give the reporter's name alone (--meta reporter='First Last') or the original story (--original FILE)"
    shown = normalize_inline_keeping_controls(str(values.meta.get("reporter") or ""))
    return f"{_GIVEN}{_said(shorten(shown, 60))}){_NOT_A_NAME}; {instead}"


_NOT_A_NAME = " does not read as a person's name"
_GIVEN = "the reporter given ("
_NO_BYLINE = "the article has no byline to put it "


def _with_note(tried: tuple[tuple[Edit, ...], tuple[str, Document, Report]], note: str) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]]:
    """`tried` with `note` added to the note of its edit that puts text in."""
    edits, candidate = tried
    block = next((e for e in edits if e.text), None)
    return tuple(dataclasses.replace(e, note=f"{e.note}; {note}" if e.note else note) if e is block else e for e in edits), candidate


# -- a line in other words: the block in its place -------------------------------------------


def _replaced_wording(
    rule_id: str,
    fix: FixTemplate,
    ctx: Context,
    values: _Values,
    report: Report,
    attempt: Callable[..., tuple[str, Document, Report]],
    placing: Callable[[str], tuple[int, str, str] | str],
    encoding: str,
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | str:
    """The edits of a fix that replaces (`insert: replace`): its block in place of the paragraph
    the check `fix.where` finds first (ProPublica's credit line reworded), that paragraph's markup
    kept (`_in_place_of`), with the text, document and report they give; or why not. When the
    line stood where another rule wants it elsewhere (the credit line's rule: at the top), the
    block goes where that rule's fix puts it and the paragraph is taken out (`placing`)."""
    doc = ctx.doc
    rendered = _rendered(fix, doc, values, ctx, encoding)
    if rendered.startswith(_NOT_RENDERED):
        return rendered.removeprefix(_NOT_RENDERED)
    anchor = _anchor(fix.where, doc, ctx)
    wrong = anchor[0] if anchor is not None else None
    if not isinstance(wrong, Block) or not isinstance(fix.where, Check):
        return f"the article has no {describe_check(fix.where) if isinstance(fix.where, Check) else fix.where} to put it in place of"
    same = next((b for b in doc.article_blocks if b is not wrong and _read(b.text) == _plain(rendered)), None)
    if same is not None:
        # The line is on the page already: this one is a second credit, in other words, which
        # the editor keeps or takes out (`_without_extra_copies` leaves it so too).
        second = f"{_quoted(wrong.text)} (line {doc.locate(wrong).line})"
        return f"the page has the line at line {doc.locate(same).line}, and {second} is a second credit in other words; keep one and take out the other by hand"
    spliced = _in_place_of(doc, wrong, rendered)
    if isinstance(spliced, str):
        return spliced
    at, removed, text = spliced
    candidate = attempt(at, text, removed)
    problem = _regression(rule_id, report, candidate[2])
    if not problem:
        return (Edit(rule_id, at, 0, text, _quoted(wrong.text), removed=removed),), candidate
    added = sorted((_weighed(candidate[2].findings) - _weighed(report.findings)).keys())
    for other in added:
        placed = placing(other)
        if isinstance(placed, tuple):
            moved = _taken_out_for(rule_id, doc, wrong, placed, report, attempt)
            if moved is not None:
                return moved
    return f"putting {_said(shorten(' '.join(rendered.split()), 80))} in place of {_quoted(wrong.text)} {problem}; fix it by hand"


def _instead_of_near_miss(
    rule_id: str, check: Check, ctx: Context, report: Report, placed: tuple[int, str, str], attempt: Callable[..., tuple[str, Document, Report]]
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | str | None:
    """For a rule whose finding quotes the line the page has instead of the one it wants (a `text`
    check's `instead`: "Courtesy of ProPublica.", a credit in Spanish), the edits that put the
    rule's block (`placed`, as `place_fix` gives it) in that line's place, its markup kept, with
    the text, document and report they give; or the block at its own place and the line taken out,
    when the rule wants it there (ProPublica's at the top). The note for a block inserted beside
    it when that line shares its paragraph with other text, which the fix does not rewrite; None
    when there is no such line or neither edit satisfies the rule."""
    doc = ctx.doc
    wrong = _near_miss(rule_id, check, ctx, report)
    if wrong is None:
        return None
    spliced = _in_place_of(doc, wrong, placed[1].strip())
    if isinstance(spliced, str):
        return spliced.replace("; put the words right by hand", "; take its credit out by hand")
    at, removed, text = spliced
    candidate = attempt(at, text, removed)
    if not _regression(rule_id, report, candidate[2]):
        return (Edit(rule_id, at, 0, text, _quoted(wrong.text), removed=removed),), candidate
    return _taken_out_for(rule_id, doc, wrong, placed, report, attempt)


def _taken_out_for(
    rule_id: str, doc: Document, wrong: Block, placed: tuple[int, str, str], report: Report, attempt: Callable[..., tuple[str, Document, Report]]
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | None:
    """The block `placed` put at its place and the paragraph `wrong` taken out, with the text,
    document and report they give; None when that does not satisfy the rule or the two overlap."""
    span = _paragraph_span(doc, wrong)
    if span is None:
        return None
    start, length = _with_its_line(doc, *span)
    offset, block, place = placed
    if start <= offset <= start + length:
        return None
    candidate = attempt(offset, block, 0, (start, "", length))
    if _regression(rule_id, report, candidate[2]):
        return None
    note = f"in place of {_quoted(wrong.text)} at line {doc.locate(wrong).line}, which is taken out"
    return (Edit(rule_id, offset, 0, block, place, note), Edit(rule_id, start, 0, "", "", removed=length)), candidate


# -- the story's credit in a photo's caption: taken out, the block put in ----------------------


def _out_of_the_caption(
    rule_id: str, check: Check, ctx: Context, report: Report, placed: tuple[int, str, str], attempt: Callable[..., tuple[str, Document, Report]]
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | str | None:
    """For a rule whose credit check (`credit: true`) finds the story's credit only in a photo's
    caption (`text.caption_credit_of`), where a reader takes it for the photo's: the edits that
    put the rule's block (`placed`) at its place and take the credit out of the caption (the
    caption whole when it is the credit alone, else the credit's words, in HTML, when they are
    whole elements and text), with the text, document and report they give. What to do by hand
    when the caption's credit cannot be cut out so, or that does not satisfy the rule; None when
    no caption holds the credit, or what it credits there is a picture ("Photo republished from
    …"), which stays."""
    found = _story_credit_in_a_caption(check, ctx)
    if found is None:
        return None
    doc = ctx.doc
    caption, (first, last) = found
    credit = caption.text[first:last].strip()
    line = doc.locate(caption).line
    by_hand = (
        f"take {_quoted(credit)} out of the photo caption at line {line} by hand:"
        " there it reads as the photo's credit, and the story's credit line goes in a paragraph of its own"
    )
    cut = _caption_cut(doc, caption, (first, last))
    offset, block, place = placed
    if cut is None or cut[0] <= offset <= cut[0] + cut[1]:
        return by_hand
    candidate = attempt(offset, block, 0, (cut[0], "", cut[1]))
    if _regression(rule_id, report, candidate[2]):
        return by_hand
    note = f"{_quoted(credit)} is taken out of the photo caption at line {line}, where it read as the photo's credit"
    return (Edit(rule_id, offset, 0, block, place, note), Edit(rule_id, cut[0], 0, "", "", removed=cut[1])), candidate


def _story_credit_in_a_caption(check: Check, ctx: Context) -> tuple[Block, tuple[int, int]] | None:
    """The first photo caption that holds the story's credit by a credit check (`credit: true`)
    in `check`, with where (start, end in its text) the credit's sentence stands
    (`text.caption_credit_of`); None when none does or the check cannot say."""
    from compliance.checks.text import caption_credit_of

    for text_check in iter_checks(check):
        if text_check.kind != "text" or not getattr(text_check.params, "credit", False):
            continue
        try:
            found = caption_credit_of(ctx.doc, text_check.params, ctx)
        except (Undecided, MissingMeta, PatternTimeout, PatternTooLarge):
            continue
        if found is not None:
            return found
    return None


def _caption_cut(doc: Document, caption: Block, credit: tuple[int, int]) -> tuple[int, int] | None:
    """What (offset in `doc.lines_source`, length) to take out of the caption `caption` so that
    its credit (`credit`: start, end in its text) goes: the caption's paragraph with its line when
    the credit is all its text, else in HTML the credit's words with the space before them, when
    they are text and whole elements there (`<a>…</a>`); None when neither is so."""
    rest = caption.text[: credit[0]] + caption.text[credit[1] :]
    if not re.sub(r"[\W_]+", "", rest):
        span = _paragraph_span(doc, caption)
        return _with_its_line(doc, *span) if span is not None else None
    if doc.kind != "html" or caption.element is None:
        return None
    # The element that holds the caption's whole text (a block's own element may be an inline
    # one in it: the `<em>` of "<em>Town crews at work.</em> This story first appeared …").
    holder = caption.element
    whole = " ".join(caption.text.split())
    while whole not in " ".join("".join(holder.itertext()).split()) and holder.getparent() is not None and holder is not doc.article_root:
        holder = holder.getparent()
    start = _start_offset(doc, holder)
    end = _element_end(doc.lines_source, start, tag_name(holder))
    if end is None:
        return None
    span = (start, end)
    found = _text_in_source(doc.lines_source, *span, " ".join(caption.text[credit[0] : credit[1]].split()))
    if found is None:
        return None
    start, end = found
    between = doc.lines_source[start:end]
    opened = [m.group(2).lower() for m in _TAG.finditer(between) if m.group(2) and not m.group(1)]
    closed = [m.group(2).lower() for m in _TAG.finditer(between) if m.group(2) and m.group(1)]
    if sorted(opened) != sorted(closed):
        return None
    while start > span[0] and doc.lines_source[start - 1] in " \t":
        start -= 1
    return start, end - start


def _text_in_source(source: str, start: int, end: int, wanted: str) -> tuple[int, int] | None:
    """Where (start, end in `source`) the HTML between `start` and `end` reads `wanted` once, its
    tags left out, its character references read and its runs of white space as one space; None
    when it does not, or more than once."""
    read: list[str] = []
    offsets: list[int] = []
    at = start
    while at < end:
        tag = _TAG.match(source, at) if source[at] == "<" else None
        if tag is not None:
            at = tag.end()
            continue
        reference = _REFERENCE.match(source, at) if source[at] == "&" else None
        character = html.unescape(reference.group(0)) if reference is not None else source[at]
        following = reference.end() if reference is not None else at + 1
        if character.isspace():
            character = " "
            if read and read[-1] == " ":
                at = following
                continue
        read.append(character)
        offsets.append(at)
        at = following
    text = "".join(read)
    first = text.find(wanted)
    if first < 0 or text.find(wanted, first + 1) >= 0:
        return None
    last = first + len(wanted) - 1
    tail = _REFERENCE.match(source, offsets[last]) if source[offsets[last]] == "&" else None
    return offsets[first], tail.end() if tail is not None else offsets[last] + 1


# A character reference in HTML (`&amp;`, `&#8217;`, `&#x2019;`).
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _near_miss(rule_id: str, check: Check, ctx: Context, report: Report) -> Block | None:
    """The block of the article that a `text` check of the failing rule's `check` quotes as the
    wording the page has instead of its own (`instead`: the capture `text.NEAR_MISS`), and the
    rule's finding points at, or when the finding points at another place of a check of several
    (Global Voices' author rule: a byline or a credit line, the finding at the byline's place),
    the one it quotes; None when none does."""
    finding = next((f for f in report.findings if f.rule == rule_id), None)
    if finding is None or finding.location.line <= 0:
        return None
    return _instead_block(check, ctx, finding.location.line) or (_instead_block(check, ctx) if check.kind in ("any", "all") else None)


def _instead_block(check: Check, ctx: Context, line: int = 0) -> Block | None:
    """The block of the article a `text` check in `check` quotes as the wording the page has
    instead of its own (`instead`), on `line` when given; None when none does."""
    from compliance.checks.text import NEAR_MISS
    from compliance.packs import iter_checks

    for text_check in iter_checks(check):
        if text_check.kind != "text" or getattr(text_check.params, "instead", None) is None:
            continue
        try:
            near = dict(ctx.run(text_check).captures).get(NEAR_MISS)
        except (Undecided, MissingMeta, PatternTimeout, PatternTooLarge):
            continue
        doc = ctx.doc
        found = next((b for b in doc.article_blocks if near and shorten(b.text, 200) == near and line in (0, doc.locate(b).line)), None)
        if found is not None:
            return found
    return None


def _quoted(text: str) -> str:
    """A line of the page as a note quotes it: one line, cut at a word (`_said`)."""
    return _said(shorten(" ".join(text.split()), 60))


def _said(text: str) -> str:
    r"""Text a note quotes, on one line in single quotes as written: not as a Python literal,
    whose escapes would double a Markdown escape's backslash (`\*`) and whose quotes change with
    an apostrophe. Notes are shown through `display.visible`, which escapes unsafe characters."""
    return "'" + " ".join(text.split()) + "'"


def _in_place_of(doc: Document, wrong: Block, block: str) -> tuple[int, int, str] | str:
    """Where (offset in `doc.lines_source`, length) the paragraph `wrong` stands and what goes
    there instead: `block` with the paragraph's own markup kept — in HTML its element's tags, and
    those of an inline element holding all its text (`<p class="credit"><em>…</em></p>`), the
    block's own wrapping tag left out; in Markdown and text the line's indentation, quote and list
    marks and emphasis. Why not, when the paragraph holds more than the line (`_reads_as_a_line`):
    the story's text beside it is not the fix's to rewrite."""
    source = doc.lines_source
    span = _paragraph_span(doc, wrong)
    text = source[span[0] : span[1]] if span is not None else ""
    marks = _LINE_MARKS.fullmatch(text) if doc.kind != "html" and "\n" not in text.strip("\r\n") else None
    lead, words, _ = marks.groups() if marks is not None and _emphasis_pairs(marks.group(1), marks.group(3)) else ("", text, "")
    if span is None or _plain(words) != _read(wrong.text) or not _reads_as_a_line(wrong.text, block):
        return f"{_quoted(wrong.text)} (line {doc.locate(wrong).line}) shares its paragraph with other text; put the words right by hand"
    if doc.kind == "html":
        return _in_element(doc, wrong, span, block)
    # A Markdown or text line keeps its indentation, quote and list marks and emphasis; a
    # paragraph over several lines is replaced whole, by the one line of the block.
    return span[0] + len(lead), len(words), block


# A Markdown or text line as (its indentation, quote and list marks and opening emphasis), (its
# words), (closing emphasis and trailing blanks).
_LINE_MARKS = re.compile(r"([ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?(?:[*_]{1,3}(?=\S))?)(.*?)((?:(?<=\S)[*_]{1,3})?[ \t]*)", re.DOTALL)


def _emphasis_pairs(lead: str, trail: str) -> bool:
    """Whether the emphasis marks that open a line (`lead`'s last run of `*`/`_`) are those that close it (`trail`)."""
    opening = re.search(r"[*_]*$", lead.rstrip()).group(0)  # type: ignore[union-attr]
    closing = trail.strip()
    return opening == closing[::-1]


def _in_element(doc: Document, wrong: Block, span: tuple[int, int], block: str) -> tuple[int, int, str]:
    """The HTML paragraph `wrong` (at `span`) with `block` for its content: the tags of its
    element, and of an inline element holding all its text, kept; `block`'s own wrapping element
    (`<p>…</p>`) left out. A block that is not one element takes the paragraph's whole place."""
    wrapped = _WRAPPED.fullmatch(block.strip())
    if wrapped is None or f"</{wrapped.group(1).lower()}" in wrapped.group(2).lower():
        return span[0], span[1] - span[0], block
    source = doc.lines_source
    element = _text_holder(_whole_holder(wrong.element))
    start = _start_offset(doc, element)
    tag = _TAG.match(source, start)
    end = _element_end(source, start, str(element.tag).lower())
    if tag is None or end is None:
        return span[0], span[1] - span[0], block
    closing = re.search(r"</\s*[A-Za-z][A-Za-z0-9:-]*\s*>$", source[tag.end() : end])
    content_end = end - len(closing.group(0)) if closing is not None else end
    content = source[tag.end() : content_end]
    # The blank space inside the tags stays as it is: the words are replaced where they stand.
    start, end = tag.end() + len(content) - len(content.lstrip()), tag.end() + len(content.rstrip())
    return start, end - start, wrapped.group(2).strip()


# A block that is one element: its tag name, and its content.
_WRAPPED = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>(.*)</\1\s*>", re.DOTALL | re.IGNORECASE)
# Inline elements a credit line's words are wrapped in whole, kept around the block's words.
_INLINE_HOLDERS = frozenset({"em", "i", "strong", "b", "small", "span", "cite"})


def _text_holder(element: Any) -> Any:
    """The innermost inline element of `element` that holds all its text (`<em>` in
    `<p><em>Courtesy of ProPublica.</em></p>`), or `element`."""
    while len(element) == 1 and not (element.text or "").strip() and not (element[0].tail or "").strip():
        child = element[0]
        if not isinstance(child.tag, str) or child.tag.lower() not in _INLINE_HOLDERS:
            break
        element = child
    return element


# A sentence's end: its stop (and a closing quote or bracket), then a space or the text's end.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?=\s|$)")
_WORD = re.compile(r"\w+")
# A credit line is one short sentence: the packs' wordings with the publisher's description after
# its name ("… by ProPublica, a Pulitzer Prize-winning investigative newsroom.") stay under this.
_LINE_WORDS = 16


def _reads_as_a_line(text: str, block: str) -> bool:
    """Whether a paragraph reading `text` is a line of its own the `block` can stand in for: one
    short sentence, and after it only words the block says too ("Sign up for their newsletters."),
    not the story's text."""
    stop = _SENTENCE_END.search(text)
    first, rest = (text[: stop.end()], text[stop.end() :]) if stop is not None else (text, "")
    said = set(_WORD.findall(_plain(block)))
    return len(_WORD.findall(first)) <= _LINE_WORDS and all(word in said for word in _WORD.findall(rest.casefold()))


# The note of a block moved: `_told_where_it_moved_from` gives the line it came from.
_MOVED = "moved"
# The note of an image moved begins so, its name after it (`_moved_image`); what the note says
# after the line it came from follows `_NOTE_REST`.
_MOVED_IMAGE = "moved the image "
_NOTE_REST = "\x00"


def _told_where_it_moved_from(edits: list[Edit], rule_id: str) -> list[Edit]:
    """The edits with a moved block's note saying the line of the file it came from."""
    taken = next((e for e in edits if e.rule == rule_id and e.removed and not e.text), None)
    if taken is None:
        return edits
    which = f"which {'is' if taken.last_line <= taken.line else 'are'} taken out"
    place = next((e.place for e in edits if e.rule == rule_id and _is_moved(e.note)), "")
    # A copy taken out before as a repeat of the line now moved: that line does not stay.
    stays = {f"a copy of line {line}, which stays" for line in range(taken.line, max(taken.line, taken.last_line) + 1)}
    return [
        dataclasses.replace(e, note=_moved_note(e.note, taken.lines, which))
        if e.rule == rule_id and _is_moved(e.note)
        else dataclasses.replace(e, note=e.note.replace(", which stays", f", which is moved {place}"))
        if e.note in stays and place
        else e
        for e in edits
    ]


def _is_moved(note: str) -> bool:
    """Whether `note` is that of a block moved, before `_told_where_it_moved_from` says whence."""
    return note == _MOVED or note.startswith(_MOVED_IMAGE)


def _moved_note(note: str, lines: str, which: str) -> str:
    """A moved block's note with the `lines` of the file it came from: "moved here from line 26,
    which is taken out"; for an image (`_moved_image`), "moved the image 'DCNF logo' from line 7,
    which is taken out", and what the note said after the image's name."""
    if note == _MOVED:
        return f"moved here from {lines}, {which}"
    head, _, rest = note.partition(_NOTE_REST)
    return f"{head} from {lines}, {which}" + (f"; {rest}" if rest else "")


# The note of a block written with its link's words alone, its original's address not known.
_UNLINKED_NOTE = "written without its link to the original story, whose address is not known: " + BUILT_IN_VALUES["original-url"].partition(": ")[2]


def _told_whence_the_address(edits: list[Edit], rule_id: str, whence: str) -> list[Edit]:
    """The edits with the note of the rule's block (the edit that puts text in) saying where the
    original's address it writes came from (`_address`)."""
    block = next((e for e in edits if e.rule == rule_id and e.text), None)
    return [dataclasses.replace(e, note=f"{e.note}; {whence}" if e.note else whence) if e is block else e for e in edits]


def _plain(text: str) -> str:
    """Text as a reader reads it, to compare a block with a paragraph of the page: markup, a
    Markdown link's address and emphasis marks gone, case and spacing folded."""
    return " ".join(_unmarked(text).replace("*", " ").replace("_", " ").casefold().split())


def _unmarked(text: str) -> str:
    """HTML or Markdown `text` with its tags and its links' addresses gone, its character
    references read, and its blank space folded: its words as a note quotes them."""
    # As `re.sub` with `\[([^\]]*)\]\([^)]*\)` to its label, in linear time on a run of `[`.
    closing = NextOf(text, r"\)")
    text = replace_bracketed(text, "[", lambda close: _after_closing(text, close, closing), keep_label=True)
    # A tag is read up to the next `>`; after the last `>` no `<` starts one (each `<` of a
    # run with no `>` after it would be read to the end).
    tags_end = text.rfind(">") + 1
    return " ".join(html.unescape(_TAG_TEXT.sub("", text[:tags_end]) + text[tags_end:]).split())


_TAG_TEXT = re.compile(r"<[^>]*>")


def _after_closing(text: str, close: int, closing: NextOf) -> int:
    r"""Where `\]\([^)]*\)` read from the `]` at `close` ends, or -1."""
    if not text.startswith("(", close + 1):
        return -1
    found = closing.at(close + 2)
    return found + 1 if found < len(text) else -1


def _moved_copy(doc: Document, block: str) -> tuple[int, int] | None:
    """Where (offset in `doc.lines_source`, length) a paragraph of the article reads as `block`
    does, with the line it stands on, so that taking it out leaves no blank line; None when there
    is none, or more than one. A paragraph wrapped over several lines is taken whole: in HTML its
    element, in Markdown and text its lines up to a blank one (which the document reads line by
    line, so the paragraph is found in the source, from a block that starts one)."""
    wanted = _plain(block)
    if not wanted:
        return None
    found = _copies_reading(doc, lambda text: text == wanted)
    if not found:
        # The page's line goes on where the pack's block stops (a template of KFF Health News'
        # tagline ends at "… about health issues."; the tagline goes on "… and is one of the core
        # operating programs at KFF …"): the same line, as long as the paragraph is a line's length.
        opening = wanted.rstrip(".!?…")
        found = _copies_reading(doc, lambda text: _goes_on_from(text, opening))
    if len(found) != 1:
        return None
    return _with_its_line(doc, *found[0])


def _goes_on_from(text: str, opening: str) -> bool:
    """Whether a paragraph's text is the sentence `opening` begins, gone on to its end (one
    sentence, a line's length): "… health issues and is one of the core operating programs at
    KFF …" goes on from "… health issues"; a sentence of the story after it does not."""
    if not text.startswith(opening) or len(text.split()) > _MOVED_LINE_WORDS:
        return False
    return _ANOTHER_SENTENCE.search(text, len(opening)) is None


# The most words of a paragraph `_moved_copy` takes for a block that opens it: a tagline or a
# credit line that goes on, never a paragraph of the story that quotes one.
_MOVED_LINE_WORDS = 60
# A sentence's end with more text after it.
_ANOTHER_SENTENCE = re.compile(r"[.!?…][\"')\]»]?\s+\S")


def _copies_reading(doc: Document, reads: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans (start, end in `doc.lines_source`) of the article's paragraphs whose text, as a
    reader reads it (`_plain`), `reads` accepts, each read both as the block and from its source
    (a paragraph the document splits differently from its source is not one)."""
    if doc.kind == "html":
        same = [b for b in doc.article_blocks if not b.heading and reads(" ".join(b.text.casefold().split()))]
        spans = [span for span in (_paragraph_span(doc, same[0]),) if span is not None] if len(same) == 1 else []
    else:
        starts = line_starts(doc.lines_source)  # once: each block's line is looked up, not counted
        spans = list({span for b in doc.article_blocks if not b.heading and (span := _paragraph_span(doc, b, starts)) is not None})
    return [span for span in spans if reads(_plain(doc.lines_source[span[0] : span[1]]))]


def _paragraph_span(doc: Document, block: Block, starts: Sequence[int] | None = None) -> tuple[int, int] | None:
    """Where (start, end in `doc.lines_source`) the paragraph `block` stands: in HTML its element
    with what holds it alone (`_whole_holder`), in Markdown and text the paragraph that starts on
    its line (`_paragraph_at`; `starts`: the source's `line_starts`, when already counted). None
    when it is not found there."""
    source = doc.lines_source
    if doc.kind != "html":
        return _paragraph_at(source, line_starts(source) if starts is None else starts, block.line)
    if block.element is None:
        return None
    # A block's element is where its text starts: `<a>` for "<p><a>KFF Health News</a> is …</p>".
    # The paragraph is the block-level element around it.
    element = _whole_holder(block_element(block.element))
    start = _start_offset(doc, element)
    end = _element_end(source, start, str(element.tag).lower())
    return None if end is None else (start, end)


def _with_its_line(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The paragraph at `start:end` of `doc.lines_source` as (offset, length) to take out: with
    the line break before it when it stands on lines of its own, so that no blank line is left."""
    source = doc.lines_source
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    alone = not source[line_start:start].strip() and not source[end : len(source) if line_end == -1 else line_end].strip()
    if alone and line_start > 0:
        # The line break before it goes with it (not the one after, where a block inserted after
        # the paragraph before may stand), and in Markdown and text the blank line before too,
        # each whole: a CR LF pair split would leave a stray CR behind.
        start = _line_break_before(source, line_start)
        if doc.kind != "html" and source[:start].endswith("\n"):
            start = _line_break_before(source, start)
    return start, end - start


def _line_break_before(source: str, at: int) -> int:
    """Where the line break that ends just before `at` starts in `source` (as `lines_by_lf` gives
    it, where a lone CR reads as LF): two characters back for CR LF, else one."""
    return at - 2 if source[max(at - 2, 0) : at] == "\r\n" else at - 1


def _moved_block(
    rule_id: str,
    doc: Document,
    block: str,
    offset: int,
    moved: tuple[int, int],
    report: Report,
    attempt: Callable[..., tuple[str, Document, Report]],
) -> tuple[str, tuple[str, Document, Report]] | None:
    """What goes in place of the line `moved` takes out, with the text, document and report it
    gives: the page's own line as the editor wrote it, with its links (CalMatters' credit line
    linking the original story) and emphasis, when it holds every address the block links to;
    else the block, which adds the link a bare line lacks ("… published by ProPublica." gets its
    link to the original). None when neither satisfies the rule."""
    own = _as_moved(doc.lines_source[moved[0] : moved[0] + moved[1]], block)
    texts = (own, block) if set(_ADDRESS.findall(block)) <= set(_ADDRESS.findall(own)) else (block,)
    for text in dict.fromkeys(texts):
        candidate = attempt(offset, text, 0, (moved[0], "", moved[1]))
        if not _regression(rule_id, report, candidate[2]):
            return text, candidate
    return None


# A web address in a block's markup or Markdown: what a moved line must keep of the block's links.
_ADDRESS = re.compile(r"""https?://[^\s"'<>()\[\]]+""")


def _as_moved(copy: str, block: str) -> str:
    """The page's own copy of a block (`_moved_copy`'s text, with the line break before it) laid
    out as `block` is: its line breaks and indentation before and after, so that it stands where
    the block would."""
    body = copy.strip("\n")
    stripped = block.strip()
    lead, trail = block[: block.find(stripped)], block[block.find(stripped) + len(stripped) :]
    return lead + body.strip() + trail


def _whole_holder(element: Any) -> Any:
    """The outermost element that holds `element` and nothing else (`<p><em>credit</em></p>`
    gives the `<p>`): taking the credit line out takes that, so no empty paragraph is left. Never
    past a sectioning element or the body."""
    while (parent := element.getparent()) is not None and str(parent.tag).lower() not in _NOT_A_HOLDER:
        alone = len(parent) == 1 and not (parent.text or "").strip() and not (element.tail or "").strip()
        if not alone:
            break
        element = parent
    return element


# Elements a credit line's holder is never taken as: the page's structure, not the line's.
_NOT_A_HOLDER = frozenset({"html", "body", "article", "main", "section", "header", "footer", "aside", "nav", "div"})


def _paragraph_at(source: str, starts: Sequence[int], line: int) -> tuple[int, int] | None:
    """The Markdown or text paragraph that starts on `line` (the first line, or one after a blank
    line): its start and end offsets, without the line break that ends it; None when `line` is
    inside a paragraph. `starts`: the source's `line_starts`."""
    if not line:
        return None
    start = starts[line - 1] if line <= len(starts) else 0
    if line >= 2 and start > 0 and source[starts[line - 2] : start - 1].strip():
        return None
    paragraph = _PARAGRAPH.match(source, start)
    end = paragraph.end() if paragraph is not None else start
    return start, end - 1 if end > start and source[end - 1] == "\r" else end


# A Markdown or text paragraph from its first line: consecutive lines that are not blank.
_PARAGRAPH = re.compile(r"[^\n]*(?:\n[ \t]*\S[^\n]*)*")


def lines_said(first: int, last: int) -> str:
    """ "line 26", or for a block over several lines "lines 26–28" (an en dash, as ranges are written)."""
    return f"line {first}" if last <= first else f"lines {first}–{last}"


# Openers of a byline that are also particles of names ("Von Miller", "Da Silva", "Di Nguyen",
# "af Klint"): a `reporter` value that starts with one is the name.
_NAME_PARTICLES = frozenset({"von", "di", "da", "de", "av", "af"})


def _pasted_opener(value: str) -> bool:
    """Whether a `reporter` value was pasted with a byline's opener ("By Jane Doe", "Por Jane
    Doe", "Written by Jane Doe": `byline_reading.has_opener`), not a name that starts with a word
    an opener may be (`_NAME_PARTICLES`)."""
    words = value.split()
    return bool(words) and words[0].casefold() not in _NAME_PARTICLES and has_opener(value)


def _affiliations(rules: Iterable[Rule]) -> list[Pattern]:
    """The affiliations the rules' byline checks ask for ("Daily Caller News Foundation|DCNF")."""
    found = (check.params.affiliation for rule in rules for check in iter_checks(rule.check) if check.kind == "byline")
    return list(dict.fromkeys(pattern for pattern in found if pattern is not None and pattern.template is None))


def _own_outlet(credit: str, tail: str, affiliations: Sequence[Pattern]) -> bool:
    """Whether what a `reporter` value gives after the name is the outlet the reporter's credit
    (`tail`, "{reporter}, Daily Caller News Foundation") writes: one of the pack's `affiliations`
    matches it, or it is the credit's words after the name (a leading "the" aside). Another
    outlet that shares words with it (the for-profit "Daily Caller") is not."""
    if any(pattern.search(credit) for pattern in affiliations):
        return True
    written = _plain(tail.split("{reporter}", 1)[1]).strip(" ,.")
    return bool(written) and _plain(credit).removeprefix("the ") == written.removeprefix("the ")


def _reporter_fix(fix: FixTemplate) -> str | None:
    """The part of the fix's plain-text template from the reporter's name on ("{reporter}, Daily
    Caller News Foundation"), or None for a fix that does not credit the reporter."""
    template = fix.template_for("text") or ""
    at = next((template.find(name) for name in _CREDITS if name in template), -1)
    return template[at:] if at >= 0 else None


# The values that credit the story's people: a fix holding one stands in for the page's byline.
_CREDITS = ("{reporter}", "{authors}")


def _byline_fix(fix: FixTemplate) -> str | None:
    """`_reporter_fix` for a fix whose block is a byline ("By {reporter}, ProPublica": nothing or
    a byline's opener before the name), which stands in for the page's byline and is written into
    it; None for any other, a credit line naming the author in a sentence ("This story by
    {reporter} originally appeared on Global Voices …"), which goes beside the byline, never in it."""
    tail = _reporter_fix(fix)
    if tail is None:
        return None
    template = fix.template_for("text") or ""
    lead = template[: len(template) - len(tail)].strip()
    return tail if not lead or has_opener(lead + " Jane Doe") else None


def _wrong_bylines(fix: FixTemplate, doc: Document, values: _Values) -> tuple[Byline, ...]:
    """The page's bylines a fix that credits the reporter puts right, in page order: every byline
    that credits as an author a person who is not the reporter (`original_byline.not_reporters`:
    "By Sam Li", "By Hailey Norwood and Sam Li", a theme's author box naming Sam Li, wherever it
    stands) or the reporter with the given name cut to its initial ("By H. Norwood",
    `original_byline.shortening_bylines`), or when none does, the first byline if it credits
    someone else than a person (staff, "By Staff", a placeholder) or is the reporter's own
    without what the credit adds after the name. A staff byline beside another that names a wrong person is left: once the names are put
    right it is a harmless "Posted by" line, as the rules read it."""
    if not doc.bylines or _byline_fix(fix) is None:
        return ()
    reporters = values.reporters()
    byline = doc.bylines[0]
    if not reporters:
        return ()
    if "{authors}" in (_reporter_fix(fix) or ""):
        # The authors' fix adds what the byline lacks (their institutions): any credit it gives
        # is to be replaced by the full one, and so is an outlet's name where the authors' belong
        # ("By The Conversation": the terms ask for the authors, not the publisher).
        return (byline,) if byline.names or byline.reading.problem in ("staff", "placeholder", "outlet", "unnamed") else ()
    # A byline cutting the reporter's given name to its initial ("By J. Smith") gets the name as
    # the original writes it, as a wrong name does.
    shortening = shortening_bylines(doc.bylines, reporters)
    others = tuple(b for b in doc.bylines if not_reporters(b, reporters) or b in shortening)
    if others:
        return others
    if byline.reading.problem in ("staff", "placeholder") or byline.initials_alone:
        return (byline,)
    # The reporter's own byline without what the credit adds after the name ("By Sarah Jane
    # Tribble", a fix of "{reporter}, KFF Health News"): the affiliation goes into it.
    return (byline,) if byline.names and _lacks_the_addition(fix, doc, byline) else ()


def _lacks_the_addition(fix: FixTemplate, doc: Document, byline: Byline) -> bool:
    """Whether `byline`'s text after its last name lacks what the fix's credit adds after the
    name (", KFF Health News"); False for a credit that adds nothing."""
    tail = _byline_fix(fix) or ""
    credit = next((name for name in _CREDITS if tail.startswith(name)), "")
    added = _plain(tail[len(credit) :]).strip(" ,;|·-–—")
    if not added:
        return False
    span = _byline_span(doc, byline)
    text = doc.lines_source[span[0] : span[1]] if span is not None else byline.text
    last = text.rfind(byline.names[-1])
    return not _gives(text[last:] if last >= 0 else text, added)


def _byline_replacement(fix: FixTemplate, doc: Document, wrong: Byline, values: _Values) -> Edit | None:
    """The edit that puts the reporter's credit in place of the name(s) `wrong` shows, or None
    when that is not safe: a name is not found exactly once as text (outside tags) in the
    byline's element or line, or between two names stands more than a list's separator ("and",
    a comma: "By A, Reuters, and B" keeps its outlet, so it is not replaced). Several names are
    replaced as one run, from the first to the last ("By Sam Li and Ana Ruiz · June 21"). When the
    byline already gives what the credit adds after the name ("By Sam Li, Daily Caller News
    Foundation"), only the name is replaced, so that the affiliation is not written twice."""
    tail = _byline_fix(fix)
    shown = wrong.names or _initials_in_place(wrong, tail or "") or ((wrong.reading.credit,) if wrong.reading.credit else ())
    span = _byline_span(doc, wrong) if shown and tail is not None else None
    if span is None or tail is None:
        return None
    hits = [_once_in(doc, span, name) for name in shown]
    if any(hit is None for hit in hits):
        return None
    runs = [hit for hit in hits if hit is not None]
    source = doc.lines_source
    if any(b[0] <= a[1] or not _lists_names(source[a[1] : b[0]], doc.kind) for a, b in itertools.pairwise(runs)):
        return None
    first, last = runs[0][0], runs[-1][1]
    credit = next(name for name in _CREDITS if tail.startswith(name))
    added = _plain(tail[len(credit) :]).strip(" ,;|·-–—")
    # A link or author markup (an hCard, `rel=author`) around the names: around another
    # person's name it points readers and search engines at that person's page, so it goes with
    # the name; around the reporter's own it stays, and what the credit adds goes after it.
    opened, closed = _author_markup_around(source, first, last) if doc.kind == "html" else (first, last)
    own = bool(opened < first and wrong.names and not not_reporters(wrong, values.reporters()))
    wrapped = (source[opened:first], source[last:closed]) if own else ("", "")
    first, last = opened, closed
    keeps_credit = bool(added and _gives(source[last : span[1]], added))
    markup = ""
    if wrong.names and wrong.reading.credit and not keeps_credit:
        # The rest of the old credit after the names ("By Jane Doe, Hill Country News staff": the
        # staff, a job title, another outlet) is not the reporter's: it goes with the names, its
        # tags kept so that the markup stays whole. A credit not found after the names is not
        # replaced at all (the block is inserted with a note to take the old byline out).
        end = _credit_end(doc, last, span[1], wrong.reading.credit)
        if end is None:
            return None
        markup = "".join(m.group(0) for m in _TAG.finditer(source, last, end))
        last = end
    try:
        text = _render(credit if keeps_credit else tail, doc.kind, fix, values)
        # The people alone, which the markup around them keeps wrapping (the authors' credit
        # gives each with their institution: "Renata Okafor, Northern Plains University").
        names = _render("{reporter}", doc.kind, fix, values) if own else ""
    except ValueError:
        return None
    if own and text.startswith(names):
        text = wrapped[0] + names + wrapped[1] + text[len(names) :]
    # Said as the reader sees it: the link or author markup taken out with the names is not shown.
    found = " ".join(html.unescape(_TAG.sub("", source[first:last])).split()) if doc.kind == "html" else source[first:last]
    return Edit("", first, 0, text + markup, f"{_said(shorten(found, 40))} in the byline", removed=last - first)


def _initials_in_place(byline: Byline, tail: str) -> tuple[str, ...]:
    """What the reporter's credit replaces in a byline of initials alone (`Byline.initials_alone`): the
    initials, when the rest of its credit stays because it already gives what the fix's credit
    adds after the name ("By J. S., ProPublica" for "{reporter}, ProPublica") or the fix adds
    nothing; else the whole credit, as a staff credit's is ("By J. S., Hill Country News" becomes
    "By Jake Smith, ProPublica"). () for any other byline."""
    initials = byline.initials_alone
    if initials is None:
        return ()
    credit = next((name for name in _CREDITS if tail.startswith(name)), "")
    added = _plain(tail[len(credit) :]).strip(" ,;|·-–—")
    rest = byline.reading.credit.strip()[len(initials) :]
    shown = initials if not added or _gives(rest, added) else byline.reading.credit.strip()
    # The reader's credit drops a last full stop ("J.S" of "By J.S."): it goes with the initials.
    return (shown + "." if not shown.endswith(".") and shown + "." in byline.text else shown,)


def _names_written_out(
    rule_id: str,
    fix: FixTemplate,
    check: Check,
    ctx: Context,
    values: _Values,
    report: Report,
    attempt: Callable[..., tuple[str, Document, Report]],
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | None:
    """For a rule whose `original-byline` check reads a credit line (`credit`: Global Voices'
    "This story by NAME originally appeared on …") and whose fix credits the reporter: the edits
    that write out each reporter's name a credit line cuts to its initial ("D. Toktogulov" for
    Daniyar Toktogulov), in place, with the bylines that cut it too (`_byline_replacement`), and
    the text, document and report they give; None when no credit line cuts a name, a cut name is
    not found once as text in its paragraph, or the edits leave the rule failing or add a finding."""
    from compliance.checks.original_byline import OriginalBylineParams, shortening_credit_lines
    from compliance.packs import iter_checks

    if _reporter_fix(fix) is None:
        return None
    reporters = values.reporters()
    doc = ctx.doc
    cuts = [
        cut
        for inner in iter_checks(check)
        if isinstance(inner.params, OriginalBylineParams)
        for cut in shortening_credit_lines(doc, inner.params, ctx, reporters)
    ]
    edits: list[Edit] = []
    for block, short, reporter in cuts:
        span = _paragraph_span(doc, block)
        hit = _once_in(doc, span, short) if span is not None else None
        if hit is None:
            return None
        written = html.escape(reporter, quote=False) if doc.kind == "html" else reporter
        edits.append(Edit(rule_id, hit[0], 0, written, f"{_said(short)} in the credit line", removed=hit[1] - hit[0]))
    if not edits:
        return None
    for wrong in shortening_bylines(doc.bylines, reporters):
        replacement = _byline_replacement(fix, doc, wrong, values) if wrong.in_body else None
        if replacement is None:
            return None
        edits.append(dataclasses.replace(replacement, rule=rule_id))
    if len({edit.offset for edit in edits}) < len(edits):
        return None
    first, *more = edits
    candidate = attempt(first.offset, first.text, first.removed, *((e.offset, e.text, e.removed) for e in more))
    return None if _regression(rule_id, report, candidate[2]) else (tuple(edits), candidate)


def _author_markup_around(source: str, first: int, last: int) -> tuple[int, int]:
    """Where the run of names `source[first:last]` starts and ends with the links and author
    markup that wrap exactly it (`<span class="author vcard"><a class="url fn n" href="…">` …
    `</a></span>`); (first, last) when none does. Emphasis (`<b>`) is style, and stays."""
    while True:
        before = _LAST_START_TAG.search(source, max(0, first - 400), first)
        after = _END_TAG.match(source, last)
        if before is None or after is None or before.group(1).lower() != after.group(1).lower():
            return first, last
        if before.group(1).lower() != "a" and not _AUTHOR_MARKUP.search(before.group(0)):
            return first, last
        first, last = before.start(), after.end()


# The start tag that ends right where a name starts, the end tag right after it, and the
# attributes that mark a person's credit as author markup.
_LAST_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*>$")
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9:-]*)\s*>")
_AUTHOR_MARKUP = re.compile(r"""\b(?:class|rel|itemprop)\s*=\s*["']?[^"'>]*\b(?:vcard|h-card|p-author|p-name|fn|author|name)\b""", re.IGNORECASE)


def _credit_end(doc: Document, start: int, end: int, credit: str) -> int | None:
    """Where (in `doc.lines_source`) the byline's `credit` ends after its names, between `start`
    and `end`: after the last time the credit's last word is written there as text; None when it
    is not."""
    words = re.findall(r"\w+", credit)
    if not words:
        return None
    hits = [m.end() for m in re.finditer(rf"(?<!\w){re.escape(words[-1])}(?!\w)", doc.lines_source[start:end])]
    hits = [start + hit for hit in hits if doc.kind != "html" or _outside_tags(doc.lines_source, start, start + hit)]
    return hits[-1] if hits else None


def _gives(after: str, added: str) -> bool:
    """Whether the byline's text `after` its names already gives `added` (what a credit adds after
    the name, "daily caller news foundation"), in full or by its initials ("DCNF")."""
    words = _plain(after)
    initials = "".join(word[0] for word in added.split()) if len(added.split()) > 1 else ""
    return added in words or bool(initials and re.search(rf"\b{re.escape(initials)}\b", words))


# What may stand between two names a byline lists, in the languages the byline reader knows.
_LIST_SEPARATOR = re.compile(r"[\s,;&/|·]*(?:\b(?:and|with|y|e|et|und|og|en|och|i)\b)?[\s,;&/|·]*")


def _lists_names(between: str, kind: DocumentKind) -> bool:
    """Whether `between`, the source between two names of a byline, only lists them: a separator
    ("and", a comma), and in HTML the end tags of the first name's markup then as many start tags
    of the next one's (`</a> and <a href="…">`), so that taking it out leaves the markup whole.
    Markdown's emphasis there (`**A** and B`) would be left open: not a list to replace."""
    if kind == "html":
        tags = [bool(m.group(1)) for m in _TAG.finditer(between)]
        closes = tags.count(True)
        if tags != [True] * closes + [False] * (len(tags) - closes) or closes != len(tags) - closes:
            return False
        between = html.unescape(_TAG.sub("", between))
    return bool(_LIST_SEPARATOR.fullmatch(between.casefold()))


def _once_in(doc: Document, span: tuple[int, int], name: str) -> tuple[int, int] | None:
    """Where (start, end in `doc.lines_source`) `name` is written once as text in `span`, or None."""
    start, end = span
    forms = {name, html.escape(name, quote=False)} if doc.kind == "html" else {name}
    hits = {(start + m.start(), start + m.end()) for form in forms for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", doc.lines_source[start:end])}
    hits = {hit for hit in hits if doc.kind != "html" or _outside_tags(doc.lines_source, start, hit[0])}
    return next(iter(hits)) if len(hits) == 1 else None


def _byline_span(doc: Document, byline: Byline) -> tuple[int, int] | None:
    """Where `byline` is in `doc.lines_source`: its element (HTML) or its line (Markdown, text)."""
    if doc.kind != "html":
        start = offset_at(doc.lines_source, byline.line, 1)
        end = doc.lines_source.find("\n", start)
        return start, len(doc.lines_source) if end == -1 else end
    if byline.element is None:
        return None
    start = _start_offset(doc, byline.element)
    closed = _element_end(doc.lines_source, start, str(byline.element.tag).lower())
    return (start, closed) if closed is not None else None


def _outside_tags(source: str, start: int, at: int) -> bool:
    """True when `at` is in text, not inside a tag that opens after `start`."""
    return source.rfind("<", start, at) <= source.rfind(">", start, at)


def _without_redundant(edits: list[Edit], text: str, report: Report, without: Callable[[Sequence[Edit]], tuple[str, Report]]) -> tuple[list[Edit], str, Report]:
    """The edits without any that a later one made needless, with the text and report they give:
    an edit is dropped when the document without it has no finding the document with every edit
    lacks. ProPublica's link back ("Read the original story on ProPublica.") is needless once its
    credit line, inserted after it, links "ProPublica" to the original. An edit that only takes
    out is judged with the block of its rule, never alone: a moved image's old copy, taken out,
    breaks no rule by staying, yet the page would show the image twice."""
    kept = list(edits)
    for edit in edits:
        if len(kept) == 1:
            break
        if any(f.rule == edit.rule for f in report.findings) or not edit.text:
            # Its rule fails until the editor takes out a byline its note names: judged with
            # that byline gone (`_try_fix`), never here, where it is not. What an edit takes out
            # (a copy of a block moved, printed twice) is no block added: it goes with its block.
            continue
        # A block moved goes with the taking out of its old copy: dropped, both are.
        trial = [e for e in kept if e is not edit and (e.text or e.rule != edit.rule)]
        trial_text, trial_report = without(trial)
        if not _weighed(trial_report.findings) - _weighed(report.findings):
            kept, text, report = trial, trial_text, trial_report
    return kept, text, report


# Why a tag a consent manager holds back is not pasted again: the page would then load it twice.
_HELD_BACK_UNFIXED = "it is on the page, held back by a cookie-consent manager; exempt it from the consent manager by hand (a second copy would load it twice)"
_DELAYED_UNFIXED = "it is on the page, delayed by a page-speed plugin; exclude it from the delay of scripts by hand (a second copy would load it twice)"
_NEVER_RUN_UNFIXED = (
    "it is on the page, delayed by WP Rocket or Rocket Loader with nothing on the page to run it; give it back its plain type and src by hand"
    " (a second copy would load it twice once that script is back)"
)
_LOADER_UNFIXED = (
    "it is on the page, rewritten by a plugin so that no browser loads it as written; give it back its plain type and src by hand"
    " and exclude it from that plugin (a second copy would be rewritten too)"
)
_COMMENTED_UNFIXED = "it is on the page inside an HTML comment; take out the comment's <!-- and --> around it by hand"
_HELD_UNFIXED = {"interaction": _DELAYED_UNFIXED, "never": _NEVER_RUN_UNFIXED, "loader": _LOADER_UNFIXED, "comment": _COMMENTED_UNFIXED}


@dataclass(frozen=True, slots=True)
class _ImageMove:
    """The page's one copy of the image a fix draws (an `original-image` value: DCNF's logo), not
    where the fix puts it (`_image_move`): the `block` to insert at `offset` of
    `doc.lines_source`, the `place` in words, and the copy to take out, `taken` (offset, length:
    the copy with what holds it alone and its line), or None when it shares a paragraph of the
    story (or stands where the block goes); `at`, where the copy stands in the source."""

    copy: Image
    offset: int
    block: str
    place: str
    taken: tuple[int, int] | None
    at: int


def _image_move(fix: FixTemplate, ctx: Context, values: _Values, placed: tuple[int, str, str] | str, encoding: str = "utf-8") -> _ImageMove | None:
    """What moving the image a fix draws would do (`_ImageMove`), as `syndcheck fix` moves it
    (`_moved_image`) and the HTML report says it (`fix_block`): None when the article has no one
    copy of it, or the block cannot be placed. The block is `placed` (`place_fix`'s answer),
    written with the value given (the original's image, `--meta`: the editor's word wins), else
    (`placed` a reason) with the page's own copy's address."""
    doc = ctx.doc
    alts = [source.original_image for source in fix.values if source.original_image is not None]
    copies = [image for image in doc.images if image.in_article and image.sources and any(alt.search(image.alt) for alt in alts)] if alts else []
    if len(copies) != 1:
        return None
    copy = copies[0]
    if isinstance(placed, str):
        own = _Values(values.meta, values.original, address=values.address, page=doc, link_optional=values.link_optional, article=values.article)
        placed = place_fix(fix, doc, own, ctx, encoding=encoding)
        if isinstance(placed, str):
            return None
    offset, block, place = placed
    span = _image_span(doc, copy)
    taken = _with_its_line(doc, *span) if span is not None else None
    if taken is not None and taken[0] <= offset <= taken[0] + taken[1]:
        taken = None
    return _ImageMove(copy, offset, block, place, taken, span[0] if span else _image_offset(doc, copy))


def _image_in_a_paragraph(name: str, where: str) -> str:
    """What to do about the image `name` at `where` that a move leaves, inside a paragraph of the story."""
    return f"the image {name} at {where}, inside a paragraph of the story, can go: take it out of that paragraph by hand, keeping the text"


def _moved_image(
    rule_id: str,
    fix: FixTemplate,
    ctx: Context,
    values: _Values,
    placed: tuple[int, str, str] | str,
    report: Report,
    attempt: Callable[..., tuple[str, Document, Report]],
    encoding: str,
    earlier: tuple[Sequence[Edit], str],
) -> tuple[tuple[Edit, ...], tuple[str, Document, Report]] | None:
    """The edits that move the image a fix draws (`_image_move`), with the text, document and
    report they give; None when there is no such copy or neither moving it nor a copy where the
    block goes satisfies the rule. The copy is taken out with what holds it alone
    (`_whole_holder`: its `<p>`, `<figure>`; in Markdown its line) — unless that takes more than
    the image (a paragraph of the story holds it) or makes the rule or another fail: then it
    stays, and the note says so. `earlier`: the edits made so far and the source they are
    offsets of (`_kept_where`)."""
    doc = ctx.doc
    move = _image_move(fix, ctx, values, placed, encoding)
    if move is None:
        return None
    copy, offset, block, place, taken = move.copy, move.offset, move.block, move.place, move.taken
    name = _quoted(copy.alt)
    where = _kept_where(earlier[0], move.at, earlier[1]) if earlier[1] else f"line {copy.line}"
    if taken is not None:
        given = "" if _block_address(block) in copy.sources else "written with the address given, not the page's"
        # Moved with the page's address, the image keeps its own tag as written (its size, class,
        # srcset, lazy-load attributes) in the block's place, unless the rule fails so: then
        # the block's own tag is tried, as when the address is given.
        own_tag = None if given else _with_own_image_tag(doc, copy, block)
        problem = ""
        for written in (own_tag, block) if own_tag is not None else (block,):
            candidate = attempt(offset, written, 0, (taken[0], "", taken[1]))
            problem = _regression(rule_id, report, candidate[2])
            if not problem:
                note = f"{_MOVED_IMAGE}{name}" + (f"{_NOTE_REST}{given}" if given else "")
                return (Edit(rule_id, offset, 0, written, place, note), Edit(rule_id, taken[0], 0, "", place, removed=taken[1])), candidate
        stays = f"the image {name} at {where} stays: taking it out {problem}"
    else:
        stays = _image_in_a_paragraph(name, where)
    candidate = attempt(offset, block)
    if _regression(rule_id, report, candidate[2]):
        return None
    return (Edit(rule_id, offset, 0, block, place, stays),), candidate


def _image_move_said(doc: Document, move: _ImageMove) -> str:
    """What the HTML report says beside a block that moves the page's own copy of its image
    (`fix_block`), as `syndcheck fix` does it: which lines to take out, in the words of fix's own
    note (`_taken_said`); or that the copy, in a paragraph of the story, can go."""
    name = _quoted(move.copy.alt)
    if move.taken is None:
        said = _image_in_a_paragraph(name, f"line {move.copy.line}")
        return said[:1].upper() + said[1:]
    taken = _at(Edit("", move.taken[0], 0, "", move.place, removed=move.taken[1]), move.taken[0], doc.lines_source)
    return f"Then take out {taken.taken}: this block moves that image {move.place}, so that the page shows it once"


# The address of a fix's image block: an HTML `src` (quoted) in group 1 or 2, a Markdown image's in 3.
_BLOCK_IMAGE_ADDRESS = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')|!\[[^\]]*\]\(\s*<?([^\s)>]+)""", re.IGNORECASE)


def _block_address(block: str) -> str:
    """The address of the image in a fix's block as a page's image reads it ("" when none)."""
    found = _BLOCK_IMAGE_ADDRESS.search(block)
    if found is None:
        return ""
    return html.unescape(found.group(1) if found.group(1) is not None else found.group(2) if found.group(2) is not None else found.group(3))


def _start_offset(doc: Document, element: Any) -> int:
    """Where an element of `doc` (an lxml element) starts in `doc.lines_source`: its start tag's `<`."""
    location = doc.locate_element(element)
    return offset_at(doc.lines_source, location.line, location.column)


def _with_own_image_tag(doc: Document, image: Image, block: str) -> str | None:
    """`block` (a fix's HTML holding one `<img>` or `<amp-img>` start tag) with that tag as the
    page writes `image`'s own; None when the block holds no one such tag of the image's name, or
    the image's tag is not found in the source."""
    if doc.kind != "html" or image.element is None:
        return None
    source = doc.lines_source
    tag = _TAG.match(source, _start_offset(doc, image.element))
    if tag is None or tag.group(1) or tag.group(2).lower() not in ("img", "amp-img"):
        return None
    in_block = [m for m in _TAG.finditer(block) if not m.group(1) and m.group(2) and m.group(2).lower() in ("img", "amp-img")]
    if len(in_block) != 1 or in_block[0].group(2).lower() != tag.group(2).lower():
        return None
    return block[: in_block[0].start()] + tag.group(0) + block[in_block[0].end() :]


def _image_holder(element: Any) -> Any:
    """What holds an image alone (`_whole_holder`), and the `<div>` around that when it holds
    nothing else (a CMS's image block, `<div class="wp-block-image"><figure>…</figure></div>`):
    taking the image out takes that too, so no empty box is left where it was."""
    holder = _whole_holder(element)
    parent = holder.getparent()
    if parent is not None and str(parent.tag).lower() == "div" and len(parent) == 1 and not (parent.text or "").strip() and not (holder.tail or "").strip():
        return parent
    return holder


def _image_span(doc: Document, image: Image) -> tuple[int, int] | None:
    """Where (start, end in `doc.lines_source`) the image stands with what holds it alone (an
    HTML `<p>`, `<figure>` or link around it, as `_whole_holder` gives; a Markdown line of the
    image alone, or of a link around it), when that is a block of its own; None when it shares a
    paragraph with text (a logo inside a paragraph of the story) or is not found so."""
    source = doc.lines_source
    if doc.kind != "html" or image.element is None:
        span = _paragraph_at(source, line_starts(source), image.line) if doc.kind == "markdown" else None
        return span if span is not None and _IMAGE_LINE.fullmatch(source[span[0] : span[1]].strip()) else None
    holder = _image_holder(image.element)
    parent, previous = holder.getparent(), holder.getprevious()
    before = (previous.tail if previous is not None else parent.text if parent is not None else "") or ""
    inline = str(holder.tag).lower() in _INLINE_IMAGE_HOLDERS and (parent is None or str(parent.tag).lower() not in _NOT_A_HOLDER)
    if before.strip() or (holder.tail or "").strip() or inline:
        return None
    start = _start_offset(doc, holder)
    end = _element_end(source, start, str(holder.tag).lower())
    return None if end is None else (start, end)


def _image_offset(doc: Document, image: Image) -> int:
    """Where in `doc.lines_source` the image's line starts (for `_kept_where`)."""
    return offset_at(doc.lines_source, max(image.line, 1), 1)


# A Markdown paragraph that is one image, perhaps linked: `![alt](src)`, `[![alt](src)](href)`,
# or one `<img>` (in a `<p>` or not).
_IMAGE_LINE = re.compile(
    r"(?:\[\s*)?!\[[^\]\n]*\]\([^)\n]*\)(?:\s*\]\([^)\n]*\))?|(?:<p\b[^>]*>\s*)?<(?:img|amp-img)\b[^>]*>(?:\s*</amp-img>)?(?:\s*</p>)?",
    re.IGNORECASE,
)
# Elements that hold an image inline, in a paragraph of text (a link, a `<picture>`): taking one
# out of a paragraph is not taking out a block of its own.
_INLINE_IMAGE_HOLDERS = frozenset({"img", "amp-img", "picture", "a", "span", "em", "i", "strong", "b", "small"})


def _futile_with_the_pages_own(
    rule_id: str,
    fix: FixTemplate,
    ctx: Context,
    values: _Values,
    report: Report,
    attempt: Callable[[int, str], tuple[str, Document, Report]],
    encoding: str,
) -> str | None:
    """Why a fix that lacks a value is no use whatever the value, or None. The fix is tried with
    the image the value would draw (an `original-image` value, DCNF's logo): the page's own copy of
    it, with the page's own address, or, when the page has none, a stand-in address that is never
    written. When the rule still fails (the byline ties the reporter to another outlet), the
    editor is told to fix it by hand rather than asked for an address that would not help. With
    the stand-in, only when the inserted image is what another failing rule wanted (it passes
    then): the image itself is right, so no address would make this rule pass."""
    for stand_in in (False, True):
        trial = _Values(
            values.meta, values.original, address=values.address, page=ctx.doc, stand_in=stand_in, link_optional=values.link_optional, article=values.article
        )
        placed = place_fix(fix, ctx.doc, trial, ctx, encoding=encoding)
        if not isinstance(placed, str):
            break
    else:
        return None
    offset, block, place = placed
    after = attempt(offset, block)[2]
    if not _regression(rule_id, report, after).startswith(_STILL_FAILS):
        return None
    if not stand_in:
        shown = shorten(" ".join(block.split()), 80)
        return f"the page already has the image this fix inserts, and inserting {_said(shown)} {place} does not satisfy the rule; fix it by hand"
    passing = {f.rule for f in report.findings} - {f.rule for f in after.findings}
    if not passing:
        return None
    shown = shorten(" ".join(block.replace(_STAND_IN_ADDRESS, "…").split()), 80)
    return f"inserting {_said(shown)} {place}, whatever its address, satisfies {', '.join(sorted(passing))} but not this rule; fix it by hand"


# What `_regression` says of a candidate fix whose rule still fails.
_STILL_FAILS = "does not satisfy the rule"

# The address a trial gives an image the page lacks (`_futile_with_the_pages_own`): a reserved
# name (RFC 2606 `.invalid`), never written into a file.
_STAND_IN_ADDRESS = "https://stand-in.invalid/image"


def _image_addresses(doc: Document, alt: Pattern) -> Iterator[str]:
    """The address of each image of `doc` whose alt text the pattern `alt` finds (an
    `original-image` value's), as the page writes it: those in the article first, each in
    document order."""
    # In-article copies first: the one a fix moves (`_moved_image`), not a sidebar's.
    images = sorted(doc.images, key=lambda image: not image.in_article)
    return (image.sources[0] for image in images if image.sources and alt.search(image.alt))


def _read_original(wanted: str, load_original: Callable[[str], Document] | None) -> Document | None:
    if not wanted or load_original is None:
        return None
    try:
        return load_original(wanted)
    except OriginalUnavailable:
        return None  # the check says why, as a notice


def _rules_of(packs: Sequence[Pack], applied: Sequence[str]) -> dict[str, Rule]:
    """The rules of the applied packs by id (a pack's own version of an inherited rule first)."""
    rules: dict[str, Rule] = {}
    for pack in packs:
        if pack.id in applied:
            for rule in pack.rules:
                rules.setdefault(rule.id, rule)
    return rules


def _encoding_prefix(data: bytes, doc: Document) -> bytes | None:
    """The bytes before the decoded text (a byte-order mark), or None when the text does not encode
    back to exactly these bytes (then inserting would change other bytes)."""
    try:
        encoded = doc.source.encode(doc.encoding)
    except (UnicodeEncodeError, LookupError):
        return None
    if not data.endswith(encoded):
        return None
    prefix = data[: len(data) - len(encoded)]
    return prefix if prefix in (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff") else None


def _regression(rule_id: str, before: Report, after: Report) -> str:
    """Why a candidate fix is refused: its rule still fails (with what its finding then says, the
    page's CSS hiding what was inserted, say), or it adds a finding."""
    still = next((f for f in after.findings if f.rule == rule_id), None)
    if still is not None:
        # Its lines are the page's with the fix made, as the note says.
        return _STILL_FAILS + (f" (with it made: {still.detail})" if still.detail else "")
    # A copy beyond a count allowed (a third credit line where one is allowed) adds to the one
    # finding of the copies beyond it (`Finding.extra_copies`), as it would add a finding.
    added = _weighed(after.findings) - _weighed(before.findings)
    if added:
        return "would add a finding (" + ", ".join(sorted(added)) + ")"
    return ""


def _weighed(findings: Iterable[Finding]) -> Counter[str]:
    """The findings counted by rule, the finding of copies beyond a count as the copies it reports."""
    counts: Counter[str] = Counter()
    for finding in findings:
        counts[finding.rule] += max(finding.extra_copies, 1)
    return counts


def _with_edit(edits: list[Edit], new: Edit, source: str) -> list[Edit]:
    """The edits with one more, `new`, given at an offset of the current (already edited) text and
    stored at the matching offset of the original (`source`), so that `apply_edits` gives the
    current text with it. An offset inside an earlier edit's text (a byline placed after the
    `</p>` of a logo paragraph inserted before, ahead of the line break that ends it) splits that
    text: the earlier edit keeps what comes before the offset, and the new one, at the same place
    of the original, carries the rest after its own block; otherwise the block would land before
    the earlier one in the file written, while the diff shown and the check of the fix had it after.
    An offset within the line break that leads the earlier edit's block puts the new edit first,
    with that line break, and the earlier one after it."""
    shift = 0
    for index, edit in enumerate(edits):
        start = edit.offset + shift
        if new.offset <= start:
            return [*edits[:index], _at(new, new.offset - shift, source), *edits[index:]]
        if new.offset < start + len(edit.text) and not new.removed:
            cut = new.offset - start
            if not edit.text[:cut].strip():
                # Within the line break that leads the earlier block (a logo put before a byline
                # inserted under the headline): the new block comes first, with that line break.
                ahead = dataclasses.replace(new, offset=edit.offset, line=edit.line, text=edit.text[:cut] + new.text)
                return [*edits[:index], ahead, dataclasses.replace(edit, text=edit.text[cut:]), *edits[index + 1 :]]
            head = dataclasses.replace(edit, text=edit.text[:cut])
            tail = dataclasses.replace(new, offset=edit.offset, line=edit.line, text=new.text + edit.text[cut:])
            return [*edits[:index], head, tail, *edits[index + 1 :]]
        shift += len(edit.text) - edit.removed
    return [*edits, _at(new, new.offset - shift, source)]


def _at(edit: Edit, offset: int, source: str) -> Edit:
    """`edit` at `offset` of the original, on its line; a paragraph taken out is on the line its
    text starts on, past the line breaks before it that go with it."""
    lead = 0
    taken = ""
    if edit.removed and not edit.text:
        taken = source[offset : offset + edit.removed]
        lead = len(taken) - len(taken.lstrip("\r\n"))
    line = source.count("\n", 0, offset + lead) + 1
    last_line = line + taken.strip("\r\n").count("\n") if taken else 0
    said = _taken_said(source, offset, edit.removed, lines_said(line, last_line)) if taken else ""
    return dataclasses.replace(edit, offset=offset, line=line, last_line=last_line, taken=said)


def _taken_said(source: str, offset: int, removed: int, lines: str) -> str:
    """What the `removed` characters at `offset` of `source` are, as a note says what it took out:
    its `lines` when it is whole lines, else the line it is taken from, with the element it is
    (its first tag) and its words quoted, cut at a word: "line 7, the <p> 'This story was …'",
    "the <li> 'This story was …' from line 7", "line 11, 'This story was …'" (Markdown, text)."""
    end = offset + removed
    taken = source[offset:end]
    whole = (offset == 0 or source[offset - 1] in "\r\n" or taken[:1] in ("\r", "\n")) and (end >= len(source) or source[end] in "\r\n")
    tag = _FIRST_TAG.match(taken.strip())
    # Emphasis around a Markdown line's words is its markup, as a tag is: not quoted.
    words = _unmarked(taken).strip("*_ ")
    image = _TAKEN_IMAGE.search(taken)
    if image is not None and (not words or words.startswith("!")):
        # An image, which has no words: named by its alt text (a moved logo, `_moved_image`).
        name = tag.group(1).lower() if tag else ""
        alt = _quoted(html.unescape(next((group for group in image.groups() if group is not None), "")))
        what = f"the <{name}> {alt}" if name in ("img", "amp-img") else f"the <{name}> of the image {alt}" if name else f"the image {alt}"
    else:
        what = (f"the <{tag.group(1).lower()}> " if tag else "") + _quoted(words)
    return f"{lines}, {what}" if whole else f"{what} from {lines}"


# An image in what an edit takes out, its alt text in a group: a Markdown `![alt](src)`, an
# `<img>` or `<amp-img>` with its `alt` attribute.
_TAKEN_IMAGE = re.compile(r"""!\[([^\]\n]*)\]\(|<(?:img|amp-img)\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


# The tag a piece of markup opens with, its name in group 1.
_FIRST_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)\b")


def _stands_for_an_image(fix: FixTemplate, kind: DocumentKind) -> str:
    """The note for a plain-text line that stands for an image, or "": the fix's text template is
    the alt text of the image its HTML template inserts (DCNF's "Daily Caller News Foundation
    logo"), so in a print copy the line marks where layout places the image."""
    text, markup = fix.template_for("text"), fix.template_for("html")
    if kind != "text" or not text or not markup:
        return ""
    alts = {html.unescape(alt) for alt in _IMAGE_ALT.findall(markup)}
    if text.strip() not in alts:
        return ""
    return f"the line stands for the image '{text.strip()}': put the image there in layout and take the line out"


_IMAGE_ALT = re.compile(r"<img\b[^>]*?\balt=\"([^\"]*)\"", re.IGNORECASE)


# -- values -----------------------------------------------------------------------------------


class _Values:
    """The values a fix can use, from the original story and the article metadata."""

    def __init__(
        self,
        meta: Mapping[str, str],
        original: Document | None,
        *,
        address: str | None = None,
        page: Document | None = None,
        stand_in: bool = False,
        link_optional: bool = False,
        article: Document | None = None,
        copied: str | None = None,
    ) -> None:
        self.meta = meta
        # The original's own copy of the block, in the page's syntax (`_copied`): written in
        # place of the template.
        self.copied = copied
        self.original = original
        # The page being fixed, as it came: a `page-text` value is read from its own words.
        self.article = article
        # The original's address, as the rule's finding names it (`link.original_address_for`).
        self.address = address
        # A trial's values (`_futile_with_the_pages_own`): an image value is the address of the
        # page's own copy of that image, as the page writes it, or with `stand_in` and no copy,
        # `_STAND_IN_ADDRESS`; never written into a file.
        self.page = page
        self.stand_in = stand_in
        # Whether a link to the original may be left out when its address is not known
        # (`place_fix`): the terms ask for no link back.
        self.link_optional = link_optional
        # Whether a block was rendered with the original's address (`{original-url}`, or a value
        # read from it: The Conversation's article id): its note then says where it came from.
        self.address_used = False

    def original_url(self) -> str | None:
        """The original story's address: the one the rule's finding names, chosen once for both."""
        self.address_used = True
        return self.address

    def authors(self) -> str | None:
        """Each author of the original's first byline with their first institution ("Priya Raman,
        University of Georgia"), as a sentence lists them; None without an original, or when an
        author's institution is not in it (one is never guessed)."""
        if self.original is None or not self.original.bylines:
            return None
        reading = self.original.bylines[0].reading
        if not reading.names or len(reading.institutions) != len(reading.names) or not all(reading.institutions):
            return None
        return listed([f"{name}, {institution}" for name, institution in zip(reading.names, reading.institutions, strict=True)])

    def original_date(self) -> str | None:
        """The day the original story was published, as Global Voices' credit line writes it
        ("March 2, 2026"): the `original_date` metadata (`fixtemplates.day_given`), else the
        original's own (`time_edits.original_day`: its front matter's date, else its
        `article:published_time` or JSON-LD `datePublished`, the day as the publisher wrote it);
        None when neither names a day. Never the copy's date, nor one read from an address."""
        from compliance.checks.time_edits import original_day

        given = day_given(str(self.meta.get(ORIGINAL_DATE_KEY) or ""))
        day = given or (original_day(self.original) if self.original is not None else None)
        return day_written(day) if day is not None else None

    def reporter(self) -> str | None:
        """Every reporter the original's bylines name, as a sentence lists them, else the
        `reporter` metadata; None when neither gives one."""
        names = self._original_reporters()
        if names:
            return listed(names)
        value = self.meta.get("reporter") or ""
        if not value:
            return None
        # A value that gives an outlet or a role after the name ("Jane Doe, Reuters") is the
        # name(s) alone in the credit, which writes the affiliation the terms ask for.
        # So is a value pasted with the byline's opener ("By Jane Doe", "Por Jane Doe"), which the
        # credit writes itself.
        given, credit = self._given()
        return listed(given) if given and (credit or _pasted_opener(str(value))) else value

    def _original_reporters(self) -> list[str]:
        return list(dict.fromkeys(n for b in self.original.bylines for n in b.names)) if self.original is not None else []

    def reporters(self) -> list[str]:
        """The people `reporter` names, one by one: the original's bylines', else those the
        `reporter` metadata lists (`original_byline.reporters_given`); [] when neither gives one."""
        return self._original_reporters() or self._given()[0]

    def _given(self) -> tuple[list[str], str]:
        """The people the `reporter` metadata names, and what it gives after them, each element's
        (`original_byline.reporters_and_credit`): ("Reuters" in "Jane Doe, Reuters")."""
        names, credits = self._given_credits()
        return names, listed(credits)

    def _given_credits(self) -> tuple[list[str], list[str]]:
        """`_given`, with each element's credit on its own."""
        value = self.meta.get("reporter") or ""
        elements = value.names if isinstance(value, NamesMeta) else (value,)
        read = [reporters_and_credit(" ".join(element.split())) for element in elements if element.strip()]
        return list(dict.fromkeys(name for names, _ in read for name in names)), list(dict.fromkeys(credit for _, credit in read if credit))

    def credit_left_out(self, fix: FixTemplate, affiliations: Sequence[Pattern] = ()) -> str:
        """The note of a fix that credits the reporter by the `reporter` metadata's name(s) alone,
        leaving out the outlet or role the value gives after them ("Reuters" in "Jane Doe,
        Reuters"; the for-profit "Daily Caller" beside DCNF's credit): what was left out and why;
        "" when nothing was, or when what it gives is the pack's own outlet, which the credit
        writes (`_own_outlet`: "DCNF", "the Daily Caller News Foundation")."""
        tail = _reporter_fix(fix)
        if tail is None or "{reporter}" not in tail or self._original_reporters():
            return ""
        credit = listed([credit for credit in self._given_credits()[1] if not _own_outlet(credit, tail, affiliations)])
        if not credit:
            return ""
        given = _said(shorten(normalize_inline_keeping_controls(str(self.meta.get("reporter") or "")), 60))
        names = _said(listed(self._given()[0]))
        return f"credited {names} with the affiliation the terms ask for: {_said(credit)}, which the reporter given ({given}) adds after the name, is left out"

    def get(self, name: str, fix: FixTemplate) -> str | None:
        if name.startswith("meta."):
            return self.meta.get(name[5:]) or None
        if name == "reporter":
            return self.reporter()
        if name == "authors":
            return self.authors()
        if name == "original-url":
            return self.original_url()
        if name == "original-date":
            return self.original_date()
        if name == "headline":
            if self.original is not None and self.original.headline is not None:
                return self.original.headline.text
            # The copy's own `headline` (a CMS's) is not the original's.
            return self.meta.get("original_headline") or None
        source = next(s for s in fix.values if s.name == name)
        return self._own(source)

    def _own(self, source: ValueSource) -> str | None:
        if self.page is not None and source.original_image is not None:
            # A trial: the page's own copy of the image, whatever the original or --meta say.
            own = next(_image_addresses(self.page, source.original_image), None)
            return _STAND_IN_ADDRESS if own is None and self.stand_in else own
        original = self.original
        if source.original_image is not None and original is not None:
            for address in _image_addresses(original, source.original_image):
                try:
                    # The original's address is only the base of the image's: the block does not
                    # write it, and says nothing of where it came from.
                    found = urljoin(self.address or "", address)
                except ValueError:  # an address no URL parser reads (`http://[::1/x`): not one to write
                    continue
                if is_http_url(found):
                    return found
        if source.original_url is not None:
            url = self.original_url()
            match = source.original_url.search(url) if url else None
            if match is not None and match.groups():
                return str(match.group(1))
        if source.meta is not None:
            given = self.meta.get(source.meta) or None
            # An image's address the fix writes needs a host a browser reads: `https://` (or
            # `https://?x`) loads nothing, and the logo it would stand for is not there.
            if given is not None and source.original_image is not None and url_form(given) is None:
                return None
            if given is not None:
                return given
        if source.page_text is not None and self.article is not None:
            return _page_text_value(self.article, source.page_text)
        return None

    @staticmethod
    def missing(name: str, fix: FixTemplate) -> str:
        if name in BUILT_IN_VALUES:
            return BUILT_IN_VALUES[name]
        if name.startswith("meta."):
            return f"the article's '{name[5:]}': give --meta {name[5:]}=VALUE"
        source = next(s for s in fix.values if s.name == name)
        ways = []
        if source.original_image is not None:
            reads = _alt_text_example(fix, name, source.original_image)
            ways.append(f'the original story with its image whose alt text reads "{reads}" (--original FILE)')
        if source.original_url is not None:
            ways.append(f"the original story's URL (--meta original-url=URL, {ORIGINAL_URL_IN_THE_ARTICLE})")
        if source.meta is not None:
            ways.append(f"--meta {source.meta}=VALUE")
        if source.page_text is not None:
            ways.append("have the page name it where the fix reads it (a credit line or its byline)")
        return f"'{name}': give " + " or ".join(ways)


# The alt text a fix's template writes for the image whose address is `{NAME}`: an HTML `<img>`'s
# or `<amp-img>`'s `alt` (`src` before it or after), or a Markdown image's text.
_TEMPLATE_ALT = (
    r"""<(?:amp-)?img\b[^>]*?\bsrc=["']?\{{{name}\}}["']?[^>]*?\balt=(["'])(.*?)\1""",
    r"""<(?:amp-)?img\b[^>]*?\balt=(["'])(.*?)\1[^>]*?\bsrc=["']?\{{{name}\}}""",
    r"!\[()([^\]]*)\]\(\{{{name}\}}\)",
)


def _alt_text_example(fix: FixTemplate, name: str, pattern: Pattern) -> str:
    """An alt text an editor can paste that the image value `name`'s pattern finds: the alt text
    the fix itself writes for that image, when the pattern finds it (DCNF's "Daily Caller News
    Foundation logo"); else the first of the pattern's alternatives that reads as plain text and
    that it finds (`describe.plain_alternatives`); else what the pattern is shown as, its label or
    the neutral phrase (`Pattern.shown`), quoted once whether or not the label is written in
    quotes. Never the regex itself."""
    for template in (fix.template_for("html"), fix.template_for("markdown")):
        for form in _TEMPLATE_ALT:
            found = re.search(form.format(name=re.escape(name)), template or "", re.IGNORECASE)
            alt = html.unescape(found.group(2)).strip() if found else ""
            try:
                if alt and pattern.search(alt):
                    return alt
            except PatternTimeout:
                continue
    from compliance.describe import plain_alternatives

    for reading in plain_alternatives(pattern.regex_text):
        try:
            if pattern.search(reading):
                return reading
        except PatternTimeout:
            continue
    return pattern.shown.strip('"')


def _page_text_value(doc: Document, pattern: Pattern) -> str | None:
    """The first group of `pattern` at its first match in `doc`'s article text, block by block in
    page order; None when no block matches (or the pattern runs out of time on one)."""
    for block in scope_blocks(doc, "article", None, None):
        try:
            match = pattern.search(block.text)
        except PatternTimeout:
            return None
        if match is not None and match.groups() and match.group(1):
            return " ".join(str(match.group(1)).split())
    return None


_URL_VALUES = ("original-url",)


def _render(template: str, kind: DocumentKind, fix: FixTemplate, values: _Values, *, unknown: Callable[[str], str] | None = None) -> str:
    """The template with its values filled in, each escaped for the syntax it goes into. A value
    that is not known, or an address that is not an http(s) URL, is `unknown(name)`, or without
    `unknown` a `ValueError` naming it (every value not known, in the template's order)."""
    images = {s.name for s in fix.values if s.original_image is not None}
    urls = {*_URL_VALUES, *images}
    # Every value not known, each said once: an editor gives them all in one go.
    missing: dict[str, str] = {}

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name, fix)
        if value is None and unknown is not None:
            return unknown(name)
        if value is None:
            missing.setdefault(name, _Values.missing(name, fix))
            return ""
        value = " ".join(_CONTROL.sub(" ", value).split())
        if name in urls:
            value = percent_encode_unsafe(value)
        # A trial's image address is the page's own, as the page writes it ("/dcnf-logo.png").
        if name in urls and not is_http_url(value) and not (values.page is not None and name in images):
            # Metadata from a sidecar file, front matter or a CMS payload is not checked at the
            # command line: a block to show keeps the placeholder, a fix to apply says what it needs.
            if unknown is not None:
                return unknown(name)
            raise ValueError(f"{_Values.missing(name, fix)} (an http(s) URL; got '{shorten(value, 60)}')")
        if kind == "html":
            return html.escape(value, quote=True)
        if kind == "markdown" and name in urls:
            return address_written_in_markdown(value)
        return words_written_in(kind, value)

    rendered = PLACEHOLDER().sub(one, template)
    if missing:
        raise ValueError("; and ".join(missing.values()))
    return rendered


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# -- placing ----------------------------------------------------------------------------------


def fix_block(fix: FixTemplate, ctx: Context, checks: Sequence[Check] = ()) -> FixBlock | None:
    """The block `fix` puts into `ctx.doc`, rendered with the values the original story and the
    article's metadata give (one not known shows as `[NAME]`, "[LOGO URL]"), and where it goes;
    None when the fix does not apply to the page (its `when` fails) or has no template in the
    document's syntax. What the HTML report and the editor's page show as the block to paste.
    `checks`: the rule's check, then those of the packs' other rules, whose link back says which
    of the original's addresses is the publisher's story (`link.original_address_for`)."""
    doc = ctx.doc
    template = fix.template_for(doc.kind, amp=is_amp_page(doc))
    if template is None:
        return None
    # The block is advice beside the finding: a check of the fix that cannot decide (no original,
    # a value not given, a pattern out of time) leaves the block out, never the finding.
    try:
        if fix.when is not None and not ctx.run(fix.when).passed:
            return None
        anchor = _anchor(fix.where, doc, ctx)
        address, address_from = _address(checks, ctx, fix)
    except (Undecided, MissingMeta, PatternTimeout, PatternTooLarge):
        return None
    unknown: dict[str, str] = {}

    def placeholder(name: str) -> str:
        unknown.setdefault(name, _placeholder(name))
        return unknown[name]

    values = _Values(ctx.meta, ctx.original, address=address, article=doc, copied=_copied(fix, checks[0], ctx.original, doc.kind) if checks else None)
    text = values.copied if values.copied is not None else _render(template, doc.kind, fix, values, unknown=placeholder)
    # As `syndcheck fix` does (`_moved_image`): the image the block draws, on the page already in
    # the wrong place, is moved, with the page's own address unless one is given.
    move = _image_move(fix, ctx, values, place_fix(fix, doc, values, ctx)) if fix.insert != REPLACE and _draws_an_image(fix) else None
    if move is not None:
        text = move.block.strip()
    # Where the address the block writes came from, said beside it: the page's own link back
    # (`_address`'s note), else where it was given.
    whence = (address_from or _given_whence(address, ctx)) if values.address_used and address is not None else ""
    # A value the move writes from the page's own copy is no longer to fill in.
    fill_in = tuple(_fill_in(shown, _Values.missing(name, fix)) for name, shown in unknown.items() if shown in text)
    # As `syndcheck fix` does (`_try_fix`): the reporter's credit in place of a byline's wrong
    # name, or when that is not safe, the block and a line saying to take the old byline out.
    # A byline the theme prints from the front matter or the CMS's field is no text of the body
    # to replace: the block goes in, and the note says what still prints the other one.
    if fix.insert == REPLACE:
        # What the editor changes is the line the block stands in for: the report marks it.
        stands = anchor[0] if anchor is not None and isinstance(anchor[0], Block) else None
        if stands is None:
            return FixBlock(text, "", None, fill_in, whence)
        spliced = _in_place_of(doc, stands, text)
        if isinstance(spliced, str):
            return FixBlock(text, f"in place of {_quoted(stands.text)}", doc.locate(stands), fill_in, whence)
        return FixBlock(spliced[2].strip(), f"in place of {_quoted(stands.text)}", doc.locate(stands), fill_in, whence, splice=spliced)
    pairs = [(wrong, _byline_replacement(fix, doc, wrong, values)) for wrong in _wrong_bylines(fix, doc, values) if wrong.in_body]
    shown = next(((wrong, replacement) for wrong, replacement in pairs if replacement is not None), None)
    # Every other byline crediting someone else is put right too: said after the block.
    fill_in += tuple(
        f"Then put {_said(replacement.text)} in place of {replacement.place} on line {doc.locate(wrong).line} too"
        if replacement is not None
        else f"Then take out the byline {_said(shorten(wrong.text, 60))}, so that there is one"
        for wrong, replacement in pairs
        if shown is None or wrong is not shown[0]
    )
    if shown is not None:
        wrong, replacement = shown
        said = whence if address is not None and address in html.unescape(replacement.text) else ""
        splice = (replacement.offset, replacement.removed, replacement.text)
        return FixBlock(replacement.text, f"in place of {replacement.place}", doc.locate(wrong), fill_in, said, splice=splice)
    # What the editor changes is that byline: the report marks it, not the block's place.
    marked: Location | None = doc.locate(pairs[0][0]) if pairs else None
    # As `syndcheck fix` does: a credit link that names the original but goes elsewhere is
    # mended, and a credit line in other words is replaced where it stands.
    instead = None if pairs else _in_place_block(doc, ctx, checks, address, text)
    if instead is not None:
        return dataclasses.replace(instead, fill_in=fill_in, address_from=whence)
    # As `syndcheck fix` does (`_out_of_the_caption`): the story's credit written in a photo's
    # caption is taken out there, so that the story is credited once, by this block.
    in_caption = _story_credit_in_a_caption(checks[0], ctx) if checks else None
    if in_caption is not None:
        caption, (first, last) = in_caption
        fill_in += (
            f"Then take {_said(caption.text[first:last].strip())} out of the photo caption on line {doc.locate(caption).line}:"
            " there it reads as the photo's credit, and this block is the story's",
        )
    if move is not None:
        fill_in += (_image_move_said(doc, move),)
    moved = _moved_copy(doc, text) if move is None else None
    if moved is not None:
        # The text is on the page already, in the wrong place: pasting it would repeat it.
        taken = doc.lines_source[moved[0] : moved[0] + moved[1]]
        line = doc.lines_source.count("\n", 0, moved[0] + len(taken) - len(taken.lstrip("\r\n"))) + 1
        where = lines_said(line, line + taken.strip("\r\n").count("\n"))
        fill_in += (f"Move {where} here: take it out where it is now, so that the text is there once",)
    if marked is None and anchor is not None:
        # A place a check names (after the logo) and the end of the story (after its last
        # paragraph) are marked where the block goes in; another named place (the byline) at its
        # anchor, as the panel's words say.
        at_anchor = isinstance(fix.where, str) and fix.where != "end"
        marked = doc.locate(anchor[0]) if at_anchor else _block_location(doc, anchor[0], "after" if fix.insert == "after" or fix.where == "end" else "before")
    return FixBlock(text, _place_said(fix, anchor), marked, fill_in, whence)


def _draws_an_image(fix: FixTemplate) -> bool:
    """Whether the fix's block draws an image the original shows (an `original-image` value: DCNF's logo)."""
    return any(source.original_image is not None for source in fix.values)


def _in_place_block(doc: Document, ctx: Context, checks: Sequence[Check], address: str | None, block: str) -> FixBlock | None:
    """The block to paste in place of what the page has (`fix_block`): the link of a link back
    (`checks[0]`) that names the original but goes elsewhere, with the original's `address` for
    its own (`_mended_link_back`); else `block` in place of the credit line in other words the
    check quotes (`_instead_of_near_miss`). None when neither is on the page, or the line shares
    its paragraph with other text."""
    check = checks[0] if checks else None
    if check is None:
        return None
    link = mislabelled_link(doc, ctx, address) if address and doc.kind != "text" and link_backs_in(check) else None
    span = _href_span(doc, link) if link is not None else None
    if link is not None and span is not None and address:
        mended = _mended_link(doc, link, span, address)
        if mended:
            written = html.escape(address) if doc.kind == "html" else address.replace("(", "%28").replace(")", "%29")
            place = f"in place of the link {_quoted(link.text)} (to {shorten(link.href, 60)})"
            return FixBlock(mended, place, doc.locate(link), splice=(span[0], span[1] - span[0], written))
    try:
        wrong = _instead_block(check, ctx)
    except (Undecided, MissingMeta, PatternTimeout, PatternTooLarge):
        return None
    spliced = _in_place_of(doc, wrong, block) if wrong is not None else "none"
    if wrong is None or isinstance(spliced, str):
        return None
    return FixBlock(spliced[2], f"in place of {_quoted(wrong.text)}", doc.locate(wrong), splice=spliced)


def _mended_link(doc: Document, link: Any, span: tuple[int, int], address: str) -> str:
    """The link `link` as the page writes it, its address (at `span` of `doc.lines_source`) the
    original's `address`: the whole `<a …>…</a>` in HTML, `[words](address)` in Markdown; "" when
    its end is not found."""
    source = doc.lines_source
    if doc.kind == "html":
        start = source.rfind("<", 0, span[0])
        end = _element_end(source, start, "a") if start >= 0 else None
        if end is None:
            return ""
        return source[start : span[0]] + html.escape(address) + source[span[1] : end]
    return f"[{link.text}]({address.replace('(', '%28').replace(')', '%29')})"


def extra_copy_block(check: Check, ctx: Context, hit: Any, hits: Sequence[Any]) -> FixBlock | None:
    """What the HTML report shows for a copy printed once too often (`hit`, one of the `hits` a
    counting `check` found beyond what it allows: a credit line printed twice): the copy as the
    page writes it, to take out, and which copy stays (the first the check counts that is not
    one of `hits`, when the check is a `text` check); None when the copy is not a block of the
    article. As `syndcheck fix` takes it out (`_without_extra_copies`)."""
    doc = ctx.doc
    item = doc.items[hit.index] if 0 <= hit.index < len(doc.items) else None
    if not isinstance(item, Block) or (span := _paragraph_span(doc, item)) is None:
        return None
    extra = {h.index for h in hits}
    patterns = [getattr(check.params, key, None) for key in ("pattern", "also_count")] if check.kind == "text" else []
    try:
        bound = [ctx.bind(pattern) for pattern in patterns if pattern is not None]
        stays = next((b for b in doc.article_blocks if b.index not in extra and any(p.search(b.text) for p in bound)), None)
    except (MissingMeta, PatternTimeout, PatternTooLarge):
        stays = None
    said = f"a copy of line {doc.locate(stays).line}, which stays" if stays is not None else "a copy printed once too often"
    return FixBlock(doc.lines_source[span[0] : span[1]].strip(), said, doc.locate(item), take_out=True)


def _given_whence(address: str, ctx: Context) -> str:
    """Where `address`, an address of the original given to the check, came from
    (`Context.original_address_sources`), as a fix's note says it ("the original's address is
    from the 'original_url' metadata"); "" when it is none of them."""
    where = dict(ctx.original_address_sources()).get(address)
    return f"the original's address is from {where}" if where else ""


def _place_said(fix: FixTemplate, anchor: tuple[Any, str] | None) -> str:
    """Where the block goes, in words: the fix's named place ("before the byline"), or a place a
    check names shown by what the check finds ("after '<img alt=…>'"); "" when it has none."""
    if isinstance(fix.where, str):
        return fix.place
    return f"{fix.insert} {_said(anchor[1])}" if anchor is not None else ""


def with_known_example(help_text: str, ctx: Context) -> str:
    """`help_text` with each example byline or credit line it quotes made the one this article
    needs when the people are known (the original story's bylines, as a fix takes its
    `{reporter}`, or `reporter` metadata): a made-up name beside the real one reads as an
    instruction to use it. In a quoted example (`"…"`) a stand-in for the name ("NAME",
    "AUTHOR", "<Author>", "Reporter Name") becomes the reporters, every one, as a sentence lists
    them; the names of an example byline ("By Rosa Ibarra, CalMatters") do too, and a name with its
    institution ("Jane Doe, University of Example") becomes each author with theirs when the
    original gives them. Unchanged when no one is known, or for a quote that names no one ("Staff",
    "From the Daily Caller News Foundation")."""
    if '"' not in help_text or (ctx.original is None and not ctx.meta.get("reporter")):
        return help_text
    values = _Values(ctx.meta, ctx.original)
    reporter = values.reporter()
    if reporter is None:
        return help_text
    # Shown as given, a control too, for the output sanitiser to show (`\\x1b`), as every message
    # shows a value from outside: never dropped while the rest of the name is shown.
    people = normalize_inline_keeping_controls(reporter)
    return _QUOTED.sub(lambda match: '"' + _known_in(match.group(1), people, values) + '"', help_text)


_QUOTED = re.compile(r'"([^"\n]{1,160})"')
# What pack authors write for the name in an example byline or credit line.
_NAME_STAND_IN = re.compile(r"<Author>|\b(?:NAME|AUTHOR|Reporter Name|Author Name)\b")


def _known_in(example: str, people: str, values: _Values) -> str:
    """The quoted `example` with the known `people` in place of the name(s) it shows."""
    if _NAME_STAND_IN.search(example):
        return _NAME_STAND_IN.sub(lambda _: people, example)
    from compliance.document.byline_reading import read_byline

    # A byline by its opener ("By", "Por", "作者："), or a name with its credit after a comma
    # ("Jane Doe, University of Example"): a quoted phrase alone ("Global Voices") is none.
    reading = read_byline(example, require_prefix=True) or (read_byline(example) if "," in example else None)
    if reading is None or not reading.names or not all(name in example for name in reading.names):
        return example
    first = example.index(reading.names[0])
    last = example.index(reading.names[-1], first) + len(reading.names[-1])
    authors = values.authors() if any(reading.institutions) else None
    if authors is not None:
        # The institution goes with the name: each author's own, from the original.
        institution = reading.institutions[-1]
        at = example.find(institution, last)
        if at >= 0 and not example[last:at].strip(" ,"):
            return example[:first] + normalize_inline_keeping_controls(authors) + example[at + len(institution) :]
    return example[:first] + people + example[last:]


def _placeholder(name: str) -> str:
    """How a value not known stands in a block to paste: `{meta.original_url}` → "[ORIGINAL URL]"."""
    return "[" + re.sub(r"[-_.]", " ", name.removeprefix("meta.")).upper() + "]"


def _fill_in(shown: str, missing: str) -> str:
    """What the editor does about a placeholder `shown` in a block to paste, from `missing` (what
    the value is and how to give it, `_Values.missing`): "Replace [ORIGINAL URL] with the original
    story's URL before pasting, or give it and check again: --meta original-url=URL, …"."""
    what, _, how = missing.partition(": give ")
    # A pack's own value is named by its key ("'logo-url'"): said as its placeholder's words instead.
    what = what if not what.startswith("'") else "the " + re.sub(r"\burl\b", "URL", shown[1:-1].lower())
    said = f"Replace {shown} with {what} before pasting"
    return f"{said}, or give it and check again: {how}" if how else said


def place_fix(fix: FixTemplate, doc: Document, values: _Values, ctx: Context, *, encoding: str = "utf-8") -> tuple[int, str, str] | str:
    """Where the block goes in `doc.source`, the text to insert there (with the line breaks and
    indentation around it, writable in the file's `encoding`) and the place in words, or why it
    cannot be placed."""
    block = _rendered(fix, doc, values, ctx)
    if block.startswith(_NOT_RENDERED):
        return block.removeprefix(_NOT_RENDERED)
    if fix.insert == REPLACE:
        return "the fix puts its block in place of a line, not beside one"
    side: Side = "after" if fix.insert == "after" else "before"
    anchor = _anchor(fix.where, doc, ctx)
    where = fix.where
    if anchor is None:
        missing = f"the article has no {fix.where if isinstance(fix.where, str) else describe_check(fix.where)} to put it {side}"
        # A byline whose neighbour is missing too (DCNF's byline goes below its logo, the logo
        # above the byline): it goes where a story's byline stands, under the headline (at the
        # top of a story without one), and the block that goes beside the byline follows it on
        # the next try.
        top = _anchor("headline" if doc.page_headline is not None else "body", doc, ctx) if _a_byline_with_no_byline_to_go_by(block, doc, fix) else None
        if top is None:
            return missing
        anchor, side, where = top, "after" if doc.page_headline is not None else "before", "headline" if doc.page_headline is not None else "body"
        place = f"{'after the headline' if doc.page_headline is not None else 'at the top of the story'}, where a byline goes ({missing})"
    item, found = anchor
    if where is fix.where:
        place = f"{side} {_said(found)}" if found else f"{side} {_end_said(doc, item)}" if where == "end" else fix.place
    # The page's own line break, the one most of its lines end with.
    eol = line_break_of(doc.source)
    placed = _place_html(doc, item, side, block, eol) if doc.kind == "html" else _place_lines(doc, item, side, block, eol, where)
    if isinstance(placed, str):
        return placed
    written = _in_encoding(placed[1], doc.kind, encoding)
    return written if written.startswith(_CANNOT_WRITE) else (placed[0], written, place)


def _a_byline_with_no_byline_to_go_by(block: str, doc: Document, fix: FixTemplate) -> bool:
    """Whether `block` is a byline ("By Nick Pope, Daily Caller News Foundation", read as
    `byline_reading.read_byline` reads a paragraph, or any block of a fix that credits the
    reporter, whatever the name given reads as) for an article that has no byline at all: a
    byline's place is then under the headline, whatever its fix names. A reporter's credit whose
    name does not read as one ('Nick Pope & Co') goes there too, so that the note says what the
    rule finds with it made rather than that the page lacks a place for it."""
    if doc.bylines:
        return False
    if _byline_fix(fix) is not None:
        return True
    from compliance.document.byline_reading import read_byline

    reading = read_byline(_unmarked(block), require_prefix=True)
    return reading is not None and bool(reading.names)


_CANNOT_WRITE = "the file is in "
# What `_rendered` gives for a block it cannot render, before why.
_NOT_RENDERED = "\x00"


def _rendered(fix: FixTemplate, doc: Document, values: _Values, ctx: Context, encoding: str = "") -> str:
    """The block of `fix` for `doc`, its values filled in (written in `encoding`, when given), or
    `_NOT_RENDERED` and why not: the fix does not apply to the page, has no template for it, or
    needs a value not known."""
    if fix.when is not None and not ctx.run(fix.when).passed:
        return f"{_NOT_RENDERED}the fix does not apply to this page (it is only for a page with {describe_check(fix.when)})"
    amp = is_amp_page(doc)
    template = fix.template_for(doc.kind, amp=amp)
    if template is None and amp and fix.template_for("html") is not None:
        refused = not_on_amp(fix.template_for("html") or "")
        return f"{_NOT_RENDERED}this is an AMP page, which does not take the fix's {_said(refused) if refused else 'HTML'}, and the fix has no amp template"
    if template is None:
        return f"{_NOT_RENDERED}this fix has no {doc.kind} template (it has {', '.join(s for s, _ in fix.templates)})"
    try:
        block = values.copied if values.copied is not None else _render(template, doc.kind, fix, values)
    except ValueError as exc:
        unlinked = _unlinked(template) if values.link_optional else template
        if unlinked == template:
            return f"{_NOT_RENDERED}needs {exc}{_named_on_the_page(str(exc), doc)}"
        try:
            block = _render(unlinked, doc.kind, fix, values)
        except ValueError as still:
            return f"{_NOT_RENDERED}needs {still}{_named_on_the_page(str(still), doc)}"
    if encoding:
        written = _in_encoding(block, doc.kind, encoding)
        return _NOT_RENDERED + written if written.startswith(_CANNOT_WRITE) else written
    return block


def _copied(fix: FixTemplate, check: Check, original: Document | None, kind: DocumentKind) -> str | None:
    """The original's own copy of the line a fix inserts (`original_blocks.original_block`: the
    paragraph the rule's required wording matches, with its words, links and emphasis), written in
    `kind`, for a fix that has a template in that syntax; None without an original, when it holds
    no such paragraph, and for a fix that credits the story's people (`{reporter}`, `{authors}`),
    whose names a fix takes from the original's byline reading. A wording that runs out of time
    gives None: the template is written, as without an original."""
    if original is None or _reporter_fix(fix) is not None or fix.template_for(kind) is None:
        return None
    try:
        return original_block(check, original, kind)
    except (PatternTimeout, PatternTooLarge):
        return None


def _named_on_the_page(missing: str, doc: Document) -> str:
    """For a fix that needs the reporter's name (`missing`, as `_Values.missing` says it), the
    name the page's byline already gives, as the option that would give it: the fix never takes
    it from the page itself (the byline may credit someone else than the publisher's reporter,
    whom adding the publisher would then misattribute), but the editor who knows can say so."""
    if not missing.startswith(BUILT_IN_VALUES["reporter"].partition(":")[0]):
        return ""
    names = list(dict.fromkeys(name for byline in doc.bylines for name in byline.names))
    if not names:
        return ""
    import shlex

    return f" (if {listed(names)}, whom the page's byline names, is the reporter: --meta reporter={shlex.quote(listed(names))})"


# A template's link to the original, its words in group 1 (HTML) or 2 (Markdown).
_LINK_TO_ORIGINAL = re.compile(r"""<a\s+href="\{original-url\}">([^<]*)</a>|\[([^\]]*)\]\(\{original-url\}\)""")


def _unlinked(template: str) -> str:
    """`template` with each link to `{original-url}` written as its words alone."""
    return _LINK_TO_ORIGINAL.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), template)


def _in_encoding(text: str, kind: DocumentKind, encoding: str) -> str:
    """`text` as it can be written into a file in `encoding`: in HTML a character the encoding
    lacks is written as a character reference (`&#321;` for 'Ł'), which reads back as the
    character; Markdown and plain text have none, so there the answer is why it cannot be
    written (it starts with `_CANNOT_WRITE`)."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        if kind == "html":
            return text.encode(encoding, "xmlcharrefreplace").decode(encoding)
        missing = listed([repr(c) for c in dict.fromkeys(text) if not _encodable(c, encoding)])
        return f"{_CANNOT_WRITE}{encoding}, which has no {missing} for the inserted text; save it as UTF-8 and run the fix again"
    return text


def _encodable(character: str, encoding: str) -> bool:
    try:
        character.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _anchor(where: str | Check, doc: Document, ctx: Context) -> tuple[Any, str] | None:
    """The item (block, image, byline) the block goes next to, and what a check found there (""
    for a named place), or None."""
    if isinstance(where, Check):
        outcome = ctx.run(where)
        if not outcome.passed or not outcome.hits or not doc.items:
            return None
        hit = outcome.hits[0]
        return doc.items[min(hit.index, len(doc.items) - 1)], shorten(hit.evidence, 60)
    if where == "byline":
        # The byline a finding about it points at: the reporter's, not a theme's "by Web Desk" above it.
        found: Any = reporters_byline(doc)
        if found is not None and not found.in_body:
            # The theme prints it above the body: a block for it goes at the top of the body.
            found = next((b for b in doc.article_blocks if not b.heading and b is not doc.page_headline), None)
    elif where == "headline":
        found = doc.page_headline
    elif where == "end":
        found = _past_its_list(doc, story_end(doc))
    else:
        story = [b for b in doc.article_blocks if not b.heading]
        byline_items = {b.index for b in doc.bylines}
        bylines = doc.bylines
        if doc.kind != "html":
            # A Markdown or text line that goes on a paragraph's line of prose ("This story was
            # originally" over "published by ProPublica.") is that paragraph's, not a byline
            # above the body, whatever the byline reader takes it for.
            prose = {b.line for b in story if b.index not in byline_items}
            bylines = tuple(b for b in bylines if b.line - 1 not in prose)
            byline_items = {b.index for b in bylines}
        headline = doc.page_headline
        after = max([headline.index if headline else -1, *(b.index for b in bylines if b.index < 12)])
        # Nothing in the headline's own <header> is the story (the date beside the byline).
        heading = _header_of(headline)
        story_start = [b for b in story if b.index > after and b.index not in byline_items and not _inside(b, heading)]
        found = _out_of_its_quotation(doc, next(iter(story_start), None))
    return (found, "") if found is not None else None


def _out_of_its_quotation(doc: Document, block: Block | None) -> Block | None:
    """A block as the place a block goes beside: the quotation it stands in (`_out_of_quotation`:
    a story that opens by quoting someone), so that nothing is put into the quotation; else the
    block itself."""
    element = block.element if block is not None else None
    quotation = _out_of_quotation(doc, element) if element is not None and isinstance(element.tag, str) else None
    return dataclasses.replace(block, element=quotation) if block is not None and quotation is not None else block


# The elements that hold a list's items, and the items.
_LISTS = frozenset("ul ol menu dl".split())
_LIST_ITEMS = frozenset("li dt dd".split())


def _end_said(doc: Document, item: Block) -> str:
    """The end of the story a block goes after (`item`, from `_past_its_list`), in words: "the
    story's closing quotation" for a story that ends with a quotation, "the story's closing list"
    for one that ends with a list, else "the story's last paragraph". No line is named: the place
    is found in the text as edited so far, where a block another fix put in (and may yet take
    out) can stand last."""
    end = story_end(doc) or item
    if item.element is not end.element and tag_name(item.element) in _QUOTATIONS:
        return "the story's closing quotation"
    return "the story's closing list" if item.element is not end.element or in_list_item(doc, end) else "the story's last paragraph"


# A quotation, and the figure a pull quote stands in (`<figure class="wp-block-pullquote">`).
_QUOTATIONS = frozenset({"blockquote", "figure"})


def _out_of_quotation(doc: Document, element: Any) -> Any:
    """The outermost `<blockquote>` in the article that `element` stands in (with the `<figure>`
    around it that holds nothing but a caption beside it: a pull quote), or None: a block put
    after the story's end goes after the quotation, never into it, where it would be read as
    the person quoted's words and not as the republisher's credit."""
    outermost, node = None, element
    while node is not None and node is not doc.article_root:
        if tag_name(node) == "blockquote":
            outermost = node
        node = node.getparent()
    holder = outermost.getparent() if outermost is not None else None
    if holder is not None and holder is not doc.article_root and tag_name(holder) == "figure":
        others = [child for child in holder if isinstance(child.tag, str) and child is not outermost]
        if all(tag_name(child) == "figcaption" for child in others):
            return holder
    return outermost


def _past_its_list(doc: Document, end: Block | None) -> Block | None:
    """The story's last block (`story.story_end`) as the place after which the story ends: when
    it stands in a quotation (a story that ends by quoting someone, `_out_of_quotation`), that
    quotation; when it (or that quotation) stands in a list's last item (a paragraph in the last
    `<li>`, at any depth of nested lists), the outermost such list in the article, so that a
    block put at the end goes after the list and not into its item; else the block itself."""
    element = end.element if end is not None else None
    if end is None or element is None or not isinstance(element.tag, str):
        return end
    end = _out_of_its_quotation(doc, end) or end
    outermost, node = None, end.element
    while node is not None and node is not doc.article_root:
        parent = node.getparent()
        if tag_name(node) in _LIST_ITEMS and tag_name(parent) in _LISTS | {"div"}:
            holder = parent if tag_name(parent) in _LISTS else parent.getparent()  # a `<div>` grouping a `<dl>`'s items
            if tag_name(holder) not in _LISTS or [child for child in holder if isinstance(child.tag, str)][-1] is not (node if holder is parent else parent):
                break
            outermost = holder
            node = holder
            continue
        node = parent
    return dataclasses.replace(end, element=outermost) if outermost is not None else end


def _header_of(headline: Block | None) -> Any:
    """The `<header>` element the headline stands in (a theme's entry header), or None."""
    element = headline.element if headline is not None else None
    while element is not None and isinstance(element.tag, str) and element.tag.lower() != "header":
        element = element.getparent()
    return element


def _inside(block: Block, container: Any) -> bool:
    return container is not None and block.element is not None and any(node is container for node in block.element.iterancestors())


_BLOCK_TAGS = frozenset(
    "p div figure header footer section article aside main li dt dd td th caption ul ol dl blockquote h1 h2 h3 h4 h5 h6 address table pre hr form nav".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^>]*)?>", re.DOTALL)


def _place_html(doc: Document, anchor: Any, side: Side, block: str, eol: str) -> tuple[int, str] | str:
    element = _block_level(doc, getattr(anchor, "element", None))
    if element is None:
        return "the place for it has no element in the page source"
    element = _out_of_a_picture_box(doc, element)
    element, inside = _where_blocks_may_go(element, side)
    start = _start_offset(doc, element)
    tag = str(element.tag).lower()
    if doc.lines_source[start : start + len(tag) + 1].lower() != f"<{tag}":
        return f"the <{tag}> to put it next to was not found in the page source"
    if inside:
        return _place_inside(doc.lines_source, start, tag, side, block)
    line_start = doc.lines_source.rfind("\n", 0, start) + 1
    indent = doc.lines_source[line_start:start]
    own_line = not indent.strip()
    if side == "before":
        return start, (block + eol + indent if own_line else block)
    end = _element_end(doc.lines_source, start, tag)
    if end is None:
        return f"the end of the <{tag}> to put it after was not found in the page source"
    at_line_end = doc.lines_source[end : end + 1] in ("", "\n", "\r")
    return end, (eol + indent + block if own_line and at_line_end else block)


# Elements whose children may only be certain elements (a list's items, a table's rows and cells,
# a select's options: HTML's content models), so that a block put beside one of those children
# would stand where the parser moves it (out of a table) or where no editor wants it (a bare
# paragraph among a list's bullets).
_RESTRICTED_PARENTS = frozenset("ul ol menu dl table thead tbody tfoot tr colgroup select optgroup datalist".split())
# The children of those that hold flow content, where a block may go: inside the item.
_FLOW_ITEMS = frozenset("li dt dd td th caption".split())


def _where_blocks_may_go(element: Any, side: Side) -> tuple[Any, bool]:
    """Where a block put `side` of `element` may stand as HTML's content models allow, and
    whether it goes inside that element: beside `element` when its parent takes any block; else
    beside the list or table it stands in, when it is that list's first item (a block before) or
    last (a block after), so that nothing comes between them; else inside the item that holds it
    (a list item, a table cell), at its start (before) or end (after), still beside its text."""
    node = element
    item = element if tag_name(element) in _FLOW_ITEMS else None
    while True:
        parent = node.getparent()
        restricted = parent is not None and (tag_name(parent) in _RESTRICTED_PARENTS or (tag_name(parent) == "div" and tag_name(parent.getparent()) == "dl"))
        if not restricted:
            return node, False
        siblings = [child for child in parent if isinstance(child.tag, str)]
        edge = siblings[0] if side == "before" else siblings[-1]
        if node is not edge and item is not None:
            return item, True
        node = parent
        if item is None and tag_name(node) in _FLOW_ITEMS:
            item = node


# A start tag, its attribute values quoted or not (a '>' inside quotes does not end it).
_START_TAG = re.compile(r"""<[A-Za-z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>""")


def _place_inside(source: str, start: int, tag: str, side: Side, block: str) -> tuple[int, str] | str:
    """A block put at the start (`side` before) or end (after) of the element that starts at
    `start`: right after its start tag, or right before its end tag (at the end of an item whose
    end tag is left out)."""
    if side == "before":
        opened = _START_TAG.match(source, start)
        if opened is None:
            return f"the start of the <{tag}> to put it in was not found in the page source"
        return opened.end(), block
    end = _element_end(source, start, tag)
    if end is None:
        return f"the end of the <{tag}> to put it in was not found in the page source"
    closing = re.search(rf"</{re.escape(tag)}\s*>\Z", source[start:end], re.IGNORECASE)
    return (start + closing.start() if closing else end), block


def _block_location(doc: Document, anchor: Any, side: Side) -> Location:
    """Where a block put `side` of `anchor` goes: in an HTML page, the offset `syndcheck fix`
    inserts it at (after a logo: right after the `<img>`, not at its start); else, or when that
    place is not found in the source, the anchor's own line."""
    if doc.kind == "html" and side == "after":
        placed = _place_html(doc, anchor, side, "", "\n")
        if not isinstance(placed, str):
            return location_at(doc.lines_source, placed[0])
    return doc.locate(anchor)


def _out_of_a_picture_box(doc: Document, element: Any) -> Any:
    """The outermost picture's box in the article that holds `element` (a `<figure>`, or a
    WordPress `<div class="wp-caption">` with its picture and a caption or two), else `element`:
    a block put beside a photo's caption goes beside the photo, not into its box, where it would
    read as the caption's."""
    box = element
    for ancestor in element.iterancestors():
        if ancestor is doc.article_root or tag_name(ancestor) in ("article", "main", "body"):
            break
        classes = str(ancestor.get("class") or "").lower()
        if tag_name(ancestor) == "figure" or ("caption" in classes and len(ancestor.findall(".//p")) <= 2 and ancestor.find(".//img") is not None):
            box = ancestor
    return box


def _block_level(doc: Document, element: Any) -> Any:
    """The element itself, or its nearest block-level ancestor inside the article (a block goes
    beside a paragraph, never inside a line of text); an element with none between it and the
    article (a logo `<img>` or `<svg>` straight under `<article>`) is its own place: the block
    goes beside it, inside the article, not after the whole article."""
    node = element
    while node is not None and isinstance(node.tag, str) and node.tag.lower() not in _BLOCK_TAGS:
        parent = node.getparent()
        if node is doc.article_root or parent is None or parent is doc.article_root:
            return node
        node = parent
    return node


def _element_end(source: str, start: int, tag: str) -> int | None:
    """The offset just after the element that starts at `start` (its end tag, or the start of the
    next sibling an unclosed <p> or <li> ends at)."""
    depth = 0
    for match in _TAG.finditer(source, start):
        name = (match.group(2) or "").lower()
        if name != tag:
            continue
        if match.group(1):
            depth -= 1
            if depth == 0:
                return match.end()
        else:
            if tag in _VOID_TAGS or match.group(0).endswith("/>"):
                if depth == 0:
                    return match.end()
                continue
            if depth == 1 and tag in ("p", "li"):
                return _trim_back(source, match.start())
            depth += 1
    return None


def _trim_back(source: str, offset: int) -> int:
    while offset > 0 and source[offset - 1] in " \t\r\n":
        offset -= 1
    return offset


def _place_lines(doc: Document, anchor: Any, side: Side, block: str, eol: str, where: str | Check) -> tuple[int, str]:
    """Plain text and Markdown: the block is a line (Markdown: a paragraph) of its own."""
    line = anchor.line if not isinstance(anchor, Block) or anchor.line else 1
    start = offset_at(doc.lines_source, line, 1)
    end = doc.lines_source.find("\n", start)
    end = len(doc.lines_source) if end == -1 else end
    if end > start and doc.lines_source[end - 1] == "\r":
        end -= 1
    # A Markdown block is a paragraph; a plain-text line is one too where the file sets its
    # paragraphs apart with blank lines (a wire copy), or it reads as part of the paragraph beside
    # it. A line that goes with the byline (DCNF's logo line above it, the byline below the logo:
    # `where` the byline or a check's match) stays against it, as the original sets them.
    paragraph = doc.kind == "markdown" or (where in _PARAGRAPH_PLACES and _blank_lines_between_paragraphs(doc.lines_source))
    gap = eol if paragraph else ""
    if side == "before":
        previous = doc.lines_source[: max(start - 1, 0)].rsplit("\n", 1)[-1].strip()
        lead = eol if paragraph and previous and start > 0 else ""
        return start, lead + block + eol + gap
    # Where blank lines already follow (two or more, or one that ends the file), the paragraph goes
    # after the first of them and takes none of its own: the file keeps the spacing it has, and
    # gets no blank line more (a byline put where a removed one left two, a pixel at the end of a
    # file that ends with a blank line).
    text_end = len(doc.lines_source[:start].rstrip())
    if paragraph and text_end and not doc.lines_source[start:end].strip():
        # An anchor on a blank line (the end of a file that ends with one): after the text above it.
        end = text_end
    blanks = _BLANK_LINES_AFTER.match(doc.lines_source, end) if paragraph else None
    if blanks is not None:
        return blanks.end(1), block + eol
    return end, eol + gap + block


# The end of a line, a blank line, then another blank line or the end of the file.
_BLANK_LINES_AFTER = re.compile(r"(\r?\n[^\S\r\n]*\r?\n)(?=[^\S\r\n]*(?:\r?\n|\Z))")


def line_break_of(source: str) -> str:
    """The line break most of `source`'s lines end with, for the lines a fix inserts: CR LF
    (Windows), a lone CR (old Mac files) or LF; LF for a file of one line, or when as many
    lines end one way as another (a file whose front matter alone was written on Windows)."""
    crlf = source.count("\r\n")
    counts = {"\n": source.count("\n") - crlf, "\r\n": crlf, "\r": source.count("\r") - crlf}
    return max(counts, key=lambda eol: counts[eol])


# A line of text, one or more blank lines, and another line of text: paragraphs set apart.
_BLANK_LINE_BETWEEN = re.compile(r"\S[^\S\r\n]*\r?\n(?:[^\S\r\n]*\r?\n)+[^\S\r\n]*\S")


def _blank_lines_between_paragraphs(text: str) -> bool:
    """Whether a plain-text file sets its paragraphs apart with blank lines (a wire copy), not
    one paragraph a line; blank lines only at its start or end do not."""
    return _BLANK_LINE_BETWEEN.search(text) is not None


# The places beside which a block is a paragraph of the story's own: after the headline, before
# the story's first paragraph, after its last.
_PARAGRAPH_PLACES = ("headline", "body", "end")
