"""What hides an element on some readers' screens only: a rule inside an `@media` block whose
query some screens meet and others do not (`@media (max-width: 600px) { .byline { display: none }
}`). Visibility reads such a rule as hiding nothing (`media_queries`: it can show what another
rule hid, never hide), so a requirement it hides on phones is met; this module names the query,
so that the pass can say which readers miss it. Rules under several queries that together every
screen meets (`@media (max-width: 700px)` and `@media (min-width: 700.02px)`) hide on every
screen: `hidden_on_every_screen` names what they hide, for visibility to hide it.

Read: the `<style>` blocks a browser applies (`visibility.applied_sheets`, a block's `media`
attribute read as an `@media` around it), their `@media` blocks whose query is neither met by
every screen (or most readers': `screen`, `(min-width: 0)`, `not print`, which visibility already
counts as written) nor by none (`print`, `not all`, an invalid query: print is no reader's
screen), and in them the style rules that declare `display: none` or `visibility: hidden` (or
`collapse`). An `@media` nested in another (`@media screen { @media (min-width: 768px) {…} }`),
in an `@layer`, in an `@supports` every browser meets, or in a style rule (CSS Nesting:
`.credit { @media (max-width: 600px) { display: none } }`) is read too, its queries joined with
"and". Such a rule hides an element when its selector matches the element or one of its
ancestors. For the warning, a rule whose declarations hide alone is read too (`_hides_alone`:
`opacity: 0`, `font-size: 0`, `transform: scale(0)`, `clip-path: inset(50%)`…), and one whose
declarations size the box to nothing and cut off its overflow together (`_hides_by_size`:
`height: 0; overflow: hidden`, `max-height: 0`, `width: 0`). Not read: other ways of hiding that
depend on other declarations (a size whose overflow another rule cuts off, positions, colours),
and whether a later rule in the same query shows it again.

The converse, mobile first (`.byline{display:none} @media (min-width: 768px){.byline{display:block}}`),
is read for what a check found only (`hidden_unless_shown`): hidden by a rule every screen applies
and shown again only under some queries, it is hidden on the screens that meet none of them.

For a limit on copies (`screens_shown`), the rules that show again are read too: a copy hidden by
a rule every screen applies and shown in an `@media` block is on the screens that meet its query
only, and one a block hides is on the others, so a responsive pair is never on one screen together.

A page whose source has no `@media` and no `media` attribute costs one search of its text, and
a `<style>` block whose text names no `@media` one search of its own for what some screens hide;
any other block is read once by its text (`css.per_sheet`: a site's pages share the reading),
split into rules by the scanner `css.parse_style_sheet` uses, tokenising only what it must.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from compliance.document.css import per_sheet
from compliance.document.selector_lists import without_brackets
from compliance.text import normalize_inline

if TYPE_CHECKING:
    from compliance.document.css import Declaration

_HIDING = {"display": frozenset({"none"}), "visibility": frozenset({"hidden", "collapse"})}


def may_hide_on_some_screens(utf8: bytes) -> bool:
    """Whether a page's source (`utf8`: in UTF-8, `Document.source_utf8`) can hold a media
    condition at all (an `@media` rule or a `media` attribute): a page without one is not read
    further. (Both names are ASCII, which CSS and HTML match ignoring ASCII case only: the bytes
    in lower case are several times cheaper than the text's.)"""
    lowered = utf8.lower()
    return b"@media" in lowered or (b"media" in lowered and _MEDIA_ATTRIBUTE.search(lowered) is not None)


# A `media` attribute: white space may stand on either side of its '='.
_MEDIA_ATTRIBUTE = re.compile(rb"media\s*=")


def _hiding_rules(sheets: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(query, selector) for each style rule in a some-screens `@media` block that hides what it
    matches, in sheet order; the queries of nested blocks joined with "and" (`_display_rules`'
    hiding rules under a query: a sheet's top level is what visibility reads as written). A sheet
    whose text names no `@media` (nor holds an escape, which may spell one) is not read."""
    with_queries = tuple(sheet for sheet in sheets if "@media" in sheet.lower() or "\\" in sheet)
    return tuple((query, selector) for query, selector, hides in _display_rules(with_queries, every_way=True) if query and hides)


class _DisplayRule(NamedTuple):
    """A style rule of a sheet that hides or shows what it matches: the some-screens queries it
    stands in joined with "and" ("" for one every screen applies), its selector list (as
    tinycss2 serialises it, spaces normalised), whether its block hides (`_hides`), hides
    another way (`_hides_alone`, `_hides_by_size`), and declares a `display` or `visibility`;
    the families (`css.Declaration.family`) of its declarations that hide, and of those it declares
    of the families that can (`_SHOWING_FAMILIES`: what may show again what another rule hid)."""

    query: str
    selector: str
    hides: bool
    hides_otherwise: bool
    declares: bool
    hiding: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()

    def effect(self, every_way: bool) -> bool | None:
        """True when it hides (with `every_way`, the other ways too), False when it declares a
        `display` or `visibility` that shows, None when neither."""
        if self.hides or (every_way and self.hides_otherwise):
            return True
        return False if self.declares else None


def _display_rules(sheets: tuple[str, ...], *, every_way: bool = False) -> tuple[tuple[str, str, bool], ...]:
    """(query, selector, hides) for each style rule that hides what it matches (`display: none`,
    `visibility: hidden`/`collapse`; with `every_way`, any declaration that hides alone too:
    `_hides_alone`) or shows it (another `display`, `visibility: visible`), in sheet order: the
    query "" for a rule every screen applies, else its some-screens queries joined with "and".
    Each sheet is read once (`_sheet_display_rules`, remembered by its text)."""
    found: list[tuple[str, str, bool]] = []
    for sheet in sheets:
        for rule in _sheet_display_rules(sheet):
            effect = rule.effect(every_way)
            if effect is not None:
                found.append((rule.query, rule.selector, effect))
    return tuple(found)


@per_sheet
def _sheet_display_rules(sheet: str) -> tuple[_DisplayRule, ...]:
    """The rules of one sheet that hide or show, in order (`_DisplayRule`). The sheet's rules are
    the scanner's (`css.scanned_style_rules`, the reading `css.parse_style_sheet` is made of: a
    page's blocks are read so before this), with their declarations that can hide; a sheet the
    scanner leaves to tinycss2 (cascade layers, `@supports`, CSS Nesting) is read by tinycss2
    (`_read_display_rules`)."""
    from compliance.document.css import scanned_style_rules, serialised_prelude

    scanned = scanned_style_rules(sheet)
    found: list[_DisplayRule] = []
    if scanned is None:
        import tinycss2

        _read_display_rules(tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True), (), found)
        return tuple(found)
    for rule in scanned:
        hides, hides_otherwise, declares = _block_effects(rule.block, rule.declarations)
        hiding, families = _families(rule.declarations)
        if hides or hides_otherwise or declares or families:
            selector = " ".join(serialised_prelude(rule.prelude).split())
            found.append(_DisplayRule(" and ".join(rule.queries), selector, hides, hides_otherwise, declares, hiding, families))
    return tuple(found)


def _read_display_rules(nodes: Any, queries: tuple[str, ...], found: list[_DisplayRule]) -> None:
    """Add to `found` the rules among tinycss2's `nodes` that hide or show, inside the some-screens `queries`."""
    import tinycss2

    from compliance.document.css import condition_met, nested_rules, parse_style_attribute
    from compliance.document.media_queries import NEVER, counts_as_written, screens_meeting

    for node in nodes:
        if node.type == "qualified-rule":
            block = tinycss2.serialize(node.content)
            declared = parse_style_attribute(block)
            hides, hides_otherwise, declares = _block_effects(block, declared)
            hiding, families = _families(declared)
            if hides or hides_otherwise or declares or families:
                selector = " ".join(tinycss2.serialize(node.prelude).split())
                found.append(_DisplayRule(" and ".join(queries), selector, hides, hides_otherwise, declares, hiding, families))
            _read_display_rules(nested_rules(node), queries, found)
        elif node.type != "at-rule" or node.content is None:
            continue
        elif node.lower_at_keyword == "media":
            query = " ".join(tinycss2.serialize(node.prelude).split())
            met = screens_meeting(query)
            if met != NEVER:
                _read_display_rules(_inner_rules(node), queries if counts_as_written(met) else (*queries, query), found)
        elif node.lower_at_keyword == "layer" or (node.lower_at_keyword == "supports" and condition_met(node)):
            _read_display_rules(_inner_rules(node), queries, found)


def _inner_rules(node: Any) -> list[Any]:
    import tinycss2

    return list(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))


# The families of the declarations that may hide an element, or show again one another rule of
# the same family hid (`display: block` after `display: none`, `opacity: 1` after `opacity: 0`).
_SHOWING_FAMILIES = frozenset({"display", "visibility", "opacity", "font", "content-visibility", "transform", "clip", "size"})


def _families(declared: Sequence[Declaration]) -> tuple[frozenset[str], frozenset[str]]:
    """Of a style rule's `declared` declarations: the families of those that hide (`visibility.
    can_hide`; a size only with its overflow cut off, `_hides_by_size`), and the families of
    `_SHOWING_FAMILIES` it declares."""
    families = frozenset(d.family for d in declared if d.family in _SHOWING_FAMILIES)
    if not families:
        return frozenset(), families
    from compliance.document.visibility import can_hide

    hiding = {d.family for d in declared if d.family in families - {"size"} and d.name != "clip" and can_hide(d)}
    if "size" in families and _hides_by_size(declared):
        hiding.add("size")
    return frozenset(hiding), families


def _block_effects(block: str, declared: Sequence[Declaration]) -> tuple[bool, bool, bool]:
    """Of a style rule's block (its content's text, and its `declared` declarations that can
    hide): whether it hides (`_hides`), hides another way (`_hides_alone` or `_hides_by_size`),
    and declares a `display` or `visibility` at all."""
    hides, declares = _hides(block)
    return hides, _hides_alone(declared) or _hides_by_size(declared), declares


def _hides(block: str) -> tuple[bool, bool]:
    """Whether a style rule's block declares `display: none` or `visibility: hidden`/`collapse`
    (whatever else it declares), and whether it declares a `display` or `visibility` at all,
    valid or not, as tinycss2 reads its declarations. A block whose text names neither (and has
    no escape that may spell one) declares neither; a simple one (`css.declaration_texts`) is split
    at its semicolons; only the others are tokenised."""
    lowered = block.lower()
    if "display" not in lowered and "visibility" not in lowered and "\\" not in block:
        return False, False
    from compliance.document.css import CSS_SPACE, declaration_texts, without_importance

    texts = declaration_texts(block)
    if texts is None:
        return _tokenised_hides(block)

    hides = declares = False
    for text in texts:
        name, colon, value = text.partition(":")
        name = name.strip(CSS_SPACE).lower()
        if colon and name in _HIDING:
            declares = True
            hides = hides or without_importance(value).strip().lower() in _HIDING[name]
    return hides, declares


def _tokenised_hides(block: str) -> tuple[bool, bool]:
    """`_hides` of any block, read by tinycss2."""
    import tinycss2

    hides = declares = False
    for declaration in tinycss2.parse_declaration_list(block, skip_comments=True, skip_whitespace=True):
        if declaration.type != "declaration" or declaration.lower_name not in _HIDING:
            continue
        declares = True
        if tinycss2.serialize(declaration.value).strip().lower() in _HIDING[declaration.lower_name]:
            hides = True
    return hides, declares


# The families of the declarations that hide an element alone, whatever else is declared on it
# (`visibility.can_hide` of these): a fade to nothing (`opacity: 0`, `filter: opacity(0)`), an
# unreadable font size, `content-visibility: hidden`, a scale to nothing or a move far off the
# screen (`transform`, `scale`, `translate`), a clip to nothing (`clip-path: inset(50%)`).
_HIDING_ALONE = frozenset({"opacity", "font", "content-visibility", "transform", "clip"})


def _hides_alone(declared: Sequence[Declaration]) -> bool:
    """Whether a style rule's block (its `declared` declarations) declares something that hides
    alone (`_HIDING_ALONE`); `clip: rect()`, which needs a position, is not read here."""
    from compliance.document.visibility import can_hide

    return any(d.family in _HIDING_ALONE and d.name != "clip" and can_hide(d) for d in declared)


# The sizes that hide a box of 2px or less when its overflow is cut off.
_SIZES = frozenset({"width", "max-width", "height", "max-height"})


def _hides_by_size(declared: Sequence[Declaration]) -> bool:
    """Whether a style rule's block (its `declared` declarations) gives the box a size of 2px or
    less (`height`, `max-height`, `width`, `max-width`: `visibility.can_hide`) and cuts off its
    overflow (`overflow`, or a longhand of it, `hidden` or `clip`) together: `height: 0;
    overflow: hidden`."""
    from compliance.document.clipping import overflow_axes
    from compliance.document.visibility import can_hide

    by_name = {d.name: d for d in declared}
    if not any(name in _SIZES and can_hide(declaration) for name, declaration in by_name.items()):
        return False
    return any(axis in ("hidden", "clip") for axis in overflow_axes(by_name))


def screens_shown(root: Any, elements: list[Any]) -> list[tuple[str, bool] | None]:
    """For each element (a copy a check found seen), the screens that show it, as far as the
    page's `<style>` blocks tell: `(query, True)` only those that meet the query (a rule every
    screen applies hides it, or an ancestor, and one in `@media query` shows it again, and no
    rule every screen applies nor a `style` attribute shows it), `(query, False)` all but those
    (a rule in `@media query` hides it or an ancestor, and none there shows it), None every
    screen, or not known. Conservative: a copy is placed on fewer screens only on that evidence."""
    from compliance.document.visibility import applied_sheets

    rules = [(query, frozenset(_matched(root, selector)), hides) for query, selector, hides in _display_rules(tuple(applied_sheets(root)))]
    return [_screens_of(element, rules) for element in elements]


def _screens_of(element: Any, rules: list[tuple[str, frozenset[Any], bool]]) -> tuple[str, bool] | None:
    """`screens_shown` for one element: the first of it and its ancestors whose rules place it."""
    node = element
    while node is not None:
        mine = [(query, hides) for query, matched, hides in rules if node in matched]
        shown_by = {query for query, hides in mine if not hides}
        hidden_by = {query for query, hides in mine if hides}
        if "" in hidden_by and "" not in shown_by and "display" not in (node.get("style") or "").lower() and len(shown_by) == 1:
            return (next(iter(shown_by)), True)
        hiding = sorted(hidden_by - shown_by - {""})
        if hiding and "" not in hidden_by:
            return (hiding[0], False)
        node = node.getparent()
    return None


def most_shown_together(screens: list[tuple[str, bool] | None]) -> int:
    """The most of the copies placed by `screens_shown` that one screen can show together: those
    shown on every screen, and for each query the larger of the copies shown only where it holds
    and those hidden there (queries are not compared with each other, so copies placed by two
    different queries count as shown together)."""
    everywhere = sum(1 for placed in screens if placed is None)
    by_query: dict[str, list[int]] = {}
    for placed in screens:
        if placed is not None:
            by_query.setdefault(placed[0], [0, 0])[0 if placed[1] else 1] += 1
    return everywhere + sum(max(counts) for counts in by_query.values())


def hidden_elements(root: Any) -> dict[Any, tuple[str, ...]]:
    """Each element some-screens rules match, with the media queries (as written, spaces
    normalised) of all such rules, in the order of the page's sheets: a logo hidden under
    `(max-width: 700px)` and again under `(min-width: 701px) and (max-width: 900px)` is shown
    on neither's screens, whichever comes first. Read once per page, each distinct selector
    matched once over the page (a selector lxml cannot read matches nothing)."""

    from compliance.document.visibility import applied_sheets

    found: dict[Any, dict[str, None]] = {}
    # A selector repeated under several queries (a site's breakpoints) is matched once.
    matches: dict[str, list[Any]] = {}
    for query, selector in _hiding_rules(tuple(applied_sheets(root))):
        if selector not in matches:
            matches[selector] = _matched(root, selector)
        for element in matches[selector]:
            found.setdefault(element, {})[normalize_inline(query)] = None
    return {element: tuple(queries) for element, queries in found.items()}


class ShownElsewhere(str):
    """The query of the screens that a rule every screen applies hides an element on, which rules
    under other queries show again (`hidden_unless_shown`): no rule in it hides the element, so
    the remedy is the rule that hides it everywhere."""

    __slots__ = ()


def hidden_unless_shown(root: Any, elements: Sequence[Any]) -> dict[Any, ShownElsewhere]:
    """For each of `elements` (what a check found) that a rule every screen applies hides, or
    hides an ancestor of (`_families`: `display: none`, `opacity: 0`, `font-size: 0`, `height: 0;
    overflow: hidden`…), where only rules under some-screens queries show it again (a declaration
    of the same family that does not hide, in an `@media` block whose selector matches it: the
    mobile-first `.byline{display:none} @media (min-width: 768px){.byline{display:block}}`): the
    query the screens that meet none of those meet (`media_queries.screens_not_meeting`: `not
    (min-width: 768px)`). Visibility reads such a rule as showing it,
    and the screens outside the query never do. Conservative: an element that a rule every screen
    applies may show again too (another rule of the family that matches it, whatever its order or
    specificity), or whose `style` attribute names a property that hides or shows, is left out,
    as is one whose queries together every screen meets. Only the elements and their ancestors
    are matched, and only by the selectors whose last compound they can match (`_may_match`)."""
    from compliance.document.visibility import applied_sheets

    rules = [rule for sheet in applied_sheets(root) for rule in _sheet_display_rules(sheet)]
    hidden_families = frozenset().union(*(rule.hiding for rule in rules if not rule.query))
    if not hidden_families or not any(rule.query for rule in rules):
        return {}
    chains = {element: [element, *element.iterancestors()] for element in elements}
    nodes = {node for chain in chains.values() for node in chain}
    matching = _matcher(root, nodes)
    hidden = _hidden_everywhere(rules, nodes, matching)
    if not hidden:
        return {}
    placed = _placed_outside(_shown_again_by(rules, hidden, hidden_families, matching))
    found: dict[Any, ShownElsewhere] = {}
    for element, chain in chains.items():
        nearest = next((placed[node] for node in chain if node in placed), None)
        if nearest is not None:
            found[element] = nearest
    return found


def _matcher(root: Any, nodes: Collection[Any]) -> Callable[[str, Collection[Any]], list[Any]]:
    """For `hidden_unless_shown`: a function from a selector and some of `nodes` to those of them
    it matches under `root`; a selector whose last compound none of them may match (`_may_match`)
    is not matched over the page."""
    keys = {node: _keys(node) for node in nodes}

    def matching(selector: str, among: Collection[Any]) -> list[Any]:
        candidates = [node for node in among if _may_match(selector, keys[node])]
        if not candidates:
            return []
        matched = set(_matched(root, selector))
        return [node for node in candidates if node in matched]

    return matching


def _hidden_everywhere(rules: Sequence[_DisplayRule], nodes: Collection[Any], matching: Callable[[str, Collection[Any]], list[Any]]) -> dict[Any, set[str]]:
    """For `hidden_unless_shown`: each of `nodes` that a rule every screen applies hides, with the
    families of those that do (`matching`: `_matcher`)."""
    hidden: dict[Any, set[str]] = {}
    for rule in rules:
        if not rule.query and rule.hiding:
            for node in matching(rule.selector, nodes):
                hidden.setdefault(node, set()).update(rule.hiding)
    return hidden


def _shown_again_by(
    rules: Sequence[_DisplayRule],
    hidden: dict[Any, set[str]],
    hidden_families: frozenset[str],
    matching: Callable[[str, Collection[Any]], list[Any]],
) -> dict[Any, set[str]]:
    """For `hidden_unless_shown`: each of the `hidden` nodes (with the families of the rules every
    screen applies that hide it) that a rule of those `rules` shows again, with the queries of
    the rules that do ("" for a rule every screen applies); none when no rule under a query shows
    one (`matching`: `_matcher`)."""
    shown_by: dict[Any, set[str]] = {}
    # The rules under a query first: only when they show a hidden element again are those every
    # screen applies matched, to leave out what one of them may show too.
    for under_query in (True, False):
        for rule in rules:
            showing = (rule.families - rule.hiding) & hidden_families
            if not showing or bool(rule.query) is not under_query:
                continue
            for node in matching(rule.selector, hidden if under_query else shown_by):
                if showing & hidden[node]:
                    shown_by.setdefault(node, set()).add(rule.query)
        if not shown_by:
            return {}
    return shown_by


def _placed_outside(shown_by: dict[Any, set[str]]) -> dict[Any, ShownElsewhere]:
    """For `hidden_unless_shown`: each node shown again only under some-screens queries (`shown_by`:
    `_shown_again_by`), with the query of the screens that meet none of them; a node a rule every
    screen applies shows too, styled to hide or show, or whose queries every screen meets
    together or no screen is outside of, is left out."""
    from compliance.document.media_queries import NEVER, every_screen_meets_one, screens_meeting, screens_not_meeting

    placed: dict[Any, ShownElsewhere] = {}
    for node, queries in shown_by.items():
        if "" in queries or _styled_to_hide_or_show(node) or every_screen_meets_one(queries):
            continue
        outside = screens_not_meeting(", ".join(sorted(queries)))
        if outside is not None and screens_meeting(outside) != NEVER:
            placed[node] = ShownElsewhere(outside)
    return placed


def _keys(node: Any) -> frozenset[str]:
    """An element's tag, classes and id, lower-cased (`_may_match`)."""
    if not isinstance(node.tag, str):
        return frozenset()
    found = {"tag:" + node.tag.lower()}
    found.update("class:" + name for name in (node.get("class") or "").lower().split())
    if node.get("id"):
        found.add("id:" + node.get("id").lower())
    return frozenset(found)


def _may_match(selector: str, keys: frozenset[str]) -> bool:
    """Whether a selector list may match an element of these `_keys`: one of its selectors'
    last compound names no tag, class or id the element lacks (in any case: quirks mode)."""
    return any(needed <= keys for needed in _subject_keys(selector))


@functools.lru_cache(maxsize=4096)
def _subject_keys(selector: str) -> tuple[frozenset[str], ...]:
    """For each selector of a list, the tag, classes and id its last compound names outside any
    brackets (lower-cased, as `_keys`); none for one it cannot be sure of (a namespace), and none
    at all for a list not plain enough to read so (`selector_lists.without_brackets`: an escape,
    a string, brackets that do not close)."""
    flat = without_brackets(selector)
    if flat is None:
        return (frozenset(),)
    found: list[frozenset[str]] = []
    for one in flat.split(","):
        compound = _COMBINATORS.split(one.strip())[-1]
        if "|" in compound:
            found.append(frozenset())
            continue
        needed = {"class:" + name.lower() for name in _CLASS.findall(compound)} | {"id:" + name.lower() for name in _ID.findall(compound)}
        tag = _TAG.match(compound)
        if tag is not None:
            needed.add("tag:" + tag.group(0).lower())
        found.append(frozenset(needed))
    return tuple(found)


# A CSS name's first character (a letter, "_" or any non-ASCII character) and the rest (those,
# digits and "-"), each written as the ASCII characters it is not: a class of the same characters
# written with the range up to U+10FFFF costs about 3 ms to compile, which a run paid at start-up
# whenever the compiled programs were not in the start-up cache (`compliance.startup`: the first
# run after an install or an upgrade, a CI container), where this costs 0.1 ms.
_NAME_START = r"[^\x00-\x40\x5b-\x5e\x60\x7b-\x7f]"
_NAME_CHARACTER = r"[^\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]"
_CLASS = re.compile(rf"\.(-?{_NAME_START}{_NAME_CHARACTER}*)")
_ID = re.compile(rf"#(-?{_NAME_START}{_NAME_CHARACTER}*)")
_TAG = re.compile(r"[a-zA-Z][-\w]*")
# What parts a selector's compounds outside brackets: white space and the other combinators.
_COMBINATORS = re.compile(r"[\s>+~]+")


def _matched(root: Any, selector: str) -> list[Any]:
    """The elements a selector matches under `root`; none for one lxml cannot read, nor for a chain
    of compounds too long for cssselect's translation (which recurses once per combinator), left
    out as the page's style leaves it out."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        matched = CSSSelector(selector)(root)
    except (SelectorError, ValueError, TypeError, RecursionError):
        return []
    return matched if isinstance(matched, list) else []


def hidden_on_every_screen(root: Any, sheets: tuple[str, ...], may_match: Callable[[str], bool]) -> frozenset[Any]:
    """The elements that rules under several media queries hide together on every screen: the
    queries of the rules that hide it or an ancestor (`display: none`, `visibility: hidden`, or a
    declaration that hides alone: `_hides_alone`, `_hides_by_size`), whatever property each
    declares, that together every screen meets (`media_queries.every_screen_meets_one`: `@media
    (max-width: 700px)` and `@media (min-width: 700.02px)`, portrait and landscape). Read from the
    applied `sheets` (`visibility.applied_sheets`). Conservative: the queries hiding an element that
    a rule anywhere shows again (another `display` or `visibility`), or whose `style` attribute
    names a property that hides, are not counted, nor is an element holding one shown again. A page whose sheets hide nothing
    under a query costs one reading of its rules (shared with `hidden_elements`). A selector list
    `may_match` turns down (the page's index of its classes and ids: `.promo` on a page with no
    `promo` class) matches nothing, and is not matched: a site's stylesheet is mostly about
    widgets a given page lacks, and each match is a search of the whole page."""
    from compliance.document.media_queries import every_screen_meets_one

    rules = _display_rules(sheets, every_way=True)
    if not any(query and hides for query, _, hides in rules):
        return frozenset()
    hiding, showing = _matched_by_effect(root, rules, may_match)
    # What holds an element shown again may show it (`visibility: visible` under `hidden`).
    around_shown = {ancestor for element in showing for ancestor in element.iterancestors()}
    found = []
    # Each set of queries tried once, however many elements it hides.
    covering: dict[frozenset[str], bool] = {}
    for element in hiding:
        if element in around_shown:
            continue
        queries: set[str] = set()
        for node in (element, *element.iterancestors()):
            if node not in showing and not _styled_to_hide_or_show(node):
                queries |= hiding.get(node, set())
        together = frozenset(queries)
        if together not in covering:
            covering[together] = every_screen_meets_one(together)
        if covering[together]:
            found.append(element)
    return frozenset(found)


def _matched_by_effect(root: Any, rules: tuple[tuple[str, str, bool], ...], may_match: Callable[[str], bool]) -> tuple[dict[Any, set[str]], set[Any]]:
    """The elements rules under a query hide, each with those queries, and the elements a rule
    (under a query or not) shows; each distinct selector matched once, however many queries
    repeat it (one lxml cannot read, or one `may_match` turns down, matches nothing)."""

    effects: dict[str, list[tuple[str, bool]]] = {}
    for query, selector, hides in rules:
        if (query or not hides) and may_match(selector):
            effects.setdefault(selector, []).append((query, hides))
    hiding: dict[Any, set[str]] = {}
    showing: set[Any] = set()
    for selector, effect in effects.items():
        queries = {query for query, hides in effect if hides}
        shows = any(not hides for _, hides in effect)
        for element in _matched(root, selector):
            if queries:
                hiding.setdefault(element, set()).update(queries)
            if shows:
                showing.add(element)
    return hiding, showing


# The words of a `style` attribute that may hide or show its element against a sheet's rules.
_STYLED = ("display", "visibility", "opacity", "transform", "scale", "font", "clip", "content-visibility", "height", "width", "overflow")


def _styled_to_hide_or_show(node: Any) -> bool:
    """Whether an element's `style` attribute names a property that hides or shows it, which
    would win over a sheet's rule (`_STYLED`)."""
    style = (node.get("style") or "").lower() if isinstance(node.tag, str) else ""
    return any(word in style for word in _STYLED)


# The readers who prefer the dark scheme, as a media query names them.
DARK_SCHEME_QUERY = "(prefers-color-scheme: dark)"


def hidden_in_dark_scheme(doc: Any) -> dict[Any, tuple[str, ...]]:
    """Each element of an HTML `doc`'s tree whose text or picture most readers see and the readers
    who prefer the dark scheme do not, with `DARK_SCHEME_QUERY`: on a page that supports both
    schemes (`color-scheme: light dark`), a `light-dark()` colour is its second colour for them
    (`colour_scheme.dark_for_some`), which may blend into what is behind it
    (`.byline { color: light-dark(#000, #fff) }` on a white page). The page is read again with
    those colours (`parse_html`'s `scheme`), and its elements are paired by their order in the
    tree. A page whose source names no `light-dark()` costs one search of its text."""
    from compliance.document import colour_scheme
    from compliance.document.html import parse_html
    from compliance.document.visibility import applied_sheets

    root = doc.root
    if doc.kind != "html" or root is None or not colour_scheme.may_read_light_dark(doc.source):
        return {}
    if not colour_scheme.dark_for_some(root, applied_sheets(root), colour_scheme.inline_styles(root)):
        return {}
    dark = parse_html(doc.source, scheme="dark")
    if dark.root is None:
        return {}
    shown = {item.element for item in doc.items if item.element is not None}
    shown_in_dark = {item.element for item in dark.items if item.element is not None}
    elements, dark_elements = list(root.iter()), list(dark.root.iter())
    if len(elements) != len(dark_elements):
        return {}
    return {
        element: (DARK_SCHEME_QUERY,) for element, in_dark in zip(elements, dark_elements, strict=True) if element in shown and in_dark not in shown_in_dark
    }


def hidden_on_some_screens(element: Any, hidden: Mapping[Any, tuple[str, ...]]) -> tuple[str, ...]:
    """The media queries of the screens on which rules hide this element or an ancestor, on some
    screens only (`hidden`: the page's `hidden_elements`), each once, the element's own first:
    `("(max-width: 700px)", "(min-width: 701px) and (max-width: 900px)")`; empty when none does."""
    queries: dict[str, None] = {}
    for node in (element, *element.iterancestors()):
        queries.update(dict.fromkeys(hidden.get(node, ())))
    return tuple(queries)
