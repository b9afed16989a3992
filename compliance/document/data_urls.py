"""`data:` URLs read as a browser reads them (the Fetch standard's `data:` URL processor), the one
reader of the pictures, SVG drawings and stylesheets a page gives as `data:` URLs.

A browser cuts the URL at its fragment (`#`), splits it at the first comma into a media type and a
body, and percent-decodes the body. When the media type, with ASCII white space stripped from its
ends, ends in `;` and `base64` (any case) with only spaces between them (`; base64`, `;BASE64`;
not `;\\tbase64`, which Chromium does not take either, nor `;base64;charset=utf-8`), the body is
then decoded by the Infra standard's forgiving-base64 rules: ASCII white space anywhere is
dropped, the `=` padding is optional, and any other character outside the base64 alphabet (`-`
and `_` of the URL-safe alphabet, `!`, an undecodable `%zz`), padding inside the body, too much
padding or a length that leaves one character over is a failure: the browser has no body at all
(a broken image, a stylesheet it does not apply). Python's `base64.b64decode` is lenient where
this is strict (it skips characters outside the alphabet) and strict where this is lenient (it
wants the padding), so it is not used for `data:` URLs.
"""

from __future__ import annotations

import binascii
import urllib.parse
from dataclasses import dataclass

from compliance.firstuse import on_first_use
from compliance.urls import URL_ENDS

# ASCII white space (Infra), which a base64 body may hold anywhere and which is stripped from the
# ends of the media type.
ASCII_SPACES = "\t\n\f\r "
_NO_ASCII_SPACE = str.maketrans("", "", ASCII_SPACES)
# The `;base64` ending of a media type, only spaces between the two (Fetch, "data: URL processor").
_BASE64_ENDING = on_first_use(r";[ ]*base64\Z")


@dataclass(frozen=True, slots=True)
class DataUrl:
    """What a browser reads from a `data:` URL: its media type's essence, lower-cased
    (`image/png`; `text/plain` when none is given), whether its body was base64, and its bytes."""

    media_type: str
    base64: bool
    body: bytes


def is_data_url(url: str) -> bool:
    """True when the URL's scheme is `data` (in any case, after the white space a browser strips)."""
    return url.lstrip(URL_ENDS)[:5].lower() == "data:"


def data_url_head(url: str) -> tuple[str, bool] | None:
    """The media type's essence and whether the body is base64, read without decoding the body
    (for a caller that reads only some types); None for a URL that is not a `data:` one or has no
    comma before its fragment."""
    url = url.strip(URL_ENDS)
    if url[:5].lower() != "data:":
        return None
    head, comma, _ = url.partition("#")[0].partition(",")
    if not comma:
        return None
    media = head[5:].strip(ASCII_SPACES)
    ending = _BASE64_ENDING().search(media.lower())
    if ending is not None:
        media = media[: ending.start()]
    essence = media.split(";", 1)[0].strip(ASCII_SPACES).lower()
    return essence or "text/plain", ending is not None


def read_data_url(url: str) -> DataUrl | None:
    """The media type and body bytes a browser reads from a `data:` URL (see the module's
    docstring); None for a URL that is not a `data:` one, has no comma before its fragment, or
    whose base64 body a browser cannot decode. The body is decoded whole: a caller that reads a
    bounded body checks the URL's length first."""
    head = data_url_head(url)
    if head is None:
        return None
    media_type, base64_encoded = head
    payload = url.strip(URL_ENDS).partition("#")[0].partition(",")[2]
    if not base64_encoded:
        return DataUrl(media_type, False, urllib.parse.unquote_to_bytes(payload))
    body = forgiving_base64(payload)
    return None if body is None else DataUrl(media_type, True, body)


def forgiving_base64(payload: str) -> bytes | None:
    """The bytes of a base64 body as a browser decodes it (Infra, "forgiving-base64 decode"),
    percent-decoded first; None when a browser's decoding fails. Checked and decoded in C
    (`binascii`, strictly), the padding Infra lets go put back first."""
    if "%" in payload:
        # Percent-decoding gives bytes, read one character a byte ("isomorphic decode").
        payload = urllib.parse.unquote(payload, encoding="latin-1")
    text = payload.translate(_NO_ASCII_SPACE) if any(space in payload for space in ASCII_SPACES) else payload
    if len(text) % 4 == 0 and text.endswith("="):
        text = text[:-2] if text.endswith("==") else text[:-1]
    if len(text) % 4 == 1 or "=" in text or not text.isascii():
        return None  # padding left is padding out of place
    try:
        return binascii.a2b_base64(text + "=" * (-len(text) % 4), strict_mode=True)
    except (binascii.Error, ValueError):
        return None
