"""The Python API for CMS plugins and scripts: check an article held in memory.

Stable and typed; no file is read except the built-in rule packs (once per process) and no output
is printed. Everything returned is an immutable value object from `compliance.findings`.

    >>> from compliance.api import check_html
    >>> report = check_html(html, meta={"reporter": "Jake Smith"})
    >>> [f.rule for f in report.findings]
    ['dcnf/logo']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from compliance.document import DocumentKind
from compliance.engine import CheckSettings, check_with
from compliance.errors import ConfigError, PackError, UserError
from compliance.findings import Detection, Finding, Location, Notice, Passed, Report, Severity
from compliance.packs import Pack

if TYPE_CHECKING:
    from compliance.runner import Runner

__all__ = [
    "ConfigError",
    "Detection",
    "Finding",
    "Location",
    "Notice",
    "Pack",
    "PackError",
    "Passed",
    "Report",
    "Severity",
    "UserError",
    "check_bytes",
    "check_html",
    "check_markdown",
    "check_text",
    "load_packs",
]


@functools.lru_cache(maxsize=8)
def _cached_packs(extra: tuple[str, ...]) -> tuple[Pack, ...]:
    from compliance.packfiles import load_packs as load

    return tuple(load([Path(p) for p in extra]))


def load_packs(extra: Sequence[str | Path] = ()) -> tuple[Pack, ...]:
    """The built-in packs plus packs from files or directories (loaded once per process).

    Give the result as `packs=` to detect the publisher among them (your own packs included).
    `extra` is a list of paths, or one path (`load_packs("house-rules")`).
    Raises `PackError` (a `UserError`) for a missing or invalid pack file, with file:line:col.
    """
    if isinstance(extra, str | Path):
        extra = [extra]
    return _cached_packs(tuple(str(p) for p in extra))


@functools.lru_cache(maxsize=8)
def _runner(config: str) -> Runner:
    from compliance.runner import Runner, RunOptions

    return Runner(RunOptions(config=Path(config)))


PackChoice = Sequence[str | Pack] | str | None


class _Planned(NamedTuple):
    packs: list[Pack]
    auto_detect: bool
    severities: dict[str, Severity | None]  # None: the rule is off
    outlets: frozenset[str]
    inline_suppressions: bool  # False when the configuration turns them off
    asked_for: frozenset[str] = frozenset()  # rule ids the configuration's select names one by one


def _plan(packs: PackChoice, path: str, config: str | Path | None, detect: bool | None) -> _Planned:
    """The packs to apply, whether to detect among them, the severities and whether the
    configuration lets the article's suppression comments be obeyed."""
    severities: dict[str, Severity | None] = {}
    available: Sequence[Pack] = load_packs()
    inline = True
    asked_for: frozenset[str] = frozenset()
    if config is not None:
        runner = _runner(str(config))
        settings = runner.settings_for(path)
        available = runner.packs_for(settings)
        known, off = runner.rule_choice(settings, list(available))
        severities = {**settings.severity, **dict.fromkeys(off)}
        asked_for = runner.asked_for(settings, known)
        inline = settings.inline_suppressions
        if packs is None and settings.packs:
            packs = settings.packs
    if packs is None:
        return _Planned(list(available), True if detect is None else detect, severities, _outlets(available), inline, asked_for)
    from compliance.loading import select_packs
    from compliance.packfiles import distinct_pack_ids, pack_ids

    if isinstance(packs, str):  # one id (or several, comma-separated, as on the command line)
        packs = pack_ids([packs], f"packs={packs!r}")
    elif not packs:
        pack_ids([], f"packs={list(packs)!r}")  # raises the error the command line gives for --pack ''

    names = distinct_pack_ids(p for p in packs if isinstance(p, str))
    by_name = dict(zip(names, select_packs([p for p in available if isinstance(p, Pack)] + [p for p in packs if isinstance(p, Pack)], names), strict=True))
    # A pack given twice (by id, or as the same object) is applied once, where first given.
    chosen = list({id(pack): pack for pack in (p if isinstance(p, Pack) else by_name[p] for p in packs)}.values())
    # Pack objects (as from load_packs) are candidates to detect among; ids name packs to apply.
    auto = detect if detect is not None else not names
    return _Planned(chosen, auto, severities, _outlets(available), inline, asked_for)


def _outlets(available: Sequence[Pack]) -> frozenset[str]:
    """The publishers' outlet names of every available pack (a byline naming one is not a reporter)."""
    return frozenset(o for pack in available for o in pack.outlets)


def _check(
    content: str | bytes,
    kind: DocumentKind,
    *,
    packs: PackChoice,
    meta: Mapping[str, str] | None,
    path: str,
    config: str | Path | None,
    detect: bool | None,
    inline_suppressions: bool,
) -> Report:
    if not isinstance(content, str | bytes):
        raise TypeError(f"the article must be str or bytes, got {type(content).__name__}")
    plan = _plan(packs, path, config, detect)
    if meta:
        from compliance.fixtemplates import check_metadata

        check_metadata(meta, plan.packs)
    settings = CheckSettings(
        packs=plan.packs,
        path=path,
        auto_detect=plan.auto_detect,
        meta=meta,
        severities=plan.severities,
        outlets=plan.outlets,
        inline_suppressions=inline_suppressions and plan.inline_suppressions,
        asked_for=plan.asked_for,
    )
    return check_with(content, kind, settings)


def check_html(
    html: str | bytes,
    *,
    packs: PackChoice = None,
    meta: Mapping[str, str] | None = None,
    path: str = "<html>",
    config: str | Path | None = None,
    detect: bool | None = None,
    inline_suppressions: bool = True,
) -> Report:
    """Check an HTML article; without `packs`, the packs are chosen by auto-detection.

    `packs` may name packs (`["dcnf"]`: applied without detection) or pass `Pack` objects, such as
    `load_packs(["house-rules"])`: the publisher is then detected among them (`detect=False`
    applies them all). `meta` gives values about the article that rules can require
    (`reporter`, `original_url`, …). `config` is a `.syndcheck.yaml` whose settings apply as on
    the command line (packs, rules, select/ignore, severity; overrides match `path`).
    Raises `PackError` (a `UserError`, exit 2 on the command line) for an unknown pack id, with
    the same "did you mean" as the command line, and `ConfigError` for a bad configuration or
    a `meta` address (a key ending in `-url` or `_url`, such as `logo-url`, or one a pack's
    fix puts into an image) that is not an http(s) URL. With `inline_suppressions=False` (or
    `inline-suppressions: false` in `config`) the article's `syndcheck-disable` comments are not
    obeyed: their findings stay, and a `suppressions-ignored` notice says how many there were,
    as `check --no-inline-suppressions` does (for an article someone else wrote).
    """
    return _check(html, "html", packs=packs, meta=meta, path=path, config=config, detect=detect, inline_suppressions=inline_suppressions)


def check_text(
    text: str | bytes,
    *,
    packs: PackChoice = None,
    meta: Mapping[str, str] | None = None,
    path: str = "<text>",
    config: str | Path | None = None,
    detect: bool | None = None,
    inline_suppressions: bool = True,
) -> Report:
    """Check a plain-text article (each line a block, as text extraction renders a page); arguments as for `check_html`."""
    return _check(text, "text", packs=packs, meta=meta, path=path, config=config, detect=detect, inline_suppressions=inline_suppressions)


def check_markdown(
    markdown: str | bytes,
    *,
    packs: PackChoice = None,
    meta: Mapping[str, str] | None = None,
    path: str = "<markdown>",
    config: str | Path | None = None,
    detect: bool | None = None,
    inline_suppressions: bool = True,
) -> Report:
    """Check a Markdown article; YAML front matter supplies article metadata; arguments as for `check_html`."""
    return _check(markdown, "markdown", packs=packs, meta=meta, path=path, config=config, detect=detect, inline_suppressions=inline_suppressions)


def check_bytes(item: tuple[str, bytes]) -> Report:
    """Check one `(path, bytes)` pair: the kind comes from the extension, packs by auto-detection.

    This is the unit of work for distributed engines (a Dask bag, a Spark `mapPartitions`): a pure,
    picklable function of the document's bytes; each worker process loads the packs once. A
    document that refuses to be read (a front matter key given twice) is a report that it was
    not checked, as the command line reports it, rather than an exception that stops the batch.
    """
    from compliance.engine import check_bytes as check
    from compliance.errors import InputError
    from compliance.inputs import kind_for

    path, data = item
    try:
        return check(data, kind_for(path), load_packs(), path=path)
    except InputError as exc:
        return Report(path=path, notices=(Notice("user-error", f"not checked: {exc.one_line()}"),), checked=False)
