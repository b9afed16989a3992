"""The `syndcheck` process's start-up: the console script's entry point, and the pause of the
cyclic garbage collector while the command line, its modules and the packs are loaded.

Start-up makes some hundred thousand objects that live as long as the process: modules, classes,
functions, the packs. Allocating them sets off about sixty passes of the collector, each over all
that is young, which cost a one-file check (what a pre-commit hook runs) a twentieth of its time
while nothing they could free exists yet. Plain reference counting frees everything else as usual
meanwhile. This module imports nothing else of the package, so that the pause starts before the
command line's own imports (typer and click make a third of the objects).
"""

from __future__ import annotations

import gc
import sys

# Whether `pause_collector` paused the collector (and `start_up_done` has yet to resume it).
_COLLECTOR = {"paused": False}


def pause_collector() -> None:
    """Pause the cyclic garbage collector until `start_up_done`; nothing when it is off already."""
    if gc.isenabled():
        gc.disable()
        _COLLECTOR["paused"] = True


def start_up_done() -> None:
    """Resume the collector paused by `pause_collector` (nothing when it was not paused).

    Called before the first document is read and before any `--jobs` worker forks, so documents
    are collected as usual. What start-up made is frozen first (moved to the collector's permanent
    generation): resumed with all of it still young, the collector's first pass would walk it at
    once, and every full pass of a long batch would walk it again; frozen, it also stays shared,
    not copied, in forked workers.
    """
    if _COLLECTOR["paused"]:
        _COLLECTOR["paused"] = False
        gc.freeze()
        gc.enable()


def run() -> None:
    """Console-script entry point: the command line, in a process that ends with it.

    Only a process that ends with the command pauses the collector: `compliance.cli.main` called
    in-process (tests, an embedding program) leaves the caller's collector alone.
    """
    pause_collector()
    from compliance.cli import main

    code = main()
    # The process ends now: the collector's last pass over every object still alive (modules,
    # packs, parsed pages) would only free memory the system takes back anyway, and costs a
    # one-file check (a pre-commit hook) tens of milliseconds. Frozen objects are skipped by it;
    # they are still released, streams flushed and atexit handlers run as usual.
    gc.freeze()
    sys.exit(code)
