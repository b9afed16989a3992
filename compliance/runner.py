"""Running a check over many inputs: per-file configuration, pack loading, one report per file.

This is the edge between the command line and the pure core: it reads files and configuration,
but never prints or exits; what went wrong with a file is returned with its report so the CLI can
say it, and one failing file never stops the others.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from compliance.config import ConfigLayer, Settings, is_selected, resolve
from compliance.document import DocumentKind
from compliance.engine import check_bytes
from compliance.errors import CheckError, UserError
from compliance.exitcodes import BUG, FINDINGS, OK, USER_ERROR
from compliance.findings import Notice, Report, Severity
from compliance.fingerprint import display_path
from compliance.loading import (
    DEFAULT_MAX_BYTES,
    STDIN,
    ConfigFinder,
    Skipped,
    Source,
    TooLarge,
    expand_paths,
    load_packs,
    read_baseline,
    read_config,
    read_ignore_file,
    read_sidecar_meta,
    read_source,
    select_packs,
    sniff_kind,
)
from compliance.packs import Pack
from compliance.selection import COMMAND_LINE, SelectionLayer

if TYPE_CHECKING:
    from compliance.baseline import BaselineFilter


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
    # Rule choice (ruff's semantics, see `compliance.selection`); None: as configured.
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Directory walks: git-style globs to leave out, and whether .gitignore files count.
    exclude: tuple[str, ...] = ()
    gitignore: bool = True


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's report, whether it fails the run, and what to tell the user about it."""

    report: Report
    failing: bool = False
    failure: str = ""  # "", "input" (exit 2) or "bug" (exit 3)
    messages: tuple[str, ...] = ()
    cause: BaseException | None = None
    threshold: Severity = Severity.ERROR


class Runner:
    """Checks sources with the settings that apply to each."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._finder = ConfigFinder()
        self._fixed: tuple[ConfigLayer, ...] | None = (read_config(options.config),) if options.config else None
        self._packs: dict[tuple[str, ...], list[Pack]] = {}
        self._choices: dict[tuple[int, tuple[SelectionLayer, ...]], tuple[frozenset[str], frozenset[str]]] = {}
        command_line = SelectionLayer(COMMAND_LINE, options.select, options.extend_select, options.ignore)
        self._command_line = () if command_line.empty else (command_line,)
        self.baseline: BaselineFilter | None = None
        if options.baseline:
            from compliance.baseline import BaselineFilter

            self.baseline = BaselineFilter(read_baseline(options.baseline), file=str(options.baseline))
        self._cwd = str(Path.cwd().resolve())
        # Load the command line's packs now: a broken pack (or an unknown --select id) is a user
        # error before any article.
        self.rule_choice(Settings(), self.packs_for(Settings()))

    def layers_for(self, path: str) -> tuple[ConfigLayer, ...]:
        """The configuration files that apply to a file, farthest first."""
        return self._fixed if self._fixed is not None else self._finder.layers_for(path)

    def settings_for(self, path: str) -> Settings:
        """The configuration that applies to a file (the command line still wins over it)."""
        layers = self.layers_for(path)
        absolute = Path(path).resolve().as_posix() if path != STDIN else (Path.cwd() / (self.options.stdin_name or "stdin")).as_posix()
        return resolve(layers, absolute)

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

    def _display(self, source: Source) -> str:
        return (self.options.stdin_name or "<stdin>") if source.path == STDIN else source.path

    def rule_choice(self, settings: Settings, available: list[Pack]) -> tuple[frozenset[str], frozenset[str]]:
        """The ids of every known rule, and those that select/ignore turn off (validated once)."""
        layers = settings.selection + self._command_line
        key = (id(available), layers)
        if key not in self._choices:
            from compliance.selection import disabled_rules, validate
            from compliance.suppress import META_RULES

            known = frozenset([*(r.id for p in available for r in p.rules), *META_RULES])
            validate(layers, sorted(known))
            self._choices[key] = (known, disabled_rules(layers, known))
        return self._choices[key]

    def _plan(self, source: Source) -> tuple[Settings, list[Pack], bool]:
        """A file's settings (with the rules select/ignore turn off), the packs to apply, and
        whether to detect them."""
        settings = self.settings_for(source.path if source.path != STDIN else self._display(source))
        available = self.packs_for(settings)
        _, off = self.rule_choice(settings, available)
        if off:
            settings = dataclasses.replace(settings, severity={**settings.severity, **dict.fromkeys(off)})
        wanted = self.options.packs if self.options.packs is not None else settings.packs
        return settings, (select_packs(available, wanted) if wanted else available), not wanted

    def known_rules(self, settings: Settings) -> frozenset[str]:
        """The rule ids a suppression comment may name for a file with these settings."""
        return self.rule_choice(settings, self.packs_for(settings))[0]

    def check(self, source: Source) -> FileResult:
        """One file, with its own settings; failures become a report saying it was not checked."""
        display = self._display(source)
        try:
            settings, packs, auto_detect = self._plan(source)
            data = read_source(source, max_bytes=self.options.max_bytes)
            kind = source.kind if (source.path != STDIN or self.options.kind) else sniff_kind(data)
            report = check_bytes(
                data,
                kind,
                packs,
                path=display,
                auto_detect=auto_detect,
                meta=self.options.meta,
                default_meta=read_sidecar_meta(source),
                severities=settings.severity,
                timing=self.options.timing,
                known_rules=self.known_rules(settings),
            )
        except TooLarge as exc:
            return FileResult(Report(path=display, notices=(Notice("too-large", str(exc)),), checked=False))
        except UserError as exc:
            report = Report(path=display, notices=(Notice("unreadable", f"not checked: {exc.what}"),), checked=False)
            return FileResult(report, failure="input", messages=(f"syndcheck: error: {exc.one_line()}",))
        except CheckError as exc:
            report = Report(path=display, notices=(Notice("internal-error", f"not checked: internal error in rule {exc.rule}"),), checked=False)
            return FileResult(report, failure="bug", messages=(f"while checking {exc.path} with rule {exc.rule}",), cause=exc.cause)
        except Exception as exc:  # noqa: BLE001 - a crash on one document is reported, then the batch goes on
            report = Report(path=display, notices=(Notice("internal-error", "not checked: internal error"),), checked=False)
            return FileResult(report, failure="bug", messages=(f"while checking {display}",), cause=exc)
        threshold = self.options.fail_on or settings.fail_on
        return FileResult(report, failing=self._failing(report, threshold), threshold=threshold)

    def _failing(self, report: Report, threshold: Severity) -> bool:
        if self.options.require_pack and report.checked and not report.packs:
            return True
        return any(f.severity >= threshold for f in report.findings)

    def _finish(self, result: FileResult) -> FileResult:
        """Apply the baseline (in the main process: it remembers what it has seen)."""
        if self.baseline is None or not result.report.checked:
            return result
        report = self.baseline.apply(result.report, display_path(result.report.path, self._cwd))
        return dataclasses.replace(result, report=report, failing=self._failing(report, result.threshold))

    def check_payload(self, source: Source) -> Iterator[FileResult]:
        """Each article of a CMS JSON payload (one object, an array, or JSON lines), in order."""
        from compliance.cms import CmsProblem, parse_payload
        from compliance.decoding import decode_bytes

        display = self._display(source)
        try:
            settings, packs, auto_detect = self._plan(source)
            text = decode_bytes(read_source(source, max_bytes=None)).text
        except UserError as exc:
            report = Report(path=display, notices=(Notice("unreadable", f"not checked: {exc.what}"),), checked=False)
            yield FileResult(report, failure="input", messages=(f"syndcheck: error: {exc.one_line()}",))
            return
        threshold = self.options.fail_on or settings.fail_on
        for article in parse_payload(text, display):
            if isinstance(article, CmsProblem):
                report = Report(path=article.name, notices=(Notice("unreadable", f"not checked: {article.reason}"),), checked=False)
                yield FileResult(report, failure="input", messages=(f"syndcheck: error: {article.name}: {article.reason}",))
                continue
            meta = {**article.meta, **self.options.meta}
            try:
                report = check_bytes(
                    article.html.encode("utf-8"),
                    "html",
                    packs,
                    path=article.name,
                    auto_detect=auto_detect,
                    meta=meta,
                    severities=settings.severity,
                    known_rules=self.known_rules(settings),
                )
            except CheckError as exc:
                report = Report(path=article.name, notices=(Notice("internal-error", f"not checked: internal error in rule {exc.rule}"),), checked=False)
                yield FileResult(report, failure="bug", messages=(f"while checking {exc.path} with rule {exc.rule}",), cause=exc.cause)
                continue
            yield self._finish(FileResult(report, failing=self._failing(report, threshold), threshold=threshold))

    def run(self, paths: Iterable[str], *, jobs: int | None = 1, progress: Callable[[int, int], None] | None = None) -> Iterator[FileResult]:
        """Every source under the paths, in a stable order; directory walks honour include/exclude.

        With `jobs` > 1 (None: one per core), files are checked in worker processes and the
        results still come out in the order of the files; small batches stay in this process,
        where starting workers would cost more than it saves.
        """
        paths = list(paths)
        if self.options.kind == "cms-json":
            for path in paths:
                yield from self.check_payload(Source(path, "html", None if path == STDIN else Path(path)))
            return
        items = list(self._selected(paths))
        workers = min(jobs or os.cpu_count() or 1, len(items))
        if workers <= 1 or len(items) < PARALLEL_MIN_FILES or any(isinstance(i, Source) and i.path == STDIN for i in items):
            results: Iterator[FileResult] = (self._finish(self.check(i)) if isinstance(i, Source) else _skipped(i) for i in items)
        else:
            results = self._run_parallel(items, workers)
        for done, result in enumerate(results, start=1):
            if progress is not None:
                progress(done, len(items))
            yield result

    def _selected(self, paths: list[str]) -> Iterator[Source | Skipped]:
        from compliance.ignores import Ignores

        ignores = Ignores(self.options.exclude, gitignore=self.options.gitignore, read_lines=read_ignore_file)
        explicit = {os.path.normpath(p) for p in paths}
        kind = self.options.kind if self.options.kind != "cms-json" else None
        for path in paths:
            for source in expand_paths([path], kind=kind):
                if isinstance(source, Source) and source.path != STDIN and os.path.normpath(source.path) not in explicit:
                    if ignores.excluded(source.path, path):
                        continue
                    settings = self.settings_for(source.path)
                    if not is_selected(settings, Path(source.path).resolve().as_posix()):
                        continue
                yield source

    def _run_parallel(self, items: list[Source | Skipped], workers: int) -> Iterator[FileResult]:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded packs with the workers; elsewhere each worker loads its own.
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        global _PARENT
        _PARENT = self
        chunk = max(1, min(16, len(items) // (workers * 8) or 1))
        with context.Pool(workers, initializer=_init_worker, initargs=(dataclasses.replace(self.options, baseline=None),)) as pool:
            for result in pool.imap(_check_in_worker, items, chunksize=chunk):
                yield self._finish(result)


PARALLEL_MIN_FILES = 8
_PARENT: Runner | None = None
_WORKER: Runner | None = None


def _init_worker(options: RunOptions) -> None:
    global _WORKER
    _WORKER = _PARENT if _PARENT is not None else Runner(options)


def _check_in_worker(item: Source | Skipped) -> FileResult:
    if isinstance(item, Skipped):
        return _skipped(item)
    assert _WORKER is not None
    result = _WORKER.check(item)
    # Tracebacks do not cross processes; the message and type do.
    return dataclasses.replace(result, cause=_portable(result.cause)) if result.cause is not None else result


def _portable(cause: BaseException) -> BaseException:
    import pickle

    try:
        pickle.dumps(cause)
    except Exception:  # noqa: BLE001 - any unpicklable exception is replaced by a description
        return RuntimeError(f"{type(cause).__name__}: {cause}")
    return cause


def _skipped(item: Skipped) -> FileResult:
    return FileResult(Report(path=item.path, notices=(Notice("skipped", item.reason),), checked=False))


@dataclass(frozen=True, slots=True)
class RunStatus:
    """What the exit code depends on, accumulated file by file."""

    failing: bool = False
    input_errors: int = 0
    bugs: int = 0
    warnings: int = 0
    # Findings at or above each file's --fail-on threshold, by severity (error, warning, info).
    failing_findings: tuple[int, int, int] = (0, 0, 0)
    # Checked documents that no pack applies to.
    unmatched: int = 0

    def add(self, result: FileResult) -> RunStatus:
        """This status with one more file counted."""
        counted = tuple(
            total + sum(1 for f in result.report.findings if f.severity is level and f.severity >= result.threshold)
            for total, level in zip(self.failing_findings, (Severity.ERROR, Severity.WARNING, Severity.INFO), strict=True)
        )
        return RunStatus(
            self.failing or result.failing,
            self.input_errors + (result.failure == "input"),
            self.bugs + (result.failure == "bug"),
            self.warnings + result.report.count(Severity.WARNING),
            (counted[0], counted[1], counted[2]),
            self.unmatched + (result.report.checked and not result.report.packs),
        )

    def exit_code(self, *, max_warnings: int | None = None) -> int:
        """0 clean, 1 findings at or above the threshold (or too many warnings), 2 an input could
        not be read, 3 a bug."""
        if self.bugs:
            return BUG
        if self.input_errors:
            return USER_ERROR
        too_many = max_warnings is not None and self.warnings > max_warnings
        return FINDINGS if self.failing or too_many else OK

    def exit_reason(self, *, max_warnings: int | None = None, require_pack: bool = False) -> str | None:
        """The last line of a run that exits 1 or 2, saying why: `exit 1: 3 errors`,
        `exit 1: 12 warnings > --max-warnings 10`, `exit 1: 2 documents match no pack (--require-pack)`,
        `exit 2: 1 document not checked (errors above)`. None for exits 0 and 3."""
        code = self.exit_code(max_warnings=max_warnings)
        if code == USER_ERROR:
            # One unreadable document: its own error line is already the last line, and says why.
            if self.input_errors == 1:
                return None
            return f"exit 2: {_plural(self.input_errors, 'document')} not checked (errors above)"
        if code != FINDINGS:
            return None
        too_many = max_warnings is not None and self.warnings > max_warnings
        shown = zip(self.failing_findings, ("error", "warning", "info finding"), strict=True)
        reasons = [_plural(n, label) for n, label in shown if n and not (too_many and label == "warning")]
        if too_many:
            reasons.append(f"{_plural(self.warnings, 'warning')} > --max-warnings {max_warnings}")
        if require_pack and self.unmatched:
            reasons.append(f"{_plural(self.unmatched, 'document')} match{'es' if self.unmatched == 1 else ''} no pack (--require-pack)")
        return "exit 1: " + ", ".join(reasons)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
