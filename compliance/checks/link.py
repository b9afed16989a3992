"""`link` — a link back to the original: an `<a href>` in the article (visible by default), the
page's `<link rel=canonical>`, or its `<meta name="syndication-source">`.

`href` is a regex searched in the URL as a browser reads it (`compliance.urls.url_form`:
`scheme://host[:port]/path[?query]`, the host lower-cased and IDNA-mapped, without user name,
default port or fragment), never in the URL's text: anchor it (`^https?://(?:www\\.)?example\\.org/`)
and `https://example.org@evil.example/`, `https://example.org.evil.example/` or
`https://evil.example/?example.org/` do not match. A URL with AMP marks is searched without them
too (`compliance.urls.url_forms`), as `equals` reads them: the story's AMP address
(`https://www.example.org/amp/news/s3`, `…/news/s3/amp`, `…/news/s3.amp`, `?amp=1`) matches a
pattern that names its path (`^https://www\\.example\\.org/news/`), as the story's own does; another
site's AMP page does not. `equals` requires the same page: the same URL
in that form, http or https, a trailing slash, tracking parameters (`utm_source=…`, `fbclid=…`) and
an AMP marker (`/amp/` first or last in the path, a `.amp` page, `?amp=1`) aside (`compliance.urls.page_key`, the audit's key too), so
that an address copied from a newsletter still names the story. `source: any` accepts any of the three forms.

`original: true` asks for a link to the original story itself, not to any page `href` describes,
whenever the original's address is known (`Context.original_addresses`: the `original_url`
metadata, the `original` value when it is a URL, the original story's canonical URL or og:url):
the link must go to one of those addresses, the same page as `original-links` reads it
(`compliance.checks.story.url_key`: scheme, `www.`, a trailing slash, the fragment, tracking
parameters and AMP marks aside), and `href` and `equals` do not apply. A link to another story of
the publisher is then no link back, and the finding names the original's address (the
`original_url` capture, the first address) and the other story's link; the rule's fix writes the
same address as its `{original-url}` (`original_address_for`). Only an address `href`
accepts is the original's here (a CMS's `canonical_url` may name the republisher's own page; an
original refused as another publisher's names none). Without one, `href` or `equals` decide as above. It
is one rule for the link back where a pack also compares with the original: its `original-links`
check then sets `link-back: false`.

Every URL is the one a browser follows, read once when the page is parsed: the link's, the
canonical URL and the syndication source alike are resolved against the page's `<base href>` (the
first one), and a protocol-relative URL (`//www.texastribune.org/`) is read over `https:` when the
page has no absolute base. A path-relative URL (`/about`) without a base stays as written: the
page's own address is not known, and its canonical URL, which on a republication names the
original, cannot stand in.

`back-words` (the publisher's name and a credit's words, `{{link-back-words}}` in common.yaml)
tells a link back from a link that cites another of the publisher's stories when the original's
address is not known: a link in a paragraph of the story's text counts only when its words match
(`<a>ProPublica</a>`, "Read the <a>original article</a>"), are the headline, or stand in a sentence
that matches within a credit line's short block ("This story by … <a>originally appeared</a> on
Global Voices"); "Read <a>our earlier investigation</a>." or "See also <a>our earlier
coverage</a>." cites another story, and the finding names that link. A link to a known address of
the original always counts.

`credit: true` keeps only a link placed as a credit line's, as a detection marker needs it to tell a
publisher's credit, in whatever language it is written, from a story that cites the publisher: the
block that holds the link has at most 40 words (`compliance.text.word_count`: in Chinese, Japanese
and Korean, two characters make a word) and does not open by sending the reader on to the story
("Read more at …", "Continue reading", "Leer más en …": a brief citing it), and a link with no text of its own (a logo) reads as the
alt text of the images it shows, which `text` then matches. Where the block must be (the top, the
end) is a `position` check's to say: see docs/rule-packs.md, "A credit line in another language".

Example (a visible link to the original on ProPublica)::

    link:
      href: '^https://www\\.propublica\\.org/article/'

Passes::

    <article><p>This story was originally published by <a href="https://www.propublica.org/article/flood-maps">ProPublica</a>.</p></article>

A visible link is one a reader can see and click: hidden ones do not count, and neither does an
`<a>` with nothing to click inside it (no text that shows but white space, zero-width or other
invisible characters — text the page's markup or CSS hides does not show — and no visible image,
SVG or video), which takes up no room on the screen:
`ProPublica.<a href="https://www.propublica.org/article/flood-maps"></a>` is no link back, and
the finding says the link has nothing to click. Nor does a link with the `inert` attribute on it
or an element around it, or under `pointer-events: none` (its own, from a `<style>` rule or its
`style` attribute, or inherited from an element around it, unless it sets another value itself:
`pointer-events: auto` restores it), which is drawn but ignores readers' clicks and taps: the
finding says it cannot be clicked.

Fails::

    <article><p>This story was originally published by ProPublica.</p><a href="https://www.propublica.org/article/flood-maps" hidden>ProPublica</a></article>

"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple
from urllib.parse import urlsplit, urlunsplit

from compliance.checks.base import LABEL_DOC, Check, Context, Hit, Outcome, hiding_note, judge_count
from compliance.checks.story import link_keys, url_key
from compliance.document import Block, BrokenLink, Document, Image, Link, links_an_author_page
from compliance.document.elements import BLOCK_TAGS, inert_holder, text_of
from compliance.errors import PackError
from compliance.findings import START
from compliance.firstuse import on_first_use
from compliance.lookalike import as_read, find_disguises, see_through
from compliance.options import Option
from compliance.patterns import MissingMeta, Pattern, PatternTimeout, PatternTooLarge, meta_keys
from compliance.text import counted, has_words, shorten
from compliance.urls import is_http_url, on_host, same_page, url_form, url_forms, url_host

# The values each hit captures, for `{placeholders}` in a rule's message: the matching link's or canonical URL.
CAPTURES = frozenset(("href",))
# With `original: true`, a failure also captures the original's address when it is known.
ORIGINAL_CAPTURES = frozenset(("href", "original_url"))

OPTIONS = (
    Option(
        "href",
        "regex",
        "Regex searched in the URL as a browser reads it (`scheme://host[:port]/path[?query]`, no user name or fragment), and without its AMP marks.",
        default=None,
    ),
    Option("equals", "string", "The URL required, as a browser reads it (http or https, tracking parameters, an AMP marker aside).", default=None),
    Option("text", "regex", "Regex the link's visible text must contain.", default=None),
    Option(
        "original",
        "boolean",
        "When the original story's address is known (the original given, or the `original_url` metadata) and `href` accepts it, the link"
        " must go to that story (the same page: tracking parameters, AMP marks, `www.` aside) instead of matching `href`/`equals`;"
        " otherwise they decide.",
        default=False,
    ),
    Option(
        "credit",
        "boolean",
        "Only a link placed as a credit line's: in a block of its own of at most 40 words (a CJK character is half a word), not a paragraph of"
        " the story that cites it; an image link (a logo) reads as its image's alt text.",
        default=False,
    ),
    Option(
        "named-sites",
        "host-map",
        "Sites by name (`Maine Morning Star: mainemorningstar.com`): a link whose words are one site's name and which goes to another's"
        " does not count, nor does one on other words in a credit line's block (at most 40 words) that names one or more of the sites"
        " and goes to another of them; the finding names the site the words call for (a credit naming one outlet of a network linked to another).",
        default=None,
    ),
    Option(
        "credit-line",
        "regex",
        "With `named-sites` (a pack that gives it without them is refused): the copy's credit line (a match in a block of the article)."
        " The sites of `named-sites` whose names its match holds are the ones the copy credits; a link to another of them, wherever"
        " it stands on the page, is no link back, and the finding names the credited site.",
        default=None,
    ),
    Option(
        "back-words",
        "regex",
        "The words of a link back (the publisher's name, a credit's words): a link in a paragraph of the story's text counts only"
        " when its words match, or are the story's headline, or its sentence matches in a credit line's short block (at most 40 words);"
        ' a link there on other words ("our earlier investigation", "a report") cites another story. A link to the original\'s known'
        " address always counts.",
        default=None,
    ),
    Option("source", "enum", "Which links count.", default="a", choices=("a", "canonical", "syndication-source", "any")),
    Option("visible", "enum", "For `<a>` links: only visible ones (`true`), hidden ones (`false`), or both.", default="true", choices=("true", "false", "any")),
    Option("scope", "enum", "For `<a>` links: `article` or `page`.", default="article", choices=("article", "page")),
    Option("label", "string", LABEL_DOC, default=None),
    Option("min", "integer", "Fewest matching links required (0 when only `max` is given).", default=1, minimum=0),
    Option("max", "integer", "Most matching links allowed (`0` forbids them).", default=None, minimum=0),
)


class LinkParams(NamedTuple):
    """Validated parameters of a `link` check."""

    href: Pattern | None
    equals: str | None
    text: Pattern | None
    source: str
    visible: str
    scope: str
    min: int
    max: int | None
    label: str = ""
    credit: bool = False
    original: bool = False
    back_words: Pattern | None = None
    named_sites: tuple[tuple[str, str], ...] = ()
    # The source of the pattern of `named_sites`' names as a credit line's words print them
    # (`_site_names_source`), compiled on first use (`_site_names`); "" without `named-sites`.
    site_names: str = ""
    credit_line: Pattern | None = None


def build(values: dict[str, Any]) -> LinkParams:
    """Parameters from validated option values; raises PackError for a `credit-line` without
    `named-sites` (it says which of those sites the copy credits, and would do nothing alone)."""
    if values["credit_line"] is not None and not values["named_sites"]:
        raise PackError(
            "a link check's credit-line needs named-sites: it says which of those sites the copy's credit line names",
            hint="add named-sites (Site Name: host) to the check, or leave credit-line out",
        )
    return LinkParams(
        href=values["href"],
        equals=values["equals"],
        text=values["text"],
        source=values["source"],
        visible=str(values["visible"]).lower(),
        scope=values["scope"],
        min=values["min"],
        max=values["max"],
        label=values["label"] or "",
        credit=bool(values["credit"]),
        original=bool(values["original"]),
        back_words=values["back_words"],
        named_sites=tuple((_site_key(name), host) for name, host in values["named_sites"] or ()),
        site_names=_site_names_source(name for name, _ in values["named_sites"] or ()),
        credit_line=values["credit_line"],
    )


_KINDS = {"a": "link", "canonical": "canonical link", "syndication-source": "syndication-source meta tag", "any": "link"}


def describe(params: LinkParams, equals: str | None = None, original: str | None = None) -> str:
    """What the check looks for, in words: its label, or the kind of link and where it points
    (`original`: the original story's address, when `original: true` and it is known)."""
    if params.label:
        return params.label
    phrase = _KINDS[params.source]
    if original is not None:
        phrase += f" to the original <{original}>"
        return phrase if params.text is None else f"{phrase} reading {params.text.shown}"
    if params.original:
        # As the reference and rule listings show it; an article's detail names the address, or
        # without one, what `href`/`equals` ask (`evaluate`).
        phrase += " to the original story" + (", else one" if params.href is not None or params.equals is not None else "")
    if params.href is not None:
        phrase += f" to {params.href.shown}"
    if params.equals is not None:
        phrase += f" to {equals or params.equals}"
    if params.text is not None:
        phrase += f" reading {params.text.shown}"
    return phrase


def _same_url(a: str, b: str) -> bool:
    """Two URLs that take a reader to the same page: http or https, a trailing slash and tracking
    parameters (`utm_source=…`) aside (`compliance.urls.same_page`)."""
    return same_page(a, b)


def _original_keys(params: LinkParams, ctx: Context) -> tuple[tuple[str, ...], frozenset[str]]:
    """With `original: true`, the original story's known addresses that `href` (when given)
    accepts, and their `url_key`s; empty otherwise, or when none is known (then `href` and
    `equals` decide). An address `href` rejects is not the publisher's story the rule asks a link
    to: a CMS's `canonical_url` naming the republisher's own page, another publisher's story."""
    if not params.original:
        return (), frozenset()
    addresses = tuple(address for address in ctx.original_addresses() if _href_matches(address, params, ctx))
    return addresses, frozenset(url_key(address) for address in addresses)


def original_address_for(checks: Iterable[Check], ctx: Context) -> str | None:
    """The address of the original story a rule names and its fix writes (`{original-url}`):
    `Context.original_address`, taking only what a link back (a `link` check with `original:
    true`) accepts as the publisher's story, as the link back's finding names it. The link back
    is the first found in `checks`: the rule's own check, then the other rules of the packs
    applied (a credit line's fix links the address the pack's link-back rule would name); with
    none, the first known address. None when none is known. Raises what a pattern raises
    (`MissingMeta` for a `{{meta.KEY}}` not given)."""
    backs = next((found for check in checks if (found := link_backs_in(check))), [])
    return ctx.original_address(lambda address: all(_href_matches(address, params, ctx) for params in backs))


class PageLinkBack(NamedTuple):
    """The original story's address as the page links it back, and the hit that found it (the
    link back's own evidence: `<a href="…">ProPublica</a>`, `<link rel="canonical" …>`)."""

    address: str
    hit: Hit


def page_link_back(checks: Iterable[Check], ctx: Context) -> PageLinkBack | None:
    """The page's own link back to the original story, as the checks read it: the first hit,
    in `checks`' order, of a link back — a `link` check with `original: true`, or a link in the
    `b` of a `same-id` with `original: true` (The Conversation's "Read the original article"
    link whose id the counter must carry) — with an http(s) address. Asked when no address of
    the original is known (`original_address_for`): then a link back counts every link its
    `href` accepts, and the one it counts is the address. None when the page has none, or a
    link back cannot be decided here (a `{{meta.KEY}}` not given, a pattern out of time)."""
    backs = [back for check in checks for back in _page_link_checks(check, inside_back=False)]
    for back in backs:
        try:
            outcome = ctx.run(back)
        except (MissingMeta, PatternTimeout, PatternTooLarge):
            continue
        for hit in outcome.hits:
            href = dict(hit.captures).get("href", "")
            if is_http_url(href):
                return PageLinkBack(href, hit)
    # A link back a reader must see (ProPublica's) does not count the page head's links, but
    # they name the original all the same, as the publisher's republish HTML writes them.
    return next((found for back in backs if (found := _head_link_back(back.params, ctx)) is not None), None)


def _head_link_back(params: LinkParams, ctx: Context) -> PageLinkBack | None:
    """The page's canonical or `syndication-source` link (in that order) that the link back
    `params` accepts by its `href` or `equals`, as the original's address; None when it names
    neither, or accepts any address: a republisher's canonical link names its own page, and only
    a pattern of the publisher's stories tells the two apart."""
    if params.href is None and params.equals is None:
        return None
    for source in ("canonical", "syndication-source"):
        for url, evidence in _head_links(ctx.doc, source):
            try:
                accepted = is_http_url(url) and _url_matches(url, params, ctx)
            except (MissingMeta, PatternTimeout, PatternTooLarge):
                return None
            if accepted:
                return PageLinkBack(url, Hit(0, START, evidence, (("href", url),)))
    return None


def _head_links(doc: Document, source: str) -> list[tuple[str, str]]:
    """The page head's links of `source` ("canonical" or "syndication-source"), each with its
    address and the tag as a finding quotes it; a Markdown or text article's canonical link is
    its front matter's (`plaintext.front_matter_canonical`), quoted with its key."""
    if source == "canonical" and doc.kind != "html":
        # A Markdown or text article's canonical link is the one its theme writes from the front matter.
        from compliance.document.plaintext import front_matter_canonical

        return [(url, f"the front matter's {key} ({shorten(url, 90)})") for key, url in front_matter_canonical(doc.front_matter)]
    if source == "canonical":
        return [(url, f'<link rel="canonical" href="{shorten(url, 90)}">') for url in doc.canonical]
    return [(url, f'<meta name="syndication-source" content="{shorten(url, 90)}">') for url in doc.meta.get("syndication-source", ())]


def _page_link_checks(check: Check, *, inside_back: bool) -> list[Check]:
    """The `link` checks in `check` that read the page's link back (see `page_link_back`); none
    under `not` (a link a rule forbids)."""
    if check.kind == "not":
        return []
    if check.kind == "link":
        return [check] if inside_back or check.params.original else []
    if check.kind == "same-id":
        return _page_link_checks(check.params.b, inside_back=inside_back or check.params.original)
    return [found for child in check.children for found in _page_link_checks(child, inside_back=inside_back)]


def link_backs_in(check: Check) -> list[LinkParams]:
    """The parameters of each `link` check with `original: true` in `check` and the checks in it."""
    if check.kind == "link":
        return [check.params] if check.params.original else []
    return [found for child in check.children for found in link_backs_in(child)]


def _href_matches(url: str, params: LinkParams, ctx: Context) -> bool:
    """Whether `href` (when given) matches the URL, or the URL without its AMP marks."""
    if params.href is None:
        return True
    pattern = ctx.bind(params.href)
    return any(pattern.search(form) for form in url_forms(url))


def _url_matches(url: str, params: LinkParams, ctx: Context, original: frozenset[str] = frozenset()) -> bool:
    """Whether the URL is one the check counts: a link to the original story when its addresses'
    keys are given (`original`), else one `href` and `equals` accept."""
    if original:
        return url_key(url) in original
    if not _href_matches(url, params, ctx):
        return False
    return params.equals is None or _same_url(url, ctx.expand(params.equals))


def _links_with_words(doc: Document, pattern: Pattern | None, *, in_article: bool = False) -> Sequence[Link]:
    """The page's links (with `in_article`, those of the article: `_article_links`) whose URL
    can match the pattern: those that contain its literal words (`compliance.prefilter.pattern_words`),
    found in an index of their URLs (as `url_form` reads them) built once per document; every one
    when the pattern has no words."""
    from compliance.prefilter import fold, pattern_words

    links = _article_links(doc) if in_article else doc.links
    need = pattern_words(pattern.regex_text) if pattern is not None and pattern.template is None else None
    if need is None or not links or any(not alternative for alternative in need):
        return links  # no words to look for, or an alternative that needs none
    key = "article-link-url-index" if in_article else "link-url-index"
    index: tuple[bytes, list[int]] | None = doc._memo.get(key)
    if index is None:
        # A URL with AMP marks is there as `_url_matches` reads it, with and without them.
        folded = [fold(" ".join(url_forms(link.href))) for link in links]
        starts = list(itertools.accumulate((len(url) + 1 for url in folded[:-1]), initial=0))
        index = (b"\n".join(folded), starts)
        doc._memo[key] = index
    urls, starts = index
    found: set[int] = set()
    for alternative in need:
        # The longest word is the rarest ("propublica.org/article/" rather than "http"): the URLs
        # holding it are found in the index, and the other words are looked for in those alone.
        first, *others = sorted(alternative, key=len, reverse=True)
        at = urls.find(first)
        while at >= 0:
            link = bisect.bisect_right(starts, at) - 1
            end = starts[link + 1] - 1 if link + 1 < len(starts) else len(urls)
            url = urls[starts[link] : end]
            if all(word in url for word in others):
                found.add(link)
            at = urls.find(first, end)
    return [links[i] for i in sorted(found)]


def _article_links(doc: Document) -> tuple[Link, ...]:
    """The page's links where a credit counts (`Document.item_credit_in_article`), in page order,
    worked out once per document: a page's menus, teasers and footer hold most of its links, whose
    URLs a check of the article's links need not read."""
    cached: tuple[Link, ...] | None = doc._memo.get("article-links")
    if cached is None:
        cached = doc._memo["article-links"] = tuple(link for link in doc.links if doc.item_credit_in_article(link))
    return cached


def _visible_article_links(doc: Document) -> Iterator[Link]:
    """The article's links (`_article_links`) a reader can see, in page order: where the readings
    of a failed check look for the link an editor meant."""
    return (link for link in _article_links(doc) if link.visible)


def _matching_links(doc: Document, params: LinkParams, ctx: Context, original: frozenset[str], *, in_article: bool = False) -> Sequence[Link]:
    """The page's links (with `in_article`, the article's: `_article_links`) whose URL the check
    counts, in page order: those going to the original story when its addresses' keys are given
    (`original`; each link's key computed once per document, `link_keys`), else those `href` and
    `equals` accept."""
    if original:
        return [link for link, key in zip(doc.links, link_keys(doc), strict=True) if key in original]
    return [link for link in _links_with_words(doc, params.href, in_article=in_article) if _url_matches(link.href, params, ctx)]


def _reads_metadata(params: LinkParams) -> bool:
    """Whether the check's `href`, `text` or `equals` names an article's metadata (`{{meta.KEY}}`),
    which is filled in (or found missing: `MissingMeta`) only when a link's URL is read."""
    return any(pattern is not None and pattern.template is not None for pattern in (params.href, params.text)) or bool(
        params.equals is not None and meta_keys(params.equals)
    )


# A credit line is a sentence or two ("This story by … originally appeared on Global Voices on April
# 18, 2024."; ProPublica's credit and its newsletter line make about 30 words, in any language);
# a story's paragraph that cites the publisher runs longer.
_CREDIT_WORDS = 40


def _read_text(doc: Document, link: Link, credit: bool) -> str:
    """The link's text as `text` reads it: with `credit`, a link with no text of its own (a logo)
    reads as the alt text of the images a reader sees in it. Look-alike letters read as the
    Latin letters they imitate (`as_read`), as in the page's text."""
    if not credit or link.text.strip() or link.element is None:
        return as_read(link.text, doc.spelt_names)
    inside = set(link.element.iter("img"))
    return " ".join(image.alt for image in doc.images if image.visible and image.alt and image.element in inside)


# A block that opens by sending the reader on to the story ("Read more at DCNF", "Continue
# reading", "Leer más en …", "Lire la suite sur …") cites where the story is, as a brief or an
# excerpt does; a credit line says the copy is the publisher's story ("originally published by").
_READ_MORE = on_first_use(
    r"^[\W_]*(?:"
    r"read\s+(?:more|on|the\s+(?:full|whole|complete|entire|rest\s+of\s+the)\s+(?:story|article|report|piece))"
    r"|(?:continue|keep)\s+reading|full\s+(?:story|article|report)|more\s+(?:at|on|from)|(?:see|learn)\s+more"
    r"|le(?:e|er|a)\s+m[aá]s|(?:sigue|siga|contin[uú]a)\s+leyendo|lee\s+(?:la|el)\s+(?:nota|historia|noticia|art[ií]culo)\s+complet[ao]"
    r"|lire\s+(?:la\s+suite|plus)|en\s+savoir\s+plus"
    r"|weiterlesen|mehr\s+(?:bei|auf|lesen)|lesen\s+sie\s+(?:mehr|weiter)"
    r"|leia\s+mais|continue\s+lendo|saiba\s+mais"
    r"|leggi\s+(?:di\s+pi[uù]|tutto|anche)|continua\s+a\s+leggere"
    r")\b",
    re.IGNORECASE,
)


def _in_credit_block(doc: Document, link: Link) -> bool:
    """Whether the link stands in a credit line's block: an image of its own (a logo), or a block
    of at most `_CREDIT_WORDS` words that does not open by sending the reader on to the story
    (`_READ_MORE`)."""
    if not 0 <= link.index < len(doc.items):
        return False
    item = doc.item_at(link.index)
    return not isinstance(item, Block) or not (has_words(item.text, _CREDIT_WORDS + 1) or _READ_MORE().search(item.text))


def _reads_and_stands_as_wanted(doc: Document, link: Link, params: LinkParams, ctx: Context) -> bool:
    """Whether the link's text matches `text` (if given) and, with `credit`, it stands in a credit
    line's block."""
    if params.text is not None and not ctx.bind(params.text).search(_read_text(doc, link, params.credit)):
        return False
    return not params.credit or _in_credit_block(doc, link)


def _cites_another_story(doc: Document, link: Link, params: LinkParams, ctx: Context) -> bool:
    """Whether the link, in a paragraph of the story's text (a block that is no heading), cites
    another story rather than links back: its words (a logo's alt text) do not match `back-words`
    (the publisher's name, a credit's words) and are not the story's headline (the page's or the
    original's), and it does not stand in a sentence `back-words` matches within a credit line's
    short block (`_in_credit_block`: "This story by … <a>originally appeared</a> on Global Voices").
    A link to one of the original's known addresses never cites another story. ProPublica's
    "Read <a>our earlier investigation</a>." links another of its stories, not the original."""
    assert params.back_words is not None
    if not 0 <= link.index < len(doc.items):
        return False
    item = doc.item_at(link.index)
    if not isinstance(item, Block) or item.heading or any(byline.index == item.index for byline in doc.bylines):
        # A byline's link (the reporter's name linked to the story, as KFF Health News' Republish
        # HTML prints it) is the byline's, not a citation in the story's text.
        return False
    words = ctx.bind(params.back_words)
    text = _read_text(doc, link, credit=True)
    if words.search(text) or _is_a_headline(doc, ctx, text):
        return False
    # In a credit line's block, or a short line of its own ("<a>Read more</a> at Global Voices."),
    # a sentence naming the publisher or the credit makes its link the link back.
    short = not has_words(item.text, _CREDIT_WORDS + 1)
    if (short or _in_credit_block(doc, link)) and words.search(_sentence_around(as_read(item.text, doc.spelt_names), text)):
        return False
    known = {url_key(address) for address in ctx.original_addresses()}
    return url_key(link.href) not in known


def _is_a_headline(doc: Document, ctx: Context, text: str) -> bool:
    """Whether a link's words are the story's headline, the page's or the original's (letter
    case, spaces and punctuation aside)."""
    key = _name_key(text)
    if not key:
        return False
    headlines = (doc.headline, ctx.original.headline if ctx.original is not None else None)
    return any(headline is not None and _name_key(headline.text) == key for headline in headlines)


# Where a sentence of a block ends: a full stop, "!" or "?" (with a closing quotation mark or
# bracket), then a space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def _sentence_around(block: str, words: str) -> str:
    """The sentence of `block` that holds `words` (their first occurrence), the whole block when
    they are not in it."""
    at = block.find(words) if words else -1
    if at < 0:
        return block
    start = max((match.end() for match in _SENTENCE_END.finditer(block, 0, at)), default=0)
    after = _SENTENCE_END.search(block, at + len(words))
    return block[start : after.start() + 1 if after else len(block)]


def hidden_links(doc: Document, params: LinkParams, ctx: Context) -> list[Link]:
    """The story's `<a>` links no reader sees (`Link.visible` is False: hidden by markup or CSS,
    visually-hidden classes, zero size, off-screen, as hidden text is) that the check would count
    if they showed: the same URL, text and, with `credit`, a credit line's short block (the
    hidden block's own words, which the page's items do not hold). Only links in the story itself
    count (`Document.in_story`): a hidden menu or republish box says nothing of whose story it is.
    In page order; empty for a check of `canonical` or `syndication-source` links, or one that
    asks for hidden links (`visible: false`) or any (`visible: any`)."""
    if params.source not in ("a", "any") or params.visible != "true":
        return []
    found = []
    original = _original_keys(params, ctx)[1]
    for link in _matching_links(doc, params, ctx, original):
        if link.visible or link.element is None or not doc.in_story(link.element):
            continue
        # A hidden logo's images are hidden too: their alt text is the link's words all the same.
        text = as_read(link.text or " ".join(str(image.get("alt") or "") for image in link.element.iter("img")), doc.spelt_names)
        if params.text is not None and not ctx.bind(params.text).search(text):
            continue
        if params.credit and has_words(_enclosing_block_text(link.element), _CREDIT_WORDS + 1):
            continue
        found.append(link)
    return found


def _enclosing_block_text(element: Any) -> str:
    """The words of the nearest block (paragraph, list item, division…) holding the element, the
    element itself when no block holds it."""
    node = element
    while node is not None and not (isinstance(node.tag, str) and node.tag.lower() in BLOCK_TAGS):
        node = node.getparent()
    return text_of(node if node is not None else element)


def evaluate(doc: Document, params: LinkParams, ctx: Context) -> Outcome:
    """Count the links that match and compare with min/max."""
    hits: list[Hit] = []
    hidden: list[Link] = []  # matching links a reader does not see
    empty: list[Link] = []  # on the page, but with no text or image a reader could click
    # Seen, but no reader can click it: in an `inert` subtree, or under `pointer-events: none`
    # (with the element that makes it so, and how).
    inert: list[tuple[Link, tuple[Any, str]]] = []
    # Going to one of `named_sites` when its words, its credit line's or the copy's credit line
    # (`credit-line`) name another: with the named one's host and which of the three names it.
    elsewhere: list[tuple[Link, str, str]] = []
    # In a paragraph of the story's text, on words that cite another story (`back-words`).
    citing: list[Link] = []
    # Only a rule asking for the original story itself (`original: true`) reads its addresses.
    addresses, original = _original_keys(params, ctx)
    if params.source in ("a", "any"):
        # A check of the article's links reads only theirs, unless a link elsewhere would find an
        # article's metadata missing first (the check's own outcome then).
        in_article = params.scope == "article" and not _reads_metadata(params)
        for link in _matching_links(doc, params, ctx, original, in_article=in_article):
            if not _reads_and_stands_as_wanted(doc, link, params, ctx):
                continue
            if params.scope == "article" and not doc.item_credit_in_article(link):
                continue
            if (params.visible == "true" and not link.visible) or (params.visible == "false" and link.visible):
                hidden.append(link)
                continue
            if params.visible == "true" and not doc.has_something_to_click(link):
                empty.append(link)
                continue
            if params.visible == "true" and link.element is not None and (holder := _unclickable_by(doc, link.element)) is not None:
                inert.append((link, holder))
                continue
            # A link to another site of `named_sites` than its words or its credit line name is the
            # link back pointed at the wrong site, whatever its words; one that the copy's credit
            # line alone ties to another site is so unless it cites another story (the story's own
            # link, which stays as it is: the credit is what to link).
            named = _other_site_named(doc, link, params, ctx)
            if named is not None and named[1] != _BY_THE_CREDIT:
                elsewhere.append((link, *named))
                continue
            if params.back_words is not None and not original and _cites_another_story(doc, link, params, ctx):
                citing.append(link)
                continue
            if named is not None:
                elsewhere.append((link, *named))
                continue
            evidence = f'<a href="{shorten(link.href, 90)}">{shorten(link.text, 60)}</a>'
            hits.append(Hit(link.index, functools.partial(doc.locate, link), evidence, (("href", link.href),)))
    for source in ("canonical", "syndication-source"):
        if params.source in (source, "any"):
            hits.extend(Hit(0, START, evidence, (("href", url),)) for url, evidence in _head_links(doc, source) if _url_matches(url, params, ctx, original))
    if original:
        what = describe(params, original=addresses[0])
    else:
        what = describe(params._replace(original=False), ctx.expand(params.equals) if params.equals is not None else None)
    where = " in the article" if params.source == "a" and params.scope == "article" else " on the page"
    hidden_note = ""
    if hidden:
        # Located as the element check locates a hidden element: the editor shows it rather than
        # adds another; a pass of `max` says it too, as the link is there, only not shown.
        line = hidden[0].line
        hiding = hiding_note(doc, hidden[0].element)
        hidden_note = f"; the one at line {line} is hidden{hiding}" if len(hidden) == 1 else f"; {len(hidden)} are hidden, the first at line {line}{hiding}"
    decided = judge_count(hits, params.min, params.max, what=what, absent=f"no {what}{where}{hidden_note}")
    if decided is not None:
        return decided
    detail = f"no {'visible ' if params.source == 'a' and params.visible == 'true' else ''}{what}{where}"
    if hits:
        detail = f"{what} appears {counted(len(hits), 'time')}{where}; at least {params.min} needed"
    detail += hidden_note
    captures: tuple[tuple[str, str], ...] = ()
    if original:
        captures = (("original_url", addresses[0]),)
    credited = _credited_site(doc, params, ctx)
    if credited is not None:
        block, name, host = credited
        detail += f"; the copy credits {name} (line {block.line}): link back to the story on its site, {host}"
    disguised = _look_alike_link(doc, params, ctx, original)
    if disguised is not None:
        link, clause = disguised
        detail += f'; the link at line {link.line} (<a href="{shorten(link.href, 90)}">) {clause}; write the address in plain letters'
        return Outcome(False, (), detail, functools.partial(doc.locate, link), captures=captures)
    if elsewhere:
        link, named_host, named_by = elsewhere[0]
        goes_to = url_host(link.href)
        if named_by == _BY_THE_CREDIT:
            clause = f"goes to {goes_to}, not to the site the copy's credit line names, {named_host}"
        else:
            clause = f"{_NAMED_BY[named_by]} {named_host} but goes to {goes_to}"
        detail += f"; the link at line {link.line} ({_shown_link(link)}) {clause}: point it at {named_host}"
        return Outcome(False, (), detail, functools.partial(doc.locate, link), captures=captures)
    broken = _broken_link_for(doc, params, ctx, original)
    if broken is not None:
        detail += (
            f"; the link at line {broken.line} ([{shorten(broken.text, 60)}]({shorten(broken.href, 90)})) is shown as text, not a link:"
            f" its address holds {characters_named(broken.characters)}, which a Markdown link's address cannot; take it out"
        )
        return Outcome(False, (), detail, functools.partial(doc.locate_line, broken.line, None), captures=captures)
    if original:
        detail += _another_page(doc, params, ctx, original)
    # A credit linking the publisher's home page is the link to re-point: named before a link in
    # the story's text that cites another story.
    home = home_page_link(doc, params, ctx)
    if home is not None:
        detail += "; " + home_page_clause(home)
        return Outcome(False, (), detail, functools.partial(doc.locate, home), captures=captures)
    if citing:
        first = citing[0]
        detail += (
            f"; the link at line {first.line} ({_shown_link(first)}) cites another story by"
            " its words, not the original: link the credit line, or the publisher's name, to the original"
        )
        return Outcome(False, (), detail, functools.partial(doc.locate, first), captures=captures)
    mislabelled = _mislabelled_for(doc, params, ctx, addresses)
    if mislabelled is not None:
        detail += f"; the link at line {mislabelled.line} ({_shown_link(mislabelled)}) names the original but goes elsewhere: point it at the original"
        return Outcome(False, (), detail, functools.partial(doc.locate, mislabelled), captures=captures)
    if empty:
        first = empty[0]
        detail += (
            f'; the link at line {first.line} (<a href="{shorten(first.href, 90)}">) has nothing to click: put the words or image a reader'
            " should click inside it"
        )
        return Outcome(False, (), detail, functools.partial(doc.locate, first), captures=captures)
    if inert:
        first, (holder, how) = inert[0]
        around = "it has" if holder is first.element else f"the <{holder.tag}> at line {holder.sourceline} around it has"
        detail += (
            f'; the link at line {first.line} (<a href="{shorten(first.href, 90)}">) cannot be clicked: {around} {how},'
            f" which makes what it holds ignore readers' clicks and taps; remove {'the attribute' if how == _INERT else 'it'}"
        )
        return Outcome(False, (), detail, functools.partial(doc.locate, first), captures=captures)
    # No place of its own: the rule's (`engine.missing_location`).
    return Outcome(False, (), detail, captures=captures)


_INERT = "the inert attribute"
_IGNORING_POINTER = "pointer-events: none in its CSS"


def _unclickable_by(doc: Document, element: Any) -> tuple[Any, str] | None:
    """What makes a seen link one no reader can click, with how it does: the element with the
    `inert` attribute (`inert_holder`), else the one whose `pointer-events: none` is in force on
    it (`Document.ignores_pointer`); None when a reader can click it."""
    holder = inert_holder(element)
    if holder is not None:
        return holder, _INERT
    holder = doc.ignores_pointer(element)
    return None if holder is None else (holder, _IGNORING_POINTER)


def home_page_link(doc: Document, params: LinkParams, ctx: Context, before: int | None = None) -> Link | None:
    """The first visible link of the article (before block index `before`, when given) that goes
    to the home page of the site `href` asks a link to: a site's root (`https://globalvoices.org/`,
    no path or query) that `href` does not match but would match as it goes on (a partial match:
    `^https?://(?:www\\.)?propublica\\.org/article/` for `https://www.propublica.org/`); None
    when there is none, or `href` is not given. A credit line linked to the publisher's home page
    is the link back pointed at the wrong page: the finding names it, so that an editor re-points
    it rather than moves another link or adds a second. A home-page link the original story prints
    too (KFF Health News' tagline links its name to kffhealthnews.org) is one of the story's own
    links, which the terms say to keep: never named. Read only when a check fails."""
    if params.href is None or params.source not in ("a", "any"):
        return None
    pattern = ctx.bind(params.href)
    the_originals = _the_originals_links(ctx)
    for link in _visible_article_links(doc):
        if before is not None and link.index >= before:
            continue
        form = site_root(link.href)
        if form is None or url_key(link.href) in the_originals:
            continue
        # A root address is a host and a slash: short, whatever the page writes elsewhere.
        match = pattern.compiled.match(form, partial=True)
        if match is not None and match.partial:
            return link
    return None


def _the_originals_links(ctx: Context) -> frozenset[str]:
    """The `url_key`s of the original story's own links (none without an original): a copy's link
    that the original prints too is one of the story's links, which the terms say to keep, never a
    link back pointed at the wrong page."""
    return frozenset(link_keys(ctx.original)) if ctx.original is not None else frozenset()


def site_root(url: str) -> str | None:
    """`url` as a browser reads it (`url_form`) when it is an http(s) site's home page (no path
    but "/", no query: `https://www.propublica.org/`), else None."""
    form = url_form(url)
    if form is None or not is_http_url(form):
        return None
    parts = urlsplit(form)
    return form if parts.path in ("", "/") and not parts.query else None


def home_page_clause(link: Link) -> str:
    """What a detail says of a link `home_page_link` found."""
    return (
        f"the link at line {link.line} ({_shown_link(link)}) goes to the home page of"
        f" {url_host(link.href)}, not to the story: point that link at the story itself"
    )


def _broken_link_for(doc: Document, params: LinkParams, ctx: Context, original: frozenset[str]) -> BrokenLink | None:
    """With no link the check counts: the first of a Markdown article's links that a renderer
    shows as text (`Document.broken_links`: a control character or a space in its address) which
    the check would count once those characters are taken out; None when there is none. Read only
    when the check fails."""
    if params.source not in ("a", "any"):
        return None
    for broken in doc.broken_links:
        if _url_matches(broken.href, params, ctx, original) and (params.text is None or ctx.bind(params.text).search(broken.text)):
            return broken
    return None


# How a character a link's address cannot hold is named in a finding (the others by code point).
_CHARACTER_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return", " ": "a space"}


def characters_named(characters: str) -> str:
    """ "U+0007 (a control character)", "a tab and U+001B (a control character)"."""
    names = [_CHARACTER_NAMES.get(char, f"U+{ord(char):04X} (a control character)") for char in characters]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _mislabelled_for(doc: Document, params: LinkParams, ctx: Context, addresses: tuple[str, ...]) -> Link | None:
    """For a failed link back (`original: true`), the link whose words name the original but which
    goes elsewhere (`mislabelled_link`), the original's address being the first known one the link
    back accepts (`addresses`) or, with none known, the page head's canonical or
    syndication-source link it accepts, as `fix` reads it (`page_link_back`); None otherwise."""
    if not params.original:
        return None
    if addresses:
        return mislabelled_link(doc, ctx, addresses[0])
    head = _head_link_back(params, ctx)
    return mislabelled_link(doc, ctx, head.address) if head is not None else None


def mislabelled_link(doc: Document, ctx: Context, address: str) -> Link | None:
    """With no link to the original: the visible link of the article whose words name the
    original, by its publisher's name as the original's host spells it ("ProPublica" for
    www.propublica.org, "The Texas Tribune" for texastribune.org) or by the original's headline,
    but which goes to another site (a credit line whose link a CMS rewrote to the republisher's own
    page), or to the home page of the original's own site (a credit line linked to
    `https://www.propublica.org/`, not the story), and which the original does not print itself
    (KFF Health News' tagline links its name to its home page); None when there is none. The first
    such link outside the bylines is the one (the credit line's, which the packs' help says to
    link), else the first in a byline that does not go to an author's page
    (`links_an_author_page`): a theme links each name of a byline to its author page, and
    Co-Authors Plus's "ProPublica" guest author (`/author/pp/`) names the publisher as an author,
    not where the story comes from. Read only when the check fails, and by `fix` to re-point it."""
    host = url_host(address) or ""
    labels = host.removeprefix("www.").split(".")
    site = labels[0] if len(labels) > 1 else ""
    headline = ctx.original.headline.text if ctx.original is not None and ctx.original.headline is not None else ""
    names = {name for name in (site, _name_key(headline)) if name}
    the_originals = _the_originals_links(ctx)
    bylines = _byline_blocks(doc)
    in_a_byline: Link | None = None
    for link in _visible_article_links(doc):
        if on_host(url_host(link.href) or "", (host.removeprefix("www."),)) and site_root(link.href) is None:
            continue
        if url_key(link.href) in the_originals:
            continue
        words = _name_key(link.text)
        if not (words in names or (words.startswith("the") and words[3:] == site)):
            continue
        if link.index not in bylines:
            return link
        if in_a_byline is None and not links_an_author_page(link):
            in_a_byline = link
    return in_a_byline


# A block that opens as a byline does ("By …", "by: …").
_BY_OPENER = re.compile(r"^\W*by\b", re.IGNORECASE)


def _byline_blocks(doc: Document) -> set[int]:
    """The indexes of the blocks that are bylines: a byline read from markup around its names, or
    a block that opens with "By". A link read as a byline on its own (an author-page link) stands
    in another line: "This story was originally published by <a href="/author/propublica/">ProPublica</a>."
    is a credit line, whose link is the one to mend."""
    return {
        byline.index
        for byline in doc.bylines
        if byline.element is None or byline.element.tag != "a" or (0 <= byline.index < len(doc.items) and _opens_as_a_byline(doc.item_at(byline.index)))
    }


def _opens_as_a_byline(item: Block | Image) -> bool:
    """Whether a block's words open with "By"; an image has none."""
    return isinstance(item, Block) and _BY_OPENER.match(item.text) is not None


def _look_alike_link(doc: Document, params: LinkParams, ctx: Context, original: frozenset[str]) -> tuple[Link, str] | None:
    """With no link the check counts: the first visible link of the article that it would count
    if its host were spelt in plain Latin letters ("https://www.prоpublica.org/…" with a Cyrillic
    о, written so or as its punycode), with the clause that says so (`look_alike_host`); None
    when there is none. Such a link looks right to an editor and takes a reader to another site.
    Read only when the check fails."""
    for link in _visible_article_links(doc):
        seen = _seen_through_host(link.href)
        if seen is not None and _url_matches(seen[0], params, ctx, original):
            return link, seen[1]
    return None


# Every failing link check of a page reads each link of its article (`_look_alike_link`): the
# reading of one address is kept, so that a page of 500 links and 40 such checks reads 500, not
# 20,000 (a quarter of its check time).
_HOSTS_KEPT = 4096


@functools.lru_cache(maxsize=_HOSTS_KEPT)
def _seen_through_host(href: str) -> tuple[str, str] | None:
    """`href` with its host as a reader sees it, its look-alike letters read as the Latin ones, and
    the clause that names them and the host a browser goes to ("goes to www.xn--prpublica-12h.org:
    its host is spelt with U+043E CYRILLIC SMALL LETTER O (for 'o')"); None for a host in
    plain letters, or an address that cannot be read."""
    try:
        parts = urlsplit(href.strip())
        host = parts.hostname or ""
        # A browser shows a punycode host ("xn--…") as the letters it stands for.
        spelt = host.encode("ascii").decode("idna") if host.isascii() and "xn--" in host else host
    except (ValueError, UnicodeError):
        return None
    disguises = find_disguises(spelt)
    letters = [letter for disguise in disguises for letter in disguise.letters]
    if not letters:
        return None
    seen_host = see_through(spelt, disguises)
    fetched = url_host(href) or host
    named = ", ".join(dict.fromkeys(letter.described for letter in letters))
    seen = urlunsplit(parts._replace(netloc=parts.netloc.lower().replace(host, seen_host)))
    return seen, f"goes to {fetched}, not the address it looks like: its host is spelt with {named}"


def _site_key(name: str) -> str:
    """A site's name as `named-sites` compares it: `_name_key` without a leading "the" ("the
    Maine Morning Star" and "Maine Morning Star" name one site)."""
    key = _name_key(name)
    return key[3:] if key.startswith("the") and len(key) > 3 else key


def _shown_link(link: Link) -> str:
    """A link as a finding quotes it: `<a href="…">words</a>`, its address and words cut short."""
    return f'<a href="{shorten(link.href, 90)}">{shorten(link.text, 60)}</a>'


def _site_names_source(names: Iterable[str]) -> str:
    """The pattern of the names of `named-sites` as a block's words may print them (any letter
    case, any run of spaces between words, "the" before), each a whole word; "" without names."""
    spelt = sorted({r"\s+".join(re.escape(word) for word in name.split()) for name in names}, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(spelt) + r")(?!\w)" if spelt else ""


@functools.lru_cache(maxsize=64)
def _site_names(source: str) -> re.Pattern[str]:
    """`_site_names_source` compiled, on the first check that reads a credit line's names: a
    pack's cache holds the source, so a page no such check reads compiles nothing."""
    return re.compile(source, re.IGNORECASE)


# What ties a link to a site of `named_sites` (`_other_site_named`): its words, its credit line's,
# or the copy's credit line (`credit-line`); the first two as a finding says them.
_BY_WORDS, _BY_ITS_LINE, _BY_THE_CREDIT = "words", "line", "credit"
_NAMED_BY = {_BY_WORDS: "names the site at", _BY_ITS_LINE: "stands in a credit line naming the site at"}


def _other_site_named(doc: Document, link: Link, params: LinkParams, ctx: Context) -> tuple[str, str] | None:
    """For a link to one of the sites of `named_sites` that is not the site named for it, the host
    of the site named and what names it: the link's own words (`_BY_WORDS`: "Kansas Reflector"
    linked to azmirror.com); else, for words naming none, the credit line's short block it stands
    in (`_credit_line_names`, `_BY_ITS_LINE`: "This story first appeared in Georgia Recorder" with
    "originally published" linked to a Kansas Reflector story); else the copy's credit line
    (`credit-line`, `_credited_hosts`, `_BY_THE_CREDIT`: "This story was originally published by
    Georgia Recorder." with a Florida Phoenix link in another paragraph). None otherwise: no site
    named, or the link goes to a named one or to a site not among them (a network's own site,
    which `href` decides on)."""
    if not params.named_sites:
        return None
    host = url_host(link.href) or ""
    if not any(on_host(host, (other,)) for _, other in params.named_sites):
        return None
    words = _site_key(as_read(link.text, doc.spelt_names))
    named = next((site for key, site in params.named_sites if key == words), None)
    if named is not None and not on_host(host, (named,)):
        return named, _BY_WORDS
    if named is None:
        in_line = _credit_line_names(doc, link, params)
        if in_line and not on_host(host, in_line):
            return in_line[0], _BY_ITS_LINE
    # The copy credits one outlet (or the outlets a co-published story names): a link to another
    # outlet of the network is no link back to it, in whatever paragraph it stands.
    credited = _credited_hosts(doc, params, ctx)
    if credited and not on_host(host, credited):
        return credited[0], _BY_THE_CREDIT
    return None


def _credited_hosts(doc: Document, params: LinkParams, ctx: Context) -> tuple[str, ...]:
    """The hosts of the `named_sites` that the copy's credit lines name (`credit-line`'s matches in
    the article's blocks, the names within each match), in the order named; empty without
    `credit-line` or a credit line naming one. Worked out once per document and pattern, and only
    for a link to one of the sites."""
    if params.credit_line is None or not params.site_names:
        return ()
    pattern = ctx.bind(params.credit_line)
    key = ("link-credited-hosts", pattern.regex_text, pattern.ignore_case, params.site_names)
    cached: tuple[str, ...] | None = doc._memo.get(key)
    if cached is None:
        hosts = dict(params.named_sites)
        names = _site_names(params.site_names)
        found: list[str] = []
        for block in doc.blocks:
            if not doc.item_credit_in_article(block):
                continue
            text = as_read(block.text, doc.spelt_names)
            matches = [match.group() for match in pattern.finditer(text)]
            # A credit line's short block names every outlet it credits ("… first appeared in the
            # Missouri Independent and the Kansas Reflector"), past where the pattern stops; in a
            # longer paragraph only the credit's own words do.
            spans = [text] if matches and not has_words(block.text, _CREDIT_WORDS + 1) else matches
            found.extend(host for span in spans for name in names.finditer(span) if (host := hosts.get(_site_key(name.group()))) is not None)
        cached = doc._memo[key] = tuple(dict.fromkeys(found))
    return cached


def _credit_line_names(doc: Document, link: Link, params: LinkParams) -> tuple[str, ...]:
    """The hosts of the `named_sites` that the words of the link's block name, in the order they
    are named, when that block is a credit line's (at most `_CREDIT_WORDS` words: a paragraph of
    the story that names an outlet and links another's story cites both); empty otherwise."""
    if not params.site_names or not 0 <= link.index < len(doc.items):
        return ()
    item = doc.item_at(link.index)
    if not isinstance(item, Block) or has_words(item.text, _CREDIT_WORDS + 1):
        return ()
    hosts = dict(params.named_sites)
    found = (hosts.get(_site_key(match.group())) for match in _site_names(params.site_names).finditer(as_read(item.text, doc.spelt_names)))
    return tuple(dict.fromkeys(host for host in found if host is not None))


def _credited_site(doc: Document, params: LinkParams, ctx: Context) -> tuple[Block, str, str] | None:
    """With `named-sites`: the block that names the site the copy credits, with the name as it
    prints it and the site's host, so that a failure names the outlet the copy credits ("the
    Georgia Recorder", georgiarecorder.com), not another of the network: the first credit line
    (`credit-line`) naming one, else the first short block of the article (a credit line or a
    byline, at most `_CREDIT_WORDS` words) naming one; None without `named-sites` or a block naming
    one. Read only when the check fails."""
    if not params.site_names:
        return None
    hosts = dict(params.named_sites)
    names = _site_names(params.site_names)
    blocks = [block for block in doc.blocks if doc.item_credit_in_article(block)]
    for block, text in _credit_texts(doc, blocks, ctx.bind(params.credit_line) if params.credit_line is not None else None):
        match = names.search(text)
        host = hosts.get(_site_key(match.group())) if match else None
        if match is not None and host is not None:
            return block, match.group(), host
    return None


def _credit_texts(doc: Document, blocks: Sequence[Block], credit_line: Pattern | None) -> Iterator[tuple[Block, str]]:
    """Where a credit names a site, in the order read: the credit lines' words (`credit_line`'s
    first match in each block), then every short block (at most `_CREDIT_WORDS` words: a credit
    line or a byline). The credit line comes first: a byline may name the outlet its reporter
    works for, not the copy's source."""
    if credit_line is not None:
        for block in blocks:
            line = credit_line.search(as_read(block.text, doc.spelt_names))
            if line is not None:
                yield block, line.group()
    for block in blocks:
        if not has_words(block.text, _CREDIT_WORDS + 1):
            yield block, as_read(block.text, doc.spelt_names)


def _name_key(text: str) -> str:
    """A name as a host spells it: lower case, letters and digits only ("The Texas Tribune":
    "thetexastribune")."""
    return "".join(char for char in text.casefold() if char.isalnum())


def _another_page(doc: Document, params: LinkParams, ctx: Context, original: frozenset[str]) -> str:
    """With the original's address known and no link to it: the first visible link of the article
    that `href` would have taken for the link back (another story of the publisher), as a clause
    of the detail; "" when there is none. Read only when the check fails."""
    if params.href is None:
        return ""
    for link in _links_with_words(doc, params.href, in_article=True):
        if link.visible and _url_matches(link.href, params, ctx) and url_key(link.href) not in original:
            return f'; the link at line {link.line} (<a href="{shorten(link.href, 90)}">) goes to another page'
    return ""
