"""A URL as a browser reads it, for the checks and packs that test where a link or an element
points: one parse, so that a pattern about a publisher's address is matched against the address a
browser goes to, never against the URL's text.

A pack pattern for a URL (a `link` check's `href`, an `element` check's `src` or `href`) is
searched in the URL's *form*: `scheme://host[:port]/path[?query]`, where

- the scheme and host are lower-cased, the host percent-decoded, mapped as IDNA maps it (full-width
  letters become ASCII; any other non-ASCII host becomes its `xn--` punycode, so a host spelled
  with look-alike letters never reads as the publisher's) and stripped of a trailing dot;
- the user name and password (`https://pixel.propublica.org@evil.example/` goes to
  `evil.example`), a default port (`:443` over https, `:80` over http) and the fragment are
  dropped;
- a backslash counts as a slash, and tabs and line breaks inside the URL are removed, as browsers
  do for http(s) URLs; dot segments of the path (`/a/../pixel.js`) are resolved.

A URL that is not http(s) (`mailto:`, a relative path) keeps its text, stripped; one a browser
cannot parse (a bad port, an unclosed IPv6 bracket) has no form and matches nothing.

With the host at a known place in the form, a pattern anchored as `^https?://(?:www\\.)?example\\.org/`
compares the host exactly (`example.org.evil.example`, `evilexample.org`, a query or path that
quotes the address do not match) and a path written up to a `/` or `(?:\\?|$)` compares it on a
segment boundary. The shipped packs anchor every pattern that names a host; a pattern about a
file name or query alone (`[?&]republication-pixel=true`) may match on any host.
"""

from __future__ import annotations

import functools
import posixpath
import urllib.parse

_DEFAULT_PORTS = {"http": 80, "https": 443}
_REMOVED = str.maketrans("", "", "\t\n\r")


@functools.lru_cache(maxsize=4096)
def url_form(url: str) -> str | None:
    """The form of `url` that URL patterns are searched in (see the module's docstring); None
    for an http(s) URL a browser cannot parse. Pure; never raises."""
    text = url.strip(" \t\n\r\f\v\x00")
    scheme, sep, _ = text.partition(":")
    if not sep or scheme.lower() not in _DEFAULT_PORTS:
        return text
    text = text.translate(_REMOVED).replace("\\", "/")
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    host = url_host(text)
    if host is None:
        return None
    scheme = parts.scheme.lower()
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = parts.path or "/"
    resolved = posixpath.normpath(path)
    if resolved.startswith("//"):
        resolved = "/" + resolved.lstrip("/")
    if path.endswith("/") and not resolved.endswith("/"):
        resolved += "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{scheme}://{netloc}{resolved}{query}"


def url_host(url: str) -> str | None:
    """The host a browser connects to for an http(s) URL (lower-cased, percent-decoded, IDNA-mapped,
    without a trailing dot or the user information before `@`); None when the URL has no host or
    a browser cannot parse it. Pure; never raises."""
    text = url.strip(" \t\n\r\f\v\x00").translate(_REMOVED)
    if text.lower().startswith(("http:", "https:")):
        text = text.replace("\\", "/")
    try:
        raw = urllib.parse.urlsplit(text).hostname
    except ValueError:
        return None
    if not raw:
        return None
    host = urllib.parse.unquote(raw).rstrip(".")
    if not host or any(c in host for c in "/@?#\\ %"):
        return None
    if host.isascii():
        return host.lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None


def on_host(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """True when `host` is one of `domains` or a subdomain of one (compared label by label, so
    `propublica.org.evil.example` and `evilpropublica.org` are not on `propublica.org`)."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)
