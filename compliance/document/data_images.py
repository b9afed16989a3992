"""Pictures given as `data:` URLs, read as a browser decodes them (nothing is fetched).

The URL is read by `data_urls.read_data_url`, as the stylesheets' are: cut at its fragment, its
body percent-decoded and, when its media type ends in `;base64`, decoded by the forgiving-base64
rules of the Infra standard (ASCII white space removed, the padding optional, any other character
outside the base64 alphabet a failure). A picture whose base64 fails, an SVG that is not
well-formed XML, or a declared raster type (`image/png`, `image/gif`, `image/jpeg`, `image/webp`)
holding bytes that are not such an image (no signature a browser recognises, or a PNG or GIF
header cut short or of no size), is a broken image: a browser draws its broken-image icon or its
alt text, never a picture (`undrawable`).

A raster picture whose every pixel is fully transparent (alpha 0) draws nothing either, though it
is no broken image: a reader sees an empty box (`fully_transparent`). It is read with the
standard library only, and only as far as that is cheap and safe on a hostile page: a PNG's
pixels are inflated (`zlib`, never past the size its header gives, and never for more than
`MAX_JUDGED_PIXELS` pixels) and read without undoing its filters, a GIF's frames are LZW-decoded
(at most `MAX_JUDGED_GIF_PIXELS` pixels), and a WebP is read only for an uncompressed alpha
channel (`ALPH` chunk); anything else is not judged, and taken to draw.
"""

from __future__ import annotations

import functools
import struct
import zlib
from typing import Any, Final

from compliance.document.data_urls import data_url_head, is_data_url, read_data_url

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


def gif_transparent(data: bytes, max_pixels: int = MAX_GIF_PIXELS) -> bool:
    """Whether a GIF's every frame is wholly its transparent colour (a spacer pixel, a lazy
    loader's placeholder): it paints nothing. False for anything else, frames of more than
    `max_pixels` pixels in all (a hostile page's thousand frames are not decoded), or a GIF that
    does not read (GIF89a: its blocks, LZW-coded frames)."""
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
            width, height = struct.unpack("<HH", data[position + 5 : position + 9])
            pixels = _frame_pixels(data, position, transparent, max_pixels)
            max_pixels -= width * height
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


def _frame_pixels(data: bytes, position: int, transparent: int | None, max_pixels: int) -> int | None:
    """The position after the frame at `position` when all its pixels are the `transparent`
    index; None otherwise, and for a frame of more than `max_pixels` pixels."""
    width, height = struct.unpack("<HH", data[position + 5 : position + 9])
    packed = data[position + 9]
    position += 10 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0)
    if transparent is None or width * height > max_pixels or position >= len(data):
        return None
    minimum = data[position]
    end = _after_sub_blocks(data, position + 1)
    coded = bytearray()
    chunk = position + 1
    while chunk < min(end, len(data)) and data[chunk]:
        coded += data[chunk + 1 : chunk + 1 + data[chunk]]
        chunk += data[chunk] + 1
    pixels = _lzw(bytes(coded), minimum, width * height, only=transparent)
    if pixels is None or len(pixels) < width * height:
        return None
    return end


def _lzw(coded: bytes, minimum: int, wanted: int, *, only: int) -> bytes | None:
    """The indices a GIF frame's LZW codes give (at most `wanted`), when each is `only`; None for
    bad codes, and as soon as another index is given (an opaque logo's pixels are not all read)."""
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
            if entry.count(only) != len(entry):
                return None
            out += entry
            previous = entry
            if len(table) == 1 << size and size < 12:
                size += 1
    return bytes(out)


# The most pixels a PNG or WebP is read for `fully_transparent` (a 1000×1000 picture: its alpha is
# checked in C, a few milliseconds); a larger one is not judged. A GIF's pixels are LZW-decoded in
# Python, at most `MAX_JUDGED_GIF_PIXELS` of them (a 300×100 logo's, in about 10 ms).
MAX_JUDGED_PIXELS = 1000 * 1000
MAX_JUDGED_GIF_PIXELS = 300 * 100
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The channels of each PNG colour type (greyscale, truecolour, indexed, greyscale with alpha,
# truecolour with alpha), and the bit depths each allows (PNG, 11.2.2).
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
# Adam7's passes: the first column and row of each, and the steps between its columns and rows.
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


@functools.lru_cache(maxsize=64)
def fully_transparent(uri: str) -> str | None:
    """The format ("PNG", "GIF" or "WebP") of a `data:` URL's raster picture whose every pixel is
    fully transparent (alpha 0): a browser paints nothing in its box. None for any other URL or
    picture, for one with a pixel that is not fully transparent, and for one not judged (see the
    module's docstring: too many pixels, an animated PNG, a WebP whose alpha is compressed, bytes
    that do not read). Remote pictures are never fetched: only a `data:` URL is read. Kept for the
    few URLs a page repeats (its `src` and its lazy-loader's copy)."""
    head = data_url_head(uri)
    read = read_data_url(uri) if head is not None and head[1] and head[0] in _RASTER_TYPES else None
    if read is None:
        return None
    data = read.body
    if data[:8] == _PNG_SIGNATURE:
        return "PNG" if _png_transparent(data) else None
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF" if gif_transparent(data, MAX_JUDGED_GIF_PIXELS) else None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP" if _webp_transparent(data) else None
    return None


def _png_chunks(data: bytes) -> dict[bytes, list[bytes]] | None:
    """A PNG's chunks by type, in order, up to `IEND` (PNG, 5.3); None when one is cut short or
    there is no `IEND`. Their CRCs are not checked (a picture whose CRC is wrong paints nothing
    more than a right one)."""
    chunks: dict[bytes, list[bytes]] = {}
    position = 8
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if len(body) != length:
            return None
        if kind == b"IEND":
            return chunks
        chunks.setdefault(kind, []).append(body)
        position += 12 + length
    return None


def _png_transparent(data: bytes) -> bool:
    """Whether every pixel of a PNG is fully transparent: its alpha samples are all 0, or, for
    one without an alpha channel, its `tRNS` chunk makes every palette entry transparent or makes
    the colour 0 transparent and every sample is 0 (PNG, 11.3.2.1). The filters need not be
    undone: each predicts a byte from the same byte of the pixels before it (PNG, 9.2), so a
    channel is all zero before filtering exactly when it is all zero after. False for an animated
    PNG (`acTL`: its later frames are not read), one of more than `MAX_JUDGED_PIXELS` pixels,
    and one whose header, filters or compressed data do not read."""
    chunks = _png_chunks(data)
    header = _png_header(chunks) if chunks is not None else None
    if chunks is None or header is None:
        return False
    width, height, depth, colour, interlace = header
    zero_bytes = _png_zero_bytes(colour, depth, chunks)
    if zero_bytes is None:
        return False
    rows = _png_rows(width, height, depth * _PNG_CHANNELS[colour], interlaced=bool(interlace))
    size = sum(length * count for length, count in rows)
    try:
        # Never inflated past the size the header gives: a zlib bomb stops there.
        pixels = zlib.decompressobj().decompress(b"".join(chunks.get(b"IDAT", ())), size)
    except zlib.error:
        return False
    return len(pixels) >= size and _rows_zero(pixels, rows, zero_bytes)


def _png_header(chunks: dict[bytes, list[bytes]]) -> tuple[int, int, int, int, int] | None:
    """(width, height, bit depth, colour type, interlace method) from a still PNG's `IHDR`, when
    it is one the standard allows of at most `MAX_JUDGED_PIXELS` pixels; None otherwise, and for
    an animated PNG (`acTL`)."""
    if len(chunks.get(b"IHDR", [b""])[0]) != 13 or b"acTL" in chunks:
        return None
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    if depth not in _PNG_DEPTHS.get(colour, ()) or compression or filtering or interlace > 1 or not 0 < width * height <= MAX_JUDGED_PIXELS:
        return None
    return width, height, depth, colour, interlace


def _png_rows(width: int, height: int, bits: int, *, interlaced: bool) -> list[tuple[int, int]]:
    """The rows of a PNG's inflated pixels, as (bytes in a row with its filter byte, rows) for the
    picture, or for each of its Adam7 passes that has any pixel (PNG, 8.2)."""
    passes = [((width - x + dx - 1) // dx, (height - y + dy - 1) // dy) for x, y, dx, dy in _ADAM7] if interlaced else [(width, height)]
    return [(1 + (columns * bits + 7) // 8, count) for columns, count in passes if columns > 0 and count > 0]


def _rows_zero(pixels: bytes, rows: list[tuple[int, int]], zero_bytes: tuple[tuple[int, int], ...]) -> bool:
    """Whether each row (`_png_rows`) has a filter byte a PNG allows (0 to 4) and 0 in each of its
    `zero_bytes` (`_png_zero_bytes`)."""
    start = 0
    for length, count in rows:
        for _ in range(count):
            row = pixels[start : start + length]
            start += length
            if row[0] > 4 or not all(_all_zero(row[1 + offset :: step]) for offset, step in zero_bytes):
                return False
    return True


def _png_zero_bytes(colour: int, depth: int, chunks: dict[bytes, list[bytes]]) -> tuple[tuple[int, int], ...] | None:
    """The bytes of a PNG's rows (after the filter byte) that are all zero when every pixel is
    fully transparent, as (first, step): each alpha sample's bytes, or every byte (an indexed
    picture whose every palette entry `tRNS` makes transparent has nothing to check); None when
    no such bytes make it transparent (no alpha channel, and a `tRNS` that does not)."""
    sample = depth // 8
    if colour in (4, 6):
        pixel = _PNG_CHANNELS[colour] * sample
        return tuple((pixel - sample + index, pixel) for index in range(sample))
    transparency = chunks.get(b"tRNS", [None])[0]
    if transparency is None:
        return None
    if colour == 3:
        palette = chunks.get(b"PLTE", [b""])[0]
        entries = len(palette) // 3
        return () if entries and len(transparency) >= entries and _all_zero(transparency[:entries]) else None
    # Greyscale or truecolour: one colour is transparent; only the colour 0 is read, whose
    # samples (and rows) are all zero bytes.
    return ((0, 1),) if len(transparency) == 2 * _PNG_CHANNELS[colour] and _all_zero(transparency) else None


def _all_zero(data: bytes) -> bool:
    """Whether every byte is 0 (checked in C)."""
    return not data.lstrip(b"\x00")


def _webp_transparent(data: bytes) -> bool:
    """Whether every pixel of an extended WebP (`VP8X`) is fully transparent, read from an
    uncompressed `ALPH` chunk (WebP container, "Alpha"): its bytes, filtered or not, are all 0
    (each filter predicts from the bytes before it, as a PNG's do). False for any other WebP (a
    lossy or lossless one without `VP8X`, an alpha channel compressed losslessly, an animation),
    which is not judged."""
    if data[12:16] != b"VP8X" or len(data) < 30 or data[20] & 0x02:
        return False  # not extended, or animated
    width, height = int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    if width * height > MAX_JUDGED_PIXELS:
        return False
    position = 30
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        if kind == b"ALPH":
            body = data[position + 8 : position + 8 + length]
            # The header byte's low two bits give the compression: 0 is none.
            return len(body) >= 1 + width * height and body[0] & 0x03 == 0 and _all_zero(body[1 : 1 + width * height])
        position += 8 + length + (length & 1)
    return False
