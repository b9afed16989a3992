"""Running a check over many inputs: per-file configuration, pack loading, one report per file.

This is the edge between the command line and the pure core: it reads files and configuration,
but never prints or exits; what went wrong with a file is returned with its report so the CLI can
say it, and one failing file never stops the others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

from compliance.advice import COMMAND_LINE_ADVICE, Advice
from compliance.config import ConfigLayer, RuleAdjustment, Settings, left_out_by, left_out_change, resolve
from compliance.configfiles import ConfigFinder, read_baseline, read_config
from compliance.document import DocumentKind
from compliance.engine import EMPTY_NOTE, NOT_AN_ARTICLE, REPORT_NOTE, CheckSettings, check_with
from compliance.errors import CheckError, ConfigError, InputError, Terminated, UserError, closest, config_error
from compliance.exitcodes import BUG, FINDINGS, OK, USER_ERROR
from compliance.findings import Notice, Report, Severity
from compliance.fixtemplates import check_metadata
from compliance.inputs import (
    DEFAULT_MAX_BYTES,
    LEAVE_OUT,
    RAISE_MAX_BYTES,
    STDIN,
    NotRegular,
    Skipped,
    Source,
    TooLarge,
    expand_paths,
    file_key,
    open_source,
    plainly_named,
    read_fixture,
    read_ignore_file,
    read_sidecar_meta,
    read_source,
    reopen_stdin,
    special_file,
    stdin_kind,
)
from compliance.metavalues import given_key, given_value, merged_meta
from compliance.outputs import check_output_targets, private_folder, refuse_overwrite, remove_private_folder, stdin_file, take_private, write_private
from compliance.packfiles import load_packs, pack_files_in, replacing_builtin, select_packs
from compliance.packs import Pack
from compliance.selection import COMMAND_LINE, SelectionLayer
from compliance.text import counted
from compliance.urls import is_http_url

if TYPE_CHECKING:
    from compliance.baseline import BaselineFilter
    from compliance.cms import CmsArticle
    from compliance.document import Document
    from compliance.fetchguard import FetchGuard
    from compliance.fixes import FixPlan
    from compliance.originals import OriginalReader
    from compliance.ruletest import Expectations


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What the command line asked for; `None` means "as configured, or the default"."""

    packs: tuple[str, ...] | None = None
    rules: tuple[Path, ...] = ()
    fail_on: Severity | None = None
    kind: DocumentKind | Literal["cms-json"] | None = None
    stdin_name: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    meta: Mapping[str, str] = field(default_factory=dict)
    config: Path | None = None
    require_pack: bool = False
    baseline: Path | None = None
    timing: bool = False
    allow_fetch: bool = False
    # The addresses a fetch may connect to (the server's); None: any.
    fetch_guard: FetchGuard | None = None
    # Rule choice (ruff's semantics, see `compliance.selection`); None: as configured.
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Directory walks: git-style globs to leave out, and whether .gitignore files count.
    exclude: tuple[str, ...] = ()
    gitignore: bool = True
    # `--force-exclude`: files named on the command line are left out by the same globs and
    # .gitignore files as files found in a walk (a pre-commit hook names every staged file).
    force_exclude: bool = False
    # `--pass-with-nothing-checked`: a run whose documents were all skipped or left out is not
    # an error (exit 0, not 2); nothing named at all, or exclusions leaving nothing, is fine too.
    pass_with_nothing_checked: bool = False
    # Files the run will write (reports): refused when one of them is an input.
    outputs: tuple[Path, ...] = ()
    # False (`--no-inline-suppressions`): syndcheck-disable comments in articles are not obeyed.
    inline_suppressions: bool = True
    # Seconds one document's check may take (`--time-limit`); 0: no limit. With a limit every
    # document is checked in a worker process, which is stopped when its document runs over.
    time_limit: float = 0.0
    # The day the documents are checked on (a notice that holds until a date is compared with it);
    # None: the clock's, read once when the run starts.
    today: datetime.date | None = None
    # `--original -`: the original story read from stdin, compared with every article (whose
    # `original` metadata is then its name, `HeldOriginal.name`).
    held_original: HeldOriginal | None = None


@dataclass(frozen=True, slots=True)
class HeldOriginal:
    """An original story held in memory (a file uploaded on the editor's page): its bytes, its
    kind, and the name a report calls it by (only a label, never a path)."""

    data: bytes
    kind: DocumentKind
    name: str


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's report, whether it fails the run, and what to tell the user about it."""

    report: Report
    failing: bool = False
    failure: str = ""  # "", "input" (exit 2) or "bug" (exit 3)
    messages: tuple[str, ...] = ()
    cause: BaseException | None = None
    threshold: Severity = Severity.ERROR
    # The original stories the document named (absolute paths): inputs too, never to be written.
    originals: tuple[str, ...] = ()
    # `report` as `compliance.compact.pack` makes it, when the result came from a worker process:
    # the run keeps these bytes for the whole-run formats instead of packing the report again.
    # Whatever replaces `report` must drop them.
    packed: bytes = b""

    def __reduce__(self) -> tuple[Callable[..., FileResult], tuple[object, ...]]:
        """Results cross between processes with their report packed (a tenth of its size as
        objects), and arrive holding both the report and its packed bytes."""
        from compliance.compact import pack

        packed = self.packed or pack(self.report)
        return _arrived, (packed, self.failing, self.failure, self.messages, self.cause, self.threshold, self.originals)


def _arrived(
    packed: bytes, failing: bool, failure: str, messages: tuple[str, ...], cause: BaseException | None, threshold: Severity, originals: tuple[str, ...]
) -> FileResult:
    from compliance.compact import unpack

    return FileResult(unpack(packed), failing, failure, messages, cause, threshold, originals, packed)


class Plan(NamedTuple):
    """How one document is checked: its settings, the packs to apply, whether to detect them."""

    settings: Settings
    packs: tuple[Pack, ...]
    auto_detect: bool
    known_rules: frozenset[str] = frozenset()  # rule ids a suppression comment may name
    asked_for: frozenset[str] = frozenset()  # rule ids select names one by one (`selection.named_rules`)


class Runner:
    """Checks sources with the settings that apply to each.

    Every document, whether a file, a CMS payload or a rule-test fixture, goes through `_isolated`
    and `_check`: the same isolation (one bad document never stops a batch), timing and notices.
    """

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        # One reading of the clock for the whole run: every document is checked on the same day.
        # With the zone it was read in, when no day was given: a notice read in its publisher's
        # zone (`until-date`'s `utc-offset`) compares with that zone's day, and says so.
        self.read_at = None if options.today else datetime.datetime.now().astimezone()
        self.today = options.today if self.read_at is None else self.read_at.date()
        self._finder = ConfigFinder()
        self._fixed: tuple[ConfigLayer, ...] | None = (read_config(options.config),) if options.config else None
        self._packs: dict[tuple[str, ...], list[Pack]] = {}
        self._choices: dict[tuple[int, tuple[SelectionLayer, ...]], tuple[frozenset[str], frozenset[str]]] = {}
        command_line = SelectionLayer(COMMAND_LINE, options.select, options.extend_select, options.ignore)
        self._command_line = () if command_line.empty else (command_line,)
        self._validated: set[tuple[object, ...]] = set()
        self._noted: set[tuple[object, ...]] = set()
        # Settings and plans shared by every file whose layers have no per-file `overrides`, by
        # the identity of the layers (each with the layers, which keep that identity taken): a
        # batch resolves each file's settings several times, and most folders share them.
        self._shared_settings: dict[int, tuple[tuple[ConfigLayer, ...], Settings]] = {}
        self._shared_plans: dict[int, tuple[tuple[ConfigLayer, ...], Plan]] = {}
        self.adjustments: dict[tuple[str, Severity | None, str], RuleAdjustment] = {}
        # Files the include/exclude globs of a configuration left out of a directory walk, by
        # (setting, globs, where they are written); the files in the order met, each once.
        self._left_out: dict[tuple[str, str, str], dict[str, None]] = {}
        self.baseline: BaselineFilter | None = None
        if options.baseline:
            from compliance.baseline import BaselineFilter

            self.baseline = BaselineFilter(read_baseline(options.baseline), file=str(options.baseline))
        self._cwd = str(Path.cwd().resolve())
        # The ids of payload articles a baseline has named so far in this run (`baseline_path`).
        self._payload_ids: set[str] = set()
        self._originals: OriginalReader | None = None
        # The held original (`RunOptions.held_original`) parsed, by the outlet names it was parsed
        # knowing (a byline naming one is no reporter): once per run, not once per article.
        self._held_parsed: dict[frozenset[str], Document] = {}
        # Load the command line's packs now: a broken pack, an unknown --pack id or an unknown
        # --select id is one user error before any article, not one per file.
        available = self.packs_for(Settings())
        self.rule_choice(Settings(), available)
        if options.packs is not None:
            select_packs(available, options.packs)
        # A `--meta` address that is not an http(s) URL is the user's mistake, told before any
        # article is read, not a fix failing inside a rule.
        check_metadata(options.meta, available)

    @property
    def originals(self) -> OriginalReader:
        """The run's reader of original stories, made when a document first names one."""
        if self._originals is None:
            from compliance.originals import OriginalReader, default_cache_dir

            options = self.options
            self._originals = OriginalReader(
                allow_fetch=options.allow_fetch,
                cache_dir=default_cache_dir() if options.allow_fetch else None,
                guard=options.fetch_guard,
            )
        return self._originals

    def _original_reader(self, article: Path | None, *, urls_only: bool = False, held: Callable[[], Document] | None = None) -> Callable[[str], Document]:
        """What the engine calls with an article's `original` value (the reader is made then);
        `urls_only` when the value came from a CMS payload or a request (`urls.is_http_url`);
        `held`, the parsed held original, read for its name (`RunOptions.held_original`)."""
        held_original = self.options.held_original

        def read(value: str) -> Document:
            if held is not None and held_original is not None and value == held_original.name:
                return held()
            return self.originals.reader_for(article, urls_only=urls_only)(value)

        return read

    def _held(self, settings: CheckSettings) -> Document:
        """The held original (`RunOptions.held_original`, which must be given) parsed as these
        settings parse an article."""
        held = self.options.held_original
        assert held is not None
        outlets = settings.outlets if settings.outlets is not None else frozenset(o for pack in settings.packs for o in pack.outlets)
        parsed = self._held_parsed.get(outlets)
        if parsed is None:
            parsed = self._held_parsed[outlets] = settings.parse(held.data, held.kind)
        return parsed

    def layers_for(self, path: str) -> tuple[ConfigLayer, ...]:
        """The configuration files that apply to a file, farthest first."""
        return self._fixed if self._fixed is not None else self._finder.layers_for(path)

    def settings_for(self, path: str) -> Settings:
        """The configuration that applies to a file (the command line still wins over it)."""
        layers = self.layers_for(path)

        def settings() -> Settings:
            absolute = self._finder.real_path(path) if path != STDIN else (Path.cwd() / (self.options.stdin_name or "stdin")).as_posix()
            return resolve(layers, absolute)

        return _shared(self._shared_settings, layers, settings)

    def packs_for(self, settings: Settings) -> list[Pack]:
        """All packs available to a file: built-in, configured rule directories, --rules."""
        key = tuple(settings.rules) + tuple(str(p) for p in self.options.rules)
        if key not in self._packs:
            self._packs[key] = load_packs([Path(p) for p in settings.rules] + list(self.options.rules))
        return self._packs[key]

    def all_packs(self) -> list[Pack]:
        """Every pack loaded during the run, once each (rule metadata for SARIF and JUnit)."""
        unique: dict[str, Pack] = {}
        for packs in self._packs.values():
            for pack in packs:
                unique.setdefault(pack.id, pack)
        return sorted(unique.values(), key=lambda p: p.id)

    def adjusted_rules(self) -> list[RuleAdjustment]:
        """Rules that configuration files turned off or demoted in this run, each once, then the
        files their include/exclude globs left out of the directory walk."""
        walked = [left_out_change(setting, globs, origin, list(files)) for (setting, globs, origin), files in self._left_out.items()]
        return sorted(self.adjustments.values(), key=lambda a: (a.rule, a.origin)) + walked

    def _display(self, source: Source) -> str:
        return (self.options.stdin_name or "<stdin>") if source.path == STDIN else source.path

    def rule_choice(self, settings: Settings, available: list[Pack]) -> tuple[frozenset[str], frozenset[str]]:
        """The ids of every known rule, and those that select/ignore turn off (validated once)."""
        layers = settings.selection + self._command_line
        key = (id(available), layers)
        if key not in self._choices:
            from compliance.engine import PAGE_RULES
            from compliance.findings import SUPPRESSION_RULES
            from compliance.selection import disabled_rules, nothing_left, validate

            known = frozenset([*(r.id for p in available for r in p.rules), *SUPPRESSION_RULES, *PAGE_RULES])
            validate(layers, sorted(known))
            off = disabled_rules(layers, known)
            error = nothing_left(layers, known, off)
            if error is not None:
                raise error
            self._choices[key] = (known, off)
        return self._choices[key]

    def asked_for(self, settings: Settings, known: Collection[str]) -> frozenset[str]:
        """The rule ids the configuration's and the command line's select name one by one
        (`selection.named_rules`): a rule among them that does not apply is reported, not silent."""
        from compliance.selection import named_rules

        return named_rules(settings.selection + self._command_line, known)

    def plan(self, path: str) -> Plan:
        """A document's settings and packs; configuration mistakes are user errors (`ConfigError`,
        `PackError`): an unknown pack id, or a rule id under `severity` that no pack has."""
        layers = self.layers_for(path)
        return _shared(self._shared_plans, layers, lambda: self._plan(path, layers))

    def _plan(self, path: str, layers: tuple[ConfigLayer, ...]) -> Plan:
        settings = self.settings_for(path)
        for layer in layers:  # a configured rules path that is not there, or not a file, at its line
            for location in layer.rules:
                hint = "check the path; it is relative to the configuration file's folder"
                try:
                    kind = special_file(location)
                except OSError:
                    line, column = layer.position("rules", location)
                    what = f"'rules': no such rule pack file or directory '{location}'"
                    raise config_error(what, path=layer.origin, line=line, column=column, hint=hint) from None
                if kind is not None:
                    line, column = layer.position("rules", location)
                    what = f"'rules': '{location}' is {kind}, not a rule pack file or directory"
                    raise config_error(what, path=layer.origin, line=line, column=column, hint=hint)
                if os.path.isdir(location) and not pack_files_in(Path(location)):
                    line, column = layer.position("rules", location)
                    what = f"'rules': no rule packs (.yaml or .yml files) in the directory '{location}'"
                    raise config_error(what, path=layer.origin, line=line, column=column, hint=hint)
        available = self.packs_for(settings)
        self._validate_layers(layers, available)
        self._note_lowered(settings, available)
        known, off = self.rule_choice(settings, available)
        if off:
            self._note_deselected(settings, off)
            settings = dataclasses.replace(settings, severity={**settings.severity, **dict.fromkeys(off)})
        self._note_relaxed(settings, available)
        wanted = self.options.packs if self.options.packs is not None else settings.packs
        packs = select_packs(available, wanted) if wanted else available
        return Plan(settings, tuple(packs), not wanted, known, self.asked_for(settings, known))

    def _validate_layers(self, layers: Sequence[ConfigLayer], available: list[Pack]) -> None:
        """Every pack id under `packs` and rule id under `severity` of these configuration files,
        their overrides' too whichever files those are for, is one the packs have; else a
        ConfigError at its file:line:col. (An override for `*.md` with a mistyped rule would
        otherwise pass every run over HTML files, and stop the first run that meets Markdown.)
        Pack ids are not checked when the command line chooses the packs (`--pack`)."""
        pack_ids = [pack.id for pack in available]
        rule_ids = [rule.id for pack in available for rule in pack.rules]
        for layer in layers:
            key = (id(layer), id(available))
            if key in self._validated:
                continue
            for origin, packs, severity in ((layer.origin, layer.packs, layer.severity), *((o.origin, o.packs, o.severity) for o in layer.overrides)):
                for pack_id in () if self.options.packs is not None else packs or ():
                    if pack_id not in pack_ids:
                        line, column = layer.position("packs", pack_id, origin)
                        hint = closest(pack_id, pack_ids) or "run 'syndcheck packs' to list them"
                        raise config_error(f"'packs': unknown pack '{pack_id}'", path=layer.origin, line=line, column=column, hint=hint)
                for rule_id, _level in severity:
                    if rule_id not in rule_ids:
                        line, column = layer.position("severity", rule_id, origin)
                        hint = closest(rule_id, rule_ids) or "run 'syndcheck rules list' to see the rule ids"
                        raise config_error(f"unknown rule '{rule_id}' under 'severity'", path=layer.origin, line=line, column=column, hint=hint)
            self._validated.add(key)

    def _note_relaxed(self, settings: Settings, available: list[Pack]) -> None:
        """The configuration's `packs` limit and `fail-on` raise (unless the command line sets
        them), and each built-in pack that a configured `rules` path or `--rules` replaced with its
        own: a pack named like the publisher's stands in for its rules, wherever it came from."""
        for change in settings.relaxed:
            if (change.setting == "packs" and self.options.packs is None) or (change.setting == "fail-on" and self.options.fail_on is None):
                self.adjustments.setdefault((change.setting, change.severity, change.origin), change)
        if not settings.rules and not self.options.rules:
            return  # the built-in packs alone: none is replaced (and reading their files costs start-up)
        for pack in replacing_builtin(available):
            if self.given_on_command_line(pack.origin):
                change = self.replaced_on_command_line(pack)
            else:
                origin = settings.sources.get("rules", "the configuration")
                change = RuleAdjustment(pack.id, None, origin, "rules", f"built-in pack {pack.id} replaced by {self._relative(pack.origin)}")
            self.adjustments.setdefault((change.setting + ":" + pack.id, None, change.origin), change)

    def replaced_on_command_line(self, pack: Pack) -> RuleAdjustment:
        """The note that `pack`, given with --rules, replaces the built-in pack of its id; its
        origin is the pack file, where a reviewer finds it."""
        where = self._relative(pack.origin)
        return RuleAdjustment(pack.id, None, where, "--rules", f"built-in pack {pack.id} replaced by {where}")

    def replaced_builtins(self) -> list[RuleAdjustment]:
        """The notes of every built-in pack a --rules pack replaces (see `replaced_on_command_line`)."""
        if not self.options.rules:
            return []  # no --rules: nothing to look up (reading the built-in packs' files costs start-up)
        return [self.replaced_on_command_line(pack) for pack in replacing_builtin(self.packs_for(Settings())) if self.given_on_command_line(pack.origin)]

    def _relative(self, path: str) -> str:
        """A path as the user would type it from the working directory, when it is under it."""
        relative = os.path.relpath(path, self._cwd)
        return path if relative.startswith("..") else relative

    def given_on_command_line(self, origin: str) -> bool:
        """Whether a pack file came from a --rules path (the user's own choice, in plain sight)."""
        resolved = Path(origin).resolve()
        for location in self.options.rules:
            given = Path(location).resolve()
            if resolved == given or given in resolved.parents:
                return True
        return False

    def _note_deselected(self, settings: Settings, off: frozenset[str]) -> None:
        """Rules a configuration file's select/ignore turned off, with the file that last did it
        (rules only the command line turns off are the user's own choice, in plain sight)."""
        from compliance.selection import is_enabled

        for rule_id in off:
            origin = None
            for index, layer in enumerate(settings.selection):
                before = is_enabled(settings.selection[:index], rule_id)
                if before and not is_enabled(settings.selection[: index + 1], rule_id):
                    origin = layer.origin
            if origin is not None and not is_enabled(settings.selection, rule_id):
                self.adjustments.setdefault((rule_id, None, origin), RuleAdjustment(rule_id, None, origin, "select"))

    def _note_lowered(self, settings: Settings, available: list[Pack]) -> None:
        """Rules a configuration file turned off or gave a lower severity (see `adjusted_rules`)."""
        key = (id(available), tuple(settings.severity.items()))
        if key in self._noted:
            return
        rules = {rule.id: rule for pack in available for rule in pack.rules}
        for rule_id, level in settings.severity.items():
            origin = settings.sources.get(f"severity.{rule_id}", "the configuration")
            if rule_id not in rules:
                continue  # (every configured rule id was checked by `_validate_layers`)
            if level is None or level < rules[rule_id].severity:
                self.adjustments.setdefault((rule_id, level, origin), RuleAdjustment(rule_id, level, origin))
        self._noted.add(key)

    def known_rules(self, settings: Settings) -> frozenset[str]:
        """The rule ids a suppression comment may name for a file with these settings."""
        return self.rule_choice(settings, self.packs_for(settings))[0]

    def _kind(self, source: Source, data: bytes) -> DocumentKind:
        """A file's kind, or stdin's: `--input-kind`, else the extension of `--stdin-filename`, else sniffed."""
        if source.path != STDIN or self.options.kind:
            return source.kind
        return stdin_kind(data, self.options.stdin_name)

    def check(self, source: Source) -> FileResult:
        """One file, with its own settings; failures become a report saying it was not checked."""
        display = self._display(source)

        def work() -> tuple[Report, Severity]:
            plan = self.plan(source.path if source.path != STDIN else display)
            data = read_source(source, max_bytes=self.options.max_bytes)
            kind = self._kind(source, data)
            report = check_with(data, kind, self._settings(display, plan, meta=self.options.meta, default_meta=read_sidecar_meta(source), article=source.file))
            return report, self.options.fail_on or plan.settings.fail_on

        return _with_remedy(self._isolated(display, work), stdin=source.path == STDIN)

    def fix(self, source: Source) -> tuple[FileResult, FixPlan | None, bytes | None]:
        """One file's fix plan, checked as `check` checks it (same settings, metadata, original and
        isolation); the result's report is the one after the fixes. Last, the bytes read, also
        when planning failed (None when they could not be read): `fix -` then gives them back
        unchanged rather than an empty article."""
        plans: list[FixPlan] = []
        read: list[bytes] = []
        display = self._display(source)

        def work() -> tuple[Report, Severity]:
            from compliance.fixes import plan_fixes

            plan = self.plan(source.path if source.path != STDIN else display)
            data = read_source(source, max_bytes=self.options.max_bytes)
            read.append(data)
            settings = self._settings(display, plan, meta=self.options.meta, default_meta=read_sidecar_meta(source), article=source.file)
            fix_plan = plan_fixes(data, self._kind(source, data), settings)
            plans.append(fix_plan)
            return fix_plan.after, self.options.fail_on or plan.settings.fail_on

        return _with_remedy(self._isolated(display, work), stdin=source.path == STDIN), (plans[0] if plans else None), (read[0] if read else None)

    def check_fixture(self, source: Source, packs: Sequence[Pack]) -> tuple[FileResult, Expectations | None]:
        """A rule-test fixture, checked as any document is; its expectations name the packs and meta."""
        expected: list[Expectations] = []

        def work() -> tuple[Report, Severity]:
            data, expectations = read_fixture(source)
            expected.append(expectations)
            chosen = _fixture_packs(source, expectations, packs)
            plan = Plan(Settings(), chosen, expectations.packs is None, self.known_rules(Settings()))
            return check_with(data, source.kind, self._settings(source.path, plan, meta=dict(expectations.meta), article=source.file)), Severity.ERROR

        result = self._isolated(source.path, work)
        return result, (expected[0] if expected else None)

    def _settings(
        self,
        name: str,
        plan: Plan,
        *,
        meta: Mapping[str, str],
        default_meta: Mapping[str, str] | None = None,
        article: Path | None = None,
        urls_only: bool = False,
    ) -> CheckSettings:
        """How a document of this plan is checked, whether for `check` or for `fix`: an `original`
        in its metadata is read beside `article` (its file), or with `urls_only` (metadata from
        outside: a CMS payload, a request) only from its URL."""
        settings = CheckSettings(
            packs=plan.packs,
            path=name,
            auto_detect=plan.auto_detect,
            meta=meta,
            default_meta=default_meta,
            severities=plan.settings.severity,
            timing=self.options.timing,
            known_rules=plan.known_rules or None,
            asked_for=plan.asked_for,
            inline_suppressions=self.options.inline_suppressions and plan.settings.inline_suppressions,
            today=self.today,
            read_at=self.read_at,
        )
        held = (lambda: self._held(settings)) if self.options.held_original is not None else None
        return settings._replace(load_original=self._original_reader(article, urls_only=urls_only, held=held))

    def _isolated(self, name: str, work: Callable[[], tuple[Report, Severity]]) -> FileResult:
        """Run one document's check so that whatever goes wrong stays with that document; the
        result names the original files the document asked for."""
        if self._originals is not None:
            self._originals.take_asked()
        result = self._contained(name, work)
        # The reader exists only once some article has named an original (it is imported lazily).
        asked = self._originals.take_asked() if self._originals is not None else ()
        return dataclasses.replace(result, originals=asked) if asked else result

    def _contained(self, name: str, work: Callable[[], tuple[Report, Severity]]) -> FileResult:
        try:
            report, threshold = work()
        except (TooLarge, NotRegular) as exc:
            # A walk skips what is not a regular file before it is read: this one was named.
            notice = (
                Notice("skipped", f"{exc} — leave it out of the paths given")
                if isinstance(exc, NotRegular)
                else Notice("too-large", f"{exc} — {RAISE_MAX_BYTES}")
            )
            return FileResult(Report(path=name, notices=(notice,), checked=False))
        except InputError as exc:
            # At its place in the file when it has one (a front matter key given twice), as the
            # error line says it and `api.check_bytes` does: a report read alone (the API's) has no other.
            said = exc.one_line() if exc.line is not None else exc.what
            line, column = (exc.line or 0, exc.column or 1) if exc.path == name else (0, 0)
            report = Report(path=name, notices=(Notice("unreadable", f"not checked: {said}", line=line, column=column),), checked=False)
            return FileResult(report, failure="input", messages=(f"syndcheck: error: {exc.one_line()}",))
        except UserError as exc:
            report = Report(path=name, notices=(Notice("user-error", f"not checked: {exc.what}"),), checked=False)
            return FileResult(report, failure="input", messages=(f"syndcheck: error: {exc.one_line()}",))
        except CheckError as exc:
            report = Report(path=name, notices=(Notice("internal-error", f"not checked: internal error in rule {exc.rule}"),), checked=False)
            return FileResult(report, failure="bug", messages=(f"while checking {exc.path} with rule {exc.rule}",), cause=exc.cause)
        except Exception as exc:  # noqa: BLE001 - a crash on one document is reported, then the batch goes on
            report = Report(path=name, notices=(Notice("internal-error", "not checked: internal error"),), checked=False)
            return FileResult(report, failure="bug", messages=(f"while checking {name}",), cause=exc)
        return FileResult(report, failing=self._failing(report, threshold), threshold=threshold)

    def _failing(self, report: Report, threshold: Severity) -> bool:
        if self.options.require_pack and report.checked and not report.packs:
            return True
        return any(f.severity >= threshold for f in report.findings)

    def _finish(self, result: FileResult) -> FileResult:
        """Apply the baseline (in the main process: it remembers what it has seen)."""
        if self.baseline is None or not result.report.checked:
            return result
        from compliance.fingerprint import display_path  # only with a baseline

        report = self.baseline.apply(result.report, self.baseline_path(display_path(result.report.path, self._cwd)))
        return dataclasses.replace(result, report=report, failing=self._failing(report, result.threshold), packed=b"")

    def baseline_path(self, path: str) -> str:
        """The name a baseline records a report's findings under: its display `path`, or for an
        article of a CMS payload its id where it has one (`cms.baseline_key`). Called once per
        report, in order: an id given again in the run keeps its place (`FILE#N (id)`), as two
        articles under one name would share their fingerprints."""
        if self.options.kind != "cms-json":
            return path
        from compliance.cms import baseline_key

        key = baseline_key(path)
        if key in self._payload_ids:
            return path
        self._payload_ids.add(key)
        return key

    def baseline_unmatched(self) -> str | None:
        """After a run: a warning when the baseline matched none of the files, as none of the
        files it records is found from the working directory (see `BaselineFilter.unmatched`)."""
        return self.baseline.unmatched(self._cwd) if self.baseline is not None else None

    def check_payloads(self, source: Source) -> Iterator[FileResult]:
        """Each article of a CMS JSON payload (one object, an array, or JSON lines), in order,
        read one at a time; `--max-bytes` applies to each payload."""
        from compliance.cms import EMPTY_PAYLOAD_REMEDY, NO_ARTICLE_IN_PAYLOAD, CmsProblem, read_payloads

        display = self._display(source)
        plan = self.plan(source.path if source.path != STDIN else display)
        limit = self.options.max_bytes or None
        with contextlib.ExitStack() as stack:
            try:
                stream = stack.enter_context(open_source(source))
            except NotRegular as exc:
                yield FileResult(Report(path=display, notices=(Notice("skipped", f"{exc} — {LEAVE_OUT}"),), checked=False))
                return
            payloads = read_payloads(stream, display, max_bytes=limit)
            met = False
            while True:
                try:
                    article = next(payloads)
                except StopIteration:
                    if not met:
                        # `[]`: read, and no article in it. Skipped, as an empty file is, so that
                        # the run names the payload and says what to send.
                        yield FileResult(Report(path=display, notices=(Notice("skipped", f"{NO_ARTICLE_IN_PAYLOAD} — {EMPTY_PAYLOAD_REMEDY}"),), checked=False))
                    return
                except InputError as exc:  # stdin that is not JSON, a whole document beyond --max-bytes
                    yield self._refused(source, exc)
                    return
                met = True
                if isinstance(article, CmsProblem):
                    yield _payload_not_checked(article.name, article.reason, display)
                    continue
                try:
                    chosen = self._payload_plan(plan, article)
                except UserError as exc:  # a pack id the payload names that is not loaded
                    yield _payload_not_checked(article.name, exc.one_line(), display)
                    continue
                refused = _bad_url_metadata(article, chosen.packs)
                if refused is not None:
                    yield _payload_not_checked(article.name, refused, display)
                    continue

                def work(article: CmsArticle = article, plan: Plan = chosen) -> tuple[Report, Severity]:
                    # A lone surrogate (a broken \ud800 escape in the JSON) cannot be UTF-8: it becomes U+FFFD.
                    data = article.html.encode("utf-8", "replace")
                    # A payload is written by a CMS's authors: its `original` may be a URL, never a
                    # file of this host (`--original` or `--meta original=` on the command line may).
                    urls_only = given_key(self.options.meta, "original") is None
                    meta = merged_meta(article.meta, self.options.meta)
                    report = check_with(data, "html", self._settings(article.name, plan, meta=meta, article=source.file, urls_only=urls_only))
                    said = article.payload_notices()
                    if said:
                        # Why an article was not checked comes first: the run's last line quotes it.
                        notices = (*said, *report.notices) if report.checked else (*report.notices, *said)
                        report = dataclasses.replace(report, notices=notices)
                    return report, self.options.fail_on or plan.settings.fail_on

                yield self._finish(_in_payload(self._isolated(article.name, work), display))

    def _payload_plan(self, plan: Plan, article: CmsArticle) -> Plan:
        """The plan for one payload article: the packs its `packs` field names, with those of
        `--pack` (as the API adds its query's `pack` to the payload's), instead of detection;
        the file's plan when it names none. Raises PackError for an id that is not loaded."""
        if not article.packs:
            return plan
        given = () if plan.auto_detect else tuple(pack.id for pack in plan.packs)
        return plan._replace(packs=tuple(select_packs(self.packs_for(plan.settings), (*given, *article.packs))), auto_detect=False)

    def check_article(
        self,
        data: bytes,
        kind: DocumentKind,
        *,
        name: str,
        packs: Sequence[str] | None = None,
        meta: Mapping[str, str] | None = None,
        original: HeldOriginal | None = None,
        advice: Advice = COMMAND_LINE_ADVICE,
    ) -> FileResult:
        """An article held in memory (a request to `syndcheck serve`), checked as stdin is: the
        configuration of the working directory (`name` is only what the report calls it, never a
        path), with `packs` instead of the run's choice when given (an unknown id is a user error),
        `meta` under the command line's values, and `original` (an uploaded file) as the original
        story it is compared with, instead of any the metadata names. `advice`: how its notices
        say to give what a rule lacks, in the words of the request's surface (the API, the page)."""

        def work() -> tuple[Report, Severity]:
            plan = self.plan(STDIN)
            if packs:
                plan = plan._replace(packs=tuple(select_packs(self.packs_for(plan.settings), packs)), auto_detect=False)
            # A request's `original` is a URL or nothing (the server refuses others before this).
            urls_only = given_key(self.options.meta, "original") is None
            settings = self._settings(name, plan, meta=merged_meta(meta or {}, self.options.meta), urls_only=urls_only)._replace(advice=advice)
            if original is not None:
                held = settings.parse(original.data, original.kind)
                settings = settings._replace(meta={**(settings.meta or {}), "original": original.name}, load_original=lambda _name: held)
            report = check_with(data, kind, settings)
            return report, self.options.fail_on or plan.settings.fail_on

        return self._finish(self._isolated(name, work))

    def _not_a_payload(self, source: Source) -> InputError | None:
        """Why a file given with `--input-kind cms-json` is not a payload, from its first bytes
        (stdin is judged as it is read; a file that cannot be opened is reported when it is read)."""
        from compliance.cms import not_a_payload

        if source.file is None:
            return None
        try:
            with open_source(source) as stream:
                return not_a_payload(stream, self._display(source))
        except (NotRegular, UserError, OSError):
            return None

    def _refused(self, source: Source, error: UserError) -> FileResult:
        """A payload input refused as a whole: one line, not checked, exit 2; the batch goes on.
        Its notice is `too-large` beyond `--max-bytes`, else `unreadable` (not JSON at all: what it
        holds cannot be read as the input it is given as)."""
        from compliance.cms import PayloadTooLarge

        code = "too-large" if isinstance(error, PayloadTooLarge) else "unreadable"
        report = Report(path=self._display(source), notices=(Notice(code, f"not checked: {error.what}"),), checked=False)
        return FileResult(report, failure="input", messages=(f"syndcheck: error: {error.one_line()}",))

    def run(self, paths: Iterable[str], *, jobs: int | None = 1, progress: Callable[[int, int], None] | None = None) -> Iterator[FileResult]:
        """Every source under the paths, in a stable order; directory walks honour include/exclude.

        Everything that is the user's mistake (a path with no articles, a configuration error, an output file that is an input) is raised as a
        `UserError` before any document is checked. With `jobs` > 1 (None: one per core), files
        are checked in worker processes and the results still come out in the order of the files;
        small batches stay in this process, where starting workers would cost more than it saves.
        """
        outputs = self.options.outputs
        check_output_targets(outputs)
        originals: set[str] = set()
        for result in self._results([plainly_named(path) for path in paths], jobs=jobs, progress=progress):
            originals.update(result.originals)
            yield result
        # An original named inside an article (front matter, a payload) is known only once the
        # article is read: the reports are refused here, before any of them is written.
        refuse_overwrite(outputs, [Path(o) for o in sorted(originals)], role="an original story the articles name")

    def _results(self, paths: list[str], *, jobs: int | None, progress: Callable[[int, int], None] | None) -> Iterator[FileResult]:
        if self.options.kind == "cms-json":
            if self.options.time_limit:
                raise ConfigError(
                    "--time-limit does not apply to --input-kind cms-json: a payload's articles are checked in this process",
                    hint="leave out --time-limit, or give the articles as files",
                )
            sources = [Source(path, "html", None if path == STDIN else Path(path)) for path in _unique_paths(paths)]
            for path in paths:
                if path != STDIN and not os.path.lexists(path):
                    raise InputError("no such file or directory", path=path, hint="check the path")
                if path != STDIN and os.path.isdir(path):
                    raise InputError("is a directory; --input-kind cms-json reads JSON files or stdin", path=path, hint="give the payload files, or '-'")
            refuse_overwrite(self.options.outputs, self._inputs(sources))
            # Inputs that are not JSON at all (an HTML page given by mistake) are refused before
            # any article is read, one line each; the other inputs are checked all the same.
            refused = {source.path: error for source in sources if (error := self._not_a_payload(source)) is not None}
            for source in sources:
                if source.path in refused:
                    yield self._refused(source, refused[source.path])
            for source in sources:
                if source.path not in refused:
                    yield from self.check_payloads(source)
            return
        total, from_stdin = self._survey(paths)
        if self.baseline is not None:
            self.baseline.gone(self._gone_from_baseline(paths, self.baseline.paths))
        # The files are walked again as they are checked, rather than listed: a run over any
        # number of files holds only the ones in flight.
        items = self._selected(paths)
        workers = min(jobs or os.cpu_count() or 1, total)
        results: Iterator[FileResult]
        if self.options.time_limit:
            # Only a process can be stopped in the middle of a check (the parse, in C, never
            # returns to Python to see a signal): with a limit, every document goes to a worker.
            results = self._run_parallel(items, max(1, workers), total)
        elif workers <= 1 or total < PARALLEL_MIN_FILES or from_stdin:
            results = (self._finish(self.check(i)) if isinstance(i, Source) else skipped_result(i) for i in items)
        else:
            results = self._run_parallel(items, workers, total)
        for done, result in enumerate(results, start=1):
            if progress is not None:
                progress(done, total)
            yield result

    def _survey(self, paths: list[str]) -> tuple[int, bool]:
        """Walk the paths once before anything is checked, so that every user error is raised
        first: no articles at all, a configuration or pack error for some file, an output file
        that is an input. Nothing is kept but the number of files and whether stdin is one."""
        total = 0
        from_stdin = False
        for item in self._selected(paths):
            total += 1
            if not isinstance(item, Source):
                continue
            from_stdin = from_stdin or item.path == STDIN
            self.plan(item.path if item.path != STDIN else self._display(item))
            if self.options.outputs:
                own = [item.file] if item.file is not None else []
                refuse_overwrite(self.options.outputs, own + self._brought_by(item, originals=True))
        if total == 0 and not self.options.pass_with_nothing_checked:
            raise InputError("no articles found", path=", ".join(paths), hint=self._why_none_found())
        refuse_overwrite(self.options.outputs, self._run_inputs())
        return total, from_stdin

    def _why_none_found(self) -> str:
        """The hint of a run whose paths hold no article to check: what may have left them out,
        of what this run applies (`--exclude`, a `.gitignore`, the configuration's
        include/exclude; with `--force-exclude`, files named too)."""
        causes = [c for c, applies in (("--exclude", bool(self.options.exclude)), ("a .gitignore", self.options.gitignore)) if applies]
        said = " or ".join([", ".join(causes), "the configuration's include/exclude"] if causes else ["the configuration's include/exclude"])
        named = " (with --force-exclude, files named are left out too)" if self.options.force_exclude else ""
        if self.options.gitignore:
            return f"every article there is left out by {said}{named}; --no-gitignore checks files a .gitignore leaves out"
        return f"every article there is left out by {said}{named}"

    def _gone_from_baseline(self, roots: Sequence[str], recorded: Iterable[str]) -> list[str]:
        """The recorded paths under the paths given whose files no longer exist in a folder that
        still does (deleted or renamed articles): their findings are resolved. Paths outside the
        paths given are left alone, so a run over part of an archive resolves nothing it did not
        look at; and recorded paths are relative to the directory the baseline was made in, so
        from another directory their folders are not found and nothing is resolved either."""
        given = [os.path.normpath(os.path.join(self._cwd, root)) for root in roots if root != STDIN]
        gone = []
        for path in recorded:
            full = os.path.normpath(os.path.join(self._cwd, path))
            under = any(full.startswith(root.rstrip(os.sep) + os.sep) for root in given)
            if under and _missing(full) and os.path.isdir(os.path.dirname(full)) and not _shown_in(full):
                gone.append(path)
        return gone

    def _inputs(self, sources: Sequence[Source]) -> list[Path]:
        """Every file the run reads that is known before it starts: articles (stdin's file too),
        their metadata sidecars and the originals these name, `--original`, configuration,
        baseline, packs."""
        articles = [s.file for s in sources if s.file is not None]
        brought = [f for s in sources for f in self._brought_by(s, originals=bool(self.options.outputs))]
        return articles + brought + self._run_inputs()

    def _brought_by(self, source: Source, *, originals: bool) -> list[Path]:
        """The files one article brings besides itself: stdin's file for '-', its metadata
        sidecar and, with `originals`, the original that sidecar names."""
        if source.path == STDIN:
            # The file stdin reads (`< story.html`) and the file --stdin-filename names: piped
            # through `cat`, the article is known only by that name, and is no less an input.
            named = Path(self.options.stdin_name) if self.options.stdin_name else None
            return [f for f in (stdin_file(), named) if f is not None]
        if source.file is None:
            return []
        return [source.file.with_name(source.file.name + ".meta.yaml"), *(self._sidecar_originals([source]) if originals else ())]

    def _run_inputs(self) -> list[Path]:
        """The files every article's check reads: configuration, `--config`, the baseline, the
        packs, and `--meta original=FILE`."""
        files = [Path(layer.origin) for layers in self._finder.loaded() for layer in layers]
        files += [p for p in (self.options.config, self.options.baseline) if p is not None]
        files += [Path(pack.origin) for pack in self.all_packs()]
        if (named := given_key(self.options.meta, "original")) is not None and self.options.held_original is None:
            files.append(Path(self.options.meta[named]))
        return files

    def refuse_targets(self, targets: Sequence[Path], originals: Iterable[str]) -> None:
        """`InputError` when an article `syndcheck fix --write` would rewrite is also read in
        another role: an original story (`originals`: those the checks asked for), metadata, a
        configuration, a pack, the baseline."""
        sources = [Source(str(t), "html", t) for t in targets]
        others = [f for s in sources for f in self._brought_by(s, originals=True)] + self._run_inputs() + [Path(o) for o in originals]
        refuse_overwrite(
            targets,
            others,
            role="also read by this run as an original story, metadata, configuration or pack",
            hint="fix a copy, or leave out --write for a diff",
        )

    def _sidecar_originals(self, sources: Sequence[Source]) -> list[Path]:
        """The originals the articles' metadata sidecars name (a sidecar that cannot be read is
        reported when its article is checked)."""
        found = []
        for source in sources:
            if source.file is None or given_key(self.options.meta, "original") is not None:
                continue
            try:
                value = given_value(read_sidecar_meta(source), "original").strip()
            except UserError:
                continue
            if value and not is_http_url(value):
                found.append(source.file.parent / value)
        return found

    def _selected(self, paths: list[str]) -> Iterator[Source | Skipped]:
        """The sources under the paths, each file once however often and however it is named."""
        from compliance.ignores import Ignores

        ignores = Ignores(self.options.exclude, gitignore=self.options.gitignore, read_lines=read_ignore_file)
        # With --force-exclude no file is exempt from the exclusions for having been named.
        explicit = set() if self.options.force_exclude else {os.path.normpath(p) for p in paths}
        named = {os.path.abspath(p) for p in paths if p != STDIN}
        kind = self.options.kind if self.options.kind != "cms-json" else None
        seen: set[object] = set()
        for path in _unique_paths(paths):
            for source in expand_paths([path], kind=kind):
                if isinstance(source, Skipped) and os.path.isdir(path) and os.path.abspath(source.path) in named - {os.path.abspath(path)}:
                    # A walk's note on a file also named as a path (a symbolic link it does not
                    # follow, which a path is followed to): the file is reported once, as named.
                    continue
                if isinstance(source, Source) and source.path != STDIN and os.path.normpath(source.path) not in explicit:
                    walked_from = path if os.path.isdir(path) else os.path.dirname(path) or os.curdir
                    if ignores.excluded(source.path, walked_from):
                        if not os.path.isdir(path):
                            # A file named and left out (--force-exclude: a pre-commit hook names
                            # each staged file) is listed with what left it out, never dropped
                            # without a word; a walk's ignored files (node_modules/) are not.
                            reason = ignores.why_excluded(source.path, walked_from)
                            if reason is not None:
                                self._left_out.setdefault(reason, {})[source.path] = None
                        continue
                    settings = self.settings_for(source.path)
                    # Without include/exclude globs every file is selected: its real path is not needed.
                    if settings.include or settings.exclude:
                        reason = left_out_by(settings, self._finder.real_path(source.path))
                        if reason is not None:
                            # Listed with the file that left it out, as every other way a
                            # configuration file narrows the checks is.
                            self._left_out.setdefault(reason, {})[source.path] = None
                            continue
                if isinstance(source, Source):
                    key = file_key(source.path)
                    if key in seen:
                        continue
                    seen.add(key)
                yield source

    def _run_parallel(self, items: Iterable[Source | Skipped], workers: int, total: int) -> Iterator[FileResult]:
        """Files checked in `workers` processes, handed out in chunks, two chunks queued per worker
        so that none waits for this process between files; results come out in the order of the
        files. Each worker is its own one-process executor and tells, through a shared slot, which
        file it is checking: when a worker dies (killed, out of memory) exactly that file is
        reported as an internal error, a new worker takes its place, the other files of its chunks
        are checked again, and the rest of the batch goes on. With a time limit, a worker still on
        one file past the limit is killed, and that file reported as over the limit (`_Watch`)."""
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded packs with the workers; elsewhere each worker loads its own.
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        global _PARENT
        _PARENT = self
        options = dataclasses.replace(self.options, baseline=None)
        # The index of the file each worker is checking (-1: none), and its process id, written by the worker.
        checking = [context.RawValue("q", -1) for _ in range(workers)]
        pids = [context.RawValue("q", 0) for _ in range(workers)]
        # Whether each worker is fetching an original story (1), which the time limit does not count.
        fetching = [context.RawValue("b", 0) for _ in range(workers)]
        watch = _Watch(self.options.time_limit, checking, pids, fetching)
        # Where the workers write results too large to send at once (`_check_chunk`); removed at the end.
        results_folder = private_folder()

        def executor(slot: int) -> ProcessPoolExecutor:
            checking[slot].value = -1
            pids[slot].value = 0
            fetching[slot].value = 0
            initargs = (options, checking[slot], pids[slot], fetching[slot], results_folder.path)
            return ProcessPoolExecutor(1, mp_context=context, initializer=_init_worker, initargs=initargs)

        if watch.limit:
            # What checks build on first use, built here once and inherited by every worker (a
            # fork), is charged to no document's time: the index of place names takes most of a
            # second, and every worker that replaces a stopped one would pay it again.
            from compliance.document.places import load_gazetteer

            load_gazetteer()
        # Installed before the first worker starts; each worker puts the default back (_init_worker).
        previous_handlers = _raise_on_termination()
        executors = [executor(slot) for slot in range(workers)]
        queue = iter(enumerate(items))
        retry: list[tuple[int, Source]] = []  # files of a dead worker's chunks, to check again one by one
        running: dict[Future[bytes | str], tuple[int, ProcessPoolExecutor, list[tuple[int, Source]]]] = {}
        done: dict[int, FileResult] = {}
        handed = 0  # files taken from the walk so far

        def next_chunk() -> list[tuple[int, Source]]:
            nonlocal handed
            if retry:
                return [retry.pop(0)]
            size = chunk_size(total - handed, workers)
            chunk: list[tuple[int, Source]] = []
            for index, item in queue:
                handed += 1
                if isinstance(item, Skipped):
                    done[index] = skipped_result(item)
                    continue
                if item.path == STDIN and chunk:
                    # Stdin is read once: it goes alone, never to be checked again after its
                    # worker dies on another file of its chunk.
                    retry.append((index, item))
                    break
                chunk.append((index, item))
                if item.path == STDIN:
                    break
                if len(chunk) >= size:
                    break
            return chunk

        def feed(slot: int) -> None:
            pool = executors[slot]
            while sum(1 for owner, _, _ in running.values() if owner == slot) < _CHUNKS_QUEUED:
                chunk = next_chunk()
                if not chunk:
                    return
                try:
                    running[pool.submit(_check_chunk, chunk)] = (slot, pool, chunk)
                except BrokenProcessPool:
                    # Its worker died before this process saw it: the chunk waits for the worker
                    # that takes its place, which `died` starts once the chunks it was on fail,
                    # or this, when it was on none (no file's fault).
                    retry.extend(chunk)
                    retry.sort(key=lambda entry: entry[0])
                    if any(owner == slot for owner, _, _ in running.values()):
                        return
                    pool.shutdown(wait=True)
                    pool = executors[slot] = executor(slot)

        culprits: dict[int, int] = {}  # id of a dead worker's executor: the file it was checking
        retried: set[int] = set()

        def died(slot: int, pool: ProcessPoolExecutor, chunk: list[tuple[int, Source]]) -> None:
            if executors[slot] is pool:  # the first of its chunks to fail: a new worker takes its place
                culprits[id(pool)] = watch.culprit(slot)
                pool.shutdown(wait=True)
                executors[slot] = executor(slot)
            culprit = culprits[id(pool)]
            for index, source in chunk:
                # A worker that died between files is not one file's fault: its files are checked
                # again, and one that a worker dies on again all the same is reported.
                if index == culprit and index in watch.stopped:
                    done[index] = _over_time_limit(self._display(source), self.options.time_limit)
                elif index == culprit or (culprit == -1 and index in retried):
                    done[index] = _worker_died(self._display(source))
                else:
                    retried.add(index)
                    retry.append((index, source))
            retry.sort(key=lambda entry: entry[0])

        try:
            for slot in range(workers):
                feed(slot)
            next_index = 0
            while True:
                while next_index in done:
                    yield self._finish(done.pop(next_index))
                    next_index += 1
                if not running:
                    break
                finished, _ = wait(running, timeout=watch.poll, return_when=FIRST_COMPLETED)
                watch.stop_overdue()
                for future in sorted(finished, key=lambda f: running[f][2][0][0]):
                    slot, pool, chunk = running.pop(future)
                    try:
                        for (index, _), result in zip(chunk, _chunk_results(future.result()), strict=True):
                            done[index] = result
                    except BrokenProcessPool:
                        died(slot, pool, chunk)
                for slot in range(workers):
                    feed(slot)
        except BaseException:
            # Stopped (Ctrl-C, SIGTERM, SIGHUP, an error): the workers are ended now rather than
            # waited for, as one may be minutes into a page (their SIGTERM is the default's).
            _end_workers(pids)
            raise
        finally:
            # A second SIGTERM while the workers stop ends this process as it would have anyway.
            _restore_handlers(previous_handlers)
            for pool in executors:
                pool.shutdown(wait=True, cancel_futures=True)
            remove_private_folder(results_folder)


class _Watch:
    """The time limit of a parallel run: which file each worker has been on since when, as this
    process saw it, and the workers it stopped. A file is seen when this process wakes (at least
    every `poll` seconds), after the worker started it: no file is stopped before its time. The
    time a worker spends fetching an original story (`--allow-fetch`: its slot in `fetching` says
    so) is not counted, since the fetch has its own limit and ends with the original read or the
    note of why it was not; a fetch that outlasts `originals.FETCH_ALLOWANCE` stops the worker."""

    def __init__(self, limit: float, checking: Sequence[Any], pids: Sequence[Any], fetching: Sequence[Any]) -> None:
        self.limit = limit
        # How long to wait for results at most before looking at the workers again (None: no limit).
        self.poll = min(_LONGEST_POLL, limit / 10) if limit else None
        self._checking = checking
        self._pids = pids
        self._fetching = fetching
        self._since: dict[int, tuple[int, float]] = {}  # slot: (file index, when its counted time began)
        self._fetch_since: dict[int, float] = {}  # slot: when its worker was first seen fetching
        self._looked = 0.0  # when this process last looked at the workers
        self._killed: dict[int, int] = {}  # slot: the file its worker was killed on
        self.stopped: set[int] = set()  # the files that ran over the limit

    def stop_overdue(self) -> None:
        """Kill each worker that has been on one file for longer than the limit (its fetches of
        an original not counted), or fetching one for longer than the fetch's allowance."""
        if not self.limit:
            return
        import time

        from compliance.originals import FETCH_ALLOWANCE

        now = time.monotonic()
        since_last_look, self._looked = (now - self._looked if self._looked else 0.0), now
        for slot, checking in enumerate(self._checking):
            index = checking.value
            if index == -1 or slot in self._killed:
                self._since.pop(slot, None)
                self._fetch_since.pop(slot, None)
                continue
            seen, since = self._since.get(slot, (-1, now))
            if seen != index:
                self._since[slot] = (index, now)
                self._fetch_since.pop(slot, None)
            elif self._fetching[slot].value:
                # The fetch's time is not the file's: its count moves on as the time passes.
                self._since[slot] = (index, since + since_last_look)
                fetch_began = self._fetch_since.setdefault(slot, now)
                if now - fetch_began > FETCH_ALLOWANCE:
                    self._kill(slot, index)
            else:
                self._fetch_since.pop(slot, None)
                if now - since > self.limit:
                    self._kill(slot, index)

    def _kill(self, slot: int, index: int) -> None:
        """Kill the worker of `slot`, on the file `index` (one with no process yet is left)."""
        import signal

        if not self._pids[slot].value:
            return
        self._killed[slot] = index
        with contextlib.suppress(ProcessLookupError):  # it ended on its own meanwhile
            os.kill(self._pids[slot].value, signal.SIGKILL)

    def culprit(self, slot: int) -> int:
        """The file the dead worker of `slot` was on (-1: none). A worker this watch killed that had
        just moved on to another file was killed for no fault of that file: -1 too."""
        index: int = self._checking[slot].value
        self._since.pop(slot, None)
        killed_on = self._killed.pop(slot, None)
        if killed_on is None:
            return index
        if killed_on != index:
            return -1
        self.stopped.add(index)
        return index


def _end_workers(pids: Sequence[Any]) -> None:
    """Send SIGTERM to every worker that has started (its process id is in `pids`)."""
    import signal

    for pid in pids:
        if pid.value:
            with contextlib.suppress(ProcessLookupError):  # ended already
                os.kill(pid.value, signal.SIGTERM)


# The longest wait between two looks at the workers of a run with a time limit, in seconds.
_LONGEST_POLL = 0.25


def _over_time_limit(path: str, limit: float) -> FileResult:
    """A document whose check ran past `--time-limit`: its worker was stopped. Not a bug, and not
    checked, so the run exits 2 (a page may be built to be slow to read)."""
    why = f"the check took longer than {limit:g} s (--time-limit)"
    report = Report(path=path, notices=(Notice("time-limit", f"not checked: {why}"),), checked=False)
    advice = "raise --time-limit, or leave it out to check this document however long it takes"
    return FileResult(report, failure="input", messages=(f"syndcheck: error: {path}: not checked: {why} — {advice}",))


_TERMINATING_SIGNALS = ("SIGTERM", "SIGHUP")  # SIGHUP: the terminal closed; absent on Windows


def _raise_on_termination() -> dict[int, Any]:
    """Make SIGTERM and SIGHUP raise `Terminated` in this process, so that a parallel run that a
    service manager, `timeout` or a CI runner stops signalling only this process stops its workers
    (the `finally` of `_run_parallel`) instead of leaving them orphaned. Returns the handlers it
    replaced, for `_restore_handlers`; nothing is changed outside the main thread, where Python
    cannot set handlers (the run then relies on the workers' own watch on their parent)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}

    def stop(signum: int, frame: object) -> None:
        raise Terminated(signum)

    previous: dict[int, Any] = {}
    for name in _TERMINATING_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    return previous


@contextlib.contextmanager
def raising_on_termination() -> Iterator[None]:
    """SIGTERM and SIGHUP raise `Terminated` in this process while the block runs (see
    `_raise_on_termination`): a long run that a service manager, `timeout` or a CI runner stops
    (`syndcheck audit`) unwinds, closing what it opened, and the command line says so (exit 128 +
    the signal's number, `syndcheck: terminated`); the handlers are restored after."""
    previous = _raise_on_termination()
    try:
        yield
    finally:
        _restore_handlers(previous)


def _restore_handlers(previous: Mapping[int, Any]) -> None:
    import signal

    for number, handler in previous.items():
        signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def _missing(full: str) -> bool:
    """Whether a file is known not to be there: its folder was searched and has no such name.
    A file in a folder that cannot be searched (permissions) may well be there: not missing."""
    try:
        os.lstat(full)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _shown_in(full: str) -> bool:
    """Whether a recorded path is a file of its folder shown escaped (a name that is not UTF-8 is
    recorded as `caf\\xe9.html`): such a file is not gone."""
    from compliance.display import visible

    folder, name = os.path.split(full)
    if "\\" not in name:
        return False
    try:
        return any(visible(entry) == name for entry in os.listdir(folder))
    except OSError:
        return False


def _fixture_packs(source: Source, expectations: Expectations, packs: Sequence[Pack]) -> tuple[Pack, ...]:
    """The packs a fixture names (`packs=ID,...`), or every pack when it names none; an unknown id
    is a `ConfigError` at the line that names it, with how to give a pack of one's own."""
    if expectations.packs is None:
        return tuple(packs)
    try:
        return tuple(select_packs(packs, expectations.packs))
    except UserError as exc:
        known = {p.id for p in packs}
        missing = next(p for p in expectations.packs if p not in known)
        file, line = expectations.packs_at or (None, None)
        hint = closest(missing, known) or "give the pack with --rules PATH (its file or folder); 'syndcheck packs' lists the built-in ones"
        raise ConfigError(f"the fixture names unknown pack '{missing}'", path=file or source.path, line=line, hint=hint) from exc


def _bad_url_metadata(article: CmsArticle, packs: Sequence[Pack]) -> str | None:
    """Why a payload's article is refused when its metadata names an address that is not an
    http(s) URL (`"original_url": "ftp://x"`), as `--meta` refuses it (`check_metadata`);
    None when its metadata is fine."""
    try:
        check_metadata(article.meta, packs)
    except ConfigError as exc:
        return exc.one_line()
    return None


def _payload_not_checked(name: str, reason: str, payload: str) -> FileResult:
    """A payload's article that is not checked: one error line, and the batch goes on."""
    report = Report(path=name, notices=(Notice("unreadable", f"not checked: {reason}"),), checked=False, payload=payload)
    return FileResult(report, failure="input", messages=(f"syndcheck: error: {name}: {reason}",))


def _in_payload(result: FileResult, payload: str) -> FileResult:
    """The result of an article of `payload`, its report saying so (`Report.payload`): the formats
    that name files (SARIF, GitLab, GitHub) then name the payload, and the article within it."""
    return dataclasses.replace(result, report=dataclasses.replace(result.report, payload=payload), packed=b"")


def _unique_paths(paths: Sequence[str]) -> list[str]:
    """The paths given, each once (`a.html ./a.html` is one file; stdin is read once)."""
    seen: set[object] = set()
    unique = []
    for path in paths:
        key = file_key(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


PARALLEL_MIN_FILES = 8
# Files handed to a worker at once, at most: enough that handing out and sending back cost little
# beside checking them (each chunk costs the main process about a millisecond of its own, taken
# from the workers, against a few to tens of milliseconds per file checked), few enough that the
# results held for order and the work redone after a worker dies stay small.
CHUNK_FILES = 16
# Chunks queued per worker: the next one is waiting when a worker finishes one.
_CHUNKS_QUEUED = 2
_PARENT: Runner | None = None
_WORKER: Runner | None = None
_CHECKING: Any = None  # the shared slot where this worker says which file it is checking
_RESULTS_FOLDER = ""  # where this worker writes the results of a chunk too large to send (`_check_chunk`)
# The largest pickled results of a chunk a worker sends back through the executor's pipe. A
# message up to PIPE_BUF (4,096 bytes on Linux, at least 512 by POSIX) with the executor's own
# wrapping is written to the pipe at once or not at all; a longer one goes in several writes,
# and a worker killed between them (the out-of-memory killer) leaves a part of a message that the
# executor's reader waits for the rest of for ever: the run hung, and ignored SIGTERM and Ctrl-C
# while it waited to join that reader. Larger results go through a file (`_check_chunk`).
_SENT_RESULTS_BYTES = 3072


def chunk_size(remaining: int, workers: int) -> int:
    """How many files to hand a worker next: `CHUNK_FILES`, fewer towards the end of the batch so
    that the workers finish together (every worker gets a share of what is left)."""
    return max(1, min(CHUNK_FILES, remaining // (workers * _CHUNKS_QUEUED * 2)))


def _init_worker(options: RunOptions, checking: Any, pid: Any, fetching: Any, results_folder: str) -> None:
    global _WORKER, _CHECKING, _RESULTS_FOLDER
    _default_termination()
    _watch_parent(os.getppid())
    # A run with a time limit checks '-' in a worker, which reads the run's own stdin.
    reopen_stdin()
    _WORKER = _PARENT if _PARENT is not None else Runner(options)
    _CHECKING = checking
    _RESULTS_FOLDER = results_folder
    if options.time_limit and options.allow_fetch:
        # The watch does not count a fetch of an original against the file's time limit: it is told of each.
        _WORKER.originals.on_fetch = functools.partial(_tell_fetching, fetching)
    pid.value = os.getpid()
    # What the worker has now (inherited from the parent when forked: modules, packs, compiled
    # patterns) lives as long as it does: the collector need not go over it again in every full
    # collection while documents are checked, nor write to the pages it shares with the parent.
    import gc

    gc.freeze()


def _tell_fetching(slot: Any, started: bool) -> None:
    """Say in this worker's shared slot whether it is fetching an original story (`_Watch`)."""
    slot.value = 1 if started else 0


def _default_termination() -> None:
    """A forked worker inherits the parent's handler that raises `Terminated`; in a worker that
    would turn a SIGTERM into a file's failure instead of ending it (which the parent reports as
    a killed worker, and replaces)."""
    import signal

    for name in _TERMINATING_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_DFL)


# How often a worker looks whether its parent is still there, in seconds.
_PARENT_WATCH_SECONDS = 1.0


def _watch_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (SIGKILL, a crash): nothing
    else would, as a worker waiting for its next chunk never notices. Its parent's pid is
    `parent`; once it is gone the worker is adopted and `os.getppid()` changes."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="syndcheck-parent-watch", daemon=True).start()


def _check_chunk(chunk: Sequence[tuple[int, Source]]) -> bytes | str:
    """Check a worker's chunk of files in order, saying which one it is on. The results, pickled
    (`_chunk_results` reads them back): the bytes themselves when they are at most
    `_SENT_RESULTS_BYTES`, else the path of the file of the run's results folder they were
    written to, whole, before the path is sent."""
    import pickle

    assert _WORKER is not None
    results = []
    for index, item in chunk:
        _CHECKING.value = index
        result = _WORKER.check(item)
        # Tracebacks do not cross processes; the message and type do.
        results.append(dataclasses.replace(result, cause=_portable(result.cause)) if result.cause is not None else result)
    _CHECKING.value = -1
    pickled = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    if len(pickled) <= _SENT_RESULTS_BYTES:
        return pickled
    return write_private(_RESULTS_FOLDER, pickled)


def _chunk_results(sent: bytes | str) -> list[FileResult]:
    """The results of a chunk as `_check_chunk` sent them; a file it wrote is removed once read."""
    import pickle

    results: list[FileResult] = pickle.loads(sent if isinstance(sent, bytes) else take_private(sent))
    return results


def _worker_died(path: str) -> FileResult:
    """A document whose worker process was killed: not a bug in syndcheck (a signal, the
    out-of-memory killer), so no "please report"; it says what happened and what to do. The run
    still exits 3 (an internal error), as documented: the document was not checked."""
    why = "the worker process checking it was killed (by a signal, or by the system's out-of-memory killer)"
    report = Report(path=path, notices=(Notice("internal-error", f"not checked: {why}"),), checked=False)
    advice = "check it again alone (--jobs 1), or give the run more memory; the run exits 3"
    return FileResult(report, failure="bug", messages=(f"syndcheck: error: {path}: not checked: {why} — {advice}",))


def _portable(cause: BaseException) -> BaseException:
    import pickle

    try:
        pickle.dumps(cause)
    except Exception:  # noqa: BLE001 - any unpicklable exception is replaced by a description
        return RuntimeError(f"{type(cause).__name__}: {cause}")
    return cause


def _with_remedy(result: FileResult, *, stdin: bool) -> FileResult:
    """A file the check skipped on purpose as no article (binary data, empty: notice `skipped`),
    its note ending with what to do (" — leave it out with --exclude …"); stdin's note asks for an
    article instead. Not in `check_with`, which the API and the server share: there the remedy is
    the caller's. Any other result as it is: a checked file pays one test."""
    report = result.report
    if report.checked or not report.notices:
        return result
    first = report.notices[0]
    if first.code != "skipped" or not (first.message in (EMPTY_NOTE, REPORT_NOTE) or first.message.endswith(NOT_AN_ARTICLE)):
        return result
    if stdin:
        remedy = "give an article (HTML, Markdown or plain text) on stdin"
    elif first.message == EMPTY_NOTE:
        remedy = f"write the article in it, or {LEAVE_OUT}"
    else:
        remedy = LEAVE_OUT
    noted = dataclasses.replace(first, message=f"{first.message} — {remedy}")
    return dataclasses.replace(result, report=dataclasses.replace(report, notices=(noted, *report.notices[1:])))


def skipped_result(item: Skipped) -> FileResult:
    """What a run reports for what its walk met and could not check: a notice for a skipped file
    (the exit code stays as it is), an input error for one that could not be read at all (an
    unreadable folder: one line, as an unreadable file gets, and the run exits 2)."""
    if item.error is not None:
        report = Report(path=item.path, notices=(Notice("unreadable", item.reason),), checked=False)
        return FileResult(report, failure="input", messages=(f"syndcheck: error: {item.error.one_line()}",))
    return FileResult(Report(path=item.path, notices=(Notice("skipped", item.reason),), checked=False))


class RunStatus(NamedTuple):
    """What the exit code depends on, accumulated file by file."""

    failing: bool = False
    input_errors: int = 0
    bugs: int = 0
    warnings: int = 0
    # Findings at or above each file's --fail-on threshold, by severity (error, warning, info).
    failing_findings: tuple[int, int, int] = (0, 0, 0)
    # Checked documents that no pack applies to.
    unmatched: int = 0
    first_unmatched: str = ""
    # Documents met, and those of them checked; for a run that checked nothing, why the first
    # document met was not (its notice).
    documents: int = 0
    checked: int = 0
    first_unchecked: str = ""
    # Checked documents that a pattern's time limit left not fully checked (`Report.not_fully_checked`).
    unfinished: int = 0
    first_unfinished: str = ""

    def add(self, result: FileResult) -> RunStatus:
        """This status with one more file counted."""
        report = result.report
        counted = tuple(
            total + sum(1 for f in report.findings if f.severity is level and f.severity >= result.threshold)
            for total, level in zip(self.failing_findings, (Severity.ERROR, Severity.WARNING, Severity.INFO), strict=True)
        )
        why = self.first_unchecked
        if not report.checked and not why:
            why = f"{report.path}: {report.notices[0].message}" if report.notices else report.path
        return RunStatus(
            failing=self.failing or result.failing,
            input_errors=self.input_errors + (result.failure == "input"),
            bugs=self.bugs + (result.failure == "bug"),
            warnings=self.warnings + report.count(Severity.WARNING),
            failing_findings=(counted[0], counted[1], counted[2]),
            unmatched=self.unmatched + (report.checked and not report.packs),
            first_unmatched=self.first_unmatched or (report.path if report.checked and not report.packs else ""),
            documents=self.documents + 1,
            checked=self.checked + report.checked,
            first_unchecked=why,
            unfinished=self.unfinished + report.not_fully_checked,
            first_unfinished=self.first_unfinished or (report.path if report.not_fully_checked else ""),
        )

    def exit_code(self, *, max_warnings: int | None = None, nothing_checked_passes: bool = False) -> int:
        """0 clean, 1 findings at or above the threshold (or too many warnings), 2 an input could
        not be read, a document was not fully checked (a pattern ran past its time limit), or
        nothing at all was checked (empty input, every document skipped; unless
        `nothing_checked_passes`, `--pass-with-nothing-checked`), 3 a bug."""
        if self.bugs:
            return BUG
        if self.input_errors or self.unfinished or not (self.checked or nothing_checked_passes):
            return USER_ERROR
        too_many = max_warnings is not None and self.warnings > max_warnings
        return FINDINGS if self.failing or too_many else OK

    def exit_reason(self, *, max_warnings: int | None = None, require_pack: bool = False, nothing_checked_passes: bool = False) -> str | None:
        """The last line of a run that exits 1 or 2, saying why: `exit 1: 3 errors`,
        `exit 1: 12 warnings > --max-warnings 10`, `exit 1: 2 documents match no pack (--require-pack; first: notes.txt)`,
        `exit 2: 1 document not checked (errors above)`, `exit 2: nothing checked: <stdin>: not
        checked: the file is empty`, `exit 3: 1 document not checked (an internal error or a killed
        worker, above)`. None for exit 0."""
        code = self.exit_code(max_warnings=max_warnings, nothing_checked_passes=nothing_checked_passes)
        if code == BUG:
            return f"exit 3: {counted(self.bugs, 'document')} not checked (an internal error or a killed worker, above)"
        if code == USER_ERROR:
            unfinished = (
                f"{counted(self.unfinished, 'document')} not fully checked: a pattern ran past its time limit"
                f" ({self.first_unfinished if self.unfinished == 1 else 'first: ' + self.first_unfinished}; see above)"
            )
            if self.input_errors:
                return f"exit 2: {counted(self.input_errors, 'document')} not checked (errors above)" + (f"; {unfinished}" if self.unfinished else "")
            if self.unfinished and self.checked:
                return f"exit 2: {unfinished}"
            if self.documents == 0:
                return "exit 2: nothing checked: the input holds no document"
            if self.documents == 1:
                return f"exit 2: nothing checked: {self.first_unchecked}"
            return f"exit 2: nothing checked: all {self.documents} documents were skipped (first: {self.first_unchecked})"
        if code != FINDINGS:
            return None
        too_many = max_warnings is not None and self.warnings > max_warnings
        shown = zip(self.failing_findings, ("error", "warning", "info finding"), strict=True)
        reasons = [counted(n, label) for n, label in shown if n and not (too_many and label == "warning")]
        if too_many:
            reasons.append(f"{counted(self.warnings, 'warning')} > --max-warnings {max_warnings}")
        if require_pack and self.unmatched:
            which = self.first_unmatched if self.unmatched == 1 else f"first: {self.first_unmatched}"
            reasons.append(f"{counted(self.unmatched, 'document')} match{'es' if self.unmatched == 1 else ''} no pack (--require-pack; {which})")
        return "exit 1: " + ", ".join(reasons)


_Made = TypeVar("_Made")


def _shared(cache: dict[int, tuple[tuple[ConfigLayer, ...], _Made]], layers: tuple[ConfigLayer, ...], make: Callable[[], _Made]) -> _Made:
    """What `make` gives for a file under `layers`, made once for every file under the same layers
    when they have no per-file `overrides` (globs matched against each file's path are the only
    thing that tells one file from another); `cache` is keyed by the layers' identity and keeps
    them, so that the identity stays theirs."""
    if any(layer.overrides for layer in layers):
        return make()
    shared = cache.get(id(layers))
    if shared is None or shared[0] is not layers:
        shared = cache[id(layers)] = (layers, make())
    return shared[1]
