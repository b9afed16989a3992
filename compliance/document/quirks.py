"""Quirks mode: a page without a doctype, or with an old one, is rendered in quirks mode (HTML,
13.2.6.4.1, "the initial insertion mode"), where class and ID selectors match case-insensitively
(Selectors 4, 6.6 and 6.7: `.BRAND` matches `class="brand"`). In no-quirks and limited-quirks
mode (`<!doctype html>`, XHTML 1.0 Transitional) they match case-sensitively.

libxml2 gives a page without a doctype the HTML 4.0 Transitional one, which is itself a quirks
doctype: such a page reads as in quirks mode, as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from compliance.firstuse import on_first_use

# The public identifiers that put a page in quirks mode: these prefixes (ASCII case-insensitive)…
_QUIRKS_PREFIXES = tuple(
    p.lower()
    for p in (
        "+//Silmaril//dtd html Pro v0r11 19970101//",
        "-//AS//DTD HTML 3.0 asWedit + extensions//",
        "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
        "-//IETF//DTD HTML",
        "-//Metrius//DTD Metrius Presentational//",
        "-//Microsoft//DTD Internet Explorer 2.0 ",
        "-//Microsoft//DTD Internet Explorer 3.0 ",
        "-//Netscape Comm. Corp.//DTD HTML//",
        "-//Netscape Comm. Corp.//DTD Strict HTML//",
        "-//O'Reilly and Associates//DTD HTML ",
        "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
        "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
        "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
        "-//Spyglass//DTD HTML 2.0 Extended//",
        "-//Sun Microsystems Corp.//DTD HotJava HTML//",
        "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
        "-//W3C//DTD HTML 3 1995-03-24//",
        "-//W3C//DTD HTML 3.2",
        "-//W3C//DTD HTML 4.0 Frameset//",
        "-//W3C//DTD HTML 4.0 Transitional//",
        "-//W3C//DTD HTML Experimental 19960712//",
        "-//W3C//DTD HTML Experimental 970421//",
        "-//W3C//DTD W3 HTML//",
        "-//W3O//DTD W3 HTML 3.0//",
        "-//WebTechs//DTD Mozilla HTML",
    )
)
# …these whole identifiers…
_QUIRKS_IDS = frozenset({"-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html"})
# …and these prefixes when the doctype gives no system identifier.
_QUIRKS_WITHOUT_SYSTEM_ID = ("-//w3c//dtd html 4.01 frameset//", "-//w3c//dtd html 4.01 transitional//")
_QUIRKS_SYSTEM_ID = "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"


def in_quirks_mode(root: Any) -> bool:
    """True when the page whose parsed root is `root` is rendered in quirks mode (see above)."""
    info = root.getroottree().docinfo
    if not info.doctype or (info.root_name or "").lower() != "html":
        return True
    public = (info.public_id or "").lower()
    system = (info.system_url or "").lower()
    if public in _QUIRKS_IDS or public.startswith(_QUIRKS_PREFIXES) or system == _QUIRKS_SYSTEM_ID:
        return True
    return not system and public.startswith(_QUIRKS_WITHOUT_SYSTEM_ID)


# A class or ID selector's name (as `visibility` finds them), not after a name character (`a.b`
# is found, the `.5` of `0.5em` is not a name: a name starting with a digit is not one).
_NAME = on_first_use(r"([.#])((?:[-\w]|[^\x00-\x7f])+)")


def with_page_spelling(sheets: Sequence[str], root: Any) -> list[str]:
    """The sheets with each class and ID selector's name spelt as the page spells it where they
    differ only in case (`.BRAND` → `.brand`), so that matching them case-sensitively matches
    them as quirks mode does. A name the page spells two ways keeps the first of them in
    alphabetical order (such a selector matches the elements of that spelling only)."""
    if not any(_NAME().search(sheet) for sheet in sheets):
        return list(sheets)
    spellings = {".": _spellings(v for value in root.xpath("//@class") for v in str(value).split()), "#": _spellings(str(v) for v in root.xpath("//@id"))}

    def respelt(match: re.Match[str]) -> str:
        kind, name = match.group(1), match.group(2)
        found = spellings[kind].get(name.lower())
        return match.group(0) if found is None or name in found else kind + min(found)

    return [_NAME().sub(respelt, sheet) for sheet in sheets]


def _spellings(names: Iterable[str]) -> Mapping[str, set[str]]:
    """Each name the page uses, by its lower-case form."""
    found: dict[str, set[str]] = {}
    for name in names:
        found.setdefault(name.lower(), set()).add(name)
    return found


# The hashless hex colour quirk (Quirks Mode, 3.3): in quirks mode `color` and `background-color`
# (and the border colours, which hide no text) take a hex colour written without its `#`, as one
# ident (`ffffff`, `fff`), an integer (`123` is `#000123`) or an integer with a unit of hex digits
# (`0fff00`); not in a shorthand (`background: ffffff` is refused). The value a declaration of one
# of them may hold, up to its end or its `!important`.
_HASHLESS = on_first_use(r"(?<![\w-])((?:background-)?color\s*:\s*)(\+?[0-9a-z]{1,7})(?=\s*(?:!\s*important\s*)?(?:;|\}|$))", re.IGNORECASE)


def with_hashed_colours(text: str) -> str:
    """A stylesheet's or a `style` attribute's text with each hashless hex colour of `color` and
    `background-color` written with its `#`, as a page in quirks mode reads it (the text itself
    when it holds none)."""
    if _HASHLESS().search(text) is None:
        return text
    return _HASHLESS().sub(_hashed, text)


def _hashed(match: re.Match[str]) -> str:
    digits = quirky_hex(match.group(2))
    return match.group(0) if digits is None else f"{match.group(1)}#{digits}"


_HEX = re.compile(r"[0-9a-f]+", re.IGNORECASE)
_INTEGER_THEN_HEX = on_first_use(r"\+?([0-9]+)((?:[a-f][0-9a-f]*)?)", re.IGNORECASE)
# A number with an exponent (`1e3` is 1000), which is no integer.
_EXPONENT = re.compile(r"\+?[0-9]+e[+-]?[0-9]", re.IGNORECASE)


def quirky_hex(value: str) -> str | None:
    """The hex digits a hashless colour stands for (Quirks Mode, 3.3): an ident of 3 or 6 hex
    digits as written; an integer, or an integer with a unit of hex digits, padded with zeros to
    6 (`123` is `000123`); None for anything else (`ff`, `12px`, `1e3`, 8 digits)."""
    if value[0].isalpha():
        return value if len(value) in (3, 6) and _HEX.fullmatch(value) else None
    found = _INTEGER_THEN_HEX().fullmatch(value)
    if found is None or _EXPONENT.match(value):
        return None
    digits = found.group(1) + found.group(2)
    return digits.zfill(6) if len(digits) <= 6 else None


def hash_colours_of_style_attributes(root: Any) -> None:
    """Write each `style` attribute of the page under `root` with its hashless hex colours given
    their `#` (`with_hashed_colours`), as a page in quirks mode reads them: every reading of the
    attributes then reads the colours (the attributes of a page without one are left alone)."""
    if _HASHLESS().search(" ".join(root.xpath("//@style", smart_strings=False))) is None:
        return
    for element in root.xpath("//*[@style]"):
        value = element.get("style")
        rewritten = with_hashed_colours(value)
        if rewritten is not value:
            element.set("style", rewritten)
