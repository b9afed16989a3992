"""A byline that lists the publisher last among its people, as Newspack and Co-Authors Plus print
a publisher kept as a guest author ("By Maria Lopez, Daniel Okafor and ProPublica", "By Ana Ruiz &
KFF Health News", "By A, B, and CalMatters staff"): the outlet is the people's affiliation, as in
"By Maria Lopez and Daniel Okafor, ProPublica", never one more person nor the end of the last
person's credit ("Daniel Okafor and ProPublica" hid Daniel Okafor). Every reader of the names
agrees: the byline on the page, in markup or on lines of its own, a Markdown article's front
matter, a CMS payload's byline, and a `reporter` value. A reporter left out is still missing, and
a partner's outlet in the publisher's place still ties no one to the publisher."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.checks.original_byline import reporters_and_credit
from compliance.document import DocumentKind
from compliance.document.byline_reading import read_byline
from compliance.engine import check_bytes
from compliance.findings import Report
from compliance.packfiles import load_packs
from tests.conftest import ROOT, settings_with_original

PACKS = load_packs()
OUTLETS = frozenset(outlet.lower() for pack in PACKS for outlet in pack.outlets)


def _pack(pack_id: str) -> list[object]:
    return [pack for pack in PACKS if pack.id == pack_id]


@pytest.mark.parametrize(
    ("line", "names", "credit"),
    [
        ("By Maria Lopez, Daniel Okafor and ProPublica", ("Maria Lopez", "Daniel Okafor"), "ProPublica"),
        ("By Maria Lopez and ProPublica", ("Maria Lopez",), "ProPublica"),
        ("By Maria Lopez, Daniel Okafor, and ProPublica", ("Maria Lopez", "Daniel Okafor"), "ProPublica"),
        ("By Maria Lopez & Daniel Okafor & ProPublica", ("Maria Lopez", "Daniel Okafor"), "ProPublica"),
        ("By Maria Lopez, Daniel Okafor and ProPublica staff", ("Maria Lopez", "Daniel Okafor"), "ProPublica staff"),
        ("By Maria Lopez, Daniel Okafor with ProPublica", ("Maria Lopez", "Daniel Okafor"), "ProPublica"),
        ("BY MARIA LOPEZ, DANIEL OKAFOR AND PROPUBLICA", ("MARIA LOPEZ", "DANIEL OKAFOR"), "PROPUBLICA"),
        ("By Sarah Jane Tribble and KFF Health News", ("Sarah Jane Tribble",), "KFF Health News"),
        ("By Ana Ruiz, Jo Park and CalMatters", ("Ana Ruiz", "Jo Park"), "CalMatters"),
        ("by Dana Whitlock and the Texas Tribune", ("Dana Whitlock",), "the Texas Tribune"),
        ("Por María López y ProPublica", ("María López",), "ProPublica"),
        # An outlet no pack names, by its words: the people's outlet all the same.
        ("By Jane Doe and The Associated Press", ("Jane Doe",), "The Associated Press"),
        ("By Maria Lopez, Daniel Okafor and Lakeside Voice", ("Maria Lopez", "Daniel Okafor"), "Lakeside Voice"),
    ],
)
def test_an_outlet_closing_the_list_is_the_peoples_credit(line: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(line, outlets=OUTLETS)
    assert reading is not None
    assert (reading.names, reading.credit, reading.problem) == (names, credit, None)


@pytest.mark.parametrize(
    ("listed", "standard"),
    [
        ("By Maria Lopez, Daniel Okafor and ProPublica", "By Maria Lopez and Daniel Okafor, ProPublica"),
        ("By Ana Ruiz & KFF Health News", "By Ana Ruiz, KFF Health News"),
        ("By Ana Ruiz, Jo Park, and CalMatters staff", "By Ana Ruiz and Jo Park, CalMatters staff"),
        ("By Maria Lopez, Daniel Okafor and The Lakeside Daily News", "By Maria Lopez and Daniel Okafor, The Lakeside Daily News"),
    ],
)
def test_the_listed_form_reads_as_the_standard_form(listed: str, standard: str) -> None:
    one, other = read_byline(listed, outlets=OUTLETS), read_byline(standard, outlets=OUTLETS)
    assert one is not None and other is not None
    assert (one.names, one.credit, one.affiliations) == (other.names, other.credit, other.affiliations)


@pytest.mark.parametrize(
    ("line", "names", "credit"),
    [
        # A surname that ends as an outlet's name does is a person's.
        ("By Ana Ruiz and Tom Daily", ("Ana Ruiz", "Tom Daily"), ""),
        ("By Ana Ruiz and Ann Post", ("Ana Ruiz", "Ann Post"), ""),
        # The last person with an outlet of their own: two people, the outlet their credit.
        ("By Odile Marchetti and Tomás Ferreira for KFF Health News", ("Odile Marchetti", "Tomás Ferreira"), "KFF Health News"),
        # "and" inside a body's name, after a part that is no person: the name's credit, whole.
        ("By Ana Ruiz, Procter and Gamble", ("Ana Ruiz",), "Procter and Gamble"),
        # A contribution in another language stays one ("avec AFP"), as before.
        ("Par Jean Dupont avec AFP", ("Jean Dupont",), "avec AFP"),
    ],
)
def test_a_person_or_a_named_body_is_not_taken_for_a_closing_outlet(line: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(line, outlets=OUTLETS)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    ("value", "names", "credit"),
    [
        ("Maria Lopez, Daniel Okafor and ProPublica", ("Maria Lopez", "Daniel Okafor"), "ProPublica"),
        ("Maria Lopez and ProPublica", ("Maria Lopez",), "ProPublica"),
        ("Ana Ruiz & KFF Health News", ("Ana Ruiz",), "KFF Health News"),
        ("Ana Ruiz and Ben Cole", ("Ana Ruiz", "Ben Cole"), ""),
    ],
)
def test_a_reporter_value_is_read_as_the_byline_is(value: str, names: tuple[str, ...], credit: str) -> None:
    # Read without the loaded packs' outlets: a brand's one word ("ProPublica") is an outlet.
    assert reporters_and_credit(value) == (names, credit)


# ProPublica: a story by two reporters, and its copy with the byline given.
PP_URL = "https://www.propublica.org/article/water-board-raises-rates"
PP_STORY = [
    'The state water board raised rates for farms that pump groundwater, <a href="https://waterboard.example/minutes">minutes</a> show.',
    "The increase takes effect in January and applies to every well in the basin.",
    "Farmers said the new rates would force some to leave fields unplanted next year.",
]
PP_CREDIT = f'<p>This story was originally published by <a href="{PP_URL}">ProPublica</a>.</p>'
PP_PIXEL = '<script async src="https://pixel.propublica.org/pixel.js"></script>'


def _pp_original(first: str, second: str) -> str:
    return (
        f'<html><head><link rel="canonical" href="{PP_URL}"></head><body><article><h1>Water Board Raises Rates</h1>'
        f'<p class="byline">by {first} and {second}</p>' + "".join(f"<p>{p}</p>" for p in PP_STORY) + "</article></body></html>"
    )


def _pp_copy(byline: str, kind: DocumentKind = "html") -> str:
    if kind == "markdown":
        link = ('<a href="https://waterboard.example/minutes">minutes</a>', "[minutes](https://waterboard.example/minutes)")
        story = "\n\n".join(p.replace(*link) for p in PP_STORY)
        credit = f"This story was originally published by [ProPublica]({PP_URL})."
        return f"---\ntitle: Water Board Raises Rates\n{byline}\n---\n\n{credit}\n\n{story}\n\n{PP_PIXEL}\n"
    return (
        f'<html><head><link rel="canonical" href="{PP_URL}"></head><body><article>\n<h1>Water Board Raises Rates</h1>\n{byline}\n{PP_CREDIT}\n'
        + "".join(f"<p>{p}</p>\n" for p in PP_STORY)
        + f"{PP_PIXEL}\n</article></body></html>\n"
    )


def _check_pp(copy: str, original: str, kind: DocumentKind = "html") -> Report:
    packs = _pack("propublica")
    settings = settings_with_original(packs, kind, original)
    return check_bytes(copy.encode(), kind, packs, path=f"copy.{kind}", auto_detect=False, meta=settings.meta, load_original=settings.load_original)


BYLINE_RULES = {"propublica/original-reporter", "propublica/affiliation", "creative-commons/author"}


@pytest.mark.parametrize(
    ("first", "second", "byline", "kind"),
    [
        ("Maria Lopez", "Daniel Okafor", "<p>By Maria Lopez, Daniel Okafor and ProPublica</p>", "html"),
        (
            "Maria Lopez",
            "Daniel Okafor",
            '<span class="byline"><span class="author-prefix">By</span> '
            '<span class="author vcard"><a class="url fn n" href="/author/ml/">Maria Lopez</a></span>'
            '<span class="author-separator">, </span>'
            '<span class="author vcard"><a class="url fn n" href="/author/do/">Daniel Okafor</a></span>'
            '<span class="author-separator"> and </span>'
            '<span class="author vcard"><a class="url fn n" href="/author/pp/">ProPublica</a></span></span>',
            "html",
        ),
        (
            "Hollis Brandt",
            "Rosa Ibarra",
            '<div class="byline">By <a rel="author" href="/a/hb">Hollis Brandt</a> &amp; '
            '<a rel="author" href="/a/ri">Rosa Ibarra</a> &amp; <a rel="author" href="/a/pp">ProPublica</a></div>',
            "html",
        ),
        ("Hollis Brandt", "Rosa Ibarra", '<p class="byline">By Hollis Brandt<br>Rosa Ibarra<br>and ProPublica</p>', "html"),
        ("Kwame Osei", "Lena Berg", "<p>BY KWAME OSEI, LENA BERG, AND PROPUBLICA STAFF</p>", "html"),
        ("Kwame Osei", "Lena Berg", 'author: ["Kwame Osei", "Lena Berg", "ProPublica"]', "markdown"),
    ],
)
def test_both_reporters_and_propublica_listed_last_pass(first: str, second: str, byline: str, kind: DocumentKind) -> None:
    report = _check_pp(_pp_copy(byline, kind), _pp_original(first, second), kind)
    assert BYLINE_RULES.isdisjoint(f.rule for f in report.findings), [f.message for f in report.findings]


@pytest.mark.parametrize(
    ("byline", "missing"),
    [
        ("<p>By Maria Lopez and ProPublica</p>", "Daniel Okafor"),
        ("<p>By Daniel Okafor &amp; ProPublica</p>", "Maria Lopez"),
        ("<p>By Maria Lopez, with ProPublica</p>", "Daniel Okafor"),
    ],
)
def test_a_reporter_left_out_is_still_missing(byline: str, missing: str) -> None:
    report = _check_pp(_pp_copy(byline), _pp_original("Maria Lopez", "Daniel Okafor"))
    messages = [f.message for f in report.findings if f.rule == "propublica/original-reporter"]
    assert len(messages) == 1 and f"{missing} not credited" in messages[0]
    # The reporter named is tied to ProPublica: the byline's fault is the name left out only.
    assert {"propublica/affiliation", "creative-commons/author"}.isdisjoint(f.rule for f in report.findings)


@pytest.mark.parametrize("partner", ["Lakeside Voice", "The Lakeside Daily News", "Valley Ledger staff"])
def test_a_partner_outlet_in_propublicas_place_fails_the_affiliation(partner: str) -> None:
    report = _check_pp(_pp_copy(f"<p>By Maria Lopez, Daniel Okafor and {partner}</p>"), _pp_original("Maria Lopez", "Daniel Okafor"))
    rules = [f.rule for f in report.findings]
    assert "propublica/affiliation" in rules
    # Both reporters are credited: the partner hides no one.
    assert "propublica/original-reporter" not in rules


def _with_byline(sample: str, old: str, byline: str) -> bytes:
    source = (ROOT / sample).read_text(encoding="utf-8")
    assert old in source
    return source.replace(old, byline).encode()


# Each sample's byline, as the sample writes it.
KFF_SAMPLE = (
    "samples/kff-health-news/compliant-ghost.html",
    "<p><strong>By Tomás Ferreira for "
    '<a href="https://kffhealthnews.org/news/article/rural-hospitals-labor-delivery-closures-staffing-costs/">KFF Health News</a></strong></p>',
)
CM_SAMPLE = (
    "samples/calmatters/compliant-wordpress.html",
    '<span class="byline">By <span class="author vcard">'
    '<a class="url fn n" href="https://foothillssun.example/author/rosa-ibarra/">Rosa Ibarra</a></span>, CalMatters</span>',
)
TT_SAMPLE = (
    "samples/texas-tribune/compliant-static.html",
    '<p class="byline">by <a href="https://www.texastribune.org/about/staff/luis-echevarria/">Luis Echevarría</a>, '
    '<a href="https://www.texastribune.org/">The Texas Tribune</a></p>',
)


@pytest.mark.parametrize(
    ("pack", "sample", "byline"),
    [
        ("kff-health-news", KFF_SAMPLE, "<p><strong>By Tomás Ferreira and KFF Health News</strong></p>"),
        ("kff-health-news", KFF_SAMPLE, "<p><strong>By Tomás Ferreira, Odile Marchetti &amp; KFF Health News</strong></p>"),
        (
            "calmatters",
            CM_SAMPLE,
            '<span class="byline">By <a href="/author/ri/">Rosa Ibarra</a>, <a href="/author/jp/">Jo Park</a>, and <a href="/author/cm/">CalMatters</a></span>',
        ),
        (
            "texas-tribune",
            TT_SAMPLE,
            '<p class="byline">by <a href="/staff/le/">Luis Echevarría</a> and <a href="https://www.texastribune.org/">The Texas Tribune</a></p>',
        ),
    ],
)
def test_other_publishers_listed_last_tie_the_reporters(pack: str, sample: tuple[str, str], byline: str) -> None:
    report = check_bytes(_with_byline(*sample, byline), "html", _pack(pack), path=Path(sample[0]).name, auto_detect=False)
    assert [f.rule for f in report.findings if "byline" in f.rule or "affiliation" in f.rule or f.rule.endswith("/author")] == []


@pytest.mark.parametrize(
    ("pack", "sample", "byline", "rule"),
    [
        ("kff-health-news", KFF_SAMPLE, "<p><strong>By Tomás Ferreira and The Delta Beacon</strong></p>", "kff-health-news/affiliation"),
        ("calmatters", CM_SAMPLE, '<span class="byline">By Rosa Ibarra, Jo Park and Foothills Sun News</span>', "calmatters/affiliation"),
    ],
)
def test_other_publishers_partner_listed_last_ties_no_one(pack: str, sample: tuple[str, str], byline: str, rule: str) -> None:
    report = check_bytes(_with_byline(*sample, byline), "html", _pack(pack), path=Path(sample[0]).name, auto_detect=False)
    assert rule in {f.rule for f in report.findings}
