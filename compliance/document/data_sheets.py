"""Stylesheets given as `data:` URLs, whose text is in the page itself (nothing is fetched).

A `<link rel="stylesheet" href="data:text/css,…">` and an `@import url("data:text/css,…")` at the
top of an applied sheet are applied as a browser applies them (an `@import`'s `layer()`,
`supports()` and media query too) (read by `data_urls.read_data_url`,
as the pictures' `data:` URLs are: cut at the fragment, percent-decoded, or base64 decoded by the
forgiving-base64 rules). Any other address is left alone: the checker never fetches. A `data:`
URL that is not CSS (a browser refuses a stylesheet of another type in standards mode), whose
base64 a browser cannot decode, or whose text is larger than `MAX_DATA_SHEET_BYTES` is ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

import tinycss2

from compliance.document.data_urls import data_url_head, read_data_url

# The largest decoded `data:` stylesheet read, in bytes (as large as a site's whole stylesheet).
MAX_DATA_SHEET_BYTES = 512 * 1024
# How deep `@import`s of `data:` sheets inside `data:` sheets are followed.
_MAX_IMPORT_DEPTH = 4


def data_sheet_text(url: str) -> str | None:
    """The CSS text of a `data:` URL of type `text/css`, read as a browser reads it
    (`data_urls.read_data_url`: cut at its fragment, percent-decoded, a `;base64` body decoded as
    forgiving-base64); None for any other URL, another type, a base64 body a browser cannot decode,
    or one too large (see `MAX_DATA_SHEET_BYTES`)."""
    if len(url) > MAX_DATA_SHEET_BYTES * 4:
        return None
    head = data_url_head(url)
    if head is None or head[0] != "text/css":
        return None
    read = read_data_url(url)
    if read is None or len(read.body) > MAX_DATA_SHEET_BYTES:
        return None
    return read.body.decode("utf-8", errors="replace")


def with_data_imports(sheet: str, depth: int = 0) -> Iterator[str]:
    """The sheets a `<style>` block (or `data:` sheet) `sheet` applies, in cascade order: the
    `data:` sheets its leading `@import`s name, each inside the blocks its conditions make (see
    `_wrapped`), with the `@layer` statements among those imports in their place, then `sheet`
    itself. Only a sheet that mentions `@import` is parsed here."""
    if depth < _MAX_IMPORT_DEPTH and "@import" in sheet.lower():
        for head in _head(sheet):
            if isinstance(head, str):
                yield head
                continue
            text = data_sheet_text(head[0])
            if text is None:
                continue
            for imported in with_data_imports(text, depth + 1):
                yield _wrapped(imported, head[1])
    yield sheet


class ImportConditions(NamedTuple):
    """What an `@import` puts its sheet under (CSS Cascade 5, `@import`): a cascade layer
    (`layer` None when none, "" for the anonymous `layer` keyword, else the name `layer(name)`
    gives), a `supports()` condition (as `@supports` reads it; empty when none) and a media query
    list (empty when none), all as written."""

    layer: str | None
    supports: str
    media: str


def _wrapped(sheet: str, conditions: ImportConditions) -> str:
    """`sheet` inside the blocks an `@import`'s conditions make, as a browser applies it: its
    media query's `@media`, inside its `supports()`'s `@supports`, inside its `@layer`."""
    if conditions.media:
        sheet = f"@media {conditions.media} {{\n{sheet}\n}}"
    if conditions.supports:
        sheet = f"@supports {conditions.supports} {{\n{sheet}\n}}"
    if conditions.layer is not None:
        sheet = f"@layer {conditions.layer} {{\n{sheet}\n}}"
    return sheet


def _head(sheet: str) -> Iterator[str | tuple[str, ImportConditions]]:
    """The URL and conditions (`ImportConditions`) of each `@import` at the head of the sheet
    (CSS Cascade 5: `@import` after any rule other than `@charset`/`@layer` statements is ignored),
    and, in their place among them, the text of the `@layer` statements there, which order the
    layers the imports name (`@layer base, x; @import url(…) layer(x);` puts `x` after `base`)."""
    for node in tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True):
        if node.type != "at-rule":
            return
        name = node.lower_at_keyword
        if name == "layer" and node.content is None:
            yield tinycss2.serialize([node])
            continue
        if name == "charset" and node.content is None:
            continue
        if name != "import":
            return
        prelude = [token for token in node.prelude if token.type not in ("whitespace", "comment")]
        url = url_of(prelude[0]) if prelude else None
        if url is not None:
            yield url, _conditions(node.prelude[node.prelude.index(prelude[0]) + 1 :])


def _conditions(tokens: list[Any]) -> ImportConditions:
    """An `@import`'s conditions after its URL: `[layer | layer(<name>)]? [supports(<condition> |
    <declaration>)]? <media-query-list>?`, each as written; a `supports()` of one declaration
    (`supports(display: grid)`) is that declaration's test, `(display: grid)`."""
    meaningful = [index for index, token in enumerate(tokens) if token.type not in ("whitespace", "comment")]
    layer: str | None = None
    supports = ""
    at = 0
    if at < len(meaningful):
        token = tokens[meaningful[at]]
        if token.type == "ident" and token.lower_value == "layer":
            layer, at = "", at + 1
        elif token.type == "function" and token.lower_name == "layer":
            layer, at = tinycss2.serialize(token.arguments).strip(), at + 1
    if at < len(meaningful):
        token = tokens[meaningful[at]]
        if token.type == "function" and token.lower_name == "supports":
            supports, at = _supports_condition(token.arguments), at + 1
    rest = tokens[meaningful[at] :] if at < len(meaningful) else []
    return ImportConditions(layer, supports, tinycss2.serialize(rest).strip())


def _supports_condition(arguments: list[Any]) -> str:
    """The `@supports` condition a `supports()` gives: a declaration (an identifier then a colon)
    in parentheses, a condition as written."""
    meaningful = [token for token in arguments if token.type not in ("whitespace", "comment")]
    text = tinycss2.serialize(arguments).strip()
    declaration = len(meaningful) >= 2 and meaningful[0].type == "ident" and meaningful[1].type == "literal" and meaningful[1].value == ":"
    return f"({text})" if declaration else text


def url_of(token: object) -> str | None:
    """The address a token gives (an `@import`'s first, an image's): `url(…)`, `url("…")` or a
    string; None for another token."""
    kind = getattr(token, "type", "")
    if kind in ("url", "string"):
        return str(getattr(token, "value", ""))
    if kind == "function" and getattr(token, "lower_name", "") == "url":
        strings = [t for t in getattr(token, "arguments", ()) if t.type == "string"]
        return str(strings[0].value) if strings else None
    return None
