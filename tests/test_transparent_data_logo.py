"""A `data:` picture whose every pixel is fully transparent draws nothing: a logo `<img>` showing
one is an empty box, not a visible logo, and the finding names the transparency. A picture with
one pixel that is not fully transparent still draws. Only `data:` pictures are read, with hard
caps on what is decoded (a zlib bomb is never inflated past the size the header gives)."""

from __future__ import annotations

import base64
import struct
import tracemalloc
import zlib

import pytest

from compliance.api import check_html
from compliance.document.data_images import MAX_JUDGED_PIXELS, fully_transparent

ALTS = ('alt="Daily Caller News Foundation logo"', 'alt="DCNF logo"', 'alt="Logo of the Daily Caller News Foundation"')
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(
    width: int,
    height: int,
    pixel: bytes,
    *,
    colour: int = 6,
    depth: int = 8,
    opaque: tuple[int, int] | None = None,
    opaque_pixel: bytes = b"",
    filters: bytes = b"\x00",
    extra: bytes = b"",
    interlace: int = 0,
    data: bytes | None = None,
) -> bytes:
    """A PNG of `pixel` (its bytes) everywhere but at `opaque`, rows filtered in turn by `filters`
    (Sub, Up, Average and Paeth applied for real); `extra` chunks go before the pixels."""
    bpp = len(pixel)
    rows, previous = [], bytes(width * bpp)
    for y in range(height):
        raw = bytearray(pixel * width)
        if opaque is not None and opaque[1] == y:
            raw[opaque[0] * bpp : (opaque[0] + 1) * bpp] = opaque_pixel
        kind = filters[y % len(filters)]
        rows.append(bytes([kind]) + _filtered(bytes(raw), previous, kind, bpp))
        previous = bytes(raw)
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    pixels = zlib.compress(b"".join(rows)) if data is None else data
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + extra + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b"")


def _filtered(raw: bytes, above: bytes, kind: int, bpp: int) -> bytes:
    out = bytearray()
    for index, value in enumerate(raw):
        left = raw[index - bpp] if index >= bpp else 0
        up = above[index]
        corner = above[index - bpp] if index >= bpp else 0
        if kind == 1:
            predicted = left
        elif kind == 2:
            predicted = up
        elif kind == 3:
            predicted = (left + up) // 2
        elif kind == 4:
            estimate = left + up - corner
            distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
            predicted = left if distances[0] <= distances[1] and distances[0] <= distances[2] else up if distances[1] <= distances[2] else corner
        else:
            predicted = 0
        out.append((value - predicted) % 256)
    return bytes(out)


def _gif(width: int, height: int, indices: bytes, *, transparent: int | None = 0) -> bytes:
    """A GIF89a of a 4-colour table whose one frame holds `indices`, LZW-coded with a clear code
    every two codes (so codes stay 3 bits), and a Graphic Control Extension naming `transparent`."""
    codes: list[int] = []
    for start in range(0, len(indices), 2):
        codes += [4, *indices[start : start + 2]]
    codes.append(5)
    bits = 0
    for position, code in enumerate(codes):
        bits |= code << (3 * position)
    packed = bytearray(bits.to_bytes((3 * len(codes) + 7) // 8, "little"))
    blocks = b"".join(bytes([len(packed[i : i + 255])]) + packed[i : i + 255] for i in range(0, len(packed), 255)) + b"\x00"
    control = b"" if transparent is None else b"\x21\xf9\x04\x01\x00\x00" + bytes([transparent]) + b"\x00"
    screen = struct.pack("<HH", width, height) + b"\x81\x00\x00" + bytes(range(12))
    frame = b"\x2c" + struct.pack("<HHHH", 0, 0, width, height) + b"\x00\x02" + blocks
    return b"GIF89a" + screen + control + frame + b"\x3b"


def _frames(width: int, height: int, count: int) -> bytes:
    """A GIF of `count` transparent frames of `width`×`height` (an animation)."""
    one = _gif(width, height, bytes(width * height))
    start = one.index(b"\x21\xf9")
    return one[:start] + one[start:-1] * count + b"\x3b"


def _webp(width: int, height: int, alpha: bytes, *, header: int = 0) -> bytes:
    """An extended WebP (`VP8X` with its alpha flag) with an `ALPH` chunk of `alpha` after the
    `header` byte (compression in its low bits) and a stub `VP8 ` chunk."""
    extended = b"VP8X" + struct.pack("<I", 10) + b"\x10\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    body = bytes([header]) + alpha
    chunks = extended + b"ALPH" + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) % 2 else b"") + b"VP8 " + struct.pack("<I", 0)
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + chunks


def _uri(data: bytes, media_type: str = "image/png") -> str:
    return f"data:{media_type};base64," + base64.b64encode(data).decode()


CLEAR_RGBA = b"\x10\x20\x30\x00"  # a colour, fully transparent
TRNS_ALL = _chunk(b"PLTE", b"\x00\x00\x00\xff\xff\xff") + _chunk(b"tRNS", b"\x00\x00")

TRANSPARENT = {
    "RGBA, no filter": (_png(120, 40, CLEAR_RGBA), "PNG"),
    "RGBA, every filter": (_png(120, 40, CLEAR_RGBA, filters=bytes(range(5))), "PNG"),
    "RGBA 16-bit": (_png(60, 20, b"\x10\x00\x20\x00\x30\x00\x00\x00", depth=16, filters=b"\x01\x04"), "PNG"),
    "grey and alpha": (_png(300, 80, b"\x7f\x00", colour=4, filters=b"\x02\x03"), "PNG"),
    "indexed, every entry transparent": (_png(90, 30, b"\x01", colour=3, extra=TRNS_ALL, filters=b"\x01"), "PNG"),
    "truecolour, black transparent": (_png(90, 30, b"\x00\x00\x00", colour=2, extra=_chunk(b"tRNS", bytes(6))), "PNG"),
    "interlaced": (
        _png(
            120,
            40,
            b"",
            interlace=1,
            data=zlib.compress(bytes(sum(h * (1 + 4 * w) for w, h in ((15, 5), (15, 5), (30, 5), (30, 10), (60, 10), (60, 20), (120, 20))))),
        ),
        "PNG",
    ),
    "GIF": (_gif(40, 12, bytes(480)), "GIF"),
    "GIF, other transparent index": (_gif(30, 10, bytes([2]) * 300, transparent=2), "GIF"),
    "GIF, three transparent frames": (_frames(60, 20, 3), "GIF"),
    "WebP, raw alpha": (_webp(120, 40, bytes(4800)), "WebP"),
}
DRAWN = {
    "RGBA, one opaque pixel": _png(120, 40, CLEAR_RGBA, opaque=(119, 39), opaque_pixel=b"\x10\x20\x30\xff", filters=b"\x04"),
    "RGBA, one faint pixel": _png(120, 40, CLEAR_RGBA, opaque=(0, 0), opaque_pixel=b"\x00\x00\x00\x01"),
    "RGBA 16-bit, an alpha of 1": _png(60, 20, b"\x10\x00\x20\x00\x30\x00\x00\x01", depth=16),
    "grey and alpha, half": _png(60, 20, b"\x7f\x80", colour=4),
    "indexed, a pixel of the opaque entry": _png(
        90, 30, b"\x00", colour=3, opaque=(5, 5), opaque_pixel=b"\x01", extra=_chunk(b"PLTE", b"\x00\x00\x00\xff\xff\xff") + _chunk(b"tRNS", b"\x00")
    ),
    "indexed, no tRNS": _png(90, 30, b"\x00", colour=3, extra=_chunk(b"PLTE", b"\x00\x00\x00")),
    "truecolour, no tRNS": _png(90, 30, b"\x00\x00\x00", colour=2),
    "GIF, one opaque pixel": _gif(40, 12, bytes(479) + b"\x01"),
    "GIF, no transparent colour": _gif(40, 12, bytes(480), transparent=None),
    "WebP, one opaque byte": _webp(120, 40, bytes(4799) + b"\xff"),
}
# Transparent, or broken, but beyond what is read: taken to draw (a browser may draw them).
NOT_JUDGED = {
    "truecolour, white transparent": _png(90, 30, b"\xff\xff\xff", colour=2, extra=_chunk(b"tRNS", b"\x00\xff\x00\xff\x00\xff")),
    "animated PNG": _png(120, 40, CLEAR_RGBA, extra=_chunk(b"acTL", struct.pack(">II", 2, 0))),
    "pixels cut short": _png(120, 40, b"", data=zlib.compress(bytes(100))),
    "pixels that do not inflate": _png(120, 40, b"", data=b"not zlib at all"),
    "a filter byte out of range": _png(120, 40, b"", data=zlib.compress((b"\x05" + bytes(480)) * 40)),
    "WebP, alpha compressed": _webp(120, 40, bytes(4800), header=1),
    # Transparent frames of more pixels in all than are decoded (a hostile page's many frames).
    "GIF, frames over the budget": _frames(200, 100, 2),
}


@pytest.mark.parametrize("name", TRANSPARENT)
def test_a_picture_whose_every_pixel_is_transparent_is_read_as_drawing_nothing(name: str) -> None:
    data, kind = TRANSPARENT[name]
    media = {"PNG": "image/png", "GIF": "image/gif", "WebP": "image/webp"}[kind]
    assert fully_transparent(_uri(data, media)) == kind


def _media_type(data: bytes) -> str:
    return "image/gif" if data[:3] == b"GIF" else "image/webp" if data[:4] == b"RIFF" else "image/png"


@pytest.mark.parametrize("name", DRAWN)
def test_a_picture_with_a_pixel_that_is_not_fully_transparent_draws(name: str) -> None:
    assert fully_transparent(_uri(DRAWN[name], _media_type(DRAWN[name]))) is None


@pytest.mark.parametrize("name", NOT_JUDGED)
def test_a_picture_beyond_what_is_read_is_taken_to_draw(name: str) -> None:
    assert fully_transparent(_uri(NOT_JUDGED[name], _media_type(NOT_JUDGED[name]))) is None


def test_only_data_urls_are_read() -> None:
    assert fully_transparent("https://example.org/transparent-logo.png") is None
    assert fully_transparent(_uri(_png(120, 40, CLEAR_RGBA), "text/plain")) is None


def test_a_picture_of_too_many_pixels_is_not_judged() -> None:
    side = int(MAX_JUDGED_PIXELS**0.5) + 1
    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"")) + _chunk(b"IEND", b"")
    assert fully_transparent(_uri(data)) is None


def test_a_zlib_bomb_is_inflated_no_further_than_its_header_says() -> None:
    # 200 MB of zeros behind a 100×100 header: only its 40,100 bytes are inflated.
    squeezer = zlib.compressobj(9)
    bomb = b"".join(squeezer.compress(bytes(1 << 20)) for _ in range(200)) + squeezer.flush()
    uri = _uri(_png(100, 100, b"", data=bomb))
    tracemalloc.start()
    try:
        assert fully_transparent(uri) == "PNG"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * (1 << 20)


def _page(image: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Water heaters</title>{head}</head><body><article>"
        "<h1>Biden Admin Finalizes Water Heater Rule</h1>"
        f'{image}\n<p class="byline">By Nick Pope</p>'
        "<p>The Department of Energy finalized a rule Tuesday that tightens efficiency standards for residential water heaters.</p>"
        f"<p>{LICENSE}</p></article></body></html>"
    )


def _logo_finding(html: str) -> str | None:
    """The DCNF logo rule's detail when it fails, None when it passes."""
    report = check_html(html, packs=["dcnf"])
    failed = [f.detail for f in report.findings if f.rule == "dcnf/logo"]
    assert failed or "dcnf/logo" in {p.rule for p in report.passed}
    return failed[0] if failed else None


CLEAR_PNG = _uri(_png(120, 40, CLEAR_RGBA))
CLEAR_GIF = _uri(_gif(40, 12, bytes(480)), "image/gif")
CLEAR_WEBP = _uri(_webp(300, 80, bytes(24000)), "image/webp")
LAZY = '<script src="/js/lazysizes.min.js" async></script>'


@pytest.mark.parametrize(
    ("image", "kind"),
    [
        (f'<img src="{CLEAR_PNG}" {ALTS[0]} width="120" height="40">', "PNG"),
        (f'<img src="{CLEAR_GIF}" {ALTS[1]} width="300" height="90">', "GIF"),
        (f'<img src="{CLEAR_WEBP}" {ALTS[2]} width="300" height="80">', "WebP"),
        # The transparent picture is the one the browser paints: a srcset candidate, a <picture>'s source, a lazy-loader's.
        (f'<img src="/wp-content/uploads/dcnf-logo.png" srcset="{CLEAR_PNG} 1x" {ALTS[0]} width="120" height="40">', "PNG"),
        (f'<picture><source srcset="{CLEAR_GIF}"><img src="/uploads/dcnf-logo.png" {ALTS[1]} width="120" height="40"></picture>', "GIF"),
        (f'<img src="/uploads/dcnf-logo.png" data-src="{CLEAR_PNG}" class="lazyload" {ALTS[2]} width="120" height="40">', "PNG"),
        (f'<amp-img src="{CLEAR_PNG}" {ALTS[0]} width="120" height="40" layout="fixed"></amp-img>', "PNG"),
    ],
)
def test_a_logo_whose_picture_is_fully_transparent_is_not_visible_and_the_finding_says_why(image: str, kind: str) -> None:
    detail = _logo_finding(_page(image, LAZY))
    assert detail is not None
    assert f"its picture is a `data:` {kind} whose every pixel is fully transparent" in detail


@pytest.mark.parametrize(
    "image",
    [
        # One pixel that shows: the picture draws.
        f'<img src="{_uri(DRAWN["RGBA, one opaque pixel"])}" {ALTS[0]} width="120" height="40">',
        f'<img src="{_uri(DRAWN["GIF, one opaque pixel"], "image/gif")}" {ALTS[1]} width="120" height="40">',
        # A transparent placeholder the lazy-loader replaces with the logo file.
        f'<img src="{CLEAR_PNG}" data-src="/wp-content/uploads/dcnf-logo.png" class="lazyload" {ALTS[2]} width="120" height="40">',
        # A WebP whose alpha is compressed is not judged.
        f'<img src="{_uri(NOT_JUDGED["WebP, alpha compressed"], "image/webp")}" {ALTS[0]} width="120" height="40">',
    ],
)
def test_a_logo_with_a_picture_that_draws_or_is_replaced_stays_visible(image: str) -> None:
    assert _logo_finding(_page(image, LAZY)) is None
