"""The audit configuration (`audit.yaml`): the licensor's pack, where its stories are, where to look for copies.

Pure: takes the file's text and its path; relative paths are resolved against the file's folder.
Every mistake is a `ConfigError` with file:line, and every one the file holds is reported in one
run (`ConfigErrors`), so `syndcheck audit` exits 2 with one line for each.

    pack: dcnf
    stories: {folder: originals/}          # or {sitemap: URL} / {feed: URL}
    sources:
      - warc: crawl.warc.gz                 # a file or a folder of .warc/.warc.gz/.arc.gz
      - site: {sitemap: http://127.0.0.1:8000/sitemap.xml}   # or {feed: URL} / {urls: [URL, …]}
      - folder: saved-pages/
    output: audit-report/
    fetch: {rate: 2, concurrency: 2, timeout: 10, page-timeout: 30, max-redirects: 5, retries: 2, max-retry-after: 60}
    # max-bytes: N bounds every page read (default: FETCHED_MAX_BYTES fetched, SAVED_MAX_BYTES archived or saved)
    match: {threshold: 0.5}
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal, TypeVar, cast

from compliance.errors import ConfigError, ConfigErrors, closest, combine_config, nearest, unknown_pack
from compliance.urls import is_http_url
from compliance.yamlsource import Mark, YMap, YNode, YScalar, YSeq, parse_yaml, plain

USER_AGENT = "syndcheck-audit/0.1 (+https://pypi.org/project/syndication-compliance/; republication audit for the licensor)"


LocatorKind = Literal["folder", "warc", "sitemap", "feed", "urls"]


@dataclass(frozen=True, slots=True)
class Locator:
    """One place to read pages from: `kind` is folder, warc, sitemap, feed or urls; `where` a path or URL(s)."""

    kind: LocatorKind
    where: tuple[str, ...]


# The most bytes of one page the audit reads when the audit file sets no `max-bytes`. A page
# fetched from a partner's site (and a sitemap, feed or robots.txt) is bounded more tightly: a
# hostile server sends as much as it is let, to each of the pages fetched ahead of the check. A page
# the licensor's own crawl archived, or a folder of saved pages holds, is bounded as `syndcheck
# check` bounds a file (its `--max-bytes` default), so that a live blog `check` reads is audited too.
FETCHED_MAX_BYTES = 5_000_000
SAVED_MAX_BYTES = 16 * 1024 * 1024


def too_large(limit: int, *, decompressed: bool = False) -> str:
    """The problem of a page (or sitemap) over `limit` bytes, naming the setting that lifts it. Pure."""
    once = " once decompressed" if decompressed else ""
    return f"larger than {limit} bytes{once}; not read — raise max-bytes under fetch: in the audit file to read it"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Politeness and safety limits for every HTTP request (seconds, bytes, requests per second per
    host), and the size limit of every page the audit reads, wherever from (`fetched_bytes`, `saved_bytes`)."""

    rate: float = 2.0
    concurrency: int = 2
    timeout: float = 10.0
    # `max-bytes` as the audit file sets it, for every page read; None: not set, each kind its default.
    max_bytes: int | None = None
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

    @property
    def fetched_bytes(self) -> int:
        """The most bytes of a page, sitemap, feed or robots.txt fetched (a gzipped one once decompressed)."""
        return FETCHED_MAX_BYTES if self.max_bytes is None else self.max_bytes

    @property
    def saved_bytes(self) -> int:
        """The most bytes of a page read from an archive (its record's body) or a folder (its file)."""
        return SAVED_MAX_BYTES if self.max_bytes is None else self.max_bytes


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
    # Where the sources are listed, for an audit that reads no page from any of them.
    sources_at: tuple[str, int, int] | None = None


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


# What to do about an audit file that is not YAML (it holds paths and URLs, not patterns).
_INVALID_YAML_HINT = "check the indentation and that every bracket and quote is closed; put a path or URL that holds ': ' or ' #' in quotes"
# What `sources` lists, for a file that lists nothing there.
_SOURCES_HINT = "list where to look for copies, one a line: '- warc: crawl.warc.gz', '- site: {sitemap: http://…/sitemap.xml}' or '- folder: saved-pages/'"

T = TypeVar("T")


class _Problems:
    """The audit file's mistakes, kept as each independent part is read, so that one run reports them all."""

    def __init__(self) -> None:
        self.errors: list[ConfigError] = []

    def collect(self, read: Callable[[], T]) -> T | None:
        """`read()`, or None with its mistakes kept."""
        try:
            return read()
        except ConfigError as error:
            self.errors.extend(error.errors if isinstance(error, ConfigErrors) else [error])
            return None

    def raise_any(self) -> None:
        """Raise the mistakes found so far, in file order, if there are any."""
        if self.errors:
            raise combine_config(self.errors)


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


def _listed_url(item: YNode, where: Mark) -> str:
    """One URL of a `urls` list, one the audit can fetch (`_url`)."""
    value = _text(item, where, "each URL")
    _url(value, item.mark, "URL")
    return value


def _locator(node: YNode, base: Path, what: str, allowed: tuple[str, ...]) -> Locator:
    entry = _mapping(node, node.mark, what)
    keys = list(entry)
    unknown = [key for key in keys if key not in allowed]
    if unknown:
        # Named, at its place: `- folder: saved/` with `recurse: yes` has one source and a key too many.
        hint = _fetch_setting_hint(unknown[0]) or closest(unknown[0], allowed) or f"{what} has exactly one of {', '.join(allowed)}"
        raise _fail(f"unknown key {unknown[0]!r} in {what}", entry.key_mark(unknown[0]), hint=hint)
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
            raise _fail("urls is empty: it lists no page to read", value.mark, hint="e.g. {urls: [http://…, http://…]}")
        problems = _Problems()
        urls = [problems.collect(partial(_listed_url, item, mark)) for item in items]
        problems.raise_any()
        return Locator("urls", tuple(url for url in urls if url is not None))
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
    """The fetch settings; every setting that is wrong is a mistake of its own, reported together."""
    if node is None:
        return FetchLimits()
    entry = _mapping(node, where, "fetch")
    problems = _Problems()
    values: dict[str, object] = {}
    for key in entry:
        value = problems.collect(partial(_fetch_setting, entry, key))
        if value is not None:
            values[key.replace("-", "_")] = value
    problems.raise_any()
    return FetchLimits(**values)  # type: ignore[arg-type]


def _fetch_setting(entry: YMap, key: str) -> object:
    """One fetch setting's value, as its type (`_FETCH_KEYS`); a `ConfigError` at its place when it is unknown or not allowed."""
    if key not in _FETCH_KEYS:
        raise _fail(f"unknown fetch setting {key!r}", entry.key_mark(key), hint=closest(key, _FETCH_KEYS) or f"known: {', '.join(_FETCH_KEYS)}")
    value = plain(entry.entries[key])
    wanted = _FETCH_KEYS[key]
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and not math.isfinite(cast(float, value)) and cast(float, value) > 0:
        # YAML's `.inf`: a limit that limits nothing (a page timeout never reached, no pause between requests).
        raise _fail(f"fetch {key} must be a finite number, not {value}: it would set no limit", entry.entries[key].mark)
    ok = isinstance(value, str) if wanted is str else number and (value > 0 or (value == 0 and key in _MAY_BE_ZERO))
    if not ok or (wanted is int and not isinstance(value, int)):
        raise _fail(_MAY_BE_ZERO.get(key) or f"fetch {key} must be a positive {wanted.__name__}", entry.entries[key].mark)
    return wanted(value)


def parse_audit_config(text: str, origin: Path, *, pack_ids: Collection[str] | None = None) -> AuditConfig:
    """Validate an `audit.yaml`'s text. Raises a `ConfigError` (file:line) for its mistake, or
    `ConfigErrors` holding every one, in file order, when it has several: each part of the file
    (a key, the pack, the stories, each source, the output, the state, each fetch setting) is read
    whatever is wrong with the others. With `pack_ids`, the ids of the packs there are, a pack id
    none of them has is one of the mistakes, with the closest id. Only a file that is not YAML, or
    not a mapping, is one mistake alone."""
    shown = str(origin)
    root = parse_yaml(text, shown, error=ConfigError, invalid_hint=_INVALID_YAML_HINT)
    top = _mapping(root, Mark(shown, 1, 1), "the audit file")
    problems = _Problems()
    problems.collect(lambda: _top_keys(top))
    base = origin.resolve().parent
    pack = problems.collect(lambda: _pack(top, pack_ids)) if "pack" in top.entries else None
    stories_node = top.get("stories")
    stories = problems.collect(lambda: _locator(stories_node, base, "stories", ("folder", "sitemap", "feed"))) if stories_node is not None else None
    sources = _sources(top.get("sources"), base, problems)
    read = tuple(locator for locator in (stories, *sources) if locator is not None)
    output_node = top.get("output")
    output = problems.collect(lambda: _output(output_node, top.key_mark("output"), base, read)) if output_node is not None else None
    state_node = top.get("state")
    state = problems.collect(lambda: _state(state_node, top.key_mark("state"), base, read, origin, output)) if state_node is not None and output else None
    threshold = problems.collect(lambda: _threshold(top.get("match"), top.key_mark("match")))
    fetch = problems.collect(lambda: _limits(top.get("fetch"), top.key_mark("fetch")))
    problems.raise_any()
    assert pack is not None and stories is not None and stories_node is not None and output is not None and output_node is not None
    assert threshold is not None and fetch is not None
    state_mark = state_node.mark if state_node is not None else None
    return AuditConfig(
        shown,
        pack,
        stories,
        tuple(source for source in sources if source is not None),
        output,
        state or output / "audit-state.sqlite",
        fetch,
        threshold,
        output_at=(output_node.mark.origin, output_node.mark.line, output_node.mark.column),
        state_at=(state_mark.origin, state_mark.line, state_mark.column) if state_mark is not None else None,
        stories_at=_place(stories_node),
        pack_at=_place(top.entries["pack"]),
        sources_at=_place(top.entries["sources"]) if "sources" in top.entries else None,
    )


def _top_keys(top: YMap) -> None:
    """Every key the audit file does not take (with the one it may mean) and every required key it
    lacks, each a mistake; a required key that a misspelt one stands for is said once, by that one."""
    unknown = [key for key in top if key not in _TOP]
    errors = [
        _fail(f"unknown key {key!r}", top.key_mark(key), hint=_fetch_setting_hint(key) or closest(key, _TOP) or f"known keys: {', '.join(_TOP)}")
        for key in unknown
    ]
    meant = {nearest(key, _TOP) for key in unknown}
    errors += [
        _fail(f"missing required key {key!r}", top.mark, hint="see the README's 'Auditing republications'")
        for key in ("pack", "stories", "sources", "output")
        if top.get(key) is None and key not in meant
    ]
    if errors:
        raise combine_config(errors)


def _fetch_setting_hint(key: str) -> str | None:
    """Where a fetch setting written out of its place (at the top of the file, in a source) goes:
    under `fetch:`, which sets it for every source alike; None for a key that is no fetch setting."""
    if key not in _FETCH_KEYS:
        return None
    return f"{key} is a fetch setting, for every source alike: write it under fetch: (fetch: {{{key}: …}})"


def _pack(top: YMap, pack_ids: Collection[str] | None) -> str:
    """The pack's id; with `pack_ids`, one of them (else a mistake at its place, with the closest id)."""
    node = top.entries["pack"]
    pack = _text(node, top.key_mark("pack"), "pack")
    if pack_ids is not None and pack not in pack_ids:
        error = unknown_pack(pack, pack_ids)
        raise _fail(error.what, node.mark, hint=error.hint)
    return pack


def _sources(node: YNode | None, base: Path, problems: _Problems) -> list[Locator | None]:
    """Each source's place (None for one that is wrong, its mistake kept in `problems`); a list that
    is not a list, or an empty one, is a mistake at its place."""
    if node is None:
        return []
    if isinstance(node, YSeq) and node.items:
        return [problems.collect(partial(_locator, item, base, "a source", ("warc", "site", "folder"))) for item in node.items]
    empty = isinstance(node, YSeq) or (isinstance(node, YScalar) and node.value is None)
    what = "sources is empty: the audit would look for copies nowhere" if empty else "sources must be a list of warc:, site: or folder: entries"
    problems.errors.append(_fail(what, node.mark, hint=_SOURCES_HINT))
    return []


def _output(node: YNode, where: Mark, base: Path, read: tuple[Locator, ...]) -> Path:
    """The reports' folder (absolute), checked against what the audit reads (`_check_output`)."""
    output = (base / _text(node, where, "output")).resolve()
    _check_output(output, node.mark, read)
    return output


def _state(node: YNode, where: Mark, base: Path, read: tuple[Locator, ...], audit_file: Path, output: Path) -> Path:
    """The state's file (absolute), checked against what the audit reads and writes (`_check_state`)."""
    state = (base / _text(node, where, "state")).resolve()
    _check_state(state, node.mark, read, audit_file.resolve(), output)
    return state


def _threshold(node: YNode | None, where: Mark) -> float:
    """The match threshold, 0.5 when `match` is not given."""
    threshold = 0.5
    if node is not None:
        entry = _mapping(node, where, "match")
        for key in entry:
            value = plain(entry.entries[key])
            if key != "threshold" or not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 1:
                raise _fail("match takes only threshold: a number in (0, 1]", entry.key_mark(key))
            threshold = float(value)
    return threshold


def _place(node: YNode) -> tuple[str, int, int]:
    """Where the value of a one-key mapping (`{folder: originals/}`) is written, else the node itself."""
    if isinstance(node, YMap) and len(node.entries) == 1:
        node = next(iter(node.entries.values()))
    return (node.mark.origin, node.mark.line, node.mark.column)
