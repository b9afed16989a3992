"""CMS JSON payloads: what a CMS is about to publish, posted as one JSON object, an array of them,
or a JSON-lines stream, each with the article HTML and fields such as headline, byline, original
URL and source publisher. Each object is checked as its own article, with those fields as its
metadata (rules can require them, e.g. `{{meta.original_url}}`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

HTML_FIELDS = ("html", "content", "body", "body_html", "article_html")
ID_FIELDS = ("id", "path", "url", "slug")
# Payload field → metadata key rules use.
META_FIELDS = {
    "headline": "headline",
    "title": "headline",
    "byline": "byline",
    "reporter": "reporter",
    "author": "reporter",
    "original_url": "original_url",
    "canonical_url": "original_url",
    "source_url": "original_url",
    "source_publisher": "source_publisher",
    "publisher": "source_publisher",
    "publication_date": "publication_date",
    "published": "publication_date",
    "original_headline": "original_headline",
}


@dataclass(frozen=True, slots=True)
class CmsArticle:
    """One article from a payload: a display name, its HTML, and its metadata."""

    name: str
    html: str
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CmsProblem:
    """An object of the payload that is not an article, and why."""

    name: str
    reason: str


def _article(obj: Any, name: str) -> CmsArticle | CmsProblem:
    if not isinstance(obj, dict):
        return CmsProblem(name, f"expected a JSON object, got {type(obj).__name__}")
    html = next((obj[key] for key in HTML_FIELDS if isinstance(obj.get(key), str)), None)
    if html is None:
        return CmsProblem(name, f"no article HTML (one of the fields {', '.join(HTML_FIELDS)})")
    label = next((str(obj[key]) for key in ID_FIELDS if isinstance(obj.get(key), str | int) and str(obj[key]).strip()), None)
    meta = {target: str(obj[source]).strip() for source, target in META_FIELDS.items() if isinstance(obj.get(source), str | int | float)}
    extra = obj.get("meta")
    if isinstance(extra, dict):
        meta.update({str(k): str(v) for k, v in extra.items() if isinstance(v, str | int | float)})
    return CmsArticle(f"{name} ({label})" if label else name, html, meta)


def parse_payload(text: str, origin: str) -> Iterator[CmsArticle | CmsProblem]:
    """The articles of a payload, in order: one object, an array, or JSON lines (`origin#N` names them)."""
    stripped = text.strip()
    if not stripped:
        yield CmsProblem(origin, "empty payload")
        return
    try:
        whole = json.loads(stripped)
    except (ValueError, RecursionError):
        whole = None
    else:
        items = whole if isinstance(whole, list) else [whole]
        for number, obj in enumerate(items, start=1):
            yield _article(obj, f"{origin}#{number}")
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield CmsProblem(f"{origin}#{number}", f"line {number} is not valid JSON: {exc}")
            continue
        yield _article(obj, f"{origin}#{number}")
