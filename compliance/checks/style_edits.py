"""Which words a small edit of a story changes beyond style, relative time and place (`fidelity`).

An edit (a few words taken out of a paragraph, a few put in their place) is within no-derivatives
terms when, after case and punctuation, what it takes out and what it puts in are:
- the same words: case, punctuation, hyphenation and spacing ("health-care" → "health care",
  "U.S." → "US"), US/UK spelling ("colour" → "color", "organise" → "organize", "centre" →
  "center", "travelled" → "traveled", "defence" → "defense", "grey" → "gray"), a typo fixed (one
  letter inside a long lower-case word: "goverment" → "government"), a contraction ("did not" →
  "didn't"), a symbol for its word ("percent" → "%", "and" → "&"), an abbreviation of the word
  or an acronym of the words ("Senator" → "Sen.", "Department" → "Dept.", "Environmental
  Protection Agency" → "EPA"), AP's usage ("more than" → "over", "says" → "said", "less" →
  "fewer", "towards" → "toward"), a collective noun's pronoun made to agree ("they" → "it"), "No."
  before a numeral for "number" ("No. 1" → "number one", "#1" → "No. 1"; "No 10" inside a
  sentence, British style), AP's "through" between the ends of a range for "to" or a dash
  ("Monday to Friday" → "Monday through Friday" → "Monday-Friday", "10 through 12", "9 a.m.
  through 5 p.m."), or a word moved elsewhere in the paragraph ("said Smith" → "Smith said");
- numbers on both sides of the edit, or of time, spelled or not, cardinal or ordinal
  ("fourteenth", "twenty-first"; the caller judges a changed number, a count put for a rank, a
  length of the story's own ("took 3 days" → "took 4 days"), a range turned round and a unit of
  time put for another: `fidelity_compare.beyond_style`), years, negations (the caller counts them), words of time
  ("Tuesday", "yesterday", "last", "week", "ago", "p.m."), words of place (a place the gazetteer
  of `compliance.document.places` knows, taken out or put in, a US state's AP abbreviation or
  postal code, "here", "city", "county", "our city", "Tulsa-based"), function words (articles, prepositions, conjunctions, "that"/"which", forms of
  "be", "have" and "do"), a courtesy title added or dropped ("Ms. Smith" → "Smith"; "Mr." → "Ms."
  is a change), initials and a company's "Inc.".
Any other word — a noun, verb, adjective or adverb, a person's name — is content: replacing,
adding or removing it changes what the story says ("diabetes" → "cancer", "approved" →
"rejected", "Maria Lopez" → "Mario Lopes", "allegedly" removed). So is a month or weekday put
for another ("June" → "July", "Tuesday" → "Wednesday"): a date changed, not a relative time edit.
So is a place named for another ("Amarillo, Texas" → "Tulsa, Oklahoma", "western Oklahoma" →
"western Kansas"), a county, parish or borough named like a city put for the city or the other
way round ("Austin" → "Austin County", "Dallas County" → "Dallas"; the table of cities says which
names are cities', so "Miami-Dade County" → "Miami-Dade" is a place edit), or one of these for
another ("Jefferson County" → "Jefferson Parish"): a place edit drops, shortens or abbreviates a name ("Portland, Ore." →
"Portland", "Oklahoma" → "Okla.", "Mich." → "MI": `places.same_region`; a qualifier taken out,
"in western Oklahoma" → "in Oklahoma": `place_phrases`) or puts a relative word for it ("here",
"in our city"); a qualifier put in or put for another ("western" → "eastern") is content.
So is a word of time put for one on the other side of the time it names (`_TIME_SIDES`): past
for future ("yesterday" → "tomorrow", "last week" → "next week", "ago" → "from now", "earlier
this month" → "later this month"), one part of a period, day or year for another ("early" →
"late", "a.m." → "p.m.", "morning" → "evening", "spring" → "fall"). A relative time edit keeps
the date true from the republication's day, so it keeps its side ("yesterday" → "on Monday" or
"last week", "tomorrow" → "next week", "Tuesday night" → "tonight"); words of the present
("today", "this", "now") are on no side. A tense shifted with a form of "be" ("is closed" → "was
closed") is a time edit: what was true on the original's day, told a later day; a future
("was" → "will be") is not: "will" is content.

So is "from" for "to" ("flights from Denver" → "flights to Denver"; after "different" the two
say the same); "to" and "from" swapped where the word diff reads words moved ("moved to Ohio
from Texas" → "moved from Ohio to Texas") are the caller's to judge, by the nouns after them
(`fidelity_compare._roles_swapped`), as are units of time ("within a few hours" → "within a few years").

Known limits: a person named like a large city ("Jackson", "Warren") reads as a place (and one
put for another as a place changed, which it is either way), a city put for a state's city
("Washington" → "D.C.", "Manhattan" → "New York") as another place (a city put as the state or
country the gazetteer has it in is named so: "Austin" → "Texas" is less precise, "Austin, Texas"
→ "Texas" a city cut to its state; both are changes, since the story no longer says where), a
one-letter change inside a long word as a typo fixed ("counties" → "countries"; a typo in a
short or capitalised word, "teh" or a sentence's "Goverment", is not: "cat" → "car" and "Smith"
→ "Smyth" are changes), a preposition for another but "from" for "to" ("in" → "on", "at" →
"in") as function words changed, and a subject and an object swapped with no preposition to
mark them ("Ohio beat Texas" → "Texas beat Ohio") as words moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from compliance.checks.date_words import MONTHS, WEEKDAYS
from compliance.firstuse import on_first_use
from compliance.text import DASHES


class Word(NamedTuple):
    """One word of an edit: `text` in lower case without dots or apostrophes around it ("sen",
    "us", "didn"), `shown` as written without the punctuation around it ("Sen.", "U.S."), its
    position among the edit's words, and whether it is written as an abbreviation (a capitalised
    word of at most five letters with a dot, or capitals: "Sen.", "FBI")."""

    text: str
    shown: str
    position: int
    abbreviated: bool


_AROUND = ",;:!?\"'“”‘’()[]{}*" + DASHES
_TOKEN = on_first_use(
    r"(?P<number>\d[\d,.]*(?:st|nd|rd|th|bn|k|m|b)?)(?![^\W\d_])|(?P<digits>\d[\d,.]*)|(?P<symbol>[$€£%&#°¢])|(?P<word>[^\W\d_]+(?:[.'’][^\W\d_]+)*)"
)
JOINERS = on_first_use("[-/" + DASHES + "]")
_CONTRACTION = on_first_use(r"^(?P<stem>[^\W\d_]+?)(?P<ending>n['’]t|['’](?:s|re|ve|ll|d|m))$")
# What a contraction's ending and a few stems stand for ("won't" is "will not").
_ENDINGS = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'s": "'s", "'d": "'d"}
_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_SYMBOLS = {"$": "dollars", "€": "euros", "£": "pounds", "%": "percent", "&": "and", "#": "number", "°": "degrees", "¢": "cents"}

# Words that make a number one of time: a unit after it ("in two weeks" → "in three weeks" is a
# relative time edit) or a month or weekday before it (a date).
TIME_UNITS = frozenset(
    [
        *"second seconds minute minutes hour hours day days week weeks weekend weekends month months".split(),
        *"year years decade decades century centuries a.m p.m am pm".split(),
    ]
)
# The names of months and weekdays, and their abbreviations, as the time edits read dates by them.
DATE_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Words an edit may take out or put in freely. Numbers and negations are judged by the caller.
_FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with into onto upon about as than and that which who whom whose
    is are was were be been being am 's has have had having do does did there it its""".split()
)
_TIME_WORDS = frozenset(
    """today tonight yesterday tomorrow now currently recently lately earlier later last next this these those
    ago past previous previously coming upcoming early late mid morning mornings afternoon afternoons evening
    evenings night nights overnight noon midnight weekday weekdays weeknight season seasons spring summer fall
    autumn winter daily weekly monthly yearly annual annually quarter then soon since until till during o'clock""".split()
)
_PLACE_WORDS = frozenset(
    """here there locally local nearby downtown area areas city cities county counties state states town towns
    village borough township parish region regional nation national country province district neighborhood
    neighbourhood statewide nationwide countywide citywide community capital based""".split()
)
# Words that narrow a place to a part of it, before its name ("western Oklahoma", "southeast
# Portland", "rural Texas", "west-central Ohio"), and nouns of a part before "of" ("the east side
# of Portland", "the outskirts of Tulsa"): read with the name, one place. Taking them out shortens
# the place, as "Portland, Ore." → "Portland" does; putting one in, or one for another ("western"
# → "eastern"), says more or other than the original.
_PLACE_QUALIFIERS = frozenset(
    """north south east west northern southern eastern western northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern central downtown uptown midtown rural suburban urban
    greater upper lower inner outer coastal""".split()
)
_PLACE_PARTS = frozenset("side sides part parts end edge outskirts suburbs corner half".split())
# The farthest a place's qualifiers run before its name ("on the far east side of").
_QUALIFIER_REACH = 6
_COURTESY_TITLES = frozenset("mr mrs ms miss mx messrs mmes dr prof rev fr sir dame madam".split())
# What AP style leaves out of a company's name ("Acme Inc." → "Acme").
_CORPORATE_SUFFIXES = frozenset("inc co corp llc ltd plc".split())
# Ordinals spelled, each with the cardinal it ranks by ("fourteenth": "fourteen"; "twenty-first" is
# "twenty" and "first").
ORDINAL_WORDS = {
    **dict(zip("first second third fifth eighth ninth twelfth".split(), "one two three five eight nine twelve".split(), strict=True)),
    **{f"{word}th": word for word in "four six seven ten eleven thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()},
    **{f"{word}th": word for word in "hundred thousand million billion trillion".split()},
    **{f"{word[:-1]}ieth": word for word in "twenty thirty forty fifty sixty seventy eighty ninety".split()},
}
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion trillion dozen""".split()
)
_NEGATION_WORDS = frozenset("not no never nobody nothing none neither nor nowhere cannot without".split())
# "No." before a numeral is AP's abbreviation of "number" ("No. 1", "no. 12", "Nos. 3 and 4"), and
# "No" without the dot British style's ("No 10"), capitalised inside a sentence ("no 12-year-old"
# and a sentence's "No 12-year-old" are negations).
_NUMBER_SIGNS = {"no.": "number", "nos.": "numbers"}
_NUMBER_SIGNS_UNDOTTED = {"No": "number", "Nos": "numbers"}
_SENTENCE_ENDS = tuple('.!?:;"“”')

# Words of time that set what they date on one side of a scale. A time edit keeps a date true from
# the republication's day, so it keeps its side: "yesterday" → "on Monday" or "last week",
# "tomorrow" → "next week", "Tuesday night" → "tonight". One that puts a date on another side
# moves the event, which no change of day explains: from the past to the future ("yesterday" →
# "tomorrow", "last week" → "next week", "ago" → "from now", "earlier this month" → "later this
# month"), to another part of a period ("early June" → "late June"), of a day ("10 a.m." →
# "10 p.m.", "Tuesday morning" → "Tuesday evening") or of the year ("last spring" → "last fall").
# Each scale lists its sides; "from now" is read as one word.
_TIME_SIDES = (
    (
        frozenset("yesterday last ago earlier previous previously recently lately past".split()),
        frozenset("tomorrow next later coming upcoming soon from-now".split()),
    ),
    (frozenset(["early"]), frozenset(["mid", "middle"]), frozenset(["late"])),
    (
        frozenset("morning mornings".split()),
        frozenset("noon midday".split()),
        frozenset("afternoon afternoons".split()),
        # A news story's "Tuesday night" is often the evening: one side. "Overnight" runs into the
        # morning ("overnight" → "early Tuesday morning"): on no side.
        frozenset("evening evenings night nights tonight midnight".split()),
    ),
    (frozenset(["am"]), frozenset(["pm"])),
    (frozenset(["spring"]), frozenset(["summer"]), frozenset(["fall", "autumn"]), frozenset(["winter"])),
)
# Prepositions of the two ends of a movement: "from" for "to" turns it around ("flights from
# Denver" → "flights to Denver"), which no style explains; the one pair of opposites among the
# function words an edit may otherwise put one for another ("in" → "on", "at" → "in"). AP's "rose
# to $1,200 from $900" for "rose from $900 to $1,200" moves words, it puts none for another.
_DIRECTION_SIDES = (frozenset(["from"]), frozenset("to into onto toward towards".split()))
# AP's word between the ends of a range ("Monday through Friday"), written "to" or with a dash in
# other styles; "to", "until" and "till" are words an edit may put in or take out freely already.
_RANGE_WORDS = frozenset("through thru".split())
_TIMES_OF_DAY = frozenset("am pm noon midnight".split())
# Words after which "to" and "from" say the same: "different to" (British) is "different from".
EITHER_END_AFTER = frozenset("different differently differ differs differed differing".split())

# Pairs of words AP style (or a house style) writes one for the other.
_SAME_MEANING = [
    frozenset(pair)
    for pair in (
        ("says", "said"),
        ("say", "said"),
        # A collective noun's pronoun made to agree ("the council said they" → "it").
        ("it", "they"),
        ("its", "their"),
        ("more", "over"),
        ("less", "fewer"),
        ("toward", "towards"),
        ("among", "amongst"),
        ("while", "whilst"),
        ("ok", "okay"),
        ("vs", "versus"),
        ("v", "versus"),
        ("amid", "amidst"),
        ("dollar", "dollars"),
        ("grey", "gray"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("judgement", "judgment"),
        ("ageing", "aging"),
        ("aluminium", "aluminum"),
        ("cheque", "check"),
        ("tyre", "tire"),
        ("tyres", "tires"),
        ("kerb", "curb"),
        ("plough", "plow"),
        ("draught", "draft"),
        ("sceptic", "skeptic"),
        ("sceptical", "skeptical"),
        ("jewellery", "jewelry"),
        ("storey", "story"),
        ("learnt", "learned"),
        ("spelt", "spelled"),
        ("burnt", "burned"),
        ("dreamt", "dreamed"),
        ("practise", "practice"),
        ("fulfil", "fulfill"),
        ("enrol", "enroll"),
        ("enrolment", "enrollment"),
        ("skilful", "skillful"),
        ("manoeuvre", "maneuver"),
        ("artefact", "artifact"),
        ("mum", "mom"),
        # AP's spellings of words also spelt with "-or".
        ("adviser", "advisor"),
        ("advisers", "advisors"),
        ("protester", "protestor"),
        ("protesters", "protestors"),
    )
]
# A contraction's "'d" is "would" or "had".
_APOSTROPHE_D = frozenset(("'d", "would", "had"))

# UK spellings as US ones: -our → -or, -ise → -ize, -yse → -yze, -re → -er, -ogue → -og,
# -ence → -ense, -elled → -eled, ae/oe → e.
_US_SPELLING = on_first_use(
    r"(?<=[a-z]{2})our(?=(?:s|ed|ing|able|ably|ite|ites|ful|less|ist|ists)?$)"
    r"|(?<=[iy])s(?=(?:e|es|ed|ing|ation|ations|er|ers)$)"
    r"|(?<=[a-z]{2}[^aeiou])re(?=s?$)"
    r"|(?<=[a-z]{2})ogue(?=s?$)"
    r"|(?<=[a-z]{2}n)ce(?=s?$)"
    r"|(?<=[a-z]{2}[ae])l(?=l(?:ed|ing|er|ers|or|ors)$)"
    r"|(?<=[a-z])(?:ae|oe)(?=[a-z]{2})"
)
_US_FORMS = {"our": "or", "s": "z", "re": "er", "ogue": "og", "ce": "se", "l": "", "ae": "e", "oe": "e"}
# A typo fixed: one letter changed, added, dropped or swapped inside a lower-case word this long.
_TYPO_LENGTH = 8
# A year's digits ("in 2019" is a date).
_YEAR_DIGITS = 4
# The longest abbreviation of one word ("Dept.", "Calif.").
_ABBREVIATION_LETTERS = 5


def pieces(raw: Sequence[str]) -> list[str]:
    """Words as written split at hyphens, slashes and dashes ("D-Wash.," is "D" and "Wash.,")."""
    return [piece for word in raw for piece in JOINERS().split(word) if piece.strip(_AROUND)]


def words_of(raw: Sequence[str]) -> list[Word]:
    """The words of an edit (its whitespace-separated parts, as written), split at hyphens,
    slashes, symbols and contractions: "didn't" is "did" and "not", "$5M" is "dollars" and "5m".
    A word's `position` is its piece's among the edit's `pieces`."""
    words: list[Word] = []
    for position, piece in enumerate(pieces(raw)):
        shown = piece.strip(_AROUND)
        abbreviated = shown[:1].isupper() and ((shown.endswith(".") and len(shown) <= _ABBREVIATION_LETTERS + 1) or (len(shown) > 1 and shown.isupper()))
        words.extend(Word(text, shown, position, abbreviated) for text in _expanded(shown.lower()))
    return words


def _expanded(piece: str) -> list[str]:
    contraction = _CONTRACTION().match(piece.rstrip("."))
    if contraction is not None:
        stem, ending = contraction["stem"], contraction["ending"].replace("’", "'")
        return [_STEMS.get(stem, stem) if ending == "n't" else stem, _ENDINGS[ending]]
    texts: list[str] = []
    for token in _TOKEN().finditer(piece):
        if token["symbol"]:
            texts.append(_SYMBOLS[token["symbol"]])
        elif token["word"]:
            texts.append(token["word"].replace(".", "").replace("’", "'").strip("'"))
        else:
            texts.append(token.group().rstrip(".,"))
    return [text for text in texts if text]


def _is_number(word: Word) -> bool:
    return word.text[:1].isdigit() or word.text in _NUMBER_WORDS or word.text in ORDINAL_WORDS


def _is_year(word: Word) -> bool:
    return len(word.text) == _YEAR_DIGITS and word.text.isdigit() and word.text[:2] in ("19", "20")


def _is_free(word: Word, counted: bool) -> bool:
    """Whether an edit may take the word out or put it in freely (see the module's list);
    `counted`: whether its numbers are judged elsewhere (`unexplained`)."""
    text = word.text
    if _is_number(word):
        # "One" is as often a pronoun ("no one", "one of them") as a count.
        return counted or _is_year(word) or text == "one"
    if text in _NEGATION_WORDS:
        return True
    if text in _FUNCTION_WORDS or text in _TIME_WORDS or text in TIME_UNITS or text in _PLACE_WORDS or text in _CORPORATE_SUFFIXES:
        return True
    # A month or weekday is capitalised ("May", not the verb; "Wed.", not "wed"); an initial too
    # ("John F. Kennedy" → "John Kennedy").
    return word.shown[:1].isupper() and (text in DATE_NAMES or len(text) == 1)


def _us_spelling(text: str) -> str:
    return _US_SPELLING().sub(lambda found: _US_FORMS[found.group()], text)


def _abbreviates(short: Word, full: Word) -> bool:
    """Whether `short` is written as an abbreviation of `full`: with a dot, its letters in order
    from the first ("Sen." for "Senator", "Dept." for "Department", "J." for "John"). Capitals
    without dots are an acronym of several words (`_acronym_of`)."""
    if not (short.abbreviated and short.shown.endswith(".")) or len(short.text) >= len(full.text) or short.text[:1] != full.text[:1]:
        return False
    letters = iter(full.text)
    return all(letter in letters for letter in short.text)


def _is_typo_fixed(one: Word, other: Word) -> bool:
    from rapidfuzz.distance import OSA

    a, b = one.text, other.text
    if min(len(a), len(b)) < _TYPO_LENGTH or one.shown[:1].isupper() or other.shown[:1].isupper():
        return False
    # Not at either end: a word's first letters and its ending say which word it is ("affected"
    # and "effected", "reported" and "reporter").
    return a[:2] == b[:2] and a[-2:] == b[-2:] and OSA.distance(a, b, score_cutoff=1) == 1


def same_word(one: Word, other: Word) -> bool:
    """Whether two words are one word in another style (see the module's list)."""
    a, b = one.text, other.text
    if a == b or (a in _APOSTROPHE_D and b in _APOSTROPHE_D and "'d" in (a, b)):
        return True
    if frozenset((a, b)) in _SAME_MEANING or _us_spelling(a) == _us_spelling(b):
        return True
    return _abbreviates(one, other) or _abbreviates(other, one) or _is_typo_fixed(one, other)


def _acronym_of(short: Word, others: list[Word]) -> list[Word] | None:
    """The run of `others` whose first letters spell `short` ("EPA": "environmental",
    "protection", "agency"; "US": "united", "states"), if it is an acronym of them."""
    letters = short.text
    if not short.abbreviated or len(letters) < 2:
        return None
    for start in range(len(others) - len(letters) + 1):
        run = others[start : start + len(letters)]
        if "".join(word.text[:1] for word in run) == letters:
            return run
    return None


def _pair_off(removed: list[Word], added: list[Word]) -> None:
    """Take out of both lists the words that are one another in another style: a word for a
    word, an acronym for the words it spells."""
    for word in list(removed):
        match = next((other for other in added if same_word(word, other)), None)
        if match is not None:
            removed.remove(word)
            added.remove(match)
    for short_side, long_side in ((removed, added), (added, removed)):
        for word in list(short_side):
            run = _acronym_of(word, long_side)
            if run is not None:
                short_side.remove(word)
                for spelled in run:
                    long_side.remove(spelled)


def restyled(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether an edit's two sides (their words as written) are the same words in another style
    alone: each word the other side's in another style (`same_word`, an acronym for the words it
    spells, a contraction for its words), and what is left numbers on both sides, which the
    caller compares by value ("40" → "forty"). No word of time, place or function is taken out or
    put in, as `unexplained` lets a story's paragraph have: for a text only style may change (a
    headline)."""
    old, new = words_of(before), words_of(after)
    removed, added = list(old), list(new)
    _pair_off(removed, added)
    numbers = [w for w in removed if _is_number(w)], [w for w in added if _is_number(w)]
    return len(numbers[0]) == len(removed) and len(numbers[1]) == len(added) and bool(numbers[0]) == bool(numbers[1])


class Unexplained(NamedTuple):
    """What an edit changes beyond style, time and place: the content words it took out and
    those it put in that nothing explains, and the edit as it reads (`"approved" → "rejected"`);
    `turned`: whether it puts a word for its opposite ("yesterday" → "tomorrow", "from" → "to"),
    which the same words moved elsewhere in the paragraph do not explain."""

    taken: list[Word]
    given: list[Word]
    shown: str
    turned: bool = False


def unexplained(before: Sequence[str], after: Sequence[str], edit: tuple[int, int, int, int], of_time: bool = False) -> Unexplained:
    """The content words of an edit that are not the other side's in another style, nor words
    of time or place (see the module). `before` and `after`: the paragraph's words (as written)
    in the original and in the republication; `edit`: the span of `before` it takes out and the
    span of `after` it puts in (start, end, start, end); `of_time`: whether its numbers are of
    time ("two weeks"). A number the edit only takes out or only puts in is content unless it is
    of time or a year ("41 welds" → "welds"; "two years ago" → "recently" is a time edit)."""
    src_start, src_end, dest_start, dest_end = edit
    shown = quoted_edit(before[src_start:src_end], after[dest_start:dest_end])
    old, new = words_of(_as_read(before, src_start, src_end)), words_of(_as_read(after, dest_start, dest_end))
    if "".join(w.text for w in old) == "".join(w.text for w in new):
        return Unexplained([], [], shown)
    # A courtesy title added or dropped is style; one for another ("Mr." → "Ms.") is not.
    titles = {w.text for w in old if w.text in _COURTESY_TITLES}, {w.text for w in new if w.text in _COURTESY_TITLES}
    retitled = all(titles) and titles[0] != titles[1]
    # Numbers on both sides are the caller's to compare; a number on one side only is content.
    counted = of_time or (any(_is_number(w) for w in old) and any(_is_number(w) for w in new))
    removed, added = list(old), list(new)
    # A month or weekday for another is a date changed, not a relative time edit ("in June" →
    # "in July"; "Tuesday" → "last week" is one): abbreviations are read as the name ("Sept.").
    dates = _dates(old), _dates(new)
    if all(dates) and dates[0] != dates[1]:
        return Unexplained([w for w in old if _dates([w])], [w for w in new if _dates([w])], shown)
    either_end = src_start > 0 and before[src_start - 1].lower().strip(_AROUND) in EITHER_END_AFTER
    turned = _across(old, new, _TIME_SIDES if either_end else (*_TIME_SIDES, _DIRECTION_SIDES))
    if turned is not None:
        return Unexplained(*turned, shown, turned=True)
    county = _county_for_city(before, after, edit)
    if county is not None:
        return county
    # A republisher's "our" before a word of place, in the edit or right after it ("the state" →
    # "our state", "Garfield County" → "our county"), is a relative place, as "here" is.
    added = _without_our_place(added, after[dest_end] if dest_end < len(after) else "")
    _pair_off(removed, added)
    removed = [w for w in removed if not _joins_a_range(w, before, (src_start, src_end))]
    added = [w for w in added if not _joins_a_range(w, after, (dest_start, dest_end))]
    removed = [w for w in removed if not _is_free(w, counted) and (retitled or w.text not in _COURTESY_TITLES)]
    added = [w for w in added if not _is_free(w, counted) and (retitled or w.text not in _COURTESY_TITLES)]
    # A place's qualifier taken out ("in western Oklahoma" → "in Oklahoma" or "here") shortens the
    # place; one put in, or for another ("western" → "eastern"), is content.
    if not any(w.text in _PLACE_QUALIFIERS or w.text in _PLACE_PARTS for w in added):
        narrowing = _narrowing(before, src_start, src_end)
        removed = [w for w in removed if w.text not in narrowing]
    if "".join(w.text for w in removed) == "".join(w.text for w in added):
        return Unexplained([], [], shown)
    taken, given = _not_places(removed, before, (src_start, src_end)), _not_places(added, after, (dest_start, dest_end))
    # A place named for another ("Amarillo, Texas" → "Tulsa, Oklahoma") moves the story: a place
    # edit shortens a name or puts a relative word for it ("Portland, Ore." → "Portland", "here").
    places = _places_renamed([w for w in removed if w not in taken], [w for w in added if w not in given])
    if places is not None:
        return Unexplained(*places, shown + _how_placed(*places, described=any(w.text in _PLACE_NOUNS for w in new)))
    cut = [w for w in removed if w not in taken]
    if cut and len(cut) == len(removed) and not added and _keeps_the_region(cut, after[dest_start : dest_end + 1]):
        # "Austin, Texas" → "Texas": the city cut, its state kept, is the state put for the city.
        return Unexplained(cut, [], shown + ": a city cut to its state or country, less precise")
    return Unexplained(taken, given, shown)


# The words that make a name before them a county's (or its like), capitalised: "Austin County",
# "Orleans Parish", "Matanuska-Susitna Borough".
_COUNTY_WORDS = frozenset("county parish borough".split())
_CLAUSE_END = tuple(",;:.!?")
# The most words of a name before a county's word ("Los Angeles County", "Salt Lake County").
_COUNTY_NAME_WORDS = 3


def _counties(words: Sequence[str], start: int, end: int) -> Counter[tuple[tuple[str, ...], str]]:
    """The counties the words from `start` to `end` of a paragraph (`words`, as written) name with
    their capitalised word ("Austin County"): the words of the name before it (as written, without
    the punctuation around them) and its word in lower case ("county", "parish"), each with how
    many times it is written."""
    found: Counter[tuple[tuple[str, ...], str]] = Counter()
    for index in range(start, end):
        kind = words[index].strip(_AROUND + ".")
        if kind.lower() not in _COUNTY_WORDS or not kind[:1].isupper():
            continue
        name: list[str] = []
        for word in reversed(words[max(0, index - _COUNTY_NAME_WORDS) : index]):
            if word.endswith(_CLAUSE_END) or not word.strip(_AROUND)[:1].isupper() or word.strip(_AROUND).lower() == "the":
                break
            name.insert(0, word.strip(_AROUND))
        if name:
            found[tuple(name), kind.lower()] += 1
    return found


def _county_for_city(before: Sequence[str], after: Sequence[str], edit: tuple[int, int, int, int]) -> Unexplained | None:
    """`"Austin" → "Austin County": another place` when an edit puts in (or takes out) a county's
    word after a city's name, so that one version of the paragraph writes the county more often
    than the other, which writes the city's name alone: a county, parish or borough named like a
    city is another place (Austin County, Texas, is not where Austin is: Austin is in Travis County), as is a county put
    as a parish of the same name. A name the table of cities does not have stays a place edit
    ("Miami-Dade County" → "Miami-Dade"), and so does a county put as a relative word ("Travis
    County" → "the county"). Only an edit that writes "County", "Parish" or "Borough" is read."""
    src_start, src_end, dest_start, dest_end = edit
    sides = ((before, src_start, src_end, after), (after, dest_start, dest_end, before))
    if not any(word.strip(_AROUND + ".").lower() in _COUNTY_WORDS for words, start, end, _ in sides for word in words[start:end]):
        return None
    from compliance.document.places import names_a_city

    for side, (words, start, end, other) in enumerate(sides):
        ours, theirs = _counties(words, 0, len(words)), _counties(other, 0, len(other))
        for name, kind in _counties(words, start, end):
            # Written as often in both versions, the county was moved, not put for the city.
            if ours[name, kind] <= theirs[name, kind]:
                continue
            shown = " ".join(name)
            renamed = next((kinds for named, kinds in theirs if named == name and kinds != kind), None)
            if renamed is not None:
                elsewhere = f"{shown} {renamed.capitalize()}"
            elif _names_alone(other, name) and names_a_city(shown):
                elsewhere = shown
            else:
                continue
            county = [Word(kind, kind.capitalize(), 0, False)]
            edited = (f'"{shown} {kind.capitalize()}"', f'"{elsewhere}"')
            taken, given = edited if side == 0 else edited[::-1]
            return Unexplained(county if side == 0 else [], [] if side == 0 else county, f"{taken} → {given}: another place")
    return None


def _names_alone(words: Sequence[str], name: tuple[str, ...]) -> bool:
    """Whether a paragraph (`words`, as written) writes a name (its words, as written) on its own:
    not inside a longer name ("Orleans" of "New Orleans", "Austin" of "Austin County")."""
    shown = [word.strip(_AROUND + ".") for word in words]
    for index in range(len(words) - len(name) + 1):
        if tuple(shown[index : index + len(name)]) != name:
            continue
        previous = words[index - 1] if index else ""
        following = shown[index + len(name)] if index + len(name) < len(words) else ""
        joined_before = previous.strip(_AROUND)[:1].isupper() and not previous.endswith(_CLAUSE_END)
        joined_after = following[:1].isupper() and not words[index + len(name) - 1].endswith(_CLAUSE_END)
        if not joined_before and not (joined_after and following.lower() in _COUNTY_WORDS):
            return True
    return False


def _keeps_the_region(cut: list[Word], kept: Sequence[str]) -> bool:
    """Whether the republication's words where an edit cut place names (`cut`), and the word
    after them (`kept`), hold the state or country of the city they named ("[Austin,] Texas")."""
    from compliance.document.places import is_region_of

    city = " ".join(w.shown for w in cut)
    # A state or country is named capitalised: "in" is no Indiana.
    return any(word.strip(_AROUND)[:1].isupper() and is_region_of(city, word.strip(_AROUND)) for word in kept)


# Nouns that make a state or country named beside them a place within it ("the Texas capital",
# "a Texas city"): the phrase names a place of the state, which may or may not be the city.
_PLACE_NOUNS = frozenset("capital city town county suburb village region area".split())


def _how_placed(gone: list[Word], put: list[Word], *, described: bool = False) -> str:
    """What a place put for another says of it, when the gazetteer tells: `": a city put as its
    state or country, less precise"` ("Austin" → "Texas": true, but it no longer says where), `":
    a city put as a place in its state or country, not by name"` when a noun of place stands beside the
    state (`described`: "Austin" → "the Texas capital", which the gazetteer cannot tell is the
    city), `": a state or country put as one of its cities, more precise"` ("Texas" → "Austin":
    more than the original says), else `": another place"`."""
    from compliance.document.places import is_region_of

    taken, given = " ".join(w.shown for w in gone), " ".join(w.shown for w in put)
    if is_region_of(taken, given):
        return ": a city put as a place in its state or country, not by name" if described else ": a city put as its state or country, less precise"
    if is_region_of(given, taken):
        return ": a state or country put as one of its cities, more precise"
    return ": another place"


def number_sign(words: Sequence[str], index: int) -> str | None:
    """What the word written at `index` of a paragraph's `words` stands for when it is "No." for
    "number" before a numeral ("No. 1", "no. 12", "Nos. 3", "No 10" inside a sentence): "number"
    or "numbers"; None when it is not (a negation: "no 12-year-old", "No 12-year-old …")."""
    if index + 1 >= len(words) or not words[index + 1].lstrip("(#")[:1].isdigit():
        return None
    word = words[index].strip(_AROUND)
    if word.lower() in _NUMBER_SIGNS:
        return _NUMBER_SIGNS[word.lower()]
    inside_sentence = index > 0 and not words[index - 1].endswith(_SENTENCE_ENDS)
    return _NUMBER_SIGNS_UNDOTTED.get(word) if inside_sentence else None


def _as_read(paragraph: Sequence[str], start: int, end: int) -> list[str]:
    """The words of `paragraph` from `start` to `end`, with "No." for "number" written out."""
    return [number_sign(paragraph, index) or paragraph[index] for index in range(start, end)]


def _across(old: list[Word], new: list[Word], scales: Sequence[Sequence[frozenset[str]]]) -> tuple[list[Word], list[Word]] | None:
    """The words of an edit (`old` taken out, `new` put in) that stand on different sides of one
    of the `scales` (`_TIME_SIDES`: "yesterday" → "tomorrow"; `_DIRECTION_SIDES`: "from" →
    "to"), if some do; each scale is its sides, sets of words."""
    marked = _time_marks(old), _time_marks(new)
    for sides in scales:
        taken, given = ({n for n, side in enumerate(sides) if side & {text for text, _ in marks}} for marks in marked)
        if taken and given and taken != given:
            return [w for text, w in marked[0] if any(text in sides[n] for n in taken)], [w for text, w in marked[1] if any(text in sides[n] for n in given)]
    return None


def _time_marks(words: list[Word]) -> list[tuple[str, Word]]:
    """Each word as `_TIME_SIDES` reads it ("now" after "from" is "from-now"), with the word."""
    return [("from-now" if w.text == "now" and k > 0 and words[k - 1].text == "from" else w.text, w) for k, w in enumerate(words)]


def _joins_a_range(word: Word, paragraph: Sequence[str], edit: tuple[int, int]) -> bool:
    """Whether the word is AP's "through" between the two ends of a range ("Monday through
    Friday", "pages 10 through 12", "9 a.m. through 5 p.m."), which "to" or a dash writes in
    another style; read with a word of the `paragraph` either side of the `edit` (where its words
    begin and end in the paragraph's), for ends outside it."""
    if word.text not in _RANGE_WORDS:
        return False
    start, end = edit
    before = pieces(paragraph[max(0, start - 1) : start])
    window = [*before, *pieces(paragraph[start : end + 1])]
    at = word.position + len(before)
    return 0 < at < len(window) - 1 and _is_range_end(window[at - 1]) and _is_range_end(window[at + 1])


def _is_range_end(piece: str) -> bool:
    """Whether a word as written can end a range: a number, a month or weekday, a time of day."""
    text = piece.strip(_AROUND).lower().replace(".", "")
    return text[:1].isdigit() or text in _NUMBER_WORDS or text in ORDINAL_WORDS or text in DATE_NAMES or text in _TIMES_OF_DAY


def _dates(words: Sequence[Word]) -> frozenset[str]:
    """The months and weekdays the capitalised words name, each by its first three letters."""
    return frozenset(w.text[:3] for w in words if w.text in DATE_NAMES and w.shown[:1].isupper())


def _not_places(words: list[Word], paragraph: Sequence[str], edit: tuple[int, int]) -> list[Word]:
    """The words that do not name a place, read with a word of the paragraph either side of
    the edit (`edit`: where its words begin and end in the paragraph's) for names that run past
    it ("in [Portland], Ore.")."""
    if not any(word.shown[:1].isupper() for word in words):
        return words
    from compliance.document.places import place_positions

    start, end = edit
    before = pieces(paragraph[max(0, start - 1) : start])
    places = place_positions([*before, *pieces(paragraph[start : end + 1])])
    return [word for word in words if word.position + len(before) not in places]


def place_phrases(paragraph: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
    """The place phrases of `paragraph` (its words as written) that overlap its words from `start`
    to `end`, each as the span of words it covers (start, end): a place's name
    (`places.place_positions`) with the qualifiers before it (`_PLACE_QUALIFIERS`, `_PLACE_PARTS`,
    with the "the" and "of" between them: "the east side of Portland, Ore."), read as one place."""
    from compliance.document.places import place_positions

    low = max(0, start - _QUALIFIER_REACH)
    window = list(paragraph[low : end + _QUALIFIER_REACH])
    named = sorted(low + k for k in place_positions(window))
    spans: list[tuple[int, int]] = []
    for index in named:
        if spans and spans[-1][1] == index:
            spans[-1] = (spans[-1][0], index + 1)
            continue
        first = index
        while first > low and _narrows(paragraph[first - 1]):
            first -= 1
        # A leading "the" or "of" is the sentence's, not the place's ("of Portland").
        while first < index and paragraph[first].strip(_AROUND).lower() in ("the", "of"):
            first += 1
        spans.append((first, index + 1))
    return [(a, b) for a, b in spans if a < end and b > start]


def qualifiers_dropped(paragraph: Sequence[str]) -> list[str]:
    """The words of `paragraph` (as written) without the qualifiers of its places
    (`place_phrases`: "in western Oklahoma" is read "in Oklahoma"): the original with its places
    shortened, as a copy may print it."""
    from compliance.document.places import place_positions

    named = place_positions(list(paragraph))
    cut: set[int] = set()
    for first, last in place_phrases(paragraph, 0, len(paragraph)):
        cut.update(k for k in range(first, last) if k not in named)
    return [word for k, word in enumerate(paragraph) if k not in cut]


def _narrows(word: str) -> bool:
    """Whether a word as written may stand in a place's qualifiers (`place_phrases`): every piece a
    qualifier or a part, or "the"/"of" between them; a word ending a clause does not."""
    if word.endswith(_CLAUSE_END):
        return False
    parts = [piece.strip(_AROUND).lower() for piece in JOINERS().split(word) if piece.strip(_AROUND)]
    return bool(parts) and all(part in _PLACE_QUALIFIERS or part in _PLACE_PARTS or part in ("the", "of", "far") for part in parts)


def _narrowing(paragraph: Sequence[str], start: int, end: int) -> frozenset[str]:
    """The qualifiers of a place (`place_phrases`) among the words of `paragraph` from `start` to
    `end`, lower case, each piece of a hyphenated one ("west-central": "west", "central")."""
    found: set[str] = set()
    for first, last in place_phrases(paragraph, start, end):
        for word in paragraph[max(first, start) : min(last, end)]:
            found.update(piece.strip(_AROUND).lower().replace(".", "") for piece in JOINERS().split(word))
    return frozenset(found & (_PLACE_QUALIFIERS | _PLACE_PARTS | {"far"}))


def _without_our_place(words: list[Word], following: str = "") -> list[Word]:
    """The words without a republisher's "our" before a word of place ("in our city", "our
    state"): a relative place, as "here" is. `following` is the word after them, as written (the
    paragraph's word after an edit: "the" → "our" before "state")."""
    after = [w.text for w in words[1:]] + [w.text for w in words_of([following])[:1]]
    return [w for k, w in enumerate(words) if not (w.text == "our" and k < len(after) and after[k] in _PLACE_WORDS)]


def _places_renamed(gone: list[Word], put: list[Word]) -> tuple[list[Word], list[Word]] | None:
    """The place names an edit takes out (`gone`) and those it puts in (`put`) when it names
    another place, after a US state or country written another way ("Michigan" for "MI" or
    "Mich.") is paired off; None when it does not (one side has none left)."""
    if not (gone and put):
        return None
    from compliance.document.places import same_region

    gone, put = list(gone), list(put)
    for word in list(gone):
        match = next((other for other in put if same_region(word.shown, other.shown)), None)
        if match is not None:
            gone.remove(word)
            put.remove(match)
    return (gone, put) if gone and put else None


def reasons(edits: Sequence[Unexplained]) -> list[str]:
    """Why edits of one paragraph are beyond style, one reason for each edit that changes
    content words, naming its words (`"diabetes" → "cancer"`, `"allegedly" removed`, `"strong"
    added`). A word one edit takes out and another puts back is moved, not changed ("said Smith"
    → "Smith said"), unless the edit puts it for its opposite ("voted yesterday, meets tomorrow" →
    "voted tomorrow, meets yesterday")."""
    taken = Counter(w.text for edit in edits for w in edit.taken)
    given = Counter(w.text for edit in edits for w in edit.given)
    moved = taken & given
    moved_out, moved_in = Counter(moved), Counter(moved)
    found: list[str] = []
    for edit in edits:
        left_out = [w for w in edit.taken if not _use(moved_out, w.text)]
        left_in = [w for w in edit.given if not _use(moved_in, w.text)]
        if edit.turned or left_out or left_in:
            found.append(edit.shown)
    return found


def _use(moved: Counter[str], text: str) -> bool:
    if moved[text] > 0:
        moved[text] -= 1
        return True
    return False


def quoted_edit(taken: Sequence[str], given: Sequence[str]) -> str:
    """An edit as it reads: `"approved" → "rejected"`, `"allegedly" removed`, `"strong" added`
    (without the punctuation around its words)."""

    def quoted(words: Sequence[str]) -> str:
        return '"' + " ".join(_without_full_stop(word.strip(_AROUND)) for word in words) + '"'

    if taken and given:
        return f"{quoted(taken)} → {quoted(given)}"
    return f"{quoted(taken)} removed" if taken else f"{quoted(given)} added"


def _without_full_stop(word: str) -> str:
    """The word without a sentence's full stop ("rejected." → "rejected"; "Sen." and "U.S." keep
    theirs)."""
    abbreviation = "." in word[:-1] or (word[:1].isupper() and len(word) <= _ABBREVIATION_LETTERS + 1)
    return word if abbreviation else word.rstrip(".")
