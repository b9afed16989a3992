"""The closed set of check kinds, written out by hand: adding a kind is a deliberate act."""

from __future__ import annotations

from compliance.advice import GIVE_ORIGINAL
from compliance.checks import (
    byline,
    element,
    fidelity,
    in_original,
    link,
    logic,
    medium,
    metadata,
    near,
    original_byline,
    original_headline,
    original_links,
    position,
    reused_photos,
    same_id,
    text,
    until,
)
from compliance.checks.base import NO_ORIGINAL, Check, CheckKind, Context, Hit, Outcome, Undecided, captures_of, check_captures
from compliance.options import Option

_CHECK_LIST = Option("checks", "checks", "The checks to combine.")
_ONE_CHECK = Option("check", "check", "The check to invert.")

CHECKS: dict[str, CheckKind] = {
    "element": CheckKind(
        "element",
        "elements by CSS selector, attributes, visibility and count",
        element.OPTIONS,
        element.build,
        element.evaluate,
        element.__doc__ or "",
        element.describe,
    ),
    "text": CheckKind(
        "text",
        "a phrase or regex in the visible text of a scope",
        text.OPTIONS,
        text.build,
        text.evaluate,
        text.__doc__ or "",
        text.describe,
        captures=text.captures,
    ),
    "until-date": CheckKind(
        "until-date",
        "a notice that holds until the date written in it (an embargo), in force while that date has not passed",
        until.OPTIONS,
        until.build,
        until.evaluate,
        until.__doc__ or "",
        until.describe,
        captures=lambda _params: until.CAPTURES,
    ),
    "near": CheckKind(
        "near",
        "two things within N blocks or characters, optionally in order",
        near.OPTIONS,
        near.build,
        near.evaluate,
        near.__doc__ or "",
        near.describe,
        captures=lambda params: check_captures(params.a) | check_captures(params.b),
    ),
    "same-id": CheckKind(
        "same-id",
        "one id in the addresses of two things: a counter's and the original's it links back to",
        same_id.OPTIONS,
        same_id.build,
        same_id.evaluate,
        same_id.__doc__ or "",
        same_id.describe,
        # Its hit is one of its checks' own, with what that hit captured.
        captures=lambda params: check_captures(params.a) | check_captures(params.b),
    ),
    "position": CheckKind(
        "position",
        "a check's match at the top of the story, or within the first or last N blocks of the article",
        position.OPTIONS,
        position.build,
        position.evaluate,
        position.__doc__ or "",
        position.describe,
        captures=lambda params: check_captures(params.check),
    ),
    "link": CheckKind(
        "link",
        "a link back to the original: <a href>, rel=canonical or syndication-source",
        link.OPTIONS,
        link.build,
        link.evaluate,
        link.__doc__ or "",
        link.describe,
        captures=lambda params: link.ORIGINAL_CAPTURES if params.original else link.CAPTURES,
    ),
    "metadata": CheckKind(
        "metadata",
        "values in <meta> tags and JSON-LD",
        metadata.OPTIONS,
        metadata.build,
        metadata.evaluate,
        metadata.__doc__ or "",
        metadata.describe,
        captures=lambda _params: metadata.CAPTURES,
    ),
    "medium": CheckKind(
        "medium",
        "the copy is published online or in print (HTML and Markdown online, plain text print, unless its metadata says)",
        medium.OPTIONS,
        medium.build,
        medium.evaluate,
        medium.__doc__ or "",
        medium.describe,
    ),
    "byline": CheckKind(
        "byline",
        "a person credited by name in a visible byline",
        byline.OPTIONS,
        byline.build,
        byline.evaluate,
        byline.__doc__ or "",
        byline.describe,
        captures=lambda _params: byline.CAPTURES,
    ),
    "original-byline": CheckKind(
        "original-byline",
        "the byline names the original story's reporter(s)",
        original_byline.OPTIONS,
        original_byline.build,
        original_byline.evaluate,
        original_byline.__doc__ or "",
        lambda _params: "the byline names the original story's reporter(s)",
        captures=lambda _params: original_byline.CAPTURES,
    ),
    "original-headline": CheckKind(
        "original-headline",
        "the original story's headline, unchanged or changed only as allowed",
        original_headline.OPTIONS,
        original_headline.build,
        original_headline.evaluate,
        original_headline.__doc__ or "",
        lambda _params: "the original story's headline, unchanged or changed only as allowed",
        captures=lambda _params: original_headline.CAPTURES,
    ),
    "fidelity": CheckKind(
        "fidelity",
        "the original's text: added, removed, changed paragraphs and truncation",
        fidelity.OPTIONS,
        fidelity.build,
        fidelity.evaluate,
        fidelity.__doc__ or "",
        lambda _params: "the original's text: added, removed, changed paragraphs and truncation",
        captures=lambda _params: fidelity.CAPTURES,
    ),
    "original-links": CheckKind(
        "original-links",
        "every link of the original story kept, and a link to the original",
        original_links.OPTIONS,
        original_links.build,
        original_links.evaluate,
        original_links.__doc__ or "",
        lambda _params: "every link of the original story kept, and a link to the original",
        captures=lambda _params: original_links.CAPTURES,
    ),
    "reused-photos": CheckKind(
        "reused-photos",
        "photos reused from the original whose credit names an agency",
        reused_photos.OPTIONS,
        reused_photos.build,
        reused_photos.evaluate,
        reused_photos.__doc__ or "",
        lambda _params: "photos reused from the original whose credit names an agency",
        captures=lambda _params: reused_photos.CAPTURES,
    ),
    "any": CheckKind(
        "any",
        "passes when one of its checks passes",
        (_CHECK_LIST,),
        logic.build_list,
        logic.evaluate_any,
        logic.ANY_DOC,
        logic.describe_any,
        captures=captures_of,
    ),
    "all": CheckKind(
        "all",
        "passes when all of its checks pass",
        (_CHECK_LIST,),
        logic.build_list,
        logic.evaluate_all,
        logic.ALL_DOC,
        logic.describe_all,
        captures=captures_of,
    ),
    "in-original": CheckKind(
        "in-original",
        "a check run on the original story: what it says of the story's rights (a label, an embargo)",
        in_original.OPTIONS,
        in_original.build,
        in_original.evaluate,
        in_original.__doc__ or "",
        in_original.describe,
        captures=lambda params: check_captures(params.check),
    ),
    "not": CheckKind(
        "not", "passes when its check fails", (_ONE_CHECK,), logic.build_one, logic.evaluate_not, logic.NOT_DOC, logic.describe_not, captures=check_captures
    ),
}

# The kinds that compare with the original story (decided only when one is given).
ORIGINAL_KINDS = frozenset({"original-byline", "original-headline", "fidelity", "original-links", "reused-photos", "in-original"})


def compares_with_original(check: Check) -> bool:
    """Whether a rule's check compares the copy with the original story given (`ORIGINAL_KINDS`):
    not an `original-headline` that reads the publisher's headline from metadata (`source:
    metadata`), which needs the `original_headline` value, not the original."""
    return check.kind in ORIGINAL_KINDS and getattr(check.params, "source", "original") != "metadata"


# `any`, `all` take a list and `not` a single check directly as their value, not a mapping.
LIST_KINDS = frozenset({"any", "all"})
SINGLE_KINDS = frozenset({"not"})
# Kinds whose value may be written bare, for the option named (`medium: online`).
SHORTHAND_KINDS = {"medium": medium.SHORTHAND}

__all__ = [
    "CHECKS",
    "GIVE_ORIGINAL",
    "LIST_KINDS",
    "NO_ORIGINAL",
    "ORIGINAL_KINDS",
    "SHORTHAND_KINDS",
    "SINGLE_KINDS",
    "Check",
    "CheckKind",
    "Context",
    "Hit",
    "Outcome",
    "Undecided",
    "compares_with_original",
]
