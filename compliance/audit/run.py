"""`syndcheck audit`: read the stories, read every source, match copies to stories, check each copy
with the pack through the checker's one document path, and write the reports."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import threading
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.audit.config import PARTITIONS, AuditConfig, Locator, http_cache, make_folders, parse_audit_config
from compliance.audit.fetching import host_of, robots_refusal
from compliance.audit.matching import Match, PageText, StoryIndex, shingles, signature
from compliance.audit.report import (
    LISTING_NOT_READ,
    PAGE_NOT_READ,
    ROBOTS_FORBID,
    SITE_NOT_REACHED,
    CheckedCopy,
    build_report,
    dashboard_html,
    sites_csv,
    stories_csv,
)
from compliance.audit.sources import Page, Problem, SiteReader, folder_labels, folder_pages, read_source
from compliance.checks import Context
from compliance.detect import own_page, shows_republication
from compliance.display import json_output, visible
from compliance.document import Document, parse_document
from compliance.document.model import own_pages_of
from compliance.errors import ConfigError, InputError, PackError
from compliance.findings import Days, Finding, Severity
from compliance.lookalike import find_disguises, see_through
from compliance.packs import OwnSite, Pack
from compliance.urls import amp_path, is_amp_marker, is_http_url, is_tracking_parameter, on_host, page_key, percent_encode_unsafe, url_host

if TYPE_CHECKING:
    from compliance.audit.state import AuditState


def load_audit_config(path: Path) -> AuditConfig:
    """Read and validate an `audit.yaml` (ConfigError with file:line on any mistake, `ConfigErrors`
    with every one when there are several), its pack among the built-in packs."""
    from compliance.api import load_packs
    from compliance.inputs import read_setting

    if not path.exists() and not path.is_symlink():
        raise ConfigError("cannot read the audit file: no such file", path=str(path), hint="check the path")
    try:
        text = read_setting(path, "the audit file", error=ConfigError).decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("cannot read the audit file: not UTF-8", path=str(path)) from None
    return parse_audit_config(text, path, pack_ids=[pack.id for pack in load_packs()])


Mapper = Callable[[Callable[[Any, Any], Any], Sequence[Any], Any], list[Any]]
# Pages are read, audited and recorded in batches: memory holds one batch of pages, never the crawl.
BATCH_PAGES = 256
# A batch also ends once its pages hold this many bytes: 256 live blogs of 16 MiB (what `max-bytes`
# lets an archive's page be) would hold 4 GiB at once.
BATCH_BYTES = 64 * 1024 * 1024
# Per-page results, one JSON-lines file per batch, in the output folder (for Dask, Spark, DuckDB or jq): `config.PARTITIONS`.
# Story documents kept parsed in one process: a copy's check reuses its story's parse; past this many
# stories the least recently needed is dropped (and parsed again if another copy needs it).
STORY_DOCUMENTS = 1000


def local_map(function: Callable[[Any, Any], Any], items: Sequence[Any], shared: Any) -> list[Any]:
    """The single-process mapper: `function(item, shared)` for each item, in order."""
    return [function(item, shared) for item in items]


def read_page(page: Page, outlets: frozenset[str] = frozenset(), pack: Pack | None = None) -> tuple[Document, PageText]:
    """Parse one page, once, and take what matching needs: article shingles, absolute links, own URLs, site, MinHash signature.
    With the audited `pack`, a page fetched or archived at an address on its publisher's own site
    (the pack's `own-site` domains) is the publisher's own by that address alone, whatever its
    metadata says (a canonical link or `og:site_name` naming another site): the audit is the
    licensor's view, and what its own hosts serve is its own. A saved page, which has no address, is
    its own when `detect.own_page` says so from its metadata and no reader sees one of the pack's
    republication markers (`detect.shows_republication`: a copy whose markup was copied whole keeps
    the original's `og:url`); a page that is not its own does not claim the publisher's URLs by its
    `og:url`."""
    doc = parse_document(page.data, page.kind, outlets=outlets, url=page.address)  # type: ignore[arg-type]
    own_site = pack.own_site if pack is not None else None
    own_address = own_site is not None and page.address is not None and on_host(url_host(page.address) or "", tuple(own_site.domains))
    # The document resolved every link against the page's `<base href>` and its own address when
    # that is known. A saved page's relative links stay relative: they point into the site it was
    # saved from, which its canonical URL does not give (a copy's names the original's site).
    links = frozenset(link.href for link in doc.links if link.href)
    # The page's addresses as `check` reads an original's (`own_pages_of`): its canonical link, then
    # its `og:url`, then the address it was read from; a story given by its `og:url` alone is known by it.
    urls = tuple(dict.fromkeys(u for u in own_pages_of(doc.canonical, doc.meta, page.address) if is_http_url(u)))
    identity = page_identity(page, doc)
    own = own_address or (own_site is not None and page.address is None and bool(own_page(doc, own_site)))
    read_at = frozenset([page.address]) if page.address else frozenset()
    if not own_address and (own or identity - read_at) and pack is not None and shows_republication(Context(doc), pack):
        # A copy whose markup was copied whole keeps the original's og:url: that is no claim to be
        # the original. (Only the address it was read from still says whose page it is; one on the
        # publisher's own host decides alone.)
        own, identity = False, read_at
    elif own_site is not None and not own:
        # Nor is an og:url on the publisher's site on a page that is not its own by every other
        # sign (`own_page`: another site's name in its title or og:site_name), as a copy that
        # dropped the credit line and kept the original's markup is.
        identity = frozenset(u for u in identity if u in read_at or not on_host(url_host(u) or "", own_site.domains))
    # Look-alike letters of another script in Latin words ("the cоunty" with a Cyrillic о) are read
    # as the letters they stand for (`lookalike.find_disguises`), as a reader reads them: a copy
    # so disguised is still the story's. Words wholly in another script are left as written.
    text = " ".join(b.text for b in doc.article_blocks)
    words = shingles(see_through(text, find_disguises(text)))
    site = page.site
    if site.startswith("saved:"):
        site = saved_page_site(doc, own_site if not own else None) or site
    return doc, PageText(page.key, words, links, urls, site, identity, own, signature(words) if words else None)


def page_identity(page: Page, doc: Document) -> frozenset[str]:
    """The URLs that say whose page this is: the address it was fetched or archived from and, for a
    saved page with no address, its `og:url`. A page read from an address trusts its metadata only
    on that address's own host: a partner's page that copies the original's `og:url` (markup copied
    whole, a plugin that copies OpenGraph tags) is on the partner's host all the same."""
    claimed = [u for u in doc.meta.get("og:url", ()) if is_http_url(u)]
    if page.address is None:
        return frozenset(claimed)
    host = host_of(page.address)
    return frozenset([page.address, *(u for u in claimed if host_of(u) == host)])


def saved_page_site(doc: Document, own_site: OwnSite | None) -> str:
    """The host a saved page names as its own: that of its `og:url`, else of its canonical URL; ""
    when neither gives one. For a page that is not the publisher's own (`own_site` given), a URL on
    the publisher's site does not count: republishing plugins keep the original's canonical link
    (and copied markup its `og:url`) on the copy, which is the partner's page all the same."""
    for url in (*doc.meta.get("og:url", ()), *doc.canonical):
        if not is_http_url(url):
            continue
        browsed = url_host(url)
        if browsed and not (own_site is not None and on_host(browsed, own_site.domains)):
            return host_of(url)
    return ""


class StoryDocuments:
    """The stories' pages and, in each process, their parsed documents (reused by every copy's check).

    Pickled to a worker process without the parsed documents (an lxml tree stays in the process that
    built it): a worker parses a story once, when it first checks a copy of it.
    """

    def __init__(self, pages: Mapping[str, Page], outlets: frozenset[str], parsed: Mapping[str, Document] | None = None) -> None:
        self.pages = dict(pages)
        self.outlets = outlets
        self._parsed: OrderedDict[str, Document] = OrderedDict(list((parsed or {}).items())[-STORY_DOCUMENTS:])
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[Any, ...]:
        return (StoryDocuments, (self.pages, self.outlets))

    def document(self, key: str) -> Document:
        """The story's document, parsed on first use in this process."""
        with self._lock:
            doc = self._parsed.get(key)
            if doc is None:
                page = self.pages[key]
                doc = parse_document(page.data, page.kind, outlets=self.outlets, url=page.address)  # type: ignore[arg-type]
                self._parsed[key] = doc
                if len(self._parsed) > STORY_DOCUMENTS:
                    self._parsed.popitem(last=False)
            else:
                self._parsed.move_to_end(key)
            return doc


class AuditWork:
    """What auditing one page needs, shared by all pages: the pack (by id), the story index, the stories' documents, the threshold.

    Its `token` names it across processes: a worker process that receives it again (a task of the
    next batch) goes on with the one it already has, so the stories it parsed stay parsed.
    """

    def __init__(
        self,
        pack_id: str,
        index: StoryIndex,
        stories: StoryDocuments,
        threshold: float,
        pack: Pack | None = None,
        token: str = "",
        today: datetime.date | None = None,
    ) -> None:
        self.pack_id = pack_id
        # One reading of the clock for the audit: every page is checked on the same day.
        self.today = today or datetime.date.today()
        self.index = index
        self.stories = stories
        self.threshold = threshold
        self._pack = pack
        self.token = token or uuid.uuid4().hex
        _remember_work(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_known_work, (self.token, self.pack_id, self.index, self.stories, self.threshold, self.today))

    def __dask_tokenize__(self) -> str:
        """Dask names the work by its token instead of hashing all the stories."""
        return self.token

    @property
    def pack(self) -> Pack:
        """The pack, loaded once in each process."""
        if self._pack is None:
            self._pack = choose_pack(self.pack_id)
        return self._pack


# The audits' shared work known in this process, by token (an audit has one; a few are kept for tests that run several).
_WORKS: OrderedDict[str, AuditWork] = OrderedDict()
_WORKS_LOCK = threading.Lock()


def _remember_work(work: AuditWork) -> None:
    with _WORKS_LOCK:
        _WORKS[work.token] = work
        while len(_WORKS) > 4:
            _WORKS.popitem(last=False)


def _known_work(token: str, pack_id: str, index: StoryIndex, stories: StoryDocuments, threshold: float, today: datetime.date) -> AuditWork:
    """The work named `token` as this process already has it, else this copy of it (unpickling)."""
    with _WORKS_LOCK:
        known = _WORKS.get(token)
    return known if known is not None else AuditWork(pack_id, index, stories, threshold, token=token, today=today)


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """One page audited: its key, site and content digest, the checked copy when it republishes a story,
    and whether this outcome was stored by an earlier run (the page unchanged)."""

    key: str
    site: str
    digest: str
    copy: CheckedCopy | None
    reused: bool = False
    # The story the page only cites (links to, sharing no excerpt of it, and not presenting itself as
    # its republication): not checked, counted apart. "" for a copy or a page that matched no story.
    cites: str = ""
    # The publisher's own page (`StoryIndex.is_own_page`: on the pack's `own-site`, or read from a
    # story's URL): an original, neither a copy nor a page that matched no story, counted apart.
    own: bool = False
    # The days this outcome holds on (`Report.holds`): a verdict on a notice that holds until a
    # date (an embargo) changes the day after it, and is not reused from then on.
    holds: Days = field(default_factory=Days)
    # Why the page could not be audited ("" when it was): a page that refuses to be read (a start
    # tag of more than 1,000 attributes, a front matter key given twice) is a problem at its
    # address, never stored as an outcome, and the audit goes on.
    problem: str = ""


def page_digest(data: bytes) -> str:
    """A page's content digest (SHA-256, hex): what decides whether a stored outcome still holds."""
    return hashlib.sha256(data).hexdigest()


def audit_page(page: Page, work: AuditWork) -> PageOutcome:
    """Parse a page once, match it against the stories and, when it is a copy, check that same document
    with the pack and its original story (the compare-with-the-original kinds).

    A pure function of the page and the shared work, run by the workers of a distributed audit (the
    map-side join: each worker holds the whole story index). The story is given as the `original`
    metadata, as `--original` does, and its parsed document is reused; its URL is the `original_url`.
    """
    try:
        doc, text = read_page(page, work.stories.outlets, work.pack)
        return _checked(page, doc, text, work.index.match(text, threshold=work.threshold), work)
    except InputError as exc:
        return unreadable_page(page, exc)


# How a page that refuses to be read is listed under `problems` (`PageOutcome.problem`).
NOT_CHECKED = "not checked: "


def unreadable_page(page: Page, error: InputError) -> PageOutcome:
    """The outcome of a page that refuses to be read (the `InputError` its parse or check raised):
    no copy, and the problem `not checked: WHAT (line L, column C)`, a partner's page never
    stopping the audit."""
    where = f" (line {error.line}, column {error.column or 1})" if error.line is not None else ""
    return PageOutcome(page.key, page.site, page_digest(page.data), None, problem=f"{NOT_CHECKED}{visible(error.what)}{where}")


def _checked(page: Page, doc: Document | None, text: PageText, match: Match | None, work: AuditWork) -> PageOutcome:
    """The page's outcome: nothing to check when it matched no story, else its document checked with the pack and the story."""
    from compliance.engine import check_document

    if match is None:
        return PageOutcome(page.key, text.site, page_digest(page.data), None, own=work.index.is_own_page(text))
    assert doc is not None
    story = work.index.stories[match.story]
    meta = {"original": match.story}
    if story.urls:
        # The first of its addresses, as `check` names an original's first: its canonical link
        # before its `og:url` when the two disagree.
        meta["original_url"] = story.urls[0]
    # The copy's own publication date, as `check --meta publication_date=` gives it: the terms bind
    # the day the copy ran (an embargo in force then is broken for good), not the day of the audit.
    # Given as the page writes it: a time with its zone is read on the publisher's day, as check reads it.
    from compliance.checks.time_edits import page_published

    # A day still to come (a page dated 2100-01-01) is no day the copy ran: it is judged on the
    # audit's day, as an unpublished copy is (and as `check` judges it), and not recorded as its date.
    own_date = page_published(doc)
    own_day = day_named(own_date)
    if own_day is not None and own_day > work.today:
        own_date, own_day = "", None
    if own_date:
        meta["publication_date"] = own_date
    # A page that only links to the story is checked as its copy only when it presents itself as one:
    # the pack's detection applies to it (its credit line, its pixel). The page is the partner's:
    # suppression comments written in it are not obeyed, only counted.
    detect = match.only_cites
    report = check_document(
        doc, [work.pack], path=page.key, auto_detect=detect, meta=meta, load_original=work.stories.document, inline_suppressions=False, today=work.today
    )
    # The story's address names the publisher, which applies its pack to any page (see
    # `engine._applied_by_original`): only a pack the page's own markers apply counts here.
    if detect and not any(d.applied and not d.by_original for d in report.detections):
        return PageOutcome(page.key, text.site, page_digest(page.data), None, cites=match.story, holds=report.holds)
    # An info finding is a note the terms do not require ("never a failure"): it is no violation,
    # in the site's counts, the charts or the evidence.
    violations = [f for f in report.findings if f.severity >= Severity.WARNING]
    findings = tuple(sorted({f.rule for f in violations}))
    errors = tuple(sorted({f.rule for f in violations if f.severity is Severity.ERROR}))
    # Text a person reads, quoting the page (a byline, a title): shown safely, as `check` shows it.
    evidence = tuple(visible(f"{f.rule}: {f.message}") for f in worst_findings(violations, EVIDENCE))
    # Recorded only when it is a day of the calendar (not "2026-02-30", "2026-13-01"): else the story's.
    published = own_day.isoformat() if own_day is not None else published_date(work.stories.document(match.story))
    # Reported as the copy's address when it is one of them: written as a browser reads it, as every address read is.
    canonical = next((percent_encode_unsafe(url) for url in doc.canonical if is_http_url(url) and host_of(url) == text.site), "")
    copy = CheckedCopy(match.story, page.key, text.site, match.similarity, match.matched_by, findings, errors, evidence, published)
    copy = replace(copy, ignored_suppressions=report.ignored_suppressions, canonical=canonical)
    return PageOutcome(page.key, text.site, page_digest(page.data), copy, holds=report.holds)


# How many findings a copy keeps as evidence (the report's and the dashboard's `worst`).
EVIDENCE = 3


def worst_findings(findings: Sequence[Finding], count: int) -> list[Finding]:
    """The `count` findings that matter most: by severity (error, then warning, then info), then
    by rule id, each rule's first finding before any rule's second (so that three findings of one
    rule do not hide another error), in the report's order within a rule."""
    ranked = sorted(enumerate(findings), key=lambda item: (-item[1].severity, item[1].rule, item[0]))
    firsts: list[Finding] = []
    again: list[Finding] = []
    seen: set[str] = set()
    for _, finding in ranked:
        (again if finding.rule in seen else firsts).append(finding)
        seen.add(finding.rule)
    return [*firsts, *again][:count]


@dataclass(frozen=True, slots=True)
class ReadPage:
    """A page read for the shuffle join: the page itself and what matching needs of it (picklable;
    its parsed document stays in the process that parsed it, see `read_for_join`)."""

    page: Page
    text: PageText
    # The page's outcome when it refused to be read (`unreadable_page`): then it has no shingles.
    unreadable: PageOutcome | None = None

    def __sizeof__(self) -> int:
        # What Dask weighs when it places the check: the page and its shingles, not this small object,
        # so that the check goes to the worker that read the page (and keeps its parse).
        return len(self.page.data) + sum(len(s) + 50 for s in self.text.shingles) + 1000


# Pages parsed for the shuffle join and not yet checked, in this process, by (key, digest): the check
# that follows on the same worker reuses the parse. Bounded: what a lost task leaves behind is dropped.
_PARSED: OrderedDict[tuple[str, str], Document] = OrderedDict()
_PARSED_LOCK = threading.Lock()
PARSED_KEPT = 4 * BATCH_PAGES
# How many copies a check had to parse again because it ran in another process than their reading.
parsed_again = 0


def read_for_join(page: Page, work: AuditWork) -> ReadPage:
    """The shuffle join's first step on a page: parse it once, keep the document in this process, and
    return the page with its shingles, links and MinHash signature (none for a page that refuses to
    be read: it carries its outcome, `unreadable_page`)."""
    try:
        doc, text = read_page(page, work.stories.outlets, work.pack)
    except InputError as exc:
        return ReadPage(page, PageText(page.key, frozenset(), frozenset(), (), page.site), unreadable_page(page, exc))
    with _PARSED_LOCK:
        _PARSED[(page.key, page_digest(page.data))] = doc
        while len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
    return ReadPage(page, text)


def page_bands(read: ReadPage) -> list[tuple[tuple[int, bytes], str]]:
    """The page side of the shuffle join: its LSH band keys as (band key, page key)."""
    from compliance.audit.matching import band_keys

    signature = read.text.signature
    return [] if not read.text.shingles or signature is None else [(band, read.page.key) for band in band_keys(signature)]


def confirm_and_check(read: ReadPage, candidates: Mapping[str, Iterable[str]], work: AuditWork) -> PageOutcome:
    """The shuffle join's last step on a page: confirm its candidate stories (by band key, and those
    it holds a sampled shingle of: `StoryIndex.held_stories`) with the exact score (or a link to the
    story), then check it with the document `read_for_join` kept (parsed again only when
    this runs in another process)."""
    global parsed_again
    if read.unreadable is not None:
        return read.unreadable
    with _PARSED_LOCK:
        doc = _PARSED.pop((read.page.key, page_digest(read.page.data)), None)
    # The stories the page holds a part of are looked up here, where it was read (the index is on
    # every worker for the confirming score): its shingles are too many to shuffle.
    found = set(candidates.get(read.page.key, ())) | set(work.index.held_stories(read.text))
    match = work.index.confirm(read.text, found, threshold=work.threshold)
    if match is not None and doc is None:
        with _PARSED_LOCK:
            parsed_again += 1
        doc = parse_document(read.page.data, read.page.kind, outlets=work.stories.outlets, url=read.page.address)  # type: ignore[arg-type]
    try:
        return _checked(read.page, doc, read.text, match, work)
    except InputError as exc:
        return unreadable_page(read.page, exc)


def day_named(published: str) -> datetime.date | None:
    """The day a page's own publication date names (`time_edits.page_published`: ISO 8601, or a
    date in words), or None when it names no day of the calendar ("2026-02-30", "2026-13-01",
    "1e9") or is empty. Pure."""
    from compliance.checks.time_edits import publication_day
    from compliance.checks.until import read_date

    day = publication_day(published)
    if isinstance(day, str):
        read = read_date(day)
        return read[1] if read is not None else None
    return day


def published_date(doc: Document) -> str:
    """The page's publication date, YYYY-MM-DD, from its metadata, or "" when it gives none
    (`time_edits.page_date`)."""
    from compliance.checks.time_edits import page_date

    return page_date(doc)


def _configured_pack(config: AuditConfig) -> Pack:
    """The audit file's pack (`choose_pack`); a pack id no pack has is a `ConfigError` at the line
    of the audit file that names it, with the suggestion `choose_pack` gives."""
    try:
        return choose_pack(config.pack)
    except PackError as exc:
        path, line, column = config.pack_at or (config.origin, None, None)
        raise ConfigError(exc.what, path=path, line=line, column=column, hint=exc.hint) from None


def choose_pack(pack_id: str) -> Pack:
    """The configured pack, by id among the built-in packs (PackError with a suggestion when unknown)."""
    from compliance.api import load_packs
    from compliance.packfiles import select_packs

    return select_packs(list(load_packs()), [pack_id])[0]


def prepare_stories(pages: Sequence[Page], pack: Pack, *, threshold: float, today: datetime.date | None = None) -> AuditWork:
    """Parse each story once: its text goes into the index, its document is kept for the checks of its
    copies. `today` is the day the copies are checked on (None: the clock's, read once)."""
    outlets = frozenset(pack.outlets)
    parsed = {page.key: _read_story(page, outlets) for page in pages}
    index = StoryIndex([text for _, text in parsed.values()])
    stories = StoryDocuments({p.key: p for p in pages}, outlets, {key: doc for key, (doc, _) in parsed.items()})
    return AuditWork(pack.id, index, stories, threshold, pack, today=today)


def _read_story(page: Page, outlets: frozenset[str]) -> tuple[Document, PageText]:
    """A story read for the index (`read_page`); a story that refuses to be read (a start tag of
    more than 1,000 attributes, a front matter key given twice) is an `InputError` named by its
    file or URL, at its line and column: the publisher's own page, which it can fix."""
    try:
        return read_page(page, outlets)
    except InputError as exc:
        hint = "fix the story's page, or take it out of the stories' folder" if page.address is None else "fix the story's page on the publisher's site"
        raise InputError(exc.what, path=page.key, line=exc.line, column=exc.column, hint=hint) from None


Progress = Callable[[str, int], None]


def _no_progress(what: str, more: int) -> None:
    """Progress shown nowhere."""


def run_audit(
    config: AuditConfig,
    *,
    progress: Progress = _no_progress,
    mapper: Mapper = local_map,
    batch_pages: int = BATCH_PAGES,
    today: datetime.date | None = None,
) -> dict[str, object]:
    """Run the whole audit and write its reports into `config.output`; returns the JSON report.

    `today` is the day every copy is checked on (None: the clock's, read once): a stored outcome
    is reused only on a day it holds on (`PageOutcome.holds`).

    `progress(what, more)` is told of each step as it happens (see `compliance.audit.progress`).

    `mapper(function, items, shared)` maps a picklable function over a list: the single-process loop,
    or a Dask bag's map (`compliance.audit.distributed`). Pages are read here, in batches, and each is
    parsed, matched and checked in the mapper, with the story index shared (a map-side join). A mapper
    with a `join_pages(pages, work)` method audits a batch itself instead (the shuffle join on a Dask
    cluster), and one with `in_flight` > 1 is given that many batches at once, the next read while
    the workers audit the ones before.
    """
    pack = _configured_pack(config)
    needs_web = config.stories.kind in ("sitemap", "feed") or any(s.kind in ("sitemap", "feed", "urls") for s in config.sources)
    problems: list[tuple[str, str, str]] = []
    # Stories in a folder are read before anything is written: an audit of no story is refused.
    saved_bytes = config.fetch.saved_bytes
    story_pages = _stories(config, folder_pages(Path(config.stories.where[0]), max_bytes=saved_bytes), problems) if config.stories.kind == "folder" else None
    state, resumed = open_state(config)
    sites: SiteReader | None = None
    fetcher = None
    outcomes: list[PageOutcome] = []
    unreadable: list[PageOutcome] = []
    try:
        if resumed:
            progress("resumed", 1)
        if needs_web:
            from compliance.audit.fetching import Fetcher

            fetcher = Fetcher(config.fetch, records=state, progress=progress, cache=http_cache(config.state))
            sites = SiteReader(fetcher, state.listed)
        if story_pages is None:
            story_pages = _stories(config, read_source(config.stories, sites), problems)
        try:
            work = prepare_stories(story_pages, pack, threshold=config.threshold, today=today)
        except InputError as exc:
            # A story in a folder is named by the path it is read at, as given in the audit file.
            if config.stories.kind == "folder" and exc.path is not None:
                exc.path = str(Path(config.stories.where[0]).parent / exc.path)
            raise
        basis = audit_basis(story_pages, config.threshold, pack)
        progress("stories", len(story_pages))
        addresses: dict[str, list[str]] = {}
        redirecting: dict[str, list[str]] = {}
        crawl = Crawl()
        labels = folder_labels([Path(source.where[0]) for source in config.sources if source.kind == "folder"])
        source_pages = partial(read_source, sites=sites, saved_bytes=saved_bytes)
        items = (item for source in config.sources for item in crawl.note(source, source_pages(source, label=labels.get(Path(source.where[0])))))
        pages = _unique(items, problems, addresses, redirecting)

        def finished(number: int, batch: Sequence[PageOutcome]) -> None:
            # A page that refused to be read is a problem at its address, not a page read.
            audited = [o for o in batch if not o.problem]
            unreadable.extend(o for o in batch if o.problem)
            problems.extend((o.site, o.key, o.problem) for o in batch if o.problem)
            _write_partition(config.output / PARTITIONS, number, audited)
            outcomes.extend(audited)
            progress("audited", sum(not o.reused for o in audited))
            progress("unchanged", sum(o.reused for o in audited))
            progress("copies", sum(o.copy is not None for o in audited))

        batches = page_batches(pages, batch_pages, BATCH_BYTES)
        written = _audit_batches(batches, lambda batch: _audit_batch(batch, work, basis, state, mapper), finished, in_flight=getattr(mapper, "in_flight", 1))
        _drop_partitions(config.output / PARTITIONS, keep=written)
        # A site whose pages answered, though they refused to be read, was reached.
        carried, more = carried_over(problems, crawl.read({o.site for o in (*outcomes, *unreadable)}), addresses, state, basis)
        problems.extend(more)
        read = [o.copy for o in outcomes if o.copy is not None]
        copies = with_redirecting_addresses(one_copy_per_page(read, with_unread_addresses(addresses, problems)), redirecting)
        # Carried copies are as last reported: each already one page, with all its addresses.
        state.report([*copies, *carried], basis)
        state.finish()
    finally:
        if fetcher is not None:
            fetcher.close()
        state.close()
    citing = sum(bool(o.cites) for o in outcomes)
    originals = sum(o.own for o in outcomes)
    unmatched = sum(o.copy is None and not o.cites and not o.own for o in outcomes)
    report = build_report(
        [*copies, *carried],
        # A page read at two addresses of its own (one canonical URL) is one page, as it is one copy.
        pages=len(outcomes) - (len(read) - len(copies)),
        unmatched=unmatched,
        citing=citing,
        originals=originals,
        problems=problems,
        stories=sorted(p.key for p in story_pages),
    )
    write_reports(config.output, report)
    if not outcomes and not carried and all(source.kind in ("folder", "warc") for source in config.sources):
        raise _nothing_audited(config, problems)
    return report


def _nothing_audited(config: AuditConfig, problems: Sequence[tuple[str, str, str]]) -> ConfigError:
    """The error of an audit whose sources are all files (folders, archives) and that read no page
    from them (an empty folder, one of files that hold no page, an archive of no HTML record): it
    found nothing and would pass, so it fails as an audit of no story does, at the `sources` line,
    with the first problems met (the reports, written, list them all). A site that answered
    nothing is a problem of that site, reported as one (its copies as last read are kept)."""
    path, line, column = config.sources_at or (config.origin, None, None)
    why = "; ".join(f"{visible(where)}: {what}" for _, where, what in problems[:3])
    return ConfigError(
        "no page read from the sources" + (f" ({why})" if why else ""),
        path=path,
        line=line,
        column=column,
        hint=(
            "list sources that hold the partner's pages (saved HTML pages, WARC records of HTML pages); "
            f"{visible(str(config.output / 'report.json'))} lists every problem"
        ),
    )


def open_state(config: AuditConfig) -> tuple[AuditState, bool]:
    """Make the output and state folders, open the state and begin this run (resuming the last one
    of the same configuration: True). A state file (or its HTTP cache) that is not a file, not a
    SQLite database, a database of something else, or cannot be opened or written is a
    `ConfigError` at the `state` line of the audit file (the `output` line for the default state),
    and what is there is left as it is."""
    import sqlite3

    from compliance.audit.state import AuditState, StateUnusable, check_database

    path, line, column = config.state_at or config.output_at or (config.origin, None, None)
    try:
        check_database(config.state)
        check_database(http_cache(config.state))
        make_folders(config)
        state = AuditState(config.state)
    except StateUnusable as exc:
        raise ConfigError(f"cannot keep the audit's state in {exc}", path=path, line=line, column=column, hint=_STATE_HINT) from None
    except (sqlite3.Error, OSError) as exc:
        raise ConfigError(f"cannot keep the audit's state in {config.state}: {_reason(exc)}", path=path, line=line, column=column, hint=_STATE_HINT) from None
    try:
        return state, state.begin(_config_text(config))
    except sqlite3.Error as exc:
        state.close()
        raise ConfigError(f"cannot keep the audit's state in {config.state}: {_reason(exc)}", path=path, line=line, column=column, hint=_STATE_HINT) from None


_STATE_HINT = "give 'state' a new file (or an earlier audit's state) in a folder that can be written to"


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def _audit_batches(
    batches: Iterator[list[Page]],
    audit: Callable[[list[Page]], list[PageOutcome]],
    finished: Callable[[int, Sequence[PageOutcome]], None],
    *,
    in_flight: int,
) -> int:
    """Audit the batches in order, up to `in_flight` at once: while the workers audit one batch, the
    next is read (a WARC decompressed, pages fetched) and sent. `finished(number, outcomes)` is called
    in batch order, from this thread. Returns the number of batches."""
    if in_flight <= 1:
        count = 0
        for count, batch in enumerate(batches, start=1):
            finished(count - 1, audit(batch))
        return count
    from concurrent.futures import Future, ThreadPoolExecutor

    pending: deque[Future[list[PageOutcome]]] = deque()
    count = 0
    with ThreadPoolExecutor(in_flight, thread_name_prefix="audit-batch") as runner:
        try:
            for batch in batches:
                pending.append(runner.submit(audit, batch))
                if len(pending) >= in_flight:
                    finished(count, pending.popleft().result())
                    count += 1
            while pending:
                finished(count, pending.popleft().result())
                count += 1
        finally:
            for future in pending:
                future.cancel()
    return count


def _audit_batch(batch: Sequence[Page], work: AuditWork, basis: str, state: AuditState, mapper: Mapper) -> list[PageOutcome]:
    """The batch's outcomes in page order: stored ones that still hold (same content, same basis, a
    day they hold on), the others audited by `mapper` and stored."""
    stored: dict[str, PageOutcome] = {}
    for page in batch:
        digest = page_digest(page.data)
        known = state.outcome(page.key, digest, basis, work.today)
        if known is not None:
            site, copy, cites, own, holds = known
            stored[page.key] = PageOutcome(page.key, site, digest, copy, reused=True, cites=cites, own=own, holds=holds)
    state.seen(stored)
    todo = [p for p in batch if p.key not in stored]
    # A mapper that joins pages with stories itself (the shuffle join on a Dask cluster) is given the pages.
    join_pages = getattr(mapper, "join_pages", None)
    done: list[PageOutcome] = join_pages(todo, work) if join_pages is not None and todo else mapper(audit_page, todo, work)
    # A page that refused to be read is read again next time, and is a problem again.
    state.record(((o.key, o.site, o.digest, o.copy, o.cites, o.own, o.holds) for o in done if not o.problem), basis)
    fresh = {o.key: o for o in done}
    return [stored.get(page.key) or fresh[page.key] for page in batch]


class Crawl:
    """What this run's crawl (the sources it fetches: sitemaps, feeds, URL lists) read and failed
    to read, by site, as the pages and problems of those sources pass through `note`."""

    def __init__(self) -> None:
        self.fetched: set[str] = set()
        self.failed: set[str] = set()

    def note(self, source: Locator, items: Iterable[Page | Problem]) -> Iterator[Page | Problem]:
        """`items` as they are, the sites of a fetched source's pages and problems noted on the way."""
        fetched = source.kind in ("sitemap", "feed", "urls")
        for item in items:
            if fetched:
                (self.failed if isinstance(item, Problem) else self.fetched).add(item.site)
            yield item

    def read(self, audited: Collection[str]) -> set[str]:
        """The sites read in this run, of the sites of the pages `audited`: a site the crawl fetched a
        page from, or one whose crawl had no problem. A site whose crawl failed whole is not read,
        whatever archives or saved pages were filed under its host: its crawled copies are carried."""
        return self.fetched | {site for site in audited if site not in self.failed}


def carried_over(
    problems: Sequence[tuple[str, str, str]], read: Collection[str], addresses: Mapping[str, Sequence[str]], state: AuditState, basis: str
) -> tuple[list[CheckedCopy], list[tuple[str, str, str]]]:
    """The copies this run could not read, as the last earlier run that read their site reported
    them (`AuditState.last_known_copies`: the same addresses, the same verdicts), each marked with
    that run's date (`from_earlier_run`, kept when that run had carried the copy itself) and why
    (`carried_because`), and the problems to add: a partner whose site or page is down is not
    "compliant by absence". Only copies audited on this run's `basis` are carried (a verdict of
    other packs or stories would not be this audit's).

    - A site with a problem in this run (its sitemap or feed not read, its robots.txt or pages
      unanswered) and no page read from it: all its copies, `site not reached`.
    - Such a site whose every problem is its own robots.txt forbidding the audit (it answered, and
      forbids crawling): all its copies, `robots.txt forbids crawling`, and one problem of its own
      at its robots.txt. A partner that shuts the licensor's crawler out does not shed its verdicts.
    - A site read in this run: each copy of a page that failed in this run (no answer, a server
      error, robots.txt) and was not read at another of its addresses, `page not read`. A page the
      site says is gone (`HTTP 404`, `HTTP 410`, any 4xx but 429) or that is no HTML page is not carried.
    - A site read in this run, one of whose sitemaps (an index's child) or feeds was not: each copy
      of a page it listed when last read (`AuditState.last_listed`) and not read in this run at any
      of its addresses, `its sitemap or feed not read`.
    """
    failed: dict[str, list[tuple[str, str]]] = {}
    # A site is one the audit fetches from: an archive's or a saved folder's problem is no site down.
    for site, where, what in problems:
        if is_http_url(where):
            failed.setdefault(site, []).append((where, what))
    carried: list[CheckedCopy] = []
    more: list[tuple[str, str, str]] = []
    for site, unread in sorted(failed.items()):
        when, known = state.last_known_copies(site, basis)
        # As reported they are one per page already; copies stored page by page (a state kept before
        # reports were) are made so here.
        copies = one_copy_per_page(known, {})
        if site in read:
            carried.extend(_pages_not_read(copies, when, unread, addresses))
            carried.extend(_listed_not_read(copies, when, unread, addresses, state, carried))
            continue
        because = ROBOTS_FORBID if all(robots_refusal(what) for _, what in unread) else SITE_NOT_REACHED
        if because == ROBOTS_FORBID:
            more.append((site, robots_txt_url(unread[0][0]), ROBOTS_FORBIDS_SITE))
        # A copy read in this run (an archive's record, a saved page filed under the site's host) is reported as read.
        kept = (copy for copy in copies if not any(address_key(url) in addresses for url in (copy.url, *copy.also_at)))
        carried.extend(replace(copy, from_earlier_run=copy.from_earlier_run or when, carried_because=because) for copy in kept)
    return carried, more


# The problems of a sitemap or feed (what lists pages) not read, and of all that lists pages, not of a page.
UNREAD_LISTING = ("sitemap not read", "feed not read")
LISTING_PROBLEMS = (*UNREAD_LISTING, "sitemap loop")
# The problem of a site whose robots.txt forbids the audit everything it would read there.
ROBOTS_FORBIDS_SITE = "robots.txt forbids crawling what the audit reads on this site: nothing of it read; its copies as last read are kept"
# A page the site answered is gone, or is no page: its copy is not carried.
_GONE = re.compile(r"^(?:HTTP 4(?!29)\d\d\b|not an HTML page)")


def robots_txt_url(url: str) -> str:
    """The robots.txt URL of the host `url` is on (`http://host:port/robots.txt`)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def _pages_not_read(
    copies: Sequence[CheckedCopy], when: str, unread: Sequence[tuple[str, str]], addresses: Mapping[str, Sequence[str]]
) -> Iterator[CheckedCopy]:
    """The earlier copies (see `carried_over`) of the pages that failed in this run and were read at
    none of their addresses."""
    failed = {address_key(where) for where, what in unread if not _GONE.match(what)}
    for copy in copies:
        keys = {address_key(url) for url in (copy.url, *copy.also_at)}
        if keys & failed and not any(key in addresses for key in keys):
            yield replace(copy, from_earlier_run=copy.from_earlier_run or when, carried_because=PAGE_NOT_READ)


def _listed_not_read(
    copies: Sequence[CheckedCopy],
    when: str,
    unread: Sequence[tuple[str, str]],
    addresses: Mapping[str, Sequence[str]],
    state: AuditState,
    carried: Sequence[CheckedCopy],
) -> Iterator[CheckedCopy]:
    """The earlier copies (see `carried_over`) of the pages listed by a sitemap or feed not read in
    this run, when last read, that were read at none of their addresses and are not in `carried`."""
    listing = [where for where, what in unread if what.startswith(UNREAD_LISTING)]
    if not listing:
        return
    listed = {address_key(url) for where in listing for url in state.last_listed(where)}
    already = {(copy.story, copy.url) for copy in carried}
    for copy in copies:
        keys = {address_key(url) for url in (copy.url, *copy.also_at)}
        if keys & listed and not any(key in addresses for key in keys) and (copy.story, copy.url) not in already:
            yield replace(copy, from_earlier_run=copy.from_earlier_run or when, carried_because=LISTING_NOT_READ)


def _write_partition(folder: Path, number: int, outcomes: Sequence[PageOutcome]) -> None:
    """One JSON-lines partition of per-page results (url, site, digest, copy or null, cites or null; `copy_fields`), written atomically."""
    from compliance.outputs import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    lines = (
        json.dumps(
            {"url": o.key, "site": o.site, "digest": o.digest, "copy": copy_fields(o.copy) if o.copy else None, "cites": o.cites or None}, ensure_ascii=False
        )
        for o in outcomes
    )
    write_atomic(folder / f"part-{number:05d}.jsonl", "".join(json_output(line) + "\n" for line in lines))


# A copy's text fields that may say nothing ("" in `CheckedCopy`), written null as `report.json` writes them.
_NULL_WHEN_EMPTY = ("published", "from_earlier_run", "carried_because", "canonical")


def copy_fields(copy: CheckedCopy) -> dict[str, Any]:
    """A copy as a per-page line gives it: every field of `CheckedCopy`, one that says nothing
    (no publication date, read in this run, no canonical URL on its site) as null, as in `report.json`."""
    fields = asdict(copy)
    for name in _NULL_WHEN_EMPTY:
        fields[name] = fields[name] or None
    return fields


def _drop_partitions(folder: Path, *, keep: int) -> None:
    """Remove the partitions a longer earlier run left beyond the `keep` this run wrote."""
    for stale in folder.glob("part-*.jsonl") if folder.is_dir() else ():
        suffix = stale.stem.removeprefix("part-")
        if suffix.isdigit() and int(suffix) >= keep:
            stale.unlink()


# Bumped when what a stored outcome holds changes (2: evidence ranked by severity, not the first
# findings; 3: a page sharing only a quotation cites the story, whatever its own length; 4: a copy
# checked on its own publication date, whose verdict on an embargo holds on every day): an
# outcome stored in another form is checked again, not reused.
OUTCOME_FORM = 4


def audit_basis(stories: Sequence[Page], threshold: float, pack: Pack) -> str:
    """What a page's outcome depends on besides its own content: syndcheck's version, the pack the
    copies are checked with (its id and its file), the rule packs' files, the stories (keys and
    contents) and the threshold (a SHA-256, hex). An outcome stored on another basis is not reused."""
    from compliance import __version__
    from compliance.api import load_packs
    from compliance.inputs import read_regular

    digest = hashlib.sha256(f"{__version__}\n{OUTCOME_FORM}\n{threshold!r}\n".encode())
    # The chosen pack first, by id and rules: the same pack files audited with another pack check other rules.
    digest.update(b"pack\0" + pack.id.encode() + b"\0" + read_regular(Path(pack.origin), limit=None) + b"\0")
    for origin in sorted({p.origin for p in load_packs()}):
        digest.update(origin.encode() + b"\0" + read_regular(Path(origin), limit=None))
    for page in sorted(stories, key=lambda p: p.key):
        digest.update(page.key.encode() + b"\0" + page_digest(page.data).encode())
    return digest.hexdigest()


def _config_text(config: AuditConfig) -> str:
    # What makes two runs the same audit (a run stopped midway is resumed only by the same configuration).
    return repr((config.pack, config.stories, config.sources, config.threshold))


# How the problem of a story's file or page that holds no article starts.
STORY_NOT_READ = "story not read"


def _stories(config: AuditConfig, items: Iterable[Page | Problem], problems: list[tuple[str, str, str]]) -> list[Page]:
    """The story pages (problems go to `problems`); a `ConfigError` at the `stories` line of the
    audit file when there is none: an audit of no story would find nothing and pass. A file or
    page that holds no article (empty, white space alone, binary data such as a PNG image:
    `compliance.decoding.not_an_article`) is no story: it is a problem named by its file or URL,
    `story not read: empty`, and never a story with no copies. A story file's problems (this one,
    or a file of the folder not read) are filed under the file's path, as the report names
    stories, never under a site; a story page's under its host."""
    from compliance.decoding import not_an_article

    known = len(problems)
    pages = []
    # A story file is no partner's site: its problems are filed under its path, as the stories are named.
    on_file = config.stories.kind == "folder"
    items = (replace(item, site=item.where) if on_file and isinstance(item, Problem) else item for item in items)
    for page in _unique(items, problems):
        why = not_an_article(page.data)
        if why is None:
            pages.append(page)
        else:
            problems.append((page.key if on_file else page.site, page.key, f"{STORY_NOT_READ}: {why}"))
    if pages:
        return pages
    path, line, column = config.stories_at or (config.origin, None, None)
    where = config.stories.where[0]
    why = "; ".join(what if url == where else f"{visible(url)}: {what}" for _, url, what in problems[known:][:3])
    if config.stories.kind == "folder":
        found = f"no story in {visible(where)}" + (f" that could be read ({why})" if why else "")
        from compliance.inputs import ARTICLE_SUFFIXES

        hint = f"the stories' folder holds the publisher's pages ({', '.join(ARTICLE_SUFFIXES)} files)"
    else:
        found = f"no story read from the {config.stories.kind} {visible(where)}" + (f" ({why})" if why else "")
        hint = f"check that the {config.stories.kind} answers and lists the publisher's stories"
    raise ConfigError(found, path=path, line=line, column=column, hint=hint)


def page_batches(pages: Iterable[Page], most_pages: int, most_bytes: int) -> Iterator[list[Page]]:
    """`pages` in lists of at most `most_pages` pages, each ended early once its pages hold
    `most_bytes` bytes or more (a page larger than that is a batch of its own), in order."""
    batch: list[Page] = []
    held = 0
    for page in pages:
        batch.append(page)
        held += len(page.data)
        if len(batch) >= most_pages or held >= most_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _unique(
    items: Iterable[Page | Problem],
    problems: list[tuple[str, str, str]],
    addresses: dict[str, list[str]] | None = None,
    redirecting: dict[str, list[str]] | None = None,
) -> Iterator[Page]:
    """The pages, the first of each address (`address_key`) and of each content read there, as they
    are read; problems go to `problems`, and every address each page was read at to `addresses`
    (by `address_key` key, in the order read) when given: a page read again at another address
    of it with the same bytes is not audited again, and the report names the page by the cleanest;
    one whose bytes differ (an archived capture at `?utm_source=x` that is another page) is audited
    too, so that its verdict is never merged away (`one_copy_per_page`). The listed addresses that
    redirected to a page (`Page.listed_at`) go to `redirecting`, by the same key, when given."""
    seen: dict[str, list[str]] = {} if addresses is None else addresses
    contents: dict[str, set[bytes]] = {}
    taken: set[str] = set()
    for item in items:
        if isinstance(item, Problem):
            problems.append((item.site, item.where, item.what))
            continue
        key = address_key(item.key)
        if item.listed_at and redirecting is not None and item.listed_at not in redirecting.setdefault(key, []):
            redirecting[key].append(item.listed_at)
        digest = hashlib.sha256(item.data).digest()
        again = key in seen and item.key in seen[key]
        fresh = key not in seen or digest not in contents.get(key, set())
        if item.key not in seen.setdefault(key, []):
            seen[key].append(item.key)
        if fresh:
            contents.setdefault(key, set()).add(digest)
            # An address read again with other bytes (an archive's later capture of it, or the live
            # page after an old archive) is another capture: audited and reported too, under the
            # address marked with its capture (`capture_key`), whichever source was read first.
            page = replace(item, key=capture_key(item, taken)) if again else item
            taken.add(page.key)
            yield page


def capture_key(page: Page, taken: Collection[str]) -> str:
    """The key of another capture of an address already read: the address with a fragment naming
    the capture, `#captured-2024-05-01T12:00:00Z` (the archive record's `WARC-Date`), or
    `#read-again` for a page read live; numbered (`-2`) when that is taken too."""
    base = page.key.split("#", 1)[0] + (f"#captured-{page.captured}" if page.captured else "#read-again")
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


def with_redirecting_addresses(copies: Sequence[CheckedCopy], redirecting: Mapping[str, Sequence[str]]) -> list[CheckedCopy]:
    """The copies with the listed addresses that redirected to each (`_unique`'s `redirecting`,
    by `address_key` key) added to its `also_at`, after the addresses it was read at: a sitemap's
    address that only redirects to a copy is one of that copy's addresses, never a copy of its own
    nor the address it is reported at."""
    joined = []
    for copy in copies:
        known = (copy.url, *copy.also_at)
        extra = [url for at in known for url in redirecting.get(address_key(at), ()) if url not in known]
        joined.append(replace(copy, also_at=(*copy.also_at, *dict.fromkeys(extra))) if extra else copy)
    return joined


def with_unread_addresses(addresses: Mapping[str, Sequence[str]], problems: Sequence[tuple[str, str, str]]) -> dict[str, list[str]]:
    """`addresses` (every address each page was read at, by `address_key` key) with the addresses
    of those pages that failed in this run (a server error, no answer, robots.txt) added after
    them: a page read at its AMP address while its own address answered 503 is still the page at
    its own address, and is reported there, as in a run that read both. An address the site says
    is gone (`HTTP 404`, `HTTP 410`, any 4xx but 429) or that is no HTML page is not the page's."""
    joined = {key: list(urls) for key, urls in addresses.items()}
    for _, where, what in problems:
        key = address_key(where)
        if key in joined and where not in joined[key] and is_http_url(where) and not _GONE.match(what) and not what.startswith(LISTING_PROBLEMS):
            joined[key].append(where)
    return joined


def one_copy_per_page(copies: Sequence[CheckedCopy], addresses: Mapping[str, Sequence[str]]) -> list[CheckedCopy]:
    """The copies with each page once: copies of one story on one site are one page when an address
    of one is an address of the other by `address_key` (tracking parameters, `http`/`https`, a trailing
    slash; `addresses` gives, by `address_key` key, every address a page was read at), or when they
    name the same canonical URL on that site. Each such page is reported under its canonical URL
    when that is one of its addresses, else under its cleanest (`_cleanness`), with its verdict as
    read at that address (else at its cleanest address read), and the others in `also_at`.

    Addresses of one page whose copies the check found otherwise (other findings: a print page
    without the credit line whose canonical link names the compliant article, an archived
    capture at `?utm_source=x` that differs) are never merged away: each verdict is a copy of its
    own, with its own findings and evidence, and the addresses read with it in `also_at` (an
    address not read in this run goes with the verdict reported at the page's first address)."""
    groups: dict[int, list[CheckedCopy]] = {}
    owner: dict[tuple[str, str, str], int] = {}
    for number, copy in enumerate(copies):
        keys = [(copy.site, copy.story, address_key(url)) for url in (copy.url, _own_canonical(copy)) if url]
        joined = sorted({owner[key] for key in keys if key in owner})
        group = joined[0] if joined else number
        members = groups.setdefault(group, [])
        for other in joined[1:]:
            members.extend(groups.pop(other))
        members.append(copy)
        for member in members:
            for url in (member.url, _own_canonical(member)):
                if url:
                    owner[(member.site, member.story, address_key(url))] = group
    return [copy for members in groups.values() for copy in _one_copy_per_verdict(members, addresses)]


def _one_copy_per_verdict(members: Sequence[CheckedCopy], addresses: Mapping[str, Sequence[str]]) -> list[CheckedCopy]:
    """One page's copies (see `one_copy_per_page`) as one copy for each verdict (its findings and
    errors) they were read with, the verdict of the cleanest address first."""
    verdicts: dict[tuple[tuple[str, ...], tuple[str, ...]], list[CheckedCopy]] = {}
    for copy in sorted(members, key=lambda c: _cleanness(c.url)):
        verdicts.setdefault((copy.findings, copy.errors), []).append(copy)
    if len(verdicts) == 1:
        return [_one_copy(members, addresses)]
    urls = {copy.url for copy in members}
    kept: list[CheckedCopy] = []
    for number, same in enumerate(verdicts.values()):
        # Another verdict's addresses are that copy's; an address read at none goes with the first.
        elsewhere = urls - {copy.url for copy in same}
        own = {copy.url: [u for u in addresses.get(address_key(copy.url), ()) if u not in elsewhere and (number == 0 or u in urls)] for copy in same}
        kept.append(_one_copy(same, own, keyed=False))
    return kept


def _one_copy(members: Sequence[CheckedCopy], addresses: Mapping[str, Sequence[str]], *, keyed: bool = True) -> CheckedCopy:
    """One page's copies (see `one_copy_per_page`) as the one copy reported: `addresses` gives
    the addresses each was read at by `address_key` (by the copy's URL when not `keyed`)."""
    read = {copy.url: [*addresses.get(address_key(copy.url) if keyed else copy.url, ()), copy.url] for copy in members}
    every = sorted({url for urls in read.values() for url in urls}, key=_cleanness)
    named = [_own_canonical(c) for c in members]
    # (Split by verdict, a page's addresses share a key with another verdict's: its canonical URL must be read here.)
    canonical = next((url for url in named if url and any(address_key(at) == address_key(url) if keyed else at == url for at in every)), "")
    shown = canonical or every[0]
    chosen = min(members, key=lambda c: (not any(address_key(url) == address_key(shown) for url in read[c.url]), _cleanness(c.url)))
    if len(every) == 1 and shown == chosen.url:
        return chosen
    return replace(chosen, url=shown, also_at=tuple(url for url in every if url != shown))


def _own_canonical(copy: CheckedCopy) -> str:
    """The copy's canonical URL when it is on the copy's own site, else "": a copy keeps the
    original's canonical URL (republishing plugins), which says nothing of the partner's addresses."""
    return copy.canonical if copy.canonical and host_of(copy.canonical) == copy.site else ""


def _cleanness(url: str) -> tuple[int, int, int, int, int, str]:
    """How clean an address is, cleanest least: no tracking parameter or AMP marker, `https`, no
    query, no fragment, then the shortest."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return (1, 1, 1, 1, len(url), url)
    query = [part for part in parts.query.split("&") if part]
    marked = amp_path(parts.path) or any(is_tracking_parameter(part.partition("=")[0]) or is_amp_marker(part) for part in query)
    return (int(marked), int(parts.scheme.lower() != "https"), int(bool(parts.query)), int(bool(parts.fragment)), len(url), url)


def address_key(key: str) -> str:
    """A page's key by its address (`compliance.urls.page_key`: scheme, fragment, tracking
    parameters, AMP marker and trailing slash set aside), or the key itself when it is no address
    a browser can read: a saved page's path, or a URL that only ever names itself."""
    return page_key(key) or key


def write_reports(folder: Path, report: dict[str, object]) -> None:
    """Write report.json, sites.csv, stories.csv and dashboard.html atomically into `folder`."""
    from compliance.outputs import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    # Shown safely as the CLI's JSON is: page text and URLs keep no raw control or bidi character.
    write_atomic(folder / "report.json", json_output(json.dumps(report, indent=2, ensure_ascii=False)) + "\n")
    write_atomic(folder / "sites.csv", sites_csv(report))
    write_atomic(folder / "stories.csv", stories_csv(report))
    write_atomic(folder / "dashboard.html", dashboard_html(report))
