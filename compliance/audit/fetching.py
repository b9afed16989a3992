"""Polite HTTP for the audit: robots.txt (`protego`), per-host rate and concurrency limits, retries
with backoff on 429 and 5xx, time, size and redirect limits, a user agent that says who is asking,
and an on-disk HTTP cache (`hishel`, RFC 9111) so that a later audit asks conditionally
(If-None-Match / If-Modified-Since) and an unchanged page costs a 304, not its body.

A site that is slow, broken, hostile or forbids crawling never raises: each fetch returns a
`Fetched` with either the body or the problem, and the audit reports the problem.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from compliance.audit.config import FetchLimits, too_large

# The problem of a URL the site's own robots.txt (read, and answering 200) forbids the audit.
ROBOTS_REFUSAL = "disallowed by robots.txt"


def robots_refusal(problem: str) -> bool:
    """Whether a problem line says the site's own robots.txt forbids what the audit reads there: a
    URL it was given (`ROBOTS_REFUSAL`, or a sitemap's `sitemap not read: disallowed by robots.txt`),
    or the path on the same site one of them redirects to (`redirect_refusal`). Pure."""
    return problem.endswith(ROBOTS_REFUSAL) or problem.startswith(f"{ROBOTS_REFUSAL} at ")


@dataclass(frozen=True, slots=True)
class Fetched:
    """One URL's outcome: `body` (bytes) and final `url`, or `problem` (one line) when it could not be read."""

    url: str
    status: int = 0
    body: bytes = b""
    problem: str = ""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""


class FetchRecords(Protocol):
    """Where fetches are recorded as they happen (the audit state): what this run already fetched is not asked for again."""

    def fetched_in_this_run(self, url: str) -> Fetched | None:
        """The recorded outcome of `url` in this run, or None."""

    def remember(self, url: str, outcome: Fetched) -> None:
        """Record an outcome."""


# How the problem of a request that reached no server starts (the connection refused, the host name
# unknown, no connection within the time limit): the site could not be reached at all.
NO_CONNECTION = "no connection"
# The problem of every URL of a site whose robots.txt could not be asked for (`NO_CONNECTION`):
# RFC 9309 §2.3.1.4 lets a crawler take it as "complete disallow", but to the licensor the site is
# unreachable, and what to do about it is to check the address and run the audit again.
UNREACHABLE = "site unreachable: {why}; nothing read there: check the address in the audit file and that the site is up, then run the audit again"


# What a fetch of a URL a browser cannot read (an unclosed IPv6 bracket, a port past 65535, a
# host with a space) comes to: the site named it, and it is reported, never asked for.
NOT_A_URL = "not a URL a browser can read"


def host_of(url: str) -> str:
    """The host (with a port that is not the default) a URL is on, as a browser reads it (no user
    name before `@`, IDNA-mapped, percent-decoded): the unit of politeness and of the per-site
    report. A URL a browser cannot read keeps its written authority, lower-cased (what comes
    between `//` and the next `/`, `?` or `#`). Pure; never raises: the URL is a partner's."""
    from compliance.urls import url_authority

    browsed = url_authority(url)
    if browsed is not None:
        return browsed
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:  # Python's parser refuses it too (an unclosed IPv6 bracket)
        written = _WRITTEN_AUTHORITY.match(url.strip())
        return (written.group(1) or "").lower() if written is not None else ""


# The authority as written: after the scheme's `//`, up to the path, query or fragment ("" when none).
_WRITTEN_AUTHORITY = re.compile(r"(?:[^:/?#]*:)?(?://([^/?#]*))?")


def fetchable(url: str) -> bool:
    """Whether `url` is an http(s) URL with a host a browser reads, and that Python's URL parser
    (robots.txt's address is made with it) reads too. Pure; never raises."""
    from compliance.urls import is_http_url, url_authority

    if not is_http_url(url) or url_authority(url) is None:
        return False
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


class UnreadableLocation(Exception):
    """A redirect to a `Location` a browser cannot read (`fetchable`): raised before it is followed."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def refuse_an_unreadable_location(response: Any) -> None:
    """An httpx response hook: a redirect whose `Location` names an http(s) URL a browser cannot
    read (`http://[::1/x`, a port past 65535, a space in the host) raises `UnreadableLocation`
    instead of being followed, as a browser would not follow it. A relative `Location` stays on
    the page's own host; another scheme is refused by httpx itself."""
    import httpx

    from compliance.urls import is_http_url

    if not response.has_redirect_location:
        return
    written = response.headers["Location"]
    location = as_a_browser_reads(written)
    absolute = f"{response.url.scheme}:{location}" if location.startswith("//") else location
    if is_http_url(absolute) and not fetchable(absolute):
        raise UnreadableLocation(written.strip())
    try:
        response.url.join(location)  # as httpx will read it, to follow it
    except httpx.InvalidURL:
        raise UnreadableLocation(written.strip()) from None
    if location != written:
        response.headers["Location"] = location


# What the WHATWG URL parser does with the control characters of a URL: those at either end (and
# spaces there, `urls.URL_ENDS`) dropped, tab and line breaks dropped, the others (ESC, DEL)
# percent-encoded, as are the C1 and bidirectional controls (every character past ASCII is).
_URL_DROPPED = re.compile("[\t\n\r]")


def as_a_browser_reads(location: str) -> str:
    """A URL a partner gives (a redirect's `Location`, an archived record's `WARC-Target-URI`, a
    sitemap's or feed's entry) as a browser reads it before following it (the WHATWG URL parser):
    control characters and spaces at either end dropped, tabs and line breaks dropped, any other
    control character, bidirectional control or zero-width mark percent-encoded
    (`compliance.urls.percent_encode_unsafe`: `/news/\x1b[31m` is `/news/%1B[31m`, U+202E is
    `%E2%80%AE`), so that the address reported is the one a browser asks for and shows safely as
    it is written. Pure."""
    from compliance.urls import URL_ENDS, percent_encode_unsafe

    return percent_encode_unsafe(_URL_DROPPED.sub("", location.strip(URL_ENDS)))


class RedirectRefused(Exception):
    """A redirect to a URL its host's robots.txt forbids the audit: raised before it is asked for."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


# The URL each thread's request was first asked for (a redirect's hops differ from it), and whether
# that request is a robots.txt's, whose redirects RFC 9309 §2.3.1.2 follows without asking one.
_ASKED = threading.local()


def redirect_refusal(asked: str, target: str, why: str, answer: str) -> str:
    """The problem of a page whose redirect leads to `target`, which its host's robots.txt forbids
    (`why`, the line for that host's own URLs; `answer`, how the robots.txt answered when it could
    not be read: "answered HTTP 503", else ""). On the page's own host it names the path the
    redirect leads to and the one it came from (`disallowed by robots.txt at /private/x.html, after
    a redirect from /go/p`: the URL asked for is allowed); on another it names that host and where
    the redirect came from, and never says the page's own site is disallowed, since it was read.
    Paths are shown safely and cut short. Pure."""
    from compliance.httpfailures import shown

    host, origin = host_of(target), host_of(asked)
    if host == origin:
        if why != ROBOTS_REFUSAL:
            return why
        return f"{ROBOTS_REFUSAL} at {shown(_path(target))}, after a redirect from {shown(_path(asked))}"
    if answer:
        return f"disallowed: the robots.txt of {host} {answer}, which disallows all of that host (RFC 9309), after a redirect from {origin}"
    return f"disallowed by the robots.txt of {host}, after a redirect from {origin}"


def _path(url: str) -> str:
    """The path and query of `url` ("/private/x.html?a=1"; "/" for none), as a site's own pages name each other."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class HostGate:
    """At most `concurrency` requests at once to a host, and at most `rate` started per second.

    `clock` (seconds, monotonic) and `sleep` are `time.monotonic` and `time.sleep` unless a test
    gives its own: a request's start is booked on the clock, never guessed from how long a sleep took.
    """

    def __init__(self, host: str, limits: FetchLimits, *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.host = host
        self.slots = threading.Semaphore(limits.concurrency)
        self.lock = threading.Lock()
        self.interval = 1.0 / limits.rate
        self.next_start = -float("inf")
        self.clock = clock
        self.sleep = sleep

    def wait_turn(self) -> float:
        """Wait for this request's turn; returns the clock time it was booked to start at (each turn
        `1 / rate` seconds after the one before, or now when the host has been idle longer than that)."""
        with self.lock:
            now = self.clock()
            start = max(now, self.next_start)
            self.next_start = start + self.interval
        if start > now:
            self.sleep(start - now)
        return start


# When the URL the current thread is fetching must have been read by (`time.monotonic`), or None:
# set by `Fetcher._request` around each attempt, read at each read and write on the connection.
_URL_DEADLINE = threading.local()


def _time_left() -> float | None:
    """Seconds left before the current thread's URL deadline (<= 0 once it has passed), or None."""
    deadline: float | None = getattr(_URL_DEADLINE, "at", None)
    return None if deadline is None else deadline - time.monotonic()


def _url_timed_transport() -> Any:
    """httpx's transport whose every connect, read and write waits no longer than the current
    thread's URL deadline (`_URL_DEADLINE`), and fails as a timeout once it has passed.

    httpx's own timeouts bound each read: a server that sends a byte (of its headers or its body)
    every few seconds never trips them. The deadline is enforced below httpx, in its connection
    pool's network backend (`httpcore`, httpx's own transport), the one place every wait of a
    request goes through; httpx takes no backend of its own, so the transport's pool is replaced."""
    import httpcore
    import httpx

    def within(timeout: float | None, error: type[Exception]) -> float | None:
        left = _time_left()
        if left is None:
            return timeout
        if left <= 0:
            raise error("the URL's time limit has passed")
        return left if timeout is None else min(timeout, left)

    class Stream(httpcore.NetworkStream):
        def __init__(self, stream: httpcore.NetworkStream) -> None:
            self.stream = stream

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self.stream.read(max_bytes, within(timeout, httpcore.ReadTimeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self.stream.write(buffer, within(timeout, httpcore.WriteTimeout))

        def close(self) -> None:
            self.stream.close()

        def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> httpcore.NetworkStream:
            return Stream(self.stream.start_tls(ssl_context, server_hostname, within(timeout, httpcore.ConnectTimeout)))

        def get_extra_info(self, info: str) -> Any:
            return self.stream.get_extra_info(info)

    class Backend(httpcore.NetworkBackend):
        def __init__(self) -> None:
            self.backend = httpcore.SyncBackend()

        def connect_tcp(
            self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options: Any = None
        ) -> httpcore.NetworkStream:
            return Stream(self.backend.connect_tcp(host, port, within(timeout, httpcore.ConnectTimeout), local_address, socket_options))

        def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
            return Stream(self.backend.connect_unix_socket(path, within(timeout, httpcore.ConnectTimeout), socket_options))

        def sleep(self, seconds: float) -> None:
            self.backend.sleep(seconds)

    transport = httpx.HTTPTransport()
    # As httpx.HTTPTransport() makes it (its default limits), with the timed backend.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0, network_backend=Backend()
    )
    return transport


class Fetcher:
    """A shared, thread-safe polite client; `get(url)` never raises for what a site does.

    With `records`, a URL the current run already fetched is answered from them and from the HTTP
    cache at `cache` without a request; every other request goes through the cache, which
    revalidates what it holds.
    """

    def __init__(
        self,
        limits: FetchLimits,
        *,
        records: FetchRecords | None = None,
        cache: Path | None = None,
        progress: Callable[[str, int], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import httpx

        self.limits = limits
        # `sleep` waits out a retry's backoff and, with `clock`, each host's rate limit.
        self.sleep = sleep
        self.clock = clock
        self.records = records
        self.progress = progress
        self.storage: Any = None
        transport: httpx.BaseTransport = _url_timed_transport()
        if cache is not None:
            from hishel import CacheOptions, SqliteStorage
            from hishel.httpx import CacheTransport

            cache.parent.mkdir(parents=True, exist_ok=True)
            self.storage = SqliteStorage(database_path=cache)
            # Open and set up the cache now, not inside the first request, whose start the rate limit has already timed.
            self.storage.get_entries(_cache_key(""))
            # A private cache (one user agent): stored pages are revalidated unless their own headers say they are fresh.
            transport = CacheTransport(next_transport=transport, storage=self.storage, rfc=CacheOptions(shared=False))
        self.client = httpx.Client(
            headers={"User-Agent": limits.user_agent},
            timeout=httpx.Timeout(limits.timeout),
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            transport=transport,
            event_hooks={"request": [self._obey_robots_on_redirect], "response": [refuse_an_unreadable_location]},
        )
        self.gates: dict[str, HostGate] = {}
        # Each host's parsed robots.txt, as a future: the first thread to need it fetches it, and
        # the others wait for that answer instead of asking the site again.
        self.robots: dict[str, Future[Any]] = {}
        self.lock = threading.Lock()

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    def _gate(self, host: str) -> HostGate:
        with self.lock:
            gate = self.gates.get(host)
            if gate is None:
                gate = self.gates[host] = HostGate(host, self.limits, clock=self.clock, sleep=self.sleep)
            return gate

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets our user agent fetch `url` (see `refusal`)."""
        return not self.refusal(url)

    def refusal(self, url: str) -> str:
        """Why the host's robots.txt forbids our user agent to fetch `url` (the problem line), or ""
        when it allows it. As RFC 9309 §2.3.1 reads a robots.txt: 200, its rules; a 4xx (none
        there), everything allowed; a 5xx or no answer (the server or the network failing),
        everything disallowed — said as `UNREACHABLE` when no connection was made at all."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        with self.lock:
            rules = self.robots.get(host)
            first = rules is None
            if rules is None:
                rules = self.robots[host] = Future()
        if first:
            try:
                rules.set_result(self._robots(f"{parts.scheme}://{parts.netloc}/robots.txt"))
            except BaseException as exc:
                rules.set_exception(exc)  # the threads waiting for it hear of the bug too, not wait forever
                raise
        parsed, refused, _ = rules.result()
        return "" if parsed.can_fetch(url, self.limits.user_agent) else refused

    def _obey_robots_on_redirect(self, request: Any) -> None:
        """An httpx request hook: a redirect's target is asked for only when its host's robots.txt
        (asked for first, once per host, as for any page) allows it; else `RedirectRefused`. The
        URL first asked for was checked by `get`; a robots.txt's own redirects are followed as
        RFC 9309 says. A target whose host takes no connection is left to fail as it does."""
        target = str(request.url)
        asked = getattr(_ASKED, "url", "")
        if getattr(_ASKED, "robots", False) or not asked or target == asked or not fetchable(target):
            return  # (another scheme, or a URL no browser reads, fails as it does)
        why = self.refusal(target)
        if why and not why.startswith(UNREACHABLE.partition("{")[0]):
            host = urlsplit(target).netloc.lower()
            _, _, answer = self.robots[host].result()
            raise RedirectRefused(redirect_refusal(asked, target, why, answer))

    def _robots(self, url: str) -> tuple[Any, str, str]:
        """The parsed robots.txt at `url` (`protego`), the problem line for a URL it disallows, and
        how it answered when it could not be read ("answered HTTP 503"; "" when read or missing)."""
        from protego import Protego

        outer = (getattr(_ASKED, "url", ""), getattr(_ASKED, "robots", False))
        _ASKED.robots = True
        try:
            fetched = self.fetch(url)
        finally:
            _ASKED.url, _ASKED.robots = outer
        if fetched.status >= 500 or (not fetched.status and fetched.problem):
            # Unreachable (a server error, or no answer at all: a network error, a cut answer) is
            # "complete disallow" (RFC 9309 §2.3.1.4); only a 4xx means there is none. A site that
            # took no connection is not there to disallow anything: it is reported as unreachable.
            if fetched.problem.startswith(NO_CONNECTION):
                return Protego.parse("User-agent: *\nDisallow: /\n"), UNREACHABLE.format(why=fetched.problem), ""
            answer = f"answered HTTP {fetched.status}" if fetched.status else f"could not be read ({fetched.problem})"
            why = f"disallowed: robots.txt {answer}, which disallows the whole site (RFC 9309)"
            return Protego.parse("User-agent: *\nDisallow: /\n"), why, answer
        text = fetched.body.decode("utf-8", "replace") if fetched.status == 200 else ""
        return Protego.parse(text), ROBOTS_REFUSAL, ""

    def get(self, url: str) -> Fetched:
        """Fetch `url` if robots.txt allows it; a URL a browser cannot read (`fetchable`) is not
        asked for, and its outcome is the problem `NOT_A_URL`."""
        if not fetchable(url):
            return Fetched(url, problem=NOT_A_URL)
        refused = self.refusal(url)
        if refused:
            return Fetched(url, problem=refused)
        return self.fetch(url)

    def fetch(self, url: str) -> Fetched:
        """Fetch `url` (robots.txt not asked): from this run's records and the cache when it was fetched before, else politely; recorded."""
        known = self.records.fetched_in_this_run(url) if self.records is not None else None
        if known is not None and known.problem:
            return known
        if known is not None and self.storage is not None and self.storage.get_entries(_cache_key(known.url)):
            # Served by the cache without a request: the final URL's entry, so that no redirect is followed again.
            stored, _ = self._once(known.url, {"caching": {"rfc": False, "key": _cache_key(known.url)}})
            if not stored.problem:
                return stored
        # Asked again in every run, conditionally when the cache holds the page: a licensor wants today's
        # page, and a guess that it is still fresh (RFC 9111's heuristic, up to a week) would hide a fix.
        outcome = self._request(url, headers={"Cache-Control": "no-cache"} if self.storage is not None else None)
        if self.records is not None:
            self.records.remember(url, replace(outcome, body=b""))
        if self.progress is not None:
            self.progress("fetched", 1)
        return outcome

    def _request(self, url: str, extensions: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> Fetched:
        gate = self._gate(host_of(url))
        outcome = Fetched(url, problem="not fetched")
        # The URL's time limit counts the time spent asking the site, attempt after attempt.
        left = self.limits.page_timeout
        for attempt in range(self.limits.retries + 1):
            with gate.slots:
                gate.wait_turn()
                started = time.monotonic()
                # A robots.txt asked for on a redirect's way is timed on its own, and the page's time limit then resumes.
                outer = getattr(_URL_DEADLINE, "at", None), getattr(_ASKED, "url", "")
                _URL_DEADLINE.at, _ASKED.url = started + left, url
                try:
                    outcome, retry_after = self._once(url, extensions or {}, headers or {})
                finally:
                    _URL_DEADLINE.at, _ASKED.url = outer
                left -= time.monotonic() - started
            if not (outcome.status == 429 or outcome.status >= 500) or left <= 0:
                break
            if retry_after is not None and retry_after > self.limits.max_retry_after:
                # Asked to come back later than the audit waits: given up on now, not asked again early.
                wait = f"Retry-After {retry_after:.0f} s"
                return replace(outcome, problem=f"HTTP {outcome.status}, {wait}: longer than max-retry-after ({self.limits.max_retry_after:g} s); not retried")
            if attempt == self.limits.retries:
                break
            self.sleep(retry_after if retry_after is not None else self.limits.backoff * 2**attempt)
        return outcome

    def _once(self, url: str, extensions: dict[str, Any], headers: dict[str, str] | None = None) -> tuple[Fetched, float | None]:
        import httpx

        from compliance.httpfailures import failure_phrase, shown

        deadline = time.monotonic() + self.limits.timeout
        try:
            with self.client.stream("GET", url, extensions=extensions, headers=headers) as response:
                wait = retry_after_seconds(response.headers.get("Retry-After", ""))
                final = str(response.url)
                if response.status_code >= 400:
                    return Fetched(final, response.status_code, problem=f"HTTP {response.status_code}"), wait
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.limits.fetched_bytes:
                        return Fetched(final, response.status_code, problem=too_large(self.limits.fetched_bytes)), None
                    if _passed(_time_left()):
                        return Fetched(final, response.status_code, problem=self._over_page_timeout()), None
                    if time.monotonic() > deadline:
                        return Fetched(final, response.status_code, problem=self._over_timeout()), None
                    chunks.append(chunk)
                return (
                    Fetched(
                        final,
                        response.status_code,
                        b"".join(chunks),
                        etag=response.headers.get("ETag", ""),
                        last_modified=response.headers.get("Last-Modified", ""),
                        content_type=response.headers.get("Content-Type", ""),
                    ),
                    None,
                )
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            # No server reached (refused, no such host, no connection in time, TLS failed): before any timeout's own words.
            why = f"none within timeout, {self.limits.timeout:g} s" if isinstance(exc, httpx.ConnectTimeout) else failure_phrase(exc)
            return Fetched(url, problem=no_connection_problem(url, _requested(exc), why)), None
        except httpx.TooManyRedirects:
            return Fetched(url, problem=f"more than {self.limits.max_redirects} redirects"), None
        except httpx.TimeoutException:
            if _passed(_time_left()):
                return Fetched(url, problem=self._over_page_timeout()), None
            return Fetched(url, problem=f"no answer within timeout ({self.limits.timeout:g} s)"), None
        except httpx.HTTPError as exc:
            # A bad redirect, an answer cut short, a reset: in the licensor's words, never the library's.
            return Fetched(url, problem=failure_phrase(exc)), None
        except RedirectRefused as exc:
            return Fetched(url, problem=exc.problem), None
        except UnreadableLocation as exc:
            return Fetched(url, problem=f"{NOT_A_URL}: the redirect's Location '{shown(exc.location)}'"), None
        except httpx.InvalidURL:
            # What the browser's parser reads and httpx refuses (a NUL in the path): not asked for either.
            return Fetched(url, problem=NOT_A_URL), None

    def _over_timeout(self) -> str:
        """The problem of an answer whose body took longer than `timeout`, the fetch setting that bounds it."""
        return f"not read within timeout ({self.limits.timeout:g} s): the site sent its answer too slowly"

    def _over_page_timeout(self) -> str:
        """The problem of a URL not read within its time limit."""
        return f"not read within page-timeout ({self.limits.page_timeout:g} s): the site answered too slowly"


def _requested(exc: Exception) -> str:
    """The URL of the request that failed (a redirect's target, when the failure was on the way
    there), or "" when the error carries none."""
    try:
        return str(exc.request.url)  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):  # httpx raises RuntimeError for an error made without its request
        return ""


def no_connection_problem(url: str, failed: str, why: str) -> str:
    """The problem of a URL whose server took no connection: the host that could not be reached
    (that of `failed`, the request that failed, when it is known) and, when a redirect led there
    from another host, that one too. Pure."""
    asked = host_of(url)
    reached = host_of(failed) if failed else asked
    after = f", after a redirect from {asked}" if reached != asked else ""
    return f"{NO_CONNECTION} to {reached} ({why}){after}"


def _passed(left: float | None) -> bool:
    """Whether a URL's deadline (`_time_left`) has passed."""
    return left is not None and left <= 0


def retry_after_seconds(value: str, now: float | None = None) -> float | None:
    """A `Retry-After` header's wait in seconds (RFC 9110 §10.2.3: a number of seconds, or an
    HTTP-date, counted from `now`, the Unix time, or the clock); None when it gives none."""
    from email.utils import parsedate_to_datetime

    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _cache_key(url: str) -> str:
    # The key hishel gives a request in RFC 9111 mode, so that the lookup without RFC 9111 finds the same entry.
    return hashlib.sha256(f"RFC {url}".encode()).hexdigest()


# The first bytes of every gzip stream (RFC 1952).
GZIP_MAGIC = b"\x1f\x8b"


def gunzipped(data: bytes, limit: int) -> tuple[bytes, str]:
    """`data` (a gzip stream, members one after another) decompressed, and "" — or b"" and the
    problem line when it is broken, cut short or decompresses to more than `limit` bytes."""
    import gzip
    import io
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return b"", f"not valid gzip ({exc})"
    if len(out) > limit:
        return b"", too_large(limit, decompressed=True)
    return out, ""


# The root elements of what the sitemap parser reads as XML: sitemaps, sitemap indexes, RSS, Atom, RDF.
_XML_SITEMAP_ROOTS = (b"<urlset", b"<sitemapindex", b"<rss", b"<feed", b"<rdf:rdf")
_HTML_STARTS = (b"<!doctype html", b"<html")
# What may come before a document's first `<`: a UTF-8 byte-order mark and blank space.
_LEADING = b"\xef\xbb\xbf \t\r\n"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# How much of an answer is looked at to tell a sitemap from a page (a page says so in its first lines).
_SNIFF_BYTES = 2048


def not_a_sitemap(body: bytes, content_type: str, *, robots_txt: bool = False) -> str:
    """Why an answer to a sitemap request is no sitemap (the problem line), or "" when it may be one.

    An HTML page (an error page or a soft 404, answered 200: its content type says HTML, or its
    first bytes open an HTML document, `<!doctype html` or `<html`, before any sitemap root) is
    none, unless a sitemap's XML root comes first (a sitemap a server labels `text/html`). Nor is a
    text answer that is empty or has no line that is a URL: the parser would read either as a
    plain-text sitemap listing nothing, and say nothing; a `robots_txt` (read for its `Sitemap:`
    lines) is judged as a page only. `body` is decompressed already."""
    from compliance.urls import is_http_url

    head = body[:_SNIFF_BYTES].lstrip(_LEADING).lower()
    roots = [at for at in (head.find(root) for root in _XML_SITEMAP_ROOTS) if at >= 0]
    html = [at for at in (head.find(start) for start in _HTML_STARTS) if at >= 0]
    media = content_type.split(";", 1)[0].strip().lower()
    shown = f" ({media})" if media else ""
    if html and (not roots or min(html) < min(roots)):
        return f"an HTML page{shown}, not a sitemap"
    if roots or head.startswith(b"<") or robots_txt:
        return ""  # XML (the parser reads it, and says when it is no sitemap), or a robots.txt
    lines = [line.strip() for line in body.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines:
        return f"an empty answer{shown}, not a sitemap"
    if not any(is_http_url(line) for line in lines):
        kind = "an HTML page" if media in _HTML_TYPES else "text"
        return f"{kind}{shown} with no line that is a URL, not a sitemap"
    if media in _HTML_TYPES and not all(is_http_url(line) for line in lines):
        return f"an HTML page{shown}, not a sitemap"
    return ""


class SitemapClient:
    """`ultimate-sitemap-parser`'s web client interface over the polite `Fetcher` (index, gzip and news sitemaps)."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def set_max_response_data_length(self, max_response_data_length: int | None) -> None:
        """Sizes are capped by the fetcher's own limit."""

    def get(self, url: str) -> Any:
        from usp.web_client.abstract_client import AbstractWebClientSuccessResponse, WebClientErrorResponse

        fetched = self.fetcher.get(url)
        problem = fetched.problem
        if not problem and fetched.body.startswith(GZIP_MAGIC):
            # The parser would read a gzip stream it cannot decompress as a plain-text sitemap of no
            # URL, and say nothing: it is decompressed here, and one that is broken is a problem.
            body, problem = gunzipped(fetched.body, self.fetcher.limits.fetched_bytes)
            fetched = replace(fetched, body=body)
        if not problem:
            # The parser reads a robots.txt given as a sitemap for its `Sitemap:` lines: text of no URL line.
            problem = not_a_sitemap(fetched.body, fetched.content_type, robots_txt=fetched.url.endswith("/robots.txt"))
        if not problem and fetched.body[:1] != b"<":
            # The parser tells XML from text by a `<` first: a sitemap after a byte-order mark or
            # blank lines would be read as a text sitemap of no URL.
            opened = fetched.body.lstrip(_LEADING)
            fetched = replace(fetched, body=opened) if opened[:1] == b"<" else fetched
        if problem:

            class _Error(WebClientErrorResponse):
                pass

            return _Error(problem, retryable=False)

        class _Ok(AbstractWebClientSuccessResponse):
            def status_code(self) -> int:
                return fetched.status

            def status_message(self) -> str:
                return "OK"

            def header(self, case_insensitive_name: str) -> str | None:
                return fetched.content_type if case_insensitive_name.lower() == "content-type" else None

            def raw_data(self) -> bytes:
                return fetched.body

            def url(self) -> str:
                return fetched.url

        return _Ok()


def sitemap_pages(fetcher: Fetcher, url: str) -> tuple[list[str], list[tuple[str, str]], dict[str, list[str]]]:
    """The page URLs a sitemap (or sitemap index) lists; the sitemaps that could not be read as
    (URL, problem line): the sitemap itself, or one an index lists (an index that lists itself or
    an index above it is a loop); and, by the URL of each sitemap read (the index and every
    sitemap below it), the pages it lists, itself or through the sitemaps below it."""
    from usp.fetch_parse import SitemapFetcher
    from usp.objects.sitemap import InvalidSitemap

    # The parser logs each failure as a warning on stderr; the audit reports it instead.
    logging.getLogger("usp").setLevel(logging.CRITICAL)

    with _malformed_sitemaps() as malformed:
        tree = SitemapFetcher(url=url, recursion_level=0, web_client=SitemapClient(fetcher), parent_urls=set()).sitemap()  # type: ignore[arg-type]
    if isinstance(tree, InvalidSitemap):
        return [], [(url, f"sitemap not read: {_fetch_problem(tree.reason)}")], {}
    # An index's sitemaps that could not be read are in the tree, not raised: each is a problem,
    # or an index of nothing but such sitemaps would give no page and no word. One that is not
    # well-formed XML (cut short) is read up to its fault, and is a problem too: what it lists
    # after that is not known.
    unread = [(sitemap.url, _unread_sitemap(sitemap.reason)) for sitemap in tree.all_sitemaps() if isinstance(sitemap, InvalidSitemap)]
    unread += [(where, f"sitemap not read whole: not well-formed XML ({why}); the pages it lists before that are read") for where, why in malformed.items()]
    listing: dict[str, list[str]] = {}
    _listings(tree, set(malformed), listing)
    return sorted({page.url for page in tree.all_pages()}), unread, listing


def _listings(sitemap: Any, malformed: set[str], into: dict[str, list[str]]) -> bool:
    """Put into `into`, by URL, the pages each sitemap of the tree at `sitemap` read whole lists
    (itself or below it); whether `sitemap` was. A sitemap not read, not read whole, or above one
    such, lists what it lists only in part: what an earlier run recorded of it stays."""
    from usp.objects.sitemap import InvalidSitemap

    # A loop lists nothing that is not listed elsewhere already.
    whole = not (isinstance(sitemap, InvalidSitemap) and "Recursion detected" not in sitemap.reason) and sitemap.url not in malformed
    for child in getattr(sitemap, "sub_sitemaps", ()):
        whole = _listings(child, malformed, into) and whole
    if whole and not isinstance(sitemap, InvalidSitemap):
        into[sitemap.url] = sorted({page.url for page in sitemap.all_pages()})
    return whole


# What the sitemap parser logs of a sitemap it read only up to a fault in its XML.
_PARSE_FAILED = re.compile(r"^Parsing sitemap from URL (\S+) failed: (.+)$", re.DOTALL)


_READING = threading.local()


class _ParseFaults(logging.Handler):
    """The sitemap parser's log, kept from the terminal: the faults it logs of the sitemaps the
    current thread reads go to its `_malformed_sitemaps` collection; the rest is dropped."""

    def emit(self, record: logging.LogRecord) -> None:
        found: dict[str, str] | None = getattr(_READING, "malformed", None)
        failed = _PARSE_FAILED.match(record.getMessage()) if found is not None else None
        if found is not None and failed is not None:
            found[failed.group(1)] = failed.group(2).splitlines()[0]


_PARSE_LOG = _ParseFaults(logging.ERROR)


@contextlib.contextmanager
def _malformed_sitemaps() -> Iterator[dict[str, str]]:
    """While this thread reads sitemaps, the sitemaps the parser read only up to a fault in their
    XML, by URL, with the fault: it reads as much as it can and says so only in its log."""
    logger = logging.getLogger("usp.fetch_parse")
    if _PARSE_LOG not in logger.handlers:
        # Its errors reach this handler alone: never the terminal (a partner's URL is in them).
        logger.addHandler(_PARSE_LOG)
        logger.propagate = False
        logger.setLevel(logging.ERROR)
    found: dict[str, str] = {}
    _READING.malformed = found
    try:
        yield found
    finally:
        _READING.malformed = None


def _unread_sitemap(reason: str) -> str:
    """The problem line of a sitemap an index lists that was not read, from the parser's reason."""
    if "Recursion detected" in reason:
        # (The parser's reason lists the parents as a set, in no stable order.)
        return "sitemap loop: a sitemap index lists itself, or an index above it; not read again"
    return f"sitemap not read: {_fetch_problem(reason)}"


# The parser's words before the reason an answer was refused (the fetcher's problem line, or
# `not_a_sitemap`'s): the problem line names the sitemap already, and the answer may have come.
_PARSER_PREFIX = re.compile(r"^Unable to fetch sitemap from \S+: ")


def _fetch_problem(reason: str) -> str:
    """The parser's reason for a sitemap it could not read, without its "Unable to fetch sitemap
    from URL:" (which says it was not fetched when it was, and was not a sitemap)."""
    return _PARSER_PREFIX.sub("", reason, count=1)


def _feed_link(link: str, feed_url: str) -> str:
    """An entry's link as a browser follows it: feedparser has applied the entry's `xml:base`, and a
    link still relative (an Atom `<link href="/c/2/"/>`, an RSS `<link>/c/2/</link>`) resolves
    against the URL the feed was read from (RFC 4287 §4.2.7, RFC 3986 §5.1.3). One no parser reads
    (`http://[::1/x`) is kept as written, to be reported as such."""
    from urllib.parse import urljoin, urlsplit

    try:
        return link if urlsplit(link).scheme else urljoin(feed_url, link)
    except ValueError:
        return link


def feed_pages(fetcher: Fetcher, url: str) -> tuple[list[str], str]:
    """The entry links of an RSS or Atom feed, and a problem line if it could not be read."""
    import feedparser

    fetched = fetcher.get(url)
    if fetched.problem:
        return [], f"feed not read: {fetched.problem}"
    parsed = feedparser.parse(fetched.body)
    links = [_feed_link(str(entry.get("link", "")), fetched.url) for entry in parsed.entries if entry.get("link")]
    if not links and parsed.get("bozo"):
        return [], f"feed not read: {parsed.get('bozo_exception')}"
    return sorted(set(links)), ""
