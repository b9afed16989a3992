"""Look-alike letters and invisible characters in what markers and rules read besides the page's
text blocks (an image's alt text, a link's text): seen through as in the text, so that a disguised
logo or credit link still says whose story the page is, and a look-alike letter gets its warning.
URLs are read as written: a browser fetches the address as it is spelt."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.document import parse_document
from compliance.engine import LOOK_ALIKE_RULE, check_document
from compliance.loading import load_packs
from compliance.lookalike import as_read
from tests.test_prefilter import assert_same

PACKS = load_packs()

# Each disguise of "Daily Caller News Foundation": (name, the words as written, whether a
# look-alike warning is due). Invisible characters get none, as in the page's text (a soft hyphen
# or a zero-width space is how honest pages break long words).
DISGUISES = [
    ("cyrillic", "D\u0430ily Caller News Foundation", True),
    ("greek", "Daily Caller News F\u03bfundation", True),
    ("fullwidth", "Daily \uff23aller News Foundation", True),
    ("zero-width space", "Daily\u200b Caller News Foun\u200bdation", False),
    ("soft hyphen", "Daily Cal\u00adler News Foun\u00addation", False),
    ("word joiner", "Da\u2060ily Caller News Foundation", False),
]

_LOGO_PAGE = """<html><body><article><h1>Library hours extended</h1>
<{tag} src="https://example.org/l.png" alt="{alt} logo" width="300" height="60"{end}
<p class="byline">By Jake Smith</p>
<p>The county board voted on Tuesday to extend the library hours through the summer.</p>
<p>Members said they would revisit the budget in the fall.</p>
</article></body></html>"""

_TAGS = [("img", ">"), ("amp-img", ' layout="intrinsic"></amp-img>')]


def check(html: str, *, pack: str | None = None) -> Any:
    packs = [p for p in PACKS if p.id == pack] if pack else PACKS
    return check_document(parse_document(html.encode(), "html"), packs, path="story.html", auto_detect=pack is None)


def logo_page(alt: str, tag: tuple[str, str] = _TAGS[0]) -> str:
    return _LOGO_PAGE.format(tag=tag[0], alt=alt, end=tag[1])


@pytest.mark.parametrize("tag", _TAGS, ids=[t for t, _ in _TAGS])
@pytest.mark.parametrize(("disguise", "alt", "warned"), DISGUISES, ids=[d[0] for d in DISGUISES])
def test_a_disguised_logo_alt_text_is_detected_and_counts_as_the_logo(disguise: str, alt: str, warned: bool, tag: tuple[str, str]) -> None:
    report = check(logo_page(alt, tag))
    assert report.packs == ("dcnf",), disguise
    assert {p.rule for p in report.passed} >= {"dcnf/logo", "dcnf/byline", "dcnf/affiliation"}
    assert [f.rule for f in report.findings if f.severity.value == "error"] == []
    warnings = [f for f in report.findings if f.rule == LOOK_ALIKE_RULE]
    if warned:
        (warning,) = warnings
        assert warning.location.line == 2
        assert warning.evidence in alt.split()
    else:
        assert warnings == []


@pytest.mark.parametrize(("disguise", "alt", "warned"), DISGUISES, ids=[d[0] for d in DISGUISES])
def test_with_the_pack_given_a_disguised_logo_is_no_missing_logo(disguise: str, alt: str, warned: bool) -> None:
    report = check(logo_page(alt), pack="dcnf")
    assert "dcnf/logo" not in {f.rule for f in report.findings}, disguise
    assert "dcnf/logo" in {p.rule for p in report.passed}


@pytest.mark.parametrize(("disguise", "alt", "warned"), DISGUISES, ids=[d[0] for d in DISGUISES])
def test_the_prefilter_keeps_every_pack_a_disguised_alt_text_applies(disguise: str, alt: str, warned: bool) -> None:
    assert assert_same(logo_page(alt).encode(), "html").packs == ("dcnf",), disguise


_CREDIT_LINK_PAGE = (
    "<html><body><article><h1>Rents rise</h1><p>Por Ana Ruiz</p>"
    "<p>Tenants said the increase came without warning at all this year.</p>"
    '<p>Este artículo fue publicado originalmente por <a href="https://calmatters.org/housing/2024/05/rents-rise/">{name}</a>.</p>'
    "</article></body></html>"
)


@pytest.mark.parametrize("name", ["C\u0430lMatters", "CalM\u0430tters", "Cal\u200bMatters", "Cal\u00adMatters", "\uff23alMatters"])
def test_a_disguised_credit_links_text_is_the_publishers_name(name: str) -> None:
    report = check(_CREDIT_LINK_PAGE.format(name=name))
    (detection,) = [d for d in report.detections if d.pack == "calmatters"]
    assert "credit-link" in detection.markers
    assert assert_same(_CREDIT_LINK_PAGE.format(name=name).encode(), "html").packs == ("calmatters",)


def test_a_look_alike_letter_in_a_pixels_address_is_another_address() -> None:
    # The counter counts the story only at its own address: a browser fetches the one written.
    page = (
        "<html><body><article><h1>Rivers rise</h1><p>Harriet Quill, University of Example</p>"
        "<p>Floods reached the town on Monday after a week of rain.</p>"
        "<p>This article is republished from The Conversation under a Creative Commons license.</p>"
        '<img src="https://counter.theconversation.com/content/12345/c\u043eunt.gif" alt="" width="1" height="1">'
        "</article></body></html>"
    )
    report = check(page, pack="the-conversation")
    assert "the-conversation/counter" in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("D\u0430ily  Caller", "Daily Caller"),
        ("Foun\u200bdation\u00ad logo", "Foundation logo"),
        ("\uff24\uff23\uff2e\uff26 logo", "DCNF logo"),
        ("Daily Caller", "Daily Caller"),  # ASCII comes back as it is
        ("\u0414\u0435\u0439\u043b\u0438", "\u0414\u0435\u0439\u043b\u0438"),  # a word in Cyrillic is Cyrillic
    ],
)
def test_as_read(written: str, read: str) -> None:
    assert as_read(written) == read


# The publisher's name spelt with ASCII look-alikes (digits, a capital I or a bar for an "l"), in
# an alt text, on a page the pack applies to (its license paragraph names DCNF).
ASCII_DISGUISES = [
    "Dai1y Ca11er News F0undation",
    "Daily CaIler News Foundation",
    "DAILY CA11ER NEWS F0UNDATION",
    "Daily Caller News Foundati0n",
    "Dai|y Caller News Foundation",
]

_LICENSED_LOGO_PAGE = """<html><body><article><h1>Library hours extended</h1>
<img src="https://example.org/l.png" alt="{alt} logo" width="300" height="60">
<p class="byline">By Jake Smith</p>
<p>The county board voted on Tuesday to extend the library hours through the summer.</p>
<p>Members said they would revisit the budget in the fall.</p>
<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available
without charge to any legitimate news publisher that can provide a large audience.</p>
</article></body></html>"""


@pytest.mark.parametrize("alt", ASCII_DISGUISES)
def test_a_logo_spelt_with_ascii_look_alikes_counts_once_the_pack_applies(alt: str) -> None:
    report = check(_LICENSED_LOGO_PAGE.format(alt=alt))
    assert report.packs == ("dcnf",)
    assert {p.rule for p in report.passed} >= {"dcnf/logo", "dcnf/affiliation"}, alt
    assert [f.rule for f in report.findings if f.severity.value == "error"] == []
    warnings = [f for f in report.findings if f.rule == LOOK_ALIKE_RULE]
    assert warnings and all(w.location.line == 2 for w in warnings)


@pytest.mark.parametrize("alt", ["Daily Caller 1st Amendment", "Top 10 Daily Caller", "Web3 Foundation", "COVID-19 News"])
def test_honest_words_with_digits_make_no_logo(alt: str) -> None:
    report = check(_LICENSED_LOGO_PAGE.format(alt=alt))
    assert "dcnf/logo" in {f.rule for f in report.findings}, alt
    assert [f for f in report.findings if f.rule == LOOK_ALIKE_RULE] == []


_NAMES = ("Daily Caller News Foundation", "Daily Caller", "CalMatters")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Dai1y Ca11er News F0undation logo", "Daily Caller News Foundation logo"),
        ("Ca1Matters", "CalMatters"),
        ("2024 Daily Caller", "2024 Daily Caller"),
        ("Top 10 stories", "Top 10 stories"),
        ("Web3 and COVID-19", "Web3 and COVID-19"),
        ("Daily Caller 1st Amendment", "Daily Caller 1st Amendment"),
        ("D\u0430i1y Caller", "Daily Caller"),
    ],
)
def test_as_read_with_the_packs_names_reads_their_ascii_spellings_only(written: str, read: str) -> None:
    assert as_read(written, _NAMES) == read


def test_without_a_pack_ascii_look_alikes_are_read_as_written() -> None:
    assert as_read("Dai1y Ca11er") == "Dai1y Ca11er"


def test_a_credit_links_text_spelt_with_a_digit_reads_as_the_plain_name() -> None:
    plain = check(_CREDIT_LINK_PAGE.format(name="CalMatters"), pack="calmatters")
    spelt = check(_CREDIT_LINK_PAGE.format(name="Ca1Matters"), pack="calmatters")
    assert [f.rule for f in spelt.findings if f.rule == LOOK_ALIKE_RULE] == [LOOK_ALIKE_RULE]
    assert sorted(f.rule for f in spelt.findings if f.rule != LOOK_ALIKE_RULE) == sorted(f.rule for f in plain.findings)
    assert sorted(p.rule for p in spelt.passed) == sorted(p.rule for p in plain.passed)
