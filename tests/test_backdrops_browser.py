"""The verdicts of `test_backdrops` on white text over a picture, confirmed in a real headless
Chromium (as `test_browser` drives it): the byline's text is seen where its box shows something
else once its text is made transparent, and not seen where nothing changes. Pictures are served
as a dark PNG; a `<video>` is left out (its frames cannot be stood in for here). The WordPress
Cover block's stylesheet is stood in for by the block library's rules that place it (`.wp-block-
cover` is positioned, its background placed absolutely across it, under its inner container)."""

from __future__ import annotations

import struct
import zlib
from typing import Any

import pytest

from tests.test_backdrops import ON_WHITE, OVER_A_PICTURE, WP_COVER, page
from tests.test_browser import browser  # noqa: F401 (the fixture)

COPY = "https://copy.example/article"
# The rules of WordPress's block library that lay a Cover block's background under its content.
COVER_CSS = (
    ".wp-block-cover{position:relative;display:flex;min-height:430px;padding:1em;box-sizing:border-box}"
    ".wp-block-cover__image-background,.wp-block-cover__background{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;margin:0}"
    ".wp-block-cover__inner-container{position:relative;z-index:1;width:100%}"
)


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A PNG of one colour."""
    row = b"\x00" + bytes(rgb) * width
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)  # noqa: E731
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b"")


DARK = _png(1200, 600, (30, 40, 60))


def byline_text_seen(chromium: Any, html: bytes) -> bool:
    """Whether the byline's words change what Chromium paints in its box."""
    tab = chromium.new_page(viewport={"width": 1000, "height": 1400})

    def serve(route: Any) -> None:
        url, kind = route.request.url, route.request.resource_type
        if url == COPY:
            route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8")
        elif kind == "image":
            route.fulfill(status=200, body=DARK, content_type="image/png")
        elif kind == "stylesheet":
            route.fulfill(status=200, body=COVER_CSS if "block-library" in url else "", content_type="text/css")
        else:
            route.fulfill(status=404, body="")

    tab.route("**/*", serve)
    try:
        tab.goto(COPY, wait_until="load")
        box = tab.locator(".byline").bounding_box()
        assert box is not None and box["width"] > 0
        shown = tab.screenshot(clip=box, full_page=True)
        tab.add_style_tag(content=".byline,.byline *{color:transparent!important;-webkit-text-fill-color:transparent!important}")
        return tab.screenshot(clip=box, full_page=True) != shown
    finally:
        tab.close()


@pytest.mark.parametrize("name", [name for name in OVER_A_PICTURE if "video" not in name])
def test_chromium_shows_the_white_byline_over_a_picture(browser: Any, name: str) -> None:  # noqa: F811
    css, body = OVER_A_PICTURE[name]
    assert byline_text_seen(browser, page(css, body))


def test_chromium_shows_the_white_text_of_a_wordpress_cover_block(browser: Any) -> None:  # noqa: F811
    head = '<link rel="stylesheet" href="https://pinehollow.example/wp-includes/css/dist/block-library/style.min.css">'
    assert byline_text_seen(browser, page(".has-base-color{color:#fff!important}", WP_COVER, head=head))


@pytest.mark.parametrize("name", ON_WHITE)
def test_chromium_does_not_show_the_white_byline_on_white(browser: Any, name: str) -> None:  # noqa: F811
    css, body = ON_WHITE[name]
    assert not byline_text_seen(browser, page(css, body))
