"""Choosing rules: `--select`, `--extend-select` and `--ignore`, on the command line and in
configuration, with ruff's semantics.

A selector is `ALL`, a pack id (`dcnf`: every rule whose id starts with `dcnf/`), a glob over rule
ids (`dcnf/*`, `*/byline`) or a rule id (`dcnf/logo`). Layers are applied farthest first
(configuration files, then the command line): a layer with `select` starts the set afresh from
it, a layer without one adjusts what the layers before it chose. Within a layer the most specific
matching selector decides (`ALL` < pack id < glob < rule id), and on a tie `ignore` wins, so
`select: [dcnf]` with `ignore: [dcnf/logo]` runs every DCNF rule but the logo, and `ignore: [dcnf]`
with `select: [dcnf/logo]` runs only the logo rule of that pack.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from compliance.errors import ConfigError, closest, config_error

ALL = "ALL"
COMMAND_LINE = "command line"


@dataclass(frozen=True, slots=True)
class SelectionLayer:
    """One source of rule choices: a configuration file or the command line."""

    origin: str
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Where each selector is written in the configuration file: (option, selector, line, column).
    positions: tuple[tuple[str, str, int, int], ...] = field(default=(), compare=False)

    def position(self, option: str, value: str) -> tuple[int | None, int | None]:
        """The line and column where `option` names `value`, when known."""
        return next(((line, column) for key, text, line, column in self.positions if key == option and text == value), (None, None))

    @property
    def empty(self) -> bool:
        """True when this layer changes nothing."""
        return self.select is None and not self.extend_select and not self.ignore


def specificity(selector: str) -> int:
    """How specific a selector is: ALL 0, a pack id 1, a glob 2, a rule id 3."""
    if selector == ALL:
        return 0
    if any(c in selector for c in "*?["):
        return 2
    return 3 if "/" in selector else 1


def matches(selector: str, rule_id: str) -> bool:
    """Whether a selector names a rule."""
    if selector == ALL:
        return True
    if any(c in selector for c in "*?["):
        return fnmatch.fnmatchcase(rule_id, selector)
    if "/" in selector:
        return selector == rule_id
    return rule_id.split("/", 1)[0] == selector


def _decide(layer: SelectionLayer, rule_id: str, before: bool) -> tuple[bool, str | None]:
    """Whether the rule runs after this layer, and the selector that decided it (None: the layer
    left it as it was, or its `select` does not name it)."""
    best, decided_by = -1, None
    enabled = before if layer.select is None else False
    for selector in (*(layer.select or ()), *layer.extend_select):
        if matches(selector, rule_id) and specificity(selector) > best:
            best, enabled, decided_by = specificity(selector), True, selector
    for selector in layer.ignore:
        if matches(selector, rule_id) and specificity(selector) >= best:
            best, enabled, decided_by = specificity(selector), False, selector
    return enabled, decided_by


def is_enabled(layers: Sequence[SelectionLayer], rule_id: str) -> bool:
    """Whether a rule runs under these layers (farthest first); with no layers, every rule runs."""
    enabled = True
    for layer in layers:
        enabled, _ = _decide(layer, rule_id, enabled)
    return enabled


def named_rules(layers: Sequence[SelectionLayer], rule_ids: Iterable[str]) -> frozenset[str]:
    """The rule ids that run because a `select` or `extend-select` names them by their id (the
    most specific selector that decides them is the rule id itself, and no later layer starts
    afresh without it): rules the user asked for by name, not through a pack, a glob or `ALL`."""
    named = {s for layer in layers for s in (*(layer.select or ()), *layer.extend_select) if specificity(s) == 3}
    found = set()
    for rule_id in named.intersection(rule_ids):
        enabled, by_name = True, False
        for layer in layers:
            enabled, decided_by = _decide(layer, rule_id, enabled)
            if decided_by is not None or layer.select is not None:
                by_name = enabled and decided_by == rule_id
        if by_name:
            found.add(rule_id)
    return frozenset(found)


def disabled_rules(layers: Sequence[SelectionLayer], rule_ids: Iterable[str]) -> frozenset[str]:
    """The rule ids that the layers turn off."""
    if all(layer.empty for layer in layers):
        return frozenset()
    return frozenset(rule_id for rule_id in rule_ids if not is_enabled(layers, rule_id))


def validate(layers: Sequence[SelectionLayer], rule_ids: Sequence[str]) -> None:
    """A ConfigError, with a "did you mean", for a selector that names no known rule or pack."""
    known = list(dict.fromkeys(rule_ids))
    packs = list(dict.fromkeys(r.split("/", 1)[0] for r in known))
    for layer in layers:
        for option, selectors in (("select", layer.select or ()), ("extend-select", layer.extend_select), ("ignore", layer.ignore)):
            for selector in selectors:
                if any(matches(selector, rule_id) for rule_id in known):
                    continue
                candidates = known if "/" in selector else [*packs, ALL]
                what = "rule" if "/" in selector and specificity(selector) == 3 else ("pack" if specificity(selector) == 1 else "selector")
                hint = closest(selector, candidates) or "run 'syndcheck rules list' to see the rule ids"
                flag = f"--{option}" if layer.origin == COMMAND_LINE else option
                path = None if layer.origin == COMMAND_LINE else layer.origin
                line, column = layer.position(option, selector)
                message = f"{flag}: unknown {what} '{selector}'" + (" (it matches no rule)" if what == "selector" else "")
                raise config_error(message, path=path, line=line, column=column, hint=hint)


def split_selectors(values: Iterable[str], option: str) -> tuple[str, ...]:
    """Selectors from repeated or comma-separated flags (`--select dcnf,common/wire-photo`).

    A value that names nothing (`--select ''`, an unset variable in a CI script) is a ConfigError:
    read as "no rules", it would turn every check off and the run green.
    """
    selectors: list[str] = []
    for value in values:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not parts:
            raise ConfigError(f"{option} '{value}' names no rule", hint="give rule ids, pack ids or globs such as 'dcnf/*' ('syndcheck rules list' shows them)")
        selectors.extend(parts)
    return tuple(selectors)


def nothing_left(layers: Sequence[SelectionLayer], known: Collection[str], off: Collection[str]) -> ConfigError | None:
    """The error for a selection that turns every rule off (`--ignore ALL`, `select: []`), which
    would check nothing and pass every article; None when some rule still runs."""
    if not known or len(off) < len(known):
        return None
    chosen = [layer for layer in layers if not layer.empty]
    last = chosen[-1] if chosen else None
    where = None if last is None or last.origin == COMMAND_LINE else last.origin
    flags = "--select/--ignore" if where is None else "select/ignore"
    line = column = None
    if last is not None and where is not None:
        # The file's `ignore` when it names anything (it is what turned the rest off), else its `select`.
        line, column = last.position("ignore" if last.ignore else "select", "")
    return config_error(
        f"{flags} leave no rule to run", path=where, line=line, column=column, hint="select at least one rule, pack or glob ('syndcheck rules list' shows them)"
    )
