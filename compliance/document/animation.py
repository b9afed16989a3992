"""Where an element's CSS animations leave it once they have run (CSS Animations 1).

An animation changes the properties its `@keyframes` name for as long as it runs; afterwards the
element shows its own values again, unless its fill mode (`forwards`, `both`) keeps the last
keyframe it reached: the `100%` (`to`) keyframe when it runs forwards, the `0%` (`from`) one when
its last iteration runs in reverse. A property that keyframe leaves out is the element's own.

The checker reads the end state only when it is sure of it: every named animation's `@keyframes`
is found in the page's applied `<style>` blocks, defined alike wherever it is defined, and runs a
whole number of times (not `infinite` nor a count too large to end, not `paused`: such an
animation is read only when every keyframe it can show sets what the element has anyway), and the `animation` shorthand and the
longhands give the same end state whichever of them wins the cascade. Otherwise `end_state` says
it does not know, and the element is not judged by what an animation may change (a fade-in is
seen, as before keyframes were read). The `-webkit-animation…` properties are read as the
unprefixed ones (`css.ALIASES`), and `@-webkit-keyframes` as `@keyframes`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from compliance.document.css import CSS_WIDE_KEYWORDS, Declaration, parse_style_sheet, per_sheet, split_commas, variables_used
from compliance.firstuse import on_first_use

# A keyframes rule's start: `@keyframes`, or a prefixed alias browsers still honour.
_KEYFRAMES_AT = re.compile(r"@(?:-webkit-|-moz-|-o-)?keyframes(?![-\w])", re.IGNORECASE)
# What skips over what may hold a brace in a keyframes block: comments and strings.
_SKIPPED = on_first_use(r"""/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[{}]""", re.S)

# The keywords of each part of an `animation` shorthand (CSS Animations 1, 3.9); any other
# identifier is the animation's name. A keyword is given to the first part it fits that is
# still unset, so `animation: none` and `animation: forwards` name no animation.
_TIMING = frozenset({"ease", "linear", "ease-in", "ease-out", "ease-in-out", "step-start", "step-end"})
_FILL = frozenset({"none", "forwards", "backwards", "both"})
_DIRECTION = frozenset({"normal", "reverse", "alternate", "alternate-reverse"})
_PLAY_STATE = frozenset({"running", "paused"})
# The longhands the end state depends on, and the part of an animation each sets.
_LONGHANDS = {
    "animation-name": "name",
    "animation-fill-mode": "fill",
    "animation-direction": "direction",
    "animation-iteration-count": "iterations",
    "animation-play-state": "state",
}
ANIMATION_PROPERTIES = frozenset({"animation", *_LONGHANDS})


class Keyframes(NamedTuple):
    """A `@keyframes` rule: its keyframes in order, each as (offsets 0–1, declarations)."""

    frames: tuple[tuple[tuple[float, ...], tuple[Declaration, ...]], ...]

    def at(self, offset: float) -> dict[str, Declaration]:
        """The declarations in force at a keyframe offset (0 or 1), by property: a later keyframe
        at the same offset overrides an earlier one."""
        found: dict[str, Declaration] = {}
        for offsets, declarations in self.frames:
            if offset in offsets:
                found.update((d.name, d) for d in declarations)
        return found


class _Animation(NamedTuple):
    name: str
    fill: str = "none"
    direction: str = "normal"
    iterations: float | None = 1.0  # None: `infinite` or a count the checker does not read
    state: str = "running"


# Where an element's animations leave it: the declarations they keep in force, by property (empty
# when every one ends back at the element's own values); None when the checker does not know.
EndState = dict[str, Declaration] | None


def end_state(declared: Mapping[str, Declaration], keyframes: Mapping[str, Keyframes | None], *, complete: bool = False) -> EndState:
    """The declarations the element's animations (its `animation` shorthand or longhands in
    `declared`) keep in force once they have all run, by property; `keyframes`: the page's
    `@keyframes` by name (None for a name defined in ways that differ); `complete`: they are all
    the keyframes there are (the page links no stylesheet), so an animation whose name has none
    runs nothing. None when the checker cannot be sure of it (see the module's docstring)."""
    readings = _readings(declared)
    if readings is None:
        return None
    states = [_end_of(animations, keyframes, declared, complete) for animations in readings]
    first = states[0]
    return first if all(state == first for state in states[1:]) else None


def _readings(declared: Mapping[str, Declaration]) -> list[list[_Animation]] | None:
    """The element's animations as the shorthand gives them, and as the longhands change them
    (which of the two wins the cascade is not known here); None for a value not read."""
    shorthand = declared.get("animation")
    longhands = {part: declared[name] for name, part in _LONGHANDS.items() if name in declared}
    readings: list[list[_Animation]] = []
    base: list[_Animation] | None = [_Animation("none")]
    if shorthand is not None:
        base = _shorthand(shorthand)
        if base is None:
            return None
        readings.append(base)
    if longhands:
        changed = _with_longhands(base or [], longhands)
        if changed is None:
            return None
        readings.append(changed)
    return readings


def _shorthand(declaration: Declaration) -> list[_Animation] | None:
    """The animations an `animation` shorthand lists; None for a value the checker does not read."""
    if declaration.keyword in CSS_WIDE_KEYWORDS or variables_used(declaration.values):
        return None
    found = []
    for item in split_commas(declaration.values):
        animation = _one_animation(item)
        if animation is None:
            return None
        found.append(animation)
    return found


def _one_animation(tokens: Sequence[Any]) -> _Animation | None:
    parts: dict[str, Any] = {}
    for token in tokens:
        if token.type in ("dimension", "function"):
            continue  # a duration, a delay or a timing function
        if token.type == "number":
            parts.setdefault("iterations", _count(token.value))
            continue
        value = token.lower_value if token.type == "ident" else token.value if token.type == "string" else None
        if value is None:
            return None
        part = _keyword_part(value, parts) if token.type == "ident" else None
        if part is None:
            part = "name"
            value = token.value  # a name's case counts
        if part in parts:
            return None
        parts[part] = None if value == "infinite" else value
    return _Animation(
        str(parts.get("name", "none")),
        fill=str(parts.get("fill", "none")),
        direction=str(parts.get("direction", "normal")),
        iterations=parts.get("iterations", 1.0),
        state=str(parts.get("state", "running")),
    )


# Past this count a float no longer tells odd from even, and no reader waits for the end: such a
# count (`1e999` is read as an infinite float) is taken as `infinite`.
_ENDLESS_COUNT = 2.0**53


def _count(value: float) -> float | None:
    """An `animation-iteration-count` number as a count; None (as for `infinite`) when it is too
    large or not finite for its end to be worked out."""
    count = float(value)
    return count if math.isfinite(count) and abs(count) < _ENDLESS_COUNT else None


def _keyword_part(value: str, parts: Mapping[str, Any]) -> str | None:
    """The part of an animation a shorthand keyword sets: the first it fits that is unset."""
    for part, keywords in (("timing", _TIMING), ("fill", _FILL), ("direction", _DIRECTION), ("state", _PLAY_STATE), ("iterations", {"infinite"})):
        if value in keywords and part not in parts:
            return part
    return None


def _with_longhands(animations: list[_Animation], longhands: Mapping[str, Declaration]) -> list[_Animation] | None:
    """The animations with the longhands' values, each list repeated to the names' length."""
    lists: dict[str, list[Any]] = {}
    for part, declaration in longhands.items():
        values = _longhand_values(part, declaration)
        if values is None:
            return None
        lists[part] = values
    names = lists.get("name") or [a.name for a in animations] or ["none"]
    found = []
    for position, name in enumerate(names):
        own = animations[position] if position < len(animations) else _Animation(name)
        changes = {part: values[position % len(values)] for part, values in lists.items() if part != "name" and values}
        found.append(own._replace(name=name, **changes))
    return found


def _longhand_values(part: str, declaration: Declaration) -> list[Any] | None:
    """A longhand's comma-separated values; None for one the checker does not read."""
    if declaration.keyword in CSS_WIDE_KEYWORDS or variables_used(declaration.values):
        return None
    values: list[Any] = []
    for item in split_commas(declaration.values):
        if len(item) != 1:
            return None
        token = item[0]
        if part == "iterations" and token.type == "number":
            values.append(_count(token.value))
        elif token.type == "ident":
            values.append(None if part == "iterations" else token.value if part == "name" else token.lower_value)
        elif part == "name" and token.type == "string":
            values.append(token.value)
        else:
            return None
    return values


def _end_of(animations: Iterable[_Animation], keyframes: Mapping[str, Keyframes | None], declared: Mapping[str, Declaration], complete: bool) -> EndState:
    """What the animations keep in force once run (a later one in the list wins a property)."""
    state: dict[str, Declaration] = {}
    for animation in animations:
        if animation.name.lower() == "none" and animation.name not in keyframes:
            continue
        if complete and animation.name not in keyframes:
            continue  # no `@keyframes` of that name anywhere: the animation runs nothing
        rule = keyframes.get(animation.name)
        if rule is None:
            return None
        if animation.state != "running" or animation.iterations is None:
            # It never ends (or waits, paused): known only when every keyframe it can show sets
            # what the element has anyway (`@keyframes stay{from{opacity:0}to{opacity:0}}` on
            # an element at `opacity: 0`; a paused fade-in from the element's own `opacity: 0`).
            if not _changes_nothing(rule, animation, declared):
                return None
            continue
        offset = _end_offset(animation.direction, animation.iterations)
        if offset is None:
            return None
        if animation.fill in ("forwards", "both"):
            frame = rule.at(offset)
            if any(variables_used(d.values) for d in frame.values()):
                return None
            state.update(frame)
    return state


def _changes_nothing(rule: Keyframes, animation: _Animation, declared: Mapping[str, Declaration]) -> bool:
    """True when every keyframe the animation can show (a paused one: its first; else all) sets
    each property it names to the element's own value, written alike."""
    if animation.state == "paused":
        first = 0.0 if animation.direction in ("normal", "alternate") else 1.0
        frames = [rule.at(first)]
    else:
        frames = [{d.name: d for d in declarations} for _, declarations in rule.frames]
    return all(name in declared and _written_alike(value, declared[name]) for frame in frames for name, value in frame.items())


def _written_alike(a: Declaration, b: Declaration) -> bool:
    """True when two declarations of a property give the same value, token by token."""
    return len(a.values) == len(b.values) and all(
        (x.type, getattr(x, "value", None), getattr(x, "unit", None)) == (y.type, getattr(y, "value", None), getattr(y, "unit", None))
        for x, y in zip(a.values, b.values, strict=True)
    )


def _end_offset(direction: str, iterations: float) -> float | None:
    """The keyframe offset an animation ends on: 1 running forwards, 0 in reverse; an alternating
    one's last iteration runs forwards when it is an odd one. None for a count that ends between
    keyframes or runs no iteration."""
    if iterations <= 0 or iterations != math.floor(iterations):
        return None
    reverse = direction in ("reverse", "alternate-reverse")
    if direction.startswith("alternate") and iterations % 2 == 0:
        reverse = not reverse
    return 0.0 if reverse else 1.0


def page_keyframes(sheets: Sequence[str]) -> dict[str, Keyframes | None]:
    """The `@keyframes` of the page's applied `<style>` blocks, by name; None for a name defined
    more than once in ways that differ (a prefixed copy, a media query's variant): which one
    applies is not worked out."""
    found: dict[str, Keyframes | None] = {}
    for sheet in sheets:
        for name, rule in sheet_keyframes(sheet):
            found[name] = rule if found.get(name, rule) == rule else None
    return found


@per_sheet
def sheet_keyframes(sheet: str) -> tuple[tuple[str, Keyframes | None], ...]:
    """A `<style>` block's `@keyframes` rules in order, as (name, rule); the rule is None when
    its block cannot be read. Only the keyframes rules are tokenised (a site's blocks are long)."""
    found = []
    for match in _KEYFRAMES_AT.finditer(sheet):
        opening = sheet.find("{", match.end())
        end = _block_end(sheet, opening) if opening >= 0 else None
        if end is None:
            continue
        name = sheet[match.end() : opening].strip(" \t\r\n\f").strip("\"'")
        if name:
            found.append((name, _keyframes(sheet[opening + 1 : end])))
    return tuple(found)


def _block_end(text: str, opening: int) -> int | None:
    """The index of the `}` that closes the block opened at `opening`; None when none does."""
    depth = 0
    for match in _SKIPPED().finditer(text, opening):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                return match.start()
    return None


def _keyframes(block: str) -> Keyframes | None:
    """The keyframes of a `@keyframes` block's content; None when it cannot be read. A keyframe
    reads as a style rule whose selector is its offsets (`from`, `50%`, `to`), so the block is
    read by `css.parse_style_sheet`, which tokenises only the properties that can hide."""
    frames = []
    for rule in parse_style_sheet(block):
        if rule.conditional or rule.layer is not None:
            return None  # an at-rule has no place in a keyframes block
        offsets = _offsets(rule.selectors)
        if offsets is None:
            continue  # an invalid keyframe selector: browsers drop that keyframe
        # `!important` is ignored in a keyframe (CSS Animations 1, 3.3): such a declaration is dropped.
        frames.append((offsets, tuple(d for d in rule.declarations if not d.important)))
    return Keyframes(tuple(frames))


_OFFSET = on_first_use(r"(from|to)|(\d+(?:\.\d+)?|\.\d+)%", re.IGNORECASE)


def _offsets(selectors: str) -> tuple[float, ...] | None:
    """A keyframe selector's offsets (`from` 0, `to` 1, a percentage over 100); None when invalid."""
    offsets = []
    for selector in selectors.split(","):
        match = _OFFSET().fullmatch(selector.strip(" \t\r\n\f"))
        if match is None:
            return None
        value = (0.0 if match.group(1).lower() == "from" else 1.0) if match.group(1) else float(match.group(2)) / 100
        if value > 1:
            return None
        offsets.append(value)
    return tuple(offsets)
