"""How wide a run of text can be drawn at most, in ems of its font size, without a layout: an
upper bound a character, so that text judged to fit a width surely does (a `::first-line` that
holds a whole byline, a cover over an inline box on one line).

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


@functools.lru_cache(maxsize=1024)
def _character_ems(char: str) -> float:
    """The widest one character is drawn, in ems."""
    found = _EMS.get(char)
    if found is not None:
        return found
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):
        return 0.0  # drawn on the letter before it, or not at all
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    base = unicodedata.normalize("NFD", char)[0]
    return _EMS.get(base, _OTHER_EMS) if base != char else _OTHER_EMS
