"""Stylesheets given as `data:` URLs, whose text is in the page itself (nothing is fetched).

A `<link rel="stylesheet" href="data:text/css,…">` and an `@import url("data:text/css,…")` at the
top of an applied sheet are applied as a browser applies them (RFC 2397 `data:` URLs, percent-encoded
or base64). Any other address is left alone: the checker never fetches. A `data:` URL that is not
CSS (a browser refuses a stylesheet of another type in standards mode), that cannot be decoded, or
whose text is larger than `MAX_DATA_SHEET_BYTES` is ignored.
"""

from __future__ import annotations

import binascii
import urllib.parse
from collections.abc import Iterator

import tinycss2

# The largest decoded `data:` stylesheet read, in bytes (as large as a site's whole stylesheet).
MAX_DATA_SHEET_BYTES = 512 * 1024
# How deep `@import`s of `data:` sheets inside `data:` sheets are followed.
_MAX_IMPORT_DEPTH = 4


def data_sheet_text(url: str) -> str | None:
    """The CSS text of a `data:` URL of type `text/css`; None for any other URL, another type, or
    one that cannot be decoded or is too large (see `MAX_DATA_SHEET_BYTES`)."""
    url = url.strip()
    if url[:5].lower() != "data:" or len(url) > MAX_DATA_SHEET_BYTES * 4:
        return None
    head, comma, payload = url[5:].partition(",")
    if not comma:
        return None
    parameters = [part.strip().lower() for part in head.split(";")]
    if parameters[0] != "text/css":
        return None
    base64_encoded = parameters[-1] == "base64"
    import base64  # only for a data: stylesheet, which few pages have

    try:
        data = base64.b64decode(urllib.parse.unquote(payload).strip(), validate=False) if base64_encoded else urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    if len(data) > MAX_DATA_SHEET_BYTES:
        return None
    return data.decode("utf-8", errors="replace")


def with_data_imports(sheet: str, depth: int = 0) -> Iterator[str]:
    """The sheets a `<style>` block (or `data:` sheet) `sheet` applies, in cascade order: the
    `data:` sheets its leading `@import`s name (an `@import` with a media query as that query's
    `@media` block), then `sheet` itself. Only a sheet that mentions `@import` is parsed here."""
    if depth < _MAX_IMPORT_DEPTH and "@import" in sheet.lower():
        for url, media in _imports(sheet):
            text = data_sheet_text(url)
            if text is None:
                continue
            for imported in with_data_imports(text, depth + 1):
                yield imported if not media else f"@media {media} {{\n{imported}\n}}"
    yield sheet


def _imports(sheet: str) -> Iterator[tuple[str, str]]:
    """The URL and media query (empty when none) of each `@import` at the head of the sheet
    (CSS Cascade 4: `@import` after any rule other than `@charset`/`@layer` statements is ignored)."""
    for node in tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True):
        if node.type != "at-rule":
            return
        name = node.lower_at_keyword
        if name in ("charset", "layer") and node.content is None:
            continue
        if name != "import":
            return
        prelude = [token for token in node.prelude if token.type not in ("whitespace", "comment")]
        if not prelude:
            continue
        first = prelude[0]
        url = _url_of(first)
        if url is not None:
            yield url, tinycss2.serialize(node.prelude).strip()[len(tinycss2.serialize([first]).strip()) :].strip()


def _url_of(token: object) -> str | None:
    """The address an `@import`'s first token gives: `url(…)`, `url("…")` or a string."""
    kind = getattr(token, "type", "")
    if kind in ("url", "string"):
        return str(getattr(token, "value", ""))
    if kind == "function" and getattr(token, "lower_name", "") == "url":
        strings = [t for t in getattr(token, "arguments", ()) if t.type == "string"]
        return str(strings[0].value) if strings else None
    return None
