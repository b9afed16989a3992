"""`element` — elements chosen by a CSS selector, filtered by attribute patterns and visibility,
counted against `min`/`max`. An element matched inside another matched one is part of it and
counts once (a `<figcaption>` and the credit `<span>` in it are one photo credit). In the
`article` scope the story's lead picture that a theme puts before the story, outside the
article's element (a featured image above the headline: see the README's article region), is in
the article.

A pattern for a URL attribute (`src`, `href`, `data-src`, `poster`, …) is searched in the URL as
a browser reads it (`compliance.urls.url_form`: `scheme://host[:port]/path[?query]`, the host
lower-cased and IDNA-mapped, no user name, default port or fragment), never in the attribute's
text: `https://evil.example/x.js?pixel.propublica.org/pixel.js` is not on ProPublica's host. A
`data:` URL is read as its head (`data:image/png;base64`): its body is a picture's bytes, which
no pattern about an address means.

Images match however they load: the `src` pattern is tried against every URL the image can load
from (`src`, `srcset`, `data-src`, `data-lazy-src`, `data-srcset`, `<picture><source>`, and the
`<noscript>` fallback of a lazy-loader). `shown-src` asks of the picture a browser paints
instead, and of every one it may paint: a lazy-loader's address (`data-src`, `data-srcset`, …)
over the placeholder `src` it replaces, else the first `<source>` of a `<picture>` every reader's
browser takes (one with a `media` query is a picture some readers get, and the next is one too),
else the `srcset` candidates with the `src` as the 1x picture only when the `srcset` has none,
else the `src`; a `data:` picture is read as its head (`data:image/png;base64`), and an inline
`<svg>`, which paints itself from no address, as the empty text. So `src` finds a
logo file anywhere in an image's addresses, while `shown-src` finds the image that shows it
(`src="dcnf-logo.png" srcset="/ad.png 1x"` paints the ad). `max: 0` forbids an element.

A selector that names an image tag alone (`img`, `amp-img`) also matches the page's inline
`<svg>` images: an `<svg>` with an accessible name, which is its `alt` (the text of the elements
its `aria-labelledby` names, else its `aria-label`, else its `<title>` child, else the `<title>`
of the `<symbol>` its `<use href="#id">` shows; under `aria-hidden="true"` only a `<title>`
names it). It is seen, as an `<img>` is, when its box shows and it is 6px or larger by its
CSS or its `width`/`height` attributes (an `<svg>` with a `viewBox` alone is 300×150px);
`aria-hidden` hides it from assistive technology, not from sight. An `<svg>` without a name
is a drawing, not an image. It matches the page's image buttons too (`<input type="image">`, the
type in any case), which draw their picture (`src`) as an `<img>` does, `alt` their text.

`background-src` asks of the picture the page's CSS paints as the element's background: a logo
drawn by a `<style>` rule or a `style` attribute (`.dcnf-logo{display:block;width:300px;
height:90px;background:url(/img/dcnf-logo.png)}`) rather than by an `<img>`. It is read from
the `background` or `background-image` that wins the cascade on the element, its topmost layer
that paints a picture (a `url()`, or each candidate of an `image-set()`), as a URL pattern is
read, and must match every picture it may be, on every screen: a rule only some screens meet
(`@media (min-width: 900px)`) paints it for some readers only, and a gradient opaque at every
stop layered over it covers it. A visible one must also paint it in a box a reader sees: shown
(what hides only its words does not hide its box: image replacement's `text-indent: -9999px`,
`font-size: 0`, a transparent text colour), not an inline box (an `<a>` or `<span>` the CSS
gives no `display`, which `width` and `height` do not size), not `display: contents`, and with a
width and a height of 6px or more (a block fills its container's width; an inline-block, a float
or a flex item with no width and nothing in it is 0px wide; a box with no height, `min-height`,
padding, `aspect-ratio` or content is 0px high); a `background-size` under 6px on a side
paints nothing a reader sees, nor does a picture not repeated that `background-position` puts
wholly outside the box for every size it may have (`-9999px 0`; `200% 0` where
`background-size: 50% 100%` makes it half the box; not a sprite's `0 -40px`, which a picture of
a size not known may still fill the box at), nor `background-clip: content-box` where the
padding takes the whole box. A `var()` is filled in as a browser fills it in, from the custom
property the element sets or inherits from an ancestor, else its fallback
(`:root{--logo:url(/img/dcnf-logo.png)} .dcnf-logo{background-image:var(--logo)}`). Only the
pages whose CSS names such a picture are read for it (see `compliance.document.backgrounds`),
and a Markdown or plain-text article's CSS never is (it is read for its images, links and scripts).

`instead` names a look-alike that some copies show in the element's place and that does not
stand in for it, by attribute patterns read as `attributes` reads them (another outlet's logo,
an image credited to the publisher): it never counts, but when too few elements match and the
selector finds one in the scope (seen, unless `visible` says otherwise), the failure names the
first with its line and says what it is (`instead-label`), and points at it.

Visible means on the reader's screen (see "What a reader sees" in the README): not
hidden by markup or by the page's own CSS, and for an image 6px or larger (smaller, it is too small to be seen). An image that is
only in `<noscript>`, with neither a lazy-load placeholder nor an image readers see outside it
(a 1px or hidden `<img>` or `<amp-img>` before or around it is not one), is seen only by readers
with JavaScript off: a requirement it alone meets is reported as a warning that says so, not passed.
With `visible: any` the same holds of an image no reader sees (a 1x1 counter pixel): only in
`<noscript>`, it loads only for readers with JavaScript off.

An element that can never run or load counts nowhere, whatever `visible` says: anything inside
a `<template>`, and a `<script>` inside `<noscript>` or with a `type` browsers do not run (only
none, an empty one, a JavaScript MIME type such as `text/javascript`, or `module` run; a
consent manager's `type="text/plain"` is held back, and JSON is data), or with `nomodule`
(every current browser skips it), or with `for` and `event` attributes other than
`for="window" event="onload"`, or written in `<math>` or, with a `src`, in `<svg>` (whose script
never loads `src`). Nor does a script or an image the browser never fetches: one
the page's own Content-Security-Policy `<meta>` in its `<head>` forbids (its `script-src` or
`img-src`, else `default-src`, read as CSP Level 3 reads them), and an image with
`loading="lazy"` that has no box (`display: none` on it or an ancestor, the `hidden` attribute): a
browser fetches a lazy image only when it is laid out. A `src` pattern is matched against every
address an image can load from (lazy-load attributes such as `data-src` included), but against a
`<script>`'s `src` alone: a script loads nothing from `data-src`. A `shown-src` pattern asks for
the address the browser fetches (a pixel's: `srcset="/blank.gif 1x"` fetches `/blank.gif`, never
the `src`), and a `<script>`'s is its `src`; an image that `src` would find but `shown-src` does
not is said to load another picture in its place.

In plain-text and Markdown articles there are no elements. A selector of images (`img`,
`amp-img`, alone or with conditions on the image itself: `img:not([src*="logo" i])`,
`img[width="1"]`) matches Markdown images as a CommonMark renderer shows them (`![alt](src)`,
`![alt][ref]`, a raw HTML `<img>`; not in code, an HTML comment or an element the raw HTML
hides), each read as an `<img>` of its address, alt text, width and height, so that a check
reads a Markdown copy's images as it reads an HTML page's; and, in plain text, where text extraction
renders an image as its alt text on a line of its own, a line that is all alt text (the whole
line matches the `alt` pattern, bare or in the wrappers text browsers and mail clients put
around it: `[alt]`, `[Image: alt]`, `Image: alt`; only `alt` can be
asked of such an image). A bare line is an image only when its words say so (a logo, an image,
a photo, a picture, a graphic, an icon, an illustration: "Daily Caller News Foundation logo"): a
line of a name alone ("Daily Caller News Foundation", an affiliation) is the name as text, which
an alt text of the name alone cannot be told from. Any other selector, and a member that asks about an image's
surroundings (`figure img`), matches nothing. In HTML an image is an `<img>` or a
named inline `<svg>`: a paragraph of the same words is not one.

Example (the DCNF logo, visible inside the article)::

    element:
      selector: img
      attributes:
        alt: 'Daily Caller News Foundation logo'

Passes::

    <article><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo"><p>Story.</p></article>

Fails::

    <article><img src="/dcnf-logo.png" alt="Daily Caller News Foundation logo" style="display:none"><p>Story.</p></article>
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import lxml.html
from lxml import etree

from compliance.checks.base import LABEL_DOC, Check, Context, Hit, Outcome, Undecided, doc_offset, explained_later, hiding_note, judge_count
from compliance.document import Document, Image, image_sources, resolve_url, shown_sources, svg_accessible_name, text_of
from compliance.document.data_urls import is_data_url
from compliance.document.elements import HeldTag, held_tag, tag_name
from compliance.document.selector_lists import group_members
from compliance.findings import Location
from compliance.firstuse import on_first_use
from compliance.lookalike import as_read
from compliance.options import Option
from compliance.patterns import Pattern, Selector
from compliance.text import counted, normalize_inline, shorten
from compliance.urls import data_url_head_form, url_form

OPTIONS = (
    Option("selector", "selector", "CSS selector (CSS3 with :not(), :has(), attribute operators)."),
    Option(
        "attributes",
        "regex-map",
        "Attribute name → regex the value must match (search, case-insensitive). `src` on an image"
        " matches any URL it loads from; a URL (`src`, `href`, `data-src`, `poster`, …) is matched as a"
        " browser reads it (`scheme://host[:port]/path[?query]`, see `link`); `text` matches the element's visible text;"
        " `shown-src` on an image must match every picture a browser may paint for it (a lazy-loader's over a placeholder `src`,"
        " a `<picture>`'s `<source>` or a `srcset` candidate over `src`), a `data:` one as its `data:TYPE` head;"
        " `background-src` must match every picture the element's CSS paints as its background (a `<style>` rule's or its"
        " `style` attribute's, as the cascade has it, on every screen), and a visible one must paint it in a box a reader sees"
        " (an HTML page's only).",
        default=None,
    ),
    Option(
        "visible",
        "enum",
        "Count only visible elements (`true`), only hidden ones (`false`), or both (`any`).",
        default="true",
        choices=("true", "false", "any"),
    ),
    Option(
        "scope",
        "enum",
        "`article` (the story, not the page chrome; a credit in an `<aside>` of the story's article is in it: see rule-packs.md) or `page`.",
        default="article",
        choices=("article", "page"),
    ),
    Option("label", "string", LABEL_DOC, default=None),
    Option("min", "integer", "Fewest matching elements required (0 when only `max` is given).", default=1, minimum=0),
    Option("max", "integer", "Most matching elements allowed (`0` forbids the element).", default=None, minimum=0),
    Option(
        "instead",
        "regex-map",
        "Attribute name → regex (as `attributes` reads them) of a look-alike some copies show in place of the element and that"
        " does not stand in for it (another outlet's logo, a photo credited to the publisher): when too few elements match and"
        " the selector finds one of these in the scope, the failure names the first and says what it is (`instead-label`),"
        " and points at it. It never makes the check pass.",
        default=None,
    ),
    Option(
        "instead-label",
        "string",
        'What the `instead` look-alike is, as the failure says it ("another outlet\'s logo, which does not replace it").',
        default=None,
    ),
)


class ElementParams(NamedTuple):
    """Validated parameters of an `element` check."""

    selector: Selector
    attributes: tuple[tuple[str, Pattern], ...] | None
    visible: str
    scope: str
    min: int
    max: int | None
    label: str = ""
    instead: tuple[tuple[str, Pattern], ...] | None = None
    instead_label: str = ""


def build(values: dict[str, Any]) -> ElementParams:
    """Parameters from validated option values."""
    attributes = values["attributes"]
    return ElementParams(
        selector=values["selector"],
        attributes=tuple(attributes.items()) if attributes else None,
        visible=str(values["visible"]).lower(),
        scope=values["scope"],
        min=values["min"],
        max=values["max"],
        label=values["label"] or "",
        instead=tuple(values["instead"].items()) if values["instead"] else None,
        instead_label=values["instead_label"] or "",
    )


_ATTRIBUTE_WORDS = {
    "alt": "alt text",
    "src": "loading from",
    "shown-src": "showing",
    "background-src": "painting as its background",
    "href": "linking to",
    "text": "reading",
    "title": "titled",
}
# The attributes described without "with" before their words.
_VERB_ATTRIBUTES = ("src", "shown-src", "background-src", "href", "text", "title")


def describe(params: ElementParams) -> str:
    """What the check looks for, in words: its label, or the selector and attributes described."""
    if params.label:
        return params.label
    from compliance.describe import describe_selector  # the selector's words are needed only for a finding

    phrase = describe_selector(params.selector.css)
    for name, pattern in params.attributes or ():
        words = _ATTRIBUTE_WORDS.get(name, f"{name} attribute")
        phrase += f" {'with ' if name not in _VERB_ATTRIBUTES else ''}{words} {pattern.shown}"
    return phrase


def _describe(element: Any) -> str:
    tag = element.tag if isinstance(element.tag, str) else "?"
    parts = [tag]
    for attr in ("id", "class", "alt", "src", "data-src", "data-lazy-src", "href", "rel", "name", "content"):
        value = element.get(attr)
        if value and not value.startswith("data:"):
            parts.append(f'{attr}="{shorten(value, 70)}"')
    described = "<" + " ".join(parts) + ">"
    if tag == "svg":  # an inline SVG image shows as its accessible name, however the page gives it
        return f"{described}{shorten(svg_accessible_name(element), 90)}"
    text = normalize_inline(text_of(element)) if not len(element) or tag in ("figure", "figcaption", "p", "span", "a", "cite", "small") else ""
    return f"{described}{shorten(text, 90)}" if text else described


# Attributes whose value is a URL: their patterns are searched in the URL as a browser reads it.
_URL_ATTRIBUTES = frozenset({"src", "href", "data-src", "data-lazy-src", "poster", "action", "formaction", "cite", "data", "xlink:href"})


def _url_forms(urls: Iterable[str]) -> list[str]:
    """URLs as `url_form` reads them (a protocol-relative one over https); unparsable ones left out."""
    return [form for form in (url_form(resolve_url(url, None)) for url in urls) if form is not None]


def _shown_forms(urls: Iterable[str]) -> list[str]:
    """The pictures a browser paints (`shown_sources`) as a `shown-src` pattern reads them: a URL as
    `url_form` reads it, a `data:` picture as its head ("data:image/png;base64"), which names no file."""
    return [data_url_head_form(url) if is_data_url(url) else url for url in urls]


def _attribute_values(doc: Document, element: Any, name: str) -> tuple[str, ...]:
    """The element's values of `name` as its patterns read them (`_read_attribute`), read once
    per document: several checks of several packs test the same images and scripts."""
    known: dict[tuple[Any, str], tuple[str, ...]] = doc._memo.setdefault("attribute-values", {})
    values = known.get((element, name))
    if values is None:
        values = known[(element, name)] = tuple(_read_attribute(doc, element, name))
    return values


def _read_attribute(doc: Document, element: Any, name: str) -> list[str]:
    # A script loads from its `src` alone: the lazy-load attributes an image's loader reads
    # (`data-src`) load nothing on a `<script>`.
    if name == "src" and element.tag != "script":
        return _url_forms(_image_sources(doc, element) or [element.get("src") or ""])
    if name == "shown-src" and element.tag == "script":
        return _url_forms([element.get("src") or ""])  # a script runs what it fetches, from its `src` alone
    if name == "shown-src" and element.tag == "svg":
        return [""]  # an inline drawing paints itself, from no address
    if name == "shown-src":
        known: dict[Any, tuple[str, ...]] = doc._memo.setdefault("shown-sources", {})
        sources = known.get(element)
        if sources is None:
            sources = known[element] = shown_sources(element)
        shown = _shown_forms(sources)
        return [value for value in shown if value.startswith("data:")] + _url_forms(value for value in shown if not value.startswith("data:"))
    if name == "background-src":
        # A reading of the cascade that paints no picture (a rule only some screens meet) is
        # the empty address, which no pattern of a picture matches.
        return [url_form(resolve_url(address, None)) or "" if address else "" for address in doc.background(element).pictures]
    if name == "text":
        return [as_read(normalize_inline(text_of(element)), doc.spelt_names)]
    if name == "alt" and element.tag == "svg":
        image = doc.items[doc.item_index_by_element()[element]]
        return [image.alt] if isinstance(image, Image) else []
    value = element.get(name)
    if value is None:
        return []
    # Words are read as a reader reads them, as the page's text is: an alt text with a zero-width
    # space or a Cyrillic "а" in "Daily Caller" names the same logo. A URL is not: a browser
    # fetches it as written, and a look-alike letter in it is another address (a pixel that
    # counts nothing, a link to another site).
    return _url_forms([value]) if name in _URL_ATTRIBUTES else [as_read(value, doc.spelt_names)]


def _image_sources(doc: Document, element: Any) -> tuple[str, ...]:
    """`image_sources`, read once per element of a document: the checks of several packs ask for
    the same images' URLs (parsing each srcset anew)."""
    known: dict[Any, tuple[str, ...]] = doc._memo.setdefault("image-sources", {})
    sources = known.get(element)
    if sources is None:
        sources = known[element] = image_sources(element)
    return sources


def _attributes_match(doc: Document, element: Any, attributes: tuple[tuple[str, Pattern], ...] | None) -> bool:
    if not attributes:
        return True
    return all(_values_match(pattern, _attribute_values(doc, element, name), every=name in _EVERY_PICTURE) for name, pattern in attributes)


# The attributes whose pattern must match every picture a browser may paint.
_EVERY_PICTURE = frozenset({"shown-src", "background-src"})


def _values_match(pattern: Pattern, values: Sequence[str], *, every: bool) -> bool:
    """Whether the pattern matches one of the values, or with `every` (`shown-src`: whichever
    picture the reader's browser paints) each of them, and there is one."""
    if every:
        return bool(values) and all(pattern.search(value) for value in values)
    return any(pattern.search(value) for value in values)


def _image_matches(image: Image, attributes: tuple[tuple[str, Pattern], ...] | None) -> bool:
    for name, pattern in attributes or ():
        values = _url_forms(image.sources) if name in ("src", "shown-src") else [image.alt] if name == "alt" else []
        if name == "shown-src" and not image.sources:
            values = [""]  # an inline `<svg>` of the raw HTML paints itself, from no address
        if not _values_match(pattern, values, every=name == "shown-src"):
            return False
    return True


_IMAGE_SELECTORS = frozenset({"img", "amp-img", "amp-anim"})
_NOSCRIPT_CAVEAT = (
    "only in <noscript> at line {line}, with neither a lazy-load placeholder nor an image readers see outside it: readers with JavaScript on do not see it"
)


def evaluate(doc: Document, params: ElementParams, ctx: Context) -> Outcome:
    """Count the matching elements and compare with min/max."""
    if params.attributes:
        params = params._replace(attributes=tuple((name, ctx.bind(p)) for name, p in params.attributes))
    if params.instead:
        params = params._replace(instead=tuple((name, ctx.bind(p)) for name, p in params.instead))
    if doc.root is None:
        return _evaluate_text_document(doc, params)
    matched: list[Hit] = []
    scripted: list[Hit] = []  # seen only with JavaScript off
    hidden: list[str] = []  # where an element that does not count is, and why
    outside: list[str] = []
    held: list[tuple[Any, HeldTag]] = []  # on the page, kept from loading until consent or interaction
    # Only a check that asks for addresses alone is about a tag a consent manager could hold
    # (`_held_sources_match`): the others do not ask each element that does not match.
    addresses_only = _asks_for_addresses_only(params.attributes)
    painted = any(name == "background-src" for name, _ in params.attributes or ())
    for element in _candidates(doc, params.selector, params.attributes):
        if not _attributes_match(doc, element, params.attributes):
            hold = held_tag(element) if addresses_only else None
            if hold is not None and _held_sources_match(hold, params.attributes):
                held.append((element, hold))
            elif (replaced := _replaced_source(doc, element, params.attributes)) is not None:
                hidden.append(f"line {element.sourceline} {replaced}")
            continue
        inert = doc.why_inert(element)
        # An image matched by its lazy-load address is judged as such (`why_inert`), not as held
        # by a loader of no known name, which only a script's type or address says.
        if inert is not None and (hold := held_tag(element)) is not None and (hold.until != "loader" or tag_name(element) == "script"):
            held.append((element, hold))
            continue
        if inert is not None:
            # A script that never runs (a tracking tag) or an element that never loads is not
            # there for a reader or a publisher's counter, hidden or not.
            hidden.append(f"line {element.sourceline} {inert}")
            continue
        if params.scope == "article" and not _in_article(doc, element):
            outside.append(f"line {element.sourceline}")
            continue
        # A background picture is seen where the box is, whatever hides its text (image
        # replacement's `text-indent: -9999px`), and only in a box that paints it with a size.
        visible = doc.shows_box(element) if painted else doc.is_visible(element)
        unpainted = doc.background(element).unpainted if painted and visible else ""
        if unpainted and params.visible == "true":
            hidden.append(f"line {element.sourceline} {unpainted}")
            continue
        if (params.visible == "true" and not visible) or (params.visible == "false" and visible):
            hidden.append(f"line {element.sourceline} {doc.why_unseen(element)}" + ("" if visible else hiding_note(doc, element)))
            continue
        index = _item_index(doc, element)
        hit = Hit(index, functools.partial(doc.locate_element, element), _describe(element), offset=doc_offset(doc, index), element=element)
        # Only in `<noscript>`: seen (or, for an invisible counter pixel that `visible: any` asks
        # for, loaded) only by readers with JavaScript off.
        only_without_scripts = (visible or params.visible == "any") and doc.shown_only_without_scripts(element)
        (scripted if only_without_scripts else matched).append(hit)
    if params.max is not None or params.min > 1:
        # Counted, not only found: one count for each match that no other match holds.
        matched, scripted = _outermost(matched), _outermost(scripted)
    if scripted:
        return _judge_with_scripted(doc, params, matched, scripted, hidden, outside)
    outcome = _judge(doc, params, matched, hidden, outside)
    if outcome.passed or params.min < 1:
        return outcome
    if held:
        return _held_back(doc, params, outcome, *held[0])
    # A tag no reader sees (a pixel, a counter) pasted again beside its commented-out copy would
    # count twice once the comment goes: it is named. A logo commented out is only missing, and
    # fix puts one in.
    commented = _commented_out(doc, params) if addresses_only and params.visible != "true" else None
    if commented is not None:
        return _held_in_a_comment(doc, params, outcome, commented)
    return _with_look_alike(doc, params, outcome) if params.instead else outcome


def _in_article(doc: Document, element: Any) -> bool:
    """Whether an element is in the article for a check of its scope: where a credit is in it
    (`Document.credit_in_article`), or in the story's lead picture that the theme puts before the
    story, outside the article's element (`Document.in_lead_picture`: a featured image above the
    headline), asked only of what the first test leaves out."""
    return doc.credit_in_article(element) or doc.in_lead_picture(element)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """One hit for each match that no other match holds: a match inside another match is part of
    it (a `<figure>`, its `<figcaption>` and the credit `<span>` in that are one photo credit),
    counted once. Each is told by its first match that holds no other (the credit `<span>`), the
    most precise place to point at; in document order."""
    if len(hits) < 2:
        return hits
    by_element = {id(hit.element): hit for hit in hits if hit.element is not None}
    groups: dict[int, list[Hit]] = {}
    for hit in hits:
        outer = hit
        if hit.element is not None:
            outer = next((by_element[id(node)] for node in reversed(list(hit.element.iterancestors())) if id(node) in by_element), hit)
        groups.setdefault(id(outer), []).append(hit)
    holders = {id(node) for hit in hits if hit.element is not None for node in hit.element.iterancestors() if id(node) in by_element}
    return [next((hit for hit in group if id(hit.element) not in holders), group[0]) for group in groups.values()]


def _with_look_alike(doc: Document, params: ElementParams, outcome: Outcome) -> Outcome:
    """A failure that ends with the first `instead` look-alike the selector finds in the scope
    (one a reader sees, when the check counts only those), named with its line and what it is
    ('; <img alt="Daily Caller logo" …> (line 6) is The Daily Caller's logo …'), and points at
    it; the failure as it is when there is none."""
    for element in _candidates(doc, params.selector, params.instead):
        if not _attributes_match(doc, element, params.instead) or doc.why_inert(element) is not None:
            continue
        if params.scope == "article" and not _in_article(doc, element):
            continue
        if params.visible == "true" and not doc.is_visible(element):
            continue
        what = params.instead_label or f"not {describe(params)}"
        note = f"; {_describe(element)} (line {element.sourceline}) is {what}"
        return outcome._replace(why=_noted(outcome, note), anchor=functools.partial(doc.locate_element, element))
    return outcome


# The attributes that ask where an element loads from: a consent manager may hold such a tag back.
_ADDRESS_ATTRIBUTES = frozenset({"src", "shown-src"})


def never_loaded_line(doc: Document, params: ElementParams) -> int | None:
    """The line of the first element the check's selector and attributes match that never runs or
    loads (`Document.why_inert`: a tracking tag disabled, held back for consent, forbidden by the
    page's Content-Security-Policy, a lazy image with no box), or None. What detection counts as
    a publisher's marker a copy hides (`detect._hidden_match_line`): the publisher's pixel is on
    the page, kept from loading, and the pack its rules fail in applies."""
    if doc.kind != "html" or doc.root is None:
        return None
    for element in _candidates(doc, params.selector, params.attributes):
        if _attributes_match(doc, element, params.attributes) and doc.why_inert(element) is not None:
            return int(element.sourceline or 1)
    return None


def _replaced_source(doc: Document, element: Any, attributes: tuple[tuple[str, Pattern], ...] | None) -> str | None:
    """Why an element that the check's other attributes find is not the picture asked for, in
    words: an image that a `shown-src` pattern finds among its addresses (as `src` would) is not
    the one the browser fetches (a `srcset` candidate or a `<picture>`'s `<source>` takes its
    place); an image with the `alt` (or other words) asked for shows another picture; an
    element whose CSS declares the `background-src` picture paints another, or none on some
    screens. None when it is none of these."""
    names = {name for name, _ in attributes or ()}
    if "background-src" in names:
        return _repainted(doc, element, attributes)
    if element.tag == "script" or "shown-src" not in names:
        return None
    shown = _attribute_values(doc, element, "shown-src")
    taken = f" ({shorten(shown[0], 60)})" if shown else ""
    as_src = tuple(("src" if name == "shown-src" else name, pattern) for name, pattern in attributes or ())
    if _attributes_match(doc, element, as_src):
        return (
            f"loads another picture{taken} from its srcset or its <picture>'s <source>, which the browser takes in place of "
            "its src: the address asked for is never fetched"
        )
    words = tuple((name, pattern) for name, pattern in attributes or () if name not in _ADDRESS_ATTRIBUTES)
    if words and _attributes_match(doc, element, words):
        # Its words name the thing asked for; the picture it shows is plainly another.
        return f"shows another picture{taken}: its {_words_named(words)} names the picture, it does not make it one"
    return None


def _words_named(words: tuple[tuple[str, Pattern], ...]) -> str:
    """The attributes a check reads words from, as a failure names them ("alt text")."""
    return " and ".join(_ATTRIBUTE_WORDS.get(name, f"{name} attribute") for name, _ in words)


def _repainted(doc: Document, element: Any, attributes: tuple[tuple[str, Pattern], ...] | None) -> str | None:
    """Why an element whose CSS declares the `background-src` picture (`Document.painting_backgrounds`)
    does not match: the background that wins the cascade paints another picture, none, or the
    picture on some screens only; None when it is the element's other attributes that do not match."""
    others = tuple((name, pattern) for name, pattern in attributes or () if name != "background-src")
    if others and not _attributes_match(doc, element, others):
        return None
    pictures = doc.background(element).pictures
    if not pictures:
        return "declares the picture as its background, but another rule wins the cascade and paints none"
    if "" in pictures:
        return "paints the picture as its background on some screens only (a rule in a media query): the rules every screen meets paint none"
    return f"declares the picture as its background, but another rule wins the cascade and paints {shorten(pictures[0], 60)}"


def _asks_for_addresses_only(attributes: tuple[tuple[str, Pattern], ...] | None) -> bool:
    """Whether the check asks for a `src` or `shown-src` pattern and nothing else (see `_held_sources_match`)."""
    return bool(attributes) and all(name in _ADDRESS_ATTRIBUTES for name, _ in attributes or ())


def _held_sources_match(hold: HeldTag, attributes: tuple[tuple[str, Pattern], ...] | None) -> bool:
    """Whether the addresses a consent manager loads once allowed match the check's `src` pattern
    (a check that asks for no `src` is not about a tag the manager could hold)."""
    return _addresses_match(hold.sources, attributes)


def _addresses_match(sources: Sequence[str], attributes: tuple[tuple[str, Pattern], ...] | None) -> bool:
    """Whether the addresses `sources` (as a tag writes them) match the check's `src` pattern, and
    the check asks for nothing else."""
    patterns = [pattern for name, pattern in attributes or () if name in _ADDRESS_ATTRIBUTES]
    return bool(patterns) and len(patterns) == len(attributes or ()) and all(any(p.search(form) for form in _url_forms(sources)) for p in patterns)


def _held_back(doc: Document, params: ElementParams, outcome: Outcome, element: Any, hold: HeldTag) -> Outcome:
    """The failure of a check whose element is on the page but kept from loading by a
    cookie-consent manager or a page-speed plugin's delay of scripts: it says so
    (`Outcome.held_back`, `Outcome.held_until`), at the element."""
    what = describe(params)
    manager = f"{hold.manager}: {shorten(hold.marker, 60)}"
    if hold.until == "loader":
        reason = (
            f"the {what} at line {element.sourceline} is on the page but {hold.marker}: only a script of the page that rewrites it"
            " may load it, so not every reader is counted"
        )
    elif hold.until == "never":
        reason = (
            f"the {what} at line {element.sourceline} is delayed by {hold.manager} ({shorten(hold.marker, 60)}) and the page has no"
            f" {hold.manager} script that would run it: no reader's browser runs it, so no reader is counted"
        )
    elif hold.until == "interaction":
        reason = (
            f"the {what} at line {element.sourceline} is delayed by a page-speed plugin ({manager}): it runs only once the reader"
            " moves the mouse, scrolls, touches the screen or presses a key, so readers who only read are not counted"
        )
    else:
        reason = f"the {what} at line {element.sourceline} is held back by a cookie-consent manager ({manager}): it loads only after the reader accepts cookies"
    return outcome._replace(why=reason, anchor=functools.partial(doc.locate_element, element), held_back=reason, held_until=hold.until)


def _commented_out(doc: Document, params: ElementParams) -> int | None:
    """The first HTML comment of the page that holds a tag the check's selector and address
    patterns find (`<!-- <script src="https://pixel.propublica.org/pixel.js"></script> -->`): the
    line that tag starts on; None when none does. Asked only when the check fails, of the
    comments that hold markup."""
    if doc.root is None:
        return None
    for comment in doc.root.iter(etree.Comment):
        text = comment.text or ""
        if "<" not in text:
            continue
        try:
            holder = lxml.html.fragment_fromstring(text, create_parent="div")
        except (etree.ParserError, ValueError):
            continue
        for element in params.selector(holder):
            own = (element.get("src") or "").strip()
            sources = (own,) if own else held.sources if (held := held_tag(element)) is not None else ()
            if _addresses_match(sources, params.attributes):
                # libxml2 gives a comment the line it ends on: the tag's is counted from its start.
                start = int(comment.sourceline or 1) - text.count("\n")
                return start + int(element.sourceline or 1) - 1
    return None


def _held_in_a_comment(doc: Document, params: ElementParams, outcome: Outcome, line: int) -> Outcome:
    """The failure of a check whose element is on the page inside an HTML comment, which no
    browser reads: it says so, at the tag's `line` (`Outcome.held_until` "comment")."""
    reason = f"the {describe(params)} is commented out at line {line} (inside <!-- … -->): a browser skips a comment, so it never loads"
    return outcome._replace(why=reason, anchor=functools.partial(doc.locate_line, line, None), held_back=reason, held_until="comment")


def _judge_with_scripted(doc: Document, params: ElementParams, matched: list[Hit], scripted: list[Hit], hidden: list[str], outside: list[str]) -> Outcome:
    """Judge with the `<noscript>`-only matches counted; a pass that needs them carries a caveat."""
    everything = sorted(matched + scripted, key=lambda h: (h.location.line, h.location.column))
    decided = judge_count(everything, params.min, params.max)
    if decided is None or not decided.passed:
        return decided or _judge(doc, params, everything, hidden, outside)
    if judge_count(matched, params.min, params.max) is not None:
        return decided
    return decided._replace(caveat=_NOSCRIPT_CAVEAT.format(line=scripted[0].location.line))


def _candidates(doc: Document, selector: Selector, attributes: tuple[tuple[str, Pattern], ...] | None = None) -> tuple[Any, ...]:
    """The elements the selector matches, in document order; a selector of images (`img`,
    `amp-img`) also matches the page's inline `<svg>` images (those with an accessible name,
    which is their `alt`: see `document.html.svg_accessible_name`) and its image buttons
    (`<input type="image">`, which draw their picture as an `<img>` does). With a
    `background-src` among the `attributes`, only those on which the page's CSS declares a
    background picture the pattern matches (`Document.painting_backgrounds`): a page whose CSS
    names none is not matched at all."""
    pattern = next((pattern for name, pattern in attributes or () if name == "background-src"), None)
    if pattern is not None:
        painting = doc.painting_backgrounds(functools.partial(_paints_a_match, pattern), pattern.regex_text or pattern.source)
        if not painting:
            return ()
        chosen = frozenset(_candidates(doc, selector))
        return tuple(element for element in painting if element in chosen)
    if not _selects_images(selector):
        return doc.select(selector)
    svg = any(image.element is not None and image.element.tag == "svg" for image in doc.images)
    buttons = any(image.element is not None and image.element.tag == "input" for image in doc.images)
    if not svg and not buttons:
        return doc.select(selector)
    images = doc.item_index_by_element()
    return tuple(e for e in doc.select(_with_images(selector, svg=svg, buttons=buttons)) if e.tag not in ("svg", "input") or e in images)


def _paints_a_match(pattern: Pattern, address: str) -> bool:
    """Whether a background picture's address, as a page's CSS writes it, is one `pattern`
    matches as a `background-src` reads it (`url_form`)."""
    form = url_form(resolve_url(address, None)) if address else None
    return form is not None and pattern.search(form) is not None


@functools.lru_cache(maxsize=64)
def _with_images(selector: Selector, *, svg: bool, buttons: bool) -> Selector:
    """The selector with `svg` and `input` (the image buttons among them are kept by the caller)
    added to its group (one pass over the page, in document order); its XPath extended as
    `translate_selector` writes a member, so that cssselect is not loaded."""
    tags = [tag for tag, wanted in (("svg", svg), ("input", buttons)) if wanted]
    css = ", ".join([selector.css, *tags])
    xpath = " | ".join([selector.xpath, *(f"descendant-or-self::{tag}" for tag in tags)]) if selector.xpath else ""
    return Selector(css, xpath)


# What to do about a tag a cookie-consent manager holds back (`_held_back`): it is on the page
# already, so the fix is to exempt it, not to paste it again.
HELD_BACK_HELP = (
    "It is on the page already, so pasting it again does not help: exempt it from the cookie-consent manager so "
    "that it loads with the article for every reader (give it back the plain src and type the publisher's "
    'republish code has; with Cookiebot, data-cookieconsent="ignore"; with other consent tools, their setting '
    "or allow-list for a tag that needs no consent)."
)
# What to do about a tag rewritten by a loader not known by name (`held_tag`'s "loader": WP
# Meteor's `type="javascript/blocked"`), whose copy pasted again the same plugin would rewrite.
LOADER_HELP = (
    "It is on the page already, so pasting it again does not help (the plugin that rewrote it would rewrite the copy too): "
    "give it back the plain src and type the publisher's republish code has, and exclude it from the page-speed or "
    "consent plugin that rewrote it (its list of scripts not to delay or block)."
)
# What to do about a tag inside an HTML comment.
COMMENTED_HELP = "It is on the page already, inside an HTML comment: take out the comment's <!-- and --> around it so that it loads with the article."
# What to do about a script a page-speed plugin delays until the reader interacts.
DELAYED_HELP = (
    "It is on the page already, so pasting it again does not help: exclude it from the plugin's delay of JavaScript so "
    "that it runs with the article for every reader (give it back the plain src and type the publisher's republish "
    "code has; WP Rocket: Delay JavaScript execution, Excluded JavaScript Files; Perfmatters: Delay JavaScript, "
    "Excluded from Delay; LiteSpeed Cache: JS Delayed Excludes; Flying Scripts: remove its keyword)."
)


# What to do about a script delayed by a tool whose own script, which would run it, the page
# lacks (WP Rocket's runtime, Cloudflare's Rocket Loader): nothing runs it for any reader.
NEVER_RUN_HELP = (
    "It is on the page, but nothing runs it: give it back the plain src and type the publisher's republish code has "
    '(remove the type WP Rocket or Rocket Loader wrote, "rocketlazyloadscript" or "…-text/javascript", and move a '
    "data-rocket-src address into src), or keep the page's WP Rocket or Rocket Loader script when saving or pasting it."
)


def text_image_help(line: str, place: str) -> str:
    """The fix of an image a check asks for (`asks_for_an_image`) in a plain-text copy, which
    writes an image as a line of its alt text (see docs/samples.md): `line` is the fix's text
    block, `place` where it goes ("before the byline")."""
    return (
        f'This is a plain-text copy, where an image stands as a line of its alt text: write "{line}" on a line of its '
        f"own, directly {place}. In the HTML or Markdown copy, place the image itself there."
    )


def asks_for_an_image(check: Check) -> bool:
    """Whether a check asks for an image and nothing else: an element check whose selector is of
    images (`img`, `amp-img`), or an `any`/`all` of such checks (the DCNF logo by its alt text or
    by its address). An alternative of an `any` that only an HTML page can meet (it asks for the
    page's `<body>`: the DCNF logo painted as an element's background) is no way of meeting it in
    plain text, and is left aside. What a plain-text copy writes as a line of the image's alt text."""
    if check.kind == "element":
        return _selects_images(check.params.selector)
    if check.kind == "all":
        return bool(check.params) and all(asks_for_an_image(inner) for inner in check.params)
    if check.kind == "any":
        ways = [inner for inner in check.params if not _html_page_only(inner)]
        return bool(ways) and all(asks_for_an_image(inner) for inner in ways)
    return False


def _html_page_only(check: Check) -> bool:
    """Whether only an HTML page can meet the check: an element check that asks for a picture
    painted by the page's CSS (`background-src`), or an `all` that asks for the page's `<body>`."""
    if check.kind == "element":
        return any(name == "background-src" for name, _ in check.params.attributes or ())
    return check.kind == "all" and any(inner.kind == "element" and group_members(inner.params.selector.css) == ("body",) for inner in check.params)


def _selects_images(selector: Selector) -> bool:
    """True when a member of the selector's group is an image tag alone (`img`, `amp-img`)."""
    return any(member.lower() in _IMAGE_SELECTORS for member in group_members(selector.css))


def _item_index(doc: Document, element: Any) -> int:
    """Document-order position of an element among the items (for `near` checks)."""
    by_element = doc.item_index_by_element()
    index = by_element.get(element)
    if index is not None:
        return index
    line = element.sourceline or 0
    return next((item.index for item in doc.items if item.line >= line), len(doc.items))


def _evaluate_text_document(doc: Document, params: ElementParams) -> Outcome:
    matched = []
    hidden: list[str] = []
    outside: list[str] = []
    if any(name == "background-src" for name, _ in params.attributes or ()):
        # A picture painted by CSS is an HTML page's: a Markdown article's raw HTML is read for
        # its images, links and scripts, never its styles, and plain text has none.
        return _judge(doc, params, [], [], [])
    members = _image_members(params.selector)
    if members:
        for image in doc.images:
            if not _image_matches(image, params.attributes) or not _selects_image(members, image.sources[:1], image.alt, image.width, image.height):
                continue
            # A Markdown image in raw HTML can be hidden by it, or sit in page chrome it marks.
            if params.scope == "article" and not doc.item_credit_in_article(image):
                outside.append(f"line {image.line}")
                continue
            if (params.visible == "true" and not image.visible) or (params.visible == "false" and image.visible):
                hidden.append(f"line {image.line} is hidden" + ("" if image.visible else hiding_note(doc, image.element)))
                continue
            evidence = f"![{image.alt}]({image.sources[0] if image.sources else ''})"
            matched.append(Hit(image.index, functools.partial(doc.locate, image), evidence, offset=doc_offset(doc, image.index)))
        if doc.kind == "text":
            matched.extend(_alt_text_lines(doc, params.attributes, members))
    scripts = tuple(member.strip() for member in group_members(params.selector.css) if _script_member(member))
    if scripts:
        matched.extend(_script_hits(doc, params.attributes, scripts))
    matched.sort(key=lambda h: h.index)
    if doc.kind == "markdown" and params.min >= 1 and not matched and _names_unread_elements(params.selector):
        # A Markdown article is read for its images, links and scripts: any other element its
        # raw HTML has is not seen, so not finding one is no finding.
        raise Undecided(f"a Markdown article has no page around it and is read for its images, links and scripts: '{params.selector.css}' was not looked for")
    outcome = _judge(doc, params, matched, hidden, outside)
    if outcome.passed or params.min < 1 or not params.instead or not members:
        return outcome
    return _with_look_alike_image(doc, params, outcome, members)


def _with_look_alike_image(doc: Document, params: ElementParams, outcome: Outcome, members: tuple[str, ...]) -> Outcome:
    """`_with_look_alike` of a Markdown or plain-text article: its first image the `instead`
    attributes match (read as a Markdown image's: `_image_matches`), as an HTML page's is."""
    for image in doc.images:
        if not _image_matches(image, params.instead) or not _selects_image(members, image.sources[:1], image.alt, image.width, image.height):
            continue
        if (params.scope == "article" and not doc.item_credit_in_article(image)) or (params.visible == "true" and not image.visible):
            continue
        what = params.instead_label or f"not {describe(params)}"
        note = f"; ![{image.alt}]({image.sources[0] if image.sources else ''}) (line {image.line}) is {what}"
        return outcome._replace(why=_noted(outcome, note), anchor=functools.partial(doc.locate, image))
    return outcome


def _noted(outcome: Outcome, note: str) -> Callable[[], str]:
    """The failure's detail with `note` after it, written when first read (`explained_later`)."""
    return explained_later(lambda: outcome.detail + note)


def _script_hits(doc: Document, attributes: tuple[tuple[str, Pattern], ...] | None, members: tuple[str, ...]) -> list[Hit]:
    """The scripts of a Markdown article's raw HTML whose `src` matches and that one of the script
    `members` of the selector selects, read as a `<script src>` (a script has no other attribute
    a check can ask for here: `script:not([integrity])` selects each)."""
    if any(name not in _ADDRESS_ATTRIBUTES for name, _ in attributes or ()):
        return []
    hits = []
    for src, line in doc.scripts:
        forms = _url_forms([src])
        if not all(any(pattern.search(form) for form in forms) for _, pattern in attributes or ()):
            continue
        if not _selects_script(members, src):
            continue
        index = next((item.index for item in doc.items if item.line >= line), len(doc.items))
        hits.append(Hit(index, Location(line, 1), f'<script src="{src}">', offset=doc_offset(doc, index)))
    return hits


def _selects_script(members: tuple[str, ...], src: str) -> bool:
    """Whether one of the script `members` of a selector selects a `<script src>` of a Markdown
    article's raw HTML, read with its `src` alone."""
    if any(member.lower() == "script" for member in members):
        return True
    from lxml import etree  # only a selector with conditions on a script asks

    wrapper = etree.Element("div")
    etree.SubElement(wrapper, "script", {"src": src})
    return any(Selector(member)(wrapper) for member in members)


# What a Markdown article's element checks read: its images and scripts. An AMP element is not
# in a Markdown article (AMP pages are HTML), so its absence is known.
_READ_IN_MARKDOWN = _IMAGE_SELECTORS | {"script", "amp-pixel"}


# A selector of the page's own `<html>`, `<head>` or `<body>` (`html[amp]`): a Markdown article is
# rendered into a page and has none of them itself, so their absence is known.
_PAGE_ELEMENT = on_first_use(r"(?:html|head|body)(?![\w-])")


def _names_unread_elements(selector: Selector) -> bool:
    """True when a member of the selector's group is none of the elements a Markdown article is
    read for (`#republication-tracker-tool-source`, `.wrapper`), nor the page around it."""
    return any(
        member.lower() not in _READ_IN_MARKDOWN and not _image_member(member) and not _script_member(member) and not _PAGE_ELEMENT().match(member.lower())
        for member in group_members(selector.css)
    )


# An image tag at the start of a selector (`img`, `amp-img[width="1"]`, `img:not(…)`).
_IMAGE_TAG = on_first_use(r"(img|amp-img|amp-anim)(?![\w-])", re.IGNORECASE)


def _image_member(member: str) -> bool:
    """Whether a member of a selector group selects an image by itself: an image tag, alone or
    with conditions on the image's own attributes, classes and pseudo-classes
    (`img:not([src*="logo" i])`), and no combinator (`figure img` asks about its surroundings,
    which a Markdown or text article's image does not have)."""
    member = member.strip()
    tag = _IMAGE_TAG().match(member)
    return tag is not None and _only_of_itself(member[tag.end() :])


# A script tag at the start of a selector (`script`, `script:not([integrity])`).
_SCRIPT_TAG = on_first_use(r"script(?![\w-])", re.IGNORECASE)


def _script_member(member: str) -> bool:
    """Whether a member of a selector group selects a script by itself: `script`, alone or with
    conditions on its own attributes (`script:not([integrity])`), and no combinator."""
    member = member.strip()
    tag = _SCRIPT_TAG().match(member)
    return tag is not None and _only_of_itself(member[tag.end() :])


def _only_of_itself(conditions: str) -> bool:
    """Whether what follows a selector member's tag asks only about the element itself (its
    attributes, classes and pseudo-classes), with no combinator outside brackets."""
    depth, quote = 0, ""
    for character in conditions:
        if quote:
            quote = "" if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif depth == 0 and (character.isspace() or character in ">+~"):
            return False
    return True


def _image_members(selector: Selector) -> tuple[str, ...]:
    """The members of the selector's group that select an image by itself (`_image_member`)."""
    return tuple(member.strip() for member in group_members(selector.css) if _image_member(member))


def _selects_image(members: tuple[str, ...], sources: tuple[str, ...], alt: str, width: str = "", height: str = "") -> bool:
    """Whether one of the image `members` of a selector selects the image of a Markdown or text
    article (its first address, alt text and size), read as the `<img>` a renderer makes of it. A
    bare tag selects every image without building one."""
    if any(member.lower() in _IMAGE_SELECTORS for member in members):
        return True
    from lxml import etree  # only a selector with conditions on an image asks

    given = (("src", sources[0] if sources else ""), ("alt", alt), ("width", width), ("height", height))
    attributes = {name: value for name, value in given if value or name == "alt"}
    for member in members:
        tag = _IMAGE_TAG().match(member)
        if tag is None:
            continue
        # In a paragraph, as a renderer puts a Markdown image: a selector finds what is under a root.
        wrapper = etree.Element("p")
        etree.SubElement(wrapper, tag[0].lower(), attributes)
        if Selector(member)(wrapper):
            return True
    return False


# How text copies of a page write an image, around its alt text: text browsers and mail clients
# bracket it (`[alt]`, `[Image: alt]`, Gmail's `[image: alt]`) and some exports label it
# (`Image: alt`). Markdown's `![alt](src)` is an image only where the article is read as Markdown:
# in plain text it is the characters a reader sees.
_IMAGE_LINE = on_first_use(
    r"\[\s*(?:(?:image|img|picture|photo|graphic|logo)\s*:\s*)?(?P<bracketed>[^\[\]]*?)\s*\]"
    r"|(?:image|img|picture|photo|graphic)\s*:\s*(?P<labelled>.*?)",
    re.IGNORECASE,
)


def image_line_alt(line: str) -> str:
    """The alt text a plain-text line shows of an image: the line itself, or what one of the
    usual image wrappers holds (`[alt]`, `[Image: alt]`, `Image: alt`).

    >>> image_line_alt("[Image: Daily Caller News Foundation logo]")
    'Daily Caller News Foundation logo'
    """
    wrapped = _IMAGE_LINE().fullmatch(line)
    if wrapped is None:
        return line
    return wrapped["bracketed"] if wrapped["bracketed"] is not None else wrapped["labelled"]


# The words by which a bare line of a plain-text article says it stands for an image ("… logo",
# "Photo by …"), in English and the languages the packs read ("logotipo", "imagen", "foto").
_NAMES_AN_IMAGE = on_first_use(r"\b(?:logo\w*|images?|imagen|img|photo\w*|fotos?|pictures?|graphics?|icons?|illustrations?)\b", re.IGNORECASE)


# A text browser's or mail client's image in brackets with its label (`[Image: alt]`, `[image:
# alt]`): the line is an image, whatever its alt text says.
_LABELLED_IMAGE = on_first_use(r"\[\s*(?:image|img|picture|photo|graphic|logo)\s*:[^\[\]]*\]", re.IGNORECASE)


def _alt_text_lines(doc: Document, attributes: tuple[tuple[str, Pattern], ...] | None, members: tuple[str, ...]) -> list[Hit]:
    """Lines of a plain-text article that are an image's alt text: the whole line, or the whole
    text inside an image wrapper (`image_line_alt`), matches the `alt` pattern (a line is all a
    text copy keeps of an image), and an image of that alt text is one the selector's image
    `members` select. A line that is an image by its bracketed label (`_LABELLED_IMAGE`) has its
    alt text read as an HTML image's is, the pattern found anywhere in it (`[Image: Photo by
    Jane Lee/ProPublica]` is `alt="Photo by Jane Lee/ProPublica"`); a bare line or a bare
    bracket (`[Editor's note: …]`) is an image only when the pattern is all of it, and a bare
    line only when its words name an image (`_NAMES_AN_IMAGE`): a line of an outlet's name alone
    ("Daily Caller News Foundation") is that name printed, not its logo."""
    # Such a line paints no picture, so a `shown-src` pattern asks nothing of it; it stands for
    # an image only beside an `alt` pattern.
    alts = [pattern for name, pattern in attributes or () if name == "alt"]
    if not alts or any(name not in ("alt", "shown-src") for name, _ in attributes or ()):
        return []
    hits = []
    for block in doc.blocks:
        alt = image_line_alt(block.text)
        labelled = _LABELLED_IMAGE().fullmatch(block.text.strip()) is not None
        if alt == block.text and not _NAMES_AN_IMAGE().search(alt):
            continue
        found = all(pattern.search(alt) if labelled else any(m.start() == 0 and m.end() == len(alt) for m in pattern.finditer(alt)) for pattern in alts)
        if alt and found and _selects_image(members, (), alt):
            hits.append(Hit(block.index, functools.partial(doc.locate, block), block.text, offset=doc_offset(doc, block.index)))
    return hits


def _judge(doc: Document, params: ElementParams, matched: list[Hit], hidden: list[str], outside: list[str]) -> Outcome:
    what = describe(params)
    where = " in the article" if params.scope == "article" else " on the page"
    notes = []
    if hidden:
        notes.append(f"the one at {hidden[0]}")
    if outside:
        notes.append(f"the one at {outside[0]} is outside the article (in the page around it)")
    # Said on a pass of `max` as on a failure: an element that is there but not counted is not absent.
    note = "".join(f"; {n}" for n in notes)
    decided = judge_count(matched, params.min, params.max, what=what, absent=f"no {what}{where}{note}")
    if decided is not None:
        return decided
    count = len(matched)
    detail = f"no {'visible ' if params.visible == 'true' else ''}{what}{where}"
    if count:
        detail = f"{what} appears {counted(count, 'time')}{where}; at least {params.min} needed"
    # No place of its own: the rule's (`engine.missing_location`).
    return Outcome(False, (), detail + note)
