"""Project configuration: its shape, validation with file:line, and the precedence merge.

A configuration file is `.syndcheck.yaml` (or `[tool.syndcheck]` in pyproject.toml). Files are
found by walking up from each checked article (that is `loading`'s job); here they are merged,
farthest first, so nearer files override farther ones, and the command line overrides all.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from compliance.errors import ConfigError, choice_hint, closest, config_error
from compliance.findings import SEVERITY_LABELS, Severity
from compliance.ignores import git_pattern, pattern_problem
from compliance.selection import SelectionLayer

if TYPE_CHECKING:
    from compliance.yamlsource import Mark, YMap, YNode

CONFIG_NAMES = (".syndcheck.yaml", ".syndcheck.yml")
_KEYS = ("root", "packs", "rules", "fail-on", "inline-suppressions", "select", "extend-select", "ignore", "include", "exclude", "severity", "overrides")
_OVERRIDE_KEYS = ("files", "packs", "fail-on", "severity")


@dataclass(frozen=True, slots=True)
class Override:
    """Settings that apply to files matching globs (relative to the config file's directory)."""

    files: tuple[str, ...]
    packs: tuple[str, ...] | None
    fail_on: Severity | None
    severity: tuple[tuple[str, Severity | None], ...]
    origin: str
    # Where each of its `packs` and `severity` values is written: (key, value, line, column).
    positions: tuple[tuple[str, str, int, int], ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ConfigLayer:
    """One configuration file, validated."""

    origin: str
    base_dir: str
    root: bool = False
    packs: tuple[str, ...] | None = None
    rules: tuple[str, ...] = ()
    fail_on: Severity | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity | None], ...] = ()
    overrides: tuple[Override, ...] = ()
    selection: SelectionLayer | None = None
    inline_suppressions: bool | None = None
    # Where each value is written: (key, value, line, column), for errors found after loading
    # (an unknown pack id, a rule id no pack has, a missing rules path).
    positions: tuple[tuple[str, str, int, int], ...] = field(default=(), compare=False)

    def position(self, key: str, value: str, origin: str | None = None) -> tuple[int | None, int | None]:
        """The line and column where `key` names `value`, when known: in the file's own settings,
        or in the override whose origin (`file:line`, as `Settings.sources` names it) is `origin`."""
        positions = self.positions
        if origin is not None and origin != self.origin:
            positions = next((override.positions for override in self.overrides if override.origin == origin), ())
        return next(((line, column) for name, text, line, column in positions if name == key and text == value), (None, None))


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective settings for one article, with where each value came from."""

    packs: tuple[str, ...] | None = None
    rules: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    severity: Mapping[str, Severity | None] = field(default_factory=dict)
    # (folder the glob is relative to, glob, `file:line` where it is written) of each file's globs.
    include: tuple[tuple[str, str, str], ...] = ()
    exclude: tuple[tuple[str, str, str], ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)
    # `select` / `extend-select` / `ignore` of each configuration file, farthest first.
    selection: tuple[SelectionLayer, ...] = ()
    # `packs` limits and `fail-on` raises the configuration files made (see `RuleAdjustment`).
    relaxed: tuple[RuleAdjustment, ...] = ()
    # Whether `syndcheck-disable` comments in articles are obeyed: once a file says false, a nearer
    # one (perhaps in the article's own folder) cannot turn them back on.
    inline_suppressions: bool = True


class RuleAdjustment(NamedTuple):
    """A way a configuration file weakened the checks in a run, with the file that did it, so a
    reviewer sees it: a rule turned off or given a lower severity (`setting` is `severity`, or
    `select` for select/ignore), the packs limited (`packs`), a built-in pack replaced by one of
    the same id (`rules`; `--rules` for a pack given on the command line, whose origin is the pack
    file), the failing threshold raised (`fail-on`), or files a directory walk
    left out (`exclude`, or `include` for files outside its globs)."""

    # The rule id; for `packs` the packs kept, for `rules` the pack id, for `fail-on` "", for
    # `exclude` and `include` the globs.
    rule: str
    severity: Severity | None  # None: off (for `fail-on`, the new threshold)
    origin: str  # the configuration file (and line, for an override)
    setting: str = "severity"
    change: str = ""  # what the file did, for the settings other than a rule's severity

    @property
    def file(self) -> str:
        """The configuration file without the line an override is at."""
        return _file_of(self.origin)

    @property
    def line(self) -> int:
        """The line of an override in the configuration file (1 for the file as a whole)."""
        head, sep, tail = self.origin.rpartition(":")
        return int(tail) if sep and tail.isdigit() and head else 1

    def describe(self) -> str:
        """`dcnf/logo turned off by news/.syndcheck.yaml`, `packs limited to common by … (…)`."""
        if self.setting == "rules":
            return f"{self.change} (named under 'rules' in {self.origin})"
        if self.setting == "--rules":
            return f"{self.change} (given with --rules)"
        if self.setting in ("include", "exclude", "--exclude", ".gitignore"):
            return self.change
        if self.change:
            head, _, why = self.change.partition(" (")
            return f"{head} by {self.origin}" + (f" ({why}" if why else "")
        change = "turned off" if self.severity is None else f"lowered to {self.severity.label}"
        return f"{self.rule} {change} by {self.origin}"

    def as_dict(self) -> dict[str, str]:
        """The JSON form: setting, rule (or packs, pack id), severity (`off` or a label, for a
        rule or the threshold), file, and the change in words."""
        shown = {"setting": self.setting, "rule": self.rule}
        if self.setting in ("severity", "select", "fail-on"):
            shown["severity"] = self.severity.label if self.severity else "off"
        return {**shown, "file": self.origin, "change": self.describe()}


def _file_of(origin: str) -> str:
    """`news/.syndcheck.yaml` of `news/.syndcheck.yaml:4` (an origin with or without its line)."""
    head, sep, tail = origin.rpartition(":")
    return head if sep and tail.isdigit() else origin


def _fail(what: str, mark: Mark, hint: str | None = None) -> ConfigError:
    return config_error(what, path=mark.origin, line=mark.line, column=mark.column, hint=hint)


# What each key of strings holds, and how to write it: a number or a mapping where these are
# expected is most often a glob or a name that YAML read as something else.
_GLOBS_QUOTED = "quote each glob ('**/*.html'): unquoted, a leading * begins a YAML alias"
_EXPECTED_STRINGS: dict[str, tuple[str, str]] = {
    "packs": ("a pack id or a list of them", "write packs: [dcnf]; 'syndcheck packs' lists the ids"),
    "rules": ("a pack file or folder, or a list of them", "write rules: [house-rules]; globs are not read here: name the folder that holds the packs"),
    "include": ("a glob or a list of globs", f"write include: ['articles/**']; {_GLOBS_QUOTED}"),
    "exclude": ("a glob or a list of globs", f"write exclude: ['articles/drafts/**']; {_GLOBS_QUOTED}"),
    "files": ("a glob or a list of globs", f"write files: ['opinion/**']; {_GLOBS_QUOTED}"),
    **{
        key: ("a rule id, pack id or glob, or a list of them", f"write {key}: [{example}]; {_GLOBS_QUOTED}")
        for key, example in (("select", "dcnf"), ("extend-select", "'common/*'"), ("ignore", "texas-tribune/boilerplate"))
    },
}


def _kind_of(node: YNode) -> str:
    """What a YAML value that should have been a string is, in words ("a number", "a mapping")."""
    from compliance.yamlsource import YScalar, YSeq

    if isinstance(node, YSeq):
        return "a list inside the list"
    if not isinstance(node, YScalar):
        return "a mapping"
    value = node.value
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return "an empty string"
    return f"a {type(value).__name__}"


def _strings(
    node: YNode, what: str, positions: list[tuple[str, str, int, int]] | None = None, *, empty: str | None = None, globs: bool = False
) -> tuple[str, ...]:
    """A string or a list of strings; `empty`, when given, is the hint of the error for an empty
    list (`packs: []` would otherwise read as "no limit" to one reader and "nothing" to another);
    with `globs`, each must be a pattern git reads (`glob_match`), else the error is at it."""
    from compliance.yamlsource import YScalar, YSeq  # imported only when a configuration is read

    items = node.items if isinstance(node, YSeq) else (node,)
    if not items and empty is not None:
        raise _fail(f"{what} is an empty list", node.mark, empty)
    values = []
    for item in items:
        if not isinstance(item, YScalar) or not isinstance(item.value, str) or not item.value.strip():
            expected, hint = _EXPECTED_STRINGS.get(what.strip("'"), ("a string or a list of strings", "quote globs such as '**/*.html'"))
            raise _fail(f"{what} must be {expected}, not {_kind_of(item)}", item.mark, hint)
        values.append(item.value.strip())
        if globs and (problem := pattern_problem(item.value.strip())) is not None:
            raise _fail(f"{what}: {problem}", item.mark, "write it as a .gitignore line, such as 'drafts/' or '**/*.txt'")
        if positions is not None:
            positions.append((what.strip("'"), item.value.strip(), item.mark.line, item.mark.column))
    return tuple(values)


def _severity(node: YNode, what: str) -> Severity:
    from compliance.yamlsource import YScalar, shown_value  # imported only when a configuration is read

    if not isinstance(node, YScalar) or not isinstance(node.value, str) or node.value.lower() not in SEVERITY_LABELS:
        shown = shown_value(node)
        raise _fail(f"{what} must be one of {', '.join(SEVERITY_LABELS)}, got {shown}", node.mark, closest(shown.strip("'"), SEVERITY_LABELS))
    return Severity.from_label(str(node.value).lower())


def _severity_map(node: YNode, positions: list[tuple[str, str, int, int]] | None = None) -> tuple[tuple[str, Severity | None], ...]:
    from compliance.yamlsource import YMap, YScalar, shown_value  # imported only when a configuration is read

    if not isinstance(node, YMap):
        raise _fail("'severity' must map rule ids to error, warning, info or off", node.mark)
    result: list[tuple[str, Severity | None]] = []
    for rule in node:
        value = node.entries[rule]
        if positions is not None:
            mark = node.key_mark(rule)
            positions.append(("severity", rule, mark.line, mark.column))
        if "/" not in rule:
            raise _fail(f"'{rule}' is not a rule id (pack/rule)", node.key_mark(rule))
        # `off` is read by YAML 1.1 as the boolean false.
        if isinstance(value, YScalar) and (value.value is False or str(value.value).lower() == "off"):
            result.append((rule, None))
        elif not isinstance(value, YScalar) or not isinstance(value.value, str) or value.value.lower() not in SEVERITY_LABELS:
            shown = shown_value(value)
            allowed = (*SEVERITY_LABELS, "off")
            raise _fail(f"severity of {rule} must be one of {', '.join(allowed)}, got {shown}", value.mark, closest(shown.strip("'"), allowed))
        else:
            result.append((rule, _severity(value, f"severity of {rule}")))
    return tuple(result)


def _check_keys(node: YMap, allowed: Sequence[str], what: str) -> None:
    for key in node:
        if key not in allowed:
            raise _fail(f"unknown key '{key}' in {what}", node.key_mark(key), choice_hint(key, allowed))


def build_layer(root: YNode | None, origin: str, base_dir: str) -> ConfigLayer:
    """Validate one configuration file's YAML (or TOML table converted to nodes)."""
    from compliance.yamlsource import YMap, YScalar, YSeq  # imported only when a configuration is read

    if root is None:
        return ConfigLayer(origin, base_dir)
    if not isinstance(root, YMap):
        raise _fail("a configuration must be a mapping (key: value lines)", root.mark)
    _check_keys(root, _KEYS, "the configuration")
    values: dict[str, Any] = {}
    positions: list[tuple[str, str, int, int]] = []
    if "root" in root.entries:
        node = root.entries["root"]
        if not isinstance(node, YScalar) or not isinstance(node.value, bool):
            raise _fail("'root' must be true or false", node.mark)
        values["root"] = node.value
    if "packs" in root.entries:
        values["packs"] = _strings(root.entries["packs"], "'packs'", positions, empty=_NO_PACKS)
    if "rules" in root.entries:
        written = _strings(root.entries["rules"], "'rules'")
        values["rules"] = tuple(posixpath.normpath(posixpath.join(base_dir, p)) for p in written)
        marks = root.entries["rules"].items if isinstance(root.entries["rules"], YSeq) else (root.entries["rules"],)
        positions += [("rules", path, item.mark.line, item.mark.column) for path, item in zip(values["rules"], marks, strict=True)]
    if "fail-on" in root.entries:
        values["fail_on"] = _severity(root.entries["fail-on"], "'fail-on'")
    if "inline-suppressions" in root.entries:
        node = root.entries["inline-suppressions"]
        if not isinstance(node, YScalar) or not isinstance(node.value, bool):
            raise _fail("'inline-suppressions' must be true or false", node.mark, "false: syndcheck-disable comments in articles are not obeyed")
        values["inline_suppressions"] = node.value
    for key in ("include", "exclude"):
        if key in root.entries:
            values[key] = _strings(
                root.entries[key], f"'{key}'", positions, empty="give globs such as '**/*.html', or remove it" if key == "include" else None, globs=True
            )
    if "severity" in root.entries:
        values["severity"] = _severity_map(root.entries["severity"], positions)
    if any(key in root.entries for key in ("select", "extend-select", "ignore")):
        values["selection"] = SelectionLayer(
            origin,
            select=_strings(root.entries["select"], "'select'", positions) if "select" in root.entries else None,
            extend_select=_strings(root.entries["extend-select"], "'extend-select'", positions) if "extend-select" in root.entries else (),
            ignore=_strings(root.entries["ignore"], "'ignore'", positions) if "ignore" in root.entries else (),
            # Each option's own key too (selector ""), to point at a `select: []` that names nothing.
            positions=(
                *(p for p in positions if p[0] in ("select", "extend-select", "ignore")),
                *((key, "", root.key_mark(key).line, root.key_mark(key).column) for key in ("select", "extend-select", "ignore") if key in root.entries),
            ),
        )
    if "overrides" in root.entries:
        node = root.entries["overrides"]
        if not isinstance(node, YSeq):
            raise _fail("'overrides' must be a list", node.mark)
        overrides = []
        for item in node.items:
            if not isinstance(item, YMap):
                raise _fail("each override must be a mapping with 'files'", item.mark)
            _check_keys(item, _OVERRIDE_KEYS, "an override")
            if "files" not in item.entries:
                raise _fail("an override needs 'files' (globs)", item.mark)
            at: list[tuple[str, str, int, int]] = []
            overrides.append(
                Override(
                    files=_strings(item.entries["files"], "'files'", empty="give the globs of the files it is for, such as 'opinion/**'", globs=True),
                    packs=_strings(item.entries["packs"], "'packs'", at, empty=_NO_PACKS) if "packs" in item.entries else None,
                    fail_on=_severity(item.entries["fail-on"], "'fail-on'") if "fail-on" in item.entries else None,
                    severity=_severity_map(item.entries["severity"], at) if "severity" in item.entries else (),
                    origin=f"{origin}:{item.mark.line}",
                    positions=tuple(at),
                )
            )
        values["overrides"] = tuple(overrides)
    return ConfigLayer(origin, base_dir, **values, positions=tuple(positions))


_NO_PACKS = "name the packs to use ('syndcheck packs' lists them), or remove 'packs' to detect them"


def glob_match(path: str, pattern: str) -> bool:
    """Whether `path` (POSIX, relative to the configuration file's folder) matches `pattern` as
    git reads a `.gitignore` line, and so as `--exclude` does (`compliance.ignores`): `**` spans
    folders, a pattern without a `/` but at its end matches a file's or a folder's name at any
    depth, and one ending in `/` (`drafts/`) a folder, which takes everything in it."""
    return git_pattern(pattern).match_file(path.removeprefix("./"))


def _relative(path: str, base_dir: str) -> str | None:
    relative = posixpath.relpath(path, base_dir)
    return None if relative.startswith("..") else relative


def resolve(layers: Sequence[ConfigLayer], path: str) -> Settings:
    """The settings for one article (an absolute POSIX path): layers farthest first, nearest wins."""
    packs: tuple[str, ...] | None = None
    rules: list[str] = []
    fail_on = Severity.ERROR
    severity: dict[str, Severity | None] = {}
    include: list[tuple[str, str, str]] = []
    exclude: list[tuple[str, str, str]] = []
    sources: dict[str, str] = {}
    selection: list[SelectionLayer] = []
    relaxed: dict[str, RuleAdjustment] = {}
    inline_suppressions = True

    def set_packs(chosen: tuple[str, ...], origin: str) -> None:
        nonlocal packs
        packs, sources["packs"] = chosen, origin
        change = f"packs limited to {', '.join(chosen)} (other publishers' packs are not detected)"
        relaxed["packs"] = RuleAdjustment(",".join(chosen), None, origin, "packs", change)

    def set_fail_on(level: Severity, origin: str) -> None:
        nonlocal fail_on
        if level > fail_on:  # a nearer file lets findings pass that a farther one failed on
            was = f"{fail_on.label} from {sources['fail-on']}" if "fail-on" in sources else fail_on.label
            relaxed["fail-on"] = RuleAdjustment("", level, origin, "fail-on", f"fail-on raised to {level.label} (was {was})")
        elif level < fail_on:
            relaxed.pop("fail-on", None)
        fail_on, sources["fail-on"] = level, origin

    for layer in layers:
        if layer.selection is not None:
            selection.append(layer.selection)
            sources["select"] = layer.origin
        if layer.packs is not None:
            set_packs(layer.packs, layer.origin)
        if layer.rules:
            rules.extend(layer.rules)
            sources["rules"] = layer.origin
        if layer.fail_on is not None:
            set_fail_on(layer.fail_on, layer.origin)
        if layer.inline_suppressions is False and inline_suppressions:
            inline_suppressions, sources["inline-suppressions"] = False, layer.origin
        for rule, level in layer.severity:
            severity[rule] = level
            sources[f"severity.{rule}"] = layer.origin
        include.extend((layer.base_dir, glob, _written_at(layer, "include", glob)) for glob in layer.include)
        exclude.extend((layer.base_dir, glob, _written_at(layer, "exclude", glob)) for glob in layer.exclude)
        relative = _relative(path, layer.base_dir)
        for override in layer.overrides:
            if relative is None or not any(glob_match(relative, glob) for glob in override.files):
                continue
            if override.packs is not None:
                set_packs(override.packs, override.origin)
            if override.fail_on is not None:
                set_fail_on(override.fail_on, override.origin)
            for rule, level in override.severity:
                severity[rule] = level
                sources[f"severity.{rule}"] = override.origin
    return Settings(
        packs,
        tuple(dict.fromkeys(rules)),
        fail_on,
        severity,
        tuple(include),
        tuple(exclude),
        sources,
        tuple(selection),
        tuple(relaxed.values()),
        inline_suppressions,
    )


def _written_at(layer: ConfigLayer, key: str, glob: str) -> str:
    """`news/.syndcheck.yaml:5`: where a configuration file writes one of its globs."""
    line, _column = layer.position(key, glob)
    return layer.origin if line is None else f"{layer.origin}:{line}"


def left_out_change(setting: str, globs: str, origin: str, files: Sequence[str]) -> RuleAdjustment:
    """The listing of the files a directory walk left out under one file's `exclude` glob (or
    outside its `include` globs): `news/story.html not checked: exclude 'story.html' in
    news/.syndcheck.yaml:3`; past three files, their number and the first three."""
    named = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    what = named if len(files) == 1 else f"{len(files)} files ({named})"
    if setting == ".gitignore":
        # A file named on the command line, left out with --force-exclude.
        return RuleAdjustment(globs, None, origin, setting, f"{what} not checked: .gitignore pattern '{globs}' in {origin} (check it with --no-gitignore)")
    if setting == "--exclude":
        return RuleAdjustment(globs, None, origin, setting, f"{what} not checked: --exclude '{globs}' (named files are left out too with --force-exclude)")
    why = f"exclude '{globs}'" if setting == "exclude" else f"outside include '{globs}'"
    return RuleAdjustment(globs, None, origin, setting, f"{what} not checked: {why} in {origin}")


def left_out_by(settings: Settings, path: str) -> tuple[str, str, str] | None:
    """Why a file met in a directory walk is not checked, or None when it is: (`exclude`, the
    glob, where it is written) for the first exclude glob it matches; (`include`, the globs,
    where the nearest are written) when include globs are given and it matches none."""

    def matching(globs: tuple[tuple[str, str, str], ...]) -> tuple[str, str] | None:
        for base, glob, origin in globs:
            relative = _relative(path, base)
            if relative is not None and glob_match(relative, glob):
                return glob, origin
        return None

    if settings.include and matching(settings.include) is None:
        nearest = settings.include[-1][2]
        globs = [glob for _, glob, origin in settings.include if _file_of(origin) == _file_of(nearest)]
        return "include", ", ".join(globs), nearest
    found = matching(settings.exclude)
    return None if found is None else ("exclude", *found)


def _glob_lines(key: str, globs: Sequence[tuple[str, str, str]]) -> list[str]:
    """`exclude: drafts/**, old/**  [news/.syndcheck.yaml:2]`: one line per file that wrote globs
    (a glob is relative to its file's folder, so the file is part of its meaning)."""
    by_file: dict[str, list[tuple[str, str]]] = {}
    for _folder, glob, origin in globs:
        by_file.setdefault(_file_of(origin), []).append((glob, origin))
    return [f"{key}: {', '.join(glob for glob, _ in written)}  [{written[0][1]}]" for written in by_file.values()]


def describe(settings: Settings, layers: Sequence[ConfigLayer]) -> str:
    """`syndcheck config show`: each effective value and the file (and line) it came from.

    Paths and values come from configuration files and directory names: each line is shown safely.
    """
    from compliance.display import visible

    lines = ["configuration files (farthest first):"]
    lines += [f"  {layer.origin}" + ("  (root)" if layer.root else "") for layer in layers] or ["  (none: defaults)"]
    default = "default"
    lines.append(f"packs: {', '.join(settings.packs) if settings.packs else 'auto-detection'}  [{settings.sources.get('packs', default)}]")
    lines.append(f"rules: {', '.join(settings.rules) if settings.rules else '(built-in packs only)'}  [{settings.sources.get('rules', default)}]")
    lines.append(f"fail-on: {settings.fail_on.label}  [{settings.sources.get('fail-on', default)}]")
    if not settings.inline_suppressions:
        lines.append(f"inline-suppressions: false  [{settings.sources['inline-suppressions']}]")
    lines += _glob_lines("include", settings.include) + _glob_lines("exclude", settings.exclude)
    for layer in settings.selection:
        parts = [f"select {', '.join(layer.select)}"] if layer.select is not None else []
        parts += [f"extend-select {', '.join(layer.extend_select)}"] if layer.extend_select else []
        parts += [f"ignore {', '.join(layer.ignore)}"] if layer.ignore else []
        lines.append(f"rules chosen: {'; '.join(parts)}  [{layer.origin}]")
    for rule, level in sorted(settings.severity.items()):
        lines.append(f"severity {rule}: {level.label if level else 'off'}  [{settings.sources.get(f'severity.{rule}', default)}]")
    return "".join(visible(line) + "\n" for line in lines)
