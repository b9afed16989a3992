"""The fast readings of the commonest colour values agree with tinycss2's: a hex colour alone in
a declaration's value is given the hash token tinycss2's tokeniser gives it, any hash token's
colour is the one `tinycss2.color4.parse_color` reads (the same floats), and an opaque text
colour is compared with its background as blending it over the background gives."""

from __future__ import annotations

import re

import tinycss2
from hypothesis import given, settings
from hypothesis import strategies as st
from tinycss2.ast import HashToken
from tinycss2.color4 import parse_color

from compliance.document import css
from compliance.document.colour_difference import close_enough, indistinguishable, lab
from compliance.document.visibility import _blending, text_blends_in

_HEX = "0123456789abcdefABCDEF"
# Hash names of every length, hex or not (`#ggg`, `#12345`), so that a name the fast colour reading
# must leave to tinycss2 is tried too.
_NAMES = st.text(alphabet=_HEX + "gxzG-_", min_size=1, max_size=9).filter(lambda name: name[0] != "-")
_SPACE = st.text(alphabet=" \t\n\r\f", max_size=3)


def _reference_colour(token: object) -> tuple[float, float, float, float] | None:
    """What `css.colour` read before its fast path: tinycss2's colour, converted to sRGB."""
    parsed = parse_color(token)
    if parsed is None or isinstance(parsed, str):
        return None
    red, green, blue = (min(max(float(c), 0.0), 1.0) for c in parsed.to("srgb").coordinates)
    return (red, green, blue, min(max(float(parsed.alpha), 0.0), 1.0))


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(_NAMES)
def test_a_hash_tokens_colour_is_the_one_tinycss2_reads(name: str) -> None:
    token = HashToken(1, 1, name, not name[0].isdigit())
    assert css.colour.__wrapped__(token) == _reference_colour(token)


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(_SPACE, _NAMES, _SPACE, st.sampled_from(["", " !important", "!IMPORTANT ", "/**/", " 0", "px"]))
def test_a_lone_hex_value_is_tokenised_as_tinycss2_tokenises_it(before: str, name: str, after: str, tail: str) -> None:
    value = f"{before}#{name}{after}{tail}"
    fast = css._declaration.__wrapped__("color", value)
    important = css._IMPORTANT.search(value)
    read = tinycss2.parse_component_value_list(value[: important.start()] if important else value, skip_comments=True)
    reference = [t for t in read if t.type not in ("whitespace", "comment")]
    if fast is None:
        assert not reference
        return
    assert fast.important == (important is not None)
    assert [(t.type, t.source_line, t.source_column, getattr(t, "value", None), getattr(t, "is_identifier", None)) for t in fast.values] == [
        (t.type, t.source_line, t.source_column, getattr(t, "value", None), getattr(t, "is_identifier", None)) for t in reference
    ]


def test_a_generated_classs_colour_is_read_through_the_fast_path() -> None:
    (rule,) = css.parse_style_sheet(".c-89ea7a{margin:34px 0;padding:7px;color:#89f364;font-size:17px}")
    (token,) = next(d for d in rule.declarations if d.name == "color").values
    assert (token.type, token.value, token.is_identifier) == ("hash", "89f364", False)
    assert css.colour(token) == (0x89 / 255, 0xF3 / 255, 0x64 / 255, 1.0)


_CHANNEL = st.floats(min_value=0.0, max_value=1.0)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.tuples(_CHANNEL, _CHANNEL, _CHANNEL), st.tuples(_CHANNEL, _CHANNEL, _CHANNEL, st.sampled_from([1.0, 0.5])))
def test_an_opaque_text_colour_is_compared_as_blending_it_gives(text: tuple[float, float, float], background: tuple[float, float, float, float]) -> None:
    opaque = (*text, 1.0)
    blended = tuple(1.0 * f + (1 - 1.0) * s for f, s in zip(text, background[:3], strict=True))
    assert indistinguishable(opaque, background) == close_enough(lab.__wrapped__((*blended, 1.0)), lab.__wrapped__(background))


_COLOUR = st.tuples(_CHANNEL, _CHANNEL, _CHANNEL, st.sampled_from([0.0, 1.0, 0.5, 0.02]))
# Greys close to each other, so that some pairs blend in and some do not.
_GREY = st.integers(min_value=200, max_value=212).map(lambda level: (level / 255, level / 255, level / 255, 1.0))


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.frozensets(st.one_of(_COLOUR, _GREY), max_size=8), st.frozensets(st.one_of(_COLOUR, _GREY), max_size=4))
def test_the_colours_that_blend_in_are_those_of_the_pairs_that_do(
    texts: frozenset[tuple[float, float, float, float]], backgrounds: frozenset[tuple[float, float, float, float]]
) -> None:
    pairs = [(t, b) for t in texts for b in (*backgrounds, None) if text_blends_in(t, b, False)]
    assert _blending.__wrapped__(texts, backgrounds) == (frozenset(t for t, _ in pairs), frozenset(b for _, b in pairs if b is not None))


_CLASS_NAMES = st.text(alphabet="ab-_é1\f", min_size=1, max_size=3)


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(st.lists(st.lists(_CLASS_NAMES, max_size=3), min_size=1, max_size=4), _CLASS_NAMES)
def test_a_lone_class_selector_is_screened_as_the_general_reading_screens_it(class_values: list[list[str]], name: str) -> None:
    from unittest import mock

    import lxml.html

    from compliance.document import visibility

    page = "".join(f'<p class="{" ".join(names)}">x</p>' for names in class_values)
    index = visibility._ElementIndex(lxml.html.fromstring(f"<div>{page}</div>"))
    with mock.patch.object(visibility, "_LONE_CLASS", re.compile(r"(?!)")):
        general = index.may_match(f".{name}")
    assert index.may_match(f".{name}") == general


# Declarations of plain blocks (no brackets, comments, strings or escapes): kept and other
# properties in any case, custom properties (spaces and non-ASCII in their names), odd spacing
# (a vertical tab is not CSS white space), pieces without a colon, empty pieces, `!important`.
_PLAIN_NAMES = st.sampled_from(
    [
        "color",
        "COLOR",
        "Font-Size",
        "font",
        "margin",
        "margin-left",
        "display",
        "displayx",
        "--a",
        "--B b",
        "--é",
        "--",
        "colör",
        "\vcolor",
        "-webkit-text-fill-color",
    ]
)
_PLAIN_VALUES = st.sampled_from(["red", "#89f364", " #FFF ", "0", "none !important", "17px", "1px 2px", " ", "a:b", "-2px", "x"])
_PLAIN_SPACE = st.sampled_from(["", " ", "\n", "\t ", "\f"])


@st.composite
def _plain_blocks(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(_PLAIN_SPACE, _PLAIN_NAMES, _PLAIN_SPACE, st.sampled_from([":", ""]), _PLAIN_VALUES), max_size=6))
    return ";".join(f"{before}{name}{after}{colon}{value}" for before, name, after, colon, value in pieces)


def _comparable(declarations: tuple[css.Declaration, ...]) -> list[tuple[str, bool, str]]:
    return [(d.name, d.important, tinycss2.serialize(d.values)) for d in declarations]


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(_plain_blocks())
def test_a_plain_blocks_declarations_are_those_of_splitting_it(block: str) -> None:
    assert _comparable(css._block_declarations(block)) == _comparable(css._bracketed_declarations(block))


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.text(alphabet="ab:;{}()[]\"'\\/*@ \n", max_size=20), st.integers(min_value=0, max_value=5))
def test_where_a_plain_block_ends_is_where_the_scanner_finds_its_end(text: str, position: int) -> None:
    from unittest import mock

    with mock.patch.object(css, "_PLAIN_BLOCK", re.compile(r"(?!)")):
        scanned = css._block_end(text, position)
    assert css._block_end(text, position) == scanned
