"""A publisher's credit in a box of the story's own article is in the article: an `<aside>` or
`role=complementary` element inside `<article>` (a "credit-box" under the headline, a "partner-box"
holding the logo, a credit at the story's end) is drawn by a browser where it stands, in the
story's flow. Each pack's credit (a logo, a credit line at the top, a link back, a tagline at the
end, a license) found there counts as it does in a `<div>`. What stays out: the same box in the
page's sidebar outside the article; a box that is page chrome by its class, a list of related
links, a sign-up form or navigation; a box hidden, moved off-screen or shrunk to nothing (the
browser rows in tests/test_browser.py decide those with Chromium). The box's text is not the
story's text: the story's paragraphs (what `fidelity` compares) leave it out."""

from __future__ import annotations

import re

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.findings import Severity
from compliance.loading import load_packs
from tests.test_hiding_families import LOGO_ALT, LOGO_SRC, dcnf, logo_hidden

PACKS = {pack.id: pack for pack in load_packs()}

_STORY = (
    "<p>The county commission voted on Tuesday to close the shelter, officials said.</p>\n"
    "<p>Residents packed the meeting hall to object to the decision, which takes effect next spring.</p>\n"
    "<p>The shelter has served the county for forty years, and its staff will move to other posts.</p>\n"
)


def _page(*, byline: str, top: str = "", end: str = "", before_byline: str = "", sidebar: str = "", headline: str = "Shelter to close") -> str:
    return (
        "<!doctype html><html><head><title>T</title></head><body><main><article>\n"
        f"<h1>{headline}</h1>\n{before_byline}\n<p class=byline>{byline}</p>\n{top}\n{_STORY}{end}\n"
        f"</article>{sidebar}</main></body></html>"
    )


def _errors(html: str, pack: str) -> dict[str, str]:
    """The pack's errors on the page: rule → its finding's detail."""
    result = check_document(parse_document(html.encode(), "html"), [PACKS[pack]], path="copy.html", auto_detect=False)
    return {f.rule: f.detail or "" for f in result.findings if f.severity == Severity.ERROR}


# The credit each pack's terms ask for, as its republish HTML gives it: (pack, byline, where, credit).
_PP_CREDIT = '<p>This story was originally published by <a href="https://www.propublica.org/article/shelter-closing">ProPublica</a>.</p>'
_CM_CREDIT = (
    '<p><em>This story was originally published by <a href="https://calmatters.org/housing/2024/07/shelter/">CalMatters</a>.'
    ' <a href="https://calmatters.org/newsletters/">Sign up</a> for their newsletters.</em></p>'
)
_TC_CREDIT = (
    '<img src="https://cdn.theconversation.com/static/tc/logos/web-ae0f9b17.svg" alt="The Conversation">'
    '<p>This article is republished from <a href="https://theconversation.com/us">The Conversation</a> under a'
    ' <a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>.'
    ' Read the <a href="https://theconversation.com/shelter-closing-228417">original article</a>.</p>'
)
_N19_CREDIT = (
    '<p><em>This article was originally published by <a href="https://19thnews.org/2024/03/shelter-closing/">The 19th</a>,'
    " an independent, nonprofit newsroom reporting on gender, politics and policy.</em></p>"
)
_GV_CREDIT = (
    '<p><em>This story by Daria Movileanu originally appeared on <a href="https://globalvoices.org/2024/04/18/shelter-closing/">'
    "Global Voices</a> on April 18, 2024.</em></p>"
)
_KFF_TAGLINE = (
    '<p><em><a href="https://kffhealthnews.org/about-us">KFF Health News</a> is a national newsroom that produces in-depth journalism'
    " about health issues and is one of the core operating programs at KFF—an independent source of health policy research,"
    " polling, and journalism.</em></p>"
)
_SN_CREDIT = '<p><em>This story first appeared in the <a href="https://mainemorningstar.com/2024/02/21/shelter-closing/">Maine Morning Star</a>.</em></p>'
_TT_CREDIT = '<p><em>This article originally appeared in <a href="https://www.texastribune.org/2024/10/02/shelter-closing/">The Texas Tribune</a>.</em></p>'
_DCNF_LOGO = f"<img src={LOGO_SRC} {LOGO_ALT} width=300 height=60>"

# pack → (byline, where the credit goes, the credit, the rules its credit satisfies)
CREDITS = {
    "dcnf": ("By Jake Smith, Daily Caller News Foundation", "before_byline", _DCNF_LOGO, {"dcnf/logo"}),
    "propublica": ("By Hollis Brandt, ProPublica", "top", _PP_CREDIT, {"propublica/credit-line", "creative-commons/source-link"}),
    "calmatters": ("By Rosa Ibarra, CalMatters", "top", _CM_CREDIT, {"calmatters/credit-line"}),
    "the-conversation": (
        "Renata Okafor, <em>Northern Plains University</em>",
        "top",
        _TC_CREDIT,
        {"the-conversation/credit", "creative-commons/source-link", "creative-commons/license"},
    ),
    "the-19th": ("By Marisol Okafor, The 19th", "end", _N19_CREDIT, {"the-19th/credit", "creative-commons/source-link"}),
    "global-voices": ("By Daria Movileanu", "top", _GV_CREDIT, {"creative-commons/source-link"}),
    "kff-health-news": ("By Julie Appleby, KFF Health News", "end", _KFF_TAGLINE, {"kff-health-news/tagline"}),
    "states-newsroom": ("By Emma Davis, Maine Morning Star", "end", _SN_CREDIT, {"states-newsroom/credit", "states-newsroom/link"}),
    "texas-tribune": ("By Karen Brooks Harper", "top", _TT_CREDIT, {"texas-tribune/credit", "texas-tribune/link"}),
}

# The boxes of the story's article a credit may sit in: `{}` is the credit.
BOXES = {
    "aside": "<aside class=credit-box>{}</aside>",
    "aside with no class": "<aside>{}</aside>",
    "complementary div": '<div class=partner-box role="complementary">{}</div>',
    "aside in a figure": "<figure><aside class=credit>{}</aside></figure>",
    "figure in an aside": "<aside class=partner-box><figure>{}</figure></aside>",
    "aside in an aside": "<aside class=partner><aside class=credit>{}</aside></aside>",
    "aside floated beside the story": '<aside style="float:right;width:320px">{}</aside>',
}


def _with_credit(pack: str, box: str) -> str:
    byline, where, credit, _ = CREDITS[pack]
    return _page(byline=byline, **{where: box.format(credit)})


@pytest.mark.parametrize("pack", sorted(CREDITS))
@pytest.mark.parametrize("box", sorted(BOXES))
def test_a_credit_in_a_box_of_the_article_counts_as_in_a_div(pack: str, box: str) -> None:
    rules = CREDITS[pack][3]
    in_box = _errors(_with_credit(pack, BOXES[box]), pack)
    assert not rules & set(in_box), in_box
    # Whatever else the copy lacks, it lacks it alike with the credit in a plain `<div>`.
    assert set(in_box) == set(_errors(_with_credit(pack, "<div>{}</div>"), pack))


@pytest.mark.parametrize("pack", sorted(CREDITS))
def test_without_the_credit_its_rules_fail(pack: str) -> None:
    byline, _, _, rules = CREDITS[pack]
    assert rules <= set(_errors(_page(byline=byline), pack))


def test_the_logo_in_a_box_above_the_byline_makes_the_dcnf_affiliation() -> None:
    # The logo directly above a byline that gives no affiliation of its own is the affiliation.
    html = _page(byline="By Jake Smith", before_byline=f"<aside class=partner-box>{_DCNF_LOGO}</aside>")
    assert _errors(html, "dcnf") == {}


# The same credit outside the story's article, or in a box the page's chrome: still not in the article.
NOT_IN_THE_ARTICLE = {
    "aside in the page's sidebar": {"sidebar": "<aside class=credit-box>{}</aside>"},
    "complementary div in the page's sidebar": {"sidebar": '<div role="complementary">{}</div>'},
    "aside classed as related stories": {"top": "<aside class=related>{}</aside>"},
    "aside classed as a widget": {"top": "<aside class='widget widget_text'>{}</aside>"},
    "aside with a sign-up form": {"top": "<aside>{}<form action=/subscribe><input type=email name=email></form></aside>"},
    "aside holding navigation": {"top": "<aside>{}<nav><a href=/a>Politics</a> <a href=/b>Health</a></nav></aside>"},
    "nav in the article": {"top": "<nav>{}</nav>"},
}


@pytest.mark.parametrize("place", sorted(NOT_IN_THE_ARTICLE))
@pytest.mark.parametrize("pack", ["propublica", "dcnf", "calmatters"])
def test_a_credit_outside_the_article_or_in_its_chrome_still_does_not_count(pack: str, place: str) -> None:
    byline, _, credit, rules = CREDITS[pack]
    ((where, box),) = NOT_IN_THE_ARTICLE[place].items()
    assert rules <= set(_errors(_page(byline=byline, **{where: box.format(credit)}), pack))


def test_a_logo_in_the_page_s_sidebar_is_named_as_outside_the_article() -> None:
    html = _page(byline="By Jake Smith, Daily Caller News Foundation", sidebar=f"<aside class=credit-box>{_DCNF_LOGO}</aside>")
    assert "outside the article (in the page around it)" in _errors(html, "dcnf")["dcnf/logo"]


# A list of related links inside the article, its only link to the original among them: not the
# story's link back.
RELATED_LINKS = {
    "unclassed aside of links": "<aside><h3>Related</h3><ul>"
    '<li><a href="https://www.propublica.org/article/shelter-closing">How the county shelter came to close after forty years</a></li>'
    "<li><a href=/b>Winter beds are short across the region this year</a></li></ul></aside>",
    "complementary list of links": '<div role="complementary"><ul>'
    '<li><a href="https://www.propublica.org/article/shelter-closing">How the county shelter came to close after forty years</a></li>'
    "<li><a href=/b>Winter beds are short across the region this year</a></li></ul></div>",
    # A label of its own words rather than a heading: still a list of other stories, not a credit.
    "read more label": '<aside><p>Read more: <a href="https://www.propublica.org/article/shelter-closing">How the county shelter came to close</a></p></aside>',
    "related label between links": '<aside><p>Related: <a href="https://www.propublica.org/article/shelter-closing">How the shelter came to close</a>'
    " · <a href=/b>Winter beds are short</a>.</p></aside>",
    "spanish label": "<aside><p><strong>Lea también:</strong>"
    ' <a href="https://www.propublica.org/article/shelter-closing">Cómo cerró el refugio</a></p></aside>',
}


@pytest.mark.parametrize("box", sorted(RELATED_LINKS))
def test_a_link_back_only_in_a_list_of_related_links_in_the_article_does_not_count(box: str) -> None:
    html = _page(byline="By Hollis Brandt, ProPublica", top="<p>This story was originally published by ProPublica.</p>", end=RELATED_LINKS[box])
    assert "creative-commons/source-link" in _errors(html, "propublica")


@pytest.mark.parametrize(
    "credit",
    [
        'Source: <a href="https://www.propublica.org/article/shelter-closing">ProPublica</a>',
        'Originally published by <a href="https://www.propublica.org/article/shelter-closing">ProPublica</a>.',
        'Read this story on <a href="https://www.propublica.org/article/shelter-closing">ProPublica</a>.',
    ],
)
def test_a_box_whose_own_words_credit_the_link_is_still_a_credit_box(credit: str) -> None:
    html = _page(byline="By Hollis Brandt, ProPublica", top="<p>This story was originally published by ProPublica.</p>", end=f"<aside><p>{credit}</p></aside>")
    assert "creative-commons/source-link" not in _errors(html, "propublica")


_MARKDOWN = (
    "# Shelter to close\n\nBy Hollis Brandt, ProPublica\n\nThis story was originally published by ProPublica.\n\n"
    "The county commission voted on Tuesday to close the shelter, officials said.\n\n"
    "Residents packed the meeting hall to object to the decision, which takes effect next spring.\n\n{box}\n"
)


def _markdown_errors(box: str) -> dict[str, str]:
    result = check_document(parse_document(_MARKDOWN.format(box=box).encode(), "markdown"), [PACKS["propublica"]], path="copy.md", auto_detect=False)
    return {f.rule: f.detail or "" for f in result.findings if f.severity == Severity.ERROR}


@pytest.mark.parametrize(
    "box",
    [
        '<aside>\n<p>Originally published by <a href="https://www.propublica.org/article/shelter-closing">ProPublica</a>.</p>\n</aside>',
        '<div role="complementary"><p>Originally published by <a href="https://www.propublica.org/article/shelter-closing">ProPublica</a>.</p></div>',
    ],
    ids=["aside", "complementary box"],
)
def test_a_credit_box_of_raw_html_in_markdown_is_in_the_article(box: str) -> None:
    assert "creative-commons/source-link" in _markdown_errors("")
    assert "creative-commons/source-link" not in _markdown_errors(box)


@pytest.mark.parametrize(
    "box",
    [
        '<aside class="related-posts">\n<p>Originally published by <a href="https://www.propublica.org/article/shelter-closing">ProPublica</a>.</p>\n</aside>',
        '<aside>\n<p>Read more: <a href="https://www.propublica.org/article/shelter-closing">How the shelter came to close</a></p>\n</aside>',
    ],
    ids=["box the page calls related", "read more label"],
)
def test_a_related_box_of_raw_html_in_markdown_is_no_link_back(box: str) -> None:
    assert "creative-commons/source-link" in _markdown_errors(box)


def test_the_box_s_text_is_not_the_story_s_text() -> None:
    html = _page(byline="By Hollis Brandt, ProPublica", top=f"<aside class=credit-box>{_PP_CREDIT}</aside>")
    doc = parse_document(html.encode(), "html")
    credit = next(block for block in doc.blocks if block.text.startswith("This story was originally published"))
    assert not credit.in_article
    assert doc.in_article_box(credit.element) and doc.credit_in_article(credit.element)
    assert doc.in_story(credit.element)
    assert "This story was originally published by ProPublica." not in [block.text for block in doc.article_blocks]
    assert [block.text for block in doc.article_blocks][-1].startswith("The shelter has served the county")


def test_a_credit_box_at_the_end_leaves_the_tagline_before_it_at_the_end() -> None:
    # The box after the story's last paragraph is furniture after it, as a `<footer>` is.
    html = _page(byline="By Julie Appleby, KFF Health News", end=f"{_KFF_TAGLINE}<aside class=donate-note><p>Support our work today.</p></aside>")
    assert "kff-health-news/tagline" not in _errors(html, "kff-health-news")


def test_fix_proposes_no_second_credit_line_beside_the_one_in_a_box() -> None:
    from compliance.engine import CheckSettings
    from compliance.fixes import plan_fixes

    html = _page(byline="By Hollis Brandt, ProPublica", top=f"<aside class=credit>{_PP_CREDIT}</aside>")
    plan = plan_fixes(html.encode(), "html", CheckSettings(packs=[PACKS["propublica"]], path="copy.html", auto_detect=False))
    # The copy lacks ProPublica's pixel, which the fix adds; it has the credit line and its link.
    assert [edit.rule for edit in plan.edits] == ["propublica/pixel"]
    assert "propublica/credit-line" not in [f.rule for f in plan.after.findings]


# A logo in a box of the article that the page hides, moves off-screen or shrinks to nothing is
# not seen: `{}` is the `<img>`'s attributes. Chromium decides each row in tests/test_browser.py.
HIDDEN_CREDIT_BOXES = {
    "<aside class=partner-box><img width=300 height=60 {}></aside>": False,
    '<div role="complementary"><img width=300 height=60 {}></div>': False,
    '<aside style="float:right;width:320px"><img width=300 height=60 {}></aside>': False,
    "<style>.partner-box{{display:none}}</style><aside class=partner-box><img width=300 height=60 {}></aside>": True,
    "<style>aside{{visibility:hidden}}</style><aside><img width=300 height=60 {}></aside>": True,
    '<aside style="position:absolute;left:-9999px"><img width=300 height=60 {}></aside>': True,
    '<aside style="float:left;margin-left:-9999px"><img width=300 height=60 {}></aside>': True,
    '<aside style="width:0;height:0;overflow:hidden"><img width=300 height=60 {}></aside>': True,
    '<aside style="transform:scale(0)"><img width=300 height=60 {}></aside>': True,
    '<aside style="opacity:0"><img width=300 height=60 {}></aside>': True,
}


@pytest.mark.parametrize("box", sorted(HIDDEN_CREDIT_BOXES))
def test_a_logo_in_a_box_the_page_hides_is_not_seen(box: str) -> None:
    assert logo_hidden(dcnf(logo=box.format(f"src={LOGO_SRC} {LOGO_ALT}"))) is HIDDEN_CREDIT_BOXES[box]


def test_a_hidden_credit_in_a_box_is_named_as_hidden() -> None:
    html = _page(byline="By Hollis Brandt, ProPublica", top=f"<aside class=credit style='display:none'>{_PP_CREDIT}</aside>")
    assert "is hidden" in _errors(html, "propublica")["propublica/credit-line"]


def test_the_rule_packs_doc_example_counts_the_box_and_not_the_sidebar() -> None:
    from compliance.packs import load_pack
    from tests.conftest import ROOT
    from tests.test_check_kinds import pack_around

    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    section = doc.split('### "In the article": the story\'s own boxes count', 1)[1].split("\n### ", 1)[0]
    check, in_box, in_sidebar = re.findall(r"```(?:yaml|html)\n(.*?)```", section, re.DOTALL)
    pack = load_pack(pack_around(check), "boxes.yaml")

    def failed(html: str) -> list[str]:
        return [f.detail or "" for f in check_document(parse_document(html.encode(), "html"), [pack], path="s.html", auto_detect=False).findings]

    assert failed(in_box) == []
    (detail,) = failed(in_sidebar)
    assert "the one at line 3 is outside the article (in the page around it)" in detail
