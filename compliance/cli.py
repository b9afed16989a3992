"""The command line: parse arguments, load, run, format, exit. No business logic lives here."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from compliance import __version__
from compliance.display import visible
from compliance.errors import UserError
from compliance.exitcodes import BUG, USER_ERROR

if TYPE_CHECKING:
    from compliance.findings import Report
    from compliance.formatters.context import BaselineOutcome
    from compliance.packs import Pack

app = typer.Typer(
    name="syndcheck",
    help="Check republished news articles against the publisher's republication terms.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    """`--format` choices."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    auto = "auto"


class FailOn(StrEnum):
    """`--fail-on` choices."""

    error = "error"
    warning = "warning"
    info = "info"


class InputKind(StrEnum):
    """`--input-kind` choices."""

    html = "html"
    text = "text"
    markdown = "markdown"
    cms_json = "cms-json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"syndcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Check republished news articles against the publisher's republication terms."""


def _use_color(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


_DEBUG = {"enabled": False}


def _say(message: str) -> None:
    """One message line on stderr, shown safely: it may quote file names, payload ids and page text."""
    typer.echo(visible(message), err=True)


def _line(text: str) -> None:
    """One line on stdout, shown safely (pack text and paths come from files)."""
    typer.echo(visible(text))


def _report_bug(where: str, cause: BaseException) -> None:
    """The short "this is a bug" message naming the document and rule; the traceback only with --debug."""
    place = f" {where}" if where else ""
    _say(f"syndcheck: internal error{place}: {type(cause).__name__}: {cause}")
    _say("syndcheck: this is a bug; please report it with the file and rule named above (rerun with --debug for details)")
    if _DEBUG["enabled"]:
        import traceback

        traceback.print_exception(cause)


def _parse_meta(pairs: Sequence[str]) -> dict[str, str]:
    """`--meta KEY=VALUE` pairs as a dict."""
    from compliance.errors import ConfigError

    meta = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--meta expects KEY=VALUE, got '{pair}'", hint="for example --meta reporter='Jake Smith'")
        meta[key.strip()] = value.strip()
    return meta


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Article files or directories (searched for .html, .htm, .txt, .md); '-' reads stdin.", show_default=False)
    ],
    pack: Annotated[list[str] | None, typer.Option("--pack", "-p", help="Apply this pack (repeatable); without it, packs are detected per article.")] = None,
    rules: Annotated[list[Path] | None, typer.Option("--rules", "-r", help="Extra pack file or directory of packs (repeatable).")] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format on stdout ('auto': github in GitHub Actions, else text).")
    ] = OutputFormat.text,
    output: Annotated[
        list[str] | None, typer.Option("--output", "-o", help="Also write FORMAT to FILE, as FORMAT=FILE (repeatable), e.g. sarif=report.sarif.")
    ] = None,
    max_warnings: Annotated[int | None, typer.Option("--max-warnings", min=0, help="Exit 1 when there are more warnings than this.")] = None,
    require_pack: Annotated[bool, typer.Option("--require-pack", help="Exit 1 when a document matches no pack.")] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Report only findings not recorded in this baseline file.")] = None,
    explain_detection: Annotated[bool, typer.Option("--explain-detection", help="Text output: show which detection markers fired for which pack.")] = False,
    timing: Annotated[bool, typer.Option("--timing", help="After the run, print the time spent per pack and per rule (on stderr).")] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=0, help="Worker processes for large batches [default: one per core; 1: none].", show_default=False)
    ] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 [default: error, or as configured].")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Use this configuration file instead of discovering .syndcheck.yaml files.")] = None,
    input_kind: Annotated[InputKind | None, typer.Option("--input-kind", help="Treat inputs as this kind instead of guessing from the extension.")] = None,
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename", help="Name to show for '-' (stdin).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text output: hide what passed and files without findings.")] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour text output (default: only on a terminal).", show_default=False)] = None,
    meta: Annotated[list[str] | None, typer.Option("--meta", "-m", help="A value about the article that rules can require, KEY=VALUE (repeatable).")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=0, help="Skip (and report) documents larger than this many bytes; 0 means no limit.")] = 16
    * 1024
    * 1024,
) -> None:
    """Check articles and report what their publishers' terms require and they lack."""
    from compliance.findings import Severity
    from compliance.formatters.context import BaselineOutcome
    from compliance.formatters.json import format_json_line
    from compliance.formatters.summary import Summary
    from compliance.formatters.text import format_report, format_resolved, format_summary
    from compliance.runner import Runner, RunOptions, RunStatus

    chosen = _resolve_format(output_format)
    outputs = _parse_outputs(output or ())
    options = RunOptions(
        packs=tuple(pack) if pack else None,
        rules=tuple(rules or ()),
        fail_on=Severity.from_label(fail_on.value) if fail_on else None,
        kind=input_kind.value if input_kind else None,
        stdin_name=stdin_filename,
        max_bytes=max_bytes,
        meta=_parse_meta(meta or ()),
        config=config,
        require_pack=require_pack,
        baseline=baseline,
        timing=timing,
    )
    runner = Runner(options)
    use_color = _use_color(color)
    # Text and JSON lines on stdout are streamed; the other formats need the whole run, so
    # reports are kept only for them.
    streaming = chosen in ("text", "jsonl") and not outputs
    reports = []
    summary = Summary()
    status = RunStatus()
    timings: dict[str, list[float]] = {}
    progress = _Progress() if _show_progress(chosen, quiet) else None
    for result in runner.run(paths, jobs=jobs or None, progress=progress):
        for message in result.messages:
            if result.failure == "bug":
                _report_bug(message, result.cause or RuntimeError("unknown"))
            else:
                _say(message)
        summary = summary.add(result.report)
        status = status.add(result)
        for step, seconds in result.report.timings:
            timings.setdefault(step, []).append(seconds)
        if chosen == "text" and not (quiet and result.report.checked and not result.report.findings):
            typer.echo(format_report(result.report, color=use_color, show_passed=not quiet, explain_detection=explain_detection))
        elif chosen == "jsonl":
            typer.echo(format_json_line(result.report), nl=False)
        if not streaming:
            reports.append(result.report)
    outcome = None
    if runner.baseline is not None and baseline is not None:
        outcome = BaselineOutcome(str(baseline), runner.baseline.known, tuple(runner.baseline.resolved()))
    if chosen == "text":
        typer.echo(format_summary(summary, color=use_color), nl=False)
        if outcome is not None:
            typer.echo(format_resolved(outcome), nl=False)
    if progress is not None:
        progress.clear()
    _write_formats(chosen, outputs, reports, runner.all_packs(), outcome)
    if timing:
        from compliance.formatters.text import format_timings

        typer.echo(format_timings(timings), err=True, nl=False)  # its fields are shown safely by the formatter
    raise typer.Exit(status.exit_code(max_warnings=max_warnings))


def _show_progress(chosen: str, quiet: bool) -> bool:
    """A progress line only for a person at a terminal: never in pipes or CI logs, and not over
    results being printed to the same terminal."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return False
    return quiet or chosen != "text" or not sys.stdout.isatty()


class _Progress:
    """`checked 120/2000 files` on stderr, redrawn at most a few times a second, after 2 s."""

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._started = self._clock()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        if now - self._started < 2 or (now - self._last < 0.25 and done != total):
            return
        self._last = now
        self._shown = True
        sys.stderr.write(f"\rchecked {done}/{total} files")
        sys.stderr.flush()

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def _resolve_format(choice: OutputFormat) -> str:
    """`auto` is `github` inside GitHub Actions, `text` elsewhere."""
    if choice is OutputFormat.auto:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return choice.value


def _parse_outputs(pairs: Sequence[str]) -> list[tuple[str, Path]]:
    """`--output FORMAT=FILE` pairs, validated before anything is checked."""
    from compliance.errors import ConfigError
    from compliance.formatters import FORMATTERS

    outputs = []
    for pair in pairs:
        name, sep, file = pair.partition("=")
        if not sep or not file:
            raise ConfigError(f"--output expects FORMAT=FILE, got '{pair}'", hint="for example --output sarif=report.sarif")
        if name not in FORMATTERS:
            raise ConfigError(f"unknown output format '{name}'", hint="one of " + ", ".join(FORMATTERS))
        outputs.append((name, Path(file)))
    return outputs


def _write_formats(
    chosen: str, outputs: Sequence[tuple[str, Path]], reports: Sequence[Report], packs: Sequence[Pack], baseline: BaselineOutcome | None = None
) -> None:
    """Render the non-streamed formats: stdout's (unless text), each --output file, GitHub's summary."""
    from compliance import __version__
    from compliance.formatters import FORMATTERS, FormatContext
    from compliance.loading import append_text, write_atomic

    context = FormatContext(packs=tuple(packs), base_dir=str(Path.cwd().resolve()), tool_version=__version__, baseline=baseline)
    if chosen not in ("text", "jsonl"):
        typer.echo(FORMATTERS[chosen](reports, context), nl=False)
    for name, file in outputs:
        write_atomic(file, FORMATTERS[name](reports, context))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if chosen == "github" and summary_file:
        append_text(Path(summary_file), FORMATTERS["github-summary"](reports, context))


@app.command("packs")
def list_packs(
    rules: Annotated[list[Path] | None, typer.Option("--rules", "-r", help="Extra pack file or directory of packs (repeatable).")] = None,
    paths: Annotated[bool, typer.Option("--paths", help="Print each pack's id and file instead (to copy a pack).")] = False,
) -> None:
    """List the available rule packs: name, publisher, terms, date of the terms, rule count."""
    from compliance.loading import load_packs

    packs = load_packs(rules or ())
    if paths:
        for pack in packs:
            _line(f"{pack.id} {Path(pack.origin).resolve()}")
        return
    rows = [("ID", "NAME", "PUBLISHER", "AS OF", "RULES", "TERMS")]
    rows += [(p.id, p.name, p.publisher, p.as_of, str(len(p.rules)), p.terms_url) for p in packs]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        _line("  ".join(cell.ljust(widths[i]) if i < 5 else cell for i, cell in enumerate(row)).rstrip())


rules_app = typer.Typer(help="Validate, list, explain and test rule packs.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(rules_app, name="rules")

RulesOption = Annotated[list[Path] | None, typer.Option("--rules", "-r", help="Extra pack file or directory of packs (repeatable).")]


@rules_app.command("validate")
def rules_validate(
    paths: Annotated[list[Path], typer.Argument(help="Pack files or directories to validate (with the built-in packs, so 'extends' resolves).")],
) -> None:
    """Check rule packs without checking articles: exit 0 when valid, 2 with file:line when not."""
    from compliance.loading import load_packs, pack_files

    names = {str(f.resolve()) for path in paths for f in pack_files(path)}
    packs = load_packs(paths)
    checked = [p for p in packs if str(Path(p.origin).resolve()) in names]
    for pack in checked:
        _line(f"{pack.origin}: ok ({pack.id}, {len(pack.rules)} rules)")


@rules_app.command("list")
def rules_list(
    pack: Annotated[list[str] | None, typer.Option("--pack", "-p", help="Only these packs (repeatable).")] = None,
    rules: RulesOption = None,
) -> None:
    """List rules: id, severity and message."""
    from compliance.loading import load_packs, select_packs

    available = load_packs(rules or ())
    for chosen in select_packs(available, pack) if pack else available:
        _line(f"{chosen.id} — {chosen.name}")
        for rule in chosen.rules:
            inherited = "" if rule.pack == chosen.id else f"  (from {rule.pack})"
            _line(f"  {rule.id:<40} {rule.severity.label:<8} {rule.message}{inherited}")


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id such as dcnf/logo.")],
    rules: RulesOption = None,
) -> None:
    """What a rule checks, the clause of the terms it comes from, and how to fix a finding."""
    from compliance.explain import explain_rule, find_rule, rule_source
    from compliance.loading import load_packs

    packs = load_packs(rules or ())
    _, rule = find_rule(packs, rule_id)
    try:
        source = rule_source(Path(rule.origin).read_text(encoding="utf-8"), rule.line)
    except OSError:
        source = ""
    typer.echo(explain_rule(packs, rule_id, source=source), nl=False)


@rules_app.command("test")
def rules_test(
    paths: Annotated[list[str], typer.Argument(help="Fixture files or directories (annotated with <!-- expect: RULE --> or a .expect sidecar).")],
    rules: RulesOption = None,
    pack: Annotated[list[str] | None, typer.Option("--pack", "-p", help="Coverage: the packs whose rules must all be covered.")] = None,
    coverage: Annotated[bool, typer.Option("--coverage", help="Also fail when a rule has no passing or no failing fixture.")] = False,
) -> None:
    """Run annotated fixture articles and report every mismatch with their expectations."""
    from compliance.engine import check_bytes
    from compliance.errors import InputError
    from compliance.loading import Skipped, expand_paths, load_packs, read_fixture, select_packs
    from compliance.ruletest import compare, coverage_gaps

    available = load_packs(rules or ())
    reports = []
    failures = 0
    for source in expand_paths(paths):
        if isinstance(source, Skipped):
            continue
        data, expected = read_fixture(source)
        chosen = select_packs(available, expected.packs) if expected.packs is not None else available
        report = check_bytes(data, source.kind, chosen, path=source.path, auto_detect=expected.packs is None, meta=dict(expected.meta))
        reports.append(report)
        mismatches = compare(report, expected)
        failures += len(mismatches)
        for mismatch in mismatches:
            _line(str(mismatch))
    if not reports:
        raise InputError("no fixtures found", path=", ".join(paths), hint="fixtures are .html, .htm, .md and .txt files")
    gaps: list[str] = []
    if coverage:
        scope = select_packs(available, pack) if pack else available
        rule_ids = list(dict.fromkeys(r.id for p in scope for r in p.rules if pack or r.pack == p.id))
        gaps = coverage_gaps(reports, rule_ids)
        for gap in gaps:
            _line(f"coverage: {gap}")
    typer.echo(f"{len(reports)} fixtures, {failures} mismatch{'es' if failures != 1 else ''}" + (f", {len(gaps)} coverage gaps" if coverage else ""))
    raise typer.Exit(1 if failures or gaps else 0)


baseline_app = typer.Typer(help="Record known findings so that only new ones are reported.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories, as for 'check'.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write.")],
    pack: Annotated[list[str] | None, typer.Option("--pack", "-p", help="Apply this pack (repeatable).")] = None,
    rules: Annotated[list[Path] | None, typer.Option("--rules", "-r", help="Extra pack file or directory of packs (repeatable).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Use this configuration file.")] = None,
) -> None:
    """Check the articles and record every finding, so that 'check --baseline' reports only new ones."""
    from compliance.baseline import entries_for, format_baseline
    from compliance.fingerprint import display_path
    from compliance.loading import write_atomic
    from compliance.runner import Runner, RunOptions, RunStatus

    runner = Runner(RunOptions(packs=tuple(pack) if pack else None, rules=tuple(rules or ()), config=config))
    base = str(Path.cwd().resolve())
    entries = []
    status = RunStatus()
    for result in runner.run(paths):
        for message in result.messages:
            _say(message if result.failure != "bug" else f"syndcheck: internal error {message}")
        status = status.add(result)
        entries.extend(entries_for(result.report, display_path(result.report.path, base)))
    write_atomic(output, format_baseline(entries))
    _line(f"{len(entries)} finding{'s' if len(entries) != 1 else ''} recorded in {output}")
    raise typer.Exit(status.exit_code() if status.bugs or status.input_errors else 0)


config_app = typer.Typer(help="Show the project configuration.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(
    path: Annotated[str, typer.Argument(help="The article (or directory) whose effective configuration to show.")] = ".",
    config: Annotated[Path | None, typer.Option("--config", help="Use this configuration file instead of discovering .syndcheck.yaml files.")] = None,
) -> None:
    """Print the configuration that applies to a file, and where each value came from."""
    from compliance.config import describe
    from compliance.runner import Runner, RunOptions

    target = path if not Path(path).is_dir() else str(Path(path) / "_")
    runner = Runner(RunOptions(config=config))
    typer.echo(describe(runner.settings_for(target), runner.layers_for(target)), nl=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (0 clean, 1 findings, 2 user error, 3 bug)."""
    args = list(sys.argv[1:] if argv is None else argv)
    _DEBUG["enabled"] = "--debug" in args
    args = [a for a in args if a != "--debug"]
    try:
        command = typer.main.get_command(app)
        result = command.main(args=args, prog_name="syndcheck", standalone_mode=False)
        return int(result or 0)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except UserError as exc:
        _say(f"syndcheck: error: {exc.one_line()}")
        return USER_ERROR
    except KeyboardInterrupt:
        _say("syndcheck: interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns unexpected errors into exit 3
        usage = _usage_error(exc)
        if usage is not None:
            _say(f"syndcheck: error: {usage}")
            return USER_ERROR
        _report_bug("", exc)
        return BUG


def _usage_error(exc: Exception) -> str | None:
    """Command-line mistakes (unknown flag, bad choice) as one line; typer raises click's errors."""
    format_message = getattr(exc, "format_message", None)
    exit_code = getattr(exc, "exit_code", None)
    if format_message is None or exit_code != USER_ERROR:
        return None
    message = " ".join(str(format_message()).split())
    command = getattr(getattr(exc, "ctx", None), "command_path", "syndcheck")
    return f"{message} — see '{command} --help'"


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
