"""An audit's progress at a terminal, with `rich`: stories read, URLs fetched, pages audited (and
those whose stored outcome still held), copies found, and the time taken, on stderr. The command
line shows it only when stderr is a terminal outside CI, and it is gone when the audit ends, so
that logs, pipes and CI output hold only the summary line.
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any

COUNTS = ("stories", "fetched", "audited", "unchanged", "copies")


class TerminalProgress:
    """A live line of counts; call it with (what, how many more), from any thread: `what` is one of
    COUNTS, or "resumed" when the audit goes on with a run that was stopped."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.counts = dict.fromkeys(COUNTS, 0)
        self.resumed = False
        self.lock = threading.Lock()
        self.display: Any = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.task = self.display.add_task(self._line())

    def _line(self) -> str:
        return ("resuming: " if self.resumed else "auditing: ") + " · ".join(f"{self.counts[what]} {what}" for what in COUNTS)

    def __enter__(self) -> TerminalProgress:
        self.display.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.display.stop()

    def __call__(self, what: str, more: int) -> None:
        with self.lock:
            if what == "resumed":
                self.resumed = True
            else:
                self.counts[what] += more
            self.display.update(self.task, description=self._line())
