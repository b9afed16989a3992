"""The check processes of one server process: where `POST /v1/check` and the page check articles.

A check is pure and CPU-bound, and its slowest parts (the parse, in C) never give the interpreter
back: a check run in a thread of the server process and abandoned at the time limit would go on
holding the server (and the next request) for as long as it takes. Each server process therefore
checks in a few processes of its own, started on first use (forked where the system can, so they
share the loaded packs); a check past the time limit has its process killed, and a new one takes
its place. `multiprocessing` is imported only when the first process starts.

The time limit is the check's: a check process that fetches the original story a request names
(`--allow-fetch`) tells its server when the fetch starts and ends, and the time between is not
counted, since the fetch has its own limit (`originals.FETCH_TIMEOUT`) and ends, whatever the
original's server does, with the original read or with the note of why it was not; the copy is
then checked within the whole time limit.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio

from compliance.advice import API_ADVICE, Advice
from compliance.document import DocumentKind
from compliance.originals import FETCH_ALLOWANCE

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from compliance.config import RuleAdjustment
    from compliance.runner import FileResult, HeldOriginal
    from compliance.serve import ServeSettings
    from compliance.serve.app import Checker

# Check processes per server process: two, so that a short article is not kept waiting behind a
# slow one in the same server process for the whole time limit.
CHECK_PROCESSES = 2

_READY = "ready"
# What a check process sends its server when a fetch of an original starts, and when it ends.
_FETCHING = "fetching"
_FETCHED = "fetched"
# The checker a forked process inherits from the server process that starts it (spawned ones build their own).
_INHERITED: Checker | None = None


@dataclass(frozen=True, slots=True)
class CheckJob:
    """One article to check, as `Runner.check_article` takes it."""

    data: bytes
    kind: DocumentKind
    name: str
    packs: tuple[str, ...] | None
    meta: Mapping[str, str]
    original: HeldOriginal | None = None
    # How its notices say to give what a rule lacks: the API's words or the page's.
    advice: Advice = API_ADVICE


class WorkerDied(Exception):
    """A check process ended without answering (killed by a signal or the out-of-memory killer)."""


@dataclass(slots=True)
class CheckProcess:
    """One running check process and the server's end of its pipe."""

    process: BaseProcess
    connection: Connection
    ready: bool = False

    def stop(self) -> None:
        """Kill the process now (it may be deep in C, where no gentler signal is seen) and reap it."""
        self.process.kill()
        self.process.join(5)
        self.connection.close()


@dataclass(slots=True)
class CheckPool:
    """At most `size` check processes of one server process, each checking one article at a time."""

    settings: ServeSettings
    size: int = CHECK_PROCESSES
    _idle: list[CheckProcess] = field(default_factory=list)
    _free: anyio.Semaphore | None = None

    async def check(self, checker: Checker, job: CheckJob, limit: float) -> tuple[FileResult, list[tuple[Any, RuleAdjustment]]] | None:
        """The result of `job` and the rule adjustments its process has noted (as
        `Runner.adjustments` holds them: key, adjustment), or None when the
        check took longer than `limit` seconds (its process is then killed and replaced). The
        limit counts from when a process has the article: not the wait for a free one. Raises
        `WorkerDied` when the process ended without answering."""
        if self._free is None:
            self._free = anyio.Semaphore(self.size)
        async with self._free:
            worker = self._idle.pop() if self._idle else self._start(checker)
            if not worker.ready:
                await _answer(worker)  # a spawned process loads the packs first: not the check's time
                worker.ready = True
            worker.connection.send(job)
            answer = await _answer_in_time(worker, limit)
            if answer is None:
                worker.stop()
                return None
            self._idle.append(worker)
            result, adjustments = answer
            return result, adjustments

    def close(self) -> None:
        """Stop every idle process (the server is shutting down)."""
        while self._idle:
            self._idle.pop().stop()

    def _start(self, checker: Checker) -> CheckProcess:
        import multiprocessing

        global _INHERITED
        forked = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork") if forked else multiprocessing.get_context("spawn")
        if forked and _INHERITED is None:
            # Built on first use, then shared by every process forked after it: the index of
            # place names takes most of a second, which no check should be charged.
            from compliance.document.places import load_gazetteer

            load_gazetteer()
        _INHERITED = checker if forked else None
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve_checks, args=(self.settings, theirs, os.getpid()), name="syndcheck-check", daemon=True)
        process.start()
        theirs.close()
        return CheckProcess(process, ours)


async def _answer(worker: CheckProcess) -> Any:
    """The next message from a check process, waited for without holding the event loop."""
    ready = await anyio.to_thread.run_sync(worker.connection.poll, None, abandon_on_cancel=True)
    try:
        if ready:
            return worker.connection.recv()
    except (EOFError, OSError):
        pass
    worker.stop()
    raise WorkerDied("the check's process ended without answering")


async def _answer_within(worker: CheckProcess, seconds: float) -> Any:
    """The next message from a check process, or None when none came within `seconds`."""
    with anyio.move_on_after(seconds):
        return await _answer(worker)
    return None


async def _answer_in_time(worker: CheckProcess, limit: float) -> Any:
    """The check's answer, or None when the check took longer than `limit` seconds, not counting
    the time its process spent fetching an original (see the module's docstring), or a fetch took
    longer than `FETCH_ALLOWANCE`."""
    left = limit
    while True:
        began = time.monotonic()
        message = await _answer_within(worker, left)
        if message != _FETCHING:
            return message
        left -= time.monotonic() - began
        if await _answer_within(worker, FETCH_ALLOWANCE) != _FETCHED:
            return None


def _serve_checks(settings: ServeSettings, connection: Connection, parent: int) -> None:
    """A check process's life: check each article sent, answer with the result and the rule
    adjustments noted so far; end when the server process closes its end or is gone."""
    import dataclasses
    import signal

    from compliance.runner import _portable, _watch_parent

    # Ctrl+C reaches the whole process group: the server process stops its check processes when it
    # stops. A forked process inherits the server's handlers, which would ignore SIGTERM here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _INHERITED is not None:
        _close_inherited_sockets(keep=connection.fileno())
    _watch_parent(parent)
    checker = _INHERITED
    if checker is None:
        from compliance.serve.app import build_checker

        checker = build_checker(settings)
    connection.send(_READY)
    runner = checker.runner
    if settings.allow_fetch:
        # The server does not count a fetch against the check's time limit: it is told of each.
        runner.originals.on_fetch = lambda started: connection.send(_FETCHING if started else _FETCHED)
    while True:
        try:
            job: CheckJob = connection.recv()
        except (EOFError, OSError):
            return
        result = runner.check_article(job.data, job.kind, name=job.name, packs=job.packs, meta=job.meta, original=job.original, advice=job.advice)
        if result.cause is not None:
            # Tracebacks do not cross processes; the message and type do.
            result = dataclasses.replace(result, cause=_portable(result.cause))
        with contextlib.suppress(BrokenPipeError):
            connection.send((result, list(runner.adjustments.items())))


def _close_inherited_sockets(keep: int) -> None:
    """Close every socket a forked check process inherits from its server process but its own end
    of the pipe (`keep`): the listening socket, the event loop's own, and the clients' connections
    open when it was forked. A connection the server has closed stays open while a process holds
    it, so its client, which reads an answer sent with `Connection: close` to its end, would wait
    for as long as the check process lives. The event loop's signal wake-up socket is let go
    first: a signal would be written to a closed descriptor, or to a file that took its number."""
    import signal
    import stat

    signal.set_wakeup_fd(-1)
    for descriptor in _open_descriptors():
        if descriptor == keep:
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISSOCK(os.fstat(descriptor).st_mode):
                os.close(descriptor)


def _open_descriptors() -> list[int]:
    """The process's open file descriptors above standard error: listed by the system where it
    lists them (`/dev/fd` on Linux and macOS), else every number below the process's limit."""
    try:
        return [int(name) for name in os.listdir("/dev/fd") if name.isdigit() and int(name) > 2]
    except OSError:
        import resource

        return list(range(3, min(resource.getrlimit(resource.RLIMIT_NOFILE)[0], 65536)))


__all__ = ["CHECK_PROCESSES", "CheckJob", "CheckPool", "WorkerDied"]
