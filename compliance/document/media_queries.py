"""Whether a reader's screen meets a media query list (Media Queries 4 and 5), read from
tinycss2's tokens: `@media not print`, `(width >= 1px)`, `(min-width: 1px) and (not (width <
1px))` hold on every screen, so their rules count as written (as does a list naming every value
of a discrete feature: `(prefers-color-scheme: light), (prefers-color-scheme: dark)`, and one
true on every kind of screen its features tell apart: `(any-hover) or (not (any-hover))`,
`(min-resolution: 0.001dppx)`: see `_on_every_kind_of_screen`); `print`,
`not all` or a query CSS cannot read (which stands for `not all`) holds on none, so their rules
never change what a reader sees.

Between the two, a query holds on the screens of most readers (`MOST`): what a reader's browser
has unless its reader changes a setting or reads on a rare device (`_MOST_READERS`): a colour
screen (`(color)`, `not all and (monochrome)`), scripts on (`(scripting: enabled)`, as the
reader modelled everywhere has them: see `visibility`), the light scheme, no preference for
reduced motion, transparency or contrast, no forced colours, a pointing device of some kind
(`(pointer)`, `(any-pointer)`: a mouse, a trackpad or a touch screen). Its rules count as written too: a
logo hidden there is hidden from most readers. The opposite of one of those (`(prefers-color-scheme:
dark)`, `(monochrome)`) holds for a few (`FEW`), and the rest (a width range, `hover`, `pointer`,
`orientation`…) on some screens only (`SOMETIMES`): the rules of those can show what another
rule hid, never hide.

Screens are taken to be at least 320 CSS pixels wide (the narrowest phones) and at most 5120
wide and high (`offsets.LARGEST_SCREEN_PX`, a 5K display at its native size), and to be bitmap
screens (`(grid: 0)`): `(max-width: 100000px)`, `(height <= 5120px)` and `(min-height: 0)` hold on
every screen, as `(min-width: 0)` does; nothing else about a reader's screen is assumed. A
calculation of a length is worked out (`(min-width: calc(1px))`: `_with_math_worked_out`).

A feature no browser knows, or a value a known one does not take (`(frobnicate)`, `(pointer:
frob)`: `_valid_feature`), and a function or other text in parentheses, are unknown (Media Queries
4, 3.2): neither true nor false, so that `not (frobnicate)` holds on no screen and `(frobnicate)
or (min-width: 0)` on every one, as in Chromium (`_Met`).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from typing import Any

from compliance.document.css import (
    CONTAINER_UNITS,
    FONT_UNIT_EMS,
    MATH_FUNCTIONS,
    ROOT_FONT_UNIT_EMS,
    VIEWPORT_UNITS,
    length_px,
    nests_too_deep,
    split_commas,
    with_math_resolved,
)
from compliance.document.offsets import LARGEST_SCREEN_PX

# How often a query holds on readers' screens: negation is `-`, `and` is `min`, `or` is `max`.
ALWAYS = 2
MOST = 1
SOMETIMES = 0
FEW = -1
NEVER = -2

_SCREEN_TYPES = frozenset({"all", "screen"})
# Names a media type may not have: a query that uses one as its type is invalid.
_RESERVED = frozenset({"not", "and", "or", "only", "layer"})
# The narrowest screen a reader has, in CSS pixels, and the least each axis's features may be
# (a screen's height, and the `device-` features', are not assumed beyond being some).
_NARROWEST_SCREEN_PX = 320.0
_LEAST_PX = {"width": _NARROWEST_SCREEN_PX, "device-width": _NARROWEST_SCREEN_PX, "height": 0.0, "device-height": 0.0}
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "="}


@functools.lru_cache(maxsize=256)
def screens_meeting(query_list: str) -> int:
    """`ALWAYS`, `SOMETIMES` or `NEVER`: how often a reader's screen meets a media query list
    (the text after `@media`); an empty list holds everywhere, and one nesting too deep to read
    (`css.nests_too_deep`) nowhere, as an invalid one. Never raises."""
    import tinycss2

    if nests_too_deep(query_list):
        return NEVER
    tokens = [t for t in tinycss2.parse_component_value_list(query_list, skip_comments=True) if t.type != "whitespace"]
    if not tokens:
        return ALWAYS
    queries = split_commas(tokens)
    met = max(_query(query) for query in queries)
    if FEW <= met <= MOST and _every_value_named(queries):
        return ALWAYS
    return _on_every_kind_of_screen(queries, met) if FEW <= met <= MOST else met


def every_screen_meets_one(queries: Collection[str]) -> bool:
    """True when every reader's screen, or most readers', meets one of several media query lists
    (each the text after an `@media`): `(max-width: 700px)` and `(min-width: 700.02px)` together,
    `(orientation: portrait)` and `(orientation: landscape)`, a query and its `not all and`. Read
    as the one list of them all (`screens_meeting`: tried on every kind of screen their features
    tell apart, at most `_MOST_SCREENS_TRIED`; more lists than `_MOST_LISTS_JOINED` are not
    tried). Never raises."""
    if not queries or len(queries) > _MOST_LISTS_JOINED:
        return False
    return counts_as_written(screens_meeting(", ".join(sorted(queries))))


def screens_not_meeting(query_list: str) -> str | None:
    """A media query list the screens that meet none of the queries of `query_list` meet, and
    only they, as Media Queries 4 writes it: `not (min-width: 768px)` for `(min-width: 768px)`,
    `(max-width: 600px)` for `not (max-width: 600px)`, `not ((hover) or ((min-width: 768px) and
    (orientation: landscape)))` for `(hover), screen and (min-width: 768px) and (orientation:
    landscape)` (a query of no screen's type, `print and …`, is left out; a screen type alone
    leaves no screen). None when the list cannot be read, or leaves no screen."""
    import tinycss2

    if nests_too_deep(query_list):
        return None
    tokens = [t for t in tinycss2.parse_component_value_list(query_list, skip_comments=True) if t.type != "whitespace"]
    conditions: list[str] = []
    for query in split_commas(tokens) if tokens else []:
        unmet = _condition_of_screens(query)
        if unmet is None:
            return None
        conditions.extend(unmet)
    return _none_of(conditions)


def _condition_of_screens(query: Sequence[Any]) -> tuple[str, ...] | None:
    """The media condition (as written, the screen type left out) of the screens one media query
    (its tokens) holds on, for `screens_not_meeting`: none for a query of no screen (`print and
    …`, `not all`), and None for one that cannot be read or holds on every screen (`screen`, `not
    print`)."""
    import tinycss2

    if _media_query(query) is None:
        return None
    if _is(query[0], "only"):
        query = query[1:]
    negated = _is(query[0], "not") and query[1].type != "() block"
    if negated:
        query = query[1:]
    if query[0].type == "ident" and not (_is(query[0], "not") and not negated):
        if query[0].lower_value not in _SCREEN_TYPES:
            if negated:
                return None  # `not print`: every screen
            return ()
        if len(query) == 1:
            if negated:
                return ()  # `not all`: no screen
            return None  # `screen`: every screen
        query = query[2:]
    written = " ".join(" ".join(tinycss2.serialize([token]).split()) for token in query)
    if negated:
        written = f"not ({written})" if len(query) != 1 else f"not {written}"
    return (written,)


def _none_of(conditions: list[str]) -> str:
    """The media query list of the screens that meet none of the media conditions (`all` for
    none), for `screens_not_meeting`."""
    if not conditions:
        return "all"
    if len(conditions) == 1:
        return _negation(conditions[0])
    return "not (" + " or ".join(_in_parentheses(condition) for condition in conditions) + ")"


def _negation(condition: str) -> str:
    """The media condition of the screens that do not meet one: what a `not` negates, or the
    condition with `not` before it (in parentheses unless it is one `<media-in-parens>`)."""
    import tinycss2

    only = [t for t in tinycss2.parse_component_value_list(condition, skip_comments=True) if t.type != "whitespace"]
    if len(only) == 2 and _is(only[0], "not"):
        inner = [t for t in only[1].content if t.type not in ("whitespace", "comment")]
        nested = inner and (inner[0].type == "() block" or _is(inner[0], "not"))
        return " ".join(tinycss2.serialize(only[1].content if nested else [only[1]]).split())
    return f"not {condition}" if len(only) == 1 else f"not ({condition})"


def _in_parentheses(condition: str) -> str:
    """A media condition as a `<media-in-parens>`: as written when it is one already."""
    import tinycss2

    tokens = [t for t in tinycss2.parse_component_value_list(condition, skip_comments=True) if t.type != "whitespace"]
    return condition if len(tokens) == 1 else f"({condition})"


# The most query lists `every_screen_meets_one` reads together: an element hidden under more is
# on some screen of a page that hostile, or one the checker does not try (each list costs a
# parse; the screens tried stay bounded by `_MOST_SCREENS_TRIED`).
_MOST_LISTS_JOINED = 8


def counts_as_written(met: int) -> bool:
    """True when the rules of a query met so often (`screens_meeting`) count as written: every
    reader's screen, or most readers' (`MOST`), meets it."""
    return met >= MOST


# The value of a discrete media feature on the screens of most readers (what a browser reports
# unless its reader sets a preference, or reads on a rare device: Media Queries 4 and 5): a query
# for that value holds for most (`MOST`), one for another value for a few (`FEW`). `scripting` is
# `enabled` for the reader modelled (scripts on, as `<noscript>` is read). `hover` and `pointer`
# are not here: phones and tablets, the screens of many readers, have no `hover` and a `coarse`
# pointer, computers the opposite.
_MOST_READERS = {
    "prefers-color-scheme": "light",
    "prefers-reduced-motion": "no-preference",
    "prefers-reduced-transparency": "no-preference",
    "prefers-reduced-data": "no-preference",
    "prefers-contrast": "no-preference",
    "forced-colors": "none",
    "inverted-colors": "none",
    "scripting": "enabled",
    "color-gamut": "srgb",
    "dynamic-range": "standard",
    "update": "fast",
}
# The boolean form of the same features (`(prefers-reduced-motion)`: any value but `none` or
# `no-preference`), and of `color` (a colour screen) and `monochrome` (none): how often it holds.
_MOST_READERS_BOOLEAN = {
    "prefers-reduced-motion": FEW,
    "prefers-reduced-transparency": FEW,
    "prefers-reduced-data": FEW,
    "prefers-contrast": FEW,
    "forced-colors": FEW,
    "inverted-colors": FEW,
    "scripting": MOST,
    "color-gamut": MOST,
    "update": MOST,
    "color": MOST,
    "monochrome": FEW,
    # A pointing device of some kind: a mouse or trackpad (`fine`) or a touch screen (`coarse`),
    # on every phone, tablet and computer; `none` only on a rare device (a TV without one).
    "pointer": MOST,
    "any-pointer": MOST,
    # Every reader's screen is a bitmap one: `(grid)` holds on a teletype's only.
    "grid": NEVER,
}


# Media features whose value on a screen is always one of a few (Media Queries 4 and 5): a list
# whose queries name every one of them (`(prefers-color-scheme: light), (prefers-color-scheme:
# dark)`) holds on every screen.
_DISCRETE_VALUES = {
    "prefers-color-scheme": frozenset({"light", "dark"}),
    "orientation": frozenset({"portrait", "landscape"}),
    "prefers-reduced-motion": frozenset({"no-preference", "reduce"}),
    "prefers-reduced-transparency": frozenset({"no-preference", "reduce"}),
    "prefers-contrast": frozenset({"no-preference", "more", "less", "custom"}),
    "hover": frozenset({"none", "hover"}),
    "any-hover": frozenset({"none", "hover"}),
    "pointer": frozenset({"none", "coarse", "fine"}),
    "any-pointer": frozenset({"none", "coarse", "fine"}),
    "scripting": frozenset({"none", "initial-only", "enabled"}),
}


def _every_value_named(queries: Sequence[Sequence[Any]]) -> bool:
    """True when, among the list's queries that test one discrete feature and nothing else a
    screen may lack (`(hover: none)`, `screen and (hover: hover)`), some feature is tested for
    every value it can have."""
    named: dict[str, set[str]] = {}
    for query in queries:
        tested = _one_feature(query)
        if tested is not None:
            named.setdefault(tested[0], set()).update(tested[1])
    return any(values >= _DISCRETE_VALUES[name] for name, values in named.items())


def _is(token: Any, *words: str) -> bool:
    return bool(token.type == "ident" and token.lower_value in words)


def _without_screen_type(tokens: Sequence[Any]) -> Sequence[Any]:
    """A query's condition after a leading `screen and` or `all and` (`only` allowed)."""
    if len(tokens) == 4 and _is(tokens[0], "only"):
        tokens = tokens[1:]
    if len(tokens) == 3 and _is(tokens[0], *_SCREEN_TYPES) and _is(tokens[1], "and"):
        return tokens[2:]
    return tokens


def _one_feature(tokens: Sequence[Any]) -> tuple[str, frozenset[str]] | None:
    """The feature and the values it holds for when a query is `(feature: value)` of a discrete
    feature, alone or after `screen and` / `all and` (`only` allowed); a boolean `(pointer)` holds
    for every value but `none` (or `no-preference`)."""
    tokens = _without_screen_type(tokens)
    if len(tokens) != 1 or tokens[0].type != "() block":
        return None
    inside = [t for t in tokens[0].content if t.type not in ("whitespace", "comment")]
    if len(inside) == 1 and _is(inside[0], *_DISCRETE_VALUES):
        return inside[0].lower_value, _DISCRETE_VALUES[inside[0].lower_value] - {"none", "no-preference"}
    if len(inside) != 3 or not _is(inside[0], *_DISCRETE_VALUES) or inside[1].type != "literal" or inside[1].value != ":" or inside[2].type != "ident":
        return None
    return inside[0].lower_value, frozenset({inside[2].lower_value})


def _query(tokens: Sequence[Any]) -> int:
    """One media query; an invalid one is `not all`."""
    found = _media_query(tokens)
    return NEVER if found is None else found


def _media_query(tokens: Sequence[Any]) -> int | None:
    if not tokens:
        return None
    first = tokens[0]
    if first.type == "ident" and not (first.lower_value == "not" and len(tokens) > 1 and tokens[1].type == "() block"):
        negated = first.lower_value == "not"
        if first.lower_value in ("not", "only"):
            tokens = tokens[1:]
        if not tokens or tokens[0].type != "ident" or tokens[0].lower_value in _RESERVED:
            return None
        typed = ALWAYS if tokens[0].lower_value in _SCREEN_TYPES else NEVER
        met: _Met = (typed, -typed)
        rest = tokens[1:]
        if rest:
            if not (rest[0].type == "ident" and rest[0].lower_value == "and"):
                return None
            condition = _condition(rest[1:], allow_or=False)
            if condition is None:
                return None
            met = _and(met, condition)
        return met[1] if negated else met[0]
    condition = _condition(tokens, allow_or=True)
    return None if condition is None else condition[0]


# How often a condition is true and how often it is false (Media Queries 4, 3.2: a feature a
# browser does not know, or a value it does not take, is "unknown", neither: `not` keeps it
# unknown, `and` false with a false part, `or` true with a true part, and a query whose result
# is unknown is false: `(frobnicate)`, `not (frobnicate)` and `(frobnicate) and (min-width: 0)`
# hold on no screen, `(frobnicate) or (min-width: 0)` on every one, as in Chromium).
_Met = tuple[int, int]
_UNKNOWN: _Met = (NEVER, NEVER)


def _known(met: int) -> _Met:
    return met, -met


def _and(*parts: _Met) -> _Met:
    return min(true for true, _ in parts), max(false for _, false in parts)


def _or(*parts: _Met) -> _Met:
    return max(true for true, _ in parts), min(false for _, false in parts)


def _condition(tokens: Sequence[Any], *, allow_or: bool) -> _Met | None:
    """A media condition: `not (…)`, or `(…)` joined by `and`, or by `or` (not both)."""
    if not tokens:
        return None
    if tokens[0].type == "ident" and tokens[0].lower_value == "not":
        inner = _in_parens(tokens[1]) if len(tokens) == 2 else None
        return None if inner is None else (inner[1], inner[0])
    parts = [_in_parens(token) for token in tokens[::2]]
    joiners = {t.lower_value if t.type == "ident" else "" for t in tokens[1::2]}
    if None in parts or len(tokens) % 2 == 0 or not joiners <= {"and", "or"} or len(joiners) > 1:
        return None
    if joiners == {"or"}:
        return _or(*(p for p in parts if p is not None)) if allow_or else None
    return _and(*(p for p in parts if p is not None))


def _in_parens(token: Any) -> _Met | None:
    """A `(…)`: a nested condition or a media feature; anything else in parentheses or a
    function (`general-enclosed`: `(foo bar)`, `foo(bar)`) is unknown, as a feature no browser
    knows is."""
    if token.type == "function":
        return _UNKNOWN
    if token.type != "() block":
        return None
    inside = [t for t in token.content if t.type not in ("whitespace", "comment")]
    if inside and (inside[0].type == "() block" or (inside[0].type == "ident" and inside[0].lower_value == "not" and len(inside) > 1)):
        nested = _condition(inside, allow_or=True)
        return _UNKNOWN if nested is None else nested
    inside = _with_math_worked_out(inside)
    return _known(_feature(inside)) if _valid_feature(inside) else _UNKNOWN


# The media features a browser knows (Chromium 156's, with the few more of Media Queries 4 and 5
# this module reads: `inverted-colors`, `prefers-reduced-data`), by the values each takes: a
# `<length>` (`_LENGTH`), `<ratio>`, `<resolution>` or `<integer>`, compared in a range or with
# `min-`/`max-`; `<mq-boolean>` (0 or 1); or one of a few keywords (`_DISCRETE_VALUES` and the
# others here). Any other name, a value of another type, `min-`/`max-` or a range of a feature
# that takes neither, is unknown (`_valid_feature`).
_LENGTH, _RATIO, _RESOLUTION, _INTEGER, _NUMBER, _MQ_BOOLEAN = "length", "ratio", "resolution", "integer", "number", "mq-boolean"
_RANGE_TYPES = frozenset({_LENGTH, _RATIO, _RESOLUTION, _INTEGER, _NUMBER})
_FEATURE_TYPES: dict[str, str | frozenset[str]] = {
    **dict.fromkeys(("width", "height", "device-width", "device-height"), _LENGTH),
    **dict.fromkeys(("aspect-ratio", "device-aspect-ratio"), _RATIO),
    "resolution": _RESOLUTION,
    "-webkit-device-pixel-ratio": _NUMBER,
    **dict.fromkeys(("color", "color-index", "monochrome", "horizontal-viewport-segments", "vertical-viewport-segments"), _INTEGER),
    **dict.fromkeys(("grid", "-webkit-transform-3d"), _MQ_BOOLEAN),
    **_DISCRETE_VALUES,
    "update": frozenset({"none", "slow", "fast"}),
    "scan": frozenset({"interlace", "progressive"}),
    "overflow-block": frozenset({"none", "scroll", "optional-paged", "paged"}),
    "overflow-inline": frozenset({"none", "scroll"}),
    "color-gamut": frozenset({"srgb", "p3", "rec2020"}),
    "dynamic-range": frozenset({"standard", "high"}),
    "display-mode": frozenset({"browser", "fullscreen", "minimal-ui", "standalone", "window-controls-overlay", "picture-in-picture", "borderless", "tabbed"}),
    "forced-colors": frozenset({"none", "active"}),
    "inverted-colors": frozenset({"none", "inverted"}),
    "prefers-reduced-data": frozenset({"no-preference", "reduce"}),
    "device-posture": frozenset({"continuous", "folded"}),
}
# The length units a media feature takes (CSS Values 4; font-relative ones are of the initial
# font, viewport ones of the initial viewport: both are read by Chromium, the latter not here).
_LENGTH_UNITS = frozenset({"px", "pt", "pc", "in", "cm", "mm", "q"}) | FONT_UNIT_EMS.keys() | ROOT_FONT_UNIT_EMS.keys() | VIEWPORT_UNITS | CONTAINER_UNITS


def _valid_feature(inside: Sequence[Any]) -> bool:
    """Whether a browser knows a media feature (the tokens inside its parentheses, math worked
    out: `_with_math_worked_out`) and the value it is given (`_FEATURE_TYPES`): `(width)`,
    `(min-width: 1px)`, `(0 < width <= 2em)`, `(pointer: fine)`; not `(frobnicate)`, `(pointer:
    frob)`, `(min-hover: hover)`, `(width: 10)`, `(min-width: 10%)`, `(orientation > portrait)`."""
    if len(inside) == 1:
        return inside[0].type == "ident" and inside[0].lower_value in _FEATURE_TYPES
    if len(inside) >= 3 and inside[1].type == "literal" and inside[1].value == ":":
        written = inside[0].lower_value
        webkit = _WEBKIT_RATIO.get(written)
        name = "-webkit-device-pixel-ratio" if webkit is not None else written.removeprefix("min-").removeprefix("max-")
        kind = _FEATURE_TYPES.get(name)
        if kind is None or (name != written and kind not in _RANGE_TYPES):
            return False
        return _valid_value(kind, inside[2:])
    return _valid_range(inside)


def _valid_range(inside: Sequence[Any]) -> bool:
    """`_valid_feature` of the range syntax: `name OP value`, `value OP name` or `v1 OP name OP
    v2`, the two operators of the last both `<` (or `<=`) or both `>`, of a range feature."""
    pieces = _range_pieces(list(inside))
    names = [i for i, p in enumerate(pieces) if not isinstance(p, str) and p.type == "ident" and p.lower_value in _FEATURE_TYPES]
    operators = [p for p in pieces if isinstance(p, str) and p != "/"]
    if len(names) != 1 or len(pieces) not in (3, 5) or len(operators) != len(pieces) // 2:
        return False
    at = names[0]
    kind = _FEATURE_TYPES[pieces[at].lower_value]
    if kind not in _RANGE_TYPES or any(isinstance(pieces[i], str) == (i % 2 == 0) for i in range(len(pieces))):
        return False
    if len(pieces) == 5 and (at != 2 or {operators[0][0], operators[1][0]} not in ({"<"}, {">"})):
        return False
    return all(_valid_value(kind, [piece]) for i, piece in enumerate(pieces) if i % 2 == 0 and i != at)


def _valid_value(kind: str | frozenset[str], tokens: Sequence[Any]) -> bool:
    """Whether a media feature of that kind takes the value (its tokens)."""
    if isinstance(kind, frozenset):
        return len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in kind
    if kind == _RATIO:
        return _valid_ratio(tokens)
    if len(tokens) != 1:
        return False
    token = tokens[0]
    if token.type == "function":
        return token.lower_name in MATH_FUNCTIONS  # a calculation not worked out (`calc(1px + 1vw)`)
    return _valid_single_value(kind, token)


def _valid_ratio(tokens: Sequence[Any]) -> bool:
    """Whether the tokens of a value are a `<ratio>`: a number, or two with a `/` between (none
    negative)."""
    numbers = [t for t in tokens if t.type == "number"]
    slash = len(tokens) == 3 and tokens[1].type == "literal" and tokens[1].value == "/"
    return (len(tokens) == 1 or slash) and len(numbers) == len(tokens) - (1 if slash else 0) and all(t.value >= 0 for t in numbers)


def _valid_single_value(kind: str, token: Any) -> bool:
    """Whether a media feature of a `_LENGTH`, `_RESOLUTION`, `_NUMBER`, `_INTEGER` or
    `_MQ_BOOLEAN` kind takes a value of one token (not a function)."""
    if kind == _LENGTH:
        return (token.type == "number" and token.value == 0) or (token.type == "dimension" and token.lower_unit in _LENGTH_UNITS)
    if kind == _RESOLUTION:
        return token.type == "dimension" and token.lower_unit in _DPPX_PER_UNIT
    if kind == _NUMBER:
        return bool(token.type == "number")
    return bool(token.type == "number" and token.is_integer and (kind == _INTEGER or token.value in (0, 1)))


def _with_math_worked_out(inside: list[Any]) -> list[Any]:
    """The tokens of a media feature with each calculation (`calc(1px)`, `min(1px, 5000px)`,
    `clamp(…)`) as what it gives (`css.with_math_resolved`: `em` of the initial 16px font); one
    that names a viewport or container unit is left as written (not read here), and one that
    gives nothing a browser takes is a percentage, which no feature takes (`(min-width:
    calc(10px + 5%))`, `(width: calc(1px * 2px))` are unknown)."""
    if not any(t.type == "function" for t in inside):
        return inside
    import tinycss2

    worked: list[Any] = []
    for token in inside:
        if token.type == "function" and token.lower_name in MATH_FUNCTIONS:
            units = {t.lower_unit for t in _flattened(token) if t.type == "dimension"}
            if not units & (VIEWPORT_UNITS | CONTAINER_UNITS):
                resolved = with_math_resolved([token])[0]
                token = tinycss2.ast.PercentageToken(token.source_line, token.source_column, 0, 0, "0") if resolved is token else resolved
        worked.append(token)
    return worked


def _flattened(token: Any) -> Any:
    yield token
    for inner in getattr(token, "arguments", None) or getattr(token, "content", None) or ():
        yield from _flattened(inner)


def _feature(tokens: Sequence[Any]) -> int:
    """A media feature: boolean (`(width)`), plain (`(min-width: 1px)`) or a range
    (`(width >= 1px)`, `(0 < width < 1px)`)."""
    if len(tokens) == 1 and tokens[0].type == "ident":
        name = tokens[0].lower_value
        return ALWAYS if name in ("width", "height") else _MOST_READERS_BOOLEAN.get(name, SOMETIMES)
    if len(tokens) == 3 and tokens[0].type == "ident" and tokens[1].type == "literal" and tokens[1].value == ":":
        name = tokens[0].lower_value
        prefix, _, axis = name.partition("-") if name.startswith(("min-", "max-")) else ("", "", name)
        if axis in _LEAST_PX:
            return _size_compared({"min": ">=", "max": "<=", "": "="}[prefix], tokens[2], axis)
        return _most_readers(name, tokens[2])
    return _range(tokens)


def _most_readers(name: str, value: Any) -> int:
    """How often `(name: value)` holds: for a feature of `_MOST_READERS`, on most screens for the
    value most have and on a few for another; a colour screen has some bits of colour
    (`(min-color: 1)`) and none of grey (`(monochrome: 0)`, `(max-monochrome: 0)`); else on some."""
    if name in ("pointer", "any-pointer") and value.type == "ident":
        return FEW if value.lower_value == "none" else SOMETIMES
    usual = _MOST_READERS.get(name)
    if usual is not None:
        return SOMETIMES if value.type != "ident" else MOST if value.lower_value == usual else FEW
    if value.type != "number" or not value.is_integer:
        return SOMETIMES
    if name in ("monochrome", "max-monochrome") and value.int_value == 0:
        return MOST
    if name == "min-monochrome" and value.int_value >= 1:
        return FEW
    if name == "min-color" and value.int_value == 1:
        return MOST
    if name in ("color", "max-color") and value.int_value == 0:
        return FEW
    if name == "grid":
        return ALWAYS if value.int_value == 0 else NEVER
    return SOMETIMES


def _range(tokens: Sequence[Any]) -> int:
    """A range feature: its comparisons of the width or height (`device-` ones too), each read as
    `width OP value`."""
    pieces: list[Any] = []
    for token in tokens:
        if token.type == "literal" and token.value == "=" and pieces and pieces[-1] in ("<", ">"):
            pieces[-1] += "="
        elif token.type == "literal" and token.value in _FLIPPED:
            pieces.append(token.value)
        else:
            pieces.append(token)
    names = [i for i, p in enumerate(pieces) if not isinstance(p, str) and p.type == "ident"]
    if len(names) != 1 or pieces[names[0]].lower_value not in _LEAST_PX or len(pieces) not in (3, 5):
        return SOMETIMES
    at = names[0]
    axis = pieces[at].lower_value
    met = ALWAYS
    if at + 2 < len(pieces) and isinstance(pieces[at + 1], str):
        met = min(met, _size_compared(pieces[at + 1], pieces[at + 2], axis))
    if at >= 2 and isinstance(pieces[at - 1], str):
        met = min(met, _size_compared(_FLIPPED[pieces[at - 1]], pieces[at - 2], axis))
    return met


def _size_compared(operator: str, value: Any, axis: str = "width") -> int:
    """How often `AXIS OPERATOR value` holds (`axis`: `width`, `height` or a `device-` one): every
    screen is at least `_LEAST_PX` of it (320px wide) and at most `LARGEST_SCREEN_PX` (5120px), so
    `(max-width: 100000px)` holds on every screen, as `(min-width: 0)` does."""
    if isinstance(value, str) or (value.type == "dimension" and value.lower_unit in VIEWPORT_UNITS | CONTAINER_UNITS):
        return SOMETIMES
    pixels = length_px(value)
    if pixels is None:
        return SOMETIMES
    least = _LEAST_PX[axis]
    if operator in (">", ">="):
        return ALWAYS if pixels < least or (operator == ">=" and pixels == least) else SOMETIMES
    if operator in ("<", "<="):
        # No screen is smaller than the least, nor larger than the largest.
        if pixels > LARGEST_SCREEN_PX or (operator == "<=" and pixels == LARGEST_SCREEN_PX):
            return ALWAYS
        return NEVER if pixels < least or (operator == "<" and pixels == least) else SOMETIMES
    return NEVER if pixels < least else SOMETIMES


# --- a list true on every screen, whatever its unknowns -------------------------------------------
#
# A query list some of whose features are unknown may still hold on every screen: a tautology
# (`(any-hover) or (not (any-hover))`), a bound no screen is outside (`(min-resolution: 0.001dppx)`,
# `(min-aspect-ratio: 1/100000)`), or ranges that together cover every screen (`(max-width: 700px),
# (min-width: 600px)`). `_on_every_kind_of_screen` reads the list as a formula of its media features and
# tries it on every kind of screen they can tell apart: each discrete feature at each of its
# values, each numeric one at each bound the list names (and just either side of it) within what
# screens have, and each feature it cannot read either way.

# What screens have of the numeric features, as (least, greatest): widths and heights in CSS
# pixels (see `_LEAST_PX`), the resolution in dots per CSS pixel (a browser zoomed out to 25%,
# the least Chromium offers, on a 1x screen, up to 500% zoom on a 4x phone: `-webkit-min-device-
# pixel-ratio` is its legacy name, in plain numbers), the aspect ratio (the narrowest window, 320px
# wide, on the tallest 5K screen; a window may be as flat as it likes).
_NUMERIC_RANGES = {
    "width": (_NARROWEST_SCREEN_PX, LARGEST_SCREEN_PX),
    "device-width": (_NARROWEST_SCREEN_PX, LARGEST_SCREEN_PX),
    "height": (0.0, LARGEST_SCREEN_PX),
    "device-height": (0.0, LARGEST_SCREEN_PX),
    "resolution": (0.25, 20.0),
    "aspect-ratio": (_NARROWEST_SCREEN_PX / LARGEST_SCREEN_PX, float("inf")),
    "device-aspect-ratio": (_NARROWEST_SCREEN_PX / LARGEST_SCREEN_PX, float("inf")),
}
# The sizes of a screen, in CSS pixels.
_SIZES = frozenset({"width", "device-width", "height", "device-height"})
# The widest gap between two size bounds that no screen is taken to fall in: the `.02px` (and
# `.98px`) of Bootstrap's breakpoints, which pair `(max-width: 700px)` with `(min-width:
# 700.02px)` so that no fractional width a browser may have (at a display scaling or zoom) meets
# both. A gap of a whole pixel (`(max-width: 700px)`, `(min-width: 701px)`) holds the 700.8px of
# a screen at 125% scaling: it is left open.
_SUBPIXEL_GAP_PX = 0.05
# Resolution units in dots per CSS pixel (Media Queries 4, CSS Values 4 `<resolution>`).
_DPPX_PER_UNIT = {"dppx": 1.0, "x": 1.0, "dpi": 1 / 96, "dpcm": 2.54 / 96}
# The legacy `-webkit-` names of the device pixel ratio (Chromium's, as the resolution in dppx).
_WEBKIT_RATIO = {"-webkit-device-pixel-ratio": "", "-webkit-min-device-pixel-ratio": "min-", "-webkit-max-device-pixel-ratio": "max-"}
# The most kinds of screen tried (a list naming more features than that is not tried): the
# tautologies and covering ranges of real and hostile pages name one to three features; a hostile
# page of thousands of queries of many unknown features each must not cost minutes (at 256, a
# query costs at most about half a millisecond).
_MOST_SCREENS_TRIED = 256
# A formula: ("and" | "or", parts), ("not", (part,)), ("is", (truth,)) or ("atom", (feature, test)).
_Formula = tuple[str, tuple[Any, ...]]


def _on_every_kind_of_screen(queries: Sequence[Sequence[Any]], met: int) -> int:
    """`ALWAYS` when the query list holds on every kind of screen its features tell apart (see
    above), else `met` as read (one that holds on none is left so: its rules can show, never
    hide, and screens beyond the bounds assumed may meet it)."""
    formula: _Formula = ("or", tuple(_query_formula(query) for query in queries))
    domains: dict[str, set[Any]] = {}
    _domains(formula, domains)
    screens = 1
    for values in domains.values():
        screens *= len(values)
    if screens > _MOST_SCREENS_TRIED:
        return met
    every = all(_holds(formula, screen) is True for screen in _screens(sorted(domains.items(), key=lambda item: item[0])))
    return ALWAYS if every else met


def _screens(domains: list[tuple[str, set[Any]]]) -> Any:
    """Every assignment of a value to each feature (dicts)."""
    import itertools

    names = [name for name, _ in domains]
    for values in itertools.product(*(sorted(values, key=repr) for _, values in domains)):
        yield dict(zip(names, values, strict=True))


def _holds(formula: _Formula, screen: dict[str, Any]) -> bool | None:
    """Whether the formula is true on the screen, false, or unknown (None: see `_Met`)."""
    kind, parts = formula
    if kind == "is":
        return bool(parts[0])
    if kind == "unknown":
        return None
    if kind == "not":
        inner = _holds(parts[0], screen)
        return None if inner is None else not inner
    if kind in ("and", "or"):
        found = {_holds(part, screen) for part in parts}
        decisive = kind == "or"
        return decisive if decisive in found else None if None in found else not decisive
    feature, test = parts
    return bool(test(screen[feature]))


def _domains(formula: _Formula, found: dict[str, set[Any]]) -> None:
    """The values worth trying of each feature the formula tests (`found`, filled in)."""
    kind, parts = formula
    if kind in ("and", "or", "not"):
        for part in parts:
            _domains(part, found)
    elif kind == "atom":
        feature, test = parts
        found.setdefault(feature, set()).update(getattr(test, "tried", (True, False)))


def _query_formula(tokens: Sequence[Any]) -> _Formula:
    """One media query as a formula; an invalid one is `not all`, false."""
    if not tokens:
        return ("is", (False,))
    first = tokens[0]
    if first.type == "ident" and not (first.lower_value == "not" and len(tokens) > 1 and tokens[1].type == "() block"):
        negated = first.lower_value == "not"
        rest = tokens[1:] if first.lower_value in ("not", "only") else tokens
        if not rest or rest[0].type != "ident" or rest[0].lower_value in _RESERVED:
            return ("is", (False,))
        typed: _Formula = ("is", (rest[0].lower_value in _SCREEN_TYPES,))
        if len(rest) > 1:
            condition = _condition_formula(rest[2:], allow_or=False) if _is(rest[1], "and") else None
            if condition is None:
                return ("is", (False,))
            typed = ("and", (typed, condition))
        return ("not", (typed,)) if negated else typed
    found = _condition_formula(tokens, allow_or=True)
    return ("is", (False,)) if found is None else found


def _condition_formula(tokens: Sequence[Any], *, allow_or: bool) -> _Formula | None:
    """A media condition as a formula (see `_condition`); None when invalid."""
    if not tokens:
        return None
    if _is(tokens[0], "not"):
        inner = _in_parens_formula(tokens[1]) if len(tokens) == 2 else None
        return None if inner is None else ("not", (inner,))
    parts = [_in_parens_formula(token) for token in tokens[::2]]
    joiners = {t.lower_value if t.type == "ident" else "" for t in tokens[1::2]}
    if None in parts or len(tokens) % 2 == 0 or not joiners <= {"and", "or"} or len(joiners) > 1 or (joiners == {"or"} and not allow_or):
        return None
    return ("or" if joiners == {"or"} else "and", tuple(parts))


def _in_parens_formula(token: Any) -> _Formula | None:
    """A `(…)`: a nested condition or a media feature; a function (`general-enclosed`) or what
    cannot be read is a feature of its own, true on some screens and false on others."""
    if token.type == "function":
        return _UNKNOWN_FORMULA
    if token.type != "() block":
        return None
    inside = [t for t in token.content if t.type not in ("whitespace", "comment")]
    if inside and (inside[0].type == "() block" or (_is(inside[0], "not") and len(inside) > 1)):
        nested = _condition_formula(inside, allow_or=True)
        return _UNKNOWN_FORMULA if nested is None else nested
    inside = _with_math_worked_out(inside)
    return _feature_formula(token, inside) if _valid_feature(inside) else _UNKNOWN_FORMULA


# A feature no browser knows, or a value it does not take (`general-enclosed` too): unknown on
# every screen (see `_Met`).
_UNKNOWN_FORMULA: _Formula = ("unknown", ())


def _unknown(token: Any) -> _Formula:
    """A feature a browser knows and the checker does not read (`(min-width: 50vw)`,
    `(display-mode: standalone)`): true on some screens, false on others."""
    import tinycss2

    return ("atom", (" ".join(tinycss2.serialize([token]).lower().split()), bool))


def _feature_formula(token: Any, inside: list[Any]) -> _Formula:
    """A media feature: a discrete one tested for each of its values, a numeric one against each
    bound it names, one `_feature` knows always or never holds as that, another as unknown."""
    met = _feature(inside)
    if met in (ALWAYS, NEVER):
        return ("is", (met == ALWAYS,))
    discrete = _discrete_formula(inside)
    if discrete is not None:
        return discrete
    numeric = _numeric_formula(inside)
    return numeric if numeric is not None else _unknown(token)


class _Test:
    """A test of one feature's value, with the values worth trying it at (`tried`)."""

    def __init__(self, test: Any, tried: Sequence[Any]) -> None:
        self.test = test
        self.tried = tuple(tried)

    def __call__(self, value: Any) -> bool:
        return bool(self.test(value))


def _discrete_formula(inside: list[Any]) -> _Formula | None:
    """`(feature)` or `(feature: value)` of a feature of `_DISCRETE_VALUES`."""
    tested = _one_feature([_ParensOf(inside)])
    if tested is None:
        return None
    name, values = tested
    return ("atom", (name, _Test(lambda value: value in values, sorted(_DISCRETE_VALUES[name]))))


class _ParensOf:
    """A `() block` holding these tokens (what `_one_feature` reads)."""

    type = "() block"

    def __init__(self, content: list[Any]) -> None:
        self.content = content


def _numeric_formula(inside: list[Any]) -> _Formula | None:
    """`(min-name: value)`, `(max-name: value)`, `(name: value)` or a range (`(name >= value)`,
    `(v1 < name < v2)`) of a feature of `_NUMERIC_RANGES` (`-webkit-` pixel ratios as the
    resolution); None for another."""
    comparisons = _comparisons(inside)
    if not comparisons:
        return None
    name = comparisons[0][0]
    least, greatest = _NUMERIC_RANGES[name]
    bounds = {bound for _, _, bound in comparisons}
    tried = {least, min(greatest, max(bounds) * 2 + 1)}
    # Either side of each bound; for a size, far enough that a gap narrower than
    # `_SUBPIXEL_GAP_PX` between two bounds (`(max-width: 700px)`, `(min-width: 700.02px)`) holds
    # no screen tried.
    step = _SUBPIXEL_GAP_PX if name in _SIZES else 0.0
    tried |= {b + side * max(step, 1e-6 * (abs(b) + 1)) for b in bounds for side in (-1, 0, 1)}
    tried = {value for value in tried if least <= value <= greatest}

    def test(value: float) -> bool:
        return all(_compare(value, operator, bound) for _, operator, bound in comparisons)

    return ("atom", (name, _Test(test, sorted(tried))))


def _compare(value: float, operator: str, bound: float) -> bool:
    return {"<": value < bound, "<=": value <= bound, ">": value > bound, ">=": value >= bound, "=": value == bound}[operator]


def _comparisons(inside: list[Any]) -> list[tuple[str, str, float]]:
    """The comparisons a numeric feature makes, each `(name, operator, bound)` read as `name
    OPERATOR bound`; empty when it is not one of `_NUMERIC_RANGES` or a value is not read."""
    if len(inside) >= 3 and inside[0].type == "ident" and inside[1].type == "literal" and inside[1].value == ":":
        written = inside[0].lower_value
        prefix = _WEBKIT_RATIO.get(written)
        name = "resolution" if prefix is not None else written.removeprefix("min-").removeprefix("max-")
        prefix = prefix if prefix is not None else written[: len(written) - len(name)]
        bound = _numeric_value(name, inside[2:], webkit=written in _WEBKIT_RATIO)
        if name not in _NUMERIC_RANGES or bound is None:
            return []
        return [(name, {"min-": ">=", "max-": "<=", "": "="}[prefix], bound)]
    return _range_comparisons(inside)


def _range_comparisons(inside: list[Any]) -> list[tuple[str, str, float]]:
    """`_comparisons` of the range syntax: `name OP value`, `value OP name`, `v1 OP name OP v2`."""
    pieces = _range_pieces(inside)
    names = [i for i, p in enumerate(pieces) if not isinstance(p, str) and p.type == "ident"]
    if len(names) != 1 or pieces[names[0]].lower_value not in _NUMERIC_RANGES:
        return []
    at, name = names[0], pieces[names[0]].lower_value
    found: list[tuple[str, str, float]] = []
    for operator_at, value_at, flip in ((at + 1, at + 2, False), (at - 1, at - 2, True)):
        if 0 <= value_at < len(pieces) and isinstance(pieces[operator_at], str):
            bound = _numeric_value(name, [pieces[value_at]], webkit=False)
            if bound is None:
                return []
            found.append((name, _FLIPPED[pieces[operator_at]] if flip else pieces[operator_at], bound))
    return found if len(found) == len([p for p in pieces if isinstance(p, str)]) else []


def _range_pieces(inside: list[Any]) -> list[Any]:
    """A range feature's tokens with each comparison as its operator's text (`>=`) and each
    `<ratio>` (`1/1000`) as one number (`_Ratio`)."""
    pieces: list[Any] = []
    for token in inside:
        if token.type == "literal" and token.value == "=" and pieces and pieces[-1] in ("<", ">"):
            pieces[-1] += "="
        elif token.type == "literal" and token.value in (*_FLIPPED, "/"):
            pieces.append(token.value)
        elif token.type == "number" and len(pieces) >= 2 and pieces[-1] == "/" and getattr(pieces[-2], "type", "") == "number" and token.value:
            pieces[-2:] = [_Ratio(float(pieces[-2].value) / float(token.value))]
        else:
            pieces.append(token)
    return pieces


class _Ratio:
    """A `<ratio>` of the range syntax (`1/1000`), read as the number it is."""

    type = "number"

    def __init__(self, value: float) -> None:
        self.value = value


def _numeric_value(name: str, tokens: Sequence[Any], *, webkit: bool) -> float | None:
    """A numeric feature's value in its unit (CSS pixels, dppx, a ratio); None when not read."""
    if name in ("aspect-ratio", "device-aspect-ratio"):
        numbers = [t for t in tokens if t.type == "number"]
        if len(tokens) == 1 and numbers:
            return float(numbers[0].value)
        if len(tokens) == 3 and len(numbers) == 2 and tokens[1].type == "literal" and tokens[1].value == "/" and numbers[1].value:
            return float(numbers[0].value) / float(numbers[1].value)
        return None
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if name == "resolution":
        if webkit and token.type == "number":
            return float(token.value)
        factor = _DPPX_PER_UNIT.get(token.lower_unit) if token.type == "dimension" else None
        return None if factor is None else float(token.value) * factor
    if token.type == "dimension" and token.lower_unit in VIEWPORT_UNITS | CONTAINER_UNITS:
        return None
    return length_px(token)
