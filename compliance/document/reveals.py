"""Entrance effects that a script of the page lifts: an element a theme's CSS fades out or keeps
invisible (`opacity: 0`, `visibility: hidden`, a `transform` that turns it away) until a script
shows it as it scrolls into view (animate-on-scroll). Readers see it, as they see a page-wide
loading screen that scripts lift (`visibility._judged`).

Two shapes tell such an effect, on a page that runs scripts (`PageStyle.runs_scripts`) only:

- a revealed state (`Reveals`): the page's own CSS has a rule that sets the property
  back to a value that hides nothing once a class or attribute is added to the element: the
  hiding rule's own selector with one or more class or attribute conditions the element lacks now
  (`.reveal{opacity:0} .reveal.is-visible{opacity:1}`, AOS's `[data-aos^=fade]{opacity:0}
  [data-aos^=fade].aos-animate{opacity:1}`, `.fade-in.in-view`). The script that adds the
  condition must be on the page: an inline script that adds classes or attributes and names it
  in a string (not in a comment, nor in a script that only removes it), or a script loaded from a
  file (whose text is not read: `ScriptsRun`);
- a library's hide (`library_hide`): the hiding rule is keyed on a well-known library's marker
  that the element carries (`LIBRARIES`: AOS's `data-aos`, WOW.js' `wow` class, Elementor's
  `elementor-invisible`, sal.js' `data-sal`, ScrollReveal's `data-sr`, GSAP's `gs_reveal`), and
  that library's script is on the page (a script file of its name, or an inline call of it).

What is trusted, and what is not: only `opacity`, `filter`, `visibility` and the `transform`
properties (what entrance effects animate; `display: none`, a size of nothing, a colour that
blends in, an element moved off the page are never lifted), and only as a `<style>` rule sets
them (a `style` attribute's hide is the element's own, and stays). The revealed state must win
the cascade once the condition holds: in the hiding rule's cascade layer, as important, not in a
media query or `@supports` condition some readers do not meet, and no later rule of the same
shape hides the element again; and the rule that reveals must hide nothing itself (`.reveal.on
{opacity:1; display:none}` reveals nothing). A revealed state keyed on an ancestor
(`.loaded .reveal`) or on a pseudo-class (`:hover`) is not one: no script adds it to the element.
What a script does is not run: a page that runs a script from a file is trusted to add the
class its CSS reveals with, and a library's script named on the page to run.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from compliance.document.css import Declaration, StyleRule


class Library(NamedTuple):
    """An animate-on-scroll library: its name, the marker it hides by (`.class` or `[attribute]`),
    its script file's name as a regex searched in a `<script src>`'s path (lowered), and the call
    that starts it in an inline script."""

    name: str
    marker: str
    script: re.Pattern[str]
    call: str


# The libraries whose hide their own script lifts (each one's stylesheet hides by its marker, and
# its script shows the element as it scrolls in: AOS adds `aos-animate`, WOW.js sets `visibility:
# visible`, Elementor's frontend removes `elementor-invisible`, sal.js adds `sal-animate`,
# ScrollReveal and GSAP set the element's style).
LIBRARIES: tuple[Library, ...] = (
    Library("AOS", "[data-aos]", re.compile(r"(?:^|/)aos(?:[@./-]|$)"), "AOS.init"),
    Library("WOW.js", ".wow", re.compile(r"(?:^|/)wow(?:[@./-]|$)"), "new WOW"),
    Library("Elementor", ".elementor-invisible", re.compile(r"/elementor(?:-pro)?/"), "elementorFrontend"),
    Library("sal.js", "[data-sal]", re.compile(r"(?:^|/)sal(?:\.js)?(?:[@./-]|$)"), "sal("),
    Library("ScrollReveal", "[data-sr]", re.compile(r"scrollreveal"), "ScrollReveal("),
    Library("GSAP", ".gs_reveal", re.compile(r"(?:^|/)(?:gsap|scrolltrigger)(?:[@./-]|$)"), "gsap."),
)


class ScriptsRun(NamedTuple):
    """What the scripts a page runs are known to be: the `LIBRARIES` among them (by name), the text
    of its inline scripts that add a class or an attribute to an element (`_ADDS`), their comments
    left out, and whether it runs a script from a file (whose text is not read)."""

    libraries: frozenset[str]
    inline: str
    from_files: bool

    def may_add(self, name: str) -> bool:
        """Whether a script of the page may add the class or attribute `name` to an element: one
        from a file may; an inline one that adds classes or attributes and names it in a string
        ("is-visible" in `el.classList.add('is-visible')`, or in a constant it adds by) does. A
        name only in a comment, in a script that adds nothing (`var unused = 'is-visible'`) or
        only removes it is not added."""
        if self.from_files:
            return True
        quoted = rf"""['"`][^'"`\n]*(?<![\w-]){re.escape(name)}(?![\w-])[^'"`\n]*['"`]"""
        return bool(self.inline) and re.search(quoted, self.inline) is not None


# What an inline script that adds a class or an attribute to an element calls: `classList.add`,
# `toggle` or `replace`, jQuery's `addClass`/`toggleClass`/`attr`, `className =`/`+=`,
# `setAttribute`, `toggleAttribute`, a `dataset` property set.
_ADDS = re.compile(
    r"classList\s*\.\s*(?:add|toggle|replace)\s*\(|\.\s*(?:addClass|toggleClass|attr)\s*\(|className\s*\+?=(?!=)"
    r"|(?:setAttribute|toggleAttribute)\s*\(|dataset\s*(?:\.\s*\w+|\[[^\]]+\])\s*=(?!=)"
)
# A script's comments: `/* … */` and `// …` to the line's end (not after a colon: a URL's `//`).
_COMMENTS = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.DOTALL)


def scripts_run(root: Any) -> ScriptsRun:
    """The scripts of the page under `root` that may run (`elements.why_inert`), as `ScriptsRun`."""
    from compliance.document.elements import why_inert

    libraries: set[str] = set()
    inline: list[str] = []
    from_files = False
    for script in root.iter("script"):
        if why_inert(script) is not None:
            continue
        src = script.get("src")
        if src is None:
            text = _COMMENTS.sub(" ", script.text or "")
            if _ADDS.search(text):
                inline.append(text)
            libraries.update(library.name for library in LIBRARIES if library.call in text)
            continue
        from_files = True
        try:
            path = urlsplit(src.strip()).path.lower()
        except ValueError:
            continue
        libraries.update(library.name for library in LIBRARIES if library.script.search(path))
    return ScriptsRun(frozenset(libraries), "\n".join(inline), from_files)


def library_hide(selectors: str, element: Any, scripts: ScriptsRun) -> bool:
    """True when a rule of `selectors` hides by the marker of a library whose script the page runs
    (`scripts`), and `element` carries that marker."""
    return any(library.name in scripts.libraries and _carries(element, library.marker) and _keyed_on(selectors, library.marker) for library in LIBRARIES)


def _carries(element: Any, marker: str) -> bool:
    if marker.startswith("."):
        return marker[1:] in (element.get("class") or "").split()
    return element.get(marker[1:-1]) is not None


def _keyed_on(selectors: str, marker: str) -> bool:
    """True when the selector list names the marker (a class, or an attribute by its name)."""
    if marker.startswith("."):
        return re.search(re.escape(marker) + r"(?![-\w])", selectors) is not None
    return re.search(r"\[\s*" + re.escape(marker[1:-1]) + r"(?![-\w])", selectors, re.IGNORECASE) is not None


class _Shape(NamedTuple):
    """A selector as its revealed states are compared: what is left of its subject (its
    combinators and the compounds before them, as cssselect writes them), and the simple
    selectors of its subject, by what each asks."""

    left: str
    parts: Mapping[str, Any]


def _shape(tree: Any) -> _Shape | None:
    """The `_Shape` of a parsed selector (cssselect's tree); None when it is not read."""
    from cssselect.parser import CombinedSelector, Element

    left, node = "", tree
    if isinstance(tree, CombinedSelector):
        left, node = f"{tree.selector!r} {tree.combinator}", tree.subselector
    parts: dict[str, Any] = {}
    while not isinstance(node, Element):
        inner = getattr(node, "selector", None)
        if inner is None:
            return None
        parts[type(node).__name__ + repr(node).replace(repr(inner), "", 1)] = node
        node = inner
    parts[repr(node)] = node
    return _Shape(left, parts)


def _added(hiding: _Shape, other: _Shape) -> list[Any] | None:
    """The class and attribute conditions `other` adds to `hiding`'s subject, when it is `hiding`
    with those added and nothing else changed; None otherwise."""
    from cssselect.parser import Attrib, Class

    if other.left != hiding.left or not hiding.parts.keys() <= other.parts.keys():
        return None
    added = [node for key, node in other.parts.items() if key not in hiding.parts]
    if not added or not all(isinstance(node, (Class, Attrib)) for node in added):
        return None
    return added


class _Condition(NamedTuple):
    """A class or attribute condition a revealed state adds: the class's name (None for an
    attribute), and for an attribute, the test of an element itself (an XPath)."""

    class_name: str | None
    test: Any

    def lacked_by(self, element: Any) -> bool:
        """True when the element does not meet the condition."""
        if self.class_name is not None:
            return self.class_name not in (element.get("class") or "").split()
        return self.test is not None and not self.test(element)


def _condition(node: Any, scripts: ScriptsRun) -> _Condition | None:
    """A condition (cssselect's `Class` or `Attrib` node) as `_Condition`; None when no script of
    the page may add it (`ScriptsRun.may_add`)."""
    from cssselect import SelectorError
    from cssselect.parser import Class, Element
    from lxml import etree

    from compliance.document.first_sight import FirstSightTranslator

    name = node.class_name if isinstance(node, Class) else node.attrib
    if not scripts.may_add(name):
        return None
    if isinstance(node, Class):
        return _Condition(node.class_name, None)
    probe = copy.copy(node)
    probe.selector = Element()
    try:
        return _Condition(None, etree.XPath("self::" + str(FirstSightTranslator().xpath(probe))))
    except (SelectorError, etree.XPathError):
        return None


class _State(NamedTuple):
    """A rule's declaration of the property in a revealed state: the conditions it adds to the
    hiding selector, its precedence (importance, specificity, order) and whether it leaves the
    element hidden."""

    added: tuple[_Condition, ...]
    precedence: tuple[bool, tuple[int, int, int], int]
    hides: bool


class _Hiding(NamedTuple):
    """A selector of a hiding rule: its specificity, its position in the rule's list, and the
    revealed states of the property that extend it."""

    specificity: tuple[int, int, int]
    position: int
    states: tuple[_State, ...]


class Reveals:
    """The revealed states of a page's CSS (see the module's doc), read once per page as the
    elements it hides ask: `root` is the page's, `rules` are its rules in order, `declaring(names)`
    the places of those that declare a property of `names` (`visibility.PageRules`), `scripts`
    what its scripts are (`scripts_run`)."""

    def __init__(self, root: Any, rules: Sequence[StyleRule], declaring: Callable[[tuple[str, ...]], list[int]], scripts: ScriptsRun) -> None:
        self._root = root
        self._rules = rules
        self._declaring = declaring
        self.scripts = scripts
        # For each property, the place of the rule of each of its declarations (by identity).
        self._places: dict[str, dict[int, int]] = {}
        # For each hiding rule's place and property, its selectors with their revealed states.
        self._hiding: dict[tuple[int, str], tuple[_Hiding, ...]] = {}
        # The elements each selector of a rule of several matches, by the rule's place and the selector's position.
        self._matched: dict[tuple[int, int], frozenset[Any]] = {}

    def lifts(self, declaration: Declaration, element: Any) -> bool:
        """True when the hide `declaration` on `element` is an entrance effect a script of the page
        lifts: a library's (`library_hide`) or one a revealed state of the CSS shows again."""
        places = self._places.get(declaration.name)
        if places is None:
            places = self._places[declaration.name] = {
                id(found): place
                for place in self._declaring((declaration.name,))
                for found in self._rules[place].declarations
                if found.name == declaration.name
            }
        place = places.get(id(declaration))
        # (A hide of a `style` attribute or an animation's end is no rule's.)
        if place is None or not any(found is declaration for found in self._rules[place].declarations) or self._rules[place].scope is not None:
            return False
        if library_hide(self._rules[place].selectors, element, self.scripts):
            return True
        return self._revealed(declaration, place, element)

    def _revealed(self, declaration: Declaration, place: int, element: Any) -> bool:
        key = (place, declaration.name)
        selectors = self._hiding.get(key)
        if selectors is None:
            selectors = self._hiding[key] = self._hiding_selectors(place, declaration.name)
        if len(selectors) > 1:  # the ones that matched the element
            selectors = tuple(selector for selector in selectors if element in self._matching(place, selector.position))
        hiding = max(selectors, key=lambda selector: selector.specificity, default=None)
        if hiding is None:
            return False
        states = [state for state in hiding.states if all(condition.lacked_by(element) for condition in state.added)]
        if not states:
            return False
        winner = max(states, key=lambda state: state.precedence)
        return not winner.hides and winner.precedence > (declaration.important, hiding.specificity, place)

    def _hiding_selectors(self, place: int, name: str) -> tuple[_Hiding, ...]:
        from compliance.document.selector_lists import parsed_selectors

        rule = self._rules[place]
        found = []
        for position, selector in enumerate(parsed_selectors(rule.selectors)):
            shape = _shape(selector.parsed_tree) if selector.pseudo_element is None else None
            if shape is not None:
                states = tuple(state for other in self._declaring((name,)) if other != place and (state := self._state_of(other, name, rule.layer, shape)))
                found.append(_Hiding(selector.specificity(), position, states))
        return tuple(found)

    def _matching(self, place: int, position: int) -> frozenset[Any]:
        """The elements the selector at `position` of the rule at `place` matches (none when it is not read)."""
        key = (place, position)
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = frozenset(_matched_by(self._rules[place].selectors, position, self._root))
        return found

    def _state_of(self, place: int, name: str, layer: str | None, hiding: _Shape) -> _State | None:
        """The revealed state the rule at `place` sets the property `name` in, when one of its
        selectors is the hiding one (`hiding`, of a rule in `layer`) with conditions a script of
        the page may add; None when none is, or the rule is not read as one (see the module's doc)."""
        from compliance.document.css import variables_used
        from compliance.document.visibility import can_hide

        rule = self._rules[place]
        if rule.conditional or rule.scope is not None or rule.layer != layer or "no-js" in rule.selectors.lower():
            return None
        declared = [(declaration.important, position, declaration) for position, declaration in enumerate(rule.declarations) if declaration.name == name]
        revealing = _revealing(rule.selectors, hiding, self.scripts)
        if not declared or revealing is None:
            return None
        important, _, value = max(declared, key=lambda found: found[:2])
        hides = can_hide(value) or bool(variables_used(value.values)) or any(can_hide(other) for other in rule.declarations if other.name != name)
        added, specificity = revealing
        return _State(added, (important, specificity, place), hides)


def _revealing(selectors: str, hiding: _Shape, scripts: ScriptsRun) -> tuple[tuple[_Condition, ...], tuple[int, int, int]] | None:
    """The conditions and the specificity of the most specific selector of the list that is the
    hiding one (`hiding`) with conditions a script of the page may add; None when none is."""
    from compliance.document.selector_lists import parsed_selectors

    best: tuple[tuple[_Condition, ...], tuple[int, int, int]] | None = None
    for selector in parsed_selectors(selectors):
        shape = _shape(selector.parsed_tree) if selector.pseudo_element is None else None
        added = None if shape is None else _added(hiding, shape)
        conditions = [] if added is None else [_condition(node, scripts) for node in added]
        if conditions and all(conditions) and (best is None or selector.specificity() > best[1]):
            best = (tuple(condition for condition in conditions if condition is not None), selector.specificity())
    return best


def _matched_by(selectors: str, position: int, root: Any) -> list[Any]:
    """The elements under `root` the selector at `position` of the list matches (none when it is not read)."""
    from cssselect import SelectorError
    from lxml import etree

    from compliance.document.first_sight import FirstSightTranslator
    from compliance.document.selector_lists import parsed_selectors

    selector = parsed_selectors(selectors)[position]
    try:
        found = etree.XPath(FirstSightTranslator().selector_to_xpath(selector))(root)
    except (SelectorError, etree.XPathError):
        return []
    return found if isinstance(found, list) else []
