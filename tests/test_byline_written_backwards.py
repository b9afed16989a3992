"""A byline whose name reads backwards names no one: "By htimS ekaJ, Daily Caller News
Foundation", however its letters came to run right to left (a `<bdo dir="rtl">`, a CSS
`unicode-bidi: bidi-override; direction: rtl`, a right-to-left override character U+202E, or the
text pasted so). Each word of such a name ends with its capital after lower-case letters, as no
name's word does; the byline credits no reporter and the finding says that it reads backwards,
not that it names an outlet. A name's own shapes ("McDonald", "deGrasse", "bell hooks", "van der
Berg", "al-Rashid") and words ending in initials or capitals ("iOS", "macOS", "mRNA") are read
as before."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import read_byline, reads_backwards
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = {pack.id: pack for pack in load_packs()}
OUTLETS = frozenset(outlet.lower() for outlet in PACKS["dcnf"].outlets)

DCNF_LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience.</p>"
)
DCNF_LOGO = '<p><img src="https://dailycallernewsfoundation.org/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="300" height="60"></p>'


def _page(byline: str, *, head: str = "", extra: str = "") -> bytes:
    return (
        f"<html><head>{head}</head><body><article><h1>Rural hospitals send surprise bills</h1>\n{extra}\n"
        f'<p class="byline">{byline}</p>\n'
        "<p>Patients in three states received bills months after their visits.</p>\n"
        "<p>Hospital officials said the billing system had been replaced.</p>\n</article></body></html>"
    ).encode()


def _details(data: bytes, pack: str, rule: str) -> list[str]:
    report = check_document(parse_document(data, "html"), [PACKS[pack]], path="story.html", auto_detect=False)
    return [finding.detail for finding in report.findings if finding.rule == rule]


# --- As the reader reads a byline ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "backwards"),
    [
        ("By htimS ekaJ, Daily Caller News Foundation", "htimS ekaJ"),
        ("By htimS ekaJ", "htimS ekaJ"),
        ("noitadnuoF sweN rellaC yliaD ,htimS ekaJ yB", "noitadnuoF sweN rellaC yliaD ,htimS ekaJ"),
        # a name's inner capital, a hyphen and an apostrophe reversed with it
        ("By dlanoDcM dlanoR, Daily Caller News Foundation", "dlanoDcM dlanoR"),
        ("By senoJ-htimS yraM, Daily Caller News Foundation", "senoJ-htimS yraM"),
        ("By lieN'O yraM, Daily Caller News Foundation", "lieN'O yraM"),
        # one word reversed is enough: the rest is no name either
        ("By htimS Jake, Daily Caller News Foundation", "htimS"),
        # Greek capitals as Latin ones
        ("By ςυολυαΠ ςοιγρεΓ, Daily Caller News Foundation", "ςυολυαΠ ςοιγρεΓ"),
    ],
)
def test_a_name_written_backwards_credits_no_one(line: str, backwards: str) -> None:
    reading = read_byline(line, outlets=OUTLETS)
    assert reading is not None
    assert (reading.names, reading.problem) == ((), "unnamed")
    assert reads_backwards(line) == backwards


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By bell hooks, Daily Caller News Foundation", "bell hooks"),
        ("By danah boyd, Daily Caller News Foundation", "danah boyd"),
        ("By maria lopez, daily caller news foundation", "maria lopez"),
        ("By Neil deGrasse Tyson, Daily Caller News Foundation", "Neil deGrasse Tyson"),
        ("By Sara McDonald, Daily Caller News Foundation", "Sara McDonald"),
        ("By Anne van der Berg, Daily Caller News Foundation", "Anne van der Berg"),
        ("By Omar al-Rashid, Daily Caller News Foundation", "Omar al-Rashid"),
        ("By Mary O'Neil-Smith, Daily Caller News Foundation", "Mary O'Neil-Smith"),
        ("By JaVale McGee, Daily Caller News Foundation", "JaVale McGee"),
        ("By k.d. lang, Daily Caller News Foundation", "k.d. lang"),
        ("By HTIMS EKAJ, DAILY CALLER NEWS FOUNDATION", "HTIMS EKAJ"),
    ],
)
def test_a_names_own_shapes_are_read_as_before(line: str, name: str) -> None:
    reading = read_byline(line, outlets=OUTLETS)
    assert reading is not None
    assert reading.names == (name,)
    assert reads_backwards(line) == ""


@pytest.mark.parametrize("text", ["iOS", "mRNA", "eID", "iPhone", "eBay", "pH", "kW", "macOS", "By Jake Smith, iOS Reporter", "deGrasse"])
def test_capitals_a_name_or_a_brand_writes_read_forwards(text: str) -> None:
    assert reads_backwards(text) == ""


# --- As the checks judge it, in several packs --------------------------------------------------------

REVERSED = "By htimS ekaJ"
SAID = "names no reporter: 'htimS ekaJ' reads backwards (a name's letters in reverse order)"

# How the byline's letters come to run right to left → the byline's markup.
DCNF_BYLINES = {
    "written so": "By htimS ekaJ, Daily Caller News Foundation",
    "bdo": 'By <bdo dir="rtl">Jake Smith</bdo>, Daily Caller News Foundation',
    "css override": 'By <span style="unicode-bidi:bidi-override;direction:rtl">Jake Smith</span>, Daily Caller News Foundation',
    "css override by class": 'By <span class="rev">Jake Smith</span>, Daily Caller News Foundation',
    "rlo closed": "By \u202eJake Smith\u202c, Daily Caller News Foundation",
    "rlo at the end": "By \u202eJake Smith",
    "bdo without outlet": 'By <bdo dir="rtl">Jake Smith</bdo>',
}


@pytest.mark.parametrize("how", sorted(DCNF_BYLINES))
def test_dcnf_byline_reversed_fails_saying_it_reads_backwards(how: str) -> None:
    head = "<style>.rev{unicode-bidi:bidi-override;direction:rtl}</style>"
    data = _page(DCNF_BYLINES[how], head=head, extra=DCNF_LOGO).replace(b"</article>", DCNF_LICENSE.encode() + b"</article>")
    (detail,) = _details(data, "dcnf", "dcnf/byline")
    assert detail.startswith("byline 'By htimS ekaJ") and detail.endswith(SAID)
    assert "outlet" not in detail.removeprefix("byline 'By htimS ekaJ, Daily Caller News Foundation'")


def test_a_whole_byline_reversed_says_so_and_not_that_it_names_an_outlet() -> None:
    data = _page('<span style="unicode-bidi:bidi-override;direction:rtl">By Jake Smith, Daily Caller News Foundation</span>', extra=DCNF_LOGO).replace(
        b"</article>", DCNF_LICENSE.encode() + b"</article>"
    )
    (detail,) = _details(data, "dcnf", "dcnf/byline")
    assert detail == (
        "byline 'noitadnuoF sweN rellaC yliaD ,htimS ekaJ yB' names no reporter:"
        " 'noitadnuoF sweN rellaC yliaD ,htimS ekaJ' reads backwards (a name's letters in reverse order)"
    )


REVERSED_TWICE = ['By <bdo dir="rtl">htimS ekaJ</bdo>, Daily Caller News Foundation', "By \u202ehtimS ekaJ\u202c, Daily Caller News Foundation"]


@pytest.mark.parametrize("source", REVERSED_TWICE)
def test_a_name_reversed_twice_reads_forwards_and_passes(source: str) -> None:
    data = _page(source, extra=DCNF_LOGO).replace(b"</article>", DCNF_LICENSE.encode() + b"</article>")
    assert _details(data, "dcnf", "dcnf/byline") == []


def test_texas_tribune_byline_reversed_fails() -> None:
    credit = '<p>This article first appeared on <a href="https://www.texastribune.org/2024/05/01/x/">The Texas Tribune</a>.</p>'
    reversed_ = _details(_page(f"{REVERSED}, The Texas Tribune", extra=credit), "texas-tribune", "texas-tribune/byline")
    assert reversed_ == [f"byline '{REVERSED}, The Texas Tribune' {SAID}"]
    assert _details(_page("By Jake Smith, The Texas Tribune", extra=credit), "texas-tribune", "texas-tribune/byline") == []


@pytest.mark.parametrize(("pack", "outlet"), [("propublica", "ProPublica"), ("kff-health-news", "KFF Health News")])
def test_creative_commons_author_of_a_reversed_byline_fails(pack: str, outlet: str) -> None:
    credit = '<p>This story was originally published by <a href="https://www.propublica.org/article/x">ProPublica</a>.</p>'
    assert _details(_page(f"{REVERSED}, {outlet}", extra=credit), pack, "creative-commons/author") == [f"byline '{REVERSED}, {outlet}' {SAID}"]
    assert _details(_page(f"By Jake Smith, {outlet}", extra=credit), pack, "creative-commons/author") == []
