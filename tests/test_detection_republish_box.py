"""What makes a publisher's own "Republish this story" box is that it offers the story to other
sites (a "Republish this story" button or title, the HTML to copy in a `<textarea>`, `<pre>` or
`<code>`, a licence notice addressed to the sites that would republish it, in a modal or a closed
`<details>`), not the word "republish" in a class: a partner site that wraps its copy in
`<div class="republish">`, `<section id="republished-content">`, `.republish-post` or a plugin's
`.republish-story-content` is a republication, and its markers fire.

The publishers' boxes below follow real markup: the Republication Tracker Tool's modal (as the
WordPress plugin prints it), ProPublica's and CalMatters' republish modals and panels, and
Creative Commons boxes. Each shows the HTML it offers (attribution and pixel, or the publisher's
credit line) as a preview, which is what would otherwise fire a marker."""

from __future__ import annotations

import pytest

from compliance.document import parse_html
from compliance.document.region import is_republish_box, is_set_apart
from compliance.engine import check_bytes
from tests.test_detection_hidden import CREDITS, PACKS
from tests.test_detection_set_apart import ATTRIBUTION, PIXEL, run

# The HTML a box offers to copy, escaped as it is in a `<textarea>` or `<pre>`.
CODE = (
    "&lt;p&gt;This &lt;a href=&quot;https://rivertonledger.example/2024/05/bike-lanes/&quot;&gt;article&lt;/a&gt; first appeared on Riverton Ledger.&lt;/p&gt;"
)

# A publisher's own box, as plugins and newsrooms write it, with `{html}` shown in it as a preview.
OWN_BOXES = {
    "tracker tool modal": (
        '<p><button name="republication-tracker-tool" id="cc-btn" class="republication-tracker-tool-button">Republish This Story</button></p>'
        '<div id="republication-tracker-tool-modal" style="display:none;" aria-hidden="true">'
        '<div id="republication-tracker-tool-modal-content" style="display:none;">'
        '<button class="republication-tracker-tool-close"><span class="screen-reader-text">Close window</span> <span aria-hidden="true">X</span></button>'
        '<h2 id="republish-modal-label">Republish this article</h2>'
        '<div class="cc-policy"><div class="cc-license">'
        "<p>This work is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.</p></div>"
        "<p>Republish our articles for free, online or in print, under a Creative Commons license.</p></div>"
        '<div class="article-info"><h1>Council approves new bike lanes</h1><p class="byline">by Sam Lee, Riverton Ledger</p></div>'
        f'<textarea readonly id="republication-tracker-tool-shareable-content" rows="5">{CODE}</textarea>'
        "<p>{html}</p>"
        "<button>Copy to Clipboard</button></div></div>"
    ),
    # A modal named only by its class, shown by the button's script, whose title offers the story.
    "propublica-style modal": (
        '<div class="modal republish-modal is-hidden" role="dialog" aria-labelledby="republish-title">'
        '<h2 id="republish-title">Republish This Story for Free</h2>'
        "<p>Thank you for your interest in republishing this story. You are free to republish it so long as you do the following:</p>"
        "<ul><li>You have to credit us.</li><li>You can't edit our material, except to reflect relative changes in time.</li></ul>"
        "<p>{html}</p>"
        f"<textarea>{CODE}</textarea></div>"
    ),
    # A panel named "republish", shown, whose title and code offer the story.
    "calmatters-style panel": (
        '<section class="c-republish"><h3 class="c-republish__title">Republish this article</h3>'
        "<p>We want our stories to be read by as many people as possible. You can republish them for free.</p>"
        '<div class="c-republish__preview"><p>{html}</p></div>'
        f'<pre class="c-republish__code"><code>{CODE}</code></pre></section>'
    ),
    # The 19th's modal: its notice is addressed to other sites, its HTML in a textarea.
    "the-19th-style modal": (
        '<div class="overlay"><div class="c-modal" aria-modal="true">'
        "<p>We're happy to make this story available to republish for free under an Attribution-NonCommercial-NoDerivatives "
        "Creative Commons license as long as you follow our republishing guidelines.</p>"
        f"<p>{{html}}</p><textarea>{CODE}</textarea></div></div>"
    ),
    "closed details": "<details><summary>Republish this story</summary><p>Republish our stories under a Creative Commons license.</p><p>{html}</p></details>",
    "details named republish": f'<details class="republish"><summary>Share this story</summary><p>{{html}}</p><textarea>{CODE}</textarea></details>',
    "creative commons box": (
        '<div class="creative-commons-republish"><img src="/cc-by-nd.svg" alt="Creative Commons License">'
        "<p>This story is licensed under CC BY-ND 4.0: you may republish it online or in print.</p>"
        f"<p>{{html}}</p><pre>{CODE}</pre></div>"
    ),
    "hidden panel named by id": '<div id="republishPanel" hidden><p>{html}</p></div>',
}


@pytest.mark.parametrize("where", ["after", "inside"])
@pytest.mark.parametrize("box", sorted(OWN_BOXES))
@pytest.mark.parametrize("html", [ATTRIBUTION + PIXEL, ATTRIBUTION, PIXEL], ids=["both", "attribution", "pixel"])
def test_a_publishers_own_box_offering_the_story_applies_no_pack(where: str, box: str, html: str) -> None:
    report = run(**{where: OWN_BOXES[box].format(html=html)})
    assert report.packs == ()
    (detection,) = [d for d in report.detections if d.pack == "republication-tracker"] or [None]
    assert detection is None or (not detection.applied and detection.markers == ())


@pytest.mark.parametrize("box", sorted(OWN_BOXES))
def test_a_publishers_own_box_offering_its_credit_line_applies_no_pack(box: str) -> None:
    report = run(after=OWN_BOXES[box].format(html=CREDITS["calmatters"]))
    assert report.packs == ()


# A partner site's copy, wrapped as its theme or plugin wraps republished stories.
PARTNER_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves new bike lanes</title>
<meta property="og:site_name" content="Valley Voice"></head>
<body>
<nav><ul><li><a href="/">Home</a></li></ul></nav>
<main><article>
<h1>Council approves new bike lanes on Main Street</h1>
{open}
<p class="byline">By Sam Lee, Riverton Ledger</p>
<p>The Riverton City Council voted 5-2 on Tuesday to add protected bike lanes on Main Street.</p>
<p>Construction is expected to begin in the spring and to last about four months.</p>
{credit}
{close}
</article></main>
<footer><p>&copy; 2024 Valley Voice</p></footer>
</body></html>"""

PARTNER_WRAPPERS = {
    "class republish": ('<div class="republish">', "</div>"),
    "id republished-content": ('<section id="republished-content">', "</section>"),
    "class republish-post": ('<div class="republish-post">', "</div>"),
    "plugin's republish-story-content": ('<div class="entry-content republish-story-content">', "</div>"),
    "camel-case republishStory": ('<div class="republishStory">', "</div>"),
    "two wrappers": ('<div class="c-republish"><div class="republish__body">', "</div></div>"),
    # A story with code in it: a `<pre>` that holds no HTML offers nothing to copy.
    "story with code": ('<div class="republish"><pre>pip install bikelanes</pre>', "</div>"),
    # The credit's own sentence says "republished", never offers to republish.
    "credit in a republish note": ('<div class="republish-post">', '<p class="republish-note">Republished with permission.</p></div>'),
    # A wrapper around the whole copy that also holds the partner's own offer to republish (a
    # Newspack theme's button, a licence line): it holds the byline, so it is the story's container.
    "wrapper with a republish button": ('<div class="republish">', "<p><button>Republish this story</button></p></div>"),
    "wrapper with a licence line": ('<div class="republish">', "<p>You are free to republish it under a Creative Commons license.</p></div>"),
    "wrapper with a closed details": ('<div class="republish">', "<details><summary>Republish this story</summary><p>Copy the HTML.</p></details></div>"),
}


def partner(wrapper: str, credit: str) -> tuple[str, ...]:
    opening, closing = PARTNER_WRAPPERS[wrapper]
    page = PARTNER_PAGE.format(open=opening, close=closing, credit=f"<p>{credit}</p>")
    return check_bytes(page.encode(), "html", PACKS, path="copy.html").packs


@pytest.mark.parametrize("wrapper", sorted(PARTNER_WRAPPERS))
def test_a_partners_copy_wrapped_in_a_republish_class_is_detected_by_its_pixel_and_attribution(wrapper: str) -> None:
    assert partner(wrapper, ATTRIBUTION + PIXEL) == ("republication-tracker",)


@pytest.mark.parametrize("wrapper", sorted(PARTNER_WRAPPERS))
@pytest.mark.parametrize("pack", ["calmatters", "propublica", "texas-tribune"])
def test_a_partners_copy_wrapped_in_a_republish_class_is_detected_by_its_credit_line(wrapper: str, pack: str) -> None:
    assert partner(wrapper, CREDITS[pack]) == (pack,)


@pytest.mark.parametrize(
    ("markup", "republish"),
    [
        # Offering the story: a control, a modal, a closed details, hidden, or holding an offer.
        ('<button class="republish">Republish</button>', True),
        ('<a class="btn-republish" href="#republish">Share</a>', True),
        ('<div class="republish-modal">x</div>', True),
        ('<div class="modal"><h2>Republish This Story for Free</h2></div>', True),
        ("<details><summary>Republish this story</summary><p>x</p></details>", True),
        ('<div class="republish" style="display: none">x</div>', True),
        ('<div class="republish" aria-hidden="true">x</div>', True),
        ('<div class="republish"><h2>Republish</h2><p>x</p></div>', True),
        ('<div class="republish"><p>You are free to republish this story.</p></div>', True),
        (f'<div class="republish"><textarea>{CODE}</textarea></div>', True),
        (f'<div class="republish"><pre><code>{CODE}</code></pre></div>', True),
        # Not offering it: the word in a class, a copy's words, an open details, the page's parts.
        ('<div class="republish"><p>The council voted on Tuesday.</p></div>', False),
        ('<div class="republish-post"><p>This article is republished here under a Creative Commons license.</p></div>', False),
        ('<section id="republished-content"><h2>Republish this story</h2></section>', False),
        ('<div class="republish"><pre>pip install bikelanes</pre></div>', False),
        ("<details open><summary>Republish this story</summary><p>x</p></details>", False),
        ("<details><summary>Read the full report</summary><p>x</p></details>", False),
        ('<article class="republish" hidden><p>x</p></article>', False),
        ('<main class="republish-button"><p>x</p></main>', False),
    ],
)
def test_which_elements_offer_the_story(markup: str, republish: bool) -> None:
    doc = parse_html(f"<html><body>{markup}</body></html>")
    assert doc.root is not None
    element = doc.root.find("body")[0]
    assert is_republish_box(element) is republish
    if republish:
        assert is_set_apart(element)  # nor is it the story, for a hidden credit


@pytest.mark.parametrize("body", ['<body class="modal-open">', '<body class="has-lightbox republish">'])
def test_the_page_is_neither_a_dialog_nor_a_box_whatever_its_body_is_classed(body: str) -> None:
    # Bootstrap classes the page's body "modal-open" while a dialog shows; a saved page keeps it.
    page = PARTNER_PAGE.format(open="<p><button>Republish this story</button></p>", close="", credit=f"<p>{ATTRIBUTION}{PIXEL}</p>")
    page = page.replace("<body>", body)
    doc = parse_html(page)
    assert doc.root is not None
    (body_element,) = doc.root.iter("body")
    assert not is_set_apart(body_element) and not is_republish_box(body_element, hidden=True)
    assert check_bytes(page.encode(), "html", PACKS, path="copy.html").packs == ("republication-tracker",)
    hidden = PARTNER_PAGE.format(open="", close="", credit=f'<p style="display:none">{CREDITS["calmatters"]}</p>').replace("<body>", body)
    assert check_bytes(hidden.encode(), "html", PACKS, path="copy.html").packs == ("calmatters",)


@pytest.mark.parametrize(
    ("style", "republish"),
    [(".republish-panel { display: none }", True), (".other { display: none }", False)],
)
def test_a_box_named_republish_that_the_pages_css_hides_is_the_publishers(style: str, republish: bool) -> None:
    # Hidden until its button's click by the page's stylesheet, not its own attributes.
    box = f'<div class="republish-panel"><p>{ATTRIBUTION}{PIXEL}</p></div>'
    page = f"<html><head><style>{style}</style></head><body><article><p>Story.</p>{box}</article></body></html>"
    doc = parse_html(page)
    assert doc.root is not None
    (pixel,) = doc.root.iter("img")
    assert doc.in_republish_box(pixel) is republish
