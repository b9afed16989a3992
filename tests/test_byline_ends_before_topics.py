"""A byline ends where the story's categories or tags begin: a theme's "Posted in <category>",
"Filed under: …", "Tags: …", "Categories: …" after the author's name, on the byline's line (after a
slash, a bar, a dash, a comma) or on the line under it, is neither the byline's credit nor part of
the evidence the editor is shown. A real affiliation on the same places still is."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.document.byline_reading import is_topics_line
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = {p.id: p for p in load_packs()}
BODY = (
    "<p>Taiwan's opposition launched a recall drive on Monday against two dozen lawmakers, organisers said in the capital.</p>"
    "<p>The drive needs signatures from ten percent of voters in each district before the deadline in July.</p>"
)
GV_CREDIT = '<p><em>This story originally appeared on <a href="https://globalvoices.org/2024/06/03/taiwan-recall/">Global Voices</a>.</em></p>'

TOPICS_SHAPES = [
    # WordPress's entry footer: the author and the categories in one line.
    '<footer class="entry-footer"><span class="byline"><span class="author vcard"><a href="/author/filip/">{name}</a></span></span>'
    ' / <span class="cat-links">Posted in <a href="/news/">News</a></span></footer>',
    # A static page's byline paragraph, the categories on the line under it.
    '<p class="byline">{name}</p><p>Posted in <a href="/news/">News</a>, <a href="/asia/">East Asia</a></p>',
    '<p class="byline">By {name}<br>Filed under: <a href="/c/politics">Politics</a></p>',
    # One line of text, parted by a bar, a dash, a middle dot.
    "<p>By {name} | Posted in News</p>",
    "<p>By {name} — Categories: Asia, Politics</p>",
    '<div class="meta"><span class="author">{name}</span> · <span>Tags: Taiwan, elections</span></div>',
]


@pytest.mark.parametrize("shape", TOPICS_SHAPES)
@pytest.mark.parametrize("name", ["Filip Noubel", "Daria Movileanu", "Oiwan Lam"])
def test_the_bylines_evidence_ends_before_the_categories(shape: str, name: str) -> None:
    page = f"<html><body><article><h1>Taiwan recall drive begins</h1>{shape.format(name=name)}{GV_CREDIT}{BODY}</article></body></html>"
    doc = parse_document(page.encode(), "html")
    assert [(byline.names, byline.reading.credit) for byline in doc.bylines] == [((name,), "")]
    assert not any(word in doc.bylines[0].text for word in ("Posted", "Filed", "Categories", "Tags"))
    result = check_document(doc, [PACKS["global-voices"]], path="copy.html", auto_detect=False)
    evidence = {passed.rule: passed.evidence for passed in result.passed}
    assert name in evidence["creative-commons/author"]
    assert not any(word in evidence["creative-commons/author"] for word in ("Posted", "Filed", "Categories", "Tags"))


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        # An outlet after the name, then the categories: the outlet stays, the categories go.
        ("<p>By Filip Noubel, Global Voices · Filed under: Taiwan</p>", "Global Voices"),
        ('<p class="byline">Filip Noubel</p><p>Hong Kong Free Press</p>', "Hong Kong Free Press"),
        ("<p>By Filip Noubel | Global Voices</p>", "Global Voices"),
        # A word of a category's label inside an outlet's or a place's name is no label.
        ("<p>By Ana Ruiz, Topics Weekly</p>", "Topics Weekly"),
    ],
)
def test_an_affiliation_where_the_categories_would_stand_stays(line: str, credit: str) -> None:
    page = f"<html><body><article><h1>Taiwan recall drive begins</h1>{line}{BODY}</article></body></html>"
    bylines = parse_document(page.encode(), "html").bylines
    assert bylines[0].reading.credit == credit
    assert credit in bylines[0].text


def test_posted_by_still_opens_a_byline() -> None:
    page = f"<html><body><article><h1>Taiwan recall drive begins</h1><p>Posted by Filip Noubel</p>{BODY}</article></body></html>"
    assert [byline.names for byline in parse_document(page.encode(), "html").bylines] == [("Filip Noubel",)]


DCNF_BODY = (
    "<p>The Biden administration is reportedly considering an unusual move to ease the rule, two officials said on Monday.</p>"
    "<p>Officials at the agency declined to comment on the plan when reached by phone on Monday afternoon.</p>"
)
# A theme's "In: <section>" label under the byline or after it on its line, naming the section,
# or an outlet's name where a section's would stand.
IN_SECTION_SHAPES = [
    "<p>By {name}</p><p>In: {section}</p>",
    '<p>By {name}</p><p>In: <a href="/category/energy/">{section}</a></p>',
    "<p>By {name} | In: {section}</p>",
    '<div class="meta"><span class="author">{name}</span> · <span>In: {section}</span></div>',
]


@pytest.mark.parametrize("shape", IN_SECTION_SHAPES)
@pytest.mark.parametrize("section", ["Daily Caller News Foundation", "Energy", "Politics & Policy"])
@pytest.mark.parametrize("name", ["Jake Smith", "Nick Pope"])
def test_an_in_section_label_is_no_affiliation(shape: str, section: str, name: str) -> None:
    page = f"<html><body><article><h1>Agency weighs rule</h1>{shape.format(name=name, section=section)}{DCNF_BODY}</article></body></html>"
    doc = parse_document(page.encode(), "html")
    assert [(byline.names, byline.reading.credit) for byline in doc.bylines] == [((name,), "")]
    assert "In:" not in doc.bylines[0].text
    result = check_document(doc, [PACKS["dcnf"]], path="copy.html", auto_detect=False)
    assert "dcnf/affiliation" in {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        # The outlet on the line under the name, or "In…" opening an outlet's name: no label.
        ("<p>By Jake Smith</p><p>Daily Caller News Foundation</p>", "Daily Caller News Foundation"),
        ("<p>By Ana Ruiz | Inside Climate News</p>", "Inside Climate News"),
        ("<p>By Ana Ruiz</p><p>Inside Climate News</p>", "Inside Climate News"),
        # An affiliation before the section's label stays.
        ("<p>By Jake Smith, Daily Caller News Foundation | In: Energy</p>", "Daily Caller News Foundation"),
    ],
)
def test_an_affiliation_beside_or_without_an_in_label_stays(line: str, credit: str) -> None:
    page = f"<html><body><article><h1>Agency weighs rule</h1>{line}{DCNF_BODY}</article></body></html>"
    bylines = parse_document(page.encode(), "html").bylines
    assert bylines[0].reading.credit == credit
    assert "In:" not in bylines[0].text


@pytest.mark.parametrize(
    "line",
    [
        # A section's or several: capitalised words and small words, lower case, in capitals.
        "In: Politics",
        "In: Daily Caller News Foundation",
        "In: Health, Justice",
        "In: Arts & Culture | Energy",
        "In: health, justice",
        "IN: POLITICS",
        "In: Virginia Politics",
    ],
)
def test_in_before_categories_is_a_topics_line(line: str) -> None:
    assert is_topics_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # A sentence, a person's name, a name and its outlet, or a dateline after "In:".
        "In: Sacramento, Jane Roe reports for CalMatters",
        "In: Jane Roe",
        "In: Sacramento for CalMatters",
        "IN: INDIANAPOLIS — The state budget passed",
        "IN: INDIANAPOLIS",
        "In: Washington, D.C.",
    ],
)
def test_in_before_what_is_no_category_is_no_topics_line(line: str) -> None:
    assert not is_topics_line(line)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        # What follows "In:" on the byline's line is the credit when it is no category.
        ("By Ana Ruiz | In: Sacramento, reporting for CalMatters", "In: Sacramento, reporting for CalMatters"),
        ("By Ana Ruiz, In: Sacramento for CalMatters", "In: Sacramento for CalMatters"),
        ("By Ana Ruiz | IN: INDIANAPOLIS — Indiana Capital Chronicle", "IN: INDIANAPOLIS, Indiana Capital Chronicle"),
        # A section's label is still cut off, an affiliation before it kept.
        ("By Ana Ruiz | In: Politics", ""),
        ("By Ana Ruiz · In: Health, Justice", ""),
        ("By Jake Smith, Daily Caller News Foundation | In: Energy", "Daily Caller News Foundation"),
    ],
)
def test_an_in_label_ends_the_byline_only_before_categories(line: str, credit: str) -> None:
    page = f"<html><body><article><h1>Agency weighs rule</h1><p>{line}</p>{DCNF_BODY}</article></body></html>"
    bylines = parse_document(page.encode(), "html").bylines
    name = "Jake Smith" if "Jake Smith" in line else "Ana Ruiz"
    assert [(byline.names, byline.reading.credit) for byline in bylines] == [((name,), credit)]
