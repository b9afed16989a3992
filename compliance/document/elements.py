"""Small reads of an lxml element shared by the walk, the visibility and region tests, the
byline finding, the checks and the fixes: its tag name, its class tokens, its text, and whether
it can ever run or load."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, Literal, NamedTuple

# How many distinct `class` (and `id`) values the readers of them memoise. A page uses tens of them
# (a hundred at most) and a site's pages share most, so a few hundred hold what pages repeat; but
# a CMS gives every page one or two of its own (WordPress's `post-48001`, `postid-48001`), so a
# larger bound would only fill up file by file in a long batch and grow the run's memory with the
# number of files, for no hit.
CLASS_VALUES_CACHED = 512


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def class_tokens(value: str) -> frozenset[str]:
    """The lower-cased tokens of a `class` attribute value; pages repeat a few class strings, so
    each distinct string is split once."""
    return frozenset(value.lower().split())


def classes(element: Any) -> frozenset[str]:
    """The element's class tokens, lower-cased (empty when it has no `class` attribute)."""
    value = element.get("class")
    return class_tokens(value) if value else frozenset()


# How a class or id value is read as names: each whitespace-separated token, each BEM piece of it
# ("block__element--modifier"), and each piece's words, split at "-" and "_" and where camelCase
# turns to a capital ("republishBox"), lower-cased: "c-modal__body", "share-popup" and
# "dialogBox" name a modal; "republished-story" names "republished", not "republish".
BEM_SPLIT = re.compile(r"--|__")
_WORD_SPLIT = re.compile(r"[-_]+|(?<=[a-z0-9])(?=[A-Z])")
# A namespace word in front of a piece ("c-", "o-", "js-"): not a word of the name.
_NAMESPACE_LETTERS = 2
# The longest run of words a vocabulary names ("more-from", "site-header"); longer runs are not
# kept, so that a token of many words costs no more than a few.
_LONGEST_NAME = 3


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def name_words(value: str) -> tuple[tuple[str, ...], ...]:
    """The words of each BEM piece of a class or id value, lower-cased, a piece's namespace word
    ("c", "o", "js": two letters or fewer, before other words) left out: "c-site-header__inner
    republishBox" is (("site", "header"), ("inner",), ("republish", "box"))."""
    pieces = []
    for token in value.split():
        for piece in BEM_SPLIT.split(token):
            words = tuple(word.lower() for word in _WORD_SPLIT.split(piece) if word)
            if len(words) > 1 and len(words[0]) <= _NAMESPACE_LETTERS:
                words = words[1:]
            if words:
                pieces.append(words)
    return tuple(pieces)


# Where in a piece a name is looked for (see `names`).
NameAt = Literal["anywhere", "ends", "whole"]


@functools.lru_cache(maxsize=CLASS_VALUES_CACHED)
def _runs(value: str, at: NameAt) -> frozenset[str]:
    """The runs of words (joined by "-") of each piece of `value` (see `name_words`) that `names`
    looks a name up among: every run of up to `_LONGEST_NAME` words ("anywhere"), those that
    begin at a piece's first word or end at its last ("ends"), or each piece whole ("whole")."""
    runs: set[str] = set()
    for words in name_words(value):
        count = len(words)
        if at == "whole":
            runs.add("-".join(words))
            continue
        for start in range(count):
            for end in range(start + 1, min(count, start + _LONGEST_NAME) + 1):
                if at == "anywhere" or start == 0 or end == count:
                    runs.add("-".join(words[start:end]))
    return frozenset(runs)


def names(element: Any, vocabulary: frozenset[str], *, ids: bool = True, at: NameAt = "anywhere") -> bool:
    """Whether the element's class (and, with `ids`, its id) names one of `vocabulary`: lower-cased
    names of one to three words joined by "-" ("republish", "modal", "site-header"), each looked
    up among the words of each BEM piece (see `name_words`). `at` says where in a piece:
    "anywhere" as a run of its words ("btn-republish", "republishBox" and "c-republish__modal"
    name "republish"); "ends", a run that begins at its first word or ends at its last
    ("sidebar-right", "c-related-content"; not the layout class "panel-two-col-sidebar-right");
    "whole", the piece itself ("c-site-header__inner" names "site-header", "site-header-bar" does
    not). Only `element.get` is asked, so a mapping of attributes may stand in for the element."""
    for attribute in ("class", "id") if ids else ("class",):
        value = element.get(attribute)
        if value and not vocabulary.isdisjoint(_runs(value, at)):
            return True
    return False


def in_any(element: Any, test: Callable[[Any], bool], known: dict[Any, bool], *, stop: Any = None) -> bool:
    """Whether `test` holds for the element or an ancestor, up to `stop` (an ancestor whose own
    ancestors are not asked about; every ancestor when None). `known` keeps each element's answer
    (the caller's memo, one per question and `stop`): elements asked about share most of their
    ancestors, so each is tested once however many are asked about below it. Iterative: pages
    nest deep."""
    unknown: list[Any] = []
    node, inside = element, False
    while node is not None:
        answer = known.get(node)
        if answer is not None:
            inside = answer
            break
        unknown.append(node)
        if node is stop:
            break
        node = node.getparent()
    for node in reversed(unknown):
        inside = inside or test(node)
        known[node] = inside
    return inside


def tag_name(element: Any) -> str:
    """The element's tag name, lower-cased: "li" for an lxml `<LI>` element. "" for what has no
    name of its own (a comment, a processing instruction or an entity, whose `tag` is a function
    in lxml) and for None (an element's missing parent)."""
    return str(element.tag).lower() if element is not None and isinstance(element.tag, str) else ""


def text_of(element: Any) -> str:
    """All text inside an element (what lxml.html calls text_content)."""
    return "".join(element.itertext())


# What a `<script>`'s `type` may be for a browser to run it (the HTML standard's JavaScript MIME
# type essence strings, matched whole and in any case; parameters such as `;charset=` make it
# another type), besides none, an empty one and `module`.
_JAVASCRIPT_TYPES = frozenset(
    {
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
        "module",
    }
)
_HTML_SPACE = " \t\n\f\r"


# How cookie-consent managers hold a tag back until the reader consents: the attribute that marks
# the element as theirs, with the tool's name. Cookiebot (`data-cookieconsent`, and
# `data-cookieblock-src` for an image or frame), Usercentrics, CookieYes, cookieconsent
# (`data-category`/`data-cookiecategory`/`data-service`, on a `type="text/plain"` script), Klaro
# (`data-name` on one), Complianz, iubenda and Borlabs.
_CONSENT_MARKERS = (
    ("data-cookieconsent", "Cookiebot"),
    ("data-cookieblock-src", "Cookiebot"),
    ("data-usercentrics", "Usercentrics"),
    ("data-cookieyes", "CookieYes"),
    ("data-cookiecategory", "cookieconsent"),
    ("data-src-cmplz", "Complianz"),
    ("data-cmplz-src", "Complianz"),
    ("data-suppressedsrc", "iubenda"),
    ("data-iub-purposes", "iubenda"),
    ("data-borlabs-cookie-script-blocker-src", "Borlabs Cookie"),
)
# Markers that name a consent category only on a script held back as `type="text/plain"`: on
# anything else they are any site's own data attributes.
_CONSENT_SCRIPT_MARKERS = (("data-category", "cookieconsent"), ("data-service", "cookieconsent"), ("data-name", "Klaro"))
_CONSENT_CLASSES = (("optanon-category-", "OneTrust"), ("cmplz-", "Complianz"), ("_iub_cs_activate", "iubenda"))
# Where those managers keep the address they load once the reader consents.
_HELD_SOURCES = ("data-cookieblock-src", "data-src-cmplz", "data-cmplz-src", "data-suppressedsrc", "data-borlabs-cookie-script-blocker-src", "data-src", "src")
# The values with which a manager lets the tag load without consent (Cookiebot's "ignore").
_CONSENT_EXEMPT = frozenset({"ignore", "necessary"})


class HeldTag(NamedTuple):
    """A tag on the page that something keeps from loading with it: the marker as written
    (`data-cookieconsent="statistics"`, `type="rocketlazyloadscript"`), the tool it belongs to
    ("Cookiebot", "WP Rocket"), the addresses it loads once allowed, and what it waits for:
    the reader's consent to cookies, the reader's first interaction with the page (a page-speed
    plugin's delay of scripts), "never": the script that would run it (WP Rocket's runtime,
    Cloudflare's Rocket Loader) is not on the page, so no reader's browser runs it, or "loader":
    a tool not known by name rewrote the tag so that no browser loads it as written
    (`_held_by_a_loader`: WP Meteor's `type="javascript/blocked"` and `data-wpmeteor-src`); the
    marker then says what stops it ('has type="javascript/blocked", which browsers do not run')."""

    marker: str
    manager: str
    sources: tuple[str, ...]
    until: Literal["consent", "interaction", "never", "loader"] = "consent"


# Page-speed plugins that delay scripts until the reader first moves the mouse, scrolls, touches
# the screen or presses a key ("Delay JavaScript execution"): the `type` each writes on a script
# it holds back, and where it keeps the address it loads then. A tracking script delayed so counts
# only the readers who interact with the page.
_DELAYED_SCRIPT_TYPES = {
    "rocketlazyloadscript": "WP Rocket",
    "pmdelayedscript": "Perfmatters",
    "litespeed/javascript": "LiteSpeed Cache",
    "lazy": "Flying Scripts",
}
_DELAYED_SOURCES = ("data-rocket-src", "data-pmdelayedscript", "data-litespeed-src", "data-src", "src")


def held_tag(element: Any) -> HeldTag | None:
    """How the `<script>`, `<img>` or `<iframe>` is kept from loading with the page: by a
    cookie-consent manager (`consent_hold`), by a page-speed plugin's delay of scripts
    (`type="rocketlazyloadscript"` and the others of `_DELAYED_SCRIPT_TYPES`: until the reader
    interacts, or never on a whole page without WP Rocket's runtime, `_runs_wp_rocket`), or by
    Cloudflare's Rocket Loader with no Rocket Loader script on the page to run it (a type it
    rewrote, `_run_by_rocket_loader`: never), or by a loader not known by name
    (`_held_by_a_loader`); None when by none of these."""
    hold = consent_hold(element)
    if hold is not None or not isinstance(element.tag, str):
        return hold
    if element.tag.lower() != "script":
        return _held_by_a_loader(element)
    kind = (element.get("type") or "").strip(_HTML_SPACE).lower()
    rewritten = _ROCKET_LOADER_TYPE.fullmatch(kind)
    if rewritten is not None and rewritten.group("type") in _JAVASCRIPT_TYPES and not _run_by_rocket_loader(element, kind):
        return HeldTag(f'type="{kind}"', "Rocket Loader", _held_sources(element, ("src",)), "never")
    plugin = _DELAYED_SCRIPT_TYPES.get(kind)
    if plugin is None:
        return _held_by_a_loader(element)
    never = plugin == "WP Rocket" and is_whole_page(element.getroottree().getroot()) and not _runs_wp_rocket(element)
    return HeldTag(f'type="{kind}"', plugin, _held_sources(element, _DELAYED_SOURCES), "never" if never else "interaction")


def _held_by_a_loader(element: Any) -> HeldTag | None:
    """How a `<script>`, `<img>` or `<iframe>` that no known tool marks is rewritten so that no
    browser loads it as written, when it is: a script whose `type` browsers do not run (WP
    Meteor's `javascript/blocked`, a `text/plain` no consent manager claims), or a tag with no
    `src` of its own whose address stands only in a `data-*` attribute (`data-wpmeteor-src`),
    which only a script of the page reads. Its `sources` are its `src` and those `data-*`
    addresses, so that a check finds the tag it asks for by them. None when it loads as written,
    or names no address at all (a JSON block, a template's markup)."""
    tag = tag_name(element)
    if tag not in ("script", "img", "iframe", "amp-img"):
        return None
    own = (element.get("src") or "").strip(_HTML_SPACE)
    stored = [
        (name, value.strip(_HTML_SPACE))
        for name, value in element.attrib.items()
        if name.lower().startswith("data-") and _AN_ADDRESS.fullmatch(value.strip(_HTML_SPACE))
    ]
    sources = tuple(dict.fromkeys(([own] if own else []) + [value for _, value in stored]))
    kind = (element.get("type") or "").strip(_HTML_SPACE).lower() if tag == "script" else ""
    stops = []
    if kind and kind not in _JAVASCRIPT_TYPES and not _DATA_BLOCK_TYPE.search(kind) and not _run_by_rocket_loader(element, kind):
        stops.append(f'has type="{kind}", which browsers do not run')
    if stored and not own:
        stops.append(f"keeps its address only in {stored[0][0]}, which no browser loads")
    if not stops or not sources:
        return None
    return HeldTag(", and ".join(stops), "", sources, "loader")


# Types that make a script a data block, which no loader rewrites to or from: JSON, a template's
# or a document's markup, and a JavaScript type with parameters ("text/javascript; charset=utf-8",
# which HTML does not run either: its type must be a JavaScript MIME type exactly). Such a script
# is inert as written (`why_inert` says so), not held back by a loader.
_DATA_BLOCK_TYPE = re.compile(r"json|template|html|xml|;")
# An address as a `data-*` attribute holds one for a loader: absolute, scheme-relative or
# rooted, with no space (not a class list, a JSON value or a sentence).
_AN_ADDRESS = re.compile(r"(?:https?:)?//[^\s]+|/[^\s/][^\s]*", re.IGNORECASE)


# WP Rocket's runtime for the scripts it delays, which it writes inline into the page (the
# contents of its `lazyload-scripts.min.js`, which defines the class), or that file by address.
_WP_ROCKET_RUNTIME = "class RocketLazyLoadScripts"
_WP_ROCKET_RUNTIME_FILE = re.compile(r"wp-rocket/.*lazyload-scripts(?:\.min)?\.js", re.IGNORECASE)


def _runs_wp_rocket(script: Any) -> bool:
    """Whether the page of a `<script>` WP Rocket delays holds WP Rocket's runtime that runs it
    (`_WP_ROCKET_RUNTIME`) in a script that runs itself (`why_inert`)."""
    return any(
        (_WP_ROCKET_RUNTIME in (runtime.text or "") or _WP_ROCKET_RUNTIME_FILE.search(runtime.get("src") or "") is not None) and why_inert(runtime) is None
        for runtime in script.getroottree().iter("script")
        if runtime is not script
    )


def is_whole_page(root: Any) -> bool:
    """Whether the document is a whole page, as a browser loads it, not a fragment of one (a CMS's
    article body, which may open with a `<meta charset>`, and gets its scripts from the page
    template around it): its `<head>` holds a `<title>`, as every page a site serves does.
    (libxml2 gives a fragment a doctype of its own: that tells nothing.)"""
    head = root.find("head")
    return head is not None and any(isinstance(child.tag, str) and child.tag.lower() == "title" for child in head)


def consent_hold(element: Any) -> HeldTag | None:
    """How a cookie-consent manager holds the `<script>`, `<img>` or `<iframe>` back (see
    `_CONSENT_MARKERS`); None when none does: no manager's marker, a marker that exempts it
    (`data-cookieconsent="ignore"`), or a script that runs as written and an image that loads
    from its own `src`."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag not in ("script", "img", "iframe", "amp-img"):
        return None
    held = tag == "script" and why_inert(element) is not None
    if not held and tag != "script":
        held = not (element.get("src") or "").strip(_HTML_SPACE) or any(element.get(name) for name in _HELD_SOURCES[:5])
    if not held:
        return None
    markers = _CONSENT_MARKERS + (_CONSENT_SCRIPT_MARKERS if tag == "script" else ())
    for name, manager in markers:
        value = element.get(name)
        if value is not None:
            if value.strip(_HTML_SPACE).lower() in _CONSENT_EXEMPT:
                return None
            return HeldTag(f'{name}="{value}"', manager, _held_sources(element))
    for token in (element.get("class") or "").split():
        for prefix, manager in _CONSENT_CLASSES:
            if token.startswith(prefix):
                return HeldTag(f'class="{token}"', manager, _held_sources(element))
    return None


def _held_sources(element: Any, names: tuple[str, ...] = _HELD_SOURCES) -> tuple[str, ...]:
    """The addresses a held-back tag loads once allowed, from the attributes `names`, in order."""
    return tuple(value for name in names if (value := (element.get(name) or "").strip(_HTML_SPACE)))


def may_run_a_script(root: Any, handler_holders: Iterable[Any]) -> bool:
    """Whether a script of the page under `root` may run: a `<script>` that is not inert
    (`why_inert`), or an event handler attribute (`onload`, `onerror`, …) on one of
    `handler_holders` (the elements whose handlers the caller counts)."""
    if any(isinstance(element.tag, str) and any(name.lower().startswith("on") for name in element.attrib) for element in handler_holders):
        return True
    return any(why_inert(script) is None for script in root.iter("script"))


def why_inert(element: Any) -> str | None:
    """Why the element can never run or load, in words ("is inside a <template>"); None when it
    can. The content of a `<template>` is never rendered, fetched or run, but for a declarative
    shadow root's (`shadow.is_shadow_root`), which renders, loads and runs as the page does; a `<script>` runs only
    with no `type`, an empty one, a JavaScript MIME type or `module` (or such a type that
    Cloudflare's Rocket Loader rewrote and runs, `_run_by_rocket_loader`; a consent manager's
    `type="text/plain"` or a JSON block is data), not with `nomodule` (left to browsers too old
    for modules), not with the legacy `for` and `event` attributes (`_script_never_run`), nor
    written in `<math>` (or in `<svg>`, where `src` is never loaded), and never inside
    `<noscript>` (read as markup only when scripts are off). Walks the element's ancestors: asked of the few elements a check
    matches, not of every element."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "script":
        kind = element.get("type")
        if kind is None and (language := (element.get("language") or "").strip(_HTML_SPACE)):
            kind = "text/" + language  # the obsolete `language` attribute names the type
        kind = (kind or "").strip(_HTML_SPACE).lower()
        if kind and kind not in _JAVASCRIPT_TYPES and not _run_by_rocket_loader(element, kind):
            return f'has type="{kind}", which browsers do not run'
        if element.get("nomodule") is not None and kind != "module":
            return "has nomodule, which every browser that runs modules (every current one) skips"
        if (reason := _script_never_run(element)) is not None:
            return reason
    for ancestor in element.iterancestors():
        name = ancestor.tag.lower() if isinstance(ancestor.tag, str) else ""
        if name == "template" and not _is_shadow_root(ancestor):
            return "is inside a <template>, which is never rendered, loaded or run"
        if name == "noscript" and tag == "script":
            return "is inside <noscript>, which holds markup for browsers without scripts: it never runs"
    return None


# Cloudflare's Rocket Loader rewrites the type of each script of a page it serves to its page's
# token and the type ("4a9f…2c1b-text/javascript") and runs those scripts itself, in order, once the
# page has loaded, for every reader with scripts on. Its own script, which Cloudflare adds to the
# page, names the token: `<script src="/cdn-cgi/scripts/…/rocket-loader.min.js"
# data-cf-settings="4a9f…2c1b-|49">`.
_ROCKET_LOADER_TYPE = re.compile(r"(?P<token>[0-9a-f]{8,64})-(?P<type>\S+)")


def _run_by_rocket_loader(script: Any, kind: str) -> bool:
    """Whether the `<script>` of type `kind` is one Rocket Loader runs: a JavaScript type after a
    token that the page's Rocket Loader script (`rocket-loader` in its `src`) names in its
    `data-cf-settings`, a script that runs itself (of a JavaScript type, not in a `<template>` or
    `<noscript>`: `why_inert`). Without that script on the page nothing runs it."""
    rewritten = _ROCKET_LOADER_TYPE.fullmatch(kind)
    if rewritten is None or rewritten.group("type") not in _JAVASCRIPT_TYPES:
        return False
    settings = rewritten.group("token") + "-"
    return any(
        (loader.get("data-cf-settings") or "").strip(_HTML_SPACE).lower().startswith(settings)
        and "rocket-loader" in (loader.get("src") or "")
        # Its own type is a plain one (never a rewritten one, which would ask this again).
        and (loader.get("type") or "").strip(_HTML_SPACE).lower() in ("", *_JAVASCRIPT_TYPES)
        and why_inert(loader) is None
        for loader in script.getroottree().iter("script")
        if loader is not script
    )


def inert_holder(element: Any) -> Any | None:
    """The element that makes `element` inert, itself or the nearest element around it with the
    `inert` attribute (HTML, 6.3): what it holds is still drawn, but a reader cannot click, tap,
    focus or select it; None when there is none."""
    for node in (element, *element.iterancestors()):
        if isinstance(node.tag, str) and node.get("inert") is not None:
            return node
    return None


def _script_never_run(script: Any) -> str | None:
    """Why a `<script>` of a type browsers run still never runs or loads its `src`, or None: the
    legacy `for` and `event` attributes but for `for="window" event="onload"` (HTML, "prepare the
    script element"); written in `<math>`, where it is MathML's element of that name, no script;
    written in `<svg>` with a `src`, which SVG's script never loads (it loads `href`; its own
    code may run, but what the `src` names is never fetched)."""
    for_attribute, event = script.get("for"), script.get("event")
    if (
        for_attribute is not None
        and event is not None
        and (for_attribute.strip(_HTML_SPACE).lower() != "window" or event.strip(_HTML_SPACE).lower() not in ("onload", "onload()"))
    ):
        return 'has for and event attributes (other than for="window" event="onload"), which browsers never run'
    from compliance.document.nesting import foreign_language

    language = foreign_language(script)
    if language == "math":
        return "is written in <math>, where <script> is MathML's element of that name, not a script"
    if language == "svg" and script.get("src") is not None:
        return "is written in <svg>, where a script loads its href, never its src"
    return None


# The elements a browser lays out as blocks when the page's CSS sets no `display` (HTML, 15.3):
# each starts a block of text of its own.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
        "legend",
        "html",
    ]
)


def block_element(element: Any) -> Any:
    """The element that lays out the block `element` is in: `element` itself when its tag is one
    of `BLOCK_TAGS`, else its nearest ancestor that is (a block's element is where its text starts,
    which may be an inline one: the `<a>` of `<p><a>KFF Health News</a> is …</p>`); `element` when
    none is (an element outside any tree). A namespaced tag (`{http://www.w3.org/1999/xhtml}p`)
    counts by its local name."""
    node = element
    while node is not None and tag_name(node).rpartition("}")[2] not in BLOCK_TAGS:
        node = node.getparent()
    return element if node is None else node


def ids_of_page(root: Any, *, in_templates: bool = True) -> dict[str, Any]:
    """Each `id` of the page and the first element that has it, in one pass (an `<svg>` that names
    or shows another element by its id, and a `url(#id)` in CSS, look it up here). Without
    `in_templates`, as `getElementById` finds them: not in a `<template>`'s content."""
    ids: dict[str, Any] = {}
    for named in root.xpath("//*[@id]" if in_templates else "//*[@id][not(ancestor::template)]"):
        ids.setdefault(named.get("id"), named)
    return ids


# The inline boxes drawn on the line as their parent's text is, unless their CSS says otherwise
# (`paint_order._plain_inline`, `first_line.child_flow`): no picture, break, quotation marks or font of their own.
PLAIN_INLINE_TAGS = frozenset(
    {"span", "a", "b", "strong", "i", "em", "u", "s", "mark", "small", "abbr", "cite", "time", "data", "dfn", "bdi", "ins", "del", "code", "kbd", "samp", "var"}
)


def _is_shadow_root(template: Any) -> bool:
    """`shadow.is_shadow_root`, its module imported only for a page with a `<template>`."""
    from compliance.document.shadow import is_shadow_root

    return is_shadow_root(template)
