"""Words quoted as the page writes them: the control characters a reader reads through (C0 but
tab and line breaks, and DEL), which the document's text leaves out, shown in the output
sanitiser's visible form (`\\x1b`) in evidence and reasons, never raw and never dropped, so an
editor sees what the checker read ("Ja\\x1bke", `fidelity`'s "rej\\x1bected")."""

from __future__ import annotations

import re

from compliance.document import Document
from compliance.findings import Location
from compliance.firstuse import on_first_use
from compliance.text import DASHES, DROPPED_CONTROL_CODES

# The control characters `normalize` drops from a word (C0 but tab and line breaks, DEL): a
# reader reads the word around them, so words are compared without them, but evidence shows
# them, in the output sanitiser's visible form.
_DROPPED_CONTROLS = "[\x00-\x08\x0b\x0e-\x1f\x7f]"
# The same characters written as numeric character references (`&#x1b;`, `&#27;`), which HTML
# and Markdown decode to them (NUL to U+FFFD, which is no control): the source writes the
# reference, the text the character.
_CONTROL_REFERENCE = "&#(?:[xX]0*(?:[1-8bBeEfF]|1[0-9a-fA-F]|7[fF])|0*(?:[1-8]|11|1[4-9]|2[0-9]|3[01]|127));"
_CONTROL = f"(?:{_DROPPED_CONTROLS}|{_CONTROL_REFERENCE})"
_HAS_CONTROL = on_first_use(_CONTROL)
_HAS_CONTROL_REFERENCE = on_first_use(_CONTROL_REFERENCE)
# `_DROPPED_CONTROLS` as bytes, which a page's UTF-8 holds only as those characters: ASCII bytes
# never occur inside another character's encoding.
_DROPPED_CONTROL_BYTES = bytes(DROPPED_CONTROL_CODES)
_REFERENCE = on_first_use("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
# How far past the previous word (in characters of the source) a word is looked for: markup
# between two words ("</a> <em>") is short.
_WORD_REACH = 200
# The punctuation around a word, which markup may stand between ("<em>word</em>,").
AROUND_WORD = ".,;:!?\"'“”‘’()[]{}" + DASHES


def writes_controls(doc: Document) -> bool:
    """Whether the page's source writes a control character that its text leaves out, or a
    reference to one: memoised per document. (The characters are found by deleting them from the
    source's UTF-8, a table per byte, and the references by a search from their literal "&#": the
    regex of both tries its alternation at each character, several times the page's parse.)"""
    if doc._memo.get("written-controls") is None:
        utf8 = doc.source_utf8
        doc._memo["written-controls"] = len(utf8.translate(None, _DROPPED_CONTROL_BYTES)) != len(utf8) or (
            _HAS_CONTROL_REFERENCE().search(doc.source) is not None
        )
    return bool(doc._memo["written-controls"])


def words_as_written(doc: Document, where: Location, words: list[str]) -> list[str] | None:
    """The words of a text of the page (`words`, as read: without control characters) that starts
    at `where`, as evidence shows them: a word written with a control character inside it
    ("con\\x1btract", or as a reference, "con&#x1b;tract") with that character in the visible form
    of `compliance.display` (`\\x1b`); one string per word. None when the page's source writes no
    such character (`writes_controls`)."""
    from compliance.display import visible
    from compliance.document.positions import offset_at

    if not writes_controls(doc):
        return None
    source = doc.lines_source
    position = offset_at(source, where.line, where.column)
    shown: list[str] = []
    for word in words:
        # The word without the punctuation around it, which markup may stand between ("<em>word</em>,").
        core = word.strip(AROUND_WORD)
        pattern = f"{_CONTROL}*".join(("", *(re.escape(char) for char in core), ""))
        found = re.compile(pattern).search(source, position, position + len(word) * 2 + _WORD_REACH) if core else None
        if found is None:
            shown.append(word)
            continue
        position = found.end()
        shown.append(word.replace(core, visible(_decoded(found.group())), 1) if _HAS_CONTROL().search(found.group()) else word)
    return shown


def _decoded(written: str) -> str:
    """A word as the source writes it, with its numeric character references as the characters
    they stand for ("rej&#x1b;ected" → "rej\x1bected"), which the output sanitiser then shows."""
    return _REFERENCE().sub(lambda found: chr(int(found.group(1), 16) if found.group(1) else int(found.group(2))), written)
