"""A page's `<style>` blocks are each read once while the page is read, however many it has:
more blocks than the readings remember across pages (`SHEETS_CACHED`) used to be read again by
each pass over them (what can hide, the colours, the rules to match), so 50,000 blocks of one
rule took over 40 s. What each block says still counts wherever it stands among them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from compliance.document import parse_document
from compliance.document.animation import sheet_keyframes
from compliance.document.css import SHEETS_CACHED, parse_style_sheet, per_sheet, reading_one_page, registered_properties
from compliance.document.generated import _pseudo_rules
from compliance.document.visibility import _SheetSummary

BLOCKS = SHEETS_CACHED * 4


def _page(blocks: list[str], body: str) -> str:
    styles = "".join(f"<style>{block}</style>" for block in blocks)
    return f"<html><head>{styles}</head><body><article><h1>Council meets</h1>{body}</article></body></html>"


def _one_rule_each(number: int) -> str:
    return f".s{number}{{color:red}}"


def _many_rules_each(number: int) -> str:
    return "".join(f".c{number}-{rule}{{margin:{rule}px 0;color:#{number * 7 + rule:06x};font-size:17px}}" for rule in range(12))


def _keyframes_and_registrations(number: int) -> str:
    keyframes = f"@keyframes k{number}{{from{{opacity:1}}to{{opacity:.5}}}}"
    return keyframes + f"@property --p{number}{{syntax:'<length>';inherits:false;initial-value:{number}px}}.k{number}{{animation:k{number} 1s}}"


def _generated_words(number: int) -> str:
    return f'.g{number}::after{{content:" by Staff Writer {number}"}}.g{number}::before{{content:"Filed "}}'


READINGS: list[per_sheet[object]] = [parse_style_sheet, _SheetSummary.of, registered_properties, sheet_keyframes, _pseudo_rules]  # type: ignore[list-item]
SHAPES: dict[str, Callable[[int], str]] = {
    "one rule": _one_rule_each,
    "many rules": _many_rules_each,
    "keyframes": _keyframes_and_registrations,
    "generated words": _generated_words,
}
# The texts other than blocks that `parse_style_sheet` reads on such a page: every block's
# keyframes hold the same `from{opacity:1}to{opacity:.5}`, read as a sheet of its own.
OTHER_SHEETS = {"one rule": 0, "many rules": 0, "keyframes": 1, "generated words": 0}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_block_of_a_page_of_many_is_read_once(shape: str) -> None:
    # Distinct texts, never seen before in this process: every reading is a miss of its own.
    blocks = [f"/* {shape} {id(object())} */" + SHAPES[shape](number) for number in range(BLOCKS)]
    for reading in READINGS:
        reading.cache_clear()
    parse_document(_page(blocks, "<p>The council met on Tuesday.</p>"), "html")
    misses = {reading.__qualname__: reading.cache_info().misses for reading in READINGS}
    # Each reading reads each block at most once (some readings are only asked of some pages).
    assert all(count <= BLOCKS + OTHER_SHEETS[shape] for count in misses.values()), misses
    assert misses["parse_style_sheet"] == BLOCKS + OTHER_SHEETS[shape]
    assert misses["_SheetSummary.of"] == BLOCKS
    if shape == "generated words":
        assert misses["_pseudo_rules"] == BLOCKS


@pytest.mark.parametrize("where", [0, BLOCKS // 2, BLOCKS - 1])
@pytest.mark.parametrize("hiding", ["display:none", "visibility:hidden", "font-size:0", "color:#fff;background:#fff"])
def test_a_rule_that_hides_counts_wherever_it_stands_among_many_blocks(where: int, hiding: str) -> None:
    blocks = [_many_rules_each(number) for number in range(BLOCKS)]
    blocks[where] += f".promo{{{hiding}}}"
    document = parse_document(_page(blocks, '<p>The council met on Tuesday.</p><p class="promo">Subscribe now</p>'), "html")
    texts = [block.text for block in document.blocks]
    assert "The council met on Tuesday." in texts
    assert "Subscribe now" not in texts


@pytest.mark.parametrize("where", [0, BLOCKS - 1])
def test_a_later_block_shows_what_an_earlier_one_hides(where: int) -> None:
    blocks = [_one_rule_each(number) for number in range(BLOCKS)]
    blocks[where] += ".promo{display:none}"
    blocks.append(".promo{display:block}")
    document = parse_document(_page(blocks, '<p class="promo">Subscribe now</p>'), "html")
    assert "Subscribe now" in [block.text for block in document.blocks]


def test_a_few_huge_blocks_are_read_once_each() -> None:
    blocks = ["".join(f".h{number}-{rule}{{color:#{rule:06x}}}" for rule in range(5_000)) for number in range(3)]
    blocks[-1] += ".promo{opacity:0}"
    parse_style_sheet.cache_clear()
    document = parse_document(_page(blocks, '<p class="promo">Subscribe now</p><p>The council met.</p>'), "html")
    assert [block.text for block in document.blocks][-1] == "The council met."
    assert parse_style_sheet.cache_info().misses == len(blocks)


def test_readings_of_a_page_are_let_go_when_it_is_read_and_kept_across_pages_as_before() -> None:
    texts = [f".gone-{number}{{display:none}}" for number in range(BLOCKS)]
    with reading_one_page():
        first = [parse_style_sheet(text) for text in texts]
        assert [parse_style_sheet(text) for text in texts] == first
        assert all(again is rule for again, rule in zip([parse_style_sheet(text) for text in texts], first, strict=True))
    # Outside a page's reading only the last `SHEETS_CACHED` are remembered.
    parse_style_sheet.cache_clear()
    for text in texts:
        parse_style_sheet(text)
    assert parse_style_sheet.cache_info().currsize == SHEETS_CACHED
    assert parse_style_sheet(texts[-1]) is parse_style_sheet(texts[-1])
    assert parse_style_sheet.__wrapped__(texts[0]) == first[0]


# A site's pages share its stylesheet: the words its `::before` and `::after` rules generate are
# read from the sheet once, and shown on each page where that page's own elements match them
# (and on no page whose elements they do not match).
SITES: dict[str, tuple[str, list[tuple[str, list[str]]]]] = {
    "credit after": (
        '.credit::after{content:", Daily Caller News Foundation"}',
        [
            ('<p class="credit">Jake Smith</p>', ["Jake Smith, Daily Caller News Foundation"]),
            ('<p class="credits">Jake Smith</p>', ["Jake Smith"]),
            ('<p class="credit">Ann Lee</p><p>The council met.</p>', ["Ann Lee, Daily Caller News Foundation", "The council met."]),
        ],
    ),
    "byline label before": (
        '.byline > .name::before{content:"By "}.byline .role::after{content:" (staff)"}',
        [
            ('<div class="byline"><span class="name">Ann Lee</span> <span class="role">Reporter</span></div>', ["By Ann Lee Reporter (staff)"]),
            ('<div class="byline"><b><span class="name">Ann Lee</span></b></div>', ["Ann Lee"]),
            ('<div class="byline"><span class="name">Jake Smith</span></div>', ["By Jake Smith"]),
        ],
    ),
    "wire in a media block": (
        '@media screen{.dateline::after{content:" - Reuters"}}',
        [
            ('<p class="dateline">LONDON</p><p>Prices rose.</p>', ["LONDON - Reuters", "Prices rose."]),
            ("<p>LONDON</p><p>Prices rose.</p>", ["LONDON", "Prices rose."]),
            ('<p class="dateline">PARIS</p>', ["PARIS - Reuters"]),
        ],
    ),
}


@pytest.mark.parametrize("site", sorted(SITES))
def test_words_generated_by_a_sites_sheet_follow_each_pages_own_elements(site: str) -> None:
    sheet, pages = SITES[site]
    _pseudo_rules.cache_clear()
    for body, expected in pages:
        assert [block.text for block in parse_document(_page([sheet], body), "html").blocks] == ["Council meets", *expected]
    # The sheet was read once for all the site's pages.
    assert _pseudo_rules.cache_info().misses == 1
