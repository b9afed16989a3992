"""How wide a run of text can be drawn at most, and at least, in ems of its font size, without a
layout: an upper bound a character, so that text judged to fit a width surely does (a
`::first-line` that holds a whole byline, a cover over an inline box on one line), and a lower
bound, so that text judged to run past a width surely does (`line_clip`).

Each character of Latin script, digits and common punctuation counts the widest advance Chromium
gives it among the regular and bold faces of the common serif, sans-serif and monospaced families
(DejaVu Sans, Serif and Sans Mono, Liberation Sans, Serif and Mono, which match Verdana, Times,
Arial and Courier in width; measured with a canvas's `measureText`), rounded up to a twentieth of
an em: `i` 0.65 (a monospaced face's 0.6), `a` 0.7, `M` 1.15 (DejaVu Serif Bold). So "By Jake Smith,
Daily Caller News Foundation" counts 30.9em, where Chromium draws it in 18.6em (Liberation Serif)
to 25.1em (DejaVu Sans Bold). A letter with a diacritic counts as its base letter, a wide or
full-width character (Han, kana, Hangul) one em, a mark that joins the letter before it or a
character that is not drawn (a zero-width space) nothing, and any other character 1.2em, the
widest measured. A display face wider than these (an extended one a page loads with `@font-face`)
is not read.

The narrowest (`narrowest_ems`) is the narrowest advance among the same faces, their italics, and
their condensed and narrow forms (DejaVu Sans and Serif Condensed, Liberation Sans Narrow, a twin
of Arial Narrow), rounded down to a twentieth of an em and taken at four fifths, for condensed
faces narrower still: `i` 0.12em, `a` 0.32em, `m` 0.48em; a wide or full-width character 0.5em,
any other 0.1em. A width in `ch` (the advance of "0" in the face that draws the text) is
compared with the narrowest each character is among those faces in `ch` (`narrowest_ch`): `i`
0.3ch, `a` 0.75ch, a digit 0.9ch, at nine tenths of what was measured.

Where the text is surely drawn in one of the common faces (on a page whose CSS names no other
family, no narrower stretch or small capitals, and loads no face of its own: `line_clip`), a run
of text counts the least of its widths in each of the regular, bold, italic and bold italic
forms of those six families alone (condensed ones left out; `common_face_ems`: the ten of them
not at least as wide as another at every character), each character's advance in that face
rounded down to a thousandth of an em, taken at 93% for kerning (which draws a byline's words
up to 4% closer than their advances: "By WAVY Tova, AVA" in Liberation Serif Italic) and faces
of like widths (Arial, Helvetica, Times, Georgia, Verdana, Segoe UI, Roboto, a reader's default).
So "By Nick Pope, Daily Caller News " counts 12.67em, where Chromium draws it in 13.63em
(Liberation Serif Italic) or more, at every size from 11px to 20px (its advances are not
rounded to whole pixels). A character no face measures counts as `narrowest_common_ems` counts
it: the narrowest advance among those faces, each character alone, rounded down to a hundredth of
an em and taken at nine tenths (`i` 0.198em, `a` 0.396em, `m` 0.54em).
"""

from __future__ import annotations

import functools
import unicodedata

# The widest advance measured (see the module's doc), rounded up to 0.05em, and the characters
# that take it.
_WIDEST_EMS = {
    0.65: "cfijlrstxzIJ!\"'()*,-./:;?[\\]_`| \u2013\u2019\u2018",
    0.7: "0123456789aekovy$\u201c\u201d",
    0.75: "bdghnpquFLSTYZ{}",
    0.8: "ACEPVX\u00df",
    0.85: "BR#+<=>^~",
    0.9: "DGKOQU",
    0.95: "wHN&",
    1.0: "\u2014\u2026",
    1.05: "%@",
    1.1: "m\u00c6\u00e6",
    1.15: "MW",
}
_EMS = {char: ems for ems, chars in _WIDEST_EMS.items() for char in chars}
# The widest a character of any other script is counted, in ems (Œ in DejaVu Serif Bold: 1.18).
_OTHER_EMS = 1.2


def widest_ems(text: str, *, capitals: bool = False) -> float:
    """The widest `text` is drawn on one line, in ems of its font size: its runs of white space
    collapsed to one space and its ends trimmed, each character counted at its widest (see the
    module's doc); `capitals`: as capital letters (`text-transform: uppercase`, small caps)."""
    collapsed = " ".join(text.split())
    if capitals:
        collapsed = collapsed.upper()
    return sum(_character_ems(char) for char in collapsed)


def _measured_ems(char: str, table: dict[str, float], wide: float, other: float) -> float:
    """One character's advance in ems from a `table` of measured ones: a letter with a diacritic
    as its base letter; nothing for a mark that joins the letter before it or a character that is
    not drawn; `wide` for a wide or full-width one, `other` for any other not measured."""
    found = table.get(char)
    if found is not None:
        return found
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0  # drawn on the letter before it, or not at all
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return wide
    base = unicodedata.normalize("NFD", char)[0]
    return table.get(base, other) if base != char else other


@functools.lru_cache(maxsize=1024)
def _character_ems(char: str) -> float:
    """The widest one character is drawn, in ems."""
    return _measured_ems(char, _EMS, 1.0, _OTHER_EMS)


# The narrowest advance measured (see the module's doc), rounded down to 0.05em, and the
# characters that take it; read at `_CONDENSED` of it.
_NARROWEST_EMS = {
    0.15: "ijl'",
    0.2: "ftI!,./:;[\\]| ",
    0.25: 'rJ"()-`{}',
    0.3: "*",
    0.35: "sz^",
    0.4: "acekvxy?_",
    0.45: "0123456789bdghnopquL#$+<=>~",
    0.5: "ABEFKPSTVXYZ&",
    0.55: "wCDHNRU",
    0.6: "mGMOQW%@",
}
_CONDENSED = 0.8
_NARROW = {char: ems * _CONDENSED for ems, chars in _NARROWEST_EMS.items() for char in chars}
_OTHER_NARROWEST_EMS = 0.1
_WIDE_NARROWEST_EMS = 0.5


@functools.lru_cache(maxsize=1024)
def narrowest_ems(char: str) -> float:
    """The narrowest one character is drawn, in ems (see the module's doc): a letter with a
    diacritic as its base letter; nothing for a mark that joins the letter before it or a
    character that is not drawn."""
    return _measured_ems(char, _NARROW, _WIDE_NARROWEST_EMS, _OTHER_NARROWEST_EMS)


# The narrowest advance measured in `ch` (that of "0" in the same face), rounded down to 0.05ch,
# and the characters that take it; read at `_CH_MARGIN` of it.
_NARROWEST_CH = {
    0.3: "'",
    0.35: "ijl",
    0.4: "|",
    0.45: "ftIJ!,./:;[\\] ",
    0.5: "-",
    0.55: "r()`",
    0.6: '"{}',
    0.65: "*",
    0.7: "_",
    0.75: "sz",
    0.8: "vy?^",
    0.85: "acekxL",
    0.9: "goFP",
    0.95: "bdhnpquESTY",
    1.0: "0123456789mwABCDGHKMNOQRUVWXZ#$%&+<=>@~",
}
_CH_MARGIN = 0.9
_NARROW_CH = {char: ch * _CH_MARGIN for ch, chars in _NARROWEST_CH.items() for char in chars}


@functools.lru_cache(maxsize=1024)
def narrowest_ch(char: str) -> float:
    """The narrowest one character is drawn, in `ch` of its face (see the module's doc); any
    character not measured at a fifth of its narrowest in ems."""
    found = _NARROW_CH.get(char)
    if found is not None:
        return found
    base = _base_letter(char)
    return _NARROW_CH.get(base, narrowest_ems(char) / 5) if base else 0.0


def _base_letter(char: str) -> str:
    """The letter a character with a diacritic is drawn on ("e" for "é"; the character itself
    when it has none), "" for a mark that joins the letter before it or a character that is not
    drawn (Unicode categories Mn, Me, Cf)."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return ""
    return unicodedata.normalize("NFD", char)[0]


# The narrowest advance among the regular, bold, italic and bold italic forms of the six common
# families (see the module's doc), rounded down to 0.01em, and the characters that take it; read
# at `_COMMON_MARGIN` of it.
_COMMON_NARROWEST_EMS = {
    0.18: "'",
    0.2: "|",
    0.22: "ijl\u2018\u2019",
    0.25: " ,.",
    0.27: "!/:;I[\\]ft",
    0.29: "J",
    0.33: "()-`r{}\u201c\u201d",
    0.35: '"',
    0.38: "*sz",
    0.42: "^",
    0.44: "?acekvxy",
    0.5: "#$0123456789S_bdghnopqu\u00df\u2013",
    0.52: "~",
    0.55: "FLPTYZ",
    0.56: "+<=>",
    0.6: "%&@ABCDEGHKMNOQRUVWXmw\u00c6\u00e6\u2014\u2026",
}
_COMMON_MARGIN = 0.9
_COMMON = {char: ems * _COMMON_MARGIN for ems, chars in _COMMON_NARROWEST_EMS.items() for char in chars}


@functools.lru_cache(maxsize=1024)
def narrowest_common_ems(char: str) -> float:
    """The narrowest one character is drawn in the common faces, in ems (see the module's doc): a
    letter with a diacritic as its base letter; nothing for a mark that joins the letter before
    it or a character that is not drawn; any other character as `narrowest_ems` counts it."""
    if char in _COMMON:
        return _COMMON[char]
    base = _base_letter(char)
    if not base:
        return 0.0
    return _COMMON[base] if base != char and base in _COMMON else narrowest_ems(char)


# The advance of each of `_FACE_CHARACTERS` in each of the common faces that is not at least as
# wide as another at every one of them (the rest never draw text narrower), measured as above at
# 1000px and rounded down to a thousandth of an em, two base-36 digits a character.
_FACE_CHARACTERS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2013\u2014\u2018\u2019\u201c\u201d\u2026\xdf\xe6\xc6"
)
_FACE_ADVANCES = (
    (
        "DejaVu Sans",
        "8tb4crn9hoqeln7mauaudwn98ta08t9chohohohohohohohohoho9c9cn9n9n9eqrsj0j2jelehjfzlikv8686i7fhnykslvgrlvjahmg"
        "ykbj0rgj1gyj1au9caun9dwdwh0hmf9hmh39shmhl7p7pg37pr2hlgzhmhmbfegawhlgfmpgfgfekho9chon9dwrs8t8teeeershhr9r2",
    ),
    (
        "DejaVu Sans Bold Italic",
        "9ocoegjbjbrto88icpcpein9ajbjaja5jbjbjbjbjbjbjbjbjbjbb3b3n9n9n9g4rslhl6kdn2izizmsn8acaclihprnn8nmkcnmlek0i"
        "ymklhunlek4k5cpa5cpn9dwdwiqjvggjviuc3jvjr9i9iih9isxjrj3jvjvdpgjdajri3pnhxi3g6jra5jrn9dwrsajajhwhwrsjzt3u4",
    ),
    (
        "DejaVu Serif",
        "8tb5crn9hoqeoq7mauaudwn98t9d8t9chohohohohohohohohoho9c9cn9n9n9ewrsk2kel9m9k9j9m6o8azb4krigsfobmriomrkwj1i"
        "inek2sjjricjaau9caun9dwdwgkhsfkhsgfaahshw8v8mgt8vqchwgqhshsdae9b5hwfonrfnfoemho9chon9dwrs8t8te7e7rsijq3rs",
    ),
    (
        "Liberation Sans",
        "7p7p9ufgfgopii5a9999atg77p997p7pfgfgfgfgfgfgfgfgfgfg7p7pg7g7g7fgs7iiiik2k2iigyllk27pdwiifgn5k2lliillk2iig"
        "yk2iiq7iiiigy7p7p7pd1fg99fgfgdwfgfg7pfgfg6666dw66n5fgfgfgfg99dw7pfgdwk2dwdwdw997799g7fgrs66669999rsgyoprs",
    ),
    (
        "Liberation Sans Bold",
        "7p99d6fgfgopk26l9999atg77p997p7pfgfgfgfgfgfgfgfgfgfg9999g7g7g7gyr3k2k2k2k2iigyllk27pfgk2gyn5k2lliillk2iig"
        "yk2iiq7iiiigy997p99g7fg99fggyfggyfg99gygy7p7pfg7popgygygygyatfg99gyfgllfgfgdwat7ratg7fgrs7p7pdwdwrsgyoprs",
    ),
    (
        "Liberation Serif",
        "6y99bcdwdwn5ll509999dwfn6y996y7pdwdwdwdwdwdwdwdwdwdw7p7pfnfnfncbpkk2iiiik2gyfgk2k299atk2gyopk2k2fgk2iifgg"
        "yk2k2q7k2k2gy997p99d1dw99cbdwcbdwcb99dwdw7p7pdw7plldwdwdwdw99at7pdwdwk2dwdwcbdb5kdbf1dwrs9999cbcbrsdwiiop",
    ),
    (
        "Liberation Serif Bold",
        "6y99ffdwdwrsn57p9999dwft6y996y7pdwdwdwdwdwdwdwdwdwdw9999ftftftdwpuk2iik2k2iigyllllatdwlliiq7k2llgyllk2fgi"
        "ik2k2rsk2k2ii997p99g5dw99dwfgcbfgcb99dwfg7p99fg7pn5fgdwfgfgcbat99fgdwk2dwdwcbay64ayegdwrs9999dwdwrsfgk2rs",
    ),
    (
        "Liberation Serif Italic",
        "6y99bndwdwn5ll5x9999dwiq6y996y7pdwdwdwdwdwdwdwdwdwdw9999iqiqiqdwpjgygyiik2gygyk2k299cbiifgn5iik2gyk2gydwf"
        "gk2gyn5gyfgfgat7patbpdw99dwdwcbdwcb7pdwdw7p7pcb7pk2dwdwdwdwatat7pdwcbiicbcbatb37mb3f1dwop9999fgfgopdwiiop",
    ),
    (
        "Liberation Serif Bold Italic",
        "6yatffdwdwn5ll7p9999dwft6y996y7pdwdwdwdwdwdwdwdwdwdw9999ftftftdwn4iiiiiik2iiiik2llatdwiigyopk2k2gyk2iifgg"
        "yk2iiopiigygy997p99ftdw99dwdwcbdwcb99dwfg7p7pdw7pllfgdwdwdwatat7pfgcbiidwcbat9o649oftdwrs9999dwdwrsdwk2q7",
    ),
    (
        "Liberation Mono",
        "gogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogog"
        "ogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogogo",
    ),
)
# What the narrowest of those faces draws text in is read at this share of it: kerning draws a
# byline's words up to 4% closer than its characters' advances ("By WAVY Tova, AVA" in
# Liberation Serif Italic, the most measured), and faces of like widths a little narrower still.
_FACE_MARGIN = 0.93


def _face_table() -> dict[str, tuple[float, ...]]:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    faces = [[(digits.index(code[at]) * 36 + digits.index(code[at + 1])) / 1000 * _FACE_MARGIN for at in range(0, len(code), 2)] for _, code in _FACE_ADVANCES]
    return {char: tuple(face[place] for face in faces) for place, char in enumerate(_FACE_CHARACTERS)}


_FACES = _face_table()


@functools.lru_cache(maxsize=1024)
def common_face_ems(char: str) -> tuple[float, ...]:
    """One character's advance in each of the common faces (`_FACE_ADVANCES`), in ems, at
    `_FACE_MARGIN` of it: a run of text is drawn no narrower than the least of their sums. A
    letter with a diacritic counts as its base letter, a mark that joins the letter before it or
    a character that is not drawn nothing, any other as `narrowest_common_ems` counts it in each."""
    found = _FACES.get(char)
    if found is not None:
        return found
    base = _base_letter(char)
    if base and base != char and base in _FACES:
        return _FACES[base]
    return (narrowest_common_ems(char),) * len(_FACE_ADVANCES)
