"""The language an article says it is written in, as its markup or front matter declares it (not
as its words read: `checks.languages` tells that).

An HTML page declares it with the `lang` (or `xml:lang`) attribute of the article's element or of
the nearest ancestor that has one, up to `<html>`, as browsers inherit it (`<article lang="ru">`
in an English site's template, `<html xml:lang="es">`); an empty value there declares the language
unknown. With none, a `<meta http-equiv="content-language" content="es">` in the page declares it.
A Markdown or plain-text article declares it in its front matter's `lang` or `language` key
(`lang: es`). The value is returned as written, trimmed ("es-MX", "EN"); "" when the article
declares none."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compliance.metavalues import given_value

# The attributes that declare an element's language, in the order read on one element.
_LANGUAGE_ATTRIBUTES = ("lang", "xml:lang")
# The front matter keys that declare a Markdown or text article's language.
_FRONT_MATTER_KEYS = ("lang", "language")
# What HTML strips from an attribute's value: ASCII whitespace.
_HTML_SPACE = " \t\n\f\r"


def declared_language(root: Any, article_root: Any, front_matter: Mapping[str, str]) -> str:
    """The language tag the article declares (see the module): the `lang`/`xml:lang` of
    `article_root` or its nearest ancestor with one (`root`'s element tree, None for Markdown and
    text), else the page's `content-language` meta, else `front_matter`'s `lang`/`language`; ""
    when none does. Pure; reads at most the article's ancestors and the page's `<meta>` elements."""
    start = article_root if article_root is not None else root
    if start is not None:
        for element in (start, *start.iterancestors()):
            for name in _LANGUAGE_ATTRIBUTES:
                value = element.get(name)
                if value is not None:
                    return str(value).strip(_HTML_SPACE)
        for meta in root.iter("meta") if root is not None else ():
            if str(meta.get("http-equiv") or "").strip(_HTML_SPACE).lower() == "content-language":
                # A list ("es, en") names the audience's languages; the first is the page's own.
                return str(meta.get("content") or "").split(",")[0].strip(_HTML_SPACE)
    for key in _FRONT_MATTER_KEYS:
        value = given_value(front_matter, key).strip()
        if value:
            return value
    return ""
