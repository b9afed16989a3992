"""Page furniture among the article's blocks that is not the story's text, for the kinds that
compare a republication with its original story (`story.story_paragraphs`): a date line (the
publication or update date a theme prints under the headline) and an ad slot or an ad's label
between the paragraphs, and a site's promo link to another story ("Related: <a>…</a>"). The terms
that forbid editing the story let the republisher show its own date (a change of time) and put
ads on the page (ProPublica, publisher-terms §2.2: "ads on the page are fine")."""

from __future__ import annotations

import re
from typing import Any

from compliance.document import Block, Document, block_position
from compliance.document.elements import BLOCK_TAGS, in_any, names, text_of
from compliance.firstuse import on_first_use

# Words of a class or id that name an element holding the date of the story (as words of a class,
# see `elements.names`: WordPress's "posted-on" and "entry-date", "byline-date", "c-timestamp",
# "article__pubdate", "publish-date", "updated").
_DATE_NAMES = frozenset("date dateline pubdate published publish-date posted-on timestamp time updated modified datetime".split())

# A date line's words: a month or weekday, a clock time and its zone, a label ("Published",
# "Updated", "Last modified"), a relative time ("3 hours ago"); numbers are read apart.
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december".split()
)
_WEEKDAYS = frozenset("mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday".split())
_LINE_WORDS = frozenset(
    """published publish updated update posted modified last originally first on at date dated and
    am pm a p m noon midnight st nd rd th
    et est edt ct cst cdt mt mst mdt pt pst pdt akt akst akdt ht hst utc gmt bst cet cest eastern central mountain pacific time standard daylight
    ago hour hours hr hrs minute minutes min mins day days today yesterday""".split()
)
_RELATIVE = frozenset({"ago", "today", "yesterday"})
_LINE_TOKEN = on_first_use(r"[^\W\d_]+|\d+")
# A date of numbers: 2024-06-10, 6/10/2024, 10.06.2024.
_NUMERIC_DATE = on_first_use(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
# The most words and numbers a date line holds: "Published June 10, 2024, 5 a.m. EDT | Updated
# June 11, 2024, 10:30 a.m. EDT" is 22.
_DATE_LINE_TOKENS = 28
_DATE_LINE_CHARS = 200


def reads_as_date_line(text: str) -> bool:
    """Whether a block's whole text is a date line: only a date's words and numbers
    (`_MONTHS`, `_WEEKDAYS`, `_LINE_WORDS`, punctuation), with a month or weekday beside a
    number, a date of numbers ("2024-06-10", "6/10/2024"), or a relative time ("Updated 3 hours
    ago"): "June 10, 2024, 5 a.m. EDT", "Published Jun. 10, 2024 | Updated 9:15 AM ET". A
    sentence ("The jail closed on June 10, 2024.") has other words and is not."""
    if len(text) > _DATE_LINE_CHARS:
        return False
    tokens = _LINE_TOKEN().findall(text.casefold())
    if not tokens or len(tokens) > _DATE_LINE_TOKENS:
        return False
    words = [token for token in tokens if not token.isdigit()]
    if any(word not in _LINE_WORDS and word not in _MONTHS and word not in _WEEKDAYS for word in words):
        return False
    has_number = len(words) < len(tokens)
    named_day = any(word in _MONTHS or word in _WEEKDAYS for word in words)
    return (named_day and has_number) or _NUMERIC_DATE().search(text) is not None or (has_number and not _RELATIVE.isdisjoint(words))


def is_date_line(doc: Document, block: Block, *, in_head: bool) -> bool:
    """Whether a block is the story's date line (its publication or update date), page furniture
    on the original and on the copy alike: its text `reads_as_date_line`, and it is marked as a
    date (in or around a `<time>` element, or in an element whose class or id names one:
    `_DATE_NAMES`) or stands in the story's head (`in_head`: before its first paragraph of
    running text, where a theme prints "June 12, 2024" under the byline). A paragraph of dates
    inside the story (a timeline's "June 10, 2024") is the story's text."""
    if not reads_as_date_line(block.text):
        return False
    if in_head:
        return True
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    if any(True for _ in element.iter("time")):
        return True
    known: dict[Any, bool] = doc._memo.setdefault("date_marked", {})
    return in_any(element, _marked_as_date, known, stop=doc.article_root)


def _marked_as_date(node: Any) -> bool:
    return isinstance(node.tag, str) and (node.tag.lower() == "time" or names(node, _DATE_NAMES))


# The whole text of an ad's label ("Advertisement", "ADVERTISEMENT", "— Advertisement —", "Story
# continues below advertisement", "Article continues after this ad", "Sponsored", "Ad"), read
# after case and the punctuation around it.
_AD_LABEL = on_first_use(
    r"(?:advertisements?|advertising|ads?|sponsored(?:\s+content)?|paid\s+content"
    r"|(?:(?:advertisements?|ads?)\s*[-:\u2013\u2014|]?\s*)?"
    r"(?:(?:the\s+)?(?:story|article|text|content|reading)\s+continues\s+(?:below|after)(?:\s+(?:the|this))?(?:\s+(?:advertisements?|ads?))?"
    r"|continue\s+reading\s+(?:below|after)(?:\s+(?:the|this))?(?:\s+(?:advertisements?|ads?))?"
    r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?))",
    re.IGNORECASE,
)
# The longest an ad's label is, with the punctuation around it: a paragraph past it is not one.
_AD_LABEL_CHARS = 80
_AROUND_LABEL = " \t\n\u00a0-\u2013\u2014|:.\u00b7*•·()[]"
# Words of a class or id that name an ad slot (split at "-", "_" and case changes, no namespace
# word dropped: "ad-inline", "c-ad", "adSlot", "div-gpt-ad-123", Google's "adsbygoogle").
_AD_WORDS = frozenset("ad ads advert adverts advertisement advertisements advertising adsbygoogle adslot adunit dfp gpt".split())
_NAME_SPLIT = on_first_use(r"[-_\s]+|(?<=[a-z0-9])(?=[A-Z])")
# Ad Inserter's blocks ("code-block code-block-2"): a numbered "code-block" class.
_AD_INSERTER = on_first_use(r"code-block-\d+")
# The most words an ad slot holds: a label, a sponsor's line; an element so named holding more is
# a wrapper of the story (a theme's "has-ads" body), not an ad.
_AD_SLOT_WORDS = 50


def is_ad_label(text: str) -> bool:
    """Whether a block's whole text is an ad's label (`_AD_LABEL`): "Advertisement", "Story
    continues below advertisement", "Sponsored". A paragraph of the story that speaks of
    advertising ("The county spent $3,000 on advertisement.") is not."""
    return len(text) <= _AD_LABEL_CHARS and _AD_LABEL().fullmatch(text.strip(_AROUND_LABEL)) is not None


def is_ad(doc: Document, block: Block) -> bool:
    """Whether a block is an ad's: its whole text is an ad's label (`is_ad_label`), or it sits in
    an ad slot inside the article (`_ad_slot`, of at most `_AD_SLOT_WORDS` words) and what it says
    outside links is nothing or an ad's label (an ad's words are its link's): page furniture,
    which the terms allow on the page, not the story's text. Plain text in an element named like
    an ad slot ("Regulators have since cleared the company.") is what a reader reads beside the
    story: it is compared as the story's."""
    if is_ad_label(block.text):
        return True
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return False
    root = doc.article_root
    known: dict[Any, bool] = doc._memo.setdefault("in_ad_slot", {})
    if not in_any(element, lambda node: node is not root and _small_ad_slot(node), known, stop=root):
        return False
    unlinked = _words_outside_links(element)
    return not unlinked or is_ad_label(unlinked)


# A promo's label before a link to another story ("Related:", "READ MORE:", "See also |", "Read
# next »", which the text reads with a straight quote), and the separator after it.
_PROMO_LABEL = on_first_use(
    r"(?:related(?:\s+(?:stories|story|articles?|coverage|content|reading|links?))?|read\s+(?:more|next|also)|see\s+also|also\s+read"
    r"|recommended(?:\s+reading)?|don['’]t\s+miss|more\s+(?:coverage|stories|reading)|more)\s*[:|»›\-–—\"]+",
    re.IGNORECASE,
)
# The most words of a promo's link: a story's headline, not a paragraph.
_PROMO_LINK_WORDS = 30


def is_promo_link(doc: Document, block: Block) -> bool:
    """Whether a block is a site's promo of another story between the paragraphs: a promo's label
    (`_PROMO_LABEL`: "Related:", "READ MORE:", "See also |") and then only the words of a link
    ("Related: <a href=…>County approves the new jail</a>", Markdown's "**Related:** [County
    approves the new jail](…)"), as a CMS inserts them; or a promo list (`_in_promo_list`). Page
    furniture, not the story's text; a sentence of the story that mentions related matters has
    words outside a link and is not."""
    text = block.text.strip()
    label = _PROMO_LABEL().match(text)
    if label is not None:
        linked, outside = linked_words(doc, block)
        rest = _PROMO_LABEL().sub("", outside, count=1).strip(_AROUND_LABEL)
        return bool(linked) and not rest and len(linked.split()) <= _PROMO_LINK_WORDS
    return len(text.split()) <= _PROMO_LINK_WORDS and _in_promo_list(doc, block)


# A promo list's heading, alone on its line: "More from Local Paper", "Related stories", "Read
# more", "You may also like", "Recommended for you".
_PROMO_HEADING = on_first_use(
    r"(?:related(?:\s+(?:stories|story|articles?|coverage|content|reading|links?))?|read\s+(?:more|next|also)|see\s+also|also\s+read"
    r"|recommended(?:\s+(?:reading|for\s+you|stories))?|you\s+(?:may|might)\s+also\s+like|more\s+(?:from|on|about|in)(?:\s+[^\s.!?:;,]+){1,6}"
    r"|more\s+(?:coverage|stories|reading|news))\s*[:|»›\-–—]*",
    re.IGNORECASE,
)


def _in_promo_list(doc: Document, block: Block) -> bool:
    """Whether a block is a promo list's heading ("More from Local Paper", `_PROMO_HEADING`) with a
    block of a link's words alone right after it, or such a block after a heading and other
    such blocks: the list of other stories a site puts between the paragraphs."""
    at = block_position(doc.blocks, block.index)
    if _PROMO_HEADING().fullmatch(block.text.strip()):
        return at + 1 < len(doc.blocks) and _only_a_link(doc, doc.blocks[at + 1])
    while at >= 0 and _only_a_link(doc, doc.blocks[at]):
        at -= 1
    return at >= 0 and at < block_position(doc.blocks, block.index) and _PROMO_HEADING().fullmatch(doc.blocks[at].text.strip()) is not None


def _only_a_link(doc: Document, block: Block) -> bool:
    """Whether a block holds a link's words and nothing else (list markers and separators aside),
    as a story's headline is long."""
    linked, outside = linked_words(doc, block)
    return bool(linked) and not outside.strip(_AROUND_LABEL) and len(linked.split()) <= _PROMO_LINK_WORDS


def linked_words(doc: Document, block: Block) -> tuple[str, str]:
    """The words of a block that its links hold and those no link holds, white space collapsed:
    read from its element (HTML), else from the links the parse placed in it (Markdown, text)."""
    element = block.element
    if element is not None and isinstance(element.tag, str):
        # The block's element may be its first inline one (`<strong>Related:</strong>`): read the block's own.
        while element.tag not in BLOCK_TAGS and element.getparent() is not None:
            element = element.getparent()
        return " ".join(" ".join(element.xpath("descendant-or-self::a[@href]//text()")).split()), _words_outside_links(element)
    texts = [link.text for link in doc.links if link.index == block.index and link.text]
    rest = block.text
    for text in texts:
        rest = rest.replace(text, " ", 1)
    return " ".join(" ".join(texts).split()), " ".join(rest.split())


def _words_outside_links(element: Any) -> str:
    """The words of an element that no link holds, white space collapsed."""
    return " ".join(" ".join(element.xpath("descendant-or-self::text()[not(ancestor::a)]")).split())


def _small_ad_slot(node: Any) -> bool:
    """Whether an element is an ad slot (`_ad_slot`) of at most `_AD_SLOT_WORDS` words: a larger
    one holds more than an ad (the story, in a wrapper a theme names for the ads it injects)."""
    return isinstance(node.tag, str) and _ad_slot(node) and len(text_of(node).split()) <= _AD_SLOT_WORDS


def _ad_slot(node: Any) -> bool:
    """Whether an element is an ad slot by the markup ad plugins give it: a class or id word of
    `_AD_WORDS`, Ad Inserter's numbered `code-block` class, a `data-ad-*` attribute (AdSense's
    `data-ad-slot`, `data-ad-client`) or `aria-label="Advertisement"`."""
    for attribute in ("class", "id"):
        value = node.get(attribute)
        if value and (not _AD_WORDS.isdisjoint(word.lower() for word in _NAME_SPLIT().split(value) if word) or _ad_inserter(value)):
            return True
    if any(name.lower().startswith("data-ad-") for name in node.attrib):
        return True
    label = node.get("aria-label")
    return bool(label) and is_ad_label(label)


def _ad_inserter(value: str) -> bool:
    tokens = value.split()
    return "code-block" in tokens and any(_AD_INSERTER().fullmatch(token) for token in tokens)
