"""The command line: parse arguments, load, run, format, exit. No business logic lives here."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import errno
import inspect
import io
import math
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple

import typer

from compliance import __version__
from compliance.display import visible
from compliance.errors import Terminated, UserError
from compliance.exitcodes import BUG, FINDINGS, INTERRUPTED, OK, USER_ERROR
from compliance.startup import start_up_done

if TYPE_CHECKING:
    from compliance.config import RuleAdjustment
    from compliance.findings import Report
    from compliance.formatters.context import BaselineOutcome
    from compliance.formatters.summary import Summary
    from compliance.packs import Pack
    from compliance.runner import FileResult, HeldOriginal, Runner, RunOptions


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="syndcheck",
        help="Check republished news articles against the publisher's republication terms.",
        add_completion=False,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        # click already suggests the closest command ("Did you mean 'check'?"); typer's own
        # suggestion would repeat it.
        suggest_commands=False,
    )


app = _new_app()


def _whole_number(minimum: int, maximum: int | None = None) -> Callable[[str | int], int]:
    """The parser of a count or size option (`--jobs`, `--max-bytes`…), with its bounds: click's
    own bounded integer says "'abc' is not a valid integer range", as if a range were asked for."""

    def whole_number(value: str | int) -> int:
        # The option's default arrives as it is written in the signature, an int. Only ASCII
        # digits: int() also takes "1_000", "+2" and other scripts' digits, which no shell user means.
        text = str(value)
        bounds = f"{minimum} to {maximum}" if maximum is not None else f"{minimum} or more"
        # A minus sign is read, so that `-1` is told the bounds rather than that it is no number.
        digits = text.removeprefix("-")
        if not (digits.isascii() and digits.isdigit()):
            raise typer.BadParameter(f"'{value}' is not a whole number")
        number = int(text)
        if number < minimum or (maximum is not None and number > maximum):
            raise typer.BadParameter(f"{number} is out of range; give {bounds}")
        return number

    return whole_number


def _seconds(minimum: float) -> Callable[[str | float], float]:
    """The parser of a duration option in seconds (`--time-limit`), at least `minimum`."""

    def seconds(value: str | float) -> float:
        try:
            number = float(str(value))
        except ValueError:
            raise typer.BadParameter(f"'{value}' is not a number of seconds") from None
        if not minimum <= number < math.inf:  # NaN and infinity too: a time limit limits
            raise typer.BadParameter(f"{value} is out of range; give {minimum} seconds or more")
        return number

    return seconds


# `--time-limit` of `check` and of the baseline commands, which run the same check.
TimeLimit = Annotated[
    float | None,
    typer.Option(
        "--time-limit",
        parser=_seconds(0.1),
        metavar="SECONDS",
        help="Stop a document's check after this many seconds (not counting the fetch of an original) and report it not checked (exit 2) [default: no limit].",
        show_default=False,
    ),
]


def _day(value: str | datetime.date) -> datetime.date:
    """The parser of `--today`: a day of the calendar written YYYY-MM-DD."""
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    try:
        if len(text) != 10:
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"'{visible(str(value))}' is not a day written YYYY-MM-DD (such as 2027-01-16)") from None


def _given_path(value: str | Path) -> Path:
    """The parser of a path option: an empty value (an unset variable in a CI script) names no
    file, where `Path("")` would read as the current folder (`--rules ''` would load every YAML
    file there as a rule pack)."""
    if isinstance(value, Path):
        return value
    if not value.strip():
        raise typer.BadParameter("an empty path names no file or folder; give one, or leave the option out")
    return Path(value)


class OutputFormat(StrEnum):
    """`--format` choices."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    concise = "concise"
    html = "html"
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


# The options that say what is checked and how: `check` and the baseline commands take the same
# ones, so that a baseline is made as the check that reads it will run (`check_options` reads them).
PackOption = Annotated[list[str] | None, typer.Option("--pack", "-p", help="Apply this pack (repeatable); without it, packs are detected per article.")]
RulesOption = Annotated[
    list[Path] | None, typer.Option("--rules", "-r", parser=_given_path, metavar="PATH", help="Extra pack file or directory of packs (repeatable).")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", parser=_given_path, metavar="FILE", help="Use this configuration file instead of discovering .syndcheck.yaml files."),
]
InputKindOption = Annotated[InputKind | None, typer.Option("--input-kind", help="Treat inputs as this kind instead of guessing from the extension.")]
StdinFilenameOption = Annotated[str | None, typer.Option("--stdin-filename", help="Name to show for '-' (stdin); its extension gives the kind.")]
MetaOption = Annotated[list[str] | None, typer.Option("--meta", "-m", help="A value about the article that rules can require, KEY=VALUE (repeatable).")]
OriginalOption = Annotated[
    str | None, typer.Option("--original", help="The original story (HTML, text or Markdown) to compare the republication with; '-' reads it from stdin.")
]
AllowFetchOption = Annotated[bool, typer.Option("--allow-fetch", help="Fetch an original given as a URL (the 'original' metadata key).")]
DEFAULT_MAX_BYTES = 16 * 1024 * 1024  # inputs.DEFAULT_MAX_BYTES, without importing the input readers at start-up
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", parser=_whole_number(0), metavar="BYTES", help="Skip (and report) documents larger than this many bytes; 0 means no limit."),
]
SelectOption = Annotated[
    list[str] | None, typer.Option("--select", help="Run only these rules: rule ids, pack ids or globs such as 'dcnf/*' (repeatable, or comma-separated).")
]
ExtendSelectOption = Annotated[list[str] | None, typer.Option("--extend-select", help="Run these rules as well as the configured ones.")]
IgnoreOption = Annotated[list[str] | None, typer.Option("--ignore", help="Do not run these rules (rule ids, pack ids or globs).")]


def _git_pattern(value: str) -> str:
    """The parser of `--exclude`: a pattern git's language reads (`!` alone is none)."""
    from compliance.ignores import pattern_problem

    problem = pattern_problem(value)
    if problem is not None:
        raise typer.BadParameter(visible(problem))
    return value


ExcludeOption = Annotated[
    list[str] | None,
    typer.Option("--exclude", parser=_git_pattern, metavar="GLOB", help="Leave out files matching this git-style glob in directory walks (repeatable)."),
]
NoGitignoreOption = Annotated[bool, typer.Option("--no-gitignore", help="Also check files that .gitignore files leave out.")]
ForceExcludeOption = Annotated[
    bool,
    typer.Option("--force-exclude", help="Leave out named files too, as --exclude, .gitignore and the configured include/exclude do in walks."),
]
TodayOption = Annotated[
    datetime.date | None,
    typer.Option(
        "--today",
        parser=_day,
        metavar="YYYY-MM-DD",
        help="Check date-bound notices (an embargo) against this day instead of the clock's; a copy's publication_date still comes first.",
    ),
]
NoInlineSuppressionsOption = Annotated[
    bool, typer.Option("--no-inline-suppressions", help="Do not obey syndcheck-disable comments in the articles (a notice counts them).")
]


def _check_options(given: dict[str, Any]) -> CheckOptions:
    """The shared options among a command's arguments (its `locals()` at the start)."""
    return CheckOptions(**{name: given[name] for name in CheckOptions._fields if name in given})


class CheckOptions(NamedTuple):
    """The values of the options `check` and the baseline commands share (see `PackOption`…)."""

    pack: list[str] | None = None
    rules: list[Path] | None = None
    config: Path | None = None
    input_kind: InputKind | None = None
    stdin_filename: str | None = None
    meta: list[str] | None = None
    original: str | None = None
    allow_fetch: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    exclude: list[str] | None = None
    no_gitignore: bool = False
    force_exclude: bool = False
    no_inline_suppressions: bool = False
    time_limit: float | None = None
    today: datetime.date | None = None

    def run_options(self, articles: Sequence[str], **more: Any) -> RunOptions:
        """The run these options describe for these `articles` (the paths given), with `more` of
        `RunOptions`' fields (a command's own)."""
        from compliance.runner import RunOptions
        from compliance.selection import split_selectors

        if self.allow_fetch:
            from compliance.fetchguard import require_fetching

            require_fetching()
        return RunOptions(
            packs=_pack_ids(self.pack),
            rules=tuple(self.rules or ()),
            kind=self.input_kind.value if self.input_kind else None,
            stdin_name=self.stdin_filename,
            max_bytes=self.max_bytes,
            meta=_with_original(_parse_meta(self.meta or ()), self.original, allow_fetch=self.allow_fetch),
            config=self.config,
            select=split_selectors(self.select, "--select") if self.select is not None else None,
            extend_select=split_selectors(self.extend_select or (), "--extend-select"),
            ignore=split_selectors(self.ignore or (), "--ignore"),
            exclude=tuple(self.exclude or ()),
            gitignore=not self.no_gitignore,
            force_exclude=self.force_exclude,
            inline_suppressions=not self.no_inline_suppressions,
            time_limit=self.time_limit or 0.0,
            allow_fetch=self.allow_fetch,
            today=self.today,
            held_original=_original_from_stdin(self.original, articles),
            **more,
        )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"syndcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error (any command, anywhere on the line).")] = False,
) -> None:
    """Check republished news articles against the publisher's republication terms."""


def _use_color(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    from compliance.terminal import dumb_terminal

    if os.environ.get("NO_COLOR") or dumb_terminal(os.environ):
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
    """`--meta KEY=VALUE` pairs as a dict (the runner checks that addresses are http(s) URLs)."""
    from compliance.errors import ConfigError
    from compliance.metavalues import NO_KEY, PASTED_ENDS, is_blank_key, same_key

    meta: dict[str, str] = {}
    given: dict[str, str] = {}  # each key as given, by `same_key` (`original-url` is `original_url`)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(f"--meta expects KEY=VALUE, got '{pair}'", hint="for example --meta reporter='Jake Smith'")
        if is_blank_key(key):
            raise ConfigError(f"--meta '{pair}' {NO_KEY}", hint="write KEY=VALUE, for example --meta reporter='Jake Smith'")
        before = given.get(same_key(key.strip()))
        if before is not None:
            # Which value was meant is unknown, as for a key a front matter or payload gives twice.
            named = f"'{key.strip()}'" if before == key.strip() else f"'{before}' and '{key.strip()}' (one key)"
            raise ConfigError(
                f"--meta gives {named} twice ('{meta[before]}', '{value.strip(PASTED_ENDS)}'): only one value would be checked",
                hint=f"give --meta {key.strip()}=… once",
            )
        given[same_key(key.strip())] = key.strip()
        meta[key.strip()] = value.strip(PASTED_ENDS)
    return meta


def _pack_ids(given: Sequence[str] | None) -> tuple[str, ...] | None:
    """`--pack` values: repeatable, and comma-separated like `--select` (`--pack dcnf,propublica`)."""
    if not given:
        return None
    from compliance.packfiles import pack_ids

    return pack_ids(given, "--pack " + " ".join(repr(value) for value in given))


def _with_original(meta: dict[str, str], original: str | None, *, allow_fetch: bool = False) -> dict[str, str]:
    """`--original FILE` is the `original` metadata key, as an absolute path; anything but a
    regular file (missing, a URL, a directory, a device) is a user error before anything is checked.
    A file named by `--meta original=FILE` is held to the same: the command line names it from the
    working directory, and one that cannot be read stops the run as `--original` does (a check
    that silently skipped the comparison it was asked for would pass)."""
    from compliance.errors import ConfigError
    from compliance.metavalues import given_key
    from compliance.urls import is_http_url

    if original is None:
        key = given_key(meta, "original") or "original"
        named = meta.get(key, "")
        # An empty value reads no original; a URL is read (or refused) with --allow-fetch.
        if not named.strip() or is_http_url(named):
            return meta
        return {**meta, key: _saved_original(named, f"--meta {key}")}
    if original == STDIN_ORIGINAL:
        # Read by `_original_from_stdin`; the runner gives it for this name.
        return {**meta, "original": STDIN_ORIGINAL}
    if "://" in original:
        # The option names a saved file; a URL to fetch is the `original` metadata key, which
        # --allow-fetch (given or not) fetches: the hint says the one step left.
        import shlex

        by_meta = f"--meta original={shlex.quote(original)}"
        raise ConfigError(
            f"--original takes a file, not a URL: '{original}'",
            hint=f"give the URL as {by_meta}, which --allow-fetch fetches, or save the original story and give the file"
            if allow_fetch
            else f"save the original story and give the file, or give the URL as {by_meta} and add --allow-fetch",
        )
    return {**meta, "original": _saved_original(original, "--original")}


# `--original -`: the original story comes on stdin (`curl -s URL | syndcheck check copy.html
# --original -`), as '-' names stdin for an article.
STDIN_ORIGINAL = "-"


def _original_from_stdin(original: str | None, articles: Sequence[str]) -> HeldOriginal | None:
    """The original story `--original -` reads from stdin, held for every article; None for any
    other `--original`. `ConfigError` when an article is read from stdin too, when stdin holds
    more than an original is read to (`originals.FETCH_MAX_BYTES`) or no story (empty, binary)."""
    if original != STDIN_ORIGINAL:
        return None
    from compliance.decoding import not_an_article
    from compliance.errors import ConfigError
    from compliance.inputs import STDIN, TooLarge, read_bounded, stdin_kind
    from compliance.originals import FETCH_MAX_BYTES
    from compliance.runner import HeldOriginal

    takes = "--original - takes the original story (HTML, text or Markdown) on standard input"
    if STDIN in articles:
        raise ConfigError("--original - and the article '-' both read standard input", hint="give the original story or the article as a file")
    try:
        data = read_bounded(sys.stdin.buffer, FETCH_MAX_BYTES)
    except TooLarge:
        raise ConfigError(f"--original -: standard input holds more than the {FETCH_MAX_BYTES:,} bytes an original story is read to", hint=takes) from None
    why = not_an_article(data)
    if why is not None:
        raise ConfigError(f"--original -: standard input is {why}", hint=takes)
    return HeldOriginal(data, stdin_kind(data, None), STDIN_ORIGINAL)


def _saved_original(original: str, option: str) -> str:
    """The absolute path of the saved original a command-line option names; `ConfigError` when it
    is not a regular file."""
    from compliance.errors import ConfigError
    from compliance.inputs import file_type

    takes = f"{option} takes the saved original story, a file (HTML, text or Markdown)"
    try:
        mode = os.stat(original).st_mode
    except FileNotFoundError:
        raise ConfigError(f"{option}: no such file '{original}'", hint=takes) from None
    except OSError as exc:  # a link that loops, a folder on the way that cannot be read
        raise ConfigError(f"{option}: cannot read '{original}': {exc.strerror or exc}", hint=takes) from None
    except ValueError:  # a NUL character: no file has such a name
        raise ConfigError(f"{option}: no such file '{original}'", hint=takes) from None
    if not stat.S_ISREG(mode):
        raise ConfigError(f"{option}: '{original}' is {file_type(mode)}, not a file", hint=takes)
    from compliance.originals import FETCH_MAX_BYTES

    size = os.stat(original).st_size
    if size > FETCH_MAX_BYTES:
        # The run's reader would leave it unread with a note: the comparison asked for would not be made.
        raise ConfigError(
            f"{option}: '{original}' is {size:,} bytes, more than the {FETCH_MAX_BYTES:,} an original story is read to",
            hint='save the story\'s page as HTML only (File > Save Page As, "Web Page, HTML Only"),'
            " or give the values the rules need with --meta (reporter=…, original-url=…)",
        )
    why = _not_an_original(original)
    if why is not None:
        # Read as a story it would share no text with the copy and name no reporter: the notes
        # would blame the copy, and the rules that compare with it would not run.
        raise ConfigError(f"{option}: '{original}' is {why}", hint=takes)
    return str(Path(original).resolve())


def _not_an_original(original: str) -> str | None:
    """Why the file an option names holds no original story ("empty", "a PNG image, not an
    article"), from its first bytes; None for text, and for a file that cannot be read here (the
    run's reader says why it cannot)."""
    from compliance.decoding import SNIFF_BYTES, not_an_article
    from compliance.errors import InputError
    from compliance.inputs import NotRegular, open_regular

    try:
        with open_regular(Path(original), original) as handle:
            head = handle.read(SNIFF_BYTES)
            whole = os.fstat(handle.fileno()).st_size <= len(head)
    except (InputError, NotRegular, OSError):
        return None
    return not_an_article(head, whole=whole)


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Article files or directories (searched for .html, .htm, .txt, .md); '-' reads stdin.", show_default=False)
    ],
    pack: PackOption = None,
    rules: RulesOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format on stdout ('auto': github in GitHub Actions, else text).")
    ] = OutputFormat.text,
    output: Annotated[
        list[str] | None,
        typer.Option("--output", "-o", help="Also write FORMAT to FILE, as FORMAT=FILE (repeatable), e.g. sarif=report.sarif."),
    ] = None,
    max_warnings: Annotated[
        int | None, typer.Option("--max-warnings", parser=_whole_number(0), metavar="N", help="Exit 1 when there are more warnings than this.")
    ] = None,
    require_pack: Annotated[bool, typer.Option("--require-pack", help="Exit 1 when a document matches no pack.")] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", parser=_given_path, metavar="FILE", help="Report only findings not recorded in this baseline file.")
    ] = None,
    explain_detection: Annotated[bool, typer.Option("--explain-detection", help="Text output: show which detection markers fired for which pack.")] = False,
    timing: Annotated[bool, typer.Option("--timing", help="After the run, print the time spent per pack and per rule (on stderr).")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            parser=_whole_number(0),
            metavar="N",
            help="Worker processes for large batches [default: one per core; 1: none].",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 [default: error, or as configured].")] = None,
    config: ConfigOption = None,
    input_kind: InputKindOption = None,
    stdin_filename: StdinFilenameOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text output: hide what passed, and files with nothing found or left unchecked.")] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour text output (default: only on a terminal).", show_default=False)] = None,
    meta: MetaOption = None,
    original: OriginalOption = None,
    allow_fetch: AllowFetchOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    no_gitignore: NoGitignoreOption = False,
    force_exclude: ForceExcludeOption = False,
    pass_with_nothing_checked: Annotated[
        bool,
        typer.Option("--pass-with-nothing-checked", help="Exit 0, not 2, when every file was skipped (empty, binary) or left out: for a pre-commit hook."),
    ] = False,
    time_limit: TimeLimit = None,
    no_inline_suppressions: NoInlineSuppressionsOption = False,
    today: TodayOption = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many findings each rule and pack produced (instead of the findings, for text and concise).")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Check articles and report what their publishers' terms require and they lack."""
    shared = _check_options(locals())  # first, while the arguments are all that is defined
    from compliance.compact import CompactReports, CompactTexts
    from compliance.findings import Severity
    from compliance.formatters.summary import Summary
    from compliance.formatters.text import format_adjustments, format_report, format_resolved, format_summary
    from compliance.runner import Runner, RunStatus

    chosen = _resolve_format(output_format)
    outputs = _parse_outputs(output or ())
    to_stdout = [name for name, file in outputs if file is None]
    if to_stdout:
        if len(to_stdout) > 1 or chosen != "text" or output_format is not OutputFormat.text:
            from compliance.errors import ConfigError

            raise ConfigError("only one format can go to stdout", hint="give either --format or one --output FORMAT=-")
        chosen = to_stdout[0]
        outputs = [(name, file) for name, file in outputs if file is not None]
    options = shared.run_options(
        paths,
        fail_on=Severity.from_label(fail_on.value) if fail_on else None,
        require_pack=require_pack,
        baseline=baseline,
        timing=timing,
        pass_with_nothing_checked=pass_with_nothing_checked,
        outputs=tuple(file for _, file in outputs if file is not None) + _job_summary(chosen),
    )
    runner = Runner(options)
    _warn_replaced(runner)
    start_up_done()  # the packs are loaded; before the first document and before any worker forks
    use_color = _use_color(color)
    # Text, concise and JSON lines on stdout are streamed; the other formats need the whole run,
    # so reports are kept only for them. JSON keeps each file's entry instead, rendered as its
    # result arrives: with --jobs, while the workers check the files after it, not all at the end.
    at_end = [*([] if chosen in _STREAMED else [chosen]), *(name for name, _ in outputs)]
    entries = CompactTexts() if "json" in at_end else None
    keep_reports = any(name != "json" for name in at_end)
    counts = None
    if statistics:
        from compliance.formatters.statistics import RuleCounts

        counts = RuleCounts()
    reports = CompactReports()
    summary = Summary()
    status = RunStatus()
    timings: dict[str, list[float]] = {}
    progress = _Progress() if _show_progress(chosen, quiet) else None
    # Files that do not depend on stdout are written whole even when stdout fails: the run goes on.
    out = _ReportOnStdout(files=tuple(str(file) for _, file in outputs if file is not None), summary=bool(_job_summary(chosen)))
    for result in runner.run(paths, jobs=jobs or None, progress=progress):
        _tell(result)
        summary = summary.add(result.report)
        status = status.add(result)
        for step, seconds in result.report.timings:
            timings.setdefault(step, []).append(seconds)
        if counts is not None:
            counts.add(result.report.findings, result.report.suppressed)
        if (counts is not None and chosen in ("text", "concise")) or out.lost is not None:
            pass  # the counts replace the findings; or stdout failed, and takes nothing more
        elif chosen == "text" and not (quiet and _nothing_to_say(result)):
            shown = format_report(result.report, color=use_color, show_passed=not quiet, show_not_compared=not quiet, explain_detection=explain_detection)
            out.echo(shown, color=use_color)
        elif chosen == "concise":
            from compliance.formatters.concise import format_concise_report

            out.echo(format_concise_report(result.report, color=use_color), nl=False, color=use_color)
        elif chosen == "jsonl":
            from compliance.formatters.json import format_json_line

            out.echo(format_json_line(result.report), nl=False)
        if keep_reports:
            reports.append(result.report, result.packed)
        if entries is not None:
            from compliance.formatters.json import json_entry

            entries.append(json_entry(result.report))
    if (unmatched := runner.baseline_unmatched()) is not None:
        _say(f"syndcheck: warning: {unmatched}")
    outcome = None
    if runner.baseline is not None and baseline is not None:
        from compliance.formatters.context import BaselineOutcome

        outcome = BaselineOutcome(str(baseline), runner.baseline.known, tuple(runner.baseline.resolved()), tuple(runner.baseline.not_checked()))
    if counts is not None:
        from compliance.formatters.statistics import format_statistics

        # In place of the findings for the editor's formats; beside machine output, on stderr.
        if chosen in ("text", "concise"):
            out.echo(format_statistics(counts), nl=False)
        else:
            typer.echo(format_statistics(counts), nl=False, err=True)
    if chosen == "concise":
        from compliance.formatters.concise import format_not_compared

        out.echo(format_not_compared(summary), nl=False)
        out.echo(format_adjustments(runner.adjusted_rules()), nl=False)
    if chosen == "text":
        out.echo(format_summary(summary, color=use_color), nl=False, color=use_color)
        out.echo(format_adjustments(runner.adjusted_rules()), nl=False)
        if outcome is not None:
            out.echo(format_resolved(outcome), nl=False)
    if progress is not None:
        progress.clear()
    rendered = None if entries is None else (entries, summary)
    try:
        _write_formats(
            out,
            chosen,
            outputs,
            reports,
            runner.all_packs(),
            outcome,
            tuple(runner.adjusted_rules()),
            require_pack=require_pack,
            pass_with_nothing_checked=pass_with_nothing_checked,
            rendered=rendered,
        )
    except UserError:
        if out.lost is not None:  # both failed: stdout's line first, then the file's
            _say(f"syndcheck: error: {_unwritten(out.lost, instead='')}")
        raise
    if timing:
        from compliance.formatters.text import format_timings

        typer.echo(format_timings(timings), err=True, nl=False)  # its fields are shown safely by the formatter
    if out.lost is not None:
        # The report stdout was to carry is lost: however the documents fared, the run is not
        # green, and its last line says why (no "exit 1: …" line for a report nobody received).
        raise typer.Exit(_unwritten_report(_unwritten(out.lost, instead=out.written_instead())))
    code = status.exit_code(max_warnings=max_warnings, nothing_checked_passes=pass_with_nothing_checked)
    reason = status.exit_reason(max_warnings=max_warnings, require_pack=require_pack, nothing_checked_passes=pass_with_nothing_checked)
    if reason is not None:
        _say(reason)
    raise typer.Exit(code)


_STREAMED = ("text", "concise", "jsonl")


class _ReportOnStdout:
    """Where `check` writes the report meant for stdout, `echo` by `echo`.

    A write that fails (a full disk, a closed stdout, a reader that went away: `_stdout_failure`)
    is raised at once when stdout is all the run writes. When the run also writes `files`
    (--output FORMAT=FILE) or GitHub's job summary (`summary`), which do not depend on stdout, the
    failure is kept in `lost` instead, stdout is pointed at the null device and takes nothing
    more, and the run goes on, so that those files are written whole; the command then ends with
    exit 2 and the line `_unwritten` makes, naming what was written (`written_instead`)."""

    def __init__(self, *, files: Sequence[str], summary: bool) -> None:
        self.files = tuple(files)
        self.summary = summary
        self.lost: OSError | None = None

    def echo(self, text: str, *, nl: bool = True, color: bool | None = None) -> None:
        """Write `text` to stdout as `typer.echo` does, unless stdout has already failed."""
        if self.lost is not None:
            return
        try:
            typer.echo(text, nl=nl, color=color)
        except OSError as exc:
            if not (self.files or self.summary) or _stdout_failure(exc) is None:
                raise
            self.lost = exc
            _silence_stdout()

    def written_instead(self) -> str:
        """What the line for the lost report says was written all the same (the --output files,
        the job summary), for `_unwritten`'s `instead`; once they are all written."""
        summary = "the job summary (GITHUB_STEP_SUMMARY)"
        if not self.files:
            return f", or write the report to a file with --output FORMAT=FILE; {summary} was written"
        were = "files were" if len(self.files) > 1 else "file was"
        also = f", and so was {summary}" if self.summary else ""
        return f"; the --output {were} written: {', '.join(self.files)}{also}"


def _nothing_to_say(result: FileResult) -> bool:
    """Whether `--quiet` leaves a file out: checked, with no finding, not failing the run, with
    every rule checked (a rule that was not checked has not passed), and no rule selected by its
    own id that did not apply (whoever named a rule is told it was not checked here), and a check
    that covered all the page holds (not a page of several stories, nor a later page of one)."""
    from compliance.formatters.pipeline import partly_checked

    report = result.report
    return (
        report.checked
        and not report.findings
        and not result.failing
        and not report.unchecked_rules
        and not report.named_rules_not_applied
        and not partly_checked(report)
    )


def _job_summary(chosen: str) -> tuple[Path, ...]:
    """GitHub's job summary file, when this run appends to it (`--format github`).

    Raises `InputError`, naming the variable, when it cannot take a report (a folder, a device, a
    folder that does not exist): the file is named by the environment, not on the command line."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if chosen != "github" or not summary_file:
        return ()
    from compliance.errors import InputError
    from compliance.outputs import check_output_targets

    try:
        check_output_targets([Path(summary_file)])
    except InputError as exc:
        raise InputError(
            f"GITHUB_STEP_SUMMARY names {summary_file}: {exc.what}",
            hint="GitHub Actions sets it to a file of its own; outside Actions, unset it or give a file",
        ) from None
    return (Path(summary_file),)


def _at_terminal() -> bool:
    """Whether a person watches stderr on a terminal that can redraw a line: not a CI job (whose
    logs may be a terminal too, see `compliance.terminal`), not `TERM=dumb`."""
    from compliance.terminal import dumb_terminal, in_ci

    return not in_ci(os.environ) and not dumb_terminal(os.environ) and sys.stderr.isatty()


def _show_progress(chosen: str, quiet: bool) -> bool:
    """A progress line only for a person at a terminal: never in pipes or CI logs, and not over
    results being printed to the same terminal."""
    if not _at_terminal():
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


def _parse_outputs(pairs: Sequence[str]) -> list[tuple[str, Path | None]]:
    """`--output FORMAT=FILE` pairs, validated before anything is checked; `FORMAT=-` (None) is stdout."""
    from compliance.errors import ConfigError
    from compliance.formatters import FORMATTERS

    outputs: list[tuple[str, Path | None]] = []
    for pair in pairs:
        name, sep, file = pair.partition("=")
        if not sep or not file:
            raise ConfigError(f"--output expects FORMAT=FILE, got '{pair}'", hint="for example --output sarif=report.sarif")
        if name not in FORMATTERS:
            raise ConfigError(f"unknown output format '{name}'", hint="one of " + ", ".join(FORMATTERS))
        outputs.append((name, None if file == "-" else Path(file)))
    return outputs


def _write_formats(
    out: _ReportOnStdout,
    chosen: str,
    outputs: Sequence[tuple[str, Path | None]],
    reports: Sequence[Report],
    packs: Sequence[Pack],
    baseline: BaselineOutcome | None = None,
    adjusted: tuple[RuleAdjustment, ...] = (),
    *,
    require_pack: bool = False,
    pass_with_nothing_checked: bool = False,
    rendered: tuple[Sequence[str], Summary] | None = None,
) -> None:
    """Render the non-streamed formats: stdout's (unless text) to `out`, each --output file,
    GitHub's summary. The files are written whether or not stdout failed.

    `rendered`: JSON's entries of the files, rendered as their results arrived, and the summary of
    their reports; JSON is then written from them, and `reports` need not hold the reports."""
    if chosen in _STREAMED and not outputs:
        return  # all printed as each file was checked; nor is GitHub's summary written but for github
    from compliance import __version__
    from compliance.formatters import FORMATTERS, FormatContext, format_in_pieces
    from compliance.outputs import append_text, write_atomic

    sources = {}
    if "html" in (chosen, *(name for name, _ in outputs)):
        from compliance.loading import read_article_sources

        sources = read_article_sources(r.path for r in reports if r.checked)
    context = FormatContext(
        packs=tuple(packs),
        base_dir=str(Path.cwd().resolve()),
        tool_version=__version__,
        baseline=baseline,
        adjusted_rules=adjusted,
        sources=sources,
        require_pack=require_pack,
        pass_with_nothing_checked=pass_with_nothing_checked,
    )

    def pieces(name: str) -> Iterable[str]:
        if name == "json" and rendered is not None:
            from compliance.formatters.json import iter_rendered_json

            return iter_rendered_json(*rendered, context)
        return format_in_pieces(name, reports, context)

    if chosen not in _STREAMED:
        for piece in pieces(chosen):
            out.echo(piece, nl=False)
            if out.lost is not None:
                break  # nobody would read the rest: it is not rendered
    for name, file in outputs:
        if file is not None:
            write_atomic(file, pieces(name))
    for summary_file in _job_summary(chosen):
        append_text(summary_file, FORMATTERS["github-summary"](reports, context))


def _warn_replaced(runner: Runner) -> None:
    """Say on stderr, before anything is checked and in every format, each built-in pack a
    --rules pack replaces: the publisher's own rules are not applied."""
    for replaced in runner.replaced_builtins():
        _say(f"syndcheck: warning: {replaced.describe()}")


@app.command()
def fix(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Article files to fix (HTML, text or Markdown); only these files are ever written. '-' alone: stdin, printed fixed on stdout.",
            show_default=False,
        ),
    ],
    pack: PackOption = None,
    rules: RulesOption = None,
    write: Annotated[bool, typer.Option("--write", help="Write the fixed files in place (atomically) instead of printing a diff.")] = False,
    meta: Annotated[
        list[str] | None, typer.Option("--meta", "-m", help="A value the fixes can use, KEY=VALUE (repeatable), e.g. reporter='Jake Smith'.")
    ] = None,
    original: Annotated[
        str | None, typer.Option("--original", help="The original story: the reporter's name, its URL and images come from it; '-' reads it from stdin.")
    ] = None,
    allow_fetch: Annotated[bool, typer.Option("--allow-fetch", help="Fetch an original given as a URL (the 'original' metadata key).")] = False,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Lowest severity of a finding left after the fixes that makes the exit code 1.")] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", parser=_given_path, metavar="FILE", help="Use this configuration file instead of discovering .syndcheck.yaml files."),
    ] = None,
    input_kind: Annotated[InputKind | None, typer.Option("--input-kind", help="Treat the files as this kind instead of guessing from the extension.")] = None,
    today: TodayOption = None,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Insert what the publishers' terms require and the article lacks (logo, byline, credit line, pixel, link back): a diff, or --write."""
    from compliance.findings import Severity
    from compliance.formatters.fixdiff import format_fix_diff, format_fix_notes
    from compliance.inputs import files_to_fix
    from compliance.outputs import replace_unchanged
    from compliance.runner import Runner, RunOptions, RunStatus

    if input_kind is InputKind.cms_json:
        from compliance.errors import ConfigError

        raise ConfigError("fix works on article files, not CMS payloads", hint="give --input-kind html, text or markdown")
    if allow_fetch:
        from compliance.fetchguard import require_fetching

        require_fetching()
    sources = files_to_fix(files, kind=input_kind.value if input_kind else None, write=write)  # type: ignore[arg-type]
    options = RunOptions(
        packs=_pack_ids(pack),
        rules=tuple(rules or ()),
        fail_on=Severity.from_label(fail_on.value) if fail_on else None,
        meta=_with_original(_parse_meta(meta or ()), original, allow_fetch=allow_fetch),
        config=config,
        allow_fetch=allow_fetch,
        max_bytes=0,
        today=today,
        stdin_name=stdin_filename,
        held_original=_original_from_stdin(original, files),
    )
    runner = Runner(options)
    _warn_replaced(runner)
    # `fix -` is a filter: the fixed article on stdout, the notes on stderr, nothing written.
    filtering = len(sources) == 1 and sources[0].file is None
    status = RunStatus()
    pending = False
    fixed = [(source, *runner.fix(source)) for source in sources]
    if write:
        # A file to rewrite must not be read in another role: another article's original story,
        # its metadata, a configuration, a pack (compared by device and inode).
        runner.refuse_targets([Path(source.path) for source, *_ in fixed], [o for _, result, *_ in fixed for o in result.originals])
    for source, result, plan, data in fixed:
        _tell_with_gaps(result)
        if filtering:
            # A filter's output replaces its input: when no plan could be made, the article read
            # is given back as it came, never an empty one.
            if plan is not None or data is not None:
                typer.echo(plan.fixed if plan is not None else data, nl=False)
        elif plan is not None and plan.edits and write:
            try:
                replace_unchanged(Path(source.path), plan.original, plan.fixed)
            except UserError as exc:
                _say(f"syndcheck: error: {exc.one_line()}")
                result = dataclasses.replace(result, failure="input")
        elif plan is not None and plan.edits:
            typer.echo(format_fix_diff(source.path, plan), nl=False)
            pending = True
        if plan is not None:
            written = (write or filtering) and result.failure != "input"
            for note in format_fix_notes(result.report.path, plan, written=written, threshold=result.threshold):
                typer.echo(note, err=True)
        status = status.add(result)
    code = status.exit_code()
    if code == 0 and pending:
        _say("exit 1: fixes to apply (run again with --write)")
        raise typer.Exit(1)
    reason = status.exit_reason()
    if reason is not None:
        _say(reason.replace("exit 1: ", "exit 1: left after the fixes: ", 1))
    raise typer.Exit(code)


@app.command("packs")
def list_packs(
    rules: Annotated[
        list[Path] | None, typer.Option("--rules", "-r", parser=_given_path, metavar="PATH", help="Extra pack file or directory of packs (repeatable).")
    ] = None,
    paths: Annotated[bool, typer.Option("--paths", help="Print each pack's id and file instead (to copy a pack).")] = False,
) -> None:
    """List the available rule packs: name, publisher, terms, date of the terms, rule count."""
    from compliance.packfiles import load_packs

    packs = load_packs(rules or ())
    if paths:
        for pack in packs:
            _line(f"{pack.id} {Path(pack.origin).resolve()}")
        return
    rows = [("ID", "NAME", "PUBLISHER", "AS OF", "RULES", "TERMS")]
    rows += [(p.id, p.name, p.publisher, p.as_of, str(len(p.rules)), p.terms_url) for p in packs]
    from compliance.tables import fit_table

    for line in fit_table(rows, _terminal_width(), shrinkable=(1, 2, 5)):
        _line(line)


def _terminal_width() -> int | None:
    """The width a table must fit: COLUMNS, or the terminal's; None in a pipe (nothing is cut)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


@app.command("init")
def init(
    pack: Annotated[str | None, typer.Option("--pack", help="Create a new rule pack with this id, with a passing and a failing fixture.")] = None,
    directory: Annotated[
        Path, typer.Option("--dir", parser=_given_path, metavar="DIR", help="Where to write (default: here; for --pack: rule-packs/).", show_default=False)
    ] = Path(),
) -> None:
    """Write a commented .syndcheck.yaml, or with --pack a new rule pack to edit."""
    from compliance.errors import ConfigError
    from compliance.init import config_scaffold, pack_scaffold
    from compliance.loading import write_atomic

    if pack is not None and directory == Path():
        directory = Path("rule-packs")
    scaffold = pack_scaffold(pack, directory) if pack is not None else config_scaffold(directory)
    existing = [str(file) for file, _ in scaffold.files if file.exists()]
    if existing:
        raise ConfigError("will not overwrite existing files", path=", ".join(existing), hint="move them away or choose another --dir")
    for file, text in scaffold.files:
        write_atomic(file, text, parents=True)
    for line in scaffold.next_steps.splitlines():
        _line(line)


@app.command("audit")
def audit(
    config: Annotated[Path, typer.Argument(help="The audit file (audit.yaml): pack, stories, sources, output.", show_default=False)],
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Run parsing, matching signatures and checks on Dask: local, processes or a scheduler ADDRESS.")
    ] = None,
    join: Annotated[
        str,
        typer.Option(
            "--join", help="With --scheduler, how pages are joined with stories: map-side (each worker holds the index) or shuffle (on LSH band keys)."
        ),
    ] = "map-side",
    today: TodayOption = None,
) -> None:
    """Find the republications of a publisher's stories (sites, WARC files, saved pages) and check each one."""
    from compliance.audit.run import Mapper, load_audit_config, local_map, run_audit
    from compliance.errors import ConfigError

    if join not in ("map-side", "shuffle"):
        raise ConfigError(f"--join must be map-side or shuffle, not {visible(join)!r}")
    if join == "shuffle" and scheduler is None:
        raise ConfigError("--join shuffle needs --scheduler (the shuffle join runs on Dask)", hint="add --scheduler local, processes or a scheduler ADDRESS")
    # Stopped by a service manager, `timeout` or a CI runner (SIGTERM, SIGHUP: `_BATCH_COMMANDS`),
    # the audit unwinds, its state kept for the next run to resume, and says so, as Ctrl-C does.
    with contextlib.ExitStack() as stack:
        mapper: Mapper = local_map
        if scheduler is not None:
            # Checked before anything else, as --join is: a scheduler that cannot be used is the user's
            # mistake, also when every page's stored outcome holds and no task would be sent.
            from compliance.audit.distributed import SchedulerUnusable, dask_mapper

            dask = stack.enter_context(dask_mapper(scheduler, join="shuffle" if join == "shuffle" else "broadcast"))
            try:
                dask.connect()
            except SchedulerUnusable as exc:
                hint = "give local, processes or a scheduler ADDRESS (tcp://10.0.0.5:8786)"
                raise ConfigError(f"--scheduler {visible(scheduler)!r} {exc}", hint=hint) from None
            mapper = dask
        settings = load_audit_config(config)
        if _at_terminal():
            from compliance.audit.progress import TerminalProgress

            report = run_audit(settings, progress=stack.enter_context(TerminalProgress()), mapper=mapper, today=today)
        else:
            report = run_audit(settings, mapper=mapper, today=today)
    from compliance.audit.report import summary_line

    _line(f"{summary_line(report)}; reports in {visible(str(settings.output))}")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default; the API has no authentication).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", parser=_whole_number(1, 65535), metavar="PORT", help="Port to listen on.")] = 8080,
    workers: Annotated[
        int | None, typer.Option("--workers", parser=_whole_number(1), metavar="N", help="Worker processes [default: one per core].", show_default=False)
    ] = None,
    rules: Annotated[
        list[Path] | None, typer.Option("--rules", "-r", parser=_given_path, metavar="PATH", help="Extra pack file or directory of packs (repeatable).")
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", parser=_given_path, metavar="FILE", help="Use this configuration file for every request.")] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", parser=_whole_number(0), metavar="BYTES", help="Largest request body in bytes (413 above it); 0 means no limit.")
    ] = 16 * 1024 * 1024,
    time_limit: Annotated[
        float,
        typer.Option(
            "--time-limit",
            parser=_seconds(0.1),
            metavar="SECONDS",
            help="Seconds one check may take (504 past it), not counting the fetch of an original (--allow-fetch), which has its own 10 s.",
        ),
    ] = 10.0,
    allow_fetch: Annotated[
        bool, typer.Option("--allow-fetch", help="Fetch the original story a request names by URL (the 'original' metadata key), at public addresses only.")
    ] = False,
    allow_fetch_from: Annotated[
        list[str] | None,
        typer.Option("--allow-fetch-from", metavar="CIDR", help="Also let --allow-fetch reach this network: 10.0.0.0/8, 127.0.0.1 (repeatable)."),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", metavar="NAME", help="Also answer requests whose Host is NAME (or NAME:PORT), e.g. behind a proxy (repeatable)."),
    ] = None,
) -> None:
    """Serve the editor's page and the HTTP API (POST /v1/check) — needs the 'serve' extra."""
    from compliance.serve import ServeSettings, run_server

    run_server(
        ServeSettings(
            host=host,
            port=port,
            workers=workers,
            rules=tuple(str(r) for r in rules or ()),
            config=str(config) if config else None,
            max_bytes=max_bytes,
            time_limit=time_limit,
            allow_fetch=allow_fetch,
            fetch_from=tuple(allow_fetch_from or ()),
            allowed_hosts=tuple(allow_host or ()),
        ),
        announce=lambda url: typer.echo(f"syndcheck: serving on {url} (Ctrl+C to stop)", err=True),
        warn=_say,
    )


rules_app = typer.Typer(help="Validate, list, explain and test rule packs.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(rules_app, name="rules")


@rules_app.command("validate")
def rules_validate(
    paths: Annotated[list[Path], typer.Argument(help="Pack files or directories to validate (with the built-in packs, so 'extends' resolves).")],
) -> None:
    """Check rule packs without checking articles: exit 0 when valid, 2 with file:line when not."""
    from compliance.errors import InputError
    from compliance.inputs import resolved
    from compliance.packfiles import load_packs, pack_files, pack_files_in, replacing_builtin

    names = {str(resolved(f)) for path in paths for f in (pack_files_in(path) if path.is_dir() else pack_files(path))}
    if not names:
        raise InputError("no rule packs to validate", path=", ".join(str(p) for p in paths), hint="give pack files (.yaml, .yml) or directories holding them")
    packs = load_packs([path for path in paths if not path.is_dir() or pack_files_in(path)])
    checked = [p for p in packs if str(resolved(p.origin)) in names]
    if not checked:
        raise InputError("no rule packs to validate", path=", ".join(str(p) for p in paths), hint="give pack files (.yaml, .yml) or directories holding them")
    replacing = replacing_builtin(checked)
    for pack in checked:
        # A pack with a built-in pack's id is valid, and loaded with --rules it stands in for the
        # publisher's rules: whoever named it so by mistake learns it here.
        replaces = f"; replaces the built-in pack {pack.id}" if pack in replacing else ""
        _line(f"{pack.origin}: ok ({pack.id}, {len(pack.rules)} rule{'' if len(pack.rules) == 1 else 's'}{replaces})")
        for warning in pack.warnings:
            _line(warning)


@rules_app.command("list")
def rules_list(
    pack: Annotated[list[str] | None, typer.Option("--pack", "-p", help="Only these packs (repeatable).")] = None,
    rules: RulesOption = None,
) -> None:
    """List rules: id, severity and message."""
    from compliance.config import Settings
    from compliance.packfiles import select_packs
    from compliance.runner import Runner, RunOptions

    runner = Runner(RunOptions(rules=tuple(rules or ())))
    available = runner.packs_for(Settings())
    # A pack named after a built-in one stands in for the publisher's rules: said on its line.
    replaced = {note.rule: note.change for note in runner.replaced_builtins()}
    for chosen in select_packs(available, pack) if pack else available:
        replaces = f"  ({replaced[chosen.id]})" if chosen.id in replaced else ""
        _line(f"{chosen.id} — {chosen.name}{replaces}")
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
    from compliance.packfiles import load_packs
    from compliance.runner import Runner, RunOptions

    # Explained from a pack that stands in for the publisher's: said first, as `check` says it.
    _warn_replaced(Runner(RunOptions(rules=tuple(rules or ()))))
    packs = load_packs(rules or ())
    _, rule = find_rule(packs, rule_id)
    from compliance.inputs import read_setting

    try:
        source = rule_source(read_setting(Path(rule.origin), "rule pack").decode("utf-8"), rule.line)
    except (UserError, UnicodeDecodeError):
        source = ""
    typer.echo(explain_rule(packs, rule_id, source=source), nl=False)


@rules_app.command("test")
def rules_test(
    paths: Annotated[list[str], typer.Argument(help="Fixture files or directories (annotated with <!-- expect: RULE --> or a .expect sidecar).")],
    rules: RulesOption = None,
    pack: Annotated[
        list[str] | None, typer.Option("--pack", "-p", help="Coverage: the packs whose rules must all be covered (default: the --rules packs, else all).")
    ] = None,
    coverage: Annotated[bool, typer.Option("--coverage", help="Also fail when a rule has no passing or no failing fixture.")] = False,
) -> None:
    """Run annotated fixture articles and report every mismatch with their expectations."""
    from compliance.config import Settings
    from compliance.errors import InputError
    from compliance.inputs import Skipped, expand_paths
    from compliance.packfiles import select_packs
    from compliance.ruletest import coverage_gaps, mismatches
    from compliance.runner import Runner, RunOptions, RunStatus, skipped_result
    from compliance.suppress import META_RULES

    runner = Runner(RunOptions(rules=tuple(rules or ())))
    _warn_replaced(runner)
    available = runner.packs_for(Settings())
    known = sorted({r.id for p in available for r in p.rules} | set(META_RULES))
    reports = []
    failures = 0
    status = RunStatus()
    for source in expand_paths(paths):
        if isinstance(source, Skipped):
            if source.error is not None:  # a folder of fixtures that cannot be read: reported, exit 2
                _tell(skipped_result(source))
                status = status.add(skipped_result(source))
            continue
        result, expected = runner.check_fixture(source, available)
        _tell(result)
        status = status.add(result)
        if expected is None or not result.report.checked:
            continue
        reports.append(result.report)
        found = mismatches(source.path, result.report, expected, known)
        failures += len(found)
        for mismatch in found:
            _line(str(mismatch))
    if not reports and not status.input_errors and not status.bugs:
        raise InputError("no fixtures found", path=", ".join(paths), hint="fixtures are .html, .htm, .md and .txt files")
    gaps: list[str] = []
    if coverage:
        # The packs under test: those named, else those of --rules (a newsroom's own pack, not
        # the built-in ones beside it), else every pack.
        scope = select_packs(available, pack) if pack else [p for p in available if runner.given_on_command_line(p.origin)] if rules else available
        rule_ids = list(dict.fromkeys(r.id for p in scope for r in p.rules if pack or r.pack == p.id))
        gaps = coverage_gaps(reports, rule_ids)
        for gap in gaps:
            _line(f"coverage: {gap}")
    not_checked = status.input_errors + status.bugs
    typer.echo(
        f"{len(reports)} fixtures, {failures} mismatch{'es' if failures != 1 else ''}"
        + (f", {len(gaps)} coverage gaps" if coverage else "")
        + (f"; {not_checked} not checked (errors above)" if not_checked else "")
    )
    raise typer.Exit(status.exit_code() if status.bugs or status.input_errors else 1 if failures or gaps else 0)


def _tell(result: FileResult) -> None:
    """What went wrong with one document, on stderr."""
    for message in result.messages:
        if result.failure == "bug" and result.cause is not None:
            _report_bug(message, result.cause)
        else:
            _say(message)


def _tell_with_gaps(result: FileResult) -> None:
    """`_tell`, then what left the document not fully checked (a rule or a pack's detection
    marker whose pattern ran past its time limit), on stderr: for the commands whose own output
    (a diff, a baseline's count) shows no notes, so that the closing "not fully checked …; see
    above" has something above it."""
    _tell(result)
    for place, note in result.report.not_fully_checked_notes():
        where = f"{result.report.path}:{place}" if place is not None else result.report.path
        _say(f"syndcheck: note: {where}: {note}")


baseline_app = typer.Typer(help="Record known findings so that only new ones are reported.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(baseline_app, name="baseline")


BaselinePaths = Annotated[list[str], typer.Argument(help="Article files or directories, as for 'check'.")]


# The baseline commands check the articles as `check` does, with its options that say what is
# checked and how (`CheckOptions`): a baseline made for print copies (`--meta medium=print`) or
# for one pack is made as the check that reads it runs.
@baseline_app.command("create")
def baseline_create(
    paths: BaselinePaths,
    output: Annotated[Path, typer.Option("--output", "-o", parser=_given_path, metavar="FILE", help="The baseline file to write.")],
    pack: PackOption = None,
    rules: RulesOption = None,
    config: ConfigOption = None,
    input_kind: InputKindOption = None,
    stdin_filename: StdinFilenameOption = None,
    meta: MetaOption = None,
    original: OriginalOption = None,
    allow_fetch: AllowFetchOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    no_gitignore: NoGitignoreOption = False,
    force_exclude: ForceExcludeOption = False,
    no_inline_suppressions: NoInlineSuppressionsOption = False,
    time_limit: TimeLimit = None,
    today: TodayOption = None,
) -> None:
    """Check the articles and record every finding, so that 'check --baseline' reports only new ones."""
    _rewrite_baseline("create", output, paths, _check_options(locals()))


@baseline_app.command("update")
def baseline_update(
    paths: BaselinePaths,
    baseline: Annotated[Path, typer.Option("--baseline", parser=_given_path, metavar="FILE", help="The baseline file to update in place.")],
    pack: PackOption = None,
    rules: RulesOption = None,
    config: ConfigOption = None,
    input_kind: InputKindOption = None,
    stdin_filename: StdinFilenameOption = None,
    meta: MetaOption = None,
    original: OriginalOption = None,
    allow_fetch: AllowFetchOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    no_gitignore: NoGitignoreOption = False,
    force_exclude: ForceExcludeOption = False,
    no_inline_suppressions: NoInlineSuppressionsOption = False,
    time_limit: TimeLimit = None,
    today: TodayOption = None,
) -> None:
    """Keep the recorded findings that are still found, drop resolved ones, and record new ones."""
    _rewrite_baseline("update", baseline, paths, _check_options(locals()))


@baseline_app.command("prune")
def baseline_prune(
    paths: BaselinePaths,
    baseline: Annotated[Path, typer.Option("--baseline", parser=_given_path, metavar="FILE", help="The baseline file to prune in place.")],
    pack: PackOption = None,
    rules: RulesOption = None,
    config: ConfigOption = None,
    input_kind: InputKindOption = None,
    stdin_filename: StdinFilenameOption = None,
    meta: MetaOption = None,
    original: OriginalOption = None,
    allow_fetch: AllowFetchOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    no_gitignore: NoGitignoreOption = False,
    force_exclude: ForceExcludeOption = False,
    no_inline_suppressions: NoInlineSuppressionsOption = False,
    time_limit: TimeLimit = None,
    today: TodayOption = None,
) -> None:
    """Drop the recorded findings that are no longer found; new findings are not recorded."""
    _rewrite_baseline("prune", baseline, paths, _check_options(locals()))


def _rewrite_baseline(mode: Literal["create", "update", "prune"], file: Path, paths: list[str], shared: CheckOptions) -> None:
    from compliance.baseline_commands import rewrite_baseline

    # A new baseline must not replace one of the articles; update and prune rewrite their own input.
    options = shared.run_options(paths, outputs=(file,) if mode == "create" else ())
    change = rewrite_baseline(mode, file, paths, options, _tell_with_gaps)
    status = change.status
    if change.warning is not None:
        _say(f"syndcheck: warning: {change.warning}")
    if status.checked:
        _line(change.describe(mode))
    # Findings are what a baseline records, not a failure; unread inputs, a run that checked
    # nothing (no file written) and bugs keep their exit codes, with check's closing line.
    code = status.exit_code()
    if code in (USER_ERROR, BUG):
        _say(status.exit_reason() or "")
    raise typer.Exit(OK if code == FINDINGS else code)


config_app = typer.Typer(help="Show the project configuration.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(
    path: Annotated[str, typer.Argument(help="The article (or directory) whose effective configuration to show.")] = ".",
    config: Annotated[
        Path | None,
        typer.Option("--config", parser=_given_path, metavar="FILE", help="Use this configuration file instead of discovering .syndcheck.yaml files."),
    ] = None,
) -> None:
    """Print the configuration that applies to a file, and where each value came from."""
    from compliance.config import describe
    from compliance.runner import Runner, RunOptions

    if not os.path.lexists(path):
        from compliance.errors import InputError

        raise InputError("no such file or directory", path=path, hint="give the article or folder whose configuration to show")
    target = path if not Path(path).is_dir() else str(Path(path) / "_")
    runner = Runner(RunOptions(config=config))
    typer.echo(describe(runner.settings_for(target), runner.layers_for(target)), nl=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (0 clean, 1 findings, 2 user error, 3 bug).

    A report that cannot be written to stdout whole (a full disk, a closed stdout, a reader that
    went away: EPIPE) ends the run with exit 2 and one line saying so, whenever the write fails:
    as a streamed format writes each file's part, as a whole report is written, or as what is
    still buffered is written at the end. A closed stderr (`2>&-`) changes nothing but that its
    lines go nowhere. The caller's `sys.stdout` and `sys.stderr` are as they were afterwards."""
    caller_stdout, caller_stderr = sys.stdout, sys.stderr
    sys.stdout = _whole_writes(caller_stdout)
    if caller_stderr is None:
        # Started with stderr closed (`2>&-`): its lines go nowhere, but the report on stdout, the
        # --output files and the exit code are what they would be with it open.
        sys.stderr = _ClosedStderr()
    try:
        return _report_flushed(_run(argv))
    finally:
        sys.stdout, sys.stderr = caller_stdout, caller_stderr


def _run(argv: Sequence[str] | None) -> int:
    """The command's exit code, every error it raised turned into its line on stderr."""
    args = list(sys.argv[1:] if argv is None else argv)
    # `--debug` anywhere among the options, never after `--`: there it is a file's name (a
    # pre-commit hook ends its options with `--` and appends the staged names).
    options_end = args.index("--") if "--" in args else len(args)
    _DEBUG["enabled"] = "--debug" in args[:options_end]
    args = [a for index, a in enumerate(args) if a != "--debug" or index > options_end]
    _COMMAND["name"] = args[0] if args else ""
    if sys.stdout is None:
        # Started with stdout closed (`>&-`): click would drop the report without a word, and a
        # run whose report went nowhere must not look green.
        sys.stdout = _ClosedStdout()
    try:
        command = typer.main.get_command(_app_for(args))
        if not args or args[0] != "check":
            start_up_done()  # `check` says when its own start-up is over
        with _stopped_by_termination(args):
            result = command.main(args=args, prog_name="syndcheck", standalone_mode=False)
        if result == INTERRUPTED:
            # Typer turns Ctrl-C inside a command into this code, which click then returns: no
            # command of ours exits with it.
            _say("syndcheck: interrupted")
        return int(result or 0)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except UserError as exc:
        lines = exc.lines()
        for line in lines:
            _say(f"syndcheck: error: {line}")
        if len(lines) > 1:
            _say(f"exit 2: {len(lines)} errors")
        return USER_ERROR
    except KeyboardInterrupt:
        _say("syndcheck: interrupted")
        return INTERRUPTED
    except SystemExit as exc:
        # typer ends a command whose write to stdout met a reader that went away (EPIPE) with
        # exit 1 and no word, as if findings had been reported: it is the report not written.
        unwritten = _stdout_failure(exc.__context__) if exc.__context__ is not None else None
        if unwritten is None:
            raise
        return _unwritten_report(unwritten)
    except Terminated as exc:
        _say("syndcheck: terminated")
        return 128 + exc.signum
    except Exception as exc:  # noqa: BLE001 - the one place that turns unexpected errors into exit 3
        context = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and context is not None:
            # A bare `syndcheck` or `syndcheck rules`: the help, as it is, and success.
            typer.echo(context.get_help())
            return 0
        unwritten = _stdout_failure(exc)
        if unwritten is not None:
            return _unwritten_report(unwritten)
        usage = _usage_error(exc, args)
        if usage is not None:
            _say(f"syndcheck: error: {usage}")
            return USER_ERROR
        _report_bug("", exc)
        return BUG
    finally:
        start_up_done()


# The commands that check a batch of files or pages: stopped by SIGTERM or SIGHUP (a service
# manager, `timeout`, a CI runner's cancel), they unwind, closing what they opened, and say so
# (`syndcheck: terminated`, exit 128 + the signal's number), `check` with `--jobs 1` as with
# workers, rather than vanish without a word.
_BATCH_COMMANDS = frozenset({"check", "baseline", "audit"})


def _stopped_by_termination(args: Sequence[str]) -> contextlib.AbstractContextManager[None]:
    """SIGTERM and SIGHUP raising `Terminated` while a batch command (`_BATCH_COMMANDS`) runs;
    nothing for the other commands (`serve`'s server handles them itself)."""
    if not args or args[0] not in _BATCH_COMMANDS:
        return contextlib.nullcontext()
    from compliance.runner import raising_on_termination

    return raising_on_termination()


class _MissingStream(io.TextIOBase):
    """Stands for a standard stream the process was started without (`sys.stdout` or
    `sys.stderr` is None): a writable text stream that is no terminal; `write` says what becomes
    of what is written to it."""

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False


class _ClosedStdout(_MissingStream):
    """Stands for a stdout the process was started without: writing to it fails as writing to a
    closed descriptor does, so the run ends with `_stdout_failure`'s line."""

    name = "<stdout>"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


class _ClosedStderr(_MissingStream):
    """Stands for a stderr the process was started without: what is said there is dropped, and
    nothing else of the run changes."""

    name = "<stderr>"

    def write(self, text: str) -> int:
        return len(text)


def _whole_writes(stdout: Any) -> Any:
    """`stdout`, or, when it writes straight to its descriptor (`PYTHONUNBUFFERED=1`, `python -u`:
    common in CI images), the same descriptor behind a buffer. Unbuffered, Python's text layer
    drops what a partial write left over without a word — a pipe whose reader went away in the
    middle of a large report takes 64 KiB and the run ends green with the rest lost — where a
    buffered writer writes the rest, and so meets the failure (EPIPE). Every report is flushed as
    it is written (`typer.echo`), so nothing waits in the buffer that would have been seen sooner."""
    raw = getattr(stdout, "buffer", None)
    if not isinstance(raw, io.FileIO):
        return stdout
    try:
        # A descriptor object of its own (closefd=False): closing it leaves the caller's stream open.
        own = io.FileIO(raw.fileno(), "w", closefd=False)
    except OSError:  # closed already: the first write says so
        return stdout
    own.name = raw.name  # "<stdout>": how `_stdout_failure` knows a write to it
    return io.TextIOWrapper(io.BufferedWriter(own), encoding=stdout.encoding, errors=stdout.errors, line_buffering=stdout.line_buffering)


def _report_flushed(code: int) -> int:
    """`code`, once what is still buffered for stdout is written; exit 2 with the line that says
    so when it cannot be. Left to the interpreter's exit, a failing flush would only print
    "Exception ignored" and exit 120."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        return _unwritten_report(_unwritten(exc))
    return code


def _unwritten_report(unwritten: str) -> int:
    """Say that the report was not written to stdout (`unwritten`), and point stdout at the null
    device: what is left in its buffer would fail again at exit, with a traceback of its own (the
    pattern of Python's "Note on SIGPIPE")."""
    _say(f"syndcheck: error: {unwritten}")
    _silence_stdout()
    return USER_ERROR


def _silence_stdout() -> None:
    """Point stdout's descriptor at the null device, once a write to it has failed: what is left
    in its buffer is then dropped when it is flushed, where writing it again would fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


# The command being run (`_run`), whose line for output kept from stdout names what it offers.
_COMMAND = {"name": ""}
# What stdout was to carry, by command, and what else to do than to check where stdout goes: only
# `check` writes a report to a file with --output; `audit` writes its reports into its output folder
# before its closing line. Other commands: their report, and nothing else to offer.
_UNWRITTEN = {
    "check": ("the report", ", or write the report to a file with --output FORMAT=FILE"),
    "audit": ("the audit's closing line", "; its reports are written in its output folder"),
}


def _unwritten(exc: OSError, *, instead: str | None = None) -> str:
    """The line for output that `exc` kept from stdout, with what the command run offers instead
    (`instead`, when the run says what it wrote all the same)."""
    what, offered = _UNWRITTEN.get(_COMMAND["name"], ("the report", ""))
    instead = offered if instead is None else instead
    return f"cannot write {what} to stdout: {exc.strerror or exc} — check where stdout goes (a full disk, a closed stream){instead}"


def _stdout_failure(exc: BaseException) -> str | None:
    """ "cannot write the report to stdout: No space left on device" when `exc` is the failure of
    a write to stdout (a full disk behind `> file`, a closed stdout): the system's condition, not a
    bug; None for any other error. A write to stdout is known by the stream it went to, in the
    frame that wrote (click's `echo`)."""
    if not isinstance(exc, OSError):
        return None
    frame_tb = exc.__traceback__
    while frame_tb is not None:
        stream = frame_tb.tb_frame.f_locals.get("file")
        if stream is not None and (stream is sys.stdout or getattr(stream, "name", None) == "<stdout>"):
            return _unwritten(exc)
        frame_tb = frame_tb.tb_next
    return None


def _app_for(args: Sequence[str]) -> typer.Typer:
    """The app, with only the command that the first argument names when it names one: typer
    reads the signature of every command it builds, which for all of them costs a one-file check
    (a pre-commit hook) tens of milliseconds. `--version` first needs no command at all. Anything
    else (`--help`, a misspelt command, to be told the closest name) gets the whole app."""
    first = args[0] if args else ""
    commands = [c for c in app.registered_commands if c.callback is not None and (c.name or typer.main.get_command_name(c.callback.__name__)) == first]
    groups = [g for g in app.registered_groups if g.name == first]
    if not commands and not groups and first != "--version":
        return app
    one = _new_app()
    one.registered_callback = app.registered_callback
    one.registered_commands = commands
    one.registered_groups = groups
    for info in (app.registered_callback, *commands):
        if info is not None and info.callback is not None:
            _resolve_annotations(info.callback)
    return one


def _resolve_annotations(callback: Callable[..., object]) -> None:
    """Evaluate a command's annotations (strings, under `from __future__ import annotations`) once,
    as typer would: it evaluates them each time it reads the signature, four times for one command
    (every `Annotated[..., typer.Option(...)]` made again each time), which cost a one-file check
    more than the rest of building its command."""
    callback.__annotations__ = inspect.get_annotations(callback, eval_str=True)


def _usage_error(exc: Exception, args: Sequence[str] = ()) -> str | None:
    """Command-line mistakes (unknown flag, bad choice) as one line; typer raises click's errors.
    A command that is not one of the group's but is one of another group's (`syndcheck explain
    dcnf/logo`) is answered with that command line (`syndcheck rules explain dcnf/logo`)."""
    format_message = getattr(exc, "format_message", None)
    exit_code = getattr(exc, "exit_code", None)
    if format_message is None or exit_code != USER_ERROR:
        return None
    message = " ".join(str(format_message()).split())
    context = getattr(exc, "ctx", None)
    command = getattr(context, "command_path", "syndcheck")
    meant = _command_of_another_group(message, context, args)
    # (The command line is shown as a shell reads it, quotes and all: no quotes around it.)
    hint = f"did you mean: {meant}" if meant else f"see '{command} --help'"
    return f"{message} — {hint}"


def _command_of_another_group(message: str, context: object, args: Sequence[str]) -> str | None:
    """The command line meant when the unknown command of `message` ("No such command 'explain'.")
    is a command of exactly one group below the one it was given to: that group's command with the
    same arguments (`syndcheck rules explain dcnf/logo`); None otherwise."""
    import re
    import shlex

    unknown = re.fullmatch(r"No such command '(.+)'\.", message)
    commands = getattr(getattr(context, "command", None), "commands", None)
    if unknown is None or not isinstance(commands, dict) or unknown.group(1) not in args:
        return None
    name = unknown.group(1)
    owners = [group for group, command in commands.items() if name in (getattr(command, "commands", None) or {})]
    if len(owners) != 1:
        return None
    rest = list(args)[list(args).index(name) + 1 :]
    return shlex.join([*str(getattr(context, "command_path", "syndcheck")).split(), owners[0], name, *rest])


def run() -> None:
    """Console-script entry point of installations made before `compliance.startup.run` was."""
    from compliance.startup import run as run_process

    run_process()
