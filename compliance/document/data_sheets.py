"""Stylesheets given as `data:` URLs, whose text is in the page itself (nothing is fetched).

A `<link rel="stylesheet" href="data:text/css,…">` and an `@import url("data:text/css,…")` at the
top of an applied sheet are applied as a browser applies them (read by `data_urls.read_data_url`,
as the pictures' `data:` URLs are: cut at the fragment, percent-decoded, or base64 decoded by the
forgiving-base64 rules). Any other address is left alone: the checker never fetches. A `data:`
URL that is not CSS (a browser refuses a stylesheet of another type in standards mode), whose
base64 a browser cannot decode, or whose text is larger than `MAX_DATA_SHEET_BYTES` is ignored.
"""

from __future__ import annotations

from collections.abc import Iterator

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
        url = url_of(first)
        if url is not None:
            yield url, tinycss2.serialize(node.prelude).strip()[len(tinycss2.serialize([first]).strip()) :].strip()


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
