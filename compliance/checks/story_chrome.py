"""Story text inside page chrome, for the kinds that compare a republication with its original
story: a paragraph the copy prints inside an element whose class or id names page chrome (`<div
class="newsletter">`, `ad-slot`, `advertisement`, `related`, `sharing`: `region.is_chrome`) is
left out of the article region, which is right for the sign-up box, the ad and the list of other
stories such an element holds, but not for the story's own sentences put there. The terms allow
ads and the site's boxes on the page (publisher-terms §2.2), not an edit hidden in one.

Such a block is the story's text when it is alike with a paragraph of the original (the story's
paragraph, kept or changed, `fidelity_compare`), or when it stands between the copy's first and
last story paragraphs and reads as story prose (`reads_as_story_prose`): running text, not a
note, a call to action or a paywall's notice, in no form and in no card or list of links to
other stories. Chrome set aside by its tag or role alone (an `<aside>`, a `<nav>`) is not read:
a box in the story's flow is the article's own (`region.is_article_box`), and readers' comments
and navigation are never the story."""

from __future__ import annotations

from typing import Any

from compliance.checks.story import is_furniture, is_site_notice, reads_as_sentences, story_paragraphs
from compliance.checks.story_notes import reads_as_note
from compliance.document import Block, Document
from compliance.document.elements import text_of
from compliance.document.region import is_chrome, is_comments

# A form and its controls: a sign-up box's.
_FORM_TAGS = ("form", "input", "button", "select", "textarea")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements that make a block of their own inside a link (a card's).
_CARD_PARTS = frozenset(("p", "div", "img", "picture", "figure", "ul", "ol", *_HEADINGS))


def blocks_in_chrome(doc: Document) -> tuple[Block, ...]:
    """The visible blocks of text (not headings) inside chrome that its class or id names
    (`_named_chrome`) within the article region, in document order: the blocks the article region
    leaves out that may hold the story's text (`story.is_furniture` tells those that cannot)."""
    cached: tuple[Block, ...] | None = doc._memo.get("blocks_in_chrome")
    if cached is None:
        found = []
        for block in doc.blocks:
            if block.in_article or block.heading or not block.text.strip():
                continue
            chrome = doc.chrome_in_article(block.element)
            if chrome is not None and _named_chrome(chrome):
                found.append(block)
        cached = doc._memo["blocks_in_chrome"] = tuple(found)
    return cached


def _named_chrome(element: Any) -> bool:
    """Whether an element is chrome by its class or id (`<div class="newsletter">`, `<aside
    class="related">` too), not readers' comments nor navigation (`<nav>`, `role=navigation`). An
    `<aside>` or `role=complementary` box no class or id names as chrome is the article's own box
    (`region.is_article_box`), not read here."""
    if not isinstance(element.tag, str) or element.tag.lower() == "nav" or is_comments(element):
        return False
    if (element.get("role") or "").strip().lower() == "navigation":
        return False
    return is_chrome({name: value for name, value in element.items() if name in ("class", "id")}, "")


def prose_in_chrome(doc: Document) -> frozenset[int]:
    """The indices of the blocks in chrome (`blocks_in_chrome`) between the story's first and last
    paragraphs (`story.story_paragraphs`) that read as story prose (`reads_as_story_prose`)."""
    paragraphs = story_paragraphs(doc)
    if len(paragraphs) < 2:
        return frozenset()
    first, last = paragraphs[0].index, paragraphs[-1].index
    return frozenset(b.index for b in blocks_in_chrome(doc) if first < b.index < last and reads_as_story_prose(doc, b) and not is_furniture(doc, b))


def reads_as_story_prose(doc: Document, block: Block) -> bool:
    """Whether a block in chrome reads as a paragraph of the story: running text
    (`story.reads_as_sentences`: six words or more ending as a sentence ends, not all in links),
    not a note (`story_notes.reads_as_note`: "Sign up for our newsletter", "Related:", "©
    2024"), not the site's call to action or a paywall's notice (`story.is_site_notice`), in no
    list item, and in chrome that is no box of the site's (`_site_box`: a sign-up box's pitch
    beside its form or button, a related story's teaser under its headline)."""
    chrome = doc.chrome_in_article(block.element)
    for node in (block.element, *block.element.iterancestors()):
        if node is chrome:
            break
        if isinstance(node.tag, str) and node.tag.lower() == "li":
            return False
    known: dict[Any, bool] = doc._memo.setdefault("site_box", {})
    if chrome not in known:
        known[chrome] = _site_box(chrome)
    if known[chrome] or not reads_as_sentences(block):
        return False
    return not (reads_as_note(block.text) or is_site_notice(block))


def _site_box(chrome: Any) -> bool:
    """Whether chrome is a box of the site's by its parts: it holds a heading (the box's title:
    "The Morning Brief", "Related"), a form or one of its controls (a sign-up), or a link that
    stands alone (`_standalone_link`: a button's "Sign up", a teaser's headline); a link inside
    a sentence is the sentence's."""
    if any(True for _ in chrome.iter(*_HEADINGS, *_FORM_TAGS)):
        return True
    return any(_standalone_link(link) for link in chrome.iter("a"))


def _standalone_link(link: Any) -> bool:
    """Whether a link is the whole text of the element around it, or holds a block of its own
    (a card's link around its picture and headline)."""
    if any(isinstance(node.tag, str) and node.tag.lower() in _CARD_PARTS for node in link.iterdescendants()):
        return True
    words = text_of(link).split()
    parent = link.getparent()
    return bool(words) and parent is not None and text_of(parent).split() == words
