"""What an author box or author note says of whose staff a person is.

A republisher's theme prints an author box under the story (WordPress author boxes, Jannah's and
Avada's `.about-author`, Newspack's and Yoast's author bios, Ghost's author card) whose sentence
ties the person to a newsroom now: "Karen Miles is the web editor of the Prairie Post", "Karen
Miles is a reporter at The Valley Ledger", "Karen Miles is the Prairie Post's city editor",
"Karen Miles, a staff writer with Lakeside Voice, …", "Karen Miles covers water for the Prairie
Post", "Karen Miles works for KQED". The person a byline credits is then that outlet's staff,
whatever logo stands beside the byline.

Read conservatively: only a sentence that opens with the person's name and gives a newsroom job
title ("editor", "reporter", "correspondent", …) with an outlet, or a newsroom verb ("covers",
"writes", "reports", "edits", "works") with an outlet; a past or denied tie ("was", "previously
worked at", "a former reporter at", "formerly of") is none, nor is a job title "for" a section or
a place ("the editor for Health", "a correspondent for Mexico"), nor a sentence about where the
story appears ("Her stories appear in the Prairie Post").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from compliance.document.byline_reading import dateline_places, disowned_parts, is_section_label

__all__ = ["StaffTie", "in_author_box", "staff_ties"]


@dataclass(frozen=True, slots=True)
class StaffTie:
    """One sentence of an author note that ties a person to an outlet now."""

    # The note's words from the person's name to the outlet, as written: "Karen Miles is the web
    # editor of the Prairie Post".
    sentence: str
    # The outlet as written, with its article: "the Prairie Post".
    outlet: str


# The last word of a newsroom job title: what a person whose staff the sentence names does there.
_ROLE_NOUNS = (
    r"editor|editor-in-chief|reporter|writer|correspondent|columnist|producer|journalist|photographer|photojournalist"
    r"|videographer|contributor|intern|fellow|anchor|host|critic|stringer|chief|director|manager|publisher|staffer|designer"
)
# A job title: up to four words before its last ("web editor", "senior staff writer", "Statehouse
# bureau chief"), with its article.
_ROLE = rf"(?:(?:a|an|the)\s+)?(?P<role>(?:[\w-]+\s+){{0,4}}?(?:{_ROLE_NOUNS}))"
# An outlet's name: capitalised words (initials, hyphens, inner full stops: "KQED", "Star-Tribune",
# "U.S"), with "of", "and", "&", "for" or "de" between two of them ("Times of India"), after an
# optional "the". No apostrophe: "Post's" ends the outlet before its possessive.
_WORD = r"[A-Z0-9](?:[\w&-]|\.(?=\w))*"
_OUTLET = rf"(?P<outlet>(?:[Tt]he\s+)?{_WORD}(?:[ \t]+(?:(?:of|and|&|for|de)[ \t]+(?:the[ \t]+)?)?{_WORD})*)"
_POSSESSIVE_ROLE = rf"{_OUTLET}['\u2019]s\s+(?P<role>(?:[\w-]+\s+){{0,3}}?(?:{_ROLE_NOUNS}))\b"
_NOW = r"(?:(?:now|currently)\s+)?"
# What follows the name in a sentence that ties the person to an outlet now.
_TIES = (
    rf"\s+is\s+{_NOW}{_ROLE}\s+(?P<by>at|with|for|of|from)\s+{_OUTLET}",
    rf"\s+is\s+{_NOW}(?:the\s+)?{_POSSESSIVE_ROLE}",
    rf",\s+{_ROLE}\s+(?P<by>at|with|for|of|from)\s+{_OUTLET}",
    rf",\s+(?:the\s+)?{_POSSESSIVE_ROLE}",
    rf"\s+(?:covers|writes|reports|edits|works)\b(?:[^.!?\n]{{0,80}}?\s)?(?P<by>at|with|for)\s+{_OUTLET}",
)
# The words of a job title that make it a past one: "a former reporter at …".
_PAST_ROLE = re.compile(r"\b(?:former|ex|previous|onetime|one-time|retired|erstwhile|past|late)\b", re.IGNORECASE)
# Where a sentence opens: the note's start, a line's, or after a sentence's end.
_SENTENCE_START = r"(?:^|(?<=[.!?])\s+|(?<=\n))"


@functools.lru_cache(maxsize=64)
def _tie_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per shape of `_TIES` for `name`: the name case aside, the rest as written
    (an outlet's capitals are what tell it from a section's words)."""
    written = r"\s+".join(re.escape(word) for word in name.split())
    return tuple(re.compile(rf"{_SENTENCE_START}(?i:{written}){tie}") for tie in _TIES)


def staff_ties(text: str, name: str) -> tuple[StaffTie, ...]:
    """The sentences of `text` (an author note's) that tie `name` to an outlet now, in order of
    their shapes (`_TIES`); () when none does. Not a past or denied tie, a past job title, or a
    title held "for" a section or a place."""
    if not name.strip() or name.casefold() not in text.casefold():
        return ()
    found: list[StaffTie] = []
    for pattern in _tie_patterns(name):
        for match in pattern.finditer(text):
            tie = _tie(match)
            if tie is not None:
                found.append(tie)
    return tuple(found)


def _tie(match: re.Match[str]) -> StaffTie | None:
    """The tie a sentence's match gives, or None when its job title is a past one, its words
    deny or date the tie ("formerly of"), or its outlet is a section or a place after "for"."""
    sentence = match.group(0).strip()
    outlet = match.group("outlet")
    groups = match.groupdict()
    if groups.get("role") and _PAST_ROLE.search(groups["role"]):
        return None
    if disowned_parts(sentence):
        return None
    bare = re.sub(r"^[Tt]he\s+", "", outlet)
    if groups.get("by") == "for" and (is_section_label(bare) or bare in dateline_places(bare)):
        return None
    return StaffTie(sentence, outlet)


# The class or id of an author box: "about-author", "author-bio", "author-box", "author-info",
# "author-card", "author-description", "author-profile", Simple Author Box's "saboxplugin-wrap",
# "td-author-description", Ghost's "author-card", Newspack's "author-bio".
_AUTHOR_BOX = re.compile(
    r"about[-_ ]?(?:the[-_ ]?)?author|author[-_ ]?(?:bio|box|info|card|description|profile|details|about)|saboxplugin|authorbox|contributor[-_ ]?bio",
    re.IGNORECASE,
)


def in_author_box(element: Any) -> bool:
    """Whether `element` stands in an author box by its own or an ancestor's class or id
    (`_AUTHOR_BOX`); False for no element (plain text, metadata)."""
    while element is not None and hasattr(element, "get"):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if marks.strip() and _AUTHOR_BOX.search(marks):
            return True
        element = element.getparent()
    return False
