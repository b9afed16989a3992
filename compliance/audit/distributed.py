"""The audit on Dask: the same pipeline with its parsing, MinHash signatures and checks mapped over a
`dask.bag` (pages and WARC records partitioned across workers), on the local threaded or process
scheduler or on a `dask.distributed` cluster by address. The LSH join runs on the client.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

PARTITION_SIZE = 64


def dask_mapper(scheduler: str, *, partition_size: int = PARTITION_SIZE) -> Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]:
    """A mapper for `run_audit`: `local` (threads), `processes`, or a scheduler ADDRESS (`tcp://host:8786`), or a `Client` given as is."""
    import dask.bag as db

    def mapped(function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        if not items:
            return []
        bag = db.from_sequence(list(items), partition_size=partition_size).map(function)  # type: ignore[no-untyped-call]
        if scheduler == "local":
            return list(bag.compute(scheduler="threads"))
        if scheduler == "processes":
            return list(bag.compute(scheduler="processes"))
        from distributed import Client

        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            return list(client.compute(bag).result())

    return mapped
