"""Reading the original story a republication is compared with: a file, or a URL fetched only
when the user allows it. This is an I/O edge: the engine receives a reader from the runner.

Fetching uses httpx (imported only when a URL is fetched) with a total time limit, a size limit,
at most `MAX_REDIRECTS` redirects, and an on-disk cache so that a batch, or the next run, does not
fetch the same original twice. Every way it can fail is one `OriginalUnavailable` with a clear
reason; nothing here raises anything else for a bad original.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.advice import NOT_A_WEB_ADDRESS, NOT_FETCHED
from compliance.decoding import not_an_article
from compliance.document import Document, parse_document
from compliance.errors import OriginalUnavailable
from compliance.fetchguard import FetchGuard
from compliance.inputs import resolved
from compliance.loading import kind_for, sniff_kind
from compliance.urls import is_http_url

FETCH_TIMEOUT = 10.0  # seconds for the whole response
# How long a fetch may take before the process that runs it is given up on, by a time limit that
# does not count fetches (`syndcheck serve`'s check processes, `check --time-limit`'s workers): the
# limit for the whole answer (`FETCH_TIMEOUT`) is checked between reads, each of which may wait that
# long again, as may the connection's opening.
FETCH_ALLOWANCE = 3 * FETCH_TIMEOUT
FETCH_MAX_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 5
# Parsed originals kept per reader (the oldest read is dropped first).
MAX_KEPT = 64
CACHE_SECONDS = 24 * 3600
# A cache entry's first line: the content type and the address the page was served from.
_CACHE_HEADER_BYTES = 8192
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


# What to give instead of a file that holds no original story (empty, an image, binary data).
GIVE_SAVED_ORIGINAL = "give the original story's saved page (HTML, text or Markdown)"


def default_cache_dir() -> Path | None:
    """Where fetched originals are kept: $SYNDCHECK_CACHE_DIR, else the `originals` folder of the
    user's cache folder (`compliance.cachefiles.cache_folder`); None when caching is off or the
    folder is not safe to use (another user's, or writable by others)."""
    from compliance.cachefiles import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    return Path(folder) if os.environ.get("SYNDCHECK_CACHE_DIR") else Path(folder) / "originals"


@dataclass
class OriginalReader:
    """Reads originals for one run, each once: paths relative to the article's folder, URLs only
    with `allow_fetch`. The most recent `MAX_KEPT` are kept parsed: a batch names a handful, but
    a server (`syndcheck serve --allow-fetch`) meets new ones for as long as it runs, from several
    threads at once: the kept originals change under a lock, and each write to the disk cache goes
    through a temporary file of its own."""

    allow_fetch: bool = False
    cache_dir: Path | None = None
    # The addresses a fetch may connect to (`syndcheck serve`); None: any (the command line's user
    # chose the URL).
    guard: FetchGuard | None = None
    timeout: float = FETCH_TIMEOUT
    max_bytes: int = FETCH_MAX_BYTES
    # Told when a fetch over the network starts (True) and ends (False), however it ends: a server's
    # check process tells its server, whose time limit for the check does not count the fetch (the
    # fetch has its own, `timeout`). None: no one is told.
    on_fetch: Callable[[bool], None] | None = None
    _read: dict[str, Document | OriginalUnavailable] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    # The files asked for since `take_asked` was last called (absolute paths), read or not: they
    # are inputs, which no report may overwrite.
    _asked: list[str] = field(default_factory=list)

    def take_asked(self) -> tuple[str, ...]:
        """The original files asked for since the last call (one document's, for the runner)."""
        with self._lock:
            asked, self._asked = tuple(self._asked), []
        return asked

    def reader_for(self, article: Path | None, *, urls_only: bool = False) -> Callable[[str], Document]:
        """The reader the engine calls with the `original` value of one article; with `urls_only`
        (a value from a CMS payload) a path is refused, never read."""
        base = article.parent if article is not None else Path.cwd()
        return lambda value: self.read(value, base, urls_only=urls_only)

    def read(self, value: str, base: Path, *, urls_only: bool = False) -> Document:
        """The original named by `value` (a path or URL), parsed; `OriginalUnavailable` when not,
        and for a path when `urls_only` (`urls.is_http_url` is the rule)."""
        is_url = is_http_url(value)
        value = value.strip() if is_url else value
        try:
            key = value if is_url else str(resolved(base / value))
        except ValueError:  # a NUL character: no file has such a name
            if urls_only:
                raise OriginalUnavailable(f"'{value}': {NOT_A_WEB_ADDRESS}", remedy="not-a-file", subject=value) from None
            raise OriginalUnavailable(f"'{value}': not a file name") from None
        with self._lock:
            if not is_url:
                # Asked for, even when refused: a report must not replace a file an article names.
                self._asked.append(key)
            found = self._read.get(key)
        if urls_only and not is_url:
            raise OriginalUnavailable(f"'{value}': {NOT_A_WEB_ADDRESS}", remedy="not-a-file", subject=value)
        if found is None:
            # Read outside the lock: a slow fetch must not hold up other threads' articles (two
            # threads that want one new original may both read it; the later one is kept).
            try:
                found = self._fetch(value) if is_url else self._file(Path(key), value)
            except OriginalUnavailable as exc:
                found = exc
            with self._lock:
                self._read[key] = found
                while len(self._read) > MAX_KEPT:
                    del self._read[next(iter(self._read))]
        if isinstance(found, OriginalUnavailable):
            raise found
        return found

    def _file(self, path: Path, shown: str) -> Document:
        from compliance.errors import InputError
        from compliance.inputs import NotRegular, TooLarge, read_regular

        if not os.path.lexists(path):
            raise OriginalUnavailable(f"{shown}: no such file")
        try:
            data = read_regular(path, limit=self.max_bytes, shown=shown)
        except NotRegular as exc:
            raise OriginalUnavailable(f"{shown}: {exc.what}, not a regular file") from None
        except TooLarge:
            raise OriginalUnavailable(f"{shown}: larger than {self.max_bytes:,} bytes, the most an original story is read to") from None
        except InputError as exc:
            raise OriginalUnavailable(f"{shown}: {exc.what}") from None
        why = not_an_article(data)
        if why is not None:
            # Read as an article, it would share no text with the copy and name no reporter: the
            # notes would blame the copy's match with it, not the file.
            raise OriginalUnavailable(f"{shown}: the file is {why} — {GIVE_SAVED_ORIGINAL}")
        return parse_document(data, kind_for(str(path)))

    def _fetch(self, url: str) -> Document:
        if not self.allow_fetch:
            # What to do instead is said in the words of where the note is read (`Advice`).
            raise OriginalUnavailable(f"{url} is a URL; {NOT_FETCHED}", remedy="not-fetched", subject=url)
        cached = self._cached(url)
        if cached is not None:
            return cached
        if self.on_fetch is not None:
            self.on_fetch(True)
        try:
            data, content_type, address = self._download(url)
        finally:
            if self.on_fetch is not None:
                self.on_fetch(False)
        if self.cache_dir is not None:
            self._store(url, data, content_type, address)
        return self._parse(data, content_type, address)

    def _parse(self, data: bytes, content_type: str, url: str) -> Document:
        """A fetched original's document; its relative URLs resolve against `url`, the address its
        page was served from (after any redirects, as a browser resolves them)."""
        if "markdown" in content_type:
            return parse_document(data, "markdown")
        if "text/plain" in content_type:
            return parse_document(data, sniff_kind(data))
        return parse_document(data, "html", url=url)

    def _cache_file(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        key = url if self.guard is None else self.guard.cache_tag() + url
        return self.cache_dir / hashlib.sha256(key.encode("utf-8")).hexdigest()

    def _cached(self, url: str) -> Document | None:
        file = self._cache_file(url)
        if file is None or not file.is_file() or time.time() - file.stat().st_mtime > CACHE_SECONDS:
            return None
        from compliance.cachefiles import read_own

        # Only the user's own regular file that no one else can write: an entry put in the folder
        # by someone else would stand in for the original.
        stored = read_own(file, self.max_bytes + _CACHE_HEADER_BYTES)
        if stored is None:
            return None
        header, _, data = stored.partition(b"\n")
        # The header is the content type, then a tab and the address the page was served from (a
        # URL holds no tab; an entry written before addresses were kept has none, and the requested
        # URL stands in).
        content_type, tab, address = header.decode("ascii", "replace").rpartition("\t")
        return self._parse(data, content_type, address) if tab else self._parse(data, address, url)

    def _store(self, url: str, data: bytes, content_type: str, address: str) -> None:
        file = self._cache_file(url)
        assert file is not None
        header = f"{content_type}\t{address}".replace("\n", " ").encode("ascii", "replace")
        if len(header) > _CACHE_HEADER_BYTES:
            return  # an address this long is not kept: the page is fetched again next time
        from compliance.cachefiles import write_own

        # Through a temporary file of this write's own (threads of one server storing the same URL
        # must not write into each other's file before it is renamed into place); a cache that
        # cannot be written only costs a fetch next time.
        write_own(file, header + b"\n" + data)

    def _download(self, url: str) -> tuple[bytes, str, str]:
        """The page's bytes, content type and the address it was served from, after redirects."""
        try:
            import httpx
        except ImportError:
            raise OriginalUnavailable(f"{url}: fetching needs httpx (pip install 'syndication-compliance[fetch]')") from None

        # A redirect followed as a browser, and the audit, follow it (a control character in its
        # Location percent-encoded), or refused in the audit's words when no browser could read it.
        from compliance.audit.fetching import NOT_A_URL, UnreadableLocation, refuse_an_unreadable_location
        from compliance.fetchguard import AddressRefused, guarded_transport
        from compliance.httpfailures import shown

        transport = guarded_transport(self.guard) if self.guard is not None else None
        try:
            # Guarded, no proxy from the environment (a proxy would choose the address itself):
            # httpx mounts none in front of a transport it is given, and is told so here too.
            with httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(self.timeout),
                transport=transport,
                trust_env=transport is None,
                event_hooks={"response": [refuse_an_unreadable_location]},
            ) as client:
                # The limit counts from the request, not from setting up the client (TLS roots).
                deadline = time.monotonic() + self.timeout
                return self._receive(client, url, deadline)
        except AddressRefused as exc:
            # Refused before a byte is sent to it: the request's answer says why, never what is there.
            raise OriginalUnavailable(f"{url}: not fetched: {exc}") from None
        except UnreadableLocation as exc:
            raise OriginalUnavailable(f"{url}: cannot fetch it ({NOT_A_URL}: the redirect's Location '{shown(exc.location)}')") from None
        except httpx.InvalidURL:
            # What a browser's parser reads and httpx refuses (a NUL in the path): not asked for.
            raise OriginalUnavailable(f"{url}: cannot fetch it ({NOT_A_URL})") from None
        except httpx.TooManyRedirects:
            raise OriginalUnavailable(f"{url}: more than {MAX_REDIRECTS} redirects") from None
        except httpx.TimeoutException:
            raise OriginalUnavailable(f"{url}: no complete answer within {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            from compliance.httpfailures import failure_phrase

            raise OriginalUnavailable(f"{url}: cannot fetch it ({failure_phrase(exc)})") from None

    def _receive(self, client: Any, url: str, deadline: float) -> tuple[bytes, str, str]:
        with client.stream("GET", url, headers={"Accept": "text/html, text/plain;q=0.8"}) as response:
            if response.status_code >= 400:
                raise OriginalUnavailable(f"{url}: the server answered HTTP {response.status_code}")
            content_type = response.headers.get("content-type", "").lower()
            if content_type and not content_type.startswith(_ACCEPTED_TYPES):
                raise OriginalUnavailable(f"{url}: not an article page (content type {content_type.split(';')[0]})")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > self.max_bytes:
                raise OriginalUnavailable(f"{url}: larger than {self.max_bytes:,} bytes, the most an original story is read to ({int(length):,})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise OriginalUnavailable(f"{url}: larger than {self.max_bytes:,} bytes, the most an original story is read to")
                if time.monotonic() > deadline:
                    raise OriginalUnavailable(f"{url}: no complete answer within {self.timeout:g} s")
                chunks.append(chunk)
            return b"".join(chunks), content_type or "text/html", str(response.url)
