"""An image whose every source is a placeholder (a blank, spacer or 1px file, an empty or
`about:blank` src, a `data:` picture of 2px or less) shows a reader no logo; a placeholder `src`
that a lazy-loader replaces from a real address is a logo; tracking pixels are still found
(`compliance.document.visibility.is_placeholder`)."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.visibility import is_placeholder
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs

PACKS = {p.id: p for p in load_packs()}
ALT = 'alt="Daily Caller News Foundation logo"'
REAL = "https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png"
GIF_1X1 = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
STORY = "".join(f"<p>Paragraph {n} of the story about the county budget vote and what it means for the schools.</p>" for n in range(8))


def _page(image: str, *, markdown: bool = False) -> bytes:
    if markdown:
        return f"# Budget vote\n\nBy Jake Smith, Daily Caller News Foundation\n\n{image}\n\nThe county voted on its budget.\n".encode()
    return (
        # The page's lazy-loader (lazysizes) puts a `data-src` in place of its placeholder.
        '<!doctype html><html><head><title>Budget</title><script src="/js/lazysizes.min.js" async></script></head>'
        "<body><article><h1>Budget vote</h1>"
        f'<p class="byline">By Jake Smith, Daily Caller News Foundation</p>{image}{STORY}</article></body></html>'
    ).encode()


def _logo_errors(data: bytes, kind: str = "html") -> list[str]:
    report = check_document(parse_document(data, kind), [PACKS["dcnf"]], path=f"article.{kind}", auto_detect=False)
    return sorted(f.rule for f in report.findings if f.severity is Severity.ERROR and f.rule == "dcnf/logo")


@pytest.mark.parametrize(
    "image",
    [
        f'<img src="/img/blank.gif" {ALT}>',
        f'<img src="https://cdn.example.com/assets/spacer.gif?v=3" {ALT} width="300" height="90">',
        f'<img src="/static/images/pixel.gif" {ALT}>',
        f'<img src="/themes/news/transparent.png" {ALT}>',
        f'<img src="/1x1.gif" {ALT}>',
        f'<img src="clear.gif" {ALT}>',
        f'<img src="/img/spacer_1x1.GIF" {ALT}>',
        f'<img src="/img/transparent-pixel.png#x" {ALT}>',
        f'<img src="about:blank" {ALT}>',
        f'<img src="" {ALT}>',
        # A 1x1 data: picture stretched by its attributes is still a blank (or a block of one colour).
        f'<img src="{GIF_1X1}" {ALT} width="300" height="90">',
        # Every source a placeholder: src, srcset and the lazy-loader's address.
        f'<img src="/img/blank.gif" srcset="/img/blank.gif 1x, /img/spacer.gif 2x" data-src="/img/pixel.gif" {ALT}>',
        f'<picture><source srcset="/img/transparent.webp" type="image/webp"><img src="/img/blank.gif" {ALT}></picture>',
        f'<amp-img src="/img/blank.gif" {ALT} width="300" height="90"></amp-img>',
    ],
    ids=[
        "blank",
        "spacer-query-sized",
        "pixel",
        "transparent",
        "1x1",
        "clear-relative",
        "words-joined-upper-case",
        "two-words-fragment",
        "about-blank",
        "empty",
        "data-1x1-stretched",
        "all-sources",
        "picture",
        "amp-img",
    ],
)
def test_a_logo_that_is_only_a_placeholder_is_missing(image: str) -> None:
    assert _logo_errors(_page(image)) == ["dcnf/logo"]


@pytest.mark.parametrize(
    "image",
    [
        f'<img src="{REAL}" {ALT}>',
        # Lazy loading: the placeholder in `src`, the logo in the loader's attribute or a srcset.
        f'<img src="/img/blank.gif" data-src="{REAL}" class="lazyload" {ALT}>',
        f'<img src="/img/spacer.gif" data-lazy-src="{REAL}" {ALT}>',
        f'<img src="{GIF_1X1}" data-lazy-srcset="{REAL} 1x" {ALT}>',
        f'<img src="/img/pixel.gif" srcset="{REAL} 300w" sizes="300px" {ALT}>',
        f'<picture><source srcset="{REAL}"><img src="/img/blank.gif" {ALT}></picture>',
        # Names with a word of their own are pictures.
        f'<img src="/img/clear-logo.png" {ALT}>',
        f'<img src="/img/pixel-perfect-dcnf.svg" {ALT}>',
        f'<img src="/img/blank" {ALT}>',  # no picture extension: a route, not a file name
        f'<img src="/img/transparent/dcnf.png" {ALT}>',  # the folder's name is not the file's
    ],
    ids=["real", "data-src", "data-lazy-src", "data-lazy-srcset", "srcset", "picture-source", "clear-logo", "pixel-perfect", "no-extension", "folder"],
)
def test_a_logo_with_a_picture_is_a_logo(image: str) -> None:
    assert _logo_errors(_page(image)) == []


def test_a_markdown_logo_that_is_a_placeholder_is_missing() -> None:
    assert _logo_errors(_page("![Daily Caller News Foundation logo](/img/blank.gif)", markdown=True), "markdown") == ["dcnf/logo"]
    assert _logo_errors(_page(f"![Daily Caller News Foundation logo]({REAL})", markdown=True), "markdown") == []


@pytest.mark.parametrize(
    ("url", "placeholder"),
    [
        ("/img/blank.gif", True),
        ("  /img/BLANK.GIF?x=1  ", True),
        ("data:,", True),
        (GIF_1X1, True),
        ("about:blank", True),
        ("", True),
        ("/img/blank-slate.jpg", False),
        ("/img/pixel.js", False),
        ("https://pixel.propublica.org/pixel.js", False),
        ("/img/1x1-logo.png", False),
    ],
)
def test_is_placeholder(url: str, placeholder: bool) -> None:
    assert is_placeholder(url) is placeholder


@pytest.mark.parametrize(
    ("pack", "pixel"),
    [
        ("the-19th", '<img src="https://19thnews.org/?republication-pixel=true&amp;post=12345" width="1" height="1" alt="">'),
        ("the-19th", '<img src="https://19thnews.org/pixel.gif?post=12345" alt="">'),
    ],
)
def test_tracking_pixels_are_still_found(pack: str, pixel: str) -> None:
    doc = parse_document(_page(pixel), "html")
    report = check_document(doc, [PACKS[pack]], path="article.html", auto_detect=False)
    assert [p.rule for p in report.passed if p.rule == f"{pack}/pixel"] == [f"{pack}/pixel"]
