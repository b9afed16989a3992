"""Pictures given as `data:` URLs, read as a browser decodes them (nothing is fetched).

The URL is read by `data_urls.read_data_url`, as the stylesheets' are: cut at its fragment, its
body percent-decoded and, when its media type ends in `;base64`, decoded by the forgiving-base64
rules of the Infra standard (ASCII white space removed, the padding optional, any other character
outside the base64 alphabet a failure). A picture whose base64 fails, an SVG that is not
well-formed XML, or a declared raster type (`image/png`, `image/gif`, `image/jpeg`, `image/webp`)
holding bytes that are not such an image (no signature a browser recognises, or a PNG or GIF
header cut short or of no size), is a broken image: a browser draws its broken-image icon or its
alt text, never a picture (`undrawable`).
"""

from __future__ import annotations

import functools
import struct
from typing import Any, Final

from compliance.document.data_urls import is_data_url, read_data_url

# The media types whose bytes must be a raster image of a kind browsers draw: anything else is
# left alone (an SVG's text is read by `data_svg_root`; an unknown type is not judged).
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


def undrawable(uri: str) -> bool:
    """True for a `data:` URL no browser draws a picture from: no body (`data:,`), a base64 body
    that does not decode (`data_urls.read_data_url`), an SVG whose text is not well-formed XML
    (`data_svg_root`), or a raster type (`_RASTER_TYPES`) whose bytes are no image a browser
    draws. False for any other URL, and for a body the checker does not judge (a type it does not
    read, a raster body that is not base64)."""
    read = read_data_url(uri)
    if read is None:
        return is_data_url(uri)  # no comma, or base64 a browser cannot decode
    if not read.body.strip():
        return True
    if read.media_type == "image/svg+xml":
        return data_svg_root(read.body) is MALFORMED
    return read.base64 and read.media_type in _RASTER_TYPES and not _drawable(read.body)


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


# An SVG placeholder is a few hundred bytes; a larger data: SVG is a drawing, not read for its size.
MAX_DATA_SVG_BYTES = 64 * 1024
# What `data_svg_root` gives for an SVG that is not well-formed XML, which no browser draws.
MALFORMED: Final = "malformed"


@functools.lru_cache(maxsize=256)
def data_svg_root(body: bytes) -> Any:
    """The root `<svg>` element of a `data:` URL's SVG (its decoded body: `data_urls.read_data_url`);
    `MALFORMED` when it is not well-formed XML (a browser draws a broken image: an SVG cut short
    by a raw `#`, where its fragment starts, is one); None when it is larger than
    `MAX_DATA_SVG_BYTES` or its root is not an `<svg>`. Kept for the few a page repeats (its
    undrawable test and its size read the same body); the element is only read.

    Read safely: lxml with entities left unresolved, no DTD loaded and no network."""
    if len(body) > MAX_DATA_SVG_BYTES:
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return MALFORMED
    except ValueError:
        return None
    if root is None or not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return None
    return root


def svg_root(body: bytes) -> Any:
    """`data_svg_root`, with None for a malformed SVG too: the root `<svg>` whose size is read."""
    root = data_svg_root(body)
    return None if root is MALFORMED else root


# The most pixels `gif_transparent` decodes (a spacer is one; a larger GIF is taken to paint).
MAX_GIF_PIXELS = 64 * 64


def gif_transparent(data: bytes) -> bool:
    """Whether a GIF's every frame is wholly its transparent colour (a spacer pixel, a lazy
    loader's placeholder): it paints nothing. False for anything else, a frame of more than
    `MAX_GIF_PIXELS` pixels, or a GIF that does not read (GIF89a: its blocks, LZW-coded frames)."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        return False
    position = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    transparent: int | None = None
    frames = 0
    while position < len(data):
        kind = data[position]
        if kind == 0x3B:
            break
        if kind == 0x21 and position + 1 < len(data):
            if data[position + 1] == 0xF9 and position + 6 < len(data):
                transparent = data[position + 6] if data[position + 3] & 1 else None
            position = _after_sub_blocks(data, position + 2)
        elif kind == 0x2C and position + 10 <= len(data):
            pixels = _frame_pixels(data, position, transparent)
            if pixels is None:
                return False
            frames, position = frames + 1, pixels
        else:
            return False
    return frames > 0


def _after_sub_blocks(data: bytes, position: int) -> int:
    """The position after a chain of data sub-blocks starting at `position`."""
    while position < len(data) and data[position]:
        position += data[position] + 1
    return position + 1


def _frame_pixels(data: bytes, position: int, transparent: int | None) -> int | None:
    """The position after the frame at `position` when all its pixels are the `transparent`
    index; None otherwise."""
    width, height = struct.unpack("<HH", data[position + 5 : position + 9])
    packed = data[position + 9]
    position += 10 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0)
    if transparent is None or width * height > MAX_GIF_PIXELS or position >= len(data):
        return None
    minimum = data[position]
    end = _after_sub_blocks(data, position + 1)
    coded = bytearray()
    chunk = position + 1
    while chunk < min(end, len(data)) and data[chunk]:
        coded += data[chunk + 1 : chunk + 1 + data[chunk]]
        chunk += data[chunk] + 1
    pixels = _lzw(bytes(coded), minimum, width * height)
    if pixels is None or len(pixels) < width * height or any(pixel != transparent for pixel in pixels[: width * height]):
        return None
    return end


def _lzw(coded: bytes, minimum: int, wanted: int) -> bytes | None:
    """The indices a GIF frame's LZW codes give (at most `wanted`); None for bad codes."""
    if not 2 <= minimum <= 8:
        return None
    clear = 1 << minimum
    table = [bytes([index]) for index in range(clear)] + [b"", b""]
    size, bits, count, out = minimum + 1, 0, 0, bytearray()
    previous: bytes | None = None
    for byte in coded:
        bits, count = bits | byte << count, count + 8
        while count >= size and len(out) < wanted:
            code, bits, count = bits & ((1 << size) - 1), bits >> size, count - size
            if code == clear:
                table, size, previous = table[: clear + 2], minimum + 1, None
                continue
            if code == clear + 1:
                return bytes(out)
            if code < len(table):
                entry = table[code]
            elif code == len(table) and previous is not None:
                entry = previous + previous[:1]
            else:
                return None
            if previous is not None and len(table) < 4096:
                table.append(previous + entry[:1])
            out += entry
            previous = entry
            if len(table) == 1 << size and size < 12:
                size += 1
    return bytes(out)
