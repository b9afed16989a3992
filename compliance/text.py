"""Text normalisation applied to visible text and to the phrases and patterns matched against it."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

# Control characters (C0 but tab and line breaks, and DEL) vanish: Chromium draws each as a box
# inside the word, with no break on either side, and the reader reads the word around it. The
# information separators (\x1c-\x1f) too, though Python's `str.split` and `isspace` take them for
# spaces: Chromium neither breaks a line at them nor collapses them as white space.
DROPPED_CONTROL_CODES = (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F)
_CONTROLS: dict[str, str | None] = dict.fromkeys(map(chr, DROPPED_CONTROL_CODES))

# Typographic quotes become ASCII quotes so that "reporter’s" in an article matches "reporter's" in
# a pack; hyphens and the dashes that join words ("content‑sharing" with a non-breaking hyphen,
# "2020–2024", "−5") become the ASCII hyphen-minus, so a pack's "content-sharing" matches however
# the page typed it (the em dash and the horizontal bar, which set clauses apart, stay); no-break
# and other Unicode spaces become plain spaces; invisible characters (zero-width space/joiners,
# soft hyphen, BOM, and every other invisible format character but the bidirectional controls:
# `is_invisible_format`) disappear because a reader never sees them.
_HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
# The dashes that set clauses apart, which `normalize` keeps: the em dash, the horizontal bar
# (quotation dash), the two- and three-em dashes, the small em dash, the swung dash, the wave and
# wavy dashes, and the vertical forms of the em and en dash (Unicode's Dash property).
_CLAUSE_DASHES = "\u2014\u2015\u2e3a\u2e3b\ufe58\u2053\u301c\u3030\ufe31\ufe32"
# Unicode's dash punctuation that text sets between words and clauses ("Review — By NAME",
# "NAME ― Place", "2020–2024"), and the minus sign typed for one, without the ASCII hyphen-minus:
# every character a pattern that looks for a dash lists (`DASH_CLASS`), so that a dash it has not
# met is not missed by one pattern only.
DASHES = _HYPHENS + _CLAUSE_DASHES
# `DASHES` and the hyphen-minus, escaped for a regular expression's character class.
DASH_CLASS = DASHES + "\\-"
# A dash between words as a pattern: one of `DASHES`, a hyphen-minus, or two hyphen-minuses, which
# typewriter-style copy types for an em dash ("Review -- By NAME").
DASH = rf"(?:--|[{DASH_CLASS}])"
_TRANSLATION = str.maketrans(
    {
        **dict.fromkeys(_HYPHENS, "-"),
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2000": " ",
        "\u2001": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2004": " ",
        "\u2005": " ",
        "\u2006": " ",
        "\u2007": " ",
        "\u2008": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\u1680": " ",
        "\u0085": " ",
        "\u2028": " ",
        "\u2029": " ",
        "\t": " ",
        "\r": " ",
        "\f": " ",
        "\v": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\u00ad": None,
        "\ufeff": None,
        **_CONTROLS,
    }
)
# Each character `_TRANSLATION` replaces, with its replacement ("" for one that disappears).
_REPLACEMENTS: dict[str, str] = {chr(c): (r if isinstance(r, str) else "") for c, r in _TRANSLATION.items()}
# The printable ASCII bytes: what is left of a text's UTF-8 without them is its other characters.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


@functools.cache
def _unicode_properties() -> tuple[Any, Any]:
    """Patterns of Unicode's Default_Ignorable_Code_Point and Bidi_Control properties (the
    `regex` package's tables: the standard library's `unicodedata` has neither)."""
    import regex

    return regex.compile(r"\p{Default_Ignorable_Code_Point}"), regex.compile(r"\p{Bidi_Control}")


@functools.lru_cache(maxsize=4096)
def is_invisible_format(char: str) -> bool:
    """Whether `char` is an invisible format character: Unicode category Cf and
    Default_Ignorable_Code_Point. The soft hyphen, the zero-width space and joiners, the word
    joiner, the byte-order mark, the bidirectional controls (U+200E, U+200F, U+202A-U+202E,
    U+2066-U+2069, U+061C), the invisible operators (U+2061-U+2064), tag characters and the like:
    a reader sees the letters on either side as one word. Not the format characters that show
    (U+0600 ARABIC NUMBER SIGN and the other prepended concatenation marks, the interlinear
    annotation marks, the Egyptian hieroglyph format controls)."""
    return unicodedata.category(char) == "Cf" and _unicode_properties()[0].match(char) is not None


@functools.lru_cache(maxsize=256)
def is_bidi_control(char: str) -> bool:
    """Whether `char` has Unicode's Bidi_Control property (the embeddings, overrides, isolates and
    their pops, and the marks U+200E, U+200F and U+061C)."""
    return _unicode_properties()[1].match(char) is not None


# Characters outside the table that `normalize` has met and keeps; those it drops (invisible
# format characters other than bidirectional controls) join `_REPLACEMENTS` when first met.
_KEPT: set[str] = set()


def _other_replacement(character: str) -> str | None:
    """What `normalize` replaces a character outside its table with: nothing for an invisible
    format character, except a bidirectional control (kept for `compliance.bidi`, which reads the
    order a reader sees and warns of them; detection reads the text without them); None to keep it."""
    if is_invisible_format(character) and not is_bidi_control(character):
        _REPLACEMENTS[character] = ""
        return ""
    if len(_KEPT) < 65536:
        _KEPT.add(character)
    return None


_ASCII_SPACES = str.maketrans({"\t": " ", "\r": " ", "\f": " ", "\v": " ", **_CONTROLS})


def normalize(text: str) -> str:
    """Visible text as a reader perceives it: plain quotes and spaces, one space between words.

    Line breaks (from `<br>` or text lines) are kept as single `\\n`; everything else collapses.
    """
    text = normalize_characters(text)
    # Runs of spaces, and of spaces and line breaks, collapse by str.replace until none is left:
    # a regex (` {2,}`) is tried at every single space of the text, several times slower.
    while "  " in text:
        text = text.replace("  ", " ")
    if "\n" in text:  # most blocks have no line break: one search instead of three
        while " \n" in text or "\n " in text or "\n\n" in text:
            text = text.replace(" \n", "\n").replace("\n ", "\n").replace("\n\n", "\n")
    return text.strip(" \n")


def normalize_characters(text: str) -> str:
    """`normalize` character by character, white space left as it is: plain quotes, dashes and
    spaces, controls as spaces, invisible format characters dropped. A word (a run without white
    space) of `normalize(text)` is a word, or part of one, of this."""
    if text.isascii():
        # An ASCII text has a character to replace only when it has one that is not printable
        # (a control, or the line break, which the translation leaves alone): `isprintable` asks
        # a table per character, several times cheaper than a regex character class.
        if not text.isprintable():
            text = text.translate(_ASCII_SPACES)
    else:
        # str.translate with a mapping costs a dict look-up per character, and a regex character
        # class about as much; most text has only a few distinct characters to replace. Its
        # characters other than printable ASCII are what is left of its UTF-8 once the bytes
        # translation (a table per byte, no look-up) deletes those: ASCII bytes never occur inside
        # another character's encoding. Each one to replace is then replaced throughout: no
        # replacement holds a character to replace, so the order does not matter.
        others = text.encode("utf-8", "surrogatepass").translate(None, _PRINTABLE_ASCII).decode("utf-8", "surrogatepass")
        for character in set(others):
            replacement = _REPLACEMENTS.get(character)
            if replacement is None:
                if character in _KEPT:
                    continue
                replacement = _other_replacement(character)
                if replacement is None:
                    continue
            text = text.replace(character, replacement)
    return text


def normalize_inline(text: str) -> str:
    """Like `normalize`, but line breaks become spaces too (for single-line evidence)."""
    return normalize(text).replace("\n", " ")


# Control characters (C0 but tab and line breaks, DEL, C1), which `normalize` drops from text a
# reader sees, and a private-use plane they stand in for while a shown value is normalised.
_SHOWN_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_STAND_IN = 0xF0000
_STOOD_IN = re.compile("[\U000f0000-\U000f00ff]")


def normalize_inline_keeping_controls(value: str) -> str:
    """`normalize_inline(value)` with its control characters kept where they stand: a value from
    outside (metadata, a CMS payload's field) as a message, help or fix text shows it, for the
    output sanitiser to show each control as it shows any (`\\x1b`, docs/security.md), never
    dropped while the rest of it is shown."""
    if _SHOWN_CONTROL.search(value) is None:
        return normalize_inline(value)
    held = _SHOWN_CONTROL.sub(lambda found: chr(_STAND_IN + ord(found.group())), value)
    return _STOOD_IN.sub(lambda found: chr(ord(found.group()) - _STAND_IN), normalize_inline(held))


def shorten(text: str, limit: int = 120) -> str:
    """A one-line excerpt for evidence and messages, at most `limit` characters: the text itself
    when it fits, else cut at the last word boundary (a space) in its last third and ended with
    "…", so that the quote never ends in half a word or splits a run of the page's punctuation;
    a text with no space there (an address, a long token) is cut at the limit."""
    return excerpt(text, 0, limit)


def excerpt(text: str, start: int, limit: int = 120) -> str:
    """`shorten(text[start:], limit)`, reading only as much of `text` after `start` as the
    excerpt needs: a page that repeats a line thousands of times in one paragraph quotes each
    copy from there, and normalising the whole rest of the paragraph for each made the check's
    time grow with the square of the page. `normalize_inline` works a character at a time but
    for runs of white space, each one space, so the normalised start of the text is the start of
    the normalised text, but for a white-space run cut at its end (stripped): once that start is
    longer than `limit`, the rest cannot change the excerpt. The part read doubles until it is
    (a run of white space or of invisible characters takes more than `limit` characters to
    read), so that the text is read at most about twice."""
    read = max(2 * limit, 256)
    while start + read < len(text):
        head = normalize_inline(text[start : start + read])
        if len(head) > limit:
            return _cut(head, limit)
        read *= 2
    return _cut(normalize_inline(text[start:] if start else text), limit)


def _cut(text: str, limit: int) -> str:
    """`text`, already normalised, cut as `shorten` cuts it."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():
        space = cut.rfind(" ")
        if space >= (limit - 1) * 2 // 3:
            cut = cut[:space]
    return cut.rstrip() + "…"


def quoted(text: str, limit: int = 120) -> str:
    """`shorten(text, limit)` in quotation marks, for a message that quotes the page: double ones,
    or single ones when the excerpt itself opens or closes with a double quotation mark (a quote
    of someone in the story; `shorten` shows typographic marks as straight ones), so that a
    message never reads `(""We are seeing…`."""
    shown = shorten(text, limit)
    return f"'{shown}'" if shown.startswith('"') or shown.rstrip("…").endswith('"') else f'"{shown}"'


# Scripts written without spaces between words: Han, kana, Hangul syllables.
_UNSPACED = ("\u3040-\u30ff", "\u3400-\u4dbf", "\u4e00-\u9fff", "\uf900-\ufaff", "\uac00-\ud7af")


@functools.cache
def _unspaced_letter() -> Any:
    import re

    return re.compile("[" + "".join(_UNSPACED) + "]")


def word_count(text: str) -> int:
    """About how many words `text` has, in any script: the parts white space divides it into that
    hold a letter or a digit (a dash or a quote alone is no word), and, in scripts written without
    spaces (Chinese, Japanese, Korean syllables), one word per two characters, rounded up. A
    paragraph's length in words means the same thing whatever its language."""
    unspaced = _unspaced_letter()
    letters = len(unspaced.findall(text))
    spaced = sum(1 for part in unspaced.sub(" ", text).split() if any(char.isalnum() for char in part))
    return spaced + (letters + 1) // 2


def has_words(text: str, least: int) -> bool:
    """Whether `text` has at least `least` words as `word_count` counts them, counted only as far
    as the answer needs: a check that asks whether a paragraph is long enough to be running text
    asks it of every block of a page, most of them long. (Text all ASCII has no letter of a
    script written without spaces: it is spared that search.)"""
    if least <= 0:
        return True
    if not text.isascii() and _unspaced_letter().search(text) is not None:
        return word_count(text) >= least
    # Only the first few words are split off (the rest is left whole): most texts asked about
    # have the words there. The whole text is split only when they do not.
    head = text.split(None, 2 * least)
    if len(head) <= 2 * least:
        return _words_at_least(head, least)
    return _words_at_least(head[:-1], least) or _words_at_least(text.split(), least)


def _words_at_least(parts: list[str], least: int) -> bool:
    """Whether at least `least` of the parts hold a letter or digit."""
    count = 0
    for part in parts:
        if any(map(str.isalnum, part)):
            count += 1
            if count >= least:
                return True
    return False


def counted(count: int, noun: str) -> str:
    """A count with its noun, the noun taking an "s" but for one: "1 time", "2 times", "0 files".
    (A noun whose plural is not its "s" form is written out where it is counted.)"""
    return f"{count} {noun}{'' if count == 1 else 's'}"


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(number: int) -> str:
    """`number` (1 or more) as the place in a row a sentence gives it: "second" for 2, up to
    "tenth", then "11th", "21st", "102nd"."""
    if number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def listed(names: Sequence[str]) -> str:
    """Items (people, checks, keys) as a sentence lists them, each as written: "Jane Doe", "Jane
    Doe and John Roe", "Jane Doe, John Roe and Ann Lee"; "" for none."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def possessive(name: str) -> str:
    """A name's possessive as English writes it: "ProPublica's", "Jake Smith's"; a name ending in
    an "s" takes the apostrophe alone ("CalMatters'", "KFF Health News'", "Jane Jones'"), as the
    AP Stylebook writes proper names."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"
