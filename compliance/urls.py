"""A URL as a browser reads it, for the checks and packs that test where a link or an element
points: one parse, so that a pattern about a publisher's address is matched against the address a
browser goes to, never against the URL's text.

The parse is the WHATWG URL Standard's (https://url.spec.whatwg.org/), the one browsers follow,
by `ada-url`. A pack pattern for a URL (a `link` check's `href`, an `element` check's `src` or
`href`) is searched in the URL's *form*: `scheme://host[:port]/path[?query]`, where

- the scheme and host are lower-cased, the host percent-decoded, mapped as IDNA maps it (full-width
  letters become ASCII; any other non-ASCII host becomes its `xn--` punycode, so a host spelled
  with look-alike letters never reads as the publisher's), an IPv4 address written another way
  (`0x7f.1`) given as dotted decimal, and stripped of a trailing dot (`example.org.` is the same
  host to DNS; the standard keeps the dot);
- the user name and password (`https://pixel.propublica.org@evil.example/` goes to
  `evil.example`), a default port (`:443` over https, `:80` over http) and the fragment are
  dropped;
- a backslash counts as a slash, and tabs and line breaks inside the URL are removed; dot segments
  of the path (`/a/../pixel.js`, `/a/%2e%2e/pixel.js`) are resolved; spaces and non-ASCII letters of
  the path and query are percent-encoded (`/caf%C3%A9`), as a browser sends them.

A `data:` URL is read as its head, `data:` and its media type (`data:image/png;base64`): its body
is a picture's bytes, not an address (`data_url_head_form`). Another URL that is not http(s)
(`mailto:`, a relative path) keeps its text, stripped, and so does one
that names http(s) without the two slashes before a host (`https:pixel.js` is a path on the page's
own host to a browser on a page served over https, and the page's address is not known); one a
browser cannot parse (a bad port, an unclosed IPv6 bracket) has no form and matches nothing.

With the host at a known place in the form, a pattern anchored as `^https?://(?:www\\.)?example\\.org/`
compares the host exactly (`example.org.evil.example`, `evilexample.org`, a query or path that
quotes the address do not match) and a path written up to a `/` or `(?:\\?|$)` compares it on a
segment boundary. The shipped packs anchor every pattern that names a host; a pattern about a
file name or query alone (`[?&]republication-pixel=true`) may match on any host.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple
from urllib.parse import quote, unquote

from compliance.display import is_safe_line_text
from compliance.firstuse import on_first_use

# What the WHATWG URL parser strips from both ends of a URL: C0 controls and the space.
URL_ENDS = "".join(map(chr, range(0x21)))
# What it removes inside a URL: tabs and line breaks.
_NOT_READ = str.maketrans("", "", "\t\n\r")
_HTTP = ("http", "https")
_PARTS = ("protocol", "hostname", "port", "pathname", "search")


class _Parts(NamedTuple):
    scheme: str  # "https", lower-cased
    host: str  # "" for a URL without one (mailto:)
    port: str  # "" for the scheme's default port
    path: str
    query: str  # with its "?"; "" when empty


# An http(s) URL the standard reads as written but for the letter case of its scheme and host: a
# host of labels of ASCII letters and digits joined by single hyphens (so no `xn--` label, which
# the standard checks as punycode; no port, user, IPv6 address, percent sign or backslash) whose
# last label is neither a number nor starts like a hexadecimal one (a host ending in a number is
# read as an IPv4 address: `0x7f.1`); then a path and a query of characters the standard leaves as
# they are (no percent sign in the path, whose `%2e` is a dot segment), and anything after a `#`
# (the fragment, which no form holds). Most of a page's links are such URLs: read here, they do not
# load the C++ parser, about a fiftieth of a one-file check (a pre-commit hook).
_LABEL = r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
_PLAIN_URL = on_first_use(
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)://"
    rf"(?P<host>(?:{_LABEL}\.)*(?![0-9]+\.?(?:[/?#]|\Z))(?!0?[Xx]){_LABEL}\.?)"
    r"(?P<path>/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?"
    r"(?P<query>\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?"
    r"(?:#[\x21-\x7e]*)?\Z"
)
# A dot segment of a path (`/./`, `/../`, a path ending in `/.` or `/..`), which the standard resolves.
_DOT_SEGMENT = on_first_use(r"/\.\.?(?:/|\Z)")


def _plain_parts(text: str) -> _Parts | None:
    """`_parse(text)` for a URL `_PLAIN_URL` matches whose path holds no dot segment, without the
    C++ parser; None for any other URL."""
    plain = _PLAIN_URL().match(text)
    if plain is None:
        return None
    path = plain.group("path") or "/"
    if _DOT_SEGMENT().search(path):
        return None
    query = plain.group("query") or ""
    return _Parts(plain.group("scheme").lower(), plain.group("host").lower(), "", path, query if len(query) > 1 else "")


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> _Parts | None:
    """The WHATWG URL Standard's reading of an absolute URL; None when it cannot parse it."""
    plain = _plain_parts(text)
    if plain is not None:
        return plain
    from ada_url import parse_url  # C++ parser: loaded by the first page with a URL it must read

    if not text.isascii():  # a lone surrogate (not UTF-8) reads as U+FFFD, as in a browser
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    try:
        parts = parse_url(text, attributes=_PARTS)
    except ValueError:  # not a URL
        return None
    return _Parts(parts["protocol"].removesuffix(":"), parts["hostname"], parts["port"], parts["pathname"], parts["search"])


def _scheme(text: str) -> tuple[str, str]:
    """The scheme a URL's text names, lower-cased, and the rest after its colon, both without the
    tabs and line breaks a browser ignores; ("", text) when it names none."""
    scheme, sep, rest = text.partition(":")
    if not sep:
        return "", text
    return scheme.translate(_NOT_READ).lower(), rest.translate(_NOT_READ)


def _relative(scheme: str, rest: str) -> bool:
    """True for an http(s) URL without the two slashes before its host (`https:pixel.js`,
    `https:/pixel.js`): on a page served over the same scheme a browser reads it as a path on the
    page's own host (the standard's "special relative or authority state"), which is not known."""
    return scheme in _HTTP and rest[:2].replace("\\", "/") != "//"


# `is_http_url` as a JSON Schema (ECMA-262) pattern, for the pack schema and the HTTP API's
# OpenAPI document: those patterns take no flags, so each letter of the scheme is given both ways.
HTTP_URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://"


def percent_encode_unsafe(url: str) -> str:
    """`url` with each character the output sanitiser would show as an escape
    (`compliance.display.visible`: a C0 control but a line feed, DEL, a C1 control, a bidirectional
    control such as U+202E, a zero-width mark) percent-encoded as its UTF-8 bytes (`%1B`, `%C2%85`,
    `%E2%80%AE`): the same address to a browser, which percent-encodes such characters of a path,
    query or fragment itself, and text that shows as it is written wherever it is printed or
    copied. A lone surrogate, which no address can hold, is left for the sanitiser. Pure."""
    if is_safe_line_text(url):
        return url
    return "".join(char if is_safe_line_text(char) or "\ud800" <= char <= "\udfff" else quote(char, safe="") for char in url)


def is_http_url(value: str) -> bool:
    """Whether `value` names an absolute http(s) URL by its scheme: `http://` or `https://` in any
    letter case (a scheme is case-insensitive, RFC 3986 §3.1: `HTTP://example.com` and
    `Https://…` are http(s) URLs), the space and control characters a browser strips around a URL
    left out. The one rule wherever an http(s) URL is required: metadata and payload fields that
    name an address, an original named by its URL, a pack's terms URL, the canonical URL and a
    `<base href>`. Pure; never raises."""
    return value.strip(URL_ENDS)[:8].lower().startswith(("http://", "https://"))


# The most characters of a `data:` URL's head a pattern reads: a media type's type and subtype
# are at most 127 characters each (RFC 6838 §4.2), and its parameters (`;charset=utf-8`) short.
_DATA_HEAD_MOST = 512


def data_url_head_form(url: str) -> str:
    """A `data:` URL as a pack's URL pattern reads it: its head, `data:` and the media type as
    written up to the comma, lower-cased and stripped (`data:image/png;base64`), at most
    `_DATA_HEAD_MOST` characters. The body is the picture's bytes, base64 or percent-encoded,
    never an address: a pattern about a file or a host has nothing to find in it, and a body of
    megabytes (`AAAA…`, no `/` for a path pattern to stop at) would cost a search seconds.
    Pure; never raises."""
    head = url.strip(URL_ENDS)[:_DATA_HEAD_MOST]
    return head.partition(",")[0].strip().lower()


@functools.lru_cache(maxsize=4096)
def url_form(url: str) -> str | None:
    """The form of `url` that URL patterns are searched in (see the module's docstring); None
    for an http(s) URL a browser cannot parse. Pure; never raises."""
    text = url.strip(URL_ENDS)
    scheme, rest = _scheme(text)
    if scheme == "data":
        return data_url_head_form(text)
    if scheme not in _HTTP or _relative(scheme, rest):
        return text
    parts = _parse(text)
    host = parts.host.rstrip(".") if parts is not None else ""
    if parts is None or not host:
        return None
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}{parts.query}"


# Query parameters that say how a reader came to a page (a newsletter, an ad, a shared link),
# never which page it is: two addresses that differ only by them are the same story. Parameter
# names are compared in lower case. The one list for the link-back check and the audit.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "_ga", "ref_src"}
)
# The marks of a page's AMP version, as publishers' AMP plugins and CMSs write them: `amp` as the
# path's first segment (`/amp/news/s3/`) or its last (`/news/s3/amp/`), `.amp` ending the last
# segment or before its `.html` (`/news/s3.amp`, `/news/s3.amp.html`), a parameter `amp` or
# `amp=1`, or `outputType=amp`. An `amp` segment between others (`/news/amp/s3/`) is a section's
# name as often as a marker, and is kept; so is a word that only starts with it (`/amplifier/`).
_AMP_PATH = re.compile(r"^/amp(?=/|$)|/amp/?$|\.amp(?=(?:\.html?)?/?$)", re.IGNORECASE)
_AMP_VALUES = ("", "1")


def without_tracking(query: str) -> str:
    """`query` (with or without its leading "?") without tracking parameters (`utm_source=…`,
    `fbclid=…`, `mc_cid=…`), the others kept in their order; "" when none is left, else the rest
    with a "?". Pure; never raises."""
    kept = [part for part in query.removeprefix("?").split("&") if part and not is_tracking_parameter(part.partition("=")[0])]
    return "?" + "&".join(kept) if kept else ""


def is_tracking_parameter(name: str) -> bool:
    """Whether a query parameter's name (as written, percent-encoded or not, any letter case) is one
    that says how a reader came to a page (`utm_source`, `fbclid`, `_ga`…), never which page."""
    name = unquote(name).lower()
    return name in _TRACKING_NAMES or name.startswith(_TRACKING_PREFIXES)


def is_amp_marker(part: str) -> bool:
    """Whether a query part (`amp`, `amp=1`, `AMP=`, `outputType=amp`) marks a page's AMP version."""
    name, _, value = part.partition("=")
    name = unquote(name).lower()
    return (name == "amp" and value in _AMP_VALUES) or (name == "outputtype" and unquote(value).lower() == "amp")


def amp_path(path: str) -> bool:
    """Whether a URL path (with its leading "/") is an AMP version's: `amp` its first or last
    segment (`/amp/news/s3/`, `/s3/amp/`, `/s3/AMP`), or `.amp` ending its last (`/s3.amp`,
    `/s3.amp.html`)."""
    return _AMP_PATH.search(path) is not None


def without_amp_path(path: str) -> str:
    """A URL path (with its leading "/") without its AMP marks (`amp_path`): `/amp/news/s3/` and
    `/news/s3.amp` give `/news/s3/` and `/news/s3`, `/news/s3.amp.html` gives `/news/s3.html`."""
    return _AMP_PATH.sub("", path)


@functools.lru_cache(maxsize=4096)
def url_forms(url: str) -> tuple[str, ...]:
    """The forms of `url` a pack's URL pattern is searched in: its `url_form`, and for an http(s)
    URL with AMP marks (`amp_path`, `is_amp_marker`) the same form without them, as `page_key`
    reads the story's address: `https://p.example/amp/news/s3?amp=1&x=2` also as
    `https://p.example/news/s3?x=2`, so that a pattern naming the story's path
    (`^https://p\\.example/news/`) finds the AMP address of the story too. Empty for an http(s)
    URL a browser cannot parse. Pure; never raises."""
    form = url_form(url)
    if form is None:
        return ()
    # Most URLs have no AMP mark: one look for the letters spares them the split.
    parts = _without_amp(form) if "amp" in form.lower() else None
    if parts is None:
        return (form,)
    scheme, host, path, kept = parts
    plain = f"{scheme}://{host}{path or '/'}" + ("?" + "&".join(kept) if kept else "")
    return (form,) if plain == form else (form, plain)


def _without_amp(form: str) -> tuple[str, str, str, list[str]] | None:
    """An http(s) `url_form` in parts without its AMP marks: the scheme, `host[:port]`, the path
    without `amp_path`'s marks ("" when nothing is left) and the query's parameters but
    `is_amp_marker`'s, in order; None for a form of another scheme. Shared by `url_forms` and
    `page_key`, which read a story's AMP address alike."""
    scheme, sep, rest = form.partition("://")
    if not sep or scheme not in _HTTP:
        return None
    address, _, query = rest.partition("?")
    host, slash, path = address.partition("/")
    return scheme, host, without_amp_path(slash + path), [part for part in query.split("&") if part and not is_amp_marker(part)]


def same_page(a: str, b: str) -> bool:
    """Whether two http(s) URLs name the same page (`page_key`): False when either has no form
    (a URL a browser cannot read goes nowhere). Pure; never raises."""
    first, second = page_key(a), page_key(b)
    return first is not None and first == second


# The characters a path or query means the same whether written or percent-encoded (RFC 3986's
# unreserved characters and the sub-delimiters that part no query): `/welds_%28update%29` is the
# page `/welds_(update)`, as servers read it, and a Markdown writer encodes the parentheses a link
# target may not hold. `& = + ; / ? # %` keep their escapes: decoded, they would part the path or
# the query otherwise.
_SAME_ENCODED_OR_NOT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~()[]!*',:@$")
_PERCENT_ESCAPE = on_first_use(r"%[0-9A-Fa-f]{2}")


def _escapes_read(text: str) -> str:
    """`text` with each percent-escape of a character that means the same unescaped
    (`_SAME_ENCODED_OR_NOT`) decoded, and the others' hexadecimal digits in capitals (`%2f` is
    `%2F`)."""
    if "%" not in text:
        return text

    def read(escape: re.Match[str]) -> str:
        character = chr(int(escape.group()[1:], 16))
        return character if character in _SAME_ENCODED_OR_NOT else escape.group().upper()

    return _PERCENT_ESCAPE().sub(read, text)


def page_key(url: str) -> str | None:
    """What every address of one page has in common, for the link-back check and the audit alike:
    an http(s) URL's `url_form` as `host[:port]/path[?query]` without its scheme (`http` and
    `https` serve one page), its fragment, a default port, its tracking parameters
    (`is_tracking_parameter`), its AMP marks (`amp_path`: `amp` as the path's first or last
    segment, a `.amp` page name; `is_amp_marker`: an `amp`, `amp=1` or `outputType=amp`
    parameter) and a trailing slash, the other parameters kept in their order; any other text
    (`mailto:`, a saved page's path) stripped, without a trailing slash. None for an http(s) URL a
    browser cannot read. Pure; never raises.

    `http://P.example/s3/?utm_source=fb#top`, `https://p.example/s3/amp/`,
    `https://p.example/amp/s3/` and `https://p.example:443/s3?amp=1` all give `p.example/s3`.
    A percent-escape of a character that means the same written out is read as that character
    (`_SAME_ENCODED_OR_NOT`: `/welds_%28update%29` is `/welds_(update)`)."""
    form = url_form(url)
    if form is None:
        return None
    parts = _without_amp(form)
    if parts is None:
        return _escapes_read(form.rstrip("/"))
    _scheme, host, path, query = parts
    kept = [part for part in query if not is_tracking_parameter(part.partition("=")[0])]
    return _escapes_read((host + path).rstrip("/") + ("?" + "&".join(kept) if kept else ""))


def url_authority(url: str) -> str | None:
    """`host[:port]` of an http(s) URL as a browser reads it (`url_host`, with a port that is not
    the scheme's default); None when it has no host or a browser cannot parse it. Pure; never
    raises."""
    browsed = _browsed(url)
    if browsed is None:
        return None
    host, port = browsed
    return f"{host}:{port}" if port else host


def url_host(url: str) -> str | None:
    """The host a browser connects to for a URL (lower-cased, percent-decoded, IDNA-mapped, without
    a trailing dot or the user information before `@`; a protocol-relative `//host/path` read
    over https); None when the URL has no host or a browser cannot parse it. Pure; never raises."""
    browsed = _browsed(url)
    return browsed[0] if browsed is not None else None


def _browsed(url: str) -> tuple[str, str] | None:
    """The host and the port ("" for the scheme's default) a browser connects to for `url`, or
    None (see `url_host`)."""
    text = url.strip(URL_ENDS)
    if _relative(*_scheme(text)):
        return None
    parts = _parse("https:" + text if text.startswith("//") else text)
    host = parts.host.rstrip(".") if parts is not None else ""
    return (host, parts.port) if parts is not None and host else None


def on_host(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """True when `host` is one of `domains` or a subdomain of one (compared label by label, so
    `propublica.org.evil.example` and `evilpropublica.org` are not on `propublica.org`)."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)
