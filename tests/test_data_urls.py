"""`data:` URLs read as a browser reads them (compliance.document.data_urls), the one reader of a
`data:` image logo, an SVG `data:` logo and a `data:` stylesheet.

The shapes below are where Python's lenient `base64.b64decode` and a browser's forgiving-base64
disagree; what Chromium 156 does with each was measured (an `<img>`'s `naturalWidth`, a `<link
rel=stylesheet>`'s effect) and is what each test asserts.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest

from compliance.document.data_sheets import data_sheet_text
from compliance.document.data_urls import DataUrl, read_data_url
from tests.test_visibility import LOGO_ALT, check, errors, page

_NS = "xmlns='http://www.w3.org/2000/svg'"
_SRC = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"


def _middle(text: str, inserted: str) -> str:
    return text[: len(text) // 2] + inserted + text[len(text) // 2 :]


def _one_over(text: str) -> str:
    """The body with characters added so that one is left over after the last group of four."""
    bare = text.rstrip("=")
    return bare + "A" * ((1 - len(bare)) % 4)


# Bodies a browser refuses: the image is broken, the stylesheet not applied.
REFUSED: dict[str, Callable[[str], str]] = {
    "a character outside the alphabet": lambda b: _middle(b, "!"),
    "the URL-safe alphabet's minus": lambda b: _middle(b, "-_"),
    "padding inside the body": lambda b: _middle(b.rstrip("="), "=="),
    "three padding characters": lambda b: b.rstrip("=") + "===",
    "one character over a group of four": _one_over,
    "a percent sign not escaping a byte": lambda b: _middle(b, "%zz"),
}
# Bodies a browser decodes although `b64decode` fails on them or reads them otherwise.
DECODED: dict[str, Callable[[str], str]] = {
    "no padding": lambda b: b.rstrip("="),
    "white space inside": lambda b: _middle(_middle(b, "\n  "), "\f\t"),
    "percent-encoded padding and space": lambda b: _middle(b, "%20").replace("=", "%3D"),
    "every character percent-encoded": lambda b: "".join(f"%{ord(c):02X}" for c in b),
    "a fragment after the body": lambda b: b + "#logo",
}
# Media type endings that mark a base64 body, and ones that do not (the body is then read as it is).
BASE64_HEADS = ("; base64", ";BASE64", " ;Base64", ";base64 ", ";charset=utf-8;base64")
OTHER_HEADS = (";\tbase64", ";base64;charset=utf-8", ";base64x")


def _b64(text: str | bytes) -> str:
    return base64.b64encode(text.encode() if isinstance(text, str) else text).decode()


def test_the_reader_gives_the_media_type_and_the_bytes() -> None:
    assert read_data_url("data:image/PNG;base64,QUJD") == DataUrl("image/png", True, b"ABC")
    assert read_data_url("  DATA:text/css;charset=utf-8,.a%7Bb:c%7D#frag") == DataUrl("text/css", False, b".a{b:c}")
    assert read_data_url("data:,x%20y") == DataUrl("text/plain", False, b"x y")
    assert read_data_url("data:;base64,QQ") == DataUrl("text/plain", True, b"A")
    assert read_data_url("data:image/png#x,QUJD") is None  # the comma is in the fragment
    assert read_data_url("https://example.com/a.png") is None


@pytest.mark.parametrize("shape", sorted(REFUSED))
def test_a_body_a_browser_refuses_reads_as_nothing(shape: str) -> None:
    assert read_data_url("data:image/png;base64," + REFUSED[shape]("QUJDRA==")) is None


@pytest.mark.parametrize("shape", sorted(DECODED))
def test_a_body_a_browser_decodes_reads_as_its_bytes(shape: str) -> None:
    assert read_data_url("data:image/png;base64," + DECODED[shape]("QUJDRA==")) == DataUrl("image/png", True, b"ABCD")


@pytest.mark.parametrize("head", BASE64_HEADS + OTHER_HEADS)
def test_only_a_base64_ending_with_spaces_before_it_marks_base64(head: str) -> None:
    read = read_data_url(f"data:text/css{head},QUJD")
    assert read is not None
    assert (read.media_type, read.base64, read.body) == (("text/css", True, b"ABC") if head in BASE64_HEADS else ("text/css", False, b"QUJD"))


# --- the three uses ---------------------------------------------------------------------------

# A 300×200 PNG logo (its header), a 300×100 SVG logo and a 1×1 SVG placeholder.
_PNG_LOGO = _b64(bytes.fromhex("89504e470d0a1a0a0000000d49484452") + (300).to_bytes(4, "big") + (200).to_bytes(4, "big") + bytes(8))
# A logo that draws something: an SVG that draws nothing is a blank box, no logo.
_SVG_LOGO = _b64(f"<svg {_NS} width='300' height='100'><title>DCNF?</title><rect width='300' height='100' fill='#c00'/></svg>")
_SVG_DOT = _b64(f"<svg {_NS} width='1' height='1'><title>pixel?</title></svg>")
_HIDING_SHEET = _b64(".brand-mark{display:none} /* hides the logo */")


def _logo(url: str) -> bytes:
    return page(logo=f'<img class="brand-mark" src="{url}" {LOGO_ALT}>')


def _sheet(url: str) -> bytes:
    return page(logo=f'<link rel="stylesheet" href="{url}"><img class="brand-mark" src="{_SRC}" {LOGO_ALT}>')


@pytest.mark.parametrize("shape", sorted(REFUSED))
def test_a_data_image_a_browser_cannot_decode_is_no_logo(shape: str) -> None:
    assert errors(check(_logo("data:image/png;base64," + REFUSED[shape](_PNG_LOGO)))) == ["dcnf/logo"]
    assert errors(check(_logo("data:image/svg+xml;base64," + REFUSED[shape](_SVG_LOGO)))) == ["dcnf/logo"]


@pytest.mark.parametrize("shape", sorted(DECODED))
def test_a_data_image_a_browser_decodes_is_read_for_its_size(shape: str) -> None:
    assert errors(check(_logo("data:image/png;base64," + DECODED[shape](_PNG_LOGO)))) == []
    assert errors(check(_logo("data:image/svg+xml;base64," + DECODED[shape](_SVG_LOGO)))) == []
    # The same shapes of a 1×1 SVG are read as the 1×1 placeholder they are, not as unreadable.
    assert errors(check(_logo("data:image/svg+xml;base64," + DECODED[shape](_SVG_DOT)))) == ["dcnf/logo"]


@pytest.mark.parametrize("head", BASE64_HEADS + OTHER_HEADS)
def test_an_svg_logo_is_decoded_by_its_base64_ending(head: str) -> None:
    # Read as it is, a base64 body is no SVG: the browser draws a broken image.
    expected = [] if head in BASE64_HEADS else ["dcnf/logo"]
    assert errors(check(_logo(f"data:image/svg+xml{head},{_SVG_LOGO}"))) == expected


def test_an_svg_cut_short_by_its_fragment_is_a_broken_image() -> None:
    drawn = f"<svg {_NS} width='300' height='100'><rect width='300' height='100' fill='%23036'/></svg>"
    assert errors(check(_logo("data:image/svg+xml;utf8," + drawn))) == []
    assert errors(check(_logo("data:image/svg+xml;utf8," + drawn.replace("%23", "#")))) == ["dcnf/logo"]


@pytest.mark.parametrize("shape", sorted(REFUSED))
def test_a_data_stylesheet_a_browser_cannot_decode_is_not_applied(shape: str) -> None:
    assert data_sheet_text("data:text/css;base64," + REFUSED[shape](_HIDING_SHEET)) is None
    assert errors(check(_sheet("data:text/css;base64," + REFUSED[shape](_HIDING_SHEET)))) == []


@pytest.mark.parametrize("shape", sorted(DECODED))
def test_a_data_stylesheet_a_browser_decodes_is_applied(shape: str) -> None:
    assert errors(check(_sheet("data:text/css;base64," + DECODED[shape](_HIDING_SHEET)))) == ["dcnf/logo"]


@pytest.mark.parametrize("head", BASE64_HEADS + OTHER_HEADS)
def test_a_data_stylesheet_is_decoded_by_its_base64_ending(head: str) -> None:
    expected = ["dcnf/logo"] if head in BASE64_HEADS else []
    assert errors(check(_sheet(f"data:text/css{head},{_HIDING_SHEET}"))) == expected


def test_a_data_stylesheet_ends_where_its_fragment_starts() -> None:
    assert errors(check(_sheet("data:text/css,.lede{color:%23222}.brand-mark{display:none}"))) == ["dcnf/logo"]
    assert errors(check(_sheet("data:text/css,.lede{color:#222}.brand-mark{display:none}"))) == []


# SVGs a browser does not draw because they are not well-formed XML (Chromium's `<img>` shows a
# broken image for each), and near-misses it draws.
MALFORMED_SVGS = {
    "an HTML entity XML does not define": f"<svg {_NS} width='300' height='100'><text>Daily&nbsp;Caller</text></svg>",
    "a bare ampersand": f"<svg {_NS} width='300' height='100'><text>News & Foundation</text></svg>",
    "an element left open": f"<svg {_NS} width='300' height='100'><g>",
    "an attribute given twice": f"<svg {_NS} width='300' width='200' height='100'/>",
    "markup after the root": f"<svg {_NS} width='300' height='100'/><p>",
}
WELL_FORMED_SVGS = {
    "an entity the document declares": f"<!DOCTYPE svg [<!ENTITY n 'News'>]><svg {_NS} width='300' height='100'><text>&n;</text></svg>",
    "white space before the root": f"\n  <svg {_NS} width='300' height='100'><rect width='300' height='100'/></svg>",
    "a byte-order mark": f"\ufeff<svg {_NS} width='300' height='100'><rect width='300' height='100'/></svg>",
}


@pytest.mark.parametrize("case", sorted(MALFORMED_SVGS))
def test_an_svg_logo_that_is_not_well_formed_is_a_broken_image(case: str) -> None:
    assert errors(check(_logo("data:image/svg+xml;base64," + _b64(MALFORMED_SVGS[case])))) == ["dcnf/logo"]


@pytest.mark.parametrize("case", sorted(WELL_FORMED_SVGS))
def test_a_well_formed_svg_logo_is_drawn(case: str) -> None:
    assert errors(check(_logo("data:image/svg+xml;base64," + _b64(WELL_FORMED_SVGS[case])))) == []
