"""Pack patterns searched over a document's text: the matches are those of the regex engine's own
`finditer`, however the search is carried out."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.patterns import MATCH_TIMEOUT, compile_pattern

# Credit-line patterns as packs write them: anchored at a block's start, with groups, classes,
# alternation inside groups, and a few that are not anchored (a top-level `|`, a repeated `^`).
PATTERNS = [
    r"^(?:This\s+(?:story|article)\s+was\s+(?:originally\s+)?published\s+by\s+(?P<outlet>ProPublica|KFF\s+Health\s+News))",
    r"^The\s+following\s+is\s+a\s+partner\s+post\s+from\b",
    r"^[A-Z][a-z]+,\s+[A-Z]{2}\b",
    r"^[]x]+y",
    r"^(?:a|b)\s*\n\s*(?:a|b)",
    r"^a\s+b|c\s+d",
    r"^(?:x)?",
    r"^",
    r"^(a)\s+\1",
    r"^(?i)source:\s*the\s+conversation\b",
    r"(?m)^x|^y",
    r"^\w+$",
    r"^[|]a",
    r"^\|a|b",
]
TEXTS = [
    "",
    "This story was published by ProPublica.\nThe following is a partner post from X\nSource: The Conversation",
    "Intro\nThis article was originally published by KFF Health News\nAustin, TX — a dateline",
    "a\nb\na\nb\n\nc d a b\na a\nx]y\n|a\nb",
    "no match here at all\n\n\n",
]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.parametrize("ignore_case", [False, True])
def test_finditer_finds_what_the_regex_engine_finds(source: str, ignore_case: bool) -> None:
    pattern = compile_pattern(source, ignore_case=ignore_case)
    for text in TEXTS:
        expected = [(m.span(), m.groupdict()) for m in pattern.compiled.finditer(text, timeout=MATCH_TIMEOUT)]
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([r"^a+b?", r"^(?:ab|a)\n?b", r"^b|a", r"^[ab]\s*$", r"^(?P<x>a|b)(?P=x)", r"^(?:a\n)+", r"^a*"]),
    st.text(alphabet="ab \n", max_size=40),
    st.booleans(),
)
def test_finditer_agrees_with_the_engine_on_generated_text(source: str, text: str, ignore_case: bool) -> None:
    pattern = compile_pattern(source, ignore_case=ignore_case)
    compiled = regex.compile(pattern.regex_text, regex.V0 | regex.UNICODE | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0))
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]


@pytest.mark.parametrize(
    ("source", "anchored"),
    [
        (r"^(?:This|That)\s+story", True),
        (r"^[|]a", True),
        (r"^[]|]a", True),
        (r"^(?i)source", True),
        (r"^a|b", False),  # the second branch matches anywhere
        (r"^\|a|b", False),
        (r"^?a", False),
        (r"^(?x) a | b", False),  # verbose: spaces and `|` mean other things
        (r"^(?-m)a", False),  # `^` no longer a line start
        (r"^(?#|)a", False),
        (r"a^", False),
    ],
)
def test_which_patterns_can_only_match_at_a_line_start(source: str, anchored: bool) -> None:
    from compliance.patterns import _starts_lines

    assert _starts_lines(source) is anchored


_ATOMS = st.sampled_from(["a", "b", "ab", "ba", "A", r"\.", ".", "[ab]", "[^a]", r"\s", r"\b", "(?:ab|b)", "(?:ab)", "(a)", "x", "é"])
_SUFFIXES = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "+?"])


@st.composite
def _patterns(draw: st.DrawFn) -> str:
    parts = [draw(_ATOMS) + draw(_SUFFIXES) for _ in range(draw(st.integers(1, 6)))]
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), "|")
    pattern = "".join(parts)
    return f"(?:{pattern})" if draw(st.booleans()) else pattern


@settings(max_examples=300, deadline=None)
@given(_patterns(), st.text(alphabet="abAB.xé \nÉ", max_size=30), st.booleans())
def test_a_pattern_is_never_ruled_out_where_the_engine_finds_it(source: str, text: str, ignore_case: bool) -> None:
    pattern = compile_pattern(source, ignore_case=ignore_case)
    expected = pattern.compiled.search(text)
    found = pattern.search(text)
    assert (found.span() if found else None) == (expected.span() if expected else None)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.compiled.finditer(text)]


@pytest.mark.parametrize(
    ("source", "literal"),
    [
        (r"https?://(?:www\.)?propublica\.org/", "propublica.org/"),
        (r"The\s+Conversation\b", "Conversation"),
        (r"x{2}yzw", "yzw"),
        (r"ab|cd", ""),  # either branch
        (r"(?i)abcdef", ""),  # inline flags are not read
        (r"abc\x41def", ""),  # an escape standing for another character
        (r"a{b|c}", ""),  # a brace the engine may read as itself
    ],
)
def test_the_literal_every_match_contains(source: str, literal: str) -> None:
    from compliance.patterns import _required_literal

    assert _required_literal(source) == literal


def test_a_pattern_wrapped_in_a_group_is_read_inside_it() -> None:
    from compliance.patterns import _required_literal

    assert _required_literal(r"(?:^https?://(?:www\.)?calmatters\.org/[a-z0-9-]+/\d{4}/)") == "calmatters.org/"
    assert _required_literal(r"(?:a)|(?:bcd)") == ""  # two groups, not one around everything


@pytest.mark.parametrize(
    ("source", "literals"),
    [
        (r"(?:Getty\s+Images|\bAP\s+Photo\b|\b(?:Photo|Image)s?:\s*AP\b|Shutterstock)", ("AP", "Getty", "Image", "Photo", "Shutterstock")),
        (r"^(?:This\s+story)", ("This",)),
        (r"(?P<outlet>ab|cd)e", ("ab", "cd")),
        (r"abc?", ("ab",)),  # the character before a quantifier may be absent
        (r"a\.b+", ("a.",)),
        (r"(?:ab){2}", ("ab",)),
        # An optional group: a match opens with it or with what follows it.
        (r"(?:ab)?cd", ("ab", "cd")),
        (r"(?:https?://)?(?:www\.)?ab\.org", ("ab.org", "http", "www.")),
        (r"\b(?:ab|cd)*?ef|gh", ("ab", "cd", "ef", "gh")),
        (r"(?:ab){0,2}xy", ("ab", "xy")),
        (r"(?:ab){0,2}x", ()),  # "x" is too short to look for
        (r"(?:ab){,2}x", ()),
        (r"(?:ab)?", ()),  # nothing after it: a match may be empty
        (r"(?:ab)?\s*cd", ()),  # what follows it opens with no literal
        (r"(?=ab)?cd", ()),  # an optional look-ahead is not read
        (r"(?=ab)ab", ()),  # a look-ahead is not read
        (r"\bab|c", ()),  # a branch opening with one character
        (r"ab|[cd]e", ()),  # a branch opening with a class
        (r"(?i)abc", ()),  # inline flags are not read
        (r"ab|", ()),  # an empty branch
    ],
)
def test_the_literals_every_match_starts_with(source: str, literals: tuple[str, ...]) -> None:
    from compliance.patterns import _leading_literals

    assert _leading_literals(source) == literals


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [
            r"(?:ab|ba)+a?",
            r"\bab\b|(?:ba|aab)\s",
            r"(?P<x>ab|b\.a)(?P=x)?",
            r"^ab|^ba",
            r"^(?:sk|ks)\b",
            r"(?:ab){1,2}b",
            r"ab(?=a)|bb$",
            r"(?<!a)ba|is\b",
            r"(?:is|ab)(?<!b)",
            r"a\?|b\?",
            r"(?:ab)?ba|(?:k|s)*\bis",
            r"\b(?:(?:ab)?(?:ka\.)?is|AB)(?<=[ \n]is)?",
        ]
    ),
    st.text(alphabet="abABsikSIK.? \n\u017f\u212a\u0130\u00df\u00e9", max_size=40),
    st.booleans(),
)
def test_finditer_from_leading_literals_agrees_with_the_engine(source: str, text: str, ignore_case: bool) -> None:
    # Tried at every offset where a leading literal is (no limit), with and without case: K
    # (KELVIN SIGN), ſ (LONG S) and İ match k, s and i ignoring case.
    from compliance.patterns import ASCII_CASE_PARTNERS, _finditer_at, _leading_literals, _literal_starts

    pattern = compile_pattern(source, ignore_case=ignore_case)
    starts = _literal_starts(pattern.regex_text, ignore_case, text, limit=len(text) + 1)
    expected = [(m.span(), m.groupdict()) for m in pattern.compiled.finditer(text)]
    if starts is not None:
        assert [(m.span(), m.groupdict()) for m in _finditer_at(pattern.at_offsets, starts, text)] == expected
    else:
        assert not _leading_literals(pattern.regex_text) or (ignore_case and any(char in text for char in ASCII_CASE_PARTNERS))
    assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected


def test_every_built_in_pattern_finds_what_the_engine_finds_on_the_samples() -> None:
    # The patterns that start with known literals are searched from those literals only: on real
    # pages, that must change no match of any built-in pack.
    from compliance.document import parse_document
    from compliance.patterns import Pattern, _leading_literals
    from tests.conftest import ROOT

    patterns = {pattern.regex_text: pattern for pattern in _built_in(Pattern)}
    read = [p for p in patterns.values() if p.template is None and _leading_literals(p.regex_text)]
    assert len(read) >= 20
    texts = []
    for path in sorted((ROOT / "samples").rglob("*.html")):
        doc = parse_document(path.read_bytes(), "html")
        texts.append("\n".join(block.text for block in doc.blocks))
    from compliance.patterns import _finditer_at, _literal_starts

    for pattern in read:
        for text in texts:
            expected = [(m.span(), m.groupdict()) for m in pattern.compiled.finditer(text)]
            starts = _literal_starts(pattern.regex_text, pattern.ignore_case, text, limit=len(text) + 1)
            assert starts is not None
            assert [(m.span(), m.groupdict()) for m in _finditer_at(pattern.at_offsets, starts, text)] == expected, pattern.source
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected, pattern.source


@pytest.mark.parametrize(
    ("source", "read"),
    [
        (r"(?:/\s*(?:Getty|AP)\b|\b[Pp]hotos?:|©\s*AP|^\s*(?:AP|AFP)\s*$)(?:x)*", (("/", "Photo", "photo", "©"), r"^\s*(?:AP|AFP)\s*$", ())),
        (r"\bvia\s+AP|\(\s*AFP\s*\)", (("(", "via"), None, ())),
        (r"ab|[cd]e", (("ab", "ce", "de"), None, ())),
        (r"^\s*ab|^cd", ((), r"^\s*ab|^cd", ())),
        (r"(?:ab)?cd", (("ab", "cd"), None, ())),  # an optional group, or what follows it
        (r"(?:ab)?\s+cd", None),  # what follows it opens with no literal
        (r"ab|x+", None),  # a branch whose only atom may be absent
        (r"ab|[a-z]e", None),  # a range is not read
        (r"ab|\sb", None),
        (r"(?P<x>ab)|^(?P=x)", None),  # a back-reference
        (r"(?i)ab|^c", None),  # inline flags for the whole pattern
        (r"ab(?i)|c", None),
        (r"(?s:ab)|c", None),  # a flag other than ignore-case
        (r"(?-i:ab)|c", None),
        # Case-blind groups: what opens them opens a match in any case.
        (r"(?i:Creative\s+Commons|cc\.org)|\bCC\s+BY", (("CC",), None, ("Creative", "cc.org"))),
        (r"\b(?i:ab|(?:cd|ef))x|^g", ((), r"^g", ("ab", "cd", "ef"))),
        (r"(?i:ab)?c|d", None),  # an optional case-blind group
        (r"(?i:^ab)|c", None),  # a line-start branch in a case-blind group
        (r"(?i:a+)|c", None),
    ],
)
def test_what_opens_each_branch(source: str, read: object) -> None:
    from compliance.patterns import _branch_starts

    assert _branch_starts(compile_pattern(source).regex_text) == read


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(
        [
            r"(?:/\s*(?:ab|b)\b|\b[Aa]b\s*/|\(\s*ba\s*\)|^\s*(?:ab|ba)\s*$)(?:[^.\n]{0,3}?a)*",
            r"\b[Ss]k|^\s*$",  # a line-start branch that matches nothing: empty matches
            r"^a|^\s*b|(?<!a)ba",
            r"(?P<x>[ab]a)|^(?:k|s)\b",
            r"©\s*a|\bis\b|^$",
            r"(?i:ab|\bs)|Ki|^\s*b",  # case-blind literals beside case-sensitive ones
            r"(?i:k\b)|(?:(?i:ik)|s)|^$",
            r"(?:ab){0,2}?[Ss]k|^\s*b",
        ]
    ),
    st.text(alphabet="abABsikSIK.?/() \n\u017f\u212a\u0130\u00a9", max_size=40),
    st.booleans(),
)
def test_finditer_from_branch_starts_agrees_with_the_engine(source: str, text: str, ignore_case: bool) -> None:
    # Tried only where a branch's literal is and at the line starts a line-start branch matches
    # (no limit), with and without case.
    from compliance.patterns import _branch_starts_in, _finditer_from

    pattern = compile_pattern(source, ignore_case=ignore_case)
    expected = [(m.span(), m.groupdict()) for m in pattern.compiled.finditer(text)]
    starts = _branch_starts_in(pattern.regex_text, ignore_case, text, limit=len(text) + 2)
    if starts is not None:
        assert [(m.span(), m.groupdict()) for m in _finditer_from(pattern.compiled, pattern.at_offsets, starts, text)] == expected
    assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected


def test_built_in_patterns_read_by_branch_find_what_the_engine_finds_on_the_samples() -> None:
    # The patterns with no leading literal but whose branches each open with one (or at a line
    # start) are searched from those places only: on real pages, that changes no match.
    from compliance.document import parse_document
    from compliance.patterns import Pattern, _branch_starts, _branch_starts_in, _finditer_from, _leading_literals
    from tests.conftest import ROOT

    patterns = {pattern.regex_text: pattern for pattern in _built_in(Pattern)}
    read = [p for p in patterns.values() if p.template is None and not _leading_literals(p.regex_text) and _branch_starts(p.regex_text)]
    assert read  # the wire and stock photo credit among them
    texts = []
    for path in sorted((ROOT / "samples").rglob("*.html")):
        doc = parse_document(path.read_bytes(), "html")
        texts.append("\n".join(block.text for block in doc.blocks))
    found = 0
    for pattern in read:
        for text in texts:
            expected = [(m.span(), m.groupdict()) for m in pattern.compiled.finditer(text)]
            starts = _branch_starts_in(pattern.regex_text, pattern.ignore_case, text, limit=len(text) + 1)
            if starts is None:
                # Case ignored with a literal outside ASCII (a "©" branch): the pattern is scanned
                # as written, by design (`_literal_offsets`).
                literals, _, blind = _branch_starts(pattern.regex_text) or ((), None, ())
                either_case = (*literals, *blind) if pattern.ignore_case else blind
                assert either_case and not all(literal.isascii() for literal in either_case), pattern.source
                assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected, pattern.source
                found += len(expected)
                continue
            assert [(m.span(), m.groupdict()) for m in _finditer_from(pattern.compiled, pattern.at_offsets, starts, text)] == expected, pattern.source
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected, pattern.source
            found += len(expected)
    assert found > 0


def test_a_pattern_tried_at_offsets_matches_as_the_engine_does_without_its_search_ahead() -> None:
    # `at_offsets` is each built-in pattern's program without the engine's search for a required
    # literal before a try (which cost every try the rest of a long page): tried at every line
    # start, every place a leading literal is and every 37th character of the samples' texts, it
    # must match exactly where and what the pattern as compiled does.
    from compliance.document import parse_document
    from compliance.patterns import Pattern, _leading_literals, _literal_starts
    from tests.conftest import ROOT

    patterns = [p for p in {pattern.regex_text: pattern for pattern in _built_in(Pattern)}.values() if p.template is None]
    texts = ["\n".join(block.text for block in parse_document(path.read_bytes(), "html").blocks) for path in sorted((ROOT / "samples").rglob("*.html"))]
    stripped = tried = matched = 0
    for pattern in patterns:
        if pattern.at_offsets is pattern.compiled:
            continue
        assert pattern.at_offsets._pickled_data[7:10] == (0, (), 0), pattern.source
        assert pattern.at_offsets.pattern == pattern.compiled.pattern
        stripped += 1
        for text in texts:
            offsets = {0, *range(0, len(text), 37), *(i + 1 for i, char in enumerate(text) if char == "\n")}
            if _leading_literals(pattern.regex_text):
                offsets.update(_literal_starts(pattern.regex_text, pattern.ignore_case, text, limit=len(text) + 1) or ())
            for offset in sorted(offsets):
                expected = pattern.compiled.match(text, offset)
                found = pattern.at_offsets.match(text, offset)
                assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups())), (pattern.source, offset)
                tried += 1
                matched += expected is not None
    assert stripped >= 50 and tried > 100_000 and matched > 0, (stripped, tried, matched)


def test_a_pattern_kept_otherwise_by_the_regex_package_is_tried_as_it_is() -> None:
    # Where the `regex` package keeps a compiled pattern in another form than the one read (its
    # `compile` arguments), or the pattern has no required literal, the pattern is used as it is.
    from compliance.regexengine import without_required_string

    class Other:
        _pickled_data = ("ab", 0)

    other = Other()
    assert without_required_string(other) is other
    assert without_required_string(object) is object
    no_literal = regex.compile(r"\s+|\d", regex.V0)
    assert without_required_string(no_literal) is no_literal
    with_literal = regex.compile(r"(?:The\s+)?Texas\s+Tribune", regex.V0 | regex.MULTILINE)
    assert with_literal._pickled_data[8]  # "Texas": a literal every match holds
    twin = without_required_string(with_literal)
    assert twin is not with_literal and twin._pickled_data[8] == ()
    text = "The Texas Tribune\n" * 3 + "Texas  Tribune"
    assert [m.span() for m in twin.finditer(text)] == [m.span() for m in with_literal.finditer(text)] == [(0, 17), (18, 35), (36, 53), (54, 68)]


def test_the_characters_taken_for_ascii_letters_ignoring_case_are_known() -> None:
    # Ignoring case, literals are looked for among the text's ASCII letters: a character outside
    # ASCII that the engine takes for one must be among those that make the text scanned instead.
    from compliance.patterns import ASCII_CASE_PARTNERS

    everything = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    flags = regex.V0 | regex.UNICODE | regex.MULTILINE | regex.IGNORECASE
    assert set(regex.findall("[a-z]", everything, flags=flags)) == set(ASCII_CASE_PARTNERS)


def _built_in(kind: type) -> list[Any]:
    """Every value of this kind (Pattern, Selector) in the checks of the built-in packs."""
    import dataclasses

    from compliance.checks import Check
    from compliance.loading import load_packs

    found: list[Any] = []

    def collect(value: object) -> None:
        if isinstance(value, kind):
            found.append(value)
        elif isinstance(value, Check):
            collect(value.params)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for item in dataclasses.fields(value):
                collect(getattr(value, item.name))
        elif isinstance(value, tuple | list):
            for item in value:
                collect(item)

    for pack in load_packs():
        for rule in pack.rules:
            collect(rule.check)
            collect(rule.when)
        for marker in pack.markers:
            collect(marker.check)
    return found


def test_selectors_find_what_lxml_finds() -> None:
    # A group's members that test attributes alone are tested in one pass: the elements found,
    # and their order, are those of lxml's own CSSSelector, on every sample page, for every
    # built-in selector and a few more shapes of group.
    from lxml import etree
    from lxml.cssselect import CSSSelector

    from compliance.document import parse_document
    from compliance.patterns import Selector, translate_selector
    from tests.conftest import ROOT

    built_in = {selector.css for selector in _built_in(Selector)}
    # ProPublica's photo captions: a group of tags and classes with descendant members among them
    # (and a figure holding a picture, matched whole with its caption).
    assert any(
        css.startswith("figure:has(img, picture, amp-img), .wp-caption, figcaption, .wp-caption-text, .caption, ") and "img ~ small" in css for css in built_in
    )
    groups = {
        "figcaption, .wp-caption-text, .caption, .photo-credit, .image-credit",
        ".caption, .photo-credit, #credit",
        "figcaption, .wp-caption-text, p > .credit, [data-credit], .image-credit",
        "img, .lazy, amp-img",
    }
    roots = [parse_document(path.read_bytes(), "html").root for path in sorted((ROOT / "samples").rglob("*.html"))]
    for css in sorted(built_in | groups):
        ours, theirs = etree.XPath(translate_selector(css)), CSSSelector(css, translator="html")
        for root in roots:
            assert ours(root) == theirs(root), css


@pytest.mark.parametrize(
    ("source", "read"),
    [
        (r"Getty\s+Images|\bvia\s+AP", ((frozenset({"Getty"}), frozenset({"Images"})), (frozenset({"via"}), frozenset({"AP"})))),
        (r"\(\s*(?:AP|AFP)\s*\)", ((frozenset({"("}), ((frozenset({"AP"}),), (frozenset({"AFP"}),)), frozenset({")"})),)),
        (r"[Pp]hotos?:\s*x", ((frozenset({"hoto"}), frozenset({":"}), frozenset({"x"})),)),  # the optional "s" ends a word
        (r"(?:ab)?cd|e{0,2}fg|h*ij|(?=k)lm", ((frozenset({"cd"}),), (frozenset({"fg"}),), (frozenset({"ij"}),), (frozenset({"lm"}),))),
        (r"a+b{2,}c", ((frozenset({"a"}), frozenset({"b"}), frozenset({"c"})),)),  # a repeated character ends its word
        (r"read the full", ((frozenset({"read"}), frozenset({"the"}), frozenset({"full"})),)),
        (r"ab\p{L}cd", ((frozenset({"ab"}),),)),  # read up to syntax it does not know
        (r"ab|^\s*$", None),  # a branch that holds no word
        (r"a{e<=1}", None),  # a bound that is no quantifier (fuzzy matching)
        (r"(?i)ab", None),  # inline flags
        (r"(?P<x>ab)\s+(?P=x)", None),  # a back-reference
    ],
)
def test_what_every_match_holds(source: str, read: object) -> None:
    from compliance.patterns import _held_words

    assert _held_words(compile_pattern(source).regex_text) == read


_RUN_PIECES = ["ab", "Ba", "bb", "s'", "a’b", "‘k", "via", "is", "a", "b", "k", "K", "s", "/", "(", ")", "©", ":", " ", "\n", "."]
_RUN_PIECES += ["\u00ad", "\u200b", "\u00a0", "\u017f", "\u212a"]  # dropped, replaced, or taken for ASCII letters


@pytest.mark.parametrize(
    "source",
    [
        r"(?:/\s*(?:ab|Ba)\b|\b(?:ab|ba)\s*/(?!/)|\bvia\s+(?:ab|ba)\b|\(\s*(?:ab|ba)\s*\)|^\s*(?:ab|ba)\s*$)(?:[^.\n]{0,3}?a)*",
        r"[Aa]bs?:\s*(?:©\s*)?[^.()\n:]{0,6}?\bba\b",
        r"a+b{2,}|(?:ab)?c|k{0,2}s'",
        r"is\s+a|(?>ba|ab)[^\n]*?k",
        r"a’b|‘k|(?:ab|s)?+:",
    ],
)
@settings(max_examples=300, deadline=None)
@given(
    # Runs of the patterns' own words and of what `normalize` drops or replaces (a soft hyphen in
    # a word, a no-break space), so that most draws match something.
    st.lists(
        st.lists(
            st.sampled_from(_RUN_PIECES),
            max_size=8,
        ).map("".join),
        max_size=6,
    ),
    st.booleans(),
    st.data(),
)
def test_a_pattern_said_to_be_nowhere_in_a_text_matches_no_block_made_of_its_runs(source: str, runs: list[str], ignore_case: bool, data: Any) -> None:
    # What `Document.all_text` is to the blocks of `unseen_text`: the runs one a line, characters
    # normalised; a block is some of the runs joined by spaces and normalised.
    from compliance.text import normalize, normalize_characters

    pattern = compile_pattern(source, ignore_case=ignore_case)
    chosen = data.draw(st.lists(st.sampled_from(runs), max_size=4)) if runs else []
    block = normalize(" ".join(chosen))
    if not pattern.may_be_within(normalize_characters("\n".join(runs))):
        assert pattern.compiled.search(block) is None


def test_the_page_text_holds_every_word_of_every_block_shown_or_not() -> None:
    from compliance.document import parse_document
    from compliance.document.html import text_blocks_whatever_shows
    from tests.conftest import ROOT

    pages = sorted((ROOT / "samples").rglob("*.html")) + sorted((ROOT / "tests").rglob("*.html"))[:200]
    words = 0
    for path in pages:
        doc = parse_document(path.read_bytes(), "html")
        if doc.root is None:
            continue
        text = doc.all_text()
        for _, block in text_blocks_whatever_shows(doc.root, doc._block_display):
            for word in block.split():
                assert word in text, (path, word)
                words += 1
    assert words > 10000
