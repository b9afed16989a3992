"""Finding a document's bylines: byline markup met during the HTML walk and "By …" lines near the
top of the article, each read by `byline_reading.read_byline`.

Where to look: the article region, and the stretch from just before the headline to the start of
the body (the header or hero that `.entry-content` and the like leave out). Never comments,
sidebars, navigation, "related"/"more from" lists, other stories' teasers or captions; teasers
by their shape too, whatever their classes: a strip of short elements each holding a linked
headline, or flat pairs of a linked headline line and the "By" line under it. A header
classed like the site's (`site-header`, `masthead`, `role=banner`) inside the story's own
`<article>` and without navigation is the story's header, and its byline counts; the site's
banner is chrome, and `refused_byline` says where a byline-like line in it was left out.

Byline markup without a "By": `rel=author`, `[itemprop=author]` and `[itemprop=creator]` (with a
nested `[itemprop=name]`), classes with "byline" or "author" in them (`.author`, `.author-name`,
`.c-byline__item`) and component names with them (`data-testid="byline"`, `data-qa`,
`data-component`: what sites with generated classes name their parts by), h-card/vcard (`.h-card`, `.vcard`, `.p-author`), `<address>`, and links to an
author's page (`/author/…`, `/people/…`, `/@handle`). A byline only in `<meta>` or JSON-LD is not
on the screen and does not count; but a name standing alone near the headline (an author line
without byline classes, as sites with generated class names write it) is the byline when the
page's own metadata credits that person. A byline split across elements is one byline: a name
followed, in the next element or block, by a line that is only an outlet or affiliation
("ProPublica", "Professor of X, University Y") takes that line as its affiliation, and markup
whose parts are blocks is read line by line. Inline elements join their words as a browser lays
them out ("Reu<b></b>ters" is "Reuters"); sibling elements whose words, so joined, would run a
name into the next part ("Jake Smith" + "Daily Caller News Foundation reporter", which the
site's stylesheet lays out apart) are read as lines too. An opener alone in its element ("by")
is read with the name in the block after it; a label over the "By" line in an author box (a
topic's `<h6>`) is no part of the byline; a name line over a job title and institution line is a
byline with that institution, and over a job title alone ("Nick Pope" over "Contributor") a
byline with that title, its line break read as a comma. A byline above the headline and outside
the article that credits none of the story's own byline's people is another work's header and
gives way to it. When nothing above the body credits anyone, a heading in the article that opens with a label and
names a person ("Analysis: Jon Sopel, BBC News, Washington") is the byline; failing that, in
plain text and Markdown, a line that is only a name under the headline and over a sentence.
When nothing above the body credits a person (no byline, or "By Reuters", "By The Conversation"),
the story's foot gives its credit: a wire's closing line ("(Reporting by A; Editing by B)") or a
paragraph of the story's own text naming a person with an affiliation (not an author box).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from compliance.document.byline_reading import (
    LONGEST_BYLINE,
    BylineReading,
    affiliation_line,
    has_opener,
    is_dateline_line,
    is_organisation_word,
    is_page_data,
    is_part_credit,
    is_section_label,
    may_be_pen_name,
    name_among_page_data,
    name_and_job_title,
    names_after_unread_by,
    person_key,
    person_name,
    quote_byline,
    read_byline,
    read_listed_lines,
    title_and_institution,
)
from compliance.document.elements import CLASS_VALUES_CACHED, block_element, class_tokens, names, text_of
from compliance.document.model import Block, Byline, Document, Link, block_position, own_pages_of
from compliance.document.region import in_comments, is_chrome, is_site_header, is_site_navigation
from compliance.document.stories import story_byline_at
from compliance.firstuse import on_first_use
from compliance.text import DASHES, normalize, normalize_inline, shorten
from compliance.urls import same_page

_MARKUP_CLASSES = frozenset(["h-card", "vcard", "p-author", "contributor", "posted-by", "meta-author"])
_NAME_CLASSES = frozenset(["name", "fn", "p-name", "author-name", "authorname"])
# Elements that hold the whole page: their classes and attributes describe the page, not a byline.
_PAGE_TAGS = frozenset({"html", "body"})
# Links to an author's own page: "/author/jane-doe", "/people/jane-doe", "medium.com/@jane".
_AUTHOR_HREF = re.compile(
    r"/(?:authors?|people|staff|contributors?|profiles?|writers?|editors|reporters?|journalists?|autor(?:es)?|auteurs?)/[^/?#]|/@[\w.-]+(?:[/?#]|$)",
    re.IGNORECASE,
)
# Where a byline is never this article's: comments, sidebars, navigation, related lists, teasers.
# Matched against the first or last word of a piece of a class or id ("comments-area", "c-sidebar",
# "jp-relatedposts"; see `elements.names`), so that layout classes such as
# "panel-two-col-sidebar-right" do not count; the names of two words, against a whole piece.
_ELSEWHERE_WORDS = frozenset(
    """comment comments commentlist related relatedposts recommended recommendations recirc teaser teasers promo
    promos sidebar widget trending popular mostread newsletter menu breadcrumb breadcrumbs navigation nav toc
    morefrom""".split()
)
_ELSEWHERE_NAMES = frozenset({"site-footer", "site-header", "more-from", "most-read", "more-stories", "read-next"})
_ELSEWHERE_TAGS = frozenset({"nav", "figcaption", "figure", "caption"})
_ELSEWHERE_ROLES = frozenset({"complementary", "navigation", "banner", "contentinfo", "search"})
# A block of running prose: the body has started once a few of these have gone by.
_PROSE_WORDS = 20
_PROSE_BLOCKS_TO_SCAN = 4
_ZONE_BEFORE_HEADLINE = 3
# A line that heads a list of other stories ("Related Stories", "More from The Valley Ledger", "You
# may also like", "Latest", "Lea también", "À lire aussi", "Baca juga"), in the languages of the
# packs' copies: a heading, or a block or line that is only these words, as a theme prints a
# related box's title or text extraction renders it. After the story's text has begun, the
# bylines after it, up to the story's next paragraph, are those stories' (`_teaser_boxes`).
_TEASER_HEADING = on_first_use(
    r"^(?:related(?:\s+(?:stories|articles|posts|content|coverage|reading|news|links))?|more\s+(?:from|stories|news|on)\b.{0,60}|"
    r"read\s+(?:more|next|also)|also\s+read|see\s+also|recommended(?:\s+(?:for\s+you|stories|reading|articles))?|"
    r"you\s+(?:may|might)\s+(?:also\s+)?like|most\s+(?:read|popular|viewed|shared)|(?:trending|popular)(?:\s+(?:now|stories|posts|articles))?|"
    r"latest(?:\s+(?:stories|news|articles|posts|headlines))?|"
    # Spanish, Portuguese, French, German, Italian, Indonesian.
    r"(?:noticias|art[ií]culos|historias|not[ií]cias|mat[ée]rias)\s+relacionad[oa]s|relacionad[oa]s?|le[ae]\s+(?:tambi[ée]n|m[aá]s)|"
    r"leia\s+(?:tamb[ée]m|mais)|veja\s+tamb[ée]m|te\s+puede\s+interesar|m[aá]s\s+(?:noticias|le[ií]d[oa]s)|lo\s+m[aá]s\s+le[ií]do|"
    r"(?:[àa]\s+)?lire\s+aussi|sur\s+le\s+m[êe]me\s+sujet|articles\s+(?:li[ée]s|similaires)|"
    r"mehr\s+zum\s+thema|das\s+k[öo]nnte\s+sie\s+auch\s+interessieren|weitere\s+artikel|leggi\s+anche|articoli\s+correlati|"
    r"baca\s+juga|berita\s+terkait|artikel\s+terkait)"
    r"[\s:.…»>|-]*$",
    re.IGNORECASE,
)
# The longest such heading read (a "More from …" with an outlet's name): longer blocks are never
# matched against it.
_TEASER_HEADING_LENGTH = 80
# A sentence of the story's text is a few words at least ("Officials declined to comment.").
_OPENING_WORDS = 3
# Where a page's metadata names its author: <meta> names and properties, and JSON-LD's author.
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl")
_JSON_LD_AUTHOR_KEYS = ("author", "creator")
_JSON_LD_NODES = 2000
# A byline laid out in parts has a few lines: name, title, outlet, date, an author page's buttons.
_BYLINE_LINES = 6
# A name standing alone is short: "Mama Robotnik", "María de la Cruz Jr.".
_LONE_NAME_LENGTH = 60


def _nobody() -> frozenset[str]:
    return frozenset()


def _credited_key(name: str) -> str:
    """A name as the metadata's and the page's are compared: case-folded, and without the full stop
    a suffix may or may not have ("Mary Smith Jr." in one, "Mary Smith Jr" in the other)."""
    return name.casefold().rstrip(".")


def credited_in_metadata(meta: Mapping[str, Iterable[str]], json_ld: Iterable[object]) -> frozenset[str]:
    """The people the page's metadata credits as its authors (`<meta name=author>`,
    `article:author`, `dc.creator`, JSON-LD `author`/`creator`), case-folded and without a
    suffix's full stop (`_credited_key`). They never count as a byline by themselves; they tell
    which visible lone name is the byline."""
    values = [value for key in _AUTHOR_META for value in meta.get(key, ())]
    authors = _json_ld_authors(json_ld)
    values.extend(name for value in authors for name in _author_names(value))
    names: set[str] = set()
    for value in values:
        if "://" in value:
            continue  # article:author is often the author's page, not a name
        reading = read_byline(value)
        if reading is not None:
            names.update(_credited_key(name) for name in reading.names)
    # A one-word name reads as no one's by itself ("Reuters" or "Banksy"): JSON-LD that types its
    # author a Person says it is a person's pen name.
    names.update(_credited_key(name) for value in authors for name in _one_word_people(value))
    return frozenset(names)


def _one_word_people(value: object) -> list[str]:
    """The one-word names of the JSON-LD author nodes in `value` typed `Person`."""
    if isinstance(value, list):
        return [name for item in value for name in _one_word_people(item)]
    if not isinstance(value, dict):
        return []
    kind, name = value.get("@type"), value.get("name")
    kinds = kind if isinstance(kind, list) else [kind]
    if "Person" not in kinds or not isinstance(name, str) or len(name.split()) != 1:
        return []
    return [name.strip()]


def _json_ld_authors(json_ld: Iterable[object]) -> list[object]:
    """Author values anywhere in JSON-LD (a string, `{"name": …}`, or a list of either, read by
    `_author_names`), walking at most a fixed number of nodes of a page's data."""
    found: list[object] = []
    pending: list[object] = list(json_ld)
    for _ in range(_JSON_LD_NODES):
        if not pending:
            break
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in _JSON_LD_AUTHOR_KEYS:
                    found.append(value)
                elif isinstance(value, (dict, list)):
                    pending.append(value)
    return found


def _author_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return [value["name"]]
    if isinstance(value, list):
        return [name for item in value for name in _author_names(item)]
    return []


def outlet_names(outlets: Set[str]) -> frozenset[str]:
    """Outlet names as the byline reader compares them: lower case, single spaces."""
    return frozenset(" ".join(o.lower().split()) for o in outlets)


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def _byline_by_class(value: str) -> bool:
    tokens = class_tokens(value)
    return bool(tokens & _MARKUP_CLASSES) or any("byline" in c or ("author" in c and "authority" not in c) for c in tokens)


# The attributes a site's components and its tests name an element by (`data-testid`, React
# Testing Library's; `data-qa`; `data-component`): on sites whose classes are generated
# ("sc-b42e7a8f-7 kItaYD"), the only words that say an element is the byline
# (`data-testid="byline-new-contributors"`, `data-qa="author-name"`, `data-component="meta-byline"`).
COMPONENT_NAME_ATTRIBUTES = frozenset({"data-testid", "data-test-id", "data-qa", "data-component"})


def byline_by_component_name(value: str) -> bool:
    """Whether a component's name (`COMPONENT_NAME_ATTRIBUTES`) names a byline or an author, as a
    byline class does ("AuthorByline", "byline-new", "author-name"; not "authority-box")."""
    lowered = value.lower()
    return "byline" in lowered or ("author" in lowered and "authority" not in lowered)


def is_byline_markup(element: Any, tag: str = "", *, inside: bool = False) -> bool:
    """True when the element marks a byline (`tag` is its lower-cased tag name): `rel=author`,
    `itemprop=author|creator`, a byline or author class or component name (`data-testid`,
    `data-qa`, `data-component`), h-card/vcard, `<address>`, a link to an author's page; and,
    `inside` other byline markup, the element holding the name. Only its `get` is asked, so a
    mapping of its attributes may stand in for it. `<html>` and `<body>` never are: their classes
    describe the page (WordPress's `author-4326` on `<body>`, a site's
    `flag-simpleExtendedByline-on` on `<html>`), and the whole page is no byline."""
    if tag in _PAGE_TAGS:
        return False
    rel = element.get("rel")
    if rel and "author" in rel.lower().split():
        return True
    itemprop = element.get("itemprop")
    if itemprop and {"author", "creator"} & set(itemprop.lower().split()):
        return True
    if inside and ((itemprop and "name" in itemprop.lower().split()) or _NAME_CLASSES & class_tokens(element.get("class") or "")):
        return True
    if tag == "address":
        return True
    if tag == "a" and _AUTHOR_HREF.search(element.get("href") or ""):
        return True
    value = element.get("class")
    if value and _byline_by_class(value):
        return True
    return any(byline_by_component_name(named) for name in COMPONENT_NAME_ATTRIBUTES if (named := element.get(name)))


# The longest line read as a story's own byline by `own_byline`: a byline, not a paragraph.
_OWN_BYLINE_CHARACTERS = 160


def own_byline(block: Any) -> str | None:
    """The byline line `block` (an element) holds of its own, as its text: byline markup, or a
    short line that reads as a byline with an opener ("By Staff", "By Jane Doe, Reuters"), before
    its second paragraph, and not in a list item (a card's); None when it holds none. A block that
    is itself byline markup (an author box, "author-bio") holds a person's bio, not a story's
    byline. Asked only of the few blocks beside the article that have a story's shape
    (`region.other_stories`)."""
    if is_byline_markup(block, str(block.tag).lower()):
        return None
    paragraphs = 0
    for element in block.iterdescendants():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        marked = is_byline_markup(element, tag.lower())
        if (marked or tag in ("p", "div", "span")) and not _in_list_within(element, block):
            text = normalize_inline(text_of(element))
            if text and len(text) <= _OWN_BYLINE_CHARACTERS and read_byline(text, require_prefix=not marked) is not None:
                return text
        if tag == "p" and text_of(element).strip():
            paragraphs += 1
            if paragraphs >= 2:
                return None
    return None


def _in_list_within(element: Any, block: Any) -> bool:
    """Whether `element` is in a list item inside `block` (a card of a list, with its own byline)."""
    item = next(element.iterancestors("li"), None)
    return _inside(item, block)


@dataclass(slots=True)
class BylineMark:
    """Byline markup met during the walk, and the visible text captured inside it."""

    element: Any
    index: int
    in_article: bool
    chrome: bool
    capture: list[str] = field(default_factory=list)
    # Where in `capture` two parts meet without a space at an element boundary (see
    # `html._mark_seams`): the parts a page's stylesheet may lay out apart.
    seams: list[int] = field(default_factory=list)


class _Zone(NamedTuple):
    """Where this article's byline can be: the article region, and the block indices from just
    before the headline to the start of the body; the element of the story's first block of text
    and its index (`_story_opening`; None when none comes), and the page's own addresses (its canonical URL, `og:url`, the
    address it was read from) with the base its links resolve against."""

    first: int
    last: int
    headline: Any
    article_root: Any
    # Each element's words as `_is_short_element` counted them (up to one past `_TEASER_WORDS`):
    # the walks up from a block ask it of every ancestor, and a deep page's ancestors each hold
    # the whole story; counted from the child already counted, each element is read once.
    word_counts: dict[Any, int]
    body_start: Any = None
    own_pages: tuple[str, ...] = ()
    base_url: str | None = None
    opening: int | None = None

    def covers(self, index: int, in_article: bool) -> bool:
        return in_article or self.first <= index <= self.last


def find_bylines(
    marks: list[BylineMark],
    blocks: tuple[Block, ...],
    headline: Block | None,
    article_root: Any,
    outlets: Set[str] = frozenset(),
    credited: Callable[[], frozenset[str]] = _nobody,
    own_pages: tuple[str, ...] = (),
    base_url: str | None = None,
) -> tuple[Byline, ...]:
    """The article's bylines in document order: from byline markup first, then from "By …" lines
    near the top that no markup byline already covers. `outlets` are the loaded packs' outlet
    names (lower case), never read as a person; `credited` gives the names the page's metadata
    credits (see `credited_in_metadata`), asked for only when a lone name needs it; `own_pages`
    are the page's own addresses (`own_pages_of`), against which a linked headline over a byline
    is told from another story's teaser, its links resolved against `base_url`."""
    zone = _zone(blocks, headline, article_root, own_pages, base_url)
    seen_blocks: set[int] = set()
    # Under a "Related Stories" heading below the story, every byline is another story's; looked
    # for only when a byline stands after the story's text has begun.
    teaser_boxes = functools.cache(lambda: _teaser_boxes(blocks, zone))
    found = _outside(_with_pen_names(_markup_bylines(marks, blocks, zone, seen_blocks, outlets), credited, outlets), teaser_boxes, zone.opening)
    named = {_credited_key(name) for byline in found for name in byline.names}
    # A lone name is looked for only when no byline names that person already.
    text_bylines = _text_bylines(blocks, zone, seen_blocks, outlets, functools.cache(lambda: credited() - named))
    found.extend(_outside(_with_pen_names(text_bylines, credited, outlets), teaser_boxes, zone.opening))
    if not found:
        found.extend(_outside(_labelled_headings(blocks, zone, outlets) or _bare_name_line(blocks, headline, outlets), teaser_boxes, zone.opening))
    found = _with_affiliation_lines(found, blocks, zone, outlets)
    found.sort(key=lambda b: b.index)
    found = _without_other_works_headers(_with_names_after_bare_openers(found, blocks, outlets), blocks, headline)
    kept = _without_repeats(_without_cards_after_the_story(found, blocks))
    # A story with no byline above its text is not credited by the next story's: under a heading
    # of its own, after the story's prose, "## Farmers brace…" over "By Ana Ruiz" starts another.
    # A roundup's stories each with their own byline are told apart by `stories_in_article`.
    other_story = functools.cache(lambda: _from_other_story(blocks, zone, teaser_boxes()))
    own_byline_above = zone.opening is not None and any(byline.index < zone.opening for byline in kept)
    if not own_byline_above:
        kept = _outside(kept, other_story, zone.opening)
    if not any(byline.names for byline in kept):
        trailer = _outside(_wire_trailer(blocks, zone, outlets), teaser_boxes, zone.opening)
        kept.extend(trailer if own_byline_above else _outside(trailer, other_story, zone.opening))
    return tuple(kept)


def is_prose(block: Block) -> bool:
    """Whether a block is running prose of the article: no heading, `_PROSE_WORDS` words or more."""
    return block.in_article and not block.heading and len(block.text.split()) >= _PROSE_WORDS


def _from_other_story(blocks: tuple[Block, ...], zone: _Zone, boxes: tuple[range, ...]) -> tuple[range, ...]:
    """The span of block indices from the heading that starts another story after this one's
    prose (`_other_story_start`) to the article's end; () when none does. The headings of lists
    of other stories and of their cards (in `boxes`, `_teaser_boxes`) start none."""
    start = _other_story_start(blocks, zone, boxes)
    return () if start is None else (range(start, blocks[-1].index + 1),)


def heads_a_story(article: list[Block], position: int) -> bool:
    """Whether the heading at `position` of the article's blocks `article` starts a story with its
    byline right under it (`story_byline_at`), no prose between (a credit line, a kicker): a
    subheading over the story's last paragraph and its foot byline ("Wrap-up" over a paragraph
    over "By Devindra Hardawar") starts none."""
    byline_at = story_byline_at(article, position)
    return byline_at is not None and not any(is_prose(block) for block in article[position + 1 : byline_at])


def _other_story_start(blocks: tuple[Block, ...], zone: _Zone, boxes: tuple[range, ...]) -> int | None:
    """The block index of the first heading in the article that starts another story
    (`heads_a_story`: its own "By …" line, then text) after a block of the story's running prose
    (`_PROSE_WORDS` words or more) past its opening (`zone.opening`), in HTML, Markdown and plain
    text alike; None when there is none. A heading before any prose is the story's own (its
    headline over a one-line intro) or a subheading's."""
    if zone.opening is None:
        return None
    article = [block for block in blocks if block.in_article]
    prose = False
    for position, block in enumerate(article):
        if block.index < zone.opening:
            continue
        if prose and block.heading and not any(block.index in box for box in boxes) and heads_a_story(article, position):
            return block.index
        prose = prose or is_prose(block)
    return None


def _outside(found: list[Byline], spans: Callable[[], tuple[range, ...]], opening: int | None) -> list[Byline]:
    """The bylines at blocks outside the spans of block indices `spans` gives (other stories'
    teaser boxes, another story), asked only when a byline stands after the block index
    `opening`."""
    if opening is None or all(byline.index <= opening for byline in found):
        return found
    cut = spans()
    return [byline for byline in found if not any(byline.index in span for span in cut)] if cut else found


def is_teaser_heading(text: str) -> bool:
    """Whether a block's or line's text is only the heading of a list of other stories
    (`_TEASER_HEADING`: "Related Stories", "More from CalMatters", "Lea también"), no story's
    headline."""
    return len(text) <= _TEASER_HEADING_LENGTH and _TEASER_HEADING().match(text.strip()) is not None


def _teaser_boxes(blocks: tuple[Block, ...], zone: _Zone) -> tuple[range, ...]:
    """The spans of block indices of the lists of other stories in the article after the story's
    text has begun (`zone.opening`), in HTML (`<h3>Related</h3>`), Markdown and plain text alike:
    each from its heading (`is_teaser_heading`) to the story's next paragraph of running prose
    (`_resumes_the_story`: a "Related" box in the middle of the story), or to the article's end.
    The bylines inside are those stories' (a card's "By Dan Walters, CalMatters"), never the
    story's: a story with no byline of its own has none, and its foot byline after a box in its
    middle stays its own. One above the story's text (a list before the headline, or between it
    and the byline) is read through, as its end cannot be told."""
    if zone.opening is None:
        return ()
    boxes: list[range] = []
    box_start: int | None = None
    for block in blocks[block_position(blocks, zone.opening) + 1 :]:
        if not block.in_article:
            continue
        if box_start is None:
            box_start = block.index if is_teaser_heading(block.text) else None
        elif _resumes_the_story(block, zone):
            boxes.append(range(box_start, block.index))
            box_start = None
    if box_start is not None:
        boxes.append(range(box_start, blocks[-1].index + 1))
    return tuple(boxes)


def _resumes_the_story(block: Block, zone: _Zone) -> bool:
    """Whether a block after a list of other stories' heading is the story's text going on below
    the list: running prose (`is_prose`) that opens with no "By" and is no part of a teaser
    (`_in_teaser`: a card's summary). A card's headline and byline are shorter than prose."""
    return is_prose(block) and not _BY_LINE().match(block.text) and (block.element is None or not _in_teaser(block.element, zone))


# A wire's credit line at a story's foot: "Reporting by A; Editing by B", in brackets on the copies
# other sites run ("(Reporting by A in London; Additional reporting by B; Editing by C)"), and
# "Writing by A" where a desk wrote the story up. Only these openers: a foot's "By NAME" or
# "Written by NAME" is as often another story's teaser or a platform's account card.
_WIRE_TRAILER = on_first_use(r"^\W{0,2}(?:reporting|reported|writing)\s+by\s", re.IGNORECASE)


def _wire_trailer(blocks: tuple[Block, ...], zone: _Zone, outlets: Set[str]) -> list[Byline]:
    """The story's wire credit line after its body (`_WIRE_TRAILER`), as its byline: asked only
    when no byline above names a person (none, or one that credits the wire alone, "By Reuters"),
    so that the reporter the wire credits at the foot is the story's credited person. The first
    such line of the story's own text that names someone; none in a comment, a sidebar or a
    teaser."""
    for block in blocks:
        if not block.in_article or block.index <= zone.last or len(block.text) > LONGEST_BYLINE:
            continue
        if not _WIRE_TRAILER().match(block.text) or (block.element is not None and _elsewhere(block.element, zone)):
            continue
        reading = read_byline(block.text, outlets=outlets)
        if reading is not None and reading.names:
            return [Byline(quote_byline(block.text, reading.names, outlets), reading, block.index, block.line, "text", block.element)]
    return []


def _without_repeats(found: list[Byline]) -> list[Byline]:
    """The bylines without those that repeat an earlier one: the same people (by `person_key`, as
    the reporter rules compare names: "By JANE DOE" and "Jane Doe") with the same credit, as a
    byline and its copy in an author box, a sticky header or a name link beside the "By" line
    give them. One person is credited once, by the first such byline, or by a repeat inside its
    element, which is the byline itself where the first is markup around it (a header classed
    "author-header" around the headline and the "By" line); a repeat that adds a credit ("Jane
    Doe, ProPublica" under "By Jane Doe") says more, and stays."""
    if len(found) < 2:
        return found
    kept: list[Byline] = []
    first: dict[tuple[frozenset[tuple[str, ...]], str], int] = {}
    for byline in found:
        if byline.names:
            key = (frozenset(person_key(name) for name in byline.names), " ".join(byline.reading.credit.casefold().split()))
            at = first.get(key)
            if at is not None:
                if _inside(byline.element, kept[at].element):
                    kept[at] = byline
                continue
            first[key] = len(kept)
        kept.append(byline)
    return kept


def _inside(element: Any, container: Any) -> bool:
    """Whether `element` is a descendant of `container` (both lxml elements, or None)."""
    if element is None or container is None or element is container or not hasattr(element, "iterancestors"):
        return False
    return any(ancestor is container for ancestor in element.iterancestors())


def _with_pen_names(found: list[Byline], credited: Callable[[], frozenset[str]], outlets: Set[str] = frozenset()) -> list[Byline]:
    """Each byline that is one word alone ("By Ziggy", read as an outlet: nothing in it says whom
    it names), read as that word's name when the page says the word is a person: its metadata
    credits the word as one (`credited_in_metadata`: a JSON-LD author typed `Person`) and it is
    no organisation's word (`is_organisation_word`: SEO plugins type every account a `Person`,
    Yoast the WordPress account "Reuters" that posts a wire's stories), or the
    byline's markup does (`_marked_as_person`) and the word may be a pen name at all
    (`may_be_pen_name`: "By Reuters", "By AP", a pack's outlet stay outlets, whatever links them);
    the others as they are."""
    kept: list[Byline] = []
    for byline in found:
        reading = byline.reading
        word = reading.credit.strip()
        one_word = reading.problem == "outlet" and bool(word) and " " not in word
        credited_person = _credited_key(word) in credited() and not is_organisation_word(word, outlets)
        if one_word and (credited_person or (may_be_pen_name(word, outlets) and _marked_as_person(byline.element, word))):
            byline = replace(byline, reading=BylineReading((word,), "", None, affiliations=((),)))
        kept.append(byline)
    return kept


def links_an_author_page(link: Link) -> bool:
    """Whether a link goes to an author's own page, as a theme links each name of a byline
    (`rel=author`, `/author/jane-doe`, `/people/jane-doe`, `medium.com/@jane`): the page of a
    person, or of an outlet credited as an author (Co-Authors Plus's "ProPublica" guest author at
    `/author/pp/`), never a story."""
    return "author" in (rel.lower() for rel in link.rel) or _AUTHOR_HREF.search(link.href) is not None


def _marked_as_person(element: Any, word: str) -> bool:
    """Whether the byline's element, or an element inside it, marks `word` as a person: a link to
    the author's page (`/author/ziggy`, `/people/ziggy`, `rel=author`) or schema.org microdata
    (`itemprop=author` with `itemtype` Person) whose text is the word (a link's: the word alone;
    microdata's: the word among an opener's, "By Ziggy"). A byline class ("byline", "author") or
    a `<meta name=author>` says no such thing: sites print "By Reuters" in them and name their
    outlet there."""
    if element is None or not hasattr(element, "iter"):
        return False
    key = _credited_key(word)
    for inner in element.iter():
        if not isinstance(inner.tag, str):
            continue
        words = [_credited_key(shown.strip(".,:;")) for shown in normalize_inline(text_of(inner)).split()]
        if key not in words:
            continue
        rel = (inner.get("rel") or "").lower().split()
        itemprop = (inner.get("itemprop") or "").lower().split()
        linked = inner.tag.lower() == "a" and words == [key] and ("author" in rel or bool(_AUTHOR_HREF.search(inner.get("href") or "")))
        if linked or ("author" in itemprop and "person" in (inner.get("itemtype") or "").lower()):
            return True
    return False


# An opener standing alone in its element: "by", "By:", "Written by", "Words by".
_BARE_OPENER = on_first_use(r"^\W{0,3}(?:\w+\s+)?by\W{0,3}$", re.IGNORECASE)


def _with_names_after_bare_openers(found: list[Byline], blocks: tuple[Block, ...], outlets: Set[str]) -> list[Byline]:
    """Each byline that is only an opener ("by" in `<span>by</span>`) joined with the name in the
    block right after it (`<h3><a href="/profile/1">NAME</a></h3>`, which a template lays out on
    the same line): the two are one byline, read as "by NAME", and the name's own byline, if one
    was found, gives way to it. An opener whose next block is no short line, or one that the
    joined reading finds no name in (a date, a button) and no byline markup marks, stays as it
    was (an empty byline)."""
    if not any(byline.reading.problem == "empty" for byline in found):
        return found
    joined: dict[int, Byline] = {}
    taken: set[int] = set()
    marked = {byline.index for byline in found if byline.source == "markup"}
    for byline in found:
        after = _block_after(byline.index, blocks) if byline.reading.problem == "empty" and _BARE_OPENER().match(byline.text) else None
        if after is None or "\n" in after.text or len(after.text) > _LONE_NAME_LENGTH:
            continue
        text = f"{byline.text.strip()} {normalize_inline(after.text)}"
        reading = read_byline(text, require_prefix=True, outlets=outlets)
        if reading is None or not (reading.names or after.index in marked):
            continue  # "by" over a date or a button: the name is still missing
        joined[id(byline)] = Byline(quote_byline(text, reading.names, outlets), reading, byline.index, byline.line, byline.source, byline.element)
        taken.add(after.index)
    return [joined.get(id(byline), byline) for byline in found if id(byline) in joined or byline.index not in taken]


def _block_after(index: int, blocks: tuple[Block, ...]) -> Block | None:
    """The block right after item `index`, with no image or other item between; else None."""
    position = block_position(blocks, index + 1)
    if position >= len(blocks) or blocks[position].index != index + 1:
        return None
    return blocks[position]


def _without_other_works_headers(found: list[Byline], blocks: tuple[Block, ...], headline: Block | None) -> list[Byline]:
    """The bylines without those above the headline and outside the article that credit none of
    the people the story's own byline does, when a byline in the article below the headline names
    someone: a header for another work (a serial's "Super Supportive by Sleyca" over a chapter, a
    site's "by NAME" over the page), not this story's credit."""
    if headline is None or len(found) < 2:
        return found
    in_article = {block.index for block in blocks if block.in_article}
    story = {person_key(name) for byline in found if byline.index > headline.index and byline.index in in_article for name in byline.names}
    if not story:
        return found
    return [
        byline for byline in found if byline.index > headline.index or byline.index in in_article or any(person_key(name) in story for name in byline.names)
    ]


def _without_cards_after_the_story(found: list[Byline], blocks: tuple[Block, ...]) -> list[Byline]:
    """The bylines without those after the story that credit someone its byline does not: when the
    story has a byline above its body (fewer than `_PROSE_BLOCKS_TO_SCAN` paragraphs of prose
    before it), a byline with prose between it and that one is an author card or a platform's
    "Written by <account>" box at the story's foot, whose account is not the story's author, or
    one that names no person ("Valley Ledger"). One that names only people the bylines above the
    body credit stays: an author box that gives the story's author's affiliation ("Jake Smith,
    Daily Caller News Foundation") still gives it."""
    if len(found) < 2:
        return found
    prose = [block.index for block in blocks if block.in_article and len(block.text.split()) >= _PROSE_WORDS]
    lead = found[0].index
    if bisect.bisect_left(prose, lead) >= _PROSE_BLOCKS_TO_SCAN:
        return found  # no byline above the body: the first is wherever the story credits its author
    body_before_lead = bisect.bisect_right(prose, lead)
    above = {id(byline) for byline in found if bisect.bisect_right(prose, byline.index) == body_before_lead}
    # One person however the card spells the name (`person_key`: "JOSE DIAZ" above, "José Díaz" in the card).
    credited = {person_key(name) for byline in found if id(byline) in above for name in byline.names}
    story_lines = _credit_in_the_text(blocks, prose) if not credited else None
    return [
        byline
        for byline in found
        if id(byline) in above
        or (byline.names and all(person_key(name) in credited for name in byline.names))
        or (story_lines is not None and story_lines(byline))
    ]


# The elements a line of the story stands in: a paragraph, or a box of its own.
_BOX_TAGS = frozenset({"p", "div", "section", "aside", "li", "footer", "header", "blockquote", "figure", "table", "address"})


def _self_and_ancestors(element: Any) -> Iterator[Any]:
    yield element
    yield from element.iterancestors()


def _credit_in_the_text(blocks: tuple[Block, ...], prose: list[int]) -> Callable[[Byline], bool]:
    """Whether a byline after the body is the story's own credit, when the bylines above the body
    name no person (only an outlet: "By The Conversation", the account a republisher posts a
    source's stories under): a line of the story's own text (a paragraph beside the body's, not
    a box after it) that names people with their affiliation ("NAME, Professor of X, University
    Y" over "This article is republished from The Conversation", as the source's republishing
    code closes the story). A platform's account card ("Written by <account>", a follow button)
    stands in a box of its own, and gives no affiliation."""
    parents = {element.getparent() for index in prose if (element := blocks[block_position(blocks, index)].element) is not None}
    parents.discard(None)

    def own_line(byline: Byline) -> bool:
        if not byline.names or not byline.reading.credit.strip() or not parents:
            return False
        position = block_position(blocks, byline.index)
        element = blocks[position].element if position < len(blocks) and blocks[position].index == byline.index else None
        # The paragraph that holds the line (`<p><span><a>NAME</a>, <em>Title</em></span></p>`).
        paragraph = next((node for node in _self_and_ancestors(element) if node.tag in _BOX_TAGS), None) if element is not None else None
        return paragraph is not None and paragraph.tag == "p" and paragraph.getparent() in parents

    return own_line


def _with_affiliation_lines(found: list[Byline], blocks: tuple[Block, ...], zone: _Zone, outlets: Set[str]) -> list[Byline]:
    """Each byline that names people and no affiliation, joined with the block right after it when
    that block is only an outlet or affiliation line ("By NAME" over "ProPublica", over "Professor
    of X, University Y", over `<p class="author-org">Outlet</p>`). The line then reads as that
    byline's affiliation, not as a byline of its own that credits an outlet."""
    taken: set[int] = set()
    joined: list[Byline] = []
    for byline in found:
        after = _affiliation_after(byline, blocks, zone, outlets) if byline.names and not byline.reading.credit else None
        if after is None:
            joined.append(byline)
            continue
        paired = _paired_with(byline.text, byline.names, after.text, outlets)
        if paired is None:
            joined.append(byline)
            continue
        text, reading = paired
        taken.add(after.index)
        joined.append(Byline(quote_byline(text, reading.names, outlets), reading, byline.index, byline.line, byline.source, byline.element))
    return [byline for byline in joined if byline.names or byline.index not in taken]


def _affiliation_after(byline: Byline, blocks: tuple[Block, ...], zone: _Zone, outlets: Set[str]) -> Block | None:
    """The block right after the byline's (no image or other block between) when it is an
    affiliation line in the byline's zone, outside the byline's own markup; else None."""
    position = block_position(blocks, byline.index + 1)
    if position >= len(blocks):
        return None
    after = blocks[position]
    if after.index != byline.index + 1 or after.heading or not zone.covers(after.index, after.in_article):
        return None
    if affiliation_line(after.text, outlets) is None or byline.text.endswith(after.text):
        return None  # not an affiliation line, or one the byline's own reading joined already
    element = after.element
    if element is not None and ((byline.element is not None and _contains(byline.element, element)) or _elsewhere(element, zone)):
        return None
    return after


def _zone(blocks: tuple[Block, ...], headline: Block | None, article_root: Any, own_pages: tuple[str, ...] = (), base_url: str | None = None) -> _Zone:
    """From a few blocks before the headline to the first block of running prose after it."""
    start = headline.index if headline is not None else next((b.index for b in blocks if b.in_article), 0)
    prose = next((b for b in blocks if b.index > start and b.in_article and len(b.text.split()) >= _PROSE_WORDS), None)
    opening = _story_opening(blocks, start, prose)
    body_start = block_element(opening.element) if opening is not None and opening.element is not None else None
    return _Zone(
        max(0, start - _ZONE_BEFORE_HEADLINE),
        prose.index if prose is not None else start,
        headline.element if headline is not None else None,
        article_root,
        {},
        body_start,
        own_pages,
        base_url,
        opening.index if opening is not None else None,
    )


def _story_opening(blocks: tuple[Block, ...], start: int, prose: Block | None) -> Block | None:
    """The story's first block of text after the block index `start` (its headline's): the first
    block of running prose (`prose`), or an earlier sentence of the article's (`_OPENING_WORDS`
    words or more, ending as a sentence does: "Officials declined to comment."), which a short
    story's paragraphs all are. Not a heading, a "By …" line or a caption's sentence."""
    end = prose.index if prose is not None else None
    for block in blocks:
        if end is not None and block.index >= end:
            break
        if block.index <= start or not block.in_article or block.heading or len(block.text.split()) < _OPENING_WORDS:
            continue
        text = block.text.strip()
        if _SENTENCE_END().search(text) and not _BY_LINE().match(text) and not _in_caption(block.element):
            return block
    return prose


def _in_caption(element: Any) -> bool:
    """Whether the element is or sits in a picture's caption or figure (None: a line of text)."""
    return element is not None and any(node.tag in _ELSEWHERE_TAGS for node in _self_and_ancestors(element) if isinstance(node.tag, str))


# The most blocks read for a "By …" line from the top of the zone when prose never comes: far
# more than any navigation pushes a byline down, far fewer than a page of thousands of lines.
_MOST_BLOCKS_SCANNED = 1000
# The most byline markup read on one page, in page order. An article's byline comes first, and
# a page with more byline markup than this (a hostile one, or a listing of thousands of stories)
# would otherwise cost a reading each.
_MOST_MARKUP_BYLINES = 500


def _markup_bylines(marks: list[BylineMark], blocks: tuple[Block, ...], zone: _Zone, seen_blocks: set[int], outlets: Set[str]) -> list[Byline]:
    """One byline per outermost byline markup: the outermost element that names a person, else the
    first element inside it that does, else what the outermost one says ("By Courier Staff");
    the first `_MOST_MARKUP_BYLINES` in or near the article only."""
    found: list[Byline] = []
    read = 0
    for cluster in _clusters(_byline_sized(marks, blocks, zone)):
        head = cluster[0]
        if not zone.covers(head.index, head.in_article) and not _near_article(head.index, blocks) and not _in_own_article(head.element, zone):
            continue
        if _elsewhere(head.element, zone):
            continue  # a byline on a "related stories" card, in a comment or in a sidebar
        read += 1
        if read > _MOST_MARKUP_BYLINES:
            break  # no article credits so many: a page of thousands costs no more than this
        chosen = _chosen_mark(cluster, outlets)
        if chosen is None:
            continue
        mark, text, reading = chosen
        block_index = _block_at(mark.index, blocks, mark.element)
        if block_index is not None:
            block = blocks[block_position(blocks, block_index)]
            if _acknowledges(block, reading.names):
                continue  # "Thanks to <a href="/@asad">Asad Chishti</a>", "Edited by …": not an author
            seen_blocks.add(block_index)
            if len(reading.names) > 1:
                # An author block of several people over several blocks is one byline: no block
                # of it is read again as a byline of its own.
                seen_blocks.update(_blocks_inside(mark.element, blocks, block_index))
            text, reading = _with_block_credit(mark, text, reading, block, outlets)
        found.append(
            Byline(
                quote_byline(text, reading.names, outlets),
                reading,
                block_index if block_index is not None else mark.index,
                mark.element.sourceline or 1,
                "markup",
                mark.element,
            )
        )
    return found


def _chosen_mark(cluster: list[BylineMark], outlets: Set[str]) -> tuple[BylineMark, str, BylineReading] | None:
    """The mark of a cluster that gives its byline, with its text and reading: the outermost one
    that names people, else the first inside it that does, else the outermost one's reading (a
    byline that names no one); None when none reads. When the outer one took a label for the name
    (`_label_over_name_markup`), the name markup's reading gives the byline."""
    head = cluster[0]
    chosen = None
    # The texts of the byline markup inside the outer mark: a line that is one of them is a name
    # the page marks as an author's, a person even where a town shares it (`read_listed_lines`).
    marked = frozenset(normalize_inline("".join(mark.capture)) for mark in cluster[1:])
    for mark in cluster:
        text, reading = _read_mark(mark, outlets, marked)
        if reading is not None and (reading.names or (chosen is None and mark is head)):
            chosen = (mark, text, reading)
            if reading.names:
                break
    if chosen is None or chosen[0] is not head or not chosen[2].names:
        return chosen
    return _label_over_name_markup(cluster, chosen[2].names, outlets) or chosen


def _label_over_name_markup(cluster: list[BylineMark], names: tuple[str, ...], outlets: Set[str]) -> tuple[BylineMark, str, BylineReading] | None:
    """The name markup inside the cluster's outer mark (`_is_name_markup`) and its reading, when
    the outer mark's reading (`names`) names people on lines of their own that no name markup
    holds (beside, maybe, the marked one), while that markup names someone: a heading "Inside
    Politics" over `<span itemprop="name">NAME</span>`, a label the outer reading took for a
    name. None otherwise."""
    marked = [mark for mark in cluster[1:] if _is_name_markup(mark.element)]
    marked_texts = [text for mark in marked if (text := normalize_inline("".join(mark.capture)))]
    # The outer reading may name the marked person too, after the label, when it reads each line
    # as an author (`read_listed_lines`): the names no name markup holds are the label's.
    unmarked = [name for name in names if not any(name in text for text in marked_texts)]
    if not marked_texts or not unmarked:
        return None
    # Only a line of its own over the name markup is a label; on the name's line, the outer
    # reading is a list of names ("By A, <a rel=author>B</a>") and stands.
    lines = normalize("".join(cluster[0].capture)).split("\n")
    if any(name in line and any(text in line for text in marked_texts) for line in lines for name in unmarked):
        return None
    for mark in marked:
        text, reading = _read_mark(mark, outlets)
        if reading is not None and reading.names:
            return mark, text, reading
    return None


def _is_name_markup(element: Any) -> bool:
    """Whether the element holds a byline's name by its markup: `itemprop="name"`, a name class
    ("author-name", "fn"), a `rel="author"` link or a link to an author's page."""
    itemprop = (element.get("itemprop") or "").lower().split()
    classes = class_tokens(element.get("class") or "")
    rel = (element.get("rel") or "").lower().split()
    href = element.get("href") or ""
    return "name" in itemprop or bool(_NAME_CLASSES & classes) or "author" in rel or (element.tag == "a" and bool(_AUTHOR_HREF.search(href)))


def _blocks_inside(element: Any, blocks: tuple[Block, ...], first: int) -> Iterator[int]:
    """The indices of the blocks from `first` on that lie inside `element`, up to the first that
    does not."""
    for block in blocks[block_position(blocks, first) :]:
        if block.element is None or not _contains(element, block.element):
            return
        yield block.index


def _byline_sized(marks: list[BylineMark], blocks: tuple[Block, ...], zone: _Zone) -> list[BylineMark]:
    """The byline markup that does not hold the whole story: a page-level container classed like
    byline markup (`<div id="page" class="site author-4326">` around the page, an `<article
    class="author-jane">` around the story) describes the page, and its text is the story, not a
    byline. Markup that was byline markup only for being inside such a container (an element
    classed `name`) is left out with it; byline markup inside it on its own counts."""
    if not marks:
        return marks
    holders = _story_holders(blocks, zone)
    if not any(mark.element in holders for mark in marks):
        return marks
    kept: list[BylineMark] = []
    for mark in marks:
        if mark.element in holders:
            continue
        if not (kept and _contains(kept[-1].element, mark.element)) and not _is_markup_alone(mark.element):
            continue  # a name holder whose byline markup was a page-level container
        kept.append(mark)
    return kept


def _story_holders(blocks: tuple[Block, ...], zone: _Zone) -> set[Any]:
    """The elements that hold the whole story: the article's root element and its ancestors, and
    the elements that hold both its headline and the first paragraph of its body. Gathered once,
    so that each byline mark is asked about in one look-up, however deep the page."""
    holders: set[Any] = set()
    if zone.article_root is not None:
        holders.add(zone.article_root)
        holders.update(zone.article_root.iterancestors())
    position = block_position(blocks, zone.last)
    body = blocks[position].element if position < len(blocks) else None
    if zone.headline is not None and body is not None and body is not zone.headline:
        above_headline = {zone.headline, *zone.headline.iterancestors()}
        holders.update(node for node in (body, *body.iterancestors()) if node in above_headline)
    return holders


def _is_markup_alone(element: Any) -> bool:
    """Whether the element is byline markup by its own tag and attributes, not only for being
    inside other byline markup."""
    return isinstance(element.tag, str) and is_byline_markup(element, element.tag.lower())


# A line that thanks people rather than credits them: "Thanks to NAME", "With thanks to NAME",
# "Special thanks to NAME", "Acknowledgements: NAME", "Thank you to NAME".
_ACKNOWLEDGEMENT = on_first_use(r"^\W{0,3}(?:(?:with|special|many|our)\s+)?(?:thanks|thank\s+you)\s+to\b|^\W{0,3}acknowledge?ments?\b", re.IGNORECASE)


def _acknowledges(block: Block, names: tuple[str, ...]) -> bool:
    """Whether the block's line that holds the names thanks them (see `_ACKNOWLEDGEMENT`) or
    credits them for a part of the work ("Edited by", "Photos by": `is_part_credit`): a
    platform's "Thanks to" line, like an editor's credit, links the people it names to their
    profiles, as a byline does, but they are not the story's authors."""
    if not names:
        return False
    lines = (line for line in block.text.split("\n") if all(name in line for name in names))
    return any(_ACKNOWLEDGEMENT().match(line) or is_part_credit(line) for line in lines)


def _read_mark(mark: BylineMark, outlets: Set[str], marked: Set[str] = frozenset()) -> tuple[str, BylineReading | None]:
    """What byline markup says, read as a browser lays out its inline elements: words that meet
    at an element boundary without a space are one word ("Reu<b></b>ters", "Daily Caller News
    <span>Foun</span>dation"). Read so, a name may run into the part after it, when the page's
    stylesheet (which is not read) lays sibling elements out apart (`<span class="author">Jake
    Smith</span><span class="role">Daily Caller News Foundation reporter</span>`): then, or when
    read so it names nobody, the parts are read apart, as lines (see `_read_capture`), and that
    reading stands when it names people."""
    captured = "".join(mark.capture)
    unlabelled = _without_labels(captured, _label_texts(mark.element), outlets)
    if unlabelled != captured:
        text, reading = _read_capture(unlabelled, outlets, marked)
        if reading is not None and reading.names:
            return text, reading
    text, reading = _read_capture(captured, outlets, marked)
    if not mark.seams:
        return text, reading
    pieces = list(mark.capture)
    for seam in reversed(mark.seams):
        pieces.insert(seam, "\n")
    apart = "".join(pieces)
    apart_lines = [line.strip() for line in normalize(apart).split("\n") if line.strip()]
    several = _authors_over_titles(apart_lines, outlets)
    if several is not None:
        return " / ".join(apart_lines), several  # each author's name and title laid out apart
    if reading is not None and reading.names:
        lines = normalize(apart).split("\n")
        if all(any(name in line for line in lines) for name in reading.names):
            return text, reading  # no name runs across a seam: the line as a reader sees it
    apart_text, apart_reading = _read_capture(apart, outlets, marked)
    if apart_reading is not None and apart_reading.names:
        return apart_text, apart_reading
    return text, reading


# What a class or its parts call a label in an author box ("kicker", "c-byline__section",
# "post-category"), and the pages a label links to (a category's, a tag's, a topic's, a section's).
_LABEL_CLASS_WORDS = frozenset("kicker eyebrow overline rubric section sections category categories label tag tags topic topics".split())
_LABEL_HREF = on_first_use(r"/(?:category|categories|tags?|topics?|sections?)/", re.IGNORECASE)
# What stands between a label and the name on one line: spaces, bars, bullets, colons, dashes.
_LABEL_EDGES = " |•·:/" + DASHES + "-"


def _label_texts(element: Any) -> frozenset[str]:
    """The texts of the elements inside byline markup that the page marks as a label, by class
    (`_LABEL_CLASS_WORDS`) or by a link to a category, tag, topic or section page: a topic's or a
    section's name over or before the author ("Inside Politics", "Morning Briefing"), which opens
    with no word a list of topics could know."""
    texts: set[str] = set()
    for node in element.iterdescendants():
        if not isinstance(node.tag, str):
            continue
        if names(node, _LABEL_CLASS_WORDS, ids=False) or (node.tag == "a" and _LABEL_HREF().search(node.get("href") or "")):
            text = normalize_inline(text_of(node))
            if text:
                texts.add(text)
    return frozenset(texts)


def _without_labels(captured: str, labels: Set[str], outlets: Set[str]) -> str:
    """Byline markup's text without the labels in it (`_label_texts`) that read as a name: a
    label's line, or a label before or after the name on its line. Other labels ("By", "Staff
    Writer") stay, as does the text when nothing else is left."""
    misread = [label for label in labels if (reading := read_byline(label, outlets=outlets)) is not None and reading.names]
    if not misread:
        return captured
    kept: list[str] = []
    for line in captured.split("\n"):
        shown = normalize_inline(line)
        for label in misread:
            shown = _without_label(shown, label)
        if shown:
            kept.append(shown)
    return "\n".join(kept) if kept else captured


def _without_label(line: str, label: str) -> str:
    """`line` without `label` where the label is the whole line, or stands at its start or end
    parted from the rest by a separator (at the start also by a capital: two elements glued,
    "Runoff SeasonSarah Jane Tribble"); else `line`."""
    if line == label:
        return ""
    if line.startswith(label):
        rest = line[len(label) :]
        if (rest[0] in _LABEL_EDGES or rest[0].isupper()) and not _JOINED_NAME().match(rest):
            return rest.lstrip(_LABEL_EDGES)
    if line.endswith(label) and line[: -len(label)].rstrip()[-1:] in _LABEL_EDGES.strip():
        return line[: -len(label)].rstrip(_LABEL_EDGES)
    return line


# What joins a name to the one before it in a list of authors: "and", "&", a comma.
_JOINED_NAME = on_first_use(r"^\s*(?:,|&|and\b)", re.IGNORECASE)


def _read_capture(captured: str, outlets: Set[str], marked: Set[str] = frozenset()) -> tuple[str, BylineReading | None]:
    """What byline markup's text says, read as one line; and, when the markup holds its parts as
    lines of their own (blocks, or elements laid out apart), line by line where that one line
    names nobody, names people without an affiliation, or runs a name across two lines ("Patrick
    Allan" over the "Profile", "Follow" buttons of an author box). Read line by line, the first
    line that names people is the byline, joined with the next line when that one is only an
    outlet or affiliation (`<div>By NAME</div><div>Outlet</div>`); `(text, None)` when the one
    line ran a name across lines and no line names anyone. Read as one line, the text is quoted
    as the page's lines ("By NAME / Outlet"): no ", " or " " joins them on the page."""
    text = normalize_inline(captured)
    reading = read_byline(text, outlets=outlets)
    if "\n" not in captured:
        return text, reading
    lines = [line.strip() for line in normalize(captured).split("\n") if line.strip()]
    several = _authors_over_titles(lines, outlets)
    if several is not None:
        return " / ".join(lines), several
    if len(lines) > _BYLINE_LINES:
        return text, reading  # a table or a box of many lines (an infobox), not a byline's parts
    # A label over the byline (a topic's `<h6>Tech Industry</h6>` in an author box), and a
    # section's or desk's line over or under the names ("Real Estate", "Business Desk"): no part
    # of it, neither an author nor the institution of the line before it.
    opening = _opening_line(lines, outlets)
    kept = [line for line in lines[opening:] if not is_section_label(line)] or lines[opening:]
    if len(kept) < len(lines):
        lines = kept
        text = normalize_inline(" ".join(lines))
        reading = read_byline(text, outlets=outlets)
    return _read_lines(lines, text, reading, outlets, marked)


def _read_lines(lines: list[str], text: str, reading: BylineReading | None, outlets: Set[str], marked: Set[str]) -> tuple[str, BylineReading | None]:
    """`_read_capture` of byline markup's lines (`lines`), given their reading as one line
    (`text`, `reading`): that reading, the lines read as a list of authors (`_listing_more`), or
    the first line that names people (`_first_naming_line`)."""
    # A name is never split across two lines: read so, the words of two parts are no one's name.
    crosses = reading is not None and any(all(name not in line for line in lines) for name in reading.names)
    listed = _listing_more(lines, reading, crosses, outlets, marked)
    if listed is not None:
        return " / ".join(lines), listed
    titled = _name_over_title_lines(lines, outlets)
    if titled is not None:
        return " / ".join(lines), titled
    if reading is not None and reading.names and reading.credit and not crosses:
        return " / ".join(lines), reading  # read as one line, quoted as the page's lines
    by_line = _first_naming_line(lines, outlets)
    if by_line is None:
        # Quoted as the page's lines whether it names someone or not: a failing byline's evidence
        # shows "Outlet / May 2, 2024" as a passing one does, not "Outlet May 2, 2024".
        return (text, None) if crosses else (" / ".join(lines), reading)
    line, alone, paired = by_line
    # The joined reading stands when it names people without running across lines, unless a line
    # and its affiliation line say more.
    if reading is not None and reading.names and not crosses and not paired:
        return " / ".join(lines), reading
    return line, alone


def _name_over_title_lines(lines: list[str], outlets: Set[str]) -> BylineReading | None:
    """The reading of an author box of a name line over its job title and institution on one line
    or two ("Renata Okafor" / "Associate Professor of Hydrology" / "Northern Plains University"),
    read as "NAME, TITLE, INSTITUTION" (`title_and_institution`); None for other lines."""
    if len(lines) not in (2, 3) or len(lines[0]) > _LONE_NAME_LENGTH or person_name(lines[0], outlets) != lines[0]:
        return None
    return title_and_institution(lines[0], ", ".join(lines[1:]), outlets)


def _listing_more(lines: list[str], reading: BylineReading | None, crosses: bool, outlets: Set[str], marked: Set[str] = frozenset()) -> BylineReading | None:
    """The reading of a byline's lines with each line break parting one author from the next
    (`read_listed_lines`: "Renata Okafor, Northern Plains University" over "Ana Ruiz", as a CMS
    prints one author a line), when it names everyone the lines read as one line name and more,
    each within a line; else None. Read as one line, the later author ran into the first one's
    credit ("Northern Plains University Ana Ruiz") or into their name ("Ana Ruiz Ben Cole")."""
    listed = read_listed_lines(lines, outlets, marked)
    if listed is None or any(all(name not in line for line in lines) for name in listed.names):
        return None
    before = set() if reading is None or crosses else set(reading.names)
    return listed if before < set(listed.names) else None


# An author block lists a dozen people at most, each over a title line.
_MOST_AUTHOR_LINES = 24


def _authors_over_titles(lines: list[str], outlets: Set[str]) -> BylineReading | None:
    """The reading of an author block that lists several people, each a name line over a line of
    job title and institution (`title_and_institution`) or over none ("Maria Chen" / "Assistant
    Professor of Biology, University of Michigan" / "Tomás Ibarra" / "Lecturer in Law, University
    of Leeds"): every name, each with its own institutions. None unless every line is such a name
    or title line, two people at least are named and one of them has a title line; read as one
    line, the block would give the first name every institution and drop the others."""
    if len(lines) > _MOST_AUTHOR_LINES:
        return None
    names: list[str] = []
    affiliations: list[tuple[str, ...]] = []
    credits: list[str] = []
    position = 0
    while position < len(lines):
        name = lines[position]
        if len(name) > _LONE_NAME_LENGTH or person_name(name, outlets) != name:
            return None
        following = lines[position + 1] if position + 1 < len(lines) else ""
        titled = title_and_institution(name, following, outlets) if following else None
        names.append(name)
        affiliations.append(titled.affiliations[0] if titled is not None else ())
        if titled is not None:
            credits.append(titled.credit)
        position += 2 if titled is not None else 1
    if len(names) < 2 or not credits:
        return None
    credit = ", ".join(credits)
    return BylineReading(tuple(names), credit, None, quoted_credit=credit, affiliations=tuple(affiliations))


def _opening_line(lines: list[str], outlets: Set[str]) -> int:
    """Where the byline opens among a byline box's lines: the first line that opens with "By" and
    names people, when the lines above it open with no "By" (a topic or section label, a kicker);
    0 when the first line opens it or none does."""
    for position, line in enumerate(lines):
        if not _BY_OPENER().match(line):
            continue
        reading = read_byline(line, require_prefix=True, outlets=outlets)
        if reading is not None and reading.names:
            return position
        return 0  # "Written by" over the name: the byline opens here, with no name in its line
    return 0


def _first_naming_line(lines: list[str], outlets: Set[str]) -> tuple[str, BylineReading, bool] | None:
    """The first line that names people, read, and joined with the line after it when that one is
    only an outlet or affiliation (the third value says so); None when no line names anyone."""
    for position, line in enumerate(lines):
        alone = read_byline(line, outlets=outlets)
        if alone is None or not alone.names:
            continue
        following = lines[position + 1] if position + 1 < len(lines) else ""
        outlet = affiliation_line(following, outlets) if following and not alone.credit else None
        paired = _paired_with(line, alone.names, outlet, outlets) if outlet is not None else None
        return (*paired, True) if paired is not None else (line, alone, False)
    return None


def _joined(text: str, affiliation: str) -> str:
    """A byline's text and its affiliation line as one line: "By NAME, Outlet" (separators the
    byline ends with are read off, so "By NAME |" over "Outlet" does not read "By NAME |, Outlet")."""
    return f"{text.rstrip(' ,;|')}, {affiliation}"


def _as_lines(text: str, affiliation: str) -> str:
    """A byline's text and the affiliation on the line below it, quoted as one line shows two:
    "By NAME / From the Outlet". The evidence shows what the page shows; the two are read as
    one byline (`_joined`), but no ", " stands between them on the page."""
    return f"{text.rstrip(' ,;|')} / {affiliation}"


def _paired_with(text: str, names: tuple[str, ...], affiliation: str, outlets: Set[str], *, same_line: bool = False) -> tuple[str, BylineReading] | None:
    """A byline's text with its affiliation line, shown as two lines (`_as_lines`, or joined as one
    when `same_line`), and the reading of the two joined (`_joined`), when they read together as a
    byline that names the same people (`names`); else None."""
    paired = _joined(text, affiliation)
    reading = read_byline(paired, outlets=outlets)
    if reading is None or reading.names != names:
        return None
    return (paired if same_line else _as_lines(text, affiliation)), reading


def _with_block_credit(mark: BylineMark, text: str, reading: BylineReading, block: Block, outlets: Set[str]) -> tuple[str, BylineReading]:
    """A markup byline that names people without a credit, with the credit its block gives: the
    rest of its line (`_with_line_credit`), else its next sibling's affiliation
    (`_with_sibling_affiliation`); else the markup's own text and reading."""
    if not reading.names or reading.credit:
        return text, reading
    text, reading = _with_line_credit(text, reading, block, outlets)
    if reading.credit:
        return text, reading
    return _with_sibling_affiliation(mark.element, text, reading, block, outlets)


def _with_line_credit(text: str, reading: BylineReading, block: Block, outlets: Set[str]) -> tuple[str, BylineReading]:
    """The line of the page that holds the byline markup, and its reading, when the line reads as a
    byline on its own that names the same people with a credit (`By <span class="author">NAME</span>,
    Outlet`: the markup holds the name, the outlet follows it in the line); else the markup's own
    text and reading. The line may name more people than the markup does (`by <a>NAME</a>, The
    Texas Tribune, and Ana Ruiz, ProPublica`: only the first name linked), as long as it names
    the markup's: a byline reads the same with its names linked or not. A sentence that links an
    author's name does not read as a byline."""
    for line in block.text.split("\n"):
        if not all(name in line for name in reading.names):
            continue
        whole = read_byline(line, require_prefix=True, outlets=outlets)
        if whole is not None and set(reading.names) <= set(whole.names) and (whole.credit or len(whole.names) > len(reading.names)):
            return normalize_inline(line), whole
    return text, reading


def _with_sibling_affiliation(element: Any, text: str, reading: BylineReading, block: Block, outlets: Set[str]) -> tuple[str, BylineReading]:
    """The byline markup's text joined with its next sibling element's when that sibling is only an
    outlet or affiliation on the same line of the page (`<span class="author">NAME</span><span
    class="role">Outlet reporter</span>`, laid out apart by the stylesheet), and the reading of
    the two; else the markup's own. The sibling's text counts only as the block shows it, right
    after the name: a hidden sibling is not in the block's visible text."""
    if (element.tail or "").strip():
        return text, reading
    sibling = element.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    if sibling is None:
        return text, reading
    outlet = affiliation_line(text_of(sibling), outlets)
    if outlet is None or _compact(text + outlet) not in _compact(block.text):
        return text, reading
    return _paired_with(text, reading.names, outlet, outlets, same_line=True) or (text, reading)


def _compact(text: str) -> str:
    return "".join(text.split())


def _clusters(marks: list[BylineMark]) -> list[list[BylineMark]]:
    """Byline markup grouped by its outermost element, in document order."""
    clusters: list[list[BylineMark]] = []
    for mark in marks:
        if clusters and _contains(clusters[-1][0].element, mark.element):
            clusters[-1].append(mark)
        else:
            clusters.append([mark])
    return clusters


def _text_bylines(blocks: tuple[Block, ...], zone: _Zone, seen_blocks: set[int], outlets: Set[str], credited: Callable[[], frozenset[str]]) -> list[Byline]:
    """ "By …" lines from the top of the zone until a few paragraphs of prose have gone by: no fixed
    number of lines, since navigation can push the byline far down (but at most
    `_MOST_BLOCKS_SCANNED` blocks, on a page where prose never comes)."""
    found: list[Byline] = []
    prose = 0
    start = block_position(blocks, zone.first)
    for block in blocks[start : start + _MOST_BLOCKS_SCANNED]:
        # Below the story's opening, a "Related Stories" or "More from …" box heads other stories'
        # teasers, whose bylines `find_bylines` leaves out (`_teaser_boxes`); the story's text and
        # its foot byline may go on after it.
        if prose >= _PROSE_BLOCKS_TO_SCAN:
            break
        if not zone.covers(block.index, block.in_article or _in_article_header(block.element, zone)):
            continue
        if len(block.text.split()) >= _PROSE_WORDS and block.in_article:
            prose += 1
        if block.index in seen_blocks or block.heading or (block.element is not None and block.element is zone.headline):
            continue
        under_byline = block.index - 1 in seen_blocks or (bool(found) and found[-1].index + 1 == block.index)
        byline = _text_byline(block, blocks, zone, outlets, under_byline=under_byline)
        byline = byline or _name_over_title(block, blocks, zone, outlets) or _name_over_affiliation(block, blocks, zone, outlets)
        byline = byline or _lone_name_byline(block, zone, credited)
        if byline is not None:
            found.append(byline)
    return found


def _name_over_affiliation(block: Block, blocks: tuple[Block, ...], zone: _Zone, outlets: Set[str]) -> Byline | None:
    """A block that is only a person's name over a block that is only an outlet line naming a
    pack's outlet (`outlets`: "Nick Pope" over "From the Daily Caller News Foundation", an author
    box's name and outlet as two paragraphs): the byline "NAME, OUTLET", quoted as the page's two
    lines. Not a name alone (see `_lone_name_byline`), nor a name over another body ("Maria Chen"
    over "University of Michigan": a caption's or a contact's as likely as a byline's), nor one
    whose next block is the story."""
    if "\n" in block.text or block.heading:
        return None
    name = normalize_inline(block.text)
    if len(name) > _LONE_NAME_LENGTH or person_name(name, outlets) != name:
        return None
    alone = Byline(name, BylineReading((name,), "", None), block.index, block.line, "text", block.element)
    after = _affiliation_after(alone, blocks, zone, outlets)
    if after is None or (block.element is not None and _elsewhere(block.element, zone)):
        return None
    paired = _paired_with(name, (name,), normalize_inline(after.text), outlets)
    if paired is None or not _names_an_outlet_of(paired[1].credit, outlets):
        return None
    return Byline(quote_byline(paired[0], paired[1].names, outlets), paired[1], block.index, block.line, "text", block.element)


def _text_byline(block: Block, blocks: tuple[Block, ...], zone: _Zone, outlets: Set[str], *, under_byline: bool = False) -> Byline | None:
    """The byline a block's "By …" line (or a line read as one) gives, with the lines under it
    that go on with it; None when there is none. `under_byline`: the block comes right after a
    byline's, where a town and its region ("Rose Hill, Va.") is the byline's dateline, which the
    reader would take for a name and its credit for want of an opener; only there is the
    gazetteer asked about such a line."""
    lines = block.text.split("\n")
    for position, line in enumerate(lines):
        reading = read_byline(line, require_prefix=True, outlets=outlets)
        if reading is None:
            continue
        if (under_byline or position > 0) and reading.names and reading.credit and is_dateline_line(line):
            continue
        if block.element is not None and _elsewhere(block.element, zone):
            return None
        text = normalize_inline(line)
        listed = _listed_below(text, reading, _lines_below(lines, position, block, blocks, outlets), outlets)
        if listed is not None:
            return Byline(quote_byline(listed[0], listed[1].names, outlets), listed[1], block.index, block.line, "text", block.element)
        if reading.names and not reading.credit:
            # "By NAME" with the outlet on the line after it: after a line break in the same
            # paragraph (`By Jake Smith<br>Daily Caller News Foundation`), or the next line of a
            # plain-text article ("BY NAME DATE" over the outlet).
            if position + 1 < len(lines):
                outlet = affiliation_line(lines[position + 1], outlets)
                joined = _joined(text, outlet) if outlet else None
            else:
                outlet = _outlet_line(blocks, block.index + 1, outlets) if block.element is None else None
                joined = f"{text} {outlet}" if outlet else None
            # Unlike `_paired_with`, the joined text stands whatever people its reading names.
            if joined is not None and outlet is not None:
                reading = read_byline(joined, outlets=outlets) or reading
                text = _as_lines(text, outlet)
        return Byline(quote_byline(text, reading.names, outlets), reading, block.index, block.line, "text", block.element)
    return None


def _lines_below(lines: list[str], position: int, block: Block, blocks: tuple[Block, ...], outlets: Set[str]) -> list[str]:
    """The lines under a "By" line that may go on with its byline: the rest of its paragraph (after
    a `<br>`), or in plain text and Markdown, whose lines are blocks of their own, the lines right
    under it with no blank line between, up to one that is a byline of its own ("Ana Ruiz, Mayo
    Clinic", a list's next item), read in its turn; normalised, at most `_BYLINE_LINES` in all."""
    below = [normalize_inline(later).strip() for later in lines[position + 1 : position + _BYLINE_LINES]]
    if position + 1 == len(lines) and block.element is None:
        after = _block_after(block.index, blocks)
        line = block.line
        while after is not None and after.element is None and after.line == line + 1 and len(below) < _BYLINE_LINES - 1 and "\n" not in after.text:
            own = read_byline(after.text, require_prefix=True, outlets=outlets)
            if own is not None and own.names:
                break
            below.append(normalize_inline(after.text).strip())
            line = after.line
            after = _block_after(after.index, blocks)
    return [shown for shown in below if shown]


def _listed_below(text: str, reading: BylineReading, below: list[str], outlets: Set[str]) -> tuple[str, BylineReading] | None:
    """A "By" line and the lines under it (`_lines_below`) read with each line break parting one
    author from the next (`_listing_more`: `By NAME, Uni X<br>NAME`, one author a line), and the
    lines it reads, as the page's lines ("By NAME, Uni X / NAME"); None when the lines under it
    add no one."""
    if not below or not reading.names:
        return None
    listed = _listing_more([text, *below], reading, False, outlets)
    if listed is None:
        return None
    # The lines up to the last that holds a name: what comes after (a date, the story) is no part of it.
    shown = [text, *below]
    last = max(position for position, line in enumerate(shown) if any(name in line for name in listed.names))
    return " / ".join(shown[: last + 1]), listed


# A heading that opens with a label ("Analysis:", "Opinion |") or an opener ("By", "Written by").
_LABEL_OR_OPENER = on_first_use(
    rf"^\W{{0,3}}(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:[:|{DASHES}]|--)|(?:\w+\s+){{0,2}}(?:by|par|por|von|di|da|door|av|af)\b)", re.IGNORECASE
)


def _labelled_headings(blocks: tuple[Block, ...], zone: _Zone, outlets: Set[str]) -> list[Byline]:
    """A credit that heads a part of the article, when nothing above the body credits anyone:
    "Analysis: Jon Sopel, BBC News, Washington" as a crosshead over a correspondent's analysis.
    Only a heading in the article region that opens with a label or "By" and names a person
    counts; "Analysis: What the vote means" and "Part I: The Beginning" name nobody."""
    for block in blocks:
        if not (block.heading and block.in_article) or block.element is zone.headline:
            continue
        if not _LABEL_OR_OPENER().match(block.text):
            continue  # a crosshead or another story's headline ("Cosplayers Can't Go To Cons, So …")
        reading = read_byline(block.text, require_prefix=True, outlets=outlets)
        if reading is None or not reading.names:
            continue
        if block.element is not None and _elsewhere(block.element, zone):
            continue
        text = normalize_inline(block.text)
        return [Byline(quote_byline(text, reading.names, outlets), reading, block.index, block.line, "text", block.element)]
    return []


def _name_over_title(block: Block, blocks: tuple[Block, ...], zone: _Zone, outlets: Set[str]) -> Byline | None:
    """A name line over a line of job title and institution (`title_and_institution`): "Maria
    Chen" over "Assistant Professor of Biology, University of Michigan"; or over a line that is
    only the person's job title (`name_and_job_title`: "Nick Pope" over "Contributor", "Chris
    White" over "Energy Reporter", DCNF's own byline form), or a job title with a pack's outlet
    ("DCNF Contributor"). The two lines of one block (`<p>NAME<br>TITLE</p>`, a Markdown hard
    break; a date or reading time on lines under them is left off), of one short block whose two parts are laid out as lines (`<p><span
    style="display:block">NAME</span><span style="display:block">TITLE</span></p>`), or, in plain
    text and Markdown, two lines one after the other. The name line must be only a person's name;
    the byline reads the two as "NAME, TITLE" and quotes them as the page's lines."""
    lines = block.text.split("\n")
    # A date or reading time under the two ("Nick Pope" / "Contributor" / "June 27, 2024") is no part of them.
    while len(lines) > 2 and is_page_data(lines[-1]):
        lines.pop()
    if len(lines) == 2:
        name_line, title_line = lines
    elif len(lines) == 1:
        after = _block_after(block.index, blocks)
        if after is None or "\n" in after.text or not (block.element is None or _one_short_block(block, after)):
            return None
        name_line, title_line = lines[0], after.text
    else:
        return None
    name_line = normalize_inline(name_line)
    if len(name_line) > _LONE_NAME_LENGTH or person_name(name_line, outlets) != name_line:
        return None
    reading = title_and_institution(name_line, title_line, outlets) or _job_title_under(name_line, title_line, outlets)
    if reading is None or (block.element is not None and _elsewhere(block.element, zone)):
        return None
    text = _as_lines(name_line, normalize_inline(title_line))
    return Byline(quote_byline(text, reading.names, outlets), reading, block.index, block.line, "text", block.element)


def _one_short_block(block: Block, after: Block) -> bool:
    """Whether two blocks are the two parts of one short block, each laid out as a line: sibling
    elements (`<span style="display:block">`) that make up all of their parent's text, as a
    template writes a byline's name and title; not two paragraphs of the story."""
    element, next_element = block.element, after.element
    if element is None or next_element is None or element.getnext() is not next_element:
        return False
    parent = element.getparent()
    return parent is not None and parent.tag not in _PAGE_TAGS and _compact(text_of(parent)) == _compact(block.text + after.text)


def _job_title_under(name: str, line: str, outlets: Set[str]) -> BylineReading | None:
    """The reading of a name over a line that is only the person's job title ("Contributor",
    `name_and_job_title`), or a job title or affiliation line that names a pack's outlet ("DCNF
    Contributor", "Daily Caller News Foundation"); None for another body's name ("Getty Images")."""
    reading = name_and_job_title(name, line, outlets)
    if reading is not None:
        return reading
    outlet = affiliation_line(line, outlets)
    if outlet is None or not _names_an_outlet_of(outlet, outlets):
        return None
    paired = _paired_with(name, (name,), outlet, outlets, same_line=True)
    return paired[1] if paired is not None else None


# A line of the story is a sentence: a few words ending as a sentence ends.
_SENTENCE_WORDS = 6
_SENTENCE_END = on_first_use(r"[.!?…][\"'”’)\]]*$")


def _bare_name_line(blocks: tuple[Block, ...], headline: Block | None, outlets: Set[str]) -> list[Byline]:
    """In plain text and Markdown, when nothing else credits anyone: a line that is only a person's
    name ("Maria Chen"), right under the headline (or first, when there is no headline in the
    text: Markdown whose title is in its front matter), with a sentence of the story right after
    it. It is the byline, without a credit: the name is on the page, whatever else the terms ask
    of it. A line of capitalised words that no sentence follows (a deck, a list of sections) is
    not read so, nor is the first line when it may be the headline."""
    position = 0 if headline is None else block_position(blocks, headline.index) + 1
    if position >= len(blocks) or (headline is not None and headline.element is not None):
        return []
    block = blocks[position]
    after = _block_after(block.index, blocks)
    if after is None or block.element is not None or not block.in_article or "\n" in block.text:
        return []
    name = normalize_inline(block.text)
    if len(name) > _LONE_NAME_LENGTH or person_name(name, outlets) != name:
        return []
    if len(after.text.split()) < _SENTENCE_WORDS or not _SENTENCE_END().search(after.text.strip()):
        return []
    if _is_deck(name, _lower_case_words(headline, blocks[position + 1 : position + 1 + _PROSE_BLOCKS_TO_SCAN])):
        return []
    return [Byline(name, BylineReading((name,), "", None, affiliations=((),)), block.index, block.line, "text", None)]


_WORD = on_first_use(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _names_an_outlet_of(credit: str, outlets: Set[str]) -> bool:
    """Whether a byline's credit names one of `outlets` (lower case) as a whole word or words."""
    lowered = f" {' '.join(_WORD().findall(credit.lower()))} "
    return any(f" {' '.join(_WORD().findall(outlet))} " in lowered for outlet in outlets if outlet)


def _lower_case_words(headline: Block | None, story: tuple[Block, ...]) -> frozenset[str]:
    """The words the headline and the first blocks of the story write in lower case: the words
    of the language the story is told in, which a person's name is not made of."""
    texts = [*(block.text for block in story), headline.text if headline is not None else ""]
    return frozenset(word for text in texts for word in _WORD().findall(text) if word.islower())


def _is_deck(line: str, lower_case_words: Set[str]) -> bool:
    """Whether a line of capitalised words under the headline is a deck ("Lawmakers Weigh New
    Rules", "State Budget Fight Continues") rather than a name: all its capitalised words but one
    at most, and two at least, are words the story writes in lower case (`lower_case_words`). A
    name may hold one common word ("Will Smith" in a story that says "will"), not all of them."""
    capitalised = [word for word in _WORD().findall(line) if not word.islower()]
    common = sum(word.lower() in lower_case_words for word in capitalised)
    return common >= max(2, len(capitalised) - 1)


def _lone_name_byline(block: Block, zone: _Zone, credited: Callable[[], frozenset[str]]) -> Byline | None:
    """A block that is only a person's name ("Mama Robotnik" beside an avatar and a date), or a
    meta line of a name and page data ("March 4, 2025 · 3 min · NAME", as Hugo's PaperMod theme
    writes it: `name_among_page_data`), when the page's metadata credits that person as its author."""
    if len(block.text) > 2 * _LONE_NAME_LENGTH or "\n" in block.text:
        return None
    text = normalize_inline(block.text)
    alone = name_among_page_data(text) or text
    if len(alone) > _LONE_NAME_LENGTH:
        return None
    name = person_name(alone)
    if name is None or _credited_key(name) not in credited():
        return None
    if block.element is not None and _elsewhere(block.element, zone):
        return None
    return Byline(text, BylineReading((name,), "", None), block.index, block.line, "text", block.element)


def _outlet_line(blocks: tuple[Block, ...], index: int, outlets: Set[str]) -> str | None:
    """The next line of a plain-text article when it is only an outlet or affiliation ("The
    Millbrook Ledger"), not the story."""
    return affiliation_line(blocks[index].text, outlets) if index < len(blocks) else None


def _elsewhere(element: Any, zone: _Zone) -> bool:
    """Whether the element sits in a comment, sidebar, navigation, related list, caption or another
    story's teaser (an `<article>` or list item with a heading of its own, one of a strip of
    cards with linked headlines, `_is_teaser_card`, or under a flat pair's linked headline,
    `_under_teaser_headline`)."""
    node = element
    aside = False  # an <aside> in the article holds its author box; one outside it is a sidebar
    while node is not None and isinstance(node.tag, str):
        tag = node.tag.lower()
        if tag in ("body", "html"):
            return aside
        if node is zone.article_root:
            return False
        aside = aside or tag == "aside"
        if is_site_header(node) and _article_header(node, zone):
            node = node.getparent()
            continue  # the story's own header, classed like the site's: part of the article
        if tag in _ELSEWHERE_TAGS or (node.get("role") or "").lower() in _ELSEWHERE_ROLES:
            return True
        if _elsewhere_by_name(node):
            return True
        if _is_other_storys_teaser(node, zone):
            return True
        node = node.getparent()
    return False


def _is_other_storys_teaser(node: Any, zone: _Zone) -> bool:
    """Whether the element is another story's teaser in one of the shapes pages give it: an
    `<article>` or list item with a heading of its own (`_is_teaser`), one of a strip of cards
    with linked headlines (`_is_teaser_card`), or under a flat pair's linked headline
    (`_under_teaser_headline`)."""
    tag = node.tag.lower()
    return (
        (tag in ("article", "li") and _is_teaser(node, zone))
        or _is_teaser_card(node, zone)
        or _under_teaser_headline(node, zone)
        or _is_lone_teaser_card(node, zone)
    )


# A line that opens as a byline does ("By Sam Li", "by Ana Ruiz | May 3"): the cheap test before a
# block's place is looked at.
_BY_LINE = on_first_use(r"^\W{0,3}by\s", re.IGNORECASE | re.MULTILINE)


def teaser_blocks(doc: Document) -> frozenset[int]:
    """The indices of the article's blocks that are another story's teaser's credit: a block
    holding a "By …" line in one of the teaser shapes the bylines leave out
    (`_is_other_storys_teaser`), and the linked headline line just above it when the pair stands
    apart (`<p><a href="/flood-plan">Flood plan stalls again</a></p><p>By Maria Gomez</p>`). The
    linked story's, neither this story's byline nor its text. Worked out on first use, for the
    kinds that compare a copy with its original (`story.story_paragraphs`)."""
    cached: frozenset[int] | None = doc._memo.get("teaser_blocks")
    if cached is None:
        zone = _zone(doc.blocks, doc.headline, doc.article_root, own_pages_of(doc.canonical, doc.meta, doc.base_url), doc.base_url)
        found: set[int] = set()
        previous: Block | None = None
        for block in doc.article_blocks:
            if block.element is not None and _BY_LINE().search(block.text) and _in_teaser(block.element, zone):
                found.add(block.index)
                if previous is not None and previous.element is not None and _is_headline_link_block(block_element(previous.element)):
                    found.add(previous.index)
            previous = block
        cached = doc._memo["teaser_blocks"] = frozenset(found)
    return cached


def _in_teaser(element: Any, zone: _Zone) -> bool:
    """Whether the element is or sits in another story's teaser inside the article region."""
    node = element
    while node is not None and isinstance(node.tag, str) and node is not zone.article_root and node.tag.lower() not in ("body", "html"):
        if _is_other_storys_teaser(node, zone):
            return True
        node = node.getparent()
    return False


def _in_article_header(element: Any, zone: _Zone) -> bool:
    """Whether the element sits in the story's own header classed like a site's (see
    `_article_header`), which the page's chrome leaves out of the article region."""
    node = element
    while node is not None and isinstance(node.tag, str) and node is not zone.article_root:
        if is_site_header(node):
            return _article_header(node, zone)
        node = node.getparent()
    return False


def _article_header(element: Any, zone: _Zone) -> bool:
    """Whether a header classed like the site's is the story's own: inside the story's own
    `<article>` element and holding no navigation. A site's banner (outside the article, or with
    the site's menus in it) is page chrome, whatever element holds it."""
    if any(is_site_navigation(node) for node in element.iter()):
        return False
    return _in_own_article(element, zone)


def _elsewhere_by_name(element: Any) -> bool:
    """ "related-content", "c-related-content", "sidebar-right", "site-footer": a class or id whose
    piece begins or ends with a word, or is a name, of a place a byline is never this article's."""
    if names(element, _ELSEWHERE_WORDS, at="ends") or names(element, _ELSEWHERE_NAMES, at="whole"):
        return True
    # A component's name says so too, where the classes are generated (`data-testid="comment-author"`).
    for attribute in COMPONENT_NAME_ATTRIBUTES:
        value = element.get(attribute)
        if value:
            pieces = [piece for piece in _NAME_PIECES.split(value.lower()) if piece]
            if pieces and (pieces[0] in _ELSEWHERE_WORDS or pieces[-1] in _ELSEWHERE_WORDS):
                return True
    return False


_NAME_PIECES = re.compile(r"[^a-z0-9]+")


def _is_teaser(node: Any, zone: _Zone) -> bool:
    """Another story's card: one of a list of like elements, with a heading of its own, holding
    neither the headline nor the article."""
    parent = node.getparent()
    if parent is None or sum(1 for sibling in parent.iterchildren(node.tag)) < 2:
        return False
    if zone.headline is not None and _contains(node, zone.headline):
        return False
    if zone.article_root is not None and _contains(node, zone.article_root):
        return False
    return next(node.iter("h2", "h3", "h4"), None) is not None


# A teaser's headline is a headline's length at least ("Flood plan stalls"): a shorter link is a
# name, a section or a button ("Jane Roe", "Politics", "Read more").
_TEASER_HEADLINE_WORDS = 3
# The most links of an element, and the most like siblings of it, looked at for teasers' headlines:
# a card has one or two, a strip a few dozen; a story's long body is never scanned whole.
_TEASER_LINKS_READ = 8
_TEASER_SIBLINGS_READ = 40
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The most words of a teaser: a headline, a byline, a date and a summary's sentence or two. A story
# under a linked headline (a weekly edition's, a live blog's entry) runs longer, and its byline is
# its own.
_TEASER_WORDS = 80


def _is_teaser_card(node: Any, zone: _Zone) -> bool:
    """Whether the element is one of a strip of other stories' teasers, whatever its tag or class
    (`<div>`, `<section>`, a `.card`, a generated class): it holds a headline link
    (`_has_headline_link`), so does another sibling of its tag, and it holds neither the story's
    headline nor its article. A strip's byline ("By Maria Gomez" under "Flood plan stalls again")
    is the linked story's, never this one's."""
    parent = node.getparent()
    if parent is None or not _is_short_element(node, zone) or not _has_headline_link(node) or _holds_the_story(node, zone):
        return False
    siblings = (sibling for sibling in parent.iterchildren(node.tag) if sibling is not node)
    return any(_has_headline_link(sibling) for sibling in itertools.islice(siblings, _TEASER_SIBLINGS_READ))


def _is_lone_teaser_card(node: Any, zone: _Zone) -> bool:
    """Whether the element is one other story's teaser standing alone, by its shape: a small block
    (`_is_short`) after the story's prose has begun (`zone.body_start`), that opens with a
    headline link (`_has_headline_link`) to a page other than this one (`_links_elsewhere`) with
    a "By …" line under it. A story's own headline linked to itself, or standing above its text,
    is no teaser, and its byline stays the story's."""
    if zone.body_start is None or not _is_short_element(node, zone) or not _has_headline_link(node) or _holds_the_story(node, zone):
        return False
    link = next((link for link in itertools.islice(node.iter("a"), _TEASER_LINKS_READ) if _is_headline_link(link)), None)
    if link is None or not _links_elsewhere(link, zone) or not _follows(node, zone.body_start) or _names_the_story(link, zone):
        return False
    text = " ".join(text_of(node).split())
    headline = " ".join(text_of(link).split())
    headline_at = text.find(headline)
    # Sliced, so that a "By" glued to the headline's end ("…stalls againBy Maria Gomez") opens a line.
    return headline_at >= 0 and _BY_AFTER_HEADLINE().search(text[headline_at + len(headline) :]) is not None


# A "By …" credit after a teaser's headline, on a line of its own or not ("Flood plan stalls again
# By Maria Gomez May 3", as the card's text reads run together).
_BY_AFTER_HEADLINE = on_first_use(r"(?:^|(?<=\W))by\s+\S", re.IGNORECASE)


def _names_the_story(link: Any, zone: _Zone) -> bool:
    """Whether the link's text is the story's own headline (letter case and spacing aside): a copy
    linking its headline to the original story names no other story."""
    if zone.headline is None:
        return False
    return " ".join(text_of(link).split()).casefold() == " ".join(text_of(zone.headline).split()).casefold()


def _links_elsewhere(link: Any, zone: _Zone) -> bool:
    """Whether the link goes to a page that is none of the page's own addresses (`zone.own_pages`),
    a relative link resolved against the page's base; one to the page itself is its own headline."""
    href = (link.get("href") or "").strip()
    target = urllib.parse.urljoin(zone.base_url, href) if zone.base_url else href
    if any(same_page(target, page) for page in zone.own_pages):
        return False
    # A relative link on a page whose address is not known: its path against the canonical URL's.
    path = urllib.parse.urlsplit(target).path.rstrip("/")
    return not (path and not urllib.parse.urlsplit(target).netloc and any(urllib.parse.urlsplit(page).path.rstrip("/") == path for page in zone.own_pages))


def _follows(node: Any, earlier: Any) -> bool:
    """Whether `node` comes after `earlier` in the page, neither holding the other: some ancestor
    of `node` (or itself) has, among the siblings before it, `earlier` or an ancestor of it."""
    chain = [earlier, *earlier.iterancestors()]
    for current in (node, *node.iterancestors()):
        if any(current is ancestor for ancestor in chain):
            return False
        for sibling in current.itersiblings(preceding=True):
            if any(sibling is ancestor for ancestor in chain):
                return True
    return False


def _under_teaser_headline(node: Any, zone: _Zone) -> bool:
    """Whether the element follows, with nothing between, a block that is only a headline link
    (`_is_headline_link_block`: `<p><a href="/other-story">Flood plan stalls again</a></p>`), and
    another sibling of that block's tag is one too: teasers written as flat pairs of a headline
    and a "By" line, with no element around each. A single linked line over a byline is a kicker
    or a section as often (`<p><a href="/topics/health">Health care policy</a></p>`), and stays."""
    before = node.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()  # a comment or a processing instruction between them
    parent = node.getparent()
    if before is None or parent is None or not _is_headline_link_block(before) or _holds_the_story(before, zone):
        return False
    if not _is_short(itertools.takewhile(lambda sibling: sibling.tag != before.tag or not _is_headline_link_block(sibling), before.itersiblings())):
        return False  # the headline of a story that follows in full (a weekly edition's), not a teaser's
    siblings = (sibling for sibling in parent.iterchildren(before.tag) if sibling is not before)
    return any(_is_headline_link_block(sibling) for sibling in itertools.islice(siblings, _TEASER_SIBLINGS_READ))


def _is_short(elements: Iterable[Any]) -> bool:
    """Whether the elements' text together is a teaser's length (`_TEASER_WORDS` words at most: a
    headline, a byline, a date, a line of summary), counted only as far as that."""
    words = 0
    for element in elements:
        if isinstance(element.tag, str):
            words += _words_up_to_limit(element)
            if words > _TEASER_WORDS:
                return False
    return True


def _is_short_element(node: Any, zone: _Zone) -> bool:
    """`_is_short([node])`, with the counts of the element's children remembered in `zone`: asked
    of each ancestor in turn, it reads each element of the page once, not once per ancestor (a
    story 10,000 `<div>`s deep was read 512 times over)."""
    return _words_within(node, zone.word_counts) <= _TEASER_WORDS


def _words_within(node: Any, counted: dict[Any, int]) -> int:
    """The words of the element's text (`itertext`, each piece split on its own), counted only to
    one past `_TEASER_WORDS`: a child counted before is looked up, the rest read by `itertext`."""
    words = counted.get(node)
    if words is not None:
        return words
    words = len((node.text or "").split())
    for child in node:
        if words > _TEASER_WORDS:
            break
        if isinstance(child.tag, str):  # a comment's or an instruction's own text is none of the element's
            known = counted.get(child)
            words += known if known is not None else _words_up_to_limit(child)
        words += len((child.tail or "").split())
    words = counted[node] = min(words, _TEASER_WORDS + 1)
    return words


def _words_up_to_limit(element: Any) -> int:
    """The words of the element's text (`itertext`, each piece split on its own), read only to one
    past `_TEASER_WORDS`."""
    words = 0
    for piece in element.itertext():
        words += len(piece.split())
        if words > _TEASER_WORDS:
            break
    return words


def _holds_the_story(node: Any, zone: _Zone) -> bool:
    """Whether the element is or holds the story's headline or its article element."""
    return (zone.headline is not None and _contains(node, zone.headline)) or (zone.article_root is not None and _contains(node, zone.article_root))


def _has_headline_link(node: Any) -> bool:
    """Whether the element holds a link to another page that reads as a story's headline: a
    heading holding it or held in it, a block that is only that link
    (`_is_headline_link_block`), or a line of its own in the element (`_is_own_line`: `<p><a
    href="/jail-costs">Jail costs soar</a><br>By Sam Li</p>`), of `_TEASER_HEADLINE_WORDS` words
    or more, and not to an author's page nor of a person's name (an author box's "Jane Roe
    Smith")."""
    if _is_headline_link_block(node):
        return True
    for link in itertools.islice(node.iter("a"), _TEASER_LINKS_READ):
        if _is_headline_link(link) and (
            _in_heading(link, node) or any(child.tag in _HEADING_TAGS for child in link.iter() if isinstance(child.tag, str)) or _is_own_line(link, node)
        ):
            return True
        holder = link.getparent()
        if holder is not None and holder is not node and _is_headline_link_block(holder):
            return True
    return False


# What ends a line inside a block: a line break, or a block of its own beside the inline text.
_LINE_ENDS = frozenset({"br", "hr", "p", "div", *_HEADING_TAGS})


def _is_own_line(link: Any, within: Any) -> bool:
    """Whether the link is a whole line of `within`: no text before it back to the element's start
    or a line's end (`_LINE_ENDS`), none after it up to the next or the element's end, through the
    inline elements around it (`<strong><a>…</a></strong><br>`). A link in a sentence is not."""
    return _bounded(link, within, before=True) and _bounded(link, within, before=False)


def _bounded(link: Any, within: Any, *, before: bool) -> bool:
    """Whether nothing is written between the link and a line's end on one side (`before`: the
    side of the element's start)."""
    node = link
    while node is not within:
        parent = node.getparent()
        if parent is None:
            return False
        neighbour = node.getprevious() if before else node.getnext()
        while neighbour is not None and not isinstance(neighbour.tag, str):  # a comment between
            if (neighbour.tail or "").strip():
                return False
            neighbour = neighbour.getprevious() if before else neighbour.getnext()
        between = (neighbour.tail if neighbour is not None else parent.text) if before else node.tail
        if (between or "").strip():
            return False
        if neighbour is not None:
            return neighbour.tag in _LINE_ENDS
        node = parent
    return True


def _in_heading(link: Any, within: Any) -> bool:
    """Whether a heading holds the link, inside `within`."""
    for node in link.iterancestors():
        if isinstance(node.tag, str) and node.tag in _HEADING_TAGS:
            return True
        if node is within:
            return False
    return False


def _is_headline_link_block(block: Any) -> bool:
    """Whether the element (a heading, a paragraph, a box) shows only one link, a headline's
    (`_is_headline_link`): a teaser's headline line."""
    if not isinstance(block.tag, str) or block.tag == "a":
        return False
    links = list(itertools.islice(block.iter("a"), 2))
    if len(links) != 1 or not _is_headline_link(links[0]):
        return False
    return " ".join(text_of(block).split()) == " ".join(text_of(links[0]).split())


def _is_headline_link(link: Any) -> bool:
    """Whether a link reads as another story's headline: to a page (not a fragment, an e-mail or
    a script), not an author's page, of `_TEASER_HEADLINE_WORDS` words or more, none a person's
    name alone."""
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")) or _AUTHOR_HREF.search(href):
        return False
    words = " ".join(text_of(link).split())
    return len(words.split()) >= _TEASER_HEADLINE_WORDS and person_name(words) is None


def _contains(outer: Any, inner: Any) -> bool:
    node = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


def _in_own_article(element: Any, zone: _Zone) -> bool:
    """Whether the element sits in the story's own `<article>`, in an `<aside>` or `<footer>`
    the walk leaves out of the text: in HTML these belong to their nearest article, whose foot
    often carries the author, the date and the licence."""
    node = element.getparent()
    while node is not None and isinstance(node.tag, str):
        if node.tag.lower() == "article":
            return node is zone.article_root or _contains(node, zone.article_root) or (zone.headline is not None and _contains(node, zone.headline))
        node = node.getparent()
    return False


def _near_article(index: int, blocks: tuple[Block, ...]) -> bool:
    """Bylines in a header just outside the article region still count when the article follows."""
    start = block_position(blocks, index)
    return any(b.in_article for b in blocks[start : start + 3])


def _block_at(index: int, blocks: tuple[Block, ...], element: Any) -> int | None:
    for block in blocks[block_position(blocks, index) :]:
        node = block.element
        while node is not None:
            if node is element:
                return block.index
            node = node.getparent()
        ancestor = element
        while ancestor is not None:
            if ancestor is block.element:
                return block.index
            ancestor = ancestor.getparent()
        return block.index if block.index == index else None
    return None


# A line that opens like a byline ("By Jake Smith", "Written by …"): a cheap first test.
_BY_OPENER = on_first_use(r"^\W{0,3}(?:\w+\s+){0,2}by\b", re.IGNORECASE)


def _above_the_story(doc: Document) -> Iterator[Block]:
    """The page's blocks before the story's first paragraph of prose, where its byline stands."""
    for block in doc.blocks:
        if block.in_article and len(block.text.split()) >= _PROSE_WORDS:
            return
        yield block


def refused_byline(doc: Document) -> str:
    """Where a line above the story that reads as a byline naming a person was left out, and why,
    as the note a "no visible byline" detail ends with ("; 'By Jake Smith' (line 4) reads as a
    byline but is in <header class="site-header">, the site's header outside the story's
    <article>"); empty when there is none. Only the page above the story's first paragraphs is
    searched: further down, a byline outside the article is another story's."""
    for block in _above_the_story(doc):
        if block.in_article or block.element is None or not _BY_OPENER().match(block.text):
            continue
        reading = read_byline(block.text, require_prefix=True)
        if reading is not None and reading.names:
            return f"; '{shorten(block.text, 80)}' (line {block.line}) reads as a byline but is in {_where_left_out(block.element, doc.article_root)}"
    return ""


# How much of a long line's start is read for a byline's opener: an opener and a first name.
_OPENER_REACH = 200


def overlong_byline(doc: Document) -> str:
    """Where a line of the article above its first paragraphs has a byline's shape but was refused
    for its length (longer than `LONGEST_BYLINE` characters: a chain of 200 credits, an 18,000-letter
    name), as the detail a failed `byline` check gives in place of "no visible byline found"
    ("byline 'By HarlowHarlow…' (line 4) is too long to be a byline: 18,006 characters, where
    one runs to 320 at most"); empty when there is none. A byline's shape is its opener in the
    line's first `_OPENER_REACH` characters ("By", "Reporting:", "Reportaje de"), or byline markup
    on its element or the two above it (`_byline_shaped`). Only the line's start is read, so the
    time stays short."""
    for block in doc.blocks:
        if not block.in_article:
            continue
        # Such a line has a paragraph's words: it is looked at before it ends the story's top.
        if len(block.text) > LONGEST_BYLINE and _byline_shaped(block):
            return (
                f"byline '{shorten(block.text, 80)}' (line {block.line}) is too long to be a byline:"
                f" {len(block.text):,} characters, where one runs to {LONGEST_BYLINE} at most"
            )
        if len(block.text.split()) >= _PROSE_WORDS:
            return ""
    return ""


def _byline_shaped(block: Block) -> bool:
    """Whether the block opens as a byline does, in its first `_OPENER_REACH` characters, or
    stands in byline markup (its element or the two above it)."""
    element = block.element
    if element is None or not isinstance(element.tag, str):
        return has_opener(block.text[:_OPENER_REACH])
    marked = any(is_byline_markup(node, str(node.tag).lower()) for node in (element, *_parents(element, 2)))
    return marked or has_opener(block.text[:_OPENER_REACH])


def byline_beside_the_story(doc: Document) -> str:
    """Where a byline naming a person stands below the story's top, outside its article (an author
    box in a sidebar, a line after `</article>`), as the note a "no visible byline" detail ends
    with ("; 'By Jake Smith' (line 19) reads as a byline but is in <aside class="sidebar">, …
    outside the story: readers may not take it for the story's byline …"); empty when there is
    none. Only a line that stands alone: not in the readers' comments, a list item or a box with
    a heading of its own (another story's card or the next story, whose byline it is). Asked
    only when the article has no byline."""
    for block in doc.blocks:
        element = block.element
        if block.in_article or element is None or not isinstance(element.tag, str) or block.line < doc.article_line:
            continue
        if len(block.text) > _OWN_BYLINE_CHARACTERS:
            continue
        marked = any(is_byline_markup(node, str(node.tag).lower()) for node in (element, *_parents(element, 3)))
        if not (marked or has_opener(block.text)) or _stands_with_another_story(element):
            continue
        reading = read_byline(block.text, require_prefix=not marked)
        if reading is not None and reading.names:
            return (
                f"; '{shorten(block.text, 80)}' (line {block.line}) reads as a byline but is in {_where_left_out(element, doc.article_root)}:"
                " readers may not take it for the story's byline; put the byline in the story, under its headline"
            )
    return ""


def _parents(element: Any, count: int) -> list[Any]:
    """Up to `count` of the element's nearest ancestors, below `<body>`."""
    found: list[Any] = []
    for ancestor in element.iterancestors():
        if len(found) == count or ancestor.tag in ("body", "html"):
            break
        found.append(ancestor)
    return found


def _stands_with_another_story(element: Any) -> bool:
    """Whether a line below the story is another story's or a reader's: in the comments, in a list
    item (a card of a list), or beside a heading of its own in its box (a card, the next story)."""
    if in_comments(element) or any(ancestor.tag == "li" for ancestor in element.iterancestors()):
        return True
    parent = element.getparent()
    return parent is not None and any(True for _ in parent.iter("h1", "h2", "h3", "h4", "h5", "h6"))


def unread_byline(doc: Document) -> str:
    """Where a short line of the article above its first paragraphs names a person after a "By"
    the reader could not part from the words before it, as the note a "no visible byline"
    detail ends with ("; 'World By Jake Smith' (line 7) names Jake Smith after words the checker
    cannot part from 'By': …"); empty when there is none."""
    for block in _above_the_story(doc):
        if not block.in_article:
            continue
        for line in block.text.split("\n"):
            names = names_after_unread_by(line) if len(line.split()) < _PROSE_WORDS else ()
            if names:
                return (
                    f"; '{shorten(line, 80)}' (line {block.line}) names {names[0]} after words the checker cannot part from 'By': "
                    "put 'By NAME' first in its line, or part it from the words before with '—' or '|'"
                )
    return ""


def _where_left_out(element: Any, article_root: Any) -> str:
    """The page chrome that holds the element, in words: its tag and class, and why it is no part
    of the story."""
    node = element
    while node is not None and isinstance(node.tag, str) and node is not article_root:
        tag = node.tag.lower()
        header = is_site_header(node)
        if header or is_chrome(node, tag):
            shown = f'<{tag} class="{shorten(node.get("class"), 40)}">' if node.get("class") else f"<{tag}>"
            if not header:
                return f"{shown}, page chrome outside the story"
            inside = any(isinstance(up.tag, str) and up.tag.lower() == "article" for up in node.iterancestors())
            return f"{shown}, the site's header with its navigation" if inside else f"{shown}, the site's header outside the story's <article>"
        node = node.getparent()
    return "the page outside the story"


# "By" opening a byline, whatever follows it (a name, or nothing before the outlet's comma).
_BYLINE_LINE_START = on_first_use(r"^\s*by\b", re.IGNORECASE)


def _credits_an_outlet(byline: Byline) -> bool:
    """Whether the byline credits an outlet or institution beside its names (or instead of a
    name it lost: "By , KFF Health News")."""
    return bool(byline.reading.credit.strip())


def _credits_an_outlet_as_a_byline(byline: Byline) -> bool:
    """Whether the byline is a story's own byline crediting an outlet, written as one: "By" and
    its people ("By Nick Pope, The Daily Caller") or a name it lost ("By , KFF Health News"). Not
    a line of a role or an outlet alone ("eHow Contributor" under "By NAME"), nor an author
    paragraph without "By" ("Ana Ruiz, Mayo Clinic" under "By Renata Okafor"), which must not
    push the byline above it out."""
    return _credits_an_outlet(byline) and _BYLINE_LINE_START().match(byline.text) is not None


def _printed_by_the_story(byline: Byline) -> bool:
    """Whether the byline is a "By" line the story's own text prints, naming people: "By Mara
    Quellin" under the licensor's logo in the entry's content, a paragraph the editor pasted with
    the story, not the theme's byline markup (an author class, an author-page link), which prints
    the account that posted it."""
    return byline.source == "text" and bool(byline.names) and _BYLINE_LINE_START().match(byline.text) is not None


def _shape(element: Any) -> tuple[str, frozenset[str]]:
    """An element's tag and class words: how a template writes a line ("p" and {"byline"})."""
    if element is None or not isinstance(element.tag, str):
        return ("", frozenset())
    return (element.tag.lower(), frozenset((element.get("class") or "").split()))


def _apart_and_above(line: Byline, story: Byline) -> bool:
    """Whether `line` stands before `story`, neither holds the other, and it is written otherwise:
    a line of the same shape ("By Ines Marlowe" over "By Tomas Reyes, Monash University", both
    `<p class="byline">`) is a second author's byline of the story, not a theme's."""
    if line.index >= story.index or _contains(story.element, line.element) or _contains(line.element, story.element):
        return False
    return line.element is not None and _shape(line.element) != _shape(story.element)


def _storys_body(byline: Byline, doc: Document) -> Any:
    """The element holding the story's text in which a "By" line of byline markup crediting no
    outlet opens the story (`<p class="byline">By Mara Quellin</p>` under the licensor's logo in
    `.entry-content`), else None. The body is the headline's sibling branch holding the line: the
    child, on the line's side, of the nearest element holding both, which must also hold the
    story's first block of running prose, after the line (a deck in the entry header is no matter).
    A theme's "by Karen Miles" in the entry header is in the headline's branch, and a line after
    the story's first paragraphs closes the story rather than opening it: None for both."""
    headline = doc.headline
    if (
        not _by_line_of_markup(byline)
        or headline is None
        or doc.headline_source != "page"
        or headline.element is None
        or byline.element is None
        or headline.index >= byline.index
    ):
        return None
    body = _branch_beside(headline.element, byline.element)
    if body is None:
        return None
    after_headline = doc.blocks[block_position(doc.blocks, headline.index + 1) :]
    prose = next((block for block in after_headline if len(block.text.split()) >= _PROSE_WORDS and _contains(body, block.element)), None)
    return body if prose is not None and prose.index > byline.index else None


def _by_line_of_markup(byline: Byline) -> bool:
    """Whether the byline is a "By" line of byline markup naming people and no outlet."""
    return byline.source == "markup" and bool(byline.names) and not _credits_an_outlet(byline) and _BYLINE_LINE_START().match(byline.text) is not None


def _branch_beside(headline: Any, element: Any) -> Any:
    """The ancestor-or-self of `element` whose parent is the nearest element also holding
    `headline`; None when `element` holds the headline or sits in it."""
    held = set(_self_and_ancestors(headline))
    child = None
    for node in _self_and_ancestors(element):
        if node in held:
            return child
        child = node
    return None


def _stands_in_for(line: Byline, story: Byline, body: Any = None) -> bool:
    """Whether the author line `line` is a theme's, which the story's own byline `story` puts
    aside: apart from it and above it (`_apart_and_above`); under a "By" line that credits no
    outlet (`_printed_by_the_story`), only when the theme writes it in byline markup (a "By" line
    of the text over another is a second author's as likely); under a "By" line of byline markup
    opening the story's `body` (`_storys_body`), only a line of byline markup outside that body
    (the entry header's, the post meta's above the headline)."""
    if not _apart_and_above(line, story):
        return False
    if body is not None:
        return line.source == "markup" and not _contains(body, line.element)
    return line.source == "markup" or _credits_an_outlet_as_a_byline(story)


def story_bylines(doc: Document) -> tuple[Byline, ...]:
    """The bylines a byline check reads, in page order: the document's, less a theme's author line
    that stands in for nobody. When the story carries its own byline, one that credits an outlet
    ("By Nick Pope, The Daily Caller", or "By , Daily Caller News Foundation" whose name was
    lost), a "By" line the story's own text prints ("By Mara Quellin" under the licensor's
    logo), or a "By" line of byline markup opening the story's body (`<p class="byline">By Mara
    Quellin</p>` there: `_storys_body`, which puts aside only a line of markup outside that body),
    an author line above it that credits no outlet and none of its people (a WordPress
    entry header's "Sarah Gooding June 27, 2024", Jannah's `.post-meta .author-name`: the account
    that posted the story) is not the reporter's byline, so it cannot pass for the story's, nor
    is its person credited beside the reporter. Under a "By" line that credits no outlet only a
    line of byline markup is put aside. Without such a byline, or when the lines share a person,
    one holds the other, or both are written alike (two authors' "By" lines), every byline
    counts, as before."""
    if len(doc.bylines) < 2:
        return doc.bylines
    own = [(byline, _storys_body(byline, doc)) for byline in doc.bylines]
    own = [(byline, body) for byline, body in own if body is not None or _credits_an_outlet_as_a_byline(byline) or _printed_by_the_story(byline)]
    if not own:
        return doc.bylines
    own_people = {person_key(name) for byline, _ in own for name in byline.names}

    def posting_account(byline: Byline) -> bool:
        return (
            bool(byline.names)
            and not _credits_an_outlet(byline)
            and not any(person_key(name) in own_people for name in byline.names)
            and all(_stands_in_for(byline, story, body) for story, body in own)
        )

    return tuple(byline for byline in doc.bylines if not posting_account(byline))
