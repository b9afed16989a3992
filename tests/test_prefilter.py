"""The literal prefilter never changes what detection finds: prefiltered checks equal full checks
(same packs, detections, findings, evidence and notices) on every sample, rule fixture, shared
case and corpus page, and on generated pages that disguise the publishers' words with look-alike
letters, character references, soft hyphens, zero-width characters and inline markup."""

from __future__ import annotations

import functools
import html
import json
import os
import random
import re
import subprocess
import sys
from html.entities import html5
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compliance import prefilter as prefilter_module
from compliance.document import parse_document
from compliance.engine import check_bytes, check_document
from compliance.findings import Report
from compliance.inputs import ARTICLE_SUFFIXES, kind_for
from compliance.loading import load_packs
from compliance.packs import Pack, load_pack
from compliance.patterns import MissingMeta
from compliance.prefilter import (
    _CHARACTER_REFERENCE,
    _MARKUP_SPLIT_TEXT,
    Prefilter,
    _attribute_reference,
    _page_parts,
    _split_markup,
    _text_reference,
    _with_references_read,
    check_words,
    fold,
    fold_utf8,
    page_text,
    pattern_words,
    prefilter_for,
)
from tests.conftest import ROOT, SAMPLES, SHARED, requires_shared

CASES = SHARED / "cases"
CORPUS = SHARED / "corpora" / "readability-test-pages"


@functools.cache
def packs() -> tuple[Pack, ...]:
    return tuple(load_packs())


def articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and (p.suffix.lower() in ARTICLE_SUFFIXES or p.suffix == ".orig"))


def full_check(data: bytes, kind: Any, path: str) -> Report:
    """What `check_bytes` reported before the prefilter: parse, then detect every marker."""
    doc = parse_document(data, kind, outlets=frozenset(o for pack in packs() for o in pack.outlets))
    return check_document(doc, packs(), path=path)


def shape(report: Report) -> dict[str, Any]:
    """Everything a report says, the fields its equality leaves out included."""
    return {
        "packs": report.packs,
        "findings": [(f.rule, f.severity, f.message, f.location, f.evidence, f.detail) for f in report.findings],
        "passed": [(p.rule, p.evidence, p.location) for p in report.passed],
        "notices": report.notices,
        "detections": [(d.pack, d.confidence, d.markers, d.applied, d.own_page, d.labels) for d in report.detections],
        "suppressed": report.suppressed,
    }


def assert_same(data: bytes, kind: Any, path: str = "page.html") -> Report:
    prefiltered = check_bytes(data, kind, packs(), path=path)
    full = full_check(data, kind, path)
    assert shape(prefiltered) == shape(full), path
    # Each marker that fires, and each own site named, was among the prefilter's candidates.
    text = parse_document(data, kind).source
    candidates = prefilter_for(packs()).scan(text, kind, page_url=path)
    for detection in full.detections:
        assert {(detection.pack, m) for m in detection.markers} <= candidates.markers, (path, detection)
        if detection.own_page:
            assert detection.pack in candidates.own_sites, (path, detection)
    return prefiltered


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(p.parents[2] if len(p.parents) > 2 else p.parent)) for p in paths]


SAMPLE_FILES = articles(SAMPLES) + articles(ROOT / "tests" / "rule-fixtures")


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=_ids(SAMPLE_FILES))
def test_prefiltered_checks_equal_full_checks_on_samples_and_fixtures(path: Path) -> None:
    kind = kind_for(str(path)) if path.suffix != ".orig" else "html"
    assert_same(path.read_bytes(), kind, str(path))


def test_prefiltered_checks_equal_full_checks_on_shared_cases() -> None:
    requires_shared([CASES / "real-world", CASES / "spoofing"])
    pages = articles(CASES / "real-world") + articles(CASES / "spoofing")
    assert len(pages) >= 20
    applied = [assert_same(p.read_bytes(), kind_for(str(p)), str(p)).packs for p in pages]
    assert any(applied)  # some cases are republications: the prefilter let their packs through


def test_prefiltered_checks_equal_full_checks_on_corpus_pages() -> None:
    requires_shared([CORPUS])
    pages = sorted(CORPUS.glob("*.html"))
    assert len(pages) == 130
    reports = [assert_same(p.read_bytes(), "html", str(p)) for p in pages]
    assert not any(r.packs for r in reports)


def test_a_page_no_pack_matches_skips_the_document_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.engine

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the document model was built")

    monkeypatch.setattr(compliance.engine, "parse_document", refuse)
    report = check_bytes(b"<html><body><article><h1>Council votes</h1><p>By Ana Ruiz</p><p>Text.</p></article></body></html>", "html", packs(), path="x.html")
    assert report.packs == ()
    assert [n.code for n in report.notices] == ["no-pack"]
    assert {d.pack for d in report.detections} == {p.id for p in packs() if p.markers}


def test_the_api_takes_the_same_path_as_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """`check_html` is prefiltered as `check_bytes` is: a page no pack matches builds no model."""
    import compliance.engine
    from compliance.api import check_html

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the document model was built")

    monkeypatch.setattr(compliance.engine, "parse_document", refuse)
    for page in ("<html><body><p>By Ana Ruiz</p><p>Council votes.</p></body></html>", b"<p>By Ana Ruiz</p><p>Council votes.</p>"):
        report = check_html(page)
        assert report.packs == ()
        assert [n.code for n in report.notices] == ["no-pack"]


def test_a_page_a_pack_matches_is_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.decoding

    calls: list[int] = []
    decode = compliance.decoding.decode_bytes

    def counted(data: bytes) -> Any:
        calls.append(len(data))
        return decode(data)

    monkeypatch.setattr(compliance.decoding, "decode_bytes", counted)
    data = (SAMPLES / "dcnf" / "compliant-static.html").read_bytes()
    assert check_bytes(data, "html", packs(), path="page.html").packs == ("dcnf",)
    assert calls == [len(data)]


def test_suppression_comments_still_build_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.engine

    built: list[str] = []
    parse = compliance.engine.parse_document
    monkeypatch.setattr(compliance.engine, "parse_document", lambda *args, **kwargs: built.append("model") or parse(*args, **kwargs))
    disabled = b"<html><body><!-- syndcheck-disable dcnf/logo -- not ours --><p>Text.</p></body></html>"
    assert_same(disabled, "html")
    assert built


# Pieces of pages around a suppression comment: comments of every shape the parser reads as one
# (bogus ones, unclosed, inside a tag's attribute or a script), the directive in other case,
# written with references, look-alike letters, soft hyphens or zero-width characters, or eaten
# into by a reference before it ("&timesyndcheck" reads "\u00d7yndcheck" in text).
_SUPPRESSION_TOKENS = (
    *("<!-- syndcheck-disable common/wire-photo -- licensed -->", "<!--syndcheck-disable-next dcnf/logo -- ours -->", "<!-- syndcheck-disable x"),
    *("<! syndcheck-disable a -- b >", "<? syndcheck-disable a -- b ?>", "</ syndcheck-disable a -- b>", "<!--\u3000syndcheck-disable a -- b-->"),
    *(
        "<!-- SYNDCHECK-DISABLE a -- b -->",
        "<!-- syndcheck&#45;disable a -- b -->",
        "<!-- syndcheck-dіsable a -- b -->",
        "<!-- synd\u00adcheck-disable a -- b -->",
    ),
    *(
        "<!-- syndcheck\u200b-disable a -- b -->",
        "&timesyndcheck-disable a -- b",
        "<a title='<!-- syndcheck-disable a -- b -->'>",
        "<script>'<!-- syndcheck-disable a -- b -->'</script>",
    ),
    *("<textarea><!-- syndcheck-disable a -- b --></textarea>", "<p>", "</p>", "Café ", "“quoted” ", "<!--", "-->", "-", "&", " ", "\n", "<b>", "</b>"),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SUPPRESSION_TOKENS), max_size=12))
def test_a_page_with_a_suppression_comment_gets_the_same_report_prefiltered_and_in_full(tokens: list[str]) -> None:
    """The prefilter's search tells a page that holds no suppression comment, so that the
    report of a page no pack matches is built without the model only when it has none."""
    page = "<html><body><p>Council votes.</p>" + "".join(tokens) + "</body></html>"
    assert_same(page.encode("utf-8", "surrogatepass"), "html")


def test_a_suppression_comment_is_found_by_the_prefilters_search() -> None:
    prefilter = prefilter_for(packs())
    assert prefilter.scan("<p>Text.</p><!-- syndcheck-disable dcnf/logo -- not ours -->", "html").suppression
    assert prefilter.scan("syndcheck-disable dcnf/logo -- not ours", "text").suppression
    assert not prefilter.scan("<p>Text about syndication.</p><!-- a comment -->", "html").suppression
    # Text that a reference before it eats into ("\u00d7yndcheck") is no comment's directive;
    # text written with a reference reads as the word, and only sends the page the long way.
    assert not prefilter.scan("<p>&timesyndcheck-disable</p>", "html").suppression
    assert prefilter.scan("<p>syndcheck&#45;disable</p>", "html").suppression


@pytest.mark.parametrize("levels", [3000, 20000])
def test_a_page_nested_past_the_parsers_limit_needs_no_model_when_no_pack_matches(monkeypatch: pytest.MonkeyPatch, levels: int) -> None:
    """Nested past libxml2's limit, a page is read again as a browser builds it, so nothing is cut
    off and no notice is due: with no pack's words on it, the prefiltered report is the full one,
    and costs no model (most large real pages hold thousands of start tags)."""
    deep = b"<html><body>" + b"<div>" * levels + b"text" + b"</div>" * levels + b"</body></html>"
    report = assert_same(deep, "html")
    assert [n.code for n in report.notices] == ["no-pack"]
    import compliance.engine

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the document model was built")

    monkeypatch.setattr(compliance.engine, "parse_document", refuse)
    assert check_bytes(deep, "html", packs(), path="deep.html").notices == report.notices


# --------------------------------------------------------------------------------------------
# Words of patterns
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"propublica\.org", [{b"propublica.org"}]),
        (
            r"^This\s+story\s+was\s+first\s+published\s+by\s+(?:The\s+)?Texas\s+Tribune\b",
            [{b"this", b"story", b"was", b"first", b"published", b"by", b"texas", b"tribune"}],
        ),
        (r"pixel[.]propublica", [{b"pixel.propublica"}]),
        (r"(?:Cal|Kaiser)Matters", [{b"cal", b"matters"}, {b"kaiser", b"matters"}]),
        (r"(?:KFF\s+)?Health", [{b"health"}]),
        (r"\p{Lu}\w+\s+ProPublica", [{b"propublica"}]),
        (r"Daily\u00a0Caller’s", [{b"caller's", b"daily"}]),
    ],
)
def test_a_pattern_gives_the_words_every_match_contains(pattern: str, words: list[set[bytes]]) -> None:
    assert pattern_words(pattern) == frozenset(frozenset(w) for w in words)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:ProPublica){e<=1}",  # fuzzy: "ProPublca" matches
        r"[[:alpha:]]ProPublica",  # a POSIX class, read as a set and a ']' by the standard parser
        r"(?:ProPublica)?",
        r"\w+",
        r"(?<=\p{L}{2,9})x",  # variable-length look-behind: only the `regex` package reads it
    ],
)
def test_a_pattern_with_no_required_words_has_none(pattern: str) -> None:
    assert pattern_words(pattern) is None or all(b"propublica" not in alternative for alternative in pattern_words(pattern) or ())


def test_a_marker_without_words_is_always_evaluated() -> None:
    pack = load_pack(
        "id: vague\nname: Vague\npublisher: Vague\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\n"
        "detect:\n  markers:\n    - id: any-word\n      check: {text: {pattern: '\\w+ \\w+', scope: page}}\n"
        "rules: [{id: vague/r, severity: error, message: m, help: h, check: {text: {phrase: x}}}]\n",
        "vague.yaml",
    )
    prefilter = Prefilter([pack])
    assert prefilter.scan("<p>Nothing here</p>", "html").markers == {("vague", "any-word")}


# --------------------------------------------------------------------------------------------
# The words chosen do not depend on the hash seed (sets of bytes iterate in an order that does)
# --------------------------------------------------------------------------------------------


def test_of_many_alternatives_equally_long_words_are_kept_by_how_many_share_them_then_byte_order() -> None:
    # Seventeen wordings of one credit, each beside the same publisher's name (two words as long
    # as each wording's own): the name is kept, in whatever order the alternatives come.
    wordings = [frozenset({frozenset({b"syndicat", b"harbor", b"ledger", f"deal{i:02d}".encode()})}) for i in range(17)]
    expected = frozenset({frozenset({b"syndicat", b"harbor", b"ledger"})})
    assert prefilter_module._one_of(wordings) == expected
    assert prefilter_module._one_of(wordings[::-1]) == expected
    # A word longer than the name's still comes first (length before sharing).
    longer = [*wordings[:16], frozenset({frozenset({b"syndicat", b"harbor", b"ledger", b"partnership"})})]
    assert frozenset({b"partnership", b"syndicat", b"harbor"}) in prefilter_module._one_of(longer)  # type: ignore[operator]


def test_equally_telling_words_are_chosen_in_byte_order() -> None:
    # No alternative shares more than another: byte order decides, whatever order they are given in.
    words = [frozenset({frozenset(f"{letter}{i:04d}".encode() for letter in "dcba")}) for i in range(17)]
    expected = frozenset(frozenset(f"{letter}{i:04d}".encode() for letter in "abc") for i in range(17))
    assert prefilter_module._one_of(words) == expected
    assert prefilter_module._one_of(words[::-1]) == expected
    assert prefilter_module._need_words([b"ab", b"cd", b"e"]) == frozenset({frozenset({b"ab"})})
    assert prefilter_module._need_words([b"cd", b"ab", b"e"]) == frozenset({frozenset({b"ab"})})
    assert prefilter_module._trimmed(frozenset({frozenset({b"zzzz", b"yyyy", b"xxxx", b"wwww"})})) == frozenset({frozenset({b"wwww", b"xxxx", b"yyyy"})})


def test_needs_left_out_of_a_combination_do_not_depend_on_the_order_given() -> None:
    # Three needs of four one-word alternatives, equally strong: two combine (16 alternatives),
    # the third is left out, the same one in whichever order they come.
    needs = [frozenset(frozenset({f"{name}{i}".encode()}) for i in range(4)) for name in ("tide", "gull", "reef")]
    combined = prefilter_module._all_of(needs)
    assert combined is not None and len(combined) == 16
    for order in (needs[::-1], [needs[1], needs[2], needs[0]], [needs[2], needs[0], needs[1]]):
        assert prefilter_module._all_of(order) == combined


def test_a_need_too_varied_to_combine_still_adds_the_words_its_alternatives_share() -> None:
    # A credit line's many openings, then the publisher's name before many endings: the endings
    # cannot each be combined with each opening, but every one of them holds the name (alone, or
    # inside "conversation,"), which a page must hold too.
    openings = frozenset(frozenset({verb.encode()}) for verb in ("published", "reprinted", "produced", "courtesy", "shared"))
    endings = frozenset(frozenset({b"conversation", word.encode()}) for word in ("which", "where", "under", "part", "donde", "parte", "since")) | {
        frozenset({b"conversation,"})
    }
    combined = prefilter_module._all_of([openings, endings])
    assert combined == frozenset(opening | {b"conversation"} for opening in openings)
    # Endings that share no word add nothing.
    unrelated = frozenset(frozenset({f"tide{i}".encode()}) for i in range(6))
    assert prefilter_module._all_of([openings, unrelated]) == openings


def test_a_credit_line_in_other_words_needs_the_publishers_name() -> None:
    conversation = next(pack for pack in load_packs() if pack.id == "the-conversation")
    marker = next(marker for marker in conversation.markers if marker.id == "credit-other-words")
    need = check_words(marker.check)
    # The name, or the site's host name a credit may print in its place ("Originally published by
    # TheConversation.com").
    assert need is not None and all(any(b"conversation" in word for word in alternative) for alternative in need)


_SEEDED_DERIVATION = """
import json, sys
from pathlib import Path
from compliance.loading import load_packs
from compliance.prefilter import derived_words, prefilter_for

def canonical(value):
    if isinstance(value, frozenset | set):
        return sorted((canonical(v) for v in value), key=repr)
    if isinstance(value, tuple | list):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return sorted([canonical(k), canonical(v)] for k, v in value.items())
    return repr(value)

packs = load_packs()
derived = derived_words(packs)
prefilter = prefilter_for(packs)
pages = {}
for name in sys.argv[1:]:
    page = Path(name)
    found = prefilter.scan(page.read_text(encoding="utf-8", errors="replace"), "html")
    pages[page.name] = canonical([found.markers, found.own_sites])
print(json.dumps({"packs": canonical(derived["packs"]), "patterns": canonical(derived["patterns"]), "pages": pages}))
"""


def test_the_derived_words_and_a_pages_candidates_do_not_depend_on_the_hash_seed() -> None:
    # The pack cache keeps the words of the run that built it: were they to move with the hash
    # seed, a page's speed (never its verdict) would move with whichever run built the cache.
    pages = [CORPUS / name for name in ("nytimes-3.html", "yahoo-2.html", "bug-1255978.html", "nytimes-1.html")]
    requires_shared(pages)
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "SYNDCHECK_NO_CACHE": "1"}
        run = subprocess.run([sys.executable, "-c", _SEEDED_DERIVATION, *map(str, pages)], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        outputs.append(json.loads(run.stdout))
    assert outputs[0]["packs"] and outputs[0]["pages"].keys() == {page.name for page in pages}
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]


def test_folding_reads_look_alikes_references_and_invisible_characters() -> None:
    assert fold("Dаily Cаller") == b"daily caller"  # Cyrillic а
    assert fold("Pro\u00adPub\u200blica’s") == b"propublica's"
    # Every invisible format character (category Cf and Default_Ignorable_Code_Point) is dropped,
    # the bidirectional marks and controls among them; a format character that shows is a break.
    assert fold("Pro\u200ePub\u202alica\u202c \u2066Daily\u2069 Cal\u061cler\u2063\U000e0041") == b"propublica daily caller"
    assert fold("Pro\u0600Publica") == b"pro publica"
    assert b"propublica.org" in page_text('<a href="https://&#112;ro&#x70;ublica.org/x">x</a>', "html")
    assert b"propublica" in page_text("<p>Pro<b>Pub</b><!-- > -->lica</p>", "html")
    # In an attribute a named reference without ';' before a letter or '=' stays as written.
    assert b"&copy=2" in page_text('<a href="/x?a=1&copy=2">x</a>', "html")


def _fold_by_character(text: str, keep: bytes) -> bytes:
    """`fold` spelt out one character at a time: the reference the fast folding must equal."""
    out = []
    for char in text:
        if not char.isascii():
            # What a character outside ASCII reads as is ASCII, folded in turn.
            out.append(_fold_by_character(prefilter_module._fold_char(char), keep))
        elif ord(char) in keep:
            out.append(char.encode())
        elif (ord(char) < 0x20 and char not in "\t\n\r\x0c") or char == "\x7f":
            out.append(b"")
        else:
            out.append(char.lower().encode())
    return b"".join(out)


_FOLD_CHARACTERS = st.sampled_from(
    [*"aZ09 -'\t\n\r\x0c\x00\x01\x02\x08\x0b\x1b\x1c\x1f\x7f", *"é’“—\u00a0\u00adаſ\u212aﬁ\u200b\ud800\u200e\u202e\u2066\u061c\u2063\U000e0041\u0600"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(_FOLD_CHARACTERS, max_size=30), st.sampled_from([b"", b"\x01"]))
def test_folding_drops_control_characters_and_keeps_those_asked_for(text: str, keep: bytes) -> None:
    # Every control character dropped (NUL and the information separators \x1c-\x1f among
    # them), and the boundary mark kept when asked: alike from text and from its UTF-8 bytes.
    expected = _fold_by_character(text, keep)
    assert fold(text, keep=keep) == expected
    assert fold_utf8(text.encode("utf-8", "surrogatepass"), keep=keep) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["abc ", "Ab", "\n", "’", "é", "ễ", "\u00ad", "а", "\U0001f600", "\ud800", "\x00", "\x01", "ß"]), max_size=40), st.integers(1, 9)
)
def test_a_long_page_is_folded_in_stretches_as_in_one_piece(pieces: list[str], stretch: int) -> None:
    # Cut wherever a stretch ends (here after a few bytes), multi-byte characters included.
    text = "".join(pieces)
    with patch.object(prefilter_module, "_FOLD_STRETCH", stretch):
        for keep in (b"", b"\x01"):
            assert fold_utf8(text.encode("utf-8", "surrogatepass"), keep=keep) == fold(text, keep=keep)


# Characters whose UTF-8 bytes collide: '©' and 'é' end alike and fold alike, a soft hyphen and
# 'í' end alike and fold apart, '\u2000' and '\U00010000' repeat a byte, the middle byte of '’'
# ends 'À' and '😀', 'ﬁ' folds to two letters, a lone surrogate, and Chinese and Greek letters
# (which share their bytes widely), beside ASCII, the controls folding drops and the boundary mark.
_COLLIDING = st.sampled_from(
    [
        *"aZ9 <>&\n\x00\x01\x1c\x7f",
        *"©é\u00adíÀ’“\u2000\u2020€ﬁſаК\ud800\U00010000\U0001f600\u200b",
        *"中文字國語言漢αβγδεζηθ",
        "abc" * 30,
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_COLLIDING, max_size=60), st.sampled_from([b"", b"\x01"]))
def test_utf8_is_folded_by_one_translation_as_one_character_at_a_time(pieces: list[str], keep: bytes) -> None:
    # Whatever characters a page holds together, the translation folds each as `fold` does,
    # replacing first those whose bytes collide, or decoding the page when too many do.
    text = "".join(pieces)
    data = text.encode("utf-8", "surrogatepass")
    expected = _fold_by_character(text, keep)
    assert fold_utf8(data, keep=keep) == expected
    assert prefilter_module._fold_decoding(data, keep) == expected


def test_characters_whose_bytes_collide_are_replaced_before_the_translation() -> None:
    # '©' and 'é' end in the same byte and fold alike: one translation reads both.
    replaced, _table, _delete = prefilter_module._translation(frozenset("©é’"), b"")
    assert replaced == ()
    # A soft hyphen ends like 'í' but is dropped (the first in code point order keeps the byte);
    # '\u2000' repeats its last byte; 'ﬁ' is two letters.
    replaced, _table, _delete = prefilter_module._translation(frozenset("í\u00ad\u2000ﬁ"), b"")
    assert sorted(replaced) == sorted([("í".encode(), b" "), ("\u2000".encode(), b" "), ("ﬁ".encode(), b"fi")])
    assert fold_utf8("Pro\u00adPublíca\u2000ﬁ".encode()) == b"propubl ca fi"
    # Too many colliding letters (a page of Chinese) and the page is decoded instead.
    chinese = "".join(map(chr, range(0x4E00, 0x4E00 + 200)))
    assert prefilter_module._translation(frozenset(chinese), b"") is None
    assert fold_utf8(f"{chinese} ProPublica".encode()) == b" " * 201 + b"propublica"


# Pieces of pages where reading the markup by bytes (ASCII letters, ASCII word boundaries) and by
# text (Unicode case folding: 'ſ' is an 's', 'ı' and 'İ' an 'i', the Kelvin sign a 'k') may differ.
_MARKUP_TOKENS = (
    *"<>/&;#= \n\x01'\"!-?aStxX0é’\u00a0\u00adа",
    *("<script", "</script", "<style", "</style>", "<STYLE", "<scriptä", "</scriptä>", "<script\u00a0>", "</style\u00a0", "<!--", "-->"),
    *("<ſcript>", "<scrıpt>", "<İ", "<K", "<b>", "</b>", "<a href=", "Pro", "Publica", "ä", "\ud800", "\U0001f600"),
    *("&amp", "&amp;", "&ampä", "&amp=", "&copy", "&notin", "&#112;", "&#x70;", "&#xD800;", "&rsquo;", "&CounterClockwiseContourIntegral;"),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_MARKUP_TOKENS), max_size=40))
def test_a_page_is_read_from_its_utf8_bytes_as_from_its_text(tokens: list[str]) -> None:
    page = "".join(tokens)
    # The bytes are split where the text pattern splits the text ...
    text, markups = _split_markup(page.encode("utf-8", "surrogatepass"))
    pieces = [piece.encode("utf-8", "surrogatepass") for piece in _MARKUP_SPLIT_TEXT().split(page)]
    assert (text, markups) == (b"\x01".join(filter(None, pieces[0::2])), pieces[1::2])
    # ... and references and characters are read in UTF-8 as `html.unescape` and `fold` read text.
    markup = "\n".join(_MARKUP_SPLIT_TEXT().split(page)[1::2])
    assert fold_utf8(_CHARACTER_REFERENCE().sub(_text_reference, text)) == fold(html.unescape(text.decode("utf-8", "surrogatepass")))
    attribute_read = _CHARACTER_REFERENCE().sub(_attribute_reference, markup.encode("utf-8", "surrogatepass"))
    assert fold_utf8(attribute_read) == fold(re.sub(_CHARACTER_REFERENCE().pattern.decode(), _text_attribute_reference, markup))


# Names of 31 to 34 bytes: a reference's name runs to 32 bytes, so where it ends may fall on a `&`.
_LONG_NAMES = tuple("&" + "x" * length + end for length in (31, 32, 33) for end in ("", ";"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from((*_MARKUP_TOKENS, *_LONG_NAMES)), max_size=40), st.integers(1, 5))
def test_references_read_a_piece_between_ampersands_at_a_time_read_as_one_substitution_reads_them(tokens: list[str], repeats: int) -> None:
    data = "".join(tokens * repeats).encode("utf-8", "surrogatepass")
    for read in (_text_reference, _attribute_reference):
        assert _with_references_read(data, read) == _CHARACTER_REFERENCE().sub(read, data)


@pytest.mark.parametrize("reference", ["&amp;", "&nbsp;", "&#8217;", "&#x2019;", "&lt", "&notit;", "&copy", "&"])
def test_a_reference_repeated_many_times_reads_as_each_of_them_does(reference: str) -> None:
    data = ("Tom" + reference * 20_000 + "Jerry" + reference + "=x").encode()
    for read in (_text_reference, _attribute_reference):
        assert _with_references_read(data, read) == _CHARACTER_REFERENCE().sub(read, data)
    assert _with_references_read(data, _text_reference).decode() == html.unescape(data.decode())


def _text_attribute_reference(match: re.Match[str]) -> str:
    """The attribute rule as written for text (`_attribute_reference` reads UTF-8)."""
    name = match.group(1)
    if name[0] != "#" and not (name.endswith(";") and name in html5):
        for end in range(min(len(name), 32), 1, -1):
            if name[:end] in html5:
                following = name[end : end + 1] or match.string[match.end() : match.end() + 1]
                if following.isalnum() or following == "=":
                    return match.group(0)
                break
    return html.unescape(match.group(0))


# --------------------------------------------------------------------------------------------
# Generated pages: publishers' words disguised
# --------------------------------------------------------------------------------------------

LOOK_ALIKES = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "s": "ѕ", "A": "А", "B": "В", "P": "Р", "T": "Т"}
_TEXT_EDITS = (
    "soft-hyphen",
    "shy-reference",
    "zero-width",
    "zwsp-reference",
    "look-alike",
    "look-alike-reference",
    "letter-reference",
    "inline-tag",
    "comment",
    "case",
    "empty-element",
    "hidden-element",
    "hidden-by-class",
    "fullwidth",
    "math-bold",
    "math-sans",
    "bidi-mark",
    "bidi-isolate",
    "bidi-reference",
    "invisible-format",
)
# An attribute's words (an alt text) are read through invisible characters and compatibility
# forms as the page's text is (`compliance.lookalike.as_read`).
_ATTRIBUTE_EDITS = ("letter-reference", "hex-reference", "case", "look-alike", "percent", "zero-width", "soft-hyphen", "fullwidth", "invisible-format")


def editable_letters(source: str) -> list[tuple[int, str]]:
    """Letters of the page's text (outside scripts and styles) and of its quoted attribute values,
    each with where it is ("text" or "attribute")."""
    found = []
    skip = [(m.start(), m.end()) for m in re.finditer(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", source, re.I | re.S)]
    for match in re.finditer(r"<[A-Za-z][^>]*>|[^<]+", source):
        if any(a <= match.start() < b for a, b in skip):
            continue
        if match.group().startswith("<"):
            for value in re.finditer(r"""=\s*"([^"&<]*)"|=\s*'([^'&<]*)'""", match.group()):
                group = 1 if value.group(1) is not None else 2
                found += [(match.start() + value.start(group) + i, "attribute") for i, c in enumerate(value.group(group)) if c.isascii() and c.isalpha()]
        else:
            found += [
                (match.start() + i, "text") for i, c in enumerate(match.group()) if c.isascii() and c.isalpha() and "&" not in match.group()[max(0, i - 8) : i]
            ]
    return found


def disguise(source: str, edits: list[tuple[int, str]]) -> str:
    """The page with each edit applied at a letter (edits given as (letter number, edit name))."""
    letters = editable_letters(source)
    if not letters:
        return source
    chosen: dict[int, tuple[str, str]] = {}
    for number, edit in edits:
        position, where = letters[number % len(letters)]
        if where == "attribute" and edit not in _ATTRIBUTE_EDITS:
            edit = _ATTRIBUTE_EDITS[number % len(_ATTRIBUTE_EDITS)]
        chosen[position] = (where, edit)
    out = []
    last = 0
    for position in sorted(chosen):
        _where, edit = chosen[position]
        char = source[position]
        out.append(source[last:position])
        last = position + 1
        out.append(_edited(char, edit))
    out.append(source[last:])
    return "".join(out)


def _edited(char: str, edit: str) -> str:
    look_alike = LOOK_ALIKES.get(char, char)
    return {
        "soft-hyphen": char + "\u00ad",
        "shy-reference": char + "&shy;",
        "zero-width": "\u200b" + char,
        "zwsp-reference": char + "&#8203;",
        "look-alike": look_alike,
        "look-alike-reference": f"&#{ord(look_alike)};",
        "letter-reference": f"&#{ord(char)};",
        "hex-reference": f"&#x{ord(char):x};",
        "inline-tag": f"<b>{char}</b>",
        "empty-element": f"{char}<span></span>",
        "hidden-element": f'{char}<span style="display:none">zq</span>',
        "hidden-by-class": f'{char}<span class="sr-only">x y</span>',
        "comment": f"<!-- a > b -->{char}",
        "case": char.swapcase(),
        "percent": f"%{ord(char):02X}",
        # Compatibility forms NFKC reads as the letter: fullwidth, mathematical bold and sans-serif.
        "fullwidth": chr(ord(char) - 0x21 + 0xFF01),
        "math-bold": chr((0x1D400 if char.isupper() else 0x1D41A) + ord(char.lower()) - ord("a")),
        "math-sans": chr((0x1D5A0 if char.isupper() else 0x1D5BA) + ord(char.lower()) - ord("a")),
        # Bidirectional marks and controls, written or as references, and other invisible format
        # characters (the invisible separator, a tag character).
        "bidi-mark": char + "\u200e",
        "bidi-isolate": "\u2068" + char + "\u2069",
        "bidi-reference": char + "&rlm;",
        "invisible-format": char + "\u2063\U000e0041",
    }[edit]


def _marker_pages() -> list[Path]:
    pages = [p for p in articles(SAMPLES) if p.suffix == ".html" and "negative" not in p.parts]
    return pages[:: max(1, len(pages) // 24)]


MARKER_PAGES = _marker_pages()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    page=st.sampled_from(MARKER_PAGES),
    edits=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.sampled_from(_TEXT_EDITS)), min_size=1, max_size=40),
)
def test_disguised_pages_get_the_same_report_prefiltered_and_in_full(page: Path, edits: list[tuple[int, str]]) -> None:
    source = page.read_text(encoding="utf-8")
    assert_same(disguise(source, edits).encode("utf-8"), "html", str(page))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from(MARKER_PAGES), seed=st.integers(min_value=0, max_value=2**32), edit=st.sampled_from(_TEXT_EDITS))
def test_every_letter_of_the_publishers_words_disguised_alike(page: Path, seed: int, edit: str) -> None:
    """One kind of disguise at many letters at once (most pages then still name the publisher
    to a reader, and full detection still finds it)."""
    source = page.read_text(encoding="utf-8")
    rng = random.Random(seed)
    count = len(editable_letters(source))
    edits = [(n, edit) for n in range(count) if rng.random() < 0.3]
    assert_same(disguise(source, edits).encode("utf-8"), "html", str(page))


_HYPHENS = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\ufe63", "\uff0d", "\u2014", "&#8209;"]
_PARTNER_PAGE = (
    "<html><body><article><h1>Fishermen protest new quotas</h1><p>By Ana Lind</p>"
    "<p>This article by Ana Lind was first published by Island Courier and is republished by Global Voices as part of a content-sharing agreement.</p>"
    "<p>Hundreds of small-boat owners gathered at the port on Saturday.</p></article></body></html>"
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from([None, *MARKER_PAGES]), seed=st.integers(min_value=0, max_value=2**32), hyphen=st.sampled_from(_HYPHENS))
def test_hyphens_of_every_kind_get_the_same_report_prefiltered_and_in_full(page: Path | None, seed: int, hyphen: str) -> None:
    """The ASCII hyphens of a page (a Global Voices partner note's "content-sharing" among them)
    typed as other hyphens and dashes, some of them."""
    source = _PARTNER_PAGE if page is None else page.read_text(encoding="utf-8")
    rng = random.Random(seed)
    edited = "".join(hyphen if c == "-" and rng.random() < 0.5 else c for c in source)
    report = assert_same(edited.encode("utf-8"), "html", str(page or "partner.html"))
    if page is None and hyphen != "\u2014":
        assert report.packs == ("global-voices",)


_LICENSE_PAGE = (
    "<html><body><article><h1>Council votes</h1><p>By Ana Ruiz</p><p>Text of the story.</p>"
    "<p>All content created by the Daily {} News Foundation, a nonpartisan news service, is free.</p></article></body></html>"
)


@pytest.mark.parametrize(
    "caller",
    [
        "Cal<span></span>ler",
        'Cal<span style="display:none">zq</span>ler',
        "Cal<span hidden>zq xy</span>ler",
        'Cal<span class="sr-only">x</span>ler',
        "Cal<template>x</template>ler",
        'Cal<span style="font-size:0">x</span>ler',
        "Ca<b>l</b><span hidden>q</span><i hidden>r</i>ler",
        "Cal<span hidden> </span>ler",
        'Cal<span style="display:none">\n</span>ler',
        # Two of white space only, side by side: neither alone has letters on both sides.
        "Cal<i hidden> </i><b hidden> </b>ler",
        "Cal<i hidden>\n</i><!-- c --><b hidden> </b>ler",
    ],
)
def test_an_element_hidden_inside_a_word_does_not_hide_the_word_from_the_prefilter(caller: str) -> None:
    """A reader sees "Daily Caller": the hidden element's text is not read by full detection, so
    the prefilter, which cannot know what the page's CSS hides, reads the word both ways."""
    report = assert_same(_LICENSE_PAGE.format(caller).encode(), "html")
    assert report.packs == ("dcnf",)


@pytest.mark.parametrize("caller", ["Cal<div hidden>x</div>ler", "Cal<br>ler", "Cal<img alt=x>ler"])
def test_an_element_that_ends_a_block_inside_a_word_splits_it_alike(caller: str) -> None:
    assert assert_same(_LICENSE_PAGE.format(caller).encode(), "html").packs == ()


def test_the_prefilter_reads_the_text_around_a_hidden_element_with_it_hidden() -> None:
    assert b"propublica" in page_text('<p>Pro<span style="display:none">x</span>Publica</p>', "html")
    assert b"propublica" in page_text("<p>Pro<i hidden>x</i><b>Pub</b><i hidden>y</i>lica</p>", "html")
    # The page is searched as written too: a hidden element's text may be what a marker names.
    assert b"proxpublica" in page_text('<p>Pro<span style="display:none">x</span>Publica</p>', "html")


# Pieces of pages with text nodes inside words, some of them hidden, and of words to look for.
_HIDING_TOKENS = (
    *("Pro", "Pub", "lica", "Cal", "ler", "x", "q.", "l", "o", " ", "\n", "'", ".", "&amp;", "&#x70;", "é", "\u00ad"),
    *("<b>", "</b>", "<i hidden>", "</i>", '<span style="display:none">', "</span>", "<p>", "</p>", "<br>", "<!-- c -->"),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_HIDING_TOKENS), max_size=30), st.lists(st.tuples(st.integers(0, 400), st.integers(2, 12)), min_size=1, max_size=6))
# Two nodes hidden at once join bytes that hiding either alone does not ("o" and "l").
@example(["Pro", "<i hidden>", "x", "</i>", "<b>", "q.", "</b>", "lica"], [(0, 2)])
def test_text_read_with_nodes_hidden_is_searched_wherever_hiding_them_may_join_a_word(tokens: list[str], slices: list[tuple[int, int]]) -> None:
    """Reading text with nodes inside a word hidden only where hiding them puts two bytes side by
    side that are side by side in a word finds every word that reading all of it finds (the
    words are taken from those readings, so that they span where nodes were hidden)."""
    page = "".join(tokens)
    readings = b"\n".join(_page_parts(page, "html", 16).parts[2:])
    words = {word for start, size in slices for word in readings[start : start + size].split()} | {b"prolica", b"caller"}
    pairs = frozenset(word[i : i + 2] for word in words for i in range(len(word) - 1))
    reach = max(map(len, words))
    every, some = _page_parts(page, "html", reach), _page_parts(page, "html", reach, pairs=pairs)
    assert every.undecided == some.undecided and every.parts[:2] == some.parts[:2]
    assert {w for w in words if w in b"\n".join(every.parts)} == {w for w in words if w in b"\n".join(some.parts)}


_SITE_NAME_TOKENS = (
    *('<meta property="og:site_name" content="', "<meta content=", '">', "'>", "<p>", "</p>", "=", '"', "'", " ", "\n", "x"),
    *("Daily", "Caller", "daily caller", "Callers", "KFF", "Health", "News", "KFF Health News", "og:site_name", "&#x43;aller"),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SITE_NAME_TOKENS), max_size=25))
@example(['<meta property="og:site_name" content="', "Daily", " ", "Caller", '">'])  # at the markup's very end
@example(["<p>", "daily caller", "</p>", "<meta content=", "Daily", "\n", "Caller", "'>", "og:site_name"])
def test_a_publishers_name_as_a_whole_attribute_value_names_its_own_site(tokens: list[str]) -> None:
    """Every pack whose publisher's name is the whole value of an attribute, as the parser reads
    the page (case and spacing aside), is among the own sites the prefilter gives."""
    import lxml.html

    prefilter = Prefilter(packs())
    page = "".join(tokens)
    own = prefilter.scan(page, "html").own_sites
    names = {pack: {b" ".join(name.words) for name in value} for pack, _need, value in prefilter._own_names}
    try:
        values = [value for element in lxml.html.document_fromstring(page).iter() for value in element.attrib.values()]
    except Exception:  # noqa: BLE001 - a page the parser refuses holds no attribute to compare
        values = []
    named = {pack for pack, spellings in names.items() for value in values if b" ".join(fold(value).split()) in spellings}
    assert named <= own


_MARKDOWN_STORY = "# Rents rise again\n\nBy Ana Ruiz\n\nTenants said the increase came without warning.\n\n{credit}\n"


@pytest.mark.parametrize(
    ("credit", "pack"),
    [
        ("This story was originally published by Pro<b></b>Publica.", "propublica"),
        ("This story was originally published by Pro&shy;Publica.", "propublica"),
        ("This story was originally published by &#80;ro&#x50;ublica.", "propublica"),
        ("This story was originally published by **Pro**&#8203;Publica.", "propublica"),
        ("All content created by the Daily Cal&shy;ler News Foundation, an independent newswire, is free.", "dcnf"),
        ("All content created by the Daily &#67;aller News Foundation, an independent newswire, is free.", "dcnf"),
        ("All content created by the Daily Caller News <span>Foun</span>dation, an independent newswire, is free.", "dcnf"),
        ("For licensing opportunities, contact licensing@dailycaller&shy;newsfoundation.org.", "dcnf"),
        ('This story was originally published by Cal<i class="x"></i>Matters.', "calmatters"),
        # Near-misses: a space inside the markup still splits the name, and a reference that is
        # not one (CommonMark's need a ';') stays as written.
        ("This story was originally published by Pro<b> </b>Publica.", None),
        ("This story was originally published by Pro&shyPub;lica.", None),
        ("All content created by the Daily Cal&nbsp;ler News Foundation, is free.", None),
    ],
)
def test_a_name_markdown_renders_through_inline_html_or_references_is_detected_as_in_full(credit: str, pack: str | None) -> None:
    report = assert_same(_MARKDOWN_STORY.format(credit=credit).encode(), "markdown", "story.md")
    assert report.packs == ((pack,) if pack else ())


@pytest.mark.parametrize(
    ("credit", "pack"),
    [
        ("This story was originally published by Pro<b></b>Publica.", "propublica"),
        ("This story was originally published by &#80;ro&#x50;ublica.", "propublica"),
        ("All content created by the Daily &#67;aller News Foundation, an independent newswire, is free.", "dcnf"),
        ("All content created by the Daily Caller News <span>Foun</span>dation, an independent newswire, is free.", "dcnf"),
        ("For licensing opportunities, contact licensing@dailycaller&shy;newsfoundation.org.", "dcnf"),
    ],
)
def test_the_same_names_in_html_are_detected_alike(credit: str, pack: str) -> None:
    page = f"<html><body><article><h1>Rents rise again</h1><p>By Ana Ruiz</p><p>Tenants said so.</p><p>{credit}</p></article></body></html>"
    assert assert_same(page.encode(), "html").packs == (pack,)


@pytest.mark.parametrize(
    "credit", ["This story was originally published by Pro<b></b>Publica.", "All content created by the Daily Cal&shy;ler News Foundation, is free."]
)
def test_a_text_article_is_read_as_written(credit: str) -> None:
    """A plain-text article shows its markup and references as written: no pack, alike in full."""
    assert assert_same(_MARKDOWN_STORY.format(credit=credit).encode(), "text", "story.txt").packs == ()


_MARKDOWN_TOKENS = (
    *("Pro", "Publica", "Daily ", "Cal", "ler", " News Foundation", "This story was originally published by ", "All content created by the "),
    *("<b>", "</b>", "<span hidden>", "</span>", "<!-- c -->", "**", "_", "`", "&shy;", "&#80;", "&#x50;", "&amp;", "&", "\u200e", "\n", "\n\n", " ", "."),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_MARKDOWN_TOKENS), max_size=30))
@example(["This story was originally published by ", "Pro", "<b>", "</b>", "Publica", "."])
@example(["All content created by the ", "Daily ", "Cal", "&shy;", "ler", " News Foundation"])
def test_generated_markdown_gets_the_same_report_prefiltered_and_in_full(tokens: list[str]) -> None:
    assert_same(("# Rents rise again\n\n" + "".join(tokens) + "\n").encode(), "markdown", "story.md")


def test_a_publishers_name_in_look_alike_letters_is_detected_as_in_full() -> None:
    source = (SAMPLES / "dcnf" / "compliant-static.html").read_text(encoding="utf-8")
    disguised = source.replace("Daily Caller News Foundation", "Dаily Cаller News Foundаtion").replace("Daily Caller", "Dаily Cаller")
    assert "Daily Caller" not in disguised
    report = assert_same(disguised.encode("utf-8"), "html", "disguised.html")
    assert report.packs == ("dcnf",)


def test_the_documented_example_needs_the_words_it_says() -> None:
    text = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    block = text.split("## The literal prefilter of detection", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    pattern = re.search(r"pattern: '(.*)'", block)
    assert pattern is not None
    tribune = next(p for p in packs() if p.id == "texas-tribune")
    marker = next(m for m in tribune.markers if m.id == "credit-line")
    assert marker.check.params.pattern.source == pattern.group(1)  # the pack's own marker
    need = pattern_words(pattern.group(1))
    assert need is not None and len(need) == 8
    for alternative in need:
        assert {b"this", b"texas", b"tribune"} <= alternative
        assert len(alternative & {b"story", b"article"}) == 1
        assert len(alternative & {b"originally", b"first"}) == 1
        assert len(alternative & {b"published", b"appeared"}) == 1


def _link_checks() -> list[Any]:
    from compliance.packs import iter_checks

    checks = [c for pack in packs() for rule in pack.rules for c in iter_checks(rule.check)]
    checks += [c for pack in packs() for marker in pack.markers for c in iter_checks(marker.check)]
    return [c for c in checks if c.kind == "link"]


def test_links_found_through_the_url_index_are_those_a_search_of_every_link_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.checks import Context, link

    pages = [p for p in SAMPLE_FILES if p.suffix == ".html"]
    extra = b'<p><a href="https://www.&#112;ro&#x50;ublica.org/article/x">a</a> <a href="HTTPS://WWW.PROPUBLICA.ORG/article/y">b</a></p>'
    documents = [parse_document(p.read_bytes(), "html") for p in pages] + [parse_document(extra, "html")]
    checks = _link_checks()
    assert checks

    def outcomes() -> list[Any]:
        found = []
        for doc in documents:
            for check in checks:
                try:
                    outcome = link.evaluate(doc, check.params, Context(doc))
                except MissingMeta as exc:
                    found.append(("needs", exc.key))
                    continue
                found.append((outcome.passed, [h.evidence for h in outcome.hits], outcome.detail))
        return found

    indexed = outcomes()
    # Every link of the page, the article's checks' included (`in_article`), each URL searched.
    monkeypatch.setattr(link, "_links_with_words", lambda doc, _pattern, *, in_article=False: doc.links)
    assert indexed == outcomes()
    assert sum(1 for o in indexed if o[0] is True) >= 10


@pytest.mark.parametrize(
    "credit",
    [
        "Pro\xadPublica",  # a soft hyphen beside 'í' (their last UTF-8 bytes collide)
        "Daily Cal\xadler News Foundation",
        "originally published by ProPublica",
    ],
)
def test_a_cp1252_page_with_colliding_characters_gets_the_same_report_prefiltered_and_in_full(credit: str) -> None:
    # A page in cp1252 (no UTF-8 bytes of its own: the prefilter encodes its text), holding
    # characters outside ASCII whose UTF-8 bytes collide ('í' and a soft hyphen end alike, '©'
    # and 'é' too), and enough of them to cross a few 4 KB stretches.
    body = "<p>José Díaz © 2024 — “quoted” é í</p>" * 150
    page = f'<html><head><meta charset="windows-1252"></head><body>{body}<p>This story was {credit}.</p></body></html>'
    data = page.encode("cp1252")
    assert_same(data, "html")
    # The prefilter reads the credit as a reader does, the soft hyphen dropped.
    assert fold(credit.replace("\xad", "")) in page_text(page, "html")
