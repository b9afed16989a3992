"""Which pages republish which stories: shingled MinHash with LSH, then an exact confirming score.

Candidates come from `datasketch`'s MinHash LSH over word 5-gram shingles of each page's article
text; each candidate is confirmed with the exact Jaccard similarity and containment of the shingle
sets (a truncated copy has a low Jaccard similarity but nearly all of its text comes from the
story). A page that fails the text test still matches a story it links to (the original's URL).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

SHINGLE_WORDS = 5
PERMUTATIONS = 128
# Candidates at a lower Jaccard than the confirming threshold still reach the exact check: a copy cut
# to a third of the story has a Jaccard similarity near 0.33.
LSH_THRESHOLD = 0.2
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageText:
    """What matching needs of one page: its key (URL or path), shingles, links, canonical URLs, site and MinHash signature."""

    key: str
    shingles: frozenset[str]
    links: frozenset[str]
    urls: frozenset[str]
    site: str = ""
    signature: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Match:
    """A copy of a story: `similarity` is the Jaccard similarity of their shingles (0–1), `matched_by` text or link."""

    story: str
    copy: str
    similarity: float
    containment: float
    matched_by: str


def shingles(text: str) -> frozenset[str]:
    """Word 5-grams of lower-cased text (a text shorter than five words is one shingle)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def normal_url(url: str) -> str:
    """A URL compared loosely: no scheme, no query or fragment, no trailing slash, lower-cased host."""
    bare = url.split("#", 1)[0].split("?", 1)[0]
    bare = re.sub(r"^[a-z]+://", "", bare, flags=re.IGNORECASE).rstrip("/")
    host, _, rest = bare.partition("/")
    return host.lower() + ("/" + rest if rest else "")


def signature(words: Iterable[str]) -> Any:
    """A MinHash signature (`datasketch.LeanMinHash`, picklable) of a shingle set."""
    from datasketch import LeanMinHash, MinHash

    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    for word in sorted(words):
        minhash.update(word.encode("utf-8"))
    return LeanMinHash(minhash)


def match_pages(
    stories: Sequence[PageText],
    pages: Sequence[PageText],
    *,
    threshold: float,
) -> list[Match]:
    """Each page's best story, if any: by text (max of Jaccard and containment ≥ `threshold`) or by a link to the story.

    A page's precomputed `signature` (computed in parallel by the workers) is used when present.
    """
    from datasketch import MinHashLSH

    signatures = {p.key: p.signature for p in (*stories, *pages) if p.signature is not None}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    by_key = {s.key: s for s in stories}
    by_url: dict[str, str] = {}
    for story in stories:
        if story.shingles:
            lsh.insert(story.key, signatures.get(story.key) or signature(story.shingles))
        for url in story.urls:
            by_url.setdefault(normal_url(url), story.key)
    story_urls = set(by_url)
    matches: list[Match] = []
    for page in pages:
        if page.urls & story_urls or {normal_url(u) for u in page.urls} & story_urls:
            continue  # the publisher's own page, not a republication
        best: Match | None = None
        if page.shingles:
            for key in sorted(lsh.query(signatures.get(page.key) or signature(page.shingles))):
                story = by_key[key]
                common = len(story.shingles & page.shingles)
                jaccard = common / len(story.shingles | page.shingles)
                containment = common / len(page.shingles)
                if max(jaccard, containment) >= threshold and (best is None or (jaccard, containment) > (best.similarity, best.containment)):
                    best = Match(key, page.key, round(jaccard, 4), round(containment, 4), "text")
        if best is None:
            linked = sorted({by_url[u] for u in (normal_url(link) for link in page.links) if u in by_url})
            if linked:
                story = by_key[linked[0]]
                common = len(story.shingles & page.shingles)
                union = len(story.shingles | page.shingles) or 1
                best = Match(linked[0], page.key, round(common / union, 4), round(common / (len(page.shingles) or 1), 4), "link")
        if best is not None:
            matches.append(best)
    return matches
