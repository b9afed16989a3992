"""Pack patterns searched over a document's text: the matches are those of the regex engine's own
`finditer`, however the search is carried out."""

from __future__ import annotations

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
