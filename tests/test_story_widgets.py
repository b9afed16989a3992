"""Widgets beside the story are not its text: a list of links before it (a "Tools & Resources"
box) does not begin the story's body, and a column of app or newsletter panes after it ("Thanks!
Now check your email…") does not end it. Templates without a body class put them in the article
region, beside the story's own container; the story's own paragraphs keep counting."""

from __future__ import annotations

import pytest

from compliance.document import parse_document
from compliance.engine import check_document
from compliance.packs import load_pack
from tests.test_check_kinds import pack_around

_CREDIT = "<p><em>This story was originally published by <a href='https://calmatters.org/x/'>CalMatters</a>.</em></p>"
_TAGLINE = "<p><em>KFF Health News is a national newsroom that produces in-depth journalism about health issues.</em></p>"
_STORY = "".join(f"<p>Paragraph {n}: the state's regulators approved the rate plan after a long hearing.</p>" for n in range(5))
_AT_TOP = "position:\n  check: {text: {phrase: This story was originally published by CalMatters}}\n  at: top\n"
_LAST = "position:\n  check: {text: {phrase: KFF Health News is a national newsroom}}\n  last: 2\n"
_TEXT_LAST = "text:\n  phrase: KFF Health News is a national newsroom\n  last: 2\n"

# Before the story, beside its container (webmd's "pop_toolst_rdr" and its kin).
_BEFORE = {
    "titled list of links": "<div class=pop_toolst_rdr><h2>Tools &amp; Resources</h2><ul>"
    "<li><a href=/a>Think You Have a Food Allergy?</a></li><li><a href=/b>Essential Items for Allergy Relief</a></li>"
    "<li><a href=/c>Pets and Allergies</a></li></ul></div>",
    "list of story headlines": "<div class=box><ul><li><a href=/a>The county approved a new budget for its schools today.</a></li>"
    "<li><a href=/b>Voters will decide on the library measure in the fall.</a></li></ul></div>",
    "one read-more line": "<div class=promo><p><a href=/r>Read more: How the state's insurance market got here, explained.</a></p></div>",
    "box with a line of introduction": "<div class=tools><p>Here are the tools our readers found most useful this week.</p>"
    "<p><a href=/a>Symptom checker</a></p><p><a href=/b>Find a doctor</a></p></div>",
}

# After the story, in a column beside it (webmd's "thirdCol_area" with an app-by-email widget).
_AFTER = {
    "app widget panes": "<div id=thirdCol><div class=pane><p>Loading ...</p><p>Please wait...</p></div>"
    "<div class=pane><h3>Thanks!</h3><p>Now check your email account on your mobile phone to download your new app.</p></div>"
    "<div class=pane><h3>Sorry</h3><p>There was a problem sending the email. Please try again later.</p></div></div>",
    "sign-up box": "<div class=box><h3>Get the morning briefing</h3><p>Every weekday, the stories you need to start your day well.</p>"
    "<p>Email</p><p>Send</p></div>",
    "most-read links": "<div class=column><h3>Most read</h3><ul><li><a href=/a>Why the rates went up again this year in the valley.</a></li>"
    "<li><a href=/b>A hospital closes its maternity ward after fifty years.</a></li></ul></div>",
}


def _page(before: str = "", head: str = "", body: str = "", after: str = "") -> str:
    # No body class and no <article>: the region is the story's container grown to its headline,
    # which takes in what sits beside it.
    return (
        "<html><body><div id=page><div id=head><h1>Rates rise again</h1></div>"
        f"<div id=main>{before}<div class=article_rdr><div id=textArea>{head}{body}</div></div></div>{after}</div></body></html>"
    )


def _failed(check: str, html: str) -> bool:
    pack = load_pack(pack_around(check), "widgets.yaml")
    return bool(check_document(parse_document(html.encode(), "html"), [pack], path="s.html", auto_detect=False).findings)


@pytest.mark.parametrize("before", list(_BEFORE.values()), ids=list(_BEFORE))
def test_a_widget_before_the_story_does_not_begin_its_body(before: str) -> None:
    assert not _failed(_AT_TOP, _page(before=before, head=_CREDIT, body=_STORY))


@pytest.mark.parametrize("before", list(_BEFORE.values()), ids=list(_BEFORE))
def test_a_credit_line_after_the_storys_first_paragraph_is_still_not_at_the_top(before: str) -> None:
    first, rest = _STORY.split("</p>", 1)
    assert _failed(_AT_TOP, _page(before=before, body=f"{first}</p>{_CREDIT}{rest}"))


@pytest.mark.parametrize("check", [_LAST, _TEXT_LAST], ids=["position", "text"])
@pytest.mark.parametrize("after", list(_AFTER.values()), ids=list(_AFTER))
def test_a_widget_beside_the_story_does_not_end_it(check: str, after: str) -> None:
    assert not _failed(check, _page(body=_STORY + _TAGLINE, after=after))


@pytest.mark.parametrize("check", [_LAST, _TEXT_LAST], ids=["position", "text"])
@pytest.mark.parametrize(
    "after",
    [
        # The story goes on in another container after the tagline: it is not at the end.
        "<div class=more><p>The commission will meet again next month to take up the second part of the plan.</p>"
        "<p>It said so on Tuesday in a statement to the press, and the board agreed.</p></div>",
        # As much running text beside as in the story: no part holds most of it.
        f"<div class=column>{_STORY}</div>",
    ],
)
def test_running_text_after_the_tagline_still_counts(check: str, after: str) -> None:
    assert _failed(check, _page(body=_STORY + _TAGLINE, after=after))


def test_a_story_paragraph_with_a_link_in_it_is_running_text() -> None:
    linked = "<p>The rate plan, <a href=/plan>filed in March</a>, raises premiums by a fifth for most homes in the state.</p>"
    assert _failed(_AT_TOP, _page(body=linked + _CREDIT + _STORY))


def test_a_story_in_one_container_is_read_as_before() -> None:
    # Flat: the region's parts are the story's own paragraphs; none is a widget.
    more = "<p>Now check your email account on your phone to download the new app.</p><p>There was a problem sending the email today.</p>"
    page = f"<article><h1>Rates</h1>{_STORY}{_TAGLINE}{more}<p>Sorry</p></article>"
    assert _failed(_LAST, page)


def test_the_publishers_position_rules_pass_on_a_compliant_copy_with_widgets_beside_it() -> None:
    from compliance.loading import load_packs

    credit = (
        "<p><em>This story was originally published by <a href='https://calmatters.org/economy/2024/10/x/'>CalMatters</a>."
        " <a href='https://calmatters.org/newsletters/'>Sign up for their newsletters</a>.</em></p><p class=byline>By Dan Walters, CalMatters</p>"
    )
    tagline = (
        "<p><em>KFF Health News is a national newsroom that produces in-depth journalism about health issues and is one of the core"
        " operating programs at KFF—an independent source of health policy research, polling, and journalism.</em></p>"
    )
    kff_byline = "<p class=byline>By Sarah Jane Tribble, KFF Health News</p>"
    original = "<p><em>This article was originally published on <a href='https://kffhealthnews.org/news/article/x/'>KFF Health News</a>.</em></p>"
    packs = load_packs()
    for html, pack, rule in (
        (_page(before=_BEFORE["titled list of links"], head=credit, body=_STORY), "calmatters", "calmatters/credit-line"),
        (_page(head=kff_byline, body=_STORY + original + tagline, after=_AFTER["app widget panes"]), "kff-health-news", "kff-health-news/tagline"),
    ):
        report = check_document(parse_document(html.encode(), "html"), packs, path="s.html", auto_detect=True)
        assert report.packs == (pack,)
        assert rule in {passed.rule for passed in report.passed}, [(f.rule, f.detail) for f in report.findings]
