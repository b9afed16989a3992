"""A page of a story split over several pages: page 2 of a paginated copy carries none of what
its publisher requires at the story's head (the credit line, the byline, the logo), which its first
page holds; and no page of it holds the whole story its original tells. Pure; reads the parsed page
and never raises.

Told by what a site prints and links, never by a page number alone in an address (a slug may end
in a number):

- the page's own address (its canonical URL, `og:url`, or the address it was read from) and the
  address of its `<link rel="prev">` or `<link rel="next">` are one address with page numbers in
  order: `/story/2/` after `/story/` (WordPress's `<!--nextpage-->`), `/story/page/3/` after
  `/story/page/2/`, `?page=2` (Drupal, Arc, most others);
- WordPress's page links (`wp_link_pages`: `.page-links`, `.post-page-numbers`): the current page
  and a link to another;
- a visible "Page 2 of 3", "Continued from page 1", "(Page 2)" line: what print-style sites and
  plain text write.
"""

from __future__ import annotations

import itertools
import re
import urllib.parse
from collections.abc import Iterable
from typing import Any, NamedTuple

from compliance.document.model import Document, own_pages_of
from compliance.urls import is_http_url


class StoryPage(NamedTuple):
    """Page `number` (1 or more; 0 when the page says it continues a story without its number) of
    a story split over pages; `first` is the first page's address when the page gives it ("" when
    not), `evidence` what said so, as a reader or a page's source shows it, and `line` where."""

    number: int
    first: str
    evidence: str
    line: int


def story_page(doc: Document, address: str = "") -> StoryPage | None:
    """The page's place in a story split over pages (see the module's docstring), its first page
    too; None for a page that is no part of one. `address` is the address the page was read from,
    when it was read from the web (a path of a file is no address and is ignored)."""
    if doc.kind == "html" and doc.root is not None:
        own = [url for url in own_pages_of(doc.canonical, doc.meta, address) if is_http_url(url)]
        found = _sibling_link(doc.root, own) or _page_links(doc)
        if found is not None:
            return found
    return _printed_page(doc)


# A page number in an address: a last path segment that is a number (WordPress's `<!--nextpage-->`
# writes `/story/2/`), or a query parameter that CMSs number a story's pages with. Not `/page/2/`
# nor `paged=2`, WordPress's pages of a blog's index, an archive or a search; not `p`, a post's id;
# not a number with a leading zero, a month or a day (`/2024/05/`).
_PATH_PAGE = re.compile(r"/([1-9]\d{0,2})/?$")
_PAGE_PARAMETERS = frozenset({"page", "pg", "pagina", "seite", "pagenum"})


class _Numbered(NamedTuple):
    """An address without its page number (`base`), the number (1 when it has none) and whether a
    query parameter gave it (Drupal counts those from 0: `?page=1` is the second page)."""

    base: str
    number: int
    in_query: bool


def _readings(url: str) -> list[_Numbered]:
    """`url` read as a page of a story: its address without the page number, and the number. A
    last path segment that is a number may be a page's or an id's (`/node/5`): both readings."""
    parts = urllib.parse.urlsplit(url.strip())
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    number, in_query = 1, False
    kept = []
    for key, value in query:
        if key.lower() in _PAGE_PARAMETERS and value.isascii() and value.isdecimal() and len(value) <= 3 and not in_query:
            number, in_query = int(value), True
        else:
            kept.append((key, value))
    rest = urllib.parse.urlencode(kept)

    def address(path: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path.rstrip("/") or "/", rest, ""))

    found = [_Numbered(address(parts.path), number, in_query)]
    if not in_query and (match := _PATH_PAGE.search(parts.path)) is not None:
        found.append(_Numbered(address(parts.path[: match.start()] + "/"), int(match.group(1)), False))
    return found


def _adjacent(page: _Numbered, other: _Numbered, before: bool) -> int | None:
    """The page's number when `other`, its previous page (`before`) or its next, is the page just
    before or after it, of the same address; else None. A first page has no number in its address;
    a query's numbers may count from 0 (Drupal: the page after the bare address is `?page=1`)."""
    if other.base != page.base:
        return None
    if before and not other.in_query and page.in_query and page.number == 1:
        return 2  # counted from 0
    if not before and not page.in_query and other.in_query and other.number == 1:
        return 1  # counted from 0: this is the first page
    wanted = page.number - 1 if before else page.number + 1
    return page.number if other.number == wanted else None


def _sibling_link(root: Any, own: Iterable[str]) -> StoryPage | None:
    """A `<link rel="prev">` or `<link rel="next">` to the page's own address with the page number
    just before or after its own: an adjacent post's link (old WordPress themes write them to the
    posts before and after) goes to another address, a blog index's or an archive's to `/page/2/`."""
    for link in root.iter("link"):
        rel = set((link.get("rel") or "").lower().split())
        href = (link.get("href") or "").strip()
        before = bool({"prev", "previous"} & rel)
        if not href or not (before or "next" in rel):
            continue
        for url in own:
            other = urllib.parse.urljoin(url, href)
            pairs = ((page, linked) for page in _readings(url) for linked in _readings(other))
            number = next((n for page, linked in pairs if (n := _adjacent(page, linked, before)) is not None), None)
            if number is None:
                continue
            # The first page's address is known when the link goes to it, or when it is this page.
            first = other if before and number == 2 else url if number == 1 else ""
            return StoryPage(number, first, f'<link rel="{"prev" if before else "next"}" href="{href}">', link.sourceline or 0)
    return None


# The containers `wp_link_pages` writes the page links in (its default and themes' own), and
# the class of each number in it.
_PAGE_LINK_CONTAINERS = frozenset({"page-links", "wp-link-pages"})
_PAGE_NUMBER = "post-page-numbers"


def _page_links(doc: Document) -> StoryPage | None:
    """WordPress's page links (`wp_link_pages`): the current page is the number that is not a link
    (or is marked `current` or `aria-current="page"`) in a list with a link to another. Found from
    the page's links numbered as pages (few), not by a walk of every element."""
    for link in doc.links:
        element = link.element
        if element is None or not link.visible or _page_number("".join(element.itertext())) is None or _comments_page(link.href):
            continue
        container = _page_link_list(element)
        if container is None:
            continue
        current = _current_number(container)
        if current is None:
            continue
        first = next((a.get("href", "") for a in container.iter("a") if (a.text or "").strip() == "1"), "")
        return StoryPage(current, first, " ".join(" ".join(container.itertext()).split())[:80], container.sourceline or 0)
    return None


def _comments_page(href: str) -> bool:
    """Whether a link goes to a page of the story's comments (WordPress's `?cpage=2`,
    `/comment-page-2/`), which a theme may number with the same classes as the story's pages."""
    lowered = href.lower()
    return "cpage=" in lowered or "/comment-page-" in lowered or "#comments" in lowered


def _page_link_list(link: Any) -> Any:
    """The list of page links a link numbered as a page is in: the nearest of its three closest
    ancestors with a class of WordPress's page links, or the parent of a link with the class of
    their numbers; None for any other link."""
    for ancestor in itertools.islice(link.iterancestors(), 3):
        if set((ancestor.get("class") or "").split()) & _PAGE_LINK_CONTAINERS:
            return ancestor
    return link.getparent() if _PAGE_NUMBER in (link.get("class") or "").split() else None


def _current_number(container: Any) -> int | None:
    """The number of the current page in a list of page links: the one marked current, or the
    one that is not a link."""
    for item in container.iter():
        if isinstance(item.tag, str) and (number := _page_number(" ".join(item.itertext()))) is not None and _is_current(item, container):
            return number
    # Older WordPress writes the current page as a bare number between the links ("Pages: 1 2 3").
    pieces = (container.text, *(child.tail for child in container))
    return next((number for piece in pieces for token in (piece or "").split() if (number := _page_number(token)) is not None), None)


def _page_number(text: str) -> int | None:
    """`text` read as a page number (ASCII digits, at most three), or None."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdecimal() and len(text) <= 3 else None


def _is_current(item: Any, container: Any) -> bool:
    """Whether a number of a list of page links is the current page's: marked so, or not a link
    (and no wrapper of other numbers)."""
    if "current" in (item.get("class") or "").split() or item.get("aria-current") == "page":
        return True
    linked = item.tag == "a" or any(ancestor.tag == "a" for ancestor in item.iterancestors())
    return not linked and (item is container or len(item) == 0)


# "Page 2 of 3", "Page 2/3", "(Page 2)", "Continued from page 1" (a print edition's jump line) as
# a line of its own. Other languages' words for "page": "Seite", "página", "pagina".
_PRINTED = re.compile(
    r"^[(\[]?\s*(?:(?:page|seite|p[áa]gina)\s+(?P<number>\d{1,3})(?:\s*(?:of|/|von|de|di)\s*(?P<count>\d{1,3}))?"
    # A newspaper's jump line names the page by its section too ("Continued from Page A1", "from
    # 1A"), and may open with the story's slug ("Rates, continued from page 1", "From Page 1").
    r"|(?:[^,\n]{1,30},\s*)?(?:continued\s+from\s+(?:page\s*|p\.\s*)?|from\s+(?:page\s*|p\.\s*))"
    r"(?P<from>[a-z]?\d{1,3}[a-z]?|one|a\s+previous\s+page))\s*[)\]]?\s*[.:]?$",
    re.IGNORECASE,
)
# Where a "Page 2 of 3" line belongs to something else than the story: a picture's caption (a
# scanned document's page), a table's.
_CAPTIONS = frozenset({"figure", "figcaption", "caption"})


def _printed_page(doc: Document) -> StoryPage | None:
    """A visible line of the page that says it is not the story's first page."""
    for block in doc.blocks:
        if len(block.text) > 60 or block.heading or (doc.kind == "html" and not block.in_article):
            continue
        match = _PRINTED.match(block.text.strip())
        # The caption is looked for last, up the block's ancestors: only for a line that reads as
        # a page's, not for every short line of a page whose blocks sit hundreds of elements deep.
        if match is None or _in_caption(block.element):
            continue
        if match.group("from") is not None:
            return StoryPage(0, "", block.text.strip(), block.line)
        number = int(match.group("number"))
        count = int(match.group("count") or number)
        # "Page 1" alone tells nothing; "Page 1 of 3" tells a first page.
        if 1 <= number <= count and count >= 2:
            return StoryPage(number, "", block.text.strip(), block.line)
    return None


def _in_caption(element: Any) -> bool:
    """Whether a block's element is (in) a caption (`_CAPTIONS`); False for a block of text."""
    return element is not None and any(node.tag in _CAPTIONS for node in (element, *element.iterancestors()) if isinstance(node.tag, str))


__all__ = ["StoryPage", "story_page"]
