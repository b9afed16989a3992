"""The article region: which element holds the story an editor republished, and which elements
around or inside it are page chrome (navigation, sidebars, sharing, related stories, comments,
donation appeals and newsletter sign-ups).

The region is the article root (`find_article_root`) and, when the story's headline sits before
it and outside it, the story's head (`find_story_head`): the headline and what lies between it
and the body, the stretch where a byline is read too (a theme's `<header class="entry-header">`
or hero above `<article>` or `.entry-content`, with the publisher's logo or credit line under
the headline). Never the site's header, its navigation or another story's card.

Chrome inside the region is not the story's text. A box that only its tag or role sets aside
(`is_article_box`: an `<aside>` or `role=complementary` element no class names as chrome) is
chrome too, but a browser draws it in the story's flow, and a publisher's credit in it is in the
article (see `Document.in_article_box`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from compliance.document.elements import CLASS_VALUES_CACHED, class_tokens, in_any, names, text_of
from compliance.firstuse import on_first_use

# Page chrome inside or around an article: not part of the story an editor republished.
_CHROME_CLASSES = frozenset(
    [
        "sidebar",
        "widget",
        "widget-area",
        "related",
        "related-posts",
        "related-stories",
        "most-read",
        "most-popular",
        "popular-posts",
        "trending",
        "share",
        "sharing",
        "share-buttons",
        "social-share",
        "sharedaddy",
        "jp-relatedposts",
        "newsletter",
        "newsletter-signup",
        "comments",
        "comment-respond",
        "comments-area",
        "breadcrumbs",
        "breadcrumb",
        "advertisement",
        "ad-slot",
        "ad-container",
        "cookie-banner",
        "cookie-notice",
        "site-header",
        "site-footer",
        "site-navigation",
        "menu",
        "nav-links",
        "post-navigation",
    ]
)
# Chrome by its tag alone, whatever its attributes.
_CHROME_TAGS = frozenset({"aside", "nav"})
_CHROME_ROLES = frozenset({"complementary", "navigation", "banner", "contentinfo", "search"})


# Readers' comments: a thread, its form, the comment plugins' containers. A token that starts with
# "comment" but goes on as a word ("commentary") is a kind of article, not a comment.
_COMMENTS_TOKEN = re.compile(r"(?:comments?|commentlist|respond|disqus(?:_thread)?)(?:[-_].*)?", re.IGNORECASE)


# The site's calls to action placed in or after the story (a donation appeal, a newsletter sign-up
# form): a class naming one as a whole part ("donate-appeal", "wp-block-newspack-blocks-donate",
# "newspack-newsletters-subscribe"), as CMS blocks and plugins name them. Not "subscription" or
# "subscriber": paywall wrappers so named hold the story itself.
_CALL_TO_ACTION_PART = re.compile(r"(?:^|.*[-_])(?:donate|donations?|newsletters?|subscribe|sign-?up)(?:[-_].*)?", re.IGNORECASE)


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def _chrome_by_class(value: str) -> bool:
    tokens = class_tokens(value)
    if tokens & _CHROME_CLASSES:
        return True
    return any(c.startswith(("widget_", "sidebar-")) or _COMMENTS_TOKEN.fullmatch(c) or _CALL_TO_ACTION_PART.fullmatch(c) for c in tokens)


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def _comments_by_id(value: str) -> bool:
    return _COMMENTS_TOKEN.fullmatch(value.strip()) is not None


def is_chrome(element: Any, tag: str) -> bool:
    """True when the element itself is page chrome by its tag, ARIA role or class, or is a
    readers' comment section by its class or id; `tag` is its lower-cased tag name. Only its
    `get` is asked, so a mapping of its attributes may stand in for it."""
    if tag in _CHROME_TAGS:
        return True
    role = element.get("role")
    if role and role.lower() in _CHROME_ROLES:
        return True
    value = element.get("class")
    if value and _chrome_by_class(value):
        return True
    identifier = element.get("id")
    return _comments_by_id(identifier) if identifier else False


# What sets an element aside by its markup alone: the story's own boxes wear it as often as the
# page's sidebars do.
_BOX_TAG = "aside"
_BOX_ROLE = "complementary"


def is_article_box(element: Any) -> bool:
    """Whether an element is chrome by its markup alone and, inside the article, is a box in the
    story's flow: an `<aside>` or `role=complementary` element (a "credit-box", a "partner-box"
    under the headline, a credit at the story's end) that no class, id or other role names as
    chrome (`is_chrome` asked without its tag and role), that holds no form (a sign-up box) and no
    `<nav>`, and that is not a list of links (all its text but its headings in links: related
    stories). A browser draws it in the flow where it stands; what of it counts as the story's is
    the caller's to decide (see `Document.in_article_box`). `element` is an lxml element."""
    if not isinstance(element.tag, str):
        return False
    role = (element.get("role") or "").strip().lower()
    if element.tag.lower() != _BOX_TAG and role != _BOX_ROLE:
        return False
    # Asked without the tag and the complementary role: another role (`navigation`) still names chrome.
    if is_chrome({name: value for name, value in element.items() if name != "role" or role != _BOX_ROLE}, ""):
        return False
    if any(True for _ in element.iter("form", "nav")):
        return False
    return not _list_of_links(element)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


# The label a list of links to other stories opens with, as a lead-in of its own words rather than
# a heading ("Read more:", "Related: <a>…</a>", "Lea también:"), in the languages of the packs'
# credits; then only what separates the links (commas, bullets, "and"). A credit line's words
# ("This story first appeared in", "Source:") are none of these.
_RELATED_LABEL = on_first_use(
    r"(?:read\s+(?:more|also|next)|also\s+read|related(?:\s+(?:stories|articles|coverage|reading|content|links))?|see\s+also"
    r"|more\s+(?:stories|coverage|reading|news)|further\s+reading|recommended(?:\s+(?:stories|reading))?|you\s+(?:may|might)\s+also\s+like"
    r"|lea\s+(?:también|más)|le(?:e|a)\s+también|relacionad[oa]s?|más\s+(?:noticias|información|historias))\s*[:.…»›>|–—-]*",
    re.IGNORECASE,
)
_BETWEEN_LINKS = on_first_use(r"(?:[\s.,;:|•·/–—-]|\band\b|\by\b)*", re.IGNORECASE)


def _list_of_links(element: Any) -> bool:
    """Whether the element is a list of links: it has link text, and all its text but its
    headings' ("Related") is in links, or is a related list's label ("Read more:") and what
    separates the links. A credit line has words of its own around its link; a logo in a link
    has no link text."""
    linked = "".join("".join(link.itertext()) for link in element.iter("a")).split()
    if not linked:
        return False
    outside = " ".join(text for node in element.iter() if isinstance(node.tag, str) for text in _own_texts(node, element)).strip()
    label = _RELATED_LABEL().match(outside)
    rest = outside[label.end() :] if label else outside
    return _BETWEEN_LINKS().fullmatch(rest) is not None if label else not outside.split()


def _own_texts(node: Any, box: Any) -> list[str]:
    """The pieces of text that belong to `node` itself rather than to a link or heading: its text
    unless it is (or sits in) a link or heading, and its tail unless its parent is (or sits in) one."""
    pieces = []
    if not _in_link_or_heading(node, box):
        pieces.append(node.text or "")
    parent = node.getparent()
    if node is not box and parent is not None and not _in_link_or_heading(parent, box):
        pieces.append(node.tail or "")
    return pieces


def _in_link_or_heading(node: Any, box: Any) -> bool:
    while node is not None:
        if isinstance(node.tag, str) and (node.tag == "a" or node.tag in _HEADINGS):
            return True
        if node is box:
            return False
        node = node.getparent()
    return False


def is_comments(element: Any) -> bool:
    """Whether an element is readers' comments by its class or id (a thread, its form, a comment
    plugin's container: `_COMMENTS_TOKEN`); "commentary" is an article's kind, not comments."""
    value, identifier = element.get("class"), element.get("id")
    return any(_COMMENTS_TOKEN.fullmatch(c) for c in class_tokens(value or "")) or bool(identifier and _comments_by_id(identifier))


_ARTICLE_BODY_CLASSES = (
    "entry-content",
    "post-content",
    "article-body",
    "article-content",
    "story-body",
    "article__body",
    "post-body",
    "td-post-content",
    "story-content",
    "field-name-body",
    "c-entry-content",
    "single-content",
    "article-text",
    "body-content",
    "articleBody",
    "story-text",
)
_ARTICLE_BODY_CLASS_SET = frozenset(c.lower() for c in _ARTICLE_BODY_CLASSES)
# Classes a body container's class attribute must contain, as written (a cheap first test).
_ARTICLE_BODY_PARTS = ("ontent", "ody", "ext")


# A publisher's prefix on a body class ("acme-article-body", "news-entry-content") is still a body
# container: republishing widgets namespace their wrapper so that it survives the host's CSS.
_PREFIXED_BODY_SUFFIXES = tuple("-" + c for c in _ARTICLE_BODY_CLASS_SET if "-" in c)


_BODY_IDS = frozenset({"article-body", "story-body"})


@functools.cache
def _named_bodies() -> Any:
    """The XPath of the elements whose `itemprop` is `articleBody` or whose `id` is one of `_BODY_IDS`."""
    from lxml import etree

    ids = " or ".join(f". = '{ident}'" for ident in sorted(_BODY_IDS))
    return etree.XPath(f"//@itemprop[. = 'articleBody']/.. | //@id[{ids}]/..")


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def _body_by_class(value: str) -> bool:
    if not any(part in value for part in _ARTICLE_BODY_PARTS):
        return False
    tokens = class_tokens(value)
    return bool(tokens & _ARTICLE_BODY_CLASS_SET) or any(token.endswith(_PREFIXED_BODY_SUFFIXES) for token in tokens)


def _text_length(element: Any) -> int:
    """How much paragraph text an element holds (a measure for choosing the article region).

    Walked in Python: libxml2 evaluates `.//p//text()` with an `ancestor::` filter in time that
    grows with the square of the page (3 s for an 8 MB page). Each paragraph's text is joined
    before it is measured: one step per paragraph rather than per piece of text."""
    return sum(len("".join(paragraph.itertext())) for paragraph in element.iter("p"))


def _has_paragraph_text(element: Any) -> bool:
    """True when `_text_length` of the element is more than zero (found at its first paragraph with text)."""
    return any(text for paragraph in element.iter("p") for text in paragraph.itertext())


def _contains_chrome_outside(node: Any, core: Any) -> bool:
    for el in node.iter():
        if el is core:
            continue
        if isinstance(el.tag, str) and is_chrome(el, el.tag.lower()):
            ancestor = el
            inside_core = False
            while ancestor is not None:
                if ancestor is core:
                    inside_core = True
                    break
                ancestor = ancestor.getparent()
            if not inside_core:
                return True
    return False


def _grow_to_headline(core: Any, headline: Any | None) -> Any:
    """Extend a body container upwards to take in the headline and byline, never the chrome; a page
    without a headline has nothing to take in, so the container stays as it is."""
    if headline is None or any(el is headline for el in core.iter("h1")):
        return core
    node = core
    while True:
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() in {"body", "html"}:
            return node
        if _contains_chrome_outside(parent, core):
            return node
        node = parent
        if headline is not None and any(el is headline for el in node.iter("h1")):
            return node


def in_comments(element: Any) -> bool:
    """Whether the element or an ancestor is a readers' comment section (by its class or id)."""
    return any(is_comments(node) for node in (element, *element.iterancestors()) if isinstance(node.tag, str))


class _Comments:
    """The readers' comment sections of a page: no candidate for the article region lies inside one
    (a WordPress comment is an `<article>` with its own `.entry-content`). Asked only about the
    few candidates, with each ancestor's answer kept, so a page pays for no extra pass."""

    def __init__(self) -> None:
        self._inside: dict[Any, bool] = {}

    def contain(self, element: Any) -> bool:
        """True when the element or an ancestor is a comment section."""
        return in_any(element, is_comments, self._inside)


# What a site's header is classed as (`c-site-header`, `site-header__inner` too): outside the
# story's own `<article>` it is page chrome.
_SITE_HEADER_NAMES = frozenset({"site-header", "masthead"})


def is_site_header(element: Any) -> bool:
    """Whether the element is classed or marked like a site's header: `role=banner`, or a
    `site-header` or `masthead` class or id (`c-site-header`, `site-header__inner` too)."""
    if (element.get("role") or "").lower() == "banner":
        return True
    return names(element, _SITE_HEADER_NAMES, at="whole")


def is_site_navigation(element: Any) -> bool:
    """A site's menu: a `<nav>` or `role=navigation`, but not the story's breadcrumb trail, which
    a story's own header often opens with."""
    if not isinstance(element.tag, str) or (element.tag.lower() != "nav" and (element.get("role") or "").lower() != "navigation"):
        return False
    return "breadcrumb" not in f"{element.get('class') or ''} {element.get('aria-label') or ''} {element.get('id') or ''}".lower()


def _story_headline(root: Any) -> Any | None:
    """The page's first `<h1>` not marked `hidden`: the story's headline, as the region takes it."""
    return next((h for h in root.iter("h1") if h.get("hidden") is None), None)


def find_story_head(root: Any, article_root: Any) -> tuple[Any, ...]:
    """The story's head where it lies outside the article root: the headline (the page's first
    shown `<h1>`) and the elements after it and before the article root, as the outermost
    elements of that stretch, in document order. It is the top of the stretch a byline is read
    in (see `bylines`), where themes put the headline, the publisher's logo or credit line and
    the byline in a header or hero above `<article>` or `.entry-content`.

    Empty when that `<h1>` is not the story's headline: when it is inside the article root or
    after it; when it is the site's name (in the site's header or other chrome, classed as the
    site's logo, title or bar, or linking to the front page); when the stretch holds the site's
    navigation, header or menu (a list of four links or more). An `<article>` in the stretch is
    another story's card and is left out; chrome in it (a share bar, a sidebar) stays chrome, as
    the walk reads it."""
    headline = _story_headline(root)
    lines = _lines_below_common_ancestor(headline, article_root) if headline is not None else None
    if lines is None:
        return ()
    below_headline, below_root = lines
    if any(_names_the_site(node) for node in below_headline):
        return ()
    from lxml import etree

    pieces = _stretch_between(below_headline, below_root)
    if any(is_site_navigation(node) or is_site_header(node) or _is_menu(node) for piece in pieces for node in piece.iter(etree.Element)):
        return ()
    return tuple(piece for piece in pieces if piece.tag != "article")


# What a lead picture may hold: a caption's words at most (a credit, a line of description).
_LEAD_PICTURE_WORDS = 60
# What may stand between the story and its lead picture: short lines (a kicker, the section's
# link, a date) of at most this many words, and empty boxes (a spacer, an anchor).
_BETWEEN_PICTURE_WORDS = 12
_PICTURES = ("img", "amp-img", "picture")
_STOPPERS = ("h1", "h2", "h3", "h4", "h5", "h6", "form", "nav", "article")


def find_lead_picture(root: Any, article_root: Any, article_head: frozenset[Any]) -> Any | None:
    """The story's lead picture where the theme puts it before the story and outside the article
    region: the picture (a `<figure>`, a `<picture>`, an image, or a box holding one with no more
    than a caption's words) just before the story's top (its headline when the story's head lies
    outside the article root, else the article root) or before an element around it, with
    nothing between them but short lines (a kicker, a date) and empty boxes. WordPress themes put
    the featured image so: Newspack's `<figure class="post-thumbnail">` above the headline
    (`featured-image-behind`, `featured-image-above`), GeneratePress's `.featured-image` above the
    content area. Never the site's: nothing in the site's header, its navigation, chrome, a box
    classed as the site's logo or brand, nor a picture linking to the front page; the walk stops
    at the page's `<body>`. None when there is no such picture."""
    if article_root is None:
        return None
    node = _story_headline(root) if article_head else article_root
    while node is not None and isinstance(node.tag, str) and node.tag.lower() not in ("body", "html"):
        found = _picture_before(node)
        if found is not False:
            return found
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str) or is_chrome(parent, parent.tag.lower()) or is_site_header(parent):
            return None
        node = parent
    return None


def _picture_before(node: Any) -> Any | bool | None:
    """The lead picture among the elements before `node` under its parent (the nearest, past short
    lines and empty boxes); None when something else comes first (the walk ends); False when
    nothing does (the walk goes on from the parent)."""
    for sibling in node.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str):
            continue
        tag = sibling.tag.lower()
        if tag in ("script", "style", "template", "link", "meta", "noscript"):
            continue
        if _is_site_part(sibling, tag):
            return None
        words = len(text_of(sibling).split())
        has_picture = tag in _PICTURES or any(True for _ in sibling.iter(*_PICTURES))
        if has_picture:
            return sibling if _is_lead_picture(sibling, words) else None
        if words > _BETWEEN_PICTURE_WORDS or any(True for _ in sibling.iter(*_STOPPERS)):
            return None
    return False


def _is_site_part(element: Any, tag: str) -> bool:
    """Whether an element is the site's rather than the story's: chrome, the site's header or
    navigation, a box classed as the site's logo or brand, or holding a link to the front page."""
    if is_chrome(element, tag) or is_site_header(element) or is_site_navigation(element):
        return True
    if names(element, _SITE_BRAND_PIECES, at="whole"):
        return True
    return any(_front_page(link.get("href") or "") for link in element.iter("a"))


def _is_lead_picture(element: Any, words: int) -> bool:
    """Whether an element that holds a picture is one picture with at most a caption: no heading,
    form, navigation or story card in it, one image (a `<picture>`'s own `<img>` is the same one),
    a caption's words at most, and, around a `<figure>` or a caption, no more than a short line
    (a credit): a teaser's paragraph beside its picture makes the box another story's."""
    if words > _LEAD_PICTURE_WORDS or any(True for _ in element.iter(*_STOPPERS)):
        return False
    images = [image for image in element.iter("img", "amp-img") if not any(a.tag == "picture" for a in image.iterancestors())]
    pictures = sum(1 for _ in element.iter("picture"))
    if len(images) + pictures > 1:
        return False
    if element.tag.lower() == "figure":
        return True
    captions = [node for node in element.iter("figure", "figcaption") if not _in_caption_below(node, element)]
    return words - sum(len(text_of(node).split()) for node in captions) <= _BETWEEN_PICTURE_WORDS


def _in_caption_below(node: Any, box: Any) -> bool:
    """Whether a `<figure>` or `<figcaption>` sits in another one below `box` (its words are that one's)."""
    for ancestor in node.iterancestors():
        if ancestor is box:
            return False
        if ancestor.tag in ("figure", "figcaption"):
            return True
    return False


def _lines_below_common_ancestor(headline: Any, article_root: Any) -> tuple[list[Any], list[Any]] | None:
    """The headline and its ancestors, and the article root and its ancestors, each up to (not
    including) their nearest common ancestor; None unless the headline comes before the article
    root and neither holds the other."""
    to_headline = [headline, *headline.iterancestors()]
    to_root = [article_root, *article_root.iterancestors()]
    in_root_line = set(to_root)
    if headline in in_root_line or any(node is article_root for node in to_headline):
        return None
    common = next((node for node in to_headline if node in in_root_line), None)
    if common is None:
        return None
    below_headline = to_headline[: to_headline.index(common)]
    below_root = to_root[: to_root.index(common)]
    if common.index(below_headline[-1]) > common.index(below_root[-1]):
        return None  # the first <h1> comes after the article: another section's heading
    return below_headline, below_root


# Class pieces of a site's logo, name or top bar ("topbar__logo__title", "site-title",
# "navbar-brand"): an `<h1>` so classed, or inside an element so classed, is the site's name.
_SITE_BRAND_PIECES = frozenset({"logo", "site-title", "site-name", "site-branding", "branding", "brand", "navbar", "topbar"})


def _names_the_site(element: Any) -> bool:
    """Whether the element (the first `<h1>` or an ancestor of it) is the site's: chrome, the site's
    header, classed as the site's logo, title or bar, or (the `<h1>`) a link to the front page."""
    if is_chrome(element, element.tag.lower()) or is_site_header(element):
        return True
    if names(element, _SITE_BRAND_PIECES, at="whole"):
        return True
    return element.tag == "h1" and any(_front_page(link.get("href") or "") for link in element.iter("a"))


def names_the_site_heading(h1: Any, article_root: Any) -> bool:
    """Whether an `<h1>` is the site's name, not a story's headline (`<h1 class="site-title"><a
    href="/">`, an `<h1>` in the site's header or branding): it or an ancestor names the site
    (`_names_the_site`), up to the article root or the element that holds it (the page's own
    wrappers, which hold the story too, are asked nothing)."""
    holds_root = {article_root, *article_root.iterancestors()} if article_root is not None else set()
    node = h1
    while node is not None and isinstance(node.tag, str) and node not in holds_root:
        if _names_the_site(node):
            return True
        node = node.getparent()
    return False


def _front_page(href: str) -> bool:
    """A link to a site's front page: "/", or an address with no path beyond "/"."""
    href = href.strip()
    if href in ("/", "./"):
        return True
    scheme, _, rest = href.partition("//")
    return scheme in ("", "http:", "https:") and bool(rest) and "/" not in rest.rstrip("/")


# A list of this many links or more, each item nothing but its link, is a menu.
_MENU_ITEMS = 4


def _is_menu(element: Any) -> bool:
    """A site's menu written as a list without `<nav>`: a `<ul>` or `<ol>` of at least
    `_MENU_ITEMS` items, each of whose text is all in links."""
    if element.tag not in ("ul", "ol"):
        return False
    items = [item for item in element.iterchildren("li")]
    if len(items) < _MENU_ITEMS:
        return False
    return all(_all_in_links(item) for item in items)


def _all_in_links(item: Any) -> bool:
    text = "".join(item.itertext()).strip()
    linked = "".join("".join(link.itertext()) for link in item.iter("a")).strip()
    return bool(text) and len(linked) >= len(text)


def _stretch_between(below_headline: list[Any], below_root: list[Any]) -> list[Any]:
    """The outermost elements from the headline (first of `below_headline`, its ancestors after
    it) to the article root (first of `below_root`), both under one common ancestor: the headline,
    what follows each of its ancestors up to the one beside the root's, what lies between those
    two, and what precedes each of the root's ancestors down to the root."""
    pieces = [below_headline[0]]
    for node in below_headline[:-1]:
        pieces.extend(node.itersiblings())
    root_side = below_root[-1]
    for sibling in below_headline[-1].itersiblings():
        if sibling is root_side:
            break
        pieces.append(sibling)
    for node in reversed(below_root[:-1]):
        pieces.extend(reversed(list(node.itersiblings(preceding=True))))
    return [piece for piece in pieces if isinstance(piece.tag, str)]


def find_article_root(root: Any) -> Any:
    """The element holding the article: `<article>`, `[itemprop=articleBody]`, a CMS body container
    grown to include its headline, `<main>`, or else the densest block of paragraphs; never one
    inside the readers' comments. Of several `<article>`s, the one holding the page's headline
    when it has a story's paragraphs, else the one with the most paragraph text."""
    headline = _story_headline(root)
    comments = _Comments()
    core = _body_container(root, comments)
    if core is not None:
        article = _enclosing_article(core)
        return article if article is not None else _grow_to_headline(core, headline)
    article = _longest_article(root, comments, headline)
    if article is not None:
        return article
    mains = root.xpath("//main | //*[@role='main']")
    if mains:
        return mains[0]
    best_parent = _densest_paragraph_parent(root, comments)
    if best_parent is not None:
        return _grow_to_headline(best_parent, headline)
    body = root.find("body")
    return body if body is not None else root


def _body_container(root: Any, comments: _Comments) -> Any | None:
    """The CMS body container (`.entry-content`, `[itemprop=articleBody]`…) with the most paragraph
    text, or, where none has paragraphs (lines split by `<br>`), the most text."""
    from lxml import etree

    # One pass in Python over the elements for the class: an XPath with `contains(@class, …)`
    # tests cost more than the parse. The few elements an `itemprop` or `id` names are found by
    # XPath first (two searches of the attributes in C), which costs less than two `get`s of
    # every element.
    named = set(_named_bodies()(root))
    bodies = [
        el
        for el in root.iter(etree.Element)
        if (((value := el.get("class")) and _body_by_class(value)) or (named and el in named)) and not comments.contain(el)
    ]
    if not bodies:
        return None
    if len(bodies) == 1:
        # The only candidate needs no measure, only to know whether it has paragraph text.
        core, without_paragraphs = bodies[0], not _has_paragraph_text(bodies[0])
    else:
        lengths = [_text_length(body) for body in bodies]  # each measured once
        core, without_paragraphs = bodies[lengths.index(max(lengths))], max(lengths) == 0
    if without_paragraphs:
        core = max(bodies, key=lambda body: len(text_of(body)))
        return core if text_of(core) else None
    return core


def _is_article_item(element: Any) -> bool:
    """A schema.org item of the Article family (Article, NewsArticle, BlogPosting, Report…)."""
    item_type = (element.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
    return item_type.endswith(("Article", "Posting", "Report"))


def _enclosing_article(core: Any) -> Any | None:
    """The nearest `<article>` or Article item around the body container; not `<body>` or `<html>`,
    whose item type describes the whole page, chrome included."""
    for ancestor in core.iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        if ancestor.tag == "article" or _is_article_item(ancestor):
            return ancestor
    return None


def _longest_article(root: Any, comments: _Comments, headline: Any | None) -> Any | None:
    """The page's story among its `<article>`s: the one holding the page's headline when it has a
    story's paragraphs (a brief's at least), else the one with the most paragraph text."""
    # An <article> in a list item is a teaser card in a list of stories, not the page's story.
    articles = [article for article in root.iter("article") if not comments.contain(article) and not _in_list_item(article)]
    if not articles:
        return None
    # Two stories on one page (a brief, then a longer story): the page is the one its headline
    # names, whichever is longer; the other is another story (`other_stories`).
    headlined = next((article for article in articles if headline is not None and _contains(article, headline)), None)
    if headlined is not None and _has_story_paragraphs(headlined, least=_BRIEF):
        return headlined
    best = max(articles, key=_text_length)
    return best if _text_length(best) > 0 else None


@dataclass(frozen=True, slots=True)
class OtherStory:
    """A story of its own beside the article region (see `other_stories`)."""

    # The source line of the block that holds it.
    line: int
    # Its first heading's text, whitespace collapsed ("" when that heading has no text).
    headline: str
    # The byline line it holds of its own, as written; None when it has none.
    byline: str | None


# What makes another `<article>` on the page a story of its own rather than a teaser card: a
# heading, and this many paragraphs holding this much text (a teaser has a line or two).
_STORY = (3, 400)
# A brief: as many paragraphs (its byline's counted) holding less text, under a headline of its
# own (`<h1>`/`<h2>`) with a byline: a wire brief of two or three sentences. A teaser card has a
# headline and a line or two, and seldom a byline.
_BRIEF = (3, 150)
_HEADLINES = ("h1", "h2")
# Each element's answer to "does it hold `least` of a story's paragraphs?", by (element, least).
_Shaped = dict[tuple[Any, tuple[int, int]], bool]
# What gives a block's own byline line (`bylines.own_byline`), or None.
_BylineOf = Callable[[Any], str | None]


def other_stories(root: Any, article_root: Any, shown: Callable[[Any], bool], byline_of: _BylineOf = lambda _: None) -> tuple[OtherStory, ...]:
    """The blocks beside the article region that hold a story of their own, in document order: the
    next story an infinite-scroll theme appends, a second wire story on one page. An `<article>`
    is one with a heading and a story's paragraphs (`_STORY`), or a brief's (`_BRIEF`) under its
    own `<h1>`/`<h2>` headline with a byline (`byline_of`: the block's own byline line, or
    None); any other block (`<div class="next-story">`, a `<section>` after `</main>`) also needs
    its own `<h1>`/`<h2>` headline and a byline, which a newsletter box, an author's bio or a
    related-stories box lacks. Not one inside or around the region, in the readers' comments or
    the page's chrome, in a list item (a card), or one `shown` says a reader does not see. Pure;
    computed when a check asks."""
    comments = _Comments()
    found = [article for article in root.iter("article") if _is_other_story(article, article_root, shown, comments, byline_of)]
    # A block of another tag only where a headline stands outside the region (few pages have one):
    # the smallest block around it with a story's paragraphs, walked up from the headline.
    # Each ancestor's answer kept: the headings of one sidebar or footer share their ancestors.
    shaped: _Shaped = {}
    for headline in root.iter(*_HEADLINES):
        if _contains(article_root, headline) or any(headline is story or _contains(story, headline) for story in found):
            continue
        block = _story_around(headline, article_root, shown, comments, byline_of, shaped)
        if block is not None and not any(_contains(block, story) for story in found):
            found.append(block)  # not around a story found (an <article> in the next story's wrapper)
    return tuple(sorted((_other_story(block, byline_of) for block in found), key=lambda story: story.line))


def _other_story(block: Any, byline_of: _BylineOf) -> OtherStory:
    heading = next(block.iter(*_HEADINGS), None)
    headline = " ".join(text_of(heading).split()) if heading is not None else ""
    return OtherStory(block.sourceline or 1, headline, byline_of(block))


def _story_around(headline: Any, article_root: Any, shown: Callable[[Any], bool], comments: _Comments, byline_of: _BylineOf, shaped: _Shaped) -> Any | None:
    """The block of another tag than `<article>` around `headline` that holds a story of its own
    with a byline: the smallest with a story's paragraphs, else the smallest with a brief's."""
    for least in (_STORY, _BRIEF):
        block = _story_block_of(headline, article_root, shaped, least)
        if block is not None and _is_other_story(block, article_root, shown, comments, byline_of, itself=True) and byline_of(block) is not None:
            return block
    return None


def _is_other_story(block: Any, article_root: Any, shown: Callable[[Any], bool], comments: _Comments, byline_of: _BylineOf, *, itself: bool = False) -> bool:
    """Whether `block`, beside the article region, holds a story of its own (see `other_stories`);
    `itself`: the block's own tag, role or class may make it page chrome too (an `<aside>`, a
    `.sidebar`), as an `<article>`'s do not."""
    if block is article_root or _contains(block, article_root) or _contains(article_root, block):
        return False
    around = (block, *block.iterancestors()) if itself else block.iterancestors()
    in_chrome = any(is_chrome(a, str(a.tag).lower()) for a in around if isinstance(a.tag, str))
    if in_chrome or comments.contain(block) or _in_list_item(block):
        return False
    if not any(True for _ in block.iter(*_HEADINGS)) or not shown(block):
        return False
    if _has_story_paragraphs(block):
        return True
    return any(True for _ in block.iter(*_HEADLINES)) and _has_story_paragraphs(block, least=_BRIEF) and byline_of(block) is not None


def _has_story_paragraphs(block: Any, *, outside_lists: bool = False, least: tuple[int, int] = _STORY) -> bool:
    """Whether `block` holds a story's paragraphs: at least `least` (paragraphs, characters);
    `outside_lists`: not counting those in a list item (the deks of a "Most popular" list of
    cards are no story's body). Read only as far as the answer needs: the blocks asked about
    include a page's wrappers, which hold most of it."""
    least_paragraphs, least_characters = least
    count = characters = 0
    for paragraph in block.iter("p"):
        if outside_lists and _in_list_item(paragraph):
            continue
        length = len("".join(paragraph.itertext()).strip())
        count += length > 0
        characters += length
        if count >= least_paragraphs and characters >= least_characters:
            return True
    return False


def _story_block_of(headline: Any, article_root: Any, shaped: _Shaped, least: tuple[int, int]) -> Any | None:
    """The smallest element around `headline` with `least` of a story's paragraphs that neither
    holds the article region nor is `<body>`; None when there is none. `shaped` keeps each
    element's answer."""
    for ancestor in headline.iterancestors():
        if ancestor.tag in ("body", "html") or _contains(ancestor, article_root):
            return None
        key = (ancestor, least)
        if key not in shaped:
            shaped[key] = _has_story_paragraphs(ancestor, outside_lists=True, least=least)
        if shaped[key]:
            return ancestor
    return None


def _contains(outer: Any, inner: Any) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors())


def _in_list_item(element: Any) -> bool:
    return any(ancestor.tag == "li" for ancestor in element.iterancestors())


def _densest_paragraph_parent(root: Any, comments: _Comments) -> Any | None:
    best_parent, best_score = None, 0
    # In document order, so that of two parents with as much text the first wins on every run (a
    # set of elements iterates in memory order, which differs from run to run).
    for paragraph_parent in dict.fromkeys(p.getparent() for p in root.iter("p") if p.getparent() is not None):
        if comments.contain(paragraph_parent):
            continue
        score = sum(len(text_of(p)) for p in paragraph_parent.iterchildren("p"))
        if score > best_score:
            best_parent, best_score = paragraph_parent, score
    return best_parent


# A dialog or pop-up by its class or id ("modal", "c-modal__body", "share-popup", "dialogBox").
_MODAL_NAMES = frozenset({"modal", "popup", "dialog", "lightbox"})
_MODAL_ROLES = frozenset({"dialog", "alertdialog"})
# The page itself is never a dialog: `<body class="modal-open">` is the state of a page while a
# dialog is open (Bootstrap's), which a saved page keeps.
_PAGE_TAGS = frozenset({"html", "body"})
# Other stories' cards and promotions inside an article ("teaser", "c-promo", "recirc-module").
_ELSEWHERE_NAMES = frozenset({"teaser", "teasers", "promo", "promos", "recirc"})
# What names a publisher's "Republish this story" box ("republish-modal", "btn-republish",
# "republishBox"); never "republished-story" or the pixel's "republication-tracker-tool-source",
# which are a copy's. The word alone does not make a box: a partner site wraps its copy in
# `<div class="republish">` or `.republish-story-content` too (see `is_republish_box`).
_REPUBLISH_NAMES = frozenset({"republish"})
# What offers a story to other sites, as a piece of text: a button, summary or title ("Republish",
# "Republish This Story for Free", "Republish our articles"), or a notice addressed to the sites
# that would republish it ("You are free to republish it", "available to republish for free",
# "Thank you for your interest in republishing this story"). A copy's own credit ("is republished here under a Creative Commons
# license") is none of these.
_OFFERS_REPUBLISHING = on_first_use(
    r"^\W*republish\W*$|\brepublish\s+(?:this|our)\s+(?:story|article|piece|stories|articles|work)\b"
    r"|\b(?:you\s+(?:can|may)|free\s+to|welcome\s+to|available\s+to)\s+republish\b|\binterest\s+in\s+republishing\b",
    re.IGNORECASE,
)
# The HTML a box offers to copy, in a `<textarea>`, `<pre>` or `<code>`: text holding a tag.
_COPY_TAGS = ("textarea", "pre", "code")
_HTML_TAG = re.compile(r"<[A-Za-z][^<>]*>")
# The controls that open a box, by tag or by name ("btn-republish", "republish-button").
_CONTROL_TAGS = frozenset({"button", "summary"})
_CONTROL_NAMES = frozenset({"btn", "button"})
# What holds the page or its story is never a box, whatever its class says.
_NEVER_A_BOX = frozenset({"html", "body", "main", "article"})


def is_modal(element: Any) -> bool:
    """A dialog or pop-up: `<dialog>`, `role=dialog`/`alertdialog`, `aria-modal=true`, or a class
    or id naming a modal, pop-up, dialog or lightbox (see `elements.names`); never `<html>` or
    `<body>`. `element` is an lxml element."""
    if not isinstance(element.tag, str) or element.tag.lower() in _PAGE_TAGS:
        return False
    if element.tag.lower() == "dialog" or (element.get("role") or "").strip().lower() in _MODAL_ROLES:
        return True
    return (element.get("aria-modal") or "").strip().lower() == "true" or names(element, _MODAL_NAMES)


def is_republish_box(element: Any, *, hidden: bool = False) -> bool:
    """The publisher's own "Republish this story" box: the element that offers the story to
    other sites, not one that merely has "republish" in its class (a partner's wrapper of its
    copy, `<div class="republish-post">`), and never what holds the page or its story (`<html>`,
    `<body>`, `<main>`, `<article>`). It is

    - a dialog or pop-up (`is_modal`) whose class or id names "republish" or whose text offers
      the story (`_OFFERS_REPUBLISHING`: "Republish this article", "Republish our stories");
    - a closed `<details>` whose text offers the story, or that is named "republish";
    - an element whose class or id names "republish" (see `_REPUBLISH_NAMES`) that is the
      control that opens the box (a button, a summary, a "btn-republish"), that is hidden until
      a click (a closed `<details>`, its `hidden`, `aria-hidden` or inline `display:none`, or
      `hidden` as the page's CSS decides, which the caller knows), or that holds an offer: text
      that offers the story, or the HTML to copy in a `<textarea>`, `<pre>` or `<code>`.

    `element` is an lxml element."""
    if not isinstance(element.tag, str) or element.tag.lower() in _NEVER_A_BOX:
        return False
    tag = element.tag.lower()
    if is_modal(element):
        return names(element, _REPUBLISH_NAMES) or _offers_republishing(element)
    closed = tag == "details" and element.get("open") is None
    if closed and _offers_republishing(element):
        return True
    if not names(element, _REPUBLISH_NAMES):
        return False
    if tag in _CONTROL_TAGS or names(element, _CONTROL_NAMES) or closed or hidden or _hidden_by_its_markup(element):
        return True
    return _offers_republishing(element) or _holds_html_to_copy(element)


def _offers_republishing(element: Any) -> bool:
    # Each piece of text on its own: joined, a heading runs into the next paragraph ("storyThis").
    return any(_OFFERS_REPUBLISHING().search(text) for text in element.itertext())


def _holds_html_to_copy(element: Any) -> bool:
    return any(_HTML_TAG.search(text_of(holder)) for holder in element.iter(*_COPY_TAGS))


def _hidden_by_its_markup(element: Any) -> bool:
    """Hidden by the element's own attributes: `hidden`, `aria-hidden="true"` or an inline
    `display:none` (what a box waiting for its button's click carries)."""
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    return "display:none" in "".join((element.get("style") or "").lower().split())


def is_set_apart(element: Any, *, hidden: bool = False) -> bool:
    """Part of the page that is not the story even inside its article: a dialog or pop-up, a
    republish box (`is_republish_box`, `hidden` as it reads it), another story's teaser or a
    promotion (a class or id naming a `teaser`, `promo` or `recirc`)."""
    if not isinstance(element.tag, str):
        return False
    return is_modal(element) or is_republish_box(element, hidden=hidden) or names(element, _ELSEWHERE_NAMES)
