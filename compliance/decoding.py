"""Bytes to text: BOM, then a declared charset that fits the bytes, then UTF-8, then cp1252."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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
    euc_jp shift_jis cp932 euc_kr cp949""".split()
)
_PRESCAN_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how the encoding was chosen (shown with `--debug` and in JSON notices)."""

    text: str
    encoding: str
    reason: str


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset>`, http-equiv or XML declaration)."""
    match = _DECLARED.search(data, 0, _PRESCAN_BYTES)
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # A page that was readable as ASCII to find this declaration is not UTF-16.
        return "utf-8"
    return name if name in _DECLARABLE else None


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
    UTF-8 mixed with cp1252 (repaired with bs4's detwingle) → cp1252 (undefined bytes as latin-1).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            return Decoded(body.decode(encoding, "replace"), encoding, "byte-order mark")

    utf8 = _strict(data, "utf-8")
    declared = declared_encoding(data)
    if declared is not None:
        text = _strict(data, declared)
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
                return Decoded(utf8, "utf-8", f"declared {declared}, but the bytes are UTF-8")
            return Decoded(text, declared, "declared charset")
    if utf8 is not None:
        return Decoded(utf8, "utf-8", "valid UTF-8")
    repaired = _detwingle(data)
    if repaired is not None:
        return Decoded(repaired, "utf-8", "UTF-8 mixed with cp1252, repaired")
    return Decoded(_decode_cp1252(data), "cp1252", "not UTF-8; read as cp1252")


def _detwingle(data: bytes) -> str | None:
    """Documents pasted together from UTF-8 and cp1252 sources: fix the cp1252 parts when at least a
    third of the non-ASCII characters are valid UTF-8 sequences."""
    if b"\xc2" not in data and b"\xc3" not in data and b"\xe2" not in data:
        return None
    loose = data.decode("utf-8", "replace")
    invalid = loose.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    valid = sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd")
    if valid * 2 < invalid:
        return None  # mostly not UTF-8: a cp1252 page whose bytes happen to look like UTF-8 here and there
    from bs4.dammit import UnicodeDammit  # imported here: bs4 costs ~80 ms at start-up

    fixed = UnicodeDammit.detwingle(data)
    return _strict(fixed, "utf-8")


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
_SNIFF_BYTES = 8192


def binary_kind(data: bytes) -> str | None:
    """What a non-text file is (PNG, PDF, ...) so it is skipped instead of parsed; None for text.

    lxml happily "parses" random bytes, gzip and PNG, so a checker that skipped this step would
    report "byline missing" on an image instead of "not an article".
    """
    head = data[:_SNIFF_BYTES]
    for bom, _ in _BOMS:
        if head.startswith(bom):
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
            return "binary data (NUL and control bytes)"
    return None
