"""Pictures given as `data:` URLs, read as a browser decodes them (nothing is fetched).

A `data:` URL's body is percent-decoded and, when its media type ends in `;base64`, decoded by the
forgiving-base64 rules of the Infra standard (ASCII white space removed, the padding optional, any
other character outside the base64 alphabet a failure). A picture whose base64 fails, or whose
declared raster type (`image/png`, `image/gif`, `image/jpeg`, `image/webp`) holds bytes that are
not such an image (no signature a browser recognises, or a PNG or GIF header cut short or of no
size), is a broken image: a browser draws its broken-image icon or its alt text, never a picture
(`undrawable`).
"""

from __future__ import annotations

import binascii
import struct

from compliance.firstuse import on_first_use

# The media types whose bytes must be a raster image of a kind browsers draw: anything else is
# left alone (an SVG's text is read by `visibility.data_svg_size`; an unknown type is not judged).
_RASTER_TYPES = frozenset({"image/png", "image/x-png", "image/apng", "image/gif", "image/jpeg", "image/jpg", "image/pjpeg", "image/webp"})
# The signatures of the image formats some browser draws, whatever type the URL declares (the
# MIME Sniffing standard's image patterns, with AVIF/HEIF, JPEG XL and TIFF, which some draw).
_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"BM",
    b"\x00\x00\x01\x00",
    b"\x00\x00\x02\x00",
    b"\xff\x0a",
    b"\x00\x00\x00\x0cJXL ",
    b"II*\x00",
    b"MM\x00*",
)
# The base64 alphabet, once white space and up to two `=` of padding are taken off the end.
# ASCII white space, which a `data:` URL's base64 may hold anywhere (Infra's definition).
_ASCII_SPACES = "\t\n\f\r "
_NO_ASCII_SPACE = str.maketrans("", "", _ASCII_SPACES)
_BASE64_MEDIA = on_first_use(r";[\t\n\f\r ]*base64[\t\n\f\r ]*\Z")


def media_and_payload(uri: str) -> tuple[str, bool, str] | None:
    """A `data:` URL's media type (lower-cased, without `;base64`), whether its body is base64,
    and its body as written; None for a URL that is not a `data:` one or has no comma."""
    if uri[:5].lower() != "data:":
        return None
    head, comma, payload = uri.partition(",")
    if not comma:
        return None
    media = head[5:].strip().lower()
    base64_encoded = _BASE64_MEDIA().search(media) is not None
    if base64_encoded:
        media = media[: media.rindex(";")]
    return media.split(";", 1)[0].strip(), base64_encoded, payload


def forgiving_base64(payload: str) -> bytes | None:
    """The bytes of a base64 body as a browser decodes it (Infra, "forgiving-base64 decode"),
    percent-decoded first; None when a browser's decoding fails. Checked and decoded in C
    (`binascii`, strictly), the padding Infra lets go put back first."""
    if "%" in payload:
        import urllib.parse

        payload = urllib.parse.unquote(payload, encoding="latin-1")
    text = payload.translate(_NO_ASCII_SPACE) if any(space in payload for space in _ASCII_SPACES) else payload
    if len(text) % 4 == 0 and text.endswith("="):
        text = text[:-2] if text.endswith("==") else text[:-1]
    if len(text) % 4 == 1 or "=" in text or not text.isascii():
        return None  # padding left is padding out of place
    try:
        return binascii.a2b_base64(text + "=" * (-len(text) % 4), strict_mode=True)
    except (binascii.Error, ValueError):
        return None


def undrawable(uri: str) -> bool:
    """True for a `data:` URL no browser draws a picture from: no body (`data:,`), a base64 body
    that does not decode, or a raster type (`_RASTER_TYPES`) whose bytes are no image a browser
    draws. False for any other URL, and for a body the checker does not judge (a type it does not
    read, a body that is not base64)."""
    read = media_and_payload(uri)
    if read is None:
        return uri[:5].lower() == "data:"  # a `data:` URL without a comma is no URL at all
    media, base64_encoded, payload = read
    if not payload.strip():
        return True
    if not base64_encoded:
        return False
    data = forgiving_base64(payload)
    if data is None:
        return True
    return media in _RASTER_TYPES and not _drawable(data)


def _drawable(data: bytes) -> bool:
    """True when the start of an image's bytes is the start of an image a browser draws: a known
    signature, a PNG with its `IHDR` header of a non-zero size, a GIF with its screen size."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return len(data) >= 24 and data[12:16] == b"IHDR" and 0 not in struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return len(data) >= 10
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return True
    return data[4:8] == b"ftyp" or any(data.startswith(signature) for signature in _SIGNATURES)


# The JPEG markers that start a frame, whose header gives the image's size (SOF0–SOF15 but DHT,
# JPG and DAC, which share the range).
_START_OF_FRAME = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers that stand alone, with no length after them.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels of a JPEG, from its frame header (ITU T.81, B.2.2), found by
    walking its segments from the start; None when it is not in `data`, or `data` is not a JPEG."""
    if data[:3] != b"\xff\xd8\xff":
        return None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1  # fill bytes before a marker
            continue
        if marker in _STANDALONE:
            position += 2
            continue
        if marker in _START_OF_FRAME:
            if position + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
        if marker == 0xDA:
            return None  # the scan started before any frame header
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length
    return None
