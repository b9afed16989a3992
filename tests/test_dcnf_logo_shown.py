"""DCNF's logo is the picture a reader's browser paints, not the alt text or the `src` alone: a
`srcset` candidate or a `<picture>`'s `<source>` replaces the `src`, a lazy-loader's `data-src`
its placeholder; and DCNF's alt text does not make a picture that is plainly another (The Daily
Caller's own logo file, the republisher's logo, an ad, a promo, a blank image) DCNF's logo."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_markdown
from compliance.packs import load_pack

HOST = "https://dailycallernewsfoundation.org/wp-content/uploads/2019/01"
ALT = 'alt="Daily Caller News Foundation logo"'
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience."
)


def _page(image: str, byline: str = "By Nick Pope") -> str:
    """A DCNF republication whose only logo is `image`, right above `byline`."""
    return (
        # With a lazy-loader, which puts a `data-src` in place of its placeholder.
        '<!doctype html><html><head><title>t</title><script src="/js/lazysizes.min.js" async></script></head><body><article>'
        "<h1>Biden Admin Finalizes Water Heater Rule</h1>"
        f'{image}\n<p class="byline">{byline}</p>'
        "<p>The Department of Energy finalized a rule Tuesday that tightens efficiency standards for residential water heaters.</p>"
        "<p>The department estimates the standards will save households roughly $7 billion a year on utility bills.</p>"
        f"<p>{LICENSE}</p></article></body></html>"
    )


def _failed(image: str) -> set[str]:
    """The DCNF logo and affiliation rules that fail for the page with `image` above "By Nick Pope"."""
    report = check_html(_page(image), packs=["dcnf"])
    failed = {finding.rule for finding in report.findings} & {"dcnf/logo", "dcnf/affiliation"}
    assert failed | ({"dcnf/logo", "dcnf/affiliation"} & {p.rule for p in report.passed}) == {"dcnf/logo", "dcnf/affiliation"}
    return failed


@pytest.mark.parametrize(
    "image",
    [
        # A srcset candidate is what the browser paints; the src is its fallback.
        f'<img src="{HOST}/dcnf-logo.png" {ALT} srcset="/ledger-ad.png 1x" width="300" height="80">',
        f'<img src="{HOST}/dcnf-logo.png" {ALT} srcset="/media/house-ad-600.png 600w, /media/house-ad-300.png 300w" width="300" height="80">',
        # The <picture>'s first <source> that every browser takes wins over the <img>.
        f'<picture><source srcset="/blank.png"><img src="{HOST}/dcnf-logo.png" {ALT} width="300" height="80"></picture>',
        f'<picture><source type="image/webp" srcset="/ledger-promo.webp"><img src="{HOST}/dcnf-logo.png" {ALT} width="300" height="80"></picture>',
        # DCNF's alt text on a picture that is plainly another.
        f'<img src="/ledger-promo.png" {ALT} width="300" height="80">',
        f'<img src="https://dailycaller.com/wp-content/uploads/dc-logo.png" {ALT} width="300" height="80">',
        f'<img src="/ads/banner_728x90.gif?campaign=7" {ALT} width="300" height="80">',
        f'<img src="/img/spacer.gif" {ALT} width="300" height="80">',  # no picture: the reader model's placeholder
        f'<amp-img src="/sponsor-acme.png" {ALT} width="300" height="80" layout="fixed"></amp-img>',
        # A lazy-loader puts its data-src in place of the src: here the logo's placeholder is replaced by an ad.
        f'<img src="{HOST}/dcnf-logo.png" data-src="/ledger-ad.png" {ALT} width="300" height="80">',
    ],
)
def test_a_picture_that_is_not_dcnfs_logo_is_no_logo_whatever_its_alt_or_src(image: str) -> None:
    assert _failed(image) == {"dcnf/logo", "dcnf/affiliation"}


@pytest.mark.parametrize(
    "image",
    [
        f'<img src="{HOST}/dcnf-logo.png" {ALT} width="300" height="80">',
        # DCNF's logo copied under any name the alt text then names.
        f'<img src="/wp-content/uploads/2024/06/image-1.png" {ALT} width="300" height="80">',
        f'<img src="https://cdn.example.com/a/b/8f3a2c.webp?w=300" {ALT} width="300" height="80">',
        f'<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAASwAAABQCAYAAAC=" {ALT} width="300" height="80">',
        # A lazy-load placeholder src with the real logo in data-src (or data-srcset).
        f'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="{HOST}/dcnf-logo.png" {ALT} width="300" height="80">',
        f'<img src="/placeholder.gif" data-src="{HOST}/dcnf-logo.png" {ALT} class="lazyload" width="300" height="80">',
        f'<img src="/img/blank.gif" data-srcset="{HOST}/dcnf-logo.png 1x, {HOST}/dcnf-logo@2x.png 2x" {ALT} width="300" height="80">',
        # A srcset of the logo's sizes, or a 2x picture beside the 1x src.
        f'<img src="{HOST}/dcnf-logo.png" srcset="{HOST}/dcnf-logo-2x.png 2x" width="300" height="80">',
        '<img src="/uploads/dcnf-logo-300x80.png" srcset="/uploads/dcnf-logo-300x80.png 300w, /uploads/dcnf-logo.png 600w" width="300" height="80">',
        f'<picture><source srcset="/uploads/dcnf-logo.webp" type="image/webp"><img src="/uploads/dcnf-logo.png" {ALT} width="300" height="80"></picture>',
        # A word inside another word names no ad or promo: "headline", "promotional" aside, "roadmap".
        f'<img src="/media/roadmap-2024.png" {ALT} width="300" height="80">',
        f'<img src="/img/clear-logo.png" {ALT} width="300" height="80">',
    ],
)
def test_dcnfs_logo_as_the_browser_paints_it_counts(image: str) -> None:
    assert _failed(image) == set()


def test_a_source_for_some_screens_only_is_a_picture_those_readers_see() -> None:
    # Phone readers get the <source>'s ad; the logo must be what every reader's browser paints.
    image = f'<picture><source media="(max-width: 600px)" srcset="/ledger-ad.png"><img src="{HOST}/dcnf-logo.png" {ALT} width="300" height="80"></picture>'
    assert _failed(image) == {"dcnf/logo", "dcnf/affiliation"}


def test_a_markdown_image_is_read_by_its_address_too() -> None:
    story = "The Department of Energy finalized a rule Tuesday.\n\nThe department estimates savings.\n\n" + LICENSE + "\n"
    good = f"# Rule\n\n![Daily Caller News Foundation logo]({HOST}/dcnf-logo.png)\n\nBy Nick Pope\n\n{story}"
    swapped = f"# Rule\n\n![Daily Caller News Foundation logo](/ledger-promo.png)\n\nBy Nick Pope\n\n{story}"
    assert "dcnf/logo" in {p.rule for p in check_markdown(good, packs=["dcnf"]).passed}
    assert "dcnf/logo" in {f.rule for f in check_markdown(swapped, packs=["dcnf"]).findings}


def _shown_src_matches(html: str, pattern: str, attribute: str = "shown-src") -> bool:
    """Whether a pack asking for an image whose `attribute` matches `pattern` passes the page with `html`."""
    pack = load_pack(
        "id: t\nname: T\npublisher: T\nsummary: s\nterms_url: https://example.org/\nas_of: 2024-01-01\nrules:\n"
        "  - id: t/logo\n    severity: error\n    message: m\n    help: h\n"
        f"    check: {{element: {{selector: img, attributes: {{{attribute}: '{pattern}'}}}}}}\n",
        "<test>",
    )
    report = check_html(f"<html><body><article>{html}<p>Story text.</p></article></body></html>", packs=[pack], detect=False)
    return "t/logo" in {p.rule for p in report.passed}


def test_shown_src_must_match_every_picture_a_browser_may_paint() -> None:
    assert _shown_src_matches('<img src="/a-logo.png" width="90" height="30">', "a-logo")
    # The 1x srcset candidate replaces src: only the candidate is painted.
    assert not _shown_src_matches('<img src="/a-logo.png" srcset="/b.png 1x" width="90" height="30">', "a-logo")
    assert _shown_src_matches('<img src="/b.png" srcset="/a-logo.png 1x" width="90" height="30">', "a-logo")
    # A 2x candidate and the src as 1x: either may be painted, so both must match.
    assert not _shown_src_matches('<img src="/a-logo.png" srcset="/b.png 2x" width="90" height="30">', "a-logo")
    # The plain `src` pattern still matches any address the image loads from.
    assert _shown_src_matches('<img src="/a-logo.png" srcset="/b.png 1x" width="90" height="30">', "a-logo", attribute="src")
