"""The picture a reader sees is the one the browser picks from `srcset` or a `<picture>`'s
`<source>`, not the `src` beside it: a placeholder there (a 1×1 `data:` GIF, `pixel.gif 1x`) is a
blank in the logo's box, and a descriptor that draws the picture 2px or less (`1000x`, `600w` with
`sizes="1px"`) leaves nothing to see (`compliance.document.visibility.shows_only_placeholders`,
`is_tiny_image`)."""

from __future__ import annotations

import base64
import struct
import zlib

import lxml.html
import pytest

from compliance.document import parse_document
from compliance.document.visibility import is_tiny_image, shows_only_placeholders
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

DCNF = next(p for p in load_packs() if p.id == "dcnf")
ALT = 'alt="Daily Caller News Foundation logo"'
LOGO = "https://dailycallernewsfoundation.org/logo.png"
GIF_1X1 = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
STORY = "".join(f"<p>Paragraph {n} of the story about the Senate vote and what it means for the states.</p>" for n in range(6))


def _png(width: int, height: int) -> str:
    """A `data:` PNG of this size (grey, one IDAT of zero rows' worth: its header is what is read)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    data = b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(data).decode()


def _logo_errors(image: str) -> list[str]:
    page = (
        "<!doctype html><html><head><title>Senate</title></head><body><article><h1>Senate passes bill</h1>"
        f'<p class="lw">{image}</p><p class="byline">By Jake Smith, Daily Caller News Foundation</p>{STORY}</article></body></html>'
    )
    report = check_document(parse_document(page.encode(), "html"), [DCNF], path="article.html", auto_detect=False)
    return sorted(f.rule for f in report.findings if f.severity is Severity.ERROR and f.rule == "dcnf/logo")


@pytest.mark.parametrize(
    "image",
    [
        f'<img srcset="{GIF_1X1}" src="{LOGO}" {ALT} width="120" height="40">',
        f'<img srcset="{GIF_1X1} 1x" src="{LOGO}" {ALT} width="120" height="40">',
        f'<img srcset="{GIF_1X1} 1x, {GIF_1X1} 2x" src="{LOGO}" {ALT}>',
        f'<img srcset="https://x.example/pixel.gif 1x" src="{LOGO}" {ALT} width="120" height="40">',
        f'<img srcset="https://x.example/img/1x1.png" src="{LOGO}" {ALT} width="120" height="40">',
        f'<img srcset="/assets/spacer.webp 1x, /assets/transparent-pixel.png 2x" src="{LOGO}" {ALT}>',
        f'<img srcset="{_png(2, 2)} 300w" sizes="300px" src="{LOGO}" {ALT} width="120" height="40">',
        f'<picture><source srcset="{GIF_1X1}"><img src="{LOGO}" {ALT} width="120" height="40"></picture>',
        f'<picture><source srcset="/img/1px.gif" type="image/gif"><img src="{LOGO}" {ALT}></picture>',
        f'<img srcset="{LOGO} 600w" sizes="1px" src="{LOGO}" {ALT}>',
        f'<img srcset="{LOGO} 600w, {LOGO} 1200w" sizes="(max-width: 600px) 1px, 0.5px" {ALT}>',
        f'<img srcset="{LOGO} 1000x" {ALT}>',
        f'<img srcset="{LOGO} 500x, {LOGO} 800x" {ALT}>',
        f'<img srcset="{_png(10, 10)} 5x" {ALT}>',
        # Drawn 2.5px across: too small to be seen as a logo (`visibility.drawn_too_small`).
        f'<img srcset="{_png(10, 10)} 4x" {ALT}>',
    ],
    ids=[
        "data-gif-no-descriptor",
        "data-gif-1x",
        "data-gif-every-density",
        "pixel-name-1x",
        "1x1-name",
        "placeholder-words-each-density",
        "data-png-2px-by-width",
        "picture-data-source",
        "picture-1px-source-common-type",
        "sizes-1px",
        "sizes-every-condition-tiny",
        "density-1000x",
        "every-density-vanishing",
        "data-png-10px-at-5x",
        "data-png-10px-at-4x",
    ],
)
def test_a_decoy_the_browser_paints_instead_of_the_logo_leaves_it_missing(image: str) -> None:
    assert _logo_errors(image) == ["dcnf/logo"]


@pytest.mark.parametrize(
    "image",
    [
        f'<img src="{LOGO}" {ALT} width="120" height="40">',
        # A 1x reader gets the `src`: only 2x screens see the pixel.
        f'<img srcset="https://x.example/pixel.gif 2x" src="{LOGO}" {ALT} width="120" height="40">',
        # A logo among the candidates is what some readers see.
        f'<img srcset="{GIF_1X1} 1x, {LOGO} 2x" src="{LOGO}" {ALT} width="120" height="40">',
        # A placeholder `src` with the logo in `srcset` is the logo.
        f'<img srcset="{LOGO} 1x" src="https://x.example/pixel.gif" {ALT} width="120" height="40">',
        # A `<source>` for some screens only: the others see the `<img>`.
        f'<picture><source srcset="{GIF_1X1}" media="(max-width: 600px)"><img src="{LOGO}" {ALT} width="120" height="40"></picture>',
        # `sizes` gives a readable width on some screens, or its width is not in px.
        f'<img srcset="{LOGO} 600w" sizes="(max-width: 600px) 1px, 300px" {ALT}>',
        f'<img srcset="{LOGO} 600w" sizes="1vw" {ALT}>',
        f'<img srcset="{LOGO} 600w" {ALT}>',
        # The attributes size the box, whatever the density.
        f'<img srcset="{LOGO} 1000x" {ALT} width="120" height="40">',
        f'<img srcset="{LOGO} 2x" {ALT}>',
        f'<img srcset="{LOGO} 100x" {ALT}>',
        f'<img srcset="{_png(24, 24)} 4x" {ALT}>',
    ],
    ids=[
        "logo",
        "pixel-at-2x-only",
        "logo-among-candidates",
        "logo-in-srcset-over-pixel-src",
        "source-for-phones",
        "sizes-readable-on-wide-screens",
        "sizes-in-vw",
        "no-sizes",
        "density-under-attributes",
        "density-2x",
        "density-100x-unknown-size",
        "data-png-24px-at-4x",
    ],
)
def test_a_logo_some_reader_sees_is_seen(image: str) -> None:
    assert _logo_errors(image) == []


def test_the_two_questions_apart() -> None:
    pixel = lxml.html.fragment_fromstring(f'<img srcset="https://x.example/pixel.gif 1x" src="{LOGO}" {ALT} width="120" height="40">')
    assert shows_only_placeholders(pixel) is True
    assert is_tiny_image(pixel) is False  # its box is 120×40: laid out, with a blank in it
    dense = lxml.html.fragment_fromstring(f'<img srcset="{LOGO} 1000x" {ALT}>')
    assert shows_only_placeholders(dense) is False
    assert is_tiny_image(dense) is True
