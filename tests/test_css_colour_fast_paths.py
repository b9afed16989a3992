"""The fast readings of the commonest colour values agree with tinycss2's: a hex colour alone in
a declaration's value is given the hash token tinycss2's tokeniser gives it, any hash token's
colour is the one `tinycss2.color4.parse_color` reads (the same floats), and an opaque text
colour is compared with its background as blending it over the background gives."""

from __future__ import annotations

import re

import pytest
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
    assert css._colour.__wrapped__(token) == _reference_colour(token)


def _tokens(values: tuple[object, ...]) -> list[tuple[object, ...]]:
    return [(t.type, t.source_line, t.source_column, getattr(t, "value", None), getattr(t, "is_identifier", None)) for t in values]  # type: ignore[attr-defined]


def _reference_declaration(name: str, value: str) -> css.Declaration | None:
    """What `css._declaration` read before its fast paths: the value tokenised by tinycss2."""
    important = css._IMPORTANT().search(value)
    read = tinycss2.parse_component_value_list(value[: important.start()] if important else value, skip_comments=True)
    values = tuple(t for t in read if t.type not in ("whitespace", "comment"))
    if name.startswith("--"):
        return css.Declaration(name, values, important is not None)
    name = css.ALIASES.get(name, name)
    return css.Declaration(name, css._computed(values), important is not None) if values and not css.refused(name, values) else None


# Kept properties of every kind a colour can be given to: colours, keywords only (refused),
# numbers and lengths, a shorthand, functions, an alias, and a custom property.
_COLOUR_TAKERS = st.sampled_from(
    ["color", "background-color", "opacity", "display", "visibility", "font-size", "font", "left", "transform", "filter", "-webkit-flex", "--brand"]
)


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(_COLOUR_TAKERS, _SPACE, _NAMES, _SPACE, st.sampled_from(["", " !important", "!IMPORTANT ", "/**/", " 0", "px"]))
def test_a_lone_hex_value_is_tokenised_as_tinycss2_tokenises_it(property_name: str, before: str, name: str, after: str, tail: str) -> None:
    value = f"{before}#{name}{after}{tail}"
    fast = css._declaration(property_name, value)
    reference = _reference_declaration(property_name, value)
    if fast is None or reference is None:
        assert fast is reference
        return
    assert (fast.name, fast.important, _tokens(fast.values)) == (reference.name, reference.important, _tokens(reference.values))


@pytest.mark.parametrize("digits", ["f", "ff", "fff", "ffff", "fffff", "ffffff", "fffffff", "ffffffff", "fffffffff"])
def test_the_properties_that_refuse_a_colour_are_those_refused_reads(digits: str) -> None:
    for identifier in (True, False):
        colour = (HashToken(1, 1, digits, identifier),)
        refusing = {name for name in css.FAMILIES if css.refused(name, colour)}
        assert refusing == {name for name in css.FAMILIES if css.refuses_a_lone_hash(name, digits)}
        assert ("color" in refusing) is (len(digits) not in (3, 4, 6, 8)) and "display" in refusing and "background" not in refusing


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
    root = lxml.html.fromstring(f"<div>{page}</div>")
    # Two indexes of the page: each screens a selector list once and keeps the answer.
    with mock.patch.object(visibility, "_LONE_CLASS", re.compile(r"(?!)")):
        general = visibility._ElementIndex(root).may_match(f".{name}")
    assert visibility._ElementIndex(root).may_match(f".{name}") == general


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


# How plain blocks were read before they were split at their semicolons: a pattern of the kept
# properties' names and of custom properties', each after the block's start or a semicolon.
_KEPT_DECLARATION = re.compile(
    rf"(?:\A|(?<=;))[ \t\n\r\f]*(?:(--[^:;]*?)|({'|'.join(sorted(map(re.escape, css.FAMILIES), key=len, reverse=True))}))[ \t\n\r\f]*:([^;]*)",
    re.ASCII | re.IGNORECASE,
)


def _matched_declarations(block: str) -> list[css.Declaration]:
    found = []
    for custom_name, name, value in _KEPT_DECLARATION.findall(block):
        if name or custom_name.isascii():
            declaration = css._declaration(name.lower() or custom_name, value)
            if declaration is not None:
                found.append(declaration)
    return found


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(_plain_blocks(), st.booleans())
def test_a_plain_blocks_declarations_are_those_the_pattern_of_kept_names_finds(block: str, long: bool) -> None:
    if long:  # a block too long for its pieces to be remembered
        block = f"{block};{'x' * css._REMEMBERED_PIECE}:0"
    assert _comparable(css._block_declarations(block)) == _comparable(tuple(_matched_declarations(block)))


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.text(alphabet="ab:;{}()[]\"'\\/*@ \n", max_size=20), st.integers(min_value=0, max_value=5))
def test_where_a_plain_block_ends_is_where_the_scanner_finds_its_end(text: str, position: int) -> None:
    from unittest import mock

    with mock.patch.object(css, "_PLAIN_BLOCK", re.compile(r"(?!)")):
        scanned = css._block_end(text, position)
    assert css._block_end(text, position) == scanned


# Pieces of rule lists: plain rules of generated CSS, and rules with what a run of plain rules
# must stop at (brackets, strings, comments, escapes, `;`, `@`, HTML comment markers, stray braces).
_RULE_PIECES = st.sampled_from(
    [
        ".c-1a2b3c{margin:3px 0;color:#89f364}",
        "\n.c-4d5e6f {display:none}",
        "div > p{font-size:0}",
        ".a,.b{opacity:.5;--x:1}",
        "{}",
        ".a{}",
        ".x{width:calc(1px)}",
        ".x[y]{display:none}",
        ".x{content:'}'}",
        ".x/* c */{display:none}",
        ".sm\\:a{display:none}",
        ".a;.b{display:none}",
        "@media screen{.a{display:none}}",
        "@media (min-width:600px){.b{color:#fff}}",
        "@media print{.c{display:none}}",
        "@font-face{font-family:x}",
        "@import url(a.css);",
        "<!--",
        "-->",
        ".a{font:12px/1.5 x}",
        ".a{color:<b>}",
        "}",
        "{",
        ".u{background:url(a.png)}",
    ]
)


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(st.lists(_RULE_PIECES, max_size=8), st.sampled_from(["", "\n", " "]))
def test_runs_of_plain_rules_are_scanned_as_the_scanner_scans_them_rule_by_rule(pieces: list[str], separator: str) -> None:
    from unittest import mock

    text = separator.join(pieces)
    with mock.patch.object(css, "_PLAIN_RULES", lambda: re.compile(r"(?!)")):
        scanned = css._scan_rules(text)
    fast = css._scan_rules(text)
    if scanned is None or fast is None:
        assert fast is scanned
        return
    assert [rule[:3] for rule in fast] == [rule[:3] for rule in scanned]
    # A block marked plain has nothing the plain reading of its declarations leaves to others.
    assert not any(plain and re.search(r"""[{}()\[\]"'\\/<>]""", block) for _, block, _, plain in fast)


def test_generated_rules_after_a_rule_with_strings_are_read_as_runs_of_plain_rules() -> None:
    text = "body{font-family:'A B'}\n.c-1{margin:1px 0;color:#010203}\n.c-2 > p{color:#040506}@media screen{.c-3{display:none}.c-4{x:y}}"
    assert [(prelude.strip(), block, plain) for prelude, block, _, plain in css._scan_rules(text) or []] == [
        ("body", "font-family:'A B'", False),
        (".c-1", "margin:1px 0;color:#010203", True),
        (".c-2 > p", "color:#040506", True),
        (".c-3", "display:none", True),
        (".c-4", "x:y", True),
    ]


# Channels near the bounds of `colour_difference`'s quick answer on white, and anywhere.
_NEAR_WHITE_CHANNEL = st.one_of(_CHANNEL, st.floats(min_value=0.6, max_value=1.0))


@settings(max_examples=1000, derandomize=True, deadline=None, database=None)
@given(st.tuples(_NEAR_WHITE_CHANNEL, _NEAR_WHITE_CHANNEL, _CHANNEL))
def test_an_opaque_text_colour_on_white_is_judged_as_its_distance_in_lab_judges_it(text: tuple[float, float, float]) -> None:
    white = (1.0, 1.0, 1.0, 1.0)
    assert indistinguishable((*text, 1.0), white) == close_enough(lab.__wrapped__((*text, 1.0)), lab.__wrapped__(white))


def test_the_least_red_and_green_near_white_are_below_those_of_the_lightest_colours_told_from_it() -> None:
    from compliance.document import colour_difference

    white = (1.0, 1.0, 1.0, 1.0)
    # The lightest colours with one channel at its bound are told from white: the bound holds with a margin.
    for colour in ((colour_difference._LEAST_RED_NEAR_WHITE, 1.0, 1.0, 1.0), (1.0, colour_difference._LEAST_GREEN_NEAR_WHITE, 1.0, 1.0)):
        assert not close_enough(lab.__wrapped__(colour), lab.__wrapped__(white))


@pytest.mark.parametrize("digits", ["fff", "0000", "89f364", "89f36400", "ffffff80"])
def test_a_lone_hex_colours_summary_traits_are_those_its_reading_gives(digits: str) -> None:
    from compliance.document import visibility

    names = sorted(name for name, family in css.FAMILIES.items() if family == "colour")
    assert "color" in names and "background-color" in names
    for name in names:
        declaration = css._declaration(name, f"#{digits}")
        if declaration is None or declaration.values[0].type != "hash":
            continue  # refused, or read into other tokens: the summary reads it the general way
        assert visibility._summary_traits.__wrapped__(declaration) == visibility.LONE_HEX_COLOUR_TRAITS, name
