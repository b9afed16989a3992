"""The literal word search of the prefilter: both engines give the words that occur, from any
thread, and a stored Hyperscan database is used or compiled again."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from compliance import wordsearch
from compliance.wordsearch import WordSearch, adopt_serialized, serialized

# A small alphabet, so that words overlap and share prefixes and suffixes.
_WORDS = st.lists(st.binary(min_size=1, max_size=6).map(lambda b: bytes(97 + c % 3 for c in b)), min_size=1, max_size=12, unique=True)
_TEXT = st.binary(max_size=200).map(lambda b: bytes((97 + c % 3) if c % 5 else 10 for c in b))

try:
    import hyperscan  # noqa: F401

    HYPERSCAN = True
except ImportError:
    HYPERSCAN = False

requires_hyperscan = pytest.mark.skipif(not HYPERSCAN, reason="hyperscan has no wheel for this platform: the fallback engine is tested alone")


@pytest.fixture(params=["hyperscan", "ahocorasick-rs"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "hyperscan" and not HYPERSCAN:
        pytest.skip("hyperscan has no wheel for this platform: the fallback engine is tested alone")
    if request.param == "ahocorasick-rs":
        monkeypatch.setattr(wordsearch, "_hyperscan", lambda: None)
    yield request.param


def _expected(words: list[bytes], text: bytes) -> frozenset[int]:
    return frozenset(index for index, word in enumerate(words) if word in text)


def _on_each_engine(words: list[bytes]) -> Iterator[tuple[str, WordSearch]]:
    """A search for the words on each engine this machine has: Hyperscan where it installs, and
    the Aho-Corasick automaton (as where Hyperscan does not)."""
    for name in ("hyperscan", "ahocorasick-rs"):
        if name == "hyperscan" and not HYPERSCAN:
            continue
        with pytest.MonkeyPatch.context() as patch:
            if name == "ahocorasick-rs":
                patch.setattr(wordsearch, "_hyperscan", lambda: None)
            search = WordSearch(words)
            assert search.prepare() == (name == "hyperscan")
            yield name, search


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=_TEXT)
@example(words=[b"ab", b"b", b"abc", b"bc"], text=b"abc")  # overlapping, nested and sharing an end
@example(words=[b"aa"], text=b"aaa")
def test_the_words_found_are_those_that_occur(words: list[bytes], text: bytes) -> None:
    for name, search in _on_each_engine(words):
        assert search.engine == name
        assert search.found(text) == _expected(words, text)


def test_a_search_gives_the_same_answer_from_several_threads_at_once(engine: str) -> None:
    words = [b"propublica", b"daily caller", b"conversation", b"syndcheck-disable"]
    texts = [b"x" * 50_000 + word + b"y" * 50_000 for word in words] + [b"none of them" * 5_000]
    search = WordSearch(words)
    search.prepare()
    assert search.engine == engine
    answers: list[list[frozenset[int]]] = [[] for _ in range(4)]

    def work(into: list[frozenset[int]]) -> None:
        for _ in range(30):
            into.extend(search.found(text) for text in texts)

    threads = [threading.Thread(target=work, args=(into,)) for into in answers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = [frozenset({0}), frozenset({1}), frozenset({2}), frozenset({3}), frozenset()] * 30
    assert answers == [expected] * 4


@requires_hyperscan
def test_a_stored_database_is_used_and_one_that_does_not_load_is_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    words = (b"stored-word-one", b"stored-word-two")
    assert WordSearch(words).prepare()
    stored = serialized()[words]
    monkeypatch.setattr(wordsearch, "_SERIALIZED", {})
    assert adopt_serialized({words: stored})
    import hyperscan

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled although a stored database was adopted")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hyperscan, "Database", refuse)
        search = WordSearch(words)
        assert search.prepare() and search.engine == "hyperscan"
        assert search.found(b"a stored-word-two here") == {1}
    # Bytes that are no database (another machine's, a damaged cache) mean a new compilation.
    assert adopt_serialized({words: b"not a database"})
    search = WordSearch(words)
    assert search.prepare()
    assert search.found(b"stored-word-one") == {0}
    assert serialized()[words] == stored


def test_what_the_pack_cache_holds_is_only_adopted_when_it_is_a_mapping_of_words_to_bytes() -> None:
    assert not adopt_serialized(None)
    assert not adopt_serialized({b"word": b"x"})
    assert not adopt_serialized({(b"word",): "text"})
    assert adopt_serialized({})


@settings(max_examples=200, deadline=None)
@given(words=_WORDS, text=_TEXT)
@example(words=[b"ab", b"b", b"abc", b"bc"], text=b"abcabc")
def test_each_word_found_ends_first_where_its_first_occurrence_ends(words: list[bytes], text: bytes) -> None:
    # What the prefilter reads to tell a word in the page's markup (its first part) from one after it.
    for _, search in _on_each_engine(words):
        assert search.first_ends(text) == {index: text.find(word) + len(word) for index, word in enumerate(words) if word in text}


def test_a_search_starts_on_the_automaton_and_moves_to_hyperscan_after_its_share_of_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # A one-file check never imports Hyperscan (about 1.8 ms); a batch moves to it once
    # the automaton has searched HYPERSCAN_AFTER_BYTES, and the answers do not change.
    monkeypatch.setattr(wordsearch, "HYPERSCAN_AFTER_BYTES", 1000)
    words = [b"propublica", b"caller"]
    page = b"x" * 390 + b" daily caller " + b"y" * 96
    search = WordSearch(words)
    engines = []
    for _ in range(4):
        engines.append(search.engine)
        assert search.first_ends(page) == {1: 403}
    assert engines == ["ahocorasick-rs", "ahocorasick-rs", "ahocorasick-rs", "hyperscan" if HYPERSCAN else "ahocorasick-rs"]


def test_where_hyperscan_is_missing_a_search_stays_on_the_automaton_and_looks_for_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordsearch, "HYPERSCAN_AFTER_BYTES", 0)
    looked: list[None] = []

    def missing() -> None:
        looked.append(None)

    monkeypatch.setattr(wordsearch, "_hyperscan", functools.cache(missing))
    search = WordSearch([b"word"])
    assert [search.found(b"a word here") for _ in range(3)] == [frozenset({0})] * 3
    assert search.engine == "ahocorasick-rs"
    assert looked == [None]
