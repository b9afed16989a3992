"""The audit on Dask: each batch of pages becomes a `dask.bag`, partitioned across workers, on the local
threaded or process scheduler or on a `dask.distributed` cluster by address.

Two joins of pages with stories, with the same results:

- **map-side (broadcast)**: every page is parsed, matched against the whole story index and checked
  in its partition (`audit_page`); the index travels to each worker once.
- **shuffle**: pages are parsed and signed in their partitions (`read_for_join`), their LSH band keys
  and the stories' are shuffled together on the band key (`groupby`), each bucket gives (page, story)
  candidates, to which each page adds the stories it holds a sampled shingle of (looked up where it
  was read: a long page's shingles are too many to shuffle), and each page's candidates are
  confirmed with the exact score and the page checked where it was read (`confirm_and_check`),
  reusing its parse when the check runs in the same process.

The map-side join is the default everywhere: measured on two workers, the shuffle join was slower
(docs/performance.md); `join="shuffle"` (`--join shuffle`) chooses it. The shared work (the story index and the stories) is scattered once to every worker of a
cluster for the whole audit; local processes are one pool for the whole audit, each sent the work
once per batch. Up to `in_flight` batches are audited at once, so that the workers are not idle while
the next batch is read.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, Literal

PARTITION_SIZE = 64
# Seconds to wait for a cluster's scheduler to answer; None: Dask's own (`distributed.comm.timeouts.connect`, 30 s).
CONNECT_TIMEOUT: float | None = None
# Batches given to the workers at once: one being audited while the next is read and sent, and one queued.
IN_FLIGHT = 3
Join = Literal["broadcast", "shuffle"]


class SchedulerUnusable(Exception):
    """A `--scheduler` the audit cannot run on (not installed, not an address, nothing answers there): why, one line."""


_HIGHEST_PORT = 65535


def _check_address(address: str) -> None:
    """Raise `ValueError` when Dask would refuse `address` as a scheduler's: an unknown scheme
    ("unknown address scheme 'http'"), a network one without a port ("missing port number in
    address 'bogus'"), or with a port past 65535. `distributed` is installed (the caller imported it)."""
    from distributed.comm.addressing import parse_address, parse_host_port
    from distributed.comm.registry import get_backend

    scheme, location = parse_address(address)
    get_backend(scheme)
    if scheme in ("tcp", "tls", "ws", "wss"):
        _, port = parse_host_port(location)
        # Dask reads any number, and then waits its whole connect timeout on a port no host has.
        if not 0 < int(port) <= _HIGHEST_PORT:
            raise ValueError(f"port {port} in address '{address}' is not a TCP port (1-{_HIGHEST_PORT})")


class DaskMapper:
    """A mapper for `run_audit`: `local` (threads), `processes`, or a scheduler ADDRESS (`tcp://host:8786`).

    `join` is "broadcast" (map-side, the default) or "shuffle". Use it as a context manager: a cluster's client is opened on first use and closed on exit.
    """

    def __init__(self, scheduler: str, *, partition_size: int = PARTITION_SIZE, join: Join | None = None, in_flight: int = IN_FLIGHT) -> None:
        self.scheduler = scheduler
        self.partition_size = partition_size
        self.join: Join = join or "broadcast"
        self.in_flight = in_flight
        self.workers = os.cpu_count() or 1
        self.client: Any = None
        self.pool: Any = None
        self.scattered: tuple[str, Any] | None = None

    def __enter__(self) -> DaskMapper:
        return self

    def connect(self) -> None:
        """Make sure now, before the audit reads or writes anything, that the audit can run on the
        scheduler: Dask is installed and, for a scheduler ADDRESS, a scheduler answers there (its
        client is opened here and kept). Raises `SchedulerUnusable` with why, one line."""
        try:
            import dask.bag  # noqa: F401
        except ImportError:
            raise SchedulerUnusable("needs Dask, which is not installed (pip install 'syndication-compliance[audit]')") from None
        if self.scheduler in ("local", "processes") or self.client is not None:
            return
        if not self.scheduler.strip():
            # An empty address would make Dask start a cluster of its own on this machine.
            raise SchedulerUnusable("is empty")
        try:
            from distributed import Client
        except ImportError:
            raise SchedulerUnusable("needs dask.distributed, which is not installed (pip install 'syndication-compliance[audit]')") from None
        try:
            # Read as Dask reads it before any client is made: a client given a malformed address
            # starts an event loop first, whose failure is not always the address's ValueError.
            _check_address(self.scheduler)
            self.client = Client(self.scheduler, **({} if CONNECT_TIMEOUT is None else {"timeout": CONNECT_TIMEOUT}))  # type: ignore[no-untyped-call]
        except ValueError as exc:
            raise SchedulerUnusable(f"is not a scheduler address: {exc}") from None
        except (OSError, TimeoutError) as exc:
            raise SchedulerUnusable(f"cannot be reached: {exc}") from None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the cluster's client or the process pool, if one was opened."""
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None

    def _shared(self, shared: Any) -> Any:
        """The shared work as each scheduler takes it: itself (threads), one graph key (processes), scattered once (a cluster)."""
        import dask

        token = getattr(shared, "token", "") or uuid.uuid4().hex
        if self.scheduler == "local":
            return shared
        if self.scheduler == "processes":
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # One pool for the whole audit: its processes keep what they parsed (the stories) from batch to batch.
            # Spawned, not forked: the fetching threads may hold locks (SQLite, the HTTP cache) at that moment.
            self.pool = self.pool or ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            return dask.delayed(shared, name=f"audit-work-{token}", traverse=False)  # type: ignore[attr-defined]
        if self.client is None:
            from distributed import Client

            self.client = Client(self.scheduler)  # type: ignore[no-untyped-call]
        if self.scattered is None or self.scattered[0] != token:
            # Sent once to every worker for the whole audit, not with each task.
            self.scattered = (token, self.client.scatter(shared, broadcast=True, hash=False))
        return self.scattered[1]

    def _compute(self, collection: Any) -> list[Any]:
        if self.scheduler == "local":
            return list(collection.compute(scheduler="threads"))
        if self.scheduler == "processes":
            return list(collection.compute(scheduler="processes", pool=self.pool))
        return list(self.client.compute(collection).result())

    def _partitions(self, items: Sequence[Any]) -> dict[str, int]:
        if self.scheduler == "processes":
            # The shared work is one graph key, sent with each task: so, one partition per process.
            return {"npartitions": min(self.workers, len(items))}
        return {"partition_size": self.partition_size}

    def __call__(self, function: Callable[[Any, Any], Any], items: Sequence[Any], shared: Any) -> list[Any]:
        import dask.bag as db

        if not items:
            return []
        work = self._shared(shared)
        return self._compute(db.from_sequence(list(items), **self._partitions(items)).map(function, work))  # type: ignore[no-untyped-call]

    def join_pages(self, pages: Sequence[Any], work: Any) -> list[Any]:
        """Audit a batch of pages with the configured join (see the module's docstring); outcomes in page order."""
        if self.join == "broadcast":
            from compliance.audit.run import audit_page

            return self(audit_page, pages, work)
        return self._compute(shuffle_join(list(pages), self._shared(work), **self._partitions(pages)))


def shuffle_join(pages: list[Any], work: Any, **partitioning: int) -> Any:
    """The Dask bag of the pages' outcomes, by a shuffle join of page and story LSH band keys (lazy).

    `work` is the shared `AuditWork` (itself, a delayed value or a scattered future).
    """
    import dask
    import dask.bag as db

    from compliance.audit.run import confirm_and_check, page_bands, read_for_join

    read = db.from_sequence(pages, **partitioning).map(read_for_join, work)  # type: ignore[no-untyped-call]
    parts = read.npartitions
    page_side = read.map(page_bands).flatten().map(_tagged, "page")
    # The story side is cut into as many parts, each computed where it runs from the shared index.
    story_side = db.from_delayed([dask.delayed(_story_part)(work, part, parts) for part in range(parts)])  # type: ignore[attr-defined,no-untyped-call]
    buckets = db.concat([page_side, story_side]).groupby(_band, shuffle="tasks", npartitions=parts)  # type: ignore[no-untyped-call]
    pairs = buckets.map(_bucket_pairs).flatten()
    candidates = pairs.foldby(_page_of, _add_story, frozenset(), _union, frozenset()).reduction(dict, _merged)
    return read.map(confirm_and_check, candidates, work)


def _tagged(entry: tuple[tuple[int, bytes], str], side: str) -> tuple[tuple[int, bytes], str, str]:
    return (entry[0], side, entry[1])


def _story_part(work: Any, part: int, parts: int) -> list[tuple[tuple[int, bytes], str, str]]:
    """One of `parts` slices of the stories' band keys, tagged as the story side."""
    bands = work.index.story_bands()
    return [(band, "story", key) for band, key in bands[part::parts]]


def _band(entry: tuple[tuple[int, bytes], str, str]) -> tuple[int, bytes]:
    return entry[0]


def _bucket_pairs(bucket: tuple[tuple[int, bytes], Iterable[tuple[tuple[int, bytes], str, str]]]) -> list[tuple[str, str]]:
    """The (page, story) pairs of one band bucket: every page in it with every story in it."""
    entries = list(bucket[1])
    stories = [key for _, side, key in entries if side == "story"]
    return [(key, story) for _, side, key in entries if side == "page" for story in stories]


def _page_of(pair: tuple[str, str]) -> str:
    return pair[0]


def _add_story(found: frozenset[str], pair: tuple[str, str]) -> frozenset[str]:
    return found | {pair[1]}


def _union(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    return a | b


def _merged(parts: Iterator[Mapping[str, frozenset[str]]]) -> dict[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for part in parts:
        for page, stories in part.items():
            merged[page] = merged.get(page, frozenset()) | stories
    return merged


def dask_mapper(scheduler: str, *, partition_size: int = PARTITION_SIZE, join: Join | None = None) -> DaskMapper:
    """A `DaskMapper` for `scheduler` (see there)."""
    return DaskMapper(scheduler, partition_size=partition_size, join=join)
