"""What a failed HTTP request comes to, in words a licensor or an editor can act on: one short
phrase per kind of failure, never the HTTP library's class names or its internal wording.

Each kind, as `failure_phrase` words it (the raw detail only where it says more, always shown
safely, `compliance.display.visible`, and cut to `DETAIL_CHARS`):

- a redirect whose `Location` no browser reads (`http://[::1/x`): `not a URL a browser can read:
  the redirect's Location (Invalid port: ':1')`;
- a redirect to a scheme that is not fetched (`file:`, `ftp:`): `redirected to a file: address,
  which is not followed (only http and https are)`;
- an answer shorter than its `Content-Length`, or a chunked one cut before its last chunk:
  `answer cut short: the server closed the connection after 14 of its 999999 bytes`;
- a connection closed before any answer, or reset: `the server closed the connection without
  answering`, `connection reset by the server`;
- a TLS failure: `TLS failed: certificate verify failed: self-signed certificate`;
- no connection made: `connection refused`, `host name not found`, or the system's own words;
- an answer whose content encoding cannot be decoded, an answer that is not HTTP, no answer in time.

Pure: it reads the exception (httpx's, with the causes httpx and httpcore chain to it) and nothing else.
"""

from __future__ import annotations

import re
import socket
import ssl

from compliance.display import visible

# The most characters of a library's own detail quoted in a phrase.
DETAIL_CHARS = 160

# httpx's words for a redirect whose Location it cannot parse, and h11's for a body cut short.
_BAD_LOCATION = re.compile(r"Invalid URL in location header: (?P<why>.*?)\.?$", re.S)
_CUT_BODY = re.compile(r"peer closed connection without sending complete message body \(received (?P<got>\d+) bytes, expected (?P<of>\d+)\)")
_CUT_CHUNKED = "peer closed connection without sending complete message body (incomplete chunked read)"
_NO_ANSWER = "Server disconnected"
_SCHEME = re.compile(r"unsupported protocol '(?P<scheme>[^':/]*)")
# An OpenSSL message's own words, without the library's bracketed code and source location.
_SSL_WORDS = re.compile(r"^\[[^\]]*\]\s*(?P<words>.*?)(?:\s*\(_ssl\.c:\d+\))?$", re.S)


def shown(text: str) -> str:
    """`text` (a library's detail, a partner's address) shown safely, cut to `DETAIL_CHARS` characters ("…" when cut)."""
    safe = visible(text.strip())
    return safe if len(safe) <= DETAIL_CHARS else safe[: DETAIL_CHARS - 1] + "…"


def detail(exc: BaseException) -> str:
    """The exception's own text, `shown`."""
    return shown(str(exc))


def _causes(exc: BaseException) -> list[BaseException]:
    """`exc` and what it was raised from or while handling, outermost first (no cycle followed)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _tls_failure(chain: list[BaseException]) -> str:
    """The TLS failure in the chain, in OpenSSL's own words ("" when it is no TLS failure)."""
    for cause in chain:
        if isinstance(cause, ssl.SSLCertVerificationError) and cause.verify_message:
            return f"TLS failed: certificate verify failed: {visible(cause.verify_message)}"
        if isinstance(cause, ssl.SSLError):
            words = _SSL_WORDS.match(str(cause.args[1]) if len(cause.args) > 1 else str(cause))
            said = words.group("words") if words is not None and words.group("words") else str(cause.reason or cause)
            return f"TLS failed: {visible(said.lower().replace('_', ' '))}"
    for cause in chain:  # a failure httpcore re-raised in its own words, with the cause dropped
        text = str(cause)
        if text.startswith("[SSL") or "_ssl.c:" in text:
            words = _SSL_WORDS.match(text)
            return f"TLS failed: {visible(words.group('words') if words is not None else text)}"
    return ""


def _socket_failure(chain: list[BaseException]) -> str:
    """What the system said of a connection (refused, reset, no such host), or ""."""
    for cause in chain:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(cause, socket.gaierror):
            return "host name not found"
    text = str(chain[0])
    if "Connection refused" in text:
        return "connection refused"
    if "Connection reset" in text:
        return "connection reset by the server"
    if "Name or service not known" in text or "nodename nor servname" in text or "No address associated" in text:
        return "host name not found"
    return ""


def failure_phrase(exc: BaseException) -> str:
    """One short phrase for a failed request (`exc`, an `httpx.HTTPError` or `httpx.InvalidURL`,
    or any exception an HTTP transport raised). Never raises; the phrase holds no control or
    bidirectional character."""
    import httpx

    chain = _causes(exc)
    text = str(exc)
    tls = _tls_failure(chain)
    if tls:
        return tls
    if isinstance(exc, httpx.RemoteProtocolError):
        return _protocol_failure(text) or f"an answer that is not valid HTTP ({detail(exc)})"
    if isinstance(exc, httpx.UnsupportedProtocol):
        scheme = _SCHEME.search(text)
        named = f"a {visible(scheme.group('scheme'))}: address" if scheme is not None and scheme.group("scheme") else "an address"
        return f"redirected to {named}, which is not followed (only http and https are)"
    if isinstance(exc, httpx.InvalidURL):
        return "not a URL a browser can read"
    if isinstance(exc, httpx.DecodingError):
        return f"an answer whose Content-Encoding cannot be decoded ({detail(exc)})"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    said = _socket_failure(chain)
    if said:
        return said
    if isinstance(exc, httpx.ReadError):
        return f"connection lost while reading the answer ({detail(exc)})"
    if isinstance(exc, httpx.WriteError):
        return f"connection lost while sending the request ({detail(exc)})"
    if isinstance(exc, httpx.ConnectError):
        return f"no connection made ({detail(exc)})"
    return f"the request failed ({detail(exc)})"


def _protocol_failure(text: str) -> str:
    """The phrase of a server's answer that broke HTTP in a known way, or ""."""
    bad = _BAD_LOCATION.match(text)
    if bad is not None:
        return f"not a URL a browser can read: the redirect's Location ({shown(bad.group('why'))})"
    cut = _CUT_BODY.search(text)
    if cut is not None:
        return f"answer cut short: the server closed the connection after {cut.group('got')} of its {cut.group('of')} bytes"
    if _CUT_CHUNKED in text:
        return "answer cut short: the server closed the connection before its last chunk"
    if text.startswith(_NO_ANSWER):
        return "the server closed the connection without answering"
    return ""


__all__ = ["DETAIL_CHARS", "detail", "failure_phrase", "shown"]
