"""`syndcheck audit`: read the stories, read every source, match copies to stories, check each copy
with the pack through the checker's one document path, and write the reports."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from compliance.audit.config import AuditConfig, parse_audit_config
from compliance.audit.matching import Match, PageText, match_pages, shingles
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


@dataclass(frozen=True, slots=True)
class Parsed:
    """A page parsed once: its document and what matching needs of it."""

    page: Page
    doc: Document
    text: PageText


def parse_page(page: Page, outlets: frozenset[str]) -> Parsed:
    """Parse one page (once) and take its article text, absolute links and own URLs."""
    doc = parse_document(page.data, page.kind, outlets=outlets)  # type: ignore[arg-type]
    base = page.key if page.key.startswith(("http://", "https://")) else (doc.canonical[0] if doc.canonical else "")
    links = frozenset(urljoin(base, link.href) for link in doc.links if link.href)
    urls = frozenset(u for u in (*doc.canonical, page.key) if u.startswith(("http://", "https://")))
    words = shingles(" ".join(b.text for b in doc.article_blocks))
    return Parsed(page, doc, PageText(page.key, words, links, urls))


def site_of(parsed: Parsed) -> str:
    """A saved page's site is its canonical URL's host; a fetched or archived page's is its own."""
    from compliance.audit.fetching import host_of

    if parsed.page.site.startswith("saved:") and parsed.doc.canonical:
        return host_of(parsed.doc.canonical[0]) or parsed.page.site
    return parsed.page.site


def check_copy(copy: Parsed, story: Parsed, match: Match, pack: Pack) -> CheckedCopy:
    """Check one copy against the pack, with the original story's URL as metadata."""
    from compliance.engine import check_document

    meta = {"original_url": next(iter(sorted(story.text.urls)), "")} if story.text.urls else {}
    report = check_document(copy.doc, [pack], path=copy.page.key, auto_detect=False, meta=meta)
    findings = tuple(sorted({f.rule for f in report.findings}))
    errors = tuple(sorted({f.rule for f in report.findings if f.severity is Severity.ERROR}))
    evidence = tuple(f"{f.rule}: {f.message}" for f in report.findings[:3])
    return CheckedCopy(match.story, copy.page.key, site_of(copy), match.similarity, match.matched_by, findings, errors, evidence)


def choose_pack(pack_id: str) -> Pack:
    """The configured pack, by id among the built-in packs (PackError with a suggestion when unknown)."""
    from compliance.packfiles import load_packs, select_packs

    return select_packs(load_packs(()), [pack_id])[0]


def run_audit(config: AuditConfig, *, progress: Callable[[str], None] | None = None) -> dict[str, object]:
    """Run the whole audit and write its reports into `config.output`; returns the JSON report."""
    pack = choose_pack(config.pack)
    outlets = frozenset(pack.outlets)
    needs_web = config.stories.kind in ("sitemap", "feed") or any(s.kind in ("sitemap", "feed", "urls") for s in config.sources)
    from compliance.audit.state import AuditState

    state = AuditState(config.state)
    sites: SiteReader | None = None
    fetcher = None
    if needs_web:
        from compliance.audit.fetching import Fetcher

        fetcher = Fetcher(config.fetch)
        sites = SiteReader(fetcher, state)
    problems: list[tuple[str, str, str]] = []
    try:
        stories = _parsed(_story_pages(config, sites), outlets, problems)
        if progress:
            progress(f"{len(stories)} stories read")
        pages: list[Parsed] = []
        for source in config.sources:
            pages.extend(_parsed(read_source(source, sites), outlets, problems))
        if progress:
            progress(f"{len(pages)} pages read")
    finally:
        if fetcher is not None:
            fetcher.close()
        state.close()
    matches = match_pages([s.text for s in stories], [p.text for p in pages], threshold=config.threshold)
    by_story = {s.page.key: s for s in stories}
    by_page = {p.page.key: p for p in pages}
    copies = [check_copy(by_page[m.copy], by_story[m.story], m, pack) for m in matches]
    report = build_report(copies, pages=len(pages), unmatched=len(pages) - len(matches), problems=problems, stories=sorted(by_story))
    write_reports(config.output, report)
    return report


def _story_pages(config: AuditConfig, sites: SiteReader | None) -> Iterable[Page | Problem]:
    if config.stories.kind == "folder":
        return folder_pages(Path(config.stories.where[0]))
    return read_source(config.stories, sites)


def _parsed(items: Iterable[Page | Problem], outlets: frozenset[str], problems: list[tuple[str, str, str]]) -> list[Parsed]:
    parsed: dict[str, Parsed] = {}
    for item in items:
        if isinstance(item, Problem):
            problems.append((item.site, item.where, item.what))
        elif item.key not in parsed:
            parsed[item.key] = parse_page(item, outlets)
    return list(parsed.values())


def write_reports(folder: Path, report: dict[str, object]) -> None:
    """Write report.json, sites.csv, stories.csv and dashboard.html atomically into `folder`."""
    from compliance.outputs import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / "report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    write_atomic(folder / "sites.csv", sites_csv(report))
    write_atomic(folder / "stories.csv", stories_csv(report))
    write_atomic(folder / "dashboard.html", dashboard_html(report))
