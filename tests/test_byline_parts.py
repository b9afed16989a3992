"""Bylines whose parts stand in separate elements or lines: an opener in one element and the name in
the next ("by" then `<h3><a>NAME</a></h3>`), a header's byline for another work above the story, a
topic label over an author box, a name line over a line of job title and institution (The
Conversation's author block), and a name line alone in plain text and Markdown."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_markdown, check_text
from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import person_name, read_byline
from compliance.findings import Report, Severity

STORY = (
    "<p>The small child care center Alma Reyes ran in her Tucson home for nine years closed its doors last month, after the grant ran out.</p>"
    "<p>Federal relief money that kept centers open through the pandemic ran out in September, and providers say the effects now show.</p>"
)
NINETEENTH_CREDIT = (
    '<p><em>This article was originally published by <a href="https://19thnews.org/2024/10/child-care-centers-close/">The 19th</a>, '
    "an independent, nonprofit newsroom reporting on gender, politics and policy.</em></p>"
    '<img src="https://19thnews.org/wp-json/the19th/v1/republish-pixel?post=51234" width="1" height="1" alt="">'
)


def _article(header: str) -> str:
    return f"<html><body><article><h1>Child care centers close</h1>{header}{STORY}</article></body></html>"


def _bylines(html: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(b.text, b.names, b.reading.problem) for b in parse_document(html, "html").bylines]


def _errors(report: Report) -> dict[str, str]:
    return {f.rule: f.message for f in report.findings if f.severity is Severity.ERROR}


# An opener in one element and the name in the next, inline or block, is one byline.


@pytest.mark.parametrize(
    ("header", "text"),
    [
        ('<div class="meta"><span>by</span><h3><a href="/profile/338123">Jasmine Ortiz</a></h3></div>', "by Jasmine Ortiz"),
        ('<div class="meta"><span>By</span><div><a href="/author/jasmine-ortiz/">Jasmine Ortiz</a></div></div>', "By Jasmine Ortiz"),
        ('<div class="meta"><span>Written by</span><div>Jasmine Ortiz</div></div>', "Written by Jasmine Ortiz"),
        ("<div><p>By:</p><p>Jasmine Ortiz</p></div>", "By: Jasmine Ortiz"),
    ],
)
def test_an_opener_and_the_name_in_the_next_element_are_one_byline(header: str, text: str) -> None:
    assert _bylines(_article(header)) == [(text, ("Jasmine Ortiz",), None)]


def test_an_opener_and_the_name_inline_stay_one_byline() -> None:
    header = '<div class="meta"><span>By</span> <a href="/author/jasmine-ortiz/">Jasmine Ortiz</a></div>'
    assert [b.names for b in parse_document(_article(header), "html").bylines] == [("Jasmine Ortiz",)]


@pytest.mark.parametrize(
    "header",
    [
        '<div class="meta"><span>by</span><div>Updated October 4, 2024</div></div>',  # a date, not a name
        '<div class="meta"><span>by</span><button>Share</button></div>',
        "<p>By</p>",
    ],
)
def test_an_opener_with_no_name_after_it_is_still_an_empty_byline(header: str) -> None:
    assert [(names, problem) for _, names, problem in _bylines(_article(header))] == [((), "empty")]
    assert "common/empty-byline" in _errors(check_html(_article(header), packs=["common"]))


# A header for another work above the story (a serial's "Title by Author" over one of its chapters).


def _serial_page(header_name: str, story_byline: str) -> str:
    return (
        '<html><body><div class="fic-header"><a href="/fiction/63759/super-supportive"><h2>Super Supportive</h2></a> <span>by</span>'
        f'<h3><a href="/profile/338123">{header_name}</a></h3></div>'
        f'<div class="portlet chapter"><h1>Child care centers close</h1><div class="chapter-content">{story_byline}{STORY}{NINETEENTH_CREDIT}</div></div>'
        "</body></html>"
    )


@pytest.mark.parametrize("header_name", ["Sleyca", "Sam Lee", "Sleyca Writes"])
def test_a_header_byline_for_another_work_gives_way_to_the_storys_own(header_name: str) -> None:
    page = _serial_page(header_name, '<p class="byline">By Jasmine Ortiz, The 19th</p>')
    assert _bylines(page) == [("By Jasmine Ortiz, The 19th", ("Jasmine Ortiz",), None)]
    report = check_html(page, packs=["the-19th", "common"])
    assert _errors(report) == {}
    assert {"common/empty-byline", "creative-commons/author"} <= {p.rule for p in report.passed}


def test_a_header_byline_stays_when_the_story_has_none_of_its_own() -> None:
    page = _serial_page("Sam Lee", "")
    assert _bylines(page) == [("by Sam Lee", ("Sam Lee",), None)]


def test_a_header_byline_naming_the_storys_author_stays() -> None:
    page = _serial_page("Jasmine Ortiz", '<p class="byline">By Jasmine Ortiz, The 19th</p>')
    assert [names for _, names, _ in _bylines(page)] == [("Jasmine Ortiz",), ("Jasmine Ortiz",)]


# A topic or section label over the byline in an author box is no part of it.


@pytest.mark.parametrize("label", ["Tech Industry", "Climate Change", "Politics", "Health Care Policy"])
def test_a_topic_label_over_an_author_box_is_no_co_author(label: str) -> None:
    header = (
        f'<div class="authorInfo"><h6><a href="/topics/x/">{label}</a></h6><div class="profileInfo"><span class="byText">by </span>'
        '<a rel="author" href="/profiles/stribble/"><span itemprop="name">Sarah Jane Tribble</span></a></div></div>'
    )
    bylines = parse_document(_article(header), "html").bylines
    assert bylines and all(b.names == ("Sarah Jane Tribble",) for b in bylines)


def test_the_affiliation_message_names_only_the_author_under_a_topic_label() -> None:
    header = (
        '<div class="authorInfo"><h6><a href="/topics/tech-industry/">Tech Industry</a></h6><span class="byText">by </span>'
        '<a rel="author" href="/profiles/stribble/"><span itemprop="name">Sarah Jane Tribble</span></a></div>'
    )
    report = check_html(_article(header), packs=["kff-health-news"])
    assert _errors(report)["kff-health-news/affiliation"] == "The byline does not tie Sarah Jane Tribble to KFF Health News."


@pytest.mark.parametrize("words", ["Tech Industry", "Health Care", "Climate Policy", "World Money"])
def test_topic_words_alone_are_no_persons_name(words: str) -> None:
    assert parse_document(_article(f'<p class="byline">By {words}</p>'), "html").bylines[0].names == ()


@pytest.mark.parametrize("name", ["Justice Smith", "Art Garfunkel", "Travis Tech Jones"])
def test_a_name_with_one_topic_word_is_still_a_name(name: str) -> None:
    assert parse_document(_article(f'<p class="byline">By {name}</p>'), "html").bylines[0].names == (name,)


def test_a_label_over_a_written_by_line_keeps_the_name_under_it() -> None:
    header = '<div class="byline"><div>Written by</div><div>Sarah Jane Tribble</div></div>'
    assert [b.names for b in parse_document(_article(header), "html").bylines] == [("Sarah Jane Tribble",)]


# A name line over a line of job title and institution (The Conversation's author block).

TITLES = [
    ("Assistant Professor of Biology, University of Michigan", ("University of Michigan",)),
    ("Research Fellow, Monash University", ("Monash University",)),
    ("Professor, Karolinska Institutet", ("Karolinska Institutet",)),
    ("Director, Center for Policy Research, Rice University", ("Center for Policy Research", "Rice University")),
    ("PhD Candidate in Ecology, University of Toronto", ("University of Toronto",)),
]
BODY_LINES = [
    "Over the past four decades, many North American migratory birds have gotten measurably smaller.",
    "Body mass declined in almost every one of the 52 species we studied, while wing length increased.",
]
CONVERSATION_CREDIT_MD = (
    "This article is republished from [The Conversation](https://theconversation.com) under a "
    "[Creative Commons license](https://creativecommons.org/licenses/by-nd/4.0/). Read the "
    "[original article](https://theconversation.com/why-some-bird-species-are-getting-smaller-227001)."
)


@pytest.mark.parametrize(("title", "institutions"), TITLES)
def test_a_name_line_over_a_title_and_institution_line_is_the_byline_in_html(title: str, institutions: tuple[str, ...]) -> None:
    doc = parse_document(_article(f"<p>Maria Chen<br>{title}</p>"), "html")
    assert [(b.names, b.reading.affiliations) for b in doc.bylines] == [(("Maria Chen",), (institutions,))]
    # Quoted as the page's two lines (a job title standing as a part of its own is left out).
    assert doc.bylines[0].text.startswith("Maria Chen / ") and doc.bylines[0].text.endswith(institutions[-1])


@pytest.mark.parametrize(("title", "institutions"), TITLES)
def test_a_name_line_over_a_title_and_institution_line_is_the_byline_in_text(title: str, institutions: tuple[str, ...]) -> None:
    text = "\n\n".join(["Why some bird species are getting smaller", f"Maria Chen\n{title}", *BODY_LINES])
    doc = parse_document(text, "text")
    assert [(b.names, b.reading.affiliations) for b in doc.bylines] == [(("Maria Chen",), (institutions,))]


@pytest.mark.parametrize(
    "front_matter",
    ['---\ntitle: "Why some bird species are getting smaller"\n---\n\n', "# Why some bird species are getting smaller\n\n"],
)
def test_a_name_line_over_a_title_and_institution_line_passes_the_conversation_in_markdown(front_matter: str) -> None:
    body = "\n\n".join(["Maria Chen  \nAssistant Professor of Biology, University of Michigan", *BODY_LINES, CONVERSATION_CREDIT_MD])
    report = check_markdown(front_matter + body, packs=["the-conversation"])
    assert {"creative-commons/author", "the-conversation/author-institution"} <= {p.rule for p in report.passed}
    assert "creative-commons/author" not in _errors(report) and "the-conversation/author-institution" not in _errors(report)


@pytest.mark.parametrize(
    "block",
    [
        "<p>Maria Chen<br>Professor of Biology</p>",  # a title without an institution
        "<p>Maria Chen<br>University of Michigan</p>",  # an institution without a title
        "<p>Rising Seas<br>The professor said the birds at the University of Michigan shrank.</p>",  # a sentence
        "<p>Key Findings<br>Published October 4, 2024</p>",
        "<p>The study, published Monday by the University of Michigan<br>Assistant Professor of Biology, University of Michigan</p>",
    ],
)
def test_short_lines_that_are_no_name_over_a_title_and_institution_are_no_byline(block: str) -> None:
    assert parse_document(_article(block), "html").bylines == ()


# A name line alone, in plain text and Markdown: the byline, without an institution.


def test_a_bare_name_line_in_text_credits_the_name_without_an_institution() -> None:
    text = "\n\n".join(["Why some bird species are getting smaller as the climate warms", "Maria Chen", *BODY_LINES])
    errors = _errors(check_text(text, packs=["the-conversation"]))
    assert errors["the-conversation/author-institution"] == "The byline credits Maria Chen but not their institution."
    assert "creative-commons/author" not in errors


def test_a_bare_name_line_under_front_matter_credits_the_name_without_an_institution() -> None:
    markdown = '---\ntitle: "Why some bird species are getting smaller"\n---\n\nMaria Chen\n\n' + "\n\n".join([*BODY_LINES, CONVERSATION_CREDIT_MD])
    errors = _errors(check_markdown(markdown, packs=["the-conversation"]))
    assert errors["the-conversation/author-institution"] == "The byline credits Maria Chen but not their institution."
    # The byline is read: no "not credited by name". (A Markdown copy is online: the counter
    # rule applies too, and this one has no counter.)
    assert set(errors) == {"the-conversation/author-institution", "the-conversation/counter"}


@pytest.mark.parametrize(
    "text",
    [
        # The first line is the headline, however short and capitalised.
        "\n\n".join(["Birds Shrink Again", *BODY_LINES]),
        # A deck over a photo credit, not over a sentence of the story.
        "\n\n".join(["Why some bird species are getting smaller", "Rising Seas", "Photo: Getty", *BODY_LINES]),
        # A line of the story's own that is not a name.
        "\n\n".join(["Why some bird species are getting smaller", "Over the decades", *BODY_LINES]),
    ],
)
def test_short_lines_in_text_are_no_bare_name_byline(text: str) -> None:
    assert parse_document(text, "text").bylines == ()


def test_a_bare_name_line_in_html_still_needs_the_pages_metadata() -> None:
    assert parse_document(_article("<p>Maria Chen</p>"), "html").bylines == ()


# Page furniture and topic labels where a name belongs: "By" over a share widget, a font or
# read-time control, a section label; a topic label over a title and institution line.

FURNITURE_AND_TOPIC_LABELS = [
    "Share This Story",
    "Font Size:",
    "Five Minute Read",
    "Email This Story",
    "Listen To This Article",
    "Read More",
    "National Security",
    "Foreign Affairs",
    "Water Quality",
    "Spring Runoff Explained",
]
# Names made of common words: a given name first keeps them names, whatever the words after it.
NAMES_OF_COMMON_WORDS = ["Rose Bush", "Hope Young", "Grant Read", "Herbert Read", "Terry Nation", "Justice Smith", "Summer Money", "Ai Nakamura", "Pere Font"]
DCNF_STORY = "The Biden administration is reportedly considering an unusual move, NBC News reported on Wednesday."
DCNF_TERMS = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available "
    "without charge to any legitimate news publisher that can provide a large audience. All republished articles must include "
    "our logo, our reporter's byline and their DCNF affiliation."
)
DCNF_HEADLINE = "Biden Admin Reportedly Considering Working With Taliban"
DCNF_LOGO_HTML = '<img alt="Daily Caller News Foundation logo" src="https://dailycallernewsfoundation.org/wp-content/uploads/2021/05/dcnf-logo.png">'


def _dcnf_html(byline: str) -> str:
    return f"<html><body><article><h1>{DCNF_HEADLINE}</h1>{DCNF_LOGO_HTML}{byline}<p>{DCNF_STORY}</p><p>{DCNF_TERMS}</p></article></body></html>"


def _dcnf_byline_reports(words: str) -> dict[str, Report]:
    """The DCNF page with "By" and `words` as its byline, in each form the byline takes."""
    text = "\n\n".join([DCNF_HEADLINE, "Daily Caller News Foundation logo", f"By\n{words}", DCNF_STORY, DCNF_TERMS])
    one_line_text = text.replace(f"By\n{words}", f"By {words}")
    logo = "![Daily Caller News Foundation logo](https://dailycallernewsfoundation.org/logo.png)"
    markdown = "\n\n".join([f"# {DCNF_HEADLINE}", logo, f"By {words}", DCNF_STORY, DCNF_TERMS])
    return {
        "html, one element": check_html(_dcnf_html(f'<div class="byline">By {words}</div>'), packs=["dcnf"]),
        "html, two elements": check_html(_dcnf_html(f'<div class="byline">By</div><div class="share">{words}</div>'), packs=["dcnf"]),
        "text, two lines": check_text(text, packs=["dcnf"]),
        "text, one line": check_text(one_line_text, packs=["dcnf"]),
        "markdown": check_markdown(markdown, packs=["dcnf"]),
    }


@pytest.mark.parametrize("label", FURNITURE_AND_TOPIC_LABELS)
def test_page_furniture_or_a_topic_label_after_by_names_no_reporter(label: str) -> None:
    for form, report in _dcnf_byline_reports(label).items():
        assert "dcnf/byline" in _errors(report), form
        assert "dcnf/byline" not in {p.rule for p in report.passed}, form


@pytest.mark.parametrize("name", NAMES_OF_COMMON_WORDS)
def test_a_name_of_common_words_after_by_still_names_the_reporter(name: str) -> None:
    for form, report in _dcnf_byline_reports(name).items():
        assert "dcnf/byline" in {p.rule for p in report.passed}, form
        assert "dcnf/byline" not in _errors(report), form


@pytest.mark.parametrize("label", ["Share This Story", "Font Size:", "Five Minute Read", "Spring Runoff Explained"])
def test_page_furniture_after_by_is_told_as_a_label(label: str) -> None:
    reading = read_byline(f"By {label}")
    assert reading is not None and (reading.names, reading.problem) == ((), "placeholder")


@pytest.mark.parametrize("label", FURNITURE_AND_TOPIC_LABELS)
def test_page_furniture_and_topic_labels_are_no_persons_name(label: str) -> None:
    assert person_name(label) is None


@pytest.mark.parametrize("name", NAMES_OF_COMMON_WORDS)
def test_names_of_common_words_are_persons_names(name: str) -> None:
    assert person_name(name) == name


PROFESSOR_LINE = "Professor of Chemistry, Northern Plains University"
RUNOFF_LINES = [
    "Every spring, some of my neighbors tell me their tap water tastes earthy or smells faintly of a swimming pool.",
    "Snowmelt carries soil, leaves and fertiliser into the rivers that feed the treatment plants.",
]
RUNOFF_CREDIT_MD = CONVERSATION_CREDIT_MD.replace("why-some-bird-species-are-getting-smaller-227001", "spring-runoff-228417")


def _conversation_reports(name_line: str) -> dict[str, Report]:
    """The Conversation's page with `name_line` over the professor line, in HTML, text and Markdown."""
    html = (
        "<html><body><article><h1>Spring runoff changes what comes out of your tap</h1>"
        f'<p class="author-name">{name_line}</p><p class="author-title">{PROFESSOR_LINE}</p>'
        + "".join(f"<p>{line}</p>" for line in RUNOFF_LINES)
        + '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a '
        '<a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>. Read the '
        '<a href="https://theconversation.com/spring-runoff-228417">original article</a>.</p>'
        '<img src="https://counter.theconversation.com/content/228417/count.gif" alt="" width="1" height="1"></article></body></html>'
    )
    credit = "This article is republished from The Conversation under a Creative Commons license."
    text = "\n\n".join(["Spring runoff changes what comes out of your tap", f"{name_line}\nAssociate {PROFESSOR_LINE}", *RUNOFF_LINES, credit])
    markdown = "\n\n".join(["# Spring runoff changes what comes out of your tap", f"{name_line}  \n{PROFESSOR_LINE}", *RUNOFF_LINES, RUNOFF_CREDIT_MD])
    return {
        "html": check_html(html, packs=["the-conversation"]),
        "text": check_text(text, packs=["the-conversation"]),
        "markdown": check_markdown(markdown, packs=["the-conversation"]),
    }


@pytest.mark.parametrize("label", ["Water Quality", "Spring Runoff Explained", "National Security", "Share This Story", "Five Minute Read"])
def test_a_topic_label_over_a_title_and_institution_line_is_no_author(label: str) -> None:
    for form, report in _conversation_reports(label).items():
        assert "creative-commons/author" in _errors(report), form
        passed = {p.rule for p in report.passed}
        assert not {"creative-commons/author", "the-conversation/author-institution"} & passed, form


@pytest.mark.parametrize("name", ["Rose Bush", "Grant Read", "Terry Nation", "Maria Chen"])
def test_a_name_of_common_words_over_a_title_and_institution_line_is_the_author(name: str) -> None:
    for form, report in _conversation_reports(name).items():
        assert {"creative-commons/author", "the-conversation/author-institution"} <= {p.rule for p in report.passed}, form


# A name paragraph over a paragraph naming a pack's outlet: an author box's two lines.

OUTLETS = frozenset({"daily caller news foundation", "propublica", "the conversation"})


@pytest.mark.parametrize(
    ("header", "names", "credit"),
    [
        ("<p><strong>Nick Pope</strong></p><p><em>From the Daily Caller News Foundation</em></p>", ("Nick Pope",), "From the Daily Caller News Foundation"),
        ('<div class="author-name">Jane Doe</div><div class="author-org">ProPublica</div>', ("Jane Doe",), "ProPublica"),
        ("<p>María José Núñez</p><p>The Conversation</p>", ("María José Núñez",), "The Conversation"),
    ],
)
def test_a_name_paragraph_over_a_paragraph_naming_the_outlet_is_the_byline(header: str, names: tuple[str, ...], credit: str) -> None:
    (byline,) = [b for b in story_bylines(parse_document(_article(header), "html", outlets=OUTLETS)) if b.names]
    assert (byline.names, byline.reading.credit) == (names, credit)


@pytest.mark.parametrize(
    "header",
    [
        "<p>Maria Chen</p><p>University of Michigan</p>",  # another body: a caption's or a contact's as likely
        "<p>Sacramento</p><p>ProPublica</p>",  # a place, no person's name
        '<aside class="sidebar"><p>Jane Doe</p><p>ProPublica</p></aside>',  # beside the story
        "<p>Jane Doe</p>",  # a name alone, the page's metadata crediting no one
    ],
)
def test_other_short_paragraphs_over_an_outlet_are_no_byline(header: str) -> None:
    assert [b for b in story_bylines(parse_document(_article(header), "html", outlets=OUTLETS)) if b.names] == []


def test_the_dcnf_pack_takes_the_name_over_the_from_line_as_the_reporters_byline() -> None:
    header = (
        "<p><strong>Nick Pope</strong></p><p><em>From the Daily Caller News Foundation</em></p>"
        '<img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo" width="300" height="60">'
    )
    report = check_html(_article(header), packs=["dcnf"])
    assert _errors(report) == {}


@pytest.mark.parametrize(
    "box",
    [
        '<p class="byline">Renata Okafor<br>Associate Professor of Hydrology<br>Northern Plains University</p>',
        '<div class="author"><div class="author-name">Renata Okafor</div><div class="author-title">PhD Candidate in Hydrology</div>'
        '<div class="author-inst">Northern Plains University</div></div>',
    ],
)
def test_an_author_box_of_name_title_and_institution_lines_credits_the_institution(box: str) -> None:
    (byline,) = [b for b in story_bylines(parse_document(_article(box), "html")) if b.names]
    assert (byline.names, byline.reading.affiliations) == (("Renata Okafor",), (("Northern Plains University",),))
    assert "the-conversation/author-institution" not in _errors(check_html(_article(box), packs=["the-conversation"]))


def test_an_author_box_without_an_institution_line_still_has_none() -> None:
    box = '<p class="byline">Renata Okafor<br>Associate Professor of Hydrology</p>'
    assert "the-conversation/author-institution" in _errors(check_html(_article(box), packs=["the-conversation"]))
