"""Byline shapes found on real republications, each as a small invented case (tests/cases/) checked
through the public API with its pack, plus variants of the same kind read directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import check_html, check_text
from compliance.document import parse_document
from compliance.document.byline_reading import quote_byline, read_byline
from compliance.findings import Report, Severity
from compliance.packs import load_pack

CASES = Path(__file__).resolve().parent / "cases"


def _report(name: str, pack: str) -> Report:
    data = (CASES / name).read_bytes()
    check = check_html if name.endswith(".html") else check_text
    return check(data, packs=[pack], path=name)


def _errors(report: Report) -> set[str]:
    return {f.rule for f in report.findings if f.severity is Severity.ERROR}


def _evidence(report: Report, rule: str) -> str:
    return " ".join(p.evidence for p in report.passed if p.rule == rule)


@pytest.mark.parametrize(
    ("name", "pack", "errors", "passes", "person"),
    [
        ("dcnf-byline-parenthesized-affiliation.txt", "dcnf", set(), ("dcnf/logo", "dcnf/byline", "dcnf/affiliation"), "Mara Quellin"),
        ("conversation-byline-list-marker-role.txt", "the-conversation", None, ("creative-commons/author",), "Harriet Quill"),
        ("tracker-byline-reported-and-translated-by.html", "republication-tracker", set(), ("creative-commons/author",), "Mateo Ruskin"),
        ("conversation-source-dash-by.txt", "the-conversation", None, ("creative-commons/author", "the-conversation/author-institution"), "Tobias Wrenfield"),
        ("texas-tribune-byline-after-navigation.txt", "texas-tribune", None, ("texas-tribune/credit",), "Dana Whitlock"),
        ("calmatters-credit-variant-detection.txt", "calmatters", None, ("calmatters/byline",), "Odessa Brightwater"),
        ("ok-byline-zwsp-in-names.html", "dcnf", set(), ("dcnf/byline", "dcnf/affiliation"), "Jake"),
        ("dcnf-byline-slash-affiliation.txt", "dcnf", set(), ("dcnf/logo", "dcnf/byline", "dcnf/affiliation"), "Tamsin Orwell"),
        ("dcnf-byline-slash-affiliation.html", "dcnf", set(), ("dcnf/logo", "dcnf/byline", "dcnf/affiliation"), "Corwin Ashdale"),
    ],
)
def test_byline_shape_cases(name: str, pack: str, errors: set[str] | None, passes: tuple[str, ...], person: str) -> None:
    report = _report(name, pack)
    if errors is not None:
        assert _errors(report) == errors
    for rule in passes:
        assert rule in {p.rule for p in report.passed}, f"{rule} does not pass on {name}"
    assert person in _evidence(report, passes[-1] if "byline" in passes[-1] or "author" in passes[-1] else passes[0]) or any(
        person in b.text for b in parse_document((CASES / name).read_bytes(), "html" if name.endswith(".html") else "text").bylines
    )


def test_headline_is_not_read_as_a_byline() -> None:
    report = _report("dcnf-headline-read-as-byline.txt", "dcnf")
    assert "dcnf/byline" in _errors(report)
    shown = " ".join(f"{f.message} {f.evidence or ''}" for f in report.findings) + " ".join(p.evidence for p in report.passed)
    assert "Senators Spar" not in shown.replace("Senators Spar with Treasury Over Tariff Refunds", "")


@pytest.mark.parametrize("text", ["Photography by Bo Lind", "Translation by Bo Lind", "Photographed by Bo Lind", "Ideas para el hogar – por favor lea esto"])
def test_a_credit_for_part_of_the_work_alone_is_no_byline(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


def test_reported_and_translated_by_names_both_people() -> None:
    doc = parse_document((CASES / "tracker-byline-reported-and-translated-by.html").read_bytes(), "html")
    assert [b.names for b in doc.bylines] == [("Ines Harlow", "Mateo Ruskin")]


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        # Outlets in brackets: the bracket is the affiliation.
        ("By Lena Ortiz (Harbor Ledger)", ("Lena Ortiz",), "Harbor Ledger"),
        ("Lena Ortiz [Harbor Ledger]", ("Lena Ortiz",), "Harbor Ledger"),
        ("Martin Vale (avec Anne Roche et Paul Sim)", ("Martin Vale", "Anne Roche", "Paul Sim"), ""),
        # Openers and conjunctions, in several languages.
        ("Story by Ana Ruiz and translated by Bo Lind", ("Ana Ruiz", "Bo Lind"), ""),
        ("Reporting by Ana Ruiz and photography by Bo Lind, Harbor Ledger", ("Ana Ruiz", "Bo Lind"), "Harbor Ledger"),
        ("Words by Ana Ruiz & photographed by Bo Lind | Delta Beacon", ("Ana Ruiz", "Bo Lind"), "Delta Beacon"),
        ("Reported by Ana Ruiz. Translated by Bo Lind. Harbor Ledger", ("Ana Ruiz", "Bo Lind"), "Harbor Ledger"),
        ("Written by Ana Ruiz with translation by Bo Lind, Delta Beacon", ("Ana Ruiz", "Bo Lind"), "Delta Beacon"),
        ("– Authored by Ana Ruiz, Harbor Ledger", ("Ana Ruiz",), "Harbor Ledger"),
        ("Source: Le Monde (Europe) – Par Ilse Brandt, Université de Bordeaux", ("Ilse Brandt",), "Université de Bordeaux"),
        ("Fuente: El Faro – Por Ana Ruiz, Universidad de Chile", ("Ana Ruiz",), "Universidad de Chile"),
        # Near misses: an initial's and a title's full stop end no sentence.
        ("By Ana J. Ruiz", ("Ana J. Ruiz",), ""),
        ("Text and photos by Ana Ruiz", ("Ana Ruiz",), ""),
        ("Words by Ana Ruiz", ("Ana Ruiz",), ""),
        ("Written by Ana Ruiz Edited by Bo Lind", ("Ana Ruiz", "Bo Lind"), ""),
        ("Analysis: By Ana Ruiz", ("Ana Ruiz",), ""),
        ("- Written by Ana Ruiz, Audience Editor, Harbor Ledger", ("Ana Ruiz",), "Audience Editor, Harbor Ledger"),
        ("• By Ana Ruiz", ("Ana Ruiz",), ""),
        ("Par Claire Dubois et Marc Petit", ("Claire Dubois", "Marc Petit"), ""),
        ("Por Ana Ruiz, Luis Gil y Eva Sanz", ("Ana Ruiz", "Luis Gil", "Eva Sanz"), ""),
        ("Von Jonas Weber und Lea Roth", ("Jonas Weber", "Lea Roth"), ""),
        ("Di Marco Rossi e Giulia Neri", ("Marco Rossi", "Giulia Neri"), ""),
        ("Door Jan de Vries en Els Bakker", ("Jan de Vries", "Els Bakker"), ""),
        ("Av Ola Nordmann og Kari Hansen", ("Ola Nordmann", "Kari Hansen"), ""),
        ("Von Miller", ("Von Miller",), ""),
        # Data stuck to names.
        ("by Tom Reed22 Dec 2016651", ("Tom Reed",), ""),
        ("Tom Reed 1 day ago", ("Tom Reed",), ""),
        ("Tom Reed Updated 4:40 PM", ("Tom Reed",), ""),
        ("By Tom Reed @tomreed February 1, 2016: 12:41 PM ET", ("Tom Reed",), ""),
        ("Tom Reed tom.reed@example.org", ("Tom Reed",), ""),
        ("Tom Reed 14 min read", ("Tom Reed",), ""),
        ("Tom Reed on Mar 27", ("Tom Reed",), ""),
        ("Tom Reed Business Reporter", ("Tom Reed",), "Business Reporter"),
        ("Tom Reed Games Editor", ("Tom Reed",), "Games Editor"),
        # A date before the opener, and an aggregator's source line.
        ("Tuesday 15 October 2019 by Tom Reed", ("Tom Reed",), ""),
        (
            "Source: Harbor Ledger (West Edition) – By Tom Reed, Senior Lecturer & Program Chair, School of Law, Example University",
            ("Tom Reed",),
            "Senior Lecturer & Program Chair, School of Law, Example University",
        ),
    ],
)
def test_byline_shapes_read_names_and_credit(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Essential Items for Allergy Relief",
        "Senators Spar with Treasury Over Tariff Refunds",
        "Category Archives",
        "Part I - Introduction",
        "Part II",
        "Photo by Tom Reed",
        "Caption here | photo by Tom Reed",
    ],
)
def test_headlines_section_labels_and_photo_credits_are_not_bylines(text: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is None or not reading.names


def test_pack_outlets_are_never_a_person() -> None:
    assert read_byline("By Harbor Voices") is not None and read_byline("By Harbor Voices").names == ("Harbor Voices",)  # type: ignore[union-attr]
    reading = read_byline("By Harbor Voices", outlets=frozenset({"harbor voices"}))
    assert reading is not None and reading.names == () and reading.problem == "outlet"


PARAGRAPH = "The regional water district voted on Tuesday to charge its largest customers more per gallon starting next spring, officials said."


def test_plain_text_byline_after_long_navigation_and_outlet_on_the_next_line() -> None:
    nav = "\n".join(f"Section {n}" for n in range(40))
    doc = parse_document(f"{nav}\nRates rise for big users\nBY TOM REED JUNE 5, 2024\nThe Harbor Ledger\n{PARAGRAPH}\n{PARAGRAPH}\n", "text")
    assert [(b.names, b.text) for b in doc.bylines] == [(("TOM REED",), "BY TOM REED JUNE 5, 2024 / The Harbor Ledger")]


def _page(header: str, body_extra: str = "", after: str = "") -> str:
    return (
        f"<html><body><header><h1>Rates rise for big users</h1>{header}</header>"
        f'<div class="entry-content"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{body_extra}</div>{after}</body></html>'
    )


@pytest.mark.parametrize(
    "header",
    [
        '<div class="meta"><a href="/author/tom-reed/">Tom Reed</a></div>',
        '<span itemprop="author" itemscope><span itemprop="name">Tom Reed</span> <time>June 5, 2024</time></span>',
        '<div class="h-card"><span class="p-name">Tom Reed</span></div>',
        "<address>Tom Reed</address>",
        '<p class="author-name">Tom Reed · 3 min read</p>',
        '<div><a href="https://medium.example/@tomreed?source=post">Tom Reed</a></div>',
    ],
)
def test_author_markup_between_headline_and_body(header: str) -> None:
    doc = parse_document(_page(header), "html")
    assert [b.names for b in doc.bylines] == [("Tom Reed",)]


@pytest.mark.parametrize(
    "after",
    [
        '<section class="comments-area"><ol><li class="comment"><cite class="author fn">Ann Bell</cite><p>Nice.</p></li></ol></section>',
        '<aside class="sidebar"><div class="byline">By Ann Bell</div></aside>',
        '<div class="related-posts"><div class="byline">By Ann Bell</div></div>',
        '<ul><li><h3><a href="/a">Other story</a></h3><span class="byline">Ann Bell</span></li>'
        '<li><h3><a href="/b">Another story</a></h3><span class="byline">Cy Dunn</span></li></ul>',
    ],
)
def test_bylines_in_comments_sidebars_related_lists_and_teasers_are_not_the_articles(after: str) -> None:
    doc = parse_document(_page('<p class="byline">By Tom Reed</p>', after=after), "html")
    assert [b.names for b in doc.bylines] == [("Tom Reed",)]


def test_byline_only_in_meta_or_json_ld_does_not_count() -> None:
    head = '<head><meta name="author" content="Tom Reed"><script type="application/ld+json">{"author": {"name": "Tom Reed"}}</script></head>'
    doc = parse_document(f"<html>{head}" + _page("").removeprefix("<html>"), "html")
    assert doc.bylines == ()


@pytest.mark.parametrize(
    ("text", "quoted_credit"),
    [
        # A job title standing as a part of its own is left out of the quote, and of the credit quoted.
        ("- Written by Ana Ruiz, Audience Editor, Harbor Ledger", "Harbor Ledger"),
        ("1. Written by Ines Varga; Community Manager; Westmark Post", "Westmark Post"),
        ("By Ola Berg — Staff Writer", ""),
        ("Jane Doe for Harbor Ledger, Senior Editor", "Harbor Ledger"),
        ("By Tom Reed, Senior Lecturer & Program Chair, School of Law, Example University", "School of Law, Example University"),
        # A title that says where stays in both; so does a role in the names' own part.
        ("By Priya Natarajan, Professor of Law at Eastfield College", "Professor of Law at Eastfield College"),
        ("Tom Reed Business Reporter", "Business Reporter"),
        ("By Lena Ortiz (Harbor Ledger)", "Harbor Ledger"),
    ],
)
def test_the_quoted_credit_leaves_out_the_job_titles_the_quote_leaves_out(text: str, quoted_credit: str) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert reading.quoted_credit == quoted_credit
    quote = quote_byline(text, reading.names)
    assert all(part in quote for part in quoted_credit.split(", "))


def test_a_rule_quoting_the_byline_credit_quotes_what_the_evidence_shows() -> None:
    pack = load_pack(
        "id: desk\nname: D\npublisher: P\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
        "  - id: desk/credit\n    severity: error\n    message: 'credited to {credit}'\n    help: h\n"
        "    when: {byline: {}}\n    check: {text: {pattern: 'never in the story'}}\n",
        "desk.yaml",
    )
    page = (
        b"<html><body><article><h1>Floods close the river road</h1>"
        b"<p class='byline'>By Ana Ruiz, Audience Development Manager, Harbor Ledger</p>"
        b"<p>The river rose overnight and the county closed the road.</p></article></body></html>"
    )
    (finding,) = check_html(page, packs=[pack], detect=False).findings
    assert finding.message == "credited to Harbor Ledger"


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("By Jake Smith / Daily Caller News Foundation", ("Jake Smith",), "Daily Caller News Foundation"),
        ("Jake Smith / Daily Caller News Foundation", ("Jake Smith",), "Daily Caller News Foundation"),
        ("By JANE DOE/Associated Press", ("JANE DOE",), "Associated Press"),
        ("By Jane Doe and John Roe / ProPublica", ("Jane Doe", "John Roe"), "ProPublica"),
        ("By Jane Doe / Staff Writer", ("Jane Doe",), "Staff Writer"),
        ("Text/photos by Jane Doe", ("Jane Doe",), ""),
        ("Text / Photos by Jane Doe / Reuters", ("Jane Doe",), "Reuters"),
        ("By Jane Doe, 11/30/2024", ("Jane Doe",), ""),
    ],
)
def test_a_slash_parts_the_name_from_the_affiliation_as_a_comma_does(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text)
    assert reading is not None and (reading.names, reading.credit, reading.problem) == (names, credit, None)


def test_a_slash_between_a_name_and_a_title_is_quoted_without_the_title() -> None:
    assert quote_byline("By Jane Doe / Energy Reporter / ProPublica", ("Jane Doe",)) == "By Jane Doe / … / ProPublica"


# A Title-Case headline or deck is told from a name by its structure, not by which words follow
# "for": a person's name holds no lower-case preposition or article, so without an opener a line
# whose first part has one is no byline, whatever outlet or role words come after it.
@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers Push for Review of Grid Rules",
        "Regulators Move for Faster Review",
        "Mayors Push for Newsroom Funding",
        "Farmers Rally at the County Herald",
        "Growers Seek Relief from State Press Board",
        "Tenants Turn to Tribune Editors",
        "Jordan Hale of the Texas Tribune",
    ],
)
def test_a_line_whose_names_part_holds_a_preposition_is_no_byline_without_an_opener(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("By Jean de la Fontaine", ("Jean de la Fontaine",), ""),
        ("By Maria van der Berg", ("Maria van der Berg",), ""),
        ("Par Jean de la Fontaine", ("Jean de la Fontaine",), ""),
        ("Maria van der Berg, The Texas Tribune", ("Maria van der Berg",), "The Texas Tribune"),
        ("Hamid bin Rashid Energy Reporter", ("Hamid bin Rashid",), "Energy Reporter"),
        ("By Jordan Hale for The Texas Tribune", ("Jordan Hale",), "The Texas Tribune"),
    ],
)
def test_name_particles_and_an_opener_keep_the_byline(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and (reading.names, reading.credit, reading.problem) == (names, credit, None)


@pytest.mark.parametrize(
    "deck",
    [
        '<h2 class="subtitle">Lawmakers Push for Review of Grid Rules</h2>',
        '<p class="excerpt">Regulators Push for Faster Review</p>',
        '<div class="c-dek"><p>Councils Weigh Limits on Herald Square Rents</p></div>',
    ],
)
def test_a_title_case_deck_under_the_headline_is_no_byline(deck: str) -> None:
    assert parse_document(_page(deck), "html").bylines == ()
    # A real byline under the same deck still counts.
    doc = parse_document(_page(f"{deck}<p>By Nora Blake</p>"), "html")
    assert [b.names for b in doc.bylines] == [("Nora Blake",)]


def test_byline_markup_with_an_affiliation_after_of_still_names_the_reporter() -> None:
    doc = parse_document(_page('<span class="byline">Jordan Hale of the Texas Tribune</span>'), "html")
    assert [(b.names, b.reading.credit) for b in doc.bylines] == [(("Jordan Hale",), "the Texas Tribune")]


def test_a_plain_text_headline_after_navigation_is_no_byline() -> None:
    nav = "\n".join(["Home", "News", "Opinion", "Sports", "Subscribe"])
    doc = parse_document(f"{nav}\n\nLawmakers Push for Review of Grid Rules\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", "text")
    assert doc.bylines == ()


# In plain text, a heading line below the story starts a list of other stories: their bylines are
# not the article's.
@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Related Stories", "text"),
        ("More from The Harbor Ledger", "text"),
        ("You May Also Like", "text"),
        ("Most read", "text"),
        ("Trending now", "text"),
        ("Recommended for you", "text"),
        ("Read more:", "text"),
        ("## More from The Harbor Ledger", "markdown"),
    ],
)
def test_bylines_under_a_plain_text_related_heading_are_other_stories(heading: str, kind: str) -> None:
    teasers = f"{heading}\n\nSenate Vote Delayed\nBy Nora Blake\nNovember 29, 2026\n\nBudget Passes\nBy Ann Lee\n"
    story = f"Rates rise for big users\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n"
    assert parse_document(story + teasers, kind).bylines == ()
    # The story's own byline under its headline still counts, and only it.
    own = story.replace("\n\n", "\nBy Tom Reed\n\n", 1)
    assert [b.names for b in parse_document(own + teasers, kind).bylines] == [("Tom Reed",)]


def test_a_plain_text_byline_at_the_end_without_a_related_heading_still_counts() -> None:
    doc = parse_document(f"Rates rise for big users\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n— Reporting by Jake Smith\n", "text")
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def test_a_related_heading_above_the_story_is_read_through() -> None:
    # Above the story a list has no end a text can show: the story's headline and byline follow it.
    doc = parse_document(f"Trending\nStorm Closes Roads\n\nRates rise for big users\nBy Tom Reed\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", "text")
    assert [b.names for b in doc.bylines] == [("Tom Reed",)]


def test_a_title_case_crosshead_is_no_labelled_byline() -> None:
    # With no byline above the body, only a heading that opens with a label or "By" credits anyone.
    crosshead = "<h2>Cosplayers Can't Go To Cons, So They Had One On The Internet</h2>"
    assert parse_document(_page("", body_extra=crosshead), "html").bylines == ()
    labelled = "<h2>Analysis: Jon Sopel, BBC News, Washington</h2>"
    assert [b.names for b in parse_document(_page("", body_extra=labelled), "html").bylines] == [("Jon Sopel",)]
