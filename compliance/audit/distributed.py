"""The audit on Dask: each batch of pages becomes a `dask.bag`, partitioned across workers, and every
page is parsed, matched against the story index and checked there, on the local threaded or process
scheduler or on a `dask.distributed` cluster by address. The shared work (the story index and the
stories) is scattered once to every worker of a cluster for the whole audit; local processes are one
pool for the whole audit, each sent the work once per batch.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

PARTITION_SIZE = 64


class DaskMapper:
    """A mapper for `run_audit`: `local` (threads), `processes`, or a scheduler ADDRESS (`tcp://host:8786`).

    Use it as a context manager: a cluster's client is opened on first use and closed on exit.
    """

    def __init__(self, scheduler: str, *, partition_size: int = PARTITION_SIZE) -> None:
        self.scheduler = scheduler
        self.partition_size = partition_size
        self.workers = os.cpu_count() or 1
        self.client: Any = None
        self.pool: Any = None
        self.scattered: tuple[str, Any] | None = None

    def __enter__(self) -> DaskMapper:
        return self

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

    def __call__(self, function: Callable[[Any, Any], Any], items: Sequence[Any], shared: Any) -> list[Any]:
        import dask
        import dask.bag as db

        if not items:
            return []
        token = getattr(shared, "token", "") or uuid.uuid4().hex
        if self.scheduler == "local":
            bag = db.from_sequence(list(items), partition_size=self.partition_size).map(function, shared)  # type: ignore[no-untyped-call]
            return list(bag.compute(scheduler="threads"))
        if self.scheduler == "processes":
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # One pool for the whole audit: its processes keep what they parsed (the stories) from batch to batch.
            # Spawned, not forked: the fetching threads may hold locks (SQLite, the HTTP cache) at that moment.
            self.pool = self.pool or ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            # The shared work is one graph key, sent with each task: so, one partition per process.
            parts = min(self.workers, len(items))
            work = dask.delayed(shared, name=f"audit-work-{token}", traverse=False)  # type: ignore[attr-defined]
            bag = db.from_sequence(list(items), npartitions=parts).map(function, work)  # type: ignore[no-untyped-call]
            return list(bag.compute(scheduler="processes", pool=self.pool))
        if self.client is None:
            from distributed import Client

            self.client = Client(self.scheduler)  # type: ignore[no-untyped-call]
        if self.scattered is None or self.scattered[0] != token:
            # Sent once to every worker for the whole audit, not with each task.
            self.scattered = (token, self.client.scatter(shared, broadcast=True, hash=False))
        bag = db.from_sequence(list(items), partition_size=self.partition_size).map(function, self.scattered[1])  # type: ignore[no-untyped-call]
        return list(self.client.compute(bag).result())


def dask_mapper(scheduler: str, *, partition_size: int = PARTITION_SIZE) -> DaskMapper:
    """A `DaskMapper` for `scheduler` (see there)."""
    return DaskMapper(scheduler, partition_size=partition_size)
