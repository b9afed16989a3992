"""`metadata` — values in `<meta>` tags and JSON-LD: the author, publisher, original URL
(`isBasedOn`, `url`) a CMS puts in the page head. Metadata is invisible to readers, so it never
satisfies a visible requirement such as a byline; it is useful for detection and for rules about
what the page claims.

`meta` names a `<meta name|property>` (`author`, `og:site_name`); `json-ld` is a dotted path into
any JSON-LD object on the page (`author.name`, `publisher.name`, `isBasedOn`, `url`; lists are
searched, and an object yields its `name`, `url` or `@id`); `language: true` reads the language
the article declares (`Document.language`: the `lang` or `xml:lang` of the article's element or
its nearest ancestor, up to `<html>`; else the page's `<meta http-equiv="content-language">`; a
Markdown or text article's front matter `lang` or `language`), one value as written ("es-MX"),
none when it declares no language. Exactly one of the three is required.
The `<meta>` tags whose value is a URL (`og:url`, `syndication-source`, `original-source`) are
read as the page's links are: resolved against its first `<base href>` (else the page's own
address, when known), and a protocol-relative one over `https:` (see `link`). So are the JSON-LD
URLs, at any depth: `url`, `mainEntityOfPage` and `@id` (not a blank node such as `_:b0`). A
`<base href>` that cannot be parsed is passed over, as browsers do.

Example (the page declares ProPublica as the publisher of the original)::

    metadata:
      json-ld: isBasedOn
      pattern: 'propublica\\.org'

Passes::

    <html><head><script type="application/ld+json">{"@type": "NewsArticle", "isBasedOn": "https://www.propublica.org/article/x"}</script></head><body><article><p>Story.</p></article></body></html>

Fails::

    <html><head><script type="application/ld+json">{"@type": "NewsArticle", "url": "https://example.org/story"}</script></head><body><article><p>Story.</p></article></body></html>

The language an article declares is its own, whatever the page's template says, and a Markdown
copy declares it in its front matter (`lang: es`).

Example (the article declares a language other than English)::

    metadata:
      language: true
      pattern: '^(?!en\\b)[a-z]{2,3}\\b'

Passes::

    <html lang="en"><body><article lang="ru"><h1>Пастухи</h1><p>Пастухи Нарына перегнали стада на север.</p></article></body></html>

Fails::

    <html lang="en-GB"><body><article><h1>Herders</h1><p>Herders in Naryn drove their flocks north.</p></article></body></html>
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from compliance.checks.base import LABEL_DOC, Context, Hit, Outcome, judge_count
from compliance.document import Document
from compliance.findings import START
from compliance.options import Option
from compliance.patterns import Pattern
from compliance.text import shorten

# The values each hit captures, for `{placeholders}` in a rule's message: the matching value.
CAPTURES = frozenset(("value",))

OPTIONS = (
    Option("meta", "string", "Name (or property) of a `<meta>` tag.", default=None),
    Option("json-ld", "string", "Dotted path into the page's JSON-LD objects.", default=None),
    Option("language", "boolean", "Read the language the article declares (`lang`, front matter `lang`, `content-language`).", default=False),
    Option("pattern", "regex", "Regex a value must contain (case-insensitive).", default=None),
    Option("label", "string", LABEL_DOC, default=None),
    Option("min", "integer", "Fewest matching values required (0 when only `max` is given).", default=1, minimum=0),
    Option("max", "integer", "Most matching values allowed.", default=None, minimum=0),
)


class MetadataParams(NamedTuple):
    """Validated parameters of a `metadata` check."""

    meta: str | None
    json_ld: str | None
    pattern: Pattern | None
    min: int
    max: int | None
    label: str = ""
    language: bool = False


def build(values: dict[str, Any]) -> MetadataParams:
    """Parameters from validated option values."""
    meta = values["meta"].strip().lower() if values["meta"] else None
    return MetadataParams(meta, values["json_ld"], values["pattern"], values["min"], values["max"], label=values["label"] or "", language=values["language"])


def describe(params: MetadataParams) -> str:
    """What the check looks for, in words: its label, or the tag or JSON-LD field and its value."""
    if params.label:
        return params.label
    if params.language:
        phrase = "language the article declares"
    elif params.meta is not None:
        phrase = f'<meta name="{params.meta}"> tag'
    else:
        phrase = f"{params.json_ld} field of the page's structured data"
    return phrase + (f" containing {params.pattern.shown}" if params.pattern is not None else "")


def _values_at(node: Any, path: list[str]) -> Iterator[str]:
    if isinstance(node, list):
        for item in node:
            yield from _values_at(item, path)
        return
    if isinstance(node, dict) and "@graph" in node and path and path[0] not in node:
        yield from _values_at(node["@graph"], path)
        return
    if not path:
        if isinstance(node, str | int | float):
            yield str(node)
        elif isinstance(node, dict):
            for key in ("name", "url", "@id"):
                if isinstance(node.get(key), str):
                    yield node[key]
                    break
        return
    if isinstance(node, dict) and path[0] in node:
        yield from _values_at(node[path[0]], path[1:])


def evaluate(doc: Document, params: MetadataParams, ctx: Context) -> Outcome:
    """Find the metadata values and match them."""
    pattern = ctx.bind(params.pattern) if params.pattern is not None else None
    if params.language:
        values = [doc.language] if doc.language else []
        label = "declared language"
    elif params.meta is not None:
        values = list(doc.meta.get(params.meta, ()))
        label = f'<meta name="{params.meta}">'
    else:
        values = [v for obj in doc.json_ld for v in _values_at(obj, (params.json_ld or "").split("."))]
        label = f"JSON-LD {params.json_ld}"
    hits = [Hit(0, START, f"{label}: {shorten(value, 100)}", (("value", value),)) for value in values if pattern is None or pattern.search(value)]
    what = params.label or label
    decided = judge_count(hits, params.min, params.max, what=what, absent=f"no {describe(params)} on the page")
    if decided is not None:
        return decided
    if values:
        detail = f"{what} is {', '.join(repr(shorten(v, 60)) for v in values[:3])}" + (f", which does not contain {pattern.shown}" if pattern else "")
    else:
        detail = f"no {what} on the page"
    return Outcome(False, (), detail, START)
