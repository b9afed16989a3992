"""A page that holds a whole story (or most of it) among much more other text is its copy, however
much other text there is and wherever it stands (a roundup, other stories before or after it in one
article body, a long comment thread); a long page that only shares a sentence or two, the
publisher's boilerplate, or a topic with a story is not (`StoryIndex.held_stories`: the stories'
sampled shingles find the candidates the MinHash LSH of the whole page misses)."""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.test_audit import web

pytest.importorskip("datasketch", reason="the audit extra: pip install -e '.[audit]'")

ORIGINALS = ROOT / "samples" / "originals"
STORIES = ("dcnf", "propublica", "calmatters")
PARTNER = "https://valley.example/news/roundup/"


def _original(name: str) -> str:
    return (ORIGINALS / f"{name}-original.html").read_text(encoding="utf-8")


@cache
def _other_paragraphs() -> tuple[str, ...]:
    """Paragraphs of the other samples' stories (about 8,400 words), none sharing a word 5-gram with an original."""
    from compliance.audit.matching import shingles
    from compliance.document import parse_document

    originals = frozenset().union(*(shingles(" ".join(b.text for b in parse_document(_original(n).encode(), "html").article_blocks)) for n in STORIES))
    found: dict[str, None] = {}
    for path in sorted((ROOT / "samples").glob("*/*.html")):
        if path.parent.name in (*STORIES, "originals"):
            continue
        for paragraph in re.findall(r"<p>([^<]{200,})</p>", path.read_text(encoding="utf-8", errors="replace")):
            if not shingles(paragraph) & originals:
                found[paragraph] = None
    return tuple(found)


def _other_text(*amounts: int) -> list[str]:
    """Runs of other stories' paragraphs, one of at least each of `amounts` words, none sharing a paragraph."""
    paragraphs = iter(_other_paragraphs())
    runs = []
    for words in amounts:
        chosen, count = [], 0
        while count < words:
            paragraph = next(paragraphs, None)
            assert paragraph is not None, f"the samples hold too few words of other stories for {amounts}"
            chosen.append(f"<p>{paragraph}</p>")
            count += len(paragraph.split())
        runs.append("\n".join(chosen))
    return runs


def _in_article_body(page: str, before: str, after: str) -> str:
    """The page with `before` ahead of its article's first paragraph and `after` past its last one,
    inside the same article element (as a site that runs several stories in one body shows them)."""
    start = page.index("<article")
    first = page.index("<p", start)
    end = page.rindex("</p>", 0, page.index("</article>")) + len("</p>")
    return page[:first] + before + page[first:end] + after + page[end:]


def _work(threshold: float = 0.5) -> Any:
    from compliance.audit.run import choose_pack, prepare_stories
    from compliance.audit.sources import Page

    stories = [Page(f"originals/{name}.html", "saved:originals", _original(name).encode()) for name in STORIES]
    return prepare_stories(stories, choose_pack("dcnf"), threshold=threshold)


@cache
def _shared_work() -> Any:
    return _work()


def _audited(page: str, work: Any = None) -> Any:
    from compliance.audit.run import audit_page
    from compliance.audit.sources import Page

    return audit_page(Page(PARTNER, "valley.example", page.encode()), work or _shared_work())


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize(("before", "after"), [(0, 1000), (0, 3000), (0, 8000), (3000, 0), (8000, 0), (1500, 1500), (4000, 4000)])
def test_a_whole_story_among_other_stories_in_one_article_body_is_its_copy(story: str, before: int, after: int) -> None:
    page = _in_article_body(_original(story), *_other_text(before, after))
    outcome = _audited(page)
    assert outcome.copy is not None, (story, before, after)
    assert (outcome.copy.story, outcome.copy.matched_by) == (f"originals/{story}.html", "text")


def test_the_licensors_stripped_copy_with_other_stories_after_it_is_checked_and_its_error_reported() -> None:
    # The try-out's page: the DCNF story without its logo, then paragraphs of other stories in the
    # same article body (36 KB); at a Jaccard similarity of 0.08 it was no candidate at all.
    stripped = (ROOT / "samples" / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    for words in (1500, 8000):
        outcome = _audited(_in_article_body(stripped, "", *_other_text(words)))
        assert outcome.copy is not None, words
        assert outcome.copy.story == "originals/dcnf.html"
        assert outcome.copy.similarity < 0.1  # below what the MinHash LSH finds
        assert "dcnf/logo" in outcome.copy.errors


def test_a_whole_story_after_a_long_comment_thread_outside_its_article_is_its_copy() -> None:
    roundup, thread = _other_text(2000, 4000)
    comments = "".join(f'<div class="comment">{p}</div>' for p in thread.split("\n"))
    page = _original("propublica").replace("</article>", f'</article><section class="comments">{comments}</section>', 1)
    page = page.replace("<article", f'<div class="roundup">{roundup}</div><article', 1)
    outcome = _audited(page)
    assert outcome.copy is not None and outcome.copy.story == "originals/propublica.html"


def _dcnf_sentences() -> list[str]:
    from compliance.document import parse_document

    blocks = [b.text for b in parse_document(_original("dcnf").encode(), "html").article_blocks]
    return [s for b in blocks for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", b) if len(s.split()) > 8]


SAME_TOPIC = [
    "The Taliban said on Thursday that its fighters had killed several members of ISIS-K in a raid east of Kabul, the group's spokesman told reporters.",
    "Western diplomats have been cautious about any contact with the Taliban since the militia took power in Afghanistan in 2021.",
    "Analysts in the region said the Biden administration faces a hard choice, with little intelligence of its own on the ground.",
    "A spokesman for the State Department declined to say whether officials had met their Taliban counterparts this year.",
    "ISIS-K has claimed attacks in Iran and Russia this year, raising fears in Washington about its reach beyond Afghanistan.",
]


LICENCE = (
    "All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available "
    "without charge to any legitimate news publisher that can provide a large audience. All republished articles must include "
    "our logo, our reporter's byline and their DCNF affiliation. For any questions about our guidelines or partnering with us, "
    "please contact licensing@dailycallernewsfoundation.org."
)


def _page(title: str, body: str) -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def _quoting_two_sentences() -> str:
    sentences = _dcnf_sentences()
    before, after = _other_text(4000, 4000)
    return _page("Roundup", f"{before}<blockquote><p>{sentences[2]}</p><p>{sentences[5]}</p></blockquote>{after}")


def _same_topic() -> str:
    return _page("Taliban strike ISIS-K", "".join(f"<p>{s}</p>" for s in SAME_TOPIC) + _other_text(3000)[0])


def _boilerplate_only() -> str:
    before, after = _other_text(2000, 2000)
    return _page("Roundup", f"{before}<p>{LICENCE}</p>{after}")


def _other_stories_only() -> str:
    return _page("Roundup", _other_text(8000)[0])


@pytest.mark.parametrize("page", [_quoting_two_sentences, _same_topic, _boilerplate_only, _other_stories_only])
def test_a_long_page_sharing_less_than_an_excerpt_is_no_copy(page: Any) -> None:
    outcome = _audited(page())
    assert (outcome.copy, outcome.cites) == (None, "")


def test_the_shuffle_join_finds_the_copy_its_band_keys_miss() -> None:
    from compliance.audit.run import confirm_and_check, page_bands, read_for_join
    from compliance.audit.sources import Page

    work = _shared_work()
    read = read_for_join(Page(PARTNER, "valley.example", _in_article_body(_original("dcnf"), "", *_other_text(8000)).encode()), work)
    bands = {band for band, _ in page_bands(read)}
    assert not {story for band, story in work.index.story_bands() if band in bands}  # no band key meets the story's
    outcome = confirm_and_check(read, {}, work)
    assert outcome.copy is not None and outcome.copy.story == "originals/dcnf.html"


def _text(key: str, words: str) -> Any:
    from compliance.audit.matching import PageText, shingles, signature

    found = shingles(words)
    return PageText(key, found, frozenset(), (), "", signature=signature(found))


BOILERPLATE = (
    "This story was produced by the Valley News Service, a nonprofit newsroom. It may be republished "
    "free of charge by any outlet that credits the service, keeps the reporter's byline and links to "
    "the original story, and it may not be edited except for length, style and references to time."
)


@pytest.fixture(scope="module")
def synthetic_index() -> Any:
    from compliance.audit.matching import StoryIndex

    # Forty stories of six paragraphs, each ending with the same licence paragraph (as a newswire's do).
    return StoryIndex([_text(f"story-{i}", " ".join(web.story_paragraphs(i)) + " " + BOILERPLATE) for i in range(40)])


def _others(seed: int, stories: int) -> str:
    return " ".join(p for n in range(stories) for p in web.story_paragraphs(90_000 + seed * 100 + n))


@pytest.mark.parametrize(("before", "after"), [(0, 15), (15, 0), (8, 8), (0, 40), (20, 20)])
def test_a_synthetic_story_among_many_times_its_length_of_other_stories_is_its_copy(synthetic_index: Any, before: int, after: int) -> None:
    for i in range(0, 40, 3):
        page = _text(f"page-{i}", _others(i, before) + " " + " ".join(web.story_paragraphs(i)) + " " + BOILERPLATE + " " + _others(i + 50, after))
        match = synthetic_index.match(page, threshold=0.5)
        assert match is not None, (i, before, after)
        assert (match.story, match.matched_by, match.coverage) == (f"story-{i}", "text", 1.0)
        assert match.similarity < 0.1


def test_most_of_a_story_on_a_long_page_is_its_copy_and_a_third_of_it_below_the_threshold_is_not(synthetic_index: Any) -> None:
    for i in range(1, 40, 4):
        paragraphs = web.story_paragraphs(i)
        most = _text("most", " ".join(paragraphs[:5]) + " " + _others(i, 20))
        match = synthetic_index.match(most, threshold=0.5)
        assert match is not None and match.story == f"story-{i}" and match.coverage > 0.5
        third = _text("third", " ".join(paragraphs[:2]) + " " + _others(i, 20))
        assert synthetic_index.match(third, threshold=0.5) is None
        assert synthetic_index.match(third, threshold=0.2) is not None  # a third of it, when the licensor asks for as little


def test_the_publishers_boilerplate_finds_no_story_and_a_copy_only_its_own(synthetic_index: Any) -> None:
    # Shared by all forty stories, the licence paragraph is left out of the look-up: a page holding it
    # is not a candidate of every story (an exact score each), and a copy is a candidate of its own.
    assert synthetic_index.held_stories(_text("licence", _others(1, 10) + " " + BOILERPLATE)) == []
    copy = _text("copy", _others(2, 10) + " " + " ".join(web.story_paragraphs(7)) + " " + BOILERPLATE)
    assert synthetic_index.held_stories(copy) == ["story-7"]


def test_a_short_story_whole_on_a_long_page_is_its_copy() -> None:
    from compliance.audit.matching import SAMPLED_AT_LEAST, StoryIndex

    brief = "The state ferry service will cut weekend sailings to the islands from four to two starting next month, officials said on Monday."
    index = StoryIndex([_text("brief", brief), *(_text(f"story-{i}", " ".join(web.story_paragraphs(i))) for i in range(10))])
    assert len(index.stories["brief"].shingles) <= SAMPLED_AT_LEAST  # all its shingles are looked up
    match = index.match(_text("page", _others(3, 10) + " " + brief + " " + _others(4, 10)), threshold=0.5)
    assert match is not None and (match.story, match.coverage) == ("brief", 1.0)
    # Half of one sentence of it is no copy.
    assert index.match(_text("half", _others(3, 10) + " " + " ".join(brief.split()[:11])), threshold=0.5) is None


def test_a_roundup_of_several_whole_stories_is_a_copy_of_one_of_them(synthetic_index: Any) -> None:
    roundup = _text("roundup", " ".join(" ".join(web.story_paragraphs(i)) + " " + BOILERPLATE for i in (4, 9, 13, 22, 31)) + " " + _others(5, 10))
    held = synthetic_index.held_stories(roundup)
    # The five, and at most a few whose last words it shares by chance with one of them ("wildfire"
    # before the licence paragraph): never all forty.
    assert {"story-4", "story-9", "story-13", "story-22", "story-31"} <= set(held) and len(held) < 10
    match = synthetic_index.match(roundup, threshold=0.5)
    assert match is not None and match.story in {"story-4", "story-9", "story-13", "story-22", "story-31"} and match.coverage == 1.0


def test_the_sampled_shingles_are_the_same_in_every_process_and_survive_pickling(synthetic_index: Any) -> None:
    import os
    import pickle
    import subprocess

    from compliance.audit.matching import sampled_shingles, shingles

    text = " ".join(web.story_paragraphs(3))
    sample = sampled_shingles(shingles(text))
    # A quarter of a long story's shingles, give or take.
    assert 0.15 * len(shingles(text)) < len(sample) < 0.35 * len(shingles(text))
    # The same ones in a process whose string hashes differ (workers, the next run).
    program = "import sys; from compliance.audit.matching import sampled_shingles, shingles; print(sorted(sampled_shingles(shingles(sys.argv[1]))))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        printed = subprocess.run([sys.executable, "-c", program, text], env=env, capture_output=True, text=True, check=True).stdout
        assert printed.strip() == repr(sorted(sample))
    restored = pickle.loads(pickle.dumps(synthetic_index))
    assert restored.by_shingle == synthetic_index.by_shingle
