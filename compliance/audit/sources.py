"""Where pages come from: WARC/ARC files (read with `warcio`, gzip members streamed), folders of
saved pages, and sites by sitemap, feed or URL list (through the polite fetcher and the audit state).

Each page is a `Page` (URL or path, site, bytes); each source that cannot be read in part gives a
`Problem` instead, and the audit goes on.
"""

from __future__ import annotations

import contextlib
import logging
import re
import stat
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.audit.config import SAVED_MAX_BYTES, Locator, too_large
from compliance.audit.fetching import NOT_A_URL, Fetched, Fetcher, as_a_browser_reads, feed_pages, fetchable, host_of, sitemap_pages
from compliance.errors import UserError
from compliance.inputs import NotRegular, Skipped, TooLarge, file_type, is_article_name, open_regular, read_regular, walk_directory
from compliance.text import counted
from compliance.urls import is_http_url

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(frozen=True, slots=True)
class Page:
    """One page to audit: `key` its URL (or path for a saved page without one), `site` its host;
    `listed_at` the address a sitemap, feed or list named when that address redirected to `key`
    ("" when the page was read where it was listed); `captured` the date an archive captured it."""

    key: str
    site: str
    data: bytes
    kind: str = "html"
    listed_at: str = ""
    # When an archive captured the page (its record's `WARC-Date`), "" for a page read live or saved.
    captured: str = ""

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


def warc_files(path: Path) -> Iterator[Path | Problem]:
    """The WARC/ARC files at `path` (a file, or a folder walked in name order as `check` walks one,
    `walked`), and a problem for each file of the folder skipped (named by its path)."""
    if path.is_file():
        yield path
        return
    from compliance.display import visible

    for found in walked(path, lambda name: name.lower().endswith(WARC_SUFFIXES)):
        yield found if isinstance(found, Path) else skipped_problem(found, visible(path.name), visible(found.path))


def walked(folder: Path, wanted: Callable[[str], bool]) -> Iterator[Path | Skipped]:
    """The files under `folder` whose names `wanted` takes, walked as `check` walks a directory
    (`compliance.inputs.walk_directory`): a symbolic link that leads out of the folder is not
    followed, nor a loop, nor a hidden entry, and what is not a regular file is not read; each
    of those is a `Skipped`."""
    for item in walk_directory(folder, wanted):
        yield item if isinstance(item, Skipped) else Path(item.path)


def skipped_problem(item: Skipped, site: str, where: str) -> Problem:
    """The problem of a file a folder's walk skipped (`walked`): the walk's reason, without
    `check`'s remedy (an option of `check`, not of the audit). `where` is shown safely by the caller."""
    return Problem(site, where, f"not read: {item.reason.split(' — ')[0].removeprefix('not checked: ')}")


def warc_records(path: Path, *, max_bytes: int = SAVED_MAX_BYTES) -> Iterator[Page | Problem]:
    """The HTML responses in one WARC/ARC file, streamed record by record (gzip members included).

    A page whose body holds more than `max_bytes` bytes (`fetch: {max-bytes}`) is a problem,
    `too_large`: at most one byte past the limit of it is read into memory, the rest passed over.

    A record the archive holds less of than its `Content-Length` says (a crawler that died while
    writing it, a gzip member cut or corrupt) is a problem, `record cut short`, and is not checked:
    what is missing is the end of the page, where its credit line and pixel would be. What `warcio`
    warns of while reading (a target URI with spaces, a record not followed by its blank lines) is
    a problem of the archive too, never written to the terminal: its text is the partner's."""
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = open_regular(path, str(path))
    except (NotRegular, UserError) as exc:
        yield Problem(path.name, str(path), f"archive not read: {exc}")
        return
    with stream, _warcio_messages() as messages:
        if _empty(stream):
            yield Problem(path.name, str(path), f"archive not read: {EMPTY_ARCHIVE}")
            return
        gzipped = stream.read(2) == b"\x1f\x8b"
        stream.seek(0)
        read = 0
        while True:
            records = _archive_iterator(stream)
            cut = False
            broken = ""
            while True:
                try:
                    record = next(records, None)
                    if record is None:
                        break
                    item = _warc_item(record, path, max_bytes)
                except ArchiveLoadFailed as exc:
                    broken = unreadable_archive(exc, read)
                    break
                except Exception as exc:  # noqa: BLE001 - warcio's parser fails on broken records in its own ways (a record cut inside its WARC headers: AttributeError)
                    broken = f"a broken record ({type(exc).__name__}: {_first_line(exc)})"
                    break
                read += 1
                yield from _archive_warnings(path, messages)
                cut = isinstance(item, Problem) and item.what.startswith(CUT_SHORT)
                if item is not None:
                    yield item
            yield from _archive_warnings(path, messages)
            if not broken:
                if records.ended_early and not cut:
                    # The archive ends inside a record that was not read at all: a record cut to nothing.
                    yield Problem(path.name, str(path), f"{CUT_SHORT}: the archive ends inside a record; what it held is not read")
                return
            # A gzip member that cannot be read (corrupt, or not a record) loses its record alone:
            # each record is a member of its own, so the next member is read on.
            failed = int(records.offset or 0)
            # (Records gzipped together as one stream have no next member to read on from.)
            resume = _next_member(stream, failed) if gzipped and failed >= 0 and not broken.startswith(ONE_STREAM) else None
            if resume is None:
                yield Problem(path.name, str(path), f"archive not read{_after(read)}: {broken}")
                return
            yield Problem(path.name, str(path), skipped_member(failed, resume))
            stream.seek(resume)


# What an archive file of no byte is, and what to do.
EMPTY_ARCHIVE = "the file is empty (a crawl that wrote nothing); crawl the pages again, or remove the file"


def skipped_member(failed: int, resume: int) -> str:
    """The problem of a gzip member of an archive that could not be read, passed over to the next. Pure."""
    return (
        f"archive damaged: the gzip member at byte {failed} cannot be read ({resume - failed} bytes, a record or more, skipped "
        f"and not audited); the records after it, from byte {resume}, are read — crawl the pages it held again"
    )


def _empty(stream: Any) -> bool:
    """Whether the opened archive file holds no byte."""
    import os

    return os.fstat(stream.fileno()).st_size == 0


# How a gzip member begins (RFC 1952: its magic bytes and the deflate method).
_GZIP_MEMBER = b"\x1f\x8b\x08"


def _next_member(stream: Any, after: int) -> int | None:
    """Where the next gzip member of the archive begins after the member at byte `after`, or None."""
    try:
        stream.seek(after + 1)
    except OSError:
        return None
    offset, tail = after + 1, b""
    while chunk := bytes(stream.read(1 << 20)):
        found = (tail + chunk).find(_GZIP_MEMBER)
        if found >= 0:
            return int(offset - len(tail) + found)
        offset += len(chunk)
        tail = chunk[-(len(_GZIP_MEMBER) - 1) :]
    return None


def _archive_iterator(stream: Any) -> Any:
    """warcio's `ArchiveIterator` over `stream` (ARC records as WARC), which also tells, once it has
    ended, whether the archive ended inside a record (`ended_early`): a record cut inside its WARC
    headers, or a gzip member cut, ends warcio's iteration as if the archive had ended there."""
    from warcio.archiveiterator import ArchiveIterator

    class Records(ArchiveIterator):  # type: ignore[misc]
        ended_early = False
        # The gzip member (its decompressor) the last record read was in.
        last_member: Any = None

        def _next_record(self, next_line: bytes | None) -> Any:
            try:
                record = super()._next_record(next_line)
            except EOFError:
                # A record's first line was read and its headers never ended.
                self.ended_early = self.ended_early or bool(next_line and next_line.strip())
                raise
            self.last_member = self.reader.decompressor
            return record

        def close(self) -> None:
            decompressor = self.reader.decompressor if self.reader is not None else None
            # zlib's `eof`: the end of the compressed stream was reached (a whole member). A member
            # cut after the record it holds (its trailer lost) loses nothing that record's length does not tell.
            cut_member = decompressor is not None and not decompressor.eof and decompressor is not self.last_member
            self.ended_early = self.ended_early or cut_member
            super().close()

    return Records(stream, arc2warc=True)


def _after(records: int) -> str:
    """` after its first 3 records`: what of an archive was read before a record that could not be."""
    return f" after its first {counted(records, 'record')}" if records else ""


# warcio's words for a record whose first line is neither a WARC version line (`WARC/1.0`) nor an
# ARC header line, followed by that line (as the ARC parser split it at spaces: a list's repr).
_NOT_A_RECORD = re.compile(r"(?P<kind>Unknown archive format|Invalid WARC record|Invalid ARC record), first line: (?P<line>.*)", re.S)
# What an archive whose records are gzipped together is.
ONE_STREAM = "its records are gzipped together as one stream"
# warcio's words for a gzip file that holds several records in one gzip member.
_ONE_GZIP_MEMBER = "non-chunked gzip file detected"
# The most characters of a line that is not a record's quoted (before it is shown safely).
_QUOTED_START = 32


def unreadable_archive(exc: BaseException, read: int) -> str:
    """Why an archive could not be read past its first `read` records, from warcio's
    `ArchiveLoadFailed`: one line saying what the file or record is not, with the start of the
    line it holds instead shown safely (`compliance.display.visible`) and cut short — never
    warcio's own words or its Python list of the line's words. Pure."""
    import ast

    from compliance.display import visible

    said = str(exc).strip()
    if _ONE_GZIP_MEMBER in said:
        return f"{ONE_STREAM}, not each as a gzip member of its own (as WARC files are written)"
    found = _NOT_A_RECORD.match(said)
    if found is None:
        return visible(_first_line(exc))
    line = found.group("line").strip()
    if line.startswith("["):
        with contextlib.suppress(ValueError, SyntaxError, MemoryError, RecursionError):
            words = ast.literal_eval(line)
            line = " ".join(map(str, words)) if isinstance(words, list) else line
    start = visible(line[:_QUOTED_START]) + ("…" if len(line) > _QUOTED_START else "")
    expected = "an ARC header line" if found.group("kind") == "Invalid ARC record" else "a WARC version line"
    if read:
        return f"the next record's first line is not {expected} (it starts '{start}')"
    return f"not a WARC file: its first line is not {expected} (it starts '{start}')"


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [""])[0][:_WARNING_CHARS]


def _warc_item(record: Any, path: Path, max_bytes: int) -> Page | Problem | None:
    """One archive record (of the archive at `path`) as a page to audit (of at most `max_bytes`
    bytes), a problem, or None when it is no HTML response."""
    # As a browser reads it (a control character or bidirectional override percent-encoded, as
    # warcio encodes a space): the address reported and the page's key.
    url = as_a_browser_reads(record.rec_headers.get_header("WARC-Target-URI") or "")
    if record.format.startswith("warc") and record.rec_headers.get_header("Content-Length") is None:
        # Every WARC record states its length: one without it is one whose headers the archive cut.
        where = (host_of(url), url) if url else (path.name, str(path))
        return Problem(*where, f"{CUT_SHORT}: the archive ends inside its WARC headers; not read")
    if record.rec_type == "resource":
        return _resource_item(record, url, path, max_bytes)
    if record.rec_type != "response":
        return None
    if record.http_headers is None:
        if not fetchable(url) and (record.rec_headers.get_header("Content-Type") or "").lower().startswith("application/http"):
            # An HTTP answer archived under an address of no http(s) page (warcio reads no HTTP
            # headers there): never passed over in silence (a `dns:` record is no HTTP answer).
            return _unreadable_address(url, path)
        missing = _missing_bytes(record)
        return Problem(host_of(url), url, _cut_short(missing, record.length)) if missing else None
    status = record.http_headers.get_statuscode()
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or ("html" not in kind and "xhtml" not in kind):
        # Not a page to audit, unless it was one: a record cut inside its HTTP headers has lost its type with them.
        missing = _missing_bytes(record)
        return Problem(host_of(url), url, _cut_short(missing, record.length)) if missing else None
    if not fetchable(url):
        return _unreadable_address(url, path)
    return _page_of_record(record, url, record.content_stream().read(max_bytes + 1), max_bytes)


def _page_of_record(record: Any, url: str, body: bytes, max_bytes: int) -> Page | Problem:
    """A record's page at `url` from its `body` (read up to one byte past `max_bytes`), or the
    problem that keeps it from being one: larger than that, or cut short in the archive."""
    if len(body) > max_bytes:
        return Problem(host_of(url), url, too_large(max_bytes))
    missing = _missing_bytes(record)
    if missing:
        return Problem(host_of(url), url, _cut_short(missing, record.length))
    return Page(url, host_of(url), body, captured=record.rec_headers.get_header("WARC-Date") or "")


def _resource_item(record: Any, url: str, path: Path, max_bytes: int) -> Page | Problem | None:
    """A `resource` record (a file archived without an HTTP answer: what warcit and Webrecorder
    write) as a page when it holds HTML — its WARC `Content-Type` says so, or, when that names no
    type of its own (none, `application/octet-stream`), its bytes open as HTML
    (`compliance.inputs.sniff_kind`) — read at its `WARC-Target-URI`; else None (an image, a style sheet)."""
    from compliance.inputs import sniff_kind

    kind = (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    untyped = kind in ("", "application/octet-stream", "unknown/unknown")
    if "html" not in kind and not untyped:
        return None
    body = record.content_stream().read(max_bytes + 1)
    if untyped and sniff_kind(body) != "html":
        return None
    if not fetchable(url):
        return _unreadable_address(url, path)
    return _page_of_record(record, url, body, max_bytes)


def _unreadable_address(url: str, path: Path) -> Problem:
    """The problem of an archived page whose `WARC-Target-URI` no browser reads: its site is not
    known, nor what its relative links point to, so it is reported, not audited. An address of no
    http(s) page (`javascript:…`, `=HYPERLINK(…)`), or none, is filed under the archive `path`."""
    if not url:
        return Problem(path.name, str(path), "a record of an HTML page without a WARC-Target-URI; not read")
    return Problem(host_of(url) if is_http_url(url) else path.name, url, f"{NOT_A_URL}; not read")


def _missing_bytes(record: Any) -> int:
    """How many bytes of the record's declared length the archive does not hold (0: all of it);
    reads the record to its end, as the archive iterator would before the next record."""
    raw = record.raw_stream
    while raw.read(65536):
        pass
    return max(int(getattr(raw, "limit", 0) or 0), 0)


CUT_SHORT = "record cut short"


def _cut_short(missing: int, length: int | None) -> str:
    declared = f" of its {length}" if length else ""
    return f"{CUT_SHORT}: {missing}{declared} bytes missing from the archive; not checked (the page's end, its credit and pixel, may be lost)"


# A warning quotes the archive's bytes (a header line, what follows a record): a line's worth is enough.
_WARNING_CHARS = 200


def _archive_warnings(path: Path, messages: list[str]) -> Iterator[Problem]:
    """The warnings `warcio` gave since the last call, as problems of the archive (emptied), each
    shown safely (`compliance.display.visible`: a WARC-Target-URI's ESC as `\\x1b`), as every
    problem that quotes what an archive holds is."""
    from compliance.display import visible

    for message in map(visible, messages):
        shown = message if len(message) <= _WARNING_CHARS else message[: _WARNING_CHARS - 1] + "…"
        yield Problem(path.name, str(path), f"archive warning: {shown}")
    messages.clear()


class _WarcioStderr:
    """`warcio` writes some warnings straight to `sys.stderr`; its modules see this in place of
    `sys`, whose `stderr` adds what is written to the reading thread's messages (dropped when no
    archive is being read in that thread)."""

    def __getattr__(self, name: str) -> Any:
        import sys

        return self if name == "stderr" else getattr(sys, name)

    def write(self, text: str) -> int:
        # warcio writes each warning whole, in one call: one warning, however many lines it takes.
        _collect(text)
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered."""


class _WarcioLog(logging.Handler):
    """The `warcio` logger's warnings, added to the reading thread's messages (never printed)."""

    def emit(self, record: logging.LogRecord) -> None:
        _collect(record.getMessage())


def _collect(warning: str) -> None:
    """One warning of `warcio` added to the reading thread's messages, its lines joined by "; "
    (`Record not followed by newline…; Offset: 151040; Remainder: …`), as one problem."""
    collected = getattr(_READING, "messages", None)
    joined = "; ".join(line.strip() for line in warning.splitlines() if line.strip())
    if collected is not None and joined:
        collected.append(joined)


_READING = threading.local()
_QUIETED = threading.Lock()


@contextlib.contextmanager
def _warcio_messages() -> Iterator[list[str]]:
    """While an archive is read in this thread, what `warcio` warns of is collected in the list
    given, not printed: a partner's URL in a warning could hold terminal escapes."""
    import warcio.archiveiterator
    import warcio.bufferedreaders

    with _QUIETED:
        for module in (warcio.archiveiterator, warcio.bufferedreaders):
            if not isinstance(getattr(module, "sys", None), _WarcioStderr):
                module.sys = _WarcioStderr()
        logger = logging.getLogger("warcio")
        if not any(isinstance(handler, _WarcioLog) for handler in logger.handlers):
            logger.addHandler(_WarcioLog())
            logger.propagate = False
    outer = getattr(_READING, "messages", None)
    messages: list[str] = []
    _READING.messages = messages
    try:
        yield messages
    finally:
        _READING.messages = outer


def folder_labels(folders: Sequence[Path]) -> dict[Path, str]:
    """How the saved pages of each folder are named: by the folder's own name (`saved/`), or, when
    another folder read has that name too (`a/saved/` and `b/saved/`), by as many of its last
    folders as tell it apart (`a/saved`), so that `a/saved/story.html` and `b/saved/story.html` are
    two pages, whatever the order the folders are listed in. Pure."""
    unique = list(dict.fromkeys(folders))
    labels: dict[Path, str] = {}
    for folder in unique:
        names = [part for part in folder.parts if part != folder.anchor] or [folder.name]
        depth = 1
        while depth < len(names) and any(other != folder and other.parts[-depth:] == tuple(names[-depth:]) for other in unique):
            depth += 1
        labels[folder] = "/".join(names[-depth:])
    return labels


def folder_pages(folder: Path, label: str | None = None, *, sniff: bool = False, max_bytes: int = SAVED_MAX_BYTES) -> Iterator[Page | Problem]:
    """Saved pages under `folder`, each of at most `max_bytes` bytes (a larger file is a problem,
    `too_large`, and is not read); the site is read later from the page (`run.saved_page_site`), so
    here the folder's `label` (`folder_labels`; its name when not given).

    A page's key is its path as named (`saved_name`), from the folder's label: the reports escape
    what is unsafe in it as they escape a crawled URL, so that `saved/a\u202eb.html` in
    `report.json` reads back as the file's name; a byte of a name that is not UTF-8, which no
    report can hold, is kept as `\\xff`.

    With `sniff` (a folder of a partner's saved pages), a file whose name is no article's is read
    by what it holds: a browser's single-file MHTML archive (`.mhtml`, `.mht`) as the page it
    saved, and any other file that opens as HTML (`story.shtml`, `story.php`, wget's
    `index.html?p=3`, a name without an extension; `compliance.inputs.sniff_kind`) as a page; the
    files left are one problem, their number and the first names.
    """
    named = label or folder.name
    site = f"saved:{saved_name(named)}"
    left: list[str] = []
    walked_any = False
    for path in walked(folder, (lambda _name: True) if sniff else is_article_name):
        walked_any = True
        if isinstance(path, Skipped):
            yield skipped_problem(path, site, saved_name(f"{named}/{Path(path.path).relative_to(folder).as_posix()}"))
            continue
        kind = "html" if path.suffix.lower() in (".html", ".htm", ".xhtml") else "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
        key = saved_name(f"{named}/{path.relative_to(folder).as_posix()}" if named else path.relative_to(folder).as_posix())
        try:
            if not is_article_name(path.name) and not _may_hold_a_page(path):
                # An image, a style sheet, a script of a saved site: told by its first bytes, never read whole.
                left.append(key)
                continue
            data = read_regular(path, limit=max_bytes)
        except TooLarge:
            yield Problem(site, key, too_large(max_bytes))
            continue
        except (NotRegular, UserError) as exc:
            yield Problem(site, key, f"not read: {exc}")
            continue
        if not is_article_name(path.name):
            page = _saved_by_content(path, data)
            if page is None:
                left.append(key)
                continue
            kind, data = "html", page
        yield Page(key, site, data, kind)
    if sniff and not walked_any:
        yield Problem(site, named, "the folder holds no file to read; save the partner's pages in it as HTML files")
    if left:
        from compliance.display import visible

        shown = ", ".join(visible(name) for name in left[:_NAMED_LEFT]) + (", …" if len(left) > _NAMED_LEFT else "")
        yield Problem(
            site,
            named,
            f"{counted(len(left), 'file')} not read: neither named as a page (.html, .md, .txt) nor holding one ({shown}); "
            "save the partner's pages as HTML files",
        )


# How many of the files a folder's walk left out its problem names.
_NAMED_LEFT = 3
# The names of a browser's single-file page archive (MIME multipart/related, RFC 2557).
_MHTML_SUFFIXES = (".mhtml", ".mht")


# How much of a file of no article's name is read to tell whether it holds a page.
_SNIFFED_BYTES = 8192


def _may_hold_a_page(path: Path) -> bool:
    """Whether a file of no article's name may hold a page, by its name (an MHTML archive) or its
    first bytes (`compliance.inputs.sniff_kind`)."""
    from compliance.inputs import sniff_kind

    if path.suffix.lower() in _MHTML_SUFFIXES:
        return True
    with open_regular(path, str(path)) as stream:
        return sniff_kind(stream.read(_SNIFFED_BYTES)) == "html"


def _saved_by_content(path: Path, data: bytes) -> bytes | None:
    """The HTML page a file of no article's name holds: the page an MHTML archive saved, the file
    itself when it opens as HTML, else None."""
    from compliance.inputs import sniff_kind

    if path.suffix.lower() in _MHTML_SUFFIXES:
        return mhtml_page(data)
    return data if sniff_kind(data) == "html" else None


def mhtml_page(data: bytes) -> bytes | None:
    """The page an MHTML archive (what Chrome's "Save as: single file" writes) saved: its first
    `text/html` part, its transfer encoding (quoted-printable, base64) undone; None when it has
    none. Pure."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) and payload.strip() else None
    return None


def saved_name(name: str) -> str:
    """A saved file's `name` (a path as `os` gives it) as the audit keeps it: each byte that is not
    UTF-8 (a lone surrogate, from the surrogateescape handler) as its visible escape (`\\xff`),
    which no UTF-8 report or SQLite text can hold raw; every other character as it is, escaped by
    each report as it writes it (JSON `\\u202e`, CSV and dashboard `compliance.display.visible`)."""
    from compliance.display import escape_char

    return _LONE_SURROGATE.sub(lambda match: escape_char(match.group()), name)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class SiteReader:
    """Reads the pages a sitemap, feed or URL list names through the polite fetcher (which records them in the audit state).

    `listings(where, urls)`, when given, is told of the pages each sitemap and feed read lists
    (an index: every sitemap in it, each with the pages below it), so that a later run that cannot
    read one knows which pages it listed (`AuditState.listed`)."""

    def __init__(self, fetcher: Fetcher, listings: Callable[[str, Sequence[str]], None] | None = None) -> None:
        self.fetcher = fetcher
        self.listings = listings

    def fetch(self, url: str) -> Fetched:
        """The page at `url` (robots.txt permitting)."""
        return self.fetcher.get(url)

    def listed(self, locator: Locator) -> tuple[list[str], list[Problem]]:
        """The page URLs a sitemap, feed or URL list names, each as a browser reads it
        (`fetching.as_a_browser_reads`: a control or bidirectional character percent-encoded)."""
        if locator.kind == "urls":
            return _as_read(locator.where), []
        url = locator.where[0]
        if locator.kind == "sitemap":
            urls, unread, listing = sitemap_pages(self.fetcher, url)
            if self.listings is not None:
                for where, listed in listing.items():
                    self.listings(where, _as_read(listed))
            unread_at = [(as_a_browser_reads(where), problem) for where, problem in unread]
            return _as_read(urls), [Problem(host_of(where), where, problem) for where, problem in unread_at]
        urls, problem = feed_pages(self.fetcher, url)
        if self.listings is not None and not problem:
            self.listings(url, _as_read(urls))
        return _as_read(urls), [Problem(host_of(url), url, problem)] if problem else []

    def pages(self, locator: Locator) -> Iterator[Page | Problem]:
        """Every listed page, fetched in parallel across hosts within each host's limits, in list order."""
        urls, problems = self.listed(locator)
        yield from problems
        for url, outcome in fetched_in_order(self.fetch, urls, workers=_FETCHERS, ahead=_FETCHED_AHEAD):
            if outcome.problem:
                yield Problem(host_of(url), url, outcome.problem)
            elif "html" not in outcome.content_type.lower() and outcome.body.lstrip()[:1] != b"<":
                yield Problem(host_of(url), url, f"not an HTML page ({outcome.content_type or 'no content type'})")
            else:
                # Known by the address it was read at, after redirects, as a reader's browser
                # shows it: a listed address that redirects to a page listed too is that page.
                final = outcome.url if is_http_url(outcome.url) else url
                yield Page(final, host_of(final), outcome.body, listed_at=url if final != url else "")


def _as_read(urls: Iterable[str]) -> list[str]:
    """Listed URLs as a browser reads them (`fetching.as_a_browser_reads`), in their order."""
    return [as_a_browser_reads(url) for url in urls]


# Threads fetching a source's pages (each host within its own limits, which the fetcher keeps),
# and how many pages may be fetched or fetching ahead of the audit that checks them.
_FETCHERS = 8
_FETCHED_AHEAD = 4 * _FETCHERS


def fetched_in_order(fetch: Callable[[str], Fetched], urls: Iterable[str], *, workers: int, ahead: int) -> Iterator[tuple[str, Fetched]]:
    """`(url, fetch(url))` for each of `urls`, in their order, fetched by `workers` threads with at
    most `ahead` (at least `workers`) submitted and not yet taken by the caller. (`Executor.map`
    submits every URL at once and keeps every page fetched until it is taken: a sitemap of 50,000
    pages fetched faster than they were checked held all their bodies, and a future for each.)
    Pages not yet taken when the caller stops are not fetched; those being fetched are waited for."""
    pending: deque[tuple[str, Future[Fetched]]] = deque()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        try:
            for url in urls:
                pending.append((url, pool.submit(fetch, url)))
                if len(pending) >= max(ahead, workers):
                    url_taken, future = pending.popleft()
                    yield url_taken, future.result()
            while pending:
                url_taken, future = pending.popleft()
                yield url_taken, future.result()
        finally:
            for _url, future in pending:
                future.cancel()


def read_source(locator: Locator, sites: SiteReader | None, label: str | None = None, *, saved_bytes: int = SAVED_MAX_BYTES) -> Iterator[Page | Problem]:
    """The pages of one configured source (sites need a reader; it is made only when a URL is
    named, and bounds each page by its fetcher's limit); a folder's pages are named from `label`
    (`folder_labels`) when given. A page of an archive or folder holds at most `saved_bytes` bytes
    (`FetchLimits.saved_bytes`)."""
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
            if isinstance(file, Problem):
                yield file
            else:
                yield from warc_records(file, max_bytes=saved_bytes)
    elif locator.kind == "folder":
        yield from folder_pages(Path(locator.where[0]), label, sniff=True, max_bytes=saved_bytes)
    else:
        assert sites is not None
        yield from sites.pages(locator)
