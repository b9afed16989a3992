"""The audit configuration (`audit.yaml`): the licensor's pack, where its stories are, where to look for copies.

Pure: takes the file's text and its path; relative paths are resolved against the file's folder.
Every mistake is a `ConfigError` with file:line, so `syndcheck audit` exits 2 with one line.

    pack: dcnf
    stories: {folder: originals/}          # or {sitemap: URL} / {feed: URL}
    sources:
      - warc: crawl.warc.gz                 # a file or a folder of .warc/.warc.gz/.arc.gz
      - site: {sitemap: http://127.0.0.1:8000/sitemap.xml}   # or {feed: URL} / {urls: [URL, …]}
      - folder: saved-pages/
    output: audit-report/
    fetch: {rate: 2, concurrency: 2, timeout: 10, page-timeout: 30, max-bytes: 5000000, max-redirects: 5, retries: 2, max-retry-after: 60}
    match: {threshold: 0.5}
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from compliance.errors import ConfigError
from compliance.urls import is_http_url
from compliance.yamlsource import Mark, YMap, YNode, YScalar, YSeq, parse_yaml, plain

USER_AGENT = "syndcheck-audit/0.1 (+https://pypi.org/project/syndication-compliance/; republication audit for the licensor)"


LocatorKind = Literal["folder", "warc", "sitemap", "feed", "urls"]


@dataclass(frozen=True, slots=True)
class Locator:
    """One place to read pages from: `kind` is folder, warc, sitemap, feed or urls; `where` a path or URL(s)."""

    kind: LocatorKind
    where: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Politeness and safety limits for every HTTP request (seconds, bytes, requests per second per host)."""

    rate: float = 2.0
    concurrency: int = 2
    timeout: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5
    # The longest `Retry-After` the audit waits for (seconds): a site asking for longer is given up on, for that URL, at once.
    max_retry_after: float = 60.0
    # The time one URL may take in all (seconds): connecting, sending and receiving, across its
    # redirects and retries (not the waits between them, which `backoff` and `max-retry-after`
    # bound), so that a server trickling its answer a byte at a time holds a worker no longer.
    page_timeout: float = 30.0
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class AuditConfig:
    """A validated `audit.yaml`: paths absolute, URLs as written."""

    origin: str
    pack: str
    stories: Locator
    sources: tuple[Locator, ...]
    output: Path
    state: Path
    fetch: FetchLimits = field(default_factory=FetchLimits)
    threshold: float = 0.5
    # Where `output` and `state` are written in the file (origin, line, column), for an error
    # about a folder that cannot be made when the audit starts.
    output_at: tuple[str, int, int] | None = None
    state_at: tuple[str, int, int] | None = None
    # Where the stories are named, for an audit that finds none there.
    stories_at: tuple[str, int, int] | None = None
    # Where the pack is named, for a pack id no pack has (packs are known when the audit starts).
    pack_at: tuple[str, int, int] | None = None


def make_folders(config: AuditConfig) -> None:
    """Create the reports' folder and the state file's folder (what exists is kept). A folder the
    system refuses (`/proc/o`, a read-only disk, a file on the way) is a `ConfigError` at the
    `output` (or `state`) line of the audit file, before anything is fetched."""
    for folder, at, key in ((config.output, config.output_at, "output"), (config.state.parent, config.state_at or config.output_at, "state")):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            path, line, column = at or (config.origin, None, None)
            raise ConfigError(
                f"cannot create the {key} folder {folder}: {exc.strerror or exc}",
                path=path,
                line=line,
                column=column,
                hint=f"give '{key}' a folder that can be created and written to",
            ) from None


_TOP = ("pack", "stories", "sources", "output", "state", "fetch", "match")
_FETCH_KEYS = {
    "rate": float,
    "concurrency": int,
    "timeout": float,
    "max-bytes": int,
    "max-redirects": int,
    "retries": int,
    "backoff": float,
    "max-retry-after": float,
    "page-timeout": float,
    "user-agent": str,
}

# The fetch settings for which 0 is a wish of its own, with the message for a value that is not one.
_MAY_BE_ZERO = {
    "retries": "fetch retries must be a whole number, 0 or more (0: a failed fetch is not tried again)",
    "max-retry-after": "fetch max-retry-after must be a number of seconds, 0 or more (0: a site that asks to be asked later is not waited for)",
}


def _fail(what: str, mark: Mark, hint: str | None = None) -> ConfigError:
    return ConfigError(what, path=mark.origin, line=mark.line, column=mark.column, hint=hint)


def _mapping(node: YNode | None, where: Mark, what: str) -> YMap:
    if not isinstance(node, YMap):
        raise _fail(f"{what} must be a mapping", node.mark if node is not None else where)
    return node


def _text(node: YNode | None, where: Mark, what: str) -> str:
    if not isinstance(node, YScalar) or not isinstance(node.value, str) or not node.value.strip():
        raise _fail(f"{what} must be a non-empty string", node.mark if node is not None else where)
    return node.value.strip()


def _url(value: str, mark: Mark, what: str) -> None:
    """Refuse a URL the audit cannot fetch: one that is not http(s), or one a browser cannot read
    (`http://[::1/x`, a port past 65535, a space in the host)."""
    from compliance.audit.fetching import fetchable

    if not is_http_url(value):
        raise _fail(f"{what} must be an http(s) URL, not {value!r}", mark)
    if not fetchable(value):
        raise _fail(f"{value!r} is not a URL a browser can read", mark, hint=f"check the {what}'s host, its brackets and its port")


def _locator(node: YNode, base: Path, what: str, allowed: tuple[str, ...]) -> Locator:
    entry = _mapping(node, node.mark, what)
    keys = list(entry)
    unknown = [key for key in keys if key not in allowed]
    if unknown:
        # Named, at its place: `- folder: saved/` with `recurse: yes` has one source and a key too many.
        raise _fail(f"unknown key {unknown[0]!r} in {what}", entry.key_mark(unknown[0]), hint=f"{what} has exactly one of {', '.join(allowed)}")
    if len(keys) != 1:
        raise _fail(f"{what} must have exactly one of {', '.join(allowed)}", entry.mark, hint=f"e.g. {{{allowed[0]}: …}}")
    kind = keys[0]
    value = entry.entries[kind]
    mark = entry.key_mark(kind)
    if kind == "site":
        return _locator(value, base, "a site source", ("sitemap", "feed", "urls"))
    if kind == "urls":
        if not isinstance(value, YSeq):
            raise _fail("urls must be a list of http(s) URLs", value.mark if value is not None else mark, hint="e.g. {urls: [http://…, http://…]}")
        items = value.items
        if not items:
            raise _fail("not an http(s) URL: (none)", mark)
        for item in items:
            _url(_text(item, mark, "each URL"), item.mark, "URL")
        return Locator("urls", tuple(_text(i, mark, "each URL") for i in items))
    text = _text(value, mark, f"{kind}")
    if kind in ("sitemap", "feed"):
        _url(text, value.mark, kind)
        return Locator(cast(LocatorKind, kind), (text,))
    path = (base / text).resolve()
    if not path.exists():
        raise _fail(f"{kind} not found: {path}", value.mark, hint="paths are relative to the audit file")
    if kind == "folder" and not path.is_dir():
        from compliance.inputs import file_type

        # A file, or `/dev/null`, read as a folder would give no page at all, and the audit would pass on nothing.
        raise _fail(f"folder {path} is {file_type(path.stat().st_mode)}, not a folder", value.mark, hint="name the folder that holds the pages")
    return Locator(cast(LocatorKind, kind), (str(path),))


def _check_output(output: Path, mark: Mark, inputs: tuple[Locator, ...]) -> None:
    """The reports' folder is new or a folder, and not inside a folder the audit reads: its
    dashboard.html would be read as a page by the next run."""
    if output.exists() and not output.is_dir():
        raise _fail(f"output must be a folder, and {output} is a file", mark, hint="name a new folder (or an existing one) for the reports")
    # A file on the way (`output: notes.txt/reports`) leaves no folder to create.
    on_the_way = _file_on_the_way(output)
    if on_the_way is not None:
        raise _fail(f"output {output} cannot be a folder: {on_the_way} is a file", mark, hint="name a new folder (or an existing one) for the reports")
    folder = _read_by(output, inputs)
    if folder is not None:
        raise _fail(
            f"output {output} is inside {folder}, a folder the audit reads",
            mark,
            hint="write the reports to a folder outside the stories and sources",
        )


def _file_on_the_way(path: Path) -> Path | None:
    """The first of `path`'s folders that exists and is not a folder (`notes.txt` of `notes.txt/reports`), else None."""
    return next((parent for parent in reversed(path.parents) if parent.exists() and not parent.is_dir()), None)


def _read_by(path: Path, inputs: tuple[Locator, ...]) -> Path | None:
    """The folder or file the audit reads (the stories' folder, a folder of saved pages, an
    archive or a folder of archives) that is `path` or holds it; None when none is."""
    for locator in inputs:
        if locator.kind in ("folder", "warc"):
            read = Path(locator.where[0])
            if path == read or read in path.parents:
                return read
    return None


# What the audit writes into its output folder: a state there would be written over by a report.
REPORT_FILES = ("report.json", "sites.csv", "stories.csv", "dashboard.html")
PARTITIONS = "pages"


def http_cache(state: Path) -> Path:
    """The HTTP cache's file, beside the state's: `audit-state.sqlite` → `audit-state-http-cache.sqlite`."""
    return state.with_name(state.stem + "-http-cache.sqlite")


def _check_state(state: Path, mark: Mark, inputs: tuple[Locator, ...], audit_file: Path, output: Path) -> None:
    """The state's file (and its HTTP cache beside it) is nothing the audit reads or writes else:
    not the audit file, not in a folder or archive it reads (the next run would read the SQLite
    file as a page, and this one would have written over a story or a page), and not one of the
    reports, which would be written over it."""
    for path in (state, http_cache(state)):
        subject = f"state {path}" if path == state else f"the state's HTTP cache {path}"
        read = _read_by(path, inputs)
        keep = "keep the audit's state outside the stories, the sources and the reports"
        if path == audit_file:
            raise _fail(f"{subject} is the audit file", mark, hint=keep)
        if read is not None:
            where = f"is {read}, which the audit reads" if path == read else f"is inside {read}, a folder the audit reads"
            raise _fail(f"{subject} {where}", mark, hint=keep)
        on_the_way = _file_on_the_way(path)
        if on_the_way is not None:
            raise _fail(f"{subject} cannot be made: {on_the_way} is a file", mark, hint="name a file in a folder that exists or can be created")
        pages = output / PARTITIONS
        if path in (output, pages) or pages in path.parents or (path.parent == output and path.name in REPORT_FILES):
            raise _fail(f"{subject} is where the audit writes its reports", mark, hint=keep)
    # A folder that is not there is a mistyped path, whose state would start from nothing: the
    # audit makes folders only in its output folder, which it makes.
    if not state.parent.is_dir() and state.parent != output and output not in state.parent.parents:
        missing = next(folder for folder in reversed((state.parent, *state.parent.parents)) if not folder.is_dir())
        hint = "check the path, or create the folder (a state that is not found starts from nothing)"
        raise _fail(f"state {state} is in a folder that does not exist: {missing}", mark, hint=hint)


def _limits(node: YNode | None, where: Mark) -> FetchLimits:
    if node is None:
        return FetchLimits()
    entry = _mapping(node, where, "fetch")
    values: dict[str, object] = {}
    for key in entry:
        if key not in _FETCH_KEYS:
            raise _fail(f"unknown fetch setting {key!r}", entry.key_mark(key), hint=f"known: {', '.join(_FETCH_KEYS)}")
        value = plain(entry.entries[key])
        wanted = _FETCH_KEYS[key]
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and not math.isfinite(cast(float, value)) and cast(float, value) > 0:
            # YAML's `.inf`: a limit that limits nothing (a page timeout never reached, no pause between requests).
            raise _fail(f"fetch {key} must be a finite number, not {value}: it would set no limit", entry.entries[key].mark)
        ok = isinstance(value, str) if wanted is str else number and (value > 0 or (value == 0 and key in _MAY_BE_ZERO))
        if not ok or (wanted is int and not isinstance(value, int)):
            raise _fail(_MAY_BE_ZERO.get(key) or f"fetch {key} must be a positive {wanted.__name__}", entry.entries[key].mark)
        values[key.replace("-", "_")] = wanted(value)
    return FetchLimits(**values)  # type: ignore[arg-type]


def parse_audit_config(text: str, origin: Path) -> AuditConfig:
    """Validate an `audit.yaml`'s text; raises `ConfigError` (file:line) on the first mistake."""
    shown = str(origin)
    root = parse_yaml(text, shown, error=ConfigError)
    top = _mapping(root, Mark(shown, 1, 1), "the audit file")
    for key in top:
        if key not in _TOP:
            raise _fail(f"unknown key {key!r}", top.key_mark(key), hint=f"known keys: {', '.join(_TOP)}")
    for key in ("pack", "stories", "sources", "output"):
        if top.get(key) is None:
            raise _fail(f"missing required key {key!r}", top.mark, hint="see the README's 'Auditing republications'")
    base = origin.resolve().parent
    pack = _text(top.get("pack"), top.key_mark("pack"), "pack")
    stories_node = top.entries["stories"]
    stories = _locator(stories_node, base, "stories", ("folder", "sitemap", "feed"))
    sources_node = top.entries["sources"]
    if not isinstance(sources_node, YSeq) or not sources_node.items:
        raise _fail("sources must be a list of warc:, site: or folder: entries", sources_node.mark)
    sources = tuple(_locator(item, base, "a source", ("warc", "site", "folder")) for item in sources_node.items)
    output = base / _text(top.get("output"), top.key_mark("output"), "output")
    _check_output(output.resolve(), top.entries["output"].mark, (stories, *sources))
    state_node = top.get("state")
    state = base / _text(state_node, top.key_mark("state"), "state") if state_node is not None else output / "audit-state.sqlite"
    if state_node is not None:
        _check_state(state.resolve(), state_node.mark, (stories, *sources), origin.resolve(), output.resolve())
    threshold = 0.5
    match = top.get("match")
    if match is not None:
        entry = _mapping(match, top.key_mark("match"), "match")
        for key in entry:
            value = plain(entry.entries[key])
            if key != "threshold" or not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 1:
                raise _fail("match takes only threshold: a number in (0, 1]", entry.key_mark(key))
            threshold = float(value)
    output_mark = top.entries["output"].mark
    state_mark = state_node.mark if state_node is not None else None
    return AuditConfig(
        shown,
        pack,
        stories,
        sources,
        output.resolve(),
        state.resolve(),
        _limits(top.get("fetch"), top.key_mark("fetch")),
        threshold,
        output_at=(output_mark.origin, output_mark.line, output_mark.column),
        state_at=(state_mark.origin, state_mark.line, state_mark.column) if state_mark is not None else None,
        stories_at=_place(stories_node),
        pack_at=_place(top.entries["pack"]),
    )


def _place(node: YNode) -> tuple[str, int, int]:
    """Where the value of a one-key mapping (`{folder: originals/}`) is written, else the node itself."""
    if isinstance(node, YMap) and len(node.entries) == 1:
        node = next(iter(node.entries.values()))
    return (node.mark.origin, node.mark.line, node.mark.column)
