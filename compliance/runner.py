"""Running a check over many inputs: per-file configuration, pack loading, one report per file.

This is the edge between the command line and the pure core: it reads files and configuration,
but never prints or exits; what went wrong with a file is returned with its report so the CLI can
say it, and one failing file never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from compliance.baseline import BaselineFilter
from compliance.config import ConfigLayer, Settings, is_selected, resolve
from compliance.document import DocumentKind
from compliance.engine import check_bytes
from compliance.errors import CheckError, UserError
from compliance.exitcodes import BUG, FINDINGS, OK, USER_ERROR
from compliance.findings import Notice, Report, Severity
from compliance.formatters.pipeline import display_path
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
    read_sidecar_meta,
    read_source,
    select_packs,
    sniff_kind,
)
from compliance.packs import Pack


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


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's report, whether it fails the run, and what to tell the user about it."""

    report: Report
    failing: bool = False
    failure: str = ""  # "", "input" (exit 2) or "bug" (exit 3)
    messages: tuple[str, ...] = ()
    cause: BaseException | None = None


class Runner:
    """Checks sources with the settings that apply to each."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._finder = ConfigFinder()
        self._fixed: tuple[ConfigLayer, ...] | None = (read_config(options.config),) if options.config else None
        self._packs: dict[tuple[str, ...], list[Pack]] = {}
        self.baseline = BaselineFilter(read_baseline(options.baseline)) if options.baseline else None
        # Load the command line's packs now: a broken pack is a user error before any article.
        self.packs_for(Settings())

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

    def check(self, source: Source) -> FileResult:
        """One file, with its own settings; failures become a report saying it was not checked."""
        display = (self.options.stdin_name or "<stdin>") if source.path == STDIN else source.path
        try:
            settings = self.settings_for(source.path if source.path != STDIN else display)
            available = self.packs_for(settings)
            wanted = self.options.packs if self.options.packs is not None else settings.packs
            packs = select_packs(available, wanted) if wanted else available
            data = read_source(source, max_bytes=self.options.max_bytes)
            kind = source.kind if (source.path != STDIN or self.options.kind) else sniff_kind(data)
            report = check_bytes(
                data,
                kind,
                packs,
                path=display,
                auto_detect=not wanted,
                meta=self.options.meta,
                default_meta=read_sidecar_meta(source),
                severities=settings.severity,
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
        if self.baseline is not None:
            report = self.baseline.apply(report, display_path(report.path, str(Path.cwd().resolve())))
        threshold = self.options.fail_on or settings.fail_on
        failing = any(f.severity >= threshold for f in report.findings)
        if self.options.require_pack and report.checked and not report.packs:
            failing = True
        return FileResult(report, failing=failing)

    def check_payload(self, source: Source) -> Iterator[FileResult]:
        """Each article of a CMS JSON payload (one object, an array, or JSON lines), in order."""
        from compliance.cms import CmsProblem, parse_payload
        from compliance.decoding import decode_bytes

        display = (self.options.stdin_name or "<stdin>") if source.path == STDIN else source.path
        try:
            settings = self.settings_for(source.path if source.path != STDIN else display)
            available = self.packs_for(settings)
            wanted = self.options.packs if self.options.packs is not None else settings.packs
            packs = select_packs(available, wanted) if wanted else available
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
                    article.html.encode("utf-8"), "html", packs, path=article.name, auto_detect=not wanted, meta=meta, severities=settings.severity
                )
            except CheckError as exc:
                report = Report(path=article.name, notices=(Notice("internal-error", f"not checked: internal error in rule {exc.rule}"),), checked=False)
                yield FileResult(report, failure="bug", messages=(f"while checking {exc.path} with rule {exc.rule}",), cause=exc.cause)
                continue
            failing = any(f.severity >= threshold for f in report.findings) or (self.options.require_pack and not report.packs)
            yield FileResult(report, failing=failing)

    def run(self, paths: Iterable[str]) -> Iterator[FileResult]:
        """Every source under the paths, in a stable order; directory walks honour include/exclude."""
        explicit = {os.path.normpath(p) for p in paths}
        if self.options.kind == "cms-json":
            for path in paths:
                yield from self.check_payload(Source(path, "html", None if path == STDIN else Path(path)))
            return
        for source in expand_paths(list(paths), kind=self.options.kind):
            if isinstance(source, Skipped):
                yield FileResult(Report(path=source.path, notices=(Notice("skipped", source.reason),), checked=False))
                continue
            if source.path != STDIN and os.path.normpath(source.path) not in explicit:
                settings = self.settings_for(source.path)
                if not is_selected(settings, Path(source.path).resolve().as_posix()):
                    continue
            yield self.check(source)


@dataclass(frozen=True, slots=True)
class RunStatus:
    """What the exit code depends on, accumulated file by file."""

    failing: bool = False
    input_errors: int = 0
    bugs: int = 0
    warnings: int = 0

    def add(self, result: FileResult) -> RunStatus:
        """This status with one more file counted."""
        return RunStatus(
            self.failing or result.failing,
            self.input_errors + (result.failure == "input"),
            self.bugs + (result.failure == "bug"),
            self.warnings + result.report.count(Severity.WARNING),
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
