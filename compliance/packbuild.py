"""Building rule packs from YAML: the schema, strict validation with file:line and "did you mean",
and compilation.

Everything a pack can say is validated and compiled (regexes, CSS selectors) when it loads, before
any article is read; a mistake is a `PackError` pointing at the line to fix. This module never
reads files: it takes YAML trees or text and the name of where they came from. The built packs
are the value objects of `compliance.packs`; a check whose packs come from the pack cache never
imports this module (nor the YAML reader, nor the pattern describer it uses).
"""

from __future__ import annotations

import dataclasses
import datetime
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit

from compliance.checks import CHECKS, LIST_KINDS, SHORTHAND_KINDS, SINGLE_KINDS, Check
from compliance.checks.base import check_captures
from compliance.describe import describe_pattern
from compliance.errors import PackError, choice_hint, closest, combine, nearest
from compliance.findings import SEVERITY_LABELS, Severity
from compliance.fixtemplates import BUILT_IN_VALUES, INSERTS, MISSING_AT, PLACES, REPLACE, TEMPLATE_KEYS, FixTemplate, ValueSource, not_on_amp
from compliance.fixtemplates import PLACEHOLDER as FIX_PLACEHOLDER
from compliance.options import Option
from compliance.packs import BRACED, DEFAULT_THRESHOLD, FINDING_VALUES, INSTEAD_VALUES, PLACEHOLDER, Marker, OwnSite, Pack, Rule
from compliance.patterns import Pattern, PatternTooLarge, Selector, check_pattern_size, compile_pattern, phrase_to_regex, selector_from_css
from compliance.text import shorten
from compliance.urls import is_http_url
from compliance.yamlsource import Mark, YMap, YNode, YScalar, YSeq, parse_yaml

T = TypeVar("T")

PACK_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RULE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DEFINE_REF = re.compile(r"\{\{\s*([A-Za-z0-9_-]+)\s*\}\}")

_PACK_KEYS = ("id", "name", "publisher", "terms_url", "as_of", "summary", "confidence", "extends", "define", "outlets", "detect", "rules")
_REQUIRED_PACK_KEYS = ("id", "name", "publisher", "terms_url", "as_of", "summary", "rules")
_RULE_KEYS = ("id", "severity", "message", "instead-message", "help", "check", "when", "terms", "fix", "missing-at")
_REQUIRED_RULE_KEYS = ("id", "severity", "message", "help", "check")
_OVERRIDE_KEYS = ("id", "severity", "message", "instead-message", "help", "check", "when", "terms", "fix", "missing-at", "off")
_FIX_KEYS = ("insert", "where", "template", "values", "when", "original-link")
_VALUE_SOURCE_KEYS = ("original-image", "original-url", "meta", "page-text")
_DETECT_KEYS = ("threshold", "own-site", "markers")
_OWN_SITE_KEYS = ("domains", "names", "republication-markers")
# A host name as a pack writes it: lower-case labels joined by dots, no scheme, port or path.
HOST_NAME = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")
_MARKER_KEYS = ("id", "label", "weight", "check")


def _suggest(word: str, choices: Any) -> str:
    """The closest of `choices` (names, or a mapping's keys) to `word`, else all of them sorted."""
    return choice_hint(word, sorted(choices))


def _base_hint(parent: str, others: list[str]) -> str:
    """What to do about an unknown base pack: the closest of the other packs loaded (a pack cannot
    extend itself), else how to load it."""
    return _suggest(parent, others) if others else "load the base pack too (same directory or --rules)"


# What to do about an invalid regex written in plain or double-quoted YAML, where backslashes are read by YAML first.
_REGEX_QUOTES_HINT = "in YAML, write regexes in single quotes so backslashes stay as typed"


class _UsesBrokenDefinition(Exception):
    """A pattern uses a definition whose own error is already reported: the part is left out
    without a second error about the same mistake."""


class _Builder:
    """Validates one pack's YAML tree and compiles its checks; errors carry file:line:col."""

    def __init__(self, origin: str, *, validate: bool = True) -> None:
        self.origin = origin
        self.validate = validate
        self.rule: str | None = None
        # Building a detection marker: its text is matched regardless of letter case (unless it
        # says `ignore-case: false`), since case does not change which publisher a line names.
        self.in_marker = False
        self.defines: dict[str, str] = {}
        # The pack's own definitions as written, in order, and those with an error.
        self.written_defines: tuple[str, ...] = ()
        self.broken_defines: set[str] = set()
        self.errors: list[PackError] = []
        # `file:line:col: warning: …` lines for a pack author (`syndcheck rules validate`).
        self.warnings: list[str] = []
        # The host of the pack's `terms_url` ("www.propublica.org"): an address a pattern describes
        # is shown as the publisher writes it (`describe_pattern`).
        self.site = ""

    def collect(self, build: Callable[[], T]) -> T | None:
        """Run one independent part of the pack (a definition, a marker, a rule); an error in it is
        kept for the end, so that every part is validated in one run."""
        try:
            return build()
        except PackError as error:
            self.errors.append(error)
            return None
        except _UsesBrokenDefinition:
            return None
        finally:
            self.rule = None

    def fail(self, what: str, mark: Mark, hint: str | None = None) -> PackError:
        return PackError(what, path=mark.origin, line=mark.line, column=mark.column, rule=self.rule, hint=hint)

    def mapping(self, node: YNode | None, what: str, mark: Mark) -> YMap:
        if not isinstance(node, YMap):
            raise self.fail(f"{what} must be a mapping (key: value lines)", node.mark if node is not None else mark)
        return node

    def keys(self, node: YMap, allowed: tuple[str, ...], required: tuple[str, ...], what: str) -> None:
        """Every unknown key (with "did you mean") and every missing required key, in one error."""
        unknown = [key for key in node if key not in allowed]
        problems = [self.fail(f"unknown key '{key}' in {what}", node.key_mark(key), _suggest(key, allowed)) for key in unknown]
        # A missing key that a misspelt one stands for ('nam' for 'name') is said once, by that one.
        meant = {close for key in unknown if (close := nearest(key, allowed)) is not None}
        problems += [
            self.fail(f"{what} is missing required key '{key}'", node.mark, f"add '{key}: …' to it")
            for key in required
            if key not in node.entries and key not in meant
        ]
        if problems:
            raise combine(problems)

    def string(self, node: YNode | None, what: str, mark: Mark, *, allow_empty: bool = False) -> str:
        if node is None:
            raise self.fail(f"{what} is missing", mark, f"add {what.strip(chr(39))}: … (a string)")
        if not isinstance(node, YScalar) or not isinstance(node.value, str):
            got = _type_name(node)
            raise self.fail(f"{what} must be a string, got {got}", node.mark, _quoting_hint(node))
        if not allow_empty and not node.value.strip():
            raise self.fail(f"{what} must not be empty", node.mark)
        return node.value

    # -- checks ---------------------------------------------------------------------------

    def check(self, node: YNode | None, mark: Mark) -> Check:
        check_map = self.mapping(node, "a check", mark)
        kinds = list(check_map)
        if len(kinds) != 1:
            where = check_map.mark if not kinds else check_map.key_mark(kinds[1])
            raise self.fail(
                "a check has exactly one kind" + (f", found {', '.join(kinds)}" if kinds else ""),
                where,
                "write one of: " + ", ".join(CHECKS) + "; combine several with any/all",
            )
        kind = kinds[0]
        kind_mark = check_map.key_mark(kind)
        if kind not in CHECKS:
            raise self.fail(f"unknown check kind '{kind}'", kind_mark, _suggest(kind, CHECKS))
        value = check_map.entries[kind]
        spec = CHECKS[kind]
        if kind in LIST_KINDS:
            if not isinstance(value, YSeq) or not value.items:
                raise self.fail(f"'{kind}' takes a non-empty list of checks", value.mark)
            params = self._built(spec.build, {"checks": tuple(self.check(item, item.mark) for item in value.items)}, kind_mark)
        elif kind in SINGLE_KINDS:
            params = self._built(spec.build, {"check": self.check(value, kind_mark)}, kind_mark)
        else:
            if isinstance(value, YScalar) and value.value is None:
                value = YMap({}, {}, value.mark)
            elif isinstance(value, YScalar) and kind in SHORTHAND_KINDS:
                # `medium: online` is `medium: {is: online}`.
                value = YMap({SHORTHAND_KINDS[kind]: value}, {SHORTHAND_KINDS[kind]: value.mark}, value.mark)
            options = self.mapping(value, f"the '{kind}' check", kind_mark)
            params = self._built(spec.build, self.options(kind, options, spec.options), kind_mark)
        return Check(kind, params, self.origin, kind_mark.line)

    def _built(self, build: Callable[[dict[str, Any]], Any], values: dict[str, Any], mark: Mark) -> Any:
        """A check kind's parameters from its option values; a refusal of the kind's own (options
        that do not go together) is placed at the check's kind, with this rule's id."""
        try:
            return build(values)
        except PackError as error:
            if error.path is not None:
                raise
            raise self.fail(error.what, mark, error.hint) from None

    def options(self, kind: str, node: YMap, options: tuple[Option, ...]) -> dict[str, Any]:
        by_key = {o.key: o for o in options}
        self.keys(node, tuple(by_key), tuple(o.key for o in options if o.required), f"the '{kind}' check")
        flags = {
            "ignore_case": self._flag(node, "ignore-case") or (self.in_marker and not self._flag_false(node, "ignore-case")),
            "whole_word": self._flag(node, "whole-word"),
        }
        values: dict[str, Any] = {}
        for option in options:
            child = node.entries.get(option.key)
            if child is None:
                values[option.attr] = option.default
                continue
            values[option.attr] = self.option_value(kind, option, child, flags)
        if kind == "text":
            given = [k for k in ("pattern", "phrase") if k in node.entries]
            if len(given) != 1:
                raise self.fail("the 'text' check needs exactly one of 'pattern' or 'phrase'", node.mark)
        if "min" in values and "max" in node.entries and "min" not in node.entries:
            values["min"] = 0  # `max` alone states a limit, not a requirement: `max: 0` forbids
        if "min" in values and values.get("max") is not None and values["min"] > values["max"] and "min" in node.entries:
            raise self.fail(f"min ({values['min']}) is greater than max ({values['max']})", node.key_mark("min"))
        if kind == "near" and values.get("within_blocks") is None and values.get("within_chars") is None and values.get("order") == "any":
            raise self.fail("the 'near' check needs 'within-blocks', 'within-chars' or an 'order'", node.mark)
        if kind == "position" and sum(values.get(key) is not None for key in ("at", "first", "last")) != 1:
            raise self.fail("the 'position' check needs exactly one of 'at', 'first' or 'last'", node.mark)
        if kind == "position" and values.get("allow_before") is not None and values.get("at") is None:
            raise self.fail("'allow-before' of the 'position' check goes with 'at: top'", node.key_mark("allow-before"))
        if kind == "position" and values.get("allow_after") is not None and values.get("last") is None:
            raise self.fail("'allow-after' of the 'position' check goes with 'last'", node.key_mark("allow-after"))
        if kind == "link" and values.get("href") is None and values.get("equals") is None and values.get("text") is None:
            raise self.fail("the 'link' check needs 'href', 'equals' or 'text'", node.mark)
        if kind == "metadata" and [values.get("meta") is not None, values.get("json_ld") is not None, bool(values.get("language"))].count(True) != 1:
            raise self.fail("the 'metadata' check needs exactly one of 'meta', 'json-ld' or 'language: true'", node.mark)
        if kind == "fidelity" and (values.get("allow") == "excerpt-allowed") != (values.get("excerpt_words") is not None):
            raise self.fail("the 'fidelity' check takes 'excerpt-words: N' exactly when 'allow: excerpt-allowed'", node.mark)
        if kind == "original-byline" and values.get("credit") is not None and "author" not in values["credit"].compiled.groupindex:
            raise self.fail("'credit' of the 'original-byline' check needs a group named 'author', (?P<author>…), around the name", node.key_mark("credit"))
        if kind == "same-id" and not all(values[key].template is not None or values[key].compiled.groups for key in ("a_id", "b_id")):
            raise self.fail("'a-id' and 'b-id' of the 'same-id' check each need a group, (…), around the id", node.mark)
        return values

    def _flag(self, node: YMap, key: str) -> bool:
        child = node.entries.get(key)
        return bool(isinstance(child, YScalar) and child.value is True)

    def _flag_false(self, node: YMap, key: str) -> bool:
        child = node.entries.get(key)
        return bool(isinstance(child, YScalar) and child.value is False)

    def option_value(self, kind: str, option: Option, node: YNode, flags: Mapping[str, bool]) -> Any:
        what = f"'{option.key}' of the '{kind}' check"
        if option.kind == "check":
            return self.check(node, node.mark)
        if option.kind == "boolean":
            if not isinstance(node, YScalar) or not isinstance(node.value, bool):
                raise self.fail(f"{what} must be true or false, got {_type_name(node)}", node.mark)
            return node.value
        if option.kind == "integer":
            if not isinstance(node, YScalar) or isinstance(node.value, bool) or not isinstance(node.value, int):
                raise self.fail(f"{what} must be a whole number, got {_type_name(node)}", node.mark)
            if option.minimum is not None and node.value < option.minimum:
                raise self.fail(f"{what} must be at least {option.minimum}", node.mark)
            return node.value
        if option.kind == "enum":
            raw = node.value if isinstance(node, YScalar) else None
            text = str(raw).lower() if isinstance(raw, bool) else raw
            if not isinstance(text, str) or text not in option.choices:
                shown = text if isinstance(text, str) else _type_name(node)
                raise self.fail(f"{what} must be one of {', '.join(option.choices)}, got '{shown}'", node.mark, closest(str(shown), option.choices))
            return text
        if option.kind == "selector":
            selector = self.selector(self.string(node, what, node.mark), node.mark)
            if kind == "text" and option.key == "outside":
                self.warn_of_whole_page(selector, node.mark)
            return selector
        if option.kind == "regex":
            source = self.string(node, what, node.mark)
            case = flags["ignore_case"] if kind == "text" else True
            pattern = self.regex(source, node.mark, ignore_case=case, whole_word=flags["whole_word"], written=node)
            if kind == "link" and option.key == "href":
                self.warn_of_loose_host(pattern, "href", node.mark)
            return pattern
        if option.kind == "phrase":
            source = self.string(node, what, node.mark)
            return self.regex(phrase_to_regex(source), node.mark, ignore_case=flags["ignore_case"], whole_word=False, shown=source)
        if option.kind == "regex-map":
            mapping = self.mapping(node, what, node.mark)
            patterns = {
                key: self.regex(
                    self.string(mapping.entries[key], f"attribute '{key}'", mapping.key_mark(key)),
                    mapping.entries[key].mark,
                    ignore_case=True,
                    written=mapping.entries[key],
                )
                for key in mapping
            }
            for key, pattern in patterns.items():
                if key.lower().endswith(("href", "src")):  # href, src, data-src, data-lazy-src…
                    self.warn_of_loose_host(pattern, key, mapping.entries[key].mark)
            return patterns
        if option.kind == "host-map":
            return self.host_map(node, what)
        if option.kind == "string":
            return self.string(node, what, node.mark)
        raise self.fail(f"unsupported option kind {option.kind}", node.mark)  # pragma: no cover

    def host_map(self, node: YNode, what: str) -> tuple[tuple[str, str], ...]:
        """A `host-map` option: names (a site's name as a link's words give it) each mapped to the
        site's host name, as (name, host) pairs in the pack's order; a value that is no host name,
        or an empty mapping, is refused at its line."""
        mapping = self.mapping(node, what, node.mark)
        if not mapping.entries:
            raise self.fail(f"{what} must name at least one site", node.mark, "write one 'Site Name: host.example' line per site")
        pairs = []
        for name in mapping:
            value = mapping.entries[name]
            pairs.append((name, self.host(value, f"the host of '{name}'", mapping.key_mark(name), "example.org")))
        return tuple(pairs)

    def host(self, node: YNode | None, what: str, mark: Mark, example: str) -> str:
        """A host name (`HOST_NAME`: lower case, no scheme, port or path), stripped; anything else
        is refused at its line, the hint writing `example` as one."""
        host = self.string(node, what, mark).strip()
        if not HOST_NAME.match(host):
            hint = f"write the host name only, in lower case, e.g. {example} (its subdomains, such as www., are included)"
            raise self.fail(f"'{host}' is not a host name", node.mark if node is not None else mark, hint)
        return host

    def warn_of_loose_host(self, pattern: Pattern, attribute: str, mark: Mark) -> None:
        """A warning when a URL pattern names a host that another host can pass for
        (`compliance.urlpatterns`); only for packs being validated, and not for a pattern filled
        from article metadata (its host is not written in the pack)."""
        if not self.validate or pattern.template is not None:
            return
        from compliance.urlpatterns import loose_host

        loose = loose_host(pattern.regex_text, ignore_case=pattern.ignore_case)
        if loose is not None:
            rule = f"rule '{self.rule}': " if self.rule else ""
            self.warn(mark, f"{rule}the {attribute} pattern accepts other hosts: {loose.problem} — pin the host down, as in '{loose.anchored}'")

    def warn_of_whole_page(self, selector: Selector, mark: Mark) -> None:
        """A warning when an `outside` selector matches an element that holds the whole story on
        most pages (`*`, `html`, `body`, `:root`, `article`, `:not(p)`, or a list holding one): the
        check then leaves out every block and is reported as not checked on every page. Only for
        packs being validated; the selector runs once on a page of five elements."""
        if not self.validate:
            return
        taken = _whole_page_elements(selector)
        if taken:
            rule = f"rule '{self.rule}': " if self.rule else ""
            self.warn(
                mark,
                f"{rule}outside '{shorten(selector.css, 60)}' matches {taken}, which holds the whole story: the check leaves out every block"
                " and is never checked — name only what to leave out, as in 'figcaption'",
            )

    def warn(self, mark: Mark, message: str) -> None:
        """Keep a `file:line:col: warning: …` line for the pack's author."""
        self.warnings.append(f"{mark.origin}:{mark.line}:{mark.column}: warning: {message}")

    def regex(
        self, source: str, mark: Mark, *, ignore_case: bool, whole_word: bool = False, shown: str | None = None, written: YNode | None = None, place: str = ""
    ) -> Pattern:
        """Compile a pattern after expanding `{{definitions}}`; an error points into the pack file
        as written (`written` is the YAML scalar the pattern came from) and names where the
        pattern is when the rule does not (`place`: `define: lark`)."""
        import regex

        invalid = f"invalid regex{f' in {place}' if place else ''} '{source}'"
        # Single quotes already keep backslashes as typed: advice to use them would mislead.
        quoted = isinstance(written, YScalar) and written.style == "'"
        invalid_hint = "escape a bracket or parenthesis meant literally with a backslash: '\\('" if quoted else _REGEX_QUOTES_HINT

        control = _CONTROL.search(source)
        if control is not None:
            escape = _YAML_ESCAPES.get(control.group(), f"\\x{ord(control.group()):02x}")
            raise self.fail(
                f"pattern contains a control character ({escape} in YAML double quotes is not a regex escape): '{source.translate(_VISIBLE)}'",
                mark,
                "write the pattern in single quotes, where backslashes stay as typed: '\\bBy'",
            )

        used: set[str] = set()

        def expand(text: str, chain: tuple[str, ...]) -> str:
            def one(match: re.Match[str]) -> str:
                name = match.group(1)
                used.add(name)
                if name in self.broken_defines:
                    raise _UsesBrokenDefinition(name)
                if name not in self.defines and name in self.written_defines:
                    raise self.fail(
                        f"definition '{{{{{name}}}}}' is written further down; a definition may use only the ones above it",
                        mark,
                        f"move '{name}' above the definition that uses it",
                    )
                if name not in self.defines:
                    raise self.fail(f"unknown definition '{{{{{name}}}}}'", mark, _suggest(name, self.defines) if self.defines else "add it under 'define:'")
                if name in chain:
                    raise self.fail(f"definition '{name}' refers to itself: {' → '.join((*chain, name))}", mark, "remove one of the references")
                # A definition may use earlier ones ("{{kff}}" inside a credit line).
                return f"(?:{expand(self.defines[name], (*chain, name))})"

            return _DEFINE_REF.sub(one, text)

        # Where each character of the expanded pattern came from in the written one.
        origins: list[int] = []
        parts: list[str] = []
        last = 0
        for match in _DEFINE_REF.finditer(source):
            replacement = expand(match.group(0), ())
            parts.append(source[last : match.start()])
            origins.extend(range(last, match.start()))
            parts.append(replacement)
            origins.extend([match.start()] * len(replacement))
            last = match.end()
        parts.append(source[last:])
        origins.extend(range(last, len(source) + 1))
        expanded = "".join(parts)
        try:
            # Before compiling: compiling such a pattern is what takes the memory and time.
            check_pattern_size(expanded)
        except PatternTooLarge as exc:
            where = _position_in_file(written, origins[min(exc.position, len(origins) - 1)], mark)
            raise self.fail(
                f"pattern '{shorten(source, 60)}': {exc}",
                where,
                exc.hint,
            ) from None
        if self.validate:
            try:
                regex.compile(expanded)
            except regex.error as exc:
                position = origins[min(exc.pos, len(origins) - 1)] if exc.pos is not None else None
                where = _position_in_file(written, position, mark) if position is not None else mark
                raise self.fail(f"{invalid}: {exc.msg}", where, invalid_hint) from None
            except (ValueError, OverflowError, RecursionError) as exc:
                raise self.fail(f"{invalid}: {exc}", mark, invalid_hint) from None
        try:
            pattern = compile_pattern(expanded, ignore_case=ignore_case, whole_word=whole_word, validate=self.validate)
        except (regex.error, ValueError, OverflowError, RecursionError) as exc:
            raise self.fail(f"{invalid}: {exc}", mark, invalid_hint) from None
        label = f'"{" ".join(shown.split())}"' if shown is not None else describe_pattern(expanded, self.site)
        return dataclasses.replace(pattern, source=shown if shown is not None else source, label=label, definitions=frozenset(used))

    def rebind(self, rule: Rule, redefined: Mapping[str, Mark]) -> Rule:
        """An inherited rule with the patterns that use a definition this pack redefines compiled
        again with this pack's definitions (a base pack's `arr-label` read with a publisher's
        `arr-owner`); the rule itself when none does. A pattern the new definitions break is an
        error at the redefinition."""

        def pattern(old: Pattern) -> Pattern:
            names = sorted(old.definitions & redefined.keys())
            if not names:
                return old
            self.rule = rule.id
            new = self.regex(old.source, redefined[names[0]], ignore_case=old.ignore_case, whole_word=old.whole_word)
            return old if new.regex_text == old.regex_text else dataclasses.replace(new, label=old.label)

        check = _with_patterns(rule.check, pattern)
        when = _with_patterns(rule.when, pattern)
        return rule if check is rule.check and when is rule.when else dataclasses.replace(rule, check=check, when=when)

    def selector(self, source: str, mark: Mark) -> Selector:
        from cssselect import SelectorError
        from lxml.etree import XPathError

        try:
            selector = selector_from_css(source)
            if self.validate:
                selector.validate()
            return selector
        except (SelectorError, XPathError, NotImplementedError, ValueError, RecursionError) as exc:
            raise self.fail(
                f"invalid CSS selector '{source}': {exc}",
                mark,
                "write selectors in single quotes; CSS selectors as lxml supports them are listed under the element check in docs/check-kinds.md",
            ) from None


# Control characters that only a YAML double-quoted escape can put in a pattern (tab and line
# breaks excepted: those are typed, or come from block scalars).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_YAML_ESCAPES = {"\b": "\\b", "\f": "\\f", "\a": "\\a", "\v": "\\v", "\x1b": "\\e", "\x00": "\\0"}
_VISIBLE = {code: f"\\x{code:02x}" for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}


# The elements around a story on most pages, outermost first: an `outside` selector matching
# one of them leaves out the whole article.
_AROUND_THE_STORY = ("html", "body", "main", "article")


def _whole_page_elements(selector: Selector) -> str:
    """The outermost element around a story that `selector` matches, as `<html>`, or "" when
    it matches none of them (run on `<html><body><main><article><p>`)."""
    from lxml import html

    page = html.document_fromstring("<html><body><main><article><p>Story.</p></article></main></body></html>")
    matched = {element.tag for element in selector(page)}
    return next((f"<{tag}>" for tag in _AROUND_THE_STORY if tag in matched), "")


def _with_patterns(value: Any, change: Callable[[Pattern], Pattern]) -> Any:
    """`value` (a check, its parameters, or what they hold) with `change` applied to each pattern
    in it; the same object where nothing changed, so that untouched checks stay shared."""
    if isinstance(value, Pattern):
        return change(value)
    if isinstance(value, Check):
        params = _with_patterns(value.params, change)
        return value if params is value.params else dataclasses.replace(value, params=params)
    if isinstance(value, tuple):
        items = [_with_patterns(item, change) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        make = getattr(type(value), "_make", None)  # a check's parameters are a NamedTuple
        return make(items) if make is not None else tuple(items)
    if isinstance(value, dict):
        changed = {key: _with_patterns(item, change) for key, item in value.items()}
        return value if all(changed[key] is item for key, item in value.items()) else changed
    return value


def _position_in_file(written: YNode | None, position: int, mark: Mark) -> Mark:
    """The file position of character `position` of a pattern written on one line, plain or in
    single quotes (where '' stands for one quote); the scalar's start otherwise."""
    if not isinstance(written, YScalar) or written.style not in ("", "'") or not isinstance(written.value, str) or "\n" in written.value:
        return mark
    column = mark.column + (1 if written.style == "'" else 0) + position
    if written.style == "'":
        column += written.value[:position].count("'")
    return Mark(mark.origin, mark.line, column)


def _quoting_hint(node: YNode) -> str:
    """What to do about a value YAML read as something other than the string a key takes: a
    number, a date or a boolean written bare ("publisher: 5", "as_of: 2024"), a pattern or a
    selector such as `[a-z]` read as a list, a `{{name}}` as a mapping."""
    if isinstance(node, YScalar) and node.value is not None:
        # (Not the value read back: YAML read "yes" as True and "0x10" as 16.)
        return f"write it in single quotes: unquoted, YAML reads it as {_type_name(node)}"
    if isinstance(node, YScalar):
        return "give it a value, in single quotes"
    return "write it in single quotes: unquoted, YAML reads [ … ] as a list and { … } as a mapping, as in a pattern such as '[a-z]' or a '{{name}}'"


def _type_name(node: YNode | None) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    value = node.value
    if value is None:
        return "nothing (empty value, or an unquoted '#' starting a comment)"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", datetime.date: "a date", datetime.datetime: "a date and time"}.get(
        type(value), type(value).__name__
    )


def pack_identity(root: YNode | None, origin: str) -> tuple[str, list[tuple[str, Mark]]]:
    """A pack's id and the packs it extends (with where each is named), before building it."""
    builder = _Builder(origin)
    top = builder.mapping(root, "a rule pack", Mark(origin, 1, 1))
    pack_id = builder.string(top.get("id"), "'id'", top.mark)
    extends_node = top.get("extends")
    if extends_node is None:
        return pack_id, []
    items = extends_node.items if isinstance(extends_node, YSeq) else (extends_node,)
    return pack_id, [(builder.string(item, "'extends'", item.mark), item.mark) for item in items]


def build_packs(trees: Sequence[tuple[YNode | None, str]], *, trusted: frozenset[str] = frozenset()) -> list[Pack]:
    """Build several packs, resolving `extends` among them (bases first, cycles refused).

    Packs whose origin is in `trusted` (the built-in packs, compiled by the test suite) have their
    regexes and selectors compiled on first use instead of now."""
    by_id: dict[str, tuple[YNode | None, str, list[tuple[str, Mark]]]] = {}
    # A second pack of an id is an error, and its own mistakes are reported with it (validated
    # against the first pack's bases), so that one run lists every error of every pack.
    again: list[tuple[YNode | None, str, list[tuple[str, Mark]], PackError]] = []
    for root, origin in trees:
        pack_id, parents = pack_identity(root, origin)
        if pack_id in by_id:
            duplicate = PackError(f"pack id '{pack_id}' is already defined in {by_id[pack_id][1]}", path=origin, line=1, hint="give the pack a different id")
            again.append((root, origin, parents, duplicate))
            continue
        by_id[pack_id] = (root, origin, parents)
    built: dict[str, Pack] = {}
    broken: dict[str, PackError] = {}
    skipped: set[str] = set()  # packs whose base pack is broken: its errors are reported, theirs would repeat them

    def build(pack_id: str, chain: tuple[str, ...]) -> Pack | None:
        if pack_id in built:
            return built[pack_id]
        if pack_id in broken or pack_id in skipped:
            return None
        root, origin, parents = by_id[pack_id]
        try:
            bases: dict[str, Pack] = {}
            for parent, mark in parents:
                if parent not in by_id:
                    raise PackError(
                        f"'{pack_id}' extends unknown pack '{parent}'",
                        path=mark.origin,
                        line=mark.line,
                        column=mark.column,
                        hint=_base_hint(parent, [other for other in by_id if other != pack_id]),
                    )
                if parent in chain or parent == pack_id:
                    cycle = " → ".join((*chain, pack_id, parent))
                    raise PackError(f"'extends' forms a cycle: {cycle}", path=mark.origin, line=mark.line, column=mark.column, hint="remove one of the links")
                base = build(parent, (*chain, pack_id))
                if base is None:
                    skipped.add(pack_id)
                    return None
                bases[parent] = base
            built[pack_id] = build_pack(root, origin, parents=bases, validate=origin not in trusted)
        except PackError as error:
            broken[pack_id] = error
            return None
        return built[pack_id]

    for pack_id in by_id:
        build(pack_id, ())
    errors = [broken[pack_id] for pack_id in by_id if pack_id in broken]
    for root, origin, parents, duplicate in again:
        errors.append(duplicate)
        if all(parent in built for parent, _ in parents):
            try:
                build_pack(root, origin, parents={parent: built[parent] for parent, _ in parents}, validate=origin not in trusted)
            except PackError as error:
                errors.append(error)
    if errors:
        raise combine(errors)
    children: dict[str, list[str]] = {}
    for pack in built.values():
        for parent in pack.extends:
            children.setdefault(parent, []).append(pack.id)
    return [dataclasses.replace(built[pack_id], extended_by=tuple(children[pack_id])) if pack_id in children else built[pack_id] for pack_id in by_id]


def _outlets(builder: _Builder, top: YMap) -> tuple[str, ...]:
    """The pack's `outlets:` list of outlet names."""
    if "outlets" not in top.entries:
        return ()
    node = top.entries["outlets"]
    if not isinstance(node, YSeq) or not node.items:
        raise builder.fail("'outlets' must be a non-empty list of outlet names", node.mark, "for example: outlets: [ProPublica]")
    return tuple(builder.string(item, "an outlet name", item.mark).strip() for item in node.items)


def build_pack(root: YNode | None, origin: str, *, parents: Mapping[str, Pack] | None = None, validate: bool = True) -> Pack:
    """Validate and compile a pack from its YAML tree; `parents` are the built packs it extends."""
    builder = _Builder(origin, validate=validate)
    start = Mark(origin, 1, 1)
    top = builder.mapping(root, "a rule pack", start)
    # The pack's own fields are independent of each other and of its rules: every mistake in
    # them is kept, and the rules are still validated, so one run reports them all.
    builder.collect(lambda: builder.keys(top, _PACK_KEYS, _REQUIRED_PACK_KEYS, "the pack"))
    pack_id = builder.string(top.get("id"), "'id'", top.mark)
    if not PACK_ID.match(pack_id):
        raise builder.fail(f"pack id '{pack_id}' must be lower-case words joined by hyphens", top.entries["id"].mark)

    def text(key: str) -> str:
        # A missing key was reported by `keys` already.
        return (builder.collect(lambda: builder.string(top.get(key), f"'{key}'", top.mark)) or "") if key in top.entries else ""

    texts = {key: text(key) for key in ("name", "publisher", "terms_url", "summary")}
    builder.site = (urlsplit(texts["terms_url"].strip()).hostname or "") if is_http_url(texts["terms_url"]) else ""

    def terms_url() -> None:
        if not is_http_url(texts["terms_url"]):
            raise builder.fail("terms_url must be an http(s) URL", top.entries["terms_url"].mark)

    def read_as_of() -> str:
        node = top.get("as_of")
        text = node.value.isoformat()[:10] if isinstance(node, YScalar) and isinstance(node.value, dt.date) else builder.string(node, "'as_of'", top.mark)
        try:
            dt.date.fromisoformat(text[:10])
        except ValueError:
            raise builder.fail(f"as_of must be a date like 2024-06-27, got '{text}'", top.entries["as_of"].mark) from None
        return text

    if "terms_url" in top.entries:
        builder.collect(terms_url)
    as_of = (builder.collect(read_as_of) or "") if "as_of" in top.entries else ""
    confidence = (builder.collect(lambda: builder.string(top.get("confidence"), "'confidence'", top.mark)) or "") if "confidence" in top.entries else ""

    _, extends = pack_identity(top, origin)
    inherited: list[Rule] = []
    for parent_id, mark in extends:
        parent = (parents or {}).get(parent_id)
        if parent is None:
            raise builder.fail(f"'{pack_id}' extends unknown pack '{parent_id}'", mark, "load the base pack too (same directory or --rules)")
        builder.defines.update(parent.defines)
        inherited.extend(rule for rule in parent.rules if rule.id not in {r.id for r in inherited})

    if "define" in top.entries:
        defines = builder.mapping(top.entries["define"], "'define'", top.key_mark("define"))
        builder.written_defines = tuple(defines)
        for name in defines:

            def define(name: str = name) -> str:
                source = builder.string(defines.entries[name], f"definition '{name}'", defines.key_mark(name))
                # validates the definition
                builder.regex(source, defines.entries[name].mark, ignore_case=False, written=defines.entries[name], place=f"define: {name}")
                return source

            source = builder.collect(define)
            if source is not None:
                builder.defines[name] = source
            else:
                builder.broken_defines.add(name)
        # Definitions bind where a rule applies: an inherited rule whose pattern uses a name this
        # pack redefines reads this pack's definition (creative-commons' all-rights-reserved label
        # names the publisher through `arr-owner`).
        redefined = {name: defines.key_mark(name) for name in defines if name in builder.defines}
        if redefined and inherited:

            def rebound(rule: Rule) -> Rule | None:
                return builder.collect(lambda: builder.rebind(rule, redefined))

            inherited = [rule for rule in map(rebound, inherited) if rule is not None]

    outlets = tuple(dict.fromkeys(_outlets(builder, top) + tuple(o for parent_id, _ in extends for o in (parents or {})[parent_id].outlets)))
    markers: list[Marker] = []
    threshold = DEFAULT_THRESHOLD
    own_site = OwnSite()
    if "detect" in top.entries:
        detect = builder.mapping(top.entries["detect"], "'detect'", top.key_mark("detect"))
        builder.keys(detect, _DETECT_KEYS, ("markers",), "'detect'")
        if "threshold" in detect.entries:
            threshold = _number(builder, detect.entries["threshold"], "detect threshold")
        if "own-site" in detect.entries:
            own_site = _own_site(builder, detect.entries["own-site"], detect.key_mark("own-site"))
        marker_list = detect.entries["markers"]
        if not isinstance(marker_list, YSeq):
            raise builder.fail("'markers' must be a list", marker_list.mark)
        for item in marker_list.items:

            def build_marker(item: YNode = item) -> Marker:
                marker = builder.mapping(item, "a marker", item.mark)
                builder.keys(marker, _MARKER_KEYS, ("id", "check"), "a detection marker")
                weight = _number(builder, marker.entries["weight"], "marker weight") if "weight" in marker.entries else 1.0
                marker_id = builder.string(marker.entries["id"], "marker id", marker.mark)
                builder.in_marker = True
                try:
                    check = builder.check(marker.entries["check"], marker.key_mark("check"))
                finally:
                    builder.in_marker = False
                return Marker(
                    marker_id,
                    weight,
                    check,
                    builder.string(marker.entries["label"], "marker label", marker.key_mark("label")) if "label" in marker.entries else "",
                )

            built_marker = builder.collect(build_marker)
            if built_marker is not None:
                markers.append(built_marker)
        if own_site.republication_markers:
            builder.collect(lambda: _check_republication_markers(builder, own_site, markers, detect.entries["own-site"]))
        threshold_mark = detect.entries["threshold"].mark if "threshold" in detect.entries else detect.key_mark("markers")
        _warn_of_unreachable_threshold(builder, markers, threshold, threshold_mark)

    rule_list = top.entries.get("rules")
    if rule_list is None or not isinstance(rule_list, YSeq):
        if rule_list is not None:
            builder.errors.append(builder.fail("'rules' must be a list of rules", rule_list.mark))
        raise combine(builder.errors)
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    overrides: dict[str, Rule | None] = {}
    inherited_ids = {rule.id: rule for rule in inherited}
    for item in rule_list.items:

        def build_one(item: YNode = item) -> None:
            rule_map = builder.mapping(item, "a rule", item.mark)
            rule_id_node = rule_map.get("id")
            rule_id = rule_id_node.value if isinstance(rule_id_node, YScalar) and isinstance(rule_id_node.value, str) else ""
            if rule_id and not rule_id.startswith(pack_id + "/") and inherited:
                if rule_id not in inherited_ids:
                    builder.rule = rule_id
                    raise builder.fail(
                        f"rule '{rule_id}' is not inherited from {', '.join(p for p, _ in extends)}",
                        rule_map.entries["id"].mark,
                        _suggest(rule_id, inherited_ids),
                    )
                overrides[rule_id] = _override_rule(builder, rule_map, inherited_ids[rule_id])
                return
            rules.append(_build_rule(builder, item, pack_id, seen))

        builder.collect(build_one)
    if builder.errors:
        raise combine(builder.errors)
    kept = [overrides.get(rule.id, rule) for rule in inherited]
    rules = [rule for rule in kept if rule is not None] + rules
    _check_missing_at(builder, rules)
    if builder.errors:
        raise combine(builder.errors)
    if not rules:
        # A pack of no rules would be applied and pass every article: a green run that checked nothing.
        builder.rule = None
        why = f"turns off every rule it inherits from {', '.join(p for p, _ in extends)}" if extends else "has no rules"
        raise builder.fail(
            f"pack '{pack_id}' {why}: applied to an article, it would check nothing and pass it",
            top.key_mark("rules"),
            "add a rule (see docs/rule-packs.md), or extend a pack that has rules ('extends: creative-commons')",
        )
    return Pack(
        id=pack_id,
        name=texts["name"],
        publisher=texts["publisher"],
        terms_url=texts["terms_url"],
        as_of=as_of,
        summary=texts["summary"],
        confidence=confidence,
        rules=tuple(rules),
        markers=tuple(markers),
        threshold=threshold,
        origin=origin,
        outlets=outlets,
        extends=tuple(p for p, _ in extends),
        defines=tuple(builder.defines.items()),
        own_site=own_site,
        warnings=tuple(builder.warnings),
        built_in=not builder.validate,
    )


def _own_site(builder: _Builder, node: YNode, mark: Mark) -> OwnSite:
    """`own-site`: the publisher's host names and site names, each a non-empty list of strings."""
    own = builder.mapping(node, "'own-site'", mark)
    builder.keys(own, _OWN_SITE_KEYS, (), "'own-site'")
    if not own.entries.keys() & {"domains", "names"}:
        raise builder.fail("'own-site' needs 'domains', 'names' or both", own.mark)
    lists: dict[str, tuple[str, ...]] = {}
    for key in own:
        items = own.entries[key]
        if not isinstance(items, YSeq) or not items.items:
            example = {"domains": "[example.org]", "names": "[Example Gazette]"}.get(key, "[credit-line]")
            raise builder.fail(f"'{key}' of 'own-site' must be a non-empty list", items.mark, f"write {key}: {example}")
        values = []
        for item in items.items:
            what = f"an entry of '{key}'"
            values.append(builder.host(item, what, item.mark, "dailycaller.com") if key == "domains" else builder.string(item, what, item.mark).strip())
        lists[key] = tuple(values)
    return OwnSite(lists.get("domains", ()), lists.get("names", ()), lists.get("republication-markers", ()))


def _check_republication_markers(builder: _Builder, own_site: OwnSite, markers: Sequence[Marker], node: YNode) -> None:
    """Every id in `own-site`'s `republication-markers` names one of the pack's own markers."""
    known = [marker.id for marker in markers]
    for marker_id in own_site.republication_markers:
        if marker_id not in known:
            raise builder.fail(
                f"'republication-markers' names '{marker_id}', which is not one of this pack's markers", node.mark, _suggest(marker_id, dict.fromkeys(known))
            )


def _override_rule(builder: _Builder, rule: YMap, base: Rule) -> Rule | None:
    """An inherited rule changed by id: any field replaced, or `off: true` to drop it."""
    builder.rule = base.id
    builder.keys(rule, _OVERRIDE_KEYS, ("id",), f"the override of '{base.id}'")
    if "off" in rule.entries:
        off = rule.entries["off"]
        if not isinstance(off, YScalar) or not isinstance(off.value, bool):
            raise builder.fail("'off' must be true or false", off.mark)
        if off.value:
            return None
    changes: dict[str, Any] = {}
    if "severity" in rule.entries:
        text = builder.string(rule.entries["severity"], "severity", rule.mark)
        if text not in SEVERITY_LABELS:
            raise builder.fail(
                f"severity must be one of {', '.join(SEVERITY_LABELS)}, got '{text}'", rule.entries["severity"].mark, closest(text, SEVERITY_LABELS)
            )
        changes["severity"] = Severity.from_label(text)
    for key in ("message", "help", "terms"):
        if key in rule.entries:
            changes[key] = builder.string(rule.entries[key], key, rule.mark).strip()
    if "instead-message" in rule.entries:
        changes["instead_message"] = builder.string(rule.entries["instead-message"], "instead-message", rule.mark).strip()
    if "check" in rule.entries:
        changes["check"] = builder.check(rule.entries["check"], rule.key_mark("check"))
    if "when" in rule.entries:
        changes["when"] = builder.check(rule.entries["when"], rule.key_mark("when"))
    if "fix" in rule.entries:
        changes["fix"] = _fix(builder, rule.entries["fix"], rule.key_mark("fix"))
    if "missing-at" in rule.entries:
        changes["missing_at"] = _missing_at(builder, rule)
    changed = dataclasses.replace(base, **changes)
    if {"message", "instead_message", "help", "check", "when"} & set(changes):
        _check_placeholders(builder, rule, changed)
    return changed


def _warn_of_unreachable_threshold(builder: _Builder, markers: Sequence[Marker], threshold: float, mark: Mark) -> None:
    """A warning at the threshold when every marker firing together scores below it: detection
    (compliance/detect.py) applies a pack when the fired markers' weights reach its threshold."""
    total = sum(marker.weight for marker in markers)
    if markers and total < threshold:
        builder.warn(mark, f"the markers' weights add up to {total:g}, below the threshold {threshold:g}: auto-detection never applies this pack")


def _number(builder: _Builder, node: YNode, what: str) -> float:
    if not isinstance(node, YScalar) or isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
        raise builder.fail(f"{what} must be a number", node.mark)
    if not 0 < float(node.value) <= 10:
        raise builder.fail(f"{what} must be between 0 and 10", node.mark)
    return float(node.value)


def _build_rule(builder: _Builder, item: YNode, pack_id: str, seen: dict[str, int]) -> Rule:
    builder.rule = None
    rule = builder.mapping(item, "a rule", item.mark)
    if isinstance(rule.get("id"), YScalar) and isinstance(rule.entries["id"].value, str):  # type: ignore[union-attr]
        builder.rule = rule.entries["id"].value  # type: ignore[union-attr]
    builder.keys(rule, _RULE_KEYS, _REQUIRED_RULE_KEYS, "a rule")
    rule_id = builder.string(rule.entries["id"], "rule id", rule.mark)
    prefix, _, name = rule_id.partition("/")
    if prefix != pack_id or not RULE_NAME.match(name):
        raise builder.fail(f"rule id '{rule_id}' must be '{pack_id}/<name>' with a lower-case, hyphenated name", rule.entries["id"].mark)
    if rule_id in seen:
        raise builder.fail(f"duplicate rule id '{rule_id}' (first at line {seen[rule_id]})", rule.entries["id"].mark)
    seen[rule_id] = rule.mark.line
    # The rule's fields are independent: every mistake in them is reported in one run.
    problems: list[PackError] = []

    def part(build: Callable[[], T]) -> T | None:
        try:
            return build()
        except PackError as error:
            problems.append(error)
            return None

    def severity() -> Severity:
        text = builder.string(rule.entries["severity"], "severity", rule.mark)
        if text not in SEVERITY_LABELS:
            raise builder.fail(
                f"severity must be one of {', '.join(SEVERITY_LABELS)}, got '{text}'", rule.entries["severity"].mark, closest(text, SEVERITY_LABELS)
            )
        return Severity.from_label(text)

    level = part(severity)
    message = part(lambda: builder.string(rule.entries["message"], "message", rule.mark))
    instead_message = part(lambda: builder.string(rule.entries["instead-message"], "instead-message", rule.mark)) if "instead-message" in rule.entries else None
    help_text = part(lambda: builder.string(rule.entries["help"], "help", rule.mark))
    terms = part(lambda: builder.string(rule.entries["terms"], "terms", rule.mark)) if "terms" in rule.entries else ""
    check = part(lambda: builder.check(rule.entries["check"], rule.key_mark("check")))
    when = part(lambda: builder.check(rule.entries["when"], rule.key_mark("when"))) if "when" in rule.entries else None
    fix = part(lambda: _fix(builder, rule.entries["fix"], rule.key_mark("fix"))) if "fix" in rule.entries else None
    missing_at = part(lambda: _missing_at(builder, rule)) if "missing-at" in rule.entries else None
    if problems:
        raise combine(problems)
    assert level is not None and message is not None and help_text is not None and terms is not None and check is not None
    built = Rule(
        rule_id,
        level,
        message.strip(),
        help_text.strip(),
        check,
        when,
        terms.strip(),
        pack_id,
        builder.origin,
        rule.mark.line,
        fix=fix,
        missing_at=missing_at,
        instead_message=instead_message.strip() if instead_message is not None else None,
        built_in=not builder.validate,
    )
    _check_placeholders(builder, rule, built)
    return built


def _missing_at(builder: _Builder, rule: YMap) -> str:
    """A rule's `missing-at`: where a finding of something missing points (`MISSING_AT`), or the
    id of a rule whose find is the place (whether the pack has it is `_check_missing_at`'s)."""
    place = builder.string(rule.entries["missing-at"], "'missing-at'", rule.mark)
    if place not in MISSING_AT and "/" not in place:
        choices = ", ".join(MISSING_AT)
        raise builder.fail(
            f"'missing-at' must be {choices} or the id of a rule of the pack, got '{place}'", rule.entries["missing-at"].mark, closest(place, MISSING_AT)
        )
    return place


def _check_missing_at(builder: _Builder, rules: Sequence[Rule]) -> None:
    """Refuse a `missing-at` that names a rule the pack (with what it inherits) does not have:
    the finding would never find its place."""
    ids = {rule.id for rule in rules}
    for rule in rules:
        if rule.missing_at is not None and rule.missing_at not in MISSING_AT and rule.missing_at not in ids:
            builder.rule = rule.id
            mark = Mark(rule.origin, rule.line, 1)
            builder.errors.append(
                builder.fail(f"'missing-at' names rule '{rule.missing_at}', which the pack does not have", mark, _suggest(rule.missing_at, ids))
            )


def _check_placeholders(builder: _Builder, node: YMap, rule: Rule) -> None:
    """Refuse a `{…}` in the rule's message or help that is not a value a finding of this rule
    can have: `{detail}`, `{evidence}`, `{rule}`, `{meta.KEY}`, or a value its check or `when`
    captures (`{name}` of a byline check, a named group of a text pattern). Format-string syntax
    (`{0}`, `{name.__class__}`, `{x[0]}`, `{x!r}`, `{x:>9}`) is no placeholder and is refused too:
    it would print as written."""
    known: frozenset[str] | None = None
    problems: list[PackError] = []
    for key, text in (("message", rule.message), ("instead-message", rule.instead_message or ""), ("help", rule.help)):
        written = node.entries.get(key)
        if isinstance(written, YScalar) and isinstance(written.value, str):
            text = written.value
        for match in BRACED().finditer(text):
            braced, inner = match.group(0), match.group(1)
            named = PLACEHOLDER().fullmatch(braced) is not None
            if named and (inner in FINDING_VALUES or inner.startswith("meta.") or (key == "instead-message" and inner in INSTEAD_VALUES)):
                continue
            if known is None:
                known = frozenset({*FINDING_VALUES, *check_captures(rule.check), *(check_captures(rule.when) if rule.when is not None else ())})
            if named and inner in known:
                continue
            listed = ", ".join(f"{{{name}}}" for name in sorted(known)) + ", {meta.KEY}"
            where = _position_in_file(written, match.start(), written.mark) if written is not None else node.mark
            if named:
                close = nearest(inner, sorted(known))
                guess = f"did you mean '{{{close}}}'? " if close else ""
                problems.append(builder.fail(f"unknown placeholder '{braced}' in {key}", where, f"{guess}this rule's placeholders: {listed}"))
            else:
                problems.append(
                    builder.fail(
                        f"'{shorten(braced, 40)}' in {key} is not a placeholder: a placeholder is a name in braces,"
                        " without attributes, indexes, conversions or formats",
                        where,
                        f"this rule's placeholders: {listed}",
                    )
                )
    if problems:
        raise combine(problems)


def _fix(builder: _Builder, node: YNode, mark: Mark) -> FixTemplate:
    """A rule's `fix:` — `insert` (before/after, or replace: `where` is then a check), `where` (a place or a check), `template` (one
    text for every syntax, or html/markdown/text), `values` (the fix's own values)."""
    fix = builder.mapping(node, "'fix'", mark)
    builder.keys(fix, _FIX_KEYS, ("insert", "where", "template"), "'fix'")
    insert = builder.string(fix.entries["insert"], "'insert' of 'fix'", fix.mark)
    if insert not in INSERTS:
        raise builder.fail(f"'insert' of 'fix' must be one of {', '.join(INSERTS)}, got '{insert}'", fix.entries["insert"].mark, closest(insert, INSERTS))
    where_node = fix.entries["where"]
    where: str | Check
    if isinstance(where_node, YMap):
        where = builder.check(where_node, fix.key_mark("where"))
    elif insert == REPLACE:
        # A place names where a block goes, not a line of the page's to put it in place of.
        raise builder.fail("'where' of a fix that replaces must be a check, whose first match is the line replaced", where_node.mark)
    else:
        where = builder.string(where_node, "'where' of 'fix'", fix.mark)
        if where not in PLACES:
            raise builder.fail(f"'where' of 'fix' must be one of {', '.join(PLACES)} or a check, got '{where}'", where_node.mark, closest(where, PLACES))
    values: list[ValueSource] = []
    if "values" in fix.entries:
        value_map = builder.mapping(fix.entries["values"], "'values' of 'fix'", fix.key_mark("values"))
        for name in value_map:
            if name in BUILT_IN_VALUES or not re.match(r"^[a-z][a-z0-9-]*$", name):
                raise builder.fail(
                    f"value name '{name}' must be lower-case words joined by hyphens, other than {', '.join(BUILT_IN_VALUES)}", value_map.key_mark(name)
                )
            source = builder.mapping(value_map.entries[name], f"value '{name}'", value_map.key_mark(name))
            builder.keys(source, _VALUE_SOURCE_KEYS, (), f"value '{name}'")
            if not source.entries:
                raise builder.fail(f"value '{name}' needs 'original-image', 'original-url', 'meta' or 'page-text'", source.mark)
            patterns = {
                key: builder.regex(
                    builder.string(source.entries[key], f"'{key}' of value '{name}'", source.mark),
                    source.entries[key].mark,
                    ignore_case=True,
                    written=source.entries[key],
                )
                for key in ("original-image", "original-url", "page-text")
                if key in source.entries
            }
            meta = builder.string(source.entries["meta"], f"'meta' of value '{name}'", source.mark) if "meta" in source.entries else None
            values.append(ValueSource(name, patterns.get("original-image"), patterns.get("original-url"), meta, patterns.get("page-text")))
    templates = _fix_templates(builder, fix.entries["template"], fix.key_mark("template"))
    known = {*BUILT_IN_VALUES, *(v.name for v in values)}
    # One text for every syntax is checked as written (its HTML form is escaped).
    single = not isinstance(fix.entries["template"], YMap)
    for syntax, template in sorted(templates, key=lambda entry: single and entry[0] == "html"):
        named = "the template of 'fix'" if single else f"the {syntax} template of 'fix'"
        for match in BRACED().finditer(template):
            if FIX_PLACEHOLDER().fullmatch(match.group(0)) is None:
                raise builder.fail(
                    f"'{shorten(match.group(0), 40)}' in {named} is not a placeholder:"
                    " a placeholder is a name in braces, without attributes, indexes, conversions or formats",
                    fix.entries["template"].mark,
                    "the values: " + ", ".join(f"{{{name}}}" for name in sorted(known)) + ", {meta.KEY}",
                )
        for match in FIX_PLACEHOLDER().finditer(template):
            name = match.group(1)
            if name not in known and not name.startswith("meta."):
                raise builder.fail(
                    f"unknown value '{{{name}}}' in {named}",
                    fix.entries["template"].mark,
                    _suggest(name, known) if known else "declare it under 'values'",
                )
    when = builder.check(fix.entries["when"], fix.key_mark("when")) if "when" in fix.entries else None
    original_link = _original_link(builder, fix.entries["original-link"], mark) if "original-link" in fix.entries else None
    return FixTemplate(insert, where, templates, tuple(values), when, original_link)  # type: ignore[arg-type]


def _original_link(builder: _Builder, node: YNode, mark: Mark) -> Check:
    """A fix's `original-link` (a regex of the publisher's story addresses) as the `link` check
    that reads the page's own link to the original: a credit line's link (`credit: true`) or the
    head's canonical or syndication-source link that the regex matches (`original: true`: see
    `link.page_link_back`)."""
    from compliance.checks.link import LinkParams

    pattern = builder.regex(builder.string(node, "'original-link' of 'fix'", mark), node.mark, ignore_case=True, written=node)
    params = LinkParams(href=pattern, equals=None, text=None, source="a", visible="true", scope="article", min=1, max=None, credit=True, original=True)
    return Check("link", params, origin=builder.origin, line=node.mark.line)


def _fix_templates(builder: _Builder, node: YNode, mark: Mark) -> tuple[tuple[str, str], ...]:
    """One text (a paragraph in HTML, a line in text and Markdown) or a block per syntax."""
    if isinstance(node, YMap):
        builder.keys(node, TEMPLATE_KEYS, (), "'template' of 'fix'")
        if not node.entries:
            raise builder.fail("'template' of 'fix' needs at least one of html, markdown, text", node.mark)
        if "amp" in node.entries and (refused := not_on_amp(builder.string(node.entries["amp"], "the amp template", node.mark))):
            raise builder.fail(
                f"the amp template of 'fix' holds {refused!r}, which an AMP page does not take",
                node.entries["amp"].mark,
                "write AMP's component (<amp-img>, <amp-pixel>) and no !important in a style attribute",
            )
        return tuple(
            (syntax, builder.string(node.entries[syntax], f"the {syntax} template", node.mark).strip()) for syntax in TEMPLATE_KEYS if syntax in node.entries
        )
    text = builder.string(node, "'template' of 'fix'", mark).strip()
    import html

    return (("html", f"<p>{html.escape(text, quote=False)}</p>"), ("markdown", text), ("text", text))


def load_pack(text: str, origin: str, *, parents: Mapping[str, Pack] | None = None) -> Pack:
    """Parse and validate a pack's YAML text (`origin` names the file in error messages)."""
    return build_pack(parse_yaml(text, origin), origin, parents=parents)
