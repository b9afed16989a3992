"""`syndcheck audit`: read the stories, read every source, match copies to stories, check each copy
with the pack through the checker's one document path, and write the reports."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from compliance.audit.config import AuditConfig, parse_audit_config
from compliance.audit.fetching import host_of
from compliance.audit.matching import Match, PageText, match_pages, shingles, signature
from compliance.audit.report import CheckedCopy, build_report, dashboard_html, sites_csv, stories_csv
from compliance.audit.sources import Page, Problem, SiteReader, folder_pages, read_source
from compliance.document import Document, parse_document
from compliance.errors import ConfigError
from compliance.findings import Severity
from compliance.packs import Pack


def load_audit_config(path: Path) -> AuditConfig:
    """Read and validate an `audit.yaml` (ConfigError with file:line on any mistake)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the audit file: {exc.strerror if isinstance(exc, OSError) else 'not UTF-8'}", path=str(path)) from None
    return parse_audit_config(text, path)


Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]


def local_map(function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """The single-process mapper."""
    return [function(item) for item in items]


def page_text(page: Page, outlets: frozenset[str] = frozenset()) -> PageText:
    """Parse one page and take what matching needs: article shingles, absolute links, own URLs, site, MinHash signature.

    A pure function of the page, run by the workers of a distributed audit.
    """
    doc = parse_document(page.data, page.kind, outlets=outlets)  # type: ignore[arg-type]
    base = page.key if page.key.startswith(("http://", "https://")) else (doc.canonical[0] if doc.canonical else "")
    links = frozenset(urljoin(base, link.href) for link in doc.links if link.href)
    urls = frozenset(u for u in (*doc.canonical, page.key) if u.startswith(("http://", "https://")))
    words = shingles(" ".join(b.text for b in doc.article_blocks))
    site = page.site
    if site.startswith("saved:") and doc.canonical:
        # A saved page's site is its canonical URL's host.
        site = host_of(doc.canonical[0]) or site
    return PageText(page.key, words, links, urls, site, signature(words) if words else None)


def check_copy(item: tuple[Page, PageText, Page, PageText, Match], pack_id: str) -> CheckedCopy:
    """Check one copy with the pack and with its original story (the compare-with-the-original kinds), through the checker's one document path.

    The story is given as the `original` metadata and read from its bytes, as `--original` does; its URL is the `original_url`.
    """
    from compliance.api import load_packs
    from compliance.engine import check_bytes
    from compliance.packfiles import select_packs

    page, copy, story_page, story, match = item
    pack = select_packs(list(load_packs()), [pack_id])[0]
    meta = {"original": story_page.key}
    if story.urls:
        meta["original_url"] = sorted(story.urls)[0]

    def load_original(_: str) -> Document:
        return parse_document(story_page.data, story_page.kind, outlets=frozenset(pack.outlets))  # type: ignore[arg-type]

    report = check_bytes(page.data, page.kind, [pack], path=page.key, auto_detect=False, meta=meta, load_original=load_original)  # type: ignore[arg-type]
    findings = tuple(sorted({f.rule for f in report.findings}))
    errors = tuple(sorted({f.rule for f in report.findings if f.severity is Severity.ERROR}))
    evidence = tuple(f"{f.rule}: {f.message}" for f in report.findings[:3])
    return CheckedCopy(match.story, page.key, copy.site, match.similarity, match.matched_by, findings, errors, evidence)


def choose_pack(pack_id: str) -> Pack:
    """The configured pack, by id among the built-in packs (PackError with a suggestion when unknown)."""
    from compliance.api import load_packs
    from compliance.packfiles import select_packs

    return select_packs(list(load_packs()), [pack_id])[0]


def read_pages(config: AuditConfig, *, progress: Callable[[str], None] | None = None) -> tuple[list[Page], list[Page], list[tuple[str, str, str]]]:
    """The stories, the pages of every source (first of each key kept) and the problems met; fetched pages go through the state."""
    from compliance.audit.state import AuditState

    needs_web = config.stories.kind in ("sitemap", "feed") or any(s.kind in ("sitemap", "feed", "urls") for s in config.sources)
    state = AuditState(config.state)
    sites: SiteReader | None = None
    fetcher = None
    if needs_web:
        from compliance.audit.fetching import Fetcher

        fetcher = Fetcher(config.fetch)
        sites = SiteReader(fetcher, state)
    problems: list[tuple[str, str, str]] = []
    try:
        stories = _unique(_story_pages(config, sites), problems)
        if progress:
            progress(f"{len(stories)} stories read")
        pages = _unique((item for source in config.sources for item in read_source(source, sites)), problems)
        if progress:
            progress(f"{len(pages)} pages read")
    finally:
        if fetcher is not None:
            fetcher.close()
        state.close()
    return stories, pages, problems


def run_audit(config: AuditConfig, *, progress: Callable[[str], None] | None = None, mapper: Mapper = local_map) -> dict[str, object]:
    """Run the whole audit and write its reports into `config.output`; returns the JSON report.

    `mapper` maps a picklable function over a list: the single-process loop, or a Dask bag's map
    (`compliance.audit.distributed`); reading and the LSH join run here, parsing, signatures and checks in the mapper.
    """
    pack = choose_pack(config.pack)
    outlets = frozenset(pack.outlets)
    stories, pages, problems = read_pages(config, progress=progress)
    texts = mapper(partial(page_text, outlets=outlets), stories + pages)
    story_texts, page_texts = texts[: len(stories)], texts[len(stories) :]
    matches = match_pages(story_texts, page_texts, threshold=config.threshold)
    by_story = {t.key: t for t in story_texts}
    story_pages = {p.key: p for p in stories}
    by_page = {t.key: (p, t) for p, t in zip(pages, page_texts, strict=True)}
    work = [(by_page[m.copy][0], by_page[m.copy][1], story_pages[m.story], by_story[m.story], m) for m in matches]
    copies = mapper(partial(check_copy, pack_id=pack.id), work)
    report = build_report(copies, pages=len(pages), unmatched=len(pages) - len(matches), problems=problems, stories=sorted(by_story))
    write_reports(config.output, report)
    return report


def _story_pages(config: AuditConfig, sites: SiteReader | None) -> Iterable[Page | Problem]:
    if config.stories.kind == "folder":
        return folder_pages(Path(config.stories.where[0]))
    return read_source(config.stories, sites)


def _unique(items: Iterable[Page | Problem], problems: list[tuple[str, str, str]]) -> list[Page]:
    pages: dict[str, Page] = {}
    for item in items:
        if isinstance(item, Problem):
            problems.append((item.site, item.where, item.what))
        else:
            pages.setdefault(item.key, item)
    return list(pages.values())


def write_reports(folder: Path, report: dict[str, object]) -> None:
    """Write report.json, sites.csv, stories.csv and dashboard.html atomically into `folder`."""
    from compliance.outputs import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / "report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    write_atomic(folder / "sites.csv", sites_csv(report))
    write_atomic(folder / "stories.csv", stories_csv(report))
    write_atomic(folder / "dashboard.html", dashboard_html(report))
