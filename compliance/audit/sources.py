"""Where pages come from: WARC/ARC files (read with `warcio`, gzip members streamed), folders of
saved pages, and sites by sitemap, feed or URL list (through the polite fetcher and the audit state).

Each page is a `Page` (URL or path, site, bytes); each source that cannot be read in part gives a
`Problem` instead, and the audit goes on.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from compliance.audit.config import Locator
from compliance.audit.fetching import NOT_A_URL, Fetched, Fetcher, feed_pages, fetchable, host_of, sitemap_pages
from compliance.errors import UserError
from compliance.inputs import ARTICLE_SUFFIXES, NotRegular, TooLarge, file_type, open_regular, read_regular
from compliance.urls import is_http_url

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MAX_PAGE_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Page:
    """One page to audit: `key` its URL (or path for a saved page without one), `site` its host."""

    key: str
    site: str
    data: bytes
    kind: str = "html"

    @property
    def address(self) -> str | None:
        """The page's own http(s) URL, which its relative URLs resolve against; None for a saved page known by its path."""
        return self.key if is_http_url(self.key) else None


@dataclass(frozen=True, slots=True)
class Problem:
    """A page or source that could not be read, with the reason (one line)."""

    site: str
    where: str
    what: str


def warc_files(path: Path) -> list[Path]:
    """The WARC/ARC files at `path` (a file, or a folder walked in name order)."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(WARC_SUFFIXES))


def warc_records(path: Path) -> Iterator[Page | Problem]:
    """The HTML responses in one WARC/ARC file, streamed record by record (gzip members included)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = open_regular(path, str(path))
    except (NotRegular, UserError) as exc:
        yield Problem(path.name, str(path), f"archive not read: {exc}")
        return
    with stream:
        try:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode()
                kind = (record.http_headers.get_header("Content-Type") or "").lower()
                if status != "200" or ("html" not in kind and "xhtml" not in kind):
                    continue
                if is_http_url(url) and not fetchable(url):
                    # Its site is not known, nor what its relative links point to: reported, not audited.
                    yield Problem(host_of(url), url, f"{NOT_A_URL}; not read")
                    continue
                body = record.content_stream().read(MAX_PAGE_BYTES + 1)
                if len(body) > MAX_PAGE_BYTES:
                    yield Problem(host_of(url), url, f"larger than {MAX_PAGE_BYTES} bytes; not read")
                    continue
                yield Page(url, host_of(url), body)
        except ArchiveLoadFailed as exc:
            yield Problem(path.name, str(path), f"archive not read: {str(exc).splitlines()[0]}")


def folder_pages(folder: Path) -> Iterator[Page | Problem]:
    """Saved pages under `folder`; the site is read later from the page (`run.saved_page_site`), so here the folder's name.

    A page's key is its path shown safely (`compliance.display.visible`): a file name that is not
    UTF-8, or that holds control characters, is stored, reported and written as escapes.
    """
    from compliance.display import visible

    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES):
        kind = "html" if path.suffix.lower() in (".html", ".htm", ".xhtml") else "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
        key, site = visible(str(path.relative_to(folder.parent))), f"saved:{visible(folder.name)}"
        try:
            data = read_regular(path, limit=MAX_PAGE_BYTES)
        except TooLarge:
            yield Problem(site, key, f"larger than {MAX_PAGE_BYTES} bytes; not read")
            continue
        except (NotRegular, UserError) as exc:
            yield Problem(site, key, f"not read: {exc}")
            continue
        yield Page(key, site, data, kind)


class SiteReader:
    """Reads the pages a sitemap, feed or URL list names through the polite fetcher (which records them in the audit state)."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def fetch(self, url: str) -> Fetched:
        """The page at `url` (robots.txt permitting)."""
        return self.fetcher.get(url)

    def listed(self, locator: Locator) -> tuple[list[str], list[Problem]]:
        """The page URLs a sitemap, feed or URL list names."""
        if locator.kind == "urls":
            return list(locator.where), []
        url = locator.where[0]
        if locator.kind == "sitemap":
            urls, unread = sitemap_pages(self.fetcher, url)
            return urls, [Problem(host_of(where), where, problem) for where, problem in unread]
        urls, problem = feed_pages(self.fetcher, url)
        return urls, [Problem(host_of(url), url, problem)] if problem else []

    def pages(self, locator: Locator) -> Iterator[Page | Problem]:
        """Every listed page, fetched in parallel across hosts within each host's limits, in list order."""
        urls, problems = self.listed(locator)
        yield from problems
        with ThreadPoolExecutor(max_workers=8) as pool:
            for url, outcome in zip(urls, pool.map(self.fetch, urls), strict=True):
                if outcome.problem:
                    yield Problem(host_of(url), url, outcome.problem)
                elif "html" not in outcome.content_type.lower() and outcome.body.lstrip()[:1] != b"<":
                    yield Problem(host_of(url), url, f"not an HTML page ({outcome.content_type or 'no content type'})")
                else:
                    yield Page(url, host_of(url), outcome.body)


def read_source(locator: Locator, sites: SiteReader | None) -> Iterator[Page | Problem]:
    """The pages of one configured source (sites need a reader; it is made only when a URL is named)."""
    if locator.kind == "warc":
        where = Path(locator.where[0])
        try:
            mode = where.stat().st_mode
        except OSError as exc:
            yield Problem(where.name, str(where), f"archive not read: {exc.strerror or exc}")
            return
        if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
            # A device or FIFO named as an archive would never end, or never start: not read.
            yield Problem(where.name, str(where), f"archive not read: {file_type(mode)}, not a regular file")
            return
        for file in warc_files(where):
            yield from warc_records(file)
    elif locator.kind == "folder":
        yield from folder_pages(Path(locator.where[0]))
    else:
        assert sites is not None
        yield from sites.pages(locator)
