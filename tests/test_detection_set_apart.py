"""What a page hides outside its story says nothing of whose story it is: a hidden "More stories"
teaser, menu item, cookie banner, sidebar or dialog with a publisher's credit wording applies no
pack, while a credit hidden in the story itself still does (tests/test_detection_hidden.py).

A publisher's own "Republish this story" box (the HTML it offers other sites to paste: credit,
attribution, tracking pixel) is not a republication either, shown or hidden; a republication
that keeps the pixel or the attribution in its story is still one."""

from __future__ import annotations

import re

import pytest

from compliance.document import parse_html
from compliance.document.region import is_modal, is_republish_box
from compliance.engine import check_bytes
from compliance.findings import Report
from tests.conftest import ROOT
from tests.test_detection_hidden import CREDITS, PACKS

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves new bike lanes</title>
<meta property="og:site_name" content="Riverton Ledger">
<style>.hide {{ display: none }} .cookie {{ visibility: hidden }}</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li>{menu}</ul></nav>
<main><article>
<h1>Council approves new bike lanes on Main Street</h1>
<p class="byline">By Sam Lee, Riverton Ledger</p>
<p>The Riverton City Council voted 5-2 on Tuesday to add protected bike lanes on Main Street.</p>
{inside}
<p>Construction is expected to begin in the spring and to last about four months.</p>
</article></main>
{after}
<footer><p>&copy; 2024 Riverton Ledger</p></footer>
</body></html>"""


def run(*, menu: str = "", inside: str = "", after: str = "") -> Report:
    page = PAGE.format(menu=menu, inside=inside, after=after)
    return check_bytes(page.encode(), "html", PACKS, path="story.html")


# Hidden furniture around the story: each place is given a credit line as its text.
AROUND = {
    "related teaser": '<section class="hide related"><h2>More stories</h2><div class="teaser"><p>{credit} When the insurer left…</p></div></section>',
    "menu item": '<li class="hide"><a href="/partners">{credit}</a></li>',
    "cookie banner": '<div class="cookie" id="cookie"><p>{credit} We use cookies.</p></div>',
    "hidden sidebar": "<aside hidden><p>{credit}</p></aside>",
    "off-canvas panel": '<div style="display:none"><p>{credit}</p></div>',
}

# Hidden parts of the article that are not the story: chrome, dialogs, teasers, promotions.
WITHIN = {
    # An aside that is a box of the story's article is the story's (tests/test_detection_hidden.py);
    # one its class names as chrome is not.
    "sidebar aside": '<aside class="sidebar" hidden><p>{credit}</p></aside>',
    "related aside": '<aside class="related-stories" style="display:none"><p>{credit}</p></aside>',
    "related list": '<div class="related" style="display:none"><p>{credit}</p></div>',
    "closed dialog": "<dialog><p>{credit}</p></dialog>",
    "modal": '<div class="c-modal" hidden><p>{credit}</p></div>',
    "role dialog": '<div role="dialog" style="display:none"><p>{credit}</p></div>',
    "teaser": '<div class="teaser-card" hidden><p>{credit}</p></div>',
    "promo": '<div class="c-promo" style="display:none"><p>{credit}</p></div>',
}


@pytest.mark.parametrize("pack", ["calmatters", "propublica", "texas-tribune"])
@pytest.mark.parametrize("place", sorted(AROUND))
def test_a_credit_hidden_in_furniture_around_the_story_applies_no_pack(pack: str, place: str) -> None:
    furniture = AROUND[place].format(credit=CREDITS[pack])
    report = run(menu=furniture) if place == "menu item" else run(after=furniture)
    assert report.packs == ()
    assert {n.code for n in report.notices} == {"no-pack"}


@pytest.mark.parametrize("pack", ["calmatters", "global-voices"])
@pytest.mark.parametrize("place", sorted(WITHIN))
def test_a_credit_hidden_in_a_part_of_the_article_that_is_not_the_story_applies_no_pack(pack: str, place: str) -> None:
    report = run(inside=WITHIN[place].format(credit=CREDITS[pack]))
    assert report.packs == ()
    assert {n.code for n in report.notices} == {"no-pack"}


@pytest.mark.parametrize(
    "hidden",
    [
        '<p class="hide">{credit}</p>',
        '<div class="republished-note" hidden><p>{credit}</p></div>',  # "republished" is a copy's word
        '<div class="story-footer" style="display:none"><p>{credit}</p></div>',
        '<div class="entry-content"><p style="display:none">{credit}</p></div>',
    ],
)
def test_a_credit_hidden_in_the_story_still_applies_the_pack(hidden: str) -> None:
    report = run(inside=hidden.format(credit=CREDITS["calmatters"]))
    assert report.packs == ("calmatters",)
    assert "hidden-markers" in {n.code for n in report.notices}


PIXEL = '<img id="republication-tracker-tool-source" src="https://rivertonledger.example/?republication-pixel=true&amp;post=42" style="width:1px;height:1px;">'
ATTRIBUTION = (
    'This <a href="https://rivertonledger.example/2024/05/bike-lanes/">article</a> first appeared on '
    '<a href="https://rivertonledger.example">Riverton Ledger</a> and is republished here under a Creative Commons license.'
)

# The publisher's own republish box, as themes and plugins write it: hidden until a click, or shown.
REPUBLISH_BOXES = {
    "hidden box named by id": '<div id="republish-modal" style="display:none"><h2>Republish this story</h2><p>{html}</p></div>',
    "box named by class": '<div class="republish-box"><h2>Republish</h2><p>{html}</p></div>',
    "camel-case class": '<div class="republishPanel" hidden><p>{html}</p></div>',
    "dialog offering it": "<dialog><h2>Republish this story</h2><p>{html}</p></dialog>",
    "modal offering it": '<div class="modal" aria-hidden="true" style="display:none"><h2>Republish this article</h2><p>{html}</p></div>',
}


@pytest.mark.parametrize("where", ["after", "inside"])
@pytest.mark.parametrize("box", sorted(REPUBLISH_BOXES))
@pytest.mark.parametrize("html", [ATTRIBUTION + PIXEL, ATTRIBUTION, PIXEL], ids=["both", "attribution", "pixel"])
def test_the_publishers_own_republish_box_applies_no_pack(where: str, box: str, html: str) -> None:
    report = run(**{where: REPUBLISH_BOXES[box].format(html=html)})
    assert report.packs == ()
    (detection,) = [d for d in report.detections if d.pack == "republication-tracker"] or [None]
    assert detection is None or (not detection.applied and detection.markers == ())


@pytest.mark.parametrize(
    "story_end",
    [
        f"<p>{ATTRIBUTION}{PIXEL}</p>",  # the Republish HTML as pasted
        f"<p>{ATTRIBUTION}</p><p>{PIXEL}</p>",
        f'<div class="republished-story"><p>{ATTRIBUTION}{PIXEL}</p></div>',
        # A pop-up that does not offer to republish: its pixel is the page's.
        f'<p>{ATTRIBUTION}</p><div class="modal" hidden><p>Subscribe to our newsletter.</p>{PIXEL}</div>',
    ],
)
def test_a_republication_keeping_the_pixel_or_attribution_in_its_story_applies_the_pack(story_end: str) -> None:
    report = run(inside=story_end)
    assert report.packs == ("republication-tracker",)


def test_a_pixel_kept_alone_in_the_story_applies_the_pack() -> None:
    report = run(inside=f"<p>{PIXEL}</p>")
    (detection,) = [d for d in report.detections if d.pack == "republication-tracker"]
    assert detection.applied
    assert detection.markers == ("tracking-pixel",)


@pytest.mark.parametrize(
    ("markup", "republish", "modal"),
    [
        ('<div id="republish-modal">x</div>', True, True),
        ('<div class="btn-republish">x</div>', True, False),
        ('<div class="republishBox" hidden>x</div>', True, False),
        ('<div class="REPUBLISH"><h2>Republish</h2></div>', True, False),
        # The word alone offers nothing: a partner's wrapper of its copy (tests/test_detection_republish_box.py).
        ('<div class="republishBox">x</div>', False, False),
        ('<div class="REPUBLISH">x</div>', False, False),
        ('<div class="republished-story">x</div>', False, False),
        ('<div id="republication-tracker-tool-source">x</div>', False, False),
        ('<div class="nonrepublishable">x</div>', False, False),
        ("<dialog><h2>Republish this story</h2></dialog>", True, True),
        ('<div role="dialog"><p>Republish our piece</p></div>', True, True),
        ('<div aria-modal="true"><p>Sign up for our newsletter</p></div>', False, True),
        ('<div class="modalities">x</div>', False, False),
        ("<section><h2>Republish this story</h2></section>", False, False),
    ],
)
def test_which_elements_are_republish_boxes_and_modals(markup: str, republish: bool, modal: bool) -> None:
    doc = parse_html(f"<html><body>{markup}</body></html>")
    assert doc.root is not None
    element = doc.root.find("body")[0]
    assert is_republish_box(element) is republish
    assert is_modal(element) is modal


def test_the_rule_packs_doc_examples_of_a_republish_box_and_a_partners_wrapper() -> None:
    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8").split("### A publisher's own republish box", 1)[1]
    html, partners_copy = re.findall(r"```html\n(.*?)```", doc.split("\n### ", 1)[0], re.DOTALL)
    report = check_bytes(html.encode(), "html", PACKS, path="story.html")
    assert report.packs == ()
    assert {n.code for n in report.notices} == {"no-pack"}
    # The same box's HTML pasted into a story is a republication.
    (box_html,) = re.findall(r'<div id="republish-modal"[^>]*><h2>[^<]*</h2>\n(.*?)</div>', html, re.DOTALL)
    pasted = html.replace("<p><button>Republish this story</button></p></article>", box_html + "</article>")
    assert check_bytes(pasted.encode(), "html", PACKS, path="story.html").packs == ("republication-tracker",)
    # A partner's copy wrapped in an element named for republished copies is one too.
    assert 'class="republish-story-content"' in partners_copy
    assert check_bytes(partners_copy.encode(), "html", PACKS, path="copy.html").packs == ("republication-tracker",)
