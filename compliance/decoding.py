"""Bytes to text: BOM (unless the bytes after a UTF-16/32 one are UTF-8), UTF-16/32 recognised
without one, then a declared charset that fits the bytes, then UTF-8, then a detector
(charset-normalizer) for undeclared non-Latin text, then cp1252.

A guessed encoding is said so: its reason starts with `GUESSED` and the report carries a
`decoded-as` notice, because a wrong guess garbles names (a byline in mojibake)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""",
    re.IGNORECASE,
)
# Per the HTML standard these labels all mean windows-1252, which is a superset that browsers use.
_WINDOWS_1252_ALIASES = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})
# Encodings a page may declare and that read ASCII as ASCII (the WHATWG Encoding Standard's
# legacy single- and multi-byte encodings, as Python names them). A declaration of anything else
# (EBCDIC, UTF-7, punycode, codecs that are not text encodings) is ignored, as browsers do.
_DECLARABLE = frozenset(
    """utf-8 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 iso8859-2
    iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8 iso8859-10 iso8859-13 iso8859-14
    iso8859-15 iso8859-16 koi8-r koi8-u mac-roman mac-cyrillic gbk gb18030 gb2312 big5 big5hkscs
    euc_jp shift_jis cp932 euc_kr cp949 cp866 iso2022_jp""".split()
)
_PRESCAN_BYTES = 4096
GUESSED = "guessed: "
# How the reason ends for a page that declares a single-byte charset and whose bytes are UTF-8.
_UTF8_WORDS = "UTF-8; read as UTF-8"
# What a detector's answer is trusted for: the multi-byte East Asian encodings, whose byte
# sequences are distinctive, and the non-Latin single-byte encodings of the web, when the text is
# long enough. Anything else (a Western page; charset-normalizer then hesitates between cp1250,
# cp1252 and DOS code pages) is read as windows-1252, as browsers do.
_MULTI_BYTE = frozenset(
    """shift_jis cp932 euc_jp euc_jis_2004 euc_jisx0213 iso2022_jp gb2312 gbk gb18030 hz big5 big5hkscs cp950
    euc_kr cp949 johab iso2022_kr""".split()
)
_NON_LATIN = frozenset("cp1251 koi8_r koi8_u iso8859_5 mac_cyrillic cp1253 iso8859_7 cp1255 iso8859_8 cp1256 iso8859_6 cp874 tis_620".split())
_MIN_NON_ASCII = 16


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how the encoding was chosen (shown with `--debug` and in JSON notices)."""

    text: str
    encoding: str
    reason: str
    # The document's own bytes when they are `text` in UTF-8 (else None): what reads the page as
    # UTF-8 (the prefilter) takes them as they are, rather than encoding the text again.
    utf8: bytes | None = field(default=None, repr=False, compare=False)


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset>`, http-equiv or XML declaration)."""
    match = _DECLARED.search(data, 0, _PRESCAN_BYTES)
    if match is None:
        return None
    name = text_encoding((match.group(1) or match.group(2)).decode("ascii", "replace"))
    if name is not None and name.startswith(("utf-16", "utf-32")):
        # A page that was readable as ASCII to find this declaration is not UTF-16.
        return "utf-8"
    return name


def text_encoding(label: str) -> str | None:
    """The Python codec name a charset label stands for, or None when the label names no text
    encoding a page may be written in: the one rule for a `<meta charset>`, an XML declaration
    and an HTTP `Content-Type` charset.

    Accepted: the encodings of `_DECLARABLE` (windows-1252 for its HTML aliases) and UTF-16/32.
    Refused: unknown labels and codecs that are not text encodings (`rot13`, `hex`, `base64`,
    `zlib`), or that no browser reads a page in (`idna`, `undefined`, UTF-7, EBCDIC)."""
    try:
        name = codecs.lookup(label.strip()).name
    except (LookupError, ValueError):  # ValueError: a label with a NUL in it
        return None
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if name in _DECLARABLE or name.startswith(("utf-16", "utf-32")):
        return name
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):
        return None


def _is_ascii(data: bytes) -> bool:
    return data.isascii()


def decode_bytes(data: bytes) -> Decoded:
    """Decode a document the way a careful reader would, never failing.

    Order: BOM → declared charset (kept only if the bytes decode cleanly with it, and a
    single-byte declaration loses to bytes that are valid multi-byte UTF-8) → strict UTF-8 →
    UTF-8 mixed with cp1252 (repaired with bs4's detwingle) → declared and mostly UTF-8, its stray
    bytes read as U+FFFD as browsers read them (`_mostly_utf8`) → charset-normalizer, trusted for East
    Asian multi-byte and non-Latin single-byte text → cp1252 (undefined bytes as latin-1).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if contradicted_mark(data) is not None:
                return _mark_contradicted(body, encoding)
            return Decoded(body.decode(encoding, "replace"), encoding, "byte-order mark")
    wide = wide_unicode(data)
    if wide is not None:
        return Decoded(data.decode(wide, "replace"), wide, f"{GUESSED}{wide.upper()} without a byte-order mark (NUL byte pattern)")

    utf8 = _strict(data, "utf-8")
    declared = declared_encoding(data)
    if declared is not None:
        text = utf8 if declared == "utf-8" else _strict(data, declared)
        if text is not None:
            single_byte = codecs.lookup(declared).name != "utf-8" and declared not in {
                "gb18030",
                "big5",
                "shift_jis",
                "euc_jp",
                "euc_kr",
                "gbk",
                "gb2312",
            }
            if single_byte and utf8 is not None and not _is_ascii(data):
                # Read as UTF-8 (a server's header most likely said so), but a guess: a browser
                # that gets no charset from the server reads the declared one, and garbles.
                return Decoded(utf8, "utf-8", f"{GUESSED}declared {declared}, but the bytes are {_UTF8_WORDS}", data)
            return Decoded(text, declared, "declared charset", data if utf8 is not None and text == utf8 else None)
    if utf8 is not None:
        return Decoded(utf8, "utf-8", "valid UTF-8", data)
    repaired = _detwingle(data)
    if repaired is not None:
        return Decoded(repaired, "utf-8", "UTF-8 mixed with cp1252, repaired")
    # Only a page that declares UTF-8, which a browser then reads as UTF-8 whatever its bytes (one
    # that declares nothing is read by a guess, one that declares another charset by it).
    loose = _mostly_utf8(data) if declared == "utf-8" else None
    if loose is not None:
        return Decoded(loose, "utf-8", "UTF-8 with bytes that are not (shown as \ufffd, as browsers show them)")
    detected = _detect(data)
    if detected is not None:
        return detected
    # A declared charset the bytes do not decode in is said as such: asking the editor to declare
    # one would send them looking for what is already there.
    said = f"declared {declared}, but the bytes are not" if declared is not None else "not UTF-8"
    return Decoded(_decode_cp1252(data), "cp1252", f"{GUESSED}{said}; read as cp1252")


# Words of the reason of a text read against its byte-order mark (`_mark_contradicted`), whose
# notice asks for the mark to be removed rather than for a charset to be declared.
MARK_CONTRADICTED = "byte-order mark, but the bytes after it are not"
# How much of a file's start `contradicted_mark` reads: the longest mark and 4 KB after it.
MARK_HEAD = 4 + _PRESCAN_BYTES
_MARK_NAMES = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE"}


def contradicted_mark(head: bytes) -> tuple[str, int] | None:
    """When `head` (a file's first bytes, `MARK_HEAD` of them are enough) starts with a UTF-16 or
    UTF-32 byte-order mark that the bytes after it contradict: the encoding the mark names
    (`UTF-32LE`) and the mark's length in bytes; None otherwise. Contradicted: no NUL byte in
    those bytes (text in UTF-16 or UTF-32 has one in each ASCII character it holds: markup,
    spaces, line breaks; every UTF-32 character has one) and valid UTF-8 there. After a UTF-16
    mark, also as UTF-8 text with no control character, and either `_LEAST_CONTRADICTING` bytes
    long or starting as markup or JSON does: a few characters of UTF-16 text outside ASCII ("ā" is
    01 01, "中" is 2D 4E) are valid UTF-8 too, while UTF-16 text that long without one ASCII
    character and reading as UTF-8 text is no real text. Only a file with such a mark pays the
    test."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            body = head[len(bom) : len(bom) + _PRESCAN_BYTES]
            if encoding == "utf-8" or not body or b"\x00" in body or not _is_utf8(body):
                return None
            if encoding.startswith("utf-16") and (_CONTROL_BYTE.search(body) or (len(body) < _LEAST_CONTRADICTING and body.lstrip()[:1] not in _MARKUP_STARTS)):
                return None
            return _MARK_NAMES[encoding], len(bom)
    return None


# How many bytes after a UTF-16 mark must read as UTF-8 text for the mark to be contradicted,
# unless they start as a page's markup or a JSON payload does.
_LEAST_CONTRADICTING = 64
_MARKUP_STARTS = (b"<", b"{", b"[")
# A control character in UTF-8 text (tab, line feed, form feed and carriage return aside).
_CONTROL_BYTE = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def _mark_contradicted(body: bytes, mark: str) -> Decoded:
    """Bytes after a UTF-16 or UTF-32 byte-order mark that are UTF-8 (`contradicted_mark`; a file
    saved as UTF-8 behind a stray mark, FF FE 00 00 pasted in front): read as a file without the mark
    is (`decode_bytes`), its reason a guess that says so and what to do, for the `decoded-as`
    notice. Read with the mark's encoding, the text would be CJK or U+FFFD throughout, with no
    word saying why the article matched nothing."""
    read = decode_bytes(body)
    name = _MARK_NAMES[mark]
    reason = f"{GUESSED}a {name} {MARK_CONTRADICTED} {name}; read as {read.encoding.upper()}"
    return Decoded(read.text, read.encoding, reason, read.utf8)


def decoded_as_message(reason: str) -> str | None:
    """The message of the `decoded-as` notice for a document decoded for `reason`
    (`Decoded.reason`), with what to do; None when its encoding was not guessed."""
    if not reason.startswith(GUESSED):
        return None
    said = reason.removeprefix(GUESSED)
    if MARK_CONTRADICTED in said:
        return f"encoding guessed ({said}); remove the byte-order mark from the file's first bytes, or save the file in the encoding the mark names"
    if said.endswith(_UTF8_WORDS):
        return (
            f'encoding guessed ({said}); declare UTF-8 (<meta charset="utf-8">): a browser that gets no charset from the server'
            " reads the page in the one it declares, its letters outside ASCII as two or three characters each"
        )
    if said.startswith("declared "):
        return f"encoding guessed ({said}); save the file in the charset it declares, or declare the one it is saved in"
    return f"encoding guessed ({said}); declare the charset if names look wrong"


def as_decoded(data: bytes | str | Decoded) -> Decoded:
    """A document's text however it is given: bytes are decoded (`decode_bytes`), text is taken as
    it is, and text already decoded keeps how its encoding was chosen."""
    if isinstance(data, Decoded):
        return data
    if isinstance(data, str):
        return Decoded(data, "utf-8", "text given")
    return decode_bytes(data)


# How many bytes of a page `is_utf8` reads at a time: the text each piece decodes to is freed before
# the next is decoded, so the same little memory serves them all.
_UTF8_PIECE = 16384


def is_utf8(data: bytes) -> bool:
    """Whether `data` is UTF-8 as strict decoding reads it (lone surrogates refused), found without
    decoding it into one text: piece by piece, each cut before a character's first byte. Valid
    pieces join into valid UTF-8, so the answer is the whole's. (A 100 KB page with one 'ễ'
    decodes to 200 KB of two-byte characters, which a page no pack matches never reads.)"""
    if data.isascii():
        return True
    view = memoryview(data)
    start, end = 0, len(data)
    while start < end:
        cut = min(start + _UTF8_PIECE, end)
        # On over continuation bytes (0b10xxxxxx) to the next character's first byte: a character
        # has at most three of them (were there more, the page is not UTF-8, wherever it is cut).
        for _ in range(3):
            if cut == end or not 0x80 <= data[cut] < 0xC0:
                break
            cut += 1
        try:
            str(view[start:cut], "utf-8")
        except UnicodeDecodeError:
            return False
        start = cut
    return True


def reads_as_utf8(data: bytes) -> bool:
    """Whether `decode_bytes` reads `data` as UTF-8 with no guess, its `utf8` the bytes themselves,
    told without decoding them: no byte-order mark, not UTF-16 or UTF-32 by its NUL bytes, UTF-8
    (`is_utf8`), and no charset declared but UTF-8. False also for some pages `decode_bytes` reads
    so (one that declares a single-byte charset), which are then decoded as before."""
    if any(data.startswith(bom) for bom, _encoding in _BOMS) or wide_unicode(data) is not None:
        return False
    return declared_encoding(data) in (None, "utf-8") and is_utf8(data)


def _detect(data: bytes) -> Decoded | None:
    """charset-normalizer's reading of undeclared non-UTF-8 bytes, unless it is a Western
    single-byte encoding (those are read as cp1252, as browsers do)."""
    from charset_normalizer import from_bytes  # imported here: only undeclared non-UTF-8 pages need it

    if sum(1 for byte in data[: _PRESCAN_BYTES * 16] if byte > 127) < _MIN_NON_ASCII:
        return None
    best = from_bytes(data[: 256 * 1024]).best()
    if best is None or best.encoding not in _MULTI_BYTE | _NON_LATIN:
        return None
    text = _strict(data, best.encoding)
    if text is None:
        return None
    wide = [ch for ch in text if ord(ch) > 127]
    if best.encoding in _NON_LATIN and sum(ch.isalpha() for ch in wide) < 0.8 * len(wide):
        return None
    return Decoded(text, best.encoding, f"{GUESSED}no charset declared; detected {best.encoding} (charset-normalizer)")


def wide_unicode(data: bytes) -> str | None:
    """`utf-16-le`, `utf-16-be`, `utf-32-le` or `utf-32-be` for text in those encodings without a
    byte-order mark, recognised by where the NUL bytes of its ASCII characters (markup, spaces,
    digits) fall; None otherwise."""
    head = data[:_PRESCAN_BYTES]
    if b"\x00" not in head:
        # (Most text: found by memchr, where counting reads every byte.)
        return None
    size = len(head) - len(head) % 4
    # ASCII (markup, spaces, digits) leaves a NUL byte in every UTF-16 code unit; text in other
    # scripts (Japanese between tags) has fewer, but still a few percent of its bytes.
    nuls = head.count(0)
    if size < 8 or nuls * 20 < size:
        return None
    # Text that is valid UTF-8 with a few stray NULs is UTF-8: wide text that reads as UTF-8 is
    # ASCII, which has a NUL in every code unit (half its bytes or more), and wide text in other
    # scripts is not valid UTF-8 (the high bytes of its code units are not continuation bytes).
    if nuls * 4 < size and _is_utf8(head):
        return None
    lanes = [sum(1 for b in head[i:size:4] if b == 0) for i in range(4)]
    quarter = size // 4
    # UTF-32: the top byte of every code point is zero, the next one too outside the astral planes.
    if lanes[3] == quarter and lanes[2] >= quarter * 0.9 and lanes[0] < quarter // 2:
        return _readable(head[:size], "utf-32-le")
    if lanes[0] == quarter and lanes[1] >= quarter * 0.9 and lanes[3] < quarter // 2:
        return _readable(head[:size], "utf-32-be")
    odd, even = lanes[1] + lanes[3], lanes[0] + lanes[2]
    half = size // 2
    # UTF-16: the NULs are the high bytes of ASCII characters, so they all fall in one lane.
    if odd >= half * 0.1 and even * 20 <= odd:
        return _readable(head[:size], "utf-16-le")
    if even >= half * 0.1 and odd * 20 <= even:
        return _readable(head[:size], "utf-16-be")
    return None


def _is_utf8(head: bytes) -> bool:
    """Whether the first bytes of a document are UTF-8 (a sequence cut at the end of `head` aside)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3 and error.reason == "unexpected end of data"
    return True


# C0 controls that text does not hold (tab, line feed, form feed and carriage return it does).
_TEXT_CONTROLS = frozenset("\t\n\f\r")


def _readable(head: bytes, encoding: str) -> str | None:
    """`encoding` when `head` read with it is text; None when over a tenth of it is control
    characters (C0 but tab, line feed, form feed and carriage return; DEL; C1) or code points no
    text uses (unassigned, private use, lone surrogates): runs of control bytes (`\\x00\\x01`
    repeated) have the NUL pattern of UTF-16 or UTF-32 text, but they are binary data."""
    text = head.decode(encoding, "replace")
    if not text:
        return None
    unreadable = sum(1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    return None if unreadable * 10 > len(text) else encoding


def _detwingle(data: bytes) -> str | None:
    """Documents pasted together from UTF-8 and cp1252 sources: fix the cp1252 parts when at least a
    third of the non-ASCII characters are valid UTF-8 sequences."""
    if b"\xc2" not in data and b"\xc3" not in data and b"\xe2" not in data:
        return None
    _, invalid, valid = _read_loosely(data)
    if valid * 2 < invalid:
        return None  # mostly not UTF-8: a cp1252 page whose bytes happen to look like UTF-8 here and there
    from bs4.dammit import UnicodeDammit  # imported here: bs4 costs ~80 ms at start-up

    fixed = UnicodeDammit.detwingle(data)
    return _strict(fixed, "utf-8")


def _mostly_utf8(data: bytes) -> str | None:
    """A page declared UTF-8 with stray bytes that are no UTF-8 (a cp1252 "é" pasted in, which
    `_detwingle` cannot repair: it mends only the bytes of cp1252's typographic marks), read as a
    browser reads UTF-8: each stray byte a replacement character, every other character as
    written ("José Díaz" stays José Díaz, where reading the whole page as cp1252 would make it
    "JosÃ© DÃaz"). None when the bytes are not mostly UTF-8 (at least two valid characters
    outside ASCII for each stray byte): a cp1252 page whose bytes happen to look like UTF-8 here
    and there."""
    loose, stray, valid = _read_loosely(data)
    return loose if stray and valid >= 2 * stray else None


def _read_loosely(data: bytes) -> tuple[str, int, int]:
    """`data` decoded as UTF-8 with each byte that is no UTF-8 read as U+FFFD; how many bytes so
    read (a U+FFFD the bytes hold themselves aside); how many other characters are outside ASCII:
    how much of a page that is not UTF-8 throughout is UTF-8 all the same."""
    loose = data.decode("utf-8", "replace")
    stray = loose.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd")
    return loose, stray, valid


def _decode_cp1252(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; browsers map them to the C1 controls, as latin-1 does.
    return data.decode("cp1252", "latin1_fallback")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    return bytes(chunk).decode("latin-1"), error.end


codecs.register_error("latin1_fallback", _latin1_fallback)


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"OggS\x00", "an Ogg media file"),
    (b"ID3\x02", "an MP3 file"),
    (b"ID3\x03", "an MP3 file"),
    (b"ID3\x04", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)
# How much of a file's start `binary_kind` looks at.
SNIFF_BYTES = 8192


def binary_kind(data: bytes) -> str | None:
    """What a non-text file is (PNG, PDF, ...) so it is skipped instead of parsed; None for text.

    lxml happily "parses" random bytes, gzip and PNG, so a checker that skipped this step would
    report "byline missing" on an image instead of "not an article".
    """
    head = data[:SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            body = head[len(bom) :]
            if body and not body.strip(b"\x00"):
                # NUL bytes after the mark (not even a whole character of UTF-16 or UTF-32 text):
                # nothing an article holds. A mark alone is an empty file, said as such later.
                return _CONTROL_DATA
            return binary_text(body.decode(encoding, "replace"))
    if wide_unicode(head) is not None:
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file"
    if b"\x00" in head:
        controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
        # A stray NUL in scraped HTML is still an article; a file made of control bytes is not.
        if controls * 20 > len(head):
            return _CONTROL_DATA
    return None


_CONTROL_DATA = "binary data (NUL and control bytes)"


def not_an_article(data: bytes, *, whole: bool = True) -> str | None:
    """Why a file's bytes hold no article, said as a check's note on such a file ends: "empty"
    (nothing, white space or a byte-order mark alone, as an editor saves an empty file), or
    "a PNG image, not an article" (`binary_kind`); None for text. With `whole=False`, `data` is
    only the file's first bytes (at least `SNIFF_BYTES` of them): only binary data is told then.
    For a file read another way than as an article (an original story): the check of an article
    says the same in its own notes."""
    binary = binary_kind(data)
    if binary is not None:
        return f"{binary}, not an article"
    return "empty" if whole and _blank(data) else None


def _blank(data: bytes) -> bool:
    """Nothing but white space, after any byte-order mark, as the check decodes the bytes."""
    body = data.lstrip()
    if not body:
        return True
    if 0 < body[0] < 0x80 and not body.startswith(tuple(bom for bom, _ in _BOMS)):
        return False  # an ASCII character that is not white space: text
    # A byte-order mark, or a character outside ASCII first (a no-break space): decoded.
    text = as_decoded(data).text
    return not text or text.isspace()


def binary_text(text: str) -> str | None:
    """`binary_kind` of a document given as text (a CMS payload's field, the API's string, the
    body after a byte-order mark): "binary data …" when it holds a NUL and control characters are
    more than a twentieth of its start (a byte-order mark at the start aside), None for text."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff")
    if "\x00" not in head:
        return None
    controls = sum(1 for char in head if char < "\t" or "\r" < char < " ")
    return _CONTROL_DATA if controls * 20 > len(head) else None
