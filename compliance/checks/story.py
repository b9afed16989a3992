"""What the check kinds share about the story itself: where its running text is (its body
paragraphs, and the page's furniture after the last of them, which `position` and `text` count
`last: N` before), and, for the kinds that compare a republication with its original story, the
story's paragraphs, a comparison key for people's names, and a comparison key for link targets.
Names are compared as a reader reads them, through the look-alike letters of `compliance.lookalike`."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

from compliance.checks.story_furniture import is_ad, is_date_line, is_promo_link, reads_as_date_line
from compliance.document import Block, Document
from compliance.document.byline_reading import is_topics_line, name_vocabulary, person_key
from compliance.document.bylines import teaser_blocks
from compliance.document.elements import in_any, names, tag_name, text_of
from compliance.findings import Location
from compliance.firstuse import on_first_use
from compliance.lookalike import plain_letters
from compliance.text import has_words
from compliance.urls import is_http_url, page_key, url_host, without_tracking


def story_paragraphs(doc: Document) -> tuple[Block, ...]:
    """The story's own paragraphs: the article region's visible blocks that are not headings
    (but a deck printed as one in the story's head, `<h2 class="subtitle">`), the headline, a
    byline, another story's teaser's "By" line and linked headline (`bylines.teaser_blocks`), or
    page furniture (`is_furniture`: a photo's caption, a date line such as "June 10, 2024, 5 a.m.
    EDT", an ad slot or an "Advertisement" label, a "Related: <a>…</a>" promo), in document
    order; where the page marks its story's body with schema.org's `itemprop="articleBody"` inside the article, only the blocks in that body (the
    notes after it — the authors' disclosure, the partners — are not the story). Asked only by
    the kinds that compare a copy with its original."""
    cached: tuple[Block, ...] | None = doc._memo.get("story_paragraphs")
    if cached is None:
        # Not blocks of the body: the story's bylines, and other stories' teasers ("By Sam Li"
        # under a linked headline), which the bylines leave out as the linked story's credit.
        bylines = {b.index for b in doc.bylines if b.in_body} | teaser_blocks(doc)
        headline = doc.headline.index if doc.headline is not None else -1
        blocks = [
            b for b in doc.article_blocks if (not b.heading or _deck_heading(doc, b)) and b.index != headline and b.index not in bylines and b.text.strip()
        ]
        bodies = _article_bodies(doc)
        if bodies:
            inside = [b for b in blocks if _within(b.element, bodies)]
            blocks = inside or blocks  # an empty body element (a script fills it) marks nothing
        head = _head_length(doc, blocks)
        cached = tuple(b for n, b in enumerate(blocks) if not (b.heading and n >= head) and not is_furniture(doc, b, in_head=n < head))
        doc._memo["story_paragraphs"] = cached
    return cached


def _deck_heading(doc: Document, block: Block) -> bool:
    """Whether a heading is a deck (standfirst) as a theme prints one, `<h2 class="subtitle">`: in
    an element whose class names a deck (`_in_deck`), of six words or more; a story paragraph
    where it stands in the story's head (`story_paragraphs`)."""
    return has_words(block.text, _BODY_WORDS) and _in_deck(doc, block)


def _head_length(doc: Document, blocks: list[Block]) -> int:
    """How many of `blocks` come before the first paragraph of running text (`is_body_paragraph`):
    the story's head, where a theme prints the date and the deck under the headline."""
    return next((n for n, block in enumerate(blocks) if is_body_paragraph(doc, block)), len(blocks))


def story_decks(doc: Document) -> frozenset[int]:
    """The indices of the story paragraphs (`story_paragraphs`) in the story's head that are its
    deck (standfirst): in an element whose class names one (`_DECK_NAMES`: `<p class="dek">`,
    `<div class="c-standfirst">`) and that is as short as one (`_deck_sized`). A copy may leave the
    deck out: ProPublica's republish HTML is the headline, the promo and the body (publisher-terms
    §2.2); one that keeps it keeps it unchanged."""
    paragraphs = list(story_paragraphs(doc))
    head = _head_length(doc, paragraphs)
    return frozenset(b.index for b in paragraphs[:head] if _in_deck(doc, b))


def _in_deck(doc: Document, block: Block) -> bool:
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    for node in (element, *element.iterancestors()):
        if node is doc.article_root or not isinstance(node.tag, str):
            return False
        if names(node, _DECK_NAMES, ids=False) and _deck_sized(doc, node):
            return True
    return False


def _article_bodies(doc: Document) -> frozenset[Any]:
    """The elements inside the article root that schema.org's microdata names the article's body
    (`itemprop="articleBody"`, a list of names that holds it); empty when the root is itself in
    one (the whole region is the body) or has none. Gated on the word in the page's source: a page
    without it walks no tree."""
    root = doc.article_root
    if root is None or not isinstance(root.tag, str) or "articlebody" not in doc.source.lower():
        return frozenset()
    if any(_itemprop_body(node) for node in (root, *root.iterancestors())):
        return frozenset()
    return frozenset(node for node in root.iter() if isinstance(node.tag, str) and _itemprop_body(node))


def _itemprop_body(node: Any) -> bool:
    return "articlebody" in (node.get("itemprop") or "").lower().split()


def _within(element: Any, ancestors: frozenset[Any]) -> bool:
    return element is not None and any(node in ancestors for node in (element, *element.iterancestors()))


# Class names of a photo's caption or credit line, as words of a class (see `elements.names`:
# WordPress's "wp-caption-text", "image-caption", "c-photo-credit", "media-credit").
_CAPTION_NAMES = frozenset("caption photo-credit image-credit media-credit".split())
# What a figure shows that makes its text a caption: an image, a video, a drawing or an embed. A
# figure of a table or a quote (WordPress's "wp-block-table", "wp-block-pullquote") holds the
# story's own text.
_MEDIA_TAGS = frozenset("img picture video svg canvas iframe amp-img amp-video".split())
# The most words a caption holds; a longer block under a class that names one is the story.
_CAPTION_WORDS = 80


def is_furniture(doc: Document, block: Block, *, in_head: bool = False) -> bool:
    """Whether a block is page furniture among the story's paragraphs, not the story's text: a
    photo's caption (`is_caption`), an ad's words or label, a site's promo link to another story,
    a promo line in brackets (`is_bracketed_promo`), a notice of the story's rights
    (`is_rights_notice`), or a date line (in the story's head, `in_head`, a date-only line too:
    `story_furniture`)."""
    return (
        is_caption(doc, block)
        or is_ad(doc, block)
        or is_promo_link(doc, block)
        or is_bracketed_promo(block)
        or is_rights_notice(block)
        or is_date_line(doc, block, in_head=in_head)
    )


# A paragraph wholly in square brackets, emphasis and spaces around them aside: "[Understand new
# developments in science, health and technology, each week. Subscribe to The Conversation's
# science newsletter.]", as publishers set off a promo inside the story.
_BRACKETED = on_first_use(r"^[\s*_]*\[(?P<inside>[^\[\]]+)\][\s*_.]*$")
# The most words of such a promo: a sentence or two, never a paragraph of the story.
_PROMO_WORDS = 40


def is_bracketed_promo(block: Block) -> bool:
    """Whether a block is the publisher's promo line set off in square brackets between the
    story's paragraphs, as The Conversation prints its newsletter promos ("[Get the best of The
    Conversation, every weekend. Sign up for our weekly newsletter.]"): in at most
    `_PROMO_WORDS` words, one of its clauses is a call to subscribe, sign up, donate or follow
    (`_CALL_TO_ACTION`). An editor's bracketed note to the reader ("[This story has been
    updated.]") calls for nothing, and a bracketed sentence of the story is no call."""
    found = _BRACKETED().match(block.text)
    if found is None or len(block.text.split()) > _PROMO_WORDS:
        return False
    clauses = _CLAUSE_BREAK().split(found.group("inside"))
    return any(_CALL_TO_ACTION().match(clause.strip(" \t\n*_\"'\u201c\u201d")) is not None for clause in clauses)


# A sentence about the story's own rights: what the publisher's page says of republishing it
# ("This story can be republished for free (details).", "You may republish this article."), or that
# it may not be ("It is not available for republication.", "This article is not subject to
# ProPublica's Creative Commons license until Oct. 3, 2099.").
_RIGHTS_SENTENCE = on_first_use(
    r"\b(?:available|free|cleared|licensed)\s+for\s+(?:re)?publication\b"
    r"|\b(?:can|may|cannot|can['\u2019]t|must)\s+(?:not\s+)?be\s+(?:re)?published\b"
    r"|\b(?:can|may|cannot|can['\u2019]t)\s+(?:not\s+)?republish\b"
    r"|\brepublish\s+(?:this|our)\s+(?:story|article|content|stories|articles)\b"
    r"|\bnot\s+subject\s+to\b[^.!?]{0,60}?\blicen[cs]e\b",
    re.IGNORECASE,
)
# The "All Rights Reserved" label as a sentence of its own, whose words are the label: "All Rights
# Reserved.", "This story is All Rights Reserved." (emphasis, quotes and brackets around it aside).
# The words inside a sentence of the story ("a closure notice, stamped 'All rights reserved,' and
# …", "All rights reserved under the easement belong to the landowners") are no label.
_ARR_LABEL = on_first_use(
    r"^[\s*_\"'\u201c\u201d(\[]*(?:(?:this|the)\s+(?:story|article|piece|report|content)\s+is\s+)?"
    r"all\s+rights\s+reserved[\s*_\"'\u201c\u201d)\].!]*$",
    re.IGNORECASE,
)
# What a rights notice is about: this story ("This story", "this article", "our content"); a
# sentence about "the report" or "the records" is the story's about others' (a label names none).
_RIGHTS_SUBJECT = on_first_use(r"\b(?:this|our)\s+(?:story|article|piece|report|content|stories|articles)\b", re.IGNORECASE)
# The most words of such a notice: a label or a line, never a paragraph of the story.
_RIGHTS_WORDS = 30
# Where a rights notice's sentences part: after a full stop, before a capital letter (not inside
# a date, "until Oct. 3, 2099").
_SENTENCE_BREAK = on_first_use(r"(?<=[.!?])\s+(?=[\"'\u201c]?[A-Z])")


def is_rights_notice(block: Block) -> bool:
    """Whether a block is the publisher's notice of the story's rights, not its text: in at most
    `_RIGHTS_WORDS` words, each sentence is the "All Rights Reserved" label (`_ARR_LABEL`, the
    label's words and nothing else) or says that this story (`_RIGHTS_SUBJECT`, named in the block
    unless it holds the label) may be republished, or may not be (`_RIGHTS_SENTENCE`): KFF Health
    News' "This story can be republished for free (details)." box and its "This story is All
    Rights Reserved." label, ProPublica's "This article is not subject to ProPublica's Creative
    Commons license until <date>." Whether the story may be republished is the terms' to say (a
    pack's rule on the original reads the notice); a copy that leaves the notice out has cut no
    text of the story. A sentence of the story about other rights or records ("The county said
    the report may not be published.", "Redbud said all rights reserved to the company allowed
    it.") is the story's text, which a copy may not cut or add."""
    text = block.text.strip()
    if not text or len(text.split()) > _RIGHTS_WORDS:
        return False
    sentences = [sentence for sentence in _SENTENCE_BREAK().split(text) if sentence.strip()]
    labels = [_ARR_LABEL().match(sentence) is not None for sentence in sentences]
    if not any(labels) and _RIGHTS_SUBJECT().search(text) is None:
        return False
    return all(label or _RIGHTS_SENTENCE().search(sentence) is not None for label, sentence in zip(labels, sentences, strict=True))


def is_caption(doc: Document, block: Block) -> bool:
    """Whether a block is a photo's caption or credit line: in a `<figcaption>`, in a `<figure>`
    that shows an image or video (and no table), or in an element whose class names a caption
    (`_CAPTION_NAMES`) holding at most `_CAPTION_WORDS` words. The terms that let an editor omit
    or substitute the images (The Conversation: "images … are not covered by the CC license";
    KFF Health News: photos it does not own) let the caption go with its photo: it is not a
    paragraph of the story."""
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    for node in (element, *element.iterancestors()):
        if node is doc.article_root or not isinstance(node.tag, str):
            break
        tag = node.tag.lower()
        if tag == "figcaption":
            return True
        if tag == "figure":
            return node.find(".//table") is None and any(isinstance(n.tag, str) and n.tag.lower() in _MEDIA_TAGS for n in node.iter())
        if names(node, _CAPTION_NAMES, ids=False) and len(text_of(node).split()) <= _CAPTION_WORDS:
            return True
    return False


# Where the story's head ends: HTML containers whose blocks are never body text.
_HEAD_CONTAINERS = frozenset({"header", "figure", "figcaption", "aside", "nav", "footer"})
# A sentence ends as Latin script ends it, or with the ideographic full stop and the fullwidth
# marks of Chinese and Japanese ("。", "！", "？"), or the Arabic question mark.
_SENTENCE_END = on_first_use(r"[.!?\u2026\u3002\uff01\uff1f\u061f][\"'\u2019\u201d\u300d\u300f\uff09)\]]*\s*$")
_BODY_WORDS = 6
# The most words a deck holds: a standfirst is a sentence or three, never the story.
_DECK_WORDS = 120
# Class names of the deck (standfirst) that CMSs print between the headline and the story, as words
# of a class (see `elements.names`: "article__dek", "c-standfirst", "entry-subtitle").
_DECK_NAMES = frozenset(
    """dek deck standfirst subtitle sub-title subhead sub-head subheadline sub-headline summary excerpt teaser strapline
    kicker""".split()
)


def is_body_paragraph(doc: Document, block: Block) -> bool:
    """A paragraph of running text: 6 words or more ending as a sentence ends, outside the
    article's header (and the story's head above the article root), figures, asides and deck,
    not all in links (an item of a list of links: "Think You Have a Food Allergy?"), and not in a
    widget beside the story (see `_in_widget_beside_story`)."""
    return _running_text(doc, block) and not _in_widget_beside_story(doc, block)


def _running_text(doc: Document, block: Block) -> bool:
    """`is_body_paragraph` but for widgets beside the story: read of each block on its own, once
    per document (the widgets, the story's head and its tail ask it of the same blocks)."""
    known: dict[int, tuple[Block, bool]] = doc._memo.setdefault("running_text", {})
    seen = known.get(block.index)
    if seen is not None and seen[0] is block:
        return seen[1]
    answer = _reads_as_running_text(doc, block)
    known[block.index] = (block, answer)
    return answer


def _reads_as_running_text(doc: Document, block: Block) -> bool:
    if not reads_as_sentences(block):
        return False
    element = block.element
    return element is None or not isinstance(element.tag, str) or not _set_off_from_body(doc, element)


def reads_as_sentences(block: Block) -> bool:
    """Whether a block's text, wherever it stands, is running text: no heading, six words or more
    (counted in any script: a Chinese paragraph has no spaces) ending as a sentence ends, not all
    in links (an item of a list of links)."""
    text = block.text.strip()
    if block.heading or not has_words(text, _BODY_WORDS) or not _SENTENCE_END().search(text):
        return False
    element = block.element
    return element is None or not isinstance(element.tag, str) or not _all_in_links(element, text)


# What sets a block of the story's head apart from its text: a figure, a box, navigation, a footer.
_SET_APART = frozenset({"figure", "figcaption", "aside", "nav", "footer"})


def is_head_prose(doc: Document, block: Block) -> bool:
    """Whether a block of the story's head (above its first paragraph) is prose, as a standfirst or
    a sentence the copy puts under the headline is: six words or more ending as a sentence ends
    (a deck, `_DECK_NAMES`, need not end so, nor be other than a heading: standfirsts often stop
    without a full stop, and themes print them as `<h2 class="subtitle">`), in the
    article's header or deck too (which `is_body_paragraph` sets apart, a header as a widget beside
    the story's body too), but in no figure, box, navigation or footer and not all in links. A line
    under six words (a kicker, "5 min read") is none."""
    text = block.text.strip()
    if not has_words(text, _BODY_WORDS):
        return False
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return not block.heading and _SENTENCE_END().search(text) is not None
    if (block.heading or not _SENTENCE_END().search(text)) and not _in_deck(doc, block):
        return False
    known: dict[Any, bool] = doc._memo.setdefault("set_apart_in_head", {})
    if in_any(element, lambda node: isinstance(node.tag, str) and node.tag.lower() in _SET_APART, known, stop=doc.article_root):
        return False
    return not _all_in_links(element, text)


# A short sentence of a story: it opens as a sentence opens (a capital, a digit, a quotation
# mark) and ends as one ends, in two words or more ("He was 34.", "The jail reopened last month.").
_SHORT_SENTENCE = on_first_use(r"[\"'\u201c\u2018(]?(?P<first>\w)\S*\s+\S.*[.!?][\"'\u201d\u2019)\]]*")
# What opens the page's one-line furniture after a story, as themes and Markdown exports print it:
# its categories and tags ("Posted in Politics, Health", "Tags: jails", "Filed under: Health",
# "Categories: …", "Topics: …"), sharing and comment prompts ("Share this:", "Leave a comment"),
# links to other posts ("Previous post", "More in Health"), a sign-off ("Thanks for reading!"), a
# credit in a wire's or a feed's words ("Via CalMatters.", "Originally printed in CalMatters."), a
# picture's credit ("Illustration by Ana Ruiz."), a call to the reader ("Follow Jane on X.",
# "Contact the reporter.", "Listen to the episode.").
_FURNITURE_LINE = on_first_use(
    r"^\W*(?:posted(?:\s+(?:in|under|on|by))?|filed(?:\s+(?:in|under))?|tags?|tagged(?:\s+(?:with|as))?|categor(?:y|ies|ized)|topics?"
    r"|sections?|series|keywords?|labels?|share(?:\s+this)?|like\s+(?:this|loading)|loading|leave\s+a\s+(?:comment|reply)|comments?|previous|next"
    r"|more\s+(?:in|from|on|about)|thanks?(?:\s+you)?\s+for\s+(?:reading|your)|the\s+end"
    r"|via|sources?|credits?|courtesy|originally|first\s+(?:published|printed|appeared|ran)|(?:distributed|provided|syndicated)\s+by"
    r"|(?:photo|illustration|graphic|video|audio|map|chart|image|art)s?(?=\s*(?:by|courtesy|credit|:))"
    r"|follow|contact|e-?mail|reach|listen|watch|download|subscribe|sign\s+up|donate|join\s+(?:us|our))\b",
    re.IGNORECASE,
)


def is_short_sentence(doc: Document, block: Block) -> bool:
    """Whether a block too short to be a body paragraph (`is_body_paragraph`: under six words)
    reads as a sentence of the story, as one a copy adds after its last paragraph ("He was 34.",
    "The jail reopened last month."): it opens and ends as a sentence does (`_SHORT_SENTENCE`), it
    is no furniture line (`_FURNITURE_LINE`: "Posted in Politics, Health", "Tags: jails", "Filed
    under: Health", "Share this:", "Thanks for reading!", "Via CalMatters.") and no date line ("Updated June 12,
    2024."), and it stands where a body paragraph would: outside the article's header, figures,
    asides and footer, a part of its tail (tags, sharing, the author's bio: `_TAIL_NAMES`) and
    widgets beside the story, not all in links."""
    text = " ".join(block.text.split())
    sentence = _SHORT_SENTENCE().fullmatch(text)
    if block.heading or sentence is None or has_words(text, _BODY_WORDS) or not (sentence["first"].isupper() or sentence["first"].isdigit()):
        return False
    if _FURNITURE_LINE().match(text) or reads_as_date_line(text):
        return False
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return True
    if _set_off_from_body(doc, element) or _all_in_links(element, text) or _in_tail_container(doc, block):
        return False
    return not _in_widget_beside_story(doc, block)


def _set_off_from_body(doc: Document, element: Any) -> bool:
    """Whether the element, or an ancestor up to the article's root, is part of the article's
    header, a figure, an aside, a deck, or the story's head above the root (`_off_body`). Each
    element's answer is kept for the document: the blocks of a page share most of their ancestors.
    What is above the root does not count (its answer is its own alone)."""
    known: dict[Any, bool] = doc._memo.setdefault("set_off_from_body", {})
    return in_any(element, lambda node: _off_body(doc, node), known, stop=doc.article_root)


def _off_body(doc: Document, node: Any) -> bool:
    if not isinstance(node.tag, str):
        return False
    if node.tag.lower() in _HEAD_CONTAINERS or (names(node, _DECK_NAMES, ids=False) and _deck_sized(doc, node)):
        return True
    return node in doc.article_head  # the story's head above the article root is never its body


def _deck_sized(doc: Document, node: Any) -> bool:
    """Whether an element whose class names a deck ("dek", "summary", …) is as short as a deck: a
    few sentences. A CMS may name the story's whole body so (Drupal's `field--type-text-with-summary`
    field holds the body and its optional summary): that element is the story, not its deck."""
    sizes: dict[int, bool] = doc._memo.setdefault("deck_sized", {})
    key = id(node)
    if key not in sizes:
        sizes[key] = len(" ".join(node.itertext()).split()) <= _DECK_WORDS
    return sizes[key]


def _all_in_links(element: Any, text: str) -> bool:
    """Whether the block's text is all the text of links in it: a related story's headline in a
    list of links, a "Read more" line, never running text."""
    linked = "".join("".join(link.itertext()) for link in element.iter("a"))
    return bool(linked) and len("".join(linked.split())) >= len("".join(text.split()))


def _in_widget_beside_story(doc: Document, block: Block) -> bool:
    """Whether the block sits in a widget beside the story: an element of the article region
    beside the one that holds most of the story's running text (at any depth on the way down to
    it), in which fewer than half the blocks are running text (a column of "Loading…", "Thanks!
    Now check your email…" panes, a box of links with a line of introduction). A region that is
    one stretch of paragraphs has none."""
    element = block.element
    if element is None or doc.article_root is None:
        return False
    widgets = _widgets_beside_story(doc)
    return bool(widgets) and any(node in widgets for node in (element, *element.iterancestors()))


def _widgets_beside_story(doc: Document) -> frozenset[Any]:
    """The widgets beside the story (see `_in_widget_beside_story`), worked out once per document:
    from the article root down, at each level the child holding more than half the running text
    is the story's way, and its siblings with less than half their blocks running text are
    widgets; the walk stops where no child holds most of it (the story's own paragraphs)."""
    cached: frozenset[Any] | None = doc._memo.get("widgets_beside_story")
    if cached is not None:
        return cached
    tree = _BlocksBelow(doc.article_root)
    for block in doc.article_blocks:
        if tree.holds(block.element):  # a block outside the root, or the root's own, is not read
            tree.count(block.element, _running_text(doc, block))
    tree.add_up()
    widgets: set[Any] = set()
    node = doc.article_root
    while node is not None:
        story = tree.story_child(node)
        if story is not None:
            widgets.update(child for child in tree.children.get(node, ()) if child is not story and tree.running[child] * 2 < tree.blocks[child])
        node = story
    cached = doc._memo["widgets_beside_story"] = frozenset(widgets)
    return cached


class _BlocksBelow:
    """The elements below an article root that hold blocks, each with how many blocks and how many
    of them running text it holds. Built by walking up from each block only as far as an element
    already met, so that a story nested thousands of elements deep costs each element once, not
    once for every block under it (a block's ancestors were listed for each block)."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.below: set[Any] = set()  # elements met that are below the root
        self.outside: set[Any] = set()  # elements met that are not below the root
        self.children: dict[Any, list[Any]] = {}
        self.own: dict[Any, tuple[int, int]] = {}  # blocks, running ones, whose element it is
        self.blocks: dict[Any, int] = {}
        self.running: dict[Any, int] = {}

    def holds(self, element: Any) -> bool:
        """Whether the element is below the root (never the root itself); remembers the way up."""
        if element is None or self.root is None or element is self.root:
            return False
        chain: list[Any] = []
        node = element
        while node is not None and node is not self.root and node not in self.below and node not in self.outside:
            chain.append(node)
            node = node.getparent()
        if node is None or node in self.outside:
            self.outside.update(chain)
            return False
        self.below.update(chain)
        for below in chain:
            self.children.setdefault(below.getparent(), []).append(below)
        return True

    def count(self, element: Any, running: bool) -> None:
        """Count a block whose element is `element` (below the root)."""
        blocks, runs = self.own.get(element, (0, 0))
        self.own[element] = (blocks + 1, runs + running)

    def add_up(self) -> None:
        """Each element's blocks and running ones, its own and those of all below it."""
        order: list[Any] = []
        pending = list(self.children.get(self.root, ()))
        while pending:  # parents before children; added up in reverse
            node = pending.pop()
            order.append(node)
            pending.extend(self.children.get(node, ()))
        for node in reversed(order):
            blocks, runs = self.own.get(node, (0, 0))
            for child in self.children.get(node, ()):
                blocks += self.blocks[child]
                runs += self.running[child]
            self.blocks[node] = blocks
            self.running[node] = runs

    def story_child(self, node: Any) -> Any:
        """The child of `node` holding more than half the running text of the blocks in `node`
        (those of `node`'s own element included, when it is not the root); None when none does."""
        children = self.children.get(node, ())
        total = sum(self.running[child] for child in children) + (self.own.get(node, (0, 0))[1] if node is not self.root else 0)
        return next((child for child in children if self.running[child] * 2 > total), None)


# What may follow a story's last paragraph inside the article element: tags and topics, sharing
# links, the author's bio, a comment prompt, links to the previous and next stories (as words of a
# class, see `elements.names`: "submeta", "share-links", "author-bio", "comments-area",
# "prev-next-links").
_TAIL_NAMES = frozenset("bio author share sharing social tag tags topic topics related comment comments submeta pagination prev next".split())
# A copyright notice ("© 2024 Delta Beacon. All Rights Reserved.", "Copyright (c) 2024 …"): the
# page's or the story's rights line, not its text, however it is marked up. Short: a paragraph of
# the story that begins "Copyright 2024 filings show …" and goes on is running text.
_COPYRIGHT_LINE = on_first_use(r"^\s*(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}\b))", re.IGNORECASE)
_COPYRIGHT_WORDS = 16
# A paywall's or a meter's notice ("You have read 3 of 5 free articles this month. Subscribe for
# unlimited access.", "This article is for subscribers. Subscribe to keep reading.", "Already a
# subscriber? Log in"): the republisher's access box, which the terms allow (KFF Health News: "for-
# profit, paywalled … may republish"), not the story's text. Short: a paragraph of the story about a
# newspaper's subscribers goes on as a story does.
_PAYWALL_NOTICE = on_first_use(
    r"\b(?:subscribe|sign\s+up|register|log\s*in|sign\s+in)\b[^.!?]{0,40}?\b(?:to\s+(?:keep|continue|finish)\s+reading"
    r"|to\s+read\s+(?:more|on|the\s+(?:rest|full)|this)|for\s+(?:unlimited|full|digital|complete)\s+access)"
    r"|\balready\s+(?:a\s+)?(?:subscriber|member)\b"
    r"|\byou(?:'ve|\u2019ve|\s+have)\s+(?:read|used|reached|viewed)\b[^.!?]{0,40}?\b(?:free|complimentary)\s+(?:articles?|stories|story|views?)\b"
    r"|\b(?:free|complimentary)\s+(?:articles?|stories|story|views?)\s+(?:left|remaining)\b"
    r"|\b(?:this|the)\s+(?:article|story|content|page)\s+is\s+(?:only\s+)?(?:for|available\s+(?:only\s+)?to|reserved\s+for)\s+"
    r"(?:paid\s+|paying\s+|digital\s+)?(?:subscribers|members)\b"
    r"|\b(?:subscribers?|members?)[-\s]only\b",
    re.IGNORECASE,
)
_PAYWALL_WORDS = 40
# A republisher's call to action after the story ("Sign up for the Courier's morning newsletter.",
# "Subscribe to our daily briefing.", "Support local journalism — donate today.", "Follow us on
# Facebook."): the site's own promo, which no publisher's terms count as the story's text. Each
# clause of it opens with a call (a story's paragraph about subscribers or sign-ups opens
# otherwise), and it is short (`_call_to_action`).
_CALL_TO_ACTION = on_first_use(
    r"^\W*(?:sign\s+up|subscribe|donate|support\s+(?:our|us|local|independent|nonprofit|this|the\s+\w+['\u2019]s)"
    r"|follow\s+us|like\s+us|join\s+(?:our|us)|become\s+a\s+(?:member|subscriber|supporter|donor|sustaining)"
    r"|get\s+(?:our|the\s+latest|the\s+best|breaking|daily|weekly|more\s+stories|stories\s+like\s+this)"
    r"|download\s+(?:our|the)\s+(?:\w+\s+){0,2}app|don['\u2019]t\s+miss|never\s+miss|want\s+more|stay\s+(?:informed|up\s+to\s+date|in\s+the\s+know|connected))\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION_WORDS = 25


def story_tail(doc: Document, also: frozenset[int] = frozenset()) -> frozenset[int]:
    """The indices of the article's items after its last body paragraph that are not the story's
    text: short lines, link lists, headings, images, copyright notices ("© 2024 Outlet. All rights
    reserved."), a paywall's or meter's notice ("You have read 3 of 5 free articles this month.
    Subscribe for unlimited access.", "Already a subscriber? Log in"), the site's call to action
    ("Sign up for our morning newsletter."), and paragraphs inside the article's footer, a
    box of the article (`Document.in_article_box`: its text is not the story's) or an element
    whose class names a tail part (`_TAIL_NAMES`: tags, sharing, the author's bio,
    comments, links to other stories), and the items of `also` (what a pack knows is no part of
    the story: a `position` check's `allow-after`, a credit line). Empty when the article has no
    body paragraph. `last: N` counts N blocks before these: a tagline is at the end of the story
    with the page's furniture after it."""
    cached: frozenset[int] | None = None if also else doc._memo.get("story_tail")
    if cached is None:
        tail: list[int] = []
        for item in reversed([item for item in doc.items if doc.item_credit_in_article(item)]):
            if item.index in also:
                tail.append(item.index)
                continue
            if isinstance(item, Block) and is_body_paragraph(doc, item) and not _in_tail_container(doc, item) and not is_site_notice(item):
                break
            tail.append(item.index)
        else:
            tail = []
        cached = frozenset(tail)
        if not also:
            doc._memo["story_tail"] = cached
    return cached


def is_site_notice(block: Block) -> bool:
    """Whether a paragraph, by its words alone, is the page's and not the story's: a copyright
    notice, a paywall's notice or the site's call to action."""
    return _copyright_line(block) or _paywall_notice(block) or _call_to_action(block)


def _copyright_line(block: Block) -> bool:
    """Whether a block is a copyright notice: it opens with "©", "(c)" or "Copyright" and a year
    or sign, in at most `_COPYRIGHT_WORDS` words."""
    text = block.text
    return _COPYRIGHT_LINE().match(text) is not None and len(text.split()) <= _COPYRIGHT_WORDS


def _paywall_notice(block: Block) -> bool:
    """Whether a block is a paywall's or a meter's notice (`_PAYWALL_NOTICE`), in at most
    `_PAYWALL_WORDS` words."""
    text = block.text
    return len(text.split()) <= _PAYWALL_WORDS and _PAYWALL_NOTICE().search(text) is not None


def _call_to_action(block: Block) -> bool:
    """Whether a block is the site's call to action, in at most `_CALL_TO_ACTION_WORDS` words:
    each of its clauses (parted by a sentence's end, a colon, a semicolon or a dash) is a call
    (`_CALL_TO_ACTION`): "Support local journalism — donate today." is one; "Sign up for
    updates: Brewer will move to Springfield." goes on with the story."""
    text = block.text
    if len(text.split()) > _CALL_TO_ACTION_WORDS:
        return False
    clauses = [clause for clause in _CLAUSE_BREAK().split(text) if clause.strip(" \t\n*_\"'\u201c\u201d")]
    return bool(clauses) and all(call_to_action_clause(clause) for clause in clauses)


def call_to_action_clause(clause: str) -> bool:
    """Whether a clause opens as the site's call to action does (`_CALL_TO_ACTION`: "Sign up",
    "Subscribe", "Donate", "Follow us", "Support local news")."""
    return _CALL_TO_ACTION().match(clause) is not None


# Where a call to action's clauses part: a sentence's end, a colon, a semicolon, a dash.
_CLAUSE_BREAK = on_first_use(r"[.!?…]+(?=\s|$)|[:;\u2014\u2013]|\s-\s")


def _in_tail_container(doc: Document, block: Block) -> bool:
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    for node in (element, *element.iterancestors()):
        if node is doc.article_root:
            return False
        if isinstance(node.tag, str) and names(node, _TAIL_NAMES, ids=False):
            return True
    return False


def story_end(doc: Document) -> Block | None:
    """The story's last block of text that is not a heading (a paragraph, a list item, a line of
    a text or Markdown article): what the terms put at the end of the story (a credit line, a
    tagline, a pixel) goes after it. The one answer to "where is the end": `syndcheck fix` inserts
    a `where: end` block after it, and a finding of such a thing missing points at it
    (`end_location`). What the theme prints after the story inside the article (`story_tail`: its
    "Posted in News" footer, share links, a newsletter sign-up) is passed over, else the article's
    last such block. A list the story closes with (its findings in bullets, with or without a line
    leading into it: "What we found:") is the story's, however short its items: its last item is
    the end (`_closing_list`). None when the article has no such block."""
    blocks = [block for block in reversed(doc.article_blocks) if not block.heading]
    tail = story_tail(doc)
    end = next((block for block in blocks if block.index not in tail), blocks[0] if blocks else None)
    if end is None or not tail:
        return end
    after = [block for block in reversed(blocks) if block.index > end.index]
    return _closing_list(doc, after) or end


# A list's items.
_LIST_ITEMS = frozenset({"li", "dt", "dd"})


def _closing_list(doc: Document, after: list[Block]) -> Block | None:
    """The last item of the list that follows the story's last paragraph (`after`: the blocks
    after it, in order), when the story goes on in it: its items, and the one line leading into it
    (ending in a colon), if any, each the story's words and not the page's (not all in links, not
    in a part of the tail such as tags or sharing, not set apart from the body, not a furniture,
    topics or site notice line); None when what follows is no such list."""
    last = None
    for at, block in enumerate(after):
        text = " ".join(block.text.split())
        if not _the_storys_words(doc, block, text):
            break
        if in_list_item(doc, block):
            last = block
        elif at > 0 or not text.endswith(":"):
            break
    return last


def in_list_item(doc: Document, block: Block) -> bool:
    """Whether a block is a list's item: in HTML an `<li>`, `<dt>` or `<dd>` or inside one in the
    article; in Markdown and text a line opening with a list's bullet or number ("- ", "1. ")."""
    element = block.element
    if element is None or not isinstance(element.tag, str):
        lines = doc.source.splitlines() if doc.kind != "html" else []
        return 0 < block.line <= len(lines) and _LIST_LINE().match(lines[block.line - 1]) is not None
    for node in (element, *element.iterancestors()):
        if tag_name(node) in _LIST_ITEMS:
            return True
        if node is doc.article_root:
            return False
    return False


# A line of a Markdown or text list: a bullet ("-", "*", "+", "•") or a number ("1.", "2)") and a space.
_LIST_LINE = on_first_use(r"[ \t]{0,3}(?:[-+*•▪◦‣]|\d{1,9}[.)])[ \t]+\S")


def _the_storys_words(doc: Document, block: Block, text: str) -> bool:
    """Whether a block after the story's last paragraph reads as the story's own words, not the
    page's: not all in links, not in the article's header, a figure, an aside or a deck, nor in a
    part of the tail (`_TAIL_NAMES`) or a widget beside the story, and no furniture, topics, date
    or site notice line."""
    if not text or _FURNITURE_LINE().match(text) or is_topics_line(text) or reads_as_date_line(text) or is_site_notice(block):
        return False
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return True
    return not (_set_off_from_body(doc, element) or _all_in_links(element, text) or _in_tail_container(doc, block) or _in_widget_beside_story(doc, block))


def end_location(doc: Document) -> Location:
    """Where a finding of something missing that belongs at the end of the story points, so that
    an editor's "go to line" lands where the fix goes: the line and column of `story_end` (in a
    Markdown or text article, the body's last line), else the article's start."""
    end = story_end(doc)
    return doc.locate(end) if end is not None else doc.article_location


def under_headline(doc: Document) -> Location:
    """Where a finding of something missing that goes under the headline (a byline) points: the
    headline, else the article's start. A text or Markdown article's headline printed from its
    front matter's `title` is not it (no finding about the article points into the front
    matter): the article's start is the body's first line."""
    headline = doc.headline
    if headline is None or (doc.kind != "html" and headline.line < doc.article_line):
        return doc.article_location
    return doc.locate(headline)


def last_items(indices: list[int], last: int, tail: frozenset[int]) -> list[int]:
    """The last `last` of `indices` that are not in the story's tail, and the tail after them."""
    kept = set([index for index in indices if index not in tail][-last:])
    return [index for index in indices if index in kept or index in tail]


def name_key(name: str) -> tuple[str, ...]:
    """A person's name as a comparison key: its words, plain-lettered and sorted, so "José Díaz",
    "jose diaz" and "Díaz, José" are one key (`byline_reading.person_key`, by which the bylines
    that credit one person are also told apart)."""
    return person_key(name)


def same_person(credited: str, expected: str) -> bool:
    """Whether a republication's credited name names the original's reporter: the same
    `name_key`, or the same surname (the last word) with the expected given names abbreviated to
    their initials ("J. Smith" or "J.R. Smith" for "Jake Robert Smith", "R. Eskow" for "Richard
    Eskow"). Only the republication abbreviates: it may not add initials ("R.X. Eskow"), expand
    the original's initials into a name ("John Smith" for "J. Smith"), or change a given name."""
    if name_key(credited) == name_key(expected):
        return True
    credited, expected = _without_titles(credited), _without_titles(expected)
    if name_key(credited) == name_key(expected):
        return True
    credited_parts, expected_parts = _given_and_surname(credited), _given_and_surname(expected)
    if credited_parts is None or expected_parts is None or credited_parts[1].casefold() != expected_parts[1].casefold():
        return False
    if _same_given_names_but_initials(credited_parts[0], expected_parts[0]):
        return True
    initials, names = credited_parts[0], expected_parts[0]
    if not initials or not all(initial for _, initial in initials) or not names or any(initial for _, initial in names):
        return False
    letters = "".join(word for word, _ in initials)
    spelt = "".join(word[0] for word, _ in names)
    # Every given name's initial, or the first given name's alone.
    return letters in (spelt, spelt[0])


def shortens_given_name(credited: str, expected: str) -> bool:
    """Whether `credited` names `expected` with the first given name, which `expected` writes
    out, cut to its initial: "J. Smith", "J.R. Smith" and "J. Robert Smith" for "Jake Robert
    Smith", "J. García López" for "Juan García López", "J. Smith Jr." for "Jake Smith Jr.". The
    same person (`same_person` names them alike, or the name with the initial written out as
    `expected` writes that given name), but not the byline the terms ask to keep. False for the
    initials `expected` itself prints ("J. Smith" for "J. Smith"), a middle name alone
    abbreviated ("Sarah J. Tribble" for "Sarah Jane Tribble"), and another initial or surname."""
    credited, expected = _without_titles(credited), _without_titles(expected)
    credited_parts, expected_parts = _given_and_surname(credited), _given_and_surname(expected)
    if credited_parts is None or expected_parts is None or name_key(credited) == name_key(expected):
        return False
    (initial, is_initial), (first, first_is_initial) = credited_parts[0][0], expected_parts[0][0]
    if not is_initial or first_is_initial or initial.casefold() != first[:1].casefold():
        return False
    if same_person(credited, expected):
        return True
    # A surname of two words ("García López") or a suffix ("Jr.") is no given name that
    # `same_person` lets a republication abbreviate: the initial written out again must give the
    # name itself ("J. R. Smith" is no "Jake Smith" with a middle initial added).
    words = credited.split()
    if len(plain_letters(words[0]).strip(".")) != 1:
        return False
    return name_key(" ".join((expected.split()[0], *words[1:]))) == name_key(expected)


def _without_titles(name: str) -> str:
    """The name without the courtesy, academic, religious, political or military titles before it
    ("Dr.", "Prof.", "Professor", "Rev.", "Lt. Col.", "Ms.", from `nameparser`'s vocabulary;
    "Sen.", "Assemblymember", `_elected_title`): a style the README allows, not part of who is credited. A title is dropped only
    while a given name and a surname remain, so "Dean Baquet" keeps its given name."""
    words = name.split()
    titles = name_vocabulary()[1]
    while len(words) > 2 and (words[0].lower().rstrip(".") in titles or _elected_title(words[0])):
        words = words[1:]
    return " ".join(words)


# The titles of elected and appointed officials that sign op-eds ("By Sen. Maria Cantwell", "By
# Assemblymember Ana Ruiz") and `nameparser`'s vocabulary lacks: the abbreviations only with
# their full stop ("Sen", "Del" are given names too), the compound nouns as written.
_ELECTED_ABBREVIATIONS = frozenset({"sen.", "del.", "supt.", "atty.", "cmdr."})
_ELECTED_TITLES = frozenset({"assemblymember", "assemblyman", "assemblywoman", "councilmember", "councilman", "councilwoman", "alderwoman"})


def _elected_title(word: str) -> bool:
    """Whether `word`, the first of a name, is an official's title of `_ELECTED_ABBREVIATIONS` or
    `_ELECTED_TITLES` (case aside)."""
    folded = word.lower()
    return folded in _ELECTED_ABBREVIATIONS or folded in _ELECTED_TITLES


def _same_given_names_but_initials(credited: list[tuple[str, bool]], expected: list[tuple[str, bool]]) -> bool:
    """Whether the credited given names are the expected ones, the same first given name written
    out, with middle names abbreviated to their initials ("Maria E. Lopez" for "Maria Elena
    Lopez") or a middle initial added where the original has no middle name ("Maria E. Lopez" for
    "Maria Lopez"). A different first given name ("Mario E. Lopez") is a different person."""
    if not credited or not expected or credited[0][1] or expected[0][1] or credited[0][0].casefold() != expected[0][0].casefold():
        return False
    rest, expected_rest = credited[1:], expected[1:]
    if not expected_rest:
        return all(initial for _, initial in rest)
    if len(rest) != len(expected_rest):
        return False
    return all(
        word.casefold() == other.casefold() or (initial and other[:1].casefold() == word.casefold())
        for (word, initial), (other, _) in zip(rest, expected_rest, strict=True)
    )


def _given_and_surname(name: str) -> tuple[list[tuple[str, bool]], str] | None:
    """A name's given names, plain-lettered, each with whether it is an initial ("R.", "J", and
    "R.J." or "RJ" split into one per letter), and its surname (the last word); None for a
    single word."""
    written = name.replace(".", ". ").split()
    words = [(bare, "".join(c for c in plain_letters(bare) if c.isalnum())) for bare in (w.rstrip(".") for w in written)]
    words = [(bare, letters) for bare, letters in words if letters]
    if len(words) < 2:
        return None
    given: list[tuple[str, bool]] = []
    for bare, letters in words[:-1]:
        if len(letters) == 1 or (len(bare) <= 3 and bare.isupper() and bare.isalpha()):
            given.extend((letter, True) for letter in letters)
        else:
            given.append((letters, False))
    return given, words[-1][1]


def link_keys(doc: Document) -> tuple[str, ...]:
    """`url_key` of each of the document's links, in `doc.links` order, computed once per
    document: the link back to the original and the kept links of `original-links` read them alike."""
    keys: tuple[str, ...] | None = doc._memo.get("link-url-keys")
    if keys is None:
        keys = tuple(url_key(link.href) for link in doc.links)
        doc._memo["link-url-keys"] = keys
    return keys


def url_key(href: str) -> str:
    """A link target as a comparison key: an http(s) URL's `compliance.urls.page_key` (scheme,
    fragment, default port, trailing slash, tracking parameters and AMP marker set aside) without a
    leading "www."; any other target (a relative or protocol-relative link, a URL a browser cannot
    read) by its host and path, tracking parameters set aside."""
    key = page_key(href) if is_http_url(href) else None
    if key is not None:
        return key.removeprefix("www.")
    try:
        parts = urllib.parse.urlsplit(href.strip())
    except ValueError:
        # A URL no parser reads (`http://[::1/x`) goes nowhere: it is only equal to itself, as written.
        return href.strip()
    host = (url_host(href) or parts.netloc.lower()).removeprefix("www.")
    path = parts.path.rstrip("/") or ""
    return f"{host}{path}" + without_tracking(parts.query)
