"""The comparison of the `fidelity` check kind (`compliance.checks.fidelity`, whose docstring
documents it): the alignment of the copy's paragraphs with the original's and the judgement of
each difference. Imported when a rule of the kind is first evaluated."""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from compliance.checks import style_edits, time_edits
from compliance.checks.additions import boilerplate_sentences, required_in_original, sentences, text_beside_additions
from compliance.checks.base import Context, Hit, Outcome, Undecided
from compliance.checks.fidelity import FidelityParams
from compliance.checks.languages import FUNCTION_WORDS, PROFILES, language_of, leans_to, translated
from compliance.checks.story import is_furniture, story_decks, story_paragraphs
from compliance.checks.story_chrome import blocks_in_chrome, prose_in_chrome
from compliance.checks.story_notes import noted_claim, prose_beside_story, subject_words
from compliance.checks.written import AROUND_WORD, words_as_written
from compliance.document import Block, Document
from compliance.firstuse import on_first_use
from compliance.lookalike import plain_letters, read_as_latin
from compliance.text import listed, normalize_inline, quoted, shorten

# Below this similarity two paragraphs are not versions of each other but a removal and an addition
# (unless one is the other with words only cut or only added: `_kinship`).
_SAME_PARAGRAPH = 50.0
# The fewest words of a paragraph that pairs with another it is a cut or an extension of.
_FEWEST_KIN_WORDS = 5


class Pair(NamedTuple):
    """One step of the alignment: an original paragraph (`None` when added), a republished one
    (`None` when missing) and their similarity (0–100). Paragraphing is layout: `original_span`
    original paragraphs from `original` printed as one (joined), or the one printed as
    `republished_span` paragraphs from `republished` (split), are compared as one text. `moved`:
    the copy prints the paragraph out of the original's order (`_moved`)."""

    original: int | None
    republished: int | None
    similarity: float
    original_span: int = 1
    republished_span: int = 1
    moved: bool = False


def _key(block: Block) -> str:
    """A paragraph's text as compared: white space as one space, and letters of another script that
    look like Latin ones read as those (`read_as_latin`): a word that reads the same to a reader is
    the same word, whatever its code points; the look-alike warnings name them."""
    return read_as_latin(" ".join(normalize_inline(block.text).split()))


def _kinship(original: str, republished: str, words: tuple[list[str], list[str]], vocabularies: tuple[frozenset[str], frozenset[str]]) -> float:
    """How alike two paragraphs are (0–100) when they are one paragraph edited, else 0: at least
    `_SAME_PARAGRAPH` alike, or one is the other with words only cut or only added (a sentence
    dropped from a paragraph leaves it less than half alike, and is one edit of it, not a paragraph
    removed and another added). `words` and `vocabularies`: each paragraph's words, in order and
    as a set (made once per paragraph, not per pair). Paragraphs of fewer than
    `_FEWEST_KIN_WORDS` words pair only by likeness: a short line is found inside too many."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel

    similarity = fuzz.ratio(original, republished, score_cutoff=_SAME_PARAGRAPH)
    if similarity:
        return similarity
    first_shorter = len(words[0]) <= len(words[1])
    shorter, longer = words if first_shorter else words[::-1]
    few, many = vocabularies if first_shorter else vocabularies[::-1]
    # A word of the shorter missing from the longer rules the pair out before any alignment.
    if len(shorter) < _FEWEST_KIN_WORDS or not few <= many or Indel.distance(longer, shorter) != len(longer) - len(shorter):
        return 0.0
    return max(fuzz.ratio(original, republished), 1.0)


# The most paragraphs of one side a paragraph of the other is compared with as their join (two or
# three paragraphs joined by a CMS paste, one split in two or three; more is rare, and each costs a comparison).
_MOST_JOINED = 4


def _span_kinship(originals: list[str], republished: list[str], start: tuple[int, int], span: tuple[int, int]) -> float:
    """How alike (0–100) `span` (original paragraphs, republished paragraphs; one of them 1) from
    `start` are, read each as one text (paragraphs joined or split: their words kept in order);
    0 below `_SAME_PARAGRAPH`."""
    from rapidfuzz import fuzz

    (i, j), (di, dj) = start, span
    return fuzz.ratio(" ".join(originals[i : i + di]), " ".join(republished[j : j + dj]), score_cutoff=_SAME_PARAGRAPH)


def _gap_steps(originals: list[str], republished: list[str], i: int, j: int) -> list[tuple[int, int, float]]:
    """The steps the alignment may take at original `i`, republished `j` besides one to one: two
    or more original paragraphs printed as one, or one printed as two or more (`_MOST_JOINED`),
    as (original paragraphs, republished paragraphs, similarity) when alike. A span stops growing
    once it is three times the other side's length (no longer half alike)."""
    steps: list[tuple[int, int, float]] = []
    for many, one, grow in ((originals, republished[j], lambda k: (k, 1)), (republished, originals[i], lambda k: (1, k))):
        at = i if many is originals else j
        length = len(many[at])
        for k in range(2, min(_MOST_JOINED, len(many) - at) + 1):
            length += 1 + len(many[at + k - 1])
            if length > 3 * len(one):
                break
            similarity = _span_kinship(originals, republished, (i, j), grow(k))
            if similarity:
                steps.append((*grow(k), similarity))
    return steps


def _pair_gap(originals: list[str], republished: list[str], o0: int, r0: int) -> list[Pair]:
    """Pairs for a stretch where the texts differ: the best in-order pairing by similarity
    (a small dynamic programme; such stretches are short), one to one or, where paragraphs were
    joined or split (`_gap_steps`), many to one."""

    n, m = len(originals), len(republished)
    theirs = [text.split() for text in originals]
    ours = [text.split() for text in republished]
    their_sets, our_sets = [frozenset(w) for w in theirs], [frozenset(w) for w in ours]
    steps: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            one = _kinship(originals[i], republished[j], (theirs[i], ours[j]), (their_sets[i], our_sets[j]))
            steps[i, j] = ([(1, 1, one)] if one else []) + _gap_steps(originals, republished, i, j)
            score[i][j] = max([score[i + 1][j], score[i][j + 1], *(score[i + di][j + dj] + sim for di, dj, sim in steps[i, j])])
    pairs: list[Pair] = []
    i = j = 0
    while i < n and j < m:
        step = next(((di, dj, sim) for di, dj, sim in steps[i, j] if score[i][j] == score[i + di][j + dj] + sim), None)
        if step is not None:
            pairs.append(Pair(o0 + i, r0 + j, step[2], step[0], step[1]))
            i, j = i + step[0], j + step[1]
        elif score[i][j] == score[i + 1][j]:
            pairs.append(Pair(o0 + i, None, 0.0))
            i += 1
        else:
            pairs.append(Pair(None, r0 + j, 0.0))
            j += 1
    pairs.extend(Pair(o0 + k, None, 0.0) for k in range(i, n))
    pairs.extend(Pair(None, r0 + k, 0.0) for k in range(j, m))
    return pairs


def align(original: list[str], republished: list[str]) -> list[Pair]:
    """Align two lists of paragraphs in order: identical paragraphs by a longest common
    subsequence, then similar ones inside each stretch between them."""
    from rapidfuzz.distance import Indel

    pairs: list[Pair] = []
    gap_o: tuple[int, int] | None = None
    gap_r: tuple[int, int] | None = None

    def flush() -> None:
        nonlocal gap_o, gap_r
        if gap_o is not None and gap_r is not None:
            pairs.extend(_pair_gap(original[gap_o[0] : gap_o[1]], republished[gap_r[0] : gap_r[1]], gap_o[0], gap_r[0]))
        gap_o = gap_r = None

    for op in Indel.opcodes(original, republished):
        if op.tag == "equal":
            flush()
            pairs.extend(Pair(op.src_start + k, op.dest_start + k, 100.0) for k in range(op.src_end - op.src_start))
            continue
        gap_o = (gap_o[0] if gap_o else op.src_start, op.src_end)
        gap_r = (gap_r[0] if gap_r else op.dest_start, op.dest_end)
    flush()
    return _moved(pairs, original, republished)


# How alike (0–100) a paragraph the copy prints out of order must be to one the original prints
# elsewhere to be that paragraph moved, not one cut and another added.
_MOVED_SIMILARITY = 70.0
# The most (original, republished) pairs of paragraphs left alone looked at for a move: a copy that
# shares almost nothing with the original is not read for one.
_MOST_MOVE_CANDIDATES = 400


def _move_candidates(pairs: list[Pair], original: list[str], republished: list[str]) -> list[tuple[float, int, int, int, int]]:
    """(similarity, original, republished, original span, republished span) for each run of the
    original's paragraphs the alignment left alone and each of the copy's, alike enough to be
    one moved (`_MOVED_SIMILARITY`; one side a single paragraph, the other up to `_MOST_JOINED`
    consecutive ones: moved and joined or split), best first."""
    from rapidfuzz import fuzz

    alone = (
        sorted(p.original for p in pairs if p.republished is None and p.original is not None),
        sorted(p.republished for p in pairs if p.original is None and p.republished is not None),
    )
    if not all(alone) or len(alone[0]) * len(alone[1]) > _MOST_MOVE_CANDIDATES:
        return []
    singles = set(alone[0]), set(alone[1])
    found: list[tuple[float, int, int, int, int]] = []
    for start, span in ((start, span) for start in alone[0] for span in range(1, _MOST_JOINED + 1)):
        if start + span - 1 not in singles[0] or not all(start + k in singles[0] for k in range(span)):
            continue
        theirs = " ".join(original[start : start + span])
        for other, other_span in ((other, k) for other in alone[1] for k in range(1, (_MOST_JOINED if span == 1 else 1) + 1)):
            if not all(other + k in singles[1] for k in range(other_span)):
                continue
            similarity = fuzz.ratio(theirs, " ".join(republished[other : other + other_span]), score_cutoff=_MOVED_SIMILARITY)
            if similarity:
                found.append((similarity, start, other, span, other_span))
    return sorted(found, key=lambda c: (-c[0], -(c[3] + c[4]), c[1], c[2]))


def _moved(pairs: list[Pair], original: list[str], republished: list[str]) -> list[Pair]:
    """`pairs` with each paragraph the copy prints out of the original's order (left alone on
    both sides: one removed, the same added) paired with its original where the copy prints it,
    as a move (`Pair.moved`): the best alike first (`_move_candidates`), each paragraph once."""
    taken: tuple[set[int], set[int]] = (set(), set())
    moves: dict[int, Pair] = {}
    for similarity, o, r, o_span, r_span in _move_candidates(pairs, original, republished):
        theirs, ours = set(range(o, o + o_span)), set(range(r, r + r_span))
        if theirs & taken[0] or ours & taken[1]:
            continue
        taken[0].update(theirs)
        taken[1].update(ours)
        moves[r] = Pair(o, r, similarity, o_span, r_span, moved=True)
    if not moves:
        return pairs
    kept: list[Pair] = []
    for pair in pairs:
        if pair.republished in moves:
            kept.append(moves[pair.republished])
        elif pair.original not in taken[0] and pair.republished not in taken[1]:
            kept.append(pair)
    return kept


def word_diff(before: str, after: str, limit: int = 160, shown: list[str] | None = None) -> str:
    """A short visible diff of two paragraphs by words: `[-removed-]` and `{+added+}`, with a
    few words of context around each change. `shown`: the words of `after` as the diff shows
    them, one for each (`words_as_written`), when they differ from those compared."""
    from rapidfuzz.distance import Indel

    old, new = before.split(), after.split()
    written = shown if shown is not None and len(shown) == len(new) else new
    parts: list[str] = []
    # The words one run of changes takes out and puts in (as written), shown old first, as wdiff
    # and git's word diff show a change: `[-2.1-] {+2+}`, then any look-alike letters named.
    taken: list[str] = []
    given: list[str] = []

    def close_run() -> None:
        if taken:
            parts.append("[-" + " ".join(taken) + "-]")
        if given:
            parts.append("{+" + " ".join(given) + "+}")
        if taken or given:
            parts[-1] += _look_alike_letters(" ".join(taken), " ".join(given))
        taken.clear()
        given.clear()

    for op in Indel.opcodes(old, new):
        if op.tag == "equal":
            close_run()
            same = old[op.src_start : op.src_end]
            parts.append(" ".join(same) if len(same) <= 6 else f"{' '.join(same[:3])} … {' '.join(same[-3:])}")
        elif op.tag == "delete":
            taken += old[op.src_start : op.src_end]
        else:
            given += written[op.dest_start : op.dest_end]
    close_run()
    return shorten(" ".join(p for p in parts if p), limit)


def _look_alike_letters(taken: str, given: str) -> str:
    """Where words put in (`given`) look like the words they replace (`taken`: the same letters to
    a reader, case, diacritics and look-alikes aside) but are written otherwise, the characters
    that differ, named by code point (`" (U+0430 CYRILLIC SMALL LETTER A)"`), so that a diff
    between look-alikes says what it is; else empty."""
    if not taken or taken == given or plain_letters(taken) != plain_letters(given):
        return ""
    named = dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED CHARACTER')}" for c in given if not c.isascii() and c not in taken)
    return f" ({', '.join(named)})" if named else ""


def _shown_key(doc: Document, block: Block) -> str:
    """A paragraph of the copy as evidence quotes it (`_key`, its words `words_as_written`)."""
    words = _key(block).split()
    return " ".join(words_as_written(doc, doc.locate(block), words) or words)


def _shown_reason(reason: str, theirs: list[str], ours: list[str], shown: list[str] | None) -> str:
    """A reason (`beyond_style`) quoting the copy's words as `words_as_written` shows them: each word
    with a control character in it, unless the original writes the same word (which the reason
    may quote from the original's side)."""
    if shown is None:
        return reason
    import re

    originals = {_bare(word) for word in theirs}
    for word, written in zip(ours, shown, strict=True):
        bare, bare_written = _bare(word), _bare(written)
        if word != written and bare and bare not in originals:
            reason = re.sub(rf"(?<![\w\\]){re.escape(bare)}(?!\w)", bare_written.replace("\\", "\\\\"), reason)
    return reason


def beyond_style(
    before: str,
    after: str,
    similarity: float,
    params: FidelityParams,
    published: datetime.date | str | None = None,
    original_day: datetime.date | None = None,
    arizona: bool | None = False,
) -> str | None:
    """Why two versions of a paragraph differ by more than small edits (style, time, place):
    `"N% similar"`, `"an edit of N words"`, `"41 → 14"` (a number changed away from words of
    time, or a date's day or year changed), `"a negation added"`/`"a negation removed"`, a time
    of day put for another (`"3 p.m." → "5 p.m."`), a relative time put for an absolute one that
    `published` (the republication's day; None when not given, the value as given when it names
    no day) does not make true, or a date put for the original's relative time that
    `original_day` (the original's day; None when not known) does not make true (`time_edits`);
    None when they do not. `arizona`: whether the story is in Arizona, where "MT" is MST all year
    (`time_edits.story_in_arizona`)."""

    if similarity < params.style_similarity and not _alike_with_places_shortened(before, after, params):
        return f"{similarity:.0f}% similar"
    old = before.split()
    # A time of day restated ("3 p.m." → "15:00", "3 p.m. ET" → "noon PT") is read as the
    # original's words from here on; one put for another is a fact changed.
    # "ET" is EDT or EST by the story's day: the original's, else the copy's.
    story_day = original_day or (published if isinstance(published, datetime.date) else None)
    clocked = time_edits.judge_clocks(old, after.split(), story_day, arizona)
    if clocked.reason is not None:
        return clocked.reason
    new = clocked.republished
    edits = _word_edits(old, new)
    edits = _time_phrases_joined(
        old, new, edits, lambda taken, given, at: _time_edit(taken, given, published, original_day, tense=time_edits.tense_before(old[:at]))
    )
    # Whether each edit's numbers are of time.
    times: list[bool] = []
    judged_edits: list[tuple[int, int, int, int]] = []
    for src_start, src_end, dest_start, dest_end in edits:
        taken, given = old[src_start:src_end], new[dest_start:dest_end]
        # A relative time for an absolute one is judged by the day, whatever its words' count
        # ("In the spring of 2023" → "Last spring").
        timed = _time_edit(taken, given, published, original_day, tense=time_edits.tense_before(old[:src_start]))
        if timed is not None:
            if timed.reason is not None:
                return timed.reason
            continue
        # A place with its qualifiers is one word of place ("in southeast Portland, Ore.," → "here").
        lengths = _edit_length(_places_as_one(old, src_start, src_end)), _edit_length(_places_as_one(new, dest_start, dest_end))
        if max(lengths) > params.style_words:
            read_as_place = max(lengths) < max(_edit_length(taken), _edit_length(given))
            return f"an edit of {max(lengths)} words" + (" (a place and its qualifiers read as one)" if read_as_place else "")
        of_time, in_date = _of_time(old, new, (src_start, src_end, dest_start, dest_end))
        # A length of time written as one word ("a four-hour drive", "a 10-year sentence") is a
        # fact of the story, not a time relative to its day ("in two weeks"): changed, it is content.
        durations = _durations(taken), _durations(given)
        if durations[0] != durations[1] and (_has_compound_duration(taken) or _has_compound_duration(given)):
            return f"{' '.join(taken)} → {' '.join(given)}"
        unit = _unit_changed(old, new, (src_start, src_end, dest_start, dest_end))
        if unit is not None:
            return unit
        # An edit of the spacing alone is style: "ne ver" is "never", "10 000" is "10000" (a space
        # between a number's thousands, French and SI style).
        if "".join(taken) != "".join(given):
            negated = _negations(new, dest_start, dest_end) - _negations(old, src_start, src_end)
            meaning = _meaning_changed(taken, given, (of_time, in_date), negated)
            if meaning is not None:
                return meaning
        times.append(of_time)
        judged_edits.append((src_start, src_end, dest_start, dest_end))
    # The words of each edit: the same words in another style, or words of time or place.
    judged = [style_edits.unexplained(old, new, edit, of_time) for edit, of_time in zip(judged_edits, times, strict=True)]
    content = style_edits.reasons(judged)
    return content[0] if content else _roles_swapped(old, new) or _range_turned(old, new)


def style_only(before: str, after: str) -> str | None:
    """Why `after` is not `before` in another style alone (`"40" → "50"`), None when it is: the
    body's reading of style (`style_edits.restyled`: case, punctuation, spelling, abbreviations,
    contractions; a number spelled or not, `_read_numbers`, "40" → "forty"), without the time and
    place edits a story's paragraph may have, for a text only style may change (a headline)."""

    old, new = before.split(), after.split()
    edits = _word_edits(old, new)
    for src_start, src_end, dest_start, dest_end in edits:
        taken, given = old[src_start:src_end], new[dest_start:dest_end]
        if "".join(taken) == "".join(given):
            continue  # the spacing alone
        read = _read_numbers(taken), _read_numbers(given)
        if read[0] != read[1] or not style_edits.restyled(taken, given):
            return style_edits.quoted_edit(taken, given)
    return None


# Words that make a number one of time: a unit after it ("in two weeks" → "in three weeks" is a
# relative time edit) or a month or weekday before it (a date).
_TIME_UNITS, _DATE_NAMES = style_edits.TIME_UNITS, style_edits.DATE_NAMES
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
_MAGNITUDES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "b": 1e9}
_NUMERAL = on_first_use(r"^[$€£]?(\d[\d,]*(?:\.\d+)?)(k|m|b|st|nd|rd|th|%)?$")
_ORDINAL_WORDS = style_edits.ORDINAL_WORDS
_ORDINAL_ENDINGS = frozenset(("st", "nd", "rd", "th"))
_NEGATIONS = frozenset("not no never nobody nothing none neither nor nowhere cannot without".split())


def _word_edits(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    """The edits that make the words `new` of the words `old`, each a run of deletions and
    insertions between unchanged words: (start, end in `old`, start, end in `new`)."""
    from rapidfuzz.distance import Indel

    edits: list[tuple[int, int, int, int]] = []
    for op in Indel.opcodes(old, new):
        if op.tag == "equal":
            continue
        if edits and edits[-1][1] == op.src_start and edits[-1][3] == op.dest_start:
            edits[-1] = (edits[-1][0], op.src_end, edits[-1][2], op.dest_end)
        else:
            edits.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return edits


def _time_phrases_joined(
    old: list[str], new: list[str], edits: list[tuple[int, int, int, int]], time_edit: Callable[[list[str], list[str], int], time_edits.TimeVerdict | None]
) -> list[tuple[int, int, int, int]]:
    """The edits (source start, end, destination start, end), two with at most one word both keep
    between them joined into one when the words from the first's start to the second's end are a
    time edit (`time_edit(taken, given, source start)` is not None): "this week" → "the week of
    June 3" is split by the word diff around "week". So is an edit that only puts words in with
    the word both keep before it: "in March" → "in March 2023" is the edit "2023" put in, whose
    time is "March" → "March 2023"."""
    joined: list[tuple[int, int, int, int]] = []
    for edit in edits:
        if joined:
            last = joined[-1]
            if edit[0] - last[1] <= 1 and edit[2] - last[3] <= 1 and time_edit(old[last[0] : edit[1]], new[last[2] : edit[3]], last[0]) is not None:
                joined[-1] = (last[0], edit[1], last[2], edit[3])
                continue
        src_start, src_end, dest_start, dest_end = edit
        kept_before = src_start > 0 and dest_start > 0 and (not joined or joined[-1][1] < src_start)
        if src_start == src_end and kept_before and time_edit(old[src_start - 1 : src_end], new[dest_start - 1 : dest_end], src_start - 1) is not None:
            edit = (src_start - 1, src_end, dest_start - 1, dest_end)
        joined.append(edit)
    return joined


def _time_edit(
    taken: list[str], given: list[str], published: datetime.date | str | None, original_day: datetime.date | None, *, tense: time_edits.Tense = ""
) -> time_edits.TimeVerdict | None:
    """`time_edits.judge` (a relative time for an absolute one) or `judge_dated` (a date for a
    relative one) of an edit, or of its words within the words it starts or ends with again, as
    written aside from punctuation: "March 14, 2023" → "March 14 last year" is the edit "14, 2023" →
    "14 last year" (the comma moved), whose time is "2023" → "last year". None when neither reads
    a time. `tense`: what the sentence before the edit tells of (`time_edits.tense_before`)."""
    timed = time_edits.judge(taken, given, published) or time_edits.judge_dated(taken, given, original_day, tense=tense)
    if timed is not None:
        return timed
    start = 0
    while start < min(len(taken), len(given)) - 1 and _bare(taken[start]) == _bare(given[start]):
        start += 1
    end = 0
    while end < min(len(taken), len(given)) - start - 1 and _bare(taken[-1 - end]) == _bare(given[-1 - end]):
        end += 1
    if start == end == 0:
        return None
    inner_taken, inner_given = taken[start : len(taken) - end], given[start : len(given) - end]
    return time_edits.judge(inner_taken, inner_given, published) or time_edits.judge_dated(inner_taken, inner_given, original_day, tense=tense)


def _edit_length(words: list[str]) -> int:
    """How many words an edit takes out or puts in, a number spelled in several words counting
    as one, as its numeral would ("one hundred and fifty" for "150", "twenty six" for "26")."""
    bare = [_bare(word) for word in words]
    spelled = [bool(word) and all(_is_number_word(part) for part in word.split("-")) for word in bare]
    count = 0
    for index, word in enumerate(bare):
        continues = index > 0 and spelled[index - 1]
        # "and" inside a number ("one hundred and fifty") is part of it.
        inside = word == "and" and continues and index + 1 < len(bare) and spelled[index + 1]
        if not (inside or (spelled[index] and (continues or (index > 1 and bare[index - 1] == "and" and spelled[index - 2])))):
            count += 1
    return count


def _alike_with_places_shortened(before: str, after: str, params: FidelityParams) -> bool:
    """Whether the copy of a paragraph is alike enough to the original read with its places'
    qualifiers dropped (`style_edits.qualifiers_dropped`: "in western Oklahoma" as "in
    Oklahoma"), as it would be to an original that named the place alone."""
    from rapidfuzz import fuzz

    words = before.split()
    shortened = style_edits.qualifiers_dropped(words)
    return len(shortened) < len(words) and fuzz.ratio(" ".join(shortened), " ".join(after.split())) >= params.style_similarity


def _places_as_one(paragraph: list[str], start: int, end: int) -> list[str]:
    """The words of `paragraph` from `start` to `end`, each place phrase among them
    (`style_edits.place_phrases`: "the east side of Portland, Ore.") as one word."""
    words: list[str] = []
    spans = style_edits.place_phrases(paragraph, start, end)
    for index in range(start, end):
        phrase = next((span for span in spans if span[0] <= index < span[1]), None)
        if phrase is None or index == max(phrase[0], start):
            words.append(paragraph[index])
    return words


def _is_number_word(part: str) -> bool:
    return part in _NUMBER_WORDS or part in _ORDINAL_WORDS or (part in _MAGNITUDES and len(part) > 1)


# The units of time a length is counted in, in seconds (a month a twelfth of a year); "weekend"
# names a time, not a length.
_SECONDS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "week": 604800.0, "year": 31556952.0}
_SECONDS |= {"month": _SECONDS["year"] / 12, "decade": _SECONDS["year"] * 10, "century": _SECONDS["year"] * 100, "weekend": 0.0}
# Words that count a time from the republication's day, before the unit ("last week" → "last
# month", "this week", "the past few days"), or after it ("two days ago" → "two weeks ago"):
# a later day puts another unit there.
_FROM_THE_DAY = frozenset("this last next past coming upcoming previous ago".split())


# Units of time that name a point, not a length: a time of day (which `time_edits.judge_clocks`
# has judged before the words are: "10 a.m." → "11 a.m." is another time), a weekend.
_CLOCK_UNITS = frozenset("a.m p.m am pm weekend weekends".split())
# Words before a count of time that count it from the republication's day ("in two weeks", "the
# past three days", "the next two years", "last week"); "ago" and "from now" do after its unit.
_COUNTED_FROM = frozenset("in this last next past coming upcoming previous".split())
# Words after which "second" is a unit of time ("a second", "per second", "a split second");
# elsewhere, without a count before it, it is a rank ("the second inspector").
_SECOND_AFTER = frozenset("a per split each every".split())
_YEAR_DIGITS = 4


def _of_time(old: list[str], new: list[str], edit: tuple[int, int, int, int]) -> tuple[bool, bool]:
    """Whether the numbers of an edit (`edit`: the spans of `old` and `new`, a paragraph's words,
    it takes out and puts in) are of time, and whether they are a date's: a day or year after a
    month or weekday, or before a month (British order), with no unit of time ("March [14]",
    "May [2023]", "[14] March"), whose number changed is a fact changed. A count before a unit of
    time is of time when a later day restates it: a time of day ("[10] a.m."), a time counted
    from the republication's day ("in [two] weeks", "[two] days ago", "the past [three] days"),
    or a length restated in another unit ("[48 hours]" → "[two days]"). A length of the story's
    own ("took [3] days", "worked for [3] hours") is a fact: its number changed is a fact changed."""
    src_start, src_end, dest_start, dest_end = edit
    spans = ((old, src_start, src_end), (new, dest_start, dest_end))
    units = [unit for words, start, end in spans for unit in _time_units(words, start, end)]
    before_edit = {_bare(words[start - 1]) for words, start, _ in spans if start > 0}
    month_after = any(end < len(words) and _bare(words[end]) in _DATE_NAMES and words[end][:1].isupper() for words, _, end in spans)
    in_date = bool(before_edit & _DATE_NAMES) or month_after
    if not units:
        return in_date, in_date
    # A date or a year restated from the republication's day ("March 14, 2023" → "March 14 last
    # year") is `time_edits`' and the words' to judge.
    years = any(_bare(word).isdigit() and len(_bare(word)) == _YEAR_DIGITS for words, start, end in spans for word in words[start:end])
    if in_date or years or any(unit in _CLOCK_UNITS for unit in units):
        return True, False
    if all(_counted_from_the_day(words, start, end) for words, start, end in spans):
        return True, False
    lengths = [_length(words[start : end + 1]) for words, start, end in spans]
    return (lengths[0] is not None and lengths[1] is not None and _about(lengths[0], lengths[1])), False


def _time_units(words: list[str], start: int, end: int) -> list[str]:
    """The units of time among the words of an edit (`words[start:end]`) and the word after it,
    in lower case as written ("hours", "a.m"); "second" only after a count or `_SECOND_AFTER`."""
    parts = [part for word in words[max(0, start - 1) : end + 1] for part in _bare(word).split("-") if part]
    first = len([part for word in words[max(0, start - 1) : start] for part in _bare(word).split("-") if part])
    found: list[str] = []
    for index in range(first, len(parts)):
        part, previous = parts[index], parts[index - 1] if index else ""
        if part in _TIME_UNITS and (part != "second" or previous in _SECOND_AFTER or _NUMERAL().match(previous) or _is_number_word(previous)):
            found.append(part)
    return found


def _counted_from_the_day(words: list[str], start: int, end: int) -> bool:
    """Whether the count of time an edit (`words[start:end]`) writes is counted from the
    republication's day: `_COUNTED_FROM` among it and the two words before, or "ago" or "from
    now" in it or the three words after ("in [two] weeks", "[3 days] ago"); an edit that writes no
    count says nothing against it ("two years ago" → "recently")."""
    if not _numbers(words[start:end]):
        return True
    before = {_bare(word) for word in words[max(0, start - 2) : end]}
    after = [_bare(word) for word in words[start : end + 3]]
    from_now = any(word == "from" and later == "now" for word, later in itertools.pairwise(after))
    return bool(before & _COUNTED_FROM - _took(words, start)) or "ago" in after or from_now


# Verbs of work done after which "in" counts the time it took, a length of the story's own
# ("completed in 3 days", "was finished in two hours"), not a time from the republication's day;
# unless a future is told ("will be completed in two weeks" counts from the day).
_DONE_IN = frozenset("completed finished done built repaired fixed solved resolved cleared rebuilt".split())
_FUTURE = frozenset("will would shall to 'll".split())


def _took(words: list[str], start: int) -> frozenset[str]:
    """{"in"} when the "in" among the two words before an edit's start (`words[start]`) follows a
    verb of work done in the past (`_DONE_IN`: "completed [in] 3 days"), else nothing."""
    near = [_bare(word) for word in words[max(0, start - 6) : start + 1]]
    if "in" not in near:
        return frozenset()
    leading = near[: len(near) - near[::-1].index("in") - 1][-3:]
    done = any(word in _DONE_IN for word in leading)
    return frozenset(("in",)) if done and not any(word in _FUTURE or word.endswith("'ll") for word in leading) else frozenset()


# How far apart two lengths of time may be and still be one length in other units: "a month" is
# "30 days" (1.4% apart) and "a year" "52 weeks" or "365 days"; "four weeks" is not a month (8%).
_SAME_LENGTH = 0.03


def _about(one: float, other: float) -> bool:
    return abs(one - other) <= _SAME_LENGTH * max(one, other)


def _units(words: list[str]) -> list[str]:
    """The units of time the words name, in the singular, in order ("hours", "10-year": "hour", "year")."""
    parts = [part for word in words for part in _bare(word).split("-")]
    return [_singular(part) for part in parts if _singular(part) in _SECONDS]


def _singular(unit: str) -> str:
    return "century" if unit == "centuries" else unit.removesuffix("s")


def _length(words: list[str]) -> float | None:
    """The length of time the words write, in seconds ("48 hours", "two days", "a week"); None
    when a unit has no count before it ("a few hours", "weeks")."""
    parts = [part for word in words for part in _bare(word).split("-") if part]
    total = 0.0
    for index, part in enumerate(parts):
        unit = _singular(part)
        if unit not in _SECONDS:
            continue
        before = parts[index - 1] if index else ""
        counted = _numbers(parts[max(0, index - 3) : index]) if _NUMERAL().match(before) or _is_number_word(before) else []
        if counted:
            total += counted[-1] * _SECONDS[unit]
        elif before in ("a", "an"):
            total += _SECONDS[unit]
        else:
            return None
    return total


def _unit_changed(old: list[str], new: list[str], edit: tuple[int, int, int, int]) -> str | None:
    """`"hours" → "years"` when an edit of a paragraph's words (`old` and `new`; `edit`: the spans
    it takes out and puts in) puts one unit of time for another ("within a few hours" → "within
    a few years", "minutes later" → "days later", "for weeks" → "for months"): the story's time
    changed. Not when the time is counted from the republication's day, which a later day
    restates in another unit ("last week" → "last month", "3 days ago" → "last week", "two days
    ago" → "two weeks ago", "in two weeks" → "in 10 days"), nor when the length stays ("48
    hours" → "two days", "a month" → "30 days": `_SAME_LENGTH`); None then."""
    src_start, src_end, dest_start, dest_end = edit
    taken, given = old[src_start:src_end], new[dest_start:dest_end]
    units = _units(taken), _units(given)
    if not (units[0] and units[1]) or units[0] == units[1]:
        return None
    beside = [words[start - 1] for words, start in ((old, src_start), (new, dest_start)) if start > 0]
    beside += [words[end] for words, end in ((old, src_end), (new, dest_end)) if end < len(words)]
    if {part for word in (*taken, *given, *beside) for part in _bare(word).split("-")} & _FROM_THE_DAY:
        return None
    from_now = any(end + 1 < len(words) and _bare(words[end]) == "from" and _bare(words[end + 1]) == "now" for words, end in ((old, src_end), (new, dest_end)))
    counted_from_now = src_start > 0 and _bare(old[src_start - 1]) == "in" and _numbers(taken) and _numbers(given)
    lengths = _length(taken), _length(given)
    if from_now or counted_from_now or (lengths[0] is not None and lengths[1] is not None and _about(lengths[0], lengths[1])):
        return None
    return style_edits.quoted_edit(taken, given)


# Words between the two ends of a range ("Monday to Friday", AP's "Monday through Friday",
# "pages 10 until 12"); a dash or hyphen joins them too ("Monday-Friday", "10–12").
_RANGE_JOINERS = frozenset("to through thru until till".split())
# The punctuation around a word shown as written ("Friday." → "Friday").
_AS_WRITTEN = ".,;:!?\"'“”‘’()"


def _range_ends(word: str) -> str | None:
    """What a word as written ends a range at, as a reader reads it: a capitalised month or
    weekday by its first three letters ("Sept." → "sep"), a number by its value ("twelve" → "12.0");
    None when it ends none ("may", "a.m.")."""
    bare = _bare(word)
    if bare in _DATE_NAMES and word.lstrip("(\"'“‘")[:1].isupper():
        return bare[:3]
    values = _numbers([bare]) if _NUMERAL().match(bare) or _is_number_word(bare) else []
    return str(values[0]) if len(values) == 1 else None


def _ranges(words: list[str]) -> dict[tuple[str, str], str]:
    """The ranges a paragraph's words write, by their ends in order ("Monday to Friday",
    "Monday through Friday" and "Monday-Friday" are ("mon", "fri")), each with its words as
    written."""
    found: dict[tuple[str, str], str] = {}
    for index, word in enumerate(words):
        joined = [piece for piece in style_edits.JOINERS().split(word) if piece.strip()]
        ends = [_range_ends(piece) for piece in joined]
        if len(joined) == 2 and ends[0] and ends[1]:
            found.setdefault((ends[0], ends[1]), word.strip(_AS_WRITTEN))
        if 0 < index < len(words) - 1 and _bare(word) in _RANGE_JOINERS and not words[index - 1].endswith(_CLAUSE_ENDS):
            first = _range_ends(style_edits.JOINERS().split(words[index - 1])[-1])
            last = _range_ends(style_edits.JOINERS().split(words[index + 1])[0])
            if first and last:
                found.setdefault((first, last), " ".join(shown.strip(_AS_WRITTEN) for shown in words[index - 1 : index + 2]))
    return found


def _range_turned(old: list[str], new: list[str]) -> str | None:
    """`"Monday to Friday" → "Friday through Monday"` when the same words, moved, turn a range
    of the paragraph (`old`, `new`: its words in the original and the republication) round: its
    last end put first ("January through March" → "March through January"); None when each
    range keeps its order, whatever the word or dash between its ends."""
    ranges = _ranges(old), _ranges(new)
    for (first, last), shown in ranges[1].items():
        if first != last and (last, first) in ranges[0] and (first, last) not in ranges[0]:
            return f'"{ranges[0][(last, first)]}" → "{shown}"'
    return None


# Words that set the part a noun plays, in pairs of opposites: where a movement goes and where it
# comes from ("to Ohio", "from Texas"), which came first ("before the vote", "after the hearing"),
# who won ("won against Iowa", "lost against Texas": the verb before "against", which marks the
# noun after "against").
_OPPOSED_ROLES = (
    (frozenset(["from"]), frozenset("to into onto toward towards".split())),
    (frozenset(["before"]), frozenset(["after"])),
)
_CONTEST = (frozenset("won win wins".split()), frozenset("lost lose loses".split()))
_ARTICLES = frozenset("the a an".split())
_CLAUSE_ENDS = tuple(".,;:!?")


def _role_marker(words: list[str], index: int) -> tuple[int, int, int] | None:
    """The scale of `_OPPOSED_ROLES` (or `_CONTEST`, numbered after them) and the side the word
    at `index` of `words` puts the noun after it on, with where its marker starts ("won" of "won
    against"); None when it marks no noun (a word ending a clause: "spoke before."; "to" after
    "different", which says "from": `style_edits`)."""
    marker = _bare(words[index])
    previous = _bare(words[index - 1]) if index else ""
    if words[index].endswith(_CLAUSE_ENDS) or previous in style_edits.EITHER_END_AFTER:
        return None
    if marker == "against":
        side = next((n for n, verbs in enumerate(_CONTEST) if previous in verbs), None)
        return None if side is None else (len(_OPPOSED_ROLES), side, index - 1)
    for scale, sides in enumerate(_OPPOSED_ROLES):
        side = next((n for n, markers in enumerate(sides) if marker in markers), None)
        if side is not None:
            return scale, side, index
    return None


def _roles(words: list[str]) -> dict[tuple[int, str], dict[int, str]]:
    """Each noun after a word of `_OPPOSED_ROLES` or `_CONTEST`, by (scale, noun in lower case):
    the sides of the scale it is on, each with the words as written ("to Ohio")."""
    found: dict[tuple[int, str], dict[int, str]] = {}
    for index in range(len(words) - 1):
        role = _role_marker(words, index)
        if role is None:
            continue
        scale, side, start = role
        noun = index + 1
        while noun < len(words) - 1 and _bare(words[noun]) in _ARTICLES:
            noun += 1
        shown = " ".join(word.strip(".,;:!?\"'“”‘’()") for word in words[start : noun + 1])
        found.setdefault((scale, _bare(words[noun])), {})[side] = shown
    return found


def _roles_swapped(old: list[str], new: list[str]) -> str | None:
    """`"to Ohio" → "from Ohio"` when the same words, moved, put a noun on the other side of a
    movement, of an order in time or of a contest ("moved to Ohio from Texas" → "moved from Ohio
    to Texas", "before the vote … after the hearing" → "after the vote … before the hearing");
    None when each keeps its side ("rose from $900 to $1,200" → "rose to $1,200 from $900")."""
    roles = _roles(old), _roles(new)
    for key, sides in roles[0].items():
        others = roles[1].get(key)
        if others and not sides.keys() & others.keys():
            return style_edits.quoted_edit([next(iter(sides.values()))], [next(iter(others.values()))])
    return None


def _bare(word: str) -> str:
    """A word in lower case without the punctuation around it ("(41," → "41")."""
    return word.lower().strip(AROUND_WORD)


def _durations(words: list[str]) -> list[tuple[float, str]]:
    """The lengths of time the words write, as (number, unit) in order: a number right before a
    unit of time, joined by a hyphen or a space ("four-hour", "4 hours", "twenty-four-hour")."""
    parts = [part for word in words for part in _bare(word).split("-") if part]
    found: list[tuple[float, str]] = []
    for index, part in enumerate(parts):
        if part in _TIME_UNITS and index > 0:
            values = _numbers(parts[max(0, index - 3) : index])
            if values and (_NUMERAL().match(parts[index - 1]) or parts[index - 1] in _NUMBER_WORDS):
                found.append((values[-1], part.removesuffix("s")))
    return found


def _has_compound_duration(words: list[str]) -> bool:
    """Whether a word is a length of time written as one ("four-hour", "10-year", "30-day")."""
    for word in words:
        parts = _bare(word).split("-")
        if len(parts) > 1 and any(part in _TIME_UNITS for part in parts[1:]) and _durations([word]):
            return True
    return False


def _numbers(words: list[str]) -> list[float]:
    """The values of the numbers the words write, in numerals or words, with their magnitude
    ("$5 million", "5M" and "5,000,000" are all 5e6; "four-hour" holds 4; "twenty-six", "twenty
    six" and "one hundred and twenty-six thousand" are one number each, as a reader reads them;
    "14th", "fourteenth" and "twenty-first" are 14, 14 and 21)."""
    return [value for value, _ in _read_numbers(words)]


def _read_numbers(words: list[str]) -> list[tuple[float, bool]]:
    """The numbers the words write (see `_numbers`), each with whether it is an ordinal ("14th",
    "fourteenth", "twenty-first")."""
    values: list[float] = []
    ordinals: set[int] = set()
    spelled = _SpelledNumber()
    after_numeral = False
    for word in words:
        for part in _bare(word).split("-"):
            numeral = _NUMERAL().match(part)
            if numeral is not None:
                spelled.close(values)
                values.append(float(numeral.group(1).replace(",", "")) * _MAGNITUDES.get(numeral.group(2) or "", 1.0))
                if numeral.group(2) in _ORDINAL_ENDINGS:
                    ordinals.add(len(values) - 1)
            elif part in _MAGNITUDES and len(part) > 1 and after_numeral:
                values[-1] *= _MAGNITUDES[part]
            elif part in _ORDINAL_WORDS:
                # An ordinal ends the number it spells ("twenty-first", "one hundredth").
                spelled.add(_ORDINAL_WORDS[part], values)
                spelled.close(values)
                ordinals.add(len(values) - 1)
            elif part in _NUMBER_WORDS or (part in _MAGNITUDES and len(part) > 1):
                spelled.add(part, values)
            elif not (part == "and" and spelled.after_magnitude):
                spelled.close(values)
            after_numeral = numeral is not None
    spelled.close(values)
    return [(value, index in ordinals) for index, value in enumerate(values)]


class _SpelledNumber:
    """A number written in words, read word by word: `total` holds what thousands, millions…
    have closed, `current` what is below the last of them ("two million five hundred" is 2e6 and
    500)."""

    def __init__(self) -> None:
        self.reading = False
        self.total = 0.0
        self.current = 0.0
        self.after_magnitude = False

    def add(self, word: str, values: list[float]) -> None:
        """Read one number word; a word that cannot continue the number (the "two" of "one two")
        closes it into `values` and starts another."""
        if word in _MAGNITUDES:
            scale = _MAGNITUDES[word]
            if not self.reading:
                self.reading, self.current = True, 1.0
            if scale == 100:
                self.current = (self.current or 1.0) * scale
            else:
                self.total += (self.current or 1.0) * scale
                self.current = 0.0
            self.after_magnitude = True
            return
        value = float(_NUMBER_WORDS[word])
        below_hundred = self.current % 100
        continues = self.reading and (
            self.current == 0
            or (below_hundred == 0 and value < 100 and self.after_magnitude)
            or (below_hundred >= 20 and below_hundred % 10 == 0 and value < 10)
        )
        if not continues:
            self.close(values)
            self.reading = True
        self.current += value
        self.after_magnitude = False

    def close(self, values: list[float]) -> None:
        """End the number being read, if any, and add its value to `values`."""
        if self.reading:
            values.append(self.total + self.current)
        self.reading, self.total, self.current, self.after_magnitude = False, 0.0, 0.0, False


def _negations(paragraph: list[str], start: int, end: int) -> int:
    """The negations among the words of `paragraph` from `start` to `end` ("No. 1" is "number")."""
    return sum(
        1
        for index in range(start, end)
        if (_bare(paragraph[index]) in _NEGATIONS or _bare(paragraph[index]).endswith(("n't", "n’t"))) and style_edits.number_sign(paragraph, index) is None
    )


def _meaning_changed(taken: list[str], given: list[str], time: tuple[bool, bool], negated: int) -> str | None:
    """How one edit (the words `taken` out, the words `given` in) changes what the text says,
    if it does: a number turned into another, unless the numbers are of time and not a date's
    (`time`: whether they are of time, whether of a date: "in [two] weeks", "March [14]"), a
    negation put as a verb of refusal or the other way round ("did not" → "declined to"), or a
    negation added or removed (`negated`: how many more negations it puts in than it takes out)."""
    of_time, in_date = time
    read = _read_numbers(taken), _read_numbers(given)
    before, after = [value for value, _ in read[0]], [value for value, _ in read[1]]
    # In order: "voted 5-2" → "voted 2-5" turns the vote around. In a date, a day or year put
    # for another ("March 14" → "March 15"); one only added or moved is the words' to judge
    # ("Jan. 5" → "Jan. 5, 2024", "March 14, 2023" → "14 March 2023").
    if before and after and before != after and (not of_time or (in_date and Counter(before) - Counter(after) and Counter(after) - Counter(before))):
        return f"{_as_quoted(taken)} → {_as_quoted(given)}"
    # A count put for a rank says another thing ("14 welds" → "14th welds", "his 14 inspections"
    # → "his fourteenth inspection"); "14th" → "fourteenth" is style. In a date (numbers of
    # time) a day reads either way: "March 14" → "March 14th".
    if before and before == after and not of_time and [rank for _, rank in read[0]] != [rank for _, rank in read[1]]:
        return f"{' '.join(taken)} → {' '.join(given)}"
    if negated:
        # "did not respond" → "declined to respond" says it in other words: a changed wording,
        # not a meaning reversed ("refused", "denied", "failed" say more or less than "not").
        refusals = [sum(_bare(word) in _REFUSALS for word in words) for words in (taken, given)]
        # "did not deny" → "denied" reverses it: the verb was there already.
        if (refusals[1] > refusals[0]) if negated < 0 else (refusals[0] > refusals[1]):
            shown = style_edits.quoted_edit(taken, given)
            return f"{shown}: a negation reworded as a refusal or denial" if negated < 0 else f"{shown}: a refusal or denial reworded as a negation"
        return "a negation added" if negated > 0 else "a negation removed"
    return None


def _as_quoted(words: list[str]) -> str:
    """Words as a reason quotes them, without a clause's comma or a sentence's stop after the
    last ("March 14," → "March 14")."""
    return " ".join(words).rstrip(",;:.")


# Verbs that say "not" in other words: "declined to respond" for "did not respond".
_REFUSALS = frozenset(
    """decline declines declined declining refuse refuses refused refusing fail fails failed failing deny denies
    denied denying reject rejects rejected rejecting""".split()
)


def _alignment(doc: Document, original: Document, ctx: Context) -> tuple[list[Pair], tuple[Block, ...], tuple[Block, ...], frozenset[str]]:
    """The alignment of the original's story paragraphs (`theirs`) with the copy's (`ours`), each
    without what the terms require, and the sentences of that which the original prints
    (`additions.boilerplate_sentences`)."""
    key = ("fidelity", id(original))
    cached = doc._memo.get(key)
    if cached is None:
        required = required_in_original(original, ctx)
        theirs = _without_boilerplate(story_paragraphs(original), required)
        ours = _without_addresses_of_links(_with_story_in_chrome(doc, theirs, original), original)
        keys = [_key(b) for b in ours]
        pairs = align([_key(b) for b in theirs], keys)
        left_out = _decks_left_out(original, pairs, theirs)
        if left_out:
            theirs = tuple(b for b in theirs if b.index not in left_out)
            pairs = align([_key(b) for b in theirs], keys)
        cached = (pairs, theirs, ours, boilerplate_sentences(original, required))
        doc._memo[key] = cached
    return cached


def _without_boilerplate(theirs: tuple[Block, ...], required: dict[int, str]) -> tuple[Block, ...]:
    """The original's story paragraphs without what the terms require a copy to add that the
    original prints too (`required`: its items holding it, each with the text it holds besides,
    `additions.required_in_original`), such as KFF Health News' tagline ending its own page: that
    is the rule's that asks for it (where it stands, whether it is there), not a paragraph of the
    story a copy cut, moved or changed. A paragraph that is nothing but it is left out; one with
    more is compared as that text alone."""
    if not required:
        return theirs
    return tuple(
        block if block.index not in required else dataclasses.replace(block, text=required[block.index])
        for block in theirs
        if block.index not in required or required[block.index]
    )


# An address written out in the text: `http(s)://` and what follows up to white space, a quote or
# an angle bracket, with the brackets or the colon a copy writes around it ("the data
# (https://p.example/d)", "<https://p.example/d>", "the data: https://p.example/d").
_WRITTEN_ADDRESS = on_first_use(r"(?i)(?::[ \t]*)?(?P<open>[(<\[])?(?P<address>https?://[^\s<>\"'()\[\]]+)(?(open)[)>\]])")
# Punctuation that ends a sentence or clause after an address, not part of it.
_AFTER_ADDRESS = ".,;:!?"


def _without_addresses_of_links(blocks: tuple[Block, ...], original: Document) -> tuple[Block, ...]:
    """The copy's paragraphs without the addresses they write out that the original links to: a
    copy in plain text keeps a link by writing its address after the link's words ("inspected by
    a qualified person (https://www.ecfr.gov/…)"), which keeps the link and adds no words to the
    story. An address the original does not link to stays, and is compared as words. Addresses
    are compared as pages (`urls.page_key`: scheme, a trailing slash and tracking parameters
    aside)."""
    from compliance.urls import page_key

    linked = {key for link in original.links if (key := page_key(link.href)) is not None}
    if not linked or not any("://" in block.text for block in blocks):
        return blocks

    def kept(found: re.Match[str]) -> str:
        address = found.group("address")
        trailing = "" if found.group("open") else address[len(address.rstrip(_AFTER_ADDRESS)) :]
        if page_key(address[: len(address) - len(trailing)]) not in linked:
            return found.group()
        return trailing

    return tuple(dataclasses.replace(block, text=_WRITTEN_ADDRESS().sub(kept, block.text)) if "://" in block.text else block for block in blocks)


def _with_story_in_chrome(doc: Document, theirs: tuple[Block, ...], original: Document) -> tuple[Block, ...]:
    """The copy's story paragraphs (`story_paragraphs`) with the blocks it prints inside page chrome
    (`story_chrome.blocks_in_chrome`: a `<div class="newsletter">`, an `ad-slot`) that hold the
    story's text, in document order: those alike with a paragraph of the original (at least
    `_SAME_PARAGRAPH`) that the story paragraphs do not print as it is, and, between the story's
    first and last paragraphs, those that read as story prose (`story_chrome.prose_in_chrome`) and
    are not printed on the original's page (a factbox both put in a "sidebar" box); none a
    caption, an ad, a promo link or a date line (`story.is_furniture`). An ad, a sign-up box or a list of
    other stories holds none of them."""
    ours = story_paragraphs(doc)
    chrome = blocks_in_chrome(doc)
    if not chrome:
        return ours
    from rapidfuzz import fuzz, process

    prose = prose_in_chrome(doc)
    if prose:
        page = " ".join(_key(block) for block in original.blocks).casefold()
        prose = frozenset(b.index for b in chrome if b.index in prose and _key(b).casefold() not in page)
    printed = {_key(block) for block in ours}
    originals = [key for key in map(_key, theirs) if key not in printed]
    alike = [
        b for b in chrome if b.index not in prose and originals and process.extractOne(_key(b), originals, scorer=fuzz.ratio, score_cutoff=_SAME_PARAGRAPH)
    ]
    found = [b for b in chrome if b.index in prose] + [b for b in alike if not is_furniture(doc, b)]
    return tuple(sorted((*ours, *found), key=lambda block: block.index)) if found else ours


def _decks_left_out(original: Document, pairs: list[Pair], theirs: tuple[Block, ...]) -> frozenset[int]:
    """The original's deck paragraphs (`story_decks`: its standfirst under the headline) that the
    copy leaves out, which the alignment finds in no paragraph of the copy: a republication may
    print the story without its deck (ProPublica's republish HTML has none, publisher-terms §2.2),
    so such a deck is not the story's text. A deck the copy keeps is compared as ever."""
    decks = story_decks(original)
    if not decks:
        return frozenset()
    paired = {
        n for pair in pairs if pair.original is not None and pair.republished is not None for n in range(pair.original, pair.original + pair.original_span)
    }
    return frozenset(b.index for n, b in enumerate(theirs) if b.index in decks and n not in paired)


def _without_additions(pairs: list[Pair], ours: tuple[Block, ...], additions: dict[int, str]) -> tuple[list[Pair], tuple[Block, ...]]:
    """The alignment and the copy's paragraphs without what the terms require a republisher to add
    (`additions`: the items holding a credit line, a tagline, an author's institution, each with
    the text it holds besides, `text_beside_additions`), in the paragraphs that are in no paragraph
    of the original: wherever the copy puts them, they are no edit of the story. Such a paragraph
    with nothing else in it is left out; one with more (an editor's note beside the credit) is
    compared as that text alone, an addition. A paragraph the alignment pairs with one of the
    original's is compared as ever."""
    if not additions:
        return pairs, ours
    added = {pair.republished for pair in pairs if pair.original is None and pair.republished is not None and ours[pair.republished].index in additions}
    kept = [pair for pair in pairs if pair.republished not in added or additions[ours[pair.republished].index]]
    rest = tuple(dataclasses.replace(block, text=additions[block.index]) if n in added else block for n, block in enumerate(ours))
    return kept, rest


def _without_sentences(rests: dict[int, str], boilerplate: frozenset[str]) -> dict[int, str]:
    """The copy's `rests` (`text_beside_additions`) without the sentences the original prints as
    its boilerplate (`boilerplate`): Kaiser Health News' tagline goes on "It is an editorially
    independent program of …" after the sentence its rule reads, on the original's page as in the
    copy; an editor's note the copy writes beside it is no sentence of the original's, and stays."""
    if not boilerplate:
        return rests
    return {index: " ".join(part for part in sentences(rest) if part not in boilerplate) for index, rest in rests.items()}


def _hit(doc: Document, block: Block, change: str, paragraph: int, similarity: float, diff: str, evidence: str, words: int = 0) -> Hit:
    captures = (("change", change), ("paragraph", str(paragraph)), ("similarity", f"{similarity:.0f}"), ("diff", diff), ("words", str(words)))
    return Hit(block.index, doc.locate(block), evidence, captures, doc.item_offsets[min(block.index, len(doc.item_offsets) - 1)])


def _nd_hits(
    doc: Document,
    pairs: list[Pair],
    original: tuple[tuple[Block, ...], Document],
    ours: tuple[Block, ...],
    params: FidelityParams,
    story: tuple[datetime.date | str | None, datetime.date | None, bool | None],
) -> list[Hit]:
    """The hits of no-derivatives terms; `original`: the original's story paragraphs and its
    document; `story`: the republication's day, the original's and whether the story is in
    Arizona (`beyond_style`)."""
    theirs = original[0]
    pairs = _end_replaced(pairs, theirs, ours)
    kept = [k for k, p in enumerate(pairs) if p.original is not None and p.republished is not None]
    first, last = (kept[0], kept[-1]) if kept else (len(pairs), -1)
    beside = _prose_beside(doc, pairs, ours, theirs, (first, last))
    if beside:
        beside = _new_words(beside, ours, original[1])
    hits: list[Hit] = []
    for k, pair in enumerate(pairs):
        if pair.moved:
            hits.append(_moved_hit(doc, pairs, k, theirs, ours))
        if pair.original is not None and pair.republished is not None:
            before, after = _joined_key(theirs, pair.original, pair.original_span), _joined_key(ours, pair.republished, pair.republished_span)
            reason = beyond_style(before, after, pair.similarity, params, *story) if pair.similarity < 100 else None
            if reason is not None:
                shown = _joined_as_written(doc, ours[pair.republished : pair.republished + pair.republished_span])
                reason = _shown_reason(reason, before.split(), after.split(), shown)
                diff = word_diff(before, after, shown=shown)
                hits.append(_hit(doc, ours[pair.republished], "changed", pair.original + 1, pair.similarity, diff, f"changed ({reason}): {diff}"))
        elif pair.original is not None and k < last and not params.extract:
            anchor = ours[next(p.republished for p in pairs[k:] if p.republished is not None)]
            text = _key(theirs[pair.original])
            hits.append(_hit(doc, anchor, "removed", pair.original + 1, 0.0, "[-" + shorten(text, 150) + "-]", f"removed: {quoted(text, 150)}"))
        elif pair.republished is not None and (first < k < last or ours[pair.republished].index in beside):
            text = _shown_key(doc, ours[pair.republished])
            why = "" if noted_claim(ours[pair.republished].text) is None else " (a note that speaks of the story's subject, not of its republication)"
            hits.append(_hit(doc, ours[pair.republished], "added", 0, 0.0, "{+" + shorten(text, 150) + "+}", f"added{why}: {quoted(text, 150)}"))
    missing_end = [p.original for p in pairs[last + 1 :] if p.original is not None]
    if kept and missing_end and not params.extract:
        stop = pairs[last]
        assert stop.republished is not None and stop.original is not None
        words = sum(len(theirs[i].text.split()) for i in missing_end)
        # A joined or split last paragraph: the story stops after the last of its paragraphs.
        kept_last, shown_last = stop.original + stop.original_span, ours[stop.republished + stop.republished_span - 1]
        missing = f"1 paragraph, {words} words, is" if len(missing_end) == 1 else f"{len(missing_end)} paragraphs, {words} words, are"
        evidence = f"the story stops after paragraph {kept_last} of {len(theirs)} ({quoted(_shown_key(doc, shown_last), 80)}); {missing} missing from the end"
        hits.append(_hit(doc, shown_last, "truncated", missing_end[0] + 1, 0.0, "", evidence, words))
    return hits


def _moved_hit(doc: Document, pairs: list[Pair], at: int, theirs: tuple[Block, ...], ours: tuple[Block, ...]) -> Hit:
    """The hit of a paragraph the copy prints out of the original's order (`pairs[at]`, moved):
    which paragraph of the original, and where it now stands, before the next paragraph of the
    original the copy keeps in order, else after the last."""
    pair = pairs[at]
    assert pair.original is not None and pair.republished is not None
    span = pair.original_span
    which = f"paragraph {pair.original + 1}" if span == 1 else f"paragraphs {listed([str(n) for n in range(pair.original + 1, pair.original + span + 1)])}"
    in_order = [(k, p.original, p.original_span) for k, p in enumerate(pairs) if p.original is not None and p.republished is not None and not p.moved]
    following = next((o for k, o, _ in in_order if k > at), None)
    preceding = next((o + n - 1 for k, o, n in reversed(in_order) if k < at), None)
    if following is not None:
        where = f"printed before paragraph {following + 1}"
    else:
        where = f"printed after paragraph {preceding + 1}" if preceding is not None else "printed out of order"
    text = _joined_key(theirs, pair.original, span)
    printed = f" as {pair.republished_span} paragraphs" if pair.republished_span > 1 else (" as one" if span > 1 else "")
    evidence = f"moved: {which} of the original ({quoted(text, 80)}) {'are' if span > 1 else 'is'} {where}{printed}"
    return _hit(doc, ours[pair.republished], "moved", pair.original + 1, pair.similarity, "", evidence)


def _joined_key(blocks: tuple[Block, ...], start: int, span: int) -> str:
    """The text (`_key`) of `span` paragraphs from `start`, read as one: paragraphs joined or split
    keep their words in order, with a space between them."""
    return " ".join(_key(block) for block in blocks[start : start + span])


def _joined_as_written(doc: Document, blocks: tuple[Block, ...]) -> list[str] | None:
    """The words of the copy's `blocks` read as one text, as evidence quotes them
    (`words_as_written`), or None when each is quoted as compared."""
    written = [(words, words_as_written(doc, doc.locate(block), words)) for block in blocks for words in (_key(block).split(),)]
    if all(shown is None for _, shown in written):
        return None
    return [word for words, shown in written for word in (shown or words)]


def _prose_beside(doc: Document, pairs: list[Pair], ours: tuple[Block, ...], theirs: tuple[Block, ...], kept: tuple[int, int]) -> frozenset[int]:
    """The copy's paragraphs of new prose before the story's first kept paragraph (`pairs[first]`,
    `kept` = (first, last)) and after its last (`pairs[last]`), not notes beside it
    (`story_notes`): these are added too, and so is a note holding a sentence of the story's
    subject, told by the words of the original's paragraphs (`theirs`). A paragraph in no pair
    holds only what the terms require (a credit line, `_without_additions`)."""
    first, last = kept
    start, end = (pairs[first].republished, pairs[last].republished) if first <= last else (None, None)
    if start is None or end is None or (start == 0 and end + pairs[last].republished_span >= len(ours)):
        return frozenset()
    end += pairs[last].republished_span - 1
    listed = {p.republished + k for p in pairs if p.republished is not None for k in range(p.republished_span)}
    credits = frozenset(b.index for n, b in enumerate(ours) if n not in listed)
    return prose_beside_story(doc, ours[:start], ours[end + 1 :], credits, subject_words(theirs))


# What ends a theme's excerpt of the story's opening: an ellipsis, WordPress's "[…]", "Read more".
_EXCERPT_END = on_first_use(r"\s*(?:\[\s*)?(?:\u2026|\.\.\.)?(?:\s*\])?\s*(?:(?:read\s+more|continue\s+reading)\W*)?$", 2)
# The fewest words a line repeating the story's text holds to be read as its excerpt.
_EXCERPT_WORDS = 4


def _new_words(beside: frozenset[int], ours: tuple[Block, ...], original: Document) -> frozenset[int]:
    """`beside` (the indexes of the copy's prose around the story, `_prose_beside`) without the
    paragraphs that only repeat the words of the original's article, in order: its deck, printed
    as a heading there ("<h2 class="subtitle">"), a theme's excerpt of the story's opening under
    the headline ("When Marcus Hill collapsed in his cell…"), a sentence of the story quoted
    again. They add nothing to the story."""
    story = " ".join(_key(block) for block in original.article_blocks).casefold()
    repeated = set()
    for block in ours:
        if block.index in beside:
            text = _EXCERPT_END().sub("", _key(block)).casefold()
            if len(text.split()) >= _EXCERPT_WORDS and text in story:
                repeated.add(block.index)
    return beside - repeated


# The fewest words a paragraph after the copy's last kept one must share with a missing paragraph
# of the original's end to be a version of it (a rewrite names its people, places and things).
_FEWEST_SHARED_WORDS = 2
# Shorter words are too often function words of some language to say what a paragraph is about.
_SHORTEST_SHARED_WORD = 3
# How long a version of a paragraph is, against the paragraph: a translation or a rewrite says
# about as much; a note in its place is a line.
_VERSION_LENGTHS = (0.5, 2.0)


def _end_replaced(pairs: list[Pair], theirs: tuple[Block, ...], ours: tuple[Block, ...]) -> list[Pair]:
    """`pairs` with each missing paragraph of the original's end paired, in order, with a
    paragraph the copy prints after its last kept one in its place (`_stands_for`): a last
    paragraph rewritten below `_SAME_PARAGRAPH` or translated is changed, not cut, so the story
    does not stop there. A paragraph after it that stands for none (a credit line, an editor's
    note) stays out of the story, and the original's paragraphs none stands for are still missing
    from the end. Only a copy whose end differs pays for reading words."""
    kept = [k for k, p in enumerate(pairs) if p.original is not None and p.republished is not None]
    if not kept:
        return pairs
    head, tail = pairs[: kept[-1] + 1], pairs[kept[-1] + 1 :]
    missing = [p.original for p in tail if p.original is not None]
    after = [p.republished for p in tail if p.republished is not None]
    if not (missing and after):
        return pairs
    from rapidfuzz import fuzz

    language = language_of(_words(theirs))
    replaced: list[Pair] = []
    for original in missing:
        at = next((n for n, paragraph in enumerate(after) if _stands_for(theirs[original], ours[paragraph], language)), None)
        if at is None:
            replaced.append(Pair(original, None, 0.0))
            continue
        replaced.extend(Pair(None, paragraph, 0.0) for paragraph in after[:at])
        replaced.append(Pair(original, after[at], fuzz.ratio(_key(theirs[original]), _key(ours[after[at]]))))
        after = after[at + 1 :]
    replaced.extend(Pair(None, paragraph, 0.0) for paragraph in after)
    return [*head, *replaced]


def _stands_for(original: Block, republished: Block, language: str | None) -> bool:
    """Whether a paragraph of the copy is a version of an original paragraph too unlike it to be
    paired by likeness: about as long as it (`_VERSION_LENGTHS`: a rewrite or a translation of a
    paragraph is, a one-line note such as "Read the full article on The Conversation" in place of
    the original's credit paragraph is not), and it shares `_FEWEST_SHARED_WORDS` words with it
    that no language's function words are (names, nouns, numbers: "Ana Ruiz" in a quote
    translated), or it leans to another language than the original's (`language`: its
    paragraphs' translation in its place)."""
    shortest, longest = _VERSION_LENGTHS
    if not shortest * len(original.text.split()) <= len(republished.text.split()) <= longest * len(original.text.split()):
        return False
    theirs, ours = (
        {bare for word in block.text.split() if len(bare := _bare(word)) >= _SHORTEST_SHARED_WORD and bare not in FUNCTION_WORDS}
        for block in (original, republished)
    )
    if len(theirs & ours) >= _FEWEST_SHARED_WORDS:
        return True
    words = republished.text.split()
    return language is not None and any(leans_to(words, other, language) for other in PROFILES if other != language)


def _in_arizona(theirs: tuple[Block, ...]) -> bool | None:
    """Whether the original story (its paragraphs) is in Arizona, where "MT" is MST all year
    (`time_edits.story_in_arizona`); the gazetteer is read only when a paragraph writes "MT"."""
    if not any(time_edits.names_mountain_time(block.text) for block in theirs):
        return False
    return time_edits.story_in_arizona([word for block in theirs for word in _key(block).split()])


def _words(blocks: tuple[Block, ...]) -> list[str]:
    return [word for block in blocks for word in block.text.split()]


# What each value of `translation` says of a translation, and whether it is a finding.
_TRANSLATION_TERMS = {
    "prohibited": ("which the terms prohibit", True),
    "needs-permission": ("which the terms allow only with the publisher's permission", True),
    "allowed": ("which the terms allow", False),
}


def _translation_terms(params: FidelityParams) -> tuple[str, bool]:
    """What the terms say of a translation (`translation`, else by `allow`) and whether it is a finding."""
    unset = ("not an edit of style, time or place", True) if params.allow == "nd" else ("an adaptation, which the terms allow", False)
    return _TRANSLATION_TERMS.get(params.translation or "", unset)


def _translation(doc: Document, first: Block, params: FidelityParams, languages: tuple[str, str]) -> Outcome:
    """The verdict on a copy in another language than the original (`languages`: the original's,
    the copy's): one finding at the copy's first paragraph when the terms prohibit it, need
    permission for it, or (unset) `allow: nd`; else not compared, with a note saying why (raises
    `Undecided`): a translation's words cannot be held to the original's."""
    theirs, ours = languages
    said = f"a translation of the original into {ours} (the original is in {theirs})"
    judged, finding = _translation_terms(params)
    if not finding:
        raise Undecided(f"{said}, {judged}; its words are not compared")
    return Outcome(False, (_hit(doc, first, "translated", 1, 0.0, "", f"{said}, {judged}"),))


# A translation printed with the original (after it, paragraph by paragraph, side by side): the
# copy's paragraphs in no paragraph of the original that lean to another language hold a
# translation's worth when they are at least two and hold at least a third of the original's
# words. One paragraph in another language (a quote, a sentence) stays an added paragraph.
_FEWEST_TRANSLATED_PARAGRAPHS = 2
_LEAST_TRANSLATED_SHARE = 1 / 3


def _translation_beside(pairs: list[Pair], theirs: tuple[Block, ...], ours: tuple[Block, ...]) -> tuple[tuple[str, str], frozenset[int]] | None:
    """(the original's language, the translation's) and the copy's paragraphs (indexes in `ours`)
    that are a translation printed with the original (see above), or None. Only a copy with two
    or more paragraphs in no paragraph of the original pays for telling languages."""
    extra = [p.republished for p in pairs if p.original is None and p.republished is not None]
    if len(extra) < _FEWEST_TRANSLATED_PARAGRAPHS:
        return None
    original_words = _words(theirs)
    theirs_language = language_of(original_words)
    if theirs_language is None:
        return None
    # The language the added paragraphs not told to be in the original's language are in.
    other = [i for i in extra if language_of(ours[i].text.split()) != theirs_language]
    ours_language = language_of(word for i in other for word in ours[i].text.split())
    if ours_language is None or ours_language == theirs_language:
        return None
    foreign = [i for i in other if leans_to(ours[i].text.split(), ours_language, theirs_language)]
    words = sum(len(ours[i].text.split()) for i in foreign)
    if len(foreign) < _FEWEST_TRANSLATED_PARAGRAPHS or words < _LEAST_TRANSLATED_SHARE * len(original_words):
        return None
    return (theirs_language, ours_language), frozenset(foreign)


def evaluate(doc: Document, params: FidelityParams, ctx: Context) -> Outcome:
    """Align the story with the original's and judge the differences by `allow`; a translation
    printed with the original is one `translated` hit (judged by `translation`), its paragraphs
    left out of the comparison."""
    original = ctx.need_original()
    pairs, theirs, ours, boilerplate = _alignment(doc, original, ctx)
    pairs, ours = _without_additions(pairs, ours, _without_sentences(text_beside_additions(doc, ctx), boilerplate))
    if not theirs:
        raise Undecided("the original story has no paragraphs to compare with")
    kept = [p for p in pairs if p.original is not None and p.republished is not None]
    # A translation is told only where most paragraphs differ: a faithful copy never pays for it.
    if ours and 2 * sum(p.similarity == 100 for p in kept) < len(theirs):
        languages = translated(_words(theirs), _words(ours))
        if languages is not None:
            return _translation(doc, ours[0], params, languages)
    beside = _translation_beside(pairs, theirs, ours)
    if beside is None:
        return _compared(doc, params, ctx, original, pairs, theirs, ours)
    (their_language, our_language), foreign = beside
    rest = _compared(doc, params, ctx, original, [p for p in pairs if p.republished not in foreign], theirs, ours)
    judged, finding = _translation_terms(params)
    if not finding:
        return rest
    said = f"a translation of the original into {our_language} (the original is in {their_language}) printed with it, {judged}"
    hit = _hit(doc, ours[min(foreign)], "translated", 1, 0.0, "", said, sum(len(ours[i].text.split()) for i in foreign))
    return Outcome(False, (hit, *(() if rest.passed else rest.hits)))


def _compared(
    doc: Document, params: FidelityParams, ctx: Context, original: Document, pairs: list[Pair], theirs: tuple[Block, ...], ours: tuple[Block, ...]
) -> Outcome:
    """The verdict of `allow` on the aligned paragraphs (`pairs`)."""
    kept = [p for p in pairs if p.original is not None and p.republished is not None]
    anchor = doc.locate(ours[0]) if ours else doc.article_location
    if not kept:
        return Outcome(False, (), f"none of the original's {len(theirs)} paragraphs is in the republication", anchor)
    if params.allow == "edits-allowed":
        return Outcome(True, (), f"{len(kept)} of {len(theirs)} paragraphs of the original kept")
    if params.allow == "excerpt-allowed":
        assert params.excerpt_words is not None
        words = sum(len(block.text.split()) for p in kept if p.original is not None for block in theirs[p.original : p.original + p.original_span])
        if words <= params.excerpt_words:
            return Outcome(True, (), f"an excerpt of {words} words of the original (at most {params.excerpt_words})")
        last = kept[-1]
        assert last.republished is not None and last.original is not None
        evidence = f"{words} words of the original are reproduced; an excerpt may have at most {params.excerpt_words}"
        return Outcome(False, (_hit(doc, ours[last.republished], "excerpt", last.original + 1, 0.0, "", evidence, words),))
    story = time_edits.publication_day_of(ctx.meta), time_edits.original_day(original), _in_arizona(theirs)
    hits = _nd_hits(doc, pairs, (theirs, original), ours, params, story)
    if hits:
        return Outcome(False, tuple(hits), "the story differs from the original beyond style, time and place edits")
    if params.extract and len(kept) < len(theirs):
        return Outcome(True, (), f"an extract: {len(kept)} of the original's {len(theirs)} paragraphs, unchanged beyond style, time and place edits")
    return Outcome(True, (), f"all {len(theirs)} paragraphs of the original, unchanged beyond style, time and place edits{_regrouped(pairs)}")


def _regrouped(pairs: list[Pair]) -> str:
    """What a passing verdict says of paragraphs joined or split (layout, not an edit):
    `"; paragraphs 2 and 3 of the original are printed as one"`, `"; paragraph 5 of the original is
    printed as 2"`; empty when none is."""
    said: list[str] = []
    for pair in pairs:
        if pair.original is None or pair.republished is None:
            continue
        if pair.original_span > 1:
            numbers = [str(n) for n in range(pair.original + 1, pair.original + pair.original_span + 1)]
            said.append(f"paragraphs {listed(numbers)} of the original are printed as one")
        elif pair.republished_span > 1:
            said.append(f"paragraph {pair.original + 1} of the original is printed as {pair.republished_span}")
    return "".join(f"; {part}" for part in said)
