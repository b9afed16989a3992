"""`medium` — whether the copy is published online or in print: the condition of the terms that
apply only to one of them ("If you publish online, you must … link to …", a tracking pixel, a
page view counter).

A page's medium is what it is published as. An HTML page and a Markdown article (a CMS export:
it renders to a web page and its links are links) are online; a plain-text article is a print
copy (text extraction has rendered its links as words). The article's `medium` metadata,
`online` or `print` (in any case), says otherwise: `--meta medium=print` for the HTML a print
layout is made from, `medium: online` in a text article's front matter or its sidecar file.
An empty value is a value not given. Any other value is refused where metadata is given (`--meta`,
a CMS payload, the API: a user error, exit 2); in a front matter or sidecar file it is no medium,
and a rule whose `when` asks for one is reported as not checked.

As a rule's `when` (`when: {medium: online}`, alone or among the checks of an `all`), a copy of
the other medium leaves the rule not checked, and a notice says so: the editor sees that the
link back was not asked for because the copy is print, not that it was found. `medium: online`
is short for `medium: {is: online}`.

Example (an online-only requirement: this check passes on online copies)::

    medium: online

Passes::

    <article><p>Story, published on a web page.</p></article>

Fails (text)::

    Story, printed from the text the newsroom exported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from compliance.advice import COMMAND_LINE_ADVICE, Advice
from compliance.checks.base import Context, Outcome, Undecided
from compliance.document import Document
from compliance.metavalues import unreadable_reason, what_to_write
from compliance.options import Option
from compliance.text import shorten

Medium = Literal["online", "print"]
MEDIUMS: tuple[Medium, ...] = ("online", "print")
# The article metadata key that declares the medium, overriding the one its format implies.
MEDIUM_KEY = "medium"

OPTIONS = (Option("is", "enum", "The medium the check passes on: `online` or `print`.", choices=MEDIUMS),)
# The option a bare value (`medium: online`) is given to.
SHORTHAND = "is"


class MediumParams(NamedTuple):
    """Validated parameters of a `medium` check."""

    medium: Medium


def build(values: dict[str, Any]) -> MediumParams:
    """Parameters from validated option values."""
    medium: Medium = "print" if values["is"] == "print" else "online"
    return MediumParams(medium)


def describe(params: MediumParams) -> str:
    """What the check looks for, in words."""
    return f"an {params.medium} copy" if params.medium == "online" else "a print copy"


def copy_medium(doc: Document, meta: Mapping[str, str], advice: Advice = COMMAND_LINE_ADVICE) -> tuple[Medium, str]:
    """The medium the copy is published in, and why, in words ("a plain-text file"), or raises
    `Undecided` when the article's `medium` metadata is neither `online` nor `print`; `advice`
    says how to give the medium where the format decided it."""
    # A `medium: [print]` or `medium: true` in a front matter or sidecar is neither medium: the
    # format's medium would be a guess at what was meant.
    unreadable = unreadable_reason(meta, MEDIUM_KEY)
    if unreadable is not None:
        raise Undecided(unreadable)
    # Empty is a value not given, as for every metadata key: the format says.
    given = meta.get(MEDIUM_KEY, "").strip()
    if given:
        value = given.lower()
        if value == "online":
            return "online", "its 'medium' metadata says online"
        if value == "print":
            return "print", "its 'medium' metadata says print"
        raise Undecided(f"the article's 'medium' is {shorten(given, 40)!r}, neither 'online' nor 'print': write {what_to_write(MEDIUM_KEY)}")
    if doc.kind == "text":
        return "print", f"a plain-text file is a print copy; {advice.give(MEDIUM_KEY, 'online', it=False)} if it is published online"
    return "online", "an HTML page" if doc.kind == "html" else "a Markdown article is published online"


def evaluate(doc: Document, params: MediumParams, ctx: Context) -> Outcome:
    """Pass when the copy is of the medium asked for; the detail of a failure says which it is."""
    medium, why = copy_medium(doc, ctx.meta, ctx.advice)
    if medium == params.medium:
        return Outcome(True, (), f"{describe(params)} ({why})")
    return Outcome(False, (), f"the copy is {medium} ({why})")


def skipped_for_medium(ctx: Context, condition: Any) -> str | None:
    """Why a rule whose `when` failed is not checked when a `medium` check decided it (`condition`
    is the rule's `when` check: the `medium` check itself or an `all` that holds one); None when
    the copy is of the medium the rule asks for, or the condition has no `medium` check."""
    kind = getattr(condition, "kind", None)
    if kind == "all":
        return next((why for why in (skipped_for_medium(ctx, part) for part in condition.params) if why is not None), None)
    if kind != "medium":
        return None
    outcome = ctx.run(condition)
    return None if outcome.passed else outcome.detail
