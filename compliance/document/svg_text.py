"""The text an inline `<svg>` draws: its `<text>` elements, with their `<tspan>`, `<textPath>` and
`<a>` parts, and the links SVG's `<a href>` (or `xlink:href`) makes of them (SVG 2, 11 "Text").

Text shows only inside a `<text>`; what `<defs>`, `<symbol>`, `<clipPath>`, `<mask>`, `<pattern>`,
`<marker>`, `<title>`, `<desc>` and the like hold is never drawn in place. A part is hidden by
being placed wholly outside the `<svg>`'s box, which clips it (`x="-5000"`), by
`display: none` (on it or an ancestor), `visibility: hidden` or `collapse` (inherited), an
`opacity` of 0, a font size of 0, a `filter` naming an SVG `<filter>` that floods the text or
clears its alpha (`references.flooded`), or by painting nothing a reader can see: no fill
(`fill: none`, a transparent fill, a `fill-opacity` of 0 or `0%`, or a fill colour a reader
cannot tell from the background behind the `<svg>`, as for HTML text) and no stroke that does
(`stroke` none, of no width or opacity, or of such a colour: a white stroke on white; a
`currentColor` paint is the `color` in force, the `<svg>`'s own or the HTML text colour around
it, and is not judged where neither is known). A shape
the `<svg>` draws before a `<text>` may be behind it (`_over_shapes`): its colours are then not
judged, as the background behind them is not known; an opaque `<rect>` drawn after a `<text>`
that fills all the `<svg>`'s box shows paints over it (`_covered`). Each is
read from the page's CSS (`display`, `visibility`, `opacity` and `font-size` as every hiding
property is; the paint properties from the `<style>` rules outside at-rules: `paint_rules`), from
the element's `style` attribute, and from its presentation attribute (`fill="none"`), which any
CSS declaration overrides.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from compliance.document import references
from compliance.document.css import Declaration, colour, parse_style_attribute
from compliance.document.svg_drawing import CONTAINERS, NEVER_DRAWN, PAINTING, is_zero, local_name

# Words in a `<foreignObject>` are HTML, read as the page's: none of its text is SVG text.
_NEVER_DRAWN = NEVER_DRAWN | {"foreignobject"}
_TEXT_PARTS = frozenset({"text", "tspan", "textpath", "a"})
# `color` is what a `currentColor` fill or stroke paints (SVG 2, 13.2; CSS Color 4, 6.4).
_INHERITED = ("visibility", "font-size", "color", "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity")
_READ = ("display", "opacity", "filter", *_INHERITED)
# The properties that size an `<svg>`'s box over its `width` and `height` attributes.
SIZES = ("width", "height", "inline-size", "block-size", "aspect-ratio", "zoom")
# A colour (red, green, blue, alpha), each in 0–1, as `css.colour` gives it.
Colour = tuple[float, float, float, float]
# Whether text painted in a colour cannot be told from what is behind the `<svg>`.
BlendsIn = Callable[[Colour], bool]


@dataclass(frozen=True, slots=True)
class SvgText:
    """Words an `<svg>` draws: the element they are written in (`element`), the `<text>` they are
    part of (`block`), the words, whether they show (`shown`), and the `<a>` they are a link of
    (`link`, with its address `href`; None when they are no link's)."""

    element: Any
    block: Any
    text: str
    shown: bool
    link: Any = None
    href: str | None = None
    # The `<use>` that draws these words where it stands (they are kept in `<defs>` or elsewhere);
    # None for words drawn where they are written.
    used_by: Any = None


@dataclass(frozen=True, slots=True)
class _Paint:
    """What an SVG element inherits that decides whether its text shows."""

    shown: bool = True
    values: tuple[tuple[str, str], ...] = ()
    link: Any = None
    href: str | None = None
    block: Any = None

    def get(self, name: str, default: str) -> str:
        return next((value for key, value in reversed(self.values) if key == name), default)


# The properties that paint SVG text, which the page's hiding rules leave out (see `paint_rules`).
_PAINT = frozenset({"fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity"})
# A rule of the page that sets `_PAINT` properties: its selector's matcher, its rank among such
# rules (specificity, then order), and its declarations (name, value, importance).
PaintRule = tuple[Any, tuple[tuple[int, int, int], int], tuple[tuple[str, str, bool], ...]]
# What the page's rules set on an element: each property's value and whether it is important.
_RulePaint = Mapping[Any, Mapping[str, tuple[str, bool]]]


def holds_text(svg: Any) -> bool:
    """Whether an `<svg>` has a `<text>` element anywhere in it: one that has none (an icon, a
    logo drawn in paths) draws no words, and the page's paint rules need not be read for it.
    A `<use>` that draws a `<text>` (or what holds one) it references draws words too."""
    for element in svg.iter():
        name = local_name(element)
        if name == "text":
            return True
        if name == "use" and (target := _referenced(element)) is not None and any(local_name(inner) == "text" for inner in target.iter()):
            return True
    return False


def paint_colours(svg: Any, sheets: Iterable[str]) -> list[Colour]:
    """The fill and stroke colours set in an `<svg>` (`fill` and `stroke` attributes and `style`
    attributes of it and what it holds) and by the page's paint rules (`paint_rules` of
    `sheets`), whatever they apply to, and, when one of those is `currentColor`, the `color`s
    set in it the same way; a paint that is not one colour is left out."""
    values = [value for _, _, declarations in _paint_rules(tuple(sheets)) for name, value, _ in declarations if name in _COLOURED_PAINTS]
    colours: list[str] = []
    for element in svg.iter():
        if isinstance(element.tag, str):
            _add_written_colours(element, values, colours)
    if colours and any(value.strip().lower() == "currentcolor" for value in values):
        values.extend(colours)
    return [painted for value in values if (painted := _colour_of(value)) is not None]


def _add_written_colours(element: Any, paints: list[str], colours: list[str]) -> None:
    """Add the fill and stroke values an SVG element's attributes and `style` attribute write to
    `paints`, and the `color`s they write to `colours`."""
    paints.extend(value for name in _COLOURED_PAINTS if (value := element.get(name)) is not None)
    colours.extend(value for value in [element.get("color")] if value is not None)
    for declaration in (element.get("style") or "").split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip().lower() in _COLOURED_PAINTS:
            paints.append(value.replace("!important", ""))
        elif colon and name.strip().lower() == "color":
            colours.append(value.replace("!important", ""))


# The paints that draw letters in a colour.
_COLOURED_PAINTS = ("fill", "stroke")
# The `color` values that name no colour of their own: the inherited one stays in force.
_INHERITING_COLOUR = frozenset({"inherit", "currentcolor", "unset"})


def _colour_of(value: str) -> Colour | None:
    """The colour a paint value names; None for `none`, `currentColor`, a `url(#id)` and the like."""
    import tinycss2  # imported when a page draws SVG text, not on every check's start-up

    token = tinycss2.parse_one_component_value(value.strip())
    return colour(token) if token.type != "error" else None


def paint_rules(sheets: Iterable[str]) -> list[PaintRule]:
    """The rules of the page's `<style>` blocks (`sheets`) that set how SVG text is painted
    (`fill`, `fill-opacity`, `stroke`, `stroke-width`, `stroke-opacity`), each selector apart.
    Only rules outside at-rules are read (not one in `@media` or `@layer`). Remembered by the
    sheets' text, as a batch of one site's pages repeats its theme's."""
    return list(_paint_rules(tuple(sheets)))


@functools.lru_cache(maxsize=16)
def _paint_rules(sheets: tuple[str, ...]) -> tuple[PaintRule, ...]:
    import tinycss2
    from cssselect import SelectorError, parse
    from lxml.cssselect import CSSSelector

    found: list[PaintRule] = []
    for sheet in sheets:
        for rule in tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue
            listed = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            declarations = tuple(
                (d.lower_name, tinycss2.serialize(d.value).strip().lower(), d.important) for d in listed if d.type == "declaration" and d.lower_name in _PAINT
            )
            if not declarations:
                continue
            for selector in tinycss2.serialize(rule.prelude).split(","):
                try:
                    specificity = parse(selector.strip())[0].specificity()
                    matcher = CSSSelector(selector.strip(), translator="html")
                except (SelectorError, ValueError, IndexError):
                    continue
                found.append((matcher, (tuple(specificity), len(found)), declarations))  # type: ignore[arg-type]
    return tuple(found)


def _rule_paint(svg: Any, rules: list[PaintRule]) -> dict[Any, dict[str, tuple[str, bool]]]:
    """What the page's paint rules set on each element of the `<svg>`, as the cascade orders them."""
    ranked = sorted(
        (
            ((important, rank), element, name, value)
            for matcher, rank, declarations in rules
            for element in matcher(svg)
            for name, value, important in declarations
        ),
        key=lambda entry: entry[0],
    )
    found: dict[Any, dict[str, tuple[str, bool]]] = {}
    for (important, _), element, name, value in ranked:
        found.setdefault(element, {})[name] = (value, important)
    return found


def svg_texts(
    svg: Any,
    declared: Callable[[Any], Mapping[str, Declaration]],
    rules: list[PaintRule] = [],  # noqa: B006 (never changed)
    blends_in: BlendsIn | None = None,
    colour_in_force: Colour | None = None,
    sized_by_css: bool = False,
) -> list[SvgText]:
    """The words the `<svg>` draws, in document order (`declared`: the page's declarations that
    win on an element, as `visibility.PageStyle.declarations` gives them; `rules`: the page's
    rules that paint text, `paint_rules`; `blends_in`: whether a fill colour cannot be told from
    what is behind the `<svg>`, None when that is not known; `colour_in_force`: the text colour
    the `<svg>` inherits, which a `currentColor` paint is where the `<svg>` sets no `color`; None
    when the page sets none, and such a paint is not judged; `sized_by_css`: the page's CSS sets
    the `<svg>`'s size, `SIZES`). A `<text>` placed wholly outside the part of its user space the
    `<svg>`'s box shows (`x="-5000"`) is hidden with its parts (see `_off_canvas`)."""
    by_rules = _rule_paint(svg, rules) if rules else {}

    def own(element: Any) -> dict[str, str]:
        return _own_values(element, declared(element), by_rules.get(element, {}))

    outside = _Paint() if colour_in_force is None else _Paint(values=(("color", _rgba(colour_in_force)),))
    texts = list(_read(svg, _painted(svg, outside, own(svg)), own, blends_in, _over_shapes(svg) if blends_in is not None else frozenset()))
    off = {
        (piece.block, piece.used_by)
        for piece in texts
        if _off_canvas(svg, piece.block, "".join(p.text for p in texts if p.block is piece.block), sized_by_css, piece.used_by)
    }
    # Words a `<use>` draws are drawn where it stands, in the order of the `<svg>`'s elements.
    places = {piece.used_by if piece.used_by is not None else piece.block: (piece.block, piece.used_by) for piece in texts}
    off |= {places[place] for place in _covered(svg, set(places), own, sized_by_css)}
    return [replace(piece, shown=False) if (piece.block, piece.used_by) in off else piece for piece in texts]


def _covered(svg: Any, blocks: set[Any], own: Callable[[Any], dict[str, str]], sized_by_css: bool) -> set[Any]:
    """The `<text>` elements of `blocks` that a `<rect>` drawn after them paints over: SVG paints
    in document order, so an opaque rectangle that fills the whole of what the `<svg>`'s box shows
    (`_shown_area`: from its top left, `100%` or at least as wide and high) hides every text drawn
    before it (`<text>By NAME</text><rect width="400" height="30" fill="white"/>`). Only a
    rectangle drawn in place, not moved by a `transform`, not hidden, whose fill (its attribute,
    `style` or the page's CSS: black where none is set) is an opaque colour at full opacity."""
    if not blocks:
        return set()
    covered: set[Any] = set()
    before: list[Any] = []
    for element in svg.iter():
        if element in blocks:
            before.append(element)
        elif before and local_name(element) == "rect" and _covers_the_box(svg, element, own, sized_by_css):
            covered.update(before)
    return covered


def _covers_the_box(svg: Any, rect: Any, own: Callable[[Any], dict[str, str]], sized_by_css: bool) -> bool:
    """Whether a `<rect>` paints opaquely over all of what the `<svg>`'s box shows (see `_covered`)."""
    return _drawn_as_it_is(svg, rect, own) and _fills_opaquely(own(rect)) and _spans_the_box(svg, rect, sized_by_css)


def _drawn_as_it_is(svg: Any, rect: Any, own: Callable[[Any], dict[str, str]]) -> bool:
    """Whether the element and the groups around it in the `<svg>` draw it in place, unmoved,
    shown and at full opacity, with no fill from a group (which is not read here)."""
    path = [rect, *(above for above in rect.iterancestors() if above is not svg and svg in above.iterancestors())]
    for element in path:
        if local_name(element) in _NEVER_DRAWN or element.get("transform") is not None:
            return False
        values = own(element)
        if values.get("display", "").strip().lower() == "none" or values.get("visibility", "").strip().lower() in ("hidden", "collapse"):
            return False
        if (_opacity(values.get("opacity")) or 1.0) < 1.0 or (element is not rect and "fill" in values):
            return False
    return True


def _fills_opaquely(values: Mapping[str, str]) -> bool:
    """Whether the fill of these values (black where none is set) is a colour at full opacity."""
    fill = (values.get("fill") or "black").strip().lower()
    painted = _colour_of(fill) if fill not in ("none", "currentcolor", "inherit") else None
    opacity = _opacity(values.get("fill-opacity"))
    return painted is not None and painted[3] >= 1.0 and (opacity is None or opacity >= 1.0)


def _spans_the_box(svg: Any, rect: Any, sized_by_css: bool) -> bool:
    """Whether the `<rect>`'s geometry covers all of what the `<svg>`'s box shows (`_shown_area`)."""
    area = _shown_area(svg, sized_by_css)
    if area is None:
        return False
    left, top, right, bottom = area
    x, y = _number(rect.get("x")) or 0.0, _number(rect.get("y")) or 0.0
    return x <= left and y <= top and _reaches(x, rect.get("width") or "", right) and _reaches(y, rect.get("height") or "", bottom)


def _reaches(start: float, size: str, end: float) -> bool:
    """Whether a side of `size` (an attribute: user units, or `100%` from the near side) from
    `start` reaches `end`."""
    if size.strip().endswith("%"):
        return start <= 0 and (_number(size.strip().removesuffix("%")) or 0.0) >= 100
    length = _number(size)
    return length is not None and end != _UNBOUNDED and start + length >= end


# How far below its baseline and above it a line of text can paint, in ems (descenders, ascenders):
# an em above it in any script (stacked marks); ASCII letters, digits and signs ink less, 0.85em
# (ascenders, capitals and brackets rise 0.7 to 0.8em in the fonts browsers draw with).
_DESCENT_EM = 0.5
_ASCENT_EM = 1.0
_ASCII_ASCENT_EM = 0.85


def _off_canvas(svg: Any, text: Any, words: str, sized_by_css: bool = False, used_by: Any = None) -> bool:
    """Whether a `<text>` is drawn wholly outside its `<svg>`'s box, which clips it: by its first
    `x` and `y` (user units) against the part of the user space the box shows (`_shown_area`),
    its width at most an em a character (of its `font-size` attribute, else 16px). Not judged
    under a `transform`, which moves the canvas, nor under a `viewBox` where the `<svg>`'s CSS
    sets its size (`sized_by_css`) or its `width` or `height` attribute is not in pixels. Drawn
    by a `<use>` (`used_by`), it is moved by the `<use>`'s `x` and `y`, and the groups around the
    `<use>` are those whose transforms count."""
    drawn_at = text if used_by is None else used_by
    if any(element.get("transform") is not None for element in [text, *drawn_at.iterancestors()] if element is not svg and svg in element.iterancestors()):
        return False
    if used_by is not None and used_by.get("transform") is not None:
        return False
    area = _shown_area(svg, sized_by_css)
    if area is None:
        return False
    left, top, right, bottom = area
    font = _number(text.get("font-size")) or 16.0
    ascent = _ASCII_ASCENT_EM if words.isascii() else _ASCENT_EM
    x, y = _number(text.get("x")) or 0.0, _number(text.get("y")) or 0.0
    if used_by is not None:
        x, y = x + (_number(used_by.get("x")) or 0.0), y + (_number(used_by.get("y")) or 0.0)
    if x + len(words.strip()) * font <= left or y + _DESCENT_EM * font <= top:
        return True
    return x >= right or y - ascent * font >= bottom


_UNBOUNDED = float("inf")


def _shown_area(svg: Any, sized_by_css: bool) -> tuple[float, float, float, float] | None:
    """The part of the `<svg>`'s user space its box shows, or a larger one (left, top, right,
    bottom, in user units; None when not known). Without a `viewBox` a user unit is a pixel and
    the box's `width` and `height` attributes bound it (a side not given is unbounded). A
    `viewBox` maps its rectangle into the box by one scale for both axes, the smaller of the two
    ratios for `meet` (the default), the larger for `slice`, each ratio for `none` (SVG 2, 8.2):
    the smaller ratio shows the most, and however `preserveAspectRatio` aligns the rectangle,
    what shows lies between the rectangle's far side less the shown size and its near side plus
    it (`viewBox="0 0 1 1"` in a 300×20 box shows 1 unit down, text at `y="15"` is below it)."""
    view_box = _view_box(svg)
    width, height = _number(svg.get("width")), _number(svg.get("height"))
    if view_box is None:
        return (0.0, 0.0, _UNBOUNDED if width is None else width, _UNBOUNDED if height is None else height)
    numbers = [_number(part) for part in view_box.replace(",", " ").split()]
    if sized_by_css or len(numbers) != 4 or None in numbers or not (_in_pixels(svg.get("width")) and _in_pixels(svg.get("height"))):
        return None
    min_x, min_y, box_width, box_height = (number or 0.0 for number in numbers)
    if width is None or height is None or box_width <= 0 or box_height <= 0 or width <= 0 or height <= 0:
        return None
    scale = min(width / box_width, height / box_height)
    shown_width, shown_height = width / scale, height / scale
    return (min_x + box_width - shown_width, min_y + box_height - shown_height, min_x + shown_width, min_y + shown_height)


def has_view_box(svg: Any) -> bool:
    """Whether the `<svg>` has a `viewBox` attribute (the HTML parser lowers its name)."""
    return _view_box(svg) is not None


def _view_box(svg: Any) -> str | None:
    value = svg.get("viewbox") if svg.get("viewbox") is not None else svg.get("viewBox")
    return None if value is None else str(value)


def _in_pixels(value: str | None) -> bool:
    """True for an attribute that is one length in pixels (`300`, `300px`), not a percentage or another unit."""
    return value is not None and _number(value) is not None and value.strip().lower().removesuffix("px").replace(".", "", 1).lstrip("+").isdigit()


def _number(value: str | None) -> float | None:
    """The first number of an attribute (`x="-5000"`, `x="10 20"`, `width="300px"`); None when it
    has none."""
    if not value:
        return None
    first = value.replace(",", " ").split()[0].removesuffix("px") if value.split() else ""
    try:
        return float(first)
    except ValueError:
        return None


def _over_shapes(svg: Any) -> frozenset[Any]:
    """The `<text>` elements of the `<svg>` that some element that paints (`svg_drawing.PAINTING`)
    is drawn before, in document order (SVG paints in that order), and may be behind: what colour is behind them is
    not known, and their paint is not judged against the `<svg>`'s background (a background the
    `<svg>` itself or an ancestor sets is read with its box: `visibility.blends_into`)."""
    shape_seen = False
    found = []
    for element in svg.iter():
        tag = local_name(element)
        if tag == "text" and shape_seen:
            found.append(element)
        elif not shape_seen and tag in PAINTING:
            # Not a shape in what is never drawn in place (`foreignObject` draws its HTML where it stands).
            shape_seen = not any(local_name(above) in NEVER_DRAWN for above in element.iterancestors() if above is not svg and svg in above.iterancestors())
    return frozenset(found)


def _read(
    element: Any,
    paint: _Paint,
    own_values: Callable[[Any], dict[str, str]],
    blends_in: BlendsIn | None,
    over_shapes: frozenset[Any] = frozenset(),
    children: Iterable[Any] | None = None,
    used_by: Any = None,
) -> Iterator[SvgText]:
    """The words `element`'s `children` (all it holds, unless given) draw, inside what it passes
    on (`paint`); `used_by`: the `<use>` that draws them where it stands (`_read_use`)."""
    return _read_each(element, element if children is None else children, paint, own_values, blends_in, over_shapes, used_by)


def _read_use(
    use: Any, paint: _Paint, own_values: Callable[[Any], dict[str, str]], blends_in: BlendsIn | None, over_shapes: frozenset[Any], nested: bool
) -> Iterator[SvgText]:
    """The words a `<use>` draws: the element it references, drawn where the `<use>` stands (SVG
    2, 5.6: a copy of it, which inherits from the `<use>`), a `<text>` kept in `<defs>` among
    them, or what a `<symbol>` holds. Not read inside a `<text>` (where a `<use>` draws nothing),
    nor in what another `<use>` draws (`nested`), nor for a reference to the `<use>` or around it."""
    target = None if nested or paint.block is not None else _referenced(use)
    if target is None or target is use or use in target.iterancestors():
        return
    used = _painted(use, paint, own_values(use))
    drawn = tuple(target) if local_name(target) == "symbol" else (target,)
    yield from _read(use, used, own_values, None if use in over_shapes else blends_in, over_shapes, drawn, use)


def _read_each(
    element: Any,
    children: Iterable[Any],
    paint: _Paint,
    own_values: Callable[[Any], dict[str, str]],
    blends_in: BlendsIn | None,
    over_shapes: frozenset[Any],
    used_by: Any,
) -> Iterator[SvgText]:
    for child in children:
        tag = local_name(child)
        if not tag or tag in _NEVER_DRAWN:
            continue
        in_text = paint.block is not None
        if tag == "use":
            yield from _read_use(child, paint, own_values, blends_in, over_shapes, used_by is not None)
            continue
        if not (tag in _TEXT_PARTS if in_text else tag in CONTAINERS or tag == "text"):
            continue
        own = _painted(child, paint, own_values(child))
        if tag == "text" and not in_text:
            own = replace(own, block=child)
        if tag == "a" and (href := child.get("href") or child.get("xlink:href") or child.get("{http://www.w3.org/1999/xlink}href")) is not None:
            own = replace(own, link=child, href=href)
        judged = None if child in over_shapes else blends_in
        if own.block is not None and child.text:
            yield SvgText(child, own.block, child.text, _shows(own, judged), own.link, own.href, used_by)
        yield from _read(child, own, own_values, judged, over_shapes, used_by=used_by)
        if in_text and child.tail:
            yield SvgText(element, paint.block, child.tail, _shows(paint, blends_in), paint.link, paint.href, used_by)


def _referenced(use: Any) -> Any:
    """The element of the page a `<use>` references by its `href` (or `xlink:href`), `#id`; None
    for none, or an address of another document (not read)."""
    href = use.get("href") or use.get("xlink:href") or use.get("{http://www.w3.org/1999/xlink}href") or ""
    if not href.startswith("#") or len(href) < 2:
        return None
    found = use.getroottree().xpath("//*[@id=$ident][1]", ident=href[1:])
    return found[0] if found else None


def _painted(element: Any, inherited: _Paint, own: dict[str, str]) -> _Paint:
    """What the element passes on (`own`: the values it sets itself, `_own_values`): hidden for
    good by `display: none`, an `opacity` of 0 or a filter that paints nothing of it, and the
    inherited properties it sets."""
    shown = inherited.shown and own.get("display") != "none" and not is_zero(own.get("opacity")) and not _filtered_away(element, own.get("filter"))
    values = inherited.values + tuple((name, own[name]) for name in _INHERITED if name in own and not (name == "color" and own[name] in _INHERITING_COLOUR))
    return _Paint(shown, values, inherited.link, inherited.href, inherited.block)


def _own_values(element: Any, declared: Mapping[str, Declaration], by_rules: Mapping[str, tuple[str, bool]]) -> dict[str, str]:
    """The values the element sets itself: its presentation attributes, overridden by the page's
    paint rules (`by_rules`), by its `style` attribute, by those rules' important declarations,
    and by the page's CSS where it reads them (`declared`)."""
    import tinycss2

    values = {name: value.strip().lower() for name in _READ if (value := element.get(name)) is not None}
    values.update((name, value) for name, (value, important) in by_rules.items() if not important)
    for declaration in (element.get("style") or "").split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip().lower() in _READ:
            values[name.strip().lower()] = value.replace("!important", "").strip().lower()
    values.update((name, value) for name, (value, important) in by_rules.items() if important)
    for name in _READ:
        if name in declared and declared[name].values:
            values[name] = tinycss2.serialize(declared[name].values).strip().lower()
    return values


def _filtered_away(element: Any, value: str | None) -> bool:
    """True for a `filter` (attribute or CSS) one of whose references names an SVG `<filter>`
    that floods the element or clears its alpha, as a CSS `filter` on an HTML element is read
    (`references.flooded`)."""
    if not value or "url(" not in value:
        return False
    return references.flooded({d.name: d for d in parse_style_attribute(f"filter:{value}")}, element)


def _shows(paint: _Paint, blends_in: BlendsIn | None = None) -> bool:
    """Whether text with this paint shows: seen, of a font size, painted by a fill or a stroke
    whose colour a reader can tell from the background (`blends_in`): a white stroke round
    letters of no fill, on white, draws nothing a reader sees, as white letters do."""
    if not paint.shown or paint.get("visibility", "visible") in ("hidden", "collapse"):
        return False
    if is_zero(paint.get("font-size", "16px")):
        return False
    return _paints(paint, "fill", blends_in) or _paints(paint, "stroke", blends_in)


def _paints(paint: _Paint, which: str, blends_in: BlendsIn | None) -> bool:
    """Whether the `fill` or the `stroke` (`which`) paints the letters in a colour a reader can
    tell from the background (`blends_in`; none given: any paint counts)."""
    value = paint.get(which, "black" if which == "fill" else "none")
    if value in ("none", "transparent") or is_zero(paint.get(f"{which}-opacity", "1")):
        return False
    if which == "stroke" and is_zero(paint.get("stroke-width", "1")):
        return False
    if blends_in is None:
        return True
    painted = _paint_colour(paint, which)
    return painted is None or not blends_in(painted)


def _paint_colour(paint: _Paint, which: str) -> Colour | None:
    """The colour the `fill` or `stroke` (`which`) paints, its opacity applied (`0.5` or `50%`):
    for `currentColor`, the `color` in force (`_Paint.values`); None for a paint that is not one
    colour (a gradient's `url(#id)`, `currentColor` where no `color` is known), which is not
    judged."""
    value = paint.get(which, "black")
    if value == "currentcolor":
        value = paint.get("color", value)
    painted = _colour_of(value)
    opacity = _opacity(paint.get(f"{which}-opacity", "1"))
    if painted is None or opacity is None:
        return painted
    return (*painted[:3], painted[3] * min(max(opacity, 0.0), 1.0))


def _rgba(colour: Colour) -> str:
    """A colour (`Colour`) written as CSS (`rgba(255, 255, 255, 1)`)."""
    red, green, blue = (round(channel * 255) for channel in colour[:3])
    return f"rgba({red}, {green}, {blue}, {colour[3]})"


def _opacity(value: str | None) -> float | None:
    """An opacity as a number or a percentage (`50%` is 0.5); None when it is neither."""
    if value and value.strip().endswith("%"):
        share = _number(value.strip()[:-1])
        return None if share is None else share / 100
    return _number(value)
