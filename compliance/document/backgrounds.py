"""Pictures a page paints as the background of a box: a logo drawn by the page's CSS
(`.dcnf-logo{display:block;width:300px;height:90px;background:url(dcnf-logo.png)}`), which a
reader sees as the logo an `<img>` shows.

Read: the `background` or `background-image` that wins the cascade on the element, from the
`<style>` blocks a browser applies and its `style` attribute (`visibility.PageStyle.on_demand_of`),
and of it the topmost layer that paints a picture: a `url()`, or each candidate of an
`image-set()` (any one of which a browser may paint). A gradient layered over the picture that is
opaque at every stop covers it. A value with `var()` is filled in as a browser fills it in
(`visibility.variables_filled_from`): from the custom properties the element declares, else those
it inherits from its nearest ancestor that declares them, else the `var()`'s fallback
(`:root{--logo:url(/img/dcnf-logo.png)} .logo{background-image:var(--logo)}`); one naming a
property the page registers with `@property` is not read (no picture is known).

The cascade is read twice, by every rule and by the rules every screen meets: a picture one
reading paints and the other does not (a rule in `@media (min-width: 900px)`) is painted for some
readers only, and the reading says so (an empty address among its `pictures`).

A background paints on the box's padding box (CSS Backgrounds 3, `background-clip`'s initial
value), which must have a size for a reader to see it (`Background.unpainted`):

- an inline box (`display: inline`, a `<span>` or `<a>` the page gives no other display) is
  sized by neither `width` nor `height` (CSS 2.1, 10.3.1, 10.6.1): empty, it paints nothing, and
  with text it paints only behind its words; unless it is floated, positioned `absolute` or
  `fixed`, or a flex or grid item, which makes it a block (CSS Display 3, 2.7);
- `display: contents` gives the element no box at all;
- its height is its `height` (a percentage of an in-flow box is `auto`), at least its
  `min-height`, at most its `max-height`, plus its top and bottom paddings; `auto` is its
  content's (none when it holds nothing), or its `aspect-ratio` of its width;
- its width fills its container for a block-level box in the flow, or a grid item; a
  shrink-to-fit box (an `inline-block`, a table, a float, an absolutely positioned box, a flex
  item) is as wide as its content where its `width` and `min-width` give none: an empty one
  is 0px wide;
- a side under 6px is too small to be seen, as an image's is (`visibility.drawn_too_small`),
  and a `background-size` of 0 paints the picture at no size;
- a box of a size a reader sees paints nothing of a picture its `background-position` puts
  wholly outside it (not repeated on that axis), or its `background-clip` clips away (a
  content box the padding fills; text it has none of): `background_placing`, read where the page
  declares one of those properties or the `background` shorthand paints the picture.

Only the few pages whose CSS names a wanted picture are read further: the addresses in their
`<style>` blocks and `style` attributes are tested first (`declaring_backgrounds`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from typing import Any, NamedTuple

from compliance.document.background_placing import PLACING_PROPERTIES, clipped_away, layer_of, off_box, picture_sizes
from compliance.document.clipping import INLINE_BOX_DISPLAYS, padding_px, size_px
from compliance.document.css import (
    Declaration,
    display_keyword,
    gradient_stops,
    length_px,
    parse_style_attribute,
    parse_style_sheet,
    registered_properties,
    split_commas,
    substitute_variables,
    variables_used,
)
from compliance.document.elements import BLOCK_TAGS
from compliance.firstuse import on_first_use


class Background(NamedTuple):
    """What an element's box paints as its background picture.

    `pictures`: the addresses (as the CSS writes them) of the topmost picture its background
    paints, by either reading of the cascade (every rule; the rules every screen meets); an
    empty address for a reading that paints none. Empty when neither paints one.
    `unpainted`: why no reader sees that picture painted, in words that follow "line N" ("is an
    inline box …"); empty when the box paints it with a size a reader sees.
    """

    pictures: tuple[str, ...] = ()
    unpainted: str = ""


NO_BACKGROUND = Background()

# The properties that set a box's background picture: the shorthand and its longhand, whichever
# wins the cascade (`PageStyle.declarations` reads the shorthand over the longhand it sets).
_PICTURE_PROPERTIES = ("background", "background-image")
# The properties whose `var()`s are filled in before the picture, its size and its placing are read.
_FILLED_PROPERTIES = frozenset({*_PICTURE_PROPERTIES, "background-size", *PLACING_PROPERTIES})
# What the box's size and display are read from.
_BOX_PROPERTIES = (
    *_PICTURE_PROPERTIES,
    "background-size",
    "display",
    "float",
    "position",
    "width",
    "min-width",
    "max-width",
    "height",
    "min-height",
    "max-height",
    "padding",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "aspect-ratio",
    *PLACING_PROPERTIES,
)
# The functions that give a picture's address (`url("…")`, written as a function when quoted) and
# a set of candidates a browser chooses one of.
_IMAGE_SETS = frozenset({"image-set", "-webkit-image-set"})
# The displays of a flex or grid container, whose children are blockified (CSS Display 3, 2.7).
_FLEX_CONTAINERS = frozenset({"flex", "inline-flex", "-webkit-box", "-webkit-inline-box", "-webkit-flex", "-webkit-inline-flex"})
_GRID_CONTAINERS = frozenset({"grid", "inline-grid"})
# Block-level displays whose width, in the flow, fills the container (`auto`).
_FILLING_DISPLAYS = frozenset(
    {"block", "flow-root", "list-item", "flow-root list-item", "flex", "grid", "-webkit-box", "-webkit-flex", "block ruby", "block math"}
)
_FLOATS = frozenset({"left", "right", "inline-start", "inline-end"})
_OUT_OF_FLOW = frozenset({"absolute", "fixed"})
# A side smaller than this (px) is too small to be seen (`visibility._SMALLEST_SEEN_PICTURE_PX`).
_SMALLEST_SEEN_PX = 6.0

# The addresses a `<style>` block or `style` attribute names: in a `url()` (quoted or not), and a
# quoted one in an `image-set()`, which needs no `url()`. The cheap test before any rule is matched:
# each is read where the lower-cased text holds "url(" or "image-set(" (a case-blind pattern
# scanned over a site's half a megabyte of CSS takes tens of milliseconds; `str.find`, well under one).
_URL_AT = on_first_use(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s"']*))""", re.IGNORECASE)
_IMAGE_SET_AT = on_first_use(r"image-set\(([^)]*)", re.IGNORECASE)
_QUOTED = on_first_use(r"""["']([^"']+)["']""")


def names_a_picture(texts: Iterable[str], wanted: Callable[[str], bool]) -> bool:
    """Whether one of the CSS `texts` (`<style>` blocks, `style` attributes) names a picture
    address `wanted` accepts: the cheap test of a page before its rules are matched. Each
    address is tested once."""
    addresses: set[str] = set()
    for text in texts:
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = text  # a letter whose lower case is longer: `find` below misses nothing ASCII
        for needle, pattern in (("url(", _URL_AT()), ("image-set(", _IMAGE_SET_AT())):
            at = lowered.find(needle)
            while at >= 0:
                found = pattern.match(text, at)
                if found is not None and needle == "url(":
                    addresses.add(found[1] or found[2] or found[3] or "")
                elif found is not None:
                    addresses.update(_QUOTED().findall(found[1]))
                at = lowered.find(needle, at + 1)
    return any(wanted(address) for address in addresses)


def declaring_backgrounds(root: Any, style: Any, sheets: Sequence[str], wanted: Callable[[str], bool]) -> tuple[Any, ...]:
    """The elements of the page under `root` on which a `<style>` rule a browser applies or a
    `style` attribute declares a background whose topmost picture has an address `wanted`
    accepts, whether or not it wins the cascade; in document order, each once. `style`: the
    page's `visibility.PageStyle`, `sheets` the blocks it applies (`visibility.applied_sheets`)."""
    inline = root.xpath("//@style")
    if not names_a_picture((*sheets, *inline), wanted):
        return ()
    # (Custom properties are read only on a page whose CSS uses one: `str.find`, cheap.)
    painting = _painting_variables(sheets, inline, wanted) if any("var(" in text.lower() for text in (*sheets, *inline)) else set()

    def test(declaration: Declaration) -> bool:
        if painting and painting & variables_used(declaration.values):
            return True  # a custom property that may paint a wanted picture (filled in by `backgrounds`)
        values = substitute_variables(declaration.values, {}) if variables_used(declaration.values) else declaration.values
        return values is not None and any(wanted(address) for address in top_picture(values)[0])

    found = set(style.declaring_on(root, _PICTURE_PROPERTIES, test))
    return tuple(element for element in root.iter() if element in found)


def _painting_variables(sheets: Sequence[str], inline: Sequence[str], wanted: Callable[[str], bool]) -> set[str]:
    """The custom properties the page's CSS defines (in a `<style>` block, a `style` attribute) as
    a value whose topmost picture has an address `wanted` accepts, and those defined as a `var()`
    naming one of them: a background that names one may paint a wanted picture."""
    definitions = [
        (d.name, d.values)
        for declarations in (
            *(rule.declarations for sheet in sheets for rule in parse_style_sheet(sheet)),
            *(parse_style_attribute(text) for text in inline),
        )
        for d in declarations
        if d.custom
    ]
    painting = {name for name, values in definitions if any(wanted(address) for address in top_picture(values)[0])}
    while painting:
        more = {name for name, values in definitions if name not in painting and painting & variables_used(values)}
        if not more:
            break
        painting |= more
    return painting


def top_picture(values: Sequence[Any]) -> tuple[tuple[str, ...], bool]:
    """The addresses of the topmost layer of a background value (`background` or
    `background-image`: layers separated by commas, the first on top) that paints a picture (a
    `url()`, each candidate of an `image-set()`), and whether a gradient opaque at every stop is
    layered over it; ((), False) when no layer paints one, or the value is not read (`var()`)."""
    covered = False
    for layer in split_commas(values):
        addresses = [address for token in layer for address in _addresses(token)]
        if addresses:
            return tuple(addresses), covered
        if any(token.type == "function" and token.lower_name == "var" for token in layer):
            return (), False
        for token in layer:
            stops = gradient_stops(token)
            if stops and all(stop[3] >= 1 for stop in stops):
                covered = True
    return (), False


def _addresses(token: Any) -> list[str]:
    """The picture addresses one component value gives: a `url()` (a URL token, or the function
    with a quoted address), or the candidates of an `image-set()` (quoted or in `url()`)."""
    if token.type == "url":
        return [str(token.value)]
    if token.type != "function":
        return []
    if token.lower_name in ("url", "src"):
        return [str(argument.value) for argument in token.arguments if argument.type == "string"][:1]
    if token.lower_name in _IMAGE_SETS:
        found = []
        for candidate in split_commas(token.arguments):
            first = candidate[0] if candidate else None
            if first is not None and first.type == "string":
                found.append(str(first.value))
            elif first is not None:
                found.extend(_addresses(first))
        return found
    return []


def backgrounds(elements: Sequence[Any], style: Any, memo: MutableMapping[Any, Background]) -> list[Background]:
    """What each of the `elements` paints as its background picture (`Background`), read once
    per element into `memo`. `style`: the page's `visibility.PageStyle`."""
    asked = [element for element in dict.fromkeys(elements) if element not in memo]
    if asked:
        parents = [parent for parent in (element.getparent() for element in asked) if parent is not None]
        readings = [_filled(asked, style.on_demand_of(asked, _BOX_PROPERTIES, every_screen=every), style, every_screen=every) for every in (False, True)]
        parent_displays = [style.on_demand_of(parents, ("display",), every_screen=every) for every in (False, True)] if parents else [[], []]
        by_parent = [dict(zip(parents, displays, strict=True)) for displays in parent_displays]
        for position, element in enumerate(asked):
            parent = element.getparent()
            read = [
                _painted(element, declared[position], by_parent[every].get(parent, {}) if parent is not None else {}) for every, declared in enumerate(readings)
            ]
            memo[element] = _combined(read)
    return [memo[element] for element in elements]


# How many times the custom properties are read in turn, each for those the last named
# (`--logo: var(--brand)`): as deep as `substitute_variables` follows them.
_VARIABLE_ROUNDS = 16


def _filled(elements: Sequence[Any], readings: list[dict[str, Declaration]], style: Any, *, every_screen: bool) -> list[dict[str, Declaration]]:
    """Each element's declarations (`readings`), for those whose picture, its size or its
    placing is given by a `var()` (`background-position: var(--off) 0`), with them filled in from
    the custom properties in force on the element (its own, else its nearest ancestor's), by the
    same reading of the cascade; a picture that cannot be filled in is dropped (invalid at
    computed-value time: none is painted), another declaration that cannot be is kept as written
    (not read). A custom property the page registers is not read."""
    using = [at for at, declared in enumerate(readings) if any(variables_used(d.values) for name, d in declared.items() if name in _FILLED_PROPERTIES)]
    if not using:
        return readings
    names = {name for at in using for d in readings[at].values() for name in variables_used(d.values)}
    scope = list(dict.fromkeys(element for at in using for element in (elements[at], *elements[at].iterancestors())))
    by_element, read = _custom_properties(scope, names, style, every_screen=every_screen)
    from compliance.document.visibility import applied_sheets, variables_filled_from

    if any(name in read for sheet in applied_sheets(scope[-1]) for name, _ in registered_properties(sheet)):
        return readings
    filled = list(readings)
    for at in using:
        declared = readings[at]
        found = variables_filled_from(elements[at], by_element[elements[at]], declared, by_element)
        kept = {name: d for name, d in declared.items() if name not in _PICTURE_PROPERTIES or name in found}
        filled[at] = {**kept, **found}
    return filled


def _custom_properties(scope: Sequence[Any], names: set[str], style: Any, *, every_screen: bool) -> tuple[dict[Any, dict[str, Declaration]], set[str]]:
    """The custom properties of `names`, and those their values name in turn, that win the
    cascade on each element of `scope`; and every name read."""
    by_element: dict[Any, dict[str, Declaration]] = {element: {} for element in scope}
    asked: set[str] = set()
    wanted = set(names)
    for _ in range(_VARIABLE_ROUNDS):
        new = sorted(wanted - asked)
        if not new:
            break
        asked.update(new)
        for element, found in zip(scope, style.on_demand_of(scope, new, every_screen=every_screen), strict=True):
            by_element[element].update(found)
            wanted.update(name for d in found.values() for name in variables_used(d.values))
    return by_element, asked


def _combined(readings: Sequence[tuple[tuple[str, ...], str]]) -> Background:
    """The two readings of the cascade (every rule; the rules every screen meets) as one
    `Background`: the pictures of both (an empty address for one that paints none), and the
    first reason either gives for not being seen."""
    pictures: dict[str, None] = {}
    for addresses, _ in readings:
        pictures.update(dict.fromkeys(addresses or ("",)))
    if set(pictures) == {""}:
        return NO_BACKGROUND
    unpainted = next((reason for addresses, reason in readings if addresses and reason), "")
    return Background(tuple(pictures), unpainted)


def _painted(element: Any, declared: Mapping[str, Declaration], parent: Mapping[str, Declaration]) -> tuple[tuple[str, ...], str]:
    """The addresses of the topmost picture the element's background paints by one reading of
    the cascade (`declared`, the parent's `display` in `parent`), and why no reader sees it
    painted ("" when one does)."""
    # The longhand where both are left: `PageStyle.declarations` drops it where the shorthand wins.
    picture = declared.get("background-image") or declared.get("background")
    if picture is None:
        return (), ""
    addresses, covered = top_picture(picture.values)
    if not addresses:
        return (), ""
    if covered:
        return addresses, "paints the picture under an opaque gradient layered over it"
    smallest = _smallest_size(declared, picture)
    if smallest is not None and smallest < _SMALLEST_SEEN_PX:
        if smallest == 0:
            return addresses, "paints the picture at a size of 0 (its background-size)"
        return addresses, f"paints the picture {smallest:g}px across (its background-size), too small to be seen"
    reason, fills = _box_unpainted(element, declared, parent)
    if reason or fills is None:
        return addresses, reason
    return addresses, _placed_away(element, declared, picture, fills=fills)


def _placed_away(element: Any, declared: Mapping[str, Declaration], picture: Declaration, *, fills: bool) -> str:
    """Why the box, sized for a reader to see, paints nothing of its picture: its
    `background-clip` leaves no room, or its `background-position` puts the picture wholly
    outside (`background_placing`); read only where the page declares either (or the shorthand
    paints the picture)."""
    if picture.name != "background" and not any(name in declared for name in PLACING_PROPERTIES):
        return ""
    index = _picture_layer(picture.values)
    layer = layer_of(declared, picture, index)
    border_box = "box-sizing" in declared and declared["box-sizing"].keyword == "border-box"
    content = _box_size(element, declared, fills=fills, paddings=False)
    paddings = [_padding_sum(declared, sides) for sides in (("padding-left", "padding-right"), ("padding-top", "padding-bottom"))]
    inner, box = list(content), list(content)
    for axis, (side, padding) in enumerate(zip(content, paddings, strict=True)):
        if border_box:
            inner[axis] = None if side is None or padding is None else max(0.0, side - padding)
        else:
            box[axis] = None if side is None or padding is None else side + padding
    return clipped_away(layer, (inner[0], inner[1]), _has_text(element)) or off_box(layer, picture_sizes(declared, picture, index), (box[0], box[1]))


def _picture_layer(values: Sequence[Any]) -> int:
    """The place of the topmost layer of a background value that paints a picture (0: the top)."""
    for index, layer in enumerate(split_commas(values)):
        if any(_addresses(token) for token in layer):
            return index
    return 0


def _padding_sum(declared: Mapping[str, Declaration], sides: tuple[str, str]) -> float | None:
    """The paddings of two sides in px, None where one is not worked out here."""
    found = [padding_px(declared, side, 16.0) for side in sides]
    return None if None in found else sum(side for side in found if side is not None)


def _has_text(element: Any) -> bool:
    """Whether the element holds any text, its descendants' included."""
    return bool("".join(element.itertext()).strip())


def _smallest_size(declared: Mapping[str, Declaration], picture: Declaration) -> float | None:
    """The smaller side, in px, of the top layer's `background-size` (the longhand, else what
    follows the `/` of the shorthand's position) where a side is given in a length worked out
    here; None when none is (`auto`, `cover`, a percentage)."""
    size = declared.get("background-size")
    tokens: list[Any] = []
    if size is not None:
        layers = split_commas(size.values)
        tokens = layers[0] if layers else []
    elif picture.name == "background":
        layers = split_commas(picture.values)
        layer = layers[0] if layers else []
        slash = next((at for at, token in enumerate(layer) if token.type == "literal" and token.value == "/"), None)
        tokens = [token for token in layer[slash + 1 : slash + 3] if token.type in ("number", "dimension", "percentage")] if slash is not None else []
    sides = [side for token in tokens if token.type in ("number", "dimension", "percentage") and (side := length_px(token)) is not None]
    return min(sides) if sides else None


def _box_unpainted(element: Any, declared: Mapping[str, Declaration], parent: Mapping[str, Declaration]) -> tuple[str, bool | None]:
    """Why the element's box gives its background no size a reader sees (see the module's
    text), in words that follow "line N", "" when it gives one; and whether its width fills its
    container (None where it has no box sized by its width and height)."""
    display = _display_of(element, declared)
    if display == "contents":
        return "has no box of its own (display: contents) to paint its background picture on", None
    if display == "none":
        return "is not displayed (display: none)", None
    floated = "float" in declared and declared["float"].keyword in _FLOATS
    out_of_flow = _out_of_flow(declared)
    container = display_keyword(parent["display"]) if "display" in parent else ""
    flex_item, grid_item = container in _FLEX_CONTAINERS, container in _GRID_CONTAINERS
    if display in INLINE_BOX_DISPLAYS and not (floated or out_of_flow or flex_item or grid_item):
        return (
            "is an inline box (display: inline), which width and height do not size: its background picture shows only behind"
            " its text, if it has any (give it display: block or inline-block)"
        ), None
    fills = (display in _FILLING_DISPLAYS or grid_item) and not (floated or out_of_flow or flex_item)
    return _unseen_size(*_box_size(element, declared, fills=fills)), fills


def _display_of(element: Any, declared: Mapping[str, Declaration]) -> str:
    """The element's `display`: the declared keyword, else its tag's own (a block's, a table's,
    inline for the rest)."""
    display = display_keyword(declared["display"]) if "display" in declared else ""
    if display:
        return display
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    return "block" if tag in BLOCK_TAGS and tag not in ("table", "td", "th", "tr") else "table" if tag == "table" else "inline"


def _box_size(element: Any, declared: Mapping[str, Declaration], *, fills: bool, paddings: bool = True) -> tuple[float | None, float | None]:
    """The box's width and height in px where they are known (`_side`), None where they are
    not; an `aspect-ratio` gives the side that has no size of its own the other's. Without
    `paddings`, its width and height as declared, without its paddings."""
    content = _has_content(element)
    across: tuple[str, ...] = ("padding-left", "padding-right") if paddings else ()
    down: tuple[str, ...] = ("padding-top", "padding-bottom") if paddings else ()
    width = _side(declared, "width", "min-width", "max-width", across, auto=None if fills or content else 0.0)
    height = _side(declared, "height", "min-height", "max-height", down, auto=None if content else 0.0)
    if "aspect-ratio" in declared and declared["aspect-ratio"].keyword != "auto":
        if height == 0.0 and width != 0.0:
            height = None  # its width gives it a height
        elif width == 0.0 and height != 0.0:
            width = None
    return width, height


def _unseen_size(width: float | None, height: float | None) -> str:
    """Why a box of this width and height (px, None: not known, taken as seen) shows no picture
    a reader sees, in words that follow "line N"; "" when it shows one."""
    if height == 0.0:
        return "paints its background picture in a box of no height: no height, min-height, padding or content gives it one"
    if width == 0.0:
        return "paints its background picture in a box of no width: a shrink-to-fit box (an inline-block, a float, a flex item) with no width and nothing in it"
    small = [(side, size) for side, size in (("wide", width), ("high", height)) if size is not None and size < _SMALLEST_SEEN_PX]
    if small:
        side, size = small[0]
        return f"paints its background picture in a box {size:g}px {side}, too small to be seen"
    return ""


def _side(declared: Mapping[str, Declaration], name: str, least: str, most: str, paddings: tuple[str, ...], *, auto: float | None) -> float | None:
    """A box's size on one axis in px, as CSS works it out (the larger of its `least` and the
    smaller of its `name` and its `most`, plus its `paddings`), where it is known: `auto` for a
    `name` of `auto` or none (0.0: an empty shrink-to-fit box; None: a size its container or
    content gives); None for a size not worked out here (a percentage width, `calc()`), which
    is taken to be one a reader sees."""
    size = auto
    declaration = declared.get(name)
    if declaration is not None and declaration.values:
        given = size_px(declared, name)
        if given is not None:
            size = given
        elif declaration.keyword in _AUTO_SIZES or (name == "height" and declaration.values[0].type == "percentage" and not _out_of_flow(declared)):
            size = auto  # a percentage height of a box in the flow is of an `auto` height: `auto`
        else:
            size = None
    upper = size_px(declared, most) if most in declared else None
    if upper is not None:
        size = upper if size is None and upper == 0 else None if size is None else min(size, upper)
    if least in declared:
        lower = size_px(declared, least)
        if lower is None:
            size = None if size == 0 else size  # a least size not worked out (a percentage): maybe more than 0
        elif size is not None:
            size = max(size, lower)
    padding = 0.0
    for side in paddings:
        found = padding_px(declared, side, 16.0)
        if found is None:
            return None  # a percentage (of the container's width) or `calc()`: not worked out here
        padding += found
    return None if size is None else size + padding


# The sizes that leave a box as wide or high as its container or content make it.
_AUTO_SIZES = frozenset({"auto", "initial", "unset", "revert", "revert-layer", "fit-content", "min-content", "max-content", "none"})


def _out_of_flow(declared: Mapping[str, Declaration]) -> bool:
    """Whether the box is positioned out of the flow (`absolute`, `fixed`)."""
    return "position" in declared and declared["position"].keyword in _OUT_OF_FLOW


def _has_content(element: Any) -> bool:
    """Whether the element holds text or another element (either gives an `auto` box a size)."""
    if (element.text or "").strip():
        return True
    return any(isinstance(child.tag, str) or (child.tail or "").strip() for child in element)
