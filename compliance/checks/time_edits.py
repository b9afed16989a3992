"""Whether a relative time put for an absolute one keeps the fact, read from the republication's day (`fidelity`).

No-derivatives terms allow "relative changes in time": "yesterday" may become "last week", and
"in 2024" may become "last year" when the copy is published in 2025. The same edit in a copy
published on 2024-06-01 says 2023: a fact changed. An edit whose words are all of one time — on
one side a date the calendar fixes (a year, a season, month or day of a year: "in 2024", "In the
spring of 2023", "March 14, 2023"), or with a publication date also a month or weekday alone ("in
March", "on Tuesday"); on the other a time counted from the republication's day ("yesterday",
"today", "tomorrow", "last"/"this"/"next" with "week", "month", "year", a season, a month or a
weekday, a count of them back: "two years ago") — is judged here, whatever its length ("In the spring of 2023" → "Last spring" is five
words for two):

- with the republication's day (the copy's `publication_date`, ISO 8601), the relative time names
  a stretch of days (the week is Monday to Sunday; "last spring" the latest spring that ended
  before the day; a season is three months from March, June, September and December); the edit
  keeps the fact when the stretch holds the whole of the absolute time ("March 14, 2023" → "last
  spring" republished in July 2023; "in the spring of 2023" → "last year" in 2024: less exact,
  still true), and with a month or weekday alone when a day of the stretch falls on it ("on
  Tuesday" → "yesterday" republished on a Wednesday, → "last week" on any day of the next week). Otherwise it is a changed fact, and the reason says
  what the relative time means on that day (`"in 2024" → "last year": republished 2024-06-01,
  "last year" is 2023`).
- without it, a relative time put for a date of the calendar cannot be told right from wrong,
  and is reported so (`"in 2024" → "last year", judged without a publication date: …`; a
  `publication_date` that names no day, "June 1", is named in the reason): under
  no-derivatives terms a time edit is allowed only when it keeps the fact, and the fix is one
  metadata key. A month or weekday alone is itself read from the story's day, so putting a
  relative time for it is judged as before, by the words (`style_edits`).

The other way round, a date put for the original's relative time ("yesterday" → "on May 1",
"two years ago" → "in 2022") is judged from the original's day (`original_day`: its front
matter's date, else its page's `article:published_time` or `datePublished`): the date must hold
every day the relative time named (`judge_dated`); without that day it is left to the word rules.
So is a date put for the original's weekday or month alone ("on Tuesday" → "on June 4"), read from
the original's day by the tense of the sentence before it (`tense_before`).
The copy's day is its `publication_date`, else the first front matter date key that names a day
(`PUBLICATION_DATE_KEYS`). Any other word in the edit (a number that is no year or day, a content
word) leaves it to the word rules.

A time of day is a fact of the story (`judge_clocks`): "3 p.m." → "5 p.m." changes it, the same
instant restated does not ("3 p.m." → "15:00"; "3 p.m. ET" → "noon PT" when both name a zone).

Known limits: "the past year" or "earlier this year" are not read as a time here (they pass as
words of time), nor is "this morning" (read as "today"); a time phrase the word diff splits
around a word both keep ("last spring" → "in the spring of 2024", around "spring") is read as
one edit (`fidelity_compare`), but one split around two or more is judged by the words; a past
tense without "-ed" ("took", "met") is not read as past, so a weekday or month after it may be
either the last or the next; a range of times joined by a dash without spaces ("9 a.m.-5 p.m.") is not read as
times. A zone is read after a time in capitals, with or without stops ("ET", "E.T."), or in
words, in any usual case, as the zone its abbreviation names ("Eastern time", "Eastern",
"Pacific Standard Time", "Alaska time"; not before a name: "3 p.m. Central Park"); "et" in lower
case is no zone. A US zone without "S" or "D" ("ET", "Eastern time") follows daylight saving on the story's day (the
original's, else the copy's); without a day, either reading passes. "MT" in a story in Arizona
(`story_in_arizona`) is MST all year; the Navajo Nation, which keeps daylight saving inside
Arizona, is read as Arizona. A zone dropped from a time is a change unless the copy's paragraph
writes it at another time; a zone said only elsewhere in the copy ("All times Eastern") is not read.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from compliance.checks.date_words import MONTHS, WEEKDAYS
from compliance.firstuse import on_first_use
from compliance.text import DASHES, shorten

if TYPE_CHECKING:
    from compliance.document import Document

# A season's first month (a northern-hemisphere, meteorological season: three months).
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_ANCHORS = {"last": -1, "this": 0, "next": 1}
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
# Words a time phrase may hold beside its time ("in the spring of 2023", "on Tuesday").
_FILLERS = frozenset("in on the of during at by".split())
_AROUND = ",;:!?\"'“”‘’()[]{}." + DASHES
_DAY_OF_MONTH = 31
_YEAR_DIGITS = 4
_DAYS_A_WEEK = 7
_MONTHS_A_YEAR = 12
_SEASON_MONTHS = 3
# The most characters of a publication date that names no day shown in a reason.
_SHOWN_VALUE = 40


class _Absolute(NamedTuple):
    """A time the calendar fixes, as far as the words say: each part None when not given."""

    year: int | None
    month: int | None
    day: int | None
    season: int | None
    weekday: int | None
    # "the week of June 3": the Monday-to-Sunday week that holds the day.
    week: bool = False


class _Relative(NamedTuple):
    """A time counted from the republication's day: `offset` (-1, 0, 1) from it in `unit`
    ("day", "week", "month", "year", "season", "monthname", "weekday"), with the season's first
    month, the month or the weekday named (`which`), and the words as written."""

    offset: int
    unit: str
    which: int


class Stretch(NamedTuple):
    """A stretch of days, both ends included."""

    first: datetime.date
    last: datetime.date


def _bare(word: str) -> str:
    return word.lower().strip(_AROUND)


def _absolute(words: list[str]) -> _Absolute | None:
    """The time the words fix (see `_Absolute`), if they are a time of the calendar and
    function words only ("In the spring of 2023", "March 14, 2023", "14 March 2023", "3/14",
    "3/14/2023", "on Tuesday"). A day of the month may come before its month or after it (the
    order is style); a date of numbers is read in the US order, month first."""
    year = month = day = season = weekday = None
    week = False
    for word in (_bare(word) for word in words):
        if word in _FILLERS:
            continue
        if word == "week" and not week and (year, month, day, season, weekday) == (None,) * 5:
            week = True
            continue
        numeric = _numeric_date(word)
        if word.isdigit() and len(word) == _YEAR_DIGITS and word[:2] in ("19", "20") and year is None:
            year = int(word)
        elif _day_of_month(word) is not None and day is None:
            day = _day_of_month(word)
        elif numeric is not None and (year, month, day) == (None, None, None):
            year, month, day = numeric
        elif word in MONTHS and month is None:
            month = MONTHS[word]
        elif word in _SEASONS and season is None:
            season = _SEASONS[word]
        elif word in WEEKDAYS and weekday is None:
            weekday = WEEKDAYS[word]
        else:
            return None
    if (year, month, weekday) == (None, None, None) or (day is not None and month is None) or (week and (day is None or weekday is not None)):
        return None
    return _Absolute(year, month, day, season, weekday, week)


# A date of numbers, month first as US style writes it: "5/1", "5/1/2024", "5/1/24".
_NUMERIC_DATE = on_first_use(r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?$")
_CENTURY = 2000


def _day_of_month(word: str) -> int | None:
    """The day of the month a bare word writes ("14", "14th", "1st"), else None."""
    number = word.removesuffix("st").removesuffix("nd").removesuffix("rd").removesuffix("th")
    return int(number) if number.isdigit() and len(number) <= 2 and 1 <= int(number) <= _DAY_OF_MONTH else None


def _numeric_date(word: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date of numbers in US order ("5/1/2024"), else None."""
    matched = _NUMERIC_DATE().match(word)
    if matched is None:
        return None
    month, day = int(matched.group(1)), int(matched.group(2))
    if not (1 <= month <= _MONTHS_A_YEAR and 1 <= day <= _DAY_OF_MONTH):
        return None
    written = matched.group(3)
    year = None if written is None else int(written) + (_CENTURY if len(written) == 2 else 0)
    return year, month, day


def _relative(words: list[str]) -> _Relative | None:
    """The time counted from the republication's day the words name ("yesterday", "last
    spring", "next month", "this Tuesday", "two years ago"), if they name one and hold function
    words besides."""
    bare = [_bare(word) for word in words if _bare(word) not in _FILLERS]
    counted = _counted_back(bare)
    if counted is not None:
        return counted
    found: _Relative | None = None
    anchor: int | None = None
    for word in (_bare(word) for word in words):
        if word in _FILLERS:
            continue
        if found is not None:
            return None
        if word in _DAY_WORDS and anchor is None:
            found = _Relative(_DAY_WORDS[word], "day", 0)
        elif word in _ANCHORS and anchor is None:
            anchor = _ANCHORS[word]
        elif anchor is None:
            return None
        elif word in ("week", "month", "year"):
            found = _Relative(anchor, word, 0)
        elif word in _SEASONS:
            found = _Relative(anchor, "season", _SEASONS[word])
        elif word in MONTHS:
            found = _Relative(anchor, "monthname", MONTHS[word])
        elif word in WEEKDAYS:
            found = _Relative(anchor, "weekday", WEEKDAYS[word])
        else:
            return None
    return found


def _counted_back(bare: list[str]) -> _Relative | None:
    """A count of days, weeks, months or years back from the day ("two years ago", "a week
    ago", "3 days ago"), as a relative time of that unit."""
    if len(bare) != 3 or bare[2] != "ago" or bare[1].removesuffix("s") not in ("day", "week", "month", "year"):
        return None
    count = _COUNTS.get(bare[0]) if not bare[0].isdigit() else int(bare[0])
    return None if count is None else _Relative(-count, bare[1].removesuffix("s"), 0)


_COUNTS = {word: count for count, word in enumerate("zero one two three four five six seven eight nine ten".split())} | {"a": 1, "an": 1}


def _month_stretch(year: int, month: int, months: int = 1) -> Stretch:
    """`months` months from the first of `month` of `year` (a month past December is next year's)."""
    first = datetime.date(year + (month - 1) // _MONTHS_A_YEAR, (month - 1) % _MONTHS_A_YEAR + 1, 1)
    end = (first.month - 1) + months
    after = datetime.date(first.year + end // _MONTHS_A_YEAR, end % _MONTHS_A_YEAR + 1, 1)
    return Stretch(first, after - datetime.timedelta(days=1))


def _yearly_stretch(day: datetime.date, offset: int, month: int, months: int) -> Stretch:
    """The stretch a yearly time of `months` months from `month` (a season, a month by name) names
    from `day`: "this" the one the day is in, else the one that starts in the day's year; "last" the
    latest that ended before the day; "next" the first that starts after it."""
    candidates = [_month_stretch(year, month, months) for year in range(day.year - 2, day.year + 2)]
    if offset < 0:
        return max(stretch for stretch in candidates if stretch.last < day)
    if offset > 0:
        return min(stretch for stretch in candidates if stretch.first > day)
    return next((stretch for stretch in candidates if stretch.first <= day <= stretch.last), _month_stretch(day.year, month, months))


def _relative_stretch(time: _Relative, day: datetime.date) -> Stretch:
    """The days a relative time names, counted from `day`."""
    if time.unit == "day":
        named = day + datetime.timedelta(days=time.offset)
        return Stretch(named, named)
    if time.unit == "week":
        monday = day - datetime.timedelta(days=day.weekday()) + datetime.timedelta(weeks=time.offset)
        return Stretch(monday, monday + datetime.timedelta(days=_DAYS_A_WEEK - 1))
    if time.unit == "month":
        return _month_stretch(day.year, day.month + time.offset)
    if time.unit == "year":
        return Stretch(datetime.date(day.year + time.offset, 1, 1), datetime.date(day.year + time.offset, 12, 31))
    if time.unit in ("season", "monthname"):
        return _yearly_stretch(day, time.offset, time.which, _SEASON_MONTHS if time.unit == "season" else 1)
    # A weekday: "this Tuesday" the one of the day's week, "last Tuesday" the latest before the day.
    this = day - datetime.timedelta(days=day.weekday() - time.which)
    if time.offset < 0 and this >= day:
        this -= datetime.timedelta(weeks=1)
    elif time.offset > 0 and this <= day:
        this += datetime.timedelta(weeks=1)
    return Stretch(this, this)


def _absolute_stretch(time: _Absolute) -> Stretch | None:
    """The days a time of the calendar covers; None without a year."""
    if time.year is None:
        return None
    if time.month is not None and time.day is not None:
        try:
            named = datetime.date(time.year, time.month, time.day)
        except ValueError:
            return None
        if time.week:
            monday = named - datetime.timedelta(days=named.weekday())
            return Stretch(monday, monday + datetime.timedelta(days=_DAYS_A_WEEK - 1))
        return Stretch(named, named)
    if time.month is not None:
        return _month_stretch(time.year, time.month)
    if time.season is not None:
        return _month_stretch(time.year, time.season, _SEASON_MONTHS)
    return Stretch(datetime.date(time.year, 1, 1), datetime.date(time.year, 12, 31))


def _shown(stretch: Stretch) -> str:
    """A stretch of days as a reader names it: "2023", "May 2024", "spring 2024", "2024-05-31"."""
    first, last = stretch
    if first == last:
        return f"{first:%A}, {first.isoformat()}"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    if first.day == 1 and (last + datetime.timedelta(days=1)).day == 1:
        if first.month == last.month:
            return first.strftime("%B %Y")
        season = next((name for name, month in _SEASONS.items() if month == first.month and name != "autumn"), "")
        if season and (last.month - first.month) % _MONTHS_A_YEAR == _SEASON_MONTHS - 1:
            return f"{season} {first.year}"
    return f"{first.isoformat()} to {last.isoformat()}"


class TimeVerdict(NamedTuple):
    """How an edit that puts a relative time for an absolute one reads: `reason` why it changes
    the fact (None: it keeps it)."""

    reason: str | None


def judge(taken: list[str], given: list[str], published: datetime.date | str | None) -> TimeVerdict | None:
    """Whether an edit (the words `taken` out of the original, the words `given` in, as written)
    that puts a time counted from the republication's day for a time of the calendar keeps the
    fact read from `published` (the republication's day; None when not given, the value as given
    when it names no day: "June 1"): see the module. None when the edit is not such an edit (its
    words are not one time each)."""
    absolute, relative = _absolute(taken), _relative(given)
    if absolute is None or relative is None:
        return None
    shown = f'"{" ".join(taken).strip(_AROUND)}" → "{" ".join(given).strip(_AROUND)}"'
    said = " ".join(_bare(word) for word in given if _bare(word) not in _FILLERS)
    fixed = _absolute_stretch(absolute)
    if not isinstance(published, datetime.date):
        if fixed is None:
            return None
        undated = f'{shown}, judged without a publication date: "{said}" depends on the day the copy is published'
        if published is None:
            return TimeVerdict(f"{undated}; give publication_date")
        return TimeVerdict(f'{undated}, and publication_date "{shorten(published, _SHOWN_VALUE)}" names none (write it as 2024-06-01)')
    named = _relative_stretch(relative, published)
    if _keeps(absolute, fixed, named):
        return TimeVerdict(None)
    return TimeVerdict(f'{shown}: republished {published.isoformat()}, "{said}" is {_shown(named)}')


def _keeps(absolute: _Absolute, fixed: Stretch | None, named: Stretch) -> bool:
    """Whether the days a relative time names (`named`) keep the absolute time: they hold all of
    its days (`fixed`), or, for a month, day or weekday without a year, one of them falls on it
    ("on Tuesday" → "yesterday" on a Wednesday, → "last week" on any day of the next week)."""
    if fixed is not None:
        return named.first <= fixed.first and fixed.last <= named.last
    days = [named.first + datetime.timedelta(days=n) for n in range((named.last - named.first).days + 1)]
    return any(_falls_on(absolute, day) for day in days)


def publication_day(value: str, utc_offset: int | None = None) -> datetime.date | str | None:
    """The day an ISO 8601 `publication_date` names ("2024-06-01", "2024-06-01T09:30:00Z"); the
    value as given when it names none ("June 1"); None when it is empty. With `utc_offset` (hours
    from UTC, a publisher's zone), a date and time given with its own zone is the day it is at that
    offset ("2099-10-04T02:00:00Z" is Oct. 3 at UTC-5); without a zone, the day as written."""
    text = value.strip()
    if not text:
        return None
    if utc_offset is not None and len(text) > 10:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.astimezone(datetime.timezone(datetime.timedelta(hours=utc_offset))).date()
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return text


# The metadata keys the copy's publication date is read from, in order: syndcheck's own, then
# those static site generators write in front matter (Hugo, Jekyll and Eleventy `date`, Hugo
# `publishDate`, Astro `pubDate`, `published`). Only `publication_date` is named when it gives
# no day: the others are read when they give one (Jekyll's `published: false` is a flag).
PUBLICATION_DATE_KEYS = ("publication_date", "date", "publishDate", "pubDate", "published")


def publication_day_of(meta: Mapping[str, str], utc_offset: int | None = None) -> datetime.date | str | None:
    """The day an article's metadata (values as written) says it was published: its
    `publication_date` (`publication_day`, at `utc_offset` when given), else the first of the
    other `PUBLICATION_DATE_KEYS` that names a day; None when none does."""
    given = publication_day(str(meta.get(PUBLICATION_DATE_KEYS[0]) or ""), utc_offset)
    if given is not None:
        return given
    for key in PUBLICATION_DATE_KEYS[1:]:
        day = publication_day(str(meta.get(key) or ""), utc_offset)
        if isinstance(day, datetime.date):
            return day
    return None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# `<meta>` names and properties a page gives its publication date in (Open Graph article,
# schema.org, Dublin Core).
_DATE_META = ("article:published_time", "datepublished", "pubdate", "dc.date", "dc.date.issued", "date")


def page_date(doc: Document) -> str:
    """A page's publication date, YYYY-MM-DD, from its metadata (Open Graph article, schema.org
    `datePublished` in meta or JSON-LD, Dublin Core), or "" when it gives none."""
    return page_published(doc)[:10]


def page_published(doc: Document) -> str:
    """A page's publication date as its metadata writes it (`page_date`'s sources): an ISO 8601
    date, or date and time with its zone ("2024-09-12T02:00:00Z", which `publication_day` reads
    on the publisher's day); "" when it gives none."""
    values = [v for key in _DATE_META for v in doc.meta.get(key, ())]
    pending: list[Any] = list(doc.json_ld)
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                values.append(item["datePublished"])
            if isinstance(item.get("@graph"), list):
                pending.extend(item["@graph"])
    return next((value.strip() for value in values if _ISO_DAY.match(value.strip())), "")


def original_day(original: Document) -> datetime.date | None:
    """The day the original story was published: its front matter's (`publication_day_of`), else
    its page's metadata (`page_date`); None when neither names a day."""
    day = publication_day_of(original.front_matter)
    if isinstance(day, datetime.date):
        return day
    written = page_date(original)
    return datetime.date.fromisoformat(written) if written else None


def judge_dated(taken: list[str], given: list[str], published: datetime.date | None, *, tense: Tense = "") -> TimeVerdict | None:
    """Whether an edit that puts a date of the calendar (the words `given`) for a time the
    original counted from its own day (the words `taken`: "yesterday", "last week", "two years
    ago", or a weekday or month alone: "on Tuesday", "in March") keeps the fact read from
    `published` (the original's day): the date holds every day the relative time named
    ("yesterday" → "on May 1" in a story of 2024-05-02; "last month" → "in April"; "this week" →
    "the week of April 29"; "last week" → "on Tuesday" says more than the original and is a
    change). A weekday or month alone names the latest such day or month on or before the
    original's day when the sentence tells of the past before it (`tense` "past", `tense_before`:
    "voted on Tuesday"), the first on or after it when it tells of what is to come ("future":
    "will vote on Tuesday"), and either when it tells neither ("meets on Tuesday", "takes effect
    in March"). None when the edit is not such an edit, or without the original's day: the words
    are then the word rules' to judge, as before it was known (`style_edits`)."""
    absolute = _absolute(given)
    if absolute is None or published is None:
        return None
    relative = _relative(taken)
    named = [_relative_stretch(relative, published)] if relative is not None else _nearest_stretches(_absolute(taken), published, tense)
    if not named:
        return None
    if any(_holds(absolute, stretch) for stretch in named):
        return TimeVerdict(None)
    shown = f'"{" ".join(taken).strip(_AROUND)}" → "{" ".join(given).strip(_AROUND)}"'
    # In lower case as the other times are shown, but for the names of days and months.
    said = " ".join(word.capitalize() if word in WEEKDAYS or word in MONTHS else word for word in map(_bare, taken) if word not in _FILLERS)
    return TimeVerdict(f'{shown}: the original was published {published.isoformat()}, so "{said}" was {" or ".join(_shown(stretch) for stretch in named)}')


def _holds(absolute: _Absolute, named: Stretch) -> bool:
    """Whether a time of the calendar holds every day of `named`: its days (`_absolute_stretch`),
    or without a year, each day falls on it (`_falls_on`; a week of a month's day without a year,
    "the week of June 3", is that week in the year of `named`)."""
    if absolute.year is None and absolute.week:
        absolute = absolute._replace(year=named.first.year)
    fixed = _absolute_stretch(absolute)
    if fixed is not None:
        return fixed.first <= named.first and named.last <= fixed.last
    days = [named.first + datetime.timedelta(days=n) for n in range((named.last - named.first).days + 1)]
    return all(_falls_on(absolute, day) for day in days)


def _nearest_stretches(time: _Absolute | None, day: datetime.date, tense: Tense) -> list[Stretch]:
    """The days a weekday alone ("Tuesday") or a month alone ("March") may name in a story of `day`
    whose sentence tells of that `tense`: the latest on or before the day ("past"), the first on or
    after it ("future"), or either (""; one when the day is in it); [] for any other time (one
    with a year, a day of the month or a season is the calendar's, not the story's)."""
    if time is None or time.year is not None or time.day is not None or time.season is not None or time.week:
        return []
    if time.weekday is not None and time.month is None:
        before = Stretch(*[day - datetime.timedelta(days=(day.weekday() - time.weekday) % _DAYS_A_WEEK)] * 2)
        after = Stretch(*[day + datetime.timedelta(days=(time.weekday - day.weekday()) % _DAYS_A_WEEK)] * 2)
    elif time.month is not None and time.weekday is None:
        before = _month_stretch(day.year if time.month <= day.month else day.year - 1, time.month)
        after = _month_stretch(day.year if time.month >= day.month else day.year + 1, time.month)
    else:
        return []
    if tense:
        return [before if tense == "past" else after]
    return [before] if before == after else [before, after]


Tense = Literal["past", "future", ""]
# Words that make a weekday or month after them in the sentence the one to come ("will vote on
# Tuesday", "is scheduled for March", "they'll meet on Friday"), checked first ("planned" is one).
_FUTURE_WORDS = frozenset("will shall scheduled set expected due plans planned planning upcoming slated".split())
_CONTRACTED_WILL = ("'ll", "\u2019ll")
# Words that make it one past: a past form of "be", "have" or "do", or a verb ending in "-ed"
# ("voted", "announced"), not a word that only ends so ("need", "speed", "indeed").
_PAST_WORDS = frozenset("was were had did said told".split())
_NOT_PAST = frozenset("need speed seed feed bed red shed breed indeed proceed exceed succeed".split())
# How many words before a time `tense_before` looks at, back to the sentence's start.
_TENSE_REACH = 10


def tense_before(before: Sequence[str]) -> Tense:
    """What the words `before` a time (the sentence's, as written, back to its start or
    `_TENSE_REACH` words) tell of: what is to come ("future": one of `_FUTURE_WORDS` or a
    contracted "will"), else the past ("past": `_PAST_WORDS`, a verb ending in "-ed"), else
    neither ("")."""
    words: list[str] = []
    for word in reversed(before[-_TENSE_REACH:]):
        if word.endswith((".", "!", "?")):
            break
        words.append(_bare(word))
    if any(word in _FUTURE_WORDS or word.endswith(_CONTRACTED_WILL) for word in words):
        return "future"
    if any(word in _PAST_WORDS or (word.endswith("ed") and len(word) > 3 and word not in _NOT_PAST) for word in words):
        return "past"
    return ""


def _falls_on(absolute: _Absolute, day: datetime.date) -> bool:
    """Whether a day is on the month, day of the month and weekday a time without a year names."""
    return (
        (absolute.month is None or day.month == absolute.month)
        and (absolute.day is None or day.day == absolute.day)
        and (absolute.weekday is None or day.weekday() == absolute.weekday)
    )


# A time of day as a word reads it: an hour with minutes or "a.m."/"p.m." joined ("3", "3:30",
# "15:00", "3pm"); "a.m."/"p.m." may be the next word ("3 p.m.").
_CLOCK = on_first_use(r"^(\d{1,2})(?::(\d{2}))?([ap]\.?m)?$")
_MERIDIEM = re.compile(r"^[ap]\.?m$")
_NOON_OR_MIDNIGHT = {"noon": 12 * 60, "midnight": 0}
# Time zones written after a time of day, in capitals, as hours from UTC all year ("EDT" is
# daylight time whatever the day; Hawaii keeps standard time all year).
_ZONES = {"UTC": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6}
_ZONES |= {"PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HT": -10, "HST": -10}
# US zones without "S"/"D" ("ET", "PT"), at their standard time: an hour later from the second
# Sunday of March to the first Sunday of November (`_daylight_saving`).
_SEASONAL_ZONES = {"ET": -5, "CT": -6, "MT": -7, "PT": -8, "AKT": -9}
# US zones written in words after a time of day, in any usual case ("3 p.m. Eastern time", "noon
# Pacific", "2 p.m. central time"), as the abbreviation they stand for: the region's name alone
# or with "time", or with "standard time" or "daylight time" ("Eastern Daylight Saving Time").
# Alaska's and Hawaii's need "time": alone after a time they name the state ("3 p.m. Alaska time",
# but "landed at 3 p.m. Hawaii" is no zone).
_ZONE_REGIONS = {"eastern": "E", "central": "C", "mountain": "M", "pacific": "P", "alaska": "AK", "hawaii": "H"}
_REGIONS_NEEDING_TIME = frozenset(("alaska", "hawaii"))
_ZONE_SEASONS = {"standard": "S", "daylight": "D"}
# UTC and GMT by their names.
_NAMED_ZONES = {("coordinated", "universal", "time"): "UTC", ("universal", "time"): "UTC", ("greenwich", "mean", "time"): "GMT"}
# An abbreviation with a stop after each letter ("E.T.", "E.S.T."), read without them; an
# abbreviation is read in capitals only ("et" is a word in French, Latin and others).
_DOTTED_ZONE = re.compile(r"^(?:[A-Z]\.)+[A-Z]$")
_CLAUSE_END = tuple(",;:.!?)")
_DAYLIGHT_STARTS = (3, 8)  # the second Sunday of March is the first on or after March 8
_DAYLIGHT_ENDS = (11, 1)  # the first Sunday of November
_SUNDAY = 6
# Words that join the ends of a range of times ("from 9 a.m. to 5 p.m.", "between 9 a.m. and noon").
_RANGE_JOINERS = frozenset(("to", "through", "thru", "until", "till", "and", *DASHES, "-"))
_MINUTES_AN_HOUR = 60
_MINUTES_A_DAY = 24 * _MINUTES_AN_HOUR
_NOON_HOUR = 12
_LAST_HOUR = 23


class Clock(NamedTuple):
    """A time of day a paragraph writes: the words `start` to `end` (as a slice), the minutes
    after midnight it says, its time zone's hours from UTC at standard time (None when it names
    none), and whether that zone is an hour later in daylight saving time ("ET", not "EST")."""

    start: int
    end: int
    minutes: int
    zone: int | None
    seasonal: bool = False
    # The zone as written ("ET"), "" when none.
    zone_name: str = ""
    # Where the words to quote end: past `end` for a range's first end, which takes its zone
    # from the last ("9 a.m. to 5 p.m. ET").
    quoted_end: int = 0


def _sunday_on_or_after(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=(_SUNDAY - day.weekday()) % _DAYS_A_WEEK)


def _daylight_saving(day: datetime.date) -> bool:
    """Whether US daylight saving time holds on a day: from the second Sunday of March to the
    first Sunday of November (the rule since 2007), the days of the change counted as their
    afternoons read."""
    starts = _sunday_on_or_after(datetime.date(day.year, *_DAYLIGHT_STARTS))
    ends = _sunday_on_or_after(datetime.date(day.year, *_DAYLIGHT_ENDS))
    return starts <= day < ends


def _clock_at(words: Sequence[str], index: int) -> tuple[int, int] | None:
    """The time of day that starts at `words[index]`, as (minutes after midnight, the index after
    its last word), without a time zone; None when none does ("3" with no "p.m." after it and no
    minutes is a number, not a time)."""
    bare = _bare(words[index]).rstrip(".")
    if bare in _NOON_OR_MIDNIGHT:
        return _NOON_OR_MIDNIGHT[bare], index + 1
    matched = _CLOCK().match(bare)
    if matched is None:
        return None
    hour, minute, meridiem = int(matched.group(1)), int(matched.group(2) or 0), matched.group(3)
    end = index + 1
    if meridiem is None and end < len(words) and _MERIDIEM.match(_bare(words[end]).rstrip(".")):
        meridiem, end = _bare(words[end]), end + 1
    if end < len(words) and _bare(words[end]).rstrip(".") in _NOON_OR_MIDNIGHT and hour == _NOON_HOUR and meridiem is None:
        return _NOON_OR_MIDNIGHT[_bare(words[end]).rstrip(".")], end + 1
    if meridiem is None:
        # Minutes without "a.m." or "p.m." are a 24-hour clock ("15:00"); an hour alone is a number.
        return (hour * 60 + minute, end) if matched.group(2) and hour <= _LAST_HOUR else None
    if not 1 <= hour <= _NOON_HOUR or minute >= _MINUTES_AN_HOUR:
        return None
    return (hour % _NOON_HOUR + (_NOON_HOUR if meridiem.startswith("p") else 0)) * 60 + minute, end


def clocks(words: Sequence[str]) -> list[Clock]:
    """The times of day a paragraph's words write, in order (see `_clock_at`), each with the time
    zone after it ("3 p.m. ET")."""
    found: list[Clock] = []
    index = 0
    while index < len(words):
        read = _clock_at(words, index)
        if read is None:
            index += 1
            continue
        minutes, end = read
        zone, after = _zone_at(words, end)
        offset = _ZONES.get(zone, _SEASONAL_ZONES.get(zone))
        if offset is None:
            zone, after = "", end
        found.append(Clock(index, after, minutes, offset, zone in _SEASONAL_ZONES, zone))
        index = after
    return _ranges_zoned(words, found)


def _zone_at(words: Sequence[str], at: int) -> tuple[str, int]:
    """The time zone written at `words[at]`, after a time of day, as its abbreviation ("ET"; not
    yet checked against the known zones), and the index after its words: an abbreviation in
    capitals, with or without stops ("ET", "E.T.", "(ET)"), or a US zone in words ("Eastern time",
    "Eastern", "Pacific Standard Time": `_ZONE_REGIONS`), or UTC or GMT by name; ("", `at`) when
    none is. A region's name before a capitalised word is part of a name ("Central Park",
    "Pacific Gas and Electric"), no zone."""
    if at >= len(words):
        return "", at
    zone = words[at].strip(_AROUND)
    if _DOTTED_ZONE.match(zone):
        zone = zone.replace(".", "")
    if zone in _ZONES or zone in _SEASONAL_ZONES:
        return zone, at + 1
    bare = [_bare(word) for word in words[at : at + 4]]
    for named, abbreviation in _NAMED_ZONES.items():
        if tuple(bare[: len(named)]) == named and not any(word.endswith(_CLAUSE_END) for word in words[at : at + len(named) - 1]):
            return abbreviation, at + len(named)
    region = _ZONE_REGIONS.get(bare[0])
    if region is None:
        return "", at
    # The words after the region's name that belong to the zone, up to a clause's end.
    tail: list[str] = []
    for word, shown in zip(bare[1:], words[at : at + 3], strict=False):
        if shown.endswith(_CLAUSE_END):
            break
        tail.append(word)
    season = _ZONE_SEASONS.get(tail[0], "") if tail else ""
    if season:
        rest = tail[1:3] if tail[1:2] == ["saving"] else tail[1:2]
        return (region + season + "T", at + 2 + len(rest)) if rest[-1:] == ["time"] else ("", at)
    if tail[:1] == ["time"]:
        return region + "T", at + 2
    following = words[at + 1].lstrip('("“') if at + 1 < len(words) and not words[at].endswith(_CLAUSE_END) else ""
    if bare[0] in _REGIONS_NEEDING_TIME or following[:1].isupper():
        return "", at
    return region + "T", at + 1


def _ranges_zoned(words: Sequence[str], found: list[Clock]) -> list[Clock]:
    """The times of day with a range's first end given the zone its last end names ("from 3 to
    5 p.m. ET", "3 p.m. to 5 p.m. ET": AP writes the zone once, after the range)."""
    for at in range(len(found) - 2, -1, -1):
        first, last = found[at], found[at + 1]
        between = [_bare(word) or word for word in words[first.end : last.start]]
        if first.zone is None and last.zone is not None and len(between) == 1 and between[0] in _RANGE_JOINERS:
            found[at] = first._replace(zone=last.zone, seasonal=last.seasonal, zone_name=last.zone_name, quoted_end=max(last.end, last.quoted_end))
    return found


class Reading(NamedTuple):
    """How the US zones without "S"/"D" read on the story's day: whether daylight saving time
    holds, and whether "MT" is Arizona's, which keeps standard time all year."""

    summer: bool
    arizona: bool = False


def _same_instant(one: Clock, other: Clock, readings: Sequence[Reading]) -> bool:
    """Whether two times of day say the same instant: in UTC when both name a zone ("3 p.m. ET" is
    "noon PT"), else as written ("3 p.m." is "15:00" and "3 p.m. ET"; "3 p.m." is not "noon PT":
    the original names no zone to restate). A zone without "S"/"D" is read as `readings` say: one
    of them (the story's day and place known), or several (either will do, both times read in the
    same one: "3 p.m. ET" is "19:00 UTC" or "20:00 UTC", not "1 p.m. PT")."""
    if one.zone is None or other.zone is None:
        return one.minutes == other.minutes
    return any(_in_utc(one, reading) == _in_utc(other, reading) for reading in readings)


def _in_utc(clock: Clock, reading: Reading) -> int:
    """A time of day with a zone as minutes after midnight UTC, read as `reading` says."""
    assert clock.zone is not None
    daylight = reading.summer and clock.seasonal and not (reading.arizona and clock.zone_name == "MT")
    hours = clock.zone + daylight
    return (clock.minutes - hours * _MINUTES_AN_HOUR) % _MINUTES_A_DAY


# The states of US Mountain Time besides Arizona, which keep daylight saving time.
_MOUNTAIN_STATES = ("Colorado", "Utah", "New Mexico", "Wyoming", "Montana", "Idaho")
# The most words of a place name a story is read for ("Salt Lake City").
_PLACE_WORDS = 3


def names_mountain_time(text: str) -> bool:
    """Whether a text writes a time in Mountain Time without "S" or "D" ("9 a.m. MT", "9 a.m.
    Mountain time"): the test before `story_in_arizona`, which reads the gazetteer; only a text
    that writes "MT" or "ountain" pays for reading its times."""
    if "MT" not in text and "M.T." not in text and "ountain" not in text and "OUNTAIN" not in text:
        return False
    return any(clock.zone_name == "MT" for clock in clocks(text.split()))


def story_in_arizona(words: Sequence[str]) -> bool | None:
    """Whether a story (its words as written) is in Arizona, where "MT" is MST all year (Arizona
    keeps no daylight saving time): True when it names Arizona ("Arizona", "Ariz.", "AZ") or one of
    its cities ("Phoenix", "Tucson") and no other state of Mountain Time (Colorado, Utah, New
    Mexico, Wyoming, Montana, Idaho) nor one of their cities; None when it names both (either
    reading will do); False when it names no place of Arizona. "MT" itself is read as the zone,
    not as Montana's postal code. Reads the gazetteer: call it only when the story writes "MT"
    (`names_mountain_time`)."""
    from compliance.document.places import is_region_of, same_region

    shown = [word.strip(_AROUND) for word in words]
    names = {" ".join(shown[start : start + length]) for start in range(len(shown)) for length in range(1, _PLACE_WORDS + 1)}
    names = {name for name in names if name and name != "MT" and all(part[:1].isupper() for part in name.split())}

    def names_state(state: str) -> bool:
        # A state's name, abbreviation or code starts with its first letter: only those are compared.
        initial = state[0].casefold()
        return any(is_region_of(name, state) or (name[0].casefold() == initial and same_region(name, state)) for name in names)

    if not names_state("Arizona"):
        return False
    return None if any(names_state(state) for state in _MOUNTAIN_STATES) else True


class ClockVerdict(NamedTuple):
    """How the times of day of a paragraph's two versions read: `reason` why they say another
    time (None: the same), and the republished words with each time that restates the original's
    written as the original's, so that the word rules do not judge its words again."""

    reason: str | None
    republished: list[str]


def judge_clocks(before: list[str], after: list[str], day: datetime.date | None = None, arizona: bool | None = False) -> ClockVerdict:
    """Whether the times of day of a paragraph (its words `before`, in the original, and `after`)
    say the same instants: each restated in another style ("3 p.m." → "15:00", "3:00 p.m.") or
    another zone (`_same_instant`) keeps the fact; one put for another ("at 3 p.m." → "at 5
    p.m.") changes it, and so does a range of times turned round ("from 9 a.m. to 5 p.m." → "from
    5 p.m. to 9 a.m."), and a zone the original names dropped (`"3 p.m. ET" → "3 p.m.": its time
    zone dropped`: a reader in another zone reads another time), unless the copy's paragraph names
    that zone at another of its times ("3 p.m. to 5 p.m. ET"). Paragraphs that write a different
    number of times are left to the word rules (a time added or cut is a word added or cut). `day`
    is the story's day, which says whether "ET" is EDT ("3 p.m. ET" is "19:00 UTC" on 2024-05-02,
    "20:00 UTC" on 2024-01-10); without it either reading will do. `arizona`: whether the story is
    in Arizona, where "MT" is MST all year (`story_in_arizona`; None: either reading will do)."""
    theirs, ours = clocks(before), clocks(after)
    if not theirs or len(theirs) != len(ours):
        return ClockVerdict(None, after)
    summers = (False, True) if day is None else (_daylight_saving(day),)
    places = (False, True) if arizona is None else (arizona,)
    readings = [Reading(summer, in_arizona) for summer in summers for in_arizona in places]
    pairs = list(zip(theirs, ours, strict=True))
    if not all(_same_instant(one, other, readings) for one, other in pairs):
        moved = _matched_out_of_order(theirs, ours, readings)
        if moved is None:
            one, other = next((one, other) for one, other in pairs if not _same_instant(one, other, readings))
            return ClockVerdict(_quoted(_said(before, one), _said(after, other)), after)
        turned = _range_turned_round(before, after, (theirs, ours), readings)
        if turned is not None:
            return ClockVerdict(turned, after)
        pairs = moved
    named = {clock.zone_name for clock in ours}
    # Quoted at a time that writes its zone ("5 p.m. ET" of "9 a.m. to 5 p.m. ET") when one does.
    dropped = min(
        ((one, other) for one, other in pairs if one.zone is not None and other.zone is None and one.zone_name not in named),
        key=lambda pair: pair[0].quoted_end > 0,
        default=None,
    )
    if dropped is not None:
        one, other = dropped
        return ClockVerdict(f"{_quoted(_said(before, one), _said(after, other))}: its time zone dropped", after)
    restated = list(after)
    for one, other in sorted(pairs, key=lambda pair: pair[1].start, reverse=True):
        restated[other.start : other.end] = before[one.start : one.end]
    return ClockVerdict(None, restated)


def _matched_out_of_order(theirs: list[Clock], ours: list[Clock], readings: Sequence[Reading]) -> list[tuple[Clock, Clock]] | None:
    """Each republished time paired with an original one of the same instant, in any order
    (a clause moved with its time); None when one has none."""
    left = list(theirs)
    pairs: list[tuple[Clock, Clock]] = []
    for other in ours:
        match = next((one for one in left if _same_instant(one, other, readings)), None)
        if match is None:
            return None
        left.remove(match)
        pairs.append((match, other))
    return pairs


def _range_turned_round(before: list[str], after: list[str], times: tuple[list[Clock], list[Clock]], readings: Sequence[Reading]) -> str | None:
    """`"9 a.m. to 5 p.m." → "5 p.m. to 9 a.m."` when two times the republication joins as a
    range (`times`: the original's and the republication's) are the original's in the other
    order; None otherwise."""
    theirs, ours = times
    for first in range(len(ours) - 1):
        second = first + 1
        between = [_bare(word) or word for word in after[ours[first].end : ours[second].start]]
        if len(between) != 1 or between[0] not in _RANGE_JOINERS:
            continue
        earlier = next((one for one in theirs if _same_instant(one, ours[second], readings)), None)
        later = next((one for one in theirs if _same_instant(one, ours[first], readings)), None)
        if earlier is not None and later is not None and earlier.start < later.start:
            return _quoted(before[earlier.start : later.end], after[ours[first].start : ours[second].end])
    return None


def _said(words: Sequence[str], clock: Clock) -> Sequence[str]:
    """The words a reason quotes for a time of day: its own, through its range's zone ("9 a.m. to
    5 p.m. ET") when it takes that zone from the range's last end."""
    return words[clock.start : max(clock.end, clock.quoted_end)]


def _quoted(taken: Sequence[str], given: Sequence[str]) -> str:
    return f'"{_as_shown(taken)}" → "{_as_shown(given)}"'


def _as_shown(words: Sequence[str]) -> str:
    """Words as a reason quotes them: without the punctuation around them, "p.m." with its stop."""
    text = " ".join(words).strip(_AROUND.replace(".", ""))
    last = text.split()[-1] if text else ""
    return text if "." in last[:-1] or not last.endswith(".") else text[:-1]
