"""The audit on Dask: each batch of pages becomes a `dask.bag`, partitioned across workers, and every
page is parsed, matched against the story index and checked there (one task per partition, the index
shipped once per batch as one graph key), on the local threaded or process scheduler or on a
`dask.distributed` cluster by address.
"""

from __future__ import annotations

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
        self.client: Any = None

    def __enter__(self) -> DaskMapper:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the cluster's client, if one was opened."""
        if self.client is not None:
            self.client.close()
            self.client = None

    def __call__(self, function: Callable[[Any, Any], Any], items: Sequence[Any], shared: Any) -> list[Any]:
        import uuid

        import dask
        import dask.bag as db

        if not items:
            return []
        # One key for the shared work, so that it travels once to each worker rather than inside every task.
        work = dask.delayed(shared, name=f"audit-work-{uuid.uuid4().hex}", traverse=False)  # type: ignore[attr-defined]
        bag = db.from_sequence(list(items), partition_size=self.partition_size).map(function, work)  # type: ignore[no-untyped-call]
        if self.scheduler == "local":
            return list(bag.compute(scheduler="threads"))
        if self.scheduler == "processes":
            return list(bag.compute(scheduler="processes"))
        if self.client is None:
            from distributed import Client

            self.client = Client(self.scheduler)  # type: ignore[no-untyped-call]
        return list(self.client.compute(bag).result())


def dask_mapper(scheduler: str, *, partition_size: int = PARTITION_SIZE) -> DaskMapper:
    """A `DaskMapper` for `scheduler` (see there)."""
    return DaskMapper(scheduler, partition_size=partition_size)
