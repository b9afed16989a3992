"""A page's own Content-Security-Policy, as its `<meta http-equiv="Content-Security-Policy">`
gives it, and whether it lets the browser fetch a script or an image from an address, read as CSP
Level 3 reads it (https://www.w3.org/TR/CSP3/).

Only the `<meta>` is seen: a policy sent as an HTTP header is not in the page. A `<meta>` policy
counts in the page's `<head>` only (HTML, 4.2.5.3), and for what comes after it in the page. Each
policy is enforced on its own, so a fetch any of them forbids is blocked. A script's source list
is its `script-src-elem`, else `script-src`, else `default-src`; an image's (`<img>`,
`<amp-img>`, `<amp-pixel>`), `img-src`, else `default-src`; a directive the policy does not give
and no fallback for it allows everything. A source list allows an address by:

- `*`: any http(s) address; a scheme (`https:`): an address of that scheme (`http:` also allows
  `https:`);
- a host (`pixel.propublica.org`, `*.propublica.org`, which does not allow `propublica.org`
  itself, `https://cdn.example:8443/js/`): the host, a port (none: the scheme's default; `*`:
  any), and a path (one ending in `/` allows what is under it, any other only itself); without a
  scheme, an https address (the page's own scheme is not known; an http address is then not
  judged);
- `'self'`: an address on the page's own origin. The page's address is not known, so a relative
  address is on it and an absolute one on another host is not (a republication is not served
  from the publisher's host);
- for a script, `'nonce-…'` when the `<script>` carries that `nonce`; with `'strict-dynamic'`,
  hosts, schemes, `*` and `'self'` are ignored and only a nonce (or a hash) allows it;
- `'none'` alone, or an empty list: nothing.

A script with an `integrity` attribute under a list of hashes is not judged (CSP 3 lets a hash
allow an external script; the file cannot be seen). Pure: reads the lxml tree it is given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from compliance.firstuse import on_first_use
from compliance.text import shorten
from compliance.urls import url_form

# The directives each kind of fetch is governed by, the first the policy gives (CSP 3, 6.8.3).
_SCRIPT_DIRECTIVES = ("script-src-elem", "script-src", "default-src")
_IMAGE_DIRECTIVES = ("img-src", "default-src")
# The elements that fetch an image (`img-src`), an AMP pixel among them.
IMAGE_FETCHING_TAGS = frozenset({"img", "amp-img", "amp-anim", "amp-pixel"})
# An address as `compliance.urls.url_form` writes an http(s) one.
_FORM = on_first_use(r"(?P<scheme>https?)://(?P<host>[^/:?]+)(?::(?P<port>\d+))?(?P<path>/[^?]*)?")
# A host-source (CSP 3, 2.3.1): [scheme "://"] host [":" port] [path].
_HOST_SOURCE = on_first_use(
    r"(?:(?P<scheme>[a-z][a-z0-9+.-]*)://)?(?P<host>\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(?P<port>\d+|\*))?(?P<path>/[^;,]*)?", re.I
)
_SCHEME_SOURCE = on_first_use(r"[a-z][a-z0-9+.-]*:", re.I)
_DIRECTIVE_NAME = on_first_use(r"[a-z0-9-]+", re.I)
_DEFAULT_PORTS = {"http": "80", "https": "443"}


@dataclass(frozen=True, slots=True)
class Policy:
    """One `<meta>` policy: its directives (lower-cased names → source expressions as written,
    the first of a name kept, as browsers do), the `<meta>` element and its line."""

    directives: Mapping[str, tuple[str, ...]]
    element: Any
    line: int


def meta_policies(root: Any) -> tuple[Policy, ...]:
    """The policies of the page's `<meta http-equiv="Content-Security-Policy">` elements in its
    `<head>`, in document order; () when there are none (a `<meta>` elsewhere is ignored)."""
    policies = []
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "content-security-policy":
            continue
        parent = meta.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "head":
            continue
        directives = parse_policy(meta.get("content") or "")
        if directives:
            policies.append(Policy(directives, meta, meta.sourceline or 0))
    return tuple(policies)


def parse_policy(text: str) -> dict[str, tuple[str, ...]]:
    """A serialized policy's directives (CSP 3, 2.2.1): parts split at `;`, each a name (ASCII
    letters, digits and `-`, lower-cased) and its values split at white space; a repeated name
    keeps its first value."""
    directives: dict[str, tuple[str, ...]] = {}
    for part in text.split(";"):
        tokens = part.split()
        if not tokens or not _DIRECTIVE_NAME().fullmatch(tokens[0]):
            continue
        directives.setdefault(tokens[0].lower(), tuple(tokens[1:]))
    return directives


def _directives_for(element: Any) -> tuple[str, ...]:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "script":
        return _SCRIPT_DIRECTIVES
    return _IMAGE_DIRECTIVES if tag in IMAGE_FETCHING_TAGS else ()


def blocked_by(policies: tuple[Policy, ...], element: Any, urls: tuple[str, ...]) -> str | None:
    """Why a policy forbids every one of `urls` (the addresses the element fetches, as written)
    for the element, in words ("the Content-Security-Policy of the <meta> at line 1, img-src
    'self', allows no fetch from 19thnews.org"); None when some address may be fetched, the
    element is not a script or an image, or the policies cannot tell."""
    names = _directives_for(element)
    if not names or not urls:
        return None
    for policy in policies:
        name = next((n for n in names if n in policy.directives), None)
        if name is None:
            continue
        sources = policy.directives[name]
        if all(allows(sources, element, url) is False for url in urls):
            written = " ".join((name, *sources)) if sources else name
            host = _where(urls[0])
            return (
                f"is blocked by the page's Content-Security-Policy (the <meta> at line {policy.line}: {shorten(written, 80)}), "
                f"which allows no fetch from {host}: the browser never loads it (allow {host} in that policy's {name}, or remove the <meta>)"
            )
    return None


def _where(url: str) -> str:
    form = url_form(url) or url
    match = _FORM().match(form)
    return match["host"] if match else shorten(form, 60)


def allows(sources: tuple[str, ...], element: Any, url: str) -> bool | None:
    """Whether a source list lets the element fetch `url`: True, False, or None when it cannot be
    told (an http address under a host without a scheme, a hash for an `integrity` script)."""
    lowered = [s.lower() for s in sources]
    if not lowered or lowered == ["'none'"]:
        return False
    is_script = isinstance(element.tag, str) and element.tag.lower() == "script"
    unknown = False
    if is_script:
        nonce = element.get("nonce")
        if nonce and f"'nonce-{nonce}'" in sources:
            return True
        if element.get("integrity") and any(s.startswith(("'sha256-", "'sha384-", "'sha512-")) for s in lowered):
            unknown = True
        if "'strict-dynamic'" in lowered:
            return None if unknown else False
    form = url_form(url)
    if form is None:
        return False
    for source in lowered:
        found = _matches(source, form)
        if found:
            return True
        unknown = unknown or found is None
    return None if unknown else False


def _matches(source: str, form: str) -> bool | None:
    """Whether one source expression matches an address in `url_form`'s form (a relative one as
    written, on the page's own origin)."""
    address = _FORM().fullmatch(form) or _FORM().match(form)
    if source == "'self'":
        return address is None and not _SCHEME_SOURCE().match(form)
    if source.startswith("'"):
        return False  # 'unsafe-inline', a nonce or a hash: none allows an address
    if address is None:
        # A relative address is on the page's own origin, whose scheme and host are not known.
        if source == "*":
            return True
        return None if not _SCHEME_SOURCE().match(form) else _SCHEME_SOURCE().fullmatch(source) is not None and form.lower().startswith(source)
    scheme = address["scheme"]
    if source == "*":
        return True
    if _SCHEME_SOURCE().fullmatch(source):
        return source[:-1] == scheme or (source == "http:" and scheme == "https")
    host = _HOST_SOURCE().fullmatch(source)
    if host is None:
        return False
    return _host_source_matches(host, address)


def _host_source_matches(source: re.Match[str], address: re.Match[str]) -> bool | None:
    """CSP 3, 6.7.2.8-13: a host-source against an http(s) address."""
    scheme = address["scheme"]
    wanted = (source["scheme"] or "").lower()
    if wanted and wanted != scheme and not (wanted == "http" and scheme == "https"):
        return False
    if not _host_matches(source["host"].lower(), address["host"].lower()) or not _port_matches(source["port"], address["port"], scheme, wanted):
        return False
    if not _path_matches(source["path"], address["path"]):
        return False
    if not wanted and scheme != "https":
        return None  # `host` alone takes the page's scheme, which is not known
    return True


def _host_matches(pattern: str, host: str) -> bool:
    """`*.example.org` matches the hosts under example.org (not example.org), `*` any, a host itself."""
    if pattern.startswith("*."):
        return host.endswith(pattern[1:])
    return pattern in ("*", host)


def _port_matches(allowed: str | None, port: str | None, scheme: str, wanted: str) -> bool:
    """No port: the scheme's default (https's 443 under an `http://` source too); `*`: any."""
    own = port or _DEFAULT_PORTS[scheme]
    if allowed is None:
        return own == _DEFAULT_PORTS[scheme] or (wanted == "http" and scheme == "https" and own == "443")
    return allowed in ("*", own)


def _path_matches(path: str | None, own: str | None) -> bool:
    """A path ending in `/` matches what is under it, any other only itself; none (or `/`) any."""
    if not path or path == "/":
        return True
    wanted, actual = unquote(path), unquote(own or "/")
    return actual.startswith(wanted) if wanted.endswith("/") else actual == wanted
