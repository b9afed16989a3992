"""`until-date` — a notice that holds until a date written in it, such as a publisher's embargo
("This article is not subject to ProPublica's Creative Commons license until Jan. 15, 2023."):
in force, and reported, only while that date has not passed.

`check` is any check that finds the notice (a `text` check, `scope: page`); its hits are the
notices. The date is the first one written in the notice's block from where the match begins, in
the usual English forms: "Jan. 15, 2023", "January 15th, 2023", "15 January 2023", "15 Jan. 2023",
"2023-01-15", with or without a weekday before it or a time and zone after it ("at 6 a.m. ET",
"T06:00:00Z"). The check fails for each notice whose date is today or later (the notice's hour and
zone are not compared: on the day itself it still holds) and for each notice whose date cannot be
read, saying so; it passes when the notice is absent or every notice's date has passed. Today is
the run's date (`Context.today`: `syndcheck` reads the clock once per run). Each failing hit
captures `until`: what the notice means for the copy today, in words ("it may not be republished
before Jan. 15, 2027 (today is 2026-12-05)"), for the rule's message as `{until}`. Each date read
is noted in `Context.compared`: the verdict changes the day after it, which a stored verdict (an
audit's) must know.

Example (ProPublica's embargo notice)::

    until-date:
      check: {text: {pattern: 'not subject to the license until', scope: page}}
      label: the embargo notice

Passes::

    <article><p>Story.</p><p>This article is not subject to the license until January 15, 2001.</p></article>

Fails::

    <article><p>Story.</p><p>This article is not subject to the license until January 15, 2999.</p></article>
"""

from __future__ import annotations

import datetime
import re
from typing import Any, NamedTuple

from compliance.checks.base import LABEL_DOC, Check, Context, Hit, Outcome, describe_check
from compliance.checks.date_words import MONTHS
from compliance.document import Block, Document
from compliance.firstuse import on_first_use
from compliance.options import Option
from compliance.text import shorten

OPTIONS = (
    Option("check", "check", "What finds the notice (a `text` check); the date is read from each of its hits' blocks."),
    Option("label", "string", LABEL_DOC, default=None),
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
    + r"|(?P<y3>\d{4})-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d))(?!\d)",
    re.IGNORECASE,
)


class UntilParams(NamedTuple):
    """Validated parameters of an `until-date` check."""

    check: Check
    label: str | None = None


def build(values: dict[str, Any]) -> UntilParams:
    """Parameters from validated option values."""
    return UntilParams(values["check"], values["label"])


def describe(params: UntilParams) -> str:
    """The notice, as its label or inner check says it."""
    return params.label or describe_check(params.check)


def read_date(text: str) -> tuple[str, datetime.date] | None:
    """The first date written in `text`, as written and as a date; None when there is none, or
    the one there is no day of the calendar ("February 30, 2023")."""
    match = _DATE().search(text)
    if match is None:
        return None
    parts = match.groupdict()
    if parts["y3"]:
        year, month, day = int(parts["y3"]), int(parts["m3"]), int(parts["d3"])
    else:
        which = "1" if parts["y1"] else "2"
        year, month, day = int(parts["y" + which]), MONTHS[parts["m" + which].lower()], int(parts["d" + which])
    try:
        return match.group(0), datetime.date(year, month, day)
    except ValueError:
        return None


def evaluate(doc: Document, params: UntilParams, ctx: Context) -> Outcome:
    """Fails with each notice still in force or whose date cannot be read; passes otherwise."""
    what = describe(params)
    today = ctx.today
    in_force: list[Hit] = []
    ended: list[str] = []
    for hit in ctx.run(params.check).hits:
        item = doc.items[hit.index]
        if not isinstance(item, Block):
            continue
        start = max(0, hit.offset - doc.item_offsets[hit.index])
        read = read_date(item.text[start:])
        if read is not None:
            ctx.compared.add(read[1])
        if read is None:
            until = f"its date could not be read, so treat it as in force until you have checked the date in {what}"
        elif read[1] >= today:
            until = f"it may not be republished before {read[0]} (today is {today.isoformat()})"
        else:
            ended.append(read[0])
            continue
        evidence = shorten(item.text, 200)
        in_force.append(Hit(hit.index, hit.where, evidence, (("until", until),), hit.offset, hit.element))
    if in_force:
        (first,) = in_force[0].captures
        return Outcome(False, tuple(in_force), f"{what} holds: {first[1]}")
    if ended:
        return Outcome(True, (), f"{what} ended on {ended[0]} (today is {today.isoformat()})")
    return Outcome(True, (), f"no {what}")
