"""The Python API for CMS plugins and scripts: check an article held in memory.

Stable and typed; no file is read except the built-in rule packs (once per process) and no output
is printed. Everything returned is an immutable value object from `compliance.findings`.

    >>> from compliance.api import check_html
    >>> report = check_html(html, meta={"reporter": "Jake Smith"})
    >>> [f.rule for f in report.findings]
    ['dcnf/logo']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

from compliance.document import DocumentKind, parse_document
from compliance.engine import check_document
from compliance.findings import Detection, Finding, Location, Notice, Passed, Report, Severity
from compliance.packs import Pack

__all__ = [
    "Detection",
    "Finding",
    "Location",
    "Notice",
    "Pack",
    "Passed",
    "Report",
    "Severity",
    "check_bytes",
    "check_html",
    "check_markdown",
    "check_text",
    "load_packs",
]


@functools.lru_cache(maxsize=8)
def _cached_packs(extra: tuple[str, ...]) -> tuple[Pack, ...]:
    from compliance.packfiles import load_packs as load

    return tuple(load([Path(p) for p in extra]))


def load_packs(extra: Sequence[str | Path] = ()) -> tuple[Pack, ...]:
    """The built-in packs plus packs from files or directories (loaded once per process)."""
    return _cached_packs(tuple(str(p) for p in extra))


def _check(content: str | bytes, kind: DocumentKind, *, packs: Sequence[str] | Sequence[Pack] | None, meta: Mapping[str, str] | None, path: str) -> Report:
    available = load_packs()
    chosen: list[Pack]
    if packs is None:
        chosen, auto = list(available), True
    else:
        by_id = {p.id: p for p in available}
        chosen = [p if isinstance(p, Pack) else by_id[p] for p in packs]
        auto = False
    outlets = frozenset(o for pack in available for o in pack.outlets)
    return check_document(parse_document(content, kind, outlets=outlets), chosen, path=path, auto_detect=auto, meta=meta)


def check_html(
    html: str | bytes, *, packs: Sequence[str] | Sequence[Pack] | None = None, meta: Mapping[str, str] | None = None, path: str = "<html>"
) -> Report:
    """Check an HTML article; without `packs`, the packs are chosen by auto-detection.

    `packs` may name built-in packs (`["dcnf"]`) or pass `Pack` objects from `load_packs`; `meta`
    gives values about the article that rules can require (`reporter`, `original_url`, …).
    Raises KeyError for an unknown pack id.
    """
    return _check(html, "html", packs=packs, meta=meta, path=path)


def check_text(
    text: str | bytes, *, packs: Sequence[str] | Sequence[Pack] | None = None, meta: Mapping[str, str] | None = None, path: str = "<text>"
) -> Report:
    """Check a plain-text article (each line a block, as text extraction renders a page)."""
    return _check(text, "text", packs=packs, meta=meta, path=path)


def check_markdown(
    markdown: str | bytes, *, packs: Sequence[str] | Sequence[Pack] | None = None, meta: Mapping[str, str] | None = None, path: str = "<markdown>"
) -> Report:
    """Check a Markdown article; YAML front matter supplies article metadata."""
    return _check(markdown, "markdown", packs=packs, meta=meta, path=path)


def check_bytes(item: tuple[str, bytes]) -> Report:
    """Check one `(path, bytes)` pair: the kind comes from the extension, packs by auto-detection.

    This is the unit of work for distributed engines (a Dask bag, a Spark `mapPartitions`): a pure,
    picklable function of the document's bytes; each worker process loads the packs once.
    """
    from compliance.engine import check_bytes as check
    from compliance.inputs import kind_for

    path, data = item
    return check(data, kind_for(path), load_packs(), path=path)
