"""A publisher's credit line written only in a photo's caption credits the photo, not the story:
the rules that ask for the story's credit line fail, and say where they looked ("outside photo
captions") without calling the visible caption hidden (its link parts the text, which the
markup's reading of hidden copies once read as another text)."""

from __future__ import annotations

import pytest

from compliance.checks.text import IN_A_CAPTION
from compliance.document import parse_document
from compliance.engine import check_document
from compliance.loading import load_packs

PACKS = {pack.id: pack for pack in load_packs()}

CREDITS = {
    "propublica": (
        "propublica/credit-line",
        'This story was originally published by <a href="https://www.propublica.org/article/pipeline-welds">ProPublica</a>.',
        "By Hollis Brandt, ProPublica",
    ),
    "calmatters": (
        "calmatters/credit-line",
        'This story was originally published by <a href="https://calmatters.org/housing/2024/07/fair-plan/">CalMatters</a>.'
        ' Sign up for their <a href="https://calmatters.org/newsletters/">newsletters</a>.',
        "By Rosa Ibarra, CalMatters",
    ),
    "the-conversation": (
        "the-conversation/credit",
        'This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
        ' Read the <a href="https://theconversation.com/pipeline-welds-228417">original article</a>.',
        "Renata Okafor, Northern Plains University",
    ),
}

# The places of a photo's caption: `{}` is the credit.
CAPTIONS = {
    "figcaption": '<figure><img src="https://example.org/a.jpg" alt="A weld"><figcaption>{}</figcaption></figure>',
    "figcaption in emphasis": '<figure><img src="https://example.org/a.jpg" alt="A weld"><figcaption><em>{}</em></figcaption></figure>',
    "WordPress caption": '<div class="wp-caption"><img src="https://example.org/a.jpg" alt="A weld"><p class="wp-caption-text">{}</p></div>',
}


def _page(byline: str, top: str) -> str:
    return (
        "<html><body><article><h1>Inspectors signed off on welds they never saw</h1>\n"
        f"<p>{byline}</p>\n{top}\n"
        "<p>On the morning of March 14, a weld inspector signed off on 41 welds along a new natural gas line.</p>\n"
        "<p>The logs are among more than 9,000 pages of inspection records obtained through public records requests.</p>\n"
        "</article></body></html>\n"
    )


def _details(html: str, pack: str, rule: str) -> list[str]:
    report = check_document(parse_document(html, "html"), [PACKS[pack]], path="story.html", auto_detect=False)
    return [finding.detail for finding in report.findings if finding.rule == rule]


@pytest.mark.parametrize("caption", sorted(CAPTIONS))
@pytest.mark.parametrize("pack", sorted(CREDITS))
def test_a_credit_line_only_in_a_photo_caption_does_not_credit_the_story(pack: str, caption: str) -> None:
    rule, credit, byline = CREDITS[pack]
    (detail,) = _details(_page(byline, CAPTIONS[caption].format(credit)), pack, rule)
    assert "in the article, outside photo captions" in detail
    # …and the caption that holds it is named, with what to do: the credit out into a paragraph of its own.
    assert detail.endswith(IN_A_CAPTION)
    # The caption is on the screen: it is not called hidden.
    assert "hidden" not in detail


@pytest.mark.parametrize("pack", sorted(CREDITS))
def test_the_same_credit_line_as_a_paragraph_of_its_own_passes(pack: str) -> None:
    rule, credit, byline = CREDITS[pack]
    assert _details(_page(byline, f"<p>{credit}</p>"), pack, rule) == []


@pytest.mark.parametrize(
    "logo",
    [
        '<img src="https://cdn.theconversation.com/static/tc/logos/web.svg" alt="The Conversation">',
        '<img src="https://cdn.example.org/tc.png" alt="The Conversation logo">',
        '<img class="site-logo" src="https://cdn.example.org/tc.png" alt="">',
    ],
)
@pytest.mark.parametrize("caption", ["<p>{}</p>", "<figcaption>{}</figcaption>"])
def test_a_credit_under_the_publishers_logo_in_a_figure_is_the_credit(logo: str, caption: str) -> None:
    rule, credit, byline = CREDITS["the-conversation"]
    assert _details(_page(byline, f"<figure>{logo}{caption.format(credit)}</figure>"), "the-conversation", rule) == []


def test_the_conversation_s_credit_boxed_with_its_logo_in_a_figure_is_its_credit() -> None:
    # The Conversation asks for its credit with its logo: a figure of the two is the credit's box.
    credit = (
        'This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license.'
        ' Read the <a href="https://theconversation.com/pipeline-welds-228417">original article</a>.'
    )
    byline = "Renata Okafor, Northern Plains University"
    boxed = f'<figure><img src="https://cdn.theconversation.com/static/tc/logos/web.svg" alt="The Conversation"><p>{credit}</p></figure>'
    assert _details(_page(byline, boxed), "the-conversation", "the-conversation/credit") == []


GV_ORIGINAL = (
    '<html><head><link rel="canonical" href="https://globalvoices.org/2026/03/02/seed-banks/"></head><body><article>'
    "<h1>Honduran farmers keep their seeds</h1><p>Written by Ana Silva</p>"
    "<p>Farmers near Tegucigalpa keep seeds in community banks to plant after dry years.</p></article></body></html>"
)
GV_CREDIT = 'This story by Ana Silva originally appeared on <a href="https://globalvoices.org/2026/03/02/seed-banks/">Global Voices</a> on March 2, 2026.'


@pytest.mark.parametrize("caption", ["figcaption", "WordPress caption"])
def test_a_credit_naming_the_author_only_in_a_caption_is_named_where_it_stands(caption: str) -> None:
    # Global Voices' credit line names the author: written only under a photo it credits no one,
    # and the finding says where it is and what to do, at its line, not at the headline.
    body = CAPTIONS[caption].format(GV_CREDIT)
    page = (
        "<html><body><article>\n<h1>Honduran farmers keep their seeds</h1>\n"
        "<p>Farmers near Tegucigalpa keep seeds in community banks to plant after dry years.</p>\n"
        f"{body}\n</article></body></html>\n"
    )
    doc = parse_document(page.encode(), "html")
    report = check_document(
        doc, [PACKS["creative-commons"], PACKS["global-voices"]], path="copy.html", auto_detect=False, original=parse_document(GV_ORIGINAL.encode(), "html")
    )
    finding = next(f for f in report.findings if f.rule == "global-voices/original-reporter")
    assert IN_A_CAPTION in finding.message
    assert finding.location.line == 4
    # The same credit as a paragraph of its own credits the author.
    moved = page.replace(body, f"<p>{GV_CREDIT}</p>")
    again = check_document(
        parse_document(moved.encode(), "html"),
        [PACKS["creative-commons"], PACKS["global-voices"]],
        path="copy.html",
        auto_detect=False,
        original=parse_document(GV_ORIGINAL.encode(), "html"),
    )
    assert "global-voices/original-reporter" not in {f.rule for f in again.findings}


@pytest.mark.parametrize("caption", sorted(CAPTIONS))
@pytest.mark.parametrize("pack", sorted(CREDITS))
def test_the_caption_is_looked_for_only_when_the_failure_is_read(pack: str, caption: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Detection runs each marker's check and reads only whether it passed: asking every block a
    # credit check left out whether it is a caption is the failure's note, paid when it is shown.
    from compliance.checks import Context, text
    from compliance.packs import iter_checks

    rule_id, credit, byline = CREDITS[pack]
    (rule,) = [rule for rule in PACKS[pack].rules if rule.id == rule_id]
    credit_checks = [check for check in iter_checks(rule.check) if check.kind == "text" and check.params.credit]
    assert credit_checks
    asked: list[str] = []
    real_is_caption = text.is_caption
    monkeypatch.setattr(text, "is_caption", lambda doc, block: asked.append(block.text) or real_is_caption(doc, block))
    ctx = Context(parse_document(_page(byline, CAPTIONS[caption].format(credit)), "html"))
    outcomes = [ctx.run(check) for check in credit_checks]
    assert not any(outcome.passed for outcome in outcomes)
    assert asked == []
    assert any(outcome.detail.endswith(IN_A_CAPTION) for outcome in outcomes)
    assert asked


# Detection markers that find a publisher's credit line in other words (`credit: true`, no
# `instead` wording), with such a line and the publisher's name as a page's markup may spell it.
CREDIT_MARKERS = {
    "dcnf": ("credit-line", "This article was originally published by the Daily Caller News Foundation.", "dailycallernewsfoundation"),
    "the-conversation": ("credit-other-words", "This article was originally published on The Conversation.", "theconversation"),
    "states-newsroom": ("credit-other-words", "Republished from the Georgia Recorder.", "georgiarecorder"),
}


@pytest.mark.parametrize("pack", sorted(CREDIT_MARKERS))
@pytest.mark.parametrize(
    ("top", "worked_out"),
    [
        # The publisher named only in the markup (an image's address, a class), as on pages the
        # prefilter lets through: no block's text holds the credit's words, no caption is asked for.
        ('<figure><img src="https://example.org/{name}.jpg" alt="A weld"><figcaption>A welder at work.</figcaption></figure>', False),
        ('<p class="{name}-promo">Read more stories like this one.</p>', False),
        # The credit in a caption: the captions are worked out, and the credit there does not count.
        ("<figure><img src='https://example.org/a.jpg' alt='A weld'><figcaption>{credit}</figcaption></figure>", True),
    ],
)
def test_captions_are_worked_out_only_where_the_credit_may_be(pack: str, top: str, worked_out: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.checks import Context, text

    marker_id, credit, name = CREDIT_MARKERS[pack]
    (marker,) = [marker for marker in PACKS[pack].markers if marker.id == marker_id]
    assert marker.check.kind == "text" and marker.check.params.credit and marker.check.params.instead is None
    asked: list[int] = []
    real_not_captions = text.not_captions
    monkeypatch.setattr(text, "not_captions", lambda doc, blocks: asked.append(len(blocks)) or real_not_captions(doc, blocks))
    ctx = Context(parse_document(_page("By Hollis Brandt", top.format(name=name, credit=credit)), "html"))
    assert not ctx.run(marker.check).passed
    assert bool(asked) == worked_out
