"""Bylines: reading who is credited (read_byline, person_name) and finding bylines in a document."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.document import byline_reading, parse_document
from compliance.document.byline_reading import BylineReading, person_name, read_byline

# The seed republication shared beside the checkout (see tests/conftest.py).
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "000_ed54357ff46486a8.txt"

# ---------------------------------------------------------------------------------------------
# person_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jake Smith", "Jake Smith"),
        ("María de la Cruz", "María de la Cruz"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("J. R. Smith", "J. R. Smith"),
        ("Jake Smith III", "Jake Smith III"),
        ("Conor O'Brien", "Conor O'Brien"),
        ("Anne-Marie Nguyen-Baker", "Anne-Marie Nguyen-Baker"),
        ("Søren Kierkegaard", "Søren Kierkegaard"),
        ("  Derek Willis, ", "Derek Willis"),
        ("Martin Luther King Jr", "Martin Luther King Jr"),
        # An abbreviated suffix keeps its full stop, as the byline writes it; a sentence's does not.
        ("Mary O'Neil-Smith Jr.", "Mary O'Neil-Smith Jr."),
        ("J. R. Smith Sr., ", "J. R. Smith Sr."),
        ("Derek Willis.", "Derek Willis"),
        # Scripts without capital letters: written with or without spaces.
        ("山田太郎", "山田太郎"),
        ("王小明", "王小明"),
        ("김민준", "김민준"),
        ("محمد علي", "محمد علي"),
        ("דוד כהן", "דוד כהן"),
        ("阿尔伯特·爱因斯坦", "阿尔伯特·爱因斯坦"),
    ],
)
def test_person_name_accepts_names(text: str, expected: str) -> None:
    assert person_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Daily Caller",
        "Courier Staff",
        "Daily Caller News Foundation",
        "ProPublica",
        "Jake",
        "Energy Reporter",
        "jake smith",
        "J. R.",
        "Associated Press",
        "The Biden administration is reportedly considering an unusual move",
        "山",  # one character
        "这是一个很长的句子不是名字",  # a sentence without spaces, longer than a name
        "山田太郎 Reporter",
    ],
)
def test_person_name_rejects_outlets_roles_and_sentences(text: str) -> None:
    assert person_name(text) is None


# ---------------------------------------------------------------------------------------------
# read_byline


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("By Jake Smith", ("Jake Smith",), ""),
        ("BY JAKE SMITH", ("JAKE SMITH",), ""),
        ("Written by María de la Cruz", ("María de la Cruz",), ""),
        ("By: Jake Smith", ("Jake Smith",), ""),
        ("Jake Smith Contributor", ("Jake Smith",), "Contributor"),
        # A middle initial is followed by the surname, not the end of the name.
        ("Jake Q. Smith Contributor", ("Jake Q. Smith",), "Contributor"),
        ("By Ana B. Lee Energy Reporter", ("Ana B. Lee",), "Energy Reporter"),
        ("Jake Smith | Energy Reporter", ("Jake Smith",), "Energy Reporter"),
        ("Jake Smith, Daily Caller News Foundation", ("Jake Smith",), "Daily Caller News Foundation"),
        ("By Jake Smith, Daily Caller News Foundation", ("Jake Smith",), "Daily Caller News Foundation"),
        ("By Jake Smith Senior White House Correspondent", ("Jake Smith",), "Senior White House Correspondent"),
        ("By Mollie Simon and Justin Elliott, ProPublica", ("Mollie Simon", "Justin Elliott"), "ProPublica"),
        ("By Mollie Simon & Justin Elliott", ("Mollie Simon", "Justin Elliott"), ""),
        ("By Renee Dudley, Doris Burke and Jeff Kao", ("Renee Dudley", "Doris Burke", "Jeff Kao"), ""),
        ("by Derek Willis ProPublica, Oct. 25, 2016", ("Derek Willis",), "ProPublica"),
        ("By Derek Willis, ProPublica | Published June 27, 2024", ("Derek Willis",), "ProPublica"),
        ("By Jake Smith on June 27, 2024", ("Jake Smith",), ""),
        ("By Jake Smith \u2022 2024-06-27", ("Jake Smith",), ""),
        ("By Jake Smith — Updated 4:40 PM", ("Jake Smith",), ""),
        ("By Jane Doe for The Conversation", ("Jane Doe",), "The Conversation"),
        ("By Jorge Luis de la Peña", ("Jorge Luis de la Peña",), ""),
        ("By Martin Luther King Jr, The Conversation", ("Martin Luther King Jr",), "The Conversation"),
        ("By Mary O'Neil-Smith Jr.", ("Mary O'Neil-Smith Jr.",), ""),
        ("By Mary O'Neil-Smith Jr., Reuters", ("Mary O'Neil-Smith Jr.",), "Reuters"),
        ("By Jane Doe Sr. and John Roe", ("Jane Doe Sr.", "John Roe"), ""),
        ("By Jane Doe Jr. | 12 Dec 2020", ("Jane Doe Jr.",), ""),
        ("By Jane Doe.", ("Jane Doe",), ""),
        # A suffix before a job title ends the name, not the title.
        ("Jane Doe Jr. Reporter", ("Jane Doe Jr.",), "Reporter"),
        ("By Jake Smith III Energy Reporter", ("Jake Smith III",), "Energy Reporter"),
        ("Jake Smith and Anna Lee Contributor", ("Jake Smith", "Anna Lee"), "Contributor"),
        ("By Jake Smith and Anna Lee Contributors", ("Jake Smith", "Anna Lee"), "Contributors"),
        ("Jake Smith, Anna Lee and Bo Diaz Staff Writers", ("Jake Smith", "Anna Lee", "Bo Diaz"), "Staff Writers"),
        ("Jake Smith & Anna Lee Senior White House Correspondents", ("Jake Smith", "Anna Lee"), "Senior White House Correspondents"),
    ],
)
def test_read_byline_names_people(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text)
    assert reading == BylineReading(names, credit, None)
    assert reading.names_person


@pytest.mark.parametrize(
    ("text", "names", "credit", "problem"),
    [
        # Look-alike letters of another script are read as the Latin letters they imitate.
        ("By St\u0430ff", (), "Staff", "staff"),  # CYRILLIC SMALL LETTER A
        ("Courier \u0405taff", (), "Courier Staff", "staff"),  # CYRILLIC CAPITAL LETTER DZE
        ("By D\u0430ily C\u0430ller", (), "Daily Caller", "outlet"),  # no person called "Dаily Cаller"
        ("By N\u0435ws Desk", (), "News Desk", "staff"),  # CYRILLIC SMALL LETTER IE
        ("By \uff33\uff54\uff41\uff46\uff46", (), "Staff", "staff"),  # fullwidth letters
        ("By \U0001d5b2\U0001d5cd\U0001d5ba\U0001d5bf\U0001d5bf", (), "Staff", "staff"),  # mathematical sans-serif
        # ... and a name keeps the letters it is written with (the look-alike warning names them).
        ("By J\u0430ne Doe, St\u0430ff Writer", ("J\u0430ne Doe",), "Staff Writer", None),
        # A name wholly in another script is no disguise, nor is Latin beside Chinese.
        ("By \u5c71\u7530\u592a\u90ce", ("\u5c71\u7530\u592a\u90ce",), "", None),
        ("By NASA\u8bb0\u8005 Staff", (), "NASA\u8bb0\u8005 Staff", "staff"),
        ("By \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432", ("\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432",), "", None),
    ],
)
def test_read_byline_sees_through_look_alike_letters(text: str, names: tuple[str, ...], credit: str, problem: str | None) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.credit, reading.problem) == (names, credit, problem)


@pytest.mark.parametrize(
    ("text", "problem", "credit"),
    [
        ("By The Daily Caller", "outlet", "The Daily Caller"),
        ("By Daily Caller News Foundation", "outlet", "Daily Caller News Foundation"),
        ("By ProPublica", "outlet", "ProPublica"),
        ("By The Associated Press", "outlet", "The Associated Press"),
        ("By Courier Staff", "staff", "Courier Staff"),
        ("By The Millbrook Ledger Staff", "staff", "The Millbrook Ledger Staff"),
        ("By Staff Reports", "staff", "Staff Reports"),
        ("By Ledger Editorial Board", "staff", "Ledger Editorial Board"),
        ("By News Desk", "staff", "News Desk"),
    ],
)
def test_read_byline_tells_outlets_and_staff_from_people(text: str, problem: str, credit: str) -> None:
    reading = read_byline(text)
    assert reading == BylineReading((), credit, problem)
    assert not reading.names_person


@pytest.mark.parametrize("text", ["By ,", "By on", "By", "By  ,  on", "By on June 27, 2024", "Posted by | "])
def test_read_byline_empty_template(text: str) -> None:
    assert read_byline(text) == BylineReading((), "", "empty")
    assert read_byline(text, require_prefix=True) == BylineReading((), "", "empty")


@pytest.mark.parametrize(
    "text",
    [
        "The Biden administration is reportedly considering an unusual move \u2014 working with the Taliban to fight "
        "a branch of ISIS in Afghanistan, NBC News reported on Wednesday.",
        "\u201cThere\u2019s an internal debate about whether to try to work more with the Taliban,\u201d a former senior U.S. official told NBC.",
        "Maria Lopez, a nurse in Fresno, said she had waited three hours for the bus.",
        "Governor Gavin Newsom signed the bill on Tuesday.",
        "Jake Smith",
        "Daily Caller News Foundation logo",
        "(Photo by WAKIL KOHSAR/AFP via Getty Images)",
        "Font Size:",
        "Related: How the council voted",
        "The Daily Caller",
        "",
        "By " + "x" * 200,
    ],
)
def test_body_sentences_are_not_bylines_with_require_prefix(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


def test_markup_text_is_read_without_a_prefix() -> None:
    # In .byline markup a bare name is a byline; in a plain paragraph it is not.
    assert read_byline("Jake Smith") == BylineReading(("Jake Smith",), "", None)
    assert read_byline("Jake Smith", require_prefix=True) is None
    assert read_byline("The Daily Caller") == BylineReading((), "The Daily Caller", "outlet")


def test_typographic_text_is_normalised_before_reading() -> None:
    assert read_byline("By\u00a0Conor O\u2019Brien,\u00a0The\u00a0Conversation") == BylineReading(("Conor O'Brien",), "The Conversation", None)


# ---------------------------------------------------------------------------------------------
# Document.bylines: finding bylines in HTML and text articles

PARAGRAPHS = (
    "The city council voted 7-2 on Tuesday night to approve a $40 million plan that will add three bus rapid "
    "transit lines by 2027, ending a debate that stretched over two years.",
    "Supporters said the plan would cut commute times for thousands of residents on the east side, where many households do not own a car.",
    "\u201cThis is the most important transit decision this city has made in a generation,\u201d said council member Ana Peña, who sponsored the measure.",
    "Opponents questioned the cost and said the city should first repair the roads it already has.",
)


def html_article(byline_html: str, *, head: str = "", mid_body: str = "") -> str:
    paragraphs = "\n".join(f"        <p>{p}</p>" for p in PARAGRAPHS[:2])
    paragraphs += "\n" + mid_body + "\n".join(f"        <p>{p}</p>" for p in PARAGRAPHS[2:])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves transit plan</title>
{head}</head>
<body>
  <header class="site-header">
    <a class="logo" href="/"><img src="/static/logo.png" alt="The Millbrook Ledger"></a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <main>
    <article class="story">
      <h1>Council approves $40 million transit plan after two-year debate</h1>
      {byline_html}
      <div class="article-body">
{paragraphs}
      </div>
    </article>
  </main>
  <footer class="site-footer"><p>&copy; 2024 The Millbrook Ledger. All rights reserved.</p></footer>
</body>
</html>
"""


def line_of(source: str, needle: str) -> int:
    return source[: source.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("byline_html", "text", "names", "credit"),
    [
        ('<p class="byline">By <a href="/author/jake-smith" rel="author">Jake Smith</a></p>', "By Jake Smith", ("Jake Smith",), ""),
        ('<div class="author">Jake Smith</div>', "Jake Smith", ("Jake Smith",), ""),
        ('<span itemprop="author">María de la Cruz</span>', "María de la Cruz", ("María de la Cruz",), ""),
        # The markup holds the name; the line it sits in gives the outlet.
        (
            '<p>By <a rel="author" href="/author/js">Jake Smith</a>, Daily Caller News Foundation</p>',
            "By Jake Smith, Daily Caller News Foundation",
            ("Jake Smith",),
            "Daily Caller News Foundation",
        ),
        (
            '<div class="c-byline">By <span class="c-byline__author">Mollie Simon</span> and '
            '<span class="c-byline__author">Justin Elliott</span>, ProPublica</div>',
            "By Mollie Simon and Justin Elliott, ProPublica",
            ("Mollie Simon", "Justin Elliott"),
            "ProPublica",
        ),
        (
            '<p class="byline">By Derek Willis <span class="org">ProPublica</span>, <time datetime="2016-10-25">Oct. 25, 2016</time></p>',
            "By Derek Willis ProPublica, Oct. 25, 2016",
            ("Derek Willis",),
            "ProPublica",
        ),
    ],
    ids=["class-byline", "class-author", "itemprop-author", "rel-author", "two-authors", "date-after-name"],
)
def test_byline_from_markup(byline_html: str, text: str, names: tuple[str, ...], credit: str) -> None:
    source = html_article(byline_html)
    doc = parse_document(source, "html")
    assert [(b.text, b.names, b.reading.credit, b.source) for b in doc.bylines] == [(text, names, credit, "markup")]
    assert doc.bylines[0].line == line_of(source, byline_html[:20])


@pytest.mark.parametrize(
    ("line", "quoted", "names", "credit"),
    [
        ("By Jake Smith", "By Jake Smith", ("Jake Smith",), ""),
        ("Jake Smith Contributor", "Jake Smith Contributor", ("Jake Smith",), "Contributor"),
        # A job title in a part of its own is not quoted: the evidence shows whom the byline credits.
        ("Jake Smith | Energy Reporter", "Jake Smith", ("Jake Smith",), "Energy Reporter"),
        ("Jake Smith, Daily Caller News Foundation", "Jake Smith, Daily Caller News Foundation", ("Jake Smith",), "Daily Caller News Foundation"),
        ("By María de la Cruz and Jeff Kao, ProPublica", "By María de la Cruz and Jeff Kao, ProPublica", ("María de la Cruz", "Jeff Kao"), "ProPublica"),
    ],
)
def test_byline_from_a_short_line_near_the_top(line: str, quoted: str, names: tuple[str, ...], credit: str) -> None:
    source = html_article(f"<p>{line}</p>")
    doc = parse_document(source, "html")
    assert [(b.text, b.names, b.reading.credit, b.source) for b in doc.bylines] == [(quoted, names, credit, "text")]
    assert doc.bylines[0].line == line_of(source, f"<p>{line}</p>")


def test_byline_after_a_line_break_in_the_dateline_block() -> None:
    source = html_article('<p class="meta">Published June 27, 2024<br>By Jake Smith</p>')
    doc = parse_document(source, "html")
    assert [(b.text, b.names, b.source) for b in doc.bylines] == [("By Jake Smith", ("Jake Smith",), "text")]


@pytest.mark.parametrize(
    ("byline_html", "problem", "credit"),
    [
        ('<p class="byline">By The Daily Caller</p>', "outlet", "The Daily Caller"),
        ('<p class="byline">By Courier Staff</p>', "staff", "Courier Staff"),
        ('<p class="byline">By <a rel="author" href="/author/"></a>,</p>', "empty", ""),
        ("<p>By The Daily Caller</p>", "outlet", "The Daily Caller"),
        ("<p>By Courier Staff</p>", "staff", "Courier Staff"),
    ],
)
def test_byline_that_names_no_person(byline_html: str, problem: str, credit: str) -> None:
    doc = parse_document(html_article(byline_html), "html")
    assert [(b.names, b.reading.problem, b.reading.credit) for b in doc.bylines] == [((), problem, credit)]


def test_byline_only_in_meta_author_does_not_count() -> None:
    head = (
        '  <meta name="author" content="Jake Smith">\n'
        '  <script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jake Smith"}}</script>\n'
    )
    doc = parse_document(html_article("", head=head), "html")
    assert doc.meta["author"] == ("Jake Smith",)
    assert doc.bylines == ()


@pytest.mark.parametrize(
    "byline_html",
    [
        '<p class="byline" hidden>By Jake Smith</p>',
        '<p class="byline" style="display: none;">By Jake Smith</p>',
        '<p class="byline" style="color:#555; visibility:hidden">By Jake Smith</p>',
        '<span class="screen-reader-text">By Jake Smith</span>',
        '<span class="sr-only">By Jake Smith</span>',
        "<p hidden>By Jake Smith</p>",
        '<template><p class="byline">By Jake Smith</p></template>',
        '<!-- <p class="byline">By Jake Smith</p> -->',
        "<script>var byline = 'By Jake Smith';</script>",
    ],
)
def test_hidden_bylines_do_not_count(byline_html: str) -> None:
    # A helper class hides where the site's stylesheet (not read) may define it.
    theme = '<link rel="stylesheet" href="/theme.css">' if "sr-only" in byline_html or "screen-reader-text" in byline_html else ""
    doc = parse_document(html_article(byline_html, head=theme), "html")
    assert doc.bylines == ()
    assert "Jake Smith" not in "\n".join(b.text for b in doc.blocks)


def test_body_sentences_starting_with_a_name_are_not_bylines() -> None:
    quote = "        <p>Maria Lopez, a nurse who rides the No. 12 bus to work, said she waited three hours last winter.</p>\n"
    source = html_article("<p>By Jake Smith</p>", mid_body=quote)
    doc = parse_document(source, "html")
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def test_byline_in_a_related_card_inside_the_article_is_not_the_articles_byline() -> None:
    related = (
        '        <aside class="related">\n'
        "          <h2>Related</h2>\n"
        '          <article class="card"><h3><a href="/2024/05/bus-fares">Bus fares to rise in July</a></h3>'
        '<p class="byline">By Renee Dudley</p></article>\n'
        "        </aside>\n"
    )
    source = html_article('<p class="byline">By Jake Smith</p>', mid_body=related)
    doc = parse_document(source, "html")
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def test_labelled_crosshead_credits_the_article_when_nothing_above_the_body_does() -> None:
    # A correspondent's analysis under a crosshead, the page's only credit (as on BBC News).
    crosshead = "        <h2>Analysis: Renee Dudley, Millbrook Ledger, Austin</h2>\n"
    source = html_article("", mid_body=crosshead)
    doc = parse_document(source, "html")
    assert [(b.text, b.names, b.reading.credit, b.line) for b in doc.bylines] == [
        ("Analysis: Renee Dudley, Millbrook Ledger, Austin", ("Renee Dudley",), "Millbrook Ledger, Austin", line_of(source, "<h2>Analysis"))
    ]


@pytest.mark.parametrize(
    "heading",
    ["Analysis: What the vote means for Millbrook", "Part I: The Beginning", "Interview: Jane Goodall", "Opinion: Why Ted Cruz Is Wrong"],
)
def test_crossheads_that_name_nobody_as_author_are_not_bylines(heading: str) -> None:
    doc = parse_document(html_article("", mid_body=f"        <h2>{heading}</h2>\n"), "html")
    assert doc.bylines == ()


def test_a_byline_above_the_body_outranks_a_labelled_crosshead() -> None:
    crosshead = "        <h2>Analysis: Renee Dudley, Millbrook Ledger</h2>\n"
    doc = parse_document(html_article('<p class="byline">By Jake Smith</p>', mid_body=crosshead), "html")
    assert [b.names for b in doc.bylines] == [("Jake Smith",)]


def test_a_labelled_crosshead_in_a_related_box_is_not_the_articles_byline() -> None:
    related = '        <aside class="related"><h3>Analysis: Renee Dudley, Millbrook Ledger</h3><p>More on the vote.</p></aside>\n'
    doc = parse_document(html_article("", mid_body=related), "html")
    assert doc.bylines == ()


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("By Richard (R.J.) Eskow", ("Richard Eskow",), ""),
        ("By A. Smith and Richard (Dick) Jones, ProPublica", ("A. Smith", "Richard Jones"), "ProPublica"),
        ("By Jane Doe (Reuters)", ("Jane Doe",), "Reuters"),
        ("By Jane Doe (Reuters) Updated 5 min ago", ("Jane Doe",), "Reuters"),
    ],
)
def test_a_one_word_bracket_inside_a_name_is_a_nickname_not_an_affiliation(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text)
    assert reading is not None and (reading.names, reading.credit) == (names, credit)


@pytest.mark.parametrize(
    "text",
    [
        "By Jane Doe (Reuters)",
        "By Jane Doe — (Reuters)",
        "By Jane Doe - [Reuters]",
        "By Jane Doe | (Reuters)",
        "By Jane Doe, (Reuters)",
        "Jane Doe: (Reuters)",
    ],
)
def test_an_outlet_in_brackets_is_the_affiliation_after_a_separator_too(text: str) -> None:
    reading = read_byline(text)
    assert reading is not None and (reading.names, reading.credit) == (("Jane Doe",), "Reuters")


def test_byline_in_the_header_of_a_body_container_page() -> None:
    # No <article>: the byline sits between the headline and div.article-body.
    source = f"""<html><body>
<div class="site-header"><p class="site-title">The Millbrook Ledger</p></div>
<div class="story">
  <h1>Council approves transit plan</h1>
  <div class="byline">By <a href="/staff/jake-smith">Jake Smith</a> | Energy Reporter</div>
  <div class="article-body">
    <p>{PARAGRAPHS[0]}</p>
    <p>{PARAGRAPHS[1]}</p>
  </div>
</div>
<div class="sidebar"><h3>Most Read</h3><p class="author">By Renee Dudley</p></div>
</body></html>"""
    doc = parse_document(source, "html")
    assert [(b.text, b.names, b.reading.credit, b.line) for b in doc.bylines] == [("By Jake Smith", ("Jake Smith",), "Energy Reporter", 5)]


def test_plain_text_byline_lines() -> None:
    text = (
        "Council approves $40 million transit plan after two-year debate\n"
        "\n"
        "By Jake Smith, The Millbrook Ledger | June 27, 2024\n"
        "\n" + "\n\n".join(PARAGRAPHS) + "\n"
    )
    doc = parse_document(text, "text")
    assert [(b.line, b.names, b.reading.credit, b.source) for b in doc.bylines] == [(3, ("Jake Smith",), "The Millbrook Ledger", "text")]


def test_seed_article_byline() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is missing: the shared/ folder must sit beside the checkout")
    doc = parse_document(SEED.read_bytes(), "text")
    assert [(b.text, b.line, b.names, b.reading.credit) for b in doc.bylines] == [("Jake Smith Contributor", 6, ("Jake Smith",), "Contributor")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by Fort Worth Report", BylineReading((), "Fort Worth Report", "outlet")),
        ("By Maine Morning Star", BylineReading((), "Maine Morning Star", "outlet")),
        ("by , Fort Worth Report", BylineReading((), "Fort Worth Report", "empty")),
        ("by , THE CITY", BylineReading((), "THE CITY", "empty")),
        ("By Lena Sun", BylineReading(("Lena Sun",), "", None)),
        ("Jake Smith Reporter", BylineReading(("Jake Smith",), "Reporter", None)),
    ],
)
def test_place_name_outlets_and_emptied_templates(text: str, expected: BylineReading) -> None:
    # Seen on Republication Tracker sites: "by SITENAME" and "by , SITENAME" when the author is lost.
    assert read_byline(text) == expected


@pytest.mark.parametrize(
    ("text", "names", "problem"),
    [
        ("By Delta Beacon Staff", (), "staff"),
        ("Maya Ruiz-Oquendo, Arizona State University", ("Maya Ruiz-Oquendo",), None),
        ("Jane Doe, Associate Professor of Biology, University of Example", ("Jane Doe",), None),
    ],
)
def test_staff_credits_and_academic_affiliations(text: str, names: tuple[str, ...], problem: str | None) -> None:
    reading = read_byline(text)
    assert reading is not None
    assert (reading.names, reading.problem) == (names, problem)


# ---------------------------------------------------------------------------------------------
# What a byline's evidence quotes: the people credited and their affiliation, not job titles or
# list markers laid out as parts of their own.


@pytest.mark.parametrize(
    ("line", "quoted", "names"),
    [
        ("• Story by Tomas Engel, Senior Audience Editor, The Harbor Ledger", "Story by Tomas Engel, …, The Harbor Ledger", ("Tomas Engel",)),
        ("1. Written by Ines Varga; Community Manager; Westmark Post", "Written by Ines Varga; …; Westmark Post", ("Ines Varga",)),
        ("By Ana Lindqvist, Senior Research Scientist, University of Westmark", "By Ana Lindqvist, …, University of Westmark", ("Ana Lindqvist",)),
        ("By Ola Berg — Staff Writer", "By Ola Berg", ("Ola Berg",)),
        ("By Ola Berg, Contributor, Senior Editor", "By Ola Berg", ("Ola Berg",)),
        # A title that says where or of what may name the affiliation and stays; so does a role in the names' part.
        ("By Priya Natarajan, Professor of Law at Eastfield College", "By Priya Natarajan, Professor of Law at Eastfield College", ("Priya Natarajan",)),
        ("Posted by Iris Kalman, Software Engineer on Loomway", "Posted by Iris Kalman, Software Engineer on Loomway", ("Iris Kalman",)),
        (
            "Tove Lund, Associate Professor of Geology, Northfield University",
            "Tove Lund, Associate Professor of Geology, Northfield University",
            ("Tove Lund",),
        ),
        ("Jake Smith Energy Reporter", "Jake Smith Energy Reporter", ("Jake Smith",)),
        ("By Derek Willis, ProPublica, Oct. 25, 2016", "By Derek Willis, ProPublica, Oct. 25, 2016", ("Derek Willis",)),
    ],
)
def test_byline_quotes_names_and_affiliation(line: str, quoted: str, names: tuple[str, ...]) -> None:
    for doc in (
        parse_document(html_article(f'<p class="byline">{line}</p>'), "html"),
        parse_document(f"Headline of the story\n\n{line}\n\n" + "\n\n".join(PARAGRAPHS), "text"),
    ):
        assert [(b.text, b.names) for b in doc.bylines] == [(quoted, names)]


# ---------------------------------------------------------------------------------------------
# A byline at the story's foot, in an <aside> or <footer> of its own <article> (personal blogs
# print "NAME — date — in Section — Permalink" after the text).


def _story_with_foot(foot_html: str, *, after_article: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notes</title></head><body>
<header><a href="/">Wen's notebook</a></header>
<article>
  <h1>Testing the front end without a browser farm</h1>
  <section>{body}</section>
  {foot_html}
</article>
{after_article}
</body></html>"""


@pytest.mark.parametrize(
    "foot_html",
    [
        '<aside><p><span class="article-author" itemprop="author" itemscope><span itemprop="name">Wen Hollis</span> —</span>'
        ' <time datetime="2021-03-02">2021-03-02</time> — in <a href="/code/">Code</a> — <a href="/p/1">Permalink</a></p></aside>',
        '<footer><p>Posted by <a rel="author" href="/about">Wen Hollis</a> on March 2, 2021</p></footer>',
    ],
    ids=["aside-itemprop-author", "footer-rel-author"],
)
def test_byline_at_the_foot_of_the_story(foot_html: str) -> None:
    doc = parse_document(_story_with_foot(foot_html), "html")
    assert [b.names for b in doc.bylines] == [("Wen Hollis",)]


def test_other_stories_at_the_foot_are_not_bylines() -> None:
    related = (
        '<aside class="c-related-content"><ul><li><div class="c-byline c-byline--related-content">'
        '<a href="/authors/ora-vance/">Ora Vance</a></div></li></ul></aside>'
    )
    card = '<div class="c-story"><div class="c-byline c-byline--related-content"><a href="/authors/ilse-marr/">Ilse Marr</a></div></div>'
    teaser = '<article><h2><a href="/next">Next story</a></h2><p class="byline">By Tamsin Roe</p></article>'
    doc = parse_document(_story_with_foot(related + card, after_article=teaser), "html")
    assert doc.bylines == ()


# ---------------------------------------------------------------------------------------------
# A name standing alone by the headline (an avatar, the name, a date: markup with generated class
# names and no byline class) is the byline when the page's own metadata credits that person.


def _lone_name_page(head: str, *, name: str = "Priya Anand") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Transit plan</title>{head}</head><body>
<main class="sc-7fq2k0 kXbTq">
  <h1>Council approves $40 million transit plan after two-year debate</h1>
  <div class="sc-19zr3 aaPq"><img src="/avatars/pa.jpg" alt=""><div><div>{name}</div>
  <div class="sc-19zr6"><time datetime="2024-06-27T10:00">6/27/24 10:00AM</time></div></div></div>
  <div class="sc-0p1q">{body}</div>
</main>
<div class="sc-more"><h3>Elsewhere</h3><div>Tamsin Roe</div><time>Yesterday</time></div>
</body></html>"""


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="author" content="Priya Anand">',
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Priya Anand"}]}]}</script>',
        '<meta property="article:author" content="https://example.org/people/priya"><meta name="parsely-author" content="PRIYA ANAND">',
    ],
    ids=["meta-author", "json-ld-author", "parsely-author"],
)
def test_lone_name_credited_by_the_metadata_is_the_byline(head: str) -> None:
    doc = parse_document(_lone_name_page(head), "html")
    assert [(b.text, b.names, b.source) for b in doc.bylines] == [("Priya Anand", ("Priya Anand",), "text")]


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ('<meta name="author" content="Priya Anand Jr.">', "Priya Anand Jr"),
        ('<meta name="author" content="Priya Anand Jr">', "Priya Anand Jr."),
        ('<meta name="author" content="Priya Anand Jr.">', "Priya Anand Jr."),
    ],
)
def test_a_suffix_s_full_stop_does_not_part_a_lone_name_from_its_metadata_credit(head: str, name: str) -> None:
    doc = parse_document(_lone_name_page(head, name=name), "html")
    assert [(b.text, b.names) for b in doc.bylines] == [(name, (name,))]


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ("", "Priya Anand"),  # no metadata: a lone name could be anyone
        ('<meta name="author" content="Tamsin Roe">', "Priya Anand"),  # the metadata credits someone else
        ('<meta name="author" content="The Millbrook Ledger">', "Priya Anand"),
        ('<meta name="author" content="Priya Anand">', "Council Chamber"),
    ],
)
def test_lone_name_without_the_metadata_credit_is_not_a_byline(head: str, name: str) -> None:
    assert parse_document(_lone_name_page(head, name=name), "html").bylines == ()


def test_a_byline_in_metadata_only_is_still_not_visible() -> None:
    page = _lone_name_page('<meta name="author" content="Priya Anand">', name="").replace("<div></div>", "")
    assert parse_document(page, "html").bylines == ()


# ---------------------------------------------------------------------------------------------
# The "by" gate: the patterns that look for an opener after the start of a byline are compiled and
# run only where `_BY` finds a "by" they could match, so every text either of them matches must
# be one `_BY` finds (otherwise a byline would be read differently for want of a compile).

_GATE_PIECES = st.sampled_from(
    [
        "by",
        "By",
        "BY",
        "bY",
        "nearby",
        "Derby",
        "byline",
        "written",
        "Photos",
        "and",
        "&",
        "/",
        "reported",
        "additional reporting",
        "Jane",
        "Doe",
        "2019",
        "15",
        ")",
        "]",
        "(",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "–",
        "—",
        "|",
        "•",
        "·",
        ":",
        "-",
        ",",
        ";",
        "é",
        "ß",
        "_",
        "1by",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_GATE_PIECES, max_size=12).map("".join))
def test_the_by_gate_finds_every_text_the_gated_patterns_match(text: str) -> None:
    if byline_reading._mid_opener().search(text) or byline_reading._role_conjunction().search(text):
        assert byline_reading._BY.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday 15 October 2019 by Jane Doe",
        "Headline 10.15.15 By Jane Doe",
        "Source: Outlet – By Jane Doe",
        "Jane Doe (Outlet) by John Roe",
        "Reported by Jane Doe and translated by John Roe",
        "Jane Doe, Outlet; photos by John Roe",
        "Written by Jane Doe Edited by John Roe",
    ],
)
def test_the_by_gate_lets_through_the_openers_it_guards(text: str) -> None:
    assert byline_reading._mid_opener().search(text) or byline_reading._role_conjunction().search(text)
    assert byline_reading._BY.search(text)


@pytest.mark.parametrize("text", ["Aisha Rahman, a retired teacher who lives nearby.", "Jane Doe, Derby Telegraph", "Jane Doe, byline desk"])
def test_the_by_gate_keeps_out_words_that_only_contain_by(text: str) -> None:
    assert byline_reading._BY.search(text) is None


# The page-data gate: dates, times and counters are cut off a byline by two patterns compiled and
# run only where `_PAGE_DATA` finds what they need; every text either matches must pass it.

_PAGE_DATA_PIECES = st.sampled_from(
    [
        "Jane",
        "Doe",
        "Simon",
        "Sunstein",
        "Monday",
        "Tues",
        "Wed",
        "Thurs",
        "fri",
        "Sat",
        "SUN",
        "ſun",
        "Oct.",
        "June",
        "Dec",
        "May",
        "5",
        "25",
        "2016",
        "19th",
        "1st",
        "٣",
        "ago",
        "AGO",
        "a",
        "one",
        "day",
        "hours",
        "yesterday",
        "Today",
        "just",
        "now",
        "Updated",
        "last",
        "published",
        "Posted",
        "on",
        "modified",
        "aktualisiert",
        "actualizado",
        "mis",
        "à",
        "jour",
        "-",
        "/",
        ":",
        ",",
        ".",
        " ",
        "  ",
        "|",
        "•",
        "–",
        "\u00a0",
        "K",
        "İ",
        "ı",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PAGE_DATA_PIECES, max_size=10).map("".join))
def test_the_page_data_gate_finds_every_text_the_gated_patterns_match(text: str) -> None:
    if byline_reading._trailer().search(text) or byline_reading._data().search(text) or byline_reading._DAY_WORD().search(text):
        assert byline_reading._PAGE_DATA.search(text)
    # ... so the byline reads as it would with the three patterns always run.
    cleaned = byline_reading._HANDLE.sub(" | ", byline_reading._GLUED_DIGITS.sub(" ", text))
    cleaned = byline_reading._cut_page_data(byline_reading._trailer(), "weekday", cleaned)
    cut = byline_reading._data().sub("", byline_reading._cut_page_data(byline_reading._DAY_WORD(), "day", cleaned))
    if cut != cleaned:
        cut = byline_reading._TRAILING_LOWER().sub("", cut)
    assert byline_reading._drop_page_data(text) == cut.strip(" ,.;:|•·–—-/")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by Derek Willis ProPublica, Oct. 25, 2016", "Derek Willis ProPublica"),
        ("By Jane Doe, Monday, June 5", "Jane Doe"),
        ("By Jane Doe 3 hours ago", "Jane Doe"),
        ("By Jane Doe Updated yesterday", "Jane Doe"),
        ("By Jane Doe, The 19th", "Jane Doe, The 19th"),
        ("By Jane Doe, Daily Caller News Foundation", "Jane Doe, Daily Caller News Foundation"),
    ],
)
def test_page_data_is_cut_off_a_byline_with_or_without_the_gate(text: str, expected: str) -> None:
    rest = byline_reading._open(text).rest
    assert byline_reading._drop_page_data(rest) == expected


# ---------------------------------------------------------------------------------------------
# A header classed like the site's, inside the story's own <article>


def _page_with(top: str, *, before_article: str = "") -> str:
    return (
        f"<html><body>{before_article}<main><article>{top}<div class='entry-content'><p>{PARAGRAPHS[0]}</p>"
        f"<p>{PARAGRAPHS[1]}</p></div></article></main></body></html>"
    )


@pytest.mark.parametrize(
    "top",
    [
        '<header class="site-header"><h1>Council approves transit plan</h1><p class="byline">By Jake Smith, Millbrook Ledger</p></header>',
        # Differently classed and marked: a masthead div, a banner role, a BEM-prefixed class, no byline markup.
        '<div class="masthead"><h1>Council approves transit plan</h1><p>By Jake Smith, Millbrook Ledger</p></div>',
        '<h1>Council approves transit plan</h1><div role="banner"><span class="author">Jake Smith, Millbrook Ledger</span></div>',
        '<div class="c-site-header__inner"><h1>Council approves transit plan</h1><p>By Jake Smith, Millbrook Ledger</p></div>',
        # The story's breadcrumb trail is no site navigation.
        '<header class="site-header"><nav class="breadcrumbs"><a href="/n">News</a></nav><h1>Plan</h1><p>By Jake Smith, Millbrook Ledger</p></header>',
    ],
    ids=["site-header", "masthead", "banner-role", "bem-class", "breadcrumb-trail"],
)
def test_a_site_header_inside_the_article_holds_the_articles_byline(top: str) -> None:
    doc = parse_document(_page_with(top), "html")
    assert [(b.names, b.reading.credit) for b in doc.bylines] == [(("Jake Smith",), "Millbrook Ledger")]


@pytest.mark.parametrize(
    ("top", "before_article"),
    [
        # Near-misses: the site's banner outside the article, and one inside it with the site's menus.
        ("<h1>Council approves transit plan</h1>", '<header class="site-header"><p>By Jake Smith, Millbrook Ledger</p></header>'),
        ('<header class="site-header"><nav><a href="/">Home</a></nav><p>By Jake Smith, Millbrook Ledger</p></header><h1>Council plan</h1>', ""),
    ],
    ids=["outside-article", "with-navigation"],
)
def test_the_sites_own_banner_still_holds_no_byline_and_the_why_line_says_where_it_is(top: str, before_article: str) -> None:
    from compliance.api import check_html

    page = _page_with(top, before_article=before_article)
    assert parse_document(page, "html").bylines == ()
    report = check_html(page, packs=["dcnf"])
    (finding,) = [f for f in report.findings if f.rule == "dcnf/byline"]
    where = "the site's header with its navigation" if "nav" in top else "the site's header outside the story's <article>"
    quoted = "'By Jake Smith, Millbrook Ledger' (line 1)"
    assert finding.detail == f'no visible byline found in the article; {quoted} reads as a byline but is in <header class="site-header">, {where}'


# ---------------------------------------------------------------------------------------------
# Byline markup whose parts are laid out apart: never words glued across an element boundary


@pytest.mark.parametrize(
    ("byline_html", "names", "credit"),
    [
        # Parts in elements without attributes, without attributes' classes, in blocks: read apart.
        (
            '<div class="author"><strong>Jane Doe</strong><span>Professor of History, University of Example</span></div>',
            ("Jane Doe",),
            "Professor, History, University of Example",
        ),
        ('<ul class="byline"><li>By Jake Smith</li><li>Harbor Ledger</li></ul>', ("Jake Smith",), "Harbor Ledger"),
        ('<div class="h-card"><p class="p-name">Jake Smith</p><p class="p-org">Harbor Ledger</p></div>', ("Jake Smith",), "Harbor Ledger"),
        # Near-misses: an author box's buttons are no part of the name, nor a button's label an outlet.
        ('<div class="author-box"><a href="/u/pa">Patrick Allan</a><button>Profile</button><button>Follow</button></div>', ("Patrick Allan",), ""),
        ('<div class="author-box"><span>Patrick Allan</span><span>SHARE</span></div>', ("Patrick Allan",), ""),
        # Inline markup inside a name still reads as one name.
        ('<p class="byline">By <b>Jake</b> Smith</p>', ("Jake Smith",), ""),
    ],
    ids=["inline-plain", "list-items", "h-card-blocks", "author-box-buttons", "caps-button", "inline-bold"],
)
def test_byline_markup_parts_are_read_apart(byline_html: str, names: tuple[str, ...], credit: str) -> None:
    doc = parse_document(html_article(byline_html), "html")
    assert [(b.names, b.reading.credit) for b in doc.bylines] == [(names, credit)]


# Inline markup inside byline markup joins words as a browser lays it out: no space at an element
# boundary unless the text has one ("Reu<b></b>ters" is "Reuters"). Parts are read apart only where
# joined they run a name into the next part, or name nobody (the cases above).


@pytest.mark.parametrize(
    ("byline_html", "names", "credit"),
    [
        ('<p class="byline">By Jane Doe, Reu<b></b>ters</p>', ("Jane Doe",), "Reuters"),
        ('<div class="author">By Ana Ruiz, Harbor <span>Led</span>ger</div>', ("Ana Ruiz",), "Harbor Ledger"),
        ('<p class="c-byline">By Jake Smith, Asso<em>ciated</em> Press</p>', ("Jake Smith",), "Associated Press"),
        ('<span class="byline">By <span class="author">Jane Doe</span>, Pro<i>Publica</i></span>', ("Jane Doe",), "ProPublica"),
        ('<p class="byline">By Jane Doe, Mill<wbr>brook Ledger</p>', ("Jane Doe",), "Millbrook Ledger"),
        # Near-misses: sibling parts whose joined words would run a name into the next part.
        ('<p class="byline"><span class="author">Jane Doe</span><span class="role">reporter</span></p>', ("Jane Doe",), "reporter"),
        ('<div class="author"><a href="/people/jd">Jane Doe</a>Harbor Ledger</div>', ("Jane Doe",), "Harbor Ledger"),
    ],
    ids=["empty-b", "span-mid-word", "em-mid-word", "brand-split", "wbr", "lower-role-sibling", "link-then-text"],
)
def test_byline_markup_joins_inline_words_as_a_browser_does(byline_html: str, names: tuple[str, ...], credit: str) -> None:
    doc = parse_document(html_article(byline_html), "html")
    assert [(b.names, b.reading.credit) for b in doc.bylines] == [(names, credit)]
