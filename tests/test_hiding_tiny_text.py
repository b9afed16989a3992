"""Text too small to read: a credit drawn under 6px (`visibility.unreadably_small`) is not a
credit a reader sees, whatever unit sets its size or however it inherits it; small print of 6px
and more is seen. Sizes shrunk by scales and zooms are in tests/test_hiding_moved_or_shrunk.py
(`SHRUNK_TEXT`); Chromium's own drawing of these sizes is checked in tests/test_browser.py."""

from __future__ import annotations

import pytest

from tests.test_hiding_families import byline_hidden, byline_hidden_both_ways, dcnf, findings, propublica

# Declarations on the byline → too small to read (in a `style` attribute and in a `<style>` rule).
TINY_STYLES = [
    "font-size:2px",
    "font-size:5px",
    "font-size:5.9px",
    "font-size:4pt",  # 5.33px
    "font-size:1mm",  # 3.78px
    "font-size:0.1em",  # 1.6px of the default 16px
    "font-size:0.3em",
    "font-size:30%",
    "font-size:0.3rem",
    "font-size:calc(2px + 0.1em)",
    "font:5px/1 serif",
    "font:italic bold 3px Georgia,serif",
    "font-size:16px;font-size:3px",
]
# Small print, read: 6px and larger, keywords, relative sizes at ordinary sizes.
READABLE_STYLES = [
    "font-size:6px",
    "font-size:8px",
    "font-size:10px",
    "font-size:5pt",  # 6.67px
    "font-size:0.6em",
    "font-size:62.5%",
    "font-size:xx-small",
    "font-size:x-small",
    "font-size:smaller",
    "font:10px/1 serif",
    "font:bold 0.75em Georgia,serif",
]


@pytest.mark.parametrize("style", TINY_STYLES)
def test_a_credit_too_small_to_read_is_hidden(style: str) -> None:
    assert byline_hidden_both_ways(style) == (True, True)
    assert findings(propublica(credit=f'<p style="{style}">{{text}}</p>'), "propublica", "propublica/credit-line")


@pytest.mark.parametrize("style", READABLE_STYLES)
def test_small_print_is_read(style: str) -> None:
    assert byline_hidden_both_ways(style) == (False, False)
    assert findings(propublica(credit=f'<p style="{style}">{{text}}</p>'), "propublica", "propublica/credit-line") == []


# The byline's markup (and the page's `<style>`) → whether it is too small to read: sizes are
# inherited, and a size relative to the parent's is worked out from it.
INHERITED_SIZES = {
    ("", '<div style="font-size:4px"><p>By Maria Lopez</p></div>'): True,
    ("<style>.meta{font-size:3px}</style>", '<div class="meta"><p>By Maria Lopez</p></div>'): True,
    ("", '<div style="font-size:10px"><p style="font-size:50%">By Maria Lopez</p></div>'): True,
    ("", '<div style="font-size:8px"><p style="font-size:0.7em">By Maria Lopez</p></div>'): True,
    ("<style>.by{font-size:0.25rem}</style>", '<p class="by">By Maria Lopez</p>'): True,
    ("<style>.meta{font-size:4px}</style>", '<div class="meta"><p style="font-size:125%">By Maria Lopez</p></div>'): True,
    ("", '<p style="font-size:4px">By <span style="font-size:5px">Maria Lopez</span></p>'): True,
    # Relative sizes under a small parent's that `<style>` rules set: too small together.
    ("<style>.meta{font-size:10px} .meta .by{font-size:0.5em}</style>", '<div class="meta"><p class="by">By Maria Lopez</p></div>'): True,
    ("<style>.meta{font-size:10px}</style>", '<div class="meta"><p style="font-size:50%">By Maria Lopez</p></div>'): True,
    ("<style>html{font-size:8px} .by{font-size:0.5rem}</style>", '<p class="by">By Maria Lopez</p>'): True,
    ("<style>.x{font-size:1px} .meta{font-size:10px} .by{font-size:0.5em}</style>", '<div class="meta"><p class="by">By Maria Lopez</p></div>'): True,
    ("<style>.meta{font-size:12px} .meta .by{font-size:0.5em}</style>", '<div class="meta"><p class="by">By Maria Lopez</p></div>'): False,
    ("<style>.meta{font-size:10px} .by{font-size:0.5em}</style>", '<div class="meta"></div><p class="by">By Maria Lopez</p>'): False,
    # A descendant with a readable size shows its text again; ordinary relative sizes are read.
    ("", '<div style="font-size:3px"><p style="font-size:12px">By Maria Lopez</p></div>'): False,
    ("", '<div style="font-size:4px"><p style="font-size:3em">By Maria Lopez</p></div>'): False,
    ("", '<div style="font-size:10px"><p style="font-size:smaller">By Maria Lopez</p></div>'): False,
    ("", '<div style="font-size:10px"><p>By Maria Lopez</p></div>'): False,
    ("", "<p><small>By Maria Lopez</small></p>"): False,
    ("", '<p style="font-size:12px"><small>By Maria Lopez</small></p>'): False,
    ("<style>html{font-size:62.5%} .by{font-size:1.2rem}</style>", '<p class="by">By Maria Lopez</p>'): False,
    ("<style>.by{font-size:2px} .by{font-size:11px}</style>", '<p class="by">By Maria Lopez</p>'): False,
}


@pytest.mark.parametrize("key", sorted(INHERITED_SIZES))
def test_an_inherited_or_relative_size_is_judged_as_drawn(key: tuple[str, str]) -> None:
    head, byline = key
    assert byline_hidden(dcnf(head=head, byline=byline)) is INHERITED_SIZES[key]


def test_a_byline_set_in_two_pixel_type_is_reported_hidden() -> None:
    # The probe page: DCNF's byline in `font-size: 2px`, every other credit in place.
    page = dcnf(head="<style>.byline{font-size:2px}</style>", byline='<p class="byline">By Maria Lopez, Daily Caller News Foundation</p>')
    assert findings(page, "dcnf", "dcnf/byline") == [
        "The DCNF reporter is not credited by name (no visible byline found in the article;"
        " the one at line 3 is too small to read (the page's CSS sets `font-size: 2px` on it))."
    ]
    assert findings(page, "dcnf", "dcnf/logo") == []


@pytest.mark.parametrize(
    ("head", "byline", "why"),
    [
        (
            "",
            '<div style="font-size:3px"><p>By Maria Lopez</p></div>',
            "is too small to read (the `style` attribute of the `<div>` around it at line 3 sets `font-size: 3px`)",
        ),
        (
            "<style>.by{transform:scale(0.2)}</style>",
            '<p class="by">By Maria Lopez</p>',
            "is too small to read (the page's CSS sets `transform: scale(0.2)` on it)",
        ),
        # Hidden another way too: named for that, and for what takes it away with all it holds.
        ("", '<div style="font-size:3px"><p style="display:none">By Maria Lopez</p></div>', "is hidden (its `style` attribute sets `display: none`)"),
        (
            "",
            '<div style="display:none"><p style="font-size:3px">By Maria Lopez</p></div>',
            "is hidden (the `style` attribute of the `<div>` around it at line 3 sets `display: none`)",
        ),
    ],
)
def test_the_finding_says_the_byline_is_too_small_to_read(head: str, byline: str, why: str) -> None:
    message = f"The DCNF reporter is not credited by name (no visible byline found in the article; the one at line 3 {why})."
    assert findings(dcnf(head=head, byline=byline), "dcnf", "dcnf/byline") == [message]
