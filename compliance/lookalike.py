"""Look-alike letters: words that mix a Latin word with letters of another script that look the
same ("Dаily Cаller" with CYRILLIC SMALL LETTER A), seen through for detection and matching and
reported where they disguise a publisher's name.

Which letters look alike comes from Unicode's confusables table (UTS #39, "confusables.txt") and
a letter's script from Unicode's Scripts.txt, both as the `confusable-homoglyphs` package ships
them; nothing here is a hand-made list. Only mixed-script words are touched: a word written wholly
in Cyrillic or Greek is text in that language, not a disguise. The tables are read only when a
page has a character past Latin Extended-B (U+024F); an all-ASCII page costs one `str.isascii()`
per block. Publishers' names spelt with ASCII look-alikes ("CaIler" with a capital I) are
looked for only in the names of the packs that apply.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from compliance import regexengine
from compliance.document import Block, Document, Image, Item
from compliance.document.positions import location_at
from compliance.findings import Location
from compliance.firstuse import on_first_use
from compliance.text import normalize_inline

if TYPE_CHECKING:
    import regex

_NON_ASCII_RUN = on_first_use(r"[^\x00-\x7f]+")
# A word of a names pattern's match: what lies between the white space its `\s+` matched (every
# character `regex` reads as white space is one `re` reads so too).
_WORD = on_first_use(r"\S+")
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED", "Unknown"})


class LookAlike(NamedTuple):
    """One letter of another script standing in a Latin word for the Latin letter it looks like."""

    offset: int  # in the text searched
    char: str
    latin: str

    @property
    def script(self) -> str:
        """The script the letter is from, as the first word of its Unicode name: "CYRILLIC",
        "GREEK", or the form of a compatibility letter ("FULLWIDTH", "MATHEMATICAL", "CIRCLED")."""
        return unicodedata.name(self.char, "UNNAMED").split(" ", 1)[0]

    @property
    def described(self) -> str:
        """'U+0430 CYRILLIC SMALL LETTER A' (for 'a')."""
        return f"U+{ord(self.char):04X} {unicodedata.name(self.char, 'UNNAMED CHARACTER')} (for '{self.latin}')"


class Disguise(NamedTuple):
    """A word with look-alike letters in a text, and the Latin word a reader sees."""

    start: int
    end: int
    word: str
    seen: str
    letters: tuple[LookAlike, ...]


@functools.cache
def _prototypes() -> Mapping[str, str]:
    """Each confusable character and its UTS #39 prototype (the character or sequence its
    skeleton maps it to), rebuilt from the package's table, which lists every pair both ways: a
    prototype is the side that several characters map to, or a sequence."""
    from compliance.packfiles import unicode_table

    raw: dict[str, list[dict[str, str]]] = unicode_table("confusables.json")
    table = {key.replace("\u200e", ""): [h["c"].replace("\u200e", "") for h in value] for key, value in raw.items()}
    prototypes: dict[str, str] = {}
    for char, others in table.items():
        if len(char) != 1 or len(others) != 1:
            continue
        (other,) = others
        if len(other) > 1 or len(table.get(other, ())) > 1:
            prototypes[char] = other
        elif (not other.isascii(), other) < (not char.isascii(), char):
            # A pair with no other member: either side serves, as long as it is always the same one.
            prototypes[char] = other
    return prototypes


_LATIN_PROTOTYPES: dict[str, str] = {}


def _latin_prototypes() -> Mapping[str, str]:
    """Each letter of another script whose prototype is one ASCII letter, and that letter (made
    from both tables on first use, unless the pack cache gave it: `adopt_unicode_tables`)."""
    if not _LATIN_PROTOTYPES:
        _LATIN_PROTOTYPES.update(
            {char: target for char, target in _prototypes().items() if len(target) == 1 and target.isascii() and target.isalpha() and _script(char) != "LATIN"}
        )
    return _LATIN_PROTOTYPES


_ASCII_LOOK_ALIKES: dict[str, frozenset[str]] = {}


def ascii_look_alikes() -> Mapping[str, frozenset[str]]:
    """For each ASCII letter, the ASCII characters with the same prototype ('l': 'I', '1', '|').

    Derived from the whole confusables table (a 900 KB JSON file) on first use, unless the pack
    cache gave it already (`adopt_ascii_look_alikes`): every page a pack applies to needs it."""
    if not _ASCII_LOOK_ALIKES:
        prototypes = _prototypes()
        by_prototype: dict[str, set[str]] = {}
        for code in range(33, 127):
            char = chr(code)
            by_prototype.setdefault(prototypes.get(char, char), set()).add(char)
        _ASCII_LOOK_ALIKES.update({char: frozenset(by_prototype[prototypes.get(char, char)]) for char in map(chr, range(33, 127)) if char.isalpha()})
    return _ASCII_LOOK_ALIKES


def adopt_ascii_look_alikes(table: Mapping[str, frozenset[str]]) -> None:
    """Use a table `ascii_look_alikes` made earlier from the same confusables data (the pack cache's)."""
    if not _ASCII_LOOK_ALIKES:
        _ASCII_LOOK_ALIKES.update(table)


ScriptRanges = tuple[list[int], list[int], list[str]]
_SCRIPT_RANGES: list[ScriptRanges] = []


def _script_ranges() -> ScriptRanges:
    """Unicode's Scripts.txt as the package ships it: range starts, range ends, script names
    (read on first use, unless the pack cache gave them: `adopt_unicode_tables`)."""
    if not _SCRIPT_RANGES:
        from compliance.packfiles import unicode_table

        data = unicode_table("categories.json")
        aliases: list[str] = data["iso_15924_aliases"]
        ranges = data["code_points_ranges"]
        _SCRIPT_RANGES.append(([r[0] for r in ranges], [r[1] for r in ranges], [aliases[r[2]] for r in ranges]))
    return _SCRIPT_RANGES[0]


def unicode_tables() -> dict[str, object]:
    """What a page with letters outside ASCII is read with, made from Unicode's tables (a 900 KB
    confusables table and Scripts.txt, read in a quarter of a second): each letter of another
    script that imitates an ASCII letter, and the scripts' ranges. Stored in the pack cache."""
    return {"latin_prototypes": dict(_latin_prototypes()), "script_ranges": _script_ranges()}


def adopt_unicode_tables(tables: object) -> bool:
    """Use `unicode_tables` made earlier from the same Unicode data (the pack cache's); False
    when they are not such tables (nothing is taken then)."""
    if not isinstance(tables, dict):
        return False
    latin, ranges = tables.get("latin_prototypes"), tables.get("script_ranges")
    if not (isinstance(latin, dict) and isinstance(ranges, tuple) and len(ranges) == 3 and all(isinstance(r, list) for r in ranges)):
        return False
    if not _LATIN_PROTOTYPES:
        _LATIN_PROTOTYPES.update(latin)
    if not _SCRIPT_RANGES:
        _SCRIPT_RANGES.append((ranges[0], ranges[1], ranges[2]))
    return True


@functools.cache
def _script(char: str) -> str:
    """The Unicode script of a character ("LATIN", "CYRILLIC", "GREEK", "COMMON", …)."""
    starts, ends, scripts = _script_ranges()
    at = bisect.bisect_right(starts, ord(char)) - 1
    return scripts[at] if at >= 0 and ord(char) <= ends[at] else "Unknown"


# Compatibility forms of letters that are the letter itself in another width, style or frame:
# the fullwidth forms (<wide>), the mathematical alphanumerics and letterlike double-struck and
# script letters (<font>: "𝐃", "ℓ"), the circled and squared letters (<circle>, <square>: "Ⓓ",
# "🄳"), and the Roman numerals (<compat>: SMALL ROMAN NUMERAL FIFTY "ⅼ" is an "l"). NFKC reads each
# as its letter. Superscripts and subscripts ("1ª", "xⁿ"), ligatures and the long s are ordinary
# spelling and are left to the page; so is every character before U+0250 (Latin-1, Latin
# Extended), whose <compat> forms are the long s and the like.
_COMPAT_TAGS = ("<wide>", "<font>", "<circle>", "<square>", "<compat>")
_FIRST_PAST_LATIN = 0x250


@functools.cache
def compat_letter(char: str) -> str:
    """The ASCII letter a compatibility form stands for ("Ｄ" FULLWIDTH LATIN CAPITAL LETTER D,
    MATHEMATICAL SANS-SERIF CAPITAL D, CIRCLED LATIN CAPITAL LETTER D: "D"; SMALL ROMAN NUMERAL
    FIFTY: "l"), by its NFKC form; "" for any other character."""
    if ord(char) < _FIRST_PAST_LATIN or not unicodedata.decomposition(char).startswith(_COMPAT_TAGS):
        return ""
    letter = unicodedata.normalize("NFKC", char)
    return letter if len(letter) == 1 and letter.isascii() and letter.isalpha() else ""


# Letterlike Symbols (U+2100-U+214F): "ℂ", "ℝ", "ℓ" are mathematics' own signs. One of them alone
# or among other signs does not make a word a disguise; beside a plain Latin letter ("Daiℓy") or
# in a word of mathematical alphanumerics (whose script letters have their "ℯ" and "ℴ" there) it
# is read as its letter like the others.
_LETTERLIKE = range(0x2100, 0x2150)


def _disguising(char: str) -> bool:
    """Whether a compatibility form of a letter makes its word a disguise."""
    return bool(compat_letter(char)) and ord(char) not in _LETTERLIKE


def _disguises_word(word: str) -> bool:
    """Whether the compatibility forms of letters in a word of two or more characters make it a
    disguise: one that is no letterlike sign (`_disguising`), or a letterlike sign beside a plain
    ASCII letter ("Daiℓy Caller")."""
    if len(word) < 2:
        return False
    return any(_disguising(c) for c in word) or (any(c.isascii() and c.isalpha() for c in word) and any(compat_letter(c) for c in word))


def _is_word_char(char: str) -> bool:
    """A letter, a mark on one, or a compatibility form of a letter that is no letter itself (the
    Roman numerals, Nl; the circled letters, So), which a reader reads in the word around it."""
    return char.isalpha() or unicodedata.category(char).startswith("M") or (not char.isascii() and bool(compat_letter(char)))


def _non_ascii_words(text: str) -> list[tuple[int, int]]:
    """Start and end of each word with a letter outside ASCII. Most characters outside ASCII on
    a page are quotes and dashes: runs of them are found by a C scan, and only a run with a
    letter is widened to its word."""
    spans: list[tuple[int, int]] = []
    for run in _NON_ASCII_RUN().finditer(text):
        if not any(c.isalpha() or compat_letter(c) for c in run.group()):
            continue
        start, end = run.start(), run.end()
        if spans and start < spans[-1][1]:
            continue
        while start > 0 and _is_word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        spans.append((start, end))
    return spans


# A character past Latin Extended-B (U+024F): below it, every character is Latin or common to all
# scripts (ASCII, Latin-1, Latin Extended), so no table needs reading.
_PAST_LATIN = re.compile(r"[^\x00-\u024f]")


def _other_scripts(text: str) -> bool:
    """Whether `text` has a character of a script other than Latin (or common to all): a word
    without one is not disguised. Most text outside ASCII is quotes, dashes and accented Latin
    letters: a C scan collects the few distinct characters past Latin, and only those are looked
    up, instead of widening every run of them to its word."""
    return any(compat_letter(char) or (_script(char) not in _NEUTRAL_SCRIPTS and _script(char) != "LATIN") for char in set(_PAST_LATIN.findall(text)))


# Scripts whose lone letters stand in Latin text as symbols, not as words: a Greek letter is a
# quantity, a unit or a particle's name in a science story ("the α coefficient", "10 μm").
_SYMBOL_SCRIPTS = frozenset({"GREEK"})
# The word beside a place in a text, within a line's reach: letters, digits and marks.
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_WORD_AFTER = re.compile(r"\W*(\w+)")
_NEIGHBOUR_REACH = 80


def _lone_letter_among_latin(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`–`end` is one letter of another script standing alone between
    Latin words ("This is а story" with CYRILLIC SMALL LETTER A): a Latin word to a reader, as a
    mixed-script word is. The words beside it, the one before and the one after where there is
    one, must hold letters and only Latin ones; a lone letter among words of its own script is a
    word of that language ("Он сказал: а потом", a Russian quote in an English story), and a
    Greek letter is a symbol (`_SYMBOL_SCRIPTS`)."""
    if end - start != 1 or _script(text[start]) in _SYMBOL_SCRIPTS | _NEUTRAL_SCRIPTS | {"LATIN"}:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - _NEIGHBOUR_REACH), start)
    after = _WORD_AFTER.match(text, end, end + _NEIGHBOUR_REACH)
    neighbours = [found.group(1) for found in (before, after) if found is not None]
    return bool(neighbours) and all(_is_latin_word(word) for word in neighbours)


def _is_latin_word(word: str) -> bool:
    """A word with a letter, all its letters Latin (ASCII, Latin-1, Latin Extended)."""
    letters = [char for char in word if char.isalpha()]
    return bool(letters) and all(ord(char) < 0x250 for char in letters)


def find_disguises(text: str) -> tuple[Disguise, ...]:
    """Words of `text` that read as Latin words once their look-alike letters are replaced:
    mixed-script words, words with compatibility forms of letters (fullwidth "Ｄａｉｌｙ",
    mathematical alphanumerics, which NFKC reads as plain letters), and a letter of another
    script standing alone between Latin words ("under а Creative Commons license":
    `_lone_letter_among_latin`). A word wholly in another script among words of its own, or one
    with a letter that has no Latin look-alike, is left alone."""
    if text.isascii() or not _other_scripts(text):
        return ()
    found = []
    for start, end in _non_ascii_words(text):
        word = text[start:end]
        if all(ord(c) < 0x250 for c in word):
            continue  # ASCII, Latin-1 and Latin Extended letters: one script, no table to read
        scripts = {_script(c) for c in word} - _NEUTRAL_SCRIPTS
        # A lone mathematical letter ("𝕂", "𝐱") is notation; a word of two or more letters in
        # compatibility forms reads as a word.
        if (len(scripts) < 2 or "LATIN" not in scripts) and not _disguises_word(word) and not _lone_letter_among_latin(text, start, end):
            continue
        prototypes = _latin_prototypes()
        letters = []
        seen = []
        for index, char in enumerate(word):
            latin = compat_letter(char)
            script = "" if latin else _script(char)
            if script == "LATIN" or script in _NEUTRAL_SCRIPTS:
                seen.append(char)
                continue
            latin = latin or prototypes.get(char, "")
            if not latin:
                break
            letters.append(LookAlike(start + index, char, latin))
            seen.append(latin)
        else:
            found.append(Disguise(start, end, word, "".join(seen), tuple(letters)))
    return tuple(found)


# The pattern of each set of names looked for so far. Those of each pack's names on its own (the
# usual case: one pack applies) are stored in the pack cache (`names_patterns`): the `regex`
# package pickles a compiled program, so a warm start compiles none.
_NAMES_PATTERNS: dict[tuple[str, ...], regex.Pattern[str]] = {}


def _names_pattern(names: tuple[str, ...]) -> regex.Pattern[str]:
    """The names with every ASCII letter widened to its ASCII look-alikes and its other case."""
    pattern = _NAMES_PATTERNS.get(names)
    if pattern is None:
        if len(_NAMES_PATTERNS) >= 256:
            _NAMES_PATTERNS.clear()
        pattern = _NAMES_PATTERNS[names] = _compile_names_pattern(names)
    return pattern


def names_patterns(name_sets: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], regex.Pattern[str]]:
    """The patterns of these sets of names (compiled now), to store in the pack cache."""
    return {names: _names_pattern(names) for names in name_sets if names}


def adopt_names_patterns(patterns: object) -> bool:
    """Use `names_patterns` compiled earlier with the same look-alike table (the pack cache's);
    False when they are not such patterns (nothing is taken then)."""
    if not (isinstance(patterns, dict) and all(isinstance(k, tuple) and regexengine.is_pattern(v) for k, v in patterns.items())):
        return False
    for names, pattern in patterns.items():
        _NAMES_PATTERNS.setdefault(names, pattern)
    return True


def _compile_names_pattern(names: tuple[str, ...]) -> regex.Pattern[str]:
    import regex

    look_alikes = ascii_look_alikes()
    spelled = []
    for name in names:
        words = []
        for word in name.split():
            letters = []
            for char in word:
                if char in look_alikes:
                    # A digit or a sign has no case: one that looks like a letter in either case
                    # stands for it in both, as names are matched whatever their case ("F0undation"
                    # with a zero reads as "FOUNDATION" and "Foundation" alike; Unicode's table
                    # maps 0 to O only). A letter of the other case is only a change of case.
                    uncased = {other for other in look_alikes.get(char.swapcase(), ()) if not other.isalpha()}
                    options = sorted(look_alikes[char] | uncased | {char.swapcase()})
                    letters.append("[" + "".join(regex.escape(o) for o in options) + "]")
                else:
                    letters.append(regex.escape(char))
            words.append("".join(letters))
        spelled.append(r"\s+".join(words))
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(spelled) + r")(?![\p{L}\p{N}])")


_FOLD_TABLE: list[bytes] = []


def _fold_table() -> bytes:
    """A `bytes.translate` table that maps every ASCII character to one character standing for all
    those a names pattern lets stand in for it: its other case and its ASCII look-alikes ('I',
    'l', '1', '|' and 'L' become one), joined transitively."""
    if not _FOLD_TABLE:
        look_alikes = ascii_look_alikes()
        parent = list(range(256))

        def root(code: int) -> int:
            while parent[code] != code:
                code = parent[code]
            return code

        for char, others in look_alikes.items():
            for other in others | {char.swapcase()}:
                a, b = root(ord(char)), root(ord(other))
                parent[max(a, b)] = min(a, b)
        _FOLD_TABLE.append(bytes(root(code) for code in range(256)))
    return _FOLD_TABLE[0]


def _fold(text: str) -> bytes:
    """`text` folded by `_fold_table`, one byte per character ('?' for any character outside
    ASCII), so offsets in it are offsets in `text`."""
    return text.encode("ascii", "replace").translate(_fold_table())


# Each name's folded words, as a bytes pattern over folded text (see `_name_matches`).
_FOLDED_NAMES: dict[str, re.Pattern[bytes]] = {}
# What a `\s` of the names pattern can be once folded: ASCII white space (and the separators
# \x1c-\x1f, which Python's `str.split` also splits names at), or `?` for any outside ASCII.
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ?"


def _folded_name(name: str) -> re.Pattern[bytes]:
    pattern = _FOLDED_NAMES.get(name)
    if pattern is None:
        space = b"[" + b"".join(re.escape(bytes([code])) for code in sorted(set(_fold(_SPACES)))) + b"]+"
        pattern = _FOLDED_NAMES[name] = re.compile(space.join(re.escape(_fold(word)) for word in name.split()))
    return pattern


def _name_matches(text: str, names: tuple[str, ...]) -> list[regex.Match[str]]:
    """What `_names_pattern(names).finditer(text)` finds, without running that pattern over the
    whole text: the regex engine tries its character classes at every position (2 ms over a 36 KB
    article). A match can only start where the folded text holds a folded name, which a bytes
    pattern with a literal prefix finds in a few microseconds (the fold is a translate table);
    the names pattern is tried at those offsets only, in order and without overlap, as
    `finditer` would."""
    folded = _fold(text)
    starts: set[int] = set()
    for name in names:
        if not name.split():
            continue
        folded_name = _folded_name(name)
        found = folded_name.search(folded)
        while found is not None:
            starts.add(found.start())
            found = folded_name.search(folded, found.start() + 1)
    if not starts:
        return []
    pattern = _names_pattern(names)
    matches = []
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            matches.append(match)
            end = match.end()
    return matches


def find_name_disguises(text: str, names: tuple[str, ...]) -> tuple[Disguise, ...]:
    """Words of a publisher's name spelt with ASCII look-alikes ("Daily CaIler" with a capital I
    for the l), one `Disguise` per such word; the name in capitals or any other case is not one."""
    if not names:
        return ()
    found = []
    for match in _name_matches(text, names):
        spans = [(m.start() + match.start(), m.group()) for m in _WORD().finditer(match.group())]
        name = next((n for n in names if _names_pattern((n,)).fullmatch(match.group())), "")
        for (start, word), name_word in zip(spans, name.split(), strict=False):
            if word.isupper():
                name_word = name_word.upper()  # "F0UNDATION" reads as "FOUNDATION"
            letters = tuple(
                LookAlike(start + index, char, wanted)
                for index, (char, wanted) in enumerate(zip(word, name_word, strict=False))
                if char.casefold() != wanted.casefold()
            )
            if letters:
                seen = "".join(wanted if char.casefold() != wanted.casefold() else char for char, wanted in zip(word, name_word, strict=False))
                found.append(Disguise(start, start + len(word), word, seen, letters))
    return tuple(found)


def see_through(text: str, disguises: Iterable[Disguise]) -> str:
    """`text` with each disguised word as a reader reads it (same length: offsets stay valid)."""
    chars = list(text)
    for disguise in disguises:
        for letter in disguise.letters:
            chars[letter.offset] = letter.latin
    return "".join(chars)


def _disguises(text: str, names: tuple[str, ...]) -> tuple[Disguise, ...]:
    if names:
        return find_name_disguises(text, names)
    return find_disguises(text)


def unmask(text: str, names: tuple[str, ...] = ()) -> str:
    """`text` with its look-alike letters replaced by the Latin letters they imitate (with
    `names`: the ASCII look-alikes in those names only)."""
    disguises = _disguises(text, names)
    return see_through(text, disguises) if disguises else text


def as_read(text: str, names: tuple[str, ...] = ()) -> str:
    """An attribute's or a link's text as a reader (or a screen reader, or
    a search engine that sees through the trick) reads it, as the page's text blocks are read:
    invisible format characters dropped (a zero-width space or soft hyphen inside "Foun\u200bdation"),
    white space as one space, and look-alike letters of another script read as the Latin letters
    they imitate ("Dаily" with a Cyrillic а: "Daily"). With `names` (the publishers' names of the
    packs that apply, `Document.spelt_names`), those names spelt with ASCII look-alikes read as
    the names ("Dai1y Ca11er News F0undation": "Daily Caller News Foundation"), as the page's
    text does, and nothing else: "Top 10" and "2024 Daily Caller" stay as written. Other ASCII
    text comes back as it is. Pure."""
    read = text if text.isascii() else unmask(normalize_inline(text))
    return unmask(read, names) if names else read


def fold_name(name: str) -> str:
    """A name as names are compared when only case and spacing may differ: "The  Daily caller" and
    "the daily Caller" are one name, "Daily CaIler" (with a capital I) is another."""
    return " ".join(name.split()).casefold()


def latin_letter(char: str) -> str:
    """The Latin letter a look-alike letter of another script stands for (CYRILLIC SMALL LETTER A:
    'a'), from Unicode's confusables table; the character itself when it stands for none."""
    if char.isascii():
        return char
    return compat_letter(char) or _latin_prototypes().get(char, char)


# A letter past Latin Extended-B (not a dash, a quotation mark or another sign: those read as written).
_LETTER_PAST_LATIN = on_first_use(r"[^\W\d_\x00-\u024f]")


def read_as_latin(text: str) -> str:
    """Text as a reader reads it, letter for letter: each letter of another script that looks like
    a Latin letter (Unicode's confusables, as `latin_letter`: CYRILLIC SMALL LETTER A is 'a'), or
    a compatibility form of one, read as that letter, in any word, a single-script one too (the
    Cyrillic word "а" reads "a"); Latin letters, their diacritics and every other character as
    written. Only text with a letter past Latin Extended-B pays for the tables (a dash or a curly
    quotation mark does not). Pure."""
    if not _LETTER_PAST_LATIN().search(text):
        return text
    return _LETTER_PAST_LATIN().sub(lambda found: latin_letter(found.group()), text)


def plain_letters(text: str) -> str:
    """Text compared as a reader reads it: case folded, diacritics dropped, and look-alike letters
    of other scripts read as the Latin letters they imitate ("Jоsé" with a Cyrillic о: "jose")."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    if folded.isascii():
        return folded
    return "".join(latin_letter(c) for c in folded if not unicodedata.combining(c)).casefold()


def _spelt_otherwise(text: str, names: tuple[str, ...]) -> bool:
    """Whether any of the names appears in the page's text spelt otherwise than in some letter
    case: one scan, so that a page that spells the names plainly costs no more."""
    folded = {fold_name(name) for name in names}
    return any(fold_name(match.group()) not in folded for match in _name_matches(text, names))


def see_through_document(doc: Document, names: tuple[str, ...] = ()) -> tuple[Document, tuple[tuple[int, Disguise], ...]]:
    """The document as a reader reads it, and each disguised word with the index of its item.

    Without `names`: mixed-script words, in the text blocks, image alt texts and bylines of a
    page whose text is not all ASCII. With `names`: ASCII look-alikes in those names (a publisher's
    name spelt "CaIler"). The same document comes back when nothing is disguised.
    """
    found: list[tuple[int, Disguise]] = []
    replaced: dict[int, Item] = {}
    if names and not _spelt_otherwise("\n".join(item.text if isinstance(item, Block) else item.alt for item in doc.items), names):
        return doc, ()
    for item in doc.items:
        text = item.text if isinstance(item, Block) else item.alt
        if not names and text.isascii():
            continue
        disguises = _disguises(text, names)
        if not disguises:
            continue
        found.extend((item.index, d) for d in disguises)
        seen = see_through(text, disguises)
        replaced[item.index] = dataclasses.replace(item, text=seen) if isinstance(item, Block) else dataclasses.replace(item, alt=seen)
    if not found:
        return doc, ()
    items = tuple(replaced.get(item.index, item) for item in doc.items)
    headline = replaced.get(doc.headline.index) if doc.headline is not None else None
    bylines = tuple(
        dataclasses.replace(
            byline,
            text=unmask(byline.text, names),
            reading=dataclasses.replace(
                byline.reading, names=tuple(unmask(n, names) for n in byline.reading.names), credit=unmask(byline.reading.credit, names)
            ),
        )
        for byline in doc.bylines
    )
    seen_doc = dataclasses.replace(
        doc,
        spelt_names=names,
        items=items,
        blocks=tuple(item for item in items if isinstance(item, Block)),
        images=tuple(item for item in items if isinstance(item, Image)),
        headline=headline if isinstance(headline, Block) else doc.headline,
        bylines=bylines,
        _memo={},
    )
    return seen_doc, tuple(found)


def source_position(source: str, disguise: Disguise, letter: LookAlike, *, after: int = 0) -> Location | None:
    """Line and column of a look-alike letter in `source` (as `positions.lines_by_lf` gives it), when its word is there as written
    (first looked for from offset `after`, where its block starts)."""
    start = source.find(disguise.word, after)
    if start < 0:
        start = source.find(disguise.word)
    if start < 0:
        return None
    offset = start + (letter.offset - disguise.start)
    return location_at(source, offset)


__all__ = [
    "Disguise",
    "LookAlike",
    "adopt_ascii_look_alikes",
    "as_read",
    "ascii_look_alikes",
    "compat_letter",
    "find_disguises",
    "find_name_disguises",
    "fold_name",
    "latin_letter",
    "plain_letters",
    "read_as_latin",
    "see_through",
    "see_through_document",
    "source_position",
    "unmask",
]
