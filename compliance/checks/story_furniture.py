"""Page furniture among the article's blocks that is not the story's text, for the kinds that
compare a republication with its original story (`story.story_paragraphs`): a date line (the
publication or update date a theme prints under the headline). The terms that forbid editing the
story let the republisher show its own date: a change of time."""

from __future__ import annotations

from typing import Any

from compliance.document import Block, Document
from compliance.document.elements import in_any, names
from compliance.firstuse import on_first_use

# Words of a class or id that name an element holding the date of the story (as words of a class,
# see `elements.names`: WordPress's "posted-on" and "entry-date", "byline-date", "c-timestamp",
# "article__pubdate", "publish-date", "updated").
_DATE_NAMES = frozenset("date dateline pubdate published publish-date posted-on timestamp time updated modified datetime".split())

# A date line's words: a month or weekday, a clock time and its zone, a label ("Published",
# "Updated", "Last modified"), a relative time ("3 hours ago"); numbers are read apart.
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december".split()
)
_WEEKDAYS = frozenset("mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday".split())
_LINE_WORDS = frozenset(
    """published publish updated update posted modified last originally first on at date dated and
    am pm a p m noon midnight st nd rd th
    et est edt ct cst cdt mt mst mdt pt pst pdt akt akst akdt ht hst utc gmt bst cet cest eastern central mountain pacific time standard daylight
    ago hour hours hr hrs minute minutes min mins day days today yesterday""".split()
)
_RELATIVE = frozenset({"ago", "today", "yesterday"})
_LINE_TOKEN = on_first_use(r"[^\W\d_]+|\d+")
# A date of numbers: 2024-06-10, 6/10/2024, 10.06.2024.
_NUMERIC_DATE = on_first_use(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
# The most words and numbers a date line holds: "Published June 10, 2024, 5 a.m. EDT | Updated
# June 11, 2024, 10:30 a.m. EDT" is 22.
_DATE_LINE_TOKENS = 28


def reads_as_date_line(text: str) -> bool:
    """Whether a block's whole text is a date line: only a date's words and numbers
    (`_MONTHS`, `_WEEKDAYS`, `_LINE_WORDS`, punctuation), with a month or weekday beside a
    number, a date of numbers ("2024-06-10", "6/10/2024"), or a relative time ("Updated 3 hours
    ago"): "June 10, 2024, 5 a.m. EDT", "Published Jun. 10, 2024 | Updated 9:15 AM ET". A
    sentence ("The jail closed on June 10, 2024.") has other words and is not."""
    tokens = _LINE_TOKEN().findall(text.casefold())
    if not tokens or len(tokens) > _DATE_LINE_TOKENS:
        return False
    words = [token for token in tokens if not token.isdigit()]
    if any(word not in _LINE_WORDS and word not in _MONTHS and word not in _WEEKDAYS for word in words):
        return False
    has_number = len(words) < len(tokens)
    named_day = any(word in _MONTHS or word in _WEEKDAYS for word in words)
    return (named_day and has_number) or _NUMERIC_DATE().search(text) is not None or (has_number and not _RELATIVE.isdisjoint(words))


def is_date_line(doc: Document, block: Block, *, in_head: bool) -> bool:
    """Whether a block is the story's date line (its publication or update date), page furniture
    on the original and on the copy alike: its text `reads_as_date_line`, and it is marked as a
    date (in or around a `<time>` element, or in an element whose class or id names one:
    `_DATE_NAMES`) or stands in the story's head (`in_head`: before its first paragraph of
    running text, where a theme prints "June 12, 2024" under the byline). A paragraph of dates
    inside the story (a timeline's "June 10, 2024") is the story's text."""
    if not reads_as_date_line(block.text):
        return False
    if in_head:
        return True
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    if any(True for _ in element.iter("time")):
        return True
    known: dict[Any, bool] = doc._memo.setdefault("date_marked", {})
    return in_any(element, _marked_as_date, known, stop=doc.article_root)


def _marked_as_date(node: Any) -> bool:
    return isinstance(node.tag, str) and (node.tag.lower() == "time" or names(node, _DATE_NAMES))
