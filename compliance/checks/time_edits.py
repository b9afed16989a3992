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

Any other word in the edit (a number that is no year or day, a content word) leaves it to the
word rules, and so does the other way round, a date put for the original's relative time ("two
years ago" → "in 2019"): that time is counted from the original's day, which the copy's metadata
does not give. Known limits: "the past year" or "earlier this year" are not read as a time here (they
pass as words of time), nor is a time of day ("this morning" is read as "today").
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from compliance.text import DASHES, shorten

# Month names and their abbreviations, lower case, to the month's number (1-12).
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Weekday names and their abbreviations, lower case, to the weekday's number (Monday 0, as `datetime.date.weekday`).
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
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
    function words only ("In the spring of 2023", "March 14, 2023", "on Tuesday")."""
    year = month = day = season = weekday = None
    for word in (_bare(word) for word in words):
        if word in _FILLERS:
            continue
        if word.isdigit() and len(word) == _YEAR_DIGITS and word[:2] in ("19", "20") and year is None:
            year = int(word)
        elif word.rstrip("stndrh").isdigit() and 1 <= int(word.rstrip("stndrh")) <= _DAY_OF_MONTH and month is not None and day is None:
            day = int(word.rstrip("stndrh"))
        elif word in MONTHS and month is None:
            month = MONTHS[word]
        elif word in _SEASONS and season is None:
            season = _SEASONS[word]
        elif word in WEEKDAYS and weekday is None:
            weekday = WEEKDAYS[word]
        else:
            return None
    if (year, month, weekday) == (None, None, None):
        return None
    return _Absolute(year, month, day, season, weekday)


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
    return any(
        (absolute.month is None or day.month == absolute.month)
        and (absolute.day is None or day.day == absolute.day)
        and (absolute.weekday is None or day.weekday() == absolute.weekday)
        for day in days
    )


def publication_day(value: str) -> datetime.date | str | None:
    """The day an ISO 8601 `publication_date` names ("2024-06-01", "2024-06-01T09:30:00Z"); the
    value as given when it names none ("June 1"); None when it is empty."""
    if not value.strip():
        return None
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return value.strip()
