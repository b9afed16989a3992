"""Which pages republish which stories: candidate stories from shingled MinHash with LSH and from the
stories' sampled shingles a page holds, then an exact confirming score.

Candidates come from two look-ups over word 5-gram shingles of each page's article text:
`datasketch`'s MinHash LSH finds the stories whose text is about the page's (a Jaccard similarity
of 0.1 or more), and a table of each story's sampled shingles finds the stories the page holds a
part of, however much other text the page has (a whole story with ten times its length of other
stories after it, in one article body, has a Jaccard similarity of 0.08 and a MinHash signature
that all but never meets the story's). Each candidate is confirmed with the exact Jaccard
similarity of the shingle sets, the share of the page's shingles that come from the story (a
truncated copy has a low Jaccard similarity but nearly all of its text comes from the story) and
the share of the story's shingles found on the page (a whole copy on a page whose article region
also holds related stories, a newsletter box or comments has a low Jaccard similarity, but the
story is all there). A page that fails the text test and links to a story (the original's URL) is
matched by the link. Either way a page is a copy only when what it shares with the story is more
than a quotation (`shares_excerpt`: measured on the story and in words, never on the page's own
length, so that a short brief quoting a sentence is no more a copy than a long one); a page
linking to the story and sharing no more is a copy only when it presents itself as the
republication, and otherwise a page that cites the story.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

SHINGLE_WORDS = 5
PERMUTATIONS = 128
# Candidates at a lower Jaccard than the confirming threshold still reach the exact check: a copy cut
# to a third of the story, or a whole copy on a page whose article region holds twice as much
# other text, has a Jaccard similarity near 0.33 (a candidate all but always at this threshold;
# at 0.2, nine times in ten). A page holding the story among more other text than that is found by
# the story's sampled shingles instead (`SAMPLED_SHARE`).
LSH_THRESHOLD = 0.1
# Of each story's shingles, those whose hash falls in the lowest quarter of its range are sampled
# (and at least its `SAMPLED_AT_LEAST` lowest, so that a short story has enough), and a page holding
# one of them makes the story a candidate: a page sharing the fewest shingles a copy can share
# (`EXCERPT_SHINGLES`, or a third of a short story) holds none of them less than once in a million
# (about (3/4)**60 for a long story, once in 30 million), whatever else it holds; a whole copy,
# never. The hash is the shingle's, not the story's, so a story's sample is the same in every run
# and process. Looking a page up costs one set look-up per shingle of the page (linear in the
# page), and the table is a quarter of the stories' shingles.
SAMPLED_SHARE = 4
SAMPLED_AT_LEAST = 32
# A sampled shingle in more stories than this is the publisher's boilerplate (its licence paragraph,
# "the Daily Caller News Foundation"), which says nothing about which story a page holds: left out
# of the table, so that every copy is not a candidate of every story (an exact score each). Kept
# above the number of versions a story may be given in (updates, corrections), which share most of
# their text.
COMMON_SHINGLE_STORIES = 20
# What a page shares with a story is more than a quotation (an excerpt: the page is a copy) when it
# holds at least this share of the story's word 5-grams: a third of the story is a substantial part
# of it, whatever its length (the one test a story barely longer than a quotation needs: half of a
# four-sentence brief is an excerpt).
STORY_SHARE_FLOOR = 1 / 3
# ... or at least this many of its word 5-grams (a run of n words shared is n - 4 of them): about 60
# words, more than a sentence or two of news prose (20 to 30 words each, so two quoted sentences
# share 35 to 55), while three paragraphs of even a story of one-sentence paragraphs share 65 or
# more. Counted on the story's text, never as a share of the page: a quotation is a quotation in a
# 95-word brief as in a 2,000-word feature, and three copied paragraphs are a copy on a short page.
EXCERPT_SHINGLES = 60
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese) are
# shingled by characters: `\w+` reads a whole sentence of them as one "word", so that a Chinese copy
# shared no shingle with its story and two Chinese stories could not be told apart. A shingle of
# them is this many characters: Chinese news prose averages under two characters a word and
# Japanese about two, so ten characters hold about the five words of a Latin shingle, as rarely
# shared by chance (a five-character shingle would be a set phrase: an agency's dateline, a title).
# A run of k characters gives k - 9 shingles, so `EXCERPT_SHINGLES` is about 70 characters: one
# long sentence of Chinese news (40 to 60) stays a quotation. Korean is written with spaces and
# keeps word shingles. A word and a character weigh so that a mixed shingle holds as much text:
# a word is SHINGLE_CHARACTERS / SHINGLE_WORDS characters.
SHINGLE_CHARACTERS = 10
_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\u30fc"


@dataclass(frozen=True, slots=True)
class PageText:
    """What matching needs of one page: its key (URL or path), shingles, links, URLs, site and MinHash signature.

    `urls` are all the URLs the page gives for itself, each once, in the order `check` names an
    original's (`compliance.document.model.own_pages_of`: its canonical link, its `og:url`, the URL
    it was read from; a story is known by each of them, the first being its address); `identity` only
    those that say whose page it is (the URL it was read from,
    `og:url`), and `own` whether the pack's `own-site` says it is the publisher's own page. A
    copy keeps the original's canonical link (republishing plugins emit one), so that link alone
    never makes a page the story itself.
    """

    key: str
    shingles: frozenset[str]
    links: frozenset[str]
    urls: tuple[str, ...]
    site: str = ""
    identity: frozenset[str] = frozenset()
    own: bool = False
    signature: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Match:
    """A copy of a story: `similarity` is the Jaccard similarity of their shingles (0–1),
    `containment` the share of the page's shingles that are the story's, `coverage` the share of
    the story's shingles on the page, `matched_by` text or link, `shared` how many shingles (word
    5-grams) they have in common."""

    story: str
    copy: str
    similarity: float
    containment: float
    matched_by: str
    coverage: float = 0.0
    shared: int = 0

    @property
    def text_share(self) -> float:
        """The best of the three ratios (0–1): what the threshold is read on."""
        return max(self.similarity, self.containment, self.coverage)

    @property
    def only_cites(self) -> bool:
        """Whether the page links to the story and shares no more than a quotation of it (not
        `shares_excerpt`): a citation, unless the page presents itself as the republication (decided
        by the pack's detection, which needs the page's document: `compliance.audit.run`)."""
        return self.matched_by == "link" and not shares_excerpt(self.shared, self.coverage)


def shares_excerpt(shared: int, coverage: float) -> bool:
    """Whether a page sharing `shared` word 5-grams with a story, `coverage` of the story's (0–1),
    holds more of it than a quotation: at least `STORY_SHARE_FLOOR` of the story or
    `EXCERPT_SHINGLES` 5-grams. The page's own length plays no part: a sentence or two quoted in
    a short brief leaves most of the brief the story's and is still a quotation."""
    return coverage >= STORY_SHARE_FLOOR or shared >= EXCERPT_SHINGLES


def shingles(text: str) -> frozenset[str]:
    """Shingles of lower-cased text: word 5-grams, and runs of `SHINGLE_CHARACTERS` characters of a
    script written without spaces (a word counts as two of them in mixed text); a text shorter than
    one shingle is one shingle, an empty text none."""
    lowered = text.lower()
    if lowered.isascii():
        # The common case, at the old cost: no character of an unspaced script, no combining mark.
        words = _WORD.findall(lowered)
        return _windows(words, [SHINGLE_CHARACTERS] * len(words))
    return _windows(*_tokens(lowered))


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """The words of non-ASCII text and its characters of unspaced scripts (each with its combining
    marks: a Thai vowel sign is no character of its own), with the weight of each."""
    words = _token_pattern().findall(text)
    return words, [SHINGLE_WORDS if _unspaced_pattern().match(w) else SHINGLE_CHARACTERS for w in words]


def _windows(tokens: Sequence[str], weights: Sequence[int]) -> frozenset[str]:
    """Each shortest run of tokens from each start that weighs a shingle (`SHINGLE_WORDS` words of
    weight `SHINGLE_CHARACTERS`, or as much in characters of weight `SHINGLE_WORDS`)."""
    full = SHINGLE_WORDS * SHINGLE_CHARACTERS
    if sum(weights) < full:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    found = []
    end, weight = 0, 0
    for start in range(len(tokens)):
        while weight < full and end < len(tokens):
            weight += weights[end]
            end += 1
        if weight < full:
            break
        found.append(" ".join(tokens[start:end]))
        weight -= weights[start]
    return frozenset(found)


@cache
def _token_pattern() -> Any:
    import regex

    # `regex`'s \w holds combining marks (Devanagari vowel signs, a decomposed accent), which `re`'s splits words at.
    return regex.compile(rf"[{_UNSPACED}]\p{{M}}*|[^\W{_UNSPACED}]+")


@cache
def _unspaced_pattern() -> Any:
    import regex

    return regex.compile(rf"[{_UNSPACED}]")


def normal_url(url: str) -> str:
    """A URL compared loosely: no scheme, no query or fragment, no trailing slash, lower-cased host."""
    bare = url.split("#", 1)[0].split("?", 1)[0]
    bare = re.sub(r"^[a-z]+://", "", bare, flags=re.IGNORECASE).rstrip("/")
    host, _, rest = bare.partition("/")
    return host.lower() + ("/" + rest if rest else "")


def sampled_shingles(words: frozenset[str]) -> frozenset[str]:
    """The shingles of a story its candidates are found by (see `SAMPLED_SHARE`): those whose
    32-bit hash (the first four bytes of their UTF-8 text's SHA-1, as `datasketch` hashes them) is in
    the lowest 1/`SAMPLED_SHARE` of its range, or among the `SAMPLED_AT_LEAST` lowest; all of a story
    of at most `SAMPLED_AT_LEAST` shingles."""
    hashed = sorted((_shingle_hash(word), word) for word in words)
    if len(hashed) <= SAMPLED_AT_LEAST:
        return words
    cutoff = max(2**32 // SAMPLED_SHARE, hashed[SAMPLED_AT_LEAST - 1][0] + 1)
    return frozenset(word for value, word in hashed if value < cutoff)


def _shingle_hash(word: str) -> int:
    return int.from_bytes(hashlib.sha1(word.encode("utf-8")).digest()[:4], "little")


def signature(words: Iterable[str]) -> Any:
    """A MinHash signature (`datasketch.LeanMinHash`, picklable) of a shingle set."""
    from datasketch import LeanMinHash, MinHash

    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    # One vectorised pass over all shingles: the same values as updating one by one, about 8× faster.
    minhash.update_batch([word.encode("utf-8") for word in words])
    return LeanMinHash(minhash)


class StoryIndex:
    """The stories to match pages against: MinHash LSH over their signatures, their shingles for the
    confirming score, and their URLs (a link to the original; the publisher's own pages).

    Built once from the stories' texts and shared read-only by every page's match (threads, or
    pickled once to each worker process). `match` is the map-side join (the page looks its bands and
    shingles up in the index where it was parsed); `story_bands`, `held_stories` and `confirm` serve
    a shuffle join on band keys (`compliance.audit.distributed`), which finds the same candidates and
    so the same matches.
    """

    def __init__(self, stories: Sequence[PageText]) -> None:
        self.stories = {s.key: s for s in stories}
        self.by_url: dict[str, str] = {}
        for story in stories:
            for url in story.urls:
                self.by_url.setdefault(normal_url(url), story.key)
        self.by_shingle = _sampled_table(stories)
        self._lsh: Any = None
        self._bands: list[tuple[tuple[int, bytes], str]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # The sampled table is shipped, not rebuilt: it needs a hash of every story shingle, and
        # pickling shares its shingles with the stories' own.
        return {"stories": self.stories, "by_url": self.by_url, "by_shingle": self.by_shingle}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.stories = state["stories"]
        self.by_url = state["by_url"]
        self.by_shingle = state["by_shingle"]
        self._lsh = None
        self._bands = None

    def _index(self) -> Any:
        # Built on first use in each process (the LSH tables are derived data, cheaper to rebuild than to ship).
        if self._lsh is None:
            from datasketch import MinHashLSH

            lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
            for story in self.stories.values():
                if story.shingles:
                    lsh.insert(story.key, story.signature if story.signature is not None else signature(story.shingles))
            self._lsh = lsh
        return self._lsh

    def is_own_page(self, page: PageText) -> bool:
        """Whether the page is one of the publisher's own: the pack's `own-site` says so, or the URL it
        was read from or its `og:url` is a story's (a canonical link to the story alone is not enough)."""
        return page.own or any(normal_url(u) in self.by_url for u in page.identity)

    def candidates(self, page: PageText) -> list[str]:
        """The stories the exact score is computed for (keys, sorted): those whose LSH bands meet the
        page's (`similar_stories`) and those the page holds a sampled shingle of (`held_stories`)."""
        return sorted(set(self.similar_stories(page)) | set(self.held_stories(page)))

    def similar_stories(self, page: PageText) -> list[str]:
        """The stories whose LSH bands meet the page's (keys, sorted): about as much text as the page's."""
        if not page.shingles:
            return []
        query = page.signature if page.signature is not None else signature(page.shingles)
        return sorted(self._index().query(query))

    def held_stories(self, page: PageText) -> list[str]:
        """The stories a sampled shingle of which (`sampled_shingles`, not the publisher's
        boilerplate) is on the page (keys, sorted): a part of them may be, however much else the
        page holds. One set look-up per shingle of the page."""
        found: set[str] = set()
        for shingle in page.shingles & self.by_shingle.keys():
            found.update(self.by_shingle[shingle])
        return sorted(found)

    def story_bands(self) -> list[tuple[tuple[int, bytes], str]]:
        """Each story's LSH band keys, as (band key, story key): the story side of a shuffle join (see
        `band_keys`); computed on first use in each process, like the LSH tables."""
        if self._bands is None:
            self._bands = [
                (band, story.key)
                for story in self.stories.values()
                if story.shingles
                for band in band_keys(story.signature if story.signature is not None else signature(story.shingles))
            ]
        return self._bands

    def match(self, page: PageText, *, threshold: float) -> Match | None:
        """The page's best story, if any: by text (the Jaccard similarity, the page's containment
        in the story or the story's coverage by the page ≥ `threshold`, and more than a quotation
        shared: `shares_excerpt`) or by a link to the story."""
        if self.is_own_page(page):
            return None  # the publisher's own page, not a republication
        return self.confirm(page, self.candidates(page), threshold=threshold)

    def confirm(self, page: PageText, candidates: Iterable[str], *, threshold: float) -> Match | None:
        """The best of the candidate stories by the exact score, else the story the page links to; None
        for the publisher's own page. Candidates come from the LSH index (`candidates`) or from a
        shuffle join on band keys: the same stories, so the same match."""
        if self.is_own_page(page):
            return None
        best: Match | None = None
        for key in sorted(candidates):
            story = self.stories[key]
            common = len(story.shingles & page.shingles)  # iterates over the smaller set
            # The union counted, not built: a set the page's size for each candidate would make a long
            # page's cost grow with its length times its candidates.
            jaccard = common / (len(story.shingles) + len(page.shingles) - common)
            containment = common / len(page.shingles)
            coverage = common / len(story.shingles)
            score = (jaccard, containment, coverage)
            # A page that is mostly a quotation (a short brief) reaches the threshold on containment
            # alone: it is matched by text only when it shares an excerpt, else by its link, if any.
            if max(score) < threshold or not shares_excerpt(common, coverage):
                continue
            if best is None or score > (best.similarity, best.containment, best.coverage):
                best = Match(key, page.key, round(jaccard, 4), round(containment, 4), "text", round(coverage, 4), common)
        if best is None:
            linked = sorted({self.by_url[u] for u in (normal_url(link) for link in page.links) if u in self.by_url})
            if linked:
                story = self.stories[linked[0]]
                common = len(story.shingles & page.shingles)
                union = (len(story.shingles) + len(page.shingles) - common) or 1
                ratios = (round(common / union, 4), round(common / (len(page.shingles) or 1), 4), round(common / (len(story.shingles) or 1), 4))
                best = Match(linked[0], page.key, ratios[0], ratios[1], "link", ratios[2], common)
        return best


def _sampled_table(stories: Sequence[PageText]) -> dict[str, tuple[str, ...]]:
    """Each story's sampled shingle (`sampled_shingles`) with the stories it samples, leaving out
    those of more than `COMMON_SHINGLE_STORIES` stories (boilerplate)."""
    table: dict[str, list[str]] = {}
    for story in stories:
        for shingle in sampled_shingles(story.shingles):
            table.setdefault(shingle, []).append(story.key)
    return {shingle: tuple(keys) for shingle, keys in table.items() if len(keys) <= COMMON_SHINGLE_STORIES}


@cache
def _band_ranges() -> tuple[tuple[int, int], ...]:
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS).hashranges)


def band_keys(minhash: Any) -> list[tuple[int, bytes]]:
    """A signature's LSH band keys, (band number, that band's hash values as bytes), with the bands
    `StoryIndex` uses: a page and a story share a key exactly when the index would return the story
    for the page, so a join on these keys finds the same candidates as `StoryIndex.candidates`."""
    values = minhash.hashvalues
    return [(band, values[start:end].tobytes()) for band, (start, end) in enumerate(_band_ranges())]


def match_pages(stories: Sequence[PageText], pages: Sequence[PageText], *, threshold: float) -> list[Match]:
    """Each page's best story, if any (see `StoryIndex.match`), in page order."""
    index = StoryIndex(stories)
    return [m for m in (index.match(page, threshold=threshold) for page in pages) if m is not None]
