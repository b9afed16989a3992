"""What tells an institution from a person after a comma in a Conversation byline, and where else
an author's institution may stand.

After "NAME," a part is the author's institution, not a second author, when a word of it says
what kind of body it is ("Mayo Clinic", "Brookings Institution", "Woods Hole Oceanographic
Institution", "Memorial Sloan Kettering"), when it is a university's short name ending "State"
or "Tech" ("Penn State", "Georgia Tech") or a name opening "Mount" ("Mount Sinai"), when "&"
joins letters inside it ("Texas A&M University"), or when it is one of the few research bodies
whose names hold none of these ("Kaiser Permanente"). Two people parted by a comma still read as
two people. An author note that names the author with an institution counts just under the byline
as well as at the end, in the forms republications write it ("NAME is Associate Professor of X,
Institution", "NAME is an associate professor at Institution")."""

from __future__ import annotations

import re

import pytest

from compliance.api import check_html, check_markdown
from compliance.document.byline_reading import affiliation_line, read_byline
from compliance.findings import Report
from tests.conftest import ROOT

RULE = "the-conversation/author-institution"
PACKS = ["the-conversation"]
CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/spring-runoff-228417">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/228417/count.gif" alt="The Conversation" width="1" height="1">'
)
STORY = (
    "<p>Every spring, some of my neighbors tell me their tap water tastes earthy or smells faintly of a swimming pool.</p>"
    "<p>I study how drinking water changes between the source and the tap, and spring is the busiest time of year.</p>"
    "<p>In winter, many lakes and reservoirs in cold climates are layered, and the layers mix when the ice melts.</p>"
    "<p>Utilities adjust their treatment in response, and sometimes you can taste it in the glass.</p>"
    "<p>None of this makes the water unsafe, but it explains why it tastes different for a few weeks.</p>"
    "<p>Knowing the cause can spare a utility many calls from worried customers every single spring.</p>"
    "<p>It can also help people decide whether a home filter is worth buying for their kitchen tap.</p>"
)

# Real institutions Conversation authors write from, each after "Renata Okafor, ".
INSTITUTIONS = [
    "Mayo Clinic",
    "Cleveland Clinic",
    "Kaiser Permanente",
    "Brookings Institution",
    "Woods Hole Oceanographic Institution",
    "Mount Sinai",
    "Memorial Sloan Kettering",
    "Penn State",
    "Ohio State",
    "Georgia Tech",
    "Texas Tech",
    "Texas A&M University",
    "Johns Hopkins University",
    "Dana-Farber Cancer Institute",
    "Scripps Research Institute",
    "Massachusetts General Hospital",
    "Cedars-Sinai Medical Center",
    "Northwestern Medicine",
    "Monash University",
    "Sciences Po",
    "King's College London",
    "Northern Plains University",
    "Boston Children's Hospital",
    "Lawrence Berkeley National Laboratory",
]


def _finding(report: Report) -> str | None:
    """The rule's message, or None when it passed; neither fails the test."""
    for finding in report.findings:
        if finding.rule == RULE:
            return finding.message
    assert RULE in {p.rule for p in report.passed}, report.findings
    return None


def _page(author_lines: str, *, end: str = "") -> str:
    return f"<html><body><article><h1>Spring runoff changes your tap water</h1>{author_lines}{STORY}{end}{CREDIT}</article></body></html>"


@pytest.mark.parametrize("institution", INSTITUTIONS)
def test_an_institution_after_the_name_is_the_authors(institution: str) -> None:
    reading = read_byline(f"Renata Okafor, {institution}")
    assert reading is not None
    assert reading.names == ("Renata Okafor",)
    assert reading.affiliations == ((institution,),)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Doe, John Roe", ("Jane Doe", "John Roe")),
        ("By Renata Okafor, Mark Stein", ("Renata Okafor", "Mark Stein")),
        ("Renata Okafor, Mayo Clinic and Ana Ruiz, Penn State", ("Renata Okafor", "Ana Ruiz")),
        ("Renata Okafor, Kaiser Permanente; Tomas Reyes, Mount Sinai", ("Renata Okafor", "Tomas Reyes")),
        ("By Ana Ruiz & Tomas Reyes, Georgia Tech", ("Ana Ruiz", "Tomas Reyes")),
        # A role after a name in the same part still splits off: only an institution's kind does not.
        ("Jake Smith Energy Reporter", ("Jake Smith",)),
    ],
)
def test_people_still_read_as_people(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize(
    "line", ["Northern Plains University", "Mayo Clinic", "Brookings Institution", "Cleveland Clinic", "Penn State", "Georgia Tech", "Mount Sinai"]
)
def test_an_institution_alone_on_a_line_is_an_affiliation_line(line: str) -> None:
    assert affiliation_line(line) == line


@pytest.mark.parametrize("institution", ["Mayo Clinic", "Texas A&amp;M University", "Penn State", "Kaiser Permanente", "Mount Sinai"])
def test_a_byline_with_a_real_institution_passes_in_html(institution: str) -> None:
    assert _finding(check_html(_page(f'<p class="byline">Renata Okafor, {institution}</p>'), packs=PACKS)) is None


@pytest.mark.parametrize(
    "author_lines",
    [
        "<p><strong>Renata Okafor</strong>, Northern Plains University</p>",
        "<p><strong>Renata Okafor</strong>, Mayo Clinic and <strong>Ana Ruiz</strong>, Kaiser Permanente</p>",
    ],
)
def test_the_republish_html_author_paragraph_alone_passes(author_lines: str) -> None:
    assert _finding(check_html(_page(author_lines), packs=PACKS)) is None


@pytest.mark.parametrize("institution", ["Mayo Clinic", "Brookings Institution", "Memorial Sloan Kettering"])
def test_a_byline_with_a_real_institution_passes_in_markdown(institution: str) -> None:
    markdown = (
        "# Spring runoff changes your tap water\n\n"
        f"[Renata Okafor](https://theconversation.com/profiles/renata-okafor-1184203), _{institution}_\n\n"
        "Every spring, some of my neighbors tell me their tap water tastes earthy or smells faintly of a pool.\n\n"
        "This article is republished from [The Conversation](https://theconversation.com) under a Creative Commons license.\n"
    )
    assert _finding(check_markdown(markdown, packs=PACKS)) is None


@pytest.mark.parametrize(
    "under",
    [
        '<p class="author-bio"><em>Renata Okafor is Associate Professor of Environmental Chemistry, Northern Plains University.</em></p>',
        '<p class="author-bio"><em>Renata Okafor is an associate professor at Northern Plains University.</em></p>',
        "<p>Renata Okafor, a water chemist at the Mayo Clinic, studies drinking water.</p>",
        '<p class="author-affiliation">Northern Plains University</p>',
        '<p class="author-affiliation">Penn State</p>',
        # The republish HTML's author paragraph, which older HTML puts at the top.
        "<p><strong>Renata Okafor</strong>, Mayo Clinic</p>",
    ],
)
def test_an_author_note_under_the_byline_counts(under: str) -> None:
    assert _finding(check_html(_page(f'<p class="byline">By Renata Okafor</p>{under}'), packs=PACKS)) is None


@pytest.mark.parametrize(
    "note",
    [
        "<p>Renata Okafor is Associate Professor of Environmental Chemistry, Northern Plains University</p>",
        "<p>Renata Okafor is a senior scientist at Kaiser Permanente.</p>",
        "<p>Renata Okafor is a professor of chemistry at Penn State.</p>",
    ],
)
def test_an_author_note_at_the_end_counts_in_the_forms_republications_use(note: str) -> None:
    assert _finding(check_html(_page('<p class="byline">By Renata Okafor</p>', end=note), packs=PACKS)) is None


@pytest.mark.parametrize(
    ("under", "end"),
    [
        # No institution anywhere.
        ("", ""),
        ("<p>Renata Okafor is a water chemist who writes about drinking water.</p>", ""),
        # An institution, but named for someone else, under the byline or at the end.
        ("<p>Ana Ruiz is an associate professor at Northern Plains University.</p>", ""),
        ("", "<p>Ana Ruiz is Associate Professor of Chemistry, Northern Plains University.</p>"),
        ("<p><strong>Ana Ruiz</strong>, Mayo Clinic</p>", ""),
        # A note far down the story, neither under the byline nor among its last blocks.
        ("<p>The county says the water is safe.</p><p>Crews flush the mains in May.</p><p>Renata Okafor is at Mayo Clinic.</p>", ""),
    ],
)
def test_an_author_without_an_institution_still_fails(under: str, end: str) -> None:
    found = _finding(check_html(_page(f'<p class="byline">By Renata Okafor</p>{under}', end=end), packs=PACKS))
    assert found == "The byline credits Renata Okafor but not their institution."


def test_the_documented_example_passes_and_fails_as_the_doc_says() -> None:
    doc = (ROOT / "docs" / "conversation-authors.md").read_text(encoding="utf-8")
    example = re.findall(r"```html\n(.*?)```", doc, re.DOTALL)[0]
    assert _finding(check_html(example, packs=PACKS)) is None
    expected = re.findall(r"```text\n(.*?)```", doc, re.DOTALL)[0].split()
    someone_else = example.replace("Renata Okafor is Associate", "Ana Ruiz is Associate")
    report = check_html(someone_else, packs=PACKS)
    finding = next(finding for finding in report.findings if finding.rule == RULE)
    assert [finding.severity.label, finding.rule, *finding.message.split()] == expected


DRUPAL_AUTHOR = '<div class="field field--name-field-author"><div class="field__label">Author</div><div class="field__item">Renata Okafor</div></div>'


@pytest.mark.parametrize(
    "field",
    [
        # A CMS's labelled fields: the label and its item, or one line with a colon.
        '<div class="field field--name-field-affiliation"><div class="field__label">Affiliation</div>'
        '<div class="field__item">Northern Plains University</div></div>',
        '<div class="field"><div class="field__label">Institution:</div><div class="field__item">Mayo Clinic</div></div>',
        "<p>Affiliation: Penn State</p>",
        "<p>Afiliación: Universidad de Chile</p>",
    ],
)
def test_an_institution_field_under_the_author_field_counts(field: str) -> None:
    assert _finding(check_html(_page(DRUPAL_AUTHOR + field), packs=PACKS)) is None
    assert _finding(check_html(_page('<p class="byline">By Renata Okafor</p>' + field), packs=PACKS)) is None
    # Under lead photos, which are items of the page before the byline's block.
    photos = '<figure><img src="https://images.theconversation.com/files/5/original.jpg" alt="A reservoir in spring" width="800" height="500"></figure>' * 3
    assert _finding(check_html(_page(photos + DRUPAL_AUTHOR + field), packs=PACKS)) is None


@pytest.mark.parametrize(
    ("byline", "field"),
    [
        # A field that names no institution, and an affiliation field far down the story.
        (DRUPAL_AUTHOR, "<p>Affiliation: freelance</p>"),
        (DRUPAL_AUTHOR + "<p>Spring is here.</p><p>The snow melts.</p><p>Rivers rise.</p>", "<p>Affiliation: Penn State</p>"),
        # A heading that starts with the word, not a field's label.
        (DRUPAL_AUTHOR, "<p>Institutions like Penn State study drinking water.</p>"),
    ],
)
def test_an_institution_field_that_does_not_credit_the_author_does_not_count(byline: str, field: str) -> None:
    found = _finding(check_html(_page(byline + field), packs=PACKS))
    assert found is not None and "but not their institution" in found
    photos = '<figure><img src="https://images.theconversation.com/files/5/original.jpg" alt="A reservoir in spring" width="800" height="500"></figure>' * 3
    found = _finding(check_html(_page(photos + byline + field), packs=PACKS))
    assert found is not None and "but not their institution" in found


def test_the_doc_names_the_institution_field_forms_it_accepts() -> None:
    doc = " ".join((ROOT / "docs" / "conversation-authors.md").read_text(encoding="utf-8").split())
    assert "`Affiliation: Northern Plains University`" in doc
    assert _finding(check_html(_page('<p class="byline">By Renata Okafor</p><p>Affiliation: Northern Plains University</p>'), packs=PACKS)) is None
    for label in ("Affiliation", "Institution", "Organization", "Afiliación", "Institución", "Établissement"):
        assert f"`{label}`" in doc
        field = f'<div class="field__label">{label}</div><div class="field__item">Northern Plains University</div>'
        assert _finding(check_html(_page(DRUPAL_AUTHOR + field), packs=PACKS)) is None, label
