"""Pseudo-classes as they match on a page as a reader first sees it, translated to XPath.

cssselect translates the structural pseudo-classes and a few others (`:first-child`, `:empty`,
`:checked`, `:disabled`…); Chromium knows many more (`selector_lists.KNOWN_PSEUDO_CLASSES`), and
a selector cssselect cannot translate is not applied, though `article:not(:focus-within)
.byline {display: none}` hides the byline in Chromium. `FirstSightTranslator` translates each of
them to what it matches when the page has just loaded, scripts on: nothing is hovered, pressed,
filled in, dragged, in full screen or shown as a popover; nothing is focused but the first
focusable element the markup gives `autofocus` (Chromium focuses it on load, and it matches
`:focus-visible` too); what is open, checked, required, read-only or out of range is what the
markup says. The states only a user or a script brings (`:user-invalid`, `:modal`, `:target`,
`:state()`) match nothing, so `:not()` of them matches everything, as cssselect's own `:hover`
does.

`:defined` is read as scripts not run: a custom element (a name with a hyphen, or a built-in
element given an `is` attribute) is not defined. A page's own scripts may define it for the reader
(then `:not(:defined)` rules are a loading state they lift), but the checker does not run them,
and Chromium leaves undefined what no script defines.

Not translated exactly (checked against Chromium 156 by `tests/test_browser.py`, which compares
what each example matches there and here): constraint validation (`:valid`, `:invalid`) knows a
missing required value, a number, date, month or week out of its range, a number off its step,
and leaves the other errors (a malformed e-mail address, a pattern) valid; `:in-range` and
`:out-of-range` do not compare times; `:dir(auto)` reads the first strongly directional letter of
the element's text, through an XPath function each compiled expression is given
(`compiled_xpath`): an XPath written by these translators is compiled by it.

`:nth-child(An+B of S)` is given to cssselect as `:is(S):nth-child(An+B of "S")`
(`selector_lists.cssselect_form`): `:is(S)` gives the specificity Chromium gives `S`, and the
translator counts the siblings that match `S`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from cssselect import ExpressionError, SelectorError, parse
from cssselect.parser import Function
from cssselect.xpath import XPathExpr
from lxml import etree
from lxml.cssselect import LxmlHTMLTranslator

from compliance.document.selector_lists import cssselect_form

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _lowered(expression: str) -> str:
    """An XPath expression's string, ASCII letters in lower case (HTML's enumerated attributes
    are ASCII case-insensitive)."""
    return f"translate({expression}, '{_UPPER}', '{_LOWER}')"


def _any_of(expression: str, values: frozenset[str] | tuple[str, ...]) -> str:
    """True when the expression is one of the values."""
    return "(" + " or ".join(f"{expression} = '{value}'" for value in sorted(values)) + ")"


# An `<input>`'s `type`: a missing or unknown one is `text`.
INPUT_TYPES = frozenset(
    {
        "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week", "time",
        "datetime-local", "number", "range", "color", "checkbox", "radio", "file", "submit", "image", "reset", "button",
    }
)  # fmt: skip


def _input_of_type(types: frozenset[str]) -> str:
    """An element that is an `<input>` of one of these types."""
    kind = _lowered("@type")
    if "text" in types:
        return f"(self::input and not({_any_of(kind, INPUT_TYPES - types)}))"
    return f"(self::input and {_any_of(kind, types)})"


# The inputs `required` and `readonly` apply to (HTML's "applies" tables).
_REQUIRED_APPLIES = frozenset(
    {"text", "search", "url", "tel", "email", "password", "date", "month", "week", "time", "datetime-local", "number", "checkbox", "radio", "file"}
)
_READONLY_APPLIES = frozenset({"text", "search", "url", "tel", "email", "password", "date", "month", "week", "time", "datetime-local", "number"})
# The inputs whose value a range can limit; `range` has one by default (0 to 100).
_RANGED = frozenset({"date", "month", "week", "time", "datetime-local", "number", "range"})
# An element a fieldset's `disabled` or its own disables (cssselect's `:disabled`, whose fieldset
# test is kept as it is).
_CONTROL = "(self::input or self::button or self::select or self::textarea)"
_DISABLED = f"(@disabled or ({_CONTROL} and {LxmlHTMLTranslator._disabled_by_fieldset}))"
_SUBMIT_BUTTON = f"((self::button and not({_any_of(_lowered('@type'), ('button', 'reset'))})) or {_input_of_type(frozenset({'submit', 'image'}))})"
_CHECKABLE = _input_of_type(frozenset({"checkbox", "radio"}))
_RADIO = _input_of_type(frozenset({"radio"}))
_REQUIRED = f"(@required and ({_input_of_type(_REQUIRED_APPLIES)} or self::select or self::textarea))"
_READONLY = f"(@readonly and ({_input_of_type(_READONLY_APPLIES)} or self::textarea))"
# A radio button some button of its group (same name, same form or none) checks.
_RADIO_GROUP_CHECKED = (
    "(@name != '' and ((ancestor::form and ancestor::form[1]//input[@checked][" + _RADIO + "]/@name = @name)"
    " or (not(ancestor::form) and //input[@checked][" + _RADIO + "][not(ancestor::form)]/@name = @name)))"
)
_INDETERMINATE = f"(({_RADIO} and not(@checked) and not({_RADIO_GROUP_CHECKED})) or (self::progress and not(@value)))"
# What constraint validation applies to: a submit button and the controls a user fills in, neither
# disabled nor read-only nor in a `<datalist>`.
_VALIDATED = (
    f"(({_SUBMIT_BUTTON} or self::select or self::textarea or {_input_of_type(INPUT_TYPES - {'hidden', 'reset', 'button'})})"
    f" and not({_DISABLED}) and not({_READONLY}) and not(ancestor::datalist))"
)
# A value outside its range: a number, or a date, month or week, whose digits in order compare as
# numbers (times are not compared).
_NUMBER = _input_of_type(frozenset({"number"}))
_DAYS = _input_of_type(frozenset({"date", "month", "week"}))


def _digits(attribute: str) -> str:
    return f"number(translate({attribute}, '-:TW', ''))"


_OUT_OF_RANGE = (
    f"(({_NUMBER} and (number(@value) < number(@min) or number(@value) > number(@max)))"
    f" or ({_DAYS} and ({_digits('@value')} < {_digits('@min')} or {_digits('@value')} > {_digits('@max')})))"
)
# A value a range limits: Chromium finds an input in range when it has none, or a range (`min`,
# `max`, or a range slider's own) holds it.
_HAS_VALUE = f"(({_NUMBER} and number(@value) = number(@value)) or (not({_NUMBER}) and {_digits('@value')} = {_digits('@value')}))"
_IN_RANGE = f"({_input_of_type(_RANGED)} and not({_OUT_OF_RANGE}) and (not({_HAS_VALUE}) or @min or @max or {_input_of_type(frozenset({'range'}))}))"
# A number off its step, counted from `min` (without one, from the value itself: no mismatch);
# the step is 1 unless `step` gives another (or `any`).
_STEP = "(sum(@step[number(.) > 0]) + not(@step[number(.) > 0]))"
_OFF_STEP = f"((number(@value) - number(@min)) mod {_STEP})"
_STEP_MISMATCH = f"({_NUMBER} and @min and not({_lowered('@step')} = 'any') and {_OFF_STEP} > 0.0000001 and {_OFF_STEP} < {_STEP} - 0.0000001)"
# A required control without a value: an empty text field, an unchecked box, a radio group none
# of whose buttons is checked, a file input (nothing chosen yet), a `<select>` showing its empty
# placeholder option.
_VALUE_MISSING = (
    f"({_REQUIRED} and ("
    f"({_input_of_type(_REQUIRED_APPLIES - {'checkbox', 'radio', 'file'})} and not(string(@value)))"
    f" or ({_input_of_type(frozenset({'checkbox'}))} and not(@checked))"
    f" or ({_RADIO} and not(@checked) and not({_RADIO_GROUP_CHECKED}))"
    f" or {_input_of_type(frozenset({'file'}))}"
    " or (self::textarea and not(string(.)))"
    " or (self::select and not(@multiple) and not(number(@size) > 1) and not(.//option[@selected])"
    " and (.//option)[1][parent::select][@value = '' or (not(@value) and not(normalize-space(.)))])))"
)
_INVALID_CONTROL = f"({_VALIDATED} and ({_VALUE_MISSING} or {_OUT_OF_RANGE} or {_STEP_MISMATCH}))"
_INVALID = f"({_INVALID_CONTROL} or ((self::form or self::fieldset) and .//*[{_INVALID_CONTROL}]))"
_VALID = f"(({_VALIDATED} and not({_INVALID_CONTROL})) or ((self::form or self::fieldset) and not(.//*[{_INVALID_CONTROL}])))"
# A box `contenteditable` makes editable: the nearest one with a valid value says.
_EDITABLE_VALUES = ("", "true", "plaintext-only", "false")
_EDITABLE = f"ancestor-or-self::*[@contenteditable][{_any_of(_lowered('@contenteditable'), _EDITABLE_VALUES)}][1][{_lowered('@contenteditable')} != 'false']"
_READ_WRITE = f"((({_input_of_type(_READONLY_APPLIES)} or self::textarea) and not(@readonly) and not({_DISABLED})) or {_EDITABLE})"
# What the first element given `autofocus` must be for Chromium to focus it on load: focusable.
_FOCUSABLE = (
    f"(((({_input_of_type(INPUT_TYPES - {'hidden'})} or self::button or self::select or self::textarea) and not({_DISABLED}))"
    f" or (self::a and @href) or @tabindex or {_EDITABLE})"
    " and not(ancestor-or-self::*[@hidden] or ancestor::dialog[not(@open)] or ancestor::template))"
)
_AUTOFOCUSED = f"(@autofocus and {_FOCUSABLE} and not(preceding::*[@autofocus][{_FOCUSABLE}]) and not(ancestor::*[@autofocus][{_FOCUSABLE}]))"
# An option a `<select>` shows chosen without a `selected` one: its first that is not disabled.
_FIRST_OPTION_CHOSEN = (
    "ancestor::select[1][not(@multiple) and not(number(@size) > 1) and not(.//option[@selected])]"
    " and count((ancestor::select[1]//option[not(@disabled)])[1] | .) = 1"
)
_CHECKED = f"(({_CHECKABLE} and @checked) or (self::option and (@selected or ({_FIRST_OPTION_CHOSEN}))))"
_DEFAULT = (
    f"(({_CHECKABLE} and @checked) or (self::option and @selected)"
    f" or ({_SUBMIT_BUTTON} and ancestor::form and count((ancestor::form[1]//*[{_SUBMIT_BUTTON}])[1] | .) = 1))"
)
# Names with a hyphen that are not custom elements' (HTML's "valid custom element name").
_RESERVED_NAMES = ("annotation-xml", "color-profile", "font-face", "font-face-src", "font-face-uri", "font-face-format", "font-face-name", "missing-glyph")
_UNDEFINED = f"((contains(local-name(), '-') and not({_any_of('local-name()', _RESERVED_NAMES)})) or @is)"
_DIRECTIONS = ("ltr", "rtl", "auto")
# The element that decides an element's directionality: the nearest with a valid `dir`, or a
# `<bdi>` (whose direction is `auto` by default).
_DIRECTION_HOLDER = f"ancestor-or-self::*[{_any_of(_lowered('@dir'), _DIRECTIONS)} or self::bdi][1]"
_DIRECTION_FUNCTIONS = "urn:syndcheck:first-sight"
_PREFIX = "syndcheck-first-sight"

_PLACEHOLDER_INPUT = _input_of_type(frozenset({"text", "search", "url", "tel", "email", "password", "number"}))
# The pseudo-classes that match nothing on a page as it is first seen: a user's or a script's
# doing, a browser's own state, or parts of a scrollbar, a video's captions, a shadow tree.
NEVER_MATCHED = frozenset(
    {
        "-internal-autofill-previewed", "-internal-autofill-selected", "-internal-dialog-in-top-layer",
        "-internal-menulist-popover-with-menulist-anchor", "-internal-popover-in-top-layer", "-internal-relative-anchor",
        "-webkit-autofill", "-webkit-drag", "-webkit-full-page-media", "-webkit-full-screen", "-webkit-full-screen-ancestor",
        "active-view-transition", "autofill", "corner-present", "current", "decrement", "double-button", "end", "fullscreen",
        "future", "granted", "horizontal", "host", "increment", "interest-source", "interest-target", "modal", "no-button",
        "past", "picture-in-picture", "popover-open", "single-button", "start", "target-after", "target-before",
        "target-current", "user-invalid", "user-valid", "vertical", "window-inactive", "xr-overlay",
    }
)  # fmt: skip
NEVER_MATCHED_FUNCTIONS = frozenset({"state", "active-view-transition-type", "host", "host-context"})
# The pseudo-classes translated to a condition on the element.
CONDITIONS = {
    "any-link": "((self::a or self::area) and @href)",
    "-webkit-any-link": "((self::a or self::area) and @href)",
    "link": "((self::a or self::area) and @href)",
    "focus": _AUTOFOCUSED,
    "focus-visible": _AUTOFOCUSED,
    "focus-within": f"descendant-or-self::*[@autofocus][{_AUTOFOCUSED}]",
    "defined": f"not({_UNDEFINED})",
    "open": "((self::details or self::dialog) and @open)",
    "placeholder-shown": f"@placeholder and (({_PLACEHOLDER_INPUT} and not(string(@value))) or (self::textarea and not(string(.))))",
    "required": _REQUIRED,
    "optional": f"({_CONTROL} and not({_REQUIRED}))",
    "read-write": _READ_WRITE,
    "read-only": f"not({_READ_WRITE})",
    "default": _DEFAULT,
    "checked": _CHECKED,
    "indeterminate": _INDETERMINATE,
    "valid": _VALID,
    "invalid": _INVALID,
    "in-range": f"({_VALIDATED} and {_IN_RANGE})",
    "out-of-range": f"({_VALIDATED} and {_OUT_OF_RANGE})",
    "root": "not(parent::*)",
    # Outside `@scope`, `:scope` is the root element (`ScopedTranslator` gives it its root).
    "scope": "not(parent::*)",
}  # fmt: skip


class FirstSightTranslator(LxmlHTMLTranslator):  # type: ignore[misc]
    """cssselect's HTML translator, with every pseudo-class Chromium knows translated as the page
    matches it when first seen (see the module)."""

    def xpath_pseudo(self, pseudo: Any) -> XPathExpr:
        """A pseudo-class without arguments; ExpressionError for one neither here nor in cssselect."""
        name = pseudo.ident.lower()
        xpath: XPathExpr = self.xpath(pseudo.selector)
        if name in NEVER_MATCHED:
            return xpath.add_condition("0")
        condition = self.condition_of(name)
        if condition is not None:
            return xpath.add_condition(condition)
        translated: XPathExpr = super().xpath_pseudo(pseudo)
        return translated

    def condition_of(self, name: str) -> str | None:
        """The XPath condition the pseudo-class `name` stands for, None for one cssselect translates."""
        return CONDITIONS.get(name)

    def xpath_function(self, function: Any) -> XPathExpr:
        """A functional pseudo-class: those of `NEVER_MATCHED_FUNCTIONS` match nothing."""
        if function.name.lower() in NEVER_MATCHED_FUNCTIONS:
            xpath: XPathExpr = self.xpath(function.selector)
            return xpath.add_condition("0")
        translated: XPathExpr = super().xpath_function(function)
        return translated

    def xpath_dir_function(self, xpath: XPathExpr, function: Any) -> XPathExpr:
        """`:dir(ltr)`/`:dir(rtl)`: the direction of the nearest `dir` (`ltr` with none; `auto`,
        and a `<bdi>` without one, by the first strongly directional letter); any other matches nothing."""
        wanted = function.arguments[0].value.lower() if function.argument_types() == ["IDENT"] else ""
        if wanted not in ("ltr", "rtl"):
            return xpath.add_condition("0")
        written = _lowered("@dir")
        holder = f"{_DIRECTION_HOLDER}[{written} = '{wanted}' or ({written} != 'ltr' and {written} != 'rtl' and {_PREFIX}:auto-direction() = '{wanted}')]"
        return xpath.add_condition(holder if wanted == "rtl" else f"not({_DIRECTION_HOLDER}) or {holder}")

    def xpath_nth_child_function(self, xpath: XPathExpr, function: Any, last: bool = False, add_name_test: bool = True) -> XPathExpr:
        """`:nth-child(An+B)`, and `:nth-child(An+B of "S")` as `cssselect_form` writes
        `:nth-child(An+B of S)`: among the siblings that match `S`."""
        kinds = [token.type == "IDENT" and token.value.lower() == "of" for token in function.arguments]
        if not any(kinds):
            translated: XPathExpr = super().xpath_nth_child_function(xpath, function, last, add_name_test)
            return translated
        of = kinds.index(True)
        selectors = function.arguments[of + 1 :]
        if len(selectors) != 1 or selectors[0].type != "STRING":
            raise ExpressionError(f"Expected a string after 'of' in :{function.name}()")
        condition = self.list_condition(selectors[0].value)
        counted = XPathExpr(element=f"*[{condition}]")
        step = Function(function.selector, function.name, function.arguments[:of])
        super().xpath_nth_child_function(counted, step, last, add_name_test=False)
        xpath.add_condition(condition)
        return xpath.add_condition(counted.condition) if counted.condition else xpath

    def list_condition(self, selector_list: str) -> str:
        """The XPath condition an element meets when it matches a selector of the list
        (SelectorError when cssselect cannot read it)."""
        selectors = parse(cssselect_form(selector_list))
        if any(selector.pseudo_element is not None for selector in selectors):
            raise ExpressionError("A pseudo-element matches no element")
        conditions = [self._xpath_match_condition(selector.parsed_tree) for selector in selectors]
        if any(condition is None for condition in conditions):
            return "true()"
        return " or ".join(f"({condition})" for condition in conditions)


class ScopedTranslator(FirstSightTranslator):
    """The translator for the style rules of `@scope (root) to (limit)`: `:scope` is an element
    that matches `root`, and the subject is left out when it is, or is in, an element that matches
    `limit` inside such a root (strict where roots nest in one another's limits: such a rule is
    applied to fewer elements, never to more). SelectorError when cssselect cannot read the root
    or the limit, or they hold a pseudo-element."""

    def __init__(self, root: str, limit: str | None) -> None:
        super().__init__()
        # In the root's selectors `:scope` is the root element (the scope is not nested); in the
        # limit's, the scope's root.
        self.root = CONDITIONS["scope"]
        self.root = self.list_condition(root)
        self.limit = None if limit is None else self.list_condition(limit)

    def condition_of(self, name: str) -> str | None:
        return self.root if name == "scope" else super().condition_of(name)

    def selector_to_xpath(self, selector: Any, prefix: str = "descendant-or-self::", translate_pseudo_elements: bool = False) -> str:
        """The selector's XPath, its subject kept within the scope's limit."""
        xpath = self.xpath(selector.parsed_tree)
        if self.limit is not None:
            xpath.add_condition(f"not(ancestor-or-self::*[({self.limit}) and ancestor::*[{self.root}]])")
        return prefix + str(xpath)


def _auto_direction(context: Any) -> str:
    """`ltr` or `rtl`: the direction of the first strongly directional letter of the context
    element's text (an `<input>`'s value), leaving out what has a `dir` of its own, `<bdi>`,
    scripts and styles; `ltr` when there is none."""
    element = context.context_node
    texts = [element.get("value") or ""] if element.tag == "input" else _own_texts(element)
    for text in texts:
        for character in text:
            kind = unicodedata.bidirectional(character)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return "ltr"


def _own_texts(element: Any) -> list[str]:
    """The element's text in order, without what a descendant that decides its own direction holds."""
    texts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("bdi", "script", "style", "textarea") and child.get("dir") is None:
            texts.extend(_own_texts(child))
        texts.append(child.tail or "")
    return texts


def compiled_xpath(expression: str) -> Any:
    """An XPath expression a translator here wrote, compiled with the functions it may call
    (`auto-direction`) given to it, not registered in lxml's global function namespaces (which
    an XPath compiled in another thread, or a namespace registered by another library, may not
    see). Raises `lxml.etree.XPathSyntaxError` for an expression lxml refuses."""
    return etree.XPath(expression, namespaces={_PREFIX: _DIRECTION_FUNCTIONS}, extensions={(_DIRECTION_FUNCTIONS, "auto-direction"): _auto_direction})


__all__ = ["FirstSightTranslator", "ScopedTranslator", "SelectorError", "compiled_xpath"]
