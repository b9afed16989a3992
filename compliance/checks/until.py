"""`until-date` — a notice that holds until a date written in it, such as a publisher's embargo
("This article is not subject to ProPublica's Creative Commons license until Jan. 15, 2023."):
in force, and reported, only while that date has not passed.

`check` is any check that finds the notice (a `text` check, `scope: page`); its hits are the
notices. The date is the first one written in the notice's block from where the match begins, in
the usual English forms: "Jan. 15, 2023", "January 15th, 2023", "15 January 2023", "15 Jan. 2023",
"2023-01-15", "1/15/2023" or "15/1/2023" (with slashes only when one number is over 12, or both
are the same: "3/4/2023" is not guessed at and cannot be read, unless the pack says in which
order its publisher writes them, `numeric-dates: month-first` for a US publisher or `day-first`), with or without a weekday before
it or a time and zone after it ("at 6 a.m. ET", "T06:00:00Z"); when the words give none, a `<time datetime="…">` in the block gives it
(its `datetime` read as an ISO 8601 date). A month and a year right after "until" ("until
January 2027", "until Jan. 2027") are read as the month's first day, when the license starts:
the notice holds to the day before, and the message says so; a month with other words
("until the end of January 2027", "until mid-January 2027") or a year or season alone ("until
early 2027") is not read, and the notice stays in force. The check fails for each notice whose date is today or later (the notice's hour and
zone are not compared: on the day itself it still holds) and for each notice whose date cannot be
read, saying so; it passes when the notice is absent or every notice's date has passed.

A notice's words quoted inside a sentence of other words (Some stories say they are "not
subject to ProPublica's Creative Commons license until" a date) are a mention of the wording,
not a notice on the story, and are passed over; a notice standing as its block or sentence
holds, in quotation marks too.

Which notices count is `read`'s choice. `shown` (the default): those readers see, as the `text`
check finds them. `also-hidden`: those too that the page holds and hides from readers (an element
hidden by markup or CSS, `hidden`, a closed `<details>`; see `Document.unseen_text`), those in
a hidden form's text box (`<textarea>`; one readers see shows its text as the page's), a
`<template>` or a script that holds a template (`<script type="text/html">`, `text/x-template`,
`text/ng-template`…: never rendered as it stands; see `Document.boxed_text`, whose text is no
text of the story for other checks), and those in the
page's description (`<meta name="description">`, `og:description`, `twitter:description`, a front
matter `description`; see `Document.page_descriptions`), which search results and shared links
show of the page: a notice that says what the story is, as an embargo does, binds it whether it is
shown or not, so hiding it lifts nothing, and a description publishes it. `comments`: only those written in the source's comments (HTML's `<!-- -->`, a
Markdown article's raw-HTML comments, a text article's comment lines), which no reader sees and
which a feed or a CMS may leave behind, and those in an element's `alt` text or `title`
attribute: for a rule of its own, a warning, since a comment tells where the copy came from but
may be a leftover. An image's alt text is read aloud by a screen reader and shows where the
image fails to load, and a `title` shows on hover, so a reader may meet them; but neither is the
story's text, and a CMS or a photo library fills them in and copies them along with the markup
(an image's caption from the original's asset system), as it does a comment: where the copy
came from, not what it prints, so a warning, not the error a hidden paragraph of the story gets. A notice found hidden or in a comment is pointed at
its line, and its `until` says where it is. The last two need a `text` check as `check`, whose
pattern is looked for in those blocks. Today is
the run's date (`Context.today`: `syndcheck` reads the clock once per run, or takes `--today`; read
from the clock, it is said with its zone, and with `utc-offset`, the publisher's offset from UTC in
hours, it is the earlier of the clock's date and the date there: a notice never lifts before its
day has ended where it was written, wherever the check runs), or,
when the copy's metadata gives its publication day (`publication_date`, else a front matter date,
else, without `--today`, the page's own `article:published_time` or schema.org `datePublished` when
not after today), that day: the terms bind the day the copy runs, so a copy scheduled after the
embargo passes and one that ran during it fails; the message says which day it compared with. A publication time
given with its zone is read on the publisher's day with `utc-offset` ("2099-10-04T02:00:00Z" is
Oct. 3 at UTC-5); one in words ("October 4, 2099") is read as a notice's date is; one that names
no day ("next Tuesday", "2099-13-40") leaves the run's today, and the message says so. Each failing hit
captures `until`: what the notice means for the copy today, in words, for the rule's message as
`{until}`. Since the notice holds on its own day, the words name the first day the copy may run:
"it may not be republished until the end of Jan. 15, 2027, so not before 2027-01-16 (today is
2026-12-05)". Each date compared with the run's day is noted in `Context.compared`: the verdict
changes the day after it, which a stored verdict (an audit's) must know.

Example (ProPublica's embargo notice)::

    until-date:
      check: {text: {pattern: 'not subject to the license until', scope: page}}
      label: the embargo notice
      numeric-dates: month-first

Passes::

    <article><p>Story.</p><p>This article is not subject to the license until 3/4/2001.</p></article>

Fails::

    <article><p>Story.</p><p>This article is not subject to the license until January 15, 2999.</p></article>
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from compliance.checks.base import LABEL_DOC, Check, Context, Hit, Outcome, describe_check
from compliance.checks.date_words import MONTHS
from compliance.document import Block, Document
from compliance.errors import PackError
from compliance.findings import Location
from compliance.firstuse import on_first_use
from compliance.options import Option
from compliance.text import normalize, normalize_characters, shorten

OPTIONS = (
    Option("check", "check", "What finds the notice (a `text` check); the date is read from each of its hits' blocks."),
    Option("label", "string", LABEL_DOC, default=None),
    Option(
        "read",
        "enum",
        "Which notices count: `shown` (what readers see), `also-hidden` (those too that the page hides from readers, keeps in a"
        " template or publishes in its description for search results and shares, for a notice that binds the story whether shown"
        " or not, as an embargo does) or `comments` (only those in the source's comments or an element's `alt` or `title`). The last"
        " two need a `text` check.",
        default="shown",
        choices=("shown", "also-hidden", "comments"),
    ),
    Option(
        "utc-offset",
        "integer",
        "The publisher's standard offset from UTC, in hours (-5 for US Eastern time): when today comes from the clock, the notice is"
        " compared with the earlier of the clock's date and the date at that offset, so that it never lifts before its day has ended"
        " where it was written; the message names the zone used.",
        default=None,
        minimum=-12,
    ),
    Option(
        "numeric-dates",
        "enum",
        'How the publisher writes a date in numbers with slashes: `unambiguous` (the default: "3/4/2027", March 4 or April 3, is'
        ' not read, and the notice stays in force), `month-first` (a US publisher: "10/3/2099" is Oct. 3, 2099) or `day-first`'
        ' ("10/3/2099" is March 10, 2099). A date that only one order makes a day of a month ("15/1/2027") is read either way.',
        default="unambiguous",
        choices=("unambiguous", "month-first", "day-first"),
    ),
)

CAPTURES = frozenset({"until"})

_MONTH = "(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>\d{{4}})"
# "Jan. 15, 2023", "January 15th 2023", "15 January 2023", "15 Jan. 2023", "2023-01-15": one of
# them, not inside a longer number (an ISO date may go on with its time: "2023-01-15T06:00Z").
_DATE = on_first_use(
    r"\b(?:"
    + _MONTH.format("m1")
    + r"\s+"
    + _DAY.format("d1")
    + r",?\s+"
    + _YEAR.format("y1")
    + r"|"
    + _DAY.format("d2")
    + r"\s+(?:of\s+)?"
    + _MONTH.format("m2")
    + r",?\s+"
    + _YEAR.format("y2")
    + r"|(?P<y3>\d{4})-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d)"
    + r"|(?<![\d/])(?P<a4>\d{1,2})/(?P<b4>\d{1,2})/(?P<y4>\d{4})"
    # A month and year right after "until" ("until January 2027", "until Jan. 2027"): read as the
    # month's first day. Not after other words: "until the end of January 2027" or "until
    # mid-January 2027" name another day, and stay unread.
    + r"|(?<=\buntil )"
    + _MONTH.format("m5")
    + r",?\s+"
    + _YEAR.format("y5")
    + r")(?!\d)",
    re.IGNORECASE,
)
# A date read with no day: a month and a year (`_DATE`'s last form).
_MONTH_ONLY = on_first_use(r"[a-z]+\.?,?\s+\d{4}", re.IGNORECASE)


# What a pass without a notice says, by where notices were looked for (`read`).
_NOWHERE = {"shown": "is not on the page", "also-hidden": "is not on the page, shown or hidden", "comments": "is in no comment of the source"}

# The notice holds on its own day: the first day the copy may run is the one after it.
_ONE_DAY = datetime.timedelta(days=1)


class UntilParams(NamedTuple):
    """Validated parameters of an `until-date` check."""

    check: Check
    label: str | None = None
    read: str = "shown"
    utc_offset: int | None = None
    numeric_dates: str = "unambiguous"


def build(values: dict[str, Any]) -> UntilParams:
    """Parameters from validated option values; raises PackError when `read` looks beyond what
    readers see and `check` is not a `text` check (only a pattern can be looked for there)."""
    check: Check = values["check"]
    if values["read"] != "shown" and check.kind != "text":
        raise PackError(f"until-date: read: {values['read']} needs a `text` check as its check, not `{check.kind}`")
    offset = values["utc_offset"]
    if offset is not None and offset > 14:
        raise PackError(f"until-date: utc-offset: {offset} is out of range; give -12 to 14 (hours)")
    return UntilParams(check, values["label"], values["read"], offset, values["numeric_dates"])


def describe(params: UntilParams) -> str:
    """The notice, as its label or inner check says it."""
    return params.label or describe_check(params.check)


def _time_element_date(element: Any) -> tuple[str, datetime.date] | None:
    """The date a `<time datetime="2027-01-15">` in the notice's block gives, when its words do
    not give one ("until <time datetime="2027-01-15">Jan. 15</time>": the year is in the
    attribute): as its words with the attribute's day, and as a date; None when there is none."""
    if element is None:
        return None
    for time in element.iter("time"):
        value = str(time.get("datetime") or "")
        read = read_date(value)
        if read is not None:
            words = " ".join("".join(time.itertext()).split())
            return (f"{shorten(words, 40)} ({read[1].isoformat()})" if words else read[1].isoformat()), read[1]
    return None


def _numeric_day(first: int, second: int, order: str = "unambiguous") -> tuple[int, int] | None:
    """(month, day) of a date written with slashes, "1/15/2027" (US order) or "15/1/2027": when
    one reading alone is a day of a month (one number over 12, or both the same), or by the
    publisher's `order` (`month-first`, `day-first`: the pack's `numeric-dates`); None for
    "3/4/2027" read `unambiguous`, which is March 4 or April 3, so that the notice is not
    guessed about."""
    if first <= 12 and second <= 12 and order != "unambiguous":
        return (first, second) if order == "month-first" else (second, first)
    if first == second or (second > 12 >= first):
        return first, second
    if first > 12 >= second:
        return second, first
    return None


def read_date(text: str, numeric_dates: str = "unambiguous") -> tuple[str, datetime.date] | None:
    """The first date written in `text`, as written and as the last day the notice holds; None
    when there is none, or the one there is no day of the calendar ("February 30, 2023"), or is a
    date written with slashes that reads as two days ("3/4/2027") and `numeric_dates` (the pack's
    order: `unambiguous`, `month-first`, `day-first`) does not say which (see `_numeric_day`). A
    month and year right after "until" ("until January 2027") is read as the month's first day,
    when the license starts: the notice holds to the day before (Dec. 31, 2026); other words
    around a month ("until the end of January 2027", "until early 2027") are not read."""
    match = _DATE().search(text)
    if match is None:
        return None
    parts = match.groupdict()
    if parts["y4"]:
        numeric = _numeric_day(int(parts["a4"]), int(parts["b4"]), numeric_dates)
        if numeric is None:
            return None
        year, (month, day) = int(parts["y4"]), numeric
    elif parts["y3"]:
        year, month, day = int(parts["y3"]), int(parts["m3"]), int(parts["d3"])
    elif parts["y5"]:
        # The license starts when the month starts: the notice holds to the day before.
        return match.group(0), datetime.date(int(parts["y5"]), MONTHS[parts["m5"].lower()], 1) - _ONE_DAY
    else:
        which = "1" if parts["y1"] else "2"
        year, month, day = int(parts["y" + which]), MONTHS[parts["m" + which].lower()], int(parts["d" + which])
    try:
        return match.group(0), datetime.date(year, month, day)
    except ValueError:
        return None


class _Notice(NamedTuple):
    """A notice found: its hit's place, its block's text, the text from the match on, and where
    it is when no reader sees it, as `until` ends with it ("" when shown)."""

    item: int
    where: Any
    text: str
    after: str
    offset: int
    element: Any
    unseen: str


def _shown(doc: Document, params: UntilParams, ctx: Context) -> Iterator[_Notice]:
    for hit in ctx.run(params.check).hits:
        item = doc.items[hit.index]
        if isinstance(item, Block):
            start = max(0, hit.offset - doc.item_offsets[hit.index])
            element = hit.element if hit.element is not None else item.element
            yield _Notice(hit.index, hit.where, item.text, item.text[start:], hit.offset, element, "")


def _matched(pattern: Any, text: str, where: Location, unseen: str) -> Iterator[_Notice]:
    """Each match of the notice's pattern in `text`, a text read outside the page's blocks (hidden,
    boxed, in a comment or an attribute) at `where`, as a notice whose `until` ends with `unseen`."""
    for match in pattern.finditer(text):
        yield _Notice(-1, where, text, text[match.start() :], 0, None, unseen)


def _hidden(doc: Document, params: UntilParams, ctx: Context) -> Iterator[_Notice]:
    """The notices in the page's blocks no reader sees; a page whose text holds none of the
    pattern's words, or whose walk found nothing hidden, is spared the walk that finds those
    blocks (as `base.hidden_copy` is)."""
    pattern = ctx.bind(params.check.params.pattern)
    if doc.root is not None and (not doc._hides_text or not pattern.may_be_within(doc.all_text())):
        return
    for line, text, _in_story in doc.unseen_text():
        yield from _matched(pattern, text, Location(line), f"; the notice is hidden from readers (line {line}), which does not lift it")


def _in_boxes(doc: Document, params: UntilParams, ctx: Context) -> Iterator[_Notice]:
    """The notices in the page's hidden text boxes and its templates (`Document.boxed_text`): a
    hidden text box or a template's content (never rendered) hides the notice, which binds the
    story all the same. (A text box readers see shows its text as a block of the page, read as
    the notices readers see are.)"""
    pattern = ctx.bind(params.check.params.pattern)
    for line, text, shown in doc.boxed_text():
        if not shown:
            yield from _matched(pattern, text, Location(line), f"; the notice is hidden from readers (line {line}), which does not lift it")


def _in_descriptions(doc: Document, params: UntilParams, ctx: Context) -> Iterator[_Notice]:
    """The notices in the page's descriptions (`Document.page_descriptions`: its `<meta>`
    description, Open Graph's and X's, a front matter `description`): not on the page, but what
    search results and shared links show of it, so the page publishes them."""
    pattern = ctx.bind(params.check.params.pattern)
    for line, where, text in doc.page_descriptions():
        yield from _matched(pattern, text, Location(line), f"; the notice is in the page's {where} (line {line}), which search results and shares show")


def _unescaped(source: str) -> str:
    """`source` with its character references resolved (`html.unescape`: HTML's table of named
    references is loaded only for a page that holds one and a rule of this kind to check)."""
    import html

    return html.unescape(source)


def _in_comments(doc: Document, params: UntilParams, ctx: Context) -> Iterator[_Notice]:
    """The notices in the source's comments (their text read as a reader's, `text.normalize`),
    then those in its elements' `alt` and `title` attributes (`Document.attribute_text`); a page
    whose source holds none of the pattern's words (its characters read as
    `text.normalize_characters` reads them: a comment's curly apostrophe is a plain one) is
    spared the walks that read them, and one that opens no comment the walk of its comments."""
    pattern = ctx.bind(params.check.params.pattern)
    # The source read once, its character references resolved too: an attribute's value may spell
    # a character as one ("ProPublica&#8217;s"); a comment's words are found all the same.
    source = _unescaped(doc.source) if "&" in doc.source else doc.source
    if doc.root is not None and not pattern.may_be_within(normalize_characters(source)):
        return
    for comment in doc.comments if doc.root is None or "<!--" in doc.source else ():
        line = comment.location.line
        yield from _matched(pattern, normalize(comment.text), comment.location, f"; the notice is in a comment of the source (line {line})")
    for line, name, text in doc.attribute_text():
        yield from _matched(pattern, text, Location(line), f"; the notice is {_ATTRIBUTE_PLACES.get(name, f'in a {name} attribute')} (line {line})")


# How a message names an attribute that carries a notice.
_ATTRIBUTE_PLACES = {"alt": "in an image's alt text", "title": "in a title attribute"}


def _notices(doc: Document, params: UntilParams, ctx: Context) -> Iterator[_Notice]:
    if params.read == "comments":
        yield from _in_comments(doc, params, ctx)
        return
    yield from _shown(doc, params, ctx)
    if params.read == "also-hidden":
        yield from _hidden(doc, params, ctx)
        yield from _in_boxes(doc, params, ctx)
        yield from _in_descriptions(doc, params, ctx)


def the_day(ctx: Context, utc_offset: int | None = None, numeric_dates: str = "unambiguous") -> tuple[datetime.date, str, bool]:
    """The day a notice is compared with, how a message names it, and whether it is the copy's
    publication day rather than the run's: the copy's publication day
    when its metadata gives one (`time_edits.publication_day_of`: `publication_date`, else a
    front matter date; a time with its zone is read at `utc_offset`, the publisher's day), else
    when the run's today is the clock's (no `--today`), the day the page's own metadata says it
    was published (`time_edits.page_published`: `article:published_time`, schema.org
    `datePublished`) when that day is not after today, since
    the terms bind the day the copy runs — a publication date in words ("October 4, 2099") is
    read as a notice's date is (`read_date`, `numeric_dates` its order); else the run's today,
    which, when read from the clock (`Context.read_at`), is the earlier of the clock's date and
    the date at `utc_offset` hours from UTC (the publisher's zone), and is said with the zone it
    was read in. A publication date that cannot be read is said, with the today used instead."""
    # Imported here, once a notice is found: most pages have none.
    from compliance.checks.time_edits import page_published, publication_day, publication_day_of

    published = publication_day_of(ctx.meta, utc_offset)
    if published is None and ctx.read_at is not None and (own := page_published(ctx.copy or ctx.doc)):
        # A page that says when it ran (its `article:published_time`, schema.org `datePublished`):
        # a copy already published is judged on that day, as `audit` judges it, unless the run
        # names its day (`--today`: "will this copy pass on that day"). A day still to come is no
        # day it ran: such a page is judged today, as an unpublished copy is.
        day = publication_day(own, utc_offset)
        if isinstance(day, datetime.date) and day <= _the_run_day(ctx, utc_offset)[0]:
            return day, f"the page's own publication date is {day.isoformat()}", True
    if isinstance(published, datetime.date):
        said = f"the copy's publication date is {published.isoformat()}"
        if utc_offset is not None and published != publication_day_of(ctx.meta):
            # A time given in another zone ("…T02:00:00Z") falls on the day before or after there.
            said += f" at UTC{utc_offset:+d}, the publisher's time"
        return published, said, True
    unread = ""
    if isinstance(published, str):
        read = read_date(published, numeric_dates)
        if read is not None and _MONTH_ONLY().fullmatch(read[0]) is None:
            return read[1], f"the copy's publication date is {read[1].isoformat()}, read from '{shorten(published, 40)}'", True
        unread = f"the copy's publication date '{shorten(published, 40)}' could not be read as a day (give it as YYYY-MM-DD), so "
    day, said = _the_run_day(ctx, utc_offset)
    return day, unread + said, False


def _the_run_day(ctx: Context, utc_offset: int | None) -> tuple[datetime.date, str]:
    """The run's today as `the_day` reads it without a publication date, and how a message names it."""
    if ctx.read_at is None:
        return ctx.today, f"today is {ctx.today.isoformat()}"
    if utc_offset is not None:
        there = ctx.read_at.astimezone(datetime.timezone(datetime.timedelta(hours=utc_offset))).date()
        if there <= ctx.today:
            return there, f"today is {there.isoformat()} at UTC{utc_offset:+d}, the publisher's time"
    return ctx.today, f"today is {ctx.today.isoformat()} by this computer's clock ({ctx.read_at.tzname() or 'local time'})"


# Opening quotation marks: straight, curly, low-9, guillemets, corner brackets.
_OPENING_QUOTES = frozenset("\"'\u201c\u2018\u201e\u201a\u00ab\u2039\u300c\u300e")


def _quoted(notice: _Notice) -> bool:
    """Whether the notice's words open right after a quotation mark, inside a sentence of other
    words ("Some stories say they are “not subject to ProPublica’s Creative Commons license
    until” a date"): a story quoting the wording, not a notice on the story. A notice standing
    as its own sentence or block is never quoted so."""
    before = notice.text[: len(notice.text) - len(notice.after)].rstrip()
    return bool(before) and before[-1] in _OPENING_QUOTES and bool(before[:-1].strip())


def evaluate(doc: Document, params: UntilParams, ctx: Context) -> Outcome:
    """Fails with each notice still in force or whose date cannot be read; passes otherwise."""
    in_force: list[Hit] = []
    ended: list[str] = []
    notices = [notice for notice in _notices(doc, params, ctx) if not _quoted(notice)]
    what = describe(params)
    if not notices:
        return Outcome(True, (), f"{what} {_NOWHERE[params.read]}")
    # Worked out once a notice is found: most pages have none.
    today, said, published = the_day(ctx, params.utc_offset, params.numeric_dates)
    # How many days the day compared is behind the run's (none, or one in the publisher's zone);
    # None for the copy's publication day, which no later run changes.
    behind = None if published else ctx.today - today
    for notice in notices:
        read = read_date(notice.after, params.numeric_dates) or _time_element_date(notice.element)
        if read is not None and behind is not None:
            # The verdict turns the day after the date, counted in the run's days (`Days.around`).
            ctx.compared.add(read[1] + behind)
        month_only = read is not None and _MONTH_ONLY().fullmatch(read[0]) is not None
        if read is None:
            until = f"its date could not be read, so treat it as in force until you have checked the date in {what}"
        elif read[1] >= today and month_only:
            until = (
                f"it may not be republished before {read[0]}, read as from the month's first day (the license starts when the month"
                f" starts), so not before {read[1] + _ONE_DAY:%Y-%m-%d} ({said})"
            )
        elif read[1] >= today:
            until = f"it may not be republished until the end of {read[0]}, so not before {read[1] + _ONE_DAY:%Y-%m-%d} ({said})"
        else:
            ended.append(f"when {read[0]} began, on {read[1] + _ONE_DAY:%Y-%m-%d}" if month_only else f"on {read[0]}")
            continue
        if notice.unseen:
            until += notice.unseen
        evidence = shorten(notice.text, 200)
        in_force.append(Hit(notice.item, notice.where, evidence, (("until", until),), notice.offset, notice.element))
    if in_force:
        (first,) = in_force[0].captures
        return Outcome(False, tuple(in_force), f"{what} holds: {first[1]}")
    return Outcome(True, (), f"{what} ended {ended[0]} ({said})")
